//! Pages pasted from Microsoft Learn: what we know of their source, so that a pasted page
//! becomes a clean page or a list of precise errors. Learn's DocFX constructs are
//! recognised on the page's lines ([`docfx`]), its front matter keys are named for what
//! they are ([`front_matter_hint`]), and its links are turned into the address to write
//! ([`address`]).

pub mod address;
pub mod docfx;

/// What to tell an author about a front matter key that Microsoft Learn pages carry, or
/// `None` if `key` is not one of Learn's.
pub fn front_matter_hint(key: &str) -> Option<&'static str> {
    let hint = match key {
        "ms.date" => {
            "`ms.date` is the day Microsoft last edited its article, not the day you checked the steps: remove it, and set `verified:` to the day you walked through the steps on the real screens."
        }
        "author" | "ms.author" | "manager" | "ms.reviewer" | "contributors_to_exclude" => {
            "it names Microsoft's writers and reviewers: remove it."
        }
        "description" => {
            "remove it: a handboek page has no description; say what the page is for in its first paragraph."
        }
        "zone_pivot_groups" | "zone_pivot_group_filename" => {
            "remove it: handboek has no zones; the `::: zone` lines of the page are reported on their own."
        }
        "monikerRange" => {
            "remove it: handboek has no versions; the `::: moniker` lines of the page, if any, are reported on their own."
        }
        "titleSuffix" => "remove it: the `title:` is the whole title.",
        key if key.starts_with("ms.") || LEARN_KEYS.contains(&key) => {
            "remove it: it is Microsoft Learn's publishing data, which handboek does not use."
        }
        _ => return None,
    };
    Some(hint)
}

/// Front matter keys of Learn pages that do not start with `ms.`.
const LEARN_KEYS: [&str; 14] = [
    "services",
    "keywords",
    "f1.keywords",
    "search.appverid",
    "audience",
    "ai-usage",
    "uid",
    "ROBOTS",
    "appliesto",
    "recommendations",
    "adobe-target",
    "no-loc",
    "feedback_system",
    "show_latex",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learn_keys_are_named_and_ms_date_is_not_verified() {
        let date = front_matter_hint("ms.date").unwrap();
        assert!(date.contains("`verified:`"), "{date}");
        assert!(front_matter_hint("ms.author").unwrap().contains("writers"));
        assert!(front_matter_hint("ms.subservice").is_some());
        assert!(front_matter_hint("f1.keywords").is_some());
        assert_eq!(front_matter_hint("tilte"), None);
        assert_eq!(front_matter_hint("order"), None);
    }
}
