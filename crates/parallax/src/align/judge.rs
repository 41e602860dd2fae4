//! Judge each finished link as a whole: is it exactly right, or a fragment or a stray?
//!
//! Pairs are scored one by one, but a reader sees links. A link can hold only good pairs and
//! still be wrong as a link: one half of a split sentence without the other, or a short
//! sentence that shares one rare word with a long one. A fourth learned model ([`LINK`])
//! looks at the finished link — how well its joined sides cover each other, how its pairs
//! scored, whether its sentences chose each other, whether neighbouring links run parallel,
//! whether an unlinked sentence sits right next to it, whether one of its sentences is in
//! another link — and gives the probability that the link is right as it stands. That
//! probability is the link's score. A link of identical text always scores 1.
//!
//! [`LINK`]: super::model::LINK

use super::groups::Block;
use super::{logit, ScoreTable};
use crate::similarity::{prepared_features, COSINE, COVER_MAX, COVER_MIN, GRAM_COSINE};

/// Number of link features.
pub const LINK_FEATURES: usize = 33;

/// Names of the link features, in the order of [`LinkEvidence::features`].
pub const LINK_NAMES: [&str; LINK_FEATURES] = [
    "mean_logit",
    "min_logit",
    "best_ratio_min",
    "best_ratio_max",
    "size_min",
    "size_max",
    "shares_sentence",
    "diagonal_before",
    "diagonal_after",
    "position_gap",
    "joined_cosine",
    "joined_gram_cosine",
    "joined_cover_min",
    "joined_cover_max",
    "length_balance",
    "loose_neighbours",
    "order",
    "ordered_mean_logit",
    "ordered_min_logit",
    "ordered_best_ratio_min",
    "ordered_best_ratio_max",
    "ordered_size_min",
    "ordered_size_max",
    "ordered_shares_sentence",
    "ordered_diagonal_before",
    "ordered_diagonal_after",
    "ordered_position_gap",
    "ordered_joined_cosine",
    "ordered_joined_gram_cosine",
    "ordered_joined_cover_min",
    "ordered_joined_cover_max",
    "ordered_length_balance",
    "ordered_loose_neighbours",
];

/// One finished link with the evidence the link model judged it by (for fitting).
#[derive(Debug, Clone, PartialEq)]
pub struct LinkEvidence {
    /// The link's left sentences.
    pub left: Vec<usize>,
    /// The link's right sentences.
    pub right: Vec<usize>,
    /// Features in the order of [`LINK_NAMES`].
    pub features: [f64; LINK_FEATURES],
    /// Probability that the link is right as it stands.
    pub score: f64,
}

impl ScoreTable {
    /// Every finished link at `threshold` with its evidence, before links scoring below
    /// `threshold` are dropped (for fitting the link model).
    pub fn link_evidence(&self, threshold: f64) -> Vec<LinkEvidence> {
        let blocks = self.finished_blocks(threshold);
        self.judge(&blocks)
    }

    /// Scores each block with the link model.
    pub(super) fn judge(&self, blocks: &[Block]) -> Vec<LinkEvidence> {
        let mut count = (vec![0_usize; self.left.len()], vec![0_usize; self.right.len()]);
        for block in blocks {
            for &i in &block.left {
                if let Some(c) = count.0.get_mut(i) {
                    *c += 1;
                }
            }
            for &j in &block.right {
                if let Some(c) = count.1.get_mut(j) {
                    *c += 1;
                }
            }
        }
        let ends: Vec<(usize, usize)> = blocks
            .iter()
            .filter_map(|b| Some((*b.left.last()?, *b.right.last()?)))
            .collect();
        let starts: Vec<(usize, usize)> = blocks
            .iter()
            .filter_map(|b| Some((*b.left.first()?, *b.right.first()?)))
            .collect();
        let (left_best, right_best) = self.best_scores();
        blocks
            .iter()
            .map(|block| {
                let features = self.link_features(
                    block,
                    (&count.0, &count.1),
                    (&ends, &starts),
                    (&left_best, &right_best),
                );
                let score = if self.identical_link(&block.left, &block.right) {
                    1.0
                } else {
                    self.models.link.probability(&features)
                };
                LinkEvidence {
                    left: block.left.clone(),
                    right: block.right.clone(),
                    features,
                    score,
                }
            })
            .collect()
    }

    fn pair_score(&self, left: usize, right: usize) -> f64 {
        self.pairs
            .binary_search_by_key(&(left, right), |p| (p.left, p.right))
            .ok()
            .and_then(|k| self.pairs.get(k))
            .map_or(0.0, |p| p.score)
    }

    fn link_features(
        &self,
        block: &Block,
        (left_count, right_count): (&[usize], &[usize]),
        (ends, starts): (&[(usize, usize)], &[(usize, usize)]),
        (left_best, right_best): (&[super::Best], &[super::Best]),
    ) -> [f64; LINK_FEATURES] {
        let (left, right) = (&block.left, &block.right);
        let mut min_score: f64 = 1.0;
        for &i in left {
            for &j in right {
                min_score = min_score.min(self.pair_score(i, j));
            }
        }
        // For each sentence, its best pair inside the link against its best pair anywhere.
        let ratio = |own: &[usize], other: &[usize], bests: &[super::Best], left_side: bool| {
            own.iter()
                .map(|&k| {
                    let inside = other
                        .iter()
                        .map(|&m| {
                            if left_side {
                                self.pair_score(k, m)
                            } else {
                                self.pair_score(m, k)
                            }
                        })
                        .fold(0.0_f64, f64::max);
                    let best = bests.get(k).map_or(0.0, |b| b.0);
                    if best > 0.0 {
                        (inside / best).min(1.0)
                    } else {
                        0.0
                    }
                })
                .fold(1.0_f64, f64::min)
        };
        let (left_ratio, right_ratio) = (
            ratio(left, right, left_best, true),
            ratio(right, left, right_best, false),
        );
        let sizes = (
            (left.len().max(1) as f64).ln(),
            (right.len().max(1) as f64).ln(),
        );
        let shares = left
            .iter()
            .any(|&i| left_count.get(i).copied().unwrap_or(0) > 1)
            || right
                .iter()
                .any(|&j| right_count.get(j).copied().unwrap_or(0) > 1);
        let (first_left, first_right) = (
            left.first().copied().unwrap_or(0),
            right.first().copied().unwrap_or(0),
        );
        let (last_left, last_right) = (
            left.last().copied().unwrap_or(0),
            right.last().copied().unwrap_or(0),
        );
        let before = first_left
            .checked_sub(1)
            .zip(first_right.checked_sub(1))
            .is_some_and(|end| ends.contains(&end));
        let after = starts.contains(&(last_left + 1, last_right + 1));
        let position = |relative: &[f64], k: usize| relative.get(k).copied().unwrap_or(0.0);
        let position_gap = (position(&self.left_relative, first_left)
            - position(&self.right_relative, first_right))
        .abs();
        let (l, r) = (
            self.joined(&self.left, left),
            self.joined(&self.right, right),
        );
        let joined = prepared_features(&l, &r).values;
        let (left_len, right_len) = (
            l.profile.content_len() as f64,
            r.profile.content_len() as f64,
        );
        let length_balance = ((1.0 + left_len.min(right_len)) / (1.0 + left_len.max(right_len))).ln();
        // Unlinked sentences right next to the link, on each side.
        let loose = |counts: &[usize], first: usize, last: usize| {
            let mut n = 0.0;
            if first.checked_sub(1).is_some_and(|k| counts.get(k) == Some(&0)) {
                n += 1.0;
            }
            if counts.get(last + 1) == Some(&0) {
                n += 1.0;
            }
            n
        };
        let loose_neighbours = loose(left_count, first_left, last_left)
            + loose(right_count, first_right, last_right);
        let plain = [
            logit(block.score),
            logit(min_score),
            left_ratio.min(right_ratio),
            left_ratio.max(right_ratio),
            sizes.0.min(sizes.1),
            sizes.0.max(sizes.1),
            f64::from(u8::from(shares)),
            f64::from(u8::from(before)),
            f64::from(u8::from(after)),
            position_gap,
            joined[COSINE],
            joined[GRAM_COSINE],
            joined[COVER_MIN],
            joined[COVER_MAX],
            length_balance,
            loose_neighbours,
        ];
        // Each feature once as it is and once weighted by how ordered the comparison is, so
        // a text and its rewrite can weigh the evidence differently from two reports.
        let mut features = [0.0; LINK_FEATURES];
        let (own, ordered) = features.split_at_mut(plain.len());
        own.copy_from_slice(&plain);
        if let Some((order, ordered)) = ordered.split_first_mut() {
            *order = self.order;
            for (o, p) in ordered.iter_mut().zip(plain) {
                *o = p * self.order;
            }
        }
        features
    }

    /// Whether the joined sides have the same words in the same order.
    fn identical_link(&self, left: &[usize], right: &[usize]) -> bool {
        let (l, r) = (
            self.joined(&self.left, left),
            self.joined(&self.right, right),
        );
        l.profile.word_len() > 0 && l.profile.same_surface(&r.profile)
    }
}
