//! The page's plain-Rust rules: settings and their storage form, file decoding, size guards,
//! keyboard stops and export names. No DOM here; tested natively.

use std::fmt;

/// Keys under which the page keeps its state in `localStorage`.
pub mod keys {
    /// Left article's name.
    pub const LEFT_NAME: &str = "parallax.left.name";
    /// Left article's text.
    pub const LEFT_TEXT: &str = "parallax.left.text";
    /// Right article's name.
    pub const RIGHT_NAME: &str = "parallax.right.name";
    /// Right article's text.
    pub const RIGHT_TEXT: &str = "parallax.right.text";
    /// Match threshold.
    pub const THRESHOLD: &str = "parallax.threshold";
    /// Colour theme chosen with the toggle.
    pub const THEME: &str = "parallax.theme";
    /// "Ignore case" option, `true` or `false`.
    pub const IGNORE_CASE: &str = "parallax.ignore_case";
    /// "Ignore punctuation" option, `true` or `false`.
    pub const IGNORE_PUNCTUATION: &str = "parallax.ignore_punctuation";
    /// Left article's name and text before its last replacement, for "Undo" after a reload
    /// ([`super::encode_pair`]).
    pub const LEFT_UNDO: &str = "parallax.left.undo";
    /// Right article's name and text before its last replacement.
    pub const RIGHT_UNDO: &str = "parallax.right.undo";
    /// A comparison opened from a share link (its payload), shown until the reader edits it,
    /// keeps it or goes back: kept apart, so a link never writes over the reader's articles.
    pub const SHARED: &str = "parallax.shared";
}

/// Two strings as one stored value: `<byte length>:<first><second>`.
///
/// # Example
///
/// ```
/// use parallax_web::state::{decode_pair, encode_pair};
/// let stored = encode_pair("Wire", "Text: with colons.");
/// assert_eq!(stored, "4:WireText: with colons.");
/// assert_eq!(decode_pair(&stored), Some(("Wire".to_owned(), "Text: with colons.".to_owned())));
/// assert_eq!(decode_pair("9:short"), None);
/// ```
pub fn encode_pair(first: &str, second: &str) -> String {
    format!("{}:{first}{second}", first.len())
}

/// Reads a value written by [`encode_pair`]; `None` when it is not one.
pub fn decode_pair(stored: &str) -> Option<(String, String)> {
    let (len, rest) = stored.split_once(':')?;
    let len: usize = len.parse().ok()?;
    Some((rest.get(..len)?.to_owned(), rest.get(len..)?.to_owned()))
}

/// Reads a stored switch: `true` or `false`, anything else `None`.
///
/// # Example
///
/// ```
/// use parallax_web::state::parse_switch;
/// assert_eq!(parse_switch("true"), Some(true));
/// assert_eq!(parse_switch(" false "), Some(false));
/// assert_eq!(parse_switch("yes"), None);
/// ```
pub fn parse_switch(stored: &str) -> Option<bool> {
    match stored.trim() {
        "true" => Some(true),
        "false" => Some(false),
        _ => None,
    }
}

/// Comparisons of this many bytes or more (both articles together) first show a
/// "Comparing…" note: they hold the page for a noticeable moment.
pub const BUSY_BYTES: usize = 24 * 1024;

/// Whether comparing these texts takes long enough to announce it first.
///
/// # Example
///
/// ```
/// use parallax_web::state::is_large;
/// assert!(!is_large("short", "short"));
/// assert!(is_large(&"x".repeat(20_000), &"y".repeat(20_000)));
/// ```
pub fn is_large(left: &str, right: &str) -> bool {
    left.len() + right.len() >= BUSY_BYTES
}

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;

/// The page's article limit: articles longer than this are not compared in the browser
/// (alignment grows with the product of both sentence counts; the text stays in its box), and
/// a share link holding a longer article is refused before its text reaches a box
/// ([`crate::share`] stops decompressing past it).
pub const MAX_ARTICLE_BYTES: usize = 200 * 1024;

/// The match threshold's range and step in the options bar.
pub const THRESHOLD_MIN: f64 = 0.05;
/// Upper end of the threshold range.
pub const THRESHOLD_MAX: f64 = 0.95;
/// Step of the threshold slider.
pub const THRESHOLD_STEP: f64 = 0.05;

/// Reads a stored threshold; anything unreadable gives `None`, values are clamped to range.
///
/// # Example
///
/// ```
/// use parallax_web::state::parse_threshold;
/// assert_eq!(parse_threshold("0.4"), Some(0.4));
/// assert_eq!(parse_threshold("7"), Some(0.95));
/// assert_eq!(parse_threshold("NaN"), None);
/// ```
pub fn parse_threshold(stored: &str) -> Option<f64> {
    let value: f64 = stored.trim().parse().ok()?;
    value
        .is_finite()
        .then(|| value.clamp(THRESHOLD_MIN, THRESHOLD_MAX))
}

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    /// Dark text on a light page.
    Light,
    /// Light text on a dark page.
    Dark,
}

impl Theme {
    /// The stored and `data-theme` form.
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
        }
    }

    /// Reads the stored form.
    pub fn parse(stored: &str) -> Option<Theme> {
        match stored {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            _ => None,
        }
    }

    /// The other theme.
    #[must_use]
    pub fn toggled(self) -> Theme {
        match self {
            Theme::Light => Theme::Dark,
            Theme::Dark => Theme::Light,
        }
    }
}

/// Which view shows the comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// Side-by-side rows.
    #[default]
    Aligned,
    /// Both articles in their own order with ribbons between linked sentences.
    Ribbons,
}

/// Why a file could not be loaded. The text box keeps its content in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// The file is larger than [`MAX_FILE_BYTES`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
    },
    /// The file holds NUL bytes: an image, a PDF, a word-processor file.
    Binary,
    /// The file is not UTF-8 text.
    NotUtf8,
    /// The file's type is not one the page reads.
    UnsupportedType,
    /// The browser could not read the file.
    Unreadable,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::TooLarge { bytes } => write!(
                f,
                "This file is {} — too large. Parallax reads files up to {}.",
                human_bytes(*bytes),
                human_bytes(MAX_FILE_BYTES)
            ),
            LoadError::Binary => f.write_str(
                "This looks like a binary file (an image, PDF or office document). \
                 Save the article as plain text, Markdown or HTML first.",
            ),
            LoadError::NotUtf8 => {
                f.write_str("This file is not UTF-8 text. Re-save it as UTF-8 and try again.")
            }
            LoadError::UnsupportedType => f.write_str("Parallax reads .txt, .md and .html files."),
            LoadError::Unreadable => f.write_str("The browser could not read this file."),
        }
    }
}

/// Sizes for messages: bytes, KB or MB with one decimal.
///
/// # Example
///
/// ```
/// assert_eq!(parallax_web::state::human_bytes(2_500_000), "2.4 MB");
/// ```
pub fn human_bytes(bytes: usize) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{:.0} KB", b / KB)
    } else {
        format!("{:.1} MB", b / (KB * KB))
    }
}

/// How a file's text must be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text, kept as is.
    Text,
    /// Markdown: line markers and link syntax dropped.
    Markdown,
    /// HTML: reduced to the article's main text by the engine's extractor (as in the CLI).
    Html,
}

/// Decides how to read a file from its name, its MIME type and its first bytes.
///
/// # Errors
///
/// [`LoadError::UnsupportedType`] for names and types that are clearly not text.
pub fn file_kind(name: &str, mime: &str, head: &str) -> Result<FileKind, LoadError> {
    let lower = name.to_ascii_lowercase();
    let extension = lower.rsplit_once('.').map_or("", |(_, e)| e);
    let sniff = head
        .trim_start()
        .get(..15)
        .unwrap_or("")
        .to_ascii_lowercase();
    match extension {
        "html" | "htm" | "xhtml" => Ok(FileKind::Html),
        "md" | "markdown" => Ok(FileKind::Markdown),
        "txt" | "text" => Ok(FileKind::Text),
        _ if mime.starts_with("text/html") || mime == "application/xhtml+xml" => Ok(FileKind::Html),
        _ if sniff.starts_with("<!doctype html") || sniff.starts_with("<html") => {
            Ok(FileKind::Html)
        }
        _ if mime == "text/markdown" => Ok(FileKind::Markdown),
        _ if mime.is_empty() || mime.starts_with("text/") => Ok(FileKind::Text),
        _ => Err(LoadError::UnsupportedType),
    }
}

/// Turns a file's bytes into text: refuses large, binary and non-UTF-8 files, drops a BOM.
///
/// # Errors
///
/// [`LoadError::TooLarge`], [`LoadError::Binary`] or [`LoadError::NotUtf8`].
///
/// # Example
///
/// ```
/// use parallax_web::state::{decode_file, LoadError};
/// assert_eq!(decode_file(b"\xEF\xBB\xBFHello").as_deref(), Ok("Hello"));
/// assert_eq!(decode_file(b"PK\x03\x04\x00\x00"), Err(LoadError::Binary));
/// ```
pub fn decode_file(bytes: &[u8]) -> Result<String, LoadError> {
    if bytes.len() > MAX_FILE_BYTES {
        return Err(LoadError::TooLarge { bytes: bytes.len() });
    }
    if bytes.contains(&0) {
        return Err(LoadError::Binary);
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes).map_err(|_| LoadError::NotUtf8)?;
    Ok(text.replace("\r\n", "\n"))
}

/// Collapses runs of white space (including non-breaking spaces) to one space and trims.
///
/// # Example
///
/// ```
/// assert_eq!(parallax_web::state::collapse_whitespace("  a \n\t b\u{a0}c "), "a b c");
/// ```
pub fn collapse_whitespace(text: &str) -> String {
    text.split(|c: char| c.is_whitespace())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// Joins the text lines extracted from an HTML page: white space collapsed, empty lines and
/// immediate repeats dropped, one blank line between paragraphs.
pub fn join_lines<'a>(lines: impl IntoIterator<Item = &'a str>) -> String {
    let mut out: Vec<String> = Vec::new();
    for line in lines {
        let line = collapse_whitespace(line);
        if !line.is_empty() && out.last() != Some(&line) {
            out.push(line);
        }
    }
    out.join("\n\n")
}

/// Reduces Markdown to readable text: heading, quote and list markers, emphasis markers,
/// images and link targets go; the words stay.
///
/// # Example
///
/// ```
/// let md = "# Title\n\n- A [link](http://x) and **bold** word\n> quoted";
/// assert_eq!(parallax_web::state::markdown_to_text(md), "Title\n\nA link and bold word\nquoted");
/// ```
pub fn markdown_to_text(markdown: &str) -> String {
    markdown
        .lines()
        .map(|line| {
            let mut rest = line.trim_start();
            loop {
                let before = rest;
                rest = rest
                    .trim_start_matches('#')
                    .trim_start_matches('>')
                    .trim_start();
                for marker in ["- ", "* ", "+ "] {
                    rest = rest.strip_prefix(marker).unwrap_or(rest);
                }
                if let Some((number, after)) = rest.split_once(". ") {
                    if !number.is_empty() && number.chars().all(|c| c.is_ascii_digit()) {
                        rest = after;
                    }
                }
                if rest == before {
                    break;
                }
            }
            strip_inline_markdown(rest.trim_end())
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Drops `![alt](src)` images, keeps the text of `[text](href)` links, drops `**`, `__` and
/// backticks.
fn strip_inline_markdown(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while let Some(open) = rest.find('[') {
        let image = open > 0 && rest[..open].ends_with('!');
        let close = rest[open..].find("](").map(|c| open + c);
        let end = close.and_then(|c| rest[c..].find(')').map(|e| c + e));
        if let (Some(close), Some(end)) = (close, end) {
            let keep_until = if image { open - 1 } else { open };
            out.push_str(&rest[..keep_until]);
            if !image {
                out.push_str(&rest[open + 1..close]);
            }
            rest = &rest[end + 1..];
        } else {
            out.push_str(&rest[..=open]);
            rest = &rest[open + 1..];
        }
    }
    out.push_str(rest);
    out.replace("**", "").replace("__", "").replace('`', "")
}

/// Why the comparison is not run; the text boxes keep their content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooLong {
    /// Which article (0 left, 1 right).
    pub doc: usize,
    /// Its length in bytes.
    pub bytes: usize,
}

impl fmt::Display for TooLong {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = if self.doc == 0 { "left" } else { "right" };
        write!(
            f,
            "The {side} article is {}. The page compares articles up to {} each; \
             shorten it or use the command-line tool.",
            human_bytes(self.bytes),
            human_bytes(MAX_ARTICLE_BYTES)
        )
    }
}

/// Guards the compare step: both texts must be short enough to align in the browser.
///
/// # Errors
///
/// [`TooLong`] naming the first article over [`MAX_ARTICLE_BYTES`].
pub fn check_sizes(left: &str, right: &str) -> Result<(), TooLong> {
    for (doc, text) in [left, right].into_iter().enumerate() {
        if text.len() > MAX_ARTICLE_BYTES {
            return Err(TooLong {
                doc,
                bytes: text.len(),
            });
        }
    }
    Ok(())
}

/// Why a comparison is not run. The text boxes keep their content in every case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// An article has no text: which one (0 left, 1 right), or `None` when both are empty.
    Missing {
        /// The empty article, `None` for both.
        doc: Option<usize>,
    },
    /// An article is over the page's article limit.
    TooLong(TooLong),
}

impl Refusal {
    /// Whether the refusal reports a problem (an alert) rather than a state to fill in.
    pub fn is_problem(&self) -> bool {
        matches!(self, Refusal::TooLong(_))
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let side = |doc: usize| if doc == 0 { "left" } else { "right" };
        match self {
            Refusal::Missing { doc: None } => {
                f.write_str("Both articles are empty: give each side an article to compare them.")
            }
            Refusal::Missing { doc: Some(doc) } => write!(
                f,
                "The {} article is empty: a comparison needs two articles.",
                side(*doc)
            ),
            Refusal::TooLong(too_long) => too_long.fmt(f),
        }
    }
}

impl From<TooLong> for Refusal {
    fn from(too_long: TooLong) -> Self {
        Refusal::TooLong(too_long)
    }
}

/// Guards the compare step: two articles with text, each within the article limit.
///
/// # Errors
///
/// [`Refusal::Missing`] when an article is blank, else [`Refusal::TooLong`].
///
/// # Example
///
/// ```
/// use parallax_web::state::{check_articles, Refusal};
/// assert_eq!(check_articles("One.", "  \n"), Err(Refusal::Missing { doc: Some(1) }));
/// assert_eq!(check_articles("One.", "Two."), Ok(()));
/// ```
pub fn check_articles(left: &str, right: &str) -> Result<(), Refusal> {
    match (left.trim().is_empty(), right.trim().is_empty()) {
        (true, true) => return Err(Refusal::Missing { doc: None }),
        (true, false) => return Err(Refusal::Missing { doc: Some(0) }),
        (false, true) => return Err(Refusal::Missing { doc: Some(1) }),
        (false, false) => {}
    }
    Ok(check_sizes(left, right)?)
}

/// The next keyboard stop after `current` (forward) or before it (backward).
/// Without a current position, forward starts at the first stop and backward at the last.
/// At either end there is no further stop.
///
/// # Example
///
/// ```
/// use parallax_web::state::next_stop;
/// assert_eq!(next_stop(&[2, 5, 9], Some(5), true), Some(9));
/// assert_eq!(next_stop(&[2, 5, 9], Some(3), false), Some(2));
/// assert_eq!(next_stop(&[2, 5, 9], Some(9), true), None);
/// ```
pub fn next_stop<T: Ord + Copy>(stops: &[T], current: Option<T>, forward: bool) -> Option<T> {
    match (current, forward) {
        (None, true) => stops.first().copied(),
        (None, false) => stops.last().copied(),
        (Some(at), true) => stops.iter().copied().find(|&s| s > at),
        (Some(at), false) => stops.iter().copied().rev().find(|&s| s < at),
    }
}

/// The keys the page answers to outside text fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    /// Next difference (`j`, `n`).
    Next,
    /// Previous difference (`k`, `p`).
    Previous,
    /// Pin or unpin the focused sentence (Enter).
    Pin,
    /// Clear the pin and highlights (Escape).
    Clear,
}

/// Maps a key press to a command. Text fields, modifier keys and other keys give `None`,
/// so typing is never taken over.
///
/// # Example
///
/// ```
/// use parallax_web::state::{command_for, Command};
/// assert_eq!(command_for("j", false, "P"), Some(Command::Next));
/// assert_eq!(command_for("j", false, "TEXTAREA"), None);
/// ```
pub fn command_for(key: &str, modified: bool, target_tag: &str) -> Option<Command> {
    if modified || matches!(target_tag, "INPUT" | "TEXTAREA" | "SELECT") {
        return None;
    }
    match key {
        "j" | "n" => Some(Command::Next),
        "k" | "p" => Some(Command::Previous),
        "Enter" if !matches!(target_tag, "BUTTON" | "A") => Some(Command::Pin),
        "Escape" => Some(Command::Clear),
        _ => None,
    }
}

/// A file name for the exported report, from both article names.
///
/// # Example
///
/// ```
/// let name = parallax_web::state::export_file_name("Coastal Wire", "Évening/Ledger", "json");
/// assert_eq!(name, "parallax-coastal-wire-vs-evening-ledger.json");
/// ```
pub fn export_file_name(left: &str, right: &str, extension: &str) -> String {
    let slug = |name: &str| -> String {
        let mut out = String::new();
        for c in name.chars() {
            let c = fold_accent(c).to_ascii_lowercase();
            if c.is_ascii_alphanumeric() {
                out.push(c);
            } else if !out.is_empty() && !out.ends_with('-') {
                out.push('-');
            }
            if out.len() >= 40 {
                break;
            }
        }
        let trimmed = out.trim_end_matches('-');
        if trimmed.is_empty() {
            "article".to_owned()
        } else {
            trimmed.to_owned()
        }
    };
    format!("parallax-{}-vs-{}.{extension}", slug(left), slug(right))
}

/// Common Latin accented letters to their base letter, for file names.
fn fold_accent(c: char) -> char {
    match c {
        'à'..='å' | 'À'..='Å' => 'a',
        'è'..='ë' | 'È'..='Ë' => 'e',
        'ì'..='ï' | 'Ì'..='Ï' => 'i',
        'ò'..='ö' | 'Ò'..='Ö' => 'o',
        'ù'..='ü' | 'Ù'..='Ü' => 'u',
        'ç' | 'Ç' => 'c',
        'ñ' | 'Ñ' => 'n',
        'ß' => 's',
        other => other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    struct KindCase {
        name: &'static str,
        file: &'static str,
        mime: &'static str,
        head: &'static str,
        expected: Result<FileKind, LoadError>,
    }

    const KIND_CASES: &[KindCase] = &[
        KindCase {
            name: "html by extension",
            file: "story.HTML",
            mime: "",
            head: "",
            expected: Ok(FileKind::Html),
        },
        KindCase {
            name: "markdown by extension",
            file: "notes.md",
            mime: "",
            head: "# Title",
            expected: Ok(FileKind::Markdown),
        },
        KindCase {
            name: "text by extension",
            file: "a.txt",
            mime: "text/plain",
            head: "<html>",
            expected: Ok(FileKind::Text),
        },
        KindCase {
            name: "html sniffed without extension",
            file: "download",
            mime: "",
            head: "  <!DOCTYPE html><html>",
            expected: Ok(FileKind::Html),
        },
        KindCase {
            name: "html by mime",
            file: "page",
            mime: "text/html; charset=utf-8",
            head: "",
            expected: Ok(FileKind::Html),
        },
        KindCase {
            name: "image refused",
            file: "photo.jpg",
            mime: "image/jpeg",
            head: "",
            expected: Err(LoadError::UnsupportedType),
        },
        KindCase {
            name: "unknown extension read as text",
            file: "article.body",
            mime: "",
            head: "Hello",
            expected: Ok(FileKind::Text),
        },
    ];

    #[test]
    fn kind_case_names_are_unique() {
        let names: BTreeSet<&str> = KIND_CASES.iter().map(|c| c.name).collect();
        assert_eq!(names.len(), KIND_CASES.len());
    }

    #[test]
    fn file_kinds() {
        for case in KIND_CASES {
            assert_eq!(
                file_kind(case.file, case.mime, case.head),
                case.expected,
                "case {}",
                case.name
            );
        }
    }

    #[test]
    fn decode_refuses_large_binary_and_latin1() {
        let big = vec![b'a'; MAX_FILE_BYTES + 1];
        assert_eq!(
            decode_file(&big),
            Err(LoadError::TooLarge {
                bytes: MAX_FILE_BYTES + 1
            })
        );
        assert_eq!(decode_file(b"caf\xe9"), Err(LoadError::NotUtf8));
        assert_eq!(decode_file(b"a\r\nb").as_deref(), Ok("a\nb"));
        let message = LoadError::TooLarge { bytes: 3 << 20 }.to_string();
        assert!(
            message.contains("3.0 MB") && message.contains("2.0 MB"),
            "{message}"
        );
    }

    #[test]
    fn threshold_parsing() {
        assert_eq!(parse_threshold(" 0.55 "), Some(0.55));
        assert_eq!(parse_threshold("-1"), Some(THRESHOLD_MIN));
        assert_eq!(parse_threshold(""), None);
        assert_eq!(parse_threshold("inf"), None);
    }

    #[test]
    fn themes_round_trip() {
        for theme in [Theme::Light, Theme::Dark] {
            assert_eq!(Theme::parse(theme.as_str()), Some(theme));
            assert_ne!(theme.toggled(), theme);
        }
        assert_eq!(Theme::parse("auto"), None);
    }

    #[test]
    fn size_guard_names_the_long_side() {
        let long = "x".repeat(MAX_ARTICLE_BYTES + 1);
        assert_eq!(check_sizes("short", "short"), Ok(()));
        let err = check_sizes("short", &long).unwrap_err();
        assert_eq!(err.doc, 1);
        assert!(err.to_string().contains("right article"));
    }

    /// Issue 19.9: one article alone is not compared (no empty 0% comparison).
    #[test]
    fn issue_19_one_article_is_refused_with_a_message() {
        assert_eq!(
            check_articles("", "Text."),
            Err(Refusal::Missing { doc: Some(0) })
        );
        assert_eq!(
            check_articles(" ", "\n"),
            Err(Refusal::Missing { doc: None })
        );
        let long = "x".repeat(MAX_ARTICLE_BYTES + 1);
        let refusal = check_articles(&long, "Text.").unwrap_err();
        assert!(refusal.is_problem());
        assert!(refusal.to_string().contains("left article is"));
        let missing = check_articles("Text.", "").unwrap_err();
        assert!(!missing.is_problem());
        assert!(
            missing.to_string().contains("right article is empty"),
            "{missing}"
        );
    }

    #[test]
    fn keys_are_not_stolen_from_text_fields() {
        for tag in ["INPUT", "TEXTAREA", "SELECT"] {
            for key in ["j", "k", "n", "p", "Enter", "Escape"] {
                assert_eq!(command_for(key, false, tag), None, "{key} in {tag}");
            }
        }
        assert_eq!(command_for("k", true, "BODY"), None);
        assert_eq!(command_for("p", false, "P"), Some(Command::Previous));
        assert_eq!(command_for("Enter", false, "BUTTON"), None);
        assert_eq!(command_for("Escape", false, "BUTTON"), Some(Command::Clear));
        assert_eq!(command_for("x", false, "BODY"), None);
    }

    #[test]
    fn stops_walk_both_ways_and_stop_at_the_ends() {
        let stops = [(0, 1), (0, 4), (1, 0)];
        assert_eq!(next_stop(&stops, None, true), Some((0, 1)));
        assert_eq!(next_stop(&stops, None, false), Some((1, 0)));
        assert_eq!(next_stop(&stops, Some((0, 4)), true), Some((1, 0)));
        assert_eq!(next_stop(&stops, Some((0, 1)), false), None);
        assert_eq!(next_stop::<usize>(&[], None, true), None);
    }

    #[test]
    fn html_lines_are_joined_as_paragraphs() {
        let joined = join_lines(["  Title ", "", "Body\n text.", "Body text.", "End."]);
        assert_eq!(joined, "Title\n\nBody text.\n\nEnd.");
    }

    #[test]
    fn markdown_keeps_words_and_drops_syntax() {
        let md = "## Heading\n1. First ![pic](a.png)item\n* [unclosed link\n`code` __u__";
        assert_eq!(
            markdown_to_text(md),
            "Heading\nFirst item\n[unclosed link\ncode u"
        );
    }

    #[test]
    fn export_names_are_safe() {
        assert_eq!(
            export_file_name("", "!!!", "json"),
            "parallax-article-vs-article.json"
        );
        let long = "a".repeat(100);
        assert!(export_file_name(&long, "b", "json").len() < 100);
    }
}
