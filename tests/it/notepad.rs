//! Files as Windows editors save them: Notepad's UTF-16 and its byte order marks, CRLF line
//! ends. They build byte for byte what the same text saved as plain UTF-8 builds, and a
//! file in a legacy code page gets its line, column and how to save it as UTF-8.

use assert_cmd::Command;

use crate::fixture::Project;

const CUSTOMER: &str = "customers/appco.yaml";
const PAGE: &str = "content/nl/employee/index.md";

fn crlf(text: &str) -> String {
    text.replace('\n', "\r\n")
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

fn read(p: &Project, rel: &str) -> String {
    std::fs::read_to_string(p.path().join(rel)).expect("read")
}

#[test]
fn files_saved_by_notepad_build_the_same_handbooks() {
    let plain = Project::fixture("app-only");
    let page = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/content/nl/employee/index.md"
    ))
    .expect("the built-in start page")
        + "\n```\nStap 1\nStap 2\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
    plain.write(PAGE, &page);
    let expected = plain.site();

    let notepad = Project::fixture("app-only");
    let write = |rel: &str, bytes: Vec<u8>| std::fs::write(notepad.path().join(rel), bytes);
    write(CUSTOMER, utf16le_with_bom(&crlf(&read(&plain, CUSTOMER)))).expect("write");
    let settings = crlf(&read(&plain, "handboek.yaml"));
    write(
        "handboek.yaml",
        [b"\xEF\xBB\xBF", settings.as_bytes()].concat(),
    )
    .expect("write");
    notepad.write(PAGE, &crlf(&page));
    let built = notepad.site();

    assert!(
        page.contains("{{#if") && page.starts_with("---\n"),
        "the page tests conditions and front matter"
    );
    assert_eq!(built.paths(), expected.paths());
    for (path, bytes) in expected.0.output.files() {
        assert!(
            built.0.output.get(&path) == Some(bytes),
            "{path} differs when the inputs are saved by Notepad"
        );
    }
}

#[test]
fn an_ansi_customer_file_is_refused_with_its_line_column_and_the_fix() {
    let p = Project::fixture("app-only");
    let mut text = read(&p, CUSTOMER).into_bytes();
    let at = text.iter().position(|&b| b == b'\n').expect("two lines") + 1;
    text.splice(at..at, b"# Caf\xE9\n".iter().copied());
    std::fs::write(p.path().join(CUSTOMER), text).expect("write");
    let out = Command::cargo_bin("handboek")
        .expect("binary")
        .current_dir(p.path())
        .arg("build")
        .output()
        .expect("runs");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(
        stderr.contains("error: this file is not UTF-8 text (byte 0xE9"),
        "{stderr}"
    );
    assert!(stderr.contains("--> customers/appco.yaml:2:6"), "{stderr}");
    assert!(stderr.contains("Encoding: UTF-8"), "{stderr}");
    assert!(!p.out().join("appco").exists(), "nothing was written");
}

#[test]
fn a_customer_file_notepad_saved_as_txt_is_named_in_a_warning() {
    let p = Project::fixture("app-only");
    p.write("customers/bakker.yaml.txt", &read(&p, CUSTOMER));
    p.write("customers/notes.txt", "not a customer");
    let build = p.build();
    assert!(!build.diagnostics.has_errors(), "{}", build.diagnostics);
    let warnings: Vec<_> = build.diagnostics.iter().collect();
    assert_eq!(warnings.len(), 1, "{}", build.diagnostics);
    assert_eq!(warnings[0].file(), "customers/bakker.yaml.txt");
    let help = warnings[0].help.as_deref().unwrap_or_default();
    assert!(
        help.contains("rename it to `customers/bakker.yaml`"),
        "{help}"
    );
}
