//! A date as written in a customer file or front matter.
#![no_main]

mod shared;

use handboek::date::{Date, DateLang};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
        return;
    };
    if let Ok(date) = Date::parse(text) {
        assert_eq!(Date::parse(&date.iso()).expect("ISO reads back"), date);
        for lang in [DateLang::Nl, DateLang::En] {
            assert!(!date.format_with_weekday(lang).is_empty());
        }
        let _ = date.add_days(400).days_until(date);
    }
});
