//! Link and image targets in a page: page links checked against the handbook and rewritten
//! for the site and the print edition, variables as link targets, and images found in `assets/`.

use std::ops::Range;

use pulldown_cmark::LinkType;

use super::{Anchor, Renderer, escape};
use crate::diagnostics::did_you_mean;
use crate::dialect::{Insert, split_placeholders};
use crate::learn::docfx::Figure;

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
        at: Range<usize>,
    ) -> (String, Option<String>) {
        match self.dest(dest, link_type, at) {
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

    fn dest<'d>(&mut self, dest: &'d str, link_type: LinkType, at: Range<usize>) -> Dest<'d> {
        let parts = split_placeholders(dest);
        if parts.iter().any(Result::is_err) {
            return match parts.as_slice() {
                [Err(n)] => Dest::Outside(match self.insert(*n) {
                    Some(Insert::Value(v)) => v.href().unwrap_or_else(|| {
                        self.error(
                            at.clone(),
                            format!("`{}` is text and cannot be a link target", v.display()),
                            "link to a URL, phone number or e-mail variable.".into(),
                        );
                        String::new()
                    }),
                    _ => {
                        self.error(
                            at.clone(),
                            "only a variable can be a link target".into(),
                            "write `[text]({{links.mfa_setup}})`; QR codes and `\\{{` cannot be link targets.".into(),
                        );
                        String::new()
                    }
                }),
                _ => {
                    self.error(
                        at.clone(),
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
                at.clone(),
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
            let help = crate::learn::address::hint(dest, &self.cx.source.text).unwrap_or_else(|| "link to another page by its file name, e.g. `[Nieuwe telefoon](lost-phone.md)`, or to an https address.".into());
            self.error(
                at.clone(),
                format!("the link `{dest}` is not a page of this handbook"),
                help,
            );
            return Dest::Outside(dest.to_string());
        };
        if !self.cx.pages.contains(slug) {
            if self.cx.library.contains(slug) {
                self.error(at.clone(), format!("links to `{file}`, which is not in the handbook of the customer `{}`", self.cx.customer_id), format!("put the link inside a `{{{{#if}}}}` block with the same condition as `{file}`'s `when:`."));
            } else {
                let learn = || crate::learn::address::hint(dest, &self.cx.source.text);
                let help = match did_you_mean(slug, self.cx.library.iter().map(String::as_str)) {
                    Some(close) => format!("did you mean `{close}.md`?"),
                    None => learn().map_or_else(
                        || "check the file name; pages link to pages of the same audience and language.".into(),
                        |learn| format!("no page of this audience is called `{file}`; {learn}"),
                    ),
                };
                self.error(
                    at.clone(),
                    format!("links to `{file}`, a page that does not exist"),
                    help,
                );
            }
            return Dest::Outside(String::new());
        }
        if let Some(id) = anchor {
            let span = self.span(at);
            self.out.anchors.push(Anchor {
                slug: slug.to_string(),
                id: id.to_string(),
                span,
            });
        }
        Dest::Page(slug, anchor)
    }

    pub(super) fn image(&mut self, dest: &str, at: Range<usize>) -> String {
        self.find_image(dest).unwrap_or_else(|(message, help)| {
            self.error(at, message, help);
            String::new()
        })
    }

    /// A DocFX `:::image` as a figure: its picture found and checked like any image.
    pub(super) fn figure(&mut self, figure: &Figure) -> String {
        let src = self
            .find_image(&figure.src)
            .unwrap_or_else(|(message, help)| {
                self.error_at(figure.src_span, message, help);
                String::new()
            });
        let caption = figure
            .caption
            .as_ref()
            .map(|c| format!("<figcaption>{}</figcaption>", escape(c)))
            .unwrap_or_default();
        format!(
            "<figure class=\"figure\"><img src=\"{}\" alt=\"{}\">{caption}</figure>\n",
            escape(&src),
            escape(&figure.alt)
        )
    }

    /// The address of the image `dest` (a path under `assets/`), or what is wrong with it.
    fn find_image(&mut self, dest: &str) -> Result<String, (String, String)> {
        if dest.contains("://") || dest.starts_with("data:") || dest.starts_with("//") {
            return Err((format!("the image `{dest}` is not a file of the project"), "save the picture under `assets/` and write its path there, e.g. `![…](screens/sign-in.png)`; handbooks load nothing from the network.".into()));
        }
        // `./media/x.png` is `media/x.png`: Learn pages write both.
        let mut path = dest;
        while let Some(rest) = path.strip_prefix("./") {
            path = rest;
        }
        if let Err(why) = crate::files::check_relative(path) {
            return Err((
                format!("image: {why}"),
                "write a path inside `assets/`, e.g. `screens/sign-in.png`.".into(),
            ));
        }
        match (self.cx.find_asset)(path) {
            Some(asset) => {
                let href = format!("../{}", crate::files::url_path(&asset));
                self.out.assets.insert(asset);
                Ok(href)
            }
            None => Err((
                format!("the image `{dest}` does not exist"),
                format!("save it as `assets/{path}` (or `assets/<lang>/{path}` for one language)."),
            )),
        }
    }
}
