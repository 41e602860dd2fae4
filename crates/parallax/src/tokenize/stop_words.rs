//! Stop-word lists (function words that carry little meaning for matching) and the short
//! marker lists that `detect_language` counts.
//!
//! Every list is sorted by bytes, so lookups are binary searches; a test checks the order.

/// English function words, plus reporting verbs (`said`, `says`) that every outlet uses.
#[rustfmt::skip]
pub(crate) const ENGLISH: &[&str] = &[
    "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any",
    "are", "aren't", "as", "at", "be", "because", "been", "before", "being", "below", "between",
    "both", "but", "by", "can", "can't", "could", "couldn't", "did", "didn't", "do", "does",
    "doesn't", "doing", "don't", "down", "during", "each", "few", "for", "from", "further", "had",
    "hadn't", "has", "hasn't", "have", "haven't", "having", "he", "he'd", "he'll", "he's", "her",
    "here", "here's", "hers", "herself", "him", "himself", "his", "how", "i", "i'd", "i'll", "i'm",
    "i've", "if", "in", "into", "is", "isn't", "it", "it's", "its", "itself", "just", "let's", "me",
    "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on", "once", "only",
    "or", "other", "our", "ours", "ourselves", "out", "over", "own", "said", "same", "say", "says",
    "she", "she'd", "she'll", "she's", "should", "shouldn't", "so", "some", "such", "than", "that",
    "that's", "the", "their", "theirs", "them", "themselves", "then", "there", "there's", "these",
    "they", "they'd", "they'll", "they're", "they've", "this", "those", "through", "to", "too",
    "under", "until", "up", "us", "very", "was", "wasn't", "we", "we'd", "we'll", "we're", "we've",
    "were", "weren't", "what", "what's", "when", "where", "which", "while", "who", "who's", "whom",
    "why", "will", "with", "won't", "would", "wouldn't", "you", "you'd", "you'll", "you're",
    "you've", "your", "yours", "yourself",
];

/// German function words, plus the reporting verb `sagte`.
#[rustfmt::skip]
pub(crate) const GERMAN: &[&str] = &[
    "aber", "alle", "allem", "allen", "aller", "alles", "als", "also", "am", "an", "andere",
    "anderen", "anderer", "anderes", "auch", "auf", "aus", "bei", "beim", "bin", "bis", "bist",
    "da", "damit", "dann", "das", "dass", "dem", "den", "denn", "der", "des", "dessen", "die",
    "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "dort", "du", "durch", "ein",
    "eine", "einem", "einen", "einer", "eines", "er", "es", "etwas", "euch", "für", "gegen", "hat",
    "hatte", "hatten", "ich", "ihm", "ihn", "ihnen", "ihr", "ihre", "ihrem", "ihren", "ihrer", "im",
    "in", "ins", "ist", "jedoch", "jetzt", "kann", "kein", "keine", "keinem", "keinen", "man",
    "mit", "muss", "nach", "nicht", "noch", "nun", "nur", "ob", "oder", "ohne", "sagte", "sei",
    "sein", "seine", "seinem", "seinen", "seiner", "seit", "sich", "sie", "sind", "so", "soll",
    "sollen", "um", "und", "uns", "unter", "vom", "von", "vor", "war", "waren", "was", "weil",
    "wenn", "wer", "werden", "wie", "wieder", "will", "wir", "wird", "wurde", "wurden", "zu", "zum",
    "zur", "zwischen", "über",
];

/// Frequent English words that are not also frequent German words (so not `was`, `will`, `in`).
#[rustfmt::skip]
pub(crate) const ENGLISH_MARKERS: &[&str] = &[
    "and", "are", "been", "from", "had", "has", "have", "is", "it", "not", "of", "said", "that",
    "the", "their", "this", "to", "were", "which", "with",
];

/// Frequent German words that are not also frequent English words.
#[rustfmt::skip]
pub(crate) const GERMAN_MARKERS: &[&str] = &[
    "auch", "auf", "bei", "das", "dass", "dem", "den", "der", "des", "die", "ein", "eine", "einer",
    "für", "im", "ist", "mit", "nach", "nicht", "sich", "sie", "sind", "und", "von", "wird",
    "wurde", "zu", "zum", "zur", "über",
];

/// The keys of [`ENGLISH_MARKERS`], in its order (see [`key`]; every marker has one).
pub(crate) const ENGLISH_MARKER_KEYS: [u64; ENGLISH_MARKERS.len()] = keys(ENGLISH_MARKERS);

/// The keys of [`GERMAN_MARKERS`], in its order (see [`key`]; every marker has one).
pub(crate) const GERMAN_MARKER_KEYS: [u64; GERMAN_MARKERS.len()] = keys(GERMAN_MARKERS);

/// The keys of the [`ENGLISH`] stop words of at most seven bytes, in the list's order.
const ENGLISH_KEYS: [u64; short_count(ENGLISH)] = keys(ENGLISH);

/// The keys of the [`GERMAN`] stop words of at most seven bytes, in the list's order.
const GERMAN_KEYS: [u64; short_count(GERMAN)] = keys(GERMAN);

/// The longest word that has a [`key`].
const KEY_BYTES: usize = 7;

/// A word of at most seven bytes as a number: its bytes big-endian, zero-padded, then its
/// length. Equal keys mean equal words, and the keys of words without a NUL byte sort as the
/// words do, so a sorted list's keys are sorted and [`contains_key`] finds what [`contains`]
/// finds. `None` for a longer word.
pub(crate) fn key(word: &[u8]) -> Option<u64> {
    (word.len() <= KEY_BYTES).then(|| pack(word))
}

/// The first seven bytes of `word`, big-endian, zero-padded, then its length (mod 256).
const fn pack(word: &[u8]) -> u64 {
    let mut key = 0u64;
    let mut i = 0;
    while i < KEY_BYTES {
        key <<= 8;
        if i < word.len() {
            key |= word[i] as u64;
        }
        i += 1;
    }
    (key << 8) | (word.len() as u64 & 0xFF)
}

/// How many words of `list` have a [`key`].
const fn short_count(list: &[&str]) -> usize {
    let mut count = 0;
    let mut i = 0;
    while i < list.len() {
        if list[i].len() <= KEY_BYTES {
            count += 1;
        }
        i += 1;
    }
    count
}

/// The keys of the words of `list` that have one, in order (`N` of them).
const fn keys<const N: usize>(list: &[&str]) -> [u64; N] {
    let mut out = [0; N];
    let (mut i, mut k) = (0, 0);
    while i < list.len() {
        if list[i].len() <= KEY_BYTES {
            out[k] = pack(list[i].as_bytes());
            k += 1;
        }
        i += 1;
    }
    out
}

/// Whether the word whose [`key`] is `key` is in the list whose keys are `keys`.
pub(crate) fn contains_key(keys: &[u64], key: u64) -> bool {
    keys.binary_search(&key).is_ok()
}

/// Whether `word` is an English stop word: [`contains`] of [`ENGLISH`], by key when it has one.
pub(crate) fn is_english(word: &str) -> bool {
    keyed(ENGLISH, &ENGLISH_KEYS, word)
}

/// Whether `word` is a German stop word: [`contains`] of [`GERMAN`], by key when it has one.
pub(crate) fn is_german(word: &str) -> bool {
    keyed(GERMAN, &GERMAN_KEYS, word)
}

/// [`contains`] of `list`, through `keys` (the keys of its short words) when `word` has a key.
fn keyed(list: &[&str], keys: &[u64], word: &str) -> bool {
    key(word.as_bytes()).map_or_else(|| contains(list, word), |k| contains_key(keys, k))
}

/// Whether `word` is in the sorted `list`.
pub(crate) fn contains(list: &[&str], word: &str) -> bool {
    // Byte by byte: the order of `str`, without a `memcmp` call per probe (the words are short).
    list.binary_search_by(|probe| probe.bytes().cmp(word.bytes()))
        .is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_and_free_of_duplicates() {
        for list in [ENGLISH, GERMAN, ENGLISH_MARKERS, GERMAN_MARKERS] {
            for pair in list.windows(2) {
                assert!(
                    pair[0] < pair[1],
                    "{:?} is not before {:?}",
                    pair[0],
                    pair[1]
                );
            }
        }
    }

    #[test]
    fn markers_are_stop_words_of_their_language_only() {
        for word in ENGLISH_MARKERS {
            assert!(contains(ENGLISH, word), "{word}");
            assert!(!contains(GERMAN_MARKERS, word), "{word}");
        }
        for word in GERMAN_MARKERS {
            assert!(contains(GERMAN, word), "{word}");
            assert!(!contains(ENGLISH_MARKERS, word), "{word}");
        }
        // `detect_language` skips words of more than five letters.
        for word in ENGLISH_MARKERS.iter().chain(GERMAN_MARKERS) {
            assert!(word.chars().count() <= 5, "{word}");
        }
    }

    #[test]
    fn stop_word_keys_find_what_the_lists_find() {
        let probes = ENGLISH.iter().chain(GERMAN).copied().chain([
            "",
            "a\0",
            "th",
            "thé",
            "zzzz",
            "übera",
            "abcdefg",
            "abcdefgh",
            "yourselves",
        ]);
        for word in probes {
            assert_eq!(is_english(word), contains(ENGLISH, word), "{word}");
            assert_eq!(is_german(word), contains(GERMAN, word), "{word}");
        }
    }

    proptest::proptest! {
        #[test]
        fn stop_word_keys_find_what_the_lists_find_on_any_word(word in "[a-zäöüß'\0]{0,9}") {
            proptest::prop_assert_eq!(is_english(&word), contains(ENGLISH, &word));
            proptest::prop_assert_eq!(is_german(&word), contains(GERMAN, &word));
        }
    }

    #[test]
    fn marker_keys_find_what_the_lists_find() {
        for (list, keys) in [
            (ENGLISH_MARKERS, &ENGLISH_MARKER_KEYS[..]),
            (GERMAN_MARKERS, &GERMAN_MARKER_KEYS[..]),
        ] {
            for word in list {
                assert!(word.len() <= KEY_BYTES && !word.contains('\0'), "{word}");
            }
            let probes = ENGLISH.iter().chain(GERMAN).copied().chain([
                "", "a", "th", "thee", "thé", "zzzz", "über", "übera", "abcdefgh",
            ]);
            for word in probes {
                let found = key(word.as_bytes()).is_some_and(|k| contains_key(keys, k));
                assert_eq!(found, contains(list, word), "{word}");
            }
        }
    }

    #[test]
    fn lookups_find_first_last_and_non_ascii_entries() {
        assert!(contains(ENGLISH, "a") && contains(ENGLISH, "yourself"));
        assert!(contains(GERMAN, "für") && contains(GERMAN, "über"));
        assert!(!contains(ENGLISH, "bridge") && !contains(GERMAN, "brücke"));
    }
}
