//! A customer file through the YAML wrapper and the validation, over the built-in
//! defaults; its secrets found and masked as every command shows them.
#![no_main]

mod shared;

use handboek::diagnostics::{Diagnostics, Source};
use handboek::lang::Lang;
use handboek::project::customer_from_text;
use handboek::secrets::{find_secrets, mask_secrets};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
        return;
    };
    match customer_from_text("fuzz", text) {
        Ok(customer) => {
            for lang in Lang::ALL {
                for value in [customer.name.get(lang), customer.short_name.get(lang)] {
                    assert!(
                        !value
                            .chars()
                            .any(|c| c.is_control() && c != '\n' && c != '\t' && c != '\r')
                    );
                    assert!(value.chars().count() <= 120);
                }
            }
        }
        Err(d) => shared::printable(&mask_secrets(d)),
    }
    let secrets = find_secrets(&Source::new("customers/fuzz.yaml", text));
    shared::printable(&mask_secrets(secrets.into_iter().collect::<Diagnostics>()));
});
