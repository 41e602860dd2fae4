//! The aligner at scale (issue 18): long pairs made of many stories, the right side's
//! stories in shuffled order, link as large a share of their sentences at every size.
//!
//! Before issue 18 the share of linked sentences fell as such inputs grew (from 0.91 to 0.78
//! of the elementary sentences between 5k and 50k words of `OneStopEnglish`, 0.59 at 200k):
//! the crossing feature counted every anchor a right pair crosses, a number that grows with
//! the input. Two tests: invented stories (always run; every sentence must find its own
//! rewording, whichever candidate search the size selects) and `OneStopEnglish` articles
//! (when `../shared` has them; real rewording, where the share must stay within a few
//! points).

use crate::support::{inputs, onestopenglish, sentences};
use parallax::align::{align, Alignment};
use parallax::Options;
use std::collections::BTreeSet;

/// Syllables of the invented words: none is an English suffix a stemmer would strip.
const SYLLABLES: [&str; 12] = [
    "ka", "lo", "mi", "ru", "to", "zo", "pa", "ni", "vu", "da", "ko", "bo",
];

/// The `n`-th invented word: four syllables, a different word for every `n` below 12⁴.
fn word(n: usize) -> String {
    (0..4)
        .map(|k| SYLLABLES[(n / 12_usize.pow(k)) % 12])
        .collect()
}

/// Sentences per story.
const SENTENCES: usize = 8;

/// Sentence `s` of story `story`, as the left and as the right article word it.
fn sentence(story: usize, s: usize) -> (String, String) {
    let w: Vec<String> = (0..9)
        .map(|k| word((story * SENTENCES + s) * 9 + k))
        .collect();
    let left = format!(
        "The {} {} of {} met the {} near {} on Monday, after {} talks.",
        w[0], w[1], w[2], w[3], w[4], w[5]
    );
    let right = format!(
        "On Monday the {} met {} near {}, officials said, as {} {} waited.",
        w[3], w[0], w[6], w[7], w[8]
    );
    (left, right)
}

/// A pair of `stories` stories: the left in order, the right in a shuffled order.
fn long_pair(stories: usize) -> (String, String) {
    let story = |k: usize, right: bool| -> String {
        (0..SENTENCES)
            .map(|s| {
                let (l, r) = sentence(k, s);
                if right {
                    r
                } else {
                    l
                }
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let left: Vec<String> = (0..stories).map(|k| story(k, false)).collect();
    let right: Vec<String> = (0..stories)
        .map(|k| story(shuffled(stories, k), true))
        .collect();
    (left.join("\n\n"), right.join("\n\n"))
}

/// The story at place `k` of the right article: a fixed shuffle, a multiplicative step
/// coprime with the count, then a rotation by half.
fn shuffled(stories: usize, k: usize) -> usize {
    let step = (1..stories)
        .rev()
        .find(|s| gcd(*s, stories) == 1 && *s * 3 < stories * 2)
        .unwrap_or(1);
    (k * step + stories / 2) % stories
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

/// Aligns `left` with `right`: the share of the left and of the right sentences that some link
/// holds, and the links.
fn shares(left: &str, right: &str) -> (f64, f64, Vec<Alignment>) {
    let (left, right) = (sentences(left), sentences(right));
    let links = align(
        &inputs(&left),
        &inputs(&right),
        Options::default().threshold,
    );
    let held = |side: fn(&Alignment) -> &Vec<usize>| -> BTreeSet<usize> {
        links.iter().flat_map(|l| side(l).iter().copied()).collect()
    };
    let (l, r) = (held(|l| &l.left), held(|l| &l.right));
    (
        l.len() as f64 / left.len() as f64,
        r.len() as f64 / right.len() as f64,
        links,
    )
}

/// The share of the left and of the right sentences that some link holds, the links, and the
/// left sentence count.
fn linked_share(stories: usize) -> (f64, f64, Vec<Alignment>, usize) {
    let (left, right) = long_pair(stories);
    let count = sentences(&left).len();
    let (l, r, links) = shares(&left, &right);
    (l, r, links, count)
}

/// Invented stories whose sentences each share two invented words with their rewording and
/// nothing rare with any other sentence: at every size every sentence links, and to its own
/// rewording.
#[test]
fn the_linked_share_of_a_long_shuffled_pair_stays_flat_as_it_grows() {
    // 4 stories: every pair is scored; 24: pairs sharing a rare stem; 120 (960 sentences a
    // side, 960 anchors): each sentence's best partners, crossing counts scaled.
    let mut shares = Vec::new();
    for stories in [4, 24, 120] {
        let (left, right, links, count) = linked_share(stories);
        eprintln!("{stories} stories, {count} sentences a side: linked {left:.3} / {right:.3}");
        assert_eq!(count, stories * SENTENCES);
        // Nearly every link joins a sentence with its own rewording: same story, same place.
        let right_links = links
            .iter()
            .filter(|link| {
                link.left.iter().all(|&i| {
                    link.right.iter().all(|&j| {
                        (i / SENTENCES, i % SENTENCES)
                            == (shuffled(stories, j / SENTENCES), j % SENTENCES)
                    })
                })
            })
            .count();
        let precision = right_links as f64 / links.len().max(1) as f64;
        eprintln!("  {} links, {precision:.3} of them right", links.len());
        assert!(precision >= 0.95, "{stories} stories: {precision:.3} right");
        shares.push((left, right));
    }
    // The bounded candidate search is mirror-symmetric too: right against left gives the
    // mirrored links.
    let (left, right) = long_pair(120);
    let (left, right) = (sentences(&left), sentences(&right));
    let threshold = Options::default().threshold;
    let forward = align(&inputs(&left), &inputs(&right), threshold);
    let mut backward: Vec<(Vec<usize>, Vec<usize>, f64)> =
        align(&inputs(&right), &inputs(&left), threshold)
            .into_iter()
            .map(|l| (l.right, l.left, l.score))
            .collect();
    backward.sort_by(|a, b| (&a.0, &a.1).cmp(&(&b.0, &b.1)));
    let forward: Vec<(Vec<usize>, Vec<usize>, f64)> = forward
        .into_iter()
        .map(|l| (l.left, l.right, l.score))
        .collect();
    assert_eq!(forward, backward);
    let (small, large) = (shares[0], shares[2]);
    assert!(small.0 >= 0.9 && small.1 >= 0.9, "small pair: {small:?}");
    assert!(
        large.0 >= small.0 - 0.03 && large.1 >= small.1 - 0.03,
        "linked share fell from {small:?} to {large:?}"
    );
}

/// The first `count` articles, advanced on the left in order, elementary on the right in a
/// fixed shuffled order (as [`shuffled`] orders stories): the share of the left and of the
/// right sentences that some link holds.
fn onestopenglish_share(articles: &[(String, String)], count: usize) -> (f64, f64, usize) {
    let left: Vec<&str> = articles[..count].iter().map(|a| a.0.as_str()).collect();
    let right: Vec<&str> = (0..count)
        .map(|k| articles[shuffled(count, k)].1.as_str())
        .collect();
    let (left, right) = (left.join("\n\n"), right.join("\n\n"));
    let words = left.split_whitespace().count();
    let (l, r, _) = shares(&left, &right);
    (l, r, words)
}

/// Advanced against elementary `OneStopEnglish` articles in shuffled order: the share of
/// linked sentences at about 40k words is within 0.05 of the share at about 8k.
#[test]
fn the_linked_share_of_many_onestopenglish_articles_stays_flat_as_they_grow() {
    let Some(articles) = onestopenglish() else {
        return;
    };
    // About 8k left words (rare-stem candidates, under 400 anchors) and 40k (each
    // sentence's best partners, about 2,000 anchors). Before issue 18 the share fell by about
    // 0.1 between these sizes: a right pair crossed ever more anchors.
    let mut shares = Vec::new();
    for count in [10, 50] {
        let (left, right, words) = onestopenglish_share(&articles, count.min(articles.len()));
        eprintln!("{count} articles, {words} words: linked {left:.3} / {right:.3}");
        shares.push((left, right));
    }
    let (small, large) = (shares[0], shares[1]);
    assert!(
        large.0 >= small.0 - 0.05 && large.1 >= small.1 - 0.05,
        "linked share fell from {small:?} to {large:?}"
    );
}

/// `text` with every run of ASCII digits raised by `shift`, as the bench page changes the
/// numbers of each copy (web/bench/index.html, `scaled`).
fn shifted_numbers(text: &str, shift: u64) -> String {
    let mut out = String::with_capacity(text.len());
    let mut digits = String::new();
    for c in text.chars().chain(std::iter::once('\n')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            match digits.parse::<u64>() {
                Ok(n) => out.push_str(&(n + shift).to_string()),
                Err(_) => out.push_str(&digits),
            }
            digits.clear();
        }
        out.push(c);
    }
    out.pop();
    out
}

/// The bench page's "sample × `copies`" pair: the repository's sample pair repeated, each
/// copy's numbers shifted by its place.
fn repeated_sample(copies: usize) -> (String, String) {
    let read = |name: &str| {
        std::fs::read_to_string(crate::repo_root().join("samples").join(name))
            .expect("samples/ is part of the repository")
    };
    let (wire, ledger) = (read("wire.txt"), read("ledger.txt"));
    let repeat = |text: &str| -> String {
        (0..copies)
            .map(|k| shifted_numbers(text, k as u64))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    (repeat(&wire), repeat(&ledger))
}

/// Regression (issue 18): between about 40,000 sentence pairs and 1,500 sentences only pairs
/// sharing a rare stem were scored, and text repeated many times holds none, so the bench
/// page's "sample × 20" to "× 48" linked a quarter of the left sentences where "× 16" and
/// "× 64" linked two thirds. The share of the repeated sample now stays flat: 20 copies (rare
/// stems and each sentence's best partners) link as large a share as 4 (every pair scored).
#[test]
fn the_linked_share_of_the_bench_sample_repeated_stays_flat() {
    let (few_left, few_right) = repeated_sample(4);
    let (many_left, many_right) = repeated_sample(20);
    let count = |text: &str| sentences(text).len();
    assert!(
        count(&many_left) * count(&many_right) > 40_000,
        "20 copies must pass the all-pairs limit"
    );
    assert!(count(&few_left) * count(&few_right) <= 40_000);
    let (few, many) = (
        shares(&few_left, &few_right),
        shares(&many_left, &many_right),
    );
    eprintln!(
        "sample × 4: {:.3} / {:.3}; × 20: {:.3} / {:.3}",
        few.0, few.1, many.0, many.1
    );
    assert!(
        many.0 >= few.0 - 0.05 && many.1 >= few.1 - 0.05,
        "linked share fell from {:?} to {:?}",
        (few.0, few.1),
        (many.0, many.1)
    );
}
