//! Writing a build to disk: each customer's files go to a staging folder beside its final
//! place as they are made, and the folder is swapped in with renames when the customer
//! built without errors — a reader (or a killed build) sees the old folder or the new one,
//! never half of each. A file whose bytes did not change is hard-linked from the old folder
//! instead of written again, so a rebuild after a one-line change creates few files. Each
//! customer folder holds the record of what it was built from ([`fingerprint::FILE`]).

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{Context, Result};

use super::fingerprint::{self, Record};
use super::{Put, Sink, lock};
use crate::lang::Lang;

mod guard;
mod leftovers;
mod swap;

pub use guard::{MARKER, SOURCE_FOLDERS, TOP_NAMES, check_out_dir, reserved_id};
pub use leftovers::clean_leftovers;
use leftovers::staging_name;
pub(crate) use swap::replace_file;
use swap::swap_in;

/// Told how far a build is: customers done, customers in all, the last one done.
pub type Progress<'a> = &'a (dyn Fn(usize, usize, &str) + Sync);

/// The output folder of a build.
pub struct Disk<'a> {
    out: PathBuf,
    /// With a language filter, the other languages' folders are carried over.
    built_langs: Vec<Lang>,
    written: AtomicUsize,
    unchanged: AtomicUsize,
    files: Mutex<Vec<String>>,
    progress: Option<Progress<'a>>,
}

/// What a build did on disk.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Written {
    /// Every file of the built customers (and the top), relative to the output folder.
    pub files: Vec<String>,
    /// Files written because they are new or changed.
    pub written: usize,
    /// Files left as they were (hard-linked into the new folder).
    pub unchanged: usize,
}

impl<'a> Disk<'a> {
    pub fn new(out: &Path, built_langs: &[Lang]) -> Result<Disk<'a>> {
        fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
        clean_leftovers(out);
        Ok(Disk {
            out: out.to_path_buf(),
            built_langs: built_langs.to_vec(),
            written: AtomicUsize::new(0),
            unchanged: AtomicUsize::new(0),
            files: Mutex::default(),
            progress: None,
        })
    }

    /// Calls `progress` each time a customer is done.
    pub fn with_progress(self, progress: Progress<'a>) -> Disk<'a> {
        Disk {
            progress: Some(progress),
            ..self
        }
    }

    pub fn written(self) -> Written {
        let mut files = self.files.into_inner().unwrap_or_else(|e| e.into_inner());
        files.sort();
        Written {
            files,
            written: self.written.into_inner(),
            unchanged: self.unchanged.into_inner(),
        }
    }

    fn count(&self, changed: bool) {
        let counter = if changed {
            &self.written
        } else {
            &self.unchanged
        };
        counter.fetch_add(1, Ordering::Relaxed);
    }
}

/// One customer's staging folder. It is made only when the first changed file arrives
/// (then the unchanged ones seen so far are linked into it): a customer whose output did
/// not change is not touched on disk at all.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    /// Whether `dir` exists, and the unchanged files seen before it did.
    state: Mutex<(bool, Vec<String>)>,
    dirs: Mutex<HashSet<PathBuf>>,
    files: Mutex<Vec<(String, bool)>>,
    error: Mutex<Option<anyhow::Error>>,
}

impl Put for Staging {
    fn put(&self, rel: String, bytes: Vec<u8>) {
        match self.write(&rel, &bytes) {
            Ok(changed) => lock(&self.files).push((rel, changed)),
            Err(e) => {
                lock(&self.error).get_or_insert(e);
            }
        }
    }
}

impl Staging {
    /// Writes one file, or links the old one if it has the same bytes; true if written.
    fn write(&self, rel: &str, bytes: &[u8]) -> Result<bool> {
        let old = self.target.join(rel);
        if same_bytes(&old, bytes) {
            let mut state = lock(&self.state);
            if !state.0 {
                state.1.push(rel.to_string());
                return Ok(false);
            }
            drop(state);
            let path = self.place(rel)?;
            if fs::hard_link(&old, &path).is_ok() {
                return Ok(false);
            }
            fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
            return Ok(true);
        }
        self.materialize()?;
        let path = self.place(rel)?;
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
        Ok(true)
    }

    /// Makes the staging folder, with links to the unchanged files seen so far.
    fn materialize(&self) -> Result<()> {
        let mut state = lock(&self.state);
        if state.0 {
            return Ok(());
        }
        remove_if_exists(&self.dir)?;
        fs::create_dir_all(&self.dir)
            .with_context(|| format!("creating {}", self.dir.display()))?;
        guard::mark(&self.dir).with_context(|| format!("writing {}", self.dir.display()))?;
        for rel in std::mem::take(&mut state.1) {
            let path = self.place(&rel)?;
            let old = self.target.join(&rel);
            fs::hard_link(&old, &path)
                .or_else(|_| fs::copy(&old, &path).map(|_| ()))
                .with_context(|| format!("keeping {}", old.display()))?;
        }
        state.0 = true;
        Ok(())
    }

    /// The path of `rel` in the staging folder, its folder made.
    fn place(&self, rel: &str) -> Result<PathBuf> {
        let path = self.dir.join(rel);
        if let Some(parent) = path.parent()
            && !lock(&self.dirs).contains(parent)
        {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
            lock(&self.dirs).insert(parent.to_path_buf());
        }
        Ok(path)
    }

    /// Whether the old folder holds exactly the files of this build (all unchanged),
    /// besides the marker and the record.
    fn old_is_complete(&self, count: usize) -> bool {
        let files = walkdir::WalkDir::new(&self.target)
            .min_depth(1)
            .into_iter()
            .filter(|e| {
                e.as_ref().is_ok_and(|e| {
                    e.file_type().is_file()
                        && !(e.depth() == 1
                            && (e.file_name() == MARKER || e.file_name() == fingerprint::FILE))
                })
            })
            .count();
        files == count
    }
}

/// Writes `bytes` to `path` unless the file holds them already.
fn write_if_changed(path: &Path, bytes: &[u8]) -> Result<()> {
    if !same_bytes(path, bytes) {
        fs::write(path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

fn same_bytes(path: &Path, bytes: &[u8]) -> bool {
    fs::metadata(path).is_ok_and(|m| m.is_file() && m.len() == bytes.len() as u64)
        && fs::read(path).is_ok_and(|old| old == bytes)
}

impl Sink for Disk<'_> {
    type Folder = Staging;

    fn progress(&self, done: usize, total: usize, customer: &str) {
        if let Some(progress) = self.progress {
            progress(done, total, customer);
        }
    }

    fn refusal(&self, customer: &str) -> Option<String> {
        guard::refusal(&self.out.join(customer))
    }

    fn folder(&self, customer: &str) -> Result<Staging> {
        let dir = self.out.join(staging_name(customer));
        Ok(Staging {
            dirs: Mutex::new(HashSet::from([dir.clone()])),
            state: Mutex::default(),
            dir,
            target: self.out.join(customer),
            files: Mutex::default(),
            error: Mutex::default(),
        })
    }

    fn finish(
        &self,
        customer: &str,
        folder: Staging,
        keep: bool,
        record: Option<Record>,
    ) -> Result<()> {
        let error = lock(&folder.error).take();
        if !keep || error.is_some() {
            remove_if_exists(&folder.dir)?;
            return error.map_or(Ok(()), Err);
        }
        let unchanged = !lock(&folder.state).0
            && self.built_langs.is_empty()
            && folder.old_is_complete(lock(&folder.files).len());
        let files = std::mem::take(&mut *lock(&folder.files));
        let record = record.map(|mut record| {
            record.files = files.iter().map(|(rel, _)| rel.clone()).collect();
            record.files.sort();
            record.to_text()
        });
        if unchanged {
            // The same files from other inputs (or from a build before records or the
            // marker): the record and the marker are the only things to write.
            if let Some(text) = record {
                write_if_changed(&folder.target.join(fingerprint::FILE), text.as_bytes())?;
            }
            guard::mark(&folder.target)
                .with_context(|| format!("writing {}", folder.target.display()))?;
        } else {
            folder.materialize()?;
            let (dir, target) = (&folder.dir, &folder.target);
            if !self.built_langs.is_empty() && target.is_dir() {
                carry_over_languages(target, dir, &self.built_langs)?;
            }
            if let Some(text) = record {
                let path = dir.join(fingerprint::FILE);
                fs::write(&path, text).with_context(|| format!("writing {}", path.display()))?;
            }
            swap_in(dir, target)?;
        }
        let mut all = lock(&self.files);
        for (rel, changed) in files {
            self.count(changed);
            all.push(format!("{customer}/{rel}"));
        }
        Ok(())
    }

    fn previous(&self, customer: &str) -> Option<Record> {
        let path = self.out.join(customer).join(fingerprint::FILE);
        Record::parse(&fs::read_to_string(path).ok()?)
    }

    fn unchanged(&self, customer: &str, record: Record) -> Result<()> {
        // A folder from a build before the marker: mark it now, as `finish` does.
        let target = self.out.join(customer);
        guard::mark(&target).with_context(|| format!("writing {}", target.display()))?;
        let mut all = lock(&self.files);
        for rel in record.files {
            self.count(false);
            all.push(format!("{customer}/{rel}"));
        }
        Ok(())
    }

    fn kept_in(&self) -> Option<&Path> {
        Some(&self.out)
    }

    fn top(&self, rel: &str, bytes: Vec<u8>) -> Result<()> {
        let path = self.out.join(rel);
        let changed = !same_bytes(&path, &bytes);
        if changed {
            if path.symlink_metadata().is_ok() && !guard::top_owned(&self.out) {
                anyhow::bail!(
                    "`{}` was not written by handboek (its folder has no `{MARKER}` file), so handboek does not replace it; move it away, or build into another folder with `--out`",
                    path.display()
                );
            }
            let tmp = self.out.join(staging_name(rel));
            fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
            replace_file(&tmp, &path)?;
        }
        guard::mark(&self.out).with_context(|| format!("writing {}", self.out.display()))?;
        self.count(changed);
        lock(&self.files).push(rel.to_string());
        Ok(())
    }
}

/// Links `<audience>/<lang>/` folders of languages not built this time from the old output.
fn carry_over_languages(old: &Path, new: &Path, built: &[Lang]) -> Result<()> {
    for audience in fs::read_dir(old).with_context(|| format!("reading {}", old.display()))? {
        let audience = audience?.path();
        for lang in Lang::ALL.iter().filter(|l| !built.contains(l)) {
            let from = audience.join(lang.code());
            if from.is_dir() {
                let name = audience.file_name().map(PathBuf::from).unwrap_or_default();
                link_dir(&from, &new.join(name).join(lang.code()))?;
            }
        }
    }
    Ok(())
}

fn link_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let rel = entry.path().strip_prefix(from)?;
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest)?;
        } else if fs::hard_link(entry.path(), &dest).is_err() {
            fs::copy(entry.path(), &dest)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn remove_if_exists(path: &Path) -> Result<()> {
    if path.exists() {
        fs::remove_dir_all(path).with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn build(out: &Path, files: &[(&str, &str)], keep: bool) -> Written {
        let disk = Disk::new(out, &[]).unwrap();
        let folder = disk.folder("klant").unwrap();
        for (rel, text) in files {
            folder.put(rel.to_string(), text.as_bytes().to_vec());
        }
        disk.finish("klant", folder, keep, None).unwrap();
        disk.written()
    }

    #[test]
    fn unchanged_files_are_linked_not_written() {
        let out = tempfile::tempdir().unwrap();
        let first = build(out.path(), &[("a/x.html", "een"), ("b.html", "twee")], true);
        assert_eq!((first.written, first.unchanged), (2, 0));
        let second = build(out.path(), &[("a/x.html", "een"), ("b.html", "drie")], true);
        assert_eq!((second.written, second.unchanged), (1, 1));
        let read = |rel: &str| fs::read_to_string(out.path().join("klant").join(rel)).unwrap();
        assert_eq!(
            (read("a/x.html"), read("b.html")),
            ("een".into(), "drie".into())
        );
        assert_eq!(second.files, ["klant/a/x.html", "klant/b.html"]);
        let names: Vec<_> = fs::read_dir(out.path()).unwrap().collect();
        assert_eq!(names.len(), 1, "no staging or old folder is left behind");
    }

    #[cfg(unix)]
    #[test]
    fn an_unchanged_customer_is_not_touched_and_a_dropped_file_goes() {
        use std::os::unix::fs::MetadataExt;
        let out = tempfile::tempdir().unwrap();
        let files = [("a/x.html", "een"), ("b.html", "twee")];
        build(out.path(), &files, true);
        let folder = || fs::metadata(out.path().join("klant")).unwrap().ino();
        let before = folder();
        let again = build(out.path(), &files, true);
        assert_eq!((again.written, again.unchanged), (0, 2));
        assert_eq!(folder(), before, "the folder was not swapped");
        build(out.path(), &files[..1], true);
        assert_ne!(folder(), before, "a file less means a new folder");
        assert!(!out.path().join("klant/b.html").exists());
        assert!(out.path().join("klant/a/x.html").exists());
    }

    #[test]
    fn a_folder_that_is_not_kept_leaves_the_old_one() {
        let out = tempfile::tempdir().unwrap();
        build(out.path(), &[("a.html", "oud")], true);
        let failed = build(out.path(), &[("a.html", "nieuw"), ("b.html", "b")], false);
        assert!(failed.files.is_empty());
        let klant = out.path().join("klant");
        assert_eq!(fs::read_to_string(klant.join("a.html")).unwrap(), "oud");
        assert!(!klant.join("b.html").exists());
        assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1);
    }
}
