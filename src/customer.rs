//! A customer: the validated, typed values of one customer file layered over the MSP's
//! `handboek.yaml` and the built-in defaults. Nothing downstream sees a raw string where a
//! type belongs.

mod address;
mod limits;
mod msp;
mod pick;
mod policy;
mod punycode;
mod raw;
mod retirement;
mod sections;
mod validate;

use std::collections::{BTreeMap, BTreeSet};

use crate::colour::Colour;
use crate::date::Date;
use crate::diagnostics::{Place, Source};
use crate::lang::Lang;
use crate::phone::{Country, Phone};

pub use msp::validate_msp;
pub use pick::Layer;
pub use raw::{RawCustomer, RawSettings};
pub use retirement::{WARN_WITHIN_DAYS, move_date, move_to, retirement_warning};
pub use validate::validate_customer;

/// A closed set of names as the customer file spells them: an enum with `ALL`, `name` and
/// `from_name`, so that a `match` handles every member and the schema lists them.
macro_rules! closed_set {
    ($(#[$doc:meta])* $set:ident { $($(#[$vdoc:meta])* $member:ident => $name:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum $set {
            $($(#[$vdoc])* $member),+
        }

        impl $set {
            pub const ALL: [$set; [$($name),+].len()] = [$($set::$member),+];

            /// The name written in the customer file.
            pub fn name(self) -> &'static str {
                match self {
                    $($set::$member => $name),+
                }
            }

            pub fn from_name(name: &str) -> Option<$set> {
                $set::ALL.into_iter().find(|m| m.name() == name)
            }
        }
    };
}

closed_set!(
    /// How employees get their second factor (`mfa.method`).
    Method {
        App => "app",
        Sms => "sms",
        /// Employees pick from `mfa.allowed`.
        Choose => "choose",
    }
);

closed_set!(
    /// A sign-in path of the handbook: a second factor an employee can set up.
    Factor {
        /// Microsoft Authenticator, push with number matching.
        App => "app",
        /// Codes by text message (or a voice call).
        Sms => "sms",
        /// A passkey in Microsoft Authenticator.
        Passkey => "passkey",
        /// A FIDO2 security key.
        SecurityKey => "security_key",
    }
);

closed_set!(
    /// How the tenant enforces MFA.
    Enforcement {
        SecurityDefaults => "security_defaults",
        ConditionalAccess => "conditional_access",
        PerUser => "per_user",
    }
);

closed_set!(
    /// Optional parts of the handbook that a customer switches on.
    Feature {
        RemoteDesktop => "remote_desktop",
        TrustedLocation => "trusted_location",
        NewLaptop => "new_laptop",
        SharedDevices => "shared_devices",
    }
);

closed_set!(
    /// What an employee without a (work) smartphone uses (`policy.without_smartphone`).
    WithoutSmartphone {
        /// Ask the helpdesk (the default).
        Helpdesk => "helpdesk",
        /// A FIDO2 security key from the company.
        SecurityKey => "security_key",
        /// A phone from the company, used for the customer's own method.
        CompanyPhone => "company_phone",
        /// Text messages on any mobile phone.
        Sms => "sms",
    }
);

closed_set!(
    /// What employees do when Microsoft asks them to create a passkey (`policy.passkey_prompt`).
    PasskeyPrompt {
        /// Create it (the default).
        Create => "create",
        /// "Skip for now", until IT says otherwise.
        Skip => "skip",
    }
);

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
    /// Where the date is written.
    pub date_at: Place,
}

/// The customer's own rules that the handbook states.
#[derive(Debug, Clone)]
pub struct Policy {
    /// What an employee without a (work) smartphone does, in the customer's words.
    pub no_smartphone: Option<Text>,
    pub without_smartphone: WithoutSmartphone,
    pub passkey_prompt: PasskeyPrompt,
}

/// Who delivers the text messages, and whether voice calls are allowed.
#[derive(Debug, Clone)]
pub struct SmsDelivery {
    /// The telecom provider the customer contracted; none: Microsoft sends the codes, until
    /// `microsoft.sms_retirement`.
    pub provider: Option<Text>,
    /// Employees may take a voice call instead of a text.
    pub calls: bool,
    /// Where the customer file itself sets `sms.provider` and `sms.calls`.
    pub set_at: Vec<(&'static str, Place)>,
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
    /// Where `mfa.mandatory_from` is written.
    pub mandatory_at: Place,
    pub features: BTreeSet<Feature>,
    pub links: BTreeMap<&'static str, Url>,
    pub sms_retirement: Date,
    /// Screen name → asset path per language (checked against the theme's screens later).
    pub screenshots: BTreeMap<String, (Text, crate::diagnostics::Span)>,
    pub waves: Vec<Wave>,
    pub policy: Policy,
    pub sms: SmsDelivery,
    /// Where the employee handbook is published.
    pub handbook_url: Option<Url>,
    pub msp: Msp,
}

impl Customer {
    pub fn has(&self, feature: Feature) -> bool {
        self.features.contains(&feature)
    }

    /// Text messages are a path of the handbook and Microsoft sends them: they stop on
    /// `microsoft.sms_retirement`.
    pub fn sms_from_microsoft(&self) -> bool {
        self.factors.contains(&Factor::Sms) && self.sms.provider.is_none()
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
