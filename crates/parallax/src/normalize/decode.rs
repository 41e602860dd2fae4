//! Decoding bytes: UTF-8, UTF-16 with a byte-order mark, or else Windows-1252; binary data refused.

use crate::error::Error;
use std::fmt;

/// A text encoding [`decode`] recognises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[non_exhaustive]
pub enum Encoding {
    /// UTF-8, with or without a byte-order mark.
    Utf8,
    /// UTF-16 little-endian, announced by the byte-order mark `FF FE`.
    Utf16Le,
    /// UTF-16 big-endian, announced by the byte-order mark `FE FF`.
    Utf16Be,
    /// Windows-1252, the fallback for bytes that are not UTF-8: every byte maps to a character
    /// (the five bytes Windows-1252 leaves undefined map to the C1 controls of the same value).
    Windows1252,
}

impl Encoding {
    /// The encoding's usual name, as a user would recognise it.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(parallax::normalize::Encoding::Windows1252.name(), "Windows-1252");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "UTF-8",
            Encoding::Utf16Le => "UTF-16LE",
            Encoding::Utf16Be => "UTF-16BE",
            Encoding::Windows1252 => "Windows-1252",
        }
    }
}

impl fmt::Display for Encoding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Text read from bytes by [`decode`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text. Every offset the engine reports for it is a byte offset into this string,
    /// not into the bytes given to [`decode`]: the two differ when a byte-order mark was
    /// removed or the encoding was not UTF-8.
    pub text: String,
    /// The encoding the bytes were read as; tell the user when it is not UTF-8.
    pub encoding: Encoding,
    /// Whether the bytes started with a byte-order mark (it is not part of `text`).
    pub bom: bool,
}

/// Reads bytes as text.
///
/// - With a UTF-8 byte-order mark: UTF-8 (the mark removed).
/// - With `FF FE` or `FE FF`: UTF-16 little- or big-endian.
/// - Valid UTF-8: taken as it is.
/// - Anything else: Windows-1252, which maps every byte. If the bytes were mostly UTF-8 after
///   all, [`clean`](fn@super::clean) repairs the resulting `â€™`-style mojibake.
///
/// Empty input is not an error: it decodes to an empty UTF-8 text.
///
/// # Errors
///
/// Refuses binary data: a decoded text with a NUL character, or with at least 8 control
/// characters (other than tab, line feed, form feed, carriage return) that make up more than
/// a tenth of its characters. [`Error::is_binary`] tells these apart.
///
/// Refuses bytes that break the encoding a byte-order mark announced, as UTF-8 without a
/// mark is refused by callers that do not want the Windows-1252 fallback: invalid UTF-8
/// after `EF BB BF`, an unpaired surrogate or an odd last byte in UTF-16. The error names
/// the offset of the first bad byte in `bytes` (the mark included); nothing is replaced.
///
/// # Example: UTF-16 with a byte-order mark and a Windows-1252 fallback
///
/// ```
/// use parallax::normalize::{decode, Encoding};
///
/// let utf16 = decode(&[0xFF, 0xFE, b'H', 0, b'i', 0]).unwrap();
/// assert_eq!((utf16.text.as_str(), utf16.encoding, utf16.bom), ("Hi", Encoding::Utf16Le, true));
///
/// let legacy = decode(b"caf\xE9 \x93quoted\x94").unwrap();
/// assert_eq!(legacy.text, "café “quoted”");
/// assert_eq!(legacy.encoding, Encoding::Windows1252);
///
/// assert!(decode(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").is_err());
///
/// let broken = decode(b"\xEF\xBB\xBFcaf\xE9").unwrap_err();
/// assert_eq!(broken.to_string(), "not valid UTF-8 (byte 6)");
/// ```
pub fn decode(bytes: &[u8]) -> Result<Decoded, Error> {
    let decoded = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        let text = std::str::from_utf8(rest)
            .map_err(|e| Error::malformed(Encoding::Utf8, 3 + e.valid_up_to()))?;
        Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            bom: true,
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        Decoded {
            text: utf16(rest, Encoding::Utf16Le)?,
            encoding: Encoding::Utf16Le,
            bom: true,
        }
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        Decoded {
            text: utf16(rest, Encoding::Utf16Be)?,
            encoding: Encoding::Utf16Be,
            bom: true,
        }
    } else if let Ok(text) = std::str::from_utf8(bytes) {
        Decoded {
            text: text.to_owned(),
            encoding: Encoding::Utf8,
            bom: false,
        }
    } else {
        let text = bytes.iter().map(|&b| windows_1252_char(b)).collect();
        Decoded {
            text,
            encoding: Encoding::Windows1252,
            bom: false,
        }
    };
    refuse_binary(&decoded.text)?;
    Ok(decoded)
}

/// UTF-16 after its two-byte mark; an unpaired surrogate or an odd last byte is an error
/// naming its offset in the whole input (the mark included).
fn utf16(bytes: &[u8], encoding: Encoding) -> Result<String, Error> {
    let unit = |pair: &[u8]| {
        let pair = [pair[0], pair[1]];
        if encoding == Encoding::Utf16Be {
            u16::from_be_bytes(pair)
        } else {
            u16::from_le_bytes(pair)
        }
    };
    let mut text = String::with_capacity(bytes.len());
    let mut units = 0;
    for c in char::decode_utf16(bytes.chunks_exact(2).map(unit)) {
        let c = c.map_err(|_| Error::malformed(encoding, 2 + 2 * units))?;
        units += c.len_utf16();
        text.push(c);
    }
    if bytes.len() % 2 == 1 {
        return Err(Error::malformed(encoding, 2 + bytes.len() - 1));
    }
    Ok(text)
}

fn refuse_binary(text: &str) -> Result<(), Error> {
    let mut controls = 0;
    let mut chars = 0;
    for (offset, c) in text.char_indices() {
        if c == '\0' {
            return Err(Error::nul(offset));
        }
        chars += 1;
        controls += usize::from(c.is_control() && !matches!(c, '\t' | '\n' | '\x0C' | '\r'));
    }
    if controls >= 8 && controls * 10 > chars {
        return Err(Error::controls(controls, chars));
    }
    Ok(())
}

/// Windows-1252's characters for the bytes 0x80..=0x9F; undefined bytes keep their C1 control.
const WINDOWS_1252_HIGH: [char; 32] = [
    '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}', '\u{2021}',
    '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}', '\u{8F}',
    '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}', '\u{2014}',
    '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}', '\u{178}',
];

fn windows_1252_char(byte: u8) -> char {
    match byte {
        0x80..=0x9F => WINDOWS_1252_HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

/// The byte Windows-1252 (or Latin-1, for U+0080..U+009F) decodes to `c`, if any.
pub(super) fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0x80..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&x| x == c)
            .map(|i| 0x80 + i as u8),
    }
}
