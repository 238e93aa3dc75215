//! Watching the project: which saved files matter, and the watcher (native or polling)
//! that reports them, coalesced by notify-debouncer-full.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result};
use notify::{EventKind, PollWatcher, RecommendedWatcher, RecursiveMode};
use notify_debouncer_full::{
    DebounceEventResult, Debouncer, NoCache, RecommendedCache, new_debouncer, new_debouncer_opt,
};

/// The folders of a project whose files are inputs; [`WATCHED_FILES`] sit beside them.
pub const WATCHED_DIRS: [&str; 4] = ["customers", "content", "themes", "assets"];
/// The input files at the top of a project.
pub const WATCHED_FILES: [&str; 2] = ["handboek.yaml", crate::terms::TERMS_FILE];

/// How long a file must be quiet before its change is reported: long enough to see an
/// editor's save as one change, short enough to stay far inside the 100 ms budget.
const QUIET: Duration = Duration::from_millis(25);
const TICK: Duration = Duration::from_millis(5);
/// How long after a read a save that was under way during it has surely been reported: a
/// build that looks broken waits this long, so that a file caught half-written is seen as
/// changed (and the broken result dropped) instead of shown.
pub const SETTLE: Duration = QUIET.saturating_add(TICK.saturating_mul(3));
/// How often `--poll` looks at the files (network shares, WSL).
const POLL_EVERY: Duration = Duration::from_millis(300);

/// What the watcher tells the rebuilder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Change {
    /// These input files (relative to the project, with `/`) changed.
    Files(Vec<String>),
    /// Events were lost (the watcher's queue overflowed): anything may have changed.
    Unknown,
    /// The watcher failed; the message is for the terminal.
    Failed(String),
}

/// The input file a changed path is, relative to the project; `None` for the output folder,
/// hidden files and editor temp files, and anything else that is not an input.
pub fn input_path(root: &Path, path: &Path) -> Option<String> {
    let rel = path.strip_prefix(root).ok()?;
    let parts: Vec<&str> = rel
        .components()
        .map(|c| c.as_os_str().to_str())
        .collect::<Option<_>>()?;
    let (first, _) = parts.split_first()?;
    let wanted = WATCHED_FILES.contains(first) && parts.len() == 1 || WATCHED_DIRS.contains(first);
    if !wanted || parts.iter().any(|p| p.starts_with('.')) {
        return None;
    }
    if parts.last().is_some_and(|name| is_editor_temp(name)) {
        return None;
    }
    Some(parts.join("/"))
}

/// Files editors write beside the real one while saving: vim's swap files and its `4913`
/// probe, backups ending in `~`, emacs' `#autosave#` and `.#lock`, JetBrains' safe-write
/// files.
pub fn is_editor_temp(name: &str) -> bool {
    name.starts_with('.')
        || name.ends_with('~')
        || (name.starts_with('#') && name.ends_with('#'))
        || name == "4913"
        || [
            ".swp",
            ".swx",
            ".swo",
            ".tmp",
            "___jb_tmp___",
            "___jb_old___",
        ]
        .iter()
        .any(|ext| name.ends_with(ext))
}

/// The running watcher; dropping it stops it.
pub struct Watcher {
    root: PathBuf,
    inner: Inner,
    watched: Vec<&'static str>,
}

enum Inner {
    Native(Debouncer<RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, NoCache>),
}

impl Watcher {
    /// Watches `root` (for `handboek.yaml` and folders coming and going) and each input
    /// folder, handing every relevant change to `notify`.
    pub fn start(
        root: &Path,
        poll: bool,
        notify: impl Fn(Change) + Send + 'static,
    ) -> Result<Watcher> {
        let handler_root = root.to_path_buf();
        let handler = move |result: DebounceEventResult| {
            let change = match result {
                Ok(events) => {
                    if events.iter().any(|e| e.need_rescan()) {
                        Change::Unknown
                    } else {
                        let mut files: Vec<String> = events
                            .iter()
                            .filter(|e| !matches!(e.kind, EventKind::Access(_)))
                            .flat_map(|e| e.paths.iter())
                            .filter_map(|p| input_path(&handler_root, p))
                            .collect();
                        files.sort();
                        files.dedup();
                        if files.is_empty() {
                            return;
                        }
                        Change::Files(files)
                    }
                }
                Err(errors) => Change::Failed(
                    errors
                        .iter()
                        .map(ToString::to_string)
                        .collect::<Vec<_>>()
                        .join("; "),
                ),
            };
            notify(change);
        };
        let inner = if poll {
            // notify's poller compares modification times in whole seconds: a save in the
            // same second as the last look would be missed. Comparing contents catches it
            // (at the cost of reading the watched files at every look).
            let config = notify::Config::default()
                .with_poll_interval(POLL_EVERY)
                .with_compare_contents(true);
            Inner::Poll(new_debouncer_opt(
                QUIET,
                Some(TICK),
                handler,
                NoCache,
                config,
            )?)
        } else {
            Inner::Native(new_debouncer(QUIET, Some(TICK), handler)?)
        };
        let mut watcher = Watcher {
            root: root.to_path_buf(),
            inner,
            watched: Vec::new(),
        };
        watcher
            .watch(root, RecursiveMode::NonRecursive)
            .with_context(|| format!("watching {}", root.display()))?;
        watcher.refresh();
        Ok(watcher)
    }

    /// Starts watching input folders that appeared since, and forgets removed ones, so a
    /// folder deleted and created again is watched again.
    pub fn refresh(&mut self) {
        for dir in WATCHED_DIRS {
            let path = self.root.join(dir);
            let exists = path.is_dir();
            let known = self.watched.contains(&dir);
            if known {
                // The old watch may be dead (folder removed and made again): renew it.
                let _ = self.unwatch(&path);
                self.watched.retain(|d| *d != dir);
            }
            if exists && self.watch(&path, RecursiveMode::Recursive).is_ok() {
                self.watched.push(dir);
            }
        }
    }

    fn watch(&mut self, path: &Path, mode: RecursiveMode) -> notify::Result<()> {
        match &mut self.inner {
            Inner::Native(d) => d.watch(path, mode),
            Inner::Poll(d) => d.watch(path, mode),
        }
    }

    fn unwatch(&mut self, path: &Path) -> notify::Result<()> {
        match &mut self.inner {
            Inner::Native(d) => d.unwatch(path),
            Inner::Poll(d) => d.unwatch(path),
        }
    }
}

/// Whether a batch of changed files touches an input folder itself (created or removed),
/// so the watches must be renewed.
pub fn touches_a_folder(files: &[String]) -> bool {
    files.iter().any(|f| WATCHED_DIRS.contains(&f.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn editor_temp_files_are_not_inputs() {
        for temp in [
            ".index.md.swp",
            "index.md.swp",
            "index.md.swx",
            "index.md~",
            "#index.md#",
            ".#index.md",
            "4913",
            "index.md.tmp",
            "index.md___jb_tmp___",
        ] {
            assert!(is_editor_temp(temp), "{temp}");
        }
        for real in ["index.md", "appco.yaml", "style.css", "4913.md", "#tag.md"] {
            assert!(!is_editor_temp(real), "{real}");
        }
    }

    #[test]
    fn only_files_under_the_input_folders_are_inputs() {
        let root = Path::new("/p");
        let rel = |p: &str| input_path(root, &root.join(p));
        assert_eq!(rel("handboek.yaml"), Some("handboek.yaml".into()));
        assert_eq!(rel("terms.yaml"), Some("terms.yaml".into()));
        assert_eq!(
            rel("content/nl/employee/index.md"),
            Some("content/nl/employee/index.md".into())
        );
        assert_eq!(rel("customers"), Some("customers".into()));
        assert_eq!(
            rel("customers/appco.yaml"),
            Some("customers/appco.yaml".into())
        );
        assert_eq!(rel("public/appco/employee/nl/index.html"), None);
        assert_eq!(rel("public"), None);
        assert_eq!(rel("README.md"), None);
        assert_eq!(rel("content/nl/.git/x"), None);
        assert_eq!(rel("customers/.appco.yaml.swp"), None);
        assert_eq!(rel("customers/appco.yaml~"), None);
        assert_eq!(rel("themes/default/4913"), None);
        assert_eq!(
            rel("content/handboek.yaml/x"),
            Some("content/handboek.yaml/x".into())
        );
        assert_eq!(
            input_path(root, Path::new("/elsewhere/handboek.yaml")),
            None
        );
    }

    #[test]
    fn a_created_or_removed_input_folder_renews_the_watches() {
        assert!(touches_a_folder(&["content".into()]));
        assert!(!touches_a_folder(&["content/nl/employee/index.md".into()]));
    }
}
