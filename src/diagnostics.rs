//! Problems an author must fix: typed values with file, line and column, collected over a
//! whole run and rendered together with a source snippet and a hint.

use std::fmt;

use annotate_snippets::{AnnotationKind, Group, Level, Origin, Renderer, Snippet};

mod source;
mod tidy;

pub use source::{Place, Source, Span};
use tidy::char_range;
pub use tidy::{MAX_QUOTED, tidy, visible};

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
        assert_eq!(tidy("key `re\t\tprimary`".into()), "key `re␉␉primary`");
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
