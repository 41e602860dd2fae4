//! Decode bytes, clean text for display with a map back to the original, fold text for matching.
//!
//! This is the first stage of the pipeline and has three jobs:
//!
//! - [`decode`] reads raw bytes (a file, a drop, standard input): UTF-8, UTF-16 with a
//!   byte-order mark, or else Windows-1252, and refuses binary data and bytes that break the
//!   encoding their byte-order mark announces.
//! - [`clean`] repairs what went wrong before the text reached us and keeps a map from every
//!   byte of the cleaned text back to the original, so the report can still point into the
//!   reader's own text ([`Cleaned::to_original`]). It
//!   - repairs *mojibake*: UTF-8 that somebody decoded as GBK (`鈥檚` for `’s`) or as
//!     Windows-1252 (`â€™` for `’`), also twice over (`Ã¢â‚¬â„¢`);
//!   - removes invisible characters: soft hyphens (U+00AD), zero-width spaces (U+200B), word
//!     joiners (U+2060) and byte-order marks (U+FEFF); zero-width (non-)joiners (U+200C,
//!     U+200D) only where they do not join two non-ASCII characters (Persian, Indic scripts
//!     and emoji need them); bidirectional controls: the embeddings and overrides
//!     U+202A..U+202E, the isolates U+2066..U+2069 and the marks U+200E, U+200F and U+061C,
//!     which could reorder what a reader sees;
//!   - turns no-break and other Unicode spaces (U+00A0, U+1680, U+2000..U+200A, U+202F,
//!     U+205F) into a plain space, and line and paragraph separators (U+2028, U+2029) into a
//!     line feed. The ideographic space U+3000 is kept: it is ordinary CJK typography.
//!
//!   Everything else is kept as it is, line feeds included, so clean text in any language
//!   comes out unchanged. [`is_blank`] tells whether anything visible is left.
//! - [`fold`] maps typographic variants to one form for matching words: lowercase, plain
//!   quotes and hyphens, no ligatures, no fullwidth forms.
//!
//! # How mojibake is found
//!
//! A *run* is a stretch of characters that a legacy decoder can have produced: for GBK the
//! characters of its double-byte table, for Windows-1252 its 128 upper characters. The run is
//! encoded back to the legacy bytes, and the longest prefix that is valid UTF-8 and ends on a
//! character boundary becomes a candidate repair. A candidate is taken only when the result is
//! clearly better:
//!
//! - it has no control, private-use, replacement or (for GBK) CJK characters;
//! - for GBK, the surrounding line is Latin text (it has ASCII letters, four times as many
//!   as CJK characters outside the candidate, not counting `鈥`-like heads of UTF-8
//!   punctuation), the nearest letters on both sides are not CJK (mojibake on the right is
//!   read as what it decodes to), and the result has punctuation or a symbol, or letters that
//!   touch an ASCII letter or digit (`小hurch` → `Сhurch`), or three or more letters; a
//!   result of one character must touch an ASCII letter or digit (`25掳C` → `25°C`);
//! - for Windows-1252, the result is punctuation or a symbol, a common Latin letter (`Ã©` →
//!   `é`), a rarer Latin letter touching a Latin word, or two or more letters of another
//!   script (`Ð¿Ñ€Ð¸` → `при`); a result is itself the first layer of a double encoding; a
//!   character spelled only with punctuation that real text puts after an accented letter
//!   (`IRMÃ–`, `CAFÉ”`, `LÂ»`, `é’”`) needs a letter after it (letters) or no letter before
//!   it (symbols), and a three-byte one is never taken.
//!
//! When a GBK decoder met the third byte of `E2 80 xx` (quotes, dashes, the ellipsis) right
//! before a space, a digit or punctuation, that byte was lost (`鈥 `). It is guessed from the
//! context: between letters an apostrophe, between spaces an em dash, after a space an opening
//! quote, otherwise a closing quote when a quote is open on the line (or after `,.;:!?`), else
//! an apostrophe. A lost byte after `E2 82` is taken as the euro sign, after `E2 84` as the
//! trade mark sign. A U+FFFD right after such a sequence is taken as the lost byte. After
//! Windows-1252 only `E2 80` can lose its byte (0x9D and 0x90 are undefined there): a closing
//! quote, or a hyphen between letters.
//!
//! # Example: repair, remove, map back
//!
//! ```
//! use parallax::normalize::clean;
//!
//! // "Kim鈥檚 鈥渇riend\u{AD}ship,鈥 he said.": UTF-8 read as GBK, and a soft hyphen.
//! let original = "Kim\u{9225}\u{6a9a} \u{9225}\u{6e07}riend\u{AD}ship,\u{9225} he said.";
//! let cleaned = clean(original);
//! assert_eq!(cleaned.text, "Kim\u{2019}s \u{201C}friendship,\u{201D} he said.");
//!
//! // "friendship" in the cleaned text is "渇riend\u{AD}ship" in the original: the GBK
//! // character that swallowed the "f" of the word, and the soft hyphen inside it.
//! let start = cleaned.text.find("friendship").unwrap();
//! let range = cleaned.to_original(start..start + "friendship".len());
//! assert_eq!(&original[range], "\u{6e07}riend\u{AD}ship");
//! ```

use crate::error::Error;
use std::fmt;
use std::ops::Range;
use std::sync::OnceLock;

mod gbk_table;

// ---------------------------------------------------------------------------------------------
// Decoding bytes

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
///   all, [`clean`] repairs the resulting `â€™`-style mojibake.
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
fn windows_1252_byte(c: char) -> Option<u8> {
    match u32::from(c) {
        0x80..=0xFF => u8::try_from(u32::from(c)).ok(),
        _ => WINDOWS_1252_HIGH
            .iter()
            .position(|&x| x == c)
            .map(|i| 0x80 + i as u8),
    }
}

// ---------------------------------------------------------------------------------------------
// Cleaning with an offset map

/// What kind of change [`clean`] made to a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum ChangeKind {
    /// An invisible character was removed (soft hyphen, zero-width character, byte-order mark).
    Invisible,
    /// A no-break or other Unicode space became a plain space.
    Space,
    /// A Unicode line or paragraph separator became a line feed.
    LineBreak,
    /// Mojibake was repaired.
    Mojibake,
}

/// One stretch that [`clean`] changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What was done.
    pub kind: ChangeKind,
    /// Byte range in the original text.
    pub original: Range<usize>,
    /// Byte range in the cleaned text (empty for a removal).
    pub cleaned: Range<usize>,
}

/// A cleaned text and the map from its bytes back to the original text; made by [`clean`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The cleaned text.
    pub text: String,
    /// Pieces that tile both texts in order; see [`Piece`].
    pieces: Vec<Piece>,
    original_len: usize,
}

/// A stretch of the cleaned text and the stretch of the original it came from.
///
/// Pieces tile both texts in order. An identity piece (`kind` is `None`) is the same text on
/// both sides and maps byte for byte; any other piece maps as a whole. A removal is a piece
/// with an empty cleaned range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    clean: Range<usize>,
    original: Range<usize>,
    kind: Option<ChangeKind>,
}

impl Cleaned {
    fn identity(text: &str) -> Self {
        let pieces = if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece {
                clean: 0..text.len(),
                original: 0..text.len(),
                kind: None,
            }]
        };
        Self {
            text: text.to_owned(),
            pieces,
            original_len: text.len(),
        }
    }

    /// Maps a byte range of the cleaned text to the range of the original text it came from.
    ///
    /// The result always lies on character boundaries of the original. A character that
    /// [`clean`] made from several original characters maps to all of them; several
    /// characters made from one original stretch all map to that whole stretch. Removed
    /// characters are included when they sit inside the range and left out at its edges.
    /// An empty range maps to an empty range. Out-of-bounds or mid-character offsets are
    /// clamped and widened to whole characters, so this never panics.
    ///
    /// # Example: a repaired quote maps to its mojibake
    ///
    /// ```
    /// let original = "a \u{9225} b"; // "鈥" is what is left of a GBK-decoded em dash
    /// let cleaned = parallax::normalize::clean(original);
    /// assert_eq!(cleaned.text, "a \u{2014} b");
    /// assert_eq!(cleaned.to_original(2..5), 2..5);
    /// assert_eq!(cleaned.to_original(0..cleaned.text.len()), 0..original.len());
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        map_range(&self.text, &self.pieces, self.original_len, range)
    }

    /// The stretches that were changed, in order.
    ///
    /// # Example: one removal, one repair
    ///
    /// ```
    /// use parallax::normalize::{clean, ChangeKind};
    /// let cleaned = clean("co\u{AD}operate, caf\u{C3}\u{A9}");
    /// let kinds: Vec<ChangeKind> = cleaned.changes().map(|c| c.kind).collect();
    /// assert_eq!(kinds, [ChangeKind::Invisible, ChangeKind::Mojibake]);
    /// assert_eq!(cleaned.text, "cooperate, café");
    /// ```
    pub fn changes(&self) -> impl Iterator<Item = Change> + '_ {
        self.pieces.iter().filter_map(|p| {
            p.kind.map(|kind| Change {
                kind,
                original: p.original.clone(),
                cleaned: p.clean.clone(),
            })
        })
    }

    /// Whether the cleaned text is the original text, unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(parallax::normalize::clean("Plain text, “typographic” – fine.").is_unchanged());
    /// ```
    pub fn is_unchanged(&self) -> bool {
        self.pieces.iter().all(|p| p.kind.is_none())
    }

    /// Applies `edits` (sorted, not overlapping, on character boundaries of `self.text`) and
    /// composes the maps, so the result still maps to the original text.
    fn apply(&self, edits: &[Edit]) -> Cleaned {
        let mut out = Builder {
            text: String::with_capacity(self.text.len()),
            pieces: Vec::new(),
        };
        let mut pos = 0;
        for edit in edits {
            self.copy_into(pos..edit.range.start, &mut out);
            let mut at = edit.range.start;
            for group in &edit.groups {
                let end = (at + group.len).min(edit.range.end);
                let original = self.to_original(at..end);
                let kind = self
                    .kind_in(at..end)
                    .map_or(edit.kind, |k| k.max(edit.kind));
                out.replace(&group.text, original, kind);
                at = end;
            }
            pos = edit.range.end;
        }
        self.copy_into(pos..self.text.len(), &mut out);
        Cleaned {
            text: out.text,
            pieces: out.pieces,
            original_len: self.original_len,
        }
    }

    /// Copies `self.text[range]` with its mapping.
    fn copy_into(&self, range: Range<usize>, out: &mut Builder) {
        let first = self.pieces.partition_point(|p| p.clean.end <= range.start);
        for p in self.pieces.get(first..).unwrap_or_default() {
            if p.clean.start >= range.end {
                break;
            }
            let start = p.clean.start.max(range.start);
            let end = p.clean.end.min(range.end);
            let text = self.text.get(start..end).unwrap_or_default();
            match p.kind {
                None => out.keep(text, p.original.start + (start - p.clean.start)),
                Some(kind) => out.replace(text, p.original.clone(), kind),
            }
        }
    }

    /// The strongest change kind among the pieces overlapping `range`.
    fn kind_in(&self, range: Range<usize>) -> Option<ChangeKind> {
        let first = self.pieces.partition_point(|p| p.clean.end <= range.start);
        self.pieces
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|p| p.clean.start < range.end)
            .filter_map(|p| p.kind)
            .max()
    }
}

fn map_range(
    text: &str,
    pieces: &[Piece],
    original_len: usize,
    range: Range<usize>,
) -> Range<usize> {
    let start = floor_boundary(text, range.start);
    let end = ceil_boundary(text, range.end).max(start);
    let original_start = map_start(pieces, original_len, start);
    if start == end {
        return original_start..original_start;
    }
    original_start..map_end(pieces, original_len, end).max(original_start)
}

/// Where the cleaned byte `at` starts in the original.
fn map_start(pieces: &[Piece], original_len: usize, at: usize) -> usize {
    let i = pieces.partition_point(|p| p.clean.end <= at);
    match pieces.get(i) {
        Some(p) if p.kind.is_none() => p.original.start + at.saturating_sub(p.clean.start),
        Some(p) => p.original.start,
        None => original_len,
    }
}

/// Where the cleaned byte before `at` ends in the original (`at > 0`).
fn map_end(pieces: &[Piece], original_len: usize, at: usize) -> usize {
    let i = pieces.partition_point(|p| p.clean.end < at);
    match pieces.get(i) {
        Some(p) if p.kind.is_none() => {
            (p.original.start + at.saturating_sub(p.clean.start)).min(p.original.end)
        }
        Some(p) => p.original.end,
        None => original_len,
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Builds a cleaned text and its pieces.
struct Builder {
    text: String,
    pieces: Vec<Piece>,
}

impl Builder {
    fn keep(&mut self, text: &str, original_start: usize) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        if let Some(last) = self.pieces.last_mut() {
            if last.kind.is_none() && last.clean.end == start && last.original.end == original_start
            {
                last.clean.end = self.text.len();
                last.original.end = original_start + text.len();
                return;
            }
        }
        let original = original_start..original_start + text.len();
        self.pieces.push(Piece {
            clean: start..self.text.len(),
            original,
            kind: None,
        });
    }

    fn replace(&mut self, text: &str, original: Range<usize>, kind: ChangeKind) {
        let start = self.text.len();
        self.text.push_str(text);
        if let Some(last) = self.pieces.last_mut() {
            // Two outputs from one earlier piece: keep them together so pieces never overlap.
            if original.start < last.original.end {
                last.clean.end = self.text.len();
                last.original.end = last.original.end.max(original.end);
                last.kind = Some(last.kind.map_or(kind, |k| k.max(kind)));
                return;
            }
        }
        self.pieces.push(Piece {
            clean: start..self.text.len(),
            original,
            kind: Some(kind),
        });
    }
}

/// A change to `range` of a text: `groups` tile the range in order; each replaces `len` bytes
/// with `text`.
struct Edit {
    range: Range<usize>,
    groups: Vec<Group>,
    kind: ChangeKind,
}

struct Group {
    text: String,
    len: usize,
}

impl Edit {
    fn single(at: usize, c: char, text: &str, kind: ChangeKind) -> Self {
        let len = c.len_utf8();
        Edit {
            range: at..at + len,
            groups: vec![Group {
                text: text.to_owned(),
                len,
            }],
            kind,
        }
    }
}

/// How many times mojibake repair runs over its own output (for double encodings).
const REPAIR_PASSES: usize = 3;

/// Cleans `original` for display and matching; see the [module docs](self) for what changes.
///
/// Never panics. Clean text, in any language and script, comes out unchanged except for the
/// invisible characters and odd spaces listed in the module docs.
///
/// # Example: GBK and Windows-1252 mojibake, a no-break space
///
/// ```
/// use parallax::normalize::clean;
/// assert_eq!(clean("the \u{5C0F}hurch").text, "the \u{421}hurch"); // 小hurch: Cyrillic С
/// assert_eq!(clean("It\u{E2}\u{20AC}\u{2122}s 10\u{A0}km").text, "It\u{2019}s 10 km"); // Itâ€™s
/// assert_eq!(clean("北京今天下雨。").text, "北京今天下雨。");
/// ```
pub fn clean(original: &str) -> Cleaned {
    let mut cleaned = Cleaned::identity(original);
    if original.is_ascii() {
        return cleaned;
    }
    for _ in 0..REPAIR_PASSES {
        let edits = repair_edits(&cleaned.text);
        if edits.is_empty() {
            break;
        }
        cleaned = cleaned.apply(&edits);
    }
    let edits = tidy_edits(&cleaned.text);
    if !edits.is_empty() {
        cleaned = cleaned.apply(&edits);
    }
    cleaned
}

/// Whether `c` is a bidirectional formatting character: an embedding or override
/// (U+202A..U+202E), an isolate (U+2066..U+2069) or a directional mark (U+200E, U+200F,
/// U+061C). [`clean`] removes them all, so no report can reorder what a reader sees.
///
/// # Example
///
/// ```
/// use parallax::normalize::{clean, is_bidi_control};
/// assert!(is_bidi_control('\u{202E}'));
/// assert!(!is_bidi_control('\u{5D0}')); // a Hebrew letter is written right to left by itself
/// assert_eq!(clean("a \u{202E}txt.exe\u{202C} b").text, "a txt.exe b");
/// ```
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{61C}'
    )
}

/// Whether `text` has nothing to show: after [`clean`] only white space and control
/// characters are left. The command line and the page refuse such an article as empty, the
/// same whether it is plain white space or made of no-break spaces, ideographic spaces,
/// zero-width spaces, soft hyphens or bidi marks.
///
/// # Example
///
/// ```
/// use parallax::normalize::is_blank;
/// assert!(is_blank(" \n\t"));
/// assert!(is_blank("\u{A0}\u{3000}\u{200B}\u{AD}\u{200F}\u{FEFF}"));
/// assert!(!is_blank("\u{A0}Rain\u{200B}"));
/// assert!(!is_blank("東京"));
/// ```
pub fn is_blank(text: &str) -> bool {
    let blank = |t: &str| t.chars().all(|c| c.is_whitespace() || c.is_control());
    // Cleaning keeps every printable ASCII character, so those need no cleaning to decide.
    if text.bytes().any(|b| b.is_ascii_graphic()) {
        return false;
    }
    blank(text) || blank(&clean(text).text)
}

/// Removals and space replacements.
fn tidy_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let joins = |side: Option<char>| side.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
        let edit = match c {
            '\u{AD}' | '\u{200B}' | '\u{2060}' | '\u{FEFF}' => Some(("", ChangeKind::Invisible)),
            c if is_bidi_control(c) => Some(("", ChangeKind::Invisible)),
            '\u{200C}' | '\u{200D}' if !(joins(prev) && joins(next)) => {
                Some(("", ChangeKind::Invisible))
            }
            '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                Some((" ", ChangeKind::Space))
            }
            '\u{2028}' | '\u{2029}' => Some(("\n", ChangeKind::LineBreak)),
            _ => None,
        };
        if let Some((replacement, kind)) = edit {
            edits.push(Edit::single(at, c, replacement, kind));
        }
        prev = Some(c);
    }
    edits
}

// ---------------------------------------------------------------------------------------------
// Mojibake repair

/// A legacy decoder that may have been applied to UTF-8 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Codec {
    Gbk,
    Windows1252,
}

impl Codec {
    /// The bytes the codec decodes to `c`: `(bytes, count)`.
    fn bytes(self, c: char) -> Option<([u8; 2], usize)> {
        match self {
            Codec::Gbk if c == '\u{20AC}' => Some(([0x80, 0], 1)),
            Codec::Gbk => gbk_code(c).map(|code| (code.to_be_bytes(), 2)),
            Codec::Windows1252 => windows_1252_byte(c).map(|b| ([b, 0], 1)),
        }
    }
}

/// Longest scan of one candidate run, in legacy bytes.
const MAX_RUN_BYTES: usize = 96;

/// How far (in characters) to look right of a GBK candidate for the nearest letter.
const CONTEXT_CHARS: usize = 32;

/// What the scan has seen so far on the current line (after repairs).
#[derive(Default)]
struct Scan {
    prev: Option<char>,
    last_significant: Option<char>,
    open_quote: bool,
}

impl Scan {
    fn see(&mut self, c: char) {
        match c {
            '\n' => {
                self.last_significant = None;
                self.open_quote = false;
            }
            '\u{201C}' => self.open_quote = true,
            '\u{201D}' => self.open_quote = false,
            _ if significant(c) => self.last_significant = Some(c),
            _ => {}
        }
        self.prev = Some(c);
    }
}

/// Per-line counts for the GBK context rule, built on first use.
struct Lines {
    /// Line index of every character.
    line_of: Vec<u32>,
    /// `(ASCII letters, CJK characters other than punctuation heads)` per line.
    counts: Vec<(usize, usize)>,
}

impl Lines {
    fn new(chars: &[(usize, char)]) -> Self {
        let mut line_of = Vec::with_capacity(chars.len());
        let mut counts = vec![(0, 0)];
        for &(_, c) in chars {
            line_of.push((counts.len() - 1) as u32);
            if let Some(last) = counts.last_mut() {
                last.0 += usize::from(c.is_ascii_alphabetic());
                last.1 += usize::from(is_cjk(c) && !is_punctuation_head(c));
            }
            if c == '\n' {
                counts.push((0, 0));
            }
        }
        Self { line_of, counts }
    }

    /// `(ASCII letters, CJK characters)` of the line of character `i`.
    fn counts_around(&self, i: usize) -> (usize, usize) {
        let line = self.line_of.get(i).map_or(0, |&l| l as usize);
        self.counts.get(line).copied().unwrap_or_default()
    }
}

/// One accepted repair.
struct Repair {
    edit: Edit,
    /// Character index just past the repaired stretch.
    end: usize,
}

fn repair_edits(text: &str) -> Vec<Edit> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut lines = None;
    let mut scan = Scan::default();
    let mut edits = Vec::new();
    let mut i = 0;
    while let Some(&(_, c)) = chars.get(i) {
        if !c.is_ascii() {
            let found = [Codec::Gbk, Codec::Windows1252]
                .into_iter()
                .find_map(|codec| attempt(codec, text, &chars, i, &scan, &mut lines));
            if let Some(repair) = found {
                for group in &repair.edit.groups {
                    group.text.chars().for_each(|c| scan.see(c));
                }
                i = repair.end;
                edits.push(repair.edit);
                continue;
            }
        }
        scan.see(c);
        i += 1;
    }
    edits
}

/// A run of `codec` characters read back as UTF-8, before any judgement.
struct Decoding {
    /// The UTF-8 text, without a lost third byte.
    output: String,
    /// How many characters of the run it uses.
    count: usize,
    /// Where each of those characters starts in the legacy bytes, and where the last ends.
    bounds: Vec<usize>,
    /// The second byte of a final `E2 xx` whose third byte was lost.
    lost_after: Option<u8>,
}

/// A run of `codec` characters encoded back to legacy bytes, lazily: characters are encoded
/// only as far as the UTF-8 reading needs them.
struct Run<'a> {
    codec: Codec,
    chars: &'a [(usize, char)],
    next: usize,
    bytes: Vec<u8>,
    /// Where each encoded character starts, and where the last one ends.
    bounds: Vec<usize>,
}

impl Run<'_> {
    /// The byte at `pos`, encoding more characters if needed; `None` past the run's end.
    fn byte(&mut self, pos: usize) -> Option<u8> {
        while self.bytes.len() <= pos {
            if self.bytes.len() >= MAX_RUN_BYTES {
                return None;
            }
            let &(_, c) = self.chars.get(self.next)?;
            let (bytes, count) = self.codec.bytes(c)?;
            self.bytes.extend_from_slice(bytes.get(..count)?);
            self.bounds.push(self.bytes.len());
            self.next += 1;
        }
        self.bytes.get(pos).copied()
    }

    fn is_bound(&self, pos: usize) -> bool {
        self.bounds.binary_search(&pos).is_ok()
    }
}

/// Encodes the run of `codec` characters at character `i` back to legacy bytes and reads the
/// longest valid UTF-8 prefix that ends on a character boundary.
fn decode_run(codec: Codec, chars: &[(usize, char)], i: usize) -> Option<Decoding> {
    let mut run = Run {
        codec,
        chars: chars.get(i..)?,
        next: 0,
        bytes: Vec::new(),
        bounds: vec![0],
    };
    if utf8_width(run.byte(0)?) < 2 {
        return None;
    }
    let (end_byte, lost_after) = valid_prefix(&mut run)?;
    let count = run.bounds.binary_search(&end_byte).ok()?;
    let decoded_len = if lost_after.is_some() {
        end_byte - 2
    } else {
        end_byte
    };
    let output = std::str::from_utf8(run.bytes.get(..decoded_len)?)
        .ok()?
        .to_owned();
    let mut bounds = run.bounds;
    bounds.truncate(count + 1);
    Some(Decoding {
        output,
        count,
        bounds,
        lost_after,
    })
}

/// Tries to repair the run of `codec` characters starting at character `i`.
fn attempt(
    codec: Codec,
    text: &str,
    chars: &[(usize, char)],
    i: usize,
    scan: &Scan,
    lines: &mut Option<Lines>,
) -> Option<Repair> {
    if codec == Codec::Gbk {
        // GBK repairs need ASCII letters on the line; most Chinese lines have none.
        let lines = lines.get_or_insert_with(|| Lines::new(chars));
        if lines.counts_around(i).0 == 0 {
            return None;
        }
    }
    let Decoding {
        mut output,
        count,
        bounds,
        lost_after,
    } = decode_run(codec, chars, i)?;
    let lost = lost_after.is_some();
    let mut stop = i + count;
    if lost
        && chars
            .get(stop)
            .is_some_and(|&(_, c)| c == char::REPLACEMENT_CHARACTER)
    {
        stop += 1;
    }
    let prev = scan.prev;
    let next = chars.get(stop).map(|&(_, c)| c);
    if let Some(second) = lost_after {
        output.push(guess_lost(codec, second, prev, next, scan.open_quote));
    }

    let stretch = chars.get(i..i + count).unwrap_or_default();
    let accepted = match codec {
        Codec::Gbk => {
            latin_line(i, stretch, lines.get_or_insert_with(|| Lines::new(chars)))
                && gbk_result(&output, lost, prev, next)
                && !scan.last_significant.is_some_and(is_cjk)
                && !right_significant(chars, stop).is_some_and(is_cjk)
        }
        Codec::Windows1252 => windows_1252_result(&output, lost, prev, next, stretch),
    };
    if !accepted {
        return None;
    }

    let start = stretch.first().map_or(0, |&(at, _)| at);
    let end = chars.get(stop).map_or(text.len(), |&(at, _)| at);
    let groups = groups(
        &output,
        lost,
        &bounds,
        chars.get(i..stop).unwrap_or_default(),
    );
    Some(Repair {
        edit: Edit {
            range: start..end,
            groups,
            kind: ChangeKind::Mojibake,
        },
        end: stop,
    })
}

/// Length of a UTF-8 sequence from its first byte; 0 for a byte that cannot start one.
fn utf8_width(byte: u8) -> usize {
    match byte {
        0x00..=0x7F => 1,
        0xC2..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0..=0xF4 => 4,
        _ => 0,
    }
}

/// The longest prefix of the run's bytes that is valid UTF-8 and ends on a character
/// boundary, and, if it ends with `E2 xx` whose third byte was lost, that `xx`.
fn valid_prefix(run: &mut Run<'_>) -> Option<(usize, Option<u8>)> {
    let mut pos = 0;
    let mut best = None;
    while let Some(byte) = run.byte(pos) {
        let width = utf8_width(byte);
        if width == 0 {
            break;
        }
        let mut sequence = [0; 4];
        let mut complete = true;
        for (k, slot) in sequence.iter_mut().enumerate().take(width) {
            match run.byte(pos + k) {
                Some(b) => *slot = b,
                None => complete = false,
            }
        }
        if complete && std::str::from_utf8(&sequence[..width]).is_ok() {
            pos += width;
            if run.is_bound(pos) {
                best = Some((pos, None));
            }
            continue;
        }
        let second = run.byte(pos + 1);
        let continues = run
            .byte(pos + 2)
            .is_some_and(|b| (0x80..=0xBF).contains(&b));
        let known = match run.codec {
            Codec::Gbk => matches!(second, Some(0x80 | 0x82 | 0x84)),
            Codec::Windows1252 => second == Some(0x80),
        };
        if byte == 0xE2 && known && !continues && run.is_bound(pos + 2) {
            best = Some((pos + 2, second));
        }
        break;
    }
    best
}

/// The character of `E2 second xx` whose last byte was lost, from its surroundings.
fn guess_lost(
    codec: Codec,
    second: u8,
    prev: Option<char>,
    next: Option<char>,
    open_quote: bool,
) -> char {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space = |c: Option<char>| c.is_none_or(char::is_whitespace);
    match (codec, second) {
        // Currency and letterlike symbols: the euro and trade mark signs by far most often.
        (_, 0x82) => '\u{20AC}',
        (_, 0x84) => '\u{2122}',
        // A GBK decoder drops any third byte that is followed by a byte below 0x40.
        (Codec::Gbk, _) => {
            if word(prev) && word(next) {
                '\u{2019}'
            } else if space(prev) && space(next) {
                '\u{2014}'
            } else if space(prev) {
                '\u{201C}'
            } else if open_quote || prev.is_some_and(|c| ",.;:!?".contains(c)) {
                '\u{201D}'
            } else {
                '\u{2019}'
            }
        }
        // Windows-1252 only loses bytes it leaves undefined: 0x9D (”) and 0x90 (‐) matter.
        (Codec::Windows1252, _) => {
            if word(prev) && word(next) {
                '\u{2010}'
            } else {
                '\u{201D}'
            }
        }
    }
}

/// Splits a repair into groups: every original character goes with the output character that
/// holds its last byte, and output characters without one join the next group.
fn groups(output: &str, lost: bool, bounds: &[usize], stretch: &[(usize, char)]) -> Vec<Group> {
    let total = output.chars().count();
    let mut groups: Vec<Group> = Vec::new();
    let mut text = String::new();
    let mut byte_end = 0;
    let mut next_char = 0;
    for (k, c) in output.chars().enumerate() {
        byte_end += if lost && k + 1 == total {
            2
        } else {
            c.len_utf8()
        };
        text.push(c);
        let mut len = 0;
        while let (Some(&end), Some(&(_, original))) =
            (bounds.get(next_char + 1), stretch.get(next_char))
        {
            if end > byte_end {
                break;
            }
            len += original.len_utf8();
            next_char += 1;
        }
        if len > 0 {
            groups.push(Group {
                text: std::mem::take(&mut text),
                len,
            });
        }
    }
    // A U+FFFD taken as the lost byte, and anything left over, goes with the last group.
    let rest: usize = stretch
        .get(next_char..)
        .unwrap_or_default()
        .iter()
        .map(|(_, c)| c.len_utf8())
        .sum();
    match groups.last_mut() {
        Some(final_group) => {
            final_group.text.push_str(&text);
            final_group.len += rest;
        }
        None => groups.push(Group { text, len: rest }),
    }
    groups
}

/// Whether the stretch's line is Latin text: it has ASCII letters, at least four times as many
/// as CJK characters outside the stretch (not counting the GBK heads of UTF-8 punctuation).
fn latin_line(i: usize, stretch: &[(usize, char)], lines: &Lines) -> bool {
    let (letters, cjk) = lines.counts_around(i);
    let own = stretch
        .iter()
        .filter(|&&(_, c)| is_cjk(c) && !is_punctuation_head(c))
        .count();
    letters > 0 && letters >= 4 * cjk.saturating_sub(own)
}

/// Letters, digits and CJK characters, but not the GBK heads of UTF-8 punctuation.
fn significant(c: char) -> bool {
    (c.is_alphanumeric() || is_cjk(c)) && !is_punctuation_head(c)
}

/// Whether `c` is a GBK character whose first byte is `E2`: the head of UTF-8 punctuation
/// (`鈥` for `E2 80`), very rare in real Chinese text.
fn is_punctuation_head(c: char) -> bool {
    gbk_code(c).is_some_and(|code| code >> 8 == 0xE2)
}

/// The nearest letter, digit or CJK character right of character `from` on its line, reading
/// GBK mojibake on the way as what it decodes to (so `鈥渇` counts as `“f`).
fn right_significant(chars: &[(usize, char)], from: usize) -> Option<char> {
    let mut k = from;
    while k < (from + CONTEXT_CHARS).min(chars.len()) {
        let &(_, c) = chars.get(k)?;
        if c == '\n' {
            return None;
        }
        if let Some(decoding) = decode_run(Codec::Gbk, chars, k) {
            if let Some(first) = decoding.output.chars().find(|&c| significant(c)) {
                return Some(first);
            }
            k += decoding.count.max(1);
            continue;
        }
        if significant(c) {
            return Some(c);
        }
        k += 1;
    }
    None
}

/// How a repaired character counts as evidence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Ascii,
    /// Punctuation, symbols, spaces: what mojibake most often hides.
    Mark,
    /// Latin-1 and Latin Extended-A letters, Latin ligatures.
    Latin,
    /// Latin Extended-B and Additional letters.
    RareLatin,
    Combining,
    /// Letters and digits of other scripts.
    Other,
    Cjk,
    /// Controls, private use, replacement characters, unassigned-looking symbols.
    Bad,
}

fn class(c: char) -> Class {
    match u32::from(c) {
        0x00..=0x7F if c.is_ascii_control() => Class::Bad,
        0x00..=0x7F => Class::Ascii,
        0xA0..=0xBF | 0xD7 | 0xF7 | 0x2000..=0x2BFF | 0xFE0F | 0x1F000..=0x1FAFF => Class::Mark,
        0xC0..=0x17F | 0xFB00..=0xFB06 => Class::Latin,
        0x180..=0x24F | 0x1E00..=0x1EFF => Class::RareLatin,
        0x300..=0x36F => Class::Combining,
        _ if is_cjk(c) => Class::Cjk,
        0xE000..=0xF8FF | 0xFFFD => Class::Bad,
        _ if c.is_alphanumeric() => Class::Other,
        _ => Class::Bad,
    }
}

/// The checks shared by both codecs: nothing bad, a combining mark only after a letter.
fn plausible(output: &str, prev: Option<char>) -> bool {
    let bad = output.chars().any(|c| class(c) == Class::Bad);
    let dangling = output
        .chars()
        .next()
        .is_some_and(|c| class(c) == Class::Combining)
        && !prev.is_some_and(char::is_alphabetic);
    !bad && !dangling
}

fn gbk_result(output: &str, lost: bool, prev: Option<char>, next: Option<char>) -> bool {
    if !plausible(output, prev) || output.chars().any(|c| class(c) == Class::Cjk) {
        return false;
    }
    if lost {
        return true;
    }
    let glued = prev.is_some_and(|c| c.is_ascii_alphanumeric())
        || next.is_some_and(|c| c.is_ascii_alphanumeric());
    let classes: Vec<Class> = output.chars().map(class).collect();
    if classes.len() == 1 {
        return glued;
    }
    let marks = classes.contains(&Class::Mark);
    let letters = classes
        .iter()
        .filter(|&&c| !matches!(c, Class::Ascii | Class::Mark))
        .count();
    marks || glued || letters >= 3
}

/// Punctuation that real text puts right after an accented capital (`IRMÃ–`, `CAFÉ”`, `LÂ»`).
const COMMON_PUNCTUATION: &str =
    "\u{2018}\u{2019}\u{201C}\u{201D}\u{201E}\u{2013}\u{2014}\u{2026}\u{2039}\u{203A}\u{2022}\u{AB}\u{BB}\u{A1}\u{BF}\u{B0}\u{B7}";

fn windows_1252_result(
    output: &str,
    lost: bool,
    prev: Option<char>,
    next: Option<char>,
    stretch: &[(usize, char)],
) -> bool {
    if double_windows_1252(output) {
        return true;
    }
    if !plausible(output, prev) {
        return false;
    }
    if lost {
        return true;
    }
    let latin =
        |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphabetic() || class(c) == Class::Latin);
    let glued = latin(prev) || latin(next);
    let others = output
        .chars()
        .filter(|&c| matches!(class(c), Class::Other | Class::Cjk))
        .count();
    let mut byte = 0;
    let mut before = prev;
    let mut chars = output.chars().peekable();
    while let Some(c) = chars.next() {
        // Is this character spelled with punctuation that real text puts after an accented
        // letter? Then it must look like mojibake from its neighbours.
        let continuation = stretch
            .get(byte + 1..byte + c.len_utf8())
            .unwrap_or_default();
        let spelled_with_punctuation = continuation
            .iter()
            .all(|&(_, p)| COMMON_PUNCTUATION.contains(p));
        if c.len_utf8() > 2 && spelled_with_punctuation {
            return false; // `â–”` is a word ending in â and two quotes, not `▔`
        }
        let ok = match class(c) {
            Class::Ascii => true,
            Class::Combining => !spelled_with_punctuation,
            // `25Â°C`, `Â« text Â»`: the symbol does not follow a letter.
            Class::Mark => !spelled_with_punctuation || !before.is_some_and(char::is_alphabetic),
            // `Ã–sterreich`: the letter sits inside a word.
            Class::Latin | Class::RareLatin => {
                let follows = chars.peek().copied().or(next);
                (class(c) == Class::Latin || glued)
                    && (!spelled_with_punctuation || follows.is_some_and(char::is_alphabetic))
            }
            Class::Other | Class::Cjk => others >= 2,
            Class::Bad => false,
        };
        if !ok {
            return false;
        }
        byte += c.len_utf8();
        before = Some(c);
    }
    true
}

/// Whether `output` is itself Windows-1252 mojibake of UTF-8 with a multi-byte character:
/// the first of two passes over a double encoding (`Ã¢â‚¬Â\u{9D}` → `â€\u{9D}` → `”`,
/// `Ã‚Â£` → `Â£` → `£`).
fn double_windows_1252(output: &str) -> bool {
    let bytes: Option<Vec<u8>> = output.chars().map(windows_1252_byte).collect();
    bytes.is_some_and(|b| std::str::from_utf8(&b).is_ok_and(|s| !s.is_ascii()))
}

/// CJK ideographs, kana, Hangul, Bopomofo, Yi, CJK symbols and punctuation, fullwidth forms.
fn is_cjk(c: char) -> bool {
    matches!(u32::from(c),
        0x1100..=0x11FF | 0x2E80..=0x2FDF | 0x2FF0..=0x31FF | 0x3200..=0x4DBF
        | 0x4E00..=0x9FFF | 0xA000..=0xA4CF | 0xA960..=0xA97F | 0xAC00..=0xD7FF
        | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFFEF | 0x20000..=0x3FFFF)
}

// ---------------------------------------------------------------------------------------------
// The GBK table

/// GBK first bytes that are UTF-8 continuation bytes; they pair with [`wide_trails`].
fn wide_leads() -> impl Iterator<Item = u8> {
    0x81..=0xBF
}

/// GBK first bytes that are UTF-8 lead bytes of characters whose repair can be accepted
/// (U+0080..U+2FFF, U+F000..U+FFFF, and beyond U+FFFF); they pair with continuation bytes.
fn narrow_leads() -> impl Iterator<Item = u8> {
    (0xC2..=0xE2).chain([0xEF]).chain(0xF0..=0xF4)
}

/// Second bytes after a continuation byte: an absorbed ASCII byte, a continuation or a lead.
fn wide_trails() -> impl Iterator<Item = u8> {
    (0x40..=0x7E).chain(0x80..=0xBF).chain(narrow_leads())
}

fn narrow_trails() -> impl Iterator<Item = u8> {
    0x80..=0xBF
}

/// GBK's character (as UTF-16) for every pair of [`gbk_pairs`], 0 where GBK has none:
/// [`gbk_table::DELTAS`] decoded. Each byte is the step from the previous character, except
/// 0 (no character) and `0xFE hi lo` (the character `hi lo`).
fn gbk_chars() -> impl Iterator<Item = u16> {
    let mut bytes = gbk_table::DELTAS.iter().copied();
    let mut previous: u16 = 0;
    std::iter::from_fn(move || {
        let step = bytes.next()?;
        Some(match step {
            0 => 0,
            0xFE => {
                previous = u16::from_be_bytes([bytes.next()?, bytes.next()?]);
                previous
            }
            _ => {
                previous = previous.wrapping_add(u16::from(step));
                previous
            }
        })
    })
}

/// Every `(lead, trail)` pair the GBK table covers, in table order.
fn gbk_pairs() -> impl Iterator<Item = (u8, u8)> {
    let wide = wide_leads().flat_map(|lead| wide_trails().map(move |trail| (lead, trail)));
    let narrow = narrow_leads().flat_map(|lead| narrow_trails().map(move |trail| (lead, trail)));
    wide.chain(narrow)
}

/// The GBK code of `c`, if `c` is in the part of GBK that UTF-8 mojibake can produce.
fn gbk_code(c: char) -> Option<u16> {
    static REVERSE: OnceLock<Vec<(u16, u16)>> = OnceLock::new();
    let reverse = REVERSE.get_or_init(|| {
        let mut reverse: Vec<(u16, u16)> = gbk_pairs()
            .zip(gbk_chars())
            .filter(|&(_, c)| c != 0)
            .map(|((lead, trail), c)| (c, u16::from_be_bytes([lead, trail])))
            .collect();
        // Two stable counting-sort passes (low byte, then high byte of the character): much
        // less code than a general sort. Codes stay ascending among equal characters.
        for shift in [0, 8] {
            let key = |&(c, _): &(u16, u16)| usize::from((c >> shift) as u8);
            let mut starts = [0usize; 257];
            for entry in &reverse {
                starts[key(entry) + 1] += 1;
            }
            for i in 1..starts.len() {
                starts[i] += starts[i - 1];
            }
            let mut sorted = vec![(0, 0); reverse.len()];
            for entry in &reverse {
                let slot = &mut starts[key(entry)];
                sorted[*slot] = *entry;
                *slot += 1;
            }
            reverse = sorted;
        }
        reverse.dedup_by_key(|&mut (c, _)| c);
        reverse
    });
    let c = u16::try_from(u32::from(c)).ok()?;
    let i = reverse.binary_search_by_key(&c, |&(c, _)| c).ok()?;
    reverse.get(i).map(|&(_, code)| code)
}

// ---------------------------------------------------------------------------------------------
// Folding for matching

/// Folds `s` for matching: typographic variants become one plain form, then lowercase.
///
/// This is a small, table-free subset of Unicode NFKC plus case folding: fullwidth ASCII
/// forms become ASCII, the ideographic and other Unicode spaces a space, Latin ligatures
/// (`ﬁ`, `ﬂ`, ...) their letters, `…` three dots, curly and low quotes and primes `'` or `"`,
/// the hyphens and dashes U+2010..U+2015 and the minus sign `-`; soft hyphens and zero-width
/// characters disappear.
///
/// # Example
///
/// ```
/// use parallax::normalize::fold;
/// assert_eq!(fold("“Ｂｅｎｅ\u{FB01}ts”—Kim’s…"), "\"benefits\"-kim's...");
/// ```
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let plain = match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(u32::from(c) - 0xFEE0).unwrap_or(c),
            '\u{A0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200A}'
            | '\u{202F}'
            | '\u{205F}'
            | '\u{3000}' => ' ',
            '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{2035}'
            | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{2036}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' => continue,
            _ => {
                let expansion = match c {
                    '\u{FB00}' => "ff",
                    '\u{FB01}' => "fi",
                    '\u{FB02}' => "fl",
                    '\u{FB03}' => "ffi",
                    '\u{FB04}' => "ffl",
                    '\u{FB05}' | '\u{FB06}' => "st",
                    '\u{2026}' => "...",
                    '\u{2025}' => "..",
                    _ => {
                        out.extend(c.to_lowercase());
                        continue;
                    }
                };
                out.push_str(expansion);
                continue;
            }
        };
        out.extend(plain.to_lowercase());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;
    use proptest::prelude::*;

    // --- Mojibake generators: real codecs (encoding_rs), independent of the tables above.

    /// `text`'s UTF-8 bytes read as GBK; `keep_errors` keeps the U+FFFD a decoder writes for a
    /// byte it cannot use, otherwise the byte is dropped (what our seed article shows).
    fn gbk_mojibake(text: &str, keep_errors: bool) -> String {
        let (decoded, _) = encoding_rs::GBK.decode_without_bom_handling(text.as_bytes());
        decoded
            .chars()
            .filter(|&c| keep_errors || c != char::REPLACEMENT_CHARACTER)
            .collect()
    }

    /// `text`'s UTF-8 bytes read as Windows-1252; `keep_undefined` keeps the C1 controls of
    /// the five undefined bytes, otherwise they are dropped.
    fn windows_1252_mojibake(text: &str, keep_undefined: bool) -> String {
        let (decoded, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(text.as_bytes());
        decoded
            .chars()
            .filter(|&c| keep_undefined || !('\u{80}'..='\u{9F}').contains(&c))
            .collect()
    }

    // --- The GBK table.

    fn reference_gbk(lead: u8, trail: u8) -> u16 {
        let bytes = [lead, trail];
        let decoded = encoding_rs::GBK.decode_without_bom_handling_and_without_replacement(&bytes);
        let mut chars = decoded.as_deref().unwrap_or_default().chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => u16::try_from(u32::from(c)).unwrap_or(0),
            _ => 0,
        }
    }

    #[test]
    fn gbk_table_matches_encoding_rs() {
        let chars: Vec<u16> = gbk_chars().collect();
        assert_eq!(chars.len(), gbk_pairs().count());
        let mut mismatches = Vec::new();
        for ((lead, trail), c) in gbk_pairs().zip(chars) {
            let expected = reference_gbk(lead, trail);
            if c != expected {
                mismatches.push((lead, trail, c, expected));
            }
        }
        assert!(
            mismatches.is_empty(),
            "first mismatches: {:x?}",
            &mismatches[..mismatches.len().min(5)]
        );
        // Spot checks that do not depend on encoding_rs.
        assert_eq!(gbk_code('\u{9225}'), Some(0xE280)); // 鈥
        assert_eq!(gbk_code('\u{5C0F}'), Some(0xD0A1)); // 小
        assert_eq!(gbk_code('\u{56FD}'), None); // 国 (B9FA) cannot come from UTF-8
        assert_eq!(gbk_code('a'), None);
    }

    #[test]
    #[ignore = "rewrites src/normalize/gbk_table.rs from encoding_rs"]
    fn regenerate_gbk_table() {
        use std::fmt::Write as _;
        let mut deltas = Vec::new();
        let mut previous = 0u16;
        for (lead, trail) in gbk_pairs() {
            let c = reference_gbk(lead, trail);
            match c.wrapping_sub(previous) {
                _ if c == 0 => deltas.push(0),
                step @ 1..=0xFD => deltas.push(step as u8),
                _ => deltas.extend([0xFE, (c >> 8) as u8, c as u8]),
            }
            if c != 0 {
                previous = c;
            }
        }
        let mut out = String::new();
        out.push_str(
            "//! GBK's characters for the byte pairs UTF-8 mojibake can produce (generated: run\n\
             //! `cargo test -p parallax regenerate_gbk_table -- --ignored`; do not edit).\n\
             //!\n\
             //! Order of the pairs: leads 0x81..=0xBF with trails 0x40..=0x7E, 0x80..=0xBF,\n\
             //! 0xC2..=0xE2, 0xEF, 0xF0..=0xF4; then leads 0xC2..=0xE2, 0xEF, 0xF0..=0xF4 with\n\
             //! trails 0x80..=0xBF. The test `gbk_table_matches_encoding_rs` checks every entry.\n\n",
        );
        let _ = writeln!(
            out,
            "/// Steps between consecutive characters; see `gbk_chars()`."
        );
        let _ = writeln!(out, "#[rustfmt::skip]");
        let _ = writeln!(out, "pub(super) static DELTAS: [u8; {}] = [", deltas.len());
        for line in deltas.chunks(16) {
            let cells: Vec<String> = line.iter().map(|v| format!("0x{v:02X},")).collect();
            let _ = writeln!(out, "    {}", cells.join(" "));
        }
        out.push_str("];\n");
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/src/normalize/gbk_table.rs");
        std::fs::write(path, out).unwrap();
    }

    // --- clean: table of cases.

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static str,
    }

    const CLEAN_CASES: &[Case] = &[
        Case {
            name: "empty",
            input: "",
            expected: "",
        },
        Case {
            name: "ascii",
            input: "Plain \"ASCII\" text.\n",
            expected: "Plain \"ASCII\" text.\n",
        },
        // GBK: UTF-8 read as GBK.
        Case {
            name: "gbk apostrophe s",
            input: "Kim\u{9225}\u{6a9a} visit",
            expected: "Kim\u{2019}s visit",
        },
        Case {
            name: "gbk apostrophe t",
            input: "don\u{9225}\u{6a9b} go",
            expected: "don\u{2019}t go",
        },
        Case {
            name: "gbk quote pair with lost closing byte",
            input: "a \u{9225}\u{6e07}iery\u{9225} end",
            expected: "a \u{201C}fiery\u{201D} end",
        },
        Case {
            name: "gbk closing quote after comma",
            input: "said \u{9225}\u{6e07}ine,\u{9225} then",
            expected: "said \u{201C}fine,\u{201D} then",
        },
        Case {
            name: "gbk closing quote at line end",
            input: "\u{9225}\u{6e07}ine.\u{9225}\nNext",
            expected: "\u{201C}fine.\u{201D}\nNext",
        },
        Case {
            name: "gbk dash between spaces",
            input: "Town (AP) \u{9225} Officials",
            expected: "Town (AP) \u{2014} Officials",
        },
        // The lost byte of a spaced en dash cannot be told from an em dash's.
        Case {
            name: "gbk spaced en dash becomes em dash",
            input: "a \u{9225} b",
            expected: "a \u{2014} b",
        },
        Case {
            name: "gbk euro with lost byte",
            input: "\u{9227}1.2bn",
            expected: "\u{20ac}1.2bn",
        },
        Case {
            name: "gbk replacement as lost byte",
            input: "a \u{9225}\u{FFFD} b",
            expected: "a \u{2014} b",
        },
        Case {
            name: "gbk lost byte between letters",
            input: "it\u{9225}\u{FFFD}s",
            expected: "it\u{2019}s",
        },
        Case {
            name: "gbk cyrillic homoglyph",
            input: "the \u{5c0f}athedral",
            expected: "the \u{421}athedral",
        },
        Case {
            name: "gbk cyrillic word",
            input: "paper \u{88a0}\u{87f9}\u{80c1}\u{68b0}\u{890b}\u{890c}\u{61c8}\u{891f} said",
            expected: "paper \u{418}\u{437}\u{432}\u{435}\u{441}\u{442}\u{438}\u{44f} said",
        },
        Case {
            name: "gbk guillemets",
            input: "\u{82a6}Hello\u{7984}",
            expected: "\u{ab}Hello\u{bb}",
        },
        Case {
            name: "gbk degree",
            input: "25\u{63b3}C",
            expected: "25\u{b0}C",
        },
        Case {
            name: "gbk accent in word",
            input: "caf\u{8305} society",
            expected: "caf\u{e9} society",
        },
        // GBK look-alikes that are real Chinese, or too uncertain: kept.
        Case {
            name: "chinese small",
            input: "小明的小猫很小。",
            expected: "小明的小猫很小。",
        },
        Case {
            name: "chinese quoted media",
            input: "他说“媒体”很重要。",
            expected: "他说“媒体”很重要。",
        },
        Case {
            name: "traditional listen",
            input: "他聽說這個消息了。",
            expected: "他聽說這個消息了。",
        },
        Case {
            name: "site name header",
            input: "sa国际传媒\n",
            expected: "sa国际传媒\n",
        },
        Case {
            name: "isolated hanzi in english",
            input: "The word 媒 means medium.",
            expected: "The word 媒 means medium.",
        },
        Case {
            name: "quoted hanzi in english",
            input: "the sign \u{201C}媒\u{201D} again",
            expected: "the sign \u{201C}媒\u{201D} again",
        },
        Case {
            name: "chinese brand then english",
            input: "小Phone 发布会今天举行",
            expected: "小Phone 发布会今天举行",
        },
        // Windows-1252: UTF-8 read as Windows-1252.
        Case {
            name: "1252 apostrophe",
            input: "It\u{e2}\u{20ac}\u{2122}s",
            expected: "It\u{2019}s",
        },
        Case {
            name: "1252 e acute",
            input: "caf\u{c3}\u{a9}",
            expected: "caf\u{e9}",
        },
        Case {
            name: "1252 cyrillic",
            input: "\u{d0}\u{178}\u{d1}\u{20ac}\u{d0}\u{b8}\u{d0}\u{b2}\u{d0}\u{b5}\u{d1}\u{201a}",
            expected: "\u{41f}\u{440}\u{438}\u{432}\u{435}\u{442}",
        },
        Case {
            name: "1252 chinese",
            input: "\u{e4}\u{b8}\u{ad}\u{e6}\u{2013}\u{2021}",
            expected: "中文",
        },
        Case {
            name: "1252 lost closing quote",
            input: "\u{e2}\u{20ac}\u{153}Yes\u{e2}\u{20ac} he said",
            expected: "\u{201C}Yes\u{201D} he said",
        },
        Case {
            name: "1252 vietnamese",
            input: "Vi\u{e1}\u{bb}\u{2021}t Nam",
            expected: "Vi\u{1ec7}t Nam",
        },
        Case {
            name: "1252 twice",
            input: "It\u{c3}\u{a2}\u{e2}\u{201a}\u{ac}\u{e2}\u{201e}\u{a2}s",
            expected: "It\u{2019}s",
        },
        // Windows-1252 look-alikes in real text: kept.
        Case {
            name: "spanish accent quote ellipsis",
            input: "dijo \u{ab}qu\u{e9}\u{2026}\u{bb}",
            expected: "dijo \u{ab}qu\u{e9}\u{2026}\u{bb}",
        },
        Case {
            name: "capital e acute closing quote",
            input: "\u{201C}CAF\u{c9}\u{201D}",
            expected: "\u{201C}CAF\u{c9}\u{201D}",
        },
        Case {
            name: "nested quotes after accent",
            input: "\u{2018}caf\u{e9}\u{2019}\u{201D} ok",
            expected: "\u{2018}caf\u{e9}\u{2019}\u{201D} ok",
        },
        Case {
            name: "spanish accent closing quotes",
            input: "est\u{e1}\u{2019}\u{201D} dijo",
            expected: "est\u{e1}\u{2019}\u{201D} dijo",
        },
        // Invisible characters and spaces.
        Case {
            name: "soft hyphen",
            input: "co\u{ad}operate",
            expected: "cooperate",
        },
        Case {
            name: "zero width",
            input: "a\u{200b}b\u{2060}c\u{feff}d",
            expected: "abcd",
        },
        Case {
            name: "zwj in ascii",
            input: "a\u{200d}b \u{200c}c",
            expected: "ab c",
        },
        Case {
            name: "zwj in emoji kept",
            input: "\u{1f468}\u{200d}\u{1f469}",
            expected: "\u{1f468}\u{200d}\u{1f469}",
        },
        Case {
            name: "zwnj in persian kept",
            input: "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
            expected: "\u{645}\u{6cc}\u{200c}\u{62e}\u{648}\u{627}\u{647}\u{645}",
        },
        // Issue 19, item 5: bidi controls could reorder a sentence in every report.
        Case {
            name: "bidi override inside a sentence",
            input: "Pay \u{202E}0001\u{202C} euros",
            expected: "Pay 0001 euros",
        },
        Case {
            name: "bidi embeddings and isolates",
            input: "\u{202A}a\u{202B}b\u{202D}c\u{2066}d\u{2067}e\u{2068}f\u{2069}",
            expected: "abcdef",
        },
        Case {
            name: "bidi marks",
            input: "\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{200F} (1)\u{200E} \u{627}\u{61C}",
            expected: "\u{5E9}\u{5DC}\u{5D5}\u{5DD} (1) \u{627}",
        },
        Case {
            name: "spaces",
            input: "10\u{a0}km\u{2009}/\u{202f}h",
            expected: "10 km / h",
        },
        Case {
            name: "ideographic space kept",
            input: "东京\u{3000}大阪",
            expected: "东京\u{3000}大阪",
        },
        Case {
            name: "line separator",
            input: "a\u{2028}b\u{2029}c",
            expected: "a\nb\nc",
        },
        Case {
            name: "newlines kept",
            input: "One.\r\n\r\nTwo.\n",
            expected: "One.\r\n\r\nTwo.\n",
        },
    ];

    #[test]
    fn clean_case_names_are_unique() {
        assert!(unique(CLEAN_CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn clean_cases() {
        for case in CLEAN_CASES {
            assert_eq!(
                clean(case.input).text,
                case.expected,
                "case {:?}",
                case.name
            );
        }
    }

    // --- clean: generated mojibake of our own sentences round-trips.

    /// Sentences whose every non-ASCII character the repair rules recover exactly.
    const SENTENCES: &[&str] = &[
        "The mayor\u{2019}s office called it a \u{201C}historic day,\u{201D} and the crowd cheered.",
        "Officials \u{2014} who spoke on condition of anonymity \u{2014} said talks went well.",
        "\u{201C}We didn\u{2019}t expect this,\u{201D} said Ren\u{e9}e M\u{fc}ller, 42.",
        "Prices rose 3\u{a0}% to \u{20ac}1.2bn (\u{a3}1bn) at 25\u{b0}C.",
        "The paper \u{418}\u{437}\u{432}\u{435}\u{441}\u{442}\u{438}\u{44f} called it \u{201C}a breakthrough.\u{201D}",
        "It\u{2019}s the city\u{2019}s first caf\u{e9} \u{2014} or so they say.",
    ];

    #[test]
    fn gbk_mojibake_of_our_sentences_is_repaired() {
        for &sentence in SENTENCES {
            let expected = clean(sentence).text;
            for keep_errors in [false, true] {
                let broken = gbk_mojibake(sentence, keep_errors);
                assert_ne!(broken, sentence);
                assert_eq!(clean(&broken).text, expected, "from {broken:?}");
            }
        }
    }

    fn loses_only_quote_bytes(text: &str) -> bool {
        text.chars().all(|c| {
            let mut buf = [0; 4];
            let undefined = c
                .encode_utf8(&mut buf)
                .bytes()
                .any(|b| matches!(b, 0x81 | 0x8D | 0x8F | 0x90 | 0x9D));
            !undefined || matches!(c, '\u{201D}' | '\u{2010}')
        })
    }

    #[test]
    fn windows_1252_mojibake_of_our_sentences_is_repaired() {
        let mut dropped_checked = 0;
        for &sentence in SENTENCES {
            let expected = clean(sentence).text;
            let once = windows_1252_mojibake(sentence, true);
            assert_eq!(clean(&once).text, expected, "from {once:?}");
            // Dropped undefined bytes can only be recovered inside `E2 80 9D` (”) and `E2 80 90`.
            if loses_only_quote_bytes(sentence) {
                dropped_checked += 1;
                let dropped = windows_1252_mojibake(sentence, false);
                assert_eq!(clean(&dropped).text, expected, "from {dropped:?}");
            }
            let twice = windows_1252_mojibake(&windows_1252_mojibake(sentence, true), true);
            assert_eq!(clean(&twice).text, expected, "from {twice:?}");
        }
        assert_eq!(
            dropped_checked,
            SENTENCES.len() - 1,
            "only the Cyrillic sentence is skipped"
        );
    }

    /// Clean text in many languages and scripts (our own sentences).
    const CLEAN_TEXTS: &[(&str, &str)] = &[
        ("english", "The bridge opened on Monday \u{2014} \u{201C}finally,\u{201D} said the mayor\u{2019}s aide\u{2026}"),
        ("german", "Gr\u{fc}\u{df}e aus K\u{f6}ln \u{2013} \u{201E}Stra\u{df}enfest\u{201C} am \u{dc}fer, 5\u{a0}\u{20ac}."),
        ("french", "\u{c0} l\u{2019}\u{e9}t\u{e9}, \u{ab}\u{202f}o\u{f9} \u{ea}tes-vous\u{202f}?\u{bb} demanda-t-il. \u{c7}A VA\u{2009}!"),
        ("spanish", "\u{bf}Qu\u{e9} pas\u{f3}? \u{a1}El ni\u{f1}o dijo \u{ab}s\u{ed}\u{bb}!"),
        ("portuguese", "N\u{c3}O \u{c9} VERDADE, disse o ministro; a na\u{e7}\u{e3}o est\u{e1} calma."),
        ("vietnamese", "Vi\u{1ec7}t Nam v\u{e0} Nga k\u{fd} hi\u{1ec7}p \u{111}\u{1ecb}nh m\u{1edb}i."),
        ("chinese simplified", "今天上午，市政府举行新闻发布会，介绍了新大桥的建设情况。“我们非常高兴，”一位市民说。"),
        ("chinese numbers", "2024年6月19日，小王在北京参加了第3届论坛（共有120人）。"),
        ("chinese traditional", "他聽說這座橋明天開通，於是決定帶孩子們去參觀。"),
        ("japanese", "東京都は月曜日、新しい橋の開通を発表した。「とても嬉しい」と市民は語った。"),
        ("korean", "서울시는 월요일에 새 다리를 개통했다고 밝혔다. \u{201C}정말 기쁘다\u{201D}고 시민이 말했다."),
        ("russian", "\u{41c}\u{44d}\u{440} \u{433}\u{43e}\u{440}\u{43e}\u{434}\u{430} \u{43e}\u{442}\u{43a}\u{440}\u{44b}\u{43b} \u{43c}\u{43e}\u{441}\u{442} \u{2014} \u{ab}\u{43d}\u{430}\u{43a}\u{43e}\u{43d}\u{435}\u{446}\u{bb}."),
        ("greek", "\u{39f} \u{3b4}\u{3ae}\u{3bc}\u{3b1}\u{3c1}\u{3c7}\u{3bf}\u{3c2} \u{3ac}\u{3bd}\u{3bf}\u{3b9}\u{3be}\u{3b5} \u{3c4}\u{3b7} \u{3b3}\u{3ad}\u{3c6}\u{3c5}\u{3c1}\u{3b1}."),
        ("arabic", "\u{627}\u{641}\u{62a}\u{62a}\u{62d} \u{627}\u{644}\u{62c}\u{633}\u{631} \u{627}\u{644}\u{62c}\u{62f}\u{64a}\u{62f} \u{64a}\u{648}\u{645} \u{627}\u{644}\u{627}\u{62b}\u{646}\u{64a}\u{646}\u{61f}"),
        ("hebrew", "\u{5d4}\u{5d2}\u{5e9}\u{5e8} \u{5e0}\u{5e4}\u{5ea}\u{5d7} \u{5d1}\u{5d9}\u{5d5}\u{5dd} \u{5e9}\u{5e0}\u{5d9}."),
        ("hindi", "\u{928}\u{92f}\u{93e} \u{92a}\u{941}\u{932} \u{938}\u{94b}\u{92e}\u{935}\u{93e}\u{930} \u{915}\u{94b} \u{916}\u{941}\u{932}\u{93e}\u{964}"),
        ("emoji", "Great news \u{1f389}\u{1f468}\u{200d}\u{1f469}\u{200d}\u{1f467} \u{2764}\u{fe0f}!"),
    ];

    #[test]
    fn clean_text_in_any_language_is_unchanged() {
        assert!(unique(CLEAN_TEXTS.iter().map(|&(name, _)| name)));
        for &(name, text) in CLEAN_TEXTS {
            let tidy_only: String = text
                .chars()
                .map(|c| match c {
                    '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
                    _ => c,
                })
                .collect();
            let cleaned = clean(text);
            assert_eq!(cleaned.text, tidy_only, "{name}");
            assert!(
                cleaned.changes().all(|c| c.kind == ChangeKind::Space),
                "{name}"
            );
        }
    }

    // --- to_original.

    #[test]
    fn issue_19_bidi_controls_are_removed_and_offsets_map_back() {
        let original = "Pay \u{202E}0001\u{202C} euros\u{2067}.\u{2069}";
        let cleaned = clean(original);
        assert_eq!(cleaned.text, "Pay 0001 euros.");
        let at = |s: &str| cleaned.text.find(s).unwrap();
        let map = |s: &str| &original[cleaned.to_original(at(s)..at(s) + s.len())];
        assert_eq!(map("0001"), "0001");
        assert_eq!(map("Pay 0001 euros"), "Pay \u{202E}0001\u{202C} euros");
        assert_eq!(map("."), ".");
        let kinds: Vec<ChangeKind> = cleaned.changes().map(|c| c.kind).collect();
        assert_eq!(kinds, [ChangeKind::Invisible; 4]);
    }

    #[test]
    fn to_original_maps_repairs_and_removals() {
        let original = "Kim\u{9225}\u{6a9a} co\u{ad}op \u{9225}\u{FFFD} end\u{200b}";
        let cleaned = clean(original);
        assert_eq!(cleaned.text, "Kim\u{2019}s coop \u{2014} end");
        let at = |s: &str| cleaned.text.find(s).unwrap();
        let map = |s: &str| &original[cleaned.to_original(at(s)..at(s) + s.len())];
        assert_eq!(map("Kim\u{2019}s"), "Kim\u{9225}\u{6a9a}");
        assert_eq!(map("\u{2019}"), "\u{9225}");
        assert_eq!(map("s"), "\u{6a9a}");
        assert_eq!(map("coop"), "co\u{ad}op");
        assert_eq!(map("\u{2014}"), "\u{9225}\u{FFFD}");
        assert_eq!(map("end"), "end");
        assert_eq!(
            cleaned.to_original(0..cleaned.text.len()),
            0..original.len() - "\u{200b}".len()
        );
        // Mid-character and out-of-range offsets widen and clamp.
        let quote = at("\u{2019}");
        assert_eq!(cleaned.to_original(quote + 1..quote + 2), 3..6);
        assert_eq!(
            cleaned.to_original(1000..2000),
            original.len()..original.len()
        );
        let changes: Vec<(ChangeKind, Range<usize>)> =
            cleaned.changes().map(|c| (c.kind, c.original)).collect();
        assert_eq!(
            changes,
            [
                (ChangeKind::Mojibake, 3..6),
                (ChangeKind::Mojibake, 6..9),
                (ChangeKind::Invisible, 12..14),
                (ChangeKind::Mojibake, 17..23),
                (ChangeKind::Invisible, 27..30),
            ]
        );
    }

    /// Characters `clean` removes outright.
    fn removable(c: char) -> bool {
        matches!(
            c,
            '\u{ad}' | '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{feff}'
        ) || is_bidi_control(c)
    }

    /// Could `c` be part of a mojibake run or a tidy change?
    fn suspicious(c: char) -> bool {
        gbk_code(c).is_some()
            || windows_1252_byte(c).is_some()
            || removable(c)
            || matches!(
                c,
                '\u{1680}' | '\u{2000}'
                    ..='\u{200a}' | '\u{202f}' | '\u{205f}' | '\u{2028}' | '\u{2029}'
            )
    }

    fn messy_text() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            "[A-Za-z]{1,6}",
            " {1,2}",
            Just("\n".to_owned()),
            Just("\u{9225}".to_owned()),
            Just("\u{9225}\u{6a9a}".to_owned()),
            Just("\u{9225}\u{6e07}".to_owned()),
            Just("\u{5c0f}".to_owned()),
            Just("\u{e2}\u{20ac}".to_owned()),
            Just("\u{c3}\u{a9}".to_owned()),
            Just("\u{FFFD}".to_owned()),
            Just("\u{ad}".to_owned()),
            Just("\u{200d}".to_owned()),
            Just("\u{a0}".to_owned()),
            Just("小明。".to_owned()),
            "[\u{4e00}-\u{9fa5}]{1,3}",
            "[\u{80}-\u{ff}]{1,3}",
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(piece, 0..30).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn to_original_is_monotonic_and_covers(text in messy_text()) {
            let cleaned = clean(&text);
            // Whatever the cleaned characters skip in the original must have been removed.
            let removed: Vec<Range<usize>> =
                cleaned.changes().filter(|c| c.cleaned.is_empty()).map(|c| c.original).collect();
            let is_removed = |gap: Range<usize>| gap.into_iter().all(|p| removed.iter().any(|r| r.contains(&p)));
            let mut bounds: Vec<usize> = cleaned.text.char_indices().map(|(at, _)| at).collect();
            bounds.push(cleaned.text.len());
            let mut previous = 0..0;
            let mut covered_to = 0;
            for pair in bounds.windows(2) {
                let mapped = cleaned.to_original(pair[0]..pair[1]);
                prop_assert!(text.is_char_boundary(mapped.start) && text.is_char_boundary(mapped.end));
                prop_assert!(mapped.start < mapped.end);
                prop_assert!(previous.start <= mapped.start && previous.end <= mapped.end);
                prop_assert!(is_removed(covered_to..mapped.start), "gap {:?}", &text[covered_to..mapped.start]);
                covered_to = covered_to.max(mapped.end);
                previous = mapped;
            }
            prop_assert!(is_removed(covered_to..text.len()), "tail {:?}", &text[covered_to..]);
            // Removals are the only changes with an empty cleaned side, and they are invisible
            // characters, or mojibake of one.
            for change in cleaned.changes().filter(|c| c.cleaned.is_empty()) {
                prop_assert!(matches!(change.kind, ChangeKind::Invisible | ChangeKind::Mojibake));
            }
        }

        #[test]
        fn to_original_never_panics(text in messy_text(), start in 0usize..200, len in 0usize..200) {
            let cleaned = clean(&text);
            let mapped = cleaned.to_original(start..start + len);
            prop_assert!(mapped.start <= mapped.end && mapped.end <= text.len());
            prop_assert!(text.is_char_boundary(mapped.start) && text.is_char_boundary(mapped.end));
        }

        #[test]
        fn unsuspicious_text_is_unchanged(text in prop::collection::vec(any::<char>().prop_map(|c| if suspicious(c) { '?' } else { c }), 0..60)) {
            let text: String = text.into_iter().collect();
            prop_assert_eq!(clean(&text).text, text);
        }

        #[test]
        fn chinese_is_unchanged(text in "[\u{4e00}-\u{9fa5}，。、“”：；！？（）0-9 ]{0,60}") {
            prop_assert_eq!(clean(&text).text, text);
        }

        #[test]
        fn typographic_western_text_is_unchanged(text in western_text()) {
            prop_assert_eq!(clean(&text).text, text);
        }
    }

    /// Words with accented letters and typographic punctuation, as in real Western text.
    fn western_text() -> impl Strategy<Value = String> {
        let stem = prop_oneof![
            // An accent inside or at the end of a word: `café`, `Müller`, `IRMÃ`.
            "[a-zA-Z]{1,6}[\u{e0}-\u{ff}\u{c0}-\u{de}]?[a-z]{0,3}",
            // An accent starting a word: `Österreich`, `Élysée`.
            "[\u{e0}-\u{ff}\u{c0}-\u{de}][a-z]{1,6}",
            // The one-letter words of French, Spanish and Portuguese.
            "[\u{e0}\u{e9}\u{f3}\u{f4}\u{c0}\u{c9}]",
        ];
        let word = (
            "[\u{201c}\u{2018}(\u{ab}\u{bf}\u{a1}]?",
            stem,
            "[\u{2019}\u{201d}\u{2026}\u{2013}\u{2014}\u{bb},.;:!?)]{0,3}",
        )
            .prop_map(|(open, stem, close)| format!("{open}{stem}{close}"));
        // Currency and degree signs go with numbers.
        let amount = "[\u{a3}\u{20ac}]?[0-9]{1,3}[\u{b0}\u{20ac}%]?";
        let word = prop_oneof![4 => word, 1 => amount.prop_map(String::from)];
        let separator = prop_oneof![Just(" "), Just(" "), Just(" \u{2014} "), Just("\n")];
        prop::collection::vec((word, separator), 0..30)
            .prop_map(|v| v.into_iter().flat_map(|(w, s)| [w, s.to_owned()]).collect())
    }

    // --- fold.

    const FOLD_CASES: &[Case] = &[
        Case {
            name: "lowercase",
            input: "The BRIDGE",
            expected: "the bridge",
        },
        Case {
            name: "fullwidth",
            input: "\u{ff34}\u{ff45}\u{ff53}\u{ff54}\u{ff11}\u{ff12}\u{ff01}",
            expected: "test12!",
        },
        Case {
            name: "ligatures",
            input: "\u{fb01}nal \u{fb02}ow \u{fb00} \u{fb03} \u{fb04} \u{fb06}",
            expected: "final flow ff ffi ffl st",
        },
        Case {
            name: "ellipsis",
            input: "wait\u{2026} \u{2025}",
            expected: "wait... ..",
        },
        Case {
            name: "single quotes",
            input: "\u{2018}a\u{2019} \u{201a}b\u{201b} it\u{2bc}s 5\u{2032}",
            expected: "'a' 'b' it's 5'",
        },
        Case {
            name: "double quotes",
            input: "\u{201c}a\u{201d} \u{201e}b\u{201f} 6\u{2033}",
            expected: "\"a\" \"b\" 6\"",
        },
        Case {
            name: "dashes",
            input: "a\u{2010}b\u{2011}c\u{2012}d\u{2013}e\u{2014}f\u{2015}g\u{2212}1",
            expected: "a-b-c-d-e-f-g-1",
        },
        Case {
            name: "spaces",
            input: "a\u{a0}b\u{3000}c\u{2009}d",
            expected: "a b c d",
        },
        Case {
            name: "invisible",
            input: "co\u{ad}op\u{200b}era\u{feff}te",
            expected: "cooperate",
        },
        Case {
            name: "non latin kept",
            input: "\u{41c}\u{418}\u{420} 東京",
            expected: "\u{43c}\u{438}\u{440} 東京",
        },
        Case {
            name: "german sharp s",
            input: "STRA\u{df}E",
            expected: "stra\u{df}e",
        },
    ];

    #[test]
    fn fold_case_names_are_unique() {
        assert!(unique(FOLD_CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn fold_cases() {
        for case in FOLD_CASES {
            assert_eq!(fold(case.input), case.expected, "case {:?}", case.name);
        }
    }

    // --- decode.

    struct DecodeCase {
        name: &'static str,
        input: &'static [u8],
        /// The text, its encoding and whether it had a byte-order mark; or the error message.
        expected: Result<(&'static str, Encoding, bool), &'static str>,
    }

    const BINARY: &str = "the input looks like binary data";

    const DECODE_CASES: &[DecodeCase] = &[
        DecodeCase {
            name: "empty",
            input: b"",
            expected: Ok(("", Encoding::Utf8, false)),
        },
        DecodeCase {
            name: "utf8",
            input: "caf\u{e9} \u{2014} \u{6771}".as_bytes(),
            expected: Ok(("caf\u{e9} \u{2014} \u{6771}", Encoding::Utf8, false)),
        },
        DecodeCase {
            name: "utf8 bom",
            input: b"\xEF\xBB\xBFHi",
            expected: Ok(("Hi", Encoding::Utf8, true)),
        },
        // Issue 19, item 6: broken UTF-8 after a byte-order mark was replaced silently.
        DecodeCase {
            name: "utf8 bom broken",
            input: b"\xEF\xBB\xBFa\xFFb",
            expected: Err("not valid UTF-8 (byte 4)"),
        },
        DecodeCase {
            name: "utf8 bom cut mid-character",
            input: b"\xEF\xBB\xBFab\xE2\x80",
            expected: Err("not valid UTF-8 (byte 5)"),
        },
        DecodeCase {
            name: "utf16le",
            input: b"\xFF\xFEH\x00\xe9\x00\x3D\xD8\x00\xDE",
            expected: Ok(("H\u{e9}\u{1f600}", Encoding::Utf16Le, true)),
        },
        DecodeCase {
            name: "utf16be",
            input: b"\xFE\xFF\x00H\x20\x14",
            expected: Ok(("H\u{2014}", Encoding::Utf16Be, true)),
        },
        // Issue 19, item 6: unpaired surrogates and an odd last byte were replaced silently.
        DecodeCase {
            name: "utf16 unpaired high surrogate",
            input: b"\xFF\xFE\x00\xD8a\x00!",
            expected: Err("not valid UTF-16LE (byte 2)"),
        },
        DecodeCase {
            name: "utf16 unpaired low surrogate after a pair",
            input: b"\xFE\xFF\xD8\x3D\xDE\x00\xDE\x00\x00a",
            expected: Err("not valid UTF-16BE (byte 6)"),
        },
        DecodeCase {
            name: "utf16 odd last byte",
            input: b"\xFF\xFEa\x00b\x00!",
            expected: Err("not valid UTF-16LE (byte 6)"),
        },
        DecodeCase {
            name: "windows-1252",
            input: b"caf\xE9 \x93q\x94 \x80 \x81",
            expected: Ok((
                "caf\u{e9} \u{201c}q\u{201d} \u{20ac} \u{81}",
                Encoding::Windows1252,
                false,
            )),
        },
        DecodeCase {
            name: "few controls",
            input: b"the state\x19s plan \x1cquote\x1d",
            expected: Ok((
                "the state\u{19}s plan \u{1c}quote\u{1d}",
                Encoding::Utf8,
                false,
            )),
        },
        DecodeCase {
            name: "nul",
            input: b"text\x00more",
            expected: Err(BINARY),
        },
        DecodeCase {
            name: "utf16 nul",
            input: b"\xFF\xFEa\x00\x00\x00",
            expected: Err(BINARY),
        },
        DecodeCase {
            name: "many controls",
            input: b"\x01\x02\x03\x04\x05\x06\x07\x08ab",
            expected: Err(BINARY),
        },
    ];

    #[test]
    fn decode_case_names_are_unique() {
        assert!(unique(DECODE_CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn decode_cases() {
        for case in DECODE_CASES {
            match (decode(case.input), case.expected) {
                (Ok(d), Ok((text, encoding, bom))) => {
                    assert_eq!(
                        (d.text.as_str(), d.encoding, d.bom),
                        (text, encoding, bom),
                        "case {:?}",
                        case.name
                    );
                }
                (Err(e), Err(message)) => {
                    assert!(
                        e.to_string().starts_with(message),
                        "case {:?}: {e}",
                        case.name
                    );
                    assert_eq!(e.is_binary(), message == BINARY, "case {:?}", case.name);
                }
                (got, _) => panic!("case {:?}: got {got:?}", case.name),
            }
        }
        let error = decode(b"text\x00more").unwrap_err();
        assert_eq!(error.to_string(), "the input looks like binary data, not text: it has a NUL character (at byte 4 of the decoded text)");
    }

    // --- is_blank.

    const BLANK_CASES: &[(&str, &str, bool)] = &[
        ("empty", "", true),
        ("white space", " \n\t\r\n", true),
        (
            "no-break and ideographic spaces",
            "\u{A0}\u{3000}\u{202F}",
            true,
        ),
        (
            "zero-width and soft hyphen",
            "\u{200B}\u{AD}\u{2060}\u{FEFF}",
            true,
        ),
        (
            "bidi marks and isolates",
            "\u{200E}\u{202E}\u{2067} \u{2069}",
            true,
        ),
        ("lone joiner", "\u{200D}", true),
        ("a word among invisibles", "\u{A0}Rain\u{200B}", false),
        ("a CJK word", "\u{3000}\u{6771}\u{4EAC}", false),
        ("punctuation", "\u{A0}.", false),
    ];

    #[test]
    fn blank_case_names_are_unique() {
        assert!(unique(BLANK_CASES.iter().map(|c| c.0)));
    }

    #[test]
    fn blank_cases() {
        for &(name, text, expected) in BLANK_CASES {
            assert_eq!(is_blank(text), expected, "case {name:?}");
        }
    }

    #[test]
    fn decode_then_clean_repairs_mostly_utf8_bytes() {
        // One stray Latin-1 byte makes the whole file Windows-1252; clean repairs the rest.
        let bytes = [
            &b"caf\xE9 and "[..],
            "the mayor\u{2019}s \u{201C}day\u{201D}".as_bytes(),
        ]
        .concat();
        let decoded = decode(&bytes).unwrap();
        assert_eq!(decoded.encoding, Encoding::Windows1252);
        assert_eq!(
            clean(&decoded.text).text,
            "caf\u{e9} and the mayor\u{2019}s \u{201C}day\u{201D}"
        );
    }
}
