//! Find sentence boundaries inside one line of text.
//!
//! The scanner walks the line once. Every run of sentence-final punctuation followed by
//! white space (or, for CJK full stops, by anything) is a candidate; the words on both
//! sides decide whether it is a boundary. List items that share a line are split too.

use super::lexicon::{
    contains, BEFORE_NUMBER, CAPITALISED, INNER, MONTHS, MONTH_ABBREVIATIONS, ORDINAL_CONTEXT,
    ORDINAL_NOUNS, POSTPOSITIVE, STARTERS, TIME_PREPOSITIONS, TITLES,
};
use std::ops::Range;

/// Splits one line (without its line break) into trimmed, non-empty sentence ranges,
/// relative to the line's start.
pub(super) fn split_line(line: &str) -> Vec<Range<usize>> {
    let chars: Vec<(usize, char)> = line.char_indices().collect();
    let list_cuts = list_item_cuts(line);
    let mut cuts: Vec<usize> = Vec::new();
    let mut next_list_cut = 0;
    let mut sentence_start = 0;
    let mut i = 0;
    while i < chars.len() {
        let (pos, c) = chars[i];
        while next_list_cut < list_cuts.len() && list_cuts[next_list_cut] <= pos {
            sentence_start = sentence_start.max(list_cuts[next_list_cut]);
            next_list_cut += 1;
        }
        if !is_stop(c) && !is_cjk_stop(c) {
            i += 1;
            continue;
        }
        let cluster = Cluster::read(line, &chars, i);
        let decision = decide(line, &cluster, sentence_start);
        if let Some(cut) = decision {
            cuts.push(cut);
            sentence_start = cut;
        }
        i = cluster.next;
    }
    cuts.extend(list_cuts);
    crate::order::sort(&mut cuts);
    cuts.dedup();
    pieces(line, &cuts)
}

/// Cuts `line` at `cuts` and trims every piece; empty pieces are dropped.
fn pieces(line: &str, cuts: &[usize]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for &cut in cuts.iter().chain(std::iter::once(&line.len())) {
        if cut < start {
            continue;
        }
        if let Some(range) = trimmed(line, start..cut) {
            out.push(range);
        }
        start = cut;
    }
    out
}

/// Shrinks `range` to exclude leading and trailing white space; `None` if nothing is left.
pub(super) fn trimmed(text: &str, range: Range<usize>) -> Option<Range<usize>> {
    let piece = text.get(range.clone())?;
    let start = range.start + (piece.len() - piece.trim_start().len());
    let end = range.end - (piece.len() - piece.trim_end().len());
    (start < end).then_some(start..end)
}

/// Latin-style sentence-final punctuation: a boundary only when white space follows.
fn is_stop(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '‽')
}

/// Full stops of scripts that put no space after them (CJK) or that have their own marks.
fn is_cjk_stop(c: char) -> bool {
    matches!(
        c,
        '。' | '｡' | '！' | '？' | '؟' | '।' | '॥' | '።' | '։' | '︒'
    )
}

/// Punctuation that closes a sentence after its full stop: quotes and brackets.
pub(super) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | ')'
            | ']'
            | '}'
            | '」'
            | '』'
            | '）'
            | '】'
            | '〕'
            | '》'
            | '〉'
            | '］'
            | '＂'
            | '＇'
    )
}

/// Punctuation that may open a sentence before its first word.
pub(super) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
            | '「'
            | '『'
            | '（'
            | '【'
            | '〔'
            | '《'
            | '〈'
            | '*'
            | '_'
    )
}

/// Bullet characters that start list items.
pub(super) fn is_bullet(c: char) -> bool {
    matches!(
        c,
        '•' | '◦'
            | '‣'
            | '⁃'
            | '▪'
            | '▫'
            | '●'
            | '○'
            | '■'
            | '□'
            | '◆'
            | '◇'
            | '►'
            | '▶'
            | '➢'
            | '➤'
            | '✓'
            | '✔'
            | '·'
    )
}

/// A run of sentence-final punctuation, with the quotes and brackets that close after it.
// The flags are independent facts about one run that `decide` combines case by case.
#[allow(clippy::struct_excessive_bools)]
struct Cluster {
    /// Byte offset of the first mark.
    start: usize,
    /// Byte offset just after the first mark.
    first_end: usize,
    /// Byte offset just after the marks and closers.
    end: usize,
    /// Char index to continue scanning from.
    next: usize,
    /// Full stops in the run ("…" counts three).
    dots: usize,
    /// The run holds `!`, `?` or similar.
    exclaims: bool,
    /// The run holds a CJK full stop.
    cjk: bool,
    /// The dots are spaced (". . .").
    spaced: bool,
    /// No white space before the run ("word.").
    attached: bool,
    /// The run follows an opening bracket ("[...]").
    after_bracket: bool,
    /// Closing quotes or brackets follow the run directly (`..."`).
    closed: bool,
}

impl Cluster {
    fn read(line: &str, chars: &[(usize, char)], first: usize) -> Self {
        let (start, first_char) = chars[first];
        let before = first.checked_sub(1).map(|j| chars[j].1);
        let mut cluster = Cluster {
            start,
            first_end: start + first_char.len_utf8(),
            end: start,
            next: first,
            dots: 0,
            exclaims: false,
            cjk: false,
            spaced: false,
            attached: before.is_some_and(|c| !c.is_whitespace()),
            after_bracket: matches!(before, Some('[' | '(' | '{')),
            closed: false,
        };
        let mut j = first;
        loop {
            match chars.get(j).map(|&(_, c)| c) {
                Some('.') => cluster.dots += 1,
                Some('…') => cluster.dots += 3,
                Some(c) if is_cjk_stop(c) => cluster.cjk = true,
                Some(c) if is_stop(c) => cluster.exclaims = true,
                // ". . ." : a space between dots continues an ellipsis.
                Some(' ')
                    if !cluster.exclaims
                        && !cluster.cjk
                        && chars.get(j + 1).is_some_and(|&(_, c)| c == '.') =>
                {
                    cluster.spaced = true;
                }
                _ => break,
            }
            j += 1;
        }
        while chars.get(j).is_some_and(|&(_, c)| is_closer(c)) {
            cluster.closed = true;
            j += 1;
        }
        cluster.next = j;
        cluster.end = chars.get(j).map_or(line.len(), |&(p, _)| p);
        cluster
    }
}

/// What follows a candidate boundary.
struct Next<'a> {
    /// Byte offset of the next token in the line.
    offset: usize,
    /// The next white-space separated token.
    token: &'a str,
    /// The next token with leading quotes and brackets removed.
    core: &'a str,
    /// The leading letters of `core` ("It" in "It’s").
    word: &'a str,
}

impl Next<'_> {
    /// Whether the next token may begin a sentence (it does not start with a lowercase letter).
    fn may_start(&self) -> bool {
        !self.core.chars().next().is_some_and(char::is_lowercase)
    }

    fn starts_with_digit(&self) -> bool {
        self.core
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c == '#')
    }

    /// Whether the next word is a typical sentence opener ("The", "He", "How").
    fn is_starter(&self) -> bool {
        self.word.chars().next().is_some_and(char::is_uppercase)
            && contains(STARTERS, &self.word.to_lowercase())
    }
}

fn next_token(line: &str, from: usize) -> Next<'_> {
    let after = line.get(from..).unwrap_or("");
    let rest = after.trim_start();
    let offset = from + (after.len() - rest.len());
    let token = rest.split(char::is_whitespace).next().unwrap_or("");
    let core = token.trim_start_matches(is_opener);
    let word_end = core
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(core.len());
    Next {
        offset,
        token,
        core,
        word: &core[..word_end],
    }
}

/// Whether `quote` closes a quotation or bracket left open in `sentence`.
fn closes_open_quote(sentence: &str, quote: char) -> bool {
    let count = |c: char| sentence.chars().filter(|&x| x == c).count();
    match quote {
        '“' => count('„') > count('“'),
        '”' => count('“') > count('”'),
        '»' => count('«') > count('»'),
        '«' => count('»') > count('«'),
        '’' => count('‘') > count('’'),
        '‘' => count('‚') > count('‘'),
        '"' => count('"') % 2 == 1,
        '\'' => count('\'') % 2 == 1,
        ')' => count('(') > count(')'),
        ']' => count('[') > count(']'),
        _ => true,
    }
}

/// Returns the byte offset to cut at, if the cluster ends a sentence.
fn decide(line: &str, cluster: &Cluster, sentence_start: usize) -> Option<usize> {
    if cluster.end >= line.len() {
        return None;
    }
    if cluster.cjk {
        return Some(cluster.end);
    }
    // "3.5", "U.S.A", "e.g.,", "mean...see": no white space after the marks.
    if !line[cluster.end..].starts_with(char::is_whitespace) {
        return None;
    }
    let mut end = cluster.end;
    let mut next = next_token(line, end);
    // A closing quote typed after a space: `dir! “ Am Abend`, `them. ”`.
    if !next.token.is_empty() && next.token.chars().all(is_closer) {
        let rest = line.get(next.offset + next.token.len()..).unwrap_or("");
        if rest.trim().is_empty() {
            return None; // The line ends the sentence, quote and all.
        }
        let quote = next.token.chars().next().unwrap_or('"');
        if closes_open_quote(line.get(sentence_start..end).unwrap_or(""), quote) {
            end = next.offset + next.token.len();
            next = next_token(line, end);
        }
    } else if next
        .token
        .trim_end_matches([',', ';', ':'])
        .chars()
        .all(is_closer)
    {
        return None; // `„Was? “, rufen sie`: the sentence goes on after the quote.
    }
    if !next.may_start() {
        return None;
    }
    let cut = Some(end);
    if cluster.exclaims {
        return cut;
    }
    if cluster.spaced {
        return if cluster.attached && cluster.dots >= 4 {
            // "compounds. . . . The": the first dot ends the sentence, the ellipsis
            // opens the next one.
            Some(cluster.first_end)
        } else if cluster.attached || cluster.closed || cluster.dots >= 4 {
            // "period . . . . Next": an ellipsis and a full stop.
            cut
        } else {
            // "is . . . I didn't": an ellipsis inside the sentence.
            None
        };
    }
    if cluster.dots >= 2 {
        if cluster.after_bracket {
            return None; // "[...]" marks an omission.
        }
        return (cluster.attached || cluster.closed || cluster.dots >= 4).then_some(end);
    }
    let so_far = line.get(sentence_start..cluster.start).unwrap_or("");
    period_ends_sentence(so_far, &next).then_some(end)
}

/// Decides a single full stop; `so_far` is the sentence up to the stop.
fn period_ends_sentence(so_far: &str, next: &Next<'_>) -> bool {
    if is_list_marker(so_far) {
        return false;
    }
    let before = so_far.trim_end();
    let word_start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8());
    // The word proper: "J" in "Ledger/J.", "Smith" in "(Smith.", "Mr" in "Putin—Mr.".
    let token = &before[word_start..];
    let word = token
        .rsplit(['/', '(', '[', '{', '—', '–'])
        .next()
        .unwrap_or(token)
        .trim_start_matches(is_opener);
    if word.is_empty() {
        return true;
    }
    let lower = word.to_lowercase();
    if word.len() <= 3 && word.chars().all(|c| c.is_ascii_digit()) {
        // German ordinal: "am 3. Oktober", "der 2. Weltkrieg".
        let previous = before[..word_start]
            .split_whitespace()
            .next_back()
            .unwrap_or("");
        let next_word = next.word.to_lowercase();
        return !(contains(MONTHS, &next_word)
            || contains(ORDINAL_NOUNS, &next_word)
            || contains(ORDINAL_CONTEXT, &previous.to_lowercase()));
    }
    let capitalised = word.chars().next().is_some_and(char::is_uppercase);
    if contains(INNER, &lower) || capitalised && contains(TITLES, &lower) {
        return false;
    }
    if contains(BEFORE_NUMBER, &lower) && next.starts_with_digit() {
        return false;
    }
    if contains(MONTH_ABBREVIATIONS, &lower) {
        return !next.starts_with_digit();
    }
    if lower == "a.m" || lower == "p.m" {
        return next.is_starter() && !is_time_phrase(before);
    }
    if contains(POSTPOSITIVE, &lower)
        || (capitalised && contains(CAPITALISED, &lower))
        || is_initialism(word)
        || (word.chars().count() == 1 && word.chars().all(char::is_alphabetic))
    {
        return next.is_starter();
    }
    true
}

/// "U.S", "Ph.D", "E.U": letters in groups of one or two, joined by full stops.
fn is_initialism(word: &str) -> bool {
    word.contains('.')
        && word.split('.').all(|part| {
            (1..=2).contains(&part.chars().count()) && part.chars().all(char::is_alphabetic)
        })
}

/// A sentence so far that is only a list marker: "1", "a", "iv", "• 9".
fn is_list_marker(so_far: &str) -> bool {
    let rest = so_far
        .trim()
        .trim_start_matches(|c: char| is_bullet(c) || c.is_whitespace());
    let rest = rest.trim_start_matches(['-', '*', '–']).trim_start();
    if rest.is_empty() || rest.len() > 4 {
        return false;
    }
    rest.chars().all(|c| c.is_ascii_digit())
        || (rest.chars().count() == 1 && rest.chars().all(char::is_alphabetic))
        || rest
            .chars()
            .all(|c| matches!(c, 'i' | 'v' | 'x' | 'I' | 'V' | 'X'))
}

/// A short sentence opening that is a time phrase: "At 5 a.m." — the time does not end it.
fn is_time_phrase(before: &str) -> bool {
    if before.len() > 60 {
        return false;
    }
    let mut words = before.split_whitespace();
    let first = words
        .next()
        .unwrap_or("")
        .trim_start_matches(is_opener)
        .to_lowercase();
    words.count() < 6 && contains(TIME_PREPOSITIONS, &first)
}

/// How list items are numbered.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Style {
    Dot,
    Paren,
    DotParen,
}

impl Style {
    fn parse(rest: &str) -> Option<Self> {
        match rest {
            "." => Some(Style::Dot),
            ")" => Some(Style::Paren),
            ".)" => Some(Style::DotParen),
            _ => None,
        }
    }
}

enum Marker {
    Bullet(char),
    Number(u32, Style),
    Letter(char, Style),
}

impl Marker {
    /// The marker a line starts with, if any; `token` is its first token.
    fn parse(token: &str) -> Option<Self> {
        let first = token.chars().next()?;
        if is_bullet(first) {
            return Some(Marker::Bullet(first));
        }
        let digits = token
            .find(|c: char| !c.is_ascii_digit())
            .unwrap_or(token.len());
        if (1..=3).contains(&digits) {
            let style = Style::parse(&token[digits..])?;
            return token[..digits]
                .parse()
                .ok()
                .map(|n| Marker::Number(n, style));
        }
        let style = Style::parse(token.get(first.len_utf8()..)?)?;
        let letter_ok =
            first.is_ascii_lowercase() || (first.is_ascii_uppercase() && style != Style::Dot);
        letter_ok.then_some(Marker::Letter(first, style))
    }

    /// Whether `token` is the marker of the item after this one; advances if so.
    fn advance(&mut self, token: &str) -> bool {
        match self {
            Marker::Bullet(b) => token.starts_with(*b),
            Marker::Number(n, style) => match Marker::parse(token) {
                Some(Marker::Number(m, s)) if m == *n + 1 && s == *style => {
                    *n = m;
                    true
                }
                _ => false,
            },
            Marker::Letter(l, style) => match Marker::parse(token) {
                Some(Marker::Letter(m, s)) if u32::from(m) == u32::from(*l) + 1 && s == *style => {
                    *l = m;
                    true
                }
                _ => false,
            },
        }
    }
}

/// Byte offsets where later items of a list that shares one line begin:
/// "1) One 2) Two", "a. One b. Two", "• One • Two".
fn list_item_cuts(line: &str) -> Vec<usize> {
    let mut tokens = tokens(line);
    // A bullet glued to its text ("⁃9.") still starts a bulleted list.
    let Some(mut marker) = tokens.next().and_then(|(_, t)| Marker::parse(t)) else {
        return Vec::new();
    };
    tokens
        .filter(|(_, t)| marker.advance(t))
        .map(|(p, _)| p)
        .collect()
}

/// White-space separated tokens with their byte offsets.
fn tokens(line: &str) -> impl Iterator<Item = (usize, &str)> {
    line.split(char::is_whitespace)
        .scan(0usize, |offset, t| {
            let at = *offset;
            *offset += t.len();
            // Every separator is one white-space char; find its length after the token.
            let sep = line[*offset..].chars().next().map_or(0, char::len_utf8);
            *offset += sep;
            Some((at, t))
        })
        .filter(|(_, t)| !t.is_empty())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_have_offsets() {
        let line = "a\u{3000}bb  c";
        let got: Vec<_> = tokens(line).collect();
        assert_eq!(got, [(0, "a"), (4, "bb"), (8, "c")]);
    }

    #[test]
    fn list_cuts() {
        assert_eq!(list_item_cuts("1) One 2) Two 3) Three"), [7, 14]);
        assert_eq!(list_item_cuts("1) One 3) Two"), Vec::<usize>::new());
        assert_eq!(list_item_cuts("Plain text 2) here"), Vec::<usize>::new());
    }
}
