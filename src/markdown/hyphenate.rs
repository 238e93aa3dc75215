//! Soft hyphens in long words, so that a narrow place (a table cell, a phone's width)
//! wraps a word at a syllable boundary, with a hyphen, instead of anywhere. The patterns
//! (TeX's, for Dutch and English) are built into the binary by `hypher`; nothing depends
//! on the reader's browser having a hyphenation dictionary.

use std::borrow::Cow;

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
pub fn soft_hyphens(text: &str, lang: Lang, room: Room) -> Cow<'_, str> {
    let min = room.min_letters();
    if text.chars().filter(|c| c.is_alphabetic()).count() < min {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + text.len() / 8);
    let mut changed = false;
    for (chunk, is_space) in chunks(text) {
        if is_space || !is_prose(chunk) {
            out.push_str(chunk);
            continue;
        }
        for (run, is_word) in runs(chunk) {
            if is_word && run.chars().count() >= min {
                changed |= push_syllables(&mut out, run, lang);
            } else {
                out.push_str(run);
            }
        }
    }
    match changed {
        true => Cow::Owned(out),
        false => Cow::Borrowed(text),
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
    let lang = match lang {
        Lang::Nl => hypher::Lang::Dutch,
        Lang::En => hypher::Lang::English,
    };
    let mut syllables = 0;
    for syllable in hypher::hyphenate(word, lang) {
        if syllables > 0 {
            out.push(SOFT_HYPHEN);
        }
        out.push_str(syllable);
        syllables += 1;
    }
    syllables > 1
}

/// `text` cut into runs of whitespace and runs of anything else, each with whether it is
/// whitespace.
fn chunks(text: &str) -> impl Iterator<Item = (&str, bool)> {
    split_by(text, char::is_whitespace)
}

/// A chunk cut into runs of letters (words) and runs of anything else (punctuation,
/// hyphens, apostrophes), each with whether it is a word.
fn runs(chunk: &str) -> impl Iterator<Item = (&str, bool)> {
    split_by(chunk, char::is_alphabetic)
}

/// `text` cut where `class` changes from one character to the next.
fn split_by(text: &str, class: fn(char) -> bool) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let kind = class(first);
        let end = rest
            .char_indices()
            .find(|&(_, c)| class(c) != kind)
            .map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some((run, kind))
    })
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
    fn stripping_gives_back_the_text() {
        assert_eq!(strip_soft_hyphens("In\u{ad}stel\u{ad}len"), "Instellen");
        assert!(matches!(strip_soft_hyphens("Instellen"), Cow::Borrowed(_)));
    }
}
