//! Label each sentence with its role: headline, body, caption, byline or boilerplate.
//!
//! Lines are classified first, from their own text (page-furniture phrases, bylines,
//! photo credits, title-like shape), then by position: the longest title-like line before
//! the first body paragraph is the headline, short title-like lines between body
//! paragraphs are sub-headings, and title-like lines after the last body paragraph are
//! page furniture. Every sentence takes its line's kind, except a furniture sentence at the
//! end of a body line ("… on Monday. Read More").

use super::lexicon::{
    contains, contains_any_folded, Markers, AGENCIES, DATE_FILLER, FURNITURE, FURNITURE_PREFIXES,
    MONTHS, NAV_WORDS, PHOTO, POSITION_SIDES, POSITION_WORDS, SHARE_WORDS, SMALL_WORDS, WEEKDAYS,
};
use super::scan::{is_bullet, is_closer};
use super::{Line, SentenceKind};
use std::collections::BTreeMap;

/// A line's class before its position in the document is considered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Class {
    Boilerplate,
    Byline,
    Caption,
    /// Short, no final full stop: a headline, a sub-heading or furniture, by position.
    Title,
    Body,
}

/// Staff roles that end a byline ("Jane Doe, Coast Correspondent").
const ROLES: &[&str] = &[
    "chief",
    "columnist",
    "contributor",
    "correspondent",
    "editor",
    "reporter",
    "staff",
    "writer",
];

/// Phrases of the credit line at the end of a wire story.
const CONTRIBUTIONS: &[&str] = &[
    "contributed reporting",
    "contributed to this article",
    "contributed to this report",
    "contributed to this story",
];

/// Beginnings of a credit line ("Reporting by …; Editing by …").
const CREDIT_PREFIXES: &[&str] = &[
    "additional reporting",
    "compiled by",
    "editing by",
    "reporting by",
    "writing by",
];

/// Separators of a navigation bar.
const NAV_SEPARATORS: &[&str] = &[" | ", " • ", " · ", " » ", " › ", " > ", " / "];

/// Returns one kind per unit, in document order.
pub(super) fn classify(text: &str, lines: &[Line]) -> Vec<SentenceKind> {
    let texts: Vec<&str> = lines
        .iter()
        .map(|l| text.get(l.range.clone()).unwrap_or(""))
        .collect();
    let keys: Vec<String> = texts.iter().map(|t| normalize(t)).collect();
    let words: Vec<usize> = texts.iter().map(|t| word_count(t)).collect();
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for key in &keys {
        *counts.entry(key.as_str()).or_default() += 1;
    }
    let mut classes: Vec<Class> = (0..lines.len())
        .map(|i| {
            let units: Vec<&str> = lines[i]
                .units
                .iter()
                .map(|u| text.get(u.clone()).unwrap_or(""))
                .collect();
            let count = counts.get(keys[i].as_str()).copied().unwrap_or(0);
            intrinsic(texts[i], &keys[i], words[i], &units, count)
        })
        .collect();

    // A credit line right under its caption makes the line above a caption too, and a
    // short "Agency/Name" line right under a caption is its credit.
    for i in 1..lines.len() {
        if lines[i].blank_before || lines[i].units.len() != 1 {
            continue;
        }
        if classes[i] == Class::Caption
            && classes[i - 1] == Class::Body
            && words[i - 1] <= 60
            && is_credit(texts[i])
        {
            classes[i - 1] = Class::Caption;
        } else if classes[i - 1] == Class::Caption && is_short_credit(texts[i]) {
            classes[i] = Class::Caption;
        }
    }

    let first_body = classes
        .iter()
        .position(|&c| c == Class::Body)
        .unwrap_or(lines.len());
    let last_body = classes.iter().rposition(|&c| c == Class::Body);
    let mut main_headline: Option<usize> = None;
    for i in 0..first_body {
        if classes[i] == Class::Title && main_headline.is_none_or(|m| words[i] > words[m]) {
            main_headline = Some(i);
        }
    }

    let mut kinds = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let kind = match classes[i] {
            Class::Boilerplate => SentenceKind::Boilerplate,
            Class::Byline => SentenceKind::Byline,
            Class::Caption => SentenceKind::Caption,
            Class::Title if i < first_body => {
                // Short title-like lines above the headline: site names, section labels.
                if main_headline.is_some_and(|m| i < m) && words[i] <= 4 {
                    SentenceKind::Boilerplate
                } else {
                    SentenceKind::Headline
                }
            }
            Class::Title if last_body.is_some_and(|l| i > l) => SentenceKind::Boilerplate,
            Class::Title if words[i] <= 12 => SentenceKind::Headline,
            Class::Title | Class::Body => SentenceKind::Body,
        };
        for unit in &line.units {
            let unit_text = text.get(unit.clone()).unwrap_or("");
            // The cheap test first: most units end with a stop.
            let furniture =
                !ends_with_stop(unit_text) && contains(FURNITURE, &normalize(unit_text));
            kinds.push(if kind == SentenceKind::Body && furniture {
                SentenceKind::Boilerplate
            } else {
                kind
            });
        }
    }
    kinds
}

/// Classifies a line from its own text; `count` is how often it occurs in the document.
fn intrinsic(text: &str, key: &str, words: usize, units: &[&str], count: usize) -> Class {
    if is_dateline(text, key) {
        return Class::Byline;
    }
    if !text.chars().any(char::is_alphanumeric)
        || is_bare_id(text)
        || is_furniture(text, key, words)
    {
        return Class::Boilerplate;
    }
    if is_byline(text, key, words) {
        return Class::Byline;
    }
    if words <= 150 && units.iter().any(|u| is_credit(u))
        || units.len() <= 2 && words <= 60 && has_position_label(text)
    {
        return Class::Caption;
    }
    // "… on Monday. Read More": a furniture unit at the end does not make a title.
    let trailing_furniture = units.len() > 1
        && units
            .get(units.len() - 2)
            .is_some_and(|u| ends_with_stop(u))
        && units
            .last()
            .is_some_and(|u| contains(FURNITURE, &normalize(u)));
    let terminal = ends_with_stop(text) || trailing_furniture;
    if count >= 2 && words <= 6 && !terminal {
        return Class::Boilerplate;
    }
    if words <= 3 && !terminal && first_letter(text).is_some_and(char::is_lowercase) {
        return Class::Boilerplate; // UI words: "close", "menu".
    }
    if is_title_like(text, words, terminal, units.len()) {
        return Class::Title;
    }
    Class::Body
}

/// Lowercase, letters and digits only, words separated by single spaces.
fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        // ASCII first: the same result as the general branch, without its iterator.
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !c.is_ascii() && c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with(' ') {
            out.push(' ');
        }
    }
    if out.ends_with(' ') {
        out.pop();
    }
    out
}

/// Words: white-space separated tokens with a letter or digit; runs of Han and kana
/// count one word per two characters, as those scripts put no spaces between words.
fn word_count(text: &str) -> usize {
    let spaced = crate::report::stats::word_count(text);
    // No ASCII character is an ideograph.
    let ideographs = if text.is_ascii() {
        0
    } else {
        text.chars().filter(|&c| is_ideograph(c)).count()
    };
    spaced + ideographs / 2
}

fn is_ideograph(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}'
        | '\u{F900}'..='\u{FAFF}')
}

/// The last character that is not white space, a closing quote or bracket.
fn last_mark(text: &str) -> Option<char> {
    text.trim_end_matches(|c: char| c.is_whitespace() || is_closer(c))
        .chars()
        .next_back()
}

/// Whether the text ends with sentence-final punctuation (before closing quotes).
fn ends_with_stop(text: &str) -> bool {
    last_mark(text).is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '…' | '。' | '｡' | '！' | '？' | '؟' | '।' | '॥' | '‼' | '⁉'
        )
    })
}

fn first_letter(text: &str) -> Option<char> {
    text.chars().find(|c| c.is_alphabetic())
}

/// Share of words (small words aside) that start with a capital letter; `None` if none count.
fn capitalised_share(text: &str) -> Option<f64> {
    let mut total = 0usize;
    let mut capitalised = 0usize;
    for word in text.split_whitespace() {
        let Some(first) = first_letter(word) else {
            continue;
        };
        if contains(SMALL_WORDS, &word.to_lowercase()) {
            continue;
        }
        total += 1;
        capitalised += usize::from(!first.is_lowercase());
    }
    (total > 0).then(|| capitalised as f64 / total as f64)
}

fn is_title_like(text: &str, words: usize, terminal: bool, units: usize) -> bool {
    if words == 0 || words > 20 || first_letter(text).is_some_and(char::is_lowercase) {
        return false;
    }
    // A bulleted list item is running text, not a heading.
    if text.starts_with(|c: char| is_bullet(c) || matches!(c, '-' | '*' | '–' | '—')) {
        return false;
    }
    match last_mark(text) {
        Some(',' | ';' | ':') => false,
        Some('?' | '!') => {
            units == 1 && words <= 15 && capitalised_share(text).is_some_and(|s| s >= 0.75)
        }
        _ => !terminal,
    }
}

/// A line that is only a date and time: "June 19, 2024", "Updated 10:15 a.m. ET".
fn is_dateline(text: &str, key: &str) -> bool {
    let tokens = || key.split(' ').filter(|t| !t.is_empty());
    // Counted no further than needed: most lines are longer.
    if tokens().next().is_none() || tokens().nth(14).is_some() {
        return false;
    }
    let mut digits = false;
    let mut named = false;
    for token in tokens() {
        let number = token.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
            let suffix = &token[number.len()..];
            if !matches!(suffix, "" | "st" | "nd" | "rd" | "th" | "h") {
                return false;
            }
            digits = true;
        } else if contains(MONTHS, token) || contains(WEEKDAYS, token) {
            named = true;
        } else if !contains(DATE_FILLER, token) {
            return false;
        }
    }
    let numeric_date = text.split_whitespace().any(|t| {
        let parts: Vec<&str> = t
            .trim_end_matches([',', '.'])
            .split(['.', '/', '-'])
            .collect();
        parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    });
    digits && (named || numeric_date)
}

/// A lone identifier or address: "960adfc1-ddc4-…", "https://…".
fn is_bare_id(text: &str) -> bool {
    if text.contains(char::is_whitespace) {
        return false;
    }
    let lower = text.to_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.") {
        return true;
    }
    text.len() >= 8
        && text.chars().filter(char::is_ascii_digit).count() >= 3
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | ':'))
}

/// Navigation, share bars, prompts and counters.
fn is_furniture(text: &str, key: &str, words: usize) -> bool {
    if contains(FURNITURE, key) {
        return true;
    }
    if words <= 15 && FURNITURE_PREFIXES.iter().any(|p| key.starts_with(p)) {
        return true;
    }
    if words <= 30
        && (text.contains('©') || key.contains("all rights reserved") || key.contains("cookies"))
    {
        return true;
    }
    let tokens = || key.split(' ').filter(|t| !t.is_empty());
    if tokens().next().is_some() && tokens().all(|t| contains(SHARE_WORDS, t)) {
        return true;
    }
    if tokens().nth(1).is_some() && tokens().all(|t| contains(NAV_WORDS, t)) {
        return true;
    }
    let is_number = |t: &&str| t.chars().all(|c| c.is_ascii_digit());
    // The patterns have at most four words: five words are as good as all of them.
    let first: Vec<&str> = tokens().take(5).collect();
    match first.as_slice() {
        // "3 of 12", "Image 3 of 12", "5 min read", "12 comments".
        [a, "of", b] | [_, a, "of", b] if is_number(a) && is_number(b) => return true,
        [n, "min", "read"] | [n, "comments" | "comment"] if is_number(n) => return true,
        _ => {}
    }
    if !ends_with_stop(text) {
        for separator in NAV_SEPARATORS {
            let items = || text.split(separator);
            if items().nth(2).is_some() && items().all(|item| word_count(item) <= 4) {
                return true;
            }
        }
    }
    false
}

/// "By Jane Doe, Staff Writer", "Jane Doe | Reuters", "Reuters contributed to this report."
fn is_byline(text: &str, key: &str, words: usize) -> bool {
    if words <= 25
        && (CONTRIBUTIONS.iter().any(|p| key.contains(p))
            || CREDIT_PREFIXES.iter().any(|p| key.starts_with(p)))
    {
        return true;
    }
    if words > 15 {
        return false;
    }
    let mostly_capitalised = |s: &str| capitalised_share(s).is_some_and(|share| share >= 0.6);
    for prefix in ["by ", "by:", "von ", "written by "] {
        // As `text.to_lowercase().starts_with(prefix)`: no other character lowercases to
        // these ASCII ones.
        if text
            .get(..prefix.len())
            .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
        {
            let rest = text.get(prefix.len()..).unwrap_or("");
            return mostly_capitalised(rest) && !ends_with_stop(rest.trim_end_matches('.'));
        }
    }
    // "Kim reported from Seoul, South Korea."
    if let Some((who, place)) = text.split_once(" reported from ") {
        return words <= 12 && mostly_capitalised(who) && mostly_capitalised(place);
    }
    if ends_with_stop(text) || !mostly_capitalised(text) {
        return false;
    }
    // "Jane Doe, The Associated Press", "Jane Doe | Reuters", "The Associated Press".
    let segments: Vec<&str> = text.split([',', '|', '/', '–', '—', ';']).collect();
    let last = normalize(segments.last().copied().unwrap_or(""));
    let last = last.strip_prefix("the ").unwrap_or(&last);
    if contains(AGENCIES, last) && !ROLES.contains(&last) {
        return true;
    }
    let role = last.rsplit(' ').next().is_some_and(|w| ROLES.contains(&w));
    (segments.len() >= 2 && (contains(AGENCIES, last) || role && word_count(last) <= 4))
        || is_name_pipe_outlet(text)
}

/// "Jane Doe | The Daily Ledger": a person's name, one bar, a short outlet name.
fn is_name_pipe_outlet(text: &str) -> bool {
    let Some((name, outlet)) = text.split_once('|') else {
        return false;
    };
    let capitalised = |s: &str| capitalised_share(s).is_some_and(|share| share >= 0.99);
    !outlet.contains('|')
        && (2..=4).contains(&word_count(name))
        && (1..=5).contains(&word_count(outlet))
        && capitalised(name)
        && capitalised(outlet)
}

/// `" via "`, as [`contains_any_folded`] looks for it.
static VIA: Markers = Markers::new(&[" via "]);

/// A photo credit or a sentence carrying one: "(AP Photo/Jane Doe)", "Sputnik/…/Pool via
/// REUTERS", "Photo: …".
fn is_credit(unit: &str) -> bool {
    if contains_any_folded(&PHOTO, unit) {
        return true;
    }
    // Names an agency; asked last, as the costliest test.
    let agency = || {
        let key = normalize(unit);
        key.split(' ')
            .any(|w| contains(AGENCIES, w) && !ROLES.contains(&w))
            || key.contains("associated press")
    };
    let via = || contains_any_folded(&VIA, unit);
    let bare = unit.trim_end_matches('.');
    if let Some(inner) = bare.strip_prefix('(').and_then(|s| s.strip_suffix(')')) {
        return word_count(inner) <= 14 && (inner.contains('/') || via() || agency());
    }
    // The cheap test first: most sentences end with a stop.
    !ends_with_stop(unit) && word_count(unit) <= 10 && {
        let slashes = slashes_between_words(unit);
        slashes >= 1 && (slashes >= 2 || via() || agency())
    }
}

/// A short line that could be a credit next to a caption: "Ledger/J. Roe".
fn is_short_credit(text: &str) -> bool {
    word_count(text) <= 6 && !ends_with_stop(text) && slashes_between_words(text) >= 1
}

/// Slashes with a letter before and a capital letter after: "Agency/Name".
fn slashes_between_words(text: &str) -> usize {
    text.char_indices()
        .filter(|&(i, c)| {
            c == '/'
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic)
                && text[i + 1..].chars().next().is_some_and(char::is_uppercase)
        })
        .count()
}

/// Whether the text marks who is where in a picture: "(L)", "(2nd from R)", ", left,".
fn has_position_label(text: &str) -> bool {
    if text.contains(['"', '“', '”']) {
        return false; // Captions rarely quote anyone.
    }
    let is_label = |s: &str| {
        let key = normalize(s);
        let tokens: Vec<&str> = key.split(' ').filter(|t| !t.is_empty()).collect();
        !tokens.is_empty()
            && tokens.len() <= 4
            && tokens.iter().all(|t| contains(POSITION_WORDS, t))
            && tokens.iter().any(|t| contains(POSITION_SIDES, t))
    };
    let in_brackets = text
        .split('(')
        .skip(1)
        .any(|s| s.split_once(')').is_some_and(|(inner, _)| is_label(inner)));
    let segments: Vec<&str> = text.split(',').collect();
    let between_commas =
        segments.len() >= 3 && segments[1..segments.len() - 1].iter().any(|s| is_label(s));
    in_brackets || between_commas
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: bool,
    }

    const CREDITS: &[Case] = &[
        Case {
            name: "ap photo",
            input: "(AP Photo/Jane Roe)",
            expected: true,
        },
        Case {
            name: "pool via",
            input: "Agency/Jo Bloggs/Pool via REUTERS",
            expected: true,
        },
        Case {
            name: "name agency",
            input: "(Jo Bloggs/Evening Ledger)",
            expected: true,
        },
        Case {
            name: "photo colon",
            input: "Photo: The harbour at dawn.",
            expected: true,
        },
        Case {
            name: "plain sentence",
            input: "The harbour opened at dawn.",
            expected: false,
        },
        Case {
            name: "and/or",
            input: "Bring tea and/or coffee",
            expected: false,
        },
        Case {
            name: "parenthetical",
            input: "(He later left.)",
            expected: false,
        },
    ];

    const DATELINES: &[Case] = &[
        Case {
            name: "month day year",
            input: "June 19, 2024",
            expected: true,
        },
        Case {
            name: "updated",
            input: "Updated 10:15 a.m. ET, Wed June 19, 2024",
            expected: true,
        },
        Case {
            name: "numeric",
            input: "19.06.2024",
            expected: true,
        },
        Case {
            name: "german",
            input: "Veröffentlicht am 19. Juni 2024, 10:15 Uhr",
            expected: true,
        },
        Case {
            name: "year only",
            input: "2024",
            expected: false,
        },
        Case {
            name: "headline",
            input: "June 19 summit ends",
            expected: false,
        },
    ];

    const BYLINES: &[Case] = &[
        Case {
            name: "by name",
            input: "By Jane Roe",
            expected: true,
        },
        Case {
            name: "by name title",
            input: "By Jane Roe, Harbour Correspondent",
            expected: true,
        },
        Case {
            name: "by colon",
            input: "BY: The Daily Ledger / WIRE",
            expected: true,
        },
        Case {
            name: "name agency",
            input: "Jane Roe And Joe Bloggs, The Associated Press",
            expected: true,
        },
        Case {
            name: "name pipe",
            input: "Jane Roe | Reuters",
            expected: true,
        },
        Case {
            name: "agency alone",
            input: "The Associated Press",
            expected: true,
        },
        Case {
            name: "reported from",
            input: "Roe reported from Lisbon, Portugal.",
            expected: true,
        },
        Case {
            name: "contributed",
            input: "Wire services contributed to this report.",
            expected: true,
        },
        Case {
            name: "by sentence",
            input: "By Wednesday, the crowds had left.",
            expected: false,
        },
        Case {
            name: "headline",
            input: "Storm Hits the Coast",
            expected: false,
        },
        Case {
            name: "nav",
            input: "Home | News",
            expected: false,
        },
    ];

    const FURNITURE_LINES: &[Case] = &[
        Case {
            name: "skip",
            input: "Skip to content",
            expected: true,
        },
        Case {
            name: "nav bar",
            input: "Home | News | Sport | Weather",
            expected: true,
        },
        Case {
            name: "share bar",
            input: "Share Facebook Twitter Email",
            expected: true,
        },
        Case {
            name: "counter",
            input: "Image 3 of 12",
            expected: true,
        },
        Case {
            name: "reading time",
            input: "5 min read",
            expected: true,
        },
        Case {
            name: "copyright",
            input: "© 2024 Daily Ledger. All rights reserved.",
            expected: true,
        },
        Case {
            name: "newsletter",
            input: "Sign up for our morning newsletter",
            expected: true,
        },
        Case {
            name: "headline",
            input: "Storm hits the coast",
            expected: false,
        },
        Case {
            name: "sentence",
            input: "The council will meet on Monday.",
            expected: false,
        },
    ];

    const POSITIONS: &[Case] = &[
        Case {
            name: "l",
            input: "Jo Roe (L) greets Al Doe in Lisbon.",
            expected: true,
        },
        Case {
            name: "2nd from r",
            input: "Jo Roe (2nd from R) talks.",
            expected: true,
        },
        Case {
            name: "comma left",
            input: "Jo Roe, left, and Al Doe shake hands.",
            expected: true,
        },
        Case {
            name: "no label",
            input: "Jo Roe (Lisbon) talks.",
            expected: false,
        },
        Case {
            name: "quote",
            input: "“Turn left,” she said, “right now.”",
            expected: false,
        },
    ];

    #[test]
    fn case_names_are_unique() {
        for table in [CREDITS, DATELINES, BYLINES, FURNITURE_LINES, POSITIONS] {
            assert!(unique(table.iter().map(|c| c.name)));
        }
    }

    #[test]
    fn credits() {
        for case in CREDITS {
            assert_eq!(is_credit(case.input), case.expected, "case {}", case.name);
        }
    }

    #[test]
    fn datelines() {
        for case in DATELINES {
            let got = is_dateline(case.input, &normalize(case.input));
            assert_eq!(got, case.expected, "case {}", case.name);
        }
    }

    #[test]
    fn bylines() {
        for case in BYLINES {
            let got = is_byline(case.input, &normalize(case.input), word_count(case.input));
            assert_eq!(got, case.expected, "case {}", case.name);
        }
    }

    #[test]
    fn furniture() {
        for case in FURNITURE_LINES {
            let got = is_furniture(case.input, &normalize(case.input), word_count(case.input));
            assert_eq!(got, case.expected, "case {}", case.name);
        }
    }

    #[test]
    fn positions() {
        for case in POSITIONS {
            assert_eq!(
                has_position_label(case.input),
                case.expected,
                "case {}",
                case.name
            );
        }
    }

    #[test]
    fn normalize_keeps_words() {
        assert_eq!(normalize("  Skip to: CONTENT! "), "skip to content");
        assert_eq!(normalize("..."), "");
    }
}
