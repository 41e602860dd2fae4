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
    /// The sentence cut into marked pieces, in order.
    pub pieces: Vec<Piece>,
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
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What the row shows.
    pub kind: RowKind,
    /// Index into [`Report::links`] for a link row.
    pub link: Option<usize>,
    /// Similarity of a link in `[0, 1]`, `None` for an unmatched sentence.
    pub score: Option<f64>,
    /// Left sentences.
    pub left: Vec<SentenceView>,
    /// Right sentences.
    pub right: Vec<SentenceView>,
    /// Set when the right side sits elsewhere in the right article's own order.
    pub moved: Option<Moved>,
    /// Whether every sentence in the row is page furniture (kind `boilerplate`).
    pub boilerplate: bool,
    /// The discrepancy flags of the row's link, in the report's order (empty for an
    /// unmatched sentence).
    pub flags: Vec<FlagView>,
}

impl Row {
    /// Whether the row's link is only a possible match (score below
    /// [`parallax::report::SURE_FROM`]): renderers show it lighter, labelled "possible match".
    pub fn is_unsure(&self) -> bool {
        self.score.is_some_and(|s| s < parallax::report::SURE_FROM)
    }

    /// Whether the row counts as a difference: anything but an identical row in its own place
    /// without discrepancy flags.
    pub fn is_change(&self) -> bool {
        !self.kind.is_identical() || self.moved.is_some() || !self.flags.is_empty()
    }
}
