//! What a killed build leaves in the output folder: a customer's staging folder
//! `.<id>.tmp-<pid>`, an old customer folder `<id>.old-<pid>` set aside during a swap, and a
//! top file's `.<name>.tmp-<pid>`. The next build removes them, but only names handboek
//! makes, only folders handboek wrote, and only when the build that made them is gone.

use std::fs;
use std::path::{Path, PathBuf};

use super::guard::owned;

/// A name of a build's temporary file or folder, and the process that made it.
#[derive(Debug, PartialEq, Eq)]
enum Leftover<'a> {
    /// `.<id>.tmp-<pid>`: a staging folder, or a top file being written.
    Staging { name: &'a str, pid: u32 },
    /// `<id>.old-<pid>`: a customer's previous folder, set aside during a swap.
    Old { id: &'a str, pid: u32 },
}

/// The name of a customer's staging folder for this process.
pub fn staging_name(customer: &str) -> String {
    format!(".{customer}.tmp-{}", std::process::id())
}

/// The name a customer's previous folder is moved to while the new one is swapped in.
pub fn old_name(customer: &str) -> String {
    format!("{customer}.old-{}", std::process::id())
}

fn parse(file_name: &str) -> Option<Leftover<'_>> {
    if let Some(rest) = file_name.strip_prefix('.') {
        let (name, pid) = rest.rsplit_once(".tmp-")?;
        return Some(Leftover::Staging {
            name: plain(name)?,
            pid: number(pid)?,
        });
    }
    let (id, pid) = file_name.rsplit_once(".old-")?;
    Some(Leftover::Old {
        id: plain(id).filter(|id| !id.contains('.'))?,
        pid: number(pid)?,
    })
}

/// A customer id or a top file name: letters, digits, dashes and dots, nothing else.
fn plain(name: &str) -> Option<&str> {
    let ok = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    ok.then_some(name)
}

fn number(pid: &str) -> Option<u32> {
    (!pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()))
        .then(|| pid.parse().ok())
        .flatten()
}

/// Removes what dead builds left in `out`; returns what it removed. Anything it cannot
/// remove stays (the build goes on): it is only clutter.
pub fn clean_leftovers(out: &Path) -> Vec<PathBuf> {
    let Ok(entries) = fs::read_dir(out) else {
        return Vec::new();
    };
    let mut removed = Vec::new();
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(leftover) = name.to_str().and_then(parse) else {
            continue;
        };
        let pid = match leftover {
            Leftover::Staging { pid, .. } | Leftover::Old { pid, .. } => pid,
        };
        if alive(pid) {
            continue;
        }
        let path = entry.path();
        let Ok(kind) = entry.file_type() else {
            continue;
        };
        let gone = if kind.is_dir() {
            owned(&path) && fs::remove_dir_all(&path).is_ok()
        } else {
            matches!(leftover, Leftover::Staging { .. })
                && kind.is_file()
                && fs::remove_file(&path).is_ok()
        };
        if gone {
            removed.push(path);
        }
    }
    removed.sort();
    removed
}

/// Whether the process `pid` may still be running. When in doubt it is: a live build's
/// folders must never be removed under it.
fn alive(pid: u32) -> bool {
    if pid == std::process::id() {
        return true;
    }
    if cfg!(target_os = "linux") {
        return Path::new("/proc").join(pid.to_string()).exists();
    }
    let output = if cfg!(windows) {
        std::process::Command::new("tasklist")
            .args(["/FI", &format!("PID eq {pid}"), "/NH", "/FO", "CSV"])
            .output()
    } else {
        std::process::Command::new("kill")
            .args(["-0", &pid.to_string()])
            .output()
    };
    match output {
        Ok(o) if cfg!(windows) => {
            String::from_utf8_lossy(&o.stdout).contains(&format!("\"{pid}\""))
        }
        // `kill -0` fails for a process of another user too; only "no such process" is gone.
        Ok(o) => {
            o.status.success() || !String::from_utf8_lossy(&o.stderr).contains("No such process")
        }
        Err(_) => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::output::disk::guard::mark;

    /// A process id that is not running: a child that has exited and been waited for (this
    /// test binary itself, asked to run a test that does not exist: `true` is not on Windows).
    fn dead_pid() -> u32 {
        let mut child = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "no test has this name"])
            .stdout(std::process::Stdio::null())
            .spawn()
            .unwrap();
        let pid = child.id();
        child.wait().unwrap();
        pid
    }

    #[test]
    fn names_of_leftovers_are_recognised() {
        assert_eq!(
            parse(".acme.tmp-123"),
            Some(Leftover::Staging {
                name: "acme",
                pid: 123
            })
        );
        assert_eq!(
            parse(".index.html.tmp-9"),
            Some(Leftover::Staging {
                name: "index.html",
                pid: 9
            })
        );
        assert_eq!(
            parse("van-dijk.old-42"),
            Some(Leftover::Old {
                id: "van-dijk",
                pid: 42
            })
        );
        for other in [
            "acme",
            ".acme",
            ".acme.tmp-",
            ".acme.tmp-12x",
            "a.b.old-1",
            "Acme.old-1",
            ".git",
            "index.html",
        ] {
            assert_eq!(parse(other), None, "{other}");
        }
    }

    #[test]
    fn a_dead_builds_folders_go_and_a_live_ones_and_strangers_stay() {
        let out = tempfile::tempdir().unwrap();
        let dead = dead_pid();
        let me = std::process::id();
        let make = |name: &str, marked: bool| {
            let dir = out.path().join(name);
            fs::create_dir_all(dir.join("employee/nl")).unwrap();
            fs::write(dir.join("employee/nl/index.html"), "x").unwrap();
            if marked {
                mark(&dir).unwrap();
            }
            dir
        };
        let staging = make(&format!(".acme.tmp-{dead}"), true);
        let old = make(&format!("acme.old-{dead}"), false);
        let live = make(&format!(".acme.tmp-{me}"), true);
        let stranger = out.path().join(format!("notes.old-{dead}"));
        fs::create_dir_all(&stranger).unwrap();
        fs::write(stranger.join("mine.txt"), "keep").unwrap();
        let top = out.path().join(format!(".index.html.tmp-{dead}"));
        fs::write(&top, "x").unwrap();
        let removed = clean_leftovers(out.path());
        assert_eq!(removed.len(), 3, "{removed:?}");
        assert!(!staging.exists() && !old.exists() && !top.exists());
        assert!(live.exists(), "a running build's folder stays");
        assert!(
            stranger.join("mine.txt").exists(),
            "a folder handboek did not write stays"
        );
    }
}
