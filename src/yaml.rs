//! The one way we read YAML: serde-saphyr with strict booleans, numbers with a leading zero
//! kept as text, duplicate keys refused, and its errors turned into our diagnostics.

use serde::de::DeserializeOwned;
use serde_saphyr::{Location, Spanned};

use crate::diagnostics::{Diagnostic, Source, Span, did_you_mean};

/// Parse a whole YAML document into `T`.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Diagnostic> {
    parse_str(source, &source.text, 0)
}

/// Parse `text`, a part of `source` that starts after `line_offset` lines (front matter).
pub fn parse_str<T: DeserializeOwned>(
    source: &Source,
    text: &str,
    line_offset: usize,
) -> Result<T, Diagnostic> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let options = serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        with_snippet: false,
    };
    serde_saphyr::from_str_with_options(text, options)
        .map_err(|e| to_diagnostic(source, &e, line_offset))
}

/// The span of a spanned value, shifted by the lines before the parsed text.
pub fn span_of<T>(value: &Spanned<T>, line_offset: usize) -> Span {
    location_span(value.referenced, line_offset)
}

fn location_span(loc: Location, line_offset: usize) -> Span {
    let line = usize::try_from(loc.line()).unwrap_or(0).max(1) + line_offset;
    let column = usize::try_from(loc.column()).unwrap_or(0).max(1);
    Span::new(line, column, 1)
}

fn to_diagnostic(source: &Source, err: &serde_saphyr::Error, line_offset: usize) -> Diagnostic {
    let raw = err.without_snippet().to_string();
    let message = strip_location(&raw);
    let (message, help) = explain(&message);
    let mut d = Diagnostic::error(message);
    if let Some(help) = help {
        d = d.help(help);
    }
    match err.location() {
        Some(loc) if loc.line() > 0 => {
            let mut span = location_span(loc, line_offset);
            if let Some(key) = unknown_key(&raw) {
                span.len = key.chars().count();
            }
            d.at(source, span)
        }
        _ => d.in_file(source),
    }
}

/// serde-saphyr appends " at line L, column C" to some messages; we show the place ourselves.
fn strip_location(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    match first.rfind(" at line ") {
        Some(i) => first[..i].to_string(),
        None => first.to_string(),
    }
}

fn unknown_key(message: &str) -> Option<&str> {
    let rest = message.split("unknown field `").nth(1)?;
    rest.split('`').next()
}

/// Rewrite serde's messages into ones a consultant acts on.
fn explain(message: &str) -> (String, Option<String>) {
    if let Some(key) = unknown_key(message) {
        let expected: Vec<&str> = message
            .split("expected one of ")
            .nth(1)
            .or_else(|| message.split("expected ").nth(1))
            .map(|list| {
                list.split(", ")
                    .map(|k| k.trim().trim_matches('`'))
                    .filter(|k| !k.is_empty())
                    .collect()
            })
            .unwrap_or_default();
        let known = expected
            .iter()
            .map(|k| format!("`{k}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match did_you_mean(key, expected.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? The keys allowed here are {known}."),
            None if known.is_empty() => "remove this key.".to_string(),
            None => format!("remove it; the keys allowed here are {known}."),
        };
        return (format!("unknown key `{key}`"), Some(help));
    }
    if let Some(rest) = message.split("missing field `").nth(1) {
        let key = rest.split('`').next().unwrap_or(rest);
        return (
            format!("the key `{key}` is missing"),
            Some(format!("add `{key}:` with a value here.")),
        );
    }
    if message.contains("invalid type") || message.contains("boolean") {
        return (message.to_string(), Some(type_hint(message)));
    }
    (message.to_string(), None)
}

fn type_hint(message: &str) -> String {
    if message.contains("boolean") {
        "write `true` or `false`.".into()
    } else if message.contains("expected a sequence") {
        "write a list, e.g. `[nl, en]`.".into()
    } else if message.contains("expected struct") || message.contains("expected a map") {
        "write the keys of this section on the lines below it, indented by two spaces.".into()
    } else {
        "check the value's type against the README (text in quotes if in doubt).".into()
    }
}

/// Where the block-style key `dotted` (e.g. `links.sign_in`) is written in a YAML text.
pub fn find_key(text: &str, dotted: &str) -> Option<Span> {
    let want: Vec<&str> = dotted.split('.').collect();
    let mut stack: Vec<(usize, &str)> = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with('-') {
            continue;
        }
        let indent = line.len() - trimmed.len();
        let Some((key, _)) = trimmed.split_once(':') else {
            continue;
        };
        while stack.last().is_some_and(|(i, _)| *i >= indent) {
            stack.pop();
        }
        stack.push((indent, key.trim_matches(['"', '\''])));
        if stack.len() == want.len() && stack.iter().map(|(_, k)| *k).eq(want.iter().copied()) {
            return Some(Span::new(n + 1, indent + 1, key.len()));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Doc {
        phone: Option<String>,
        on: Option<bool>,
        helpdesk: Option<Inner>,
    }

    #[derive(Debug, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Inner {
        name: Option<Spanned<String>>,
    }

    fn src(text: &str) -> Source {
        Source::new("customers/acme.yaml", text)
    }

    #[test]
    fn phone_with_leading_zero_stays_text() {
        let doc: Doc = parse(&src("phone: 0201234567\n")).unwrap();
        assert_eq!(doc.phone.as_deref(), Some("0201234567"));
    }

    #[test]
    fn yes_is_not_a_boolean() {
        let doc: Doc = parse(&src("on: true\n")).unwrap();
        assert_eq!(doc.on, Some(true));
        let err = parse::<Doc>(&src("on: yes\n")).unwrap_err();
        assert_eq!(err.line(), 1, "{err}");
        assert!(err.help.as_deref().unwrap_or("").contains("true"), "{err}");
    }

    #[test]
    fn unknown_key_gets_line_and_did_you_mean() {
        let err = parse::<Doc>(&src("phone: x\nhelpdsk:\n  name: y\n")).unwrap_err();
        assert_eq!(err.message, "unknown key `helpdsk`");
        assert_eq!((err.line(), err.column()), (2, 1), "{err}");
        assert!(err.help.as_deref().unwrap().contains("`helpdesk`"), "{err}");
    }

    #[test]
    fn bom_and_crlf_are_accepted() {
        let doc: Doc = parse(&src("\u{feff}phone: x\r\nhelpdesk:\r\n  name: y\r\n")).unwrap();
        let name = doc.helpdesk.unwrap().name.unwrap();
        assert_eq!(name.value, "y");
        assert_eq!(span_of(&name, 0).line, 3);
    }

    #[test]
    fn syntax_error_names_the_line() {
        let err = parse::<Doc>(&src("phone: x\nhelpdesk:\n  name: [unclosed\n")).unwrap_err();
        assert!(err.line() >= 3, "{err}");
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let err = parse::<Doc>(&src("phone: x\nphone: y\n")).unwrap_err();
        assert_eq!(err.line(), 2, "{err}");
    }

    #[test]
    fn find_key_follows_indentation() {
        let text = "name: X\nlinks:\n  # a comment\n  sign_in: https://a\nhelpdesk:\n  phone: 1\n  url: https://b\n";
        assert_eq!(find_key(text, "links.sign_in"), Some(Span::new(4, 3, 7)));
        assert_eq!(find_key(text, "helpdesk.url"), Some(Span::new(7, 3, 3)));
        assert_eq!(find_key(text, "links.url"), None);
        assert_eq!(find_key(text, "name"), Some(Span::new(1, 1, 4)));
    }
}
