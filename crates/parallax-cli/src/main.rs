//! `parallax`: the Parallax engine on the command line.

mod render_grid;
mod render_text;

use clap::{Parser, Subcommand, ValueEnum};
use parallax::input;
use parallax::input::Encoding;
use parallax::report::Corrections;
use parallax::{compare_all_corrected, Article, Options};
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
    /// The largest input read, per article: a number of bytes, or with a unit `kB`, `MB` or
    /// `GB` (1024-based). A larger input is an input error; the page accepts 2 MB too.
    #[arg(long, global = true, value_name = "SIZE", value_parser = parse_size,
          default_value = "2MB")]
    max_input_bytes: u64,
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
    /// Compare 2 to 10 articles: align their sentences, group them into facts and show the
    /// word changes in each linked pair.
    ///
    /// Inputs may be plain text (`.txt`), Markdown (`.md`, read as text) or HTML (`.html`,
    /// `.htm`, or standard input that starts with `<!DOCTYPE html` or `<html`): from HTML
    /// only the article's text is kept (no scripts, styles, navigation, headers, footers), and
    /// every offset in the report is then a byte offset into that extracted text, not into the
    /// HTML file.
    ///
    /// JSON is the documented `parallax-report` format (docs/report-format.md); `text` is a
    /// side-by-side view for the terminal for two articles, and for three or more a fact grid
    /// (one row per fact, one column per article), the sentences only one article carries and
    /// the coverage matrix (coloured when standard output is a terminal and `NO_COLOR` is not
    /// set); `html` is one self-contained page to open, print or mail.
    #[command(after_help = "Exit status: 0 ok, 1 an input could not be read or \
                            written (missing, too large, binary, empty, not UTF-8), 2 usage \
                            error.")]
    Compare {
        /// The articles, 2 to 10 (`-` once for standard input); the first is the left one of
        /// a pair.
        #[arg(required = true, num_args = 2..=10, value_name = "ARTICLE")]
        articles: Vec<PathBuf>,
        /// The article whose order the fact grid's rows follow, counted from 1 in the order
        /// given (three or more articles).
        #[arg(long, value_name = "K", default_value_t = 1,
              value_parser = clap::value_parser!(u16).range(1..=10))]
        base: u16,
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
        /// The reader's corrections to apply: a JSON file holding either
        /// `{"rejected": [{"docs", "left", "right"}, …], "added": […]}` or a whole report (its
        /// `corrections` are taken, so a report the page exported re-applies). Corrections
        /// that name no link or sentence of these articles are ignored.
        #[arg(long, value_name = "FILE")]
        corrections: Option<PathBuf>,
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

/// Parses `--max-input-bytes`: `2097152`, `512kB`, `2MB`, `1GB` (units are 1024-based,
/// case-insensitive, the `B` optional).
fn parse_size(value: &str) -> Result<u64, String> {
    let trimmed = value.trim();
    let digits = trimmed
        .find(|c: char| !c.is_ascii_digit())
        .unwrap_or(trimmed.len());
    let (number, unit) = trimmed.split_at(digits);
    let unit = unit.trim().to_ascii_lowercase();
    let scale: u64 = match unit.strip_suffix('b').unwrap_or(&unit) {
        "" => 1,
        "k" => 1 << 10,
        "m" => 1 << 20,
        "g" => 1 << 30,
        _ => return Err(format!("`{value}` is not a size (try 2097152 or 2MB)")),
    };
    number
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(scale))
        .filter(|&n| n > 0)
        .ok_or_else(|| format!("`{value}` is not a size above zero (try 2097152 or 2MB)"))
}

/// The limit as the error message shows it: `2 MB`, `512 kB`, or `1000-byte`.
fn size_label(bytes: u64) -> String {
    match bytes {
        0 => "0-byte".to_owned(),
        b if b % (1 << 30) == 0 => format!("{} GB", b >> 30),
        b if b % (1 << 20) == 0 => format!("{} MB", b >> 20),
        b if b % (1 << 10) == 0 => format!("{} kB", b >> 10),
        b => format!("{b}-byte"),
    }
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
    let read_input = |path: &Path| read_input(path, cli.encoding, cli.max_input_bytes);
    match cli.command {
        Command::Compare {
            articles,
            base,
            format,
            threshold,
            out,
            ignore_case,
            ignore_punctuation,
            color,
            width,
            corrections,
        } => {
            let usage = |message: String| -> ! {
                use clap::CommandFactory as _;
                Cli::command()
                    .error(clap::error::ErrorKind::ValueValidation, message)
                    .exit()
            };
            if articles.iter().filter(|p| *p == Path::new("-")).count() > 1 {
                usage("standard input (`-`) can be only one of the articles".to_owned());
            }
            let base = usize::from(base) - 1;
            if base >= articles.len() {
                usage(format!(
                    "--base {}: there are only {} articles",
                    base + 1,
                    articles.len()
                ));
            }
            let corrections = match corrections.as_deref().map(read_corrections) {
                Some(Err(message)) => usage(message),
                Some(Ok(corrections)) => corrections,
                None => Corrections::default(),
            };
            let texts = articles
                .iter()
                .map(|path| read_input(path))
                .collect::<Result<Vec<_>, _>>()?;
            let names: Vec<String> = articles.iter().map(|p| display_name(p)).collect();
            let mut options = Options {
                ignore_case,
                ignore_punctuation,
                ..Options::default()
            };
            if let Some(threshold) = threshold {
                options.threshold = threshold;
            }
            let inputs: Vec<Article<'_>> = names
                .iter()
                .zip(&texts)
                .map(|(name, text)| Article::new(name, text))
                .collect();
            let report = compare_all_corrected(&inputs, &options, &corrections);
            let output = match format {
                CompareFormat::Json => serde_json::to_string_pretty(&report)
                    .map_err(|e| InputError(format!("cannot write the report: {e}")))?,
                CompareFormat::Html if report.documents.len() > 2 => {
                    parallax_html::render_all(&report, base)
                }
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
                    let text_options = render_text::TextOptions { width, color };
                    let mut text = if report.documents.len() > 2 {
                        render_grid::render(&report, base, text_options)
                    } else {
                        render_text::render(&report, text_options)
                    };
                    text.push_str(&corrections_note(&report.corrections));
                    text
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

/// Reads `--corrections`: a JSON file with a [`Corrections`] object or a whole report (its
/// `corrections`, none when it has none). The error is a usage error's message.
fn read_corrections(path: &Path) -> Result<Corrections, String> {
    let name = path.display();
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("--corrections {name}: cannot read it: {e}"))?;
    let value: serde_json::Value =
        serde_json::from_str(&text).map_err(|e| format!("--corrections {name}: not JSON: {e}"))?;
    let is_report = value.get("format").is_some() || value.get("documents").is_some();
    let corrections = if is_report {
        value.get("corrections").cloned().unwrap_or_default()
    } else if value.get("rejected").is_some() || value.get("added").is_some() {
        value
    } else {
        return Err(format!(
            "--corrections {name}: neither corrections (`rejected`, `added`) nor a \
             parallax report"
        ));
    };
    if corrections.is_null() {
        return Ok(Corrections::default());
    }
    serde_json::from_value(corrections).map_err(|e| {
        format!(
            "--corrections {name}: not corrections ({e}); expected {{\"rejected\": \
             [{{\"docs\": [0, 1], \"left\": [2], \"right\": [3]}}], \"added\": [...]}}"
        )
    })
}

/// The text format's last line when the reader corrected the links (else nothing).
fn corrections_note(corrections: &Corrections) -> String {
    if corrections.is_empty() {
        return String::new();
    }
    let links = |n: usize| {
        if n == 1 {
            "1 link".to_owned()
        } else {
            format!("{n} links")
        }
    };
    format!(
        "\nReader's corrections: {} added, {} rejected.\n",
        links(corrections.added.len()),
        links(corrections.rejected.len())
    )
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

/// Reads an input file (`-`: standard input) of at most `limit` bytes, decodes it and checks
/// that it has text.
fn read_input(path: &Path, encoding: InputEncoding, limit: u64) -> Result<String, InputError> {
    let stdin = path == Path::new("-");
    let name = if stdin {
        "stdin".to_owned()
    } else {
        path.display().to_string()
    };
    let bytes = if stdin {
        read_bounded(std::io::stdin().lock(), &name, limit)?
    } else if path.is_dir() {
        return Err(InputError(format!(
            "{name}: is a directory, not a text file"
        )));
    } else {
        let file = std::fs::File::open(path).map_err(|e| InputError(format!("{name}: {e}")))?;
        // A regular file says its size: refuse it before reading a byte.
        if file
            .metadata()
            .is_ok_and(|m| m.is_file() && m.len() > limit)
        {
            return Err(too_large(&name, limit));
        }
        read_bounded(file, &name, limit)?
    };
    // The page reads dropped files through the same loader: the same file, the same text.
    let source = input::Source {
        name: if stdin {
            ""
        } else {
            path.to_str().unwrap_or_default()
        },
        mime: "",
        bytes: &bytes,
    };
    let options = input::Options {
        windows_1252: encoding == InputEncoding::Windows1252,
        // The bounded read above already enforced `limit`.
        max_bytes: usize::MAX,
    };
    let loaded = input::load(&source, &options).map_err(|e| match e {
        input::LoadError::NotUtf8 { .. } => InputError(format!(
            "{name}: {e}; if it is a Windows-1252 file, add --encoding windows-1252"
        )),
        e => InputError(format!("{name}: {e}")),
    })?;
    if loaded.encoding != Encoding::Utf8 {
        eprintln!(
            "parallax: {name}: read as {} (offsets are into the decoded text)",
            loaded.encoding
        );
    }
    Ok(loaded.text)
}

/// Reads at most `limit` bytes from `reader` (a file, standard input, `/dev/zero`, an endless
/// pipe); more is an input error, found after reading one byte over the limit.
fn read_bounded(reader: impl Read, name: &str, limit: u64) -> Result<Vec<u8>, InputError> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| InputError(format!("{name}: {e}")))?;
    if bytes.len() as u64 > limit {
        return Err(too_large(name, limit));
    }
    Ok(bytes)
}

fn too_large(name: &str, limit: u64) -> InputError {
    InputError(format!(
        "{name}: larger than the {} limit (use --max-input-bytes to raise it)",
        size_label(limit)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `--max-input-bytes` values: (case name, value, bytes or `None` for a usage error).
    const SIZES: &[(&str, &str, Option<u64>)] = &[
        ("bytes", "1000", Some(1000)),
        ("one byte with unit", "1B", Some(1)),
        ("kilobytes", "512kB", Some(512 * 1024)),
        ("megabytes", "2MB", Some(2 * 1024 * 1024)),
        ("megabytes short, lower case", "10m", Some(10 * 1024 * 1024)),
        ("gigabytes with a space", "1 GB", Some(1 << 30)),
        ("zero", "0", None),
        ("no number", "MB", None),
        ("unknown unit", "2TB", None),
        ("negative", "-1", None),
        ("overflow", "99999999999GB", None),
    ];

    #[test]
    fn size_case_names_are_unique() {
        let mut names: Vec<&str> = SIZES.iter().map(|c| c.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), SIZES.len());
    }

    #[test]
    fn issue_19_sizes_parse() {
        for &(name, value, expected) in SIZES {
            assert_eq!(parse_size(value).ok(), expected, "{name}");
        }
        assert_eq!(size_label(2 * 1024 * 1024), "2 MB");
        assert_eq!(size_label(512 * 1024), "512 kB");
        assert_eq!(size_label(36), "36-byte");
    }
}
