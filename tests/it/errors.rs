//! Bad input gets a message that names the file, the line and the fix; all problems of a run
//! are reported together.

use crate::fixture::{Project, find};

const CUSTOMER: &str = "customers/appco.yaml";

fn app_only_with(customer_yaml: &str) -> Project {
    let p = Project::fixture("app-only");
    p.write(CUSTOMER, customer_yaml);
    p
}

#[test]
fn yaml_syntax_error_names_file_and_line() {
    let errors =
        app_only_with("name: Appco\nmfa:\n  method: [app\n  enforcement: security_defaults\n")
            .errors();
    let d = &errors[0];
    assert_eq!(d.file(), CUSTOMER);
    assert!(d.line() >= 3, "{}", d.summary());
}

#[test]
fn unknown_key_gets_did_you_mean_and_its_line() {
    let errors = app_only_with("name: Appco\nhelpdsk:\n  phone: 020 123 4567\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n").errors();
    let d = find(&errors, "unknown key `helpdsk`");
    assert_eq!((d.file(), d.line(), d.column()), (CUSTOMER, 2, 1));
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("did you mean `helpdesk`?")
    );
}

#[test]
fn bad_phone_number_is_explained_at_its_line() {
    let errors = app_only_with("name: Appco\nhelpdesk:\n  phone: 020 123 456\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n").errors();
    let d = find(&errors, "`helpdesk.phone`");
    assert_eq!((d.file(), d.line(), d.column()), (CUSTOMER, 3, 10));
    assert!(d.message.contains("020 123 456"), "{}", d.message);
}

#[test]
fn http_url_is_refused() {
    let errors = app_only_with("name: Appco\nhelpdesk:\n  url: http://help.appco.nl\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n").errors();
    let d = find(&errors, "is not https");
    assert_eq!((d.file(), d.line()), (CUSTOMER, 3));
}

#[test]
fn poor_contrast_on_the_brand_colour_suggests_a_darker_one() {
    let errors = app_only_with("name: Appco\nbrand:\n  primary: \"#7fb3e6\"\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n").errors();
    let d = find(&errors, "contrast");
    assert_eq!((d.file(), d.line()), (CUSTOMER, 3));
    assert!(
        d.help.as_deref().unwrap_or("").contains("primary: \"#"),
        "{:?}",
        d.help
    );
}

#[test]
fn impossible_date_and_unknown_method_and_language_are_all_reported_together() {
    let errors = app_only_with("name: Appco\nlanguages: [nl, fr]\nmfa:\n  method: authenticator\n  enforcement: security_defaults\n  mandatory_from: 2026-02-30\n").errors();
    assert_eq!(find(&errors, "`fr`").line(), 2);
    assert_eq!(
        find(&errors, "`authenticator` is not a valid `mfa.method`").line(),
        4
    );
    assert_eq!(find(&errors, "mandatory_from").line(), 6);
}

#[test]
fn allowed_methods_without_choose_is_an_error() {
    let errors = app_only_with("name: Appco\nmfa:\n  method: app\n  allowed: [app, sms]\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n").errors();
    assert_eq!(find(&errors, "only for `method: choose`").line(), 4);
}

#[test]
fn unknown_variable_gets_did_you_mean_at_its_column() {
    let p = Project::fixture("override");
    p.edit(
        "content/nl/employee/dialect.md",
        "of mail {{ helpdesk.email }}",
        "of mail {{ helpdesk.emial }}",
    );
    let errors = p.errors();
    let d = find(&errors, "unknown variable `helpdesk.emial`");
    assert_eq!(
        (d.file(), d.line(), d.column()),
        ("content/nl/employee/dialect.md", 6, 82)
    );
    assert!(d.help.as_deref().unwrap_or("").contains("`helpdesk.email`"));
}

#[test]
fn unclosed_condition_points_at_its_opening_line() {
    let p = Project::fixture("override");
    p.edit(
        "content/en/employee/dialect.md",
        "{{#if sms or not feature.new_laptop}}\nNo new laptop.\n{{/if}}",
        "{{#if sms or not feature.new_laptop}}\nNo new laptop.\n",
    );
    let errors = p.errors();
    let d = find(&errors, "never closed");
    assert_eq!((d.file(), d.line()), ("content/en/employee/dialect.md", 21));
}

#[test]
fn unknown_condition_gets_did_you_mean() {
    let p = Project::fixture("override");
    p.edit(
        "content/nl/employee/dialect.md",
        "{{#if feature.remote_desktop}}",
        "{{#if feature.remote_destkop}}",
    );
    let d = find(&p.errors(), "unknown condition `feature.remote_destkop`").clone();
    assert_eq!((d.line(), d.column()), (12, 9));
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `feature.remote_desktop`?")
    );
}

#[test]
fn missing_translation_of_a_page_is_an_error() {
    let p = Project::fixture("override");
    std::fs::remove_file(p.path().join("content/en/employee/dialect.md")).expect("rm");
    let d = find(&p.errors(), "missing translation").clone();
    assert_eq!(d.file(), "content/nl/employee/dialect.md");
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("content/en/employee/dialect.md")
    );
}

#[test]
fn missing_translation_of_a_ui_string_is_an_error() {
    let p = Project::fixture("app-only");
    p.write("themes/default/i18n/nl/extra.yaml", "greeting: Hallo\n");
    let d = find(&p.errors(), "missing translation: `extra.greeting`").clone();
    assert_eq!(
        (d.file(), d.line()),
        ("themes/default/i18n/nl/extra.yaml", 1)
    );
}

#[test]
fn link_to_a_page_the_customer_does_not_get_is_an_error() {
    let p = Project::fixture("override");
    p.edit(
        "content/nl/employee/dialect.md",
        "Zie ook [nieuwe telefoon](lost-phone.md)",
        "Zie ook [sms](sms-setup.md)",
    );
    let d = find(
        &p.errors(),
        "links to `sms-setup.md`, which is not in the handbook",
    )
    .clone();
    assert_eq!(
        (d.file(), d.line(), d.column()),
        ("content/nl/employee/dialect.md", 46, 9)
    );
}

#[test]
fn variable_left_out_for_a_customer_is_an_error_naming_the_customer() {
    let p = Project::fixture("override");
    p.edit(
        "content/nl/employee/dialect.md",
        "Welkom bij {{ customer.name }}.",
        "Welkom bij {{ customer.name }}, zie {{ helpdesk.url }}.",
    );
    let d = find(
        &p.errors(),
        "`helpdesk.url` is not set for the customer `custom`",
    )
    .clone();
    assert_eq!((d.file(), d.line()), ("content/nl/employee/dialect.md", 6));
}

#[test]
fn problems_in_several_files_are_reported_in_one_run() {
    let p = Project::fixture("override");
    p.edit(
        "content/nl/employee/dialect.md",
        "{{ customer.name }}",
        "{{ customer.nam }}",
    );
    p.edit("customers/custom.yaml", "method: app", "method: ap");
    let errors = p.errors();
    find(&errors, "unknown variable `customer.nam`");
    find(&errors, "`ap` is not a valid `mfa.method`");
}

#[test]
fn sms_under_security_defaults_is_refused() {
    let errors = app_only_with("name: Appco\nmfa:\n  method: choose\n  allowed: [app, sms]\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n").errors();
    let d = find(&errors, "security defaults do not offer SMS");
    assert_eq!((d.file(), d.line()), (CUSTOMER, 4));
}

#[test]
fn a_handbook_without_the_app_under_security_defaults_is_refused_at_allowed() {
    let errors = app_only_with("name: Appco\nmfa:\n  method: choose\n  allowed: [passkey, security_key]\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n").errors();
    let d = find(
        &errors,
        "security defaults ask every employee to set up Microsoft Authenticator",
    );
    assert_eq!((d.file(), d.line()), (CUSTOMER, 4));
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .contains("add `app` to `allowed`")
    );
}

/// The app-only project with the employee page `extra` (the same in both languages).
fn with_page(page: &str) -> Project {
    let p = Project::fixture("app-only");
    p.write("content/nl/employee/extra.md", page);
    p.write("content/en/employee/extra.md", page);
    p
}

#[test]
fn regression_front_matter_reports_every_unknown_and_missing_key_with_the_body_in_one_run() {
    let page = "---\ntitle: Extra\nms.date: 05/31/2024\nms.author: justinha\ntilte: x\n---\nZie [hier](nope.md).\n";
    let errors = with_page(page).errors();
    let en = |needle: &str| {
        errors
            .iter()
            .find(|d| d.file() == "content/en/employee/extra.md" && d.message.contains(needle))
            .map(|d| (d.line(), d.column(), d.severity))
            .unwrap_or_else(|| panic!("no {needle:?} in {errors:#?}"))
    };
    use handboek::diagnostics::Severity::{Error, Warning};
    assert_eq!(
        en("`ms.date` is Microsoft Learn front matter"),
        (3, 1, Error)
    );
    assert_eq!(
        en("`ms.author` is Microsoft Learn front matter"),
        (4, 1, Error)
    );
    assert_eq!(en("unknown key `tilte`"), (5, 1, Error));
    assert_eq!(en("no `verified` date"), (1, 1, Error));
    assert_eq!(en("no `order`"), (1, 1, Warning));
    assert_eq!(
        en("links to `nope.md`, a page that does not exist"),
        (7, 5, Error)
    );
}

#[test]
fn regression_dot_slash_image_path_is_found_and_dot_dot_is_named_for_what_it_is() {
    let p = with_page(
        "---\ntitle: Extra\norder: 90\nverified: 2026-11-01\n---\n![Het scherm](./media/a.png)\n",
    );
    p.write("assets/media/a.png", "png");
    let site = p.site();
    assert!(
        site.file("appco/employee/nl/extra.html")
            .contains("<img src=\"../assets/media/a.png\" alt=\"Het scherm\" />")
    );
    let p =
        with_page("---\ntitle: Extra\norder: 90\nverified: 2026-11-01\n---\nZie ![x](../a.png)\n");
    let d = find(&p.errors(), "steps outside its folder").clone();
    assert_eq!((d.line(), d.column()), (6, 5));
}

#[test]
fn a_table_with_a_short_divider_and_a_page_without_order_are_warnings() {
    let p = with_page(
        "---\ntitle: Extra\nverified: 2026-11-01\n---\n| A | B | C |\n|---|---|\n| 1 | 2 | 3 |\n",
    );
    let build = p.build();
    assert!(!build.diagnostics.has_errors(), "{}", build.diagnostics);
    let found: Vec<(String, usize, usize, String)> = build
        .diagnostics
        .iter()
        .filter(|d| d.file() == "content/en/employee/extra.md")
        .map(|d| {
            (
                d.file().to_string(),
                d.line(),
                d.column(),
                d.message.clone(),
            )
        })
        .collect();
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!((found[0].1, found[0].2), (1, 1));
    assert!(found[0].3.contains("no `order`"));
    assert_eq!((found[1].1, found[1].2), (6, 1));
    assert!(
        found[1]
            .3
            .contains("header has 3 cells and its divider line 2")
    );
    assert!(
        build.output.get("appco/employee/nl/extra.html").is_some(),
        "warnings do not stop the build"
    );
}

#[test]
fn regression_the_snippet_of_a_long_line_shows_the_bad_link() {
    let filler = "Dit is een lange zin over het instellen van de app. ".repeat(5);
    let page = format!(
        "---\ntitle: Extra\norder: 90\nverified: 2026-11-01\n---\n{filler}Zie [de beheerdersrol](~/identity/role-based-access-control/permissions-reference.md#global-reader).\n"
    );
    let errors = with_page(&page).errors();
    let d = find(&errors, "is not a page of this handbook");
    assert_eq!((d.line(), d.column()), (6, 265));
    let shown = d.to_string();
    assert!(
        shown.contains("permissions-reference.md#global-reader)"),
        "{shown}"
    );
    assert!(
        d.help.as_deref().unwrap_or("").contains("https://learn.microsoft.com/entra/identity/role-based-access-control/permissions-reference#global-reader"),
        "{d}"
    );
}

#[test]
fn regression_file_level_problems_point_at_the_key_that_holds_them() {
    let p = Project::fixture("app-only");
    p.write(
        "handboek.yaml",
        "msp:\n  url: https://www.test-it.nl\ndefaults:\n  helpdesk:\n    name: Servicedesk\n",
    );
    p.write(CUSTOMER, "name: Appco\nhelpdesk:\n  email: help@appco.nl\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n");
    let page =
        |when: &str| format!("---\ntitle: Extra\norder: 90\n{when}verified: 2026-11-01\n---\nx\n");
    p.write("content/nl/employee/extra.md", &page("when: app\n"));
    p.write("content/en/employee/extra.md", &page("when: sms\n"));
    let errors = p.errors();
    let msp = find(&errors, "no `msp.name`");
    assert_eq!(
        (msp.file(), msp.line(), msp.column()),
        ("handboek.yaml", 1, 1)
    );
    assert_eq!(msp.span.map(|s| s.len), Some(3));
    let when = find(&errors, "`when:` differs");
    assert_eq!((when.line(), when.column()), (4, 1));
    let p = Project::fixture("app-only");
    p.write(
        "handboek.yaml",
        "msp:\n  name: Test IT\ndefaults:\n  helpdesk:\n    name: Servicedesk\n",
    );
    p.write(CUSTOMER, "name: Appco\nhelpdesk:\n  email: help@appco.nl\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n");
    let errors = p.errors();
    let phone = find(&errors, "the customer has no `helpdesk.phone`");
    assert_eq!(
        (phone.file(), phone.line(), phone.column()),
        (CUSTOMER, 2, 1)
    );
}
