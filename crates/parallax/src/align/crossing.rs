//! Counting over the anchors (mutual best matches) in `O(log² A)` per question instead of a
//! scan of all `A` anchors: how many anchors a pair crosses, and how monotonic they are.
//!
//! The anchors are a matching (each sentence in at most one anchor) sorted by their left
//! sentence. A Fenwick tree over that order keeps, in each node, the right sentences of the
//! anchors it covers, sorted; "how many of the first `p` anchors have a right sentence below
//! `j`" then sums a binary search in `O(log A)` nodes. The answers are exactly those of the
//! scans they replace (the tests compare them on random anchor sets).

/// The anchors, ready for counting.
#[derive(Debug, Clone, Default)]
pub(super) struct Anchors {
    /// `(left, right)`, sorted by left.
    pairs: Vec<(usize, usize)>,
    /// Every anchor's right sentence, sorted.
    rights: Vec<usize>,
    /// Fenwick node `k` (1-based) holds the sorted right sentences of anchors
    /// `k - lowbit(k) .. k` (0-based, end exclusive).
    nodes: Vec<Vec<usize>>,
}

const fn lowbit(k: usize) -> usize {
    k & k.wrapping_neg()
}

impl Anchors {
    /// Prepares `pairs` (sorted by left, as [`super::context::anchors`] gives them).
    pub(super) fn new(pairs: Vec<(usize, usize)>) -> Self {
        let mut rights: Vec<usize> = pairs.iter().map(|&(_, b)| b).collect();
        rights.sort_unstable();
        let nodes = (0..=pairs.len())
            .map(|k| {
                if k == 0 {
                    return Vec::new();
                }
                let mut node: Vec<usize> =
                    pairs[k - lowbit(k)..k].iter().map(|&(_, b)| b).collect();
                node.sort_unstable();
                node
            })
            .collect();
        Self {
            pairs,
            rights,
            nodes,
        }
    }

    /// How many anchors there are.
    pub(super) fn len(&self) -> usize {
        self.pairs.len()
    }

    /// How many of the first `prefix` anchors (by left) have a right sentence below `bound`.
    fn below(&self, prefix: usize, bound: usize) -> usize {
        let mut count = 0;
        let mut k = prefix.min(self.pairs.len());
        while k > 0 {
            count += self.nodes[k].partition_point(|&b| b < bound);
            k -= lowbit(k);
        }
        count
    }

    /// How many anchors the pair `(i, j)` crosses: an anchor above it on one side and below it
    /// on the other.
    pub(super) fn crossed(&self, i: usize, j: usize) -> usize {
        let before = self.pairs.partition_point(|&(a, _)| a < i);
        let through = self.pairs.partition_point(|&(a, _)| a <= i);
        // Left before i, right after j.
        let above_below = before - self.below(before, j.saturating_add(1));
        // Left after i, right before j.
        let below_above = self.rights.partition_point(|&b| b < j) - self.below(through, j);
        above_below + below_above
    }

    /// The share of concordant pairs among the anchors (Kendall): pairs whose left and right
    /// sentences come in the same order. 0.5 with fewer than three anchors.
    pub(super) fn order(&self) -> f64 {
        let n = self.pairs.len();
        if n < 3 {
            return 0.5;
        }
        // Walking the anchors by left, count the earlier ones with a smaller right sentence.
        let mut tree = vec![0usize; n + 1];
        let mut concordant = 0usize;
        for &(_, b) in &self.pairs {
            let rank = self.rights.partition_point(|&r| r < b);
            let mut k = rank;
            while k > 0 {
                concordant += tree[k];
                k -= lowbit(k);
            }
            let mut k = rank + 1;
            while k <= n {
                tree[k] += 1;
                k += lowbit(k);
            }
        }
        let total = n * (n - 1) / 2;
        concordant as f64 / total as f64
    }
}

#[cfg(test)]
mod tests {
    use super::Anchors;
    use proptest::prelude::*;

    /// The scans these counts replace.
    fn crossed_by_scan(anchors: &[(usize, usize)], i: usize, j: usize) -> usize {
        anchors
            .iter()
            .filter(|&&(a, b)| (a < i && b > j) || (a > i && b < j))
            .count()
    }

    fn order_by_scan(anchors: &[(usize, usize)]) -> f64 {
        if anchors.len() < 3 {
            return 0.5;
        }
        let (mut concordant, mut total) = (0usize, 0usize);
        for (a, &(ia, ja)) in anchors.iter().enumerate() {
            for &(ib, jb) in &anchors[a + 1..] {
                total += 1;
                concordant += usize::from((ia < ib) == (ja < jb));
            }
        }
        concordant as f64 / total as f64
    }

    /// A matching: distinct lefts (sorted) and distinct rights.
    fn matching() -> impl Strategy<Value = Vec<(usize, usize)>> {
        let shuffled = || Just((0..60).collect::<Vec<usize>>()).prop_shuffle();
        (0usize..40, shuffled(), shuffled()).prop_map(|(n, mut lefts, rights)| {
            lefts.truncate(n);
            lefts.sort_unstable();
            lefts.into_iter().zip(rights).collect()
        })
    }

    proptest! {
        #[test]
        fn counts_agree_with_the_scans(anchors in matching(), i in 0usize..64, j in 0usize..64) {
            let fast = Anchors::new(anchors.clone());
            prop_assert_eq!(fast.crossed(i, j), crossed_by_scan(&anchors, i, j));
            prop_assert_eq!(fast.order().to_bits(), order_by_scan(&anchors).to_bits());
        }
    }

    #[test]
    fn a_pair_on_an_anchor_crosses_nothing_of_a_diagonal() {
        let anchors: Vec<(usize, usize)> = (0..10).map(|k| (k, k)).collect();
        let fast = Anchors::new(anchors);
        assert_eq!(fast.crossed(4, 4), 0);
        // (2, 8) crosses the anchors (3..8, 3..8) whose left is after 2 and right before 8.
        assert_eq!(fast.crossed(2, 8), 5);
        assert_eq!(fast.order().to_bits(), 1.0f64.to_bits());
        assert_eq!(Anchors::new(Vec::new()).crossed(3, 3), 0);
    }
}
