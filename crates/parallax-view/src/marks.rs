//! Each sentence cut into pieces of its shown text, marked where a link's word diff changed it.
//!
//! The report gives every sentence its shown text (`clean`) and every diff span its range in
//! the document's shown text, so marking is cutting strings at the report's offsets.

use crate::row::{Mark, Piece, SentenceView};
use crate::shares::shares;
use parallax::report::{Report, SentenceReport, TextRange};

/// The sentences of document `doc`, empty when the report has no such document.
pub fn sentences(report: &Report, doc: usize) -> &[SentenceReport] {
    report
        .documents
        .get(doc)
        .map_or(&[], |d| d.sentences.as_slice())
}

/// A sentence without marks: its shown text as the report gives it (`clean`).
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
/// let view = parallax_view::plain(&report, 0, 0).expect("a sentence");
/// assert_eq!(view.text(), "It\u{2019}s late.");
/// assert!(parallax_view::plain(&report, 0, 9).is_none());
/// ```
pub fn plain(report: &Report, doc: usize, sentence: usize) -> Option<SentenceView> {
    let s = sentences(report, doc).get(sentence)?;
    let pieces = vec![Piece {
        text: s.clean.clone(),
        mark: Mark::Same,
    }];
    Some(SentenceView {
        doc,
        sentence,
        kind: s.kind,
        shares: pieces.clone(),
        pieces,
        link: None,
        unsure: false,
    })
}

/// Cuts a sentence into marked pieces. `marks` are ranges in the document's shown text
/// (sorted); the sentence takes the part of each that falls in its own stretch. Offsets
/// that are off a character boundary are moved to one, so an odd report never panics.
pub(crate) fn marked_sentence(
    report: &Report,
    doc: usize,
    sentence: usize,
    marks: &[(TextRange, Mark)],
) -> Option<SentenceView> {
    let s = sentences(report, doc).get(sentence)?;
    let [from, to] = s.clean_range();
    let text = s.clean.as_str();
    let mut pieces: Vec<Piece> = Vec::new();
    let mut at = 0;
    let push = |pieces: &mut Vec<Piece>, range: std::ops::Range<usize>, mark: Mark| {
        if let Some(part) = text.get(range).filter(|p| !p.is_empty()) {
            match pieces.last_mut() {
                Some(last) if last.mark == mark => last.text.push_str(part),
                _ => pieces.push(Piece {
                    text: part.to_owned(),
                    mark,
                }),
            }
        }
    };
    for &([start, end], mark) in marks {
        if start >= to || end <= from || start >= end {
            continue;
        }
        let start = floor_boundary(text, start.max(from) - from).max(at);
        let end = ceil_boundary(text, end.min(to) - from);
        if end <= start {
            continue;
        }
        push(&mut pieces, at..start, Mark::Same);
        push(&mut pieces, start..end, mark);
        at = end;
    }
    push(&mut pieces, at..text.len(), Mark::Same);
    trim_pieces(&mut pieces);
    Some(SentenceView {
        doc,
        sentence,
        kind: s.kind,
        shares: shares(&pieces),
        pieces,
        link: None,
        unsure: false,
    })
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
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
