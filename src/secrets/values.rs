//! Whether a value under a key that names a secret is one: not when it is empty, a
//! placeholder, a link, an e-mail address, a sentence, the label of a field (`Password`), or
//! a note on where the secret is kept (`zie 1Password`), which is what a consultant should
//! write.

use super::keys::{KeyClass, classify};

/// Whether `value`, found under a key that names a secret of kind `what`, is the secret
/// itself, not a label or a note. A password may be any word; codes, seeds, tokens and PINs
/// are never plain words (`recovery: helpdesk` is a setting). When `strict` (a comment or
/// other free text, where people write notes) only a single word that looks like a password
/// counts.
pub(super) fn is_secret(value: &str, what: &str, strict: bool) -> bool {
    let value = value.trim();
    if value.chars().count() < 4
        || is_placeholder(value)
        || is_link_or_address(value)
        || is_prose(value)
        || is_reference(value)
        || is_label(value)
    {
        return false;
    }
    let any_word = matches!(what, "password" | "secret") && !strict;
    let one_word = !strict || !value.contains(char::is_whitespace);
    one_word && (any_word || looks_like_password(value))
}

fn is_placeholder(value: &str) -> bool {
    const WORDS: &[&str] = &[
        "null",
        "true",
        "false",
        "yes",
        "no",
        "on",
        "off",
        "none",
        "geen",
        "todo",
        "tbd",
        "n/a",
        "nvt",
        "n.v.t.",
        "redacted",
        "hidden",
        "verborgen",
        "unknown",
        "onbekend",
        "placeholder",
    ];
    let lower = value.to_lowercase();
    WORDS.contains(&lower.as_str())
        || value.chars().all(|c| "*xX.?-_#•".contains(c))
        || (value.starts_with('<') && value.ends_with('>'))
        || (value.starts_with('[') && value.ends_with(']'))
        || value.starts_with("${")
        || value.starts_with("{{")
}

/// A link without a password in it (that one is found by its shape), or an e-mail address:
/// a reset page or a recovery address, not a secret.
fn is_link_or_address(value: &str) -> bool {
    let is_email = value.contains('@') && !value.contains(' ') && value.contains('.');
    value.contains("://") || is_email
}

/// Four or more words that read as a sentence: an explanation under a key like `recovery`.
fn is_prose(value: &str) -> bool {
    const SMALL_WORDS: &[&str] = &[
        "de", "het", "een", "en", "of", "in", "op", "van", "voor", "met", "naar", "is", "je", "u",
        "bij", "niet", "the", "a", "an", "and", "or", "to", "for", "with", "you", "your", "see",
        "zie", "not", "via", "ask", "vraag",
    ];
    let words: Vec<&str> = value.split_whitespace().collect();
    let sentence_end = value.ends_with(['.', '?', '!']);
    let small = words
        .iter()
        .any(|w| SMALL_WORDS.contains(&w.to_lowercase().as_str()));
    words.len() >= 4 && (sentence_end || small)
}

/// A note on where the secret is kept: `zie 1Password`, `in Bitwarden`, `ask the helpdesk`.
fn is_reference(value: &str) -> bool {
    const LEADS: &[&str] = &[
        "zie",
        "see",
        "in",
        "via",
        "staat",
        "stored",
        "ask",
        "vraag",
        "bij",
        "check",
        "kijk",
        "opgeslagen",
        "saved",
    ];
    const VAULTS: &[&str] = &[
        "1password",
        "bitwarden",
        "vaultwarden",
        "keepass",
        "keepassxc",
        "lastpass",
        "keeper",
        "dashlane",
        "passbolt",
        "passportal",
        "hudu",
        "itglue",
        "vault",
        "kluis",
        "wachtwoordkluis",
        "wachtwoordmanager",
        "wachtwoordbeheerder",
    ];
    let words: Vec<String> = value
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .collect();
    let led = words.len() >= 2 && LEADS.contains(&words[0].as_str());
    led || words.iter().any(|w| VAULTS.contains(&w.as_str()))
}

/// The name of the secret itself (`"Password"`, `"Wachtwoord"`, `"PIN"`): the label of a
/// field, not its content.
fn is_label(value: &str) -> bool {
    value.chars().all(char::is_alphabetic) && matches!(classify(value), KeyClass::Secret(_))
}

/// Passwords, PINs and keys have a digit, a symbol or a capital past the first letter;
/// the words of a note (`verplicht`, `required`) do not.
fn looks_like_password(value: &str) -> bool {
    value.chars().any(|c| !c.is_alphabetic()) || value.chars().skip(1).any(char::is_uppercase)
}
