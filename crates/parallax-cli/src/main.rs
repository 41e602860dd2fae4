//! `parallax`: the Parallax engine on the command line.

use clap::{Parser, Subcommand, ValueEnum};
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
        /// Minimum similarity in [0, 1] for two sentences to be linked.
        #[arg(long)]
        threshold: Option<f64>,
    },
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
