//! From layers of raw values to a `Customer`: pick each value from the top-most layer that
//! has it, check it, and collect every problem with the file and line it came from.

use std::collections::{BTreeMap, BTreeSet};

use serde_saphyr::Spanned;

use super::raw::{RawCustomer, RawSettings, RawText};
use super::{
    Brand, Customer, Email, Enforcement, Factor, Feature, Helpdesk, LINK_NAMES, Method, Msp, Text,
    Url, Wave,
};
use crate::colour::{self, Colour};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span, did_you_mean};
use crate::files::check_relative;
use crate::lang::Lang;
use crate::phone::{self, Country};
use crate::yaml::span_of;

/// One layer of values and the file it was read from.
pub struct Layer {
    pub source: Source,
    pub raw: RawCustomer,
}

/// A value picked from a layer, with where it was written.
struct At<'a, T> {
    value: &'a T,
    source: &'a Source,
    span: Span,
    /// Which layer set it: higher is closer to the customer file.
    layer: usize,
}

impl<T> At<'_, T> {
    fn error(&self, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(message).at(self.source, self.span)
    }
}

struct Check<'a> {
    layers: &'a [&'a Layer],
    diags: Diagnostics,
    asset_exists: &'a dyn Fn(&str) -> bool,
}

impl<'a> Check<'a> {
    /// The value from the top-most layer that sets it.
    fn pick<T>(
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

    fn push(&mut self, d: Diagnostic) {
        self.diags.push(d);
    }

    fn missing(&mut self, key: &str, example: &str) {
        let file = self.customer_file();
        let d = Diagnostic::error(format!("the customer has no `{key}`"))
            .at(file, Span::new(1, 1, 0))
            .help(format!(
                "add `{key}` to {} (or to `defaults:` in handboek.yaml for every customer), e.g. {example}",
                file.name
            ));
        self.push(d);
    }

    fn text(&mut self, at: Option<At<'a, RawText>>, key: &str, langs: &[Lang]) -> Option<Text> {
        let at = at?;
        match at.value {
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

    fn required_text(
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

    fn url(&mut self, at: Option<At<'a, String>>, key: &str) -> Option<Url> {
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

    fn date(&mut self, at: Option<At<'a, String>>, key: &str) -> Option<Date> {
        let at = at?;
        match Date::parse(at.value) {
            Ok(d) => Some(d),
            Err(e) => {
                self.push(at.error(format!("`{key}`: {e}")));
                None
            }
        }
    }

    fn colour(
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

    fn choice<T: Copy>(
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

/// Validates the MSP section of `handboek.yaml`.
pub fn validate_msp(source: &Source, settings: &RawSettings) -> Result<Msp, Diagnostics> {
    let layers = [];
    let mut check = Check {
        layers: &layers,
        diags: Diagnostics::new(),
        asset_exists: &|_| true,
    };
    let raw = settings.msp.as_ref();
    let at_name = raw.and_then(|m| m.name.as_ref()).map(|s| At {
        value: &s.value,
        source,
        span: span_of(s, 0),
        layer: 0,
    });
    let name = match at_name {
        Some(at) => check.text(Some(at), "msp.name", &[]),
        None => {
            check.push(
                Diagnostic::error("handboek.yaml has no `msp.name`")
                    .at(source, Span::new(1, 1, 0))
                    .help("add `msp:` with `name: Your company` (shown small in every page's footer)."),
            );
            None
        }
    };
    let at_url = raw.and_then(|m| m.url.as_ref()).map(|s| At {
        value: &s.value,
        source,
        span: span_of(s, 0),
        layer: 0,
    });
    let url = check.url(at_url, "msp.url");
    match name {
        Some(name) if check.diags.is_empty() => Ok(Msp { name, url }),
        _ => Err(check.diags),
    }
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
            c.choice(&at, "country", &[("nl", Country::Nl), ("be", Country::Be)])
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
    let at_from = c.pick(|r| r.mfa.as_ref()?.mandatory_from.as_ref());
    if at_from.is_none() {
        c.missing(
            "mfa.mandatory_from",
            "`mandatory_from: 2026-12-01` under `mfa:`",
        );
    }
    let mandatory_from = c.date(at_from, "mfa.mandatory_from");
    let features = features(&c);
    let links = links(&mut c);
    let at_sms = c.pick(|r| r.microsoft.as_ref()?.sms_retirement.as_ref());
    if at_sms.is_none() {
        c.missing(
            "microsoft.sms_retirement",
            "`sms_retirement: 2027-02-01` under `microsoft:`",
        );
    }
    let sms_retirement = c.date(at_sms, "microsoft.sms_retirement");
    let screenshots = screenshots(&mut c, langs);
    let waves = waves(&mut c, langs);

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
        msp: msp.clone(),
    })
}

fn languages(c: &mut Check) -> Option<Vec<Lang>> {
    let Some(at) = c.pick(|r| r.languages.as_ref()) else {
        return Some(Lang::ALL.to_vec());
    };
    let mut langs = Vec::new();
    for code in at.value {
        let span = span_of(code, 0);
        match Lang::parse(&code.value) {
            Some(l) if langs.contains(&l) => c.push(
                Diagnostic::error(format!("the language `{l}` is listed twice"))
                    .at(at.source, span),
            ),
            Some(l) => langs.push(l),
            None => c.push(
                Diagnostic::error(format!(
                    "handboek does not ship the language `{}`",
                    code.value
                ))
                .at(at.source, span)
                .help(format!(
                    "use {} (the first one is the default language).",
                    Lang::list()
                )),
            ),
        }
    }
    if langs.is_empty() {
        c.push(
            at.error("`languages` is empty")
                .help("write e.g. `languages: [nl, en]`."),
        );
        return None;
    }
    Some(langs)
}

fn brand(c: &mut Check) -> Option<Brand> {
    let primary = c.colour(
        c.pick(|r| r.brand.as_ref()?.primary.as_ref()),
        "brand.primary",
        "#1f4e79",
    );
    let on_primary = c.colour(
        c.pick(|r| r.brand.as_ref()?.on_primary.as_ref()),
        "brand.on_primary",
        "#ffffff",
    );
    let ((primary, at_p), (on_primary, at_o)) = (primary?, on_primary?);
    let ratio = colour::contrast_ratio(primary, on_primary);
    if ratio < 4.5 {
        // Point at the colour the author set closest to the customer file.
        let place = match (at_p, at_o) {
            (Some(p), Some(o)) if o.layer > p.layer => Some(o),
            (Some(p), _) => Some(p),
            (None, o) => o,
        };
        let message = format!(
            "text in {} on the brand colour {} has a contrast of {ratio:.2}:1; readable text needs at least 4.5:1 (WCAG AA)",
            on_primary.to_hex(),
            primary.to_hex()
        );
        let help = match colour::darken_until(on_primary, primary, 4.5) {
            Some(darker) => format!(
                "use a darker brand colour such as `primary: \"{}\"`, or set `on_primary` to a colour that stands out from it.",
                darker.to_hex()
            ),
            None => "set `on_primary` to a colour that stands out from the brand colour, e.g. `\"#000000\"`.".into(),
        };
        match place {
            Some(at) => c.push(at.error(message).help(help)),
            None => c.push(Diagnostic::error(message).help(help)),
        }
        return None;
    }
    Some(Brand {
        primary,
        on_primary,
    })
}

fn helpdesk(c: &mut Check, langs: &[Lang], country: Country) -> Option<Helpdesk> {
    let name = c.required_text(
        c.pick(|r| r.helpdesk.as_ref()?.name.as_ref()),
        "helpdesk.name",
        langs,
        "`name: Servicedesk` under `helpdesk:`",
    );
    let at_phone = c.pick(|r| r.helpdesk.as_ref()?.phone.as_ref());
    let phone = match at_phone {
        None => {
            c.missing("helpdesk.phone", "`phone: 020 123 4567` under `helpdesk:`");
            None
        }
        Some(at) => match phone::parse(at.value, country) {
            Ok(p) => Some(p),
            Err(e) => {
                let span = Span {
                    len: at.value.chars().count(),
                    ..at.span
                };
                c.push(Diagnostic::error(format!("`helpdesk.phone`: {e}")).at(at.source, span));
                None
            }
        },
    };
    let email = match c.pick(|r| r.helpdesk.as_ref()?.email.as_ref()) {
        None => {
            c.missing(
                "helpdesk.email",
                "`email: servicedesk@example.nl` under `helpdesk:`",
            );
            None
        }
        Some(at) => match check_email(at.value) {
            Ok(e) => Some(e),
            Err(why) => {
                c.push(
                    at.error(format!("`helpdesk.email` {why}"))
                        .help("write one address like `servicedesk@example.nl`."),
                );
                None
            }
        },
    };
    let hours = c.text(
        c.pick(|r| r.helpdesk.as_ref()?.hours.as_ref()),
        "helpdesk.hours",
        langs,
    );
    let url = c.url(
        c.pick(|r| r.helpdesk.as_ref()?.url.as_ref()),
        "helpdesk.url",
    );
    Some(Helpdesk {
        name: name?,
        phone: phone?,
        email: email?,
        hours,
        url,
    })
}

fn method(c: &mut Check) -> Option<(Method, BTreeSet<Factor>)> {
    let Some(at) = c.pick(|r| r.mfa.as_ref()?.method.as_ref()) else {
        c.missing(
            "mfa.method",
            "`method: app` under `mfa:` (one of app, sms, choose)",
        );
        return None;
    };
    let method = c.choice(
        &at,
        "mfa.method",
        &[
            ("app", Method::App),
            ("sms", Method::Sms),
            ("choose", Method::Choose),
        ],
    )?;
    let allowed = c.pick(|r| r.mfa.as_ref()?.allowed.as_ref());
    match (method, allowed) {
        (Method::App, None) => Some((method, BTreeSet::from([Factor::App]))),
        (Method::Sms, None) => Some((method, BTreeSet::from([Factor::Sms]))),
        (Method::App | Method::Sms, Some(allowed)) => {
            c.push(
                allowed
                    .error("`mfa.allowed` is only for `method: choose`")
                    .help(format!(
                        "remove `allowed`, or set `method: choose` to let employees pick from {}.",
                        allowed
                            .value
                            .iter()
                            .map(|a| a.value.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
            );
            None
        }
        (Method::Choose, None) => {
            c.push(
                at.error("`method: choose` needs the list of methods employees may pick")
                    .help("add `allowed: [app, sms]` under `mfa:`."),
            );
            None
        }
        (Method::Choose, Some(allowed)) => {
            let mut factors = BTreeSet::new();
            for item in allowed.value {
                let item_at = At {
                    value: &item.value,
                    source: allowed.source,
                    span: span_of(item, 0),
                    layer: 0,
                };
                if let Some(f) =
                    c.choice(&item_at, "mfa.allowed", &Factor::ALL.map(|f| (f.name(), f)))
                {
                    factors.insert(f);
                }
            }
            if factors.len() < 2 {
                c.push(allowed.error("`method: choose` needs at least two allowed methods").help("write `allowed: [app, sms]`, or pick one method with `method: app` or `method: sms`."));
                return None;
            }
            Some((method, factors))
        }
    }
}

fn features(c: &Check) -> BTreeSet<Feature> {
    let on = |f: Feature| {
        c.pick(|r| {
            let raw = r.features.as_ref()?;
            match f {
                Feature::RemoteDesktop => raw.remote_desktop.as_ref(),
                Feature::TrustedLocation => raw.trusted_location.as_ref(),
                Feature::NewLaptop => raw.new_laptop.as_ref(),
                Feature::SharedDevices => raw.shared_devices.as_ref(),
            }
        })
        .is_some_and(|at| *at.value)
    };
    Feature::ALL.into_iter().filter(|f| on(*f)).collect()
}

fn links(c: &mut Check) -> Option<BTreeMap<&'static str, Url>> {
    let mut links = BTreeMap::new();
    let mut complete = true;
    for name in LINK_NAMES {
        let at = c.pick(|r| {
            let l = r.links.as_ref()?;
            match name {
                "sign_in" => l.sign_in.as_ref(),
                "security_info" => l.security_info.as_ref(),
                "mfa_setup" => l.mfa_setup.as_ref(),
                "my_account" => l.my_account.as_ref(),
                "authenticator_ios" => l.authenticator_ios.as_ref(),
                "authenticator_android" => l.authenticator_android.as_ref(),
                _ => l.entra_admin.as_ref(),
            }
        });
        if at.is_none() {
            c.missing(&format!("links.{name}"), "an https address under `links:`");
            complete = false;
        }
        match c.url(at, &format!("links.{name}")) {
            Some(url) => {
                links.insert(name, url);
            }
            None => complete = false,
        }
    }
    complete.then_some(links)
}

fn asset_path(c: &mut Check, at: Option<At<'_, String>>, key: &str) -> Option<String> {
    let at = at?;
    match check_relative(at.value) {
        Ok(()) if (c.asset_exists)(at.value) => Some(at.value.clone()),
        Ok(()) => {
            c.push(
                at.error(format!(
                    "`{key}`: the file `assets/{}` does not exist",
                    at.value
                ))
                .help("put the file in the project's `assets/` folder, or correct the path."),
            );
            None
        }
        Err(why) => {
            c.push(at.error(format!("`{key}`: {why}")).help(
                "write a path inside the project's `assets/` folder, e.g. `logos/acme.svg`.",
            ));
            None
        }
    }
}

fn screenshots(c: &mut Check, langs: &[Lang]) -> BTreeMap<String, (Text, Span)> {
    let mut out = BTreeMap::new();
    let Some(layer) = c.layers.iter().rev().find(|l| l.raw.screenshots.is_some()) else {
        return out;
    };
    for (screen, spanned) in layer.raw.screenshots.iter().flatten() {
        let at = At {
            value: &spanned.value,
            source: &layer.source,
            span: span_of(spanned, 0),
            layer: 0,
        };
        let key = format!("screenshots.{screen}");
        let Some(text) = c.text(Some(at), &key, langs) else {
            continue;
        };
        let paths: Vec<&str> = langs.iter().map(|l| text.get(*l)).collect();
        let mut ok = true;
        for path in paths {
            let problem = match check_relative(path) {
                Err(why) => Some(why),
                Ok(()) if !(c.asset_exists)(path) => {
                    Some(format!("the file `assets/{path}` does not exist"))
                }
                Ok(()) => None,
            };
            if let Some(why) = problem {
                c.push(
                    Diagnostic::error(format!("`{key}`: {why}"))
                        .at(&layer.source, span_of(spanned, 0)),
                );
                ok = false;
            }
        }
        if ok {
            out.insert(screen.clone(), (text, span_of(spanned, 0)));
        }
    }
    out
}

fn waves(c: &mut Check, langs: &[Lang]) -> Vec<Wave> {
    let Some(at) = c.pick(|r| r.rollout.as_ref()?.waves.as_ref()) else {
        return Vec::new();
    };
    let mut waves: Vec<Wave> = Vec::new();
    for (i, raw) in at.value.iter().enumerate() {
        let n = i + 1;
        let name_at = raw.name.as_ref().map(|s| At {
            value: &s.value,
            source: at.source,
            span: span_of(s, 0),
            layer: 0,
        });
        let date_at = raw.date.as_ref().map(|s| At {
            value: &s.value,
            source: at.source,
            span: span_of(s, 0),
            layer: 0,
        });
        if name_at.is_none() || date_at.is_none() {
            c.push(
                at.error(format!("rollout wave {n} needs a `name` and a `date`"))
                    .help("write e.g. `- name: Pilot\n      date: 2026-11-16`."),
            );
            continue;
        }
        let name = c.text(name_at, &format!("rollout.waves[{n}].name"), langs);
        let date = c.date(date_at, &format!("rollout.waves[{n}].date"));
        if let (Some(name), Some(date)) = (name, date) {
            if let Some(prev) = waves.last()
                && date < prev.date
            {
                let s = raw.date.as_ref().map_or(at.span, |s| span_of(s, 0));
                c.push(
                    Diagnostic::error(format!("rollout wave {n} starts before the wave above it"))
                        .at(at.source, s)
                        .help("list the waves in the order of their dates."),
                );
            }
            waves.push(Wave { name, date });
        }
    }
    waves
}

/// An https URL with a host, and nothing that could break out of an attribute.
pub fn check_url(s: &str) -> Result<Url, String> {
    let Some(rest) = s.strip_prefix("https://") else {
        return Err(if s.starts_with("http://") {
            format!("`{s}` is not https")
        } else {
            format!("`{s}` is not an https address")
        });
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let host_name = host.split(':').next().unwrap_or("");
    let valid_host = host_name.contains('.')
        && host_name.split('.').all(|label| {
            !label.is_empty()
                && label
                    .chars()
                    .all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        });
    if !valid_host {
        return Err(format!("`{s}` has no valid host name"));
    }
    if s.chars().any(|ch| {
        ch.is_whitespace() || ch.is_control() || matches!(ch, '"' | '<' | '>' | '\'' | '`' | '\\')
    }) {
        return Err(format!(
            "`{s}` contains spaces or characters that do not belong in an address"
        ));
    }
    Ok(Url(s.to_string()))
}

fn check_email(s: &str) -> Result<Email, String> {
    let (local, domain) = s
        .split_once('@')
        .ok_or_else(|| format!("`{s}` is not an e-mail address"))?;
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "._%+-".contains(ch));
    if !local_ok || check_domain(domain).is_err() {
        return Err(format!("`{s}` is not an e-mail address"));
    }
    Ok(Email(s.to_string()))
}

fn check_domain(s: &str) -> Result<(), String> {
    let ok = s.contains('.')
        && s.split('.')
            .all(|l| !l.is_empty() && l.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-'));
    if ok {
        Ok(())
    } else {
        Err(format!("`{s}` is not a domain name"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_urls_pass() {
        assert!(check_url("https://aka.ms/mfasetup").is_ok());
        assert!(check_url("https://help.example.nl:8443/a?b#c").is_ok());
        for bad in [
            "http://x.nl",
            "javascript:alert(1)",
            "https://",
            "https://nohost",
            "https://x.nl/\"onmouseover=",
            "https://x .nl",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_are_checked() {
        assert!(check_email("servicedesk@van-dijk.nl").is_ok());
        for bad in ["servicedesk", "a@b", "<a@b.nl>", "a b@c.nl", "@c.nl"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }
}
