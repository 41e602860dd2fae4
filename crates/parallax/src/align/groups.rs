//! Pack accepted sentence pairs into links: consecutive sentences that all pair up form one block.

use super::{SentenceKind, Side};
use std::collections::{BTreeMap, BTreeSet};

/// What kind of text a sentence is part of, for packing links: a headline and a caption are
/// units of their own, so no link joins one with running text on the same side (a caption
/// naming the two leaders is not the second half of the sentence below it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Unit {
    /// A headline or sub-heading.
    Headline,
    /// A photo caption or credit.
    Caption,
    /// Everything else.
    Text,
}

impl Unit {
    /// The unit of a sentence of this kind.
    pub(super) fn of(kind: SentenceKind) -> Self {
        match kind {
            SentenceKind::Headline => Unit::Headline,
            SentenceKind::Caption => Unit::Caption,
            _ => Unit::Text,
        }
    }
}

/// The units of both sides' sentences; a sentence past the end counts as [`Unit::Text`].
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Units<'a> {
    pub(super) left: &'a [Unit],
    pub(super) right: &'a [Unit],
}

impl Units<'_> {
    fn of(&self, side: Side, k: usize) -> Unit {
        let units = match side {
            Side::Left => self.left,
            Side::Right => self.right,
        };
        units.get(k).copied().unwrap_or(Unit::Text)
    }

    /// Whether sentences `a` and `b` of `side` may be in one link.
    pub(super) fn joinable(&self, side: Side, a: usize, b: usize) -> bool {
        self.of(side, a) == self.of(side, b)
    }

    /// Whether every sentence of `indices` may be in one link with `sentence`, on `side`.
    pub(super) fn all_joinable(&self, side: Side, indices: &[usize], sentence: usize) -> bool {
        indices.iter().all(|&k| self.joinable(side, k, sentence))
    }
}

/// One link before its kind is known.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct Block {
    /// Left sentences, ascending and consecutive.
    pub left: Vec<usize>,
    /// Right sentences, ascending and consecutive.
    pub right: Vec<usize>,
    /// Mean score of the block's pairs.
    pub score: f64,
}

/// Groups `edges` (`(left, right, score)`, sorted by `(left, right)`, no repeats) into blocks.
///
/// Two edges touch when they share a sentence and their other sentences are neighbours of one
/// unit (see [`Unit`]): `(i, j)` and `(i, j + 1)`, or `(i, j)` and `(i + 1, j)`. A connected
/// set of touching edges that fills the whole rectangle of its left and right sentences becomes one block;
/// any other set stays one block per edge, so a block never claims a pair that was not
/// accepted. The rule looks the same from both sides, so mirrored edges give mirrored blocks.
/// Blocks come sorted by their first left sentence, then their first right sentence.
pub(super) fn blocks(edges: &[(usize, usize, f64)], units: Units<'_>) -> Vec<Block> {
    let index_of = |i: usize, j: usize| edges.binary_search_by_key(&(i, j), |e| (e.0, e.1)).ok();
    let mut parent: Vec<usize> = (0..edges.len()).collect();
    for (k, &(i, j, _)) in edges.iter().enumerate() {
        let neighbours = [
            (
                Some(i),
                j.checked_add(1),
                units.joinable(Side::Right, j, j.saturating_add(1)),
            ),
            (
                i.checked_add(1),
                Some(j),
                units.joinable(Side::Left, i, i.saturating_add(1)),
            ),
        ];
        for (a, b, joinable) in neighbours {
            if let (Some(a), Some(b), true) = (a, b, joinable) {
                if let Some(other) = index_of(a, b) {
                    union(&mut parent, k, other);
                }
            }
        }
    }
    let mut components: Vec<Vec<usize>> = vec![Vec::new(); edges.len()];
    for k in 0..edges.len() {
        let root = find(&mut parent, k);
        components[root].push(k);
    }
    let mut blocks = Vec::new();
    for members in components.into_iter().filter(|m| !m.is_empty()) {
        let lefts: BTreeSet<usize> = members.iter().map(|&k| edges[k].0).collect();
        let rights: BTreeSet<usize> = members.iter().map(|&k| edges[k].1).collect();
        if members.len() == lefts.len() * rights.len() {
            // Sum in sorted order so the mirrored input gives the same bits.
            let mut scores: Vec<f64> = members.iter().map(|&k| edges[k].2).collect();
            crate::order::sort_by(&mut scores, f64::total_cmp);
            let score = scores.iter().sum::<f64>() / scores.len() as f64;
            blocks.push(Block {
                left: lefts.into_iter().collect(),
                right: rights.into_iter().collect(),
                score,
            });
        } else {
            blocks.extend(members.iter().map(|&k| Block {
                left: vec![edges[k].0],
                right: vec![edges[k].1],
                score: edges[k].2,
            }));
        }
    }
    crate::order::sort_by(&mut blocks, |a, b| {
        (&a.left, &a.right).cmp(&(&b.left, &b.right))
    });
    blocks
}

/// How many of `blocks` hold each sentence, left and right (`left_len`, `right_len` sentences).
pub(super) fn link_counts(
    blocks: &[Block],
    left_len: usize,
    right_len: usize,
) -> (Vec<usize>, Vec<usize>) {
    let mut counts = (vec![0_usize; left_len], vec![0_usize; right_len]);
    for block in blocks {
        for (indices, side) in [(&block.left, &mut counts.0), (&block.right, &mut counts.1)] {
            for &k in indices {
                if let Some(c) = side.get_mut(k) {
                    *c += 1;
                }
            }
        }
    }
    counts
}

/// Merges blocks that touch into one when together they fill a rectangle: two blocks touch when
/// one side is the same sentences and the other sides are neighbouring runs (`{3}×{4,5}` and
/// `{3}×{6}`) of one unit. Other blocks stay as they are. Mirror-symmetric like [`blocks`].
pub(super) fn merge_touching(blocks: Vec<Block>, units: Units<'_>) -> Vec<Block> {
    let touching = |a: &Block, b: &Block| {
        let next = |side: Side, x: &[usize], y: &[usize]| match (x.last(), y.first()) {
            (Some(&end), Some(&start)) => {
                end.checked_add(1) == Some(start) && units.joinable(side, end, start)
            }
            _ => false,
        };
        let runs = |side: Side, x: &[usize], y: &[usize]| next(side, x, y) || next(side, y, x);
        (a.left == b.left && runs(Side::Right, &a.right, &b.right))
            || (a.right == b.right && runs(Side::Left, &a.left, &b.left))
    };
    // Touching blocks have the same sentences on one side: only those are compared.
    let mut same_side: BTreeMap<(bool, &[usize]), Vec<usize>> = BTreeMap::new();
    for (k, block) in blocks.iter().enumerate() {
        same_side.entry((false, &block.left)).or_default().push(k);
        same_side.entry((true, &block.right)).or_default().push(k);
    }
    let mut parent: Vec<usize> = (0..blocks.len()).collect();
    for group in same_side.values() {
        for (x, &a) in group.iter().enumerate() {
            for &b in group.iter().skip(x + 1) {
                if touching(&blocks[a], &blocks[b]) {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    let mut components: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    for k in 0..blocks.len() {
        let root = find(&mut parent, k);
        components[root].push(k);
    }
    let mut out = Vec::new();
    for members in components.into_iter().filter(|m| !m.is_empty()) {
        let pairs: BTreeSet<(usize, usize)> = members
            .iter()
            .flat_map(|&k| {
                let b = &blocks[k];
                b.left
                    .iter()
                    .flat_map(move |&i| b.right.iter().map(move |&j| (i, j)))
            })
            .collect();
        let lefts: BTreeSet<usize> = pairs.iter().map(|p| p.0).collect();
        let rights: BTreeSet<usize> = pairs.iter().map(|p| p.1).collect();
        if members.len() > 1 && pairs.len() == lefts.len() * rights.len() {
            let mut scores: Vec<f64> = members.iter().map(|&k| blocks[k].score).collect();
            crate::order::sort_by(&mut scores, f64::total_cmp);
            out.push(Block {
                left: lefts.into_iter().collect(),
                right: rights.into_iter().collect(),
                score: scores.iter().sum::<f64>() / scores.len() as f64,
            });
        } else {
            out.extend(members.iter().map(|&k| blocks[k].clone()));
        }
    }
    crate::order::sort_by(&mut out, |a, b| {
        (&a.left, &a.right).cmp(&(&b.left, &b.right))
    });
    out
}

fn find(parent: &mut [usize], mut k: usize) -> usize {
    while parent[k] != k {
        parent[k] = parent[parent[k]];
        k = parent[k];
    }
    k
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    // The smaller index becomes the root, so the result does not depend on the call order.
    if ra < rb {
        parent[rb] = ra;
    } else {
        parent[ra] = rb;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;

    type Pairs = &'static [(usize, usize)];

    struct Case {
        name: &'static str,
        edges: Pairs,
        expected: &'static [(&'static [usize], &'static [usize])],
    }

    const CASES: &[Case] = &[
        Case {
            name: "one to one",
            edges: &[(0, 1), (1, 0)],
            expected: &[(&[0], &[1]), (&[1], &[0])],
        },
        Case {
            name: "split",
            edges: &[(3, 4), (3, 5), (3, 6)],
            expected: &[(&[3], &[4, 5, 6])],
        },
        Case {
            name: "merge",
            edges: &[(2, 0), (3, 0)],
            expected: &[(&[2, 3], &[0])],
        },
        Case {
            name: "two by two",
            edges: &[(0, 0), (0, 1), (1, 0), (1, 1)],
            expected: &[(&[0, 1], &[0, 1])],
        },
        Case {
            name: "l shape stays pairs",
            edges: &[(0, 0), (0, 1), (1, 0)],
            expected: &[(&[0], &[0]), (&[0], &[1]), (&[1], &[0])],
        },
        Case {
            name: "diagonal run stays pairs",
            edges: &[(0, 0), (1, 1), (2, 2)],
            expected: &[(&[0], &[0]), (&[1], &[1]), (&[2], &[2])],
        },
        Case {
            name: "scattered partners share a sentence",
            edges: &[(0, 2), (0, 3), (0, 7)],
            expected: &[(&[0], &[2, 3]), (&[0], &[7])],
        },
    ];

    #[test]
    fn case_names_are_unique() {
        assert!(unique(CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn cases() {
        for case in CASES {
            let edges: Vec<_> = case.edges.iter().map(|&(i, j)| (i, j, 0.9)).collect();
            let got: Vec<(Vec<usize>, Vec<usize>)> = blocks(&edges, Units::default())
                .into_iter()
                .map(|b| (b.left, b.right))
                .collect();
            let expected: Vec<(Vec<usize>, Vec<usize>)> = case
                .expected
                .iter()
                .map(|(l, r)| (l.to_vec(), r.to_vec()))
                .collect();
            assert_eq!(got, expected, "case {}", case.name);
        }
    }

    #[test]
    fn touching_blocks_merge_into_rectangles_only() {
        let block = |left: &[usize], right: &[usize]| Block {
            left: left.to_vec(),
            right: right.to_vec(),
            score: 0.5,
        };
        let merged = merge_touching(
            vec![block(&[3], &[4, 5]), block(&[3], &[6])],
            Units::default(),
        );
        assert_eq!(merged, [block(&[3], &[4, 5, 6])]);
        let l_shape = vec![block(&[3], &[4, 5]), block(&[3], &[6]), block(&[4], &[6])];
        assert_eq!(merge_touching(l_shape.clone(), Units::default()), l_shape);
        let apart = vec![block(&[3], &[4]), block(&[3], &[6])];
        assert_eq!(merge_touching(apart.clone(), Units::default()), apart);
    }

    #[test]
    fn a_headline_or_caption_is_never_packed_with_running_text() {
        use Unit::{Caption, Headline, Text};
        let edges = [(0, 0, 0.9), (1, 0, 0.9), (2, 0, 0.9), (3, 0, 0.9)];
        let left = [Headline, Text, Text, Caption];
        let units = Units {
            left: &left,
            right: &[Text],
        };
        let got: Vec<Vec<usize>> = blocks(&edges, units).into_iter().map(|b| b.left).collect();
        assert_eq!(got, [vec![0], vec![1, 2], vec![3]]);
        let block = |left: &[usize]| Block {
            left: left.to_vec(),
            right: vec![0],
            score: 0.5,
        };
        let merged = merge_touching(vec![block(&[0]), block(&[1, 2]), block(&[3])], units);
        assert_eq!(merged, [block(&[0]), block(&[1, 2]), block(&[3])]);
        assert_eq!(
            merge_touching(vec![block(&[1]), block(&[2])], units),
            [block(&[1, 2])]
        );
    }

    #[test]
    fn mirrored_edges_give_mirrored_blocks() {
        for case in CASES {
            let edges: Vec<_> = case.edges.iter().map(|&(i, j)| (i, j, 0.9)).collect();
            let mut mirrored: Vec<_> = edges.iter().map(|&(i, j, s)| (j, i, s)).collect();
            mirrored.sort_by_key(|e| (e.0, e.1));
            let mut back: Vec<(Vec<usize>, Vec<usize>)> = blocks(&mirrored, Units::default())
                .into_iter()
                .map(|b| (b.right, b.left))
                .collect();
            back.sort();
            let mut there: Vec<(Vec<usize>, Vec<usize>)> = blocks(&edges, Units::default())
                .into_iter()
                .map(|b| (b.left, b.right))
                .collect();
            there.sort();
            assert_eq!(there, back, "case {}", case.name);
        }
    }
}
