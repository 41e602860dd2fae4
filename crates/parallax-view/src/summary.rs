//! The numbers of the summary bar.

use crate::row::{Row, RowKind};
use parallax::report::Report;

/// The summary bar's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    /// Share of each article's body text found in the other, in `[0, 1]`.
    pub shares: [f64; 2],
    /// Rows per kind, in [`RowKind::ALL`] order.
    pub counts: Vec<(RowKind, usize)>,
    /// Words only on the right side of links.
    pub words_added: usize,
    /// Words only on the left side of links.
    pub words_removed: usize,
    /// Discrepancy flags on the rows.
    pub flags: usize,
    /// Of those, the conflicts (the rest are variants, such as a name's other spelling).
    pub conflicts: usize,
}

/// Collects the summary from the report's stats and the rows.
pub fn summary(report: &Report, rows: &[Row]) -> Summary {
    let share = |doc: usize| {
        report
            .stats
            .matched_share
            .get(doc)
            .copied()
            .filter(|s| s.is_finite())
            .map_or(0.0, |s| s.clamp(0.0, 1.0))
    };
    let counts = RowKind::ALL
        .iter()
        .map(|&kind| {
            // Page furniture folds away and is no part of either article's story.
            let n = rows
                .iter()
                .filter(|r| !r.boilerplate && r.kind.normalized() == kind)
                .count();
            (kind, n)
        })
        .collect();
    Summary {
        shares: [share(0), share(1)],
        counts,
        words_added: report.stats.words_added,
        words_removed: report.stats.words_removed,
        flags: rows.iter().map(|r| r.flags.len()).sum(),
        conflicts: rows
            .iter()
            .flat_map(|r| &r.flags)
            .filter(|f| f.is_conflict())
            .count(),
    }
}
