//! The checks of each section of a customer file: languages, brand, helpdesk, MFA method,
//! features, links, asset paths, screenshots and rollout waves.

use std::collections::{BTreeMap, BTreeSet};

use super::address::check_email;
use super::pick::{At, Check};
use super::{Brand, Factor, Feature, Helpdesk, LINK_NAMES, Method, Text, Url, Wave};
use crate::colour;
use crate::diagnostics::{Diagnostic, Span};
use crate::files::check_relative;
use crate::lang::Lang;
use crate::phone::{self, Country};
use crate::yaml::span_of;

pub(super) fn languages(c: &mut Check) -> Option<Vec<Lang>> {
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
    if at.value.is_empty() {
        c.push(
            at.error("`languages` is empty")
                .help("write e.g. `languages: [nl, en]`."),
        );
    }
    (!langs.is_empty()).then_some(langs)
}

pub(super) fn brand(c: &mut Check) -> Option<Brand> {
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

pub(super) fn helpdesk(c: &mut Check, langs: &[Lang], country: Country) -> Option<Helpdesk> {
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

pub(super) fn method(c: &mut Check) -> Option<(Method, BTreeSet<Factor>)> {
    let Some(at) = c.pick(|r| r.mfa.as_ref()?.method.as_ref()) else {
        c.missing(
            "mfa.method",
            "`method: app` under `mfa:` (one of app, sms, choose)",
        );
        return None;
    };
    let method = c.choice(&at, "mfa.method", &Method::ALL.map(|m| (m.name(), m)))?;
    // A list of allowed methods from a lower layer (e.g. handboek.yaml's defaults) does not
    // bind a customer that picks a single method in its own file.
    let allowed = c
        .pick(|r| r.mfa.as_ref()?.allowed.as_ref())
        .filter(|allowed| method == Method::Choose || allowed.layer >= at.layer);
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
                c.push(allowed.error("`method: choose` needs at least two allowed methods").help("write e.g. `allowed: [app, passkey]` (from app, sms, passkey, security_key), or pick one method with `method: app` or `method: sms`."));
                return None;
            }
            Some((method, factors))
        }
    }
}

pub(super) fn features(c: &Check) -> BTreeSet<Feature> {
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

pub(super) fn links(c: &mut Check) -> Option<BTreeMap<&'static str, Url>> {
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
                "entra_admin" => l.entra_admin.as_ref(),
                _ => None,
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

pub(super) fn asset_path(c: &mut Check, at: Option<At<'_, String>>, key: &str) -> Option<String> {
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

pub(super) fn screenshots(c: &mut Check, langs: &[Lang]) -> BTreeMap<String, (Text, Span)> {
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

pub(super) fn waves(c: &mut Check, langs: &[Lang]) -> Vec<Wave> {
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
        let date_place = date_at.as_ref().map(At::text_place);
        let name = c.text(name_at, &format!("rollout.waves[{n}].name"), langs);
        let date = c.date(date_at, &format!("rollout.waves[{n}].date"));
        if let (Some(name), Some(date), Some(date_at)) = (name, date, date_place) {
            if let Some(prev) = waves.last()
                && date < prev.date
            {
                c.push(
                    date_at
                        .error(format!("rollout wave {n} starts before the wave above it"))
                        .help("list the waves in the order of their dates."),
                );
            }
            waves.push(Wave {
                name,
                date,
                date_at,
            });
        }
    }
    waves
}
