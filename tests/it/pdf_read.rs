//! Reading a printed PDF the way a reader (and poppler) sees it: text per page, named
//! destinations, bookmarks, metadata; and the print edition it was printed from.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

/// One print edition and the PDF printed from it.
pub struct Printed {
    pub pdf: PathBuf,
    pub html: String,
    /// The text of each page (index 0 is page 1), as `pdftotext -layout` gives it.
    pub pages: Vec<String>,
}

fn run(program: &str, args: &[&str], pdf: &Path) -> String {
    let out = Command::new(program)
        .args(args)
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap_or_else(|e| panic!("{program} runs: {e}"));
    assert!(out.status.success(), "{program} {args:?} {}", pdf.display());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

impl Printed {
    pub fn read(pdf: &Path) -> Printed {
        let html = std::fs::read_to_string(pdf.with_extension("html")).expect("print edition");
        let count = info(pdf)["Pages"].parse::<usize>().expect("page count");
        let pages = (1..=count)
            .map(|i| {
                let n = i.to_string();
                run("pdftotext", &["-layout", "-f", &n, "-l", &n], pdf)
            })
            .collect();
        Printed {
            pdf: pdf.to_path_buf(),
            html,
            pages,
        }
    }

    pub fn name(&self) -> String {
        let parts: Vec<String> = self
            .pdf
            .components()
            .rev()
            .take(4)
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        parts.into_iter().rev().collect::<Vec<_>>().join("/")
    }

    /// Page `n`'s text (from 1) with whitespace collapsed and soft hyphens gone.
    pub fn page_text(&self, n: usize) -> String {
        self.pages.get(n - 1).map_or(String::new(), |t| flat(t))
    }

    /// The lines of page `n` that hold text, without the running header and footer
    /// (every page but the cover has both).
    pub fn body_lines(&self, n: usize) -> Vec<String> {
        let lines: Vec<String> = self.pages[n - 1]
            .lines()
            .filter(|l| l.chars().any(char::is_alphanumeric))
            .map(|l| l.trim().to_string())
            .collect();
        match n {
            1 => lines,
            _ => lines
                .get(1..lines.len().saturating_sub(1))
                .unwrap_or_default()
                .to_vec(),
        }
    }
}

/// Text with whitespace collapsed, soft hyphens removed and words broken at a line's
/// end by a hyphen joined again.
pub fn flat(text: &str) -> String {
    let text = text.replace('\u{ad}', "").replace("\u{2010}\n", "");
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `pdfinfo`'s fields.
pub fn info(pdf: &Path) -> BTreeMap<String, String> {
    let out = Command::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

/// The page of every named destination, from `pdfinfo -dests`.
pub fn destinations(pdf: &Path) -> BTreeMap<String, usize> {
    let out = Command::new("pdfinfo")
        .arg("-dests")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .skip(1)
        .filter_map(|line| {
            let page = line.split_whitespace().next()?.parse().ok()?;
            let name = line.rsplit_once(" \"")?.1.strip_suffix('"')?;
            Some((name.to_string(), page))
        })
        .collect()
}

/// The bookmarks as (depth, title, page), from poppler's `pdftohtml -xml`.
pub fn bookmarks(pdf: &Path) -> Vec<(usize, String, usize)> {
    let xml = run(
        "pdftohtml",
        &["-xml", "-i", "-q", "-stdout", "-f", "1", "-l", "1"],
        pdf,
    );
    let mut rows = Vec::new();
    let mut depth = 0usize;
    let mut rest = xml.as_str();
    while let Some(at) = rest.find('<') {
        rest = &rest[at..];
        if let Some(after) = rest.strip_prefix("<outline>") {
            depth += 1;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("</outline>") {
            depth -= 1;
            rest = after;
        } else if let Some(after) = rest.strip_prefix("<item page=\"") {
            let (page, after) = after.split_once("\">").expect("item");
            let (title, after) = after.split_once("</item>").expect("item end");
            let title = title
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&#34;", "\"")
                .replace("&#39;", "'");
            rows.push((depth - 1, title, page.parse().expect("page")));
            rest = after;
        } else {
            rest = &rest[1..];
        }
    }
    rows
}

/// The print edition's contents: (depth, title, target id), in order.
pub fn contents(html: &str) -> Vec<(usize, String, String)> {
    let doc = scraper::Html::parse_document(html);
    let entry = scraper::Selector::parse("nav.print-toc .toc-entry > a").expect("selector");
    doc.select(&entry)
        .map(|a| {
            let depth = a
                .ancestors()
                .filter(|n| n.value().as_element().is_some_and(|e| e.name() == "ol"))
                .count()
                - 1;
            let title: String = a.text().collect();
            let id = a
                .value()
                .attr("href")
                .expect("href")
                .trim_start_matches('#');
            (depth, title.trim().to_string(), id.to_string())
        })
        .collect()
}

/// Every cross-reference of the print edition: its target id and the target's text (the
/// heading or chapter title it leads to), in order.
pub fn cross_references(html: &str) -> Vec<(String, String)> {
    let doc = scraper::Html::parse_document(html);
    let refs = scraper::Selector::parse(".page-ref[data-ref]").expect("selector");
    doc.select(&refs)
        .map(|span| {
            let id = span.value().attr("data-ref").expect("data-ref").to_string();
            let target = scraper::Selector::parse(&format!("[id=\"{id}\"]")).expect("id");
            let element = doc.select(&target).next().expect("target exists");
            let heading = scraper::Selector::parse("h2, h3, h4").expect("selector");
            let text: String = match element.value().name() {
                "section" => element
                    .select(&heading)
                    .next()
                    .expect("title")
                    .text()
                    .collect(),
                _ => element.text().collect(),
            };
            (id, flat(&text))
        })
        .collect()
}
