//! Grow links by neighbouring sentences that belong to them: the other halves of a split sentence.
//!
//! A simplified or rewritten text often splits one sentence into several short ones, of which
//! only one or two share enough words to link on their own (`Der Dummling setzt sich hin.` /
//! `Und ist traurig.`). After the pairs are packed into blocks, each block may take in an
//! unlinked sentence right next to one of its sides when a third learned model ([`GROW`]) says
//! the sentence belongs: how much of the block's other side it covers, whether adding it raises
//! the similarity, how well the sentence matches anything else, and how ordered the whole
//! comparison is. Proposals are judged all at once per round and a sentence wanted by two
//! blocks goes to the more probable one (to none on a tie), so the result does not depend on
//! which side is left. Rounds repeat until no block grows.
//!
//! [`GROW`]: super::model::GROW

use super::groups::{link_counts, Block};
use super::{ScoreTable, Side};
use crate::similarity::{prepared_cosine, prepared_coverage, prepared_features, Prepared};
use std::borrow::Cow;
use std::collections::BTreeMap;

/// Number of growth features.
pub const GROW_FEATURES: usize = 11;

/// Names of the growth features, in the order of [`Growth::features`].
pub const GROW_NAMES: [&str; GROW_FEATURES] = [
    "lexical",
    "cosine_gain",
    "cover_gain",
    "own_cover",
    "best_ratio",
    "shortness",
    "order",
    "position_gap",
    "already_covered",
    "candidate_best",
    "continues",
];

/// A growth step is taken when the model gives it at least this probability.
const GROW_SCORE: f64 = 0.5;
/// At most this many rounds of growth.
const ROUNDS: usize = 8;

/// The growth proposals already judged, by block, side and sentence: `None` when the sentence
/// has no profile (boilerplate).
type Seen = BTreeMap<(Vec<usize>, Vec<usize>, Side, usize), Option<([f64; GROW_FEATURES], f64)>>;

/// One proposal: add `sentence` of `side` to the link `(left, right)`.
#[derive(Debug, Clone, PartialEq)]
pub struct Growth {
    /// The link's left sentences before growing.
    pub left: Vec<usize>,
    /// The link's right sentences before growing.
    pub right: Vec<usize>,
    /// The side the sentence is on.
    pub side: Side,
    /// The sentence to add.
    pub sentence: usize,
    /// Features in the order of [`GROW_NAMES`].
    pub features: [f64; GROW_FEATURES],
    /// Probability that the sentence belongs to the link.
    pub score: f64,
}

impl ScoreTable {
    /// Every first-round growth proposal for the links at `threshold` (for fitting).
    #[cfg_attr(not(feature = "fitting"), allow(dead_code))]
    pub fn growth_proposals(&self, threshold: f64) -> Vec<Growth> {
        let blocks = self.blocks(threshold);
        self.proposals(&blocks, &mut Seen::new())
    }

    /// Grows `blocks` until no proposal is accepted.
    pub(super) fn grow(&self, mut blocks: Vec<Block>) -> Vec<Block> {
        let mut seen = Seen::new();
        for _ in 0..ROUNDS {
            let proposals = self.proposals(&blocks, &mut seen);
            // The best proposal for each wanted sentence; ties between blocks cancel.
            let mut best: BTreeMap<(Side, usize), (f64, usize)> = BTreeMap::new();
            for proposal in &proposals {
                let entry = best
                    .entry((proposal.side, proposal.sentence))
                    .or_insert((f64::NEG_INFINITY, 0));
                if proposal.score > entry.0 {
                    *entry = (proposal.score, 1);
                } else if proposal.score.total_cmp(&entry.0).is_eq() {
                    entry.1 += 1;
                }
            }
            let mut index: BTreeMap<(&[usize], &[usize]), usize> = BTreeMap::new();
            for (k, block) in blocks.iter().enumerate() {
                index.entry((&block.left, &block.right)).or_insert(k);
            }
            let mut accepted: Vec<(usize, Side, usize)> = Vec::new();
            for proposal in &proposals {
                let wins =
                    best.get(&(proposal.side, proposal.sentence))
                        .is_some_and(|&(score, count)| {
                            score.total_cmp(&proposal.score).is_eq() && count == 1
                        });
                if !wins || proposal.score < GROW_SCORE {
                    continue;
                }
                if let Some(&block) = index.get(&(&proposal.left[..], &proposal.right[..])) {
                    accepted.push((block, proposal.side, proposal.sentence));
                }
            }
            if accepted.is_empty() {
                break;
            }
            for (block, side, sentence) in accepted {
                if let Some(block) = blocks.get_mut(block) {
                    let indices = match side {
                        Side::Left => &mut block.left,
                        Side::Right => &mut block.right,
                    };
                    indices.push(sentence);
                    crate::order::sort(indices);
                    indices.dedup();
                }
            }
        }
        crate::order::sort_by(&mut blocks, |a, b| {
            (&a.left, &a.right).cmp(&(&b.left, &b.right))
        });
        blocks.dedup_by(|a, b| a.left == b.left && a.right == b.right);
        blocks
    }

    /// The proposals for `blocks`: every unlinked sentence right next to a block, with its
    /// features and score. A proposal's features depend only on its block and sentence, so
    /// `seen` keeps them from one round to the next, and each block's two sides are joined
    /// once for all its proposals.
    fn proposals(&self, blocks: &[Block], seen: &mut Seen) -> Vec<Growth> {
        let linked = link_counts(blocks, self.left.len(), self.right.len());
        let mut out = Vec::new();
        for block in blocks {
            let mut joined: Option<[Cow<'_, Prepared>; 2]> = None;
            for side in [Side::Left, Side::Right] {
                let (own, own_linked, own_count) = match side {
                    Side::Left => (&block.left, &linked.0, self.left.len()),
                    Side::Right => (&block.right, &linked.1, self.right.len()),
                };
                let (Some(&first), Some(&last)) = (own.first(), own.last()) else {
                    continue;
                };
                let ends = [first.checked_sub(1), last.checked_add(1)];
                for sentence in ends.into_iter().flatten() {
                    if sentence >= own_count
                        || own_linked.get(sentence).is_none_or(|&n| n > 0)
                        || !self.units().all_joinable(side, own, sentence)
                    {
                        continue;
                    }
                    let key = (block.left.clone(), block.right.clone(), side, sentence);
                    let found = if let Some(&found) = seen.get(&key) {
                        found
                    } else {
                        let [left, right] = joined.get_or_insert_with(|| {
                            [
                                self.joined(&self.left, &block.left),
                                self.joined(&self.right, &block.right),
                            ]
                        });
                        let (own_profile, other_profile) = match side {
                            Side::Left => (&*left, &*right),
                            Side::Right => (&*right, &*left),
                        };
                        let found = self
                            .growth_features(block, side, sentence, own_profile, other_profile)
                            .map(|features| (features, self.models.grow.probability(&features)));
                        seen.insert(key.clone(), found);
                        found
                    };
                    if let Some((features, score)) = found {
                        let (left, right, side, sentence) = key;
                        out.push(Growth {
                            left,
                            right,
                            side,
                            sentence,
                            features,
                            score,
                        });
                    }
                }
            }
        }
        out
    }

    /// The features of adding `sentence` of `side` to `block`, whose own side (the side of
    /// `sentence`) and other side are `own_profile` and `other_profile` joined.
    fn growth_features(
        &self,
        block: &Block,
        side: Side,
        sentence: usize,
        own_profile: &Prepared,
        other_profile: &Prepared,
    ) -> Option<[f64; GROW_FEATURES]> {
        let (own_side, own, other, own_best, own_rank, other_rank) = match side {
            Side::Left => (
                &self.left,
                &block.left,
                &block.right,
                &self.left_best,
                &self.left_relative,
                &self.right_relative,
            ),
            Side::Right => (
                &self.right,
                &block.right,
                &block.left,
                &self.right_best,
                &self.right_relative,
                &self.left_relative,
            ),
        };
        let candidate = own_side.get(sentence)?.as_ref()?;
        let mut grown_indices = own.clone();
        grown_indices.push(sentence);
        crate::order::sort(&mut grown_indices);
        let grown = self.joined(own_side, &grown_indices);

        let lexical = self
            .models
            .lexical
            .probability(&prepared_features(other_profile, candidate).values);
        let cosine_gain =
            prepared_cosine(other_profile, &grown) - prepared_cosine(other_profile, own_profile);
        let already_covered = prepared_coverage(other_profile, own_profile);
        let cover_gain = prepared_coverage(other_profile, &grown) - already_covered;
        let own_cover = prepared_coverage(candidate, other_profile);
        let best = own_best.get(sentence).copied().unwrap_or(0.0);
        let best_ratio = if best > 0.0 {
            (lexical / best).min(1.0)
        } else {
            1.0
        };
        let other_position = other
            .iter()
            .filter_map(|&k| other_rank.get(k).copied())
            .sum::<f64>()
            / other.len().max(1) as f64;
        let position = own_rank.get(sentence).copied().unwrap_or(0.0);
        // A sentence after the link that opens with `and`, or a link that ends with a colon;
        // or, before the link, the mirror image.
        let continues = if own.first().is_some_and(|&first| sentence < first) {
            candidate.profile.ends_with_colon() || own_profile.profile.opens_with_connective()
        } else {
            candidate.profile.opens_with_connective() || own_profile.profile.ends_with_colon()
        };
        Some([
            lexical,
            cosine_gain,
            cover_gain,
            own_cover,
            best_ratio,
            1.0 / (1.0 + candidate.profile.content_len() as f64),
            self.order,
            (position - other_position).abs(),
            already_covered,
            best,
            f64::from(u8::from(continues)),
        ])
    }
}
