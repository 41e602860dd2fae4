//! The types of a row: what it shows, and each sentence cut into marked pieces.

use crate::discrepancy::FlagView;
use parallax::report::{LinkKind, SentenceKind};

/// What a row shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum RowKind {
    /// Linked sentences of this kind.
    Link(LinkKind),
    /// A left sentence with no counterpart.
    OnlyLeft,
    /// A right sentence with no counterpart.
    OnlyRight,
}

impl RowKind {
    /// Every kind a row can show, in the order summaries list them.
    pub const ALL: [RowKind; 6] = [
        RowKind::Link(LinkKind::Identical),
        RowKind::Link(LinkKind::Minor),
        RowKind::Link(LinkKind::Paraphrase),
        RowKind::Link(LinkKind::Partial),
        RowKind::OnlyLeft,
        RowKind::OnlyRight,
    ];

    /// The stable name used in `data-link` attributes and CSS classes: `identical`, `minor`,
    /// `paraphrase`, `partial`, `only-left`, `only-right`.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax_view::RowKind;
    /// assert_eq!(RowKind::OnlyLeft.name(), "only-left");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            RowKind::Link(LinkKind::Identical) => "identical",
            RowKind::Link(LinkKind::Minor) => "minor",
            RowKind::Link(LinkKind::Paraphrase) => "paraphrase",
            RowKind::Link(_) => "partial",
            RowKind::OnlyLeft => "only-left",
            RowKind::OnlyRight => "only-right",
        }
    }

    /// The label shown to the reader: like [`RowKind::name`] with a space for the hyphen.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax_view::RowKind;
    /// assert_eq!(RowKind::OnlyRight.label(), "only right");
    /// ```
    pub fn label(self) -> &'static str {
        match self {
            RowKind::OnlyLeft => "only left",
            RowKind::OnlyRight => "only right",
            kind @ RowKind::Link(_) => kind.name(),
        }
    }

    /// Whether the row is identical on both sides.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax::report::LinkKind;
    /// use parallax_view::RowKind;
    /// assert!(RowKind::Link(LinkKind::Identical).is_identical());
    /// assert!(!RowKind::OnlyLeft.is_identical());
    /// ```
    pub fn is_identical(self) -> bool {
        self == RowKind::Link(LinkKind::Identical)
    }

    /// Folds link kinds this version does not know into `partial`, so counts match the badges.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax::report::LinkKind;
    /// use parallax_view::RowKind;
    /// assert_eq!(RowKind::OnlyLeft.normalized(), RowKind::OnlyLeft);
    /// assert_eq!(RowKind::Link(LinkKind::Minor).normalized(), RowKind::Link(LinkKind::Minor));
    /// ```
    #[must_use]
    pub fn normalized(self) -> RowKind {
        match self {
            RowKind::Link(
                kind @ (LinkKind::Identical | LinkKind::Minor | LinkKind::Paraphrase),
            ) => RowKind::Link(kind),
            RowKind::Link(_) => RowKind::Link(LinkKind::Partial),
            other => other,
        }
    }
}

/// How a piece of text is marked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Present on both sides, or outside any diff.
    Same,
    /// Only on the left (deleted or replaced): shown struck through.
    Removed,
    /// Only on the right (inserted or replacing): shown underlined.
    Added,
    /// Only on this side, in the quiet "what they share" display ([`SentenceView::shares`]):
    /// a content word (a name, a number, a noun or verb) the other side lacks. Shown with a
    /// neutral highlight ("only here"), never struck through; differing function words
    /// ("the", "of", "und") are left [`Mark::Same`] in that display.
    Only,
}

/// Which of a sentence's two markings a row shows by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum RowDisplay {
    /// The word diff ([`SentenceView::pieces`]): identical and minor links, unmatched sentences.
    #[default]
    Diff,
    /// What the sentences share, quietly, with only the content words one side adds marked
    /// [`Mark::Only`] ([`SentenceView::shares`]): paraphrase and partial links. Renderers
    /// offer the word diff one click away.
    Shares,
}

impl RowDisplay {
    /// The default display of a row of this kind: [`RowDisplay::Shares`] for paraphrase and
    /// partial links (and kinds this version does not know), [`RowDisplay::Diff`] otherwise.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax::report::LinkKind;
    /// use parallax_view::{RowDisplay, RowKind};
    /// assert_eq!(RowDisplay::of(RowKind::Link(LinkKind::Minor)), RowDisplay::Diff);
    /// assert_eq!(RowDisplay::of(RowKind::Link(LinkKind::Paraphrase)), RowDisplay::Shares);
    /// ```
    pub fn of(kind: RowKind) -> Self {
        match kind.normalized() {
            RowKind::Link(LinkKind::Paraphrase | LinkKind::Partial) => RowDisplay::Shares,
            _ => RowDisplay::Diff,
        }
    }

    /// The stable name used in `data-display` attributes: `diff` or `shares`.
    pub fn name(self) -> &'static str {
        match self {
            RowDisplay::Diff => "diff",
            RowDisplay::Shares => "shares",
        }
    }
}

/// A run of text with one mark.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// The cleaned text: mojibake repaired, invisible characters dropped, white space runs
    /// made one space.
    pub text: String,
    /// How it is marked.
    pub mark: Mark,
}

/// One sentence as shown in a cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SentenceView {
    /// Index of the article: 0 left, 1 right.
    pub doc: usize,
    /// Index of the sentence in its article.
    pub sentence: usize,
    /// The sentence's role in its article (headline, body, caption, ...).
    pub kind: SentenceKind,
    /// The sentence cut into pieces marked by the word diff ([`Mark::Same`],
    /// [`Mark::Removed`] on the left, [`Mark::Added`] on the right), in order.
    pub pieces: Vec<Piece>,
    /// The same text in the quiet display: [`Mark::Same`] for what both sides share and for
    /// differing function words and punctuation, [`Mark::Only`] for the content words only
    /// this side has. Computed from `pieces`; equal to it for an unmarked sentence.
    pub shares: Vec<Piece>,
    /// Index into the report's links of the link whose word diff marks this sentence: the
    /// best link of its row that holds it. `None` for an unmatched sentence.
    pub link: Option<usize>,
    /// Whether that link is only a possible match (score below
    /// [`parallax::report::SURE_FROM`]). In a row of several links a sentence's own link may
    /// be unsure while the row's best link is sure (a headline weakly linked to the lead
    /// sentence of a sure paraphrase): renderers then say so beside the sentence.
    pub unsure: bool,
}

impl SentenceView {
    /// The sentence's role as a CSS-friendly name (see [`role_name`]).
    pub fn role_name(&self) -> &'static str {
        role_name(self.kind)
    }

    /// The shown text: every piece joined.
    pub fn text(&self) -> String {
        self.pieces.iter().map(|p| p.text.as_str()).collect()
    }

    /// The pieces of one display: [`SentenceView::pieces`] or [`SentenceView::shares`].
    pub fn pieces_for(&self, display: RowDisplay) -> &[Piece] {
        match display {
            RowDisplay::Diff => &self.pieces,
            RowDisplay::Shares => &self.shares,
        }
    }
}

/// The role of a sentence as a CSS-friendly name: `headline`, `caption`, `byline`,
/// `boilerplate` or `body`.
///
/// # Example
///
/// ```
/// use parallax::report::SentenceKind;
/// assert_eq!(parallax_view::role_name(SentenceKind::Headline), "headline");
/// ```
pub fn role_name(role: SentenceKind) -> &'static str {
    match role {
        SentenceKind::Headline => "headline",
        SentenceKind::Caption => "caption",
        SentenceKind::Byline => "byline",
        SentenceKind::Boilerplate => "boilerplate",
        _ => "body",
    }
}

/// Where a right sentence shown out of its own order really sits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Moved {
    /// Index of the (first) right sentence of the row.
    pub sentence: usize,
    /// Its paragraph in the right article, counted from 1 (the report's paragraph + 1).
    pub paragraph: usize,
}

/// One row of the side-by-side view; an empty side is an empty cell.
///
/// A link row shows a connected group of links: every link of the report that shares a
/// sentence with another link of the row is in the same row, so each sentence appears in
/// exactly one row (see the crate documentation).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row shows: the kind of the best link ([`Row::link`]).
    pub kind: RowKind,
    /// Index into [`Report::links`](parallax::report::Report::links) of the row's best link
    /// (the first of [`Row::links`]); `None` for an unmatched sentence.
    pub link: Option<usize>,
    /// Every link of the row, as indices into the report's links, best first: links with
    /// sentences on both sides before one-sided ones, then by score (highest first), then in
    /// the report's order. Empty for an unmatched sentence.
    pub links: Vec<usize>,
    /// Similarity of the best link in `[0, 1]`, `None` for an unmatched sentence.
    pub score: Option<f64>,
    /// Which marking renderers show by default ([`RowDisplay::of`] the row's kind).
    pub display: RowDisplay,
    /// Left sentences.
    pub left: Vec<SentenceView>,
    /// Right sentences.
    pub right: Vec<SentenceView>,
    /// Set when the right side sits elsewhere in the right article's own order.
    pub moved: Option<Moved>,
    /// Whether every sentence in the row is page furniture (kind `boilerplate`).
    pub boilerplate: bool,
    /// The discrepancy flags of all the row's links, deduplicated: the best link's first, each
    /// link's in the report's order (empty for an unmatched sentence).
    pub flags: Vec<FlagView>,
    /// Whether the reader added one of the row's links (the report's `by_reader`).
    pub by_reader: bool,
}

impl Row {
    /// Whether the row's link is only a possible match (score below
    /// [`parallax::report::SURE_FROM`]): renderers show it lighter, labelled "possible match".
    pub fn is_unsure(&self) -> bool {
        self.score.is_some_and(|s| s < parallax::report::SURE_FROM)
    }

    /// Whether the row counts as a difference: anything but an identical row of one link in
    /// its own place without discrepancy flags. (A sentence with an identical partner and
    /// another, looser one is a difference.)
    pub fn is_change(&self) -> bool {
        !self.kind.is_identical()
            || self.moved.is_some()
            || !self.flags.is_empty()
            || self.links.len() > 1
    }
}
