//! The fact grid of an N-article report: one row per fact, one column per article.
//!
//! Every fact cluster of the report is a row. Every other sentence (not page furniture) gets a
//! row of its own, so each sentence appears in exactly one row. Rows follow the reading order
//! of a chosen **base** article; a row the base does not carry is placed after the row of the
//! nearest sentence before it (in the first other article that carries it) that the base does
//! carry, so a fact only others report sits where they report it.

use parallax::report::{Report, SentenceKind};

/// The grid of a report.
#[derive(Debug, Clone, PartialEq)]
pub struct Grid {
    /// The article whose order the rows follow.
    pub base: usize,
    /// The columns: document positions, the base first, then the others in input order.
    pub columns: Vec<usize>,
    /// The rows, in the base article's order.
    pub rows: Vec<GridRow>,
}

/// One row of the [`Grid`]: one fact.
#[derive(Debug, Clone, PartialEq)]
pub struct GridRow {
    /// The report's cluster this row shows, or `None` for a sentence no cluster holds.
    pub cluster: Option<usize>,
    /// For every document (indexed like `report.documents`, not like `columns`), its
    /// sentences in this row; empty where the article does not report the fact.
    pub cells: Vec<Vec<usize>>,
    /// The cluster's score (`None` for a sentence of its own).
    pub score: Option<f64>,
    /// Whether any link between this row's sentences carries a discrepancy flag.
    pub flagged: bool,
    /// For every document (indexed like `cells`), whether its cell is a side of such a
    /// flagged link: the cells that disagree.
    pub marked: Vec<bool>,
}

impl GridRow {
    /// How many articles carry this fact.
    pub fn carried_by(&self) -> usize {
        self.cells.iter().filter(|c| !c.is_empty()).count()
    }
}

/// The row of sentence `s` of document `doc` in `row_of`, if it has one yet. Dense lists, not a
/// B-tree keyed by pairs: one B-tree type less in the page's wasm.
fn row_at(row_of: &[Vec<Option<usize>>], doc: usize, s: usize) -> Option<usize> {
    row_of.get(doc).and_then(|d| d.get(s)).copied().flatten()
}

/// The grid of `report`, rows in the order of document `base` (the first document when `base`
/// is out of range).
pub fn grid(report: &Report, base: usize) -> Grid {
    let n = report.documents.len();
    let base = if base < n { base } else { 0 };
    let mut rows: Vec<GridRow> = Vec::new();
    // row_of[doc][sentence] = the sentence's row (see [`row_at`])
    let mut row_of: Vec<Vec<Option<usize>>> = report
        .documents
        .iter()
        .map(|d| vec![None; d.sentences.len()])
        .collect();
    for (index, cluster) in report.clusters.iter().enumerate() {
        let mut cells = vec![Vec::new(); n];
        for member in cluster.members.iter().filter(|m| m.doc < n) {
            let count = report.documents[member.doc].sentences.len();
            cells[member.doc] = member
                .sentences
                .iter()
                .copied()
                .filter(|&s| s < count && row_of[member.doc][s].is_none())
                .collect();
        }
        if cells.iter().all(Vec::is_empty) {
            continue;
        }
        for (doc, sentences) in cells.iter().enumerate() {
            for &s in sentences {
                row_of[doc][s] = Some(rows.len());
            }
        }
        rows.push(GridRow {
            cluster: Some(index),
            cells,
            score: Some(cluster.score),
            flagged: false,
            marked: vec![false; n],
        });
    }
    for (doc, document) in report.documents.iter().enumerate() {
        for (s, sentence) in document.sentences.iter().enumerate() {
            if sentence.kind == SentenceKind::Boilerplate || row_of[doc][s].is_some() {
                continue;
            }
            let mut cells = vec![Vec::new(); n];
            cells[doc] = vec![s];
            row_of[doc][s] = Some(rows.len());
            rows.push(GridRow {
                cluster: None,
                cells,
                score: None,
                flagged: false,
                marked: vec![false; n],
            });
        }
    }
    for link in report.links.iter().filter(|l| !l.flags.is_empty()) {
        let [a, b] = link.docs;
        let left = link.left.iter().filter_map(|&s| row_at(&row_of, a, s));
        for row in left {
            if link
                .right
                .iter()
                .any(|&s| row_at(&row_of, b, s) == Some(row))
            {
                rows[row].flagged = true;
                rows[row].marked[a] = true;
                rows[row].marked[b] = true;
            }
        }
    }

    // Order: a base row at its base sentence; another row after the last base-carried row
    // before it in the first article that carries it.
    let keys: Vec<(Option<usize>, usize, usize, usize)> = rows
        .iter()
        .map(|row| {
            if let Some(&first) = row.cells[base].first() {
                return (Some(first), 0, base, first);
            }
            let Some((doc, &first)) = row
                .cells
                .iter()
                .enumerate()
                .find_map(|(d, c)| c.first().map(|s| (d, s)))
            else {
                return (Some(usize::MAX), 1, 0, 0);
            };
            let anchor = (0..first)
                .rev()
                .filter_map(|s| row_at(&row_of, doc, s))
                .find_map(|r| rows[r].cells[base].first().copied());
            (anchor, 1, doc, first)
        })
        .collect();
    let mut keyed: Vec<_> = keys.into_iter().zip(rows).collect();
    parallax::order::sort_by_key(&mut keyed, |(key, _)| *key);
    let rows = keyed.into_iter().map(|(_, row)| row).collect();
    let columns = std::iter::once(base)
        .chain((0..n).filter(|&d| d != base))
        .collect();
    Grid {
        base,
        columns,
        rows,
    }
}
