//! Pages kept from the builds before, for a process that builds again and again (the
//! preview): a page whose file reads the same, checked against the same screens and terms,
//! parses the same, so its parse is taken over instead of made again.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use crate::diagnostics::{Diagnostics, Source};
use crate::terms::Terms;

use super::Page;

/// What a page is checked against besides its own text: the theme's screens, the terms.
/// (Not `content::Known`, which also names the page's language.)
type Against = (BTreeSet<String>, Terms);

/// The pages parsed by earlier builds, by file. Off, it keeps nothing.
#[derive(Debug, Default)]
pub struct KeptPages {
    on: bool,
    kept: Mutex<Kept>,
}

#[derive(Debug, Default)]
struct Kept {
    /// What the latest load checked against; a load against the same shares it.
    known: Option<Arc<Against>>,
    pages: HashMap<String, Entry>,
}

/// A page as parsed from `source` against `known`, with its problems.
#[derive(Debug)]
struct Entry {
    known: Arc<Against>,
    source: Source,
    page: Page,
    problems: Diagnostics,
}

/// One load of the library: takes over pages parsed against the same screens and terms.
/// Two builds can load at once (the preview's page in the browser and its background),
/// each against what it read; a page is only ever taken over by a load against the very
/// same `known` it was parsed against.
pub(super) struct Load<'a> {
    kept: Option<(&'a KeptPages, Arc<Against>)>,
}

impl KeptPages {
    /// Keeps what is parsed, for the builds after.
    pub fn on() -> KeptPages {
        KeptPages {
            on: true,
            kept: Mutex::default(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Kept> {
        self.kept.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Starts a load of the library against `screens` and `terms`.
    pub(super) fn load(&self, screens: &BTreeSet<String>, terms: &Terms) -> Load<'_> {
        if !self.on {
            return Load { kept: None };
        }
        let mut kept = self.lock();
        let known = match &kept.known {
            Some(known) if known.0 == *screens && known.1 == *terms => Arc::clone(known),
            _ => {
                // Pages parsed against anything else will not be taken over again.
                kept.pages.clear();
                let known = Arc::new((screens.clone(), terms.clone()));
                kept.known = Some(Arc::clone(&known));
                known
            }
        };
        Load {
            kept: Some((self, known)),
        }
    }
}

impl Load<'_> {
    /// The page in file `rel` reading `source`: the one kept if it was read from the same
    /// text under the same name against the same screens and terms, else made by `parse`
    /// (and kept).
    pub(super) fn page(
        &self,
        rel: &str,
        source: &Source,
        parse: impl FnOnce() -> (Page, Diagnostics),
    ) -> (Page, Diagnostics) {
        let Some((pages, known)) = &self.kept else {
            return parse();
        };
        if let Some(entry) = pages.lock().pages.get(rel)
            && Arc::ptr_eq(&entry.known, known)
            && entry.source.name == source.name
            && entry.source.text == source.text
        {
            return (entry.page.clone(), entry.problems.clone());
        }
        let (page, problems) = parse();
        let entry = Entry {
            known: Arc::clone(known),
            source: source.clone(),
            page: page.clone(),
            problems: problems.clone(),
        };
        pages.lock().pages.insert(rel.to_string(), entry);
        (page, problems)
    }

    /// Forgets the pages of files no longer in the library.
    pub(super) fn only(&self, rels: &[String]) {
        if let Some((pages, _)) = &self.kept {
            let rels: BTreeSet<&str> = rels.iter().map(String::as_str).collect();
            pages
                .lock()
                .pages
                .retain(|rel, _| rels.contains(rel.as_str()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::{Audience, Layout};
    use crate::date::Date;
    use crate::dialect::Template;
    use crate::lang::Lang;

    fn page(source: &Source, title: &str) -> (Page, Diagnostics) {
        let page = Page {
            lang: Lang::Nl,
            audience: Audience::Employee,
            slug: "start".into(),
            part: None,
            source: source.clone(),
            title: title.into(),
            order: 0,
            when: None,
            verified: Date::parse("2026-12-01").expect("date"),
            per_wave: false,
            layout: Layout::Page,
            body: Template::default(),
        };
        (page, Diagnostics::new())
    }

    /// The title of the page `load` hands out for `source`, were it parsed as `title`.
    fn title(load: &Load, source: &Source, title: &str) -> String {
        load.page("start", source, || page(source, title)).0.title
    }

    #[test]
    fn a_load_against_other_screens_never_takes_over_a_page_parsed_before() {
        let kept = KeptPages::on();
        let screens = BTreeSet::new();
        let source = Source::new("content/nl/employee/start.md", "tekst");
        let old = kept.load(&screens, &Terms::default());
        assert_eq!(title(&old, &source, "eerste"), "eerste");
        assert_eq!(title(&old, &source, "niet"), "eerste");
        // Another build starts against other screens (or terms) while the first is
        // still loading.
        let other = BTreeSet::from(["authenticator".to_string()]);
        let new = kept.load(&other, &Terms::default());
        assert_eq!(title(&new, &source, "tweede"), "tweede");
        // The first build keeps what it parses (against its screens) ...
        old.page("start", &source, || page(&source, "oud"));
        // ... and the second never takes that over.
        assert_eq!(title(&new, &source, "derde"), "derde");
        // Changed text is parsed again.
        let edited = Source::new("content/nl/employee/start.md", "andere tekst");
        assert_eq!(title(&new, &edited, "vierde"), "vierde");
    }

    #[test]
    fn off_it_parses_every_time() {
        let kept = KeptPages::default();
        let source = Source::new("a.md", "tekst");
        let load = kept.load(&BTreeSet::new(), &Terms::default());
        load.page("a", &source, || page(&source, "een"));
        assert_eq!(
            load.page("a", &source, || page(&source, "twee")).0.title,
            "twee"
        );
    }
}
