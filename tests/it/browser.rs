//! The built examples in a real browser: `tests/browser/check.mjs` opens every page in
//! headless Chromium (file:// and over HTTP under a sub-path) and checks console errors,
//! requests, links, fragments, the language switcher, structure and 390 px scrolling.

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};

use assert_cmd::Command;

const SKIPPED: &str = "skipped: install chromium and node to run the browser checks";

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .filter(|path| !path.is_empty())
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn runs(program: &str) -> bool {
    Process::new(program)
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// What is missing to run the checks, as Debian package names.
fn missing_tools() -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !chromium().is_file() {
        missing.push("chromium");
    }
    if !runs("node") {
        missing.push("nodejs");
    }
    if !runs("npm") {
        missing.push("npm");
    }
    missing
}

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty())
}

fn show(output: &Output) -> String {
    format!(
        "--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

/// `npm ci` from the committed lock file, once per checkout.
fn install_playwright(browser_dir: &Path) {
    if browser_dir
        .join("node_modules/playwright-core/package.json")
        .is_file()
    {
        return;
    }
    let output = Process::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--prefix"])
        .arg(browser_dir)
        .output()
        .expect("run npm ci");
    assert!(
        output.status.success(),
        "npm ci --prefix tests/browser failed\n{}",
        show(&output)
    );
}

#[test]
fn built_examples_pass_the_browser_checks() {
    let missing = missing_tools();
    if !missing.is_empty() {
        let what = missing.join(" ");
        assert!(
            !in_ci(),
            "the browser checks need {what}: apt-get install -y {what} \
             (or set CHROMIUM to a Chromium binary)"
        );
        eprintln!("{SKIPPED} (missing: {what})");
        return;
    }

    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let browser_dir = root.join("tests/browser");
    let outside_any_project = tempfile::tempdir().expect("tmp");
    let out = tempfile::tempdir().expect("tmp");
    Command::cargo_bin("handboek")
        .expect("binary")
        .arg("build")
        .arg("--out")
        .arg(out.path())
        .current_dir(outside_any_project.path())
        .assert()
        .success();

    install_playwright(&browser_dir);
    let output = Process::new("node")
        .arg(browser_dir.join("check.mjs"))
        .arg(out.path())
        .env("CHROMIUM", chromium())
        .current_dir(root)
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "the browser checks failed (node tests/browser/check.mjs {})\n{}",
        out.path().display(),
        show(&output)
    );
}
