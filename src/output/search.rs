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
        js.push_str("{t:");
        push_searchable(&mut js, e.title);
        js.push_str(",u:");
        push_js_string(&mut js, &e.href);
        js.push_str(",h:[");
        for (i, Heading { id, text, .. }) in e.headings.iter().enumerate() {
            js.push_str(if i == 0 { "[" } else { ",[" });
            push_js_string(&mut js, id);
            js.push(',');
            push_searchable(&mut js, text);
            js.push(']');
        }
        js.push_str("],x:");
        push_searchable(&mut js, &e.text);
        js.push_str("},\n");
    }
    js.push_str("];\n");
    js
}

/// Text as a string literal for search, added to `out`: without soft hyphens.
fn push_searchable(out: &mut String, text: &str) {
    push_js_string(out, &strip_soft_hyphens(text));
}

/// A JavaScript string literal that is also safe inside HTML (no `<`, `>` or `&` as such).
#[cfg(test)]
fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    push_js_string(&mut out, s);
    out
}

/// [`js_string`], added to `out`. Most text needs no escape: runs of it are copied whole,
/// and a byte is looked at closely only if the table says it may need one.
fn push_js_string(out: &mut String, s: &str) {
    // `"`, `\\`, `<`, `>`, `&`, ASCII controls, and the first byte of U+0080..U+009F
    // (controls), U+2028 and U+2029.
    const MAYBE_ESCAPED: [bool; 256] = {
        let mut table = [false; 256];
        let mut b = 0;
        while b < 256 {
            table[b] = matches!(
                b as u8,
                b'"' | b'\\' | b'<' | b'>' | b'&' | 0..=0x1f | 0x7f | 0xc2 | 0xe2
            );
            b += 1;
        }
        table
    };
    out.push('"');
    let bytes = s.as_bytes();
    let (mut copied, mut i) = (0, 0);
    while i < bytes.len() {
        if !MAYBE_ESCAPED[usize::from(bytes[i])] {
            i += 1;
            continue;
        }
        let Some(c) = s[i..].chars().next() else {
            break;
        };
        i += c.len_utf8();
        if !(c.is_ascii() || c.is_control() || c == '\u{2028}' || c == '\u{2029}') {
            continue;
        }
        out.push_str(&s[copied..i - c.len_utf8()]);
        copied = i;
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => {
                use std::fmt::Write;
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
        }
    }
    out.push_str(&s[copied..]);
    out.push('"');
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
    fn strings_escape_every_control_and_line_separator_and_nothing_else() {
        // The rule, one character at a time.
        let reference = |s: &str| -> String {
            let mut out = String::from("\"");
            for c in s.chars() {
                match c {
                    '"' => out.push_str("\\\""),
                    '\\' => out.push_str("\\\\"),
                    '\n' => out.push_str("\\n"),
                    '\r' => out.push_str("\\r"),
                    '<' | '>' | '&' | '\u{2028}' | '\u{2029}' => {
                        out.push_str(&format!("\\u{:04x}", c as u32))
                    }
                    c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
                    c => out.push(c),
                }
            }
            out + "\""
        };
        let all: String = (0..0x300u32)
            .chain(0x2000..0x2100)
            .filter_map(char::from_u32)
            .collect();
        assert_eq!(js_string(&all), reference(&all));
        assert_eq!(js_string("€\u{2027}\u{202a}…"), "\"€\u{2027}\u{202a}…\"");
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
