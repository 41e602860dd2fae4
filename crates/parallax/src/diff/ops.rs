//! Token ops: the Myers diff over comparison keys, in one canonical orientation of the two
//! sides so that swapping them gives exactly the mirrored diff.

use super::cleanup::{attach_skipped, cleanup_semantic, coalesce};
use super::cuts::{cuts, split_at_cuts};
use super::{DiffInput, DiffOp, DiffOptions};
use crate::tokenize::Fnv;
use crate::tokenize::{Token, TokenKind};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::borrow::Cow;
use std::cmp::Ordering;
use std::hash::BuildHasherDefault;
use std::ops::Range;

/// A diff operation over token indices; an empty range means "no tokens on this side".
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TokenOp {
    pub(super) op: DiffOp,
    pub(super) left: Range<usize>,
    pub(super) right: Range<usize>,
}

impl TokenOp {
    pub(super) fn side(&self, side: usize) -> &Range<usize> {
        if side == 0 {
            &self.left
        } else {
            &self.right
        }
    }

    pub(super) fn side_mut(&mut self, side: usize) -> &mut Range<usize> {
        if side == 0 {
            &mut self.left
        } else {
            &mut self.right
        }
    }

    /// The op that fits the ranges: both sides `Replace` (or `Equal` if it was), one side
    /// `Delete` or `Insert`.
    pub(super) fn reclassify(&mut self) {
        self.op = match (self.left.is_empty(), self.right.is_empty()) {
            (false, false) if self.op == DiffOp::Equal => DiffOp::Equal,
            (false, false) => DiffOp::Replace,
            (false, true) => DiffOp::Delete,
            (true, false) => DiffOp::Insert,
            (true, true) => self.op,
        };
    }

    /// The same op seen from the other side: ranges swapped, insertions and deletions
    /// exchanged.
    fn mirrored(self) -> Self {
        let op = match self.op {
            DiffOp::Insert => DiffOp::Delete,
            DiffOp::Delete => DiffOp::Insert,
            op => op,
        };
        TokenOp {
            op,
            left: self.right,
            right: self.left,
        }
    }

    pub(super) fn is_change(&self) -> bool {
        self.op != DiffOp::Equal
    }

    /// Tokens on the longer side.
    pub(super) fn len(&self) -> usize {
        self.left.len().max(self.right.len())
    }
}

/// The whole diff over token indices, the same whichever side is left.
///
/// Myers' diff breaks ties between equally short edit scripts by preferring one side (it
/// deletes before it inserts), so `diff(b, a)` is not always the mirror of `diff(a, b)`: a
/// moved word can be kept on one side and marked on the other. The diff therefore always runs
/// in one canonical orientation, the one whose left side comes first in [`side_order`], and
/// is mirrored back when the sides came the other way round.
pub(super) fn token_ops(
    left: &DiffInput<'_>,
    right: &DiffInput<'_>,
    options: DiffOptions,
) -> Vec<TokenOp> {
    if side_order(left, right) == Ordering::Greater {
        return oriented_token_ops(right, left, options)
            .into_iter()
            .map(TokenOp::mirrored)
            .collect();
    }
    oriented_token_ops(left, right, options)
}

/// A total order on diff inputs that looks at everything the diff depends on: each token's
/// folded form, surface (its case), kind and stop-word flag, then the cuts. Two inputs that
/// compare equal give the same diff against each other from either side.
fn side_order(left: &DiffInput<'_>, right: &DiffInput<'_>) -> Ordering {
    token_facts(left)
        .cmp(token_facts(right))
        .then_with(|| cuts(left).cmp(&cuts(right)))
}

/// What [`side_order`] compares of each token.
fn token_facts<'a>(
    input: &DiffInput<'a>,
) -> impl Iterator<Item = (&'a str, &'a str, TokenKind, bool)> {
    let text = input.text;
    input.tokens.iter().map(move |t| {
        let surface = text.get(t.range.clone()).unwrap_or_default();
        (t.norm.as_str(), surface, t.kind, t.stop_word)
    })
}

/// The whole diff over token indices in the given orientation: keys, Myers, punctuation,
/// clean-up, cuts.
fn oriented_token_ops(
    left: &DiffInput<'_>,
    right: &DiffInput<'_>,
    options: DiffOptions,
) -> Vec<TokenOp> {
    let sides = [left, right];
    let kept: [Vec<usize>; 2] = sides.map(|side| {
        (0..side.tokens.len())
            .filter(|&i| !(options.ignore_punctuation && is_punctuation(&side.tokens[i])))
            .collect()
    });
    let keys: [Vec<Cow<'_, str>>; 2] = [0, 1].map(|s| {
        kept[s]
            .iter()
            .map(|&i| key(sides[s].text, &sides[s].tokens[i], options.ignore_case))
            .collect()
    });
    let ids = interned([&keys[0], &keys[1]]);
    let mut ops: Vec<TokenOp> = capture_diff_slices(Algorithm::Myers, &ids[0], &ids[1])
        .iter()
        .map(|op| {
            let (tag, left_kept, right_kept) = op.as_tag_tuple();
            TokenOp {
                op: match tag {
                    DiffTag::Equal => DiffOp::Equal,
                    DiffTag::Insert => DiffOp::Insert,
                    DiffTag::Delete => DiffOp::Delete,
                    DiffTag::Replace => DiffOp::Replace,
                },
                left: unfilter(&kept[0], left_kept),
                right: unfilter(&kept[1], right_kept),
            }
        })
        .collect();
    if options.ignore_punctuation {
        ops = attach_skipped(ops, [left.tokens.len(), right.tokens.len()]);
    }
    let ops = coalesce(ops);
    let ops = cleanup_semantic(ops, [left.tokens, right.tokens]);
    split_at_cuts(ops, [cuts(left), cuts(right)])
}

/// Whether the token is punctuation or a quotation mark.
fn is_punctuation(token: &Token) -> bool {
    matches!(token.kind, TokenKind::Punct | TokenKind::Quote)
}

/// The comparison key: the folded form, plus the letter case of the surface unless ignored.
fn key<'t>(text: &str, token: &'t Token, ignore_case: bool) -> Cow<'t, str> {
    let surface = text.get(token.range.clone()).unwrap_or_default();
    if ignore_case || !surface.chars().any(char::is_uppercase) {
        return Cow::Borrowed(&token.norm);
    }
    let mut key = String::with_capacity(token.norm.len() + 1 + surface.len());
    key.push_str(&token.norm);
    key.push('\u{1}');
    key.extend(surface.chars().filter(|c| c.is_alphabetic()).map(|c| {
        if c.is_uppercase() {
            'U'
        } else {
            'l'
        }
    }));
    Cow::Owned(key)
}

/// Maps a range of kept-token positions back to a range of token indices.
fn unfilter(kept: &[usize], range: Range<usize>) -> Range<usize> {
    match (
        kept.get(range.start),
        range.end.checked_sub(1).and_then(|i| kept.get(i)),
    ) {
        (Some(&first), Some(&last)) if !range.is_empty() => first..last + 1,
        _ => 0..0,
    }
}

/// Two lists of words as small numbers, equal exactly where the words are equal. A diff
/// (`similar`'s Myers and its pre-pass) only ever asks whether two items are equal, so it gives
/// the same ops over these numbers as over the words, without comparing strings; and every
/// diff of the crate runs over one item type (one instance of the algorithm in the wasm).
/// Numbers are given in order of first appearance, left list first.
pub(crate) fn interned<S: AsRef<str>>(lists: [&[S]; 2]) -> [Vec<u32>; 2] {
    // Looked up only, never iterated: the numbers do not depend on the map's order.
    #[allow(clippy::disallowed_types)]
    let mut numbers: std::collections::HashMap<&str, u32, BuildHasherDefault<Fnv>> =
        std::collections::HashMap::with_capacity_and_hasher(
            lists[0].len() + lists[1].len(),
            BuildHasherDefault::default(),
        );
    lists.map(|list| {
        list.iter()
            .map(|word| {
                let next = u32::try_from(numbers.len()).unwrap_or(u32::MAX);
                *numbers.entry(word.as_ref()).or_insert(next)
            })
            .collect()
    })
}
