//! The term list: Belgian Dutch where it differs, from one `terms.yaml`, with a capital on
//! request; a project's own list; errors at their place.

use crate::fixture::{Project, find};

fn page(body: &str) -> String {
    format!("---\ntitle: Extra\norder: 90\nverified: 2026-12-03\n---\n{body}\n")
}

fn with_term_page(fixture: &str) -> Project {
    let p = Project::fixture(fixture);
    p.write(
        "content/nl/employee/extra.md",
        &page("{{ term.Mobile }} kwijt? Geef je {{ term.mobile_number }} door."),
    )
    .write(
        "content/en/employee/extra.md",
        &page("{{ term.Mobile }} lost? Tell us your {{ term.mobile_number }}."),
    );
    p
}

#[test]
fn a_belgian_customer_reads_gsm_and_a_dutch_one_mobiele_telefoon() {
    let be = with_term_page("sms-only").site();
    let nl = with_term_page("app-only").site();
    assert!(
        be.file("smsco/employee/nl/extra.html")
            .contains("Gsm kwijt? Geef je gsm-nummer door.")
    );
    assert!(
        nl.file("appco/employee/nl/extra.html")
            .contains("Mobiele telefoon kwijt? Geef je mobiele nummer door.")
    );
    assert!(
        be.file("smsco/employee/en/extra.html")
            .contains("Mobile phone lost? Tell us your mobile number.")
    );
}

#[test]
fn a_project_terms_file_replaces_and_adds_terms() {
    let p = with_term_page("sms-only");
    p.write(
        "terms.yaml",
        "mobile: { nl: mobieltje, nl-be: gsm'ke, en: mobile }\n",
    );
    let html = p.site().file("smsco/employee/nl/extra.html");
    assert!(
        html.contains("Gsm'ke kwijt?"),
        "the project's Belgian word, with its capital: {html}"
    );
    assert!(html.contains("gsm-nummer"), "the built-in terms stay");
}

#[test]
fn an_unknown_term_is_an_error_at_its_place_with_did_you_mean() {
    let p = Project::fixture("app-only");
    p.write(
        "content/nl/employee/extra.md",
        &page("Je {{ term.mobiel }}."),
    )
    .write(
        "content/en/employee/extra.md",
        &page("Your {{ term.mobile }}."),
    );
    let errors = p.errors();
    let d = find(&errors, "unknown term");
    assert_eq!(
        (d.file(), d.line(), d.column()),
        ("content/nl/employee/extra.md", 6, 4)
    );
    assert_eq!(d.message, "unknown term `term.mobiel`");
    assert!(
        d.help
            .as_deref()
            .unwrap_or("")
            .starts_with("did you mean `term.mobile`?"),
        "{:?}",
        d.help
    );
}

#[test]
fn a_malformed_terms_file_is_an_error_at_its_line_and_column() {
    let p = Project::fixture("app-only");
    p.write(
        "content/nl/employee/extra.md",
        &page("Je {{ term.badge }}."),
    )
    .write(
        "content/en/employee/extra.md",
        &page("Your {{ term.badge }}."),
    )
    .write(
        "terms.yaml",
        "# our own words\nbadge: { nl: toegangspas, nl-be: badge }\nMobile: { nl: a, en: b }\n",
    );
    let errors = p.errors();
    let summaries: Vec<String> = errors.iter().map(|d| d.summary()).collect();
    assert!(
        summaries.contains(&"terms.yaml:2:1: the term `badge` has no `en` text".to_string()),
        "{summaries:#?}"
    );
    assert!(
        summaries.contains(&"terms.yaml:3:1: `Mobile` is not a term name".to_string()),
        "{summaries:#?}"
    );
    assert!(
        !summaries.iter().any(|s| s.contains("unknown term")),
        "the pages' terms are not blamed for the broken file: {summaries:#?}"
    );
}
