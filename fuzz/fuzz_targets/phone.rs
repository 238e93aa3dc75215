//! A phone number as written in a customer file, Dutch or Belgian.
#![no_main]

mod shared;

use handboek::phone::{Country, parse};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
        return;
    };
    for country in Country::ALL {
        if let Ok(phone) = parse(text, country) {
            let e164 = phone.e164();
            assert!(
                e164.starts_with('+') && e164[1..].chars().all(|c| c.is_ascii_digit()),
                "{e164}"
            );
            // The link's number reads back as the same number.
            let again = parse(&e164, country).expect("an E.164 number parses");
            assert_eq!(again.e164(), e164);
        }
    }
});
