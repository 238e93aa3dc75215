//! What a build produces for each kind of customer.

use std::collections::BTreeSet;

use crate::fixture::{Project, content_of, main_of};

/// Markers of each path: the drawn screens that only its steps use.
const APP_ONLY: [&str; 3] = [
    "screen--authenticator-qr",
    "screen--authenticator-prompt",
    "app-setup.html",
];
const SMS_ONLY: [&str; 3] = [
    "screen--phone-setup",
    "screen--enter-code",
    "sms-setup.html",
];

fn output_contains(site: &crate::fixture::Site, needle: &str) -> Vec<String> {
    site.html_files()
        .into_iter()
        .filter(|(_, html)| html.contains(needle))
        .map(|(p, _)| p)
        .collect()
}

#[test]
fn app_customer_gets_the_app_path_and_no_sms_steps() {
    let site = Project::fixture("app-only").site();
    for lang in ["nl", "en"] {
        assert!(site.has(&format!("appco/employee/{lang}/app-setup.html")));
        assert!(!site.has(&format!("appco/employee/{lang}/sms-setup.html")));
        assert!(!site.has(&format!("appco/employee/{lang}/choose.html")));
    }
    for marker in SMS_ONLY {
        assert_eq!(
            output_contains(&site, marker),
            Vec::<String>::new(),
            "{marker} leaked into an app handbook"
        );
    }
    assert!(!output_contains(&site, "screen--authenticator-qr").is_empty());
}

#[test]
fn sms_customer_gets_the_sms_path_and_no_app_steps() {
    let site = Project::fixture("sms-only").site();
    assert!(site.has("smsco/employee/nl/sms-setup.html"));
    assert!(!site.has("smsco/employee/nl/app-setup.html"));
    for marker in APP_ONLY {
        assert_eq!(
            output_contains(&site, marker),
            Vec::<String>::new(),
            "{marker} leaked into an sms handbook"
        );
    }
    // Nav, print edition and table of contents are built after the filter too.
    let print = site.file("smsco/employee/nl/handboek.html");
    assert!(print.contains("id=\"page-sms-setup\""));
    assert!(!print.contains("page-app-setup"));
    // A Belgian number is shown as written and linked in E.164.
    assert!(
        print.contains("<a href=\"tel:+3233042326\">03 304 23 26</a>"),
        "phone link missing"
    );
}

#[test]
fn choose_customer_gets_the_choice_page_and_every_allowed_path() {
    let site = Project::fixture("choose").site();
    for slug in ["choose", "app-setup", "sms-setup"] {
        assert!(
            site.has(&format!("choosy/employee/en/{slug}.html")),
            "{slug}"
        );
    }
    let choice = main_of(&site.file("choosy/employee/en/choose.html"));
    assert!(
        choice.contains("href=\"app-setup.html\"") && choice.contains("href=\"sms-setup.html\"")
    );
    // English first: the language choice lists English first.
    let index = site.file("choosy/employee/index.html");
    assert!(index.find("hreflang=\"en\"") < index.find("hreflang=\"nl\""));
}

#[test]
fn feature_sections_appear_only_when_switched_on() {
    let all = Project::fixture("all-features").site();
    assert!(all.has("everything/employee/nl/remote-desktop.html"));
    let app = Project::fixture("app-only").site();
    assert!(!app.has("appco/employee/nl/remote-desktop.html"));
    let nav = app.file("appco/employee/nl/index.html");
    assert!(
        !nav.contains("remote-desktop.html"),
        "nav lists a page the customer does not get"
    );
}

#[test]
fn customer_screenshot_replaces_the_drawn_screen_per_language() {
    let site = Project::fixture("all-features").site();
    let nl = site.file("everything/employee/nl/app-setup.html");
    assert!(nl.contains("src=\"../assets/screens/nl/goedkeuren.png\""));
    assert!(!nl.contains("screen--approve-number"));
    assert!(
        site.file("everything/employee/en/app-setup.html")
            .contains("src=\"../assets/screens/en/approve.png\"")
    );
    assert!(site.has("everything/employee/assets/screens/nl/goedkeuren.png"));
    assert!(site.has("everything/employee/assets/logos/everything.svg"));
}

#[test]
fn audiences_are_separate_sites_with_their_own_static_files() {
    let site = Project::fixture("app-only").site();
    for audience in ["employee", "admin", "rollout"] {
        assert!(
            site.has(&format!("appco/{audience}/index.html")),
            "{audience}"
        );
        assert!(
            site.has(&format!("appco/{audience}/static/style.css")),
            "{audience}"
        );
        assert!(site.has(&format!("appco/{audience}/nl/handboek.html")));
        assert!(site.has(&format!("appco/{audience}/en/handbook.html")));
    }
    let employee = site.file("appco/employee/nl/index.html");
    assert!(
        !employee.contains("../admin") && !employee.contains("/admin/"),
        "employee pages link to the admin guide"
    );
}

#[test]
fn language_switch_lands_on_the_same_page() {
    let site = Project::fixture("app-only").site();
    let nl = site.file("appco/employee/nl/sign-in.html");
    assert!(nl.contains("<a href=\"../en/sign-in.html\" hreflang=\"en\" lang=\"en\">English</a>"));
    let en = site.file("appco/employee/en/sign-in.html");
    assert!(
        en.contains("<a href=\"../nl/sign-in.html\" hreflang=\"nl\" lang=\"nl\">Nederlands</a>")
    );
    assert!(en.contains("<html lang=\"en\">"));
}

#[test]
fn every_link_is_relative_and_nothing_is_loaded_from_the_network() {
    let site = Project::fixture("all-features").site();
    for (path, html) in site.html_files() {
        for bad in [
            "href=\"/",
            "src=\"/",
            "src=\"http",
            "href=\"http://",
            "url(http",
            "@import",
        ] {
            assert!(!html.contains(bad), "{path} contains {bad}");
        }
    }
}

#[test]
fn ids_are_unique_on_every_page_including_the_print_edition() {
    let site = Project::fixture("override").site();
    for (path, html) in site.html_files() {
        let mut seen = BTreeSet::new();
        for id in html
            .split(" id=\"")
            .skip(1)
            .map(|rest| rest.split('"').next().unwrap_or(""))
        {
            assert!(seen.insert(id.to_string()), "{path}: id {id:?} twice");
        }
    }
    let print = site.file("custom/employee/nl/handboek.html");
    assert!(print.contains("id=\"dialect--voorwaarden-2\""));
    assert!(
        print.contains("href=\"#page-lost-phone\""),
        "page links become anchors in print"
    );
}

#[test]
fn project_pages_override_and_add_to_the_library_per_language() {
    let site = Project::fixture("override").site();
    let nl = site.file("custom/employee/nl/lost-phone.html");
    assert!(nl.contains("Dit is de eigen tekst van het IT-bedrijf."));
    let en = site.file("custom/employee/en/lost-phone.html");
    assert!(
        en.contains("This is the IT provider&#39;s own text.")
            || en.contains("This is the IT provider’s own text.")
    );
    let nav = site.file("custom/employee/nl/index.html");
    assert!(
        nav.contains("href=\"dialect.html\""),
        "the new page is in the navigation"
    );
}

#[test]
fn dialect_page_renders_every_construct() {
    let site = Project::fixture("override").site();
    insta::assert_snapshot!(content_of(&site.file("custom/employee/nl/dialect.html")));
}

#[test]
fn two_builds_of_the_same_input_are_identical() {
    let project = Project::fixture("all-features");
    assert_eq!(project.site().0.output, project.site().0.output);
}

#[test]
fn dates_are_written_the_languages_way() {
    let site = Project::fixture("app-only").site();
    assert!(
        site.file("appco/employee/nl/index.html")
            .contains("1 december 2026")
    );
    assert!(
        site.file("appco/employee/en/index.html")
            .contains("1 December 2026")
    );
}

#[test]
fn project_overrides_templates_static_files_and_ui_strings_file_by_file() {
    let project = Project::fixture("app-only");
    project
        .write("themes/default/static/style.css", "/* the MSP's own style */\n")
        .write("themes/default/i18n/nl/site.yaml", &std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/themes/default/i18n/nl/site.yaml")).expect("site.yaml").replace("\"Hulp nodig?\"", "\"Vragen?\""))
        .write("themes/default/templates/language.html", "<!DOCTYPE html><html lang=\"{{ lang }}\"><title>{{ customer.name }}</title><main><h1>Eigen keuze</h1></main></html>\n");
    let site = project.site();
    assert_eq!(
        site.file("appco/employee/static/style.css"),
        "/* the MSP's own style */\n"
    );
    assert!(
        site.file("appco/employee/nl/index.html")
            .contains("Vragen?")
    );
    assert!(
        site.file("appco/employee/index.html")
            .contains("<h1>Eigen keuze</h1>")
    );
    // Files the project leaves out still come from the built-in theme.
    assert!(
        site.file("appco/employee/static/screens.css")
            .contains(".screen")
    );
}
