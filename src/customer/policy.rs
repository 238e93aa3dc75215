//! The customer's own rules (`policy:`), who sends its text messages (`sms:`) and where
//! its handbook is published (`handbook:`); and the handbook's paths that follow from the
//! method and the no-smartphone rule.

use std::collections::BTreeSet;

use super::pick::{At, Check};
use super::{Factor, PasskeyPrompt, Policy, SmsDelivery, Url, WithoutSmartphone};
use crate::lang::Lang;

pub(super) fn policy(c: &mut Check, langs: &[Lang]) -> Option<Policy> {
    let no_smartphone = c.text(
        c.pick(|r| r.policy.as_ref()?.no_smartphone.as_ref()),
        "policy.no_smartphone",
        langs,
    );
    let without_smartphone = c.choice_or(
        c.pick(|r| r.policy.as_ref()?.without_smartphone.as_ref()),
        "policy.without_smartphone",
        &WithoutSmartphone::ALL.map(|w| (w.name(), w)),
        WithoutSmartphone::Helpdesk,
    );
    let passkey_prompt = c.choice_or(
        c.pick(|r| r.policy.as_ref()?.passkey_prompt.as_ref()),
        "policy.passkey_prompt",
        &PasskeyPrompt::ALL.map(|p| (p.name(), p)),
        PasskeyPrompt::Create,
    );
    Some(Policy {
        no_smartphone,
        without_smartphone: without_smartphone?,
        passkey_prompt: passkey_prompt?,
    })
}

pub(super) fn sms(c: &mut Check, langs: &[Lang]) -> SmsDelivery {
    let at_provider = c.pick(|r| r.sms.as_ref()?.provider.as_ref());
    let at_calls = c.pick(|r| r.sms.as_ref()?.calls.as_ref());
    let own = c.layers.len() - 1;
    let mut set_at = Vec::new();
    if let Some(at) = at_provider.as_ref().filter(|at| at.layer == own) {
        set_at.push(("sms.provider", at.place()));
    }
    if let Some(at) = at_calls.as_ref().filter(|at| at.layer == own) {
        set_at.push(("sms.calls", at.place()));
    }
    SmsDelivery {
        provider: c.text(at_provider, "sms.provider", langs),
        calls: at_calls.is_some_and(|at| *at.value),
        set_at,
    }
}

pub(super) fn handbook_url(c: &mut Check) -> Option<Url> {
    let at: Option<At<'_, String>> = c.pick(|r| r.handbook.as_ref()?.url.as_ref());
    c.url(at, "handbook.url")
}

/// The paths of the handbook: the method's own (`allowed` for `choose`), and the one the
/// no-smartphone rule promises (a security key, or text messages on any mobile phone).
pub(super) fn paths(own: &BTreeSet<Factor>, without: WithoutSmartphone) -> BTreeSet<Factor> {
    let mut paths = own.clone();
    match without {
        WithoutSmartphone::SecurityKey => {
            paths.insert(Factor::SecurityKey);
        }
        WithoutSmartphone::Sms => {
            paths.insert(Factor::Sms);
        }
        WithoutSmartphone::Helpdesk | WithoutSmartphone::CompanyPhone => {}
    }
    paths
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::test_customer;

    const BASE: &str = "name: Acme\nhelpdesk:\n  name: Servicedesk\n  phone: 020 123 4567\n  email: help@acme.nl\nmfa:\n  enforcement: conditional_access\n  mandatory_from: 2026-12-01\n";

    fn customer(extra: &str) -> crate::customer::Customer {
        test_customer(&format!("{BASE}{extra}"))
    }

    #[test]
    fn the_no_smartphone_rule_adds_the_path_it_promises() {
        let app = BTreeSet::from([Factor::App]);
        assert_eq!(
            paths(&app, WithoutSmartphone::SecurityKey),
            BTreeSet::from([Factor::App, Factor::SecurityKey])
        );
        assert_eq!(
            paths(&app, WithoutSmartphone::Sms),
            BTreeSet::from([Factor::App, Factor::Sms])
        );
        assert_eq!(paths(&app, WithoutSmartphone::Helpdesk), app);
        assert_eq!(paths(&app, WithoutSmartphone::CompanyPhone), app);
    }

    #[test]
    fn policy_and_sms_default_to_the_helpdesk_creating_passkeys_and_no_calls() {
        let c = customer("  method: app\n");
        assert_eq!(c.policy.without_smartphone, WithoutSmartphone::Helpdesk);
        assert_eq!(c.policy.passkey_prompt, PasskeyPrompt::Create);
        assert!(!c.sms.calls);
        assert!(c.sms.provider.is_none() && c.sms.set_at.is_empty());
        assert!(c.handbook_url.is_none());
    }

    #[test]
    fn a_choose_customer_with_a_security_key_rule_gets_every_path() {
        let c = customer(
            "  method: choose\n  allowed: [app, passkey]\npolicy:\n  without_smartphone: security_key\n  passkey_prompt: skip\nhandbook:\n  url: https://intranet.acme.nl/mfa/\n",
        );
        assert_eq!(
            c.factors,
            BTreeSet::from([Factor::App, Factor::Passkey, Factor::SecurityKey])
        );
        assert_eq!(c.policy.passkey_prompt, PasskeyPrompt::Skip);
        assert_eq!(
            c.handbook_url.map(|u| u.0).as_deref(),
            Some("https://intranet.acme.nl/mfa/")
        );
    }

    #[test]
    fn sms_keys_set_in_the_customer_file_keep_their_place() {
        let c = customer("  method: sms\nsms:\n  provider: Voorbeeld Telecom\n  calls: true\n");
        assert!(c.sms.calls);
        assert_eq!(
            c.sms
                .provider
                .map(|p| p.get(Lang::Nl).to_string())
                .as_deref(),
            Some("Voorbeeld Telecom")
        );
        let places: Vec<(&str, usize)> = c
            .sms
            .set_at
            .iter()
            .map(|(k, p)| (*k, p.span.line))
            .collect();
        assert_eq!(places, [("sms.provider", 11), ("sms.calls", 12)]);
    }
}
