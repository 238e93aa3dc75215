//! Where a problem is: the source file as the author sees it, a line and column in it,
//! and a value's place kept with the value.

use std::sync::Arc;

use super::Diagnostic;

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
