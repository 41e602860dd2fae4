//! Word-level differences inside a link, as byte ranges into both texts.
//!
//! The diff runs in four steps:
//!
//! 1. every token gets a comparison key: its folded form ([`Token::norm`], so curly and
//!    straight quotes or a repaired mojibake are not changes) plus its letter case unless
//!    [`DiffOptions::ignore_case`]; punctuation is left out under
//!    [`DiffOptions::ignore_punctuation`] and later attached to a neighbouring span;
//! 2. `similar`'s Myers diff over the keys, always in one canonical orientation of the two
//!    sides, so that swapping them gives exactly the mirrored diff;
//! 3. a semantic clean-up in the spirit of diff-match-patch's `cleanupSemantic`: a short
//!    equality between two changes (at most [`MAX_ABSORBED_EQUALITY`] tokens, no content word,
//!    and no longer than the changes on either side of it) is merged into one replacement, so
//!    a reworded clause reads as one replaced phrase rather than confetti around a lone `the`
//!    or `,`;
//! 4. spans are split where the token sequence jumps over text that is not white space (two
//!    sentences of a link that are not neighbours), so no span covers text outside the link.

mod cleanup;
mod cuts;
mod ops;

use crate::tokenize::Token;
pub(crate) use ops::interned;
use ops::token_ops;
use std::ops::Range;

/// The longest equality, in tokens, that the clean-up may merge into the changes around it.
pub const MAX_ABSORBED_EQUALITY: usize = 2;

/// What happened to a stretch of text between the two sides.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
pub enum DiffOp {
    /// The same on both sides.
    Equal,
    /// Only on the right.
    Insert,
    /// Only on the left.
    Delete,
    /// Different text on each side.
    Replace,
}

/// One stretch of a word diff.
///
/// `Equal` and `Replace` spans have both ranges, `Delete` only `left`, `Insert` only `right`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSpan {
    /// What happened.
    pub op: DiffOp,
    /// Byte range in the left text; `None` for an insertion.
    pub left: Option<Range<usize>>,
    /// Byte range in the right text; `None` for a deletion.
    pub right: Option<Range<usize>>,
}

/// Settings that decide which differences count as changes.
///
/// Differences that are ignored come out as [`DiffOp::Equal`] spans.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DiffOptions {
    /// `Monday` equals `monday`.
    pub ignore_case: bool,
    /// Punctuation and quotation marks never make a change: `said, adding` equals `said adding`.
    pub ignore_punctuation: bool,
}

/// One side of a diff: the text and the tokens to compare (ranges into `text`).
///
/// The tokens are usually one sentence, or several sentences joined in order.
#[derive(Debug, Clone, Copy)]
pub struct DiffInput<'a> {
    /// The text the token ranges point into.
    pub text: &'a str,
    /// The tokens, in order.
    pub tokens: &'a [Token],
}

impl<'a> DiffInput<'a> {
    /// Pairs a text with tokens of it.
    pub fn new(text: &'a str, tokens: &'a [Token]) -> Self {
        Self { text, tokens }
    }
}

/// Diffs two token sequences word by word.
///
/// Spans come in order on both sides, never overlap, and together cover every token of both
/// sides. A span runs from its first token's start to its last token's end, so the white
/// space between tokens belongs to the span it sits in.
///
/// # Example: one word replaced
///
/// ```
/// use parallax::diff::{diff_tokens, DiffInput, DiffOp, DiffOptions};
/// use parallax::tokenize::tokenize;
/// let (left, right) = ("The red car", "The blue car");
/// let (left_tokens, right_tokens) = (tokenize(left, 0..11), tokenize(right, 0..12));
/// let spans = diff_tokens(
///     &DiffInput::new(left, &left_tokens),
///     &DiffInput::new(right, &right_tokens),
///     &DiffOptions::default(),
/// );
/// let ops: Vec<DiffOp> = spans.iter().map(|s| s.op).collect();
/// assert_eq!(ops, [DiffOp::Equal, DiffOp::Replace, DiffOp::Equal]);
/// assert_eq!(spans[1].left, Some(4..7));
/// assert_eq!(spans[1].right, Some(4..8));
/// ```
///
/// # Example: curly and straight quotes are equal, case is not (unless ignored)
///
/// ```
/// use parallax::diff::{diff_tokens, DiffInput, DiffOp, DiffOptions};
/// use parallax::tokenize::tokenize;
/// let (left, right) = ("“Kim’s” visit", "\"kim's\" visit");
/// let (left_tokens, right_tokens) = (tokenize(left, 0..left.len()), tokenize(right, 0..right.len()));
/// let diff = |options| {
///     diff_tokens(&DiffInput::new(left, &left_tokens), &DiffInput::new(right, &right_tokens), &options)
///         .iter()
///         .map(|s| s.op)
///         .collect::<Vec<_>>()
/// };
/// assert_eq!(diff(DiffOptions::default()), [DiffOp::Equal, DiffOp::Replace, DiffOp::Equal]);
/// let ignore_case = DiffOptions { ignore_case: true, ..DiffOptions::default() };
/// assert_eq!(diff(ignore_case), [DiffOp::Equal]);
/// ```
///
/// # Example: a reworded clause is one replacement, not confetti
///
/// ```
/// use parallax::diff::{diff_tokens, DiffInput, DiffOp, DiffOptions};
/// use parallax::tokenize::tokenize;
/// let left = "The mayor called the loss a blow to the town.";
/// let right = "The mayor said the collapse was a blow to the town.";
/// let (left_tokens, right_tokens) = (tokenize(left, 0..left.len()), tokenize(right, 0..right.len()));
/// let spans = diff_tokens(
///     &DiffInput::new(left, &left_tokens),
///     &DiffInput::new(right, &right_tokens),
///     &DiffOptions::default(),
/// );
/// let replaced: Vec<(&str, &str)> = spans
///     .iter()
///     .filter(|s| s.op == DiffOp::Replace)
///     .map(|s| (&left[s.left.clone().unwrap()], &right[s.right.clone().unwrap()]))
///     .collect();
/// assert_eq!(replaced, [("called the loss", "said the collapse was")]);
/// ```
pub fn diff_tokens(
    left: &DiffInput<'_>,
    right: &DiffInput<'_>,
    options: &DiffOptions,
) -> Vec<DiffSpan> {
    let ops = token_ops(left, right, *options);
    ops.into_iter()
        .map(|op| DiffSpan {
            op: op.op,
            left: byte_range(left.tokens, &op.left),
            right: byte_range(right.tokens, &op.right),
        })
        .collect()
}

/// The byte range from the first to the last token of `range`, or `None` when it is empty.
fn byte_range(tokens: &[Token], range: &Range<usize>) -> Option<Range<usize>> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    (!range.is_empty()).then_some(first.range.start..last.range.end)
}

#[cfg(test)]
mod tests;
