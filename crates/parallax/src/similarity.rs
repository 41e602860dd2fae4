//! Score how much two sentences say the same thing, in `[0, 1]`.

use crate::tokenize::Token;
use std::collections::BTreeSet;

/// Dice overlap of the two sentences' content words: `2·|L∩R| / (|L| + |R|)`.
///
/// Words match on their stems ([`Token::stem`]), so `opened` meets `opens` and `Kim’s` meets
/// `Kim`; stop words and punctuation never count. Returns 0 when either side has no content words.
///
/// # Example: shared words raise the score
///
/// ```
/// use parallax::{similarity::word_overlap, tokenize::tokenize};
/// let left = "The bridge opened on Monday.";
/// let right = "On Monday the new bridge opened.";
/// let score = word_overlap(&tokenize(left, 0..left.len()), &tokenize(right, 0..right.len()));
/// assert!((score - 6.0 / 7.0).abs() < 1e-9);
/// ```
///
/// # Example: inflected forms match
///
/// ```
/// use parallax::{similarity::word_overlap, tokenize::tokenize};
/// let left = "Officials negotiated Kim’s release.";
/// let right = "The official negotiations freed Kim.";
/// let score = word_overlap(&tokenize(left, 0..left.len()), &tokenize(right, 0..right.len()));
/// // offici, negoti and kim are shared; releas and freed are not.
/// assert!((score - 6.0 / 8.0).abs() < 1e-9);
/// ```
pub fn word_overlap(left: &[Token], right: &[Token]) -> f64 {
    let left = content_set(left);
    let right = content_set(right);
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let shared = left.intersection(&right).count();
    2.0 * shared as f64 / (left.len() + right.len()) as f64
}

fn content_set(tokens: &[Token]) -> BTreeSet<&str> {
    tokens
        .iter()
        .filter(|t| t.is_content())
        .map(|t| t.stem.as_str())
        .collect()
}
