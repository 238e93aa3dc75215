//! Putting a customer's new folder in the place of the old one without ever losing the old
//! one, on every system. On Windows a folder cannot be renamed over another, and a file that
//! Explorer, a browser, a PDF reader or a virus scanner holds open blocks renaming or
//! deleting the folder it is in, often only for a moment: such a rename is tried again for
//! a few seconds (npm's graceful-fs does the same for the same reason), and then the error
//! names the file that is held open.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Result, anyhow};

/// The waits between tries while another program holds a file open: about 6 s in all,
/// enough for a virus scanner to let go of a file it scans.
const BACKOFF_MS: [u64; 10] = [10, 20, 40, 80, 160, 320, 640, 1000, 1500, 2000];

/// Swaps `staging` in for `target`: the old folder is moved aside, the new one moved in,
/// the old one removed. If the new one cannot be moved in, the old one is moved back, so
/// that `target` always holds a complete build.
pub fn swap_in(staging: &Path, target: &Path) -> Result<()> {
    let backoff = BACKOFF_MS.map(Duration::from_millis);
    swap_with(staging, target, &backoff, &|from, to| fs::rename(from, to))
}

/// Renames the file `from` over the file `to`, waiting out a program that holds `to` open.
pub fn replace_file(from: &Path, to: &Path) -> Result<()> {
    replace_file_with(from, to, &BACKOFF_MS.map(Duration::from_millis))
}

fn replace_file_with(from: &Path, to: &Path, backoff: &[Duration]) -> Result<()> {
    retrying(backoff, held_open, &|| fs::rename(from, to))
        .map_err(|e| explain(e, to, &format!("replacing {}", to.display())))
}

/// [`swap_in`] with the waits and the rename given, for tests.
fn swap_with(
    staging: &Path,
    target: &Path,
    backoff: &[Duration],
    rename: &dyn Fn(&Path, &Path) -> io::Result<()>,
) -> Result<()> {
    let retry = |op: &dyn Fn() -> io::Result<()>| retrying(backoff, held_open, op);
    let kept = "the previous output is unchanged";
    if !target.exists() {
        return retry(&|| rename(staging, target))
            .map_err(|e| explain(e, staging, &format!("moving {} in place", target.display())));
    }
    let name = target
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    // The name the next build's leftover cleaning knows, should this process be killed.
    let old = target.with_file_name(super::leftovers::old_name(&name));
    if old.exists() {
        retry(&|| fs::remove_dir_all(&old))
            .map_err(|e| explain(e, &old, &format!("removing the leftover {}", old.display())))?;
    }
    // The new folder is thrown away when the old one stays: best effort, as the file that
    // blocked the swap may block this too.
    let discard = || drop(fs::remove_dir_all(staging));
    retry(&|| rename(target, &old)).map_err(|e| {
        discard();
        explain(
            e,
            target,
            &format!("replacing {} ({kept})", target.display()),
        )
    })?;
    if let Err(e) = retry(&|| rename(staging, target)) {
        let what = match retry(&|| rename(&old, target)) {
            Ok(()) => {
                discard();
                format!("moving the new {} in place ({kept})", target.display())
            }
            Err(_) => format!(
                "moving the new {} in place (the previous output is in {})",
                target.display(),
                old.display()
            ),
        };
        return Err(explain(e, staging, &what));
    }
    retry(&|| fs::remove_dir_all(&old)).map_err(|e| {
        let what = format!(
            "removing the previous copy {} (the new {} is in place)",
            old.display(),
            target.display()
        );
        explain(e, &old, &what)
    })
}

/// Runs `op`, and again after each wait of `backoff` while it fails because another program
/// holds a file open (`held`).
fn retrying<T>(
    backoff: &[Duration],
    held: fn(&io::Error) -> bool,
    op: &dyn Fn() -> io::Result<T>,
) -> io::Result<T> {
    for wait in backoff {
        match op() {
            Err(e) if held(&e) => std::thread::sleep(*wait),
            done => return done,
        }
    }
    op()
}

/// Whether an error means that another program holds a file open: on Windows, access
/// denied (what renaming a folder with an open file in it gives), a sharing violation or a
/// lock violation. Elsewhere an open file blocks nothing, so nothing is tried again.
fn held_open(e: &io::Error) -> bool {
    cfg!(windows) && matches!(e.raw_os_error(), Some(5 | 32 | 33))
}

/// The error of `what`; when another program may hold a file in `dir` open, which one and
/// what to do.
fn explain(e: io::Error, dir: &Path, what: &str) -> anyhow::Error {
    if !held_open(&e) {
        return anyhow::Error::new(e).context(what.to_string());
    }
    let holder = "another program (Explorer, a browser, a PDF reader, a virus scanner)";
    match file_held_open(dir) {
        Some(file) => anyhow!(
            "{what}: {} is open in {holder}; close it and build again",
            file.display()
        ),
        // Access denied without a file held open: perhaps a folder Windows does not let us
        // write, perhaps a program that let go just now.
        None => anyhow!(
            "{what}: {e}; if a file in {} is open in {holder}, close it and build again, else check that you may change that folder",
            dir.display()
        ),
    }
}

/// The first file (or folder) under `dir` that another program holds open without letting
/// it be deleted or renamed: asking for delete access while sharing everything fails with a
/// sharing violation exactly then.
#[cfg(windows)]
fn file_held_open(dir: &Path) -> Option<PathBuf> {
    use std::os::windows::fs::OpenOptionsExt;
    const DELETE: u32 = 0x0001_0000;
    const SHARE_ALL: u32 = 0x7;
    const FILE_FLAG_BACKUP_SEMANTICS: u32 = 0x0200_0000; // needed to open a folder
    walkdir::WalkDir::new(dir)
        .contents_first(true)
        .into_iter()
        .filter_map(Result::ok)
        .map(walkdir::DirEntry::into_path)
        .find(|path| {
            fs::OpenOptions::new()
                .access_mode(DELETE)
                .share_mode(SHARE_ALL)
                .custom_flags(FILE_FLAG_BACKUP_SEMANTICS)
                .open(path)
                .is_err_and(|e| e.raw_os_error() == Some(32))
        })
}

#[cfg(not(windows))]
fn file_held_open(_dir: &Path) -> Option<PathBuf> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn tree(root: &Path, name: &str, text: &str) -> PathBuf {
        let dir = root.join(name);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), text).unwrap();
        dir
    }

    fn read(dir: &Path) -> String {
        fs::read_to_string(dir.join("index.html")).unwrap()
    }

    fn busy() -> io::Error {
        io::Error::from(io::ErrorKind::ResourceBusy)
    }

    #[test]
    fn a_rename_is_tried_again_while_held_then_gives_up() {
        let tries = Cell::new(0);
        let held = |e: &io::Error| e.kind() == io::ErrorKind::ResourceBusy;
        let flaky = || {
            tries.set(tries.get() + 1);
            if tries.get() < 3 {
                Err(busy())
            } else {
                Ok(tries.get())
            }
        };
        assert_eq!(retrying(&[Duration::ZERO; 5], held, &flaky).unwrap(), 3);
        tries.set(0);
        let never = || -> io::Result<()> {
            tries.set(tries.get() + 1);
            Err(busy())
        };
        assert!(retrying(&[Duration::ZERO; 5], held, &never).is_err());
        assert_eq!(tries.get(), 6, "one try, then one after each wait");
        tries.set(0);
        let denied = || -> io::Result<()> {
            tries.set(tries.get() + 1);
            Err(io::Error::from(io::ErrorKind::PermissionDenied))
        };
        assert!(retrying(&[Duration::ZERO; 5], held, &denied).is_err());
        assert_eq!(tries.get(), 1, "any other error is final at once");
    }

    #[test]
    fn swapping_replaces_the_folder_and_leaves_nothing_behind() {
        let out = tempfile::tempdir().unwrap();
        let target = tree(out.path(), "klant", "oud");
        let staging = tree(out.path(), ".klant.tmp", "nieuw");
        swap_in(&staging, &target).unwrap();
        assert_eq!(read(&target), "nieuw");
        assert_eq!(fs::read_dir(out.path()).unwrap().count(), 1);
        let fresh = tree(out.path(), ".nieuw.tmp", "eerste");
        swap_in(&fresh, &out.path().join("nieuw")).unwrap();
        assert_eq!(read(&out.path().join("nieuw")), "eerste");
    }

    #[test]
    fn when_the_new_folder_cannot_move_in_the_old_one_is_put_back() {
        let out = tempfile::tempdir().unwrap();
        let target = tree(out.path(), "klant", "oud");
        let staging = tree(out.path(), ".klant.tmp", "nieuw");
        // A virus scanner that holds the new folder for longer than we wait.
        let rename = |from: &Path, to: &Path| {
            if from == staging {
                Err(io::Error::from(io::ErrorKind::PermissionDenied))
            } else {
                fs::rename(from, to)
            }
        };
        let err = swap_with(&staging, &target, &[Duration::ZERO; 2], &rename).unwrap_err();
        assert_eq!(read(&target), "oud", "the old output is where it was");
        assert!(
            format!("{err:#}").contains("the previous output is unchanged"),
            "{err:#}"
        );
        let left: Vec<_> = fs::read_dir(out.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(left.len(), 1, "the staging folder is gone too: {left:?}");
    }

    #[test]
    fn when_the_old_folder_cannot_move_aside_nothing_changes() {
        let out = tempfile::tempdir().unwrap();
        let target = tree(out.path(), "klant", "oud");
        let staging = tree(out.path(), ".klant.tmp", "nieuw");
        let rename = |_: &Path, _: &Path| Err(io::Error::from(io::ErrorKind::PermissionDenied));
        let err = swap_with(&staging, &target, &[], &rename).unwrap_err();
        assert_eq!(read(&target), "oud");
        assert!(!staging.exists());
        assert!(format!("{err:#}").starts_with("replacing "), "{err:#}");
    }

    /// What Windows does when Edge or Acrobat shows a file of the output: the file is
    /// opened without sharing delete, so neither it nor its folders can be renamed or
    /// deleted. Wine enforces the sharing of a file (not yet the folder rename).
    #[cfg(windows)]
    #[test]
    fn a_file_held_open_is_named_and_the_old_output_survives() {
        use std::os::windows::fs::OpenOptionsExt;
        let out = tempfile::tempdir().unwrap();
        let target = tree(out.path(), "klant", "oud");
        let pdf = target.join("handboek.pdf");
        fs::write(&pdf, "%PDF").unwrap();
        let _reader = fs::OpenOptions::new()
            .read(true)
            .share_mode(0x1) // FILE_SHARE_READ only, as a PDF reader opens it
            .open(&pdf)
            .unwrap();
        assert_eq!(file_held_open(&target), Some(pdf.clone()));
        let staging = tree(out.path(), ".klant.tmp", "nieuw");
        let result = swap_with(&staging, &target, &[Duration::ZERO; 2], &|f, t| {
            fs::rename(f, t)
        });
        let err = format!("{:#}", result.unwrap_err());
        assert!(
            err.contains(&pdf.file_name().unwrap().to_string_lossy().to_string()),
            "{err}"
        );
        assert!(err.ends_with("close it and build again"), "{err}");
        let complete = |dir: &Path| dir.join("index.html").is_file();
        assert!(
            complete(&target),
            "a complete output stays at the target: {err}"
        );
    }

    /// A PDF reader showing the old PDF while `--pdf` writes the new one.
    #[cfg(windows)]
    #[test]
    fn replacing_a_file_held_open_names_it() {
        use std::os::windows::fs::OpenOptionsExt;
        let out = tempfile::tempdir().unwrap();
        let (old, new) = (
            out.path().join("handboek.pdf"),
            out.path().join("nieuw.pdf"),
        );
        fs::write(&old, "oud").unwrap();
        fs::write(&new, "nieuw").unwrap();
        let reader = fs::OpenOptions::new()
            .read(true)
            .share_mode(0x1)
            .open(&old)
            .unwrap();
        let err = format!(
            "{:#}",
            replace_file_with(&new, &old, &[Duration::ZERO; 2]).unwrap_err()
        );
        assert!(
            err.contains("handboek.pdf is open in another program"),
            "{err}"
        );
        assert_eq!(fs::read_to_string(&old).unwrap(), "oud");
        drop(reader);
        replace_file_with(&new, &old, &[]).unwrap();
        assert_eq!(fs::read_to_string(&old).unwrap(), "nieuw");
    }
}
