//! Input written carelessly or to do harm: it gets a clear error at its place, never a
//! crash, never a huge output, never a raw control character in a page or a terminal.

use std::fs;

use crate::fixture::{Project, find};

/// A page in both languages; `nl` is the Dutch body and front matter lines.
fn page(project: &Project, slug: &str, nl_front: &str, nl_body: &str) {
    project.write(
        &format!("content/nl/employee/{slug}.md"),
        &format!("---\ntitle: Diep\nverified: 2026-11-01\n{nl_front}---\n{nl_body}"),
    );
    project.write(
        &format!("content/en/employee/{slug}.md"),
        &format!("---\ntitle: Deep\nverified: 2026-11-01\n{nl_front}---\nx\n"),
    );
}

fn no_staging_left(project: &Project) {
    let left: Vec<String> = fs::read_dir(project.out())
        .map(|dir| {
            dir.map(|e| e.expect("entry").file_name().to_string_lossy().to_string())
                .filter(|n| n.contains(".tmp-") || n.contains(".old-"))
                .collect()
        })
        .unwrap_or_default();
    assert!(left.is_empty(), "{left:?}");
}

#[test]
fn five_thousand_nested_ifs_are_an_error_at_the_line_not_a_crash() {
    let project = Project::fixture("app-only");
    let n = 5000;
    let body = format!("{}x\n{}", "{{#if app}}\n".repeat(n), "{{/if}}\n".repeat(n));
    page(&project, "diep", "", &body);
    let run = project.run(&["build"]).code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(
        stderr.contains("content/nl/employee/diep.md:25:1"),
        "the 21st `{{{{#if}}}}`, line 4 + 21: {stderr}"
    );
    assert!(stderr.contains("nest more than 20 deep"), "{stderr}");
    no_staging_left(&project);
}

#[test]
fn a_condition_of_ten_thousand_nots_is_an_error_at_its_place_not_a_crash() {
    let project = Project::fixture("app-only");
    let when = format!("when: {}app\n", "not ".repeat(10_000));
    page(&project, "diep", &when, "x\n");
    let errors = project.errors();
    let d = find(&errors, "at most 300 are allowed");
    assert!(d.file().ends_with("/employee/diep.md"), "{}", d.file());
    assert_eq!(d.line(), 4);
    assert_eq!(d.column(), 7 + 300, "points where the limit is passed");
    let body = format!("{{{{#if {}app}}}}\nx\n{{{{/if}}}}\n", "not ".repeat(10_000));
    page(&project, "diep", "", &body);
    let errors = project.errors();
    let d = find(&errors, "at most 300 are allowed");
    assert_eq!((d.line(), d.column()), (5, 7 + 300));
    project.run(&["build"]).code(1);
    no_staging_left(&project);
}
