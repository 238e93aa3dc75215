//! Raw HTML written in a page, as the handbook may publish it: comments are left out (they
//! are notes to the author, and a pasted page's may hold its writers' names), `<a name>`
//! becomes an `id`, and anything that would load from another host (a picture, frame,
//! script, style sheet, video, or a CSS `url()`) is an error at its place: the output needs
//! no network.

use std::ops::Range;

use super::Renderer;

/// The state of raw HTML across the events of one page: an HTML comment or a `<style>`
/// element can span several lines.
#[derive(Debug, Default)]
pub(super) struct RawHtml {
    comment: bool,
    style: bool,
}

/// Raw HTML as the site and the print edition have it: the same bytes until a tag differs.
struct Both {
    site: String,
    print: String,
    differs: bool,
}

impl Both {
    fn with_capacity(n: usize) -> Self {
        Both {
            site: String::with_capacity(n),
            print: String::with_capacity(n),
            differs: false,
        }
    }

    fn push(&mut self, s: &str) {
        self.site.push_str(s);
        self.print.push_str(s);
    }

    fn push_apart(&mut self, site: &str, print: &str) {
        self.site.push_str(site);
        self.print.push_str(print);
        self.differs = true;
    }
}

/// Attributes whose value is fetched when the page is shown.
const LOADING: [&str; 6] = ["src", "srcset", "poster", "data", "background", "lowsrc"];

impl Renderer<'_> {
    /// `html` (raw HTML at `at` in the resolved Markdown) with comments left out and
    /// `<a name>` as `id`, for the site and, if its ids make it another, for the print
    /// edition; every remote load in it is reported.
    pub(super) fn raw_html(&mut self, html: &str, at: Range<usize>) -> (String, Option<String>) {
        let mut out = Both::with_capacity(html.len());
        let mut i = 0;
        while i < html.len() {
            let rest = &html[i..];
            if self.html.comment {
                match rest.find("-->") {
                    Some(end) => {
                        self.html.comment = false;
                        i += end + 3;
                    }
                    None => i = html.len(),
                }
                continue;
            }
            if self.html.style {
                let end = rest.find("</style").unwrap_or(rest.len());
                self.css(&rest[..end], at.start + i, "<style>");
                out.push(&rest[..end]);
                self.html.style = end == rest.len();
                i += end;
                continue;
            }
            let Some(lt) = rest.find('<') else {
                out.push(rest);
                break;
            };
            out.push(&rest[..lt]);
            i += lt;
            let rest = &html[i..];
            if rest.starts_with("<!--") {
                self.html.comment = true;
                i += 4;
                continue;
            }
            let end = tag_end(rest);
            let tag = &rest[..end];
            match self.tag(tag, at.start + i) {
                (site, None) => out.push(&site),
                (site, Some(print)) => out.push_apart(&site, &print),
            }
            i += end;
        }
        // What only held a comment is no HTML at all: nothing is left of it.
        if out.site.trim().is_empty() && !html.trim().is_empty() {
            return (String::new(), None);
        }
        (out.site, out.differs.then_some(out.print))
    }

    /// One tag, `<name …>`, at `offset` of the resolved Markdown, as published in the site,
    /// and in the print edition if it is another there.
    fn tag(&mut self, tag: &str, offset: usize) -> (String, Option<String>) {
        let name: String = tag[1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect::<String>()
            .to_ascii_lowercase();
        if name.is_empty() {
            return (tag.to_string(), None);
        }
        if name == "style" {
            self.html.style = true;
        }
        let attrs = tag_attributes(tag);
        for a in &attrs {
            let key = a.name.to_ascii_lowercase();
            let loads = LOADING.contains(&key.as_str())
                || (key == "href" && (name == "link" || name == "base"));
            if loads {
                let urls: Vec<&str> = match key.as_str() {
                    "srcset" => a
                        .value
                        .split(',')
                        .filter_map(|c| c.split_whitespace().next())
                        .collect(),
                    _ => vec![a.value],
                };
                if let Some(url) = urls.into_iter().find(|u| is_remote(u)) {
                    let at = offset + a.value_at + a.value.find(url).unwrap_or(0);
                    self.remote(&name, url, at..at + url.len());
                }
            }
            if key == "style" {
                self.css(a.value, offset + a.value_at, &format!("<{name}>"));
            }
        }
        let has_id = attrs.iter().any(|a| a.name.eq_ignore_ascii_case("id"));
        match attrs.iter().find(|a| a.name.eq_ignore_ascii_case("name")) {
            // `<a name>` is obsolete HTML: the anchor becomes an id, as the page's other
            // ids, with the page's prefix (another in the print edition).
            Some(a) if name == "a" => {
                let with = |id: Option<String>| {
                    let id = id
                        .map(|id| format!(" id=\"{}\"", super::escape(&id)))
                        .unwrap_or_default();
                    format!("{}{id}{}", &tag[..a.start], &tag[a.end..])
                };
                let (site, print) = match has_id {
                    true => (None, None),
                    false => (Some(self.site_id(a.value)), Some(self.print_id(a.value))),
                };
                let (site, print) = (with(site), with(print));
                match site == print {
                    true => (site, None),
                    false => (site, Some(print)),
                }
            }
            _ => (tag.to_string(), None),
        }
    }

    /// CSS (a `<style>` element or a `style` attribute) at `offset`: a `url()` or `@import`
    /// of another host is an error.
    fn css(&mut self, css: &str, offset: usize, element: &str) {
        for (i, found) in css
            .match_indices("url(")
            .chain(css.match_indices("@import"))
        {
            let rest = &css[i + found.len()..];
            let arg_at = css.len() - rest.trim_start_matches([' ', '(', '"', '\'']).len();
            let arg = css[arg_at..]
                .split(['"', '\'', ')', ';', ' '])
                .next()
                .unwrap_or("");
            if is_remote(arg) {
                let at = offset + arg_at;
                self.remote(element.trim_matches(['<', '>']), arg, at..at + arg.len());
            }
        }
    }

    fn remote(&mut self, element: &str, url: &str, at: Range<usize>) {
        let help = match element {
            "img" | "picture" | "source" if !url.contains("video") => format!("save the picture under `assets/` (e.g. `assets/media/{}`) and show it with `![what it shows](media/{})`: handbook pages load nothing from the network.", file_name(url), file_name(url)),
            "iframe" | "video" | "audio" | "source" | "embed" | "object" | "track" => format!("link to it instead, e.g. `[Watch the video]({url})`: handbook pages load nothing from the network."),
            "script" => "remove it: handbook pages run no scripts from the network.".to_string(),
            "link" | "base" => "remove it: the theme's style sheets are all a page uses (put your own in `themes/<name>/static/`).".to_string(),
            _ => "save the file under `assets/` and refer to it there, or remove it: handbook pages load nothing from the network.".to_string(),
        };
        self.error(
            at,
            format!("`<{element}>` loads `{url}` from the internet"),
            help,
        );
    }
}

/// `text` without its HTML comments (for the plain-text messages of a page, which are
/// not rendered).
pub fn without_comments(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = rest[start + 4..]
            .split_once("-->")
            .map_or("", |(_, after)| after);
    }
    out.push_str(rest);
    out
}

/// Whether `url` is on another host: it has a scheme (other than `data:`) or starts with `//`.
fn is_remote(url: &str) -> bool {
    let url = url.trim();
    if url.starts_with("//") {
        return true;
    }
    match url.split_once(':') {
        Some((scheme, _)) => {
            let scheme = scheme.to_ascii_lowercase();
            !scheme.is_empty()
                && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
                && scheme
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+.-".contains(c))
                && scheme != "data"
        }
        None => false,
    }
}

/// The last part of a URL's path, to suggest a file name.
fn file_name(url: &str) -> &str {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/')
        .find(|p| !p.is_empty())
        .unwrap_or("picture.png")
}

/// The length of the tag at the start of `html` (up to and with its `>`, or all of it).
fn tag_end(html: &str) -> usize {
    let mut quote = None;
    for (i, c) in html.char_indices().skip(1) {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    html.len()
}

/// An attribute of a tag: its name, its value, and where both are in the tag.
struct TagAttribute<'t> {
    name: &'t str,
    value: &'t str,
    /// The byte range of the whole attribute, with the space before it.
    start: usize,
    end: usize,
    value_at: usize,
}

fn tag_attributes(tag: &str) -> Vec<TagAttribute<'_>> {
    let mut out = Vec::new();
    let bytes = tag.as_bytes();
    let mut i = 1 + tag[1..]
        .find(|c: char| !c.is_ascii_alphanumeric())
        .unwrap_or(tag.len() - 1);
    loop {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let name_at = i;
        while i < bytes.len() && !b" \t\r\n=>/\"'".contains(&bytes[i]) {
            i += 1;
        }
        if i == name_at {
            if i < bytes.len() && bytes[i] == b'/' {
                i += 1;
                continue;
            }
            return out;
        }
        let name = &tag[name_at..i];
        let (value, value_at) = match bytes.get(i) {
            Some(b'=') => {
                i += 1;
                match bytes.get(i) {
                    Some(&q @ (b'"' | b'\'')) => {
                        let len = tag[i + 1..]
                            .find(char::from(q))
                            .unwrap_or(tag.len() - i - 1);
                        let v = (&tag[i + 1..i + 1 + len], i + 1);
                        i = (i + 2 + len).min(tag.len());
                        v
                    }
                    _ => {
                        let at = i;
                        while i < bytes.len() && !b" \t\r\n>".contains(&bytes[i]) {
                            i += 1;
                        }
                        (&tag[at..i], at)
                    }
                }
            }
            _ => ("", i),
        };
        out.push(TagAttribute {
            name,
            value,
            start,
            end: i,
            value_at,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_are_left_out_of_text_even_when_unclosed() {
        assert_eq!(without_comments("a<!-- b -->c\n<!--\nd\n-->e"), "ac\ne");
        assert_eq!(without_comments("a <!-- b"), "a ");
    }

    #[test]
    fn remote_is_another_host_not_data_or_a_path() {
        for remote in ["https://x.nl/a.png", "HTTP://x", "//cdn.x/a.js", "ftp://x"] {
            assert!(is_remote(remote), "{remote}");
        }
        for local in [
            "media/a.png",
            "../assets/a.png",
            "data:image/png;base64,AA",
            "#x",
            "",
        ] {
            assert!(!is_remote(local), "{local}");
        }
    }

    #[test]
    fn tag_attributes_in_every_quoting() {
        let tag = "<img src=\"a b.png\" alt='x' width=3 hidden>";
        let names: Vec<(&str, &str)> = tag_attributes(tag)
            .iter()
            .map(|a| (a.name, a.value))
            .collect();
        assert_eq!(
            names,
            [
                ("src", "a b.png"),
                ("alt", "x"),
                ("width", "3"),
                ("hidden", "")
            ]
        );
        let a = &tag_attributes(tag)[0];
        assert_eq!(&tag[a.value_at..a.value_at + a.value.len()], "a b.png");
        assert_eq!(&tag[a.start..a.end], " src=\"a b.png\"");
    }

    #[test]
    fn a_tag_ends_at_its_own_bracket_not_one_in_quotes() {
        assert_eq!(tag_end("<a title=\"1 > 0\">x"), 17);
        assert_eq!(tag_end("<img src=x"), 10);
    }
}
