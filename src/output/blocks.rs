//! Blocks drawn once per customer and language and placed wherever a page asks: the "what
//! you will see" screens (or the customer's own screenshots) and the rollout schedule.

use std::collections::BTreeMap;

use serde::Serialize;

use super::Inputs;
use crate::customer::Customer;
use crate::diagnostics::Diagnostics;
use crate::lang::Lang;
use crate::markdown;
use crate::phone::Country;
use crate::theme::Strings;

/// The HTML of every block, by name: each screen, and `schedule`.
pub struct Blocks {
    pub screens: BTreeMap<String, String>,
    pub schedule: String,
}

#[derive(Serialize)]
struct ScreenView<'a> {
    lang: &'static str,
    ui: &'a Strings,
    customer: ScreenCustomer,
    account: String,
    country: &'static str,
}

#[derive(Serialize)]
struct ScreenCustomer {
    name: String,
    short_name: String,
}

#[derive(Serialize)]
struct ScheduleView<'a> {
    lang: &'static str,
    ui: &'a Strings,
    waves: Vec<WaveView>,
    mandatory_from: String,
}

#[derive(Serialize)]
struct WaveView {
    number: usize,
    name: String,
    date: String,
}

pub fn render_blocks(
    inputs: &Inputs,
    customer: &Customer,
    lang: Lang,
) -> Result<Blocks, Diagnostics> {
    let mut diags = Diagnostics::new();
    let screens = render_screens(inputs, customer, lang, &mut diags);
    let view = ScheduleView {
        lang: lang.code(),
        ui: inputs.theme.strings(lang),
        waves: customer
            .waves
            .iter()
            .enumerate()
            .map(|(i, w)| WaveView {
                number: i + 1,
                name: w.name.get(lang).to_string(),
                date: w.date.format_with_weekday(lang.date_lang()),
            })
            .collect(),
        mandatory_from: customer
            .mandatory_from
            .format_with_weekday(lang.date_lang()),
    };
    let schedule = inputs
        .theme
        .render("schedule.html", &view)
        .unwrap_or_else(|d| {
            diags.push(d);
            String::new()
        });
    diags.into_result(Blocks { screens, schedule })
}

/// Every screen drawn once for this customer and language (or their own screenshot).
fn render_screens(
    inputs: &Inputs,
    customer: &Customer,
    lang: Lang,
    diags: &mut Diagnostics,
) -> BTreeMap<String, String> {
    let view = ScreenView {
        lang: lang.code(),
        ui: inputs.theme.strings(lang),
        customer: ScreenCustomer {
            name: customer.name.get(lang).into(),
            short_name: customer.short_name.get(lang).into(),
        },
        account: customer.example_account(lang),
        country: match customer.country {
            Country::Nl => "nl",
            Country::Be => "be",
        },
    };
    let mut out = BTreeMap::new();
    for name in &inputs.theme.screens {
        let drawn = match inputs.theme.render(&format!("screens/{name}.html"), &view) {
            Ok(html) => html,
            Err(d) => {
                diags.push(d);
                continue;
            }
        };
        let html = match customer.screenshots.get(name) {
            // The customer's screenshot keeps the drawn screen's caption, which says in words
            // what the picture shows.
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
    out
}
