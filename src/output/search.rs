//! The search index of one handbook (customer × audience × language): a small script that
//! sets `window.HANDBOEK_SEARCH`, loaded with a `<script>` tag so that search works from
//! `file://` too, where pages cannot fetch JSON.

use crate::markdown::{Heading, Rendered};

/// One page as search sees it.
pub struct Entry<'a> {
    pub title: &'a str,
    pub href: String,
    pub rendered: &'a Rendered,
}

/// The index as JavaScript. Titles, section headings and text are kept as written; the
/// script folds case and accents when it searches.
pub fn search_index(entries: &[Entry]) -> String {
    let mut js = String::from("window.HANDBOEK_SEARCH=[\n");
    for e in entries {
        let sections: Vec<String> = e
            .rendered
            .headings
            .iter()
            .filter(|h| h.level <= 3)
            .map(|Heading { id, text, .. }| format!("[{},{}]", js_string(id), js_string(text)))
            .collect();
        js.push_str(&format!(
            "{{t:{},u:{},h:[{}],x:{}}},\n",
            js_string(e.title),
            js_string(&e.href),
            sections.join(","),
            js_string(&e.rendered.text)
        ));
    }
    js.push_str("];\n");
    js
}

/// A JavaScript string literal that is also safe inside HTML (no `<`, `>` or `&` as such).
pub fn js_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
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
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_cannot_break_out_of_the_script() {
        assert_eq!(
            js_string("a\"b\\c\n</script>&"),
            "\"a\\\"b\\\\c\\n\\u003c/script\\u003e\\u0026\""
        );
    }

    #[test]
    fn index_lists_pages_with_their_sections() {
        let rendered = Rendered {
            headings: vec![Heading {
                level: 2,
                id: "kwijt".into(),
                text: "Telefoon kwijt".into(),
            }],
            text: "Bel meteen de servicedesk.".into(),
            ..Rendered::default()
        };
        let js = search_index(&[Entry {
            title: "Nieuwe telefoon",
            href: "lost-phone.html".into(),
            rendered: &rendered,
        }]);
        assert_eq!(
            js,
            "window.HANDBOEK_SEARCH=[\n{t:\"Nieuwe telefoon\",u:\"lost-phone.html\",h:[[\"kwijt\",\"Telefoon kwijt\"]],x:\"Bel meteen de servicedesk.\"},\n];\n"
        );
    }
}
