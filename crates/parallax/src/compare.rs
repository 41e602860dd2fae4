//! The whole pipeline: text in, [`Report`] out.

use crate::align::{align, LinkKind};
use crate::diff::{diff_tokens, DiffInput, DiffOp};
use crate::flags::{compare_sides_tokenized, Side, Tokenized};
use crate::nway::corrections::{self, judged_kind};
use crate::nway::{apply_pivots, clusters, coverage, PairLinks, Rules};
use crate::prepare::{Article, Prepared};
use crate::report::stats::unmatched;
use crate::report::{
    Corrections, DocumentReport, Flag, Link, Report, SentenceReport, Span, Stats, FORMAT, VERSION,
};
use crate::shown::Shown;
use crate::tokenize::Token;
use crate::Options;
use std::borrow::Cow;
use std::collections::BTreeSet;

/// Compares two articles: cleans and segments both, aligns their sentences, diffs every link
/// and flags the facts (numbers, dates, names, quotations, attributions) its two sides state
/// differently ([`crate::flags`]). The two-article case of [`compare_all`].
///
/// The stages work on the cleaned text ([`crate::normalize::clean`]: mojibake repaired,
/// invisible characters removed); every range in the report is mapped back to the original
/// text the caller gave.
///
/// Never fails and never panics: empty or odd input gives a report with fewer sentences.
pub fn compare(left: &Article<'_>, right: &Article<'_>, options: &Options) -> Report {
    compare_all(&[*left, *right], options)
}

/// [`compare`] for articles that are already prepared.
pub fn compare_prepared(left: &Prepared<'_>, right: &Prepared<'_>, options: &Options) -> Report {
    compare_all_prepared(&[left, right], options, &Rules::default())
}

/// Compares any number of articles (the page and the CLI take 2 to 10): every pair is
/// aligned, each pair's links are checked against the other articles ([`crate::nway::pivots`]:
/// with two articles nothing changes), every link is diffed and flagged, and the links are
/// gathered into fact clusters and a coverage matrix.
///
/// Each article is cleaned, segmented and tokenized once, whatever the number of pairs. The
/// report lists the articles in the order given; permuting them permutes the report.
///
/// # Example: three reports of one event
///
/// ```
/// use parallax::{compare_all, Article, Options};
///
/// let report = compare_all(
///     &[
///         Article::new("Wire", "The bridge opened on Monday. Crowds cheered."),
///         Article::new("Daily", "Crowds cheered loudly. The bridge opened on Monday."),
///         Article::new("Post", "The bridge opened on Monday."),
///     ],
///     &Options::default(),
/// );
/// assert_eq!(report.documents.len(), 3);
/// // "The bridge opened on Monday." is one fact, told by all three.
/// let bridge = &report.clusters[0];
/// assert_eq!(bridge.members.len(), 3);
/// // The Post carries 5 of the Wire's 7 words: all but "Crowds cheered".
/// assert_eq!(report.coverage.shared[0][2], 0.714);
/// assert_eq!(report.coverage.only[0], Vec::<usize>::new());
/// ```
pub fn compare_all(articles: &[Article<'_>], options: &Options) -> Report {
    compare_all_corrected(articles, options, &Corrections::default())
}

/// [`compare_all`] with the reader's corrections: links the reader rejected are removed and
/// links the reader added are made (scored 1, [`Link::by_reader`], their kind judged from their
/// word diff), before the links are diffed and flagged and the clusters, coverage, unmatched
/// sentences and summary numbers are computed (see [`crate::nway::corrections`]).
///
/// Corrections that name no pair or sentence of these articles, and rejections that match no
/// link, are ignored; [`Report::corrections`] lists the ones applied. Never panics.
///
/// # Example: the reader joins two sentences the aligner left apart
///
/// ```
/// use parallax::report::{Corrections, LinkRef};
/// use parallax::{compare_all_corrected, Article, Options};
///
/// let articles = [
///     Article::new("Wire", "The bridge opened on Monday. Crowds cheered."),
///     Article::new("Daily", "The bridge opened on Monday. Thousands came to watch."),
/// ];
/// let joined = LinkRef::new([0, 1], vec![1], vec![1]);
/// let corrections = Corrections { added: vec![joined.clone()], ..Corrections::default() };
/// let report = compare_all_corrected(&articles, &Options::default(), &corrections);
/// let link = report.links.iter().find(|l| l.reference() == joined).unwrap();
/// assert!(link.by_reader && link.score == 1.0);
/// assert!(report.unmatched.iter().all(Vec::is_empty));
/// ```
pub fn compare_all_corrected(
    articles: &[Article<'_>],
    options: &Options,
    corrections: &Corrections,
) -> Report {
    // One stem memory for all the articles: a word they share is stemmed once.
    let mut stems = Vec::new();
    let prepared: Vec<Prepared<'_>> = articles
        .iter()
        .map(|a| Prepared::sharing_stems(*a, &mut stems))
        .collect();
    let docs: Vec<&Prepared<'_>> = prepared.iter().collect();
    compare_all_prepared_corrected(&docs, options, &Rules::default(), corrections)
}

/// [`compare_all`] for articles that are already prepared, with the pivot rules to apply.
pub fn compare_all_prepared(docs: &[&Prepared<'_>], options: &Options, rules: &Rules) -> Report {
    compare_all_prepared_corrected(docs, options, rules, &Corrections::default())
}

/// [`compare_all_corrected`] for articles that are already prepared, with the pivot rules to
/// apply: the one pipeline every comparison runs.
pub fn compare_all_prepared_corrected(
    docs: &[&Prepared<'_>],
    options: &Options,
    rules: &Rules,
    corrections: &Corrections,
) -> Report {
    let shown: Vec<Shown> = docs.iter().map(|d| shown_of(d)).collect();
    let inputs: Vec<_> = docs.iter().map(|d| d.inputs()).collect();
    let n = docs.len();
    let counts: Vec<usize> = docs.iter().map(|d| d.sentences.len()).collect();
    let mut pairs: Vec<PairLinks> = (0..n)
        .flat_map(|a| (a + 1..n).map(move |b| [a, b]))
        .map(|[a, b]| PairLinks {
            docs: [a, b],
            links: align(&inputs[a], &inputs[b], options.threshold),
        })
        .collect();
    // A link the reader rejected is no evidence for the pivots, nor can they bring it back.
    let rejected_before = corrections::reject(&mut pairs, &counts, &corrections.rejected);
    apply_pivots(&mut pairs, n, rules, options.threshold);
    let applied = corrections::apply(&mut pairs, &counts, corrections, rejected_before);
    let by_reader: BTreeSet<_> = applied.added.iter().collect();

    let mut links: Vec<Link> = Vec::new();
    for pair in pairs {
        let [a, b] = pair.docs;
        let (left, right) = (docs[a], docs[b]);
        for alignment in pair.links {
            let diff = link_diff(
                DiffInput::new(&left.cleaned.text, &link_tokens(left, &alignment.left)),
                DiffInput::new(&right.cleaned.text, &link_tokens(right, &alignment.right)),
                options,
            );
            let flags = link_flags(left, right, &alignment.left, &alignment.right);
            let mut link = Link {
                docs: [a, b],
                left: alignment.left,
                right: alignment.right,
                score: alignment.score,
                kind: kind_agreeing_with(alignment.kind, &diff),
                diff,
                flags,
                by_reader: false,
            };
            if !by_reader.is_empty() && by_reader.contains(&link.reference()) {
                link.by_reader = true;
                link.kind = judged_kind(&link.diff, [&left.cleaned.text, &right.cleaned.text]);
            }
            map_ranges(&mut link, [left, right], [&shown[a], &shown[b]]);
            links.push(link);
        }
    }

    let documents: Vec<DocumentReport> = docs
        .iter()
        .zip(&shown)
        .enumerate()
        .map(|(id, (doc, shown))| DocumentReport {
            id,
            ..document(doc, shown)
        })
        .collect();
    let unmatched = unmatched(&documents, &links);
    let stats = Stats::of(&documents, &links);
    Report {
        format: FORMAT.to_owned(),
        version: VERSION,
        clusters: clusters(&documents, &links),
        coverage: coverage(&documents, &links),
        documents,
        links,
        unmatched,
        stats,
        corrections: applied,
    }
}

/// Maps a link's diff spans and flags from the cleaned texts to the original inputs and the
/// shown texts.
fn map_ranges(link: &mut Link, docs: [&Prepared<'_>; 2], shown: [&Shown; 2]) {
    let map = |side: usize, range: Option<[usize; 2]>| {
        range.map(|[start, end]| {
            let original = docs[side].to_original(start..end);
            (
                [original.start, original.end],
                shown[side].range(start..end),
            )
        })
    };
    for span in &mut link.diff {
        let (l, r) = (map(0, span.left), map(1, span.right));
        span.left = l.map(|(o, _)| o);
        span.left_clean = l.and_then(|(_, c)| c);
        span.right = r.map(|(o, _)| o);
        span.right_clean = r.and_then(|(_, c)| c);
    }
    for flag in &mut link.flags {
        let (l, r) = (map(0, flag.left), map(1, flag.right));
        flag.left = l.map(|(o, _)| o);
        flag.left_clean = l.and_then(|(_, c)| c);
        flag.right = r.map(|(o, _)| o);
        flag.right_clean = r.and_then(|(_, c)| c);
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
    // The tokens each document already holds for the link's sentences (the same ranges, in
    // the same order); the detector uses them when it tokenizes in the document's language.
    let known = [
        tokenized(left, left_sentences),
        tokenized(right, right_sentences),
    ];
    // Each article's language is that of its whole cleaned text, as the detector would find.
    compare_sides_tokenized(
        &Side {
            text: &left.cleaned.text,
            sentences: &left_ranges,
        },
        &Side {
            text: &right.cleaned.text,
            sentences: &right_ranges,
        },
        [Some(left.language), Some(right.language)],
        [Some(&known[0]), Some(&known[1])],
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

/// The tokens of a link side read as one text ([`Prepared::joined_tokens`]), borrowed when
/// the side is one sentence.
fn link_tokens<'d>(doc: &'d Prepared<'_>, indices: &[usize]) -> Cow<'d, [Token]> {
    match indices {
        [i] => match doc.tokens.get(*i) {
            Some(tokens) => Cow::Borrowed(tokens.as_slice()),
            None => Cow::Owned(Vec::new()),
        },
        _ => Cow::Owned(doc.joined_tokens(indices)),
    }
}

/// The tokens a document holds for some of its sentences, for the flag detectors.
fn tokenized<'t>(doc: &'t Prepared<'_>, indices: &[usize]) -> Tokenized<'t> {
    Tokenized {
        language: doc.language,
        sentences: indices
            .iter()
            .filter(|&&i| i < doc.sentences.len())
            .filter_map(|&i| doc.tokens.get(i).map(Vec::as_slice))
            .collect(),
    }
}

fn document(doc: &Prepared<'_>, shown: &Shown) -> DocumentReport {
    DocumentReport {
        id: 0,
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
