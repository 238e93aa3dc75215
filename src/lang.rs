//! The languages handboek ships, and what differs between them outside the theme.

use std::fmt;

/// A language we ship content, UI strings and screens for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Lang {
    Nl,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Nl, Lang::En];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Nl => "nl",
            Lang::En => "en",
        }
    }

    pub fn parse(code: &str) -> Option<Lang> {
        Lang::ALL.into_iter().find(|l| l.code() == code)
    }

    /// The file name of the single-page print edition in this language.
    pub fn print_file(self) -> &'static str {
        match self {
            Lang::Nl => "handboek.html",
            Lang::En => "handbook.html",
        }
    }

    /// The file name of an audience's one-page poster (`layout: poster`) in this language.
    pub fn poster_file(self) -> &'static str {
        match self {
            Lang::Nl => "affiche.html",
            Lang::En => "poster.html",
        }
    }

    pub fn date_lang(self) -> crate::date::DateLang {
        match self {
            Lang::Nl => crate::date::DateLang::Nl,
            Lang::En => crate::date::DateLang::En,
        }
    }

    /// The names we accept, for messages.
    pub fn list() -> String {
        Lang::ALL.map(|l| format!("`{}`", l.code())).join(", ")
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::parse(l.code()), Some(l));
        }
        assert_eq!(Lang::parse("fr"), None);
        assert_eq!(Lang::parse("NL"), None);
    }
}
