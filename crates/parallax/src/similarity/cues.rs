//! Who speaks in a sentence: the cue that tells apart two quotes sharing the story's words.
//!
//! Two reports of one event name the same actors in most sentences, so one speaker's quote can
//! share a word or two with another speaker's quote. The aligner does not link sides that quote
//! different speakers in different words ([`super::other_speakers_quoted`]).

use super::profile::{id, Id};
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
        let found = if SPEECH_VERBS.binary_search(&norm).is_ok() {
            let before = phrase(tokens[..i].iter().rev());
            if before.is_empty() && VERBS_BEFORE.contains(&norm) {
                phrase(tokens[i + 1..].iter())
            } else {
                before
            }
        } else if norm == "according" && tokens.get(i + 1).is_some_and(|t| t.norm == "to") {
            phrase(tokens[i + 2..].iter().skip_while(|t| t.stop_word))
        } else if matches!(norm, "laut" | "citing") {
            phrase(tokens[i + 1..].iter().skip_while(|t| t.stop_word))
        } else {
            Vec::new()
        };
        out.extend(found);
    }
    out
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn tokens(text: &str) -> Vec<Token> {
        tokenize(text, 0..text.len())
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
}
