//! Split a sentence into tokens (words, numbers, quotes, punctuation), each a byte range into the input.
//!
//! Tokens start from Unicode word boundaries (UAX #29, which already keeps `11,000`, `3.5`,
//! `19th` and `Kim's` whole) with three local rules on top:
//!
//! - a single hyphen between two word pieces joins them: `KN-23`, `F-16`, `well-known`,
//!   `24-year-old`; an en or em dash never does, nor does a hyphen between two plain
//!   numbers (`2010–2020` and `31-12` stay three tokens each);
//! - a full stop inside a word splits it (`left.Then` is a typo for `left. Then`), unless
//!   it sits between digits (`3.5`) or every dotted part is at most two letters (`U.S`,
//!   `e.g`, `Ph.D`); the closing full stop of `U.S.` stays its own token;
//! - a colon inside a word always splits it.
//!
//! Every quote mark, bracket, dash and currency sign is its own token: `$35,000,000` is
//! `$` ([`TokenKind::Punct`]) then `35,000,000` ([`TokenKind::Number`]), so a diff can show
//! a changed currency apart from a changed amount. A trailing apostrophe (`leaders’`) is a
//! separate [`TokenKind::Quote`], because it cannot be told apart from a closing single quote.

mod bounds;
mod english;
mod german;
pub(crate) mod stop_words;

use crate::normalize::{fold, is_invisible};
// A hash map with a fixed hasher for the stem memory: looked up only, never iterated, and
// unseeded, so it cannot make output vary.
#[allow(clippy::disallowed_types)]
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// The language whose stemmer and stop words apply to a text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[non_exhaustive]
pub enum Language {
    /// English: Snowball English (Porter2) stems, English stop words.
    #[default]
    English,
    /// German: Snowball German stems, German stop words.
    German,
    /// Anything else: no stemming and no stop words; words match on their folded form.
    Other,
}

/// What a token is made of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[non_exhaustive]
pub enum TokenKind {
    /// Starts with a letter; may hold digits, inner apostrophes, dots or hyphens (`KN-23`).
    Word,
    /// Starts with a digit: `11,000`, `3.5`, `19th`, `1990s`, `24-year-old`.
    Number,
    /// Any other mark: full stops, commas, brackets, dashes, currency signs, emoji.
    Punct,
    /// A quotation mark or a lone apostrophe, straight or typographic (`"`, `“`, `‘`, `«`, `„`).
    Quote,
}

/// One token of a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// UTF-8 byte range in the original input.
    pub range: Range<usize>,
    /// What the token is made of.
    pub kind: TokenKind,
    /// The folded surface form that diffs compare: lowercase, typographic quotes and dashes
    /// made plain (`’` → `'`, `“` → `"`, `–` → `-`), fullwidth ASCII made ASCII, invisible
    /// characters (soft hyphen, zero-width space) dropped.
    pub norm: String,
    /// The form that similarity matches: `norm` stemmed for the language, each hyphen part
    /// on its own (`russian-backed` → `russian-back`), without a possessive `'s`, without the
    /// dots of initials (`u.s` → `us`) and without thousands separators (`11,000` → `11000`).
    /// Punctuation and quotes keep their `norm`.
    pub stem: String,
    /// A function word of the language (`the`, `it's`, `other's`, `und`); never set on acronyms.
    pub stop_word: bool,
    /// Looks like a name: capitalized but not at the start of a sentence, or an all-caps
    /// acronym (`NATO`, `KN-23`, `F-16`). In German every noun is capitalized, so there it
    /// means "noun or name". Never set when most words of the range are in capitals.
    pub name: bool,
    /// Ends in a possessive `'s` (`Kim's`, `Russia’s`); the stem leaves it out.
    pub possessive: bool,
}

impl Token {
    /// Whether the token carries meaning for matching: a number, or a word that is not a stop word.
    pub fn is_content(&self) -> bool {
        match self.kind {
            TokenKind::Number => true,
            TokenKind::Word => !self.stop_word,
            TokenKind::Punct | TokenKind::Quote => false,
        }
    }

    /// Whether the token is a word or a number (what a reader counts as a word).
    pub fn is_word(&self) -> bool {
        matches!(self.kind, TokenKind::Word | TokenKind::Number)
    }
}

/// Tokenizes `text[range]` as English; token ranges are relative to `text`, not to `range`.
///
/// Same as [`tokenize_in`] with [`Language::English`]. Returns no tokens when `range` is out
/// of bounds or not on character boundaries of `text`.
///
/// # Example: numbers, currency signs and possessives
///
/// ```
/// use parallax::tokenize::{tokenize, TokenKind};
/// let text = "Kim’s envoy paid $3.5 million.";
/// let tokens = tokenize(text, 0..text.len());
/// let norms: Vec<&str> = tokens.iter().map(|t| t.norm.as_str()).collect();
/// assert_eq!(norms, ["kim's", "envoy", "paid", "$", "3.5", "million", "."]);
/// assert_eq!(tokens[4].kind, TokenKind::Number);
/// assert!(tokens[0].possessive && tokens[0].stem == "kim");
/// assert_eq!(&text[tokens[0].range.clone()], "Kim’s");
/// ```
pub fn tokenize(text: &str, range: Range<usize>) -> Vec<Token> {
    tokenize_in(text, range, Language::English)
}

/// Tokenizes `text[range]` with the stemmer and stop words of `language`.
///
/// Token ranges are byte ranges into `text`. Tokens are in order, never overlap, never
/// consist of white space alone, and together cover every visible character of the range.
/// Returns no tokens when `range` is out of bounds or not on character boundaries of `text`.
///
/// # Example: German stems and stop words
///
/// ```
/// use parallax::tokenize::{tokenize_in, Language};
/// let text = "Die Regierung bestätigte die Berichte.";
/// let tokens = tokenize_in(text, 0..text.len(), Language::German);
/// let content: Vec<&str> =
///     tokens.iter().filter(|t| t.is_content()).map(|t| t.stem.as_str()).collect();
/// assert_eq!(content, ["regier", "bestatigt", "bericht"]);
/// ```
pub fn tokenize_in(text: &str, range: Range<usize>, language: Language) -> Vec<Token> {
    tokenize_with(text, range, &mut Stems::new(language))
}

/// Stems of words already seen, for tokenizing many sentences of one text: [`stem`] is a pure
/// function of the word and the language, so a remembered stem is the same stem.
pub(crate) struct Stems {
    language: Language,
    seen: Seen,
}

/// Stems by word (see the note on the `HashMap` import).
#[allow(clippy::disallowed_types)]
type Seen = HashMap<String, String, BuildHasherDefault<Fnv>>;

impl Stems {
    /// An empty memory for `language`.
    pub(crate) fn new(language: Language) -> Self {
        Self {
            language,
            seen: Seen::default(),
        }
    }

    /// The language the remembered stems are in.
    pub(crate) fn language(&self) -> Language {
        self.language
    }

    /// Appends the stem of `word` to `out`.
    fn push_stem(&mut self, word: &str, out: &mut String) {
        if let Some(known) = self.seen.get(word) {
            out.push_str(known);
            return;
        }
        let stemmed = stem(word, self.language);
        out.push_str(&stemmed);
        self.seen.insert(word.to_owned(), stemmed);
    }
}

/// 64-bit FNV-1a, for maps of words that are looked up only, never iterated (the stem memory,
/// the word diff's interning).
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut hash = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &byte in bytes {
            hash ^= u64::from(byte);
            hash = hash.wrapping_mul(0x0000_0100_0000_01b3);
        }
        self.0 = hash;
    }
}

/// [`tokenize_in`] with the language and stem memory of `stems`, kept across calls.
pub(crate) fn tokenize_with(text: &str, range: Range<usize>, stems: &mut Stems) -> Vec<Token> {
    let language = stems.language;
    let Some(slice) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut at_sentence_start = true;
    let mut after_comma = false;
    let pieces = pieces(slice);
    let mut tokens = Vec::with_capacity(pieces.len());
    let shouting = is_shouting(slice, &pieces);
    for piece in pieces {
        let surface = &slice[piece.clone()];
        let kind = kind_of(surface);
        let norm = fold(surface);
        let mut token = Token {
            range: range.start + piece.start..range.start + piece.end,
            kind,
            stem: String::new(),
            stop_word: false,
            name: false,
            possessive: false,
            norm,
        };
        match kind {
            TokenKind::Word | TokenKind::Number => {
                describe_word(&mut token, surface, at_sentence_start && !shouting, stems);
                if shouting {
                    token.name = false;
                    token.stop_word =
                        token.kind == TokenKind::Word && is_stop_word_in(&token.norm, language);
                    token.possessive &= !token.stop_word;
                }
                at_sentence_start = false;
            }
            TokenKind::Punct => {
                token.stem.clone_from(&token.norm);
                if matches!(token.norm.as_str(), "." | "!" | "?" | ":" | "…") {
                    at_sentence_start = true;
                }
            }
            TokenKind::Quote => {
                token.stem.clone_from(&token.norm);
                // `he said, “We…`: a quotation opened after a comma starts a sentence.
                if after_comma {
                    at_sentence_start = true;
                }
            }
        }
        after_comma = token.norm == ",";
        tokens.push(token);
    }
    tokens
}

/// Guesses the language of `text` by counting frequent function words of each language.
///
/// Returns [`Language::Other`] when neither language's words make up at least 4% of the
/// words (at least two of them); ties go to English. Cheap (one pass) and deterministic.
///
/// # Example: English, German and neither
///
/// ```
/// use parallax::tokenize::{detect_language, Language};
/// assert_eq!(detect_language("The talks in Geneva ended with a joint statement."), Language::English);
/// assert_eq!(detect_language("Die Gespräche in Genf endeten mit einer Erklärung."), Language::German);
/// assert_eq!(detect_language("Les négociations ont pris fin à Genève."), Language::Other);
/// ```
pub fn detect_language(text: &str) -> Language {
    detect_language_of(&[text])
}

/// [`detect_language`] of the pieces joined by line feeds, without joining them: a word
/// never spans a line feed, so the counts add up.
pub(crate) fn detect_language_of(pieces: &[&str]) -> Language {
    let mut words = 0usize;
    let mut english = 0usize;
    let mut german = 0usize;
    let mut lower = String::new();
    for text in pieces {
        for_each_alphabetic_run(text, |word, ascii| {
            words += 1;
            // Every marker is at most five letters, and lowercasing never shortens a word to
            // fewer letters, so a longer word is none of them.
            let key = if ascii {
                if word.len() > 5 {
                    return;
                }
                let mut lower = [0u8; 5];
                for (to, from) in lower.iter_mut().zip(word.bytes()) {
                    *to = from.to_ascii_lowercase();
                }
                stop_words::key(&lower[..word.len()])
            } else {
                if word.chars().nth(5).is_some() {
                    return;
                }
                lower.clear();
                lower.extend(word.chars().flat_map(char::to_lowercase));
                stop_words::key(lower.as_bytes())
            };
            // No marker is longer than seven bytes.
            if let Some(key) = key {
                english += usize::from(stop_words::contains_key(
                    &stop_words::ENGLISH_MARKER_KEYS,
                    key,
                ));
                german += usize::from(stop_words::contains_key(
                    &stop_words::GERMAN_MARKER_KEYS,
                    key,
                ));
            }
        });
    }
    let best = english.max(german);
    if best < 2 || best * 25 < words {
        Language::Other
    } else if german > english {
        Language::German
    } else {
        Language::English
    }
}

/// Calls `f` with every maximal run of alphabetic characters of `text` (the non-empty pieces of
/// `text.split(|c: char| !c.is_alphabetic())`), and whether the run is ASCII. ASCII bytes are
/// tested as bytes; only the others are decoded.
fn for_each_alphabetic_run(text: &str, mut f: impl FnMut(&str, bool)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut ascii = true;
    let mut i = 0;
    while i < bytes.len() {
        let byte = bytes[i];
        let (alphabetic, width) = if byte.is_ascii() {
            (byte.is_ascii_alphabetic(), 1)
        } else {
            let c = text[i..].chars().next().unwrap_or_default();
            (c.is_alphabetic(), c.len_utf8())
        };
        if alphabetic {
            ascii &= byte.is_ascii();
        } else {
            if start < i {
                f(&text[start..i], ascii);
            }
            start = i + width;
            ascii = true;
        }
        i += width;
    }
    if start < bytes.len() {
        f(&text[start..], ascii);
    }
}

/// Stems one folded, lowercase word for `language` ([`Language::Other`] leaves it as is).
///
/// English uses the Snowball English (Porter2) algorithm and German the Snowball German
/// algorithm, both checked against the Snowball reference vocabularies.
///
/// # Example: inflections meet
///
/// ```
/// use parallax::tokenize::{stem, Language};
/// assert_eq!(stem("negotiations", Language::English), stem("negotiated", Language::English));
/// assert_eq!(stem("verhandlungen", Language::German), "verhandl");
/// assert_eq!(stem("négociations", Language::Other), "négociations");
/// ```
pub fn stem(word: &str, language: Language) -> String {
    match language {
        Language::English => english::stem(word),
        Language::German => german::stem(word),
        Language::Other => word.to_owned(),
    }
}

/// Whether `word` (folded, lowercase) is an English stop word.
///
/// # Example
///
/// ```
/// assert!(parallax::tokenize::is_stop_word("it's"));
/// assert!(!parallax::tokenize::is_stop_word("bridge"));
/// ```
pub fn is_stop_word(word: &str) -> bool {
    is_stop_word_in(word, Language::English)
}

/// Whether `word` (folded, lowercase) is a stop word of `language` (none for [`Language::Other`]).
///
/// # Example
///
/// ```
/// use parallax::tokenize::{is_stop_word_in, Language};
/// assert!(is_stop_word_in("über", Language::German));
/// assert!(!is_stop_word_in("über", Language::English));
/// ```
pub fn is_stop_word_in(word: &str, language: Language) -> bool {
    match language {
        Language::English => stop_words::is_english(word),
        Language::German => stop_words::is_german(word),
        Language::Other => false,
    }
}

/// Fills in the stem and the flags of a word or number token.
fn describe_word(token: &mut Token, surface: &str, at_sentence_start: bool, stems: &mut Stems) {
    let language = stems.language;
    let acronym = is_acronym(surface);
    let capitalized = surface
        .chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase);
    if token.kind == TokenKind::Word {
        let base = token.norm.strip_suffix("'s").filter(|b| !b.is_empty());
        token.stop_word = !acronym
            && (is_stop_word_in(&token.norm, language)
                || base.is_some_and(|b| is_stop_word_in(b, language)));
        token.possessive = !token.stop_word && base.is_some();
        token.name = acronym || (capitalized && !at_sentence_start && !token.stop_word);
    }
    token.stem = stem_of(token, stems);
}

/// Whether most words of two letters or more are in capitals (`LIGHTHOUSE LOST TO THE SEA`):
/// then capitals say nothing about names, and `THE` is a stop word, not an acronym.
fn is_shouting(s: &str, pieces: &[Range<usize>]) -> bool {
    let (mut words, mut upper) = (0, 0);
    for piece in pieces {
        let letters = s[piece.clone()].chars().filter(|c| c.is_alphabetic());
        let (count, all_upper) =
            letters.fold((0, true), |(n, up), c| (n + 1, up && c.is_uppercase()));
        if count >= 2 {
            words += 1;
            upper += usize::from(all_upper);
        }
    }
    words >= 3 && upper * 2 > words
}

/// All letters uppercase, and either two letters or more or a digit: `NATO`, `U.S`, `F-16`.
fn is_acronym(surface: &str) -> bool {
    let letters = surface.chars().filter(|c| c.is_alphabetic());
    let (count, all_upper) = letters.fold((0, true), |(n, up), c| (n + 1, up && c.is_uppercase()));
    all_upper && (count >= 2 || (count == 1 && surface.chars().any(char::is_numeric)))
}

fn stem_of(token: &Token, stems: &mut Stems) -> String {
    let norm = token.norm.as_str();
    if token.kind == TokenKind::Number {
        if let Some(plain) = without_thousands_separators(norm) {
            return plain;
        }
    }
    let base = if token.possessive {
        norm.get(..norm.len() - 2).unwrap_or(norm)
    } else {
        norm
    };
    if token.kind == TokenKind::Word && base.contains('.') {
        return base.replace('.', "");
    }
    let mut out = String::with_capacity(base.len());
    for (i, part) in base.split('-').enumerate() {
        if i > 0 {
            out.push('-');
        }
        stems.push_stem(part, &mut out);
    }
    out
}

/// `11,000` → `11000`, `1,250.5` → `1250.5`; `None` unless the commas group digits by three.
fn without_thousands_separators(norm: &str) -> Option<String> {
    let (whole, fraction) = norm.split_once('.').unwrap_or((norm, ""));
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    let grouped = whole.contains(',')
        && (1..=3).contains(&first.len())
        && digits(first)
        && groups.all(|g| g.len() == 3 && digits(g))
        && digits(fraction);
    grouped.then(|| norm.replace(',', ""))
}

fn kind_of(surface: &str) -> TokenKind {
    match surface.chars().find(|c| c.is_alphanumeric()) {
        Some(c) if c.is_alphabetic() => TokenKind::Word,
        Some(_) => TokenKind::Number,
        None if surface.chars().next().is_some_and(is_quote) => TokenKind::Quote,
        None => TokenKind::Punct,
    }
}

fn is_quote(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'..='\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
            | '\u{300C}'..='\u{300F}'
            | '\u{FF02}'
            | '\u{FF07}'
    )
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{FF0D}')
}

/// White space or an invisible character: never the start or end of a token.
fn is_blank(c: char) -> bool {
    c.is_whitespace() || is_invisible(c)
}

/// Token ranges relative to `s`: word-bound pieces, trimmed, split and hyphen-joined.
fn pieces(s: &str) -> Vec<Range<usize>> {
    // Word-bound pieces alternate with the spaces between them: about one for every three
    // bytes of running text, so the list rarely grows.
    let mut trimmed = Vec::with_capacity(s.len() / 3 + 1);
    bounds::for_each_word_bound(s, |piece| push_trimmed(s, piece, &mut trimmed));
    let mut split = Vec::with_capacity(trimmed.len());
    for range in trimmed {
        split_inside_word(s, range, &mut split);
    }
    join_hyphenated(s, split)
}

fn starts_alphanumeric(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_alphanumeric)
}

/// Splits a word piece at colons and at full stops that do not belong to it (see module docs).
fn split_inside_word(s: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &s[range.clone()];
    if !starts_alphanumeric(piece) || !piece.contains(['.', ':']) {
        out.push(range);
        return;
    }
    let initials = piece.split('.').all(|part| part.chars().count() <= 2);
    let chars: Vec<(usize, char)> = piece.char_indices().collect();
    let digit_at = |k: Option<usize>| {
        k.and_then(|k| chars.get(k))
            .is_some_and(|&(_, c)| c.is_numeric())
    };
    let mut start = range.start;
    for (k, &(i, c)) in chars.iter().enumerate() {
        let split = match c {
            ':' => true,
            '.' => {
                let between_digits = digit_at(k.checked_sub(1)) && digit_at(Some(k + 1));
                !(initials || between_digits)
            }
            _ => false,
        };
        if split {
            let at = range.start + i;
            push_trimmed(s, start..at, out);
            out.push(at..at + 1);
            start = at + 1;
        }
    }
    push_trimmed(s, start..range.end, out);
}

/// Pushes `range` without blank characters at either end, unless nothing is left.
fn push_trimmed(s: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let piece = &s[range.clone()];
    let Some(start) = piece
        .char_indices()
        .find(|&(_, c)| !is_blank(c))
        .map(|(i, _)| i)
    else {
        return;
    };
    let end = piece
        .char_indices()
        .rev()
        .find(|&(_, c)| !is_blank(c))
        .map_or(piece.len(), |(i, c)| i + c.len_utf8());
    out.push(range.start + start..range.start + end);
}

/// Joins `word`, one hyphen, `word` (with nothing between them) into one piece, repeatedly;
/// two plain numbers stay apart (`31-12`, `2010-2020` are scores and spans).
fn join_hyphenated(s: &str, pieces: Vec<Range<usize>>) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::with_capacity(pieces.len());
    let mut i = 0;
    while i < pieces.len() {
        let current = pieces[i].clone();
        if let (Some(last), Some(next)) = (out.last_mut(), pieces.get(i + 1)) {
            let mut hyphen = s[current.clone()].chars();
            let is_single_hyphen = hyphen.next().is_some_and(is_hyphen) && hyphen.next().is_none();
            let (before, after) = (&s[last.clone()], &s[next.clone()]);
            let has_letter = |p: &str| p.chars().any(char::is_alphabetic);
            if is_single_hyphen
                && last.end == current.start
                && current.end == next.start
                && starts_alphanumeric(before)
                && starts_alphanumeric(after)
                && (has_letter(before) || has_letter(after))
            {
                last.end = next.end;
                i += 2;
                continue;
            }
        }
        out.push(current);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests;
