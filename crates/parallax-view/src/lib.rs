//! What every Parallax renderer shows, computed from the report alone.
//!
//! The HTML report (`parallax-html`), the terminal view of `parallax compare --format text`
//! and the page (`web/`) all draw the same rows from this crate, and it reads nothing but
//! [`parallax::report`]: no renderer re-runs a stage of the engine.
//!
//! - [`rows`]: side-by-side rows — one row per group of links that share sentences, in the
//!   left article's order, each unmatched left sentence in its place, each unmatched right
//!   sentence right after the row holding its nearest linked predecessor in the right
//!   article; right sides out of the right article's order are marked [`Moved`] with their
//!   paragraph. Each sentence is cut into [`Piece`]s of its shown text, marked where the word
//!   diff changed it, and once more for the quiet display of paraphrases ([`RowDisplay`]).
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
//! - links that share a sentence (on either side, directly or through a chain of links) are
//!   one row: the connected groups of the link graph. Each sentence appears in exactly one
//!   row, and a sentence with several partners shows once with all of them beside it
//!   (indices are sorted and deduplicated, out-of-range indices are dropped);
//! - a row is placed at its first (smallest) left sentence; [`Row::links`] lists its links
//!   best first (two-sided before one-sided, then highest score, then report order), and
//!   [`Row::link`], [`Row::kind`] and [`Row::score`] are the best link's; [`Row::flags`]
//!   are all the links' flags, deduplicated;
//! - each sentence's word marks come from the best link of its row that holds it
//!   ([`SentenceView::link`]); when that link is only a possible match while the row's best
//!   is sure, [`SentenceView::unsure`] says so and renderers label the sentence;
//! - a sentence is unmatched when no link holds it (what the engine's `report.unmatched`
//!   says; recomputed, so an inconsistent report still shows every sentence once);
//! - a group without left sentences is placed like an unmatched right sentence;
//! - word marks are clamped to each sentence's own stretch of the shown text, so spans that
//!   straddle several sentences of a link mark each sentence's share.
//!
//! # Quiet paraphrases
//!
//! Identical and minor rows show the word diff ([`SentenceView::pieces`]). Paraphrase and
//! partial rows ([`RowDisplay::Shares`]) show what the sentences share as plain text and only
//! the content words one side adds ([`Mark::Only`], [`SentenceView::shares`]): differing
//! function words of a small English and German stop list ("the", "of", "der", "und", …)
//! and punctuation are left unmarked. Renderers keep the word diff one click away.

mod discrepancy;
pub mod fold;
pub mod grid;
mod group;
mod layout;
mod marks;
pub mod pairs;
mod row;
mod shares;
pub mod summary;

pub use discrepancy::{FlagSpot, FlagView};
pub use layout::{link_indices, rows, rows_part};
pub use marks::{plain, sentences};
pub use row::{role_name, Mark, Moved, Piece, Row, RowDisplay, RowKind, SentenceView};

#[cfg(test)]
mod tests;
