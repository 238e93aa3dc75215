//! A brand colour as written in a customer file, and its contrast.
#![no_main]

mod shared;

use handboek::colour::{Colour, contrast_ratio, darken_until};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
        return;
    };
    if let Ok(colour) = Colour::parse(text) {
        assert_eq!(
            Colour::parse(&colour.to_hex()).expect("hex reads back"),
            colour
        );
        let white = Colour::parse("#ffffff").expect("white");
        let ratio = contrast_ratio(colour, white);
        assert!((1.0..=21.0).contains(&ratio), "{ratio}");
        if let Some(darker) = darken_until(white, colour, 4.5) {
            assert!(contrast_ratio(darker, white) >= 4.5);
        }
    }
});
