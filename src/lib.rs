//! handboek: customer-specific, bilingual MFA handbooks from one shared library of step
//! guides and one YAML file per customer.
//!
//! The pipeline is [`build`]; everything it returns is in memory, and only
//! [`output::write_output`] touches the output folder.

#![warn(clippy::print_stdout, clippy::print_stderr)]
#![forbid(unsafe_code)]

pub mod archive;
pub mod check;
pub mod colour;
pub mod content;
pub mod customer;
pub mod date;
pub mod diagnostics;
pub mod dialect;
pub mod files;
pub mod lang;
pub mod learn;
pub mod markdown;
pub mod output;
pub mod pdf;
pub mod phone;
pub mod project;
pub mod qr;
pub mod scaffold;
pub mod schema;
pub mod secrets;
pub mod serve;
pub mod terms;
pub mod theme;
pub mod vars;
pub mod yaml;

use std::path::Path;

use anyhow::Result;

use content::{KeptPages, load_library};
use diagnostics::Diagnostics;
use files::Files;
use lang::Lang;
use output::{Inputs, Output, Sink, render_customers, render_overview};
use project::{load_customers, load_settings};
use theme::KeptTheme;

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

/// Builds in memory: load project → load theme → load terms and content → load customers → resolve,
/// render and apply the theme per customer (in parallel) → the overview page.
pub fn build(files: &Files, options: &BuildOptions) -> Result<Build> {
    rebuild(files, options, &Kept::default())
}

/// [`build`], for a process that builds again and again (the preview): what `kept` holds
/// from earlier builds of the same files is taken over, and what this build makes is kept.
pub fn rebuild(files: &Files, options: &BuildOptions, kept: &Kept) -> Result<Build> {
    let memory = output::Memory::default();
    let diagnostics = run(files, options, kept, &memory, |_, _| {})?;
    Ok(Build {
        output: memory.into_output(),
        diagnostics,
    })
}

/// Builds into the folder `out`, each file written as soon as it is made (see
/// [`output::Disk`]): the same pipeline as [`build`], for large handbooks and many customers.
/// `progress` is told each time a customer is done.
pub fn build_into(
    files: &Files,
    options: &BuildOptions,
    out: &Path,
    progress: output::Progress,
) -> Result<BuiltOnDisk> {
    if let Err(why) = output::check_out_dir(files.project_root(), out) {
        anyhow::bail!(why);
    }
    let disk = output::Disk::new(out, &options.langs)?.with_progress(progress);
    let diagnostics = run(files, options, &Kept::default(), &disk, |_, _| {})?;
    let customers = project::customer_ids(files)?
        .iter()
        .filter(|id| options.customers.is_empty() || options.customers.contains(id))
        .count();
    Ok(BuiltOnDisk {
        written: disk.written(),
        diagnostics,
        customers,
    })
}

/// What [`build_into`] did: the files on disk, and every problem found.
#[derive(Debug, Default)]
pub struct BuiltOnDisk {
    pub written: output::Written,
    pub diagnostics: Diagnostics,
    /// The customers the build was to build (those whose files exist), built or not.
    pub customers: usize,
}

/// What builds in one process keep for the builds after them: the compiled theme and the
/// parsed pages, each taken over only while its files read the same. [`Kept::default`]
/// keeps nothing (a single build has no use for it).
#[derive(Default)]
pub struct Kept {
    theme: KeptTheme,
    pages: KeptPages,
}

impl Kept {
    pub fn on() -> Kept {
        Kept {
            theme: KeptTheme::on(),
            pages: KeptPages::on(),
        }
    }
}

/// What the pipeline loaded, for the checks across the whole project.
pub struct Project<'a> {
    pub files: &'a Files,
    pub settings: &'a project::Settings,
    pub theme: &'a theme::Theme,
    pub library: &'a content::Library,
    pub customers: &'a [customer::Customer],
}

/// The pipeline into `sink`; `after` sees the loaded project once every customer is
/// rendered (when settings, theme and library loaded) and may add problems. Whatever the
/// problems show of a file with a secret in it shows it masked.
fn run<S: Sink>(
    files: &Files,
    options: &BuildOptions,
    kept: &Kept,
    sink: &S,
    after: impl FnOnce(&Project, &mut Diagnostics),
) -> Result<Diagnostics> {
    let diags = stages(files, options, kept, sink, after)?;
    Ok(secrets::mask_secrets(diags).sorted())
}

fn stages<S: Sink>(
    files: &Files,
    options: &BuildOptions,
    kept: &Kept,
    sink: &S,
    after: impl FnOnce(&Project, &mut Diagnostics),
) -> Result<Diagnostics> {
    let mut diags = files.link_problems();
    let settings = keep(load_settings(files)?, &mut diags);
    let theme_name = settings.as_ref().map_or("default", |s| s.theme.as_str());
    // The theme compiles its templates while the library is read: both take a while, and
    // the library needs only the names of the theme's screens.
    let screens = theme::screen_names(files, theme_name)?;
    let terms = terms::load_terms(files)?;
    let (theme, library) = rayon::join(
        || kept.theme.load(files, theme_name),
        || load_library(files, &screens, &terms.0, &kept.pages),
    );
    let theme = keep(theme?, &mut diags);
    keep_all(terms, &mut diags);
    let (library, problems) = library?;
    let library_has_errors = problems.has_errors();
    diags.extend(problems);
    let Some(settings) = settings else {
        return Ok(diags.sorted());
    };
    let customers = keep_all(
        load_customers(files, &settings, &options.customers)?,
        &mut diags,
    );
    let Some(theme) = theme else {
        return Ok(diags.sorted());
    };
    let inputs = Inputs {
        files,
        library: &library,
        theme: &theme,
    };
    if library_has_errors {
        // Some problems show only when a page is rendered (links, images, HTML): render
        // every customer to find them in the same run, and keep nothing.
        render_customers(
            &inputs,
            &customers,
            &options.langs,
            None,
            &output::Discard,
            &mut diags,
        )?;
        return Ok(diags.sorted());
    }
    // Fingerprints only for a build of every language into a folder kept between builds
    // (a build of fewer languages carries the others over and records nothing).
    let fingerprints = match (sink.kept_in(), options.langs.is_empty()) {
        (Some(out), true) => Some(output::fingerprint::Shared::new(files, &library, out)?),
        _ => None,
    };
    let built = render_customers(
        &inputs,
        &customers,
        &options.langs,
        fingerprints.as_ref(),
        sink,
        &mut diags,
    )?;
    // The overview lists every customer, so it is only rewritten when all of them built.
    if options.customers.is_empty() && options.langs.is_empty() && !diags.has_errors() {
        let msp = settings.msp.name.get(Lang::Nl);
        if let Some(html) = keep(
            render_overview(&theme, msp, &customers, &built).map_err(Diagnostics::from),
            &mut diags,
        ) {
            sink.top("index.html", html.into_bytes())?;
        }
    }
    let project = Project {
        files,
        settings: &settings,
        theme: &theme,
        library: &library,
        customers: &customers,
    };
    after(&project, &mut diags);
    Ok(diags.sorted())
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
