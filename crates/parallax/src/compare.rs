//! The whole pipeline: text in, [`Report`] out.

use crate::align::{align, LinkKind};
use crate::diff::{diff_tokens, DiffInput, DiffOp};
use crate::flags::{compare_sides_in, Side};
use crate::prepare::{Article, Prepared};
use crate::report::{
    DocumentReport, Flag, Link, Report, SentenceReport, Span, Stats, FORMAT, VERSION,
};
use crate::segment::SentenceKind;
use crate::shown::Shown;
use crate::tokenize::Token;
use crate::Options;
use std::collections::BTreeMap;

/// Compares two articles: cleans and segments both, aligns their sentences, diffs every link
/// and flags the facts (numbers, dates, names, quotations, attributions) its two sides state
/// differently ([`crate::flags`]).
///
/// The stages work on the cleaned text ([`crate::normalize::clean`]: mojibake repaired,
/// invisible characters removed); every range in the report is mapped back to the original
/// text the caller gave.
///
/// Never fails and never panics: empty or odd input gives a report with fewer sentences.
pub fn compare(left: &Article<'_>, right: &Article<'_>, options: &Options) -> Report {
    compare_prepared(&Prepared::new(*left), &Prepared::new(*right), options)
}

/// [`compare`] for articles that are already prepared.
pub fn compare_prepared(left: &Prepared<'_>, right: &Prepared<'_>, options: &Options) -> Report {
    let docs = [left, right];
    let shown = docs.map(shown_of);
    let alignments = align(&left.inputs(), &right.inputs(), options.threshold);
    let mut links: Vec<Link> = alignments
        .into_iter()
        .map(|a| {
            let left_joined = left.joined_tokens(&a.left);
            let right_joined = right.joined_tokens(&a.right);
            let diff = link_diff(
                DiffInput::new(&left.cleaned.text, &left_joined),
                DiffInput::new(&right.cleaned.text, &right_joined),
                options,
            );
            let flags = link_flags(left, right, &a.left, &a.right);
            Link {
                left: a.left,
                right: a.right,
                score: a.score,
                kind: kind_agreeing_with(a.kind, &diff),
                diff,
                flags,
            }
        })
        .collect();

    let unmatched = vec![
        unmatched(left.sentences.len(), links.iter().flat_map(|l| &l.left)),
        unmatched(right.sentences.len(), links.iter().flat_map(|l| &l.right)),
    ];
    // Statistics compare token and span ranges, so they run before spans are mapped.
    let stats = stats(docs, &links, &unmatched);
    let map = |doc: &Prepared<'_>, shown: &Shown, range: Option<[usize; 2]>| {
        range.map(|[start, end]| {
            let original = doc.to_original(start..end);
            ([original.start, original.end], shown.range(start..end))
        })
    };
    for span in links.iter_mut().flat_map(|l| &mut l.diff) {
        let l = map(left, &shown[0], span.left);
        let r = map(right, &shown[1], span.right);
        span.left = l.map(|(o, _)| o);
        span.left_clean = l.and_then(|(_, c)| c);
        span.right = r.map(|(o, _)| o);
        span.right_clean = r.and_then(|(_, c)| c);
    }
    for flag in links.iter_mut().flat_map(|l| &mut l.flags) {
        let l = map(left, &shown[0], flag.left);
        let r = map(right, &shown[1], flag.right);
        flag.left = l.map(|(o, _)| o);
        flag.left_clean = l.and_then(|(_, c)| c);
        flag.right = r.map(|(o, _)| o);
        flag.right_clean = r.and_then(|(_, c)| c);
    }
    Report {
        format: FORMAT.to_owned(),
        version: VERSION,
        documents: vec![document(left, &shown[0]), document(right, &shown[1])],
        links,
        unmatched,
        stats,
    }
}

fn shown_of(doc: &Prepared<'_>) -> Shown {
    Shown::new(
        &doc.cleaned.text,
        doc.sentences.iter().map(|s| s.range.clone()),
    )
}

/// The word diff of one link, as report spans (ranges still into the cleaned texts).
fn link_diff(left: DiffInput<'_>, right: DiffInput<'_>, options: &Options) -> Vec<Span> {
    diff_tokens(&left, &right, &options.diff_options())
        .into_iter()
        .map(|s| Span {
            op: s.op,
            left: s.left.map(|r| [r.start, r.end]),
            right: s.right.map(|r| [r.start, r.end]),
            left_clean: None,
            right_clean: None,
        })
        .collect()
}

/// The discrepancy flags of one link, found on the cleaned texts (ranges still into them).
///
/// Sides whose sentences read the same byte for byte give no flags, so the detector is not run
/// on them.
fn link_flags(
    left: &Prepared<'_>,
    right: &Prepared<'_>,
    left_sentences: &[usize],
    right_sentences: &[usize],
) -> Vec<Flag> {
    let ranges = |doc: &Prepared<'_>, indices: &[usize]| -> Vec<std::ops::Range<usize>> {
        indices
            .iter()
            .filter_map(|&i| doc.sentences.get(i))
            .map(|s| s.range.clone())
            .collect()
    };
    let (left_ranges, right_ranges) =
        (ranges(left, left_sentences), ranges(right, right_sentences));
    let same = left_sentences.len() == right_sentences.len()
        && left_sentences
            .iter()
            .zip(right_sentences)
            .all(|(&i, &j)| left.sentence_text(i) == right.sentence_text(j));
    if same {
        return Vec::new();
    }
    // Each article's language is that of its whole cleaned text, as the detector would find.
    compare_sides_in(
        &Side {
            text: &left.cleaned.text,
            sentences: &left_ranges,
        },
        &Side {
            text: &right.cleaned.text,
            sentences: &right_ranges,
        },
        [Some(left.language), Some(right.language)],
    )
    .into_iter()
    .map(|f| Flag {
        kind: f.kind,
        severity: f.severity,
        left: f.left,
        right: f.right,
        left_clean: None,
        right_clean: None,
        note: f.note,
    })
    .collect()
}

fn unmatched<'a>(count: usize, linked: impl Iterator<Item = &'a usize>) -> Vec<usize> {
    let mut used = vec![false; count];
    for &i in linked {
        used[i] = true;
    }
    (0..count).filter(|&i| !used[i]).collect()
}

fn document(doc: &Prepared<'_>, shown: &Shown) -> DocumentReport {
    DocumentReport {
        name: doc.article.name.to_owned(),
        sentences: doc
            .sentences
            .iter()
            .zip(&shown.sentences)
            .map(|(s, (clean, clean_start))| {
                let original = doc.to_original(s.range.clone());
                SentenceReport {
                    start: original.start,
                    end: original.end,
                    text: doc
                        .article
                        .text
                        .get(original)
                        .unwrap_or_default()
                        .to_owned(),
                    clean: clean.clone(),
                    kind: s.kind,
                    paragraph: s.paragraph,
                    clean_start: *clean_start,
                }
            })
            .collect(),
    }
}

fn stats(docs: [&Prepared<'_>; 2], links: &[Link], unmatched: &[Vec<usize>]) -> Stats {
    let matched_share = docs
        .iter()
        .zip(unmatched)
        .map(|(doc, unmatched)| {
            let sentences = &doc.sentences;
            let body = |i: &usize| sentences[*i].kind == SentenceKind::Body;
            let len = |i: usize| sentences[i].range.len();
            let total: usize = (0..sentences.len()).filter(body).map(len).sum();
            let missing: usize = unmatched.iter().filter(|i| body(i)).map(|&i| len(i)).sum();
            if total == 0 {
                0.0
            } else {
                (total - missing) as f64 / total as f64
            }
        })
        .collect();
    let mut link_kinds = BTreeMap::new();
    for link in links {
        *link_kinds.entry(link.kind).or_insert(0) += 1;
    }
    let words = [
        WordIndex::new(&docs[0].tokens),
        WordIndex::new(&docs[1].tokens),
    ];
    let words_in = |side: usize, range: Option<[usize; 2]>| {
        range.map_or(0, |[start, end]| words[side].count(start..end))
    };
    let mut words_added = 0;
    let mut words_removed = 0;
    for span in links.iter().flat_map(|l| &l.diff) {
        if matches!(span.op, DiffOp::Insert | DiffOp::Replace) {
            words_added += words_in(1, span.right);
        }
        if matches!(span.op, DiffOp::Delete | DiffOp::Replace) {
            words_removed += words_in(0, span.left);
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

/// Counts the words (not punctuation) that start inside a byte range of one cleaned text.
struct WordIndex {
    /// Start of every token, ascending (sentences are in order, tokens in a sentence too).
    starts: Vec<usize>,
    /// `words_before[i]`: how many of the first `i` tokens are words.
    words_before: Vec<usize>,
}

impl WordIndex {
    fn new(tokens: &[Vec<Token>]) -> Self {
        let mut starts = Vec::new();
        let mut words_before = vec![0];
        for token in tokens.iter().flatten() {
            starts.push(token.range.start);
            let before = words_before.last().copied().unwrap_or(0);
            words_before.push(before + usize::from(token.is_word()));
        }
        Self {
            starts,
            words_before,
        }
    }

    /// Diff spans run from a token's start to a token's end, so counting the tokens that start
    /// inside the range counts the tokens it covers.
    fn count(&self, range: std::ops::Range<usize>) -> usize {
        let first = self.starts.partition_point(|&s| s < range.start);
        let last = self.starts.partition_point(|&s| s < range.end);
        let at = |i: usize| self.words_before.get(i).copied().unwrap_or(0);
        at(last).saturating_sub(at(first))
    }
}

/// Cleans and segments one article: the sentences [`compare`] would show, with their kinds.
///
/// # Example: a headline and two sentences
///
/// ```
/// use parallax::{segment_article, Article};
/// let doc = segment_article(&Article::new("a", "Bridge opens\n\nIt opened today. Crowds cheered."));
/// let texts: Vec<&str> = doc.sentences.iter().map(|s| s.text.as_str()).collect();
/// assert_eq!(texts, ["Bridge opens", "It opened today.", "Crowds cheered."]);
/// assert_eq!(doc.sentences[0].kind, parallax::segment::SentenceKind::Headline);
/// ```
pub fn segment_article(article: &Article<'_>) -> DocumentReport {
    let doc = Prepared::new(*article);
    document(&doc, &shown_of(&doc))
}

/// The aligner's kind, made to agree with the word diff the reader sees under the chosen
/// options: a link whose diff shows no change is `identical` (so "ignore case" turns a
/// case-only difference into one), and an `identical` link whose diff does show a change is
/// `minor`.
fn kind_agreeing_with(kind: LinkKind, diff: &[Span]) -> LinkKind {
    let unchanged = !diff.is_empty() && diff.iter().all(|s| s.op == DiffOp::Equal);
    match (unchanged, kind) {
        (true, _) => LinkKind::Identical,
        (false, LinkKind::Identical) => LinkKind::Minor,
        (false, kind) => kind,
    }
}

#[cfg(test)]
mod kind_tests {
    use super::*;
    use crate::test_support::unique;

    struct Example {
        name: &'static str,
        left: &'static str,
        right: &'static str,
        ignore_case: bool,
        ignore_punctuation: bool,
        expected: LinkKind,
    }

    const CASES: &[Example] = &[
        Example {
            name: "same words",
            left: "The ferry left the harbour at noon.",
            right: "The ferry left the harbour at noon.",
            ignore_case: false,
            ignore_punctuation: false,
            expected: LinkKind::Identical,
        },
        Example {
            name: "case only, case counts",
            left: "The ferry left the harbour at noon.",
            right: "The Ferry left the Harbour at noon.",
            ignore_case: false,
            ignore_punctuation: false,
            expected: LinkKind::Minor,
        },
        Example {
            name: "case only, case ignored",
            left: "The ferry left the harbour at noon.",
            right: "The Ferry left the Harbour at noon.",
            ignore_case: true,
            ignore_punctuation: false,
            expected: LinkKind::Identical,
        },
        Example {
            name: "punctuation only, punctuation ignored",
            left: "The ferry left the harbour, at noon.",
            right: "The ferry left the harbour at noon!",
            ignore_case: false,
            ignore_punctuation: true,
            expected: LinkKind::Identical,
        },
    ];

    #[test]
    fn case_names_are_unique() {
        assert!(unique(CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn the_badge_agrees_with_the_marks() {
        for case in CASES {
            let options = Options {
                ignore_case: case.ignore_case,
                ignore_punctuation: case.ignore_punctuation,
                ..Options::default()
            };
            let report = compare(
                &crate::Article::new("l", case.left),
                &crate::Article::new("r", case.right),
                &options,
            );
            let kinds: Vec<LinkKind> = report.links.iter().map(|l| l.kind).collect();
            assert_eq!(kinds, [case.expected], "{}", case.name);
        }
    }
}
