//! Link the sentences of two articles that say the same thing, in any order.
//!
//! # How sentences are linked
//!
//! 1. **Candidates.** Every sentence is profiled ([`Profile`]); boilerplate is left out and
//!    never links. Inputs with up to 40,000 sentence pairs consider every pair; longer ones
//!    of up to 1,500 sentences the pairs that share a rare stem; longer still, each
//!    sentence's few best partners by shared stems, found through an inverted index with a
//!    fixed cap per stem, so the cost grows with the input's length rather than with the
//!    product of the sentence counts.
//! 2. **Lexical score.** Each candidate gets the learned lexical probability of
//!    [`crate::similarity::score`] (TF-IDF cosine, character 4-grams, coverage, numbers,
//!    names, quotations, word pairs and phrases).
//! 3. **Structural score.** A second learned model re-scores each candidate with the evidence
//!    around it: how it ranks against the other candidates of both sentences, and its margin
//!    (its TF-IDF cosine minus the mean of each sentence's four best alternatives, as CSLS
//!    does, so a pair of sentences that resemble everything counts less); whether the
//!    neighbouring sentences are linked in parallel (diagonally, or next to it as in a split),
//!    weighted by how monotonic the whole comparison is (the share of concordant pairs among
//!    the strongest mutual matches); how far apart the two
//!    sentences sit in their articles; whether both are in the headline-and-lede zone or are
//!    headlines or captions; whether a sentence very like one of the two (in its own article)
//!    pairs with the other; how many anchors (strong mutual best matches) the pair crosses,
//!    which in a text and its edited copy marks a stray match (beyond 400 anchors the count
//!    is scaled to 400, so it does not grow with the input's length); how much the two share beyond
//!    the *topic stems* (stems in at least 15% of the sentences of each article: the actors'
//!    names, the story's own words), so two sentences naming the same leaders about
//!    different facts count less; and how unlike the two
//!    articles' sentence lengths are (a text and its simplified rewrite, rather than two
//!    reports). Structure is evidence, not a
//!    constraint: a strong pair far from its neighbours' links still links. Two sentences with
//!    the same words in the same order always score 1. A photo caption links only to a
//!    sentence that shares a stem with it that is neither a name nor a topic stem (the
//!    caption's own fact); otherwise the pair scores 0.
//! 4. **Links.** Pairs scoring at least the threshold are kept if they also win the competition
//!    for one of their sentences: the score is at least 0.7 times the best score of the left
//!    or of the right sentence (so a headline keeps the lede it restates, not every sentence
//!    that shares its names). A pair that only one of its sentences chose must still reach
//!    half the best score of the other sentence, and, when the comparison is ordered (a text
//!    and its edited copy), sit next to that sentence's best partner, as the second half of a
//!    split does. Two sentences that each have an identical twin elsewhere do not also link
//!    to each other. Kept pairs that touch (they share a sentence and their other sentences
//!    are neighbours) and together fill a block of consecutive sentences on each side become
//!    one link: 1:n is a sentence split in two or more, n:1 a merge, n:m a rewritten passage.
//! 5. **Growth.** A third learned model lets a link take in an unlinked sentence right next to
//!    it when that sentence belongs to it, though too short or too reworded to link on its own
//!    (`Der Dummling setzt sich hin.` / `Und ist traurig.`); see `grow.rs`. Links that then
//!    touch and fill a block are merged.
//! 6. **Judgement.** A fourth learned model judges each finished link as a whole (see
//!    `judge.rs`): how well its joined sides cover each other, how its pairs scored, whether
//!    its sentences chose each other, whether neighbouring links run parallel, whether an
//!    unlinked sentence sits right next to it (the missing half of a split) and whether one
//!    of its sentences is also in another link. Its probability that the link is right as it
//!    stands becomes the link's score; links below the threshold are dropped. A link of
//!    identical text always scores 1.
//!
//! The four models are small logistic regressions whose weights are learned offline from
//! the gold data in `../shared/eval` and committed as data, `src/models.toml` (one named
//! weight per feature), which the engine reads at build time; the `parallax-eval` tool refits
//! them (`cargo run --release -p parallax-eval -- fit --write`).
//!
//! # Many-to-many: links may share a sentence
//!
//! A sentence may appear in **several links**. A headline that states the fact of the lede and
//! of a later sentence gets one link to each; a dense sentence that sums up three scattered
//! sentences of the other article gets three links. Only consecutive sentences that belong
//! together are packed into one multi-sentence link, so a link is always a block of
//! consecutive sentences on each side. A sentence is unmatched when no link holds it. Links
//! come sorted by their first left sentence, then their first right sentence.
//!
//! # Guarantees
//!
//! The result is deterministic, and aligning `right` with `left` gives exactly the mirrored
//! links (every feature and every tie-break is symmetric, down to the bits of the scores).
//! Every score is in `[0, 1]`, rounded to three decimals.

mod candidates;
mod context;
mod crossing;
mod groups;
pub(crate) mod grow;
pub(crate) mod judge;
pub(crate) mod model;
mod near;
mod score;
pub(crate) mod table;

pub(crate) use grow::{GROW_FEATURES, GROW_NAMES};
pub(crate) use judge::{LINK_FEATURES, LINK_NAMES};
pub(crate) use model::{Models, MODELS};
pub(crate) use table::{PairEvidence, ScoreTable, STRUCTURAL_FEATURES, STRUCTURAL_NAMES};

use crate::segment::SentenceKind;
use crate::similarity::{self, prepared_features, Prepared, Profile, Weights, FEATURES};
use crate::tokenize::Token;

/// How closely two linked sentences agree.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum LinkKind {
    /// The same words in the same order (ignoring case, quotes and spacing).
    Identical,
    /// Only small wording changes.
    Minor,
    /// The same content, reworded.
    Paraphrase,
    /// One side carries facts the other lacks.
    Partial,
}

/// A link between sentences of the left and the right article.
#[derive(Debug, Clone, PartialEq)]
pub struct Alignment {
    /// Indices of the left article's sentences, ascending and consecutive.
    pub left: Vec<usize>,
    /// Indices of the right article's sentences, ascending and consecutive.
    pub right: Vec<usize>,
    /// Probability in `[0, 1]` that the link is right as it stands (the link model's
    /// judgement, 1 for identical text), rounded to three decimals.
    pub score: f64,
    /// How closely the sentences agree.
    pub kind: LinkKind,
}

/// One of the two compared articles.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Side {
    /// The first article.
    Left,
    /// The second article.
    Right,
}

/// One sentence as the aligner sees it: its tokens and its role.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SentenceInput<'a> {
    /// The sentence's tokens.
    pub tokens: &'a [Token],
    /// The sentence's role; [`SentenceKind::Boilerplate`] never aligns.
    pub kind: SentenceKind,
}

impl<'a> SentenceInput<'a> {
    /// A sentence with the given tokens and kind.
    pub fn new(tokens: &'a [Token], kind: SentenceKind) -> Self {
        Self { tokens, kind }
    }

    /// Wraps each token list as a body sentence.
    ///
    /// # Example: pre-split sentences
    ///
    /// ```
    /// use parallax::{align::SentenceInput, tokenize::tokenize};
    /// let tokens = vec![tokenize("One.", 0..4), tokenize("Two.", 0..4)];
    /// assert_eq!(SentenceInput::body(&tokens).len(), 2);
    /// ```
    pub fn body(tokens: &'a [Vec<Token>]) -> Vec<Self> {
        tokens
            .iter()
            .map(|t| Self::new(t, SentenceKind::Body))
            .collect()
    }
}

/// Links sentences that say the same thing, keeping pairs that score at least `threshold`.
///
/// `threshold` is the minimum link score in `[0, 1]`; see the module docs for how pairs
/// become links and how a sentence may be in several links.
///
/// # Example: reordered sentences are found
///
/// ```
/// use parallax::{align::{align, SentenceInput}, tokenize::tokenize};
/// let tok = |s: &str| tokenize(s, 0..s.len());
/// let left = [tok("Heavy rain fell all day in the capital."), tok("The cup final was cancelled.")];
/// let right = [tok("Officials cancelled the cup final."), tok("Heavy rain fell in the capital all day long.")];
/// let links = align(&SentenceInput::body(&left), &SentenceInput::body(&right), 0.5);
/// let pairs: Vec<_> = links.iter().map(|l| (l.left[0], l.right[0])).collect();
/// assert_eq!(pairs, [(0, 1), (1, 0)]);
/// ```
pub fn align(
    left: &[SentenceInput<'_>],
    right: &[SentenceInput<'_>],
    threshold: f64,
) -> Vec<Alignment> {
    ScoreTable::new(left, right, &MODELS).links(threshold)
}

/// A pair links only if its score is at least this share of the best score of its left or of
/// its right sentence: a sentence's weaker partners must be nearly as good as its best one, or
/// be the best partner of the other sentence. A headline that shares two leaders' names with
/// many body sentences keeps the lede, not every sentence that names them.
const BEST_RATIO: f64 = 0.7;

/// A pair that only one of its sentences chose (see [`BEST_RATIO`]) must still score at least
/// this share of the other sentence's best: a body sentence with a strong partner elsewhere
/// does not also link to a headline that merely names the same place.
const ONE_SIDED_FLOOR: f64 = 0.5;

/// From this order (`Context::order`, how monotonic the anchors are) on, a comparison counts as a text and its edited copy: there a pair
/// that only one of its sentences chose must sit next to the other sentence's best partner.
const ORDERED: f64 = 0.8;

/// Sentences at most this many places from the top (ignoring boilerplate) form the lede zone.
const LEDE_SCALE: f64 = 3.0;

use context::{logit, relative_position, wins_competition, Best, Context};
use score::Joined;

#[cfg(test)]
mod tests;
