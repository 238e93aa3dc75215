//! How a page is laid out: as a page of the handbook (the default), or as the audience's
//! one-page poster (`layout: poster`), written to its own file outside the menu, the
//! print edition and the search.

use std::collections::BTreeMap;

use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::Lang;

use super::{Audience, Page};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Layout {
    /// A page of the site and of the print edition.
    #[default]
    Page,
    /// A one-page A4 poster (`affiche.html` / `poster.html`), printed on its own.
    Poster,
}

impl Layout {
    pub const NAMES: [&'static str; 1] = ["poster"];

    pub fn parse(name: &str) -> Option<Layout> {
        match name {
            "poster" => Some(Layout::Poster),
            _ => None,
        }
    }
}

/// An audience has at most one poster per language, and a poster is one page: not one
/// per wave.
pub fn check_posters(pages: &[Page], diags: &mut Diagnostics) {
    let mut first: BTreeMap<(Audience, Lang), &Page> = BTreeMap::new();
    for page in pages.iter().filter(|p| p.layout == Layout::Poster) {
        let at = |d: Diagnostic| match super::front_matter_key(&page.source.text, "layout") {
            Some(span) => d.at(&page.source, span),
            None => d.in_file(&page.source),
        };
        if page.per_wave {
            diags.push(at(Diagnostic::error("a poster cannot be written once per wave")
                .help("remove `per_wave: true` or `layout: poster`: a poster is one page that prints on one sheet.")));
        }
        match first.get(&(page.audience, page.lang)) {
            Some(other) => diags.push(at(Diagnostic::error(format!(
                "the {} {} already has a poster: `{}`",
                page.lang,
                page.audience.dir(),
                other.source.name
            ))
            .help("an audience has one poster per language; remove `layout: poster` from one of them."))),
            None => {
                first.insert((page.audience, page.lang), page);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_poster_is_a_layout() {
        assert_eq!(Layout::parse("poster"), Some(Layout::Poster));
        assert_eq!(Layout::parse("Poster"), None);
        assert_eq!(Layout::parse("page"), None);
    }
}
