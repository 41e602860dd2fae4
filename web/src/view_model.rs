//! Turns a [`Report`] into what the page shows: rows, folds, ribbons, partners and summary numbers.
//!
//! Plain Rust with native unit tests; the components only map these values to elements.
//!
//! # Many-to-many links
//!
//! A link may hold several sentences per side, and one sentence may sit in several links. The
//! view model never assumes otherwise and never panics on an odd report:
//! - every link becomes its own row, placed at its first (smallest) left sentence; a sentence
//!   that belongs to several links is shown once in each of those rows, and once only within a
//!   row (indices are sorted and deduplicated, out-of-range indices are dropped);
//! - a sentence is unmatched when no link names it (computed here, not read from
//!   `report.unmatched`, so the two can never disagree on screen);
//! - a link without left sentences is placed like an unmatched right sentence;
//! - word marks are clamped to each sentence's own byte range, so spans that straddle several
//!   sentences of a link mark each sentence's share.

use parallax::align::LinkKind;
use parallax::diff::DiffOp;
use parallax::report::{Report, SentenceReport};
use parallax::segment::SentenceKind;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RowKind {
    /// Linked sentences of this kind.
    Link(LinkKind),
    /// A left sentence with no counterpart.
    OnlyLeft,
    /// A right sentence with no counterpart.
    OnlyRight,
}

impl RowKind {
    /// Every kind a row can show, in the order the summary lists them.
    pub const ALL: [RowKind; 6] = [
        RowKind::Link(LinkKind::Identical),
        RowKind::Link(LinkKind::Minor),
        RowKind::Link(LinkKind::Paraphrase),
        RowKind::Link(LinkKind::Partial),
        RowKind::OnlyLeft,
        RowKind::OnlyRight,
    ];

    /// The stable name used in `data-link` attributes and CSS classes.
    pub fn name(self) -> &'static str {
        match self {
            RowKind::Link(LinkKind::Identical) => "identical",
            RowKind::Link(LinkKind::Minor) => "minor",
            RowKind::Link(LinkKind::Paraphrase) => "paraphrase",
            RowKind::Link(_) => "partial",
            RowKind::OnlyLeft => "only-left",
            RowKind::OnlyRight => "only-right",
        }
    }

    /// The label shown to the reader.
    pub fn label(self) -> &'static str {
        match self {
            RowKind::Link(LinkKind::Identical) => "identical",
            RowKind::Link(LinkKind::Minor) => "minor",
            RowKind::Link(LinkKind::Paraphrase) => "paraphrase",
            RowKind::Link(_) => "partial",
            RowKind::OnlyLeft => "only left",
            RowKind::OnlyRight => "only right",
        }
    }

    /// Whether the row is identical on both sides.
    pub fn is_identical(self) -> bool {
        self == RowKind::Link(LinkKind::Identical)
    }

    /// Folds unknown future link kinds into `partial`, so counts match the badges.
    fn normalized(self) -> RowKind {
        match self {
            RowKind::Link(
                kind @ (LinkKind::Identical | LinkKind::Minor | LinkKind::Paraphrase),
            ) => RowKind::Link(kind),
            RowKind::Link(_) => RowKind::Link(LinkKind::Partial),
            other => other,
        }
    }
}

/// How a piece of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Present on both sides.
    Same,
    /// Only on the left: shown struck through.
    Removed,
    /// Only on the right: shown underlined.
    Added,
}

/// A run of text with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The user's own text.
    pub text: String,
    /// How it is marked.
    pub mark: Mark,
}

/// One sentence as shown in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceView {
    /// Index of the article (0 left, 1 right).
    pub doc: usize,
    /// Index of the sentence in its article.
    pub sentence: usize,
    /// The sentence's role in its article (headline, body, boilerplate...).
    pub role: SentenceKind,
    /// The sentence's text cut into marked pieces.
    pub pieces: Vec<Piece>,
}

impl SentenceView {
    /// The role as a CSS-friendly name.
    pub fn role_name(&self) -> &'static str {
        role_name(self.role)
    }
}

/// The role of a sentence as a CSS-friendly name.
pub fn role_name(role: SentenceKind) -> &'static str {
    match role {
        SentenceKind::Headline => "headline",
        SentenceKind::Caption => "caption",
        SentenceKind::Byline => "byline",
        SentenceKind::Boilerplate => "boilerplate",
        _ => "body",
    }
}

/// Where a right sentence shown out of its own order really sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// Index of the (first) right sentence of the row.
    pub sentence: usize,
    /// Its paragraph in the right article, counted from 1.
    pub paragraph: usize,
}

/// One row of the aligned view; an empty side is an empty cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// Similarity of a link, `None` for an unmatched sentence.
    pub score: Option<f64>,
    /// Left sentences.
    pub left: Vec<SentenceView>,
    /// Right sentences.
    pub right: Vec<SentenceView>,
    /// Set when the right side sits elsewhere in the right article's own order.
    pub moved: Option<Moved>,
    /// Whether every sentence in the row is page furniture (kind `boilerplate`).
    pub boilerplate: bool,
}

impl Row {
    /// Whether the row counts as a difference for navigation and the "changes" filter:
    /// anything but an identical row in its own place.
    pub fn is_change(&self) -> bool {
        !self.kind.is_identical() || self.moved.is_some()
    }
}

/// A link with its indices cleaned: sorted, deduplicated, in range.
struct CleanLink<'a> {
    left: Vec<usize>,
    right: Vec<usize>,
    link: &'a parallax::report::Link,
}

fn clean_indices(indices: &[usize], count: usize) -> Vec<usize> {
    let set: BTreeSet<usize> = indices.iter().copied().filter(|&i| i < count).collect();
    set.into_iter().collect()
}

fn sentences(report: &Report, doc: usize) -> &[SentenceReport] {
    report
        .documents
        .get(doc)
        .map_or(&[], |d| d.sentences.as_slice())
}

/// One placed item before it becomes a row.
enum Item<'a> {
    Link(&'a CleanLink<'a>),
    OnlyLeft(usize),
    OnlyRight(usize),
}

/// Builds the rows: links in the left article's order, unmatched left sentences in place, and
/// each unmatched right sentence right after the last row that holds its nearest linked
/// predecessor in the right article. `right_text` is the right input, used only to number
/// paragraphs for the "moved" marks; a text that does not fit the report just gives worse
/// numbers.
pub fn rows(report: &Report, right_text: &str) -> Vec<Row> {
    let left_count = sentences(report, 0).len();
    let right_count = sentences(report, 1).len();
    let links: Vec<CleanLink> = report
        .links
        .iter()
        .map(|link| CleanLink {
            left: clean_indices(&link.left, left_count),
            right: clean_indices(&link.right, right_count),
            link,
        })
        .filter(|l| !(l.left.is_empty() && l.right.is_empty()))
        .collect();

    // Links anchored at each left sentence, and which sentences any link covers.
    let mut anchored: Vec<Vec<&CleanLink>> = (0..left_count).map(|_| Vec::new()).collect();
    let mut left_linked = vec![false; left_count];
    let mut right_linked = vec![false; right_count];
    let mut right_only_links: Vec<&CleanLink> = Vec::new();
    for link in &links {
        for &i in &link.left {
            left_linked[i] = true;
        }
        match link.left.first().and_then(|&i| anchored.get_mut(i)) {
            Some(slot) => {
                for &j in &link.right {
                    right_linked[j] = true;
                }
                slot.push(link);
            }
            None => right_only_links.push(link),
        }
    }
    for slot in &mut anchored {
        slot.sort_by_key(|l| l.right.first().copied().unwrap_or(usize::MAX));
    }

    let mut items: Vec<Item> = Vec::new();
    for (i, slot) in anchored.iter().enumerate() {
        items.extend(slot.iter().map(|l| Item::Link(l)));
        if !left_linked[i] {
            items.push(Item::OnlyLeft(i));
        }
    }

    // The last row that holds each linked right sentence.
    let mut row_of_right: Vec<Option<usize>> = vec![None; right_count];
    for (at, item) in items.iter().enumerate() {
        if let Item::Link(link) = item {
            for &j in &link.right {
                row_of_right[j] = Some(at);
            }
        }
    }
    // Insertion point of a right sentence: after the row of its nearest linked predecessor.
    let mut anchor_after = vec![0; right_count];
    let mut anchor = 0;
    for (j, row) in row_of_right.iter().enumerate() {
        anchor_after[j] = anchor;
        if let Some(at) = row {
            anchor = at + 1;
        }
    }
    let mut buckets: Vec<Vec<Item>> = (0..=items.len()).map(|_| Vec::new()).collect();
    let mut extra: Vec<(usize, usize, Item)> = (0..right_count)
        .filter(|&j| !right_linked[j])
        .filter(|&j| !right_only_links.iter().any(|l| l.right.contains(&j)))
        .map(|j| (anchor_after[j], j, Item::OnlyRight(j)))
        .collect();
    extra.extend(right_only_links.iter().map(|l| {
        let j = l.right.first().copied().unwrap_or(0);
        (anchor_after.get(j).copied().unwrap_or(0), j, Item::Link(l))
    }));
    extra.sort_by_key(|&(at, j, _)| (at, j));
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

    let paragraphs = paragraphs(right_text, sentences(report, 1));
    let mut out: Vec<Row> = placed.iter().map(|item| make_row(report, item)).collect();
    mark_moved(&mut out, &placed, &paragraphs);
    out
}

fn make_row(report: &Report, item: &Item) -> Row {
    let row = match item {
        Item::Link(link) => link_row(report, link),
        Item::OnlyLeft(i) => Row {
            kind: RowKind::OnlyLeft,
            score: None,
            left: plain(report, 0, *i).into_iter().collect(),
            right: Vec::new(),
            moved: None,
            boilerplate: false,
        },
        Item::OnlyRight(j) => Row {
            kind: RowKind::OnlyRight,
            score: None,
            left: Vec::new(),
            right: plain(report, 1, *j).into_iter().collect(),
            moved: None,
            boilerplate: false,
        },
    };
    let all_boilerplate = row
        .left
        .iter()
        .chain(&row.right)
        .all(|s| s.role == SentenceKind::Boilerplate);
    let empty = row.left.is_empty() && row.right.is_empty();
    Row {
        boilerplate: all_boilerplate && !empty,
        ..row
    }
}

/// Marks link rows whose right side breaks the right article's order: the rows outside one
/// longest non-decreasing run of right positions.
fn mark_moved(out: &mut [Row], placed: &[Item], paragraphs: &[usize]) {
    let keyed: Vec<(usize, usize)> = placed
        .iter()
        .enumerate()
        .filter_map(|(at, item)| match item {
            Item::Link(l) if !l.left.is_empty() => l.right.first().map(|&j| (at, j)),
            _ => None,
        })
        .collect();
    let keys: Vec<usize> = keyed.iter().map(|&(_, j)| j).collect();
    let keep = longest_non_decreasing(&keys);
    for (k, &(at, j)) in keyed.iter().enumerate() {
        if !keep.contains(&k) {
            if let Some(row) = out.get_mut(at) {
                row.moved = Some(Moved {
                    sentence: j,
                    paragraph: paragraphs.get(j).copied().unwrap_or(0),
                });
            }
        }
    }
}

/// Positions of one longest non-decreasing subsequence of `keys` (patience sorting).
fn longest_non_decreasing(keys: &[usize]) -> BTreeSet<usize> {
    // tails[len] = position of the smallest tail of a run of length len + 1.
    let mut tails: Vec<usize> = Vec::new();
    let mut previous: Vec<Option<usize>> = vec![None; keys.len()];
    for (k, &key) in keys.iter().enumerate() {
        let at = tails.partition_point(|&t| keys[t] <= key);
        previous[k] = at.checked_sub(1).map(|p| tails[p]);
        if at == tails.len() {
            tails.push(k);
        } else {
            tails[at] = k;
        }
    }
    let mut keep = BTreeSet::new();
    let mut cursor = tails.last().copied();
    while let Some(k) = cursor {
        keep.insert(k);
        cursor = previous[k];
    }
    keep
}

/// The paragraph (1-based) of each sentence: a new paragraph starts after a line break.
pub fn paragraphs(text: &str, sentences: &[SentenceReport]) -> Vec<usize> {
    let mut out = Vec::with_capacity(sentences.len());
    let mut paragraph = 0;
    let mut previous_end: Option<usize> = None;
    for s in sentences {
        let breaks = match previous_end {
            None => true,
            Some(end) => text.get(end..s.start).is_some_and(|gap| gap.contains('\n')),
        };
        if breaks {
            paragraph += 1;
        }
        out.push(paragraph);
        previous_end = Some(s.end);
    }
    out
}

fn plain(report: &Report, doc: usize, sentence: usize) -> Option<SentenceView> {
    let s = sentences(report, doc).get(sentence)?;
    Some(SentenceView {
        doc,
        sentence,
        role: s.kind,
        pieces: vec![Piece {
            text: s.text.clone(),
            mark: Mark::Same,
        }],
    })
}

fn link_row(report: &Report, link: &CleanLink) -> Row {
    let spans = |wanted: DiffOp, side: fn(&parallax::report::Span) -> Option<[usize; 2]>| {
        let mut ranges: Vec<Range<usize>> = link
            .link
            .diff
            .iter()
            .filter(|s| s.op == wanted || s.op == DiffOp::Replace)
            .filter_map(side)
            .map(|[a, b]| a..b)
            .collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        ranges
    };
    let removed = spans(DiffOp::Delete, |s| s.left);
    let added = spans(DiffOp::Insert, |s| s.right);
    let side = |doc: usize, indices: &[usize], marked: &[Range<usize>], mark: Mark| {
        indices
            .iter()
            .filter_map(|&i| marked_sentence(report, doc, i, marked, mark))
            .collect()
    };
    let kind = if link.left.is_empty() {
        RowKind::OnlyRight
    } else if link.right.is_empty() {
        RowKind::OnlyLeft
    } else {
        RowKind::Link(link.link.kind)
    };
    let score = link.link.score;
    Row {
        kind,
        score: score.is_finite().then_some(score.clamp(0.0, 1.0)),
        left: side(0, &link.left, &removed, Mark::Removed),
        right: side(1, &link.right, &added, Mark::Added),
        moved: None,
        boilerplate: false,
    }
}

/// Cuts a sentence into pieces, marking the parts that fall inside `marked` byte ranges.
/// Ranges outside the sentence, reversed or off a character boundary are ignored.
fn marked_sentence(
    report: &Report,
    doc: usize,
    sentence: usize,
    marked: &[Range<usize>],
    mark: Mark,
) -> Option<SentenceView> {
    let s = sentences(report, doc).get(sentence)?;
    if s.end < s.start || s.end - s.start != s.text.len() {
        return plain(report, doc, sentence);
    }
    let mut pieces: Vec<Piece> = Vec::new();
    let mut cursor = s.start;
    let mut push = |from: usize, to: usize, mark: Mark| -> bool {
        if from >= to {
            return true;
        }
        match s.text.get(from - s.start..to - s.start) {
            Some(text) => {
                pieces.push(Piece {
                    text: text.to_owned(),
                    mark,
                });
                true
            }
            None => false,
        }
    };
    for range in marked {
        let from = range.start.clamp(s.start, s.end).max(cursor);
        let to = range.end.clamp(s.start, s.end);
        if from >= to
            || !s.text.is_char_boundary(from - s.start)
            || !s.text.is_char_boundary(to - s.start)
        {
            continue;
        }
        push(cursor, from, Mark::Same);
        push(from, to, mark);
        cursor = to;
    }
    if !push(cursor, s.end, Mark::Same) {
        return plain(report, doc, sentence);
    }
    // Neighbouring pieces with the same mark read better as one.
    let mut merged: Vec<Piece> = Vec::with_capacity(pieces.len());
    for piece in pieces {
        match merged.last_mut() {
            Some(last) if last.mark == piece.mark => last.text.push_str(&piece.text),
            _ => merged.push(piece),
        }
    }
    Some(SentenceView {
        doc,
        sentence,
        role: s.kind,
        pieces: merged,
    })
}

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
            let n = rows.iter().filter(|r| r.kind.normalized() == kind).count();
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
    let left_count = sentences(report, 0).len();
    let right_count = sentences(report, 1).len();
    let mut best: BTreeMap<(usize, usize), Ribbon> = BTreeMap::new();
    for link in &report.links {
        let score = if link.score.is_finite() {
            link.score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        for &i in &clean_indices(&link.left, left_count) {
            for &j in &clean_indices(&link.right, right_count) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::report::{DocumentReport, Link, Span, Stats};
    use parallax::{compare, Article, Options};

    fn report(left: &str, right: &str) -> Report {
        compare(
            &Article::new("L", left),
            &Article::new("R", right),
            &Options::default(),
        )
    }

    fn texts(views: &[SentenceView]) -> Vec<String> {
        views
            .iter()
            .map(|v| v.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    fn kinds(rows: &[Row]) -> Vec<&'static str> {
        rows.iter().map(|row| row.kind.name()).collect()
    }

    /// A hand-made report over sentences "s0. s1. ..." with the given links, to test shapes the
    /// engine may produce later (many-to-many, odd indices).
    fn synthetic(left: usize, right: usize, links: &[(&[usize], &[usize])]) -> (Report, String) {
        let doc = |name: &str, count: usize| {
            let mut text = String::new();
            let mut sentences = Vec::new();
            for i in 0..count {
                if i > 0 {
                    text.push('\n');
                }
                let s = format!("{name}{i} words here.");
                sentences.push(SentenceReport {
                    start: text.len(),
                    end: text.len() + s.len(),
                    text: s.clone(),
                    clean: s.clone(),
                    kind: SentenceKind::Body,
                });
                text.push_str(&s);
            }
            (
                DocumentReport {
                    name: name.to_owned(),
                    sentences,
                },
                text,
            )
        };
        let (left_doc, _) = doc("l", left);
        let (right_doc, right_text) = doc("r", right);
        let report = Report {
            format: parallax::report::FORMAT.to_owned(),
            version: parallax::report::VERSION,
            documents: vec![left_doc, right_doc],
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
        };
        (report, right_text)
    }

    fn shape(rows: &[Row]) -> Vec<(Vec<usize>, Vec<usize>)> {
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
    fn unmatched_sentences_sit_in_their_natural_place() {
        let left = "Rain fell all day. The match was cancelled. Fans went home.";
        let right = "Rain fell all day. A fox ran on the pitch. The match was cancelled.";
        let r = report(left, right);
        let all = rows(&r, right);
        assert_eq!(
            kinds(&all),
            ["identical", "only-right", "identical", "only-left"]
        );
        assert!(all.iter().all(|row| row.moved.is_none()));
    }

    #[test]
    fn pieces_rebuild_the_sentence_and_mark_changes() {
        let (left, right) = ("The red car stopped.", "The blue car stopped.");
        let r = report(left, right);
        let all = rows(&r, right);
        assert_eq!(texts(&all[0].left), ["The red car stopped."]);
        assert_eq!(texts(&all[0].right), ["The blue car stopped."]);
        let marked = |views: &[SentenceView], mark: Mark| -> Vec<String> {
            views[0]
                .pieces
                .iter()
                .filter(|p| p.mark == mark)
                .map(|p| p.text.clone())
                .collect()
        };
        assert_eq!(marked(&all[0].left, Mark::Removed), ["red"]);
        assert_eq!(marked(&all[0].right, Mark::Added), ["blue"]);
    }

    #[test]
    fn empty_report_has_no_rows() {
        assert!(rows(&report("", ""), "").is_empty());
    }

    #[test]
    fn reordered_right_sentence_is_marked_moved_with_its_paragraph() {
        // Left order 0 1 2; right order 1 2 0: left 0's partner sits at the end of the right.
        let (r, text) = synthetic(3, 3, &[(&[0], &[2]), (&[1], &[0]), (&[2], &[1])]);
        let all = rows(&r, &text);
        let moved: Vec<Option<Moved>> = all.iter().map(|row| row.moved).collect();
        assert_eq!(
            moved,
            [
                Some(Moved {
                    sentence: 2,
                    paragraph: 3
                }),
                None,
                None
            ]
        );
    }

    #[test]
    fn many_to_many_links_show_each_sentence_once_per_row() {
        // Left 0 is in two links; right 1 is in two links; duplicates and bad indices appear.
        let (r, text) = synthetic(
            3,
            3,
            &[
                (&[0, 0, 9], &[0, 1]),
                (&[0, 1], &[1]),
                (&[2], &[2, 2]),
                (&[], &[]),
            ],
        );
        let all = rows(&r, &text);
        assert_eq!(
            shape(&all),
            [
                (vec![0], vec![0, 1]),
                (vec![0, 1], vec![1]),
                (vec![2], vec![2]),
            ]
        );
        let partners = Partners::new(&r);
        assert_eq!(partners.of((0, 0)), [(1, 0), (1, 1)]);
        assert_eq!(partners.of((1, 1)), [(0, 0), (0, 1)]);
        assert_eq!(partners.of((1, 7)), []);
    }

    #[test]
    fn link_without_left_sentences_is_placed_like_a_right_only_sentence() {
        let (r, text) = synthetic(2, 3, &[(&[0], &[0]), (&[], &[1]), (&[1], &[2])]);
        let all = rows(&r, &text);
        assert_eq!(
            shape(&all),
            [(vec![0], vec![0]), (vec![], vec![1]), (vec![1], vec![2])]
        );
        assert_eq!(all[1].kind, RowKind::OnlyRight);
    }

    #[test]
    fn bad_spans_never_panic_and_keep_the_text() {
        let (mut r, text) = synthetic(1, 1, &[(&[0], &[0])]);
        r.links[0].diff = vec![
            Span {
                op: DiffOp::Replace,
                left: Some([5, 1]),
                right: Some([0, 999]),
            },
            Span {
                op: DiffOp::Delete,
                left: Some([usize::MAX - 1, usize::MAX]),
                right: None,
            },
        ];
        r.documents[1].sentences[0].end = 0; // end before start of text length
        let all = rows(&r, &text);
        assert_eq!(texts(&all[0].left), ["l0 words here."]);
        assert_eq!(texts(&all[0].right), ["r0 words here."]);
    }

    #[test]
    fn multibyte_marks_stay_on_char_boundaries() {
        let (left, right) = (
            "Zoë kaufte Äpfel für München.",
            "Zoë kaufte Birnen für München.",
        );
        let r = report(left, right);
        let all = rows(&r, right);
        assert_eq!(texts(&all[0].left), [left]);
        assert_eq!(texts(&all[0].right), [right]);
    }

    #[test]
    fn paragraphs_count_line_breaks_between_sentences() {
        let text = "One. Two.\nThree.\n\nFour.";
        let r = report(text, text);
        assert_eq!(paragraphs(text, &r.documents[0].sentences), [1, 1, 2, 3]);
    }

    fn row(kind: RowKind) -> Row {
        Row {
            kind,
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

    #[test]
    fn longest_run_prefers_the_order_most_rows_follow() {
        let keep = longest_non_decreasing(&[2, 0, 1, 3]);
        assert_eq!(keep.into_iter().collect::<Vec<_>>(), [1, 2, 3]);
        assert!(longest_non_decreasing(&[]).is_empty());
        assert_eq!(longest_non_decreasing(&[1, 1]).len(), 2);
    }
}
