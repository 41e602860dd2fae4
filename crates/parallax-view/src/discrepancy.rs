//! The discrepancy flags of a row's link, as renderers show them: names, note and the flagged
//! words cut from each side's shown text.

use parallax::report::{Flag, SentenceReport, TextRange};

/// One flagged fact of a row: a number, date, name, quotation or attribution the two sides
/// state differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagView {
    /// The kind's stable name: `number`, `date`, `name`, `quote` or `attribution`.
    pub kind: &'static str,
    /// The severity's stable name: `conflict` or `variant`.
    pub severity: &'static str,
    /// The engine's short note, such as `217 ≠ 270` or `Yury / Yuri (spelling)`.
    pub note: String,
    /// Where the fact sits on the left, when the left side states it.
    pub left: Option<FlagSpot>,
    /// Where the fact sits on the right, when the right side states it.
    pub right: Option<FlagSpot>,
}

impl FlagView {
    /// Whether the flag is a conflict (the sides state different facts), not a variant.
    pub fn is_conflict(&self) -> bool {
        self.severity == "conflict"
    }

    /// The chip text: kind and note, e.g. `number: 217 ≠ 270`.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax::{compare, Article, Options};
    /// let report = compare(
    ///     &Article::new("L", "Officials said at least 217 people died in the floods."),
    ///     &Article::new("R", "Officials said at least 270 people died in the floods."),
    ///     &Options::default(),
    /// );
    /// let rows = parallax_view::rows(&report);
    /// assert_eq!(rows[0].flags[0].label(), "number: 217 ≠ 270");
    /// ```
    pub fn label(&self) -> String {
        format!("{}: {}", self.kind, self.note)
    }
}

/// The flagged words of one side: the sentence holding them and their place in its shown text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FlagSpot {
    /// Index of the sentence in its article (one of the row's sentences on that side).
    pub sentence: usize,
    /// Byte range of the flagged words in that sentence's shown text (`clean`).
    pub range: TextRange,
    /// The flagged words as shown.
    pub text: String,
}

/// The flags of one link as views; `left` and `right` are the row's sentences on each side.
pub(crate) fn flag_views(
    flags: &[Flag],
    left: &[(usize, &SentenceReport)],
    right: &[(usize, &SentenceReport)],
) -> Vec<FlagView> {
    flags
        .iter()
        .map(|f| FlagView {
            kind: f.kind.name(),
            severity: f.severity.name(),
            note: f.note.clone(),
            left: f.left_clean.and_then(|r| spot(r, left)),
            right: f.right_clean.and_then(|r| spot(r, right)),
        })
        .collect()
}

/// The sentence among `sentences` whose stretch of the shown text holds `range`, and the part
/// of its `clean` that the range covers; `None` when no sentence holds it whole or the offsets
/// are off a character boundary (a hand-edited report).
fn spot(range: TextRange, sentences: &[(usize, &SentenceReport)]) -> Option<FlagSpot> {
    let [start, end] = range;
    sentences.iter().find_map(|&(index, s)| {
        let [from, to] = s.clean_range();
        if start < from || end > to || start >= end {
            return None;
        }
        let local = [start - from, end - from];
        let text = s.clean.get(local[0]..local[1])?;
        Some(FlagSpot {
            sentence: index,
            range: local,
            text: text.to_owned(),
        })
    })
}
