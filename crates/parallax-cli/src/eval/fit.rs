//! `parallax eval fit`: learn the aligner's four logistic models from the gold data and print them.
//!
//! Training pairs come from both gold sets: every candidate pair of the seed dev pairs (our own
//! segmentation; a pair is positive when its sentences overlap gold sentences that are linked)
//! and of the DEplain-web documents (positive when it is in a gold group). Each set gets the
//! same total weight (`--seeds-share` changes that), so 150 German documents do not drown two
//! English news pairs.
//!
//! 1. The lexical model is fitted on the lexical features of every candidate pair.
//! 2. The structural model is fitted on the structural features computed with the new
//!    lexical model.
//! 3. The growth model is fitted on the first-round growth proposals of the links at 0.5: a
//!    proposal is right when every pair it adds is gold (seeds) or the grown link lies inside
//!    one gold group (`DEplain`).
//! 4. The link model is fitted on the finished links at the default threshold: a seed link
//!    counts by the share of its pairs that are gold, a `DEplain` link is right when it is
//!    exactly a gold group (the exact-group measure). Identical links are left out; they
//!    always score 1.
//!
//! All are L2-regularised logistic regressions solved by Newton's method (a handful of
//! features, so the exact solution is cheap). The command then reports, for the new models,
//! the seed and `DEplain` metrics over a threshold sweep and a leave-one-seed-pair-out check:
//! each seed pair scored with models fitted without it. `--write` replaces the constants in
//! `crates/parallax/src/similarity/model.rs` and `crates/parallax/src/align/model.rs`.

use super::deplain::{self, Document};
use super::metrics::{overlaps, Counts, Group, OverlapCounts};
use super::seeds::{self, SeedPair};
use super::{Error, SeedsPaths};
use parallax::align::{
    evidence, Growth, LinkEvidence, Models, ScoreTable, SentenceInput, Side as AlignSide,
    GROW_FEATURES, GROW_NAMES, LINK_FEATURES, LINK_NAMES, MODELS, STRUCTURAL_FEATURES,
    STRUCTURAL_NAMES,
};
use parallax::segment::{segment, Sentence};
use parallax::similarity::{Model, FEATURES, FEATURE_NAMES};
use parallax::tokenize::{detect_language, tokenize_in, Token};
use std::collections::BTreeSet;
use std::fmt::Write as _;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// What to fit and where to write it.
#[derive(Debug, Clone)]
pub struct FitSettings {
    /// Share of the total training weight given to the seed pairs (the rest goes to `DEplain`).
    pub seeds_share: f64,
    /// L2 penalty on the weights (not on the bias), per unit of total sample weight × 10⁴.
    pub l2: f64,
    /// Repository root to write the model files into, if any.
    pub write: Option<PathBuf>,
    /// File to write every candidate pair to (JSON lines), for error analysis.
    pub dump: Option<PathBuf>,
}

/// One seed pair, segmented and tokenized as `parallax::compare` does.
struct SeedExample {
    pair: SeedPair,
    left: Side,
    right: Side,
    positives: BTreeSet<(usize, usize)>,
}

struct Side {
    sentences: Vec<Sentence>,
    tokens: Vec<Vec<Token>>,
}

impl Side {
    fn new(text: &str) -> Self {
        let sentences = segment(text);
        let language = detect_language(text);
        let tokens = sentences
            .iter()
            .map(|s| tokenize_in(text, s.range.clone(), language))
            .collect();
        Self { sentences, tokens }
    }

    fn inputs(&self) -> Vec<SentenceInput<'_>> {
        self.tokens
            .iter()
            .zip(&self.sentences)
            .map(|(t, s)| SentenceInput::new(t, s.kind))
            .collect()
    }

    fn ranges(&self) -> Vec<Range<usize>> {
        self.sentences.iter().map(|s| s.range.clone()).collect()
    }
}

impl SeedExample {
    fn new(pair: SeedPair) -> Self {
        let (left, right) = (Side::new(&pair.left.text), Side::new(&pair.right.text));
        let mut positives = BTreeSet::new();
        for (i, l) in left.sentences.iter().enumerate() {
            for (j, r) in right.sentences.iter().enumerate() {
                let linked = pair.links.iter().any(|g| {
                    pair.left
                        .sentences
                        .get(g.left)
                        .is_some_and(|a| overlaps(&l.range, a))
                        && pair
                            .right
                            .sentences
                            .get(g.right)
                            .is_some_and(|b| overlaps(&r.range, b))
                });
                if linked {
                    positives.insert((i, j));
                }
            }
        }
        Self {
            pair,
            left,
            right,
            positives,
        }
    }

    fn table(&self, models: &Models) -> ScoreTable {
        ScoreTable::new(&self.left.inputs(), &self.right.inputs(), models)
    }

    fn score(&self, table: &ScoreTable, threshold: f64) -> OverlapCounts<seeds::Label> {
        let links: Vec<Group> = table
            .links(threshold)
            .into_iter()
            .map(Group::from)
            .collect();
        seeds::score_links(
            &self.pair,
            &self.left.ranges(),
            &self.right.ranges(),
            &links,
        )
    }
}

fn deplain_positives(document: &Document) -> BTreeSet<(usize, usize)> {
    document
        .gold
        .iter()
        .flat_map(|(g, _)| {
            g.left
                .iter()
                .flat_map(move |&i| g.right.iter().map(move |&j| (i, j)))
        })
        .collect()
}

/// Training samples of one stage: features, label, weight.
#[derive(Default)]
struct Samples {
    x: Vec<Vec<f64>>,
    y: Vec<f64>,
    w: Vec<f64>,
}

impl Samples {
    fn extend(&mut self, other: Samples, total_weight: f64) {
        let n = other.x.len().max(1) as f64;
        self.x.extend(other.x);
        self.y.extend(other.y);
        self.w.extend(other.w.iter().map(|w| w * total_weight / n));
    }
}

/// Which features a stage learns from.
#[derive(Clone, Copy)]
enum Stage {
    Lexical,
    Structural,
    Grow,
    Link,
}

/// Links are grown from the pairs at this threshold when fitting the growth model.
const GROW_TRAINING_THRESHOLD: f64 = 0.5;

/// The link model learns from few seed links (tens per pair, against thousands of pairs for the
/// other models), so its weights are held harder towards zero. Chosen by the
/// leave-one-seed-pair-out check (`eval fit`, F1 at 0.25): at 1× the model fits the seed pair
/// it sees and loses 0.05 on the one it does not; from 10× on it loses none, and `DEplain`
/// gains most at 10×.
const LINK_L2_SCALE: f64 = 10.0;

/// Finished links are judged at this threshold (the engine's default) when fitting the link model.
const LINK_TRAINING_THRESHOLD: f64 = 0.25;

/// How right a finished link is by a pair-level gold set: the share of its pairs that are gold.
fn link_truth_pairs(link: &LinkEvidence, positives: &BTreeSet<(usize, usize)>) -> f64 {
    let (mut gold, mut all) = (0_usize, 0_usize);
    for &i in &link.left {
        for &j in &link.right {
            all += 1;
            gold += usize::from(positives.contains(&(i, j)));
        }
    }
    gold as f64 / all.max(1) as f64
}

/// Whether a finished link is right by gold groups: it is exactly one of them.
fn link_truth_group(link: &LinkEvidence, gold: &[(Group, deplain::Label)]) -> f64 {
    f64::from(u8::from(
        gold.iter()
            .any(|(g, _)| g.left == link.left && g.right == link.right),
    ))
}

fn link_samples(table: &ScoreTable, truth: &dyn Fn(&LinkEvidence) -> f64, out: &mut Samples) {
    // Identical links score 1 whatever the model says, so they teach it nothing.
    for link in table
        .link_evidence(LINK_TRAINING_THRESHOLD)
        .into_iter()
        .filter(|l| l.score < 1.0)
    {
        out.y.push(truth(&link));
        out.x.push(link.features.to_vec());
        out.w.push(1.0);
    }
}

/// Whether a growth proposal is right, judged by a pair-level gold set: every pair it adds is gold.
fn growth_is_gold_pairs(growth: &Growth, positives: &BTreeSet<(usize, usize)>) -> bool {
    match growth.side {
        AlignSide::Left => growth
            .right
            .iter()
            .all(|&j| positives.contains(&(growth.sentence, j))),
        AlignSide::Right => growth
            .left
            .iter()
            .all(|&i| positives.contains(&(i, growth.sentence))),
    }
}

/// Whether a growth proposal is right, judged by gold groups: one gold group holds the link and
/// the added sentence.
fn growth_is_gold_group(growth: &Growth, gold: &[(Group, deplain::Label)]) -> bool {
    gold.iter().any(|(g, _)| {
        let (mut left, mut right) = (growth.left.clone(), growth.right.clone());
        match growth.side {
            AlignSide::Left => left.push(growth.sentence),
            AlignSide::Right => right.push(growth.sentence),
        }
        left.iter().all(|i| g.left.contains(i)) && right.iter().all(|j| g.right.contains(j))
    })
}

fn growth_samples(table: &ScoreTable, is_gold: &dyn Fn(&Growth) -> bool, out: &mut Samples) {
    for growth in table.growth_proposals(GROW_TRAINING_THRESHOLD) {
        out.x.push(growth.features.to_vec());
        out.y.push(f64::from(u8::from(is_gold(&growth))));
        out.w.push(1.0);
    }
}

fn samples(
    inputs: (&[SentenceInput<'_>], &[SentenceInput<'_>]),
    positives: &BTreeSet<(usize, usize)>,
    models: &Models,
    stage: Stage,
    out: &mut Samples,
) {
    for pair in evidence(inputs.0, inputs.1, models) {
        out.x.push(match stage {
            Stage::Lexical => pair.lexical.values.to_vec(),
            Stage::Structural | Stage::Grow | Stage::Link => pair.structural.to_vec(),
        });
        out.y.push(f64::from(u8::from(
            positives.contains(&(pair.left, pair.right)),
        )));
        out.w.push(1.0);
    }
}

/// Fits the four models, in order, on the given seed examples and documents.
fn fit_models(
    seed_examples: &[&SeedExample],
    documents: &[Document],
    settings: &FitSettings,
) -> Models {
    let mut models = MODELS;
    for stage in [Stage::Lexical, Stage::Structural, Stage::Grow, Stage::Link] {
        let mut seed_samples = Samples::default();
        let mut deplain_samples = Samples::default();
        if let Stage::Link = stage {
            for example in seed_examples {
                let truth = |l: &LinkEvidence| link_truth_pairs(l, &example.positives);
                link_samples(&example.table(&models), &truth, &mut seed_samples);
            }
            for document in documents {
                let truth = |l: &LinkEvidence| link_truth_group(l, &document.gold);
                link_samples(
                    &deplain::table(document, &models),
                    &truth,
                    &mut deplain_samples,
                );
            }
        } else if let Stage::Grow = stage {
            for example in seed_examples {
                let is_gold = |g: &Growth| growth_is_gold_pairs(g, &example.positives);
                growth_samples(&example.table(&models), &is_gold, &mut seed_samples);
            }
            for document in documents {
                let is_gold = |g: &Growth| growth_is_gold_group(g, &document.gold);
                growth_samples(
                    &deplain::table(document, &models),
                    &is_gold,
                    &mut deplain_samples,
                );
            }
        } else {
            for example in seed_examples {
                samples(
                    (&example.left.inputs(), &example.right.inputs()),
                    &example.positives,
                    &models,
                    stage,
                    &mut seed_samples,
                );
            }
            for document in documents {
                samples(
                    (
                        &SentenceInput::body(&document.complex),
                        &SentenceInput::body(&document.simple),
                    ),
                    &deplain_positives(document),
                    &models,
                    stage,
                    &mut deplain_samples,
                );
            }
        }
        let mut all = Samples::default();
        let total = 10_000.0;
        all.extend(seed_samples, total * settings.seeds_share);
        all.extend(deplain_samples, total * (1.0 - settings.seeds_share));
        let l2 = match stage {
            Stage::Link => settings.l2 * LINK_L2_SCALE,
            _ => settings.l2,
        };
        let (bias, weights) = logistic(&all, l2);
        match stage {
            Stage::Lexical => {
                models.lexical = Model {
                    bias,
                    weights: to_array::<FEATURES>(&weights),
                }
            }
            Stage::Structural => {
                models.structural = Model {
                    bias,
                    weights: to_array::<STRUCTURAL_FEATURES>(&weights),
                }
            }
            Stage::Grow => {
                models.grow = Model {
                    bias,
                    weights: to_array::<GROW_FEATURES>(&weights),
                }
            }
            Stage::Link => {
                models.link = Model {
                    bias,
                    weights: to_array::<LINK_FEATURES>(&weights),
                }
            }
        }
    }
    models
}

fn to_array<const N: usize>(values: &[f64]) -> [f64; N] {
    let mut out = [0.0; N];
    for (o, v) in out.iter_mut().zip(values) {
        *o = *v;
    }
    out
}

/// Weighted L2-regularised logistic regression by Newton's method: `(bias, weights)`.
// Matrix code reads best with explicit indices.
#[allow(clippy::needless_range_loop)]
fn logistic(samples: &Samples, l2: f64) -> (f64, Vec<f64>) {
    let d = samples.x.first().map_or(0, Vec::len) + 1;
    let mut beta = vec![0.0; d];
    for _ in 0..30 {
        let mut gradient = vec![0.0; d];
        let mut hessian = vec![vec![0.0; d]; d];
        let mut row = vec![0.0; d];
        for ((x, &y), &w) in samples.x.iter().zip(&samples.y).zip(&samples.w) {
            row[0] = 1.0;
            row[1..].copy_from_slice(x);
            let z: f64 = row.iter().zip(&beta).map(|(a, b)| a * b).sum();
            let p = parallax::similarity::sigmoid(z);
            let s = w * p * (1.0 - p);
            for a in 0..d {
                gradient[a] += w * (p - y) * row[a];
                let sa = s * row[a];
                for b in a..d {
                    hessian[a][b] += sa * row[b];
                }
            }
        }
        for a in 0..d {
            for b in 0..a {
                hessian[a][b] = hessian[b][a];
            }
        }
        for a in 1..d {
            gradient[a] += l2 * beta[a];
            hessian[a][a] += l2;
        }
        let Some(step) = solve(hessian, gradient) else {
            break;
        };
        let mut largest: f64 = 0.0;
        for (b, s) in beta.iter_mut().zip(&step) {
            *b -= s;
            largest = largest.max(s.abs());
        }
        if largest < 1e-6 {
            break;
        }
    }
    (beta[0], beta[1..].to_vec())
}

/// Solves `a · x = b` by Gaussian elimination with partial pivoting.
// Matrix code reads best with explicit indices.
#[allow(clippy::needless_range_loop)]
fn solve(mut a: Vec<Vec<f64>>, mut b: Vec<f64>) -> Option<Vec<f64>> {
    let n = b.len();
    for col in 0..n {
        let pivot = (col..n).max_by(|&r, &s| a[r][col].abs().total_cmp(&a[s][col].abs()))?;
        if a[pivot][col].abs() < 1e-12 {
            return None;
        }
        a.swap(col, pivot);
        b.swap(col, pivot);
        for row in col + 1..n {
            let factor = a[row][col] / a[col][col];
            for k in col..n {
                a[row][k] -= factor * a[col][k];
            }
            b[row] -= factor * b[col];
        }
    }
    let mut x = vec![0.0; n];
    for row in (0..n).rev() {
        let rest: f64 = (row + 1..n).map(|k| a[row][k] * x[k]).sum();
        x[row] = (b[row] - rest) / a[row][row];
    }
    Some(x)
}

/// Loads the data, fits, evaluates and returns the report (and writes the model files).
pub fn run_fit(
    seeds: &SeedsPaths,
    deplain: &Path,
    settings: &FitSettings,
) -> Result<String, Error> {
    let seed_examples: Vec<SeedExample> = seeds::load(&seeds.gold, &seeds.seeds)?
        .into_iter()
        .map(SeedExample::new)
        .collect();
    let documents = deplain::load(deplain)?;
    let all: Vec<&SeedExample> = seed_examples.iter().collect();
    let models = fit_models(&all, &documents, settings);

    let mut out = String::new();
    let _ =
        writeln!(
        out,
        "fit: {} seed pairs ({} positive pairs), {} DEplain documents, seeds share {:.2}, l2 {}",
        seed_examples.len(),
        seed_examples.iter().map(|e| e.positives.len()).sum::<usize>(),
        documents.len(),
        settings.seeds_share,
        settings.l2
    );
    out.push_str(&model_source(&models));
    let seed_tables: Vec<ScoreTable> = seed_examples.iter().map(|e| e.table(&models)).collect();
    let document_tables: Vec<ScoreTable> = documents
        .iter()
        .map(|d| deplain::table(d, &models))
        .collect();
    sweep_report(
        &seed_examples,
        &seed_tables,
        &documents,
        &document_tables,
        &mut out,
    );
    if seed_examples.len() > 1 {
        held_out_report(&seed_examples, &documents, settings, &mut out);
    }
    deplain_held_out_report(&all, &documents, settings, &mut out);
    if let Some(path) = &settings.dump {
        dump(
            path,
            &seed_examples,
            &seed_tables,
            &documents,
            &document_tables,
        )?;
        let _ = writeln!(out, "\nwrote the candidate pairs to {}", path.display());
    }
    if let Some(root) = &settings.write {
        write_models(root, &models)?;
        let _ = writeln!(out, "\nwrote the model files under {}", root.display());
    }
    Ok(out.trim_end().to_owned())
}

/// Appends the in-sample metrics of the fitted models over the threshold sweep.
fn sweep_report(
    seed_examples: &[SeedExample],
    seed_tables: &[ScoreTable],
    documents: &[Document],
    document_tables: &[ScoreTable],
    out: &mut String,
) {
    let _ = writeln!(out, "\nin-sample, micro:");
    let _ = writeln!(
        out,
        "{:>9} {:>6} {:>6} {:>6} {:>6} | {:>7} {:>7} {:>7} | {:>7} {:>7} {:>7}",
        "threshold",
        "P",
        "R",
        "F1",
        "R s+p",
        "link P",
        "link R",
        "link F1",
        "group P",
        "group R",
        "group F1"
    );
    for threshold in super::metrics::sweep_thresholds() {
        let mut micro = OverlapCounts::default();
        for (example, table) in seed_examples.iter().zip(seed_tables) {
            micro.add(&example.score(table, threshold));
        }
        let (mut links, mut groups) = (Counts::default(), Counts::default());
        for (document, table) in documents.iter().zip(document_tables) {
            let (l, g) = deplain::score_table(document, table, threshold);
            links.add(&l);
            groups.add(&g);
        }
        let (s, l, g) = (micro.links.prf(), links.prf(), groups.prf());
        let sp = micro
            .links
            .recall_of(&[seeds::Label::Same, seeds::Label::Paraphrase])
            .unwrap_or(0.0);
        let _ = writeln!(
            out,
            "{:>9.2} {:>6.3} {:>6.3} {:>6.3} {:>6.3} | {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>8.3}",
            threshold, s.precision, s.recall, s.f1, sp, l.precision, l.recall, l.f1, g.precision,
            g.recall, g.f1
        );
    }
}

/// Appends the leave-one-seed-pair-out metrics: each seed pair scored by models fitted without it.
fn held_out_report(
    seed_examples: &[SeedExample],
    documents: &[Document],
    settings: &FitSettings,
    out: &mut String,
) {
    let _ = writeln!(
        out,
        "\nleave one seed pair out (models fitted without the pair; DEplain kept):"
    );
    let _ = writeln!(
        out,
        "{:>9} {:<8} {:>6} {:>6} {:>6} {:>6}",
        "threshold", "pair", "P", "R", "F1", "R s+p"
    );
    let held_out: Vec<(&SeedExample, ScoreTable)> = seed_examples
        .iter()
        .enumerate()
        .map(|(k, example)| {
            let rest: Vec<&SeedExample> = seed_examples
                .iter()
                .enumerate()
                .filter(|&(m, _)| m != k)
                .map(|(_, e)| e)
                .collect();
            (
                example,
                example.table(&fit_models(&rest, documents, settings)),
            )
        })
        .collect();
    for threshold in super::metrics::sweep_thresholds() {
        let mut micro = OverlapCounts::default();
        for (example, table) in &held_out {
            let counts = example.score(table, threshold);
            micro.add(&counts);
            let prf = counts.links.prf();
            let _ = writeln!(
                out,
                "{:>9.2} {:<8} {:>6.3} {:>6.3} {:>6.3} {:>6}",
                threshold,
                example.pair.name,
                prf.precision,
                prf.recall,
                prf.f1,
                super::num(
                    counts
                        .links
                        .recall_of(&[seeds::Label::Same, seeds::Label::Paraphrase])
                )
            );
        }
        let prf = micro.links.prf();
        let _ = writeln!(
            out,
            "{:>9.2} {:<8} {:>6.3} {:>6.3} {:>6.3} {:>6}",
            threshold,
            "micro",
            prf.precision,
            prf.recall,
            prf.f1,
            super::num(
                micro
                    .links
                    .recall_of(&[seeds::Label::Same, seeds::Label::Paraphrase])
            )
        );
    }
}

/// Every `DEPLAIN_FOLD`-th `DEplain` document (index `k` with `k % DEPLAIN_FOLD ==
/// DEPLAIN_FOLD - 1`, in file order) is held out by [`deplain_held_out_report`].
const DEPLAIN_FOLD: usize = 4;

/// Appends the `DEplain` metrics of the held-out documents (every fourth in file order, indices
/// 3, 7, 11, …), scored by models fitted on the seed pairs and the other documents.
fn deplain_held_out_report(
    seed_examples: &[&SeedExample],
    documents: &[Document],
    settings: &FitSettings,
    out: &mut String,
) {
    let held_out = |k: usize| k % DEPLAIN_FOLD == DEPLAIN_FOLD - 1;
    let train: Vec<Document> = (0..documents.len())
        .filter(|&k| !held_out(k))
        .filter_map(|k| documents.get(k).cloned())
        .collect();
    let test: Vec<&Document> = (0..documents.len())
        .filter(|&k| held_out(k))
        .filter_map(|k| documents.get(k))
        .collect();
    if train.is_empty() || test.is_empty() {
        return;
    }
    let models = fit_models(seed_examples, &train, settings);
    let tables: Vec<(&Document, ScoreTable)> = test
        .into_iter()
        .map(|d| (d, deplain::table(d, &models)))
        .collect();
    let _ = writeln!(
        out,
        "\nDEplain held out ({} documents: indices k % {DEPLAIN_FOLD} == {} in file order; models \
         fitted on the other {} and the seed pairs):",
        tables.len(),
        DEPLAIN_FOLD - 1,
        train.len()
    );
    let _ = writeln!(
        out,
        "{:>9} {:>7} {:>7} {:>7} | {:>7} {:>7} {:>8}",
        "threshold", "link P", "link R", "link F1", "group P", "group R", "group F1"
    );
    for threshold in super::metrics::sweep_thresholds() {
        let (mut links, mut groups) = (Counts::default(), Counts::default());
        for (document, table) in &tables {
            let (l, g) = deplain::score_table(document, table, threshold);
            links.add(&l);
            groups.add(&g);
        }
        let (l, g) = (links.prf(), groups.prf());
        let _ = writeln!(
            out,
            "{:>9.2} {:>7.3} {:>7.3} {:>7.3} | {:>7.3} {:>7.3} {:>8.3}",
            threshold, l.precision, l.recall, l.f1, g.precision, g.recall, g.f1
        );
    }
}

/// Writes one JSON line per candidate pair: where it is from, its label, features and scores.
fn dump(
    path: &Path,
    seed_examples: &[SeedExample],
    seed_tables: &[ScoreTable],
    documents: &[Document],
    document_tables: &[ScoreTable],
) -> Result<(), Error> {
    let mut out = String::new();
    let mut line = |source: &str,
                    gold: &BTreeSet<(usize, usize)>,
                    table: &ScoreTable,
                    texts: Option<(&[&str], &[&str])>| {
        for p in table.pairs() {
            let text = |side: Option<&[&str]>, k: usize| -> Option<String> {
                side.and_then(|s| s.get(k).map(|t| (*t).to_owned()))
            };
            let value = serde_json::json!({
                "left_text": text(texts.map(|t| t.0), p.left),
                "right_text": text(texts.map(|t| t.1), p.right),
                "source": source,
                "left": p.left,
                "right": p.right,
                "gold": gold.contains(&(p.left, p.right)),
                "lexical": p.lexical.values,
                "lexical_score": p.lexical_score,
                "structural": p.structural,
                "score": p.score,
            });
            out.push_str(&value.to_string());
            out.push('\n');
        }
        let links: Vec<serde_json::Value> = [0.3, 0.5, 0.7, 0.9]
            .iter()
            .map(|&t| {
                let groups: Vec<(Vec<usize>, Vec<usize>)> = table
                    .links(t)
                    .into_iter()
                    .map(|a| (a.left, a.right))
                    .collect();
                serde_json::json!({"threshold": t, "links": groups})
            })
            .collect();
        out.push_str(&serde_json::json!({"source": source, "links": links}).to_string());
        out.push('\n');
    };
    for (example, table) in seed_examples.iter().zip(seed_tables) {
        let texts = |side: &Side, text: &'_ str| -> Vec<String> {
            side.sentences
                .iter()
                .map(|s| text.get(s.range.clone()).unwrap_or("").to_owned())
                .collect()
        };
        let (left, right) = (
            texts(&example.left, &example.pair.left.text),
            texts(&example.right, &example.pair.right.text),
        );
        let left: Vec<&str> = left.iter().map(String::as_str).collect();
        let right: Vec<&str> = right.iter().map(String::as_str).collect();
        line(
            &example.pair.name,
            &example.positives,
            table,
            Some((&left, &right)),
        );
    }
    for (n, (document, table)) in documents.iter().zip(document_tables).enumerate() {
        line(
            &format!("deplain-{n}"),
            &deplain_positives(document),
            table,
            None,
        );
    }
    std::fs::write(path, out).map_err(|e| Error(format!("cannot write {}: {e}", path.display())))
}

/// One `value, // name` line per weight, laid out as rustfmt lays it out.
fn weight_lines(model_weights: &[f64], names: &[&str]) -> String {
    let values: Vec<String> = model_weights.iter().map(|w| format!("{w:.6},")).collect();
    let width = values.iter().map(String::len).max().unwrap_or(0);
    let mut out = String::new();
    for (value, name) in values.iter().zip(names) {
        let _ = writeln!(out, "        {value:<width$} // {name}");
    }
    out
}

fn model_source(models: &Models) -> String {
    format!(
        "lexical: bias {:.6}\n{}structural: bias {:.6}\n{}grow: bias {:.6}\n{}link: bias {:.6}\n{}",
        models.lexical.bias,
        weight_lines(&models.lexical.weights, &FEATURE_NAMES),
        models.structural.bias,
        weight_lines(&models.structural.weights, &STRUCTURAL_NAMES),
        models.grow.bias,
        weight_lines(&models.grow.weights, &GROW_NAMES),
        models.link.bias,
        weight_lines(&models.link.weights, &LINK_NAMES)
    )
}

const HEADER: &str = "\
//!
//! Regenerate from the repository root with the evaluation data in `../shared/eval`:
//!
//! ```text
//! cargo run --release -p parallax-cli -- eval fit --write
//! ```

// Generated numbers keep their six decimals as printed.
#![allow(clippy::unreadable_literal)]
";

fn write_models(root: &Path, models: &Models) -> Result<(), Error> {
    let lexical = format!(
        "//! Learned weights of the lexical similarity model (generated by `parallax eval fit --write`).\n\
         {HEADER}\n\
         use super::{{Model, FEATURES}};\n\n\
         /// Weights over [`super::FEATURE_NAMES`]: the probability that two sentences are linked.\n\
         pub const LEXICAL: Model<FEATURES> = Model {{\n    bias: {:.6},\n    weights: [\n{}    ],\n}};\n",
        models.lexical.bias,
        weight_lines(&models.lexical.weights, &FEATURE_NAMES)
    );
    let structural = format!(
        "//! Learned weights of the structural link model (generated by `parallax eval fit --write`).\n\
         {HEADER}\n\
         use super::{{GROW_FEATURES, LINK_FEATURES, STRUCTURAL_FEATURES}};\n\
         use crate::similarity::Model;\n\n\
         /// Weights over [`super::STRUCTURAL_NAMES`]: the probability that a candidate pair is a link.\n\
         pub const STRUCTURAL: Model<STRUCTURAL_FEATURES> = Model {{\n    bias: {:.6},\n    weights: [\n{}    ],\n}};\n\n\
         /// Weights over [`super::GROW_NAMES`]: the probability that a sentence belongs to the link next to it.\n\
         pub const GROW: Model<GROW_FEATURES> = Model {{\n    bias: {:.6},\n    weights: [\n{}    ],\n}};\n\n\
         /// Weights over [`super::LINK_NAMES`]: the probability that a finished link is right as it stands.\n\
         pub const LINK: Model<LINK_FEATURES> = Model {{\n    bias: {:.6},\n    weights: [\n{}    ],\n}};\n",
        models.structural.bias,
        weight_lines(&models.structural.weights, &STRUCTURAL_NAMES),
        models.grow.bias,
        weight_lines(&models.grow.weights, &GROW_NAMES),
        models.link.bias,
        weight_lines(&models.link.weights, &LINK_NAMES)
    );
    for (path, text) in [
        ("crates/parallax/src/similarity/model.rs", lexical),
        ("crates/parallax/src/align/model.rs", structural),
    ] {
        let path = root.join(path);
        std::fs::write(&path, text)
            .map_err(|e| Error(format!("cannot write {}: {e}", path.display())))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn logistic_recovers_a_separating_direction() {
        // y = 1 exactly when x0 > x1; x2 is noise.
        let mut samples = Samples::default();
        for k in 0..200 {
            let (a, b, c) = (
                f64::from(k % 7) / 7.0,
                f64::from(k % 5) / 5.0,
                f64::from(k % 3) / 3.0,
            );
            samples.x.push(vec![a, b, c]);
            samples.y.push(f64::from(u8::from(a > b)));
            samples.w.push(1.0);
        }
        let (_, weights) = logistic(&samples, 0.1);
        assert!(weights[0] > 1.0 && weights[1] < -1.0, "{weights:?}");
        assert!(weights[2].abs() < weights[0].abs() / 4.0, "{weights:?}");
    }

    #[test]
    fn solve_solves() {
        let x = solve(vec![vec![2.0, 1.0], vec![1.0, 3.0]], vec![3.0, 5.0]).unwrap();
        assert!((x[0] - 0.8).abs() < 1e-12 && (x[1] - 1.4).abs() < 1e-12);
        assert!(solve(vec![vec![0.0]], vec![1.0]).is_none());
    }
}
