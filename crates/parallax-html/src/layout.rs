//! Side-by-side rows of a report: which sentences share a row, and each sentence cut into marked pieces.
//!
//! Every renderer (the HTML page here, the terminal view of `parallax compare --format text`)
//! shows the same rows: links in the left article's order, each unmatched left sentence in
//! its place, each unmatched right sentence right after the row holding its nearest linked
//! predecessor in the right article. Pieces carry the cleaned text (mojibake repaired,
//! white space collapsed) of the byte ranges the report points at.

use parallax::align::LinkKind;
use parallax::diff::DiffOp;
use parallax::normalize::clean;
use parallax::report::{Link, Report, SentenceReport};
use parallax::segment::SentenceKind;

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum RowKind {
    /// Linked sentences of this kind.
    Link(LinkKind),
    /// A left sentence with no counterpart.
    OnlyLeft,
    /// A right sentence with no counterpart.
    OnlyRight,
}

impl RowKind {
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

/// One row of the side-by-side view; an empty side is an empty cell.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// Index into [`Report::links`] for a link row.
    pub link: Option<usize>,
    /// Similarity of a link, `None` for an unmatched sentence.
    pub score: Option<f64>,
    /// Left sentences.
    pub left: Vec<SentenceView>,
    /// Right sentences.
    pub right: Vec<SentenceView>,
}

/// Builds the rows of a report (see the module documentation for the order).
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
    let count = |doc: usize| report.documents.get(doc).map_or(0, |d| d.sentences.len());
    let (left_count, right_count) = (count(0), count(1));

    // Link rows and left-only rows, in the left article's order.
    let mut keyed: Vec<((usize, usize, usize), Row)> = Vec::new();
    let mut left_linked = vec![false; left_count];
    for (index, link) in report.links.iter().enumerate() {
        for &i in &link.left {
            if let Some(linked) = left_linked.get_mut(i) {
                *linked = true;
            }
        }
        let first = |side: &[usize]| side.first().copied().unwrap_or(usize::MAX);
        keyed.push((
            (first(&link.left), first(&link.right), index),
            link_row(report, index, link),
        ));
    }
    for (i, _) in left_linked
        .iter()
        .enumerate()
        .filter(|(_, &linked)| !linked)
    {
        keyed.push((
            (i, usize::MAX, usize::MAX),
            plain_row(report, RowKind::OnlyLeft, i),
        ));
    }
    keyed.sort_by_key(|(key, _)| *key);
    let mut rows: Vec<Row> = keyed.into_iter().map(|(_, row)| row).collect();

    // Right-only rows after the row holding the nearest earlier right sentence.
    let mut right_linked = vec![false; right_count];
    for &j in report.links.iter().flat_map(|l| &l.right) {
        if let Some(linked) = right_linked.get_mut(j) {
            *linked = true;
        }
    }
    for j in (0..right_count).filter(|&j| !right_linked[j]) {
        let predecessor = rows
            .iter()
            .enumerate()
            .filter_map(|(at, row)| {
                let best = row
                    .right
                    .iter()
                    .map(|s| s.sentence)
                    .filter(|&k| k < j)
                    .max()?;
                Some((best, at))
            })
            .max_by_key(|&(best, at)| (best, at));
        let at = match predecessor {
            Some((_, at)) => at + 1,
            None => rows
                .iter()
                .position(|r| !r.right.is_empty())
                .unwrap_or(rows.len()),
        };
        rows.insert(at, plain_row(report, RowKind::OnlyRight, j));
    }
    rows
}

fn plain_row(report: &Report, kind: RowKind, sentence: usize) -> Row {
    let doc = usize::from(kind == RowKind::OnlyRight);
    let view = sentence_view(report, doc, sentence, &[]);
    let (left, right) = if doc == 0 {
        (view.into_iter().collect(), Vec::new())
    } else {
        (Vec::new(), view.into_iter().collect())
    };
    Row {
        kind,
        link: None,
        score: None,
        left,
        right,
    }
}

fn link_row(report: &Report, index: usize, link: &Link) -> Row {
    let marked = |left: bool| -> Vec<([usize; 2], Mark)> {
        link.diff
            .iter()
            .filter_map(|span| {
                let (range, mark) = if left {
                    let changed = matches!(span.op, DiffOp::Delete | DiffOp::Replace);
                    (span.left?, if changed { Mark::Removed } else { Mark::Same })
                } else {
                    let changed = matches!(span.op, DiffOp::Insert | DiffOp::Replace);
                    (span.right?, if changed { Mark::Added } else { Mark::Same })
                };
                Some((range, mark))
            })
            .collect()
    };
    let (left_marks, right_marks) = (marked(true), marked(false));
    let side = |doc: usize, indices: &[usize], marks: &[([usize; 2], Mark)]| {
        indices
            .iter()
            .filter_map(|&i| sentence_view(report, doc, i, marks))
            .collect()
    };
    Row {
        kind: RowKind::Link(link.kind),
        link: Some(index),
        score: Some(link.score),
        left: side(0, &link.left, &left_marks),
        right: side(1, &link.right, &right_marks),
    }
}

/// Cuts a sentence into pieces along the marked byte ranges (ranges in the original input,
/// in order); text outside every range is [`Mark::Same`].
fn sentence_view(
    report: &Report,
    doc: usize,
    sentence: usize,
    marks: &[([usize; 2], Mark)],
) -> Option<SentenceView> {
    let s = report.documents.get(doc)?.sentences.get(sentence)?;
    let mut pieces: Vec<Piece> = Vec::new();
    let mut cursor = s.start;
    for &([start, end], mark) in marks {
        let from = start.clamp(s.start, s.end).max(cursor);
        let to = end.clamp(s.start, s.end);
        if from >= to {
            continue;
        }
        push_piece(&mut pieces, s, cursor..from, Mark::Same);
        push_piece(&mut pieces, s, from..to, mark);
        cursor = to;
    }
    push_piece(&mut pieces, s, cursor..s.end, Mark::Same);
    trim_pieces(&mut pieces);
    Some(SentenceView {
        doc,
        sentence,
        kind: s.kind,
        pieces,
    })
}

/// Appends the cleaned text of `range` (original offsets) of sentence `s`, merging it into
/// the previous piece when the mark is the same.
fn push_piece(
    pieces: &mut Vec<Piece>,
    s: &SentenceReport,
    range: std::ops::Range<usize>,
    mark: Mark,
) {
    if range.is_empty() {
        return;
    }
    let Some(raw) = s.text.get(range.start - s.start..range.end - s.start) else {
        return;
    };
    let text = collapse_spaces(&clean(raw).text);
    if text.is_empty() {
        return;
    }
    match pieces.last_mut() {
        Some(last) if last.mark == mark => last.text.push_str(&text),
        _ => pieces.push(Piece { text, mark }),
    }
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
            }
        }
        i += 1;
    }
    pieces.retain(|p| !p.text.is_empty());
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn pieces_mark_changes_and_rebuild_the_sentence() {
        let r = report("The red car stopped.", "The blue car stopped.");
        let all = rows(&r);
        assert_eq!(all.len(), 1);
        assert_eq!(marked(&all[0].left), ["The [-red-] car stopped."]);
        assert_eq!(marked(&all[0].right), ["The {+blue+} car stopped."]);
    }

    #[test]
    fn mojibake_is_shown_repaired() {
        let r = report("Itâ€™s a storm warning.", "It’s a storm warning today.");
        let all = rows(&r);
        assert_eq!(marked(&all[0].left), ["It’s a storm warning."]);
        assert_eq!(marked(&all[0].right), ["It’s a storm warning {+today+}."]);
    }

    #[test]
    fn unmatched_rows_keep_their_places() {
        let r = report(
            "Storm warning\n\nRain fell all day. Fans went home early.",
            "Council news\n\nA fox ran on the pitch. Rain fell all day.",
        );
        let kinds: Vec<&str> = rows(&r).iter().map(|row| row.kind.name()).collect();
        assert_eq!(
            kinds,
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
    fn broken_indices_are_skipped() {
        let mut r = report("Rain fell.", "Rain fell.");
        r.links[0].left = vec![7];
        r.links[0].diff[0].left = Some([100, 200]);
        let all = rows(&r);
        assert!(all
            .iter()
            .all(|row| row.left.iter().all(|v| v.sentence == 0)));
    }
}
