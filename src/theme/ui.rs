//! UI strings per language: `themes/<name>/i18n/<lang>/<group>.yaml`, flat keys to text,
//! available to templates as `ui.<group>.<key>`. Every key must exist in every language.

use std::collections::BTreeMap;

use anyhow::Result;
use serde_saphyr::Spanned;

use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::lang::Lang;
use crate::yaml;

/// Group → key → text, for one language.
pub type Strings = BTreeMap<String, BTreeMap<String, String>>;

/// The strings of every language, checked for parity.
#[derive(Debug, Clone, Default)]
pub struct Ui {
    by_lang: BTreeMap<Lang, Strings>,
}

impl Ui {
    pub fn strings(&self, lang: Lang) -> &Strings {
        static EMPTY: Strings = BTreeMap::new();
        self.by_lang.get(&lang).unwrap_or(&EMPTY)
    }

    /// One string; the theme is checked to have every key the code asks for.
    pub fn get(&self, lang: Lang, group: &str, key: &str) -> String {
        self.strings(lang)
            .get(group)
            .and_then(|g| g.get(key))
            .cloned()
            .unwrap_or_else(|| format!("{group}.{key}"))
    }
}

/// Keys the Rust code itself reads (the templates' keys are checked by Tera at render time).
pub const REQUIRED: [(&str, &str); 12] = [
    ("alerts", "note"),
    ("alerts", "tip"),
    ("alerts", "important"),
    ("alerts", "warning"),
    ("alerts", "caution"),
    ("methods", "app"),
    ("methods", "sms"),
    ("methods", "choose"),
    ("methods", "passkey"),
    ("methods", "security_key"),
    ("rollout", "moved"),
    ("rollout", "sms_retirement"),
];

/// Reads the i18n files (`rel` paths with their sources) and checks parity.
pub fn load_ui(files: Vec<(String, Source)>) -> Result<Ui, Diagnostics> {
    let mut diags = Diagnostics::new();
    let mut by_lang: BTreeMap<Lang, Strings> = BTreeMap::new();
    let mut places: BTreeMap<(Lang, String, String), (Source, Span)> = BTreeMap::new();
    for (rel, source) in files {
        let Some((lang, group)) = locate(&rel) else {
            diags.push(
                Diagnostic::error("UI strings must be at `i18n/<lang>/<group>.yaml`")
                    .in_file(&source)
                    .help(format!("use a language folder, one of {}.", Lang::list())),
            );
            continue;
        };
        match yaml::parse::<BTreeMap<String, Spanned<String>>>(&source) {
            Ok(map) => {
                let strings = by_lang
                    .entry(lang)
                    .or_default()
                    .entry(group.clone())
                    .or_default();
                for (key, value) in map {
                    places.insert(
                        (lang, group.clone(), key.clone()),
                        (source.clone(), yaml::span_of(&value, 0)),
                    );
                    strings.insert(key, value.value);
                }
            }
            Err(d) => diags.extend(d),
        }
    }
    for ((lang, group, key), (source, span)) in &places {
        for other in Lang::ALL {
            if other != *lang && !places.contains_key(&(other, group.clone(), key.clone())) {
                diags.push(
                    Diagnostic::error(format!(
                        "missing translation: `{group}.{key}` has no `{other}` text"
                    ))
                    .at(
                        source,
                        Span {
                            len: key.chars().count(),
                            ..*span
                        },
                    )
                    .help(format!(
                        "add `{key}: …` to `i18n/{other}/{group}.yaml` of the theme."
                    )),
                );
            }
        }
    }
    for lang in Lang::ALL {
        for (group, key) in REQUIRED {
            let has = by_lang
                .get(&lang)
                .and_then(|s| s.get(group))
                .is_some_and(|g| g.contains_key(key));
            if !has {
                diags.push(
                    Diagnostic::error(format!(
                        "the theme has no UI string `{group}.{key}` for `{lang}`"
                    ))
                    .help(format!(
                        "add `{key}: …` to `i18n/{lang}/{group}.yaml` of the theme."
                    )),
                );
            }
        }
    }
    diags.into_result(Ui { by_lang })
}

fn locate(rel: &str) -> Option<(Lang, String)> {
    let mut parts = rel.rsplit('/');
    let group = parts.next()?.strip_suffix(".yaml")?;
    let lang = Lang::parse(parts.next()?)?;
    Some((lang, group.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(rel: &str, text: &str) -> (String, Source) {
        (rel.to_string(), Source::new(rel, text))
    }

    fn complete(lang: &str) -> (String, Source) {
        file(
            &format!("themes/default/i18n/{lang}/alerts.yaml"),
            "note: n\ntip: t\nimportant: i\nwarning: w\ncaution: c\n",
        )
    }

    fn methods(lang: &str) -> (String, Source) {
        file(
            &format!("themes/default/i18n/{lang}/methods.yaml"),
            "app: a\nsms: s\nchoose: c\npasskey: p\nsecurity_key: k\n",
        )
    }

    fn rollout(lang: &str) -> (String, Source) {
        file(
            &format!("themes/default/i18n/{lang}/rollout.yaml"),
            "moved: m {method}\nsms_retirement: r\n",
        )
    }

    #[test]
    fn a_key_missing_in_one_language_is_an_error_at_the_key() {
        let err = load_ui(vec![
            complete("nl"),
            complete("en"),
            methods("nl"),
            methods("en"),
            rollout("nl"),
            rollout("en"),
            file(
                "themes/default/i18n/nl/site.yaml",
                "print: Afdrukken\nhelp: Hulp\n",
            ),
            file("themes/default/i18n/en/site.yaml", "print: Print\n"),
        ])
        .unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!(
            d.message,
            "missing translation: `site.help` has no `en` text"
        );
        assert_eq!(
            (d.file(), d.line()),
            ("themes/default/i18n/nl/site.yaml", 2)
        );
    }

    #[test]
    fn complete_strings_load() {
        let ui = load_ui(vec![
            complete("nl"),
            complete("en"),
            methods("nl"),
            methods("en"),
            rollout("nl"),
            rollout("en"),
        ])
        .unwrap();
        assert_eq!(ui.get(Lang::En, "alerts", "tip"), "t");
    }
}
