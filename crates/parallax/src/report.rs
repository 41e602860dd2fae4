//! The report: the one hand-off type between the engine and every renderer.
//!
//! It serializes (with the `serde` feature) to the documented JSON format
//! `{"format":"parallax-report","version":2,...}`: N articles (two or more), the links of
//! every pair of them, the fact clusters built from those links and the coverage between
//! articles. [`Report::pair`] cuts out the two-article report of one pair, which is what the
//! pair views (aligned rows, ribbons) read. All offsets are UTF-8 byte offsets into
//! the inputs as given (not into the cleaned text the engine works on), so a renderer can
//! highlight the reader's own text.
//!
//! The report is display-complete: a renderer needs nothing but it. Each sentence carries the
//! text a reader is shown (`clean`) and its paragraph, and each diff span also carries its
//! range in the *shown text* of its document: the `clean` of every sentence joined by one
//! line feed, where [`SentenceReport::clean_start`] says where each sentence begins. A
//! renderer marks a sentence by intersecting spans with that sentence's stretch of the shown
//! text; it never re-runs a stage of the engine.
//!
//! Each link also carries its discrepancy [`Flag`]s: facts (numbers, dates, names, quotations,
//! attributions) that the two sides state differently, found by [`crate::flags`] on the
//! cleaned text and mapped like diff spans (original ranges and shown-text ranges).
//!
//! A reader may correct the links ([`Corrections`]: links rejected, links added); a report made
//! with them ([`crate::compare_all_corrected`]) marks the reader's links ([`Link::by_reader`])
//! and records the corrections applied ([`Report::corrections`]).
//!
//! The types a renderer names ([`LinkKind`], [`SentenceKind`], [`DiffOp`], [`FlagKind`],
//! [`Severity`]) are re-exported here, so renderers import only this module.

pub use crate::align::LinkKind;
pub use crate::diff::DiffOp;
pub use crate::flags::{FlagKind, Severity};
/// Renderers drop or show these in text the report does not clean (names).
pub use crate::normalize::is_bidi_control;
pub use crate::segment::SentenceKind;
use std::collections::BTreeMap;

mod pair;
pub(crate) mod stats;

/// A byte range `[start, end]`: the one range type of the report.
pub type TextRange = [usize; 2];

/// The `format` tag every report carries.
pub const FORMAT: &str = "parallax-report";
/// The report format's version; bumped on any incompatible change.
pub const VERSION: u32 = 2;

/// Everything a renderer needs to show a comparison.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Report {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`VERSION`] for reports made by this engine.
    pub version: u32,
    /// The compared articles in the order given; a document's position here is its `id`.
    pub documents: Vec<DocumentReport>,
    /// Links between sentences of two articles: sorted by their pair of documents, then in
    /// the first document's order.
    pub links: Vec<Link>,
    /// Fact clusters: sentences across the articles that tell the same fact, built from the
    /// links. Each sentence is in at most one cluster.
    #[cfg_attr(feature = "serde", serde(default))]
    pub clusters: Vec<Cluster>,
    /// How much of each article the others carry, and what only one carries.
    #[cfg_attr(feature = "serde", serde(default))]
    pub coverage: Coverage,
    /// For each document, the indices of its sentences that no link covers, ascending.
    pub unmatched: Vec<Vec<usize>>,
    /// Summary numbers.
    pub stats: Stats,
    /// Which links the reader rejected or added ([`crate::compare_all_corrected`]): only the
    /// corrections that changed this report, so a stale one (its sentences gone, its link no
    /// longer made) disappears. Absent from the JSON when there is none.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Corrections::is_empty")
    )]
    pub corrections: Corrections,
}

/// One article as segmented.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct DocumentReport {
    /// The document's number: its position in the comparison's input (kept by
    /// [`Report::pair`], so a pair's documents still say which articles they are).
    #[cfg_attr(feature = "serde", serde(default))]
    pub id: usize,
    /// The name the user gave the article (an outlet, a file name).
    pub name: String,
    /// Its sentences in reading order.
    pub sentences: Vec<SentenceReport>,
}

/// One sentence of an article.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct SentenceReport {
    /// Byte offset of the first byte in the input.
    pub start: usize,
    /// Byte offset one past the last byte in the input.
    pub end: usize,
    /// The original text, `input[start..end]`.
    pub text: String,
    /// The sentence as cleaned for display: mojibake repaired, invisible characters removed
    /// (see [`crate::normalize::clean`]), every run of white space one space.
    pub clean: String,
    /// The sentence's role in the article.
    pub kind: SentenceKind,
    /// The paragraph it belongs to, counted from 0 (every line of the input starts one).
    #[cfg_attr(feature = "serde", serde(default))]
    pub paragraph: usize,
    /// Where `clean` starts in the document's shown text (every sentence's `clean` joined by
    /// one line feed); the `*_clean` ranges of diff spans point into that text.
    #[cfg_attr(feature = "serde", serde(default))]
    pub clean_start: usize,
}

impl SentenceReport {
    /// The sentence's stretch of its document's shown text.
    pub fn clean_range(&self) -> TextRange {
        [
            self.clean_start,
            self.clean_start.saturating_add(self.clean.len()),
        ]
    }
}

/// Sentences of two articles that say the same thing, with their word differences.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Link {
    /// The two documents linked (positions in [`Report::documents`]), the smaller first: the
    /// link's "left" side is `docs[0]`, its "right" side `docs[1]`. Absent in version 1,
    /// where it is always `[0, 1]`.
    #[cfg_attr(feature = "serde", serde(default = "first_pair"))]
    pub docs: [usize; 2],
    /// Sentence indices in the left document, ascending.
    pub left: Vec<usize>,
    /// Sentence indices in the right document, ascending.
    pub right: Vec<usize>,
    /// Similarity in `[0, 1]`.
    pub score: f64,
    /// How closely the sides agree.
    pub kind: LinkKind,
    /// Word-level differences, covering both sides' text in order.
    pub diff: Vec<Span>,
    /// Facts the two sides state differently, sorted by left start, then right start; absent
    /// from the JSON when there is none.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Vec::is_empty")
    )]
    pub flags: Vec<Flag>,
    /// Whether the reader made this link (a [`Corrections::added`] link): it scores 1 and
    /// carries no judgement of the aligner. Absent from the JSON when false.
    #[cfg_attr(feature = "serde", serde(default, skip_serializing_if = "is_false"))]
    pub by_reader: bool,
}

/// A link scoring below this is a *possible* match: its score is the aligner's probability
/// that the link is right, so below one half it is more likely wrong than right. Renderers
/// show such links as uncertain ("possible match"), not as confident paraphrases; the
/// default threshold (0.25) keeps them so a reader can judge.
pub const SURE_FROM: f64 = 0.5;

impl Link {
    /// Whether the link is only a possible match (its score is below [`SURE_FROM`]).
    pub fn is_unsure(&self) -> bool {
        self.score < SURE_FROM
    }

    /// The link's documents and sentences: what a correction names to reject it.
    pub fn reference(&self) -> LinkRef {
        LinkRef::new(self.docs, self.left.clone(), self.right.clone())
    }
}

/// `skip_serializing_if` of [`Link::by_reader`].
#[cfg(feature = "serde")]
#[allow(clippy::trivially_copy_pass_by_ref)]
fn is_false(value: &bool) -> bool {
    !*value
}

/// The reader's corrections of a comparison: links rejected ("not the same fact") and links
/// added (sentences the aligner did not join). [`crate::compare_all_corrected`] applies them;
/// the report it returns lists in [`Report::corrections`] those that changed it.
///
/// # Example: a reader rejects a link
///
/// ```
/// use parallax::report::{Corrections, LinkRef};
/// use parallax::{compare_all, compare_all_corrected, Article, Options};
///
/// let articles = [
///     Article::new("Wire", "The bridge opened on Monday. Crowds cheered."),
///     Article::new("Daily", "Crowds cheered loudly. The bridge opened on Monday."),
/// ];
/// let plain = compare_all(&articles, &Options::default());
/// let corrections = Corrections {
///     rejected: vec![plain.links[0].reference()],
///     ..Corrections::default()
/// };
/// let corrected = compare_all_corrected(&articles, &Options::default(), &corrections);
/// assert_eq!(corrected.links.len(), plain.links.len() - 1);
/// assert_eq!(corrected.corrections, corrections);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Corrections {
    /// Links the reader rejected: each removes the link with exactly these sentences, or,
    /// when there is none, every link of the pair that holds all of them.
    #[cfg_attr(feature = "serde", serde(default))]
    pub rejected: Vec<LinkRef>,
    /// Links the reader added: each becomes a link with exactly these sentences, scored 1 and
    /// marked [`Link::by_reader`], unless the comparison already has that link.
    #[cfg_attr(feature = "serde", serde(default))]
    pub added: Vec<LinkRef>,
}

impl Corrections {
    /// Whether there is no correction at all.
    pub fn is_empty(&self) -> bool {
        self.rejected.is_empty() && self.added.is_empty()
    }
}

/// A link named by its documents and sentences, as a correction names it.
///
/// Normalised by [`LinkRef::new`]: the smaller document first (`left` indexes `docs[0]`),
/// sentence indices ascending without repeats.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct LinkRef {
    /// The two documents (positions in [`Report::documents`]), the smaller first.
    pub docs: [usize; 2],
    /// Sentence indices in `docs[0]`, ascending.
    pub left: Vec<usize>,
    /// Sentence indices in `docs[1]`, ascending.
    pub right: Vec<usize>,
}

impl LinkRef {
    /// The reference of sentences `left` of document `docs[0]` and `right` of `docs[1]`,
    /// normalised: sides swapped when the larger document comes first, indices sorted and
    /// repeats dropped.
    ///
    /// ```
    /// use parallax::report::LinkRef;
    /// let r = LinkRef::new([2, 0], vec![5, 4, 5], vec![1]);
    /// assert_eq!(r, LinkRef { docs: [0, 2], left: vec![1], right: vec![4, 5] });
    /// ```
    pub fn new(docs: [usize; 2], mut left: Vec<usize>, mut right: Vec<usize>) -> Self {
        // Equal indices cannot be told apart, so the program's one (stable) sort gives what
        // an unstable one would, without another copy of the standard sort in the page.
        crate::order::sort(&mut left);
        left.dedup();
        crate::order::sort(&mut right);
        right.dedup();
        if docs[0] > docs[1] {
            Self {
                docs: [docs[1], docs[0]],
                left: right,
                right: left,
            }
        } else {
            Self { docs, left, right }
        }
    }

    /// This reference normalised (see [`LinkRef::new`]).
    #[must_use]
    pub fn normalized(&self) -> Self {
        Self::new(self.docs, self.left.clone(), self.right.clone())
    }
}

/// The pair of a version-1 report's links.
#[cfg(feature = "serde")]
fn first_pair() -> [usize; 2] {
    [0, 1]
}

/// Sentences across the articles that tell one fact: a row of the fact grid.
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Cluster {
    /// The articles that carry the fact, by ascending document, with their sentences
    /// (ascending; several only when they are consecutive parts of one link, as a split).
    pub members: Vec<Member>,
    /// The mean score of the links that join the cluster's sentences directly.
    pub score: f64,
}

impl Cluster {
    /// The sentences of one document in this cluster (empty when it does not carry the fact).
    pub fn sentences_of(&self, doc: usize) -> &[usize] {
        self.members
            .iter()
            .find(|m| m.doc == doc)
            .map_or(&[], |m| m.sentences.as_slice())
    }
}

/// One article's part of a [`Cluster`].
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Member {
    /// The document (position in [`Report::documents`]).
    pub doc: usize,
    /// Its sentences that tell the fact, ascending.
    pub sentences: Vec<usize>,
}

/// Coverage between the articles.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Coverage {
    /// `shared[i][j]`: the share in `[0, 1]` of document `i`'s body words whose sentences
    /// link into document `j` (`1` on the diagonal; `0` for a document without body text).
    pub shared: Vec<Vec<f64>>,
    /// For each document, its body sentences that no other document carries (no link holds
    /// them), ascending.
    pub only: Vec<Vec<usize>>,
}

/// A fact the two sides of a link state differently: a discrepancy flag.
///
/// The ranges are like a diff [`Span`]'s: `left`/`right` are `[start, end]` byte offsets into
/// the inputs, `left_clean`/`right_clean` the same words in the documents' shown text. Each
/// lies inside one of the link's sentences on its side. A side that does not state the fact
/// has no range.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Flag {
    /// What kind of fact disagrees: `number`, `date`, `name`, `quote` or `attribution`.
    pub kind: FlagKind,
    /// `conflict` (different facts) or `variant` (one fact in another form, such as a name's
    /// other spelling).
    pub severity: Severity,
    /// Range of the fact in the left input.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub left: Option<TextRange>,
    /// Range of the fact in the right input.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub right: Option<TextRange>,
    /// The same words in the left document's shown text (see the module documentation).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub left_clean: Option<TextRange>,
    /// The same words in the right document's shown text.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub right_clean: Option<TextRange>,
    /// A short note for the reader: `217 ≠ 270`, `Yury / Yuri (spelling)`.
    pub note: String,
}

/// One stretch of a word diff; ranges are `[start, end]` byte offsets into the inputs.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Span {
    /// What happened to this stretch.
    pub op: DiffOp,
    /// Range in the left input; absent for an insertion.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub left: Option<TextRange>,
    /// Range in the right input; absent for a deletion.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub right: Option<TextRange>,
    /// The same stretch in the left document's shown text (see the module documentation).
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub left_clean: Option<TextRange>,
    /// The same stretch in the right document's shown text.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub right_clean: Option<TextRange>,
}

/// Summary numbers of a comparison.
#[derive(Debug, Clone, PartialEq, Default)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Stats {
    /// For each document, the share in `[0, 1]` of its body text (in bytes of the shown
    /// text, `clean`) that has a counterpart in another document.
    pub matched_share: Vec<f64>,
    /// Number of links of each kind.
    pub link_kinds: BTreeMap<LinkKind, usize>,
    /// Words present only on the right side of links (the later document of each pair).
    pub words_added: usize,
    /// Words present only on the left side of links.
    pub words_removed: usize,
    /// Discrepancy flags over all links.
    #[cfg_attr(feature = "serde", serde(default))]
    pub flags: usize,
}
