//! Evidence through third articles ("pivots").
//!
//! When three or more articles are compared, each pair's links are checked against the
//! others. For a link between articles `a` and `b` and a third article `c`:
//!
//! - `c` **supports** it when both sides link to a common sentence of `c`;
//! - `c` **separates** it when both sides link into `c`, but to different sentences: `c`
//!   carries the two facts apart.
//!
//! A link that is not identical text, that no third article supports and that enough separate
//! is dropped ([`Rules::min_separate`]). Two sentences of `a` and `b` that the pairwise aligner
//! did not link, but that both link (score at least [`Rules::strong`]) to the same sentence of
//! enough third articles ([`Rules::min_support`]), each such sentence linking one sentence on
//! each side, and that no third article separates, are linked.
//!
//! No weight here is learned: the rules are counts over the other articles' links. By default
//! only the adding rule runs (two supporting articles, links of 0.5 or more): among the
//! variants `parallax-eval nway` prints on the two seed pairs with gold, it is the one that
//! gained with both the previous and the current aligner models; dropping (by one or two
//! separating articles) lost good links with the current models. A choice made on the dev
//! data, not a fitted parameter, and its gain there is small (see the README's measured
//! numbers).
//! Both rules are symmetric in the order of the articles, so permuting the input permutes the
//! result.

use crate::align::{Alignment, LinkKind};
use std::collections::{BTreeMap, BTreeSet};

/// The pivot rules' settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rules {
    /// Drop a non-identical link that no third article supports and at least this many
    /// separate (0: never drop).
    pub min_separate: usize,
    /// Third articles that must support an unlinked pair for it to be linked (0: never add).
    pub min_support: usize,
    /// The least score both links through a third article need to count as support for adding.
    pub strong: f64,
    /// Add only between sentences that have no link at all in their pair.
    pub only_unlinked: bool,
}

impl Default for Rules {
    fn default() -> Self {
        Self {
            min_separate: 0,
            min_support: 2,
            strong: 0.5,
            only_unlinked: false,
        }
    }
}

/// The links of one pair of documents `docs[0] < docs[1]`.
#[derive(Debug, Clone, PartialEq)]
pub struct PairLinks {
    /// The two documents.
    pub docs: [usize; 2],
    /// Their links, in the left document's order.
    pub links: Vec<Alignment>,
}

/// For every document, for every other document, for every sentence: its partners there
/// (sentence, score of the link).
struct Partners {
    map: BTreeMap<(usize, usize, usize), Vec<(usize, f64)>>,
}

impl Partners {
    fn new(pairs: &[PairLinks]) -> Self {
        let mut map: BTreeMap<(usize, usize, usize), Vec<(usize, f64)>> = BTreeMap::new();
        for pair in pairs {
            let [a, b] = pair.docs;
            for link in &pair.links {
                for &i in &link.left {
                    for &j in &link.right {
                        map.entry((a, b, i)).or_default().push((j, link.score));
                        map.entry((b, a, j)).or_default().push((i, link.score));
                    }
                }
            }
        }
        Self { map }
    }

    /// The sentences of `to` that the sentences `of` (in `from`) link to.
    fn of(&self, from: usize, to: usize, of: &[usize]) -> BTreeSet<usize> {
        of.iter()
            .filter_map(|&i| self.map.get(&(from, to, i)))
            .flatten()
            .map(|&(j, _)| j)
            .collect()
    }

    fn strong(&self, from: usize, to: usize, i: usize, strong: f64) -> Vec<usize> {
        self.map
            .get(&(from, to, i))
            .into_iter()
            .flatten()
            .filter(|&&(_, score)| score >= strong)
            .map(|&(j, _)| j)
            .collect()
    }
}

/// How the third articles see a pair of sentence sets.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Verdict {
    support: usize,
    separate: usize,
}

fn verdict(
    partners: &Partners,
    n: usize,
    [a, b]: [usize; 2],
    left: &[usize],
    right: &[usize],
) -> Verdict {
    let mut verdict = Verdict::default();
    for c in (0..n).filter(|&c| c != a && c != b) {
        let (pa, pb) = (partners.of(a, c, left), partners.of(b, c, right));
        if pa.intersection(&pb).next().is_some() {
            verdict.support += 1;
        } else if !pa.is_empty() && !pb.is_empty() {
            verdict.separate += 1;
        }
    }
    verdict
}

/// Applies the pivot rules to the links of every pair of `n` documents (pairs as the pairwise
/// aligner made them); links added score the weakest of the strong links they rest on and
/// must reach `threshold`. Nothing changes with fewer than three documents.
pub fn apply(pairs: &mut [PairLinks], n: usize, rules: &Rules, threshold: f64) {
    if n < 3 {
        return;
    }
    let partners = Partners::new(pairs);
    for pair in pairs.iter_mut() {
        let docs = pair.docs;
        if rules.min_separate > 0 {
            pair.links.retain(|link| {
                if matches!(link.kind, LinkKind::Identical | LinkKind::Minor) {
                    return true;
                }
                let v = verdict(&partners, n, docs, &link.left, &link.right);
                v.support > 0 || v.separate < rules.min_separate
            });
        }
        if rules.min_support > 0 {
            let added = additions(&partners, n, docs, &pair.links, rules, threshold);
            pair.links.extend(added);
            pair.links
                .sort_by(|x, y| (&x.left, &x.right).cmp(&(&y.left, &y.right)));
        }
    }
}

/// Pairs of sentences both unlinked in this pair that enough third articles join strongly.
fn additions(
    partners: &Partners,
    count: usize,
    [a, b]: [usize; 2],
    links: &[Alignment],
    rules: &Rules,
    threshold: f64,
) -> Vec<Alignment> {
    let linked_a: BTreeSet<usize> = links.iter().flat_map(|l| l.left.iter().copied()).collect();
    let linked_b: BTreeSet<usize> = links.iter().flat_map(|l| l.right.iter().copied()).collect();
    // (i, j) -> (supporting third articles, weakest supporting score)
    let mut support: BTreeMap<(usize, usize), (BTreeSet<usize>, f64)> = BTreeMap::new();
    for c in (0..count).filter(|&c| c != a && c != b) {
        for (&(from, to, k), _) in partners.map.range((c, a, 0)..(c, a + 1, 0)) {
            debug_assert_eq!((from, to), (c, a));
            let strong_a = partners.strong(c, a, k, rules.strong);
            let strong_b = partners.strong(c, b, k, rules.strong);
            // Only a sentence of c that links one sentence on each side is a clean pivot.
            let ([i], [j]) = (strong_a.as_slice(), strong_b.as_slice()) else {
                continue;
            };
            let linked_together = links
                .iter()
                .any(|l| l.left.contains(i) && l.right.contains(j));
            if linked_together
                || (rules.only_unlinked && (linked_a.contains(i) || linked_b.contains(j)))
            {
                continue;
            }
            let weakest = [(c, a, k, *i), (c, b, k, *j)]
                .iter()
                .filter_map(|&(from, to, k, x)| {
                    partners
                        .map
                        .get(&(from, to, k))?
                        .iter()
                        .find(|p| p.0 == x)
                        .map(|p| p.1)
                })
                .fold(1.0f64, f64::min);
            let entry = support.entry((*i, *j)).or_insert((BTreeSet::new(), 1.0));
            entry.0.insert(c);
            entry.1 = entry.1.min(weakest);
        }
    }
    let mut used_a = BTreeSet::new();
    let mut used_b = BTreeSet::new();
    let mut added = Vec::new();
    // A sentence takes at most one pivot partner; the best supported pair wins, ties by score
    // (then by position, which only orders pairs of equal evidence).
    let mut ranked: Vec<_> = support.into_iter().collect();
    ranked.sort_by(|(p, (cs, s)), (q, (ct, t))| {
        ct.len().cmp(&cs.len()).then(t.total_cmp(s)).then(p.cmp(q))
    });
    for ((i, j), (cs, score)) in ranked {
        if cs.len() < rules.min_support || score < threshold {
            continue;
        }
        if used_a.contains(&i) || used_b.contains(&j) {
            continue;
        }
        if verdict(partners, count, [a, b], &[i], &[j]).separate > 0 {
            continue;
        }
        used_a.insert(i);
        used_b.insert(j);
        added.push(Alignment {
            left: vec![i],
            right: vec![j],
            score: (score * 1000.0).round() / 1000.0,
            kind: LinkKind::Paraphrase,
        });
    }
    added
}
