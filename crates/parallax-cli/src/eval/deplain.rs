//! The DEplain-web evaluation: align the given German complex and simple sentences with
//! `parallax::align::align` and score links and exact groups against the manual alignment.
//!
//! Each document's language is guessed from its text (`tokenize::detect_language`, German
//! here), so sentences get German stems and stop words as `parallax::compare` would give them.

use super::metrics::{score_groups, Counts, Group};
use super::Error;
use parallax::align::{Models, ScoreTable, SentenceInput, MODELS};
use parallax::tokenize::{detect_language, tokenize_in, Token};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The labels of a `DEplain` gold alignment group.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Label {
    /// A simplification of the complex sentence(s).
    Aligned,
    /// The complex and simple sentence texts are identical.
    Identical,
}

impl Label {
    /// Every label, in report order.
    pub const ALL: [Label; 2] = [Label::Aligned, Label::Identical];

    /// The label as written in the gold file.
    pub fn name(self) -> &'static str {
        match self {
            Label::Aligned => "aligned",
            Label::Identical => "identical",
        }
    }
}

/// Exact-group precision, recall and F1 published for DEplain-web (Stodden et al., ACL 2023).
pub const PUBLISHED: &[(&str, f64, f64, f64)] = &[
    ("MASSAlign", 0.846, 0.477, 0.610),
    ("Sent-LaBSE", 0.961, 0.444, 0.608),
    ("BERTalign", 0.743, 0.465, 0.572),
];

#[derive(Deserialize)]
struct GoldFile {
    documents: Vec<GoldDocument>,
}

#[derive(Deserialize)]
struct GoldDocument {
    complex_sentences: Vec<String>,
    simple_sentences: Vec<String>,
    alignments: Vec<GoldAlignment>,
}

#[derive(Deserialize)]
struct GoldAlignment {
    complex: Vec<usize>,
    simple: Vec<usize>,
    label: Label,
}

/// One document pair, tokenized once so a threshold sweep only re-runs the aligner.
#[derive(Debug, Clone)]
pub struct Document {
    /// Tokens of each complex sentence (the left side).
    pub complex: Vec<Vec<Token>>,
    /// Tokens of each simple sentence (the right side).
    pub simple: Vec<Vec<Token>>,
    /// Gold groups with their labels.
    pub gold: Vec<(Group, Label)>,
}

/// Reads and tokenizes the `DEplain` gold file.
pub fn load(gold_path: &Path) -> Result<Vec<Document>, Error> {
    parse(&super::read_gold(gold_path)?)
        .map_err(|Error(e)| Error(format!("{}: {e}", gold_path.display())))
}

/// Parses `DEplain` gold JSON; every sentence is tokenized on its own.
pub fn parse(gold_json: &str) -> Result<Vec<Document>, Error> {
    let gold: GoldFile = serde_json::from_str(gold_json)
        .map_err(|e| Error(format!("not a DEplain alignment file ({e})")))?;
    gold.documents
        .iter()
        .enumerate()
        .map(|(n, doc)| {
            let all: Vec<&str> = doc
                .complex_sentences
                .iter()
                .chain(&doc.simple_sentences)
                .map(String::as_str)
                .collect();
            let language = detect_language(&all.join("\n"));
            let tokens = |sentences: &[String]| -> Vec<Vec<Token>> {
                sentences
                    .iter()
                    .map(|s| tokenize_in(s, 0..s.len(), language))
                    .collect()
            };
            let (complex, simple) = (
                tokens(&doc.complex_sentences),
                tokens(&doc.simple_sentences),
            );
            let mut gold = Vec::new();
            for a in &doc.alignments {
                let fits = |indices: &[usize], len: usize| indices.iter().all(|&i| i < len);
                if !fits(&a.complex, complex.len()) || !fits(&a.simple, simple.len()) {
                    return Err(Error(format!(
                        "document #{n}: alignment index out of range"
                    )));
                }
                gold.push((
                    Group {
                        left: a.complex.clone(),
                        right: a.simple.clone(),
                    },
                    a.label,
                ));
            }
            Ok(Document {
                complex,
                simple,
                gold,
            })
        })
        .collect()
}

/// Aligns one document at `threshold` and scores it: `(links, groups)`.
pub fn evaluate(document: &Document, threshold: f64) -> (Counts<Label>, Counts<Label>) {
    evaluate_with(document, threshold, &MODELS)
}

/// [`evaluate`] with other models.
pub fn evaluate_with(
    document: &Document,
    threshold: f64,
    models: &Models,
) -> (Counts<Label>, Counts<Label>) {
    score_table(document, &table(document, models), threshold)
}

/// Scores every candidate pair of one document.
pub fn table(document: &Document, models: &Models) -> ScoreTable {
    ScoreTable::new(
        &SentenceInput::body(&document.complex),
        &SentenceInput::body(&document.simple),
        models,
    )
}

/// Links a scored document at `threshold` and scores it: `(links, groups)`.
pub fn score_table(
    document: &Document,
    table: &ScoreTable,
    threshold: f64,
) -> (Counts<Label>, Counts<Label>) {
    let predicted: Vec<Group> = table
        .links(threshold)
        .into_iter()
        .map(Group::from)
        .collect();
    score_groups(&document.gold, &predicted)
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOLD: &str = r#"{"documents": [{
        "pair_id": 1,
        "complex_sentences": ["Der Hafen wurde am Dienstag nach langen Arbeiten wieder eröffnet.",
                              "Die Gebühren bleiben gleich."],
        "simple_sentences": ["Der Hafen wurde am Dienstag nach langen Arbeiten wieder eröffnet.",
                             "Es kostet nicht mehr.", "Das ist gut."],
        "alignments": [{"complex": [0], "simple": [0], "label": "identical"},
                       {"complex": [1], "simple": [1, 2], "label": "aligned"}]}]}"#;

    #[test]
    fn parses_and_scores_a_tiny_document() {
        let docs = parse(GOLD).expect("valid gold");
        assert_eq!(docs.len(), 1);
        assert_eq!(
            (
                docs[0].complex.len(),
                docs[0].simple.len(),
                docs[0].gold.len()
            ),
            (2, 3, 2)
        );
        let (links, groups) = evaluate(&docs[0], 0.5);
        assert_eq!((links.gold, groups.gold), (3, 2));
        // Identical sentences must be found whatever the aligner does otherwise.
        assert_eq!(groups.by_label[&Label::Identical].hit, 1, "{groups:?}");
    }

    #[test]
    fn an_index_out_of_range_is_an_error() {
        let bad = GOLD.replace(r#""simple": [1, 2]"#, r#""simple": [1, 9]"#);
        assert!(parse(&bad).is_err());
    }
}
