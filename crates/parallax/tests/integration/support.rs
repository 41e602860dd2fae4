//! Aligner inputs built from plain text the way `compare` builds them, and the `OneStopEnglish`
//! articles from `../shared`; shared by the integration tests and `benches/align.rs` (which
//! includes this file by path).

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

/// Every `OneStopEnglish` article as (advanced, elementary), paragraphs joined by blank lines;
/// `None` (with a note on stderr) when `../shared/eval/onestopenglish` is absent.
pub fn onestopenglish() -> Option<Vec<(String, String)>> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/onestopenglish/onestopenglish.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared/eval/onestopenglish/onestopenglish.json not found");
        return None;
    };
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let join = |level: &serde_json::Value| -> String {
        level
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    Some(
        json["articles"]
            .as_object()?
            .values()
            .map(|a| (join(&a["adv"]), join(&a["ele"])))
            .collect(),
    )
}
