//! Summary numbers, computed from a report's own documents and links (so a pair cut out of an
//! N-article report gets the numbers a two-article comparison would give).

use super::{DocumentReport, Link, SentenceKind, Stats, TextRange};
use crate::align::LinkKind;
use crate::diff::DiffOp;
use std::collections::BTreeMap;

impl Stats {
    /// The summary of `links` between `documents` (sides `docs` index into `documents`).
    pub fn of(documents: &[DocumentReport], links: &[Link]) -> Self {
        let linked = linked(documents, links);
        let matched_share = documents
            .iter()
            .zip(&linked)
            .map(|(doc, linked)| {
                let body = doc
                    .sentences
                    .iter()
                    .zip(linked)
                    .filter(|(s, _)| s.kind == SentenceKind::Body);
                let (mut total, mut matched) = (0usize, 0usize);
                for (sentence, &is_linked) in body {
                    total += sentence.clean.len();
                    if is_linked {
                        matched += sentence.clean.len();
                    }
                }
                if total == 0 {
                    0.0
                } else {
                    matched as f64 / total as f64
                }
            })
            .collect();
        let mut link_kinds: BTreeMap<LinkKind, usize> = BTreeMap::new();
        for link in links {
            *link_kinds.entry(link.kind).or_insert(0) += 1;
        }
        let words = |doc: usize, range: Option<TextRange>| match (documents.get(doc), range) {
            (Some(doc), Some(range)) => words_in(doc, range),
            _ => 0,
        };
        let (mut words_added, mut words_removed) = (0, 0);
        for link in links {
            for span in &link.diff {
                if matches!(span.op, DiffOp::Insert | DiffOp::Replace) {
                    words_added += words(link.docs[1], span.right_clean);
                }
                if matches!(span.op, DiffOp::Delete | DiffOp::Replace) {
                    words_removed += words(link.docs[0], span.left_clean);
                }
            }
        }
        Stats {
            matched_share,
            link_kinds,
            words_added,
            words_removed,
            flags: links.iter().map(|l| l.flags.len()).sum(),
        }
    }
}

/// For every document, for every sentence: whether some link holds it (indices out of range
/// are ignored).
fn linked(documents: &[DocumentReport], links: &[Link]) -> Vec<Vec<bool>> {
    let mut linked: Vec<Vec<bool>> = documents
        .iter()
        .map(|d| vec![false; d.sentences.len()])
        .collect();
    for link in links {
        for (doc, sentences) in link.docs.iter().zip([&link.left, &link.right]) {
            if let Some(flags) = linked.get_mut(*doc) {
                for &i in sentences {
                    if let Some(flag) = flags.get_mut(i) {
                        *flag = true;
                    }
                }
            }
        }
    }
    linked
}

/// For every document, its sentences no link holds, ascending: a report's `unmatched`.
pub(crate) fn unmatched(documents: &[DocumentReport], links: &[Link]) -> Vec<Vec<usize>> {
    linked(documents, links)
        .into_iter()
        .map(|flags| (0..flags.len()).filter(|&i| !flags[i]).collect())
        .collect()
}

/// The words (white-space separated pieces with a letter or digit) in a range of a document's
/// shown text.
pub(crate) fn words_in(doc: &DocumentReport, [start, end]: TextRange) -> usize {
    let first = doc
        .sentences
        .partition_point(|s| s.clean_range()[1] <= start);
    doc.sentences[first..]
        .iter()
        .take_while(|s| s.clean_start < end)
        .map(|s| {
            let [from, to] = s.clean_range();
            let piece = s
                .clean
                .get(start.max(from) - from..end.min(to) - from)
                .unwrap_or_default();
            word_count(piece)
        })
        .sum()
}

/// The words of a text: white-space separated pieces with a letter or digit.
///
/// One pass over the characters (the count of `split_whitespace` pieces that hold a letter
/// or digit, without the splitting).
pub(crate) fn word_count(text: &str) -> usize {
    let mut words = 0;
    // Whether the current piece has been counted already.
    let mut counted = false;
    for c in text.chars() {
        if c.is_whitespace() {
            counted = false;
        } else if !counted && c.is_alphanumeric() {
            words += 1;
            counted = true;
        }
    }
    words
}

#[cfg(test)]
mod tests {
    use super::word_count;
    use proptest::prelude::*;

    proptest! {
        /// The one-pass count is the count of the pieces of a white-space split that hold a
        /// letter or digit.
        #[test]
        fn word_count_is_the_split_count(
            text in "[a-z0-9 .,\t\n\u{b}\u{c}\r\u{85}\u{a0}\u{2009}\u{3000}\u{1c}\u{301}é中–—]{0,60}"
        ) {
            let split = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(word_count(&text), split);
        }

        #[test]
        fn word_count_of_any_text_is_the_split_count(text in any::<String>()) {
            let split = text
                .split_whitespace()
                .filter(|w| w.chars().any(char::is_alphanumeric))
                .count();
            prop_assert_eq!(word_count(&text), split);
        }
    }
}
