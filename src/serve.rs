//! `handboek serve`: a live preview from memory, rebuilt on save, with the build's errors
//! shown over the last good page. Nothing is written to the project's `public/`.
//!
//! [`run`] binds, builds every customer once, reports [`Report::Ready`] with the URL, and
//! then serves until Ctrl-C while a thread rebuilds on every change the watcher reports.

mod backlog;
mod guard;
mod host;
mod http;
mod inject;
mod pages;
mod paths;
mod rebuild;
mod scope;
mod state;
mod watch;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::mpsc;
use std::sync::{Arc, Mutex, PoisonError, RwLock, RwLockReadGuard};
use std::time::Duration;

use anyhow::{Context, Result};
use tokio::sync::{broadcast, watch as signal};

use crate::diagnostics::Diagnostics;
use crate::files::Files;
use crate::lang::Lang;

use backlog::{Background, Backlog};
use rebuild::{Message, Rebuilder};
use state::{Notice, Preview};
use watch::Watcher;

/// How `serve` runs.
#[derive(Debug, Clone)]
pub struct Options {
    /// The project to preview and watch; `None` previews the built-in examples.
    pub root: Option<PathBuf>,
    /// Where to listen: 127.0.0.1 unless the user asked for another address.
    pub addr: SocketAddr,
    /// Poll the files instead of relying on the system's notifications.
    pub poll: bool,
}

/// What the server tells the terminal.
#[derive(Debug)]
pub enum Report {
    /// Listening, and every customer built once.
    Ready { url: String },
    /// A rebuild finished: the page in the browser, or every affected customer.
    Rebuilt { what: String, millis: u128 },
    /// The problems changed, and there are errors.
    Problems(Diagnostics),
    /// The last error was fixed.
    Fixed,
    /// Something the user should know that stops nothing (the watcher had trouble).
    Warning(String),
}

/// Stops the server at Ctrl-C after this long even if a browser holds a connection.
const SHUTDOWN_GRACE: Duration = Duration::from_secs(2);

/// What the HTTP side and the rebuilder share.
pub(crate) struct Shared {
    preview: RwLock<Preview>,
    notices: broadcast::Sender<Notice>,
    /// The customer and language of the page the browser asked for last.
    focus: Mutex<Option<(String, Lang)>>,
    stop: signal::Receiver<bool>,
    /// The theme and pages every build takes over from the builds before it.
    kept: crate::Kept,
}

impl Shared {
    fn preview(&self) -> RwLockReadGuard<'_, Preview> {
        self.preview.read().unwrap_or_else(PoisonError::into_inner)
    }

    fn focus(&self) -> Option<(String, Lang)> {
        self.focus
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .clone()
    }

    fn set_focus(&self, key: &str) {
        if let Some(focus) = paths::page_focus(key) {
            *self.focus.lock().unwrap_or_else(PoisonError::into_inner) = Some(focus);
        }
    }

    /// Applies `change` to the preview and tells the browsers and the terminal what changed.
    fn update(&self, report: &dyn Fn(Report), change: impl FnOnce(&mut Preview) -> Vec<String>) {
        let (notice, problems) = {
            let mut preview = self.preview.write().unwrap_or_else(PoisonError::into_inner);
            let changed = change(&mut preview);
            let notice = preview.settle(changed);
            (notice, preview.diagnostics().clone())
        };
        let Some(notice) = notice else {
            return;
        };
        if notice.cleared() {
            report(Report::Fixed);
        } else if notice.overlay.is_some() {
            report(Report::Problems(problems));
        }
        // No browser listening is fine.
        let _ = self.notices.send(notice);
    }
}

/// Serves the live preview until Ctrl-C. `report` hears the URL once ready, and every
/// rebuild and problem after that.
pub fn run(options: Options, report: impl Fn(Report) + Send + Sync + 'static) -> Result<()> {
    let report: Arc<dyn Fn(Report) + Send + Sync> = Arc::new(report);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .context("starting the server's runtime")?;
    runtime.block_on(serve(options, report))
}

async fn serve(options: Options, report: Arc<dyn Fn(Report) + Send + Sync>) -> Result<()> {
    let listener = tokio::net::TcpListener::bind(options.addr)
        .await
        .with_context(|| format!("listening on {}", options.addr))?;
    let addr = listener.local_addr().context("reading the bound address")?;
    let (stop_tx, stop_rx) = signal::channel(false);
    let shared = Arc::new(Shared {
        preview: RwLock::new(Preview::new(instance())),
        notices: broadcast::channel(64).0,
        focus: Mutex::new(None),
        stop: stop_rx.clone(),
        kept: crate::Kept::on(),
    });
    let files = match &options.root {
        Some(root) => Files::project(root),
        None => Files::builtin_examples(),
    };
    let (messages, inbox) = mpsc::channel();
    // Watch before the first build, so that a save during it is not lost.
    let watcher = match &options.root {
        Some(root) => {
            let messages = messages.clone();
            let notify = move |change| {
                // The rebuilder is gone only while the server shuts down.
                let _ = messages.send(Message::Change(change));
            };
            Some(Watcher::start(root, options.poll, notify)?)
        }
        None => None,
    };
    let backlog = Arc::new(Backlog::default());
    let background = Background::new(
        files.clone(),
        shared.clone(),
        report.clone(),
        backlog.clone(),
    )?;
    // Nothing is served yet, so the first build may hold this thread.
    background.build_all();
    let rebuilder = Rebuilder::new(files, shared.clone(), report.clone(), backlog);
    let rebuilding = std::thread::Builder::new()
        .name("handboek watch".into())
        .spawn(move || rebuilder.run(inbox, watcher))
        .context("starting the rebuild thread")?;
    let building = std::thread::Builder::new()
        .name("handboek backlog".into())
        .spawn(move || background.run())
        .context("starting the background build thread")?;
    report(Report::Ready {
        url: format!("http://{addr}/"),
    });
    tokio::spawn(async move {
        let _ = tokio::signal::ctrl_c().await;
        let _ = stop_tx.send(true);
    });
    let mut stopped = stop_rx.clone();
    let server =
        axum::serve(listener, http::router(shared, addr.ip())).with_graceful_shutdown(async move {
            let _ = stopped.wait_for(|stop| *stop).await;
        });
    let mut stopped = stop_rx;
    tokio::select! {
        served = server => served.context("serving")?,
        _ = async {
            let _ = stopped.wait_for(|stop| *stop).await;
            tokio::time::sleep(SHUTDOWN_GRACE).await;
        } => {}
    }
    let _ = messages.send(Message::Stop);
    let _ = rebuilding.join();
    let _ = building.join();
    Ok(())
}

/// A number that tells this server's pages from those of an earlier one, so that a page
/// left open across a restart reloads.
fn instance() -> u64 {
    let nanos = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos());
    (nanos as u64) ^ u64::from(std::process::id())
}
