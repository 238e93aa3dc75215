//! Raw HTML in a page: nothing loaded from another host (an error at its place, with the
//! fix), no comments published (not in the page, the print edition or the search index),
//! `<a name>` as an `id`, and code blocks a keyboard can scroll.

use crate::fixture::{Project, find};

/// The app-only project with the employee page `extra`, the same in both languages.
fn with_page(body: &str) -> Project {
    let p = Project::fixture("app-only");
    let page = format!("---\ntitle: Extra\norder: 90\nverified: 2026-11-01\n---\n{body}");
    p.write("content/nl/employee/extra.md", &page);
    p.write("content/en/employee/extra.md", &page);
    p
}

const EN: &str = "content/en/employee/extra.md";

#[test]
fn html_that_loads_from_another_host_is_an_error_at_its_place() {
    let body = "Intro.\n\n<img src=\"https://user-images.githubusercontent.com/113788/a.png\" alt=\"x\">\n\n<script src=\"//cdn.example.com/x.js\"></script>\n\n<iframe src=\"https://www.youtube.com/embed/abc\" title=\"v\"></iframe>\n\n<link rel=\"stylesheet\" href=\"https://fonts.googleapis.com/css\">\n\nText <img srcset=\"small.png 1x, https://x.nl/big.png 2x\" alt=\"\"> and <span style=\"background: url('https://x.nl/bg.png')\">x</span>.\n\n<style>\nbody { background: url(https://x.nl/a.png) }\n</style>\n\n<video poster=\"https://x.nl/p.png\"></video>\n\n<object data=\"https://x.nl/x.swf\"></object>\n";
    let errors = with_page(body).errors();
    let at = |needle: &str| {
        let d = find(&errors, needle);
        assert_eq!(d.file().replace("/nl/", "/en/"), EN, "{}", d.summary());
        (d.line(), d.column())
    };
    assert_eq!(
        at("`<img>` loads `https://user-images.githubusercontent.com/113788/a.png`"),
        (8, 11)
    );
    assert_eq!(at("`<script>` loads `//cdn.example.com/x.js`"), (10, 14));
    assert_eq!(at("`<iframe>` loads"), (12, 14));
    assert_eq!(at("`<link>` loads"), (14, 30));
    assert_eq!(at("`<img>` loads `https://x.nl/big.png`"), (16, 33));
    assert_eq!(at("`<span>` loads `https://x.nl/bg.png`"), (16, 100));
    assert_eq!(at("`<style>` loads `https://x.nl/a.png`"), (19, 24));
    assert_eq!(at("`<video>` loads"), (22, 16));
    assert_eq!(at("`<object>` loads"), (24, 15));
    let img = find(&errors, "githubusercontent");
    assert!(
        img.help
            .as_deref()
            .unwrap_or("")
            .contains("`![what it shows](media/a.png)`"),
        "{img}"
    );
    let iframe = find(&errors, "`<iframe>`");
    assert!(
        iframe
            .help
            .as_deref()
            .unwrap_or("")
            .contains("`[Watch the video](https://www.youtube.com/embed/abc)`"),
        "{iframe}"
    );
}

#[test]
fn regression_html_comments_with_learn_front_matter_are_not_published() {
    let body = "Voor.\n\n<!--\nms.author: justinha\nauthor: justinha\n-->\n\nNa <!-- geheime notitie --> tekst.\n";
    let site = with_page(body).site();
    for file in [
        "appco/employee/nl/extra.html",
        "appco/employee/nl/handboek.html",
        "appco/employee/nl/search-index.js",
    ] {
        let text = site.file(file);
        for secret in ["justinha", "geheime", "<!--"] {
            assert!(!text.contains(secret), "{file} holds `{secret}`");
        }
    }
    assert!(
        site.file("appco/employee/nl/extra.html")
            .contains("<p>Na  tekst.</p>")
    );
}

#[test]
fn a_name_anchors_become_ids_in_the_site_and_the_print_edition() {
    let body = "<a name='oud-anker'></a>\n\n## Kop\n\nZie [boven](#oud-anker).\n";
    let site = with_page(body).site();
    let page = site.file("appco/employee/nl/extra.html");
    assert!(page.contains("<a id=\"oud-anker\"></a>"), "{page}");
    assert!(page.contains("href=\"#oud-anker\""));
    let print = site.file("appco/employee/nl/handboek.html");
    assert!(print.contains("<a id=\"extra--oud-anker\"></a>"));
    assert!(print.contains("href=\"#extra--oud-anker\""));
    assert!(!print.contains("name='oud-anker'"));
}

#[test]
fn code_blocks_can_be_scrolled_from_the_keyboard_and_have_a_name() {
    let body = "```powershell\nGet-EntraUser -All -Select Id, UserPrincipalName, DisplayName, Mail, JobTitle, Department\n```\n\n    indented\n";
    let site = with_page(body).site();
    let nl = site.file("appco/employee/nl/extra.html");
    assert!(nl.contains("<pre tabindex=\"0\" role=\"group\" aria-label=\"Code (powershell)\"><code class=\"language-powershell\">Get-EntraUser"), "{nl}");
    assert!(nl.contains("<pre tabindex=\"0\" role=\"group\" aria-label=\"Code\"><code>indented"));
}
