//! Turns a [`Report`] into side-by-side rows of highlighted text. Plain Rust, tested natively.

use parallax::align::LinkKind;
use parallax::diff::DiffOp;
use parallax::report::{Link, Report};
use std::ops::Range;

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
    /// The sentence's text cut into marked pieces.
    pub pieces: Vec<Piece>,
}

/// One row of the aligned view; `None` is an empty cell.
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
}

/// Builds the rows: links in the left article's order, unmatched left sentences in place, and
/// each unmatched right sentence after the row that holds its nearest linked predecessor.
pub fn rows(report: &Report) -> Vec<Row> {
    let left_count = report.documents.first().map_or(0, |d| d.sentences.len());
    let right_count = report.documents.get(1).map_or(0, |d| d.sentences.len());

    // Which link starts at each left sentence, and which link each right sentence is in.
    let mut link_at_left = vec![None; left_count];
    let mut left_linked = vec![false; left_count];
    let mut link_of_right = vec![None; right_count];
    for (index, link) in report.links.iter().enumerate() {
        if let Some(&first) = link.left.first() {
            link_at_left[first] = Some(index);
        }
        for &i in &link.left {
            left_linked[i] = true;
        }
        for &j in &link.right {
            link_of_right[j] = Some(index);
        }
    }

    let mut rows = Vec::new();
    let mut row_of_link = vec![0; report.links.len()];
    for i in 0..left_count {
        if let Some(index) = link_at_left[i] {
            row_of_link[index] = rows.len();
            rows.push(link_row(report, &report.links[index]));
        } else if !left_linked[i] {
            rows.push(Row {
                kind: RowKind::OnlyLeft,
                score: None,
                left: vec![plain(report, 0, i)],
                right: Vec::new(),
            });
        }
    }

    // Insert right-only rows, last first so earlier insertion points stay valid.
    let mut inserts: Vec<(usize, usize)> = Vec::new();
    let mut anchor = 0;
    for (j, link) in link_of_right.iter().enumerate() {
        match *link {
            Some(index) => anchor = row_of_link[index] + 1,
            None => inserts.push((anchor, j)),
        }
    }
    for &(at, j) in inserts.iter().rev() {
        let row = Row {
            kind: RowKind::OnlyRight,
            score: None,
            left: Vec::new(),
            right: vec![plain(report, 1, j)],
        };
        rows.insert(at, row);
    }
    rows
}

fn plain(report: &Report, doc: usize, sentence: usize) -> SentenceView {
    let text = report.documents[doc].sentences[sentence].text.clone();
    SentenceView {
        doc,
        sentence,
        pieces: vec![Piece {
            text,
            mark: Mark::Same,
        }],
    }
}

fn link_row(report: &Report, link: &Link) -> Row {
    let removed: Vec<Range<usize>> = link
        .diff
        .iter()
        .filter(|s| matches!(s.op, DiffOp::Delete | DiffOp::Replace))
        .filter_map(|s| s.left.map(|[a, b]| a..b))
        .collect();
    let added: Vec<Range<usize>> = link
        .diff
        .iter()
        .filter(|s| matches!(s.op, DiffOp::Insert | DiffOp::Replace))
        .filter_map(|s| s.right.map(|[a, b]| a..b))
        .collect();
    let side = |doc: usize, indices: &[usize], marked: &[Range<usize>], mark: Mark| {
        indices
            .iter()
            .map(|&i| marked_sentence(report, doc, i, marked, mark))
            .collect()
    };
    Row {
        kind: RowKind::Link(link.kind),
        score: Some(link.score),
        left: side(0, &link.left, &removed, Mark::Removed),
        right: side(1, &link.right, &added, Mark::Added),
    }
}

/// Cuts a sentence into pieces, marking the parts that fall inside `marked` byte ranges.
fn marked_sentence(
    report: &Report,
    doc: usize,
    sentence: usize,
    marked: &[Range<usize>],
    mark: Mark,
) -> SentenceView {
    let s = &report.documents[doc].sentences[sentence];
    let mut pieces = Vec::new();
    let mut cursor = s.start;
    let push = |from: usize, to: usize, mark: Mark, pieces: &mut Vec<Piece>| {
        if from < to {
            let text = s
                .text
                .get(from - s.start..to - s.start)
                .unwrap_or_default()
                .to_owned();
            pieces.push(Piece { text, mark });
        }
    };
    for range in marked {
        let from = range.start.clamp(s.start, s.end).max(cursor);
        let to = range.end.clamp(s.start, s.end);
        if from >= to {
            continue;
        }
        push(cursor, from, Mark::Same, &mut pieces);
        push(from, to, mark, &mut pieces);
        cursor = to;
    }
    push(cursor, s.end, Mark::Same, &mut pieces);
    SentenceView {
        doc,
        sentence,
        pieces,
    }
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

    fn texts(views: &[SentenceView]) -> Vec<String> {
        views
            .iter()
            .map(|v| v.pieces.iter().map(|p| p.text.as_str()).collect())
            .collect()
    }

    #[test]
    fn unmatched_sentences_sit_in_their_natural_place() {
        let r = report(
            "Rain fell all day. The match was cancelled. Fans went home.",
            "Rain fell all day. A fox ran on the pitch. The match was cancelled.",
        );
        let kinds: Vec<&str> = rows(&r).iter().map(|row| row.kind.name()).collect();
        assert_eq!(kinds, ["identical", "only-right", "identical", "only-left"]);
    }

    #[test]
    fn pieces_rebuild_the_sentence_and_mark_changes() {
        let r = report("The red car stopped.", "The blue car stopped.");
        let all = rows(&r);
        assert_eq!(texts(&all[0].left), ["The red car stopped."]);
        assert_eq!(texts(&all[0].right), ["The blue car stopped."]);
        let removed: Vec<&str> = all[0].left[0]
            .pieces
            .iter()
            .filter(|p| p.mark == Mark::Removed)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(removed, ["red"]);
    }

    #[test]
    fn empty_report_has_no_rows() {
        assert!(rows(&report("", "")).is_empty());
    }
}
