//! Render a Parallax [`Report`] as one self-contained static HTML page.
//!
//! The page needs nothing else: the CSS is inline, there is no script, no font, no image and
//! no external request, so it can be opened from disk, attached to an e-mail or printed. It
//! shows the summary numbers on top, then the two articles side by side, one row per group of
//! links that share sentences (in the left article's order; each sentence once, with all its
//! partners beside it), and every unmatched sentence in its place with an empty cell opposite
//! (the rows of [`parallax_view`]). Identical and minor rows show the word diff, removed words
//! in `<del>` and added words in `<ins>`; paraphrase and partial rows show what the sentences
//! share as plain text and the content words only one side has in `<mark class="px-only-here">`
//! (the quiet display, [`parallax_view::RowDisplay::Shares`]; the export has no word diff for
//! them).
//!
//! Rows and sentences carry the same hooks as the web app: `data-link` on a row (`identical`,
//! `minor`, `paraphrase`, `partial`, `only-left`, `only-right`), `data-display` on a row
//! (`diff` or `shares`) and `data-doc` / `data-sentence` on each sentence.
//!
//! A row whose link has discrepancy flags shows each as a small chip under its badge: the
//! kind and the note in words (`number: 217 ≠ 270`), the severity in the chip's `title` and
//! for screen readers, `data-flag` / `data-severity` as hooks; the flagged words are outlined
//! in both cells. The summary counts the flags.
//!
//! # Example: render a comparison
//!
//! ```
//! use parallax::{compare, Article, Options};
//! let report = compare(
//!     &Article::new("Wire", "The bridge opened on Monday."),
//!     &Article::new("Daily", "The new bridge opened on Monday."),
//!     &Options::default(),
//! );
//! let html = parallax_html::render(&report);
//! assert!(html.starts_with("<!DOCTYPE html>"));
//! // A paraphrase: shown quietly, the word only the right article has highlighted.
//! assert!(html.contains("<mark class=\"px-only-here\">new</mark>"));
//! assert!(!html.contains("<script"));
//! ```
#![deny(missing_docs)]

pub mod fragments;
mod grid;
pub mod number;
pub use grid::render_all;

use parallax::report::{LinkKind, Report};
use parallax_view::{
    rows, summary::summary as view_summary, FlagView, Mark, Row, RowKind, SentenceView,
};
use std::fmt::Write as _;

/// The page's style sheet: light and dark colour schemes, print-friendly, no web fonts.
const STYLE: &str = include_str!("style.css");

/// Renders the report as a complete HTML document.
///
/// Every piece of article text and every name is escaped, so markup inside an article
/// (`<script>`) shows as text and never runs. Never panics, also on a hand-edited report
/// whose indices or offsets point nowhere (those parts are left out).
///
/// # Example: article text is escaped
///
/// ```
/// use parallax::{compare, Article, Options};
/// let report = compare(
///     &Article::new("a<b>", "Say <script>alert(1)</script> now."),
///     &Article::new("b", "Say nothing now."),
///     &Options::default(),
/// );
/// let html = parallax_html::render(&report);
/// assert!(html.contains("script&gt;alert(1)&lt;/script"));
/// assert!(html.contains("a&lt;b&gt;"));
/// assert!(!html.contains("<script>"));
/// ```
pub fn render(report: &Report) -> String {
    let name = |doc: usize| {
        report
            .documents
            .get(doc)
            .map_or(if doc == 0 { "left" } else { "right" }, |d| d.name.as_str())
    };
    let (left_name, right_name) = (escape(name(0)), escape(name(1)));
    let rows = rows(report);
    let mut html = String::with_capacity(16 * 1024);
    head(&mut html, &format!("{left_name} vs {right_name}"));
    summary(&mut html, report, &left_name, &right_name, &rows);
    html.push_str("<main>\n");
    pair_table(&mut html, report, &rows);
    html.push_str("</main>\n");
    foot(&mut html);
    html
}

/// The document's start: `<!DOCTYPE>`, head with the inline style sheet, `<body>`.
fn head(html: &mut String, title: &str) {
    let _ = write!(
        html,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"parallax {version}\">\n\
         <title>{title} · Parallax</title>\n<style>\n{STYLE}</style>\n\
         </head>\n<body>\n",
        version = env!("CARGO_PKG_VERSION"),
    );
}

/// The footer and the document's end.
fn foot(html: &mut String) {
    html.push_str(
        "<footer class=\"px-foot\">Made with Parallax. Struck-through words are only in the \
         left article, underlined words only in the right one; in paraphrases, highlighted \
         words are only in that article and the rest is shared in substance; differences of \
         quotes, dashes and invisible characters are not shown. Sentence offsets in the JSON \
         report are UTF-8 byte offsets into the inputs (for an HTML input, into its extracted text).</footer>\n",
    );
    html.push_str("</body>\n</html>\n");
}

/// The side-by-side table of a two-article report (or a pair cut out of a larger one: the
/// `data-doc` hooks carry the documents' ids).
fn pair_table(html: &mut String, report: &Report, rows: &[Row]) {
    let doc = |side: usize| report.documents.get(side);
    let ids = [0, 1].map(|side| doc(side).map_or(side, |d| d.id));
    let name = |side: usize| {
        escape(
            doc(side).map_or(if side == 0 { "left" } else { "right" }, |d| {
                d.name.as_str()
            }),
        )
    };
    let _ = write!(
        html,
        "<table class=\"px-rows\">\n\
         <colgroup><col class=\"px-col-side\"><col class=\"px-col-kind\"><col class=\"px-col-side\"></colgroup>\n\
         <thead><tr><th scope=\"col\" data-doc=\"{}\">{}</th>\
         <th scope=\"col\"><span class=\"px-sr\">kind</span></th>\
         <th scope=\"col\" data-doc=\"{}\">{}</th></tr></thead>\n<tbody>\n",
        ids[0],
        name(0),
        ids[1],
        name(1)
    );
    for row in rows {
        row_html(html, row, ids);
    }
    html.push_str("</tbody>\n</table>\n");
}

fn summary(html: &mut String, report: &Report, left_name: &str, right_name: &str, rows: &[Row]) {
    let stats = &report.stats;
    let share = |doc: usize| {
        stats.matched_share.get(doc).map_or_else(
            || "–".to_owned(),
            |s| format!("{}%", number::fixed(s * 100.0, 0)),
        )
    };
    let only = |kind: RowKind| rows.iter().filter(|r| r.kind == kind).count();
    let _ = write!(
        html,
        "<header class=\"px-head\">\n<h1><span data-doc=\"0\">{left_name}</span> \
         <span class=\"px-vs\">vs</span> <span data-doc=\"1\">{right_name}</span></h1>\n\
         <dl class=\"px-stats\">\n\
         <div><dt>{left_name}</dt><dd><b>{}</b> of its body text has a counterpart</dd></div>\n\
         <div><dt>{right_name}</dt><dd><b>{}</b> of its body text has a counterpart</dd></div>\n\
         <div><dt>Links</dt><dd>",
        share(0),
        share(1),
    );
    let kinds = [
        LinkKind::Identical,
        LinkKind::Minor,
        LinkKind::Paraphrase,
        LinkKind::Partial,
    ];
    let counts: Vec<String> = kinds
        .iter()
        .map(|&kind| {
            let n = stats.link_kinds.get(&kind).copied().unwrap_or(0);
            let kind = RowKind::Link(kind);
            format!(
                "<span class=\"px-badge px-{}\">{}</span>&nbsp;{n}",
                kind.name(),
                kind.label()
            )
        })
        .collect();
    html.push_str(&counts.join(" "));
    let _ = write!(
        html,
        "</dd></div>\n\
         <div><dt>Unmatched</dt><dd><span class=\"px-badge px-only-left\">only left</span>&nbsp;{} \
         <span class=\"px-badge px-only-right\">only right</span>&nbsp;{}</dd></div>\n\
         <div><dt>Words</dt><dd><del>{} removed</del> <ins>{} added</ins></dd></div>\n\
         <div><dt>Discrepancies</dt><dd>{}</dd></div>\n\
         </dl>\n</header>\n",
        only(RowKind::OnlyLeft),
        only(RowKind::OnlyRight),
        stats.words_removed,
        stats.words_added,
        flag_counts(report, rows),
    );
}

/// The summary's discrepancy count: `none`, or the total with conflicts and variants.
fn flag_counts(report: &Report, rows: &[Row]) -> String {
    let counts = view_summary(report, rows);
    if counts.flags == 0 {
        return "none".to_owned();
    }
    let plural = |n: usize| if n == 1 { "" } else { "s" };
    let variants = counts.flags - counts.conflicts;
    format!(
        "<b>{}</b> flagged fact{}: {} conflict{} · {} variant{}",
        counts.flags,
        plural(counts.flags),
        counts.conflicts,
        plural(counts.conflicts),
        variants,
        plural(variants)
    )
}

/// The row's discrepancy flags as chips: kind and note as text, severity in the title.
fn chips(html: &mut String, flags: &[FlagView]) {
    if flags.is_empty() {
        return;
    }
    html.push_str("<ul class=\"px-flags\">");
    for flag in flags {
        let sides: Vec<String> = [("left", &flag.left), ("right", &flag.right)]
            .into_iter()
            .filter_map(|(side, spot)| {
                spot.as_ref()
                    .map(|s| format!("{side}: \u{201C}{}\u{201D}", s.text))
            })
            .collect();
        let title = format!(
            "{} {}: {}{}",
            flag.kind,
            flag.severity,
            flag.note,
            if sides.is_empty() {
                String::new()
            } else {
                format!(" ({})", sides.join(", "))
            }
        );
        let _ = write!(
            html,
            "<li class=\"px-flag px-flag-{severity}\" data-flag=\"{kind}\" \
             data-severity=\"{severity}\" title=\"{title}\">\
             <span class=\"px-sr\">{severity} </span>{label}</li>",
            severity = escape(flag.severity),
            kind = escape(flag.kind),
            title = escape(&title),
            label = escape(&flag.label()),
        );
    }
    html.push_str("</ul>");
}

fn row_html(html: &mut String, row: &Row, ids: [usize; 2]) {
    let kind = row.kind.name();
    let unsure = if row.is_unsure() { " px-unsure" } else { "" };
    let display = row.display.name();
    let _ = write!(
        html,
        "<tr class=\"px-row px-row-{kind}{unsure}\" data-link=\"{kind}\" \
         data-display=\"{display}\">"
    );
    cell(html, ids, 0, row, &facts(row, 0));
    let score = row
        .score
        .map(|s| {
            let possible = if row.is_unsure() {
                "<span class=\"px-possible\">possible match</span>"
            } else {
                ""
            };
            format!(
                "<span class=\"px-score\" title=\"match probability\">match {}%</span>{possible}",
                number::fixed(s * 100.0, 0)
            )
        })
        .unwrap_or_default();
    let _ = write!(
        html,
        "<td class=\"px-kind\"><span class=\"px-badge px-{kind}\">{}</span>{score}",
        row.kind.label()
    );
    chips(html, &row.flags);
    html.push_str("</td>");
    cell(html, ids, 1, row, &facts(row, 1));
    html.push_str("</tr>\n");
}

/// The flagged words of one side of a row: `(sentence, [start, end])` in the sentence's shown
/// text, sorted.
fn facts(row: &Row, doc: usize) -> Vec<(usize, [usize; 2])> {
    let mut facts: Vec<(usize, [usize; 2])> = row
        .flags
        .iter()
        .filter_map(|f| if doc == 0 { &f.left } else { &f.right }.as_ref())
        .map(|s| (s.sentence, s.range))
        .collect();
    // Equal facts cannot be told apart: the program's one sort (parallax::order) does.
    parallax::order::sort(&mut facts);
    facts.dedup();
    facts
}

/// Writes a piece's text, with the stretches inside `facts` (ranges relative to the piece,
/// sorted) in `<mark class="px-fact">`.
fn piece_text(html: &mut String, text: &str, facts: &[[usize; 2]]) {
    let mut at = 0;
    for &[start, end] in facts {
        let start = start.max(at);
        let (Some(before), Some(fact)) = (text.get(at..start), text.get(start..end)) else {
            continue;
        };
        if fact.is_empty() {
            continue;
        }
        html.push_str(&escape(before));
        let _ = write!(html, "<mark class=\"px-fact\">{}</mark>", escape(fact));
        at = end;
    }
    html.push_str(&escape(text.get(at..).unwrap_or_default()));
}

/// One side of a row: its sentences in the row's display (the word diff, or for a
/// paraphrase what the two share, the words only this side has in
/// `<mark class="px-only-here">`). A sentence whose own link is only a possible match in a
/// row that is sure is preceded by "possible match:".
fn cell(html: &mut String, ids: [usize; 2], side: usize, row: &Row, facts: &[(usize, [usize; 2])]) {
    let sentences: &[SentenceView] = if side == 0 { &row.left } else { &row.right };
    let doc = ids[side];
    if sentences.is_empty() {
        let _ = write!(
            html,
            "<td class=\"px-cell px-empty\" data-doc=\"{doc}\"></td>"
        );
        return;
    }
    let _ = write!(html, "<td class=\"px-cell\" data-doc=\"{doc}\">");
    for (i, sentence) in sentences.iter().enumerate() {
        if i > 0 {
            html.push(' ');
        }
        let kind = format!("{:?}", sentence.kind).to_ascii_lowercase();
        if sentence.unsure && !row.is_unsure() {
            // A partner whose own link is weaker than the row's: said in words.
            html.push_str("<span class=\"px-possible-partner\">possible match:</span> ");
        }
        let _ = write!(
            html,
            "<span class=\"px-sentence px-k-{kind}\" data-doc=\"{}\" data-sentence=\"{}\" \
             data-kind=\"{kind}\">",
            ids.get(sentence.doc).copied().unwrap_or(sentence.doc),
            sentence.sentence
        );
        // Flag ranges are into the sentence's shown text, which its pieces spell out.
        let shown = sentence.text();
        let mine: Vec<[usize; 2]> = facts
            .iter()
            .filter(|(s, [start, end])| {
                *s == sentence.sentence && start < end && shown.get(*start..*end).is_some()
            })
            .map(|&(_, range)| range)
            .collect();
        let mut offset = 0;
        for piece in sentence.pieces_for(row.display) {
            let len = piece.text.len();
            let local: Vec<[usize; 2]> = mine
                .iter()
                .filter(|[start, end]| *start < offset + len && *end > offset)
                .map(|&[start, end]| {
                    [
                        start.saturating_sub(offset),
                        end.saturating_sub(offset).min(len),
                    ]
                })
                .collect();
            let (open, close) = match piece.mark {
                Mark::Same => ("", ""),
                Mark::Removed => ("<del>", "</del>"),
                Mark::Added => ("<ins>", "</ins>"),
                Mark::Only => ("<mark class=\"px-only-here\">", "</mark>"),
            };
            html.push_str(open);
            piece_text(html, &piece.text, &local);
            html.push_str(close);
            offset += len;
        }
        html.push_str("</span>");
    }
    html.push_str("</td>");
}

/// Escapes text for HTML element content and quoted attribute values, and drops bidi
/// controls ([`parallax::report::is_bidi_control`]), which could reorder what the reader
/// sees (article text is already clean of them; names are not).
///
/// # Example
///
/// ```
/// assert_eq!(parallax_html::escape(r#"<a href="x">&'"#), "&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
/// assert_eq!(parallax_html::escape("doc\u{202E}txt.exe"), "doctxt.exe");
/// ```
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if parallax::report::is_bidi_control(c) => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::{compare, Article, Options};

    /// Issue 19, item 5: no bidi control from an article or a name reaches the page.
    #[test]
    fn issue_19_bidi_controls_never_reach_the_page() {
        let report = compare(
            &Article::new(
                "wire\u{202E}txt.exe",
                "The mayor said the pier would \u{202E}reopen\u{202C} on Friday.\u{2067}",
            ),
            &Article::new(
                "ledger\u{2066}",
                "The mayor said\u{200F} the pier would reopen on Friday.",
            ),
            &Options::default(),
        );
        let html = render(&report);
        let bad: Vec<char> = html
            .chars()
            .filter(|&c| parallax::report::is_bidi_control(c))
            .collect();
        assert!(bad.is_empty(), "{bad:?} in {html}");
        assert!(html.contains("wiretxt.exe"), "{html}");
    }

    #[test]
    fn script_in_an_article_comes_out_escaped() {
        let hostile = "Officials said <script>alert('x')</script> nothing. \
                       <img src=x onerror=alert(1)> And more.";
        let report = compare(
            &Article::new("<b>left</b>", hostile),
            &Article::new("right\" onload=\"x", "Officials said nothing. And more."),
            &Options::default(),
        );
        let html = render(&report);
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(!html.contains("<b>left"), "{html}");
        assert!(!html.contains("\" onload=\""), "{html}");
        assert!(html.contains("&lt;script&gt;"), "{html}");
    }

    #[test]
    fn the_page_is_self_contained() {
        let report = compare(
            &Article::new("a", "Rain fell all day. Fans went home."),
            &Article::new("b", "Rain fell all day long. A fox ran."),
            &Options::default(),
        );
        let html = render(&report);
        for forbidden in [
            "http://", "https://", "<script", "<link", "@import", "url(", "src=",
        ] {
            assert!(!html.contains(forbidden), "{forbidden} in the page");
        }
        assert_eq!(
            html.matches("<tr class=\"px-row").count(),
            rows(&report).len()
        );
        assert!(html.contains("data-link=\"only-left\""));
        assert!(html.contains("data-link=\"only-right\""));
    }

    #[test]
    fn flags_show_as_chips_with_words_and_a_title() {
        let report = compare(
            &Article::new(
                "a",
                "Officials said at least 217 people were moved on Wednesday.\n\nEnvoy Yury Ushakov arrived.",
            ),
            &Article::new(
                "b",
                "Officials said at least 270 people were moved on Wednesday.\n\nEnvoy Yuri Ushakov arrived.",
            ),
            &Options::default(),
        );
        let html = render(&report);
        let chip = "<li class=\"px-flag px-flag-conflict\" data-flag=\"number\" \
                    data-severity=\"conflict\" title=\"number conflict: 217 ≠ 270 \
                    (left: “217”, right: “270”)\"><span class=\"px-sr\">conflict </span>\
                    number: 217 ≠ 270</li>";
        assert!(html.contains(chip), "{html}");
        assert!(
            html.contains("data-flag=\"name\" data-severity=\"variant\""),
            "{html}"
        );
        // The flagged words are outlined in both cells, inside the marks: the numbers' row is
        // a paraphrase, shown quietly (only-here words), the names' row a minor word diff.
        assert!(
            html.contains("<mark class=\"px-only-here\"><mark class=\"px-fact\">217</mark></mark>"),
            "{html}"
        );
        assert!(
            html.contains("<mark class=\"px-only-here\"><mark class=\"px-fact\">270</mark></mark>"),
            "{html}"
        );
        assert!(
            html.contains("<del><mark class=\"px-fact\">Yury</mark></del>"),
            "{html}"
        );
        assert!(
            html.contains(
                "<dt>Discrepancies</dt><dd><b>2</b> flagged facts: 1 conflict · 1 variant</dd>"
            ),
            "{html}"
        );
    }

    #[test]
    fn flag_notes_are_escaped() {
        let report = compare(
            &Article::new(
                "a",
                "He said \"the <b>dam</b> will hold for now\" on Monday.",
            ),
            &Article::new(
                "b",
                "He said \"the <b>dam</b> will break for now\" on Monday.",
            ),
            &Options::default(),
        );
        assert!(!report.links[0].flags.is_empty(), "{report:?}");
        let html = render(&report);
        assert!(!html.contains("<b>dam"), "{html}");
        assert!(html.contains("data-flag=\"quote\""), "{html}");
    }

    #[test]
    fn without_flags_the_summary_says_none() {
        let report = compare(
            &Article::new("a", "Rain fell all day."),
            &Article::new("b", "Rain fell all day."),
            &Options::default(),
        );
        let html = render(&report);
        assert!(
            html.contains("<dt>Discrepancies</dt><dd>none</dd>"),
            "{html}"
        );
        assert!(!html.contains("<ul class=\"px-flags\""), "{html}");
    }

    /// Issue 15, item 5: a paraphrase row shows what the sentences share, plainly, and only
    /// the content words one side adds, highlighted; never struck through.
    #[test]
    fn a_paraphrase_row_is_quiet() {
        let report = compare(
            &Article::new(
                "a",
                "The storm destroyed the old harbour wall of Port Wenlow on Tuesday night.",
            ),
            &Article::new(
                "b",
                "On Tuesday night a violent storm destroyed the harbour wall in Port Wenlow, \
                 officials said.",
            ),
            &Options::default(),
        );
        let html = render(&report);
        let start = html.find("data-display=\"shares\"").expect("a quiet row");
        let row = &html[start..start + html[start..].find("</tr>").unwrap_or(0)];
        assert!(row.contains("<mark class=\"px-only-here\">"), "{row}");
        assert!(!row.contains("<del>") && !row.contains("<ins>"), "{row}");
    }

    /// Issue 15, item 4: a sentence in several links is shown once, its partners beside it.
    #[test]
    fn a_sentence_with_several_partners_is_on_the_page_once() {
        let mut report = compare(
            &Article::new("a", "Rain fell all day. Fans went home."),
            &Article::new("b", "Rain fell all day. Fans went home."),
            &Options::default(),
        );
        // Left 0 linked to both right sentences by two links.
        report.links[1].left = vec![0];
        let html = render(&report);
        assert_eq!(
            html.matches("data-doc=\"0\" data-sentence=\"0\"").count(),
            1
        );
        assert_eq!(html.matches("<tr class=\"px-row").count(), 2, "{html}");
    }

    /// Issue 16, item 4: a link scored below one half reads as a possible match.
    #[test]
    fn an_unsure_link_says_possible_match() {
        let mut report = compare(
            &Article::new("a", "The storm closed the harbour on Tuesday."),
            &Article::new("b", "The storm closed the harbour on Tuesday night."),
            &Options::default(),
        );
        let sure = render(&report);
        assert!(!sure.contains("class=\"px-possible\"") && !sure.contains(" px-unsure\""));
        report.links[0].score = 0.3;
        let html = render(&report);
        assert!(html.contains(" px-unsure\""), "{html}");
        assert!(html.contains("match 30%</span><span class=\"px-possible\">possible match</span>"));
    }

    #[test]
    fn an_empty_report_renders() {
        let report = Report {
            format: parallax::report::FORMAT.to_owned(),
            version: parallax::report::VERSION,
            documents: Vec::new(),
            links: Vec::new(),
            clusters: Vec::new(),
            coverage: parallax::report::Coverage::default(),
            unmatched: Vec::new(),
            stats: parallax::report::Stats::default(),
            corrections: parallax::report::Corrections::default(),
        };
        let html = render(&report);
        assert!(html.contains("<tbody>\n</tbody>"));
    }
}
