//! The text of a message made safe to print: control characters pictured, long values
//! cut, and the columns of a source line found in characters.

/// The most characters of a value quoted in a message; a longer one is cut. Long enough for
/// any real address or path a hint suggests (a Microsoft Learn address is 100 to 200).
pub const MAX_QUOTED: usize = 300;
/// The most characters of a whole message or hint.
const MAX_MESSAGE: usize = 2000;

/// A message made safe for a terminal, a log and JSON: control characters become the
/// symbols that picture them (so an ESC in a value cannot steer the terminal), each value
/// quoted in backticks longer than [`MAX_QUOTED`] characters is cut, and so is a message
/// that is longer than any real one (an author's 50 MB value is never echoed).
pub fn tidy(message: String) -> String {
    let needs_cut = message.len() > MAX_QUOTED;
    if !needs_cut && !message.chars().any(|c| c == '\t' || is_control(c)) {
        return message;
    }
    let mut out = String::with_capacity(message.len().min(MAX_MESSAGE + 16));
    for (i, part) in message.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        // Odd parts are inside backticks.
        if i % 2 == 1 && part.chars().count() > MAX_QUOTED {
            out.extend(part.chars().take(MAX_QUOTED - 20).map(picture_in_message));
            out.push_str(&format!("… ({} characters)", part.chars().count()));
        } else {
            out.extend(part.chars().map(picture_in_message));
        }
    }
    if out.chars().count() > MAX_MESSAGE {
        out = out.chars().take(MAX_MESSAGE).collect();
        out.push('…');
    }
    out
}

/// A character of a message as printed: a tab (quoted from a value, as in a YAML key
/// written with tabs) as `␉`, since a message is not laid out in columns and a hint is
/// printed as written; anything else as [`picture`] has it.
fn picture_in_message(c: char) -> char {
    match c {
        '\t' => '\u{2409}',
        c => picture(c),
    }
}

/// A line of a source as it may be printed: control characters as their symbols, one
/// character for one, so that columns stay where they were.
pub fn visible(line: &str) -> std::borrow::Cow<'_, str> {
    if line.chars().any(is_control) {
        std::borrow::Cow::Owned(line.chars().map(picture).collect())
    } else {
        std::borrow::Cow::Borrowed(line)
    }
}

/// Control characters other than a line break and a tab.
fn is_control(c: char) -> bool {
    c.is_control() && c != '\n' && c != '\t'
}

/// The Unicode control picture of a C0 control (`␛` for ESC), `␡` for DEL and `�` for the
/// C1 controls; any other character as it is.
fn picture(c: char) -> char {
    match c {
        '\n' | '\t' => c,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{fffd}'),
        '\u{7f}' => '\u{2421}',
        c if c.is_control() => '\u{fffd}',
        c => c,
    }
}

/// Byte range in `line` of `len` characters from 1-based character column `column`.
pub(super) fn char_range(line: &str, column: usize, len: usize) -> std::ops::Range<usize> {
    let byte_at = |chars: usize| {
        line.char_indices()
            .nth(chars)
            .map_or(line.len(), |(i, _)| i)
    };
    let start = byte_at(column.saturating_sub(1));
    let end = byte_at(column.saturating_sub(1) + len.max(1)).max(start);
    start..end
}
