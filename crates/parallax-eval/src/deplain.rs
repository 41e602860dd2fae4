//! DEplain-web gold: German complex/simple document pairs, pre-split into sentences, with
//! manual alignment groups; scored by links and exact groups (Stodden et al., ACL 2023).
//!
//! Each side is built with [`Prepared::from_sentences`], the engine's own front half (cleaning,
//! language detection, tokenization) with the gold sentence boundaries kept.

use crate::metrics::{score_groups, Counts, Group};
use crate::output::Error;
use parallax::fitting::{Models, ScoreTable};
use parallax::prepare::Prepared;
use serde::{Deserialize, Serialize};
use std::collections::BTreeSet;
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
    documents: Vec<GoldFileDocument>,
}

#[derive(Deserialize)]
struct GoldFileDocument {
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

/// One gold document pair as given: its sentences and gold groups.
#[derive(Debug, Clone)]
pub struct GoldDocument {
    /// The complex (left) sentences.
    pub complex: Vec<String>,
    /// The simple (right) sentences.
    pub simple: Vec<String>,
    /// Gold groups with their labels.
    pub gold: Vec<(Group, Label)>,
}

/// One document pair made ready once, as `parallax::compare` would prepare it, except that
/// the gold sentence boundaries are kept ([`Prepared::from_sentences`]: cleaned, tokenized in
/// the detected language).
#[derive(Debug, Clone)]
pub struct Document<'a> {
    /// The complex sentences (the left side).
    pub complex: Prepared<'a>,
    /// The simple sentences (the right side).
    pub simple: Prepared<'a>,
    /// Gold groups with their labels.
    pub gold: &'a [(Group, Label)],
}

/// Reads the `DEplain` gold file.
pub fn load(gold_path: &Path) -> Result<Vec<GoldDocument>, Error> {
    parse(&super::output::read_gold(gold_path)?)
        .map_err(|Error(e)| Error(format!("{}: {e}", gold_path.display())))
}

/// Parses `DEplain` gold JSON and checks every alignment index.
pub fn parse(gold_json: &str) -> Result<Vec<GoldDocument>, Error> {
    let gold: GoldFile = serde_json::from_str(gold_json)
        .map_err(|e| Error(format!("not a DEplain alignment file ({e})")))?;
    gold.documents
        .into_iter()
        .enumerate()
        .map(|(n, doc)| {
            let mut gold = Vec::new();
            for a in &doc.alignments {
                let fits = |indices: &[usize], len: usize| indices.iter().all(|&i| i < len);
                if !fits(&a.complex, doc.complex_sentences.len())
                    || !fits(&a.simple, doc.simple_sentences.len())
                {
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
            Ok(GoldDocument {
                complex: doc.complex_sentences,
                simple: doc.simple_sentences,
                gold,
            })
        })
        .collect()
}

/// Prepares every gold document; `joined` receives the texts the documents borrow.
pub fn prepare<'a>(
    gold: &'a [GoldDocument],
    joined: &'a mut Vec<[String; 2]>,
) -> Vec<Document<'a>> {
    *joined = vec![[String::new(), String::new()]; gold.len()];
    gold.iter()
        .zip(joined.iter_mut())
        .map(|(doc, [complex, simple])| {
            let strs = |v: &'a [String]| -> Vec<&'a str> { v.iter().map(String::as_str).collect() };
            Document {
                complex: Prepared::from_sentences("complex", &strs(&doc.complex), complex),
                simple: Prepared::from_sentences("simple", &strs(&doc.simple), simple),
                gold: &doc.gold,
            }
        })
        .collect()
}

impl Document<'_> {
    /// Scores every candidate pair of the document with `models`.
    pub fn table(&self, models: &Models) -> ScoreTable {
        ScoreTable::new(&self.complex.inputs(), &self.simple.inputs(), models)
    }

    /// Every (complex, simple) sentence pair inside a gold group.
    pub fn positives(&self) -> BTreeSet<(usize, usize)> {
        self.gold
            .iter()
            .flat_map(|(g, _)| {
                g.left
                    .iter()
                    .flat_map(move |&i| g.right.iter().map(move |&j| (i, j)))
            })
            .collect()
    }

    /// Links a scored document at `threshold` and scores it: `(links, groups)`.
    pub fn score(&self, table: &ScoreTable, threshold: f64) -> (Counts<Label>, Counts<Label>) {
        let predicted: Vec<Group> = table
            .links(threshold)
            .into_iter()
            .map(Group::from)
            .collect();
        score_groups(self.gold, &predicted)
    }
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
        let gold = parse(GOLD).expect("valid gold");
        assert_eq!(gold.len(), 1);
        let mut joined = Vec::new();
        let docs = prepare(&gold, &mut joined);
        assert_eq!(
            (
                docs[0].complex.sentences.len(),
                docs[0].simple.sentences.len(),
                docs[0].gold.len()
            ),
            (2, 3, 2)
        );
        let (links, groups) = docs[0].score(&docs[0].table(&parallax::fitting::MODELS), 0.5);
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
