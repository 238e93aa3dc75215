//! The ASCII (`xn--`) form of an internationalised domain name (RFC 3492 Punycode), so
//! that the error for `servicedesk@bücher.nl` can say exactly what to write instead.

const BASE: u32 = 36;
const T_MIN: u32 = 1;
const T_MAX: u32 = 26;
const SKEW: u32 = 38;
const DAMP: u32 = 700;
const INITIAL_BIAS: u32 = 72;
const INITIAL_N: u32 = 128;

/// `domain` with each label that is not ASCII written as `xn--…`, lower case; `None` if a
/// label cannot be encoded.
pub fn to_ascii(domain: &str) -> Option<String> {
    let labels: Option<Vec<String>> = domain
        .split('.')
        .map(|label| {
            let label = label.to_lowercase();
            if label.is_ascii() {
                Some(label)
            } else {
                encode(&label).map(|code| format!("xn--{code}"))
            }
        })
        .collect();
    labels.map(|l| l.join("."))
}

fn adapt(delta: u32, points: u32, first: bool) -> u32 {
    let mut delta = if first { delta / DAMP } else { delta / 2 };
    delta += delta / points;
    let mut k = 0;
    while delta > ((BASE - T_MIN) * T_MAX) / 2 {
        delta /= BASE - T_MIN;
        k += BASE;
    }
    k + (((BASE - T_MIN + 1) * delta) / (delta + SKEW))
}

fn digit(d: u32) -> char {
    let d = d as u8;
    char::from(if d < 26 { b'a' + d } else { b'0' + d - 26 })
}

/// The Punycode of one label (without `xn--`).
fn encode(label: &str) -> Option<String> {
    let input: Vec<u32> = label.chars().map(u32::from).collect();
    let mut out: String = label.chars().filter(char::is_ascii).collect();
    let basic = u32::try_from(out.len()).ok()?;
    if basic > 0 {
        out.push('-');
    }
    let (mut n, mut delta, mut bias, mut handled) = (INITIAL_N, 0u32, INITIAL_BIAS, basic);
    let total = u32::try_from(input.len()).ok()?;
    while handled < total {
        let m = input.iter().copied().filter(|&c| c >= n).min()?;
        delta = delta.checked_add((m - n).checked_mul(handled + 1)?)?;
        n = m;
        for &c in &input {
            if c < n {
                delta = delta.checked_add(1)?;
            }
            if c == n {
                let mut q = delta;
                let mut k = BASE;
                loop {
                    let t = if k <= bias {
                        T_MIN
                    } else if k >= bias + T_MAX {
                        T_MAX
                    } else {
                        k - bias
                    };
                    if q < t {
                        break;
                    }
                    out.push(digit(t + (q - t) % (BASE - t)));
                    q = (q - t) / (BASE - t);
                    k += BASE;
                }
                out.push(digit(q));
                bias = adapt(delta, handled + 1, handled == basic);
                delta = 0;
                handled += 1;
            }
        }
        delta = delta.checked_add(1)?;
        n = n.checked_add(1)?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_get_their_xn_form() {
        assert_eq!(to_ascii("bücher.nl").as_deref(), Some("xn--bcher-kva.nl"));
        assert_eq!(to_ascii("Bücher.NL").as_deref(), Some("xn--bcher-kva.nl"));
        assert_eq!(to_ascii("café.be").as_deref(), Some("xn--caf-dma.be"));
        assert_eq!(to_ascii("münchen.de").as_deref(), Some("xn--mnchen-3ya.de"));
        assert_eq!(to_ascii("例え.jp").as_deref(), Some("xn--r8jz45g.jp"));
        assert_eq!(to_ascii("example.nl").as_deref(), Some("example.nl"));
    }
}
