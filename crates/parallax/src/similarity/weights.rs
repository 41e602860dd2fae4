//! Inverse document frequencies over both articles, and profiles prepared with them.

use super::profile::{id, Id};
use super::Profile;
// A hash map with a fixed hasher: looked up only, never iterated, and its order would be the
// same on every run anyway (no random seed), so it cannot make output vary.
#[allow(clippy::disallowed_types)]
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// Document frequencies by id. The ids are already hashes (FNV-1a), so the map only mixes
/// them once more; the map is looked up, never iterated, so its order is never seen.
#[allow(clippy::disallowed_types)]
type Counts = HashMap<Id, u32, BuildHasherDefault<IdHasher>>;

/// A hasher for [`Id`]s: one multiply and a fold of the high bits (deterministic).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.write_u64(u64::from(byte));
        }
    }

    fn write_u64(&mut self, value: u64) {
        let mixed = (self.0 ^ value).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = mixed ^ (mixed >> 32);
    }
}

/// Inverse document frequencies of stems and 4-grams over the sentences of both articles.
///
/// `idf(t) = ln(1 + (N + PRIOR) / (df(t) + PRIOR))` with `N` the number of sentences and
/// `df(t)` the number of sentences holding `t`; the prior keeps one-off words from dominating
/// in short articles. A term that was never seen gets the highest weight, `ln(1 + (N + PRIOR) / PRIOR)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weights {
    pub(super) sentences: usize,
    pub(super) terms: Counts,
    pub(super) grams: Counts,
    /// `idf_of_df` for every document frequency up to the sentence count, computed once.
    idfs: Vec<f64>,
}

/// Pseudo-count added to every document frequency and to the sentence count.
pub(super) const IDF_PRIOR: f64 = 1.0;

impl Weights {
    /// Counts document frequencies over every profile given (both articles' sentences).
    ///
    /// # Example: rare words weigh more
    ///
    /// ```
    /// use parallax::{similarity::{Profile, Weights}, tokenize::tokenize};
    /// let texts = ["Rain fell.", "Rain stopped.", "Snow fell."];
    /// let profiles: Vec<Profile> =
    ///     texts.iter().map(|t| Profile::new(&tokenize(t, 0..t.len()))).collect();
    /// let weights = Weights::new(profiles.iter());
    /// assert!(weights.idf("snow") > weights.idf("rain"));
    /// ```
    pub fn new<'a>(profiles: impl Iterator<Item = &'a Profile>) -> Self {
        let mut weights = Weights::default();
        for profile in profiles {
            weights.sentences += 1;
            for &(stem, _) in &profile.words_all {
                *weights.terms.entry(stem).or_insert(0) += 1;
            }
            // Content stems that are not word stems: spelled-out numbers (`three` → `3`).
            for &(stem, _) in &profile.terms {
                if profile
                    .words_all
                    .binary_search_by_key(&stem, |&(s, _)| s)
                    .is_err()
                {
                    *weights.terms.entry(stem).or_insert(0) += 1;
                }
            }
            for &gram in &profile.grams {
                *weights.grams.entry(gram).or_insert(0) += 1;
            }
        }
        weights.idfs = (0..=weights.sentences)
            .map(|df| weights.idf_formula(u32::try_from(df).unwrap_or(u32::MAX)))
            .collect();
        weights
    }

    /// The inverse document frequency of a stem.
    pub fn idf(&self, stem: &str) -> f64 {
        self.term_idf(id(stem))
    }

    /// How many sentences hold the stem.
    pub fn df(&self, stem: &str) -> u32 {
        self.term_df(id(stem))
    }

    pub(crate) fn term_df(&self, stem: Id) -> u32 {
        self.terms.get(&stem).copied().unwrap_or(0)
    }

    fn term_idf(&self, stem: Id) -> f64 {
        self.idf_of_df(self.term_df(stem))
    }

    fn gram_idf(&self, gram: Id) -> f64 {
        self.idf_of_df(self.grams.get(&gram).copied().unwrap_or(0))
    }

    fn idf_of_df(&self, df: u32) -> f64 {
        match self.idfs.get(df as usize) {
            Some(&idf) => idf,
            None => self.idf_formula(df),
        }
    }

    fn idf_formula(&self, df: u32) -> f64 {
        (1.0 + (self.sentences as f64 + IDF_PRIOR) / (f64::from(df) + IDF_PRIOR)).ln()
    }

    /// Attaches this comparison's weights to a profile, once, for many comparisons.
    pub(crate) fn prepare(&self, profile: Profile) -> Prepared {
        // Most stems occur once in a sentence, and ln 1 is 0: the logarithm only for repeats.
        let tf = |count: u32| {
            if count == 1 {
                1.0
            } else {
                1.0 + f64::from(count).ln()
            }
        };
        let weighted = |list: &[(Id, u32)]| -> (Vec<(Id, f64, f64)>, f64, f64) {
            let mut out = Vec::with_capacity(list.len());
            let (mut squares, mut mass) = (0.0, 0.0);
            for &(stem, count) in list {
                let idf = self.term_idf(stem);
                let w = tf(count) * idf;
                squares += w * w;
                mass += idf;
                out.push((stem, w, idf));
            }
            (out, squares.sqrt(), mass)
        };
        let (terms, terms_norm, terms_mass) = weighted(&profile.terms);
        let (words, words_norm, _) = weighted(&profile.words_all);
        let mut squares = 0.0;
        let grams: Vec<(Id, f64)> = profile
            .grams
            .iter()
            .map(|&g| {
                let w = self.gram_idf(g);
                squares += w * w;
                (g, w)
            })
            .collect();
        Prepared {
            profile,
            terms,
            terms_norm,
            terms_mass,
            words,
            words_norm,
            grams,
            grams_norm: squares.sqrt(),
        }
    }
}

/// A profile with this comparison's weights attached: what [`features`] compares.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Prepared {
    /// The profile itself.
    pub(crate) profile: Profile,
    /// Content stems: (id, tf·idf, idf).
    pub(super) terms: Vec<(Id, f64, f64)>,
    pub(super) terms_norm: f64,
    pub(super) terms_mass: f64,
    /// All word stems: (id, tf·idf, idf).
    pub(super) words: Vec<(Id, f64, f64)>,
    pub(super) words_norm: f64,
    /// 4-grams: (id, idf).
    pub(super) grams: Vec<(Id, f64)>,
    pub(super) grams_norm: f64,
}

impl Prepared {
    /// The content stems with their share of the stem vector: `(stem, tf·idf / norm)`, sorted
    /// by stem, so the sum of the products over two sentences' shared stems is their TF-IDF
    /// cosine.
    pub(crate) fn unit_terms(&self) -> impl Iterator<Item = (u64, f64)> + '_ {
        let norm = self.terms_norm;
        self.terms.iter().map(move |&(stem, w, _)| {
            let share = if norm > 0.0 { w / norm } else { 0.0 };
            (stem, share)
        })
    }
}
