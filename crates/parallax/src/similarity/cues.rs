//! Who speaks in a sentence: the cue that tells apart two quotes sharing the story's words.
//!
//! Two reports of one event name the same actors in most sentences, so one speaker's quote can
//! share a word or two with another speaker's quote. The aligner does not link sides that quote
//! different speakers in different words ([`super::other_speakers_quoted`]).

use super::profile::{id, Id};
use crate::tokenize::stop_words::contains;
use crate::tokenize::{Token, TokenKind};

/// Reporting verbs, folded (English and German), sorted: the words around them name the
/// speaker.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "added", "announced", "berichtete", "betonte", "claimed", "confirmed", "emphasised",
    "emphasized", "erklärte", "insisted", "meldete", "noted", "pledged", "promised", "reported",
    "sagt", "sagte", "said", "says", "stated", "stressed", "told", "urged", "versprach",
    "vowed", "warned", "wrote",
];

/// Reporting verbs that may come before their speaker: `…,” said Peskov`, `sagte Peskow`.
const VERBS_BEFORE: &[&str] = &["added", "erklärte", "sagt", "sagte", "said", "says"];

/// Words that describe a speaker instead of naming one: `the Ostrelian leader said` may be the
/// very person the other report names, so such a phrase counts as no speaker (like `he`).
#[rustfmt::skip]
const DESCRIPTIONS: &[&str] = &[
    "chancellor", "counterpart", "head", "kanzler", "kanzlerin", "leader", "leaders", "premier",
    "president", "präsident", "präsidentin",
];

/// At most this many content words make a speaker.
const SPEAKER_WORDS: usize = 4;

/// The stems of the speakers a sentence names (`Ukraine said`, `…, said Peskov`, `according
/// to the ministry`), each speaker being the content words right next to its cue.
pub(super) fn speakers(tokens: &[Token]) -> Vec<Id> {
    let mut out = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        if token.kind != TokenKind::Word {
            continue;
        }
        let norm = token.norm.as_str();
        if !may_be_cue(norm) {
            continue;
        }
        let found = if contains(SPEECH_VERBS, norm) {
            let before = phrase(tokens[..appositive_start(tokens, i)].iter().rev());
            if before.is_empty() && VERBS_BEFORE.contains(&norm) {
                phrase(tokens[i + 1..].iter())
            } else {
                before
            }
        } else if norm == ACCORDING && tokens.get(i + 1).is_some_and(|t| t.norm == "to") {
            phrase_end(&tokens[i + 2..])
        } else if CITING.contains(&norm) {
            phrase_end(&tokens[i + 1..])
        } else {
            Vec::new()
        };
        out.extend(found);
    }
    out
}

/// Where the words naming the speaker of the reporting verb at `verb` end: before an
/// appositive set off by commas (`Yury Ushakov, a top aide, said`: the name, not the
/// description), else right before the verb.
fn appositive_start(tokens: &[Token], verb: usize) -> usize {
    let comma = |t: &Token| t.kind == TokenKind::Punct && t.norm == ",";
    if !verb.checked_sub(1).is_some_and(|k| comma(&tokens[k])) {
        return verb;
    }
    tokens[..verb - 1]
        .iter()
        .rev()
        .take(APPOSITIVE_TOKENS)
        .position(comma)
        .map_or(verb, |back| verb - 2 - back)
}

/// An appositive between a speaker and the verb is at most this many tokens long.
const APPOSITIVE_TOKENS: usize = 8;

/// The speaker named after `according to`, `citing` or `laut`: the run of content words after
/// any stop words, its last [`SPEAKER_WORDS`] (`according to presidential aide Yury Ushakov`:
/// the name comes last).
fn phrase_end(tokens: &[Token]) -> Vec<Id> {
    let start = tokens.iter().take_while(|t| t.stop_word).count();
    let run = tokens[start..]
        .iter()
        .take_while(|t| t.is_content() && t.kind == TokenKind::Word)
        .count();
    phrase(tokens[(start + run).saturating_sub(SPEAKER_WORDS).max(start)..].iter())
}

/// The ids of the content words that run from the start of `tokens` up to the first stop
/// word, mark or quote (at most [`SPEAKER_WORDS`]); none when a word only describes the
/// speaker ([`DESCRIPTIONS`]).
fn phrase<'t>(tokens: impl Iterator<Item = &'t Token>) -> Vec<Id> {
    let words: Vec<&Token> = tokens
        .take_while(|t| t.is_content() && t.kind == TokenKind::Word)
        .take(SPEAKER_WORDS)
        .collect();
    if words
        .iter()
        .any(|t| DESCRIPTIONS.contains(&t.norm.as_str()))
    {
        return Vec::new();
    }
    words
        .iter()
        .filter(|t| !t.stem.is_empty())
        .map(|t| id(&t.stem))
        .collect()
}

/// Words that place a sentence's event on another occasion than the story's own (folded,
/// English and German, sorted): `two years later`, `in previous remarks`, `years ago`. Not
/// `last` nor `earlier`: `last September` and `earlier in the day` date a step of the story
/// itself, which the other report may tell without its date.
#[rustfmt::skip]
const SHIFTS: &[&str] = &[
    "ago", "damals", "formerly", "früher", "later", "previous", "previously", "später", "vorher",
    "zuvor",
];

/// Words that name a time, or many times (`repeatedly`, `again`: such a sentence may well
/// cover the other report's dated instance); folded, sorted; `may` and `march` are left out
/// as verbs first.
#[rustfmt::skip]
const TIMES: &[&str] = &[
    "again", "always", "april", "august", "decade", "decades", "december", "dezember", "dienstag",
    "donnerstag", "erneut", "ever", "februar", "february", "freitag", "friday", "gestern", "heute",
    "immer", "jahr", "jahre", "jahren", "jahres", "jahrzehnt", "jahrzehnte", "januar", "january",
    "juli", "july", "june", "juni", "mehrfach", "mittwoch", "monat", "monate", "monaten", "monday",
    "montag", "month", "months", "märz", "never", "november", "october", "oft", "often", "oktober",
    "repeatedly", "samstag", "saturday", "september", "sonntag", "sunday", "thursday", "today",
    "tomorrow", "tonight", "tuesday", "wednesday", "week", "weeks", "wiederholt", "woche",
    "wochen", "year", "years", "yesterday",
];

/// Openings that place the sentence's event at an occasion told before (`At the time, …`,
/// `Back then, …`): counted as shifts only when they open the sentence.
const OPENING_SHIFTS: &[&[&str]] = &[
    &["at", "that", "time"],
    &["at", "the", "time"],
    &["back", "then"],
];

/// How many tokens open a sentence, at most, for a shift to count ([`when`]).
const OPENING: usize = 6;

/// When a sentence says its event happened.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct When {
    /// It places its event before or after the story's own ([`SHIFTS`]).
    pub(crate) shifted: bool,
    /// It names a time at all: a shift, a date word ([`TIMES`]) or a year.
    pub(crate) timed: bool,
}

impl When {
    /// What a run of sentences says: any of them.
    pub(super) fn or(self, other: When) -> When {
        When {
            shifted: self.shifted || other.shifted,
            timed: self.timed || other.timed,
        }
    }
}

/// When the sentence of `tokens` says its event happened.
///
/// A shift counts only in the sentence's opening words, before any mark (`Two years later,
/// …`, `In previous remarks, …`): further on it is mostly a clause's own background (`…
/// sanctions that Russia previously approved`), not the sentence's occasion.
pub(super) fn when(tokens: &[Token]) -> When {
    let mut when = When::default();
    let words = || tokens.iter().map(|t| t.norm.as_str());
    if OPENING_SHIFTS.iter().any(|shift| {
        words().take(shift.len()).eq(shift.iter().copied())
            && tokens
                .get(shift.len())
                .is_none_or(|t| t.kind != TokenKind::Word)
    }) {
        when.shifted = true;
        when.timed = true;
    }
    let opening = tokens
        .iter()
        .position(|t| t.kind == TokenKind::Punct)
        .unwrap_or(tokens.len())
        .min(OPENING);
    for (i, token) in tokens.iter().enumerate() {
        let norm = token.norm.as_str();
        match token.kind {
            TokenKind::Word if !may_be_cue(norm) => {}
            TokenKind::Word if contains(SHIFTS, norm) => {
                // `previously reported` dates the report, not the event.
                let of_report = tokens
                    .get(i + 1)
                    .is_some_and(|t| contains(SPEECH_VERBS, &t.norm));
                when.shifted |= i < opening && !of_report;
                when.timed = true;
            }
            TokenKind::Word if contains(TIMES, norm) => when.timed = true,
            TokenKind::Number if is_year(norm) => when.timed = true,
            _ => {}
        }
    }
    when
}

/// Opens a source as `according to`.
const ACCORDING: &str = "according";

/// Open a source on their own (`citing officials`, `laut Ministerium`).
const CITING: &[&str] = &["citing", "laut"];

/// Every word a cue list holds: the reporting verbs, the time shifts and times, and the
/// words that open a source.
const CUE_LISTS: [&[&str]; 5] = [SPEECH_VERBS, SHIFTS, TIMES, &[ACCORDING], CITING];

/// For each first byte, bit `n` set when some cue word starting with it has `n` bytes (the
/// last bit: 15 bytes or more). Most words are ruled out by one lookup, before any search.
const CUE_SHAPES: [u16; 256] = {
    let mut shapes = [0_u16; 256];
    let mut l = 0;
    while l < CUE_LISTS.len() {
        let mut k = 0;
        while k < CUE_LISTS[l].len() {
            let bytes = CUE_LISTS[l][k].as_bytes();
            let len = if bytes.len() < 15 { bytes.len() } else { 15 };
            shapes[bytes[0] as usize] |= 1 << len;
            k += 1;
        }
        l += 1;
    }
    shapes
};

/// Whether `norm` could be a word of a cue list (its first byte and length fit one).
fn may_be_cue(norm: &str) -> bool {
    norm.as_bytes()
        .first()
        .is_some_and(|&first| CUE_SHAPES[usize::from(first)] >> norm.len().min(15) & 1 == 1)
}

/// `1990`, `2024`, `1990s`: four digits from 1800 to 2099, an `s` allowed after them.
fn is_year(norm: &str) -> bool {
    let digits = norm.strip_suffix('s').unwrap_or(norm);
    digits.len() == 4
        && digits.bytes().all(|b| b.is_ascii_digit())
        && matches!(&digits[..2], "18" | "19" | "20")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn tokens(text: &str) -> Vec<Token> {
        tokenize(text, 0..text.len())
    }

    #[test]
    fn every_cue_word_passes_the_shape_filter_and_most_words_do_not() {
        for list in CUE_LISTS {
            for word in list {
                assert!(may_be_cue(word), "{word}");
            }
        }
        for word in ["the", "pact", "", "x", "pyongyang", "submarines"] {
            assert!(!may_be_cue(word), "{word}");
        }
    }

    #[test]
    fn the_verbs_are_sorted_for_binary_search() {
        assert!(SPEECH_VERBS.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn speakers_are_the_words_at_their_cue() {
        let cases: &[(&str, &[&str])] = &[
            ("KCNA said the visit mattered.", &["kcna"]),
            (
                "A State Department spokesperson told reporters the ties were worrying.",
                &["state", "depart", "spokesperson"],
            ),
            ("“We will win,” said Peskov.", &["peskov"]),
            ("According to the ministry, ten died.", &["ministri"]),
            ("He said the talks went well.", &[]),
            ("The Ostrelian leader said the pact was fair.", &[]),
            ("The talks went well.", &[]),
        ];
        for (text, want) in cases {
            let mut want: Vec<Id> = want.iter().map(|w| id(w)).collect();
            let mut got = speakers(&tokens(text));
            want.sort_unstable();
            got.sort_unstable();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn the_time_words_are_sorted_for_binary_search() {
        for list in [SHIFTS, TIMES] {
            assert!(list.windows(2).all(|w| w[0] < w[1]));
        }
    }

    #[test]
    fn when_tells_shifted_timed_and_untimed_sentences_apart() {
        let cases: &[(&str, bool, bool)] = &[
            ("Two years later, Maravia joined Korvan.", true, true),
            (
                "In previous remarks, officials pledged closer ties.",
                true,
                true,
            ),
            ("Last September, Putin met Kim.", false, true),
            ("Earlier in the day, Kim welcomed Putin.", false, false),
            ("Damals traf Putin Kim.", true, true),
            (
                "Both deny it, which Russia previously approved.",
                false,
                true,
            ),
            (
                "Russian media previously reported that Kim would host it.",
                false,
                true,
            ),
            ("Russia has repeatedly blocked new sanctions.", false, true),
            ("In September 2023, Putin met Kim.", false, true),
            ("The 1990s were hard.", false, true),
            ("The treaty was signed on Wednesday.", false, true),
            (
                "The embargo should be lifted, state media said.",
                false,
                false,
            ),
            ("He fired 2500 rounds.", false, false),
        ];
        for &(text, shifted, timed) in cases {
            assert_eq!(when(&tokens(text)), When { shifted, timed }, "{text}");
        }
    }
}
