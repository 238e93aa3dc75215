//! `handboek check`: the whole project at once, and the checks only it makes.

use assert_cmd::Command;
use handboek::files::Files;

use crate::fixture::{Project, check_on as on, summaries};

fn page(title: &str, body: &str) -> String {
    format!("---\ntitle: {title}\norder: 90\nverified: 2026-11-01\n---\n{body}\n")
}

/// Adds the employee page `extra` with a Dutch and an English body.
fn extra_page(p: &Project, nl: &str, en: &str) {
    p.write("content/nl/employee/extra.md", &page("Extra", nl));
    p.write("content/en/employee/extra.md", &page("Extra", en));
}

#[test]
fn the_built_in_examples_are_clean_but_for_the_text_messages_that_stop() {
    let report = on(&Files::builtin_examples(), "2026-11-23");
    // The one customer on Microsoft's text messages goes mandatory within 90 days before
    // Microsoft stops sending them: the warning a consultant must see. Studio Noord's
    // text messages come from a contracted provider, so they do not stop.
    assert_eq!(
        summaries(&report),
        [
            "<built-in>/examples/customers/tandartsen-de-kempen.yaml:22:19: text messages become mandatory on 11 January 2027, 21 days before Microsoft stops sending text messages (1 February 2027)",
        ]
    );
    assert_eq!(report.errors(), 0);
    assert_eq!(report.customers, 5);
    assert!(report.files > 400, "every customer was rendered");
}

#[test]
fn a_customer_without_handbook_url_is_warned_once_at_the_top_or_its_handbook_key() {
    let p = Project::fixture("choose");
    let at_top = summaries(&on(&Files::project(p.path()), "2026-11-23"));
    let warning = "`handbook.url`: its rollout messages and poster cannot link the handbook";
    let found: Vec<&String> = at_top.iter().filter(|s| s.contains(warning)).collect();
    assert_eq!(
        found,
        [
            "customers/choosy.yaml:1:1: the customer `choosy` has no `handbook.url`: its rollout messages and poster cannot link the handbook"
        ]
    );
    let text = std::fs::read_to_string(p.path().join("customers/choosy.yaml")).unwrap();
    p.write("customers/choosy.yaml", &format!("{text}handbook: {{}}\n"));
    let at_key = summaries(&on(&Files::project(p.path()), "2026-11-23"));
    assert!(
        at_key
            .iter()
            .any(|s| s.starts_with("customers/choosy.yaml:8:1:") && s.contains(warning)),
        "{at_key:#?}"
    );
}

#[test]
fn a_path_that_loses_a_step_for_a_customer_is_an_error_naming_it() {
    let p = Project::fixture("app-only");
    p.write(
        "paths.yaml",
        "app:\n  employee:\n    - app-setup#install\n    - sms-setup\n    - app-setup#no-such-step\n",
    );
    let found = summaries(&on(&Files::project(p.path()), "2026-11-23"));
    assert_eq!(
        found.len(),
        2 * 2,
        "two entries missing in two languages: {found:#?}"
    );
    assert!(found.iter().any(|f| f.starts_with("paths.yaml:4:7: the `app` path of the customer `appco` is incomplete in `nl`: the page `sms-setup`")), "{found:#?}");
    assert!(found.iter().any(|f| f.starts_with("paths.yaml:5:7:")
        && f.contains("the step `app-setup#no-such-step`")
        && f.contains("in `en`")));
}

#[test]
fn translations_with_different_steps_or_conditions_differ() {
    let p = Project::fixture("app-only");
    extra_page(
        &p,
        "1. Een\n2. Twee\n\n{{#if app}}\nApp.\n{{/if}}",
        "1. One\n\n{{#if app}}\nApp.\n{{/if}}",
    );
    let found = summaries(&on(&Files::project(p.path()), "2026-11-23"));
    assert_eq!(found.len(), 1, "{found:#?}");
    assert!(found[0].starts_with("content/en/employee/extra.md:8:1: translations differ: here the `nl` version has a numbered step, this one `{{#if app}}`"), "{found:#?}");
}

#[test]
fn stale_pages_warn_after_the_configured_age() {
    let p = Project::fixture("app-only");
    let stale = on(&Files::project(p.path()), "2028-01-01");
    assert_eq!(stale.errors(), 0);
    assert!(stale.warnings() > 20, "every page is old by then");
    let first = stale.diagnostics.iter().next().expect("a warning");
    assert!(first.message.contains("last verified"), "{}", first.message);
    for d in stale.diagnostics.iter() {
        let line = d.source.as_ref().and_then(|s| s.line_text(d.line()));
        assert!(
            line.is_some_and(|l| l.starts_with("verified:")),
            "{}",
            d.summary()
        );
    }
    let text = std::fs::read_to_string(p.path().join("handboek.yaml")).unwrap();
    p.write(
        "handboek.yaml",
        &format!("{text}\ncheck:\n  verified_within_days: 2000\n"),
    );
    assert_eq!(on(&Files::project(p.path()), "2028-01-01").warnings(), 0);
}

#[test]
fn an_optional_value_no_customer_sets_is_no_error_inside_its_own_condition() {
    // The built-in admin guide names `{{ sms.provider }}` inside `{{#if sms.provider}}`:
    // an MSP none of whose customers contracted a provider must still check clean.
    let p = Project::fixture("app-only");
    extra_page(
        &p,
        "{{#if helpdesk.url}}\nZie {{ helpdesk.url }}.\n{{/if}}",
        "{{#if helpdesk.url}}\nSee {{ helpdesk.url }}.\n{{/if}}",
    );
    let report = on(&Files::project(p.path()), "2026-11-23");
    let found = summaries(&report);
    assert!(
        !found.iter().any(|f| f.contains("no customer sets it")),
        "{found:#?}"
    );
    assert_eq!(report.errors(), 0, "{found:#?}");
}

#[test]
fn unset_and_unused_variables_are_found_where_they_are() {
    let p = Project::fixture("app-only");
    extra_page(&p, "Bel {{ helpdesk.url }}.", "Call {{ helpdesk.url }}.");
    let text = std::fs::read_to_string(p.path().join("customers/appco.yaml")).unwrap();
    p.write(
        "customers/appco.yaml",
        &format!("{text}links:\n  my_account: https://account.appco.nl\n"),
    );
    let found = summaries(&on(&Files::project(p.path()), "2026-11-23"));
    assert!(
        found.iter().any(|f| f.starts_with(
            "content/nl/employee/extra.md:6:5: `helpdesk.url` is used here, but no customer sets it"
        )),
        "{found:#?}"
    );
    let unused = found
        .iter()
        .find(|f| f.contains("no page or template uses it"))
        .expect("unused warning");
    assert!(
        unused.starts_with("customers/appco.yaml:7:3: `links.my_account`"),
        "{unused}"
    );
}

#[test]
fn the_command_fails_on_errors_and_strictly_on_warnings_and_speaks_json() {
    let p = Project::fixture("app-only");
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    cmd.current_dir(p.path()).arg("check").assert().success();
    let text = std::fs::read_to_string(p.path().join("customers/appco.yaml")).unwrap();
    p.write(
        "customers/appco.yaml",
        &format!("{text}links:\n  my_account: https://account.appco.nl\n"),
    );
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    cmd.current_dir(p.path()).arg("check").assert().success();
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    cmd.current_dir(p.path())
        .args(["check", "--strict"])
        .assert()
        .code(1);
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    let out = cmd
        .current_dir(p.path())
        .args(["check", "--format", "json"])
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(json["errors"], 0);
    assert_eq!(json["warnings"], 1);
    assert_eq!(json["diagnostics"][0]["file"], "customers/appco.yaml");
    assert_eq!(json["diagnostics"][0]["severity"], "warning");
    p.write("customers/appco.yaml", "name: Appco\nmfa:\n  method: fax\n");
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    cmd.current_dir(p.path()).arg("check").assert().code(1);
    assert!(!p.path().join("public").exists(), "check writes nothing");
}

#[test]
fn secrets_in_customer_files_are_errors_and_never_printed() {
    let p = Project::fixture("app-only");
    let text = std::fs::read_to_string(p.path().join("customers/appco.yaml")).unwrap();
    p.write(
        "customers/appco.yaml",
        &format!(
            "{text}# beheerder wachtwoord: Welkom01!2026\nmfa_seed: JBSWY3DPEHPK3PXPJBSWY3DP\n"
        ),
    );
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    let out = cmd.current_dir(p.path()).arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&out.stderr);
    assert!(printed.contains("customers/appco.yaml:6:"), "{printed}");
    assert!(printed.contains("customers/appco.yaml:7:"), "{printed}");
    assert!(
        !printed.contains("Welkom01") && !printed.contains("JBSWY3DP"),
        "the secrets themselves are masked in every snippet: {printed}"
    );
    assert!(
        printed.contains("mfa_seed"),
        "the unknown key is still reported"
    );
}

#[test]
fn regression_output_link_problems_are_reported_at_the_page_line() {
    let p = Project::fixture("app-only");
    extra_page(
        &p,
        "Zie [boven](#nergens).\n\nOf <a href=\"weg.html\">hier</a>.",
        "See [above](#nowhere).\n\nOr <a href=\"gone.html\">here</a>.",
    );
    let found = summaries(&on(&Files::project(p.path()), "2026-11-23"));
    assert_eq!(
        found,
        [
            "content/en/employee/extra.md:6:13: links to `#nowhere`, but the page has no id `nowhere`",
            "content/en/employee/extra.md:8:13: links to `gone.html`, which is no file of the handbook",
            "content/nl/employee/extra.md:6:13: links to `#nergens`, but the page has no id `nergens`",
            "content/nl/employee/extra.md:8:13: links to `weg.html`, which is no file of the handbook",
        ],
        "{found:#?}"
    );
}
