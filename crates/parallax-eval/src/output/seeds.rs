//! The seed report: leave-one-pair-out P/R/F1, recall of `same`+`paraphrase`, average precision.

use super::{best, label_recalls, num, thresholds, Best, Error, LabelRecall, Settings};
use crate::ap::{average_precision, seed_items, AP_FLOOR};
use crate::metrics::OverlapCounts;
use crate::reliability::{reliability, reliability_text, Reliability};
use crate::seeds::{self, SeedExample};
use parallax::fitting::ScoreTable;
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;

#[derive(Debug, Clone, Serialize)]
pub(crate) struct SeedScores {
    predicted_pairs: usize,
    correct_pairs: usize,
    /// Predicted pairs with a side that overlaps no gold sentence (counted wrong).
    unmapped_pairs: usize,
    gold_links: usize,
    gold_links_hit: usize,
    pub(crate) precision: f64,
    pub(crate) recall: f64,
    pub(crate) f1: f64,
    recall_by_label: BTreeMap<&'static str, LabelRecall>,
    /// Recall over `same` and `paraphrase` links together.
    pub(crate) recall_same_paraphrase: Option<f64>,
}

impl SeedScores {
    pub(crate) fn new(counts: &OverlapCounts<seeds::Label>) -> Self {
        let links = &counts.links;
        let prf = links.prf();
        Self {
            predicted_pairs: links.predicted,
            correct_pairs: links.correct,
            unmapped_pairs: counts.unmapped,
            gold_links: links.gold,
            gold_links_hit: links.hit,
            precision: prf.precision,
            recall: prf.recall,
            f1: prf.f1,
            recall_by_label: label_recalls(links, &seeds::Label::ALL, seeds::Label::name),
            recall_same_paraphrase: links
                .recall_of(&[seeds::Label::Same, seeds::Label::Paraphrase]),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
struct SeedPairScores {
    pair: String,
    left: String,
    right: String,
    #[serde(flatten)]
    scores: SeedScores,
}

#[derive(Debug, Clone, Serialize)]
struct SeedsReport {
    threshold: f64,
    pairs: Vec<SeedPairScores>,
    micro: SeedScores,
}

/// Average precision of the link scores (threshold-free; see [`crate::ap`]).
#[derive(Debug, Clone, Serialize)]
pub(crate) struct SeedAp {
    /// Links are ranked as found at this threshold.
    floor: f64,
    /// Over all pairs' predicted sentence pairs pooled; `null` without gold links.
    pub(crate) micro: Option<f64>,
    /// Per seed pair.
    pairs: BTreeMap<String, Option<f64>>,
    /// Score bins of the pooled sentence pairs and the share right in each.
    pub(crate) reliability: Reliability,
}

/// Everything `parallax-eval seeds` reports.
#[derive(Debug, Clone, Serialize)]
pub struct SeedsOutput {
    eval: &'static str,
    validation: &'static str,
    gold: String,
    overlap_rule: &'static str,
    /// One report per threshold (one unless sweeping).
    runs: Vec<SeedsReport>,
    average_precision: SeedAp,
    /// With `--sweep`: the threshold with the best micro F1.
    #[serde(skip_serializing_if = "Option::is_none")]
    best: Option<Best>,
}

const VALIDATION: &str = "leave one pair out: each seed pair is scored by models refitted on \
                          the other seed pairs and all DEplain documents";

const OVERLAP_RULE: &str = "a predicted sentence matches a gold sentence when they share at least \
                            half of the shorter byte range (2*|P&G| >= min(|P|,|G|) > 0)";

/// Scores each seed pair with its own table (from models fitted without it).
pub fn seeds_output(
    gold: &str,
    examples: &[SeedExample<'_>],
    tables: &[ScoreTable],
    settings: &Settings,
) -> Result<SeedsOutput, Error> {
    let thresholds = thresholds(settings)?;
    let runs: Vec<SeedsReport> = thresholds
        .iter()
        .map(|&threshold| {
            let mut micro = OverlapCounts::default();
            let pairs = examples
                .iter()
                .zip(tables)
                .map(|(example, table)| {
                    let counts = example.score(table, threshold);
                    micro.add(&counts);
                    SeedPairScores {
                        pair: example.pair.name.clone(),
                        left: example.pair.left.file.clone(),
                        right: example.pair.right.file.clone(),
                        scores: SeedScores::new(&counts),
                    }
                })
                .collect();
            SeedsReport {
                threshold,
                pairs,
                micro: SeedScores::new(&micro),
            }
        })
        .collect();
    let f1s: Vec<f64> = runs.iter().map(|r| r.micro.f1).collect();
    Ok(SeedsOutput {
        eval: "seeds",
        validation: VALIDATION,
        gold: gold.to_owned(),
        overlap_rule: OVERLAP_RULE,
        best: if settings.sweep {
            best(&thresholds, &f1s, "micro f1")
        } else {
            None
        },
        runs,
        average_precision: seed_ap(examples, tables),
    })
}

/// Average precision per pair and pooled over all pairs.
pub(crate) fn seed_ap(examples: &[SeedExample<'_>], tables: &[ScoreTable]) -> SeedAp {
    let (mut all, mut gold_all) = (Vec::new(), 0);
    let mut pairs = BTreeMap::new();
    for (unit, (example, table)) in examples.iter().zip(tables).enumerate() {
        let (items, gold) = seed_items(unit, example, &table.links(AP_FLOOR));
        pairs.insert(example.pair.name.clone(), average_precision(&items, gold));
        all.extend(items);
        gold_all += gold;
    }
    SeedAp {
        floor: AP_FLOOR,
        micro: average_precision(&all, gold_all),
        pairs,
        reliability: reliability(&all),
    }
}

/// Writes the seed report as a table.
pub fn seeds_text(output: &SeedsOutput, out: &mut String) {
    let _ = writeln!(out, "seeds, {}; gold {}", output.validation, output.gold);
    if let Some(best) = &output.best {
        let _ = writeln!(out, "sweep, micro over all pairs:");
        let _ = writeln!(
            out,
            "{:>9} {:>5} {:>4} {:>5} {:>4} {:>4} {:>6} {:>6} {:>6} {:>9}",
            "threshold", "pred", "ok", "unmap", "gold", "hit", "P", "R", "F1", "R s+p"
        );
        for run in &output.runs {
            let m = &run.micro;
            let _ = writeln!(
                out,
                "{:>9.2} {:>5} {:>4} {:>5} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>9}",
                run.threshold,
                m.predicted_pairs,
                m.correct_pairs,
                m.unmapped_pairs,
                m.gold_links,
                m.gold_links_hit,
                m.precision,
                m.recall,
                m.f1,
                num(m.recall_same_paraphrase)
            );
        }
        let _ = writeln!(
            out,
            "best threshold by {}: {:.2} ({:.3})",
            best.metric, best.threshold, best.value
        );
    } else {
        for run in &output.runs {
            let _ = writeln!(out, "threshold {:.2}", run.threshold);
            let _ = writeln!(
                out,
                "{:<8} {:>5} {:>4} {:>5} {:>4} {:>4} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
                "pair", "pred", "ok", "unmap", "gold", "hit", "P", "R", "F1", "R same", "R para",
                "R part", "R s+p", "AP"
            );
            let rows = run.pairs.iter().map(|p| {
                let ap = output
                    .average_precision
                    .pairs
                    .get(&p.pair)
                    .copied()
                    .flatten();
                (p.pair.as_str(), &p.scores, ap)
            });
            let micro = ("micro", &run.micro, output.average_precision.micro);
            for (name, s, ap) in rows.chain([micro]) {
                let label = |l: &str| num(s.recall_by_label.get(l).and_then(|r| r.recall));
                let _ = writeln!(
                    out,
                    "{:<8} {:>5} {:>4} {:>5} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6} {:>6} {:>6}",
                    name,
                    s.predicted_pairs,
                    s.correct_pairs,
                    s.unmapped_pairs,
                    s.gold_links,
                    s.gold_links_hit,
                    s.precision,
                    s.recall,
                    s.f1,
                    label("same"),
                    label("paraphrase"),
                    label("partial"),
                    num(s.recall_same_paraphrase),
                    num(ap)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "average precision of the link scores (links at {:.2}, pairs ranked by score): {}",
        output.average_precision.floor,
        num(output.average_precision.micro)
    );
    reliability_text(
        "link scores (sentence pairs)",
        &output.average_precision.reliability,
        out,
    );
    let _ = writeln!(
        out,
        "pred/ok: predicted sentence pairs/correct; unmap: pairs touching no gold sentence \
         (counted wrong); gold/hit: gold links/found; R s+p: recall of same+paraphrase"
    );
}
