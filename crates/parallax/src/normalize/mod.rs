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

mod clean;
mod decode;
mod fold;
mod gbk_table;
mod repair;

pub use clean::{clean, is_bidi_control, is_blank, is_invisible, Change, ChangeKind, Cleaned};
pub use decode::{decode, Decoded, Encoding};
pub use fold::fold;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_props;
#[cfg(test)]
mod tests_repair;
