//! What templates see: plain, serialisable view models with every value ready to print.
//! Strings are escaped by Tera; only `html` fields (our rendered Markdown) are marked safe.

use serde::Serialize;

use super::Strings;
use crate::customer::Customer;
use crate::lang::Lang;

#[derive(Debug, Clone, Serialize)]
pub struct CustomerView {
    pub id: String,
    pub name: String,
    pub short_name: String,
    /// Relative URL of the logo from the page, if the customer has one.
    pub logo: Option<String>,
    pub primary: String,
    pub on_primary: String,
    pub method: &'static str,
    pub helpdesk: HelpdeskView,
    pub msp: MspView,
}

#[derive(Debug, Clone, Serialize)]
pub struct HelpdeskView {
    pub name: String,
    pub phone: String,
    pub phone_href: String,
    pub email: String,
    pub email_href: String,
    pub hours: Option<String>,
    pub url: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MspView {
    pub name: String,
    pub url: Option<String>,
}

impl CustomerView {
    /// The customer as a page at `root` (the relative path to the audience folder) sees it.
    pub fn new(c: &Customer, lang: Lang, root: &str) -> CustomerView {
        CustomerView {
            id: c.id.clone(),
            name: c.name.get(lang).to_string(),
            short_name: c.short_name.get(lang).to_string(),
            logo: c.logo.as_ref().map(|l| format!("{root}assets/{l}")),
            primary: c.brand.primary.to_hex(),
            on_primary: c.brand.on_primary.to_hex(),
            method: c.method.name(),
            helpdesk: HelpdeskView {
                name: c.helpdesk.name.get(lang).to_string(),
                phone: c.helpdesk.phone.display().to_string(),
                phone_href: format!("tel:{}", c.helpdesk.phone.e164()),
                email: c.helpdesk.email.0.clone(),
                email_href: format!("mailto:{}", c.helpdesk.email.0),
                hours: c.helpdesk.hours.as_ref().map(|h| h.get(lang).to_string()),
                url: c.helpdesk.url.as_ref().map(|u| u.0.clone()),
            },
            msp: MspView {
                name: c.msp.name.get(lang).to_string(),
                url: c.msp.url.as_ref().map(|u| u.0.clone()),
            },
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub title: String,
    pub href: String,
    pub current: bool,
}

/// An entry of the site menu: a page, or a part with its pages listed when it holds the
/// current page.
#[derive(Debug, Clone, Serialize)]
pub struct NavItem {
    pub title: String,
    pub href: String,
    pub current: bool,
    pub part: bool,
    pub pages: Vec<Link>,
}

impl NavItem {
    pub fn page(link: Link) -> NavItem {
        NavItem {
            title: link.title,
            href: link.href,
            current: link.current,
            part: false,
            pages: Vec::new(),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct LangLink {
    pub code: &'static str,
    /// The language's own name ("Nederlands", "English").
    pub name: String,
    pub href: String,
    pub current: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct HeadingView {
    pub id: String,
    pub text: String,
}

/// Shared by every page of one customer × audience × language (made into template values
/// once; each page adds its `nav`, a list of [`NavItem`], and its own view).
#[derive(Debug, Clone, Serialize)]
pub struct Chrome<'a> {
    pub lang: &'static str,
    pub ui: &'a Strings,
    pub customer: CustomerView,
    pub audience: &'static str,
    /// Relative path from the page to the audience folder (`../`).
    pub root: String,
    pub print_href: String,
    pub home_href: String,
}

/// A site page, over its [`Chrome`].
#[derive(Debug, Clone, Serialize)]
pub struct PageView {
    pub title: String,
    pub slug: String,
    pub html: String,
    pub headings: Vec<HeadingView>,
    pub verified: String,
    pub prev: Option<Link>,
    pub next: Option<Link>,
    pub languages: Vec<LangLink>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// The title of the part that starts with this page.
    pub part: Option<String>,
    pub slug: String,
    pub title: String,
    pub html: String,
    pub headings: Vec<HeadingView>,
    pub verified: String,
}

/// The print edition, over its [`Chrome`].
#[derive(Debug, Clone, Serialize)]
pub struct PrintView {
    pub title: String,
    pub date: String,
    pub sections: Vec<SectionView>,
    pub languages: Vec<LangLink>,
}

/// An audience's one-page poster (`affiche.html` / `poster.html`): a page with
/// `layout: poster`, outside the menu and the print edition.
#[derive(Debug, Clone, Serialize)]
pub struct PosterView<'a> {
    pub lang: &'static str,
    pub ui: &'a Strings,
    pub customer: CustomerView,
    pub audience: &'static str,
    pub root: String,
    pub title: String,
    /// The day MFA becomes mandatory, with its weekday.
    pub date: String,
    pub html: String,
}

/// The audience folder's `index.html`: the choice of language.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageView<'a> {
    pub lang: &'static str,
    pub ui: &'a Strings,
    pub customer: CustomerView,
    pub audience: &'static str,
    pub root: String,
    pub home_href: String,
    pub languages: Vec<LangLink>,
}

/// `public/index.html`: every customer built, for the MSP.
#[derive(Debug, Clone, Serialize)]
pub struct OverviewView<'a> {
    pub lang: &'static str,
    pub ui: &'a Strings,
    pub msp: String,
    pub customers: Vec<OverviewCustomer>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverviewCustomer {
    pub id: String,
    pub name: String,
    pub method: &'static str,
    pub audiences: Vec<OverviewAudience>,
}

#[derive(Debug, Clone, Serialize)]
pub struct OverviewAudience {
    pub audience: &'static str,
    pub languages: Vec<LangLink>,
}
