//! `parallax eval`: measure the aligner against gold alignments and print the metrics.
//!
//! Two gold sets, read from `../shared/eval` by default (evaluation-only data, never copied
//! into the repository):
//!
//! - **seeds**: hand-made links between sentences of real news articles. The real pipeline
//!   (`parallax::compare`, our own segmentation) runs on the raw seed texts; its links are
//!   expanded into sentence pairs and matched to gold sentences by byte overlap.
//! - **deplain**: DEplain-web, German complex/simple document pairs that come pre-segmented.
//!   The given sentences are tokenized one by one (in the language `detect_language` finds,
//!   German) and aligned with `parallax::align::align`; links (expanded pairs) and exact
//!   groups are scored as in Stodden et al. (ACL 2023).
//!
//! [`fit`] (`parallax eval fit`) learns the aligner's model weights from both gold sets and
//! reports the same metrics for the new weights, plus a leave-one-seed-pair-out check.
//!
//! The precise definitions (overlap, pairs, empty denominators) are in [`metrics`]. Averages
//! over pairs or documents are micro averages: counts are summed, then divided.

mod deplain;
pub mod fit;
mod metrics;
mod seeds;

use metrics::{best_index, sweep_thresholds, Counts, LabelCounts, OverlapCounts};
use serde::Serialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Default path of the seed gold file, relative to the current folder (the repository root).
pub const DEFAULT_SEEDS_GOLD: &str = "../shared/eval/seeds_gold_dev.json";
/// Default folder of the seed articles.
pub const DEFAULT_SEEDS_DIR: &str = "../shared/samples/seeds";
/// Default path of the DEplain-web manual alignment.
pub const DEFAULT_DEPLAIN_GOLD: &str =
    "../shared/eval/deplain_web/deplain_web_manual_alignment.json";

/// A failure to evaluate, reported as one line.
#[derive(Debug)]
pub struct Error(pub String);

/// How to print the metrics.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// A compact table.
    Text,
    /// Machine-readable JSON.
    Json,
}

/// What to run and how to print it.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A fixed threshold; `None` uses the engine's default.
    pub threshold: Option<f64>,
    /// Try every threshold from 0.10 to 0.90 in steps of 0.05 instead.
    pub sweep: bool,
    /// Output format.
    pub format: Format,
}

/// Where the seed gold data is.
#[derive(Debug, Clone)]
pub struct SeedsPaths {
    /// The gold file.
    pub gold: PathBuf,
    /// The folder holding the seed articles the gold file names.
    pub seeds: PathBuf,
}

/// Runs the seed evaluation and returns the text to print.
pub fn run_seeds(paths: &SeedsPaths, settings: &Settings) -> Result<String, Error> {
    let output = seeds_output(paths, settings)?;
    render(settings.format, &output, |out| seeds_text(&output, out))
}

/// Runs the `DEplain` evaluation and returns the text to print.
pub fn run_deplain(gold: &Path, settings: &Settings) -> Result<String, Error> {
    let output = deplain_output(gold, settings)?;
    render(settings.format, &output, |out| deplain_text(&output, out))
}

/// Runs both evaluations and returns the text to print.
pub fn run_all(seeds: &SeedsPaths, deplain: &Path, settings: &Settings) -> Result<String, Error> {
    #[derive(Serialize)]
    struct All {
        seeds: SeedsOutput,
        deplain: DeplainOutput,
    }
    let all = All {
        seeds: seeds_output(seeds, settings)?,
        deplain: deplain_output(deplain, settings)?,
    };
    render(settings.format, &all, |out| {
        seeds_text(&all.seeds, out);
        out.push('\n');
        deplain_text(&all.deplain, out);
    })
}

fn render<T: Serialize>(
    format: Format,
    value: &T,
    text: impl FnOnce(&mut String),
) -> Result<String, Error> {
    match format {
        Format::Json => serde_json::to_string_pretty(value)
            .map_err(|e| Error(format!("cannot write the metrics: {e}"))),
        Format::Text => {
            let mut out = String::new();
            text(&mut out);
            Ok(out.trim_end().to_owned())
        }
    }
}

/// Reads a gold file; a missing file is named in a one-line error.
fn read_gold(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error(format!("gold file not found: {}", path.display()))
        } else {
            Error(format!("cannot read gold file {}: {e}", path.display()))
        }
    })
}

/// The thresholds to run: the sweep, the given one, or the engine's default.
fn thresholds(settings: &Settings) -> Result<Vec<f64>, Error> {
    if settings.sweep {
        return Ok(sweep_thresholds());
    }
    let threshold = settings
        .threshold
        .unwrap_or(parallax::Options::default().threshold);
    if !(0.0..=1.0).contains(&threshold) {
        return Err(Error(format!(
            "threshold must be in [0, 1], got {threshold}"
        )));
    }
    Ok(vec![threshold])
}

/// Recall of one gold label.
#[derive(Debug, Clone, Copy, Serialize)]
struct LabelRecall {
    gold: usize,
    hit: usize,
    /// `null` when there is no gold item with this label.
    recall: Option<f64>,
}

fn label_recalls<L: Ord + Copy>(
    counts: &Counts<L>,
    labels: &[L],
    name: impl Fn(L) -> &'static str,
) -> BTreeMap<&'static str, LabelRecall> {
    labels
        .iter()
        .map(|&label| {
            let c = counts
                .by_label
                .get(&label)
                .copied()
                .unwrap_or(LabelCounts::default());
            (
                name(label),
                LabelRecall {
                    gold: c.gold,
                    hit: c.hit,
                    recall: c.recall(),
                },
            )
        })
        .collect()
}

/// The best threshold of a sweep and the score that picked it.
#[derive(Debug, Clone, Serialize)]
struct Best {
    threshold: f64,
    metric: &'static str,
    value: f64,
}

fn best(thresholds: &[f64], scores: &[f64], metric: &'static str) -> Option<Best> {
    best_index(scores).map(|i| Best {
        threshold: thresholds[i],
        metric,
        value: scores[i],
    })
}

// ---------------------------------------------------------------------------------------------
// Seeds

#[derive(Debug, Clone, Serialize)]
struct SeedScores {
    predicted_pairs: usize,
    correct_pairs: usize,
    /// Predicted pairs with a side that overlaps no gold sentence (counted wrong).
    unmapped_pairs: usize,
    gold_links: usize,
    gold_links_hit: usize,
    precision: f64,
    recall: f64,
    f1: f64,
    recall_by_label: BTreeMap<&'static str, LabelRecall>,
    /// Recall over `same` and `paraphrase` links together.
    recall_same_paraphrase: Option<f64>,
}

impl SeedScores {
    fn new(counts: &OverlapCounts<seeds::Label>) -> Self {
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

#[derive(Debug, Clone, Serialize)]
struct SeedsOutput {
    eval: &'static str,
    gold: String,
    seeds: String,
    overlap_rule: &'static str,
    /// One report per threshold (one unless sweeping).
    runs: Vec<SeedsReport>,
    /// With `--sweep`: the threshold with the best micro F1.
    #[serde(skip_serializing_if = "Option::is_none")]
    best: Option<Best>,
}

const OVERLAP_RULE: &str = "a predicted sentence matches a gold sentence when they share at least \
                            half of the shorter byte range (2*|P&G| >= min(|P|,|G|) > 0)";

fn seeds_output(paths: &SeedsPaths, settings: &Settings) -> Result<SeedsOutput, Error> {
    let thresholds = thresholds(settings)?;
    let pairs = seeds::load(&paths.gold, &paths.seeds)?;
    let runs: Vec<SeedsReport> = thresholds
        .iter()
        .map(|&threshold| {
            let mut micro = OverlapCounts::default();
            let pairs = pairs
                .iter()
                .map(|pair| {
                    let counts = seeds::evaluate(pair, threshold);
                    micro.add(&counts);
                    SeedPairScores {
                        pair: pair.name.clone(),
                        left: pair.left.file.clone(),
                        right: pair.right.file.clone(),
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
        gold: paths.gold.display().to_string(),
        seeds: paths.seeds.display().to_string(),
        overlap_rule: OVERLAP_RULE,
        best: if settings.sweep {
            best(&thresholds, &f1s, "micro f1")
        } else {
            None
        },
        runs,
    })
}

fn num(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

fn seeds_text(output: &SeedsOutput, out: &mut String) {
    let _ = writeln!(
        out,
        "eval seeds: gold {}, seeds {}",
        output.gold, output.seeds
    );
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
                "{:<8} {:>5} {:>4} {:>5} {:>4} {:>4} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}",
                "pair",
                "pred",
                "ok",
                "unmap",
                "gold",
                "hit",
                "P",
                "R",
                "F1",
                "R same",
                "R para",
                "R part",
                "R s+p"
            );
            let rows = run.pairs.iter().map(|p| (p.pair.as_str(), &p.scores));
            for (name, s) in rows.chain([("micro", &run.micro)]) {
                let label = |l: &str| num(s.recall_by_label.get(l).and_then(|r| r.recall));
                let _ = writeln!(
                    out,
                    "{:<8} {:>5} {:>4} {:>5} {:>4} {:>4} {:>6.3} {:>6.3} {:>6.3} {:>6} {:>6} {:>6} {:>6}",
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
                    num(s.recall_same_paraphrase)
                );
            }
        }
    }
    let _ = writeln!(
        out,
        "pred/ok: predicted sentence pairs/correct; unmap: pairs touching no gold sentence \
         (counted wrong); gold/hit: gold links/found; R s+p: recall of same+paraphrase"
    );
}

// ---------------------------------------------------------------------------------------------
// DEplain

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

#[derive(Debug, Clone, Serialize)]
struct DeplainOutput {
    eval: &'static str,
    gold: String,
    documents: usize,
    /// One report per threshold (one unless sweeping).
    runs: Vec<DeplainReport>,
    /// With `--sweep`: the threshold with the best exact-group F1.
    #[serde(skip_serializing_if = "Option::is_none")]
    best: Option<Best>,
    /// Exact-group scores published for DEplain-web (Stodden et al. 2023).
    published: Vec<Published>,
}

fn deplain_output(gold: &Path, settings: &Settings) -> Result<DeplainOutput, Error> {
    let thresholds = thresholds(settings)?;
    let documents = deplain::load(gold)?;
    let runs: Vec<DeplainReport> = thresholds
        .iter()
        .map(|&threshold| {
            let (mut links, mut groups) = (Counts::default(), Counts::default());
            for document in &documents {
                let (doc_links, doc_groups) = deplain::evaluate(document, threshold);
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
        gold: gold.display().to_string(),
        documents: documents.len(),
        best: if settings.sweep {
            best(&thresholds, &f1s, "exact-group f1")
        } else {
            None
        },
        runs,
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

fn deplain_text(output: &DeplainOutput, out: &mut String) {
    let _ = writeln!(
        out,
        "eval deplain: gold {}, {} documents",
        output.gold, output.documents
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
        return;
    }
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
    let _ = writeln!(
        out,
        "links: expanded (complex, simple) pairs; exact groups: a predicted group counts only if \
         it equals a gold group; published rows: Stodden et al. 2023"
    );
}
