//! `handboek build --pdf`: real PDF files of the print editions, printed by Chromium.

use std::path::Path;
use std::process::Command as Process;

use assert_cmd::Command;

fn have(program: &str, arg: &str) -> bool {
    Process::new(program)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether the tools are here; in CI they must be.
pub fn tools_present() -> bool {
    let present = have("chromium", "--version") && have("pdfinfo", "-v");
    assert!(
        present || std::env::var_os("CI").is_none(),
        "CI must install chromium and poppler-utils for the PDF test"
    );
    if !present {
        eprintln!("skipped: install chromium and poppler-utils to run the PDF test");
    }
    present
}

pub fn pdfinfo(pdf: &Path) -> (usize, String) {
    let out = Process::new("pdfinfo")
        .arg(pdf)
        .output()
        .expect("pdfinfo runs");
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    (field("Pages:").parse().unwrap_or(0), field("Page size:"))
}

#[test]
fn pdf_of_every_print_edition_is_a4_with_a_sane_page_count() {
    if !tools_present() {
        return;
    }
    let dir = tempfile::tempdir().expect("tmp");
    Command::cargo_bin("handboek")
        .expect("binary")
        .current_dir(dir.path())
        .args(["build", "--pdf", "--customer", "studio-noord"])
        .assert()
        .success();
    let base = dir.path().join("public/studio-noord");
    for (audience, lang, file) in [
        ("employee", "en", "handbook.pdf"),
        ("employee", "nl", "handboek.pdf"),
        ("admin", "en", "handbook.pdf"),
    ] {
        let pdf = base.join(audience).join(lang).join(file);
        assert!(pdf.is_file(), "{} missing", pdf.display());
        let (pages, size) = pdfinfo(&pdf);
        assert!(size.contains("(A4)"), "{}: page size {size}", pdf.display());
        assert!(
            (3..=80).contains(&pages),
            "{}: {pages} pages",
            pdf.display()
        );
    }
}

#[test]
fn pdf_without_a_browser_fails_with_a_clear_message() {
    let dir = tempfile::tempdir().expect("tmp");
    let out = Command::cargo_bin("handboek")
        .expect("binary")
        .current_dir(dir.path())
        .args([
            "build",
            "--pdf",
            "--customer",
            "studio-noord",
            "--chromium",
            "/nowhere/chromium",
        ])
        .assert()
        .code(1)
        .get_output()
        .stderr
        .clone();
    assert!(String::from_utf8_lossy(&out).contains("no Chromium at /nowhere/chromium"));
}
