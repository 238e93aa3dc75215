//! Request paths: what a URL path names in the preview, and the paths we refuse.

use crate::lang::Lang;

/// Why a request path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The path tries to leave the served root or is not a plain path (400).
    BadRequest,
}

/// The key of a request path in the served files: the path without its leading `/`,
/// decoded, with `index.html` added to a folder (`""` names the index page).
///
/// Everything is served from memory, so nothing could escape a folder anyway; we still
/// refuse what a file server must never follow: `..` and `.` segments (also encoded),
/// encoded slashes and backslashes, empty segments (`//etc`), drive letters and NUL.
pub fn request_key(raw: &str) -> Result<String, Refusal> {
    let Some(rest) = raw.strip_prefix('/') else {
        return Err(Refusal::BadRequest);
    };
    let lower = rest.to_ascii_lowercase();
    if ["%2f", "%5c", "%00"].iter().any(|e| lower.contains(e)) {
        return Err(Refusal::BadRequest);
    }
    let decoded = percent_decode(rest)?;
    if decoded.chars().any(|c| c == '\\' || c.is_control()) {
        return Err(Refusal::BadRequest);
    }
    if decoded.is_empty() {
        return Ok(String::new());
    }
    let segments: Vec<&str> = decoded.split('/').collect();
    let (last, folders) = segments.split_last().ok_or(Refusal::BadRequest)?;
    for segment in folders {
        plain_segment(segment)?;
    }
    if last.is_empty() {
        return Ok(format!("{decoded}index.html"));
    }
    plain_segment(last)?;
    Ok(decoded)
}

fn plain_segment(segment: &str) -> Result<(), Refusal> {
    if segment.is_empty() || segment == "." || segment == ".." || segment.contains(':') {
        Err(Refusal::BadRequest)
    } else {
        Ok(())
    }
}

fn percent_decode(text: &str) -> Result<String, Refusal> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or(Refusal::BadRequest)?;
            let hex = std::str::from_utf8(hex).map_err(|_| Refusal::BadRequest)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| Refusal::BadRequest)?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| Refusal::BadRequest)
}

/// The customer and language a page belongs to: `<customer>/<audience>/<lang>/…`.
pub fn page_focus(key: &str) -> Option<(String, Lang)> {
    let mut parts = key.split('/');
    let customer = parts.next()?;
    let _audience = parts.next()?;
    let lang = Lang::parse(parts.next()?)?;
    parts.next()?;
    Some((customer.to_string(), lang))
}

/// A path of the served files as a URL path: each segment percent-encoded where needed.
pub fn url_of(key: &str) -> String {
    format!("/{}", crate::files::url_path(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_paths_name_files_and_folders_name_their_index() {
        assert_eq!(request_key("/"), Ok(String::new()));
        assert_eq!(
            request_key("/appco/employee/nl/index.html"),
            Ok("appco/employee/nl/index.html".into())
        );
        assert_eq!(
            request_key("/appco/employee/"),
            Ok("appco/employee/index.html".into())
        );
        assert_eq!(request_key("/a%20b.html"), Ok("a b.html".into()));
    }

    #[test]
    fn paths_that_escape_the_root_are_refused() {
        for bad in [
            "/../etc/passwd",
            "/appco/../../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/%2E%2E/%2e%2e/x",
            "/appco/%2e%2e%2f%2e%2e%2fetc",
            "/appco%2f..%2fx",
            "/appco%5c..%5cx",
            "/appco\\..\\x",
            "//etc/passwd",
            "/C:/Windows/win.ini",
            "/./index.html",
            "/a/.",
            "/a/..",
            "/x%00.html",
            "/%zz",
            "/%e",
            "/%ff%fe",
            "relative/path",
        ] {
            assert_eq!(request_key(bad), Err(Refusal::BadRequest), "{bad}");
        }
    }

    #[test]
    fn double_encoding_stays_a_literal_name() {
        assert_eq!(request_key("/%252e%252e/x"), Ok("%2e%2e/x".into()));
    }

    #[test]
    fn a_page_names_its_customer_and_language() {
        assert_eq!(
            page_focus("appco/employee/en/app-setup.html"),
            Some(("appco".into(), Lang::En))
        );
        assert_eq!(page_focus("appco/employee/index.html"), None);
        assert_eq!(page_focus("appco/employee/static/style.css"), None);
        assert_eq!(page_focus(""), None);
    }

    #[test]
    fn urls_encode_what_is_not_plain() {
        assert_eq!(url_of("a b/c.html"), "/a%20b/c.html");
        assert_eq!(url_of("appco/employee/nl/"), "/appco/employee/nl/");
        assert_eq!(
            request_key(&url_of("é x/y.html")),
            Ok("é x/y.html".to_string())
        );
    }
}
