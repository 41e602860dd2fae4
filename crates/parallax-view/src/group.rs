//! Which links share a row: the connected groups of the link graph.
//!
//! Two links are in one group when they share a sentence (on either side), and so is every
//! link reached through a chain of such shares. Every sentence a link holds is then in
//! exactly one group, so the pair view shows it once, with all its partners beside it.

use crate::marks::sentences;
use parallax::report::{Link, Report};

/// A link with its indices cleaned: sorted, deduplicated, in range.
pub(crate) struct CleanLink<'a> {
    /// Index into the report's links.
    pub index: usize,
    /// Left sentence indices.
    pub left: Vec<usize>,
    /// Right sentence indices.
    pub right: Vec<usize>,
    /// The link as the report has it.
    pub link: &'a Link,
}

impl CleanLink<'_> {
    /// The link's score for ranking: a score that is not a number ranks lowest.
    fn rank_score(&self) -> f64 {
        if self.link.score.is_finite() {
            self.link.score
        } else {
            f64::NEG_INFINITY
        }
    }
}

/// Indices sorted, deduplicated and below `count`.
fn clean_indices(indices: &[usize], count: usize) -> Vec<usize> {
    sorted_unique(indices.iter().copied().filter(|&i| i < count).collect())
}

/// `list` sorted and without repeats, by the program's one sort ([`parallax::order`]; a
/// `BTreeSet` collected from them would sort with a copy of the standard sort of its own).
fn sorted_unique(mut list: Vec<usize>) -> Vec<usize> {
    parallax::order::sort(&mut list);
    list.dedup();
    list
}

/// For each link of the report, its sentence indices sorted, deduplicated and in range:
/// `(left, right)`.
///
/// # Example
///
/// ```
/// use parallax::{compare, Article, Options};
/// let report = compare(
///     &Article::new("L", "Rain fell all day."),
///     &Article::new("R", "Rain fell all day."),
///     &Options::default(),
/// );
/// assert_eq!(parallax_view::link_indices(&report), [(vec![0], vec![0])]);
/// ```
pub fn link_indices(report: &Report) -> Vec<(Vec<usize>, Vec<usize>)> {
    let (left_count, right_count) = (sentences(report, 0).len(), sentences(report, 1).len());
    report
        .links
        .iter()
        .map(|l| {
            (
                clean_indices(&l.left, left_count),
                clean_indices(&l.right, right_count),
            )
        })
        .collect()
}

/// The report's links with cleaned indices; links with no sentence left are dropped.
pub(crate) fn clean_links(report: &Report) -> Vec<CleanLink<'_>> {
    report
        .links
        .iter()
        .zip(link_indices(report))
        .enumerate()
        .map(|(index, (link, (left, right)))| CleanLink {
            index,
            left,
            right,
            link,
        })
        .filter(|l| !(l.left.is_empty() && l.right.is_empty()))
        .collect()
}

/// Links that share sentences, with the union of their sentences.
pub(crate) struct Group<'a, 'r> {
    /// The links, best first: links with sentences on both sides before one-sided ones,
    /// then by score (highest first), then in the report's order.
    pub links: Vec<&'a CleanLink<'r>>,
    /// Every left sentence of the links, ascending.
    pub left: Vec<usize>,
    /// Every right sentence of the links, ascending.
    pub right: Vec<usize>,
}

impl<'a, 'r> Group<'a, 'r> {
    /// The best link of the group.
    pub fn best(&self) -> Option<&'a CleanLink<'r>> {
        self.links.first().copied()
    }

    /// The best link that holds sentence `sentence` of side `doc` (0 left, 1 right).
    pub fn best_holding(&self, doc: usize, sentence: usize) -> Option<&'a CleanLink<'r>> {
        self.links.iter().copied().find(|l| {
            let side = if doc == 0 { &l.left } else { &l.right };
            side.binary_search(&sentence).is_ok()
        })
    }
}

/// Union-find root of `i`, with path halving.
fn root(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

/// The connected groups of `links`, in the order of each group's first link in `links`.
pub(crate) fn groups<'a, 'r>(links: &'a [CleanLink<'r>]) -> Vec<Group<'a, 'r>> {
    let mut parent: Vec<usize> = (0..links.len()).collect();
    // The first link seen holding each sentence, by side (lists grown as needed, not a B-tree
    // keyed by pairs: one B-tree type less in the page's wasm).
    let mut holder: [Vec<Option<usize>>; 2] = [Vec::new(), Vec::new()];
    for (k, link) in links.iter().enumerate() {
        let held = link
            .left
            .iter()
            .map(|&i| (0, i))
            .chain(link.right.iter().map(|&j| (1, j)));
        for (side, sentence) in held {
            if holder[side].len() <= sentence {
                holder[side].resize(sentence + 1, None);
            }
            match holder[side][sentence] {
                Some(other) => {
                    let (a, b) = (root(&mut parent, k), root(&mut parent, other));
                    // The smaller position is the root, so groups come in a stable order.
                    let (low, high) = (a.min(b), a.max(b));
                    parent[high] = low;
                }
                None => holder[side][sentence] = Some(k),
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); links.len()];
    for k in 0..links.len() {
        let r = root(&mut parent, k);
        members[r].push(k);
    }
    members
        .into_iter()
        .filter(|m| !m.is_empty())
        .map(|m| {
            let mut group: Vec<&CleanLink> = m.iter().map(|&k| &links[k]).collect();
            parallax::order::sort_by(&mut group, |a, b| {
                let two_sided = |l: &CleanLink| !l.left.is_empty() && !l.right.is_empty();
                two_sided(b)
                    .cmp(&two_sided(a))
                    .then(b.rank_score().total_cmp(&a.rank_score()))
                    .then(a.index.cmp(&b.index))
            });
            let left = sorted_unique(group.iter().flat_map(|l| l.left.iter().copied()).collect());
            let right = sorted_unique(group.iter().flat_map(|l| l.right.iter().copied()).collect());
            Group {
                links: group,
                left,
                right,
            }
        })
        .collect()
}
