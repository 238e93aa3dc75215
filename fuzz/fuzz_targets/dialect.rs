//! A page body through the dialect (variables, conditions, QR, screens), resolved for a
//! customer and rendered as Markdown, as a build does with every page.
#![no_main]

mod shared;

use std::collections::BTreeSet;

use handboek::diagnostics::Source;
use handboek::dialect::{Insert, Known, parse, resolve};
use handboek::lang::Lang;
use handboek::markdown::{Context, render};
use handboek::vars::variables;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Some(body) = shared::text(data) else {
        return;
    };
    let source = Source::new("content/nl/employee/fuzz.md", body);
    let screens = BTreeSet::from(["approve-number".to_string(), "sign-in".to_string()]);
    let terms = shared::terms();
    let known = Known {
        lang: Lang::Nl,
        screens: &screens,
        terms,
    };
    let (template, problems) = parse(&source, &source.text, 1, &known);
    shared::printable(&problems);
    if !problems.is_empty() {
        return;
    }
    let customer = shared::customer();
    let vars = variables(customer, Lang::Nl, "de app");
    let resolved = match resolve(&template, &source, customer, &vars) {
        Ok(r) => r,
        Err(d) => return shared::printable(&d),
    };
    let pages = BTreeSet::from(["index".to_string(), "fuzz".to_string()]);
    let insert = |i: &Insert| format!("<span>{i:?}</span>");
    // One render gives the site page and the print edition's section: both are checked.
    for site_prefix in [None, Some("wave-1")] {
        let cx = Context {
            source: &source,
            lang: Lang::Nl,
            slug: "fuzz",
            site_prefix,
            print_prefix: "fuzz",
            pages: &pages,
            library: &pages,
            customer_id: "fuzz",
            alert_title: &|kind| format!("{kind:?}"),
            task_label: &|done| done.to_string(),
            code_label: "Code",
            render_insert: &insert,
            find_asset: &|path| Some(format!("assets/{path}")),
        };
        match render(&resolved, &cx) {
            Ok(page) => {
                for html in [&page.html, &page.print.html] {
                    assert!(
                        !html.contains("{{") || body.contains("\\{{"),
                        "a `{{{{` published from {body:?}"
                    );
                }
            }
            Err(d) => shared::printable(&d),
        }
    }
});
