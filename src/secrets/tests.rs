use super::*;
use proptest::prelude::*;

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
fn keys_about_a_secret_are_not_secrets() {
    for key in [
        "password_policy",
        "wachtwoordbeleid",
        "password_manager",
        "wachtwoordbeheerder",
        "recovery_url",
        "recovery_email",
        "token_lifetime",
        "tenant_id",
        "passwordless",
        "secretary",
        "pinned",
        "no_smartphone",
        "token_vendor",
        "security_key",
    ] {
        none(&format!("{key}: zx81-Qw!9\n"));
    }
}

#[test]
fn empty_and_placeholder_values_are_not_secrets() {
    for value in [
        "",
        "\"\"",
        "''",
        "~",
        "null",
        "true",
        "false",
        "'***'",
        "xxxx",
        "\"<client secret>\"",
        "${CLIENT_SECRET}",
        "\"{{ secret }}\"",
        "TODO",
        "n.v.t.",
        "abc",
    ] {
        none(&format!("password: {value}\n"));
    }
}

#[test]
fn links_addresses_and_sentences_under_a_secret_key_are_not_secrets() {
    none("password_reset: https://passwordreset.microsoftonline.com\n");
    none("recovery: https://aka.ms/sspr\n");
    none("recovery: herstel@bakkerijvandijk.nl\n");
    none(
        "recovery:\n  nl: \"Telefoon kwijt? Bel dan de helpdesk.\"\n  \
         en: Lost your phone? Call the helpdesk.\n",
    );
}

#[test]
fn notes_on_where_a_secret_is_kept_are_not_secrets() {
    none(
        "# wachtwoord: zie 1Password\n# pin: minimaal 6 cijfers\n# token: verplicht\n\
         # password: in Bitwarden, map Bakkerij\npassword: staat in de kluis\n\
         client_secret: Vaultwarden\n",
    );
    // The label of a field (theme strings, screen mock-ups) names the secret, it isn't one.
    none("security_info_password: \"Password\"\npin: PIN\nwachtwoord: Wachtwoord\n");
    // What does look like a password in a comment is still one.
    let (_, column, len, _) = one("# pin: 4821\n");
    assert_eq!((column, len), (8, 4));
    // A value is read as a password even when it is one lower-case word…
    let (_, column, len, _) = one("password: welkom\n");
    assert_eq!((column, len), (11, 6));
    // …but codes, seeds and tokens are never plain words: these are settings.
    none("recovery: helpdesk\notp: authenticator\ntoken: hardware\n");
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
fn a_guid_is_a_secret_only_under_a_secret_key() {
    let guid = "8f3c2a1e-4b5d-4e6f-9a7b-1c2d3e4f5a6b";
    none(&format!(
        "tenant_id: {guid}\nclient_id: {guid}\n# tenant: {guid}\n"
    ));
    let (_, column, len, message) = one(&format!("client_secret: {guid}\n"));
    assert_eq!((column, len), (16, 36));
    assert_eq!(
        message,
        "this looks like a client secret (a GUID under `client_secret`)"
    );
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
fn otpauth_link_is_reported_whole() {
    let uri = "otpauth://totp/Contoso:jan@contoso.nl?secret=JBSWY3DPEHPK3PXP&issuer=Contoso";
    let text = format!("notes:\n  - \"{uri}\"\n");
    let (line, column, len, message) = one(&text);
    assert_eq!((line, column, len), (2, 6, uri.len()));
    assert!(message.contains("otpauth://"), "{message}");
}

#[test]
fn base32_totp_secrets_are_reported() {
    let cases = [
        ("note: JBSWY3DPEHPK3PXP\n", 7, 16),
        ("note: \"JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\"\n", 8, 32),
        ("note: GEZDGNBVGY3TQOJQ====\n", 7, 20),
        ("note: JBSW Y3DP EHPK 3PXP   # from the portal\n", 7, 19),
        ("# sleutel jbsw y3dp ehpk 3pxp\n", 11, 19),
    ];
    for (text, column, len) in cases {
        let (line, c, l, message) = one(text);
        assert_eq!((line, c, l), (1, column, len), "{text}");
        assert!(
            message.starts_with("this looks like a TOTP secret"),
            "{message}"
        );
    }
    let (_, _, _, message) = one("note: JBSWY3DPEHPK3PXP\n");
    assert_eq!(
        message,
        "this looks like a TOTP secret (base32, 16 characters)"
    );
}

#[test]
fn entra_client_secret_is_reported_by_its_shape() {
    let (line, column, len, message) = one(&format!("name: Acme\nnotes: {ENTRA}\n"));
    assert_eq!((line, column, len), (2, 8, 40));
    assert_eq!(
        message,
        "this looks like a Microsoft Entra client secret (the app registration format with `Q~`)"
    );
    // Under a secret key, the shape says more than the key.
    let (_, _, _, message) = one(&format!("client_secret: \"{ENTRA}\"\n"));
    assert!(message.contains("Microsoft Entra"), "{message}");
}

#[test]
fn private_key_is_reported_once_at_its_first_line() {
    let text = "name: Acme\ncert_key: |\n  -----BEGIN RSA PRIVATE KEY-----\n  \
                MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n  \
                VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK\n  \
                -----END RSA PRIVATE KEY-----\nshort_name: Acme\npassword: Welkom01!\n";
    let found = findings(text);
    let places: Vec<(usize, usize, String)> = found
        .iter()
        .map(|d| (d.line(), d.column(), covered(text, d)))
        .collect();
    assert_eq!(
        places,
        [
            (3, 3, "-----BEGIN RSA PRIVATE KEY-----".to_string()),
            (8, 11, "Welkom01!".to_string())
        ]
    );
    assert!(found[0].message.contains("private key"));
}

#[test]
fn jwt_is_reported() {
    let (_, column, len, message) = one(&format!("note: Bearer {JWT}\n"));
    assert_eq!((column, len), (14, JWT.len()));
    assert!(message.contains("JSON Web Token"), "{message}");
}

#[test]
fn recovery_codes_in_a_row_are_reported_once() {
    let (_, column, len, message) = one("note: 12345678 23456789, 34567890\n");
    assert_eq!((column, len), (7, 27));
    assert_eq!(
        message,
        "this looks like a list of recovery codes (3 codes in a row)"
    );

    let text = "codes:\n  - a1b2-c3d4\n  - e5f6-g7h8\n  - i9j0-k1l2\n  - m3n4-o5p6\n";
    let (line, column, len, message) = one(text);
    assert_eq!((line, column, len), (2, 5, 9));
    assert!(message.contains("4 codes"), "{message}");

    // Under a key that says so, still one finding for the list, not one per code.
    let text = "backup_codes:\n- 48213957\n- 90412376\n- 31827465\n";
    let (line, _, _, message) = one(text);
    assert_eq!(line, 2);
    assert!(message.contains("recovery codes (3 codes"), "{message}");

    let (line, ..) = one("note: |\n  1234-5678\n  2345-6789\n  3456-7890\n");
    assert_eq!(line, 2);

    // In a flow sequence on one line, the span covers every code.
    let text = "codes: [48213957, 90412376, 31827465]\n";
    let d = &findings(text)[0];
    assert_eq!(covered(text, d), "48213957, 90412376, 31827465");
}

#[test]
fn long_random_tokens_are_reported() {
    let hex = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    let (_, column, len, message) = one(&format!("note: {hex}\n"));
    assert_eq!((column, len), (7, 64));
    assert_eq!(
        message,
        "this looks like a key (hexadecimal, 64 characters)"
    );

    let token = "ghp_R8nQ2x7LmZ4vT9kYp3WsJ6dF1cH5bN0aE2uQ";
    let (_, column, len, message) = one(&format!("# build: {token}\n"));
    assert_eq!((column, len), (10, 40));
    assert!(
        message.contains("40 random-looking characters"),
        "{message}"
    );
}

#[test]
fn secrets_in_links_are_reported() {
    let text = "url: https://admin:Welkom01@intranet.bakkerijvandijk.nl/mfa\n";
    let d = &findings(text)[0];
    assert_eq!(covered(text, d), "Welkom01");
    assert!(d.message.contains("in the user part of a link"));

    let text =
        "url: https://x.blob.core.windows.net/logo?sv=2022-11-02&sig=Zk3x9QpL2mW8vN4rT7yB%2Fc\n";
    let d = &findings(text)[0];
    assert_eq!(covered(text, d), "Zk3x9QpL2mW8vN4rT7yB%2Fc");
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

#[test]
fn tricky_benign_values_are_left_alone() {
    none(
        "brand:\n  primary: \"#1f4e79\"\n  on_primary: '#FFFFFF'\n\
         helpdesk:\n  phone: +31 20 123 4567\n  phone_2: 0201234567\n  mobile: \"06-12345678\"\n\
         mfa:\n  mandatory_from: 2026-12-01\n\
         title: MFA-HANDLEIDING\nkop: BEVEILIGINGSSLEUTEL VOOR MEDEWERKERS\n\
         kvk: 12345678\nbtw: NL123456789B01\niban: NL91ABNA0417164300\n\
         tenant: 8f3c2a1e-4b5d-4e6f-9a7b-1c2d3e4f5a6b\n\
         logo: logos/aGVsbG8gd29ybGQgdGhpcyBpcyBhIGxvZ28K.svg\n\
         screen: screens/nl/Q2xpZW50U2VjcmV0VmFsdWUxMjM0NTY3ODkw.png\n\
         link: https://login.microsoftonline.com/8f3c2a1e-4b5d-4e6f-9a7b-1c2d3e4f5a6b/oauth2/v2.0/authorize?client_id=8f3c2a1e-4b5d-4e6f-9a7b-1c2d3e4f5a6b&response_type=code&scope=openid%20profile\n\
         store: https://play.google.com/store/apps/details?id=com.azure.authenticator&hl=nl&gl=NL\n\
         docs: https://learn.microsoft.com/en-us/entra/identity/authentication/concept-authentication-authenticator-app\n\
         slug: Tandartsenpraktijk-De-Kempen-BV-2026-handboek-v2\n\
         file: mfa-handleiding-bakkerij-van-dijk-2026-definitief\n\
         waves: [2026-11-24, 2026-11-30, 2026-12-02]\n\
         years: [2024-2025, 2025-2026, 2026-2027]\n\
         days: [20261124, 20261130, 20261202]\n\
         rekening: NL22 RABO 2345 6723 44\n\
         rekening_2: NL22RABO2345672344\n\
         agenda: DEZE WEEK GAAT MFA LIVE, WEEK VOOR WEEK\n\
         phones:\n  - 0882401500\n  - 0201234567\n  - 0612345678\n\
         policy:\n  no_smartphone:\n    nl: \"Heb je geen smartphone? Zeg het tegen je leidinggevende.\"\n\
         # Everyone uses the Authenticator app; the tenant has no Entra ID P1, so security defaults.\n\
         # Microsoft stops sending SMS and voice codes (FACTS §2.4, \"Passkeys by default\").\n",
    );
}

/// Every file the project ships or builds from must be clean: a finding there is a false
/// positive, and `handboek check` would fail on the examples.
#[test]
fn built_in_examples_defaults_and_scaffold_have_no_findings() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![
        root.join("examples/handboek.yaml"),
        root.join("defaults.yaml"),
    ];
    for dir in ["examples/customers", "src/scaffold"] {
        for entry in std::fs::read_dir(root.join(dir)).expect("folder exists") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "yaml") {
                files.push(path);
            }
        }
    }
    assert!(files.len() >= 8, "{files:?}");
    for path in files {
        let text = std::fs::read_to_string(&path).expect("readable");
        let found = find_secrets(&Source::new(path.display().to_string(), text));
        assert!(found.is_empty(), "{found}");
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

/// Pieces of YAML, tricky ones included, to build arbitrary files from.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "key: ",
        "- ",
        "  ",
        "\n",
        "\r\n",
        "# ",
        ": ",
        "\"",
        "'",
        "{",
        "}",
        "[",
        "]",
        ", ",
        "|",
        ">-",
        "password",
        "é",
        "ĳ",
        "\u{feff}",
        "-----BEGIN PRIVATE KEY-----",
        "-----END",
        "JBSW ",
        "Y3DP",
        "eyJhbGciOi",
        ".",
        "Q~",
        "abc8",
        "12345678 ",
        "a1b2-c3d4",
        "otpauth://",
        "https://u:p@h?sig=",
        "=",
        "~",
        "&a ",
        "*a",
        "!!str ",
        "---",
        "...",
        "\t",
        "\\",
    ])
    .prop_map(str::to_string)
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let source = Source::new("customers/x.yaml", text);
    for d in find_secrets(&source) {
        let span = d.span.expect("a finding has a span");
        let line = source.line_text(span.line);
        prop_assert!(line.is_some(), "line {} outside the text", span.line);
        let chars = line.map_or(0, |l| l.chars().count());
        prop_assert!(span.column >= 1 && span.len >= 1);
        prop_assert!(span.column - 1 + span.len <= chars, "{span:?} past {chars}");
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_stay_inside(text in any::<String>()) {
        check_spans(&text)?;
    }

    #[test]
    fn yaml_like_text_never_panics_and_spans_stay_inside(
        parts in prop::collection::vec(fragment(), 0..60)
    ) {
        check_spans(&parts.concat())?;
    }
}
