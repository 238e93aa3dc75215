//! Microsoft stops sending its own text messages on `microsoft.sms_retirement` (FACTS
//! §2.4). A customer whose handbook relies on them may not start MFA on or after that day
//! (a build error), is warned by `handboek check` when it starts within 90 days before it,
//! and its rollout schedule moves everyone to another method the working day before.

use super::{Customer, Factor, Method, WithoutSmartphone};
use crate::date::{Date, DateLang, Weekday};
use crate::diagnostics::{Diagnostic, Diagnostics, Place};

/// `handboek check` warns when text messages start this few days before they stop.
pub const WARN_WITHIN_DAYS: i64 = 90;

/// A day of the rollout on which employees start with text messages.
struct Start<'a> {
    /// `None`: the day MFA becomes mandatory; `Some(n)`: rollout wave n.
    wave: Option<usize>,
    date: Date,
    place: &'a Place,
}

impl Start<'_> {
    /// What happens that day, with the date: "text messages become mandatory on …".
    fn what(&self) -> String {
        let date = self.date.format_long(DateLang::En);
        match self.wave {
            None => format!("text messages become mandatory on {date}"),
            Some(n) => format!("rollout wave {n} starts with text messages on {date}"),
        }
    }
}

/// The days employees start with Microsoft's text messages: each wave, then the day MFA
/// becomes mandatory. None when the handbook has no text messages or a provider sends them.
fn starts(c: &Customer) -> Vec<Start<'_>> {
    if !c.sms_from_microsoft() {
        return Vec::new();
    }
    let waves = c.waves.iter().enumerate().map(|(i, w)| Start {
        wave: Some(i + 1),
        date: w.date,
        place: &w.date_at,
    });
    let mandatory = Start {
        wave: None,
        date: c.mandatory_from,
        place: &c.mandatory_at,
    };
    waves.chain([mandatory]).collect()
}

/// Every rollout date on or after the retirement, each an error at its line.
pub fn retirement_errors(c: &Customer) -> Diagnostics {
    let stop = c.sms_retirement.format_long(DateLang::En);
    starts(c)
        .iter()
        .filter(|s| s.date >= c.sms_retirement)
        .map(|s| {
            s.place
                .error(format!(
                    "{}, but Microsoft stops sending them on {stop}",
                    s.what()
                ))
                .help(remedies(c, &stop))
        })
        .collect()
}

/// One warning when the latest rollout date falls within [`WARN_WITHIN_DAYS`] before the
/// retirement, with the days left.
pub fn retirement_warning(c: &Customer) -> Option<Diagnostic> {
    let starts = starts(c);
    // The mandatory day comes last, so it wins a tie with a wave.
    let latest = starts.iter().rev().max_by_key(|s| s.date)?;
    let days = latest.date.days_until(c.sms_retirement);
    if !(1..=WARN_WITHIN_DAYS).contains(&days) {
        return None;
    }
    let stop = c.sms_retirement.format_long(DateLang::En);
    let unit = if days == 1 { "day" } else { "days" };
    Some(
        latest
            .place
            .warning(format!(
                "{}, {days} {unit} before Microsoft stops sending text messages ({stop})",
                latest.what()
            ))
            .help(format!(
                "plan everyone's move to another method before {stop} (the rollout schedule shows it), or set `sms.provider` to the telecom provider you contracted."
            )),
    )
}

/// What the customer can change: the date, where its text messages come from, or who
/// sends them.
fn remedies(c: &Customer, stop: &str) -> String {
    let mut fixes = vec![format!("move the date before {stop}")];
    match c.method {
        Method::Sms => fixes.push("switch `mfa.method` to `app`".into()),
        Method::Choose if c.policy.without_smartphone != WithoutSmartphone::Sms => {
            fixes.push("leave `sms` out of `allowed`".into());
        }
        Method::App | Method::Choose => {}
    }
    if c.policy.without_smartphone == WithoutSmartphone::Sms {
        fixes.push("give `policy.without_smartphone` another value".into());
    }
    fixes.push("set `sms.provider` to the telecom provider you contracted".into());
    let last = fixes.pop().unwrap_or_default();
    format!("{}, or {last}.", fixes.join(", "))
}

/// The day by which everyone has moved off Microsoft's text messages: the last working
/// day (Monday to Friday) before the retirement. None unless the handbook relies on them.
pub fn move_date(c: &Customer) -> Option<Date> {
    if !c.sms_from_microsoft() {
        return None;
    }
    let mut day = c.sms_retirement.add_days(-1);
    while matches!(day.weekday(), Weekday::Sat | Weekday::Sun) {
        day = day.add_days(-1);
    }
    Some(day)
}

/// The method employees move to from text messages: the handbook's strongest other path
/// that works on a phone, else the Authenticator app (what Microsoft recommends).
pub fn move_to(c: &Customer) -> Factor {
    [Factor::App, Factor::Passkey, Factor::SecurityKey]
        .into_iter()
        .find(|f| c.factors.contains(f))
        .unwrap_or(Factor::App)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::project::test_customer;

    fn customer(method: &str, mandatory: &str, extra: &str) -> Result<Customer, Diagnostics> {
        crate::project::try_test_customer(&format!(
            "name: Acme\nhelpdesk:\n  name: Servicedesk\n  phone: 020 123 4567\n  email: help@acme.nl\nmfa:\n  method: {method}\n  enforcement: conditional_access\n  mandatory_from: {mandatory}\n{extra}"
        ))
    }

    #[test]
    fn microsoft_sms_mandatory_on_or_after_the_retirement_is_an_error_at_that_date() {
        let errors = customer("sms", "2027-02-15", "").unwrap_err();
        let all: Vec<String> = errors.iter().map(Diagnostic::summary).collect();
        assert_eq!(
            all,
            [
                "customers/test.yaml:9:19: text messages become mandatory on 15 February 2027, but Microsoft stops sending them on 1 February 2027"
            ]
        );
        let help = errors.iter().next().and_then(|d| d.help.clone());
        assert_eq!(
            help.as_deref(),
            Some(
                "move the date before 1 February 2027, switch `mfa.method` to `app`, or set `sms.provider` to the telecom provider you contracted."
            )
        );
        assert!(customer("sms", "2027-02-01", "").is_err(), "the day itself");
    }

    #[test]
    fn every_offending_wave_is_reported_in_one_run() {
        let waves = "rollout:\n  waves:\n    - name: A\n      date: 2027-01-04\n    - name: B\n      date: 2027-02-01\n    - name: C\n      date: 2027-02-08\n";
        let errors = customer("choose\n  allowed: [app, sms]", "2027-03-01", waves).unwrap_err();
        let lines: Vec<(usize, String)> = errors
            .iter()
            .map(|d| (d.line(), d.message.clone()))
            .collect();
        assert_eq!(lines.len(), 3, "{lines:#?}");
        assert_eq!(lines[0].0, 16);
        assert!(
            lines[0]
                .1
                .starts_with("rollout wave 2 starts with text messages on 1 February 2027")
        );
        assert_eq!(lines[1].0, 18);
        assert_eq!(lines[2].0, 10);
        let help = errors.iter().next().and_then(|d| d.help.clone()).unwrap();
        assert!(help.contains("leave `sms` out of `allowed`"), "{help}");
    }

    #[test]
    fn a_contracted_provider_or_no_sms_path_lifts_the_rule() {
        assert!(customer("sms", "2027-03-01", "sms:\n  provider: Voorbeeld Telecom\n").is_ok());
        assert!(customer("app", "2027-03-01", "").is_ok());
        let errors =
            customer("app", "2027-03-01", "policy:\n  without_smartphone: sms\n").unwrap_err();
        let help = errors.iter().next().and_then(|d| d.help.clone()).unwrap();
        assert!(
            help.contains("give `policy.without_smartphone` another value"),
            "{help}"
        );
        assert!(!help.contains("mfa.method"), "{help}");
    }

    #[test]
    fn check_warns_once_with_the_days_left_within_ninety_days() {
        let c = test_customer(
            "name: Acme\nhelpdesk:\n  name: S\n  phone: 020 123 4567\n  email: help@acme.nl\nmfa:\n  method: sms\n  enforcement: conditional_access\n  mandatory_from: 2027-01-11\nrollout:\n  waves:\n    - name: A\n      date: 2026-12-07\n",
        );
        let warning = retirement_warning(&c).expect("a warning");
        assert_eq!(
            warning.summary(),
            "customers/test.yaml:9:19: text messages become mandatory on 11 January 2027, 21 days before Microsoft stops sending text messages (1 February 2027)"
        );
        let early = customer("sms", "2026-11-02", "").unwrap();
        assert!(retirement_warning(&early).is_none(), "91 days before");
        let edge = customer("sms", "2026-11-03", "").unwrap();
        assert!(
            retirement_warning(&edge)
                .unwrap()
                .message
                .contains("90 days before")
        );
        let last = customer("sms", "2027-01-31", "").unwrap();
        assert!(
            retirement_warning(&last)
                .unwrap()
                .message
                .contains(", 1 day before")
        );
    }

    #[test]
    fn everyone_moves_on_the_last_working_day_before_the_retirement() {
        let c = customer("choose\n  allowed: [sms, passkey]", "2026-12-01", "").unwrap();
        // 1 February 2027 is a Monday: the move is on Friday 29 January.
        assert_eq!(move_date(&c).map(Date::iso).as_deref(), Some("2027-01-29"));
        assert_eq!(move_to(&c), Factor::Passkey);
        let sms_only = customer("sms", "2026-12-01", "").unwrap();
        assert_eq!(move_to(&sms_only), Factor::App);
        let provider = customer("sms", "2026-12-01", "sms:\n  provider: X\n").unwrap();
        assert_eq!(move_date(&provider), None);
    }
}
