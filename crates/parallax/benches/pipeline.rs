//! Throughput of the text pipeline (clean, segment, tokenize) and of a whole comparison.
//!
//! Reads the `OneStopEnglish` articles from `../shared/eval/onestopenglish` when present (real
//! news text, evaluation use only); otherwise it repeats the repository's own sample pair and
//! says so. Run: `cargo bench -p parallax --bench pipeline`.
#![allow(missing_docs)]

use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion, Throughput};
use parallax::flags::{compare_sides_in, Side};
use parallax::normalize::clean;
use parallax::prepare::Prepared;
use parallax::segment::segment;
use parallax::tokenize::tokenize;
use parallax::{compare, compare_all, compare_prepared, Article, Options};
use std::hint::black_box;
use std::ops::Range;
use std::path::Path;

/// Paragraph lists of the articles at the elementary and the advanced level.
fn corpus() -> Vec<(String, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let path = root.join("../shared/eval/onestopenglish/onestopenglish.json");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!(
            "note: {} not found; benchmarking the repo's sample pair instead",
            path.display()
        );
        let left = std::fs::read_to_string(root.join("samples/wire.txt")).unwrap();
        let right = std::fs::read_to_string(root.join("samples/ledger.txt")).unwrap();
        return vec![(left, right)];
    };
    let json: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    let join = |level: &serde_json::Value| {
        level.as_array().map_or_else(String::new, |paragraphs| {
            paragraphs
                .iter()
                .filter_map(|p| p.as_str())
                .collect::<Vec<_>>()
                .join("\n\n")
        })
    };
    json["articles"]
        .as_object()
        .unwrap()
        .values()
        .map(|article| (join(&article["ele"]), join(&article["adv"])))
        .collect()
}

fn text_pipeline(text: &str) -> usize {
    let cleaned = clean(text);
    segment(&cleaned.text)
        .iter()
        .map(|s| tokenize(&cleaned.text, s.range.clone()).len())
        .sum()
}

fn bench(c: &mut Criterion) {
    let corpus = corpus();
    let all: String = corpus
        .iter()
        .map(|(_, adv)| adv.as_str())
        .collect::<Vec<_>>()
        .join("\n\n");

    let mut group = c.benchmark_group("text pipeline");
    group.sample_size(10);
    group.throughput(Throughput::Bytes(all.len() as u64));
    group.bench_function(BenchmarkId::new("clean+segment+tokenize", all.len()), |b| {
        b.iter(|| text_pipeline(black_box(&all)));
    });
    let cleaned = clean(&all).text;
    let sentences = segment(&cleaned);
    group.bench_function(BenchmarkId::new("clean", all.len()), |b| {
        b.iter(|| clean(black_box(&all)));
    });
    group.bench_function(BenchmarkId::new("segment", all.len()), |b| {
        b.iter(|| segment(black_box(&cleaned)));
    });
    group.bench_function(BenchmarkId::new("tokenize", all.len()), |b| {
        b.iter(|| {
            sentences
                .iter()
                .map(|s| tokenize(&cleaned, s.range.clone()).len())
                .sum::<usize>()
        });
    });
    group.finish();

    // The longest article pair: a whole comparison, alignment and diffs included.
    let (ele, adv) = corpus
        .iter()
        .max_by_key(|(ele, adv)| ele.len() + adv.len())
        .unwrap();
    let mut group = c.benchmark_group("compare");
    group.sample_size(10);
    group.throughput(Throughput::Bytes((ele.len() + adv.len()) as u64));
    group.bench_function(
        BenchmarkId::new("longest pair", ele.len() + adv.len()),
        |b| {
            b.iter(|| {
                compare(
                    &Article::new("ele", black_box(ele)),
                    &Article::new("adv", black_box(adv)),
                    &Options::default(),
                )
            });
        },
    );
    group.finish();
}

/// One link's sides in the seed articles: the two articles' indices and sentence ranges.
struct LinkSides {
    left: usize,
    right: usize,
    left_ranges: Vec<Range<usize>>,
    right_ranges: Vec<Range<usize>>,
}

/// Every pair of the seed articles (one event, five outlets), when `../shared` is there: many
/// links per comparison, so the per-link work (diffs, discrepancy flags) shows.
fn bench_seed_pairs(c: &mut Criterion) {
    let seeds = seed_articles();
    if seeds.len() >= 2 {
        let bytes: usize = seeds.iter().map(String::len).sum::<usize>() * (seeds.len() - 1);
        let mut group = c.benchmark_group("compare");
        group.sample_size(10);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(BenchmarkId::new("seed pairs", seeds.len()), |b| {
            b.iter(|| {
                let mut links = 0;
                for (i, left) in seeds.iter().enumerate() {
                    for right in &seeds[i + 1..] {
                        let report = compare(
                            &Article::new("left", black_box(left)),
                            &Article::new("right", black_box(right)),
                            &Options::default(),
                        );
                        links += report.links.len();
                    }
                }
                links
            });
        });
        // All of them in one N-way run (issue 14: target 150 ms native release for the five
        // seeds, about four two-article comparisons' worth).
        group.bench_function(BenchmarkId::new("seeds in one run", seeds.len()), |b| {
            b.iter(|| {
                let articles: Vec<Article> = seeds
                    .iter()
                    .map(|text| Article::new("seed", black_box(text)))
                    .collect();
                compare_all(&articles, &Options::default()).links.len()
            });
        });
        // One two-article comparison, the unit the N-way target is stated in.
        group.bench_function(BenchmarkId::new("one seed pair", 2), |b| {
            b.iter(|| {
                compare(
                    &Article::new("left", black_box(&seeds[0])),
                    &Article::new("right", black_box(&seeds[1])),
                    &Options::default(),
                )
                .links
                .len()
            });
        });
        // The discrepancy detector alone, on every link of those comparisons: its share of
        // the time above is what flags cost.
        let prepared: Vec<Prepared> = seeds
            .iter()
            .map(|text| Prepared::new(Article::new("seed", text)))
            .collect();
        let mut sides: Vec<LinkSides> = Vec::new();
        for (i, left) in prepared.iter().enumerate() {
            for (j, right) in prepared.iter().enumerate().skip(i + 1) {
                let report = compare_prepared(left, right, &Options::default());
                for link in &report.links {
                    let ranges = |doc: &Prepared, indices: &[usize]| -> Vec<Range<usize>> {
                        indices
                            .iter()
                            .map(|&k| doc.sentences[k].range.clone())
                            .collect()
                    };
                    sides.push(LinkSides {
                        left: i,
                        right: j,
                        left_ranges: ranges(left, &link.left),
                        right_ranges: ranges(right, &link.right),
                    });
                }
            }
        }
        group.bench_function(
            BenchmarkId::new("seed pairs, flags only", sides.len()),
            |b| {
                b.iter(|| {
                    sides
                        .iter()
                        .map(|link| {
                            compare_sides_in(
                                &Side {
                                    text: black_box(&prepared[link.left].cleaned.text),
                                    sentences: &link.left_ranges,
                                },
                                &Side {
                                    text: &prepared[link.right].cleaned.text,
                                    sentences: &link.right_ranges,
                                },
                                [
                                    Some(prepared[link.left].language),
                                    Some(prepared[link.right].language),
                                ],
                            )
                            .len()
                        })
                        .sum::<usize>()
                });
            },
        );
        group.finish();
    }
}

/// Issue 18's small-input pair, the bench page's first seed row: seeds 002 vs 004 (15.7 KB).
fn bench_seeds_002_004(c: &mut Criterion) {
    let seeds = seed_articles();
    let (Some(left), Some(right)) = (seeds.get(2), seeds.get(4)) else {
        return;
    };
    let mut group = c.benchmark_group("compare");
    group.sample_size(20);
    group.throughput(Throughput::Bytes((left.len() + right.len()) as u64));
    group.bench_function(BenchmarkId::new("seeds 002 vs 004", 2), |b| {
        b.iter(|| {
            compare(
                &Article::new("left", black_box(left)),
                &Article::new("right", black_box(right)),
                &Options::default(),
            )
            .links
            .len()
        });
    });
    group.finish();
}

/// The seed articles in `../shared/samples/seeds`, sorted by name; empty when absent.
fn seed_articles() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("note: no seed articles at {}", dir.display());
        return Vec::new();
    };
    let mut paths: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).collect();
    paths.sort();
    paths
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

criterion_group!(benches, bench, bench_seed_pairs, bench_seeds_002_004);
criterion_main!(benches);
