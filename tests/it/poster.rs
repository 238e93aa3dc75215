//! The rollout kit's one-page poster (`affiche.html` / `poster.html`): what it says, that
//! customer values are escaped on it, and that it prints on exactly one A4 page.

use assert_cmd::Command;

use crate::fixture::{Project, find};
use crate::pdf::{pdfinfo, tools_present};

const POSTER_NL: &str = "---\ntitle: Aanmelden met MFA\norder: 90\nlayout: poster\nverified: 2026-12-03\n---\n{{#if handbook.url}}\nScan de code.\n\n{{qr handbook.url}}\n{{else}}\nVraag {{ helpdesk.name }}.\n\n{{qr helpdesk.phone}}\n{{/if}}\n";

const HANDBOOK: &str = "\nhandbook:\n  url: https://intranet.everything.example/mfa/\n";

fn with_handbook_url() -> Project {
    let p = Project::fixture("all-features");
    let path = p.path().join("customers/everything.yaml");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text + HANDBOOK).expect("write");
    p
}

#[test]
fn poster_links_the_handbook_with_a_qr_code_and_shows_the_helpdesk() {
    let site = with_handbook_url().site();
    let nl = site.file("everything/rollout/nl/affiche.html");
    assert!(nl.contains("<svg class=\"qr\""), "{nl}");
    assert!(
        nl.contains("https://intranet.everything.example/mfa/"),
        "{nl}"
    );
    assert!(nl.contains("href=\"tel:+31201234567\""), "{nl}");
    assert!(nl.contains("Verplicht vanaf <strong>maandag 7 december 2026</strong>"));
    let en = site.file("everything/rollout/en/poster.html");
    assert!(en.contains("<html lang=\"en\">") && en.contains("<svg class=\"qr\""));
    // The poster is no page of the handbook: not in its menu, print edition or search.
    assert!(!site.has("everything/rollout/nl/poster.html"));
    let index = site.file("everything/rollout/nl/index.html");
    assert!(!index.contains("href=\"affiche.html\""), "{index}");
    let print = site.file("everything/rollout/nl/handboek.html");
    assert!(
        !print.contains("Verplicht vanaf"),
        "the poster is in the print edition"
    );
}

#[test]
fn poster_without_handbook_url_gives_the_helpdesk_instead_of_the_handbook() {
    let site = Project::fixture("all-features").site();
    let nl = site.file("everything/rollout/nl/affiche.html");
    assert!(!nl.contains("intranet.everything.example"), "{nl}");
    assert!(
        nl.contains("aria-label=\"QR-code van +31 20 123 4567\""),
        "{nl}"
    );
}

#[test]
fn poster_escapes_customer_values() {
    let p = Project::fixture("all-features");
    p.edit(
        "customers/everything.yaml",
        "name: Everything Inc.",
        "name: '<script>alert(1)</script> & co'",
    );
    let site = p.site();
    for file in [
        "everything/rollout/nl/affiche.html",
        "everything/rollout/en/poster.html",
    ] {
        let html = site.file(file);
        assert!(!html.contains("<script>"), "{file}: {html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co"),
            "{file}"
        );
    }
}

#[test]
fn a_second_poster_in_an_audience_is_an_error_at_its_layout() {
    let p = Project::fixture("all-features");
    p.write("content/nl/rollout/tweede.md", POSTER_NL)
        .write("content/en/rollout/tweede.md", POSTER_NL);
    let errors = p.errors();
    let mut second: Vec<_> = errors
        .iter()
        .filter(|d| d.message.contains("already has a poster: `"))
        .map(|d| (d.file(), d.line(), d.column()))
        .collect();
    second.sort();
    assert_eq!(
        second,
        [
            ("content/en/rollout/tweede.md", 4, 1),
            ("content/nl/rollout/tweede.md", 4, 1)
        ],
        "{errors:?}"
    );
}

#[test]
fn an_unknown_layout_is_an_error_naming_the_one_there_is() {
    let p = Project::fixture("all-features");
    p.write(
        "content/nl/rollout/poster.md",
        &POSTER_NL.replace("layout: poster", "layout: affiche"),
    );
    let errors = p.errors();
    let d = find(&errors, "there is no layout `affiche`");
    assert_eq!(d.file(), "content/nl/rollout/poster.md");
    assert!(
        d.help.as_deref().is_some_and(|h| h.contains("`poster`")),
        "{d:?}"
    );
}

#[test]
fn poster_of_every_example_prints_on_exactly_one_a4_page() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    Command::cargo_bin("handboek")
        .expect("binary")
        .current_dir(dir.path())
        .args(["build", "--quiet"])
        .assert()
        .success();
    let public = dir.path().join("public");
    let chromium = handboek::pdf::find_chromium(None).expect("chromium");
    let mut printed = Vec::new();
    for customer in std::fs::read_dir(&public).expect("public").flatten() {
        for (lang, file) in [("nl", "affiche.html"), ("en", "poster.html")] {
            let html = customer.path().join("rollout").join(lang).join(file);
            if !html.is_file() {
                continue;
            }
            // The same printing as `build --pdf`: Chromium, headless.
            let pdfs =
                handboek::pdf::print_pdfs(&chromium, std::slice::from_ref(&html)).expect("prints");
            let (pages, size) = pdfinfo(&pdfs[0]);
            assert_eq!(pages, 1, "{} prints on {pages} pages", html.display());
            assert!(size.contains("(A4)"), "{}: {size}", html.display());
            printed.push(html);
        }
    }
    // Five examples, four of them in both languages.
    assert_eq!(printed.len(), 9, "{printed:?}");
}
