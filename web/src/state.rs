//! The page's plain-Rust rules: settings and their storage form, file loading, size guards,
//! keyboard stops and export names. No DOM here; tested natively.

use parallax::input;
pub use parallax::input::FileKind;
use std::fmt;

pub use parallax::input::human_bytes;

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
    /// How many article panes the page shows (2 to 10).
    pub const ARTICLES: &str = "parallax.articles";
    /// The reader's corrections (links rejected and added) as JSON.
    pub const CORRECTIONS: &str = "parallax.corrections";

    /// The name, text and Undo keys of the pane at `position`: the first two keep the keys
    /// of the two-article page (left, right), so stored articles survive the update.
    ///
    /// # Example
    ///
    /// ```
    /// use parallax_web::state::keys;
    /// assert_eq!(keys::article(1)[1], keys::RIGHT_TEXT);
    /// assert_eq!(keys::article(2)[0], "parallax.article.3.name");
    /// ```
    pub fn article(position: usize) -> [String; 3] {
        match position {
            0 => [LEFT_NAME, LEFT_TEXT, LEFT_UNDO].map(str::to_owned),
            1 => [RIGHT_NAME, RIGHT_TEXT, RIGHT_UNDO].map(str::to_owned),
            _ => ["name", "text", "undo"].map(|f| format!("parallax.article.{}.{f}", position + 1)),
        }
    }
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
/// assert!(!is_large(&["short", "short"]));
/// assert!(is_large(&[&"x".repeat(20_000), &"y".repeat(20_000)]));
/// ```
pub fn is_large(texts: &[&str]) -> bool {
    texts.iter().map(|t| t.len()).sum::<usize>() >= BUSY_BYTES
}

mod refusal;
pub use refusal::{
    article_label, article_name, check_articles, check_sizes, missing, Refusal, TooLong,
};

/// Files larger than this are refused before they are read (the engine loader's limit).
pub const MAX_FILE_BYTES: usize = input::MAX_BYTES;

/// The page's article limit, the engine loader's (2 MiB): longer articles are not compared in
/// the browser (the text stays in its box), and a share link holding a longer article is
/// refused before its text reaches a box ([`crate::share`] stops decompressing past it). The
/// comparison runs in a worker ([`crate::engine`]), so a long one never freezes the page.
pub const MAX_ARTICLE_BYTES: usize = input::MAX_BYTES;

/// The match threshold's range and step in the options bar.
pub const THRESHOLD_MIN: f64 = 0.05;
/// Upper end of the threshold range.
pub const THRESHOLD_MAX: f64 = 0.95;
/// Step of the threshold slider.
pub const THRESHOLD_STEP: f64 = 0.05;

/// Reads a stored threshold (a plain decimal number, [`parallax_html::number::parse_decimal`]);
/// anything unreadable gives `None`, values are clamped to range.
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
    let value = parallax_html::number::parse_decimal(stored.trim())?;
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
    /// Three or more articles: one row per fact, one column per article, and coverage.
    Grid,
}

/// An article's name as the page shows it: bidi controls dropped (a name from a share link
/// must not reorder the summary sentence it sits in), trimmed, `fallback` when empty.
///
/// # Example
///
/// ```
/// use parallax_web::state::display_name;
/// assert_eq!(display_name(" Wire\u{202E}txt ", "Left"), "Wiretxt");
/// assert_eq!(display_name("\u{2066} ", "Left"), "Left");
/// ```
pub fn display_name(name: &str, fallback: &str) -> String {
    let name: String = name
        .chars()
        .filter(|&c| !parallax::report::is_bidi_control(c))
        .collect();
    let name = name.trim();
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name.to_owned()
    }
}

/// Which file the export buttons make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Export {
    /// The report as JSON (`parallax-report` version 1).
    Json,
    /// The self-contained HTML page of `parallax compare --format html`.
    Html,
}

impl Export {
    /// Every export, in toolbar order.
    pub const ALL: [Export; 2] = [Export::Json, Export::Html];

    /// The file extension, also the button's `data-export` name.
    pub fn extension(self) -> &'static str {
        match self {
            Export::Json => "json",
            Export::Html => "html",
        }
    }

    /// The file's MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Export::Json => "application/json",
            Export::Html => "text/html",
        }
    }

    /// What the file is, for the announcement ("Saved … as JSON").
    pub fn what(self) -> &'static str {
        match self {
            Export::Json => "JSON",
            Export::Html => "an HTML page",
        }
    }

    /// The button's text.
    pub fn button_label(self) -> &'static str {
        match self {
            Export::Json => "Export JSON",
            Export::Html => "Export HTML",
        }
    }
}

/// A file the reader opened or dropped, as the browser read it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileBytes {
    /// The file's name.
    pub name: String,
    /// Its MIME type as the browser reports it (may be empty).
    pub mime: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// A file's text, ready for a text box.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The file's name without its extension, for the article name field.
    pub name: String,
    /// The text (HTML and Markdown already reduced to plain text).
    pub text: String,
    /// How the file was read.
    pub kind: FileKind,
    /// The encoding it was read as.
    pub encoding: parallax::input::Encoding,
}

/// Why a file could not be loaded. The text box keeps its content in every case. The
/// engine's loader (the same rules as the command line) gives the first four; on the page it
/// runs in the engine's worker ([`crate::engine::load_file`]), which sends them back as data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoadError {
    /// Binary data: an image, a PDF, an office document.
    Binary,
    /// Not UTF-8 (nor UTF-16 with a byte-order mark): the offset of the first bad byte.
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        at: usize,
    },
    /// Larger than the loader's limit.
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
        /// The limit it passed.
        limit: usize,
    },
    /// Any other refusal, in the loader's words ("is empty (no text to compare)").
    Refused(String),
    /// The browser could not read the file.
    Unreadable,
}

impl From<input::LoadError> for LoadError {
    fn from(error: input::LoadError) -> Self {
        match error {
            input::LoadError::Binary(_) => LoadError::Binary,
            input::LoadError::NotUtf8 { at } => LoadError::NotUtf8 { at },
            input::LoadError::TooLarge { bytes, limit } => LoadError::TooLarge { bytes, limit },
            other => LoadError::Refused(other.to_string()),
        }
    }
}

impl LoadError {
    /// Whether reading the file as Windows-1252 would load it.
    pub fn is_not_utf8(&self) -> bool {
        matches!(self, LoadError::NotUtf8 { .. })
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Binary => f.write_str(
                "This looks like a binary file (an image, PDF or office document). \
                 Save the article as plain text, Markdown or HTML first.",
            ),
            LoadError::NotUtf8 { at } => write!(
                f,
                "This file is not UTF-8 text (byte {at}). If it was saved as Windows-1252, \
                 read it as that; otherwise re-save it as UTF-8."
            ),
            LoadError::TooLarge { bytes, limit } => write!(
                f,
                "This file is {} — too large. Parallax reads files up to {}.",
                human_bytes(*bytes),
                human_bytes(*limit)
            ),
            LoadError::Refused(why) => write!(f, "This file {why}."),
            LoadError::Unreadable => f.write_str("The browser could not read this file."),
        }
    }
}

/// Loads a file's bytes with the engine's loader ([`parallax::input::load`]), the same one
/// the command line uses; `windows_1252` is the command line's `--encoding windows-1252`.
///
/// # Errors
///
/// The loader's reason as a [`LoadError`].
///
/// # Example
///
/// ```
/// use parallax_web::state::{load_file, FileBytes};
/// let file = FileBytes { name: "wire.txt".into(), mime: "text/plain".into(), bytes: b"caf\xE9".to_vec() };
/// assert!(load_file(&file, false).unwrap_err().is_not_utf8());
/// let loaded = load_file(&file, true).unwrap();
/// assert_eq!((loaded.name.as_str(), loaded.text.as_str()), ("wire", "café"));
/// ```
pub fn load_file(file: &FileBytes, windows_1252: bool) -> Result<Loaded, LoadError> {
    let source = input::Source {
        name: &file.name,
        mime: &file.mime,
        bytes: &file.bytes,
    };
    let options = input::Options {
        windows_1252,
        ..input::Options::default()
    };
    let loaded = input::load(&source, &options)?;
    Ok(Loaded::new(&file.name, loaded.text, loaded.kind, loaded.encoding).with_outlet(loaded.name))
}

impl Loaded {
    /// A loaded file named after `file_name` without its extension.
    pub fn new(
        file_name: &str,
        text: String,
        kind: FileKind,
        encoding: parallax::input::Encoding,
    ) -> Self {
        let stem = file_name
            .rsplit_once('.')
            .map_or(file_name, |(stem, _)| stem);
        Self {
            name: stem.to_owned(),
            text,
            kind,
            encoding,
        }
    }

    /// Named after the outlet the file names itself by (`og:site_name`, a wire dateline; see
    /// [`input::Loaded::name`]) when there is one, else as [`Loaded::new`].
    #[must_use]
    pub fn with_outlet(self, outlet: Option<String>) -> Self {
        match outlet.filter(|o| !o.trim().is_empty()) {
            Some(name) => Self { name, ..self },
            None => self,
        }
    }
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

/// The name a pane gets when the reader's own text replaces the built-in sample's: `None`
/// while the pane does not carry the sample's name (the reader named it, or a file did) or
/// still holds the sample's text; else the outlet the text names itself by (a wire
/// dateline, the site after its headline: [`input::text_name`]), or `neutral`.
///
/// # Example
///
/// ```
/// use parallax_web::state::name_for_own_text;
/// let sample = ("Coastal Wire", "Storm topples lighthouse.");
/// assert_eq!(name_for_own_text("Coastal Wire", sample, "Storm topples lighthouse.", "Article 1"), None);
/// assert_eq!(name_for_own_text("My paper", sample, "Rain fell.", "Article 1"), None);
/// assert_eq!(
///     name_for_own_text("Coastal Wire", sample, "Rain fell all day.", "Article 1").as_deref(),
///     Some("Article 1")
/// );
/// assert_eq!(
///     name_for_own_text("Coastal Wire", sample, "OSLO (Reuters) - Rain fell.", "Article 1").as_deref(),
///     Some("Reuters")
/// );
/// ```
pub fn name_for_own_text(
    name: &str,
    (sample_name, sample_text): (&str, &str),
    text: &str,
    neutral: &str,
) -> Option<String> {
    if name != sample_name || text == sample_text {
        return None;
    }
    Some(input::text_name(text).unwrap_or_else(|| neutral.to_owned()))
}

/// A file name for the exported report, from the article names: both names for two
/// articles, the first and a count for more.
///
/// # Example
///
/// ```
/// use parallax_web::state::export_file_name;
/// let name = export_file_name(&["Coastal Wire", "Évening/Ledger"], "json");
/// assert_eq!(name, "parallax-coastal-wire-vs-evening-ledger.json");
/// assert_eq!(export_file_name(&["AP", "Kyodo", "BBC"], "html"), "parallax-ap-and-2-more.html");
/// ```
pub fn export_file_name(names: &[&str], extension: &str) -> String {
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
    match names {
        [left, right] => format!("parallax-{}-vs-{}.{extension}", slug(left), slug(right)),
        [first, rest @ ..] => format!(
            "parallax-{}-and-{}-more.{extension}",
            slug(first),
            rest.len()
        ),
        [] => format!("parallax-report.{extension}"),
    }
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

    #[test]
    fn files_load_through_the_engine_loader_and_windows_1252_is_opt_in() {
        let file = |name: &str, bytes: &[u8]| FileBytes {
            name: name.to_owned(),
            mime: String::new(),
            bytes: bytes.to_vec(),
        };
        let big = file("big.txt", &vec![b'a'; MAX_FILE_BYTES + 1]);
        let message = load_file(&big, false).unwrap_err().to_string();
        assert!(message.contains("2.0 MB"), "{message}");
        let latin = file("old.txt", b"caf\xe9 au lait");
        let refused = load_file(&latin, false).unwrap_err();
        assert!(refused.is_not_utf8());
        assert!(refused.to_string().contains("byte 3"), "{refused}");
        assert_eq!(load_file(&latin, true).unwrap().text, "café au lait");
        let utf16 = file("wide.txt", b"\xFF\xFEH\x00i\x00");
        let loaded = load_file(&utf16, false).unwrap();
        assert_eq!((loaded.name.as_str(), loaded.text.as_str()), ("wide", "Hi"));
        let binary = load_file(&file("x.txt", b"PK\x03\x04\x00"), false).unwrap_err();
        assert!(binary.to_string().contains("binary"), "{binary}");
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
    fn export_names_are_safe() {
        assert_eq!(
            export_file_name(&["", "!!!"], "json"),
            "parallax-article-vs-article.json"
        );
        let long = "a".repeat(100);
        assert!(export_file_name(&[&long, "b"], "json").len() < 100);
    }
}
