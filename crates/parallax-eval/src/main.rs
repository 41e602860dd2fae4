//! `parallax-eval`: fit the aligner's models and measure them out of sample.
//!
//! A developer tool, never shipped (`publish = false`, not part of the `parallax` binary). It
//! reads two gold sets from `../shared` by default (evaluation-only data, never copied into
//! the repository):
//!
//! - **seeds**: hand-made links between sentences of real news articles, prepared with
//!   `Prepared::new` (the same cleaning and segmentation `parallax compare` uses);
//! - **deplain**: DEplain-web, German complex/simple document pairs that come pre-segmented,
//!   prepared with `Prepared::from_sentences`.
//!
//! Every number `seeds` and `deplain` report is out of sample ([`crossval`]): leave one pair
//! out on the seeds, k-fold by document on `DEplain`. `fit` fits on all data, prints the
//! weights (and in-sample numbers, marked as such) and with `--write` replaces
//! `crates/parallax/src/models.toml`.

mod ap;
mod crossval;
mod deplain;
mod fit;
mod metrics;
mod nway;
mod output;
mod reliability;
mod seeds;

use clap::{Args, Parser, Subcommand};
use fit::FitSettings;
use output::{Error, Format, Settings};
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

/// Default path of the seed gold file, relative to the current folder (the repository root).
const DEFAULT_SEEDS_GOLD: &str = "../shared/eval/seeds_gold_dev.json";
/// Default folder of the seed articles.
const DEFAULT_SEEDS_DIR: &str = "../shared/samples/seeds";
/// Default path of the DEplain-web manual alignment.
const DEFAULT_DEPLAIN_GOLD: &str = "../shared/eval/deplain_web/deplain_web_manual_alignment.json";

/// Fit the Parallax aligner's models and measure them out of sample.
#[derive(Parser)]
#[command(name = "parallax-eval", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Leave one seed pair out: refit without each pair, score it (P/R/F1, same+paraphrase
    /// recall, average precision).
    ///
    /// Each predicted link is expanded into (left, right) sentence pairs. A pair is correct if
    /// its sentences overlap gold sentences A and B (sharing at least half of the shorter
    /// byte range) and A-B is a gold link; pairs touching no gold sentence count as wrong.
    /// Recall: gold links found by a correct pair / gold links. Micro-averaged over pairs.
    Seeds {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        report: Report,
    },
    /// K-fold by document on DEplain-web: refit without each fold, score its documents
    /// (links and exact groups as in Stodden et al. 2023, average precision).
    Deplain {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        report: Report,
    },
    /// Both out-of-sample evaluations.
    All {
        #[command(flatten)]
        data: Data,
        #[command(flatten)]
        report: Report,
    },
    /// All seed articles at once: what evidence through third articles (pivots) does to the
    /// links of each gold pair, leaving that pair out of the fit.
    Nway {
        #[command(flatten)]
        data: Data,
        /// Minimum link score in [0, 1] (default: the engine's).
        #[arg(long)]
        threshold: Option<f64>,
    },
    /// Fit the four models on all the gold data and print their weights.
    ///
    /// `--write` replaces `crates/parallax/src/models.toml` under the current folder (run from
    /// the repository root, then rebuild). The in-sample numbers it prints are the training
    /// data's, not a quality measure: `seeds` and `deplain` give those.
    Fit {
        #[command(flatten)]
        data: Data,
        /// Write the fitted weights into the engine's data file under the current folder.
        #[arg(long)]
        write: bool,
        /// Write every candidate pair with its features and scores to this file (JSON lines).
        #[arg(long)]
        dump: Option<PathBuf>,
    },
}

/// The gold data, how to fit, and how much of it to use.
#[derive(Args)]
struct Data {
    /// The seed gold file.
    #[arg(long, default_value = DEFAULT_SEEDS_GOLD)]
    seeds_gold: PathBuf,
    /// The folder holding the seed articles.
    #[arg(long, default_value = DEFAULT_SEEDS_DIR)]
    seeds: PathBuf,
    /// The DEplain-web manual alignment file.
    #[arg(long, default_value = DEFAULT_DEPLAIN_GOLD)]
    deplain_gold: PathBuf,
    /// Use only the first N `DEplain` documents (quick checks; the README's numbers use all).
    #[arg(long)]
    documents: Option<usize>,
    /// Share of the training weight given to the seed pairs (the rest goes to `DEplain`).
    #[arg(long, default_value_t = 0.5)]
    seeds_share: f64,
    /// L2 penalty on the weights.
    #[arg(long, default_value_t = 1.0)]
    l2: f64,
    /// Leave these features out of the fit (ablation), as `model.feature` names, comma-separated
    /// (`structural.lede,link.size_max`).
    #[arg(long, value_delimiter = ',')]
    drop: Vec<String>,
    /// Hold the weights of evidence features (overlap, pair scores, margins) at zero or above.
    #[arg(long)]
    monotone: bool,
}

/// How to report.
#[derive(Args)]
struct Report {
    /// Minimum link score in [0, 1] (default: the engine's).
    #[arg(long, conflicts_with = "sweep")]
    threshold: Option<f64>,
    /// Print the metrics for every threshold 0.10, 0.15, ..., 0.90 and the best one.
    #[arg(long)]
    sweep: bool,
    /// Number of `DEplain` folds.
    #[arg(long, default_value_t = 5, value_parser = clap::value_parser!(u16).range(2..))]
    folds: u16,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

impl Report {
    fn settings(&self) -> Settings {
        Settings {
            threshold: self.threshold,
            sweep: self.sweep,
            format: self.format,
        }
    }
}

/// Both gold sets, loaded; the prepared documents borrow from here.
struct Loaded {
    seed_pairs: Vec<seeds::SeedPair>,
    deplain: Vec<deplain::GoldDocument>,
    fit: FitSettings,
}

impl Loaded {
    /// Both articles of every seed pair, prepared as `compare` prepares them.
    fn examples(&self) -> Vec<seeds::SeedExample<'_>> {
        self.seed_pairs
            .iter()
            .map(seeds::SeedExample::new)
            .collect()
    }
}

impl Data {
    fn load(&self, settings: &Settings) -> Result<Loaded, Error> {
        // Refuse a bad threshold before the slow part.
        output::thresholds(settings)?;
        let fit = FitSettings {
            seeds_share: self.seeds_share.clamp(0.0, 1.0),
            l2: self.l2.max(0.0),
            drop: self.drop.clone(),
            monotone: self.monotone,
        };
        fit.check_drop().map_err(Error)?;
        let seed_pairs = seeds::load(&self.seeds_gold, &self.seeds)?;
        let mut deplain = deplain::load(&self.deplain_gold)?;
        if let Some(n) = self.documents {
            deplain.truncate(n);
        }
        Ok(Loaded {
            seed_pairs,
            deplain,
            fit,
        })
    }
}

// A native developer tool: the clock the engine must never read (wasm) is fine here.
#[allow(clippy::disallowed_methods)]
fn main() -> ExitCode {
    let cli = Cli::parse();
    let start = Instant::now();
    match run(cli.command) {
        Ok((text, fits)) => {
            let _ = writeln!(std::io::stdout().lock(), "{text}");
            eprintln!(
                "parallax-eval: {fits} fits, {:.1} s",
                start.elapsed().as_secs_f64()
            );
            ExitCode::SUCCESS
        }
        Err(Error(message)) => {
            eprintln!("parallax-eval: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Runs one command and returns what it prints and how many times it fitted the models.
fn run(command: Command) -> Result<(String, usize), Error> {
    match command {
        Command::Seeds { data, report } => {
            let settings = report.settings();
            let loaded = data.load(&settings)?;
            let examples = loaded.examples();
            let mut joined = Vec::new();
            let documents = deplain::prepare(&loaded.deplain, &mut joined);
            let tables = crossval::leave_one_pair_out(&examples, &documents, &loaded.fit);
            let gold = data.seeds_gold.display().to_string();
            let out = output::seeds::seeds_output(&gold, &examples, &tables, &settings)?;
            let text = output::render(settings.format, &out, |t| {
                output::seeds::seeds_text(&out, t);
            })?;
            Ok((text, examples.len()))
        }
        Command::Deplain { data, report } => {
            let settings = report.settings();
            let loaded = data.load(&settings)?;
            let examples = loaded.examples();
            let mut joined = Vec::new();
            let documents = deplain::prepare(&loaded.deplain, &mut joined);
            let folds = usize::from(report.folds);
            let tables = crossval::k_fold(&examples, &documents, folds, &loaded.fit);
            let gold = data.deplain_gold.display().to_string();
            let out =
                output::deplain::deplain_output(&gold, &documents, &tables, folds, &settings)?;
            let text = output::render(settings.format, &out, |t| {
                output::deplain::deplain_text(&out, t);
            })?;
            Ok((text, folds.min(documents.len())))
        }
        Command::All { data, report } => run_all(&data, &report),
        Command::Nway { data, threshold } => {
            let settings = Settings::text(threshold);
            let loaded = data.load(&settings)?;
            let examples = loaded.examples();
            let mut joined = Vec::new();
            let documents = deplain::prepare(&loaded.deplain, &mut joined);
            let threshold = threshold.unwrap_or(parallax::Options::default().threshold);
            let text = nway::run(&data.seeds, &examples, &documents, &loaded.fit, threshold)?;
            Ok((text, examples.len()))
        }
        Command::Fit { data, write, dump } => {
            let settings = Settings::text(None);
            let loaded = data.load(&settings)?;
            let examples = loaded.examples();
            let mut joined = Vec::new();
            let documents = deplain::prepare(&loaded.deplain, &mut joined);
            let text = fit::report::fit_report(
                &examples,
                &documents,
                &loaded.fit,
                write,
                dump.as_deref(),
            )?;
            Ok((text, 1))
        }
    }
}

/// `all`: both out-of-sample evaluations in one output.
fn run_all(data: &Data, report: &Report) -> Result<(String, usize), Error> {
    #[derive(serde::Serialize)]
    struct All {
        seeds: output::seeds::SeedsOutput,
        deplain: output::deplain::DeplainOutput,
    }
    let settings = report.settings();
    let loaded = data.load(&settings)?;
    let examples = loaded.examples();
    let mut joined = Vec::new();
    let documents = deplain::prepare(&loaded.deplain, &mut joined);
    let folds = usize::from(report.folds);
    let seed_tables = crossval::leave_one_pair_out(&examples, &documents, &loaded.fit);
    let document_tables = crossval::k_fold(&examples, &documents, folds, &loaded.fit);
    let all = All {
        seeds: output::seeds::seeds_output(
            &data.seeds_gold.display().to_string(),
            &examples,
            &seed_tables,
            &settings,
        )?,
        deplain: output::deplain::deplain_output(
            &data.deplain_gold.display().to_string(),
            &documents,
            &document_tables,
            folds,
            &settings,
        )?,
    };
    let text = output::render(settings.format, &all, |t| {
        output::seeds::seeds_text(&all.seeds, t);
        t.push('\n');
        output::deplain::deplain_text(&all.deplain, t);
    })?;
    Ok((text, examples.len() + folds.min(documents.len())))
}
