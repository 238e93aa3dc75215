//! Pages pasted from Microsoft Learn (`tests/fixtures/learn-pasted`: six real Learn source
//! pages, as they are, in both languages; see its README) get every problem in one run, each
//! at its own line and column with the fix; and the same pages with the fixes those
//! messages ask for (`learn-fixed`) build clean: figures, no DocFX, no comments, nothing
//! from the internet.

use handboek::check::{CheckOptions, check};
use handboek::date::Date;
use handboek::diagnostics::{Diagnostic, Severity};
use handboek::files::Files;

use crate::fixture::{Project, content_of, find};

/// Every problem of a build as `file:line:col: message`, with `lang`'s folder left out of
/// the file name.
fn summaries(diags: &[Diagnostic], lang: &str) -> Vec<String> {
    let prefix = format!("content/{lang}/");
    diags
        .iter()
        .filter(|d| d.file().starts_with(&prefix))
        .map(|d| {
            let severity = match d.severity {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            format!("{severity} {}", d.summary().replacen(&prefix, "", 1))
        })
        .collect()
}

fn help<'a>(diags: &'a [Diagnostic], file: &str, line: usize) -> &'a str {
    diags
        .iter()
        .find(|d| d.file() == file && d.line() == line)
        .and_then(|d| d.help.as_deref())
        .unwrap_or_else(|| panic!("no diagnostic at {file}:{line}"))
}

#[test]
fn pasted_learn_pages_get_every_problem_in_one_run_at_its_place() {
    let build = Project::fixture("learn-pasted").build();
    let diags: Vec<Diagnostic> = build.diagnostics.into_iter().collect();
    let en = summaries(&diags, "en");
    // Both languages hold the same pasted text: the same problems at the same places.
    assert_eq!(en, summaries(&diags, "nl"));
    insta::assert_snapshot!(en.join("\n"));
}

#[test]
fn pasted_learn_problems_say_what_to_write_instead() {
    let diags: Vec<Diagnostic> = Project::fixture("learn-pasted")
        .build()
        .diagnostics
        .into_iter()
        .collect();
    let admin = "content/en/admin/";
    let tutorial = format!("{admin}tutorial-enable-azure-mfa.md");
    assert!(help(&diags, &tutorial, 8).contains("not the day you checked the steps"));
    let missing = find(&diags, "the front matter has no `verified` date");
    assert!(
        missing
            .help
            .as_deref()
            .unwrap_or("")
            .contains("the `ms.date` on line"),
        "{missing}"
    );
    assert!(help(&diags, &tutorial, 51).contains("paste the text it stands for"));
    assert!(help(&diags, &tutorial, 29).contains("a list stays a list"));
    assert!(help(&diags, &tutorial, 55).contains(
        "save it as `assets/media/tutorial-enable-azure-mfa/conditional-access-overview.png`"
    ));
    assert!(help(&diags, &tutorial, 44).contains(
        "most likely `https://learn.microsoft.com/entra/fundamentals/add-users` (a guess"
    ));
    let installation = format!("{admin}installation.md");
    assert!(help(&diags, &installation, 33).contains("`{{#if …}}`"));
    assert!(help(&diags, &installation, 89).contains("the `::: zone` line 33"));
    assert!(help(&diags, &installation, 29).contains(
        "write its address, `https://learn.microsoft.com/powershell/scripting/install/installing-powershell-on-windows`"
    ));
    let set_up = format!("{admin}set-up-multi-factor-authentication.md");
    assert!(help(&diags, &set_up, 41).contains(
        "`[Watch the video](https://www.microsoft.com/videoplayer/embed/RE2MuO3?autoplay=false)`"
    ));
    let passkey = "content/en/employee/how-to-register-passkey-authenticator.md";
    assert!(help(&diags, passkey, 27).contains("`## iOS`"));
    assert!(help(&diags, passkey, 347).contains("remove it"));
}

#[test]
fn learn_pages_with_the_fixes_the_messages_ask_for_build_clean() {
    let project = Project::fixture("learn-fixed");
    let site = project.site();
    let report = check(
        &Files::project(project.path()),
        &CheckOptions {
            today: Date::parse("2026-12-03").expect("date"),
        },
    )
    .expect("check runs");
    assert_eq!(
        (report.errors(), report.warnings()),
        (0, 0),
        "{}",
        report.diagnostics
    );
    let pages: Vec<(String, String)> = site
        .html_files()
        .into_iter()
        .filter(|(p, _)| p.starts_with("learnco/"))
        .collect();
    for (path, html) in &pages {
        for raw in [
            ":::",
            "[!",
            "#tab/",
            "<!--",
            " src=\"http",
            "ms.author",
            "justinha",
        ] {
            assert!(!html.contains(raw), "{path} shows `{raw}`");
        }
    }
    for index in [
        "learnco/admin/en/search-index.js",
        "learnco/employee/nl/search-index.js",
    ] {
        let text = site.file(index);
        for raw in [":::", "[!INCLUDE", "zone pivot", "justinha"] {
            assert!(!text.contains(raw), "{index} holds `{raw}`");
        }
    }
    let tutorial = site.file("learnco/admin/en/tutorial-enable-azure-mfa.html");
    assert_eq!(
        tutorial
            .matches(
                "<figure class=\"figure\"><img src=\"../assets/media/tutorial-enable-azure-mfa/"
            )
            .count(),
        12
    );
    assert!(
        tutorial
            .contains("<a id=\"configure-the-conditions-for-multi-factor-authentication\"></a>")
    );
    let print = site.file("learnco/admin/en/handbook.html");
    assert!(print.contains("<a id=\"tutorial-enable-azure-mfa--configure-the-conditions-for-multi-factor-authentication\"></a>"));
    assert!(print.contains(
        "alt=\"Overview diagram of how Conditional Access works to secure the sign-in process\""
    ));
    let per_user = site.file("learnco/admin/en/how-to-manage-per-user-mfa.html");
    assert!(per_user.contains("<pre tabindex=\"0\" role=\"group\" aria-label=\"Code (powershell)\"><code class=\"language-powershell\">"));
    let passkey = site.file("learnco/employee/nl/how-to-register-passkey-authenticator.html");
    assert_eq!(passkey.matches("<figure").count(), 48);
    insta::assert_snapshot!(section(&tutorial, "create-a-conditional-access-policy"));
}

/// The section of a page that starts at the `<h2>` with `id`, up to the next `<h2>`.
fn section(html: &str, id: &str) -> String {
    let content = content_of(html);
    let start = content
        .find(&format!("<h2 id=\"{id}\">"))
        .expect("the section");
    let end = content[start + 1..]
        .find("<h2")
        .map_or(content.len(), |i| start + 1 + i);
    content[start..end].to_string()
}
