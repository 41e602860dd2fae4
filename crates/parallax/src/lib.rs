//! Parallax: align the sentences of two news articles about one event and show what changed.
//!
//! The engine is a one-way pipeline, one module per stage:
//! [`normalize`] decodes bytes and cleans text (mojibake, invisible characters) while keeping
//! a map back to the original, [`segment`] splits text into sentences, [`tokenize`] splits
//! sentences into tokens, [`similarity`] scores sentence pairs, [`align`] links sentences
//! across articles, [`diff`] finds word-level changes inside each link, [`flags`] finds the
//! facts (numbers, dates, names, quotations, attributions) a link's two sides state
//! differently, and [`report`] packs it all into the one hand-off type, [`Report`], that every
//! renderer reads.
//!
//! Every sentence and diff span is a UTF-8 byte range into the caller's original text, even
//! though the later stages work on the cleaned text.
//!
//! # Example: compare two short articles
//!
//! ```
//! use parallax::{compare, Article, Options};
//!
//! let left = Article::new("Wire", "The bridge opened on Monday. Crowds cheered.");
//! let right = Article::new("Daily", "Crowds cheered loudly. The bridge opened on Monday.");
//! let report = compare(&left, &right, &Options::default());
//!
//! assert_eq!(report.documents[0].sentences.len(), 2);
//! // Reordered sentences still find each other.
//! let link = &report.links[0];
//! assert_eq!((link.left.as_slice(), link.right.as_slice()), (&[0][..], &[1][..]));
//! ```
#![deny(missing_docs)]

pub mod align;
pub mod diff;
pub mod error;
pub mod extract;
#[cfg(feature = "fitting")]
pub mod fitting;
pub mod flags;
pub mod input;
pub mod normalize;
pub mod nway;
pub mod options;
pub mod order;
pub mod prepare;
pub mod report;
pub mod segment;
pub mod similarity;
pub mod tokenize;

mod compare;
mod shown;
#[cfg(test)]
mod test_support;

pub use compare::{
    compare, compare_all, compare_all_corrected, compare_all_prepared,
    compare_all_prepared_corrected, compare_prepared, segment_article,
};
pub use error::Error;
pub use options::Options;
pub use prepare::Article;
pub use report::Report;
