//! Numbers with a fixed count of decimals, written as `format!("{x:.N}")` writes them, without
//! the standard library's float printer: the page's wasm renders with these (issue 18: the
//! printer and its tables are some 10 KB gzip of a page that never needs more than three
//! decimals).

/// `x` with `decimals` (0–3) digits after the point, exactly as `format!("{x:.decimals$}")`
/// writes it: the exact binary value rounded, a tie to the even last digit; `-` for a negative
/// sign (`-0.0` too), `NaN`, `inf`. Past about 10^15 the last digits may differ.
///
/// # Example
///
/// ```
/// use parallax_html::number::fixed;
/// assert_eq!(fixed(0.456, 2), "0.46");
/// assert_eq!(fixed(12.5, 0), "12");
/// assert_eq!(fixed(0.15, 1), "0.1"); // 0.15 is a little under 0.15 in binary
/// assert_eq!(fixed(87.0, 1), "87.0");
/// ```
#[must_use]
// Exact comparisons on purpose: they decide the rounding.
#[allow(clippy::float_cmp)]
pub fn fixed(x: f64, decimals: usize) -> String {
    const SCALES: [f64; 4] = [1.0, 10.0, 100.0, 1000.0];
    if x.is_nan() {
        return "NaN".to_owned();
    }
    let decimals = decimals.min(SCALES.len() - 1);
    let mut out = String::new();
    if x.is_sign_negative() {
        out.push('-');
    }
    let a = x.abs();
    if a.is_infinite() {
        out.push_str("inf");
        return out;
    }
    let scale = SCALES[decimals];
    let p = a * scale;
    let whole = p.floor();
    let half = whole + 0.5;
    // Rounding is monotonic, so the rounded product is on the same side of `half` as the exact
    // one, unless it equals `half`: then the product's rounding error decides.
    let up = if p == half {
        let error = product_error(a, scale, p);
        if error == 0.0 {
            whole % 2.0 != 0.0
        } else {
            error > 0.0
        }
    } else {
        p > half
    };
    let k = whole as u64 + u64::from(up);
    let unit = 10_u64.pow(decimals as u32);
    out.push_str(&(k / unit).to_string());
    if decimals > 0 {
        let fraction = (k % unit).to_string();
        out.push('.');
        for _ in fraction.len()..decimals {
            out.push('0');
        }
        out.push_str(&fraction);
    }
    out
}

/// `a * b - p` exactly, for `p = a * b` rounded (Dekker's product; no fused multiply-add).
fn product_error(a: f64, b: f64, p: f64) -> f64 {
    fn split(v: f64) -> (f64, f64) {
        let c = 134_217_729.0 * v;
        let hi = c - (c - v);
        (hi, v - hi)
    }
    let (ah, al) = split(a);
    let (bh, bl) = split(b);
    ((ah * bh - p) + ah * bl + al * bh) + al * bl
}

/// A plain decimal number (`0.45`, `-1`, `7.`, `.5`, an optional sign; no exponent, no `inf`
/// nor `NaN`), read without the standard library's float parser. Up to 15 significant digits
/// it is the nearest `f64`, as `str::parse` gives it.
///
/// # Example
///
/// ```
/// use parallax_html::number::parse_decimal;
/// assert_eq!(parse_decimal("0.45"), Some(0.45));
/// assert_eq!(parse_decimal("-1"), Some(-1.0));
/// assert_eq!(parse_decimal("1e3"), None);
/// assert_eq!(parse_decimal("."), None);
/// ```
#[must_use]
pub fn parse_decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.as_bytes().first()? {
        b'-' => (true, &text[1..]),
        b'+' => (false, &text[1..]),
        _ => (false, text),
    };
    let (mut mantissa, mut shift, mut seen, mut point) = (0_u64, 0_i32, false, false);
    for byte in digits.bytes() {
        match byte {
            b'.' if !point => point = true,
            b'0'..=b'9' => {
                seen = true;
                // Digits past 19 only nudge the value below what an f64 shows.
                if mantissa < 1_000_000_000_000_000_000 {
                    mantissa = mantissa * 10 + u64::from(byte - b'0');
                    shift -= i32::from(point);
                } else {
                    shift += i32::from(!point);
                }
            }
            _ => return None,
        }
    }
    if !seen {
        return None;
    }
    let value = mantissa as f64;
    let value = if shift < 0 {
        value / 10_f64.powi(-shift)
    } else {
        value * 10_f64.powi(shift)
    };
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_what_the_formatter_writes() {
        let mut values = vec![
            0.0,
            -0.0,
            0.5,
            1.5,
            2.5,
            0.125,
            0.375,
            0.15,
            0.25,
            0.35,
            0.45,
            1.005,
            2.675,
            0.0005,
            0.0015,
            0.9995,
            99.95,
            99.5,
            12.5,
            1e-9,
            123_456.789,
            -0.04,
            -2.5,
            0.05,
            0.95,
            1.0,
        ];
        // A deterministic spread, including many exact ties at every precision.
        let mut seed = 0x9E37_79B9_7F4A_7C15_u64;
        for i in 0..20_000_u32 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            values.push((seed >> 11) as f64 / (1_u64 << 53) as f64 * 200.0);
            values.push(f64::from(i) / 8.0);
            values.push(f64::from(i) / 2000.0);
            values.push(f64::from(i % 100) / 100.0 * 100.0);
        }
        for x in values {
            assert_eq!(fixed(x, 0), format!("{x:.0}"), "{x:e}");
            assert_eq!(fixed(x, 1), format!("{x:.1}"), "{x:e}");
            assert_eq!(fixed(x, 2), format!("{x:.2}"), "{x:e}");
            assert_eq!(fixed(x, 3), format!("{x:.3}"), "{x:e}");
        }
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
        assert_eq!(fixed(f64::NEG_INFINITY, 0), "-inf");
    }

    #[test]
    fn parse_decimal_reads_what_parse_reads() {
        for text in [
            "0",
            "0.4",
            "0.45",
            "0.55",
            " 0.5",
            "7",
            "-1",
            "+0.25",
            ".5",
            "5.",
            "0.05",
            "0.95",
            "0.1234567890123",
            "123456.789",
            "1e3",
            "inf",
            "NaN",
            "",
            "-",
            ".",
            "1.2.3",
            "0x1",
        ] {
            let expected = if text.contains(['e', 'n', 'N', ' ']) {
                None
            } else {
                text.parse::<f64>().ok()
            };
            assert_eq!(parse_decimal(text), expected, "{text:?}");
        }
        for hundredths in 0..=100 {
            let text = format!("{:.2}", f64::from(hundredths) / 100.0);
            assert_eq!(parse_decimal(&text), text.parse().ok(), "{text}");
        }
    }
}
