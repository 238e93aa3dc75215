//! The checks of addresses written in a customer file: https URLs, e-mail addresses and
//! domain names.

use super::{Email, Url};

/// An https URL with a host, and nothing that could break out of an attribute.
pub(super) fn check_url(s: &str) -> Result<Url, String> {
    let Some(rest) = s.strip_prefix("https://") else {
        return Err(if s.starts_with("http://") {
            format!("`{s}` is not https")
        } else {
            format!("`{s}` is not an https address")
        });
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    let (host_name, port) = host.split_once(':').unwrap_or((host, "443"));
    let valid_port =
        !port.is_empty() && port.len() <= 5 && port.chars().all(|c| c.is_ascii_digit());
    if !valid_port || check_domain(host_name).is_err() {
        return Err(format!("`{s}` has no valid host name"));
    }
    if s.chars().any(|ch| {
        ch.is_whitespace() || ch.is_control() || matches!(ch, '"' | '<' | '>' | '\'' | '`' | '\\')
    }) {
        return Err(format!(
            "`{s}` contains spaces or characters that do not belong in an address"
        ));
    }
    Ok(Url(s.to_string()))
}

pub(super) fn check_email(s: &str) -> Result<Email, String> {
    let (local, domain) = s
        .split_once('@')
        .ok_or_else(|| format!("`{s}` is not an e-mail address"))?;
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "._%+-".contains(ch));
    if !local_ok || check_domain(domain).is_err() {
        return Err(format!("`{s}` is not an e-mail address"));
    }
    Ok(Email(s.to_string()))
}

pub(super) fn check_domain(s: &str) -> Result<(), String> {
    let ok = s.contains('.')
        && s.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        });
    if ok {
        Ok(())
    } else {
        Err(format!("`{s}` is not a domain name"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_https_urls_pass() {
        assert!(check_url("https://aka.ms/mfasetup").is_ok());
        assert!(check_url("https://help.example.nl:8443/a?b#c").is_ok());
        for bad in [
            "http://x.nl",
            "javascript:alert(1)",
            "https://",
            "https://nohost",
            "https://x.nl/\"onmouseover=",
            "https://x .nl",
            "https://x.nl:abc/",
            "https://-x.nl",
        ] {
            assert!(check_url(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn emails_are_checked() {
        assert!(check_email("servicedesk@van-dijk.nl").is_ok());
        for bad in ["servicedesk", "a@b", "<a@b.nl>", "a b@c.nl", "@c.nl"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }
}
