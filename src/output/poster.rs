//! An audience's one-page poster (a page with `layout: poster`): rendered like any page,
//! then put in the theme's `poster.html` and written as `affiche.html` / `poster.html`,
//! outside the menu, the print edition and the search.

use std::collections::BTreeSet;

use crate::content::{Audience, Page};
use crate::customer::Customer;
use crate::diagnostics::Diagnostics;
use crate::lang::Lang;
use crate::output::handbook::{Inputs, Put};
use crate::output::pages::render_pages;
use crate::theme::view::{CustomerView, PosterView};

/// Writes `page` as the poster of `audience` in `lang`; returns the assets it uses.
pub fn render_poster(
    inputs: &Inputs,
    customer: &Customer,
    audience: Audience,
    lang: Lang,
    page: &Page,
    out: &dyn Put,
) -> Result<BTreeSet<String>, Diagnostics> {
    let mut rendered = render_pages(inputs, customer, audience, lang, &[page], |_, r| r)?;
    let Some(rendered) = rendered.pop() else {
        return Ok(BTreeSet::new());
    };
    let view = PosterView {
        lang: lang.code(),
        ui: inputs.theme.strings(lang),
        customer: CustomerView::new(customer, lang, "../"),
        audience: audience.dir(),
        root: "../".into(),
        title: page.title.clone(),
        date: customer
            .mandatory_from
            .format_with_weekday(lang.date_lang()),
        html: rendered.site.html,
    };
    let html = inputs
        .theme
        .render("poster.html", &view)
        .map_err(Diagnostics::from)?;
    out.put(format!("{lang}/{}", lang.poster_file()), html.into_bytes());
    Ok(rendered.site.assets)
}
