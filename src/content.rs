//! The library of pages: `content/<lang>/<audience>/<slug>.md` from the built-in library and
//! the project, each parsed once (front matter and dialect) and checked for translation
//! parity.

mod front_matter;

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::dialect::{self, Condition, Template};
use crate::files::Files;
use crate::lang::Lang;

/// Who a handbook is for; each audience is a separate site in a separate folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Audience {
    Employee,
    Admin,
    Rollout,
}

impl Audience {
    pub const ALL: [Audience; 3] = [Audience::Employee, Audience::Admin, Audience::Rollout];

    pub fn dir(self) -> &'static str {
        match self {
            Audience::Employee => "employee",
            Audience::Admin => "admin",
            Audience::Rollout => "rollout",
        }
    }

    fn parse(dir: &str) -> Option<Audience> {
        Audience::ALL.into_iter().find(|a| a.dir() == dir)
    }
}

#[derive(Debug, Clone)]
pub struct Page {
    pub lang: Lang,
    pub audience: Audience,
    /// The file name without `.md`; the same in every language.
    pub slug: String,
    pub source: Source,
    pub title: String,
    pub order: i64,
    pub when: Option<Condition>,
    pub verified: Date,
    /// Rendered once per rollout wave (with `wave.*` variables), each also a message file.
    pub per_wave: bool,
    pub body: Template,
}

/// Every page, sorted by audience, language, order and slug.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub pages: Vec<Page>,
}

impl Library {
    /// The pages of one audience in one language, in reading order.
    pub fn pages(&self, audience: Audience, lang: Lang) -> impl Iterator<Item = &Page> {
        self.pages
            .iter()
            .filter(move |p| p.audience == audience && p.lang == lang)
    }
}

/// Loads and parses every page. `screens` are the screen names the theme can draw.
pub fn load_library(
    files: &Files,
    screens: &BTreeSet<String>,
) -> Result<Result<Library, Diagnostics>> {
    let mut diags = Diagnostics::new();
    let mut pages = Vec::new();
    let mut found = Vec::new();
    for rel in files.list("content")? {
        let Some(file) = files.read(&rel)? else {
            continue;
        };
        let source = file.source()?;
        match locate(&rel) {
            Ok((lang, audience, slug)) => {
                let key = (audience, slug.clone(), lang);
                match load_page(source.clone(), lang, audience, slug, screens) {
                    Ok(page) => {
                        found.push((key, source, Some(page.when.clone())));
                        pages.push(page);
                    }
                    Err(d) => {
                        found.push((key, source, None));
                        diags.extend(d);
                    }
                }
            }
            Err(help) => diags.push(
                Diagnostic::error("this file is not where a page can be")
                    .in_file(&source)
                    .help(help),
            ),
        }
    }
    pages.sort_by(|a, b| {
        (a.audience, a.lang, a.order, &a.slug).cmp(&(b.audience, b.lang, b.order, &b.slug))
    });
    check_parity(&found, &mut diags);
    Ok(diags.into_result(Library { pages }))
}

fn locate(rel: &str) -> Result<(Lang, Audience, String), String> {
    let parts: Vec<&str> = rel.split('/').collect();
    let layout = "pages live at `content/<lang>/<audience>/<slug>.md` with lang `nl` or `en`, audience `employee`, `admin` or `rollout`, and a slug of lowercase letters, digits and dashes; images go in `assets/`";
    let [_, lang, audience, file] = parts[..] else {
        return Err(layout.into());
    };
    let (Some(lang), Some(audience), Some(slug)) = (
        Lang::parse(lang),
        Audience::parse(audience),
        file.strip_suffix(".md"),
    ) else {
        return Err(layout.into());
    };
    let valid_slug = !slug.is_empty()
        && slug
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid_slug {
        return Err(layout.into());
    }
    Ok((lang, audience, slug.to_string()))
}

fn load_page(
    source: Source,
    lang: Lang,
    audience: Audience,
    slug: String,
    screens: &BTreeSet<String>,
) -> Result<Page, Diagnostics> {
    let (fm, body, body_line) = front_matter::parse(&source)?;
    let (body, mut diags) = dialect::parse(&source, body, body_line, screens);
    if !fm.per_wave {
        for (name, span) in body
            .variables()
            .into_iter()
            .filter(|(n, _)| n.starts_with("wave."))
        {
            diags.push(
                Diagnostic::error(format!("`{name}` only has a value in a page that is written once per rollout wave"))
                    .at(&source, span)
                    .help("add `per_wave: true` to the front matter, or use `{{schedule}}` to list the waves."),
            );
        }
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(Page {
        lang,
        audience,
        slug,
        title: fm.title,
        order: fm.order,
        when: fm.when,
        verified: fm.verified,
        per_wave: fm.per_wave,
        body,
        source,
    })
}

/// A page file found in the library: its key, file, and its `when:` if it parsed.
type Found = ((Audience, String, Lang), Source, Option<Option<Condition>>);

/// Every page exists in every language, and applies to the same customers in each.
fn check_parity(found: &[Found], diags: &mut Diagnostics) {
    let mut by_key: BTreeMap<(Audience, &str), BTreeMap<Lang, &Found>> = BTreeMap::new();
    for entry in found {
        let ((audience, slug, lang), _, _) = entry;
        by_key
            .entry((*audience, slug))
            .or_default()
            .insert(*lang, entry);
    }
    for ((audience, slug), langs) in by_key {
        let Some((first_lang, (_, first, first_when))) = langs.iter().next() else {
            continue;
        };
        for lang in Lang::ALL {
            match langs.get(&lang) {
                None => diags.push(
                    Diagnostic::error(format!("missing translation: this page has no `{lang}` version"))
                        .at(first, Span::new(1, 1, 0))
                        .help(format!(
                            "add `content/{lang}/{}/{slug}.md` with the same steps in {}.",
                            audience.dir(),
                            match lang {
                                Lang::Nl => "Dutch",
                                Lang::En => "English",
                            }
                        )),
                ),
                Some((_, source, Some(when))) if matches!(first_when, Some(first) if first != when) => diags.push(
                    Diagnostic::error(format!("`when:` differs from the `{first_lang}` version of this page"))
                        .at(source, Span::new(1, 1, 0))
                        .help(format!("use the same condition as {} so both languages cover the same customers.", first.name)),
                ),
                Some(_) => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locate_reads_lang_audience_and_slug() {
        assert_eq!(
            locate("content/nl/employee/app-setup.md").unwrap(),
            (Lang::Nl, Audience::Employee, "app-setup".to_string())
        );
        for bad in [
            "content/fr/employee/a.md",
            "content/nl/staff/a.md",
            "content/nl/employee/a.png",
            "content/nl/a.md",
            "content/nl/employee/A b.md",
        ] {
            assert!(locate(bad).is_err(), "{bad}");
        }
    }
}
