//! Conditions: the paths (`app`, `sms`, `passkey`, `security_key`), `choose`, `waves`,
//! `feature.x`, `enforcement.x`, `sms.calls`, `without_smartphone.x`, `passkey_prompt.x`
//! and the optional variables (true when set), joined by `not`, `and`, `or`. Parsed once
//! per page, evaluated per customer.

use crate::customer::{
    Customer, Enforcement, Factor, Feature, Method, PasskeyPrompt, WithoutSmartphone,
};
use crate::diagnostics::did_you_mean;
use crate::lang::Lang;
use crate::vars::{OPTIONAL_VARS, optional};

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
    /// `sms.calls: true`: employees may take a voice call instead of a text.
    SmsCalls,
    WithoutSmartphone(WithoutSmartphone),
    PasskeyPrompt(PasskeyPrompt),
    /// One of the optional variables, true when the customer sets it.
    Set(&'static str),
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
            Condition::Atom(atom) => f.write_str(&atom.name()),
            Condition::Not(c) => write!(f, "not {c}"),
            Condition::And(a, b) => write!(f, "{a} and {b}"),
            Condition::Or(a, b) => write!(f, "{a} or {b}"),
        }
    }
}

impl Condition {
    /// The optional variables the condition tests (`handbook.url`).
    pub fn variables(&self, out: &mut Vec<&'static str>) {
        match self {
            Condition::Atom(Atom::Set(name)) => out.push(name),
            Condition::Atom(_) => {}
            Condition::Not(c) => c.variables(out),
            Condition::And(a, b) | Condition::Or(a, b) => {
                a.variables(out);
                b.variables(out);
            }
        }
    }

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
            Atom::SmsCalls => customer.sms.calls,
            Atom::WithoutSmartphone(w) => customer.policy.without_smartphone == w,
            Atom::PasskeyPrompt(p) => customer.policy.passkey_prompt == p,
            // Whether a value is set does not depend on the language.
            Atom::Set(name) => optional(customer, Lang::Nl, name).is_some(),
        }
    }

    /// The atom as it is written in a condition: a group (or `""`) and a name, joined by
    /// a dot.
    fn parts(self) -> (&'static str, &'static str) {
        match self {
            Atom::Factor(f) => ("", f.name()),
            Atom::Choose => ("", "choose"),
            Atom::Waves => ("", "waves"),
            Atom::Feature(f) => ("feature", f.name()),
            Atom::Enforcement(e) => ("enforcement", e.name()),
            Atom::SmsCalls => ("sms", "calls"),
            Atom::WithoutSmartphone(w) => ("without_smartphone", w.name()),
            Atom::PasskeyPrompt(p) => ("passkey_prompt", p.name()),
            Atom::Set(name) => ("", name),
        }
    }

    fn name(self) -> String {
        match self.parts() {
            ("", name) => name.into(),
            (group, name) => format!("{group}.{name}"),
        }
    }

    /// Whether `word` is this atom (without building its name: pages hold many conditions).
    fn is(self, word: &str) -> bool {
        match self.parts() {
            ("", name) => word == name,
            (group, name) => word.split_once('.') == Some((group, name)),
        }
    }

    /// Every atom there is.
    fn all() -> Vec<Atom> {
        let mut all: Vec<Atom> = Factor::ALL.map(Atom::Factor).into();
        all.extend([Atom::Choose, Atom::Waves]);
        all.extend(Feature::ALL.map(Atom::Feature));
        all.extend(Enforcement::ALL.map(Atom::Enforcement));
        all.push(Atom::SmsCalls);
        all.extend(WithoutSmartphone::ALL.map(Atom::WithoutSmartphone));
        all.extend(PasskeyPrompt::ALL.map(Atom::PasskeyPrompt));
        all.extend(OPTIONAL_VARS.map(Atom::Set));
        all
    }

    fn names() -> Vec<String> {
        Atom::all().into_iter().map(Atom::name).collect()
    }

    fn parse(word: &str) -> Option<Atom> {
        Atom::all().into_iter().find(|a| a.is(word))
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

    fn customer(extra: &str) -> Customer {
        crate::project::test_customer(&format!(
            "name: Acme\nhelpdesk:\n  name: S\n  phone: 020 123 4567\n  email: help@acme.nl\nmfa:\n  enforcement: conditional_access\n  mandatory_from: 2026-12-01\n{extra}"
        ))
    }

    fn holds(expr: &str, c: &Customer) -> bool {
        Condition::parse(expr)
            .unwrap_or_else(|e| panic!("{expr}: {}", e.message))
            .holds(c)
    }

    #[test]
    fn every_atom_parses_back_from_its_written_name() {
        for atom in Atom::all() {
            let name = atom.name();
            assert_eq!(Condition::parse(&name), Ok(Condition::Atom(atom)), "{name}");
            assert_eq!(Condition::Atom(atom).to_string(), name);
        }
        assert!(Atom::names().contains(&"without_smartphone.company_phone".to_string()));
        assert_eq!(
            Atom::names()
                .iter()
                .filter(|n| *n == "sms.provider")
                .count(),
            1,
            "`sms.provider` is one atom"
        );
    }

    #[test]
    fn the_new_paths_follow_the_allowed_methods_and_the_no_smartphone_rule() {
        let c = customer(
            "  method: choose\n  allowed: [app, passkey]\npolicy:\n  without_smartphone: security_key\n",
        );
        assert!(holds("app and passkey and security_key", &c));
        assert!(!holds("sms", &c));
        assert!(holds("without_smartphone.security_key", &c));
        assert!(!holds(
            "without_smartphone.helpdesk or without_smartphone.sms",
            &c
        ));
        let sms_rule = customer("  method: app\npolicy:\n  without_smartphone: sms\n");
        assert!(holds("app and sms and not choose", &sms_rule));
    }

    #[test]
    fn policy_and_sms_atoms_follow_the_customer_file() {
        let plain = customer("  method: sms\n");
        assert!(holds(
            "passkey_prompt.create and without_smartphone.helpdesk",
            &plain
        ));
        assert!(!holds(
            "sms.calls or sms.provider or passkey_prompt.skip",
            &plain
        ));
        let set = customer(
            "  method: sms\nsms:\n  provider: Voorbeeld Telecom\n  calls: true\npolicy:\n  passkey_prompt: skip\n  without_smartphone: company_phone\n",
        );
        assert!(holds(
            "sms.calls and sms.provider and passkey_prompt.skip",
            &set
        ));
        assert!(holds("without_smartphone.company_phone", &set));
    }

    #[test]
    fn an_optional_variable_as_condition_is_true_when_set() {
        let bare = customer("  method: app\n");
        assert!(!holds(
            "handbook.url or helpdesk.url or helpdesk.hours or msp.url",
            &bare
        ));
        // The built-in defaults give every customer a no-smartphone text.
        assert!(holds("policy.no_smartphone", &bare));
        let full = customer("  method: app\nhandbook:\n  url: https://intranet.acme.nl/mfa/\n");
        assert!(holds("handbook.url and not helpdesk.url", &full));
    }

    #[test]
    fn typos_of_new_atoms_get_did_you_mean() {
        for (typo, meant) in [
            ("securitykey", "security_key"),
            ("passkey_prompt.skp", "passkey_prompt.skip"),
            (
                "without_smartphone.company-phone",
                "without_smartphone.company_phone",
            ),
            ("handbook.ur", "handbook.url"),
            ("sms.call", "sms.calls"),
        ] {
            let e = Condition::parse(typo).unwrap_err();
            assert!(
                e.help.starts_with(&format!("did you mean `{meant}`?")),
                "{typo}: {}",
                e.help
            );
            assert!(e.help.contains("`without_smartphone.sms`"), "{}", e.help);
        }
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
