//! Symbolic links, one rule for every input: inside the project they are followed like the
//! file or folder they point at; a link out of the project (or to nothing) is an error that
//! names the link and its target, and what is behind it is never published.

use std::os::unix::fs::symlink;

use crate::fixture::{Project, find};

fn page(title: &str, text: &str) -> String {
    format!("---\ntitle: {title}\norder: 90\nverified: 2026-11-01\n---\n{text}\n")
}

#[test]
fn a_logo_linked_to_etc_passwd_is_an_error_naming_link_and_target() {
    let project = Project::fixture("app-only");
    project.edit(
        "customers/appco.yaml",
        "name: Appco B.V.",
        "name: Appco B.V.\nlogo: logo.svg",
    );
    std::fs::create_dir_all(project.path().join("assets")).expect("mkdir");
    symlink("/etc/passwd", project.path().join("assets/logo.svg")).expect("link");
    let errors = project.errors();
    let d = find(
        &errors,
        "is a symbolic link to `/etc/passwd`, which is outside the project",
    );
    assert_eq!(d.file(), "assets/logo.svg");
    project.run(&["build"]).code(1);
    let published = crate::fixture::snapshot(&project.out());
    assert!(
        !published
            .values()
            .any(|bytes| bytes.windows(5).any(|w| w == b"root:")),
        "nothing of /etc/passwd is published"
    );
}

#[test]
fn an_override_linked_out_of_the_project_is_an_error_and_not_read() {
    let project = Project::fixture("app-only");
    let elsewhere = tempfile::tempdir().expect("tmp");
    let outside = elsewhere.path().join("index.md");
    std::fs::write(&outside, page("Van buiten", "GEHEIM VAN BUITEN")).expect("write");
    std::fs::create_dir_all(project.path().join("content/nl/employee")).expect("mkdir");
    symlink(
        &outside,
        project.path().join("content/nl/employee/index.md"),
    )
    .expect("link");
    let build = project.build();
    let errors: Vec<_> = build.diagnostics.iter().cloned().collect();
    let d = find(&errors, "which is outside the project");
    assert_eq!(d.file(), "content/nl/employee/index.md");
    assert!(
        d.message.contains(&outside.display().to_string()),
        "{}",
        d.message
    );
    assert!(
        !build
            .output
            .files()
            .any(|(_, b)| String::from_utf8_lossy(b).contains("GEHEIM VAN BUITEN")),
        "the linked file is never read"
    );
}

#[test]
fn links_inside_the_project_are_followed_for_new_pages_and_folders() {
    let project = Project::fixture("app-only");
    project.write("shared/nl/extra.md", &page("Extra", "Gedeelde tekst."));
    project.write("shared/en/extra.md", &page("Extra", "Shared text."));
    project.write(
        "shared/part/nl/deel.md",
        &page("Deel", "Uit een gelinkte map."),
    );
    project.write(
        "shared/part/en/deel.md",
        &page("Part", "From a linked folder."),
    );
    project.write("shared/part/nl/_part.yaml", "title: Gelinkt\norder: 5\n");
    project.write("shared/part/en/_part.yaml", "title: Linked\norder: 5\n");
    for lang in ["nl", "en"] {
        let dir = project.path().join(format!("content/{lang}/employee"));
        std::fs::create_dir_all(&dir).expect("mkdir");
        symlink(
            project.path().join(format!("shared/{lang}/extra.md")),
            dir.join("extra.md"),
        )
        .expect("link a page");
        symlink(
            project.path().join(format!("shared/part/{lang}")),
            dir.join("linked"),
        )
        .expect("link a folder");
    }
    let site = project.site();
    assert!(
        site.file("appco/employee/nl/extra.html")
            .contains("Gedeelde tekst.")
    );
    assert!(
        site.file("appco/employee/en/deel.html")
            .contains("From a linked folder.")
    );
}

#[test]
fn a_link_to_nothing_is_an_error_not_a_silently_missing_page() {
    let project = Project::fixture("app-only");
    std::fs::create_dir_all(project.path().join("content/nl/employee")).expect("mkdir");
    symlink(
        "verdwenen.md",
        project.path().join("content/nl/employee/extra.md"),
    )
    .expect("link");
    let errors = project.errors();
    let d = find(
        &errors,
        "is a symbolic link to `verdwenen.md`, which does not exist",
    );
    assert_eq!(d.file(), "content/nl/employee/extra.md");
}
