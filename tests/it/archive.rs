//! `handboek build --zip`: one archive of the employee handbook per customer and language,
//! the same bytes from the same input.

use std::io::Read;
use std::path::Path;

use assert_cmd::Command;

/// Builds the built-in examples with `--zip` into `out`.
fn build_with_archives(out: &Path) {
    let outside_any_project = tempfile::tempdir().expect("tmp");
    Command::cargo_bin("handboek")
        .expect("binary")
        .args(["build", "--zip", "--quiet", "--out"])
        .arg(out)
        .current_dir(outside_any_project.path())
        .assert()
        .success();
}

fn archives(out: &Path) -> Vec<String> {
    let mut found: Vec<String> = walkdir::WalkDir::new(out)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "zip"))
        .map(|e| {
            let rel = e.path().strip_prefix(out).expect("inside");
            rel.to_string_lossy().replace('\\', "/")
        })
        .collect();
    found.sort();
    found
}

#[test]
fn build_zip_writes_one_archive_per_customer_and_language_with_the_same_bytes_twice() {
    let (first, second) = (
        tempfile::tempdir().expect("tmp"),
        tempfile::tempdir().expect("tmp"),
    );
    build_with_archives(first.path());
    // A second later: a timestamp taken from the clock would show.
    std::thread::sleep(std::time::Duration::from_millis(1100));
    build_with_archives(second.path());
    let names = archives(first.path());
    assert_eq!(
        names,
        [
            "bakkerij-van-dijk/bakkerij-van-dijk-handboek-nl.zip",
            "bakkerij-van-dijk/bakkerij-van-dijk-handbook-en.zip",
            "hofstede-accountants/hofstede-accountants-handboek-nl.zip",
            "hofstede-accountants/hofstede-accountants-handbook-en.zip",
            "studio-noord/studio-noord-handboek-nl.zip",
            "studio-noord/studio-noord-handbook-en.zip",
            "tandartsen-de-kempen/tandartsen-de-kempen-handboek-nl.zip",
            "verhaegen-logistiek/verhaegen-logistiek-handboek-nl.zip",
            "verhaegen-logistiek/verhaegen-logistiek-handbook-en.zip",
        ]
    );
    assert_eq!(archives(second.path()), names);
    for name in &names {
        let a = std::fs::read(first.path().join(name)).expect("first");
        let b = std::fs::read(second.path().join(name)).expect("second");
        assert!(
            a == b,
            "{name} differs between two builds of the same input"
        );
    }
}

#[test]
fn an_archive_holds_one_language_that_works_on_its_own() {
    let out = tempfile::tempdir().expect("tmp");
    build_with_archives(out.path());
    let bytes = std::fs::read(
        out.path()
            .join("bakkerij-van-dijk/bakkerij-van-dijk-handboek-nl.zip"),
    )
    .expect("archive");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let names: Vec<String> = zip
        .file_names()
        .map(|n| n.expect("name").into_owned())
        .collect();
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted, "entries are sorted");
    let root = "bakkerij-van-dijk-handboek-nl/";
    for needed in [
        "index.html",
        "nl/index.html",
        "nl/handboek.html",
        "nl/search-index.js",
        "static/style.css",
        "assets/logos/bakkerij-van-dijk.svg",
    ] {
        assert!(
            names.contains(&format!("{root}{needed}")),
            "{needed} missing: {names:?}"
        );
    }
    assert!(
        !names.iter().any(|n| n.contains("/en/")),
        "the English pages are in their own archive: {names:?}"
    );
    let mut read = |name: &str| {
        let mut text = String::new();
        zip.by_name(&format!("{root}{name}"))
            .expect(name)
            .read_to_string(&mut text)
            .expect("utf-8");
        text
    };
    assert!(read("index.html").contains("url=nl/index.html"));
    let page = read("nl/faq.html");
    assert!(
        !page.contains("../en/"),
        "no link to a language the archive lacks"
    );
    assert!(page.contains("../static/style.css"));
}
