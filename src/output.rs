//! The output: every file of a build in memory (`Output`), and the one function that writes
//! it to disk, atomically per customer.

mod blocks;
mod disk;
pub mod fingerprint;
mod handbook;
mod nav;
mod overview;
mod pages;
mod poster;
mod print;
mod search;

use std::collections::BTreeMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::Result;

pub(crate) use disk::replace_file;
pub use disk::{
    Disk, MARKER, Progress, SOURCE_FOLDERS, TOP_NAMES, Written, check_out_dir, clean_leftovers,
    reserved_id,
};
pub use handbook::{Inputs, Made, Put, Tree, audiences, handbooks, render_customer};
use rayon::prelude::*;

use crate::content::Audience;
use crate::customer::Customer;
use crate::diagnostics::{Diagnostic, Diagnostics};
use fingerprint::{Record, Shared};
pub use overview::render_overview;

use crate::lang::Lang;

/// Files of a build: each customer's folder, plus files at the top of the output folder.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Output {
    pub customers: BTreeMap<String, Tree>,
    pub top: Tree,
}

impl Output {
    /// Every file with its path relative to the output folder.
    pub fn files(&self) -> impl Iterator<Item = (String, &[u8])> {
        self.customers
            .iter()
            .flat_map(|(id, tree)| {
                tree.iter()
                    .map(move |(rel, bytes)| (format!("{id}/{rel}"), bytes.as_slice()))
            })
            .chain(
                self.top
                    .iter()
                    .map(|(rel, bytes)| (rel.clone(), bytes.as_slice())),
            )
    }

    pub fn get(&self, path: &str) -> Option<&[u8]> {
        self.files().find(|(p, _)| p == path).map(|(_, b)| b)
    }
}

/// The value behind `m`, also when another thread panicked while holding it (the data
/// are files being collected; what was put is still good).
pub(crate) fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|e| e.into_inner())
}

/// A folder's files from `(path, text)` pairs, for tests.
#[cfg(test)]
pub(crate) fn tree_of(files: &[(&str, &str)]) -> Tree {
    files
        .iter()
        .map(|(k, v)| (k.to_string(), v.as_bytes().to_vec()))
        .collect()
}

/// Where a build's files go: [`Memory`] (tests, the live preview) or [`Disk`] (a staging
/// folder per customer, swapped in when the customer built without errors).
pub trait Sink: Sync {
    type Folder: Put;
    /// Why the customer's folder may not be written, if it may not (a folder of that name
    /// that the sink did not make).
    fn refusal(&self, _customer: &str) -> Option<String> {
        None
    }
    /// A new, empty folder for one customer.
    fn folder(&self, customer: &str) -> Result<Self::Folder>;
    /// Keeps the customer's new folder (`keep`), or throws it away and leaves the old one.
    /// A kept folder built from inputs with a fingerprint has its `record`.
    fn finish(
        &self,
        customer: &str,
        folder: Self::Folder,
        keep: bool,
        record: Option<Record>,
    ) -> Result<()>;
    /// What the customer's present output was built from, if the sink keeps output from
    /// one build to the next and knows.
    fn previous(&self, _customer: &str) -> Option<Record> {
        None
    }
    /// Leaves the customer's present output as it is: it was built from the same inputs.
    fn unchanged(&self, _customer: &str, _record: Record) -> Result<()> {
        Ok(())
    }
    /// The folder where the sink keeps output from one build to the next (so that
    /// [`Sink::previous`] can know what it was built from), if it does.
    fn kept_in(&self) -> Option<&std::path::Path> {
        None
    }
    /// A file at the top of the output folder.
    fn top(&self, rel: &str, bytes: Vec<u8>) -> Result<()>;
    /// `done` of `total` customers are finished, the last one `customer`.
    fn progress(&self, _done: usize, _total: usize, _customer: &str) {}
}

/// Collects every file in memory.
#[derive(Debug, Default)]
pub struct Memory(Mutex<Output>);

impl Memory {
    pub fn into_output(self) -> Output {
        self.0.into_inner().unwrap_or_else(|e| e.into_inner())
    }
}

impl Put for Mutex<Tree> {
    fn put(&self, rel: String, bytes: Vec<u8>) {
        self.lock()
            .unwrap_or_else(|e| e.into_inner())
            .insert(rel, bytes);
    }
}

impl Sink for Memory {
    type Folder = Mutex<Tree>;

    fn folder(&self, _: &str) -> Result<Mutex<Tree>> {
        Ok(Mutex::default())
    }

    fn finish(
        &self,
        customer: &str,
        folder: Mutex<Tree>,
        keep: bool,
        _: Option<Record>,
    ) -> Result<()> {
        if keep {
            let tree = folder.into_inner().unwrap_or_else(|e| e.into_inner());
            let mut output = lock(&self.0);
            output.customers.insert(customer.to_string(), tree);
        }
        Ok(())
    }

    fn top(&self, rel: &str, bytes: Vec<u8>) -> Result<()> {
        let mut output = lock(&self.0);
        output.top.insert(rel.to_string(), bytes);
        Ok(())
    }
}

/// Keeps nothing: for a run that only looks for problems.
#[derive(Debug, Default)]
pub struct Discard;

impl Put for Discard {
    fn put(&self, _: String, _: Vec<u8>) {}
}

impl Sink for Discard {
    type Folder = Discard;

    fn folder(&self, _: &str) -> Result<Discard> {
        Ok(Discard)
    }

    fn finish(&self, _: &str, _: Discard, _: bool, _: Option<Record>) -> Result<()> {
        Ok(())
    }

    fn top(&self, _: &str, _: Vec<u8>) -> Result<()> {
        Ok(())
    }
}

/// The audiences each customer that built without errors has.
pub type Built = BTreeMap<String, Vec<Audience>>;

/// Renders every customer in parallel into `sink`; a customer with problems adds them to
/// `diags` and its folder is thrown away, so that its previous output stays. With
/// `fingerprints`, a customer whose output was built from the same inputs is not rendered
/// again, and the output of one that is rendered gets its record.
pub fn render_customers<S: Sink>(
    inputs: &Inputs,
    customers: &[Customer],
    langs: &[Lang],
    fingerprints: Option<&Shared>,
    sink: &S,
    diags: &mut Diagnostics,
) -> Result<Built> {
    let done = AtomicUsize::new(0);
    let rendered: Vec<Result<Result<Vec<Audience>, Diagnostics>>> = customers
        .par_iter()
        .map(|c| {
            let result = match sink.refusal(&c.id) {
                Some(why) => Err(Diagnostics::from(
                    Diagnostic::error(why).in_file(&c.source).help(
                        "move that folder away (or rename the customer file), or build into another folder with `--out`.",
                    ),
                )),
                None => render_or_keep(inputs, c, langs, fingerprints, sink)?,
            };
            let done = done.fetch_add(1, Ordering::Relaxed) + 1;
            sink.progress(done, customers.len(), &c.id);
            Ok(result)
        })
        .collect();
    let mut built = Built::new();
    for (customer, result) in customers.iter().zip(rendered) {
        match result? {
            Ok(audiences) => {
                built.insert(customer.id.clone(), audiences);
            }
            Err(d) => diags.extend(d),
        }
    }
    Ok(built)
}

/// Renders `customer` into `sink`, or, with `fingerprints`, leaves its output alone when
/// that was built from the same inputs. Its audiences, or its problems.
fn render_or_keep<S: Sink>(
    inputs: &Inputs,
    customer: &Customer,
    langs: &[Lang],
    fingerprints: Option<&Shared>,
    sink: &S,
) -> Result<Result<Vec<Audience>, Diagnostics>> {
    let c = customer;
    let handbooks = handbooks(inputs.library, c, langs);
    let pages: Vec<_> = handbooks.iter().flat_map(|(_, _, p)| p).copied().collect();
    let fingerprint = fingerprints.map(|f| f.of(c, &pages));
    if let (Some(now), Some(before)) = (fingerprint, sink.previous(&c.id))
        && before.matches(now, inputs.files)
    {
        sink.unchanged(&c.id, before)?;
        return Ok(Ok(audiences(&handbooks)));
    }
    let folder = sink.folder(&c.id)?;
    let result = render_customer(inputs, c, langs, &folder);
    let record = match (&result, fingerprint) {
        (Ok(made), Some(now)) => Some(Record::new(now, &made.assets, inputs.files)?),
        _ => None,
    };
    sink.finish(&c.id, folder, result.is_ok(), record)?;
    Ok(result.map(|made| made.audiences))
}
