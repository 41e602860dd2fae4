//! One row per group of links that share sentences (issue 15, item 4), and the quiet display
//! of paraphrases (item 5).

use super::layout::shape;
use super::{marked, report, synthetic};
use crate::{rows, Mark, Row, RowDisplay, RowKind};
use parallax::report::{DiffOp, Flag, FlagKind, LinkKind, Report, SentenceKind, Severity, Span};
use proptest::prelude::*;
use std::collections::BTreeMap;

/// How often each (doc, sentence) is shown across the rows.
fn appearances(rows: &[Row]) -> BTreeMap<(usize, usize), usize> {
    let mut seen = BTreeMap::new();
    for row in rows {
        for view in row.left.iter().chain(&row.right) {
            *seen.entry((view.doc, view.sentence)).or_insert(0) += 1;
        }
    }
    seen
}

/// Every sentence of the report in exactly one row.
fn assert_each_sentence_once(report: &Report, rows: &[Row]) {
    let seen = appearances(rows);
    for (doc, document) in report.documents.iter().enumerate().take(2) {
        for i in 0..document.sentences.len() {
            assert_eq!(seen.get(&(doc, i)), Some(&1), "({doc}, {i}) in {rows:#?}");
        }
    }
    let total: usize = report
        .documents
        .iter()
        .take(2)
        .map(|d| d.sentences.len())
        .sum();
    assert_eq!(seen.len(), total, "no sentence that does not exist");
}

type Links = &'static [(&'static [usize], &'static [usize])];

struct GroupCase {
    name: &'static str,
    left: usize,
    right: usize,
    links: Links,
    /// Scores of the links, by index (0.5 where missing).
    scores: &'static [f64],
    shape: &'static [(&'static [usize], &'static [usize])],
    /// Each row's links, best first (empty for an unmatched sentence).
    links_of_rows: &'static [&'static [usize]],
}

const GROUP_CASES: &[GroupCase] = &[
    GroupCase {
        name: "one left sentence, three partners by three links",
        left: 2,
        right: 3,
        links: &[(&[0], &[0]), (&[0], &[1]), (&[0], &[2])],
        scores: &[0.6, 0.9, 0.4],
        shape: &[(&[0], &[0, 1, 2]), (&[1], &[])],
        links_of_rows: &[&[1, 0, 2], &[]],
    },
    GroupCase {
        name: "many to one",
        left: 3,
        right: 1,
        links: &[(&[0], &[0]), (&[2], &[0])],
        scores: &[],
        shape: &[(&[0, 2], &[0]), (&[1], &[])],
        links_of_rows: &[&[0, 1], &[]],
    },
    GroupCase {
        name: "a chain of many-to-many links is one row",
        left: 4,
        right: 3,
        links: &[(&[0], &[0]), (&[1], &[0]), (&[1], &[1]), (&[3], &[2])],
        scores: &[0.5, 0.7, 0.8],
        shape: &[(&[0, 1], &[0, 1]), (&[2], &[]), (&[3], &[2])],
        links_of_rows: &[&[2, 1, 0], &[], &[3]],
    },
    GroupCase {
        name: "a split and a merge that share nothing stay apart",
        left: 3,
        right: 3,
        links: &[(&[0], &[0, 1]), (&[1, 2], &[2])],
        scores: &[],
        shape: &[(&[0], &[0, 1]), (&[1, 2], &[2])],
        links_of_rows: &[&[0], &[1]],
    },
    GroupCase {
        name: "a split and a merge that share a sentence are one row",
        left: 3,
        right: 3,
        links: &[(&[0], &[0, 1]), (&[1, 2], &[1, 2])],
        scores: &[],
        shape: &[(&[0, 1, 2], &[0, 1, 2])],
        links_of_rows: &[&[0, 1]],
    },
    GroupCase {
        name: "a right-only link joins the row of its right sentence, two-sided link first",
        left: 1,
        right: 2,
        links: &[(&[], &[0, 1]), (&[0], &[0])],
        scores: &[0.9, 0.3],
        shape: &[(&[0], &[0, 1])],
        links_of_rows: &[&[1, 0]],
    },
    GroupCase {
        name: "one-to-one links keep their own rows",
        left: 2,
        right: 2,
        links: &[(&[0], &[0]), (&[1], &[1])],
        scores: &[],
        shape: &[(&[0], &[0]), (&[1], &[1])],
        links_of_rows: &[&[0], &[1]],
    },
    GroupCase {
        name: "equal scores keep the report's order",
        left: 1,
        right: 2,
        links: &[(&[0], &[1]), (&[0], &[0])],
        scores: &[0.5, 0.5],
        shape: &[(&[0], &[0, 1])],
        links_of_rows: &[&[0, 1]],
    },
];

fn case_report(case: &GroupCase) -> Report {
    let mut r = synthetic(case.left, case.right, case.links);
    for (link, &score) in r.links.iter_mut().zip(case.scores) {
        link.score = score;
    }
    r
}

#[test]
fn links_that_share_a_sentence_are_one_row() {
    for case in GROUP_CASES {
        let r = case_report(case);
        let all = rows(&r);
        let expected: Vec<(Vec<usize>, Vec<usize>)> = case
            .shape
            .iter()
            .map(|(l, r)| (l.to_vec(), r.to_vec()))
            .collect();
        assert_eq!(shape(&all), expected, "{}", case.name);
        let links: Vec<Vec<usize>> = all.iter().map(|row| row.links.clone()).collect();
        let expected: Vec<Vec<usize>> = case.links_of_rows.iter().map(|l| l.to_vec()).collect();
        assert_eq!(links, expected, "{}", case.name);
        for row in &all {
            assert_eq!(row.link, row.links.first().copied(), "{}", case.name);
        }
        assert_each_sentence_once(&r, &all);
    }
}

#[test]
fn the_best_link_gives_kind_score_and_link() {
    let mut r = synthetic(1, 3, &[(&[0], &[0]), (&[0], &[1]), (&[0], &[2])]);
    let kinds = [LinkKind::Partial, LinkKind::Minor, LinkKind::Paraphrase];
    for ((link, kind), score) in r.links.iter_mut().zip(kinds).zip([0.4, 0.92, f64::NAN]) {
        link.kind = kind;
        link.score = score;
    }
    let all = rows(&r);
    assert_eq!(all.len(), 1);
    assert_eq!(all[0].kind, RowKind::Link(LinkKind::Minor));
    assert_eq!(all[0].score, Some(0.92));
    assert_eq!(all[0].link, Some(1));
    // A score that is not a number ranks last.
    assert_eq!(all[0].links, [1, 0, 2]);
    // Each sentence knows the link that marks it, and whether that link is only possible.
    let own: Vec<(Option<usize>, bool)> = all[0]
        .left
        .iter()
        .chain(&all[0].right)
        .map(|v| (v.link, v.unsure))
        .collect();
    assert_eq!(
        own,
        [
            (Some(1), false),
            (Some(0), true),
            (Some(1), false),
            (Some(2), false)
        ]
    );
    assert_eq!(all[0].display, RowDisplay::Diff);
    // Several links: a difference, even when the best is identical.
    r.links[1].kind = LinkKind::Identical;
    assert!(rows(&r)[0].is_change());
}

#[test]
fn each_sentence_is_marked_by_the_best_link_that_holds_it() {
    // "l0 words here." / "r0 words here." / "r1 words here.", each sentence 14 bytes + 1.
    let mut r = synthetic(1, 2, &[(&[0], &[0]), (&[0], &[1])]);
    let span = |op, left: Option<[usize; 2]>, right: Option<[usize; 2]>| Span {
        op,
        left,
        right,
        left_clean: left,
        right_clean: right,
    };
    r.links[0].score = 0.9;
    r.links[0].kind = LinkKind::Minor;
    r.links[0].diff = vec![span(DiffOp::Replace, Some([3, 8]), Some([3, 8]))];
    r.links[1].score = 0.4;
    r.links[1].diff = vec![span(DiffOp::Replace, Some([9, 13]), Some([24, 28]))];
    let all = rows(&r);
    assert_eq!(all.len(), 1);
    // Left 0 is in both links: the better (link 0) marks it.
    assert_eq!(marked(&all[0].left), ["l0 [-words-] here."]);
    assert_eq!(
        marked(&all[0].right),
        ["r0 {+words+} here.", "r1 words {+here+}."]
    );
}

#[test]
fn the_flags_of_all_links_once_each() {
    let mut r = synthetic(1, 2, &[(&[0], &[0]), (&[0], &[1])]);
    let flag = |note: &str| Flag {
        kind: FlagKind::Number,
        severity: Severity::Conflict,
        left: None,
        right: None,
        left_clean: None,
        right_clean: None,
        note: note.to_owned(),
    };
    r.links[0].flags = vec![flag("1 ≠ 2")];
    r.links[1].flags = vec![flag("1 ≠ 2"), flag("3 ≠ 4")];
    r.links[1].score = 0.9;
    let all = rows(&r);
    let notes: Vec<&str> = all[0].flags.iter().map(|f| f.note.as_str()).collect();
    assert_eq!(notes, ["1 ≠ 2", "3 ≠ 4"]);
}

/// The bug of issue 15, item 4: a sentence in several links was repeated in 3–4 rows, each
/// with another word diff. One lead sentence matched by a headline and a paragraph now shows
/// once, its partners beside it.
#[test]
fn issue_15_a_sentence_in_several_links_is_shown_once() {
    let mut r = synthetic(
        2,
        4,
        &[(&[0], &[0]), (&[0], &[1]), (&[0], &[3]), (&[1], &[2])],
    );
    r.documents[1].sentences[0].kind = SentenceKind::Headline;
    let all = rows(&r);
    assert_each_sentence_once(&r, &all);
    assert_eq!(shape(&all), [(vec![0], vec![0, 1, 3]), (vec![1], vec![2])]);
    // The engine's report of the repository's sample pair: every sentence once too.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_default();
    let sample = report(&read("wire.txt"), &read("ledger.txt"));
    assert_each_sentence_once(&sample, &rows(&sample));
}

#[test]
fn an_inconsistent_unmatched_list_still_shows_each_sentence_once() {
    let mut r = synthetic(2, 2, &[(&[0], &[0])]);
    // The report claims a linked sentence is unmatched and forgets an unmatched one.
    r.unmatched = vec![vec![0, 7], vec![]];
    let all = rows(&r);
    assert_each_sentence_once(&r, &all);
    assert_eq!(all[1].kind, RowKind::OnlyRight);
    assert_eq!(all[2].kind, RowKind::OnlyLeft);
}

#[test]
fn paraphrases_show_what_they_share_and_only_the_content_words_one_side_adds() {
    let r = report(
        "The storm destroyed the old harbour wall of Port Wenlow on Tuesday night.",
        "On Tuesday night a violent storm destroyed the harbour wall in Port Wenlow, \
         officials said.",
    );
    let all = rows(&r);
    let row = all
        .iter()
        .find(|row| row.display == RowDisplay::Shares)
        .unwrap_or_else(|| panic!("a quiet row in {all:#?}"));
    assert!(matches!(
        row.kind.normalized(),
        RowKind::Link(LinkKind::Paraphrase | LinkKind::Partial)
    ));
    for view in row.left.iter().chain(&row.right) {
        assert_eq!(
            view.shares
                .iter()
                .map(|p| p.text.as_str())
                .collect::<String>(),
            view.text(),
            "the same text"
        );
        assert!(view
            .shares
            .iter()
            .all(|p| matches!(p.mark, Mark::Same | Mark::Only)));
        // A differing function word is never highlighted.
        assert!(view
            .shares
            .iter()
            .filter(|p| p.mark == Mark::Only)
            .all(|p| !crate::shares::is_quiet_word(p.text.trim())));
    }
    let only: Vec<String> = row
        .right
        .iter()
        .flat_map(|v| &v.shares)
        .filter(|p| p.mark == Mark::Only)
        .map(|p| p.text.clone())
        .collect();
    assert!(only.iter().any(|w| w.contains("officials")), "{only:?}");
    // The word diff is still there, for the reader who asks.
    assert!(row
        .right
        .iter()
        .flat_map(|v| &v.pieces)
        .any(|p| p.mark == Mark::Added));
}

fn any_report() -> impl Strategy<Value = Report> {
    let side = proptest::collection::vec(0usize..9, 0..4);
    (
        0usize..7,
        0usize..7,
        proptest::collection::vec((side.clone(), side, 0.0f64..1.0), 0..8),
        proptest::collection::vec(0usize..9, 0..4),
    )
        .prop_map(|(left, right, links, unmatched)| {
            let shapes: Vec<(&[usize], &[usize])> = links
                .iter()
                .map(|(l, r, _)| (l.as_slice(), r.as_slice()))
                .collect();
            let mut r = synthetic(left, right, &shapes);
            for (link, (_, _, score)) in r.links.iter_mut().zip(&links) {
                link.score = *score;
            }
            // An unmatched list that may disagree with the links.
            r.unmatched[0] = unmatched;
            r
        })
}

proptest! {
    #[test]
    fn every_sentence_is_in_exactly_one_row(r in any_report()) {
        let all = rows(&r);
        assert_each_sentence_once(&r, &all);
        for row in &all {
            prop_assert_eq!(row.link, row.links.first().copied());
            let mut sorted = row.links.clone();
            sorted.sort_unstable();
            sorted.dedup();
            prop_assert_eq!(sorted.len(), row.links.len());
        }
        prop_assert_eq!(&all, &rows(&r), "deterministic");
    }

    #[test]
    fn rows_built_in_parts_are_the_rows(r in any_report(), size in 1_usize..6) {
        // Parts as the page builds a long report's rows, one part a task.
        let all = rows(&r);
        let mut parts: Vec<Row> = Vec::new();
        let mut start = 0;
        loop {
            let (part, total) = crate::rows_part(&r, start..start + size);
            prop_assert_eq!(total, all.len());
            if part.is_empty() {
                break;
            }
            start += part.len();
            parts.extend(part);
        }
        prop_assert_eq!(parts, all);
    }
}
