//! Translation parity inside pages: the Dutch and the English version of a page have the
//! same conditions, screens, QR codes and numbered steps, in the same order. (That every
//! page exists in both languages, with the same `when:`, is checked when the library is
//! loaded.)

use std::collections::BTreeMap;

use crate::content::{Audience, Library, Page};
use crate::diagnostics::{Diagnostic, Diagnostics, Span};
use crate::dialect::Node;
use crate::lang::Lang;

/// One thing a page's structure has, with where it is.
#[derive(Debug, Clone)]
struct Mark {
    what: String,
    span: Span,
}

pub fn check_structure(library: &Library, diags: &mut Diagnostics) {
    let mut by_page: BTreeMap<(Audience, &str), Vec<&Page>> = BTreeMap::new();
    for page in &library.pages {
        by_page
            .entry((page.audience, &page.slug))
            .or_default()
            .push(page);
    }
    for pages in by_page.values() {
        let Some(first) = pages.iter().find(|p| p.lang == Lang::Nl).or(pages.first()) else {
            continue;
        };
        let expected = marks(&first.body.nodes, &first.source.text);
        for other in pages.iter().filter(|p| p.lang != first.lang) {
            let found = marks(&other.body.nodes, &other.source.text);
            let differs = expected
                .iter()
                .zip(&found)
                .position(|(a, b)| a.what != b.what)
                .or((expected.len() != found.len()).then(|| expected.len().min(found.len())));
            let Some(i) = differs else { continue };
            let (message, span) = match (expected.get(i), found.get(i)) {
                (Some(want), Some(got)) => (
                    format!(
                        "here the `{}` version has {}, this one {}",
                        first.lang, want.what, got.what
                    ),
                    got.span,
                ),
                (Some(want), None) => (
                    format!(
                        "the `{}` version has {} (line {}) after this, this one has not",
                        first.lang, want.what, want.span.line
                    ),
                    found.last().map_or(Span::new(1, 1, 0), |m| m.span),
                ),
                (None, Some(got)) => (
                    format!(
                        "this version has {}, the `{}` version has not",
                        got.what, first.lang
                    ),
                    got.span,
                ),
                (None, None) => continue,
            };
            diags.push(
                Diagnostic::error(format!("translations differ: {message}"))
                    .at(&other.source, span)
                    .help(format!(
                        "give both languages the same steps, conditions and screens, in the same order (compare with {}).",
                        first.source.name
                    )),
            );
        }
    }
}

/// The structure of a page body: `{{#if}}` blocks, screens, QR codes, the schedule, and
/// numbered steps (ordered-list items at the start of a line).
fn marks(nodes: &[Node], source: &str) -> Vec<Mark> {
    let mut out = Vec::new();
    walk(nodes, source, &mut out);
    out
}

fn walk(nodes: &[Node], source: &str, out: &mut Vec<Mark>) {
    for node in nodes {
        let mark = |what: String, span: Span| Mark { what, span };
        match node {
            Node::Text { range, line } => {
                for (n, l) in source[range.clone()].lines().enumerate() {
                    let t = l.trim_start();
                    let digits = t.chars().take_while(char::is_ascii_digit).count();
                    if digits > 0 && t[digits..].starts_with(". ") {
                        let span = Span::new(line + n, l.len() - t.len() + 1, digits + 1);
                        out.push(mark("a numbered step".into(), span));
                    }
                }
            }
            Node::If {
                cond,
                then,
                otherwise,
                span,
            } => {
                out.push(mark(format!("`{{{{#if {cond}}}}}`"), *span));
                walk(then, source, out);
                if !otherwise.is_empty() {
                    out.push(mark("`{{else}}`".into(), *span));
                    walk(otherwise, source, out);
                }
                out.push(mark("the end of `{{#if}}`".into(), *span));
            }
            Node::Screen { name, span, .. } => {
                out.push(mark(format!("`{{{{screen {name}}}}}`"), *span))
            }
            Node::Qr { span, .. } => out.push(mark("a QR code".into(), *span)),
            Node::Schedule { span, .. } => out.push(mark("`{{schedule}}`".into(), *span)),
            Node::Var { .. } | Node::Term { .. } | Node::Literal(_) | Node::Figure(_) => {}
        }
    }
}
