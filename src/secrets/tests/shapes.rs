//! Secrets found by their shape: otpauth links, base32 seeds, Entra client secrets, private
//! keys, JWTs, recovery codes, random tokens and secrets in links.

use super::*;

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
