//! `parallax compare A B C … --format text`: the fact grid of three or more articles, the
//! sentences only one article carries, and the coverage matrix.
//!
//! Rows come from [`parallax_view::grid`], the row model the HTML page shares.

use crate::render_text::{cut_to, visible, TextOptions};
use parallax::report::Report;
use parallax_view::grid::{grid, Grid};
use std::fmt::Write as _;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// Lines a cell shows at most; the rest of the sentence is cut with `…`.
const CELL_LINES: usize = 3;
/// Between two columns.
const SEPARATOR: &str = " │ ";
/// The gutter before each row: `≠` marks a row whose links carry a discrepancy flag.
const GUTTER: usize = 2;

/// Renders the grid with rows in the order of document `base`.
pub fn render(report: &Report, base: usize, options: TextOptions) -> String {
    let grid = grid(report, base);
    let mut out = String::new();
    let n = report.documents.len();
    let name = |doc: usize| visible(&report.documents[doc].name).into_owned();
    let _ = writeln!(
        out,
        "{n} articles, {} facts in more than one, rows in the order of {} (--base {})",
        grid.rows.iter().filter(|r| r.carried_by() > 1).count(),
        name(grid.base),
        grid.base + 1
    );
    let _ = writeln!(
        out,
        "Each cell is that article's sentence for the fact; — where it does not report it; ≠ where \
         linked sentences disagree (see Discrepancies)."
    );
    fact_grid(&mut out, report, &grid, options);
    only(&mut out, report, options);
    coverage(&mut out, report, options);
    discrepancies(&mut out, report, options);
    out
}

fn fact_grid(out: &mut String, report: &Report, grid: &Grid, options: TextOptions) {
    let columns = grid.columns.len().max(1);
    let separators = (columns - 1) * SEPARATOR.width();
    let cell = (options.width.saturating_sub(GUTTER + separators) / columns).max(8);
    let dim = |s: &str| paint(options.color, "2", s);
    let header: Vec<String> = grid
        .columns
        .iter()
        .map(|&d| pad(&cut_to(&visible(&report.documents[d].name), cell), cell))
        .collect();
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}{}",
        " ".repeat(GUTTER),
        paint(options.color, "1", &header.join(SEPARATOR))
    );
    let rule = "─".repeat(cell);
    let rule_line = vec![rule; columns].join("─┼─");
    let _ = writeln!(out, "{}{}", " ".repeat(GUTTER), dim(&rule_line));
    for row in &grid.rows {
        let cells: Vec<Vec<String>> = grid
            .columns
            .iter()
            .map(|&d| {
                let sentences = &row.cells[d];
                if sentences.is_empty() {
                    return vec!["—".to_owned()];
                }
                let doc = &report.documents[d];
                let text: Vec<&str> = sentences
                    .iter()
                    .filter_map(|&s| doc.sentences.get(s))
                    .map(|s| s.clean.as_str())
                    .collect();
                wrap(&visible(&text.join(" ")), cell, CELL_LINES)
            })
            .collect();
        let height = cells.iter().map(Vec::len).max().unwrap_or(1);
        for line in 0..height {
            let gutter = if line == 0 && row.flagged {
                paint(options.color, "1;33", "≠ ")
            } else {
                "  ".to_owned()
            };
            let parts: Vec<String> = cells
                .iter()
                .map(|c| {
                    let text = c.get(line).map_or("", String::as_str);
                    if text == "—" {
                        format!("{}{}", dim("—"), " ".repeat(cell.saturating_sub(1)))
                    } else {
                        pad(text, cell)
                    }
                })
                .collect();
            let _ = writeln!(out, "{gutter}{}", parts.join(SEPARATOR).trim_end());
        }
        let _ = writeln!(out, "{}{}", " ".repeat(GUTTER), dim(&rule_line));
    }
}

fn only(out: &mut String, report: &Report, options: TextOptions) {
    for (doc, sentences) in report.coverage.only.iter().enumerate() {
        let Some(document) = report.documents.get(doc) else {
            continue;
        };
        let _ = writeln!(out);
        let title = format!(
            "Only in {} ({} sentence{})",
            visible(&document.name),
            sentences.len(),
            if sentences.len() == 1 { "" } else { "s" }
        );
        let _ = writeln!(out, "{}", paint(options.color, "1", &title));
        if sentences.is_empty() {
            let _ = writeln!(out, "  (none: the others carry all of it)");
        }
        for &s in sentences {
            let Some(sentence) = document.sentences.get(s) else {
                continue;
            };
            for (i, line) in wrap(
                &visible(&sentence.clean),
                options.width.saturating_sub(4),
                usize::MAX,
            )
            .into_iter()
            .enumerate()
            {
                let _ = writeln!(out, "{}{line}", if i == 0 { "  • " } else { "    " });
            }
        }
    }
}

fn coverage(out: &mut String, report: &Report, options: TextOptions) {
    let n = report.documents.len();
    let label = (options.width.saturating_sub(2) / (n + 1)).clamp(6, 24);
    let _ = writeln!(out);
    let _ = writeln!(
        out,
        "{}",
        paint(
            options.color,
            "1",
            "Coverage: the share of the row's article (body words) that the column's article carries"
        )
    );
    let names: Vec<String> = report
        .documents
        .iter()
        .map(|d| cut_to(&visible(&d.name), label))
        .collect();
    let mut header = pad("", label);
    for name in &names {
        let _ = write!(header, "  {}", pad_left(name, label));
    }
    let _ = writeln!(out, "{}", header.trim_end());
    for (i, row) in report.coverage.shared.iter().enumerate() {
        let mut line = pad(names.get(i).map_or("", String::as_str), label);
        for (j, share) in row.iter().enumerate() {
            let cell = if i == j {
                "—".to_owned()
            } else {
                format!("{:.0}%", share * 100.0)
            };
            let _ = write!(line, "  {}", pad_left(&cell, label));
        }
        let _ = writeln!(out, "{}", line.trim_end());
    }
}

fn discrepancies(out: &mut String, report: &Report, options: TextOptions) {
    let flagged: Vec<_> = report
        .links
        .iter()
        .filter(|l| !l.flags.is_empty())
        .collect();
    if flagged.is_empty() {
        return;
    }
    let _ = writeln!(out);
    let count: usize = flagged.iter().map(|l| l.flags.len()).sum();
    let _ = writeln!(
        out,
        "{}",
        paint(options.color, "1", &format!("Discrepancies ({count})"))
    );
    for link in flagged {
        let [a, b] = link.docs;
        let (Some(left), Some(right)) = (report.documents.get(a), report.documents.get(b)) else {
            continue;
        };
        for flag in &link.flags {
            let first = |s: &[usize]| s.first().map_or(0, |i| i + 1);
            let line = format!(
                "  {} {}: {} #{} / {} #{}: {}",
                flag.kind.name(),
                flag.severity.name(),
                visible(&left.name),
                first(&link.left),
                visible(&right.name),
                first(&link.right),
                visible(&flag.note)
            );
            let _ = writeln!(out, "{}", cut_to(&line, options.width));
        }
    }
}

/// `text` padded with spaces to `width` columns.
fn pad(text: &str, width: usize) -> String {
    let mut out = text.to_owned();
    out.push_str(&" ".repeat(width.saturating_sub(text.width())));
    out
}

fn pad_left(text: &str, width: usize) -> String {
    format!("{}{text}", " ".repeat(width.saturating_sub(text.width())))
}

fn paint(color: bool, code: &str, text: &str) -> String {
    if color {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

/// Greedy word wrap of `text` to `width` columns, at most `max_lines` lines (the last cut
/// with `…` when more is left); a word wider than a line is cut.
fn wrap(text: &str, width: usize, max_lines: usize) -> Vec<String> {
    let width = width.max(4);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let mut word = word.to_owned();
        while word.width() > width {
            // A word wider than a line: cut it at the line's width.
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            let mut head = String::new();
            let mut used = 0;
            let mut rest = word.chars().peekable();
            while let Some(&c) = rest.peek() {
                let w = c.width().unwrap_or(0);
                if used + w > width {
                    break;
                }
                head.push(c);
                used += w;
                rest.next();
            }
            lines.push(head);
            word = rest.collect();
        }
        let needed = if line.is_empty() {
            word.width()
        } else {
            line.width() + 1 + word.width()
        };
        if needed > width && !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        if let Some(last) = lines.last_mut() {
            let cut = cut_to(&format!("{last} …"), width);
            *last = if cut.ends_with('…') {
                cut
            } else {
                format!("{}…", cut_to(last, width - 1))
            };
        }
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::wrap;

    /// (case, text, width, max lines, expected lines)
    const CASES: &[(&str, &str, usize, usize, &[&str])] = &[
        ("fits", "one two", 10, 3, &["one two"]),
        ("wraps", "one two three", 8, 3, &["one two", "three"]),
        (
            "cut after the last line",
            "one two three four",
            8,
            1,
            &["one two…"],
        ),
        ("long word cut", "abcdefghij", 4, 5, &["abcd", "efgh", "ij"]),
        ("empty", "", 8, 3, &[""]),
    ];

    #[test]
    fn wrap_cases() {
        for &(name, text, width, max, expected) in CASES {
            assert_eq!(wrap(text, width, max), expected, "{name}");
        }
    }
}
