//! Customer values are escaped wherever they land.

use crate::fixture::Project;

const NASTY: &str = r#"<script>alert(1)</script> & "quotes""#;

#[test]
fn customer_name_is_escaped_on_every_page_in_attributes_and_in_print() {
    let project = Project::fixture("all-features");
    project
        .edit(
            "customers/everything.yaml",
            "name: Everything Inc.",
            "name: '<script>alert(1)</script> & \"quotes\"'",
        )
        .edit(
            "customers/everything.yaml",
            "short_name: Everything",
            "short_name: '<b>short</b>'",
        );
    let site = project.site();
    let escaped_text = "&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;";
    let mut pages = 0;
    for (path, html) in site.html_files() {
        assert!(
            !html.contains(NASTY) && !html.contains("<script>"),
            "{path} has the raw name"
        );
        assert!(
            !html.contains("<b>short</b>"),
            "{path} has the raw short name"
        );
        if path.starts_with("everything/") {
            assert!(
                html.contains(escaped_text),
                "{path} does not show the escaped name"
            );
            pages += 1;
        }
    }
    assert!(pages > 20, "only {pages} pages checked");
    let print = site.file("everything/employee/nl/handboek.html");
    assert!(
        print.contains(&format!("alt=\"{escaped_text}\"")),
        "name in an attribute of the print cover"
    );
    assert!(print.contains(&format!("<title>MFA-handboek · {escaped_text}</title>")));
}

#[test]
fn helpdesk_text_values_are_escaped_in_page_text() {
    let project = Project::fixture("app-only");
    project.write(
        "customers/appco.yaml",
        "name: Appco\nhelpdesk:\n  name: '<img src=x onerror=alert(1)>'\n  hours: '\"><svg onload=alert(1)>'\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n",
    );
    let site = project.site();
    for (path, html) in site.html_files() {
        assert!(!html.contains("<img src=x"), "{path}");
        assert!(!html.contains("<svg onload"), "{path}");
    }
    assert!(
        site.file("appco/employee/nl/index.html")
            .contains("&lt;img src=x onerror=alert(1)&gt;")
    );
}
