//! Pages kept from the builds before, for a process that builds again and again (the
//! preview): a page whose file reads the same, checked against the same screens and terms,
//! parses the same, so its parse is taken over instead of made again.

use std::collections::{BTreeSet, HashMap};
use std::sync::{Mutex, MutexGuard, PoisonError};

use crate::diagnostics::{Diagnostics, Source};
use crate::terms::Terms;

use super::Page;

/// The pages parsed by earlier builds, by file. Off, it keeps nothing.
#[derive(Debug, Default)]
pub struct KeptPages {
    on: bool,
    kept: Mutex<Kept>,
}

#[derive(Debug, Default)]
struct Kept {
    /// What the pages were checked against; when it changes, nothing kept holds.
    known: Option<(BTreeSet<String>, Terms)>,
    pages: HashMap<String, (Source, Page, Diagnostics)>,
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

    /// Starts a load of the library against `screens` and `terms`: pages parsed against
    /// others are dropped.
    pub(super) fn against(&self, screens: &BTreeSet<String>, terms: &Terms) {
        if !self.on {
            return;
        }
        let mut kept = self.lock();
        if kept
            .known
            .as_ref()
            .is_none_or(|(s, t)| s != screens || t != terms)
        {
            kept.pages.clear();
            kept.known = Some((screens.clone(), terms.clone()));
        }
    }

    /// The page in file `rel` reading `source`: the one kept if it was read from the same
    /// text under the same name, else made by `parse` (and kept).
    pub(super) fn page(
        &self,
        rel: &str,
        source: &Source,
        parse: impl FnOnce() -> (Page, Diagnostics),
    ) -> (Page, Diagnostics) {
        if !self.on {
            return parse();
        }
        if let Some((read, page, problems)) = self.lock().pages.get(rel)
            && read.name == source.name
            && read.text == source.text
        {
            return (page.clone(), problems.clone());
        }
        let (page, problems) = parse();
        self.lock().pages.insert(
            rel.to_string(),
            (source.clone(), page.clone(), problems.clone()),
        );
        (page, problems)
    }

    /// Forgets the pages of files no longer in the library.
    pub(super) fn only(&self, rels: &[String]) {
        if self.on {
            let rels: BTreeSet<&str> = rels.iter().map(String::as_str).collect();
            self.lock()
                .pages
                .retain(|rel, _| rels.contains(rel.as_str()));
        }
    }
}
