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

#[cfg(unix)]
#[test]
fn a_rebuild_rewrites_only_what_changed_and_says_so() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().expect("tmp");
    handboek(dir.path()).arg("init").assert().success();
    let first = handboek(dir.path()).arg("build").output().expect("runs");
    let summary = String::from_utf8_lossy(&first.stderr);
    assert!(summary.contains("Built 1 of 1 customer(s): "), "{summary}");
    assert!(summary.contains(" unchanged)"), "{summary}");
    assert!(
        summary.contains("[1/1] voorbeeld"),
        "plain progress lines in a log: {summary}"
    );
    let page = dir
        .path()
        .join("public/voorbeeld/employee/nl/app-setup.html");
    let css = dir
        .path()
        .join("public/voorbeeld/employee/static/style.css");
    let inode = |p: &std::path::Path| std::fs::metadata(p).expect("exists").ino();
    let (page_before, css_before) = (inode(&page), inode(&css));
    let customer = dir.path().join("customers/voorbeeld.yaml");
    let text = std::fs::read_to_string(&customer).expect("customer");
    let name = text
        .lines()
        .find(|l| l.starts_with("name:"))
        .expect("a name line");
    std::fs::write(&customer, text.replace(name, "name: Andere Naam B.V.")).expect("edit");
    let second = handboek(dir.path()).arg("build").output().expect("runs");
    let summary = String::from_utf8_lossy(&second.stderr);
    assert_eq!(
        inode(&css),
        css_before,
        "an unchanged file is kept, not rewritten"
    );
    assert_ne!(inode(&page), page_before, "a changed page is written anew");
    assert!(
        std::fs::read_to_string(&page)
            .unwrap()
            .contains("Andere Naam B.V.")
    );
    let written: usize = summary
        .split(" written")
        .next()
        .and_then(|s| s.rsplit('(').next())
        .and_then(|n| n.trim().parse().ok())
        .expect("the summary counts written files");
    assert!(written > 0, "{summary}");
    let quiet = handboek(dir.path())
        .args(["build", "--quiet"])
        .output()
        .expect("runs");
    assert!(quiet.status.success());
    assert_eq!(
        String::from_utf8_lossy(&quiet.stderr),
        "",
        "--quiet prints nothing on success"
    );
}
