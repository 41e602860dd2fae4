//! One side of a link made ready for the detectors: valid sentence ranges and their tokens.

use super::Side;
use crate::tokenize::{
    detect_language, detect_language_of, tokenize_in, Language, Token, TokenKind,
};
use std::borrow::Cow;
use std::ops::{Deref, Range};

/// Tokens a caller already holds for a side: for each of its sentence ranges, the tokens of
/// [`tokenize_in`] of that range in `language`.
pub(crate) struct Tokenized<'t> {
    /// The language the tokens were made in.
    pub language: Language,
    /// The tokens of each sentence range, in the order of the side's ranges.
    pub sentences: Vec<&'t [Token]>,
}

/// A side's sentences, tokens and language, shared by every detector.
pub(super) struct Prepared<'a> {
    /// The side's whole text.
    pub text: &'a str,
    /// The usable sentence ranges: in bounds, on character boundaries, sorted, disjoint.
    pub sentences: Vec<Range<usize>>,
    /// The language of the sentences ([`Language::Other`] when unsure).
    pub language: Language,
    /// Every token of every sentence, in order: borrowed from the caller's tokens when it
    /// gave them, else made here.
    pub tokens: Vec<Cow<'a, Token>>,
    /// For each token, the index of its sentence in `sentences`.
    pub sentence_of: Vec<usize>,
    /// For each token, whether it is the first word of its sentence or of a quotation.
    pub first: Vec<bool>,
}

impl<'a> Prepared<'a> {
    /// Tokenizes the usable sentences of `side`; `whole` is the language of the side's whole
    /// text when the caller knows it ([`detect_language`] of `side.text`), else it is detected
    /// here when needed. `known` may give, for each of `side.sentences` in order, the tokens of
    /// `tokenize_in(side.text, range, language)`: they are reused when the side is tokenized
    /// in that same language (the result is the same), else the sentences are tokenized here.
    pub fn with_tokens(
        side: &Side<'a>,
        whole: Option<Language>,
        known: Option<&Tokenized<'a>>,
    ) -> Self {
        let text = side.text;
        let mut sentences: Vec<(Range<usize>, usize)> = side
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, r)| r.start < r.end && text.get(r.start..r.end).is_some())
            .map(|(i, r)| (r.clone(), i))
            .collect();
        crate::order::sort_by_key(&mut sentences, |(r, _)| (r.start, r.end));
        let mut disjoint: Vec<Range<usize>> = Vec::with_capacity(sentences.len());
        let mut given: Vec<usize> = Vec::with_capacity(sentences.len());
        for (range, i) in sentences {
            if disjoint.last().is_none_or(|last| last.end <= range.start) {
                disjoint.push(range);
                given.push(i);
            }
        }
        let pieces: Vec<&str> = disjoint.iter().map(|r| &text[r.clone()]).collect();
        // A link's few sentences may say too little: then ask the whole text.
        let language = match detect_language_of(&pieces) {
            Language::Other => whole.unwrap_or_else(|| detect_language(text)),
            known => known,
        };
        let tokenize_as = match language {
            Language::German => Language::German,
            _ => Language::English,
        };
        let mut tokens = Vec::new();
        let mut sentence_of = Vec::new();
        let mut first = Vec::new();
        let reuse = known.filter(|k| k.language == tokenize_as);
        for (index, range) in disjoint.iter().enumerate() {
            let mut at_start = true;
            let held = reuse.and_then(|k| k.sentences.get(given[index]));
            let sentence_tokens: Vec<Cow<'a, Token>> = match held {
                Some(held) => held.iter().map(Cow::Borrowed).collect(),
                None => tokenize_in(text, range.clone(), tokenize_as)
                    .into_iter()
                    .map(Cow::Owned)
                    .collect(),
            };
            tokens.reserve(sentence_tokens.len());
            sentence_of.reserve(sentence_tokens.len());
            first.reserve(sentence_tokens.len());
            for token in sentence_tokens {
                let is_word = token.is_word();
                let opens = token.kind == TokenKind::Quote || token.norm == "(";
                first.push(at_start && is_word);
                if is_word {
                    at_start = false;
                } else if opens || matches!(token.norm.as_str(), "." | "!" | "?" | ":" | "-") {
                    at_start = true;
                }
                sentence_of.push(index);
                tokens.push(token);
            }
        }
        Prepared {
            text,
            sentences: disjoint,
            language,
            tokens,
            sentence_of,
            first,
        }
    }

    /// The folded form of token `i`, or `""` past the end.
    pub fn norm(&self, i: usize) -> &str {
        self.tokens.get(i).map_or("", |t| t.norm.as_str())
    }

    /// The original text of token `i`, or `""` past the end.
    pub fn surface(&self, i: usize) -> &'a str {
        self.tokens
            .get(i)
            .and_then(|t| self.text.get(t.range.clone()))
            .unwrap_or("")
    }

    /// The token `i` when it is a word or number.
    pub fn word(&self, i: usize) -> Option<&Token> {
        self.tokens.get(i).map(Deref::deref).filter(|t| t.is_word())
    }

    /// Whether tokens `i` and `j` exist and sit in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        match (self.sentence_of.get(i), self.sentence_of.get(j)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        }
    }

    /// Whether token `i` starts with a capital letter.
    pub fn capitalized(&self, i: usize) -> bool {
        self.word(i).is_some_and(|t| {
            self.text
                .get(t.range.clone())
                .and_then(|s| s.chars().find(|c| c.is_alphabetic()))
                .is_some_and(char::is_uppercase)
                && t.kind == TokenKind::Word
        })
    }

    /// The byte range from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Range<usize> {
        match (self.tokens.get(first), self.tokens.get(last)) {
            (Some(a), Some(b)) if a.range.start <= b.range.end => a.range.start..b.range.end,
            _ => 0..0,
        }
    }

    /// The text of a byte range (empty when invalid).
    pub fn slice(&self, range: &Range<usize>) -> &'a str {
        self.text.get(range.clone()).unwrap_or("")
    }

    /// Whether an optional `[start, end]` span is empty-free, on character boundaries and
    /// inside one sentence (`None` is valid).
    pub fn valid_span(&self, span: Option<[usize; 2]>) -> bool {
        let Some([start, end]) = span else {
            return true;
        };
        start < end
            && self.text.get(start..end).is_some()
            && self
                .sentences
                .iter()
                .any(|s| s.start <= start && end <= s.end)
    }
}

/// `kim's` → `kim`; other words unchanged.
pub(super) fn strip_possessive(norm: &str) -> &str {
    norm.strip_suffix("'s")
        .filter(|b| !b.is_empty())
        .unwrap_or(norm)
}

/// A short form of `s` for notes: at most `max` characters, with `…` when cut.
pub(super) fn shorten(s: &str, max: usize) -> String {
    let s = s.split_whitespace().collect::<Vec<_>>().join(" ");
    if s.chars().count() <= max {
        return s;
    }
    let mut out: String = s.chars().take(max.saturating_sub(1)).collect();
    out.push('…');
    out
}

/// A quotation mark, straight or typographic.
pub(super) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '\u{2018}'..='\u{201F}' | '\u{00AB}' | '\u{00BB}' | '\u{2039}' | '\u{203A}'
    )
}
