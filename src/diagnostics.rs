//! Problems an author must fix: typed values with file, line and column, collected over a
//! whole run and rendered together with a source snippet and a hint.

use std::fmt;
use std::sync::Arc;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

/// One input file as the author sees it: the name we show and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub name: Arc<str>,
    pub text: Arc<str>,
}

impl Source {
    pub fn new(name: impl Into<Arc<str>>, text: impl Into<Arc<str>>) -> Source {
        Source {
            name: name.into(),
            text: text.into(),
        }
    }

    /// The text of a 1-based line, without its line ending.
    pub fn line_text(&self, line: usize) -> Option<&str> {
        self.text
            .split('\n')
            .nth(line.checked_sub(1)?)
            .map(|l| l.strip_suffix('\r').unwrap_or(l))
    }
}

/// A place in a source: 1-based line and column (in characters), and how many characters
/// the problem covers (0 = just the point).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Span {
    pub line: usize,
    pub column: usize,
    pub len: usize,
}

impl Span {
    pub fn new(line: usize, column: usize, len: usize) -> Span {
        Span { line, column, len }
    }

    /// The span of `len` characters that starts `offset` characters after this one.
    pub fn shifted(self, offset: usize, len: usize) -> Span {
        Span {
            line: self.line,
            column: self.column + offset,
            len,
        }
    }
}

/// Where a value was written, kept with the value for messages about it found later.
#[derive(Debug, Clone)]
pub struct Place {
    pub source: Source,
    pub span: Span,
}

impl Place {
    pub fn new(source: &Source, span: Span) -> Place {
        Place {
            source: source.clone(),
            span,
        }
    }

    pub fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(&self.source, self.span)
    }

    pub fn warning(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::warning(message).at(&self.source, self.span)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub severity: Severity,
    pub source: Option<Source>,
    pub span: Option<Span>,
    pub message: String,
    pub help: Option<String>,
}

impl Diagnostic {
    /// An error. The message is made safe to print: control characters are shown as symbols
    /// and a long value quoted in backticks is cut (see [`tidy`]).
    pub fn error(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Error,
            source: None,
            span: None,
            message: tidy(message.into()),
            help: None,
        }
    }

    pub fn warning(message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(message)
        }
    }

    pub fn at(mut self, source: &Source, span: Span) -> Diagnostic {
        self.source = Some(source.clone());
        self.span = Some(span);
        self
    }

    pub fn in_file(mut self, source: &Source) -> Diagnostic {
        self.source = Some(source.clone());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(tidy(help.into()));
        self
    }

    pub fn file(&self) -> &str {
        self.source.as_ref().map_or("", |s| &s.name)
    }

    pub fn line(&self) -> usize {
        self.span.map_or(0, |s| s.line)
    }

    pub fn column(&self) -> usize {
        self.span.map_or(0, |s| s.column)
    }

    /// `file:line:col: message` on one line, for logs and tests.
    pub fn summary(&self) -> String {
        match (&self.source, self.span) {
            (Some(src), Some(sp)) => {
                format!("{}:{}:{}: {}", src.name, sp.line, sp.column, self.message)
            }
            (Some(src), None) => format!("{}: {}", src.name, self.message),
            _ => self.message.clone(),
        }
    }

    fn render_with(&self, renderer: &Renderer) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR,
            Severity::Warning => Level::WARNING,
        };
        let title = level.primary_title(self.message.as_str());
        let mut group = Group::with_title(title);
        let shown_line = match (&self.source, self.span) {
            (Some(src), Some(sp)) => src.line_text(sp.line).map(visible),
            _ => None,
        };
        match (&self.source, self.span) {
            (Some(src), Some(sp)) => match shown_line.as_deref() {
                Some(line_text) => {
                    let range = char_range(line_text, sp.column, sp.len);
                    group = group.element(
                        Snippet::source(line_text)
                            .line_start(sp.line)
                            .path(&*src.name)
                            .annotation(AnnotationKind::Primary.span(range)),
                    );
                }
                None => {
                    group = group.element(
                        Origin::path(&*src.name)
                            .line(sp.line)
                            .char_column(sp.column),
                    );
                }
            },
            (Some(src), None) => group = group.element(Origin::path(&*src.name)),
            _ => {}
        }
        if let Some(help) = &self.help {
            group = group.element(Level::HELP.message(help.as_str()));
        }
        renderer.render(&[group])
    }
}

/// The most characters of a value quoted in a message; a longer one is cut. Long enough for
/// any real address or path a hint suggests (a Microsoft Learn address is 100 to 200).
pub const MAX_QUOTED: usize = 300;
/// The most characters of a whole message or hint.
const MAX_MESSAGE: usize = 2000;

/// A message made safe for a terminal, a log and JSON: control characters become the
/// symbols that picture them (so an ESC in a value cannot steer the terminal), each value
/// quoted in backticks longer than [`MAX_QUOTED`] characters is cut, and so is a message
/// that is longer than any real one (an author's 50 MB value is never echoed).
pub fn tidy(message: String) -> String {
    let needs_cut = message.len() > MAX_QUOTED;
    if !needs_cut && !message.chars().any(is_control) {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE + 16));
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are inside backticks.
        if i % 2 == 1 && part.chars().count() > MAX_QUOTED {
            out.extend(part.chars().take(MAX_QUOTED - 20).map(picture));
            out.push_str(&format!("… ({} characters)", part.chars().count()));
        } else {
            out.extend(part.chars().map(picture));
        }
    }
    if out.chars().count() > MAX_MESSAGE {
        out = out.chars().take(MAX_MESSAGE).collect();
        out.push('…');
    }
    out
}

/// A line of a source as it may be printed: control characters as their symbols, one
/// character for one, so that columns stay where they were.
pub fn visible(line: &str) -> std::borrow::Cow<'_, str> {
    if line.chars().any(is_control) {
        std::borrow::Cow::Owned(line.chars().map(picture).collect())
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// Control characters other than a line break and a tab.
fn is_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The Unicode control picture of a C0 control (`␛` for ESC), `␡` for DEL and `�` for the
/// C1 controls; any other character as it is.
fn picture(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// Byte range in `line` of `len` characters from 1-based character column `column`.
fn char_range(line: &str, column: usize, len: usize) -> std::ops::Range<usize> {
    let byte_at = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(i, _)| i)
    };
    let start = byte_at(column.saturating_sub(1));
    let end = byte_at(column.saturating_sub(1) + len.max(1)).max(start);
    start..end
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render_with(&Renderer::plain()))
    }
}

/// Every problem of a run, in a stable order (file, line, column).
#[derive(Debug, Clone, Default)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn new() -> Diagnostics {
        Diagnostics(Vec::new())
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by place and without repeats: the same problem found for several customers
    /// or languages is reported once.
    pub fn sorted(mut self) -> Diagnostics {
        self.0.sort_by(|a, b| {
            (a.file(), a.line(), a.column(), &a.message).cmp(&(
                b.file(),
                b.line(),
                b.column(),
                &b.message,
            ))
        });
        self.0
            .dedup_by(|a, b| a.file() == b.file() && a.span == b.span && a.message == b.message);
        self
    }

    /// All diagnostics, rendered for a terminal (`styled`) or plain text.
    pub fn render(&self, styled: bool) -> String {
        let renderer = if styled {
            Renderer::styled()
        } else {
            Renderer::plain()
        };
        let mut out = String::new();
        for d in &self.0 {
            out.push_str(&d.render_with(&renderer));
            out.push_str("\n\n");
        }
        out
    }

    /// Turn a list of problems into a `Result`: `Err` when any of them is an error.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.has_errors() {
            Err(self)
        } else {
            Ok(value)
        }
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Diagnostics {
        let mut diags = Diagnostics::new();
        for d in iter {
            diags.push(d);
        }
        diags
    }
}

impl IntoIterator for Diagnostics {
    type Item = Diagnostic;
    type IntoIter = std::vec::IntoIter<Diagnostic>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.into_iter()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(d: Diagnostic) -> Diagnostics {
        Diagnostics(vec![d])
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(false))
    }
}

impl std::error::Error for Diagnostics {}

/// The closest of `candidates` to `word`, if it is close enough to be a likely typo.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1) + 1;
    candidates
        .into_iter()
        .map(|c| (edit_distance(word, c), c))
        .filter(|(d, _)| *d <= limit)
        .min()
        .map(|(_, c)| c)
}

fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            let cost = usize::from(ca != *cb);
            cur[j + 1] = (prev[j] + cost).min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rendered_diagnostic_names_file_line_and_hint() {
        let src = Source::new("customers/acme.yaml", "name: Acme\nhelpdsk:\n  phone: 1\n");
        let d = Diagnostic::error("unknown key `helpdsk`")
            .at(&src, Span::new(2, 1, 7))
            .help("did you mean `helpdesk`?");
        let text = d.to_string();
        assert!(text.contains("customers/acme.yaml:2:1"), "{text}");
        assert!(text.contains("helpdsk:"), "{text}");
        assert!(text.contains("did you mean `helpdesk`?"), "{text}");
        assert_eq!(
            d.summary(),
            "customers/acme.yaml:2:1: unknown key `helpdsk`"
        );
    }

    #[test]
    fn control_characters_never_reach_the_terminal_and_long_values_are_cut() {
        let value = format!("a\u{1b}[31mb{}", "x".repeat(100_000));
        let src = Source::new("c.yaml", format!("name: {value}\n"));
        let d = Diagnostic::error(format!("`{value}` is not a name"))
            .at(&src, Span::new(1, 7, 3))
            .help(format!("not `{value}`"));
        let text = d.to_string();
        assert!(!text.contains('\u{1b}'), "{text}");
        assert!(text.contains("a␛[31mb"), "{text}");
        assert!(d.message.contains("(100007 characters)"), "{}", d.message);
        assert!(d.message.len() < MAX_QUOTED + 40, "{}", d.message);
        assert!(text.len() < 2000, "{}", text.len());
        assert_eq!(tidy("a `short` one".into()), "a `short` one");
    }

    #[test]
    fn span_past_the_end_of_a_line_does_not_panic() {
        let src = Source::new("a.md", "ab\n");
        let d = Diagnostic::error("x").at(&src, Span::new(1, 9, 4));
        assert!(d.to_string().contains("a.md:1:"));
        let d = Diagnostic::error("x").at(&src, Span::new(7, 1, 1));
        assert!(d.to_string().contains("a.md:7:1"));
    }

    #[test]
    fn sorted_removes_the_same_problem_reported_twice() {
        let src = Source::new("a.md", "x\n");
        let mut all = Diagnostics::new();
        all.push(Diagnostic::error("b").at(&src, Span::new(1, 1, 1)));
        all.push(Diagnostic::error("b").at(&src, Span::new(1, 1, 1)));
        all.push(Diagnostic::error("a").in_file(&src));
        let all = all.sorted();
        assert_eq!(all.len(), 2);
        assert_eq!(all.iter().next().map(|d| d.message.as_str()), Some("a"));
    }

    #[test]
    fn did_you_mean_finds_typos_but_not_strangers() {
        let names = ["helpdesk.phone", "helpdesk.email", "customer.name"];
        assert_eq!(did_you_mean("helpdesk.phon", names), Some("helpdesk.phone"));
        assert_eq!(did_you_mean("helpdsk.email", names), Some("helpdesk.email"));
        assert_eq!(did_you_mean("rollout.waves", names), None);
    }
}
