//! The command line: one struct per command (clap derive).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod build;
pub mod check;

#[derive(Debug, Parser)]
#[command(
    name = "handboek",
    version,
    about = "Customer-specific, bilingual MFA handbooks from one library and one YAML file per customer"
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create an MSP project: handboek.yaml, customers/ with an example, override folders.
    Init(InitArgs),
    /// Build the handbooks of every customer (or the named ones) into public/.
    Build(BuildArgs),
    /// Add something to the project.
    #[command(subcommand)]
    New(NewCommand),
    /// Live preview on 127.0.0.1: rebuilds on save, shows errors in the browser.
    Serve(ServeArgs),
    /// Print the JSON Schema of the customer file or handboek.yaml, for editor completion.
    Schema(SchemaArgs),
    /// Check every customer and language without writing anything: everything `build`
    /// checks, plus links and anchors, complete sign-in paths (paths.yaml), translation
    /// parity, unused and unset variables, stale `verified:` dates and secrets in customer
    /// files. Exit code 1 on errors (and, with --strict, on warnings).
    Check(CheckArgs),
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Fail (exit code 1) on warnings too.
    #[arg(long)]
    pub strict: bool,
    /// `text` for people, `json` for CI and editors.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
}

#[derive(Debug, Args)]
pub struct InitArgs {
    /// The folder to create the project in (default: the current folder).
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BuildArgs {
    /// Build only this customer (the file name in customers/ without .yaml); repeatable.
    #[arg(long = "customer", value_name = "ID")]
    pub customers: Vec<String>,
    /// Build only this language; repeatable.
    #[arg(long = "lang", value_name = "LANG")]
    pub langs: Vec<LangArg>,
    /// Write the output here instead of public/ in the project.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
    /// Also print every print edition to PDF (beside it) with a local Edge, Chrome or Chromium.
    #[arg(long)]
    pub pdf: bool,
    /// The browser to print PDFs with (default: Edge, Chrome or Chromium where they install, then PATH).
    #[arg(long, value_name = "PATH", env = "HANDBOEK_CHROMIUM")]
    pub chromium: Option<PathBuf>,
    /// Also write, per customer, one .zip of its employee handbook per language (with its
    /// PDF when --pdf is given), to hand over on a file share or by e-mail:
    /// <customer>/<customer>-handboek-nl.zip.
    #[arg(long)]
    pub zip: bool,
    /// Print only problems: no progress and no summary.
    #[arg(long, short)]
    pub quiet: bool,
}

#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The port to listen on (0: any free port).
    #[arg(long, default_value_t = 4000)]
    pub port: u16,
    /// The address to listen on; anything but 127.0.0.1 shows the preview to your network.
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1")]
    pub bind: std::net::IpAddr,
    /// Open the preview in the default browser.
    #[arg(long)]
    pub open: bool,
    /// Poll the files instead of waiting for change notifications (network shares, WSL).
    #[arg(long)]
    pub poll: bool,
}

#[derive(Debug, Args)]
#[command(
    after_help = "Editors with a YAML language server (VS Code with Red Hat's YAML \
extension, and others) read the line `# yaml-language-server: $schema=PATH` at the top of a \
YAML file and then complete keys, show help on hover and mark mistakes while you type. \
`handboek init` writes both schemas into .handboek/ and puts that line in the files it \
creates; after updating handboek, refresh them with `handboek schema --out .handboek`."
)]
pub struct SchemaArgs {
    /// Which file's schema to print.
    #[arg(value_enum, default_value_t = SchemaArg::Customer, conflicts_with = "out")]
    pub file: SchemaArg,
    /// Write both schemas into DIR, as customer.schema.json and handboek.schema.json,
    /// instead of printing one.
    #[arg(long, value_name = "DIR")]
    pub out: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SchemaArg {
    /// A customer file, customers/ID.yaml.
    Customer,
    /// The project settings, handboek.yaml.
    Settings,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

#[derive(Debug, Subcommand)]
pub enum NewCommand {
    /// Add customers/ID.yaml with every key and a comment on each.
    Customer {
        /// Lowercase letters, digits and dashes, e.g. bakkerij-jansen.
        id: String,
    },
}
