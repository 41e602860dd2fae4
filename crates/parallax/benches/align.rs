//! Time the whole comparison and the aligner alone on two long articles.
//!
//! Uses the longest `OneStopEnglish` article when `../shared/eval/onestopenglish` is present
//! (its advanced version against its elementary version, paragraphs joined by blank lines);
//! otherwise a generated pair of long look-alike articles.
//!
//! With `PARALLAX_SCALING=1` it first times the aligner alone on many `OneStopEnglish`
//! articles (advanced against elementary, the elementary ones in shuffled order) at 10k to
//! 200k left words, once each, and prints the time, the ratio per doubling and the share of
//! sentences linked (issue 18; `docs/speed.md`).

use criterion::{criterion_group, Criterion};
use parallax::align::align;
use parallax::{compare, Article, Options};
use std::fmt::Write as _;
use std::hint::black_box;

#[path = "../tests/integration/support.rs"]
mod support;
use support::{inputs, onestopenglish, sentences};

/// The longest article's advanced and elementary versions, if the data is present.
fn longest() -> Option<(String, String)> {
    onestopenglish()?
        .into_iter()
        .max_by_key(|(adv, _)| adv.len())
}

/// Two long generated articles: the same numbered facts, reworded and reordered.
fn generated() -> (String, String) {
    let mut left = String::new();
    let mut right = String::new();
    for k in 0..120 {
        let _ = write!(
            left,
            "Inspectors counted {k} damaged pylons near the village of Alder{k} on Monday. "
        );
        if k % 10 == 9 {
            left.push_str("\n\n");
        }
    }
    for k in (0..120).rev() {
        let _ = write!(
            right,
            "On Monday {k} pylons were found damaged close to Alder{k}, inspectors said.\n\n"
        );
    }
    (left, right)
}

fn bench(c: &mut Criterion) {
    let (left, right) = longest().unwrap_or_else(generated);
    let (left_tokens, right_tokens) = (sentences(&left), sentences(&right));
    eprintln!(
        "long pair: {} and {} bytes, {} and {} sentences",
        left.len(),
        right.len(),
        left_tokens.len(),
        right_tokens.len()
    );
    let (left_inputs, right_inputs) = (inputs(&left_tokens), inputs(&right_tokens));
    let threshold = Options::default().threshold;
    c.bench_function("compare long pair", |b| {
        b.iter(|| {
            compare(
                black_box(&Article::new("left", &left)),
                black_box(&Article::new("right", &right)),
                &Options::default(),
            )
        });
    });
    c.bench_function("align long pair", |b| {
        b.iter(|| align(black_box(&left_inputs), black_box(&right_inputs), threshold));
    });
}

/// The aligner alone at growing sizes (see the module docs). A native benchmark, so it may
/// read the clock.
#[allow(clippy::disallowed_methods)]
fn scaling() {
    let Some(articles) = onestopenglish() else {
        return;
    };
    let mut previous: Option<(usize, f64)> = None;
    for target in [10_000, 20_000, 50_000, 100_000, 200_000] {
        let (mut left, mut picked, mut words) = (Vec::new(), Vec::new(), 0);
        for (adv, ele) in articles.iter().cycle() {
            if words >= target {
                break;
            }
            words += adv.split_whitespace().count();
            left.push(adv.as_str());
            picked.push(ele.as_str());
        }
        // A fixed shuffle of the right side's articles: a step coprime with their count.
        let n = picked.len();
        let step = (n / 2..n).find(|s| gcd(*s, n) == 1).unwrap_or(1);
        let right: Vec<&str> = (0..n).map(|k| picked[(k * step + 1) % n]).collect();
        let (left, right) = (left.join("\n\n"), right.join("\n\n"));
        let (left_tokens, right_tokens) = (sentences(&left), sentences(&right));
        let (left_inputs, right_inputs) = (inputs(&left_tokens), inputs(&right_tokens));
        let start = std::time::Instant::now();
        let links = align(&left_inputs, &right_inputs, Options::default().threshold);
        let seconds = start.elapsed().as_secs_f64();
        let linked = |side: fn(&parallax::align::Alignment) -> &Vec<usize>, count: usize| {
            let held: std::collections::BTreeSet<usize> =
                links.iter().flat_map(|l| side(l).iter().copied()).collect();
            held.len() as f64 / count.max(1) as f64
        };
        let ratio = previous.map_or(String::new(), |(w, s)| {
            let doublings = (words as f64 / w as f64).log2();
            format!(", x{:.2} per doubling", (seconds / s).powf(1.0 / doublings))
        });
        eprintln!(
            "scaling: {words} words, {} / {} sentences: align {seconds:.3} s{ratio}; linked {:.3} / {:.3}",
            left_tokens.len(),
            right_tokens.len(),
            linked(|l| &l.left, left_tokens.len()),
            linked(|l| &l.right, right_tokens.len()),
        );
        previous = Some((words, seconds));
    }
}

fn gcd(a: usize, b: usize) -> usize {
    if b == 0 {
        a
    } else {
        gcd(b, a % b)
    }
}

criterion_group!(benches, bench);

fn main() {
    if std::env::var_os("PARALLAX_SCALING").is_some() {
        scaling();
    }
    benches();
    Criterion::default().configure_from_args().final_summary();
}
