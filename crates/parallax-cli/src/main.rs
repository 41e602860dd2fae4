//! `parallax`: the Parallax engine on the command line.

mod render_text;

use clap::{Parser, Subcommand, ValueEnum};
use parallax::{compare, Article, Options};
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Align the sentences of news articles and show what changed.
#[derive(Parser)]
#[command(name = "parallax", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// How to read input bytes: `utf-8` accepts UTF-8 (BOM stripped) and UTF-16 with a BOM and
    /// rejects anything else; `windows-1252` also reads other bytes as Windows-1252.
    #[arg(long, global = true, value_enum, default_value_t = InputEncoding::Utf8)]
    encoding: InputEncoding,
}

/// Which input encodings the command accepts.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputEncoding {
    /// UTF-8 or UTF-16 with a byte-order mark; anything else is an input error.
    #[value(name = "utf-8")]
    Utf8,
    /// As `utf-8`, and any other bytes are read as Windows-1252.
    #[value(name = "windows-1252")]
    Windows1252,
}

#[derive(Subcommand)]
enum Command {
    /// Compare two articles: align their sentences and show the word changes in each pair.
    ///
    /// Inputs may be plain text (`.txt`), Markdown (`.md`, read as text) or HTML (`.html`,
    /// `.htm`, or standard input that starts with `<!DOCTYPE html` or `<html`): from HTML
    /// only the article's text is kept (no scripts, styles, navigation, headers, footers), and
    /// every offset in the report is then a byte offset into that extracted text, not into the
    /// HTML file.
    ///
    /// JSON is the documented `parallax-report` format (docs/report-format.md); `text` is a
    /// side-by-side view for the terminal (coloured when standard output is a terminal and
    /// `NO_COLOR` is not set); `html` is one self-contained page to open, print or mail.
    #[command(after_help = "Exit status: 0 ok, 1 an input could not be read or \
                            written, 2 usage error.")]
    Compare {
        /// The left article (`-` for standard input).
        left: PathBuf,
        /// The right article (`-` for standard input).
        right: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = CompareFormat::Json)]
        format: CompareFormat,
        /// Minimum link score in [0, 1]: the learned probability that two sentences match.
        #[arg(long, value_parser = parse_threshold)]
        threshold: Option<f64>,
        /// Write the output to this file instead of standard output.
        #[arg(long, short)]
        out: Option<PathBuf>,
        /// Word diffs treat upper and lower case as the same.
        #[arg(long)]
        ignore_case: bool,
        /// Word diffs never count punctuation and quotation marks as changes.
        #[arg(long)]
        ignore_punctuation: bool,
        /// When to colour `--format text`: `auto` colours only a terminal, and only when
        /// `NO_COLOR` is unset or empty.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// Width of `--format text` in columns (default: the terminal's, else 100).
        #[arg(long, value_parser = clap::value_parser!(u16).range(40..))]
        width: Option<u16>,
    },
    /// Split one article into sentences and print them with their kinds.
    ///
    /// JSON: `{"sentences":[{"start","end","text","clean","kind"}]}`; `start`/`end` are UTF-8
    /// byte offsets into the input (after decoding), `text` is the original substring and
    /// `clean` the repaired text a reader is shown.
    Segment {
        /// The article (`-` for standard input).
        input: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
}

/// Output formats of `compare`.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum CompareFormat {
    /// The versioned `parallax-report` JSON.
    Json,
    /// A side-by-side view for the terminal.
    Text,
    /// One self-contained HTML page.
    Html,
}

/// When to use colour.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorChoice {
    /// Colour a terminal unless `NO_COLOR` is set.
    Auto,
    /// Always colour.
    Always,
    /// Never colour.
    Never,
}

fn parse_threshold(value: &str) -> Result<f64, String> {
    let threshold: f64 = value
        .parse()
        .map_err(|_| format!("`{value}` is not a number"))?;
    if (0.0..=1.0).contains(&threshold) {
        Ok(threshold)
    } else {
        Err(format!("{value} is outside [0, 1]"))
    }
}

/// The output of `parallax segment`.
#[derive(serde::Serialize)]
struct Segmented<'a> {
    sentences: &'a [parallax::report::SentenceReport],
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
    let read_input = |path: &Path| read_input(path, cli.encoding);
    match cli.command {
        Command::Compare {
            left,
            right,
            format,
            threshold,
            out,
            ignore_case,
            ignore_punctuation,
            color,
            width,
        } => {
            let (left_text, right_text) = (read_input(&left)?, read_input(&right)?);
            let mut options = Options {
                ignore_case,
                ignore_punctuation,
                ..Options::default()
            };
            if let Some(threshold) = threshold {
                options.threshold = threshold;
            }
            let report = compare(
                &Article::new(&display_name(&left), &left_text),
                &Article::new(&display_name(&right), &right_text),
                &options,
            );
            let output = match format {
                CompareFormat::Json => serde_json::to_string_pretty(&report)
                    .map_err(|e| InputError(format!("cannot write the report: {e}")))?,
                CompareFormat::Html => parallax_html::render(&report),
                CompareFormat::Text => {
                    let to_terminal = out.is_none() && std::io::stdout().is_terminal();
                    let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
                    let color = match color {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        ColorChoice::Auto => to_terminal && !no_color,
                    };
                    let width = width.map_or_else(|| terminal_width(to_terminal), usize::from);
                    render_text::render(&report, render_text::TextOptions { width, color })
                }
            };
            match out {
                Some(path) => write_file(&path, &output),
                None => write_stdout(output.trim_end_matches('\n')),
            }
        }
        Command::Segment {
            input,
            format: Format::Json,
        } => {
            let text = read_input(&input)?;
            let document = parallax::segment_article(&Article::new(&display_name(&input), &text));
            let json = serde_json::to_string_pretty(&Segmented {
                sentences: &document.sentences,
            })
            .map_err(|e| InputError(format!("cannot write the sentences: {e}")))?;
            write_stdout(&json)
        }
    }
}

/// Prints `text` and a newline; a reader that went away (`| head`) is not an error.
fn write_stdout(text: &str) -> Result<(), InputError> {
    match writeln!(std::io::stdout().lock(), "{text}") {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(InputError(format!("cannot write the output: {e}")))
        }
        _ => Ok(()),
    }
}

/// Writes `text` to a file, naming it in the error.
fn write_file(path: &Path, text: &str) -> Result<(), InputError> {
    std::fs::write(path, text).map_err(|e| InputError(format!("{}: {e}", path.display())))
}

/// The terminal's width when standard output is one, else 100 columns.
fn terminal_width(to_terminal: bool) -> usize {
    let measured = to_terminal
        .then(terminal_size::terminal_size)
        .flatten()
        .map(|(terminal_size::Width(w), _)| usize::from(w));
    measured.unwrap_or(100).max(40)
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

fn read_input(path: &Path, encoding: InputEncoding) -> Result<String, InputError> {
    let name = path.display();
    let bytes = if path == Path::new("-") {
        let mut bytes = Vec::new();
        std::io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| InputError(format!("stdin: {e}")))?;
        bytes
    } else if path.is_dir() {
        return Err(InputError(format!(
            "{name}: is a directory, not a text file"
        )));
    } else {
        std::fs::read(path).map_err(|e| InputError(format!("{name}: {e}")))?
    };
    let decoded =
        parallax::normalize::decode(&bytes).map_err(|e| InputError(format!("{name}: {e}")))?;
    if decoded.encoding == parallax::normalize::Encoding::Windows1252
        && encoding == InputEncoding::Utf8
    {
        let at = std::str::from_utf8(&bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        return Err(InputError(format!(
            "{name}: not valid UTF-8 (byte {at}); if it is a Windows-1252 file, add --encoding windows-1252"
        )));
    }
    if decoded.text.trim().is_empty() {
        return Err(InputError(format!("{name}: is empty (no text to compare)")));
    }
    let text = if is_html(path, &decoded.text) {
        let text = parallax::extract::article_text(&decoded.text);
        if text.trim().is_empty() {
            return Err(InputError(format!(
                "{name}: has no article text (read as HTML)"
            )));
        }
        text
    } else {
        decoded.text
    };
    if decoded.encoding != parallax::normalize::Encoding::Utf8 {
        eprintln!(
            "parallax: {name}: read as {} (offsets are into the decoded text)",
            decoded.encoding
        );
    }
    Ok(text)
}

/// HTML by its extension (`.html`, `.htm`), or for standard input by its first tag.
fn is_html(path: &Path, text: &str) -> bool {
    if path == Path::new("-") {
        let start = text.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}');
        let head = start
            .chars()
            .take(14)
            .collect::<String>()
            .to_ascii_lowercase();
        return head.starts_with("<!doctype html") || head.starts_with("<html");
    }
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e.eq_ignore_ascii_case("html") || e.eq_ignore_ascii_case("htm"))
}
