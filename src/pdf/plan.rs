//! What the PDF of a print edition gets besides the printed pages: its metadata and an
//! outline (bookmarks) that mirrors the contents. The build writes it into the print
//! edition as a JSON data block, which a browser neither shows nor runs; `--pdf` reads it
//! back from the file it prints.

use serde::{Deserialize, Serialize};

/// The data block's opening tag; the block ends at the next `</script>`.
const OPEN: &str = "<script type=\"application/json\" id=\"handboek-pdf\">";
const CLOSE: &str = "</script>";

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Plan {
    /// The document title, as in the print edition's `<title>`.
    pub title: String,
    /// The customer: whose handbook it is.
    pub author: String,
    /// The language code (`nl`, `en`).
    pub lang: String,
    /// The contents: parts, chapters and their sections, in order.
    pub outline: Vec<Entry>,
}

/// One bookmark: its text and the id of the element it leads to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub title: String,
    pub target: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub children: Vec<Entry>,
}

impl Plan {
    /// The `<script>` data block to put in the print edition. `<` is written `\u003c`, so
    /// no title can end the block early.
    pub fn to_html(&self) -> String {
        let json = serde_json::to_string(self).unwrap_or_default();
        format!("{OPEN}{}{CLOSE}\n", json.replace('<', "\\u003c"))
    }

    /// The plan in a print edition, if it has one.
    pub fn from_html(html: &str) -> Option<Result<Plan, serde_json::Error>> {
        let start = html.find(OPEN)? + OPEN.len();
        let len = html[start..].find(CLOSE)?;
        Some(serde_json::from_str(&html[start..start + len]))
    }

    /// Every entry, depth first, with its depth (0 at the top).
    pub fn entries(&self) -> Vec<(usize, &Entry)> {
        fn walk<'a>(entries: &'a [Entry], depth: usize, out: &mut Vec<(usize, &'a Entry)>) {
            for e in entries {
                out.push((depth, e));
                walk(&e.children, depth + 1, out);
            }
        }
        let mut out = Vec::new();
        walk(&self.outline, 0, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn plan() -> Plan {
        Plan {
            title: "MFA-handboek · Bakkerij <Van Dijk>".into(),
            author: "Bakkerij <Van Dijk>".into(),
            lang: "nl".into(),
            outline: vec![Entry {
                title: "Aan de slag </script>".into(),
                target: "page-index".into(),
                children: vec![Entry {
                    title: "Wat is MFA?".into(),
                    target: "index--what-is-mfa".into(),
                    children: vec![],
                }],
            }],
        }
    }

    #[test]
    fn a_plan_survives_the_print_edition() {
        let html = format!("<body><main></main>{}</body>", plan().to_html());
        assert!(!html.contains("</script></script>"));
        assert_eq!(html.matches("</script>").count(), 1, "{html}");
        assert_eq!(Plan::from_html(&html).unwrap().unwrap(), plan());
    }

    #[test]
    fn a_page_without_a_plan_has_none() {
        assert!(Plan::from_html("<body></body>").is_none());
    }

    #[test]
    fn entries_are_listed_depth_first() {
        let plan = plan();
        let entries: Vec<(usize, &str)> = plan
            .entries()
            .into_iter()
            .map(|(d, e)| (d, e.target.as_str()))
            .collect();
        assert_eq!(entries, [(0, "page-index"), (1, "index--what-is-mfa")]);
    }
}
