//! Find the sentence pairs worth scoring: every pair of short inputs, else pairs sharing a rare stem.

use crate::similarity::{Prepared, Weights};
use std::collections::BTreeMap;

/// Inputs with at most this many sentence pairs consider every pair.
pub(super) const ALL_PAIRS: usize = 40_000;

/// A stem is rare enough to index when at most this many sentences hold it, or a share of
/// [`RARE_SHARE`] of all sentences if that is more.
const RARE_COUNT: usize = 8;
/// See [`RARE_COUNT`].
const RARE_SHARE: f64 = 0.02;

/// The candidate pairs `(left, right)`, sorted and without repeats. `None` profiles
/// (boilerplate) take part in no pair.
///
/// Up to [`ALL_PAIRS`] pairs, every pair is a candidate. Beyond, an inverted index of rare
/// stems lists the pairs sharing at least one of them: each stem adds at most the square of
/// the rare limit, so the cost grows with the length of the input, not with its square.
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
    let mut pairs: Vec<(usize, usize)> = postings
        .values()
        .flat_map(|(l, r)| l.iter().flat_map(move |&i| r.iter().map(move |&j| (i, j))))
        .collect();
    crate::order::sort(&mut pairs);
    pairs.dedup();
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::Profile;
    use crate::tokenize::tokenize;

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
        // 250 × 250 sentences exceed ALL_PAIRS; each sentence has one unique word.
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
}
