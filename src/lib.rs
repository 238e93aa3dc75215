//! handboek: customer-specific, bilingual MFA handbooks from one shared library of step
//! guides and one YAML file per customer.
//!
//! The pipeline is [`build`]; everything it returns is in memory, and only
//! [`output::write_output`] touches the output folder.

#![warn(clippy::print_stdout, clippy::print_stderr)]
#![forbid(unsafe_code)]

pub mod colour;
pub mod content;
pub mod customer;
pub mod date;
pub mod diagnostics;
pub mod dialect;
pub mod files;
pub mod lang;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod phone;
pub mod project;
pub mod qr;
pub mod scaffold;
pub mod secrets;
pub mod serve;
pub mod theme;
pub mod vars;
pub mod yaml;

use anyhow::Result;

use content::load_library;
use diagnostics::Diagnostics;
use files::Files;
use lang::Lang;
use output::{Inputs, Output, render_customers, render_overview};
use project::{load_customers, load_settings};
use theme::load_theme;

/// What to build: all customers and languages, or only the named ones.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    pub customers: Vec<String>,
    pub langs: Vec<Lang>,
}

/// The result of a build: the files of every customer that built without errors, and every
/// problem found. A customer with errors has no files here, so its old output stays.
#[derive(Debug, Default)]
pub struct Build {
    pub output: Output,
    pub diagnostics: Diagnostics,
}

/// load project → load theme → load content → load customers → resolve, render and apply
/// the theme per customer (in parallel) → the overview page.
pub fn build(files: &Files, options: &BuildOptions) -> Result<Build> {
    let mut diags = Diagnostics::new();
    let settings = keep(load_settings(files)?, &mut diags);
    let theme_name = settings.as_ref().map_or("default", |s| s.theme.as_str());
    let theme = keep(load_theme(files, theme_name)?, &mut diags);
    let screens = theme
        .as_ref()
        .map(|t| t.screens.clone())
        .unwrap_or_default();
    let library = keep(load_library(files, &screens)?, &mut diags);
    let Some(settings) = settings else {
        return Ok(Build::failed(diags));
    };
    let customers = keep_all(
        load_customers(files, &settings, &options.customers)?,
        &mut diags,
    );
    let (Some(theme), Some(library)) = (theme, library) else {
        return Ok(Build::failed(diags));
    };
    let inputs = Inputs {
        files,
        library: &library,
        theme: &theme,
    };
    let mut output = render_customers(&inputs, &customers, &options.langs, &mut diags);
    // The overview lists every customer, so it is only rewritten when all of them built.
    if options.customers.is_empty() && options.langs.is_empty() && !diags.has_errors() {
        let msp = settings.msp.name.get(Lang::Nl);
        if let Some(html) = keep(
            render_overview(&theme, msp, &customers, &output).map_err(Diagnostics::from),
            &mut diags,
        ) {
            output.top.insert("index.html".into(), html.into_bytes());
        }
    }
    Ok(Build {
        output,
        diagnostics: diags.sorted(),
    })
}

impl Build {
    fn failed(diags: Diagnostics) -> Build {
        Build {
            output: Output::default(),
            diagnostics: diags.sorted(),
        }
    }
}

/// The value of a stage that either succeeded or has problems to report.
fn keep<T>(result: Result<T, Diagnostics>, diags: &mut Diagnostics) -> Option<T> {
    result.map_err(|d| diags.extend(d)).ok()
}

/// The values of a stage that reports problems beside what it could do.
fn keep_all<T>((value, problems): (T, Diagnostics), diags: &mut Diagnostics) -> T {
    diags.extend(problems);
    value
}
