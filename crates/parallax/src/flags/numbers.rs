//! Number facts: a value (or range) with its qualifier, currency or unit, and the noun after it.

use super::words::{shorten, Prepared};
use super::{flag, Flag, FlagKind, Severity};
use crate::tokenize::{Language, TokenKind};
use std::ops::Range;

/// How a number is hedged: `at least 200`, `about 200`, `up to 200`, or plain `200`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qualifier {
    Exact,
    AtLeast,
    About,
    AtMost,
}

/// One number a side states.
#[derive(Debug, Clone, PartialEq)]
pub(super) struct NumberFact {
    low: f64,
    high: f64,
    qualifier: Qualifier,
    /// `usd`, `eur`, `gbp`, `%`, a unit suffix (`km`, `year-old`) or empty.
    unit: String,
    /// Stems of up to two content words right after the number (its noun).
    nouns: Vec<String>,
    /// Stem of the content word before the number, used when there is no noun after it.
    before: String,
    span: Range<usize>,
}

/// English and German qualifiers, as folded words read backwards from the number.
const QUALIFIERS: &[(&[&str], Qualifier)] = &[
    (&["least", "at"], Qualifier::AtLeast),
    (&["than", "more"], Qualifier::AtLeast),
    (&["over"], Qualifier::AtLeast),
    (&["above"], Qualifier::AtLeast),
    (&["mindestens"], Qualifier::AtLeast),
    (&["als", "mehr"], Qualifier::AtLeast),
    (&["über"], Qualifier::AtLeast),
    (&["about"], Qualifier::About),
    (&["around"], Qualifier::About),
    (&["some"], Qualifier::About),
    (&["approximately"], Qualifier::About),
    (&["roughly"], Qualifier::About),
    (&["nearly"], Qualifier::About),
    (&["almost"], Qualifier::About),
    (&["estimated", "an"], Qualifier::About),
    (&["rund"], Qualifier::About),
    (&["etwa"], Qualifier::About),
    (&["ungefähr"], Qualifier::About),
    (&["fast"], Qualifier::About),
    (&["knapp"], Qualifier::About),
    (&["to", "up"], Qualifier::AtMost),
    (&["than", "less"], Qualifier::AtMost),
    (&["than", "fewer"], Qualifier::AtMost),
    (&["under"], Qualifier::AtMost),
    (&["zu", "bis"], Qualifier::AtMost),
    (&["als", "weniger"], Qualifier::AtMost),
    (&["höchstens"], Qualifier::AtMost),
];

/// Flags numbers with the same noun or unit but different values.
pub(super) fn compare(
    left: &Prepared<'_>,
    right: &Prepared<'_>,
    left_claimed: &[bool],
    right_claimed: &[bool],
) -> Vec<Flag> {
    let left_facts = extract(left, left_claimed);
    let right_facts = extract(right, right_claimed);
    let matched = |fact: &NumberFact, others: &[NumberFact]| {
        others
            .iter()
            .any(|o| compatible(fact, o) && same_value(fact, o))
    };
    let left_open: Vec<bool> = left_facts
        .iter()
        .map(|f| !matched(f, &right_facts))
        .collect();
    let right_open: Vec<bool> = right_facts
        .iter()
        .map(|f| !matched(f, &left_facts))
        .collect();
    let mut flags = Vec::new();
    for (i, fact) in left_facts.iter().enumerate() {
        if !left_open[i] {
            continue;
        }
        let partners: Vec<usize> = (0..right_facts.len())
            .filter(|&j| right_open[j] && compatible(fact, &right_facts[j]))
            .collect();
        let [j] = partners[..] else { continue };
        let back = (0..left_facts.len())
            .filter(|&k| left_open[k] && compatible(&left_facts[k], &right_facts[j]))
            .count();
        if back == 1 && disagree(fact, &right_facts[j]) {
            let note = format!(
                "{} ≠ {}",
                shorten(left.slice(&fact.span), 40),
                shorten(right.slice(&right_facts[j].span), 40)
            );
            flags.push(flag(
                FlagKind::Number,
                Severity::Conflict,
                &fact.span,
                &right_facts[j].span,
                note,
            ));
        }
    }
    flags
}

/// Whether two numbers speak of the same thing: same unit, and a shared noun (or, without
/// nouns, the same word before them); a currency or percentage needs no noun.
fn compatible(left: &NumberFact, right: &NumberFact) -> bool {
    if left.unit != right.unit {
        return false;
    }
    let shared = left.nouns.iter().any(|n| right.nouns.contains(n));
    let money = matches!(left.unit.as_str(), "usd" | "eur" | "gbp" | "%");
    shared
        || (money && (left.nouns.is_empty() || right.nouns.is_empty()))
        || (left.nouns.is_empty()
            && right.nouns.is_empty()
            && !left.before.is_empty()
            && left.before == right.before)
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn same_value(left: &NumberFact, right: &NumberFact) -> bool {
    close(left.low, right.low) && close(left.high, right.high)
}

/// Whether two compatible numbers state different values: under the same qualifier any
/// difference counts; under different qualifiers only ranges that cannot overlap.
fn disagree(left: &NumberFact, right: &NumberFact) -> bool {
    if same_value(left, right) {
        return false;
    }
    if left.qualifier == right.qualifier {
        return true;
    }
    let (a_low, a_high) = interval(left);
    let (b_low, b_high) = interval(right);
    a_high < b_low || b_high < a_low
}

fn interval(fact: &NumberFact) -> (f64, f64) {
    match fact.qualifier {
        Qualifier::Exact => (fact.low, fact.high),
        Qualifier::AtLeast => (fact.low, f64::INFINITY),
        Qualifier::AtMost => (f64::NEG_INFINITY, fact.high),
        Qualifier::About => (fact.low * 0.75, fact.high * 1.25),
    }
}

/// The numbers of a side, skipping tokens that a date claimed.
pub(super) fn extract(side: &Prepared<'_>, claimed: &[bool]) -> Vec<NumberFact> {
    let mut facts = Vec::new();
    let mut i = 0;
    while i < side.tokens.len() {
        if claimed.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        match fact_at(side, claimed, i) {
            Some((fact, next)) => {
                facts.push(fact);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    facts
}

/// A parsed value: the number, the index after its last token, and a unit suffix.
struct Value {
    amount: f64,
    next: usize,
    unit: String,
    times: bool,
}

/// The number fact starting at token `i`, and the index after it.
fn fact_at(side: &Prepared<'_>, claimed: &[bool], i: usize) -> Option<(NumberFact, usize)> {
    let is_claimed = |k: usize| claimed.get(k).copied().unwrap_or(false);
    let first = value_at(side, i)?;
    let mut next = first.next;
    let low = first.amount;
    let mut high = first.amount;
    // A range: `200-300`, `200 to 300`, `between 200 and 300`, `200 bis 300`.
    let between = matches!(side.norm(i.wrapping_sub(1)), "between" | "zwischen");
    let joiner = side.norm(next);
    let joins =
        matches!(joiner, "-" | "to" | "bis") || (between && matches!(joiner, "and" | "und"));
    if joins && side.same_sentence(i, next + 1) && !is_claimed(next + 1) {
        if let Some(second) = value_at(side, next + 1) {
            if second.unit == first.unit && second.amount >= first.amount && !second.times {
                high = second.amount;
                next = second.next;
            }
        }
    }
    let mut unit = first.unit.clone();
    let mut start = i;
    // A currency sign just before: `$5 million`, `€2.5bn`.
    if i > 0 && side.same_sentence(i - 1, i) {
        let sign = match side.norm(i - 1) {
            "$" | "us$" => "usd",
            "€" => "eur",
            "£" => "gbp",
            _ => "",
        };
        if !sign.is_empty() && unit.is_empty() {
            sign.clone_into(&mut unit);
            start = i - 1;
        }
    }
    let mut end = next;
    // A unit word after: `5 million dollars`, `12 percent`, `12 %`.
    if unit.is_empty() && side.same_sentence(i, next) {
        let word_unit = match side.norm(next) {
            "dollar" | "dollars" | "us-dollar" => "usd",
            "euro" | "euros" => "eur",
            "pound" | "pounds" => "gbp",
            "%" | "percent" | "prozent" => "%",
            "per" if side.norm(next + 1) == "cent" => {
                end += 1;
                "%"
            }
            _ => "",
        };
        if !word_unit.is_empty() {
            word_unit.clone_into(&mut unit);
            end += 1;
        }
    }
    if first.times {
        "times".clone_into(&mut unit);
    } else if unit.is_empty()
        && side.same_sentence(i, end)
        && matches!(side.norm(end), "times" | "mal")
    {
        "times".clone_into(&mut unit);
        end += 1;
    }
    let nouns = nouns_after(side, i, end);
    let (qualifier, qualifier_start) = qualifier_before(side, start);
    let before = word_before(side, qualifier_start);
    let fact = NumberFact {
        low,
        high,
        qualifier,
        unit,
        nouns,
        before,
        span: side.span(start, end - 1),
    };
    Some((fact, end))
}

/// Stems of up to two content words after the number (stops at punctuation or a stop word).
fn nouns_after(side: &Prepared<'_>, first: usize, end: usize) -> Vec<String> {
    let mut nouns = Vec::new();
    let mut k = end;
    while nouns.len() < 2 && side.same_sentence(first, k) {
        match side.word(k) {
            Some(t) if t.kind == TokenKind::Word && !t.stop_word => {
                nouns.push(t.stem.clone());
                k += 1;
            }
            _ => break,
        }
    }
    nouns
}

/// The qualifier before token `start` and the index where it begins.
fn qualifier_before(side: &Prepared<'_>, start: usize) -> (Qualifier, usize) {
    for (words, qualifier) in QUALIFIERS {
        let fits = words.iter().enumerate().all(|(k, w)| {
            start > k && side.same_sentence(start - 1 - k, start) && side.norm(start - 1 - k) == *w
        });
        if fits {
            return (*qualifier, start - words.len());
        }
    }
    (Qualifier::Exact, start)
}

/// Stem of the nearest content word before `start` in its sentence (across one comma right
/// before it: `Berg, 71`), or empty.
fn word_before(side: &Prepared<'_>, start: usize) -> String {
    let mut k = start;
    while k > 0 && side.same_sentence(k - 1, start) {
        k -= 1;
        match side.word(k) {
            Some(t) if t.kind == TokenKind::Word && !t.stop_word => return t.stem.clone(),
            Some(_) => {}
            None if side.norm(k) == "," && k + 1 == start => {}
            None => return String::new(),
        }
    }
    String::new()
}

/// Scale words: `million`, `Milliarden`, `thousand`.
fn scale(norm: &str) -> Option<f64> {
    Some(match norm {
        "thousand" | "tausend" => 1e3,
        "million" | "millions" | "mio" | "millionen" => 1e6,
        "billion" | "billions" | "milliarde" | "milliarden" | "mrd" => 1e9,
        "trillion" | "billionen" => 1e12,
        _ => return None,
    })
}

/// The value at token `i`: digits, written-out words, `twice`, each with a following scale.
fn value_at(side: &Prepared<'_>, i: usize) -> Option<Value> {
    let token = side.word(i)?;
    let (mut value, mut next, unit, times) = match token.kind {
        TokenKind::Number => {
            let (value, unit) = numeral(&token.norm, side.language)?;
            let (value, next) = if unit.is_empty() {
                space_grouped(side, i, value)
            } else {
                (value, i + 1)
            };
            (value, next, unit, false)
        }
        TokenKind::Word => {
            if let Some(n) = multiplier(&token.norm, side.language) {
                (n, i + 1, String::new(), true)
            } else if matches!(token.norm.as_str(), "a" | "an" | "one" | "ein" | "eine")
                && scale(side.norm(i + 1)).is_some()
            {
                (1.0, i + 1, String::new(), false)
            } else {
                let (value, next) = written(side, i)?;
                (value, next, String::new(), false)
            }
        }
        _ => return None,
    };
    if unit.is_empty() && side.same_sentence(i, next) {
        if let Some(factor) = scale(side.norm(next)) {
            value *= factor;
            next += 1;
        }
    }
    if !value.is_finite() {
        return None;
    }
    Some(Value {
        amount: value,
        next,
        unit,
        times,
    })
}

/// `11 000` (thousands grouped by spaces): the value and the index after the last group.
fn space_grouped(side: &Prepared<'_>, i: usize, value: f64) -> (f64, usize) {
    let head = side.norm(i);
    if !(1..=3).contains(&head.len()) || !head.chars().all(|c| c.is_ascii_digit()) {
        return (value, i + 1);
    }
    let mut value = value;
    let mut k = i + 1;
    while let (Some(before), Some(group)) = (side.tokens.get(k - 1), side.tokens.get(k)) {
        let gap = side
            .text
            .get(before.range.end..group.range.start)
            .unwrap_or("");
        let one_space =
            gap.chars().count() == 1 && gap.chars().all(char::is_whitespace) && gap != "\n";
        let three_digits = group.norm.len() == 3 && group.norm.chars().all(|c| c.is_ascii_digit());
        if !(one_space && three_digits && side.same_sentence(i, k)) {
            break;
        }
        value = value * 1000.0 + f64::from(group.norm.parse::<u16>().unwrap_or(0));
        k += 1;
    }
    (value, k)
}

/// `twice` → 2 (times); German `zweimal`, `dreimal`.
fn multiplier(norm: &str, language: Language) -> Option<f64> {
    if language != Language::German {
        return match norm {
            "twice" => Some(2.0),
            "thrice" => Some(3.0),
            _ => None,
        };
    }
    let base = norm.strip_suffix("mal")?;
    german_number(base).filter(|&n| n >= 2).map(|n| n as f64)
}

/// A number token's value and unit suffix: `11,000`, `1.000,5` (German), `2.5bn`, `10km`,
/// `24-year-old`. `None` for ordinals (`19th`), decades (`1990s`) and ambiguous separators.
fn numeral(norm: &str, language: Language) -> Option<(f64, String)> {
    let digits_end = norm
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(norm.len(), |(k, _)| k);
    let (digits, suffix) = norm.split_at(digits_end);
    let digits = digits.trim_end_matches(['.', ',']);
    let value = plain_number(digits, language)?;
    let (factor, unit) = match suffix.trim_start_matches('-') {
        "" => (1.0, ""),
        "k" => (1e3, ""),
        "m" | "mn" | "mio" => (1e6, ""),
        "b" | "bn" => (1e9, ""),
        "tn" => (1e12, ""),
        "st" | "nd" | "rd" | "th" | "s" => return None,
        other if other.chars().all(|c| c.is_alphabetic() || c == '-') => (1.0, other),
        _ => return None,
    };
    Some((value * factor, unit.to_owned()))
}

/// Digits with English or German separators. One separator before three digits (`1,000`,
/// `1.000`) groups thousands unless the language says it is a decimal point (German `,`,
/// English `.`); when the language is unknown it groups thousands either way, as news writes.
fn plain_number(s: &str, language: Language) -> Option<f64> {
    if s.is_empty() || !s.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let commas = s.matches(',').count();
    let dots = s.matches('.').count();
    let grouped = |sep: char| {
        let mut parts = s.split(sep);
        let head = parts.next().unwrap_or("");
        (1..=3).contains(&head.len()) && parts.all(|p| p.len() == 3)
    };
    let german = language == Language::German;
    let english = language == Language::English;
    let (thousands, decimal) = match (commas, dots) {
        (0, 0) => (None, None),
        (c, 0) if c > 1 && grouped(',') => (Some(','), None),
        (1, 0) if grouped(',') => {
            if german {
                (None, Some(','))
            } else {
                (Some(','), None)
            }
        }
        (1, 0) => (None, Some(',')),
        (0, d) if d > 1 && grouped('.') => (Some('.'), None),
        (0, 1) if grouped('.') => {
            if english {
                (None, Some('.'))
            } else {
                (Some('.'), None)
            }
        }
        (0, 1) => (None, Some('.')),
        _ => {
            let last_comma = s.rfind(',')?;
            let last_dot = s.rfind('.')?;
            if last_dot > last_comma {
                (Some(','), Some('.'))
            } else {
                (Some('.'), Some(','))
            }
        }
    };
    let mut plain = String::with_capacity(s.len());
    let mut seen_decimal = false;
    for c in s.chars() {
        if Some(c) == thousands {
            if seen_decimal {
                return None;
            }
        } else if Some(c) == decimal {
            if seen_decimal {
                return None;
            }
            seen_decimal = true;
            plain.push('.');
        } else if c.is_ascii_digit() {
            plain.push(c);
        } else {
            return None;
        }
    }
    if let (Some(sep), Some(_)) = (thousands, decimal) {
        let whole = s.split(decimal.unwrap_or('.')).next().unwrap_or("");
        let mut parts = whole.split(sep);
        let head = parts.next().unwrap_or("");
        if !((1..=3).contains(&head.len()) && parts.all(|p| p.len() == 3)) {
            return None;
        }
    }
    decimal_value(&plain).filter(|v| v.is_finite())
}

/// The value of ASCII digits with at most one `.`; `None` without a digit.
///
/// A small stand-in for `str::parse::<f64>`, whose correctly rounding parser and tables would
/// add tens of kilobytes to the page's WebAssembly. Values up to 2^53 with at most 22 decimals
/// come out exactly as `parse` gives them (one correctly rounded division); longer digit runs
/// may differ in the last bit, the same way on both sides.
fn decimal_value(plain: &str) -> Option<f64> {
    let (whole, fraction) = plain.split_once('.').unwrap_or((plain, ""));
    if whole.is_empty() && fraction.is_empty() {
        return None;
    }
    let mut mantissa: u64 = 0;
    let mut wide: f64 = 0.0;
    let mut exact = true;
    for c in whole.bytes().chain(fraction.bytes()) {
        let digit = u64::from(c.checked_sub(b'0').filter(|d| *d <= 9)?);
        wide = wide * 10.0 + digit as f64;
        if exact {
            match mantissa.checked_mul(10).and_then(|m| m.checked_add(digit)) {
                Some(m) if m <= 1 << 53 => mantissa = m,
                _ => exact = false,
            }
        }
    }
    let value = if exact { mantissa as f64 } else { wide };
    let scale = i32::try_from(fraction.len()).unwrap_or(i32::MAX);
    Some(if scale <= 22 {
        value / 10f64.powi(scale)
    } else {
        value / 10f64.powi(22) / 10f64.powi(scale - 22)
    })
}

/// Written-out English or German numbers from token `i`: `twenty-four`, `two hundred and
/// seventeen`, `drei`, `vierundzwanzig`. A lone `one` is not taken (too often a pronoun).
fn written(side: &Prepared<'_>, i: usize) -> Option<(f64, usize)> {
    if side.language == Language::German {
        let n = german_number(side.norm(i))?;
        return (n >= 2).then_some((n as f64, i + 1));
    }
    let mut total = 0u64;
    let mut current = 0u64;
    let mut k = i;
    let mut words = 0;
    while side.same_sentence(i, k) {
        let norm = side.norm(k);
        if norm == "and" && words > 0 && english_number(side.norm(k + 1)).is_some() {
            k += 1;
            continue;
        }
        let Some(value) = english_number(norm) else {
            break;
        };
        match value {
            100 => current = current.max(1).saturating_mul(100),
            1000 => {
                total = total.saturating_add(current.max(1).saturating_mul(1000));
                current = 0;
            }
            v => current = current.saturating_add(v),
        }
        words += 1;
        k += 1;
    }
    let value = total.saturating_add(current);
    let lone_one = words == 1 && value == 1;
    (words > 0 && !lone_one).then_some((value as f64, k))
}

/// One English number word (hyphenated compounds included): `seventeen`, `twenty-four`.
fn english_number(norm: &str) -> Option<u64> {
    const WORDS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    if let Some((tens, unit)) = norm.split_once('-') {
        let (t, u) = (english_number(tens)?, english_number(unit)?);
        return (t >= 20 && t % 10 == 0 && t < 100 && (1..10).contains(&u)).then_some(t + u);
    }
    if let Some(n) = WORDS.iter().position(|w| *w == norm) {
        return Some(n as u64);
    }
    if let Some(n) = TENS.iter().position(|w| *w == norm) {
        return Some(20 + 10 * n as u64);
    }
    match norm {
        "hundred" => Some(100),
        "thousand" => Some(1000),
        "dozen" => Some(12),
        _ => None,
    }
}

/// A German number word, compounds included: `zwei`, `zwölf`, `vierundzwanzig`,
/// `zweihundert`, `dreitausend`. `ein`/`eine` alone are articles and give `None`.
fn german_number(norm: &str) -> Option<u64> {
    if norm.is_empty() || norm.len() > 60 {
        return None;
    }
    if let Some((thousands, rest)) = norm.split_once("tausend") {
        let high = if thousands.is_empty() {
            1
        } else {
            german_below_thousand(thousands)?
        };
        let low = if rest.is_empty() {
            0
        } else {
            german_below_thousand(rest)?
        };
        return Some(high * 1000 + low);
    }
    match norm {
        "ein" | "eine" => None,
        _ => german_below_thousand(norm),
    }
}

fn german_below_thousand(s: &str) -> Option<u64> {
    if let Some((hundreds, rest)) = s.split_once("hundert") {
        let high = if hundreds.is_empty() {
            1
        } else {
            german_below_hundred(hundreds)?
        };
        let low = if rest.is_empty() {
            0
        } else {
            german_below_hundred(rest.strip_prefix("und").unwrap_or(rest))?
        };
        return Some(high * 100 + low);
    }
    german_below_hundred(s)
}

fn german_below_hundred(s: &str) -> Option<u64> {
    const UNITS: [&str; 20] = [
        "null",
        "eins",
        "zwei",
        "drei",
        "vier",
        "fünf",
        "sechs",
        "sieben",
        "acht",
        "neun",
        "zehn",
        "elf",
        "zwölf",
        "dreizehn",
        "vierzehn",
        "fünfzehn",
        "sechzehn",
        "siebzehn",
        "achtzehn",
        "neunzehn",
    ];
    const TENS: [&str; 8] = [
        "zwanzig", "dreißig", "vierzig", "fünfzig", "sechzig", "siebzig", "achtzig", "neunzig",
    ];
    let unit = |w: &str| match w {
        "ein" => Some(1),
        "sieb" => Some(7),
        _ => UNITS.iter().position(|u| *u == w).map(|n| n as u64),
    };
    let tens = |w: &str| {
        let w = if w == "dreissig" { "dreißig" } else { w };
        TENS.iter()
            .position(|t| *t == w)
            .map(|n| 20 + 10 * n as u64)
    };
    if let Some(n) = unit(s).or_else(|| tens(s)) {
        return Some(n);
    }
    let (u, t) = s.split_once("und")?;
    let (u, t) = (unit(u)?, tens(t)?);
    (1..10).contains(&u).then_some(t + u)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn decimal_values_match_the_standard_parser() {
        let exact = [
            "0",
            "7",
            "217",
            "4.5",
            "0.1",
            "2.75",
            "1000.5",
            "5.",
            ".5",
            "007",
            "9007199254740992",
            "0.0000000000000000000001",
            "123456.123456789",
        ];
        for plain in exact {
            assert_eq!(decimal_value(plain), plain.parse::<f64>().ok(), "{plain}");
        }
        // Past 2^53 the value may be off in the last bits only.
        for long in [
            "123456789.123456789",
            "999999999999999999999",
            "9007199254740993",
        ] {
            let (ours, std) = (decimal_value(long), long.parse::<f64>().ok());
            let (Some(ours), Some(std)) = (ours, std) else {
                panic!("{long}: {ours:?} / {std:?}");
            };
            assert!((ours - std).abs() <= std * 1e-15, "{long}: {ours} / {std}");
        }
        for bad in ["", ".", "1.2.3", "1a", "-1", " 1"] {
            assert_eq!(decimal_value(bad), None, "{bad:?}");
        }
    }

    proptest! {
        #[test]
        fn short_decimals_match_the_standard_parser(whole in "[0-9]{0,9}", fraction in "[0-9]{0,6}") {
            let plain = if fraction.is_empty() { whole.clone() } else { format!("{whole}.{fraction}") };
            prop_assert_eq!(decimal_value(&plain), plain.parse::<f64>().ok());
        }
    }

    #[test]
    fn numerals_in_english_and_german_forms() {
        let en = Language::English;
        let de = Language::German;
        assert_eq!(numeral("11,000", en), Some((11000.0, String::new())));
        assert_eq!(numeral("1,000.5", en), Some((1000.5, String::new())));
        assert_eq!(numeral("1.000,5", de), Some((1000.5, String::new())));
        assert_eq!(numeral("1.000", de), Some((1000.0, String::new())));
        assert_eq!(numeral("1.000", en), Some((1.0, String::new())));
        assert_eq!(
            numeral("1.000", Language::Other),
            Some((1000.0, String::new()))
        );
        assert_eq!(
            numeral("1,000", Language::Other),
            Some((1000.0, String::new()))
        );
        assert_eq!(numeral("2,5", de), Some((2.5, String::new())));
        assert_eq!(numeral("2.5bn", en), Some((2.5e9, String::new())));
        assert_eq!(numeral("19th", en), None);
        assert_eq!(numeral("1990s", en), None);
        assert_eq!(numeral("24-year-old", en), Some((24.0, "year-old".into())));
        assert_eq!(numeral("1,00,0", en), None);
    }

    #[test]
    fn german_number_words() {
        assert_eq!(german_number("vierundzwanzig"), Some(24));
        assert_eq!(german_number("zweihundertsiebzehn"), Some(217));
        assert_eq!(german_number("dreitausend"), Some(3000));
        assert_eq!(german_number("zwölf"), Some(12));
        assert_eq!(german_number("eine"), None);
        assert_eq!(german_number("undzwanzig"), None);
        assert_eq!(english_number("twenty-four"), Some(24));
        assert_eq!(english_number("four-twenty"), None);
    }
}
