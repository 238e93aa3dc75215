//! A fixture project copied to a temporary folder, built, and read back.

use std::path::{Path, PathBuf};

use handboek::check::{CheckOptions, Report, check};
use handboek::date::Date;
use handboek::diagnostics::Diagnostic;
use handboek::files::Files;
use handboek::{Build, BuildOptions, build};

pub struct Project {
    dir: tempfile::TempDir,
}

impl Project {
    /// A copy of `tests/fixtures/<name>/`.
    pub fn fixture(name: &str) -> Project {
        let dir = tempfile::tempdir().expect("temp dir");
        let from = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/fixtures")
            .join(name);
        copy_dir(&from, dir.path());
        Project { dir }
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes (or overwrites) a file of the project.
    pub fn write(&self, rel: &str, text: &str) -> &Project {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
        self
    }

    /// Replaces `from` by `to` in a file of the project (it must occur).
    pub fn edit(&self, rel: &str, from: &str, to: &str) -> &Project {
        let path = self.dir.path().join(rel);
        let text = std::fs::read_to_string(&path).expect("read");
        assert!(text.contains(from), "{rel} does not contain {from:?}");
        std::fs::write(path, text.replacen(from, to, 1)).expect("write");
        self
    }

    pub fn build(&self) -> Build {
        build(&Files::project(self.path()), &BuildOptions::default()).expect("build runs")
    }

    /// Builds and expects success.
    pub fn site(&self) -> Site {
        let b = self.build();
        assert!(
            b.diagnostics.is_empty(),
            "unexpected diagnostics:\n{}",
            b.diagnostics
        );
        Site(b)
    }

    /// Builds and expects errors; returns them.
    pub fn errors(&self) -> Vec<Diagnostic> {
        let b = self.build();
        assert!(b.diagnostics.has_errors(), "expected errors, got none");
        b.diagnostics.into_iter().collect()
    }

    pub fn out(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// The `handboek` binary, run in the project's folder.
    pub fn command(&self) -> assert_cmd::Command {
        let mut cmd = assert_cmd::Command::cargo_bin("handboek").expect("binary");
        cmd.current_dir(self.path());
        cmd
    }

    /// Runs `handboek ARGS` in the project's folder.
    pub fn run(&self, args: &[&str]) -> assert_cmd::assert::Assert {
        self.command().args(args).assert()
    }

    /// `handboek check` of the project on 3 December 2026.
    pub fn check(&self) -> Report {
        check_on(&Files::project(self.path()), "2026-12-03")
    }
}

/// Every file under `dir` with its bytes, by its path relative to `dir`.
pub fn snapshot(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .map(|e| e.expect("walk"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            (
                e.path()
                    .strip_prefix(dir)
                    .expect("prefix")
                    .display()
                    .to_string(),
                std::fs::read(e.path()).expect("read"),
            )
        })
        .collect()
}

/// `handboek check` of `files` as if run on `today`.
pub fn check_on(files: &Files, today: &str) -> Report {
    let today = Date::parse(today).expect("date");
    check(files, &CheckOptions { today }).expect("check runs")
}

/// Every finding as `file:line:col: message`.
pub fn summaries(report: &Report) -> Vec<String> {
    report.diagnostics.iter().map(|d| d.summary()).collect()
}

/// A successful build.
pub struct Site(pub Build);

impl Site {
    /// The text of a file of the output, e.g. `appco/employee/nl/index.html`.
    pub fn file(&self, path: &str) -> String {
        let bytes = self
            .0
            .output
            .get(path)
            .unwrap_or_else(|| panic!("no {path} in the output; files: {:#?}", self.paths()));
        String::from_utf8(bytes.to_vec()).expect("utf-8")
    }

    pub fn has(&self, path: &str) -> bool {
        self.0.output.get(path).is_some()
    }

    pub fn paths(&self) -> Vec<String> {
        self.0.output.files().map(|(p, _)| p).collect()
    }

    /// Every HTML file with its text.
    pub fn html_files(&self) -> Vec<(String, String)> {
        self.0
            .output
            .files()
            .filter(|(p, _)| p.ends_with(".html"))
            .map(|(p, b)| (p, String::from_utf8(b.to_vec()).expect("utf-8")))
            .collect()
    }
}

/// The `<main>` element of a page: the part a theme change does not touch.
pub fn main_of(html: &str) -> String {
    let start = html.find("<main").expect("a <main>");
    let end = html.find("</main>").expect("a </main>") + "</main>".len();
    html[start..end].to_string()
}

/// The rendered page content: from the page title to the "verified" line, without the
/// navigation around it (which changes whenever the library does).
pub fn content_of(html: &str) -> String {
    let start = html.find("<h1>").expect("a <h1>");
    let end = html
        .find("<p class=\"verified\">")
        .expect("a verified line");
    html[start..end].to_string()
}

/// The one diagnostic whose message contains `needle`.
pub fn find<'a>(diags: &'a [Diagnostic], needle: &str) -> &'a Diagnostic {
    diags
        .iter()
        .find(|d| d.message.contains(needle))
        .unwrap_or_else(|| {
            panic!(
                "no diagnostic contains {needle:?}; got:\n{}",
                diags
                    .iter()
                    .map(|d| d.summary())
                    .collect::<Vec<_>>()
                    .join("\n")
            )
        })
}

fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let rel = entry.path().strip_prefix(from).expect("prefix");
        let dest = to.join(rel);
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&dest).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &dest).expect("copy");
        }
    }
}
