//! Fact clusters: the sentences across all articles that tell one fact.
//!
//! Every pairwise link joins each of its left sentences to each of its right sentences with
//! the link's score. Clusters grow from the strongest of these edges down (average-linkage
//! agglomeration), and two clusters merge only when
//!
//! - **they mostly link directly**: at least half of the pairs of sentences across the two
//!   (from different articles) are joined by a link, so a chain of partial links (a–b, b–c,
//!   c–d) does not merge unrelated facts into one cluster;
//! - **each article keeps one place**: the sentences of one article in a cluster are
//!   consecutive and each next one shares a link with the one before (the parts of a split).
//!
//! A sentence is in at most one cluster. A cluster holds at least two articles; a sentence
//! whose links were all refused stays in none (the renderers show it on a row of its own).

use crate::report::{Cluster, DocumentReport, Link, Member};
use std::collections::{BTreeMap, BTreeSet};

/// A sentence: (document, index).
type Node = (usize, usize);

/// The fact clusters of `links` between `documents`, ordered by their first document, then
/// by that document's first sentence.
pub fn clusters(documents: &[DocumentReport], links: &[Link]) -> Vec<Cluster> {
    let (edges, split_parts) = joins(links);
    // Strongest edges first; equal scores by the texts they join (so the order of the input
    // articles does not decide), then by position.
    let text = |(doc, i): Node| {
        documents
            .get(doc)
            .and_then(|d| d.sentences.get(i))
            .map_or("", |s| s.clean.as_str())
    };
    let mut order: Vec<((Node, Node), f64)> = edges.iter().map(|(&e, &s)| (e, s)).collect();
    order.sort_by(|&((p, q), s), &((u, v), t)| {
        let key = |x: Node, y: Node| {
            let (tx, ty) = (text(x), text(y));
            if tx <= ty {
                (tx, ty)
            } else {
                (ty, tx)
            }
        };
        t.total_cmp(&s)
            .then_with(|| key(p, q).cmp(&key(u, v)))
            .then_with(|| (p, q).cmp(&(u, v)))
    });
    let mut clusters: Vec<Cluster> = merge(&order, &edges, &split_parts)
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|nodes| to_cluster(&nodes, &edges))
        .filter(|c| c.members.len() >= 2)
        .collect();
    clusters.sort_by_key(|c| (c.members[0].doc, c.members[0].sentences.first().copied()));
    clusters
}

/// Every join of two sentences by a link (the best score of the links joining them), and the
/// consecutive sentences of one article that sit on one side of a link (by the first of them).
fn joins(links: &[Link]) -> (BTreeMap<(Node, Node), f64>, BTreeSet<Node>) {
    let mut edges: BTreeMap<(Node, Node), f64> = BTreeMap::new();
    let mut split_parts: BTreeSet<Node> = BTreeSet::new();
    for link in links {
        let [a, b] = link.docs;
        for &i in &link.left {
            for &j in &link.right {
                let edge = ordered((a, i), (b, j));
                let score = edges.entry(edge).or_insert(0.0);
                *score = score.max(link.score);
            }
        }
        for (doc, side) in [(a, &link.left), (b, &link.right)] {
            for w in side.windows(2) {
                if w[1] == w[0] + 1 {
                    split_parts.insert((doc, w[0]));
                }
            }
        }
    }
    (edges, split_parts)
}

/// Agglomerates sentences along the joins in `order`; returns the groups (some emptied by
/// merges).
fn merge(
    order: &[((Node, Node), f64)],
    edges: &BTreeMap<(Node, Node), f64>,
    split_parts: &BTreeSet<Node>,
) -> Vec<Vec<Node>> {
    let mut cluster_of: BTreeMap<Node, usize> = BTreeMap::new();
    let mut members: Vec<Vec<Node>> = Vec::new();
    for &((p, q), _) in order {
        let (cp, cq) = (cluster_of.get(&p).copied(), cluster_of.get(&q).copied());
        if cp.is_some() && cp == cq {
            continue;
        }
        let x = cp.map_or_else(|| vec![p], |c| members[c].clone());
        let y = cq.map_or_else(|| vec![q], |c| members[c].clone());
        if !mostly_direct(&x, &y, edges) || !one_place(&x, &y, split_parts) {
            continue;
        }
        let target = match (cp, cq) {
            (Some(c), _) | (None, Some(c)) => c,
            (None, None) => {
                members.push(Vec::new());
                members.len() - 1
            }
        };
        if let (Some(c), Some(d)) = (cp, cq) {
            members[if c == target { d } else { c }].clear();
        }
        let merged: Vec<Node> = x.into_iter().chain(y).collect();
        for &node in &merged {
            cluster_of.insert(node, target);
        }
        members[target] = merged;
    }

    members
}

/// The cluster of a group of sentences.
fn to_cluster(nodes: &[Node], edges: &BTreeMap<(Node, Node), f64>) -> Cluster {
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(doc, i) in nodes {
        by_doc.entry(doc).or_default().push(i);
    }
    // Summed in score order, so the mean does not depend on the articles' order.
    let mut scores: Vec<f64> = Vec::new();
    for (x, &p) in nodes.iter().enumerate() {
        scores.extend(
            nodes[x + 1..]
                .iter()
                .filter_map(|&q| edges.get(&ordered(p, q))),
        );
    }
    scores.sort_by(f64::total_cmp);
    let (sum, count): (f64, usize) = (scores.iter().sum(), scores.len());
    Cluster {
        members: by_doc
            .into_iter()
            .map(|(doc, mut sentences)| {
                sentences.sort_unstable();
                Member { doc, sentences }
            })
            .collect(),
        score: if count == 0 {
            0.0
        } else {
            (sum / count as f64 * 1000.0).round() / 1000.0
        },
    }
}

fn ordered(p: Node, q: Node) -> (Node, Node) {
    if p <= q {
        (p, q)
    } else {
        (q, p)
    }
}

/// At least half of the cross pairs (sentences of different articles) link directly.
fn mostly_direct(x: &[Node], y: &[Node], edges: &BTreeMap<(Node, Node), f64>) -> bool {
    let (mut pairs, mut linked) = (0usize, 0usize);
    for &p in x {
        for &q in y.iter().filter(|q| q.0 != p.0) {
            pairs += 1;
            linked += usize::from(edges.contains_key(&ordered(p, q)));
        }
    }
    pairs > 0 && 2 * linked >= pairs
}

/// Every article's sentences in the merged cluster are consecutive parts of one link.
fn one_place(x: &[Node], y: &[Node], split_parts: &BTreeSet<Node>) -> bool {
    let mut by_doc: BTreeMap<usize, Vec<usize>> = BTreeMap::new();
    for &(doc, i) in x.iter().chain(y) {
        by_doc.entry(doc).or_default().push(i);
    }
    by_doc.into_iter().all(|(doc, mut sentences)| {
        sentences.sort_unstable();
        sentences
            .windows(2)
            .all(|w| w[1] == w[0] + 1 && split_parts.contains(&(doc, w[0])))
    })
}
