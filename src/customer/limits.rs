//! How long the texts of a customer file may be. A handbook shows each of them on many
//! pages, in the menu and on the cover, so a pasted document (a 1 MB name became 238 MB of
//! output) is refused at the value. The limit follows the kind of text, from its key, so a
//! new text field is limited without code of its own.

/// The most characters the text at `key` may have, in each language.
pub fn text_limit(key: &str) -> usize {
    match key {
        "short_name" => 40,
        "name" | "msp.name" => 120,
        "helpdesk.hours" => 200,
        k if k.starts_with("policy.") => 1000,
        k if k.starts_with("screenshots.") => 200,
        // The names of things: a helpdesk, a rollout wave, a provider.
        k if k.ends_with(".name") || k.ends_with("].name") => 80,
        _ => 300,
    }
}

/// The most characters of an address (a URL, an e-mail address or a domain name).
pub const MAX_ADDRESS_CHARS: usize = 500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_follow_the_kind_of_text() {
        assert_eq!(text_limit("short_name"), 40);
        assert_eq!(text_limit("helpdesk.name"), 80);
        assert_eq!(text_limit("rollout.waves[2].name"), 80);
        assert_eq!(text_limit("policy.no_smartphone"), 1000);
        assert_eq!(
            text_limit("policy.passkey_prompt"),
            1000,
            "a new policy text"
        );
        assert_eq!(text_limit("sms.provider"), 300, "any other text");
    }
}
