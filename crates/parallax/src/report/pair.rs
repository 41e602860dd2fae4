//! Cutting the two-article report of one pair out of an N-article report.

use super::stats::unmatched;
use super::{Cluster, Corrections, DiffOp, Flag, Link, LinkRef, Member, Report, Span, Stats};

impl Report {
    /// The report of documents `a` (left) and `b` (right) alone, as a two-article comparison
    /// of them would read: their two documents (keeping their `id`s), the links between them
    /// with `docs = [0, 1]` (mirrored when `a > b`: sides, diff operations and ranges swapped;
    /// flag notes keep their wording), the clusters' parts in these two, coverage and
    /// unmatched sentences within the pair, the pair's summary numbers and the reader's
    /// corrections of this pair (with `docs = [0, 1]`, mirrored like the links).
    ///
    /// `None` when `a == b` or either is not a document of the report.
    pub fn pair(&self, a: usize, b: usize) -> Option<Report> {
        if a == b || a >= self.documents.len() || b >= self.documents.len() {
            return None;
        }
        let documents = vec![self.documents[a].clone(), self.documents[b].clone()];
        let mut links: Vec<Link> = self
            .links
            .iter()
            .filter_map(|link| match link.docs {
                docs if docs == [a, b] => Some(Link {
                    docs: [0, 1],
                    ..link.clone()
                }),
                docs if docs == [b, a] => Some(Link {
                    docs: [0, 1],
                    ..link.mirrored()
                }),
                _ => None,
            })
            .collect();
        // The program's one stable sort (crate::order), not another copy of the standard one.
        crate::order::sort_by(&mut links, |x, y| {
            (&x.left, &x.right).cmp(&(&y.left, &y.right))
        });
        // Coverage within the pair is the N-article coverage of these two documents alone.
        let coverage = crate::nway::coverage(&documents, &links);
        let unmatched = unmatched(&documents, &links);
        let mut clusters: Vec<Cluster> = self
            .clusters
            .iter()
            .filter_map(|c| {
                let (left, right) = (c.sentences_of(a), c.sentences_of(b));
                (!left.is_empty() && !right.is_empty()).then(|| Cluster {
                    members: vec![
                        Member {
                            doc: 0,
                            sentences: left.to_vec(),
                        },
                        Member {
                            doc: 1,
                            sentences: right.to_vec(),
                        },
                    ],
                    score: c.score,
                })
            })
            .collect();
        crate::order::sort_by_key(&mut clusters, |c| {
            (
                c.members[0].sentences.first().copied(),
                c.members[1].sentences.first().copied(),
            )
        });
        let stats = Stats::of(&documents, &links);
        let of_pair = |refs: &[LinkRef]| -> Vec<LinkRef> {
            let mut refs: Vec<LinkRef> = refs
                .iter()
                .filter_map(|r| match r.docs {
                    docs if docs == [a, b] => {
                        Some(LinkRef::new([0, 1], r.left.clone(), r.right.clone()))
                    }
                    docs if docs == [b, a] => {
                        Some(LinkRef::new([0, 1], r.right.clone(), r.left.clone()))
                    }
                    _ => None,
                })
                .collect();
            crate::order::sort(&mut refs);
            refs
        };
        let corrections = Corrections {
            rejected: of_pair(&self.corrections.rejected),
            added: of_pair(&self.corrections.added),
        };
        Some(Report {
            format: self.format.clone(),
            version: self.version,
            documents,
            links,
            clusters,
            coverage,
            unmatched,
            stats,
            corrections,
        })
    }
}

impl Link {
    /// The same link seen from the other side: `docs`, sentences and every range swapped,
    /// insertions and deletions exchanged. Flag notes keep their wording.
    #[must_use]
    pub fn mirrored(&self) -> Link {
        Link {
            docs: [self.docs[1], self.docs[0]],
            left: self.right.clone(),
            right: self.left.clone(),
            score: self.score,
            kind: self.kind,
            diff: self.diff.iter().map(Span::mirrored).collect(),
            flags: self.flags.iter().map(Flag::mirrored).collect(),
            by_reader: self.by_reader,
        }
    }
}

impl Span {
    /// The span seen from the other side.
    #[must_use]
    pub fn mirrored(&self) -> Span {
        Span {
            op: match self.op {
                DiffOp::Insert => DiffOp::Delete,
                DiffOp::Delete => DiffOp::Insert,
                op => op,
            },
            left: self.right,
            right: self.left,
            left_clean: self.right_clean,
            right_clean: self.left_clean,
        }
    }
}

impl Flag {
    /// The flag seen from the other side (the note keeps its wording).
    #[must_use]
    pub fn mirrored(&self) -> Flag {
        Flag {
            left: self.right,
            right: self.left,
            left_clean: self.right_clean,
            right_clean: self.left_clean,
            ..self.clone()
        }
    }
}
