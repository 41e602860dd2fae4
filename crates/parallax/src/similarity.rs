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

pub(crate) mod model;

pub(crate) use model::Model;

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

/// A stem, an n-gram or a word pair as a 64-bit hash (FNV-1a: stable across runs and platforms).
type Id = u64;

/// What the similarity features need to know about one sentence (or a run of sentences).
///
/// Built once per sentence from its tokens; [`Profile::merge`] joins the profiles of a run of
/// sentences. Everything is kept as sorted hash lists, so comparing two profiles is a few
/// linear merges without allocation.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Profile {
    /// Content stems with their counts, sorted by id.
    terms: Vec<(Id, u32)>,
    /// Stems of every word, stop words included, with their counts, sorted by id.
    words_all: Vec<(Id, u32)>,
    /// Character 4-grams of content words, sorted, without repeats.
    grams: Vec<Id>,
    /// Consecutive content-stem pairs, sorted, without repeats.
    bigrams: Vec<Id>,
    /// Consecutive word triples of the folded text, stop words included, sorted, no repeats.
    trigrams: Vec<Id>,
    /// Numbers (their stems: `11,000` → `11000`; `three` → `3`), sorted, no repeats.
    numbers: Vec<Id>,
    /// Stems of names and acronyms, sorted, no repeats.
    names: Vec<Id>,
    /// Content stems inside quotation marks, sorted, no repeats.
    quoted: Vec<Id>,
    /// The folded words, numbers and marks without quote marks, for spotting identical text.
    surface: Vec<String>,
    /// Hash of `surface`.
    surface_id: Id,
    /// Number of content words and numbers (with repeats).
    content: usize,
    /// Number of words and numbers.
    words: usize,
    /// The first word is a connective (`and`, `but`, `und`, `deshalb`): it continues the
    /// sentence before.
    opens_with_connective: bool,
    /// The last mark is a colon: it introduces the sentence after.
    ends_with_colon: bool,
}

/// Words that, opening a sentence, make it continue the one before (English and German).
const CONNECTIVES: &[&str] = &[
    "also", "and", "aber", "auch", "because", "but", "dann", "darum", "denn", "deshalb", "doch",
    "oder", "or", "so", "sondern", "then", "und", "yet",
];

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
        let mut terms: BTreeMap<Id, u32> = BTreeMap::new();
        let mut all: BTreeMap<Id, u32> = BTreeMap::new();
        let mut profile = Profile::default();
        let mut sequence: Vec<Id> = Vec::new();
        let mut words: Vec<Id> = Vec::new();
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
            if token.norm.chars().next().is_some_and(char::is_alphanumeric) {
                words.push(id(&token.norm));
            }
            if !token.stem.is_empty() {
                *all.entry(id(&token.stem)).or_insert(0) += 1;
            }
            let spelled = number_word(&token.norm);
            if (!token.is_content() && spelled.is_none()) || token.stem.is_empty() {
                continue;
            }
            let stem = id(spelled.unwrap_or(&token.stem));
            *terms.entry(stem).or_insert(0) += 1;
            sequence.push(stem);
            profile.content += 1;
            if token.kind == TokenKind::Number || spelled.is_some() {
                profile.numbers.push(stem);
            } else {
                push_grams(&token.norm, &mut profile.grams);
            }
            if token.name {
                profile.names.push(stem);
            }
            if in_quote {
                profile.quoted.push(stem);
            }
        }
        profile.terms = terms.into_iter().collect();
        profile.words_all = all.into_iter().collect();
        profile.bigrams = sequence.windows(2).map(|w| pair_id(w[0], w[1])).collect();
        profile.trigrams = words
            .windows(3)
            .map(|w| pair_id(pair_id(w[0], w[1]), w[2]))
            .collect();
        profile.surface_id = surface_id(&profile.surface);
        profile.opens_with_connective = tokens
            .iter()
            .find(|t| t.is_word())
            .is_some_and(|t| CONNECTIVES.contains(&t.norm.as_str()));
        profile.ends_with_colon = tokens
            .iter()
            .rev()
            .find(|t| t.kind != TokenKind::Quote)
            .is_some_and(|t| t.norm == ":");
        for set in [
            &mut profile.grams,
            &mut profile.bigrams,
            &mut profile.trigrams,
            &mut profile.numbers,
            &mut profile.names,
            &mut profile.quoted,
        ] {
            crate::order::sort(set);
            set.dedup();
        }
        profile
    }

    /// The profile of several sentences read one after the other.
    ///
    /// Counts add up and sets unite; word pairs and triples across a sentence boundary are not
    /// formed.
    ///
    /// # Example: a split sentence, joined again
    ///
    /// ```
    /// use parallax::{similarity::Profile, tokenize::tokenize};
    /// let profile = |t: &str| Profile::new(&tokenize(t, 0..t.len()));
    /// let joined = Profile::merge(&[&profile("Rain fell."), &profile("Roads flooded.")]);
    /// let whole = profile("Rain fell. Roads flooded.");
    /// assert_eq!(joined.content_len(), whole.content_len());
    /// assert!(joined.same_surface(&whole));
    /// ```
    pub fn merge(parts: &[&Profile]) -> Profile {
        let mut terms: BTreeMap<Id, u32> = BTreeMap::new();
        let mut all: BTreeMap<Id, u32> = BTreeMap::new();
        let mut merged = Profile::default();
        for part in parts {
            for &(stem, count) in &part.terms {
                *terms.entry(stem).or_insert(0) += count;
            }
            for &(stem, count) in &part.words_all {
                *all.entry(stem).or_insert(0) += count;
            }
            merged.grams.extend(&part.grams);
            merged.bigrams.extend(&part.bigrams);
            merged.trigrams.extend(&part.trigrams);
            merged.numbers.extend(&part.numbers);
            merged.names.extend(&part.names);
            merged.quoted.extend(&part.quoted);
            merged.surface.extend(part.surface.iter().cloned());
            merged.content += part.content;
            merged.words += part.words;
        }
        for set in [
            &mut merged.grams,
            &mut merged.bigrams,
            &mut merged.trigrams,
            &mut merged.numbers,
            &mut merged.names,
            &mut merged.quoted,
        ] {
            crate::order::sort(set);
            set.dedup();
        }
        merged.terms = terms.into_iter().collect();
        merged.words_all = all.into_iter().collect();
        merged.surface_id = surface_id(&merged.surface);
        merged.opens_with_connective = parts.first().is_some_and(|p| p.opens_with_connective);
        merged.ends_with_colon = parts.last().is_some_and(|p| p.ends_with_colon);
        merged
    }

    /// Number of content words and numbers (with repeats).
    pub fn content_len(&self) -> usize {
        self.content
    }

    /// Number of words and numbers, stop words included.
    pub fn word_len(&self) -> usize {
        self.words
    }

    /// Whether the two profiles have the same words, numbers and marks in the same order,
    /// ignoring case, quote marks and spacing.
    pub fn same_surface(&self, other: &Profile) -> bool {
        self.surface_id == other.surface_id && self.surface == other.surface
    }

    /// Whether the first word is a connective that continues the sentence before.
    pub fn opens_with_connective(&self) -> bool {
        self.opens_with_connective
    }

    /// Whether the last mark is a colon that introduces the sentence after.
    pub fn ends_with_colon(&self) -> bool {
        self.ends_with_colon
    }

    /// The ids of the distinct content stems, sorted.
    pub(crate) fn term_ids(&self) -> impl Iterator<Item = Id> + '_ {
        self.terms.iter().map(|&(stem, _)| stem)
    }
}

fn is_double_quote(norm: &str) -> bool {
    matches!(norm, "\"" | "«" | "»" | "„" | "‹" | "›")
}

/// Appends the hashes of the character 4-grams of `word`, padded with a space on each side;
/// a word of up to four characters gives one gram, itself.
fn push_grams(word: &str, out: &mut Vec<Id>) {
    let chars: Vec<char> = std::iter::once(' ')
        .chain(word.chars())
        .chain(std::iter::once(' '))
        .collect();
    if chars.len() <= GRAM + 2 {
        out.push(fnv(chars.iter().flat_map(|c| u32::from(*c).to_le_bytes())));
        return;
    }
    for window in chars.windows(GRAM) {
        out.push(fnv(window.iter().flat_map(|c| u32::from(*c).to_le_bytes())));
    }
}

/// 64-bit FNV-1a over bytes.
fn fnv(bytes: impl Iterator<Item = u8>) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in bytes {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
    }
    hash
}

/// The id of a stem.
fn id(text: &str) -> Id {
    fnv(text.bytes())
}

/// The id of an ordered pair of ids.
fn pair_id(first: Id, second: Id) -> Id {
    fnv(first.to_le_bytes().into_iter().chain(second.to_le_bytes()))
}

fn surface_id(surface: &[String]) -> Id {
    fnv(surface
        .iter()
        .flat_map(|w| w.bytes().chain(std::iter::once(0x1f))))
}

/// Inverse document frequencies of stems and 4-grams over the sentences of both articles.
///
/// `idf(t) = ln(1 + (N + PRIOR) / (df(t) + PRIOR))` with `N` the number of sentences and
/// `df(t)` the number of sentences holding `t`; the prior keeps one-off words from dominating
/// in short articles. A term that was never seen gets the highest weight, `ln(1 + (N + PRIOR) / PRIOR)`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Weights {
    sentences: usize,
    terms: BTreeMap<Id, u32>,
    grams: BTreeMap<Id, u32>,
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
        (1.0 + (self.sentences as f64 + IDF_PRIOR) / (f64::from(df) + IDF_PRIOR)).ln()
    }

    /// Attaches this comparison's weights to a profile, once, for many comparisons.
    pub(crate) fn prepare(&self, profile: Profile) -> Prepared {
        let tf = |count: u32| 1.0 + f64::from(count).ln();
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
    terms: Vec<(Id, f64, f64)>,
    terms_norm: f64,
    terms_mass: f64,
    /// All word stems: (id, tf·idf, idf).
    words: Vec<(Id, f64, f64)>,
    words_norm: f64,
    /// 4-grams: (id, idf).
    grams: Vec<(Id, f64)>,
    grams_norm: f64,
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
    let terms = term_overlap(left, right);
    let (lp, rp) = (&left.profile, &right.profile);
    let (cover_left, cover_right) = (
        ratio(terms.shared_mass, left.terms_mass),
        ratio(terms.shared_mass, right.terms_mass),
    );
    let numbers_shared = shared(&lp.numbers, &rp.numbers);
    let both_numbers = !lp.numbers.is_empty() && !rp.numbers.is_empty();
    let names_shared = shared(&lp.names, &rp.names);
    let both_names = !lp.names.is_empty() && !rp.names.is_empty();
    let quotes_shared = shared(&lp.quoted, &rp.quoted);
    let bigrams_shared = shared(&lp.bigrams, &rp.bigrams);
    let (left_len, right_len) = (lp.content as f64, rp.content as f64);
    Features {
        values: [
            terms.cosine,
            gram_cosine(left, right),
            cover_left.min(cover_right),
            cover_left.max(cover_right),
            (1.0 + terms.shared_mass).ln() / 4.0,
            dice(numbers_shared, lp.numbers.len(), rp.numbers.len()),
            f64::from(u8::from(both_numbers && numbers_shared == 0)),
            dice(names_shared, lp.names.len(), rp.names.len()),
            f64::from(u8::from(both_names && names_shared == 0)),
            ratio(
                quotes_shared as f64,
                lp.quoted.len().min(rp.quoted.len()) as f64,
            ),
            ((left_len + 1.0) / (right_len + 1.0)).ln().abs(),
            dice(bigrams_shared, lp.bigrams.len(), rp.bigrams.len()),
            1.0 / (1.0 + left_len.min(right_len)),
            dice(
                shared(&lp.trigrams, &rp.trigrams),
                lp.trigrams.len(),
                rp.trigrams.len(),
            ),
            (1.0 + bigrams_shared as f64).ln() / 2.0,
            weighted_cosine(&left.words, left.words_norm, &right.words, right.words_norm).0,
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
    prepared_cosine(
        &weights.prepare(left.clone()),
        &weights.prepare(right.clone()),
    )
}

pub(crate) fn prepared_cosine(left: &Prepared, right: &Prepared) -> f64 {
    term_overlap(left, right).cosine
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
    ratio(term_overlap(of, by).shared_mass, of.terms_mass)
}

/// Cosine and idf mass of the shared stems.
struct TermOverlap {
    cosine: f64,
    shared_mass: f64,
}

fn term_overlap(left: &Prepared, right: &Prepared) -> TermOverlap {
    let (cosine, shared_mass) =
        weighted_cosine(&left.terms, left.terms_norm, &right.terms, right.terms_norm);
    TermOverlap {
        cosine,
        shared_mass,
    }
}

/// Cosine of two sorted `(id, weight, idf)` lists with their norms, and the idf mass of the
/// shared ids. Shared ids are visited in id order, so both directions add up the same bits.
fn weighted_cosine(
    left: &[(Id, f64, f64)],
    left_norm: f64,
    right: &[(Id, f64, f64)],
    right_norm: f64,
) -> (f64, f64) {
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
    let norms = left_norm * right_norm;
    let cosine = if norms > 0.0 {
        (dot / norms).min(1.0)
    } else {
        0.0
    };
    (cosine, shared_mass)
}

fn gram_cosine(left: &Prepared, right: &Prepared) -> f64 {
    let norms = left.grams_norm * right.grams_norm;
    if norms <= 0.0 {
        return 0.0;
    }
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
    (dot / norms).min(1.0)
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
mod tests {
    use super::model::sigmoid;
    use super::*;
    use crate::test_support::unique;
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
        assert!(unique(CASES.iter().map(|c| c.name)));
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
