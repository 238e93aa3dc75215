//! What every fuzz target checks besides "no panic, no crash": a problem is reported as a
//! diagnostic that is safe to print, and the customer the dialect targets resolve for.

#![allow(dead_code)]

use std::sync::OnceLock;

use handboek::customer::Customer;
use handboek::diagnostics::Diagnostics;

/// Every problem renders (with its snippet) without a control character but line breaks,
/// and without an overlong message.
pub fn printable(diags: &Diagnostics) {
    let text = diags.render(false);
    assert!(
        !text.chars().any(|c| c.is_control() && c != '\n'),
        "a control character in a rendered diagnostic: {text:?}"
    );
    for d in diags.iter() {
        assert!(d.message.chars().count() <= 2001, "an overlong message");
        assert!(
            d.span.is_none_or(|s| s.line >= 1 && s.column >= 1),
            "a place before the start: {d:?}"
        );
    }
}

/// A customer that takes every path: `choose` with app and sms, every feature, waves.
pub fn customer() -> &'static Customer {
    static CUSTOMER: OnceLock<Customer> = OnceLock::new();
    CUSTOMER.get_or_init(|| {
        let text = "name: { nl: Bakkerij Fuzz, en: Fuzz Bakery }\nhelpdesk:\n  name: Servicedesk\n  phone: 020 123 4567\n  email: help@fuzz.nl\n  hours: werkdagen\n  url: https://help.fuzz.nl\nmfa:\n  method: choose\n  allowed: [app, sms]\n  enforcement: conditional_access\n  mandatory_from: 2026-12-01\nfeatures:\n  remote_desktop: true\n  trusted_location: true\n  new_laptop: true\n  shared_devices: true\nrollout:\n  waves:\n    - name: Pilot\n      date: 2026-11-16\npolicy:\n  no_smartphone: Vraag een telefoon van de zaak aan.\n";
        handboek::project::customer_from_text("fuzz", text).unwrap_or_else(|d| panic!("{d}"))
    })
}

/// The built-in terms (`{{ term.x }}`), read once.
pub fn terms() -> &'static handboek::terms::Terms {
    static TERMS: OnceLock<handboek::terms::Terms> = OnceLock::new();
    TERMS.get_or_init(|| {
        let files = handboek::files::Files::builtin_examples();
        let (terms, problems) =
            handboek::terms::load_terms(&files).expect("terms.yaml is built in");
        assert!(problems.is_empty(), "{problems}");
        terms
    })
}

/// The bytes as text, as handboek reads files (a file that is not UTF-8 is refused before
/// any parser sees it).
pub fn text(data: &[u8]) -> Option<&str> {
    std::str::from_utf8(data).ok()
}
