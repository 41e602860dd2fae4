//! Split a sentence into tokens (words, numbers, punctuation), each a byte range into the input.

use std::ops::Range;
use unicode_segmentation::UnicodeSegmentation;

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Letters, possibly with digits, apostrophes or hyphens inside.
    Word,
    /// Digits, possibly with separators (`11,000`, `3.5`).
    Number,
    /// Anything else that is not white space.
    Punct,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// UTF-8 byte range in the original input.
    pub range: Range<usize>,
    /// What the token is made of.
    pub kind: TokenKind,
    /// The form used for matching: lowercase, typographic apostrophes made plain.
    pub norm: String,
}

impl Token {
    /// Whether the token carries meaning for matching (not punctuation, not a stop word).
    pub fn is_content(&self) -> bool {
        match self.kind {
            TokenKind::Number => true,
            TokenKind::Word => !is_stop_word(&self.norm),
            TokenKind::Punct => false,
        }
    }
}

/// Tokenizes `text[range]`; token ranges are relative to `text`, not to `range`.
///
/// # Panics
///
/// Panics if `range` is out of bounds or not on character boundaries of `text`.
///
/// # Example: words, numbers and punctuation
///
/// ```
/// use parallax::tokenize::{tokenize, TokenKind};
/// let tokens = tokenize("It cost $3.5 million.", 0..21);
/// let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
/// assert_eq!(norms, ["it", "cost", "$", "3.5", "million", "."]);
/// assert_eq!(tokens[3].kind, TokenKind::Number);
/// ```
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    text[range.clone()]
        .split_word_bound_indices()
        .filter(|(_, piece)| !piece.chars().all(char::is_whitespace))
        .map(|(offset, piece)| {
            let start = range.start + offset;
            Token {
                range: start..start + piece.len(),
                kind: kind_of(piece),
                norm: normalize(piece),
            }
        })
        .collect()
}

fn kind_of(piece: &str) -> TokenKind {
    if piece.chars().any(char::is_alphabetic) {
        TokenKind::Word
    } else if piece.chars().any(|c| c.is_ascii_digit()) {
        TokenKind::Number
    } else {
        TokenKind::Punct
    }
}

fn normalize(piece: &str) -> String {
    piece
        .chars()
        .map(|c| match c {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' => '\'',
            '\u{201C}' | '\u{201D}' => '"',
            '\u{2013}' | '\u{2014}' => '-',
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Common English function words that carry little meaning for matching.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been",
    "but", "by", "can", "could", "did", "do", "for", "from", "had", "has", "have", "he", "her",
    "his", "how", "i", "if", "in", "into", "is", "it", "it's", "its", "more", "not", "of", "on",
    "or", "our", "over", "said", "says", "she", "so", "than", "that", "the", "their", "them",
    "then", "there", "these", "they", "this", "those", "to", "up", "was", "we", "were", "what",
    "when", "which", "who", "will", "with", "would", "you",
];

/// Whether `word` (already lowercase) is a stop word.
pub fn is_stop_word(word: &str) -> bool {
    STOP_WORDS.binary_search(&word).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_words_are_sorted_for_binary_search() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn ranges_point_into_the_input_and_norms_fold_quotes() {
        let text = "Ignore this. \u{201C}Quoted\u{201D} Kim\u{2019}s end";
        let tokens = tokenize(text, 13..text.len());
        let originals: Vec<&str> = tokens.iter().map(|t| &text[t.range.clone()]).collect();
        assert_eq!(
            originals,
            ["\u{201C}", "Quoted", "\u{201D}", "Kim\u{2019}s", "end"]
        );
        let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
        assert_eq!(norms, ["\"", "quoted", "\"", "kim's", "end"]);
    }
}
