//! The reader's corrections (issue 15 item 7): links rejected ("not the same fact") and links
//! added (two sentences the aligner missed). The engine applies them
//! ([`parallax::report::Corrections`]); here are the page's plain rules for keeping them in
//! step with the articles, storing them and saying what they are. No DOM; tested natively.

use parallax::report::{Corrections, LinkRef};

/// Records that the reader rejected `link`; a link the reader had added is simply taken back.
///
/// # Example
///
/// ```
/// use parallax::report::{Corrections, LinkRef};
/// use parallax_web::corrections::{add, reject};
/// let mut c = Corrections::default();
/// reject(&mut c, LinkRef::new([1, 0], vec![3], vec![2]));
/// assert_eq!(c.rejected, [LinkRef::new([0, 1], vec![2], vec![3])]);
/// add(&mut c, LinkRef::new([0, 2], vec![1], vec![4]));
/// reject(&mut c, LinkRef::new([0, 2], vec![1], vec![4]));
/// assert!(c.added.is_empty());
/// ```
pub fn reject(corrections: &mut Corrections, link: LinkRef) {
    let link = link.normalized();
    let before = corrections.added.len();
    corrections.added.retain(|l| *l != link);
    if corrections.added.len() == before && !corrections.rejected.contains(&link) {
        corrections.rejected.push(link);
    }
}

/// Records that the reader joined the sentences of `link`; a rejection of the same link is
/// taken back instead.
pub fn add(corrections: &mut Corrections, link: LinkRef) {
    let link = link.normalized();
    let before = corrections.rejected.len();
    corrections.rejected.retain(|l| *l != link);
    if corrections.rejected.len() == before && !corrections.added.contains(&link) {
        corrections.added.push(link);
    }
}

/// The corrections that still hold once article `doc`'s text changed: those about it go (its
/// sentences are numbered anew).
///
/// # Example
///
/// ```
/// use parallax::report::{Corrections, LinkRef};
/// use parallax_web::corrections::without_doc;
/// let c = Corrections {
///     rejected: vec![LinkRef::new([0, 1], vec![0], vec![0]), LinkRef::new([1, 2], vec![1], vec![1])],
///     added: vec![],
/// };
/// assert_eq!(without_doc(&c, 0).rejected, [LinkRef::new([1, 2], vec![1], vec![1])]);
/// ```
#[must_use]
pub fn without_doc(corrections: &Corrections, doc: usize) -> Corrections {
    let keep = |l: &&LinkRef| !l.docs.contains(&doc);
    Corrections {
        rejected: corrections.rejected.iter().filter(keep).cloned().collect(),
        added: corrections.added.iter().filter(keep).cloned().collect(),
    }
}

/// The corrections once article `doc` is removed: those about it go, and the articles after
/// it move up one place.
#[must_use]
pub fn after_removal(corrections: &Corrections, doc: usize) -> Corrections {
    let shift = |l: &LinkRef| LinkRef {
        docs: l.docs.map(|d| if d > doc { d - 1 } else { d }),
        ..l.clone()
    };
    let kept = without_doc(corrections, doc);
    Corrections {
        rejected: kept.rejected.iter().map(shift).collect(),
        added: kept.added.iter().map(shift).collect(),
    }
}

/// The corrections once a removed article is put back at `doc`: the articles from there on
/// move down one place.
#[must_use]
pub fn after_insertion(corrections: &Corrections, doc: usize) -> Corrections {
    let shift = |l: &LinkRef| LinkRef {
        docs: l.docs.map(|d| if d >= doc { d + 1 } else { d }),
        ..l.clone()
    };
    Corrections {
        rejected: corrections.rejected.iter().map(shift).collect(),
        added: corrections.added.iter().map(shift).collect(),
    }
}

/// What the reader changed, in words: "1 link rejected, 2 added by you".
///
/// # Example
///
/// ```
/// use parallax::report::{Corrections, LinkRef};
/// use parallax_web::corrections::describe;
/// let one = LinkRef::new([0, 1], vec![0], vec![0]);
/// let c = Corrections { rejected: vec![one.clone()], added: vec![] };
/// assert_eq!(describe(&c), "1 link you rejected");
/// let c = Corrections { rejected: vec![one.clone()], added: vec![one.clone(), one] };
/// assert_eq!(describe(&c), "1 link you rejected, 2 links you added");
/// ```
pub fn describe(corrections: &Corrections) -> String {
    let count = |n: usize, what: &str| match n {
        0 => None,
        1 => Some(format!("1 link you {what}")),
        n => Some(format!("{n} links you {what}")),
    };
    [
        count(corrections.rejected.len(), "rejected"),
        count(corrections.added.len(), "added"),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The stored form (JSON, the report's `corrections` shape).
pub fn encode(corrections: &Corrections) -> String {
    crate::json::write_corrections(corrections)
}

/// Reads the stored form; anything unreadable is no corrections.
pub fn decode(stored: &str) -> Corrections {
    crate::json::corrections(stored).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn link(docs: [usize; 2], left: usize, right: usize) -> LinkRef {
        LinkRef::new(docs, vec![left], vec![right])
    }

    #[test]
    fn rejecting_and_adding_undo_each_other_and_never_repeat() {
        let mut c = Corrections::default();
        reject(&mut c, link([0, 1], 2, 3));
        reject(&mut c, link([1, 0], 3, 2));
        assert_eq!(
            c.rejected.len(),
            1,
            "the same link, given from its other side"
        );
        add(&mut c, link([0, 1], 2, 3));
        assert!(
            c.is_empty(),
            "adding a rejected link takes the rejection back: {c:?}"
        );
        add(&mut c, link([0, 2], 0, 0));
        add(&mut c, link([0, 2], 0, 0));
        assert_eq!(c.added.len(), 1);
    }

    #[test]
    fn removing_and_inserting_articles_renumbers_the_others() {
        let c = Corrections {
            rejected: vec![link([0, 3], 1, 1), link([1, 2], 0, 0)],
            added: vec![link([2, 3], 4, 5)],
        };
        let removed = after_removal(&c, 1);
        assert_eq!(removed.rejected, [link([0, 2], 1, 1)]);
        assert_eq!(removed.added, [link([1, 2], 4, 5)]);
        let back = after_insertion(&removed, 1);
        assert_eq!(back.rejected, [link([0, 3], 1, 1)]);
        assert_eq!(back.added, [link([2, 3], 4, 5)]);
    }

    #[test]
    fn stored_corrections_round_trip_and_junk_is_none() {
        let c = Corrections {
            rejected: vec![link([0, 1], 1, 2)],
            added: vec![link([1, 4], 0, 7)],
        };
        assert_eq!(decode(&encode(&c)), c);
        assert!(decode("{not json").is_empty());
        assert!(decode("").is_empty());
        assert_eq!(describe(&Corrections::default()), "");
    }
}
