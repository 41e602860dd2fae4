//! The scored candidate pairs of one comparison ([`ScoreTable`]) and the evidence kept for each.
//!
//! The table is the aligner's working state; it is public only through [`crate::fitting`]
//! (the `fitting` feature), for the tool that fits and evaluates the models.

use super::groups::{Unit, Units};
use super::Models;
use crate::similarity::{Features, Prepared, Weights};

/// Number of structural features.
pub const STRUCTURAL_FEATURES: usize = 14;

/// Names of the structural features, in the order of [`PairEvidence::structural`].
pub const STRUCTURAL_NAMES: [&str; STRUCTURAL_FEATURES] = [
    "lexical_logit",
    "best_ratio_max",
    "diagonal",
    "adjacent",
    "position_gap",
    "lede",
    "pivot",
    "length_asymmetry",
    "asymmetric_logit",
    "crossing",
    "margin_min",
    "margin_max",
    "specific_mass",
    "specific_cover_min",
];

/// All the evidence about one candidate pair (for fitting and inspecting the models).
#[derive(Debug, Clone, PartialEq)]
pub struct PairEvidence {
    /// Index of the left sentence.
    pub left: usize,
    /// Index of the right sentence.
    pub right: usize,
    /// Lexical features.
    pub lexical: Features,
    /// Probability from the lexical model.
    pub lexical_score: f64,
    /// Structural features, in the order of [`STRUCTURAL_NAMES`].
    pub structural: [f64; STRUCTURAL_FEATURES],
    /// Probability from the structural model: the pair's final score.
    pub score: f64,
}

/// The scored candidate pairs of one comparison: score once, then link at any threshold.

#[derive(Debug, Clone)]
pub struct ScoreTable {
    pub(super) left: Vec<Option<Prepared>>,
    pub(super) right: Vec<Option<Prepared>>,
    pub(super) weights: Weights,
    pub(super) pairs: Vec<PairEvidence>,
    pub(super) models: Models,
    /// How monotonic the comparison is (see [`super::context::Context::order`]).
    pub(super) order: f64,
    /// How much longer one article's sentences are than the other's (see [`super::asymmetry`]).
    pub(super) asymmetry: f64,
    /// Each sentence's best lexical score with any sentence of the other side.
    pub(super) left_best: Vec<f64>,
    pub(super) right_best: Vec<f64>,
    /// Each sentence's relative position in `[0, 1]` among the non-boilerplate sentences.
    pub(super) left_relative: Vec<f64>,
    pub(super) right_relative: Vec<f64>,
    /// Each sentence's unit (headline, caption or text), left and right.
    pub(super) left_units: Vec<Unit>,
    pub(super) right_units: Vec<Unit>,
}

impl ScoreTable {
    /// Both sides' units, for packing and growing links.
    pub(super) fn units(&self) -> Units<'_> {
        Units {
            left: &self.left_units,
            right: &self.right_units,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::{SentenceInput, MODELS};
    use crate::tokenize::tokenize;

    #[test]
    fn a_stricter_threshold_keeps_fewer_links() {
        let tok = |s: &str| tokenize(s, 0..s.len());
        let left = [tok("Heavy rain fell all day in the capital.")];
        let right = [
            tok("Heavy rain fell in the capital."),
            tok("Rain is common in spring."),
        ];
        let table = ScoreTable::new(
            &SentenceInput::body(&left),
            &SentenceInput::body(&right),
            &MODELS,
        );
        assert!(table.links(0.9).len() <= table.links(0.1).len());
        assert_eq!((table.pairs()[0].left, table.pairs()[0].right), (0, 0));
    }

    #[test]
    fn one_sentence_joined_is_its_own_prepared_profile() {
        let tok = |s: &str| tokenize(s, 0..s.len());
        let left = [
            tok("“We will not pay,” the NATO envoy said on Tuesday: 11,000 troops."),
            tok("Three ships and two planes searched the bay."),
        ];
        let right = [tok("Envoy Kim said the 11,000 troops would stay.")];
        let table = ScoreTable::new(
            &SentenceInput::body(&left),
            &SentenceInput::body(&right),
            &MODELS,
        );
        for i in 0..left.len() {
            assert_eq!(
                *table.joined(&table.left, &[i]),
                table.merged(&table.left, &[i])
            );
        }
        assert_eq!(
            *table.joined(&table.right, &[0]),
            table.merged(&table.right, &[0])
        );
    }
}
