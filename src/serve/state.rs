//! The preview's state: the last good files of every customer, the problems of the last
//! build of each, the customers for the index page, and what each update changed.

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use crate::diagnostics::Diagnostics;
use crate::lang::Lang;
use crate::output::Tree;

use super::inject::overlay_html;

/// The key of problems that belong to no customer (a project without customers).
const PROJECT: &str = "";

/// A customer as the index page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub method: &'static str,
    pub languages: Vec<Lang>,
}

/// What one update changed, for the browsers.
#[derive(Debug, Clone, PartialEq)]
pub struct Notice {
    /// The state's token after this update.
    pub token: String,
    /// Keys of the served files that changed, appeared or disappeared (`""`: the index).
    pub changed: Arc<BTreeSet<String>>,
    /// The new overlay when the problems changed (empty: no errors any more).
    pub overlay: Option<Arc<str>>,
}

impl Notice {
    /// The last error was fixed: every page reloads to drop its overlay.
    pub fn cleared(&self) -> bool {
        self.overlay.as_deref() == Some("")
    }
}

#[derive(Debug, Default)]
pub struct Preview {
    trees: BTreeMap<String, Tree>,
    problems: BTreeMap<String, Diagnostics>,
    diagnostics: Diagnostics,
    overlay: String,
    entries: BTreeMap<String, Entry>,
    /// Customers known from `customers/`, built or not.
    ids: Vec<String>,
    instance: u64,
    generation: u64,
}

impl Preview {
    /// An empty preview; `instance` tells this server's pages from a previous one's.
    pub fn new(instance: u64) -> Preview {
        Preview {
            instance,
            ..Preview::default()
        }
    }

    /// Names this state: a page built from it reloads when it meets another token.
    pub fn token(&self) -> String {
        format!("{:x}-{}", self.instance, self.generation)
    }

    pub fn file(&self, key: &str) -> Option<&[u8]> {
        let (id, rel) = key.split_once('/')?;
        self.trees.get(id)?.get(rel).map(Vec::as_slice)
    }

    pub fn tree(&self, id: &str) -> Option<&Tree> {
        self.trees.get(id)
    }

    /// Every customer, built or not, with what we know about it.
    pub fn customers(&self) -> impl Iterator<Item = (&str, Option<&Entry>)> {
        self.ids
            .iter()
            .map(|id| (id.as_str(), self.entries.get(id)))
    }

    pub fn diagnostics(&self) -> &Diagnostics {
        &self.diagnostics
    }

    /// Whether the last build of customer `id` found errors.
    pub fn has_errors(&self, id: &str) -> bool {
        self.problems.get(id).is_some_and(Diagnostics::has_errors)
    }

    /// The error overlay of the current problems; empty when there are no errors.
    pub fn overlay(&self) -> &str {
        &self.overlay
    }

    /// Records a build of customer `id`: of every language, or of one (`lang`), whose
    /// files then replace only that language's. Without a tree (the build failed) the
    /// last good files stay. Returns the keys that changed.
    pub fn record(
        &mut self,
        id: &str,
        lang: Option<Lang>,
        tree: Option<Tree>,
        problems: Diagnostics,
    ) -> Vec<String> {
        self.problems.insert(id.to_string(), problems);
        let Some(tree) = tree else {
            return Vec::new();
        };
        let old = self.trees.remove(id).unwrap_or_default();
        let new = match lang {
            Some(lang) => merge_language(&old, tree, lang),
            None => tree,
        };
        let mut changed = changed_keys(&old, &new, id);
        if old.is_empty() {
            changed.push(String::new());
        }
        self.trees.insert(id.to_string(), new);
        changed
    }

    /// Sets what the index page says about a customer.
    pub fn describe(&mut self, id: &str, entry: Entry) -> Vec<String> {
        if self.entries.get(id) == Some(&entry) {
            return Vec::new();
        }
        self.entries.insert(id.to_string(), entry);
        vec![String::new()]
    }

    /// The customers are now `ids`: forgets the files and problems of removed ones.
    pub fn keep_only(&mut self, ids: &[String]) -> Vec<String> {
        let mut changed = Vec::new();
        if self.ids != ids {
            self.ids = ids.to_vec();
            changed.push(String::new());
        }
        let gone: Vec<String> = self
            .trees
            .keys()
            .filter(|id| !ids.contains(id))
            .cloned()
            .collect();
        for id in gone {
            if let Some(tree) = self.trees.remove(&id) {
                changed.extend(tree.keys().map(|k| format!("{id}/{k}")));
            }
        }
        self.entries.retain(|id, _| ids.contains(id));
        self.problems
            .retain(|id, _| ids.contains(id) || (ids.is_empty() && id == PROJECT));
        changed
    }

    /// Problems found without any customer to build (the project has none).
    pub fn record_project(&mut self, problems: Diagnostics) {
        self.problems.insert(PROJECT.to_string(), problems);
    }

    /// Closes an update: merges the problems, and returns what the browsers must hear,
    /// if anything changed.
    pub fn settle(&mut self, changed: Vec<String>) -> Option<Notice> {
        let mut all = Diagnostics::new();
        for problems in self.problems.values() {
            all.extend(problems.clone());
        }
        self.diagnostics = all.sorted();
        let overlay = overlay_html(&self.diagnostics);
        let overlay_changed = overlay != self.overlay;
        if changed.is_empty() && !overlay_changed {
            return None;
        }
        self.overlay = overlay;
        self.generation += 1;
        Some(Notice {
            token: self.token(),
            changed: Arc::new(changed.into_iter().collect()),
            overlay: overlay_changed.then(|| Arc::from(self.overlay.as_str())),
        })
    }
}

/// `new` (one language's build) over `old`: that language's folders are replaced, the
/// audience's language choice page is kept (a one-language build writes it in that
/// language), static files and assets are updated.
fn merge_language(old: &Tree, new: Tree, lang: Lang) -> Tree {
    let in_lang = |key: &str| key.split('/').nth(1) == Some(lang.code());
    let is_choice = |key: &str| key.split('/').nth(1) == Some("index.html");
    let mut tree: Tree = old
        .iter()
        .filter(|(k, _)| !in_lang(k))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    for (key, bytes) in new {
        if !(is_choice(&key) && old.contains_key(&key)) {
            tree.insert(key, bytes);
        }
    }
    tree
}

fn changed_keys(old: &Tree, new: &Tree, id: &str) -> Vec<String> {
    let removed = old.keys().filter(|k| !new.contains_key(*k));
    let added_or_changed = new
        .iter()
        .filter(|(k, v)| old.get(*k) != Some(*v))
        .map(|(k, _)| k);
    removed
        .chain(added_or_changed)
        .map(|k| format!("{id}/{k}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Diagnostic;
    use crate::output::tree_of as tree;

    #[test]
    fn a_failed_build_keeps_the_last_good_files() {
        let mut p = Preview::new(1);
        p.record(
            "a",
            None,
            Some(tree(&[("employee/nl/index.html", "good")])),
            Diagnostics::new(),
        );
        p.settle(vec![]);
        let broken = Diagnostics::from(Diagnostic::error("broken"));
        assert!(p.record("a", None, None, broken).is_empty());
        let notice = p.settle(vec![]).expect("the problems changed");
        assert!(notice.overlay.is_some_and(|o| o.contains("broken")));
        assert_eq!(p.file("a/employee/nl/index.html"), Some(&b"good"[..]));
        let notice = p.record(
            "a",
            None,
            Some(tree(&[("employee/nl/index.html", "good")])),
            Diagnostics::new(),
        );
        let notice = p.settle(notice).expect("fixed");
        assert!(notice.cleared());
        assert!(notice.changed.is_empty());
    }

    #[test]
    fn a_one_language_build_replaces_only_that_language() {
        let mut p = Preview::new(1);
        let full = tree(&[
            ("employee/index.html", "choice nl"),
            ("employee/nl/index.html", "nl"),
            ("employee/nl/old.html", "old"),
            ("employee/en/index.html", "en"),
            ("employee/static/style.css", "css"),
        ]);
        p.record("a", None, Some(full), Diagnostics::new());
        let en = tree(&[
            ("employee/index.html", "choice en"),
            ("employee/en/index.html", "en 2"),
            ("employee/static/style.css", "css 2"),
        ]);
        let changed = p.record("a", Some(Lang::En), Some(en), Diagnostics::new());
        assert_eq!(
            changed,
            ["a/employee/en/index.html", "a/employee/static/style.css"]
        );
        assert_eq!(p.file("a/employee/index.html"), Some(&b"choice nl"[..]));
        assert_eq!(p.file("a/employee/nl/old.html"), Some(&b"old"[..]));
        let nl = tree(&[("employee/nl/index.html", "nl")]);
        let changed = p.record("a", Some(Lang::Nl), Some(nl), Diagnostics::new());
        assert_eq!(changed, ["a/employee/nl/old.html"]);
    }

    #[test]
    fn nothing_changed_tells_the_browsers_nothing() {
        let mut p = Preview::new(1);
        let first = p.record(
            "a",
            None,
            Some(tree(&[("x.html", "x")])),
            Diagnostics::new(),
        );
        assert!(p.settle(first).is_some());
        let token = p.token();
        let again = p.record(
            "a",
            None,
            Some(tree(&[("x.html", "x")])),
            Diagnostics::new(),
        );
        assert_eq!(p.settle(again), None);
        assert_eq!(p.token(), token);
    }

    #[test]
    fn a_removed_customer_is_forgotten_with_its_problems() {
        let mut p = Preview::new(1);
        p.keep_only(&["a".into(), "b".into()]);
        p.record(
            "a",
            None,
            Some(tree(&[("x.html", "x")])),
            Diagnostics::new(),
        );
        p.record(
            "b",
            None,
            None,
            Diagnostics::from(Diagnostic::error("b is broken")),
        );
        p.settle(vec![]);
        assert!(!p.overlay().is_empty());
        let changed = p.keep_only(&["a".into()]);
        assert_eq!(changed, [""]);
        let notice = p.settle(changed).expect("changed");
        assert!(notice.cleared());
        assert_eq!(p.customers().count(), 1);
    }
}
