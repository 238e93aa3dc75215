//! The places in a YAML text where a secret can sit: every scalar with the keys above it,
//! every line of a block scalar, and every comment. Read line by line rather than parsed, so
//! that a file the schema refuses, or one that is not valid YAML at all, is still read.

/// Where in the YAML a scalar was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Place {
    /// After `key:`, or a plain line without a key (a continuation, pasted text).
    Value,
    /// An item of a block (`- x`) or flow (`[x, y]`) sequence.
    Item,
    /// One line of a block scalar (`key: |`).
    Block,
    /// Text after `#`.
    Comment,
}

/// A stretch of one line that may hold a secret, with the keys it sits under.
#[derive(Debug, Clone)]
pub(super) struct Scalar<'a> {
    /// 1-based line number.
    pub line: usize,
    /// The whole line, without its line ending.
    pub line_text: &'a str,
    /// Byte offset of `text` in `line_text`.
    pub start: usize,
    pub text: &'a str,
    /// The keys above the scalar, outermost first; its own key last.
    pub keys: Vec<&'a str>,
    pub place: Place,
    /// Whether a key of its own stands on the same line.
    pub keyed: bool,
}

/// Every scalar and comment of `text`, in order.
pub(super) fn scalars(text: &str) -> Vec<Scalar<'_>> {
    let mut scanner = Scanner::default();
    for (i, raw) in text.split('\n').enumerate() {
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        scanner.line(i + 1, line);
    }
    scanner.out
}

#[derive(Default)]
struct Scanner<'a> {
    /// Keys whose value is on the lines below, with the column of the key.
    parents: Vec<(usize, &'a str)>,
    /// Inside a block scalar: its lines are indented deeper than this, under these keys.
    block: Option<(usize, Vec<&'a str>)>,
    out: Vec<Scalar<'a>>,
}

/// The line being read: where it is, to place what is found in it.
#[derive(Clone, Copy)]
struct Line<'a> {
    number: usize,
    text: &'a str,
}

impl<'a> Line<'a> {
    /// Byte offset of `part`, a slice of this line, in the line.
    fn offset(self, part: &str) -> usize {
        (part.as_ptr() as usize).saturating_sub(self.text.as_ptr() as usize)
    }
}

impl<'a> Scanner<'a> {
    fn line(&mut self, number: usize, text: &'a str) {
        let line = Line { number, text };
        // A byte-order mark is not indentation.
        let body = text.strip_prefix('\u{feff}').unwrap_or(text);
        let rest = body.trim_start_matches(' ');
        let indent = body.len() - rest.len();
        let rest = rest.trim_end();
        if let Some((limit, keys)) = &self.block {
            if rest.is_empty() {
                return;
            }
            if indent > *limit {
                let keys = keys.clone();
                self.push(line, rest, keys, Place::Block, false);
                return;
            }
            self.block = None;
        }
        if rest.is_empty() || rest.starts_with('%') || is_document_marker(rest) {
            if is_document_marker(rest) {
                self.parents.clear();
            }
            return;
        }

        let mut at = rest;
        let mut column = indent;
        let mut dash = None;
        while let Some(after) = at
            .strip_prefix('-')
            .filter(|a| a.is_empty() || a.starts_with([' ', '\t']))
        {
            self.parents.retain(|(c, _)| *c <= column);
            dash = Some(column);
            let next = after.trim_start();
            column += at.len() - next.len();
            at = next;
        }
        if at.is_empty() {
            return;
        }
        if at.starts_with('#') {
            self.comment(line, at);
            return;
        }
        let (keys, node, value, keyed) = match split_key(at) {
            Some((key, value)) => {
                self.parents.retain(|(c, _)| *c < column);
                let mut keys: Vec<&'a str> = self.parents.iter().map(|(_, k)| *k).collect();
                keys.push(key);
                (keys, column, value, true)
            }
            None => {
                let keys = self.parents.iter().map(|(_, k)| *k).collect();
                (keys, dash.unwrap_or(column), at, false)
            }
        };
        let place = if dash.is_some() && !keyed {
            Place::Item
        } else {
            Place::Value
        };
        match self.value(line, value, &keys, place, keyed) {
            Parsed::Empty if keyed => self.parents.push((column, keys[keys.len() - 1])),
            Parsed::Block => self.block = Some((node, keys)),
            _ => {}
        }
    }

    /// Read the value that starts at `at` (properties, quotes, flow collections, plain text)
    /// and the comment after it.
    fn value(
        &mut self,
        line: Line<'a>,
        at: &'a str,
        keys: &[&'a str],
        place: Place,
        keyed: bool,
    ) -> Parsed {
        let mut at = at.trim_start();
        // Anchors and tags come before the value; an alias is no value of its own.
        while at.starts_with(['&', '!']) {
            at = at.find([' ', '\t']).map_or("", |i| at[i..].trim_start());
        }
        if at.starts_with('*') {
            return Parsed::Scalar;
        }
        if at.is_empty() {
            return Parsed::Empty;
        }
        if at.starts_with('#') {
            self.comment(line, at);
            return Parsed::Empty;
        }
        if place != Place::Comment && is_block_indicator(at) {
            if let Some(i) = at.find(" #") {
                self.comment(line, &at[i + 1..]);
            }
            return Parsed::Block;
        }
        let after = if at.starts_with(['{', '[']) {
            self.flow(line, at, keys, place, 0)
        } else if let Some((inside, after)) = quoted(at) {
            self.push(line, inside, keys.to_vec(), place, keyed);
            after
        } else {
            let end = comment_start(at).unwrap_or(at.len());
            self.push(line, at[..end].trim_end(), keys.to_vec(), place, keyed);
            &at[end..]
        };
        if let Some(i) = after.find('#') {
            self.comment(line, &after[i..]);
        }
        Parsed::Scalar
    }

    /// Read a flow collection (`{ nl: a, en: b }`, `[a, b]`) nested `depth` deep; returns
    /// what follows it. Past a sane depth the rest of the line is read as text, so that a
    /// line of brackets cannot exhaust the stack.
    fn flow(
        &mut self,
        line: Line<'a>,
        at: &'a str,
        keys: &[&'a str],
        place: Place,
        depth: usize,
    ) -> &'a str {
        if depth > 16 {
            self.push(line, at, keys.to_vec(), place, false);
            return "";
        }
        let is_map = at.starts_with('{');
        let close = if is_map { '}' } else { ']' };
        let item_place = if is_map || place == Place::Comment {
            place
        } else {
            Place::Item
        };
        let mut rest = &at[1..];
        loop {
            rest = rest.trim_start_matches([' ', '\t', ',']);
            if rest.is_empty() || rest.starts_with('#') {
                return rest;
            }
            if let Some(after) = rest.strip_prefix(close) {
                return after;
            }
            let mut entry_keys = keys.to_vec();
            if let Some((key, value)) = split_flow_key(rest) {
                entry_keys.push(key);
                rest = value.trim_start();
            }
            if rest.starts_with(['{', '[']) {
                rest = self.flow(line, rest, &entry_keys, item_place, depth + 1);
            } else if let Some((inside, after)) = quoted(rest) {
                self.push(line, inside, entry_keys, item_place, false);
                rest = after;
            } else {
                let end = rest.find([',', '}', ']']).unwrap_or(rest.len());
                let end = comment_start(&rest[..end]).unwrap_or(end);
                self.push(line, rest[..end].trim_end(), entry_keys, item_place, false);
                // A stray closing bracket of the other kind: step over it.
                let step = if end == 0 {
                    rest.chars().next().map_or(0, char::len_utf8)
                } else {
                    end
                };
                rest = &rest[step..];
            }
        }
    }

    /// Read a comment that starts at `at` (the `#`): `# key: value` is read as a value under
    /// that key, anything else as text.
    fn comment(&mut self, line: Line<'a>, at: &'a str) {
        let text = at.trim_start_matches('#').trim();
        if text.is_empty() {
            return;
        }
        match split_comment_key(text) {
            Some((key, value)) => {
                self.value(line, value, &[key], Place::Comment, true);
            }
            None => self.push(line, text, Vec::new(), Place::Comment, false),
        }
    }

    fn push(
        &mut self,
        line: Line<'a>,
        text: &'a str,
        keys: Vec<&'a str>,
        place: Place,
        keyed: bool,
    ) {
        if text.trim().is_empty() {
            return;
        }
        self.out.push(Scalar {
            line: line.number,
            line_text: line.text,
            start: line.offset(text),
            text,
            keys,
            place,
            keyed,
        });
    }
}

enum Parsed {
    Empty,
    Scalar,
    Block,
}

fn is_document_marker(rest: &str) -> bool {
    ["---", "..."].iter().any(|m| {
        rest.strip_prefix(m)
            .is_some_and(|after| after.is_empty() || after.starts_with([' ', '\t']))
    })
}

/// `|`, `>`, `|-`, `>+2`… alone or followed by a comment (`> 5` is text).
fn is_block_indicator(at: &str) -> bool {
    let Some(rest) = at.strip_prefix(['|', '>']) else {
        return false;
    };
    let rest = rest.trim_start_matches(['-', '+', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
    let comment = rest.starts_with([' ', '\t']) && rest.trim_start().starts_with('#');
    rest.trim().is_empty() || comment
}

/// The key and the rest of a block mapping entry (`key: value`, `"key": value`, `key:`).
fn split_key(at: &str) -> Option<(&str, &str)> {
    if let Some((key, after)) = quoted(at) {
        let value = after.trim_start().strip_prefix(':')?;
        return (value.is_empty() || value.starts_with([' ', '\t'])).then_some((key, value));
    }
    if at.starts_with(['{', '[', '|', '>', '#', '%', '@', '`', '?']) {
        return None;
    }
    let end = comment_start(at).unwrap_or(at.len());
    let head = &at[..end];
    let colon = head
        .match_indices(':')
        .map(|(i, _)| i)
        .find(|&i| head[i + 1..].is_empty() || head[i + 1..].starts_with([' ', '\t']))?;
    let key = head[..colon].trim_end();
    (!key.is_empty()).then_some((key, &at[colon + 1..]))
}

/// The key and the rest of a flow mapping entry (`nl: a`), stopping at `,` `}` `]`.
fn split_flow_key(at: &str) -> Option<(&str, &str)> {
    if at.starts_with(['[', '{']) {
        return None;
    }
    if let Some((key, after)) = quoted(at) {
        let value = after.trim_start().strip_prefix(':')?;
        return Some((key, value));
    }
    let end = at.find([',', '}', ']']).unwrap_or(at.len());
    let colon = at[..end].match_indices(':').map(|(i, _)| i).find(|&i| {
        let next = &at[i + 1..];
        next.is_empty() || next.starts_with([' ', '\t', ',', '}', ']'])
    })?;
    let key = at[..colon].trim_end();
    (!key.is_empty()).then_some((key, &at[colon + 1..]))
}

/// `key: value` in a comment: a short key of at most four words, as a consultant writes it.
fn split_comment_key(text: &str) -> Option<(&str, &str)> {
    let (key, value) = split_key(text)?;
    let plain = key
        .chars()
        .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '_' | '-' | '.'));
    let short = key.len() <= 40 && key.split_whitespace().count() <= 4;
    (plain && short && !value.trim().is_empty()).then_some((key, value))
}

/// The inside of a quoted scalar at the start of `at`, and what follows the closing quote.
/// An unclosed quote runs to the end of the line.
fn quoted(at: &str) -> Option<(&str, &str)> {
    let quote = at.chars().next().filter(|c| matches!(c, '"' | '\''))?;
    let body = &at[1..];
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        if quote == '"' && c == '\\' {
            chars.next();
        } else if c == quote {
            if quote == '\'' && body[i + 1..].starts_with('\'') {
                chars.next();
                continue;
            }
            return Some((&body[..i], &body[i + 1..]));
        }
    }
    Some((body, ""))
}

/// Where a comment starts in plain text: a `#` at the start or after a space or tab.
fn comment_start(text: &str) -> Option<usize> {
    if text.starts_with('#') {
        return Some(0);
    }
    text.match_indices('#')
        .map(|(i, _)| i)
        .find(|&i| text[..i].ends_with([' ', '\t']))
}
