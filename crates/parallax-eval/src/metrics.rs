//! Pure scoring: byte-range overlap, link and group matching, precision, recall and F1.
//!
//! Nothing here reads files or runs the aligner; every function maps plain data to counts,
//! so the definitions can be checked by hand in the tests below.
//!
//! # Definitions
//!
//! - **Overlap.** A predicted sentence (byte range `P`) overlaps a gold sentence (`G`) when
//!   `2 * |P ∩ G| >= min(|P|, |G|)` and `|P ∩ G| > 0`: they share at least half of the shorter
//!   of the two ranges. So a sentence contained in another always overlaps it, a sentence that
//!   merges two gold sentences overlaps both, and exactly 50% counts (`0..10` vs `5..20`).
//! - **Predicted pairs.** Each predicted link (group) is expanded into every (left, right)
//!   sentence pair it contains; a pair predicted by two links counts once.
//! - **Seed precision** = correct predicted pairs / predicted pairs, where a pair `(l, r)` is
//!   correct if `l` overlaps some gold `A` and `r` overlaps some gold `B` with `(A, B)` a gold link.
//!   Pairs with a side that overlaps no gold sentence ("unmapped") are predictions and wrong.
//! - **Seed recall** = gold links hit by at least one correct predicted pair / gold links.
//! - **Index links** (sentences given): a predicted pair `(i, j)` is correct if it is a gold pair.
//! - **Exact groups**: a predicted group (set of left, set of right sentences) is correct only
//!   if it equals a gold group as sets.
//! - **Empty denominators** give 0, never NaN: no predictions means precision 0, no gold means
//!   recall 0, and F1 is 0 when precision + recall is 0. Per-label recall with no gold link of
//!   that label is `None` (shown as `-` or `null`), because 0 would read as a failure.

use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// Precision, recall and their harmonic mean.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Prf {
    /// Correct predictions / predictions (0 when nothing was predicted).
    pub precision: f64,
    /// Found gold items / gold items (0 when there is no gold item).
    pub recall: f64,
    /// `2PR / (P + R)` (0 when both are 0).
    pub f1: f64,
}

impl Prf {
    /// Scores `correct` right predictions out of `predicted`, and `hit` found gold items out of
    /// `gold`. Precision and recall count different things on purpose (predicted pairs versus
    /// gold links), so `correct` need not equal `hit`.
    pub fn from_counts(correct: usize, predicted: usize, hit: usize, gold: usize) -> Self {
        let precision = ratio(correct, predicted).unwrap_or(0.0);
        let recall = ratio(hit, gold).unwrap_or(0.0);
        let f1 = if precision + recall > 0.0 {
            2.0 * precision * recall / (precision + recall)
        } else {
            0.0
        };
        Self {
            precision,
            recall,
            f1,
        }
    }
}

/// `numerator / denominator`, or `None` when the denominator is 0.
pub fn ratio(numerator: usize, denominator: usize) -> Option<f64> {
    (denominator > 0).then(|| numerator as f64 / denominator as f64)
}

/// Whether a predicted byte range overlaps a gold one: they share at least half of the shorter.
pub fn overlaps(predicted: &Range<usize>, gold: &Range<usize>) -> bool {
    let shared = predicted
        .end
        .min(gold.end)
        .saturating_sub(predicted.start.max(gold.start));
    let shorter = predicted.len().min(gold.len());
    shared > 0 && 2 * shared >= shorter
}

/// A link between sentences of the two sides: indices of the left and of the right sentences.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Group {
    /// Left sentence indices (complex side for `DEplain`).
    pub left: Vec<usize>,
    /// Right sentence indices (simple side for `DEplain`).
    pub right: Vec<usize>,
}

impl From<parallax::align::Alignment> for Group {
    fn from(a: parallax::align::Alignment) -> Self {
        Self {
            left: a.left,
            right: a.right,
        }
    }
}

impl Group {
    /// The group with both index lists sorted and without repeats, for set comparison.
    pub fn normalized(&self) -> Self {
        let set = |v: &[usize]| {
            v.iter()
                .copied()
                .collect::<BTreeSet<_>>()
                .into_iter()
                .collect()
        };
        Self {
            left: set(&self.left),
            right: set(&self.right),
        }
    }

    /// Every (left, right) pair of the group.
    fn pairs(&self) -> impl Iterator<Item = (usize, usize)> + '_ {
        self.left
            .iter()
            .flat_map(move |&l| self.right.iter().map(move |&r| (l, r)))
    }
}

/// A gold link between one left and one right gold sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct GoldLink<L> {
    /// Index of the left gold sentence.
    pub left: usize,
    /// Index of the right gold sentence.
    pub right: usize,
    /// The annotator's label.
    pub label: L,
}

/// How many gold items of one label there are and how many were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct LabelCounts {
    /// Gold items with this label.
    pub gold: usize,
    /// Of those, found.
    pub hit: usize,
}

impl LabelCounts {
    /// `hit / gold`, `None` when there is no gold item of this label.
    pub fn recall(&self) -> Option<f64> {
        ratio(self.hit, self.gold)
    }
}

/// Raw counts behind one precision/recall/F1; add them up for micro averages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Counts<L> {
    /// Distinct predictions (sentence pairs or groups).
    pub predicted: usize,
    /// Of those, correct.
    pub correct: usize,
    /// Gold items (links or groups).
    pub gold: usize,
    /// Of those, found by a correct prediction.
    pub hit: usize,
    /// Gold and found items per gold label.
    pub by_label: BTreeMap<L, LabelCounts>,
}

impl<L> Default for Counts<L> {
    fn default() -> Self {
        Self {
            predicted: 0,
            correct: 0,
            gold: 0,
            hit: 0,
            by_label: BTreeMap::new(),
        }
    }
}

impl<L: Ord + Clone> Counts<L> {
    /// Adds `other` into `self` (micro averaging).
    pub fn add(&mut self, other: &Self) {
        self.predicted += other.predicted;
        self.correct += other.correct;
        self.gold += other.gold;
        self.hit += other.hit;
        for (label, counts) in &other.by_label {
            let mine = self.by_label.entry(label.clone()).or_default();
            mine.gold += counts.gold;
            mine.hit += counts.hit;
        }
    }

    /// Precision, recall and F1 of these counts.
    pub fn prf(&self) -> Prf {
        Prf::from_counts(self.correct, self.predicted, self.hit, self.gold)
    }

    /// Recall over the gold items whose label is in `labels` (`None` if there are none).
    pub fn recall_of(&self, labels: &[L]) -> Option<f64> {
        let (gold, hit) = labels
            .iter()
            .filter_map(|l| self.by_label.get(l))
            .fold((0, 0), |(g, h), c| (g + c.gold, h + c.hit));
        ratio(hit, gold)
    }

    fn count_gold(&mut self, label: &L, hit: bool) {
        self.gold += 1;
        self.hit += usize::from(hit);
        let entry = self.by_label.entry(label.clone()).or_default();
        entry.gold += 1;
        entry.hit += usize::from(hit);
    }
}

/// Counts of one seed-pair comparison: link counts plus the unmapped predictions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OverlapCounts<L> {
    /// Predicted pairs versus gold links.
    pub links: Counts<L>,
    /// Predicted pairs with a side that overlaps no gold sentence (all counted wrong).
    pub unmapped: usize,
}

impl<L> Default for OverlapCounts<L> {
    fn default() -> Self {
        Self {
            links: Counts::default(),
            unmapped: 0,
        }
    }
}

impl<L: Ord + Clone> OverlapCounts<L> {
    /// Adds `other` into `self` (micro averaging).
    pub fn add(&mut self, other: &Self) {
        self.links.add(&other.links);
        self.unmapped += other.unmapped;
    }
}

/// Sentence byte ranges of the two sides.
#[derive(Debug, Clone, Copy)]
pub struct Sides<'a> {
    /// Left sentences.
    pub left: &'a [Range<usize>],
    /// Right sentences.
    pub right: &'a [Range<usize>],
}

/// Scores predicted links over our own segmentation against gold links over gold sentences,
/// matching sentences by [`overlaps`]. A predicted index with no sentence overlaps nothing.
pub fn score_overlap<L: Ord + Clone>(
    gold_sentences: Sides<'_>,
    gold_links: &[GoldLink<L>],
    predicted_sentences: Sides<'_>,
    predicted_links: &[Group],
) -> OverlapCounts<L> {
    let gold_of = |predicted: &[Range<usize>], gold: &[Range<usize>], i: usize| -> Vec<usize> {
        predicted.get(i).map_or_else(Vec::new, |p| {
            gold.iter()
                .enumerate()
                .filter(|(_, g)| overlaps(p, g))
                .map(|(k, _)| k)
                .collect()
        })
    };
    let pairs: BTreeSet<(usize, usize)> = predicted_links.iter().flat_map(Group::pairs).collect();
    let gold_index: BTreeSet<(usize, usize)> =
        gold_links.iter().map(|g| (g.left, g.right)).collect();

    let mut counts = OverlapCounts::default();
    let mut hit_links = BTreeSet::new();
    for (l, r) in pairs {
        counts.links.predicted += 1;
        let left_gold = gold_of(predicted_sentences.left, gold_sentences.left, l);
        let right_gold = gold_of(predicted_sentences.right, gold_sentences.right, r);
        if left_gold.is_empty() || right_gold.is_empty() {
            counts.unmapped += 1;
            continue;
        }
        let mut correct = false;
        for &a in &left_gold {
            for &b in &right_gold {
                if gold_index.contains(&(a, b)) {
                    correct = true;
                    hit_links.insert((a, b));
                }
            }
        }
        counts.links.correct += usize::from(correct);
    }
    let mut seen = BTreeSet::new();
    for link in gold_links {
        if seen.insert((link.left, link.right)) {
            counts
                .links
                .count_gold(&link.label, hit_links.contains(&(link.left, link.right)));
        }
    }
    counts
}

/// Scores predicted groups against gold groups over the same given sentences, at two levels:
/// expanded (i, j) pairs and exact groups. Returns `(links, groups)`.
///
/// A gold pair's label is that of its group; if a pair occurs in several gold groups, the
/// first group's label is kept.
pub fn score_groups<L: Ord + Clone>(
    gold: &[(Group, L)],
    predicted: &[Group],
) -> (Counts<L>, Counts<L>) {
    let predicted_pairs: BTreeSet<(usize, usize)> =
        predicted.iter().flat_map(Group::pairs).collect();
    let predicted_groups: BTreeSet<Group> = predicted.iter().map(Group::normalized).collect();

    let mut links = Counts {
        predicted: predicted_pairs.len(),
        ..Counts::default()
    };
    let mut gold_pairs = BTreeMap::new();
    for (group, label) in gold {
        for pair in group.pairs() {
            gold_pairs.entry(pair).or_insert_with(|| label.clone());
        }
    }
    for (pair, label) in &gold_pairs {
        links.count_gold(label, predicted_pairs.contains(pair));
    }
    links.correct = predicted_pairs
        .iter()
        .filter(|p| gold_pairs.contains_key(p))
        .count();

    let mut groups = Counts {
        predicted: predicted_groups.len(),
        ..Counts::default()
    };
    let mut gold_groups = BTreeMap::new();
    for (group, label) in gold {
        gold_groups
            .entry(group.normalized())
            .or_insert_with(|| label.clone());
    }
    for (group, label) in &gold_groups {
        groups.count_gold(label, predicted_groups.contains(group));
    }
    groups.correct = predicted_groups
        .iter()
        .filter(|g| gold_groups.contains_key(g))
        .count();
    (links, groups)
}

/// The thresholds `--sweep` tries: 0.10, 0.15, ..., 0.90.
pub fn sweep_thresholds() -> Vec<f64> {
    (2..=18).map(|i| f64::from(i * 5) / 100.0).collect()
}

/// The index of the best score (highest; the first, i.e. lowest threshold, on ties).
pub fn best_index(scores: &[f64]) -> Option<usize> {
    let mut best: Option<usize> = None;
    for (i, &score) in scores.iter().enumerate() {
        if best.is_none_or(|b| score > scores[b]) {
            best = Some(i);
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    const EPS: f64 = 1e-9;

    fn close(got: f64, expected: f64) -> bool {
        (got - expected).abs() < EPS
    }

    struct OverlapCase {
        name: &'static str,
        predicted: (usize, usize),
        gold: (usize, usize),
        expected: bool,
    }

    const OVERLAP_CASES: &[OverlapCase] = &[
        OverlapCase {
            name: "identical",
            predicted: (0, 10),
            gold: (0, 10),
            expected: true,
        },
        OverlapCase {
            name: "disjoint",
            predicted: (0, 10),
            gold: (20, 30),
            expected: false,
        },
        OverlapCase {
            name: "touching",
            predicted: (0, 10),
            gold: (10, 20),
            expected: false,
        },
        OverlapCase {
            name: "exactly half",
            predicted: (0, 10),
            gold: (5, 20),
            expected: true,
        },
        OverlapCase {
            name: "just under half",
            predicted: (0, 10),
            gold: (6, 20),
            expected: false,
        },
        OverlapCase {
            name: "odd: 4 of 9 is short",
            predicted: (0, 9),
            gold: (5, 20),
            expected: false,
        },
        OverlapCase {
            name: "odd: 5 of 9 is enough",
            predicted: (0, 9),
            gold: (4, 20),
            expected: true,
        },
        OverlapCase {
            name: "fragment inside gold",
            predicted: (3, 5),
            gold: (0, 40),
            expected: true,
        },
        OverlapCase {
            name: "merge covers gold",
            predicted: (0, 40),
            gold: (10, 20),
            expected: true,
        },
        OverlapCase {
            name: "empty predicted",
            predicted: (5, 5),
            gold: (0, 10),
            expected: false,
        },
        OverlapCase {
            name: "empty gold",
            predicted: (0, 10),
            gold: (5, 5),
            expected: false,
        },
    ];

    #[test]
    fn overlap_case_names_are_unique() {
        let names: BTreeSet<_> = OVERLAP_CASES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), OVERLAP_CASES.len());
    }

    #[test]
    fn overlap_cases() {
        for case in OVERLAP_CASES {
            let got = overlaps(
                &(case.predicted.0..case.predicted.1),
                &(case.gold.0..case.gold.1),
            );
            assert_eq!(got, case.expected, "case {}", case.name);
        }
    }

    /// Gold for the seed cases: left sentences 0..10, 10..20, 20..30; right 0..10, 10..20;
    /// links L0-R0 same, L1-R1 paraphrase, L2-R1 partial.
    const GOLD_LEFT: &[(usize, usize)] = &[(0, 10), (10, 20), (20, 30)];
    const GOLD_RIGHT: &[(usize, usize)] = &[(0, 10), (10, 20)];
    const GOLD_LINKS: &[(usize, usize, &str)] =
        &[(0, 0, "same"), (1, 1, "paraphrase"), (2, 1, "partial")];

    struct SeedCase {
        name: &'static str,
        left: &'static [(usize, usize)],
        right: &'static [(usize, usize)],
        links: &'static [(&'static [usize], &'static [usize])],
        /// predicted, correct, unmapped, gold, hit
        counts: (usize, usize, usize, usize, usize),
        prf: (f64, f64, f64),
        /// hits for same, paraphrase, partial (each label has one gold link)
        label_hits: (usize, usize, usize),
    }

    const SEED_CASES: &[SeedCase] = &[
        SeedCase {
            name: "perfect prediction",
            left: GOLD_LEFT,
            right: GOLD_RIGHT,
            links: &[(&[0], &[0]), (&[1], &[1]), (&[2], &[1])],
            counts: (3, 3, 0, 3, 3),
            prf: (1.0, 1.0, 1.0),
            label_hits: (1, 1, 1),
        },
        SeedCase {
            name: "empty prediction",
            left: GOLD_LEFT,
            right: GOLD_RIGHT,
            links: &[],
            counts: (0, 0, 0, 3, 0),
            prf: (0.0, 0.0, 0.0),
            label_hits: (0, 0, 0),
        },
        SeedCase {
            // Pairs (0,0) right, (0,1) wrong: P 1/2, R 1/3, F1 2*(1/6)/(5/6) = 0.4.
            name: "1:2 predicted link vs 1:1 gold",
            left: GOLD_LEFT,
            right: GOLD_RIGHT,
            links: &[(&[0], &[0, 1])],
            counts: (2, 1, 0, 3, 1),
            prf: (0.5, 1.0 / 3.0, 0.4),
            label_hits: (1, 0, 0),
        },
        SeedCase {
            // Our sentence 10..30 covers gold L1 and L2: one correct pair hits two gold links.
            name: "merged sentence hits two gold links",
            left: &[(0, 10), (10, 30)],
            right: GOLD_RIGHT,
            links: &[(&[1], &[1])],
            counts: (1, 1, 0, 3, 2),
            prf: (1.0, 2.0 / 3.0, 0.8),
            label_hits: (0, 1, 1),
        },
        SeedCase {
            // 5..15 shares exactly 5 bytes with L0 and with L1: both count; L1-R1 is gold.
            name: "exactly 50% overlap counts",
            left: &[(5, 15)],
            right: GOLD_RIGHT,
            links: &[(&[0], &[1])],
            counts: (1, 1, 0, 3, 1),
            prf: (1.0, 1.0 / 3.0, 0.5),
            label_hits: (0, 1, 0),
        },
        SeedCase {
            // 4..14 shares 6 bytes with L0 but only 4 with L1; L0-R1 is not gold.
            name: "under 50% overlap does not count",
            left: &[(4, 14)],
            right: GOLD_RIGHT,
            links: &[(&[0], &[1])],
            counts: (1, 0, 0, 3, 0),
            prf: (0.0, 0.0, 0.0),
            label_hits: (0, 0, 0),
        },
        SeedCase {
            // 40..50 is outside every gold sentence; index 7 does not exist.
            name: "unmapped and out-of-range sentences are wrong",
            left: &[(0, 10), (40, 50)],
            right: GOLD_RIGHT,
            links: &[(&[1], &[0]), (&[7], &[0]), (&[0], &[0])],
            counts: (3, 1, 2, 3, 1),
            prf: (1.0 / 3.0, 1.0 / 3.0, 1.0 / 3.0),
            label_hits: (1, 0, 0),
        },
        SeedCase {
            name: "a pair predicted twice counts once",
            left: GOLD_LEFT,
            right: GOLD_RIGHT,
            links: &[(&[0], &[0]), (&[0], &[0])],
            counts: (1, 1, 0, 3, 1),
            prf: (1.0, 1.0 / 3.0, 0.5),
            label_hits: (1, 0, 0),
        },
    ];

    fn ranges(spans: &[(usize, usize)]) -> Vec<Range<usize>> {
        spans.iter().map(|&(s, e)| s..e).collect()
    }

    fn groups(links: &[(&[usize], &[usize])]) -> Vec<Group> {
        links
            .iter()
            .map(|(l, r)| Group {
                left: l.to_vec(),
                right: r.to_vec(),
            })
            .collect()
    }

    #[test]
    fn seed_case_names_are_unique() {
        let names: BTreeSet<_> = SEED_CASES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), SEED_CASES.len());
    }

    #[test]
    fn seed_cases() {
        let gold_left = ranges(GOLD_LEFT);
        let gold_right = ranges(GOLD_RIGHT);
        let gold_links: Vec<_> = GOLD_LINKS
            .iter()
            .map(|&(left, right, label)| GoldLink { left, right, label })
            .collect();
        for case in SEED_CASES {
            let (left, right) = (ranges(case.left), ranges(case.right));
            let got = score_overlap(
                Sides {
                    left: &gold_left,
                    right: &gold_right,
                },
                &gold_links,
                Sides {
                    left: &left,
                    right: &right,
                },
                &groups(case.links),
            );
            let c = &got.links;
            assert_eq!(
                (c.predicted, c.correct, got.unmapped, c.gold, c.hit),
                case.counts,
                "case {}",
                case.name
            );
            let prf = c.prf();
            assert!(
                close(prf.precision, case.prf.0),
                "case {}: {prf:?}",
                case.name
            );
            assert!(close(prf.recall, case.prf.1), "case {}: {prf:?}", case.name);
            assert!(close(prf.f1, case.prf.2), "case {}: {prf:?}", case.name);
            let hits = |label| c.by_label.get(label).map_or(0, |l: &LabelCounts| l.hit);
            assert_eq!(
                (hits("same"), hits("paraphrase"), hits("partial")),
                case.label_hits,
                "case {}",
                case.name
            );
        }
    }

    /// Gold for the group cases: {0}-{0} identical, {1}-{1,2} aligned (three gold pairs).
    const GOLD_GROUPS: &[(&[usize], &[usize], &str)] =
        &[(&[0], &[0], "identical"), (&[1], &[1, 2], "aligned")];

    struct GroupCase {
        name: &'static str,
        predicted: &'static [(&'static [usize], &'static [usize])],
        /// predicted, correct, gold
        link_counts: (usize, usize, usize),
        link_prf: (f64, f64, f64),
        group_counts: (usize, usize, usize),
        group_prf: (f64, f64, f64),
    }

    const GROUP_CASES: &[GroupCase] = &[
        GroupCase {
            name: "perfect prediction",
            predicted: &[(&[0], &[0]), (&[1], &[1, 2])],
            link_counts: (3, 3, 3),
            link_prf: (1.0, 1.0, 1.0),
            group_counts: (2, 2, 2),
            group_prf: (1.0, 1.0, 1.0),
        },
        GroupCase {
            name: "empty prediction",
            predicted: &[],
            link_counts: (0, 0, 3),
            link_prf: (0.0, 0.0, 0.0),
            group_counts: (0, 0, 2),
            group_prf: (0.0, 0.0, 0.0),
        },
        GroupCase {
            // All predicted pairs are gold pairs, but {1}-{1} is not the gold group {1}-{1,2}.
            name: "exact-group mismatch",
            predicted: &[(&[0], &[0]), (&[1], &[1])],
            link_counts: (2, 2, 3),
            link_prf: (1.0, 2.0 / 3.0, 0.8),
            group_counts: (2, 1, 2),
            group_prf: (0.5, 0.5, 0.5),
        },
        GroupCase {
            // {0,1}x{0,1,2}: six pairs, three gold; no group matches.
            name: "one big group",
            predicted: &[(&[0, 1], &[0, 1, 2])],
            link_counts: (6, 3, 3),
            link_prf: (0.5, 1.0, 2.0 / 3.0),
            group_counts: (1, 0, 2),
            group_prf: (0.0, 0.0, 0.0),
        },
        GroupCase {
            name: "order and repeats inside a group do not matter",
            predicted: &[(&[0], &[0, 0]), (&[1], &[2, 1])],
            link_counts: (3, 3, 3),
            link_prf: (1.0, 1.0, 1.0),
            group_counts: (2, 2, 2),
            group_prf: (1.0, 1.0, 1.0),
        },
    ];

    #[test]
    fn group_case_names_are_unique() {
        let names: BTreeSet<_> = GROUP_CASES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), GROUP_CASES.len());
    }

    #[test]
    fn group_cases() {
        let gold: Vec<_> = GOLD_GROUPS
            .iter()
            .map(|&(l, r, label)| {
                (
                    Group {
                        left: l.to_vec(),
                        right: r.to_vec(),
                    },
                    label,
                )
            })
            .collect();
        for case in GROUP_CASES {
            let (links, groups) = score_groups(&gold, &groups(case.predicted));
            for (what, counts, expected, prf) in [
                ("links", &links, case.link_counts, case.link_prf),
                ("groups", &groups, case.group_counts, case.group_prf),
            ] {
                let got = (counts.predicted, counts.correct, counts.gold);
                assert_eq!(got, expected, "case {} {what}", case.name);
                let p = counts.prf();
                let ok = close(p.precision, prf.0) && close(p.recall, prf.1) && close(p.f1, prf.2);
                assert!(ok, "case {} {what}: {p:?}, expected {prf:?}", case.name);
                assert_eq!(counts.hit, counts.correct, "exact matching: hit = correct");
            }
        }
    }

    #[test]
    fn group_label_recall() {
        let gold = vec![
            (
                Group {
                    left: vec![0],
                    right: vec![0],
                },
                "identical",
            ),
            (
                Group {
                    left: vec![1],
                    right: vec![1, 2],
                },
                "aligned",
            ),
        ];
        let (links, groups) = score_groups(&gold, &groups(&[(&[1], &[1])]));
        assert_eq!(links.by_label["aligned"], LabelCounts { gold: 2, hit: 1 });
        assert_eq!(links.by_label["identical"], LabelCounts { gold: 1, hit: 0 });
        assert_eq!(groups.by_label["aligned"], LabelCounts { gold: 1, hit: 0 });
        assert_eq!(links.recall_of(&["aligned", "identical"]), Some(1.0 / 3.0));
        assert_eq!(links.recall_of(&["missing"]), None);
    }

    #[test]
    fn micro_average_adds_counts_not_scores() {
        // Doc 1: 1 of 1 right, 1 of 4 gold found; doc 2: 0 of 3 right, 0 of 1 found.
        let doc1 = Counts::<&str> {
            predicted: 1,
            correct: 1,
            gold: 4,
            hit: 1,
            ..Counts::default()
        };
        let doc2 = Counts::<&str> {
            predicted: 3,
            correct: 0,
            gold: 1,
            hit: 0,
            ..Counts::default()
        };
        let mut micro = Counts::default();
        micro.add(&doc1);
        micro.add(&doc2);
        let prf = micro.prf();
        assert!(
            close(prf.precision, 0.25) && close(prf.recall, 0.2),
            "{prf:?}"
        );
        assert!(close(prf.f1, 2.0 * 0.25 * 0.2 / 0.45), "{prf:?}");
    }

    #[test]
    fn sweep_thresholds_are_exact_steps() {
        let got = sweep_thresholds();
        assert_eq!(got.len(), 17);
        assert_eq!((got[0], got[1], got[16]), (0.1, 0.15, 0.9));
    }

    #[test]
    fn best_index_prefers_the_first_maximum() {
        assert_eq!(best_index(&[0.2, 0.5, 0.5, 0.1]), Some(1));
        assert_eq!(best_index(&[]), None);
    }
}
