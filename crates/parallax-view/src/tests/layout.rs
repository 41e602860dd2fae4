//! Rows: order, places of unmatched sentences, moved marks and word marks.

use super::{marked, report, synthetic};
use crate::layout::longest_non_decreasing;
use crate::{rows, Moved, Row, RowKind, SentenceView};
use parallax::report::{DiffOp, SentenceKind, Span};

fn texts(views: &[SentenceView]) -> Vec<String> {
    views.iter().map(SentenceView::text).collect()
}

fn kinds(rows: &[Row]) -> Vec<&'static str> {
    rows.iter().map(|row| row.kind.name()).collect()
}

/// Each row's left and right sentence indices.
pub(super) fn shape(rows: &[Row]) -> Vec<(Vec<usize>, Vec<usize>)> {
    rows.iter()
        .map(|r| {
            (
                r.left.iter().map(|s| s.sentence).collect(),
                r.right.iter().map(|s| s.sentence).collect(),
            )
        })
        .collect()
}

#[test]
fn pieces_mark_changes_and_rebuild_the_sentence() {
    let r = report("The red car stopped.", "The blue car stopped.");
    let all = rows(&r);
    assert_eq!(all.len(), 1);
    assert_eq!(marked(&all[0].left), ["The [-red-] car stopped."]);
    assert_eq!(marked(&all[0].right), ["The {+blue+} car stopped."]);
    assert_eq!(texts(&all[0].left), ["The red car stopped."]);
}

#[test]
fn mojibake_is_shown_repaired_with_marks_in_place() {
    let r = report(
        "Itâ€™s a storm warning for the coast.",
        "It’s a storm warning for the coast today.",
    );
    let all = rows(&r);
    assert_eq!(
        marked(&all[0].left),
        ["It’s a storm warning for the coast."]
    );
    assert_eq!(
        marked(&all[0].right),
        ["It’s a storm warning for the coast {+today+}."]
    );
    // A changed word right after a repaired character keeps its mark on the right letters.
    let r = report(
        "Officials donâ€™t expect rain in Leeds.",
        "Officials don’t expect snow in Leeds.",
    );
    let all = rows(&r);
    assert_eq!(
        marked(&all[0].left),
        ["Officials don’t expect [-rain-] in Leeds."]
    );
}

#[test]
fn unmarked_sentences_show_the_reports_clean_text() {
    let r = report(
        "Storm  warning\u{AD}s today.\n\nRain fell all day.",
        "Rain fell all day.",
    );
    let all = rows(&r);
    assert_eq!(all[0].kind, RowKind::OnlyLeft);
    assert_eq!(
        texts(&all[0].left),
        [r.documents[0].sentences[0].clean.clone()]
    );
    assert!(!texts(&all[0].left)[0].contains('\u{AD}'));
}

#[test]
fn unmatched_rows_keep_their_places() {
    let r = report(
        "Storm warning\n\nRain fell all day. Fans went home early.",
        "Council news\n\nA fox ran on the pitch. Rain fell all day.",
    );
    assert_eq!(
        kinds(&rows(&r)),
        [
            "only-left",
            "only-right",
            "only-right",
            "identical",
            "only-left"
        ]
    );
}

#[test]
fn unmatched_sentences_sit_in_their_natural_place_and_nothing_is_moved() {
    let left = "Rain fell all day. The match was cancelled. Fans went home.";
    let right = "Rain fell all day. A fox ran on the pitch. The match was cancelled.";
    let r = report(left, right);
    let all = rows(&r);
    assert_eq!(
        kinds(&all),
        ["identical", "only-right", "identical", "only-left"]
    );
    assert!(all.iter().all(|row| row.moved.is_none()));
    assert_eq!(all, rows(&r));
}

#[test]
fn every_sentence_appears() {
    let r = report(
        "One two three. Four five six. Seven eight nine.",
        "Seven eight nine. Ten eleven. One two three.",
    );
    let all = rows(&r);
    for (doc, count) in [(0, 3), (1, 3)] {
        let mut seen: Vec<usize> = all
            .iter()
            .flat_map(|row| if doc == 0 { &row.left } else { &row.right })
            .map(|v| v.sentence)
            .collect();
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen, (0..count).collect::<Vec<_>>(), "doc {doc}");
    }
}

#[test]
fn empty_report_has_no_rows() {
    assert!(rows(&report("", "")).is_empty());
}

#[test]
fn reordered_right_sentence_is_marked_moved_with_its_paragraph() {
    // Left order 0 1 2; right order 1 2 0: left 0's partner sits at the end of the right.
    let r = synthetic(3, 3, &[(&[0], &[2]), (&[1], &[0]), (&[2], &[1])]);
    let moved: Vec<Option<Moved>> = rows(&r).iter().map(|row| row.moved).collect();
    let expected = Moved {
        sentence: 2,
        paragraph: 3,
    };
    assert_eq!(moved, [Some(expected), None, None]);
}

#[test]
fn many_to_many_links_share_one_row_and_show_each_sentence_once() {
    // Left 0 is in two links; right 1 is in two links; duplicates and bad indices appear.
    let r = synthetic(
        3,
        3,
        &[
            (&[0, 0, 9], &[0, 1]),
            (&[0, 1], &[1]),
            (&[2], &[2, 2]),
            (&[], &[]),
        ],
    );
    let all = rows(&r);
    assert_eq!(shape(&all), [(vec![0, 1], vec![0, 1]), (vec![2], vec![2])]);
    let links: Vec<Option<usize>> = all.iter().map(|row| row.link).collect();
    assert_eq!(links, [Some(0), Some(2)]);
    let groups: Vec<Vec<usize>> = all.iter().map(|row| row.links.clone()).collect();
    assert_eq!(groups, [vec![0, 1], vec![2]]);
}

#[test]
fn link_without_left_sentences_is_placed_like_a_right_only_sentence() {
    let r = synthetic(2, 3, &[(&[0], &[0]), (&[], &[1]), (&[1], &[2])]);
    let all = rows(&r);
    assert_eq!(
        shape(&all),
        [(vec![0], vec![0]), (vec![], vec![1]), (vec![1], vec![2])]
    );
    assert_eq!(all[1].kind, RowKind::OnlyRight);
}

#[test]
fn bad_spans_and_indices_never_panic_and_keep_the_text() {
    let mut r = synthetic(1, 1, &[(&[0], &[0])]);
    r.links[0].diff = vec![
        Span {
            op: DiffOp::Replace,
            left: Some([5, 1]),
            right: Some([0, 999]),
            left_clean: Some([5, 1]),
            right_clean: Some([0, 999]),
        },
        Span {
            op: DiffOp::Delete,
            left: Some([usize::MAX - 1, usize::MAX]),
            right: None,
            left_clean: Some([usize::MAX - 1, usize::MAX]),
            right_clean: None,
        },
    ];
    r.documents[1].sentences[0].clean_start = usize::MAX - 3; // offsets that do not fit
    let all = rows(&r);
    assert_eq!(texts(&all[0].left), ["l0 words here."]);
    assert_eq!(texts(&all[0].right), ["r0 words here."]);

    let mut r = report("Rain fell.", "Rain fell.");
    r.links[0].left = vec![7];
    r.links[0].diff[0].left_clean = Some([100, 200]);
    let all = rows(&r);
    assert!(all
        .iter()
        .all(|row| row.left.iter().all(|v| v.sentence == 0)));
}

#[test]
fn multibyte_marks_stay_on_char_boundaries() {
    let (left, right) = (
        "Zoë kaufte Äpfel für München.",
        "Zoë kaufte Birnen für München.",
    );
    let r = report(left, right);
    let all = rows(&r);
    assert_eq!(texts(&all[0].left), [left]);
    assert_eq!(texts(&all[0].right), [right]);
    assert_eq!(marked(&all[0].left), ["Zoë kaufte [-Äpfel-] für München."]);
}

#[test]
fn boilerplate_rows_are_flagged() {
    let mut r = synthetic(2, 1, &[(&[1], &[0])]);
    r.documents[0].sentences[0].kind = SentenceKind::Boilerplate;
    let all = rows(&r);
    let flags: Vec<bool> = all.iter().map(|row| row.boilerplate).collect();
    assert_eq!(flags, [true, false]);
}

#[test]
fn longest_run_prefers_the_order_most_rows_follow() {
    let keep = longest_non_decreasing(&[2, 0, 1, 3]);
    assert_eq!(keep.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
    assert!(longest_non_decreasing(&[]).is_empty());
    assert_eq!(longest_non_decreasing(&[1, 1]).len(), 2);
}
