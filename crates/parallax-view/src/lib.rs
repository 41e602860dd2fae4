//! What every Parallax renderer shows, computed from the report alone.
//!
//! The HTML report (`parallax-html`), the terminal view of `parallax compare --format text`
//! and the page (`web/`) all draw the same rows from this crate, and it reads nothing but
//! [`parallax::report`]: no renderer re-runs a stage of the engine.
//!
//! - [`rows`]: side-by-side rows — links in the left article's order, each unmatched left
//!   sentence in its place, each unmatched right sentence right after the row holding its
//!   nearest linked predecessor in the right article; right sides out of the right article's
//!   order are marked [`Moved`] with their paragraph. Each sentence is cut into [`Piece`]s of
//!   its shown text, marked where the link's word diff changed it.
//! - [`fold`]: filters, folds of identical runs and page furniture, keyboard stops and the
//!   overview strip.
//!   A link row also carries its link's discrepancy flags ([`FlagView`]): kind, severity,
//!   note and the flagged words on each side.
//! - [`summary`]: the numbers of the summary bar.
//! - [`pairs`]: ribbons, partners and selections of the reordering view.
//! - [`grid`]: the fact grid of an N-article report (one row per fact, one column per
//!   article, rows in a chosen base article's order).
//!
//! # Many-to-many links
//!
//! A link may hold several sentences per side, and one sentence may sit in several links.
//! The layout never assumes otherwise and never panics on an odd report:
//! - every link becomes its own row, placed at its first (smallest) left sentence; a sentence
//!   that belongs to several links is shown once in each of those rows, and once only within
//!   a row (indices are sorted and deduplicated, out-of-range indices are dropped);
//! - a sentence is unmatched when `report.unmatched` names it;
//! - a link without left sentences is placed like an unmatched right sentence;
//! - word marks are clamped to each sentence's own stretch of the shown text, so spans that
//!   straddle several sentences of a link mark each sentence's share.

mod discrepancy;
pub mod fold;
pub mod grid;
mod layout;
mod marks;
pub mod pairs;
mod row;
pub mod summary;

pub use discrepancy::{FlagSpot, FlagView};
pub use layout::{link_indices, rows};
pub use marks::{plain, sentences};
pub use row::{role_name, Mark, Moved, Piece, Row, RowKind, SentenceView};

#[cfg(test)]
mod tests;
