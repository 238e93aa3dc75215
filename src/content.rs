//! The library of pages: `content/<lang>/<audience>/[<part>/]<slug>.md` from the built-in
//! library and the project, each parsed once (front matter and dialect) and checked for
//! translation parity.

mod front_matter;
mod kept;
mod layout;
mod parts;
mod tables;

use std::collections::{BTreeMap, BTreeSet};

use anyhow::Result;
use rayon::prelude::*;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::dialect::{self, Condition, Known, Template};
use crate::files::Files;
use crate::lang::Lang;
use crate::terms::Terms;
pub use front_matter::{
    FrontMatter, Parsed as ParsedFrontMatter, key_span as front_matter_key,
    parse as parse_front_matter, split as split_front_matter,
};
pub use kept::KeptPages;
pub use layout::Layout;
pub use parts::{PART_FILE, Part};

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
    /// The file name without `.md`; the same in every language, unique in its audience.
    pub slug: String,
    /// The folder of the part the page belongs to, if any.
    pub part: Option<String>,
    pub source: Source,
    pub title: String,
    pub order: i64,
    pub when: Option<Condition>,
    pub verified: Date,
    /// Rendered once per rollout wave (with `wave.*` variables), each also a message file.
    pub per_wave: bool,
    /// A page of the handbook, or the audience's poster.
    pub layout: Layout,
    pub body: Template,
}

/// Every page in reading order: by audience, language, part (pages outside a part first),
/// order and slug; and the parts by audience, language and folder.
#[derive(Debug, Clone, Default)]
pub struct Library {
    pub pages: Vec<Page>,
    pub parts: BTreeMap<(Audience, Lang, String), Part>,
}

impl Library {
    /// The pages of one audience in one language, in reading order.
    pub fn pages(&self, audience: Audience, lang: Lang) -> impl Iterator<Item = &Page> {
        self.pages
            .iter()
            .filter(move |p| p.audience == audience && p.lang == lang)
    }

    /// The part `page` belongs to.
    pub fn part_of(&self, page: &Page) -> Option<&Part> {
        let slug = page.part.as_ref()?;
        self.parts.get(&(page.audience, page.lang, slug.clone()))
    }
}

/// One file under `content/`, read and parsed.
enum Loaded {
    /// A page with its problems; with errors, the page is only good for finding more.
    Page((Audience, String, Lang), Source, Page, Diagnostics),
    Part((Audience, Lang, String), Result<Part, Diagnostics>),
    Stray(Diagnostic),
}

/// Where a file under `content/` sits.
#[derive(Debug, PartialEq)]
enum Place {
    Page {
        lang: Lang,
        audience: Audience,
        part: Option<String>,
        slug: String,
    },
    Part {
        lang: Lang,
        audience: Audience,
        part: String,
    },
}

/// Loads and parses every page. `screens` are the screen names the theme can draw, `terms`
/// the term list. The library comes back with every problem found: when there are errors,
/// it holds every page as far as it could be read, to find the problems that show only
/// when pages are rendered. A page `kept` from an earlier build of the same file is taken
/// over unparsed.
pub fn load_library(
    files: &Files,
    screens: &BTreeSet<String>,
    terms: &Terms,
    kept: &KeptPages,
) -> Result<(Library, Diagnostics)> {
    let kept = kept.load(screens, terms);
    let rels = files.list("content")?;
    // Reading and parsing is most of the work for a long guide: one file per task.
    let loaded: Vec<Result<Option<Loaded>>> = rels
        .par_iter()
        .map(|rel| {
            let Some(file) = files.read(rel)? else {
                return Ok(None);
            };
            let source = match file.text() {
                Ok(source) => source,
                Err(d) => return Ok(Some(Loaded::Stray(d))),
            };
            Ok(Some(match locate(rel) {
                Ok(Place::Page {
                    lang,
                    audience,
                    part,
                    slug,
                }) => {
                    let key = (audience, slug.clone(), lang);
                    let known = Known {
                        lang,
                        screens,
                        terms,
                    };
                    let (page, problems) = kept.page(rel, &source, || {
                        load_page(source.clone(), lang, audience, part, slug, &known)
                    });
                    Loaded::Page(key, source, page, problems)
                }
                Ok(Place::Part {
                    lang,
                    audience,
                    part,
                }) => Loaded::Part(
                    (audience, lang, part.clone()),
                    parts::load_part(source, part),
                ),
                Err(help) => Loaded::Stray(
                    Diagnostic::error("this file is not where a page can be")
                        .in_file(&source)
                        .help(help),
                ),
            }))
        })
        .collect();
    kept.only(&rels);
    let mut diags = Diagnostics::new();
    let mut pages = Vec::new();
    let mut parts = BTreeMap::new();
    let mut found = Vec::new();
    for loaded in loaded {
        match loaded? {
            None => {}
            Some(Loaded::Page(key, source, page, problems)) => {
                let when = (!problems.has_errors()).then(|| page.when.clone());
                found.push((key, source, when));
                pages.push(page);
                diags.extend(problems);
            }
            Some(Loaded::Part(key, Ok(part))) => {
                parts.insert(key, part);
            }
            Some(Loaded::Part(_, Err(d))) => diags.extend(d),
            Some(Loaded::Stray(d)) => diags.push(d),
        }
    }
    parts::check_parts(&pages, &parts, &mut diags);
    pages.sort_by(|a, b| {
        let part = |p: &Page| {
            p.part
                .as_ref()
                .and_then(|s| parts.get(&(p.audience, p.lang, s.clone())))
                .map(Part::sort_key)
        };
        (a.audience, a.lang, part(a), a.order, &a.slug).cmp(&(
            b.audience,
            b.lang,
            part(b),
            b.order,
            &b.slug,
        ))
    });
    layout::check_posters(&pages, &mut diags);
    check_parity(&found, &mut diags);
    Ok((Library { pages, parts }, diags))
}

fn locate(rel: &str) -> Result<Place, String> {
    let parts: Vec<&str> = rel.split('/').collect();
    let layout = "pages live at `content/<lang>/<audience>/<slug>.md`, or in a part at `content/<lang>/<audience>/<part>/<slug>.md` beside its `_part.yaml`, with lang `nl` or `en`, audience `employee`, `admin` or `rollout`, and names of lowercase letters, digits and dashes; images go in `assets/`";
    let (lang, audience, part, file) = match parts[..] {
        [_, lang, audience, file] => (lang, audience, None, file),
        [_, lang, audience, part, file] if is_slug(part) => (lang, audience, Some(part), file),
        _ => return Err(layout.into()),
    };
    let (Some(lang), Some(audience)) = (Lang::parse(lang), Audience::parse(audience)) else {
        return Err(layout.into());
    };
    if let (Some(part), PART_FILE) = (part, file) {
        return Ok(Place::Part {
            lang,
            audience,
            part: part.to_string(),
        });
    }
    match file.strip_suffix(".md") {
        Some(slug) if is_slug(slug) => Ok(Place::Page {
            lang,
            audience,
            part: part.map(str::to_string),
            slug: slug.to_string(),
        }),
        _ => Err(layout.into()),
    }
}

fn is_slug(name: &str) -> bool {
    !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
}

fn load_page(
    source: Source,
    lang: Lang,
    audience: Audience,
    part: Option<String>,
    slug: String,
    known: &Known,
) -> (Page, Diagnostics) {
    let front_matter::Parsed {
        front_matter: fm,
        body,
        body_line,
        problems,
    } = front_matter::parse(&source);
    let (template, mut diags) = dialect::parse(&source, body, body_line, known);
    diags.extend(tables::check_tables(&source, body, body_line));
    if !fm.per_wave {
        for (name, span) in template
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
    diags.extend(problems);
    let title = match fm.title.is_empty() {
        true => slug.clone(),
        false => fm.title,
    };
    let page = Page {
        lang,
        audience,
        slug,
        part,
        title,
        order: fm.order,
        when: fm.when,
        verified: fm.verified,
        per_wave: fm.per_wave,
        layout: fm.layout,
        body: template,
        source,
    };
    (page, diags)
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
                        .at(source, front_matter::key_span(&source.text, "when").unwrap_or(Span::new(1, 1, 3)))
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
    fn locate_reads_lang_audience_part_and_slug() {
        assert_eq!(
            locate("content/nl/employee/app-setup.md").unwrap(),
            Place::Page {
                lang: Lang::Nl,
                audience: Audience::Employee,
                part: None,
                slug: "app-setup".into()
            }
        );
        assert_eq!(
            locate("content/en/admin/tenant/policies.md").unwrap(),
            Place::Page {
                lang: Lang::En,
                audience: Audience::Admin,
                part: Some("tenant".into()),
                slug: "policies".into()
            }
        );
        assert_eq!(
            locate("content/en/admin/tenant/_part.yaml").unwrap(),
            Place::Part {
                lang: Lang::En,
                audience: Audience::Admin,
                part: "tenant".into()
            }
        );
        for bad in [
            "content/fr/employee/a.md",
            "content/nl/staff/a.md",
            "content/nl/employee/a.png",
            "content/nl/a.md",
            "content/nl/employee/A b.md",
            "content/nl/employee/_part.yaml",
            "content/nl/employee/Deel/a.md",
            "content/nl/employee/a/b/c.md",
        ] {
            assert!(locate(bad).is_err(), "{bad}");
        }
    }
}
