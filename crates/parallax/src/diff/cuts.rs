//! Cuts: spans are split where a link jumps over text that is not white space.

use super::ops::TokenOp;
use super::{DiffInput, DiffOp};
use std::ops::Range;

/// Token indices where the text between a token and the one before it is not just white
/// space (the link jumps over other sentences), or where the tokens go backwards.
pub(super) fn cuts(input: &DiffInput<'_>) -> Vec<usize> {
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
pub(super) fn split_at_cuts(ops: Vec<TokenOp>, cuts: [Vec<usize>; 2]) -> Vec<TokenOp> {
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
