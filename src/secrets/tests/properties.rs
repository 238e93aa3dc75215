//! Arbitrary text: the scanner never panics and every span lies inside the text.

use super::*;

/// Pieces of YAML, tricky ones included, to build arbitrary files from.
fn fragment() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "key: ",
        "- ",
        "  ",
        "\n",
        "\r\n",
        "# ",
        ": ",
        "\"",
        "'",
        "{",
        "}",
        "[",
        "]",
        ", ",
        "|",
        ">-",
        "password",
        "é",
        "ĳ",
        "\u{feff}",
        "-----BEGIN PRIVATE KEY-----",
        "-----END",
        "JBSW ",
        "Y3DP",
        "eyJhbGciOi",
        ".",
        "Q~",
        "abc8",
        "12345678 ",
        "a1b2-c3d4",
        "otpauth://",
        "https://u:p@h?sig=",
        "=",
        "~",
        "&a ",
        "*a",
        "!!str ",
        "---",
        "...",
        "\t",
        "\\",
    ])
    .prop_map(str::to_string)
}

fn check_spans(text: &str) -> Result<(), TestCaseError> {
    let source = Source::new("customers/x.yaml", text);
    for d in find_secrets(&source) {
        let span = d.span.expect("a finding has a span");
        let line = source.line_text(span.line);
        prop_assert!(line.is_some(), "line {} outside the text", span.line);
        let chars = line.map_or(0, |l| l.chars().count());
        prop_assert!(span.column >= 1 && span.len >= 1);
        prop_assert!(span.column - 1 + span.len <= chars, "{span:?} past {chars}");
    }
    Ok(())
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics_and_spans_stay_inside(text in any::<String>()) {
        check_spans(&text)?;
    }

    #[test]
    fn yaml_like_text_never_panics_and_spans_stay_inside(
        parts in prop::collection::vec(fragment(), 0..60)
    ) {
        check_spans(&parts.concat())?;
    }
}
