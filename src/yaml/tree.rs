//! A pass over a YAML document without its schema, for what no typed read can see: a key
//! written with no value (`primary: #b00020` is a comment, so the colour silently fell back
//! to the default), a control character in a value (it would land raw in every page), and a
//! value longer than any real one. It also names the key at each place, for the messages of
//! the typed read.

use std::fmt;

use serde::Deserialize;
use serde::de::{self, MapAccess, SeqAccess, Visitor};
use serde_saphyr::Spanned;

use super::span_of;
use crate::diagnostics::{Diagnostic, Diagnostics, Source, Span};
use crate::files::control_character;

/// The longest value any YAML file may hold, in characters; fields that are shown in a
/// handbook have lower limits of their own (`customer::limits`).
pub const MAX_VALUE_CHARS: usize = 10_000;

/// A node of the document, whatever its schema.
enum Node {
    Null,
    Scalar(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<String>, Spanned<Node>)>),
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        d.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }

    fn visit_some<D: de::Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }

    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_i128<E>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_u128<E>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Scalar(v.to_string()))
    }

    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Scalar(v))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element()? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(entry) = map.next_entry()? {
            entries.push(entry);
        }
        Ok(Node::Map(entries))
    }
}

/// What the pass found: problems, and the key (as a dotted path) of the value at each place.
#[derive(Default)]
pub struct Shape {
    pub problems: Diagnostics,
    pub names: Vec<(Span, String)>,
}

impl Shape {
    /// The key whose value (or the key itself) starts at `span`'s place, or the last key on
    /// its line.
    pub fn name_at(&self, span: Span) -> Option<&str> {
        let at = |s: &Span| (s.line, s.column) == (span.line, span.column);
        self.names
            .iter()
            .find(|(s, _)| at(s))
            .or_else(|| self.names.iter().rev().find(|(s, _)| s.line == span.line))
            .map(|(_, name)| name.as_str())
    }
}

/// Whether a key written without a value is a problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EmptyKeys {
    /// An error at the key: the author meant a value (often one lost to a `#` comment).
    Refused,
    /// An empty section, on purpose.
    Allowed,
}

/// Reads `text` (part of `source` after `line_offset` lines) without a schema. A text that
/// is not valid YAML gives no problems here: the typed read reports it.
pub fn check(source: &Source, text: &str, line_offset: usize, empty_keys: EmptyKeys) -> Shape {
    let options = serde_saphyr::options! {
        with_snippet: false,
        non_finite_float_policy: serde_saphyr::NonFiniteFloatPolicy::AsString,
        budget: Some(super::budget()),
    };
    let Ok(root) = serde_saphyr::from_str_with_options::<Spanned<Node>>(text, options) else {
        return Shape::default();
    };
    let mut walk = Walk {
        source,
        line_offset,
        empty_keys,
        shape: Shape::default(),
    };
    walk.node(&root, "");
    walk.shape
}

struct Walk<'a> {
    source: &'a Source,
    line_offset: usize,
    empty_keys: EmptyKeys,
    shape: Shape,
}

impl Walk<'_> {
    fn node(&mut self, node: &Spanned<Node>, path: &str) {
        let span = span_of(node, self.line_offset);
        match &node.value {
            Node::Null => {}
            Node::Scalar(text) => self.scalar(text, span, path),
            Node::Seq(items) => {
                for (i, item) in items.iter().enumerate() {
                    self.node(item, &format!("{path}[{}]", i + 1));
                }
            }
            Node::Map(entries) => {
                for (key, value) in entries {
                    let path = match path {
                        "" => key.value.clone(),
                        _ => format!("{path}.{}", key.value),
                    };
                    let key_span = span_of(key, self.line_offset);
                    self.shape.names.push((key_span, path.clone()));
                    self.shape
                        .names
                        .push((span_of(value, self.line_offset), path.clone()));
                    if matches!(value.value, Node::Null) && self.empty_keys == EmptyKeys::Refused {
                        self.empty(&key.value, key_span, &path);
                    }
                    self.node(value, &path);
                }
            }
        }
    }

    /// A key written with nothing after it (or only `~`, `null`, or a comment).
    fn empty(&mut self, key: &str, span: Span, path: &str) {
        let after = self
            .source
            .line_text(span.line)
            .map(|line| {
                let skip = span.column.saturating_sub(1) + key.chars().count();
                line.chars().skip(skip).collect::<String>()
            })
            .unwrap_or_default();
        let after = after.trim_start_matches(['"', '\'']).trim_start();
        let after = after.strip_prefix(':').unwrap_or(after).trim_start();
        let help = if after.starts_with('#') {
            format!(
                "in YAML a `#` starts a comment, so `{key}:` is left empty; put a colour code in quotes: `{key}: \"{}\"`.",
                after.split_whitespace().next().unwrap_or("#1f4e79")
            )
        } else {
            format!(
                "write a value after `{key}:` (or the keys of this section on the lines below it), or remove the line."
            )
        };
        let name = if path.is_empty() { key } else { path };
        self.shape.problems.push(
            Diagnostic::error(format!("`{name}` has no value"))
                .at(
                    self.source,
                    Span {
                        len: key.chars().count(),
                        ..span
                    },
                )
                .help(help),
        );
    }

    fn scalar(&mut self, text: &str, span: Span, path: &str) {
        let name = if path.is_empty() { "this value" } else { path };
        let chars = text.chars().count();
        if chars > MAX_VALUE_CHARS {
            self.shape.problems.push(
                Diagnostic::error(format!(
                    "`{name}` is {chars} characters long; a value may have at most {MAX_VALUE_CHARS}"
                ))
                .at(self.source, Span { len: 1, ..span })
                .help("shorten it: a handbook shows names, hours and short texts, not documents."),
            );
            return;
        }
        if let Some((i, c)) = control_character(text, &['\n', '\t', '\r']) {
            self.shape.problems.push(
                Diagnostic::error(format!(
                    "`{name}` contains the control character U+{:04X} (character {} of the value)",
                    u32::from(c),
                    i + 1
                ))
                .at(self.source, span)
                .help("remove it: control characters are invisible, and would reach every page and terminal that shows this value."),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problems(text: &str) -> Vec<(usize, usize, String, String)> {
        let source = Source::new("customers/acme.yaml", text);
        check(&source, &source.text, 0, EmptyKeys::Refused)
            .problems
            .iter()
            .map(|d| {
                (
                    d.line(),
                    d.column(),
                    d.message.clone(),
                    d.help.clone().unwrap_or_default(),
                )
            })
            .collect()
    }

    #[test]
    fn an_unquoted_colour_is_a_comment_and_an_error_with_the_quoting_hint() {
        let found = problems("brand:\n  primary: #b00020\n  on_primary: \"#fff\"\n");
        assert_eq!(found.len(), 1, "{found:?}");
        let (line, column, message, help) = &found[0];
        assert_eq!((*line, *column), (2, 3));
        assert_eq!(message, "`brand.primary` has no value");
        assert!(help.contains("`primary: \"#b00020\"`"), "{help}");
    }

    #[test]
    fn a_file_of_sections_may_leave_a_section_empty() {
        let source = Source::new("paths.yaml", "passkey:\nchoose:\n  employee: []\n");
        let shape = check(&source, &source.text, 0, EmptyKeys::Allowed);
        assert!(shape.problems.is_empty(), "{}", shape.problems);
        assert_eq!(problems(&source.text).len(), 1, "refused elsewhere");
    }

    #[test]
    fn every_key_written_without_a_value_is_reported() {
        let found = problems("name:\nhelpdesk:\n  url: ~\n  hours: null\nwaves:\n  - name:\n");
        let messages: Vec<&str> = found.iter().map(|f| f.2.as_str()).collect();
        assert_eq!(
            messages,
            [
                "`name` has no value",
                "`helpdesk.url` has no value",
                "`helpdesk.hours` has no value",
                "`waves[1].name` has no value"
            ]
        );
        assert!(problems("name: \"\"\nlist: []\nmap: {}\n").is_empty());
    }

    #[test]
    fn control_characters_are_refused_at_the_value_also_when_escaped() {
        let found = problems("name: \"Acme\\e[31m\"\nhours: \"a\\tb\"\ntext: |\n  one\n  two\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!((found[0].0, found[0].1), (1, 7));
        assert!(found[0].2.contains("U+001B (character 5"), "{}", found[0].2);
        let bel = problems("name: \"a\\ab\"\n");
        assert!(bel[0].2.contains("U+0007"), "{bel:?}");
    }

    #[test]
    fn a_huge_value_is_refused_and_not_echoed() {
        let text = format!("name: {}\n", "x".repeat(MAX_VALUE_CHARS + 1));
        let found = problems(&text);
        assert_eq!(found.len(), 1);
        assert!(
            found[0].2.contains("10001 characters long"),
            "{}",
            found[0].2
        );
        assert!(found[0].2.len() < 200);
    }

    #[test]
    fn names_follow_the_keys() {
        let source = Source::new("a.yaml", "helpdesk:\n  phone: x\nlist:\n  - a: 1\n");
        let shape = check(&source, &source.text, 0, EmptyKeys::Refused);
        assert_eq!(shape.name_at(Span::new(2, 10, 1)), Some("helpdesk.phone"));
        assert_eq!(shape.name_at(Span::new(4, 8, 1)), Some("list[1].a"));
    }
}
