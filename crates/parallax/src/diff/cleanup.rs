//! The clean-up of the token ops: skipped punctuation attached to a neighbour, neighbouring
//! changes merged, and short equalities between changes absorbed (the semantic clean-up).

use super::ops::TokenOp;
use super::{DiffOp, MAX_ABSORBED_EQUALITY};
use crate::tokenize::Token;
use std::ops::Range;

/// Gives the tokens the diff skipped (punctuation) to a neighbouring op on their side.
///
/// A skipped run goes to the equality before it, else the equality after it, else the change
/// before or after it that has tokens on the same side; only when the side has no other
/// tokens at all does an insertion or deletion gain them and become a replacement.
/// Punctuation alone on both sides is one equality.
pub(super) fn attach_skipped(mut ops: Vec<TokenOp>, lens: [usize; 2]) -> Vec<TokenOp> {
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
pub(super) fn coalesce(ops: Vec<TokenOp>) -> Vec<TokenOp> {
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
pub(super) fn cleanup_semantic(mut ops: Vec<TokenOp>, tokens: [&[Token]; 2]) -> Vec<TokenOp> {
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
