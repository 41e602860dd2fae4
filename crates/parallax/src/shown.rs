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
            // Verbatim stretches run up to each white space run that is not one plain space;
            // such a run is a stretch of its own, shown as one space.
            let mut verbatim_from = 0;
            let mut chars = body.char_indices().peekable();
            while let Some((i, c)) = chars.next() {
                if !c.is_whitespace() {
                    continue;
                }
                let mut end = i + c.len_utf8();
                while let Some(&(j, d)) = chars.peek().filter(|(_, d)| d.is_whitespace()) {
                    end = j + d.len_utf8();
                    chars.next();
                }
                if &body[i..end] == " " {
                    continue;
                }
                if verbatim_from < i {
                    stretches.push(Stretch {
                        clean: range.start + verbatim_from..range.start + i,
                        shown: at,
                        verbatim: true,
                    });
                    text.push_str(&body[verbatim_from..i]);
                    at += i - verbatim_from;
                }
                stretches.push(Stretch {
                    clean: range.start + i..range.start + end,
                    shown: at,
                    verbatim: false,
                });
                text.push(' ');
                at += 1;
                verbatim_from = end;
            }
            if verbatim_from < body.len() {
                stretches.push(Stretch {
                    clean: range.start + verbatim_from..range.start + body.len(),
                    shown: at,
                    verbatim: true,
                });
                text.push_str(&body[verbatim_from..]);
                at += body.len() - verbatim_from;
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

    /// The first form of [`Shown::new`]: one stretch for every run of white space and every
    /// run of anything else. The shown text and every mapped range must stay the same.
    fn one_stretch_per_run(cleaned: &str, ranges: &[Range<usize>]) -> Shown {
        let mut sentences = Vec::new();
        let mut stretches = Vec::new();
        let mut at = 0;
        for range in ranges {
            if !sentences.is_empty() {
                at += 1;
            }
            let start = at;
            let mut text = String::new();
            let (mut rest, mut pos) = (&cleaned[range.clone()], range.start);
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
        Shown {
            sentences,
            stretches,
        }
    }

    proptest::proptest! {
        #[test]
        fn fewer_stretches_map_every_range_as_one_per_run(
            text in "[ab \t\n\u{3000}é]{0,24}",
            cut in 0usize..25,
        ) {
            let bounds: Vec<usize> = text
                .char_indices()
                .map(|(i, _)| i)
                .chain(std::iter::once(text.len()))
                .collect();
            let cut = bounds[cut.min(bounds.len() - 1)];
            let ranges = [0..cut, cut..text.len()];
            let shown = Shown::new(&text, ranges.clone());
            let reference = one_stretch_per_run(&text, &ranges);
            proptest::prop_assert_eq!(&shown.sentences, &reference.sentences);
            for &a in &bounds {
                for &b in bounds.iter().filter(|&&b| b >= a) {
                    proptest::prop_assert_eq!(shown.range(a..b), reference.range(a..b), "{:?}", a..b);
                }
            }
        }
    }
}
