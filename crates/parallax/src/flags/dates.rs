//! Date facts: weekdays, month and day, years, parts of the day and clock times.

use super::words::{shorten, strip_possessive, Prepared};
use super::{flag, Flag, FlagKind, Severity};
use crate::tokenize::TokenKind;
use std::ops::Range;

/// One piece of a date a token (or a few) states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Atom {
    Weekday(u8),
    Month(u8),
    Day(u8),
    Year(i32),
    /// Morning 0, afternoon 1, evening or night 2.
    Part(u8),
    /// Minutes after midnight.
    Time(u16),
}

impl Atom {
    fn slot(self) -> u8 {
        match self {
            Atom::Weekday(_) => 0,
            Atom::Month(_) => 1,
            Atom::Day(_) => 2,
            Atom::Year(_) => 3,
            Atom::Part(_) => 4,
            Atom::Time(_) => 5,
        }
    }
}

/// One date a side states: the atoms of neighbouring tokens, with its byte span.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct DateFact {
    weekday: Option<u8>,
    month: Option<u8>,
    day: Option<u8>,
    year: Option<i32>,
    part: Option<u8>,
    time: Option<u16>,
    span: Range<usize>,
}

/// The dates of a side and the tokens they use (numbers there are not counts).
pub(super) struct Dates {
    facts: Vec<DateFact>,
    /// For each token of the side, whether a date uses it.
    pub claimed: Vec<bool>,
}

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];
const WOCHENTAGE: [&str; 7] = [
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
];
const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
const MONATE: [&str; 12] = [
    "januar",
    "februar",
    "märz",
    "april",
    "mai",
    "juni",
    "juli",
    "august",
    "september",
    "oktober",
    "november",
    "dezember",
];
const MONTH_ABBREVIATIONS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "", "jun", "jul", "aug", "sept", "oct", "nov", "dec",
];

/// Words that may stand between the atoms of one date: `Wednesday, June 19`, `19. Juni`.
const CONNECTORS: &[&str] = &[",", ".", "of", "the", "on", "at", "den", "am", "um"];

/// Reads one comparable value (weekday, month and day, …) off a date.
type Component = dyn Fn(&DateFact) -> Option<i64>;

/// Flags dates whose weekday, day, month, year, part of day or time differ.
pub(super) fn compare(
    left: &Prepared<'_>,
    right: &Prepared<'_>,
    left_dates: &Dates,
    right_dates: &Dates,
) -> Vec<Flag> {
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let components: [&Component; 6] = [
        &|f| weekday_of(f).map(i64::from),
        &|f| Some(i64::from(f.month?) * 100 + i64::from(f.day?)),
        &|f| f.month.map(i64::from),
        &|f| f.year.map(i64::from),
        &|f| {
            f.part
                .filter(|_| f.weekday.is_some() || f.day.is_some())
                .map(i64::from)
        },
        &|f| f.time.map(i64::from),
    ];
    for component in components {
        let (Some((l, lv)), Some((r, rv))) = (
            single(&left_dates.facts, component),
            single(&right_dates.facts, component),
        ) else {
            continue;
        };
        if lv != rv && !pairs.contains(&(l, r)) {
            pairs.push((l, r));
        }
    }
    pairs
        .into_iter()
        .map(|(l, r)| {
            let (lf, rf) = (&left_dates.facts[l], &right_dates.facts[r]);
            let note = format!("{} ≠ {}", describe(left, lf, rf), describe(right, rf, lf));
            flag(FlagKind::Date, Severity::Conflict, &lf.span, &rf.span, note)
        })
        .collect()
}

/// The date's text, plus its weekday when the other side names one and this side does not.
fn describe(side: &Prepared<'_>, fact: &DateFact, other: &DateFact) -> String {
    let text = shorten(side.slice(&fact.span), 40);
    match (fact.weekday, weekday_of(fact), other.weekday) {
        (None, Some(day), Some(_)) => {
            let name = WEEKDAYS[usize::from(day)];
            let mut chars = name.chars();
            let first: String = chars
                .next()
                .into_iter()
                .flat_map(char::to_uppercase)
                .collect();
            format!("{text} (a {first}{})", chars.as_str())
        }
        _ => text,
    }
}

/// The only value of a component on a side, with the first fact stating it; `None` when the
/// side states none or several values.
fn single(facts: &[DateFact], component: &Component) -> Option<(usize, i64)> {
    let mut found: Option<(usize, i64)> = None;
    for (i, fact) in facts.iter().enumerate() {
        if let Some(value) = component(fact) {
            match found {
                None => found = Some((i, value)),
                Some((_, v)) if v == value => {}
                Some(_) => return None,
            }
        }
    }
    found
}

/// The explicit weekday, or the one a full date falls on.
fn weekday_of(fact: &DateFact) -> Option<u8> {
    fact.weekday.or_else(|| {
        let (year, month, day) = (fact.year?, fact.month?, fact.day?);
        weekday(year, month, day)
    })
}

/// Monday 0 … Sunday 6 for a valid Gregorian date (Sakamoto's method).
fn weekday(year: i32, month: u8, day: u8) -> Option<u8> {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let lengths = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    if !(1..=12).contains(&month) || day == 0 || day > lengths[usize::from(month - 1)] {
        return None;
    }
    let y = if month < 3 { year - 1 } else { year };
    let sunday_first =
        (y + y / 4 - y / 100 + y / 400 + T[usize::from(month - 1)] + i32::from(day)).rem_euclid(7);
    u8::try_from((sunday_first + 6) % 7).ok()
}

/// The dates of a side.
pub(super) fn extract(side: &Prepared<'_>) -> Dates {
    let atoms = atoms(side);
    let mut claimed = vec![false; side.tokens.len()];
    let mut facts = Vec::new();
    let mut group: Vec<(Range<usize>, Atom)> = Vec::new();
    for (tokens, atom) in atoms {
        let joins = group.last().is_some_and(|(last, last_atom)| {
            // A day and a month meet without a comma (`June 19`, `19. Juni`, `19th of June`).
            let day_month = matches!(
                (last_atom, atom),
                (Atom::Day(_), Atom::Month(_)) | (Atom::Month(_), Atom::Day(_))
            );
            let near = *last == tokens
                || (tokens.start >= last.end
                    && tokens.start - last.end <= 2
                    && (last.end..tokens.start).all(|k| {
                        CONNECTORS.contains(&side.norm(k)) && !(day_month && side.norm(k) == ",")
                    }));
            side.same_sentence(last.start, tokens.start)
                && near
                && group.iter().all(|(_, a)| a.slot() != atom.slot())
        });
        if !joins {
            finish_group(side, &group, &mut facts, &mut claimed);
            group.clear();
        }
        group.push((tokens, atom));
    }
    finish_group(side, &group, &mut facts, &mut claimed);
    Dates { facts, claimed }
}

/// Turns a group of atoms into a date, dropping atoms that mean nothing alone.
fn finish_group(
    side: &Prepared<'_>,
    group: &[(Range<usize>, Atom)],
    facts: &mut Vec<DateFact>,
    claimed: &mut [bool],
) {
    let has = |slot: u8| group.iter().any(|(_, a)| a.slot() == slot);
    let (has_month, has_day, has_year, has_weekday) = (has(1), has(2), has(3), has(0));
    let mut fact = DateFact::default();
    let mut tokens: Option<Range<usize>> = None;
    for (range, atom) in group {
        let keep = match *atom {
            Atom::Day(_) => has_month,
            Atom::Month(_) => {
                // `may` and `march` are words too: only with a day or a year, and capitalized.
                let ambiguous = matches!(side.norm(range.start), "may" | "march");
                !ambiguous || (side.capitalized(range.start) && (has_day || has_year))
            }
            Atom::Part(_) => has_weekday || has_day,
            _ => true,
        };
        if !keep {
            continue;
        }
        match *atom {
            Atom::Weekday(v) => fact.weekday = Some(v),
            Atom::Month(v) => fact.month = Some(v),
            Atom::Day(v) => fact.day = Some(v),
            Atom::Year(v) => fact.year = Some(v),
            Atom::Part(v) => fact.part = Some(v),
            Atom::Time(v) => fact.time = Some(v),
        }
        for k in range.clone() {
            if let Some(c) = claimed.get_mut(k) {
                *c = true;
            }
        }
        tokens = Some(match tokens {
            None => range.clone(),
            Some(t) => t.start.min(range.start)..t.end.max(range.end),
        });
    }
    if let Some(t) = tokens {
        fact.span = side.span(t.start, t.end - 1);
        facts.push(fact);
    }
}

/// Every date atom of a side, in token order, each with its token range.
fn atoms(side: &Prepared<'_>) -> Vec<(Range<usize>, Atom)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < side.tokens.len() {
        match atom_at(side, i) {
            Some((next, found)) => {
                let end = next.max(i + 1);
                for atom in found {
                    out.push((i..end, atom));
                }
                i = end;
            }
            None => i += 1,
        }
    }
    out
}

/// The atoms at token `i` and the index after them (a compound like `Mittwochabend` gives two).
fn atom_at(side: &Prepared<'_>, i: usize) -> Option<(usize, Vec<Atom>)> {
    let token = side.word(i)?;
    let norm = strip_possessive(&token.norm);
    let index = |list: &[&str]| {
        list.iter()
            .position(|w| *w == norm)
            .and_then(|p| u8::try_from(p).ok())
    };
    if token.kind == TokenKind::Word {
        if let Some(day) = index(&WEEKDAYS).or_else(|| index(&WOCHENTAGE)) {
            return Some((i + 1, vec![Atom::Weekday(day)]));
        }
        if norm == "sonnabend" {
            return Some((i + 1, vec![Atom::Weekday(5)]));
        }
        for (day, name) in WOCHENTAGE.iter().enumerate() {
            if let Some(part) = norm.strip_prefix(name).and_then(part_of_day) {
                let day = u8::try_from(day).ok()?;
                return Some((i + 1, vec![Atom::Weekday(day), Atom::Part(part)]));
            }
        }
        let month = index(&MONTHS)
            .or_else(|| index(&MONATE))
            .or_else(|| (norm == "jänner").then_some(0))
            .or_else(|| index(&MONTH_ABBREVIATIONS).filter(|_| side.capitalized(i)));
        if let Some(month) = month {
            return Some((i + 1, vec![Atom::Month(month + 1)]));
        }
        if let Some(part) = part_of_day(norm) {
            return Some((i + 1, vec![Atom::Part(part)]));
        }
        return None;
    }
    // Numbers: a clock time, an ISO date, a year or a day of the month.
    if let Some(found) = time_at(side, i) {
        return Some(found);
    }
    if let Some(found) = iso_date_at(side, i) {
        return Some(found);
    }
    if let Some(atoms) = dotted_date(norm) {
        return Some((i + 1, atoms));
    }
    let plain = norm.chars().all(|c| c.is_ascii_digit());
    if plain && norm.len() == 4 {
        let year: i32 = norm.parse().ok()?;
        let currency = i > 0 && matches!(side.norm(i - 1), "$" | "€" | "£");
        let next = side.norm(i + 1);
        // `2000 troops` counts troops; German puts verbs last (`2024 unterzeichnet`), so
        // there only units count.
        let german = side.language == crate::tokenize::Language::German;
        let counted = side.same_sentence(i, i + 1)
            && (matches!(next, "%" | "percent" | "prozent")
                || side.word(i + 1).is_some_and(|t| {
                    !german
                        && t.kind == TokenKind::Word
                        && !t.stop_word
                        && !side.capitalized(i + 1)
                        && part_of_day(&t.norm).is_none()
                }));
        if (1800..=2100).contains(&year) && !currency && !counted {
            return Some((i + 1, vec![Atom::Year(year)]));
        }
        return None;
    }
    let digits = norm
        .strip_suffix("st")
        .or_else(|| norm.strip_suffix("nd"))
        .or_else(|| norm.strip_suffix("rd"))
        .or_else(|| norm.strip_suffix("th"))
        .unwrap_or(norm);
    if (1..=2).contains(&digits.len()) && digits.chars().all(|c| c.is_ascii_digit()) {
        let day: u8 = digits.parse().ok()?;
        if (1..=31).contains(&day) {
            return Some((i + 1, vec![Atom::Day(day)]));
        }
    }
    None
}

/// `morning`, `Abend`, … as a part of the day.
fn part_of_day(norm: &str) -> Option<u8> {
    match norm {
        "morning" | "morgen" | "vormittag" => Some(0),
        "afternoon" | "nachmittag" | "mittag" | "noon" | "midday" => Some(1),
        "evening" | "night" | "abend" | "nacht" => Some(2),
        _ => None,
    }
}

/// A clock time at token `i`: `15:30`, `3 p.m.`, `3pm`, `15 Uhr`, `15.30 Uhr`.
fn time_at(side: &Prepared<'_>, i: usize) -> Option<(usize, Vec<Atom>)> {
    let norm = side.norm(i);
    let same = |k: usize| side.same_sentence(i, k);
    let meridiem = |s: &str| match s {
        "a.m" | "am" => Some(false),
        "p.m" | "pm" => Some(true),
        _ => None,
    };
    let (hours, minutes, mut next) = if let Some(h) = norm
        .strip_suffix("pm")
        .or_else(|| norm.strip_suffix("am"))
        .filter(|h| !h.is_empty() && h.chars().all(|c| c.is_ascii_digit()))
    {
        let pm = norm.ends_with("pm");
        return clock(h.parse().ok()?, 0, Some(pm)).map(|t| (i + 1, vec![Atom::Time(t)]));
    } else if side.norm(i + 1) == ":"
        && same(i + 2)
        && side
            .tokens
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Number)
    {
        let m = side.norm(i + 2);
        (
            norm.parse::<u16>().ok()?,
            m.parse::<u16>().ok().filter(|_| m.len() == 2)?,
            i + 3,
        )
    } else if let Some((h, m)) = norm.split_once('.').filter(|_| side.norm(i + 1) == "uhr") {
        (
            h.parse().ok()?,
            m.parse().ok().filter(|_| m.len() == 2)?,
            i + 1,
        )
    } else if side.norm(i + 1) == "uhr" || (same(i + 1) && meridiem(side.norm(i + 1)).is_some()) {
        (norm.parse().ok()?, 0, i + 1)
    } else {
        return None;
    };
    let mut pm = None;
    if same(next) {
        if side.norm(next) == "uhr" {
            next += 1;
        } else if let Some(p) = meridiem(side.norm(next)) {
            pm = Some(p);
            next += 1;
        }
    }
    clock(hours, minutes, pm).map(|t| (next, vec![Atom::Time(t)]))
}

/// Minutes after midnight, or `None` for an impossible time.
fn clock(hours: u16, minutes: u16, pm: Option<bool>) -> Option<u16> {
    if minutes > 59 {
        return None;
    }
    let hours = match pm {
        Some(pm) if (1..=12).contains(&hours) => hours % 12 + if pm { 12 } else { 0 },
        None if hours <= 24 => hours % 24,
        _ => return None,
    };
    Some(hours * 60 + minutes)
}

/// A German numeric date in one token: `19.06.2024`.
fn dotted_date(norm: &str) -> Option<Vec<Atom>> {
    let mut parts = norm.split('.');
    let (day, month, year) = (parts.next()?, parts.next()?, parts.next()?);
    let digits = |s: &str, len: std::ops::RangeInclusive<usize>| {
        len.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    if parts.next().is_some()
        || !digits(day, 1..=2)
        || !digits(month, 1..=2)
        || !digits(year, 4..=4)
    {
        return None;
    }
    let day: u8 = day.parse().ok().filter(|d| (1..=31).contains(d))?;
    let month: u8 = month.parse().ok().filter(|m| (1..=12).contains(m))?;
    let year: i32 = year.parse().ok()?;
    Some(vec![Atom::Day(day), Atom::Month(month), Atom::Year(year)])
}

/// An ISO date `2024-06-19` (three number tokens joined by hyphens).
fn iso_date_at(side: &Prepared<'_>, i: usize) -> Option<(usize, Vec<Atom>)> {
    let number = |k: usize, len: std::ops::RangeInclusive<usize>| {
        let n = side.norm(k);
        (side.same_sentence(i, k)
            && len.contains(&n.len())
            && n.chars().all(|c| c.is_ascii_digit()))
        .then(|| n.parse::<i32>().ok())
        .flatten()
    };
    let year = number(i, 4..=4)?;
    let adjacent = |k: usize| {
        side.tokens
            .get(k)
            .zip(side.tokens.get(k + 1))
            .is_some_and(|(a, b)| a.range.end == b.range.start)
    };
    if side.norm(i + 1) != "-" || side.norm(i + 3) != "-" || !(i..i + 4).all(adjacent) {
        return None;
    }
    let month = u8::try_from(number(i + 2, 1..=2)?)
        .ok()
        .filter(|m| (1..=12).contains(m))?;
    let day = u8::try_from(number(i + 4, 1..=2)?)
        .ok()
        .filter(|d| (1..=31).contains(d))?;
    Some((
        i + 5,
        vec![Atom::Year(year), Atom::Month(month), Atom::Day(day)],
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weekdays_of_known_dates() {
        // 19 June 2024 was a Wednesday; 1 January 2000 a Saturday; 29 February 2023 never was.
        assert_eq!(weekday(2024, 6, 19), Some(2));
        assert_eq!(weekday(2000, 1, 1), Some(5));
        assert_eq!(weekday(2023, 2, 29), None);
    }

    #[test]
    fn clock_times() {
        assert_eq!(clock(3, 0, Some(true)), Some(15 * 60));
        assert_eq!(clock(12, 30, Some(false)), Some(30));
        assert_eq!(clock(15, 0, None), Some(15 * 60));
        assert_eq!(clock(13, 0, Some(true)), None);
        assert_eq!(clock(10, 75, None), None);
    }
}
