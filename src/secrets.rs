//! Secrets pasted into a customer file: passwords, TOTP seeds, recovery codes, client
//! secrets, keys and tokens, found in the YAML text and reported as errors that do not repeat
//! the secret.

mod keys;
mod mask;
mod patterns;
mod random;
mod scan;
mod values;

use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
pub use mask::mask_secrets;
use patterns::Hit;
use scan::{Place, Scalar};

/// Every secret in the YAML text of `source`, one error per finding, at the exact span of the
/// secret; the message says what it looks like but never repeats it. The findings carry a
/// copy of `source` with each secret overwritten by `*`, so a rendered snippet shows where
/// the secret is without printing it.
///
/// The text is read line by line, not parsed: comments, keys the schema would refuse and
/// files that are not valid YAML are read too. Each value knows the keys above it (block and
/// flow mappings, sequences, block scalars; `# key: value` in a comment counts as a key).
///
/// What it catches:
/// - **A key that names a secret** with a value of 4 or more characters: `password`,
///   `passwd`, `pwd`, `wachtwoord`, `pin`, `pincode`, `secret`, `client_secret`, `geheim`,
///   `token`, `api_key`, `apikey`, `otp`, `totp`, `seed`, `recovery`, `herstelcode(s)`,
///   `backup_codes`, `private_key`, also inside compounds (`adminPassword`,
///   `beheerderswachtwoord`) and for every value below such a key (`password: { nl: … }`).
///   The innermost key that says something decides, so `password_policy`, `recovery_url`,
///   `tenant_id` and `wachtwoordbeleid` are about a secret, not one. Empty values, `~`,
///   `null`, booleans, placeholders (`***`, `xxx`, `<secret>`, `${VAR}`), links, e-mail
///   addresses, sentences of four or more words, labels (`"Wachtwoord"`) and notes on where
///   the secret is kept (`zie 1Password`, `in Bitwarden`) are not reported. A password or
///   secret may be any word; codes, seeds, tokens and PINs need a digit, a symbol or a
///   capital inside (`recovery: helpdesk` is a setting). In a comment, where people write
///   notes (`# pin: minimaal 6 cijfers`), only one such word counts. A GUID is reported only
///   under such a key: a tenant id is not a secret.
/// - **Labels in free text**: `Wachtwoord: Welkom01!` in a note (a block scalar, a quoted
///   string, a comment), `pw:Welkom01` and `secret=…`, and query parameters named like a
///   secret (`?sig=…`), when the word after the label looks like a password; and a password
///   in a URL (`https://user:pass@host`).
/// - **TOTP**: `otpauth://` links; base32 of 16 or more characters in one case (with `=`
///   padding, or in groups of four: `JBSW Y3DP EHPK 3PXP`) that does not read as words: few
///   vowels (under 3 in 10 letters, or 2 in 10 without digits), or digits mixed in between
///   short runs of letters; never five digits in a row (that is a number, like an IBAN).
/// - **Microsoft Entra client secrets**: three characters, a digit, `Q~` and 31 to 34 more.
/// - **Recovery codes**: three or more codes in a row (8 to 10 digits, or `xxxx-xxxx`
///   letters and digits), in one value or as consecutive list items or block-scalar lines.
/// - **Private keys** (`-----BEGIN … PRIVATE KEY-----`, reported once for the whole block),
///   **JWTs** (`eyJ….eyJ….…`), hexadecimal keys of 32 or more characters, and other tokens
///   of 32 or more base64-like characters with letters and digits, at least 4 bits of
///   Shannon entropy per character, and no words in them: in mixed case a change between
///   upper, lower, digit and symbol at least 4 times in 10 characters and no run of 9
///   letters in one case; in one case, few vowels.
///
/// What it deliberately does not:
/// - URLs are never secrets by their path (so a webhook URL with a token in its path is not
///   found), only by a password or a query parameter named like a secret; file names with an
///   image or document extension are never secrets.
/// - Short secrets without a telling key (an 8-character password in a comment without
///   `password:` before it) look like any word, and are not found.
/// - Lowercase words, phone numbers (`+31 20 123 4567`, `0201234567`), dates (also
///   `20261201`), colours, IBANs, upper-case words with vowels (`MFA-HANDLEIDING`) and
///   GUIDs under other keys are left alone; so is a passphrase written as a sentence (four
///   words with a full stop or a small word like `de`) under a secret key, or any
///   passphrase in a comment.
/// - Shape rules trade a little recall for quiet: about 1 in 12 random 16-character base32
///   secrets reads as words by the vowel test, as do 1 in 25 random mixed-case 32-character
///   tokens and 1 in 7 lower-case ones; a key that names the secret still catches those.
///   Three 8-digit numbers in a row (KvK numbers) do read as recovery codes.
/// - Multi-line flow collections and quoted strings are read per line; a secret in them is
///   still found by its shape, but may miss the key above it.
pub fn find_secrets(source: &Source) -> Diagnostics {
    let Some(found) = scan(source) else {
        return Diagnostics::new();
    };
    let mut all = found.in_values;
    all.extend(found.in_comments);
    all
}

/// What [`find_secrets`] finds in one file, split by where it sits, with the file masked.
#[derive(Debug, Clone)]
pub struct Found {
    /// The file with every secret overwritten by `*`: the only text of it ever shown.
    pub masked: Source,
    /// The secrets as written, to be kept out of every message.
    pub texts: Vec<String>,
    /// Secrets in values: a build would publish them.
    pub in_values: Diagnostics,
    /// Secrets in comments: not published, but the file is shared.
    pub in_comments: Diagnostics,
}

/// The secrets of `source`, or `None` when it has none.
pub fn scan(source: &Source) -> Option<Found> {
    let scalars = scan::scalars(&source.text);
    let found: Vec<(Span, Diagnostic, bool)> = find_in(&scalars)
        .into_iter()
        .map(|(scalar, hit)| {
            let comment = scalar.place == Place::Comment;
            let d = Diagnostic::error(hit.kind.message(comment)).help(hit.kind.help());
            (span_of(scalar, &hit), d, comment)
        })
        .collect();
    if found.is_empty() {
        return None;
    }
    let texts = found
        .iter()
        .filter_map(|(span, _, _)| {
            let line = source.line_text(span.line)?;
            let text: String = line.chars().skip(span.column - 1).take(span.len).collect();
            (!text.trim().is_empty()).then_some(text)
        })
        .collect();
    let masked = masked(source, found.iter().map(|(span, _, _)| *span));
    let (mut in_values, mut in_comments) = (Diagnostics::new(), Diagnostics::new());
    for (span, d, comment) in found {
        let d = d.at(&masked, span);
        if comment {
            in_comments.push(d);
        } else {
            in_values.push(d);
        }
    }
    Some(Found {
        masked,
        texts,
        in_values,
        in_comments,
    })
}

/// `source` with every span overwritten by `*`, character for character: the snippet of a
/// rendered finding shows where the secret is, in a terminal or a CI log, but not the secret.
fn masked(source: &Source, spans: impl Iterator<Item = Span>) -> Source {
    let mut lines: Vec<Vec<char>> = source
        .text
        .split('\n')
        .map(|l| l.chars().collect())
        .collect();
    for span in spans {
        if let Some(line) = lines.get_mut(span.line.wrapping_sub(1)) {
            let start = span.column.saturating_sub(1).min(line.len());
            let end = (start + span.len).min(line.len());
            line[start..end].iter_mut().for_each(|c| *c = '*');
        }
    }
    let text: Vec<String> = lines.into_iter().map(String::from_iter).collect();
    Source::new(source.name.clone(), text.join("\n"))
}

/// What a secret looks like; the message and the help text follow from it.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Kind {
    /// A value under a key (or after `name=`) that names a secret.
    Labelled {
        key: String,
        what: &'static str,
        guid: bool,
        chars: usize,
    },
    UrlPassword,
    Otpauth,
    Totp {
        chars: usize,
    },
    EntraSecret,
    PrivateKey,
    Jwt,
    RecoveryCodes {
        count: usize,
    },
    Hex {
        chars: usize,
    },
    Token {
        chars: usize,
    },
}

impl Kind {
    fn message(&self, comment: bool) -> String {
        let (what, detail) = match self {
            Kind::Labelled {
                key, what, guid, ..
            } if *guid => (with_article(what), format!("a GUID under `{key}`")),
            Kind::Labelled {
                key, what, chars, ..
            } => (
                with_article(what),
                format!("a value of {chars} characters under `{key}`"),
            ),
            Kind::UrlPassword => ("a password".into(), "in the user part of a link".into()),
            Kind::Otpauth => (
                "an authenticator setup link".into(),
                "an otpauth:// URI, which holds the TOTP secret".into(),
            ),
            Kind::Totp { chars } => (
                "a TOTP secret".into(),
                format!("base32, {chars} characters"),
            ),
            Kind::EntraSecret => (
                "a Microsoft Entra client secret".into(),
                "the app registration format with `Q~`".into(),
            ),
            Kind::PrivateKey => (
                "a private key".into(),
                "a PEM `BEGIN … PRIVATE KEY` block".into(),
            ),
            Kind::Jwt => (
                "a JSON Web Token".into(),
                "the access or ID token of a signed-in session".into(),
            ),
            Kind::RecoveryCodes { count } => (
                "a list of recovery codes".into(),
                format!("{count} codes in a row"),
            ),
            Kind::Hex { chars } => ("a key".into(), format!("hexadecimal, {chars} characters")),
            Kind::Token { chars } => (
                "an access token or key".into(),
                format!("{chars} random-looking characters"),
            ),
        };
        let place = if comment { " in a comment" } else { "" };
        format!("this looks like {what}{place} ({detail})")
    }

    fn help(&self) -> String {
        let what = match self {
            Kind::Labelled { what, .. } => what,
            Kind::Otpauth | Kind::Totp { .. } => "TOTP secret",
            Kind::EntraSecret => "client secret",
            Kind::RecoveryCodes { .. } => "recovery code",
            Kind::PrivateKey => "private key",
            Kind::Jwt => "token",
            _ => "",
        };
        let how = match what {
            "TOTP secret" => {
                " To rotate a TOTP secret, remove the authenticator from the account and \
                 register it again."
            }
            "recovery code" | "recovery key" => {
                " To rotate recovery codes, generate new ones; that voids these."
            }
            "client secret" => {
                " To rotate a client secret, delete it under Certificates & secrets in the app \
                 registration and add a new one."
            }
            "private key" => {
                " To rotate a private key, replace the key pair and revoke the certificate that \
                 uses it."
            }
            "token" if *self == Kind::Jwt => {
                " To rotate a token, revoke the sessions of the account it belongs to."
            }
            _ => "",
        };
        format!(
            "remove it from the file and rotate it: customer files are published beside the \
             handbook; keep secrets in the customer's password manager.{how}"
        )
    }
}

fn with_article(what: &str) -> String {
    let article = if what.starts_with(['a', 'e', 'i', 'o', 'u', 'A', 'E', 'I', 'O', 'U']) {
        "an"
    } else {
        "a"
    };
    format!("{article} {what}")
}

/// Every finding, in the order of the text: by its shape first, then recovery codes spread
/// over list items, then by the key it sits under.
fn find_in<'s, 'a>(scalars: &'s [Scalar<'a>]) -> Vec<(&'s Scalar<'a>, Hit)> {
    let mut hits: Vec<Vec<Hit>> = vec![Vec::new(); scalars.len()];
    let mut quiet = vec![false; scalars.len()];
    let mut in_private_key = false;
    for (i, scalar) in scalars.iter().enumerate() {
        if in_private_key && scalar.keyed && scalar.place != Place::Comment {
            in_private_key = false;
        }
        if in_private_key {
            // The body of a private key already reported: its lines say nothing new.
            quiet[i] = true;
            in_private_key = !scalar.text.contains("-----END");
            continue;
        }
        hits[i] = patterns::find(scalar.text);
        in_private_key =
            hits[i].iter().any(|h| h.kind == Kind::PrivateKey) && !scalar.text.contains("-----END");
    }
    for run in code_runs(scalars, &hits, &quiet) {
        let (first, last) = (&scalars[run.start], &scalars[run.end - 1]);
        // On one line (a flow sequence) the span covers every code, else the first.
        let end = if first.line == last.line {
            last.start + last.text.len() - first.start
        } else {
            first.text.len()
        };
        hits[run.start].push(Hit {
            range: 0..end,
            kind: Kind::RecoveryCodes { count: run.len() },
        });
        quiet[run].iter_mut().for_each(|q| *q = true);
    }
    let mut out = Vec::new();
    for (i, scalar) in scalars.iter().enumerate() {
        let mut found = std::mem::take(&mut hits[i]);
        if found.is_empty() && !quiet[i] {
            found.extend(labelled(scalar));
        }
        found.sort_by_key(|h| h.range.start);
        found.dedup_by(|b, a| b.range.start < a.range.end);
        out.extend(found.into_iter().map(|h| (scalar, h)));
    }
    out
}

/// Runs of three or more list items or block-scalar lines, on consecutive lines, each of
/// them one recovery code.
fn code_runs(
    scalars: &[Scalar<'_>],
    hits: &[Vec<Hit>],
    quiet: &[bool],
) -> Vec<std::ops::Range<usize>> {
    let is_code = |i: usize| {
        let s = &scalars[i];
        matches!(s.place, Place::Item | Place::Block)
            && hits[i].is_empty()
            && !quiet[i]
            && patterns::is_code(s.text)
    };
    let mut runs = Vec::new();
    let mut i = 0;
    while i < scalars.len() {
        let mut end = i;
        while end < scalars.len()
            && is_code(end)
            && (end == i || scalars[end].line <= scalars[end - 1].line + 1)
        {
            end += 1;
        }
        if end - i >= 3 {
            runs.push(i..end);
        }
        i = end.max(i + 1);
    }
    runs
}

/// A value that its key says is a secret.
fn labelled(scalar: &Scalar<'_>) -> Option<Hit> {
    let (what, i) = keys::classify_path(&scalar.keys)?;
    if !values::is_secret(scalar.text, what, scalar.place == Place::Comment) {
        return None;
    }
    let value = scalar.text.trim();
    let start = scalar.text.len() - scalar.text.trim_start().len();
    Some(Hit {
        range: start..start + value.len(),
        kind: Kind::Labelled {
            key: scalar.keys[i].to_string(),
            what,
            guid: patterns::is_guid(value),
            chars: value.chars().count(),
        },
    })
}

/// The span of `hit` in its line, in characters. A hit's range is relative to its scalar's
/// text but may reach further along the line (recovery codes in a flow sequence).
fn span_of(scalar: &Scalar<'_>, hit: &Hit) -> Span {
    let line = scalar.line_text;
    let start = scalar.start + hit.range.start;
    let end = scalar.start + hit.range.end;
    let column = line
        .get(..start)
        .map_or(1, |before| before.chars().count() + 1);
    let len = line.get(start..end).map_or(0, |t| t.chars().count());
    Span::new(scalar.line, column, len)
}

#[cfg(test)]
mod tests;
