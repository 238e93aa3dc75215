//! Where inputs come from: the built-in library embedded in the binary, overlaid by the
//! project's own files at the same relative paths. Relative paths use `/` everywhere.

use std::borrow::Cow;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow};
use rust_embed::RustEmbed;

use crate::diagnostics::{Diagnostic, Diagnostics, Source};

mod links;
mod text;

pub use text::control_character;

#[derive(RustEmbed)]
#[folder = "."]
#[include = "content/**"]
#[include = "themes/**"]
#[include = "assets/**"]
#[include = "examples/**"]
#[include = "defaults.yaml"]
#[include = "paths.yaml"]
#[include = "terms.yaml"]
#[exclude = "**/.*"]
struct Builtin;

/// The folder of built-in example customers, used when there is no project.
const EXAMPLES: &str = "examples/";

/// One layer of files, searched before the ones below it.
#[derive(Debug, Clone)]
enum Layer {
    /// A folder on disk (the MSP's project), as given and canonical (links resolved): a
    /// file is read only if it resolves inside the canonical folder.
    Dir(PathBuf, PathBuf),
    /// The embedded files under a prefix (`""` for the library, `examples/` for the examples).
    Embedded(&'static str),
}

/// A file read from a layer, with the name an author should see in messages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputFile {
    pub rel: String,
    pub display: String,
    pub bytes: Cow<'static, [u8]>,
}

impl InputFile {
    /// The file as text, for messages with snippets; a file that is not text (a legacy code
    /// page, broken UTF-16) is an error at its first bad character.
    pub fn text(&self) -> Result<Source, Diagnostic> {
        text::decode(&self.display, &self.bytes)
    }

    /// [`InputFile::text`], for callers that stop at the first problem.
    pub fn source(&self) -> Result<Source> {
        self.text().map_err(|d| {
            anyhow!(
                "{}: {}",
                d.summary(),
                d.help.unwrap_or_default().trim_end_matches('.')
            )
        })
    }
}

/// The project's files over the built-in ones.
#[derive(Debug, Clone)]
pub struct Files {
    layers: Vec<Layer>,
    project_root: Option<PathBuf>,
}

impl Files {
    /// The project at `root` over the built-in library.
    pub fn project(root: &Path) -> Files {
        let canonical = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
        Files {
            layers: vec![
                Layer::Dir(root.to_path_buf(), canonical),
                Layer::Embedded(""),
            ],
            project_root: Some(root.to_path_buf()),
        }
    }

    /// No project: the built-in example MSP and customers over the built-in library.
    pub fn builtin_examples() -> Files {
        Files {
            layers: vec![Layer::Embedded(EXAMPLES), Layer::Embedded("")],
            project_root: None,
        }
    }

    pub fn project_root(&self) -> Option<&Path> {
        self.project_root.as_deref()
    }

    /// The first file at `rel` from the top layer down.
    pub fn read(&self, rel: &str) -> Result<Option<InputFile>> {
        for layer in &self.layers {
            if let Some(file) = read_in(layer, rel)? {
                return Ok(Some(file));
            }
        }
        Ok(None)
    }

    /// Whether any layer has a file at `rel`, without reading it.
    pub fn exists(&self, rel: &str) -> bool {
        self.layers.iter().any(|layer| match layer {
            Layer::Dir(root, canonical) => {
                let path = root.join(rel);
                path.is_file() && links::inside(canonical, &path)
            }
            Layer::Embedded(prefix) => Builtin::get(&format!("{prefix}{rel}")).is_some(),
        })
    }

    /// The file at `rel` in the built-in layer only, ignoring overrides.
    pub fn read_builtin(&self, rel: &str) -> Result<Option<InputFile>> {
        read_in(&Layer::Embedded(""), rel)
    }

    /// Every symbolic link among the project's inputs that leaves the project, points at
    /// nothing or loops: what it points at is never read (see `files/links.rs`).
    pub fn link_problems(&self) -> Diagnostics {
        let mut diags = Diagnostics::new();
        for layer in &self.layers {
            if let Layer::Dir(_, canonical) = layer {
                diags.extend(links::link_problems(canonical));
            }
        }
        diags
    }

    /// Every relative path under `dir/` in any layer, sorted, each once.
    pub fn list(&self, dir: &str) -> Result<Vec<String>> {
        let dir = dir.trim_end_matches('/');
        let mut all = BTreeSet::new();
        for layer in &self.layers {
            list_in(layer, dir, &mut all)?;
        }
        Ok(all.into_iter().collect())
    }
}

fn read_in(layer: &Layer, rel: &str) -> Result<Option<InputFile>> {
    match layer {
        Layer::Dir(root, canonical) => {
            let path = root.join(rel);
            if !path.is_file() || !links::inside(canonical, &path) {
                return Ok(None);
            }
            let bytes =
                std::fs::read(&path).with_context(|| format!("reading {}", path.display()))?;
            Ok(Some(InputFile {
                rel: rel.to_string(),
                display: rel.to_string(),
                bytes: Cow::Owned(bytes),
            }))
        }
        Layer::Embedded(prefix) => {
            let full = format!("{prefix}{rel}");
            Ok(Builtin::get(&full).map(|f| InputFile {
                rel: rel.to_string(),
                display: format!("<built-in>/{full}"),
                bytes: f.data,
            }))
        }
    }
}

fn list_in(layer: &Layer, dir: &str, out: &mut BTreeSet<String>) -> Result<()> {
    match layer {
        Layer::Dir(root, canonical) => {
            let base = root.join(dir);
            if !base.is_dir() {
                return Ok(());
            }
            // Links are followed when they stay inside the project; the others (and loops)
            // are reported by `link_problems` and skipped here.
            let mut entries = walkdir::WalkDir::new(&base)
                .follow_links(true)
                .sort_by_file_name()
                .into_iter();
            while let Some(entry) = entries.next() {
                let Ok(entry) = entry else { continue };
                if entry.path_is_symlink() && !links::inside(canonical, entry.path()) {
                    if entry.file_type().is_dir() {
                        entries.skip_current_dir();
                    }
                    continue;
                }
                if !entry.file_type().is_file() || is_hidden_or_temp(entry.file_name()) {
                    continue;
                }
                let rel = entry
                    .path()
                    .strip_prefix(root)
                    .with_context(|| format!("listing {}", base.display()))?;
                if let Some(rel) = rel.to_str() {
                    out.insert(rel.replace('\\', "/"));
                }
            }
        }
        Layer::Embedded(prefix) => {
            let want = format!("{prefix}{dir}/");
            for name in Builtin::iter() {
                if let Some(rest) = name.strip_prefix(prefix)
                    && name.starts_with(&want)
                {
                    out.insert(rest.to_string());
                }
            }
        }
    }
    Ok(())
}

/// Editor backups and hidden files are never inputs.
fn is_hidden_or_temp(name: &std::ffi::OsStr) -> bool {
    let name = name.to_string_lossy();
    name.starts_with('.') || name.starts_with('#') || name.ends_with('~') || name.ends_with(".swp")
}

/// The longest path an author may write (a logo, an image), in characters.
pub const MAX_PATH_CHARS: usize = 255;

/// Checks a path an author wrote (a logo, an image): relative, inside its folder, no tricks.
pub fn check_relative(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("the path is empty".into());
    }
    if path.chars().count() > MAX_PATH_CHARS {
        return Err(format!(
            "the path is {} characters long; at most {MAX_PATH_CHARS} are allowed",
            path.chars().count()
        ));
    }
    if path.chars().any(char::is_control) {
        return Err("the path contains a control character".into());
    }
    if path.starts_with('/') || path.starts_with('\\') || path.contains(':') {
        return Err(format!(
            "`{path}` is absolute; write a path relative to the folder"
        ));
    }
    if path.contains('\\') {
        return Err(format!("`{path}` uses `\\`; separate folders with `/`"));
    }
    if path.split('/').any(|part| part == "..") {
        return Err(format!(
            "`{path}` steps outside its folder; write a path from the folder down, like `logos/acme.svg`"
        ));
    }
    if path.split('/').any(|part| part == "." || part.is_empty()) {
        return Err(format!(
            "`{path}` has an empty or `.` part; write a plain path like `logos/acme.svg`"
        ));
    }
    Ok(())
}

/// `path` (with `.` and `..` parts) taken from the folder `folder`: the plain path it
/// leads to, or `None` if it climbs out of the top.
pub fn join_relative(folder: &str, path: &str) -> Option<String> {
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in path.split('/') {
        match part {
            "." | "" => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

/// A path as it goes into a URL: every byte but letters, digits and `/-._~` percent-encoded.
pub fn url_path(path: &str) -> String {
    let mut url = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

/// A `file://` URL for an absolute path of the system we run on.
pub fn file_url(path: &Path) -> String {
    file_url_of(&path.to_string_lossy(), cfg!(windows))
}

/// A `file://` URL for an absolute path; a Windows path (`windows`) is one on a drive
/// (`C:\…` → `file:///C:/…`) or a share (`\\server\share\…` → `file://server/share/…`),
/// also in the `\\?\` form Windows gives for long paths.
fn file_url_of(path: &str, windows: bool) -> String {
    if !windows {
        return format!("file://{}", url_path(path));
    }
    let path = path.replace('\\', "/");
    let path = match (path.strip_prefix("//?/UNC/"), path.strip_prefix("//?/")) {
        (Some(share), _) => format!("//{share}"),
        (None, Some(local)) => local.to_string(),
        (None, None) => path,
    };
    if let Some(share) = path.strip_prefix("//") {
        return format!("file://{}", url_path(share));
    }
    let bytes = path.as_bytes();
    if bytes.len() >= 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':' {
        let (drive, rest) = path.split_at(2);
        return format!("file:///{drive}{}", url_path(rest));
    }
    format!("file:///{}", url_path(path.trim_start_matches('/')))
}

/// Finds the project: the nearest folder from `start` upwards with a `handboek.yaml`.
pub fn find_project(start: &Path) -> Option<PathBuf> {
    start
        .ancestors()
        .find(|dir| dir.join("handboek.yaml").is_file())
        .map(Path::to_path_buf)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_is_not_text_names_its_place_and_the_fix_in_the_error() {
        let file = InputFile {
            rel: "customers/acme.yaml".into(),
            display: "customers/acme.yaml".into(),
            bytes: Cow::Borrowed(b"name: Caf\xE9"),
        };
        let err = file.source().unwrap_err().to_string();
        assert!(
            err.starts_with("customers/acme.yaml:1:10: this file is not UTF-8 text"),
            "{err}"
        );
        assert!(err.ends_with("Encoding: UTF-8)"), "{err}");
    }

    #[test]
    fn file_urls_encode_spaces_and_unicode() {
        assert_eq!(
            file_url_of("/tmp/Mijn map/ö.html", false),
            "file:///tmp/Mijn%20map/%C3%B6.html"
        );
    }

    #[test]
    fn file_urls_of_windows_paths_keep_the_drive_and_turn_backslashes() {
        for (path, url) in [
            (
                r"C:\Users\Jan de Vries\Documents\Klanten #1\public\acme\employee\nl\handboek.html",
                "file:///C:/Users/Jan%20de%20Vries/Documents/Klanten%20%231/public/acme/employee/nl/handboek.html",
            ),
            (r"\\?\D:\Ö\handbook.html", "file:///D:/%C3%96/handbook.html"),
            (
                r"\\fileserver\Handboeken$\acme\handboek.html",
                "file://fileserver/Handboeken%24/acme/handboek.html",
            ),
            (
                r"\\?\UNC\fileserver\share\a b.html",
                "file://fileserver/share/a%20b.html",
            ),
            ("Z:/tmp/x.html", "file:///Z:/tmp/x.html"),
        ] {
            assert_eq!(file_url_of(path, true), url, "{path}");
        }
    }

    #[test]
    fn escaping_paths_are_refused() {
        for bad in [
            "../x.svg",
            "/etc/passwd",
            "a/../../b",
            "C:/x",
            "a\\b",
            "",
            "a//b",
            "./a",
        ] {
            assert!(check_relative(bad).is_err(), "{bad}");
        }
        assert!(check_relative("logos/acme.svg").is_ok());
    }

    #[test]
    fn relative_paths_join_and_may_not_climb_out() {
        assert_eq!(join_relative("a/b", "../c/./d").as_deref(), Some("a/c/d"));
        assert_eq!(join_relative("", "x").as_deref(), Some("x"));
        assert_eq!(join_relative("a", "../../x"), None);
    }

    #[test]
    fn project_file_overrides_builtin_and_lists_are_merged() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("content/nl/employee")).unwrap();
        std::fs::write(dir.path().join("content/nl/employee/index.md"), "mine").unwrap();
        std::fs::write(dir.path().join("content/nl/employee/extra.md"), "new").unwrap();
        std::fs::write(dir.path().join("content/nl/employee/.extra.md.swp"), "x").unwrap();
        let files = Files::project(dir.path());
        assert!(files.exists("content/nl/employee/extra.md"));
        assert!(files.exists("content/nl/employee/app-setup.md"));
        assert!(!files.exists("content/nl/employee/nope.md"));
        let index = files.read("content/nl/employee/index.md").unwrap().unwrap();
        assert_eq!(&*index.bytes, b"mine");
        assert_eq!(index.display, "content/nl/employee/index.md");
        let listed = files.list("content/nl/employee").unwrap();
        assert!(listed.contains(&"content/nl/employee/extra.md".to_string()));
        assert!(listed.contains(&"content/nl/employee/app-setup.md".to_string()));
        assert!(!listed.iter().any(|p| p.contains(".swp")));
    }
}
