//! `handboek check`: the report, grouped by file, as text for people or JSON for CI.

use std::io::IsTerminal;
use std::path::Path;
use std::process::ExitCode;
use std::time::SystemTime;

use anyhow::Result;
use handboek::check::{CheckOptions, Report, check};
use handboek::date::Date;
use handboek::diagnostics::{Diagnostic, Diagnostics, Severity};
use handboek::files::{Files, find_project};
use serde::Serialize;

use super::{CheckArgs, Format};

pub fn check_command(cwd: &Path, args: &CheckArgs) -> Result<ExitCode> {
    let root = find_project(cwd);
    let files = match &root {
        Some(root) => Files::project(root),
        None => Files::builtin_examples(),
    };
    let options = CheckOptions {
        today: Date::of(SystemTime::now()),
    };
    let report = check(&files, &options)?;
    match args.format {
        Format::Json => println!("{}", serde_json::to_string_pretty(&json(&report))?),
        Format::Text => {
            if root.is_none() {
                eprintln!("No handboek.yaml here: checking the built-in example customers.");
            }
            eprint!("{}", text(&report, std::io::stderr().is_terminal()));
        }
    }
    let failed = report.errors() > 0 || (args.strict && report.warnings() > 0);
    Ok(if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Each file's problems under a header naming it, then the summary.
fn text(report: &Report, styled: bool) -> String {
    let mut out = String::new();
    let all: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    for group in all.chunk_by(|a, b| a.file() == b.file()) {
        let file = match group[0].file() {
            "" => "(the project)",
            f => f,
        };
        out.push_str(&format!("── {file}: {}\n\n", counts(group.iter().copied())));
        let mut diags = Diagnostics::new();
        for d in group {
            diags.push((*d).clone());
        }
        out.push_str(&diags.render(styled));
    }
    out.push_str(&format!(
        "Checked {} customer(s) against {} library pages, {} rendered files: {}.\n",
        report.customers,
        report.pages,
        report.files,
        counts(report.diagnostics.iter())
    ));
    out
}

fn counts<'a>(diags: impl Iterator<Item = &'a Diagnostic>) -> String {
    let (mut errors, mut warnings) = (0, 0);
    for d in diags {
        match d.severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
    }
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    format!(
        "{}, {}",
        plural(errors, "error", "errors"),
        plural(warnings, "warning", "warnings")
    )
}

#[derive(Serialize)]
struct Json<'a> {
    errors: usize,
    warnings: usize,
    customers: usize,
    pages: usize,
    files: usize,
    diagnostics: Vec<JsonDiagnostic<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    severity: &'static str,
    file: &'a str,
    line: usize,
    column: usize,
    message: &'a str,
    help: Option<&'a str>,
}

fn json(report: &Report) -> Json<'_> {
    Json {
        errors: report.errors(),
        warnings: report.warnings(),
        customers: report.customers,
        pages: report.pages,
        files: report.files,
        diagnostics: report
            .diagnostics
            .iter()
            .map(|d| JsonDiagnostic {
                severity: match d.severity {
                    Severity::Error => "error",
                    Severity::Warning => "warning",
                },
                file: d.file(),
                line: d.line(),
                column: d.column(),
                message: &d.message,
                help: d.help.as_deref(),
            })
            .collect(),
    }
}
