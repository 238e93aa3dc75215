//! Complete paths: `paths.yaml` declares, per sign-in path (`app`, `sms`, `passkey`,
//! `security_key`, and `choose`) and audience, the pages — and the steps in them, as `page#heading-id` — a customer on that
//! path must get. For every customer, each path it uses or offers is checked in each of its
//! languages against what was really rendered for it, conditions applied.

use std::collections::BTreeMap;

use serde::Deserialize;
use serde_saphyr::Spanned;

use super::links::Ids;
use crate::Project;
use crate::content::Audience;
use crate::customer::{Customer, Factor, Method};
use crate::diagnostics::{Diagnostic, Diagnostics, Source, did_you_mean};
use crate::yaml;

/// The declaration: path → audience → required `page` or `page#id` entries.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPaths {
    app: Option<RawAudiences>,
    sms: Option<RawAudiences>,
    passkey: Option<RawAudiences>,
    security_key: Option<RawAudiences>,
    choose: Option<RawAudiences>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAudiences {
    employee: Option<Vec<Spanned<String>>>,
    admin: Option<Vec<Spanned<String>>>,
    rollout: Option<Vec<Spanned<String>>>,
}

struct Need {
    path: &'static str,
    audience: Audience,
    slug: String,
    id: Option<String>,
    source: Source,
    span: crate::diagnostics::Span,
}

/// Reads `paths.yaml` (the project's, else the built-in one) and checks every customer.
pub fn check_paths(project: &Project, rendered: &BTreeMap<String, Ids>, diags: &mut Diagnostics) {
    let file = match project.files.read("paths.yaml") {
        Ok(Some(file)) => file,
        _ => return,
    };
    let Ok(source) = file.source() else { return };
    let needs = match read(&source, project) {
        Ok(needs) => needs,
        Err(d) => return diags.extend(d),
    };
    for customer in project.customers {
        let Some(ids) = rendered.get(&customer.id) else {
            continue; // it has errors of its own
        };
        for need in needs.iter().filter(|n| uses(customer, n.path)) {
            for lang in &customer.languages {
                let file = format!("{}/{lang}/{}.html", need.audience.dir(), need.slug);
                let missing = match (ids.get(&file), &need.id) {
                    (None, _) => true,
                    (Some(found), Some(id)) => !found.contains(id),
                    (Some(_), None) => false,
                };
                if missing {
                    let what = match &need.id {
                        Some(id) => format!("the step `{}#{id}`", need.slug),
                        None => format!("the page `{}`", need.slug),
                    };
                    diags.push(
                        Diagnostic::error(format!(
                            "the `{}` path of the customer `{}` is incomplete in `{lang}`: {what} is not in its handbook",
                            need.path, customer.id
                        ))
                        .at(&need.source, need.span)
                        .help("a `when:` or `{{#if}}` leaves it out for this customer: widen the condition, or take the entry out of paths.yaml if the path no longer needs it."),
                    );
                }
            }
        }
    }
}

/// Whether `customer` uses or offers the path `path`.
fn uses(customer: &Customer, path: &str) -> bool {
    match Factor::from_name(path) {
        Some(factor) => customer.factors.contains(&factor),
        None => path == Method::Choose.name() && customer.method == Method::Choose,
    }
}

fn read(source: &Source, project: &Project) -> Result<Vec<Need>, Diagnostics> {
    let raw: RawPaths = yaml::parse_with_empty_sections(source)?;
    let mut diags = Diagnostics::new();
    let mut needs = Vec::new();
    // An empty or absent section is a path that needs nothing (yet).
    let paths = [
        (Factor::App.name(), raw.app),
        (Factor::Sms.name(), raw.sms),
        (Factor::Passkey.name(), raw.passkey),
        (Factor::SecurityKey.name(), raw.security_key),
        (Method::Choose.name(), raw.choose),
    ];
    for (path_name, audiences) in paths {
        let Some(a) = audiences else { continue };
        let audiences = [
            (Audience::Employee, a.employee),
            (Audience::Admin, a.admin),
            (Audience::Rollout, a.rollout),
        ];
        for (aud, entries) in audiences {
            let Some(entries) = entries else { continue };
            let slugs: Vec<&str> = project
                .library
                .pages
                .iter()
                .filter(|p| p.audience == aud)
                .map(|p| p.slug.as_str())
                .collect();
            for entry in entries {
                let (slug, id) = match entry.value.split_once('#') {
                    Some((s, i)) => (s.to_string(), Some(i.to_string())),
                    None => (entry.value.clone(), None),
                };
                let span = yaml::span_of(&entry, 0);
                if !slugs.contains(&slug.as_str()) {
                    let help = match did_you_mean(&slug, slugs.iter().copied()) {
                        Some(close) => format!("did you mean `{close}`?"),
                        None => format!(
                            "write the file name (without `.md`) of a page in `content/<lang>/{}/`.",
                            aud.dir()
                        ),
                    };
                    diags.push(
                        Diagnostic::error(format!("there is no {} page `{slug}`", aud.dir()))
                            .at(source, span)
                            .help(help),
                    );
                    continue;
                }
                needs.push(Need {
                    path: path_name,
                    audience: aud,
                    slug,
                    id,
                    source: source.clone(),
                    span,
                });
            }
        }
    }
    diags.into_result(needs)
}
