//! Conditions: `app`, `sms`, `choose`, `feature.x`, `enforcement.x`, joined by `not`, `and`,
//! `or`. Parsed once per page, evaluated per customer.

use crate::customer::{Customer, Enforcement, Factor, Feature, Method};
use crate::diagnostics::did_you_mean;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Condition {
    Atom(Atom),
    Not(Box<Condition>),
    And(Box<Condition>, Box<Condition>),
    Or(Box<Condition>, Box<Condition>),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Atom {
    Factor(Factor),
    Choose,
    /// The customer file lists rollout waves.
    Waves,
    Feature(Feature),
    Enforcement(Enforcement),
}

/// The longest condition, in characters. Longer ones are errors: a condition is parsed and
/// evaluated recursively, so its size must be bounded (and no real one comes close).
pub const MAX_CONDITION_CHARS: usize = 300;

/// A problem in a condition: what is wrong, where (0-based character offset in the
/// expression), how long, and a hint.
#[derive(Debug, Clone, PartialEq)]
pub struct ConditionError {
    pub offset: usize,
    pub len: usize,
    pub message: String,
    pub help: String,
}

/// The condition as it is written (`app and not feature.shared_devices`).
impl std::fmt::Display for Condition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Condition::Atom(Atom::Factor(factor)) => f.write_str(factor.name()),
            Condition::Atom(Atom::Choose) => f.write_str("choose"),
            Condition::Atom(Atom::Waves) => f.write_str("waves"),
            Condition::Atom(Atom::Feature(x)) => write!(f, "feature.{}", x.name()),
            Condition::Atom(Atom::Enforcement(x)) => write!(f, "enforcement.{}", x.name()),
            Condition::Not(c) => write!(f, "not {c}"),
            Condition::And(a, b) => write!(f, "{a} and {b}"),
            Condition::Or(a, b) => write!(f, "{a} or {b}"),
        }
    }
}

impl Condition {
    pub fn holds(&self, customer: &Customer) -> bool {
        match self {
            Condition::Atom(atom) => atom.holds(customer),
            Condition::Not(c) => !c.holds(customer),
            Condition::And(a, b) => a.holds(customer) && b.holds(customer),
            Condition::Or(a, b) => a.holds(customer) || b.holds(customer),
        }
    }

    pub fn parse(expr: &str) -> Result<Condition, ConditionError> {
        let chars = expr.chars().count();
        if chars > MAX_CONDITION_CHARS {
            return Err(ConditionError {
                offset: MAX_CONDITION_CHARS,
                len: 1,
                message: format!(
                    "the condition is {chars} characters long; at most {MAX_CONDITION_CHARS} are allowed"
                ),
                help:
                    "split it: nest one `{{#if}}` block inside another, or name fewer conditions."
                        .into(),
            });
        }
        let tokens = tokenize(expr);
        if tokens.is_empty() {
            return Err(ConditionError {
                offset: 0,
                len: 0,
                message: "the condition is empty".into(),
                help: format!(
                    "write a condition such as `app` or `feature.remote_desktop`; {}",
                    atom_list()
                ),
            });
        }
        let mut parser = Parser {
            tokens,
            pos: 0,
            end: expr.chars().count(),
        };
        let cond = parser.or()?;
        if let Some(tok) = parser.tokens.get(parser.pos) {
            return Err(ConditionError {
                offset: tok.offset,
                len: tok.text.chars().count(),
                message: format!("unexpected `{}` in the condition", tok.text),
                help: "join conditions with `and` or `or`, e.g. `app or sms`.".into(),
            });
        }
        Ok(cond)
    }
}

impl Atom {
    fn holds(self, customer: &Customer) -> bool {
        match self {
            Atom::Factor(f) => customer.factors.contains(&f),
            Atom::Choose => customer.method == Method::Choose,
            Atom::Waves => !customer.waves.is_empty(),
            Atom::Feature(f) => customer.has(f),
            Atom::Enforcement(e) => customer.enforcement == e,
        }
    }

    fn names() -> Vec<String> {
        let mut names: Vec<String> = Factor::ALL.iter().map(|f| f.name().to_string()).collect();
        names.push("choose".into());
        names.push("waves".into());
        names.extend(Feature::ALL.iter().map(|f| format!("feature.{}", f.name())));
        names.extend(
            Enforcement::ALL
                .iter()
                .map(|e| format!("enforcement.{}", e.name())),
        );
        names
    }

    fn parse(word: &str) -> Option<Atom> {
        match word {
            "choose" => return Some(Atom::Choose),
            "waves" => return Some(Atom::Waves),
            _ => {}
        }
        if let Some(f) = Factor::ALL.into_iter().find(|f| f.name() == word) {
            return Some(Atom::Factor(f));
        }
        if let Some(name) = word.strip_prefix("feature.") {
            return Feature::ALL
                .into_iter()
                .find(|f| f.name() == name)
                .map(Atom::Feature);
        }
        let name = word.strip_prefix("enforcement.")?;
        Enforcement::ALL
            .into_iter()
            .find(|e| e.name() == name)
            .map(Atom::Enforcement)
    }
}

fn atom_list() -> String {
    format!(
        "the names are {}",
        Atom::names()
            .iter()
            .map(|n| format!("`{n}`"))
            .collect::<Vec<_>>()
            .join(", ")
    )
}

#[derive(Debug)]
struct Token {
    text: String,
    offset: usize,
}

fn tokenize(expr: &str) -> Vec<Token> {
    let mut tokens = Vec::new();
    let mut current: Option<Token> = None;
    for (i, ch) in expr.chars().enumerate() {
        if ch.is_whitespace() {
            tokens.extend(current.take());
        } else {
            current
                .get_or_insert(Token {
                    text: String::new(),
                    offset: i,
                })
                .text
                .push(ch);
        }
    }
    tokens.extend(current);
    tokens
}

struct Parser {
    tokens: Vec<Token>,
    pos: usize,
    end: usize,
}

impl Parser {
    fn eat(&mut self, word: &str) -> bool {
        let hit = self.tokens.get(self.pos).is_some_and(|t| t.text == word);
        if hit {
            self.pos += 1;
        }
        hit
    }

    fn or(&mut self) -> Result<Condition, ConditionError> {
        let mut left = self.and()?;
        while self.eat("or") {
            left = Condition::Or(Box::new(left), Box::new(self.and()?));
        }
        Ok(left)
    }

    fn and(&mut self) -> Result<Condition, ConditionError> {
        let mut left = self.not()?;
        while self.eat("and") {
            left = Condition::And(Box::new(left), Box::new(self.not()?));
        }
        Ok(left)
    }

    fn not(&mut self) -> Result<Condition, ConditionError> {
        if self.eat("not") {
            return Ok(Condition::Not(Box::new(self.not()?)));
        }
        self.atom()
    }

    fn atom(&mut self) -> Result<Condition, ConditionError> {
        let Some(tok) = self.tokens.get(self.pos) else {
            return Err(ConditionError {
                offset: self.end,
                len: 0,
                message: "the condition ends too early".into(),
                help: "a condition name must follow `and`, `or` and `not`.".into(),
            });
        };
        self.pos += 1;
        if let Some(atom) = Atom::parse(&tok.text) {
            return Ok(Condition::Atom(atom));
        }
        let names = Atom::names();
        let help = match did_you_mean(&tok.text, names.iter().map(String::as_str)) {
            Some(close) => format!("did you mean `{close}`? {}", atom_list()),
            None => atom_list(),
        };
        Err(ConditionError {
            offset: tok.offset,
            len: tok.text.chars().count(),
            message: format!("unknown condition `{}`", tok.text),
            help,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn atom(a: Atom) -> Box<Condition> {
        Box::new(Condition::Atom(a))
    }

    #[test]
    fn not_binds_tighter_than_and_tighter_than_or() {
        let c = Condition::parse("app or not sms and feature.new_laptop").unwrap();
        assert_eq!(
            c,
            Condition::Or(
                atom(Atom::Factor(Factor::App)),
                Box::new(Condition::And(
                    Box::new(Condition::Not(atom(Atom::Factor(Factor::Sms)))),
                    atom(Atom::Feature(Feature::NewLaptop)),
                )),
            )
        );
    }

    #[test]
    fn typo_gets_did_you_mean_and_its_column() {
        let e = Condition::parse("app or feature.remote_desktp").unwrap_err();
        assert_eq!(e.offset, 7);
        assert_eq!(e.message, "unknown condition `feature.remote_desktp`");
        assert!(
            e.help.starts_with("did you mean `feature.remote_desktop`?"),
            "{}",
            e.help
        );
    }

    #[test]
    fn ten_thousand_nots_are_an_error_not_a_stack_overflow() {
        let expr = format!("{}app", "not ".repeat(10_000));
        let e = Condition::parse(&expr).unwrap_err();
        assert!(e.message.contains("at most 300"), "{}", e.message);
        assert_eq!(e.offset, MAX_CONDITION_CHARS);
        let longest = format!("{}app", "not ".repeat(74));
        assert!(longest.chars().count() <= MAX_CONDITION_CHARS);
        assert!(Condition::parse(&longest).is_ok());
    }

    #[test]
    fn dangling_operator_and_empty_are_errors() {
        assert_eq!(
            Condition::parse("app and").unwrap_err().message,
            "the condition ends too early"
        );
        assert_eq!(
            Condition::parse("  ").unwrap_err().message,
            "the condition is empty"
        );
        assert!(
            Condition::parse("app sms")
                .unwrap_err()
                .message
                .contains("unexpected `sms`")
        );
    }
}
