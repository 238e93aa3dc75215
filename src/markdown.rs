//! The only user of pulldown-cmark: resolved Markdown to HTML, with our alerts, unique
//! heading ids, page links and images checked and rewritten, footnote ids that cannot
//! collide, and dialect placeholders filled in with escaped values. Each page is parsed and
//! written once; its print-edition HTML is derived from the site's (see `write`).

mod events;
mod headings;
mod hyphenate;
mod links;
mod raw_html;
mod text;
mod write;

use std::collections::BTreeSet;

use pulldown_cmark::{
    BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset,
};

use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::dialect::{Insert, Resolved, split_placeholders};
use crate::lang::Lang;

pub use hyphenate::{Room, SOFT_HYPHEN, soft_hyphens, strip_soft_hyphens};
pub use raw_html::without_comments;
pub use text::{escape, escape_pieces, slugify};
use write::Ev;

/// Everything the renderer needs besides the Markdown.
pub struct Context<'a> {
    pub source: &'a Source,
    /// The page's language: how its long words are hyphenated.
    pub lang: Lang,
    /// The page's slug; footnote ids are made from it.
    pub slug: &'a str,
    /// What to put before every id of the page in the site (a wave's copy of a page).
    pub site_prefix: Option<&'a str>,
    /// What to put before every id of the page in the print edition, where the pages share
    /// one file (the page's slug, so that ids of different pages cannot collide).
    pub print_prefix: &'a str,
    /// Slugs of the pages in this customer's handbook.
    pub pages: &'a BTreeSet<String>,
    /// Slugs of every page of this audience in the library (to tell "left out" from "missing").
    pub library: &'a BTreeSet<String>,
    pub customer_id: &'a str,
    pub alert_title: &'a dyn Fn(BlockQuoteKind) -> String,
    /// The accessible name of a task-list box: done (`true`) or still to do.
    pub task_label: &'a dyn Fn(bool) -> String,
    /// The accessible name of a code block (which a keyboard can scroll sideways).
    pub code_label: &'a str,
    /// HTML for a QR code or a screen insert.
    pub render_insert: &'a dyn Fn(&Insert) -> String,
    /// The asset path (`assets/…`) an image refers to, if it exists.
    pub find_asset: &'a dyn Fn(&str) -> Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Heading {
    pub level: u8,
    pub id: String,
    pub text: String,
}

/// A page rendered once: its HTML for the site, and for the print edition the same HTML
/// with the ids and page links of a section of one long file.
#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    pub print: Printed,
    /// Asset paths (`assets/…`) this page shows.
    pub assets: BTreeSet<String>,
    /// The page's text, for search and summaries.
    pub text: String,
    /// Links to a heading of another page (`page.md#id`), with the link's line: checked
    /// once every page of the handbook is rendered.
    pub anchors: Vec<Anchor>,
}

/// The page as a section of the print edition.
#[derive(Debug, Clone, Default)]
pub struct Printed {
    pub html: String,
    /// The page's headings, with the print edition's ids.
    pub headings: Vec<Heading>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Anchor {
    pub slug: String,
    pub id: String,
    pub span: Span,
}

/// pulldown-cmark's options for every page (public for `bench/floor.rs`, whose floor must
/// parse as a build does).
pub fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_GFM
}

/// Renders a page once, for the site and the print edition.
pub fn render(resolved: &Resolved, cx: &Context) -> Result<Rendered, Diagnostics> {
    // The HTML is about as long as the Markdown and a bit: sized once, not grown.
    let size = resolved.markdown.len() + resolved.markdown.len() / 2;
    match render_with(resolved, cx, |events| write::splice(events, size)) {
        Some(rendered) => rendered,
        // Rare (a page link inside an image's alt text): parse again, write both whole.
        None => match render_with(resolved, cx, |events| Some(write::apart(events))) {
            Some(rendered) => rendered,
            None => Err(Diagnostic::error("internal: the page could not be written")
                .in_file(cx.source)
                .into()),
        },
    }
}

/// Renders with `write`, which makes the site and print HTML from the events (`None`:
/// it cannot).
fn render_with(
    resolved: &Resolved,
    cx: &Context,
    write: impl FnOnce(Vec<Ev>) -> Option<(String, String)>,
) -> Option<Result<Rendered, Diagnostics>> {
    let mut r = Renderer {
        cx,
        resolved,
        diags: Diagnostics::new(),
        out: Rendered::default(),
        used_ids: BTreeSet::new(),
        links: Vec::new(),
        code_depth: 0,
        cell_depth: 0,
        in_heading: false,
        html: raw_html::RawHtml::default(),
    };
    let parser = Parser::new_ext(&resolved.markdown, options()).into_offset_iter();
    // Sized for a page of prose (about one event per 16 bytes of Markdown, and the search
    // text as long as the page), so that neither grows by copying while it fills.
    let mut events: Vec<Ev> = Vec::with_capacity(resolved.markdown.len() / 16);
    r.out.text.reserve(resolved.markdown.len());
    let mut heading: Option<HeadingBuf> = None;
    for (event, range) in TextMergeWithOffset::new(parser) {
        match event {
            Event::Start(Tag::Heading { level, id, .. }) => {
                if level == HeadingLevel::H1 {
                    r.error(range.clone(), "a `#` heading inside a page".into(), "the front matter `title` is the page's only top heading; start sections with `##`.".into());
                }
                heading = Some(HeadingBuf {
                    level,
                    explicit: id.map(|s| s.to_string()),
                    events: Vec::new(),
                    range: range.clone(),
                });
                continue;
            }
            Event::End(TagEnd::Heading(_)) => {
                r.out.text.push(' ');
                if let Some(h) = heading.take() {
                    r.heading(h, &mut events);
                }
                continue;
            }
            _ => {}
        }
        r.in_heading = heading.is_some();
        let into = match heading.as_mut() {
            Some(h) => &mut h.events,
            None => &mut events,
        };
        match r.pass(event) {
            Ok(event) => into.push(Ev::Same(event)),
            Err(event) => into.extend(r.map(event, range)),
        }
    }
    let (site, print) = write(events)?;
    r.out.html = site;
    r.out.print.html = print;
    r.out.text = collapse_whitespace(&r.out.text);
    Some(r.diags.into_result(r.out))
}

/// `text` with every run of whitespace one space, and none at either end. Text between
/// whitespace that must go is copied whole; most bytes are only looked up in a table.
fn collapse_whitespace(text: &str) -> String {
    // Bytes that are, or may begin, whitespace: ASCII whitespace, and the first bytes of
    // the other Unicode whitespace characters (U+0085, U+00A0, U+1680, U+2000.., U+3000).
    const MAYBE_SPACE: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = matches!(b as u8, b' ' | b'\t'..=b'\r' | 0xc2 | 0xe1 | 0xe2 | 0xe3);
            b += 1;
        }
        table
    };
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut i) = (0, 0);
    // Whether the last character kept is a space (at the start: nothing before counts).
    let mut after_space = true;
    while i < bytes.len() {
        let b = bytes[i];
        if !MAYBE_SPACE[usize::from(b)] {
            after_space = false;
            i += 1;
            continue;
        }
        let (space, len) = match b {
            0..0x80 => (true, 1),
            _ => text[i..]
                .chars()
                .next()
                .map_or((false, 1), |c| (c.is_whitespace(), c.len_utf8())),
        };
        if !space || (b == b' ' && !after_space) {
            // A character to keep as it is: a single space between words is one.
            after_space = space;
            i += len;
            continue;
        }
        out.push_str(&text[copied..i]);
        if !after_space {
            out.push(' ');
            after_space = true;
        }
        i += len;
        copied = i;
    }
    out.push_str(&text[copied..]);
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

struct HeadingBuf<'a> {
    level: HeadingLevel,
    explicit: Option<String>,
    events: Vec<Ev<'a>>,
    /// Where the heading is in the resolved Markdown.
    range: std::ops::Range<usize>,
}

struct Renderer<'a> {
    cx: &'a Context<'a>,
    resolved: &'a Resolved,
    diags: Diagnostics,
    out: Rendered,
    used_ids: BTreeSet<String>,
    /// The links we are inside: the print edition's target and the text seen so far (for
    /// what is printed after a link).
    links: Vec<(String, String)>,
    code_depth: usize,
    /// Table cells we are inside: narrow, so shorter words get soft hyphens there.
    cell_depth: usize,
    /// Heading text is also the heading's id and its entry in every table of contents, so
    /// it gets no soft hyphens.
    in_heading: bool,
    html: raw_html::RawHtml,
}

impl<'a> Renderer<'a> {
    /// Where a byte range of the resolved Markdown was written in the page.
    fn span(&self, range: std::ops::Range<usize>) -> Span {
        self.resolved.span(range, self.cx.source)
    }

    /// A problem with what was written at `at`, a byte range of the resolved Markdown.
    fn error(&mut self, at: std::ops::Range<usize>, message: String, help: String) {
        let span = self.span(at);
        self.error_at(span, message, help);
    }

    fn error_at(&mut self, span: Span, message: String, help: String) {
        self.diags.push(
            Diagnostic::error(message)
                .at(self.cx.source, span)
                .help(help),
        );
    }

    fn insert(&self, n: usize) -> Option<&'a Insert> {
        self.resolved.inserts.get(n)
    }

    /// Text a reader sees: for search, and for the link it is in.
    fn note_text(&mut self, text: &str) {
        self.out.text.push_str(text);
        if let Some((_, link_text)) = self.links.last_mut() {
            link_text.push_str(text);
        }
    }

    /// What a reader sees of an insert, as plain text.
    fn insert_text(&self, n: usize) -> String {
        match self.insert(n) {
            Some(Insert::Value(v)) => v.display().to_string(),
            Some(Insert::Literal) => "{{".to_string(),
            Some(Insert::Qr { label, .. }) => label.clone(),
            Some(Insert::Screen(_) | Insert::Schedule | Insert::Figure(_)) | None => String::new(),
        }
    }

    /// Plain text with placeholders replaced by what a reader sees.
    fn plain(&self, text: &str) -> String {
        split_placeholders(text)
            .into_iter()
            .map(|part| part.map_or_else(|n| self.insert_text(n), str::to_string))
            .collect()
    }

    /// Raw HTML written by an author, with placeholders replaced by escaped values.
    fn fill_html(&self, html: &str) -> String {
        split_placeholders(html)
            .into_iter()
            .map(|part| part.map_or_else(|n| escape(&self.insert_text(n)), str::to_string))
            .collect()
    }

    /// An id of the page as the site has it.
    fn site_id(&self, id: &str) -> String {
        match self.cx.site_prefix {
            None => id.to_string(),
            Some(prefix) => format!("{prefix}--{id}"),
        }
    }

    /// An id of the page as the print edition has it.
    fn print_id(&self, id: &str) -> String {
        format!("{}--{id}", self.cx.print_prefix)
    }
}

/// The name of an alert kind: its CSS class suffix and its key in the theme's `alerts` strings.
pub fn alert_name(kind: BlockQuoteKind) -> &'static str {
    match kind {
        BlockQuoteKind::Note => "note",
        BlockQuoteKind::Tip => "tip",
        BlockQuoteKind::Important => "important",
        BlockQuoteKind::Warning => "warning",
        BlockQuoteKind::Caution => "caution",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn collapse_whitespace_treats_unicode_spaces_as_spaces_and_keeps_other_text() {
        let text = " \t Stap\u{a0}1:\n\u{2003}open  de app\u{3000}— café\u{1f}x \r\n";
        let words: Vec<&str> = text.split_whitespace().collect();
        assert_eq!(collapse_whitespace(text), words.join(" "));
        assert_eq!(
            collapse_whitespace(text),
            "Stap 1: open de app — café\u{1f}x"
        );
        assert_eq!(collapse_whitespace(" \n "), "");
    }
}
