//! Issue 15, item 7: the reader's corrections — links rejected and added change the links,
//! clusters, coverage, unmatched sentences and summary at once, and the report records them.

use crate::nway::{check_clusters_one_place, check_indices};
use parallax::nway::Rules;
use parallax::prepare::Prepared;
use parallax::report::{Corrections, DiffOp, LinkKind, LinkRef, Report};
use parallax::{compare_all, compare_all_corrected, compare_all_prepared_corrected};
use parallax::{Article, Options};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Three short reports of one invented event.
const STORM: [(&str, &str); 3] = [
    (
        "post",
        "Storm closes harbour\n\nA storm closed the Eastport harbour on Tuesday. About 40 \
         boats stayed in port. Schools stayed open.",
    ),
    (
        "herald",
        "About 40 boats stayed in port. A storm closed the Eastport harbour on Tuesday. \
         Fishermen were angry.",
    ),
    (
        "radio",
        "A storm closed the Eastport harbour on Wednesday. The lighthouse lost power.",
    ),
];

fn articles() -> Vec<Article<'static>> {
    STORM.iter().map(|(n, t)| Article::new(n, t)).collect()
}

fn corrected(corrections: &Corrections) -> Report {
    compare_all_corrected(&articles(), &Options::default(), corrections)
}

fn plain() -> Report {
    compare_all(&articles(), &Options::default())
}

fn r(docs: [usize; 2], left: &[usize], right: &[usize]) -> LinkRef {
    LinkRef::new(docs, left.to_vec(), right.to_vec())
}

fn rejecting(refs: &[LinkRef]) -> Corrections {
    Corrections {
        rejected: refs.to_vec(),
        added: Vec::new(),
    }
}

fn adding(refs: &[LinkRef]) -> Corrections {
    Corrections {
        rejected: Vec::new(),
        added: refs.to_vec(),
    }
}

/// "About 40 boats stayed in port.": sentence 2 of the post, 0 of the herald.
fn boats() -> LinkRef {
    r([0, 1], &[2], &[0])
}

/// The post's "Schools stayed open." and the radio's "The lighthouse lost power.": no shared
/// word, no engine link.
fn schools_lighthouse() -> LinkRef {
    r([0, 2], &[3], &[1])
}

/// The report's own consistency: links sorted, indices in range, clusters in one place, the
/// unmatched sentences those no link holds, the kinds counted.
fn check_consistent(report: &Report) -> Result<(), String> {
    check_indices(report)?;
    check_clusters_one_place(report)?;
    let keys: Vec<_> = report
        .links
        .iter()
        .map(|l| (l.docs, l.left.clone(), l.right.clone()))
        .collect();
    if keys.windows(2).any(|w| w[0] >= w[1]) {
        return Err("links not sorted or repeated".to_owned());
    }
    for (d, doc) in report.documents.iter().enumerate() {
        let linked: BTreeSet<usize> = report
            .links
            .iter()
            .flat_map(|l| {
                let side: &[usize] = if l.docs[0] == d {
                    &l.left
                } else if l.docs[1] == d {
                    &l.right
                } else {
                    &[]
                };
                side.iter().copied()
            })
            .collect();
        let unmatched: Vec<usize> = (0..doc.sentences.len())
            .filter(|s| !linked.contains(s))
            .collect();
        if report.unmatched[d] != unmatched {
            return Err(format!("unmatched[{d}] is not what the links leave"));
        }
    }
    let counted: usize = report.stats.link_kinds.values().sum();
    if counted != report.links.len() {
        return Err("stats.link_kinds does not count the links".to_owned());
    }
    for added in &report.corrections.added {
        if !report
            .links
            .iter()
            .any(|l| l.by_reader && l.reference() == *added)
        {
            return Err(format!("no reader's link for {added:?}"));
        }
    }
    if report.links.iter().filter(|l| l.by_reader).count() != report.corrections.added.len() {
        return Err("a reader's link that no added correction names".to_owned());
    }
    Ok(())
}

#[test]
fn rejecting_a_link_changes_clusters_coverage_unmatched_and_stats() {
    let before = plain();
    assert!(
        before.links.iter().any(|l| l.reference() == boats()),
        "{:?}",
        before.links
    );
    let boats_cluster = |report: &Report| {
        report
            .clusters
            .iter()
            .any(|c| c.sentences_of(0) == [2] && c.sentences_of(1) == [0])
    };
    assert!(boats_cluster(&before));

    let after = corrected(&rejecting(&[boats()]));
    check_consistent(&after).unwrap();
    assert!(after.links.iter().all(|l| l.reference() != boats()));
    assert_eq!(after.links.len(), before.links.len() - 1);
    assert_eq!(after.corrections, rejecting(&[boats()]));
    assert!(!boats_cluster(&after));
    assert!(after.unmatched[0].contains(&2) && after.unmatched[1].contains(&0));
    assert!(after.coverage.only[0].contains(&2) && !before.coverage.only[0].contains(&2));
    assert!(after.coverage.shared[0][1] < before.coverage.shared[0][1]);
    assert!(after.stats.matched_share[0] < before.stats.matched_share[0]);
    let identical = |report: &Report| report.stats.link_kinds.get(&LinkKind::Identical).copied();
    assert_eq!(
        identical(&after).unwrap_or(0) + 1,
        identical(&before).unwrap_or(0)
    );
}

#[test]
fn rejecting_part_of_a_link_removes_the_pairing() {
    // The post's headline and lede against the radio's one sentence, if the aligner joined them
    // in one link, or the lede alone: a rejection naming only the lede removes either.
    let before = plain();
    let holding = |report: &Report| {
        report
            .links
            .iter()
            .filter(|l| l.docs == [0, 2] && l.left.contains(&1) && l.right.contains(&0))
            .count()
    };
    assert!(holding(&before) > 0, "{:?}", before.links);
    let after = corrected(&rejecting(&[r([2, 0], &[0], &[1])]));
    assert_eq!(holding(&after), 0);
    assert_eq!(after.corrections.rejected, [r([0, 2], &[1], &[0])]);
    check_consistent(&after).unwrap();
}

#[test]
fn adding_a_link_makes_a_readers_link_with_a_diff() {
    let before = plain();
    assert!(before.coverage.only[0].contains(&3));
    let after = corrected(&adding(&[schools_lighthouse()]));
    check_consistent(&after).unwrap();
    let link = after
        .links
        .iter()
        .find(|l| l.reference() == schools_lighthouse())
        .expect("the reader's link");
    assert!(link.by_reader);
    assert_eq!(link.score.to_bits(), 1.0f64.to_bits());
    // Two sentences with no word in common: a paraphrase at most, never identical.
    assert_eq!(link.kind, LinkKind::Paraphrase);
    assert!(link.diff.iter().any(|s| s.op != DiffOp::Equal));
    assert!(link
        .diff
        .iter()
        .all(|s| s.left_clean.is_some() || s.right_clean.is_some()));
    assert_eq!(after.links.len(), before.links.len() + 1);
    assert_eq!(after.corrections, adding(&[schools_lighthouse()]));
    assert!(!after.coverage.only[0].contains(&3) && !after.coverage.only[2].contains(&1));
    assert!(after.coverage.shared[0][2] > before.coverage.shared[0][2]);
    assert!(!after.unmatched[2].contains(&1));
    // A reader's link of score 1 makes its own fact.
    assert!(after
        .clusters
        .iter()
        .any(|c| c.sentences_of(0) == [3] && c.sentences_of(2) == [1]));
    assert_eq!(
        after.stats.matched_share[2].to_bits(),
        1.0f64.to_bits(),
        "{:?}",
        after.stats
    );
}

/// (case, reader's link, its expected kind).
#[test]
fn kinds_of_readers_links_come_from_their_diffs() {
    let cases: [(&str, LinkRef, LinkKind); 4] = [
        (
            "no word in common",
            schools_lighthouse(),
            LinkKind::Paraphrase,
        ),
        (
            // "A storm closed the Eastport harbour on Tuesday." / "About 40 boats stayed in port."
            "different facts",
            r([0, 1], &[1], &[0]),
            LinkKind::Paraphrase,
        ),
        (
            // The storm and the boats / the boats alone: one side carries much more.
            "one side carries more",
            r([0, 1], &[1, 2], &[0]),
            LinkKind::Partial,
        ),
        (
            // The storm (on Tuesday) / the storm (on Wednesday) and the lighthouse: over half
            // of each side is shared.
            "each side mostly shared",
            r([0, 2], &[1], &[0, 1]),
            LinkKind::Paraphrase,
        ),
    ];
    for (name, reference, kind) in cases {
        let report = corrected(&adding(std::slice::from_ref(&reference)));
        let link = report
            .links
            .iter()
            .find(|l| l.reference() == reference)
            .unwrap_or_else(|| panic!("{name}: no link"));
        assert!(link.by_reader, "{name}");
        assert_eq!(link.kind, kind, "{name}: {:?}", link.diff);
    }
}

#[test]
fn stale_and_out_of_range_corrections_are_ignored_and_not_echoed() {
    let before = plain();
    let stale: [(&str, LinkRef); 8] = [
        ("document out of range", r([0, 3], &[0], &[0])),
        ("far document", r([usize::MAX, 0], &[0], &[0])),
        ("sentence out of range", r([0, 1], &[0], &[99])),
        ("largest index", r([0, 1], &[usize::MAX], &[0])),
        ("empty side", r([0, 1], &[], &[0])),
        ("both sides one document", r([1, 1], &[0], &[1])),
        ("a link the engine did not make", r([1, 2], &[2], &[1])),
        ("scattered sentences", r([0, 1], &[1, 3], &[2])),
    ];
    for (name, reference) in stale {
        let rejected = corrected(&rejecting(std::slice::from_ref(&reference)));
        // An added link the engine did not make is a good addition, not a stale one.
        if name != "a link the engine did not make" {
            let added = corrected(&adding(std::slice::from_ref(&reference)));
            assert_eq!(added, before, "{name} (added)");
        }
        assert_eq!(rejected, before, "{name} (rejected)");
    }
    // Unnormalised references (larger document first, indices out of order) still apply.
    let report = corrected(&rejecting(&[LinkRef {
        docs: [1, 0],
        left: vec![0, 0],
        right: vec![2],
    }]));
    assert_eq!(report.corrections.rejected, [boats()]);
}

#[test]
fn corrections_are_idempotent() {
    let existing = plain().links[0].reference();
    let corrections = Corrections {
        rejected: vec![boats(), boats(), r([0, 1], &[0], &[99])],
        added: vec![
            schools_lighthouse(),
            r([2, 0], &[1], &[3]),
            existing,
            r([0, 1], &[3], &[2]),
        ],
    };
    let once = corrected(&corrections);
    check_consistent(&once).unwrap();
    assert_eq!(
        once.corrections,
        Corrections {
            rejected: vec![boats()],
            added: vec![r([0, 1], &[3], &[2]), schools_lighthouse()],
        }
    );
    // The report's own corrections give the same report again, as do the corrections twice.
    assert_eq!(corrected(&once.corrections), once);
    let mut twice = corrections.clone();
    twice.rejected.extend(corrections.rejected.clone());
    twice.added.extend(corrections.added.clone());
    assert_eq!(corrected(&twice), once);
    // No corrections: exactly the plain comparison.
    assert_eq!(corrected(&Corrections::default()), plain());
}

#[test]
fn a_pair_carries_its_corrections() {
    let report = corrected(&Corrections {
        rejected: vec![boats()],
        added: vec![schools_lighthouse()],
    });
    let radio_post = report.pair(2, 0).unwrap();
    assert_eq!(radio_post.corrections, adding(&[r([0, 1], &[1], &[3])]));
    let link = radio_post.links.iter().find(|l| l.by_reader).unwrap();
    assert_eq!(
        (link.left.as_slice(), link.right.as_slice()),
        (&[1][..], &[3][..])
    );
    let post_herald = report.pair(0, 1).unwrap();
    assert_eq!(post_herald.corrections, rejecting(&[r([0, 1], &[2], &[0])]));
    assert!(report.pair(1, 2).unwrap().corrections.is_empty());
}

#[test]
fn a_report_with_corrections_round_trips_through_json() {
    let report = corrected(&Corrections {
        rejected: vec![boats()],
        added: vec![schools_lighthouse()],
    });
    let json = serde_json::to_string(&report).unwrap();
    assert_eq!(json.matches("\"by_reader\":true").count(), 1, "{json}");
    assert!(json.contains(
        "\"corrections\":{\"rejected\":[{\"docs\":[0,1],\"left\":[2],\"right\":[0]}],\
         \"added\":[{\"docs\":[0,2],\"left\":[3],\"right\":[1]}]}"
    ));
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
    // Without corrections neither field is written, and a report without them reads back.
    let plain_json = serde_json::to_string(&plain()).unwrap();
    assert!(!plain_json.contains("by_reader") && !plain_json.contains("corrections"));
    assert_eq!(
        serde_json::from_str::<Report>(&plain_json).unwrap(),
        plain()
    );
    // Either list may be left out.
    let only_added: Corrections =
        serde_json::from_str(r#"{"added":[{"docs":[2,0],"left":[1],"right":[3]}]}"#).unwrap();
    assert_eq!(
        corrected(&only_added).corrections,
        adding(&[schools_lighthouse()])
    );
}

/// With three articles and pivots through one third article, a link the pivots make can be
/// rejected, and the pivots do not make it again.
#[test]
fn a_link_the_pivots_made_can_be_rejected() {
    let texts = [
        "Storm closes harbour\n\nA storm closed the Eastport harbour on Tuesday. About 40 boats \
         stayed in port. The mayor said repairs would take a week. Schools stayed open.",
        "Harbour shut\n\nForty fishing boats could not leave port. Officials said the work will \
         last several days. A storm shut the harbour in Eastport on Tuesday.",
        "A storm closed the Eastport harbour on Tuesday, keeping about 40 boats in port. Repairs \
         would take a week, the mayor said, and officials said the work will last several days.",
    ];
    let prepared: Vec<Prepared<'_>> = texts
        .iter()
        .map(|t| Prepared::new(Article::new("a", t)))
        .collect();
    let docs: Vec<&Prepared<'_>> = prepared.iter().collect();
    let run = |min_support: usize, corrections: &Corrections| {
        let rules = Rules {
            min_support,
            ..Rules::default()
        };
        compare_all_prepared_corrected(&docs, &Options::default(), &rules, corrections)
    };
    let none = Corrections::default();
    let aligned: BTreeSet<LinkRef> = run(0, &none)
        .links
        .iter()
        .map(parallax::report::Link::reference)
        .collect();
    let pivoted = run(1, &none);
    let made: Vec<LinkRef> = pivoted
        .links
        .iter()
        .map(parallax::report::Link::reference)
        .filter(|r| !aligned.contains(r))
        .collect();
    assert!(!made.is_empty(), "no link made by the pivots");
    for reference in made {
        let report = run(1, &rejecting(std::slice::from_ref(&reference)));
        assert!(
            report.links.iter().all(|l| l.reference() != reference),
            "{reference:?} came back"
        );
        assert_eq!(
            report.corrections.rejected,
            std::slice::from_ref(&reference)
        );
        check_consistent(&report).unwrap();
    }
}

fn reference() -> impl Strategy<Value = LinkRef> {
    let side = prop::collection::vec(0usize..7, 0..4);
    ((0usize..4, 0usize..4), side.clone(), side).prop_map(|((a, b), left, right)| LinkRef {
        docs: [a, b],
        left,
        right,
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Any corrections: no panic, every index in range, a consistent report, and its own
    /// corrections give it again.
    #[test]
    fn any_corrections_give_a_consistent_report(
        rejected in prop::collection::vec(reference(), 0..5),
        added in prop::collection::vec(reference(), 0..5),
        keep in prop::collection::vec(any::<bool>(), 0..12),
    ) {
        // Reject some of the engine's own links too, so rejections often apply.
        let mut rejected = rejected;
        rejected.extend(
            plain().links.iter().zip(&keep).filter(|(_, &k)| !k).map(|(l, _)| l.reference()),
        );
        let corrections = Corrections { rejected, added };
        let report = corrected(&corrections);
        if let Err(e) = check_consistent(&report) {
            prop_assert!(false, "{}\n{:?}", e, corrections);
        }
        for reference in report.corrections.rejected.iter().chain(&report.corrections.added) {
            let [a, b] = reference.docs;
            prop_assert!(a < b && b < report.documents.len());
            let count = |d: usize| report.documents[d].sentences.len();
            prop_assert!(reference.left.iter().all(|&s| s < count(a)));
            prop_assert!(reference.right.iter().all(|&s| s < count(b)));
        }
        prop_assert_eq!(&corrected(&report.corrections), &report);
    }
}
