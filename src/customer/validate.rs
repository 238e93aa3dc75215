//! From layers of raw values to a `Customer`: pick each value from the top-most layer that
//! has it, check it, check the rules between keys, and collect every problem with the file
//! and line it came from.

use std::collections::BTreeSet;

use super::address::check_domain;
use super::pick::{Check, Layer};
use super::policy::{handbook_url, paths, policy, sms};
use super::retirement::retirement_errors;
use super::sections::{
    asset_path, brand, features, helpdesk, languages, links, method, screenshots, waves,
};
use super::{Customer, Enforcement, Factor, Msp};
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::lang::Lang;
use crate::phone::Country;

/// Where the customer chose its methods: `allowed`, else `method`.
fn methods_place<'a>(c: &Check<'a>) -> Option<(&'a Source, Span)> {
    c.pick(|r| r.mfa.as_ref()?.allowed.as_ref())
        .map(|a| (a.source, a.span))
        .or_else(|| {
            c.pick(|r| r.mfa.as_ref()?.method.as_ref())
                .map(|a| (a.source, a.span))
        })
}

/// Security defaults register Microsoft Authenticator (or another authenticator app), not
/// text messages (FACTS §1.1), so an SMS path would send employees to a screen they never see.
/// The error is at the key that brings text messages in: the method (or `allowed`), else the
/// no-smartphone rule.
fn sms_under_security_defaults(c: &mut Check, own: &BTreeSet<Factor>) {
    let (place, fix) = if own.contains(&Factor::Sms) {
        let place = methods_place(c);
        (place, "use `method: app` (or leave `sms` out of `allowed`)")
    } else {
        let place = c
            .pick(|r| r.policy.as_ref()?.without_smartphone.as_ref())
            .map(|a| (a.source, a.span));
        (
            place,
            "give `policy.without_smartphone` another value (e.g. `security_key` or `company_phone`)",
        )
    };
    let d = Diagnostic::error("security defaults do not offer SMS as a way to register for MFA")
        .help(format!("{fix}, or enforce MFA with `enforcement: conditional_access`, which needs Microsoft Entra ID P1."));
    c.push(match place {
        Some((source, span)) => d.at(source, span),
        None => d,
    });
}

/// Security defaults ask every user to register Microsoft Authenticator at the first sign-in
/// under MFA (FACTS §1.1), so a handbook without the app path would not match the screens
/// employees meet. The error is at the key that chose the methods.
fn no_app_under_security_defaults(c: &mut Check) {
    let place = methods_place(c);
    let d = Diagnostic::error(
        "security defaults ask every employee to set up Microsoft Authenticator, but this handbook has no app path",
    )
    .help("add `app` to `allowed` (or use `method: app`), or enforce MFA with `enforcement: conditional_access`, which needs Microsoft Entra ID P1.");
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
    let country = c.choice_or(
        c.pick(|r| r.country.as_ref()),
        "country",
        &Country::ALL.map(|k| (k.code(), k)),
        Country::Nl,
    );
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
    let (method, own_factors) = method(&mut c).unzip();
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
    let at_mandatory = c.pick(|r| r.mfa.as_ref()?.mandatory_from.as_ref());
    let mandatory_at = at_mandatory.as_ref().map(|at| at.text_place());
    let mandatory_from = c.required_date(
        at_mandatory,
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
    let policy = policy(&mut c, langs);
    let sms = sms(&mut c, langs);
    let handbook_url = handbook_url(&mut c);
    let factors = own_factors
        .as_ref()
        .zip(policy.as_ref())
        .map(|(own, p)| paths(own, p.without_smartphone));
    if enforcement == Some(Enforcement::SecurityDefaults)
        && let (Some(own), Some(factors)) = (&own_factors, &factors)
        && factors.contains(&Factor::Sms)
    {
        sms_under_security_defaults(&mut c, own);
    } else if enforcement == Some(Enforcement::SecurityDefaults)
        && let Some(own) = &own_factors
        && !own.contains(&Factor::App)
    {
        no_app_under_security_defaults(&mut c);
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
        Some(mandatory_at),
        Some(links),
        Some(sms_retirement),
        Some(policy),
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
        mandatory_at,
        links,
        sms_retirement,
        policy,
    )
    else {
        return Err(c.diags);
    };
    let customer = Customer {
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
        mandatory_at,
        features,
        links,
        sms_retirement,
        screenshots,
        waves,
        policy,
        sms,
        handbook_url,
        msp: msp.clone(),
    };
    retirement_errors(&customer).into_result(customer)
}
