//! Find the sentence pairs worth scoring: every pair of short inputs, else each sentence's
//! best few partners by shared stems.

use crate::similarity::{Prepared, Weights};
use std::collections::BTreeMap;

/// Inputs with at most this many sentence pairs consider every pair.
pub(super) const ALL_PAIRS: usize = 40_000;

/// Inputs with more pairs than [`ALL_PAIRS`] but at most this many sentences (both sides
/// together) consider the pairs that share a rare stem ([`rare_stem_pairs`]), and the best
/// partners of each sentence in no such pair; longer ones each sentence's best partners
/// ([`best_partners`]).
pub(super) const RARE_STEMS_UP_TO: usize = 1_500;

/// A stem is rare enough to index when at most this many sentences hold it, or a share of
/// [`RARE_SHARE`] of all sentences if that is more.
const RARE_COUNT: usize = 8;
/// See [`RARE_COUNT`].
const RARE_SHARE: f64 = 0.02;

/// Beyond [`RARE_STEMS_UP_TO`], each sentence keeps this many partners on the other side: those
/// whose stems overlap most with its own (see [`candidates`]).
const PARTNERS: usize = 10;

/// A stem held by more than this many sentences of the other side is too common to find
/// partners by across the whole article: it would tie a sentence to a large share of it and
/// cost as much. It still counts for the [`POSTING_CAP`] sentences holding it nearest the
/// querying sentence's relative place, so text repeated many times (a report quoted in full
/// twice, an article and its many near-copies) still finds its partners along the diagonal.
const POSTING_CAP: usize = 48;

/// The candidate pairs `(left, right)`, sorted and without repeats. `None` profiles
/// (boilerplate) take part in no pair.
///
/// Up to [`ALL_PAIRS`] pairs, every pair is a candidate; up to [`RARE_STEMS_UP_TO`] sentences,
/// the pairs sharing a rare stem ([`rare_stem_pairs`]) and the best partners of each sentence
/// in none of them (text repeated many times holds no rare stem); beyond, each sentence's
/// best partners ([`best_partners`]), whose cost grows with the length of the input, not with
/// its square.
pub(super) fn candidates(
    left: &[Option<Prepared>],
    right: &[Option<Prepared>],
    weights: &Weights,
) -> Vec<(usize, usize)> {
    let present = |side: &[Option<Prepared>]| -> Vec<usize> {
        side.iter()
            .enumerate()
            .filter_map(|(i, p)| p.as_ref().map(|_| i))
            .collect()
    };
    let (left_present, right_present) = (present(left), present(right));
    if left_present.len().saturating_mul(right_present.len()) <= ALL_PAIRS {
        return left_present
            .iter()
            .flat_map(|&i| right_present.iter().map(move |&j| (i, j)))
            .collect();
    }
    let sentences = left_present.len() + right_present.len();
    if sentences <= RARE_STEMS_UP_TO {
        // Text repeated many times holds no rare stem at all: a sentence in no rare-stem pair
        // still finds its best partners along the diagonal.
        let mut pairs = rare_stem_pairs(left, right, weights, sentences);
        let mut lonely = [vec![true; left.len()], vec![true; right.len()]];
        for &(i, j) in &pairs {
            for (side, k) in [(0, i), (1, j)] {
                if let Some(flag) = lonely[side].get_mut(k) {
                    *flag = false;
                }
            }
        }
        pairs.extend(best_partners(left, right, Some(&lonely)));
        sorted_unique(pairs)
    } else {
        best_partners(left, right, None)
    }
}

/// The pairs sharing at least one rare stem, unsorted and with repeats (the caller sorts them
/// with the best partners it adds), through an inverted index: a stem is rare when
/// at most [`RARE_COUNT`] of the `sentences` hold it, or [`RARE_SHARE`] of them if that is
/// more. The limit grows with the input, and so does each stem's share of the pairs: kept for
/// inputs of up to [`RARE_STEMS_UP_TO`] sentences, whose links the models were fitted on.
fn rare_stem_pairs(
    left: &[Option<Prepared>],
    right: &[Option<Prepared>],
    weights: &Weights,
    sentences: usize,
) -> Vec<(usize, usize)> {
    let rare = RARE_COUNT.max((sentences as f64 * RARE_SHARE) as usize);
    let mut postings: BTreeMap<u64, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for (side, profiles) in [left, right].into_iter().enumerate() {
        for (index, profile) in profiles.iter().enumerate() {
            let Some(profile) = profile else { continue };
            for stem in profile.profile.term_ids() {
                if weights.term_df(stem) as usize > rare {
                    continue;
                }
                let lists = postings.entry(stem).or_default();
                if side == 0 {
                    lists.0.push(index);
                } else {
                    lists.1.push(index);
                }
            }
        }
    }
    postings
        .values()
        .flat_map(|(l, r)| l.iter().flat_map(move |&i| r.iter().map(move |&j| (i, j))))
        .collect()
}

/// Every sentence of either side keeps its [`PARTNERS`] best partners on the other side,
/// ranked by the TF-IDF cosine of the stems they share (ties: the nearer its own relative
/// place, then the lower index), found through
/// an inverted index of the stems that at most [`POSTING_CAP`] sentences of the other side
/// hold; the pairs are the union of both sides' choices, sorted. Each sentence does a bounded
/// amount of work and brings a bounded number of pairs, and the same rule from both sides
/// keeps the set mirror-symmetric.
///
/// With `only`, only the sentences it flags (`only[0]` on the left, `only[1]` on the right)
/// choose partners.
fn best_partners(
    left: &[Option<Prepared>],
    right: &[Option<Prepared>],
    only: Option<&[Vec<bool>; 2]>,
) -> Vec<(usize, usize)> {
    let chooses =
        |side: usize, k: usize| only.is_none_or(|only| only[side].get(k).copied().unwrap_or(false));
    let right_index = Index::new(right);
    let (nl, nr) = (left.len().max(1), right.len().max(1));
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut scratch = Scratch::new(left.len().max(right.len()));
    // A side against itself (near sentences): the right side's choices are the left side's,
    // mirrored.
    let same = std::ptr::eq(left, right);
    for (i, profile) in left.iter().enumerate() {
        if let Some(profile) = profile.as_ref().filter(|_| chooses(0, i)) {
            let near = i * nr / nl;
            for j in right_index.partners(profile, near, &mut scratch) {
                pairs.push((i, j));
                if same {
                    pairs.push((j, i));
                }
            }
        }
    }
    if same {
        return sorted_unique(pairs);
    }
    let left_index = Index::new(left);
    for (j, profile) in right.iter().enumerate() {
        if let Some(profile) = profile.as_ref().filter(|_| chooses(1, j)) {
            let near = j * nl / nr;
            for i in left_index.partners(profile, near, &mut scratch) {
                pairs.push((i, j));
            }
        }
    }
    sorted_unique(pairs)
}

/// `pairs` sorted and without repeats. The pairs are dealt into rows by their left sentence
/// ([`crate::order::sort_by_buckets`]), then each row is sorted on its own: a row holds about
/// 2 × [`PARTNERS`] pairs, so this is about linear where one sort of the whole list is not.
fn sorted_unique(mut pairs: Vec<(usize, usize)>) -> Vec<(usize, usize)> {
    let rows = pairs.iter().map(|p| p.0 + 1).max().unwrap_or(0);
    crate::order::sort_by_buckets(
        &mut pairs,
        rows,
        |p| p.0,
        |row| {
            if row.len() <= 32 {
                // Insertion sort: rows are short, and it needs no index list.
                for k in 1..row.len() {
                    let mut m = k;
                    while m > 0 && row[m - 1] > row[m] {
                        row.swap(m - 1, m);
                        m -= 1;
                    }
                }
            } else {
                crate::order::sort(row);
            }
        },
    );
    pairs.dedup();
    pairs
}

/// An inverted index of one side's stems: for each stem, the sentences holding it with the
/// stem's share of their stem vector ([`Prepared::unit_terms`]).
struct Index {
    /// Every stem, sorted, each with where its postings start in `postings` (the next stem's
    /// start is where they end).
    stems: Vec<(u64, usize)>,
    /// `(sentence, share)`, grouped by stem in the order of `stems`, by sentence within.
    postings: Vec<(usize, f64)>,
}

impl Index {
    fn new(side: &[Option<Prepared>]) -> Self {
        let mut all: Vec<(u64, usize, f64)> = side
            .iter()
            .enumerate()
            .filter_map(|(k, p)| Some((k, p.as_ref()?)))
            .flat_map(|(k, p)| p.unit_terms().map(move |(stem, share)| (stem, k, share)))
            .collect();
        // Listed by sentence, so sorted by stem and then by sentence.
        crate::similarity::batch::sort_by_id(&mut all, |e| e.0);
        let mut stems = Vec::new();
        let mut postings = Vec::new();
        for run in all.chunk_by(|a, b| a.0 == b.0) {
            if let Some(&(stem, _, _)) = run.first() {
                stems.push((stem, postings.len()));
                postings.extend(run.iter().map(|&(_, k, share)| (k, share)));
            }
        }
        Self { stems, postings }
    }

    /// The sentences holding `stem`: all of them when at most [`POSTING_CAP`] do, else the
    /// [`POSTING_CAP`] nearest sentence `near` (postings are in sentence order).
    fn posting(&self, stem: u64, near: usize) -> &[(usize, f64)] {
        let Ok(at) = self.stems.binary_search_by_key(&stem, |s| s.0) else {
            return &[];
        };
        let start = self.stems.get(at).map_or(0, |s| s.1);
        let end = self.stems.get(at + 1).map_or(self.postings.len(), |s| s.1);
        let all = self.postings.get(start..end).unwrap_or_default();
        if all.len() <= POSTING_CAP {
            return all;
        }
        let middle = all.partition_point(|&(k, _)| k < near);
        let from = middle
            .saturating_sub(POSTING_CAP / 2)
            .min(all.len() - POSTING_CAP);
        all.get(from..from + POSTING_CAP).unwrap_or_default()
    }

    /// The [`PARTNERS`] sentences of this side that share the most with `profile` (a sentence
    /// at relative place `near` on this side), best first.
    fn partners(&self, profile: &Prepared, near: usize, scratch: &mut Scratch) -> Vec<usize> {
        for (stem, share) in profile.unit_terms() {
            for &(k, other) in self.posting(stem, near) {
                scratch.add(k, share * other);
            }
        }
        scratch.best(PARTNERS, near)
    }
}

/// Dense score accumulators, reset after each use by the list of the slots touched.
struct Scratch {
    scores: Vec<f64>,
    touched: Vec<usize>,
}

impl Scratch {
    fn new(len: usize) -> Self {
        Self {
            scores: vec![0.0; len],
            touched: Vec::new(),
        }
    }

    fn add(&mut self, k: usize, score: f64) {
        if score <= 0.0 {
            return;
        }
        if let Some(slot) = self.scores.get_mut(k) {
            if *slot == 0.0 {
                self.touched.push(k);
            }
            *slot += score;
        }
    }

    /// The `count` highest-scoring slots (ties: the slot nearer `near`, then the lower), best
    /// first, and a reset.
    fn best(&mut self, count: usize, near: usize) -> Vec<usize> {
        // Kept by insertion: `count` is small, and the program's one sort stays the only one.
        let mut best: Vec<(f64, usize)> = Vec::with_capacity(count + 1);
        for &k in &self.touched {
            let Some(slot) = self.scores.get_mut(k) else {
                continue;
            };
            let score = std::mem::take(slot);
            // Most slots score below the last kept one once `count` are kept: no search.
            if best.len() == count && best.last().is_some_and(|w| w.0.total_cmp(&score).is_gt()) {
                continue;
            }
            let key = |m: usize| (m.abs_diff(near), m);
            let at = best
                .partition_point(|&(s, m)| s.total_cmp(&score).then(key(k).cmp(&key(m))).is_gt());
            if at < count {
                best.insert(at, (score, k));
                best.truncate(count);
            }
        }
        self.touched.clear();
        best.into_iter().map(|(_, k)| k).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::Profile;
    use crate::tokenize::tokenize;
    use proptest::strategy::Strategy;

    fn profiles(texts: &[String]) -> Vec<Option<Profile>> {
        texts
            .iter()
            .map(|t| Some(Profile::new(&tokenize(t, 0..t.len()))))
            .collect()
    }

    fn prepared(weights: &Weights, side: &[Option<Profile>]) -> Vec<Option<Prepared>> {
        side.iter()
            .map(|p| p.clone().map(|p| weights.prepare(p)))
            .collect()
    }

    proptest::proptest! {
        /// Dealing into rows gives what one sort and a dedup give, rows long and short.
        #[test]
        fn sorted_unique_is_sort_and_dedup(
            pairs in (1usize..40).prop_flat_map(|rows| {
                proptest::collection::vec((0..rows, 0usize..60), 0..400)
            })
        ) {
            let mut expected = pairs.clone();
            expected.sort_unstable();
            expected.dedup();
            proptest::prop_assert_eq!(sorted_unique(pairs), expected);
        }
    }

    #[test]
    fn short_inputs_pair_everything_but_boilerplate() {
        let mut left = profiles(&["Rain fell.".to_owned(), "Snow fell.".to_owned()]);
        let right = profiles(&["Wind blew.".to_owned()]);
        left[1] = None;
        let weights = Weights::new(left.iter().chain(&right).flatten());
        let (left, right) = (prepared(&weights, &left), prepared(&weights, &right));
        assert_eq!(candidates(&left, &right, &weights), [(0, 0)]);
    }

    #[test]
    fn long_inputs_pair_only_sentences_sharing_a_rare_stem() {
        // 250 × 250 sentences exceed ALL_PAIRS; each sentence has one unique word, so each is
        // in a rare-stem pair and none looks for partners by its common words.
        let texts: Vec<String> = (0..250)
            .map(|i| format!("Common words and word{i}."))
            .collect();
        let (left, right) = (profiles(&texts), profiles(&texts));
        let weights = Weights::new(left.iter().chain(&right).flatten());
        let (left, right) = (prepared(&weights, &left), prepared(&weights, &right));
        let pairs = candidates(&left, &right, &weights);
        assert_eq!(pairs.len(), 250);
        assert!(pairs.iter().all(|&(i, j)| i == j));
    }

    /// Regressions (issue 18), text repeated many times, in both ranges past [`ALL_PAIRS`]:
    /// - 300 copies a side (600 sentences, within [`RARE_STEMS_UP_TO`]): only pairs sharing a
    ///   rare stem were candidates, and repeated text holds none, so no sentence took part in
    ///   a pair (the bench's "sample × 20" to "× 48");
    /// - 800 (beyond it): every stem was past the posting cap, so sentences found no partners
    ///   and the bench's "sample × 64" (1,856 sentences) got 128 links. Common stems now count
    ///   near the sentence's own place.
    #[test]
    fn many_repeats_of_one_text_still_pair_each_copy_with_its_counterpart() {
        let story = [
            "The harbour wall fell in the storm.",
            "Boats were moved to the river.",
            "The mayor praised the crews.",
        ];
        // (sentences a side, how many must pair with their counterpart)
        for (count, least) in [(300, 300), (800, 790)] {
            let texts: Vec<String> = (0..count).map(|k| story[k % 3].to_owned()).collect();
            let (left, right) = (profiles(&texts), profiles(&texts));
            let weights = Weights::new(left.iter().chain(&right).flatten());
            let (left, right) = (prepared(&weights, &left), prepared(&weights, &right));
            let pairs = candidates(&left, &right, &weights);
            let twins = pairs.iter().filter(|&&(i, j)| i == j).count();
            assert!(
                twins >= least,
                "{twins} of {count} sentences paired with their counterpart"
            );
            assert!(pairs.len() <= 2 * PARTNERS * count);
        }
    }

    #[test]
    fn longer_inputs_pair_each_sentence_with_its_best_partners() {
        // 1,000 sentences a side exceed RARE_STEMS_UP_TO. Sentence i shares its unique word
        // with its twin and a word of its group of 100 with 99 others: too common to index.
        let texts: Vec<String> = (0..1_000)
            .map(|i| format!("Common words, group{} and word{i}.", i / 100))
            .collect();
        let (left, mut right) = (profiles(&texts), profiles(&texts));
        right[7] = None;
        let weights = Weights::new(left.iter().chain(&right).flatten());
        let (left, right) = (prepared(&weights, &left), prepared(&weights, &right));
        let pairs = candidates(&left, &right, &weights);
        // Every twin, each sentence with a bounded number of others, and those near its own
        // place (the common words count only there).
        let twins = pairs.iter().filter(|&&(i, j)| i == j).count();
        assert_eq!(twins, 999);
        assert!(!pairs.iter().any(|&(_, j)| j == 7));
        assert!(pairs.len() <= 2 * PARTNERS * 1_000, "{}", pairs.len());
        assert!(
            pairs.iter().all(|&(i, j)| i.abs_diff(j) <= POSTING_CAP),
            "far pairs"
        );
        let mirrored = candidates(&right, &left, &weights);
        let mut back: Vec<(usize, usize)> = mirrored.iter().map(|&(j, i)| (i, j)).collect();
        crate::order::sort(&mut back);
        assert_eq!(back, pairs);
    }
}
