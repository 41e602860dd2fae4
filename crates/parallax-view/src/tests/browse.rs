//! Filters, folds, summary, ribbons, partners and selections.

use super::{report, synthetic};
use crate::fold::*;
use crate::pairs::*;
use crate::summary::*;
use crate::{rows, Row, RowKind};
use parallax::report::LinkKind;
use std::collections::BTreeSet;

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
fn first_rows_is_the_one_row_of_each_sentence() {
    // Links 0 and 1 share left 0, links 1 and 2 share right 1: one row holds them all, and a
    // separate link is its own row.
    let r = synthetic(
        3,
        4,
        &[(&[0], &[0]), (&[0], &[1]), (&[1], &[1, 2]), (&[2], &[3])],
    );
    let all = rows(&r);
    let first = first_rows(&all);
    assert_eq!(all.len(), 2);
    for id in [(0, 0), (0, 1), (1, 0), (1, 1), (1, 2)] {
        assert_eq!(first.get(&id), Some(&0), "{id:?}");
    }
    assert_eq!(first.get(&(0, 2)), Some(&1));
    assert_eq!(first.get(&(1, 3)), Some(&1));
    assert_eq!(first.len(), 7);
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
        links: Vec::new(),
        score: None,
        display: crate::RowDisplay::of(kind),
        left: Vec::new(),
        right: Vec::new(),
        moved: None,
        boilerplate: false,
        flags: Vec::new(),
        by_reader: false,
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

/// Marks of one kind closer than a slot of the strip are drawn as one, which jumps to its first
/// row; other kinds, and rows further apart, keep marks of their own.
#[test]
fn overview_marks_of_a_kind_close_together_are_one() {
    const PARTIAL: RowKind = RowKind::Link(LinkKind::Partial);
    /// The rows' kinds, and the marks as (first row, kind, rows spanned).
    type Case<'a> = (&'a [RowKind], &'a [(usize, &'a str, usize)]);
    let cases: &[Case] = &[
        (&[MINOR, MINOR, MINOR], &[(0, "minor", 3)]),
        (
            &[MINOR, PARTIAL, MINOR],
            &[(0, "minor", 3), (1, "partial", 1)],
        ),
        (
            &[MINOR, RowKind::OnlyLeft, PARTIAL],
            &[(0, "minor", 1), (1, "only-left", 1), (2, "partial", 1)],
        ),
    ];
    for (kinds, want) in cases {
        // A long list, so that the rows are closer than a slot.
        let mut all: Vec<Row> = kinds.iter().map(|&k| row(k)).collect();
        all.extend((0..OVERVIEW_SLOTS * 4).map(|_| row(IDENTICAL)));
        let shown: Vec<Block> = (0..all.len()).map(Block::Row).collect();
        let total = shown.len() as f64;
        let got: Vec<(usize, &str, usize)> = overview(&all, &shown)
            .iter()
            .map(|m| (m.row, m.kind, (m.height * total).round() as usize))
            .collect();
        assert_eq!(got, *want, "{kinds:?}");
    }
    // Rows further apart than a slot keep their own marks.
    let mut all: Vec<Row> = (0..OVERVIEW_SLOTS / 2).map(|_| row(IDENTICAL)).collect();
    all[0] = row(MINOR);
    all[3] = row(MINOR);
    let shown: Vec<Block> = (0..all.len()).map(Block::Row).collect();
    assert_eq!(overview(&all, &shown).len(), 2);
    // However many differing rows, no more marks per kind than slots: in a list ten slots
    // long, differing rows 11 blocks apart (more than a slot) get marks of their own, 9
    // blocks apart one mark.
    let len = OVERVIEW_SLOTS * 10;
    for (every, want) in [(12, len.div_ceil(12)), (10, 1)] {
        let all: Vec<Row> = (0..len)
            .map(|i| row(if i % every == 0 { MINOR } else { IDENTICAL }))
            .collect();
        let shown: Vec<Block> = (0..len).map(Block::Row).collect();
        let marks = overview(&all, &shown);
        assert_eq!(marks.len(), want, "a differing row every {every}");
        assert!(marks.len() <= OVERVIEW_SLOTS);
    }
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
    let all = rows(&r);
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
