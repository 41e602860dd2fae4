//! Side-by-side rows of a report: which sentences share a row, and each sentence cut into marked pieces.
//!
//! Every renderer (the HTML page here, the terminal view of `parallax compare --format text`,
//! the web page) shows the same rows: links in the left article's order, each unmatched left
//! sentence in its place, each unmatched right sentence right after the row holding its
//! nearest linked predecessor in the right article. Pieces carry the cleaned text (mojibake
//! repaired, invisible characters dropped, white space collapsed) with the report's diff
//! ranges (byte offsets into the original input) mapped onto it.
//!
//! # Many-to-many links
//!
//! A link may hold several sentences per side, and one sentence may sit in several links.
//! The layout never assumes otherwise and never panics on an odd report:
//! - every link becomes its own row, placed at its first (smallest) left sentence; a sentence
//!   that belongs to several links is shown once in each of those rows, and once only within
//!   a row (indices are sorted and deduplicated, out-of-range indices are dropped);
//! - a sentence is unmatched when no link names it (computed here, not read from
//!   `report.unmatched`, so the two can never disagree on screen);
//! - a link without left sentences is placed like an unmatched right sentence;
//! - word marks are clamped to each sentence's own byte range, so spans that straddle several
//!   sentences of a link mark each sentence's share.

use parallax::align::LinkKind;
use parallax::diff::DiffOp;
use parallax::normalize::clean;
use parallax::report::{Link, Report, SentenceReport, Span};
use parallax::segment::SentenceKind;
use std::collections::BTreeSet;
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
    /// Every kind a row can show, in the order summaries list them.
    pub const ALL: [RowKind; 6] = [
        RowKind::Link(LinkKind::Identical),
        RowKind::Link(LinkKind::Minor),
        RowKind::Link(LinkKind::Paraphrase),
        RowKind::Link(LinkKind::Partial),
        RowKind::OnlyLeft,
        RowKind::OnlyRight,
    ];

    /// The stable name used in `data-link` attributes and CSS classes: `identical`, `minor`,
    /// `paraphrase`, `partial`, `only-left`, `only-right`.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax_html::layout::RowKind;
    /// assert_eq!(RowKind::OnlyLeft.name(), "only-left");
    /// ```
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

    /// The label shown to the reader: like [`RowKind::name`] with a space for the hyphen.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax_html::layout::RowKind;
    /// assert_eq!(RowKind::OnlyRight.label(), "only right");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            RowKind::OnlyLeft => "only left",
            RowKind::OnlyRight => "only right",
            kind @ RowKind::Link(_) => kind.name(),
        }
    }

    /// Whether the row is identical on both sides.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax::align::LinkKind;
    /// use parallax_html::layout::RowKind;
    /// assert!(RowKind::Link(LinkKind::Identical).is_identical());
    /// assert!(!RowKind::OnlyLeft.is_identical());
    /// ```
    pub fn is_identical(self) -> bool {
        self == RowKind::Link(LinkKind::Identical)
    }

    /// Folds link kinds this version does not know into `partial`, so counts match the badges.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax::align::LinkKind;
    /// use parallax_html::layout::RowKind;
    /// assert_eq!(RowKind::OnlyLeft.normalized(), RowKind::OnlyLeft);
    /// assert_eq!(RowKind::Link(LinkKind::Minor).normalized(), RowKind::Link(LinkKind::Minor));
    /// ```
    #[must_use]
    pub fn normalized(self) -> RowKind {
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
    /// Present on both sides, or outside any diff.
    Same,
    /// Only on the left (deleted or replaced): shown struck through.
    Removed,
    /// Only on the right (inserted or replacing): shown underlined.
    Added,
}

/// A run of text with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The cleaned text: mojibake repaired, invisible characters dropped, white space runs
    /// made one space.
    pub text: String,
    /// How it is marked.
    pub mark: Mark,
}

/// One sentence as shown in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceView {
    /// Index of the article: 0 left, 1 right.
    pub doc: usize,
    /// Index of the sentence in its article.
    pub sentence: usize,
    /// The sentence's role in its article (headline, body, caption, ...).
    pub kind: SentenceKind,
    /// The sentence cut into marked pieces, in order.
    pub pieces: Vec<Piece>,
}

impl SentenceView {
    /// The sentence's role as a CSS-friendly name (see [`role_name`]).
    pub fn role_name(&self) -> &'static str {
        role_name(self.kind)
    }

    /// The shown text: every piece joined.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }
}

/// The role of a sentence as a CSS-friendly name: `headline`, `caption`, `byline`,
/// `boilerplate` or `body`.
///
/// # Example
///
/// ```
/// use parallax::segment::SentenceKind;
/// assert_eq!(parallax_html::layout::role_name(SentenceKind::Headline), "headline");
/// ```
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
    /// Its paragraph in the right article, counted from 1; `None` when the layout was built
    /// without the right article's text (see [`rows_with_text`]).
    pub paragraph: Option<usize>,
}

/// One row of the side-by-side view; an empty side is an empty cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// Index into [`Report::links`] for a link row.
    pub link: Option<usize>,
    /// Similarity of a link in `[0, 1]`, `None` for an unmatched sentence.
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
    /// Whether the row counts as a difference: anything but an identical row in its own place.
    pub fn is_change(&self) -> bool {
        !self.kind.is_identical() || self.moved.is_some()
    }
}

/// A link with its indices cleaned: sorted, deduplicated, in range.
struct CleanLink<'a> {
    index: usize,
    left: Vec<usize>,
    right: Vec<usize>,
    link: &'a Link,
}

/// Indices sorted, deduplicated and below `count`.
fn clean_indices(indices: &[usize], count: usize) -> Vec<usize> {
    let set: BTreeSet<usize> = indices.iter().copied().filter(|&i| i < count).collect();
    set.into_iter().collect()
}

/// The sentences of document `doc`, empty when the report has no such document.
pub fn sentences(report: &Report, doc: usize) -> &[SentenceReport] {
    report
        .documents
        .get(doc)
        .map_or(&[], |d| d.sentences.as_slice())
}

/// For each link of the report, its sentence indices sorted, deduplicated and in range:
/// `(left, right)`.
///
/// # Example
///
/// ```
/// use parallax::{compare, Article, Options};
/// let report = compare(
///     &Article::new("L", "Rain fell all day."),
///     &Article::new("R", "Rain fell all day."),
///     &Options::default(),
/// );
/// assert_eq!(parallax_html::layout::link_indices(&report), [(vec![0], vec![0])]);
/// ```
pub fn link_indices(report: &Report) -> Vec<(Vec<usize>, Vec<usize>)> {
    let (left_count, right_count) = (sentences(report, 0).len(), sentences(report, 1).len());
    report
        .links
        .iter()
        .map(|l| {
            (
                clean_indices(&l.left, left_count),
                clean_indices(&l.right, right_count),
            )
        })
        .collect()
}

/// One placed item before it becomes a row.
enum Item<'a> {
    Link(&'a CleanLink<'a>),
    OnlyLeft(usize),
    OnlyRight(usize),
}

/// Builds the rows of a report (see the module documentation for the order). Moved rows are
/// marked without a paragraph number; [`rows_with_text`] adds it.
///
/// Indices that do not exist in the report are skipped, so a hand-edited report renders
/// what it can instead of panicking.
///
/// # Example: a sentence only the right article has sits where it belongs
///
/// ```
/// use parallax::{compare, Article, Options};
/// use parallax_html::layout::rows;
/// let report = compare(
///     &Article::new("L", "Rain fell all day. The match was cancelled. Fans went home."),
///     &Article::new("R", "Rain fell all day. A fox ran on the pitch. The match was cancelled."),
///     &Options::default(),
/// );
/// let kinds: Vec<&str> = rows(&report).iter().map(|r| r.kind.name()).collect();
/// assert_eq!(kinds, ["identical", "only-right", "identical", "only-left"]);
/// ```
pub fn rows(report: &Report) -> Vec<Row> {
    build(report, None)
}

/// Like [`rows`], and numbers the paragraphs of moved right sentences from `right_text`, the
/// right input the report was made from (a text that does not fit the report just gives
/// worse numbers).
///
/// # Example: the partner of the first left sentence sits in the right article's 2nd paragraph
///
/// ```
/// use parallax::{compare, Article, Options};
/// use parallax_html::layout::rows_with_text;
/// let right = "The match was cancelled. Fans went home.\n\nRain fell all day and all night.";
/// let report = compare(
///     &Article::new("L", "Rain fell all day and all night. The match was cancelled. Fans went home."),
///     &Article::new("R", right),
///     &Options::default(),
/// );
/// let moved = rows_with_text(&report, right)[0].moved.expect("moved");
/// assert_eq!((moved.sentence, moved.paragraph), (2, Some(2)));
/// ```
pub fn rows_with_text(report: &Report, right_text: &str) -> Vec<Row> {
    build(report, Some(right_text))
}

/// The report's links with cleaned indices; links with no sentence left are dropped.
fn clean_links(report: &Report) -> Vec<CleanLink<'_>> {
    report
        .links
        .iter()
        .zip(link_indices(report))
        .enumerate()
        .map(|(index, (link, (left, right)))| CleanLink {
            index,
            left,
            right,
            link,
        })
        .filter(|l| !(l.left.is_empty() && l.right.is_empty()))
        .collect()
}

fn build(report: &Report, right_text: Option<&str>) -> Vec<Row> {
    let left_count = sentences(report, 0).len();
    let right_count = sentences(report, 1).len();
    let links = clean_links(report);

    // Links anchored at each left sentence, and which sentences any link covers.
    let mut anchored: Vec<Vec<&CleanLink>> = (0..left_count).map(|_| Vec::new()).collect();
    let mut left_linked = vec![false; left_count];
    let mut right_linked = vec![false; right_count];
    let mut right_only_links: Vec<&CleanLink> = Vec::new();
    for link in &links {
        for &i in &link.left {
            if let Some(linked) = left_linked.get_mut(i) {
                *linked = true;
            }
        }
        match link.left.first().and_then(|&i| anchored.get_mut(i)) {
            Some(slot) => {
                for &j in &link.right {
                    if let Some(linked) = right_linked.get_mut(j) {
                        *linked = true;
                    }
                }
                slot.push(link);
            }
            None => right_only_links.push(link),
        }
    }
    for slot in &mut anchored {
        parallax::order::sort_by_key(slot, |l| l.right.first().copied().unwrap_or(usize::MAX));
    }

    let mut items: Vec<Item> = Vec::new();
    for (i, slot) in anchored.iter().enumerate() {
        items.extend(slot.iter().map(|l| Item::Link(l)));
        if !left_linked.get(i).copied().unwrap_or(true) {
            items.push(Item::OnlyLeft(i));
        }
    }

    // The last row that holds each linked right sentence.
    let mut row_of_right: Vec<Option<usize>> = vec![None; right_count];
    for (at, item) in items.iter().enumerate() {
        if let Item::Link(link) = item {
            for &j in &link.right {
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
        .filter(|&j| !right_linked.get(j).copied().unwrap_or(true))
        .filter(|&j| !right_only_links.iter().any(|l| l.right.contains(&j)))
        .map(|j| {
            (
                anchor_after.get(j).copied().unwrap_or(0),
                j,
                Item::OnlyRight(j),
            )
        })
        .collect();
    extra.extend(right_only_links.iter().map(|l| {
        let j = l.right.first().copied().unwrap_or(0);
        (anchor_after.get(j).copied().unwrap_or(0), j, Item::Link(l))
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

    let paragraphs = right_text.map(|text| paragraphs(text, sentences(report, 1)));
    let mut out: Vec<Row> = placed.iter().map(|item| make_row(report, item)).collect();
    mark_moved(&mut out, &placed, paragraphs.as_deref());
    out
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
            score: None,
            left,
            right,
            moved: None,
            boilerplate: false,
        }
    };
    let row = match item {
        Item::Link(link) => link_row(report, link),
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
/// longest non-decreasing run of right positions.
fn mark_moved(out: &mut [Row], placed: &[Item], paragraphs: Option<&[usize]>) {
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
                    paragraph: paragraphs.and_then(|p| p.get(j).copied()),
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

/// The paragraph (1-based) of each sentence: a new paragraph starts after a line break.
///
/// # Example
///
/// ```
/// use parallax::{compare, Article, Options};
/// let text = "One. Two.\nThree.";
/// let report = compare(&Article::new("L", text), &Article::new("R", text), &Options::default());
/// let numbers = parallax_html::layout::paragraphs(text, &report.documents[0].sentences);
/// assert_eq!(numbers, [1, 1, 2]);
/// ```
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

/// A sentence without marks: its cleaned text as the report gives it (`clean`).
///
/// # Example
///
/// ```
/// use parallax::{compare, Article, Options};
/// let report = compare(
///     &Article::new("L", "It\u{E2}\u{20AC}\u{2122}s late."),
///     &Article::new("R", "Other."),
///     &Options::default(),
/// );
/// let view = parallax_html::layout::plain(&report, 0, 0).expect("a sentence");
/// assert_eq!(view.text(), "It\u{2019}s late.");
/// assert!(parallax_html::layout::plain(&report, 0, 9).is_none());
/// ```
pub fn plain(report: &Report, doc: usize, sentence: usize) -> Option<SentenceView> {
    let s = sentences(report, doc).get(sentence)?;
    let text = if s.clean.is_empty() {
        collapse_spaces(&s.text).trim().to_owned()
    } else {
        s.clean.clone()
    };
    Some(SentenceView {
        doc,
        sentence,
        kind: s.kind,
        pieces: vec![Piece {
            text,
            mark: Mark::Same,
        }],
    })
}

fn link_row(report: &Report, link: &CleanLink) -> Row {
    let marked = |left: bool| -> Vec<(Range<usize>, Mark)> {
        let mut marks: Vec<(Range<usize>, Mark)> = link
            .link
            .diff
            .iter()
            .filter_map(|span: &Span| {
                let (range, mark) = if left {
                    let changed = matches!(span.op, DiffOp::Delete | DiffOp::Replace);
                    (span.left?, if changed { Mark::Removed } else { Mark::Same })
                } else {
                    let changed = matches!(span.op, DiffOp::Insert | DiffOp::Replace);
                    (span.right?, if changed { Mark::Added } else { Mark::Same })
                };
                let [start, end] = range;
                (mark != Mark::Same && start < end).then_some((start..end, mark))
            })
            .collect();
        parallax::order::sort_by_key(&mut marks, |(r, _)| (r.start, r.end));
        marks
    };
    let (left_marks, right_marks) = (marked(true), marked(false));
    let side = |doc: usize, indices: &[usize], marks: &[(Range<usize>, Mark)]| {
        indices
            .iter()
            .filter_map(|&i| marked_sentence(report, doc, i, marks))
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
        link: Some(link.index),
        score: score.is_finite().then_some(score.clamp(0.0, 1.0)),
        left: side(0, &link.left, &left_marks),
        right: side(1, &link.right, &right_marks),
        moved: None,
        boilerplate: false,
    }
}

/// Cuts a sentence into pieces of cleaned text, marking the characters whose original bytes
/// fall inside `marks` (byte ranges into the original input, sorted). The sentence is cleaned
/// as a whole and every cleaned character is traced back to its original bytes, so a repaired
/// `â€™` is one `’` with the mark of its bytes. A sentence whose offsets do not fit its text
/// is shown unmarked.
fn marked_sentence(
    report: &Report,
    doc: usize,
    sentence: usize,
    marks: &[(Range<usize>, Mark)],
) -> Option<SentenceView> {
    let s = sentences(report, doc).get(sentence)?;
    if s.end < s.start || s.end - s.start != s.text.len() {
        return plain(report, doc, sentence);
    }
    let mine: Vec<(Range<usize>, Mark)> = marks
        .iter()
        .filter(|(r, _)| r.start < s.end && r.end > s.start)
        .map(|(r, m)| {
            (
                r.start.max(s.start) - s.start..r.end.min(s.end) - s.start,
                *m,
            )
        })
        .collect();
    if mine.is_empty() {
        return plain(report, doc, sentence);
    }
    let cleaned = clean(&s.text);
    let mut pieces: Vec<Piece> = Vec::new();
    let mut in_space = false;
    for (at, c) in cleaned.text.char_indices() {
        let original = cleaned.to_original(at..at + c.len_utf8());
        let mark = mine
            .iter()
            .find(|(r, _)| r.start < original.end.max(original.start + 1) && r.end > original.start)
            .map_or(Mark::Same, |(_, m)| *m);
        let c = if c.is_whitespace() {
            if in_space {
                continue;
            }
            in_space = true;
            ' '
        } else {
            in_space = false;
            c
        };
        match pieces.last_mut() {
            Some(last) if last.mark == mark => last.text.push(c),
            _ => pieces.push(Piece {
                text: c.to_string(),
                mark,
            }),
        }
    }
    trim_pieces(&mut pieces);
    Some(SentenceView {
        doc,
        sentence,
        kind: s.kind,
        pieces,
    })
}

/// Runs of white space made one space, keeping a leading and a trailing one.
fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_space = false;
    for c in text.chars() {
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// No white space at the sentence's ends, and a space that sits between a plain and a
/// marked piece stays outside the mark.
fn trim_pieces(pieces: &mut Vec<Piece>) {
    if let Some(first) = pieces.first_mut() {
        first.text = first.text.trim_start().to_owned();
    }
    if let Some(last) = pieces.last_mut() {
        last.text = last.text.trim_end().to_owned();
    }
    pieces.retain(|p| !p.text.is_empty());
    let mut i = 0;
    while i + 1 < pieces.len() {
        if pieces[i].mark != Mark::Same && pieces[i].text.ends_with(' ') {
            pieces[i].text.pop();
            if pieces[i + 1].mark == Mark::Same {
                pieces[i + 1].text.insert(0, ' ');
            } else {
                pieces.insert(
                    i + 1,
                    Piece {
                        text: " ".to_owned(),
                        mark: Mark::Same,
                    },
                );
            }
        }
        if pieces[i + 1].mark != Mark::Same && pieces[i + 1].text.starts_with(' ') {
            pieces[i + 1].text.remove(0);
            if pieces[i].mark == Mark::Same {
                pieces[i].text.push(' ');
            } else {
                pieces.insert(
                    i + 1,
                    Piece {
                        text: " ".to_owned(),
                        mark: Mark::Same,
                    },
                );
            }
        }
        i += 1;
    }
    pieces.retain(|p| !p.text.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::report::{DocumentReport, Stats};
    use parallax::{compare, Article, Options};

    fn report(left: &str, right: &str) -> Report {
        compare(
            &Article::new("L", left),
            &Article::new("R", right),
            &Options::default(),
        )
    }

    fn marked(views: &[SentenceView]) -> Vec<String> {
        views
            .iter()
            .map(|v| {
                v.pieces
                    .iter()
                    .map(|p| match p.mark {
                        Mark::Same => p.text.clone(),
                        Mark::Removed => format!("[-{}-]", p.text),
                        Mark::Added => format!("{{+{}+}}", p.text),
                    })
                    .collect()
            })
            .collect()
    }

    fn texts(views: &[SentenceView]) -> Vec<String> {
        views.iter().map(SentenceView::text).collect()
    }

    fn kinds(rows: &[Row]) -> Vec<&'static str> {
        rows.iter().map(|row| row.kind.name()).collect()
    }

    /// A hand-made report over sentences "l0 words here." ... with the given links, to test
    /// shapes the engine may produce later (many-to-many, odd indices).
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
        let all = rows_with_text(&r, right);
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
        let (r, text) = synthetic(3, 3, &[(&[0], &[2]), (&[1], &[0]), (&[2], &[1])]);
        let moved: Vec<Option<Moved>> = rows_with_text(&r, &text)
            .iter()
            .map(|row| row.moved)
            .collect();
        let expected = Moved {
            sentence: 2,
            paragraph: Some(3),
        };
        assert_eq!(moved, [Some(expected), None, None]);
        let without_text = rows(&r)[0].moved.expect("moved without the text too");
        assert_eq!(without_text.paragraph, None);
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
        let all = rows_with_text(&r, &text);
        assert_eq!(
            shape(&all),
            [
                (vec![0], vec![0, 1]),
                (vec![0, 1], vec![1]),
                (vec![2], vec![2]),
            ]
        );
        let links: Vec<Option<usize>> = all.iter().map(|row| row.link).collect();
        assert_eq!(links, [Some(0), Some(1), Some(2)]);
    }

    #[test]
    fn link_without_left_sentences_is_placed_like_a_right_only_sentence() {
        let (r, text) = synthetic(2, 3, &[(&[0], &[0]), (&[], &[1]), (&[1], &[2])]);
        let all = rows_with_text(&r, &text);
        assert_eq!(
            shape(&all),
            [(vec![0], vec![0]), (vec![], vec![1]), (vec![1], vec![2])]
        );
        assert_eq!(all[1].kind, RowKind::OnlyRight);
    }

    #[test]
    fn bad_spans_and_indices_never_panic_and_keep_the_text() {
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
        r.documents[1].sentences[0].end = 0; // offsets that no longer fit the text
        let all = rows_with_text(&r, &text);
        assert_eq!(texts(&all[0].left), ["l0 words here."]);
        assert_eq!(texts(&all[0].right), ["r0 words here."]);

        let mut r = report("Rain fell.", "Rain fell.");
        r.links[0].left = vec![7];
        r.links[0].diff[0].left = Some([100, 200]);
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
        let (mut r, text) = synthetic(2, 1, &[(&[1], &[0])]);
        r.documents[0].sentences[0].kind = SentenceKind::Boilerplate;
        let all = rows_with_text(&r, &text);
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

    #[test]
    fn paragraphs_count_line_breaks_between_sentences() {
        let text = "One. Two.\nThree.\n\nFour.";
        let r = report(text, text);
        assert_eq!(paragraphs(text, &r.documents[0].sentences), [1, 1, 2, 3]);
    }
}
