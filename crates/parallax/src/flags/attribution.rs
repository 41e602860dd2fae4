//! Attribution facts: who a side says made the claim (`X said`, `according to X`, `laut X`).

use super::names::canon;
use super::words::{shorten, strip_possessive, Prepared};
use super::{flag, Flag, FlagKind, Severity};
use crate::tokenize::TokenKind;
use std::ops::Range;

/// Verbs that follow their speaker: `Ukraine said`, `Peskow sagte`.
const VERBS_AFTER: &[&str] = &[
    "added",
    "announced",
    "berichtete",
    "betonte",
    "claimed",
    "claims",
    "confirmed",
    "erklärte",
    "meldete",
    "reported",
    "reports",
    "sagt",
    "sagte",
    "said",
    "say",
    "says",
    "stated",
    "told",
    "warned",
    "wrote",
];
/// Verbs that may come before their speaker: `, said Peskov`, `sagte Peskow`.
const VERBS_BEFORE: &[&str] = &["added", "erklärte", "sagt", "sagte", "said", "says"];
/// Articles skipped in front of a speaker.
const ARTICLES: &[&str] = &["the", "a", "an", "der", "die", "das", "des", "dem", "den"];
/// Capitalized words that never name a speaker on their own.
#[rustfmt::skip]
const NOT_SPEAKERS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
    "february", "march", "april", "may", "june", "july", "august", "september", "october",
    "november", "december", "i", "we", "he", "she", "they", "it",
    // Generic speakers: `Officials said` / `Analysts said` opening a sentence name no one.
    "activists", "agency", "analysts", "authorities", "critics", "diplomats", "experts",
    "government", "media", "ministry", "news", "observers", "officials", "people", "police",
    "report", "reports", "residents", "sources", "spokesman", "spokesperson", "spokeswoman",
    "state", "statement", "witnesses",
];

/// Whether a folded word is a reporting verb (`said`, `told`, `sagte`).
pub(super) fn is_speech_verb(norm: &str) -> bool {
    VERBS_AFTER.contains(&norm)
}

/// One speaker a side names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Speaker {
    /// Spelling-neutral forms of the capitalized words: what identifies the speaker.
    names: Vec<String>,
    /// The phrase's bytes.
    span: Range<usize>,
    /// The phrase for notes, with `the` when the text has it.
    label: String,
}

/// Flags a link whose sides each name one speaker, and different ones.
pub(super) fn compare(left: &Prepared<'_>, right: &Prepared<'_>) -> Vec<Flag> {
    let left_speakers = extract(left);
    let right_speakers = extract(right);
    let (Some(l), Some(r)) = (single(&left_speakers), single(&right_speakers)) else {
        return Vec::new();
    };
    if related(&l.names, &r.names) || mentions(right, &l.names) || mentions(left, &r.names) {
        return Vec::new();
    }
    let note = format!("said by {} / by {}", l.label, r.label);
    vec![flag(
        FlagKind::Attribution,
        Severity::Conflict,
        &l.span,
        &r.span,
        note,
    )]
}

/// The first speaker when all speakers of a side are one (related names).
fn single(speakers: &[Speaker]) -> Option<&Speaker> {
    let first = speakers.first()?;
    speakers
        .iter()
        .all(|s| related(&s.names, &first.names))
        .then_some(first)
}

/// Whether two speakers share a name word (or its stem: `Ukraine` / `Ukrainian`).
fn related(left: &[String], right: &[String]) -> bool {
    left.iter().any(|l| right.iter().any(|r| same_name(l, r)))
}

fn same_name(left: &str, right: &str) -> bool {
    let prefix = |s: &str| s.chars().take(5).collect::<String>();
    left == right
        || super::names::is_variant(left, right)
        || (left.chars().count() >= 5
            && right.chars().count() >= 5
            && prefix(left) == prefix(right))
}

/// Whether the side has a capitalized word that names one of `names` anywhere.
fn mentions(side: &Prepared<'_>, names: &[String]) -> bool {
    (0..side.tokens.len()).any(|k| {
        side.capitalized(k) && {
            let word = canon(strip_possessive(side.norm(k)));
            names.iter().any(|n| same_name(n, &word))
        }
    })
}

/// The speakers of a side, in order.
fn extract(side: &Prepared<'_>) -> Vec<Speaker> {
    let mut speakers = Vec::new();
    for i in 0..side.tokens.len() {
        let norm = side.norm(i);
        if VERBS_AFTER.contains(&norm) {
            if let Some(s) = phrase_before(side, i) {
                speakers.push(s);
                continue;
            }
        }
        let after = if VERBS_BEFORE.contains(&norm) || matches!(norm, "citing" | "laut") {
            Some(i + 1)
        } else if norm == "according" && side.norm(i + 1) == "to" {
            Some(i + 2)
        } else if norm == "nach"
            && side.norm(i + 1) == "angaben"
            && matches!(side.norm(i + 2), "von" | "der" | "des")
        {
            Some(i + 3)
        } else {
            None
        };
        if let Some(s) = after.and_then(|start| phrase_after(side, i, start)) {
            speakers.push(s);
        }
        if norm == "zufolge" {
            speakers.extend(phrase_before(side, i));
        }
    }
    speakers
}

/// Whether token `k` may be part of a speaker phrase.
fn phrase_word(side: &Prepared<'_>, k: usize) -> bool {
    side.word(k).is_some_and(|t| {
        t.kind == TokenKind::Word && !t.stop_word && !VERBS_AFTER.contains(&t.norm.as_str())
    })
}

/// The speaker phrase right before the verb at `verb` (up to five words).
fn phrase_before(side: &Prepared<'_>, verb: usize) -> Option<Speaker> {
    let mut start = verb;
    while start > 0
        && verb - start < 5
        && side.same_sentence(start - 1, verb)
        && phrase_word(side, start - 1)
    {
        start -= 1;
    }
    speaker(side, start, verb)
}

/// The speaker phrase starting at `start` (after an article), for the cue at `cue`.
fn phrase_after(side: &Prepared<'_>, cue: usize, start: usize) -> Option<Speaker> {
    let mut start = start;
    if ARTICLES.contains(&side.norm(start)) {
        start += 1;
    }
    if !side.same_sentence(cue, start) || !side.capitalized(start) {
        return None;
    }
    let mut end = start;
    let german = side.language == crate::tokenize::Language::German;
    while end - start < 6
        && side.same_sentence(cue, end)
        && phrase_word(side, end)
        && (!german || side.capitalized(end))
    {
        let possessive = side.tokens[end].possessive;
        end += 1;
        if possessive {
            break;
        }
    }
    speaker(side, start, end)
}

/// A speaker from tokens `start..end`, if at least one capitalized word names someone.
fn speaker(side: &Prepared<'_>, start: usize, end: usize) -> Option<Speaker> {
    if start >= end {
        return None;
    }
    let names: Vec<String> = (start..end)
        .filter(|&k| side.capitalized(k))
        .map(|k| strip_possessive(side.norm(k)).to_owned())
        .filter(|w| !NOT_SPEAKERS.contains(&w.as_str()))
        .map(|w| canon(&w))
        .collect();
    if names.is_empty() {
        return None;
    }
    let span = side.span(start, end - 1);
    let article =
        start > 0 && side.same_sentence(start - 1, start) && side.norm(start - 1) == "the";
    let text = shorten(side.slice(&span), 40);
    let label = if article {
        format!("{} {text}", side.surface(start - 1).to_lowercase())
    } else {
        text
    };
    Some(Speaker { names, span, label })
}
