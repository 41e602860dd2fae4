//! Average precision of the link scores: how well the scores rank right links above wrong
//! ones, whatever threshold is chosen later.
//!
//! The links are taken at [`AP_FLOOR`] (the lowest threshold the sweep tries), each predicted
//! item gets its link's score, and items are ranked by score. With precision `P(s)` and recall
//! `R(s)` of the items scoring at least `s` (by the same rules as the P/R/F1 columns),
//! `AP = Σ (R(s) − R(s_prev)) · P(s)` over the distinct scores `s`, highest first: the area
//! under the step-wise precision-recall curve. Tied scores enter together, so the order of
//! tied items never matters. A change that only moves the threshold leaves AP where it is.

use crate::metrics::{overlaps, GoldLink, Group};
use crate::seeds::SeedExample;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// Links are ranked as found at this threshold (the sweep's lowest).
pub const AP_FLOOR: f64 = 0.10;

/// One predicted item with its score, whether it is right, and the gold items it finds.
#[derive(Debug, Clone, PartialEq)]
pub struct Ranked<K> {
    /// The score the item was predicted with.
    pub score: f64,
    /// Whether it counts as a correct prediction.
    pub correct: bool,
    /// The gold items it finds (for recall).
    pub hits: Vec<K>,
}

/// The average precision of `items` against `gold` gold items; `None` without gold.
pub fn average_precision<K: Ord + Clone>(items: &[Ranked<K>], gold: usize) -> Option<f64> {
    if gold == 0 {
        return None;
    }
    let mut order: Vec<&Ranked<K>> = items.iter().collect();
    order.sort_by(|a, b| b.score.total_cmp(&a.score));
    let (mut seen, mut correct) = (0_usize, 0_usize);
    let mut found: BTreeSet<K> = BTreeSet::new();
    let (mut ap, mut recall_before) = (0.0, 0.0);
    let mut k = 0;
    while k < order.len() {
        let score = order[k].score;
        while k < order.len() && order[k].score.total_cmp(&score).is_eq() {
            seen += 1;
            correct += usize::from(order[k].correct);
            found.extend(order[k].hits.iter().cloned());
            k += 1;
        }
        let recall = found.len() as f64 / gold as f64;
        ap += (recall - recall_before) * (correct as f64 / seen as f64);
        recall_before = recall;
    }
    Some(ap)
}

/// The ranked exact groups of one `DEplain` document: `(doc, group)` keys, so documents pool.
pub fn deplain_items(
    doc: usize,
    gold: &[(Group, crate::deplain::Label)],
    links: &[parallax::align::Alignment],
) -> (Vec<Ranked<(usize, Group)>>, usize) {
    let gold: BTreeSet<Group> = gold.iter().map(|(g, _)| g.normalized()).collect();
    let mut best: BTreeMap<Group, f64> = BTreeMap::new();
    for link in links {
        let group = Group::from(link.clone()).normalized();
        let entry = best.entry(group).or_insert(link.score);
        *entry = entry.max(link.score);
    }
    let items = best
        .into_iter()
        .map(|(group, score)| {
            let correct = gold.contains(&group);
            Ranked {
                score,
                correct,
                hits: if correct {
                    vec![(doc, group)]
                } else {
                    Vec::new()
                },
            }
        })
        .collect();
    (items, gold.len())
}

/// The ranked sentence pairs of one `DEplain` document, as the seed pairs are ranked
/// ([`seed_items`]): `(doc, complex, simple)` keys; a pair takes the best score of the links
/// holding it and is right when both sentences are in one gold group (`positives`).
pub fn deplain_pair_items(
    doc: usize,
    positives: &BTreeSet<(usize, usize)>,
    links: &[parallax::align::Alignment],
) -> Vec<Ranked<(usize, usize, usize)>> {
    best_pair_scores(links)
        .into_iter()
        .map(|((l, r), score)| {
            let correct = positives.contains(&(l, r));
            Ranked {
                score,
                correct,
                hits: if correct {
                    vec![(doc, l, r)]
                } else {
                    Vec::new()
                },
            }
        })
        .collect()
}

/// A gold seed link across pairs: (pair, left gold sentence, right gold sentence).
type SeedLinkKey = (usize, usize, usize);

/// The ranked sentence pairs of one seed pair: `(pair, left gold, right gold)` keys. A pair
/// takes the best score of the links holding it and is right when its sentences overlap gold
/// sentences that are linked, as in the P/R columns.
pub fn seed_items(
    unit: usize,
    example: &SeedExample<'_>,
    links: &[parallax::align::Alignment],
) -> (Vec<Ranked<SeedLinkKey>>, usize) {
    let pair = example.pair;
    let gold: BTreeSet<(usize, usize)> = pair.links.iter().map(|g| (g.left, g.right)).collect();
    let items = best_pair_scores(links)
        .into_iter()
        .map(|((l, r), score)| {
            let hits = linked_gold(
                example.left_ranges.get(l),
                example.right_ranges.get(r),
                (&pair.left.sentences, &pair.right.sentences),
                &pair.links,
            );
            Ranked {
                score,
                correct: !hits.is_empty(),
                hits: hits.into_iter().map(|(a, b)| (unit, a, b)).collect(),
            }
        })
        .collect();
    (items, gold.len())
}

/// Every sentence pair `(left, right)` the links hold, with the best score of the links
/// holding it.
fn best_pair_scores(links: &[parallax::align::Alignment]) -> BTreeMap<(usize, usize), f64> {
    let mut best: BTreeMap<(usize, usize), f64> = BTreeMap::new();
    for link in links {
        for &l in &link.left {
            for &r in &link.right {
                let entry = best.entry((l, r)).or_insert(link.score);
                *entry = entry.max(link.score);
            }
        }
    }
    best
}

/// The gold links `(left, right)` whose sentences the two predicted sentences overlap.
fn linked_gold<L>(
    left: Option<&Range<usize>>,
    right: Option<&Range<usize>>,
    gold_sentences: (&[Range<usize>], &[Range<usize>]),
    gold_links: &[GoldLink<L>],
) -> Vec<(usize, usize)> {
    let (Some(left), Some(right)) = (left, right) else {
        return Vec::new();
    };
    gold_links
        .iter()
        .filter(|g| {
            gold_sentences
                .0
                .get(g.left)
                .is_some_and(|a| overlaps(left, a))
                && gold_sentences
                    .1
                    .get(g.right)
                    .is_some_and(|b| overlaps(right, b))
        })
        .map(|g| (g.left, g.right))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(score: f64, hit: Option<u8>) -> Ranked<u8> {
        Ranked {
            score,
            correct: hit.is_some(),
            hits: hit.into_iter().collect(),
        }
    }

    #[test]
    fn a_perfect_ranking_has_ap_one() {
        let items = [item(0.9, Some(1)), item(0.8, Some(2)), item(0.2, None)];
        assert_eq!(average_precision(&items, 2), Some(1.0));
    }

    #[test]
    fn a_wrong_item_on_top_costs_precision() {
        // Ranks: wrong, right, right: R steps 0 → 1/2 at P 1/2, 1/2 → 1 at P 2/3.
        let items = [item(0.9, None), item(0.8, Some(1)), item(0.7, Some(2))];
        let ap = average_precision(&items, 2).unwrap();
        assert!((ap - (0.5 * 0.5 + 0.5 * 2.0 / 3.0)).abs() < 1e-12, "{ap}");
    }

    #[test]
    fn ties_enter_together_and_missed_gold_counts() {
        // One right and one wrong tied at the top, a third gold item never found.
        let items = [item(0.5, Some(1)), item(0.5, None)];
        let ap = average_precision(&items, 2).unwrap();
        assert!((ap - 0.5 * 0.5).abs() < 1e-12, "{ap}");
        assert_eq!(average_precision::<u8>(&[], 0), None);
        assert_eq!(average_precision::<u8>(&[], 3), Some(0.0));
    }

    #[test]
    fn scaling_scores_keeps_ap() {
        let items = [item(0.9, None), item(0.6, Some(1)), item(0.3, Some(2))];
        let shifted: Vec<_> = items
            .iter()
            .map(|i| Ranked {
                score: i.score * 0.5,
                ..i.clone()
            })
            .collect();
        assert_eq!(average_precision(&items, 3), average_precision(&shifted, 3));
    }

    #[test]
    fn deplain_pairs_take_their_best_link_and_count_inside_a_gold_group() {
        let link = |left: Vec<usize>, right: Vec<usize>, score| parallax::align::Alignment {
            left,
            right,
            score,
            kind: parallax::align::LinkKind::Paraphrase,
        };
        // Gold group {0} ↔ {0, 1}: the link 0 ↔ 0,1 holds two right pairs; 1 ↔ 1 is wrong and
        // 0 ↔ 1 is also in the second link with a lower score.
        let positives: BTreeSet<(usize, usize)> = [(0, 0), (0, 1)].into_iter().collect();
        let links = [
            link(vec![0], vec![0, 1], 0.8),
            link(vec![0, 1], vec![1], 0.3),
        ];
        let items = deplain_pair_items(7, &positives, &links);
        let got: Vec<(f64, bool)> = items.iter().map(|i| (i.score, i.correct)).collect();
        assert_eq!(got, [(0.8, true), (0.8, true), (0.3, false)]);
        assert_eq!(items[1].hits, [(7, 0, 1)]);
    }
}
