//! Name facts: capitalized sequences with the title before them; spelling variants and one
//! title filled by different names.

use super::attribution::is_speech_verb;
use super::words::{strip_possessive, Prepared};
use super::{flag, Flag, FlagKind, Severity};
use crate::tokenize::{Language, TokenKind};
use std::collections::BTreeSet;
use std::ops::Range;

/// One name a side mentions.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Mention<'s> {
    /// Folded words, possessive `'s` removed: `["yury", "ushakov"]`.
    pub words: Vec<&'s str>,
    /// [`canon`] of each of `words`, computed once for every pair it is compared in.
    canon: Vec<String>,
    /// The words as written, for notes.
    surfaces: Vec<&'s str>,
    /// The title words before the name, folded (`foreign minister`), or empty.
    role: String,
    /// The title as written.
    role_surface: String,
    /// Bytes of the name (title excluded).
    pub span: Range<usize>,
    /// Whether the name stands on its own in German text (a noun or a name; unsafe to compare).
    weak: bool,
}

/// Titles and offices (folded); a capitalized one before a name is a role, not part of the name.
const TITLES: &[&str] = &[
    "adviser",
    "advisor",
    "aide",
    "ambassador",
    "außenminister",
    "berater",
    "beraterin",
    "bundeskanzler",
    "chairman",
    "chancellor",
    "chief",
    "commander",
    "director",
    "envoy",
    "gen",
    "general",
    "governor",
    "gov",
    "kanzler",
    "king",
    "leader",
    "mayor",
    "minister",
    "ministerin",
    "pope",
    "premier",
    "president",
    "präsident",
    "präsidentin",
    "queen",
    "rep",
    "secretary",
    "sen",
    "senator",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "sprecher",
    "sprecherin",
    "staatschef",
    "machthaber",
];
/// Words that may sit inside a title: `foreign minister`, `top adviser`, `secretary of state`.
const TITLE_WORDS: &[&str] = &[
    "defense", "defence", "deputy", "first", "foreign", "national", "policy", "prime", "security",
    "senior", "state", "top", "vice", "of", "party",
];
/// Honorifics are dropped from a name but make no role.
const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "herr", "frau", "prof"];
/// Lowercase particles inside a name: `Ursula von der Leyen`, `Osama bin Laden`.
const PARTICLES: &[&str] = &[
    "al", "bin", "da", "de", "der", "di", "du", "ibn", "van", "von",
];

/// The name mentions of a side; `other` helps decide on capitalized sentence openers.
pub(super) fn extract<'s>(side: &'s Prepared<'_>, other: &Prepared<'_>) -> Vec<Mention<'s>> {
    let mut mentions = Vec::new();
    let mut i = 0;
    while i < side.tokens.len() {
        if !is_capital_word(side, i) {
            i += 1;
            continue;
        }
        let mut end = i + 1;
        while side.same_sentence(i, end) && !side.tokens[end - 1].possessive {
            if is_capital_word(side, end) {
                end += 1;
            } else if PARTICLES.contains(&side.norm(end)) && is_capital_word(side, end + 1) {
                end += 2;
            } else {
                break;
            }
        }
        if let Some(mention) = mention(side, other, i, end) {
            mentions.push(mention);
        }
        i = end;
    }
    mentions
}

/// A word that starts with a capital and is not a stop word.
fn is_capital_word(side: &Prepared<'_>, i: usize) -> bool {
    side.capitalized(i) && side.tokens.get(i).is_some_and(|t| !t.stop_word)
}

/// The mention for the capitalized tokens `start..end`, with its title split off.
fn mention<'s>(
    side: &'s Prepared<'_>,
    other: &Prepared<'_>,
    start: usize,
    end: usize,
) -> Option<Mention<'s>> {
    let folded = |k: usize| strip_possessive(side.norm(k)).trim_end_matches('.');
    let title_at = |k: usize| {
        let w = folded(k);
        TITLES.contains(&w) || HONORIFICS.contains(&w)
    };
    let name_start = (start..end)
        .rev()
        .find(|&k| title_at(k))
        .map_or(start, |k| k + 1);
    if name_start >= end {
        return None;
    }
    // A lone capitalized word opening a sentence is a name only when a speech verb follows
    // or it is capitalized elsewhere too.
    if end - start == 1 && side.first.get(start).copied().unwrap_or(false) {
        let word = folded(start);
        let recurs = |p: &Prepared<'_>| {
            (0..p.tokens.len()).any(|k| {
                !p.first.get(k).copied().unwrap_or(true)
                    && p.capitalized(k)
                    && strip_possessive(p.norm(k)) == word
            })
        };
        if !is_speech_verb(side.norm(end)) && !recurs(side) && !recurs(other) {
            return None;
        }
    }
    // The role: title words inside the sequence and title or capitalized words before it.
    let mut role_start = name_start;
    while role_start > 0
        && name_start - role_start < 5
        && side.same_sentence(role_start - 1, name_start)
        && side.word(role_start - 1).is_some_and(|t| {
            let w = folded(role_start - 1);
            t.kind == TokenKind::Word
                && !t.possessive
                && (TITLES.contains(&w)
                    || TITLE_WORDS.contains(&w)
                    || (side.capitalized(role_start - 1) && !t.stop_word))
        })
    {
        role_start -= 1;
    }
    let has_title = (role_start..name_start).any(|k| TITLES.contains(&folded(k)));
    let (role, role_surface) = if has_title {
        let words: Vec<&str> = (role_start..name_start).map(folded).collect();
        (
            words.join(" "),
            side.slice(&side.span(role_start, name_start - 1))
                .to_owned(),
        )
    } else {
        (String::new(), String::new())
    };
    let words: Vec<&str> = (name_start..end)
        .filter(|&k| !PARTICLES.contains(&side.norm(k)))
        .map(folded)
        .collect();
    let surfaces = (name_start..end)
        .filter(|&k| !PARTICLES.contains(&side.norm(k)))
        .map(|k| {
            let s = side.surface(k);
            s.strip_suffix("'s")
                .or_else(|| s.strip_suffix("’s"))
                .unwrap_or(s)
        })
        .collect();
    let weak = side.language == Language::German && words.len() == 1 && !has_title;
    Some(Mention {
        canon: words.iter().map(|w| canon(w)).collect(),
        words,
        surfaces,
        role,
        role_surface,
        span: side.span(name_start, end - 1),
        weak,
    })
}

/// Flags names spelled two ways and titles filled by different names.
/// Role conflicts need `same_claim`: both sides saying much the same thing.
pub(super) fn compare(left: &[Mention<'_>], right: &[Mention<'_>], same_claim: bool) -> Vec<Flag> {
    let left_plain: BTreeSet<&str> = left.iter().flat_map(|m| m.words.iter().copied()).collect();
    let right_plain: BTreeSet<&str> = right.iter().flat_map(|m| m.words.iter().copied()).collect();
    let mut flags = Vec::new();
    let mut seen: Vec<(Vec<&str>, Vec<&str>)> = Vec::new();
    for l in left.iter().filter(|m| !m.weak) {
        for r in right.iter().filter(|m| !m.weak) {
            let Some(changes) = variant_words(l, r) else {
                // `Kim Jong Un` / `Kim Jong-un`: the same letters, split another way.
                if !same_letters(l, r) {
                    continue;
                }
                let (lw, rw) = (l.words.join(" "), r.words.join(" "));
                if lw == rw {
                    continue;
                }
                let elsewhere = left.iter().any(|m| m.words.join(" ") == rw)
                    || right.iter().any(|m| m.words.join(" ") == lw);
                let key = (l.words.clone(), r.words.clone());
                if !elsewhere && !seen.contains(&key) {
                    let note = format!(
                        "{} / {} (spelling)",
                        l.surfaces.join(" "),
                        r.surfaces.join(" ")
                    );
                    flags.push(flag(
                        FlagKind::Name,
                        Severity::Variant,
                        &l.span,
                        &r.span,
                        note,
                    ));
                    seen.push(key);
                }
                continue;
            };
            let unshared = changes
                .iter()
                .all(|&k| !right_plain.contains(l.words[k]) && !left_plain.contains(r.words[k]));
            let key = (l.words.clone(), r.words.clone());
            if !unshared || seen.contains(&key) {
                continue;
            }
            let note = changes
                .iter()
                .map(|&k| format!("{} / {}", l.surfaces[k], r.surfaces[k]))
                .collect::<Vec<_>>()
                .join(", ");
            flags.push(flag(
                FlagKind::Name,
                Severity::Variant,
                &l.span,
                &r.span,
                format!("{note} (spelling)"),
            ));
            seen.push(key);
        }
    }
    // One title, two different names.
    if same_claim {
        flags.extend(role_conflicts(left, right));
    }
    flags
}

/// Titles each side gives a single, unrelated name: "Foreign Minister X" / "Foreign Minister Y".
fn role_conflicts(left: &[Mention<'_>], right: &[Mention<'_>]) -> Vec<Flag> {
    let mut flags = Vec::new();
    let roles: BTreeSet<&str> = left
        .iter()
        .map(|m| m.role.as_str())
        .filter(|r| !r.is_empty())
        .collect();
    if roles.is_empty() {
        return flags;
    }
    let left_words: BTreeSet<&str> = left
        .iter()
        .flat_map(|m| m.canon.iter().map(String::as_str))
        .collect();
    let right_words: BTreeSet<&str> = right
        .iter()
        .flat_map(|m| m.canon.iter().map(String::as_str))
        .collect();
    for role in roles {
        let (Some(l), Some(r)) = (single_holder(left, role), single_holder(right, role)) else {
            continue;
        };
        let related = l.canon.iter().any(|w| right_words.contains(w.as_str()))
            || r.canon.iter().any(|w| left_words.contains(w.as_str()))
            || variant_words(l, r).is_some();
        if !related {
            let note = format!(
                "{}: {} / {}",
                l.role_surface,
                l.surfaces.join(" "),
                r.surfaces.join(" ")
            );
            flags.push(flag(
                FlagKind::Name,
                Severity::Conflict,
                &l.span,
                &r.span,
                note,
            ));
        }
    }
    flags
}

/// The one name a side gives a role, or `None` when it gives none or several.
fn single_holder<'m, 's>(mentions: &'m [Mention<'s>], role: &str) -> Option<&'m Mention<'s>> {
    let mut holders = mentions.iter().filter(|m| m.role == role);
    let first = holders.next()?;
    holders.all(|m| m.words == first.words).then_some(first)
}

/// When two names have the same number of words, each the same or a variant spelling and at
/// least one a variant, the positions of the variant words.
fn variant_words(left: &Mention<'_>, right: &Mention<'_>) -> Option<Vec<usize>> {
    if left.words.len() != right.words.len() || left.words.is_empty() {
        return None;
    }
    let mut changes = Vec::new();
    for (k, (l, r)) in left.words.iter().zip(&right.words).enumerate() {
        if l == r {
            continue;
        }
        let same_canon = || left.canon.get(k) == right.canon.get(k);
        if !is_variant_by(l, r, same_canon) {
            return None;
        }
        changes.push(k);
    }
    (!changes.is_empty()).then_some(changes)
}

/// Two different folded words that spell one name: equal after transliteration rules, or (five
/// letters or more) one inner letter apart (`Vasquez` / `Vazquez`).
pub(super) fn is_variant(left: &str, right: &str) -> bool {
    is_variant_by(left, right, || canon(left) == canon(right))
}

/// [`is_variant`], asking `same_canon` whether the two words' [`canon`] forms are equal.
fn is_variant_by(left: &str, right: &str, same_canon: impl FnOnce() -> bool) -> bool {
    let alphabetic = |s: &str| s.chars().all(|c| c.is_alphabetic() || c == '-');
    if left == right || !alphabetic(left) || !alphabetic(right) {
        return false;
    }
    if same_canon() {
        return true;
    }
    let length = left.chars().count();
    // The last letter is left alone: `Koreas` / `Korean` is an inflection, not a spelling.
    length >= 5
        && length == right.chars().count()
        && left.chars().next() == right.chars().next()
        && left.chars().next_back() == right.chars().next_back()
        && left
            .chars()
            .zip(right.chars())
            .filter(|(a, b)| a != b)
            .count()
            == 1
}

/// Whether two names have the same letters once their words are joined and hyphens dropped
/// (`Kim Jong Un` / `Kim Jong-un`).
fn same_letters(left: &Mention<'_>, right: &Mention<'_>) -> bool {
    fn letters<'m>(m: &'m Mention<'_>) -> impl Iterator<Item = char> + 'm {
        m.words.iter().flat_map(|w| w.chars()).filter(|&c| c != '-')
    }
    letters(left).eq(letters(right))
}

/// A spelling-neutral form of a folded word: umlauts and accents spelled out, `y`/`j` → `i`,
/// `oi` → `oe`, `ou` → `u`, `kh` → `h`, `sch` → `sh`, final `w` → `v`, double letters once.
pub(super) fn canon(word: &str) -> String {
    let mut s = String::with_capacity(word.len());
    for c in word.chars() {
        match c {
            'ä' => s.push_str("ae"),
            'ö' => s.push_str("oe"),
            'ü' => s.push_str("ue"),
            'ß' => s.push_str("ss"),
            'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' => s.push('a'),
            'è' | 'é' | 'ê' | 'ë' | 'ē' => s.push('e'),
            'ì' | 'í' | 'î' | 'ï' | 'ī' => s.push('i'),
            'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ŏ' => s.push('o'),
            'ù' | 'ú' | 'û' | 'ū' | 'ŭ' => s.push('u'),
            'ç' | 'č' => s.push('c'),
            'š' => s.push_str("sh"),
            'ž' => s.push_str("zh"),
            'ñ' => s.push('n'),
            '\'' | '’' => {}
            c => s.push(c),
        }
    }
    // Each rule in turn, as `str::replace` would apply it, but only when it can match: most
    // names meet none of them, and this runs for every word of every name on a link.
    for (from, to) in [
        ("tsch", "ch"),
        ("sch", "sh"),
        ("kh", "h"),
        ("ou", "u"),
        ("oi", "oe"),
    ] {
        if has(&s, from) {
            s = s.replace(from, to);
        }
    }
    if s.contains(['y', 'j']) {
        s = s.replace(['y', 'j'], "i");
    }
    if s.ends_with('w') {
        s.pop();
        s.push('v');
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}

/// Whether `s` contains the short `pattern`: a scan of the bytes, without the setup of the
/// standard substring search (which, unlike natively, is not vectorized in wasm).
fn has(s: &str, pattern: &str) -> bool {
    let pattern = pattern.as_bytes();
    s.as_bytes()
        .windows(pattern.len())
        .any(|w| w[0] == pattern[0] && w == pattern)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// `canon` as first written: every rule replaced unconditionally, one new string each.
    fn canon_reference(word: &str) -> String {
        let mut s = String::new();
        for c in word.chars() {
            match c {
                'ä' => s.push_str("ae"),
                'ö' => s.push_str("oe"),
                'ü' => s.push_str("ue"),
                'ß' => s.push_str("ss"),
                'à' | 'á' | 'â' | 'ã' | 'å' | 'ā' => s.push('a'),
                'è' | 'é' | 'ê' | 'ë' | 'ē' => s.push('e'),
                'ì' | 'í' | 'î' | 'ï' | 'ī' => s.push('i'),
                'ò' | 'ó' | 'ô' | 'õ' | 'ō' | 'ŏ' => s.push('o'),
                'ù' | 'ú' | 'û' | 'ū' | 'ŭ' => s.push('u'),
                'ç' | 'č' => s.push('c'),
                'š' => s.push_str("sh"),
                'ž' => s.push_str("zh"),
                'ñ' => s.push('n'),
                '\'' | '’' => {}
                c => s.push(c),
            }
        }
        let mut s = s
            .replace("tsch", "ch")
            .replace("sch", "sh")
            .replace("kh", "h")
            .replace("ou", "u")
            .replace("oi", "oe")
            .replace(['y', 'j'], "i");
        if s.ends_with('w') {
            s.pop();
            s.push('v');
        }
        let mut out = String::new();
        for c in s.chars() {
            if !out.ends_with(c) {
                out.push(c);
            }
        }
        out
    }

    proptest! {
        /// Skipping the rules that cannot match changes nothing: words made of the letters
        /// the rules look at (chains such as `stsch` → `sch` → `sh` included).
        #[test]
        fn canon_is_the_reference(word in "[tschkouiyjwaeäöšž'-]{0,12}") {
            prop_assert_eq!(canon(&word), canon_reference(&word));
        }
    }

    #[test]
    fn canon_of_names_is_the_reference() {
        for word in [
            "uschakow",
            "tschaikowski",
            "stschedrin",
            "khodorkovsky",
            "yury",
            "choi",
            "zelenskyy",
            "düsseldorf",
            "o'neill",
            "ouattara",
            "kim",
            "jong-un",
        ] {
            assert_eq!(canon(word), canon_reference(word), "{word}");
        }
    }

    #[test]
    fn transliterations_meet() {
        for (left, right) in [
            ("yury", "yuri"),
            ("choe", "choi"),
            ("juri", "yuri"),
            ("uschakow", "ushakov"),
            ("zelensky", "zelenskyy"),
            ("dmitriy", "dmitry"),
        ] {
            assert!(is_variant(left, right), "{left} / {right}");
        }
        for (left, right) in [
            ("russia", "russian"),
            ("kim", "kin"),
            ("jong", "yo"),
            ("un", "il"),
        ] {
            assert!(!is_variant(left, right), "{left} / {right}");
        }
    }
}
