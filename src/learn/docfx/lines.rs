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
    /// Whether a code fence or an HTML comment is open, so that the next line is read
    /// in its light.
    pub fn is_open(&self) -> bool {
        self.fence.is_some() || self.comment
    }

    /// Whether `line` is literal as a whole (a fence, a line inside a fence or inside a
    /// comment): [`Literal::next_line`] without the ranges, for readers that need no more.
    pub fn is_literal(&mut self, line: &str) -> bool {
        (self.is_open() || may_open_literal(line)) && self.next_line(line).is_none()
    }

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

/// Whether `line` has anything DocFX or a literal part starts with: a backtick or tilde
/// (code), `#` (a tab heading), `<!--`, `:::` or `[!`. Most lines of a page have none, and
/// with nothing open above them they are Markdown without further reading.
pub fn may_hold_docfx(line: &str) -> bool {
    let b = line.as_bytes();
    any_mark(
        b,
        |c| matches!(c, b'`' | b'~' | b'#' | b'<' | b':' | b'['),
        |i| match b[i] {
            b'`' | b'~' | b'#' => true,
            b'<' => b[i + 1..].starts_with(b"!--"),
            b':' => b[i + 1..].starts_with(b"::"),
            b'[' => b.get(i + 1) == Some(&b'!'),
            _ => false,
        },
    )
}

/// Whether `line` has a backtick, a tilde or `<!--`: what can open a code fence, inline
/// code or an HTML comment.
fn may_open_literal(line: &str) -> bool {
    let b = line.as_bytes();
    any_mark(
        b,
        |c| matches!(c, b'`' | b'~' | b'<'),
        |i| b[i] != b'<' || b[i + 1..].starts_with(b"!--"),
    )
}

/// Whether some byte of `b` is a mark: `candidate` picks the bytes a mark can start with,
/// `marks_at` decides at such a byte's index. Blocks without a candidate are passed over by
/// a loop the compiler vectorises: every line of every page passes here.
fn any_mark(b: &[u8], candidate: impl Fn(u8) -> bool, marks_at: impl Fn(usize) -> bool) -> bool {
    const BLOCK: usize = 32;
    b.chunks(BLOCK).enumerate().any(|(n, block)| {
        block.iter().fold(false, |seen, &c| seen | candidate(c))
            && (n * BLOCK..n * BLOCK + block.len()).any(|i| candidate(b[i]) && marks_at(i))
    })
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
    fn lines_without_a_mark_of_docfx_or_code_are_passed_over() {
        for line in [
            "Open de app.",
            "Note: a colon",
            "[a link](x.md)",
            "a < b",
            "-->",
        ] {
            assert!(!may_hold_docfx(line), "{line}");
        }
        for line in [
            "```",
            "~~~",
            "`code`",
            "## [iOS](#tab/iOS)",
            "a <!-- b",
            ":::image",
            "> [!NOTE]",
        ] {
            assert!(may_hold_docfx(line), "{line}");
        }
    }

    #[test]
    fn whole_literal_lines_are_known_without_their_ranges() {
        let mut l = Literal::default();
        let lines = [
            "text", "a `b` c", "```", "<!-- x", "```", "<!-- y", "z", "-->", "a < b",
        ];
        let literal: Vec<bool> = lines.iter().map(|line| l.is_literal(line)).collect();
        let mut m = Literal::default();
        let expected: Vec<bool> = lines
            .iter()
            .map(|line| m.next_line(line).is_none())
            .collect();
        assert_eq!(literal, expected);
        assert_eq!(
            literal,
            [false, false, true, true, true, false, true, false, false]
        );
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
