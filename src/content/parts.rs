//! Parts: a folder `content/<lang>/<audience>/<part>/` groups pages under a title, with a
//! `_part.yaml` that names it. The site's navigation lists parts and opens only the
//! current one, so a long guide stays easy to find one's way in, and each page carries a
//! short menu.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Audience, Page};
use crate::diagnostics::{Diagnostic, Diagnostics, Source};
use crate::lang::Lang;
use crate::yaml;

/// The file in a part's folder that names the part.
pub const PART_FILE: &str = "_part.yaml";

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPart {
    title: Spanned<String>,
    order: Option<i64>,
}

#[derive(Debug, Clone)]
pub struct Part {
    /// The folder name; the same in every language.
    pub slug: String,
    pub title: String,
    pub order: i64,
    pub source: Source,
}

impl Part {
    /// Where the part sorts among the parts of its audience: by order, then folder name.
    pub fn sort_key(&self) -> (i64, &str) {
        (self.order, &self.slug)
    }
}

/// Reads `_part.yaml`: a non-empty `title` and an optional `order`.
pub fn load_part(source: Source, slug: String) -> Result<Part, Diagnostics> {
    let raw: RawPart = yaml::parse(&source)?;
    let title = raw.title.value.trim();
    let span = yaml::span_of(&raw.title, 0);
    if title.contains("{{") {
        return Err(super::front_matter::braces_in_title(&source, span).into());
    }
    if title.chars().count() > super::front_matter::MAX_TITLE_CHARS {
        return Err(super::front_matter::long_title(&source, span, title).into());
    }
    if title.is_empty() {
        return Err(Diagnostic::error("the part's title is empty")
            .at(&source, yaml::span_of(&raw.title, 0))
            .help("write the title readers see in the menu after `title:`.")
            .into());
    }
    Ok(Part {
        slug,
        title: title.to_string(),
        order: raw.order.unwrap_or(0),
        source,
    })
}

/// Every page in a part folder has a `_part.yaml` beside it, the part has pages and the
/// same folder in every language, and no slug is used twice in an audience.
pub(super) fn check_parts(
    pages: &[Page],
    parts: &BTreeMap<(Audience, Lang, String), Part>,
    diags: &mut Diagnostics,
) {
    let mut seen: BTreeMap<(Audience, Lang, &str), &Page> = BTreeMap::new();
    let mut by_slug: BTreeMap<(Audience, &str), &Page> = BTreeMap::new();
    for page in pages {
        if let Some(part) = &page.part
            && !parts.contains_key(&(page.audience, page.lang, part.clone()))
        {
            diags.push(
                Diagnostic::error(format!("the part `{part}` has no `{PART_FILE}`"))
                    .in_file(&page.source)
                    .help(format!(
                        "add `content/{}/{}/{part}/{PART_FILE}` with `title: …` (the part's name in the menu) and `order: …`.",
                        page.lang,
                        page.audience.dir()
                    )),
            );
        }
        if let Some(other) = seen.insert((page.audience, page.lang, &page.slug), page) {
            diags.push(
                Diagnostic::error(format!(
                    "two pages are called `{}` in this audience; the other is {}",
                    page.slug, other.source.name
                ))
                .in_file(&page.source)
                .help("rename one: a page's file name is its address, whatever folder it is in."),
            );
        }
        match by_slug.get(&(page.audience, page.slug.as_str())) {
            Some(other) if other.part != page.part => diags.push(
                Diagnostic::error(format!(
                    "this page is in {} in `{}` but in {} in `{}`",
                    part_name(&page.part),
                    page.lang,
                    part_name(&other.part),
                    other.lang
                ))
                .in_file(&page.source)
                .help("put both languages' versions in the same part folder."),
            ),
            _ => {
                by_slug.insert((page.audience, &page.slug), page);
            }
        }
    }
    for ((audience, lang, slug), part) in parts {
        if !pages
            .iter()
            .any(|p| p.audience == *audience && p.lang == *lang && p.part.as_deref() == Some(slug))
        {
            diags.push(
                Diagnostic::error(format!("the part `{slug}` has no pages"))
                    .in_file(&part.source)
                    .help("add pages to its folder, or remove the folder."),
            );
        }
    }
}

fn part_name(part: &Option<String>) -> String {
    part.as_ref()
        .map_or("no part".into(), |p| format!("the part `{p}`"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn part(text: &str) -> Result<Part, Diagnostics> {
        load_part(
            Source::new("content/nl/admin/tenant/_part.yaml", text),
            "tenant".into(),
        )
    }

    #[test]
    fn a_variable_or_a_page_of_text_in_a_part_title_is_an_error() {
        let d = part("title: \"Deel van {{ customer.name }}\"\n").unwrap_err();
        assert!(
            d.iter()
                .next()
                .unwrap()
                .message
                .contains("not filled in in titles")
        );
        let d = part(&format!("title: {}\n", "t".repeat(201))).unwrap_err();
        assert!(d.iter().next().unwrap().message.contains("at most 200"));
    }

    #[test]
    fn a_part_has_a_title_and_an_order() {
        let p = part("title: De tenant inrichten\norder: 2\n").unwrap();
        assert_eq!((p.title.as_str(), p.order), ("De tenant inrichten", 2));
        assert_eq!(part("title: Zonder volgorde\n").unwrap().order, 0);
    }

    #[test]
    fn an_empty_title_or_unknown_key_is_refused_with_its_place() {
        let d = part("title: \"  \"\n").unwrap_err();
        assert_eq!(d.iter().next().unwrap().line(), 1);
        let d = part("title: A\nweight: 3\n").unwrap_err();
        let first = d.iter().next().unwrap();
        assert_eq!(first.line(), 2);
        assert!(first.message.contains("weight"), "{}", first.message);
        assert!(part("order: 1\n").is_err());
    }
}
