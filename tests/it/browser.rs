//! The built examples (and the Learn pages of `tests/fixtures/learn-fixed`) in a real
//! browser and a markup checker:
//!
//! - `tests/browser/check.mjs` opens every page in headless Chromium (file:// and over HTTP
//!   under a sub-path) and checks console errors, requests, links, fragments, the language
//!   switcher, structure and 390 px scrolling, and runs axe-core (WCAG 2.x A/AA and best
//!   practices) on every page at 390 and 1280 px;
//! - `tests/browser/validate.mjs` runs the Nu Html Checker (vnu.jar) with the machine's Java
//!   over every HTML, CSS and SVG file.
//!
//! Each is skipped with a message when its tools are missing, except in CI (`CI` set).

use std::path::{Path, PathBuf};
use std::process::{Command as Process, Output};
use std::sync::Mutex;

use assert_cmd::Command;

fn chromium() -> PathBuf {
    std::env::var_os("CHROMIUM")
        .filter(|path| !path.is_empty())
        .map_or_else(|| PathBuf::from("/usr/bin/chromium"), PathBuf::from)
}

fn java() -> PathBuf {
    std::env::var_os("JAVA")
        .filter(|path| !path.is_empty())
        .map_or_else(|| PathBuf::from("java"), PathBuf::from)
}

fn runs(program: impl AsRef<std::ffi::OsStr>, arg: &str) -> bool {
    Process::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|output| output.status.success())
}

/// What is missing to run Node with the packages of `tests/browser`, as Debian package names.
fn missing_node() -> Vec<&'static str> {
    let mut missing = Vec::new();
    if !runs("node", "--version") {
        missing.push("nodejs");
    }
    if !runs("npm", "--version") {
        missing.push("npm");
    }
    missing
}

fn in_ci() -> bool {
    std::env::var_os("CI").is_some_and(|value| !value.is_empty())
}

/// Fails in CI, otherwise tells why the test does nothing. Returns whether to go on.
fn tools_present(check: &str, missing: &[&str], alternative: &str) -> bool {
    if missing.is_empty() {
        return true;
    }
    let what = missing.join(" ");
    let install = format!("apt-get install -y {what}, {alternative}");
    assert!(!in_ci(), "the {check} need {what}: {install}");
    eprintln!("skipped: the {check} need {what}: {install}");
    false
}

fn show(output: &Output) -> String {
    format!(
        "--- stdout ---\n{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn browser_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/browser")
}

/// Whether `node_modules` holds every dependency at the version `package.json` pins.
fn node_modules_current(browser_dir: &Path) -> bool {
    const SCRIPT: &str = "const p = require('./package.json'); \
        for (const [name, version] of Object.entries(p.dependencies)) \
        if (require('./node_modules/' + name + '/package.json').version !== version) process.exit(1);";
    Process::new("node")
        .args(["-e", SCRIPT])
        .current_dir(browser_dir)
        .output()
        .is_ok_and(|output| output.status.success())
}

/// `npm ci` from the committed lock file when `node_modules` is missing or out of date;
/// one test at a time, as both tests need it.
fn install_node_packages(browser_dir: &Path) {
    static INSTALL: Mutex<()> = Mutex::new(());
    let _one_at_a_time = INSTALL
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    if node_modules_current(browser_dir) {
        return;
    }
    let output = Process::new("npm")
        .args([
            "ci",
            "--ignore-scripts",
            "--no-audit",
            "--no-fund",
            "--prefix",
        ])
        .arg(browser_dir)
        .output()
        .expect("run npm ci");
    assert!(
        output.status.success(),
        "npm ci --prefix tests/browser failed\n{}",
        show(&output)
    );
}

/// The built-in examples, built by the binary into a fresh temporary folder, with a
/// customer whose admin guide has a part (`appco`) and one with pages pasted from
/// Microsoft Learn, fixed as the messages asked (`learnco`), beside them.
fn build_examples() -> tempfile::TempDir {
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
    let with_part = crate::parts::with_part();
    Command::cargo_bin("handboek")
        .expect("binary")
        .args(["build", "--customer", "appco", "--out"])
        .arg(out.path())
        .current_dir(with_part.path())
        .assert()
        .success();
    let learn = crate::fixture::Project::fixture("learn-fixed");
    Command::cargo_bin("handboek")
        .expect("binary")
        .args(["build", "--customer", "learnco", "--out"])
        .arg(out.path())
        .current_dir(learn.path())
        .assert()
        .success();
    out
}

/// Runs `node tests/browser/<script> <out>`; fails the test with its output unless it passes.
fn run_script(script: &str, out: &Path, env: (&str, PathBuf), what: &str) {
    let output = Process::new("node")
        .arg(browser_dir().join(script))
        .arg(out)
        .env(env.0, env.1)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run node");
    assert!(
        output.status.success(),
        "{what} failed (node tests/browser/{script} {})\n{}",
        out.display(),
        show(&output)
    );
}

#[test]
fn built_examples_pass_the_browser_and_accessibility_checks() {
    let mut missing = Vec::new();
    if !chromium().is_file() {
        missing.push("chromium");
    }
    missing.extend(missing_node());
    if !tools_present(
        "browser checks",
        &missing,
        "or set CHROMIUM to a Chromium binary",
    ) {
        return;
    }

    let out = build_examples();
    install_node_packages(&browser_dir());
    run_script(
        "check.mjs",
        out.path(),
        ("CHROMIUM", chromium()),
        "the browser checks (with axe-core)",
    );
}

#[test]
fn built_examples_are_valid_html_css_and_svg() {
    let mut missing = Vec::new();
    if !runs(java(), "-version") {
        missing.push("default-jre-headless");
    }
    missing.extend(missing_node());
    if !tools_present(
        "Nu Html Checker (vnu.jar) checks",
        &missing,
        "or set JAVA to a Java 11+ binary",
    ) {
        return;
    }

    let out = build_examples();
    install_node_packages(&browser_dir());
    run_script(
        "validate.mjs",
        out.path(),
        ("JAVA", java()),
        "the Nu Html Checker",
    );
}
