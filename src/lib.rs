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
pub mod phone;
pub mod project;
pub mod qr;
pub mod scaffold;
pub mod theme;
pub mod vars;
pub mod yaml;

use anyhow::Result;
use rayon::prelude::*;

use content::load_library;
use diagnostics::Diagnostics;
use files::Files;
use lang::Lang;
use output::{Inputs, Output, render_customer, render_overview};
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

/// load project → load theme → load content → load customers → resolve, render, apply
/// theme per customer (in parallel) → the overview page.
pub fn build(files: &Files, options: &BuildOptions) -> Result<Build> {
    let mut diags = Diagnostics::new();
    let settings = load_settings(files)?.map_err(|d| diags.extend(d)).ok();
    let theme_name = settings.as_ref().map_or("default", |s| s.theme.as_str());
    let theme = load_theme(files, theme_name)?
        .map_err(|d| diags.extend(d))
        .ok();
    let screens = theme
        .as_ref()
        .map(|t| t.screens.clone())
        .unwrap_or_default();
    let library = load_library(files, &screens)?
        .map_err(|d| diags.extend(d))
        .ok();
    let (Some(settings), Some(theme), Some(library)) = (settings, theme, library) else {
        return Ok(Build {
            output: Output::default(),
            diagnostics: diags.sorted(),
        });
    };
    let (customers, customer_diags) = load_customers(files, &settings, &options.customers)?;
    diags.extend(customer_diags);
    let inputs = Inputs {
        files,
        library: &library,
        theme: &theme,
    };
    let rendered: Vec<_> = customers
        .par_iter()
        .map(|c| render_customer(&inputs, c, &options.langs))
        .collect();
    let mut output = Output::default();
    for (customer, tree) in customers.iter().zip(rendered) {
        match tree {
            Ok(tree) => drop(output.customers.insert(customer.id.clone(), tree)),
            Err(d) => diags.extend(d),
        }
    }
    if options.customers.is_empty() && options.langs.is_empty() {
        match render_overview(&theme, settings.msp.name.get(Lang::Nl), &customers, &output) {
            Ok(html) => drop(output.top.insert("index.html".into(), html.into_bytes())),
            Err(d) => diags.push(d),
        }
    }
    Ok(Build {
        output,
        diagnostics: diags.sorted(),
    })
}
