//! The work still owed after a change: every affected customer in every language, built
//! in the background a few at a time on a pool of its own that leaves a core free (so that
//! the page in the browser is never queued behind it), and dropped when a newer change
//! overtook it.

use std::collections::BTreeMap;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, PoisonError};
use std::time::Instant;

use anyhow::{Context, Result};
use rayon::prelude::*;

use crate::files::Files;
use crate::lang::Lang;
use crate::project::{customer_ids, load_customers, load_settings};
use crate::{Build, BuildOptions};

use super::guard::guarded_build;
use super::scope::Scope;
use super::state::Entry;
use super::watch::SETTLE;
use super::{Report, Shared};

/// What is owed, and which changes each customer has seen.
#[derive(Default)]
struct Owed {
    scope: Scope,
    /// Counts changes; a build remembers the count it started at.
    changes: u64,
    /// The last change that affected every customer, and each customer's own last one.
    all_changed: u64,
    changed: BTreeMap<String, u64>,
    /// When the oldest change not yet fully built was seen, and how many customers since.
    since: Option<Instant>,
    built: usize,
    stop: bool,
}

impl Owed {
    /// Whether a change to `id` came after a build that started at change `at`.
    fn overtaken(&self, id: &str, at: u64) -> bool {
        self.all_changed
            .max(self.changed.get(id).copied().unwrap_or(0))
            > at
    }
}

#[derive(Default)]
pub struct Backlog {
    owed: Mutex<Owed>,
    wake: Condvar,
}

impl Backlog {
    fn lock(&self) -> MutexGuard<'_, Owed> {
        self.owed.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// A change to `scope` was seen: builds of it that started before are out of date.
    pub fn overtake(&self, scope: &Scope) {
        let mut owed = self.lock();
        owed.changes += 1;
        let now = owed.changes;
        match scope {
            Scope::All => owed.all_changed = now,
            Scope::Customers(ids) => {
                for id in ids {
                    owed.changed.insert(id.clone(), now);
                }
            }
        }
        owed.since.get_or_insert_with(Instant::now);
    }

    /// Owes a build of every language of `scope`.
    pub fn owe(&self, scope: Scope) {
        self.lock().scope.add(scope);
        self.wake.notify_all();
    }

    pub fn stop(&self) {
        self.lock().stop = true;
        self.wake.notify_all();
    }
}

/// Which threads build: every core (before serving), or the background's own.
#[derive(Clone, Copy)]
enum Cores {
    All,
    Background,
}

/// Builds what is owed.
pub struct Background {
    files: Files,
    shared: Arc<Shared>,
    report: Arc<dyn Fn(Report) + Send + Sync>,
    backlog: Arc<Backlog>,
    pool: rayon::ThreadPool,
}

impl Background {
    pub fn new(
        files: Files,
        shared: Arc<Shared>,
        report: Arc<dyn Fn(Report) + Send + Sync>,
        backlog: Arc<Backlog>,
    ) -> Result<Background> {
        // One core stays free for the page in the browser and for serving it.
        let cores = std::thread::available_parallelism().map_or(2, usize::from);
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(cores.saturating_sub(1).max(1))
            .thread_name(|i| format!("handboek rebuild {i}"))
            .build()
            .context("starting the rebuild threads")?;
        Ok(Background {
            files,
            shared,
            report,
            backlog,
            pool,
        })
    }

    /// Builds every customer on every core: nothing is served yet.
    pub fn build_all(&self) {
        self.backlog.overtake(&Scope::All);
        self.backlog.owe(Scope::All);
        while self.step(Cores::All) {}
    }

    /// Builds what is owed whenever something is, until the backlog is stopped.
    pub fn run(&self) {
        loop {
            {
                let mut owed = self.backlog.lock();
                while owed.scope.is_empty() && !owed.stop {
                    owed = self
                        .backlog
                        .wake
                        .wait(owed)
                        .unwrap_or_else(PoisonError::into_inner);
                }
                if owed.stop {
                    return;
                }
            }
            self.step(Cores::Background);
        }
    }

    /// Builds the next few owed customers (the one in the browser first) in parallel;
    /// `false` when nothing was owed.
    fn step(&self, cores: Cores) -> bool {
        let ids = match customer_ids(&self.files) {
            Ok(ids) => ids,
            Err(e) => {
                (self.report)(Report::Warning(format!("{e:#}")));
                self.backlog.lock().scope = Scope::none();
                return false;
            }
        };
        let (chunk, started) = {
            let mut owed = self.backlog.lock();
            if owed.scope.is_empty() {
                return false;
            }
            let mut todo: Vec<String> = ids
                .iter()
                .filter(|id| owed.scope.contains(id))
                .cloned()
                .collect();
            if let Some((focus, _)) = self.shared.focus()
                && let Some(at) = todo.iter().position(|id| *id == focus)
            {
                let id = todo.remove(at);
                todo.insert(0, id);
            }
            let at_once = match cores {
                Cores::All => rayon::current_num_threads(),
                Cores::Background => self.pool.current_num_threads(),
            };
            let rest = todo.split_off(todo.len().min(at_once.max(1)));
            owed.scope = Scope::Customers(rest.into_iter().collect());
            (todo, owed.changes)
        };
        if ids.is_empty() {
            let result = guarded_build(&self.files, &BuildOptions::default(), &self.shared.kept);
            self.shared.update(&*self.report, |preview| {
                let changed = preview.keep_only(&ids);
                preview.record_project(result.diagnostics);
                changed
            });
        } else {
            self.build_chunk(&ids, &chunk, started, cores);
        }
        let mut owed = self.backlog.lock();
        owed.built += chunk.len();
        if owed.scope.is_empty()
            && let Some(since) = owed.since.take()
        {
            let built = std::mem::take(&mut owed.built);
            drop(owed);
            (self.report)(Report::Rebuilt {
                what: format!("{built} customer(s)"),
                millis: since.elapsed().as_millis(),
            });
        }
        true
    }

    fn build_chunk(&self, ids: &[String], chunk: &[String], started: u64, cores: Cores) {
        let build_each = || -> Vec<(String, Build)> {
            chunk
                .par_iter()
                .map(|id| {
                    let options = BuildOptions {
                        customers: vec![id.clone()],
                        langs: Vec::new(),
                    };
                    (
                        id.clone(),
                        guarded_build(&self.files, &options, &self.shared.kept),
                    )
                })
                .collect()
        };
        let built = match cores {
            Cores::All => build_each(),
            Cores::Background => self.pool.install(build_each),
        };
        if built.iter().any(|(_, b)| b.diagnostics.has_errors()) {
            // Perhaps a file was read half-saved: wait until such a save has surely been
            // reported, so that these results are overtaken and dropped, not shown.
            std::thread::sleep(SETTLE);
        }
        let entries = describe(&self.files, chunk);
        // Held while recording, so that a change seen meanwhile either overtakes these
        // builds or comes after them.
        let owed = self.backlog.lock();
        self.shared.update(&*self.report, |preview| {
            let mut changed = preview.keep_only(ids);
            for (id, entry) in entries {
                changed.extend(preview.describe(&id, entry));
            }
            for (id, mut result) in built {
                // A newer change owes this customer again; these files may be older.
                if owed.overtaken(&id, started) {
                    continue;
                }
                let tree = result.output.customers.remove(&id);
                changed.extend(preview.record(&id, None, tree, result.diagnostics));
            }
            changed
        });
    }
}

/// What the index page says about each of `ids` that loads; the others keep what it said.
fn describe(files: &Files, ids: &[String]) -> Vec<(String, Entry)> {
    if ids.is_empty() {
        return Vec::new();
    }
    let Ok(Ok(settings)) = load_settings(files) else {
        return Vec::new();
    };
    let Ok((customers, _)) = load_customers(files, &settings, ids) else {
        return Vec::new();
    };
    customers
        .into_iter()
        .map(|c| {
            let first = c.languages.first().copied().unwrap_or(Lang::Nl);
            let entry = Entry {
                name: c.name.get(first).to_string(),
                method: c.method.name(),
                languages: c.languages.clone(),
            };
            (c.id, entry)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    #[test]
    fn a_later_change_overtakes_a_build_of_the_same_customer_only() {
        let backlog = Backlog::default();
        let started = backlog.lock().changes;
        backlog.overtake(&Scope::Customers(BTreeSet::from(["a".to_string()])));
        let owed = backlog.lock();
        assert!(owed.overtaken("a", started));
        assert!(!owed.overtaken("b", started));
        assert!(!owed.overtaken("a", owed.changes));
    }

    #[test]
    fn a_change_to_everything_overtakes_every_build() {
        let backlog = Backlog::default();
        backlog.overtake(&Scope::All);
        assert!(backlog.lock().overtaken("anyone", 0));
    }
}
