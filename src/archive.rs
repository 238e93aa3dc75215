//! The hand-over archives (`build --zip`): per customer, one `.zip` of its employee
//! handbook per language, for a file share or an e-mail. Unzipped, it is a folder that
//! works from `file://`: a start page, the language's pages, print edition (and PDF, if
//! printed), search index, the theme's static files and the assets. The same files give
//! the same bytes: entries sorted, one fixed timestamp, fixed permissions.

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, System, ZipWriter};

use crate::lang::Lang;

/// The folder of the handbook that is handed over.
const AUDIENCE: &str = "employee";

/// Writes the archives of every customer in `customers` that has an employee handbook,
/// beside its folders in `out`: `<out>/<customer>/<customer>-handboek-nl.zip` (the print
/// edition's name in that language). Returns the archives written.
pub fn write_archives(out: &Path, customers: &[&str]) -> Result<Vec<PathBuf>> {
    let mut written = Vec::new();
    for customer in customers {
        let employee = out.join(customer).join(AUDIENCE);
        for lang in Lang::ALL {
            if !employee.join(lang.code()).join("index.html").is_file() {
                continue;
            }
            let name = archive_name(customer, lang);
            let files = collect(&employee, lang)?;
            let bytes = zip(&name, &files)?;
            let path = out.join(customer).join(format!("{name}.zip"));
            let partial = path.with_extension(format!("zip.tmp-{}", std::process::id()));
            std::fs::write(&partial, bytes)
                .with_context(|| format!("writing {}", partial.display()))?;
            std::fs::rename(&partial, &path)
                .with_context(|| format!("writing {}", path.display()))?;
            written.push(path);
        }
    }
    Ok(written)
}

/// `bakkerij-van-dijk-handboek-nl`: whose, what and which language, readable in a mail.
pub fn archive_name(customer: &str, lang: Lang) -> String {
    let what = lang.print_file().trim_end_matches(".html");
    format!("{customer}-{what}-{}", lang.code())
}

/// The files of one language of the employee handbook, by their path in the archive,
/// sorted: the language folder, `static/` and `assets/`, and a start page.
fn collect(employee: &Path, lang: Lang) -> Result<Vec<(String, Vec<u8>)>> {
    let mut files = Vec::new();
    for dir in [lang.code(), "static", "assets"] {
        let base = employee.join(dir);
        if !base.is_dir() {
            continue;
        }
        for entry in walkdir::WalkDir::new(&base).sort_by_file_name() {
            let entry = entry.with_context(|| format!("reading {}", base.display()))?;
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if !entry.file_type().is_file() || hidden {
                continue;
            }
            let rel = entry.path().strip_prefix(employee)?;
            let rel: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            let mut bytes = std::fs::read(entry.path())
                .with_context(|| format!("reading {}", entry.path().display()))?;
            if rel.len() == 2 && rel[1].ends_with(".html") {
                bytes = without_switcher(&String::from_utf8_lossy(&bytes)).into_bytes();
            }
            files.push((rel.join("/"), bytes));
        }
    }
    let index = std::fs::read_to_string(employee.join(lang.code()).join("index.html"))
        .context("reading the handbook's start page")?;
    files.push(("index.html".into(), start_page(lang, &index).into_bytes()));
    files.sort();
    Ok(files)
}

/// A page without its language switcher (`<nav class="languages">`): the archive holds one
/// language, and a link to another would lead nowhere.
fn without_switcher(html: &str) -> String {
    const OPEN: &str = "<nav class=\"languages\"";
    let Some(start) = html.find(OPEN) else {
        return html.to_string();
    };
    match html[start..].find("</nav>") {
        Some(len) => format!(
            "{}{}",
            &html[..start],
            &html[start + len + "</nav>".len()..]
        ),
        None => html.to_string(),
    }
}

/// The archive's own start page: it opens the language's start page, in one click if the
/// reader's browser does not follow the redirect. Its title is that page's.
fn start_page(lang: Lang, index: &str) -> String {
    let title = index
        .split_once("<title>")
        .and_then(|(_, rest)| rest.split_once("</title>"))
        .map_or("", |(title, _)| title);
    let code = lang.code();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta http-equiv=\"refresh\" content=\"0; url={code}/index.html\">\n\
         <title>{title}</title>\n</head>\n<body>\n\
         <main><h1><a href=\"{code}/index.html\">{title}</a></h1></main>\n</body>\n</html>\n"
    )
}

/// A zip of `files` under the folder `root`, the same bytes for the same files: in the
/// order given, each dated 1980-01-01 (the zip format's first day), readable by all.
pub fn zip(root: &str, files: &[(String, Vec<u8>)]) -> Result<Vec<u8>> {
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::DEFAULT)
        .system(System::Unix)
        .unix_permissions(0o644);
    let mut zip = ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (path, bytes) in files {
        zip.start_file(format!("{root}/{path}"), options)
            .with_context(|| format!("adding {path} to the archive"))?;
        zip.write_all(bytes)
            .with_context(|| format!("adding {path} to the archive"))?;
    }
    Ok(zip.finish().context("finishing the archive")?.into_inner())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files() -> Vec<(String, Vec<u8>)> {
        vec![
            ("index.html".into(), b"<p>start</p>".to_vec()),
            ("nl/index.html".into(), b"<p>hallo</p>".repeat(100)),
        ]
    }

    #[test]
    fn the_same_files_give_the_same_bytes() {
        let a = zip("klant-handboek-nl", &files()).unwrap();
        std::thread::sleep(std::time::Duration::from_millis(1100));
        let b = zip("klant-handboek-nl", &files()).unwrap();
        assert_eq!(a, b);
    }

    #[test]
    fn entries_sit_in_one_folder_with_a_fixed_date() {
        let bytes = zip("klant-handboek-nl", &files()).unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let names: Vec<String> = archive
            .file_names()
            .map(|n| n.unwrap().into_owned())
            .collect();
        assert_eq!(
            names,
            [
                "klant-handboek-nl/index.html",
                "klant-handboek-nl/nl/index.html"
            ]
        );
        let entry = archive.by_index(1).unwrap();
        assert_eq!(entry.last_modified(), Some(DateTime::DEFAULT));
        assert_eq!(entry.unix_mode().map(|m| m & 0o777), Some(0o644));
        assert_eq!(entry.compression(), CompressionMethod::Deflated);
    }

    #[test]
    fn archives_are_named_for_a_reader_of_the_mail() {
        assert_eq!(
            archive_name("bakkerij-van-dijk", Lang::Nl),
            "bakkerij-van-dijk-handboek-nl"
        );
        assert_eq!(
            archive_name("bakkerij-van-dijk", Lang::En),
            "bakkerij-van-dijk-handbook-en"
        );
    }

    #[test]
    fn pages_lose_the_switcher_to_languages_the_archive_does_not_hold() {
        let page = "<header><nav class=\"languages\" aria-label=\"Taal\"><ul><li><a href=\"../en/faq.html\">English</a></li></ul></nav></header><main>x</main>";
        assert_eq!(without_switcher(page), "<header></header><main>x</main>");
        assert_eq!(without_switcher("<main>x</main>"), "<main>x</main>");
    }

    #[test]
    fn the_start_page_opens_the_language_with_its_title() {
        let page = start_page(
            Lang::En,
            "<html><head><title>Intro · Van Dijk &amp; Zn</title></head></html>",
        );
        assert!(page.contains("<html lang=\"en\">"));
        assert!(page.contains("content=\"0; url=en/index.html\""));
        assert!(page.contains("<a href=\"en/index.html\">Intro · Van Dijk &amp; Zn</a>"));
    }
}
