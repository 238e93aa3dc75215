//! Parts: pages grouped in folders with a `_part.yaml`, shown as an opened or closed group
//! in the menu and as a titled group in the print edition.

use crate::fixture::Project;

const PAGE: &str = "---\ntitle: {title}\norder: {order}\nverified: 2026-11-01\n---\n{body}\n";

fn page(title: &str, order: u32, body: &str) -> String {
    PAGE.replace("{title}", title)
        .replace("{order}", &order.to_string())
        .replace("{body}", body)
}

/// The app-only fixture with an admin part `tenant` of two pages in both languages.
pub fn with_part() -> Project {
    let p = Project::fixture("app-only");
    for (lang, title, a, b, see, text) in [
        (
            "nl",
            "De tenant",
            "Beleid",
            "Rapporten",
            "Zie de [rapporten]",
            "De export staat onder Rapporten.",
        ),
        (
            "en",
            "The tenant",
            "Policies",
            "Reports",
            "See the [reports]",
            "The export is under Reports.",
        ),
    ] {
        p.write(
            &format!("content/{lang}/admin/tenant/_part.yaml"),
            &format!("title: {title}\norder: 5\n"),
        );
        p.write(
            &format!("content/{lang}/admin/tenant/policies.md"),
            &page(a, 1, &format!("{see}(reports.md#export).\n")),
        );
        p.write(
            &format!("content/{lang}/admin/tenant/reports.md"),
            &page(b, 2, &format!("## Export {{#export}}\n\n{text}\n")),
        );
    }
    p
}

#[test]
fn a_part_opens_in_the_menu_only_on_its_own_pages() {
    let site = with_part().site();
    let inside = site.file("appco/admin/nl/policies.html");
    assert!(inside.contains("class=\"chapters__part\""), "{inside}");
    assert!(inside.contains("<a href=\"reports.html\">Rapporten</a>"));
    assert!(inside.contains("href=\"reports.html#export\""));
    let index = site.file("appco/admin/nl/index.html");
    assert!(index.contains(">De tenant</a>"), "the part is in the menu");
    assert!(
        !index.contains(">Rapporten</a>"),
        "a closed part does not list its pages"
    );
}

#[test]
fn the_menu_marks_the_current_page_once_and_escapes_titles() {
    let p = with_part();
    p.write(
        "content/nl/admin/tenant/_part.yaml",
        "title: \"Tenant & <beheer>\"\norder: 5\n",
    );
    let site = p.site();
    let inside = site.file("appco/admin/nl/reports.html");
    let menu = &inside[inside.find("<nav class=\"chapters\"").expect("menu")..];
    let menu = &menu[..menu.find("</nav>").expect("menu ends")];
    assert_eq!(menu.matches("aria-current=\"page\"").count(), 1, "{menu}");
    assert!(menu.contains("<a href=\"reports.html\" aria-current=\"page\">Rapporten</a>"));
    assert!(menu.contains("<a href=\"policies.html\">Beleid</a>"));
    assert!(
        menu.contains("class=\"chapters__open\">Tenant &amp; &lt;beheer&gt;</a>"),
        "{menu}"
    );
    let outside = site.file("appco/admin/nl/index.html");
    let menu = &outside[outside.find("<nav class=\"chapters\"").expect("menu")..];
    let menu = &menu[..menu.find("</nav>").expect("menu ends")];
    assert!(
        menu.contains("<a href=\"index.html\" aria-current=\"page\">"),
        "{menu}"
    );
    assert!(
        menu.contains(">Tenant &amp; &lt;beheer&gt;</a></li>"),
        "closed: {menu}"
    );
    assert!(!menu.contains("chapters__open"));
}

#[test]
fn the_print_edition_titles_each_part_once() {
    let site = with_part().site();
    let print = site.file("appco/admin/en/handbook.html");
    assert_eq!(
        print
            .matches("<p class=\"part-title\">The tenant</p>")
            .count(),
        1
    );
    let toc_part = print.find("print-toc__part").expect("part in the contents");
    let policies = print
        .find("href=\"#page-policies\"")
        .expect("page in contents");
    assert!(toc_part < policies);
}

#[test]
fn part_mistakes_are_reported_with_the_fix() {
    let p = with_part();
    std::fs::remove_file(p.path().join("content/en/admin/tenant/_part.yaml")).unwrap();
    p.write(
        "content/nl/admin/other/policies.md",
        &page("Dubbel", 1, "Tekst."),
    );
    p.write("content/nl/admin/other/_part.yaml", "title: Ander deel\n");
    let errors: Vec<String> = p.errors().iter().map(|d| d.summary()).collect();
    let all = errors.join("\n");
    assert!(
        all.contains("the part `tenant` has no `_part.yaml`"),
        "{all}"
    );
    assert!(all.contains("two pages are called `policies`"), "{all}");
}
