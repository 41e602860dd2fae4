//! Many articles at once: what the pairwise links add up to.
//!
//! [`crate::compare_all`] aligns every pair of articles with [`crate::align`], then
//! [`pivots`] checks each pair's links against the third articles (a link two articles make
//! through a common sentence elsewhere is kept or added; one a third article separates is
//! dropped), [`corrections`] applies the reader's corrections (links rejected or added), and
//! [`clusters()`] and [`coverage()`] turn the links into the report's fact clusters and coverage
//! matrix.

pub mod clusters;
pub mod corrections;
pub mod coverage;
pub mod pivots;

pub use clusters::clusters;
pub use coverage::coverage;
pub use pivots::{apply as apply_pivots, PairLinks, Rules};
