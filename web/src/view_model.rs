//! Turns a [`Report`] into what the page shows beyond the rows: filters, folds, keyboard stops,
//! the overview strip, summary numbers, ribbons and partners.
//!
//! The rows themselves (links in the left article's order, unmatched sentences in place, moved
//! marks, cleaned text with word marks) come from [`parallax_html::layout`], the one row
//! builder every renderer shares; its types are re-exported here. Plain Rust with native unit
//! tests; the components only map these values to elements.

use parallax::report::Report;
use parallax_html::layout::{link_indices, sentences};
pub use parallax_html::layout::{
    paragraphs, plain, role_name, rows_with_text as rows, Mark, Moved, Piece, Row, RowKind,
    SentenceView,
};
use std::collections::{BTreeMap, BTreeSet};

/// Which rows the aligned view shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Filter {
    /// Every row (identical runs and boilerplate still fold).
    #[default]
    All,
    /// Rows that differ: not identical, or moved.
    Changes,
    /// Left sentences without a counterpart.
    OnlyLeft,
    /// Right sentences without a counterpart.
    OnlyRight,
}

impl Filter {
    /// Every filter, in the order of the buttons.
    pub const ALL: [Filter; 4] = [
        Filter::All,
        Filter::Changes,
        Filter::OnlyLeft,
        Filter::OnlyRight,
    ];

    /// The button label.
    pub fn label(self) -> &'static str {
        match self {
            Filter::All => "All",
            Filter::Changes => "Only changes",
            Filter::OnlyLeft => "Only left",
            Filter::OnlyRight => "Only right",
        }
    }

    /// A stable name for test hooks.
    pub fn name(self) -> &'static str {
        match self {
            Filter::All => "all",
            Filter::Changes => "changes",
            Filter::OnlyLeft => "only-left",
            Filter::OnlyRight => "only-right",
        }
    }

    /// Whether the filter lets `row` through.
    pub fn keeps(self, row: &Row) -> bool {
        match self {
            Filter::All => true,
            Filter::Changes => row.is_change(),
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
/// first row index is in `expanded`.
pub fn blocks(rows: &[Row], filter: Filter, expanded: &BTreeSet<usize>) -> Vec<Block> {
    let kept: Vec<usize> = (0..rows.len())
        .filter(|&i| filter.keeps(&rows[i]))
        .collect();
    let fold_of = |i: usize| -> Option<FoldKind> {
        let row = &rows[i];
        if row.boilerplate {
            Some(FoldKind::Boilerplate)
        } else if row.kind.is_identical() && row.moved.is_none() {
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

/// Places the shown differing rows on the overview strip, by their position among the blocks.
pub fn overview(rows: &[Row], blocks: &[Block]) -> Vec<OverviewMark> {
    let total = blocks.len().max(1) as f64;
    blocks
        .iter()
        .enumerate()
        .filter_map(|(k, b)| match b {
            Block::Row(i) => rows
                .get(*i)
                .filter(|r| r.is_change())
                .map(|r| OverviewMark {
                    row: *i,
                    kind: r.kind.name(),
                    top: k as f64 / total,
                    height: 1.0 / total,
                }),
            Block::Fold { .. } => None,
        })
        .collect()
}

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
    }
}

/// A sentence pair joined by a link, for the reordering view.
#[derive(Debug, Clone, PartialEq)]
pub struct Ribbon {
    /// Left sentence index.
    pub left: usize,
    /// Right sentence index.
    pub right: usize,
    /// The link's similarity in `[0, 1]`.
    pub score: f64,
    /// The link's kind.
    pub kind: RowKind,
}

impl Ribbon {
    /// Stroke width in pixels: 1.5 for the weakest link up to 6 for identical sentences.
    pub fn width(&self) -> f64 {
        1.5 + 4.5 * self.score
    }

    /// Stroke opacity: 0.3 for the weakest link up to 0.85.
    pub fn opacity(&self) -> f64 {
        0.3 + 0.55 * self.score
    }
}

/// Every linked (left, right) sentence pair, once, with the best score among its links.
pub fn ribbons(report: &Report) -> Vec<Ribbon> {
    let mut best: BTreeMap<(usize, usize), Ribbon> = BTreeMap::new();
    for (link, (left, right)) in report.links.iter().zip(link_indices(report)) {
        let score = if link.score.is_finite() {
            link.score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        for &i in &left {
            for &j in &right {
                let ribbon = Ribbon {
                    left: i,
                    right: j,
                    score,
                    kind: RowKind::Link(link.kind).normalized(),
                };
                match best.get(&(i, j)) {
                    Some(old) if old.score >= score => {}
                    _ => {
                        best.insert((i, j), ribbon);
                    }
                }
            }
        }
    }
    best.into_values().collect()
}

/// An SVG path from `(0, y0)` to `(width, y1)` as a smooth S-curve.
pub fn ribbon_path(width: f64, y0: f64, y1: f64) -> String {
    let mid = width / 2.0;
    format!("M0 {y0:.1} C{mid:.1} {y0:.1} {mid:.1} {y1:.1} {width:.1} {y1:.1}")
}

/// One sentence in the reordering view.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnEntry {
    /// The sentence, unmarked.
    pub view: SentenceView,
    /// The closest kind among its links, or `OnlyLeft`/`OnlyRight` when unmatched.
    pub kind: RowKind,
}

/// Both articles in their own order, each sentence with its closest link kind.
pub fn columns(report: &Report) -> [Vec<ColumnEntry>; 2] {
    let all = ribbons(report);
    let column = |doc: usize| -> Vec<ColumnEntry> {
        (0..sentences(report, doc).len())
            .filter_map(|i| {
                let view = plain(report, doc, i)?;
                let kind = all
                    .iter()
                    .filter(|r| if doc == 0 { r.left == i } else { r.right == i })
                    .map(|r| r.kind)
                    .min()
                    .unwrap_or(if doc == 0 {
                        RowKind::OnlyLeft
                    } else {
                        RowKind::OnlyRight
                    });
                Some(ColumnEntry { view, kind })
            })
            .collect()
    };
    [column(0), column(1)]
}

/// A sentence, by article and index.
pub type SentenceId = (usize, usize);

/// For each sentence, the sentences of the other article it is linked to.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Partners {
    map: BTreeMap<SentenceId, Vec<SentenceId>>,
}

impl Partners {
    /// Collects partners from every link (all pairs of a many-to-many link).
    pub fn new(report: &Report) -> Self {
        let mut map: BTreeMap<SentenceId, BTreeSet<SentenceId>> = BTreeMap::new();
        for ribbon in ribbons(report) {
            map.entry((0, ribbon.left))
                .or_default()
                .insert((1, ribbon.right));
            map.entry((1, ribbon.right))
                .or_default()
                .insert((0, ribbon.left));
        }
        Self {
            map: map
                .into_iter()
                .map(|(k, v)| (k, v.into_iter().collect()))
                .collect(),
        }
    }

    /// The partners of one sentence, ascending; empty when it is unmatched.
    pub fn of(&self, id: SentenceId) -> &[SentenceId] {
        self.map.get(&id).map_or(&[], Vec::as_slice)
    }
}

/// What the reader points at: a sentence, or a ribbon of the reordering view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A sentence.
    Sentence(SentenceId),
    /// The ribbon joining left sentence `.0` and right sentence `.1`.
    Ribbon(usize, usize),
}

/// The sentences to light for a target: a sentence's partners, or both ends of a ribbon.
pub fn lit(target: Option<Target>, partners: &Partners) -> BTreeSet<SentenceId> {
    match target {
        None => BTreeSet::new(),
        Some(Target::Sentence(id)) => partners.of(id).iter().copied().collect(),
        Some(Target::Ribbon(i, j)) => [(0, i), (1, j)].into_iter().collect(),
    }
}

/// Whether a ribbon is lit by a target: it is the target, or it touches the target sentence.
pub fn ribbon_lit(ribbon: &Ribbon, target: Option<Target>) -> bool {
    match target {
        None => false,
        Some(Target::Ribbon(i, j)) => ribbon.left == i && ribbon.right == j,
        Some(Target::Sentence((0, i))) => ribbon.left == i,
        Some(Target::Sentence((_, j))) => ribbon.right == j,
    }
}

/// For every sentence, the first row that shows it. A sentence in several links (one lead
/// sentence matched by a headline, a caption and a paragraph) appears in several rows; the
/// later appearances are repeats the page shows quieter.
pub fn first_rows(rows: &[Row]) -> BTreeMap<SentenceId, usize> {
    let mut first = BTreeMap::new();
    for (at, row) in rows.iter().enumerate() {
        for view in row.left.iter().chain(&row.right) {
            first.entry((view.doc, view.sentence)).or_insert(at);
        }
    }
    first
}

/// What the reader selected (pinned), as the `parallax-select` event tells an embedding page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SelectedLink {
    /// Index into `report.links` of the (first) link holding the selection; `None` for an
    /// unmatched sentence or a cleared selection.
    pub link: Option<usize>,
    /// Left sentence indices of the selected links (or the unmatched sentence), ascending.
    pub left: Vec<usize>,
    /// Right sentence indices, ascending.
    pub right: Vec<usize>,
}

/// The links a target belongs to, merged: a sentence selects every link that holds it, a
/// ribbon the links that hold both of its ends.
pub fn selected_link(report: &Report, target: Target) -> SelectedLink {
    let holds = |left: &[usize], right: &[usize]| match target {
        Target::Sentence((0, i)) => left.contains(&i),
        Target::Sentence((_, j)) => right.contains(&j),
        Target::Ribbon(i, j) => left.contains(&i) && right.contains(&j),
    };
    let mut out = SelectedLink::default();
    let (mut left, mut right) = (BTreeSet::new(), BTreeSet::new());
    for (index, (l, r)) in link_indices(report).into_iter().enumerate() {
        if holds(&l, &r) {
            out.link.get_or_insert(index);
            left.extend(l);
            right.extend(r);
        }
    }
    if out.link.is_none() {
        match target {
            Target::Sentence((0, i)) if i < sentences(report, 0).len() => {
                left.insert(i);
            }
            Target::Sentence((1, j)) if j < sentences(report, 1).len() => {
                right.insert(j);
            }
            _ => {}
        }
    }
    out.left = left.into_iter().collect();
    out.right = right.into_iter().collect();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::align::LinkKind;
    use parallax::report::{DocumentReport, Link, SentenceReport, Stats};
    use parallax::segment::SentenceKind;
    use parallax::{compare, Article, Options};

    fn report(left: &str, right: &str) -> Report {
        compare(
            &Article::new("L", left),
            &Article::new("R", right),
            &Options::default(),
        )
    }

    /// A hand-made report over sentences "l0 words here." ... with the given links.
    fn synthetic(left: usize, right: usize, links: &[(&[usize], &[usize])]) -> Report {
        let doc = |name: &str, count: usize| DocumentReport {
            name: name.to_owned(),
            sentences: (0..count)
                .map(|i| {
                    let s = format!("{name}{i} words here.");
                    SentenceReport {
                        start: i * (s.len() + 1),
                        end: i * (s.len() + 1) + s.len(),
                        text: s.clone(),
                        clean: s,
                        kind: SentenceKind::Body,
                    }
                })
                .collect(),
        };
        Report {
            format: parallax::report::FORMAT.to_owned(),
            version: parallax::report::VERSION,
            documents: vec![doc("l", left), doc("r", right)],
            links: links
                .iter()
                .map(|(l, r)| Link {
                    left: l.to_vec(),
                    right: r.to_vec(),
                    score: 0.5,
                    kind: LinkKind::Paraphrase,
                    diff: Vec::new(),
                })
                .collect(),
            unmatched: Vec::new(),
            stats: Stats::default(),
        }
    }

    #[test]
    fn partners_of_many_to_many_links() {
        let r = synthetic(
            3,
            3,
            &[(&[0, 0, 9], &[0, 1]), (&[0, 1], &[1]), (&[2], &[2, 2])],
        );
        let partners = Partners::new(&r);
        assert_eq!(partners.of((0, 0)), [(1, 0), (1, 1)]);
        assert_eq!(partners.of((1, 1)), [(0, 0), (0, 1)]);
        assert_eq!(partners.of((1, 7)), []);
    }

    #[test]
    fn selection_merges_the_links_of_a_sentence_or_ribbon() {
        let r = synthetic(3, 3, &[(&[0], &[0, 1]), (&[1], &[1]), (&[9], &[2])]);
        let pick = |t| selected_link(&r, t);
        let both = SelectedLink {
            link: Some(0),
            left: vec![0, 1],
            right: vec![0, 1],
        };
        assert_eq!(pick(Target::Sentence((1, 1))), both);
        assert_eq!(
            pick(Target::Ribbon(1, 1)),
            SelectedLink {
                link: Some(1),
                left: vec![1],
                right: vec![1]
            }
        );
        // Link 2's left index is out of range: the link with its right side only.
        assert_eq!(
            pick(Target::Sentence((1, 2))),
            SelectedLink {
                link: Some(2),
                left: vec![],
                right: vec![2]
            }
        );
        // An unmatched sentence: itself, no link.
        let r = synthetic(2, 1, &[(&[0], &[0])]);
        assert_eq!(
            selected_link(&r, Target::Sentence((0, 1))),
            SelectedLink {
                link: None,
                left: vec![1],
                right: vec![]
            }
        );
        assert_eq!(pick(Target::Sentence((0, 7))), SelectedLink::default());
    }

    #[test]
    fn repeats_point_to_the_first_row() {
        let r = synthetic(2, 3, &[(&[0], &[0]), (&[0], &[1]), (&[1], &[1, 2])]);
        let all = rows(&r, "");
        let first = first_rows(&all);
        assert_eq!(first.get(&(0, 0)), Some(&0));
        assert_eq!(first.get(&(1, 1)), Some(&1));
        assert_eq!(first.get(&(1, 2)), Some(&2));
        assert_eq!(first.len(), 5);
    }

    #[test]
    fn columns_show_clean_text() {
        let r = report("It\u{E2}\u{20AC}\u{2122}s late. Rain fell.", "Rain fell.");
        let cols = columns(&r);
        assert_eq!(cols[0][0].view.text(), "It\u{2019}s late.");
        assert_eq!(cols[0][0].kind, RowKind::OnlyLeft);
    }

    fn row(kind: RowKind) -> Row {
        Row {
            kind,
            link: None,
            score: None,
            left: Vec::new(),
            right: Vec::new(),
            moved: None,
            boilerplate: false,
        }
    }

    const IDENTICAL: RowKind = RowKind::Link(LinkKind::Identical);
    const MINOR: RowKind = RowKind::Link(LinkKind::Minor);

    struct BlockCase {
        name: &'static str,
        rows: &'static [(RowKind, bool)],
        filter: Filter,
        expanded: &'static [usize],
        expected: &'static str,
    }

    /// Blocks written compactly: `r3` a row, `i0-2` an identical fold, `b4` a boilerplate fold.
    fn compact(blocks: &[Block]) -> String {
        let parts: Vec<String> = blocks
            .iter()
            .map(|b| match b {
                Block::Row(i) => format!("r{i}"),
                Block::Fold { kind, rows } => {
                    let tag = if *kind == FoldKind::Identical {
                        'i'
                    } else {
                        'b'
                    };
                    let first = rows.first().copied().unwrap_or(0);
                    let last = rows.last().copied().unwrap_or(0);
                    format!("{tag}{first}-{last}")
                }
            })
            .collect();
        parts.join(" ")
    }

    const BLOCK_CASES: &[BlockCase] = &[
        BlockCase {
            name: "short identical runs stay open",
            rows: &[(IDENTICAL, false), (IDENTICAL, false), (MINOR, false)],
            filter: Filter::All,
            expanded: &[],
            expected: "r0 r1 r2",
        },
        BlockCase {
            name: "long identical runs fold",
            rows: &[
                (MINOR, false),
                (IDENTICAL, false),
                (IDENTICAL, false),
                (IDENTICAL, false),
                (RowKind::OnlyLeft, false),
            ],
            filter: Filter::All,
            expanded: &[],
            expected: "r0 i1-3 r4",
        },
        BlockCase {
            name: "an expanded fold shows its rows",
            rows: &[(IDENTICAL, false), (IDENTICAL, false), (IDENTICAL, false)],
            filter: Filter::All,
            expanded: &[0],
            expected: "r0 r1 r2",
        },
        BlockCase {
            name: "boilerplate folds even alone",
            rows: &[
                (RowKind::OnlyLeft, true),
                (MINOR, false),
                (RowKind::OnlyRight, true),
            ],
            filter: Filter::All,
            expanded: &[],
            expected: "b0-0 r1 b2-2",
        },
        BlockCase {
            name: "changes filter drops identical rows",
            rows: &[
                (IDENTICAL, false),
                (MINOR, false),
                (RowKind::OnlyRight, false),
            ],
            filter: Filter::Changes,
            expanded: &[],
            expected: "r1 r2",
        },
        BlockCase {
            name: "only-left filter",
            rows: &[
                (RowKind::OnlyLeft, false),
                (MINOR, false),
                (RowKind::OnlyRight, false),
            ],
            filter: Filter::OnlyLeft,
            expanded: &[],
            expected: "r0",
        },
        BlockCase {
            name: "only-right filter keeps boilerplate folded",
            rows: &[(RowKind::OnlyRight, true), (RowKind::OnlyRight, false)],
            filter: Filter::OnlyRight,
            expanded: &[],
            expected: "b0-0 r1",
        },
    ];

    #[test]
    fn block_case_names_are_unique() {
        let names: BTreeSet<&str> = BLOCK_CASES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), BLOCK_CASES.len());
    }

    #[test]
    fn blocks_filter_and_fold() {
        for case in BLOCK_CASES {
            let rows: Vec<Row> = case
                .rows
                .iter()
                .map(|&(kind, boilerplate)| Row {
                    boilerplate,
                    ..row(kind)
                })
                .collect();
            let expanded: BTreeSet<usize> = case.expanded.iter().copied().collect();
            let got = compact(&blocks(&rows, case.filter, &expanded));
            assert_eq!(got, case.expected, "case {}", case.name);
        }
    }

    #[test]
    fn stops_and_overview_skip_identical_rows_and_folds() {
        let rows = vec![
            row(IDENTICAL),
            row(MINOR),
            row(IDENTICAL),
            row(RowKind::OnlyLeft),
        ];
        let shown = blocks(&rows, Filter::All, &BTreeSet::new());
        assert_eq!(stops(&rows, &shown), [1, 3]);
        let marks = overview(&rows, &shown);
        assert_eq!(marks.len(), 2);
        assert_eq!((marks[0].row, marks[0].kind), (1, "minor"));
        assert!((marks[1].top - 0.75).abs() < 1e-9);
    }

    #[test]
    fn fold_labels_count() {
        assert_eq!(
            fold_label(FoldKind::Identical, 12),
            "12 identical sentences"
        );
        assert_eq!(
            fold_label(FoldKind::Boilerplate, 1),
            "1 line of page furniture"
        );
    }

    #[test]
    fn summary_counts_rows_per_kind() {
        let left = "Rain fell all day. The match was cancelled. Fans went home.";
        let right = "Rain fell all day. A fox ran on the pitch. The match was cancelled.";
        let r = report(left, right);
        let all = rows(&r, right);
        let s = summary(&r, &all);
        let count = |name: &str| {
            s.counts
                .iter()
                .find(|(k, _)| k.name() == name)
                .map(|&(_, n)| n)
        };
        assert_eq!(count("identical"), Some(2));
        assert_eq!(count("only-left"), Some(1));
        assert_eq!(count("only-right"), Some(1));
        assert!(s.shares[0] > 0.5 && s.shares[0] < 1.0);
    }

    /// Issue 19.11: page furniture is not counted as "only left/right" in the summary.
    #[test]
    fn issue_19_summary_leaves_out_page_furniture() {
        let r = report("Rain fell.", "Rain fell.");
        let furniture = |kind| Row {
            boilerplate: true,
            ..row(kind)
        };
        let all = [
            furniture(RowKind::OnlyLeft),
            row(RowKind::OnlyLeft),
            furniture(RowKind::OnlyRight),
        ];
        let s = summary(&r, &all);
        let count = |name: &str| {
            s.counts
                .iter()
                .find(|(k, _)| k.name() == name)
                .map(|&(_, n)| n)
        };
        assert_eq!(count("only-left"), Some(1));
        assert_eq!(count("only-right"), Some(0));
    }

    #[test]
    fn ribbons_join_reordered_pairs_and_light_both_ends() {
        let left = "The bridge opened on Monday. Crowds cheered.";
        let right = "Crowds cheered loudly. The bridge opened on Monday.";
        let r = report(left, right);
        let pairs: Vec<(usize, usize)> = ribbons(&r).iter().map(|x| (x.left, x.right)).collect();
        assert_eq!(pairs, [(0, 1), (1, 0)]);
        let partners = Partners::new(&r);
        let target = Some(Target::Ribbon(0, 1));
        assert_eq!(
            lit(target, &partners).into_iter().collect::<Vec<_>>(),
            [(0, 0), (1, 1)]
        );
        let lit_by_sentence = lit(Some(Target::Sentence((1, 0))), &partners);
        assert_eq!(lit_by_sentence.into_iter().collect::<Vec<_>>(), [(0, 1)]);
        let all = ribbons(&r);
        assert!(ribbon_lit(&all[0], Some(Target::Sentence((0, 0)))));
        assert!(!ribbon_lit(&all[1], Some(Target::Sentence((0, 0)))));
        let cols = columns(&r);
        assert_eq!(cols[0].len(), 2);
        assert_eq!(cols[1][0].kind.name(), cols[0][1].kind.name());
    }

    #[test]
    fn ribbon_geometry() {
        assert_eq!(
            ribbon_path(40.0, 10.0, 30.0),
            "M0 10.0 C20.0 10.0 20.0 30.0 40.0 30.0"
        );
        let strong = Ribbon {
            left: 0,
            right: 0,
            score: 1.0,
            kind: IDENTICAL,
        };
        let weak = Ribbon {
            score: 0.0,
            ..strong.clone()
        };
        assert!(strong.width() > weak.width() && strong.opacity() > weak.opacity());
    }
}
