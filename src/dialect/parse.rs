//! Parsing a page body into dialect nodes: line directives (`{{#if}}`, `{{else}}`,
//! `{{/if}}`, `{{screen}}`) and inline ones (`{{ var }}`, `{{qr …}}`, `\{{`).

use super::condition::{Atom, Condition};
use super::{Known, Node, QrTarget, Template};
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span, did_you_mean};
use crate::files::control_character;
use crate::learn::docfx::{Line, Scanner};
use crate::vars::VAR_NAMES;

/// How deep `{{#if}}` blocks may nest. The template is a tree walked recursively, so its
/// depth is bounded; real pages nest two or three deep.
pub const MAX_IF_DEPTH: usize = 20;

/// Parses `body` (a slice of `source.text`), whose first line is line `first_line` of `source`. Every problem is
/// collected; the template is usable only when there are none.
pub fn parse(
    source: &Source,
    body: &str,
    first_line: usize,
    known: &Known,
) -> (Template, Diagnostics) {
    let mut p = Parser {
        source,
        known,
        diags: Diagnostics::new(),
        stack: Vec::new(),
        root: Vec::new(),
        too_deep: 0,
    };
    let mut docfx = Scanner::new(source);
    for (i, line) in body.split_inclusive('\n').enumerate() {
        let n = first_line + i;
        match docfx.line(line, n) {
            Line::Markdown => p.line(line, n),
            Line::Figure(figure) => p.out().push(Node::Figure(figure)),
            Line::Drop => {}
        }
    }
    p.diags.extend(docfx.finish());
    while let Some(frame) = p.stack.pop() {
        p.diags.push(
            Diagnostic::error("this `{{#if}}` is never closed")
                .at(source, frame.span)
                .help("add `{{/if}}` on its own line where the block ends."),
        );
    }
    (Template { nodes: p.root }, p.diags)
}

struct Frame {
    cond: Condition,
    then: Vec<Node>,
    otherwise: Vec<Node>,
    in_else: bool,
    span: Span,
}

struct Parser<'a> {
    source: &'a Source,
    known: &'a Known<'a>,
    diags: Diagnostics,
    stack: Vec<Frame>,
    root: Vec<Node>,
    /// `{{#if}}` blocks open beyond [`MAX_IF_DEPTH`]: reported once, and not nested further.
    too_deep: usize,
}

impl Parser<'_> {
    fn out(&mut self) -> &mut Vec<Node> {
        match self.stack.last_mut() {
            Some(f) if f.in_else => &mut f.otherwise,
            Some(f) => &mut f.then,
            None => &mut self.root,
        }
    }

    /// Adds `text`, a slice of the source, to the template; text right after text extends
    /// the same node.
    fn push_text(&mut self, text: &str, line: usize) {
        if text.is_empty() {
            return;
        }
        // `text` is a slice of `source.text`: its place is the distance between the two.
        let start = (text.as_ptr() as usize).wrapping_sub(self.source.text.as_ptr() as usize);
        let range = start..start + text.len();
        debug_assert_eq!(self.source.text.get(range.clone()), Some(text));
        match self.out().last_mut() {
            Some(Node::Text { range: last, .. }) if last.end == range.start => last.end = range.end,
            _ => self.out().push(Node::Text { range, line }),
        }
    }

    fn error(&mut self, span: Span, message: impl Into<String>, help: impl Into<String>) {
        self.diags
            .push(Diagnostic::error(message).at(self.source, span).help(help));
    }

    fn line(&mut self, raw: &str, line: usize) {
        let content = raw.trim_end_matches(['\n', '\r']);
        // An invisible control character would be published raw in the page.
        if let Some((i, c)) = control_character(content, &['\t']) {
            self.error(
                Span::new(line, i + 1, 1),
                format!(
                    "the page contains the control character U+{:04X}",
                    u32::from(c)
                ),
                "remove it: control characters are invisible, and would be published as they are.",
            );
        }
        let trimmed = content.trim();
        if let Some(inner) = trimmed
            .strip_prefix("{{")
            .and_then(|t| t.strip_suffix("}}"))
        {
            let indent_len = content.len() - content.trim_start().len();
            let col = content[..indent_len].chars().count() + 1;
            let span = Span::new(line, col, trimmed.chars().count());
            if self.directive(inner, span, &content[..indent_len]) {
                return;
            }
        }
        self.inline(raw, line);
    }

    /// A line that is a directive on its own; returns false if it is not one.
    fn directive(&mut self, inner: &str, span: Span, indent: &str) -> bool {
        if let Some(expr) = inner.strip_prefix("#if") {
            if self.too_deep > 0 || self.stack.len() >= MAX_IF_DEPTH {
                if self.too_deep == 0 {
                    self.error(
                        span,
                        format!("`{{{{#if}}}}` blocks nest more than {MAX_IF_DEPTH} deep here"),
                        "join the conditions with `and` instead of nesting a block in a block.",
                    );
                }
                self.too_deep += 1;
                return true;
            }
            let offset = 2 + 3 + (expr.len() - expr.trim_start().len());
            match Condition::parse(expr.trim()) {
                Ok(cond) => self.stack.push(Frame {
                    cond,
                    then: Vec::new(),
                    otherwise: Vec::new(),
                    in_else: false,
                    span,
                }),
                Err(e) => {
                    self.error(
                        span.shifted(offset + e.offset, e.len.max(1)),
                        e.message,
                        e.help,
                    );
                    // Keep the block structure so one typo gives one error.
                    self.stack.push(Frame {
                        cond: Condition::Atom(Atom::Choose),
                        then: Vec::new(),
                        otherwise: Vec::new(),
                        in_else: false,
                        span,
                    });
                }
            }
            return true;
        }
        match inner.trim() {
            "else" | "/if" if self.too_deep > 0 => {
                if inner.trim() == "/if" {
                    self.too_deep -= 1;
                }
                true
            }
            "else" => {
                match self.stack.last_mut() {
                    Some(f) if !f.in_else => f.in_else = true,
                    Some(_) => self.error(
                        span,
                        "a second `{{else}}` in the same block",
                        "a block has at most one `{{else}}`; close it with `{{/if}}` first.",
                    ),
                    None => self.error(
                        span,
                        "`{{else}}` outside a `{{#if}}` block",
                        "start the block with `{{#if condition}}` on a line above.",
                    ),
                }
                true
            }
            "/if" => {
                match self.stack.pop() {
                    Some(f) => self.out().push(Node::If {
                        cond: f.cond,
                        then: f.then,
                        otherwise: f.otherwise,
                        span: f.span,
                    }),
                    None => self.error(
                        span,
                        "`{{/if}}` without a `{{#if}}` above it",
                        "remove it, or add the `{{#if condition}}` that it closes.",
                    ),
                }
                true
            }
            "schedule" => {
                self.out().push(Node::Schedule {
                    indent: indent.to_string(),
                    span,
                });
                true
            }
            other => match other.strip_prefix("screen") {
                Some(rest) if rest.starts_with(char::is_whitespace) || rest.is_empty() => {
                    let name = rest.trim();
                    let screens = self.known.screens;
                    if screens.contains(name) {
                        self.out().push(Node::Screen {
                            name: name.to_string(),
                            indent: indent.to_string(),
                            span,
                        });
                    } else {
                        let help = match did_you_mean(name, screens.iter().map(String::as_str)) {
                            Some(close) => format!(
                                "did you mean `{close}`? The screens are {}.",
                                list(screens.iter())
                            ),
                            None => format!("the screens are {}.", list(screens.iter())),
                        };
                        self.error(span, format!("unknown screen `{name}`"), help);
                    }
                    true
                }
                _ => false,
            },
        }
    }

    fn inline(&mut self, raw: &str, line: usize) {
        let mut rest = raw;
        let mut col = 1;
        while let Some(at) = find_double(rest, '{') {
            let escaped = rest[..at].ends_with('\\');
            let before = if escaped {
                &rest[..at - 1]
            } else {
                &rest[..at]
            };
            self.push_text(before, line);
            col += rest[..at].chars().count();
            if escaped {
                self.out().push(Node::Literal(Span::new(line, col - 1, 3)));
                rest = &rest[at + 2..];
                col += 2;
                continue;
            }
            let after = &rest[at + 2..];
            let Some(end) = find_double(after, '}') else {
                let span = Span::new(line, col, 2);
                self.error(
                    span,
                    "`{{` is not closed on this line",
                    "close it with `}}`, or write `\\{{` for a literal `{{`.",
                );
                rest = after;
                col += 2;
                continue;
            };
            let inner = &after[..end];
            let span = Span::new(line, col, inner.chars().count() + 4);
            self.inline_construct(inner, span);
            col += span.len;
            rest = &after[end + 2..];
        }
        self.push_text(rest, line);
    }

    fn inline_construct(&mut self, inner: &str, span: Span) {
        let word = inner.trim();
        if word.starts_with('#')
            || word.starts_with('/')
            || word == "else"
            || word == "schedule"
            || word.starts_with("screen ")
        {
            self.error(
                span,
                format!("`{{{{{word}}}}}` must stand alone on its line"),
                "put it on a line of its own, with nothing else but spaces.",
            );
            return;
        }
        if let Some(arg) = word.strip_prefix("qr ").map(str::trim) {
            if let Some(text) = arg.strip_prefix('"').and_then(|a| a.strip_suffix('"')) {
                if text.is_empty() {
                    self.error(
                        span,
                        "the QR code has no text",
                        "write `{{qr \"https://…\"}}` or `{{qr links.mfa_setup}}`.",
                    );
                } else {
                    self.out().push(Node::Qr {
                        target: QrTarget::Text(text.to_string()),
                        span,
                    });
                }
            } else if arg.starts_with("term.") {
                self.error(
                    span,
                    "a QR code cannot hold a term",
                    "write the term as text beside the QR code, e.g. `{{ term.mobile }}`.",
                );
            } else if let Some(name) = self.variable(arg, span) {
                self.out().push(Node::Qr {
                    target: QrTarget::Var(name),
                    span,
                });
            }
            return;
        }
        if let Some(name) = word.strip_prefix("term.") {
            self.term(name, span);
        } else if let Some(name) = self.variable(word, span) {
            self.out().push(Node::Var { name, span });
        }
    }

    fn term(&mut self, name: &str, span: Span) {
        let terms = self.known.terms;
        if let Some(text) = terms.get(name, self.known.lang) {
            self.out().push(Node::Term { text, span });
            return;
        }
        if terms.is_partial() {
            return; // the terms file has errors of its own
        }
        let help = match terms.suggest(name) {
            Some(close) => format!(
                "did you mean `term.{close}`? The terms are in terms.yaml: {}.",
                list(terms.names())
            ),
            None => format!(
                "add `{name}` to the project's terms.yaml, or use one of {}.",
                list(terms.names())
            ),
        };
        self.error(span, format!("unknown term `term.{name}`"), help);
    }

    fn variable(&mut self, word: &str, span: Span) -> Option<&'static str> {
        if let Some(name) = VAR_NAMES.iter().find(|n| **n == word) {
            return Some(name);
        }
        let help = match did_you_mean(word, VAR_NAMES) {
            Some(close) => {
                format!("did you mean `{close}`? The variables are listed in the README.")
            }
            None => format!("the variables are {}.", list(VAR_NAMES.iter())),
        };
        let message = if word.is_empty() {
            "empty `{{ }}`".to_string()
        } else {
            format!("unknown variable `{word}`")
        };
        self.error(span, message, help);
        None
    }
}

fn list<S: AsRef<str>>(names: impl Iterator<Item = S>) -> String {
    names
        .map(|n| format!("`{}`", n.as_ref()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Where `c` doubled (`{{`, `}}`) first occurs in `s`: a byte search for `c`, cheaper than
/// a substring search on every line of every page.
fn find_double(s: &str, c: char) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = s[from..].find(c) {
        let at = from + i;
        if s[at + c.len_utf8()..].starts_with(c) {
            return Some(at);
        }
        from = at + c.len_utf8();
    }
    None
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use super::*;

    /// The problems of `body` as a page in `lang`.
    fn diagnostics(body: &str, lang: crate::lang::Lang) -> Diagnostics {
        let source = Source::new("p.md", body);
        let screens = BTreeSet::from(["approve-number".to_string()]);
        let terms = crate::terms::builtin_terms();
        let known = Known {
            lang,
            screens: &screens,
            terms: &terms,
        };
        parse(&source, &source.text, 1, &known).1
    }

    fn errors(body: &str) -> Vec<(usize, usize, String)> {
        diagnostics(body, crate::lang::Lang::Nl)
            .iter()
            .map(|d| (d.line(), d.column(), d.message.clone()))
            .collect()
    }

    #[test]
    fn every_problem_of_a_page_is_reported_with_its_place() {
        let found = errors(
            "{{ helpdesk.phon }}\n{{#if feature.nope}}\nx\n{{screen aprove-number}}\n{{/if}}\n{{/if}}\n{{#if app}}\n",
        );
        assert_eq!(
            found,
            vec![
                (1, 1, "unknown variable `helpdesk.phon`".to_string()),
                (2, 7, "unknown condition `feature.nope`".to_string()),
                (4, 1, "unknown screen `aprove-number`".to_string()),
                (6, 1, "`{{/if}}` without a `{{#if}}` above it".to_string()),
                (7, 1, "this `{{#if}}` is never closed".to_string()),
            ]
        );
    }

    #[test]
    fn five_thousand_nested_ifs_are_one_error_not_a_stack_overflow() {
        let n = 5000;
        let body = format!("{}x\n{}", "{{#if app}}\n".repeat(n), "{{/if}}\n".repeat(n));
        let found = errors(&body);
        assert_eq!(
            found,
            vec![(
                MAX_IF_DEPTH + 1,
                1,
                format!("`{{{{#if}}}}` blocks nest more than {MAX_IF_DEPTH} deep here")
            )]
        );
        let ok = format!(
            "{}x\n{}",
            "{{#if app}}\n".repeat(MAX_IF_DEPTH),
            "{{/if}}\n".repeat(MAX_IF_DEPTH)
        );
        assert!(errors(&ok).is_empty());
    }

    #[test]
    fn control_characters_in_a_page_are_errors_at_their_column() {
        assert_eq!(
            errors("Klik op \u{1b}[31mOK\u{7}\r\n\tTab mag.\n"),
            vec![(
                1,
                9,
                "the page contains the control character U+001B".to_string()
            )]
        );
    }

    #[test]
    fn an_unknown_term_is_an_error_with_did_you_mean_keeping_the_capital() {
        assert!(errors("{{ term.mobile }} {{term.Mobile_number}}\n").is_empty());
        let diags = diagnostics("Je {{ term.Mobiel }}.\n", crate::lang::Lang::En);
        let d = diags.iter().next().expect("an error");
        assert_eq!(d.summary(), "p.md:1:4: unknown term `term.Mobiel`");
        assert!(
            d.help
                .as_deref()
                .is_some_and(|h| h.starts_with("did you mean `term.Mobile`?")),
            "{:?}",
            d.help
        );
        assert_eq!(
            errors("{{qr term.mobile}}\n")[0].2,
            "a QR code cannot hold a term"
        );
    }

    #[test]
    fn schedule_stands_alone_on_its_line() {
        assert!(errors("  {{schedule}}\n").is_empty());
        assert_eq!(
            errors("Zie {{schedule}}\n")[0].2,
            "`{{schedule}}` must stand alone on its line"
        );
    }

    #[test]
    fn block_directives_inside_a_line_are_refused() {
        let found = errors("Tekst {{#if app}} meer\n");
        assert_eq!(found[0].2, "`{{#if app}}` must stand alone on its line");
        assert_eq!(found[0].1, 7);
    }

    #[test]
    fn unclosed_braces_point_at_the_braces() {
        assert_eq!(
            errors("ab {{ helpdesk.phone\n")[0],
            (1, 4, "`{{` is not closed on this line".to_string())
        );
    }

    #[test]
    fn second_else_is_an_error() {
        assert_eq!(
            errors("{{#if app}}\n{{else}}\n{{else}}\n{{/if}}\n")[0].2,
            "a second `{{else}}` in the same block"
        );
    }

    #[test]
    fn escape_and_qr_literal_parse_without_errors() {
        assert!(
            errors("\\{{ x }} {{qr \"https://example.org\"}} {{ customer.name }}\n").is_empty()
        );
    }
}
