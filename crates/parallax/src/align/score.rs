//! Scoring every candidate pair in context, then turning pairs into links.

use super::{
    candidates, groups, near, prepared_features, relative_position, similarity, wins_competition,
    Alignment, Best, Context, LinkKind, Models, PairEvidence, Prepared, Profile, ScoreTable,
    SentenceInput, SentenceKind, Weights, FEATURES, ORDERED, STRUCTURAL_FEATURES,
};
use crate::similarity::Topics;
use std::borrow::Cow;

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

        let lexicals =
            similarity::batch::pair_features(&left_profiles, &right_profiles, &candidates);
        // Sized up front: most candidates are kept, and the records are large.
        let mut pairs: Vec<PairEvidence> = Vec::with_capacity(candidates.len());
        pairs.extend(
            candidates
                .into_iter()
                .zip(lexicals)
                .filter_map(|((i, j), lexical)| {
                    let lexical = lexical?;
                    let lexical_score = models.lexical.probability(&lexical.values);
                    Some(PairEvidence {
                        left: i,
                        right: j,
                        lexical,
                        lexical_score,
                        structural: [0.0; STRUCTURAL_FEATURES],
                        score: 0.0,
                    })
                }),
        );
        crate::order::sort_by_key(&mut pairs, |p| (p.left, p.right));

        let near = (
            near::nearest(&left_profiles, &weights),
            near::nearest(&right_profiles, &weights),
        );
        let context = Context::new(left, right, &pairs, near);
        let topics = Topics::new(&left_profiles, &right_profiles);
        let indices: Vec<(usize, usize)> = pairs.iter().map(|p| (p.left, p.right)).collect();
        let specifics = topics.specific_all(&left_profiles, &right_profiles, &indices);
        for index in 0..pairs.len() {
            let specific = specifics.get(index).copied().flatten();
            let structural = context.structural(&pairs, index, specific);
            if let Some(pair) = pairs.get_mut(index) {
                pair.structural = structural;
                pair.score = models.structural.probability(&structural);
                // A caption links only to a sentence that states the caption's own fact: one
                // that shares more with it than the names and the words of the whole story.
                let caption = |side: &[SentenceInput<'_>], k: usize| {
                    side.get(k).is_some_and(|s| s.kind == SentenceKind::Caption)
                };
                if (caption(left, pair.left) || caption(right, pair.right))
                    && !specific.is_some_and(|s| s.shares_plain)
                {
                    pair.score = 0.0;
                }
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
            left_units: left.iter().map(|s| groups::Unit::of(s.kind)).collect(),
            right_units: right.iter().map(|s| groups::Unit::of(s.kind)).collect(),
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
    pub(super) fn finished_blocks(&self, threshold: f64) -> Vec<groups::Block> {
        groups::merge_touching(self.grow(self.blocks(threshold)), self.units())
    }

    /// Pairs scoring at least `threshold`, packed into blocks.
    ///
    /// A pair of two sentences that each have an identical twin elsewhere on the other side is
    /// left out: both are fully accounted for, so a copied headline does not also link to the
    /// copied lede it repeats.
    pub(super) fn blocks(&self, threshold: f64) -> Vec<groups::Block> {
        let threshold = if threshold.is_nan() { 1.0 } else { threshold };
        let edges = self.edges(threshold);
        groups::blocks(&edges, self.units())
    }

    /// The accepted pairs at `threshold` as `(left, right, score)`, sorted.
    pub(super) fn edges(&self, threshold: f64) -> Vec<(usize, usize, f64)> {
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
    pub(super) fn best_scores(&self) -> (Vec<Best>, Vec<Best>) {
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
    pub(super) fn rounded(&self, score: f64) -> f64 {
        let _ = self;
        (score.clamp(0.0, 1.0) * 1e3).round() / 1e3
    }

    /// Whether the two sentences have the same words in the same order.
    pub(super) fn identical(&self, left: usize, right: usize) -> bool {
        match (self.left.get(left), self.right.get(right)) {
            (Some(Some(l)), Some(Some(r))) => same_words(&l.profile, &r.profile),
            _ => false,
        }
    }

    /// For each sentence, an identical sentence on the other side if there is one (the first).
    pub(super) fn twins(&self) -> (Vec<Option<usize>>, Vec<Option<usize>>) {
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
    pub(super) fn joined<'t>(
        &self,
        side: &'t [Option<Prepared>],
        indices: &[usize],
    ) -> Cow<'t, Prepared> {
        // One sentence read on its own is its own profile, already prepared with these
        // weights (merging one profile gives it back; a test checks).
        if let [i] = indices {
            if let Some(Some(prepared)) = side.get(*i) {
                return Cow::Borrowed(prepared);
            }
        }
        Cow::Owned(self.merged(side, indices))
    }

    /// [`ScoreTable::joined`] by merging the profiles and weighing the result.
    pub(super) fn merged(&self, side: &[Option<Prepared>], indices: &[usize]) -> Prepared {
        let parts: Vec<&Profile> = indices
            .iter()
            .filter_map(|&i| side.get(i)?.as_ref())
            .map(|p| &p.profile)
            .collect();
        self.weights.prepare(Profile::merge(&parts))
    }

    /// Both sides of a link joined, with the lexical features between them.
    pub(super) fn join(&self, left: &[usize], right: &[usize]) -> Joined<'_> {
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
pub(super) fn same_words(left: &Profile, right: &Profile) -> bool {
    left.word_len() > 0 && left.same_surface(right)
}

/// The two sides of a link, each read as one text, and the lexical features between them.
pub(super) struct Joined<'t> {
    pub(super) left: Cow<'t, Prepared>,
    pub(super) right: Cow<'t, Prepared>,
    pub(super) features: [f64; FEATURES],
}

impl Joined<'_> {
    /// Whether the sides have the same words in the same order.
    pub(super) fn identical(&self) -> bool {
        same_words(&self.left.profile, &self.right.profile)
    }

    /// How closely the two sides agree.
    pub(super) fn kind(&self) -> LinkKind {
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
