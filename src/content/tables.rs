//! Pipe tables as written: a header row and a divider row with different numbers of cells
//! make no table at all (Markdown shows both lines as text), which is worth a warning.

use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::learn::docfx::Literal;

/// A warning for each table whose header and divider rows have different numbers of cells.
/// `body` is a slice of `source.text` that starts on line `first_line`.
pub fn check_tables(source: &Source, body: &str, first_line: usize) -> Diagnostics {
    let mut diags = Diagnostics::new();
    let mut literal = Literal::default();
    let mut previous: Option<&str> = None;
    for (i, raw) in body.lines().enumerate() {
        if literal.is_literal(raw) {
            previous = None;
            continue;
        }
        let row = row_of(raw);
        if let (Some(header), true) = (previous, is_divider(row)) {
            let (want, got) = (cells(header), cells(row));
            if want != got && header.contains('|') {
                let at = raw.len() - raw.trim_start().len();
                let span = Span::new(first_line + i, at + 1, raw.trim().chars().count());
                diags.push(
                    Diagnostic::warning(format!("this table's header has {want} cells and its divider line {got}: Markdown shows both lines as text, not as a table"))
                        .at(source, span)
                        .help(format!("give the divider line one `---` for each of the {want} cells of the header, e.g. `|{}`.", " --- |".repeat(want))),
                );
            }
        }
        previous = (!row.trim().is_empty()).then_some(row);
    }
    diags
}

/// A line without its indentation and `>` markers.
fn row_of(line: &str) -> &str {
    let mut row = line.trim_start();
    while let Some(rest) = row.strip_prefix('>') {
        row = rest.trim_start();
    }
    row.trim_end()
}

/// Whether `row` is a table's divider line: cells of `-`, with `:` for alignment.
fn is_divider(row: &str) -> bool {
    row.contains('-')
        && row
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
        && (row.contains('|') || row.contains(':'))
}

/// The number of cells of a row: `|` outside inline code and not escaped separates them,
/// and a `|` at either end of the row only closes it.
fn cells(row: &str) -> usize {
    let mut count = 1;
    let mut in_code = false;
    let mut escaped = false;
    for c in row.chars() {
        match c {
            '\\' if !escaped => {
                escaped = true;
                continue;
            }
            '`' => in_code = !in_code,
            '|' if !in_code && !escaped => count += 1,
            _ => {}
        }
        escaped = false;
    }
    let trimmed = row.trim();
    count
        - usize::from(trimmed.starts_with('|'))
        - usize::from(trimmed.len() > 1 && trimmed.ends_with('|') && !trimmed.ends_with("\\|"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn warnings(body: &str) -> Vec<(usize, String)> {
        let source = Source::new("p.md", body);
        check_tables(&source, body, 1)
            .iter()
            .map(|d| (d.line(), d.message.clone()))
            .collect()
    }

    #[test]
    fn a_divider_with_fewer_cells_than_the_header_is_a_warning() {
        let found = warnings("x\n\n| A | B | C |\n|---|---|\n| 1 | 2 | 3 |\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, 4);
        assert!(
            found[0].1.contains("3 cells and its divider line 2"),
            "{found:?}"
        );
    }

    #[test]
    fn good_tables_in_every_style_pass() {
        for table in [
            "| A | B |\n|---|---|\n| 1 | 2 |\n",
            "A | B\n--|--\n1 | 2\n",
            "  | `a|b` | B |\n  |:--|--:|\n",
            "> | A | B |\n> |---|---|\n",
            "Platform | URL\n---------|----\nAndroid | `cable.ua5v.com`\n",
        ] {
            assert!(warnings(table).is_empty(), "{table}");
        }
    }

    #[test]
    fn rules_and_code_are_not_tables() {
        assert!(warnings("Text\n---\n").is_empty());
        assert!(warnings("```\n| A | B |\n|---|\n```\n").is_empty());
    }
}
