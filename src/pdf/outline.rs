//! The finishing touches on a printed PDF: an outline (bookmarks) that mirrors the
//! contents, and metadata (title, the customer as author, language) that viewers, search
//! and screen readers show. The dates Chromium stamps are left out, so the same print
//! edition gives the same bytes.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use lopdf::{Dictionary, Document, Object, ObjectId, StringFormat, dictionary};

use super::pages::Destination;
use super::plan::{Entry, Plan};

/// Adds the outline and metadata of `plan` to the PDF in `doc`. Every bookmark leads to
/// its target's named destination; an entry whose target has none is left out with its
/// children (it was not printed).
pub fn finish(
    doc: &mut Document,
    plan: &Plan,
    found: &BTreeMap<String, Destination>,
) -> Result<()> {
    let outline = add_outline(doc, &plan.outline, found);
    let info = doc.add_object(dictionary! {
        "Title" => text(&plan.title),
        "Author" => text(&plan.author),
        "Creator" => text(concat!("handboek ", env!("CARGO_PKG_VERSION"))),
        "Producer" => producer(doc),
    });
    doc.trailer.set("Info", info);
    let catalog = doc.catalog_mut().context("the PDF has no catalog")?;
    catalog.set("Lang", text(&plan.lang));
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    if let Some(outline) = outline {
        catalog.set("Outlines", outline);
        catalog.set("PageMode", "UseOutlines");
    }
    Ok(())
}

/// The producer Chromium named (its PDF library), kept.
fn producer(doc: &Document) -> Object {
    doc.trailer
        .get_deref(b"Info", doc)
        .and_then(Object::as_dict)
        .and_then(|info| info.get(b"Producer"))
        .cloned()
        .unwrap_or_else(|_| text("Chromium"))
}

/// Writes the outline's items; returns the outline dictionary, if any entry was printed.
fn add_outline(
    doc: &mut Document,
    entries: &[Entry],
    found: &BTreeMap<String, Destination>,
) -> Option<ObjectId> {
    let root = doc.new_object_id();
    let (first, last, count) = add_items(doc, root, entries, found)?;
    let outlines = dictionary! {
        "Type" => "Outlines",
        "First" => first,
        "Last" => last,
        "Count" => count,
    };
    doc.objects.insert(root, Object::Dictionary(outlines));
    Some(root)
}

/// Writes `entries` as the children of `parent`: returns the first and last item and how
/// many items are visible when the outline opens (parts open, chapters closed).
fn add_items(
    doc: &mut Document,
    parent: ObjectId,
    entries: &[Entry],
    found: &BTreeMap<String, Destination>,
) -> Option<(ObjectId, ObjectId, i64)> {
    let printed: Vec<&Entry> = entries
        .iter()
        .filter(|e| found.contains_key(&e.target))
        .collect();
    let ids: Vec<ObjectId> = printed.iter().map(|_| doc.new_object_id()).collect();
    let mut visible = 0;
    for (i, entry) in printed.iter().enumerate() {
        let mut item = dictionary! {
            "Title" => text(&entry.title),
            "Parent" => parent,
            "Dest" => found[&entry.target].dest.clone(),
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        visible += 1;
        if let Some((first, last, count)) = add_items(doc, ids[i], &entry.children, found) {
            item.set("First", first);
            item.set("Last", last);
            // A part (an entry whose children have children) opens; a chapter stays
            // closed, its sections one click away.
            let open = entry.children.iter().any(|c| !c.children.is_empty());
            item.set("Count", if open { count } else { -count });
            if open {
                visible += count;
            }
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    Some((*ids.first()?, *ids.last()?, visible))
}

/// A PDF text string: PDFDocEncoding's ASCII part as it is, anything else as UTF-16BE
/// with a byte-order mark.
fn text(s: &str) -> Object {
    if s.chars().all(|c| c.is_ascii() && !c.is_ascii_control()) {
        return Object::String(s.as_bytes().to_vec(), StringFormat::Literal);
    }
    let mut bytes = vec![0xfe, 0xff];
    for unit in s.encode_utf16() {
        bytes.extend_from_slice(&unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// Reads a PDF text string back (for tests and checks).
pub fn read_text(object: &Object) -> Option<String> {
    let bytes = object.as_str().ok()?;
    match bytes.strip_prefix(&[0xfe, 0xff]) {
        Some(utf16) => {
            let units: Vec<u16> = utf16
                .chunks_exact(2)
                .map(|c| u16::from_be_bytes([c[0], c[1]]))
                .collect();
            String::from_utf16(&units).ok()
        }
        None => Some(String::from_utf8_lossy(bytes).into_owned()),
    }
}

/// The outline as (depth, title, page) rows, depth first: what a viewer's bookmarks show.
pub fn read_outline(doc: &Document) -> Vec<(usize, String, u32)> {
    let page_of: BTreeMap<ObjectId, u32> =
        doc.get_pages().into_iter().map(|(n, id)| (id, n)).collect();
    let mut rows = Vec::new();
    let first = doc
        .catalog()
        .and_then(|c| c.get_deref(b"Outlines", doc))
        .and_then(Object::as_dict)
        .and_then(|o| o.get(b"First"))
        .and_then(Object::as_reference)
        .ok();
    walk(doc, first, 0, &page_of, &mut rows);
    rows
}

fn walk(
    doc: &Document,
    mut item: Option<ObjectId>,
    depth: usize,
    page_of: &BTreeMap<ObjectId, u32>,
    rows: &mut Vec<(usize, String, u32)>,
) {
    while let Some(id) = item {
        let Ok(dict) = doc.get_dictionary(id) else {
            return;
        };
        let title = dict
            .get(b"Title")
            .ok()
            .and_then(read_text)
            .unwrap_or_default();
        let page = dest_page(dict, doc, page_of).unwrap_or(0);
        rows.push((depth, title, page));
        let child = dict.get(b"First").and_then(Object::as_reference).ok();
        walk(doc, child, depth + 1, page_of, rows);
        item = dict.get(b"Next").and_then(Object::as_reference).ok();
    }
}

fn dest_page(item: &Dictionary, doc: &Document, page_of: &BTreeMap<ObjectId, u32>) -> Option<u32> {
    let dest = item.get_deref(b"Dest", doc).ok()?.as_array().ok()?;
    page_of.get(&dest.first()?.as_reference().ok()?).copied()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pdf::pages::{destinations, tests::pdf_with_dests};

    fn entry(title: &str, target: &str, children: Vec<Entry>) -> Entry {
        Entry {
            title: title.into(),
            target: target.into(),
            children,
        }
    }

    fn plan() -> Plan {
        Plan {
            title: "MFA-handboek · Bakkerij Van Dijk".into(),
            author: "Bakkerij Van Dijk B.V.".into(),
            lang: "nl".into(),
            outline: vec![
                entry(
                    "Aan de slag",
                    "page-index",
                    vec![entry("Wat is MFA?", "index--what", vec![])],
                ),
                entry("Niet geprint", "page-hidden", vec![]),
                entry(
                    "Vragen “en” antwoorden",
                    "page-faq",
                    vec![entry("Kwijt", "faq--lost", vec![])],
                ),
            ],
        }
    }

    fn finished() -> Document {
        let mut doc = pdf_with_dests(
            4,
            &[
                ("page-index", 2),
                ("index--what", 2),
                ("page-faq", 3),
                ("faq--lost", 4),
            ],
        );
        let found = destinations(&doc).unwrap();
        finish(&mut doc, &plan(), &found).unwrap();
        // Through bytes and back, as a viewer would read it.
        let mut bytes = Vec::new();
        doc.save_to(&mut bytes).unwrap();
        Document::load_mem(&bytes).unwrap()
    }

    #[test]
    fn the_outline_mirrors_the_contents_with_each_entrys_page() {
        let rows = read_outline(&finished());
        assert_eq!(
            rows,
            [
                (0, "Aan de slag".to_string(), 2),
                (1, "Wat is MFA?".to_string(), 2),
                (0, "Vragen “en” antwoorden".to_string(), 3),
                (1, "Kwijt".to_string(), 4),
            ]
        );
    }

    #[test]
    fn metadata_names_the_handbook_the_customer_and_the_language() {
        let doc = finished();
        let info = doc
            .trailer
            .get_deref(b"Info", &doc)
            .and_then(Object::as_dict)
            .unwrap();
        let field = |key: &[u8]| info.get(key).ok().and_then(read_text);
        assert_eq!(
            field(b"Title").as_deref(),
            Some("MFA-handboek · Bakkerij Van Dijk")
        );
        assert_eq!(field(b"Author").as_deref(), Some("Bakkerij Van Dijk B.V."));
        assert_eq!(
            field(b"CreationDate"),
            None,
            "no date: the same input, the same bytes"
        );
        let catalog = doc.catalog().unwrap();
        assert_eq!(
            catalog.get(b"Lang").ok().and_then(read_text).as_deref(),
            Some("nl")
        );
        assert_eq!(
            catalog.get(b"PageMode").and_then(Object::as_name).unwrap(),
            b"UseOutlines"
        );
    }
}
