//! The MSP section of `handboek.yaml`: its name (shown in every footer) and optional URL.

use super::Msp;
use super::pick::{At, Check};
use super::raw::RawSettings;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::yaml::span_of;

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
                    .at(
                        source,
                        crate::yaml::find_key(&source.text, "msp").unwrap_or(Span::new(1, 1, 0)),
                    )
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
