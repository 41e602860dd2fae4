//! `parallax`: the Parallax engine on the command line.

mod eval;

use clap::{Args, Parser, Subcommand, ValueEnum};
use parallax::{compare, Article, Options};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Align the sentences of news articles and show what changed.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Compare two articles and print the report.
    Compare {
        /// The left article (`-` for standard input).
        left: PathBuf,
        /// The right article (`-` for standard input).
        right: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
        /// Minimum link score in [0, 1]: the learned probability that two sentences match.
        #[arg(long)]
        threshold: Option<f64>,
    },
    /// Measure the aligner against gold alignments (seed articles, DEplain-web).
    Eval {
        #[command(subcommand)]
        target: EvalTarget,
    },
}

#[derive(Subcommand)]
enum EvalTarget {
    /// Run `compare` on raw seed-article pairs; score its links against gold links.
    ///
    /// Each predicted link is expanded into (left, right) sentence pairs. A pair is correct if
    /// its sentences overlap gold sentences A and B (sharing at least half of the shorter
    /// byte range) and A-B is a gold link; pairs touching no gold sentence count as wrong.
    /// Recall: gold links found by a correct pair / gold links. Micro-averaged over pairs.
    Seeds {
        /// The seed gold file.
        #[arg(long, default_value = eval::DEFAULT_SEEDS_GOLD)]
        gold: PathBuf,
        /// The folder holding the seed articles.
        #[arg(long, default_value = eval::DEFAULT_SEEDS_DIR)]
        seeds: PathBuf,
        #[command(flatten)]
        common: EvalArgs,
    },
    /// Align the given DEplain-web sentences; score links and exact groups (Stodden et al. 2023).
    Deplain {
        /// The DEplain-web manual alignment file.
        #[arg(long, default_value = eval::DEFAULT_DEPLAIN_GOLD)]
        gold: PathBuf,
        #[command(flatten)]
        common: EvalArgs,
    },
    /// Learn the aligner's model weights from both gold sets and print them with their metrics.
    ///
    /// Fits the lexical, then the structural logistic model on every candidate pair of the
    /// seed dev pairs and the DEplain-web documents, prints the weights, a threshold sweep and
    /// a leave-one-seed-pair-out check. `--write` replaces the engine's model files (run from
    /// the repository root, then rebuild).
    Fit {
        /// The seed gold file.
        #[arg(long, default_value = eval::DEFAULT_SEEDS_GOLD)]
        seeds_gold: PathBuf,
        /// The folder holding the seed articles.
        #[arg(long, default_value = eval::DEFAULT_SEEDS_DIR)]
        seeds: PathBuf,
        /// The DEplain-web manual alignment file.
        #[arg(long, default_value = eval::DEFAULT_DEPLAIN_GOLD)]
        deplain_gold: PathBuf,
        /// Share of the training weight given to the seed pairs (the rest goes to `DEplain`).
        #[arg(long, default_value_t = 0.5)]
        seeds_share: f64,
        /// L2 penalty on the weights.
        #[arg(long, default_value_t = 1.0)]
        l2: f64,
        /// Write the fitted weights into the engine's model files under the current folder.
        #[arg(long)]
        write: bool,
        /// Write every candidate pair with its features and scores to this file (JSON lines).
        #[arg(long)]
        dump: Option<PathBuf>,
    },
    /// Run both evaluations.
    All {
        /// The seed gold file.
        #[arg(long, default_value = eval::DEFAULT_SEEDS_GOLD)]
        seeds_gold: PathBuf,
        /// The folder holding the seed articles.
        #[arg(long, default_value = eval::DEFAULT_SEEDS_DIR)]
        seeds: PathBuf,
        /// The DEplain-web manual alignment file.
        #[arg(long, default_value = eval::DEFAULT_DEPLAIN_GOLD)]
        deplain_gold: PathBuf,
        #[command(flatten)]
        common: EvalArgs,
    },
}

/// Options shared by every `eval` target.
#[derive(Args)]
struct EvalArgs {
    /// Minimum link score in [0, 1] (default: the engine's).
    #[arg(long, conflicts_with = "sweep")]
    threshold: Option<f64>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = eval::Format::Text)]
    format: eval::Format,
    /// Print the metrics for every threshold 0.10, 0.15, ..., 0.90 and the best one.
    #[arg(long)]
    sweep: bool,
}

impl EvalArgs {
    fn settings(&self) -> eval::Settings {
        eval::Settings {
            threshold: self.threshold,
            sweep: self.sweep,
            format: self.format,
        }
    }
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

/// A failure to read an input, reported as one line naming the file.
struct InputError(String);

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(InputError(message)) => {
            eprintln!("parallax: {message}");
            ExitCode::from(1)
        }
    }
}

fn run(cli: Cli) -> Result<(), InputError> {
    match cli.command {
        Command::Compare {
            left,
            right,
            format: Format::Json,
            threshold,
        } => {
            let (left_text, right_text) = (read_input(&left)?, read_input(&right)?);
            let mut options = Options::default();
            if let Some(threshold) = threshold {
                options.threshold = threshold.clamp(0.0, 1.0);
            }
            let report = compare(
                &Article::new(&display_name(&left), &left_text),
                &Article::new(&display_name(&right), &right_text),
                &options,
            );
            let json = serde_json::to_string_pretty(&report)
                .map_err(|e| InputError(format!("cannot write the report: {e}")))?;
            writeln!(std::io::stdout().lock(), "{json}")
                .map_err(|e| InputError(format!("cannot write the report: {e}")))
        }
        Command::Eval { target } => {
            let output = match target {
                EvalTarget::Seeds {
                    gold,
                    seeds,
                    common,
                } => eval::run_seeds(&eval::SeedsPaths { gold, seeds }, &common.settings()),
                EvalTarget::Deplain { gold, common } => {
                    eval::run_deplain(&gold, &common.settings())
                }
                EvalTarget::Fit {
                    seeds_gold,
                    seeds,
                    deplain_gold,
                    seeds_share,
                    l2,
                    write,
                    dump,
                } => eval::fit::run_fit(
                    &eval::SeedsPaths {
                        gold: seeds_gold,
                        seeds,
                    },
                    &deplain_gold,
                    &eval::fit::FitSettings {
                        seeds_share: seeds_share.clamp(0.0, 1.0),
                        l2: l2.max(0.0),
                        write: write.then(|| PathBuf::from(".")),
                        dump,
                    },
                ),
                EvalTarget::All {
                    seeds_gold,
                    seeds,
                    deplain_gold,
                    common,
                } => eval::run_all(
                    &eval::SeedsPaths {
                        gold: seeds_gold,
                        seeds,
                    },
                    &deplain_gold,
                    &common.settings(),
                ),
            }
            .map_err(|eval::Error(message)| InputError(message))?;
            writeln!(std::io::stdout().lock(), "{output}")
                .map_err(|e| InputError(format!("cannot write the metrics: {e}")))
        }
    }
}

fn display_name(path: &Path) -> String {
    if path == Path::new("-") {
        return "stdin".to_owned();
    }
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

fn read_input(path: &Path) -> Result<String, InputError> {
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| InputError(format!("stdin: {e}")))?;
        bytes
    } else {
        std::fs::read(path).map_err(|e| InputError(format!("{}: {e}", path.display())))?
    };
    String::from_utf8(bytes)
        .map_err(|e| InputError(format!("{}: not valid UTF-8 text ({e})", path.display())))
}
