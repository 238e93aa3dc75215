//! The attributes of a DocFX block, `name="value"` pairs up to the closing `:::`.

/// One attribute: its name, its value, and the byte offsets of both in the text read.
#[derive(Debug, PartialEq)]
pub struct Attribute {
    pub name: String,
    pub at: usize,
    pub value: String,
    pub value_at: usize,
}

/// The attributes of `text` and the byte offset just after the closing `:::`; or what is
/// wrong and where.
pub fn attributes(text: &str) -> Result<(Vec<Attribute>, usize), (String, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    loop {
        at += text[at..].len() - text[at..].trim_start().len();
        let rest = &text[at..];
        if let Some(after) = rest.strip_prefix(":::") {
            return Ok((out, text.len() - after.len()));
        }
        if rest.is_empty() {
            return Err(("the `:::image` is not closed with `:::`".into(), at));
        }
        let name_len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-' || c == '_'))
            .unwrap_or(rest.len());
        if name_len == 0 {
            return Err((
                format!(
                    "`{}` is not an attribute",
                    rest.chars().next().unwrap_or(' ')
                ),
                at,
            ));
        }
        let name = &rest[..name_len];
        let Some(after_eq) = rest[name_len..].trim_start().strip_prefix('=') else {
            return Err((format!("the attribute `{name}` has no `=\"…\"`"), at));
        };
        let value_start = text.len() - after_eq.trim_start().len();
        let quote = text[value_start..]
            .chars()
            .next()
            .filter(|c| *c == '"' || *c == '\'');
        let Some(quote) = quote else {
            return Err((
                format!("the value of `{name}` is not in quotes"),
                value_start,
            ));
        };
        let Some(len) = text[value_start + 1..].find(quote) else {
            return Err((
                format!("the value of `{name}` has no closing quote"),
                value_start,
            ));
        };
        out.push(Attribute {
            name: name.to_string(),
            at,
            value: text[value_start + 1..value_start + 1 + len].to_string(),
            value_at: value_start + 1,
        });
        at = value_start + 1 + len + 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn attributes_are_read_up_to_the_closing_colons() {
        let text = " type=\"content\" alt-text='Say \"Yes\"' source=\"media/a b.png\":::";
        let (attrs, end) = attributes(text).unwrap();
        assert_eq!(end, text.len());
        let names: Vec<&str> = attrs.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["type", "alt-text", "source"]);
        assert_eq!(attrs[2].value, "media/a b.png");
        assert_eq!(
            &text[attrs[2].value_at..attrs[2].value_at + 13],
            "media/a b.png"
        );
    }

    #[test]
    fn a_missing_close_or_quote_is_named_with_its_place() {
        assert_eq!(attributes(" source=\"x.png\"").unwrap_err().1, 15);
        assert!(
            attributes(" source=x.png:::")
                .unwrap_err()
                .0
                .contains("quotes")
        );
        assert!(
            attributes(" source=\"x.png:::")
                .unwrap_err()
                .0
                .contains("closing quote")
        );
    }
}
