//! Split an article into sentences, each a byte range into the original text.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What role a sentence plays in its article.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum SentenceKind {
    /// The article's title or a sub-heading.
    Headline,
    /// Running text.
    Body,
    /// A photo caption or credit.
    Caption,
    /// The author line.
    Byline,
    /// Navigation, share bars and other page furniture.
    Boilerplate,
}

/// One sentence: where it is in the input and what kind it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// UTF-8 byte range in the original input, without surrounding white space.
    pub range: Range<usize>,
    /// The sentence's role in the article.
    pub kind: SentenceKind,
}

/// Words that end with a full stop without ending a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "st",
    "jr", "sr", "inc", "ltd", "co", "corp", "vs", "etc", "jan", "feb", "mar", "apr", "jun", "jul",
    "aug", "sep", "sept", "oct", "nov", "dec", "u.s", "u.n", "u.k", "e.g", "i.e", "a.m", "p.m",
];

/// Splits `text` into sentences.
///
/// Each non-empty line is at least one unit (news text puts a paragraph, a headline or a
/// caption on a line of its own); inside a line, Unicode sentence boundaries are used and
/// boundaries right after a known abbreviation or an initial are merged back.
///
/// # Example: an abbreviation does not end a sentence
///
/// ```
/// let text = "Mr. Smith left. He was tired.";
/// let sentences = parallax::segment::segment(text);
/// let texts: Vec<&str> = sentences.iter().map(|s| &text[s.range.clone()]).collect();
/// assert_eq!(texts, ["Mr. Smith left.", "He was tired."]);
/// ```
pub fn segment(text: &str) -> Vec<Sentence> {
    let mut sentences = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        segment_line(text, line_start..line_start + line.len(), &mut sentences);
        line_start += line.len();
    }
    sentences
}

fn segment_line(text: &str, line: Range<usize>, out: &mut Vec<Sentence>) {
    let mut pending: Option<Range<usize>> = None;
    for (offset, piece) in text[line.clone()].split_sentence_bound_indices() {
        let Some(range) = trim(text, line.start + offset..line.start + offset + piece.len()) else {
            continue;
        };
        let merged = match pending.take() {
            Some(prev) if ends_with_abbreviation(&text[prev.clone()]) => prev.start..range.end,
            Some(prev) => {
                out.push(body(prev));
                range
            }
            None => range,
        };
        pending = Some(merged);
    }
    if let Some(prev) = pending {
        out.push(body(prev));
    }
}

fn body(range: Range<usize>) -> Sentence {
    Sentence {
        range,
        kind: SentenceKind::Body,
    }
}

/// Shrinks `range` to exclude leading and trailing white space; `None` if nothing is left.
fn trim(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = &text[range.clone()];
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.end - (piece.len() - piece.trim_end().len());
    (start < end).then_some(start..end)
}

fn ends_with_abbreviation(sentence: &str) -> bool {
    let Some(stem) = sentence.strip_suffix('.') else {
        return false;
    };
    let last = stem
        .rsplit(|c: char| c.is_whitespace() || c == '(')
        .next()
        .unwrap_or("");
    let lower = last.to_lowercase();
    // A single capital letter is an initial ("John F. Kennedy").
    let initial = last.chars().count() == 1 && last.chars().all(char::is_uppercase);
    initial || ABBREVIATIONS.contains(&lower.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        Case {
            name: "empty",
            input: "",
            expected: &[],
        },
        Case {
            name: "blank lines",
            input: "\n \n\t\n",
            expected: &[],
        },
        Case {
            name: "two sentences",
            input: "One here. Two there.",
            expected: &["One here.", "Two there."],
        },
        Case {
            name: "headline without stop",
            input: "Bridge opens\n\nThe bridge opened.",
            expected: &["Bridge opens", "The bridge opened."],
        },
        Case {
            name: "honorific",
            input: "Dr. Who came. Then left.",
            expected: &["Dr. Who came.", "Then left."],
        },
        Case {
            name: "u.s.",
            input: "The U.S. said no. Fine.",
            expected: &["The U.S. said no.", "Fine."],
        },
        Case {
            name: "initial",
            input: "John F. Kennedy spoke.",
            expected: &["John F. Kennedy spoke."],
        },
        Case {
            name: "question",
            input: "Why? Because.",
            expected: &["Why?", "Because."],
        },
    ];

    #[test]
    fn case_names_are_unique() {
        let mut names: Vec<_> = CASES.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CASES.len());
    }

    #[test]
    fn cases() {
        for case in CASES {
            let got: Vec<&str> = segment(case.input)
                .iter()
                .map(|s| &case.input[s.range.clone()])
                .collect();
            assert_eq!(got, case.expected, "case {}", case.name);
        }
    }
}
