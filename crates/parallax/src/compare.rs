//! The whole pipeline: text in, [`Report`] out.

use crate::align::{align, LinkKind, SentenceInput};
use crate::diff::{diff_tokens, DiffInput, DiffOp};
use crate::normalize::{clean, Cleaned};
use crate::report::{DocumentReport, Link, Report, SentenceReport, Span, Stats, FORMAT, VERSION};
use crate::segment::{segment, Sentence, SentenceKind};
use crate::tokenize::{detect_language, tokenize_in, Token};
use crate::Options;
use std::collections::BTreeMap;

/// One article to compare: a display name and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article<'a> {
    /// The name shown to the reader (an outlet, a file name).
    pub name: &'a str,
    /// The article's text as the user gave it.
    pub text: &'a str,
}

impl<'a> Article<'a> {
    /// Makes an article from a name and a text.
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Self { name, text }
    }
}

/// Compares two articles: cleans and segments both, aligns their sentences and diffs every link.
///
/// The stages work on the cleaned text ([`crate::normalize::clean`]: mojibake repaired,
/// invisible characters removed); every range in the report is mapped back to the original
/// text the caller gave.
///
/// Never fails and never panics: empty or odd input gives a report with fewer sentences.
pub fn compare(left: &Article<'_>, right: &Article<'_>, options: &Options) -> Report {
    let left_clean = clean(left.text);
    let right_clean = clean(right.text);
    let left_sentences = segment(&left_clean.text);
    let right_sentences = segment(&right_clean.text);
    let left_tokens = tokens_of(&left_clean.text, &left_sentences);
    let right_tokens = tokens_of(&right_clean.text, &right_sentences);

    let alignments = align(
        &inputs(&left_tokens, &left_sentences),
        &inputs(&right_tokens, &right_sentences),
        options.threshold,
    );
    let mut links: Vec<Link> = alignments
        .into_iter()
        .map(|a| {
            let left_joined = joined(&left_tokens, &a.left);
            let right_joined = joined(&right_tokens, &a.right);
            let diff = link_diff(
                DiffInput::new(&left_clean.text, &left_joined),
                DiffInput::new(&right_clean.text, &right_joined),
                options,
            );
            Link {
                left: a.left,
                right: a.right,
                score: a.score,
                kind: kind_agreeing_with(a.kind, &diff),
                diff,
            }
        })
        .collect();

    let unmatched = vec![
        unmatched(left_sentences.len(), links.iter().flat_map(|l| &l.left)),
        unmatched(right_sentences.len(), links.iter().flat_map(|l| &l.right)),
    ];
    // Statistics compare token and span ranges, so they run before spans are mapped back.
    let stats = stats(
        [
            (left_clean.text.as_str(), &left_sentences),
            (right_clean.text.as_str(), &right_sentences),
        ],
        [&left_tokens, &right_tokens],
        &links,
        &unmatched,
    );
    let to_original = |cleaned: &Cleaned, [start, end]: [usize; 2]| {
        let range = cleaned.to_original(start..end);
        [range.start, range.end]
    };
    for span in links.iter_mut().flat_map(|l| &mut l.diff) {
        span.left = span.left.map(|r| to_original(&left_clean, r));
        span.right = span.right.map(|r| to_original(&right_clean, r));
    }
    Report {
        format: FORMAT.to_owned(),
        version: VERSION,
        documents: vec![
            document(left, &left_clean, &left_sentences),
            document(right, &right_clean, &right_sentences),
        ],
        links,
        unmatched,
        stats,
    }
}

fn inputs<'a>(tokens: &'a [Vec<Token>], sentences: &[Sentence]) -> Vec<SentenceInput<'a>> {
    tokens
        .iter()
        .zip(sentences)
        .map(|(t, s)| SentenceInput::new(t, s.kind))
        .collect()
}

/// Tokens of every sentence, stemmed in the article's own language (English, German, or none).
fn tokens_of(text: &str, sentences: &[Sentence]) -> Vec<Vec<Token>> {
    let language = detect_language(text);
    sentences
        .iter()
        .map(|s| tokenize_in(text, s.range.clone(), language))
        .collect()
}

fn joined(tokens: &[Vec<Token>], indices: &[usize]) -> Vec<Token> {
    indices
        .iter()
        .flat_map(|&i| tokens[i].iter().cloned())
        .collect()
}

/// The word diff of one link, as report spans (ranges still into the cleaned texts).
fn link_diff(left: DiffInput<'_>, right: DiffInput<'_>, options: &Options) -> Vec<Span> {
    diff_tokens(&left, &right, &options.diff_options())
        .into_iter()
        .map(|s| Span {
            op: s.op,
            left: s.left.map(|r| [r.start, r.end]),
            right: s.right.map(|r| [r.start, r.end]),
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

fn document(article: &Article<'_>, cleaned: &Cleaned, sentences: &[Sentence]) -> DocumentReport {
    DocumentReport {
        name: article.name.to_owned(),
        sentences: sentences
            .iter()
            .map(|s| {
                let original = cleaned.to_original(s.range.clone());
                SentenceReport {
                    start: original.start,
                    end: original.end,
                    text: article.text.get(original).unwrap_or_default().to_owned(),
                    clean: collapse_whitespace(
                        cleaned.text.get(s.range.clone()).unwrap_or_default(),
                    ),
                    kind: s.kind,
                }
            })
            .collect(),
    }
}

/// `text` with every run of white space made one space.
fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn stats(
    docs: [(&str, &Vec<Sentence>); 2],
    tokens: [&Vec<Vec<Token>>; 2],
    links: &[Link],
    unmatched: &[Vec<usize>],
) -> Stats {
    let matched_share = docs
        .iter()
        .zip(unmatched)
        .map(|((_, sentences), unmatched)| {
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
    let words = [WordIndex::new(tokens[0]), WordIndex::new(tokens[1])];
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
    let cleaned = clean(article.text);
    let sentences = segment(&cleaned.text);
    document(article, &cleaned, &sentences)
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
