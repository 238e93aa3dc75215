//! `handboek schema` and the `$schema` line: every file that builds passes the schema, the
//! usual mistakes do not, and a new project points its editor at schemas that exist.

use std::path::{Path, PathBuf};

use assert_cmd::Command;
use handboek::customer::RawCustomer;
use handboek::diagnostics::Source;
use serde_json::Value;

use crate::json_schema::validate;

fn handboek(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    cmd.current_dir(dir);
    cmd
}

/// The schema `handboek schema [which]` prints.
fn printed_schema(which: &[&str]) -> Value {
    let dir = tempfile::tempdir().expect("tmp");
    let out = handboek(dir.path())
        .arg("schema")
        .args(which)
        .assert()
        .success()
        .get_output()
        .stdout
        .clone();
    serde_json::from_slice(&out).expect("handboek schema prints JSON")
}

/// A YAML file as the loader reads it (leading-zero numbers stay text), as JSON.
fn yaml_value(name: &str, text: &str) -> Value {
    handboek::yaml::parse(&Source::new(name, text)).unwrap_or_else(|d| panic!("{name}: {d}"))
}

fn problems(schema: &Value, name: &str, text: &str) -> Vec<String> {
    validate(schema, &yaml_value(name, text))
}

fn repo(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The `.yaml` files directly in `dir`, sorted.
fn yaml_files(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("read dir")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn assert_passes(schema: &Value, path: &Path) {
    let problems = problems(schema, &path.display().to_string(), &read(path));
    assert!(problems.is_empty(), "{}: {problems:#?}", path.display());
}

fn fixture_files(file: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo("tests/fixtures")).expect("fixtures") {
        let dir = entry.expect("entry").path();
        match file {
            "customers" => out.extend(yaml_files(&dir.join("customers"))),
            _ => out.push(dir.join(file)),
        }
    }
    out
}

#[test]
fn every_example_fixture_and_scaffold_customer_passes_the_customer_schema() {
    let schema = printed_schema(&[]);
    let examples = yaml_files(&repo("examples/customers"));
    assert!(examples.len() >= 4, "{examples:?}");
    let fixtures = fixture_files("customers");
    assert!(
        fixtures
            .iter()
            .any(|p| p.ends_with("all-features/customers/everything.yaml"))
    );
    for path in examples.iter().chain(&fixtures) {
        assert_passes(&schema, path);
    }
    // The built-in defaults are a customer layer too.
    assert_passes(&schema, &repo("defaults.yaml"));
    let project = tempfile::tempdir().expect("tmp");
    handboek(project.path()).arg("init").assert().success();
    assert_passes(&schema, &project.path().join("customers/voorbeeld.yaml"));
}

#[test]
fn every_example_fixture_and_scaffold_settings_file_passes_the_settings_schema() {
    let schema = printed_schema(&["settings"]);
    for path in fixture_files("handboek.yaml") {
        assert_passes(&schema, &path);
    }
    assert_passes(&schema, &repo("examples/handboek.yaml"));
    let project = tempfile::tempdir().expect("tmp");
    handboek(project.path()).arg("init").assert().success();
    assert_passes(&schema, &project.path().join("handboek.yaml"));
}

#[test]
fn an_unknown_key_or_method_fax_is_refused_like_the_loader_does() {
    let schema = printed_schema(&["customer"]);
    let good = read(&repo("examples/customers/bakkerij-van-dijk.yaml"));
    let cases = [
        ("helpdesk:", "helpdsk:", "$: unknown key `helpdsk`"),
        (
            "method: app",
            "method: fax",
            "$.mfa.method: \"fax\" is not one of",
        ),
        (
            "  new_laptop: false",
            "  new_laptop: false\n  kiosk: true",
            "$.features: unknown key `kiosk`",
        ),
        (
            "mandatory_from: 2026-12-07",
            "mandatory_from: 7-12-2026",
            "$.mfa.mandatory_from",
        ),
        ("url: https://ict.", "url: http://ict.", "$.helpdesk.url"),
        ("primary: \"#8a4b08\"", "primary: brown", "$.brand.primary"),
        (
            "languages: [nl, en]",
            "languages: [nl, fr]",
            "$.languages[1]",
        ),
        (
            "date: 2026-11-24",
            "datum: 2026-11-24",
            "$.rollout.waves[0]: unknown key `datum`",
        ),
        (
            "en: Van Dijk IT Helpdesk",
            "de: Van Dijk IT Helpdesk",
            "$.helpdesk.name: unknown key `de`",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(good.contains(from), "the example has {from:?}");
        let bad = good.replacen(from, to, 1);
        let found = problems(&schema, "bad.yaml", &bad);
        assert!(
            found.iter().any(|p| p.starts_with(expected)),
            "{to:?}: expected {expected:?}, got {found:#?}"
        );
    }
    // The loader refuses the same unknown key, so the schema is not stricter than it.
    let unknown = good.replacen("helpdesk:", "helpdsk:", 1);
    let err = handboek::yaml::parse::<RawCustomer>(&Source::new("bad.yaml", unknown))
        .expect_err("the loader refuses an unknown key");
    assert_eq!(
        err.iter().next().expect("one error").message,
        "unknown key `helpdsk`"
    );
}

#[test]
fn init_writes_the_schemas_its_yaml_files_point_at() {
    let dir = tempfile::tempdir().expect("tmp");
    handboek(dir.path()).arg("init").assert().success();
    let customer = printed_schema(&["customer"]);
    let settings = printed_schema(&["settings"]);
    for (yaml, schema) in [
        ("customers/voorbeeld.yaml", &customer),
        ("handboek.yaml", &settings),
    ] {
        let path = dir.path().join(yaml);
        let text = read(&path);
        let first = text.lines().next().expect("a first line");
        let target = first
            .strip_prefix("# yaml-language-server: $schema=")
            .unwrap_or_else(|| panic!("{yaml} starts with {first:?}"));
        assert!(!target.starts_with('/'), "{yaml}: {target} is relative");
        let schema_path = path.parent().expect("folder").join(target);
        let written: Value = serde_json::from_str(&read(&schema_path)).expect("JSON");
        assert_eq!(&written, schema, "{yaml} points at {target}");
    }
    // The line is a comment: the new project builds.
    handboek(dir.path()).arg("build").assert().success();
}

#[test]
fn new_customer_writes_a_missing_schema_and_points_at_it() {
    let dir = tempfile::tempdir().expect("tmp");
    handboek(dir.path()).arg("init").assert().success();
    std::fs::remove_dir_all(dir.path().join(".handboek")).expect("remove");
    handboek(dir.path())
        .args(["new", "customer", "bakkerij-jansen"])
        .assert()
        .success();
    let text = read(&dir.path().join("customers/bakkerij-jansen.yaml"));
    assert!(
        text.starts_with("# yaml-language-server: $schema=../.handboek/customer.schema.json\n")
    );
    for file in ["customer.schema.json", "handboek.schema.json"] {
        assert!(dir.path().join(".handboek").join(file).is_file(), "{file}");
    }
}

#[test]
fn schema_out_writes_both_files_and_refuses_a_single_file_choice() {
    let dir = tempfile::tempdir().expect("tmp");
    handboek(dir.path())
        .args(["schema", "--out", "schemas"])
        .assert()
        .success();
    for (file, which) in [
        ("customer.schema.json", "customer"),
        ("handboek.schema.json", "settings"),
    ] {
        let written: Value =
            serde_json::from_str(&read(&dir.path().join("schemas").join(file))).expect("JSON");
        assert_eq!(written, printed_schema(&[which]), "{file}");
    }
    handboek(dir.path())
        .args(["schema", "settings", "--out", "schemas"])
        .assert()
        .code(2);
    handboek(dir.path())
        .args(["schema", "fax"])
        .assert()
        .code(2);
}
