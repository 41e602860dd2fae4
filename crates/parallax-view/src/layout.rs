//! In which order rows come, and what each row shows.

use crate::discrepancy::{flag_views, FlagView};
use crate::group::{clean_links, groups, CleanLink, Group};
use crate::marks::{marked_sentence, plain, sentences};
use crate::row::{Mark, Moved, Row, RowDisplay, RowKind, SentenceView};
use parallax::report::{DiffOp, Report, SentenceKind, SentenceReport, Span, TextRange};
use std::collections::BTreeSet;

pub use crate::group::link_indices;

/// One placed item before it becomes a row.
enum Item<'g, 'a, 'r> {
    Link(&'g Group<'a, 'r>),
    OnlyLeft(usize),
    OnlyRight(usize),
}

/// Builds the rows of a report (see the crate documentation for the order).
///
/// Indices that do not exist in the report are skipped, so a hand-edited report renders
/// what it can instead of panicking.
///
/// # Example: a sentence only the right article has sits where it belongs
///
/// ```
/// use parallax::{compare, Article, Options};
/// use parallax_view::rows;
/// let report = compare(
///     &Article::new("L", "Rain fell all day. The match was cancelled. Fans went home."),
///     &Article::new("R", "Rain fell all day. A fox ran on the pitch. The match was cancelled."),
///     &Options::default(),
/// );
/// let kinds: Vec<&str> = rows(&report).iter().map(|r| r.kind.name()).collect();
/// assert_eq!(kinds, ["identical", "only-right", "identical", "only-left"]);
/// ```
///
/// # Example: the partner of the first left sentence sits in the right article's 2nd paragraph
///
/// ```
/// use parallax::{compare, Article, Options};
/// let right = "The match was cancelled. Fans went home.\n\nRain fell all day and all night.";
/// let report = compare(
///     &Article::new("L", "Rain fell all day and all night. The match was cancelled. Fans went home."),
///     &Article::new("R", right),
///     &Options::default(),
/// );
/// let moved = parallax_view::rows(&report)[0].moved.expect("moved");
/// assert_eq!((moved.sentence, moved.paragraph), (2, 2));
/// ```
pub fn rows(report: &Report) -> Vec<Row> {
    rows_part(report, 0..usize::MAX).0
}

/// Rows `part` of [`rows`] (clamped to the rows there are) and the number of rows in all:
/// a long report's rows built a part at a time, over several tasks, come out the same as
/// [`rows`] (the order is worked out again for each part; the rows, most of the cost, once).
///
/// # Example
///
/// ```
/// use parallax::{compare, Article, Options};
/// use parallax_view::{rows, rows_part};
/// let report = compare(
///     &Article::new("L", "Rain fell all day. The match was cancelled. Fans went home."),
///     &Article::new("R", "Rain fell all day. A fox ran on the pitch. The match was cancelled."),
///     &Options::default(),
/// );
/// let (first, total) = rows_part(&report, 0..3);
/// let (rest, _) = rows_part(&report, 3..total);
/// assert_eq!((first.len(), total), (3, 4));
/// assert_eq!([first, rest].concat(), rows(&report));
/// ```
pub fn rows_part(report: &Report, part: std::ops::Range<usize>) -> (Vec<Row>, usize) {
    let links = clean_links(report);
    let groups = groups(&links);
    let placed = placed(report, &groups);
    let total = placed.len();
    let part = part.start.min(total)..part.end.min(total);
    let mut out: Vec<Row> = placed[part.clone()]
        .iter()
        .map(|item| make_row(report, item))
        .collect();
    mark_moved(&mut out, part.start, &placed, sentences(report, 1));
    (out, total)
}

/// The items of `groups` and the unlinked sentences, in the order their rows come.
fn placed<'g, 'a, 'r>(report: &Report, groups: &'g [Group<'a, 'r>]) -> Vec<Item<'g, 'a, 'r>> {
    let left_count = sentences(report, 0).len();
    let right_count = sentences(report, 1).len();

    // The sentences no link holds (the engine's `report.unmatched`, recomputed so that an
    // odd report still shows every sentence exactly once).
    let mut only_left = vec![true; left_count];
    let mut only_right = vec![true; right_count];
    for group in groups {
        for &i in &group.left {
            only_left[i] = false;
        }
        for &j in &group.right {
            only_right[j] = false;
        }
    }

    // Groups anchored at each left sentence.
    let mut anchored: Vec<Vec<&Group>> = (0..left_count).map(|_| Vec::new()).collect();
    let mut right_only_groups: Vec<&Group> = Vec::new();
    for group in groups {
        match group.left.first().and_then(|&i| anchored.get_mut(i)) {
            Some(slot) => slot.push(group),
            None => right_only_groups.push(group),
        }
    }
    for slot in &mut anchored {
        parallax::order::sort_by_key(slot, |g| g.right.first().copied().unwrap_or(usize::MAX));
    }

    let mut items: Vec<Item> = Vec::new();
    for (i, slot) in anchored.iter().enumerate() {
        items.extend(slot.iter().map(|g| Item::Link(g)));
        if only_left.get(i).copied().unwrap_or(false) {
            items.push(Item::OnlyLeft(i));
        }
    }

    // The last row that holds each linked right sentence.
    let mut row_of_right: Vec<Option<usize>> = vec![None; right_count];
    for (at, item) in items.iter().enumerate() {
        if let Item::Link(group) = item {
            for &j in &group.right {
                if let Some(slot) = row_of_right.get_mut(j) {
                    *slot = Some(at);
                }
            }
        }
    }
    // Insertion point of a right sentence: after the row of its nearest linked predecessor;
    // without one, just before the first row that has a right side (so leading left-only
    // rows, such as a headline, come first).
    let first_with_right = items
        .iter()
        .position(|item| matches!(item, Item::Link(l) if !l.right.is_empty()))
        .unwrap_or(items.len());
    let mut anchor_after = vec![first_with_right; right_count];
    let mut anchor = first_with_right;
    for (j, row) in row_of_right.iter().enumerate() {
        if let Some(slot) = anchor_after.get_mut(j) {
            *slot = anchor;
        }
        if let Some(at) = row {
            anchor = at + 1;
        }
    }
    let mut buckets: Vec<Vec<Item>> = (0..=items.len()).map(|_| Vec::new()).collect();
    let mut extra: Vec<(usize, usize, Item)> = (0..right_count)
        .filter(|&j| only_right.get(j).copied().unwrap_or(false))
        .map(|j| {
            (
                anchor_after.get(j).copied().unwrap_or(0),
                j,
                Item::OnlyRight(j),
            )
        })
        .collect();
    extra.extend(right_only_groups.iter().map(|g| {
        let j = g.right.first().copied().unwrap_or(0);
        (anchor_after.get(j).copied().unwrap_or(0), j, Item::Link(g))
    }));
    parallax::order::sort_by_key(&mut extra, |&(at, j, _)| (at, j));
    for (at, _, item) in extra {
        if let Some(bucket) = buckets.get_mut(at) {
            bucket.push(item);
        }
    }

    let mut placed: Vec<Item> = Vec::new();
    let mut items = items.into_iter();
    for bucket in buckets {
        placed.extend(bucket);
        placed.extend(items.next());
    }

    placed
}

fn make_row(report: &Report, item: &Item) -> Row {
    let plain_row = |kind: RowKind, doc: usize, i: usize| {
        let view: Vec<SentenceView> = plain(report, doc, i).into_iter().collect();
        let (left, right) = if doc == 0 {
            (view, Vec::new())
        } else {
            (Vec::new(), view)
        };
        Row {
            kind,
            link: None,
            links: Vec::new(),
            score: None,
            display: RowDisplay::Diff,
            left,
            right,
            moved: None,
            boilerplate: false,
            flags: Vec::new(),
            by_reader: false,
        }
    };
    let row = match item {
        Item::Link(group) => group_row(report, group),
        Item::OnlyLeft(i) => plain_row(RowKind::OnlyLeft, 0, *i),
        Item::OnlyRight(j) => plain_row(RowKind::OnlyRight, 1, *j),
    };
    let all_boilerplate = row
        .left
        .iter()
        .chain(&row.right)
        .all(|s| s.kind == SentenceKind::Boilerplate);
    let empty = row.left.is_empty() && row.right.is_empty();
    Row {
        boilerplate: all_boilerplate && !empty,
        ..row
    }
}

/// Marks link rows whose right side breaks the right article's order: the rows outside one
/// longest non-decreasing run of right positions. `out` holds the rows of `placed` from
/// `first` on.
fn mark_moved(out: &mut [Row], first: usize, placed: &[Item], right: &[SentenceReport]) {
    let keyed: Vec<(usize, usize)> = placed
        .iter()
        .enumerate()
        .filter_map(|(at, item)| match item {
            Item::Link(g) if !g.left.is_empty() => g.right.first().map(|&j| (at, j)),
            _ => None,
        })
        .collect();
    let keys: Vec<usize> = keyed.iter().map(|&(_, j)| j).collect();
    let keep = longest_non_decreasing(&keys);
    for (k, &(at, j)) in keyed.iter().enumerate() {
        if !keep.contains(&k) {
            if let Some(row) = at.checked_sub(first).and_then(|k| out.get_mut(k)) {
                row.moved = Some(Moved {
                    sentence: j,
                    paragraph: right.get(j).map_or(0, |s| s.paragraph) + 1,
                });
            }
        }
    }
}

/// Positions of one longest non-decreasing subsequence of `keys` (patience sorting).
pub(crate) fn longest_non_decreasing(keys: &[usize]) -> BTreeSet<usize> {
    // tails[len] = position of the smallest tail of a run of length len + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; keys.len()];
    for (k, &key) in keys.iter().enumerate() {
        let at = tails.partition_point(|&t| keys.get(t).is_some_and(|&v| v <= key));
        if let Some(slot) = previous.get_mut(k) {
            *slot = at.checked_sub(1).and_then(|p| tails.get(p).copied());
        }
        if at == tails.len() {
            tails.push(k);
        } else if let Some(slot) = tails.get_mut(at) {
            *slot = k;
        }
    }
    let mut keep = BTreeSet::new();
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        keep.insert(k);
        cursor = previous.get(k).copied().flatten();
    }
    keep
}

/// A link's score in `[0, 1]`, `None` when it is not a number.
fn clean_score(score: f64) -> Option<f64> {
    score.is_finite().then(|| score.clamp(0.0, 1.0))
}

/// Marked ranges of a document's shown text, sorted.
type Marks = Vec<(TextRange, Mark)>;

/// The word-diff marks of one link on one side (`left` or right), sorted, in the document's
/// shown text.
fn link_marks(link: &CleanLink, left: bool) -> Marks {
    let mut marks: Marks = link
        .link
        .diff
        .iter()
        .filter_map(|span: &Span| {
            let (range, mark) = if left {
                let changed = matches!(span.op, DiffOp::Delete | DiffOp::Replace);
                (
                    span.left_clean?,
                    if changed { Mark::Removed } else { Mark::Same },
                )
            } else {
                let changed = matches!(span.op, DiffOp::Insert | DiffOp::Replace);
                (
                    span.right_clean?,
                    if changed { Mark::Added } else { Mark::Same },
                )
            };
            let [start, end] = range;
            (mark != Mark::Same && start < end).then_some((range, mark))
        })
        .collect();
    parallax::order::sort_by_key(&mut marks, |&(r, _)| r);
    marks
}

/// The row of a group of links: every sentence once, each marked by the best link of the
/// group that holds it; kind and score of the best link; the flags of all links.
fn group_row(report: &Report, group: &Group) -> Row {
    // Marks per link and side, computed once: (link index, left marks, right marks).
    let marks: Vec<(usize, Marks, Marks)> = group
        .links
        .iter()
        .map(|l| (l.index, link_marks(l, true), link_marks(l, false)))
        .collect();
    let side = |doc: usize, indices: &[usize]| -> Vec<SentenceView> {
        indices
            .iter()
            .filter_map(|&i| {
                let holder = group.best_holding(doc, i)?;
                let (_, left, right) = marks.iter().find(|(k, _, _)| *k == holder.index)?;
                let view = marked_sentence(report, doc, i, if doc == 0 { left } else { right })?;
                Some(SentenceView {
                    link: Some(holder.index),
                    unsure: clean_score(holder.link.score)
                        .is_some_and(|s| s < parallax::report::SURE_FROM),
                    ..view
                })
            })
            .collect()
    };
    let kind = match (group.best(), group.left.is_empty(), group.right.is_empty()) {
        (_, true, _) => RowKind::OnlyRight,
        (Some(best), false, false) => RowKind::Link(best.link.kind),
        // No right side (or, never, no link at all).
        _ => RowKind::OnlyLeft,
    };
    let score = group.best().and_then(|l| clean_score(l.link.score));
    let holders = |doc: usize, indices: &[usize]| -> Vec<(usize, &SentenceReport)> {
        let all = sentences(report, doc);
        indices
            .iter()
            .filter_map(|&i| all.get(i).map(|s| (i, s)))
            .collect()
    };
    let mut flags: Vec<FlagView> = Vec::new();
    for link in &group.links {
        for flag in flag_views(
            &link.link.flags,
            &holders(0, &link.left),
            &holders(1, &link.right),
        ) {
            if !flags.contains(&flag) {
                flags.push(flag);
            }
        }
    }
    Row {
        kind,
        link: group.best().map(|l| l.index),
        links: group.links.iter().map(|l| l.index).collect(),
        score,
        display: RowDisplay::of(kind),
        left: side(0, &group.left),
        right: side(1, &group.right),
        moved: None,
        boilerplate: false,
        flags,
        by_reader: group.links.iter().any(|l| l.link.by_reader),
    }
}
