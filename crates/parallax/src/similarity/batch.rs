//! Lexical features of many candidate pairs at once, for short articles where every pair is a
//! candidate.
//!
//! Two profiles' long lists (stems, words, 4-grams, word pairs and triples) are compared pair by
//! pair by a linear merge: for every pair, every entry of both sides is visited, although most
//! pairs share only a few. When most pairs of the two articles are candidates, an index of the
//! right side's lists (sorted `(id, sentence)` entries) lets each left sentence visit only the
//! right sentences that share each of its entries. The products are added per pair in the order
//! of the shared ids, as the merge adds them, so the features are the same bits.

use super::{assemble, cosine_of, minmax, Features, Id, Overlap, Prepared};

/// Lexical features of `pairs` (`(left, right)` indices, sorted), `None` where a side is
/// missing: exactly [`super::prepared_features`] of each pair.
pub(crate) fn pair_features(
    left: &[Option<Prepared>],
    right: &[Option<Prepared>],
    pairs: &[(usize, usize)],
) -> Vec<Option<Features>> {
    let count = |side: &[Option<Prepared>]| side.iter().flatten().count();
    // The index costs about as much as merging each pair when few pairs are candidates (long
    // articles): there the pairs are merged one by one.
    if pairs.len().saturating_mul(2) < count(left).saturating_mul(count(right)) {
        return pairs
            .iter()
            .map(|&(i, j)| {
                let (l, r) = (left.get(i)?.as_ref()?, right.get(j)?.as_ref()?);
                Some(super::prepared_features(l, r))
            })
            .collect();
    }
    let index = Index::new(right);
    let mut overlaps = vec![Overlap::default(); right.len()];
    let mut current = None;
    pairs
        .iter()
        .map(|&(i, j)| {
            let (l, r) = (left.get(i)?.as_ref()?, right.get(j)?.as_ref()?);
            if current != Some(i) {
                index.fill(l, &mut overlaps);
                current = Some(i);
            }
            Some(assemble(l, r, overlaps.get(j)?))
        })
        .collect()
}

/// The stem cosine ([`super::prepared_cosine`]) of every pair `(a, b)`, `a < b`, of one side's
/// sentences, as `cosines[a]`: `(b, cosine)` for each later sentence present, in order, the
/// pair's own bits. Through the index, each sentence visits only the sentences sharing each of
/// its stems; pairs sharing none have a zero dot product, as the merge finds.
pub(crate) fn stem_cosines(side: &[Option<Prepared>]) -> Vec<Vec<(usize, f64)>> {
    let terms = stem_entries(side);
    let mut dots = vec![0.0; side.len()];
    side.iter()
        .enumerate()
        .map(|(a, prepared)| {
            let Some(left) = prepared else {
                return Vec::new();
            };
            dots.fill(0.0);
            for &(term, left_w, _) in &left.terms {
                for (b, right_w) in weighted(&terms, term) {
                    if let Some(dot) = dots.get_mut(b).filter(|_| b > a) {
                        let (low, high) = minmax(left_w, right_w);
                        *dot += low * high;
                    }
                }
            }
            side.iter()
                .enumerate()
                .skip(a + 1)
                .filter_map(|(b, right)| {
                    let right = right.as_ref()?;
                    let dot = dots.get(b).copied().unwrap_or_default();
                    Some((b, cosine_of(dot, left.terms_norm * right.terms_norm)))
                })
                .collect()
        })
        .collect()
}

/// A side's content stems as `(id, sentence, weight)` entries sorted by id, then by sentence.
fn stem_entries(side: &[Option<Prepared>]) -> Vec<(Id, u32, f64)> {
    let mut terms: Vec<(Id, u32, f64)> =
        Vec::with_capacity(side.iter().flatten().map(|p| p.terms.len()).sum());
    terms.extend(
        side.iter()
            .enumerate()
            .filter_map(|(j, p)| Some((u32::try_from(j).ok()?, p.as_ref()?)))
            .flat_map(|(j, p)| p.terms.iter().map(move |&(t, w, _)| (t, j, w))),
    );
    sort_by_id(&mut terms, |e| e.0);
    terms
}

/// Sorts entries listed in sentence order by id, keeping sentence order among equal ids (so
/// by `(id, sentence)`): one counting pass deals them by the ids' top bits into about one
/// bucket per entry, then each bucket is sorted on its own (stably). The ids are hashes,
/// spread evenly, so most buckets hold one id and the cost is about linear, where sorting the
/// whole list compares `n log n` times.
pub(crate) fn sort_by_id<T: Copy>(list: &mut [T], id_of: impl Fn(&T) -> Id) {
    let bits = (usize::BITS - list.len().leading_zeros()).clamp(1, 16);
    crate::order::sort_by_buckets(
        list,
        1 << bits,
        |e| (id_of(e) >> (Id::BITS - bits)) as usize,
        |run| run.sort_by_key(&id_of),
    );
}

/// The right side's lists as `(id, sentence, weight, idf)` entries sorted by id, then by
/// sentence (weights only where the overlap needs them).
struct Index {
    terms: Vec<(Id, u32, f64)>,
    words: Vec<(Id, u32, f64)>,
    grams: Vec<(Id, u32)>,
    bigrams: Vec<(Id, u32)>,
    trigrams: Vec<(Id, u32)>,
}

impl Index {
    fn new(side: &[Option<Prepared>]) -> Self {
        // Sized up front: the lists are long, and growing them copies them again and again.
        let total = |list: fn(&Prepared) -> usize| side.iter().flatten().map(list).sum::<usize>();
        let mut index = Self {
            terms: stem_entries(side),
            words: Vec::with_capacity(total(|p| p.words.len())),
            grams: Vec::with_capacity(total(|p| p.grams.len())),
            bigrams: Vec::with_capacity(total(|p| p.profile.bigrams.len())),
            trigrams: Vec::with_capacity(total(|p| p.profile.trigrams.len())),
        };
        for (j, prepared) in side.iter().enumerate() {
            let Some(p) = prepared else { continue };
            let j = u32::try_from(j).unwrap_or(u32::MAX);
            index
                .words
                .extend(p.words.iter().map(|&(w, weight, _)| (w, j, weight)));
            index.grams.extend(p.grams.iter().map(|&(g, _)| (g, j)));
            index
                .bigrams
                .extend(p.profile.bigrams.iter().map(|&b| (b, j)));
            index
                .trigrams
                .extend(p.profile.trigrams.iter().map(|&t| (t, j)));
        }
        sort_by_id(&mut index.words, |e| e.0);
        for list in [&mut index.grams, &mut index.bigrams, &mut index.trigrams] {
            sort_by_id(list, |e| e.0);
        }
        index
    }

    /// The overlap of `left` with every right sentence, each sum taken over the shared ids in
    /// id order.
    fn fill(&self, left: &Prepared, overlaps: &mut [Overlap]) {
        overlaps.fill(Overlap::default());
        for &(term, left_w, idf) in &left.terms {
            for (j, right_w) in weighted(&self.terms, term) {
                if let Some(o) = overlaps.get_mut(j) {
                    let (low, high) = minmax(left_w, right_w);
                    o.terms_dot += low * high;
                    o.terms_mass += idf;
                }
            }
        }
        for &(word, left_w, _) in &left.words {
            for (j, right_w) in weighted(&self.words, word) {
                if let Some(o) = overlaps.get_mut(j) {
                    let (low, high) = minmax(left_w, right_w);
                    o.words_dot += low * high;
                }
            }
        }
        for &(gram, w) in &left.grams {
            for j in holders(&self.grams, gram) {
                if let Some(o) = overlaps.get_mut(j) {
                    o.grams_dot += w * w;
                }
            }
        }
        for &bigram in &left.profile.bigrams {
            for j in holders(&self.bigrams, bigram) {
                if let Some(o) = overlaps.get_mut(j) {
                    o.bigrams += 1;
                }
            }
        }
        for &trigram in &left.profile.trigrams {
            for j in holders(&self.trigrams, trigram) {
                if let Some(o) = overlaps.get_mut(j) {
                    o.trigrams += 1;
                }
            }
        }
    }
}

/// The sentences holding `id`, with their weight.
fn weighted(list: &[(Id, u32, f64)], id: Id) -> impl Iterator<Item = (usize, f64)> + '_ {
    let start = list.partition_point(|&(entry, _, _)| entry < id);
    list[start..]
        .iter()
        .take_while(move |&&(entry, _, _)| entry == id)
        .map(|&(_, j, w)| (j as usize, w))
}

/// The sentences holding `id`.
fn holders(list: &[(Id, u32)], id: Id) -> impl Iterator<Item = usize> + '_ {
    let start = list.partition_point(|&(entry, _)| entry < id);
    list[start..]
        .iter()
        .take_while(move |&&(entry, _)| entry == id)
        .map(|&(_, j)| j as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::{prepared_features, Profile, Weights};
    use crate::tokenize::tokenize;
    use proptest::prelude::*;

    const LEFT: &[&str] = &[
        "Putin and Kim signed a treaty in Pyongyang on Wednesday.",
        "The pact obliges each side to help the other if attacked.",
        "Kim called the agreement “the most powerful treaty” ever signed.",
        "Washington said the deal should worry anyone who values peace.",
        "Residents laid flowers.",
    ];
    const RIGHT: &[&str] = &[
        "Kim and Putin signed a treaty in Pyongyang, officials said.",
        "Each side must help the other in case of aggression, the pact says.",
        "The State Department said the ties were worrying.",
        "Seoul summoned the Russian ambassador.",
        "Kim called it “the most powerful treaty” ever.",
        "Rain fell.",
    ];

    fn prepared(texts: &[&str], weights: &Weights) -> Vec<Option<Prepared>> {
        texts
            .iter()
            .map(|t| Some(weights.prepare(Profile::new(&tokenize(t, 0..t.len())))))
            .collect()
    }

    #[test]
    fn batched_features_are_the_pairs_own_bits() {
        let profiles: Vec<Profile> = LEFT
            .iter()
            .chain(RIGHT)
            .map(|t| Profile::new(&tokenize(t, 0..t.len())))
            .collect();
        let weights = Weights::new(profiles.iter());
        let (mut left, right) = (prepared(LEFT, &weights), prepared(RIGHT, &weights));
        left.insert(2, None);
        let every: Vec<(usize, usize)> = (0..left.len())
            .flat_map(|i| (0..right.len()).map(move |j| (i, j)))
            .collect();
        // Every pair (the index), and a sparse choice (merged one by one).
        for pairs in [every.clone(), vec![(0, 0), (3, 4)]] {
            let batched = pair_features(&left, &right, &pairs);
            assert_eq!(batched.len(), pairs.len());
            for (&(i, j), got) in pairs.iter().zip(&batched) {
                let want = left[i]
                    .as_ref()
                    .map(|l| prepared_features(l, right[j].as_ref().expect("right")));
                let bits = |f: &Option<Features>| {
                    f.map(|f| f.values.map(f64::to_bits).to_vec())
                        .unwrap_or_default()
                };
                assert_eq!(bits(got), bits(&want), "pair ({i}, {j})");
            }
        }
        // The first pair shares stems, words, grams, word pairs and triples: none is all zeros.
        let l = left[0].as_ref().expect("left");
        let r = right[0].as_ref().expect("right");
        let o = Overlap::merged(l, r);
        assert!(
            o.terms_dot > 0.0 && o.words_dot > 0.0 && o.grams_dot > 0.0,
            "{o:?}"
        );
        assert!(o.bigrams > 0 && o.trigrams > 0, "{o:?}");
    }

    #[test]
    fn batched_stem_cosines_are_the_pairs_own_bits() {
        let texts: Vec<&str> = LEFT.iter().chain(RIGHT).copied().collect();
        let profiles: Vec<Profile> = texts
            .iter()
            .map(|t| Profile::new(&tokenize(t, 0..t.len())))
            .collect();
        let weights = Weights::new(profiles.iter());
        let mut side = prepared(&texts, &weights);
        side.insert(3, None);
        let cosines = stem_cosines(&side);
        assert_eq!(cosines.len(), side.len());
        let mut shared = 0;
        for (a, got) in cosines.iter().enumerate() {
            let want: Vec<(usize, u64)> = match &side[a] {
                None => Vec::new(),
                Some(pa) => (a + 1..side.len())
                    .filter_map(|b| Some((b, super::super::prepared_cosine(pa, side[b].as_ref()?))))
                    .map(|(b, c)| (b, c.to_bits()))
                    .collect(),
            };
            let got: Vec<(usize, u64)> = got.iter().map(|&(b, c)| (b, c.to_bits())).collect();
            assert_eq!(got, want, "sentence {a}");
            shared += got
                .iter()
                .filter(|&&(_, c)| f64::from_bits(c) > 0.0)
                .count();
        }
        // Pairs that share stems are in the table, not only zeros.
        assert!(shared >= 5, "{shared}");
    }

    proptest! {
        /// Dealing by top bits and sorting each bucket is the stable sort by id, for any ids:
        /// repeated ones, and ones sharing their top bits (few buckets, long runs).
        #[test]
        fn sort_by_id_is_the_stable_sort_by_id(
            ids in proptest::collection::vec(
                prop_oneof![
                    any::<u64>(),
                    0u64..4,
                    (0u64..4).prop_map(|k| u64::MAX - k),
                ],
                0..300,
            )
        ) {
            let entries: Vec<(Id, u32)> = ids
                .iter()
                .enumerate()
                .map(|(j, &id)| (id, u32::try_from(j).unwrap_or(u32::MAX)))
                .collect();
            let mut got = entries.clone();
            sort_by_id(&mut got, |e| e.0);
            let mut want = entries;
            want.sort_by_key(|e| e.0);
            prop_assert_eq!(got, want);
        }
    }
}
