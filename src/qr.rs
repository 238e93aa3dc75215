//! QR codes as compact inline SVG: one path of dark modules, sharp at any print size.

use std::collections::HashMap;
use std::sync::{OnceLock, RwLock};

use qrcode::canvas::{Canvas, MaskPattern};
use qrcode::{Color, EcLevel};

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
    let (width, dark) = dark_modules(payload.as_bytes())?;
    let mut path = String::new();
    for y in 0..width {
        let mut x = 0;
        while x < width {
            if dark[y * width + x] {
                let start = x;
                while x < width && dark[y * width + x] {
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

/// The masks in the order the QR code library tries them (the first of equal scores wins).
const MASKS: [MaskPattern; 8] = [
    MaskPattern::Checkerboard,
    MaskPattern::HorizontalLines,
    MaskPattern::VerticalLines,
    MaskPattern::DiagonalLines,
    MaskPattern::LargeCheckerboard,
    MaskPattern::Fields,
    MaskPattern::Diamonds,
    MaskPattern::Meadow,
];

/// The width and the dark modules (row by row) of `data`'s code at level M: the code
/// `QrCode::with_error_correction_level` makes, module for module. The library scores
/// the eight masks with a boxed closure per module, which was most of the time of a
/// handbook with QR codes; here the same scores are counted on plain booleans.
fn dark_modules(data: &[u8]) -> Option<(usize, Vec<bool>)> {
    let bits = qrcode::bits::encode_auto(data, EcLevel::M).ok()?;
    let version = bits.version();
    let raw = bits.into_bytes();
    let (data, ec) = qrcode::ec::construct_codewords(&raw, version, EcLevel::M).ok()?;
    let mut canvas = Canvas::new(version, EcLevel::M);
    canvas.draw_all_functional_patterns();
    canvas.draw_data(&data, &ec);
    let width = usize::try_from(version.width()).ok()?;
    MASKS
        .iter()
        .map(|&mask| {
            let mut masked = canvas.clone();
            masked.apply_mask(mask);
            let dark: Vec<bool> = masked
                .into_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect();
            (penalty(&dark, width), dark)
        })
        .min_by_key(|(score, _)| *score)
        .map(|(_, dark)| (width, dark))
}

/// The QR code library's penalty score of a masked code (lower is better), with its
/// 16-bit arithmetic: runs of five or more alike in a row or column, 2×2 blocks alike,
/// finder-like patterns, and the balance of dark and light.
fn penalty(dark: &[bool], width: usize) -> u16 {
    let at = |x: usize, y: usize| dark[y * width + x];
    let lines = |horizontal: bool| {
        (0..width).map(move |i| {
            (0..width)
                .map(|j| if horizontal { at(j, i) } else { at(i, j) })
                .collect::<Vec<bool>>()
        })
    };
    let mut score = 0u16;
    for horizontal in [true, false] {
        for line in lines(horizontal) {
            for run in line.chunk_by(|a, b| a == b) {
                if run.len() >= 5 {
                    score = score.wrapping_add(run.len() as u16 - 2);
                }
            }
        }
    }
    for y in 0..width - 1 {
        for x in 0..width - 1 {
            let this = at(x, y);
            if at(x + 1, y) == this && at(x, y + 1) == this && at(x + 1, y + 1) == this {
                score = score.wrapping_add(3);
            }
        }
    }
    const FINDER: [bool; 7] = [true, false, true, true, true, false, true];
    for horizontal in [true, false] {
        let mut found = 0u16;
        for line in lines(horizontal) {
            for j in 0..width - 6 {
                if line[j..j + 7] != FINDER {
                    continue;
                }
                let before = line[j.saturating_sub(4)..j].iter().any(|&d| d);
                let after = line[j + 7..(j + 11).min(width)].iter().any(|&d| d);
                if !before || !after {
                    found = found.wrapping_add(40);
                }
            }
        }
        score = score.wrapping_add(found.wrapping_sub(360));
    }
    let ratio = dark.iter().filter(|&&d| d).count() * 200 / dark.len();
    score.wrapping_add(ratio.abs_diff(100) as u16)
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
    fn codes_are_module_for_module_those_of_the_qr_code_library() {
        let mut payloads: Vec<String> = (0..120)
            .map(|n| format!("https://example.{n}.nl/{}", "mfa/setup?".repeat(n % 17)))
            .collect();
        payloads.extend((0..40).map(|n| "0123456789".repeat(n + 1)));
        payloads.extend([
            "otpauth://totp/Voorbeeld:naam@bedrijf.nl?secret=JBSWY3DPEHPK3PXP&issuer=Voorbeeld"
                .to_string(),
            "tel:+31201234567".to_string(),
            "https://aka.ms/mfasetup".to_string(),
            "x".to_string(),
        ]);
        for payload in payloads {
            let code = qrcode::QrCode::with_error_correction_level(payload.as_bytes(), EcLevel::M)
                .unwrap();
            let theirs: Vec<bool> = code.to_colors().iter().map(|c| *c == Color::Dark).collect();
            assert_eq!(
                dark_modules(payload.as_bytes()),
                Some((code.width(), theirs)),
                "{payload}"
            );
        }
    }

    #[test]
    fn too_long_payload_gives_none() {
        assert!(svg(&"x".repeat(5000), "x").is_none());
    }
}
