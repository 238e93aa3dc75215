//! Soft hyphens in long words, so that a narrow place (a table cell, a phone's width)
//! wraps a word at a syllable boundary, with a hyphen, instead of anywhere. The patterns
//! (TeX's, for Dutch and English) are built into the binary by `hypher`; nothing depends
//! on the reader's browser having a hyphenation dictionary.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::lang::Lang;

/// U+00AD: invisible unless the line breaks there, then shown as a hyphen.
pub const SOFT_HYPHEN: char = '\u{ad}';

/// How much room the text has, which decides how long a word must be to get soft hyphens.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Room {
    /// A table cell: at 390 px a column of the method table holds about eight letters.
    Narrow,
    /// Running text, where only a very long word can fail to fit a phone's line.
    Wide,
}

impl Room {
    /// The fewest letters a word needs before it gets soft hyphens.
    fn min_letters(self) -> usize {
        match self {
            Room::Narrow => 6,
            Room::Wide => 14,
        }
    }
}

/// `text` with soft hyphens at the syllable boundaries of its long words. A word is a run
/// of letters; anything written together with digits, `@`, `/`, `:`, `.`, `_` or `\` (an
/// address, a URL, an e-mail address, a phone number, a file name) is left whole, and so
/// is a word that already has a soft hyphen.
///
/// Every text of every page passes here, most of it without a word long enough: a chunk
/// shorter in bytes than `min` letters is passed over unread, and nothing is copied until
/// the first word that gets a soft hyphen.
pub fn soft_hyphens(text: &str, lang: Lang, room: Room) -> Cow<'_, str> {
    let min = room.min_letters();
    let mut out: Option<String> = None;
    let mut copied = 0;
    for (chunk_start, chunk) in chunks(text) {
        if chunk.len() < min || !is_prose(chunk) {
            continue;
        }
        for (run_start, run) in runs(chunk) {
            if run.len() < min || run.chars().count() < min {
                continue;
            }
            let start = chunk_start + run_start;
            let out = out.get_or_insert_with(|| String::with_capacity(text.len() + text.len() / 8));
            let before = out.len();
            out.push_str(&text[copied..start]);
            if push_syllables(out, run, lang) {
                copied = start + run.len();
            } else {
                out.truncate(before);
            }
        }
    }
    match out {
        Some(mut out) if copied > 0 => {
            out.push_str(&text[copied..]);
            Cow::Owned(out)
        }
        _ => Cow::Borrowed(text),
    }
}

/// `text` without soft hyphens, for search and anything read as plain text.
pub fn strip_soft_hyphens(text: &str) -> Cow<'_, str> {
    match text.contains(SOFT_HYPHEN) {
        true => Cow::Owned(text.replace(SOFT_HYPHEN, "")),
        false => Cow::Borrowed(text),
    }
}

/// Whether a whitespace-free chunk is words and punctuation, not an address or a number.
fn is_prose(chunk: &str) -> bool {
    !chunk.contains(SOFT_HYPHEN)
        && !chunk
            .chars()
            .any(|c| c.is_ascii_digit() || matches!(c, '@' | '/' | ':' | '_' | '\\' | '=' | '#'))
        && !chunk
            .char_indices()
            .any(|(i, c)| c == '.' && chunk[i + 1..].starts_with(char::is_alphanumeric))
}

/// Writes `word` with soft hyphens between its syllables; true if it has more than one.
fn push_syllables(out: &mut String, word: &str, lang: Lang) -> bool {
    SYLLABLES.with_borrow_mut(|memo| {
        let memo = &mut memo[lang as usize];
        if !memo.contains_key(word) {
            if memo.len() >= MEMO_WORDS {
                memo.clear();
            }
            memo.insert(word.into(), syllable_breaks(word, lang));
        }
        let breaks = &memo[word];
        let mut from = 0;
        for &at in breaks.iter() {
            out.push_str(&word[from..at as usize]);
            out.push(SOFT_HYPHEN);
            from = at as usize;
        }
        out.push_str(&word[from..]);
        !breaks.is_empty()
    })
}

/// How many words each thread remembers the syllables of. A handbook uses a few thousand
/// different long words; a corpus of 5,000 pages about 20,000.
const MEMO_WORDS: usize = 50_000;

/// Words of one language and the byte offsets of their syllable breaks.
type Breaks = HashMap<Box<str>, Box<[u32]>>;

thread_local! {
    /// The syllable breaks of the long words seen, per language (`Lang as usize`): the
    /// same words come back on every page and in every customer's handbook, and finding
    /// a word's syllables costs a walk through the patterns.
    static SYLLABLES: std::cell::RefCell<[Breaks; 2]> =
        Default::default();
}

/// The byte offsets in `word` where a syllable starts, the first one left out.
fn syllable_breaks(word: &str, lang: Lang) -> Box<[u32]> {
    let patterns = match lang {
        Lang::Nl => hypher::Lang::Dutch,
        Lang::En => hypher::Lang::English,
    };
    let mut at = 0;
    let mut breaks = Vec::new();
    for syllable in hypher::hyphenate(word, patterns) {
        if at > 0 {
            breaks.push(at as u32);
        }
        at += syllable.len();
    }
    breaks.into_boxed_slice()
}

/// The runs of `text` between whitespace (as `char::is_whitespace` has it), each with its
/// byte offset. Read byte by byte: only a byte that starts a multi-byte character is
/// decoded, since every whitespace character outside ASCII starts with one.
fn chunks(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at;
        if start > bytes.len() {
            return None;
        }
        while at < bytes.len() {
            let space = match bytes[at] {
                b'\t'..=b'\r' | b' ' => 1,
                0..0xc0 => 0,
                _ => match text[at..].chars().next() {
                    Some(c) if c.is_whitespace() => c.len_utf8(),
                    _ => 0,
                },
            };
            if space > 0 {
                let chunk = (start, &text[start..at]);
                at += space;
                return Some(chunk);
            }
            at += 1;
        }
        at += 1;
        Some((start, &text[start..]))
    })
}

/// Where `part`, a slice of `text`, starts in it.
fn offset_in(text: &str, part: &str) -> usize {
    part.as_ptr() as usize - text.as_ptr() as usize
}

/// The runs of letters (words) in a chunk, each with its byte offset in the chunk; what
/// lies between them (punctuation, hyphens, apostrophes) is not a word.
fn runs(chunk: &str) -> impl Iterator<Item = (usize, &str)> {
    chunk
        .split(|c: char| !c.is_alphabetic())
        .filter(|run| !run.is_empty())
        .map(move |run| (offset_in(chunk, run), run))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown(text: &str, lang: Lang, room: Room) -> String {
        soft_hyphens(text, lang, room).replace(SOFT_HYPHEN, "|")
    }

    #[test]
    fn long_words_in_a_table_cell_get_soft_hyphens_at_syllables() {
        assert_eq!(
            shown("Microsoft Authenticator-app", Lang::Nl, Room::Narrow),
            "Mi|cro|soft Au|then|ti|ca|tor-app"
        );
        assert_eq!(shown("Instellen", Lang::Nl, Room::Narrow), "In|stel|len");
        assert_eq!(
            shown("A smartphone with internet access", Lang::En, Room::Narrow),
            "A smart|phone with in|ter|net ac|cess"
        );
    }

    #[test]
    fn running_text_gets_soft_hyphens_only_in_very_long_words() {
        assert_eq!(
            shown(
                "Open de pagina Beveiligingsgegevens op je computer.",
                Lang::Nl,
                Room::Wide
            ),
            "Open de pagina Be|vei|li|gings|ge|ge|vens op je computer."
        );
    }

    #[test]
    fn addresses_numbers_and_short_words_are_left_whole() {
        for text in [
            "https://aka.ms/mysecurityinfo",
            "servicedesk@bakkerijvandijk.nl",
            "bakkerijvandijk.nl",
            "088 240 1500",
            "+31882401500",
            "C:\\Gebruikers\\documenten",
            "Sterk",
            "",
        ] {
            assert_eq!(soft_hyphens(text, Lang::Nl, Room::Narrow), text, "{text}");
        }
        let hyphenated = soft_hyphens("Instellen", Lang::Nl, Room::Narrow).into_owned();
        assert_eq!(
            soft_hyphens(&hyphenated, Lang::Nl, Room::Narrow),
            hyphenated,
            "a word is hyphenated once"
        );
    }

    #[test]
    fn punctuation_and_spaces_are_kept_as_written() {
        let text = "Zwakst;  Microsoft stopt ermee (telefoonoproep)!\n";
        let out = soft_hyphens(text, Lang::Nl, Room::Narrow);
        assert_eq!(strip_soft_hyphens(&out), text);
        assert!(out.contains(SOFT_HYPHEN));
    }

    #[test]
    fn chunks_split_at_every_whitespace_character_as_split_does() {
        for text in [
            "",
            " ",
            "a",
            "two  words ",
            "\tnbsp\u{a0}here\u{2003}em\u{3000}ideo\u{85}nel é ë ½\n",
            "\u{2028}x\u{202f}",
        ] {
            let ours: Vec<(usize, &str)> = chunks(text).collect();
            let std: Vec<(usize, &str)> = text
                .split(char::is_whitespace)
                .map(|c| (offset_in(text, c), c))
                .collect();
            assert_eq!(ours, std, "{text:?}");
        }
    }

    #[test]
    fn stripping_gives_back_the_text() {
        assert_eq!(strip_soft_hyphens("In\u{ad}stel\u{ad}len"), "Instellen");
        assert!(matches!(strip_soft_hyphens("Instellen"), Cow::Borrowed(_)));
    }
}
