//! Complete paths for passkeys and security keys: `paths.yaml` sections for them are
//! checked like `app` and `sms`, and an empty or absent section needs nothing.

use handboek::diagnostics::Severity;

use crate::fixture::Project;

/// The errors `handboek check` finds.
fn checked(p: &Project) -> Vec<String> {
    p.check()
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .map(|d| d.summary())
        .collect()
}

#[test]
fn a_customer_with_passkeys_and_security_keys_has_complete_paths() {
    let p = Project::fixture("passkeys");
    assert_eq!(checked(&p), Vec::<String>::new());
    let site = p.site();
    assert!(site.has("keyco/employee/nl/passkey.html"));
    assert!(
        site.file("keyco/employee/en/security-key.html")
            .contains("id=\"lost\"")
    );
}

#[test]
fn a_security_key_page_left_out_for_the_customer_is_an_error() {
    let p = Project::fixture("passkeys");
    for lang in ["nl", "en"] {
        p.edit(
            &format!("content/{lang}/employee/security-key.md"),
            "when: security_key",
            "when: security_key and without_smartphone.helpdesk",
        );
    }
    // The library's pages link to the security key page, so check says where they do; the
    // path check itself speaks for customers whose pages link cleanly (the tests below).
    let found = checked(&p);
    assert!(!found.is_empty());
    assert!(
        found.iter().all(|e| e.contains("security-key.md")),
        "{found:#?}"
    );
    assert!(
        found.contains(&"<built-in>/content/en/employee/choose.md:24:5: links to `security-key.md`, which is not in the handbook of the customer `keyco`".to_string()),
        "{found:#?}"
    );
}

#[test]
fn a_security_key_step_left_out_for_the_customer_is_an_incomplete_path() {
    let p = Project::fixture("passkeys");
    for lang in ["nl", "en"] {
        p.edit(
            &format!("content/{lang}/employee/security-key.md"),
            "{{#if without_smartphone.security_key}}",
            "{{#if without_smartphone.helpdesk}}",
        );
    }
    let found = checked(&p);
    assert_eq!(found.len(), 2, "one entry in two languages: {found:#?}");
    assert!(
        found.contains(&"paths.yaml:9:7: the `security_key` path of the customer `keyco` is incomplete in `nl`: the step `security-key#lost` is not in its handbook".to_string()),
        "{found:#?}"
    );
}

#[test]
fn a_passkey_step_behind_a_too_narrow_condition_is_an_incomplete_path() {
    let p = Project::fixture("passkeys");
    for (lang, heading, end) in [
        ("nl", "## Nieuwe telefoon", "nieuwe telefoon.\n"),
        ("en", "## New phone", "new phone.\n"),
    ] {
        let page = format!("content/{lang}/employee/passkey.md");
        p.edit(&page, heading, &format!("{{{{#if sms}}}}\n{heading}"));
        p.edit(&page, end, &format!("{end}{{{{/if}}}}\n"));
    }
    let found = checked(&p);
    assert!(
        found.contains(&"paths.yaml:5:7: the `passkey` path of the customer `keyco` is incomplete in `en`: the step `passkey#new-phone` is not in its handbook".to_string()),
        "{found:#?}"
    );
}

#[test]
fn empty_and_absent_path_sections_are_accepted() {
    let p = Project::fixture("passkeys");
    p.write(
        "paths.yaml",
        "passkey:\nsecurity_key: {}\nchoose:\n  employee: []\n",
    );
    assert_eq!(checked(&p), Vec::<String>::new());
    p.write("paths.yaml", "app:\n  employee:\n    - index\n");
    assert_eq!(checked(&p), Vec::<String>::new());
}

#[test]
fn the_no_smartphone_rule_layers_like_every_other_key() {
    let p = Project::fixture("app-only");
    let page = "---\ntitle: Extra\norder: 90\nverified: 2026-12-03\n---\n{{#if security_key}}\nKEY\n{{/if}}\n";
    p.write("content/nl/employee/extra.md", page)
        .write("content/en/employee/extra.md", page);
    let text = std::fs::read_to_string(p.path().join("handboek.yaml")).expect("read");
    p.write(
        "handboek.yaml",
        &format!("{text}  policy:\n    without_smartphone: security_key\n"),
    );
    assert!(
        p.site()
            .file("appco/employee/nl/extra.html")
            .contains("KEY")
    );
    let own = std::fs::read_to_string(p.path().join("customers/appco.yaml")).expect("read");
    p.write(
        "customers/appco.yaml",
        &format!("{own}policy:\n  without_smartphone: helpdesk\n"),
    );
    assert!(
        !p.site()
            .file("appco/employee/en/extra.html")
            .contains("KEY")
    );
}
