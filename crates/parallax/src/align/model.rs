//! The four learned models the aligner runs, with the weights shipped in `src/models.toml`.
//!
//! The weights are data: `build.rs` turns `src/models.toml` into one named model per section
//! (the bias and a `(feature name, weight)` pair per feature), and each constant here puts the
//! weights in the order of the engine's feature names. A name that is missing, unknown or
//! repeated fails the build. Regenerate the file from the repository root with the evaluation
//! data in `../shared/eval`:
//!
//! ```text
//! cargo run --release -p parallax-eval -- fit --write
//! ```

use super::{GROW_FEATURES, GROW_NAMES, LINK_FEATURES, LINK_NAMES};
use super::{STRUCTURAL_FEATURES, STRUCTURAL_NAMES};
use crate::similarity::model::{data, LEXICAL};
use crate::similarity::{Model, FEATURES};

/// Weights over [`STRUCTURAL_NAMES`]: the probability that a candidate pair is a link.
pub const STRUCTURAL: Model<STRUCTURAL_FEATURES> = data::STRUCTURAL.ordered(&STRUCTURAL_NAMES);

/// Weights over [`GROW_NAMES`]: the probability that a sentence belongs to the link next to it.
pub const GROW: Model<GROW_FEATURES> = data::GROW.ordered(&GROW_NAMES);

/// Weights over [`LINK_NAMES`]: the probability that a finished link is right as it stands.
pub const LINK: Model<LINK_FEATURES> = data::LINK.ordered(&LINK_NAMES);

/// The four learned models the aligner runs.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Models {
    /// Lexical: features of the two sentences alone.
    pub lexical: Model<FEATURES>,
    /// Structural: the lexical score in its context.
    pub structural: Model<STRUCTURAL_FEATURES>,
    /// Growth: whether a sentence next to a link belongs to it.
    pub grow: Model<GROW_FEATURES>,
    /// Link: whether a finished link is right as it stands.
    pub link: Model<LINK_FEATURES>,
}

/// The learned models shipped with the engine.
pub const MODELS: Models = Models {
    lexical: LEXICAL,
    structural: STRUCTURAL,
    grow: GROW,
    link: LINK,
};
