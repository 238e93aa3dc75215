//! One customer's handbooks: for each audience and language, the site pages and the print
//! edition, plus the static files and assets they use, as files in memory.

use std::collections::{BTreeMap, BTreeSet};

use pulldown_cmark::BlockQuoteKind;
use serde::Serialize;

use crate::content::{Audience, Library, Page};
use crate::customer::Customer;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::dialect::{self, Insert};
use crate::files::Files;
use crate::lang::Lang;
use crate::markdown::{self, Context, Rendered, Target};
use crate::output::search::{Entry, search_index};
use crate::qr;
use crate::theme::Theme;
use crate::theme::view::{
    Chrome, CustomerView, HeadingView, LangLink, LanguageView, Link, PageView, PrintView,
    SectionView, method_name,
};
use crate::vars::variables;

/// Relative path → bytes, for one customer's folder.
pub type Tree = BTreeMap<String, Vec<u8>>;

/// Everything the renderer needs that is the same for every customer.
pub struct Inputs<'a> {
    pub files: &'a Files,
    pub library: &'a Library,
    pub theme: &'a Theme,
}

/// Renders every audience and language of `customer` (only `langs`, if not empty).
pub fn render_customer(
    inputs: &Inputs,
    customer: &Customer,
    langs: &[Lang],
) -> Result<Tree, Diagnostics> {
    let mut tree = Tree::new();
    let mut diags = Diagnostics::new();
    for (screen, (_, span)) in &customer.screenshots {
        if !inputs.theme.screens.contains(screen) {
            diags.push(
                Diagnostic::error(format!("there is no screen `{screen}` to replace"))
                    .at(&customer.source, *span)
                    .help("use a name from the README's table of screens."),
            );
        }
    }
    let built: Vec<Lang> = customer
        .languages
        .iter()
        .copied()
        .filter(|l| langs.is_empty() || langs.contains(l))
        .collect();
    for audience in Audience::ALL {
        let mut assets = BTreeSet::new();
        let mut any = false;
        for &lang in &built {
            let pages: Vec<&Page> = inputs
                .library
                .pages(audience, lang)
                .filter(|p| p.when.as_ref().is_none_or(|w| w.holds(customer)))
                .collect();
            if pages.is_empty() {
                continue;
            }
            any = true;
            match render_language(inputs, customer, audience, lang, &pages) {
                Ok((files, used)) => {
                    tree.extend(
                        files
                            .into_iter()
                            .map(|(k, v)| (format!("{}/{k}", audience.dir()), v)),
                    );
                    assets.extend(used);
                }
                Err(d) => diags.extend(d),
            }
        }
        if !any {
            continue;
        }
        if let Some(logo) = &customer.logo {
            assets.insert(format!("assets/{logo}"));
        }
        for (paths, _) in customer.screenshots.values() {
            assets.extend(built.iter().map(|&l| format!("assets/{}", paths.get(l))));
        }
        for asset in assets {
            match inputs.files.read(&asset) {
                Ok(Some(file)) => {
                    tree.insert(
                        format!("{}/{asset}", audience.dir()),
                        file.bytes.into_owned(),
                    );
                }
                _ => diags.push(Diagnostic::error(format!(
                    "the asset `{asset}` cannot be read"
                ))),
            }
        }
        for file in &inputs.theme.statics {
            tree.insert(
                format!("{}/static/{}", audience.dir(), file.rel),
                file.bytes.to_vec(),
            );
        }
        let first = built.first().copied().unwrap_or(Lang::Nl);
        let view = LanguageView {
            lang: first.code(),
            ui: inputs.theme.strings(first),
            customer: CustomerView::new(customer, first, ""),
            audience: audience.dir(),
            root: String::new(),
            home_href: "index.html".into(),
            languages: language_links(inputs.theme, customer, None, |l| {
                format!("{}/index.html", l.code())
            }),
        };
        match inputs.theme.render("language.html", &view) {
            Ok(html) => {
                tree.insert(format!("{}/index.html", audience.dir()), html.into_bytes());
            }
            Err(d) => diags.push(d),
        }
    }
    diags.into_result(tree)
}

/// Links to every language of the customer; `href` gives each language's target.
fn language_links(
    theme: &Theme,
    customer: &Customer,
    current: Option<Lang>,
    href: impl Fn(Lang) -> String,
) -> Vec<LangLink> {
    customer
        .languages
        .iter()
        .map(|&l| lang_link(theme, l, href(l), Some(l) == current))
        .collect()
}

fn lang_link(theme: &Theme, lang: Lang, href: String, current: bool) -> LangLink {
    LangLink {
        code: lang.code(),
        name: theme.ui.get(lang, "site", "language_name"),
        href,
        current,
    }
}

/// The site pages and the print edition of one audience in one language.
fn render_language(
    inputs: &Inputs,
    customer: &Customer,
    audience: Audience,
    lang: Lang,
    pages: &[&Page],
) -> Result<(Tree, BTreeSet<String>), Diagnostics> {
    let theme = inputs.theme;
    let method_label = theme.ui.get(lang, "methods", method_name(customer.method));
    let vars = variables(customer, lang, &method_label);
    let screens = render_screens(inputs, customer, lang)?;
    let slugs: BTreeSet<String> = pages.iter().map(|p| p.slug.clone()).collect();
    let library: BTreeSet<String> = inputs
        .library
        .pages(audience, lang)
        .map(|p| p.slug.clone())
        .collect();
    let qr_label = theme.ui.get(lang, "site", "qr_label");
    let render_insert = |insert: &Insert| match insert {
        Insert::Qr { payload, label } => qr::svg(payload, &format!("{qr_label} {label}"))
            .unwrap_or_else(|| markdown::escape(label)),
        Insert::Screen(name) => screens.get(name).cloned().unwrap_or_default(),
        Insert::Value(v) => markdown::escape(v.display()),
        Insert::Literal => "{{".into(),
    };
    let alert_title =
        |kind: BlockQuoteKind| theme.ui.get(lang, "alerts", markdown::alert_name(kind));
    let find_asset = |path: &str| {
        [format!("assets/{lang}/{path}"), format!("assets/{path}")]
            .into_iter()
            .find(|rel| matches!(inputs.files.read(rel), Ok(Some(_))))
    };

    let mut diags = Diagnostics::new();
    let mut rendered: Vec<(Rendered, Rendered)> = Vec::new();
    for page in pages {
        let resolved = match dialect::resolve(&page.body, &page.source, customer, &vars) {
            Ok(r) => r,
            Err(d) => {
                diags.extend(d);
                continue;
            }
        };
        let cx = |target| Context {
            source: &page.source,
            slug: &page.slug,
            target,
            pages: &slugs,
            library: &library,
            customer_id: &customer.id,
            alert_title: &alert_title,
            render_insert: &render_insert,
            find_asset: &find_asset,
        };
        match (
            markdown::render(&resolved, &cx(Target::Site)),
            markdown::render(&resolved, &cx(Target::Print)),
        ) {
            (Ok(site), Ok(print)) => rendered.push((site, print)),
            (Err(d), _) | (_, Err(d)) => diags.extend(d),
        }
    }
    if diags.has_errors() {
        return Err(diags);
    }

    let chrome = |current: Option<&str>| Chrome {
        lang: lang.code(),
        ui: theme.strings(lang),
        customer: CustomerView::new(customer, lang, "../"),
        audience: audience.dir(),
        root: "../".into(),
        nav: pages
            .iter()
            .map(|p| Link {
                title: p.title.clone(),
                href: format!("{}.html", p.slug),
                current: current == Some(p.slug.as_str()),
            })
            .collect(),
        print_href: lang.print_file().into(),
        home_href: "index.html".into(),
    };
    let mut tree = Tree::new();
    let mut assets = BTreeSet::new();
    let mut sections = Vec::new();
    let index: Vec<Entry> = pages
        .iter()
        .zip(&rendered)
        .map(|(p, (site, _))| Entry {
            title: &p.title,
            href: format!("{}.html", p.slug),
            rendered: site,
        })
        .collect();
    tree.insert(
        format!("{lang}/search-index.js"),
        search_index(&index).into_bytes(),
    );
    for (i, (page, (site, print))) in pages.iter().zip(rendered).enumerate() {
        let link = |p: &Page| Link {
            title: p.title.clone(),
            href: format!("{}.html", p.slug),
            current: false,
        };
        let view = PageView {
            chrome: chrome(Some(&page.slug)),
            title: page.title.clone(),
            slug: page.slug.clone(),
            html: site.html,
            headings: h2s(&site.headings),
            verified: page.verified.format_long(lang.date_lang()),
            prev: i.checked_sub(1).and_then(|j| pages.get(j)).map(|p| link(p)),
            next: pages.get(i + 1).map(|p| link(p)),
            languages: language_links(theme, customer, Some(lang), |l| {
                format!("../{}/{}.html", l.code(), page.slug)
            }),
        };
        push(
            &mut tree,
            &mut diags,
            format!("{lang}/{}.html", page.slug),
            theme.render("page.html", &view),
        );
        assets.extend(site.assets);
        sections.push(SectionView {
            slug: page.slug.clone(),
            title: page.title.clone(),
            html: print.html,
            headings: h2s(&print.headings),
            verified: page.verified.format_long(lang.date_lang()),
        });
    }
    let newest = pages.iter().map(|p| p.verified).max();
    let print = PrintView {
        chrome: chrome(None),
        title: theme
            .ui
            .get(lang, "site", &format!("title_{}", audience.dir())),
        date: newest
            .map(|d| d.format_long(lang.date_lang()))
            .unwrap_or_default(),
        sections,
        languages: language_links(theme, customer, Some(lang), |l| {
            format!("../{}/{}", l.code(), l.print_file())
        }),
    };
    push(
        &mut tree,
        &mut diags,
        format!("{lang}/{}", lang.print_file()),
        theme.render("print.html", &print),
    );
    diags.into_result((tree, assets))
}

fn push(tree: &mut Tree, diags: &mut Diagnostics, path: String, html: Result<String, Diagnostic>) {
    match html {
        Ok(html) => {
            tree.insert(path, html.into_bytes());
        }
        Err(d) => diags.push(d),
    }
}

fn h2s(headings: &[markdown::Heading]) -> Vec<HeadingView> {
    headings
        .iter()
        .filter(|h| h.level == 2)
        .map(|h| HeadingView {
            id: h.id.clone(),
            text: h.text.clone(),
        })
        .collect()
}

#[derive(Serialize)]
struct ScreenView<'a> {
    lang: &'static str,
    ui: &'a crate::theme::Strings,
    customer: ScreenCustomer,
    account: String,
    country: &'static str,
}

#[derive(Serialize)]
struct ScreenCustomer {
    name: String,
    short_name: String,
}

/// Every screen drawn once for this customer and language (or their own screenshot).
fn render_screens(
    inputs: &Inputs,
    customer: &Customer,
    lang: Lang,
) -> Result<BTreeMap<String, String>, Diagnostics> {
    let view = ScreenView {
        lang: lang.code(),
        ui: inputs.theme.strings(lang),
        customer: ScreenCustomer {
            name: customer.name.get(lang).into(),
            short_name: customer.short_name.get(lang).into(),
        },
        account: customer.example_account(lang),
        country: match customer.country {
            crate::phone::Country::Nl => "nl",
            crate::phone::Country::Be => "be",
        },
    };
    let mut out = BTreeMap::new();
    let mut diags = Diagnostics::new();
    for name in &inputs.theme.screens {
        let drawn = match inputs.theme.render(&format!("screens/{name}.html"), &view) {
            Ok(html) => html,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let html = match customer.screenshots.get(name) {
            Some((paths, _)) => {
                let caption = drawn
                    .split("<figcaption")
                    .nth(1)
                    .map(|c| format!("<figcaption{}", c.split("</figure>").next().unwrap_or("")))
                    .unwrap_or_default();
                format!(
                    "<figure class=\"screen screen--photo\"><img src=\"../assets/{}\" alt=\"\">{caption}</figure>",
                    markdown::escape(paths.get(lang))
                )
            }
            None => drawn,
        };
        out.insert(name.clone(), html);
    }
    diags.into_result(out)
}
