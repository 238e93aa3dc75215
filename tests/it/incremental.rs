//! A build into a folder that holds the output of an earlier build renders only the
//! customers whose inputs changed, and the output is what a clean build would write.

use std::collections::BTreeMap;
use std::path::Path;

use handboek::files::Files;
use handboek::{BuildOptions, BuiltOnDisk, build_into};

use crate::fixture::Project;

/// Two customers: `everything` (every feature, a logo) and `appco` (app only, no features).
fn project() -> Project {
    let project = Project::fixture("all-features");
    let appco =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app-only/customers/appco.yaml");
    let appco = std::fs::read_to_string(appco).expect("appco");
    project.write("customers/appco.yaml", &appco);
    project
}

fn build(project: &Project, out: &Path) -> BuiltOnDisk {
    let files = Files::project(project.path());
    let built = build_into(&files, &BuildOptions::default(), out, &|_, _, _| {}).expect("runs");
    assert!(built.diagnostics.is_empty(), "{}", built.diagnostics);
    built
}

/// A mark in one page of `customer`'s output, as if edited by hand: a build that renders
/// the customer writes the page anew, a build that leaves the customer alone keeps it.
fn mark(out: &Path, customer: &str) {
    let page = out.join(customer).join("employee/nl/index.html");
    let mut html = std::fs::read_to_string(&page).expect("page");
    html.push_str("<!-- mark -->");
    std::fs::write(page, html).expect("mark");
}

/// Takes the mark out again where it is left (the page as it was built).
fn unmark(out: &Path, customer: &str) {
    let page = out.join(customer).join("employee/nl/index.html");
    let html = std::fs::read_to_string(&page).expect("page");
    if let Some(built) = html.strip_suffix("<!-- mark -->") {
        std::fs::write(page, built).expect("unmark");
    }
}

fn rendered(out: &Path, customer: &str) -> bool {
    let page = out.join(customer).join("employee/nl/index.html");
    !std::fs::read_to_string(page)
        .expect("page")
        .ends_with("<!-- mark -->")
}

/// Every file under `dir` with its bytes.
fn tree(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let rel = e.path().strip_prefix(dir).expect("prefix");
            (
                rel.display().to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// The output in `out` is byte for byte what a clean build of the project writes.
fn assert_as_clean(project: &Project, out: &Path) {
    let clean = tempfile::tempdir().expect("tmp");
    build(project, clean.path());
    let (now, want) = (tree(out), tree(clean.path()));
    let differ: Vec<&String> = want
        .keys()
        .chain(now.keys())
        .filter(|p| now.get(*p) != want.get(*p))
        .collect();
    assert!(differ.is_empty(), "differs from a clean build: {differ:?}");
}

#[test]
fn a_rebuild_with_nothing_changed_renders_no_customer() {
    let project = project();
    let out = project.out();
    let first = build(&project, &out);
    mark(&out, "everything");
    mark(&out, "appco");
    let again = build(&project, &out);
    assert!(!rendered(&out, "everything") && !rendered(&out, "appco"));
    assert_eq!(again.written.written, 0);
    assert_eq!(
        again.written.files, first.written.files,
        "every file is still counted"
    );
    assert!(out.join("appco").join(".handboek-fingerprint").is_file());
}

#[test]
fn a_changed_customer_file_renders_only_that_customer() {
    let project = project();
    let out = project.out();
    build(&project, &out);
    mark(&out, "everything");
    mark(&out, "appco");
    project.edit("customers/appco.yaml", "Appco B.V.", "Appco Nederland B.V.");
    build(&project, &out);
    assert!(rendered(&out, "appco"));
    assert!(!rendered(&out, "everything"));
    mark(&out, "appco");
    // A change that changes no output still renders the customer, and records it.
    project.edit("customers/appco.yaml", "name:", "# a comment\nname:");
    build(&project, &out);
    assert!(rendered(&out, "appco") && !rendered(&out, "everything"));
    mark(&out, "appco");
    build(&project, &out);
    assert!(!rendered(&out, "appco"));
}

#[test]
fn a_changed_library_page_renders_only_the_customers_it_is_built_for() {
    let project = project();
    let out = project.out();
    build(&project, &out);
    let rel = "content/nl/employee/remote-desktop.md";
    let page = Files::project(project.path())
        .read_builtin(rel)
        .expect("reads")
        .expect("a built-in page");
    let text = String::from_utf8(page.bytes.into_owned()).expect("text");
    project.write(rel, &format!("{text}\nEen extra zin.\n"));
    mark(&out, "everything");
    mark(&out, "appco");
    build(&project, &out);
    assert!(rendered(&out, "everything"), "its handbook has the page");
    assert!(!rendered(&out, "appco"), "no remote desktop: not its page");
    unmark(&out, "appco");
    assert_as_clean(&project, &out);
}

#[test]
fn a_changed_asset_renders_the_customers_that_show_it() {
    let project = project();
    let out = project.out();
    build(&project, &out);
    mark(&out, "everything");
    mark(&out, "appco");
    project.write(
        "assets/logos/everything.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 1 1\"/>",
    );
    build(&project, &out);
    assert!(rendered(&out, "everything") && !rendered(&out, "appco"));
    unmark(&out, "appco");
    assert_as_clean(&project, &out);
}

#[test]
fn settings_a_theme_file_or_any_new_project_file_renders_every_customer() {
    let project = project();
    let out = project.out();
    build(&project, &out);
    let edits: [&dyn Fn(&Project); 4] = [
        &|p| {
            p.edit("handboek.yaml", "name: Test IT", "name: Test IT B.V.");
        },
        &|p| {
            p.write("themes/default/static/extra.js", "// extra");
        },
        // The project's own term list, a file no fingerprint code names.
        &|p| {
            p.write(
                "terms.yaml",
                "tweestaps: { nl: tweestapsverificatie, en: two-step verification }\n",
            );
        },
        // A file handboek may read one day: it counts too.
        &|p| {
            p.write("notes/later.txt", "later\n");
        },
    ];
    for edit in edits {
        mark(&out, "everything");
        mark(&out, "appco");
        edit(&project);
        build(&project, &out);
        assert!(rendered(&out, "everything") && rendered(&out, "appco"));
    }
    assert_as_clean(&project, &out);
}

#[test]
fn output_after_a_series_of_rebuilds_is_that_of_a_clean_build() {
    let project = project();
    let out = project.out();
    build(&project, &out);
    project.edit(
        "customers/everything.yaml",
        "new_laptop: true",
        "new_laptop: false",
    );
    build(&project, &out);
    project.edit("customers/appco.yaml", "2026-12-01", "2027-02-01");
    build(&project, &out);
    project.edit(
        "customers/everything.yaml",
        "new_laptop: false",
        "new_laptop: true",
    );
    build(&project, &out);
    assert_as_clean(&project, &out);
}
