//! One stable sort for the whole program, to keep the page's wasm small.
//!
//! Every `slice::sort_by` with a new element type or closure is another copy of the standard
//! library's sort in the binary (1.5–3.5 KB of wasm each; the page had fifteen). These
//! functions sort a list of indices with one comparator behind `dyn`, so the sort exists once,
//! then move the items into place. Stable, like `slice::sort_by`; `O(n log n)` comparisons.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, like `items.sort_by(compare)`.
///
/// # Example
///
/// ```
/// let mut words = vec!["pear", "fig", "apple", "kiwi"];
/// parallax::order::sort_by(&mut words, |a, b| a.len().cmp(&b.len()));
/// assert_eq!(words, ["fig", "pear", "kiwi", "apple"]);
/// ```
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    let order = {
        let items = &*items;
        sorted_indices(items.len(), &mut |a, b| compare(&items[a], &items[b]))
    };
    permute(items, &order);
}

/// Sorts `items` stably by the key `key` returns, like `items.sort_by_key(key)`.
///
/// # Example
///
/// ```
/// let mut pairs = vec![(2, 'b'), (1, 'z'), (2, 'a')];
/// parallax::order::sort_by_key(&mut pairs, |p| p.0);
/// assert_eq!(pairs, [(1, 'z'), (2, 'b'), (2, 'a')]);
/// ```
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in ascending order, like `items.sort()`.
///
/// # Example
///
/// ```
/// let mut n = vec![3, 1, 2];
/// parallax::order::sort(&mut n);
/// assert_eq!(n, [1, 2, 3]);
/// ```
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// Sorts plain ids: the one other instance of the standard sort, for the many short id lists
/// of the similarity profiles. Equal ids cannot be told apart, so this is the order
/// [`sort`] gives, without its index list.
///
/// # Example
///
/// ```
/// let mut ids = vec![3u64, 1, 2, 1];
/// parallax::order::sort_ids(&mut ids);
/// assert_eq!(ids, [1, 1, 2, 3]);
/// ```
pub fn sort_ids(items: &mut [u64]) {
    items.sort_unstable();
}

/// Groups `list` by `bucket` (below `buckets`) in one counting pass, keeping list order within
/// a bucket, then hands each bucket's run of two or more items to `sort_run`. With about one
/// item per bucket the cost is about linear, where one sort of the whole list is `n log n`.
pub(crate) fn sort_by_buckets<T: Copy>(
    list: &mut [T],
    buckets: usize,
    bucket: impl Fn(&T) -> usize,
    mut sort_run: impl FnMut(&mut [T]),
) {
    let mut starts = vec![0usize; buckets + 1];
    for e in list.iter() {
        if let Some(count) = starts.get_mut(bucket(e) + 1) {
            *count += 1;
        }
    }
    for k in 1..starts.len() {
        starts[k] += starts[k - 1];
    }
    let ends: Vec<usize> = starts.iter().skip(1).copied().collect();
    // A copy to deal from: the items move within `list` itself.
    let dealt: Vec<T> = list.to_vec();
    for e in dealt {
        if let Some(next) = starts.get_mut(bucket(&e)) {
            if let Some(slot) = list.get_mut(*next) {
                *slot = e;
            }
            *next += 1;
        }
    }
    // Each bucket now runs from the previous bucket's end to its own.
    let mut begin = 0;
    for end in ends {
        if end > begin + 1 {
            if let Some(run) = list.get_mut(begin..end) {
                sort_run(run);
            }
        }
        begin = end;
    }
}

/// The one instance of the standard sort: indices `0..len` ordered by `compare`.
fn sorted_indices(len: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Rearranges `items` so that position `k` holds the item that was at `order[k]`, by
/// following each cycle of the permutation with swaps.
fn permute<T>(items: &mut [T], order: &[usize]) {
    let mut placed = vec![false; order.len()];
    for start in 0..order.len() {
        let mut k = start;
        while !placed[k] {
            placed[k] = true;
            let next = order[k];
            if next == start {
                break;
            }
            items.swap(k, next);
            k = next;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;

    struct Case {
        name: &'static str,
        input: &'static [(u8, char)],
    }

    const CASES: &[Case] = &[
        Case {
            name: "empty",
            input: &[],
        },
        Case {
            name: "one",
            input: &[(1, 'a')],
        },
        Case {
            name: "sorted",
            input: &[(1, 'a'), (2, 'b'), (3, 'c')],
        },
        Case {
            name: "reversed",
            input: &[(3, 'a'), (2, 'b'), (1, 'c')],
        },
        Case {
            name: "ties keep their order",
            input: &[(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd'), (2, 'e')],
        },
        Case {
            name: "two cycles",
            input: &[(2, 'a'), (1, 'b'), (4, 'c'), (3, 'd')],
        },
        Case {
            name: "one long cycle",
            input: &[(5, 'a'), (1, 'b'), (2, 'c'), (3, 'd'), (4, 'e')],
        },
    ];

    #[test]
    fn case_names_are_unique() {
        assert!(unique(CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn matches_the_standard_stable_sort() {
        for case in CASES {
            let mut ours = case.input.to_vec();
            let mut std = case.input.to_vec();
            sort_by_key(&mut ours, |p| p.0);
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "{}", case.name);
        }
    }

    #[test]
    fn matches_the_standard_sort_on_many_permutations() {
        // A small linear congruential generator: deterministic, every length up to 200.
        let mut x: u64 = 7;
        for len in 0..200 {
            let items: Vec<(u64, usize)> = (0..len)
                .map(|i| {
                    x = x.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    (x >> 60, i)
                })
                .collect();
            let mut ours = items.clone();
            let mut std = items.clone();
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            assert_eq!(ours, std, "length {len}");
        }
    }
}
