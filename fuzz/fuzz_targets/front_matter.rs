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
    let parsed = parse_front_matter(&source);
    if parsed.problems.has_errors() {
        shared::printable(&parsed.problems);
    } else {
        assert!(
            !parsed.front_matter.title.contains("{{"),
            "a title with `{{{{` is refused"
        );
        assert!(parsed.body_line >= 3 && source.text.ends_with(parsed.body));
    }
});
