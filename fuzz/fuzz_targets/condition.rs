//! A condition as written in `when:` or `{{#if …}}`: parsed, evaluated, and written back.
#![no_main]

mod shared;

use handboek::dialect::Condition;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(expr) = shared::text(data) else {
        return;
    };
    match Condition::parse(expr) {
        Ok(cond) => {
            let _ = cond.holds(shared::customer());
            // What a condition says of itself reads back as the same condition.
            let again = Condition::parse(&cond.to_string()).expect("a written condition parses");
            assert_eq!(again, cond);
        }
        Err(e) => {
            assert!(
                e.offset <= expr.chars().count(),
                "the error points past the end"
            );
            assert!(!e.message.is_empty() && !e.help.is_empty());
        }
    }
});
