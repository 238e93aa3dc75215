//! Splitting a page into its YAML front matter and Markdown body, and reading the front
//! matter into typed values.

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::layout::Layout;
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span, did_you_mean};
use crate::dialect::Condition;
use crate::yaml;

/// The front matter as written. Unknown keys are not refused here: they are found in the
/// text, so that every one of them is reported at once.
#[derive(Debug, Deserialize)]
struct RawFrontMatter {
    title: Option<Spanned<String>>,
    order: Option<Spanned<i64>>,
    when: Option<Spanned<String>>,
    verified: Option<Spanned<String>>,
    per_wave: Option<bool>,
    layout: Option<Spanned<String>>,
}

/// The keys a page's front matter may have.
const KEYS: [&str; 6] = ["title", "order", "when", "verified", "per_wave", "layout"];

#[derive(Debug, Clone)]
pub struct FrontMatter {
    pub title: String,
    pub order: i64,
    pub when: Option<Condition>,
    pub verified: Date,
    /// Rendered once per rollout wave, each also a ready-to-send message.
    pub per_wave: bool,
    /// A page of the handbook, or the audience's poster.
    pub layout: Layout,
}

/// A page split and its front matter read: the front matter, the body, the 1-based line on
/// which the body starts, and every problem of the front matter. When there are errors, the
/// front matter holds what could be read (a missing title is the slug's, a missing date the
/// first of 1970): enough to go on and find the problems of the rest of the page, never
/// enough to publish it.
pub struct Parsed<'a> {
    pub front_matter: FrontMatter,
    pub body: &'a str,
    pub body_line: usize,
    pub problems: Diagnostics,
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

/// Reads and checks the front matter of `source`. Every problem is reported together: each
/// unknown key, each missing one, and each bad value.
pub fn parse(source: &Source) -> Parsed<'_> {
    let fallback = FrontMatter {
        title: String::new(),
        order: 0,
        when: None,
        verified: Date::of(std::time::UNIX_EPOCH),
        per_wave: false,
        layout: Layout::Page,
    };
    let Some((yaml_text, body, body_line)) = split(&source.text) else {
        let text = source.text.strip_prefix('\u{feff}').unwrap_or(&source.text);
        return Parsed {
            front_matter: fallback,
            body: text,
            body_line: 1,
            problems: Diagnostic::error("the page has no front matter")
                .at(source, Span::new(1, 1, 0))
                .help("start the file with a `---` line, then `title: …`, `order: N` and `verified: YYYY-MM-DD`, then another `---` line.")
                .into(),
        };
    };
    let mut parsed = Parsed {
        front_matter: fallback,
        body,
        body_line,
        problems: Diagnostics::new(),
    };
    read(source, yaml_text, &mut parsed);
    parsed
}

fn read(source: &Source, yaml_text: &str, parsed: &mut Parsed) {
    let diags = &mut parsed.problems;
    let keys = top_level_keys(yaml_text);
    diags.extend(unknown_keys(source, &keys));
    let has = |key: &str| keys.iter().any(|(k, _)| k == key);
    let learn_date = keys
        .iter()
        .find(|(k, _)| k == "ms.date")
        .map(|(_, s)| s.line);
    let opening = Span::new(1, 1, 3);
    if !has("title") {
        diags.push(
            Diagnostic::error("the front matter has no `title`")
                .at(source, opening)
                .help("add `title: …` between the `---` lines."),
        );
    }
    if !has("verified") {
        let help = match learn_date {
            Some(line) => format!("add `verified: YYYY-MM-DD`: the day you last checked these steps against the real screens (the `ms.date` on line {line} is Microsoft's date, not your check)."),
            None => "add `verified: YYYY-MM-DD`: the day you last checked these steps against the real screens.".to_string(),
        };
        diags.push(
            Diagnostic::error("the front matter has no `verified` date")
                .at(source, opening)
                .help(help),
        );
    }
    if !has("order") {
        diags.push(
            Diagnostic::warning("the front matter has no `order`: the page is placed by its file name")
                .at(source, opening)
                .help("add `order: N` (pages with a lower number come first in the navigation and the print edition)."),
        );
    }
    let raw: RawFrontMatter = match yaml::parse_str(source, yaml_text, 1) {
        Ok(raw) => raw,
        Err(d) => return diags.extend(d),
    };
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
        None => None,
    };
    let when = raw.when.and_then(|w| match Condition::parse(&w.value) {
        Ok(c) => Some(c),
        Err(e) => {
            let span = yaml::span_of(&w, 1).shifted(e.offset, e.len.max(1));
            diags.push(Diagnostic::error(e.message).at(source, span).help(e.help));
            None
        }
    });
    let verified = raw.verified.and_then(|v| match Date::parse(&v.value) {
        Ok(d) => Some(d),
        Err(e) => {
            diags.push(
                Diagnostic::error(format!("`verified`: {e}")).at(source, yaml::span_of(&v, 1)),
            );
            None
        }
    });
    let layout = raw.layout.and_then(|l| match Layout::parse(l.value.trim()) {
        Some(layout) => Some(layout),
        None => {
            let names = Layout::NAMES.map(|n| format!("`{n}`")).join(", ");
            diags.push(
                Diagnostic::error(format!("there is no layout `{}`", l.value))
                    .at(source, yaml::span_of(&l, 1))
                    .help(format!("write one of {names}, or leave `layout:` out for a page of the handbook.")),
            );
            None
        }
    });
    let fm = &mut parsed.front_matter;
    fm.title = title.unwrap_or_default();
    fm.order = raw.order.map_or(0, |o| o.value);
    fm.when = when;
    fm.verified = verified.unwrap_or(fm.verified);
    fm.per_wave = raw.per_wave.unwrap_or(false);
    fm.layout = layout.unwrap_or_default();
}

/// Where the front matter of the page `text` writes `key`.
pub fn key_span(text: &str, key: &str) -> Option<Span> {
    let (yaml_text, _, _) = split(text)?;
    top_level_keys(yaml_text)
        .into_iter()
        .find_map(|(k, span)| (k == key).then_some(span))
}

/// The keys at the top level of a block-style YAML text, with where they are written (the
/// text starts on the file's second line, after `---`).
fn top_level_keys(yaml_text: &str) -> Vec<(String, Span)> {
    yaml_text
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with([' ', '\t', '#', '-']) && !line.trim().is_empty())
        .filter_map(|(i, line)| {
            let (key, _) = line.split_once(':')?;
            let key = key.trim_end().trim_matches(['"', '\'']);
            Some((key.to_string(), Span::new(i + 2, 1, key.chars().count())))
        })
        .collect()
}

/// An error for each key that a page's front matter cannot have, saying what it is when it
/// comes from Microsoft Learn.
fn unknown_keys(source: &Source, keys: &[(String, Span)]) -> Diagnostics {
    let known = KEYS
        .iter()
        .map(|k| format!("`{k}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut diags = Diagnostics::new();
    for (key, span) in keys.iter().filter(|(k, _)| !KEYS.contains(&k.as_str())) {
        let d = match crate::learn::front_matter_hint(key) {
            Some(hint) => Diagnostic::error(format!(
                "`{key}` is Microsoft Learn front matter, not handboek's"
            ))
            .help(format!("{hint} A page keeps {known}.")),
            None => {
                let help = match did_you_mean(key, KEYS) {
                    Some(close) => {
                        format!("did you mean `{close}`? The keys allowed here are {known}.")
                    }
                    None => format!("remove it; the keys allowed here are {known}."),
                };
                Diagnostic::error(format!("unknown key `{key}`")).help(help)
            }
        };
        diags.push(d.at(source, *span));
    }
    diags
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

    /// Every problem of a front matter as `(line, column, message)`.
    fn problems(text: &str) -> Vec<(usize, usize, String)> {
        let src = Source::new("p.md", text);
        parse(&src)
            .problems
            .iter()
            .map(|d| (d.line(), d.column(), d.message.clone()))
            .collect()
    }

    #[test]
    fn bad_when_points_into_the_front_matter() {
        let src = Source::new(
            "p.md",
            "---\ntitle: A\norder: 1\nwhen: app or smss\nverified: 2026-11-01\n---\nx\n",
        );
        let parsed = parse(&src);
        let d = parsed.problems.iter().next().unwrap();
        assert_eq!((d.line(), d.column()), (4, 14), "{d}");
        assert!(d.help.as_deref().unwrap().contains("`sms`"));
    }

    #[test]
    fn a_variable_in_the_title_is_an_error_at_its_line() {
        let src = Source::new(
            "p.md",
            "---\ntitle: \"Welkom bij {{ customer.name }}\"\norder: 1\nverified: 2026-11-01\n---\nx\n",
        );
        let parsed = parse(&src);
        let d = parsed.problems.iter().next().unwrap();
        assert_eq!((d.line(), d.column()), (2, 8), "{d}");
        assert_eq!(parsed.problems.len(), 1, "{}", parsed.problems);
        assert!(d.message.contains("not filled in in titles"), "{d}");
    }

    #[test]
    fn missing_title_and_date_are_both_reported() {
        let found = problems("---\norder: 3\n---\nx\n");
        assert_eq!(found.len(), 2, "{found:?}");
    }

    #[test]
    fn every_unknown_key_is_reported_with_the_missing_ones_in_one_go() {
        let found = problems(
            "---\ntitle: A\ntilte: B\nms.date: 05/31/2024\nms.collection:\n- a\n  - b\nauthor: x\n---\nx\n",
        );
        assert_eq!(
            found,
            vec![
                (3, 1, "unknown key `tilte`".to_string()),
                (
                    4,
                    1,
                    "`ms.date` is Microsoft Learn front matter, not handboek's".to_string()
                ),
                (
                    5,
                    1,
                    "`ms.collection` is Microsoft Learn front matter, not handboek's".to_string()
                ),
                (
                    8,
                    1,
                    "`author` is Microsoft Learn front matter, not handboek's".to_string()
                ),
                (1, 1, "the front matter has no `verified` date".to_string()),
                (
                    1,
                    1,
                    "the front matter has no `order`: the page is placed by its file name"
                        .to_string()
                ),
            ]
        );
    }

    #[test]
    fn missing_verified_says_that_ms_date_is_microsofts_date() {
        let src = Source::new(
            "p.md",
            "---\ntitle: A\norder: 1\nms.date: 05/31/2024\n---\nx\n",
        );
        let parsed = parse(&src);
        let missing = parsed
            .problems
            .iter()
            .find(|d| d.message.contains("no `verified`"))
            .expect("missing verified");
        let help = missing.help.as_deref().unwrap_or("");
        assert!(
            help.contains("`ms.date` on line 4 is Microsoft's date"),
            "{help}"
        );
    }

    #[test]
    fn a_page_without_order_is_a_warning_not_an_error() {
        let src = Source::new("p.md", "---\ntitle: A\nverified: 2026-11-01\n---\nx\n");
        let parsed = parse(&src);
        assert!(!parsed.problems.has_errors(), "{}", parsed.problems);
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.front_matter.title, "A");
    }

    #[test]
    fn a_syntax_error_still_reports_the_unknown_keys() {
        let found = problems("---\ntitle: [A\nms.topic: x\n---\nx\n");
        assert!(
            found.iter().any(|f| f.2.contains("`ms.topic`")),
            "{found:?}"
        );
        assert!(found.len() >= 3, "{found:?}");
    }
}
