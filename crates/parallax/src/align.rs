//! Link the sentences of two articles that say the same thing, in any order.

use crate::similarity::word_overlap;
use crate::tokenize::Token;

/// How closely two linked sentences agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum LinkKind {
    /// The same words in the same order (ignoring case, quotes and spacing).
    Identical,
    /// Only small wording changes.
    Minor,
    /// The same content, reworded.
    Paraphrase,
    /// One side carries facts the other lacks.
    Partial,
}

/// A link between sentences of the left and the right article.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Indices of the left article's sentences, ascending.
    pub left: Vec<usize>,
    /// Indices of the right article's sentences, ascending.
    pub right: Vec<usize>,
    /// Similarity in `[0, 1]`.
    pub score: f64,
    /// How closely the sentences agree.
    pub kind: LinkKind,
}

/// Links sentences one-to-one, best pairs first, keeping pairs scoring at least `threshold`.
///
/// `left` and `right` hold each sentence's tokens. Links come back in the left article's order.
/// Ties are broken by position, so the result is deterministic.
///
/// # Example: reordered sentences are found
///
/// ```
/// use parallax::{align::align, tokenize::tokenize};
/// let tok = |s: &str| tokenize(s, 0..s.len());
/// let left = [tok("Rain fell all day."), tok("The match was cancelled.")];
/// let right = [tok("Officials cancelled the match."), tok("Rain fell all day long.")];
/// let links = align(&left, &right, 0.3);
/// let pairs: Vec<_> = links.iter().map(|l| (l.left[0], l.right[0])).collect();
/// assert_eq!(pairs, [(0, 1), (1, 0)]);
/// ```
pub fn align(left: &[Vec<Token>], right: &[Vec<Token>], threshold: f64) -> Vec<Alignment> {
    let mut candidates = Vec::new();
    for (i, left_tokens) in left.iter().enumerate() {
        for (j, right_tokens) in right.iter().enumerate() {
            let score = word_overlap(left_tokens, right_tokens);
            if score > 0.0 && score >= threshold {
                candidates.push((score, i, j));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));

    let mut left_used = vec![false; left.len()];
    let mut right_used = vec![false; right.len()];
    let mut links = Vec::new();
    for (score, i, j) in candidates {
        if left_used[i] || right_used[j] {
            continue;
        }
        left_used[i] = true;
        right_used[j] = true;
        links.push(Alignment {
            left: vec![i],
            right: vec![j],
            score,
            kind: kind_of(&left[i], &right[j], score),
        });
    }
    links.sort_by_key(|link| link.left[0]);
    links
}

fn kind_of(left: &[Token], right: &[Token], score: f64) -> LinkKind {
    let norms = |tokens: &[Token]| tokens.iter().map(|t| t.norm.clone()).collect::<Vec<_>>();
    if norms(left) == norms(right) {
        LinkKind::Identical
    } else if score >= 0.8 {
        LinkKind::Minor
    } else {
        let (l, r) = (left.len() as f64, right.len() as f64);
        if l.max(r) > 1.8 * l.min(r) {
            LinkKind::Partial
        } else {
            LinkKind::Paraphrase
        }
    }
}
