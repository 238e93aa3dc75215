//! The output folder never costs an author a file: source folders are refused as output,
//! only folders handboek wrote are replaced, and what killed builds left is cleaned up.

use std::fs;

use crate::fixture::{Project, snapshot};

/// A project with a customer named like a source folder, and a page of the author's own.
fn project_with_own_page(customer: &str) -> Project {
    let project = Project::fixture("app-only");
    let appco = fs::read_to_string(project.path().join("customers/appco.yaml")).expect("read");
    project.write(&format!("customers/{customer}.yaml"), &appco);
    let page = "---\ntitle: Eigen\nverified: 2026-11-01\n---\nMijn tekst.\n";
    project.write("content/nl/employee/eigen.md", page);
    project.write(
        "content/en/employee/eigen.md",
        &page.replace("Eigen", "Own"),
    );
    project
}

#[test]
fn out_dot_with_a_customer_named_content_is_refused_and_deletes_nothing() {
    let project = project_with_own_page("content");
    let before = snapshot(project.path());
    let out = project.run(&["build", "--out", "."]).code(2);
    let stderr = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(stderr.contains("holds the project itself"), "{stderr}");
    assert!(stderr.contains("public"), "says what to use: {stderr}");
    assert_eq!(snapshot(project.path()), before, "nothing changed");
}

#[test]
fn out_inside_a_source_folder_is_refused_and_writes_nothing_there() {
    let project = project_with_own_page("nl");
    for out in [
        "content",
        "content/nl",
        "customers",
        "themes/x",
        "assets",
        ".handboek",
        "public/../content",
    ] {
        let before = snapshot(project.path());
        let run = project.run(&["build", "--out", out]).code(2);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
        assert!(
            stderr.contains("Build into a folder of its own"),
            "{out}: {stderr}"
        );
        assert_eq!(snapshot(project.path()), before, "{out}: nothing changed");
    }
    // And after those attempts the project still builds.
    project.run(&["build"]).success();
}

#[test]
fn a_folder_handboek_did_not_write_is_never_replaced() {
    let project = Project::fixture("app-only");
    project.write("public/appco/notes/mine.txt", "mijn aantekeningen");
    let run = project.run(&["build"]).code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        stderr.contains("public/appco` was not written by handboek"),
        "names the folder: {stderr}"
    );
    assert_eq!(
        fs::read_to_string(project.out().join("appco/notes/mine.txt")).expect("kept"),
        "mijn aantekeningen"
    );
    assert!(!project.out().join("appco/employee").exists());
}

#[test]
fn an_index_html_handboek_did_not_write_is_never_replaced() {
    let project = Project::fixture("app-only");
    project.write("public/index.html", "<p>my own site</p>");
    project.write("public/other/page.html", "mine");
    let run = project.run(&["build"]).code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        stderr.contains("index.html` was not written by handboek"),
        "{stderr}"
    );
    assert_eq!(
        fs::read_to_string(project.out().join("index.html")).expect("kept"),
        "<p>my own site</p>"
    );
}

#[test]
fn output_of_a_build_before_the_marker_is_still_replaced_and_then_marked() {
    let project = Project::fixture("app-only");
    project.run(&["build"]).success();
    let marker = project.out().join("appco/.handboek-output");
    assert!(marker.is_file(), "every customer folder is marked");
    assert!(project.out().join(".handboek-output").is_file());
    fs::remove_file(&marker).expect("rm");
    fs::remove_file(project.out().join(".handboek-output")).expect("rm");
    project.run(&["build"]).success();
    assert!(marker.is_file(), "a folder of only audiences is handboek's");
    project.edit("customers/appco.yaml", "Appco B.V.", "Appco Nieuw");
    fs::remove_file(&marker).expect("rm");
    project.run(&["build"]).success();
    let page = fs::read_to_string(project.out().join("appco/employee/nl/index.html")).expect("nl");
    assert!(page.contains("Appco Nieuw"));
}

#[test]
fn customer_ids_that_name_a_device_on_windows_are_errors_at_the_id() {
    let project = Project::fixture("app-only");
    let appco = fs::read_to_string(project.path().join("customers/appco.yaml")).expect("read");
    project.write("customers/con.yaml", &appco);
    let errors = project.errors();
    let d = crate::fixture::find(&errors, "`con` cannot be a customer id");
    assert_eq!(d.file(), "customers/con.yaml");
    assert!(d.help.as_deref().unwrap_or("").contains("rename the file"));
}

#[test]
fn a_killed_builds_leftovers_are_cleaned_by_the_next_build() {
    let project = Project::fixture("app-only");
    project.run(&["build"]).success();
    // A process that has exited: its pid names what a killed build left behind.
    let mut child = std::process::Command::new("true").spawn().expect("spawn");
    let dead = child.id();
    child.wait().expect("wait");
    let out = project.out();
    for name in [format!(".appco.tmp-{dead}"), format!("appco.old-{dead}")] {
        fs::create_dir_all(out.join(&name).join("employee/nl")).expect("mkdir");
        fs::write(out.join(&name).join("employee/nl/index.html"), "half").expect("write");
    }
    fs::write(out.join(format!(".index.html.tmp-{dead}")), "half").expect("write");
    // Not handboek's: a folder with a similar name that holds something else.
    fs::create_dir_all(out.join(format!("notes.old-{dead}"))).expect("mkdir");
    fs::write(out.join(format!("notes.old-{dead}/mine.txt")), "keep").expect("write");
    project.run(&["build"]).success();
    let mut names: Vec<String> = fs::read_dir(&out)
        .expect("ls")
        .map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
        .collect();
    names.sort();
    assert_eq!(
        names,
        [
            ".handboek-output".to_string(),
            "appco".into(),
            "index.html".into(),
            format!("notes.old-{dead}")
        ]
    );
}
