//! Discrepancy flags: the facts both sides of a link state (numbers, dates, names, quotations,
//! attributions) and where they disagree.
//!
//! The module is pure and stands apart from the report: [`compare_sides`] takes two [`Side`]s
//! (a text and the byte ranges of the link's sentences in it) and returns [`Flag`]s whose
//! spans are byte ranges into those texts. Each detector extracts facts per side, pairs them
//! across sides by a context key (the noun after a number, the title before a name, the quote's
//! words), and flags only a pair whose values disagree:
//!
//! - [`FlagKind::Number`]: `217 people` / `270 people`; equal values in other forms
//!   (`24` / `twenty-four`, `1,000` / `1.000` in German / `1000`, `$5 million` /
//!   `5 million dollars`) are not flagged, and `at least 200` / `217` agree;
//! - [`FlagKind::Date`]: weekdays, month and day, years, parts of the day and clock times
//!   (`Wednesday` / `Thursday`, `June 19` / `19. Juni`); numbers inside a date are dates;
//! - [`FlagKind::Name`]: the same title filled by different names is a conflict; one name
//!   spelled two ways (`Yury` / `Yuri`, `Choe` / `Choi`) is a [`Severity::Variant`];
//! - [`FlagKind::Quote`]: a quotation of three words or more that the other side quotes with
//!   different words (matched by word overlap, even when split across sentences); a variant
//!   when only function words differ, and one side quoting more of the speech is no change;
//! - [`FlagKind::Attribution`]: the claim said by a different named speaker.
//!
//! Precision matters more than recall: a flag needs a counterpart on the other side with the
//! same context, so a fact stated on one side only, or a doubtful pairing, gives no flag.
//! Relative dates (`a day earlier`) are never flagged, since the engine knows no publication
//! date to resolve them against.

mod attribution;
mod dates;
mod names;
mod numbers;
mod quotes;
mod words;

use crate::order;
use crate::similarity::word_overlap_of;
use crate::tokenize::Language;
use std::ops::{Deref, Range};
use words::Prepared;
pub(crate) use words::Tokenized;

/// The least content-word overlap ([`word_overlap`]) at which two sides count as one claim, so
/// that a different speaker or a different holder of a title is a conflict.
const SAME_CLAIM: f64 = 0.4;

/// One side of a link: the text and the byte ranges of the link's sentences in that text.
///
/// Ranges that are out of bounds, not on character boundaries, or overlap an earlier range are
/// ignored, so any input is safe.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Side<'a> {
    /// The whole text the sentence ranges point into (an article, or just the link's text).
    pub text: &'a str,
    /// Byte ranges of the link's sentences in `text`, in reading order.
    pub sentences: &'a [Range<usize>],
}

/// What kind of fact a flag is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum FlagKind {
    /// A count, amount or measure with its noun or unit: `217 people`, `$5 million`, `twice`.
    Number,
    /// A weekday, calendar date, year, part of the day or clock time.
    Date,
    /// The name of a person, place or organisation.
    Name,
    /// The words of a direct quotation.
    Quote,
    /// Who a claim is attributed to.
    Attribution,
}

impl FlagKind {
    /// The kind's stable name, as serialized: `number`, `date`, `name`, `quote`,
    /// `attribution`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(parallax::flags::FlagKind::Attribution.name(), "attribution");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            FlagKind::Number => "number",
            FlagKind::Date => "date",
            FlagKind::Name => "name",
            FlagKind::Quote => "quote",
            FlagKind::Attribution => "attribution",
        }
    }
}

/// How much a flag matters to a reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Severity {
    /// The two sides state different facts.
    Conflict,
    /// The same fact in another form worth a quiet note, such as a name's other spelling.
    Variant,
}

impl Severity {
    /// The severity's stable name, as serialized: `conflict` or `variant`.
    ///
    /// # Example
    ///
    /// ```
    /// assert_eq!(parallax::flags::Severity::Variant.name(), "variant");
    /// ```
    pub fn name(self) -> &'static str {
        match self {
            Severity::Conflict => "conflict",
            Severity::Variant => "variant",
        }
    }
}

/// One disagreement between the two sides of a link.
#[derive(Debug, Clone, PartialEq, Eq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub struct Flag {
    /// What kind of fact disagrees.
    pub kind: FlagKind,
    /// Whether it is a conflict or a variant.
    pub severity: Severity,
    /// `[start, end]` byte range of the fact in the left text, inside one of its sentences.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub left: Option<[usize; 2]>,
    /// `[start, end]` byte range of the fact in the right text, inside one of its sentences.
    #[cfg_attr(
        feature = "serde",
        serde(default, skip_serializing_if = "Option::is_none")
    )]
    pub right: Option<[usize; 2]>,
    /// A short human note: `217 ≠ 270`, `Yury / Yuri (spelling)`.
    pub note: String,
}

/// Finds the facts both sides state that disagree.
///
/// Deterministic, never panics, and returns flags sorted by left start, then right start. Every
/// span lies on character boundaries inside one of its side's sentence ranges. Identical sides
/// give no flags.
///
/// # Example: a changed death toll and a respelled name
///
/// ```
/// use parallax::flags::{compare_sides, FlagKind, Severity, Side};
///
/// let left = "Officials said at least 217 people died. Envoy Yury Ushakov arrived.";
/// let right = "Officials said at least 270 people died. Envoy Yuri Ushakov arrived.";
/// // Both texts have their sentences at the same bytes here.
/// let sentences = [0..40, 41..left.len()];
/// let flags = compare_sides(
///     &Side { text: left, sentences: &sentences },
///     &Side { text: right, sentences: &sentences },
/// );
/// assert_eq!(flags.len(), 2);
/// assert_eq!((flags[0].kind, flags[0].severity), (FlagKind::Number, Severity::Conflict));
/// assert_eq!(flags[0].note, "217 ≠ 270");
/// assert_eq!(flags[0].left, Some([24, 27]));
/// assert_eq!((flags[1].kind, flags[1].severity), (FlagKind::Name, Severity::Variant));
/// assert_eq!(flags[1].note, "Yury / Yuri (spelling)");
/// ```
pub fn compare_sides(left: &Side<'_>, right: &Side<'_>) -> Vec<Flag> {
    compare_sides_in(left, right, [None, None])
}

/// [`compare_sides`] for sides whose whole texts' languages are known: `languages[0]` is
/// [`crate::tokenize::detect_language`] of `left.text`, `languages[1]` of `right.text` (as
/// [`crate::prepare::Prepared::language`] holds for an article's cleaned text).
///
/// Gives the same flags as [`compare_sides`]; it only spares detecting the language of a
/// whole text again for every link whose own sentences say too little to tell.
///
/// # Example: the same flags
///
/// ```
/// use parallax::flags::{compare_sides, compare_sides_in, Side};
/// use parallax::tokenize::detect_language;
///
/// let (left, right) = ("Rain: 217 people.", "Rain: 270 people.");
/// let sentences = [0..left.len()];
/// let (l, r) = (
///     Side { text: left, sentences: &sentences },
///     Side { text: right, sentences: &sentences },
/// );
/// let languages = [detect_language(left), detect_language(right)];
/// assert_eq!(compare_sides_in(&l, &r, languages.map(Some)), compare_sides(&l, &r));
/// ```
pub fn compare_sides_in(
    left: &Side<'_>,
    right: &Side<'_>,
    languages: [Option<Language>; 2],
) -> Vec<Flag> {
    compare_sides_tokenized(left, right, languages, [None, None])
}

/// [`compare_sides_in`] reusing the tokens the caller holds for each side's sentences (see
/// [`Tokenized`]): the same flags, without tokenizing the sentences again.
pub(crate) fn compare_sides_tokenized(
    left: &Side<'_>,
    right: &Side<'_>,
    languages: [Option<Language>; 2],
    known: [Option<&Tokenized<'_>>; 2],
) -> Vec<Flag> {
    let left = Prepared::with_tokens(left, languages[0], known[0]);
    let right = Prepared::with_tokens(right, languages[1], known[1]);
    let left_dates = dates::extract(&left);
    let right_dates = dates::extract(&right);
    let mut flags = dates::compare(&left, &right, &left_dates, &right_dates);
    flags.extend(numbers::compare(
        &left,
        &right,
        &left_dates.claimed,
        &right_dates.claimed,
    ));
    // Names and speakers carry no context of their own: compare them only when the two sides
    // say much the same thing.
    let same_claim = word_overlap_of(
        left.tokens.iter().map(Deref::deref),
        right.tokens.iter().map(Deref::deref),
    ) >= SAME_CLAIM;
    let left_names = names::extract(&left, &right);
    let right_names = names::extract(&right, &left);
    flags.extend(names::compare(&left_names, &right_names, same_claim));
    flags.extend(quotes::compare(&left, &right));
    if same_claim {
        flags.extend(attribution::compare(&left, &right));
    }
    finish(flags, &left, &right)
}

/// Keeps only flags whose spans are valid, then sorts them and drops duplicates.
fn finish(flags: Vec<Flag>, left: &Prepared<'_>, right: &Prepared<'_>) -> Vec<Flag> {
    let mut flags: Vec<Flag> = flags
        .into_iter()
        .filter(|f| left.valid_span(f.left) && right.valid_span(f.right))
        .filter(|f| f.left.is_some() || f.right.is_some())
        .collect();
    order::sort_by(&mut flags, |a, b| {
        let key = |f: &Flag| (f.left, f.right, f.kind, f.severity);
        key(a).cmp(&key(b)).then_with(|| a.note.cmp(&b.note))
    });
    flags.dedup();
    flags
}

/// A flag from two byte ranges.
fn flag(
    kind: FlagKind,
    severity: Severity,
    left: &Range<usize>,
    right: &Range<usize>,
    note: String,
) -> Flag {
    Flag {
        kind,
        severity,
        left: Some([left.start, left.end]),
        right: Some([right.start, right.end]),
        note,
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_article;
#[cfg(test)]
mod tests_props;
