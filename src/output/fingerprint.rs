//! What a customer's output folder was built from, kept beside the output in the file
//! [`FILE`], so that a build can leave alone every customer whose inputs did not change.
//!
//! The inputs are hashed as whole files, so that a new file or a new key is covered without
//! being named here: every file of the project counts for every customer, except the files
//! that belong to one customer or one page — the other customers' files, the library pages
//! that are not in this customer's handbooks, and the assets it does not show (their names
//! still count: a new file can change which one a page shows). The built-in library, theme
//! and examples are part of handboek itself, which counts as a whole (its version and its
//! executable file).

use std::collections::{BTreeSet, HashMap};
use std::hash::{DefaultHasher, Hasher};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::content::{Audience, Library, Page};
use crate::customer::Customer;
use crate::files::Files;
use crate::lang::Lang;

/// The file in a customer's output folder that says what the folder was built from.
pub const FILE: &str = ".handboek-fingerprint";

/// The first line of [`FILE`]; another first line (an older handboek's) is no match.
const HEADER: &str = "handboek fingerprint 1";

/// A 64-bit hash of some inputs. SipHash with fixed keys: the same inputs give the same
/// value in every run of the same handboek (and handboek itself is one of the inputs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hash(u64);

impl Hash {
    fn of(parts: &[&[u8]]) -> Hash {
        let mut hasher = DefaultHasher::new();
        for part in parts {
            // The length first, so that ("ab", "c") and ("a", "bc") differ.
            hasher.write_usize(part.len());
            hasher.write(part);
        }
        Hash(hasher.finish())
    }

    fn hex(self) -> String {
        format!("{:016x}", self.0)
    }

    fn parse(hex: &str) -> Option<Hash> {
        (hex.len() == 16)
            .then(|| u64::from_str_radix(hex, 16).ok())
            .flatten()
            .map(Hash)
    }
}

/// The inputs every customer shares, hashed once per build: handboek itself, every project
/// file that belongs to no one customer or page, the names of the assets, and each library
/// page on its own.
pub struct Shared<'a> {
    common: Hash,
    pages: HashMap<(Audience, Lang, &'a str), Hash>,
}

impl<'a> Shared<'a> {
    /// Hashes the inputs of a build of `files` into the output folder `out` (left out, like
    /// the project's default `public/`, when it lies inside the project).
    pub fn new(files: &Files, library: &'a Library, out: &Path) -> Result<Shared<'a>> {
        let mut parts: Vec<Vec<u8>> = vec![handboek_itself().into_bytes()];
        if let Some(root) = files.project_root() {
            let root = std::fs::canonicalize(root)
                .with_context(|| format!("reading {}", root.display()))?;
            let skip: Vec<PathBuf> = [out.to_path_buf(), root.join("public")]
                .iter()
                .filter_map(|p| std::fs::canonicalize(p).ok())
                .collect();
            for (rel, bytes) in project_files(&root, &skip)? {
                parts.push(rel.into_bytes());
                parts.push(bytes);
            }
        }
        let common = Hash::of(&parts.iter().map(Vec::as_slice).collect::<Vec<_>>());
        let pages = library
            .pages
            .par_iter()
            .map(|p| {
                let name = p.source.name.as_bytes();
                let key = (p.audience, p.lang, p.slug.as_str());
                (key, Hash::of(&[name, p.source.text.as_bytes()]))
            })
            .collect();
        Ok(Shared { common, pages })
    }

    /// The fingerprint of `customer`'s inputs, whose handbooks hold `pages`. (The assets
    /// it shows are checked apart: see [`Record::matches`].)
    pub fn of(&self, customer: &Customer, pages: &[&Page]) -> Hash {
        let mut hasher = DefaultHasher::new();
        hasher.write_u64(self.common.0);
        hasher.write(customer.id.as_bytes());
        hasher.write_u64(Hash::of(&[customer.source.text.as_bytes()]).0);
        for page in pages {
            let key = (page.audience, page.lang, page.slug.as_str());
            // Every page of a handbook is in the library the hashes were made of.
            hasher.write_u64(self.pages.get(&key).map_or(0, |h| h.0));
        }
        Hash(hasher.finish())
    }
}

/// handboek's version and its executable file (size and time), so that another build of
/// handboek, with another built-in library or other code, never counts as unchanged.
fn handboek_itself() -> String {
    let exe = std::env::current_exe()
        .and_then(std::fs::metadata)
        .map(|m| {
            let time = m
                .modified()
                .ok()
                .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
                .map_or(0, |d| d.as_nanos());
            format!("{} {time}", m.len())
        })
        .unwrap_or_default();
    format!("handboek {} {exe}", env!("CARGO_PKG_VERSION"))
}

/// Every file of the project at `root` that counts for every customer, with its bytes (an
/// asset with its name only), sorted: all but hidden files, the customer files, the library
/// pages, and the folders in `skip` (`root` and `skip` with their links resolved).
fn project_files(root: &Path, skip: &[PathBuf]) -> Result<Vec<(String, Vec<u8>)>> {
    let mut found = Vec::new();
    let walk = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| {
            e.depth() == 0
                || !(e.file_name().to_string_lossy().starts_with('.')
                    || (e.file_type().is_dir() && skip.iter().any(|s| s == e.path())))
        });
    for entry in walk {
        let entry = entry.with_context(|| format!("listing {}", root.display()))?;
        if !entry.file_type().is_file() {
            continue;
        }
        let Some(rel) = entry
            .path()
            .strip_prefix(root)
            .ok()
            .and_then(|r| r.to_str())
            .map(|r| r.replace('\\', "/"))
        else {
            continue;
        };
        if rel.starts_with("customers/") || (rel.starts_with("content/") && rel.ends_with(".md")) {
            continue;
        }
        let bytes = match rel.starts_with("assets/") {
            true => Vec::new(),
            false => std::fs::read(entry.path())
                .with_context(|| format!("reading {}", entry.path().display()))?,
        };
        found.push((rel, bytes));
    }
    Ok(found)
}

/// What is kept in [`FILE`]: the fingerprint of the inputs, each asset the output shows
/// with the hash of its bytes, and the files of the folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Record {
    pub inputs: Hash,
    pub assets: Vec<(String, Hash)>,
    pub files: Vec<String>,
}

impl Record {
    /// The record of a customer built from `inputs` that shows `assets` (read from
    /// `files`); its `files` are filled in by the output folder.
    pub fn new(inputs: Hash, assets: &BTreeSet<String>, files: &Files) -> Result<Record> {
        let assets = assets
            .iter()
            .map(|rel| Ok((rel.clone(), asset_hash(files, rel)?)))
            .collect::<Result<_>>()?;
        Ok(Record {
            inputs,
            assets,
            files: Vec::new(),
        })
    }

    /// Whether the output this record describes is what `inputs` would build now: the same
    /// fingerprint, and every asset it shows with the same bytes.
    pub fn matches(&self, inputs: Hash, files: &Files) -> bool {
        self.inputs == inputs
            && self
                .assets
                .iter()
                .all(|(rel, hash)| asset_hash(files, rel).is_ok_and(|now| now == *hash))
    }

    pub fn to_text(&self) -> String {
        let mut text = format!("{HEADER}\ninputs {}\n", self.inputs.hex());
        for (rel, hash) in &self.assets {
            text.push_str(&format!("asset {} {rel}\n", hash.hex()));
        }
        for rel in &self.files {
            text.push_str(&format!("file {rel}\n"));
        }
        text.push_str("end\n");
        text
    }

    /// The record in `text`, if it is one whole (a build killed while writing it leaves
    /// none).
    pub fn parse(text: &str) -> Option<Record> {
        let mut lines = text.lines();
        if lines.next()? != HEADER {
            return None;
        }
        let inputs = Hash::parse(lines.next()?.strip_prefix("inputs ")?)?;
        let mut record = Record {
            inputs,
            assets: Vec::new(),
            files: Vec::new(),
        };
        for line in lines {
            if line == "end" {
                return Some(record);
            } else if let Some(rest) = line.strip_prefix("asset ") {
                let (hash, rel) = rest.split_once(' ')?;
                record.assets.push((rel.to_string(), Hash::parse(hash)?));
            } else {
                record.files.push(line.strip_prefix("file ")?.to_string());
            }
        }
        None
    }
}

fn asset_hash(files: &Files, rel: &str) -> Result<Hash> {
    let file = files
        .read(rel)?
        .with_context(|| format!("the asset `{rel}` cannot be read"))?;
    Ok(Hash::of(&[&file.bytes]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_record_reads_back_as_written_and_a_cut_one_not_at_all() {
        let record = Record {
            inputs: Hash(0x0123_4567_89ab_cdef),
            assets: vec![("assets/logos/a b.svg".into(), Hash(7))],
            files: vec![
                "employee/nl/index.html".into(),
                "employee/index.html".into(),
            ],
        };
        let text = record.to_text();
        assert_eq!(Record::parse(&text), Some(record));
        let cut = &text[..text.len() - "end\n".len()];
        assert_eq!(Record::parse(cut), None);
        assert_eq!(
            Record::parse(&text.replace("fingerprint 1", "fingerprint 0")),
            None
        );
    }

    #[test]
    fn project_files_leave_out_customers_pages_hidden_files_and_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for (rel, text) in [
            ("handboek.yaml", "msp: x"),
            ("terms.yaml", "t: x"),
            ("customers/a.yaml", "name: a"),
            ("content/nl/employee/index.md", "page"),
            ("content/nl/employee/deel/_part.yaml", "title: x"),
            ("assets/logos/a.svg", "<svg/>"),
            ("themes/eigen/templates/page.html", "x"),
            (".handboek/customer.schema.json", "{}"),
            ("public/a/employee/index.html", "old output"),
            ("out/a/employee/index.html", "old output"),
        ] {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        let found = project_files(root, &[root.join("out"), root.join("public")]).unwrap();
        let found: Vec<(&str, &[u8])> = found
            .iter()
            .map(|(rel, bytes)| (rel.as_str(), bytes.as_slice()))
            .collect();
        assert_eq!(
            found,
            [
                ("assets/logos/a.svg", &b""[..]),
                ("content/nl/employee/deel/_part.yaml", b"title: x"),
                ("handboek.yaml", b"msp: x"),
                ("terms.yaml", b"t: x"),
                ("themes/eigen/templates/page.html", b"x"),
            ]
        );
    }
}
