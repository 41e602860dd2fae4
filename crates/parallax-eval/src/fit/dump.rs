//! `fit --dump FILE`: every candidate pair with its features and scores, for error analysis.
//!
//! One JSON line per candidate pair (`source`, sentence indices and texts, whether it is gold,
//! lexical and structural features, scores), then one line per source with its links at a few
//! thresholds.

use crate::deplain::Document;
use crate::output::Error;
use crate::seeds::SeedExample;
use parallax::fitting::ScoreTable;
use parallax::prepare::Prepared;
use std::collections::BTreeSet;
use std::path::Path;

fn lines(
    out: &mut String,
    source: &str,
    docs: (&Prepared<'_>, &Prepared<'_>),
    gold: &BTreeSet<(usize, usize)>,
    table: &ScoreTable,
) {
    for p in table.pairs() {
        let value = serde_json::json!({
            "source": source,
            "left": p.left,
            "right": p.right,
            "left_text": docs.0.sentence_text(p.left),
            "right_text": docs.1.sentence_text(p.right),
            "gold": gold.contains(&(p.left, p.right)),
            "lexical": p.lexical.values,
            "lexical_score": p.lexical_score,
            "structural": p.structural,
            "score": p.score,
        });
        out.push_str(&value.to_string());
        out.push('\n');
    }
    let links: Vec<serde_json::Value> = [0.3, 0.5, 0.7, 0.9]
        .iter()
        .map(|&t| {
            let groups: Vec<(Vec<usize>, Vec<usize>)> = table
                .links(t)
                .into_iter()
                .map(|a| (a.left, a.right))
                .collect();
            serde_json::json!({"threshold": t, "links": groups})
        })
        .collect();
    out.push_str(&serde_json::json!({"source": source, "links": links}).to_string());
    out.push('\n');
}

/// Writes the candidate pairs of every seed pair and document, scored by the given tables.
pub fn dump(
    path: &Path,
    seeds: (&[SeedExample<'_>], &[ScoreTable]),
    documents: (&[Document<'_>], &[ScoreTable]),
) -> Result<(), Error> {
    let mut out = String::new();
    for (example, table) in seeds.0.iter().zip(seeds.1) {
        let docs = (&example.left, &example.right);
        lines(
            &mut out,
            &example.pair.name,
            docs,
            &example.positives,
            table,
        );
    }
    for (n, (document, table)) in documents.0.iter().zip(documents.1).enumerate() {
        let docs = (&document.complex, &document.simple);
        let source = format!("deplain-{n}");
        lines(&mut out, &source, docs, &document.positives(), table);
    }
    std::fs::write(path, out).map_err(|e| Error(format!("cannot write {}: {e}", path.display())))
}
