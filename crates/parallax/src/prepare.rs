//! One article made ready for comparison, once: cleaned, split into sentences, tokenized.
//!
//! [`Prepared`] is what every later stage reads: the comparison ([`crate::compare`]), the
//! report's documents, and the evaluation and fitting tools (which build it from
//! pre-segmented gold sentences with [`Prepared::from_sentences`]). All its ranges are byte
//! ranges into the cleaned text ([`Prepared::cleaned`]); [`Prepared::to_original`] maps them
//! back to the article as the reader gave it.

use crate::align::SentenceInput;
use crate::normalize::{clean, Cleaned};
use crate::segment::{is_line_break, segment, Sentence, SentenceKind};
use crate::tokenize::{detect_language, tokenize_with, Language, Stems, Token};
use std::ops::Range;

/// One article to compare: a display name and its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Article<'a> {
    /// The name shown to the reader (an outlet, a file name).
    pub name: &'a str,
    /// The article's text as the user gave it.
    pub text: &'a str,
}

impl<'a> Article<'a> {
    /// Makes an article from a name and a text.
    pub fn new(name: &'a str, text: &'a str) -> Self {
        Self { name, text }
    }
}

/// An article cleaned, segmented and tokenized: built once, read by every later stage.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared<'a> {
    /// The article as given.
    pub article: Article<'a>,
    /// The cleaned text (mojibake repaired, invisible characters removed) and its map back
    /// to [`Article::text`].
    pub cleaned: Cleaned,
    /// Its sentences; ranges into the cleaned text.
    pub sentences: Vec<Sentence>,
    /// The tokens of each sentence, stemmed in the article's language.
    pub tokens: Vec<Vec<Token>>,
    /// The language the tokens were stemmed in.
    pub language: Language,
}

impl<'a> Prepared<'a> {
    /// Cleans, segments and tokenizes an article.
    ///
    /// # Example: sentences, paragraphs and tokens
    ///
    /// ```
    /// use parallax::prepare::{Article, Prepared};
    /// let doc = Prepared::new(Article::new("a", "Bridge opens\n\nIt opened. Crowds\u{AD} cheered."));
    /// assert_eq!(doc.sentences.len(), 3);
    /// let paragraphs: Vec<usize> = doc.sentences.iter().map(|s| s.paragraph).collect();
    /// assert_eq!(paragraphs, [0, 1, 1]);
    /// assert_eq!(doc.sentence_text(2), "Crowds cheered.");
    /// assert_eq!(doc.tokens[1].len(), 3); // "It", "opened", "."
    /// ```
    pub fn new(article: Article<'a>) -> Self {
        Self::sharing_stems(article, &mut Vec::new())
    }

    /// [`Prepared::new`] with a stem memory shared across articles (one per language): the
    /// stemmer is a pure function of the word and the language, so the tokens are the same;
    /// a word the articles share is stemmed once.
    pub(crate) fn sharing_stems(article: Article<'a>, memory: &mut Vec<Stems>) -> Self {
        let cleaned = clean(article.text);
        let sentences = segment(&cleaned.text);
        Self::from_parts(article, cleaned, sentences, memory)
    }

    /// Builds a document from sentences that are already split (gold data): each given
    /// sentence is one body sentence in its own paragraph, whatever its text, so sentence `i`
    /// here is sentence `i` of the gold. The article's text is the sentences joined by line
    /// feeds, with line breaks inside a sentence made spaces; `joined` receives that text,
    /// which must outlive the document.
    ///
    /// # Example: the given boundaries are kept, even around an empty sentence
    ///
    /// ```
    /// use parallax::prepare::Prepared;
    /// let mut text = String::new();
    /// let doc = Prepared::from_sentences("gold", &["Er kam. Sie ging.", "", "caf\u{C3}\u{A9}"], &mut text);
    /// assert_eq!(doc.sentences.len(), 3);
    /// assert_eq!(doc.sentence_text(0), "Er kam. Sie ging.");
    /// assert_eq!(doc.sentence_text(2), "café");
    /// assert!(doc.tokens[1].is_empty());
    /// ```
    pub fn from_sentences(name: &'a str, sentences: &[&str], joined: &'a mut String) -> Self {
        let one_line = |s: &str| -> String {
            s.chars()
                .map(|c| if is_line_break(c) { ' ' } else { c })
                .collect()
        };
        *joined = sentences
            .iter()
            .map(|s| one_line(s))
            .collect::<Vec<_>>()
            .join("\n");
        let joined: &'a String = joined;
        let article = Article::new(name, joined);
        let cleaned = clean(article.text);
        let mut start = 0;
        let mut ranges: Vec<Sentence> = Vec::with_capacity(sentences.len());
        for (paragraph, line) in cleaned.text.split('\n').enumerate() {
            let end = start + line.len();
            let lead = line.len() - line.trim_start().len();
            let trimmed = line.trim();
            let from = start + lead;
            ranges.push(Sentence {
                range: from..from + trimmed.len(),
                kind: SentenceKind::Body,
                paragraph,
            });
            start = end + 1;
        }
        // Cleaning never adds or removes a line feed here, so the counts agree; guard anyway.
        ranges.resize_with(sentences.len(), || Sentence {
            range: cleaned.text.len()..cleaned.text.len(),
            kind: SentenceKind::Body,
            paragraph: 0,
        });
        Self::from_parts(article, cleaned, ranges, &mut Vec::new())
    }

    fn from_parts(
        article: Article<'a>,
        cleaned: Cleaned,
        sentences: Vec<Sentence>,
        memory: &mut Vec<Stems>,
    ) -> Self {
        let language = detect_language(&cleaned.text);
        // One stem memory per language, for the whole article (and for the other articles
        // given the same memory): the same tokens as `tokenize_in` per sentence.
        let k = memory
            .iter()
            .position(|m| m.language() == language)
            .unwrap_or_else(|| {
                memory.push(Stems::new(language));
                memory.len() - 1
            });
        let stems = &mut memory[k];
        let tokens = sentences
            .iter()
            .map(|s| tokenize_with(&cleaned.text, s.range.clone(), stems))
            .collect();
        Self {
            article,
            cleaned,
            sentences,
            tokens,
            language,
        }
    }

    /// The sentences as the aligner reads them.
    pub fn inputs(&self) -> Vec<SentenceInput<'_>> {
        self.tokens
            .iter()
            .zip(&self.sentences)
            .map(|(t, s)| SentenceInput::new(t, s.kind))
            .collect()
    }

    /// The tokens of several sentences read as one text (a side of a link).
    pub fn joined_tokens(&self, indices: &[usize]) -> Vec<Token> {
        indices
            .iter()
            .filter_map(|&i| self.tokens.get(i))
            .flatten()
            .cloned()
            .collect()
    }

    /// The cleaned text of sentence `i` (empty when there is no such sentence).
    pub fn sentence_text(&self, i: usize) -> &str {
        self.sentences
            .get(i)
            .and_then(|s| self.cleaned.text.get(s.range.clone()))
            .unwrap_or_default()
    }

    /// Maps a byte range of the cleaned text to the article as given.
    pub fn to_original(&self, range: Range<usize>) -> Range<usize> {
        self.cleaned.to_original(range)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gold_sentences_keep_their_count_whatever_their_text() {
        let given = ["One\nline", "two\u{2028}three", "", "  spaced  ", "\u{AD}"];
        let mut text = String::new();
        let doc = Prepared::from_sentences("g", &given, &mut text);
        assert_eq!(doc.sentences.len(), given.len());
        let texts: Vec<&str> = (0..given.len()).map(|i| doc.sentence_text(i)).collect();
        assert_eq!(texts, ["One line", "two three", "", "spaced", ""]);
    }

    #[test]
    fn ranges_map_back_to_the_given_text() {
        let text = "Caf\u{C3}\u{A9} opens.\nIt\u{AD}s new.";
        let doc = Prepared::new(Article::new("a", text));
        let second = doc.to_original(doc.sentences[1].range.clone());
        assert_eq!(&text[second], "It\u{AD}s new.");
    }
}
