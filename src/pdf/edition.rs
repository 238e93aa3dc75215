//! One print edition to one finished PDF: printed until every page number in it is the
//! page its target is on (see [`super::pages`]), then given its outline and metadata
//! (see [`super::outline`]).

use std::path::Path;

use anyhow::{Context, Result, bail};
use lopdf::Document;

use super::outline::finish;
use super::pages::{MAX_PRINTINGS, destinations, fill, guesses, page_refs, pages_of};
use super::plan::Plan;

/// Prints `html` with `print` (which prints one HTML file and returns the PDF's bytes) as
/// often as its page numbers need, and returns the finished PDF. The numbered copy of the
/// page is a file beside it (so that its relative links work), removed afterwards.
pub fn print_edition(html: &Path, print: &dyn Fn(&Path) -> Result<Vec<u8>>) -> Result<Vec<u8>> {
    let source =
        std::fs::read_to_string(html).with_context(|| format!("reading {}", html.display()))?;
    let plan = Plan::from_html(&source)
        .transpose()
        .with_context(|| format!("reading the PDF outline in {}", html.display()))?;
    let refs = page_refs(&source);
    let numbered = html.with_extension(format!("numbered-{}.html", std::process::id()));
    let printed = (|| {
        let mut pages = guesses(&refs);
        for _ in 0..MAX_PRINTINGS {
            let bytes = match refs.is_empty() {
                true => print(html)?,
                false => {
                    std::fs::write(&numbered, fill(&source, &pages))
                        .with_context(|| format!("writing {}", numbered.display()))?;
                    print(&numbered)?
                }
            };
            let mut doc = Document::load_mem(&bytes).context("reading the printed PDF")?;
            let found = destinations(&doc)?;
            let now = pages_of(&refs, &found)?;
            if now != pages {
                pages = now;
                continue;
            }
            let Some(plan) = &plan else {
                return Ok(bytes);
            };
            finish(&mut doc, plan, &found)?;
            let mut out = Vec::with_capacity(bytes.len() + 16 * 1024);
            doc.save_to(&mut out).context("writing the PDF")?;
            return Ok(out);
        }
        bail!(
            "the page numbers did not settle in {MAX_PRINTINGS} printings (a number that moves its own line to another page?)"
        )
    })();
    if !refs.is_empty() {
        let _ = std::fs::remove_file(&numbered);
    }
    printed.with_context(|| format!("printing {} to PDF", html.display()))
}
