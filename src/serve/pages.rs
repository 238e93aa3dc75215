//! The pages only `serve` shows: the preview bar over every page (switch customer,
//! language, audience), the index of every customer, and the page for a missing file.

use crate::content::Audience;
use crate::lang::Lang;
use crate::output::Tree;

use super::inject::escape;
use super::paths::url_of;
use super::state::Preview;

/// Where a served page sits: its customer, audience, language and file, as far as known.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Place<'a> {
    pub customer: Option<&'a str>,
    pub audience: Option<&'a str>,
    pub lang: Option<Lang>,
    /// The path after the language folder, e.g. `app-setup.html`.
    pub file: Option<&'a str>,
}

impl<'a> Place<'a> {
    pub fn of(key: &'a str) -> Place<'a> {
        let mut parts = key.splitn(4, '/');
        let customer = parts.next().filter(|c| !c.is_empty() && key.contains('/'));
        let audience = parts
            .next()
            .filter(|a| Audience::ALL.iter().any(|x| x.dir() == *a));
        let lang = audience.and(parts.next()).and_then(Lang::parse);
        let file = lang.and(parts.next());
        Place {
            customer,
            audience,
            lang,
            file,
        }
    }
}

/// The key of the page of customer `id` closest to `want`: the same file in the asked
/// audience and language if it exists, else that language's start page, else any start
/// page of the customer.
pub fn closest_page(id: &str, tree: &Tree, want: &Place) -> Option<String> {
    let audiences: Vec<&str> = want
        .audience
        .into_iter()
        .chain(Audience::ALL.iter().map(|a| a.dir()))
        .collect();
    let langs: Vec<Lang> = want.lang.into_iter().chain(Lang::ALL).collect();
    let mut candidates = Vec::new();
    if let (Some(file), Some(lang)) = (want.file, want.lang) {
        // The print edition has a name per language.
        let file = match Lang::ALL.iter().find(|l| l.print_file() == file) {
            Some(_) => lang.print_file(),
            None => file,
        };
        candidates.push(format!("{}/{}/{file}", audiences[0], lang.code()));
    }
    for audience in &audiences {
        for lang in &langs {
            candidates.push(format!("{audience}/{}/index.html", lang.code()));
        }
    }
    candidates
        .into_iter()
        .find(|c| tree.contains_key(c))
        .map(|c| format!("{id}/{c}"))
}

/// The preview bar for the page at `key`.
pub fn bar(preview: &Preview, key: &str) -> String {
    let here = Place::of(key);
    let mut html = String::from(
        "<nav id=\"handboek-preview\" aria-label=\"handboek preview\"><a href=\"/\">All customers</a>",
    );
    if let Some(id) = here.customer
        && let Some(tree) = preview.tree(id)
    {
        html.push_str(&customer_select(preview, id, &here));
        let langs = Lang::ALL.iter().filter_map(|&l| {
            let want = Place {
                lang: Some(l),
                ..here.clone()
            };
            let key = closest_page(id, tree, &want)?;
            (Place::of(&key).lang == Some(l)).then(|| (l.code(), key, here.lang == Some(l)))
        });
        html.push_str(&link_group("Language", langs));
        let audiences = Audience::ALL.iter().filter_map(|a| {
            let want = Place {
                audience: Some(a.dir()),
                file: None,
                ..here.clone()
            };
            let key = closest_page(id, tree, &want)?;
            (Place::of(&key).audience == Some(a.dir()))
                .then(|| (a.dir(), key, here.audience == Some(a.dir())))
        });
        html.push_str(&link_group("Audience", audiences));
    }
    html.push_str(&status(preview));
    html.push_str("</nav>");
    html
}

fn customer_select(preview: &Preview, current: &str, here: &Place) -> String {
    let mut html = String::from(
        "<label>Customer <select id=\"handboek-preview-customer\" onchange=\"location.href=this.value\">",
    );
    for (id, entry) in preview.customers() {
        let Some(key) = preview.tree(id).and_then(|t| closest_page(id, t, here)) else {
            continue;
        };
        let name = entry.map_or(id, |e| e.name.as_str());
        html.push_str(&format!(
            "<option value=\"{}\"{}>{} ({})</option>",
            escape(&url_of(&key)),
            if id == current { " selected" } else { "" },
            escape(name),
            escape(id)
        ));
    }
    html.push_str("</select></label>");
    html
}

fn link_group<'a>(label: &str, links: impl Iterator<Item = (&'a str, String, bool)>) -> String {
    let mut html = format!("<span class=\"handboek-preview-group\">{label}:");
    for (text, key, current) in links {
        html.push_str(&format!(
            " <a href=\"{}\"{}>{}</a>",
            escape(&url_of(&key)),
            if current {
                " aria-current=\"page\""
            } else {
                ""
            },
            escape(text)
        ));
    }
    html.push_str("</span>");
    html
}

fn status(preview: &Preview) -> String {
    let errors = preview
        .diagnostics()
        .iter()
        .filter(|d| d.severity == crate::diagnostics::Severity::Error)
        .count();
    match errors {
        0 => "<span class=\"handboek-preview-ok\">&#10003; up to date</span>".to_string(),
        n => format!(
            "<button type=\"button\" id=\"handboek-preview-problems\">{n} {}</button>",
            if n == 1 { "error" } else { "errors" }
        ),
    }
}

/// The index at `/`: every customer with its method, languages and handbooks.
pub fn index(preview: &Preview) -> String {
    let mut rows = String::new();
    for (id, entry) in preview.customers() {
        let tree = preview.tree(id);
        let (name, method, langs) = match entry {
            Some(e) => (
                e.name.as_str(),
                e.method,
                e.languages
                    .iter()
                    .map(|l| l.code())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            None => (id, "?", "?".to_string()),
        };
        let mut books = String::new();
        for audience in Audience::ALL {
            let links: Vec<String> = Lang::ALL
                .iter()
                .map(|l| format!("{}/{}/index.html", audience.dir(), l.code()))
                .filter(|k| tree.is_some_and(|t| t.contains_key(k)))
                .map(|k| {
                    let code = Place::of(&format!("{id}/{k}")).lang.map_or("", Lang::code);
                    format!(
                        "<a href=\"{}\">{code}</a>",
                        escape(&url_of(&format!("{id}/{k}")))
                    )
                })
                .collect();
            if !links.is_empty() {
                books.push_str(&format!("{} {}<br>", audience.dir(), links.join(" ")));
            }
        }
        let state = match (tree.is_some(), preview.has_errors(id)) {
            (_, true) => "<span class=\"bad\">errors</span>",
            (true, false) => "built",
            (false, false) => "not built",
        };
        rows.push_str(&format!(
            "<tr><td><strong>{}</strong><br><code>{}</code></td><td>{}</td><td>{}</td><td>{books}</td><td>{state}</td></tr>",
            escape(name),
            escape(id),
            escape(method),
            escape(&langs)
        ));
    }
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>handboek · live preview</title><style>body{{font:16px/1.5 system-ui,sans-serif;max-width:70rem;margin:2rem auto;padding:0 1rem}}table{{border-collapse:collapse;width:100%}}th,td{{text-align:left;vertical-align:top;padding:.5rem;border-bottom:1px solid #ddd}}.bad{{color:#b71c1c;font-weight:700}}</style></head><body><main><h1>Live preview</h1><p>Every customer of the project. Pages reload by themselves when you save a file.</p><table><thead><tr><th>Customer</th><th>Method</th><th>Languages</th><th>Handbooks</th><th>State</th></tr></thead><tbody>{rows}</tbody></table></main></body></html>\n"
    )
}

/// The page for a path that names no file (yet): a customer that never built shows its
/// errors here through the overlay.
pub fn not_found(key: &str) -> String {
    format!(
        "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found · handboek preview</title></head><body><main style=\"font:16px/1.5 system-ui,sans-serif;margin:2rem\"><h1>Not found</h1><p>There is no <code>{}</code> in the preview (yet). This page reloads when it appears.</p><p><a href=\"/\">All customers</a></p></main></body></html>\n",
        escape(&url_of(key))
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tree(keys: &[&str]) -> Tree {
        keys.iter().map(|k| (k.to_string(), Vec::new())).collect()
    }

    #[test]
    fn a_place_is_read_from_the_key() {
        assert_eq!(
            Place::of("appco/employee/en/app-setup.html"),
            Place {
                customer: Some("appco"),
                audience: Some("employee"),
                lang: Some(Lang::En),
                file: Some("app-setup.html"),
            }
        );
        assert_eq!(Place::of("appco/employee/static/style.css").lang, None);
        assert_eq!(Place::of("").customer, None);
        assert_eq!(Place::of("index.html").customer, None);
    }

    #[test]
    fn switching_keeps_the_page_when_it_exists() {
        let t = tree(&[
            "employee/nl/index.html",
            "employee/nl/app-setup.html",
            "employee/nl/handboek.html",
            "employee/en/index.html",
            "employee/en/handbook.html",
            "admin/nl/index.html",
        ]);
        let from = Place::of("x/employee/nl/app-setup.html");
        assert_eq!(
            closest_page("y", &t, &from).as_deref(),
            Some("y/employee/nl/app-setup.html")
        );
        let en = Place {
            lang: Some(Lang::En),
            ..from.clone()
        };
        assert_eq!(
            closest_page("y", &t, &en).as_deref(),
            Some("y/employee/en/index.html")
        );
        let print = Place {
            lang: Some(Lang::En),
            ..Place::of("x/employee/nl/handboek.html")
        };
        assert_eq!(
            closest_page("y", &t, &print).as_deref(),
            Some("y/employee/en/handbook.html")
        );
        let admin_en = Place {
            audience: Some("admin"),
            file: None,
            ..en
        };
        assert_eq!(
            closest_page("y", &t, &admin_en).as_deref(),
            Some("y/admin/nl/index.html")
        );
        assert_eq!(closest_page("y", &Tree::new(), &from), None);
    }

    #[test]
    fn the_missing_page_escapes_its_path() {
        assert!(not_found("<x>.html").contains("/%3Cx%3E.html"));
    }
}
