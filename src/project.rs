//! The MSP's project: its settings (`handboek.yaml`), the built-in defaults under them, and
//! its customers, each validated into a `Customer`.

use anyhow::Result;

use crate::customer::{
    Customer, Layer, Msp, RawCustomer, RawSettings, validate_customer, validate_msp,
};
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span, did_you_mean};
use crate::files::{Files, check_relative};
use crate::{secrets, yaml};

/// `handboek.yaml` and the built-in defaults, ready to layer customers on.
pub struct Settings {
    pub msp: Msp,
    pub theme: String,
    /// The built-in defaults, then `handboek.yaml`'s `defaults:`.
    pub layers: Vec<Layer>,
    /// `handboek check` warns about steps last verified longer ago than this.
    pub verified_within_days: u32,
}

pub fn load_settings(files: &Files) -> Result<Result<Settings, Diagnostics>> {
    let mut diags = Diagnostics::new();
    let mut layers = Vec::new();
    if let Some(file) = files.read_builtin("defaults.yaml")? {
        let source = file.source()?;
        match yaml::parse::<RawCustomer>(&source) {
            Ok(raw) => layers.push(Layer { source, raw }),
            Err(d) => diags.extend(d),
        }
    }
    let Some(file) = files.read("handboek.yaml")? else {
        diags.push(
            Diagnostic::error("the project has no handboek.yaml")
                .help("run `handboek init` to create one."),
        );
        return Ok(Err(diags));
    };
    let source = match file.text() {
        Ok(source) => source,
        Err(d) => {
            diags.push(d);
            return Ok(Err(diags));
        }
    };
    // A secret in a value would be published (or reach every customer through `defaults:`).
    if let Some(found) = secrets::scan(&source) {
        diags.extend(found.in_values);
    }
    let raw = match yaml::parse::<RawSettings>(&source) {
        Ok(raw) => raw,
        Err(d) => {
            diags.extend(d);
            return Ok(Err(diags));
        }
    };
    let msp = validate_msp(&source, &raw)
        .map_err(|d| diags.extend(d))
        .ok();
    let theme = match &raw.theme {
        None => "default".to_string(),
        Some(t) => {
            match check_relative(&t.value) {
                Ok(()) if !t.value.contains('/') => t.value.clone(),
                _ => {
                    diags.push(Diagnostic::error(format!("`{}` is not a theme name", t.value)).at(&source, yaml::span_of(t, 0)).help("write the name of a folder under `themes/`, e.g. `theme: default`."));
                    "default".to_string()
                }
            }
        }
    };
    let verified_within_days = raw
        .check
        .as_ref()
        .and_then(|c| c.verified_within_days)
        .unwrap_or(180);
    if let Some(defaults) = raw.defaults {
        layers.push(Layer {
            source,
            raw: defaults,
        });
    }
    match msp {
        Some(msp) if diags.is_empty() => Ok(Ok(Settings {
            msp,
            theme,
            layers,
            verified_within_days,
        })),
        _ => Ok(Err(diags)),
    }
}

/// The ids of every customer file in the project, sorted.
pub fn customer_ids(files: &Files) -> Result<Vec<String>> {
    Ok(files
        .list("customers")?
        .iter()
        .filter_map(|rel| {
            rel.strip_prefix("customers/")?
                .strip_suffix(".yaml")
                .map(str::to_string)
        })
        .collect())
}

/// Customer files that are not read because of their name: Notepad saves `acme.yaml` as
/// `acme.yaml.txt` unless told otherwise, and some editors prefer `.yml`.
fn misnamed_customer_files(files: &Files) -> Result<Diagnostics> {
    let mut diags = Diagnostics::new();
    for rel in files.list("customers")? {
        let stem = rel.strip_suffix(".txt").unwrap_or(&rel);
        let Some(id) = stem
            .strip_suffix(".yaml")
            .or_else(|| stem.strip_suffix(".yml"))
            .filter(|_| stem != rel || rel.ends_with(".yml"))
        else {
            continue;
        };
        let help = if rel.ends_with(".txt") {
            format!(
                "Notepad added `.txt`: rename it to `{id}.yaml` (when saving in Notepad, choose \"Save as type: All files\")."
            )
        } else {
            format!("rename it to `{id}.yaml`.")
        };
        diags.push(
            Diagnostic::warning("this customer file is not read: customer files end in `.yaml`")
                .in_file(&Source::new(rel.as_str(), ""))
                .help(help),
        );
    }
    Ok(diags)
}

/// Loads the customers named in `wanted` (all when empty). Each customer's problems are
/// collected separately so that one bad file does not stop the others.
pub fn load_customers(
    files: &Files,
    settings: &Settings,
    wanted: &[String],
) -> Result<(Vec<Customer>, Diagnostics)> {
    let ids = customer_ids(files)?;
    let mut diags = misnamed_customer_files(files)?;
    for id in wanted {
        if !ids.contains(id) {
            let help = match did_you_mean(id, ids.iter().map(String::as_str)) {
                Some(close) => {
                    format!("did you mean `{close}`? The customers are in `customers/`.")
                }
                None => format!("the customers are {}.", ids.join(", ")),
            };
            diags.push(Diagnostic::error(format!("there is no customer `{id}`")).help(help));
        }
    }
    if ids.is_empty() {
        diags.push(
            Diagnostic::error("the project has no customers")
                .help("add one with `handboek new customer ID`."),
        );
    }
    let asset_exists = |path: &str| files.exists(&format!("assets/{path}"));
    let mut customers = Vec::new();
    for id in ids
        .iter()
        .filter(|id| wanted.is_empty() || wanted.contains(id))
    {
        let rel = format!("customers/{id}.yaml");
        let Some(file) = files.read(&rel)? else {
            continue;
        };
        let source = match file.text() {
            Ok(source) => source,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        if !valid_id(id) {
            diags.push(Diagnostic::error(format!("`{id}` is not a valid customer id")).at(&source, Span::new(1, 1, 0)).help("rename the file: lowercase letters, digits and dashes, e.g. `customers/van-dijk.yaml`."));
            continue;
        }
        if let Some(why) = crate::output::reserved_id(id) {
            diags.push(
                Diagnostic::error(format!("`{id}` cannot be a customer id: {why}"))
                    .at(&source, Span::new(1, 1, 0))
                    .help(format!("rename the file, e.g. `customers/{id}-bv.yaml`: the id is the name of the customer's output folder.")),
            );
            continue;
        }
        match customer_from(id, source, settings, &asset_exists) {
            Ok(c) => customers.push(c),
            Err(d) => diags.extend(d),
        }
    }
    Ok((customers, diags))
}

fn customer_from(
    id: &str,
    source: Source,
    settings: &Settings,
    asset_exists: &dyn Fn(&str) -> bool,
) -> Result<Customer, Diagnostics> {
    // A value that `check` calls a secret is never published.
    let mut problems = secrets::scan(&source).map_or_else(Diagnostics::new, |f| f.in_values);
    let raw: RawCustomer = match yaml::parse(&source) {
        Ok(raw) => raw,
        Err(d) => {
            problems.extend(d);
            return Err(problems);
        }
    };
    let own = Layer { source, raw };
    let layers: Vec<&Layer> = settings.layers.iter().chain([&own]).collect();
    match validate_customer(id, &layers, &settings.msp, asset_exists) {
        Ok(customer) => problems.into_result(customer),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

fn valid_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        && !id.starts_with('-')
}

/// A customer from the text of a customer file alone, over the built-in defaults and a
/// minimal MSP: for unit tests and the fuzz targets, which read no project.
pub fn customer_from_text(id: &str, text: &str) -> Result<Customer, Diagnostics> {
    static BUILTIN: std::sync::OnceLock<Result<Settings, Diagnostics>> = std::sync::OnceLock::new();
    let settings = BUILTIN
        .get_or_init(builtin_settings)
        .as_ref()
        .map_err(Clone::clone)?;
    let source = Source::new(format!("customers/{id}.yaml"), text);
    customer_from(id, source, settings, &|_| true)
}

/// The built-in defaults under an MSP called Test IT.
fn builtin_settings() -> Result<Settings, Diagnostics> {
    let files = Files::builtin_examples();
    let defaults = files
        .read_builtin("defaults.yaml")
        .ok()
        .flatten()
        .and_then(|file| file.text().ok())
        .ok_or_else(|| Diagnostics::from(Diagnostic::error("defaults.yaml is built in")))?;
    let raw = yaml::parse::<RawCustomer>(&defaults)?;
    let msp_source = Source::new("handboek.yaml", "msp:\n  name: Test IT\n");
    let msp = validate_msp(&msp_source, &yaml::parse(&msp_source)?)?;
    Ok(Settings {
        msp,
        theme: "default".into(),
        layers: vec![Layer {
            source: defaults,
            raw,
        }],
        verified_within_days: 180,
    })
}

/// A customer for unit tests: `yaml` over the built-in defaults and a minimal MSP.
#[cfg(test)]
pub(crate) fn test_customer(yaml: &str) -> Customer {
    try_test_customer(yaml).unwrap_or_else(|d| panic!("{d}"))
}

/// [`test_customer`], or the problems of `yaml`.
#[cfg(test)]
pub(crate) fn try_test_customer(yaml: &str) -> Result<Customer, Diagnostics> {
    customer_from_text("test", yaml)
}

#[cfg(test)]
mod tests {
    use super::*;

    const MINIMAL: &str = "name: Acme\nhelpdesk:\n  name: Servicedesk\n  phone: 020 123 4567\n  email: help@acme.nl\nmfa:\n  method: app\n  enforcement: security_defaults\n  mandatory_from: 2026-12-01\n";

    #[test]
    fn customer_values_layer_over_the_built_in_defaults() {
        let c = test_customer(MINIMAL);
        assert_eq!(c.links["mfa_setup"].0, "https://aka.ms/mfasetup");
        assert_eq!(c.sms_retirement.iso(), "2027-02-01");
        assert_eq!(c.helpdesk.phone.e164(), "+31201234567");
    }

    #[test]
    fn customer_ids_are_lowercase_words_with_dashes() {
        assert!(valid_id("van-dijk-2"));
        for bad in ["Van-Dijk", "-x", "a_b", "", "a b", "ö"] {
            assert!(!valid_id(bad), "{bad}");
        }
    }
}
