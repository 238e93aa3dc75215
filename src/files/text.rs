//! Text files as editors on any system save them: UTF-8 with or without a byte order mark,
//! or UTF-16 with one (Windows Notepad still offers "UTF-16 LE" and "UTF-16 BE"). CRLF
//! line ends become LF here, once, so that no later stage (front matter, dialect, Markdown,
//! comments left out of a page, templates copied into the output) can tell how an editor or
//! git on Windows saved the file: the output is the same bytes. Anything else — text in a legacy code page ("ANSI"), broken UTF-16 — is an
//! error at its first bad character that says how to save the file as UTF-8.

use std::borrow::Cow;

use crate::diagnostics::{Diagnostic, Source, Span};

const SAVE_AS_UTF8: &str = "save the file as UTF-8 (in Notepad: File › Save as, Encoding: UTF-8).";

/// The text of the file `name`, without its byte order mark.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Source, Diagnostic> {
    let problem = |message: String, span: Option<Span>, text: &str| {
        let source = Source::new(name, text);
        let d = Diagnostic::error(message).help(SAVE_AS_UTF8);
        match span {
            Some(span) => d.at(&source, span),
            None => d.in_file(&source),
        }
    };
    let text: Cow<'_, str> = match bytes {
        [0xFF, 0xFE, rest @ ..] => utf16(rest, u16::from_le_bytes)
            .map_err(|m| problem(m, None, ""))?
            .into(),
        [0xFE, 0xFF, rest @ ..] => utf16(rest, u16::from_be_bytes)
            .map_err(|m| problem(m, None, ""))?
            .into(),
        _ => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            std::str::from_utf8(bytes)
                .map_err(|e| {
                    let (message, span) = not_utf8(bytes, &e);
                    problem(message, Some(span), &String::from_utf8_lossy(bytes))
                })?
                .into()
        }
    };
    if let Some(at) = text.find('\0') {
        let message =
            "this file holds NUL characters, as UTF-16 text without a byte order mark does";
        return Err(problem(message.into(), Some(span_at(&text, at)), ""));
    }
    Ok(Source::new(name, lf(text)))
}

/// The text with every CRLF line end as LF (a CR on its own stays: it is no line end).
fn lf(text: Cow<'_, str>) -> Cow<'_, str> {
    if text.contains("\r\n") {
        text.replace("\r\n", "\n").into()
    } else {
        text
    }
}

fn utf16(bytes: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, String> {
    let (pairs, half) = bytes.as_chunks::<2>();
    if !half.is_empty() {
        return Err("this UTF-16 file ends in half a character".into());
    }
    String::from_utf16(&pairs.iter().map(|p| unit(*p)).collect::<Vec<_>>())
        .map_err(|_| "this UTF-16 file holds a broken character".into())
}

/// What is wrong at the first byte that is not UTF-8, and where.
fn not_utf8(bytes: &[u8], e: &std::str::Utf8Error) -> (String, Span) {
    let at = e.valid_up_to();
    let before = String::from_utf8_lossy(&bytes[..at]);
    let message = format!(
        "this file is not UTF-8 text (byte 0x{:02X}: Windows-1252, \"ANSI\"?)",
        bytes[at]
    );
    (message, span_at(&before, before.len()))
}

/// The line and column (in characters) of byte `at` of `text`.
fn span_at(text: &str, at: usize) -> Span {
    let before = &text[..at];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
    Span::new(line, column, 1)
}

/// The first control character of `text` that is not one of `allowed`, with its index in
/// characters. Control characters are bytes below 0x20, 0x7F, or U+0080–U+009F (0xC2
/// 0x80–0x9F in UTF-8): a text without those bytes has none, which a loop the compiler
/// vectorises finds out before any character is decoded (every line of every page is
/// checked).
pub fn control_character(text: &str, allowed: &[char]) -> Option<(usize, char)> {
    let suspect = text.bytes().fold(false, |seen, b| {
        seen | (b < 0x20) | (b == 0x7f) | (b == 0xc2)
    });
    if !suspect {
        return None;
    }
    text.chars()
        .enumerate()
        .find(|(_, c)| c.is_control() && !allowed.contains(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_in_every_range_and_nothing_else() {
        assert_eq!(control_character("a\u{7}b", &['\t']), Some((1, '\u{7}')));
        assert_eq!(control_character("éé\u{85}", &['\t']), Some((2, '\u{85}')));
        assert_eq!(control_character("x\u{7f}", &['\t']), Some((1, '\u{7f}')));
        assert_eq!(control_character("\tÂ ½ é ĉ Ł", &['\t']), None);
        assert_eq!(control_character("a\tb\r\n", &['\t']), Some((3, '\r')));
        assert_eq!(control_character("a\tb\r\n", &['\n', '\t', '\r']), None);
        assert_eq!(control_character(&"a".repeat(100), &[]), None);
    }

    fn utf16le_with_bom(text: &str) -> Vec<u8> {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
        bytes
    }

    #[test]
    fn crlf_line_ends_read_as_lf_and_a_lone_cr_stays() {
        let source = decode(
            "content/nl/employee/x.md",
            b"---\r\ntitle: X\r\n---\r\n<!-- c -->\r\na\rb\r\n",
        )
        .unwrap();
        assert_eq!(&*source.text, "---\ntitle: X\n---\n<!-- c -->\na\rb\n");
    }

    #[test]
    fn notepads_encodings_read_as_the_same_text() {
        let crlf = "name: Bakkerij Één\r\nhelpdesk:\r\n  phone: 020 123 4567\r\n";
        let mut utf16be = vec![0xFE, 0xFF];
        utf16be.extend(crlf.encode_utf16().flat_map(u16::to_be_bytes));
        for (encoding, bytes) in [
            ("UTF-8", crlf.as_bytes().to_vec()),
            (
                "UTF-8 with BOM",
                [b"\xEF\xBB\xBF", crlf.as_bytes()].concat(),
            ),
            ("UTF-16 LE", utf16le_with_bom(crlf)),
            ("UTF-16 BE", utf16be),
        ] {
            let source = decode("customers/acme.yaml", &bytes).unwrap();
            assert_eq!(&*source.text, crlf.replace("\r\n", "\n"), "{encoding}");
        }
    }

    #[test]
    fn ansi_text_is_refused_at_its_line_and_column_with_the_fix() {
        let d = decode("customers/acme.yaml", b"name: Acme\nmsp: Caf\xE9 IT\n").unwrap_err();
        assert_eq!(
            (d.file(), d.line(), d.column()),
            ("customers/acme.yaml", 2, 9)
        );
        assert!(
            d.message.contains("not UTF-8 text (byte 0xE9"),
            "{}",
            d.message
        );
        assert!(d.help.unwrap().contains("Encoding: UTF-8"));
        assert_eq!(d.source.unwrap().line_text(2), Some("msp: Caf\u{fffd} IT"));
    }

    #[test]
    fn broken_utf16_and_utf16_without_a_bom_are_refused_with_the_fix() {
        let mut odd = utf16le_with_bom("name: x");
        odd.push(b'y');
        let lone_surrogate = [0xFF, 0xFE, 0x00, 0xD8, b'a', 0];
        let no_bom: Vec<u8> = "name: x"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        for bytes in [odd, lone_surrogate.to_vec(), no_bom] {
            let d = decode("customers/acme.yaml", &bytes).unwrap_err();
            assert_eq!(d.file(), "customers/acme.yaml");
            assert!(d.help.unwrap().contains("Encoding: UTF-8"), "{}", d.message);
        }
    }
}
