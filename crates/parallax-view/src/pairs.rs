//! Linked sentence pairs: ribbons and columns of the reordering view, partners to light, and
//! what a selection holds.

use crate::layout::link_indices;
use crate::marks::{plain, sentences};
use crate::row::{Row, RowKind, SentenceView};
use parallax::report::Report;
use std::collections::BTreeSet;

/// A sentence pair joined by a link, for the reordering view.
#[derive(Debug, Clone, PartialEq)]
pub struct Ribbon {
    /// Left sentence index.
    pub left: usize,
    /// Right sentence index.
    pub right: usize,
    /// The link's similarity in `[0, 1]`.
    pub score: f64,
    /// The link's kind.
    pub kind: RowKind,
}

impl Ribbon {
    /// Stroke width in pixels: 1.5 for the weakest link up to 6 for identical sentences.
    pub fn width(&self) -> f64 {
        1.5 + 4.5 * self.score
    }

    /// Stroke opacity: 0.3 for the weakest link up to 0.85.
    pub fn opacity(&self) -> f64 {
        0.3 + 0.55 * self.score
    }
}

/// Every linked (left, right) sentence pair, once, with the best score among its links.
pub fn ribbons(report: &Report) -> Vec<Ribbon> {
    // Every pair as the links give it, then the best of each pair (a list sorted by the
    // program's one sort, not a B-tree of pairs: one B-tree type less in the page's wasm).
    let mut all: Vec<Ribbon> = Vec::new();
    for (link, (left, right)) in report.links.iter().zip(link_indices(report)) {
        let score = if link.score.is_finite() {
            link.score.clamp(0.0, 1.0)
        } else {
            0.0
        };
        for &i in &left {
            for &j in &right {
                all.push(Ribbon {
                    left: i,
                    right: j,
                    score,
                    kind: RowKind::Link(link.kind).normalized(),
                });
            }
        }
    }
    // Stable, so each pair's ribbons stay in link order: the first with the best score wins.
    parallax::order::sort_by_key(&mut all, |r| (r.left, r.right));
    let mut best: Vec<Ribbon> = Vec::new();
    for ribbon in all {
        match best.last_mut() {
            Some(old) if (old.left, old.right) == (ribbon.left, ribbon.right) => {
                if old.score < ribbon.score {
                    *old = ribbon;
                }
            }
            _ => best.push(ribbon),
        }
    }
    best
}

/// One sentence in the reordering view.
#[derive(Debug, Clone, PartialEq)]
pub struct ColumnEntry {
    /// The sentence, unmarked.
    pub view: SentenceView,
    /// The closest kind among its links, or `OnlyLeft`/`OnlyRight` when unmatched.
    pub kind: RowKind,
}

/// Both articles in their own order, each sentence with its closest link kind.
pub fn columns(report: &Report) -> [Vec<ColumnEntry>; 2] {
    let all = ribbons(report);
    let column = |doc: usize| -> Vec<ColumnEntry> {
        (0..sentences(report, doc).len())
            .filter_map(|i| {
                let view = plain(report, doc, i)?;
                let kind = all
                    .iter()
                    .filter(|r| if doc == 0 { r.left == i } else { r.right == i })
                    .map(|r| r.kind)
                    .min()
                    .unwrap_or(if doc == 0 {
                        RowKind::OnlyLeft
                    } else {
                        RowKind::OnlyRight
                    });
                Some(ColumnEntry { view, kind })
            })
            .collect()
    };
    [column(0), column(1)]
}

/// A sentence, by article and index.
pub type SentenceId = (usize, usize);

/// For each sentence, the sentences of the other article it is linked to.
///
/// Sorted lists, not B-tree maps and sets: each B-tree of a new type is another few KB of the
/// page's wasm, and these lists are built once per report and only looked up.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Partners {
    /// `(sentence, its partners ascending)`, by ascending sentence.
    map: Vec<(SentenceId, Vec<SentenceId>)>,
}

impl Partners {
    /// Collects partners from every link (all pairs of a many-to-many link).
    pub fn new(report: &Report) -> Self {
        let mut pairs: Vec<(SentenceId, SentenceId)> = Vec::new();
        for ribbon in ribbons(report) {
            pairs.push(((0, ribbon.left), (1, ribbon.right)));
            pairs.push(((1, ribbon.right), (0, ribbon.left)));
        }
        parallax::order::sort(&mut pairs);
        pairs.dedup();
        let mut map: Vec<(SentenceId, Vec<SentenceId>)> = Vec::new();
        for (id, partner) in pairs {
            match map.last_mut() {
                Some((last, partners)) if *last == id => partners.push(partner),
                _ => map.push((id, vec![partner])),
            }
        }
        Self { map }
    }

    /// The partners of one sentence, ascending; empty when it is unmatched.
    pub fn of(&self, id: SentenceId) -> &[SentenceId] {
        self.map
            .binary_search_by(|(k, _)| k.cmp(&id))
            .map_or(&[], |at| self.map[at].1.as_slice())
    }
}

/// What the reader points at: a sentence, or a ribbon of the reordering view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// A sentence.
    Sentence(SentenceId),
    /// The ribbon joining left sentence `.0` and right sentence `.1`.
    Ribbon(usize, usize),
}

/// The sentences to light for a target: a sentence's partners, or both ends of a ribbon;
/// ascending, without repeats.
pub fn lit(target: Option<Target>, partners: &Partners) -> Vec<SentenceId> {
    match target {
        None => Vec::new(),
        Some(Target::Sentence(id)) => partners.of(id).to_vec(),
        Some(Target::Ribbon(i, j)) => vec![(0, i), (1, j)],
    }
}

/// Whether a ribbon is lit by a target: it is the target, or it touches the target sentence.
pub fn ribbon_lit(ribbon: &Ribbon, target: Option<Target>) -> bool {
    match target {
        None => false,
        Some(Target::Ribbon(i, j)) => ribbon.left == i && ribbon.right == j,
        Some(Target::Sentence((0, i))) => ribbon.left == i,
        Some(Target::Sentence((_, j))) => ribbon.right == j,
    }
}

/// For every sentence, the first row that shows it. The rows of [`crate::rows`] show each
/// sentence once (a sentence in several links shares one row with all its partners), so this
/// is the one row of each sentence; a row list built otherwise may repeat a sentence, and the
/// page shows the later appearances as quieter repeats.
pub fn first_rows(rows: &[Row]) -> FirstRows {
    let mut first: Vec<(SentenceId, usize)> = Vec::new();
    for (at, row) in rows.iter().enumerate() {
        for view in row.left.iter().chain(&row.right) {
            first.push(((view.doc, view.sentence), at));
        }
    }
    // Stable: each sentence's rows stay in row order, and the first is kept.
    parallax::order::sort_by_key(&mut first, |&(id, _)| id);
    first.dedup_by_key(|&mut (id, _)| id);
    FirstRows { first }
}

/// For every sentence, the first row that shows it ([`first_rows`]): a sorted list, not a
/// `BTreeMap` (one B-tree type less in the page's wasm).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct FirstRows {
    /// `(sentence, its first row)`, by ascending sentence.
    first: Vec<(SentenceId, usize)>,
}

impl FirstRows {
    /// The first row that shows sentence `id`.
    pub fn get(&self, id: &SentenceId) -> Option<&usize> {
        self.first
            .binary_search_by(|(k, _)| k.cmp(id))
            .ok()
            .map(|at| &self.first[at].1)
    }

    /// How many sentences the rows show.
    pub fn len(&self) -> usize {
        self.first.len()
    }

    /// Whether the rows show no sentence.
    pub fn is_empty(&self) -> bool {
        self.first.is_empty()
    }
}

/// What the reader selected (pinned), as the `parallax-select` event tells an embedding page.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SelectedLink {
    /// Index into `report.links` of the (first) link holding the selection; `None` for an
    /// unmatched sentence or a cleared selection.
    pub link: Option<usize>,
    /// Left sentence indices of the selected links (or the unmatched sentence), ascending.
    pub left: Vec<usize>,
    /// Right sentence indices, ascending.
    pub right: Vec<usize>,
}

/// The links a target belongs to, merged: a sentence selects every link that holds it, a
/// ribbon the links that hold both of its ends.
pub fn selected_link(report: &Report, target: Target) -> SelectedLink {
    let holds = |left: &[usize], right: &[usize]| match target {
        Target::Sentence((0, i)) => left.contains(&i),
        Target::Sentence((_, j)) => right.contains(&j),
        Target::Ribbon(i, j) => left.contains(&i) && right.contains(&j),
    };
    let mut out = SelectedLink::default();
    let (mut left, mut right) = (BTreeSet::new(), BTreeSet::new());
    for (index, (l, r)) in link_indices(report).into_iter().enumerate() {
        if holds(&l, &r) {
            out.link.get_or_insert(index);
            left.extend(l);
            right.extend(r);
        }
    }
    if out.link.is_none() {
        match target {
            Target::Sentence((0, i)) if i < sentences(report, 0).len() => {
                left.insert(i);
            }
            Target::Sentence((1, j)) if j < sentences(report, 1).len() => {
                right.insert(j);
            }
            _ => {}
        }
    }
    out.left = left.into_iter().collect();
    out.right = right.into_iter().collect();
    out
}
