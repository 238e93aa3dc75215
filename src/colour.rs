//! Brand colours: reading `#rgb` / `#rrggbb`, WCAG contrast, and darker fixes for hints.

use std::fmt;

/// An sRGB colour, 8 bits per channel.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Colour {
    pub r: u8,
    pub g: u8,
    pub b: u8,
}

impl Colour {
    /// Reads `#rgb` or `#rrggbb`, in any case.
    pub fn parse(s: &str) -> Result<Colour, ColourError> {
        let written = s.trim();
        let fail = |message| Err(ColourError { message });
        let Some(hex) = written.strip_prefix('#') else {
            return fail(without_hash(written));
        };
        if let Some(c) = hex.chars().find(|c| !c.is_ascii_hexdigit()) {
            return fail(format!(
                "`{written}` contains `{}`, which is not a hexadecimal digit (0-9 and a-f). \
                 Write the colour like `#0b5394`.",
                c.escape_debug()
            ));
        }
        // Only ASCII hex digits are left, so every byte is one digit.
        let digit = |i: usize| hex.as_bytes().get(i).map_or(0, |&d| hex_value(d));
        match hex.len() {
            3 => Ok(Colour {
                r: digit(0) * 17,
                g: digit(1) * 17,
                b: digit(2) * 17,
            }),
            6 => Ok(Colour {
                r: digit(0) * 16 + digit(1),
                g: digit(2) * 16 + digit(3),
                b: digit(4) * 16 + digit(5),
            }),
            4 | 8 => fail(format!(
                "`{written}` has a transparency part, which handboek does not support. Write \
                 `#{}`.",
                &hex[..hex.len() - hex.len() / 4]
            )),
            n => fail(format!(
                "`{written}` has {n} hexadecimal digits after the #, but a colour has 3 or 6. \
                 Write it like `#0b5394` or `#fff`."
            )),
        }
    }

    /// The colour as lowercase `#rrggbb`.
    pub fn to_hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.r, self.g, self.b)
    }

    /// The relative luminance of WCAG 2.x: 0 for black, 1 for white.
    pub fn relative_luminance(self) -> f64 {
        let linear = |channel: u8| {
            let c = f64::from(channel) / 255.0;
            if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * linear(self.r) + 0.7152 * linear(self.g) + 0.0722 * linear(self.b)
    }

    /// The colour with every channel scaled by `step / 255`, rounded.
    fn scaled(self, step: u16) -> Colour {
        let scale = |channel: u8| {
            let scaled = (u32::from(channel) * u32::from(step) + 127) / 255;
            u8::try_from(scaled).unwrap_or(u8::MAX)
        };
        Colour {
            r: scale(self.r),
            g: scale(self.g),
            b: scale(self.b),
        }
    }
}

impl fmt::Display for Colour {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.to_hex())
    }
}

/// The WCAG 2.x contrast ratio of two colours, from 1 (none) to 21 (black on white).
pub fn contrast_ratio(a: Colour, b: Colour) -> f64 {
    let (la, lb) = (a.relative_luminance(), b.relative_luminance());
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

/// The lightest darkening of `bg` (its channels scaled toward black in steps of 1/255) that
/// reaches `min_ratio` against `fg`; `bg` itself if it already does, `None` if even black
/// does not, as when `fg` is dark.
pub fn darken_until(fg: Colour, bg: Colour, min_ratio: f64) -> Option<Colour> {
    (0..=255u16)
        .rev()
        .map(|step| bg.scaled(step))
        .find(|candidate| contrast_ratio(fg, *candidate) >= min_ratio)
}

/// A colour that cannot be read; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ColourError {
    message: String,
}

impl fmt::Display for ColourError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ColourError {}

fn hex_value(digit: u8) -> u8 {
    match digit {
        b'0'..=b'9' => digit - b'0',
        b'a'..=b'f' => digit - b'a' + 10,
        b'A'..=b'F' => digit - b'A' + 10,
        _ => 0,
    }
}

/// Why a colour without a leading `#` cannot be read, and what to write instead.
fn without_hash(written: &str) -> String {
    const FORM: &str = "as # and six hexadecimal digits, like `#0b5394`";
    if written.is_empty() {
        return format!("The colour is empty. Write it {FORM}.");
    }
    let is_hex = written.chars().all(|c| c.is_ascii_hexdigit());
    if is_hex && matches!(written.len(), 3 | 6) {
        return format!(
            "`{written}` is missing the # in front. Write `\"#{written}\"`, in quotes, because \
             in YAML a # without quotes starts a comment."
        );
    }
    let lower = written.to_ascii_lowercase();
    if let Some(hex) = named(&lower) {
        return format!(
            "`{written}` is a colour name, but handboek needs a hex colour code. Write `{hex}` \
             for {lower}, or your exact brand colour {FORM}."
        );
    }
    if lower.starts_with("rgb") || lower.starts_with("hsl") {
        let fix = match css_rgb(&lower) {
            Some(colour) => format!("Write `{colour}`."),
            None => format!("Write it {FORM}."),
        };
        return format!("`{written}` is a CSS colour function; handboek needs a hex code. {fix}");
    }
    format!("`{written}` is not a colour code. Write it {FORM}.")
}

/// The hex code of a basic CSS colour name, or of its Dutch name.
fn named(name: &str) -> Option<&'static str> {
    Some(match name {
        "black" | "zwart" => "#000000",
        "white" | "wit" => "#ffffff",
        "gray" | "grey" | "grijs" => "#808080",
        "silver" | "zilver" => "#c0c0c0",
        "red" | "rood" => "#ff0000",
        "maroon" => "#800000",
        "orange" | "oranje" => "#ffa500",
        "yellow" | "geel" => "#ffff00",
        "olive" => "#808000",
        "lime" => "#00ff00",
        "green" | "groen" => "#008000",
        "teal" => "#008080",
        "aqua" | "cyan" => "#00ffff",
        "blue" | "blauw" => "#0000ff",
        "navy" => "#000080",
        "purple" | "paars" => "#800080",
        "fuchsia" | "magenta" => "#ff00ff",
        _ => return None,
    })
}

/// Reads `rgb(11, 83, 148)` or `rgb(11 83 148)` to suggest the same colour as a hex code.
fn css_rgb(lower: &str) -> Option<Colour> {
    let inner = lower.strip_prefix("rgb(")?.strip_suffix(')')?;
    let mut channels = inner
        .split(|c: char| c == ',' || c.is_whitespace())
        .filter(|part| !part.is_empty())
        .map(str::parse::<u8>);
    let colour = Colour {
        r: channels.next()?.ok()?,
        g: channels.next()?.ok()?,
        b: channels.next()?.ok()?,
    };
    channels.next().is_none().then_some(colour)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colour(s: &str) -> Colour {
        match Colour::parse(s) {
            Ok(colour) => colour,
            Err(e) => panic!("{s:?} should be a colour: {e}"),
        }
    }

    fn error(s: &str) -> String {
        match Colour::parse(s) {
            Ok(colour) => panic!("{s:?} should be rejected, got {colour:?}"),
            Err(e) => e.to_string(),
        }
    }

    const WHITE: Colour = Colour {
        r: 255,
        g: 255,
        b: 255,
    };
    const BLACK: Colour = Colour { r: 0, g: 0, b: 0 };

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 0.005
    }

    #[test]
    fn six_digit_code_gives_its_channels() {
        assert_eq!(
            colour("#0b5394"),
            Colour {
                r: 0x0b,
                g: 0x53,
                b: 0x94
            }
        );
    }

    #[test]
    fn three_digit_code_doubles_each_digit() {
        assert_eq!(colour("#abc"), colour("#aabbcc"));
        assert_eq!(colour("#fff"), WHITE);
        assert_eq!(colour("#000"), BLACK);
    }

    #[test]
    fn upper_and_mixed_case_are_read_alike() {
        assert_eq!(colour("#0B5394"), colour("#0b5394"));
        assert_eq!(colour("#Ab3"), colour("#aabb33"));
    }

    #[test]
    fn surrounding_spaces_are_ignored() {
        assert_eq!(colour("  #0b5394 "), colour("#0b5394"));
    }

    #[test]
    fn hex_is_lowercase_and_six_digits() {
        assert_eq!(colour("#0B5394").to_hex(), "#0b5394");
        assert_eq!(colour("#FA0").to_hex(), "#ffaa00");
        assert_eq!(colour("#fa0").to_string(), "#ffaa00");
    }

    #[test]
    fn every_channel_value_survives_a_round_trip_through_hex() {
        for v in 0..=255u8 {
            let c = Colour {
                r: v,
                g: 255 - v,
                b: v / 2,
            };
            assert_eq!(colour(&c.to_hex()), c);
        }
    }

    #[test]
    fn colour_name_suggests_its_hex_code() {
        assert_eq!(
            error("red"),
            "`red` is a colour name, but handboek needs a hex colour code. Write `#ff0000` for \
             red, or your exact brand colour as # and six hexadecimal digits, like `#0b5394`."
        );
        assert!(error("Navy").contains("Write `#000080` for navy"));
        assert!(error("blauw").contains("Write `#0000ff` for blauw"));
    }

    #[test]
    fn unknown_word_is_not_a_colour_code() {
        assert_eq!(
            error("brandblue"),
            "`brandblue` is not a colour code. Write it as # and six hexadecimal digits, like \
             `#0b5394`."
        );
    }

    #[test]
    fn css_rgb_function_suggests_the_same_colour_in_hex() {
        assert_eq!(
            error("rgb(11, 83, 148)"),
            "`rgb(11, 83, 148)` is a CSS colour function; handboek needs a hex code. Write \
             `#0b5394`."
        );
        assert!(error("RGB(11 83 148)").ends_with("Write `#0b5394`."));
    }

    #[test]
    fn css_functions_that_cannot_be_converted_show_the_form() {
        for input in [
            "rgba(11, 83, 148, 0.5)",
            "rgb(300, 0, 0)",
            "hsl(210, 86%, 31%)",
        ] {
            let message = error(input);
            assert!(message.contains("is a CSS colour function"), "{message}");
            assert!(message.ends_with("like `#0b5394`."), "{message}");
        }
    }

    #[test]
    fn missing_hash_suggests_the_quoted_code() {
        assert_eq!(
            error("0b5394"),
            "`0b5394` is missing the # in front. Write `\"#0b5394\"`, in quotes, because in \
             YAML a # without quotes starts a comment."
        );
        assert!(error("fff").contains("Write `\"#fff\"`"));
    }

    #[test]
    fn wrong_number_of_digits_says_how_many() {
        assert_eq!(
            error("#12345"),
            "`#12345` has 5 hexadecimal digits after the #, but a colour has 3 or 6. Write it \
             like `#0b5394` or `#fff`."
        );
        assert!(error("#").contains("has 0 hexadecimal digits"));
        assert!(error("#1234567").contains("has 7 hexadecimal digits"));
    }

    #[test]
    fn transparency_is_rejected_with_the_opaque_code() {
        assert!(error("#0b5394ff").ends_with("Write `#0b5394`."));
        assert!(error("#fffa").ends_with("Write `#fff`."));
    }

    #[test]
    fn non_hex_character_is_named() {
        assert_eq!(
            error("#0g5394"),
            "`#0g5394` contains `g`, which is not a hexadecimal digit (0-9 and a-f). Write the \
             colour like `#0b5394`."
        );
        assert!(error("##fff").contains("contains `#`"));
        assert!(error("#ffé").contains("contains `é`"));
    }

    #[test]
    fn empty_colour_says_so() {
        assert_eq!(
            error(""),
            "The colour is empty. Write it as # and six hexadecimal digits, like `#0b5394`."
        );
    }

    #[test]
    fn white_and_black_have_the_extreme_luminances() {
        assert!(close(WHITE.relative_luminance(), 1.0));
        assert!(close(BLACK.relative_luminance(), 0.0));
        assert!(close(colour("#808080").relative_luminance(), 0.2159));
    }

    #[test]
    fn white_on_black_is_21_to_1() {
        assert!(close(contrast_ratio(WHITE, BLACK), 21.0));
    }

    #[test]
    fn contrast_does_not_depend_on_the_order() {
        let (a, b) = (colour("#0b5394"), colour("#ffcc00"));
        assert!(close(contrast_ratio(a, b), contrast_ratio(b, a)));
    }

    #[test]
    fn a_colour_against_itself_has_no_contrast() {
        assert!(close(
            contrast_ratio(colour("#0b5394"), colour("#0b5394")),
            1.0
        ));
    }

    #[test]
    fn known_wcag_ratios_against_white() {
        assert!(close(contrast_ratio(colour("#777777"), WHITE), 4.48));
        assert!(close(contrast_ratio(colour("#767676"), WHITE), 4.54));
        assert!(close(contrast_ratio(colour("#0000ff"), WHITE), 8.59));
        assert!(close(contrast_ratio(colour("#ff0000"), WHITE), 4.0));
    }

    #[test]
    fn grey_777777_just_fails_aa_and_767676_just_passes() {
        assert!(contrast_ratio(colour("#777777"), WHITE) < 4.5);
        assert!(contrast_ratio(colour("#767676"), WHITE) >= 4.5);
    }

    #[test]
    fn darkening_777777_under_white_text_stops_at_767676() {
        assert_eq!(
            darken_until(WHITE, colour("#777777"), 4.5),
            Some(colour("#767676"))
        );
    }

    #[test]
    fn darkening_white_under_white_text_finds_the_lightest_aa_grey() {
        assert_eq!(darken_until(WHITE, WHITE, 4.5), Some(colour("#767676")));
    }

    #[test]
    fn background_that_already_passes_is_returned_unchanged() {
        let brand = colour("#0b5394");
        assert_eq!(darken_until(WHITE, brand, 4.5), Some(brand));
    }

    #[test]
    fn darkened_orange_passes_keeps_its_hue_and_is_the_lightest_that_does() {
        let orange = colour("#ff9900");
        let Some(fixed) = darken_until(WHITE, orange, 4.5) else {
            panic!("white text on a dark enough orange reaches 4.5");
        };
        assert!(contrast_ratio(WHITE, fixed) >= 4.5);
        assert!(fixed.r > fixed.g && fixed.g > fixed.b, "{fixed:?}");
        for step in 0..=255 {
            let lighter = orange.scaled(step);
            if lighter.relative_luminance() > fixed.relative_luminance() {
                assert!(contrast_ratio(WHITE, lighter) < 4.5, "{lighter:?}");
            }
        }
    }

    #[test]
    fn darkening_cannot_help_dark_text() {
        assert_eq!(darken_until(BLACK, colour("#333333"), 4.5), None);
    }

    #[test]
    fn unreachable_or_meaningless_ratios_give_none() {
        assert_eq!(darken_until(WHITE, WHITE, 22.0), None);
        assert_eq!(darken_until(WHITE, WHITE, f64::NAN), None);
    }

    #[test]
    fn ratio_of_21_is_reached_by_black_under_white_text() {
        assert_eq!(darken_until(WHITE, colour("#0b5394"), 21.0), Some(BLACK));
    }
}
