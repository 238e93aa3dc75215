//! The site menu of one handbook: every page outside a part, and every part, of which only
//! the one holding the current page is opened. Each page's menu is small however long the
//! guide grows (a full list on every page would make a build quadratic in its pages).

use std::collections::HashMap;

use crate::content::{Library, Page};
use crate::theme::view::{Link, NavItem};

/// Consecutive pages that share a part (or share having none).
pub struct Menu<'a> {
    groups: Vec<Group<'a>>,
    /// The group of each page, by slug: finding the open part must not walk every page.
    group_of: HashMap<&'a str, usize>,
}

struct Group<'a> {
    title: Option<&'a str>,
    pages: Vec<&'a Page>,
}

impl<'a> Menu<'a> {
    /// Groups `pages` (in reading order) by their part.
    pub fn new(library: &'a Library, pages: &[&'a Page]) -> Menu<'a> {
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
        Menu { groups, group_of }
    }

    /// The menu as shown on the page `current` (none: the print edition).
    pub fn items(&self, current: Option<&str>) -> Vec<NavItem> {
        let open = current.and_then(|slug| self.group_of.get(slug).copied());
        self.groups
            .iter()
            .enumerate()
            .map(|(i, g)| match g.title {
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
            })
            .collect()
    }

    /// The title of the part that starts at the page `slug`, if one does.
    pub fn part_starting_at(&self, slug: &str) -> Option<&str> {
        let group = &self.groups[*self.group_of.get(slug)?];
        (group.pages[0].slug == slug)
            .then_some(group.title)
            .flatten()
    }
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
