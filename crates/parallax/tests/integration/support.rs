//! Aligner inputs built from plain text the way `compare` builds them; shared by the
//! integration tests and `benches/align.rs` (which includes this file by path).

use parallax::align::SentenceInput;
use parallax::segment::{segment, SentenceKind};
use parallax::tokenize::{tokenize, Token};

/// Tokens and kind of each sentence of `text`.
pub fn sentences(text: &str) -> Vec<(Vec<Token>, SentenceKind)> {
    segment(text)
        .into_iter()
        .map(|s| (tokenize(text, s.range.clone()), s.kind))
        .collect()
}

/// The aligner's view of [`sentences`].
pub fn inputs(sentences: &[(Vec<Token>, SentenceKind)]) -> Vec<SentenceInput<'_>> {
    sentences
        .iter()
        .map(|(t, k)| SentenceInput::new(t, *k))
        .collect()
}
