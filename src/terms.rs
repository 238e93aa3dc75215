//! The term list (`terms.yaml`): words that Belgian Dutch says differently from
//! Netherlands Dutch, written once and inserted with `{{ term.mobile }}` in the page's
//! language and the customer's country. The built-in list is extended, or overridden per
//! term, by a project's own `terms.yaml`.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, Source, did_you_mean};
use crate::files::Files;
use crate::lang::Lang;
use crate::phone::Country;
use crate::yaml::{self, span_of};

/// The file, in the library and in a project.
pub const TERMS_FILE: &str = "terms.yaml";

/// A term in every language and country handboek writes.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    nl: String,
    /// Belgian Dutch, where it differs.
    nl_be: Option<String>,
    en: String,
}

/// A term as the pages of one language insert it: its text, and the Belgian text where it
/// differs.
#[derive(Debug, Clone, PartialEq)]
pub struct TermText {
    text: String,
    be: Option<String>,
}

impl TermText {
    pub fn for_country(&self, country: Country) -> &str {
        match (country, &self.be) {
            (Country::Be, Some(be)) => be,
            _ => &self.text,
        }
    }
}

/// Every term a page may use, by name.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Terms {
    entries: BTreeMap<String, Term>,
    /// A terms file did not load: a name it might have held is not reported as unknown
    /// (the file's own error is).
    partial: bool,
}

impl Terms {
    /// The term `name` for pages in `lang`: `mobile`, or `Mobile` for a capital first letter.
    pub fn get(&self, name: &str, lang: Lang) -> Option<TermText> {
        let (key, capital) = key_of(name);
        let term = self.entries.get(&key)?;
        let shape = |s: &str| {
            if capital {
                capitalise(s)
            } else {
                s.to_string()
            }
        };
        Some(match lang {
            Lang::Nl => TermText {
                text: shape(&term.nl),
                be: term.nl_be.as_deref().map(shape),
            },
            Lang::En => TermText {
                text: shape(&term.en),
                be: None,
            },
        })
    }

    /// The name of a term close to `name`, written with the same capital.
    pub fn suggest(&self, name: &str) -> Option<String> {
        let (key, capital) = key_of(name);
        let close = did_you_mean(&key, self.names())?;
        Some(if capital {
            capitalise(close)
        } else {
            close.to_string()
        })
    }

    pub fn names(&self) -> impl Iterator<Item = &str> {
        self.entries.keys().map(String::as_str)
    }

    /// Whether an unknown name may be one a broken terms file would have held.
    pub fn is_partial(&self) -> bool {
        self.partial
    }
}

/// The key a name stands for, and whether it asks for a capital.
fn key_of(name: &str) -> (String, bool) {
    let mut chars = name.chars();
    match chars.next() {
        Some(first) if first.is_uppercase() => (first.to_lowercase().chain(chars).collect(), true),
        _ => (name.to_string(), false),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// The built-in terms, then the project's (when it has its own file) over them.
pub fn load_terms(files: &Files) -> Result<(Terms, Diagnostics)> {
    let builtin = files.read_builtin(TERMS_FILE)?;
    let own = files
        .read(TERMS_FILE)?
        .filter(|own| builtin.as_ref().is_none_or(|b| b.display != own.display));
    let mut terms = Terms::default();
    let mut diags = Diagnostics::new();
    for file in builtin.into_iter().chain(own) {
        let (entries, problems) = parse_terms(&file.source()?);
        terms.partial |= problems.has_errors();
        terms.entries.extend(entries);
        diags.extend(problems);
    }
    Ok((terms, diags))
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTerm {
    nl: Option<String>,
    #[serde(rename = "nl-be")]
    nl_be: Option<String>,
    en: Option<String>,
}

/// The terms of one file, and the problems of the ones that are not usable.
fn parse_terms(source: &Source) -> (BTreeMap<String, Term>, Diagnostics) {
    let raw: Option<HashMap<Spanned<String>, Spanned<RawTerm>>> = match yaml::parse(source) {
        Ok(raw) => raw,
        Err(d) => return (BTreeMap::new(), d),
    };
    let mut raw: Vec<_> = raw.unwrap_or_default().into_iter().collect();
    raw.sort_by_key(|(key, _)| span_of(key, 0));
    let mut diags = Diagnostics::new();
    let mut terms = BTreeMap::new();
    for (key, value) in raw {
        let name = key.value.as_str();
        let mut key_span = span_of(&key, 0);
        key_span.len = name.chars().count();
        if !is_term_name(name) {
            diags.push(
                Diagnostic::error(format!("`{name}` is not a term name"))
                    .at(source, key_span)
                    .help("write term names in lowercase letters, digits and `_`, starting with a letter, e.g. `mobile_number`; a page asks for a capital with `{{ term.Mobile_number }}`."),
            );
            continue;
        }
        let mut text = |lang: &str, written: &Option<String>| match written
            .as_deref()
            .map(str::trim)
        {
            Some(t) if !t.is_empty() => Some(t.to_string()),
            written => {
                let what = if written.is_some() { "an empty" } else { "no" };
                diags.push(
                    Diagnostic::error(format!("the term `{name}` has {what} `{lang}` text"))
                        .at(source, key_span)
                        .help(format!("write `{name}: {{ nl: …, nl-be: …, en: … }}`: `nl` and `en` are needed, `nl-be` only where Belgian Dutch says it differently.")),
                );
                None
            }
        };
        let nl = text("nl", &value.value.nl);
        let en = text("en", &value.value.en);
        let nl_be = match &value.value.nl_be {
            None => Some(None),
            some => text("nl-be", some).map(Some),
        };
        if let (Some(nl), Some(en), Some(nl_be)) = (nl, en, nl_be) {
            terms.insert(name.to_string(), Term { nl, nl_be, en });
        }
    }
    (terms, diags)
}

fn is_term_name(name: &str) -> bool {
    name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
}

/// The built-in terms, for unit tests.
#[cfg(test)]
pub(crate) fn builtin_terms() -> Terms {
    let (terms, diags) = load_terms(&Files::builtin_examples()).expect("terms.yaml is built in");
    assert!(diags.is_empty(), "{diags}");
    terms
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> (Vec<String>, Vec<String>) {
        let (terms, diags) = parse_terms(&Source::new("terms.yaml", text));
        (
            terms.into_keys().collect(),
            diags.iter().map(Diagnostic::summary).collect(),
        )
    }

    #[test]
    fn the_built_in_list_has_the_mobile_phone_in_both_countries() {
        let terms = builtin_terms();
        let nl = terms.get("mobile", Lang::Nl).expect("mobile");
        assert_eq!(nl.for_country(Country::Nl), "mobiele telefoon");
        assert_eq!(nl.for_country(Country::Be), "gsm");
        let en = terms.get("Mobile_number", Lang::En).expect("Mobile_number");
        assert_eq!(en.for_country(Country::Be), "Mobile number");
        assert_eq!(
            terms
                .get("Mobile_number", Lang::Nl)
                .map(|t| t.for_country(Country::Be).to_string()),
            Some("Gsm-nummer".into())
        );
        for name in terms.names() {
            let t = terms.get(name, Lang::Nl).expect("every name");
            assert_ne!(
                t.for_country(Country::Nl),
                t.for_country(Country::Be),
                "{name}: a term is for a difference"
            );
        }
    }

    #[test]
    fn belgian_dutch_falls_back_to_dutch_and_unknown_names_get_a_suggestion() {
        let (terms, diags) = parse_terms(&Source::new(
            "t.yaml",
            "laptop: { nl: laptop, en: laptop }\n",
        ));
        assert!(diags.is_empty());
        let terms = Terms {
            entries: terms,
            partial: false,
        };
        assert_eq!(
            terms
                .get("laptop", Lang::Nl)
                .map(|t| t.for_country(Country::Be).to_string()),
            Some("laptop".into())
        );
        assert_eq!(terms.suggest("Laptp").as_deref(), Some("Laptop"));
        assert_eq!(terms.suggest("printer"), None);
    }

    #[test]
    fn a_malformed_terms_file_names_file_line_and_column() {
        let (names, problems) = parsed(
            "ok: { nl: a, en: b }\nMobile: { nl: a, en: b }\nnoen: { nl: a }\nempty: { nl: '', en: b }\n",
        );
        assert_eq!(names, ["ok"]);
        assert_eq!(
            problems,
            [
                "terms.yaml:2:1: `Mobile` is not a term name",
                "terms.yaml:3:1: the term `noen` has no `en` text",
                "terms.yaml:4:1: the term `empty` has an empty `nl` text",
            ]
        );
        let (names, problems) = parsed("ok: { nl: a, en: b }\nfr: { nl: a, en: b, fr: c }\n");
        assert!(
            names.is_empty(),
            "a file that does not parse gives no terms"
        );
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("terms.yaml:2:"), "{}", problems[0]);
        assert!(problems[0].contains("`fr`"), "{}", problems[0]);
    }

    #[test]
    fn a_project_terms_file_adds_and_replaces_terms() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(
            dir.path().join("terms.yaml"),
            "mobile: { nl: mobieltje, en: mobile }\nbadge: { nl: pasje, nl-be: badge, en: badge }\n",
        )
        .expect("write");
        let (terms, diags) = load_terms(&Files::project(dir.path())).expect("loads");
        assert!(diags.is_empty(), "{diags}");
        let nl = |name: &str, c| {
            terms
                .get(name, Lang::Nl)
                .map(|t| t.for_country(c).to_string())
        };
        assert_eq!(nl("mobile", Country::Be).as_deref(), Some("mobieltje"));
        assert_eq!(nl("badge", Country::Be).as_deref(), Some("badge"));
        assert_eq!(
            nl("mobile_number", Country::Be).as_deref(),
            Some("gsm-nummer")
        );
    }

    #[test]
    fn a_broken_project_file_keeps_the_built_in_terms_and_marks_the_list_partial() {
        let dir = tempfile::tempdir().expect("tmp");
        std::fs::write(dir.path().join("terms.yaml"), "mobile: [\n").expect("write");
        let (terms, diags) = load_terms(&Files::project(dir.path())).expect("loads");
        assert!(diags.has_errors());
        assert_eq!(
            diags.iter().next().map(Diagnostic::file),
            Some("terms.yaml")
        );
        assert!(terms.is_partial());
        assert!(terms.get("mobile", Lang::Nl).is_some());
    }
}
