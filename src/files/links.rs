//! Symbolic links in a project, one rule for every input: a link that stays inside the
//! project is followed like the file or folder it points at (read, listed, watched); a link
//! that leaves the project, points at nothing, or loops is an error naming the link and its
//! target, and nothing behind it is ever read or published.

use std::fs;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::diagnostics::{Diagnostic, Diagnostics, Source};

/// The files and folders of a project that handboek reads.
pub const INPUTS: [&str; 6] = [
    "handboek.yaml",
    "paths.yaml",
    "customers",
    "content",
    "themes",
    "assets",
];

/// Whether `path` exists and it, and every link on the way to it, stays inside `root`
/// (given canonical).
pub fn inside(root: &Path, path: &Path) -> bool {
    fs::canonicalize(path).is_ok_and(|p| p.starts_with(root))
}

/// Every problem with a link among the project's inputs under `root` (canonical): links
/// that leave the project, point at nothing, or loop.
pub fn link_problems(root: &Path) -> Diagnostics {
    let mut diags = Diagnostics::new();
    for input in INPUTS {
        let start = root.join(input);
        if start.symlink_metadata().is_err() {
            continue;
        }
        let mut entries = WalkDir::new(&start)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        while let Some(entry) = entries.next() {
            match entry {
                Ok(e) if super::is_hidden_or_temp(e.file_name()) && e.depth() > 0 => {
                    if e.file_type().is_dir() {
                        entries.skip_current_dir();
                    }
                }
                Ok(e) if e.path_is_symlink() && !inside(root, e.path()) => {
                    diags.push(outside(root, e.path()));
                    if e.file_type().is_dir() {
                        entries.skip_current_dir();
                    }
                }
                Ok(_) => {}
                Err(err) => {
                    let Some(path) = err.path() else { continue };
                    let hidden = path.file_name().is_some_and(super::is_hidden_or_temp);
                    if !hidden {
                        diags.push(unreadable(root, path, err.loop_ancestor()));
                    }
                }
            }
        }
    }
    diags
}

/// `path` relative to the project, as an author names it.
fn shown(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .to_string_lossy()
        .replace('\\', "/")
}

fn target(path: &Path) -> PathBuf {
    fs::read_link(path).unwrap_or_default()
}

fn at_link(root: &Path, path: &Path, message: String, help: &str) -> Diagnostic {
    let name = shown(root, path);
    Diagnostic::error(message)
        .in_file(&Source::new(name, ""))
        .help(help)
}

fn outside(root: &Path, path: &Path) -> Diagnostic {
    let message = format!(
        "`{}` is a symbolic link to `{}`, which is outside the project",
        shown(root, path),
        target(path).display()
    );
    at_link(
        root,
        path,
        message,
        "handboek reads only files inside the project: copy the file into the project instead of linking to it, or remove the link.",
    )
}

fn unreadable(root: &Path, path: &Path, loop_to: Option<&Path>) -> Diagnostic {
    let name = shown(root, path);
    let is_link = path
        .symlink_metadata()
        .is_ok_and(|m| m.file_type().is_symlink());
    let (message, help) = match loop_to {
        Some(ancestor) => (
            format!(
                "`{name}` is a symbolic link back to `{}`, a folder it is in: it loops",
                shown(root, ancestor)
            ),
            "remove the link.",
        ),
        None if is_link => (
            format!(
                "`{name}` is a symbolic link to `{}`, which does not exist",
                target(path).display()
            ),
            "remove the link, or point it at a file inside the project.",
        ),
        None => (
            format!("`{name}` cannot be read"),
            "check that the file or folder may be read by you.",
        ),
    };
    at_link(root, path, message, help)
}

// Symbolic links are made with Unix calls; Windows needs a privilege to make them.
#[cfg(all(test, unix))]
mod tests {
    use std::os::unix::fs::symlink;

    use super::*;

    fn messages(root: &Path) -> Vec<(String, String)> {
        let root = fs::canonicalize(root).unwrap();
        let mut found: Vec<(String, String)> = link_problems(&root)
            .iter()
            .map(|d| (d.file().to_string(), d.message.clone()))
            .collect();
        found.sort();
        found
    }

    #[test]
    fn links_out_of_the_project_broken_and_looping_are_named_with_their_target() {
        let outside_dir = tempfile::tempdir().unwrap();
        fs::write(outside_dir.path().join("secret.txt"), "x").unwrap();
        let p = tempfile::tempdir().unwrap();
        let root = p.path();
        fs::create_dir_all(root.join("assets/logos")).unwrap();
        fs::create_dir_all(root.join("content/nl/employee")).unwrap();
        fs::write(root.join("content/nl/employee/a.md"), "x").unwrap();
        symlink("/etc/passwd", root.join("assets/logos/logo.svg")).unwrap();
        symlink(outside_dir.path(), root.join("assets/extern")).unwrap();
        symlink("nope.md", root.join("content/nl/employee/gone.md")).unwrap();
        symlink("a.md", root.join("content/nl/employee/b.md")).unwrap();
        symlink("..", root.join("content/nl/employee/up")).unwrap();
        symlink("user@host.123", root.join("content/nl/employee/.#a.md")).unwrap();
        let found = messages(root);
        let files: Vec<&str> = found.iter().map(|(f, _)| f.as_str()).collect();
        assert_eq!(
            files,
            [
                "assets/extern",
                "assets/logos/logo.svg",
                "content/nl/employee/gone.md",
                "content/nl/employee/up"
            ],
            "{found:#?}"
        );
        assert!(
            found[1]
                .1
                .contains("`/etc/passwd`, which is outside the project")
        );
        assert!(found[2].1.contains("`nope.md`, which does not exist"));
        assert!(found[3].1.contains("it loops"), "{}", found[3].1);
    }

    #[test]
    fn a_project_without_links_has_no_problems() {
        let p = tempfile::tempdir().unwrap();
        fs::create_dir_all(p.path().join("content/nl")).unwrap();
        fs::write(p.path().join("handboek.yaml"), "x").unwrap();
        assert!(messages(p.path()).is_empty());
    }
}
