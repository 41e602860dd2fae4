//! `--format text`: the report as a side-by-side terminal view, with or without colour.
//!
//! Two columns (left article, right article) under a summary; every row starts with a rule
//! that names its kind (and similarity). Links that share a sentence are one row, so each
//! sentence shows once; the rule of such a row says how many links it holds. The terminal
//! always shows the word diff (also for paraphrases, which the page shows quietly). Without colour, removed words read `[-…-]` and
//! added words `{+…+}`; with colour they are red and struck through, green and underlined,
//! headlines are bold and page furniture, bylines and captions dim. A "Discrepancies" list at
//! the end names every discrepancy flag (kind, severity, note) with a short excerpt of each
//! side's sentence around the flagged words.
//!
//! Article text and names never reach the terminal raw: every control character (C0, DEL,
//! C1, and so every escape sequence) and every bidi control is shown as a visible symbol
//! (see [`visible`]), so an article cannot retitle, clear, recolour or reorder the reader's
//! terminal. The only escapes written are this renderer's own colours.

use parallax::report::{Report, SentenceKind};
use parallax_view::{rows, FlagSpot, FlagView, Mark, Row, RowKind, SentenceView};
use std::borrow::Cow;
use std::fmt::Write as _;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// How to draw the view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TextOptions {
    /// Total width in columns (at least 40 is used).
    pub width: usize,
    /// Use ANSI colours and styles instead of `[-…-]` / `{+…+}` markers.
    pub color: bool,
}

const SEPARATOR: &str = " │ ";
/// The display width of [`SEPARATOR`].
const SEPARATOR_WIDTH: usize = 3;
const RESET: &str = "\x1b[0m";

/// Renders the report for a terminal.
pub fn render(report: &Report, options: TextOptions) -> String {
    let width = options.width.max(40);
    let column = (width - SEPARATOR_WIDTH) / 2;
    let paint = Paint {
        color: options.color,
    };
    let rows = rows(report);
    let mut out = String::new();
    summary(&mut out, report, &rows, width, paint);
    let name = |doc: usize| {
        report
            .documents
            .get(doc)
            .map_or(if doc == 0 { "left" } else { "right" }, |d| d.name.as_str())
    };
    let heading = [name(0), name(1)].map(|n| vec![Word::plain(n)]);
    out.push('\n');
    for line in columns(
        &[heading[0].clone()],
        &[heading[1].clone()],
        column,
        paint,
        "1",
    ) {
        out.push_str(&line);
        out.push('\n');
    }
    for row in &rows {
        out.push_str(&rule(row, width, paint));
        out.push('\n');
        let left = words(&row.left, row.is_unsure(), paint);
        let right = words(&row.right, row.is_unsure(), paint);
        for line in columns(&[left], &[right], column, paint, "") {
            out.push_str(&line);
            out.push('\n');
        }
    }
    discrepancies(&mut out, report, &rows, width, paint);
    out
}

/// ANSI styling, or none.
#[derive(Debug, Clone, Copy)]
struct Paint {
    color: bool,
}

impl Paint {
    fn style(self, codes: &str, text: &str) -> String {
        if self.color && !codes.is_empty() {
            format!("\x1b[{codes}m{text}{RESET}")
        } else {
            text.to_owned()
        }
    }
}

/// The ANSI codes of a row kind's badge.
fn kind_codes(kind: RowKind) -> &'static str {
    match kind.name() {
        "identical" => "2",
        "minor" => "34",
        "paraphrase" => "35",
        "partial" => "33",
        "only-left" => "31",
        "only-right" => "32",
        _ => "",
    }
}

/// The summary on top: one labelled line per number, wrapped to `width`.
fn summary(out: &mut String, report: &Report, rows: &[Row], width: usize, paint: Paint) {
    let stats = &report.stats;
    let names: Vec<&str> = report.documents.iter().map(|d| d.name.as_str()).collect();
    let label_width = names
        .iter()
        .map(|n| visible(n).width())
        .max()
        .unwrap_or(0)
        .clamp(9, width / 3);
    let mut line = |label: &str, value: Vec<Word>| {
        let label_lines = wrap(&[Word::plain(label)], label_width);
        let value_lines = wrap(&value, width - label_width - 3);
        for i in 0..label_lines.len().max(value_lines.len()) {
            let label = label_lines
                .get(i)
                .map(|l| l[0].parts[0].0.clone())
                .unwrap_or_default();
            let pad = label_width.saturating_sub(label.width());
            let value: Vec<String> = value_lines
                .get(i)
                .map(|l| l.iter().map(|w| w.render(paint)).collect())
                .unwrap_or_default();
            let text = format!(
                "  {}{} {}",
                paint.style("1", &label),
                " ".repeat(pad),
                value.join(" ")
            );
            out.push_str(text.trim_end());
            out.push('\n');
        }
    };
    let plain = |text: &str| -> Vec<Word> { text.split(' ').map(Word::plain).collect() };
    let styled = |text: &str, codes: &'static str| -> Vec<Word> {
        text.split(' ')
            .map(|w| Word {
                parts: vec![(w.to_owned(), if paint.color { codes } else { "" })],
            })
            .collect()
    };
    for (doc, name) in names.iter().enumerate() {
        let share = stats.matched_share.get(doc).copied().unwrap_or(0.0);
        line(
            name,
            plain(&format!(
                "{:.0}% of the body text has a counterpart",
                share * 100.0
            )),
        );
    }
    let mut kinds = Vec::new();
    for (&kind, n) in &stats.link_kinds {
        let kind = RowKind::Link(kind);
        if !kinds.is_empty() {
            kinds.push(Word::plain("·"));
        }
        kinds.extend(styled(kind.label(), kind_codes(kind)));
        kinds.push(Word::plain(&n.to_string()));
    }
    line(
        "links",
        if kinds.is_empty() {
            plain("none")
        } else {
            kinds
        },
    );
    let count = |doc: usize| report.unmatched.get(doc).map_or(0, Vec::len).to_string();
    let mut unmatched = styled("only left", kind_codes(RowKind::OnlyLeft));
    unmatched.push(Word::plain(&count(0)));
    unmatched.push(Word::plain("·"));
    unmatched.extend(styled("only right", kind_codes(RowKind::OnlyRight)));
    unmatched.push(Word::plain(&count(1)));
    line("unmatched", unmatched);
    line(
        "words",
        plain(&format!(
            "{} removed · {} added",
            stats.words_removed, stats.words_added
        )),
    );
    let flags: Vec<&FlagView> = rows.iter().flat_map(|r| &r.flags).collect();
    let conflicts = flags.iter().filter(|f| f.is_conflict()).count();
    let variants = flags.len() - conflicts;
    // The label fits the narrowest label column (9), like the others.
    line(
        "flags",
        if flags.is_empty() {
            plain("none")
        } else {
            plain(&format!(
                "{conflicts} conflict{} · {variants} variant{}",
                plural(conflicts),
                plural(variants)
            ))
        },
    );
}

/// `"s"` unless `n` is one.
fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// The list at the end: every discrepancy flag in row order, its kind, severity and note, and
/// an excerpt of each side's sentence around the flagged words. Nothing when there is none.
fn discrepancies(out: &mut String, report: &Report, rows: &[Row], width: usize, paint: Paint) {
    let flagged: Vec<(&Row, &FlagView)> = rows
        .iter()
        .flat_map(|row| row.flags.iter().map(move |flag| (row, flag)))
        .collect();
    if flagged.is_empty() {
        return;
    }
    let name = |doc: usize| {
        visible(
            report
                .documents
                .get(doc)
                .map_or(if doc == 0 { "left" } else { "right" }, |d| d.name.as_str()),
        )
        .into_owned()
    };
    let label_width = name(0).width().max(name(1).width()).clamp(5, width / 4);
    let excerpt_width = width.saturating_sub(label_width + 6).max(10);
    out.push('\n');
    let title = format!("Discrepancies ({})", flagged.len());
    let fill = width.saturating_sub(title.width() + 4);
    let _ = writeln!(
        out,
        "{} {} {}",
        paint.style("2", "══"),
        paint.style("1", &title),
        paint.style("2", &"═".repeat(fill))
    );
    for (row, flag) in flagged {
        let codes = if flag.is_conflict() { "33" } else { "36" };
        let head = format!("{} · {}", flag.kind, flag.severity);
        let note: Vec<Word> = visible(&flag.note).split(' ').map(Word::plain).collect();
        let indent = head.width() + 4;
        for (i, words) in wrap(&note, width.saturating_sub(indent).max(10))
            .iter()
            .enumerate()
        {
            let text: Vec<String> = words.iter().map(|w| w.render(paint)).collect();
            let lead = if i == 0 {
                format!("  {}  ", paint.style(codes, &head))
            } else {
                " ".repeat(indent)
            };
            let _ = writeln!(out, "{lead}{}", text.join(" "));
        }
        for (doc, spot, sentences) in [(0, &flag.left, &row.left), (1, &flag.right, &row.right)] {
            // The sentence holding the flagged words, or the side's first sentence.
            let holder = match spot {
                Some(spot) => sentences.iter().find(|s| s.sentence == spot.sentence),
                None => sentences.first(),
            };
            let Some(holder) = holder else { continue };
            let name = cut_to(&name(doc), label_width);
            let pad = " ".repeat(label_width.saturating_sub(name.width()));
            let line = excerpt(&holder.text(), spot.as_ref(), excerpt_width, paint);
            let _ = writeln!(out, "    {}{pad}  {line}", paint.style("2", &name));
        }
    }
}

/// `text` cut to at most `width` columns, with `…` where it was cut.
pub(crate) fn cut_to(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w + 1 > width {
            break;
        }
        out.push(c);
        used += w;
    }
    out.push('…');
    out
}

/// At most `width` columns of a sentence, around the flagged words (bold when in colour):
/// the whole sentence when it fits, else a window with `…` where it was cut.
fn excerpt(text: &str, spot: Option<&FlagSpot>, width: usize, paint: Paint) -> String {
    // The spot's range is into the sentence's shown text, which the pieces spell out.
    let [start, end] = spot
        .filter(|s| text.get(s.range[0]..s.range[1]) == Some(s.text.as_str()))
        .map_or([0, 0], |s| s.range);
    let (before, fact, after) = (
        visible(&text[..start]).into_owned(),
        visible(&text[start..end]).into_owned(),
        visible(&text[end..]).into_owned(),
    );
    if before.width() + fact.width() + after.width() <= width {
        return format!("{before}{}{after}", paint.style("1", &fact));
    }
    let fact = cut_to(&fact, width.saturating_sub(2).max(1));
    let budget = width.saturating_sub(fact.width() + 2);
    // Some context on the left, most of it after the flagged words.
    let left_budget = (budget / 3).max(budget.saturating_sub(after.width()));
    let mut left: Vec<char> = Vec::new();
    let mut used = 0;
    for c in before.chars().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > left_budget {
            break;
        }
        left.push(c);
        used += w;
    }
    let cut_left = left.len() < before.chars().count();
    let mut left: String = left.into_iter().rev().collect();
    if cut_left {
        // Start at a word: drop the cut word's tail.
        if let Some(space) = left.find(' ') {
            left.drain(..space);
        }
    }
    // What is left of the budget, plus the column kept for a `…`.
    let mut right = cut_to(&after, budget.saturating_sub(used) + 1);
    if let Some(kept) = right.strip_suffix('…') {
        // End at a word: drop the cut word's head.
        if let Some(space) = kept.rfind(' ').filter(|&at| at > 0) {
            right = format!("{}…", &kept[..space]);
        }
    }
    format!(
        "{}{left}{}{right}",
        if cut_left { "…" } else { "" },
        paint.style("1", &fact)
    )
}

/// The line above a row: `── minor 0.91 ───…`; a row of several links (a sentence with
/// several partners) says how many: `── minor 0.91 · 3 links ───…`.
fn rule(row: &Row, width: usize, paint: Paint) -> String {
    let mut label = match row.score {
        Some(score) if row.is_unsure() => {
            format!("{} {score:.2} · possible match", row.kind.label())
        }
        Some(score) => format!("{} {score:.2}", row.kind.label()),
        None => row.kind.label().to_owned(),
    };
    if row.links.len() > 1 {
        let _ = write!(label, " · {} links", row.links.len());
    }
    let fill = width.saturating_sub(label.width() + 4);
    format!(
        "{} {} {}",
        paint.style("2", "──"),
        paint.style(kind_codes(row.kind), &label),
        paint.style("2", &"─".repeat(fill))
    )
}

/// A word as a list of styled parts (a word may mix marks: `fast[-,-]`).
#[derive(Debug, Clone, Default)]
struct Word {
    parts: Vec<(String, &'static str)>,
}

impl Word {
    /// A word of text from the report (a name, a number): shown [`visible`].
    fn plain(text: &str) -> Self {
        Self {
            parts: vec![(visible(text).into_owned(), "")],
        }
    }

    fn width(&self) -> usize {
        self.parts.iter().map(|(t, _)| t.width()).sum()
    }

    fn render(&self, paint: Paint) -> String {
        self.parts.iter().map(|(t, c)| paint.style(c, t)).collect()
    }
}

/// The words of a cell, with markers or styles for the marked runs. In a sure row, a sentence
/// whose own link is only a possible match starts with `(possible match)`.
fn words(sentences: &[SentenceView], row_unsure: bool, paint: Paint) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    let mut current = Word::default();
    for (i, sentence) in sentences.iter().enumerate() {
        if i > 0 && !current.parts.is_empty() {
            words.push(std::mem::take(&mut current));
        }
        if sentence.unsure && !row_unsure {
            for word in ["(possible", "match)"] {
                words.push(Word {
                    parts: vec![(word.to_owned(), "2;3")],
                });
            }
        }
        let same = match sentence.kind {
            SentenceKind::Headline => "1",
            SentenceKind::Body => "",
            _ => "2",
        };
        for piece in &sentence.pieces {
            let shown = visible(&piece.text);
            let (text, codes) = match (piece.mark, paint.color) {
                (Mark::Same, _) => (shown.into_owned(), same),
                (Mark::Removed, false) => (format!("[-{shown}-]"), ""),
                (Mark::Added, false) => (format!("{{+{shown}+}}"), ""),
                (Mark::Removed, true) => (shown.into_owned(), "31;9"),
                (Mark::Added, true) => (shown.into_owned(), "32;4"),
                // The quiet display is the page's; the terminal shows the word diff, so this
                // mark does not come up here (shown bold if it ever does).
                (Mark::Only, false) => (format!("«{shown}»"), ""),
                (Mark::Only, true) => (shown.into_owned(), "1"),
            };
            for (k, chunk) in text.split(' ').enumerate() {
                if k > 0 && !current.parts.is_empty() {
                    words.push(std::mem::take(&mut current));
                }
                if !chunk.is_empty() {
                    current.parts.push((chunk.to_owned(), codes));
                }
            }
        }
    }
    if !current.parts.is_empty() {
        words.push(current);
    }
    words
}

/// `text` made safe to write to a terminal, every character one visible thing with a known
/// display width: white-space controls (tab, line feed, carriage return, vertical tab, form
/// feed, next line) and the line and paragraph separators become a space; the other C0
/// controls and DEL their Unicode control pictures (ESC `␛`, BEL `␇`, DEL `␡`); C1 controls
/// and bidi controls (which would reorder the line) a `\u{9b}`-style escape.
pub(crate) fn visible(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || parallax::report::is_bidi_control(c)
            || matches!(c, '\u{2028}' | '\u{2029}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\t' | '\n' | '\x0B' | '\x0C' | '\r' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push(' ');
            }
            '\0'..='\x1F' => out.push(char::from_u32(0x2400 + u32::from(c)).unwrap_or('\u{FFFD}')),
            '\x7F' => out.push('\u{2421}'),
            c if unsafe_char(c) => {
                // Writing to a String cannot fail.
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Greedy word wrap to `width` columns; a word wider than a line is cut.
fn wrap(words: &[Word], width: usize) -> Vec<Vec<Word>> {
    let mut lines: Vec<Vec<Word>> = Vec::new();
    let mut line: Vec<Word> = Vec::new();
    let mut used = 0;
    for word in words {
        for piece in cut(word, width) {
            let w = piece.width();
            let needed = if line.is_empty() { w } else { used + 1 + w };
            if needed > width && !line.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
            }
            used = if line.is_empty() { w } else { used + 1 + w };
            line.push(piece);
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Cuts a word into pieces at most `width` columns wide.
fn cut(word: &Word, width: usize) -> Vec<Word> {
    if word.width() <= width {
        return vec![word.clone()];
    }
    let mut pieces = Vec::new();
    let mut piece = Word::default();
    let mut used = 0;
    for (text, codes) in &word.parts {
        let mut run = String::new();
        for c in text.chars() {
            let w = c.width().unwrap_or(0);
            if used + w > width && used > 0 {
                if !run.is_empty() {
                    piece.parts.push((std::mem::take(&mut run), codes));
                }
                pieces.push(std::mem::take(&mut piece));
                used = 0;
            }
            run.push(c);
            used += w;
        }
        if !run.is_empty() {
            piece.parts.push((run, codes));
        }
    }
    if !piece.parts.is_empty() {
        pieces.push(piece);
    }
    pieces
}

/// Lays out the two cells side by side, each wrapped to `column` columns; `codes` styles
/// every word (for the headings).
fn columns(
    left: &[Vec<Word>],
    right: &[Vec<Word>],
    column: usize,
    paint: Paint,
    codes: &str,
) -> Vec<String> {
    let wrap_all = |cell: &[Vec<Word>]| -> Vec<Vec<Word>> {
        cell.iter().flat_map(|words| wrap(words, column)).collect()
    };
    let (left, right) = (wrap_all(left), wrap_all(right));
    let render_line = |line: Option<&Vec<Word>>| -> (String, usize) {
        let Some(line) = line else {
            return (String::new(), 0);
        };
        let text: Vec<String> = line
            .iter()
            .map(|w| {
                if codes.is_empty() {
                    w.render(paint)
                } else {
                    paint.style(
                        codes,
                        &w.parts.iter().map(|(t, _)| t.as_str()).collect::<String>(),
                    )
                }
            })
            .collect();
        let width = line.iter().map(Word::width).sum::<usize>() + line.len().saturating_sub(1);
        (text.join(" "), width)
    };
    (0..left.len().max(right.len()).max(1))
        .map(|i| {
            let (l, lw) = render_line(left.get(i));
            let (r, _) = render_line(right.get(i));
            let line = format!("{l}{}{SEPARATOR}{r}", " ".repeat(column.saturating_sub(lw)));
            line.trim_end().to_owned()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::{compare, Article, Options};
    use std::path::Path;

    fn report_of(left: &Path, right: &Path) -> Report {
        let read = |p: &Path| std::fs::read_to_string(p).unwrap();
        let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
        compare(
            &Article::new(&name(left), &read(left)),
            &Article::new(&name(right), &read(right)),
            &Options::default(),
        )
    }

    fn repo() -> std::path::PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
    }

    const PLAIN: TextOptions = TextOptions {
        width: 100,
        color: false,
    };

    #[test]
    fn text_sample_wire_vs_ledger() {
        let dir = repo().join("samples");
        let report = report_of(&dir.join("wire.txt"), &dir.join("ledger.txt"));
        insta::assert_snapshot!("text_sample_wire_vs_ledger", render(&report, PLAIN));
    }

    #[test]
    fn text_fixture_reorder_narrow() {
        let dir = repo().join("crates/parallax/tests/fixtures");
        let report = report_of(&dir.join("reorder_1.txt"), &dir.join("reorder_2.txt"));
        let options = TextOptions {
            width: 60,
            color: false,
        };
        insta::assert_snapshot!("text_fixture_reorder_width_60", render(&report, options));
    }

    #[test]
    fn lines_fit_the_width() {
        let report = compare(
            &Article::new("left", "Supercalifragilisticexpialidocious-words-without-any-breaks-at-all run long. 東京 東京 東京 東京 東京 東京 東京 東京 東京 東京 東京 東京 東京."),
            &Article::new("right", "Supercalifragilisticexpialidocious-words-without-any-breaks run long. 東京 東京."),
            &Options::default(),
        );
        for width in [40, 57, 100] {
            for options in [
                TextOptions {
                    width,
                    color: false,
                },
                TextOptions { width, color: true },
            ] {
                let text = render(&report, options);
                for line in text.lines() {
                    let visible = strip_ansi(line);
                    assert!(
                        visible.width() <= width,
                        "{width}: {line:?} is {} wide",
                        visible.width()
                    );
                }
            }
        }
    }

    #[test]
    fn markers_without_colour_and_styles_with_colour() {
        let report = compare(
            &Article::new("l", "The red car stopped at the lights."),
            &Article::new("r", "The blue car stopped at the lights."),
            &Options::default(),
        );
        let plain = render(&report, PLAIN);
        assert!(plain.contains("The [-red-] car"), "{plain}");
        assert!(plain.contains("The {+blue+} car"), "{plain}");
        assert!(!plain.contains('\x1b'));
        let coloured = render(
            &report,
            TextOptions {
                width: 100,
                color: true,
            },
        );
        assert!(coloured.contains("\x1b[31;9mred\x1b[0m"), "{coloured:?}");
        assert!(coloured.contains("\x1b[32;4mblue\x1b[0m"), "{coloured:?}");
        assert!(!coloured.contains("[-"));
    }

    /// Issue 19, item 4: (case name, text, what the terminal is given).
    const CONTROLS: &[(&str, &str, &str)] = &[
        ("plain text", "Rain fell.", "Rain fell."),
        ("osc retitle", "a\x1b]0;pwned\x07b", "a␛]0;pwned␇b"),
        ("csi clear", "\x1b[2J\x1b[31mred", "␛[2J␛[31mred"),
        ("c1 csi", "\u{9b}31mred", "\\u{9b}31mred"),
        ("nul and del", "a\0b\x7f", "a␀b␡"),
        ("white-space controls", "a\tb\nc\rd\u{85}e", "a b c d e"),
        ("line separators in a name", "a\u{2028}b\u{2029}c", "a b c"),
        (
            "bidi override in a name",
            "doc\u{202E}txt.exe",
            "doc\\u{202e}txt.exe",
        ),
    ];

    #[test]
    fn control_case_names_are_unique() {
        let mut names: Vec<&str> = CONTROLS.iter().map(|c| c.0).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), CONTROLS.len());
    }

    #[test]
    fn issue_19_controls_are_made_visible() {
        for &(name, text, expected) in CONTROLS {
            let shown = visible(text);
            assert_eq!(shown, expected, "{name}");
            // One column per character: the width the wrapping counts is the width shown.
            assert_eq!(shown.width(), shown.chars().count(), "{name}");
        }
    }

    #[test]
    fn issue_19_article_controls_never_reach_the_terminal() {
        let left =
            "The mayor said\x1b]0;pwned\x07 the pier \x1b[2Jwould reopen on \u{9b}31mFriday.";
        let right = "The mayor said the pier would reopen on Friday.";
        let report = compare(
            &Article::new("left\x1b[7m", left),
            &Article::new("right", right),
            &Options::default(),
        );
        for color in [false, true] {
            let text = render(&report, TextOptions { width: 60, color });
            let visible_text = strip_ansi(&text);
            assert!(
                !visible_text.chars().any(|c| c != '\n' && c.is_control()),
                "{visible_text:?}"
            );
            assert!(visible_text.contains("left␛[7m"), "{visible_text}");
            for line in visible_text.lines() {
                assert!(line.width() <= 60, "{line:?}");
            }
        }
    }

    /// An invented pair with a changed count, weekday, title holder and quotation, and a
    /// respelled name.
    fn flagged_report() -> Report {
        compare(
            &Article::new(
                "Valley Post",
                "Crews said on Monday that the blaze had burned 4,800 hectares of forest.\n\n\
                 The evacuation order will stay in place until Thursday, the county administrator announced.\n\n\
                 Crews were led by fire chief Tomas Herrick, who has served in the valley for two decades and knows every ridge, trail and creek between the lake and the northern pass.\n\n\
                 \"We have never seen the wind turn this fast,\" Herrick told the local radio station.\n\n\
                 Forecasts by meteorologist Dana Kowalczyk showed temperatures near 39 degrees.",
            ),
            &Article::new(
                "Evening Ledger",
                "Crews said on Monday that the blaze had burned 6,300 hectares of forest.\n\n\
                 The evacuation order will stay in place until Friday, the county administrator announced.\n\n\
                 Crews were led by fire chief Marco Ellison, who has served in the valley for two decades and knows every ridge, trail and creek between the lake and the northern pass.\n\n\
                 \"We have never seen the wind change this fast,\" Herrick told the local radio station.\n\n\
                 Forecasts by meteorologist Dana Kowalczik showed temperatures near 39 degrees.",
            ),
            &Options::default(),
        )
    }

    #[test]
    fn text_discrepancies_are_listed_at_the_end() {
        let report = flagged_report();
        assert_eq!(report.stats.flags, 5, "{:?}", report.links);
        let options = TextOptions {
            width: 80,
            color: false,
        };
        insta::assert_snapshot!("text_discrepancies_width_80", render(&report, options));
    }

    #[test]
    fn discrepancy_lines_fit_the_width_and_carry_no_control_characters() {
        let report = compare(
            &Article::new(
                "left\u{1b}[31m",
                "Officials said at least 217 people were moved on Wednesday\u{7}.",
            ),
            &Article::new(
                "right",
                "Officials said at least 270 people were moved on Wednesday\u{1b}[2J.",
            ),
            &Options::default(),
        );
        assert_eq!(report.stats.flags, 1, "{:?}", report.links);
        for width in [40, 57, 100] {
            let text = render(
                &report,
                TextOptions {
                    width,
                    color: false,
                },
            );
            let section = text.split("Discrepancies (1)").nth(1).expect("a section");
            assert!(section.contains("number · conflict  217 ≠ 270"), "{text}");
            assert!(!section.contains(['\u{1b}', '\u{7}']), "{section:?}");
            for line in section.lines() {
                assert!(
                    line.width() <= width,
                    "{width}: {line:?} is {} wide",
                    line.width()
                );
            }
        }
    }

    #[test]
    fn excerpts_keep_the_flagged_words_in_view() {
        let long = "Far away and long ago, in a valley with many rivers and fields, ".repeat(3);
        let text = format!("{long}the count was 217 people in all.");
        let start = text.find("217").expect("217");
        let spot = FlagSpot {
            sentence: 0,
            range: [start, start + 3],
            text: "217".to_owned(),
        };
        let plain = Paint { color: false };
        for width in [10, 20, 40] {
            let line = excerpt(&text, Some(&spot), width, plain);
            assert!(line.contains("217"), "{width}: {line}");
            assert!(line.width() <= width, "{width}: {line:?}");
            assert!(line.starts_with('…'), "{width}: {line}");
        }
        let short = excerpt("Only 217.", None, 40, plain);
        assert_eq!(short, "Only 217.");
    }

    fn strip_ansi(line: &str) -> String {
        let mut out = String::new();
        let mut in_escape = false;
        for c in line.chars() {
            match (in_escape, c) {
                (false, '\x1b') => in_escape = true,
                (true, 'm') => in_escape = false,
                (true, _) => {}
                (false, c) => out.push(c),
            }
        }
        out
    }
}
