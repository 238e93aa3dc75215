//! DocFX, the Markdown of Microsoft Learn, recognised on a page's lines as written (with
//! their real line and column), before Markdown sees them: `:::image` becomes a figure;
//! every other construct (zones, rows and columns, includes, videos, `[!div]` boxes, tabs,
//! code from files, monikers) is an error that says what to write instead. Lines inside
//! fenced code, inline code and HTML comments are left alone.

mod attributes;
mod lines;

use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use attributes::attributes;
pub(crate) use lines::Literal;
use lines::column;

/// A `:::image`: a picture with its description, shown as a figure.
#[derive(Debug, Clone, PartialEq)]
pub struct Figure {
    /// The path as written in `source="…"`.
    pub src: String,
    /// Where `src` is written.
    pub src_span: Span,
    pub alt: String,
    /// The long description of a `type="complex"` image, shown below it.
    pub caption: Option<String>,
    /// The spaces before `:::image`, so that the figure stays in its list item.
    pub indent: String,
}

/// What a line of the page is.
#[derive(Debug, PartialEq)]
pub enum Line {
    /// Markdown (or our dialect): not DocFX.
    Markdown,
    /// The figure of a `:::image` (of its last line, for a `type="complex"` image).
    Figure(Figure),
    /// DocFX that must not reach the page: reported, or part of a `:::image` block.
    Drop,
}

/// Reads a page line by line; every problem is kept for [`Scanner::finish`].
pub struct Scanner<'s> {
    source: &'s Source,
    literal: Literal,
    /// An open `:::image type="complex"`: the figure so far and its line.
    complex: Option<(Figure, Span)>,
    /// The line of the first tab of an open group of DocFX tabs.
    tabs: Option<usize>,
    /// The line of the last `::: zone`.
    zone: Option<usize>,
    diags: Diagnostics,
}

impl<'s> Scanner<'s> {
    pub fn new(source: &'s Source) -> Scanner<'s> {
        Scanner {
            source,
            literal: Literal::default(),
            complex: None,
            tabs: None,
            zone: None,
            diags: Diagnostics::new(),
        }
    }

    /// Every problem found, once the last line was read.
    pub fn finish(mut self) -> Diagnostics {
        if let Some((_, span)) = self.complex.take() {
            self.error(
                span,
                "this `:::image type=\"complex\"` is never closed".into(),
                "end its description with a line `:::image-end:::`.".into(),
            );
        }
        self.diags
    }

    /// `raw` is line `line` of the page, with its line ending.
    pub fn line(&mut self, raw: &str, line: usize) -> Line {
        let content = raw.trim_end_matches(['\n', '\r']);
        let nothing_open = !self.literal.is_open() && self.complex.is_none() && self.tabs.is_none();
        if nothing_open && !lines::may_hold_docfx(content) {
            return Line::Markdown;
        }
        let Some(code) = self.literal.next_line(content) else {
            return Line::Markdown;
        };
        if self.complex.is_some() {
            return self.in_complex(content);
        }
        let body_at = lines::body_start(content);
        let body = &content[body_at..];
        if let Some(found) = self.block(content, body_at, line) {
            return found;
        }
        if let Some(level) = lines::tab_heading(body) {
            self.tab(content, body_at, level, line);
            return Line::Drop;
        }
        if self.tabs.is_some() && content.trim_end() == "---" {
            let first = self.tabs.take().unwrap_or(line);
            self.error(
                Span::new(line, 1, 3),
                format!("this `---` ends the DocFX tabs that start on line {first}"),
                "remove it once the tabs are sections: here it would draw a line across the page."
                    .into(),
            );
            return Line::Drop;
        }
        let before = self.diags.len();
        self.inline(content, &code, line);
        if self.diags.len() > before {
            Line::Drop
        } else {
            Line::Markdown
        }
    }

    fn error(&mut self, span: Span, message: String, help: String) {
        self.diags
            .push(Diagnostic::error(message).at(self.source, span).help(help));
    }

    /// A line that starts with `:::` (after indentation and `>`): a DocFX block.
    fn block(&mut self, content: &str, at: usize, line: usize) -> Option<Line> {
        let rest = content[at..].strip_prefix(":::")?;
        let name_at = rest.len() - rest.trim_start().len();
        let name: String = rest[name_at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
            .collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
            return None;
        }
        let written = content[at..].trim_end();
        let span = Span::new(line, column(content, at), written.chars().count());
        let after_at = at + 3 + name_at + name.len();
        let help = match name.as_str() {
            "image" => return Some(self.image(content, at, after_at, span)),
            "image-end" => {
                self.error(span, "`:::image-end:::` without a `:::image type=\"complex\"` above it".into(), "remove it, or start the image with `:::image type=\"complex\" source=\"…\" alt-text=\"…\":::`.".into());
                return Some(Line::Drop);
            }
            "zone" => {
                self.zone = Some(line);
                "keep the text that applies to your customers and remove the `::: zone` and `::: zone-end` lines; if it depends on the customer, put it between `{{#if …}}` and `{{/if}}` lines instead (e.g. `{{#if app}}`, `{{#if feature.remote_desktop}}`).".to_string()
            }
            "zone-end" => match self.zone.take() {
                Some(open) => format!("remove it together with the `::: zone` line {open}; use `{{{{#if …}}}}` … `{{{{/if}}}}` for text that depends on the customer."),
                None => "remove it; handboek has no zones (use `{{#if …}}` … `{{/if}}` for text that depends on the customer).".to_string(),
            },
            "row" | "row-end" | "column" | "column-end" => "remove the `:::row:::`, `:::column:::`, `:::column-end:::` and `:::row-end:::` lines: the text between them stays, one part after the other.".to_string(),
            "moniker" | "moniker-end" => "keep the text for the version your customers use and remove the `::: moniker` and `::: moniker-end` lines.".to_string(),
            "code" => "paste the code itself between two lines of three backticks (```): handboek cannot read files of Microsoft's repository.".to_string(),
            _ => "remove the line and keep what it says as plain Markdown; handboek knows only `:::image` of DocFX.".to_string(),
        };
        let what = match name.as_str() {
            "zone" | "zone-end" => "a DocFX zone, which handboek does not have",
            "row" | "row-end" | "column" | "column-end" => {
                "a DocFX column layout, which handboek does not have"
            }
            "moniker" | "moniker-end" => "a DocFX version switch, which handboek does not have",
            "code" => "DocFX code from another file",
            _ => "a DocFX block that handboek does not know",
        };
        let shown = lines::shorten(written);
        self.error(span, format!("`{shown}` is {what}"), help);
        Some(Line::Drop)
    }

    /// `:::image` (at byte `at` of the line) and its attributes, which start at byte
    /// `after_at`.
    fn image(&mut self, content: &str, at: usize, after_at: usize, span: Span) -> Line {
        let after = &content[after_at..];
        let attrs = match attributes(after) {
            Ok((attrs, end)) if after[end..].trim().is_empty() => attrs,
            Ok((_, end)) => {
                let span = Span::new(
                    span.line,
                    column(content, after_at + end),
                    after[end..].trim_end().chars().count(),
                );
                self.error(span, "text after a `:::image …:::`".into(), "put the `:::image …:::` on a line of its own to make it a figure, or write the image inside the sentence as `![alt text](media/x.png)`.".into());
                return Line::Drop;
            }
            Err((message, at)) => {
                let span = Span::new(span.line, column(content, after_at + at), 1);
                self.error(span, message, "write it as `:::image type=\"content\" source=\"media/x.png\" alt-text=\"What the picture shows\":::`.".into());
                return Line::Drop;
            }
        };
        let get = |name: &str| attrs.iter().find(|a| a.name == name);
        for a in &attrs {
            if ![
                "type",
                "source",
                "alt-text",
                "lightbox",
                "border",
                "loc-scope",
                "link",
            ]
            .contains(&a.name.as_str())
            {
                let at = Span::new(span.line, column(content, after_at + a.at), a.name.len());
                self.error(at, format!("`{}` is not an attribute of `:::image`", a.name), "use `source=\"…\"` and `alt-text=\"…\"` (`type`, `lightbox`, `border`, `loc-scope` and `link` are allowed and ignored).".into());
            }
        }
        let kind = get("type").map_or("content", |a| a.value.as_str());
        let Some(source) = get("source") else {
            self.error(span, "the `:::image` has no `source=\"…\"`".into(), "add the picture's path, e.g. `source=\"media/sign-in.png\"`, and save the picture as `assets/media/sign-in.png`.".into());
            return Line::Drop;
        };
        let alt = get("alt-text").map(|a| a.value.clone());
        if alt.is_none() && kind != "icon" {
            self.error(span, "the `:::image` has no `alt-text=\"…\"`".into(), "describe what the picture shows in `alt-text=\"…\"`: screen readers read it aloud.".into());
        }
        let value_at = after_at + source.value_at;
        let figure = Figure {
            src: source.value.clone(),
            src_span: Span::new(
                span.line,
                column(content, value_at),
                source.value.chars().count(),
            ),
            alt: alt.unwrap_or_default(),
            caption: None,
            // The indentation and `>` before it keep the figure in its list item or quote.
            indent: content[..at].to_string(),
        };
        if kind == "complex" {
            self.complex = Some((figure, span));
            return Line::Drop;
        }
        Line::Figure(figure)
    }

    /// A line inside a `type="complex"` image: its long description, or its end.
    fn in_complex(&mut self, content: &str) -> Line {
        let trimmed = content[lines::body_start(content)..].trim();
        if trimmed.starts_with(":::image-end")
            && let Some((mut figure, _)) = self.complex.take()
        {
            figure.caption = figure.caption.map(|c| c.trim().to_string());
            return Line::Figure(figure);
        }
        if let Some((figure, _)) = self.complex.as_mut() {
            let caption = figure.caption.get_or_insert_with(String::new);
            caption.push_str(trimmed);
            caption.push(' ');
        }
        Line::Drop
    }

    /// A heading that is a DocFX tab: `## [iOS](#tab/iOS)`.
    fn tab(&mut self, content: &str, at: usize, level: usize, line: usize) {
        let body = content[at..].trim_end();
        let name = lines::tab_name(body);
        let first = *self.tabs.get_or_insert(line);
        let hashes = "#".repeat(level);
        let also = match first == line {
            true => "the `---` line that ends the tabs".to_string(),
            false => format!("the `---` line that ends the tabs that start on line {first}"),
        };
        self.error(
            Span::new(line, column(content, at), body.chars().count()),
            format!("`{body}` is a DocFX tab, which handboek does not have"),
            format!("make it a section of its own, `{hashes} {name}`, or keep only what applies to your customers (with `{{{{#if …}}}}` … `{{{{/if}}}}` where it depends on the customer); then remove {also}."),
        );
    }

    /// Constructs inside a line: `[!INCLUDE …]`, `[!VIDEO …]`, `[!div …]` and the like,
    /// and a `:::image` in a sentence.
    fn inline(&mut self, content: &str, code: &[std::ops::Range<usize>], line: usize) {
        let visible = |at: usize| !code.iter().any(|r| r.contains(&at));
        for (at, _) in content.match_indices("[!").filter(|(at, _)| visible(*at)) {
            let word: String = content[at + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '-')
                .collect();
            let lower = word.to_ascii_lowercase();
            if word.is_empty()
                || ["note", "tip", "important", "warning", "caution"].contains(&lower.as_str())
            {
                continue;
            }
            let end = lines::construct_end(content, at);
            let written = &content[at..end];
            let span = Span::new(line, column(content, at), written.chars().count());
            let shown = lines::shorten(written);
            let (message, help) = match lower.as_str() {
                "include" => (
                    format!("`{shown}` takes its text from another file of Microsoft's repository"),
                    "paste the text it stands for here (open the article on learn.microsoft.com and copy that part), or remove the line.".to_string(),
                ),
                "video" => {
                    let url = written[2 + word.len()..].trim_end_matches(']').trim();
                    (
                        format!("`{shown}` shows a video from the internet"),
                        format!("a handbook page loads nothing from the network: link to the video instead, e.g. `[Watch the video]({url})`, on a line without `>`."),
                    )
                }
                "div" => (
                    format!("`{shown}` is a DocFX box, which handboek does not have"),
                    match written.contains("nextstepaction") {
                        true => "remove this line and the `> ` in front of the link below it: the link stays as an ordinary link.".to_string(),
                        false => "remove this line and the `> ` in front of the lines below it: a list stays a list.".to_string(),
                    },
                ),
                code if code.starts_with("code-") => (
                    format!("`{shown}` is DocFX code from another file"),
                    "paste the code itself between two lines of three backticks (```): handboek cannot read files of Microsoft's repository.".to_string(),
                ),
                _ => (
                    format!("`{shown}` is DocFX markup that handboek does not know"),
                    "alerts are `> [!NOTE]`, `[!TIP]`, `[!IMPORTANT]`, `[!WARNING]` and `[!CAUTION]` on a line of their own; remove anything else.".to_string(),
                ),
            };
            self.error(span, message, help);
        }
        for (at, _) in content
            .match_indices(":::image")
            .filter(|(at, _)| visible(*at))
        {
            let span = Span::new(line, column(content, at), 8);
            self.error(span, "a `:::image` inside a sentence".into(), "write the image inside the sentence as `![alt text](media/x.png)`, or put the `:::image …:::` on a line of its own to make it a figure.".into());
        }
    }
}

#[cfg(test)]
mod tests;
