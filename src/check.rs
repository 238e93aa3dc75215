//! `handboek check`: everything `build` validates, for every customer and language at once,
//! without writing anything; plus what only makes sense across the whole project — links
//! and anchors in the output, complete sign-in paths, translation parity inside pages,
//! unused and unset variables, stale "last verified" dates, secrets in customer files, and
//! customers whose text messages stop soon or whose handbook has no address.

mod customers;
mod links;
mod parity;
mod paths;
mod usage;

use std::collections::BTreeMap;
use std::sync::Mutex;

use anyhow::Result;

use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Severity, Span};
use crate::files::Files;
use crate::output::fingerprint::Record;
use crate::output::{Sink, Tree, lock};
use crate::{BuildOptions, Project, secrets};

pub struct CheckOptions {
    /// The day to measure the age of `verified:` dates from.
    pub today: Date,
}

/// What a check found, and how much it looked at.
#[derive(Debug, Default)]
pub struct Report {
    pub diagnostics: Diagnostics,
    pub customers: usize,
    pub pages: usize,
    /// Files rendered (and checked), over all customers.
    pub files: usize,
}

impl Report {
    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

pub fn check(files: &Files, options: &CheckOptions) -> Result<Report> {
    let checker = Checker::default();
    let mut report = Report::default();
    let mut diagnostics = crate::run(
        files,
        &BuildOptions::default(),
        &crate::Kept::default(),
        &checker,
        |project, diags| {
            report.customers = project.customers.len();
            report.pages = project.library.pages.len();
            let rendered = std::mem::take(&mut *lock(&checker.ids));
            let broken = std::mem::take(&mut *lock(&checker.broken));
            diags.extend(links::at_sources(broken, project.library));
            paths::check_paths(project, &rendered, diags);
            usage::check_variables(project, diags);
            customers::check_customers(project, diags);
            parity::check_structure(project.library, diags);
            check_verified(project, options.today, diags);
        },
    )?;
    // Also the secrets in comments, and in files no build reads (`.yml`, a broken file).
    diagnostics.extend(find_secrets(files)?);
    report.files = *lock(&checker.files);
    report.diagnostics = secrets::mask_secrets(diagnostics).sorted();
    Ok(report)
}

/// Secrets in the customer files and `handboek.yaml`: they are published beside the
/// handbooks.
fn find_secrets(files: &Files) -> Result<Diagnostics> {
    let mut found = Diagnostics::new();
    let mut rels = files.list("customers")?;
    rels.retain(|r| r.ends_with(".yaml") || r.ends_with(".yml"));
    rels.push("handboek.yaml".into());
    for rel in rels {
        if let Some(file) = files.read(&rel)?
            && let Ok(source) = file.source()
        {
            found.extend(secrets::find_secrets(&source));
        }
    }
    Ok(found)
}

/// Pages whose steps were last checked against the real screens too long ago.
fn check_verified(project: &Project, today: Date, diags: &mut Diagnostics) {
    let days = project.settings.verified_within_days;
    for page in &project.library.pages {
        let age = page.verified.days_until(today);
        if age > i64::from(days) {
            let span = crate::content::front_matter_key(&page.source.text, "verified")
                .unwrap_or(Span::new(1, 1, 0));
            diags.push(
                Diagnostic::warning(format!(
                    "these steps were last verified {age} days ago (more than {days})"
                ))
                .at(&page.source, span)
                .help("walk through the steps against the real Microsoft screens, update the text, and set `verified:` to today's date."),
            );
        }
    }
}

/// A sink that keeps nothing: each customer's files are checked when the customer is done,
/// and only their ids are kept, for the path checks.
#[derive(Default)]
struct Checker {
    broken: Mutex<Vec<links::Broken>>,
    ids: Mutex<BTreeMap<String, links::Ids>>,
    files: Mutex<usize>,
}

impl Sink for Checker {
    type Folder = Mutex<Tree>;

    fn folder(&self, _: &str) -> Result<Mutex<Tree>> {
        Ok(Mutex::default())
    }

    fn finish(
        &self,
        customer: &str,
        folder: Mutex<Tree>,
        keep: bool,
        _: Option<Record>,
    ) -> Result<()> {
        let tree = folder.into_inner().unwrap_or_else(|e| e.into_inner());
        *lock(&self.files) += tree.len();
        if keep {
            let (broken, ids) = links::check_tree(customer, &tree);
            lock(&self.broken).extend(broken);
            lock(&self.ids).insert(customer.to_string(), ids);
        }
        Ok(())
    }

    fn top(&self, _: &str, _: Vec<u8>) -> Result<()> {
        Ok(())
    }
}
