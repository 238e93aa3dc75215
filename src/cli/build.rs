//! `handboek build`: every customer (or the named ones) into the output folder, with a
//! progress line on a terminal, plain lines in a log, nothing with `--quiet`, and a summary.

use std::collections::BTreeSet;
use std::io::{IsTerminal, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::Result;
use handboek::diagnostics::Severity;
use handboek::files::{Files, find_project};
use handboek::lang::Lang;
use handboek::{BuildOptions, archive, build_into, pdf};

use super::{BuildArgs, LangArg};

/// One line rewritten in place on a terminal, a line per customer in a log.
fn show_progress(quiet: bool, terminal: bool, done: usize, total: usize, customer: &str) {
    match (quiet, terminal) {
        (true, _) => {}
        (false, true) => {
            eprint!("\r\x1b[2KBuilding {done}/{total}: {customer}");
            let _ = std::io::stderr().flush();
        }
        (false, false) => eprintln!("[{done}/{total}] {customer}"),
    }
}

/// Prints the print editions of this build to PDF; returns how many.
fn write_pdfs(files: &[String], out: &Path, chromium: Option<&Path>) -> Result<usize> {
    let chromium = pdf::find_chromium(chromium)?;
    let editions: Vec<_> = files
        .iter()
        .filter(|path| {
            Lang::ALL
                .iter()
                .any(|l| path.ends_with(&format!("/{}", l.print_file())))
        })
        .map(|path| out.join(path))
        .collect();
    Ok(pdf::print_pdfs(&chromium, &editions)?.len())
}

/// " and 21 PDFs and 7 archives", for what was asked for besides the pages.
fn extras(pdfs: Option<usize>, archives: Option<usize>) -> String {
    let mut out = String::new();
    if let Some(n) = pdfs {
        out.push_str(&format!(" and {n} PDFs"));
    }
    if let Some(n) = archives {
        out.push_str(&format!(" and {n} archives"));
    }
    out
}

pub fn build_command(cwd: &Path, args: BuildArgs) -> Result<ExitCode> {
    let started = Instant::now();
    let root = find_project(cwd);
    let files = match &root {
        Some(root) => Files::project(root),
        None => Files::builtin_examples(),
    };
    let out = args
        .out
        .clone()
        .unwrap_or_else(|| root.as_deref().unwrap_or(cwd).join("public"));
    if let Err(why) = handboek::output::check_out_dir(root.as_deref(), &out) {
        eprintln!("error: {why}.");
        return Ok(ExitCode::from(2));
    }
    let langs: Vec<Lang> = args
        .langs
        .iter()
        .map(|l| match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        })
        .collect();
    let options = BuildOptions {
        customers: args.customers,
        langs: langs.clone(),
    };
    let terminal = std::io::stderr().is_terminal();
    let progress = |done: usize, all: usize, customer: &str| {
        show_progress(args.quiet, terminal, done, all, customer);
    };
    let result = build_into(&files, &options, &out, &progress)?;
    if terminal && !args.quiet {
        eprint!("\r\x1b[2K");
    }
    let pdfs = match args.pdf {
        true => write_pdfs(&result.written.files, &out, args.chromium.as_deref())?,
        false => 0,
    };
    if !result.diagnostics.is_empty() {
        eprint!("{}", result.diagnostics.render(terminal));
    }
    let written = &result.written;
    let built: BTreeSet<&str> = written
        .files
        .iter()
        .filter_map(|f| f.split_once('/'))
        .map(|(customer, _)| customer)
        .collect();
    let archives = match args.zip {
        true => archive::write_archives(&out, &built.iter().copied().collect::<Vec<_>>())?.len(),
        false => 0,
    };
    let pages = written
        .files
        .iter()
        .filter(|f| f.ends_with(".html") && f.matches('/').count() == 3)
        .count();
    // Customers that failed to load never reach the renderer; count them all the same.
    let total = result.customers.max(built.len());
    if !args.quiet {
        if root.is_none() {
            eprintln!("No handboek.yaml here: built the built-in example customers.");
        }
        eprintln!(
            "Built {} of {total} customer(s): {pages} pages, {} files ({} written, {} unchanged){} into {} in {} ms.",
            built.len(),
            written.files.len(),
            written.written,
            written.unchanged,
            extras(args.pdf.then_some(pdfs), args.zip.then_some(archives)),
            out.display(),
            started.elapsed().as_millis()
        );
    }
    if result.diagnostics.has_errors() {
        let n = result
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count();
        match total - built.len() {
            0 => eprintln!("{n} error(s)."),
            failed => eprintln!(
                "{n} error(s) in {failed} customer(s): nothing was written for them; their previous output is unchanged."
            ),
        }
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
