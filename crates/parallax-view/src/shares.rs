//! The quiet display of a paraphrase: what two sentences share stays plain, and only the
//! content words one side adds are marked [`Mark::Only`].
//!
//! Two independent reports of one fact share few words, so their word diff is a wall of
//! strike-through. The quiet display is cut from the same diff: a changed stretch keeps its
//! names, numbers and other content words marked, while the function words ("the", "of",
//! "und", …) and punctuation in it go back to plain text.

use crate::row::{Mark, Piece};

/// Function words of English and German: differing, they say nothing about the facts.
/// Sorted, lower case (checked by a test), so lookup is a binary search.
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
    "auch", "auf", "aus", "be", "been", "before", "bei", "being", "but", "by", "can", "could",
    "da", "das", "dass", "dem", "den", "der", "des", "did", "die", "do", "does", "ein", "eine",
    "einem", "einen", "einer", "eines", "er", "es", "for", "from", "für", "had", "has", "hat",
    "hatte", "have", "he", "her", "him", "his", "i", "ich", "if", "im", "in", "into", "is", "ist",
    "it", "its", "man", "mit", "nach", "nicht", "noch", "not", "ob", "oder", "of", "on", "onto",
    "or", "our", "she", "should", "sich", "sie", "sind", "so", "some", "such", "than", "that",
    "the", "their", "them", "then", "there", "these", "they", "this", "those", "to", "und",
    "unter", "up", "vom", "von", "war", "waren", "was", "we", "wenn", "were", "when", "where",
    "which", "while", "who", "whom", "whose", "wie", "will", "wir", "wird", "with", "wo", "would",
    "wurde", "wurden", "you", "your", "zu", "zum", "zur", "über",
];

/// The longest stop word, in bytes (checked by a test): a longer word is no stop word.
const LONGEST_STOP_WORD: usize = 7;

/// Whether `word` (no white space) is a function word or holds no letter or digit.
pub(crate) fn is_quiet_word(word: &str) -> bool {
    let core = word.trim_matches(|c: char| !c.is_alphanumeric());
    if core.is_empty() {
        return true;
    }
    // "it's", "don't": the part before the apostrophe decides.
    let head = core.split(['\'', '\u{2019}']).next().unwrap_or(core);
    if head.len() > LONGEST_STOP_WORD {
        return false;
    }
    // Lower-cased character by character, compared with each stop word as it comes: no
    // allocation per word (every changed word of every row passes here), and not
    // `str::to_lowercase`, one Unicode routine less in the page's wasm (the two differ only on
    // a word-final Greek sigma). Code points order as their UTF-8 bytes do, so the sorted
    // list's binary search holds.
    let lower = || head.chars().flat_map(char::to_lowercase);
    STOP_WORDS
        .binary_search_by(|w| w.chars().cmp(lower()))
        .is_ok()
}

/// The quiet display of a sentence's diff pieces: [`Mark::Removed`] and [`Mark::Added`]
/// become [`Mark::Only`] on content words (the word's letters and digits, not the punctuation
/// around them) and [`Mark::Same`] elsewhere. Neighbouring marked words joined by white space
/// are one piece ("New York").
pub(crate) fn shares(pieces: &[Piece]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let mut push = |text: &str, mark: Mark| {
        if text.is_empty() {
            return;
        }
        match out.last_mut() {
            Some(last) if last.mark == mark => last.text.push_str(text),
            _ => out.push(Piece {
                text: text.to_owned(),
                mark,
            }),
        }
    };
    for piece in pieces {
        if matches!(piece.mark, Mark::Same | Mark::Only) {
            push(&piece.text, piece.mark);
            continue;
        }
        for token in piece.text.split_inclusive(char::is_whitespace) {
            let word = token.trim_end_matches(char::is_whitespace);
            let space = &token[word.len()..];
            if is_quiet_word(word) {
                push(token, Mark::Same);
                continue;
            }
            let start = word.find(char::is_alphanumeric).unwrap_or(0);
            let end = word.rfind(char::is_alphanumeric).map_or(word.len(), |at| {
                at + word[at..].chars().next().map_or(0, char::len_utf8)
            });
            push(&word[..start], Mark::Same);
            push(&word[start..end], Mark::Only);
            push(&word[end..], Mark::Same);
            push(space, Mark::Same);
        }
    }
    join_only_runs(out)
}

/// `Only, " ", Only` becomes one `Only` piece.
fn join_only_runs(pieces: Vec<Piece>) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len());
    let mut iter = pieces.into_iter().peekable();
    while let Some(piece) = iter.next() {
        let joinable = piece.mark == Mark::Same
            && !piece.text.is_empty()
            && piece.text.chars().all(char::is_whitespace)
            && out.last().is_some_and(|p: &Piece| p.mark == Mark::Only)
            && iter.peek().is_some_and(|p| p.mark == Mark::Only);
        if joinable {
            let next = iter.next().map(|p| p.text).unwrap_or_default();
            if let Some(last) = out.last_mut() {
                last.text.push_str(&piece.text);
                last.text.push_str(&next);
            }
        } else {
            out.push(piece);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_quiet_word, shares, STOP_WORDS};
    use crate::row::{Mark, Piece};

    fn piece(text: &str, mark: Mark) -> Piece {
        Piece {
            text: text.to_owned(),
            mark,
        }
    }

    fn written(pieces: &[Piece]) -> String {
        pieces
            .iter()
            .map(|p| match p.mark {
                Mark::Only => format!("<{}>", p.text),
                Mark::Removed => format!("[-{}-]", p.text),
                Mark::Added => format!("{{+{}+}}", p.text),
                Mark::Same => p.text.clone(),
            })
            .collect()
    }

    #[test]
    fn stop_words_are_sorted_lower_case_and_unique() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.to_lowercase() == *w));
        assert_eq!(
            STOP_WORDS.iter().map(|w| w.len()).max(),
            Some(super::LONGEST_STOP_WORD)
        );
    }

    #[test]
    fn every_stop_word_is_quiet_in_capitals_too() {
        // Lower-cased character by character (the page's wasm has no `str::to_lowercase`):
        // "ÜBER", "FÜR" and "IT’S" still count as stop words.
        for word in STOP_WORDS {
            assert!(is_quiet_word(&word.to_uppercase()), "{word}");
            assert!(
                is_quiet_word(&format!("{}.", word.to_uppercase())),
                "{word}."
            );
        }
        assert!(is_quiet_word("IT\u{2019}S"));
        assert!(!is_quiet_word("STRASSE"));
    }

    #[test]
    fn quiet_words() {
        let table = [
            ("the", true),
            ("The", true),
            ("of,", true),
            ("—", true),
            ("und", true),
            ("Die", true),
            ("it’s", true),
            ("Marsh", false),
            ("96", false),
            ("£2.4", false),
            ("lighthouse.", false),
        ];
        for (word, quiet) in table {
            assert_eq!(is_quiet_word(word), quiet, "{word}");
        }
    }

    #[test]
    fn content_words_are_only_here_function_words_plain() {
        let table: [(&[Piece], &str); 5] = [
            (
                &[
                    piece("The ", Mark::Same),
                    piece("old tower of the", Mark::Removed),
                    piece(" fell.", Mark::Same),
                ],
                "The <old tower> of the fell.",
            ),
            (
                &[
                    piece("Said ", Mark::Same),
                    piece("Dr. Helen Marsh,", Mark::Added),
                    piece(" a geologist.", Mark::Same),
                ],
                "Said <Dr>. <Helen Marsh>, a geologist.",
            ),
            (
                &[piece("Winds of ", Mark::Same), piece("96", Mark::Added)],
                "Winds of <96>",
            ),
            (
                &[piece("und der", Mark::Removed), piece(" Hafen", Mark::Same)],
                "und der Hafen",
            ),
            (&[piece("A quiet day.", Mark::Same)], "A quiet day."),
        ];
        for (pieces, expected) in table {
            let quiet = shares(pieces);
            assert_eq!(written(&quiet), expected);
            let text: String = quiet.iter().map(|p| p.text.as_str()).collect();
            let original: String = pieces.iter().map(|p| p.text.as_str()).collect();
            assert_eq!(text, original, "the text is unchanged");
        }
    }
}
