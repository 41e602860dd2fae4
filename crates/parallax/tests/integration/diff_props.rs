//! The word diff of every link rebuilds both sides: on random inputs, on random (also
//! non-adjacent) sentence groups, and on every pair of the seed articles.
//!
//! "Rebuilds" means, per side of a link: spans come in order and never overlap; every visible
//! character of the link's sentences lies in exactly one span; spans cover nothing visible
//! outside those sentences (the text between two spans is white space, or lies between two
//! sentences of the link); and the spans' text, with the text between them, cleaned and with
//! white space collapsed, is exactly the link's normalized sentences (`clean`) joined by
//! spaces. Equal spans read the same on both sides after folding.
//!
//! Swapping the two articles gives exactly the mirrored report: the same links with their
//! sides swapped, every diff span's ranges swapped with insertions and deletions exchanged,
//! and the statistics swapped (issue 19, item 7).

use crate::align_properties::seed_texts;
use parallax::diff::{diff_tokens, DiffInput, DiffOp, DiffOptions};
use parallax::normalize::clean;
use parallax::report::{Link, Span};
use parallax::segment::segment;
use parallax::tokenize::{tokenize, Token};
use parallax::{compare, Article, Options, Report};
use proptest::prelude::*;
use std::collections::BTreeMap;
use std::ops::Range;
use std::path::Path;

/// Whether `c` is something a reader sees (not white space, not dropped by cleaning).
fn visible(c: char) -> bool {
    !c.is_whitespace() && !clean(c.encode_utf8(&mut [0; 4])).text.trim().is_empty()
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Byte offsets of the characters of `text` that a reader sees.
fn visible_positions(text: &str) -> Vec<(usize, char)> {
    text.char_indices().filter(|&(_, c)| visible(c)).collect()
}

/// Spans come in order, are not empty, and cover every visible character of `sentences` once
/// and nothing visible outside them; `visible` is [`visible_positions`] of `text`.
fn check_coverage(
    text: &str,
    visible: &[(usize, char)],
    sentences: &[Range<usize>],
    spans: &[Range<usize>],
) -> Result<(), String> {
    for pair in spans.windows(2) {
        if pair[0].end > pair[1].start {
            return Err(format!("spans overlap or go backwards: {pair:?}"));
        }
    }
    for span in spans {
        if span.is_empty() || text.get(span.clone()).is_none() {
            return Err(format!("empty or broken span {span:?}"));
        }
    }
    let all = sentences.iter().chain(spans);
    let (Some(low), Some(high)) = (all.clone().map(|r| r.start).min(), all.map(|r| r.end).max())
    else {
        return Ok(());
    };
    let first = visible.partition_point(|&(at, _)| at < low);
    let last = visible.partition_point(|&(at, _)| at < high);
    for &(at, c) in &visible[first..last] {
        let in_sentence = sentences.iter().any(|s| s.contains(&at));
        let in_spans = spans.iter().filter(|s| s.contains(&at)).count();
        if in_sentence && in_spans != 1 {
            return Err(format!("{c:?} at {at} is in {in_spans} spans"));
        }
        if !in_sentence && in_spans > 0 {
            return Err(format!(
                "{c:?} at {at} is outside the sentences but in a span"
            ));
        }
    }
    Ok(())
}

/// The spans' text with the white space between them, white space collapsed; where two spans
/// are apart by more than white space (sentences of the link that are not neighbours), one
/// space.
fn rebuild(text: &str, spans: &[Range<usize>]) -> String {
    let mut rebuilt = String::new();
    let mut previous_end: Option<usize> = None;
    for span in spans {
        if let Some(end) = previous_end {
            let gap = text.get(end..span.start).unwrap_or_default();
            rebuilt.push_str(if gap.trim().is_empty() { gap } else { " " });
        }
        rebuilt.push_str(text.get(span.clone()).unwrap_or_default());
        previous_end = Some(span.end);
    }
    collapse(&rebuilt)
}

/// Checks the spans of one side (ranges in `text`) against the chosen sentences of that side;
/// `expected` is the sentences' normalized text joined by spaces.
fn check_side(
    text: &str,
    visible: &[(usize, char)],
    sentences: &[Range<usize>],
    spans: &[Range<usize>],
    expected: &str,
) -> Result<(), String> {
    check_coverage(text, visible, sentences, spans)?;
    let rebuilt = rebuild(text, spans);
    if rebuilt != expected {
        return Err(format!("rebuilt {rebuilt:?}\n   expected {expected:?}"));
    }
    Ok(())
}

/// One article as the engine sees it: original text, cleaned text, sentences and tokens of the
/// cleaned text, and the map from original token boundaries back to cleaned ones.
struct Seen<'a> {
    original: &'a str,
    original_visible: Vec<(usize, char)>,
    cleaned: String,
    cleaned_visible: Vec<(usize, char)>,
    sentences: Vec<Range<usize>>,
    tokens: Vec<Token>,
    starts: BTreeMap<usize, usize>,
    ends: BTreeMap<usize, usize>,
}

impl<'a> Seen<'a> {
    fn new(original: &'a str) -> Self {
        let cleaned = clean(original);
        let sentences: Vec<Range<usize>> = segment(&cleaned.text)
            .into_iter()
            .map(|s| s.range)
            .collect();
        let tokens: Vec<Token> = sentences
            .iter()
            .flat_map(|r| tokenize(&cleaned.text, r.clone()))
            .collect();
        let (mut starts, mut ends) = (BTreeMap::new(), BTreeMap::new());
        for t in &tokens {
            let o = cleaned.to_original(t.range.clone());
            starts.insert(o.start, t.range.start);
            ends.insert(o.end, t.range.end);
        }
        Self {
            original,
            original_visible: visible_positions(original),
            cleaned_visible: visible_positions(&cleaned.text),
            cleaned: cleaned.text,
            sentences,
            tokens,
            starts,
            ends,
        }
    }

    /// A span of the report (original offsets) in cleaned offsets.
    fn to_cleaned(&self, [start, end]: [usize; 2]) -> Result<Range<usize>, String> {
        match (self.starts.get(&start), self.ends.get(&end)) {
            (Some(&a), Some(&b)) => Ok(a..b),
            _ => Err(format!(
                "span {start}..{end} does not start and end on tokens"
            )),
        }
    }

    /// The comparison forms of the tokens inside a cleaned range.
    fn keys(&self, range: &Range<usize>, options: DiffOptions) -> Vec<String> {
        self.tokens
            .iter()
            .filter(|t| range.start <= t.range.start && t.range.end <= range.end)
            .filter(|t| !options.ignore_punctuation || t.is_word())
            .map(|t| {
                let surface = &self.cleaned[t.range.clone()];
                if options.ignore_case || !surface.chars().any(char::is_uppercase) {
                    t.norm.clone()
                } else {
                    let case: String = surface
                        .chars()
                        .filter(|c| c.is_alphabetic())
                        .map(|c| if c.is_uppercase() { 'U' } else { 'l' })
                        .collect();
                    format!("{}/{case}", t.norm)
                }
            })
            .collect()
    }
}

fn check_span_ops(diff: &[Span]) -> Result<(), String> {
    for span in diff {
        let ok = match span.op {
            DiffOp::Equal | DiffOp::Replace => span.left.is_some() && span.right.is_some(),
            DiffOp::Delete => span.left.is_some() && span.right.is_none(),
            DiffOp::Insert => span.left.is_none() && span.right.is_some(),
        };
        if !ok {
            return Err(format!("inconsistent span {span:?}"));
        }
    }
    Ok(())
}

/// Checks one link of a report.
fn check_link(
    report: &Report,
    seen: &[Seen<'_>; 2],
    link: &Link,
    options: DiffOptions,
) -> Result<(), String> {
    check_span_ops(&link.diff)?;
    for (side, indices) in [&link.left, &link.right].into_iter().enumerate() {
        let doc = &report.documents[side];
        let name = format!("side {side} of {:?}/{:?}", link.left, link.right);
        let side_spans: Vec<[usize; 2]> = link
            .diff
            .iter()
            .filter_map(|s| if side == 0 { s.left } else { s.right })
            .collect();
        // In the original text: coverage.
        let sentences: Vec<Range<usize>> = indices
            .iter()
            .map(|&i| doc.sentences[i].start..doc.sentences[i].end)
            .collect();
        let spans: Vec<Range<usize>> = side_spans.iter().map(|&[a, b]| a..b).collect();
        check_coverage(
            seen[side].original,
            &seen[side].original_visible,
            &sentences,
            &spans,
        )
        .map_err(|e| format!("{name}, original text: {e}"))?;
        // In the cleaned text: coverage and the normalized sentences rebuilt.
        let sentences: Vec<Range<usize>> = indices
            .iter()
            .map(|&i| seen[side].sentences[i].clone())
            .collect();
        let spans = side_spans
            .iter()
            .map(|&s| seen[side].to_cleaned(s))
            .collect::<Result<Vec<_>, _>>()
            .map_err(|e| format!("{name}: {e}"))?;
        let expected = indices
            .iter()
            .map(|&i| doc.sentences[i].clean.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        check_side(
            &seen[side].cleaned,
            &seen[side].cleaned_visible,
            &sentences,
            &spans,
            &expected,
        )
        .map_err(|e| format!("{name}, cleaned text: {e}"))?;
    }
    for span in &link.diff {
        if let (DiffOp::Equal, Some(left), Some(right)) = (span.op, span.left, span.right) {
            let left = seen[0].to_cleaned(left)?;
            let right = seen[1].to_cleaned(right)?;
            if seen[0].keys(&left, options) != seen[1].keys(&right, options) {
                return Err(format!(
                    "equal span differs: {:?} vs {:?}",
                    &seen[0].cleaned[left], &seen[1].cleaned[right]
                ));
            }
        }
    }
    Ok(())
}

fn check_report(left: &str, right: &str, options: &Options) -> Result<usize, String> {
    let report = compare(&Article::new("l", left), &Article::new("r", right), options);
    let seen = [Seen::new(left), Seen::new(right)];
    for link in &report.links {
        check_link(&report, &seen, link, options.diff_options())?;
    }
    Ok(report.links.len())
}

/// Sentences built from a small vocabulary, so that random articles share words and link.
fn article() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("storm"),
        Just("Storm"),
        Just("the"),
        Just("The"),
        Just("lighthouse"),
        Just("fell"),
        Just("into"),
        Just("sea"),
        Just("on"),
        Just("Tuesday"),
        Just("mayor"),
        Just("said"),
        Just("it"),
        Just("it’s"),
        Just("it's"),
        Just("Itâ€™s"),
        Just("“quoted”"),
        Just("\"quoted\""),
        Just("1884"),
        Just("£2.4"),
        Just("U.S."),
        Just("Dr."),
        Just("well-known"),
        Just("东京"),
    ];
    let gap = prop_oneof![
        4 => Just(" "),
        1 => Just(", "),
        1 => Just(" — "),
        1 => Just("  "),
        1 => Just("\u{200B} "),
        1 => Just("\n"),
    ];
    let sentence = (
        prop::collection::vec((word, gap), 1..10),
        prop_oneof![
            Just(". "),
            Just("? "),
            Just(".\n\n"),
            Just("\n\n"),
            Just("")
        ],
    )
        .prop_map(|(words, end)| {
            let mut s = String::new();
            for (w, g) in &words {
                s.push_str(w);
                s.push_str(g);
            }
            s.truncate(s.trim_end().len());
            s.push_str(end);
            s
        });
    prop::collection::vec(sentence, 0..8).prop_map(|v| v.concat())
}

fn options() -> impl Strategy<Value = Options> {
    (0.0..0.7f64, any::<bool>(), any::<bool>()).prop_map(|(threshold, case, punct)| Options {
        threshold,
        ignore_case: case,
        ignore_punctuation: punct,
    })
}

/// `report` as it should read with its two articles swapped: the pair cut out the other way
/// round (`Report::pair` mirrors the links and recounts the summary), with the documents
/// numbered as a fresh comparison numbers them.
fn mirrored(report: &Report) -> Report {
    let mut mirror = report.pair(1, 0).expect("a two-article report");
    for (id, doc) in mirror.documents.iter_mut().enumerate() {
        doc.id = id;
    }
    sorted_links(mirror)
}

/// Links in one order, and each link's flags in one order without their notes: a note names
/// the left value first ("217 ≠ 270"), so the mirrored report words it the other way round.
fn sorted_links(mut report: Report) -> Report {
    report
        .links
        .sort_by(|a, b| (&a.left, &a.right).cmp(&(&b.left, &b.right)));
    for link in &mut report.links {
        for flag in &mut link.flags {
            flag.note.clear();
        }
        link.flags
            .sort_by_key(|f| (f.left, f.right, f.kind, f.severity));
    }
    report
}

/// Compares `left` with `right` and `right` with `left`; the second must mirror the first.
fn check_mirror(left: &str, right: &str, options: &Options) -> Result<(), String> {
    let there = compare(&Article::new("l", left), &Article::new("r", right), options);
    let back = compare(&Article::new("r", right), &Article::new("l", left), options);
    let (expected, actual) = (mirrored(&there), sorted_links(back));
    if expected == actual {
        return Ok(());
    }
    for (e, a) in expected.links.iter().zip(&actual.links) {
        if e != a {
            return Err(format!(
                "first differing link:\nmirrored {e:?}\nswapped  {a:?}"
            ));
        }
    }
    Err(format!(
        "stats or links differ:\nmirrored {:?}\nswapped  {:?}",
        expected.stats, actual.stats
    ))
}

proptest! {
    /// Issue 19, item 7: the word diff and its counts do not depend on which side is left.
    #[test]
    fn issue_19_swapping_articles_mirrors_the_report(
        left in article(),
        right in article(),
        options in options(),
    ) {
        if let Err(e) = check_mirror(&left, &right, &options) {
            return Err(TestCaseError::fail(format!("{e}\nleft {left:?}\nright {right:?}")));
        }
    }

    #[test]
    fn every_link_rebuilds_both_sides(left in article(), right in article(), options in options()) {
        if let Err(e) = check_report(&left, &right, &options) {
            return Err(TestCaseError::fail(format!("{e}\nleft {left:?}\nright {right:?}")));
        }
    }

    /// Diff any group of sentences of one text (adjacent or not) against any group of the
    /// other: the spans never reach into the sentences left out.
    #[test]
    fn sentence_groups_rebuild(
        left in article(),
        right in article(),
        left_pick in prop::collection::vec(any::<bool>(), 8),
        right_pick in prop::collection::vec(any::<bool>(), 8),
        options in options(),
    ) {
        // The engine diffs cleaned text.
        let (left, right) = (clean(&left).text, clean(&right).text);
        let sides = [(&left, &left_pick), (&right, &right_pick)].map(|(text, pick)| {
            let sentences: Vec<Range<usize>> = segment(text)
                .into_iter()
                .enumerate()
                .filter(|(i, _)| pick.get(*i).copied().unwrap_or(false))
                .map(|(_, s)| s.range)
                .collect();
            let tokens: Vec<_> = sentences.iter().flat_map(|r| tokenize(text, r.clone())).collect();
            (sentences, tokens)
        });
        let spans = diff_tokens(
            &DiffInput::new(&left, &sides[0].1),
            &DiffInput::new(&right, &sides[1].1),
            &options.diff_options(),
        );
        // Issue 19, item 7: the other way round, the same spans mirrored.
        let swapped = diff_tokens(
            &DiffInput::new(&right, &sides[1].1),
            &DiffInput::new(&left, &sides[0].1),
            &options.diff_options(),
        );
        let mirror: Vec<_> = spans
            .iter()
            .map(|s| parallax::diff::DiffSpan {
                op: match s.op {
                    DiffOp::Insert => DiffOp::Delete,
                    DiffOp::Delete => DiffOp::Insert,
                    op => op,
                },
                left: s.right.clone(),
                right: s.left.clone(),
            })
            .collect();
        prop_assert_eq!(&swapped, &mirror, "left {:?}\nright {:?}", left, right);
        for (side, text) in [left.as_str(), right.as_str()].into_iter().enumerate() {
            let ranges: Vec<Range<usize>> = spans
                .iter()
                .filter_map(|s| if side == 0 { s.left.clone() } else { s.right.clone() })
                .collect();
            let joined = sides[side].0.iter().map(|r| &text[r.clone()]).collect::<Vec<_>>().join(" ");
            let expected = collapse(&joined);
            let visible = visible_positions(text);
            if let Err(e) = check_side(text, &visible, &sides[side].0, &ranges, &expected) {
                return Err(TestCaseError::fail(format!("side {side}: {e}\nleft {left:?}\nright {right:?}")));
            }
        }
    }
}

/// Issue 19, item 7: the built-in sample pair (the page's and the README's) mirrors too.
#[test]
fn issue_19_sample_pair_mirrors() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).expect("sample is UTF-8");
    let (wire, ledger) = (read("wire.txt"), read("ledger.txt"));
    for (ignore_case, ignore_punctuation) in [(false, false), (true, false), (false, true)] {
        let options = Options {
            ignore_case,
            ignore_punctuation,
            ..Options::default()
        };
        if let Err(e) = check_mirror(&wire, &ledger, &options) {
            panic!("{options:?}: {e}");
        }
    }
}

/// Issue 19, item 7: every pair of seed articles mirrors, under every option.
#[test]
fn issue_19_seed_pairs_mirror() {
    let Some(seeds) = seed_texts() else { return };
    let texts: Vec<String> = seeds.into_iter().map(|(_, text)| text).collect();
    for i in 0..texts.len() {
        for j in i + 1..texts.len() {
            for (ignore_case, ignore_punctuation) in [(false, false), (true, true)] {
                let options = Options {
                    ignore_case,
                    ignore_punctuation,
                    ..Options::default()
                };
                if let Err(e) = check_mirror(&texts[i], &texts[j], &options) {
                    panic!("seeds {i} vs {j}, {options:?}: {e}");
                }
            }
        }
    }
}

#[test]
fn seed_pairs_rebuild() {
    let Some(seeds) = seed_texts() else { return };
    assert!(
        seeds.len() >= 2,
        "fewer than two seeds in ../shared/samples/seeds"
    );
    let texts: Vec<String> = seeds.into_iter().map(|(_, text)| text).collect();
    let mut links = 0;
    for i in 0..texts.len() {
        for j in 0..texts.len() {
            if i == j {
                continue;
            }
            for (ignore_case, ignore_punctuation) in [(false, false), (true, true)] {
                let options = Options {
                    ignore_case,
                    ignore_punctuation,
                    ..Options::default()
                };
                links += check_report(&texts[i], &texts[j], &options)
                    .unwrap_or_else(|e| panic!("seeds {i} vs {j}, {options:?}: {e}"));
            }
        }
    }
    assert!(links > 0, "the seed pairs produced no links");
}
