//! The `handboek` command: parse the arguments, run, print, and return the exit code
//! (0 ok, 1 content or configuration errors, 2 usage).

mod cli;

use std::io::IsTerminal;
use std::process::ExitCode;

use anyhow::{Context, Result};
use clap::Parser;

use cli::{Cli, Command, NewCommand, SchemaArg, SchemaArgs, ServeArgs};
use handboek::files::find_project;
use handboek::schema::{SchemaFile, write_schemas};
use handboek::{scaffold, serve};

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
        Command::Build(args) => cli::build::build_command(&cwd, args),
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
