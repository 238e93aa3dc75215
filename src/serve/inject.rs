//! What `serve` adds to the pages it serves (and `build` never writes): the error overlay,
//! the preview bar's style, and the script that listens for reloads. Every value is
//! escaped here.

use crate::diagnostics::{Diagnostic, Diagnostics, Severity};

/// The script every served page runs: it listens to the server's events and reloads the
/// page, swaps the stylesheets, or shows the overlay.
const CLIENT_JS: &str = include_str!("client.js");
/// The style of the preview bar and the overlay; all of it scoped to `#handboek-…` ids.
const PREVIEW_CSS: &str = include_str!("preview.css");

pub use crate::markdown::escape;

/// `html` with `extra` inserted before its closing `</body>` (or at the end).
pub fn inject(html: &str, extra: &str) -> String {
    let at = html
        .to_ascii_lowercase()
        .rfind("</body>")
        .unwrap_or(html.len());
    let mut out = String::with_capacity(html.len() + extra.len());
    out.push_str(&html[..at]);
    out.push_str(extra);
    out.push_str(&html[at..]);
    out
}

/// The chrome of a served page: the bar, the overlay of the current errors, the style and
/// the script that knows the state (`token`) the page was built from.
pub fn chrome(bar: &str, overlay: &str, token: &str) -> String {
    format!(
        "\n<!-- handboek serve: live preview, not part of the built handbook -->\n<style id=\"handboek-preview-style\">{PREVIEW_CSS}</style>\n{bar}\n{overlay}\n<script id=\"handboek-preview-script\" data-token=\"{}\">{CLIENT_JS}</script>\n",
        escape(token)
    )
}

/// The overlay listing every problem, over the last good page; empty when nothing is an
/// error. One line of HTML, so that it travels as one server-sent event.
pub fn overlay_html(diagnostics: &Diagnostics) -> String {
    if !diagnostics.has_errors() {
        return String::new();
    }
    let errors = diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .count();
    let mut html = format!(
        "<div id=\"handboek-overlay\" role=\"alertdialog\" aria-labelledby=\"handboek-overlay-title\"><div class=\"handboek-overlay-box\"><button type=\"button\" class=\"handboek-overlay-close\" aria-label=\"Hide\" onclick=\"this.closest('#handboek-overlay').hidden=true\">&#215;</button><p id=\"handboek-overlay-title\">{errors} {} — this page is the last good build. Fix and save: the page reloads by itself.</p><ol>",
        if errors == 1 { "error" } else { "errors" }
    );
    for d in diagnostics.iter() {
        html.push_str(&problem_html(d));
    }
    html.push_str("</ol></div></div>");
    html
}

fn problem_html(d: &Diagnostic) -> String {
    let level = match d.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut place = d.file().to_string();
    if d.line() > 0 {
        place.push_str(&format!(":{}:{}", d.line(), d.column()));
    }
    let mut html = format!("<li class=\"handboek-overlay-{level}\"><p>");
    if !place.is_empty() {
        html.push_str(&format!(
            "<code class=\"handboek-overlay-place\">{}</code> ",
            escape(&place)
        ));
    }
    html.push_str(&format!(
        "<strong>{level}:</strong> <span class=\"handboek-overlay-message\">{}</span></p>",
        escape(&d.message)
    ));
    if let (Some(source), Some(span)) = (&d.source, d.span)
        && let Some(text) = source.line_text(span.line)
    {
        let number = span.line.to_string();
        let caret = format!(
            "{}{}",
            " ".repeat(number.len() + 3 + span.column.saturating_sub(1)),
            "^".repeat(span.len.max(1))
        );
        html.push_str(&format!(
            "<pre class=\"handboek-overlay-source\">{} | {}\n{caret}</pre>",
            escape(&number),
            escape(text)
        ));
    }
    if let Some(help) = &d.help {
        html.push_str(&format!(
            "<p class=\"handboek-overlay-help\">help: {}</p>",
            escape(help)
        ));
    }
    html.push_str("</li>");
    html.replace('\n', "&#10;")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Source, Span};

    #[test]
    fn chrome_goes_before_the_closing_body() {
        assert_eq!(
            inject("<html><body><p>x</p></BODY></html>", "<nav></nav>"),
            "<html><body><p>x</p><nav></nav></BODY></html>"
        );
        assert_eq!(
            inject("<p>no body</p>", "<nav></nav>"),
            "<p>no body</p><nav></nav>"
        );
        assert_eq!(
            inject("<body><code>&lt;/body&gt;</code></body>", "!"),
            "<body><code>&lt;/body&gt;</code>!</body>"
        );
    }

    #[test]
    fn escape_leaves_no_markup() {
        assert_eq!(
            escape("<script>alert('x\"&')</script>"),
            "&lt;script&gt;alert(&#39;x&quot;&amp;&#39;)&lt;/script&gt;"
        );
    }

    #[test]
    fn overlay_names_file_line_column_source_and_help_escaped() {
        let src = Source::new("customers/<a>.yaml", "name: <b>Acme</b>\nmfa: x\n");
        let d = Diagnostic::error("unknown key `<mfa>`")
            .at(&src, Span::new(2, 1, 3))
            .help("write `mfa:` & try again");
        let html = overlay_html(&Diagnostics::from(d));
        assert!(html.contains("customers/&lt;a&gt;.yaml:2:1"), "{html}");
        assert!(html.contains("unknown key `&lt;mfa&gt;`"), "{html}");
        assert!(html.contains("2 | mfa: x&#10;    ^^^"), "{html}");
        assert!(
            html.contains("help: write `mfa:` &amp; try again"),
            "{html}"
        );
        assert!(!html.contains('\n') && !html.contains("<b>"), "{html}");
    }

    #[test]
    fn no_errors_no_overlay() {
        assert_eq!(overlay_html(&Diagnostics::new()), "");
    }

    #[test]
    fn the_token_is_escaped_into_the_script() {
        let html = chrome("<nav></nav>", "", "\"><script>");
        assert!(html.contains("data-token=\"&quot;&gt;&lt;script&gt;\""));
    }
}
