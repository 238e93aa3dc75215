//! Links in the output as a browser follows them: every relative `href` and `src` of every
//! HTML file of a customer's folder leads to a file of that folder, and every `#fragment`
//! to an id in the file it points at — in the site pages and in the print edition. This
//! checks the theme's templates as much as the pages (a page's own links are also checked
//! while rendering, with their source line). A link that comes from a page's own text is
//! reported at its place in the page's `.md`, where the author can fix it.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::Library;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::lang::Lang;
use crate::output::Tree;

/// The ids of each HTML file of one customer's folder.
pub type Ids = BTreeMap<String, BTreeSet<String>>;

/// A link of a built file that leads nowhere: the problem at its place in the file, the
/// file (relative to the customer's folder) and the link as the file has it.
pub struct Broken {
    pub diagnostic: Diagnostic,
    pub file: String,
    pub target: String,
}

/// Checks the links of every HTML file in `tree` (the folder of `customer`); returns the
/// problems and the ids of each HTML file.
pub fn check_tree(customer: &str, tree: &Tree) -> (Vec<Broken>, Ids) {
    let html: Vec<(&String, &str)> = tree
        .iter()
        .filter(|(rel, _)| rel.ends_with(".html"))
        .filter_map(|(rel, bytes)| Some((rel, std::str::from_utf8(bytes).ok()?)))
        .collect();
    let ids: Ids = html
        .iter()
        .map(|(rel, text)| {
            let ids = attributes(text, "id").map(|(_, v)| v.to_string()).collect();
            (rel.to_string(), ids)
        })
        .collect();
    let mut found = Vec::new();
    for (rel, text) in &html {
        let mut broken = Vec::new();
        for (offset, target) in attributes(text, "href").chain(attributes(text, "src")) {
            if let Some(problem) = follow(rel, target, tree, &ids) {
                broken.push((offset, target, problem));
            }
        }
        if broken.is_empty() {
            continue;
        }
        let source = Source::new(format!("public/{customer}/{rel}"), *text);
        for (offset, target, problem) in broken {
            let line = text[..offset].matches('\n').count() + 1;
            let column = offset - text[..offset].rfind('\n').map_or(0, |i| i + 1) + 1;
            found.push(Broken {
                diagnostic: Diagnostic::error(problem)
                    .at(&source, Span::new(line, column, target.chars().count()))
                    .help("if the link is in a page, fix it there; if it is in a template of the theme, fix the template."),
                file: rel.to_string(),
                target: target.to_string(),
            });
        }
    }
    (found, ids)
}

/// The broken links, each at its place in the page it was written in when it is a page's
/// own (a raw HTML link or a `#fragment` of the page's text), else in the built file.
pub fn at_sources(broken: Vec<Broken>, library: &Library) -> Diagnostics {
    broken
        .into_iter()
        .map(|b| in_page(&b, library).unwrap_or(b.diagnostic))
        .collect()
}

/// `broken` at its place in a page's `.md`, if a page of its file wrote it.
fn in_page(broken: &Broken, library: &Library) -> Option<Diagnostic> {
    let mut parts = broken.file.rsplitn(3, '/');
    let file = parts.next()?;
    let lang = Lang::parse(parts.next()?)?;
    let audience = parts.next()?;
    let slug = file.strip_suffix(".html")?;
    let pages = library
        .pages
        .iter()
        .filter(|p| p.lang == lang && p.audience.dir() == audience);
    // In the print edition a page's `#id` is `#<slug>--id` (on its own page `#id`), and a
    // link to a file may come from any page.
    let (written, pages): (String, Vec<_>) = match pages.clone().find(|p| p.slug == slug) {
        Some(page) => (broken.target.clone(), vec![page]),
        None => match broken.target.strip_prefix('#') {
            Some(fragment) => {
                let (prefix, id) = fragment.split_once("--")?;
                (
                    format!("#{id}"),
                    pages.filter(|p| p.slug == prefix).collect(),
                )
            }
            None => (broken.target.clone(), pages.collect()),
        },
    };
    pages.into_iter().find_map(|page| {
        let text = &page.source.text;
        let at = ["(", "\"", "'"]
            .iter()
            .find_map(|open| text.find(&format!("{open}{written}")).map(|i| i + 1))?;
        let line = text[..at].matches('\n').count() + 1;
        let column = text[..at].rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        let (message, help) = match written.strip_prefix('#') {
            Some(id) => (
                format!("links to `{written}`, but the page has no id `{id}`"),
                "link to a heading of this page by its id (give it one with `## Title {#id}`), or remove the link.",
            ),
            None => (
                format!("links to `{written}`, which is no file of the handbook"),
                "link to another page by its file name (`page.md`), to a picture as `![…](path under assets/)`, or to an https address.",
            ),
        };
        Some(
            Diagnostic::error(message)
                .at(&page.source, Span::new(line, column, written.chars().count()))
                .help(help),
        )
    })
}

/// What is wrong with following `target` from the file `from`, if anything.
fn follow(from: &str, target: &str, tree: &Tree, ids: &Ids) -> Option<String> {
    let target = target.replace("&amp;", "&");
    let scheme = target
        .split_once(':')
        .is_some_and(|(s, _)| !s.contains('/') && !s.contains('#'));
    if scheme || target.is_empty() {
        return None;
    }
    let (path, fragment) = match target.split_once('#') {
        Some((p, f)) => (p, Some(f)),
        None => (target.as_str(), None),
    };
    let file = match path {
        "" => from.to_string(),
        path => match resolve(from, &percent_decode(path)) {
            Some(file) => file,
            None => {
                return Some(format!(
                    "links to `{target}`, outside the customer's folder"
                ));
            }
        },
    };
    if !tree.contains_key(&file) {
        return Some(format!("links to `{target}`: there is no `{file}`"));
    }
    match fragment {
        Some(id) if !ids.get(&file).is_some_and(|ids| ids.contains(id)) => {
            Some(format!("links to `{target}`: `{file}` has no id `{id}`"))
        }
        _ => None,
    }
}

/// The path of `path` relative to the file `from`, or `None` if it leaves the folder.
fn resolve(from: &str, path: &str) -> Option<String> {
    let folder = from.rsplit_once('/').map_or("", |(folder, _)| folder);
    crate::files::join_relative(folder, path)
}

fn percent_decode(path: &str) -> String {
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = bytes
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (bytes[i], hex) {
            (b'%', Some(b)) => {
                out.push(b);
                i += 3;
            }
            (b, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The values of the attribute `name` (written `name="…"`) with their byte offsets.
fn attributes<'t>(text: &'t str, name: &str) -> impl Iterator<Item = (usize, &'t str)> {
    let needle = format!(" {name}=\"");
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + text[at..].find(&needle)? + needle.len();
        let end = start + text[start..].find('"')?;
        at = end;
        Some((start, &text[start..end]))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::tree_of as tree;

    fn problems(files: &[(&str, &str)]) -> Vec<String> {
        let (broken, _) = check_tree("klant", &tree(files));
        broken.iter().map(|b| b.diagnostic.summary()).collect()
    }

    #[test]
    fn links_between_pages_and_their_anchors_resolve() {
        let ok = [
            (
                "employee/nl/a.html",
                "<a href=\"b.html#stap-2\">B</a> <a href=\"#top\" id=\"top\">",
            ),
            (
                "employee/nl/b.html",
                "<h2 id=\"stap-2\">Stap</h2><img src=\"../assets/x%20y.png\">",
            ),
            ("employee/assets/x y.png", ""),
        ];
        assert!(problems(&ok).is_empty(), "{:?}", problems(&ok));
    }

    #[test]
    fn missing_files_anchors_and_escapes_are_reported_with_their_place() {
        let found = problems(&[
            (
                "employee/nl/a.html",
                "<p>\n  <a href=\"c.html\">C</a>\n<a href=\"b.html#nope\">",
            ),
            ("employee/nl/b.html", "<h2 id=\"ja\">"),
            ("employee/index.html", "<a href=\"../../elders.html\">"),
        ]);
        assert_eq!(found.len(), 3, "{found:?}");
        assert!(
            found
                .iter()
                .any(|f| f.starts_with("public/klant/employee/nl/a.html:2:12: links to `c.html`")),
            "{found:?}"
        );
        assert!(found.iter().any(|f| f.contains("has no id `nope`")));
        assert!(
            found
                .iter()
                .any(|f| f.contains("outside the customer's folder"))
        );
    }

    #[test]
    fn other_schemes_are_not_followed() {
        let found = problems(&[(
            "a.html",
            "<a href=\"https://x.nl/#y\"></a><a href=\"tel:+31201234567\"></a><a href=\"mailto:a@b.nl\"></a>",
        )]);
        assert!(found.is_empty(), "{found:?}");
    }
}
