//! The customer file says what it means: a number stays the text it was written as, a key
//! written without a value is an error, YAML's errors come in handboek's words, values are
//! limited in length and free of control characters, and rollout dates make sense.

use crate::fixture::{Project, find};

const CUSTOMER: &str = "customers/appco.yaml";

fn appco_with(from: &str, to: &str) -> Project {
    let p = Project::fixture("app-only");
    p.edit(CUSTOMER, from, to);
    p
}

#[test]
fn unquoted_numbers_in_text_fields_keep_the_text_as_written() {
    for written in ["1.10", "0x1F", "1e3", "1_000", "+1", "007", ".inf", "true"] {
        let p = appco_with(
            "name: Appco B.V.",
            &format!("name: Appco B.V.\nshort_name: {written}"),
        );
        p.edit(
            "handboek.yaml",
            "hours: { nl: \"werkdagen 8.00-17.00 uur\", en: \"working days 8:00-17:00\" }",
            &format!("hours: {written}"),
        );
        let site = p.site();
        let print = site.file("appco/employee/nl/handboek.html");
        assert!(
            print.contains(&format!(">{written}<")) || print.contains(&format!(" {written}")),
            "{written} is shown as written"
        );
        let index = site.file("appco/employee/nl/index.html");
        assert!(index.contains(written), "hours {written} as written");
    }
}

#[test]
fn an_unquoted_hash_colour_is_an_error_with_the_quoting_hint() {
    let p = appco_with(
        "name: Appco B.V.",
        "name: Appco B.V.\nbrand:\n  primary: #b00020\n",
    );
    let errors = p.errors();
    let d = find(&errors, "`brand.primary` has no value");
    assert_eq!((d.file(), d.line(), d.column()), (CUSTOMER, 3, 3));
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("`primary: \"#b00020\"`"),
        "{d}"
    );
}

#[test]
fn yaml_errors_reach_the_author_in_handboeks_words() {
    for (from, to, line, words) in [
        (
            "name: Appco B.V.",
            "name: Appco B.V.\nname: Appco",
            2,
            "appears twice",
        ),
        (
            "name: Appco B.V.",
            "name: Appco B.V.\n---\nname: x",
            2,
            "second YAML document",
        ),
        ("mfa:", "mfa: app\nmfa2:", 2, "should be a section"),
        ("  method: app", "\tmethod: app", 3, "a tab"),
        (
            "name: Appco B.V.",
            "name: \"Appco \u{0} B.V.\"",
            1,
            "NUL character",
        ),
    ] {
        let p = appco_with(from, to);
        let run = p.run(&["build"]).code(1);
        let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
        assert!(stderr.contains(words), "{to:?}: {stderr}");
        assert!(
            stderr.contains(&format!("{CUSTOMER}:{line}:")),
            "{to:?}: {stderr}"
        );
        for parser in [
            "DuplicateKeyPolicy",
            "from_str_multiple",
            "mapping start",
            "string scalar",
            "budget",
            "configured policy",
        ] {
            assert!(!stderr.contains(parser), "{to:?}: {stderr}");
        }
    }
}

#[test]
fn a_latin1_customer_file_is_an_error_at_its_line_and_column() {
    let p = Project::fixture("app-only");
    let mut bytes = std::fs::read(p.path().join(CUSTOMER)).expect("read");
    let text = String::from_utf8(bytes.clone()).expect("utf-8");
    let at = text.find("Appco B.V.").expect("name") + "Appco ".len();
    bytes.splice(at..at, [0xE9]); // é in Latin-1
    std::fs::write(p.path().join(CUSTOMER), bytes).expect("write");
    let errors = p.errors();
    let d = find(&errors, "is not UTF-8 text");
    assert_eq!((d.file(), d.line(), d.column()), (CUSTOMER, 1, 13));
    assert!(d.help.as_deref().unwrap_or("").contains("UTF-8"));
    assert!(!d.message.contains("index"), "{}", d.message);
}

#[test]
fn a_megabyte_name_is_refused_at_the_value_and_never_echoed() {
    let huge = "A".repeat(1 << 20);
    let p = appco_with("name: Appco B.V.", &format!("name: {huge}"));
    let run = p.run(&["build"]).code(1);
    let out = run.get_output();
    assert!(
        out.stderr.len() < 4000,
        "{} bytes on stderr",
        out.stderr.len()
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains(&format!("{CUSTOMER}:1:")), "{stderr}");
    assert!(!p.out().join("appco").exists(), "nothing built");
}

#[test]
fn texts_have_a_length_limit_by_kind_at_the_value() {
    let p = appco_with(
        "name: Appco B.V.",
        &format!("name: Appco B.V.\nshort_name: {}", "K".repeat(41)),
    );
    let errors = p.errors();
    let d = find(&errors, "`short_name` is 41 characters long; at most 40");
    assert_eq!((d.file(), d.line(), d.column()), (CUSTOMER, 2, 13));
    let p = appco_with(
        "name: Appco B.V.",
        &format!(
            "name: Appco B.V.\npolicy:\n  no_smartphone: {}",
            "w".repeat(1001)
        ),
    );
    find(
        &p.errors(),
        "`policy.no_smartphone` is 1001 characters long; at most 1000",
    );
}

#[test]
fn control_characters_in_customer_values_are_refused_at_the_value() {
    let p = appco_with("name: Appco B.V.", "name: \"Appco\\e[31m B.V.\"");
    let errors = p.errors();
    let d = find(&errors, "control character U+001B");
    assert_eq!((d.file(), d.line(), d.column()), (CUSTOMER, 1, 7));
    let p = appco_with(
        "name: Appco B.V.",
        "name: Appco B.V.\nhelpdesk:\n  hours: { nl: \"ma\\a\", en: x }",
    );
    find(
        &p.errors(),
        "`helpdesk.hours.nl` contains the control character U+0007",
    );
}

#[test]
fn an_idn_address_is_refused_with_its_xn_form() {
    let p = appco_with(
        "name: Appco B.V.",
        "name: Appco B.V.\nhelpdesk:\n  email: servicedesk@bücher.nl",
    );
    let errors = p.errors();
    let d = find(&errors, "internationalised domain");
    assert!(
        d.message.contains("`servicedesk@xn--bcher-kva.nl`"),
        "{}",
        d.message
    );
    assert_eq!(d.line(), 3);
}

#[test]
fn a_variable_in_a_page_title_is_an_error_never_published() {
    let p = Project::fixture("app-only");
    for lang in ["nl", "en"] {
        p.write(
            &format!("content/{lang}/employee/welkom.md"),
            "---\ntitle: \"Welkom bij {{ customer.name }}\"\nverified: 2026-11-01\n---\nHallo.\n",
        );
    }
    let errors = p.errors();
    let d = find(&errors, "variables are not filled in in titles");
    assert_eq!((d.line(), d.column()), (2, 8));
    p.run(&["check", "--strict"]).code(1);
}

#[test]
fn a_wave_after_the_mandatory_date_is_a_check_warning_at_its_date() {
    let p = appco_with(
        "  mandatory_from: 2026-12-01",
        "  mandatory_from: 2026-12-01\nrollout:\n  waves:\n    - name: Pilot\n      date: 2026-11-20\n    - name: Laat\n      date: 2026-12-15",
    );
    let run = p.run(&["check", "--format", "json"]).success();
    let json: serde_json::Value = serde_json::from_slice(&run.get_output().stdout).expect("json");
    let warning = json["diagnostics"]
        .as_array()
        .expect("list")
        .iter()
        .find(|d| {
            d["message"]
                .as_str()
                .is_some_and(|m| m.contains("rollout wave 2 of `appco` starts on 2026-12-15"))
        })
        .unwrap_or_else(|| panic!("no warning: {json:#}"));
    assert_eq!(warning["severity"], "warning");
    assert_eq!(
        (warning["line"].as_u64(), warning["column"].as_u64()),
        (Some(11), Some(13))
    );
    p.run(&["check", "--strict"]).code(1);
}

#[test]
fn the_summary_counts_a_customer_that_failed_to_load() {
    let p = appco_with("method: app", "method: nope");
    let run = p.run(&["build"]).code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(stderr.contains("Built 0 of 1 customer(s)"), "{stderr}");
    assert!(stderr.contains("1 error(s) in 1 customer(s)"), "{stderr}");
}

#[test]
fn the_summary_counts_the_customers_a_broken_page_stopped() {
    let p = Project::fixture("app-only");
    p.write(
        "content/nl/employee/kapot.md",
        "---\ntitle: Kapot\norder: 99\nverified: 2026-11-01\n---\n{{ nope.x }}\n",
    );
    let run = p.run(&["build"]).code(1);
    let stderr = String::from_utf8_lossy(&run.get_output().stderr).to_string();
    assert!(stderr.contains("unknown variable"), "{stderr}");
    assert!(stderr.contains("Built 0 of 1 customer(s)"), "{stderr}");
    assert!(
        stderr.contains("in 1 customer(s): nothing was written"),
        "{stderr}"
    );
}
