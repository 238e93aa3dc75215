//! What a secret looks like by its shape alone, whatever key it sits under: otpauth:// links,
//! base32 TOTP secrets, Entra client secrets, private keys, JWTs, recovery codes and other
//! long random tokens.

use std::ops::Range;

use super::Kind;
use super::keys::{KeyClass, classify};
use super::random::{is_base32_secret, is_random_token};
use super::values::is_secret;

/// A secret found in a scalar: its byte range in the scalar's text and what it looks like.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Hit {
    pub range: Range<usize>,
    pub kind: Kind,
}

/// Characters that end a token: spaces and the punctuation around values in text.
const BREAKS: &[char] = &[
    ' ', '\t', '"', '\'', '`', '(', ')', '[', ']', '{', '}', '<', '>', ',', ';', '|', '\\',
];

/// Every secret in `text` that its shape gives away, at most one per token.
pub(super) fn find(text: &str) -> Vec<Hit> {
    // A private key's body would otherwise show as many tokens; the marker says it all.
    if let Some(range) = private_key(text) {
        return vec![Hit {
            range,
            kind: Kind::PrivateKey,
        }];
    }
    let tokens = tokens(text);
    let mut hits: Vec<Hit> = tokens
        .iter()
        .filter_map(|t| token(text, t.clone()))
        .collect();
    hits.extend(spaced_base32(text, &tokens));
    hits.extend(code_run(text, &tokens));
    hits.extend(labels(text, &tokens));
    hits
}

/// `Wachtwoord: Welkom01!` inside text (notes in a block scalar, a quoted string, a comment
/// that is not `# key: value`): the word after a label that names a secret, if it looks
/// like one.
fn labels(text: &str, tokens: &[Range<usize>]) -> Vec<Hit> {
    tokens
        .windows(2)
        .filter(|pair| text[pair[0].end..].starts_with(": "))
        .filter_map(|pair| {
            let (start, end) = (pair[1].start, token_end(text, pair[1].start));
            let kind = named(&text[pair[0].clone()], &text[start..end], true)?;
            Some(Hit {
                range: start..end,
                kind,
            })
        })
        .collect()
}

/// The byte ranges of the tokens of `text`, without trailing sentence punctuation.
fn tokens(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in text.char_indices().chain([(text.len(), ' ')]) {
        if BREAKS.contains(&c) {
            let token = text[start..i].trim_end_matches(['.', ':', '!', '?']);
            if !token.is_empty() {
                out.push(start..start + token.len());
            }
            start = i + c.len_utf8();
        }
    }
    out
}

/// The end of the token at `start` with its trailing punctuation: a password keeps the `!`
/// or `.` that shapes are read without.
fn token_end(text: &str, start: usize) -> usize {
    text[start..].find(BREAKS).map_or(text.len(), |i| start + i)
}

fn token(text: &str, range: Range<usize>) -> Option<Hit> {
    let t = &text[range.clone()];
    let at = |r: Range<usize>, kind| {
        Some(Hit {
            range: range.start + r.start..range.start + r.end,
            kind,
        })
    };
    if t.len() > 10
        && t.get(..10)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("otpauth://"))
    {
        return at(0..t.len(), Kind::Otpauth);
    }
    if let Some(r) = jwt(t) {
        return at(r, Kind::Jwt);
    }
    if let Some(r) = entra_secret(t) {
        return at(r, Kind::EntraSecret);
    }
    if t.contains("://") {
        return url_secret(t).and_then(|(r, kind)| at(r, kind));
    }
    // `name=value` or `name:value` in text: the value's shape first, then the name.
    if let Some(eq) = t
        .find(['=', ':'])
        .filter(|&i| i > 0 && !t[i..].trim_start_matches(['=', ':']).is_empty())
    {
        let value = eq + 1..t.len();
        if let Some(kind) = shape(&t[value.clone()]) {
            return at(value, kind);
        }
        let value = eq + 1..token_end(text, range.start) - range.start;
        let full = &text[range.start + value.start..range.start + value.end];
        return named(&t[..eq], full, false).and_then(|kind| at(value, kind));
    }
    shape(t).and_then(|kind| at(0..t.len(), kind))
}

/// What a single token is by its shape: a base32 TOTP secret, a hex key or a random token.
fn shape(t: &str) -> Option<Kind> {
    if is_base32_secret(t) {
        return Some(Kind::Totp {
            chars: t.trim_end_matches('=').len(),
        });
    }
    if t.len() < 32 || is_guid(t) || is_file_path(t) {
        return None;
    }
    if t.bytes().all(|b| b.is_ascii_hexdigit())
        && t.bytes().any(|b| b.is_ascii_digit())
        && t.bytes().any(|b| b.is_ascii_alphabetic())
        && (t.bytes().all(|b| !b.is_ascii_uppercase())
            || t.bytes().all(|b| !b.is_ascii_lowercase()))
    {
        return Some(Kind::Hex { chars: t.len() });
    }
    is_random_token(t).then_some(Kind::Token { chars: t.len() })
}

/// A value whose name says it is a secret: `secret=…` or `pw:…` in a comment, `?sig=…` in a
/// URL.
/// `strict`: in free text, where only a word that looks like a password counts.
fn named(name: &str, value: &str, strict: bool) -> Option<Kind> {
    let name = name.rsplit(['?', '&', ';']).next().unwrap_or(name);
    match classify(name) {
        KeyClass::Secret(what) if is_secret(value, what, strict) => Some(Kind::Labelled {
            key: name.to_string(),
            what,
            guid: is_guid(value),
            chars: value.chars().count(),
        }),
        _ => None,
    }
}

/// A password in a URL (`https://user:pass@host`) or a query parameter named like a secret.
fn url_secret(url: &str) -> Option<(Range<usize>, Kind)> {
    let scheme_end = url.find("://")? + 3;
    let authority_end = url[scheme_end..]
        .find(['/', '?', '#'])
        .map_or(url.len(), |i| scheme_end + i);
    if let Some(at) = url[scheme_end..authority_end].rfind('@') {
        let userinfo = scheme_end..scheme_end + at;
        if let Some(colon) = url[userinfo.clone()].find(':') {
            let password = userinfo.start + colon + 1..userinfo.end;
            if !password.is_empty() {
                return Some((password, Kind::UrlPassword));
            }
        }
    }
    let query = url.find('?')? + 1;
    let mut start = query;
    for part in url[query..].split(['&', '#']) {
        if let Some(eq) = part.find('=') {
            let value = start + eq + 1..start + part.len();
            if let Some(kind) = named(&part[..eq], &url[value.clone()], false) {
                return Some((value, kind));
            }
        }
        start += part.len() + 1;
    }
    None
}

/// `-----BEGIN … PRIVATE KEY-----` (also OPENSSH, ENCRYPTED, PGP … KEY BLOCK).
fn private_key(text: &str) -> Option<Range<usize>> {
    text.match_indices("-----BEGIN ").find_map(|(start, _)| {
        let rest = &text[start + 11..];
        let end = rest.find("-----")?;
        rest[..end]
            .contains("PRIVATE KEY")
            .then_some(start..start + 11 + end + 5)
    })
}

/// `eyJ….eyJ….…`: a JSON Web Token (header and payload are base64url JSON objects).
fn jwt(t: &str) -> Option<Range<usize>> {
    let start = t.find("eyJ")?;
    let is_b64url = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
    let bytes = t.as_bytes();
    let mut i = start;
    let mut parts = 0;
    loop {
        let seg = i;
        while i < bytes.len() && is_b64url(bytes[i]) {
            i += 1;
        }
        parts += 1;
        let long_enough = parts == 3 || i - seg >= 10;
        if !long_enough || (parts == 2 && !t[seg..].starts_with("eyJ")) {
            return None;
        }
        if parts == 3 {
            return Some(start..i);
        }
        if bytes.get(i) != Some(&b'.') {
            return None;
        }
        i += 1;
    }
}

/// A Microsoft Entra client secret: three characters, a digit, `Q~`, then 31 to 34 more
/// (40 in all in the current format).
fn entra_secret(t: &str) -> Option<Range<usize>> {
    let in_set = |b: u8| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'~' | b'.' | b'-');
    let bytes = t.as_bytes();
    t.match_indices("Q~").find_map(|(q, _)| {
        let start = q.checked_sub(4)?;
        let prefix_ok = bytes[start..q - 1].iter().all(|&b| in_set(b) && b != b'-')
            && bytes[q - 1].is_ascii_digit()
            && (start == 0 || !in_set(bytes[start - 1]));
        let tail = bytes[q + 2..].iter().take_while(|&&b| in_set(b)).count();
        (prefix_ok && (31..=34).contains(&tail)).then_some(start..q + 2 + tail)
    })
}

/// Four-character base32 groups with one space between: `JBSW Y3DP EHPK 3PXP`.
fn spaced_base32(text: &str, tokens: &[Range<usize>]) -> Option<Hit> {
    let group = |r: &Range<usize>| {
        let t = &text[r.clone()];
        t.len() == 4
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() && !matches!(b, b'0' | b'1' | b'8' | b'9'))
    };
    let mut run: Vec<&Range<usize>> = Vec::new();
    let mut best = None;
    for r in tokens.iter().chain([&(usize::MAX..usize::MAX)]) {
        let joined = run.last().is_some_and(|last| r.start == last.end + 1);
        if r.start != usize::MAX && group(r) && (run.is_empty() || joined) {
            run.push(r);
            continue;
        }
        if run.len() >= 4 && best.is_none() {
            let range = run[0].start..run[run.len() - 1].end;
            let body: String = text[range.clone()].split(' ').collect();
            if is_base32_secret(&body) {
                best = Some(Hit {
                    range,
                    kind: Kind::Totp { chars: body.len() },
                });
            }
        }
        run.clear();
        if r.start != usize::MAX && group(r) {
            run.push(r);
        }
    }
    best
}

/// Three or more recovery codes in a row in one scalar.
fn code_run(text: &str, tokens: &[Range<usize>]) -> Option<Hit> {
    let mut run: Vec<&Range<usize>> = Vec::new();
    for r in tokens.iter().chain([&(usize::MAX..usize::MAX)]) {
        if r.start != usize::MAX && is_code(&text[r.clone()]) {
            run.push(r);
            continue;
        }
        if run.len() >= 3 {
            return Some(Hit {
                range: run[0].start..run[run.len() - 1].end,
                kind: Kind::RecoveryCodes { count: run.len() },
            });
        }
        run.clear();
    }
    None
}

/// One recovery code: 8 to 10 digits, or two groups of 4 or 5 letters and digits joined by
/// `-` (`1a2b-3c4d`). Not a phone number (9 or 10 digits from 0), a date or a span of years.
pub(super) fn is_code(t: &str) -> bool {
    let t = t.trim();
    if t.bytes().all(|b| b.is_ascii_digit()) {
        let phone = t.len() >= 9 && t.starts_with('0');
        return (8..=10).contains(&t.len()) && !phone && !is_compact_date(t);
    }
    let Some((a, b)) = t.split_once('-') else {
        return false;
    };
    let group =
        |g: &str| (4..=5).contains(&g.len()) && g.bytes().all(|c| c.is_ascii_alphanumeric());
    let years = [a, b].iter().all(|g| {
        g.len() == 4
            && (g.starts_with("19") || g.starts_with("20"))
            && g.bytes().all(|c| c.is_ascii_digit())
    });
    let one_case =
        !t.bytes().any(|c| c.is_ascii_lowercase()) || !t.bytes().any(|c| c.is_ascii_uppercase());
    group(a) && group(b) && t.bytes().any(|c| c.is_ascii_digit()) && one_case && !years
}

/// `20261201`: a date written without dashes.
fn is_compact_date(t: &str) -> bool {
    let number = |r: Range<usize>| t.get(r).and_then(|d| d.parse::<u32>().ok()).unwrap_or(0);
    t.len() == 8
        && (1900..2100).contains(&number(0..4))
        && (1..=12).contains(&number(4..6))
        && (1..=31).contains(&number(6..8))
}

/// `8-4-4-4-12` hexadecimal digits.
pub(super) fn is_guid(t: &str) -> bool {
    let parts: Vec<&str> = t.split('-').collect();
    parts.len() == 5
        && parts
            .iter()
            .zip([8, 4, 4, 4, 12])
            .all(|(p, n)| p.len() == n && p.bytes().all(|b| b.is_ascii_hexdigit()))
}

/// A file name with an extension we serve: logo and screenshot paths are not secrets, however
/// random their names look.
fn is_file_path(t: &str) -> bool {
    const EXTENSIONS: &[&str] = &[
        "svg", "png", "jpg", "jpeg", "gif", "webp", "ico", "pdf", "md", "yaml", "yml", "css", "js",
        "html", "htm", "txt", "json", "woff2",
    ];
    t.rsplit_once('.')
        .is_some_and(|(_, ext)| EXTENSIONS.contains(&ext.to_ascii_lowercase().as_str()))
}
