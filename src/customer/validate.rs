//! From layers of raw values to a `Customer`: pick each value from the top-most layer that
//! has it, check it, and collect every problem with the file and line it came from.

use std::collections::BTreeMap;

use serde_saphyr::Spanned;

use super::address::{check_domain, check_url};
use super::limits::text_limit;
use super::raw::{RawCustomer, RawText};
use super::sections::{
    asset_path, brand, features, helpdesk, languages, links, method, screenshots, waves,
};
use super::{Customer, Enforcement, Factor, Msp, Text, Url};
use crate::colour::Colour;
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span, did_you_mean};
use crate::lang::Lang;
use crate::phone::Country;
use crate::yaml::span_of;

/// One layer of values and the file it was read from.
pub struct Layer {
    pub source: Source,
    pub raw: RawCustomer,
}

/// A value picked from a layer, with where it was written.
pub(super) struct At<'a, T> {
    pub(super) value: &'a T,
    pub(super) source: &'a Source,
    pub(super) span: Span,
    /// Which layer set it: higher is closer to the customer file.
    pub(super) layer: usize,
}

impl<T> At<'_, T> {
    pub(super) fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(self.source, self.span)
    }
}

pub(super) struct Check<'a> {
    pub(super) layers: &'a [&'a Layer],
    pub(super) diags: Diagnostics,
    pub(super) asset_exists: &'a dyn Fn(&str) -> bool,
}

impl<'a> Check<'a> {
    /// The value from the top-most layer that sets it.
    pub(super) fn pick<T>(
        &self,
        get: impl Fn(&'a RawCustomer) -> Option<&'a Spanned<T>>,
    ) -> Option<At<'a, T>> {
        self.layers.iter().enumerate().rev().find_map(|(i, layer)| {
            get(&layer.raw).map(|s| At {
                value: &s.value,
                source: &layer.source,
                span: span_of(s, 0),
                layer: i,
            })
        })
    }

    fn customer_file(&self) -> &'a Source {
        &self.layers[self.layers.len() - 1].source
    }

    pub(super) fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    pub(super) fn missing(&mut self, key: &str, example: &str) {
        let file = self.customer_file();
        let d = Diagnostic::error(format!("the customer has no `{key}`"))
            .at(file, Span::new(1, 1, 0))
            .help(format!(
                "add `{key}` to {} (or to `defaults:` in handboek.yaml for every customer), e.g. {example}",
                file.name
            ));
        self.push(d);
    }

    pub(super) fn text(
        &mut self,
        at: Option<At<'a, RawText>>,
        key: &str,
        langs: &[Lang],
    ) -> Option<Text> {
        let at = at?;
        let typed;
        let value = match at.value {
            // A number stays the text the author typed (`1.10`, not 1.1).
            RawText::Typed(read) => match crate::yaml::written(at.source, at.span) {
                Some(text) => {
                    typed = RawText::One(text);
                    &typed
                }
                None => {
                    self.push(
                        at.error(format!(
                            "`{key}` is written as a value YAML reads as `{read}`, not as text"
                        ))
                        .help(format!(
                            "put the text in quotes: `{}: \"…\"`.",
                            key.rsplit('.').next().unwrap_or(key)
                        )),
                    );
                    return None;
                }
            },
            other => other,
        };
        let text = self.text_value(&at, value, key, langs)?;
        self.text_lengths(&at, &text, key).then_some(text)
    }

    /// Each language's text no longer than the kind of text allows.
    fn text_lengths(&mut self, at: &At<'a, RawText>, text: &Text, key: &str) -> bool {
        let limit = text_limit(key);
        let texts: Vec<&str> = match text {
            Text::One(s) => vec![s.as_str()],
            Text::PerLang(map) => map.values().map(String::as_str).collect(),
        };
        let longest = texts.iter().map(|t| t.chars().count()).max().unwrap_or(0);
        if longest > limit {
            self.push(
                at.error(format!(
                    "`{key}` is {longest} characters long; at most {limit} fit where it is shown"
                ))
                .help("write a shorter text; a handbook shows it on many pages."),
            );
            return false;
        }
        true
    }

    fn text_value(
        &mut self,
        at: &At<'a, RawText>,
        value: &RawText,
        key: &str,
        langs: &[Lang],
    ) -> Option<Text> {
        match value {
            RawText::Typed(_) => None,
            RawText::One(s) if s.trim().is_empty() => {
                self.push(
                    at.error(format!("`{key}` is empty"))
                        .help("write a text, or remove the key."),
                );
                None
            }
            RawText::One(s) => Some(Text::One(s.trim().to_string())),
            RawText::PerLang(map) => {
                let mut texts = BTreeMap::new();
                for (code, text) in map {
                    match Lang::parse(code) {
                        Some(lang) if text.trim().is_empty() => self.push(
                            at.error(format!("`{key}` has an empty `{lang}` text"))
                                .help("write the text, or leave the language out of the map."),
                        ),
                        Some(lang) => {
                            texts.insert(lang, text.trim().to_string());
                        }
                        None => self.push(
                            at.error(format!(
                                "`{key}` has a text for `{code}`, a language handboek does not ship"
                            ))
                            .help(format!("use one of {}.", Lang::list())),
                        ),
                    }
                }
                for lang in langs {
                    if !texts.contains_key(lang) {
                        self.push(
                            at.error(format!("`{key}` has no `{lang}` text, but this customer is built in `{lang}`"))
                                .help(format!("add `{lang}: …` to the map, or write one text for every language.")),
                        );
                    }
                }
                Some(Text::PerLang(texts))
            }
        }
    }

    pub(super) fn required_text(
        &mut self,
        at: Option<At<'a, RawText>>,
        key: &str,
        langs: &[Lang],
        example: &str,
    ) -> Option<Text> {
        if at.is_none() {
            self.missing(key, example);
        }
        self.text(at, key, langs)
    }

    pub(super) fn required_date(
        &mut self,
        at: Option<At<'a, String>>,
        key: &str,
        example: &str,
    ) -> Option<Date> {
        if at.is_none() {
            self.missing(key, example);
        }
        self.date(at, key)
    }

    pub(super) fn url(&mut self, at: Option<At<'a, String>>, key: &str) -> Option<Url> {
        let at = at?;
        match check_url(at.value) {
            Ok(url) => Some(url),
            Err(why) => {
                self.push(at.error(format!("`{key}` {why}")).help(
                    "write a full https address, e.g. `https://help.example.nl/mfa`; handbooks link only to https.",
                ));
                None
            }
        }
    }

    pub(super) fn date(&mut self, at: Option<At<'a, String>>, key: &str) -> Option<Date> {
        let at = at?;
        match Date::parse(at.value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(at.error(format!("`{key}`: {e}")));
                None
            }
        }
    }

    pub(super) fn colour(
        &mut self,
        at: Option<At<'a, String>>,
        key: &str,
        default: &str,
    ) -> Option<(Colour, Option<At<'a, String>>)> {
        match at {
            None => Colour::parse(default).ok().map(|c| (c, None)),
            Some(at) => match Colour::parse(at.value) {
                Ok(c) => Some((c, Some(at))),
                Err(e) => {
                    self.push(at.error(format!("`{key}`: {e}")));
                    None
                }
            },
        }
    }

    pub(super) fn choice<T: Copy>(
        &mut self,
        at: &At<'a, String>,
        key: &str,
        options: &[(&str, T)],
    ) -> Option<T> {
        if let Some((_, v)) = options.iter().find(|(name, _)| *name == at.value.as_str()) {
            return Some(*v);
        }
        let names: Vec<&str> = options.iter().map(|(n, _)| *n).collect();
        let list = names
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let help = match did_you_mean(at.value, names.iter().copied()) {
            Some(close) => format!("did you mean `{close}`? Write one of {list}."),
            None => format!("write one of {list}."),
        };
        self.push(
            at.error(format!("`{}` is not a valid `{key}`", at.value))
                .help(help),
        );
        None
    }
}

/// Security defaults register Microsoft Authenticator (or another authenticator app), not
/// text messages (FACTS §1.1), so an SMS path would send employees to a screen they never see.
fn sms_under_security_defaults(c: &mut Check) {
    let place = c
        .pick(|r| r.mfa.as_ref()?.allowed.as_ref())
        .map(|a| (a.source, a.span))
        .or_else(|| {
            c.pick(|r| r.mfa.as_ref()?.method.as_ref())
                .map(|a| (a.source, a.span))
        });
    let d = Diagnostic::error("security defaults do not offer SMS as a way to register for MFA")
        .help("use `method: app` (or leave `sms` out of `allowed`), or enforce MFA with `enforcement: conditional_access`, which needs Microsoft Entra ID P1.");
    c.push(match place {
        Some((source, span)) => d.at(source, span),
        None => d,
    });
}

/// Validates one customer from its layers (lowest first, the customer file last).
/// `asset_exists` tells whether `assets/<path>` is a file of the project or the library.
pub fn validate_customer(
    id: &str,
    layers: &[&Layer],
    msp: &Msp,
    asset_exists: &dyn Fn(&str) -> bool,
) -> Result<Customer, Diagnostics> {
    let mut c = Check {
        layers,
        diags: Diagnostics::new(),
        asset_exists,
    };

    let languages = languages(&mut c);
    let langs = languages.as_deref().unwrap_or(&Lang::ALL);
    let name = c.required_text(
        c.pick(|r| r.name.as_ref()),
        "name",
        langs,
        "`name: Bakkerij Van Dijk B.V.`",
    );
    let short_name = c.text(c.pick(|r| r.short_name.as_ref()), "short_name", langs);
    let country = c
        .pick(|r| r.country.as_ref())
        .map_or(Some(Country::Nl), |at| {
            c.choice(&at, "country", &Country::ALL.map(|k| (k.code(), k)))
        });
    let at_logo = c.pick(|r| r.logo.as_ref());
    let logo = asset_path(&mut c, at_logo, "logo");
    let domain = c
        .pick(|r| r.domain.as_ref())
        .and_then(|at| match check_domain(at.value) {
            Ok(()) => Some(at.value.to_lowercase()),
            Err(why) => {
                c.push(
                    at.error(format!("`domain` {why}"))
                        .help("write the e-mail domain of the employees, e.g. `vandijk.nl`."),
                );
                None
            }
        });
    let brand = brand(&mut c);
    let helpdesk = helpdesk(&mut c, langs, country.unwrap_or(Country::Nl));
    let (method, factors) = method(&mut c).unzip();
    let enforcement = match c.pick(|r| r.mfa.as_ref()?.enforcement.as_ref()) {
        Some(at) => c.choice(
            &at,
            "mfa.enforcement",
            &Enforcement::ALL.map(|e| (e.name(), e)),
        ),
        None => {
            c.missing(
                "mfa.enforcement",
                "`enforcement: security_defaults` under `mfa:`",
            );
            None
        }
    };
    let mandatory_from = c.required_date(
        c.pick(|r| r.mfa.as_ref()?.mandatory_from.as_ref()),
        "mfa.mandatory_from",
        "`mandatory_from: 2026-12-01` under `mfa:`",
    );
    let features = features(&c);
    let links = links(&mut c);
    let sms_retirement = c.required_date(
        c.pick(|r| r.microsoft.as_ref()?.sms_retirement.as_ref()),
        "microsoft.sms_retirement",
        "`sms_retirement: 2027-02-01` under `microsoft:`",
    );
    let screenshots = screenshots(&mut c, langs);
    let waves = waves(&mut c, langs);
    let no_smartphone_policy = c.text(
        c.pick(|r| r.policy.as_ref()?.no_smartphone.as_ref()),
        "policy.no_smartphone",
        langs,
    );
    if enforcement == Some(Enforcement::SecurityDefaults)
        && factors.as_ref().is_some_and(|f| f.contains(&Factor::Sms))
    {
        sms_under_security_defaults(&mut c);
    }

    if c.diags.has_errors() {
        return Err(c.diags);
    }
    let (
        Some(languages),
        Some(name),
        Some(country),
        Some(brand),
        Some(helpdesk),
        Some(method),
        Some(factors),
        Some(enforcement),
        Some(mandatory_from),
        Some(links),
        Some(sms_retirement),
    ) = (
        languages,
        name,
        country,
        brand,
        helpdesk,
        method,
        factors,
        enforcement,
        mandatory_from,
        links,
        sms_retirement,
    )
    else {
        return Err(c.diags);
    };
    Ok(Customer {
        id: id.to_string(),
        source: c.customer_file().clone(),
        short_name: short_name.unwrap_or_else(|| name.clone()),
        name,
        country,
        languages,
        logo,
        domain,
        brand,
        helpdesk,
        method,
        factors,
        enforcement,
        mandatory_from,
        features,
        links,
        sms_retirement,
        screenshots,
        waves,
        no_smartphone_policy,
        msp: msp.clone(),
    })
}
