//! Discrepancy flags on rows: views, spots, the filter, folds and the summary count.

use super::{report, synthetic};
use crate::fold::{blocks, Block, Filter};
use crate::summary::summary;
use crate::{rows, FlagSpot, FlagView};
use parallax::report::{Flag, FlagKind, Severity};
use std::collections::BTreeSet;

const LEFT: &str = "Rain fell all day in the port.\n\nOfficials said at least 217 people were moved on Wednesday.\n\nEnvoy Yury Ushakov arrived by train.";
const RIGHT: &str = "Rain fell all day in the port.\n\nOfficials said at least 270 people were moved on Wednesday.\n\nEnvoy Yuri Ushakov arrived by train.";

#[test]
fn link_rows_carry_their_flags_with_the_flagged_words() {
    let r = report(LEFT, RIGHT);
    let all = rows(&r);
    let flags: Vec<Vec<FlagView>> = all.iter().map(|row| row.flags.clone()).collect();
    assert!(flags[0].is_empty(), "{flags:?}");
    assert_eq!(
        flags[1],
        [FlagView {
            kind: "number",
            severity: "conflict",
            note: "217 ≠ 270".to_owned(),
            left: Some(FlagSpot {
                sentence: 1,
                range: [24, 27],
                text: "217".to_owned(),
            }),
            right: Some(FlagSpot {
                sentence: 1,
                range: [24, 27],
                text: "270".to_owned(),
            }),
        }]
    );
    assert_eq!(flags[1][0].label(), "number: 217 ≠ 270");
    assert_eq!(
        flags[2]
            .iter()
            .map(|f| (f.kind, f.severity, f.is_conflict()))
            .collect::<Vec<_>>(),
        [("name", "variant", false)]
    );
}

#[test]
fn the_discrepancies_filter_keeps_flagged_rows_only() {
    let r = report(LEFT, RIGHT);
    let all = rows(&r);
    let shown = blocks(&all, Filter::Discrepancies, &BTreeSet::new());
    assert_eq!(shown, [Block::Row(1), Block::Row(2)]);
    assert_eq!(Filter::Discrepancies.label(), "Discrepancies");
    assert_eq!(Filter::Discrepancies.name(), "discrepancies");
    let names: BTreeSet<&str> = Filter::ALL.iter().map(|f| f.name()).collect();
    assert_eq!(names.len(), Filter::ALL.len());
}

#[test]
fn the_summary_counts_flags_and_conflicts() {
    let r = report(LEFT, RIGHT);
    let s = summary(&r, &rows(&r));
    assert_eq!((s.flags, s.conflicts), (2, 1));
    let same = report(LEFT, LEFT);
    let s = summary(&same, &rows(&same));
    assert_eq!((s.flags, s.conflicts), (0, 0));
}

/// A flag on a hand-made report whose shown-text ranges are given.
fn flag(left_clean: Option<[usize; 2]>, right_clean: Option<[usize; 2]>) -> Flag {
    Flag {
        kind: FlagKind::Date,
        severity: Severity::Conflict,
        left: None,
        right: None,
        left_clean,
        right_clean,
        note: "Monday ≠ Tuesday".to_owned(),
    }
}

/// A left shown-text range of a flag and the spot it should give: `(sentence, range, text)`.
struct SpotCase {
    name: &'static str,
    range: Option<[usize; 2]>,
    expected: Option<(usize, [usize; 2], &'static str)>,
}

const SPOT_CASES: &[SpotCase] = &[
    SpotCase {
        name: "inside the second sentence",
        range: Some([18, 23]),
        expected: Some((1, [3, 8], "words")),
    },
    SpotCase {
        name: "in a sentence of another row",
        range: Some([33, 38]),
        expected: None,
    },
    SpotCase {
        name: "straddling two sentences",
        range: Some([10, 20]),
        expected: None,
    },
    SpotCase {
        name: "past the end",
        range: Some([900, 905]),
        expected: None,
    },
    SpotCase {
        name: "empty",
        range: Some([18, 18]),
        expected: None,
    },
    SpotCase {
        name: "absent",
        range: None,
        expected: None,
    },
];

#[test]
fn spot_case_names_are_unique() {
    let names: BTreeSet<&str> = SPOT_CASES.iter().map(|c| c.name).collect();
    assert_eq!(names.len(), SPOT_CASES.len());
}

#[test]
fn spots_outside_the_rows_sentences_are_dropped() {
    // Sentences "l0 words here." (0..14), "l1 words here." (15..29), ... in each document.
    for case in SPOT_CASES {
        let mut r = synthetic(3, 3, &[(&[0, 1], &[0, 1]), (&[2], &[2])]);
        r.links[0].flags = vec![flag(case.range, Some([3, 8]))];
        let all = rows(&r);
        let view = &all[0].flags[0];
        let found = view
            .left
            .as_ref()
            .map(|s| (s.sentence, s.range, s.text.as_str()));
        assert_eq!(found, case.expected, "{}", case.name);
        assert_eq!(
            view.right.as_ref().map(|s| s.text.as_str()),
            Some("words"),
            "{}",
            case.name
        );
    }
}

#[test]
fn a_flagged_identical_row_does_not_fold() {
    let mut r = synthetic(3, 3, &[(&[0], &[0]), (&[1], &[1]), (&[2], &[2])]);
    for link in &mut r.links {
        link.kind = parallax::report::LinkKind::Identical;
    }
    r.links[1].flags = vec![flag(None, None)];
    let all = rows(&r);
    assert!(all[1].is_change());
    let shown = blocks(&all, Filter::All, &BTreeSet::new());
    assert_eq!(shown, [Block::Row(0), Block::Row(1), Block::Row(2)]);
}
