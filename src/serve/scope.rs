//! What a change can affect: the customers whose handbooks a saved file may change.

use std::collections::BTreeSet;

/// The customers a change can affect.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    All,
    Customers(BTreeSet<String>),
}

impl Default for Scope {
    fn default() -> Scope {
        Scope::none()
    }
}

impl Scope {
    pub fn none() -> Scope {
        Scope::Customers(BTreeSet::new())
    }

    pub fn is_empty(&self) -> bool {
        matches!(self, Scope::Customers(ids) if ids.is_empty())
    }

    pub fn contains(&self, id: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Customers(ids) => ids.contains(id),
        }
    }

    pub fn add(&mut self, other: Scope) {
        match (&mut *self, other) {
            (Scope::All, _) => {}
            (_, Scope::All) => *self = Scope::All,
            (Scope::Customers(mine), Scope::Customers(theirs)) => mine.extend(theirs),
        }
    }
}

/// A customer's own file affects only that customer; anything else (settings, content,
/// theme, assets, a folder coming or going) may affect all of them.
pub fn scope_of(files: &[String]) -> Scope {
    let mut scope = Scope::none();
    for file in files {
        let own = file
            .strip_prefix("customers/")
            .and_then(|f| f.strip_suffix(".yaml"))
            .filter(|id| !id.contains('/'));
        match own {
            Some(id) => scope.add(Scope::Customers(BTreeSet::from([id.to_string()]))),
            None => return Scope::All,
        }
    }
    scope
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_customer_file_affects_only_that_customer() {
        assert_eq!(
            scope_of(&["customers/appco.yaml".into(), "customers/b.yaml".into()]),
            Scope::Customers(BTreeSet::from(["appco".into(), "b".into()]))
        );
    }

    #[test]
    fn content_settings_theme_and_folders_affect_every_customer() {
        for file in [
            "handboek.yaml",
            "content/nl/employee/index.md",
            "themes/default/static/style.css",
            "assets/logo.svg",
            "customers",
            "customers/sub/x.yaml",
        ] {
            assert_eq!(scope_of(&[file.into()]), Scope::All, "{file}");
        }
    }

    #[test]
    fn scopes_add_up() {
        let mut scope = Scope::none();
        assert!(scope.is_empty());
        scope.add(Scope::Customers(BTreeSet::from(["a".into()])));
        assert!(scope.contains("a") && !scope.contains("b"));
        scope.add(Scope::All);
        assert!(scope.contains("b"));
    }
}
