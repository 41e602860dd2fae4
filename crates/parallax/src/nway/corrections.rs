//! The reader's corrections: links rejected ("not the same fact") and links added.
//!
//! [`crate::compare_all_corrected`] applies them to every pair's links after the aligner and
//! the pivots ([`super::pivots`]), before the links are diffed and flagged and before the
//! clusters, the coverage, the unmatched sentences and the summary numbers are computed, so all
//! of those follow the reader.
//!
//! - A **rejected** reference removes the link of its pair with exactly its sentences; when
//!   there is none, every link of the pair that holds all of them (the reader rejected that
//!   pairing, whatever else the link holds). Rejections are applied twice: before the pivots,
//!   so a link the reader rejected is no evidence for a link through a third article, and
//!   after them, so the pivots cannot bring it back. They only ever remove the engine's links.
//! - An **added** reference becomes a link with exactly its sentences, scored 1 (the reader is
//!   sure), unless the pair already has that very link (then nothing changes: applying a
//!   correction twice is applying it once). Its kind is judged from its word diff
//!   (`judged_kind`), not taken on trust: joining two quite different sentences gives a
//!   `paraphrase` or `partial` link, never an `identical` one. Additions come after
//!   rejections, so a reference both rejected and added ends as the reader's link.
//!
//! A reference that names no pair of the comparison (a document out of range, both documents
//! the same), has an empty side or a sentence out of range is ignored; so is an added one whose
//! sentences on a side are not consecutive (a link is always a block of sentences on each
//! side), and a rejected one that matches no link. Only the references that changed something
//! are reported back ([`crate::report::Report::corrections`]), normalised, sorted and without
//! repeats, so a stale correction disappears from the next export.
//!
//! **Clusters.** A reader's link is an ordinary link of score 1 for [`mod@super::clusters`]: it is
//! among the strongest joins, so it is merged first and wins over the engine's weaker links
//! competing for the same sentences, but it obeys the same guards (an article keeps one place
//! in a cluster, clusters mostly link directly), so it can never put one article's scattered
//! sentences in one row. A reader's link the guards refuse to merge still counts as a link for
//! the coverage, the unmatched sentences and the summary.

use super::PairLinks;
use crate::align::{Alignment, LinkKind};
use crate::diff::DiffOp;
use crate::report::stats::word_count;
use crate::report::{Corrections, LinkRef, Span};
use std::collections::BTreeSet;

/// A reference normalised, or `None` when it names no pair of documents with `counts[d]`
/// sentences each, has an empty side or a sentence out of range.
fn valid(reference: &LinkRef, counts: &[usize]) -> Option<LinkRef> {
    let r = reference.normalized();
    let [a, b] = r.docs;
    let fits = |doc: usize, side: &[usize]| {
        counts
            .get(doc)
            .is_some_and(|&count| !side.is_empty() && side.iter().all(|&s| s < count))
    };
    (a != b && fits(a, &r.left) && fits(b, &r.right)).then_some(r)
}

/// Whether a side's sentences follow one another.
fn consecutive(side: &[usize]) -> bool {
    side.windows(2).all(|w| w[1] == w[0] + 1)
}

/// Whether `sub` (ascending) is part of `set` (ascending).
fn within(sub: &[usize], set: &[usize]) -> bool {
    sub.iter().all(|s| set.binary_search(s).is_ok())
}

/// Removes the links `rejected` names from `pairs` (documents with `counts[d]` sentences);
/// returns the references that removed a link, normalised.
pub fn reject(pairs: &mut [PairLinks], counts: &[usize], rejected: &[LinkRef]) -> Vec<LinkRef> {
    let mut applied = Vec::new();
    for reference in rejected.iter().filter_map(|r| valid(r, counts)) {
        let Some(pair) = pairs.iter_mut().find(|p| p.docs == reference.docs) else {
            continue;
        };
        let before = pair.links.len();
        let exact = |l: &Alignment| l.left == reference.left && l.right == reference.right;
        if pair.links.iter().any(exact) {
            pair.links.retain(|l| !exact(l));
        } else {
            pair.links.retain(|l| {
                !(within(&reference.left, &l.left) && within(&reference.right, &l.right))
            });
        }
        if pair.links.len() < before {
            applied.push(reference);
        }
    }
    applied
}

/// Adds the links `added` names to `pairs` (documents with `counts[d]` sentences), scored 1,
/// keeping each pair's links sorted; returns the references that added a link, normalised.
/// The added links' kinds are placeholders: the caller judges them from their diffs.
pub fn add(pairs: &mut [PairLinks], counts: &[usize], added: &[LinkRef]) -> Vec<LinkRef> {
    let mut applied = Vec::new();
    for reference in added.iter().filter_map(|r| valid(r, counts)) {
        if !consecutive(&reference.left) || !consecutive(&reference.right) {
            continue;
        }
        let Some(pair) = pairs.iter_mut().find(|p| p.docs == reference.docs) else {
            continue;
        };
        if pair
            .links
            .iter()
            .any(|l| l.left == reference.left && l.right == reference.right)
        {
            continue;
        }
        pair.links.push(Alignment {
            left: reference.left.clone(),
            right: reference.right.clone(),
            score: 1.0,
            kind: LinkKind::Paraphrase,
        });
        pair.links
            .sort_by(|x, y| (&x.left, &x.right).cmp(&(&y.left, &y.right)));
        applied.push(reference);
    }
    applied
}

/// Applies `corrections` to the links of `pairs` after the pivots (see the module
/// documentation): rejections, then additions. `rejected_before` are the rejections the pass
/// before the pivots applied. Returns the corrections that changed something, sorted, without
/// repeats.
pub fn apply(
    pairs: &mut [PairLinks],
    counts: &[usize],
    corrections: &Corrections,
    rejected_before: Vec<LinkRef>,
) -> Corrections {
    let mut rejected = rejected_before;
    rejected.extend(reject(pairs, counts, &corrections.rejected));
    let added = add(pairs, counts, &corrections.added);
    let canonical = |refs: Vec<LinkRef>| -> Vec<LinkRef> {
        refs.into_iter()
            .collect::<BTreeSet<_>>()
            .into_iter()
            .collect()
    };
    Corrections {
        rejected: canonical(rejected),
        added: canonical(added),
    }
}

/// The kind of a reader's link, judged from its word diff `diff` (ranges into the cleaned
/// texts `texts[0]` and `texts[1]`), with the aligner's thresholds on how much of each side
/// the other covers (`crate::align`'s kinds), counting words the diff keeps equal instead of
/// stems:
///
/// - a diff with no change is `identical`;
/// - at least 80% of the words of each side equal: `minor`;
/// - less than half of one side equal, and that side's share more than 0.25 below the other
///   side's (one side carries much the other lacks): `partial`;
/// - otherwise `paraphrase`.
pub(crate) fn judged_kind(diff: &[Span], texts: [&str; 2]) -> LinkKind {
    if !diff.is_empty() && diff.iter().all(|s| s.op == DiffOp::Equal) {
        return LinkKind::Identical;
    }
    let share = |side: usize| {
        let words = |range: Option<[usize; 2]>| {
            range
                .and_then(|[start, end]| texts[side].get(start..end))
                .map_or(0, word_count)
        };
        let (mut equal, mut total) = (0usize, 0usize);
        for span in diff {
            let n = words(if side == 0 { span.left } else { span.right });
            total += n;
            if span.op == DiffOp::Equal {
                equal += n;
            }
        }
        if total == 0 {
            0.0
        } else {
            equal as f64 / total as f64
        }
    };
    let (left, right) = (share(0), share(1));
    let (low, high) = (left.min(right), left.max(right));
    if low >= 0.8 {
        LinkKind::Minor
    } else if low < 0.5 && high - low > 0.25 {
        LinkKind::Partial
    } else {
        LinkKind::Paraphrase
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;

    fn alignment(left: &[usize], right: &[usize]) -> Alignment {
        Alignment {
            left: left.to_vec(),
            right: right.to_vec(),
            score: 0.7,
            kind: LinkKind::Paraphrase,
        }
    }

    fn r(docs: [usize; 2], left: &[usize], right: &[usize]) -> LinkRef {
        LinkRef {
            docs,
            left: left.to_vec(),
            right: right.to_vec(),
        }
    }

    /// Three documents of 4 sentences; pair (0, 1) has links 0–0 and 1,2–1; pair (1, 2) 3–3.
    fn pairs() -> Vec<PairLinks> {
        vec![
            PairLinks {
                docs: [0, 1],
                links: vec![alignment(&[0], &[0]), alignment(&[1, 2], &[1])],
            },
            PairLinks {
                docs: [0, 2],
                links: Vec::new(),
            },
            PairLinks {
                docs: [1, 2],
                links: vec![alignment(&[3], &[3])],
            },
        ]
    }

    const COUNTS: [usize; 3] = [4, 4, 4];

    struct Case {
        name: &'static str,
        rejected: Vec<LinkRef>,
        added: Vec<LinkRef>,
        /// Pair (0, 1)'s links after, then pair (1, 2)'s, as (left, right).
        links: [&'static [(&'static [usize], &'static [usize])]; 2],
        applied: (usize, usize),
    }

    fn cases() -> Vec<Case> {
        vec![
            Case {
                name: "exact rejection",
                rejected: vec![r([0, 1], &[0], &[0])],
                added: vec![],
                links: [&[(&[1, 2], &[1])], &[(&[3], &[3])]],
                applied: (1, 0),
            },
            Case {
                name: "rejection given larger document first",
                rejected: vec![r([2, 1], &[3], &[3])],
                added: vec![],
                links: [&[(&[0], &[0]), (&[1, 2], &[1])], &[]],
                applied: (1, 0),
            },
            Case {
                name: "rejecting one sentence of a split removes the pairing",
                rejected: vec![r([0, 1], &[2], &[1])],
                added: vec![],
                links: [&[(&[0], &[0])], &[(&[3], &[3])]],
                applied: (1, 0),
            },
            Case {
                name: "a rejection matching nothing is not echoed",
                rejected: vec![r([0, 1], &[3], &[0])],
                added: vec![],
                links: [&[(&[0], &[0]), (&[1, 2], &[1])], &[(&[3], &[3])]],
                applied: (0, 0),
            },
            Case {
                name: "addition keeps the links sorted",
                rejected: vec![],
                added: vec![r([0, 1], &[0], &[2, 3])],
                links: [
                    &[(&[0], &[0]), (&[0], &[2, 3]), (&[1, 2], &[1])],
                    &[(&[3], &[3])],
                ],
                applied: (0, 1),
            },
            Case {
                name: "adding an existing link changes nothing",
                rejected: vec![],
                added: vec![r([0, 1], &[1, 2], &[1])],
                links: [&[(&[0], &[0]), (&[1, 2], &[1])], &[(&[3], &[3])]],
                applied: (0, 0),
            },
            Case {
                name: "the same addition twice is one",
                rejected: vec![],
                added: vec![r([1, 2], &[0], &[1]), r([2, 1], &[1], &[0])],
                links: [
                    &[(&[0], &[0]), (&[1, 2], &[1])],
                    &[(&[0], &[1]), (&[3], &[3])],
                ],
                applied: (0, 1),
            },
            Case {
                name: "rejected then added is the reader's link",
                rejected: vec![r([0, 1], &[0], &[0])],
                added: vec![r([0, 1], &[0], &[0])],
                links: [&[(&[0], &[0]), (&[1, 2], &[1])], &[(&[3], &[3])]],
                applied: (1, 1),
            },
            Case {
                name: "out of range, empty, same document, scattered: ignored",
                rejected: vec![
                    r([0, 3], &[0], &[0]),
                    r([0, 1], &[0], &[4]),
                    r([1, 1], &[0], &[0]),
                    r([0, 1], &[], &[0]),
                ],
                added: vec![
                    r([0, 9], &[0], &[0]),
                    r([0, 1], &[usize::MAX], &[0]),
                    r([0, 2], &[0], &[]),
                    r([2, 2], &[1], &[2]),
                    r([0, 2], &[0, 2], &[1]),
                ],
                links: [&[(&[0], &[0]), (&[1, 2], &[1])], &[(&[3], &[3])]],
                applied: (0, 0),
            },
        ]
    }

    #[test]
    fn case_names_are_unique() {
        assert!(unique(cases().iter().map(|c| c.name)));
    }

    #[test]
    fn corrections_change_the_links() {
        for case in cases() {
            let mut pairs = pairs();
            let corrections = Corrections {
                rejected: case.rejected.clone(),
                added: case.added.clone(),
            };
            let applied = apply(&mut pairs, &COUNTS, &corrections, Vec::new());
            for (k, pair) in [0, 2].into_iter().enumerate() {
                let got: Vec<(Vec<usize>, Vec<usize>)> = pairs[pair]
                    .links
                    .iter()
                    .map(|l| (l.left.clone(), l.right.clone()))
                    .collect();
                let want: Vec<(Vec<usize>, Vec<usize>)> = case.links[k]
                    .iter()
                    .map(|(l, r)| (l.to_vec(), r.to_vec()))
                    .collect();
                assert_eq!(got, want, "{}: pair {pair}", case.name);
            }
            assert_eq!(
                (applied.rejected.len(), applied.added.len()),
                case.applied,
                "{}",
                case.name
            );
            // Applying what was applied, to fresh links, gives the same links and echo.
            let mut again = self::pairs();
            assert_eq!(
                apply(&mut again, &COUNTS, &applied, Vec::new()),
                applied,
                "{}",
                case.name
            );
            assert_eq!(again, pairs, "{}", case.name);
        }
    }

    #[test]
    fn added_links_score_one() {
        let mut pairs = pairs();
        add(&mut pairs, &COUNTS, &[r([0, 2], &[1], &[2])]);
        assert_eq!(pairs[1].links[0].score.to_bits(), 1.0f64.to_bits());
    }

    fn span(op: DiffOp, left: Option<[usize; 2]>, right: Option<[usize; 2]>) -> Span {
        Span {
            op,
            left,
            right,
            left_clean: None,
            right_clean: None,
        }
    }

    #[test]
    fn kinds_follow_the_shares_of_equal_words() {
        use DiffOp::{Delete, Equal, Insert, Replace};
        // Left: "a b c d e f g h i j" (10 words); ranges of 2-char words "x ".
        let left = "a b c d e f g h i j";
        let right = "a b c d e f g h i j k l m n o p q r s t u v w x y z A B C D";
        let w = |from: usize, to: usize| Some([from * 2, (to * 2 - 1).min(left.len())]);
        let cases: [(&str, Vec<Span>, LinkKind); 5] = [
            (
                "no change",
                vec![span(Equal, w(0, 10), w(0, 10))],
                LinkKind::Identical,
            ),
            (
                "one word of ten replaced",
                vec![
                    span(Equal, w(0, 9), w(0, 9)),
                    span(Replace, w(9, 10), w(9, 10)),
                ],
                LinkKind::Minor,
            ),
            (
                "half replaced",
                vec![
                    span(Equal, w(0, 5), w(0, 5)),
                    span(Replace, w(5, 10), w(5, 10)),
                ],
                LinkKind::Paraphrase,
            ),
            (
                "all replaced",
                vec![span(Replace, w(0, 10), w(0, 10))],
                LinkKind::Paraphrase,
            ),
            (
                "the right side adds twice as much",
                vec![
                    span(Equal, w(0, 10), w(0, 10)),
                    span(Insert, None, Some([20, right.len()])),
                ],
                LinkKind::Partial,
            ),
        ];
        for (name, diff, kind) in cases {
            assert_eq!(judged_kind(&diff, [left, right]), kind, "{name}");
        }
        let deleted = [span(Delete, w(0, 10), None)];
        assert_eq!(judged_kind(&deleted, [left, right]), LinkKind::Paraphrase);
        assert_eq!(judged_kind(&[], [left, right]), LinkKind::Paraphrase);
    }
}
