//! The context of a comparison that structural features read: best scores, ranks, order, anchors.

use super::crossing::Anchors;
use crate::similarity::topics::Specific;
use crate::similarity::{larger, smaller};

use super::{
    near, PairEvidence, SentenceInput, SentenceKind, BEST_RATIO, LEDE_SCALE, ONE_SIDED_FLOOR,
    STRUCTURAL_FEATURES,
};

/// What the structural features need: best lexical scores per sentence and positions.
pub(super) struct Context {
    pub(super) left_best: Vec<f64>,
    pub(super) right_best: Vec<f64>,
    pub(super) left_rank: Vec<Option<usize>>,
    pub(super) right_rank: Vec<Option<usize>>,
    pub(super) left_count: usize,
    pub(super) right_count: usize,
    /// How monotonic the comparison is, in `[0, 1]`: the share of concordant pairs (Kendall)
    /// among the anchors, pairs that are each other's best lexical match with a score of at
    /// least [`ANCHOR_SCORE`] ([`Anchors::order`]). An edited or simplified copy of a text
    /// scores near 1, two outlets' reports of one event lower. With fewer than three anchors
    /// there is no telling: 0.5. Concordance does not depend on which side is left, so the
    /// value is mirror-symmetric.
    pub(super) order: f64,
    /// How much longer one article's sentences are than the other's (see [`asymmetry`]).
    pub(super) asymmetry: f64,
    /// The anchors of [`Context::order`], ready for counting.
    pub(super) anchors: Anchors,
    /// `rows[i]..rows[i + 1]`: where the pairs of left sentence `i` sit in the pair list
    /// (sorted by left, then right), so a pair is found in its row, not in the whole list.
    pub(super) rows: Vec<usize>,
    /// The lexical score of every pair by `left * width + right` (0 where there is no pair),
    /// when most pairs are candidates (short articles), so a score is read, not searched for;
    /// empty otherwise.
    grid: Vec<f64>,
    /// The row length of `grid`: the right article's sentence count.
    width: usize,
    /// For each sentence, its most similar sentences in its own article, with their cosine.
    pub(super) left_near: near::Near,
    pub(super) right_near: near::Near,
    /// For each sentence, its [`MARGIN_K`] + 1 best lexical scores, highest first.
    pub(super) left_top: Vec<Vec<f64>>,
    pub(super) right_top: Vec<Vec<f64>>,
    /// The lede feature of every rank (ranks are below the larger sentence count).
    ledes: Vec<f64>,
    /// The crossing feature of every count of crossed anchors.
    crossings: Vec<f64>,
}

impl Context {
    pub(super) fn new(
        left: &[SentenceInput<'_>],
        right: &[SentenceInput<'_>],
        pairs: &[PairEvidence],
        near: (near::Near, near::Near),
    ) -> Self {
        let mut left_best = vec![0.0_f64; left.len()];
        let mut right_best = vec![0.0_f64; right.len()];
        for p in pairs {
            if let Some(best) = left_best.get_mut(p.left) {
                *best = larger(*best, p.lexical_score);
            }
            if let Some(best) = right_best.get_mut(p.right) {
                *best = larger(*best, p.lexical_score);
            }
        }
        let ranks = |side: &[SentenceInput<'_>]| -> Vec<Option<usize>> {
            let mut next = 0;
            side.iter()
                .map(|s| {
                    (s.kind != SentenceKind::Boilerplate).then(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect()
        };
        let (left_rank, right_rank) = (ranks(left), ranks(right));
        let mut left_top = vec![Vec::new(); left.len()];
        let mut right_top = vec![Vec::new(); right.len()];
        for p in pairs {
            let c = p.lexical.values[crate::similarity::COSINE];
            if let Some(top) = left_top.get_mut(p.left) {
                keep_top(top, c);
            }
            if let Some(top) = right_top.get_mut(p.right) {
                keep_top(top, c);
            }
        }
        let anchors = Anchors::new(anchors(pairs, left.len(), right.len()));
        let rows = (0..=left.len())
            .map(|i| pairs.partition_point(|q| q.left < i))
            .collect();
        let grid = grid(pairs, left.len(), right.len());
        let (left_count, right_count) = (
            left_rank.iter().flatten().count(),
            right_rank.iter().flatten().count(),
        );
        // Both features are functions of a small count: computed once per count, not per pair.
        let ledes = (0..left_count.max(right_count))
            .map(|rank| lede(rank as f64))
            .collect();
        let crossings = (0..=anchors.len())
            .map(|crossed| crossing(crossed, anchors.len()))
            .collect();
        Self {
            ledes,
            crossings,
            grid,
            width: right.len(),
            left_best,
            right_best,
            left_count,
            right_count,
            left_rank,
            right_rank,
            left_near: near.0,
            right_near: near.1,
            order: anchors.order(),
            anchors,
            rows,
            asymmetry: asymmetry(left, right),
            left_top,
            right_top,
        }
    }

    pub(super) fn structural(
        &self,
        pairs: &[PairEvidence],
        index: usize,
        specific: Option<Specific>,
    ) -> [f64; STRUCTURAL_FEATURES] {
        let Some(pair) = pairs.get(index) else {
            return [0.0; STRUCTURAL_FEATURES];
        };
        let (i, j, p) = (pair.left, pair.right, pair.lexical_score);
        let lexical = |i: Option<usize>, j: Option<usize>| -> f64 {
            let (Some(i), Some(j)) = (i, j) else {
                return 0.0;
            };
            if !self.grid.is_empty() {
                return if j < self.width {
                    self.grid.get(i * self.width + j).copied().unwrap_or(0.0)
                } else {
                    0.0
                };
            }
            let (Some(&start), Some(&end)) = (self.rows.get(i), self.rows.get(i + 1)) else {
                return 0.0;
            };
            let row = pairs.get(start..end).unwrap_or_default();
            row.binary_search_by_key(&j, |q| q.right)
                .ok()
                .and_then(|k| row.get(k))
                .map_or(0.0, |q| q.lexical_score)
        };
        let (before_i, after_i) = (i.checked_sub(1), Some(i + 1));
        let (before_j, after_j) = (j.checked_sub(1), Some(j + 1));
        let diagonal = larger(lexical(before_i, before_j), lexical(after_i, after_j));
        let adjacent = larger(
            larger(lexical(Some(i), before_j), lexical(Some(i), after_j)),
            larger(lexical(before_i, Some(j)), lexical(after_i, Some(j))),
        );
        let best = |bests: &[f64], k: usize| -> f64 {
            let b = bests.get(k).copied().unwrap_or(0.0);
            if b > 0.0 {
                smaller(p / b, 1.0)
            } else {
                0.0
            }
        };
        let (left_ratio, right_ratio) = (best(&self.left_best, i), best(&self.right_best, j));
        let position = |ranks: &[Option<usize>], count: usize, k: usize| -> (f64, f64) {
            let rank = ranks.get(k).copied().flatten().unwrap_or(0);
            (relative_position(rank, count), rank as f64)
        };
        let (left_relative, left_rank) = position(&self.left_rank, self.left_count, i);
        let (right_relative, right_rank) = position(&self.right_rank, self.right_count, j);
        let mut pivot: f64 = 0.0;
        for &(k, similarity) in self.right_near.get(j).map_or(&[][..], Vec::as_slice) {
            pivot = larger(pivot, lexical(Some(i), Some(k)) * similarity);
        }
        for &(k, similarity) in self.left_near.get(i).map_or(&[][..], Vec::as_slice) {
            pivot = larger(pivot, similarity * lexical(Some(k), Some(j)));
        }
        let later = larger(left_rank, right_rank);
        let lede = self
            .ledes
            .get(later as usize)
            .copied()
            .unwrap_or_else(|| lede(later));
        let crossed = self.anchors.crossed(i, j);
        let crossing = self
            .crossings
            .get(crossed)
            .copied()
            .unwrap_or_else(|| crossing(crossed, self.anchors.len()));
        let c = pair.lexical.values[crate::similarity::COSINE];
        let left_margin = margin(self.left_top.get(i).map_or(&[][..], Vec::as_slice), c);
        let right_margin = margin(self.right_top.get(j).map_or(&[][..], Vec::as_slice), c);
        [
            logit(p),
            larger(left_ratio, right_ratio),
            diagonal,
            adjacent,
            (left_relative - right_relative).abs(),
            lede,
            pivot,
            self.asymmetry,
            self.asymmetry * logit(p),
            crossing,
            smaller(left_margin, right_margin),
            larger(left_margin, right_margin),
            specific.map_or(0.0, |s| s.mass),
            specific.map_or(0.0, |s| s.cover_min),
        ]
    }
}

/// The dense table of [`Context::grid`], or nothing when the pairs are few next to all the
/// sentence pairs or one lies outside the articles.
fn grid(pairs: &[PairEvidence], left: usize, right: usize) -> Vec<f64> {
    let cells = left.saturating_mul(right);
    if cells == 0 || cells > 4 * pairs.len().max(1024) {
        return Vec::new();
    }
    let mut grid = vec![0.0; cells];
    for p in pairs {
        if p.left >= left || p.right >= right {
            return Vec::new();
        }
        grid[p.left * right + p.right] = p.lexical_score;
    }
    grid
}

/// The lede feature of a pair whose later sentence has `rank` (0 for each article's first
/// sentence that is not boilerplate).
fn lede(rank: f64) -> f64 {
    (-rank / LEDE_SCALE).exp()
}

/// Up to this many anchors, the crossing feature counts every anchor a pair crosses; beyond,
/// the count is scaled down to this many anchors (see [`crossing`]).
pub(super) const CROSSING_ANCHORS: usize = 400;

/// The crossing feature: `ln(1 + crossed)` for a pair that crosses `crossed` of `anchors`
/// anchors, the count scaled to [`CROSSING_ANCHORS`] anchors when there are more.
///
/// In a long input made of many stories (or one story moved about in pieces) a right pair
/// crosses every anchor between its place and where its story sits on the other side, a
/// number that grows with the input's length; unscaled, the same pair in a longer input would
/// look ever more like a stray match. Scaled, the feature measures the share of the anchors
/// crossed, as it does in the article-sized inputs the model was fitted on, where the two
/// are the same number.
pub(super) fn crossing(crossed: usize, anchors: usize) -> f64 {
    let crossed = crossed as f64;
    if anchors <= CROSSING_ANCHORS {
        crossed.ln_1p()
    } else {
        (crossed * CROSSING_ANCHORS as f64 / anchors as f64).ln_1p()
    }
}

/// How many alternatives a margin compares a pair's score with.
pub(super) const MARGIN_K: usize = 4;

/// Keeps `top` the [`MARGIN_K`] + 1 highest of the scores it has seen, highest first.
fn keep_top(top: &mut Vec<f64>, score: f64) {
    let at = top.partition_point(|&t| t >= score);
    if at <= MARGIN_K {
        top.insert(at, score);
        top.truncate(MARGIN_K + 1);
    }
}

/// The margin of a pair scoring `score` for one of its sentences (as CSLS does): the score
/// minus the mean of the sentence's [`MARGIN_K`] best alternatives (its best scores with the
/// other sentences of the other side, fewer when it has fewer candidates; with none the
/// margin is the score itself). `top` holds the sentence's best scores, this pair's among
/// them; one score equal to it is left out as the pair's own.
pub(super) fn margin(top: &[f64], score: f64) -> f64 {
    let mut skipped = false;
    let mut sum = 0.0;
    let mut taken = 0;
    for &t in top {
        if !skipped && t.to_bits() == score.to_bits() {
            skipped = true;
            continue;
        }
        if taken < MARGIN_K {
            sum += t;
            taken += 1;
        }
    }
    if taken == 0 {
        score
    } else {
        score - sum / taken as f64
    }
}

/// A sentence's best pair score and the other sentence of that pair.
pub(super) type Best = (f64, usize);

/// Whether the pair `(left, right, score)` survives the competition for its sentences, given
/// the best `(score, partner)` of its left and of its right sentence (see the module docs).
pub(super) fn wins_competition(
    (left, right, score): (usize, usize, f64),
    (left_best, left_partner): Best,
    (right_best, right_partner): Best,
    ordered: bool,
) -> bool {
    let left_ok = score >= BEST_RATIO * left_best;
    let right_ok = score >= BEST_RATIO * right_best;
    if left_ok && right_ok {
        return true;
    }
    // Chosen by one sentence only: not far below the other's best, and in an ordered rewrite
    // next to the other's best partner (the other half of a split).
    if !(left_ok || right_ok) || score < ONE_SIDED_FLOOR * left_best.max(right_best) {
        return false;
    }
    if !ordered {
        true
    } else if right_ok {
        left_partner.abs_diff(right) <= 1
    } else {
        right_partner.abs_diff(left) <= 1
    }
}

/// A rank's place in `[0, 1]` among `count` sentences.
pub(super) fn relative_position(rank: usize, count: usize) -> f64 {
    if count > 1 {
        rank as f64 / (count - 1) as f64
    } else {
        0.0
    }
}

/// Lexical score from which a mutual best pair counts as an anchor of [`Context::order`].
pub(super) const ANCHOR_SCORE: f64 = 0.5;

/// The anchors of [`Context::order`]: pairs that are each other's best lexical match with a score of at
/// least [`ANCHOR_SCORE`], sorted.
pub(super) fn anchors(
    pairs: &[PairEvidence],
    left_count: usize,
    right_count: usize,
) -> Vec<(usize, usize)> {
    let mut left_best = vec![(0.0_f64, usize::MAX); left_count];
    let mut right_best = vec![(0.0_f64, usize::MAX); right_count];
    // Ties go to the lower index on the other side, the same rule from both sides.
    let better = |candidate: (f64, usize), current: (f64, usize)| {
        candidate
            .0
            .total_cmp(&current.0)
            .then(current.1.cmp(&candidate.1))
            .is_gt()
    };
    for p in pairs {
        if let Some(best) = left_best.get_mut(p.left) {
            if better((p.lexical_score, p.right), *best) {
                *best = (p.lexical_score, p.right);
            }
        }
        if let Some(best) = right_best.get_mut(p.right) {
            if better((p.lexical_score, p.left), *best) {
                *best = (p.lexical_score, p.left);
            }
        }
    }
    left_best
        .iter()
        .enumerate()
        .filter(|(i, (score, j))| {
            *score >= ANCHOR_SCORE && right_best.get(*j).is_some_and(|b| b.1 == *i)
        })
        .map(|(i, (_, j))| (i, *j))
        .collect()
}

/// How unlike the two articles' sentence lengths are: `|ln(mean left / mean right)|` over the
/// number of words per non-boilerplate sentence. Two reports of one event write sentences of
/// about the same length; a text and its simplified or condensed rewrite do not, and there a
/// weak lexical match is less often a real one.
pub(super) fn asymmetry(left: &[SentenceInput<'_>], right: &[SentenceInput<'_>]) -> f64 {
    let mean = |side: &[SentenceInput<'_>]| -> f64 {
        let (mut words, mut count) = (0usize, 0usize);
        for s in side.iter().filter(|s| s.kind != SentenceKind::Boilerplate) {
            words += s.tokens.iter().filter(|t| t.is_word()).count();
            count += 1;
        }
        (words as f64 + 1.0) / (count as f64 + 1.0)
    };
    // Larger over smaller, so swapping the sides gives the same bits.
    let (a, b) = (mean(left), mean(right));
    (a.max(b) / a.min(b)).ln()
}

/// The log-odds of a probability, bounded to `[-12, 12]`.
pub(super) fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln().clamp(-12.0, 12.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crossing_counts_are_scaled_only_beyond_the_anchor_limit() {
        // Up to the limit: the plain count, to the bit.
        for (crossed, anchors) in [(0, 0), (3, 10), (250, CROSSING_ANCHORS)] {
            let plain = (crossed as f64).ln_1p();
            assert_eq!(crossing(crossed, anchors).to_bits(), plain.to_bits());
        }
        // Beyond: the same share of the anchors crossed gives the same value.
        let share = crossing(100, CROSSING_ANCHORS);
        assert!((crossing(1_000, 10 * CROSSING_ANCHORS) - share).abs() < 1e-12);
        assert!(crossing(1_000, 10 * CROSSING_ANCHORS) < crossing(1_000, CROSSING_ANCHORS));
    }
}
