//! The variables a page can use (`{{ helpdesk.phone }}`): their names, and their values for
//! one customer in one language.

use std::collections::BTreeMap;

use crate::customer::Customer;
use crate::lang::Lang;
use crate::phone::Phone;

/// Every variable name the dialect knows. Optional values may be absent for a customer.
pub const VAR_NAMES: [&str; 23] = [
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
    "wave.name",
    "wave.date",
    "wave.number",
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
    if let Some(url) = &customer.msp.url {
        vars.insert("msp.url", Value::Url(url.0.clone()));
    }
    if let Some(hours) = &customer.helpdesk.hours {
        vars.insert("helpdesk.hours", text(hours.get(lang)));
    }
    if let Some(policy) = &customer.no_smartphone_policy {
        vars.insert("policy.no_smartphone", text(policy.get(lang)));
    }
    if let Some(url) = &customer.helpdesk.url {
        vars.insert("helpdesk.url", Value::Url(url.0.clone()));
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
