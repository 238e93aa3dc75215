//! Every error the YAML layer (serde-saphyr and its parser) can give, in handboek's words:
//! what is wrong, at which key, and what to write instead. The parser's own text ("set
//! DuplicateKeyPolicy in Options", "expected mapping start") never reaches the author.

mod syntax;

use serde_saphyr::{Error, ExternalMessageSource};

use super::location_span;
use super::tree::Shape;
use crate::diagnostics::{Diagnostic, Source, Span, did_you_mean};

/// The error as a diagnostic at its place in `source`.
pub fn diagnostic(source: &Source, err: &Error, line_offset: usize, shape: &Shape) -> Diagnostic {
    let place = err
        .location()
        .filter(|l| l.line() > 0)
        .map(|l| location_span(l, line_offset));
    let inner = innermost(err);
    // A second document is noticed where it starts: point at its `---`.
    let place = match (inner, place) {
        (Error::MultipleDocuments { .. }, Some(p)) => Some(document_marker(source, p).unwrap_or(p)),
        (_, other) => other,
    };
    let syntax_error = matches!(inner, Error::ExternalMessage { .. });
    // A syntax error is often noticed after its cause: point at the cause.
    let place = match place {
        Some(p) if syntax_error => Some(cause(source, p)),
        other => other,
    };
    let key = place.and_then(|p| {
        shape
            .name_at(p)
            .map(str::to_string)
            .or_else(|| key_on_line(source, p.line))
    });
    let char_at = place.and_then(|p| {
        source
            .line_text(p.line)
            .and_then(|l| l.chars().nth(p.column.saturating_sub(1)))
    });
    let Words { message, help, len } = match (place, char_at) {
        (Some(p), Some('[' | '{')) if syntax_error && p.len == 0 => said(
            "this bracket is never closed",
            "close each `[` with `]` and each `{` with `}` on the same line, and separate the items with `, `.",
        ),
        _ => words(inner, key.as_deref(), char_at),
    };
    // An unknown escape is noticed at its quote: point at the `\` itself.
    let place = match place {
        Some(p) if message.contains("starts an escape") => Some(bad_escape(source, p).unwrap_or(p)),
        other => other,
    };
    let d = Diagnostic::error(message).help(help);
    match place {
        Some(span) => d.at(
            source,
            Span {
                len: len.max(1),
                ..span
            },
        ),
        None => d.in_file(source),
    }
}

/// Where a syntax error noticed at `at` comes from: a control character or a tab on its
/// line, or a bracket left open on a line above (marked with `len` 0).
fn cause(source: &Source, at: Span) -> Span {
    let line = source.line_text(at.line).unwrap_or("");
    let odd = |c: char| c.is_control() && !matches!(c, '\n' | '\r');
    if let Some(i) = line.chars().position(odd) {
        return Span::new(at.line, i + 1, 1);
    }
    // A value may go on on the next line, so a tab indenting that line is noticed here.
    if let Some(next) = source.line_text(at.line + 1)
        && let Some(i) = next
            .chars()
            .take_while(|c| c.is_whitespace())
            .position(|c| c == '\t')
    {
        return Span::new(at.line + 1, i + 1, 1);
    }
    if let Some((line, column)) = open_bracket(source, at.line) {
        return Span::new(line, column, 0);
    }
    at
}

/// The `---` or `...` line at or above `at`.
fn document_marker(source: &Source, at: Span) -> Option<Span> {
    (1..=at.line).rev().find_map(|n| {
        let line = source.line_text(n)?;
        (line.starts_with("---") || line.starts_with("...")).then(|| Span::new(n, 1, 3))
    })
}

/// The first `\` from `at` on whose escape YAML does not know.
fn bad_escape(source: &Source, at: Span) -> Option<Span> {
    let chars: Vec<char> = source.line_text(at.line)?.chars().collect();
    let known = "0abt\tnvfre \"/\\N_LPxuU";
    let mut i = at.column.saturating_sub(1);
    while i + 1 < chars.len() {
        if chars[i] == '\\' {
            if !known.contains(chars[i + 1]) {
                return Some(Span::new(at.line, i + 1, 2));
            }
            i += 1;
        }
        i += 1;
    }
    None
}

/// The last `[` or `{` still open when line `until` starts, outside quotes and comments.
fn open_bracket(source: &Source, until: usize) -> Option<(usize, usize)> {
    let mut open: Vec<(usize, usize)> = Vec::new();
    for n in 1..until {
        let mut quote = None;
        for (i, c) in source.line_text(n)?.chars().enumerate() {
            match (quote, c) {
                (Some(q), c) if c == q => quote = None,
                (Some(_), _) => {}
                (None, '"' | '\'') => quote = Some(c),
                (None, '#') => break,
                (None, '[' | '{') => open.push((n, i + 1)),
                (None, ']' | '}') => {
                    open.pop();
                }
                _ => {}
            }
        }
    }
    open.pop()
}

/// The key written on line `line` (`  name: …` or `- name: …`), when the document could
/// not be read to name it.
fn key_on_line(source: &Source, line: usize) -> Option<String> {
    let text = source.line_text(line)?.trim_start();
    let text = text.strip_prefix("- ").unwrap_or(text);
    let (key, _) = text.split_once(':')?;
    let simple = !key.is_empty()
        && key
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    simple.then(|| key.to_string())
}

fn innermost(mut err: &Error) -> &Error {
    while let Error::AliasError { error, .. } | Error::WithSnippet { error, .. } = err {
        err = error;
    }
    err
}

pub(super) struct Words {
    message: String,
    help: String,
    /// How many characters the problem covers at its place.
    len: usize,
}

pub(super) fn said(message: impl Into<String>, help: impl Into<String>) -> Words {
    Words {
        message: message.into(),
        help: help.into(),
        len: 1,
    }
}

/// `the key `x``, or `this value` when the key is not known.
fn subject(key: Option<&str>) -> String {
    key.map_or_else(|| "this value".to_string(), |k| format!("`{k}`"))
}

fn words(err: &Error, key: Option<&str>, char_at: Option<char>) -> Words {
    let it = subject(key);
    match err {
        Error::SerdeUnknownField {
            field, expected, ..
        } => unknown_key(field, expected),
        Error::SerdeMissingField { field, .. } => said(
            format!("the key `{field}` is missing"),
            format!("add `{field}:` with a value here."),
        ),
        Error::SerdeInvalidType {
            unexpected,
            expected,
            ..
        }
        | Error::SerdeInvalidValue {
            unexpected,
            expected,
            ..
        } => said(
            format!(
                "{it} should be {}, not {}",
                kind(expected),
                kind(unexpected)
            ),
            kind_hint(expected),
        ),
        Error::Unexpected { expected, .. } => said(
            format!("{it} should be {}", kind(expected)),
            kind_hint(expected),
        ),
        Error::SerdeUnknownVariant {
            variant, expected, ..
        } => said(
            format!("`{variant}` is not a value {it} can have"),
            format!("write one of {}.", list(expected)),
        ),
        Error::InvalidBooleanStrict { .. } => said(
            format!("{it} should be `true` or `false`"),
            "write `true` or `false`; YAML's `yes`, `no`, `on` and `off` are not read as such here.",
        ),
        Error::InvalidScalar { ty, .. } => {
            said(format!("{it} should be {}", kind(ty)), kind_hint(ty))
        }
        Error::NullIntoString { .. } | Error::InvalidCharNull { .. } => said(
            format!("{it} has no value"),
            "write a value after the `:`, or remove the line.",
        ),
        Error::NonFiniteFloat { .. } => said(
            format!("{it} is not a number handboek can use"),
            "write the text in quotes.",
        ),
        Error::DuplicateMappingKey { key: dup, .. } => {
            let name = dup.as_deref().map_or(it.clone(), |k| format!("`{k}`"));
            said(
                format!("{name} appears twice in this section"),
                "keep one of them: the second would silently replace the first.",
            )
        }
        Error::MultipleDocuments { .. } => said(
            "a second YAML document starts here",
            "a file holds one YAML document: remove this `---` line (in a page, the front matter ends at the second `---`).",
        ),
        Error::Eof { .. } => said(
            "the file ends in the middle of a value",
            "finish the value, or close the quote or bracket that is still open.",
        ),
        Error::UnknownAnchor { .. } => said(
            "this `*name` refers to no `&name` above it",
            "write the value itself here, or define `&name` on the value it repeats.",
        ),
        Error::AliasReplayCounterOverflow { .. }
        | Error::AliasReplayLimitExceeded { .. }
        | Error::AliasExpansionLimitExceeded { .. }
        | Error::AliasReplayStackDepthExceeded { .. }
        | Error::RecursiveReferencesRequireWeakTypes { .. } => said(
            "this file repeats values with `&` and `*` too often or in a loop",
            "write the values out instead of repeating them with `&name` and `*name`.",
        ),
        Error::MergeValueNotMapOrSeqOfMaps { .. } | Error::MergeKeyNotAllowed { .. } => said(
            "`<<:` here does not merge a section",
            "write the keys themselves instead of merging them with `<<:`.",
        ),
        Error::InvalidBinaryBase64 { .. }
        | Error::BinaryNotUtf8 { .. }
        | Error::TaggedScalarCannotDeserializeIntoString { .. }
        | Error::UnsupportedTag { .. }
        | Error::TaggedStructFieldName { .. }
        | Error::BytesNotSupportedMissingBinaryTag { .. } => said(
            "handboek's files use no YAML tags (`!!str`, `!!int`, `!name`)",
            "remove the tag; to keep a value as text, put it in quotes.",
        ),
        Error::FoldedBlockScalarMustIndentContent { .. } | Error::IndentationError { .. } => said(
            "the indentation of this line does not fit the lines above",
            "indent with spaces, two more than the key above; the lines of a `|` or `>` text go below the key, indented.",
        ),
        Error::Budget { breach, .. } => syntax::budget(breach),
        Error::Message { msg, .. } if msg.starts_with("the language `") => {
            said(own_words(msg), "write each language once.")
        }
        Error::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => syntax::syntax(scan.kind(), char_at),
            _ => unreadable(),
        },
        _ => unreadable(),
    }
}

/// One of our own visitors' messages, without serde's place suffix.
fn own_words(msg: &str) -> String {
    let first = msg.lines().next().unwrap_or(msg).trim();
    first
        .rfind(" at line ")
        .map_or(first, |i| &first[..i])
        .to_string()
}

fn unreadable() -> Words {
    said(
        "handboek cannot read this value",
        "compare the line with the examples in the README; text with `: `, `#`, quotes or brackets is safest in quotes.",
    )
}

fn unknown_key(key: &str, expected: &[&str]) -> Words {
    let known = list(expected);
    let help = match did_you_mean(key, expected.iter().copied()) {
        Some(close) => format!("did you mean `{close}`? The keys allowed here are {known}."),
        None if expected.is_empty() => "remove this key.".to_string(),
        None => format!("remove it; the keys allowed here are {known}."),
    };
    Words {
        message: format!("unknown key `{key}`"),
        help,
        len: key.chars().count().max(1),
    }
}

fn list(names: &[&str]) -> String {
    names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// What serde or the parser calls a kind of value, in an author's words.
fn kind(what: &str) -> String {
    let w = what.to_ascii_lowercase();
    let words = if w.starts_with("a text") {
        return what.to_string();
    } else if w.contains("seq") {
        "a list"
    } else if w.contains("struct") || w.contains("map") {
        "a section with keys below it"
    } else if w.contains("bool") {
        "`true` or `false`"
    } else if [
        "i8", "i16", "i32", "i64", "u8", "u16", "u32", "u64", "integer",
    ]
    .iter()
    .any(|t| w == *t || w.starts_with(&format!("{t} ")) || w.starts_with("integer"))
    {
        "a whole number"
    } else if w.contains("float") || w == "f64" || w == "f32" {
        "a number"
    } else if w.contains("unit") || w.contains("null") || w.contains("none") {
        "empty"
    } else if w.contains("str") || w.contains("scalar") || w.contains("char") {
        "a text"
    } else {
        "a different kind of value"
    };
    words.to_string()
}

fn kind_hint(expected: &str) -> String {
    match kind(expected).as_str() {
        "a list" => "write a list, e.g. `[nl, en]`, or one item per line starting with `- `.".into(),
        "a section with keys below it" => {
            "write the keys of this section on the lines below it, indented by two spaces.".into()
        }
        "`true` or `false`" => "write `true` or `false`.".into(),
        "a whole number" => "write a whole number without quotes, e.g. `20`.".into(),
        "a number" => "write a number without quotes.".into(),
        _ => "write one text on this line (in quotes if it holds `: `, `#` or brackets); a text per language is written `{ nl: …, en: … }`.".into(),
    }
}
