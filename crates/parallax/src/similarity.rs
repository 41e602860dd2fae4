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
//! 4. A [`Model`] (weights learned offline, see [`model`]) turns the features into a probability.
//!
//! Every feature is symmetric: swapping the two sentences gives bit-for-bit the same value, so
//! the aligner can promise a mirrored result for mirrored input.

pub mod model;

use crate::tokenize::{Token, TokenKind};
use std::collections::{BTreeMap, BTreeSet};

/// Dice overlap of the two sentences' content words: `2·|L∩R| / (|L| + |R|)`.
///
/// Words match on their stems ([`Token::stem`]), so `opened` meets `opens` and `Kim’s` meets
/// `Kim`; stop words and punctuation never count. Returns 0 when either side has no content words.
///
/// # Example: shared words raise the score
///
/// ```
/// use parallax::{similarity::word_overlap, tokenize::tokenize};
/// let left = "The bridge opened on Monday.";
/// let right = "On Monday the new bridge opened.";
/// let score = word_overlap(&tokenize(left, 0..left.len()), &tokenize(right, 0..right.len()));
/// assert!((score - 6.0 / 7.0).abs() < 1e-9);
/// ```
///
/// # Example: inflected forms match
///
/// ```
/// use parallax::{similarity::word_overlap, tokenize::tokenize};
/// let left = "Officials negotiated Kim’s release.";
/// let right = "The official negotiations freed Kim.";
/// let score = word_overlap(&tokenize(left, 0..left.len()), &tokenize(right, 0..right.len()));
/// // offici, negoti and kim are shared; releas and freed are not.
/// assert!((score - 6.0 / 8.0).abs() < 1e-9);
/// ```
pub fn word_overlap(left: &[Token], right: &[Token]) -> f64 {
    let left = content_set(left);
    let right = content_set(right);
    if left.is_empty() || right.is_empty() {
        return 0.0;
    }
    let shared = left.intersection(&right).count();
    2.0 * shared as f64 / (left.len() + right.len()) as f64
}

fn content_set(tokens: &[Token]) -> BTreeSet<&str> {
    tokens
        .iter()
        .filter(|t| t.is_content())
        .map(|t| t.stem.as_str())
        .collect()
}

/// Number words that articles also write as digits (English and German, two to twelve and
/// the round tens); `one` and `ein` are left out because they are mostly pronouns and articles.
const NUMBER_WORDS: &[(&str, &str)] = &[
    ("acht", "8"),
    ("eight", "8"),
    ("elf", "11"),
    ("eleven", "11"),
    ("fifty", "50"),
    ("five", "5"),
    ("forty", "40"),
    ("four", "4"),
    ("fünf", "5"),
    ("hundert", "100"),
    ("hundred", "100"),
    ("neun", "9"),
    ("nine", "9"),
    ("seven", "7"),
    ("sechs", "6"),
    ("sieben", "7"),
    ("six", "6"),
    ("ten", "10"),
    ("thirty", "30"),
    ("three", "3"),
    ("twelve", "12"),
    ("twenty", "20"),
    ("two", "2"),
    ("vier", "4"),
    ("zehn", "10"),
    ("zwanzig", "20"),
    ("drei", "3"),
    ("dreißig", "30"),
    ("zwei", "2"),
    ("zwölf", "12"),
];

/// The digits a number word stands for, if it is one.
fn number_word(norm: &str) -> Option<&'static str> {
    NUMBER_WORDS
        .iter()
        .find(|(word, _)| *word == norm)
        .map(|(_, digits)| *digits)
}

/// Length of the character n-grams that catch spelling variants, compounds and damaged words.
const GRAM: usize = 4;

/// What the similarity features need to know about one sentence (or a run of sentences).
///
/// Built once per sentence from its tokens; [`Profile::new`] on the concatenated tokens of a
/// run of sentences gives the run's profile.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// Content stems with their counts, sorted by stem.
    terms: Vec<(String, u32)>,
    /// Hashes of the character 4-grams of content words, sorted, without repeats.
    grams: Vec<u64>,
    /// Stems of every word, stop words included, with their counts, sorted.
    words_all: Vec<(String, u32)>,
    /// Content stems in reading order (for word pairs).
    sequence: Vec<String>,
    /// Numbers (their stems: `11,000` → `11000`).
    numbers: BTreeSet<String>,
    /// Stems of names and acronyms.
    names: BTreeSet<String>,
    /// Content stems inside quotation marks.
    quoted: BTreeSet<String>,
    /// The folded words, numbers and marks without quote marks, for spotting identical text.
    surface: Vec<String>,
    /// Number of words and numbers.
    words: usize,
}

impl Profile {
    /// Profiles a sentence (or the concatenated tokens of several sentences).
    ///
    /// # Example: what counts
    ///
    /// ```
    /// use parallax::{similarity::Profile, tokenize::tokenize};
    /// let text = "NATO said the 2 ships were “hunting submarines” today.";
    /// let profile = Profile::new(&tokenize(text, 0..text.len()));
    /// // nato, 2, ships, hunting, submarines, today (`said` is a stop word)
    /// assert_eq!(profile.content_len(), 6);
    /// assert_eq!(profile.word_len(), 9);
    /// ```
    pub fn new(tokens: &[Token]) -> Self {
        let mut terms: BTreeMap<String, u32> = BTreeMap::new();
        let mut all: BTreeMap<String, u32> = BTreeMap::new();
        let mut grams = Vec::new();
        let mut profile = Profile::default();
        let mut in_quote = false;
        for token in tokens {
            match token.kind {
                TokenKind::Quote => {
                    if is_double_quote(&token.norm) {
                        in_quote = !in_quote;
                    }
                    continue;
                }
                TokenKind::Punct => {
                    profile.surface.push(token.norm.clone());
                    continue;
                }
                TokenKind::Word | TokenKind::Number => {}
            }
            profile.words += 1;
            profile.surface.push(token.norm.clone());
            if !token.stem.is_empty() {
                *all.entry(token.stem.clone()).or_insert(0) += 1;
            }
            let spelled = number_word(&token.norm);
            if (!token.is_content() && spelled.is_none()) || token.stem.is_empty() {
                continue;
            }
            let stem = spelled.map_or_else(|| token.stem.clone(), str::to_owned);
            *terms.entry(stem.clone()).or_insert(0) += 1;
            profile.sequence.push(stem.clone());
            if token.kind == TokenKind::Number || spelled.is_some() {
                profile.numbers.insert(stem);
            } else {
                push_grams(&token.norm, &mut grams);
            }
            if token.name {
                profile.names.insert(token.stem.clone());
            }
            if in_quote {
                profile.quoted.insert(token.stem.clone());
            }
        }
        grams.sort_unstable();
        grams.dedup();
        profile.terms = terms.into_iter().collect();
        profile.words_all = all.into_iter().collect();
        profile.grams = grams;
        profile
    }

    /// The profile of several sentences read one after the other.
    ///
    /// # Example: a split sentence, joined again
    ///
    /// ```
    /// use parallax::{similarity::Profile, tokenize::tokenize};
    /// let profile = |t: &str| Profile::new(&tokenize(t, 0..t.len()));
    /// let joined = Profile::merge(&[&profile("Rain fell."), &profile("Roads flooded.")]);
    /// assert_eq!(joined, profile("Rain fell. Roads flooded."));
    /// ```
    pub fn merge(parts: &[&Profile]) -> Profile {
        let mut terms: BTreeMap<String, u32> = BTreeMap::new();
        let mut all: BTreeMap<String, u32> = BTreeMap::new();
        let mut merged = Profile::default();
        for part in parts {
            for (stem, count) in &part.terms {
                *terms.entry(stem.clone()).or_insert(0) += count;
            }
            for (stem, count) in &part.words_all {
                *all.entry(stem.clone()).or_insert(0) += count;
            }
            merged.grams.extend(&part.grams);
            merged.sequence.extend(part.sequence.iter().cloned());
            merged.numbers.extend(part.numbers.iter().cloned());
            merged.names.extend(part.names.iter().cloned());
            merged.quoted.extend(part.quoted.iter().cloned());
            merged.surface.extend(part.surface.iter().cloned());
            merged.words += part.words;
        }
        merged.grams.sort_unstable();
        merged.grams.dedup();
        merged.terms = terms.into_iter().collect();
        merged.words_all = all.into_iter().collect();
        merged
    }

    /// Number of content words and numbers (with repeats).
    pub fn content_len(&self) -> usize {
        self.sequence.len()
    }

    /// Number of words and numbers, stop words included.
    pub fn word_len(&self) -> usize {
        self.words
    }

    /// Whether the two profiles have the same words, numbers and marks in the same order,
    /// ignoring case, quote marks and spacing.
    pub fn same_surface(&self, other: &Profile) -> bool {
        self.surface == other.surface
    }

    /// The distinct content stems, sorted.
    pub fn stems(&self) -> impl Iterator<Item = &str> {
        self.terms.iter().map(|(stem, _)| stem.as_str())
    }
}

fn is_double_quote(norm: &str) -> bool {
    matches!(norm, "\"" | "«" | "»" | "„" | "‹" | "›")
}

/// Appends the hashes of the character 4-grams of `word`, padded with a space on each side;
/// a word of up to four characters gives one gram, itself.
fn push_grams(word: &str, out: &mut Vec<u64>) {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    if chars.len() <= GRAM + 2 {
        out.push(fnv(&chars));
        return;
    }
    for window in chars.windows(GRAM) {
        out.push(fnv(window));
    }
}

/// 64-bit FNV-1a over the characters: stable across runs and platforms.
fn fnv(chars: &[char]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &c in chars {
        for byte in u32::from(c).to_le_bytes() {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    hash
}

/// Inverse document frequencies of stems and 4-grams over the sentences of both articles.
///
/// `idf(t) = ln(1 + (N + PRIOR) / (df(t) + PRIOR))` with `N` the number of sentences and
/// `df(t)` the number of sentences holding `t`; the prior keeps one-off words from dominating
/// in short articles. A term that was never seen gets the highest weight, `ln(1 + (N + PRIOR) / PRIOR)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weights {
    sentences: usize,
    terms: BTreeMap<String, u32>,
    grams: BTreeMap<u64, u32>,
}

/// Pseudo-count added to every document frequency and to the sentence count.
const IDF_PRIOR: f64 = 1.0;

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
            for (stem, _) in &profile.words_all {
                *weights.terms.entry(stem.clone()).or_insert(0) += 1;
            }
            for (stem, _) in &profile.terms {
                if profile
                    .words_all
                    .binary_search_by(|(s, _)| s.as_str().cmp(stem))
                    .is_err()
                {
                    *weights.terms.entry(stem.clone()).or_insert(0) += 1;
                }
            }
            for &gram in &profile.grams {
                *weights.grams.entry(gram).or_insert(0) += 1;
            }
        }
        weights
    }

    /// The inverse document frequency of a stem.
    pub fn idf(&self, stem: &str) -> f64 {
        self.idf_of_df(self.terms.get(stem).copied().unwrap_or(0))
    }

    /// How many sentences hold the stem.
    pub fn df(&self, stem: &str) -> u32 {
        self.terms.get(stem).copied().unwrap_or(0)
    }

    fn gram_idf(&self, gram: u64) -> f64 {
        self.idf_of_df(self.grams.get(&gram).copied().unwrap_or(0))
    }

    fn idf_of_df(&self, df: u32) -> f64 {
        (1.0 + (self.sentences as f64 + IDF_PRIOR) / (f64::from(df) + IDF_PRIOR)).ln()
    }
}

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
    let terms = term_overlap(left, right, weights);
    let gram_cosine = gram_cosine(left, right, weights);
    let (cover_left, cover_right) = (
        ratio(terms.shared_mass, terms.left_mass),
        ratio(terms.shared_mass, terms.right_mass),
    );
    let numbers_shared = left.numbers.intersection(&right.numbers).count();
    let both_numbers = !left.numbers.is_empty() && !right.numbers.is_empty();
    let names_shared = left.names.intersection(&right.names).count();
    let both_names = !left.names.is_empty() && !right.names.is_empty();
    let quotes_shared = left.quoted.intersection(&right.quoted).count();
    let (left_len, right_len) = (left.content_len() as f64, right.content_len() as f64);
    let bigrams = shared_bigrams(&left.sequence, &right.sequence);
    Features {
        values: [
            terms.cosine,
            gram_cosine,
            cover_left.min(cover_right),
            cover_left.max(cover_right),
            (1.0 + terms.shared_mass).ln() / 4.0,
            dice(numbers_shared, left.numbers.len(), right.numbers.len()),
            f64::from(u8::from(both_numbers && numbers_shared == 0)),
            dice(names_shared, left.names.len(), right.names.len()),
            f64::from(u8::from(both_names && names_shared == 0)),
            ratio(
                quotes_shared as f64,
                left.quoted.len().min(right.quoted.len()) as f64,
            ),
            ((left_len + 1.0) / (right_len + 1.0)).ln().abs(),
            dice(bigrams.0, bigrams.1, bigrams.2),
            1.0 / (1.0 + left_len.min(right_len)),
            phrase_dice(&left.surface, &right.surface),
            (1.0 + bigrams.0 as f64).ln() / 2.0,
            weighted_cosine(&left.words_all, &right.words_all, weights),
        ],
    }
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
    term_overlap(left, right, weights).cosine
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
    let overlap = term_overlap(of, by, weights);
    ratio(overlap.shared_mass, overlap.left_mass)
}

/// Cosine and idf masses of the shared stems.
struct TermOverlap {
    cosine: f64,
    shared_mass: f64,
    left_mass: f64,
    right_mass: f64,
}

/// TF-IDF cosine of two stem-count lists.
fn weighted_cosine(left: &[(String, u32)], right: &[(String, u32)], weights: &Weights) -> f64 {
    let left = Profile {
        terms: left.to_vec(),
        ..Profile::default()
    };
    let right = Profile {
        terms: right.to_vec(),
        ..Profile::default()
    };
    term_overlap(&left, &right, weights).cosine
}

fn term_overlap(left: &Profile, right: &Profile, weights: &Weights) -> TermOverlap {
    let tf = |count: u32| 1.0 + f64::from(count).ln();
    let norm = |profile: &Profile| -> (f64, f64) {
        let mut squares = 0.0;
        let mut mass = 0.0;
        for (stem, count) in &profile.terms {
            let idf = weights.idf(stem);
            let w = tf(*count) * idf;
            squares += w * w;
            mass += idf;
        }
        (squares.sqrt(), mass)
    };
    let (left_norm, left_mass) = norm(left);
    let (right_norm, right_mass) = norm(right);
    let mut dot = 0.0;
    let mut shared_mass = 0.0;
    let (mut l, mut r) = (0, 0);
    while let (Some((left_stem, left_count)), Some((right_stem, right_count))) =
        (left.terms.get(l), right.terms.get(r))
    {
        match left_stem.cmp(right_stem) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                let idf = weights.idf(left_stem);
                // Multiply the two tf weights in a fixed order so both directions agree bit for bit.
                let (low, high) = minmax(tf(*left_count), tf(*right_count));
                dot += low * high * idf * idf;
                shared_mass += idf;
                l += 1;
                r += 1;
            }
        }
    }
    let norms = left_norm * right_norm;
    TermOverlap {
        cosine: if norms > 0.0 {
            (dot / norms).min(1.0)
        } else {
            0.0
        },
        shared_mass,
        left_mass,
        right_mass,
    }
}

fn gram_cosine(left: &Profile, right: &Profile, weights: &Weights) -> f64 {
    let norm = |profile: &Profile| -> f64 {
        profile
            .grams
            .iter()
            .map(|&g| {
                let w = weights.gram_idf(g);
                w * w
            })
            .sum::<f64>()
            .sqrt()
    };
    let norms = norm(left) * norm(right);
    if norms <= 0.0 {
        return 0.0;
    }
    let mut dot = 0.0;
    let (mut l, mut r) = (0, 0);
    while let (Some(&left_gram), Some(&right_gram)) = (left.grams.get(l), right.grams.get(r)) {
        match left_gram.cmp(&right_gram) {
            std::cmp::Ordering::Less => l += 1,
            std::cmp::Ordering::Greater => r += 1,
            std::cmp::Ordering::Equal => {
                let w = weights.gram_idf(left_gram);
                dot += w * w;
                l += 1;
                r += 1;
            }
        }
    }
    (dot / norms).min(1.0)
}

/// Shared consecutive content-stem pairs, and the number of distinct pairs on each side.
fn shared_bigrams(left: &[String], right: &[String]) -> (usize, usize, usize) {
    let pairs = |seq: &[String]| -> BTreeSet<(String, String)> {
        seq.windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .collect()
    };
    let (left, right) = (pairs(left), pairs(right));
    (left.intersection(&right).count(), left.len(), right.len())
}

/// Dice of the word trigrams of the folded text, stop words included (`what kind of`,
/// `kind of support`): rewording keeps short function-word phrases that stems ignore.
fn phrase_dice(left: &[String], right: &[String]) -> f64 {
    let trigrams = |surface: &[String]| -> BTreeSet<[String; 3]> {
        let words: Vec<&String> = surface
            .iter()
            .filter(|w| w.chars().next().is_some_and(char::is_alphanumeric))
            .collect();
        words
            .windows(3)
            .map(|w| [w[0].clone(), w[1].clone(), w[2].clone()])
            .collect()
    };
    let (left, right) = (trigrams(left), trigrams(right));
    dice(left.intersection(&right).count(), left.len(), right.len())
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

/// A logistic model: `P = 1 / (1 + exp(-(bias + Σ weight·feature)))`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Model<const N: usize> {
    /// The intercept.
    pub bias: f64,
    /// One weight per feature.
    pub weights: [f64; N],
}

impl<const N: usize> Model<N> {
    /// The probability that the pair with these feature values is a link, in `[0, 1]`.
    ///
    /// # Example: the intercept alone
    ///
    /// ```
    /// use parallax::similarity::Model;
    /// let model = Model { bias: 0.0, weights: [1.0, -1.0] };
    /// assert_eq!(model.probability(&[2.0, 2.0]), 0.5);
    /// ```
    pub fn probability(&self, values: &[f64; N]) -> f64 {
        let mut z = self.bias;
        for (w, x) in self.weights.iter().zip(values) {
            z += w * x;
        }
        sigmoid(z)
    }
}

/// The logistic function, safe for any input (NaN gives 0.5).
pub fn sigmoid(z: f64) -> f64 {
    if z.is_nan() {
        0.5
    } else if z >= 0.0 {
        1.0 / (1.0 + (-z).exp())
    } else {
        let e = z.exp();
        e / (1.0 + e)
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
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn profile(text: &str) -> Profile {
        Profile::new(&tokenize(text, 0..text.len()))
    }

    struct Case {
        name: &'static str,
        left: &'static str,
        right: &'static str,
        /// (feature, lowest, highest)
        expected: &'static [(&'static str, f64, f64)],
    }

    const CASES: &[Case] = &[
        Case {
            name: "identical",
            left: "The council approved 12 new parks on Monday.",
            right: "The council approved 12 new parks on Monday.",
            expected: &[
                ("cosine", 0.999, 1.0),
                ("gram_cosine", 0.999, 1.0),
                ("cover_min", 0.999, 1.0),
                ("number_agree", 1.0, 1.0),
                ("length_gap", 0.0, 0.0),
                ("bigram_dice", 1.0, 1.0),
            ],
        },
        Case {
            name: "number clash",
            left: "The storm killed 12 people.",
            right: "The storm killed 15 people.",
            expected: &[("number_clash", 1.0, 1.0), ("number_agree", 0.0, 0.0)],
        },
        Case {
            name: "name clash",
            left: "He met Smith in Paris.",
            right: "He met Jones at home.",
            expected: &[("name_clash", 1.0, 1.0), ("name_dice", 0.0, 0.0)],
        },
        Case {
            name: "shared quotation",
            left: "She called it “a new dawn” for the town.",
            right: "The mayor spoke of “a new dawn”.",
            expected: &[("quote_share", 1.0, 1.0)],
        },
        Case {
            name: "contained sentence",
            left: "The mayor resigned.",
            right: "The mayor resigned on Friday after a long scandal over park funds.",
            expected: &[("cover_max", 0.999, 1.0), ("cover_min", 0.0, 0.4)],
        },
        Case {
            name: "spelling variant",
            left: "Ushakov met the envoys.",
            right: "Ushakow met the envoys.",
            expected: &[("cosine", 0.3, 0.95), ("gram_cosine", 0.5, 0.99)],
        },
        Case {
            name: "nothing shared",
            left: "Rain fell.",
            right: "Markets rallied.",
            expected: &[("cosine", 0.0, 0.0), ("cover_max", 0.0, 0.0)],
        },
        Case {
            name: "empty side",
            left: "",
            right: "Markets rallied.",
            expected: &[("cosine", 0.0, 0.0), ("gram_cosine", 0.0, 0.0)],
        },
    ];

    #[test]
    fn case_names_are_unique() {
        let mut names: Vec<_> = CASES.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CASES.len());
    }

    #[test]
    fn feature_cases() {
        for case in CASES {
            let (left, right) = (profile(case.left), profile(case.right));
            let weights = Weights::new([&left, &right].into_iter());
            let f = features(&left, &right, &weights);
            for &(name, low, high) in case.expected {
                let index = FEATURE_NAMES.iter().position(|&n| n == name).unwrap();
                let value = f.values[index];
                assert!(
                    (low..=high).contains(&value),
                    "case {}: {name} = {value}, expected {low}..={high}",
                    case.name
                );
            }
        }
    }

    #[test]
    fn features_are_symmetric_bit_for_bit() {
        for case in CASES {
            let (left, right) = (profile(case.left), profile(case.right));
            let weights = Weights::new([&left, &right].into_iter());
            let there = features(&left, &right, &weights);
            let back = features(&right, &left, &weights);
            for (a, b) in there.values.iter().zip(&back.values) {
                assert_eq!(a.to_bits(), b.to_bits(), "case {}", case.name);
            }
        }
    }

    #[test]
    fn features_are_finite_and_bounded() {
        for case in CASES {
            let (left, right) = (profile(case.left), profile(case.right));
            let weights = Weights::new([&left, &right].into_iter());
            for value in features(&left, &right, &weights).values {
                assert!(value.is_finite() && value >= 0.0, "case {}", case.name);
            }
        }
    }

    #[test]
    fn sigmoid_is_safe() {
        assert_eq!(sigmoid(f64::NAN).to_bits(), 0.5_f64.to_bits());
        assert_eq!(sigmoid(f64::INFINITY).to_bits(), 1.0_f64.to_bits());
        assert_eq!(sigmoid(f64::NEG_INFINITY).to_bits(), 0.0_f64.to_bits());
        assert!((sigmoid(0.0) - 0.5).abs() < 1e-12);
    }
}
