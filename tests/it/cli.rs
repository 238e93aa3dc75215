//! The command line as a consultant uses it.

use assert_cmd::Command;

fn handboek(dir: &std::path::Path) -> Command {
    let mut cmd = Command::cargo_bin("handboek").expect("binary");
    cmd.current_dir(dir);
    cmd
}

#[test]
fn init_then_new_customer_then_build_works() {
    let dir = tempfile::tempdir().expect("tmp");
    handboek(dir.path()).arg("init").assert().success();
    for path in [
        "handboek.yaml",
        "customers/voorbeeld.yaml",
        "content/nl",
        "content/en",
        "themes",
        "assets",
        "README.md",
    ] {
        assert!(dir.path().join(path).exists(), "{path}");
    }
    handboek(dir.path())
        .args(["new", "customer", "bakkerij-jansen"])
        .assert()
        .success();
    let text = std::fs::read_to_string(dir.path().join("customers/bakkerij-jansen.yaml"))
        .expect("customer");
    assert!(text.contains("name: Bakkerij Jansen"));
    assert!(
        text.contains("# app (Microsoft Authenticator, recommended)"),
        "keys are commented"
    );
    handboek(dir.path()).arg("build").assert().success();
    assert!(
        dir.path()
            .join("public/bakkerij-jansen/employee/nl/index.html")
            .is_file()
    );
    assert!(
        dir.path()
            .join("public/voorbeeld/employee/en/handbook.html")
            .is_file()
    );
    handboek(dir.path()).arg("init").assert().code(1);
    handboek(dir.path())
        .args(["new", "customer", "bakkerij-jansen"])
        .assert()
        .code(1);
}

#[test]
fn build_outside_a_project_builds_the_examples() {
    let dir = tempfile::tempdir().expect("tmp");
    handboek(dir.path()).arg("build").assert().success();
    for customer in ["bakkerij-van-dijk", "tandartsen-de-kempen", "studio-noord"] {
        assert!(
            dir.path()
                .join(format!("public/{customer}/employee/index.html"))
                .is_file(),
            "{customer}"
        );
    }
    assert!(dir.path().join("public/index.html").is_file());
}

#[test]
fn content_errors_exit_1_with_snippet_and_usage_errors_exit_2() {
    let dir = tempfile::tempdir().expect("tmp");
    handboek(dir.path()).arg("init").assert().success();
    std::fs::write(
        dir.path().join("customers/voorbeeld.yaml"),
        "name: X\nhelpdsk: {}\n",
    )
    .expect("write");
    let out = handboek(dir.path())
        .arg("build")
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    let err = String::from_utf8_lossy(&out);
    assert!(err.contains("customers/voorbeeld.yaml:2:1"), "{err}");
    assert!(err.contains("helpdsk: {}"), "source snippet: {err}");
    assert!(err.contains("did you mean `helpdesk`?"), "{err}");
    handboek(dir.path())
        .args(["build", "--lang", "fr"])
        .assert()
        .code(2);
    handboek(dir.path()).arg("frobnicate").assert().code(2);
    for cmd in [
        vec!["--help"],
        vec!["build", "--help"],
        vec!["init", "--help"],
        vec!["new", "customer", "--help"],
    ] {
        handboek(dir.path()).args(&cmd).assert().success();
    }
}
