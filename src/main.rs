//! The `handboek` command: parse the arguments, run, print, and return the exit code
//! (0 ok, 1 content or configuration errors, 2 usage).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;
use std::time::Instant;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{BuildArgs, Cli, Command, LangArg, NewCommand, SchemaArg, SchemaArgs, ServeArgs};
use handboek::files::{Files, find_project};
use handboek::lang::Lang;
use handboek::schema::{SchemaFile, write_schemas};
use handboek::{BuildOptions, build_into, pdf, scaffold, serve};

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
            for path in scaffold::new_customer(&root, &id)? {
                println!("Created {}", path.display());
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Build(args) => build_command(&cwd, args),
        Command::Serve(args) => serve_command(&cwd, args),
        Command::Schema(args) => schema_command(args),
        Command::Check(args) => cli::check::check_command(&cwd, &args),
    }
}

/// Prints one schema, or writes both into `--out`.
fn schema_command(args: SchemaArgs) -> Result<ExitCode> {
    match args.out {
        Some(dir) => {
            for path in write_schemas(&dir)? {
                println!("Wrote {}", path.display());
            }
        }
        None => {
            let file = match args.file {
                SchemaArg::Customer => SchemaFile::Customer,
                SchemaArg::Settings => SchemaFile::Settings,
            };
            print!("{}", file.json());
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Runs the live preview until Ctrl-C. The first line on stdout is the URL, for people and
/// for scripts (`--port 0` picks a free port).
fn serve_command(cwd: &std::path::Path, args: ServeArgs) -> Result<ExitCode> {
    let root = find_project(cwd);
    if root.is_none() {
        eprintln!("No handboek.yaml here: previewing the built-in example customers.");
    }
    if !args.bind.is_loopback() {
        eprintln!(
            "warning: listening on {}: anyone on your network can open the preview.",
            args.bind
        );
    }
    let options = serve::Options {
        root,
        addr: std::net::SocketAddr::new(args.bind, args.port),
        poll: args.poll,
    };
    let open = args.open;
    let styled = std::io::stderr().is_terminal();
    serve::run(options, move |report| match report {
        serve::Report::Ready { url } => {
            println!("Live preview at {url} (Ctrl-C to stop)");
            if open {
                open_browser(&url);
            }
        }
        serve::Report::Rebuilt { what, millis } => eprintln!("rebuilt {what} in {millis} ms"),
        serve::Report::Problems(problems) => eprint!("{}", problems.render(styled)),
        serve::Report::Fixed => eprintln!("fixed: no errors left"),
        serve::Report::Warning(message) => eprintln!("warning: {message}"),
    })?;
    eprintln!("Stopped.");
    Ok(ExitCode::SUCCESS)
}

/// Opens `url` in the default browser; a failure is only a note, the URL is printed.
fn open_browser(url: &str) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    let opened = command
        .arg(url)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn();
    if opened.is_err() {
        eprintln!("Could not open a browser; open {url} yourself.");
    }
}

/// Prints the print editions of this build to PDF; returns how many.
fn write_pdfs(
    files: &[String],
    out: &std::path::Path,
    chromium: Option<&std::path::Path>,
) -> Result<usize> {
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
    let result = build_into(&files, &options, &out)?;
    let pdfs = match args.pdf {
        true => write_pdfs(&result.written.files, &out, args.chromium.as_deref())?,
        false => 0,
    };
    let styled = std::io::stderr().is_terminal();
    if !result.diagnostics.is_empty() {
        eprint!("{}", result.diagnostics.render(styled));
    }
    let files_written = result.written.files.len();
    let built = result
        .written
        .files
        .iter()
        .filter_map(|f| f.split_once('/'))
        .map(|(customer, _)| customer)
        .collect::<std::collections::BTreeSet<_>>()
        .len();
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
