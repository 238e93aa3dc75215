//! The `handboek` command: parse the arguments, run, print, and return the exit code
//! (0 ok, 1 content or configuration errors, 2 usage).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{BuildArgs, Cli, Command, LangArg, NewCommand};
use handboek::files::{Files, find_project};
use handboek::lang::Lang;
use handboek::{BuildOptions, build, output, pdf, scaffold};

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    let cwd = std::env::current_dir().context("reading the current folder")?;
    match cli.command {
        Command::Init(args) => {
            let dir = args.dir.unwrap_or(cwd);
            let created = scaffold::init(&dir)?;
            println!("Created a handboek project in {}:", dir.display());
            for path in created {
                println!("  {}", path.strip_prefix(&dir).unwrap_or(&path).display());
            }
            println!("Next: edit customers/voorbeeld.yaml, then run `handboek build`.");
            Ok(ExitCode::SUCCESS)
        }
        Command::New(NewCommand::Customer { id }) => {
            let root = find_project(&cwd).context("no handboek project here (no handboek.yaml in this folder or above); run `handboek init` first")?;
            let path = scaffold::new_customer(&root, &id)?;
            println!("Created {}", path.display());
            Ok(ExitCode::SUCCESS)
        }
        Command::Build(args) => build_command(&cwd, args),
    }
}

/// Prints the print editions of this build to PDF; returns how many.
fn write_pdfs(
    built: &output::Output,
    out: &std::path::Path,
    chromium: Option<&std::path::Path>,
) -> Result<usize> {
    let chromium = pdf::find_chromium(chromium)?;
    let editions: Vec<_> = built
        .files()
        .map(|(path, _)| path)
        .filter(|path| {
            Lang::ALL
                .iter()
                .any(|l| path.ends_with(&format!("/{}", l.print_file())))
        })
        .map(|path| out.join(path))
        .collect();
    Ok(pdf::print_pdfs(&chromium, &editions)?.len())
}

fn build_command(cwd: &std::path::Path, args: BuildArgs) -> Result<ExitCode> {
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
    let result = build(&files, &options)?;
    output::write_output(&result.output, &out, &langs)?;
    let pdfs = match args.pdf {
        true => write_pdfs(&result.output, &out, args.chromium.as_deref())?,
        false => 0,
    };
    let styled = std::io::stderr().is_terminal();
    if !result.diagnostics.is_empty() {
        eprint!("{}", result.diagnostics.render(styled));
    }
    let files_written = result.output.files().count();
    let built = result.output.customers.len();
    if root.is_none() {
        eprintln!("No handboek.yaml here: built the built-in example customers.");
    }
    eprintln!(
        "Built {built} customer(s), {files_written} files{}, into {} in {} ms.",
        if args.pdf {
            format!(" and {pdfs} PDFs")
        } else {
            String::new()
        },
        out.display(),
        started.elapsed().as_millis()
    );
    if result.diagnostics.has_errors() {
        let n = result
            .diagnostics
            .iter()
            .filter(|d| d.severity == handboek::diagnostics::Severity::Error)
            .count();
        eprintln!(
            "{n} error(s): nothing was written for the customers with errors; their previous output is unchanged."
        );
        return Ok(ExitCode::from(1));
    }
    Ok(ExitCode::SUCCESS)
}
