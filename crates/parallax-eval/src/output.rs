//! What `parallax-eval` prints: the out-of-sample metrics as a table or as JSON.
//!
//! Averages over pairs or documents are micro averages: counts are summed, then divided.
//! The precise definitions (overlap, pairs, empty denominators) are in [`crate::metrics`],
//! average precision in [`crate::ap`].

pub mod deplain;
pub mod seeds;

use crate::metrics::{best_index, sweep_thresholds, Counts, LabelCounts};
use serde::Serialize;
use std::collections::BTreeMap;
use std::path::Path;

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

/// Which thresholds to report and how to print them.
#[derive(Debug, Clone)]
pub struct Settings {
    /// A fixed threshold; `None` uses the engine's default.
    pub threshold: Option<f64>,
    /// Try every threshold from 0.10 to 0.90 in steps of 0.05 instead.
    pub sweep: bool,
    /// Output format.
    pub format: Format,
}

impl Settings {
    /// Text output at one threshold (`None`: the engine's), no sweep.
    pub fn text(threshold: Option<f64>) -> Self {
        Self {
            threshold,
            sweep: false,
            format: Format::Text,
        }
    }
}

/// Renders `value` as JSON, or as the text `text` writes.
pub fn render<T: Serialize>(
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
pub fn read_gold(path: &Path) -> Result<String, Error> {
    std::fs::read_to_string(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::NotFound {
            Error(format!("gold file not found: {}", path.display()))
        } else {
            Error(format!("cannot read gold file {}: {e}", path.display()))
        }
    })
}

/// The thresholds to run: the sweep, the given one, or the engine's default.
pub fn thresholds(settings: &Settings) -> Result<Vec<f64>, Error> {
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

/// A number with three decimals, or `-` for none.
pub fn num(value: Option<f64>) -> String {
    value.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"))
}

/// Recall of one gold label.
#[derive(Debug, Clone, Copy, Serialize)]
pub(crate) struct LabelRecall {
    gold: usize,
    hit: usize,
    /// `null` when there is no gold item with this label.
    recall: Option<f64>,
}

pub(crate) fn label_recalls<L: Ord + Copy>(
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
pub(crate) struct Best {
    threshold: f64,
    metric: &'static str,
    value: f64,
}

pub(crate) fn best(thresholds: &[f64], scores: &[f64], metric: &'static str) -> Option<Best> {
    best_index(scores).map(|i| Best {
        threshold: thresholds[i],
        metric,
        value: scores[i],
    })
}
