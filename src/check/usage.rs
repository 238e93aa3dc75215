//! Variables across the project: one used in a page that no customer sets (an error, once,
//! where it is used), and one set in a customer file or `handboek.yaml` that no page or
//! template uses, not even in a condition (a warning, where it is set). A variable a page needs but one customer
//! lacks is reported by the build itself, naming the customer.

use std::collections::BTreeSet;

use crate::Project;
use crate::diagnostics::{Diagnostic, Diagnostics, Source};
use crate::vars::{OPTIONAL_VARS, VAR_NAMES, variables};
use crate::yaml::find_key;

pub fn check_variables(project: &Project, diags: &mut Diagnostics) {
    let mut set: BTreeSet<&str> = BTreeSet::new();
    for customer in project.customers {
        for &lang in &customer.languages {
            let label = project
                .theme
                .ui
                .get(lang, "methods", customer.method.name());
            set.extend(variables(customer, lang, &label).into_keys());
        }
    }
    let mut used: BTreeSet<&str> = BTreeSet::new();
    for page in &project.library.pages {
        let mut tested = page.body.tested_variables();
        if let Some(when) = &page.when {
            when.variables(&mut tested);
        }
        for (name, span) in page.body.variables() {
            used.insert(name);
            let per_wave = name.starts_with("wave.");
            // An optional value the page tests (`{{#if sms.provider}}`) may be unset for
            // every customer; a use outside such a condition fails the build per customer.
            let guarded = OPTIONAL_VARS.contains(&name) && tested.contains(&name);
            if !per_wave && !guarded && !project.customers.is_empty() && !set.contains(name) {
                diags.push(
                    Diagnostic::error(format!("`{name}` is used here, but no customer sets it"))
                        .at(&page.source, span)
                        .help(format!("set `{name}` in `defaults:` of handboek.yaml, or in the customer files that need it.")),
                );
            }
        }
        used.extend(tested);
    }
    let templates: Vec<&Source> = project.theme.templates().iter().collect();
    let settings = project
        .settings
        .layers
        .iter()
        .map(|l| (&l.source, "defaults."));
    let customers = project.customers.iter().map(|c| (&c.source, ""));
    let files: Vec<(&Source, &str)> = settings
        .filter(|(s, _)| !s.name.starts_with("<built-in>"))
        .chain(customers)
        .collect();
    for name in VAR_NAMES {
        let in_template = templates.iter().any(|t| t.text.contains(name));
        if used.contains(name) || in_template || name.starts_with("wave.") {
            continue;
        }
        for (source, prefix) in &files {
            if let Some(span) = find_key(&source.text, &format!("{prefix}{name}")) {
                diags.push(
                    Diagnostic::warning(format!(
                        "`{name}` is set, but no page or template uses it"
                    ))
                    .at(source, span)
                    .help("remove it, or use it in a page as `{{ ".to_string() + name + " }}`."),
                );
            }
        }
    }
}
