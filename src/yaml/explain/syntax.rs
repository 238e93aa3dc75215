//! The parser's own errors (syntax) and the YAML layer's limits, in an author's words.

use serde_saphyr::budget::BudgetBreach;
use serde_saphyr::granit_parser::ErrorKind;

use super::{Words, said};

pub(super) fn budget(breach: &BudgetBreach) -> Words {
    match breach {
        BudgetBreach::Depth { .. } => said(
            "this file nests sections or lists too deep",
            "a handboek file nests a few levels; look for brackets or indentation that run away.",
        ),
        BudgetBreach::Aliases { .. }
        | BudgetBreach::Anchors { .. }
        | BudgetBreach::AliasAnchorRatio { .. }
        | BudgetBreach::MergeKeys { .. }
        | BudgetBreach::RecordedAnchorEvents { .. }
        | BudgetBreach::RecordedAnchorBytes { .. } => said(
            "this file repeats values with `&`, `*` or `<<` too often",
            "write the values out instead.",
        ),
        _ => said(
            "this file is too large for a handboek file",
            "a customer file or front matter is a few KB: look for pasted text or a file saved in the wrong place.",
        ),
    }
}

/// A syntax error of the parser, by its kind, and the character where it was found.
pub(super) fn syntax(kind: &ErrorKind, at: Option<char>) -> Words {
    use ErrorKind as K;
    if at == Some('\t') {
        return said(
            "a tab is used here, where YAML allows only spaces",
            "replace the tab with spaces (two per level of indentation).",
        );
    }
    if at == Some('\0') {
        return said(
            "the file contains a NUL character (an invisible character 0)",
            "remove it; if the whole file looks spaced out, it was saved as UTF-16: save it as UTF-8.",
        );
    }
    if let Some(c) = at.filter(|c| c.is_control() && !matches!(c, '\n' | '\r')) {
        return said(
            format!(
                "the file contains the control character U+{:04X} here",
                u32::from(c)
            ),
            "remove it: control characters are invisible and have no place in a handboek file.",
        );
    }
    match kind {
        K::TabNotAllowed
        | K::TabInBlockIndentation
        | K::TabInIndentation
        | K::TabAtBlockScalarStart
        | K::TabInPlainScalar => said(
            "a tab is used here, where YAML allows only spaces",
            "replace the tab with spaces (two per level of indentation).",
        ),
        K::UnexpectedCharacter { .. } => said(
            format!(
                "{} cannot start a value here",
                at.map_or("this character".into(), |c| format!("`{c}`"))
            ),
            "put the value in quotes.",
        ),
        K::UnclosedQuotedScalar
        | K::InvalidTrailingSingleQuotedScalar
        | K::InvalidTrailingDoubleQuotedScalar
        | K::DocumentIndicatorInQuotedScalar
        | K::InvalidQuotedScalarIndent
        | K::InvalidFlowScalarIndent => said(
            "a quoted value is not closed where it should be",
            "close the quote on the same line, and put nothing after it but a comment; for a quote inside, use the other kind of quotes, or write `''` inside single quotes.",
        ),
        K::UnknownQuotedScalarEscape
        | K::InvalidQuotedScalarHexEscape
        | K::InvalidLowSurrogateHexEscape
        | K::InvalidLowSurrogate
        | K::MissingLowSurrogate
        | K::UnpairedLowSurrogate
        | K::InvalidUnicodeEscape => said(
            "a `\\` in double quotes starts an escape YAML does not know",
            "write `\\\\` for a backslash, or use single quotes, in which `\\` is plain text.",
        ),
        K::UnclosedFlowCollection { .. }
        | K::MismatchedFlowCollectionEnd { .. }
        | K::MisplacedFlowCollectionEnd
        | K::UnexpectedEofFlowSequence
        | K::UnexpectedEofFlowMapping
        | K::UnexpectedEofImplicitFlowMapping
        | K::ExpectedFlowSequenceSeparator
        | K::ExpectedFlowMappingSeparator
        | K::FlowMappingValueAdjacentCollection
        | K::BlockEntryInFlowCollection => said(
            "a `[…]` or `{…}` is not closed properly",
            "close each `[` with `]` and each `{` with `}`, and separate the items with `, `.",
        ),
        K::MappingValueNotAllowed
        | K::InvalidMappingValueWhitespace
        | K::InvalidColonPlacement
        | K::MappingKeyNotAllowed
        | K::SimpleKeyExpected
        | K::InvalidSimpleKey => said(
            "a `:` here is read as a new key",
            "put a value that holds `: ` in quotes (`hours: \"ma-vr: 8-17\"`); otherwise check the indentation of this line.",
        ),
        K::CommentNotSeparated | K::CommentInterceptedScalar => said(
            "a `#` right after a value",
            "put a space before a `#` that starts a comment, or the value with its `#` in quotes.",
        ),
        K::ZeroBlockScalarIndent | K::InvalidBlockScalarHeader | K::InvalidBlockScalarIndent => {
            said(
                "a `|` or `>` text block is written wrongly",
                "put the text on the lines below `key: |`, each indented two spaces more than the key.",
            )
        }
        K::BomInsideDocument => said(
            "an invisible byte-order mark in the middle of the file",
            "remove it (it came with pasted text); save the file as UTF-8.",
        ),
        K::InvalidDocumentEnd
        | K::ExpectedDocumentStart
        | K::MissingDocumentEndBeforeDirective
        | K::MultipleDocumentsUnsupported => said(
            "a second YAML document starts here",
            "a file holds one YAML document: remove this `---` or `...` line.",
        ),
        K::UnknownAnchor => said(
            "this `*name` refers to no `&name` above it",
            "write the value itself here.",
        ),
        K::RecursionLimitExceeded | K::AnchorCountOverflow => said(
            "this file nests or repeats too much to be a handboek file",
            "look for brackets or indentation that run away.",
        ),
        K::UnexpectedEof
        | K::UnexpectedEofBlockSequence
        | K::UnexpectedEofBlockMapping
        | K::ExpectedNodeContent => said(
            "a value is missing here",
            "write the value, or close the quote or bracket that is still open.",
        ),
        K::ExpectedWhitespace | K::InvalidBlockEntryWhitespace => said(
            "a space is missing here",
            "write a space after `-` and after `:`.",
        ),
        _ if matches!(at, Some('%' | '!')) => said(
            "handboek's files use no YAML directives or tags (`%YAML`, `!name`)",
            "remove them; to keep a value as text, put it in quotes.",
        ),
        _ => said(
            "the indentation or punctuation of this line does not fit the lines above",
            "indent with spaces, two per level; put text with `: `, `#`, quotes or brackets in quotes.",
        ),
    }
}
