//! The parts of a line that DocFX cannot be in (fenced code, inline code, HTML comments),
//! and the small readings of a line the scanner needs.

use std::ops::Range;

/// What is literal text as the lines go by: an open code fence or HTML comment.
#[derive(Debug, Default)]
pub struct Literal {
    /// The fence character and how many of it opened the block.
    fence: Option<(char, usize)>,
    comment: bool,
}

impl Literal {
    /// The byte ranges of `line` that are literal (inline code, comments), or `None` when
    /// the whole line is (a fence, a line inside a fence or inside a comment).
    pub fn next_line(&mut self, line: &str) -> Option<Vec<Range<usize>>> {
        let body = &line[body_start(line)..];
        if let Some((c, n)) = self.fence {
            let run = body.chars().take_while(|x| *x == c).count();
            if run >= n && body[run * c.len_utf8()..].trim().is_empty() {
                self.fence = None;
            }
            return None;
        }
        for c in ['`', '~'] {
            let run = body.chars().take_while(|x| *x == c).count();
            if run >= 3 && !self.comment {
                self.fence = Some((c, run));
                return None;
            }
        }
        let mut literal = Vec::new();
        let mut at = 0;
        if self.comment {
            match line.find("-->") {
                Some(end) => {
                    literal.push(0..end + 3);
                    at = end + 3;
                    self.comment = false;
                }
                None => return None,
            }
        }
        while at < line.len() {
            let rest = &line[at..];
            let next_comment = rest.find("<!--");
            let next_code = rest.find('`');
            match (next_comment, next_code) {
                (Some(c), code) if code.is_none_or(|b| c < b) => {
                    let start = at + c;
                    match line[start + 4..].find("-->") {
                        Some(end) => {
                            let end = start + 4 + end + 3;
                            literal.push(start..end);
                            at = end;
                        }
                        None => {
                            literal.push(start..line.len());
                            self.comment = true;
                            at = line.len();
                        }
                    }
                }
                (_, Some(b)) => {
                    let start = at + b;
                    let ticks = line[start..].chars().take_while(|c| *c == '`').count();
                    let close = "`".repeat(ticks);
                    match line[start + ticks..].find(&close) {
                        Some(end) => {
                            let end = start + ticks + end + ticks;
                            literal.push(start..end);
                            at = end;
                        }
                        None => at = start + ticks,
                    }
                }
                _ => break,
            }
        }
        Some(literal)
    }
}

/// Where the text of a line starts, after its indentation and any `>` of a block quote.
pub fn body_start(line: &str) -> usize {
    let mut at = line.len() - line.trim_start().len();
    while let Some(rest) = line[at..].strip_prefix('>') {
        at = line.len() - rest.trim_start().len();
    }
    at
}

/// The 1-based column (in characters) of byte `at` of `line`.
pub fn column(line: &str, at: usize) -> usize {
    line[..at.min(line.len())].chars().count() + 1
}

/// The level of a heading that is a DocFX tab (`## [iOS](#tab/iOS)`), if `body` is one.
pub fn tab_heading(body: &str) -> Option<usize> {
    let level = body.chars().take_while(|c| *c == '#').count();
    let rest = &body[level..];
    let is_tab = (1..=6).contains(&level)
        && rest.starts_with([' ', '\t'])
        && rest.trim_start().starts_with('[')
        && rest.contains("](#tab/");
    is_tab.then_some(level)
}

/// The name of a tab, without its emphasis: `## [**iOS**](#tab/iOS)` → `iOS`.
pub fn tab_name(body: &str) -> String {
    let start = body.find('[').map_or(0, |i| i + 1);
    let end = body.find("](#tab/").unwrap_or(body.len()).max(start);
    body[start..end].trim_matches(['*', '_', ' ']).to_string()
}

/// Where a `[!…]` construct that starts at `at` ends: after its closing `]` (brackets
/// nest), or at the end of the line.
pub fn construct_end(line: &str, at: usize) -> usize {
    let mut depth = 0usize;
    for (i, c) in line[at..].char_indices() {
        match c {
            '[' => depth += 1,
            ']' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return at + i + 1;
                }
            }
            _ => {}
        }
    }
    line.trim_end().len().max(at)
}

/// `text` cut to a length that reads well in a message.
pub fn shorten(text: &str) -> String {
    const MAX: usize = 60;
    match text.char_indices().nth(MAX) {
        Some((i, _)) => format!("{}…", &text[..i]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fences_and_comments_are_literal_across_lines() {
        let mut l = Literal::default();
        assert_eq!(l.next_line("text"), Some(vec![]));
        assert_eq!(l.next_line("   ```powershell"), None);
        assert_eq!(l.next_line(":::image source=\"x\":::"), None);
        assert_eq!(l.next_line("   ```"), None);
        assert_eq!(
            l.next_line("a <!-- b").map(|r| r.first().cloned()),
            Some(Some(2..8))
        );
        assert_eq!(l.next_line("[!INCLUDE [x](y.md)]"), None);
        assert_eq!(l.next_line("--> c `d` e"), Some(vec![0..3, 6..9]));
        assert_eq!(l.next_line("> ~~~"), None);
        assert_eq!(l.next_line("> ~~~"), None);
        assert_eq!(l.next_line("x"), Some(vec![]));
    }

    #[test]
    fn body_starts_after_indentation_and_quote_markers() {
        assert_eq!(body_start("   > > [!div]"), 7);
        assert_eq!(body_start(">[!VIDEO x]"), 1);
        assert_eq!(body_start("plain"), 0);
    }

    #[test]
    fn tab_headings_and_their_names() {
        assert_eq!(tab_heading("## [**iOS**](#tab/iOS)"), Some(2));
        assert_eq!(tab_heading("#### [Beta](#tab/Beta)"), Some(4));
        assert_eq!(tab_heading("## [iOS](ios.md)"), None);
        assert_eq!(tab_heading("##[iOS](#tab/iOS)"), None);
        assert_eq!(tab_name("## [**iOS**](#tab/iOS)"), "iOS");
    }

    #[test]
    fn constructs_end_at_their_own_bracket() {
        let line = "a [!INCLUDE [portal updates](~/includes/portal-update.md)] b";
        assert_eq!(
            &line[2..construct_end(line, 2)],
            "[!INCLUDE [portal updates](~/includes/portal-update.md)]"
        );
        assert_eq!(construct_end("[!VIDEO x", 0), 9);
    }
}
