//! The pages of one handbook (customer × audience × language): conditions and variables
//! resolved, Markdown rendered once for the site and the print edition. A page marked
//! `per_wave` is rendered once per rollout wave, and each wave's text is also a
//! ready-to-send message.

use std::collections::{BTreeSet, HashMap};
use std::sync::Mutex;

use pulldown_cmark::BlockQuoteKind;
use rayon::prelude::*;

use super::Inputs;
use super::blocks::Blocks;
use crate::content::{Audience, Page};
use crate::customer::{Customer, Wave};
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::dialect::{self, Insert, Resolved};
use crate::lang::Lang;
use crate::markdown::{self, Anchor, Context, Heading, Printed, Rendered, escape};
use crate::qr;
use crate::vars::{Value, variables};

/// A page rendered for the site and for the print edition, with its messages.
pub struct RenderedPage {
    pub site: Rendered,
    pub print: Printed,
    /// File name (`<slug>-<wave>.txt`) and plain text of each message of a `per_wave` page.
    pub messages: Vec<(String, String)>,
}

/// Renders every page, in parallel, and hands each to `finish` (with its index in `pages`)
/// as soon as it is rendered, so that a long guide is never held in memory whole.
pub fn render_pages<T: Send>(
    inputs: &Inputs,
    customer: &Customer,
    audience: Audience,
    lang: Lang,
    pages: &[&Page],
    finish: impl Fn(usize, RenderedPage) -> T + Sync,
) -> Result<Vec<T>, Diagnostics> {
    let theme = inputs.theme;
    let method_label = theme.ui.get(lang, "methods", customer.method.name());
    let vars = variables(customer, lang, &method_label);
    let blocks = Blocks::new(inputs, customer, lang);
    let slugs: BTreeSet<String> = pages.iter().map(|p| p.slug.clone()).collect();
    let library: BTreeSet<String> = inputs
        .library
        .pages(audience, lang)
        .map(|p| p.slug.clone())
        .collect();
    let qr_label = theme.ui.get(lang, "site", "qr_label");
    let render_insert = |insert: &Insert| match insert {
        Insert::Qr { payload, label } => {
            qr::svg(payload, &format!("{qr_label} {label}")).unwrap_or_else(|| escape(label))
        }
        Insert::Screen(name) => blocks.screen(name),
        Insert::Schedule => blocks.schedule(),
        Insert::Value(v) => escape(v.display()),
        Insert::Literal => "{{".into(),
        // A figure's picture is found and checked by the Markdown stage, like any image.
        Insert::Figure(_) => String::new(),
    };
    let alert_title =
        |kind: BlockQuoteKind| theme.ui.get(lang, "alerts", markdown::alert_name(kind));
    let code_label = theme.ui.get(lang, "site", "code_label");
    let task_label = |done: bool| {
        theme
            .ui
            .get(lang, "site", if done { "task_done" } else { "task_open" })
    };
    // Pages of a long guide show the same images again and again: look each up once.
    let found_assets: Mutex<HashMap<String, Option<String>>> = Mutex::default();
    let find_asset = |path: &str| {
        let lookup = || {
            [format!("assets/{lang}/{path}"), format!("assets/{path}")]
                .into_iter()
                .find(|rel| inputs.files.exists(rel))
        };
        let mut found = found_assets.lock().unwrap_or_else(|e| e.into_inner());
        found.entry(path.to_string()).or_insert_with(lookup).clone()
    };

    let render_page = |page: &&Page| -> Result<RenderedPage, Diagnostics> {
        let mut diags = Diagnostics::new();
        let waves: Vec<Option<(usize, &Wave)>> = match page.per_wave {
            true => customer
                .waves
                .iter()
                .enumerate()
                .map(|(i, w)| Some((i + 1, w)))
                .collect(),
            false => vec![None],
        };
        let mut out = RenderedPage {
            site: Rendered::default(),
            print: Printed::default(),
            messages: Vec::new(),
        };
        for wave in waves {
            let mut vars = vars.clone();
            if let Some((n, w)) = wave {
                vars.insert("wave.number", Value::Text(n.to_string()));
                vars.insert("wave.name", Value::Text(w.name.get(lang).to_string()));
                vars.insert(
                    "wave.date",
                    Value::Text(w.date.format_with_weekday(lang.date_lang())),
                );
            }
            let resolved = match dialect::resolve(&page.body, &page.source, customer, &vars) {
                Ok(r) => r,
                Err(d) => {
                    diags.extend(d);
                    continue;
                }
            };
            // Each wave's copy of the page gets its own ids and footnotes.
            let (slug, site_prefix) = match wave {
                Some((n, _)) => (format!("{}-wave-{n}", page.slug), Some(format!("wave-{n}"))),
                None => (page.slug.clone(), None),
            };
            let cx = Context {
                task_label: &task_label,
                code_label: &code_label,
                source: &page.source,
                lang,
                slug: &slug,
                site_prefix: site_prefix.as_deref(),
                print_prefix: &slug,
                pages: &slugs,
                library: &library,
                customer_id: &customer.id,
                alert_title: &alert_title,
                render_insert: &render_insert,
                find_asset: &find_asset,
            };
            let mut site = match markdown::render(&resolved, &cx) {
                Ok(site) => site,
                Err(d) => {
                    diags.extend(d);
                    continue;
                }
            };
            let print = std::mem::take(&mut site.print);
            match wave {
                None => {
                    out.site = site;
                    out.print = print;
                }
                Some((n, w)) => {
                    let title = format!(
                        "{} · {}",
                        w.name.get(lang),
                        w.date.format_long(lang.date_lang())
                    );
                    append_wave(&mut out.site, site, &format!("wave-{n}"), &title);
                    let (html, headings) = (&mut out.print.html, &mut out.print.headings);
                    let id = format!("{slug}--wave");
                    wave_section(html, headings, print.html, print.headings, &id, &title);
                    out.messages
                        .push((format!("{slug}.txt"), message_text(&resolved)));
                }
            }
        }
        diags.into_result(out)
    };
    let finished: Vec<_> = pages
        .par_iter()
        .enumerate()
        .map(|(i, page)| render_page(page).map(|r| finish(i, r)))
        .collect();
    let mut diags = blocks.problems();
    let mut rendered = Vec::with_capacity(pages.len());
    for page in finished {
        match page {
            Ok(page) => rendered.push(page),
            Err(d) => diags.extend(d),
        }
    }
    diags.into_result(rendered)
}

/// Adds one wave's copy of a page under a heading naming the wave and its date. The section
/// has no accessible name of its own: several message pages share the same wave titles, and
/// named sections would be landmarks with the same name.
fn append_wave(into: &mut Rendered, part: Rendered, id: &str, title: &str) {
    let (html, headings) = (&mut into.html, &mut into.headings);
    wave_section(html, headings, part.html, part.headings, id, title);
    into.assets.extend(part.assets);
    into.text.push_str(&part.text);
    into.text.push(' ');
}

/// Adds one wave's copy of a page's HTML (and its headings, one level down) under a
/// heading `id` naming the wave.
fn wave_section(
    html: &mut String,
    headings: &mut Vec<Heading>,
    part_html: String,
    part_headings: Vec<Heading>,
    id: &str,
    title: &str,
) {
    html.push_str(&format!(
        "<section class=\"wave\">\n<h2 id=\"{id}\">{}</h2>\n{part_html}</section>\n",
        escape(title),
    ));
    headings.push(Heading {
        level: 2,
        id: id.to_string(),
        text: title.to_string(),
    });
    headings.extend(part_headings.into_iter().map(|h| Heading {
        level: h.level + 1,
        ..h
    }));
}

/// A message as plain text: the resolved Markdown (readable as it is) with every value
/// written out, without screens, figures and HTML comments.
fn message_text(resolved: &Resolved) -> String {
    let lines: Vec<&str> = resolved
        .markdown
        .lines()
        .filter(|l| !l.trim_start().starts_with(dialect::BLOCK_PLACEHOLDER))
        .collect();
    let markdown = markdown::without_comments(&lines.join("\n"));
    let text: String = dialect::split_placeholders(&markdown)
        .into_iter()
        .map(|part| match part {
            Ok(text) => text.to_string(),
            Err(n) => match resolved.inserts.get(n) {
                Some(Insert::Value(v)) => v.display().to_string(),
                Some(Insert::Literal) => "{{".to_string(),
                Some(Insert::Qr { label, .. }) => label.clone(),
                Some(Insert::Screen(_) | Insert::Schedule | Insert::Figure(_)) | None => {
                    String::new()
                }
            },
        })
        .collect();
    text.trim().to_string() + "\n"
}

/// Every `page.md#id` link of a handbook leads to a heading that page has (for this
/// customer: a heading inside an `{{#if}}` may be left out). `found` holds each page's
/// heading ids and its links to headings, in the order of `pages`.
pub fn check_anchors(pages: &[&Page], found: &[(BTreeSet<String>, Vec<Anchor>)]) -> Diagnostics {
    let ids: HashMap<&str, &BTreeSet<String>> = pages
        .iter()
        .zip(found)
        .map(|(p, (ids, _))| (p.slug.as_str(), ids))
        .collect();
    let mut diags = Diagnostics::new();
    for (page, (_, anchors)) in pages.iter().zip(found) {
        for anchor in anchors {
            let Some(target) = ids.get(anchor.slug.as_str()) else {
                continue;
            };
            if !target.contains(&anchor.id) {
                let help = match crate::diagnostics::did_you_mean(
                    &anchor.id,
                    target.iter().map(String::as_str),
                ) {
                    Some(close) => format!("did you mean `#{close}`?"),
                    None => format!(
                        "link to one of its headings' ids ({}), or give the heading one with `## Title {{#{}}}`.",
                        target
                            .iter()
                            .map(|i| format!("`{i}`"))
                            .collect::<Vec<_>>()
                            .join(", "),
                        anchor.id
                    ),
                };
                diags.push(
                    Diagnostic::error(format!(
                        "links to `{}.md#{}`, but that page has no heading `#{}` here",
                        anchor.slug, anchor.id, anchor.id
                    ))
                    .at(&page.source, anchor.span)
                    .help(help),
                );
            }
        }
    }
    diags
}
