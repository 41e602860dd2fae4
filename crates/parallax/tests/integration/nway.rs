//! Issue 14: many articles at once — `compare_all`, pivots, clusters, coverage.

use crate::align_properties::seed_texts;
use parallax::report::{LinkKind, Report};
use parallax::{compare, compare_all, Article, Options};
use proptest::prelude::*;
use std::collections::BTreeSet;

/// Four short reports of one invented event, worded differently and in different orders.
const HARBOUR: [(&str, &str); 4] = [
    (
        "Coast Post",
        "Storm closes harbour\n\nA storm closed the Eastport harbour on Tuesday. \
         About 40 boats stayed in port. The mayor said repairs would take a week. \
         Schools stayed open.",
    ),
    (
        "Bay Herald",
        "The mayor said repairs would take a week. A storm closed the Eastport harbour on \
         Tuesday. Fishermen were angry. About 40 boats stayed in port.",
    ),
    (
        "Eastport Daily",
        "Storm shuts Eastport harbour\n\nAbout 40 boats stayed in port after a storm closed the \
         Eastport harbour on Tuesday. Fishermen were angry about the delay.",
    ),
    (
        "Radio North",
        "A storm closed the Eastport harbour on Tuesday. The lighthouse lost power for an hour.",
    ),
];

fn articles(texts: &[(String, String)]) -> Vec<Article<'_>> {
    texts.iter().map(|(n, t)| Article::new(n, t)).collect()
}

fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
    pairs
        .iter()
        .map(|(n, t)| ((*n).to_owned(), (*t).to_owned()))
        .collect()
}

/// Every index in the report points at something, and the shapes agree.
pub(crate) fn check_indices(report: &Report) -> Result<(), String> {
    let n = report.documents.len();
    let len = |d: usize| report.documents[d].sentences.len();
    for (i, doc) in report.documents.iter().enumerate() {
        if doc.id != i {
            return Err(format!("document {i} has id {}", doc.id));
        }
    }
    for link in &report.links {
        let [a, b] = link.docs;
        if a >= b || b >= n {
            return Err(format!("link docs {:?}", link.docs));
        }
        if link.left.iter().any(|&s| s >= len(a)) || link.right.iter().any(|&s| s >= len(b)) {
            return Err(format!("link out of range: {link:?}"));
        }
    }
    let mut seen = BTreeSet::new();
    for cluster in &report.clusters {
        if cluster.members.len() < 2 {
            return Err(format!("cluster of one article: {cluster:?}"));
        }
        for member in &cluster.members {
            if member.doc >= n || member.sentences.iter().any(|&s| s >= len(member.doc)) {
                return Err(format!("cluster out of range: {cluster:?}"));
            }
            for &s in &member.sentences {
                if !seen.insert((member.doc, s)) {
                    return Err(format!("sentence {s} of {} in two clusters", member.doc));
                }
            }
        }
    }
    if report.coverage.shared.len() != n || report.coverage.shared.iter().any(|r| r.len() != n) {
        return Err("coverage is not N×N".to_owned());
    }
    if report
        .coverage
        .shared
        .iter()
        .flatten()
        .any(|s| !(0.0..=1.0).contains(s))
    {
        return Err("a coverage share outside [0, 1]".to_owned());
    }
    for (d, only) in report.coverage.only.iter().enumerate() {
        if only
            .iter()
            .any(|&s| s >= len(d) || !report.unmatched[d].contains(&s))
        {
            return Err(format!("only[{d}] names a linked or missing sentence"));
        }
    }
    Ok(())
}

/// A cluster's sentences of one article are consecutive and sit together on one side of a
/// link (the parts of a split).
pub(crate) fn check_clusters_one_place(report: &Report) -> Result<(), String> {
    for cluster in &report.clusters {
        for member in &cluster.members {
            for w in member.sentences.windows(2) {
                let together = report.links.iter().any(|l| {
                    (l.docs[0] == member.doc && l.left.contains(&w[0]) && l.left.contains(&w[1]))
                        || (l.docs[1] == member.doc
                            && l.right.contains(&w[0])
                            && l.right.contains(&w[1]))
                });
                if w[1] != w[0] + 1 || !together {
                    return Err(format!(
                        "cluster holds sentences {} and {} of article {} apart: {cluster:?}",
                        w[0], w[1], member.doc
                    ));
                }
            }
        }
    }
    Ok(())
}

/// `report` with the documents renumbered by `order` (new position → old), as a comparison
/// of the articles in that order should read, flag notes left out (they name the left value
/// first). Compared through every pair's cut-out report.
fn check_permuted(original: &Report, permuted: &Report, order: &[usize]) -> Result<(), String> {
    let strip = |mut r: Report| {
        for (i, d) in r.documents.iter_mut().enumerate() {
            d.id = i;
        }
        for flag in r.links.iter_mut().flat_map(|l| &mut l.flags) {
            flag.note.clear();
        }
        for link in &mut r.links {
            link.flags
                .sort_by_key(|f| (f.left, f.right, f.kind, f.severity));
        }
        r
    };
    for x in 0..order.len() {
        for y in 0..order.len() {
            if x == y {
                continue;
            }
            let expected = original.pair(order[x], order[y]).map(strip);
            let actual = permuted.pair(x, y).map(strip);
            if expected != actual {
                let (e, a) = (
                    expected.unwrap_or_else(|| original.clone()),
                    actual.unwrap_or_else(|| permuted.clone()),
                );
                let what = if e.links != a.links {
                    let first = e.links.iter().zip(&a.links).find(|(p, q)| p != q);
                    format!("links ({} vs {}): {first:?}", e.links.len(), a.links.len())
                } else if e.clusters != a.clusters {
                    let only_e: Vec<_> = e
                        .clusters
                        .iter()
                        .filter(|c| !a.clusters.contains(c))
                        .collect();
                    let only_a: Vec<_> = a
                        .clusters
                        .iter()
                        .filter(|c| !e.clusters.contains(c))
                        .collect();
                    format!("clusters {only_e:?}\nvs {only_a:?}")
                } else {
                    "coverage or stats".to_owned()
                };
                return Err(format!("pair ({x}, {y}) differs after permuting: {what}"));
            }
        }
    }
    let mapped: BTreeSet<Vec<(usize, Vec<usize>)>> = permuted
        .clusters
        .iter()
        .map(|c| {
            let mut members: Vec<(usize, Vec<usize>)> = c
                .members
                .iter()
                .map(|m| (order[m.doc], m.sentences.clone()))
                .collect();
            members.sort();
            members
        })
        .collect();
    let clusters: BTreeSet<Vec<(usize, Vec<usize>)>> = original
        .clusters
        .iter()
        .map(|c| {
            c.members
                .iter()
                .map(|m| (m.doc, m.sentences.clone()))
                .collect()
        })
        .collect();
    if mapped != clusters {
        return Err("clusters differ after permuting".to_owned());
    }
    for (x, &old) in order.iter().enumerate() {
        for (y, &old_y) in order.iter().enumerate() {
            if permuted.coverage.shared[x][y].to_bits()
                != original.coverage.shared[old][old_y].to_bits()
            {
                return Err(format!("coverage [{x}][{y}] differs after permuting"));
            }
        }
    }
    Ok(())
}

#[test]
fn harbour_reports_make_clusters_and_coverage() {
    let texts = owned(&HARBOUR);
    let report = compare_all(&articles(&texts), &Options::default());
    check_indices(&report).unwrap();
    check_clusters_one_place(&report).unwrap();
    // "A storm closed the Eastport harbour on Tuesday." is told by all four.
    let storm = report
        .clusters
        .iter()
        .find(|c| c.members.len() == 4)
        .expect("a fact all four carry");
    assert!(storm.sentences_of(0).contains(&1), "{storm:?}");
    // Only Radio North has the lighthouse; only the Coast Post the schools.
    let only = |d: usize| -> Vec<&str> {
        report.coverage.only[d]
            .iter()
            .map(|&s| report.documents[d].sentences[s].clean.as_str())
            .collect()
    };
    assert_eq!(only(3), ["The lighthouse lost power for an hour."]);
    assert_eq!(only(0), ["Schools stayed open."]);
    // Radio North carries half of its words' worth of the Coast Post's story.
    assert!(report.coverage.shared[3][0] > 0.4 && report.coverage.shared[3][0] < 0.6);
    assert_eq!(report.coverage.shared[2][2].to_bits(), 1.0f64.to_bits());
}

#[test]
fn two_articles_give_the_pair_comparison() {
    // With two articles there is no third to pivot through: compare_all is compare.
    let texts = owned(&HARBOUR[..2]);
    let all = compare_all(&articles(&texts), &Options::default());
    let pair = compare(
        &Article::new(&texts[0].0, &texts[0].1),
        &Article::new(&texts[1].0, &texts[1].1),
        &Options::default(),
    );
    assert_eq!(all, pair);
    // And the pair cut out of it is the report itself.
    assert_eq!(all.pair(0, 1).as_ref(), Some(&all));
}

#[test]
fn permuting_the_articles_permutes_the_report() {
    let texts = owned(&HARBOUR);
    let report = compare_all(&articles(&texts), &Options::default());
    for order in [[3, 2, 1, 0], [1, 3, 0, 2], [2, 0, 3, 1]] {
        let permuted_texts: Vec<(String, String)> =
            order.iter().map(|&i| texts[i].clone()).collect();
        let permuted = compare_all(&articles(&permuted_texts), &Options::default());
        check_permuted(&report, &permuted, &order).unwrap();
    }
}

#[test]
fn a_pair_out_of_range_is_none() {
    let texts = owned(&HARBOUR[..3]);
    let report = compare_all(&articles(&texts), &Options::default());
    assert!(report.pair(0, 0).is_none());
    assert!(report.pair(0, 3).is_none());
    assert!(report.pair(2, 1).is_some());
}

#[test]
fn no_articles_or_one_gives_an_empty_comparison() {
    let report = compare_all(&[], &Options::default());
    assert!(report.documents.is_empty() && report.links.is_empty());
    let one = compare_all(&[Article::new("a", "One sentence.")], &Options::default());
    assert_eq!(one.documents.len(), 1);
    assert!(one.links.is_empty() && one.clusters.is_empty());
    assert_eq!(one.coverage.shared, [[1.0]]);
}

/// The five seed reports in one run: deterministic, indices in range, clusters in one place,
/// and each pair's links the two-article run's, except what pivots change by design (links
/// dropped are never identical or minor; links added are one sentence to one).
#[test]
fn seeds_in_one_run() {
    let Some(texts) = seed_texts() else { return };
    let options = Options::default();
    let report = compare_all(&articles(&texts), &options);
    assert_eq!(
        report,
        compare_all(&articles(&texts), &options),
        "not deterministic"
    );
    check_indices(&report).unwrap();
    check_clusters_one_place(&report).unwrap();
    let n = texts.len();
    let key = |l: &parallax::report::Link| (l.left.clone(), l.right.clone());
    for a in 0..n {
        for b in a + 1..n {
            let two = compare(
                &Article::new(&texts[a].0, &texts[a].1),
                &Article::new(&texts[b].0, &texts[b].1),
                &options,
            );
            let many = report.pair(a, b).unwrap();
            let before: BTreeSet<_> = two.links.iter().map(key).collect();
            let after: BTreeSet<_> = many.links.iter().map(key).collect();
            for dropped in two.links.iter().filter(|l| !after.contains(&key(l))) {
                assert!(
                    !matches!(dropped.kind, LinkKind::Identical | LinkKind::Minor),
                    "pair {a}-{b}: pivots dropped an {:?} link",
                    dropped.kind
                );
            }
            for added in many.links.iter().filter(|l| !before.contains(&key(l))) {
                assert_eq!(
                    (added.left.len(), added.right.len()),
                    (1, 1),
                    "pair {a}-{b}"
                );
            }
        }
    }
}

/// The seeds in another order give the same report, permuted.
#[test]
fn seeds_permuted() {
    let Some(texts) = seed_texts() else { return };
    let options = Options::default();
    let report = compare_all(&articles(&texts), &options);
    let order: Vec<usize> = (0..texts.len()).rev().collect();
    let permuted_texts: Vec<(String, String)> = order.iter().map(|&i| texts[i].clone()).collect();
    let permuted = compare_all(&articles(&permuted_texts), &options);
    check_permuted(&report, &permuted, &order).unwrap();
}

fn sentence() -> impl Strategy<Value = String> {
    let word = prop_oneof![
        Just("storm"),
        Just("harbour"),
        Just("closed"),
        Just("the"),
        Just("boats"),
        Just("mayor"),
        Just("said"),
        Just("Tuesday"),
        Just("40"),
        Just("Eastport"),
        Just("week"),
    ];
    prop::collection::vec(word, 2..9).prop_map(|w| {
        let mut s = w.join(" ");
        s.push('.');
        s
    })
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(sentence(), 0..7).prop_map(|s| s.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_articles_give_a_consistent_report(texts in prop::collection::vec(article(), 2..5)) {
        let named: Vec<(String, String)> =
            texts.into_iter().enumerate().map(|(i, t)| (format!("a{i}"), t)).collect();
        let report = compare_all(&articles(&named), &Options::default());
        if let Err(e) = check_indices(&report).and_then(|()| check_clusters_one_place(&report)) {
            prop_assert!(false, "{}\n{:?}", e, named);
        }
    }
}

/// Issue 15, item 1: articles name themselves where they can (a wire dateline, the site after
/// a headline), so a pane of five seed reports is not five file names.
#[test]
fn seed_articles_name_their_outlets() {
    let Some(texts) = seed_texts() else { return };
    let names: Vec<(String, Option<String>)> = texts
        .iter()
        .map(|(file, text)| (file.clone(), parallax::input::text_name(text)))
        .collect();
    let name_of = |prefix: &str| {
        names
            .iter()
            .find(|(f, _)| f.starts_with(prefix))
            .and_then(|(_, n)| n.clone())
    };
    assert_eq!(name_of("002").as_deref(), Some("NBC 6 South Florida"));
    assert_eq!(name_of("004").as_deref(), Some("AP"));
}
