//! The floor of a build: the work a static-site build cannot avoid. It reads every file of
//! the input tree, renders the Markdown of every page once with pulldown-cmark (the
//! parser handboek uses, with its options), and writes the bytes of a reference output tree
//! (what a real build wrote) into a fresh folder, recreating its folders. A build that
//! takes little more than this is bound by the file system and by Markdown, not by its own
//! code.
//!
//! A cargo example of handboek (for pulldown-cmark):
//!
//!     cargo build --release --example floor
//!     target/release/examples/floor INPUT_DIR REFERENCE_OUTPUT_DIR DEST_DIR [CONTENT_DIR ...]
//!
//! The reference output is first loaded into memory (not timed: a build has those bytes in
//! memory before it writes them), and so are the CONTENT_DIRs (`content/` folders, the
//! first one's page winning; not timed: handboek's own library is in its binary). Then,
//! timed: read every input file, create DEST_DIR and every folder, then for every file of
//! the reference: if it is a site page (`<customer>/<audience>/<lang>/<slug>.html`) whose
//! Markdown is in a CONTENT_DIR (`<lang>/<audience>/[<part>/]<slug>.md`), render that
//! Markdown (front matter left out), and write the file. A page shown to many customers is
//! rendered for each, as a build does. The reference and DEST_DIR are left out of the input
//! when they lie inside it (`public/` in a project folder). DEST_DIR must not exist yet, or
//! be empty. Rendering and writing are spread over as many threads as the machine has
//! cores, as a parallel build would (`FLOOR_THREADS=1` for one). Prints one line with the
//! counts and times, e.g.
//!
//!     floor: read 1003 files 5.31 MB, rendered 1062 pages 6.02 MB of Markdown, wrote 2102 files in 1110 folders 98.20 MB, threads 2, ms 812.4 (read 40.1, render and write 772.3), reference loaded in 95.0 ms

use std::collections::HashMap;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Every regular file under `root`, in a stable order; folders in `dirs`, parents first.
/// Folders in `skip` are left out (a build does not read its own output).
fn walk(
    root: &Path,
    skip: &[PathBuf],
    files: &mut Vec<PathBuf>,
    dirs: &mut Vec<PathBuf>,
) -> io::Result<()> {
    let mut entries: Vec<_> = fs::read_dir(root)?.collect::<Result<_, _>>()?;
    entries.sort_by_key(|e| e.file_name());
    for entry in entries {
        let kind = entry.file_type()?;
        let path = entry.path();
        if kind.is_dir() {
            if skip
                .iter()
                .any(|s| fs::canonicalize(&path).is_ok_and(|p| p == *s))
            {
                continue;
            }
            dirs.push(path.clone());
            walk(&path, skip, files, dirs)?;
        } else if kind.is_file() {
            files.push(path);
        }
        // symlinks and other special files: a build writes none; skipped
    }
    Ok(())
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn ms(t: Instant) -> f64 {
    t.elapsed().as_secs_f64() * 1000.0
}

/// A page's Markdown without its front matter.
fn body(page: &str) -> &str {
    page.strip_prefix("---\n")
        .and_then(|rest| rest.split_once("\n---\n"))
        .map_or(page, |(_, body)| body)
}

/// The pages of the content folders: (lang, audience, slug) → Markdown, the first folder's
/// page winning.
fn pages(content: &[PathBuf]) -> io::Result<HashMap<(String, String, String), String>> {
    let mut found = HashMap::new();
    for root in content {
        let (mut files, mut dirs) = (Vec::new(), Vec::new());
        walk(root, &[], &mut files, &mut dirs)?;
        for file in files {
            let rel = file.strip_prefix(root).unwrap();
            let parts: Vec<String> = rel
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.len() < 3 || !parts[parts.len() - 1].ends_with(".md") {
                continue;
            }
            let slug = parts[parts.len() - 1].trim_end_matches(".md").to_string();
            let key = (parts[0].clone(), parts[1].clone(), slug);
            if let std::collections::hash_map::Entry::Vacant(slot) = found.entry(key) {
                slot.insert(fs::read_to_string(&file)?);
            }
        }
    }
    Ok(found)
}

/// The Markdown of a site page of the reference output, if it is one.
fn source<'p>(
    rel: &Path,
    pages: &'p HashMap<(String, String, String), String>,
) -> Option<&'p String> {
    let parts: Vec<String> = rel
        .iter()
        .map(|p| p.to_string_lossy().into_owned())
        .collect();
    let [_, audience, lang, file] = parts.as_slice() else {
        return None;
    };
    let slug = file.strip_suffix(".html")?;
    pages.get(&(lang.clone(), audience.clone(), slug.to_string()))
}

fn run(input: &Path, reference: &Path, dest: &Path, content: &[PathBuf]) -> io::Result<()> {
    if dest.exists() && fs::read_dir(dest)?.next().is_some() {
        return Err(io::Error::new(
            io::ErrorKind::AlreadyExists,
            format!(
                "{} is not empty; the floor writes into a fresh folder",
                dest.display()
            ),
        ));
    }
    let threads = std::env::var("FLOOR_THREADS")
        .ok()
        .and_then(|v| v.parse().ok())
        .filter(|&n: &usize| n > 0)
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));

    // Not timed: the reference output, as relative paths and bytes.
    let t_ref = Instant::now();
    let (mut ref_files, mut ref_dirs) = (Vec::new(), Vec::new());
    walk(reference, &[], &mut ref_files, &mut ref_dirs)?;
    let outputs: Vec<(PathBuf, Vec<u8>)> = ref_files
        .iter()
        .map(|p| {
            Ok((
                p.strip_prefix(reference).unwrap().to_path_buf(),
                fs::read(p)?,
            ))
        })
        .collect::<io::Result<_>>()?;
    let dirs: Vec<PathBuf> = ref_dirs
        .iter()
        .map(|d| dest.join(d.strip_prefix(reference).unwrap()))
        .collect();
    let pages = pages(content)?;
    let sources: Vec<Option<&String>> =
        outputs.iter().map(|(rel, _)| source(rel, &pages)).collect();
    let ref_ms = ms(t_ref);
    // The output folders, if they are inside the input (`public/` in the project).
    let skip: Vec<PathBuf> = [reference, dest]
        .iter()
        .filter_map(|p| fs::canonicalize(p).ok())
        .collect();

    // Timed: read the inputs, then write the outputs.
    let t_all = Instant::now();
    let (mut in_files, mut in_dirs) = (Vec::new(), Vec::new());
    walk(input, &skip, &mut in_files, &mut in_dirs)?;
    let mut read_bytes = 0usize;
    let mut check = 0u8; // touch the bytes, so that reading them is not just a syscall
    for p in &in_files {
        let bytes = fs::read(p)?;
        read_bytes += bytes.len();
        check ^= bytes.iter().step_by(4096).fold(0, |a, b| a ^ b);
    }
    let read_ms = ms(t_all);

    let t_write = Instant::now();
    fs::create_dir_all(dest)?;
    for d in &dirs {
        fs::create_dir(d)?;
    }
    let next = AtomicUsize::new(0);
    let (rendered, markdown) = (AtomicUsize::new(0), AtomicUsize::new(0));
    std::thread::scope(|s| -> io::Result<()> {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| -> io::Result<()> {
                    let mut html = String::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some((rel, bytes)) = outputs.get(i) else {
                            return Ok(());
                        };
                        if let Some(page) = sources[i] {
                            let page = body(page);
                            html.clear();
                            let parser = pulldown_cmark::Parser::new_ext(
                                page,
                                handboek::markdown::options(),
                            );
                            pulldown_cmark::html::push_html(&mut html, parser);
                            rendered.fetch_add(1, Ordering::Relaxed);
                            markdown.fetch_add(page.len(), Ordering::Relaxed);
                        }
                        fs::write(dest.join(rel), bytes)?;
                    }
                })
            })
            .collect();
        for w in workers {
            w.join().expect("a writer thread panicked")?;
        }
        Ok(())
    })?;
    let write_ms = ms(t_write);
    let total_ms = ms(t_all);

    let written: usize = outputs.iter().map(|(_, b)| b.len()).sum();
    println!(
        "floor: read {} files {:.2} MB, rendered {} pages {:.2} MB of Markdown, wrote {} files \
         in {} folders {:.2} MB, threads {}, ms {:.1} (read {:.1}, render and write {:.1}), \
         reference loaded in {:.1} ms [{:02x}]",
        in_files.len(),
        mb(read_bytes),
        rendered.into_inner(),
        mb(markdown.into_inner()),
        outputs.len(),
        dirs.len() + 1,
        mb(written),
        threads,
        total_ms,
        read_ms,
        write_ms,
        ref_ms,
        check
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    if args.len() < 4 {
        eprintln!("usage: floor INPUT_DIR REFERENCE_OUTPUT_DIR DEST_DIR [CONTENT_DIR ...]");
        return ExitCode::from(2);
    }
    let content: Vec<PathBuf> = args[4..].iter().map(PathBuf::from).collect();
    match run(
        Path::new(&args[1]),
        Path::new(&args[2]),
        Path::new(&args[3]),
        &content,
    ) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("floor: {e}");
            ExitCode::FAILURE
        }
    }
}
