//! The customer file as written: every key optional (a layer may leave any out), unknown
//! keys refused, every leaf with its place in the file. The doc comments of the fields are
//! written for consultants: they are the help an editor shows through `handboek schema`.

mod forms;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};
use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

use crate::lang::Lang;
use forms::{
    Allowed, CountryCode, DomainName, EmailAddress, EnforcementName, HexColour, HttpsUrl, IsoDate,
    Languages, MethodName, PasskeyPromptName, PhoneNumber, WithoutSmartphoneName,
};

pub type Leaf<T> = Option<Spanned<T>>;

/// One layer of customer values: the built-in defaults, `handboek.yaml`'s `defaults:`, or a
/// customer file.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCustomer {
    /// The customer's name as employees know it: one text, or `{ nl: …, en: … }`.
    #[schemars(with = "Option<RawText>")]
    pub name: Leaf<RawText>,
    /// A shorter name for tight spots; defaults to `name`.
    #[schemars(with = "Option<RawText>")]
    pub short_name: Leaf<RawText>,
    /// `nl` or `be`: how phone numbers without +31 or +32 are read. Default `nl`.
    #[schemars(with = "Option<CountryCode>")]
    pub country: Leaf<String>,
    /// The languages to build, e.g. `[nl, en]`; the first is the default language.
    #[schemars(with = "Option<Languages>")]
    pub languages: Leaf<Vec<Spanned<String>>>,
    /// The customer's logo: a file under `assets/` (SVG or PNG), e.g. `logos/acme.svg`.
    #[schemars(with = "Option<String>")]
    pub logo: Leaf<String>,
    /// The e-mail domain of the employees, e.g. `acme.nl`; shown in the drawn screens.
    #[schemars(with = "Option<DomainName>")]
    pub domain: Leaf<String>,
    /// The brand colour of the handbook and the colour of text on it.
    pub brand: Option<RawBrand>,
    /// Who employees call for help; can also be set once under `defaults:` in handboek.yaml.
    pub helpdesk: Option<RawHelpdesk>,
    /// How employees get their second factor, how the tenant enforces MFA, and from when.
    pub mfa: Option<RawMfa>,
    /// Optional sections of the handbook, each off unless `true`.
    pub features: Option<RawFeatures>,
    /// Replace a built-in Microsoft link (https only).
    pub links: Option<RawLinks>,
    /// Microsoft's own dates that the handbook states; built in, set only to correct them.
    pub microsoft: Option<RawMicrosoft>,
    /// Your own screenshot instead of a drawn screen: the theme's screen name (e.g.
    /// `approve-number`) and a file under `assets/`, e.g. `{ nl: screens/nl/goedkeuren.png,
    /// en: screens/en/approve.png }`.
    #[schemars(with = "Option<BTreeMap<String, RawText>>")]
    pub screenshots: Option<BTreeMap<String, Spanned<RawText>>>,
    /// The rollout of MFA to the employees, in waves.
    pub rollout: Option<RawRollout>,
    /// The customer's own rules that the handbook states.
    pub policy: Option<RawPolicy>,
    /// Text messages: who sends them, and whether employees may take a call instead. Only
    /// meaningful when text messages are one of the handbook's paths.
    pub sms: Option<RawSms>,
    /// Where the employee handbook is published.
    pub handbook: Option<RawHandbook>,
}

/// The customer's own rules that the handbook states.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    /// What an employee without a (work) smartphone does, in the customer's words.
    #[schemars(with = "Option<RawText>")]
    pub no_smartphone: Leaf<RawText>,
    /// What an employee without a (work) smartphone uses: `helpdesk` (the default: ask the
    /// helpdesk), `security_key` (a FIDO2 security key from the company; adds the security
    /// key path), `company_phone` (a phone from the company, used for the customer's own
    /// method) or `sms` (text messages on any mobile phone; adds the text message path).
    #[schemars(with = "Option<WithoutSmartphoneName>")]
    pub without_smartphone: Leaf<String>,
    /// What employees do when Microsoft asks them to create a passkey: `create` (the
    /// default) or `skip` ("Skip for now", until IT says otherwise).
    #[schemars(with = "Option<PasskeyPromptName>")]
    pub passkey_prompt: Leaf<String>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSms {
    /// The telecom provider the customer contracted for text messages (Microsoft Security
    /// Store), e.g. `Voorbeeld Telecom`: its codes continue after Microsoft stops sending
    /// its own. Leave it out when Microsoft sends the codes; they stop on
    /// `microsoft.sms_retirement`.
    #[schemars(with = "Option<RawText>")]
    pub provider: Leaf<RawText>,
    /// `true`: employees may take a voice call instead of a text message (default `false`).
    #[schemars(with = "Option<bool>")]
    pub calls: Leaf<bool>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHandbook {
    /// Where the employee handbook is published (https only), e.g.
    /// `https://intranet.example.nl/mfa/`; rollout messages and the poster link it.
    #[schemars(with = "Option<HttpsUrl>")]
    pub url: Leaf<String>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawBrand {
    /// The brand colour, `#rgb` or `#rrggbb` in quotes, e.g. `"#1f4e79"`.
    #[schemars(with = "Option<HexColour>")]
    pub primary: Leaf<String>,
    /// The colour of text on the brand colour; it must reach 4.5:1 contrast (WCAG AA).
    #[schemars(with = "Option<HexColour>")]
    pub on_primary: Leaf<String>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawHelpdesk {
    /// The helpdesk's name, e.g. `Servicedesk`.
    #[schemars(with = "Option<RawText>")]
    pub name: Leaf<RawText>,
    /// A Dutch or Belgian number as employees dial it, e.g. `020 123 4567`; +31 / +32 also accepted.
    #[schemars(with = "Option<PhoneNumber>")]
    pub phone: Leaf<String>,
    /// The helpdesk's e-mail address.
    #[schemars(with = "Option<EmailAddress>")]
    pub email: Leaf<String>,
    /// When the helpdesk answers, e.g. `{ nl: "werkdagen 8.00-17.00 uur", en: "working days, 8:00 to 17:00" }`.
    #[schemars(with = "Option<RawText>")]
    pub hours: Leaf<RawText>,
    /// The helpdesk's web page (https only).
    #[schemars(with = "Option<HttpsUrl>")]
    pub url: Leaf<String>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMfa {
    /// `app` (Microsoft Authenticator, recommended), `sms`, or `choose` (employees pick from `allowed`).
    #[schemars(with = "Option<MethodName>")]
    pub method: Leaf<String>,
    /// Only with `method: choose`: the methods employees may pick, two or more of `app`,
    /// `sms`, `passkey` (a passkey in Microsoft Authenticator) and `security_key` (a FIDO2
    /// security key), e.g. `[app, passkey]`.
    #[schemars(with = "Option<Allowed>")]
    pub allowed: Leaf<Vec<Spanned<String>>>,
    /// How the tenant enforces MFA: `security_defaults`, `conditional_access` (Entra ID P1) or `per_user`.
    #[schemars(with = "Option<EnforcementName>")]
    pub enforcement: Leaf<String>,
    /// The day MFA becomes mandatory, as YYYY-MM-DD.
    #[schemars(with = "Option<IsoDate>")]
    pub mandatory_from: Leaf<String>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawFeatures {
    /// Remote desktop or RemoteApp sessions ask for MFA.
    #[schemars(with = "Option<bool>")]
    pub remote_desktop: Leaf<bool>,
    /// No MFA prompt inside the office network.
    #[schemars(with = "Option<bool>")]
    pub trusted_location: Leaf<bool>,
    /// MFA is set up while a new laptop is prepared.
    #[schemars(with = "Option<bool>")]
    pub new_laptop: Leaf<bool>,
    /// Employees use shared or kiosk devices.
    #[schemars(with = "Option<bool>")]
    pub shared_devices: Leaf<bool>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawLinks {
    /// Where employees sign in; built in: https://www.office.com.
    #[schemars(with = "Option<HttpsUrl>")]
    pub sign_in: Leaf<String>,
    /// The Security info page; built in: https://mysignins.microsoft.com/security-info.
    #[schemars(with = "Option<HttpsUrl>")]
    pub security_info: Leaf<String>,
    /// The page that starts MFA registration; built in: https://aka.ms/mfasetup.
    #[schemars(with = "Option<HttpsUrl>")]
    pub mfa_setup: Leaf<String>,
    /// The My Account portal; built in: https://myaccount.microsoft.com.
    #[schemars(with = "Option<HttpsUrl>")]
    pub my_account: Leaf<String>,
    /// Microsoft Authenticator in Apple's App Store.
    #[schemars(with = "Option<HttpsUrl>")]
    pub authenticator_ios: Leaf<String>,
    /// Microsoft Authenticator in Google Play.
    #[schemars(with = "Option<HttpsUrl>")]
    pub authenticator_android: Leaf<String>,
    /// The Microsoft Entra admin center, for the admin guide; built in: https://entra.microsoft.com.
    #[schemars(with = "Option<HttpsUrl>")]
    pub entra_admin: Leaf<String>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMicrosoft {
    /// The day Microsoft stops sending SMS and voice codes, as YYYY-MM-DD.
    #[schemars(with = "Option<IsoDate>")]
    pub sms_retirement: Leaf<String>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawRollout {
    /// The groups that get MFA one after another, in date order.
    #[schemars(with = "Option<Vec<RawWave>>")]
    pub waves: Leaf<Vec<RawWave>>,
}

#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawWave {
    /// Who is in this wave, e.g. `{ nl: Pilotgroep, en: Pilot group }`.
    #[schemars(required, with = "Option<RawText>")]
    pub name: Leaf<RawText>,
    /// The day this wave starts, as YYYY-MM-DD.
    #[schemars(required, with = "Option<IsoDate>")]
    pub date: Leaf<String>,
}

/// `handboek.yaml`: the MSP, the theme, and defaults for every customer.
#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    /// Your company, the MSP.
    pub msp: Option<RawMsp>,
    /// A folder under `themes/`; the built-in `default` theme fills in what it leaves out.
    #[schemars(with = "Option<String>")]
    pub theme: Leaf<String>,
    /// Any customer key, for every customer; a customer file overrides it.
    pub defaults: Option<RawCustomer>,
    /// Settings of `handboek check`.
    pub check: Option<RawCheck>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawCheck {
    /// `handboek check` warns about pages whose `verified:` date is older than this many
    /// days (default 180): Microsoft changes its screens often.
    pub verified_within_days: Option<u32>,
}

#[derive(Debug, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RawMsp {
    /// Your company's name, shown small in every page's footer.
    #[schemars(with = "Option<RawText>")]
    pub name: Leaf<RawText>,
    /// Your company's website (https only).
    #[schemars(with = "Option<HttpsUrl>")]
    pub url: Leaf<String>,
}

/// A text as written: one string for every language, or a map from language code to text.
#[derive(Debug, Clone, PartialEq)]
pub enum RawText {
    One(String),
    PerLang(BTreeMap<String, String>),
    /// A plain value YAML reads as a number or a boolean (`1.10`, `0x1F`, `1e3`): the text
    /// is read back as written (`yaml::written`); this is only YAML's reading of it.
    Typed(String),
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawTextVisitor)
    }
}

/// One text, or a text per language. Numbers are texts too, kept as written (`name: 1.10`
/// is the text `1.10`), so an editor should not flag `name: 1`.
impl JsonSchema for RawText {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        "Text".into()
    }

    fn json_schema(_: &mut SchemaGenerator) -> Schema {
        let per_lang: serde_json::Map<String, serde_json::Value> = Lang::ALL
            .iter()
            .map(|l| {
                let text = json_schema!({
                    "type": ["string", "number"],
                    "description": format!("The text in `{l}`."),
                });
                (l.code().to_string(), text.to_value())
            })
            .collect();
        // Object keywords apply to objects only, so one schema takes both spellings and an
        // optional leaf only adds `null` to its types.
        json_schema!({
            "type": ["string", "number", "object"],
            "properties": per_lang,
            "additionalProperties": false,
            "minProperties": 1,
        })
    }
}

struct RawTextVisitor;

impl<'de> Visitor<'de> for RawTextVisitor {
    type Value = RawText;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a text, or a map of languages to texts like `{ nl: …, en: … }`")
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<RawText, E> {
        Ok(RawText::One(v.to_string()))
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<RawText, E> {
        Ok(RawText::Typed(v.to_string()))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawText, E> {
        Ok(RawText::Typed(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawText, E> {
        Ok(RawText::Typed(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawText, E> {
        Ok(RawText::Typed(v.to_string()))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawText, A::Error> {
        let mut texts = BTreeMap::new();
        while let Some((lang, text)) = map.next_entry::<String, String>()? {
            if texts.insert(lang.clone(), text).is_some() {
                return Err(de::Error::custom(format!(
                    "the language `{lang}` appears twice"
                )));
            }
        }
        Ok(RawText::PerLang(texts))
    }
}
