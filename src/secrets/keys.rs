//! What a key's name says about its value: a secret (`client_secret`, `wachtwoord`), something
//! about a secret that is not one itself (`password_policy`, `tenant_id`), or nothing.

/// What a key's name says about its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum KeyClass {
    /// The value is a secret of this kind ("password", "client secret", …).
    Secret(&'static str),
    /// The value is about a secret, or something else entirely: a link, a policy, an id.
    About,
    /// The name says nothing; the keys above it decide.
    Neutral,
}

/// Two words that name a secret together, though neither does alone.
const PAIRS: &[(&str, &str, &str)] = &[
    ("api", "key", "API key"),
    ("api", "keys", "API key"),
    ("private", "key", "private key"),
    ("secret", "key", "secret key"),
    ("access", "key", "access key"),
    ("signing", "key", "signing key"),
    ("shared", "key", "shared key"),
    ("backup", "code", "recovery code"),
    ("backup", "codes", "recovery code"),
    ("recovery", "code", "recovery code"),
    ("recovery", "codes", "recovery code"),
    ("recovery", "key", "recovery key"),
    ("herstel", "code", "recovery code"),
    ("herstel", "codes", "recovery code"),
    ("client", "secret", "client secret"),
    ("client", "secrets", "client secret"),
    ("totp", "secret", "TOTP secret"),
    ("otp", "secret", "TOTP secret"),
];

/// Words a secret's name ends with, also as the tail of a compound (`clientsecret`,
/// `beheerderswachtwoord`), and what they name.
const STEMS: &[(&str, &str)] = &[
    ("password", "password"),
    ("passwords", "password"),
    ("passwd", "password"),
    ("passphrase", "password"),
    ("wachtwoord", "password"),
    ("wachtwoorden", "password"),
    ("clientsecret", "client secret"),
    ("secret", "secret"),
    ("secrets", "secret"),
    ("geheim", "secret"),
    ("geheimen", "secret"),
    ("token", "token"),
    ("tokens", "token"),
    ("apikey", "API key"),
    ("privatekey", "private key"),
    ("pincode", "PIN"),
    ("pincodes", "PIN"),
    ("totp", "TOTP secret"),
    ("backupcodes", "recovery code"),
    ("recoverycodes", "recovery code"),
    ("herstelcode", "recovery code"),
    ("herstelcodes", "recovery code"),
];

/// Short words that name a secret only as a whole word (`pin`, not `spin`).
const WORDS: &[(&str, &str)] = &[
    ("pwd", "password"),
    ("pw", "password"),
    ("pass", "password"),
    ("pin", "PIN"),
    ("pins", "PIN"),
    ("otp", "TOTP secret"),
    ("seed", "TOTP secret"),
    ("seeds", "TOTP secret"),
    ("recovery", "recovery code"),
    ("sig", "shared access signature"),
];

/// Words that make a key about a secret rather than the secret: `password_policy`,
/// `recovery_url`, `wachtwoordbeleid`. The long ones also end compounds.
const ABOUT: &[&str] = &[
    "id",
    "ids",
    "url",
    "uri",
    "link",
    "links",
    "href",
    "page",
    "site",
    "app",
    "help",
    "name",
    "naam",
    "date",
    "datum",
    "type",
    "info",
    "note",
    "notes",
    "label",
    "title",
    "titel",
    "email",
    "mail",
    "phone",
    "count",
    "aantal",
    "min",
    "max",
    "days",
    "dagen",
    "hint",
    "hints",
    "rules",
    "regels",
    "owner",
    "status",
    "format",
    "method",
    "reset",
    "policy",
    "policies",
    "beleid",
    "beheer",
    "beheerder",
    "manager",
    "vault",
    "kluis",
    "location",
    "locatie",
    "expiry",
    "expires",
    "expiration",
    "verloopt",
    "verloopdatum",
    "lifetime",
    "length",
    "lengte",
    "enabled",
    "disabled",
    "required",
    "allowed",
    "mandatory",
    "verplicht",
    "description",
    "omschrijving",
    "uitleg",
    "instructions",
    "instructies",
    "eigenaar",
    "created",
    "updated",
    "rotated",
    "contact",
    "provider",
    "telefoon",
    "timeout",
    "duration",
    "interval",
    "minimum",
    "maximum",
    "complexity",
    "strength",
    "sterkte",
    "methode",
    "vendor",
    "model",
    "merk",
    "leverancier",
    "supplier",
    "serial",
    "serienummer",
    "kind",
    "soort",
];

/// What the name of `key` says about its value.
pub(super) fn classify(key: &str) -> KeyClass {
    let words = words(key);
    for i in (0..words.len()).rev() {
        let word = words[i].as_str();
        if i > 0 {
            let before = words[i - 1].as_str();
            if let Some((_, _, what)) = PAIRS.iter().find(|(a, b, _)| *a == before && *b == word) {
                return KeyClass::Secret(what);
            }
        }
        if is_about(word) {
            return KeyClass::About;
        }
        if let Some(what) = secret_word(word) {
            return KeyClass::Secret(what);
        }
    }
    KeyClass::Neutral
}

/// The class that decides for a value under `keys` (outermost first): the innermost key
/// whose name says something.
pub(super) fn classify_path(keys: &[&str]) -> Option<(&'static str, usize)> {
    for (i, key) in keys.iter().enumerate().rev() {
        match classify(key) {
            KeyClass::Secret(what) => return Some((what, i)),
            KeyClass::About => return None,
            KeyClass::Neutral => {}
        }
    }
    None
}

fn is_about(word: &str) -> bool {
    ABOUT
        .iter()
        .any(|a| word == *a || (a.len() >= 5 && word.len() > a.len() && word.ends_with(a)))
}

fn secret_word(word: &str) -> Option<&'static str> {
    if let Some((_, what)) = WORDS.iter().find(|(w, _)| *w == word) {
        return Some(what);
    }
    STEMS
        .iter()
        .filter(|(stem, _)| word.ends_with(stem))
        .max_by_key(|(stem, _)| stem.len())
        .map(|(_, what)| *what)
}

/// The lower-case words of a key: split at anything not a letter or digit, between a lower-
/// and an upper-case letter (`clientSecret`) and between letters and digits (`password2`).
fn words(key: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut current = String::new();
    let mut prev: Option<char> = None;
    for c in key.chars() {
        if !c.is_alphanumeric() {
            flush(&mut words, &mut current);
            prev = None;
            continue;
        }
        if let Some(p) = prev {
            let case_break = p.is_lowercase() && c.is_uppercase();
            let digit_break = p.is_ascii_digit() != c.is_ascii_digit();
            if case_break || digit_break {
                flush(&mut words, &mut current);
            }
        }
        current.extend(c.to_lowercase());
        prev = Some(c);
    }
    flush(&mut words, &mut current);
    // Digits and "value"-like words say nothing: `password2`, `secret_value`.
    while words.last().is_some_and(|w| {
        w.chars().all(|c| c.is_ascii_digit())
            || [
                "value", "values", "waarde", "string", "text", "tekst", "raw", "hex", "b64",
            ]
            .contains(&w.as_str())
    }) {
        words.pop();
    }
    words
}

fn flush(words: &mut Vec<String>, current: &mut String) {
    if !current.is_empty() {
        words.push(std::mem::take(current));
    }
}
