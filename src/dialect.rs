//! The content dialect on top of Markdown: variables, conditions, QR codes, screens and the
//! `\{{` escape. Parsed once per page (checked statically), resolved per customer and
//! language into Markdown with inert placeholders that the Markdown stage fills in.

mod condition;
mod parse;

use std::collections::{BTreeMap, BTreeSet};

pub use condition::{Atom, Condition, ConditionError};
pub use parse::parse;

use crate::customer::Customer;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::lang::Lang;
use crate::learn::docfx::Figure;
use crate::terms::{TermText, Terms};
use crate::vars::Value;

/// What the pages of one language may name: the theme's screens and the terms.
#[derive(Debug, Clone, Copy)]
pub struct Known<'a> {
    pub lang: Lang,
    pub screens: &'a BTreeSet<String>,
    pub terms: &'a Terms,
}

/// A parsed page body.
#[derive(Debug, Clone, Default)]
pub struct Template {
    pub nodes: Vec<Node>,
}

#[derive(Debug, Clone)]
pub enum Node {
    /// Markdown as written: a byte range of the page's source (so a page's text is held
    /// once); `line` is the source line it starts on.
    Text {
        range: std::ops::Range<usize>,
        line: usize,
    },
    Var {
        name: &'static str,
        span: Span,
    },
    /// `{{ term.mobile }}`: a word from the term list, in the page's language, with the
    /// Belgian word where it differs.
    Term {
        text: TermText,
        span: Span,
    },
    /// `\{{`: a literal `{{`.
    Literal(Span),
    Qr {
        target: QrTarget,
        span: Span,
    },
    /// `{{schedule}}`: the customer's rollout waves and the day MFA becomes mandatory.
    Schedule {
        indent: String,
        span: Span,
    },
    Screen {
        name: String,
        indent: String,
        span: Span,
    },
    /// A DocFX `:::image`, shown as a figure.
    Figure(Figure),
    If {
        cond: Condition,
        then: Vec<Node>,
        otherwise: Vec<Node>,
        span: Span,
    },
}

#[derive(Debug, Clone)]
pub enum QrTarget {
    Var(&'static str),
    Text(String),
}

/// What a placeholder in the resolved Markdown stands for.
#[derive(Debug, Clone, PartialEq)]
pub enum Insert {
    Value(Value),
    Literal,
    Qr { payload: String, label: String },
    Screen(String),
    Schedule,
    Figure(Figure),
}

/// A page body for one customer and language: Markdown with placeholders.
#[derive(Debug, Clone, Default)]
pub struct Resolved {
    pub markdown: String,
    pub inserts: Vec<Insert>,
    /// For each line of `markdown` (0-based), the source line it came from.
    pub line_map: Vec<usize>,
    /// Where each piece of `markdown` came from, by the offset it starts at: a piece of the
    /// page's text (at a byte offset of the source) or an insert (at its span).
    pub origins: Vec<(usize, Origin)>,
}

/// Where a piece of resolved Markdown came from.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Origin {
    /// The page's own text, starting at this byte offset of the source.
    Text(usize),
    /// A variable, QR code or block insert written at this span.
    Insert(Span),
}

pub const PLACEHOLDER_START: char = '\u{E000}';
pub const PLACEHOLDER_END: char = '\u{E001}';
/// Screens become an HTML comment on a line of their own: a Markdown HTML block.
pub const BLOCK_PLACEHOLDER: &str = "<!--hb:";

impl Resolved {
    /// The source line of a byte offset in `markdown`.
    pub fn source_line(&self, offset: usize) -> usize {
        let line = self.markdown[..offset.min(self.markdown.len())]
            .matches('\n')
            .count();
        self.line_map
            .get(line)
            .or(self.line_map.last())
            .copied()
            .unwrap_or(1)
    }

    /// The place in the source of a byte range of `markdown`: its line, its column and
    /// how many characters it covers on that line.
    pub fn span(&self, range: std::ops::Range<usize>, source: &Source) -> Span {
        let line = self.source_line(range.start);
        let at = self.origins.partition_point(|(o, _)| *o <= range.start);
        let Some((start, origin)) = at.checked_sub(1).map(|i| self.origins[i]) else {
            return Span::new(line, 1, 0);
        };
        match origin {
            Origin::Insert(span) => span,
            Origin::Text(text_start) => {
                let offset = text_start + (range.start - start);
                let text = &source.text;
                let Some(before) = text.get(..offset) else {
                    return Span::new(line, 1, 0);
                };
                let line_start = before.rfind('\n').map_or(0, |i| i + 1);
                let column = before[line_start..].chars().count() + 1;
                let rest = &self.markdown[range.start..range.end.min(self.markdown.len())];
                let len = rest.split('\n').next().unwrap_or("").chars().count();
                Span::new(line, column, len)
            }
        }
    }

    fn text(&mut self, text: &str, start: usize, mut line: usize) {
        self.origins
            .push((self.markdown.len(), Origin::Text(start)));
        for piece in text.split_inclusive('\n') {
            self.markdown.push_str(piece);
            if piece.ends_with('\n') {
                self.line_map.push(line);
                line += 1;
            }
        }
    }

    /// A block insert on a line of its own (an HTML comment is a Markdown HTML block).
    fn block(&mut self, insert: Insert, indent: &str, span: Span) {
        let n = self.inserts.len();
        self.inserts.push(insert);
        self.markdown.push_str(indent);
        self.origins
            .push((self.markdown.len(), Origin::Insert(span)));
        self.markdown
            .push_str(&format!("{BLOCK_PLACEHOLDER}{n}-->\n"));
        self.line_map.push(span.line);
    }

    fn insert(&mut self, insert: Insert, span: Span) {
        self.origins
            .push((self.markdown.len(), Origin::Insert(span)));
        let n = self.inserts.len();
        self.inserts.push(insert);
        self.markdown.push(PLACEHOLDER_START);
        self.markdown.push_str(&n.to_string());
        self.markdown.push(PLACEHOLDER_END);
    }
}

/// Resolves conditions and variables of `template` for one customer and language.
pub fn resolve(
    template: &Template,
    source: &Source,
    customer: &Customer,
    vars: &BTreeMap<&'static str, Value>,
) -> Result<Resolved, Diagnostics> {
    let mut out = Resolved::default();
    let mut diags = Diagnostics::new();
    resolve_nodes(
        &template.nodes,
        source,
        customer,
        vars,
        &mut out,
        &mut diags,
    );
    if !out.markdown.ends_with('\n') {
        out.markdown.push('\n');
        out.line_map.push(out.line_map.last().copied().unwrap_or(1));
    }
    diags.into_result(out)
}

fn resolve_nodes(
    nodes: &[Node],
    source: &Source,
    customer: &Customer,
    vars: &BTreeMap<&'static str, Value>,
    out: &mut Resolved,
    diags: &mut Diagnostics,
) {
    let lookup = |name: &str, span: Span, diags: &mut Diagnostics| match vars.get(name) {
        Some(v) => Some(v.clone()),
        None => {
            diags.push(
                Diagnostic::error(format!("`{name}` is not set for the customer `{}`", customer.id))
                    .at(source, span)
                    .help(format!(
                        "set `{name}` in {} (or in handboek.yaml for every customer), or put this inside a `{{{{#if}}}}` block that leaves this customer out.",
                        customer.source.name
                    )),
            );
            None
        }
    };
    for node in nodes {
        match node {
            Node::Text { range, line } => {
                out.text(&source.text[range.clone()], range.start, *line);
            }
            Node::Literal(span) => out.insert(Insert::Literal, *span),
            Node::Term { text, span } => out.insert(
                Insert::Value(Value::Text(text.for_country(customer.country).to_string())),
                *span,
            ),
            Node::Var { name, span } => {
                if let Some(v) = lookup(name, *span, diags) {
                    out.insert(Insert::Value(v), *span);
                }
            }
            Node::Qr { target, span } => {
                let (payload, label) = match target {
                    QrTarget::Text(t) => (t.clone(), t.clone()),
                    QrTarget::Var(name) => match lookup(name, *span, diags) {
                        Some(v) => (
                            v.href().unwrap_or_else(|| v.display().to_string()),
                            v.display().to_string(),
                        ),
                        None => continue,
                    },
                };
                out.insert(Insert::Qr { payload, label }, *span);
            }
            Node::Screen { name, indent, span } => {
                out.block(Insert::Screen(name.clone()), indent, *span);
            }
            Node::Schedule { indent, span } => out.block(Insert::Schedule, indent, *span),
            Node::Figure(figure) => {
                out.block(
                    Insert::Figure(figure.clone()),
                    &figure.indent,
                    figure.src_span,
                );
            }
            Node::If {
                cond,
                then,
                otherwise,
                ..
            } => {
                let branch = if cond.holds(customer) {
                    then
                } else {
                    otherwise
                };
                resolve_nodes(branch, source, customer, vars, out, diags);
            }
        }
    }
}

impl Template {
    /// Every optional variable a condition of the template tests (`{{#if handbook.url}}`).
    pub fn tested_variables(&self) -> Vec<&'static str> {
        fn walk(nodes: &[Node], out: &mut Vec<&'static str>) {
            for node in nodes {
                if let Node::If {
                    cond,
                    then,
                    otherwise,
                    ..
                } = node
                {
                    cond.variables(out);
                    walk(then, out);
                    walk(otherwise, out);
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }

    /// Every variable the template uses (in any branch), with where.
    pub fn variables(&self) -> Vec<(&'static str, Span)> {
        fn walk(nodes: &[Node], out: &mut Vec<(&'static str, Span)>) {
            for node in nodes {
                match node {
                    Node::Var { name, span }
                    | Node::Qr {
                        target: QrTarget::Var(name),
                        span,
                    } => out.push((name, *span)),
                    Node::If {
                        then, otherwise, ..
                    } => {
                        walk(then, out);
                        walk(otherwise, out);
                    }
                    _ => {}
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.nodes, &mut out);
        out
    }
}

/// Splits text at placeholders: `Ok(text)` for plain text, `Err(index)` for a placeholder.
pub fn split_placeholders(text: &str) -> Vec<Result<&str, usize>> {
    let mut parts = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find(PLACEHOLDER_START) {
        let after = &rest[start + PLACEHOLDER_START.len_utf8()..];
        let Some(end) = after.find(PLACEHOLDER_END) else {
            break;
        };
        match after[..end].parse::<usize>() {
            Ok(n) => {
                if start > 0 {
                    parts.push(Ok(&rest[..start]));
                }
                parts.push(Err(n));
            }
            Err(_) => {
                parts.push(Ok(&rest[..start
                    + PLACEHOLDER_START.len_utf8()
                    + end
                    + PLACEHOLDER_END.len_utf8()]))
            }
        }
        rest = &after[end + PLACEHOLDER_END.len_utf8()..];
    }
    if !rest.is_empty() {
        parts.push(Ok(rest));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::test_customer;
    use crate::vars::variables;

    fn customer(method: &str, extra: &str) -> Customer {
        test_customer(&format!(
            "name: Acme\nhelpdesk:\n  name: Servicedesk\n  phone: 020 123 4567\n  email: help@acme.nl\nmfa:\n  method: {method}\n  enforcement: conditional_access\n  mandatory_from: 2026-12-01\n{extra}"
        ))
    }

    fn resolve_for(body: &str, c: &Customer) -> Result<Resolved, Diagnostics> {
        let source = Source::new("p.md", body);
        let screens = BTreeSet::from(["approve-number".to_string()]);
        let terms = crate::terms::builtin_terms();
        let known = Known {
            lang: Lang::Nl,
            screens: &screens,
            terms: &terms,
        };
        let (template, diags) = parse(&source, &source.text, 1, &known);
        assert!(diags.is_empty(), "{diags}");
        resolve(&template, &source, c, &variables(c, Lang::Nl, "de app"))
    }

    #[test]
    fn sms_customer_gets_only_the_sms_branch() {
        let body = "Start\n{{#if app}}\nAPP\n{{else}}\nSMS\n{{/if}}\nEnd\n";
        assert_eq!(
            resolve_for(body, &customer("sms", "")).unwrap().markdown,
            "Start\nSMS\nEnd\n"
        );
        assert_eq!(
            resolve_for(body, &customer("app", "")).unwrap().markdown,
            "Start\nAPP\nEnd\n"
        );
    }

    #[test]
    fn choose_customer_gets_every_allowed_path() {
        let c = customer("choose\n  allowed: [app, sms]", "");
        let body = "{{#if app}}\nA\n{{/if}}\n{{#if sms and choose}}\nS\n{{/if}}\n";
        assert_eq!(resolve_for(body, &c).unwrap().markdown, "A\nS\n");
    }

    #[test]
    fn nested_conditions_and_features_resolve_and_keep_source_lines() {
        let c = customer("app", "features:\n  remote_desktop: true\n");
        let body = "a\n{{#if app}}\n  {{#if feature.remote_desktop}}\nRD\n  {{else}}\nno\n  {{/if}}\n{{/if}}\nz\n";
        let r = resolve_for(body, &c).unwrap();
        assert_eq!(r.markdown, "a\nRD\nz\n");
        assert_eq!(r.line_map, vec![1, 4, 9]);
    }

    #[test]
    fn variables_become_placeholders_with_typed_values() {
        let r = resolve_for(
            "Bel {{ helpdesk.phone }} of {{helpdesk.name}}.\n",
            &customer("app", ""),
        )
        .unwrap();
        let parts = split_placeholders(r.markdown.trim_end());
        assert_eq!(parts.len(), 5);
        match &r.inserts[0] {
            Insert::Value(v) => assert_eq!(v.href().as_deref(), Some("tel:+31201234567")),
            other => panic!("{other:?}"),
        }
        assert_eq!(
            r.inserts[1],
            Insert::Value(Value::Text("Servicedesk".into()))
        );
    }

    #[test]
    fn escaped_braces_stay_literal_and_screens_become_block_comments() {
        let r = resolve_for(
            "Typ \\{{ niet }}\n   {{screen approve-number}}\n",
            &customer("app", ""),
        )
        .unwrap();
        assert_eq!(r.inserts[0], Insert::Literal);
        assert!(
            r.markdown.contains(" niet }}\n   <!--hb:1-->\n"),
            "{}",
            r.markdown
        );
    }

    #[test]
    fn optional_variable_missing_for_a_customer_is_an_error_at_its_place() {
        let err = resolve_for("x\nZie {{ helpdesk.url }}\n", &customer("app", "")).unwrap_err();
        let d = err.iter().next().unwrap();
        assert_eq!((d.line(), d.column()), (2, 5));
        assert!(
            d.message
                .contains("`helpdesk.url` is not set for the customer `test`")
        );
    }

    #[test]
    fn a_term_reads_belgian_for_a_belgian_customer_and_keeps_its_capital() {
        let body = "{{ term.Mobile }} kwijt? Typ je {{ term.mobile_number }}.\n";
        let text = |c: &Customer| {
            let r = resolve_for(body, c).unwrap();
            r.inserts
                .iter()
                .map(|i| match i {
                    Insert::Value(v) => v.display().to_string(),
                    other => panic!("{other:?}"),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            text(&customer("app", "")),
            ["Mobiele telefoon", "mobiele nummer"]
        );
        let belgian = test_customer(
            "name: Acme\ncountry: be\nhelpdesk:\n  name: S\n  phone: 03 304 23 26\n  email: help@acme.be\nmfa:\n  method: app\n  enforcement: conditional_access\n  mandatory_from: 2026-12-01\n",
        );
        assert_eq!(text(&belgian), ["Gsm", "gsm-nummer"]);
    }

    #[test]
    fn qr_of_a_phone_encodes_a_tel_link() {
        let r = resolve_for("{{qr helpdesk.phone}}\n", &customer("app", "")).unwrap();
        assert_eq!(
            r.inserts[0],
            Insert::Qr {
                payload: "tel:+31201234567".into(),
                label: "020 123 4567".into()
            }
        );
    }
}
