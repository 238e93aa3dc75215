//! A page's front matter (YAML through handboek's wrapper) and the split from its body.
#![no_main]

mod shared;

use handboek::content::parse_front_matter;
use handboek::diagnostics::Source;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(text) = shared::text(data) else {
        return;
    };
    let source = Source::new("content/nl/employee/fuzz.md", text);
    match parse_front_matter(&source) {
        Ok((front, body, line)) => {
            assert!(
                !front.title.contains("{{"),
                "a title with `{{{{` is refused"
            );
            assert!(line >= 3 && source.text.ends_with(body));
        }
        Err(d) => shared::printable(&d),
    }
});
