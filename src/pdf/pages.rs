//! Page numbers in the PDF: Chromium does not implement `target-counter()`, so the print
//! edition is printed, the page of every link target is read from the PDF's named
//! destinations (Chromium writes one for each element a link points to), and the print
//! edition is printed again with those numbers filled in; until the numbers printed are
//! the pages the targets are on.
//!
//! A number goes into an empty `<span data-ref="ID"></span>`: the contents' entries and
//! every cross-reference have one. In a browser the span stays empty.

use std::collections::{BTreeMap, BTreeSet};

use anyhow::{Context, Result, bail};
use lopdf::{Document, Object};

const REF: &str = "data-ref=\"";
const EMPTY_END: &str = "\"></span>";

/// What a number stands in for before the first printing: two digits, as most targets
/// of a handbook are past page 9 (a wrong guess only costs one more printing).
const GUESS: u32 = 88;

/// How many printings may pass before the numbers must have settled. Two is the rule:
/// the guesses, then the numbers; a number that moves a line to another page costs one more.
pub const MAX_PRINTINGS: usize = 4;

/// The ids that empty `data-ref` spans of `html` ask the page of, in order of first use.
pub fn page_refs(html: &str) -> Vec<String> {
    let mut seen = BTreeSet::new();
    let mut refs = Vec::new();
    let mut rest = html;
    while let Some(at) = rest.find(REF) {
        rest = &rest[at + REF.len()..];
        let Some(end) = rest.find('"') else { break };
        if rest[end..].starts_with(EMPTY_END) && seen.insert(&rest[..end]) {
            refs.push(rest[..end].to_string());
        }
        rest = &rest[end..];
    }
    refs
}

/// `html` with each empty `data-ref` span holding its target's page number, where known.
pub fn fill(html: &str, pages: &BTreeMap<String, u32>) -> String {
    let mut out = String::with_capacity(html.len() + pages.len() * 8);
    let mut rest = html;
    while let Some(at) = rest.find(REF) {
        let (before, after) = rest.split_at(at + REF.len());
        out.push_str(before);
        rest = after;
        let Some(end) = rest.find('"') else { break };
        let id = &rest[..end];
        match (rest[end..].starts_with(EMPTY_END), pages.get(id)) {
            (true, Some(page)) => {
                out.push_str(id);
                out.push_str("\">");
                out.push_str(&page.to_string());
                out.push_str("</span>");
                rest = &rest[end + EMPTY_END.len()..];
            }
            _ => {
                out.push_str(id);
                rest = &rest[end..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// The first guess for every reference, before anything is printed.
pub fn guesses(refs: &[String]) -> BTreeMap<String, u32> {
    refs.iter().map(|r| (r.clone(), GUESS)).collect()
}

/// A named destination: the page it is on (from 1) and the destination itself, to point
/// a bookmark at.
#[derive(Debug, Clone, PartialEq)]
pub struct Destination {
    pub page: u32,
    pub dest: Vec<Object>,
}

/// Every named destination of a PDF, by name: from the catalog's `/Dests` dictionary
/// (where Chromium puts them) and from a `/Names` → `/Dests` name tree.
pub fn destinations(doc: &Document) -> Result<BTreeMap<String, Destination>> {
    let page_of: BTreeMap<lopdf::ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let catalog = doc.catalog().context("the PDF has no catalog")?;
    let mut found = BTreeMap::new();
    let mut add = |name: &[u8], value: &Object| {
        let array = match doc.dereference(value) {
            Ok((_, Object::Array(a))) => a.clone(),
            Ok((_, Object::Dictionary(d))) => match d.get_deref(b"D", doc) {
                Ok(Object::Array(a)) => a.clone(),
                _ => return,
            },
            _ => return,
        };
        let page = array
            .first()
            .and_then(|p| p.as_reference().ok())
            .and_then(|id| page_of.get(&id).copied());
        if let Some(page) = page {
            let name = String::from_utf8_lossy(name).into_owned();
            found.insert(name, Destination { page, dest: array });
        }
    };
    if let Ok(Object::Dictionary(dests)) = catalog.get_deref(b"Dests", doc) {
        for (name, value) in dests.iter() {
            add(name, value);
        }
    }
    if let Ok(Object::Dictionary(names)) = catalog.get_deref(b"Names", doc)
        && let Ok(Object::Dictionary(tree)) = names.get_deref(b"Dests", doc)
    {
        let mut named = Default::default();
        doc.get_named_destinations(tree, &mut named)
            .context("reading the PDF's named destinations")?;
        for (name, dest) in named {
            let array = vec![
                dest.page().cloned().unwrap_or(Object::Null),
                Object::Name(b"Fit".to_vec()),
            ];
            add(&name, &Object::Array(array));
        }
    }
    Ok(found)
}

/// The pages of `refs` according to `found`; an id with no destination is an error that
/// says why (nothing links to it, or it is not printed).
pub fn pages_of(
    refs: &[String],
    found: &BTreeMap<String, Destination>,
) -> Result<BTreeMap<String, u32>> {
    let missing: Vec<&str> = refs
        .iter()
        .filter(|r| !found.contains_key(*r))
        .map(String::as_str)
        .collect();
    if !missing.is_empty() {
        bail!(
            "the PDF has no page for {}: a `data-ref` span needs a link to its id, and the element must be printed (not `display: none` in print)",
            missing
                .iter()
                .map(|m| format!("#{m}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
    }
    Ok(refs.iter().map(|r| (r.clone(), found[r].page)).collect())
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use lopdf::{Dictionary, dictionary};

    const HTML: &str = concat!(
        "<li><a href=\"#page-faq\">FAQ</a><span class=\"toc-page\" data-ref=\"page-faq\"></span></li>",
        "<p>See <a href=\"#faq--lost\">Lost</a><span class=\"page-ref\" data-ref=\"faq--lost\"></span>",
        " and <a href=\"#page-faq\">FAQ</a><span class=\"page-ref\" data-ref=\"page-faq\"></span>.</p>",
        "<div data-ref=\"not-a-span\">x</div>"
    );

    #[test]
    fn empty_ref_spans_are_found_once_each() {
        assert_eq!(page_refs(HTML), ["page-faq", "faq--lost"]);
    }

    #[test]
    fn filling_puts_each_page_in_its_spans_and_nothing_else() {
        let pages = BTreeMap::from([("page-faq".to_string(), 7), ("faq--lost".to_string(), 12)]);
        let filled = fill(HTML, &pages);
        assert_eq!(
            filled,
            HTML.replace(
                "data-ref=\"page-faq\"></span>",
                "data-ref=\"page-faq\">7</span>"
            )
            .replace(
                "data-ref=\"faq--lost\"></span>",
                "data-ref=\"faq--lost\">12</span>"
            )
        );
        assert!(
            page_refs(&filled).is_empty(),
            "a filled span is not asked again"
        );
        assert_eq!(fill(HTML, &BTreeMap::new()), HTML, "unknown ids stay empty");
    }

    /// A PDF of `pages` empty pages whose `/Dests` name some of them.
    pub(crate) fn pdf_with_dests(pages: u32, dests: &[(&str, u32)]) -> Document {
        let mut doc = Document::with_version("1.4");
        let pages_id = doc.new_object_id();
        let kids: Vec<lopdf::ObjectId> = (0..pages)
            .map(|_| {
                doc.add_object(dictionary! {
                    "Type" => "Page",
                    "Parent" => pages_id,
                    "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
                })
            })
            .collect();
        doc.objects.insert(
            pages_id,
            Object::Dictionary(dictionary! {
                "Type" => "Pages",
                "Count" => pages as i64,
                "Kids" => kids.iter().map(|&k| Object::Reference(k)).collect::<Vec<_>>(),
            }),
        );
        let mut named = Dictionary::new();
        for (name, page) in dests {
            let dest = vec![
                Object::Reference(kids[*page as usize - 1]),
                "XYZ".into(),
                12.into(),
                700.into(),
                0.into(),
            ];
            named.set(name.as_bytes().to_vec(), Object::Array(dest));
        }
        let dests_id = doc.add_object(named);
        let catalog = doc.add_object(dictionary! {
            "Type" => "Catalog",
            "Pages" => pages_id,
            "Dests" => dests_id,
        });
        doc.trailer.set("Root", catalog);
        doc
    }

    #[test]
    fn destinations_are_read_with_their_page_numbers() {
        let doc = pdf_with_dests(3, &[("page-faq", 2), ("faq--lost", 3)]);
        let found = destinations(&doc).unwrap();
        let pages: Vec<(&str, u32)> = found.iter().map(|(k, d)| (k.as_str(), d.page)).collect();
        assert_eq!(pages, [("faq--lost", 3), ("page-faq", 2)]);
        let refs = page_refs(HTML);
        assert_eq!(
            pages_of(&refs, &found).unwrap(),
            BTreeMap::from([("page-faq".to_string(), 2), ("faq--lost".to_string(), 3)])
        );
    }

    #[test]
    fn a_reference_without_a_destination_is_named_in_the_error() {
        let doc = pdf_with_dests(2, &[("page-faq", 2)]);
        let err = pages_of(&page_refs(HTML), &destinations(&doc).unwrap()).unwrap_err();
        assert!(err.to_string().contains("#faq--lost"), "{err}");
    }
}
