//! The variables a page can use (`{{ helpdesk.phone }}`): their names, and their values for
//! one customer in one language.

use std::collections::BTreeMap;

use crate::customer::{Customer, Text, Url};
use crate::lang::Lang;
use crate::phone::Phone;

/// Every variable name the dialect knows. Optional values may be absent for a customer.
/// (`term.<name>` is not among them: terms come from `terms.yaml`.)
pub const VAR_NAMES: [&str; 25] = [
    "customer.name",
    "customer.short_name",
    "msp.name",
    "msp.url",
    "helpdesk.name",
    "helpdesk.phone",
    "helpdesk.email",
    "helpdesk.hours",
    "helpdesk.url",
    "mfa.method",
    "mfa.mandatory_from",
    "microsoft.sms_retirement",
    "links.sign_in",
    "links.security_info",
    "links.mfa_setup",
    "links.my_account",
    "links.authenticator_ios",
    "links.authenticator_android",
    "links.entra_admin",
    "policy.no_smartphone",
    "handbook.url",
    "sms.provider",
    "wave.name",
    "wave.date",
    "wave.number",
];

/// The variables a customer may leave unset. Used as a condition (`{{#if handbook.url}}`),
/// each is true when the customer sets it.
pub const OPTIONAL_VARS: [&str; 6] = [
    "handbook.url",
    "helpdesk.url",
    "msp.url",
    "helpdesk.hours",
    "policy.no_smartphone",
    "sms.provider",
];

/// A variable's value, typed by how it may be shown and linked.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Phone(Phone),
    Email(String),
    Url(String),
}

impl Value {
    /// The text a reader sees.
    pub fn display(&self) -> &str {
        match self {
            Value::Text(s) | Value::Email(s) | Value::Url(s) => s,
            Value::Phone(p) => p.display(),
        }
    }

    /// The value as a link target, if it can be one.
    pub fn href(&self) -> Option<String> {
        match self {
            Value::Text(_) => None,
            Value::Phone(p) => Some(format!("tel:{}", p.e164())),
            Value::Email(e) => Some(format!("mailto:{e}")),
            Value::Url(u) => Some(u.clone()),
        }
    }
}

/// The values of one customer in one language; `method_label` is the theme's name for the
/// customer's method in that language.
pub fn variables(
    customer: &Customer,
    lang: Lang,
    method_label: &str,
) -> BTreeMap<&'static str, Value> {
    let text = |s: &str| Value::Text(s.to_string());
    let mut vars = BTreeMap::from([
        ("customer.name", text(customer.name.get(lang))),
        ("customer.short_name", text(customer.short_name.get(lang))),
        ("msp.name", text(customer.msp.name.get(lang))),
        ("helpdesk.name", text(customer.helpdesk.name.get(lang))),
        (
            "helpdesk.phone",
            Value::Phone(customer.helpdesk.phone.clone()),
        ),
        (
            "helpdesk.email",
            Value::Email(customer.helpdesk.email.0.clone()),
        ),
        ("mfa.method", text(method_label)),
        (
            "mfa.mandatory_from",
            Value::Text(customer.mandatory_from.format_long(lang.date_lang())),
        ),
        (
            "microsoft.sms_retirement",
            Value::Text(customer.sms_retirement.format_long(lang.date_lang())),
        ),
    ]);
    for name in OPTIONAL_VARS {
        if let Some(value) = optional(customer, lang, name) {
            vars.insert(name, value);
        }
    }
    for (name, url) in &customer.links {
        if let Some(var) = VAR_NAMES
            .iter()
            .find(|v| v.strip_prefix("links.") == Some(name))
        {
            vars.insert(var, Value::Url(url.0.clone()));
        }
    }
    vars
}

/// The value of one of [`OPTIONAL_VARS`], if the customer sets it.
pub fn optional(customer: &Customer, lang: Lang, name: &str) -> Option<Value> {
    let url = |u: &Option<Url>| u.as_ref().map(|u| Value::Url(u.0.clone()));
    let text = |t: &Option<Text>| t.as_ref().map(|t| Value::Text(t.get(lang).to_string()));
    match name {
        "handbook.url" => url(&customer.handbook_url),
        "helpdesk.url" => url(&customer.helpdesk.url),
        "msp.url" => url(&customer.msp.url),
        "helpdesk.hours" => text(&customer.helpdesk.hours),
        "policy.no_smartphone" => text(&customer.policy.no_smartphone),
        "sms.provider" => text(&customer.sms.provider),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::test_customer;

    #[test]
    fn every_optional_variable_is_a_variable_with_a_value_when_set() {
        let c = test_customer(
            "name: Acme\nhelpdesk:\n  name: S\n  phone: 020 123 4567\n  email: help@acme.nl\n  hours: altijd\n  url: https://help.acme.nl\nmfa:\n  method: sms\n  enforcement: conditional_access\n  mandatory_from: 2026-12-01\nhandbook:\n  url: https://intranet.acme.nl/mfa/\nsms:\n  provider: { nl: Voorbeeld Telecom, en: Example Telecom }\n",
        );
        let vars = variables(&c, Lang::En, "codes");
        for name in OPTIONAL_VARS {
            assert!(VAR_NAMES.contains(&name), "{name}");
            assert_eq!(vars.get(name), optional(&c, Lang::En, name).as_ref());
            // The test MSP has no website; the customer sets every other one.
            assert_eq!(vars.contains_key(name), name != "msp.url", "{name}");
        }
        assert_eq!(
            vars["handbook.url"].href().as_deref(),
            Some("https://intranet.acme.nl/mfa/")
        );
        assert_eq!(vars["sms.provider"], Value::Text("Example Telecom".into()));
        assert_eq!(optional(&c, Lang::Nl, "customer.name"), None);
    }
}
