//! The aligner's working state, for the tool that fits and evaluates its models.
//!
//! Only with the `fitting` feature, which `parallax-eval` (the developer tool that learns the
//! weights in `src/models.toml` and measures them out of sample) turns on. Comparison needs
//! none of this: [`crate::compare`] and [`crate::align::align`] are the API. A cargo feature
//! rather than `#[doc(hidden)]` items: the user's binary, the wasm and the page compile
//! without these, so nothing outside the workspace's own tooling can come to rely on them.
//!
//! # Example: score once, link at several thresholds
//!
//! ```
//! use parallax::align::SentenceInput;
//! use parallax::fitting::{ScoreTable, MODELS};
//! use parallax::tokenize::tokenize;
//! let tok = |s: &str| tokenize(s, 0..s.len());
//! let left = [tok("Heavy rain fell all day in the capital.")];
//! let right = [tok("Heavy rain fell in the capital."), tok("Rain is common in spring.")];
//! let table = ScoreTable::new(&SentenceInput::body(&left), &SentenceInput::body(&right), &MODELS);
//! assert!(table.links(0.9).len() <= table.links(0.1).len());
//! ```

pub use crate::align::grow::{Growth, GROW_FEATURES, GROW_NAMES};
pub use crate::align::judge::{LinkEvidence, LINK_FEATURES, LINK_NAMES};
pub use crate::align::model::{Models, MODELS};
pub use crate::align::table::{PairEvidence, ScoreTable, STRUCTURAL_FEATURES, STRUCTURAL_NAMES};
pub use crate::similarity::model::{sigmoid, Model, NamedModel};
pub use crate::similarity::{FEATURES, FEATURE_NAMES};
