//! How the leaves of the customer file and `handboek.yaml` are written, as JSON Schema for
//! editors. The closed sets come from the code's own enums and the patterns follow what the
//! checks accept, so the schema and the validator cannot disagree about a name. The types
//! have no values: they only stand in for `Spanned<String>` in `#[schemars(with = …)]`.

use std::borrow::Cow;

use schemars::{JsonSchema, Schema, SchemaGenerator, json_schema};

use crate::customer::{Enforcement, Factor, Method, PasskeyPrompt, WithoutSmartphone};
use crate::lang::Lang;
use crate::phone::Country;

/// `YYYY-MM-DD` with a month from 01 to 12 and a day from 01 to 31; `Date::parse` checks the
/// rest (the length of the month, the years 1900-2200).
pub const DATE_PATTERN: &str = "^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])$";
/// `https://` and nothing that `check_url` refuses anywhere: spaces, quotes, `<`, `>`, `\`.
pub const URL_PATTERN: &str = r#"^https://[^\s"'<>`\\]+$"#;
/// `#rgb` or `#rrggbb`, as `Colour::parse` reads them.
pub const COLOUR_PATTERN: &str = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";
/// The characters `check_email` allows, around one `@` and a domain with a dot.
pub const EMAIL_PATTERN: &str = r"^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$";
/// Labels of letters, digits and dashes with at least one dot, as `check_domain` wants.
pub const DOMAIN_PATTERN: &str = r"^[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$";

/// A leaf type that exists only for its schema, written inline where it is used.
macro_rules! form {
    ($(#[$doc:meta])* $name:ident => $schema:expr) => {
        $(#[$doc])*
        pub enum $name {}

        impl JsonSchema for $name {
            fn inline_schema() -> bool {
                true
            }

            fn schema_name() -> Cow<'static, str> {
                stringify!($name).into()
            }

            fn json_schema(_: &mut SchemaGenerator) -> Schema {
                $schema
            }
        }
    };
}

fn one_of(names: &[&str]) -> Schema {
    json_schema!({ "type": "string", "enum": names })
}

fn matching(pattern: &str) -> Schema {
    json_schema!({ "type": "string", "pattern": pattern })
}

form!(
    /// `mfa.method`.
    MethodName => one_of(&Method::ALL.map(Method::name))
);

form!(
    /// `mfa.enforcement`.
    EnforcementName => one_of(&Enforcement::ALL.map(Enforcement::name))
);

form!(
    /// `policy.without_smartphone`.
    WithoutSmartphoneName => one_of(&WithoutSmartphone::ALL.map(WithoutSmartphone::name))
);

form!(
    /// `policy.passkey_prompt`.
    PasskeyPromptName => one_of(&PasskeyPrompt::ALL.map(PasskeyPrompt::name))
);

form!(
    /// `country`.
    CountryCode => one_of(&Country::ALL.map(Country::code))
);

form!(
    /// `languages`: at least one, each once.
    Languages => json_schema!({
        "type": "array",
        "items": one_of(&Lang::ALL.map(Lang::code)),
        "minItems": 1,
        "uniqueItems": true,
    })
);

form!(
    /// `mfa.allowed`: the methods a `choose` customer offers, at least two.
    Allowed => json_schema!({
        "type": "array",
        "items": one_of(&Factor::ALL.map(Factor::name)),
        "minItems": 2,
        "uniqueItems": true,
    })
);

form!(
    /// A calendar date.
    IsoDate => matching(DATE_PATTERN)
);

form!(
    /// An https address.
    HttpsUrl => matching(URL_PATTERN)
);

form!(
    /// A brand colour.
    HexColour => matching(COLOUR_PATTERN)
);

form!(
    /// An e-mail address.
    EmailAddress => matching(EMAIL_PATTERN)
);

form!(
    /// An e-mail domain.
    DomainName => matching(DOMAIN_PATTERN)
);

form!(
    /// A phone number: text, or digits alone, which YAML reads as a number
    /// (`0201234567`, which handboek keeps as written).
    PhoneNumber => json_schema!({ "type": ["string", "integer"] })
);

#[cfg(test)]
mod tests {
    use regex::Regex;

    use super::*;
    use crate::colour::Colour;
    use crate::customer::address::{check_domain, check_email, check_url};
    use crate::date::Date;

    /// The pattern takes what the check takes, and refuses the usual mistakes the check
    /// refuses, so an editor never marks a value that builds.
    fn agrees(pattern: &str, check: impl Fn(&str) -> bool, good: &[&str], bad: &[&str]) {
        let re = Regex::new(pattern).expect("the pattern compiles");
        for s in good {
            assert!(check(s), "the check refuses {s:?}");
            assert!(re.is_match(s), "{pattern} refuses {s:?}");
        }
        for s in bad {
            assert!(!check(s), "the check takes {s:?}");
            assert!(!re.is_match(s), "{pattern} takes {s:?}");
        }
    }

    #[test]
    fn the_date_pattern_follows_date_parse() {
        agrees(
            DATE_PATTERN,
            |s| Date::parse(s).is_ok(),
            &["2026-12-01", "2027-02-28", "2028-02-29", "1900-01-01"],
            &[
                "1-12-2026",
                "01-12-2026",
                "2026-13-01",
                "2026-12-1",
                "2026/12/01",
                "",
            ],
        );
    }

    #[test]
    fn the_url_pattern_follows_check_url() {
        agrees(
            URL_PATTERN,
            |s| check_url(s).is_ok(),
            &[
                "https://aka.ms/mfasetup",
                "https://help.example.nl:8443/a?b#c",
            ],
            &[
                "http://x.nl",
                "javascript:alert(1)",
                "https://x .nl",
                "https://x.nl/\"a",
            ],
        );
    }

    #[test]
    fn the_colour_pattern_follows_colour_parse() {
        agrees(
            COLOUR_PATTERN,
            |s| Colour::parse(s).is_ok(),
            &["#1f4e79", "#FFF", "#AbCdEf"],
            &[
                "1f4e79",
                "#1f4e7",
                "#1f4e79ff",
                "#ggg",
                "red",
                "rgb(1, 2, 3)",
            ],
        );
    }

    #[test]
    fn the_address_patterns_follow_their_checks() {
        agrees(
            EMAIL_PATTERN,
            |s| check_email(s).is_ok(),
            &["servicedesk@van-dijk.nl", "a.b+c@x.example.be"],
            &["servicedesk", "a@b", "<a@b.nl>", "a b@c.nl", "@c.nl"],
        );
        agrees(
            DOMAIN_PATTERN,
            |s| check_domain(s).is_ok(),
            &["vandijk.nl", "mail.verhaegen-logistiek.be"],
            &["vandijk", "van dijk.nl", "@vandijk.nl", "vandijk..nl"],
        );
    }
}
