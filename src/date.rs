//! Calendar dates: reading ISO `YYYY-MM-DD`, counting days, and writing dates out in Dutch or English.

use std::fmt;

const FIRST_YEAR: i32 = 1900;
const LAST_YEAR: i32 = 2200;
const FORM: &str = "write dates as YYYY-MM-DD, e.g. 2026-12-01";

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS_NL: [&str; 7] = [
    "maandag",
    "dinsdag",
    "woensdag",
    "donderdag",
    "vrijdag",
    "zaterdag",
    "zondag",
];
const DAYS_EN: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// A real calendar date between 1900-01-01 and 2200-12-31; ordered by time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

/// A day of the week, Monday first as in the Netherlands and Belgium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

/// The language a date is written out in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DateLang {
    Nl,
    En,
}

const FIRST: Date = Date {
    year: FIRST_YEAR,
    month: 1,
    day: 1,
};
const LAST: Date = Date {
    year: LAST_YEAR,
    month: 12,
    day: 31,
};

impl Date {
    /// Reads an ISO date, `YYYY-MM-DD`, and nothing else.
    pub fn parse(s: &str) -> Result<Date, DateError> {
        let written = s.trim();
        let fail = |message| Err(DateError { message });
        if written.is_empty() {
            return fail(format!("The date is empty: {FORM}."));
        }
        let Some((year, month, day)) = iso_parts(written) else {
            let guess = match guess(written) {
                Some(date) => format!(
                    " If you meant {}, write {date}.",
                    date.format_long(DateLang::En)
                ),
                None => String::new(),
            };
            return fail(format!(
                "`{written}` is not a date handboek can read: {FORM}.{guess}"
            ));
        };
        checked(year, month, day).map_err(|problem| DateError {
            message: format!("`{written}` {problem}"),
        })
    }

    pub fn year(self) -> i32 {
        self.year
    }

    /// The month, 1 for January to 12 for December.
    pub fn month(self) -> u8 {
        self.month
    }

    pub fn day(self) -> u8 {
        self.day
    }

    pub fn weekday(self) -> Weekday {
        // Day 0, 1970-01-01, was a Thursday.
        match (self.day_number() + 3).rem_euclid(7) {
            0 => Weekday::Mon,
            1 => Weekday::Tue,
            2 => Weekday::Wed,
            3 => Weekday::Thu,
            4 => Weekday::Fri,
            5 => Weekday::Sat,
            _ => Weekday::Sun,
        }
    }

    /// The date `days` later (earlier if negative), kept within 1900-01-01 to 2200-12-31.
    pub fn add_days(self, days: i64) -> Date {
        let target = self.day_number().saturating_add(days);
        Date::from_day_number(target.clamp(FIRST.day_number(), LAST.day_number()))
    }

    /// How many days `other` is after this date; negative if it is before.
    /// The day (UTC) of a moment, e.g. `SystemTime::now()`.
    pub fn of(time: std::time::SystemTime) -> Date {
        let secs = match time.duration_since(std::time::UNIX_EPOCH) {
            Ok(d) => d.as_secs() as i64,
            Err(e) => -(e.duration().as_secs() as i64),
        };
        Date::from_day_number(
            secs.div_euclid(86_400)
                .clamp(FIRST.day_number(), LAST.day_number()),
        )
    }

    pub fn days_until(self, other: Date) -> i64 {
        other.day_number() - self.day_number()
    }

    /// `2026-12-01`.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `1 december 2026` / `1 December 2026`.
    pub fn format_long(self, lang: DateLang) -> String {
        let month = month_name(self.month, lang);
        format!("{} {month} {}", self.day, self.year)
    }

    /// `dinsdag 1 december 2026` / `Tuesday 1 December 2026`.
    pub fn format_with_weekday(self, lang: DateLang) -> String {
        format!("{} {}", self.weekday().name(lang), self.format_long(lang))
    }

    /// Days since 1970-01-01, after Howard Hinnant's `days_from_civil`.
    fn day_number(self) -> i64 {
        let (month, day) = (i64::from(self.month), i64::from(self.day));
        let year = i64::from(self.year) - i64::from(month <= 2);
        let era = year.div_euclid(400);
        let year_of_era = year - era * 400;
        let day_of_year = (153 * ((month + 9) % 12) + 2) / 5 + day - 1;
        let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
        era * 146_097 + day_of_era - 719_468
    }

    /// The inverse of `day_number`, after Hinnant's `civil_from_days`.
    fn from_day_number(number: i64) -> Date {
        let shifted = number + 719_468;
        let era = shifted.div_euclid(146_097);
        let day_of_era = shifted - era * 146_097;
        let year_of_era =
            (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
        let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
        let shifted_month = (5 * day_of_year + 2) / 153;
        let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
        let month = if shifted_month < 10 {
            shifted_month + 3
        } else {
            shifted_month - 9
        };
        let year = year_of_era + era * 400 + i64::from(month <= 2);
        Date {
            year: i32::try_from(year).unwrap_or(FIRST_YEAR),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.iso())
    }
}

impl Weekday {
    /// `dinsdag` / `Tuesday`: Dutch day names are lowercase.
    pub fn name(self, lang: DateLang) -> &'static str {
        let names = match lang {
            DateLang::Nl => DAYS_NL,
            DateLang::En => DAYS_EN,
        };
        names[self as usize]
    }
}

/// A date that cannot be read; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateError {
    message: String,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for DateError {}

/// The numbers of a strictly written `YYYY-MM-DD`.
fn iso_parts(written: &str) -> Option<(i32, u8, u8)> {
    let parts: Vec<&str> = written.split('-').collect();
    let [year, month, day] = parts.as_slice() else {
        return None;
    };
    let digits = |part: &str, len| part.len() == len && part.bytes().all(|b| b.is_ascii_digit());
    if !(digits(year, 4) && digits(month, 2) && digits(day, 2)) {
        return None;
    }
    Some((year.parse().ok()?, month.parse().ok()?, day.parse().ok()?))
}

/// Checks that the numbers make a supported, real date; the error ends a sentence about it.
fn checked(year: i32, month: u8, day: u8) -> Result<Date, String> {
    if !(FIRST_YEAR..=LAST_YEAR).contains(&year) {
        return Err(format!(
            "is in the year {year}, but handboek only accepts years from {FIRST_YEAR} to \
             {LAST_YEAR}. Check the year; {FORM}."
        ));
    }
    if !(1..=12).contains(&month) {
        return Err(format!(
            "has month {month:02}, but months run from 01 to 12: {FORM}."
        ));
    }
    let last = days_in_month(year, month);
    if !(1..=last).contains(&day) {
        let name = month_name(month, DateLang::En);
        return Err(format!(
            "is not a real date: {name} {year} has {last} days. Write a day from 01 to {last}, \
             e.g. {year}-{month:02}-{last}."
        ));
    }
    Ok(Date { year, month, day })
}

fn month_name(month: u8, lang: DateLang) -> &'static str {
    let names = match lang {
        DateLang::Nl => MONTHS_NL,
        DateLang::En => MONTHS_EN,
    };
    let index = usize::from(month.saturating_sub(1));
    names.get(index).copied().unwrap_or_default()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The date an author probably meant by `1-12-2026`, `2026/12/1` or `1 december 2026`: day
/// first unless the year is, as Dutch and Belgian authors write.
fn guess(written: &str) -> Option<Date> {
    fn number<T: std::str::FromStr>(part: &str) -> Option<T> {
        let digits = part.len() <= 4 && part.bytes().all(|b| b.is_ascii_digit());
        digits.then(|| part.parse().ok()).flatten()
    }
    let parts: Vec<&str> = written
        .split(['-', '/', '.', ' '])
        .filter(|part| !part.is_empty())
        .collect();
    let (year, month, day) = match parts.as_slice() {
        [year, month, day] if year.len() == 4 => (year, month, day),
        [day, month, year] if year.len() == 4 => (year, month, day),
        _ => return None,
    };
    let month = number(month).or_else(|| {
        let named = |names: [&str; 12]| names.iter().position(|n| n.eq_ignore_ascii_case(month));
        let index = named(MONTHS_NL).or_else(|| named(MONTHS_EN))?;
        u8::try_from(index + 1).ok()
    })?;
    checked(number(year)?, month, number(day)?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(s: &str) -> Date {
        match Date::parse(s) {
            Ok(date) => date,
            Err(e) => panic!("{s:?} should be a date: {e}"),
        }
    }

    fn error(s: &str) -> String {
        match Date::parse(s) {
            Ok(date) => panic!("{s:?} should be rejected, got {date:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn iso_date_gives_year_month_and_day() {
        let d = date("2026-12-01");
        assert_eq!((d.year(), d.month(), d.day()), (2026, 12, 1));
    }

    #[test]
    fn surrounding_spaces_are_ignored() {
        assert_eq!(date(" 2026-12-01\n"), date("2026-12-01"));
    }

    #[test]
    fn leap_days_exist_only_in_leap_years() {
        assert_eq!(date("2024-02-29").day(), 29);
        assert_eq!(date("2000-02-29").day(), 29);
        for input in ["2026-02-29", "1900-02-29", "2100-02-29"] {
            assert!(Date::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn february_30_says_how_many_days_february_has() {
        assert_eq!(
            error("2026-02-30"),
            "`2026-02-30` is not a real date: February 2026 has 28 days. Write a day from 01 to \
             28, e.g. 2026-02-28."
        );
        assert!(error("2024-02-30").contains("February 2024 has 29 days"));
    }

    #[test]
    fn april_31_is_not_a_real_date() {
        assert!(error("2026-04-31").contains("April 2026 has 30 days"));
    }

    #[test]
    fn day_zero_is_not_a_real_date() {
        assert!(error("2026-12-00").contains("Write a day from 01 to 31"));
    }

    #[test]
    fn month_13_is_rejected_with_the_range() {
        assert_eq!(
            error("2026-13-01"),
            "`2026-13-01` has month 13, but months run from 01 to 12: write dates as \
             YYYY-MM-DD, e.g. 2026-12-01."
        );
        assert!(error("2026-00-10").contains("has month 00"));
    }

    #[test]
    fn day_first_date_is_rejected_with_the_form_and_the_likely_meaning() {
        assert_eq!(
            error("1-12-2026"),
            "`1-12-2026` is not a date handboek can read: write dates as YYYY-MM-DD, e.g. \
             2026-12-01. If you meant 1 December 2026, write 2026-12-01."
        );
        assert!(error("12-01-2026").ends_with("If you meant 12 January 2026, write 2026-01-12."));
    }

    #[test]
    fn slashes_dots_and_missing_zeros_are_rejected_with_the_fix() {
        for input in [
            "2026/12/01",
            "2026.12.01",
            "2026-12-1",
            "01.12.2026",
            "1 12 2026",
        ] {
            let message = error(input);
            assert!(message.contains("write dates as YYYY-MM-DD, e.g. 2026-12-01"));
            assert!(message.ends_with("write 2026-12-01."), "{message}");
        }
    }

    #[test]
    fn written_out_month_in_either_language_is_recognised_in_the_hint() {
        assert!(error("1 december 2026").ends_with("write 2026-12-01."));
        assert!(error("1 December 2026").ends_with("write 2026-12-01."));
        assert!(error("15 maart 2027").ends_with("If you meant 15 March 2027, write 2027-03-15."));
    }

    #[test]
    fn unreadable_date_gets_only_the_form() {
        for input in [
            "31-02-2026",
            "20261201",
            "next tuesday",
            "26-12-01",
            "2026-12-01T10:00",
        ] {
            let message = error(input);
            assert!(
                message.ends_with("write dates as YYYY-MM-DD, e.g. 2026-12-01."),
                "{message}"
            );
        }
    }

    #[test]
    fn empty_date_says_so() {
        assert_eq!(
            error(""),
            "The date is empty: write dates as YYYY-MM-DD, e.g. 2026-12-01."
        );
    }

    #[test]
    fn years_outside_1900_to_2200_are_rejected() {
        assert_eq!(
            error("2201-01-01"),
            "`2201-01-01` is in the year 2201, but handboek only accepts years from 1900 to \
             2200. Check the year; write dates as YYYY-MM-DD, e.g. 2026-12-01."
        );
        assert!(error("1899-12-31").contains("the year 1899"));
        assert!(error("0000-01-01").contains("the year 0"));
        assert_eq!(date("1900-01-01").year(), 1900);
        assert_eq!(date("2200-12-31").year(), 2200);
    }

    #[test]
    fn signs_and_other_digits_are_not_read_as_dates() {
        for input in [
            "+2026-12-01",
            "-2026-12-01",
            "2026-+1-01",
            "２０２６-１２-０１",
            "2026-12-0١",
        ] {
            assert!(Date::parse(input).is_err(), "{input}");
        }
    }

    #[test]
    fn first_of_december_2026_is_a_tuesday() {
        assert_eq!(date("2026-12-01").weekday(), Weekday::Tue);
    }

    #[test]
    fn known_weekdays_across_the_range() {
        assert_eq!(date("1900-01-01").weekday(), Weekday::Mon);
        assert_eq!(date("1970-01-01").weekday(), Weekday::Thu);
        assert_eq!(date("2000-01-01").weekday(), Weekday::Sat);
        assert_eq!(date("2024-02-29").weekday(), Weekday::Thu);
        assert_eq!(date("2026-11-15").weekday(), Weekday::Sun);
        assert_eq!(date("2200-12-31").weekday(), Weekday::Wed);
    }

    #[test]
    fn adding_days_crosses_months_years_and_leap_days() {
        assert_eq!(date("2026-12-01").add_days(31), date("2027-01-01"));
        assert_eq!(date("2024-02-28").add_days(1), date("2024-02-29"));
        assert_eq!(date("2023-02-28").add_days(1), date("2023-03-01"));
        assert_eq!(date("2026-01-01").add_days(-1), date("2025-12-31"));
        assert_eq!(date("2026-12-01").add_days(0), date("2026-12-01"));
    }

    #[test]
    fn adding_days_stays_within_the_supported_years() {
        assert_eq!(date("2026-12-01").add_days(i64::MAX), date("2200-12-31"));
        assert_eq!(date("2026-12-01").add_days(i64::MIN), date("1900-01-01"));
        assert_eq!(date("2200-12-31").add_days(1), date("2200-12-31"));
    }

    #[test]
    fn days_until_counts_forward_and_backward() {
        let (wave, deadline) = (date("2026-11-16"), date("2026-12-01"));
        assert_eq!(wave.days_until(deadline), 15);
        assert_eq!(deadline.days_until(wave), -15);
        assert_eq!(wave.days_until(wave), 0);
        assert_eq!(date("2000-01-01").days_until(date("2001-01-01")), 366);
    }

    #[test]
    fn every_supported_day_round_trips_and_follows_the_one_before() {
        let mut day = date("1900-01-01");
        let mut count = 0;
        while day < date("2200-12-31") {
            let next = day.add_days(1);
            assert_eq!(day.days_until(next), 1, "{day}");
            assert_eq!(date(&next.iso()), next);
            assert!(next > day);
            count += 1;
            day = next;
        }
        assert_eq!(count, date("1900-01-01").days_until(date("2200-12-31")));
        assert_eq!(count, 301 * 365 + 73 - 1);
    }

    #[test]
    fn dates_order_by_time() {
        assert!(date("2026-11-30") < date("2026-12-01"));
        assert!(date("2026-12-31") < date("2027-01-01"));
        assert!(date("2026-02-01") > date("2026-01-31"));
    }

    #[test]
    fn iso_and_display_pad_with_zeros() {
        assert_eq!(date("2026-01-05").iso(), "2026-01-05");
        assert_eq!(date("2026-01-05").to_string(), "2026-01-05");
    }

    #[test]
    fn long_dates_use_lowercase_dutch_and_capitalised_english_months() {
        assert_eq!(
            date("2026-12-01").format_long(DateLang::Nl),
            "1 december 2026"
        );
        assert_eq!(
            date("2026-12-01").format_long(DateLang::En),
            "1 December 2026"
        );
        assert_eq!(
            date("2027-03-15").format_long(DateLang::Nl),
            "15 maart 2027"
        );
    }

    #[test]
    fn long_dates_with_weekday_in_both_languages() {
        let d = date("2026-12-01");
        assert_eq!(
            d.format_with_weekday(DateLang::Nl),
            "dinsdag 1 december 2026"
        );
        assert_eq!(
            d.format_with_weekday(DateLang::En),
            "Tuesday 1 December 2026"
        );
    }

    #[test]
    fn every_month_and_weekday_has_a_name_in_both_languages() {
        let mut day = date("2026-01-01");
        for _ in 0..365 {
            for lang in [DateLang::Nl, DateLang::En] {
                let long = day.format_with_weekday(lang);
                assert_eq!(long.split(' ').count(), 4, "{long}");
                assert!(long.split(' ').all(|word| !word.is_empty()), "{long}");
            }
            day = day.add_days(1);
        }
        assert_eq!(Weekday::Sun.name(DateLang::Nl), "zondag");
        assert_eq!(Weekday::Mon.name(DateLang::En), "Monday");
    }
}
