//! Link and image targets in a page: page links checked against the handbook and rewritten
//! for the site and the print edition, variables as link targets, and images found in `assets/`.

use pulldown_cmark::LinkType;

use super::{Anchor, Renderer};
use crate::diagnostics::did_you_mean;
use crate::dialect::{Insert, split_placeholders};

/// What a link leads to.
enum Dest<'d> {
    /// An address outside the handbook (or nothing, after an error): the same everywhere.
    Outside(String),
    /// A heading of this page.
    Here(&'d str),
    /// Another page of the handbook, or one of its headings.
    Page(&'d str, Option<&'d str>),
}

impl Renderer<'_> {
    /// A link's target in the site, and in the print edition if it is another there
    /// (the print edition is one file: page links become anchors in it).
    pub(super) fn link(
        &mut self,
        dest: &str,
        link_type: LinkType,
        offset: usize,
    ) -> (String, Option<String>) {
        match self.dest(dest, link_type, offset) {
            Dest::Outside(url) => (url, None),
            Dest::Here(id) => (
                format!("#{}", self.site_id(id)),
                Some(format!("#{}", self.print_id(id))),
            ),
            Dest::Page(slug, None) => (format!("{slug}.html"), Some(format!("#page-{slug}"))),
            Dest::Page(slug, Some(a)) => {
                (format!("{slug}.html#{a}"), Some(format!("#{slug}--{a}")))
            }
        }
    }

    fn dest<'d>(&mut self, dest: &'d str, link_type: LinkType, offset: usize) -> Dest<'d> {
        let parts = split_placeholders(dest);
        if parts.iter().any(Result::is_err) {
            return match parts.as_slice() {
                [Err(n)] => Dest::Outside(match self.insert(*n) {
                    Some(Insert::Value(v)) => v.href().unwrap_or_else(|| {
                        self.error(
                            offset,
                            format!("`{}` is text and cannot be a link target", v.display()),
                            "link to a URL, phone number or e-mail variable.".into(),
                        );
                        String::new()
                    }),
                    _ => {
                        self.error(
                            offset,
                            "only a variable can be a link target".into(),
                            "write `[text]({{links.mfa_setup}})`; QR codes and `\\{{` cannot be link targets.".into(),
                        );
                        String::new()
                    }
                }),
                _ => {
                    self.error(
                        offset,
                        "a variable must be the whole link target".into(),
                        "write `[text]({{links.mfa_setup}})` with nothing around the variable."
                            .into(),
                    );
                    Dest::Outside(String::new())
                }
            };
        }
        if matches!(link_type, LinkType::Email)
            || dest.starts_with("https://")
            || dest.starts_with("mailto:")
            || dest.starts_with("tel:")
        {
            return Dest::Outside(dest.to_string());
        }
        if dest.starts_with("http://") {
            self.error(
                offset,
                format!("the link `{dest}` is not https"),
                "link to the https address; handbooks never send readers to plain http.".into(),
            );
            return Dest::Outside(dest.to_string());
        }
        if let Some(anchor) = dest.strip_prefix('#') {
            return Dest::Here(anchor);
        }
        let (file, anchor) = dest
            .split_once('#')
            .map_or((dest, None), |(f, a)| (f, Some(a)));
        let Some(slug) = file
            .strip_suffix(".md")
            .filter(|s| !s.contains('/') && !s.contains(':'))
        else {
            self.error(offset, format!("the link `{dest}` is not a page of this handbook"), "link to another page by its file name, e.g. `[Nieuwe telefoon](lost-phone.md)`, or to an https address.".into());
            return Dest::Outside(dest.to_string());
        };
        if !self.cx.pages.contains(slug) {
            if self.cx.library.contains(slug) {
                self.error(offset, format!("links to `{file}`, which is not in the handbook of the customer `{}`", self.cx.customer_id), format!("put the link inside a `{{{{#if}}}}` block with the same condition as `{file}`'s `when:`."));
            } else {
                let help = match did_you_mean(slug, self.cx.library.iter().map(String::as_str)) {
                    Some(close) => format!("did you mean `{close}.md`?"),
                    None => "check the file name; pages link to pages of the same audience and language.".into(),
                };
                self.error(
                    offset,
                    format!("links to `{file}`, a page that does not exist"),
                    help,
                );
            }
            return Dest::Outside(String::new());
        }
        if let Some(id) = anchor {
            let span = self.span(offset);
            self.out.anchors.push(Anchor {
                slug: slug.to_string(),
                id: id.to_string(),
                span,
            });
        }
        Dest::Page(slug, anchor)
    }

    pub(super) fn image(&mut self, dest: &str, offset: usize) -> String {
        if dest.contains("://") || dest.starts_with("data:") {
            self.error(offset, format!("the image `{dest}` is not a file of the project"), "put the image in `assets/` and write its path there, e.g. `![…](screens/sign-in.png)`; handbooks load nothing from the network.".into());
            return String::new();
        }
        if let Err(why) = crate::files::check_relative(dest) {
            self.error(
                offset,
                format!("image: {why}"),
                "write a path inside `assets/`, e.g. `screens/sign-in.png`.".into(),
            );
            return String::new();
        }
        match (self.cx.find_asset)(dest) {
            Some(asset) => {
                let href = format!("../{asset}");
                self.out.assets.insert(asset);
                href
            }
            None => {
                self.error(
                    offset,
                    format!("the image `{dest}` does not exist"),
                    format!(
                        "add it as `assets/{dest}` (or `assets/<lang>/{dest}` for one language)."
                    ),
                );
                String::new()
            }
        }
    }
}
