//! PDF files of the print editions, printed by a locally installed Chromium
//! (`--headless --print-to-pdf`), several at a time: each printed until its page numbers
//! are right, then given an outline and metadata ([`edition`]).

mod edition;
pub mod outline;
pub mod pages;
pub mod plan;

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};
use rayon::prelude::*;

/// The names we look for on PATH, most likely first.
const CANDIDATES: [&str; 4] = [
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
];

/// One print edition takes a few seconds; a hung browser must not hang the build.
const TIME_LIMIT: Duration = Duration::from_secs(120);

/// The Chromium to print with: `explicit` (from `--chromium` or `HANDBOEK_CHROMIUM`), or the
/// first browser found on `PATH`.
pub fn find_chromium(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(path) = explicit {
        if path.is_file() {
            return Ok(path.to_path_buf());
        }
        bail!(
            "no Chromium at {} (from --chromium or HANDBOEK_CHROMIUM)",
            path.display()
        );
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    for dir in std::env::split_paths(&path) {
        for name in CANDIDATES {
            let candidate = dir.join(name);
            if candidate.is_file() {
                return Ok(candidate);
            }
        }
    }
    bail!(
        "--pdf needs Chromium or Google Chrome and found none on PATH (looked for {}); install it (Debian: `apt-get install chromium`) or name it with --chromium PATH",
        CANDIDATES.join(", ")
    )
}

/// Prints every HTML file to a PDF beside it (`handboek.html` → `handboek.pdf`), in
/// parallel. Returns the PDFs written.
pub fn print_pdfs(chromium: &Path, html_files: &[PathBuf]) -> Result<Vec<PathBuf>> {
    html_files
        .par_iter()
        .map(|html| print_pdf(chromium, html))
        .collect()
}

fn print_pdf(chromium: &Path, html: &Path) -> Result<PathBuf> {
    let html = html
        .canonicalize()
        .with_context(|| format!("finding {}", html.display()))?;
    let pdf = html.with_extension("pdf");
    let partial = html.with_extension(format!("pdf.tmp-{}", std::process::id()));
    let printed = edition::print_edition(&html, &|page| print_once(chromium, page, &partial))?;
    std::fs::write(&partial, printed).with_context(|| format!("writing {}", partial.display()))?;
    std::fs::rename(&partial, &pdf).with_context(|| format!("writing {}", pdf.display()))?;
    Ok(pdf)
}

/// Prints one HTML file to `partial` with Chromium; returns the PDF's bytes.
fn print_once(chromium: &Path, html: &Path, partial: &Path) -> Result<Vec<u8>> {
    let profile = tempfile::tempdir().context("creating a browser profile folder")?;
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
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

/// A `file://` URL for an absolute path, with the characters a URL cannot hold encoded.
fn file_url(path: &Path) -> String {
    format!("file://{}", crate::files::url_path(&path.to_string_lossy()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_urls_encode_spaces_and_unicode() {
        assert_eq!(
            file_url(Path::new("/tmp/Mijn map/ö.html")),
            "file:///tmp/Mijn%20map/%C3%B6.html"
        );
    }

    #[test]
    fn a_missing_explicit_chromium_is_named_in_the_error() {
        let err = find_chromium(Some(Path::new("/nowhere/chromium"))).unwrap_err();
        assert!(err.to_string().contains("/nowhere/chromium"));
    }
}
