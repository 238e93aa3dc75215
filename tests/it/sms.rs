//! Microsoft's text messages stop on `microsoft.sms_retirement`: the build refuses rollout
//! dates on or after it, `check` warns within 90 days, the schedule moves everyone off them
//! first; `sms.*` keys without a text message path are warned about.

use assert_cmd::Command;

use crate::fixture::{Project, find, summaries};

const SMSCO: &str = "customers/smsco.yaml";

/// The `sms-only` fixture's customer (Belgian, Microsoft's text messages) with `tail`.
fn smsco(mandatory: &str, tail: &str) -> Project {
    let p = Project::fixture("sms-only");
    p.write(
        SMSCO,
        &format!(
            "name: Smsco BV\ncountry: be\nlanguages: [nl, en]\nhelpdesk:\n  phone: 03 304 23 26\nmfa:\n  method: sms\n  enforcement: conditional_access\n  mandatory_from: {mandatory}\nhandbook:\n  url: https://intranet.smsco.be/mfa/\n{tail}"
        ),
    );
    p
}

const WAVES: &str = "rollout:\n  waves:\n    - name: Pilot\n      date: 2027-01-18\n    - name: Magazijn\n      date: 2027-02-01\n    - name: Chauffeurs\n      date: 2027-02-08\n";

#[test]
fn microsoft_sms_on_or_after_the_retirement_fails_the_build_at_every_such_date() {
    let errors = smsco("2027-02-15", WAVES).errors();
    let mut found: Vec<(usize, usize, usize, String)> = errors
        .iter()
        .filter(|d| d.message.contains("Microsoft stops sending them"))
        .map(|d| {
            assert_eq!(d.file(), SMSCO);
            let len = d.span.map_or(0, |s| s.len);
            (d.line(), d.column(), len, d.message.clone())
        })
        .collect();
    found.sort();
    assert_eq!(
        found,
        [
            (9, 19, 10, "text messages become mandatory on 15 February 2027, but Microsoft stops sending them on 1 February 2027".to_string()),
            (17, 13, 10, "rollout wave 2 starts with text messages on 1 February 2027, but Microsoft stops sending them on 1 February 2027".to_string()),
            (19, 13, 10, "rollout wave 3 starts with text messages on 8 February 2027, but Microsoft stops sending them on 1 February 2027".to_string()),
        ]
    );
    let d = find(&errors, "text messages become mandatory");
    assert_eq!(
        d.help.as_deref(),
        Some(
            "move the date before 1 February 2027, switch `mfa.method` to `app`, or set `sms.provider` to the telecom provider you contracted."
        )
    );
}

#[test]
fn the_command_exits_1_and_leaves_the_customer_unbuilt() {
    let p = smsco("2027-02-15", "");
    let out = Command::cargo_bin("handboek")
        .expect("binary")
        .current_dir(p.path())
        .arg("build")
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let printed = String::from_utf8_lossy(&out.stderr);
    assert!(printed.contains("customers/smsco.yaml:9:19"), "{printed}");
    assert!(!p.out().join("smsco").exists());
}

#[test]
fn a_contracted_provider_keeps_text_messages_after_the_retirement() {
    let site = smsco("2027-02-15", "sms:\n  provider: Voorbeeld Telecom\n").site();
    assert!(site.has("smsco/employee/nl/index.html"));
}

#[test]
fn check_warns_once_within_ninety_days_with_the_days_left() {
    let report = smsco(
        "2027-01-04",
        "rollout:\n  waves:\n    - name: Pilot\n      date: 2026-12-07\n",
    )
    .check();
    assert_eq!(report.errors(), 0, "{:#?}", summaries(&report));
    let warnings: Vec<String> = summaries(&report)
        .into_iter()
        .filter(|s| s.contains("before Microsoft stops"))
        .collect();
    assert_eq!(
        warnings,
        [
            "customers/smsco.yaml:9:19: text messages become mandatory on 4 January 2027, 28 days before Microsoft stops sending text messages (1 February 2027)"
        ]
    );
    let far = smsco("2026-10-01", "").check();
    assert!(
        !summaries(&far)
            .iter()
            .any(|s| s.contains("before Microsoft stops")),
        "123 days before is no warning"
    );
}

#[test]
fn the_schedule_moves_everyone_off_microsoft_sms_before_it_stops() {
    let p = smsco(
        "2027-01-04",
        "rollout:\n  waves:\n    - name: { nl: Pilot, en: Pilot }\n      date: 2026-12-07\n",
    );
    let page = "---\ntitle: Schema\norder: 30\nverified: 2026-12-03\n---\n{{schedule}}\n";
    p.write("content/nl/rollout/plan.md", page)
        .write("content/en/rollout/plan.md", page);
    let site = p.site();
    let rows = |html: &str| -> Vec<String> {
        html.split("<th scope=\"row\">")
            .skip(1)
            .map(|r| {
                r.split("</td>")
                    .next()
                    .unwrap_or("")
                    .replace("</th><td>", " | ")
            })
            .collect()
    };
    assert_eq!(
        rows(&site.file("smsco/rollout/nl/plan.html")),
        [
            "Pilot | maandag 7 december 2026",
            "MFA verplicht voor iedereen | maandag 4 januari 2027",
            "Iedereen is overgestapt van sms naar de Microsoft Authenticator-app | vrijdag 29 januari 2027",
            "Microsoft stopt met het versturen van sms-codes | maandag 1 februari 2027",
        ]
    );
    assert_eq!(
        rows(&site.file("smsco/rollout/en/plan.html")),
        [
            "Pilot | Monday 7 December 2026",
            "MFA required for everyone | Monday 4 January 2027",
            "Everyone has moved from text messages to the Microsoft Authenticator app | Friday 29 January 2027",
            "Microsoft stops sending text messages | Monday 1 February 2027",
        ]
    );
    let provider = smsco("2027-01-04", "sms:\n  provider: Voorbeeld Telecom\n");
    provider
        .write("content/nl/rollout/plan.md", page)
        .write("content/en/rollout/plan.md", page);
    let plan = provider.site().file("smsco/rollout/en/plan.html");
    assert!(!plan.contains("schedule__moved"), "{plan}");
    assert!(!plan.contains("schedule__sms_retirement"), "{plan}");
}

#[test]
fn sms_keys_without_a_text_message_path_are_unused_warnings() {
    let p = Project::fixture("app-only");
    p.write(
        "customers/appco.yaml",
        "name: Appco B.V.\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\nhandbook:\n  url: https://intranet.appco.nl/mfa/\nsms:\n  provider: Voorbeeld Telecom\n  calls: true\n",
    );
    let found = summaries(&p.check());
    assert!(
        found.contains(&"customers/appco.yaml:9:13: `sms.provider` is set, but text messages are not a path of this handbook".to_string()),
        "{found:#?}"
    );
    assert!(
        found.contains(&"customers/appco.yaml:10:10: `sms.calls` is set, but text messages are not a path of this handbook".to_string()),
        "{found:#?}"
    );
}

#[test]
fn sms_for_employees_without_a_smartphone_is_refused_under_security_defaults_at_that_line() {
    let p = Project::fixture("app-only");
    p.write(
        "customers/appco.yaml",
        "name: Appco B.V.\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\npolicy:\n  without_smartphone: sms\n",
    );
    let errors = p.errors();
    let d = find(&errors, "security defaults do not offer SMS");
    assert_eq!(
        (d.file(), d.line(), d.column()),
        ("customers/appco.yaml", 7, 23)
    );
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("`policy.without_smartphone`"),
        "{:?}",
        d.help
    );
}

/// Every employee page of `smsco` in both languages, as one text.
fn employee_html(p: &Project) -> String {
    p.site()
        .html_files()
        .into_iter()
        .filter(|(path, _)| path.starts_with("smsco/employee/"))
        .map(|(_, html)| html)
        .collect()
}

#[test]
fn call_me_and_the_call_steps_appear_only_where_calls_are_allowed() {
    let without = employee_html(&smsco("2027-01-04", ""));
    for needle in ["Bel mij", "Call me", "id=\"voice\""] {
        assert!(!without.contains(needle), "{needle} without sms.calls");
    }
    let with = employee_html(&smsco("2027-01-04", "sms:\n  calls: true\n"));
    for needle in ["Bel mij", "Call me", "id=\"voice\""] {
        assert!(with.contains(needle), "{needle} missing with sms.calls");
    }
}

#[test]
fn microsoft_sms_handbook_says_when_codes_stop_and_what_to_do_and_a_providers_does_not() {
    let microsoft = smsco("2027-01-04", "");
    let site = microsoft.site();
    for lang in ["nl", "en"] {
        let page = site.file(&format!("smsco/employee/{lang}/sms-setup.html"));
        for id in [
            "move-to-app",
            "before-retirement",
            "after-retirement",
            "what-to-do",
        ] {
            assert!(page.contains(&format!("id=\"{id}\"")), "{lang}: #{id}");
        }
        assert!(page.contains("href=\"passkey-prompt.html\""), "{lang}");
        assert!(!page.contains("app-setup.html"), "{lang}: no app steps");
        let index = site.file(&format!("smsco/employee/{lang}/index.html"));
        assert!(index.contains("sms-setup.html#move-to-app"), "{lang}");
    }
    let with_provider = smsco("2027-02-15", "sms:\n  provider: Voorbeeld Telecom\n");
    let provider = employee_html(&with_provider);
    assert!(provider.contains("Voorbeeld Telecom"));
    assert!(provider.contains("blijven daarna gewoon komen"));
    assert!(provider.contains("will keep coming after that date"));
    let site = with_provider.site();
    for lang in ["nl", "en"] {
        let page = site.file(&format!("smsco/employee/{lang}/sms-setup.html"));
        for id in ["before-retirement", "after-retirement", "what-to-do"] {
            assert!(!page.contains(&format!("id=\"{id}\"")), "{lang}: #{id}");
        }
    }
    assert!(
        !provider.contains("sms-setup.html#move-to-app"),
        "no page sends them there"
    );
}

#[test]
fn a_belgian_sms_handbook_speaks_of_a_gsm_and_openingsuren() {
    let site = smsco("2027-01-04", "").site();
    for slug in [
        "index",
        "sms-setup",
        "sign-in",
        "phone-sign-in",
        "lost-phone",
        "faq",
    ] {
        let page = site.file(&format!("smsco/employee/nl/{slug}.html"));
        for netherlands in [
            "mobiele telefoon",
            "mobiele nummer",
            "openingstijden",
            "je provider",
        ] {
            assert!(!page.contains(netherlands), "{slug}: {netherlands}");
        }
    }
    let setup = site.file("smsco/employee/nl/sms-setup.html");
    assert!(setup.contains("je gsm-nummer"), "{setup}");
    assert!(
        site.file("smsco/employee/nl/lost-phone.html")
            .contains("openingsuren")
    );
}
