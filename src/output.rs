//! The output: every file of a build in memory (`Output`), and the one function that writes
//! it to disk, atomically per customer.

mod blocks;
mod handbook;
mod overview;
mod pages;
mod search;

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};

pub use handbook::{Inputs, Tree, render_customer};
use rayon::prelude::*;

use crate::customer::Customer;
use crate::diagnostics::Diagnostics;
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

/// Renders every customer in parallel; a customer with problems adds them to `diags` and
/// gets no files, so that its previous output stays.
pub fn render_customers(
    inputs: &Inputs,
    customers: &[Customer],
    langs: &[Lang],
    diags: &mut Diagnostics,
) -> Output {
    let rendered: Vec<_> = customers
        .par_iter()
        .map(|c| render_customer(inputs, c, langs))
        .collect();
    let mut output = Output::default();
    for (customer, tree) in customers.iter().zip(rendered) {
        match tree {
            Ok(tree) => {
                output.customers.insert(customer.id.clone(), tree);
            }
            Err(d) => diags.extend(d),
        }
    }
    output
}

/// Writes `output` under `out`. Each customer's folder is built beside its final place and
/// swapped in with renames, so a reader (or a killed build) sees the old folder or the new
/// one, never half of each. With `kept_langs`, the named languages' folders of the previous
/// output are carried over (a build of one language must not delete the others).
pub fn write_output(output: &Output, out: &Path, built_langs: &[Lang]) -> Result<()> {
    fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    for (id, tree) in &output.customers {
        let target = out.join(id);
        let staging = out.join(format!(".{id}.tmp-{}", std::process::id()));
        remove_if_exists(&staging)?;
        write_tree(&staging, tree)?;
        if !built_langs.is_empty() && target.is_dir() {
            carry_over_languages(&target, &staging, built_langs)?;
        }
        swap_in(&staging, &target)?;
    }
    for (rel, bytes) in &output.top {
        let path = out.join(rel);
        let tmp = out.join(format!(".{rel}.tmp-{}", std::process::id()));
        fs::write(&tmp, bytes).with_context(|| format!("writing {}", tmp.display()))?;
        fs::rename(&tmp, &path).with_context(|| format!("replacing {}", path.display()))?;
    }
    Ok(())
}

fn write_tree(root: &Path, tree: &Tree) -> Result<()> {
    for (rel, bytes) in tree {
        let path = root.join(rel);
        if let Some(parent) = path.parent() {
            fs::create_dir_all(parent).with_context(|| format!("creating {}", parent.display()))?;
        }
        fs::write(&path, bytes).with_context(|| format!("writing {}", path.display()))?;
    }
    Ok(())
}

/// Copies `<audience>/<lang>/` folders of languages not built this time from the old output.
fn carry_over_languages(old: &Path, new: &Path, built: &[Lang]) -> Result<()> {
    for audience in fs::read_dir(old).with_context(|| format!("reading {}", old.display()))? {
        let audience = audience?.path();
        for lang in Lang::ALL.iter().filter(|l| !built.contains(l)) {
            let from = audience.join(lang.code());
            if from.is_dir() {
                let name = audience.file_name().map(PathBuf::from).unwrap_or_default();
                copy_dir(&from, &new.join(name).join(lang.code()))?;
            }
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<()> {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry?;
        let rel = entry.path().strip_prefix(from)?;
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            fs::create_dir_all(&dest)?;
        } else {
            fs::copy(entry.path(), &dest)
                .with_context(|| format!("copying {}", entry.path().display()))?;
        }
    }
    Ok(())
}

fn swap_in(staging: &Path, target: &Path) -> Result<()> {
    if target.exists() {
        let old = target.with_extension(format!("old-{}", std::process::id()));
        remove_if_exists(&old)?;
        fs::rename(target, &old).with_context(|| format!("moving {} aside", target.display()))?;
        fs::rename(staging, target)
            .with_context(|| format!("moving the new {} in place", target.display()))?;
        fs::remove_dir_all(&old).with_context(|| format!("removing {}", old.display()))?;
    } else {
        fs::rename(staging, target)
            .with_context(|| format!("moving the new {} in place", target.display()))?;
    }
    Ok(())
}

fn remove_if_exists(path: &Path) -> Result<()> {
    if path.exists() {
        fs::remove_dir_all(path).with_context(|| format!("removing {}", path.display()))?;
    }
    Ok(())
}
