//! One customer's handbooks: for each audience and language, the site pages and the print
//! edition, plus the static files and assets they use, as files in memory.

use std::collections::{BTreeMap, BTreeSet};

use crate::content::{Audience, Layout, Library, Page};
use crate::customer::Customer;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::files::Files;
use crate::lang::Lang;
use crate::markdown;
use crate::output::nav::{self, Menu};
use crate::output::pages::{RenderedPage, check_anchors, render_pages};
use crate::output::poster::render_poster;
use crate::output::print::render_print;
use crate::output::search::{Entry, search_index};
use crate::theme::view::{
    Chrome, CustomerView, HeadingView, LangLink, LanguageView, PageView, PrintView, SectionView,
};
use crate::theme::{Theme, Value, Values};

/// Relative path → bytes, for one customer's folder.
pub type Tree = BTreeMap<String, Vec<u8>>;

/// Where the files of one customer's folder go as soon as they are made: memory, or a
/// staging folder on disk (so a large handbook is never held in memory whole).
pub trait Put: Sync {
    fn put(&self, rel: String, bytes: Vec<u8>);
}

/// Everything the renderer needs that is the same for every customer.
pub struct Inputs<'a> {
    pub files: &'a Files,
    pub library: &'a Library,
    pub theme: &'a Theme,
}

/// What a customer's output holds besides its files.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Made {
    /// The audiences it has a handbook for.
    pub audiences: Vec<Audience>,
    /// The assets (`assets/…`) its handbooks show.
    pub assets: BTreeSet<String>,
}

/// The handbooks of `customer` (in `langs` only, if not empty): every audience × language
/// with at least one page for it, with those pages in reading order.
pub fn handbooks<'a>(
    library: &'a Library,
    customer: &Customer,
    langs: &[Lang],
) -> Vec<(Audience, Lang, Vec<&'a Page>)> {
    Audience::ALL
        .into_iter()
        .flat_map(|audience| {
            customer
                .languages
                .iter()
                .filter(|l| langs.is_empty() || langs.contains(l))
                .map(move |&lang| (audience, lang))
        })
        .map(|(audience, lang)| {
            let pages: Vec<&Page> = library
                .pages(audience, lang)
                .filter(|p| p.when.as_ref().is_none_or(|w| w.holds(customer)))
                .filter(|p| !p.per_wave || !customer.waves.is_empty())
                .collect();
            (audience, lang, pages)
        })
        .filter(|(_, _, pages)| !pages.is_empty())
        .collect()
}

/// The audiences that `handbooks` are for, each once.
pub fn audiences(handbooks: &[(Audience, Lang, Vec<&Page>)]) -> Vec<Audience> {
    let audiences: BTreeSet<Audience> = handbooks.iter().map(|(a, _, _)| *a).collect();
    audiences.into_iter().collect()
}

/// Renders every audience and language of `customer` (only `langs`, if not empty) into
/// `out`. With errors, what was put must be thrown away.
pub fn render_customer(
    inputs: &Inputs,
    customer: &Customer,
    langs: &[Lang],
    out: &dyn Put,
) -> Result<Made, Diagnostics> {
    let mut made = Made::default();
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
    // Every audience × language is one handbook, rendered one after the other: each
    // renders its pages in parallel, and a long handbook's print edition and search index
    // are held for one handbook at a time.
    // The poster of an audience is a page of its own, outside the handbook.
    type Handbook<'p> = (Audience, Lang, Vec<&'p Page>, Vec<&'p Page>);
    let handbooks: Vec<Handbook> = handbooks(inputs.library, customer, langs)
        .into_iter()
        .map(|(audience, lang, all)| {
            let (posters, pages): (Vec<&Page>, Vec<&Page>) =
                all.into_iter().partition(|p| p.layout == Layout::Poster);
            (audience, lang, pages, posters)
        })
        .filter(|(_, _, pages, _)| !pages.is_empty())
        .collect();
    // The assets each audience's pages use, for every audience that has pages.
    let mut used: BTreeMap<Audience, BTreeSet<String>> = BTreeMap::new();
    for (audience, lang, pages, posters) in &handbooks {
        let put = Prefixed(audience.dir(), out);
        let assets = used.entry(*audience).or_default();
        match render_language(inputs, customer, *audience, *lang, pages, &put) {
            Ok(found) => assets.extend(found),
            Err(d) => diags.extend(d),
        }
        for poster in posters {
            match render_poster(inputs, customer, *audience, *lang, poster, &put) {
                Ok(found) => assets.extend(found),
                Err(d) => diags.extend(d),
            }
        }
    }
    for (audience, mut assets) in used {
        made.audiences.push(audience);
        if let Some(logo) = &customer.logo {
            assets.insert(format!("assets/{logo}"));
        }
        for (paths, _) in customer.screenshots.values() {
            assets.extend(built.iter().map(|&l| format!("assets/{}", paths.get(l))));
        }
        for asset in &assets {
            match inputs.files.read(asset) {
                Ok(Some(file)) => {
                    out.put(
                        format!("{}/{asset}", audience.dir()),
                        file.bytes.into_owned(),
                    );
                }
                _ => diags.push(Diagnostic::error(format!(
                    "the asset `{asset}` cannot be read"
                ))),
            }
        }
        made.assets.extend(assets);
        for file in &inputs.theme.statics {
            out.put(
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
            Ok(html) => out.put(format!("{}/index.html", audience.dir()), html.into_bytes()),
            Err(d) => diags.push(d),
        }
    }
    diags.into_result(made)
}

/// Puts files under a folder of another `Put`.
struct Prefixed<'a>(&'static str, &'a dyn Put);

impl Put for Prefixed<'_> {
    fn put(&self, rel: String, bytes: Vec<u8>) {
        self.1.put(format!("{}/{rel}", self.0), bytes);
    }
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
    out: &dyn Put,
) -> Result<BTreeSet<String>, Diagnostics> {
    let theme = inputs.theme;
    let menu = Menu::new(inputs.library, pages)?;
    let chrome = Values::of(&Chrome {
        lang: lang.code(),
        ui: theme.strings(lang),
        customer: CustomerView::new(customer, lang, "../"),
        audience: audience.dir(),
        root: "../".into(),
        print_href: lang.print_file().into(),
        home_href: "index.html".into(),
    })?;
    // The chrome and the menu as on the page `current` (none: the print edition).
    let chrome = |current: Option<&str>| {
        let mut values = chrome.clone();
        values.set("nav", menu.value(current)?);
        if let Some(slug) = current {
            values.set("menu", Value::from(menu.html(slug)));
        }
        Ok::<_, Diagnostic>(values)
    };
    // Each page is written as soon as it is rendered; only what the search index, the
    // anchor check and the print edition need of it is kept.
    let site_page = |i: usize, done: RenderedPage| {
        let page = pages[i];
        let RenderedPage {
            mut site,
            print,
            messages,
        } = done;
        for (file, text) in messages {
            out.put(format!("{lang}/messages/{file}"), text.into_bytes());
        }
        let link = |p: &Page| nav::link(p, None);
        let href = format!("{}.html", page.slug);
        let entry = Entry::new(&page.title, href.clone(), &mut site);
        let ids = site.headings.iter().map(|h| h.id.clone()).collect();
        let view = PageView {
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
        let rendered = chrome(Some(&page.slug)).and_then(|mut values| {
            values.extend(&view)?;
            theme.render_values("page.html", &values)
        });
        let problem = match rendered {
            Ok(html) => {
                out.put(format!("{lang}/{href}"), html.into_bytes());
                None
            }
            Err(d) => Some(d),
        };
        let section = SectionView {
            part: menu.part_starting_at(&page.slug).map(str::to_string),
            slug: page.slug.clone(),
            title: page.title.clone(),
            html: print.html,
            headings: h2s(&print.headings),
            verified: page.verified.format_long(lang.date_lang()),
        };
        Done {
            assets: site.assets,
            entry,
            anchors: (ids, site.anchors),
            section,
            problem,
        }
    };
    let done = render_pages(inputs, customer, audience, lang, pages, site_page)?;
    let mut assets = BTreeSet::new();
    let mut sections = Vec::with_capacity(pages.len());
    let mut entries = Vec::with_capacity(pages.len());
    let mut anchors = Vec::with_capacity(pages.len());
    let mut diags = Diagnostics::new();
    for page in done {
        assets.extend(page.assets);
        sections.push(page.section);
        entries.push(page.entry);
        anchors.push(page.anchors);
        diags.extend(page.problem.into_iter().collect());
    }
    diags.extend(check_anchors(pages, &anchors));
    let newest = pages.iter().map(|p| p.verified).max();
    let print = PrintView {
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
    // The two big files of a handbook, side by side.
    let (_, print) = rayon::join(
        || {
            let index = search_index(&entries);
            drop(entries);
            out.put(format!("{lang}/search-index.js"), index.into_bytes());
        },
        || {
            render_print(
                theme,
                chrome(None)?,
                print,
                customer.name.get(lang),
                lang.code(),
            )
        },
    );
    match print {
        Ok(html) => out.put(format!("{lang}/{}", lang.print_file()), html),
        Err(d) => diags.push(d),
    }
    diags.into_result(assets)
}

/// What is kept of a page once it is written.
struct Done<'a> {
    assets: BTreeSet<String>,
    entry: Entry<'a>,
    anchors: (BTreeSet<String>, Vec<markdown::Anchor>),
    section: SectionView,
    problem: Option<Diagnostic>,
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
