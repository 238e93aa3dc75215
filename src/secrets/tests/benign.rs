//! What is not a secret: keys about secrets, placeholders, links, notes, labels, and the
//! built-in files.

use super::*;

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
