//! `public/index.html`: every customer of the build with links to each handbook, for the
//! MSP's consultants (not for publishing to employees).

use crate::customer::Customer;
use crate::diagnostics::Diagnostic;
use crate::lang::Lang;
use crate::output::Built;
use crate::theme::Theme;
use crate::theme::view::{LangLink, OverviewAudience, OverviewCustomer, OverviewView};

pub fn render_overview(
    theme: &Theme,
    msp: &str,
    customers: &[Customer],
    built: &Built,
) -> Result<String, Diagnostic> {
    let lang = Lang::Nl;
    let customers = customers
        .iter()
        .filter_map(|c| {
            let audiences = built
                .get(&c.id)?
                .iter()
                .map(|a| OverviewAudience {
                    audience: a.dir(),
                    languages: c
                        .languages
                        .iter()
                        .map(|&l| LangLink {
                            code: l.code(),
                            name: theme.ui.get(l, "site", "language_name"),
                            href: format!("{}/{}/{}/index.html", c.id, a.dir(), l.code()),
                            current: false,
                        })
                        .collect(),
                })
                .collect();
            Some(OverviewCustomer {
                id: c.id.clone(),
                name: c.name.get(c.languages[0]).to_string(),
                method: c.method.name(),
                audiences,
            })
        })
        .collect();
    theme.render(
        "overview.html",
        &OverviewView {
            lang: lang.code(),
            ui: theme.strings(lang),
            msp: msp.to_string(),
            customers,
        },
    )
}
