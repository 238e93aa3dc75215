//! Blocks drawn once per handbook, when a page first asks for them, and placed wherever a
//! page asks: the "what you will see" screens (or the customer's own screenshots) and the
//! rollout schedule.

use std::collections::HashMap;
use std::sync::Mutex;

use serde::Serialize;

use super::{Inputs, lock};
use crate::customer::{Customer, move_date, move_to};
use crate::date::Date;
use crate::diagnostics::{Diagnostic, Diagnostics};
use crate::lang::Lang;
use crate::markdown;
use crate::phone::Country;
use crate::theme::Strings;

/// The blocks of one customer in one language, each drawn once.
pub struct Blocks<'a> {
    inputs: &'a Inputs<'a>,
    customer: &'a Customer,
    lang: Lang,
    drawn: Mutex<HashMap<String, String>>,
    problems: Mutex<Diagnostics>,
}

#[derive(Serialize)]
struct ScreenView<'a> {
    lang: &'static str,
    ui: &'a Strings,
    customer: ScreenCustomer,
    account: String,
    country: &'static str,
    /// `sms.calls`: the tenant lets employees take a voice call, so "Call me" is offered.
    calls: bool,
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
    /// Every row in date order: the waves, the mandatory day and, for a customer on
    /// Microsoft's text messages, the move off them and the day they stop.
    rows: Vec<RowView>,
    waves: Vec<WaveView>,
    mandatory_from: String,
}

#[derive(Serialize)]
struct WaveView {
    number: usize,
    name: String,
    date: String,
}

#[derive(Serialize)]
struct RowView {
    /// `wave`, `mandatory`, `moved` or `sms_retirement`.
    kind: &'static str,
    /// The wave's number; none for the other rows.
    number: Option<usize>,
    name: String,
    date: String,
}

impl<'a> Blocks<'a> {
    pub fn new(inputs: &'a Inputs<'a>, customer: &'a Customer, lang: Lang) -> Blocks<'a> {
        Blocks {
            inputs,
            customer,
            lang,
            drawn: Mutex::default(),
            problems: Mutex::default(),
        }
    }

    /// The screen `name`, drawn the first time a page asks for it (or the customer's own
    /// screenshot): most handbooks show few of the theme's screens.
    pub fn screen(&self, name: &str) -> String {
        self.once(&format!("screen:{name}"), || self.draw_screen(name))
    }

    /// `{{schedule}}`: the rollout waves and the day MFA becomes mandatory.
    pub fn schedule(&self) -> String {
        self.once("schedule", || self.draw_schedule())
    }

    /// Problems found while drawing.
    pub fn problems(&self) -> Diagnostics {
        std::mem::take(&mut *lock(&self.problems))
    }

    fn once(&self, key: &str, draw: impl FnOnce() -> Result<String, Diagnostic>) -> String {
        if let Some(html) = lock(&self.drawn).get(key) {
            return html.clone();
        }
        let html = draw().unwrap_or_else(|d| {
            lock(&self.problems).push(d);
            String::new()
        });
        lock(&self.drawn).insert(key.to_string(), html.clone());
        html
    }

    fn draw_schedule(&self) -> Result<String, Diagnostic> {
        let (customer, lang) = (self.customer, self.lang);
        let ui = &self.inputs.theme.ui;
        let date = |d: Date| d.format_with_weekday(lang.date_lang());
        let waves: Vec<WaveView> = customer
            .waves
            .iter()
            .enumerate()
            .map(|(i, w)| WaveView {
                number: i + 1,
                name: w.name.get(lang).to_string(),
                date: date(w.date),
            })
            .collect();
        let row = |kind, number, name, day| {
            (
                day,
                RowView {
                    kind,
                    number,
                    name,
                    date: date(day),
                },
            )
        };
        let mut rows: Vec<(Date, RowView)> = customer
            .waves
            .iter()
            .zip(&waves)
            .map(|(w, v)| row("wave", Some(v.number), v.name.clone(), w.date))
            .collect();
        let mandatory = ui.get(lang, "rollout", "mandatory");
        rows.push(row("mandatory", None, mandatory, customer.mandatory_from));
        if let Some(day) = move_date(customer) {
            let to = ui.get(lang, "methods", move_to(customer).name());
            let moved = ui.get(lang, "rollout", "moved").replace("{method}", &to);
            rows.push(row("moved", None, moved, day));
            let stop = ui.get(lang, "rollout", "sms_retirement");
            rows.push(row("sms_retirement", None, stop, customer.sms_retirement));
        }
        // Stable: on the same day a wave comes before the mandatory day, the move before
        // the retirement.
        rows.sort_by_key(|(day, _)| *day);
        let view = ScheduleView {
            lang: lang.code(),
            ui: self.inputs.theme.strings(lang),
            rows: rows.into_iter().map(|(_, r)| r).collect(),
            waves,
            mandatory_from: date(customer.mandatory_from),
        };
        self.inputs.theme.render("schedule.html", &view)
    }

    fn draw_screen(&self, name: &str) -> Result<String, Diagnostic> {
        let (customer, lang) = (self.customer, self.lang);
        let view = ScreenView {
            lang: lang.code(),
            ui: self.inputs.theme.strings(lang),
            customer: ScreenCustomer {
                name: customer.name.get(lang).into(),
                short_name: customer.short_name.get(lang).into(),
            },
            account: customer.example_account(lang),
            country: match customer.country {
                Country::Nl => "nl",
                Country::Be => "be",
            },
            calls: customer.sms.calls,
        };
        let drawn = self
            .inputs
            .theme
            .render(&format!("screens/{name}.html"), &view)?;
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
        Ok(html)
    }
}
