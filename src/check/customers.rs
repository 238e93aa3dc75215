//! What `check` says about each customer beyond what `build` refuses: Microsoft's text
//! messages stop soon after its rollout, it names no address for its handbook, or it sets
//! SMS keys that no path of its handbook uses, or rolls out a wave after MFA is mandatory.

use crate::Project;
use crate::customer::{Customer, Factor, retirement_warning};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};

use crate::yaml::find_key;

pub fn check_customers(project: &Project, diags: &mut Diagnostics) {
    for customer in project.customers {
        diags.extend(retirement_warning(customer).into_iter().collect());
        diags.extend(without_handbook_url(customer).into_iter().collect());
        diags.extend(unused_sms_keys(customer));
        diags.extend(waves_after_mandatory(customer));
    }
}

/// Rollout waves after the day MFA becomes mandatory: their employees would meet the MFA
/// prompt before their wave's invitation told them about it.
fn waves_after_mandatory(c: &Customer) -> Diagnostics {
    c.waves
        .iter()
        .enumerate()
        .filter(|(_, wave)| wave.date > c.mandatory_from)
        .map(|(i, wave)| {
            wave.date_at
                .warning(format!(
                    "rollout wave {} of `{}` starts on {}, after MFA becomes mandatory on {}",
                    i + 1,
                    c.id,
                    wave.date.iso(),
                    c.mandatory_from.iso()
                ))
                .help("move the wave before `mfa.mandatory_from`, or set `mandatory_from` to the day of the last wave: its employees would be asked for MFA before they were invited to set it up.")
        })
        .collect()
}

/// Once per customer, at its `handbook:` key or the top of its file.
fn without_handbook_url(c: &Customer) -> Option<Diagnostic> {
    if c.handbook_url.is_some() {
        return None;
    }
    let span = find_key(&c.source.text, "handbook").unwrap_or(Span::new(1, 1, 0));
    Some(
        Diagnostic::warning(format!(
            "the customer `{}` has no `handbook.url`: its rollout messages and poster cannot link the handbook",
            c.id
        ))
        .at(&c.source, span)
        .help("add `handbook:` with `url: https://…`, the address where the employee handbook is published (https only)."),
    )
}

/// `sms.provider` and `sms.calls` set in the customer file while text messages are not a
/// path of its handbook.
fn unused_sms_keys(c: &Customer) -> Diagnostics {
    if c.factors.contains(&Factor::Sms) {
        return Diagnostics::new();
    }
    c.sms
        .set_at
        .iter()
        .map(|(key, place)| {
            place
                .warning(format!(
                    "`{key}` is set, but text messages are not a path of this handbook"
                ))
                .help("remove it, or make text messages a path: `method: sms`, `sms` in `allowed`, or `policy.without_smartphone: sms`.")
        })
        .collect()
}
