//! Time the whole comparison and the aligner alone on two long articles.
//!
//! Uses the longest `OneStopEnglish` article when `../shared/eval/onestopenglish` is present
//! (its advanced version against its elementary version, paragraphs joined by blank lines);
//! otherwise a generated pair of long look-alike articles.

use criterion::{criterion_group, criterion_main, Criterion};
use parallax::align::align;
use parallax::{compare, Article, Options};
use std::fmt::Write as _;
use std::hint::black_box;
use std::path::Path;

#[path = "../tests/integration/support.rs"]
mod support;
use support::{inputs, sentences};

/// The longest article's advanced and elementary versions, if the data is present.
fn onestopenglish() -> Option<(String, String)> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/eval/onestopenglish/onestopenglish.json");
    let Ok(text) = std::fs::read_to_string(&path) else {
        eprintln!("skipped: ../shared/eval/onestopenglish not found; using generated articles");
        return None;
    };
    let json: serde_json::Value = serde_json::from_str(&text).ok()?;
    let join = |article: &serde_json::Value, level: &str| -> String {
        article[level]
            .as_array()
            .map(|paragraphs| {
                paragraphs
                    .iter()
                    .filter_map(|p| p.as_str())
                    .collect::<Vec<_>>()
                    .join("\n\n")
            })
            .unwrap_or_default()
    };
    json["articles"]
        .as_object()?
        .values()
        .map(|a| (join(a, "adv"), join(a, "ele")))
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
    let (left, right) = onestopenglish().unwrap_or_else(generated);
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

criterion_group!(benches, bench);
criterion_main!(benches);
