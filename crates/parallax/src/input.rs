//! The one input edge: a file's bytes and name in, an article's text out, or a clear error.
//!
//! The command line and the page both call [`load`], so the same file gives the same text
//! (or the same refusal) everywhere:
//!
//! - **Size.** Files over [`Options::max_bytes`] are refused before anything else is read.
//! - **Encoding.** UTF-8 (a byte-order mark is dropped), UTF-16 with a byte-order mark; other
//!   bytes are refused naming the first bad byte, unless [`Options::windows_1252`] asks to
//!   read them as Windows-1252 ([`crate::normalize::decode`] does the decoding). Binary data
//!   (NUL bytes, many control characters) is refused.
//! - **Kind** ([`FileKind`]), by the file's extension, then its MIME type, then its first tag:
//!   HTML is reduced to the article's main text ([`crate::extract::article_text`]), Markdown
//!   to its words ([`markdown_to_text`]), anything else is plain text.
//! - **Empty** input (nothing but white space and invisible characters,
//!   [`crate::normalize::is_blank`]), or HTML with no article text, is refused.
//!
//! The loaded text is what every report's offsets point into.

use crate::extract::article_text;
use crate::normalize::decode;
pub use crate::normalize::{is_blank, Encoding};
use crate::Error;
use std::fmt;

mod name;
pub use name::{page_name, text_name};

/// The largest file [`load`] reads by default: 2 MiB.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// How a file's text is read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// Plain text, kept as it is.
    Text,
    /// Markdown: line markers, emphasis and link targets dropped.
    Markdown,
    /// HTML: reduced to the article's main text.
    Html,
}

/// One file to load.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Source<'a> {
    /// The file's name (only its extension matters; empty for standard input).
    pub name: &'a str,
    /// Its MIME type when known (a browser gives one), else empty.
    pub mime: &'a str,
    /// Its bytes.
    pub bytes: &'a [u8],
}

/// What [`load`] accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Options {
    /// Files larger than this many bytes are refused.
    pub max_bytes: usize,
    /// Read bytes that are not UTF-8 as Windows-1252 instead of refusing them.
    pub windows_1252: bool,
}

impl Default for Options {
    fn default() -> Self {
        Self {
            max_bytes: MAX_BYTES,
            windows_1252: false,
        }
    }
}

/// A loaded article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Loaded {
    /// The article's text: what to compare, and what every offset points into.
    pub text: String,
    /// How it was read.
    pub kind: FileKind,
    /// The encoding it was read as (tell the reader when it is not UTF-8).
    pub encoding: Encoding,
    /// The outlet the article names itself by, when it does ([`page_name`] for an HTML page,
    /// else [`text_name`]): a better name for it than its file name.
    pub name: Option<String>,
}

/// Why a file was not loaded. `Display` says it for a reader, without the file's name.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum LoadError {
    /// Larger than [`Options::max_bytes`].
    TooLarge {
        /// The file's size in bytes.
        bytes: usize,
        /// The limit it passed.
        limit: usize,
    },
    /// Not UTF-8 (nor UTF-16 with a byte-order mark), and Windows-1252 was not asked for.
    NotUtf8 {
        /// Offset of the first byte that is not UTF-8.
        at: usize,
    },
    /// Binary data: an image, a PDF, an office document.
    Binary(Error),
    /// A type that is clearly not text (by extension or MIME type).
    UnsupportedType,
    /// No text at all.
    Empty,
    /// HTML in which no article text was found.
    NoArticleText,
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::TooLarge { bytes, limit } => write!(
                f,
                "is {}, larger than the {} limit",
                human_bytes(*bytes),
                human_bytes(*limit)
            ),
            LoadError::NotUtf8 { at } => write!(f, "is not valid UTF-8 (byte {at})"),
            LoadError::Binary(e) => write!(f, "{e}"),
            LoadError::UnsupportedType => {
                f.write_str("is not a text file (Parallax reads .txt, .md and .html)")
            }
            LoadError::Empty => f.write_str("is empty (no text to compare)"),
            LoadError::NoArticleText => f.write_str("has no article text (read as HTML)"),
        }
    }
}

impl std::error::Error for LoadError {}

/// Sizes for messages: bytes, KB or MB with one decimal.
///
/// # Example
///
/// ```
/// assert_eq!(parallax::input::human_bytes(2_500_000), "2.4 MB");
/// assert_eq!(parallax::input::human_bytes(900), "900 bytes");
/// ```
///
/// Integer arithmetic only (the page links this, and a float printer would cost its wasm some
/// 10 KB gzip); it rounds exactly as `format!("{:.0}")` / `format!("{:.1}")` would, halves to even.
pub fn human_bytes(bytes: usize) -> String {
    const KB: u128 = 1024;
    /// `numerator / denominator` rounded to the nearest integer, halves to even.
    fn rounded(numerator: u128, denominator: u128) -> u128 {
        let (q, r) = (numerator / denominator, numerator % denominator);
        let twice = 2 * r;
        if twice > denominator || (twice == denominator && q % 2 == 1) {
            q + 1
        } else {
            q
        }
    }
    let b = bytes as u128;
    if b < KB {
        format!("{bytes} bytes")
    } else if b < KB * KB {
        format!("{} KB", rounded(b, KB))
    } else {
        let tenths = rounded(b * 10, KB * KB);
        format!("{}.{} MB", tenths / 10, tenths % 10)
    }
}

/// Loads one file: size, encoding, kind, empty checks (see the module documentation).
///
/// # Errors
///
/// A [`LoadError`] saying what is wrong with the file.
///
/// # Example: the same bytes give the same text whoever calls
///
/// ```
/// use parallax::input::{load, FileKind, Options, Source};
/// let html = b"<html><body><nav>Home</nav><article><p>The bridge opened.</p></article></body></html>";
/// let loaded = load(&Source { name: "wire.html", mime: "", bytes: html }, &Options::default()).unwrap();
/// assert_eq!((loaded.text.as_str(), loaded.kind), ("The bridge opened.", FileKind::Html));
///
/// let utf16 = [0xFF, 0xFE, b'H', 0, b'i', 0];
/// let loaded = load(&Source { name: "a.txt", mime: "", bytes: &utf16 }, &Options::default()).unwrap();
/// assert_eq!(loaded.text, "Hi");
/// ```
pub fn load(source: &Source<'_>, options: &Options) -> Result<Loaded, LoadError> {
    if source.bytes.len() > options.max_bytes {
        return Err(LoadError::TooLarge {
            bytes: source.bytes.len(),
            limit: options.max_bytes,
        });
    }
    let decoded = decode(source.bytes).map_err(LoadError::Binary)?;
    if decoded.encoding == Encoding::Windows1252 && !options.windows_1252 {
        let at = std::str::from_utf8(source.bytes)
            .err()
            .map_or(0, |e| e.valid_up_to());
        return Err(LoadError::NotUtf8 { at });
    }
    if is_blank(&decoded.text) {
        return Err(LoadError::Empty);
    }
    let head: String = decoded.text.chars().take(64).collect();
    let kind = file_kind(source.name, source.mime, &head)?;
    let (text, page) = match kind {
        FileKind::Text => (decoded.text, None),
        FileKind::Markdown => (markdown_to_text(&decoded.text), None),
        FileKind::Html => (article_text(&decoded.text), page_name(&decoded.text)),
    };
    if is_blank(&text) {
        return Err(if kind == FileKind::Html {
            LoadError::NoArticleText
        } else {
            LoadError::Empty
        });
    }
    let name = page.or_else(|| text_name(&text));
    Ok(Loaded {
        text,
        kind,
        encoding: decoded.encoding,
        name,
    })
}

/// Decides how to read a file from its name, its MIME type and its first characters.
///
/// # Errors
///
/// [`LoadError::UnsupportedType`] for names and types that are clearly not text.
///
/// # Example
///
/// ```
/// use parallax::input::{file_kind, FileKind};
/// assert_eq!(file_kind("a.MD", "", ""), Ok(FileKind::Markdown));
/// assert_eq!(file_kind("", "", "  <!DOCTYPE html><p>x"), Ok(FileKind::Html));
/// assert_eq!(file_kind("notes", "text/plain", "Hello"), Ok(FileKind::Text));
/// assert!(file_kind("photo.jpg", "image/jpeg", "").is_err());
/// ```
pub fn file_kind(name: &str, mime: &str, head: &str) -> Result<FileKind, LoadError> {
    let lower = name.to_ascii_lowercase();
    let extension = lower.rsplit_once('.').map_or("", |(_, e)| e);
    let sniff: String = head
        .trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
        .chars()
        .take(14)
        .collect::<String>()
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

/// Reduces Markdown to readable text: heading, quote and list markers, emphasis markers,
/// images and link targets go; the words stay.
///
/// # Example
///
/// ```
/// let md = "# Title\n\n- A [link](http://x) and **bold** word\n> quoted";
/// assert_eq!(parallax::input::markdown_to_text(md), "Title\n\nA link and bold word\nquoted");
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::unique;

    #[test]
    fn human_bytes_says_what_the_float_printer_says() {
        let float = |bytes: usize| {
            const KB: f64 = 1024.0;
            let b = bytes as f64;
            if b < KB {
                format!("{bytes} bytes")
            } else if b < KB * KB {
                format!("{:.0} KB", b / KB)
            } else {
                format!("{:.1} MB", b / (KB * KB))
            }
        };
        let mut sizes: Vec<usize> = (0..5000).map(|k| k * 997).collect();
        sizes.extend([
            1023, 1024, 1535, 1536, 2560, 1_048_575, 1_048_576, 2_500_000, 2_097_152,
        ]);
        sizes.extend((0..200).map(|k| 1_048_576 + k * 52_429));
        for bytes in sizes {
            assert_eq!(human_bytes(bytes), float(bytes), "{bytes}");
        }
    }

    struct Case {
        name: &'static str,
        file: &'static str,
        mime: &'static str,
        bytes: &'static [u8],
        windows_1252: bool,
        expected: Result<(&'static str, FileKind), LoadError>,
    }

    const CASES: &[Case] = &[
        Case {
            name: "plain utf-8",
            file: "a.txt",
            mime: "",
            bytes: b"Rain fell.",
            windows_1252: false,
            expected: Ok(("Rain fell.", FileKind::Text)),
        },
        Case {
            name: "utf-8 bom dropped",
            file: "a.txt",
            mime: "text/plain",
            bytes: b"\xEF\xBB\xBFRain fell.",
            windows_1252: false,
            expected: Ok(("Rain fell.", FileKind::Text)),
        },
        Case {
            name: "utf-16 big-endian",
            file: "a.txt",
            mime: "",
            bytes: b"\xFE\xFF\x00R\x00a\x00i\x00n",
            windows_1252: false,
            expected: Ok(("Rain", FileKind::Text)),
        },
        Case {
            name: "windows-1252 refused",
            file: "a.txt",
            mime: "",
            bytes: b"caf\xE9 opens",
            windows_1252: false,
            expected: Err(LoadError::NotUtf8 { at: 3 }),
        },
        Case {
            name: "windows-1252 when asked",
            file: "a.txt",
            mime: "",
            bytes: b"caf\xE9 \x93opens\x94",
            windows_1252: true,
            expected: Ok(("café “opens”", FileKind::Text)),
        },
        Case {
            name: "markdown by extension",
            file: "a.md",
            mime: "",
            bytes: b"## Rain\n\n**Heavy** rain fell.",
            windows_1252: false,
            expected: Ok(("Rain\n\nHeavy rain fell.", FileKind::Markdown)),
        },
        Case {
            name: "html by sniffing with no name",
            file: "",
            mime: "",
            bytes: b"<!doctype html><title>x</title><p>Rain fell all day.</p>",
            windows_1252: false,
            expected: Ok(("Rain fell all day.", FileKind::Html)),
        },
        Case {
            name: "html without article text",
            file: "a.html",
            mime: "",
            bytes: b"<html><script>x()</script></html>",
            windows_1252: false,
            expected: Err(LoadError::NoArticleText),
        },
        Case {
            name: "white space only",
            file: "a.txt",
            mime: "",
            bytes: b" \n\t ",
            windows_1252: false,
            expected: Err(LoadError::Empty),
        },
        Case {
            name: "image by type",
            file: "photo.jpg",
            mime: "image/jpeg",
            bytes: b"not really a jpeg",
            windows_1252: false,
            expected: Err(LoadError::UnsupportedType),
        },
    ];

    #[test]
    fn case_names_are_unique() {
        assert!(unique(CASES.iter().map(|c| c.name)));
    }

    #[test]
    fn files_load_as_documented() {
        for case in CASES {
            let source = Source {
                name: case.file,
                mime: case.mime,
                bytes: case.bytes,
            };
            let options = Options {
                windows_1252: case.windows_1252,
                ..Options::default()
            };
            let got = load(&source, &options).map(|l| (l.text, l.kind));
            let expected = case.expected.clone().map(|(t, k)| (t.to_owned(), k));
            assert_eq!(got, expected, "{}", case.name);
        }
    }

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
        assert!(unique(KIND_CASES.iter().map(|c| c.name)));
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
    fn markdown_keeps_words_and_drops_syntax() {
        let md = "## Heading\n1. First ![pic](a.png)item\n* [unclosed link\n`code` __u__";
        assert_eq!(
            markdown_to_text(md),
            "Heading\nFirst item\n[unclosed link\ncode u"
        );
    }

    #[test]
    fn size_is_checked_before_decoding() {
        let bytes = vec![b'a'; 11];
        let source = Source {
            name: "a.txt",
            mime: "",
            bytes: &bytes,
        };
        let options = Options {
            max_bytes: 10,
            windows_1252: false,
        };
        assert_eq!(
            load(&source, &options),
            Err(LoadError::TooLarge {
                bytes: 11,
                limit: 10
            })
        );
    }

    #[test]
    fn binary_is_refused() {
        let source = Source {
            name: "a.txt",
            mime: "",
            bytes: b"PK\x03\x04\x00\x00",
        };
        assert!(matches!(
            load(&source, &Options::default()),
            Err(LoadError::Binary(_))
        ));
    }
}
