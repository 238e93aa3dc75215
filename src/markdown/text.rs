//! Pure text helpers for HTML output: escaping, and heading ids from heading text.

/// HTML-escapes text for element content and double-quoted attributes.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    escape_pieces(s, |piece| out.push_str(piece));
    out
}

/// `s` HTML-escaped, as pieces in order: runs of text that need no escape, and entities.
/// Every text of every page passes here; blocks of bytes without a character to escape
/// are passed over by a loop the compiler vectorises.
pub fn escape_pieces<'s>(s: &'s str, mut piece: impl FnMut(&'s str)) {
    const BLOCK: usize = 32;
    let special = |byte: u8| matches!(byte, b'&' | b'<' | b'>' | b'"' | b'\'');
    let mut start = 0;
    for (n, block) in s.as_bytes().chunks(BLOCK).enumerate() {
        if !block.iter().fold(false, |seen, &byte| seen | special(byte)) {
            continue;
        }
        for (j, &byte) in block.iter().enumerate() {
            let entity = match byte {
                b'&' => "&amp;",
                b'<' => "&lt;",
                b'>' => "&gt;",
                b'"' => "&quot;",
                b'\'' => "&#39;",
                _ => continue,
            };
            let i = n * BLOCK + j;
            if start < i {
                piece(&s[start..i]);
            }
            piece(entity);
            start = i + 1;
        }
    }
    if start < s.len() {
        piece(&s[start..]);
    }
}

/// A heading's id: the heading's letters and digits, lowercased, common accents folded,
/// everything else collapsed to single dashes.
pub fn slugify(text: &str) -> String {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        let c = fold_accent(c);
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    out.trim_end_matches('-').to_string()
}

fn fold_accent(c: char) -> char {
    match c {
        'à' | 'á' | 'â' | 'ä' | 'ã' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ç' => 'c',
        'ñ' => 'n',
        c => c,
    }
}
#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugify_folds_accents_to_plain_letters() {
        assert_eq!(slugify("Één café, één crème"), "een-cafe-een-creme");
        assert_eq!(slugify("Ça, señor"), "ca-senor");
    }

    #[test]
    fn slugify_collapses_punctuation_and_spaces_to_one_dash() {
        assert_eq!(
            slugify("Wat als... je telefoon   kwijt is?!"),
            "wat-als-je-telefoon-kwijt-is"
        );
        assert_eq!(slugify("Stap 1: aanmelden"), "stap-1-aanmelden");
    }

    #[test]
    fn slugify_leaves_no_dash_at_either_end() {
        assert_eq!(slugify("  -- (Stap 2) --  "), "stap-2");
        assert_eq!(slugify("?!"), "");
    }

    #[test]
    fn escape_replaces_all_five_html_special_characters() {
        assert_eq!(
            escape(r#"<a href="x">Tom & Jerry's</a>"#),
            "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;"
        );
    }

    #[test]
    fn escape_finds_special_characters_across_and_at_block_edges() {
        for at in [0, 1, 30, 31, 32, 33, 63, 64, 65, 99] {
            let (before, after) = ("e".repeat(at), "é".repeat(100 - at));
            assert_eq!(
                escape(&format!("{before}<{after}&")),
                format!("{before}&lt;{after}&amp;"),
                "at {at}"
            );
        }
    }

    #[test]
    fn escape_leaves_other_text_alone() {
        assert_eq!(escape("Bel 020 123 4567 — café"), "Bel 020 123 4567 — café");
    }
}
