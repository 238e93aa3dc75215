//! The one way we read YAML: serde-saphyr with strict booleans, numbers with a leading zero
//! kept as text, duplicate keys and tags refused; then a pass over the document that the
//! types cannot make (a key written with no value, a control character or an oversized value
//! anywhere), and every error in handboek's own words with file, line and column.

mod explain;
mod tree;

use serde::de::DeserializeOwned;
use serde_saphyr::{Location, NonFiniteFloatPolicy, Spanned};

use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};

pub use tree::MAX_VALUE_CHARS;

/// The largest YAML text handboek reads: a customer file or front matter is a few KB.
pub const MAX_YAML_BYTES: usize = 1 << 20;

/// Parse a whole YAML document into `T`.
pub fn parse<T: DeserializeOwned>(source: &Source) -> Result<T, Diagnostics> {
    parse_str(source, &source.text, 0)
}

/// [`parse`] for a file where a key written without a value is an empty section on
/// purpose (`passkey:` in `paths.yaml`: no pages), not a value lost to a `#` comment.
pub fn parse_with_empty_sections<T: DeserializeOwned>(source: &Source) -> Result<T, Diagnostics> {
    read(source, &source.text, 0, tree::EmptyKeys::Allowed)
}

/// Parse `text`, a part of `source` that starts after `line_offset` lines (front matter).
pub fn parse_str<T: DeserializeOwned>(
    source: &Source,
    text: &str,
    line_offset: usize,
) -> Result<T, Diagnostics> {
    read(source, text, line_offset, tree::EmptyKeys::Refused)
}

fn read<T: DeserializeOwned>(
    source: &Source,
    text: &str,
    line_offset: usize,
    empty_keys: tree::EmptyKeys,
) -> Result<T, Diagnostics> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > MAX_YAML_BYTES {
        return Err(Diagnostic::error(format!(
            "this YAML text is {} KB; handboek reads at most {} KB",
            text.len() / 1024,
            MAX_YAML_BYTES / 1024
        ))
        .at(source, Span::new(line_offset + 1, 1, 0))
        .help("a customer file or front matter is a few KB: look for pasted text, or a file saved in the wrong place.")
        .into());
    }
    let options = serde_saphyr::options! {
        strict_booleans: true,
        leading_zero_numbers_as_strings: true,
        reject_unsupported_tags: true,
        // A text field keeps `.inf` or `1e999` as written (see `written`), never a float.
        non_finite_float_policy: NonFiniteFloatPolicy::PassThrough,
        budget: Some(budget()),
        with_snippet: false,
    };
    let shape = tree::check(source, text, line_offset, empty_keys);
    match serde_saphyr::from_str_with_options::<T>(text, options) {
        Ok(value) if shape.problems.is_empty() => Ok(value),
        Ok(_) => Err(shape.problems),
        Err(e) => {
            let mut all = Diagnostics::new();
            // The pass says "no value" better, at the key, than the typed read at the value.
            if !matches!(e, serde_saphyr::Error::NullIntoString { .. }) || shape.problems.is_empty()
            {
                all.push(explain::diagnostic(source, &e, line_offset, &shape));
            }
            all.extend(shape.problems);
            Err(all)
        }
    }
}

/// How much a YAML text may ask of the parser: no handboek file nests more than a few levels,
/// and reading a nested value recurses, so the depth is bounded well below what a thread's
/// stack holds.
pub(crate) fn budget() -> serde_saphyr::Budget {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_depth = MAX_DEPTH;
    budget
}

/// The deepest a YAML document may nest sections and lists.
pub const MAX_DEPTH: usize = 24;

/// The span of a spanned value, shifted by the lines before the parsed text; it covers the
/// value's characters on its first line.
pub fn span_of<T>(value: &Spanned<T>, line_offset: usize) -> Span {
    location_span(value.referenced, line_offset)
}

fn location_span(loc: Location, line_offset: usize) -> Span {
    let line = usize::try_from(loc.line()).unwrap_or(0).max(1) + line_offset;
    let column = usize::try_from(loc.column()).unwrap_or(0).max(1);
    let len = usize::try_from(loc.span().len()).unwrap_or(1).max(1);
    Span::new(line, column, len)
}

/// The text of a plain value as written at `span` (on one line), e.g. `1.10` where YAML
/// read the number 1.1: a text field keeps what the author typed.
pub fn written(source: &Source, span: Span) -> Option<String> {
    let line = source.line_text(span.line)?;
    let text: String = line
        .chars()
        .skip(span.column.saturating_sub(1))
        .take(span.len)
        .collect();
    // What YAML reads as a number or a boolean is one word of these characters; anything
    // else at the place (an alias `*name`, a tag) is not the value itself.
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '+' | '-' | '_'));
    plain.then_some(text)
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

    /// The one problem of `text` read as `T`.
    fn error<T: DeserializeOwned + std::fmt::Debug>(text: &str) -> Diagnostic {
        let all: Vec<Diagnostic> = parse::<T>(&src(text)).unwrap_err().into_iter().collect();
        assert_eq!(all.len(), 1, "{all:#?}");
        all.into_iter().next().unwrap()
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
        let err = error::<Doc>("on: yes\n");
        assert_eq!(err.line(), 1, "{err}");
        assert!(err.help.as_deref().unwrap_or("").contains("true"), "{err}");
    }

    #[test]
    fn unknown_key_gets_line_and_did_you_mean() {
        let err = error::<Doc>("phone: x\nhelpdsk:\n  name: y\n");
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
        let err = error::<Doc>("phone: x\nhelpdesk:\n  name: [unclosed\n");
        assert!(err.line() >= 3, "{err}");
    }

    #[test]
    fn duplicate_keys_are_refused() {
        let err = error::<Doc>("phone: x\nphone: y\n");
        assert_eq!(err.line(), 2, "{err}");
    }

    /// Words of the YAML layer that must never reach an author.
    const PARSER_WORDS: [&str; 12] = [
        "Options",
        "from_str",
        "budget",
        "scalar",
        "mapping start",
        "configured policy",
        "from index",
        "KeyPolicy",
        "serde",
        "i64",
        "struct",
        "deserialize",
    ];

    /// Each kind of error the YAML layer gives, in our words, at its line and column.
    #[test]
    fn every_kind_of_yaml_error_is_in_handboeks_words_at_its_place() {
        use crate::customer::RawCustomer;
        let deep = format!("name: {}x{}\n", "[".repeat(100), "]".repeat(100));
        // Any value nests: a document read without a schema stops at the depth limit.
        let err = parse::<serde_json::Value>(&src(&deep)).unwrap_err();
        let d = err.iter().next().unwrap();
        assert!(
            d.message.contains("nests sections or lists too deep"),
            "{d}"
        );
        assert_eq!(d.line(), 1);
        let cases: Vec<(&str, String, (usize, usize), &str)> = vec![
            (
                "duplicate key",
                "name: a\nname: b\n".into(),
                (2, 1),
                "`name` appears twice",
            ),
            (
                "two documents",
                "name: a\n---\nname: b\n".into(),
                (2, 1),
                "a second YAML document",
            ),
            (
                "too deep for a text",
                deep,
                (1, 1),
                "`name` should be a text",
            ),
            (
                "section expected",
                "helpdesk: Servicedesk\n".into(),
                (1, 11),
                "`helpdesk` should be a section",
            ),
            (
                "list expected",
                "languages: nl\n".into(),
                (1, 12),
                "`languages` should be a list",
            ),
            (
                "boolean",
                "features:\n  new_laptop: yes\n".into(),
                (2, 15),
                "`features.new_laptop` should be `true` or `false`",
            ),
            (
                "unknown key",
                "helpdsk:\n  name: x\n".into(),
                (1, 1),
                "unknown key `helpdsk`",
            ),
            (
                "missing key in a wave",
                "rollout:\n  waves:\n    - name: a\n      datum: 2026-01-01\n".into(),
                (4, 7),
                "unknown key `datum`",
            ),
            (
                "NUL byte",
                "name: a\u{0}b\n".into(),
                (1, 8),
                "NUL character",
            ),
            (
                "BEL byte",
                "name: a\u{7}b\n".into(),
                (1, 8),
                "control character U+0007",
            ),
            (
                "BEL in a list",
                "languages: [nl, \u{7}en]\n".into(),
                (1, 17),
                "control character U+0007",
            ),
            (
                "tab indentation",
                "helpdesk:\n\tname: x\n".into(),
                (2, 1),
                "a tab",
            ),
            (
                "tab after spaces",
                "helpdesk:\n  name: x\n  \tphone: y\n".into(),
                (3, 3),
                "a tab",
            ),
            (
                "unclosed quote",
                "name: 'Acme\nshort_name: x\n".into(),
                (1, 7),
                "quoted value is not closed",
            ),
            (
                "unclosed bracket",
                "languages: [nl, en\nname: x\n".into(),
                (1, 12),
                "never closed",
            ),
            (
                "bad escape",
                "name: \"a\\qb\"\n".into(),
                (1, 9),
                "escape YAML does not know",
            ),
            (
                "colon in a value",
                "name: Acme: de bakker\n".into(),
                (1, 11),
                "read as a new key",
            ),
            (
                "unknown anchor",
                "name: *acme\n".into(),
                (1, 7),
                "refers to no `&name`",
            ),
            (
                "a tag",
                "name: !klant Acme\n".into(),
                (1, 14),
                "no YAML tags",
            ),
            (
                "per-language map of lists",
                "name: { nl: [a] }\n".into(),
                (1, 13),
                "should be a text",
            ),
            (
                "language twice",
                "name: { nl: a, nl: b }\n".into(),
                (1, 16),
                "appears twice",
            ),
        ];
        for (what, text, place, needle) in cases {
            let all: Vec<Diagnostic> = match parse::<RawCustomer>(&src(&text)) {
                Ok(_) => panic!("{what}: no error for {text:?}"),
                Err(d) => d.into_iter().collect(),
            };
            let d = &all[0];
            assert!(d.message.contains(needle), "{what}: {:#?}", all);
            assert_eq!((d.line(), d.column()), place, "{what}: {d}");
            let help = d.help.as_deref().unwrap_or("");
            assert!(!help.is_empty(), "{what}: a hint");
            for word in PARSER_WORDS {
                assert!(
                    !d.message.contains(word) && !help.contains(word),
                    "{what}: {word:?} in {d}"
                );
            }
        }
    }

    #[test]
    fn front_matter_errors_count_lines_from_the_top_of_the_page() {
        #[derive(Debug, Deserialize)]
        struct Front {
            #[allow(dead_code)]
            title: Option<String>,
            #[allow(dead_code)]
            order: Option<i64>,
        }
        let page = src("---\ntitle: [a, b]\norder: 1.5\n---\n");
        let errs: Vec<Diagnostic> = parse_str::<Front>(&page, "title: [a, b]\norder: 1.5\n", 1)
            .unwrap_err()
            .into_iter()
            .collect();
        assert_eq!((errs[0].line(), errs[0].column()), (2, 8), "{}", errs[0]);
        assert!(
            errs[0].message.contains("`title` should be a text"),
            "{}",
            errs[0]
        );
        let errs: Vec<Diagnostic> = parse_str::<Front>(&page, "order: 1.5\n", 2)
            .unwrap_err()
            .into_iter()
            .collect();
        assert!(
            errs[0].message.contains("`order` should be a whole number"),
            "{}",
            errs[0]
        );
        assert_eq!(errs[0].line(), 3);
    }

    #[test]
    fn a_yaml_text_over_a_megabyte_is_refused_before_it_is_parsed() {
        let text = format!("name: \"{}\"\n", "x".repeat(MAX_YAML_BYTES));
        let err = error::<Doc>(&text);
        assert!(err.message.contains("at most 1024 KB"), "{}", err.message);
    }

    #[test]
    fn a_plain_number_is_read_back_as_written() {
        let source = src("short_name: 1.10\nhex: 0x1F  # c\n");
        assert_eq!(
            written(&source, Span::new(1, 13, 4)).as_deref(),
            Some("1.10")
        );
        assert_eq!(
            written(&source, Span::new(2, 6, 4)).as_deref(),
            Some("0x1F")
        );
        assert_eq!(written(&source, Span::new(2, 6, 2)).as_deref(), Some("0x"));
        assert_eq!(written(&source, Span::new(1, 1, 11)), None, "not one word");
        let alias = src("a: &x 12\nb: *x\n");
        assert_eq!(written(&alias, Span::new(2, 4, 2)), None, "an alias");
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
