//! The stems a comparison is about: words both articles repeat across their sentences.
//!
//! Two reports of one summit name its two leaders, the two countries and the treaty in
//! sentence after sentence. Two sentences that share only those words state different facts
//! about the same actors, so what links them is the *specific* words they share: the shared
//! stems that are not topic stems. Idf already weighs topic stems less; this puts a number on
//! what is left once they are gone, whatever the articles' length.

use super::profile::{counted, Id};
use super::Prepared;

/// A stem is a topic stem when it is in at least this share of the sentences of *each* article…
const TOPIC_SHARE: f64 = 0.15;
/// …and in at least this many sentences of each.
const TOPIC_MIN: usize = 2;

/// The topic stems of one comparison, sorted.
#[derive(Debug, Clone, PartialEq, Default)]
pub(crate) struct Topics {
    ids: Vec<Id>,
    /// Each sentence's idf mass of its own stems that are not topic stems, left and right
    /// (0 for `None` sentences): computed once, not once per pair.
    own: [Vec<f64>; 2],
}

/// What two sentences share beyond the topic stems.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Specific {
    /// `ln(1 + idf mass of the shared stems that are not topic stems) / 4`.
    pub(crate) mass: f64,
    /// The smaller of the two sides' share of their own non-topic idf mass that is shared.
    pub(crate) cover_min: f64,
    /// Whether they share a stem that is neither a topic stem nor a name: a fact beyond who
    /// is involved.
    pub(crate) shares_plain: bool,
}

impl Topics {
    /// The topic stems of the two sides' sentences (`None` sentences are left out).
    pub(crate) fn new(left_side: &[Option<Prepared>], right_side: &[Option<Prepared>]) -> Self {
        // Each side's stems with the number of its sentences holding them (a sentence holds
        // each of its stems once), sorted by stem.
        let counts = |side: &[Option<Prepared>]| -> (Vec<(Id, u32)>, usize) {
            let ids = side
                .iter()
                .flatten()
                .flat_map(|p| p.profile.term_ids())
                .collect();
            (counted(ids), side.iter().flatten().count())
        };
        let ((left, left_n), (right, right_n)) = (counts(left_side), counts(right_side));
        let floor = |n: usize| ((n as f64 * TOPIC_SHARE).ceil() as usize).max(TOPIC_MIN);
        let (left_floor, right_floor) = (floor(left_n), floor(right_n));
        let right_count = |id: Id| {
            right
                .binary_search_by_key(&id, |&(r, _)| r)
                .ok()
                .and_then(|k| right.get(k))
                .map_or(0, |&(_, m)| m as usize)
        };
        let ids = left
            .iter()
            .filter(|&&(id, n)| n as usize >= left_floor && right_count(id) >= right_floor)
            .map(|&(id, _)| id)
            .collect();
        let mut topics = Self {
            ids,
            own: [Vec::new(), Vec::new()],
        };
        let own = |side: &[Option<Prepared>]| -> Vec<f64> {
            side.iter()
                .map(|p| p.as_ref().map_or(0.0, |p| topics.own_mass(p)))
                .collect()
        };
        topics.own = [own(left_side), own(right_side)];
        topics
    }

    /// The idf mass of the stems of `p` that are not topic stems.
    fn own_mass(&self, p: &Prepared) -> f64 {
        p.terms
            .iter()
            .filter(|t| !self.contains(t.0))
            .map(|t| t.2)
            .sum()
    }

    fn contains(&self, id: Id) -> bool {
        self.ids.binary_search(&id).is_ok()
    }

    /// What sentence `i` of the left side and sentence `j` of the right side (`left` and
    /// `right`, the profiles [`Topics::new`] was given) share beyond the topic stems
    /// (symmetric to the bit).
    pub(crate) fn specific(
        &self,
        (i, left): (usize, &Prepared),
        (j, right): (usize, &Prepared),
    ) -> Specific {
        let own = |side: usize, k: usize, p: &Prepared| -> f64 {
            self.own[side]
                .get(k)
                .copied()
                .unwrap_or_else(|| self.own_mass(p))
        };
        let mut shared = 0.0;
        let mut shares_plain = false;
        let (mut l, mut r) = (0, 0);
        while let (Some(a), Some(b)) = (left.terms.get(l), right.terms.get(r)) {
            match a.0.cmp(&b.0) {
                std::cmp::Ordering::Less => l += 1,
                std::cmp::Ordering::Greater => r += 1,
                std::cmp::Ordering::Equal => {
                    if !self.contains(a.0) && !speaks(left, right, a.0) {
                        shared += a.2;
                        shares_plain |= left.profile.names.binary_search(&a.0).is_err()
                            && right.profile.names.binary_search(&a.0).is_err();
                    }
                    l += 1;
                    r += 1;
                }
            }
        }
        finish(shared, shares_plain, own(0, i, left), own(1, j, right))
    }

    /// [`Topics::specific`] of many pairs of the sides [`Topics::new`] was given, in the
    /// order of `pairs` (`None` where either sentence is `None`): the same values to the bit.
    ///
    /// When most pairs are asked for, the stems are not merged pair by pair: the right
    /// side's stems are indexed once, and each left sentence adds the idf of its shared
    /// non-topic stems into one sum per right sentence, in stem order, as the merge does.
    pub(crate) fn specific_all(
        &self,
        left: &[Option<Prepared>],
        right: &[Option<Prepared>],
        pairs: &[(usize, usize)],
    ) -> Vec<Option<Specific>> {
        let one = |&(i, j): &(usize, usize)| {
            let (l, r) = (left.get(i)?.as_ref()?, right.get(j)?.as_ref()?);
            Some(self.specific((i, l), (j, r)))
        };
        if pairs.len().saturating_mul(2) < left.len().saturating_mul(right.len()) {
            return pairs.iter().map(one).collect();
        }
        // (stem, right sentence, whether it is one of that sentence's names, whether it names
        // one of its speakers), sorted.
        let mut index: Vec<(Id, usize, bool, bool)> = right
            .iter()
            .enumerate()
            .filter_map(|(j, p)| Some((j, p.as_ref()?)))
            .flat_map(|(j, p)| {
                p.terms.iter().map(move |t| {
                    let profile = &p.profile;
                    let named = profile.names.binary_search(&t.0).is_ok();
                    (t.0, j, named, profile.speakers.binary_search(&t.0).is_ok())
                })
            })
            .collect();
        super::batch::sort_by_id(&mut index, |e| e.0);
        let n = right.len();
        let (mut shared, mut plain) = (vec![0.0; n], vec![false; n]);
        let mut touched: Vec<usize> = Vec::new();
        let mut current = None;
        let mut out = Vec::with_capacity(pairs.len());
        for &(i, j) in pairs {
            let (Some(Some(l)), Some(Some(r))) = (left.get(i), right.get(j)) else {
                out.push(None);
                continue;
            };
            if current != Some(i) {
                current = Some(i);
                for &t in &touched {
                    shared[t] = 0.0;
                    plain[t] = false;
                }
                touched.clear();
                for &(id, _, idf) in &l.terms {
                    if self.contains(id) {
                        continue;
                    }
                    let named = l.profile.names.binary_search(&id).is_ok();
                    let speaker = l.profile.speakers.binary_search(&id).is_ok();
                    let start = index.partition_point(|e| e.0 < id);
                    for &(_, k, right_named, right_speaker) in
                        index[start..].iter().take_while(|e| e.0 == id)
                    {
                        if speaker || right_speaker {
                            continue;
                        }
                        touched.push(k);
                        shared[k] += idf;
                        plain[k] |= !named && !right_named;
                    }
                }
            }
            out.push(Some(finish(
                shared[j],
                plain[j],
                self.own[0]
                    .get(i)
                    .copied()
                    .unwrap_or_else(|| self.own_mass(l)),
                self.own[1]
                    .get(j)
                    .copied()
                    .unwrap_or_else(|| self.own_mass(r)),
            )));
        }
        out
    }
}

/// Whether `id` names a speaker of either sentence: sharing a source is not sharing a fact.
fn speaks(left: &Prepared, right: &Prepared, id: Id) -> bool {
    left.profile.speakers.binary_search(&id).is_ok()
        || right.profile.speakers.binary_search(&id).is_ok()
}

/// What two sentences share beyond the topic stems, from the idf mass of the shared
/// non-topic stems and each side's own non-topic mass.
fn finish(shared: f64, shares_plain: bool, own_left: f64, own_right: f64) -> Specific {
    let cover = |mass: f64| {
        if mass > 0.0 {
            (shared / mass).min(1.0)
        } else {
            0.0
        }
    };
    let (cl, cr) = (cover(own_left), cover(own_right));
    Specific {
        mass: super::ln_one_plus(shared) / 4.0,
        cover_min: cl.min(cr),
        shares_plain,
    }
}
