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
    // 10,000 are longer than any value may be; 2,000 reach the condition's own limit.
    let when = format!("when: {}app\n", "not ".repeat(10_000));
    page(&project, "diep", &when, "x\n");
    find(&project.errors(), "a value may have at most 10000");
    let when = format!("when: {}app\n", "not ".repeat(2_000));
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

/// stdout and stderr of a run, as text.
fn said(run: &assert_cmd::assert::Assert) -> String {
    let out = run.get_output();
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn build_masks_a_pasted_password_in_the_snippet_of_an_unknown_key() {
    let project = Project::fixture("app-only");
    project.edit(
        "customers/appco.yaml",
        "name: Appco B.V.",
        "name: Appco B.V.\nwachtwoord: Welkom01!",
    );
    let text = said(&project.run(&["build"]).code(1));
    assert!(text.contains("unknown key `wachtwoord`"), "{text}");
    assert!(text.contains("wachtwoord: *********"), "{text}");
    assert!(!text.contains("Welkom01"), "{text}");
}

#[test]
fn build_refuses_to_publish_a_password_in_a_policy_text() {
    let project = Project::fixture("app-only");
    project.edit(
        "customers/appco.yaml",
        "name: Appco B.V.",
        "name: Appco B.V.\npolicy:\n  no_smartphone: \"Log in met beheerder, wachtwoord: Welkom01!\"",
    );
    let text = said(&project.run(&["build"]).code(1));
    assert!(text.contains("this looks like a password"), "{text}");
    assert!(text.contains("customers/appco.yaml:3:53"), "{text}");
    assert!(!text.contains("Welkom01"), "{text}");
    assert!(text.contains("1 error(s) in 1 customer(s)"), "{text}");
    assert!(!project.out().join("appco").exists(), "nothing published");
}

#[test]
fn no_command_prints_a_password_quoted_in_a_message() {
    let project = Project::fixture("app-only");
    project.edit(
        "handboek.yaml",
        "email: servicedesk@test-it.nl",
        "email: servicedesk@test-it.nl\n    url: https://admin:Welkom01!@help.test-it.nl",
    );
    for args in [
        &["build"][..],
        &["check"][..],
        &["check", "--format", "json"][..],
    ] {
        let text = said(&project.run(args).code(1));
        assert!(text.contains("handboek.yaml"), "{args:?}: {text}");
        assert!(!text.contains("Welkom01"), "{args:?}: {text}");
    }
}
