//! Word-level differences inside a link, as byte ranges into both original texts.

use crate::tokenize::Token;
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::ops::Range;

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
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffSpan {
    /// What happened.
    pub op: DiffOp,
    /// Byte range in the left text; `None` for an insertion.
    pub left: Option<Range<usize>>,
    /// Byte range in the right text; `None` for a deletion.
    pub right: Option<Range<usize>>,
}

/// Diffs two token sequences on their folded surface forms ([`Token::norm`]).
///
/// Case, typographic quotes and dashes do not count as changes (`“Kim’s”` equals `"kim's"`),
/// but inflections do (`opened` differs from `opens`): the diff shows what the reader sees.
///
/// Spans run from the first token's start to the last token's end, so the white space
/// between tokens belongs to the span it sits in.
///
/// # Example: one word replaced
///
/// ```
/// use parallax::{diff::{diff_tokens, DiffOp}, tokenize::tokenize};
/// let (left, right) = ("The red car", "The blue car");
/// let spans = diff_tokens(&tokenize(left, 0..11), &tokenize(right, 0..12));
/// let ops: Vec<DiffOp> = spans.iter().map(|s| s.op).collect();
/// assert_eq!(ops, [DiffOp::Equal, DiffOp::Replace, DiffOp::Equal]);
/// assert_eq!(spans[1].left, Some(4..7));
/// assert_eq!(spans[1].right, Some(4..8));
/// ```
///
/// # Example: curly and straight quotes are equal
///
/// ```
/// use parallax::{diff::{diff_tokens, DiffOp}, tokenize::tokenize};
/// let (left, right) = ("“Kim’s” visit", "\"Kim's\" visit");
/// let spans = diff_tokens(&tokenize(left, 0..left.len()), &tokenize(right, 0..right.len()));
/// assert_eq!(spans.len(), 1);
/// assert_eq!(spans[0].op, DiffOp::Equal);
/// ```
pub fn diff_tokens(left: &[Token], right: &[Token]) -> Vec<DiffSpan> {
    let left_norms: Vec<&str> = left.iter().map(|t| t.norm.as_str()).collect();
    let right_norms: Vec<&str> = right.iter().map(|t| t.norm.as_str()).collect();
    capture_diff_slices(Algorithm::Myers, &left_norms, &right_norms)
        .iter()
        .map(|op| {
            let (tag, left_idx, right_idx) = op.as_tag_tuple();
            let op = match tag {
                DiffTag::Equal => DiffOp::Equal,
                DiffTag::Insert => DiffOp::Insert,
                DiffTag::Delete => DiffOp::Delete,
                DiffTag::Replace => DiffOp::Replace,
            };
            DiffSpan {
                op,
                left: span(left, left_idx),
                right: span(right, right_idx),
            }
        })
        .collect()
}

fn span(tokens: &[Token], idx: Range<usize>) -> Option<Range<usize>> {
    if idx.is_empty() {
        return None;
    }
    Some(tokens[idx.start].range.start..tokens[idx.end - 1].range.end)
}
