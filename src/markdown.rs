//! The only user of pulldown-cmark: resolved Markdown to HTML, with our alerts, unique
//! heading ids, page links and images checked and rewritten, footnote ids that cannot
//! collide, and dialect placeholders filled in with escaped values.

mod events;
mod headings;
mod hyphenate;
mod links;
mod raw_html;
mod text;

use std::collections::BTreeSet;

use pulldown_cmark::{
    BlockQuoteKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd, TextMergeWithOffset, html,
};

use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::dialect::{Insert, Resolved, split_placeholders};
use crate::lang::Lang;

pub use hyphenate::{Room, SOFT_HYPHEN, soft_hyphens, strip_soft_hyphens};
pub use raw_html::without_comments;
pub use text::{escape, slugify};

/// Where a page is rendered: as its own file in the site, or as a section of the print
/// edition (where links become anchors and ids get the page's prefix).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Site,
    Print,
}

/// Everything the renderer needs besides the Markdown.
pub struct Context<'a> {
    pub source: &'a Source,
    /// The page's language: how its long words are hyphenated.
    pub lang: Lang,
    /// The page's slug; footnote ids are made from it.
    pub slug: &'a str,
    /// What to put before every id of the page (the page's slug in the print edition, so that
    /// ids of different pages cannot collide).
    pub id_prefix: Option<&'a str>,
    pub target: Target,
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

#[derive(Debug, Clone, Default)]
pub struct Rendered {
    pub html: String,
    pub headings: Vec<Heading>,
    /// Asset paths (`assets/…`) this page shows.
    pub assets: BTreeSet<String>,
    /// The page's text, for search and summaries.
    pub text: String,
    /// Links to a heading of another page (`page.md#id`), with the link's line: checked
    /// once every page of the handbook is rendered.
    pub anchors: Vec<Anchor>,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Anchor {
    pub slug: String,
    pub id: String,
    pub span: Span,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_HEADING_ATTRIBUTES
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_GFM
}

pub fn render(resolved: &Resolved, cx: &Context) -> Result<Rendered, Diagnostics> {
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
    let mut events: Vec<Event> = Vec::new();
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
            Ok(event) => into.push(event),
            Err(event) => into.extend(r.map(event, range)),
        }
    }
    html::push_html(&mut r.out.html, events.into_iter());
    r.out.text = collapse_whitespace(&r.out.text);
    r.diags.into_result(r.out)
}

/// `text` with every run of whitespace one space, and none at either end.
fn collapse_whitespace(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

struct HeadingBuf<'a> {
    level: HeadingLevel,
    explicit: Option<String>,
    events: Vec<Event<'a>>,
    /// Where the heading is in the resolved Markdown.
    range: std::ops::Range<usize>,
}

struct Renderer<'a> {
    cx: &'a Context<'a>,
    resolved: &'a Resolved,
    diags: Diagnostics,
    out: Rendered,
    used_ids: BTreeSet<String>,
    /// The links we are inside: target and the text seen so far (for print URLs).
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
        if self.cx.target == Target::Site {
            self.out.text.push_str(text);
        }
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

    fn prefixed(&self, id: &str) -> String {
        match self.cx.id_prefix {
            None => id.to_string(),
            Some(prefix) => format!("{prefix}--{id}"),
        }
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
