//! The text a reader is shown: each sentence's cleaned text with white space runs made one
//! space, and a map from the cleaned text to it.
//!
//! A document's *shown text* is the shown form of every sentence joined by one line feed
//! (see [`crate::report`]); the report carries each sentence's shown form and start, and
//! every diff span's range in it, so renderers never re-clean or re-map text.

use std::ops::Range;

/// One stretch of cleaned text and where it sits in the shown text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Stretch {
    /// Range in the cleaned text.
    clean: Range<usize>,
    /// Start in the shown text.
    shown: usize,
    /// `false` for a run of white space, shown as one space.
    verbatim: bool,
}

impl Stretch {
    fn shown_len(&self) -> usize {
        if self.verbatim {
            self.clean.len()
        } else {
            1
        }
    }
}

/// The shown text of one document and its map from the cleaned text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Shown {
    /// Each sentence's shown form and its start in the shown text.
    pub sentences: Vec<(String, usize)>,
    stretches: Vec<Stretch>,
}

impl Shown {
    /// Builds the shown text of sentences given as ranges into `cleaned`.
    pub fn new(cleaned: &str, ranges: impl IntoIterator<Item = Range<usize>>) -> Self {
        let mut sentences = Vec::new();
        let mut stretches: Vec<Stretch> = Vec::new();
        let mut at = 0;
        for range in ranges {
            if !sentences.is_empty() {
                at += 1; // the line feed between sentences
            }
            let start = at;
            let mut text = String::with_capacity(range.len());
            let body = cleaned.get(range.clone()).unwrap_or_default();
            // Runs of white space and of everything else alternate: each run is one stretch,
            // a white space run shown as one space.
            let mut rest = body;
            let mut pos = range.start;
            while let Some(c) = rest.chars().next() {
                let space = c.is_whitespace();
                let len = rest
                    .find(|c: char| c.is_whitespace() != space)
                    .unwrap_or(rest.len());
                stretches.push(Stretch {
                    clean: pos..pos + len,
                    shown: at,
                    verbatim: !space,
                });
                if space {
                    text.push(' ');
                    at += 1;
                } else {
                    text.push_str(&rest[..len]);
                    at += len;
                }
                pos += len;
                rest = &rest[len..];
            }
            sentences.push((text, start));
        }
        Self {
            sentences,
            stretches,
        }
    }

    /// Maps a range of the cleaned text to the shown text: `None` when it holds nothing shown.
    pub fn range(&self, range: Range<usize>) -> Option<[usize; 2]> {
        let start = self.start(range.start);
        let end = self.end(range.end);
        (start < end).then_some([start, end])
    }

    fn start(&self, x: usize) -> usize {
        let i = self.stretches.partition_point(|s| s.clean.start <= x);
        match i.checked_sub(1).and_then(|i| self.stretches.get(i)) {
            Some(s) if x < s.clean.end => {
                if s.verbatim {
                    s.shown + (x - s.clean.start)
                } else {
                    s.shown
                }
            }
            _ => self
                .stretches
                .get(i)
                .map_or_else(|| self.total(), |next| next.shown),
        }
    }

    fn end(&self, x: usize) -> usize {
        let i = self.stretches.partition_point(|s| s.clean.start < x);
        match i.checked_sub(1).and_then(|i| self.stretches.get(i)) {
            None => 0,
            Some(s) if x >= s.clean.end => s.shown + s.shown_len(),
            Some(s) if s.verbatim => s.shown + (x - s.clean.start),
            Some(s) => s.shown + 1,
        }
    }

    fn total(&self) -> usize {
        self.stretches.last().map_or(0, |s| s.shown + s.shown_len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_of_space_become_one_and_ranges_follow() {
        let cleaned = "A  b\tc.\n\nNext  one.";
        let shown = Shown::new(cleaned, [0..7, 9..19]);
        let texts: Vec<&str> = shown.sentences.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["A b c.", "Next one."]);
        assert_eq!(shown.sentences[1].1, 7);
        let joined = "A b c.\nNext one.";
        let cases = [
            (3..4, "b"),
            (0..6, "A b c"),
            (9..13, "Next"),
            (15..19, "one."),
            (3..13, "b c.\nNext"),
        ];
        for (range, expected) in cases {
            let [s, e] = shown.range(range.clone()).expect("shown");
            assert_eq!(&joined[s..e], expected, "{range:?}");
        }
        assert_eq!(shown.range(7..9), None);
    }

    #[test]
    fn multibyte_space_is_one_shown_byte() {
        let cleaned = "a\u{3000}\u{3000}b";
        let shown = Shown::new(cleaned, std::iter::once(0..cleaned.len()));
        assert_eq!(shown.sentences[0].0, "a b");
        assert_eq!(shown.range(7..8), Some([2, 3]));
    }
}
