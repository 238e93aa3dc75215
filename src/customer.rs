//! A customer: the validated, typed values of one customer file layered over the MSP's
//! `handboek.yaml` and the built-in defaults. Nothing downstream sees a raw string where a
//! type belongs.

mod address;
mod limits;
mod msp;
mod punycode;
mod raw;
mod sections;
mod validate;

use std::collections::{BTreeMap, BTreeSet};

use crate::colour::Colour;
use crate::date::Date;
use crate::diagnostics::Source;
use crate::lang::Lang;
use crate::phone::{Country, Phone};

pub use msp::validate_msp;
pub use raw::{RawCustomer, RawSettings};
pub use validate::{Layer, validate_customer};

/// How employees get their second factor: the three paths of the handbook.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    App,
    Sms,
    Choose,
}

impl Method {
    pub const ALL: [Method; 3] = [Method::App, Method::Sms, Method::Choose];

    /// The name written in the customer file (`mfa.method`).
    pub fn name(self) -> &'static str {
        match self {
            Method::App => "app",
            Method::Sms => "sms",
            Method::Choose => "choose",
        }
    }
}

/// A second factor an employee can set up; `choose` customers allow several.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Factor {
    App,
    Sms,
}

impl Factor {
    pub const ALL: [Factor; 2] = [Factor::App, Factor::Sms];

    pub fn name(self) -> &'static str {
        match self {
            Factor::App => "app",
            Factor::Sms => "sms",
        }
    }
}

/// How the tenant enforces MFA.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Enforcement {
    SecurityDefaults,
    ConditionalAccess,
    PerUser,
}

impl Enforcement {
    pub const ALL: [Enforcement; 3] = [
        Enforcement::SecurityDefaults,
        Enforcement::ConditionalAccess,
        Enforcement::PerUser,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Enforcement::SecurityDefaults => "security_defaults",
            Enforcement::ConditionalAccess => "conditional_access",
            Enforcement::PerUser => "per_user",
        }
    }
}

/// Optional parts of the handbook that a customer switches on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Feature {
    RemoteDesktop,
    TrustedLocation,
    NewLaptop,
    SharedDevices,
}

impl Feature {
    pub const ALL: [Feature; 4] = [
        Feature::RemoteDesktop,
        Feature::TrustedLocation,
        Feature::NewLaptop,
        Feature::SharedDevices,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Feature::RemoteDesktop => "remote_desktop",
            Feature::TrustedLocation => "trusted_location",
            Feature::NewLaptop => "new_laptop",
            Feature::SharedDevices => "shared_devices",
        }
    }
}

/// A text in every language the customer is built in.
#[derive(Debug, Clone, PartialEq)]
pub enum Text {
    One(String),
    PerLang(BTreeMap<Lang, String>),
}

impl Text {
    pub fn get(&self, lang: Lang) -> &str {
        match self {
            Text::One(s) => s,
            Text::PerLang(map) => map
                .get(&lang)
                .or_else(|| map.values().next())
                .map_or("", String::as_str),
        }
    }
}

/// An https URL that passed our checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url(pub String);

/// An e-mail address that passed our checks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Email(pub String);

#[derive(Debug, Clone)]
pub struct Brand {
    pub primary: Colour,
    pub on_primary: Colour,
}

#[derive(Debug, Clone)]
pub struct Helpdesk {
    pub name: Text,
    pub phone: Phone,
    pub email: Email,
    pub hours: Option<Text>,
    pub url: Option<Url>,
}

#[derive(Debug, Clone)]
pub struct Msp {
    pub name: Text,
    pub url: Option<Url>,
}

#[derive(Debug, Clone)]
pub struct Wave {
    pub name: Text,
    pub date: Date,
    /// Where the date is written, for messages about it found later.
    pub date_at: (Source, crate::diagnostics::Span),
}

/// The Microsoft links a handbook points to; each can be overridden.
pub const LINK_NAMES: [&str; 7] = [
    "sign_in",
    "security_info",
    "mfa_setup",
    "my_account",
    "authenticator_ios",
    "authenticator_android",
    "entra_admin",
];

#[derive(Debug, Clone)]
pub struct Customer {
    /// The file stem of `customers/<id>.yaml`; also the output folder.
    pub id: String,
    /// The customer file itself, for messages about this customer found later.
    pub source: Source,
    pub name: Text,
    pub short_name: Text,
    pub country: Country,
    pub languages: Vec<Lang>,
    pub logo: Option<String>,
    pub domain: Option<String>,
    pub brand: Brand,
    pub helpdesk: Helpdesk,
    pub method: Method,
    pub factors: BTreeSet<Factor>,
    pub enforcement: Enforcement,
    pub mandatory_from: Date,
    pub features: BTreeSet<Feature>,
    pub links: BTreeMap<&'static str, Url>,
    pub sms_retirement: Date,
    /// Screen name → asset path per language (checked against the theme's screens later).
    pub screenshots: BTreeMap<String, (Text, crate::diagnostics::Span)>,
    pub waves: Vec<Wave>,
    /// What an employee without a (work) smartphone does, in the customer's words.
    pub no_smartphone_policy: Option<Text>,
    pub msp: Msp,
}

impl Customer {
    pub fn has(&self, feature: Feature) -> bool {
        self.features.contains(&feature)
    }

    /// An example sign-in address for the drawn screens.
    pub fn example_account(&self, lang: Lang) -> String {
        let domain = self.domain.clone().unwrap_or_else(|| match lang {
            Lang::Nl => "bedrijf.nl".to_string(),
            Lang::En => "company.com".to_string(),
        });
        let user = match lang {
            Lang::Nl => "naam",
            Lang::En => "name",
        };
        format!("{user}@{domain}")
    }
}
