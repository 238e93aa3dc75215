//! How random a string looks: base32 that does not read as words, tokens with the case
//! changes and entropy of generated keys. Tuned on random secrets and on the words, slugs
//! and paths of real customer files (see the tests).

/// Base32 (RFC 4648) of at least 16 characters, one case, that does not read as words.
pub(super) fn is_base32_secret(t: &str) -> bool {
    let body = t.trim_end_matches('=');
    let one_case = body
        .bytes()
        .all(|b| b.is_ascii_uppercase() || (b'2'..=b'7').contains(&b))
        || body
            .bytes()
            .all(|b| b.is_ascii_lowercase() || (b'2'..=b'7').contains(&b));
    // Five digits in a row are a number (an IBAN's account part); random base32 rarely has them.
    let digit_run = body
        .split(|c: char| !c.is_ascii_digit())
        .map(str::len)
        .max()
        .unwrap_or(0);
    body.len() >= 16 && t.len() - body.len() <= 6 && one_case && digit_run < 5 && looks_random(body)
}

/// Random base32 has about one letter in five a vowel, Dutch and English two in five; it
/// also mixes its digits in, where words carry at most a number at the end.
fn looks_random(body: &str) -> bool {
    let ratio = vowel_ratio(body);
    let digits = body.bytes().filter(u8::is_ascii_digit).count();
    let digit_runs = body
        .split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .count();
    let letter_run = body
        .split(|c: char| !c.is_ascii_alphabetic())
        .map(str::len)
        .max()
        .unwrap_or(0);
    (digits > 0 && ratio < 0.3)
        || (digits == 0 && ratio < 0.2)
        || (digit_runs >= 2 && letter_run <= 8 && ratio < 0.45)
}

/// The share of vowels among the letters (1 without letters: nothing random to see).
fn vowel_ratio(t: &str) -> f64 {
    let letters = t.bytes().filter(u8::is_ascii_alphabetic).count();
    let vowels = t
        .bytes()
        .filter(|b| matches!(b.to_ascii_lowercase(), b'a' | b'e' | b'i' | b'o' | b'u'))
        .count();
    if letters == 0 {
        1.0
    } else {
        vowels as f64 / letters as f64
    }
}

/// 32 or more characters of a key alphabet (base64, base64url and friends) with letters
/// and digits and at least 4 bits of entropy per character, that does not read as words.
/// Mixed case: random text changes between upper, lower, digit and symbol at least four
/// times in ten characters and has no long run of one case (`Tandartsen-De-Kempen-2026`
/// has both). One case: few vowels.
pub(super) fn is_random_token(t: &str) -> bool {
    let alphabet = |b: u8| {
        b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=' | b'_' | b'-' | b'.' | b'~')
    };
    let digits = t.bytes().filter(u8::is_ascii_digit).count();
    let letters = t.bytes().filter(u8::is_ascii_alphabetic).count();
    if !t.bytes().all(alphabet) || digits < 2 || letters < 8 || entropy(t) < 4.0 {
        return false;
    }
    let mixed_case =
        t.bytes().any(|b| b.is_ascii_lowercase()) && t.bytes().any(|b| b.is_ascii_uppercase());
    if !mixed_case {
        return vowel_ratio(t) < 0.3;
    }
    let class = |b: u8| match b {
        b'a'..=b'z' => 0,
        b'A'..=b'Z' => 1,
        b'0'..=b'9' => 2,
        _ => 3,
    };
    let bytes = t.as_bytes();
    let changes = bytes
        .windows(2)
        .filter(|w| class(w[0]) != class(w[1]))
        .count();
    let mut longest = 0;
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let same = i > 0 && class(b) < 2 && class(b) == class(bytes[i - 1]);
        run = if same {
            run + 1
        } else {
            usize::from(class(b) < 2)
        };
        longest = longest.max(run);
    }
    changes as f64 >= 0.4 * (bytes.len() - 1) as f64 && longest <= 8
}

/// Shannon entropy in bits per character.
pub(super) fn entropy(t: &str) -> f64 {
    let mut counts = [0usize; 256];
    for b in t.bytes() {
        counts[usize::from(b)] += 1;
    }
    let n = t.len() as f64;
    counts
        .iter()
        .filter(|&&c| c > 0)
        .map(|&c| {
            let p = c as f64 / n;
            -p * p.log2()
        })
        .sum()
}
