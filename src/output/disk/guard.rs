//! What handboek may touch on disk: an output folder that is not one of the project's
//! sources, and inside it only the folders and files it wrote itself (each customer folder
//! holds a marker file), never anything else of the same name.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::content::Audience;

/// The file in every customer folder (and at the top of the output folder) that says
/// handboek wrote it, so a later build may replace it.
pub const MARKER: &str = ".handboek-output";

const MARKER_TEXT: &str = "This folder was written by handboek; the next build replaces it.\n";

/// The folders of a project that hold what an author writes (besides `handboek.yaml`).
pub const SOURCE_FOLDERS: [&str; 5] = ["customers", "content", "themes", "assets", ".handboek"];

/// Names at the top of the output folder that are not customer folders: the overview, the
/// marker, the live preview's own address.
pub const TOP_NAMES: [&str; 3] = ["index.html", MARKER, "_handboek"];

/// Names Windows reserves for devices in every folder (`con`, `nul`, …): a customer
/// folder of that name cannot be written or copied there.
const WINDOWS_DEVICES: [&str; 22] = [
    "con", "prn", "aux", "nul", "com1", "com2", "com3", "com4", "com5", "com6", "com7", "com8",
    "com9", "lpt1", "lpt2", "lpt3", "lpt4", "lpt5", "lpt6", "lpt7", "lpt8", "lpt9",
];

/// Why the output folder `out` may not be used for the project at `project`: it is, holds
/// or lies inside a folder the author writes, so swapping customer folders into it would
/// replace the author's files.
pub fn check_out_dir(project: Option<&Path>, out: &Path) -> Result<(), String> {
    let Some(project) = project else {
        return Ok(());
    };
    let root = resolved(project);
    let out = resolved(out);
    if out == root || root.starts_with(&out) {
        return Err(format!(
            "the output folder `{}` holds the project itself; a build replaces folders in its output folder, so it would replace your customers, content or themes. Build into a folder of its own, e.g. the default `public/` (leave out `--out`) or `--out public`",
            out.display()
        ));
    }
    for name in SOURCE_FOLDERS {
        let source = root.join(name);
        if out.starts_with(&source) {
            return Err(format!(
                "the output folder `{}` lies in the project's `{name}/` folder, which holds what you write; a build would put (and replace) its files among yours. Build into a folder of its own, e.g. the default `public/` (leave out `--out`) or `--out public`",
                out.display()
            ));
        }
    }
    Ok(())
}

/// The path made absolute with every existing part's symlinks resolved, so that two names
/// of one folder compare equal even if it does not exist yet.
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut normal = PathBuf::new();
    for part in absolute.components() {
        match part {
            Component::ParentDir => {
                normal.pop();
            }
            Component::CurDir => {}
            other => normal.push(other),
        }
    }
    // The longest existing ancestor, canonical, then the rest as written.
    let mut rest = Vec::new();
    let mut existing = normal.as_path();
    loop {
        if let Ok(canonical) = fs::canonicalize(existing) {
            let mut out = canonical;
            out.extend(rest.iter().rev());
            return out;
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return normal,
        }
    }
}

/// Why `id` cannot be a customer folder at the top of the output, if it cannot.
pub fn reserved_id(id: &str) -> Option<String> {
    if TOP_NAMES.contains(&id) {
        return Some(format!(
            "`{id}` is a name handboek itself writes at the top of the output folder"
        ));
    }
    if WINDOWS_DEVICES.contains(&id) {
        return Some(format!(
            "`{id}` is a device name on Windows: no folder can have that name there"
        ));
    }
    None
}

/// Whether handboek wrote `dir`: it holds the marker, or (written before there was a marker,
/// or the marker was deleted) nothing but audience folders and handboek's fingerprint of
/// the inputs it was built from. An empty folder, or one that does not exist, holds nothing
/// to lose.
pub fn owned(dir: &Path) -> bool {
    if dir.join(MARKER).is_file() {
        return true;
    }
    let Ok(entries) = fs::read_dir(dir) else {
        return !dir.exists();
    };
    entries.into_iter().all(|entry| {
        entry.is_ok_and(|entry| {
            let name = entry.file_name();
            let Ok(kind) = entry.file_type() else {
                return false;
            };
            (kind.is_dir() && Audience::ALL.iter().any(|a| name == a.dir()))
                || (kind.is_file() && name == crate::output::fingerprint::FILE)
        })
    })
}

/// Why the customer folder `target` may not be replaced, naming it.
pub fn refusal(target: &Path) -> Option<String> {
    if !target.exists() && target.symlink_metadata().is_err() {
        return None;
    }
    let is_dir = target
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_dir());
    if is_dir && owned(target) {
        return None;
    }
    Some(format!(
        "`{}` was not written by handboek (it has no `{MARKER}` file), so handboek does not replace it",
        target.display()
    ))
}

/// Whether the top of the output folder is handboek's: it has the marker, or every entry is
/// a customer folder handboek wrote, the overview, or hidden.
pub fn top_owned(out: &Path) -> bool {
    if out.join(MARKER).is_file() {
        return true;
    }
    let Ok(entries) = fs::read_dir(out) else {
        return true;
    };
    entries.flatten().all(|entry| {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        name.starts_with('.')
            || name == "index.html"
            || (entry.file_type().is_ok_and(|t| t.is_dir()) && owned(&entry.path()))
    })
}

/// Marks `dir` as written by handboek.
pub fn mark(dir: &Path) -> std::io::Result<()> {
    let path = dir.join(MARKER);
    if path.is_file() {
        return Ok(());
    }
    fs::write(path, MARKER_TEXT)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn project() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        for name in ["customers", "content/nl", "themes", "assets"] {
            fs::create_dir_all(dir.path().join(name)).unwrap();
        }
        fs::write(dir.path().join("handboek.yaml"), "msp: {}\n").unwrap();
        dir
    }

    #[test]
    fn the_project_and_its_source_folders_are_refused_as_output() {
        let p = project();
        let root = p.path();
        for bad in [
            root.to_path_buf(),
            root.join("content"),
            root.join("content/nl"),
            root.join("customers"),
            root.join("themes/x"),
            root.join("assets"),
            root.join(".handboek"),
            root.join("public/../content"),
            root.join("content/new/deeper"),
            root.parent().unwrap().to_path_buf(),
        ] {
            assert!(
                check_out_dir(Some(root), &bad).is_err(),
                "{}",
                bad.display()
            );
        }
        for good in [root.join("public"), root.join("site/out")] {
            assert!(
                check_out_dir(Some(root), &good).is_ok(),
                "{}",
                good.display()
            );
        }
        assert!(check_out_dir(None, root).is_ok());
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_source_folder_is_refused_too() {
        let p = project();
        let link = p.path().join("out");
        std::os::unix::fs::symlink(p.path().join("content"), &link).unwrap();
        assert!(check_out_dir(Some(p.path()), &link).is_err());
    }

    #[test]
    fn only_marked_or_audience_only_folders_are_owned() {
        let dir = tempfile::tempdir().unwrap();
        let marked = dir.path().join("a");
        fs::create_dir_all(marked.join("nl")).unwrap();
        mark(&marked).unwrap();
        assert!(owned(&marked));
        let legacy = dir.path().join("b");
        fs::create_dir_all(legacy.join("employee/nl")).unwrap();
        fs::create_dir_all(legacy.join("admin")).unwrap();
        assert!(owned(&legacy));
        fs::write(legacy.join(crate::output::fingerprint::FILE), "x").unwrap();
        assert!(owned(&legacy), "its fingerprint is handboek's too");
        fs::write(legacy.join("notes.txt"), "mine").unwrap();
        assert!(!owned(&legacy), "an author's file is not");
        let foreign = dir.path().join("c");
        fs::create_dir_all(foreign.join("nl")).unwrap();
        assert!(!owned(&foreign));
        assert!(refusal(&foreign).unwrap().contains(MARKER));
        fs::create_dir_all(dir.path().join("empty")).unwrap();
        assert!(owned(&dir.path().join("empty")));
        assert!(refusal(&dir.path().join("nothing")).is_none());
        fs::write(dir.path().join("file"), "x").unwrap();
        assert!(refusal(&dir.path().join("file")).is_some());
    }

    #[test]
    fn reserved_ids_are_named() {
        assert!(reserved_id("con").is_some());
        assert!(reserved_id("index.html").is_some());
        assert!(reserved_id("acme").is_none());
    }
}
