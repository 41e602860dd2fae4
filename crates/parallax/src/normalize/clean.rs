//! Cleaning with an offset map: invisible characters, odd spaces and (through [`super::repair`])
//! mojibake, with a map from every cleaned byte back to the original.

use super::repair::repair_edits;
use std::ops::Range;

/// What kind of change [`clean`] made to a stretch of text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum ChangeKind {
    /// An invisible character was removed (soft hyphen, zero-width character, byte-order mark).
    Invisible,
    /// A no-break or other Unicode space became a plain space.
    Space,
    /// A Unicode line or paragraph separator became a line feed.
    LineBreak,
    /// Mojibake was repaired.
    Mojibake,
}

/// One stretch that [`clean`] changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// What was done.
    pub kind: ChangeKind,
    /// Byte range in the original text.
    pub original: Range<usize>,
    /// Byte range in the cleaned text (empty for a removal).
    pub cleaned: Range<usize>,
}

/// A cleaned text and the map from its bytes back to the original text; made by [`clean`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cleaned {
    /// The cleaned text.
    pub text: String,
    /// Pieces that tile both texts in order; see [`Piece`].
    pieces: Vec<Piece>,
    original_len: usize,
}

/// A stretch of the cleaned text and the stretch of the original it came from.
///
/// Pieces tile both texts in order. An identity piece (`kind` is `None`) is the same text on
/// both sides and maps byte for byte; any other piece maps as a whole. A removal is a piece
/// with an empty cleaned range.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Piece {
    clean: Range<usize>,
    original: Range<usize>,
    kind: Option<ChangeKind>,
}

impl Cleaned {
    fn identity(text: &str) -> Self {
        let pieces = if text.is_empty() {
            Vec::new()
        } else {
            vec![Piece {
                clean: 0..text.len(),
                original: 0..text.len(),
                kind: None,
            }]
        };
        Self {
            text: text.to_owned(),
            pieces,
            original_len: text.len(),
        }
    }

    /// Maps a byte range of the cleaned text to the range of the original text it came from.
    ///
    /// The result always lies on character boundaries of the original. A character that
    /// [`clean`] made from several original characters maps to all of them; several
    /// characters made from one original stretch all map to that whole stretch. Removed
    /// characters are included when they sit inside the range and left out at its edges.
    /// An empty range maps to an empty range. Out-of-bounds or mid-character offsets are
    /// clamped and widened to whole characters, so this never panics.
    ///
    /// # Example: a repaired quote maps to its mojibake
    ///
    /// ```
    /// let original = "a \u{9225} b"; // "鈥" is what is left of a GBK-decoded em dash
    /// let cleaned = parallax::normalize::clean(original);
    /// assert_eq!(cleaned.text, "a \u{2014} b");
    /// assert_eq!(cleaned.to_original(2..5), 2..5);
    /// assert_eq!(cleaned.to_original(0..cleaned.text.len()), 0..original.len());
    /// ```
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        map_range(&self.text, &self.pieces, self.original_len, range)
    }

    /// The stretches that were changed, in order.
    ///
    /// # Example: one removal, one repair
    ///
    /// ```
    /// use parallax::normalize::{clean, ChangeKind};
    /// let cleaned = clean("co\u{AD}operate, caf\u{C3}\u{A9}");
    /// let kinds: Vec<ChangeKind> = cleaned.changes().map(|c| c.kind).collect();
    /// assert_eq!(kinds, [ChangeKind::Invisible, ChangeKind::Mojibake]);
    /// assert_eq!(cleaned.text, "cooperate, café");
    /// ```
    pub fn changes(&self) -> impl Iterator<Item = Change> + '_ {
        self.pieces.iter().filter_map(|p| {
            p.kind.map(|kind| Change {
                kind,
                original: p.original.clone(),
                cleaned: p.clean.clone(),
            })
        })
    }

    /// Whether the cleaned text is the original text, unchanged.
    ///
    /// # Example
    ///
    /// ```
    /// assert!(parallax::normalize::clean("Plain text, “typographic” – fine.").is_unchanged());
    /// ```
    pub fn is_unchanged(&self) -> bool {
        self.pieces.iter().all(|p| p.kind.is_none())
    }

    /// Applies `edits` (sorted, not overlapping, on character boundaries of `self.text`) and
    /// composes the maps, so the result still maps to the original text.
    fn apply(&self, edits: &[Edit]) -> Cleaned {
        let mut out = Builder {
            text: String::with_capacity(self.text.len()),
            pieces: Vec::new(),
        };
        let mut pos = 0;
        for edit in edits {
            self.copy_into(pos..edit.range.start, &mut out);
            let mut at = edit.range.start;
            for group in &edit.groups {
                let end = (at + group.len).min(edit.range.end);
                let original = self.to_original(at..end);
                let kind = self
                    .kind_in(at..end)
                    .map_or(edit.kind, |k| k.max(edit.kind));
                out.replace(&group.text, original, kind);
                at = end;
            }
            pos = edit.range.end;
        }
        self.copy_into(pos..self.text.len(), &mut out);
        Cleaned {
            text: out.text,
            pieces: out.pieces,
            original_len: self.original_len,
        }
    }

    /// Copies `self.text[range]` with its mapping.
    fn copy_into(&self, range: Range<usize>, out: &mut Builder) {
        let first = self.pieces.partition_point(|p| p.clean.end <= range.start);
        for p in self.pieces.get(first..).unwrap_or_default() {
            if p.clean.start >= range.end {
                break;
            }
            let start = p.clean.start.max(range.start);
            let end = p.clean.end.min(range.end);
            let text = self.text.get(start..end).unwrap_or_default();
            match p.kind {
                None => out.keep(text, p.original.start + (start - p.clean.start)),
                Some(kind) => out.replace(text, p.original.clone(), kind),
            }
        }
    }

    /// The strongest change kind among the pieces overlapping `range`.
    fn kind_in(&self, range: Range<usize>) -> Option<ChangeKind> {
        let first = self.pieces.partition_point(|p| p.clean.end <= range.start);
        self.pieces
            .get(first..)
            .unwrap_or_default()
            .iter()
            .take_while(|p| p.clean.start < range.end)
            .filter_map(|p| p.kind)
            .max()
    }
}

fn map_range(
    text: &str,
    pieces: &[Piece],
    original_len: usize,
    range: Range<usize>,
) -> Range<usize> {
    let start = floor_boundary(text, range.start);
    let end = ceil_boundary(text, range.end).max(start);
    let original_start = map_start(pieces, original_len, start);
    if start == end {
        return original_start..original_start;
    }
    original_start..map_end(pieces, original_len, end).max(original_start)
}

/// Where the cleaned byte `at` starts in the original.
fn map_start(pieces: &[Piece], original_len: usize, at: usize) -> usize {
    let i = pieces.partition_point(|p| p.clean.end <= at);
    match pieces.get(i) {
        Some(p) if p.kind.is_none() => p.original.start + at.saturating_sub(p.clean.start),
        Some(p) => p.original.start,
        None => original_len,
    }
}

/// Where the cleaned byte before `at` ends in the original (`at > 0`).
fn map_end(pieces: &[Piece], original_len: usize, at: usize) -> usize {
    let i = pieces.partition_point(|p| p.clean.end < at);
    match pieces.get(i) {
        Some(p) if p.kind.is_none() => {
            (p.original.start + at.saturating_sub(p.clean.start)).min(p.original.end)
        }
        Some(p) => p.original.end,
        None => original_len,
    }
}

fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Builds a cleaned text and its pieces.
struct Builder {
    text: String,
    pieces: Vec<Piece>,
}

impl Builder {
    fn keep(&mut self, text: &str, original_start: usize) {
        if text.is_empty() {
            return;
        }
        let start = self.text.len();
        self.text.push_str(text);
        if let Some(last) = self.pieces.last_mut() {
            if last.kind.is_none() && last.clean.end == start && last.original.end == original_start
            {
                last.clean.end = self.text.len();
                last.original.end = original_start + text.len();
                return;
            }
        }
        let original = original_start..original_start + text.len();
        self.pieces.push(Piece {
            clean: start..self.text.len(),
            original,
            kind: None,
        });
    }

    fn replace(&mut self, text: &str, original: Range<usize>, kind: ChangeKind) {
        let start = self.text.len();
        self.text.push_str(text);
        if let Some(last) = self.pieces.last_mut() {
            // Two outputs from one earlier piece: keep them together so pieces never overlap.
            if original.start < last.original.end {
                last.clean.end = self.text.len();
                last.original.end = last.original.end.max(original.end);
                last.kind = Some(last.kind.map_or(kind, |k| k.max(kind)));
                return;
            }
        }
        self.pieces.push(Piece {
            clean: start..self.text.len(),
            original,
            kind: Some(kind),
        });
    }
}

/// A change to `range` of a text: `groups` tile the range in order; each replaces `len` bytes
/// with `text`.
pub(super) struct Edit {
    pub(super) range: Range<usize>,
    pub(super) groups: Vec<Group>,
    pub(super) kind: ChangeKind,
}

pub(super) struct Group {
    pub(super) text: String,
    pub(super) len: usize,
}

impl Edit {
    fn single(at: usize, c: char, text: &str, kind: ChangeKind) -> Self {
        let len = c.len_utf8();
        Edit {
            range: at..at + len,
            groups: vec![Group {
                text: text.to_owned(),
                len,
            }],
            kind,
        }
    }
}

/// How many times mojibake repair runs over its own output (for double encodings).
const REPAIR_PASSES: usize = 3;

/// Cleans `original` for display and matching; see the [module docs](super) for what changes.
///
/// Never panics. Clean text, in any language and script, comes out unchanged except for the
/// invisible characters and odd spaces listed in the module docs.
///
/// # Example: GBK and Windows-1252 mojibake, a no-break space
///
/// ```
/// use parallax::normalize::clean;
/// assert_eq!(clean("the \u{5C0F}hurch").text, "the \u{421}hurch"); // 小hurch: Cyrillic С
/// assert_eq!(clean("It\u{E2}\u{20AC}\u{2122}s 10\u{A0}km").text, "It\u{2019}s 10 km"); // Itâ€™s
/// assert_eq!(clean("北京今天下雨。").text, "北京今天下雨。");
/// ```
pub fn clean(original: &str) -> Cleaned {
    let mut cleaned = Cleaned::identity(original);
    if original.is_ascii() {
        return cleaned;
    }
    for _ in 0..REPAIR_PASSES {
        let edits = repair_edits(&cleaned.text);
        if edits.is_empty() {
            break;
        }
        cleaned = cleaned.apply(&edits);
    }
    let edits = tidy_edits(&cleaned.text);
    if !edits.is_empty() {
        cleaned = cleaned.apply(&edits);
    }
    cleaned
}

/// Whether `c` is a bidirectional formatting character: an embedding or override
/// (U+202A..U+202E), an isolate (U+2066..U+2069) or a directional mark (U+200E, U+200F,
/// U+061C). [`clean`] removes them all, so no report can reorder what a reader sees.
///
/// # Example
///
/// ```
/// use parallax::normalize::{clean, is_bidi_control};
/// assert!(is_bidi_control('\u{202E}'));
/// assert!(!is_bidi_control('\u{5D0}')); // a Hebrew letter is written right to left by itself
/// assert_eq!(clean("a \u{202E}txt.exe\u{202C} b").text, "a txt.exe b");
/// ```
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' | '\u{61C}'
    )
}

/// Whether `text` has nothing to show: after [`clean`] only white space and control
/// characters are left. The command line and the page refuse such an article as empty, the
/// same whether it is plain white space or made of no-break spaces, ideographic spaces,
/// zero-width spaces, soft hyphens or bidi marks.
///
/// # Example
///
/// ```
/// use parallax::normalize::is_blank;
/// assert!(is_blank(" \n\t"));
/// assert!(is_blank("\u{A0}\u{3000}\u{200B}\u{AD}\u{200F}\u{FEFF}"));
/// assert!(!is_blank("\u{A0}Rain\u{200B}"));
/// assert!(!is_blank("東京"));
/// ```
pub fn is_blank(text: &str) -> bool {
    let blank = |t: &str| t.chars().all(|c| c.is_whitespace() || c.is_control());
    // Cleaning keeps every printable ASCII character, so those need no cleaning to decide.
    if text.bytes().any(|b| b.is_ascii_graphic()) {
        return false;
    }
    blank(text) || blank(&clean(text).text)
}

/// Whether `c` shows nothing: soft hyphen, zero-width space, (non-)joiners, word joiner,
/// byte-order mark. [`clean`] removes them (joiners only where they join nothing), and
/// tokens and folded forms never hold them.
///
/// # Example
///
/// ```
/// assert!(parallax::normalize::is_invisible('\u{AD}'));
/// assert!(!parallax::normalize::is_invisible(' '));
/// ```
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}'
    )
}

/// Removals and space replacements.
fn tidy_edits(text: &str) -> Vec<Edit> {
    let mut edits = Vec::new();
    let mut prev = None;
    let mut chars = text.char_indices().peekable();
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|&(_, c)| c);
        let joins = |side: Option<char>| side.is_some_and(|c| !c.is_ascii() && !c.is_whitespace());
        let edit = match c {
            // Zero-width (non-)joiners stay where they join two non-ASCII characters.
            '\u{200C}' | '\u{200D}' => {
                (!(joins(prev) && joins(next))).then_some(("", ChangeKind::Invisible))
            }
            c if is_invisible(c) || is_bidi_control(c) => Some(("", ChangeKind::Invisible)),
            '\u{A0}' | '\u{1680}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' => {
                Some((" ", ChangeKind::Space))
            }
            '\u{2028}' | '\u{2029}' => Some(("\n", ChangeKind::LineBreak)),
            _ => None,
        };
        if let Some((replacement, kind)) = edit {
            edits.push(Edit::single(at, c, replacement, kind));
        }
        prev = Some(c);
    }
    edits
}
