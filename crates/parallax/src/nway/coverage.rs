//! Coverage: how much of each article the others carry, and what only one article carries.

use crate::report::{stats::word_count, Coverage, DocumentReport, Link, SentenceKind};

/// The coverage of `documents` by `links`: `shared[i][j]` is the share of document `i`'s body
/// words (white-space separated pieces with a letter or digit, in the shown text) whose
/// sentences link into document `j`; `only[i]` lists `i`'s body sentences no link holds.
pub fn coverage(documents: &[DocumentReport], links: &[Link]) -> Coverage {
    let n = documents.len();
    // linked[i][j][s]: sentence s of document i links into document j.
    let mut linked: Vec<Vec<Vec<bool>>> = documents
        .iter()
        .map(|d| vec![vec![false; d.sentences.len()]; n])
        .collect();
    for link in links {
        let [a, b] = link.docs;
        if a >= n || b >= n {
            continue;
        }
        for (from, to, sentences) in [(a, b, &link.left), (b, a, &link.right)] {
            for &s in sentences {
                if let Some(flag) = linked[from][to].get_mut(s) {
                    *flag = true;
                }
            }
        }
    }
    let body_words: Vec<Vec<usize>> = documents
        .iter()
        .map(|d| {
            d.sentences
                .iter()
                .map(|s| {
                    if s.kind == SentenceKind::Body {
                        word_count(&s.clean)
                    } else {
                        0
                    }
                })
                .collect()
        })
        .collect();
    let shared = (0..n)
        .map(|i| {
            let total: usize = body_words[i].iter().sum();
            (0..n)
                .map(|j| {
                    if i == j {
                        return 1.0;
                    }
                    let covered: usize = body_words[i]
                        .iter()
                        .zip(&linked[i][j])
                        .filter(|(_, &l)| l)
                        .map(|(w, _)| w)
                        .sum();
                    if total == 0 {
                        0.0
                    } else {
                        (covered as f64 / total as f64 * 1000.0).round() / 1000.0
                    }
                })
                .collect()
        })
        .collect();
    let only = documents
        .iter()
        .enumerate()
        .map(|(i, d)| {
            (0..d.sentences.len())
                .filter(|&s| {
                    d.sentences[s].kind == SentenceKind::Body
                        && !(0..n).any(|j| j != i && linked[i][j][s])
                })
                .collect()
        })
        .collect();
    Coverage { shared, only }
}
