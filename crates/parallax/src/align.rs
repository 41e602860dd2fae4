//! Link the sentences of two articles that say the same thing, in any order.
//!
//! # How sentences are linked
//!
//! 1. **Candidates.** Every sentence is profiled ([`Profile`]); boilerplate is left out and
//!    never links. Inputs with up to 40,000 sentence pairs consider every pair; longer ones
//!    only pairs that share a rare stem, found through an inverted index, so the cost grows
//!    with the input's length rather than with the product of the sentence counts.
//! 2. **Lexical score.** Each candidate gets the learned lexical probability of
//!    [`crate::similarity::score`] (TF-IDF cosine, character 4-grams, coverage, numbers,
//!    names, quotations, word pairs and phrases).
//! 3. **Structural score.** A second learned model re-scores each candidate with the evidence
//!    around it: how it ranks against the other candidates of both sentences; whether the
//!    neighbouring sentences are linked in parallel (diagonally, or next to it as in a split),
//!    weighted by how monotonic the whole comparison is (the share of concordant pairs among
//!    the strongest mutual matches); how far apart the two
//!    sentences sit in their articles; whether both are in the headline-and-lede zone or are
//!    headlines or captions; whether a sentence very like one of the two (in its own article)
//!    pairs with the other; how many anchors (strong mutual best matches) the pair crosses,
//!    which in a text and its edited copy marks a stray match; and how unlike the two
//!    articles' sentence lengths are (a text and its simplified rewrite, rather than two
//!    reports). Structure is evidence, not a
//!    constraint: a strong pair far from its neighbours' links still links. Two sentences with
//!    the same words in the same order always score 1.
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
mod groups;
pub(crate) mod grow;
pub(crate) mod judge;
pub(crate) mod model;
mod near;
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

/// From this [`order`] on, a comparison counts as a text and its edited copy: there a pair
/// that only one of its sentences chose must sit next to the other sentence's best partner.
const ORDERED: f64 = 0.8;

/// Sentences at most this many places from the top (ignoring boilerplate) form the lede zone.
const LEDE_SCALE: f64 = 3.0;

impl ScoreTable {
    /// Profiles both sides and scores every candidate pair with `models`.
    pub fn new(left: &[SentenceInput<'_>], right: &[SentenceInput<'_>], models: &Models) -> Self {
        let profile = |side: &[SentenceInput<'_>]| -> Vec<Option<Profile>> {
            side.iter()
                .map(|s| (s.kind != SentenceKind::Boilerplate).then(|| Profile::new(s.tokens)))
                .collect()
        };
        let (left_profiles, right_profiles) = (profile(left), profile(right));
        let weights = Weights::new(left_profiles.iter().chain(&right_profiles).flatten());
        let prepare = |side: Vec<Option<Profile>>| -> Vec<Option<Prepared>> {
            side.into_iter()
                .map(|p| p.map(|p| weights.prepare(p)))
                .collect()
        };
        let (left_profiles, right_profiles) = (prepare(left_profiles), prepare(right_profiles));
        let candidates = candidates::candidates(&left_profiles, &right_profiles, &weights);

        let mut pairs: Vec<PairEvidence> = candidates
            .into_iter()
            .filter_map(|(i, j)| {
                let (l, r) = (
                    left_profiles.get(i)?.as_ref()?,
                    right_profiles.get(j)?.as_ref()?,
                );
                let lexical = prepared_features(l, r);
                let lexical_score = models.lexical.probability(&lexical.values);
                Some(PairEvidence {
                    left: i,
                    right: j,
                    lexical,
                    lexical_score,
                    structural: [0.0; STRUCTURAL_FEATURES],
                    score: 0.0,
                })
            })
            .collect();
        crate::order::sort_by_key(&mut pairs, |p| (p.left, p.right));

        let near = (
            near::nearest(&left_profiles, &weights),
            near::nearest(&right_profiles, &weights),
        );
        let context = Context::new(left, right, &pairs, near);
        for index in 0..pairs.len() {
            let structural = context.structural(&pairs, index);
            if let Some(pair) = pairs.get_mut(index) {
                pair.structural = structural;
                pair.score = models.structural.probability(&structural);
            }
        }
        let relative = |ranks: &[Option<usize>], count: usize| -> Vec<f64> {
            ranks
                .iter()
                .map(|r| relative_position(r.unwrap_or(0), count))
                .collect()
        };
        let mut table = Self {
            left_relative: relative(&context.left_rank, context.left_count),
            right_relative: relative(&context.right_rank, context.right_count),
            left_best: context.left_best,
            right_best: context.right_best,
            order: context.order,
            asymmetry: context.asymmetry,
            models: *models,
            left: left_profiles,
            right: right_profiles,
            weights,
            pairs,
        };
        // Identical text is the strongest evidence there is, however short the articles.
        for k in 0..table.pairs.len() {
            let (i, j) = (table.pairs[k].left, table.pairs[k].right);
            if table.identical(i, j) {
                table.pairs[k].score = 1.0;
            }
        }
        table
    }

    /// Every candidate pair with its features and scores, sorted by (left, right).
    #[cfg_attr(not(feature = "fitting"), allow(dead_code))]
    pub fn pairs(&self) -> &[PairEvidence] {
        &self.pairs
    }

    /// The links of pairs scoring at least `threshold` (see [`align`]).
    pub fn links(&self, threshold: f64) -> Vec<Alignment> {
        let threshold = if threshold.is_nan() { 1.0 } else { threshold };
        self.judge(&self.finished_blocks(threshold))
            .into_iter()
            .filter(|link| link.score > 0.0 && link.score >= threshold)
            .map(|link| Alignment {
                score: self.rounded(link.score),
                left: link.left,
                right: link.right,
                kind: link.kind,
            })
            .collect()
    }

    /// The blocks of pairs at `threshold`, grown and merged, before the link model judges them.
    fn finished_blocks(&self, threshold: f64) -> Vec<groups::Block> {
        groups::merge_touching(self.grow(self.blocks(threshold)))
    }

    /// Pairs scoring at least `threshold`, packed into blocks.
    ///
    /// A pair of two sentences that each have an identical twin elsewhere on the other side is
    /// left out: both are fully accounted for, so a copied headline does not also link to the
    /// copied lede it repeats.
    fn blocks(&self, threshold: f64) -> Vec<groups::Block> {
        let threshold = if threshold.is_nan() { 1.0 } else { threshold };
        let edges = self.edges(threshold);
        groups::blocks(&edges)
    }

    /// The accepted pairs at `threshold` as `(left, right, score)`, sorted.
    fn edges(&self, threshold: f64) -> Vec<(usize, usize, f64)> {
        let (left_twin, right_twin) = self.twins();
        let (left_best, right_best) = self.best_scores();
        self.pairs
            .iter()
            .filter(|p| p.score > 0.0 && p.score >= threshold)
            .filter(|p| {
                let best =
                    |bests: &[Best], k: usize| bests.get(k).copied().unwrap_or((0.0, usize::MAX));
                wins_competition(
                    (p.left, p.right, p.score),
                    best(&left_best, p.left),
                    best(&right_best, p.right),
                    self.order >= ORDERED,
                )
            })
            .filter(|p| {
                let twins = |twin: &[Option<usize>], k: usize| twin.get(k).copied().flatten();
                let explained = twins(&left_twin, p.left).is_some_and(|j| j != p.right)
                    && twins(&right_twin, p.right).is_some_and(|i| i != p.left);
                !explained || self.identical(p.left, p.right)
            })
            .map(|p| (p.left, p.right, self.rounded(p.score)))
            .collect()
    }

    /// Each sentence's best pair score and that pair's other sentence, left and right.
    fn best_scores(&self) -> (Vec<Best>, Vec<Best>) {
        let mut left_best = vec![(0.0_f64, usize::MAX); self.left.len()];
        let mut right_best = vec![(0.0_f64, usize::MAX); self.right.len()];
        // Ties go to the lower index on the other side, the same rule from both sides.
        let better = |candidate: (f64, usize), current: (f64, usize)| {
            candidate
                .0
                .total_cmp(&current.0)
                .then(current.1.cmp(&candidate.1))
                .is_gt()
        };
        for p in &self.pairs {
            if let Some(b) = left_best.get_mut(p.left) {
                if better((p.score, p.right), *b) {
                    *b = (p.score, p.right);
                }
            }
            if let Some(b) = right_best.get_mut(p.right) {
                if better((p.score, p.left), *b) {
                    *b = (p.score, p.left);
                }
            }
        }
        (left_best, right_best)
    }

    /// Scores are rounded to three decimals: reports survive a round trip through text and
    /// stay the same when a refit nudges the weights.
    fn rounded(&self, score: f64) -> f64 {
        let _ = self;
        (score.clamp(0.0, 1.0) * 1e3).round() / 1e3
    }

    /// Whether the two sentences have the same words in the same order.
    fn identical(&self, left: usize, right: usize) -> bool {
        match (self.left.get(left), self.right.get(right)) {
            (Some(Some(l)), Some(Some(r))) => same_words(&l.profile, &r.profile),
            _ => false,
        }
    }

    /// For each sentence, an identical sentence on the other side if there is one (the first).
    fn twins(&self) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
        let mut left_twin = vec![None; self.left.len()];
        let mut right_twin = vec![None; self.right.len()];
        for p in &self.pairs {
            if self.identical(p.left, p.right) {
                if let Some(t) = left_twin.get_mut(p.left) {
                    t.get_or_insert(p.right);
                }
                if let Some(t) = right_twin.get_mut(p.right) {
                    t.get_or_insert(p.left);
                }
            }
        }
        (left_twin, right_twin)
    }

    /// The prepared profile of the given sentences of one side, read in order.
    fn joined(&self, side: &[Option<Prepared>], indices: &[usize]) -> Prepared {
        let parts: Vec<&Profile> = indices
            .iter()
            .filter_map(|&i| side.get(i)?.as_ref())
            .map(|p| &p.profile)
            .collect();
        self.weights.prepare(Profile::merge(&parts))
    }

    /// Both sides of a link joined, with the lexical features between them.
    fn join(&self, left: &[usize], right: &[usize]) -> Joined {
        let (left, right) = (
            self.joined(&self.left, left),
            self.joined(&self.right, right),
        );
        let features = prepared_features(&left, &right).values;
        Joined {
            left,
            right,
            features,
        }
    }
}

/// Whether two texts have the same words (at least one) in the same order.
fn same_words(left: &Profile, right: &Profile) -> bool {
    left.word_len() > 0 && left.same_surface(right)
}

/// The two sides of a link, each read as one text, and the lexical features between them.
struct Joined {
    left: Prepared,
    right: Prepared,
    features: [f64; FEATURES],
}

impl Joined {
    /// Whether the sides have the same words in the same order.
    fn identical(&self) -> bool {
        same_words(&self.left.profile, &self.right.profile)
    }

    /// How closely the two sides agree.
    fn kind(&self) -> LinkKind {
        if self.left.profile.same_surface(&self.right.profile) {
            return LinkKind::Identical;
        }
        let f = &self.features;
        let (cosine, cover_min, cover_max) = (
            f[similarity::COSINE],
            f[similarity::COVER_MIN],
            f[similarity::COVER_MAX],
        );
        if cosine >= 0.8 && cover_min >= 0.8 {
            LinkKind::Minor
        } else if cover_min < 0.5 && cover_max - cover_min > 0.25 {
            LinkKind::Partial
        } else {
            LinkKind::Paraphrase
        }
    }
}

/// What the structural features need: best lexical scores per sentence and positions.
struct Context {
    left_best: Vec<f64>,
    right_best: Vec<f64>,
    left_rank: Vec<Option<usize>>,
    right_rank: Vec<Option<usize>>,
    left_count: usize,
    right_count: usize,
    left_heading: Vec<bool>,
    right_heading: Vec<bool>,
    /// How monotonic the comparison is, in `[0, 1]` (see [`order`]).
    order: f64,
    /// How much longer one article's sentences are than the other's (see [`asymmetry`]).
    asymmetry: f64,
    /// The anchors of [`order`], sorted.
    anchors: Vec<(usize, usize)>,
    /// For each sentence, its most similar sentences in its own article, with their cosine.
    left_near: near::Near,
    right_near: near::Near,
}

impl Context {
    fn new(
        left: &[SentenceInput<'_>],
        right: &[SentenceInput<'_>],
        pairs: &[PairEvidence],
        near: (near::Near, near::Near),
    ) -> Self {
        let mut left_best = vec![0.0_f64; left.len()];
        let mut right_best = vec![0.0_f64; right.len()];
        for p in pairs {
            if let Some(best) = left_best.get_mut(p.left) {
                *best = best.max(p.lexical_score);
            }
            if let Some(best) = right_best.get_mut(p.right) {
                *best = best.max(p.lexical_score);
            }
        }
        let ranks = |side: &[SentenceInput<'_>]| -> Vec<Option<usize>> {
            let mut next = 0;
            side.iter()
                .map(|s| {
                    (s.kind != SentenceKind::Boilerplate).then(|| {
                        next += 1;
                        next - 1
                    })
                })
                .collect()
        };
        let heading = |side: &[SentenceInput<'_>]| -> Vec<bool> {
            side.iter()
                .map(|s| matches!(s.kind, SentenceKind::Headline | SentenceKind::Caption))
                .collect()
        };
        let (left_rank, right_rank) = (ranks(left), ranks(right));
        let anchors = anchors(pairs, left.len(), right.len());
        Self {
            left_best,
            right_best,
            left_count: left_rank.iter().flatten().count(),
            right_count: right_rank.iter().flatten().count(),
            left_rank,
            right_rank,
            left_heading: heading(left),
            right_heading: heading(right),
            left_near: near.0,
            right_near: near.1,
            order: order(&anchors),
            anchors,
            asymmetry: asymmetry(left, right),
        }
    }

    fn structural(&self, pairs: &[PairEvidence], index: usize) -> [f64; STRUCTURAL_FEATURES] {
        let Some(pair) = pairs.get(index) else {
            return [0.0; STRUCTURAL_FEATURES];
        };
        let (i, j, p) = (pair.left, pair.right, pair.lexical_score);
        let lexical = |i: Option<usize>, j: Option<usize>| -> f64 {
            let (Some(i), Some(j)) = (i, j) else {
                return 0.0;
            };
            pairs
                .binary_search_by_key(&(i, j), |q| (q.left, q.right))
                .ok()
                .and_then(|k| pairs.get(k))
                .map_or(0.0, |q| q.lexical_score)
        };
        let (before_i, after_i) = (i.checked_sub(1), Some(i + 1));
        let (before_j, after_j) = (j.checked_sub(1), Some(j + 1));
        let diagonal = lexical(before_i, before_j).max(lexical(after_i, after_j));
        let adjacent = lexical(Some(i), before_j)
            .max(lexical(Some(i), after_j))
            .max(lexical(before_i, Some(j)).max(lexical(after_i, Some(j))));
        let best = |bests: &[f64], k: usize| -> f64 {
            let b = bests.get(k).copied().unwrap_or(0.0);
            if b > 0.0 {
                (p / b).min(1.0)
            } else {
                0.0
            }
        };
        let (left_ratio, right_ratio) = (best(&self.left_best, i), best(&self.right_best, j));
        let position = |ranks: &[Option<usize>], count: usize, k: usize| -> (f64, f64) {
            let rank = ranks.get(k).copied().flatten().unwrap_or(0);
            (relative_position(rank, count), rank as f64)
        };
        let (left_relative, left_rank) = position(&self.left_rank, self.left_count, i);
        let (right_relative, right_rank) = position(&self.right_rank, self.right_count, j);
        let mut pivot: f64 = 0.0;
        for &(k, similarity) in self.right_near.get(j).map_or(&[][..], Vec::as_slice) {
            pivot = pivot.max(lexical(Some(i), Some(k)) * similarity);
        }
        for &(k, similarity) in self.left_near.get(i).map_or(&[][..], Vec::as_slice) {
            pivot = pivot.max(similarity * lexical(Some(k), Some(j)));
        }
        let lede = (-left_rank.max(right_rank) / LEDE_SCALE).exp();
        let heading = self.left_heading.get(i).copied().unwrap_or(false)
            || self.right_heading.get(j).copied().unwrap_or(false);
        let crossed = self
            .anchors
            .iter()
            .filter(|&&(a, b)| (a < i && b > j) || (a > i && b < j))
            .count();
        let crossing = (crossed as f64).ln_1p();
        [
            logit(p),
            left_ratio.max(right_ratio),
            left_ratio.min(right_ratio),
            diagonal,
            adjacent,
            (left_relative - right_relative).abs(),
            lede,
            f64::from(u8::from(heading)),
            pivot,
            diagonal * self.order,
            adjacent * self.order,
            (left_relative - right_relative).abs() * self.order,
            self.order,
            left_ratio.max(right_ratio) * self.order,
            left_ratio.min(right_ratio) * self.order,
            self.asymmetry,
            self.asymmetry * logit(p),
            crossing,
            crossing * self.order,
        ]
    }
}

/// A sentence's best pair score and the other sentence of that pair.
type Best = (f64, usize);

/// Whether the pair `(left, right, score)` survives the competition for its sentences, given
/// the best `(score, partner)` of its left and of its right sentence (see the module docs).
fn wins_competition(
    (left, right, score): (usize, usize, f64),
    (left_best, left_partner): Best,
    (right_best, right_partner): Best,
    ordered: bool,
) -> bool {
    let left_ok = score >= BEST_RATIO * left_best;
    let right_ok = score >= BEST_RATIO * right_best;
    if left_ok && right_ok {
        return true;
    }
    // Chosen by one sentence only: not far below the other's best, and in an ordered rewrite
    // next to the other's best partner (the other half of a split).
    if !(left_ok || right_ok) || score < ONE_SIDED_FLOOR * left_best.max(right_best) {
        return false;
    }
    if !ordered {
        true
    } else if right_ok {
        left_partner.abs_diff(right) <= 1
    } else {
        right_partner.abs_diff(left) <= 1
    }
}

/// A rank's place in `[0, 1]` among `count` sentences.
fn relative_position(rank: usize, count: usize) -> f64 {
    if count > 1 {
        rank as f64 / (count - 1) as f64
    } else {
        0.0
    }
}

/// Lexical score from which a mutual best pair counts as an anchor of [`order`].
const ANCHOR_SCORE: f64 = 0.5;

/// How monotonic the comparison is: the share of concordant pairs (Kendall) among the anchors,
/// pairs that are each other's best lexical match with a score of at least [`ANCHOR_SCORE`].
/// An edited or simplified copy of a text scores near 1, two outlets' reports of one event
/// lower. With fewer than three anchors there is no telling: 0.5.
///
/// Concordance does not depend on which side is left, so the value is mirror-symmetric.
fn order(anchors: &[(usize, usize)]) -> f64 {
    if anchors.len() < 3 {
        return 0.5;
    }
    let (mut concordant, mut total) = (0usize, 0usize);
    for (a, &(ia, ja)) in anchors.iter().enumerate() {
        for &(ib, jb) in &anchors[a + 1..] {
            total += 1;
            concordant += usize::from((ia < ib) == (ja < jb));
        }
    }
    concordant as f64 / total as f64
}

/// The anchors of [`order`]: pairs that are each other's best lexical match with a score of at
/// least [`ANCHOR_SCORE`], sorted.
fn anchors(pairs: &[PairEvidence], left_count: usize, right_count: usize) -> Vec<(usize, usize)> {
    let mut left_best = vec![(0.0_f64, usize::MAX); left_count];
    let mut right_best = vec![(0.0_f64, usize::MAX); right_count];
    // Ties go to the lower index on the other side, the same rule from both sides.
    let better = |candidate: (f64, usize), current: (f64, usize)| {
        candidate
            .0
            .total_cmp(&current.0)
            .then(current.1.cmp(&candidate.1))
            .is_gt()
    };
    for p in pairs {
        if let Some(best) = left_best.get_mut(p.left) {
            if better((p.lexical_score, p.right), *best) {
                *best = (p.lexical_score, p.right);
            }
        }
        if let Some(best) = right_best.get_mut(p.right) {
            if better((p.lexical_score, p.left), *best) {
                *best = (p.lexical_score, p.left);
            }
        }
    }
    left_best
        .iter()
        .enumerate()
        .filter(|(i, (score, j))| {
            *score >= ANCHOR_SCORE && right_best.get(*j).is_some_and(|b| b.1 == *i)
        })
        .map(|(i, (_, j))| (i, *j))
        .collect()
}

/// How unlike the two articles' sentence lengths are: `|ln(mean left / mean right)|` over the
/// number of words per non-boilerplate sentence. Two reports of one event write sentences of
/// about the same length; a text and its simplified or condensed rewrite do not, and there a
/// weak lexical match is less often a real one.
fn asymmetry(left: &[SentenceInput<'_>], right: &[SentenceInput<'_>]) -> f64 {
    let mean = |side: &[SentenceInput<'_>]| -> f64 {
        let (mut words, mut count) = (0usize, 0usize);
        for s in side.iter().filter(|s| s.kind != SentenceKind::Boilerplate) {
            words += s.tokens.iter().filter(|t| t.is_word()).count();
            count += 1;
        }
        (words as f64 + 1.0) / (count as f64 + 1.0)
    };
    // Larger over smaller, so swapping the sides gives the same bits.
    let (a, b) = (mean(left), mean(right));
    (a.max(b) / a.min(b)).ln()
}

/// The log-odds of a probability, bounded to `[-12, 12]`.
fn logit(p: f64) -> f64 {
    let p = p.clamp(1e-6, 1.0 - 1e-6);
    (p / (1.0 - p)).ln().clamp(-12.0, 12.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::similarity::model::sigmoid;
    use crate::test_support::unique;
    use crate::tokenize::tokenize;

    #[test]
    fn logit_inverts_sigmoid() {
        for p in [0.01, 0.3, 0.5, 0.9] {
            assert!((sigmoid(logit(p)) - p).abs() < 1e-9);
        }
    }

    struct Competition {
        name: &'static str,
        /// `(left, right, score)`.
        pair: (usize, usize, f64),
        left_best: (f64, usize),
        right_best: (f64, usize),
        ordered: bool,
        expected: bool,
    }

    const COMPETITIONS: &[Competition] = &[
        Competition {
            name: "best for both",
            pair: (0, 0, 0.6),
            left_best: (0.6, 0),
            right_best: (0.6, 0),
            ordered: false,
            expected: true,
        },
        Competition {
            name: "near the best of both",
            pair: (0, 1, 0.5),
            left_best: (0.6, 0),
            right_best: (0.6, 3),
            ordered: true,
            expected: true,
        },
        Competition {
            name: "a headline's third choice, the body sentence's first, far below the first",
            pair: (0, 4, 0.4),
            left_best: (0.9, 5),
            right_best: (0.4, 0),
            ordered: false,
            expected: false,
        },
        Competition {
            name: "a weak sentence's best, at half the other's best, reordered text",
            pair: (0, 4, 0.5),
            left_best: (0.9, 5),
            right_best: (0.5, 0),
            ordered: false,
            expected: true,
        },
        Competition {
            name: "the same in an ordered text, next to the best partner: a split",
            pair: (0, 4, 0.5),
            left_best: (0.9, 5),
            right_best: (0.5, 0),
            ordered: true,
            expected: true,
        },
        Competition {
            name: "the same in an ordered text, away from the best partner",
            pair: (0, 4, 0.5),
            left_best: (0.9, 9),
            right_best: (0.5, 0),
            ordered: true,
            expected: false,
        },
        Competition {
            name: "mirrored: away from the best partner",
            pair: (4, 0, 0.5),
            left_best: (0.5, 0),
            right_best: (0.9, 9),
            ordered: true,
            expected: false,
        },
        Competition {
            name: "chosen by neither",
            pair: (2, 2, 0.3),
            left_best: (0.9, 1),
            right_best: (0.9, 1),
            ordered: false,
            expected: false,
        },
    ];

    #[test]
    fn competition_case_names_are_unique() {
        assert!(unique(COMPETITIONS.iter().map(|c| c.name)));
    }

    #[test]
    fn competition() {
        for c in COMPETITIONS {
            let got = wins_competition(c.pair, c.left_best, c.right_best, c.ordered);
            assert_eq!(got, c.expected, "case {}", c.name);
            // The mirrored pair gets the same answer.
            let (i, j, score) = c.pair;
            let mirrored = wins_competition((j, i, score), c.right_best, c.left_best, c.ordered);
            assert_eq!(mirrored, c.expected, "case {} mirrored", c.name);
        }
    }

    #[test]
    fn a_lede_keeps_its_restatement_not_every_sentence_naming_the_place() {
        let tok = |s: &str| tokenize(s, 0..s.len());
        let left = [
            tok("Storm topples Wenlow Point lighthouse"),
            tok("The Wenlow Point lighthouse collapsed into the sea on Tuesday after gale-force winds."),
            tok("Residents gathered on the beach at Wenlow Point on Tuesday morning and laid flowers."),
        ];
        let right = [
            tok("Storm topples the Wenlow Point lighthouse"),
            tok("Residents laid flowers on the beach at Wenlow Point on Tuesday morning."),
            tok("Gale-force winds brought the Wenlow Point lighthouse down into the sea on Tuesday."),
        ];
        let mut left_input = SentenceInput::body(&left);
        left_input[0].kind = SentenceKind::Headline;
        let mut right_input = SentenceInput::body(&right);
        right_input[0].kind = SentenceKind::Headline;
        // The lede shares `Wenlow Point`, `lighthouse` and `Tuesday` with the other two right
        // sentences well enough to pass a low threshold, but each has a far better partner.
        let links = align(&left_input, &right_input, 0.1);
        let pairs: Vec<(Vec<usize>, Vec<usize>)> =
            links.into_iter().map(|l| (l.left, l.right)).collect();
        let lede: Vec<&Vec<usize>> = pairs
            .iter()
            .filter(|(l, _)| l.contains(&1))
            .map(|(_, r)| r)
            .collect();
        assert_eq!(lede, [&vec![2]], "{pairs:?}");
        assert!(pairs.contains(&(vec![0], vec![0])), "{pairs:?}");
        assert!(pairs.contains(&(vec![2], vec![1])), "{pairs:?}");
    }

    #[test]
    fn boilerplate_never_aligns() {
        let text = "Share this article on social media.";
        let tokens = tokenize(text, 0..text.len());
        let left = [SentenceInput::new(&tokens, SentenceKind::Boilerplate)];
        let right = [SentenceInput::new(&tokens, SentenceKind::Body)];
        assert!(align(&left, &right, 0.0).is_empty());
        assert!(align(&right, &left, 0.0).is_empty());
    }

    #[test]
    fn empty_inputs_give_no_links() {
        assert!(align(&[], &[], 0.0).is_empty());
        let tokens = tokenize("Rain.", 0..5);
        let one = [SentenceInput::new(&tokens, SentenceKind::Body)];
        assert!(align(&one, &[], 0.0).is_empty());
    }
}
