//! The site menu of one handbook: every page outside a part, and every part, of which only
//! the one holding the current page is opened. Each page's menu is small however long the
//! guide grows (a full list on every page would make a build quadratic in its pages).
//! Every entry but the open one is the same on every page, so each is made into a
//! template value (`nav`) and into HTML (`menu`) once.

use std::collections::HashMap;

use crate::content::{Library, Page};
use crate::diagnostics::Diagnostic;
use crate::markdown::escape_pieces;
use crate::theme::view::{Link, NavItem};
use crate::theme::{Value, value_of};

/// Consecutive pages that share a part (or share having none).
pub struct Menu<'a> {
    groups: Vec<Group<'a>>,
    /// The group of each page, by slug: finding the open part must not walk every page.
    group_of: HashMap<&'a str, usize>,
    /// Each group's entry as a template value, as shown on a page outside it.
    closed: Vec<Value>,
    /// Each part's entry as shown on a page inside it, with no page marked current: a page
    /// of the part changes only its own link.
    opened: Vec<Option<Value>>,
    /// Each group's entry as HTML, as shown on a page outside it.
    closed_html: Vec<String>,
    /// Each part's entry as HTML on a page inside it: the part's link, and each page's
    /// item unmarked (a page of the part makes only its own item again).
    opened_html: Vec<Option<(String, Vec<String>)>>,
}

struct Group<'a> {
    title: Option<&'a str>,
    pages: Vec<&'a Page>,
}

impl<'a> Menu<'a> {
    /// Groups `pages` (in reading order) by their part.
    pub fn new(library: &'a Library, pages: &[&'a Page]) -> Result<Menu<'a>, Diagnostic> {
        let mut groups: Vec<Group> = Vec::new();
        for &page in pages {
            match groups.last_mut() {
                Some(g) if page.part.is_some() && g.pages[0].part == page.part => {
                    g.pages.push(page)
                }
                _ => groups.push(Group {
                    title: library.part_of(page).map(|p| p.title.as_str()),
                    pages: vec![page],
                }),
            }
        }
        let group_of = groups
            .iter()
            .enumerate()
            .flat_map(|(i, g)| g.pages.iter().map(move |p| (p.slug.as_str(), i)))
            .collect();
        let mut menu = Menu {
            groups,
            group_of,
            closed: Vec::new(),
            opened: Vec::new(),
            closed_html: Vec::new(),
            opened_html: Vec::new(),
        };
        menu.closed_html = (0..menu.groups.len())
            .map(|i| entry_html(&menu.item(i, None, None)))
            .collect();
        menu.opened_html = (0..menu.groups.len())
            .map(|i| {
                let item = menu.item(i, Some(i), None);
                item.part.then(|| {
                    let mut head = String::new();
                    push_part_link(&mut head, &item);
                    (head, item.pages.iter().map(page_html).collect())
                })
            })
            .collect();
        menu.closed = (0..menu.groups.len())
            .map(|i| value_of(&menu.item(i, None, None)))
            .collect::<Result<_, _>>()?;
        menu.opened = (0..menu.groups.len())
            .map(|i| match menu.groups[i].title {
                Some(_) => value_of(&menu.item(i, Some(i), None)).map(Some),
                None => Ok(None),
            })
            .collect::<Result<_, _>>()?;
        Ok(menu)
    }

    /// The menu as shown on the page `current` (none: the print edition), as a template
    /// value.
    pub fn value(&self, current: Option<&str>) -> Result<Value, Diagnostic> {
        let open = current.and_then(|slug| self.group_of.get(slug).copied());
        let mut items = self.closed.clone();
        if let Some(i) = open {
            items[i] = match (&self.opened[i], current) {
                (Some(opened), Some(slug)) => self.with_current(i, opened, slug)?,
                _ => value_of(&self.item(i, open, current))?,
            };
        }
        Ok(Value::from(items))
    }

    /// The menu as HTML on the page `current`: the same entries as [`Menu::value`], in an
    /// `<ol>`; the open part's pages in an `<ol>` of their own, the current page's link
    /// marked `aria-current="page"`. Made here rather than by the template, which would
    /// walk every entry of the menu again on every page.
    pub fn html(&self, current: &str) -> String {
        let open = self.group_of.get(current).copied();
        let size = self.closed_html.iter().map(String::len).sum::<usize>();
        let mut out = String::with_capacity(size + 4096);
        out.push_str("<ol>\n");
        for (i, closed) in self.closed_html.iter().enumerate() {
            match (open == Some(i), &self.opened_html[i]) {
                (true, Some((head, items))) => {
                    out.push_str(head);
                    for (page, item) in self.groups[i].pages.iter().zip(items) {
                        match page.slug == current {
                            true => out.push_str(&page_html(&link(page, Some(current)))),
                            false => out.push_str(item),
                        }
                    }
                    out.push_str("</ol>\n</li>\n");
                }
                (true, None) => push_entry(&mut out, &self.item(i, open, Some(current))),
                (false, _) => out.push_str(closed),
            }
        }
        out.push_str("</ol>");
        out
    }

    /// The entry `opened` of part `i` with the link to the page `slug` marked current: the
    /// same value as the part's item on that page, made by replacing one link.
    fn with_current(&self, i: usize, opened: &Value, slug: &str) -> Result<Value, Diagnostic> {
        let pages = &self.groups[i].pages;
        let (Some(k), Some(mut entry)) = (
            pages.iter().position(|p| p.slug == slug),
            opened.clone().into_map(),
        ) else {
            return value_of(&self.item(i, Some(i), Some(slug)));
        };
        let mut links = entry
            .get(&tera::value::Key::from("pages"))
            .and_then(Value::as_array)
            .map(<[Value]>::to_vec)
            .unwrap_or_default();
        if links.len() != pages.len() {
            return value_of(&self.item(i, Some(i), Some(slug)));
        }
        links[k] = value_of(&link(pages[k], Some(slug)))?;
        entry.insert("pages".into(), Value::from(links));
        Ok(Value::from(entry))
    }

    /// The entry of group `i`, on the page `current` of the open group.
    fn item(&self, i: usize, open: Option<usize>, current: Option<&str>) -> NavItem {
        let g = &self.groups[i];
        match g.title {
            None => NavItem::page(link(g.pages[0], current)),
            Some(title) => NavItem {
                title: title.to_string(),
                href: href(g.pages[0]),
                current: false,
                part: true,
                pages: match open == Some(i) {
                    true => g.pages.iter().map(|p| link(p, current)).collect(),
                    false => Vec::new(),
                },
            },
        }
    }

    /// The title of the part that starts at the page `slug`, if one does.
    pub fn part_starting_at(&self, slug: &str) -> Option<&str> {
        let group = &self.groups[*self.group_of.get(slug)?];
        (group.pages[0].slug == slug)
            .then_some(group.title)
            .flatten()
    }
}

fn entry_html(item: &NavItem) -> String {
    let mut out = String::new();
    push_entry(&mut out, item);
    out
}

/// One entry of the menu: a page's link, or a part's with, when it is open, its pages.
fn push_entry(out: &mut String, item: &NavItem) {
    if !item.part {
        out.push_str("<li>");
        push_link(out, &item.href, &item.title, item.current, "");
        out.push_str("</li>\n");
        return;
    }
    push_part_link(out, item);
    if item.pages.is_empty() {
        out.push_str("</li>\n");
        return;
    }
    for page in &item.pages {
        out.push_str(&page_html(page));
    }
    out.push_str("</ol>\n</li>\n");
}

/// The start of a part's entry: its link and, when open, the start of its pages' list.
fn push_part_link(out: &mut String, item: &NavItem) {
    out.push_str("<li class=\"chapters__part\">");
    let open = !item.pages.is_empty();
    let class = if open {
        " class=\"chapters__open\""
    } else {
        ""
    };
    push_link(out, &item.href, &item.title, false, class);
    if open {
        out.push_str("\n<ol>\n");
    }
}

fn page_html(page: &Link) -> String {
    let mut out = String::from("<li>");
    push_link(&mut out, &page.href, &page.title, page.current, "");
    out.push_str("</li>\n");
    out
}

fn push_link(out: &mut String, href: &str, title: &str, current: bool, class: &str) {
    out.push_str("<a href=\"");
    escape_pieces(href, |piece| out.push_str(piece));
    out.push('"');
    out.push_str(class);
    if current {
        out.push_str(" aria-current=\"page\"");
    }
    out.push('>');
    escape_pieces(title, |piece| out.push_str(piece));
    out.push_str("</a>");
}

pub fn link(page: &Page, current: Option<&str>) -> Link {
    Link {
        title: page.title.clone(),
        href: href(page),
        current: current == Some(page.slug.as_str()),
    }
}

fn href(page: &Page) -> String {
    format!("{}.html", page.slug)
}
