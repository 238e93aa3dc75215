//! Rebuilding on save: the page open in the browser built first, at once; the rest is
//! owed to the background (`backlog`). What a change affects is `scope`.

use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use crate::BuildOptions;
use crate::files::Files;
use crate::lang::Lang;
use crate::project::customer_ids;

use super::backlog::Backlog;
use super::guard::guarded_build;
use super::scope::{Scope, scope_of};
use super::watch::{Change, SETTLE, Watcher, touches_a_folder};
use super::{Report, Shared};

/// What the rebuilder hears.
pub enum Message {
    Change(Change),
    /// The server is shutting down.
    Stop,
}

/// Takes in the watcher's changes and builds the page in the browser at once.
pub struct Rebuilder {
    files: Files,
    shared: Arc<Shared>,
    report: Arc<dyn Fn(Report) + Send + Sync>,
    backlog: Arc<Backlog>,
}

impl Rebuilder {
    pub fn new(
        files: Files,
        shared: Arc<Shared>,
        report: Arc<dyn Fn(Report) + Send + Sync>,
        backlog: Arc<Backlog>,
    ) -> Rebuilder {
        Rebuilder {
            files,
            shared,
            report,
            backlog,
        }
    }

    /// Rebuilds on every change until told to stop; then stops the background too.
    pub fn run(self, messages: Receiver<Message>, mut watcher: Option<Watcher>) {
        let mut inbox = Inbox {
            messages,
            pending: Vec::new(),
        };
        while let Some(batch) = inbox.next() {
            let mut changes = Vec::new();
            for message in batch {
                match message {
                    Message::Stop => {
                        self.backlog.stop();
                        return;
                    }
                    Message::Change(change) => changes.push(change),
                }
            }
            self.take(changes, watcher.as_mut(), &mut inbox);
        }
        self.backlog.stop();
    }

    /// Takes in changes: the page open in the browser is rebuilt at once, the rest is owed.
    fn take(&self, changes: Vec<Change>, watcher: Option<&mut Watcher>, inbox: &mut Inbox) {
        let mut scope = Scope::none();
        let mut renew = false;
        for change in changes {
            match change {
                Change::Files(files) => {
                    renew |= touches_a_folder(&files);
                    scope.add(scope_of(&files));
                }
                Change::Unknown => {
                    renew = true;
                    scope = Scope::All;
                }
                Change::Failed(message) => (self.report)(Report::Warning(message)),
            }
        }
        if renew && let Some(watcher) = watcher {
            watcher.refresh();
        }
        if scope.is_empty() {
            return;
        }
        let started = Instant::now();
        // Background builds that started before this change must not land after it.
        self.backlog.overtake(&scope);
        if let Some((id, lang)) = self.shared.focus()
            && scope.contains(&id)
            && let Ok(ids) = customer_ids(&self.files)
            && ids.contains(&id)
        {
            self.build_focus(&ids, &id, lang, inbox);
            (self.report)(Report::Rebuilt {
                what: format!("{id} ({lang})"),
                millis: started.elapsed().as_millis(),
            });
        }
        self.backlog.owe(scope);
    }

    /// One language of one customer: what the browser shows, built on the shared pool
    /// that the background never uses.
    fn build_focus(&self, ids: &[String], id: &str, lang: Lang, inbox: &mut Inbox) {
        let options = BuildOptions {
            customers: vec![id.to_string()],
            langs: vec![lang],
        };
        let mut result = guarded_build(&self.files, &options, &self.shared.kept);
        // Broken, perhaps because a file was read half-saved: if another change comes in
        // meanwhile, that one is built instead (the background still owes this one).
        if result.diagnostics.has_errors() && inbox.arrives_within(SETTLE) {
            return;
        }
        let tree = result.output.customers.remove(id);
        self.shared.update(&*self.report, |preview| {
            let mut changed = preview.keep_only(ids);
            changed.extend(preview.record(id, Some(lang), tree, result.diagnostics));
            changed
        });
    }
}

/// The rebuilder's messages, with those it has looked at but not yet taken.
struct Inbox {
    messages: Receiver<Message>,
    pending: Vec<Message>,
}

impl Inbox {
    /// Everything that has come in, waiting for something if nothing has; `None` when the
    /// watcher and the server are gone.
    fn next(&mut self) -> Option<Vec<Message>> {
        if self.pending.is_empty() {
            self.pending.push(self.messages.recv().ok()?);
        }
        self.pending.extend(self.messages.try_iter());
        Some(std::mem::take(&mut self.pending))
    }

    /// Whether a message comes in within `wait`.
    fn arrives_within(&mut self, wait: Duration) -> bool {
        if self.pending.is_empty()
            && let Ok(message) = self.messages.recv_timeout(wait)
        {
            self.pending.push(message);
        }
        !self.pending.is_empty()
    }
}
