//! Score how much two sentences (or runs of sentences) say the same thing, in `[0, 1]`.
//!
//! The score is a small logistic model over lexical evidence that survives rewording:
//!
//! 1. Each sentence becomes a [`Profile`]: its content stems, character 4-grams of its content
//!    words, its numbers, its names and the words it quotes.
//! 2. [`Weights`] gives every stem and 4-gram an inverse document frequency over the sentences
//!    of *both* articles (with a smoothing prior), so words that both articles repeat in every
//!    other sentence (`Putin`, `said`) weigh little and rare shared words weigh much.
//! 3. [`features`] measures a pair: TF-IDF cosine of stems and of 4-grams, how much of each
//!    side the other covers, agreement and disagreement of numbers, names and quotations, the
//!    length balance and shared word pairs.
//! 4. A logistic model (weights learned offline, kept as data in `src/models.toml` and read at
//!    build time) turns the features into a probability.
//!
//! Every feature is symmetric: swapping the two sentences gives bit-for-bit the same value, so
//! the aligner can promise a mirrored result for mirrored input.

pub(crate) mod batch;
mod cues;
pub(crate) mod model;
mod profile;
pub(crate) mod topics;
mod weights;

pub(crate) use model::Model;
pub(crate) use profile::word_overlap_of;
use profile::Id;
pub use profile::{word_overlap, Profile};
use std::sync::OnceLock;
pub(crate) use topics::Topics;
pub(crate) use weights::Prepared;
pub use weights::Weights;

/// Names of the lexical features, in the order of [`Features::values`].
pub const FEATURE_NAMES: [&str; FEATURES] = [
    "cosine",
    "gram_cosine",
    "cover_min",
    "cover_max",
    "shared_mass",
    "number_agree",
    "number_clash",
    "name_dice",
    "name_clash",
    "quote_share",
    "length_gap",
    "bigram_dice",
    "shortness",
    "phrase_dice",
    "shared_bigrams",
    "word_cosine",
];

/// Number of lexical features.
pub const FEATURES: usize = 16;

/// Index of `cosine` in [`Features::values`].
pub(crate) const COSINE: usize = 0;
/// Index of `gram_cosine` in [`Features::values`].
pub(crate) const GRAM_COSINE: usize = 1;
/// Index of `cover_min` in [`Features::values`].
pub(crate) const COVER_MIN: usize = 2;
/// Index of `cover_max` in [`Features::values`].
pub(crate) const COVER_MAX: usize = 3;

/// The lexical evidence that two profiles say the same thing; each value is symmetric.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Features {
    /// Values in the order of [`FEATURE_NAMES`].
    pub values: [f64; FEATURES],
}

/// Measures a pair of profiles with the given weights.
///
/// # Example: a reworded sentence shares rare words
///
/// ```
/// use parallax::{similarity::{features, Profile, Weights, FEATURE_NAMES}, tokenize::tokenize};
/// let profile = |t: &str| Profile::new(&tokenize(t, 0..t.len()));
/// let left = profile("The harbour bridge reopened on Tuesday after repairs.");
/// let right = profile("After repairs, the bridge over the harbour opened again on Tuesday.");
/// let weights = Weights::new([&left, &right].into_iter());
/// let f = features(&left, &right, &weights);
/// let cosine = f.values[FEATURE_NAMES.iter().position(|&n| n == "cosine").unwrap()];
/// assert!(cosine > 0.6 && cosine < 1.0);
/// ```
pub fn features(left: &Profile, right: &Profile, weights: &Weights) -> Features {
    prepared_features(
        &weights.prepare(left.clone()),
        &weights.prepare(right.clone()),
    )
}

/// [`features`] of two prepared profiles.
pub(crate) fn prepared_features(left: &Prepared, right: &Prepared) -> Features {
    assemble(left, right, &Overlap::merged(left, right))
}

/// What two profiles share in their long lists: the dot products of their stem, word and
/// 4-gram vectors, the idf mass of their shared stems, and how many word pairs and triples
/// they share. Each sum runs over the shared ids in id order, whether found by merging the two
/// lists ([`Overlap::merged`]) or through an index of many sentences ([`batch`]), so both give
/// the same bits.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
struct Overlap {
    terms_dot: f64,
    terms_mass: f64,
    words_dot: f64,
    grams_dot: f64,
    bigrams: usize,
    trigrams: usize,
}

impl Overlap {
    /// The overlap of two profiles by merging their sorted lists.
    fn merged(left: &Prepared, right: &Prepared) -> Self {
        let (terms_dot, terms_mass) = dot_and_mass(&left.terms, &right.terms);
        Self {
            terms_dot,
            terms_mass,
            words_dot: dot_and_mass(&left.words, &right.words).0,
            grams_dot: gram_dot(left, right),
            bigrams: shared(&left.profile.bigrams, &right.profile.bigrams),
            trigrams: shared(&left.profile.trigrams, &right.profile.trigrams),
        }
    }
}

/// The features of a pair whose overlap is known.
fn assemble(left: &Prepared, right: &Prepared, overlap: &Overlap) -> Features {
    let (lp, rp) = (&left.profile, &right.profile);
    let (cover_left, cover_right) = (
        ratio(overlap.terms_mass, left.terms_mass),
        ratio(overlap.terms_mass, right.terms_mass),
    );
    // Numbers, names and quoted words are content stems: a pair that shares no content stem
    // (no mass; every idf is above 0) shares none of them, and most pairs share none.
    let any_term = overlap.terms_mass > 0.0;
    let shared_if_any = |left: &[Id], right: &[Id]| if any_term { shared(left, right) } else { 0 };
    let numbers_shared = shared_if_any(&lp.numbers, &rp.numbers);
    let both_numbers = !lp.numbers.is_empty() && !rp.numbers.is_empty();
    let names_shared = shared_if_any(&lp.names, &rp.names);
    let both_names = !lp.names.is_empty() && !rp.names.is_empty();
    let quotes_shared = shared_if_any(&lp.quoted, &rp.quoted);
    let shorter = lp.content.min(rp.content) as f64;
    Features {
        values: [
            cosine_of(overlap.terms_dot, left.terms_norm * right.terms_norm),
            cosine_of(overlap.grams_dot, left.grams_norm * right.grams_norm),
            smaller(cover_left, cover_right),
            larger(cover_left, cover_right),
            ln_one_plus(overlap.terms_mass) / 4.0,
            dice(numbers_shared, lp.numbers.len(), rp.numbers.len()),
            f64::from(u8::from(both_numbers && numbers_shared == 0)),
            dice(names_shared, lp.names.len(), rp.names.len()),
            f64::from(u8::from(both_names && names_shared == 0)),
            ratio(
                quotes_shared as f64,
                lp.quoted.len().min(rp.quoted.len()) as f64,
            ),
            length_gap(lp.content, rp.content),
            dice(overlap.bigrams, lp.bigrams.len(), rp.bigrams.len()),
            1.0 / (1.0 + shorter),
            dice(overlap.trigrams, lp.trigrams.len(), rp.trigrams.len()),
            ln_one_plus(overlap.bigrams as f64) / 2.0,
            cosine_of(overlap.words_dot, left.words_norm * right.words_norm),
        ],
    }
}

/// Lengths below this are looked up in [`length_gap`]'s table.
const GAP_TABLE: usize = 48;

/// `|ln((left + 1) / (right + 1))|`, the length feature of a pair of `left` and `right` content
/// words: 0 at equal lengths, looked up below [`GAP_TABLE`] words (the same bits, computed once).
fn length_gap(left: usize, right: usize) -> f64 {
    static TABLE: OnceLock<Vec<f64>> = OnceLock::new();
    let gap = |left: usize, right: usize| {
        if left == right {
            0.0
        } else {
            ((left as f64 + 1.0) / (right as f64 + 1.0)).ln().abs()
        }
    };
    if left < GAP_TABLE && right < GAP_TABLE {
        let table = TABLE.get_or_init(|| {
            (0..GAP_TABLE * GAP_TABLE)
                .map(|k| gap(k / GAP_TABLE, k % GAP_TABLE))
                .collect()
        });
        if let Some(&known) = table.get(left * GAP_TABLE + right) {
            return known;
        }
    }
    gap(left, right)
}

/// `ln(1 + x)` as `(1.0 + x).ln()` computes it, without the logarithm when `x` is 0 (most
/// pairs share nothing, and ln 1 is exactly 0).
pub(crate) fn ln_one_plus(x: f64) -> f64 {
    if x == 0.0 {
        0.0
    } else {
        (1.0 + x).ln()
    }
}

/// Whether the two sides quote different speakers in different words: both quote, both name
/// a speaker ([`cues`]) and no speaker word of one side appears anywhere in the other, and
/// the quoted words they share are less than half of the shorter side's quoted words.
pub(crate) fn other_speakers_quoted(left: &Prepared, right: &Prepared) -> bool {
    let (left, right) = (&left.profile, &right.profile);
    let shorter = left.quoted.len().min(right.quoted.len());
    shorter > 0 && 2 * shared(&left.quoted, &right.quoted) < shorter && speakers_clash(left, right)
}

/// Whether one side places its event at another time (`two years later`, `in previous
/// remarks`) and the other names no time at all: the same actors and object at two moments.
pub(crate) fn at_other_times(left: &Prepared, right: &Prepared) -> bool {
    let (left, right) = (left.profile.when, right.profile.when);
    (left.shifted && !right.timed) || (right.shifted && !left.timed)
}

/// Whether both sides name speakers, and different ones: no speaker word of one side appears
/// anywhere in the other.
fn speakers_clash(left: &Profile, right: &Profile) -> bool {
    let mentions = |speakers: &[Id], other: &Profile| {
        speakers
            .iter()
            .any(|s| other.terms.binary_search_by_key(s, |&(t, _)| t).is_ok())
    };
    !left.speakers.is_empty()
        && !right.speakers.is_empty()
        && !mentions(&left.speakers, right)
        && !mentions(&right.speakers, left)
}

/// TF-IDF cosine of the two profiles' stems, in `[0, 1]`.
///
/// # Example: the same words score 1
///
/// ```
/// use parallax::{similarity::{cosine, Profile, Weights}, tokenize::tokenize};
/// let profile = Profile::new(&tokenize("Rain fell.", 0..10));
/// let weights = Weights::new([&profile].into_iter());
/// assert!((cosine(&profile, &profile, &weights) - 1.0).abs() < 1e-9);
/// ```
pub fn cosine(left: &Profile, right: &Profile, weights: &Weights) -> f64 {
    prepared_cosine(
        &weights.prepare(left.clone()),
        &weights.prepare(right.clone()),
    )
}

pub(crate) fn prepared_cosine(left: &Prepared, right: &Prepared) -> f64 {
    let dot = dot_and_mass(&left.terms, &right.terms).0;
    cosine_of(dot, left.terms_norm * right.terms_norm)
}

/// The share in `[0, 1]` of `of`'s stems (weighted by idf) that `by` also holds.
///
/// # Example: a short sentence inside a long one
///
/// ```
/// use parallax::{similarity::{coverage, Profile, Weights}, tokenize::tokenize};
/// let short = Profile::new(&tokenize("Rain fell.", 0..10));
/// let long = Profile::new(&tokenize("Rain fell on the town.", 0..22));
/// let weights = Weights::new([&short, &long].into_iter());
/// assert!((coverage(&short, &long, &weights) - 1.0).abs() < 1e-9);
/// assert!(coverage(&long, &short, &weights) < 0.8);
/// ```
pub fn coverage(of: &Profile, by: &Profile, weights: &Weights) -> f64 {
    prepared_coverage(&weights.prepare(of.clone()), &weights.prepare(by.clone()))
}

pub(crate) fn prepared_coverage(of: &Prepared, by: &Prepared) -> f64 {
    ratio(dot_and_mass(&of.terms, &by.terms).1, of.terms_mass)
}

/// The dot product of two sorted `(id, weight, idf)` lists and the idf mass of the shared
/// ids. Shared ids are visited in id order, so both directions add up the same bits.
fn dot_and_mass(left: &[(Id, f64, f64)], right: &[(Id, f64, f64)]) -> (f64, f64) {
    let mut dot = 0.0;
    let mut shared_mass = 0.0;
    let (mut l, mut r) = (0, 0);
    while let (Some(&(left_id, left_w, idf)), Some(&(right_id, right_w, _))) =
        (left.get(l), right.get(r))
    {
        match left_id.cmp(&right_id) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                let (low, high) = minmax(left_w, right_w);
                dot += low * high;
                shared_mass += idf;
                l += 1;
                r += 1;
            }
        }
    }
    (dot, shared_mass)
}

/// A cosine from a dot product and the product of the norms; 0 without norms.
fn cosine_of(dot: f64, norms: f64) -> f64 {
    if norms > 0.0 {
        smaller(dot / norms, 1.0)
    } else {
        0.0
    }
}

/// The dot product of two 4-gram lists (each shared gram adds its idf squared).
fn gram_dot(left: &Prepared, right: &Prepared) -> f64 {
    let mut dot = 0.0;
    let (mut l, mut r) = (0, 0);
    while let (Some(&(left_gram, w)), Some(&(right_gram, _))) =
        (left.grams.get(l), right.grams.get(r))
    {
        match left_gram.cmp(&right_gram) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                dot += w * w;
                l += 1;
                r += 1;
            }
        }
    }
    dot
}

/// How many ids two sorted lists without repeats share.
fn shared(left: &[Id], right: &[Id]) -> usize {
    let (mut l, mut r, mut count) = (0, 0, 0);
    while let (Some(a), Some(b)) = (left.get(l), right.get(r)) {
        match a.cmp(b) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                count += 1;
                l += 1;
                r += 1;
            }
        }
    }
    count
}

/// `a.max(b)`, the same bits: the other when one is NaN, `a` when they are equal. A compare
/// and a select, where in wasm `f64::max` is a call to the runtime's `fmax` (for the hot
/// loops of pair scoring).
pub(crate) fn larger(a: f64, b: f64) -> f64 {
    if a.is_nan() || a < b {
        b
    } else {
        a
    }
}

/// `a.min(b)`, the same bits, as [`larger`] is `a.max(b)`.
pub(crate) fn smaller(a: f64, b: f64) -> f64 {
    if b.is_nan() || a < b {
        a
    } else {
        b
    }
}

fn minmax(a: f64, b: f64) -> (f64, f64) {
    if a <= b {
        (a, b)
    } else {
        (b, a)
    }
}

fn dice(shared: usize, left: usize, right: usize) -> f64 {
    ratio(2.0 * shared as f64, (left + right) as f64)
}

fn ratio(numerator: f64, denominator: f64) -> f64 {
    if denominator > 0.0 {
        (numerator / denominator).clamp(0.0, 1.0)
    } else {
        0.0
    }
}

/// The lexical probability that two profiles say the same thing, with the learned model.
///
/// # Example: rewording keeps a high score, unrelated text scores low
///
/// ```
/// use parallax::{similarity::{score, Profile, Weights}, tokenize::tokenize};
/// let profile = |t: &str| Profile::new(&tokenize(t, 0..t.len()));
/// let left = profile("The harbour bridge reopened on Tuesday after two years of repairs.");
/// let right = profile("After two years of repairs, the harbour bridge opened again on Tuesday.");
/// let other = profile("Ferry fares will rise in the spring, the operator said.");
/// let weights = Weights::new([&left, &right, &other].into_iter());
/// assert!(score(&left, &right, &weights) > 0.5);
/// assert!(score(&left, &other, &weights) < 0.2);
/// ```
pub fn score(left: &Profile, right: &Profile, weights: &Weights) -> f64 {
    model::LEXICAL.probability(&features(left, right, weights).values)
}

#[cfg(test)]
mod tests;
