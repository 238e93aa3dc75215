//! Splitting a page into its YAML front matter and Markdown body, and reading the front
//! matter into typed values.

use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::dialect::Condition;
use crate::yaml;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFrontMatter {
    title: Option<Spanned<String>>,
    order: Option<Spanned<i64>>,
    when: Option<Spanned<String>>,
    verified: Option<Spanned<String>>,
    per_wave: Option<bool>,
}

#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub title: String,
    pub order: i64,
    pub when: Option<Condition>,
    pub verified: Date,
    /// Rendered once per rollout wave, each also a ready-to-send message.
    pub per_wave: bool,
}

/// The front matter text, the body, and the 1-based line on which the body starts.
pub fn split(text: &str) -> Option<(&str, &str, usize)> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let rest = text
        .strip_prefix("---\n")
        .or_else(|| text.strip_prefix("---\r\n"))?;
    let mut offset = 0;
    for (i, line) in rest.split_inclusive('\n').enumerate() {
        if line.trim_end() == "---" {
            let body = &rest[offset + line.len()..];
            return Some((&rest[..offset], body, i + 3));
        }
        offset += line.len();
    }
    None
}

/// The longest title of a page or part, in characters: it is repeated in the menu of every
/// page, the contents of the print edition and the search index.
pub const MAX_TITLE_CHARS: usize = 200;

pub(super) fn long_title(source: &Source, span: Span, title: &str) -> Diagnostic {
    Diagnostic::error(format!(
        "the title is {} characters long; at most {MAX_TITLE_CHARS} fit in the menu",
        title.trim().chars().count()
    ))
    .at(source, span)
    .help("write a shorter title; the text of the page goes below the front matter.")
}

/// A title is plain text, the same for every customer (menus, the print edition's contents,
/// the search index): a `{{` in it would be published as written.
pub(super) fn braces_in_title(source: &Source, span: Span) -> Diagnostic {
    Diagnostic::error("the title contains `{{`, but variables are not filled in in titles")
        .at(source, span)
        .help("write the title without `{{ … }}` (it is shared by every customer); put the customer's value in the page's text, where variables are filled in.")
}

/// Reads and checks the front matter of `source`; returns it with the body and its first line.
pub fn parse(source: &Source) -> Result<(FrontMatter, &str, usize), Diagnostics> {
    let Some((yaml_text, body, body_line)) = split(&source.text) else {
        return Err(Diagnostic::error("the page has no front matter")
            .at(source, Span::new(1, 1, 0))
            .help("start the file with a `---` line, then `title: …` and `verified: YYYY-MM-DD`, then another `---` line.")
            .into());
    };
    let raw: RawFrontMatter = yaml::parse_str(source, yaml_text, 1)?;
    let mut diags = Diagnostics::new();
    let title = match raw.title {
        Some(t) if t.value.contains("{{") => {
            diags.push(braces_in_title(source, yaml::span_of(&t, 1)));
            None
        }
        Some(t) if t.value.trim().chars().count() > MAX_TITLE_CHARS => {
            diags.push(long_title(source, yaml::span_of(&t, 1), &t.value));
            None
        }
        Some(t) if !t.value.trim().is_empty() => Some(t.value.trim().to_string()),
        Some(t) => {
            diags.push(
                Diagnostic::error("the title is empty")
                    .at(source, yaml::span_of(&t, 1))
                    .help("write the page's title after `title:`."),
            );
            None
        }
        None => {
            diags.push(
                Diagnostic::error("the front matter has no `title`")
                    .at(source, Span::new(1, 1, 3))
                    .help("add `title: …` between the `---` lines."),
            );
            None
        }
    };
    let when = raw.when.and_then(|w| match Condition::parse(&w.value) {
        Ok(c) => Some(c),
        Err(e) => {
            let span = yaml::span_of(&w, 1).shifted(e.offset, e.len.max(1));
            diags.push(Diagnostic::error(e.message).at(source, span).help(e.help));
            None
        }
    });
    let verified = match raw.verified {
        Some(v) => match Date::parse(&v.value) {
            Ok(d) => Some(d),
            Err(e) => {
                diags.push(
                    Diagnostic::error(format!("`verified`: {e}")).at(source, yaml::span_of(&v, 1)),
                );
                None
            }
        },
        None => {
            diags.push(
                Diagnostic::error("the front matter has no `verified` date")
                    .at(source, Span::new(1, 1, 3))
                    .help("add `verified: YYYY-MM-DD`: the day you last checked these steps against the real screens."),
            );
            None
        }
    };
    match (title, verified) {
        (Some(title), Some(verified)) if diags.is_empty() => Ok((
            FrontMatter {
                title,
                order: raw.order.map_or(0, |o| o.value),
                when,
                verified,
                per_wave: raw.per_wave.unwrap_or(false),
            },
            body,
            body_line,
        )),
        _ => Err(diags),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_finds_body_and_its_first_line() {
        let (fm, body, line) = split("---\ntitle: A\n---\nHallo\n").unwrap();
        assert_eq!(fm, "title: A\n");
        assert_eq!(body, "Hallo\n");
        assert_eq!(line, 4);
        let (_, body, line) = split("\u{feff}---\r\ntitle: A\r\n---\r\nHallo\r\n").unwrap();
        assert_eq!((body, line), ("Hallo\r\n", 4));
        assert!(split("title: A\n").is_none());
        assert!(split("---\ntitle: A\n").is_none());
    }

    #[test]
    fn bad_when_points_into_the_front_matter() {
        let src = Source::new(
            "p.md",
            "---\ntitle: A\nwhen: app or smss\nverified: 2026-11-01\n---\nx\n",
        );
        let err = parse(&src).unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!((d.line(), d.column()), (3, 14), "{d}");
        assert!(d.help.as_deref().unwrap().contains("`sms`"));
    }

    #[test]
    fn a_variable_in_the_title_is_an_error_at_its_line() {
        let src = Source::new(
            "p.md",
            "---\ntitle: \"Welkom bij {{ customer.name }}\"\nverified: 2026-11-01\n---\nx\n",
        );
        let err = parse(&src).unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!((d.line(), d.column()), (2, 8), "{d}");
        assert!(d.message.contains("not filled in in titles"), "{d}");
    }

    #[test]
    fn missing_title_and_date_are_both_reported() {
        let src = Source::new("p.md", "---\norder: 3\n---\nx\n");
        assert_eq!(parse(&src).unwrap_err().len(), 2);
    }
}
