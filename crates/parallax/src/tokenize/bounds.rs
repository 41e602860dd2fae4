//! Unicode word boundaries (UAX #29) with a fast path for ASCII.
//!
//! Most of a news text is ASCII words between ASCII spaces. A space that follows an ASCII
//! character other than a space always starts a new piece (no rule of UAX #29 joins anything
//! but a space or an extending mark to a following space, and no rule looks past a space), so
//! the text is cut there into chunks whose pieces do not depend on one another. A chunk of
//! ASCII is split by the rules of UAX #29 as they apply to ASCII (below); any other chunk by
//! `unicode-segmentation`. The pieces are exactly those of `split_word_bound_indices` on the
//! whole text (the tests compare the two on random text).

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// Calls `f` with the byte range of every UAX #29 word-bound piece of `s`, in order: the same
/// ranges as `s.split_word_bound_indices()`.
pub(super) fn for_each_word_bound(s: &str, mut f: impl FnMut(Range<usize>)) {
    let bytes = s.as_bytes();
    let mut start = 0;
    let mut ascii = true;
    for (p, &byte) in bytes.iter().enumerate() {
        if byte == b' ' && p > start {
            let before = bytes[p - 1];
            if before.is_ascii() && before != b' ' {
                chunk(s, start..p, ascii, &mut f);
                start = p;
                ascii = true;
                continue;
            }
        }
        ascii &= byte.is_ascii();
    }
    if start < bytes.len() {
        chunk(s, start..bytes.len(), ascii, &mut f);
    }
}

/// The pieces of one chunk, `ascii` when all its bytes are.
fn chunk(s: &str, range: Range<usize>, ascii: bool, f: &mut impl FnMut(Range<usize>)) {
    if ascii {
        ascii_word_bounds(&s.as_bytes()[range.clone()], range.start, f);
    } else {
        for (offset, piece) in s[range.clone()].split_word_bound_indices() {
            let at = range.start + offset;
            f(at..at + piece.len());
        }
    }
}

/// The word-break property (UAX #29, table 3) of the ASCII characters that have one; every
/// other ASCII character (and `"`, which only matters next to Hebrew letters) is `Other`.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Class {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    MidLetter,
    MidNumLet,
    SingleQuote,
    MidNum,
    ExtendNumLet,
    Other,
}

fn class(byte: u8) -> Class {
    match byte {
        b'\r' => Class::Cr,
        b'\n' => Class::Lf,
        0x0B | 0x0C => Class::Newline,
        b' ' => Class::Space,
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Numeric,
        b':' => Class::MidLetter,
        b'.' => Class::MidNumLet,
        b'\'' => Class::SingleQuote,
        b',' | b';' => Class::MidNum,
        b'_' => Class::ExtendNumLet,
        _ => Class::Other,
    }
}

/// The UAX #29 pieces of `bytes` (all ASCII), at `offset`: the rules that ASCII characters can
/// meet (`WB3` to `WB13b` and `WB999`).
fn ascii_word_bounds(bytes: &[u8], offset: usize, f: &mut impl FnMut(Range<usize>)) {
    let class_at = |i: usize| bytes.get(i).map_or(Class::Other, |&b| class(b));
    let mut start = 0;
    let mut before = class_at(0);
    for (i, &byte) in bytes.iter().enumerate().skip(1) {
        let after = class(byte);
        if breaks(before, after, i, class_at) {
            f(offset + start..offset + i);
            start = i;
        }
        before = after;
    }
    if !bytes.is_empty() {
        f(offset + start..offset + bytes.len());
    }
}

/// Whether UAX #29 breaks between `before` (at `i - 1`) and `after` (at `i`); `class_at`
/// gives the classes of the neighbours for WB6, WB7, WB11 and WB12 (`Other` past either end).
fn breaks(before: Class, after: Class, i: usize, class_at: impl Fn(usize) -> Class) -> bool {
    use Class::{
        Cr, ExtendNumLet, Letter, Lf, MidLetter, MidNum, MidNumLet, Numeric, SingleQuote, Space,
    };
    // The letter or digit that must follow (WB6, WB12) or precede (WB7, WB11) a middle mark.
    let (side, at) = match (before, after) {
        (Cr, Lf)
        | (Space, Space)
        | (Letter | Numeric | ExtendNumLet, Letter | Numeric | ExtendNumLet) => return false,
        (Letter, MidLetter | MidNumLet | SingleQuote) => (Letter, Some(i + 1)),
        (MidLetter | MidNumLet | SingleQuote, Letter) => (Letter, i.checked_sub(2)),
        (Numeric, MidNum | MidNumLet | SingleQuote) => (Numeric, Some(i + 1)),
        (MidNum | MidNumLet | SingleQuote, Numeric) => (Numeric, i.checked_sub(2)),
        _ => return true,
    };
    at.is_none_or(|at| class_at(at) != side)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn fast(s: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        for_each_word_bound(s, |r| out.push(r));
        out
    }

    fn reference(s: &str) -> Vec<Range<usize>> {
        s.split_word_bound_indices()
            .map(|(at, piece)| at..at + piece.len())
            .collect()
    }

    /// Every ASCII character, between and beside letters, digits, spaces and marks: checks
    /// the class table against the crate's.
    #[test]
    fn every_ascii_character_in_context() {
        let contexts = [
            "a", "1", " ", ".", ",", "'", ":", "_", "\r", "\n", "\t", "-", "\"", "\u{b}",
        ];
        for c in (0u8..0x80).map(char::from) {
            for left in contexts {
                for right in contexts {
                    for s in [
                        format!("{left}{c}{right}"),
                        format!("{left}{left}{c}{right}{right}"),
                        format!("{c}{c}{left}{c}{right}{c}"),
                    ] {
                        assert_eq!(fast(&s), reference(&s), "{s:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn news_text() {
        for s in [
            "Kim’s envoy paid $3.5 million.",
            "The U.S. said 11,000 troops (about 3.5%) left.Then: “no”.",
            "  two  spaces,\r\n a\u{301} b \u{301}c  \u{200d}d\u{200d} e\u{ad} f 🇫🇷🇩🇪 g",
            "  \u{301} x \u{301}  y",
            "",
            " ",
        ] {
            assert_eq!(fast(s), reference(s), "{s:?}");
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn ascii_matches_uax29(s in "[a-zA-Z0-9 .,;:'\"_\\-\t\r\n\u{b}\u{c}!?()$%]{0,40}") {
            prop_assert_eq!(fast(&s), reference(&s));
        }

        #[test]
        fn mixed_matches_uax29(
            s in "[a-z0-9 .,:'_\\-\r\n’“”–é\u{301}\u{ad}\u{200d}\u{200b}\u{a0}\u{3000}\u{5d0}\u{30a2}\u{1f1eb}\u{1f600}中]{0,40}"
        ) {
            prop_assert_eq!(fast(&s), reference(&s));
        }
    }
}
