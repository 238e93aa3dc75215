//! `handboek init` and `handboek new customer`: the files a consultant starts from, each
//! pointing its editor at the schema in `.handboek/` for completion and help.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::schema::{SCHEMA_DIR, SchemaFile, write_schema, write_schemas};

const CUSTOMER: &str = include_str!("scaffold/customer.yaml");
const SETTINGS: &str = include_str!("scaffold/handboek.yaml");
const README: &str = include_str!("scaffold/README.md");

/// Creates a project in `dir` (which may exist, but must not hold a project yet).
/// Returns the files and folders created.
pub fn init(dir: &Path) -> Result<Vec<PathBuf>> {
    if dir.join("handboek.yaml").exists() {
        bail!(
            "{} already holds a handboek project (handboek.yaml exists)",
            dir.display()
        );
    }
    let mut created = Vec::new();
    for sub in ["customers", "content/nl", "content/en", "themes", "assets"] {
        let path = dir.join(sub);
        fs::create_dir_all(&path).with_context(|| format!("creating {}", path.display()))?;
        created.push(path);
    }
    let msp = "Mijn IT-bedrijf";
    created.push(write_new(
        &dir.join("handboek.yaml"),
        &SETTINGS.replace("{msp}", msp),
    )?);
    created.push(write_new(&dir.join("README.md"), README)?);
    created.push(write_new(&dir.join(".gitignore"), "/public/\n")?);
    created.extend(write_schemas(&dir.join(SCHEMA_DIR))?);
    created.extend(new_customer(dir, "voorbeeld")?);
    Ok(created)
}

/// Adds `customers/<id>.yaml` with every key and a comment on each, and the schemas its
/// first line points at if the project lacks them. Returns the files created.
pub fn new_customer(project: &Path, id: &str) -> Result<Vec<PathBuf>> {
    let valid = !id.is_empty()
        && !id.starts_with('-')
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-');
    if !valid {
        bail!(
            "`{id}` is not a valid customer id: use lowercase letters, digits and dashes, e.g. `bakkerij-jansen`"
        );
    }
    let name = id
        .split('-')
        .map(|w| {
            let mut cs = w.chars();
            cs.next()
                .map(|f| f.to_uppercase().chain(cs).collect::<String>())
                .unwrap_or_default()
        })
        .collect::<Vec<_>>()
        .join(" ");
    let text = CUSTOMER.replace("{id}", id).replace("{name}", &name);
    fs::create_dir_all(project.join("customers"))
        .with_context(|| format!("creating {}/customers", project.display()))?;
    let mut created = vec![write_new(
        &project.join("customers").join(format!("{id}.yaml")),
        &text,
    )?];
    let schemas = project.join(SCHEMA_DIR);
    for file in SchemaFile::ALL {
        if !schemas.join(file.file_name()).exists() {
            created.push(write_schema(&schemas, file)?);
        }
    }
    Ok(created)
}

fn write_new(path: &Path, text: &str) -> Result<PathBuf> {
    if path.exists() {
        bail!("{} already exists; not overwriting it", path.display());
    }
    fs::write(path, text).with_context(|| format!("writing {}", path.display()))?;
    Ok(path.to_path_buf())
}
