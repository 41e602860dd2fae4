//! Reliability of the link scores: does a score of 0.7 mean that about 70% of such links are
//! right? The ranked items of [`crate::ap`] (out of sample, links taken at [`AP_FLOOR`]) are
//! put in bins of width 0.1 by score; each bin reports its items, their mean score and the
//! share that is right. The expected calibration error (ECE) sums, over the bins, the bin's
//! share of all items times `|mean score − share right|`: 0 for perfectly calibrated scores.
//!
//! [`AP_FLOOR`]: crate::ap::AP_FLOOR

use crate::ap::Ranked;
use serde::Serialize;
use std::fmt::Write as _;

/// Width of a score bin.
const WIDTH: f64 = 0.1;

/// One score bin.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bin {
    /// Lowest score in the bin (inclusive).
    pub from: f64,
    /// Highest score in the bin (exclusive, except 1.0 for the last bin).
    pub to: f64,
    /// Items scored in the bin.
    pub items: usize,
    /// Mean score of those items; `null` for an empty bin.
    pub mean_score: Option<f64>,
    /// Share of those items that are right; `null` for an empty bin.
    pub share_right: Option<f64>,
}

/// The reliability table and its expected calibration error.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Reliability {
    /// Bins from low to high scores; only bins from the lowest scored item up.
    pub bins: Vec<Bin>,
    /// Expected calibration error over all items; `null` without items.
    pub ece: Option<f64>,
}

/// The bin index of `score` (scores of 1 go to the last bin).
fn bin_of(score: f64) -> usize {
    let bins = (1.0 / WIDTH).round() as usize;
    ((score.clamp(0.0, 1.0) / WIDTH + 1e-9).floor() as usize).min(bins - 1)
}

/// Bins `items` by score.
pub fn reliability<K>(items: &[Ranked<K>]) -> Reliability {
    let count = (1.0 / WIDTH).round() as usize;
    let mut sums = vec![(0_usize, 0.0_f64, 0_usize); count];
    for item in items {
        if let Some(b) = sums.get_mut(bin_of(item.score)) {
            b.0 += 1;
            b.1 += item.score;
            b.2 += usize::from(item.correct);
        }
    }
    let first = sums.iter().position(|b| b.0 > 0).unwrap_or(count);
    let total = items.len();
    let mut ece = 0.0;
    let bins: Vec<Bin> = sums
        .iter()
        .enumerate()
        .skip(first)
        .map(|(k, &(n, score, right))| {
            let (mean, share) = if n > 0 {
                (score / n as f64, right as f64 / n as f64)
            } else {
                (f64::NAN, f64::NAN)
            };
            if n > 0 {
                ece += n as f64 / total as f64 * (mean - share).abs();
            }
            Bin {
                from: k as f64 / count as f64,
                to: (k + 1) as f64 / count as f64,
                items: n,
                mean_score: (n > 0).then_some(mean),
                share_right: (n > 0).then_some(share),
            }
        })
        .collect();
    Reliability {
        bins,
        ece: (total > 0).then_some(ece),
    }
}

/// Writes the table: one line per bin, then the ECE.
pub fn reliability_text(title: &str, table: &Reliability, out: &mut String) {
    let _ = writeln!(out, "reliability of the {title} (out of sample):");
    let _ = writeln!(
        out,
        "{:>11} {:>6} {:>7} {:>7}",
        "score", "items", "mean", "right"
    );
    let num = |v: Option<f64>| v.map_or_else(|| "-".to_owned(), |v| format!("{v:.3}"));
    for bin in &table.bins {
        let _ = writeln!(
            out,
            "{:>11} {:>6} {:>7} {:>7}",
            format!("{:.1}-{:.1}", bin.from, bin.to),
            bin.items,
            num(bin.mean_score),
            num(bin.share_right)
        );
    }
    let _ = writeln!(out, "expected calibration error: {}", num(table.ece));
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(score: f64, correct: bool) -> Ranked<u8> {
        Ranked {
            score,
            correct,
            hits: Vec::new(),
        }
    }

    #[test]
    fn bins_count_items_and_share_right() {
        let items = [
            item(0.72, true),
            item(0.75, false),
            item(0.95, true),
            item(1.0, true),
        ];
        let table = reliability(&items);
        assert_eq!(table.bins.len(), 3, "{table:?}");
        assert_eq!(table.bins[0].from.to_bits(), 0.7_f64.to_bits());
        assert_eq!(table.bins[0].items, 2);
        assert_eq!(table.bins[0].share_right, Some(0.5));
        assert_eq!(table.bins[1].items, 0);
        assert_eq!(table.bins[2].items, 2);
        let ece = table.ece.unwrap();
        let expected = 0.5 * (0.735_f64 - 0.5).abs() + 0.5 * (0.975_f64 - 1.0).abs();
        assert!((ece - expected).abs() < 1e-9, "{ece}");
        assert_eq!(reliability::<u8>(&[]).ece, None);
    }

    #[test]
    fn a_bin_edge_goes_up() {
        assert_eq!(bin_of(0.7), 7);
        assert_eq!(bin_of(0.1), 1);
        assert_eq!(bin_of(0.0), 0);
        assert_eq!(bin_of(1.0), 9);
    }
}
