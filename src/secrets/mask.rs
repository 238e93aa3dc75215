//! The last step of every run: no diagnostic shows a secret. Each YAML file a diagnostic
//! points at is scanned; its snippet then comes from the masked text, and the secrets are
//! overwritten in every message and hint (where a check quoted the value), whatever
//! command prints it: `build`, `check` (text or JSON) or the preview's overlay.

use std::collections::BTreeMap;
use std::sync::Arc;

use super::{Found, scan};
use crate::diagnostics::{Diagnostic, Diagnostics, MAX_QUOTED, Source};

/// `diags` with every secret of the YAML files they show masked.
pub fn mask_secrets(diags: Diagnostics) -> Diagnostics {
    let mut found: BTreeMap<Arc<str>, Option<Found>> = BTreeMap::new();
    for d in diags.iter() {
        if let Some(source) = &d.source
            && is_yaml(source)
            && !found.contains_key(&source.name)
        {
            found.insert(source.name.clone(), scan(source));
        }
    }
    let mut texts: Vec<String> = found
        .values()
        .flatten()
        .flat_map(|f| f.texts.iter())
        .flat_map(|t| {
            // A message cuts a long value (`tidy`): its start must go too.
            let cut: String = t.chars().take(MAX_QUOTED - 20).collect();
            [t.clone(), cut]
        })
        .collect();
    if texts.is_empty() {
        return diags;
    }
    // Longest first, so a secret that contains another is masked whole.
    texts.sort_by_key(|t| std::cmp::Reverse(t.chars().count()));
    texts.dedup();
    diags
        .into_iter()
        .map(|d| masked(d, &found, &texts))
        .collect()
}

fn masked(
    mut d: Diagnostic,
    found: &BTreeMap<Arc<str>, Option<Found>>,
    texts: &[String],
) -> Diagnostic {
    if let Some(Some(f)) = d.source.as_ref().and_then(|s| found.get(&s.name)) {
        d.source = Some(f.masked.clone());
    }
    d.message = hide(&d.message, texts);
    d.help = d.help.map(|h| hide(&h, texts));
    d
}

fn is_yaml(source: &Source) -> bool {
    source.name.ends_with(".yaml") || source.name.ends_with(".yml")
}

/// `text` with each of `secrets` overwritten by `*`.
fn hide(text: &str, secrets: &[String]) -> String {
    let mut out = text.to_string();
    for secret in secrets {
        if out.contains(secret.as_str()) {
            out = out.replace(secret.as_str(), &"*".repeat(secret.chars().count()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::Span;

    #[test]
    fn snippet_message_and_hint_of_any_diagnostic_are_masked() {
        let text =
            "name: Acme\nhelpdesk:\n  wachtwoord: Welkom01!\n  url: https://admin:Welkom01!@x.nl\n";
        let src = Source::new("customers/acme.yaml", text);
        let unknown = Diagnostic::error("unknown key `wachtwoord`")
            .at(&src, Span::new(3, 3, 10))
            .help("remove it");
        let url = Diagnostic::error(
            "`helpdesk.url` `https://admin:Welkom01!@x.nl` has no valid host name",
        )
        .at(&src, Span::new(4, 8, 10))
        .help("not `Welkom01!`");
        let out: Vec<Diagnostic> = mask_secrets([unknown, url].into_iter().collect())
            .into_iter()
            .collect();
        for d in &out {
            let shown = format!("{d}");
            assert!(!shown.contains("Welkom01!"), "{shown}");
        }
        assert!(out[0].to_string().contains("wachtwoord: *********"));
        assert!(out[1].message.contains("https://admin:*********@x.nl"));
    }

    #[test]
    fn a_long_secret_cut_in_a_message_is_masked_too() {
        let token = "Zx9".repeat(30);
        let text = format!("api_key: {token}\n");
        let src = Source::new("customers/acme.yaml", text);
        let d = Diagnostic::error(format!("`{token}` is not valid")).at(&src, Span::new(1, 1, 7));
        let out = mask_secrets(Diagnostics::from(d));
        let d = out.iter().next().unwrap();
        assert!(!d.message.contains("Zx9Zx9"), "{}", d.message);
    }
}
