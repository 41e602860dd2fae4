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

use crate::tokenize::{Token, TokenKind};
use similar::{capture_diff_slices, Algorithm, DiffTag};
use std::cmp::Ordering;
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

/// A diff operation over token indices; an empty range means "no tokens on this side".
#[derive(Debug, Clone, PartialEq, Eq)]
struct TokenOp {
    op: DiffOp,
    left: Range<usize>,
    right: Range<usize>,
}

impl TokenOp {
    fn side(&self, side: usize) -> &Range<usize> {
        if side == 0 {
            &self.left
        } else {
            &self.right
        }
    }

    fn side_mut(&mut self, side: usize) -> &mut Range<usize> {
        if side == 0 {
            &mut self.left
        } else {
            &mut self.right
        }
    }

    /// The op that fits the ranges: both sides `Replace` (or `Equal` if it was), one side
    /// `Delete` or `Insert`.
    fn reclassify(&mut self) {
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

    fn is_change(&self) -> bool {
        self.op != DiffOp::Equal
    }

    /// Tokens on the longer side.
    fn len(&self) -> usize {
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
fn token_ops(left: &DiffInput<'_>, right: &DiffInput<'_>, options: DiffOptions) -> Vec<TokenOp> {
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
    let keys: [Vec<String>; 2] = [0, 1].map(|s| {
        kept[s]
            .iter()
            .map(|&i| key(sides[s].text, &sides[s].tokens[i], options.ignore_case))
            .collect()
    });
    let mut ops: Vec<TokenOp> = capture_diff_slices(Algorithm::Myers, &keys[0], &keys[1])
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
fn key(text: &str, token: &Token, ignore_case: bool) -> String {
    let surface = text.get(token.range.clone()).unwrap_or_default();
    if ignore_case || !surface.chars().any(char::is_uppercase) {
        return token.norm.clone();
    }
    let mut key = token.norm.clone();
    key.push('\u{1}');
    key.extend(surface.chars().filter(|c| c.is_alphabetic()).map(|c| {
        if c.is_uppercase() {
            'U'
        } else {
            'l'
        }
    }));
    key
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

/// Gives the tokens the diff skipped (punctuation) to a neighbouring op on their side.
///
/// A skipped run goes to the equality before it, else the equality after it, else the change
/// before or after it that has tokens on the same side; only when the side has no other
/// tokens at all does an insertion or deletion gain them and become a replacement.
/// Punctuation alone on both sides is one equality.
fn attach_skipped(mut ops: Vec<TokenOp>, lens: [usize; 2]) -> Vec<TokenOp> {
    if ops.is_empty() {
        let mut op = TokenOp {
            op: DiffOp::Equal,
            left: 0..lens[0],
            right: 0..lens[1],
        };
        if lens != [0, 0] {
            op.reclassify();
            ops.push(op);
        }
        return ops;
    }
    for (side, &len) in lens.iter().enumerate() {
        let mut pos = 0;
        // The last op with tokens on this side.
        let mut previous: Option<usize> = None;
        for k in 0..=ops.len() {
            let (gap_end, next) = match ops.get(k) {
                Some(op) if op.side(side).is_empty() => continue,
                Some(op) => (op.side(side).start, Some(k)),
                None => (len, None),
            };
            if pos < gap_end {
                let is_equal = |i: Option<usize>| i.is_some_and(|i| ops[i].op == DiffOp::Equal);
                let target = if is_equal(previous) {
                    previous
                } else if is_equal(next) {
                    next
                } else {
                    previous.or(next).or(k.checked_sub(1))
                };
                if let Some(t) = target {
                    let current = ops[t].side(side).clone();
                    *ops[t].side_mut(side) = if current.is_empty() {
                        pos..gap_end
                    } else {
                        current.start.min(pos)..current.end.max(gap_end)
                    };
                }
            }
            if let Some(k) = next {
                pos = ops[k].side(side).end;
                previous = Some(k);
            }
        }
    }
    for op in &mut ops {
        op.reclassify();
    }
    ops
}

/// Merges neighbouring changes into one and drops empty ops.
fn coalesce(ops: Vec<TokenOp>) -> Vec<TokenOp> {
    let mut out: Vec<TokenOp> = Vec::with_capacity(ops.len());
    for op in ops {
        if op.left.is_empty() && op.right.is_empty() {
            continue;
        }
        match out.last_mut() {
            Some(last) if last.is_change() && op.is_change() => {
                for side in 0..2 {
                    let (from, to) = (last.side(side).clone(), op.side(side).clone());
                    *last.side_mut(side) = match (from.is_empty(), to.is_empty()) {
                        (true, _) => to,
                        (_, true) => from,
                        _ => from.start..to.end,
                    };
                }
                last.op = DiffOp::Replace;
                last.reclassify();
            }
            _ => out.push(op),
        }
    }
    out
}

/// Merges short equalities between two changes into one replacement, until none is left.
///
/// `ops` alternate between equalities and single changes (see [`coalesce`]). An equality of
/// `n` tokens goes when `n <= MAX_ABSORBED_EQUALITY`, it holds no content word on either side
/// (only stop words, punctuation and quotes: a shared name or number stays visible), and, as in
/// diff-match-patch, the changes on each side of it are at least `n` tokens long on one of
/// their sides.
fn cleanup_semantic(mut ops: Vec<TokenOp>, tokens: [&[Token]; 2]) -> Vec<TokenOp> {
    let mut k = 1;
    while k + 1 < ops.len() {
        let (before, equality, after) = (&ops[k - 1], &ops[k], &ops[k + 1]);
        let absorb = !equality.is_change()
            && before.is_change()
            && after.is_change()
            && equality.len() <= MAX_ABSORBED_EQUALITY
            && equality.len() <= before.len()
            && equality.len() <= after.len()
            && !(0..2).any(|side| {
                tokens[side]
                    .get(equality.side(side).clone())
                    .is_some_and(|tokens| tokens.iter().any(Token::is_content))
            });
        if absorb {
            let merged = TokenOp {
                op: DiffOp::Replace,
                left: span_of(&[&before.left, &equality.left, &after.left]),
                right: span_of(&[&before.right, &equality.right, &after.right]),
            };
            ops.splice(k - 1..=k + 1, [merged]);
            // The longer change may now swallow the equality before it.
            k = k.saturating_sub(2).max(1);
        } else {
            k += 1;
        }
    }
    ops
}

/// The token range from the first non-empty range's start to the last one's end; the ranges
/// are in order and contiguous on their side.
fn span_of(ranges: &[&Range<usize>]) -> Range<usize> {
    let mut present = ranges.iter().filter(|r| !r.is_empty());
    match (present.next(), present.next_back()) {
        (Some(first), Some(last)) => first.start..last.end,
        (Some(only), None) => (*only).clone(),
        _ => 0..0,
    }
}

/// Token indices where the text between a token and the one before it is not just white
/// space (the link jumps over other sentences), or where the tokens go backwards.
fn cuts(input: &DiffInput<'_>) -> Vec<usize> {
    (1..input.tokens.len())
        .filter(|&i| {
            let (end, start) = (input.tokens[i - 1].range.end, input.tokens[i].range.start);
            start < end
                || input
                    .text
                    .get(end..start)
                    .is_none_or(|gap| !gap.trim().is_empty())
        })
        .collect()
}

/// Splits every op whose range on either side contains a cut.
///
/// An equality with as many tokens on each side is split at the same places on both sides;
/// otherwise the pieces of the two sides are paired in order and the extra pieces become a
/// deletion or an insertion.
fn split_at_cuts(ops: Vec<TokenOp>, cuts: [Vec<usize>; 2]) -> Vec<TokenOp> {
    if cuts[0].is_empty() && cuts[1].is_empty() {
        return ops;
    }
    let inside = |side: usize, range: &Range<usize>| -> Vec<usize> {
        cuts[side]
            .iter()
            .copied()
            .filter(|&c| range.start < c && c < range.end)
            .collect()
    };
    let mut out = Vec::with_capacity(ops.len());
    for op in ops {
        let (left_cuts, right_cuts) = (inside(0, &op.left), inside(1, &op.right));
        if left_cuts.is_empty() && right_cuts.is_empty() {
            out.push(op);
            continue;
        }
        if op.op == DiffOp::Equal && op.left.len() == op.right.len() {
            let mut offsets: Vec<usize> = left_cuts
                .iter()
                .map(|c| c - op.left.start)
                .chain(right_cuts.iter().map(|c| c - op.right.start))
                .collect();
            crate::order::sort(&mut offsets);
            offsets.dedup();
            let mut from = 0;
            for to in offsets.into_iter().chain([op.left.len()]) {
                out.push(TokenOp {
                    op: DiffOp::Equal,
                    left: op.left.start + from..op.left.start + to,
                    right: op.right.start + from..op.right.start + to,
                });
                from = to;
            }
            continue;
        }
        let pieces = |range: &Range<usize>, cuts: &[usize]| -> Vec<Range<usize>> {
            if range.is_empty() {
                return Vec::new();
            }
            let mut bounds = vec![range.start];
            bounds.extend_from_slice(cuts);
            bounds.push(range.end);
            bounds.windows(2).map(|w| w[0]..w[1]).collect()
        };
        let (left_pieces, right_pieces) =
            (pieces(&op.left, &left_cuts), pieces(&op.right, &right_cuts));
        for i in 0..left_pieces.len().max(right_pieces.len()) {
            let mut piece = TokenOp {
                op: op.op,
                left: left_pieces.get(i).cloned().unwrap_or(0..0),
                right: right_pieces.get(i).cloned().unwrap_or(0..0),
            };
            if piece.left.is_empty() || piece.right.is_empty() {
                piece.reclassify();
            }
            out.push(piece);
        }
    }
    out
}

/// The byte range from the first to the last token of `range`, or `None` when it is empty.
fn byte_range(tokens: &[Token], range: &Range<usize>) -> Option<Range<usize>> {
    let first = tokens.get(range.start)?;
    let last = tokens.get(range.end.checked_sub(1)?)?;
    (!range.is_empty()).then_some(first.range.start..last.range.end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;
    use crate::tokenize::tokenize;

    struct Case {
        name: &'static str,
        left: &'static str,
        right: &'static str,
        options: DiffOptions,
        /// `op left|right` per span, `_` for an absent side.
        expected: &'static [&'static str],
    }

    const PLAIN: DiffOptions = DiffOptions {
        ignore_case: false,
        ignore_punctuation: false,
    };
    const NO_CASE: DiffOptions = DiffOptions {
        ignore_case: true,
        ignore_punctuation: false,
    };
    const NO_PUNCT: DiffOptions = DiffOptions {
        ignore_case: false,
        ignore_punctuation: true,
    };

    const CASES: &[Case] = &[
        Case {
            name: "identical",
            left: "Rain fell all day.",
            right: "Rain fell all day.",
            options: PLAIN,
            expected: &["equal Rain fell all day.|Rain fell all day."],
        },
        Case {
            name: "typographic quotes and dashes are equal",
            left: "“Kim’s” visit — short",
            right: "\"Kim's\" visit - short",
            options: PLAIN,
            expected: &["equal “Kim’s” visit — short|\"Kim's\" visit - short"],
        },
        Case {
            name: "case is a change by default",
            left: "The Mayor spoke",
            right: "The mayor spoke",
            options: PLAIN,
            expected: &["equal The|The", "replace Mayor|mayor", "equal spoke|spoke"],
        },
        Case {
            name: "ignore case",
            left: "The Mayor spoke",
            right: "the mayor spoke",
            options: NO_CASE,
            expected: &["equal The Mayor spoke|the mayor spoke"],
        },
        Case {
            name: "insertion at the end",
            left: "Crowds cheered",
            right: "Crowds cheered loudly",
            options: PLAIN,
            expected: &["equal Crowds cheered|Crowds cheered", "insert _|loudly"],
        },
        Case {
            name: "deletion at the start",
            left: "On Monday the bridge opened",
            right: "the bridge opened",
            options: PLAIN,
            expected: &[
                "delete On Monday|_",
                "equal the bridge opened|the bridge opened",
            ],
        },
        Case {
            name: "lone the between changes is absorbed",
            left: "He called the loss a blow",
            right: "He said the collapse was a blow",
            options: PLAIN,
            expected: &[
                "equal He|He",
                "replace called the loss|said the collapse was",
                "equal a blow|a blow",
            ],
        },
        Case {
            // One shortest diff only: with two (keep `landmark` or keep `,`), which one
            // Myers finds depends on the side order, and the diff runs in a canonical one.
            name: "lone comma between changes is absorbed",
            left: "The Wenlow lighthouse, a landmark on the coast",
            right: "The old tower, which had stood on the coast",
            options: PLAIN,
            expected: &[
                "equal The|The",
                "replace Wenlow lighthouse, a landmark|old tower, which had stood",
                "equal on the coast|on the coast",
            ],
        },
        Case {
            name: "three equal tokens stay",
            left: "Storms hit the north coast hard",
            right: "Gales hit the north coast badly",
            options: PLAIN,
            expected: &[
                "replace Storms|Gales",
                "equal hit the north coast|hit the north coast",
                "replace hard|badly",
            ],
        },
        Case {
            name: "an equality longer than its neighbouring change stays",
            left: "red car in the rain",
            right: "blue car in the snow",
            options: PLAIN,
            expected: &[
                "replace red|blue",
                "equal car in the|car in the",
                "replace rain|snow",
            ],
        },
        Case {
            name: "a shared content word between changes stays",
            left: "a red old car",
            right: "a blue old truck",
            options: PLAIN,
            expected: &[
                "equal a|a",
                "replace red|blue",
                "equal old|old",
                "replace car|truck",
            ],
        },
        Case {
            name: "two stop words next to a shorter change stay",
            left: "a red car of the year",
            right: "a blue truck of the decade",
            options: PLAIN,
            expected: &[
                "equal a|a",
                "replace red car|blue truck",
                "equal of the|of the",
                "replace year|decade",
            ],
        },
        Case {
            name: "two stop words between changes are absorbed",
            left: "a red car of the year",
            right: "a blue truck of the last decade",
            options: PLAIN,
            expected: &[
                "equal a|a",
                "replace red car of the year|blue truck of the last decade",
            ],
        },
        Case {
            name: "two content words between changes stay",
            left: "a red big old car",
            right: "a blue big old truck",
            options: PLAIN,
            expected: &[
                "equal a|a",
                "replace red|blue",
                "equal big old|big old",
                "replace car|truck",
            ],
        },
        Case {
            name: "punctuation counts by default",
            left: "Rain fell, all day",
            right: "Rain fell all day",
            options: PLAIN,
            expected: &[
                "equal Rain fell|Rain fell",
                "delete ,|_",
                "equal all day|all day",
            ],
        },
        Case {
            name: "ignore punctuation inside an equality",
            left: "Rain fell, all day.",
            right: "Rain fell all day",
            options: NO_PUNCT,
            expected: &["equal Rain fell, all day.|Rain fell all day"],
        },
        Case {
            name: "ignore punctuation next to a change joins the equality",
            left: "He left. Then rain",
            right: "He left and rain",
            options: NO_PUNCT,
            expected: &[
                "equal He left.|He left",
                "replace Then|and",
                "equal rain|rain",
            ],
        },
        Case {
            name: "ignore punctuation keeps an insertion an insertion",
            left: "Rain fell; all day",
            right: "Rain fell hard all day",
            options: NO_PUNCT,
            expected: &[
                "equal Rain fell;|Rain fell",
                "insert _|hard",
                "equal all day|all day",
            ],
        },
        Case {
            name: "punctuation only on both sides is equal when ignored",
            left: "...",
            right: "!",
            options: NO_PUNCT,
            expected: &["equal ...|!"],
        },
        Case {
            name: "punctuation only against words",
            left: "—",
            right: "Yes",
            options: NO_PUNCT,
            expected: &["replace —|Yes"],
        },
        Case {
            name: "empty left",
            left: "",
            right: "New text",
            options: PLAIN,
            expected: &["insert _|New text"],
        },
        Case {
            name: "both empty",
            left: "",
            right: "",
            options: PLAIN,
            expected: &[],
        },
    ];

    fn render(left: &str, right: &str, spans: &[DiffSpan]) -> Vec<String> {
        let side = |text: &str, range: &Option<Range<usize>>| {
            range
                .as_ref()
                .map_or("_".to_owned(), |r| text[r.clone()].to_owned())
        };
        spans
            .iter()
            .map(|s| {
                format!(
                    "{} {}|{}",
                    format!("{:?}", s.op).to_lowercase(),
                    side(left, &s.left),
                    side(right, &s.right)
                )
            })
            .collect()
    }

    fn run(left: &str, right: &str, options: DiffOptions) -> Vec<DiffSpan> {
        let (lt, rt) = (
            tokenize(left, 0..left.len()),
            tokenize(right, 0..right.len()),
        );
        diff_tokens(
            &DiffInput::new(left, &lt),
            &DiffInput::new(right, &rt),
            &options,
        )
    }

    #[test]
    fn cases() {
        for case in CASES {
            let spans = run(case.left, case.right, case.options);
            assert_eq!(
                render(case.left, case.right, &spans),
                case.expected,
                "{}",
                case.name
            );
        }
    }

    #[test]
    fn case_names_are_unique() {
        assert!(unique(CASES.iter().map(|c| c.name)));
    }

    /// Pairs whose diff depended on which side was left (issue 19, item 7): Myers keeps the
    /// first of two swapped words on one side and the second on the other.
    const SWAPS: &[(&str, &str, &str)] = &[
        ("two words swapped", "storm mayor", "mayor storm"),
        (
            "a moved phrase",
            "The mayor said the storm hit the town.",
            "The storm hit the town, the mayor said.",
        ),
        (
            "repeated words moved",
            "storm storm mayor sea Dr. into storm.",
            "storm storm mayor storm into. 1884.",
        ),
        ("case and order", "Storm mayor storm", "storm Mayor Storm"),
    ];

    /// The span list as the other side sees it.
    fn mirror(spans: &[DiffSpan]) -> Vec<DiffSpan> {
        spans
            .iter()
            .map(|s| DiffSpan {
                op: match s.op {
                    DiffOp::Insert => DiffOp::Delete,
                    DiffOp::Delete => DiffOp::Insert,
                    op => op,
                },
                left: s.right.clone(),
                right: s.left.clone(),
            })
            .collect()
    }

    #[test]
    fn issue_19_swapping_sides_mirrors_the_diff() {
        assert!(unique(SWAPS.iter().map(|s| s.0)));
        let pairs = SWAPS
            .iter()
            .copied()
            .chain(CASES.iter().map(|c| (c.name, c.left, c.right)));
        for (name, left, right) in pairs {
            for options in [PLAIN, NO_CASE, NO_PUNCT] {
                assert_eq!(
                    run(right, left, options),
                    mirror(&run(left, right, options)),
                    "{name}, {options:?}"
                );
            }
        }
    }

    #[test]
    fn spans_split_where_a_link_skips_text() {
        // The left side is sentences 0 and 2 of one text: no span may cover sentence 1.
        let left = "Rain fell all day. Nobody came. The match was off.";
        let mut left_tokens = tokenize(left, 0..18);
        left_tokens.extend(tokenize(left, 32..left.len()));
        let right = "Rain fell all day and the match was off.";
        let right_tokens = tokenize(right, 0..right.len());
        let spans = diff_tokens(
            &DiffInput::new(left, &left_tokens),
            &DiffInput::new(right, &right_tokens),
            &DiffOptions::default(),
        );
        for span in &spans {
            if let Some(r) = &span.left {
                assert!(!left[r.clone()].contains("Nobody"), "{spans:?}");
            }
        }
        let covered: usize = spans.iter().filter_map(|s| s.left.as_ref()).count();
        assert!(covered >= 2, "{spans:?}");
    }

    #[test]
    fn no_absorbable_equality_is_left() {
        let left = "The council had approved a plan, at a cost of two million, to move it";
        let right = "The council approved a costly plan costing two million in all to move it";
        let (lt, rt) = (
            tokenize(left, 0..left.len()),
            tokenize(right, 0..right.len()),
        );
        for options in [PLAIN, NO_CASE, NO_PUNCT] {
            let ops = token_ops(
                &DiffInput::new(left, &lt),
                &DiffInput::new(right, &rt),
                options,
            );
            assert!(ops.iter().any(TokenOp::is_change), "{ops:?}");
            for w in ops.windows(3) {
                let sandwiched = w[0].is_change() && !w[1].is_change() && w[2].is_change();
                let content = lt[w[1].left.clone()].iter().any(Token::is_content);
                assert!(
                    !sandwiched
                        || content
                        || w[1].len() > MAX_ABSORBED_EQUALITY.min(w[0].len()).min(w[2].len()),
                    "{options:?}: {ops:?}"
                );
            }
        }
    }
}
