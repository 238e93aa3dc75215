use super::*;
use proptest::prelude::*;

mod benign;
mod properties;
mod shapes;

fn findings(text: &str) -> Vec<Diagnostic> {
    find_secrets(&Source::new("customers/acme.yaml", text))
        .into_iter()
        .collect()
}

/// The one finding in `text`: line, column, length and message.
fn one(text: &str) -> (usize, usize, usize, String) {
    let found = findings(text);
    let summaries: Vec<String> = found.iter().map(Diagnostic::summary).collect();
    assert_eq!(
        found.len(),
        1,
        "expected one finding in {text:?}, got {summaries:#?}"
    );
    let d = &found[0];
    let span = d.span.expect("a finding has a span");
    (span.line, span.column, span.len, d.message.clone())
}

fn none(text: &str) {
    let summaries: Vec<String> = findings(text).iter().map(Diagnostic::summary).collect();
    assert!(
        summaries.is_empty(),
        "expected nothing in {text:?}, got {summaries:#?}"
    );
}

/// The text a span covers.
fn covered(text: &str, d: &Diagnostic) -> String {
    let span = d.span.expect("a finding has a span");
    let line = text.split('\n').nth(span.line - 1).expect("line exists");
    line.chars().skip(span.column - 1).take(span.len).collect()
}

const ENTRA: &str = "Xk78Q~u2Vt.fR9sLm3Pq_Wn6zYb1cD4eG5hJ-K0a";
const JWT: &str = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.TJVA95OrM7E2cBab30RMHrHDcEfxjoYZgeFONFh7HgQ";

#[test]
fn password_under_a_key_is_reported_at_its_value() {
    let (line, column, len, message) = one("name: Acme\nwachtwoord: Welkom01!\n");
    assert_eq!((line, column, len), (2, 13, 9));
    assert_eq!(
        message,
        "this looks like a password (a value of 9 characters under `wachtwoord`)"
    );
}

#[test]
fn rendered_finding_shows_where_the_secret_is_but_not_the_secret() {
    let text = "name: Acme\r\nwachtwoord: Welkom01! # van Jan\r\n";
    let found = findings(text);
    let rendered = found[0].to_string();
    assert!(!rendered.contains("Welkom01"), "{rendered}");
    assert!(rendered.contains("customers/acme.yaml:2:13"), "{rendered}");
    assert!(
        rendered.contains("wachtwoord: ********* # van Jan"),
        "{rendered}"
    );
    assert!(rendered.contains("^^^^^^^^^"), "{rendered}");
    // Every finding of a file is masked in the copy each of them carries.
    let text = "pin: 4821\nnote: é JBSWY3DPEHPK3PXP\n";
    let found = findings(text);
    assert_eq!(found.len(), 2);
    let masked = found[0].source.as_ref().map(|s| s.text.to_string());
    assert_eq!(
        masked.as_deref(),
        Some("pin: ****\nnote: é ****************\n")
    );
}

#[test]
fn help_says_to_remove_and_rotate() {
    let d = &findings("client_secret: hunter2hunter2\n")[0];
    let help = d.help.as_deref().unwrap_or_default();
    assert!(
        help.starts_with(
            "remove it from the file and rotate it: customer files are published beside the \
             handbook; keep secrets in the customer's password manager."
        ),
        "{help}"
    );
    assert!(help.contains("app registration"), "{help}");
}

#[test]
fn every_key_that_names_a_secret_is_read() {
    for key in [
        "password",
        "passwd",
        "pwd",
        "wachtwoord",
        "pin",
        "pincode",
        "secret",
        "client_secret",
        "clientSecret",
        "geheim",
        "token",
        "access_token",
        "api_key",
        "apikey",
        "API-Key",
        "otp",
        "totp",
        "totp_seed",
        "seed",
        "recovery",
        "herstelcode",
        "herstelcodes",
        "backup_codes",
        "private_key",
        "adminPassword",
        "beheerderswachtwoord",
        "wifi password",
        "password2",
        "secret_value",
    ] {
        let text = format!("{key}: zx81-Qw!9\n");
        let (line, column, len, _) = one(&text);
        assert_eq!((line, column, len), (1, key.len() + 3, 9), "{key}");
    }
}

#[test]
fn values_below_a_secret_key_are_secrets_too() {
    let text = "wachtwoord:\n  nl: Welkom01!\n  en: Welcome01!\n";
    let found = findings(text);
    let places: Vec<(usize, usize)> = found.iter().map(|d| (d.line(), d.column())).collect();
    assert_eq!(places, [(2, 7), (3, 7)]);

    let text = "password: { nl: Welkom01!, en: Welcome01! }\n";
    let found = findings(text);
    let covered: Vec<String> = found.iter().map(|d| covered(text, d)).collect();
    assert_eq!(covered, ["Welkom01!", "Welcome01!"]);

    let (line, column, _, _) = one("tokens:\n  - name: build\n    value: zx81-Qw!9\n");
    assert_eq!((line, column), (3, 12));
}

#[test]
fn the_key_that_decides_is_the_innermost_that_says_something() {
    none("secrets:\n  expires: 2027-01-01\n  url: https://vault.example.nl\n");
    let (line, _, _, message) = one("app_registration:\n  secrets:\n    build: zx81-Qw!9\n");
    assert_eq!(line, 3);
    assert!(message.contains("under `secrets`"), "{message}");
}

#[test]
fn quoted_and_block_values_are_reported_inside_the_quotes() {
    let text = "password: \"Welkom 01!\"   # temp\n";
    let d = &findings(text)[0];
    assert_eq!((d.column(), covered(text, d).as_str()), (12, "Welkom 01!"));

    let text = "password: 'it''s-Welkom01'\n";
    assert_eq!(covered(text, &findings(text)[0]), "it''s-Welkom01");

    let (line, column, len, _) = one("password: |\n  Welkom01!\nname: Acme\n");
    assert_eq!((line, column, len), (2, 3, 9));
}

#[test]
fn secrets_in_comments_are_reported() {
    let (line, column, len, message) = one("name: Acme\n# wachtwoord: Welkom01!\n");
    assert_eq!((line, column, len), (2, 15, 9));
    assert!(message.contains("password in a comment"), "{message}");

    let (line, column, _, _) = one("name: Acme   # pwd admin: Welkom01!\n");
    assert_eq!((line, column), (1, 27));

    let (_, column, len, _) = one("# old: secret=zx81-Qw!9x\n");
    assert_eq!((column, len), (15, 10));

    let (_, column, len, _) = one("# admin pw:Welkom01! (tijdelijk)\n");
    assert_eq!((column, len), (12, 9));
    none("# password=******** and token=<token> and pin=1\n");
}

#[test]
fn labelled_secrets_inside_notes_are_reported() {
    let text = "notes: |\n  Admin-account: beheer@acme.nl\n  Wachtwoord: Welkom01! (tijdelijk)\n\
                remark: \"pin: 4821, zie ook de kluis\"\n\
                # Beheerder jan, wachtwoord: Zomer2026\n";
    let found = findings(text);
    let seen: Vec<(usize, String)> = found.iter().map(|d| (d.line(), covered(text, d))).collect();
    assert_eq!(
        seen,
        [
            (3, "Welkom01!".to_string()),
            (4, "4821".to_string()),
            (5, "Zomer2026".to_string())
        ]
    );
    // Notes about a secret are not one.
    none("notes: |\n  Wachtwoord: minimaal 14 tekens\n  Token: hardware\n  PIN: verplicht\n");
}

#[test]
fn a_greater_than_sign_is_text_not_a_block_scalar() {
    let (line, ..) = one("rule: > 5 tekens\n  wachtwoord: Welkom01!\n");
    assert_eq!(line, 2);
}

#[test]
fn columns_count_characters_not_bytes() {
    let (_, column, _, _) = one("naam: \"Café ĳs\"  # pwd: Welkom01!\n");
    assert_eq!(column, 25);
    // A byte-order mark is the first character of the first line.
    let (line, column, _, _) = one("\u{feff}wachtwoord: Welkom01!\r\nname: x\r\n");
    assert_eq!((line, column), (1, 14));
}

#[test]
fn messages_never_repeat_the_secret() {
    let secrets = [
        ("wachtwoord: Welkom01!", "Welkom01!"),
        ("note: JBSWY3DPEHPK3PXP", "JBSWY3DPEHPK3PXP"),
        ("note: 12345678 23456789 34567890", "12345678"),
        ("# pin: 4821", "4821"),
    ];
    let mut texts: Vec<(String, String)> = secrets
        .iter()
        .map(|(t, s)| (t.to_string(), s.to_string()))
        .collect();
    texts.push((format!("note: {ENTRA}"), ENTRA.into()));
    texts.push((format!("note: {JWT}"), JWT[..20].into()));
    for (text, secret) in texts {
        let found = findings(&text);
        assert!(!found.is_empty(), "{text}");
        for d in found {
            assert!(!d.message.contains(&secret), "{}", d.message);
            assert!(!d.help.unwrap_or_default().contains(&secret));
        }
    }
}

/// The thresholds are tuned on random secrets: most must be found.
#[test]
fn random_secrets_are_found_nine_times_in_ten() {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let alphabets = [
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 32),
        (
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/",
            40,
        ),
        (
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789",
            32,
        ),
    ];
    for (alphabet, len) in alphabets {
        let chars: Vec<char> = alphabet.chars().collect();
        let found = (0..500)
            .filter(|_| {
                let secret: String = (0..len)
                    .map(|_| chars[(next() % chars.len() as u64) as usize])
                    .collect();
                !findings(&format!("note: {secret}\n")).is_empty()
            })
            .count();
        assert!(found >= 450, "{alphabet} × {len}: {found} of 500");
    }
}

#[test]
fn nested_flow_collections_keep_their_keys() {
    let text = "users: [{name: jan, password: Welkom01!}, [x, {pin: 4821}]]\n";
    let found = findings(text);
    let seen: Vec<(String, String)> = found
        .iter()
        .map(|d| (covered(text, d), d.message.clone()))
        .collect();
    assert_eq!(seen.len(), 2, "{seen:#?}");
    assert_eq!(seen[0].0, "Welkom01!");
    assert!(seen[0].1.ends_with("under `password`)"), "{seen:#?}");
    assert_eq!(seen[1].0, "4821");
    assert!(seen[1].1.ends_with("under `pin`)"), "{seen:#?}");
}

#[test]
fn deeply_nested_flow_collections_do_not_exhaust_the_stack() {
    let text = format!("key: {}\n{}\n", "[".repeat(200_000), "{ a: ".repeat(50_000));
    none(&text);
    // Past the depth limit the line is read as text: shapes are still found.
    let text = format!("key: {}{JWT} {}\n", "[".repeat(40), "]".repeat(40));
    let (_, column, _, _) = one(&text);
    assert_eq!(column, 46);
}
