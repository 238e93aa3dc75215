//! The customer file as written: every key optional (a layer may leave any out), unknown
//! keys refused, every leaf with its place in the file.

use std::collections::BTreeMap;
use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, Visitor};
use serde_saphyr::Spanned;

pub type Leaf<T> = Option<Spanned<T>>;

/// One layer of customer values: the built-in defaults, `handboek.yaml`'s `defaults:`, or a
/// customer file.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCustomer {
    pub name: Leaf<RawText>,
    pub short_name: Leaf<RawText>,
    pub country: Leaf<String>,
    pub languages: Leaf<Vec<Spanned<String>>>,
    pub logo: Leaf<String>,
    pub domain: Leaf<String>,
    pub brand: Option<RawBrand>,
    pub helpdesk: Option<RawHelpdesk>,
    pub mfa: Option<RawMfa>,
    pub features: Option<RawFeatures>,
    pub links: Option<RawLinks>,
    pub microsoft: Option<RawMicrosoft>,
    pub screenshots: Option<BTreeMap<String, Spanned<RawText>>>,
    pub rollout: Option<RawRollout>,
    pub policy: Option<RawPolicy>,
}

/// The customer's own rules that the handbook states.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawPolicy {
    pub no_smartphone: Leaf<RawText>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBrand {
    pub primary: Leaf<String>,
    pub on_primary: Leaf<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHelpdesk {
    pub name: Leaf<RawText>,
    pub phone: Leaf<String>,
    pub email: Leaf<String>,
    pub hours: Leaf<RawText>,
    pub url: Leaf<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMfa {
    pub method: Leaf<String>,
    pub allowed: Leaf<Vec<Spanned<String>>>,
    pub enforcement: Leaf<String>,
    pub mandatory_from: Leaf<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawFeatures {
    pub remote_desktop: Leaf<bool>,
    pub trusted_location: Leaf<bool>,
    pub new_laptop: Leaf<bool>,
    pub shared_devices: Leaf<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawLinks {
    pub sign_in: Leaf<String>,
    pub security_info: Leaf<String>,
    pub mfa_setup: Leaf<String>,
    pub my_account: Leaf<String>,
    pub authenticator_ios: Leaf<String>,
    pub authenticator_android: Leaf<String>,
    pub entra_admin: Leaf<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMicrosoft {
    pub sms_retirement: Leaf<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawRollout {
    pub waves: Leaf<Vec<RawWave>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawWave {
    pub name: Leaf<RawText>,
    pub date: Leaf<String>,
}

/// `handboek.yaml`: the MSP, the theme, and defaults for every customer.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSettings {
    pub msp: Option<RawMsp>,
    pub theme: Leaf<String>,
    pub defaults: Option<RawCustomer>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMsp {
    pub name: Leaf<RawText>,
    pub url: Leaf<String>,
}

/// A text as written: one string for every language, or a map from language code to text.
#[derive(Debug, Clone, PartialEq)]
pub enum RawText {
    One(String),
    PerLang(BTreeMap<String, String>),
}

impl<'de> Deserialize<'de> for RawText {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(RawTextVisitor)
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

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<RawText, E> {
        Ok(RawText::One(v.to_string()))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<RawText, E> {
        Ok(RawText::One(v.to_string()))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<RawText, E> {
        Ok(RawText::One(v.to_string()))
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
