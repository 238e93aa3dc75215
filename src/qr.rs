//! QR codes as compact inline SVG: one path of dark modules, sharp at any print size.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use qrcode::{Color, EcLevel, QrCode};

use crate::markdown::escape;

/// Modules of white border around the code, as the QR standard asks.
const QUIET_ZONE: usize = 4;

/// An `<svg>` of `payload`, named `label` for assistive technology; `None` if the payload is
/// too long for a QR code.
pub fn svg(payload: &str, label: &str) -> Option<String> {
    let (size, path) = modules(payload)?;
    Some(format!(
        "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {size} {size}\" role=\"img\" aria-label=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{size}\" height=\"{size}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{path}\"/></svg>",
        escape(label)
    ))
}

/// The size of a code with its quiet zone, and the SVG path of its dark modules.
type Modules = (usize, String);

/// The size and the SVG path of the dark modules of `payload`'s code. Encoding is the
/// costly part (every mask is tried) and the same few URLs recur on every page of every
/// customer, so each payload is encoded once per process.
fn modules(payload: &str) -> Option<Modules> {
    static DONE: OnceLock<RwLock<HashMap<String, Option<Modules>>>> = OnceLock::new();
    let done = DONE.get_or_init(RwLock::default);
    if let Some(hit) = done.read().unwrap_or_else(|e| e.into_inner()).get(payload) {
        return hit.clone();
    }
    let made = encode(payload);
    done.write()
        .unwrap_or_else(|e| e.into_inner())
        .insert(payload.to_string(), made.clone());
    made
}

fn encode(payload: &str) -> Option<Modules> {
    let code = QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M).ok()?;
    let width = code.width();
    let colors = code.to_colors();
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if colors[y * width + x] == Color::Dark {
                let start = x;
                while x < width && colors[y * width + x] == Color::Dark {
                    x += 1;
                }
                path.push_str(&format!(
                    "M{} {}h{}v1h-{}z",
                    start + QUIET_ZONE,
                    y + QUIET_ZONE,
                    x - start,
                    x - start
                ));
            } else {
                x += 1;
            }
        }
    }
    Some((width + 2 * QUIET_ZONE, path))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_is_inline_and_labelled() {
        let svg = svg(
            "https://aka.ms/mfasetup",
            "QR-code: https://aka.ms/mfasetup",
        )
        .unwrap();
        assert!(svg.starts_with("<svg class=\"qr\""));
        assert!(svg.contains("aria-label=\"QR-code: https://aka.ms/mfasetup\""));
        assert!(
            svg.contains("d=\"M4 4h7v1h-7z"),
            "finder pattern starts the path: {}",
            &svg[..300]
        );
        assert!(!svg.contains("<?xml"));
    }

    #[test]
    fn label_is_escaped() {
        let svg = svg("x", "<script>\"").unwrap();
        assert!(svg.contains("aria-label=\"&lt;script&gt;&quot;\""));
    }

    #[test]
    fn too_long_payload_gives_none() {
        assert!(svg(&"x".repeat(5000), "x").is_none());
    }
}
