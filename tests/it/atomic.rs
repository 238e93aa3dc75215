//! A failed build leaves the previous output as it was.

use std::collections::BTreeMap;

use crate::fixture::{Project, snapshot};

/// Equal trees, reporting the paths that differ rather than the bytes.
fn assert_same(now: &BTreeMap<String, Vec<u8>>, before: &BTreeMap<String, Vec<u8>>) {
    let changed: Vec<&String> = before
        .keys()
        .chain(now.keys())
        .filter(|p| now.get(*p) != before.get(*p))
        .collect();
    assert!(changed.is_empty(), "changed, added or removed: {changed:?}");
}

#[test]
fn failed_build_leaves_the_previous_output_byte_identical() {
    let project = Project::fixture("app-only");
    project.run(&["build"]).success();
    let before = snapshot(&project.out());
    assert!(before.len() > 20);
    project.edit(
        "customers/appco.yaml",
        "method: app",
        "method: authenticator",
    );
    project.run(&["build"]).code(1);
    assert_same(&snapshot(&project.out()), &before);
    let leftovers: Vec<_> = std::fs::read_dir(project.out())
        .expect("ls")
        .map(|e| e.expect("entry").file_name())
        .filter(|n| n.to_string_lossy().contains(".tmp-"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "staging folders left behind: {leftovers:?}"
    );
}

#[test]
fn one_bad_customer_does_not_stop_the_others() {
    let project = Project::fixture("app-only");
    project.run(&["build"]).success();
    let before = snapshot(&project.out().join("appco"));
    project.write("customers/second.yaml", "name: Second\nmfa:\n  method: sms\n  enforcement: per_user\n  mandatory_from: 2026-12-01\n");
    project.edit("customers/appco.yaml", "method: app", "method: nope");
    project.run(&["build"]).code(1);
    assert!(
        project
            .out()
            .join("second/employee/nl/sms-setup.html")
            .is_file()
    );
    assert_same(&snapshot(&project.out().join("appco")), &before);
}

#[test]
fn building_one_language_keeps_the_other() {
    let project = Project::fixture("app-only");
    project.run(&["build"]).success();
    let en_before = snapshot(&project.out().join("appco/employee/en"));
    project.edit(
        "customers/appco.yaml",
        "name: Appco B.V.",
        "name: Appco Nieuw",
    );
    project
        .run(&["build", "--lang", "nl", "--customer", "appco"])
        .success();
    let nl =
        std::fs::read_to_string(project.out().join("appco/employee/nl/index.html")).expect("nl");
    assert!(nl.contains("Appco Nieuw"));
    assert_same(
        &snapshot(&project.out().join("appco/employee/en")),
        &en_before,
    );
}
