//! `handboek build --pdf`: real PDF files of the print editions, printed by Chromium, read
//! back with poppler: page numbers, cross-references, bookmarks, metadata, no near-empty
//! pages.

use std::path::{Path, PathBuf};
use std::process::Command as Process;
use std::sync::OnceLock;

use assert_cmd::Command;

use crate::pdf_read::{Printed, bookmarks, contents, cross_references, destinations, flat, info};

fn have(program: &str, arg: &str) -> bool {
    Process::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the tools are here; in CI they must be.
pub fn tools_present() -> bool {
    let present = have("chromium", "--version") && have("pdfinfo", "-v") && have("pdftohtml", "-v");
    assert!(
        present || std::env::var_os("CI").is_none(),
        "CI must install chromium and poppler-utils for the PDF test"
    );
    if !present {
        eprintln!("skipped: install chromium and poppler-utils to run the PDF test");
    }
    present
}

/// The built-in examples, built once with `--pdf` for every test here (printing them all
/// takes a while); `None` when the tools are missing outside CI.
fn printed_examples() -> Option<&'static [Printed]> {
    static BUILT: OnceLock<(tempfile::TempDir, Vec<Printed>)> = OnceLock::new();
    if !tools_present() {
        return None;
    }
    let (_, printed) = BUILT.get_or_init(|| {
        let dir = tempfile::tempdir().expect("tmp");
        Command::cargo_bin("handboek")
            .expect("binary")
            .current_dir(dir.path())
            .args(["build", "--pdf", "--quiet", "--out", "public"])
            .assert()
            .success();
        let mut pdfs: Vec<PathBuf> = walkdir::WalkDir::new(dir.path().join("public"))
            .into_iter()
            .filter_map(Result::ok)
            .map(|e| e.into_path())
            .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
            .collect();
        pdfs.sort();
        let printed = pdfs.iter().map(|p| Printed::read(p)).collect();
        (dir, printed)
    });
    Some(printed)
}

/// Fails with every problem found, one per line.
fn assert_none(problems: Vec<String>) {
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn pdf_of_every_print_edition_is_a4_with_a_sane_page_count() {
    let Some(printed) = printed_examples() else {
        return;
    };
    assert_eq!(
        printed.len(),
        27,
        "every audience and language of the examples"
    );
    for p in printed {
        let info = info(&p.pdf);
        assert!(
            info["Page size"].contains("(A4)"),
            "{}: {:?}",
            p.name(),
            info
        );
        assert!(
            (3..=80).contains(&p.pages.len()),
            "{}: {} pages",
            p.name(),
            p.pages.len()
        );
    }
}

#[test]
fn every_contents_entry_gives_the_page_where_its_heading_starts() {
    let Some(printed) = printed_examples() else {
        return;
    };
    let mut problems = Vec::new();
    for p in printed {
        let dests = destinations(&p.pdf);
        // The contents follow the cover; their pages end where the first chapter starts.
        let entries = contents(&p.html);
        let first = dests[&entries[0].2];
        let toc = flat(&p.pages[1..first - 1].join("\n"));
        let mut rest = toc.as_str();
        for (_, title, id) in &entries {
            let Some(at) = rest.find(&format!("{title} ")) else {
                problems.push(format!("{}: \"{title}\" is not in the contents", p.name()));
                continue;
            };
            rest = &rest[at + title.len() + 1..];
            let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
            let Ok(number) = digits.parse::<usize>() else {
                problems.push(format!("{}: \"{title}\" has no page number", p.name()));
                continue;
            };
            if dests.get(id) != Some(&number) {
                problems.push(format!(
                    "{}: \"{title}\" says page {number}, its heading #{id} is on {:?}",
                    p.name(),
                    dests.get(id)
                ));
            }
            if !p.page_text(number).contains(title.as_str()) {
                problems.push(format!("{}: \"{title}\" is not on page {number}", p.name()));
            }
            if id.starts_with("page-") {
                let body = flat(&p.body_lines(number).join(" "));
                if !body.starts_with(title.as_str()) && !body.contains(&format!(" {title}")) {
                    problems.push(format!(
                        "{}: chapter \"{title}\" does not start page {number}",
                        p.name()
                    ));
                }
            }
        }
    }
    assert_none(problems);
}

#[test]
fn every_cross_reference_ends_with_the_page_of_its_target() {
    let Some(printed) = printed_examples() else {
        return;
    };
    let mut problems = Vec::new();
    let mut checked = 0;
    for p in printed {
        let dests = destinations(&p.pdf);
        let refs = cross_references(&p.html);
        let words = match p.html.contains("<html lang=\"nl\"") {
            true => "(zie pagina ",
            false => "(see page ",
        };
        let text = flat(&p.pages.join("\n"));
        let found: Vec<usize> = text
            .split(words)
            .skip(1)
            .filter_map(|rest| rest.split(')').next()?.parse().ok())
            .collect();
        if found.len() != refs.len() {
            problems.push(format!(
                "{}: {} cross-references in the print edition, {} page references in the PDF",
                p.name(),
                refs.len(),
                found.len()
            ));
            continue;
        }
        for ((id, target), page) in refs.iter().zip(found) {
            checked += 1;
            if dests.get(id) != Some(&page) {
                problems.push(format!(
                    "{}: #{id} says page {page}, is on {:?}",
                    p.name(),
                    dests.get(id)
                ));
            }
            if !p.page_text(page).contains(target.as_str()) {
                problems.push(format!("{}: \"{target}\" is not on page {page}", p.name()));
            }
        }
    }
    assert!(checked > 50, "only {checked} cross-references checked");
    assert_none(problems);
}

#[test]
fn bookmarks_mirror_the_contents_and_metadata_names_customer_and_language() {
    let Some(printed) = printed_examples() else {
        return;
    };
    let mut problems = Vec::new();
    for p in printed {
        let dests = destinations(&p.pdf);
        let expected: Vec<(usize, String, usize)> = contents(&p.html)
            .into_iter()
            .map(|(depth, title, id)| (depth, title, dests[&id]))
            .collect();
        let marks = bookmarks(&p.pdf);
        if marks != expected {
            problems.push(format!(
                "{}: bookmarks {marks:?}\n  contents {expected:?}",
                p.name()
            ));
        }
        let info = info(&p.pdf);
        let customer = p
            .html
            .split("<p class=\"cover__customer\">")
            .nth(1)
            .and_then(|r| r.split('<').next())
            .expect("customer");
        let customer = customer.replace("&amp;", "&");
        if info.get("Author") != Some(&customer) {
            problems.push(format!(
                "{}: author {:?}, expected {customer}",
                p.name(),
                info.get("Author")
            ));
        }
        if !info
            .get("Title")
            .is_some_and(|t| t.ends_with(&format!(" · {customer}")))
        {
            problems.push(format!("{}: title {:?}", p.name(), info.get("Title")));
        }
        if info.contains_key("CreationDate") {
            problems.push(format!(
                "{}: a creation date makes every build differ",
                p.name()
            ));
        }
        let doc = lopdf::Document::load(&p.pdf).expect("lopdf reads it");
        let lang = doc
            .catalog()
            .ok()
            .and_then(|c| c.get(b"Lang").ok())
            .and_then(handboek::pdf::outline::read_text);
        let expected_lang = p
            .pdf
            .parent()
            .and_then(|d| d.file_name())
            .map(|d| d.to_string_lossy().into_owned());
        if lang != expected_lang {
            problems.push(format!("{}: /Lang {lang:?}", p.name()));
        }
    }
    assert_none(problems);
}

/// Regression: pages held only a "Need help?" box (four in one 29-page handbook): a page
/// has a few lines, and more than the closing paragraph (or list) of a chapter and the date
/// its steps were checked.
#[test]
fn no_page_of_the_examples_holds_only_a_few_lines_or_a_chapters_closing_lines() {
    let Some(printed) = printed_examples() else {
        return;
    };
    let mut problems = Vec::new();
    for p in printed {
        let closings = closing_blocks(&p.html);
        for n in 2..=p.pages.len() {
            let lines = p.body_lines(n);
            let body = flat(&lines.join("\n"));
            let body = without_dates(&body);
            let only_closing = !body.is_empty() && closings.iter().any(|c| c.contains(&body));
            if lines.len() < MIN_LINES || only_closing {
                problems.push(format!("{} page {n}: {lines:?}", p.name()));
            }
        }
    }
    assert_none(problems);
}

/// The text of the last block of every chapter (of every wave, in a per-wave page).
fn closing_blocks(html: &str) -> Vec<String> {
    let doc = scraper::Html::parse_document(html);
    let last = scraper::Selector::parse(".chapter > :last-child:not(.wave), .wave > :last-child")
        .expect("selector");
    doc.select(&last)
        .map(|e| flat(&e.text().collect::<String>()))
        .collect()
}

/// Text without the sentences saying when a chapter's steps were checked.
fn without_dates(text: &str) -> String {
    let mut out = text.to_string();
    for start in ["Stappen gecontroleerd op ", "Steps checked on "] {
        while let Some(at) = out.find(start) {
            let end = out[at..].find('.').map_or(out.len(), |e| at + e + 1);
            out.replace_range(at..end, "");
        }
    }
    out.trim().to_string()
}

/// "A few lines": a page with less is a page a reader turns over for nothing.
const MIN_LINES: usize = 3;

#[test]
fn pdf_without_a_browser_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = Command::cargo_bin("handboek")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "build",
            "--pdf",
            "--customer",
            "studio-noord",
            "--chromium",
            "/nowhere/chromium",
        ])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("no Chromium at /nowhere/chromium"));
}

/// The page count and page size `pdfinfo` reads from `pdf`.
pub fn pdfinfo(pdf: &Path) -> (usize, String) {
    let out = Process::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    (field("Pages:").parse().unwrap_or(0), field("Page size:"))
}
