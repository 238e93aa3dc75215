//! The checks of addresses written in a customer file: https URLs, e-mail addresses and
//! domain names.

use super::limits::MAX_ADDRESS_CHARS;
use super::{Email, Url};

/// An address longer than any real one is refused before it is looked at.
fn not_too_long(s: &str) -> Result<(), String> {
    let chars = s.chars().count();
    if chars > MAX_ADDRESS_CHARS {
        return Err(format!(
            "is {chars} characters long; an address in a handbook has at most {MAX_ADDRESS_CHARS}"
        ));
    }
    Ok(())
}

/// An https URL with a host, and nothing that could break out of an attribute.
pub(super) fn check_url(s: &str) -> Result<Url, String> {
    not_too_long(s)?;
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
        return Err(match idn(host_name) {
            Some(ascii) => format!(
                "`{s}` has an internationalised host name; write it in its ASCII form: `https://{}`",
                rest.replacen(host_name, &ascii, 1)
            ),
            None => format!("`{s}` has no valid host name"),
        });
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
    not_too_long(s)?;
    let (local, domain) = s
        .split_once('@')
        .ok_or_else(|| format!("`{s}` is not an e-mail address"))?;
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || "._%+-".contains(ch));
    if local_ok && let Some(ascii) = idn(domain) {
        return Err(format!(
            "`{s}` has an internationalised domain; write it in its ASCII form: `{local}@{ascii}`"
        ));
    }
    if !local_ok || check_domain(domain).is_err() {
        return Err(format!("`{s}` is not an e-mail address"));
    }
    Ok(Email(s.to_string()))
}

pub(super) fn check_domain(s: &str) -> Result<(), String> {
    not_too_long(s)?;
    let ok = s.contains('.')
        && s.split('.').all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        });
    match (ok, idn(s)) {
        (true, _) => Ok(()),
        (false, Some(ascii)) => Err(format!(
            "`{s}` is an internationalised domain name; write it in its ASCII form: `{ascii}`"
        )),
        (false, None) => Err(format!("`{s}` is not a domain name")),
    }
}

/// The `xn--` form of a domain name with letters outside ASCII that is otherwise valid:
/// mail and links need that form, and the author's DNS provider shows it too.
fn idn(domain: &str) -> Option<String> {
    if domain.is_ascii() {
        return None;
    }
    let ascii = super::punycode::to_ascii(domain)?;
    let valid = ascii.contains('.')
        && ascii.split('.').all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|ch| ch.is_ascii_alphanumeric() || ch == '-')
        });
    valid.then_some(ascii)
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
    fn internationalised_domains_are_refused_with_their_xn_form() {
        let e = check_email("servicedesk@bücher.nl").unwrap_err();
        assert!(e.contains("`servicedesk@xn--bcher-kva.nl`"), "{e}");
        let d = check_domain("bücher.nl").unwrap_err();
        assert!(d.contains("`xn--bcher-kva.nl`"), "{d}");
        let u = check_url("https://hulp.bücher.nl/mfa").unwrap_err();
        assert!(u.contains("`https://hulp.xn--bcher-kva.nl/mfa`"), "{u}");
        assert!(check_email("servicedesk@xn--bcher-kva.nl").is_ok());
        assert!(
            check_email("sérvice@x.nl")
                .unwrap_err()
                .contains("is not an e-mail address")
        );
    }

    #[test]
    fn emails_are_checked() {
        assert!(check_email("servicedesk@van-dijk.nl").is_ok());
        for bad in ["servicedesk", "a@b", "<a@b.nl>", "a b@c.nl", "@c.nl"] {
            assert!(check_email(bad).is_err(), "{bad}");
        }
    }
}
