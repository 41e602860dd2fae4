//! The page of three or more articles: the fact grid, the sentences only one article carries,
//! the coverage matrix, then each pair's side-by-side table (folded).

use crate::fragments::{self, GridShow};
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
    // The fragments escape names themselves; the headings here use escaped copies.
    let raw: Vec<String> = report.documents.iter().map(|d| d.name.clone()).collect();
    let names: Vec<String> = raw.iter().map(|n| escape(n)).collect();
    let mut html = String::with_capacity(64 * 1024);
    head(&mut html, &format!("{} articles", names.len()));
    let _ = write!(
        html,
        "<header class=\"px-head\">\n<h1>{} articles: {}</h1>\n<p>One row per fact, in the \
         order of <b>{}</b>; \"not reported\" where an article does not tell it; ≠ where linked \
         sentences disagree on a number, date, name, quote or attribution.</p>\n</header>\n<main>\n",
        names.len(),
        names.join(", "),
        names.get(grid.base).map_or("", String::as_str)
    );
    grid_section(&mut html, report, &grid, &raw);
    only_section(&mut html, report, &raw);
    coverage_section(&mut html, report, &raw);
    pairs_section(&mut html, report, &names);
    html.push_str("</main>\n");
    foot(&mut html);
    html
}

fn grid_section(html: &mut String, report: &Report, grid: &Grid, names: &[String]) {
    let _ = write!(
        html,
        "<section aria-labelledby=\"px-grid-h\">\n<h2 id=\"px-grid-h\">Fact grid</h2>\n\
         <p class=\"px-grid-headline\">{}</p>\n\
         <div class=\"px-grid-scroll\" tabindex=\"0\" role=\"region\" aria-label=\"Fact grid\">\n{}\n</div>\n</section>\n",
        fragments::headline(report, grid),
        fragments::grid_table(report, grid, names, &GridShow::default())
    );
}

fn only_section(html: &mut String, report: &Report, names: &[String]) {
    let _ = write!(
        html,
        "<section aria-labelledby=\"px-only-h\">\n<h2 id=\"px-only-h\">Only in one article</h2>\n{}\n</section>\n",
        fragments::only_lists(report, names)
    );
}

fn coverage_section(html: &mut String, report: &Report, names: &[String]) {
    let _ = write!(
        html,
        "<section aria-labelledby=\"px-cov-h\">\n<h2 id=\"px-cov-h\">Coverage</h2>\n{}\n</section>\n",
        fragments::coverage_matrix(report, names, false)
    );
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
