//! The `DEplain` report: k-fold-by-document exact-group and link P/R/F1, average precision.

use super::{best, label_recalls, num, thresholds, Best, Error, LabelRecall, Settings};
use crate::ap::{average_precision, deplain_items, deplain_pair_items, AP_FLOOR};
use crate::deplain::{self, Document};
use crate::metrics::Counts;
use crate::reliability::{reliability, reliability_text, Reliability};
use parallax::fitting::ScoreTable;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, Serialize)]
struct GroupScores {
    predicted: usize,
    correct: usize,
    gold: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    recall_by_label: BTreeMap<&'static str, LabelRecall>,
}

impl GroupScores {
    fn new(counts: &Counts<deplain::Label>) -> Self {
        let prf = counts.prf();
        Self {
            predicted: counts.predicted,
            correct: counts.correct,
            gold: counts.gold,
            precision: prf.precision,
            recall: prf.recall,
            f1: prf.f1,
            recall_by_label: label_recalls(counts, &deplain::Label::ALL, deplain::Label::name),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct DeplainReport {
    threshold: f64,
    /// Expanded (complex, simple) sentence pairs.
    links: GroupScores,
    /// Exact groups.
    groups: GroupScores,
}

#[derive(Debug, Clone, Serialize)]
struct Published {
    system: &'static str,
    precision: f64,
    recall: f64,
    f1: f64,
}

/// Everything `parallax-eval deplain` reports.
#[derive(Debug, Clone, Serialize)]
pub struct DeplainOutput {
    eval: &'static str,
    validation: String,
    folds: usize,
    gold: String,
    documents: usize,
    /// One report per threshold (one unless sweeping).
    runs: Vec<DeplainReport>,
    /// Average precision of the exact groups ranked by link score (see [`crate::ap`]).
    average_precision: DeplainAp,
    /// With `--sweep`: the threshold with the best exact-group F1.
    #[serde(skip_serializing_if = "Option::is_none")]
    best: Option<Best>,
    /// Exact-group scores published for DEplain-web (Stodden et al. 2023).
    published: Vec<Published>,
}

/// Average precision of the exact groups.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct DeplainAp {
    floor: f64,
    pub(crate) exact_groups: Option<f64>,
    /// Score bins of the pooled predicted groups and the share exactly right in each.
    pub(crate) reliability: Reliability,
    /// Score bins of the pooled predicted sentence pairs and the share inside a gold group
    /// (the seed pairs' rule: what a reader of one link sees).
    pub(crate) pair_reliability: Reliability,
}

/// Scores each document with its own table (from the models of the folds without it).
pub fn deplain_output(
    gold: &str,
    documents: &[Document<'_>],
    tables: &[ScoreTable],
    folds: usize,
    settings: &Settings,
) -> Result<DeplainOutput, Error> {
    let thresholds = thresholds(settings)?;
    let runs: Vec<DeplainReport> = thresholds
        .iter()
        .map(|&threshold| {
            let (mut links, mut groups) = (Counts::default(), Counts::default());
            for (document, table) in documents.iter().zip(tables) {
                let (doc_links, doc_groups) = document.score(table, threshold);
                links.add(&doc_links);
                groups.add(&doc_groups);
            }
            DeplainReport {
                threshold,
                links: GroupScores::new(&links),
                groups: GroupScores::new(&groups),
            }
        })
        .collect();
    let f1s: Vec<f64> = runs.iter().map(|r| r.groups.f1).collect();
    Ok(DeplainOutput {
        eval: "deplain",
        validation: format!(
            "{folds}-fold by document: document i is in fold i % {folds} (file order) and is \
             scored by models refitted on the seed pairs and the other folds"
        ),
        folds,
        gold: gold.to_owned(),
        documents: documents.len(),
        best: if settings.sweep {
            best(&thresholds, &f1s, "exact-group f1")
        } else {
            None
        },
        runs,
        average_precision: deplain_ap(documents, tables),
        published: deplain::PUBLISHED
            .iter()
            .map(|&(system, precision, recall, f1)| Published {
                system,
                precision,
                recall,
                f1,
            })
            .collect(),
    })
}

/// Average precision of the exact groups of all documents pooled, and the reliability of
/// their scores by exact groups and by sentence pairs.
pub(crate) fn deplain_ap(documents: &[Document<'_>], tables: &[ScoreTable]) -> DeplainAp {
    let (mut all, mut pairs, mut gold_all) = (Vec::new(), Vec::new(), 0);
    for (n, (document, table)) in documents.iter().zip(tables).enumerate() {
        let links = table.links(AP_FLOOR);
        let (items, gold) = deplain_items(n, document.gold, &links);
        all.extend(items);
        pairs.extend(deplain_pair_items(n, &document.positives(), &links));
        gold_all += gold;
    }
    DeplainAp {
        floor: AP_FLOOR,
        exact_groups: average_precision(&all, gold_all),
        reliability: reliability(&all),
        pair_reliability: reliability(&pairs),
    }
}

/// Writes the `DEplain` report as a table.
pub fn deplain_text(output: &DeplainOutput, out: &mut String) {
    let _ = writeln!(
        out,
        "deplain, {} documents, {}; gold {}",
        output.documents, output.validation, output.gold
    );
    if let Some(best) = &output.best {
        let _ = writeln!(out, "sweep, micro over all documents:");
        let _ = writeln!(
            out,
            "{:>9} {:>7} {:>7} {:>7} {:>8} {:>8} {:>8}",
            "threshold", "link P", "link R", "link F1", "group P", "group R", "group F1"
        );
        for run in &output.runs {
            let (l, g) = (&run.links, &run.groups);
            let _ = writeln!(
                out,
                "{:>9.2} {:>7.3} {:>7.3} {:>7.3} {:>8.3} {:>8.3} {:>8.3}",
                run.threshold, l.precision, l.recall, l.f1, g.precision, g.recall, g.f1
            );
        }
        let _ = writeln!(
            out,
            "best threshold by {}: {:.2} ({:.3})",
            best.metric, best.threshold, best.value
        );
        for p in &output.published {
            let _ = writeln!(out, "published exact-group F1 {}: {:.3}", p.system, p.f1);
        }
    } else {
        for run in &output.runs {
            let _ = writeln!(
                out,
                "threshold {:.2}, micro over all documents",
                run.threshold
            );
            let _ = writeln!(
                out,
                "{:<24} {:>5} {:>5} {:>5} {:>6} {:>6} {:>6} {:>9} {:>11}",
                "level", "pred", "ok", "gold", "P", "R", "F1", "R aligned", "R identical"
            );
            for (name, s) in [
                ("links (parallax)", &run.links),
                ("exact groups (parallax)", &run.groups),
            ] {
                let label = |l: &str| num(s.recall_by_label.get(l).and_then(|r| r.recall));
                let _ = writeln!(
                    out,
                    "{:<24} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3} {:>9} {:>11}",
                    name,
                    s.predicted,
                    s.correct,
                    s.gold,
                    s.precision,
                    s.recall,
                    s.f1,
                    label("aligned"),
                    label("identical")
                );
            }
            for p in &output.published {
                let _ = writeln!(
                    out,
                    "{:<24} {:>5} {:>5} {:>5} {:>6.3} {:>6.3} {:>6.3}",
                    format!("exact groups {}", p.system),
                    "-",
                    "-",
                    "-",
                    p.precision,
                    p.recall,
                    p.f1
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "average precision of the exact groups (links at {:.2}, ranked by score): {}",
        output.average_precision.floor,
        num(output.average_precision.exact_groups)
    );
    reliability_text(
        "link scores (exact groups)",
        &output.average_precision.reliability,
        out,
    );
    reliability_text(
        "link scores (sentence pairs, as for the seeds)",
        &output.average_precision.pair_reliability,
        out,
    );
    let _ = writeln!(
        out,
        "links: expanded (complex, simple) pairs; exact groups: a predicted group counts only if \
         it equals a gold group; published rows: Stodden et al. 2023"
    );
}
