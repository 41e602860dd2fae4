//! The page of three or more articles: the fact grid, the sentences only one article carries,
//! the coverage matrix, then each pair's side-by-side table (folded).

use crate::{escape, foot, head, pair_table};
use parallax::report::Report;
use parallax_view::grid::{grid, Grid};
use parallax_view::rows;
use std::fmt::Write as _;

/// Renders a report of any number of articles as a complete HTML document, the grid's rows in
/// the order of document `base` (the first when out of range).
///
/// The grid is a table with one row per fact and one column per article (the base first, its
/// column sticky when the table scrolls sideways); each sentence carries `data-doc` and
/// `data-sentence`, and `data-link` (its cluster, `c0`, `c1`, …) when another article
/// carries the fact. An empty cell says "not reported". Like [`crate::render`] the page has
/// no script and escapes every text.
///
/// # Example: three articles
///
/// ```
/// use parallax::{compare_all, Article, Options};
/// let report = compare_all(
///     &[
///         Article::new("Wire", "The bridge opened on Monday. Crowds cheered."),
///         Article::new("Daily", "Crowds cheered loudly. The bridge opened on Monday."),
///         Article::new("Post", "The bridge opened on Monday."),
///     ],
///     &Options::default(),
/// );
/// let html = parallax_html::render_all(&report, 0);
/// assert!(html.contains("class=\"px-grid\""));
/// assert!(html.contains("not reported"));
/// ```
pub fn render_all(report: &Report, base: usize) -> String {
    let grid = grid(report, base);
    let names: Vec<String> = report.documents.iter().map(|d| escape(&d.name)).collect();
    let mut html = String::with_capacity(64 * 1024);
    head(&mut html, &format!("{} articles", names.len()));
    let _ = write!(
        html,
        "<header class=\"px-head\">\n<h1>{} articles: {}</h1>\n<p>One row per fact, in the \
         order of <b>{}</b>; a dash where an article does not report it; ≠ where linked \
         sentences disagree on a number, date, name, quote or attribution.</p>\n</header>\n<main>\n",
        names.len(),
        names.join(", "),
        names.get(grid.base).map_or("", String::as_str)
    );
    grid_section(&mut html, report, &grid, &names);
    only_section(&mut html, report, &names);
    coverage_section(&mut html, report, &names);
    pairs_section(&mut html, report, &names);
    html.push_str("</main>\n");
    foot(&mut html);
    html
}

fn grid_section(html: &mut String, report: &Report, grid: &Grid, names: &[String]) {
    html.push_str(
        "<section aria-labelledby=\"px-grid-h\">\n<h2 id=\"px-grid-h\">Fact grid</h2>\n\
         <div class=\"px-grid-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Fact grid\">\n\
         <table class=\"px-grid\">\n<thead><tr><th scope=\"col\"><span class=\"px-sr\">flags</span></th>",
    );
    for &d in &grid.columns {
        let _ = write!(html, "<th scope=\"col\" data-doc=\"{d}\">{}</th>", names[d]);
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for row in &grid.rows {
        let shared = row.carried_by() > 1;
        let link = row.cluster.filter(|_| shared);
        let mark = if row.flagged {
            "<span class=\"px-neq\" title=\"linked sentences disagree\">≠<span class=\"px-sr\"> \
             disagreement</span></span>"
        } else {
            ""
        };
        let _ = write!(
            html,
            "<tr class=\"px-fact\"><td class=\"px-mark\">{mark}</td>"
        );
        for &d in &grid.columns {
            let sentences = &row.cells[d];
            if sentences.is_empty() {
                let _ = write!(
                    html,
                    "<td class=\"px-cell px-empty\" data-doc=\"{d}\"><span aria-hidden=\"true\">—</span>\
                     <span class=\"px-sr\">not reported</span></td>"
                );
                continue;
            }
            let _ = write!(html, "<td class=\"px-cell\" data-doc=\"{d}\">");
            for &s in sentences {
                let Some(sentence) = report.documents[d].sentences.get(s) else {
                    continue;
                };
                let link_attr = link
                    .map(|c| format!(" data-link=\"c{c}\""))
                    .unwrap_or_default();
                let _ = write!(
                    html,
                    "<span class=\"px-sentence\" data-doc=\"{d}\" data-sentence=\"{s}\"{link_attr}>{}</span> ",
                    escape(&sentence.clean)
                );
            }
            html.push_str("</td>");
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n</div>\n</section>\n");
}

fn only_section(html: &mut String, report: &Report, names: &[String]) {
    html.push_str(
        "<section aria-labelledby=\"px-only-h\">\n<h2 id=\"px-only-h\">Only in one article</h2>\n",
    );
    for (d, only) in report.coverage.only.iter().enumerate() {
        let Some(name) = names.get(d) else { continue };
        let _ = write!(
            html,
            "<h3 data-doc=\"{d}\">Only in {name} ({})</h3>\n<ul class=\"px-only\">\n",
            only.len()
        );
        for &s in only {
            if let Some(sentence) = report.documents[d].sentences.get(s) {
                let _ = writeln!(
                    html,
                    "<li><span class=\"px-sentence\" data-doc=\"{d}\" data-sentence=\"{s}\">{}</span></li>",
                    escape(&sentence.clean)
                );
            }
        }
        html.push_str("</ul>\n");
    }
    html.push_str("</section>\n");
}

fn coverage_section(html: &mut String, report: &Report, names: &[String]) {
    html.push_str(
        "<section aria-labelledby=\"px-cov-h\">\n<h2 id=\"px-cov-h\">Coverage</h2>\n\
         <p>How much of the row's article (its body words) the column's article carries.</p>\n\
         <table class=\"px-coverage\">\n<thead><tr><th scope=\"col\"><span class=\"px-sr\">article</span></th>",
    );
    for (d, name) in names.iter().enumerate() {
        let _ = write!(html, "<th scope=\"col\" data-doc=\"{d}\">{name}</th>");
    }
    html.push_str("</tr></thead>\n<tbody>\n");
    for (i, row) in report.coverage.shared.iter().enumerate() {
        let _ = write!(
            html,
            "<tr><th scope=\"row\" data-doc=\"{i}\">{}</th>",
            names.get(i).map_or("", String::as_str)
        );
        for (j, share) in row.iter().enumerate() {
            if i == j {
                html.push_str("<td class=\"px-self\">—</td>");
            } else {
                let percent = (share * 100.0).round();
                let _ = write!(
                    html,
                    "<td style=\"--share:{percent}%\" title=\"{percent}% of {} is found in {}\">{percent}%</td>",
                    names.get(i).map_or("", String::as_str),
                    names.get(j).map_or("", String::as_str)
                );
            }
        }
        html.push_str("</tr>\n");
    }
    html.push_str("</tbody>\n</table>\n</section>\n");
}

fn pairs_section(html: &mut String, report: &Report, names: &[String]) {
    html.push_str("<section aria-labelledby=\"px-pairs-h\">\n<h2 id=\"px-pairs-h\">Pairs</h2>\n");
    let n = report.documents.len();
    for a in 0..n {
        for b in a + 1..n {
            let Some(pair) = report.pair(a, b) else {
                continue;
            };
            let _ = write!(
                html,
                "<details class=\"px-pair\">\n<summary>{} vs {} — {} links</summary>\n",
                names[a],
                names[b],
                pair.links.len()
            );
            pair_table(html, &pair, &rows(&pair));
            html.push_str("</details>\n");
        }
    }
    html.push_str("</section>\n");
}
