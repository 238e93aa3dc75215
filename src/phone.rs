//! Dutch and Belgian phone numbers: read as authors write them, shown as written, linked in E.164.

use std::fmt;

/// The country whose numbering plan a national number (one starting with a single 0) follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Country {
    Nl,
    Be,
}

impl Country {
    pub const ALL: [Country; 2] = [Country::Nl, Country::Be];

    /// The code written in the customer file (`country`).
    pub fn code(self) -> &'static str {
        match self {
            Country::Nl => "nl",
            Country::Be => "be",
        }
    }

    fn calling_code(self) -> &'static str {
        match self {
            Country::Nl => "31",
            Country::Be => "32",
        }
    }

    fn adjective(self) -> &'static str {
        match self {
            Country::Nl => "Dutch",
            Country::Be => "Belgian",
        }
    }

    /// Two well-formed examples, for hints.
    fn like(self) -> &'static str {
        match self {
            Country::Nl => "like `020 123 4567` or `+31 20 123 4567`",
            Country::Be => "like `03 304 23 26` or `+32 3 304 23 26`",
        }
    }
}

/// A valid Dutch or Belgian phone number, remembering how its author grouped the digits.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Phone {
    display: String,
    country: Country,
    /// The digits after the trunk 0 or the country code.
    significant: String,
}

/// Reads a national number (`020 123 4567`) in the numbering plan of `country`, or an
/// international one (`+32 3 304 23 26`, `0031 20 1234567`), whose prefix decides the country.
pub fn parse(input: &str, country: Country) -> Result<Phone, PhoneError> {
    let written = input.trim();
    let like = country.like();
    let fail = |message| Err(PhoneError { message });
    if written.is_empty() {
        return fail(format!("The phone number is empty. Write a number {like}."));
    }
    if written.chars().any(char::is_alphabetic) {
        return fail(format!(
            "`{written}` contains letters, but a phone number may only hold digits, spaces, \
             a + in front and the separators - . / ( ). Write only the number, {like}."
        ));
    }
    if let Some(c) = written.chars().find(|&c| !is_allowed(c)) {
        return fail(format!(
            "`{written}` contains `{}`, which cannot be part of a phone number. Use only \
             digits, spaces, a + in front and - . / ( ), {like}.",
            c.escape_debug()
        ));
    }
    if written.char_indices().any(|(i, c)| c == '+' && i > 0) {
        return fail(format!(
            "`{written}` has a + that is not at the start; the + only goes in front of the \
             country code. Write it {like}."
        ));
    }

    let international = written.starts_with('+') || digits_of(written).starts_with("00");
    let display = if international {
        tidy(&drop_bracketed_trunk(written))
    } else {
        tidy(written)
    };
    let digits = digits_of(&display);
    let (country, significant) = if international {
        let (prefix, rest) = match digits.strip_prefix("00") {
            Some(rest) if !display.starts_with('+') => ("00", rest),
            _ => ("+", digits.as_str()),
        };
        let country = match rest.get(..2) {
            Some("31") => Country::Nl,
            Some("32") => Country::Be,
            _ if rest.is_empty() || rest.starts_with('0') => {
                return fail(format!(
                    "`{written}` starts with {prefix}, but no country code follows. Write a \
                     Dutch number like `+31 20 123 4567` or a Belgian number like \
                     `+32 3 304 23 26`."
                ));
            }
            _ => {
                return fail(format!(
                    "`{written}` is a number with country code +{}, but handboek only \
                     supports Dutch (+31) and Belgian (+32) phone numbers. Write a Dutch or \
                     Belgian number, like `+31 20 123 4567` or `+32 3 304 23 26`.",
                    country_code(rest)
                ));
            }
        };
        let significant = rest.get(2..).unwrap_or_default();
        if significant.starts_with('0') {
            let fix = match suggest_without_trunk(&display, prefix, country, significant) {
                Some(fixed) => format!("Write `{fixed}`."),
                None => format!("Write it {}.", country.like()),
            };
            return fail(format!(
                "`{written}` has a 0 right after the country code {}; after a country code \
                 the leading 0 is left out. {fix}",
                country.calling_code()
            ));
        }
        (country, significant)
    } else {
        match digits.strip_prefix('0') {
            Some(significant) => (country, significant),
            None if digits.is_empty() => {
                return fail(format!("`{written}` has no digits. Write a number {like}."));
            }
            None => {
                let fix = match suggest_missing_trunk(&display, country) {
                    Some(fixed) => format!("Write `{fixed}`."),
                    None => format!(
                        "Write a {} number with its leading 0 or with the country code, \
                         {like}.",
                        country.adjective()
                    ),
                };
                return fail(format!("`{written}` starts with neither 0 nor +. {fix}"));
            }
        }
    };
    match length_problem(written, country, significant, international) {
        Some(message) => fail(message),
        None => Ok(Phone {
            country,
            significant: significant.to_owned(),
            display,
        }),
    }
}

impl Phone {
    /// The number as its author grouped it, with separators and brackets turned into single spaces.
    pub fn display(&self) -> &str {
        &self.display
    }

    /// The number in E.164, for `tel:` links: `+31201234567`.
    pub fn e164(&self) -> String {
        format!("+{}{}", self.country.calling_code(), self.significant)
    }

    /// The country whose network the number belongs to.
    pub fn country(&self) -> Country {
        self.country
    }
}

impl fmt::Display for Phone {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.display)
    }
}

/// A phone number that cannot be read; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PhoneError {
    message: String,
}

impl fmt::Display for PhoneError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for PhoneError {}

fn is_allowed(c: char) -> bool {
    c.is_ascii_digit() || c.is_whitespace() || "+-./()".contains(c)
}

fn digits_of(written: &str) -> String {
    written.chars().filter(char::is_ascii_digit).collect()
}

/// Removes the `(0)` of `+31 (0)20 …`, but only right after the country code, where it means
/// "dial 0 when calling from inside the country".
fn drop_bracketed_trunk(written: &str) -> String {
    let digits_before_trunk = if written.starts_with('+') { 2 } else { 4 };
    match written.find("(0)") {
        Some(at) if digits_of(&written[..at]).len() == digits_before_trunk => {
            format!("{} {}", &written[..at], &written[at + 3..])
        }
        _ => written.to_owned(),
    }
}

/// Turns separators and brackets into single spaces and trims the ends.
fn tidy(written: &str) -> String {
    let groups = written
        .split(|c: char| c.is_whitespace() || "-./()".contains(c))
        .filter(|group| !group.is_empty());
    groups.collect::<Vec<_>>().join(" ")
}

/// Why the digits after the trunk 0 or the country code are too few or too many, if they are.
fn length_problem(
    written: &str,
    country: Country,
    significant: &str,
    international: bool,
) -> Option<String> {
    let starts = |prefixes: &[&str]| prefixes.iter().any(|p| significant.starts_with(p));
    // How many digits mark the kind of number, how many may follow them, what the kind is
    // called and two examples of it; `#` stands for the marking digits.
    let (marker_len, lengths, kind, examples): (usize, &[usize], &str, [&str; 2]) = match country {
        Country::Nl if starts(&["800", "900", "906", "909"]) => {
            (3, &[4, 7], "0# ", ["0# 1234", "0# 123 4567"])
        }
        Country::Nl if starts(&["6"]) => (0, &[9], "mobile ", ["06 1234 5678", "+31 6 1234 5678"]),
        Country::Nl => (0, &[9], "", ["020 123 4567", "+31 20 123 4567"]),
        Country::Be if significant.len() > 2 && starts(&["800", "90"]) => {
            (3, &[5], "0# ", ["0# 12 345", "+32 # 12 345"])
        }
        Country::Be if starts(&["78"]) => (2, &[6], "0# ", ["078 15 15 15", "+32 78 15 15 15"]),
        Country::Be if starts(&["46", "47", "48", "49"]) => {
            (0, &[9], "mobile ", ["0470 12 34 56", "+32 470 12 34 56"])
        }
        Country::Be => (0, &[8], "landline ", ["03 304 23 26", "+32 3 304 23 26"]),
    };
    let found = significant.len().saturating_sub(marker_len);
    if lengths.contains(&found) {
        return None;
    }
    let marker = significant.get(..marker_len).unwrap_or_default();
    let code = country.calling_code();
    let after = match (international, marker) {
        (false, "") => "the leading 0".to_owned(),
        (false, marker) => format!("0{marker}"),
        (true, "") => format!("+{code}"),
        (true, marker) => format!("+{code} {marker}"),
    };
    let adjective = country.adjective();
    let kind = kind.replace('#', marker);
    let expected: Vec<String> = lengths.iter().map(ToString::to_string).collect();
    let [first, second] = examples.map(|example| example.replace('#', marker));
    Some(format!(
        "`{written}` is not a {adjective} phone number: it has {} after {after}, {adjective} \
         {kind}numbers have {}. Write it like `{first}` or `{second}`.",
        digit_count(found),
        expected.join(" or ")
    ))
}

fn digit_count(n: usize) -> String {
    match n {
        0 => "no digits".to_owned(),
        1 => "1 digit".to_owned(),
        n => format!("{n} digits"),
    }
}

/// `20 123 4567` → `020 123 4567`; `31 20 123 4567` → `+31 20 123 4567`, if that is valid.
fn suggest_missing_trunk(display: &str, country: Country) -> Option<String> {
    let international =
        (display.starts_with("31") || display.starts_with("32")).then(|| format!("+{display}"));
    [international, Some(format!("0{display}"))]
        .into_iter()
        .flatten()
        .find(|candidate| parse(candidate, country).is_ok())
}

/// `+31 020 123 4567` → `+31 20 123 4567`, if that is valid.
fn suggest_without_trunk(
    display: &str,
    prefix: &str,
    country: Country,
    significant: &str,
) -> Option<String> {
    let stripped = significant.trim_start_matches('0');
    let zeros = significant.len() - stripped.len();
    let first_zero = if prefix == "+" { 2 } else { 4 };
    let mut seen = 0;
    let without: String = display
        .chars()
        .filter(|c| {
            seen += usize::from(c.is_ascii_digit());
            !c.is_ascii_digit() || seen <= first_zero || seen > first_zero + zeros
        })
        .collect();
    let valid = length_problem("", country, stripped, true).is_none();
    valid.then(|| tidy(&without))
}

/// The country code at the start of `digits`: ITU codes are prefix-free, 1 to 3 digits long.
fn country_code(digits: &str) -> &str {
    let len = match digits.as_bytes() {
        [b'1' | b'7', ..] => 1,
        [b'2', b'0' | b'7', ..]
        | [b'3', b'0'..=b'4' | b'6' | b'9', ..]
        | [b'4', b'0' | b'1' | b'3'..=b'9', ..]
        | [b'5', b'1'..=b'8', ..]
        | [b'6', b'0'..=b'6', ..]
        | [b'8', b'1' | b'2' | b'4' | b'6', ..]
        | [b'9', b'0'..=b'5' | b'8', ..] => 2,
        _ => 3,
    };
    digits.get(..len).unwrap_or(digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn nl(input: &str) -> Phone {
        match parse(input, Country::Nl) {
            Ok(phone) => phone,
            Err(e) => panic!("{input:?} should be a Dutch number: {e}"),
        }
    }

    fn be(input: &str) -> Phone {
        match parse(input, Country::Be) {
            Ok(phone) => phone,
            Err(e) => panic!("{input:?} should be a Belgian number: {e}"),
        }
    }

    fn nl_error(input: &str) -> String {
        match parse(input, Country::Nl) {
            Ok(phone) => panic!("{input:?} should be rejected, got {phone:?}"),
            Err(e) => e.to_string(),
        }
    }

    fn be_error(input: &str) -> String {
        match parse(input, Country::Be) {
            Ok(phone) => panic!("{input:?} should be rejected, got {phone:?}"),
            Err(e) => e.to_string(),
        }
    }

    #[test]
    fn amsterdam_number_in_every_national_grouping_gets_the_same_e164() {
        for input in [
            "020 123 4567",
            "020-1234567",
            "(020) 123 45 67",
            "0201234567",
        ] {
            assert_eq!(nl(input).e164(), "+31201234567", "{input}");
        }
    }

    #[test]
    fn dutch_mobile_number_gets_e164() {
        assert_eq!(nl("06 12345678").e164(), "+31612345678");
    }

    #[test]
    fn dutch_business_numbers_088_and_085_get_e164() {
        assert_eq!(nl("088 123 4567").e164(), "+31881234567");
        assert_eq!(nl("085-1234567").e164(), "+31851234567");
    }

    #[test]
    fn dutch_0800_and_0900_numbers_have_4_or_7_digits_after_the_prefix() {
        assert_eq!(nl("0800 1234").e164(), "+318001234");
        assert_eq!(nl("0800 123 4567").e164(), "+318001234567");
        assert_eq!(nl("0900 1234").e164(), "+319001234");
        assert_eq!(nl("0906-1234567").e164(), "+319061234567");
        assert_eq!(nl("0909 1234").e164(), "+319091234");
    }

    #[test]
    fn dutch_international_forms_get_e164() {
        for input in [
            "+31 20 123 4567",
            "+31 (0)20 123 4567",
            "0031 20 1234567",
            "+31201234567",
        ] {
            let phone = nl(input);
            assert_eq!(phone.e164(), "+31201234567", "{input}");
            assert_eq!(phone.country(), Country::Nl, "{input}");
        }
    }

    #[test]
    fn bracketed_trunk_zero_is_also_dropped_after_0031_and_without_spaces() {
        assert_eq!(nl("0031 (0)20 1234567").e164(), "+31201234567");
        assert_eq!(nl("+31(0)20-1234567").display(), "+31 20 1234567");
    }

    #[test]
    fn antwerp_landline_gets_e164() {
        assert_eq!(be("03 304 23 26").e164(), "+3233042326");
    }

    #[test]
    fn belgian_mobile_number_gets_e164() {
        assert_eq!(be("0470 12 34 56").e164(), "+32470123456");
        assert_eq!(be("0499/12.34.56").e164(), "+32499123456");
    }

    #[test]
    fn belgian_0800_and_078_numbers_get_e164() {
        assert_eq!(be("0800 12 345").e164(), "+3280012345");
        assert_eq!(be("0903 12 345").e164(), "+3290312345");
        assert_eq!(be("078 15 15 15").e164(), "+3278151515");
    }

    #[test]
    fn belgian_international_forms_get_e164() {
        assert_eq!(be("+32 3 304 23 26").e164(), "+3233042326");
        assert_eq!(be("0032 470 12 34 56").e164(), "+32470123456");
    }

    #[test]
    fn international_prefix_decides_the_country_whatever_the_customer_country() {
        let phone = nl("+32 3 304 23 26");
        assert_eq!(phone.country(), Country::Be);
        assert_eq!(phone.e164(), "+3233042326");
        let phone = be("0031 20 1234567");
        assert_eq!(phone.country(), Country::Nl);
    }

    #[test]
    fn national_number_follows_the_customer_country() {
        assert_eq!(nl("020 123 4567").country(), Country::Nl);
        assert_eq!(be("03 304 23 26").country(), Country::Be);
    }

    #[test]
    fn same_digits_are_valid_in_one_country_and_not_the_other() {
        assert!(parse("03 304 23 26", Country::Nl).is_err());
        assert!(parse("020 123 4567", Country::Be).is_err());
    }

    #[test]
    fn display_keeps_the_authors_grouping_with_single_spaces() {
        assert_eq!(nl("(020) 123 45 67").display(), "020 123 45 67");
        assert_eq!(nl("020-1234567").display(), "020 1234567");
        assert_eq!(nl("  020 / 123.45.67  ").display(), "020 123 45 67");
        assert_eq!(nl("+31 (0)20 123 4567").display(), "+31 20 123 4567");
        assert_eq!(nl("0031 20 1234567").display(), "0031 20 1234567");
        assert_eq!(be("0470 12 34 56").display(), "0470 12 34 56");
    }

    #[test]
    fn displayed_number_reads_back_as_the_same_number() {
        for first in [nl("+31 (0)20 123 4567"), nl("(020) 123 45 67")] {
            assert_eq!(nl(first.display()), first);
        }
        for first in [be("0032 470/12.34.56"), be("0800-12-345")] {
            assert_eq!(be(first.display()), first);
        }
    }

    #[test]
    fn display_trait_writes_the_display_form() {
        assert_eq!(nl("020  123\t4567").to_string(), "020 123 4567");
    }

    #[test]
    fn non_breaking_spaces_from_copy_and_paste_are_separators() {
        assert_eq!(nl("020\u{a0}123\u{a0}4567").display(), "020 123 4567");
    }

    #[test]
    fn dutch_number_one_digit_short_says_how_many_digits_and_shows_examples() {
        assert_eq!(
            nl_error("020 123 456"),
            "`020 123 456` is not a Dutch phone number: it has 8 digits after the leading 0, \
             Dutch numbers have 9. Write it like `020 123 4567` or `+31 20 123 4567`."
        );
    }

    #[test]
    fn dutch_number_one_digit_long_is_rejected() {
        let message = nl_error("020 123 45678");
        assert!(
            message.contains("it has 10 digits after the leading 0"),
            "{message}"
        );
    }

    #[test]
    fn international_dutch_number_counts_digits_after_the_country_code() {
        let message = nl_error("+31 20 123 456");
        assert!(
            message.contains("it has 8 digits after +31, Dutch numbers have 9"),
            "{message}"
        );
    }

    #[test]
    fn dutch_mobile_number_too_short_shows_mobile_examples() {
        let message = nl_error("06 1234567");
        assert!(message.contains("Dutch mobile numbers have 9"), "{message}");
        assert!(
            message.contains("`06 1234 5678` or `+31 6 1234 5678`"),
            "{message}"
        );
    }

    #[test]
    fn dutch_0800_number_with_5_digits_names_both_allowed_lengths() {
        assert_eq!(
            nl_error("0800 12345"),
            "`0800 12345` is not a Dutch phone number: it has 5 digits after 0800, Dutch 0800 \
             numbers have 4 or 7. Write it like `0800 1234` or `0800 123 4567`."
        );
    }

    #[test]
    fn dutch_0906_number_hint_uses_its_own_prefix() {
        let message = nl_error("0906 123");
        assert!(message.contains("it has 3 digits after 0906"), "{message}");
        assert!(message.contains("`0906 1234`"), "{message}");
    }

    #[test]
    fn dutch_0800_number_written_internationally_counts_after_the_prefix() {
        let message = nl_error("+31 800 12");
        assert!(
            message.contains("it has 2 digits after +31 800"),
            "{message}"
        );
    }

    #[test]
    fn belgian_mobile_number_one_digit_short_shows_mobile_examples() {
        assert_eq!(
            be_error("0470 12 34 5"),
            "`0470 12 34 5` is not a Belgian phone number: it has 8 digits after the leading 0, \
             Belgian mobile numbers have 9. Write it like `0470 12 34 56` or `+32 470 12 34 56`."
        );
    }

    #[test]
    fn belgian_landline_with_9_digits_is_rejected() {
        let message = be_error("03 304 23 267");
        assert!(
            message.contains("Belgian landline numbers have 8"),
            "{message}"
        );
        assert!(
            message.contains("`03 304 23 26` or `+32 3 304 23 26`"),
            "{message}"
        );
    }

    #[test]
    fn belgian_0800_number_needs_5_digits_after_the_prefix() {
        assert_eq!(
            be_error("0800 1234"),
            "`0800 1234` is not a Belgian phone number: it has 4 digits after 0800, Belgian 0800 \
             numbers have 5. Write it like `0800 12 345` or `+32 800 12 345`."
        );
    }

    #[test]
    fn belgian_078_number_needs_6_digits_after_078() {
        let message = be_error("078 15 15 1");
        assert!(message.contains("it has 5 digits after 078, Belgian 078 numbers have 6"));
        assert!(
            message.contains("`078 15 15 15` or `+32 78 15 15 15`"),
            "{message}"
        );
    }

    #[test]
    fn belgian_090_without_its_fourth_digit_is_counted_as_a_landline() {
        let message = be_error("090");
        assert!(
            message.contains("it has 2 digits after the leading 0"),
            "{message}"
        );
        assert!(
            message.contains("Belgian landline numbers have 8"),
            "{message}"
        );
    }

    #[test]
    fn bare_0800_says_no_digits_follow() {
        let message = nl_error("0800");
        assert!(message.contains("it has no digits after 0800"), "{message}");
    }

    #[test]
    fn single_trailing_digit_is_counted_in_the_singular() {
        let message = nl_error("0 8");
        assert!(
            message.contains("it has 1 digit after the leading 0"),
            "{message}"
        );
    }

    #[test]
    fn letters_are_rejected_with_a_hint_to_write_only_the_number() {
        let message = nl_error("020 123 4567 ext. 12");
        assert!(
            message.starts_with("`020 123 4567 ext. 12` contains letters"),
            "{message}"
        );
        assert!(
            message.contains("Write only the number, like `020 123 4567`"),
            "{message}"
        );
    }

    #[test]
    fn vanity_number_with_letters_is_rejected() {
        assert!(nl_error("0800-BAKKER").contains("contains letters"));
    }

    #[test]
    fn belgian_letters_error_shows_belgian_examples() {
        assert!(be_error("03 abc").contains("`03 304 23 26` or `+32 3 304 23 26`"));
    }

    #[test]
    fn odd_character_is_named_in_the_error() {
        let message = nl_error("020*1234567");
        assert!(message.contains("contains `*`"), "{message}");
    }

    #[test]
    fn invisible_character_is_shown_escaped() {
        let message = nl_error("020\u{200b}1234567");
        assert!(message.contains(r"contains `\u{200b}`"), "{message}");
    }

    #[test]
    fn plus_in_the_middle_is_rejected() {
        assert!(nl_error("020 +1234567").contains("a + that is not at the start"));
        assert!(nl_error("++31 20 123 4567").contains("a + that is not at the start"));
    }

    #[test]
    fn empty_and_blank_input_say_the_number_is_empty() {
        assert_eq!(
            nl_error("   "),
            "The phone number is empty. Write a number like `020 123 4567` or `+31 20 123 4567`."
        );
        assert!(nl_error("").contains("is empty"));
    }

    #[test]
    fn separators_without_digits_say_there_are_no_digits() {
        assert!(nl_error("( ) - .").contains("has no digits"));
    }

    #[test]
    fn unknown_country_code_names_the_code_and_the_supported_ones() {
        assert_eq!(
            nl_error("+44 20 7946 0000"),
            "`+44 20 7946 0000` is a number with country code +44, but handboek only supports \
             Dutch (+31) and Belgian (+32) phone numbers. Write a Dutch or Belgian number, like \
             `+31 20 123 4567` or `+32 3 304 23 26`."
        );
    }

    #[test]
    fn unknown_country_codes_of_one_and_three_digits_are_cut_right() {
        assert!(nl_error("+1 212 555 0100").contains("country code +1,"));
        assert!(nl_error("00352 123 456").contains("country code +352,"));
        assert!(nl_error("0049 30 1234567").contains("country code +49,"));
    }

    #[test]
    fn national_number_starting_with_00_is_read_as_international() {
        let message = nl_error("0020 123 4567");
        assert!(message.contains("country code +20,"), "{message}");
    }

    #[test]
    fn plus_or_00_without_country_code_is_rejected() {
        assert!(nl_error("+").contains("starts with +, but no country code follows"));
        assert!(nl_error("00").contains("starts with 00, but no country code follows"));
        assert!(nl_error("+020 123 4567").contains("no country code follows"));
        assert!(nl_error("000 123 4567").contains("no country code follows"));
    }

    #[test]
    fn partial_country_code_is_rejected() {
        assert!(nl_error("+3").contains("country code +3"));
    }

    #[test]
    fn zero_after_country_code_suggests_the_number_without_it() {
        assert_eq!(
            nl_error("+31 020 123 4567"),
            "`+31 020 123 4567` has a 0 right after the country code 31; after a country code \
             the leading 0 is left out. Write `+31 20 123 4567`."
        );
        assert!(nl_error("0031 0 20 1234567").ends_with("Write `0031 20 1234567`."));
        assert!(be_error("+32 00 3 304 23 26").ends_with("Write `+32 3 304 23 26`."));
    }

    #[test]
    fn bracketed_zero_later_in_the_number_is_not_dropped() {
        let message = nl_error("+31 20 (0)123 4567");
        assert!(message.contains("it has 10 digits after +31"), "{message}");
    }

    #[test]
    fn zero_after_country_code_without_a_valid_fix_falls_back_to_an_example() {
        let example = "Write it like `020 123 4567` or `+31 20 123 4567`.";
        let message = nl_error("+31 020 123 456");
        assert!(message.ends_with(example), "{message}");
        assert!(nl_error("+31 0").ends_with(example));
    }

    #[test]
    fn number_without_leading_zero_suggests_adding_it() {
        assert_eq!(
            nl_error("20 123 4567"),
            "`20 123 4567` starts with neither 0 nor +. Write `020 123 4567`."
        );
        assert!(be_error("470 12 34 56").ends_with("Write `0470 12 34 56`."));
    }

    #[test]
    fn country_code_without_plus_suggests_adding_the_plus() {
        assert!(nl_error("31 20 123 4567").ends_with("Write `+31 20 123 4567`."));
    }

    #[test]
    fn number_without_leading_zero_and_no_valid_fix_shows_both_forms() {
        assert_eq!(
            be_error("12"),
            "`12` starts with neither 0 nor +. Write a Belgian number with its leading 0 or with \
             the country code, like `03 304 23 26` or `+32 3 304 23 26`."
        );
    }

    #[test]
    fn error_message_quotes_the_input_trimmed() {
        assert!(nl_error("  020 123 456 \n").starts_with("`020 123 456` is not"));
    }

    #[test]
    fn arbitrary_junk_never_panics() {
        let inputs = [
            "+",
            "0",
            "00",
            "000",
            "+0",
            "+31",
            "+32",
            "0031",
            "(0)",
            "+(0)",
            "+31 (0)",
            "0)",
            "(",
            "+31 (0) (0)",
            "🙂",
            "é",
            "0\u{0}",
            "٣٤٥",
            "+31 0000000000000000000000000000000",
        ];
        for input in inputs {
            for country in [Country::Nl, Country::Be] {
                if let Err(e) = parse(input, country) {
                    assert!(!e.to_string().is_empty());
                }
            }
        }
        let long = "0".repeat(100_000);
        assert!(parse(&long, Country::Nl).is_err());
        let long = format!("+31 {long}");
        assert!(parse(&long, Country::Be).is_err());
    }
}
