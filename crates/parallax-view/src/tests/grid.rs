//! The fact grid: every sentence in exactly one row, rows in the base article's order.

use crate::grid::grid;
use parallax::report::{Report, SentenceKind};
use parallax::{compare_all, Article, Options};
use std::collections::BTreeMap;

fn harbour() -> Report {
    compare_all(
        &[
            Article::new(
                "post",
                "Storm closes harbour\n\nA storm closed the Eastport harbour on Tuesday. About 40 \
                 boats stayed in port. Schools stayed open.",
            ),
            Article::new(
                "herald",
                "About 40 boats stayed in port. A storm closed the Eastport harbour on Tuesday. \
                 Fishermen were angry.",
            ),
            Article::new(
                "radio",
                "The lighthouse lost power. A storm closed the Eastport harbour on Wednesday.",
            ),
        ],
        &Options::default(),
    )
}

#[test]
fn every_sentence_is_in_exactly_one_row() {
    let report = harbour();
    for base in 0..3 {
        let grid = grid(&report, base);
        let mut seen: BTreeMap<(usize, usize), usize> = BTreeMap::new();
        for row in &grid.rows {
            for (doc, cell) in row.cells.iter().enumerate() {
                for &s in cell {
                    *seen.entry((doc, s)).or_default() += 1;
                }
            }
        }
        for (doc, document) in report.documents.iter().enumerate() {
            for (s, sentence) in document.sentences.iter().enumerate() {
                let expected = usize::from(sentence.kind != SentenceKind::Boilerplate);
                assert_eq!(
                    seen.get(&(doc, s)).copied().unwrap_or(0),
                    expected,
                    "base {base}: {doc}/{s}"
                );
            }
        }
    }
}

#[test]
fn rows_follow_the_base_and_others_sit_after_their_neighbour() {
    let report = harbour();
    let grid = grid(&report, 1);
    assert_eq!(grid.columns, [1, 0, 2]);
    // The herald's sentences come in its own order.
    let herald: Vec<usize> = grid
        .rows
        .iter()
        .filter_map(|r| r.cells[1].first().copied())
        .collect();
    let mut sorted = herald.clone();
    sorted.sort_unstable();
    assert_eq!(herald, sorted);
    // The radio's lighthouse sentence (its first, which nothing else carries) comes before the
    // row of the radio's next sentence, and before anything but the herald's first; the post's schools sentence after the
    // boats row, its neighbour in the post.
    let row_of = |doc: usize, needle: &str| {
        grid.rows
            .iter()
            .position(|r| {
                r.cells[doc]
                    .iter()
                    .any(|&s| report.documents[doc].sentences[s].clean.contains(needle))
            })
            .unwrap()
    };
    assert!(row_of(2, "lighthouse") < row_of(2, "storm"));
    assert!(row_of(2, "lighthouse") <= 1);
    assert!(row_of(0, "Schools") > row_of(0, "boats"));
    // The Tuesday/Wednesday row is flagged, the boats row is not.
    assert!(grid.rows[row_of(2, "storm")].flagged);
    assert!(!grid.rows[row_of(1, "boats")].flagged);
    // Its disagreeing cells are marked (at least the two sides of one flagged link), the
    // boats row's none.
    let storm = &grid.rows[row_of(2, "storm")];
    assert!(
        storm.marked.iter().filter(|&&m| m).count() >= 2,
        "{storm:?}"
    );
    assert!(storm
        .marked
        .iter()
        .zip(&storm.cells)
        .all(|(&m, c)| !m || !c.is_empty()));
    assert!(!grid.rows[row_of(1, "boats")].marked.contains(&true));
    assert_eq!(grid.rows[row_of(1, "storm")].carried_by(), 3);
}

#[test]
fn a_base_out_of_range_is_the_first_article() {
    let report = harbour();
    assert_eq!(grid(&report, 9).base, 0);
    assert!(grid(
        &Report {
            documents: Vec::new(),
            ..report
        },
        0
    )
    .rows
    .is_empty());
}
