//! Which rows the aligned view shows: filters, folds, keyboard stops and the overview strip.

use crate::row::{Row, RowKind};
use std::collections::BTreeSet;

/// Which rows the aligned view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every row (identical runs and boilerplate still fold).
    #[default]
    All,
    /// Rows that differ: not identical, or moved.
    Changes,
    /// Rows whose link has at least one discrepancy flag.
    Discrepancies,
    /// Left sentences without a counterpart.
    OnlyLeft,
    /// Right sentences without a counterpart.
    OnlyRight,
}

impl Filter {
    /// Every filter, in the order of the buttons.
    pub const ALL: [Filter; 5] = [
        Filter::All,
        Filter::Changes,
        Filter::Discrepancies,
        Filter::OnlyLeft,
        Filter::OnlyRight,
    ];

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "All",
            Filter::Changes => "Only changes",
            Filter::Discrepancies => "Discrepancies",
            Filter::OnlyLeft => "Only left",
            Filter::OnlyRight => "Only right",
        }
    }

    /// A stable name for test hooks.
    pub fn name(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Changes => "changes",
            Filter::Discrepancies => "discrepancies",
            Filter::OnlyLeft => "only-left",
            Filter::OnlyRight => "only-right",
        }
    }

    /// Whether the filter lets `row` through.
    pub fn keeps(self, row: &Row) -> bool {
        match self {
            Filter::All => true,
            Filter::Changes => row.is_change(),
            Filter::Discrepancies => !row.flags.is_empty(),
            Filter::OnlyLeft => row.kind == RowKind::OnlyLeft,
            Filter::OnlyRight => row.kind == RowKind::OnlyRight,
        }
    }
}

/// Why rows are folded away.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FoldKind {
    /// A run of identical rows.
    Identical,
    /// Page furniture (sentence kind `boilerplate`).
    Boilerplate,
}

/// One item of the aligned view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// A row, by index into the rows.
    Row(usize),
    /// Folded rows, by index; the fold is known by its first row.
    Fold {
        /// Why the rows are folded.
        kind: FoldKind,
        /// The folded rows' indices, ascending.
        rows: Vec<usize>,
    },
}

impl Block {
    /// A key unique among the blocks of one row list.
    pub fn key(&self) -> (usize, u8) {
        match self {
            Block::Row(i) => (*i, 0),
            Block::Fold { rows, kind } => (
                rows.first().copied().unwrap_or(usize::MAX),
                1 + u8::from(*kind == FoldKind::Boilerplate),
            ),
        }
    }
}

/// Runs of at least this many identical rows fold.
pub const MIN_IDENTICAL_RUN: usize = 3;

/// Applies `filter` and folds runs of identical rows and boilerplate rows, except folds whose
/// first row index is in `expanded`. A row with discrepancy flags, or with several links,
/// never folds as identical.
pub fn blocks(rows: &[Row], filter: Filter, expanded: &BTreeSet<usize>) -> Vec<Block> {
    let kept: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.keeps(&rows[i]))
        .collect();
    let fold_of = |i: usize| -> Option<FoldKind> {
        let row = &rows[i];
        if row.boilerplate {
            Some(FoldKind::Boilerplate)
        } else if !row.is_change() {
            Some(FoldKind::Identical)
        } else {
            None
        }
    };
    let mut out = Vec::new();
    let mut k = 0;
    while k < kept.len() {
        let i = kept[k];
        let Some(kind) = fold_of(i) else {
            out.push(Block::Row(i));
            k += 1;
            continue;
        };
        let mut run = vec![i];
        while let Some(&next) = kept.get(k + run.len()) {
            if fold_of(next) != Some(kind) {
                break;
            }
            run.push(next);
        }
        k += run.len();
        let folds = match kind {
            FoldKind::Boilerplate => true,
            FoldKind::Identical => run.len() >= MIN_IDENTICAL_RUN,
        };
        if folds && !expanded.contains(&i) {
            out.push(Block::Fold { kind, rows: run });
        } else {
            out.extend(run.into_iter().map(Block::Row));
        }
    }
    out
}

/// The label of a fold, e.g. "12 identical sentences".
pub fn fold_label(kind: FoldKind, count: usize) -> String {
    let plural = if count == 1 { "" } else { "s" };
    match kind {
        FoldKind::Identical => format!("{count} identical sentence{plural}"),
        FoldKind::Boilerplate => format!("{count} line{plural} of page furniture"),
    }
}

/// The row indices keyboard navigation stops at: shown rows that differ.
pub fn stops(rows: &[Row], blocks: &[Block]) -> Vec<usize> {
    blocks
        .iter()
        .filter_map(|b| match b {
            Block::Row(i) => rows.get(*i).filter(|r| r.is_change()).map(|_| *i),
            Block::Fold { .. } => None,
        })
        .collect()
}

/// One mark on the overview strip.
#[derive(Debug, Clone, PartialEq)]
pub struct OverviewMark {
    /// Row index to jump to.
    pub row: usize,
    /// The row kind's stable name.
    pub kind: &'static str,
    /// Top edge as a share of the strip, in `[0, 1)`.
    pub top: f64,
    /// Height as a share of the strip.
    pub height: f64,
}

/// The strip's resolution: marks of one kind closer than `1 / OVERVIEW_SLOTS` of the strip
/// (about 2 pixels on a laptop screen) are drawn as one.
pub const OVERVIEW_SLOTS: usize = 400;

/// Places the shown differing rows on the overview strip, by their position among the blocks.
/// Rows of one kind that lie closer than a slot ([`OVERVIEW_SLOTS`]) to the last mark of their
/// kind widen it instead of adding a mark (it jumps to its first row): a long view of a
/// thousand differing rows draws a few hundred marks, not a thousand (issue 18).
pub fn overview(rows: &[Row], blocks: &[Block]) -> Vec<OverviewMark> {
    let total = blocks.len().max(1) as f64;
    let slot = 1.0 / OVERVIEW_SLOTS as f64;
    let mut marks: Vec<OverviewMark> = Vec::new();
    // The last mark of each kind, by index in `marks`.
    let mut last: Vec<(&'static str, usize)> = Vec::new();
    for (k, block) in blocks.iter().enumerate() {
        let Block::Row(i) = block else { continue };
        let Some(row) = rows.get(*i).filter(|r| r.is_change()) else {
            continue;
        };
        let (kind, top, bottom) = (row.kind.name(), k as f64 / total, (k + 1) as f64 / total);
        let of_kind = last.iter().position(|(name, _)| *name == kind);
        let close = of_kind
            .map(|at| last[at].1)
            .filter(|&mark| top - (marks[mark].top + marks[mark].height) < slot);
        if let Some(mark) = close {
            marks[mark].height = bottom - marks[mark].top;
            continue;
        }
        match of_kind {
            Some(at) => last[at].1 = marks.len(),
            None => last.push((kind, marks.len())),
        }
        marks.push(OverviewMark {
            row: *i,
            kind,
            top,
            height: bottom - top,
        });
    }
    marks
}
