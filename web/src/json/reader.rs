//! A small pull parser over JSON text: objects and arrays walked through `dyn` callbacks (so
//! each is compiled once), strings borrowed unless escaped, numbers checked against the grammar.

use super::{Error, Result};
use parallax::report::TextRange;
use std::borrow::Cow;

/// A position in a JSON text.
pub(super) struct Reader<'a> {
    pub(super) text: &'a str,
    pub(super) at: usize,
}

impl<'a> Reader<'a> {
    pub(super) fn error(&self, expected: &'static str) -> Error {
        Error {
            expected,
            at: self.at,
        }
    }

    /// The next byte that is not white space, not consumed.
    pub(super) fn peek(&mut self) -> Option<u8> {
        let bytes = self.text.as_bytes();
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = bytes.get(self.at) {
            self.at += 1;
        }
        bytes.get(self.at).copied()
    }

    /// Consumes `byte` (after white space), or fails.
    pub(super) fn eat(&mut self, byte: u8, expected: &'static str) -> Result<()> {
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.error(expected))
        }
    }

    /// Consumes the word `word` if it comes next.
    pub(super) fn word(&mut self, word: &str) -> bool {
        self.peek();
        let found = self.text[self.at..].starts_with(word);
        if found {
            self.at += word.len();
        }
        found
    }

    /// Consumes `null` if it comes next.
    pub(super) fn null(&mut self) -> bool {
        self.word("null")
    }

    /// An object: `field` reads the value of each key (or skips it).
    pub(super) fn object(
        &mut self,
        field: &mut dyn FnMut(&mut Self, &str) -> Result<()>,
    ) -> Result<()> {
        self.eat(b'{', "an object")?;
        if self.peek() == Some(b'}') {
            self.at += 1;
            return Ok(());
        }
        loop {
            let key = self.string()?;
            self.eat(b':', "':'")?;
            field(self, &key)?;
            if self.peek() == Some(b',') {
                self.at += 1;
            } else {
                return self.eat(b'}', "',' or '}'");
            }
        }
    }

    /// An array: `item` reads each element.
    pub(super) fn array(&mut self, item: &mut dyn FnMut(&mut Self) -> Result<()>) -> Result<()> {
        self.eat(b'[', "an array")?;
        if self.peek() == Some(b']') {
            self.at += 1;
            return Ok(());
        }
        loop {
            item(self)?;
            if self.peek() == Some(b',') {
                self.at += 1;
            } else {
                return self.eat(b']', "',' or ']'");
            }
        }
    }

    /// An array of values each read by `read`.
    pub(super) fn list<T>(&mut self, read: fn(&mut Self) -> Result<T>) -> Result<Vec<T>> {
        let mut list = Vec::new();
        self.array(&mut |r| {
            list.push(read(r)?);
            Ok(())
        })?;
        Ok(list)
    }

    /// A string, unescaped (borrowed when it has no escapes).
    pub(super) fn string(&mut self) -> Result<Cow<'a, str>> {
        self.eat(b'"', "a string")?;
        let text = self.text;
        let bytes = text.as_bytes();
        let start = self.at;
        let mut owned: Option<String> = None;
        let mut from = start;
        loop {
            match bytes.get(self.at) {
                None => return Err(self.error("'\"'")),
                Some(b'"') => break,
                Some(b'\\') => {
                    let out = owned.get_or_insert_with(String::new);
                    out.push_str(&text[from..self.at]);
                    let escape = bytes.get(self.at + 1).copied();
                    self.at += 2;
                    out.push(match escape {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode_escape()?,
                        _ => return Err(self.error("an escape")),
                    });
                    from = self.at;
                }
                Some(0..=0x1f) => return Err(self.error("no control character")),
                Some(_) => self.at += 1,
            }
        }
        let tail = &text[from..self.at];
        self.at += 1;
        Ok(match owned {
            Some(mut out) => {
                out.push_str(tail);
                Cow::Owned(out)
            }
            None => Cow::Borrowed(tail),
        })
    }

    /// The character of a `\u` escape whose four hex digits come next (a surrogate pair is
    /// two escapes).
    pub(super) fn unicode_escape(&mut self) -> Result<char> {
        let high = self.hex4()?;
        let code = if (0xd800..0xdc00).contains(&high) {
            if !self.text[self.at..].starts_with("\\u") {
                return Err(self.error("a low surrogate"));
            }
            self.at += 2;
            let low = self.hex4()?;
            if !(0xdc00..0xe000).contains(&low) {
                return Err(self.error("a low surrogate"));
            }
            0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00)
        } else {
            high
        };
        char::from_u32(code).ok_or_else(|| self.error("a character"))
    }

    pub(super) fn hex4(&mut self) -> Result<u32> {
        let digits = self
            .text
            .get(self.at..self.at + 4)
            .ok_or_else(|| self.error("four hex digits"))?;
        let value = u32::from_str_radix(digits, 16).map_err(|_| self.error("four hex digits"))?;
        self.at += 4;
        Ok(value)
    }

    /// The text of a number, checked against JSON's grammar.
    pub(super) fn number_text(&mut self) -> Result<&'a str> {
        self.peek();
        let bytes = self.text.as_bytes();
        let start = self.at;
        let digits = |at: &mut usize| {
            let from = *at;
            while bytes.get(*at).is_some_and(u8::is_ascii_digit) {
                *at += 1;
            }
            *at > from
        };
        let mut at = start;
        if bytes.get(at) == Some(&b'-') {
            at += 1;
        }
        let mut ok = digits(&mut at);
        if bytes.get(at) == Some(&b'.') {
            at += 1;
            ok &= digits(&mut at);
        }
        if let Some(b'e' | b'E') = bytes.get(at) {
            at += 1;
            if let Some(b'+' | b'-') = bytes.get(at) {
                at += 1;
            }
            ok &= digits(&mut at);
        }
        if !ok {
            return Err(self.error("a number"));
        }
        self.at = at;
        Ok(&self.text[start..at])
    }

    /// A non-negative integer.
    pub(super) fn usize(&mut self) -> Result<usize> {
        let at = self.at;
        let text = self.number_text()?;
        text.parse().map_err(|_| Error {
            expected: "a non-negative integer",
            at,
        })
    }

    /// Any number.
    pub(super) fn f64(&mut self) -> Result<f64> {
        let text = self.number_text()?;
        Ok(parse_f64(text))
    }

    pub(super) fn bool(&mut self) -> Result<bool> {
        if self.word("true") {
            Ok(true)
        } else if self.word("false") {
            Ok(false)
        } else {
            Err(self.error("true or false"))
        }
    }

    /// Skips any value.
    pub(super) fn skip(&mut self) -> Result<()> {
        match self.peek() {
            Some(b'{') => self.object(&mut |r, _| r.skip()),
            Some(b'[') => self.array(&mut Self::skip),
            Some(b'"') => self.string().map(drop),
            _ if self.null() || self.word("true") || self.word("false") => Ok(()),
            _ => self.number_text().map(drop),
        }
    }

    pub(super) fn range(&mut self) -> Result<TextRange> {
        let mut range = [0; 2];
        let mut len = 0;
        self.array(&mut |r| {
            let n = r.usize()?;
            *range.get_mut(len).ok_or_else(|| r.error("two numbers"))? = n;
            len += 1;
            Ok(())
        })?;
        if len == 2 {
            Ok(range)
        } else {
            Err(self.error("two numbers"))
        }
    }

    /// A range or `null`.
    pub(super) fn option_range(&mut self) -> Result<Option<TextRange>> {
        if self.null() {
            Ok(None)
        } else {
            self.range().map(Some)
        }
    }

    /// A list of non-negative integers.
    pub(super) fn indices(&mut self) -> Result<Vec<usize>> {
        self.list(Self::usize)
    }

    /// A string that names one of `names`: its position.
    pub(super) fn name(&mut self, names: &[&str]) -> Result<usize> {
        let name = self.string()?;
        names
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| self.error("a known name"))
    }
}

/// A JSON number's value (its text already checked against the grammar).
///
/// A plain decimal of up to 15 digits ("0.993": the scores and shares) is worked out here,
/// exactly: digits and power of ten are both exact doubles, and one division rounds correctly.
/// Anything else goes to the browser's `parseFloat` in the page (correctly rounded, as
/// `JSON.stringify` wrote the number shortest round-trip), to the standard parser natively;
/// each `parseFloat` is a call across to JavaScript, which cost 12 ms on the two thousand
/// numbers of a 25k-word report (issue 18).
pub(super) fn parse_f64(text: &str) -> f64 {
    plain_decimal(text).unwrap_or_else(|| parse_float(text))
}

/// Powers of ten that are exact doubles, up to the most digits [`plain_decimal`] takes.
const POWERS_OF_TEN: [f64; 16] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
];

/// The value of `-?digits(.digits)?` with at most 15 digits, or `None` for anything else.
fn plain_decimal(text: &str) -> Option<f64> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = unsigned.split_once('.').unwrap_or((unsigned, ""));
    let digits = whole.len() + fraction.len();
    if digits == 0 || digits >= POWERS_OF_TEN.len() {
        return None;
    }
    let mut mantissa: u64 = 0;
    for byte in whole.bytes().chain(fraction.bytes()) {
        if !byte.is_ascii_digit() {
            return None;
        }
        mantissa = mantissa * 10 + u64::from(byte - b'0');
    }
    // Below 10^15, so exact as a double.
    #[allow(clippy::cast_precision_loss)]
    let value = mantissa as f64 / POWERS_OF_TEN.get(fraction.len())?;
    Some(if negative { -value } else { value })
}

#[cfg(target_arch = "wasm32")]
fn parse_float(text: &str) -> f64 {
    js_sys::parse_float(text)
}

#[cfg(not(target_arch = "wasm32"))]
fn parse_float(text: &str) -> f64 {
    text.parse().unwrap_or(f64::NAN)
}

#[cfg(test)]
mod tests {
    use super::{parse_f64, plain_decimal};

    #[test]
    fn plain_decimals_and_the_rest() {
        // text → worked out here (Some) or left to the full parser (None)
        let table = [
            ("0.993", Some(0.993)),
            ("-0.5", Some(-0.5)),
            ("12", Some(12.0)),
            ("0.8145881252192", Some(0.814_588_125_219_2)),
            ("0.8145881252192897", None),
            ("1e-7", None),
            ("2.5E3", None),
            ("", None),
            ("-", None),
        ];
        for (text, want) in table {
            assert_eq!(
                plain_decimal(text).map(f64::to_bits),
                want.map(f64::to_bits),
                "{text}"
            );
        }
        assert_eq!(
            parse_f64("0.8145881252192897").to_bits(),
            0.814_588_125_219_289_7_f64.to_bits()
        );
        assert_eq!(parse_f64("-0").to_bits(), (-0.0_f64).to_bits());
    }

    #[test]
    fn the_fast_path_agrees_with_the_standard_parser() {
        // Decimals of every width the fast path takes, digits spread by a fixed sequence.
        let mut digits: u64 = 1;
        for whole in [0_u64, 1, 7, 42, 99_999] {
            for width in 1..=10_usize {
                for _ in 0..200 {
                    digits = digits
                        .wrapping_mul(6_364_136_223_846_793_005)
                        .wrapping_add(1);
                    let fraction = (digits >> 20) % 10_u64.pow(width as u32);
                    let text = format!("{whole}.{fraction:0width$}");
                    let want: f64 = text.parse().unwrap();
                    assert_eq!(parse_f64(&text).to_bits(), want.to_bits(), "{text}");
                }
            }
        }
    }
}
