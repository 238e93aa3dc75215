//! The search index of one handbook (customer × audience × language): a small script that
//! sets `window.HANDBOEK_SEARCH`, loaded with a `<script>` tag so that search works from
//! `file://` too, where pages cannot fetch JSON.

use crate::markdown::{Heading, Rendered, strip_soft_hyphens};

/// One page as search sees it.
pub struct Entry<'a> {
    pub title: &'a str,
    pub href: String,
    /// The page's headings down to level 3.
    pub headings: Vec<Heading>,
    pub text: String,
}

impl Entry<'_> {
    /// What search needs of a rendered page.
    pub fn new<'a>(title: &'a str, href: String, rendered: &mut Rendered) -> Entry<'a> {
        Entry {
            title,
            href,
            headings: rendered
                .headings
                .iter()
                .filter(|h| h.level <= 3)
                .cloned()
                .collect(),
            text: std::mem::take(&mut rendered.text),
        }
    }
}

/// The index as JavaScript. Titles, section headings and text are kept as written, but for
/// soft hyphens, wherever they came from (a search for "beveiligingssleutel" must find the
/// word an author split with one); the script folds case and accents when it searches.
pub fn search_index(entries: &[Entry]) -> String {
    // Sized up front: for a long guide the index is megabytes, and growing it by doubling
    // would hold up to twice that.
    let size: usize = entries
        .iter()
        .map(|e| e.text.len() + e.title.len() + e.href.len() + 64 * (e.headings.len() + 1))
        .sum();
    let mut js = String::with_capacity(size + size / 8 + 64);
    js.push_str("window.HANDBOEK_SEARCH=[\n");
    for e in entries {
        let sections: Vec<String> = e
            .headings
            .iter()
            .map(|Heading { id, text, .. }| format!("[{},{}]", js_string(id), searchable(text)))
            .collect();
        js.push_str(&format!(
            "{{t:{},u:{},h:[{}],x:{}}},\n",
            searchable(e.title),
            js_string(&e.href),
            sections.join(","),
            searchable(&e.text)
        ));
    }
    js.push_str("];\n");
    js
}

/// Text as a string literal for search: without soft hyphens.
fn searchable(text: &str) -> String {
    js_string(&strip_soft_hyphens(text))
}

/// A JavaScript string literal that is also safe inside HTML (no `<`, `>` or `&` as such).
pub fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    // Runs of characters that need no escape are copied whole.
    let mut start = 0;
    for (i, c) in s.char_indices() {
        let escaped = match c {
            '"' => "\\\"",
            '\\' => "\\\\",
            '\n' => "\\n",
            '\r' => "\\r",
            '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => "",
            c if c.is_control() => "",
            _ => continue,
        };
        out.push_str(&s[start..i]);
        start = i + c.len_utf8();
        match escaped {
            "" => out.push_str(&format!("\\u{:04x}", c as u32)),
            e => out.push_str(e),
        }
    }
    out.push_str(&s[start..]);
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn soft_hyphens_an_author_typed_never_reach_the_index() {
        let entry = Entry {
            title: "Beveiligings\u{ad}sleutel",
            href: "security-key.html".into(),
            headings: Vec::new(),
            text: "Een beveiligings\u{ad}sleutel".into(),
        };
        let js = search_index(&[entry]);
        assert!(!js.contains('\u{ad}'), "{js}");
        assert!(js.contains("Een beveiligingssleutel"), "{js}");
    }

    #[test]
    fn strings_cannot_break_out_of_the_script() {
        assert_eq!(
            js_string("a\"b\\c\n</script>&"),
            "\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u0026\""
        );
        assert_eq!(js_string("café\u{1}x\u{2028}€"), "\"café\\u0001x\\u2028€\"");
    }

    #[test]
    fn index_lists_pages_with_their_sections() {
        let mut rendered = Rendered {
            headings: vec![
                Heading {
                    level: 2,
                    id: "kwijt".into(),
                    text: "Telefoon kwijt".into(),
                },
                Heading {
                    level: 4,
                    id: "detail".into(),
                    text: "Te diep voor het zoeken".into(),
                },
            ],
            text: "Bel meteen de servicedesk.".into(),
            ..Rendered::default()
        };
        let entry = Entry::new("Nieuwe telefoon", "lost-phone.html".into(), &mut rendered);
        let js = search_index(&[entry]);
        assert_eq!(
            js,
            "window.HANDBOEK_SEARCH=[\n{t:\"Nieuwe telefoon\",u:\"lost-phone.html\",h:[[\"kwijt\",\"Telefoon kwijt\"]],x:\"Bel meteen de servicedesk.\"},\n];\n"
        );
    }
}
