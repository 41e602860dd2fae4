//! What evidence through third articles (pivots) adds, out of sample.
//!
//! All seed articles are compared at once. For each held-out gold pair, the aligner's models
//! are refitted without it (as `seeds` does), every pair of seed articles is aligned with those
//! models, the pivot rules are applied ([`parallax::nway::pivots`]), and the held-out pair's
//! links are scored against its gold. The pivot rules learn nothing; the variants below are
//! printed side by side so that what each rule does is visible on both pairs.

use crate::crossval::fit_without;
use crate::deplain::Document;
use crate::fit::FitSettings;
use crate::metrics::{Group, OverlapCounts};
use crate::output::Error;
use crate::seeds::{score_links, Label, SeedExample};
use parallax::fitting::ScoreTable;
use parallax::nway::{apply_pivots, PairLinks, Rules};
use parallax::prepare::{Article, Prepared};
use std::fmt::Write as _;
use std::path::Path;

/// The rule variants compared: a name and the rules.
fn variants() -> Vec<(&'static str, Option<Rules>)> {
    let rules = |min_separate, min_support, strong, only_unlinked| Rules {
        min_separate,
        min_support,
        strong,
        only_unlinked,
    };
    vec![
        ("pairwise only (no pivots)", None),
        (
            "drop: 1 separates, none supports",
            Some(rules(1, 0, 0.7, true)),
        ),
        (
            "drop: 2 separate, none supports",
            Some(rules(2, 0, 0.7, true)),
        ),
        (
            "add: 1 strong pivot, both free",
            Some(rules(0, 1, 0.7, true)),
        ),
        (
            "add: 2 strong pivots, both free",
            Some(rules(0, 2, 0.7, true)),
        ),
        ("add: 1 pivot >= 0.5, any", Some(rules(0, 1, 0.5, false))),
        ("add: 2 pivots >= 0.5, any", Some(rules(0, 2, 0.5, false))),
        ("drop 2 + add 2 >= 0.5, any", Some(rules(2, 2, 0.5, false))),
        ("engine default", Some(Rules::default())),
    ]
}

/// The seed articles in `dir`, by file name.
fn seed_texts(dir: &Path) -> Result<Vec<(String, String)>, Error> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error(format!("cannot read {}: {e}", dir.display())))?
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let text = std::fs::read_to_string(&path)
                .map_err(|e| Error(format!("cannot read {}: {e}", path.display())))?;
            let name = path
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok((name, text))
        })
        .collect()
}

/// Runs the comparison and returns the printed table.
pub fn run(
    seeds_dir: &Path,
    examples: &[SeedExample<'_>],
    documents: &[Document<'_>],
    fit: &FitSettings,
    threshold: f64,
) -> Result<String, Error> {
    let texts = seed_texts(seeds_dir)?;
    let prepared: Vec<Prepared<'_>> = texts
        .iter()
        .map(|(name, text)| Prepared::new(Article::new(name, text)))
        .collect();
    let inputs: Vec<_> = prepared.iter().map(Prepared::inputs).collect();
    let index_of = |file: &str| {
        texts
            .iter()
            .position(|(name, _)| name == file)
            .ok_or_else(|| Error(format!("{file} is not in {}", seeds_dir.display())))
    };
    let documents: Vec<&Document<'_>> = documents.iter().collect();
    let variants = variants();
    let mut totals = vec![OverlapCounts::<Label>::default(); variants.len()];
    let mut out = String::new();
    let _ = writeln!(
        out,
        "N-way on all {} seed articles, leave one gold pair out (models refitted without it), threshold {threshold}",
        texts.len()
    );
    for (k, held_out) in examples.iter().enumerate() {
        let models = fit_without(examples, k, &documents, fit);
        let n = prepared.len();
        let pairs: Vec<PairLinks> = (0..n)
            .flat_map(|a| (a + 1..n).map(move |b| [a, b]))
            .map(|[a, b]| PairLinks {
                docs: [a, b],
                links: ScoreTable::new(&inputs[a], &inputs[b], &models).links(threshold),
            })
            .collect();
        let (a, b) = (
            index_of(&held_out.pair.left.file)?,
            index_of(&held_out.pair.right.file)?,
        );
        let _ = writeln!(out, "\npair {}", held_out.pair.name);
        for (v, (name, rules)) in variants.iter().enumerate() {
            let mut pairs = pairs.clone();
            if let Some(rules) = rules {
                apply_pivots(&mut pairs, n, rules, threshold);
            }
            let groups: Vec<Group> = pairs
                .iter()
                .filter(|p| p.docs == [a.min(b), a.max(b)])
                .flat_map(|p| &p.links)
                .map(|l| {
                    let (left, right) = if a < b {
                        (l.left.clone(), l.right.clone())
                    } else {
                        (l.right.clone(), l.left.clone())
                    };
                    Group { left, right }
                })
                .collect();
            let counts = score_links(
                held_out.pair,
                &held_out.left_ranges,
                &held_out.right_ranges,
                &groups,
            );
            line(&mut out, name, &counts);
            totals[v].add(&counts);
        }
    }
    let _ = writeln!(out, "\nboth pairs (micro)");
    for ((name, _), counts) in variants.iter().zip(&totals) {
        line(&mut out, name, counts);
    }
    Ok(out)
}

fn line(out: &mut String, name: &str, counts: &OverlapCounts<Label>) {
    let prf = counts.links.prf();
    let sp = counts
        .links
        .recall_of(&[Label::Same, Label::Paraphrase])
        .unwrap_or(0.0);
    let _ = writeln!(
        out,
        "  {name:<34} P {:.3}  R {:.3}  F1 {:.3}  s+p recall {sp:.3}  ({} predicted pairs)",
        prf.precision, prf.recall, prf.f1, counts.links.predicted
    );
}
