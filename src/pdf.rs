//! PDF files of the print editions, printed by a locally installed Chromium
//! (`--headless --print-to-pdf`), several at a time: each printed until its page numbers
//! are right, then given an outline and metadata ([`edition`]).

mod browser;
mod edition;
pub mod outline;
pub mod pages;
pub mod plan;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

use crate::files::file_url;
pub use browser::find_chromium;
use browser::{Platform, running_as_root, sandbox_args};

/// One print edition takes a few seconds; a hung browser must not hang the build.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// Prints every HTML file to a PDF beside it (`handboek.html` → `handboek.pdf`), in
/// parallel. Returns the PDFs written.
pub fn print_pdfs(chromium: &Path, html_files: &[PathBuf]) -> Result<Vec<PathBuf>> {
    html_files
        .par_iter()
        .map(|html| print_pdf(chromium, html))
        .collect()
}

fn print_pdf(chromium: &Path, html: &Path) -> Result<PathBuf> {
    // Not `canonicalize`: on Windows it gives `\\?\C:\…`, which is no path for a URL.
    let html = std::path::absolute(html).with_context(|| format!("finding {}", html.display()))?;
    let pdf = html.with_extension("pdf");
    let partial = html.with_extension(format!("pdf.tmp-{}", std::process::id()));
    let printed = edition::print_edition(&html, &|page| print_once(chromium, page, &partial))?;
    std::fs::write(&partial, printed).with_context(|| format!("writing {}", partial.display()))?;
    // A reader that shows the old PDF holds it open on Windows: wait, then name it.
    crate::output::replace_file(&partial, &pdf)
        .inspect_err(|_| drop(std::fs::remove_file(&partial)))?;
    Ok(pdf)
}

/// Prints one HTML file to `partial` with Chromium; returns the PDF's bytes.
fn print_once(chromium: &Path, html: &Path, partial: &Path) -> Result<Vec<u8>> {
    let profile = tempfile::tempdir().context("creating a browser profile folder")?;
    let mut child = Command::new(chromium)
        .args(sandbox_args(Platform::current(), running_as_root()))
        .args([
            "--headless",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--no-pdf-header-footer",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg(format!("--print-to-pdf={}", partial.display()))
        .arg(file_url(html))
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .with_context(|| format!("starting {}", chromium.display()))?;
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().context("waiting for Chromium")? {
            break status;
        }
        if started.elapsed() > TIME_LIMIT {
            let _ = child.kill();
            let _ = child.wait();
            bail!(
                "Chromium did not finish printing {} within {} s",
                html.display(),
                TIME_LIMIT.as_secs()
            );
        }
        std::thread::sleep(Duration::from_millis(50));
    };
    let written = std::fs::read(partial).unwrap_or_default();
    let _ = std::fs::remove_file(partial);
    if !status.success() || !written.starts_with(b"%PDF") {
        bail!(
            "Chromium could not print {} to PDF ({status})",
            html.display()
        );
    }
    Ok(written)
}
