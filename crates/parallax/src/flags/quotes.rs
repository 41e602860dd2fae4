//! Quotation facts: the words inside quotation marks, matched across sides by word overlap.

use super::words::{shorten, Prepared};
use super::{flag, Flag, FlagKind, Severity};
use crate::tokenize::TokenKind;
use similar::{capture_diff_slices, Algorithm, DiffOp};
use std::ops::Range;

/// The fewest words a quotation needs to be compared (shorter ones are mostly scare quotes).
const MIN_WORDS: usize = 3;
/// The most tokens a quotation may span before an unclosed mark is given up.
const MAX_TOKENS: usize = 400;

/// One quotation of a side.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Quote {
    /// Token indices of the opening and closing marks.
    open: usize,
    close: usize,
    /// Folded words, in order.
    words: Vec<String>,
    /// The token index of each word.
    word_tokens: Vec<usize>,
}

/// The closing marks that end a quotation opened by `open`, or `None` if `open` opens none.
fn closers(open: char) -> Option<&'static [char]> {
    Some(match open {
        '“' => &['”', '“'],
        '„' => &['“', '”'],
        '«' => &['»'],
        '»' => &['«'],
        '"' => &['"'],
        '‘' => &['’'],
        '‚' => &['‘', '’'],
        '‹' => &['›'],
        _ => return None,
    })
}

/// The quotations of a side, even when they run over several of its sentences.
fn extract(side: &Prepared<'_>) -> Vec<Quote> {
    let mut quotes = Vec::new();
    let mut i = 0;
    while i < side.tokens.len() {
        let mark = side.surface(i).chars().next().unwrap_or(' ');
        let opens = side.tokens[i].kind == TokenKind::Quote && opens_here(side, i);
        let Some(ends) = closers(mark).filter(|_| opens) else {
            i += 1;
            continue;
        };
        let limit = side.tokens.len().min(i + MAX_TOKENS);
        let close = (i + 1..limit).find(|&k| {
            side.tokens[k].kind == TokenKind::Quote
                && side
                    .surface(k)
                    .chars()
                    .next()
                    .is_some_and(|c| ends.contains(&c))
        });
        let Some(close) = close else {
            i += 1;
            continue;
        };
        let word_tokens: Vec<usize> = (i + 1..close).filter(|&k| side.word(k).is_some()).collect();
        let words = word_tokens
            .iter()
            .map(|&k| side.norm(k).to_owned())
            .collect();
        quotes.push(Quote {
            open: i,
            close,
            words,
            word_tokens,
        });
        i = close + 1;
    }
    quotes.retain(|q| q.words.len() >= MIN_WORDS);
    quotes
}

/// Whether the quote mark at token `i` can open a quotation: it is not glued to a word before
/// it and a word follows it directly.
fn opens_here(side: &Prepared<'_>, i: usize) -> bool {
    let token = &side.tokens[i];
    let before_ok = i == 0
        || !side.same_sentence(i - 1, i)
        || side.tokens[i - 1].range.end < token.range.start
        || !side.tokens[i - 1].is_word();
    let after_ok = side
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.range.start == token.range.end && t.is_word());
    before_ok && after_ok
}

/// The content words of a quotation (stop words left out), by stem.
fn content(side: &Prepared<'_>, quote: &Quote) -> Vec<String> {
    quote
        .word_tokens
        .iter()
        .filter_map(|&k| side.tokens.get(k))
        .filter(|t| t.is_content())
        .map(|t| t.stem.clone())
        .collect()
}

/// Shared words (as a multiset) of two quotations.
fn shared(left: &[String], right: &[String]) -> usize {
    let mut right: Vec<&String> = right.iter().collect();
    let mut count = 0;
    for word in left {
        if let Some(k) = right.iter().position(|w| *w == word) {
            right.swap_remove(k);
            count += 1;
        }
    }
    count
}

/// The representative of `k`'s group (union-find with path halving).
fn root(group: &mut [usize], mut k: usize) -> usize {
    while group[k] != k {
        group[k] = group[group[k]];
        k = group[k];
    }
    k
}

/// Flags quotations that the other side quotes with different words.
pub(super) fn compare(left: &Prepared<'_>, right: &Prepared<'_>) -> Vec<Flag> {
    let left_quotes = extract(left);
    let right_quotes = extract(right);
    if left_quotes.is_empty() || right_quotes.is_empty() {
        return Vec::new();
    }
    // Group quotations that share at least half the words of the shorter one.
    let n = left_quotes.len();
    let mut group: Vec<usize> = (0..n + right_quotes.len()).collect();
    for (i, l) in left_quotes.iter().enumerate() {
        for (j, r) in right_quotes.iter().enumerate() {
            let (lc, rc) = (content(left, l), content(right, r));
            let common = shared(&lc, &rc);
            let (short, long) = (lc.len().min(rc.len()), lc.len().max(rc.len()));
            if common >= 2 && common * 2 >= short && common * 4 >= long {
                let (a, b) = (root(&mut group, i), root(&mut group, n + j));
                group[a.max(b)] = a.min(b);
            }
        }
    }
    let mut flags = Vec::new();
    for g in 0..n {
        if root(&mut group, g) != g {
            continue;
        }
        let members_left: Vec<&Quote> = (0..n)
            .filter(|&k| root(&mut group, k) == g)
            .map(|k| &left_quotes[k])
            .collect();
        let members_right: Vec<&Quote> = (0..right_quotes.len())
            .filter(|&k| root(&mut group, n + k) == g)
            .map(|k| &right_quotes[k])
            .collect();
        if members_right.is_empty() {
            continue;
        }
        if let Some(f) = misquote(left, right, &members_left, &members_right) {
            flags.push(f);
        }
    }
    flags
}

/// The flag for one group of matching quotations, if their words differ inside the stretch
/// both sides quote.
fn misquote(
    left: &Prepared<'_>,
    right: &Prepared<'_>,
    left_quotes: &[&Quote],
    right_quotes: &[&Quote],
) -> Option<Flag> {
    let words = |qs: &[&Quote]| -> (Vec<String>, Vec<usize>) {
        let words = qs.iter().flat_map(|q| q.words.iter().cloned()).collect();
        let tokens = qs
            .iter()
            .flat_map(|q| q.word_tokens.iter().copied())
            .collect();
        (words, tokens)
    };
    let (left_words, left_tokens) = words(left_quotes);
    let (right_words, right_tokens) = words(right_quotes);
    if left_words == right_words {
        return None;
    }
    let several = left_quotes.len() > 1 || right_quotes.len() > 1;
    if several && shared(&left_words, &right_words) == left_words.len().max(right_words.len()) {
        // The same words quoted in other pieces or another order: a split, not a misquote.
        return None;
    }
    let ids = crate::diff::interned([&left_words, &right_words]);
    let ops = capture_diff_slices(Algorithm::Myers, &ids[0], &ids[1]);
    // One side quoting more of the speech at either end is not a change.
    let first = ops.iter().position(|op| !is_one_sided(op))?;
    let last = ops.iter().rposition(|op| !is_one_sided(op))?;
    let first = first + usize::from(is_lopsided(&ops[first]));
    let last = last.checked_sub(usize::from(is_lopsided(&ops[last])))?;
    if first > last {
        return None;
    }
    let mut changes = Vec::new();
    let (mut left_anchor, mut right_anchor) = (None, None);
    // Only function words changed (`the` / `its`): a variant, not a conflict.
    let mut content_changed = false;
    let is_content = |side: &Prepared<'_>, tokens: &[usize], k: &usize| {
        tokens
            .get(*k)
            .and_then(|&t| side.tokens.get(t))
            .is_some_and(|t| t.is_content())
    };
    for op in &ops[first..=last] {
        let (tag, old, new) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        content_changed |= old.clone().any(|k| is_content(left, &left_tokens, &k))
            || new.clone().any(|k| is_content(right, &right_tokens, &k));
        left_anchor = left_anchor.or_else(|| left_tokens.get(old.start).copied());
        right_anchor = right_anchor.or_else(|| right_tokens.get(new.start).copied());
        let old_text = left_words[old].join(" ");
        let new_text = right_words[new].join(" ");
        changes.push(match (old_text.is_empty(), new_text.is_empty()) {
            (true, _) => format!("+{new_text}"),
            (_, true) => format!("−{old_text}"),
            _ => format!("{old_text} → {new_text}"),
        });
    }
    if changes.is_empty() {
        return None;
    }
    let left_span = quote_span(
        left,
        left_quotes,
        left_anchor.or(left_tokens.first().copied())?,
    )?;
    let right_span = quote_span(
        right,
        right_quotes,
        right_anchor.or(right_tokens.first().copied())?,
    )?;
    let note = format!(
        "“{}” vs “{}”: changed words {}",
        shorten(inner(left, &left_span), 40),
        shorten(inner(right, &right_span), 40),
        shorten(&changes.join(", "), 80)
    );
    let severity = if content_changed {
        Severity::Conflict
    } else {
        Severity::Variant
    };
    Some(flag(
        FlagKind::Quote,
        severity,
        &left_span,
        &right_span,
        note,
    ))
}

/// A replacement at the edge of the shared stretch where one side has three times the words
/// (`protecting` / `full support … to protect`): one side quotes more, not other words.
fn is_lopsided(op: &DiffOp) -> bool {
    let (_, old, new) = op.as_tag_tuple();
    let (short, long) = (old.len().min(new.len()), old.len().max(new.len()));
    matches!(op, DiffOp::Replace { .. }) && long >= 3 * short.max(1)
}

fn is_one_sided(op: &DiffOp) -> bool {
    matches!(op, DiffOp::Insert { .. } | DiffOp::Delete { .. })
}

/// The bytes of the quotation holding token `anchor`, cut to the anchor's sentence.
fn quote_span(side: &Prepared<'_>, quotes: &[&Quote], anchor: usize) -> Option<Range<usize>> {
    let quote = quotes
        .iter()
        .find(|q| q.open < anchor && anchor < q.close)?;
    let first = (quote.open..=anchor).find(|&k| side.same_sentence(k, anchor))?;
    let last = (anchor..=quote.close)
        .rev()
        .find(|&k| side.same_sentence(k, anchor))?;
    Some(side.span(first, last))
}

/// The quotation's text without its marks.
fn inner<'a>(side: &Prepared<'a>, span: &Range<usize>) -> &'a str {
    let mark = |c: char| super::words::is_quote_mark(c) || c.is_whitespace();
    side.slice(span).trim_matches(mark)
}
