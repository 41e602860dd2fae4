//! The views of three or more articles as HTML fragments: the fact grid, the coverage matrix
//! and what only one article tells. One renderer for both the exported page
//! ([`crate::render_all`]) and the browser page (`web/`, which sets them as the inner HTML of
//! its grid view): the grid is written once.
//!
//! Every text is escaped; there are no inline styles or scripts (the page's
//! Content-Security-Policy allows neither), so shades are classes (`px-cov-s0` … `px-cov-s10`).
//! Each sentence carries `data-doc` and `data-sentence`, and `data-link` (its cluster, `c0`,
//! `c1`, …) when another article tells the same fact.

use crate::escape;
use parallax::report::{Report, SURE_FROM};
use parallax_view::grid::Grid;
use std::fmt::Write as _;

/// How the page shows the grid: columns the reader hid, and the article beside the base on a
/// phone.
#[derive(Debug, Clone, Copy, Default)]
pub struct GridShow<'a> {
    /// `hidden[d]`: article `d`'s column is hidden (the base never is).
    pub hidden: &'a [bool],
    /// The article shown beside the base on a narrow screen (`None`: the first other one).
    pub picked: Option<usize>,
}

/// The numbers above the grid: "5 articles · 20 facts · 2 told by all 5 · 10 told by one
/// article only · 2 where they disagree".
pub fn headline(report: &Report, grid: &Grid) -> String {
    let n = report.documents.len();
    let all = grid.rows.iter().filter(|r| r.carried_by() == n).count();
    let one = grid.rows.iter().filter(|r| r.carried_by() == 1).count();
    let flagged = grid.rows.iter().filter(|r| r.flagged).count();
    let mut text = format!(
        "{n} articles · {} facts · {all} told by all {n} · {one} told by one article only",
        grid.rows.len()
    );
    if flagged > 0 {
        let _ = write!(text, " · {flagged} where they disagree");
    }
    text
}

/// The fact grid as a table: a "told by" column and the base article's column first (both
/// sticky when the table scrolls sideways), then the others; one row per fact, an empty cell
/// saying "not reported", a "≠" on cells that disagree.
pub fn grid_table(report: &Report, grid: &Grid, names: &[String], show: &GridShow<'_>) -> String {
    let n = report.documents.len();
    let picked = show
        .picked
        .filter(|&p| p != grid.base && p < n)
        .unwrap_or(usize::from(grid.base == 0));
    let name = |d: usize| names.get(d).map_or_else(String::new, |s| escape(s));
    let column_class = |d: usize| {
        let mut class = String::from("px-gcol");
        if d == grid.base {
            class.push_str(" px-base");
        } else if show.hidden.get(d).copied().unwrap_or(false) {
            class.push_str(" px-hidden");
        }
        if d == picked {
            class.push_str(" px-picked");
        }
        class
    };
    let long = if grid.rows.len() > 150 {
        " px-long"
    } else {
        ""
    };
    let mut html = String::with_capacity(256 * grid.rows.len().max(1));
    let _ = write!(
        html,
        "<table class=\"px-grid{long}\" data-base=\"{}\"><caption class=\"px-sr-only\">One row \
         per fact, in the order of {}; one column per article.</caption><thead><tr>\
         <th scope=\"col\" class=\"px-gtold\">Told by</th>",
        grid.base,
        name(grid.base)
    );
    for &d in &grid.columns {
        let order = if d == grid.base { " (order)" } else { "" };
        let _ = write!(
            html,
            "<th scope=\"col\" class=\"{}\" data-column=\"{d}\">{}{order}</th>",
            column_class(d),
            name(d)
        );
    }
    html.push_str("</tr></thead><tbody>");
    for (index, row) in grid.rows.iter().enumerate() {
        let carried = row.carried_by();
        let unsure = row.score.is_some_and(|s| s < SURE_FROM);
        let mut class = String::from("px-grow");
        if unsure {
            class.push_str(" px-unsure");
        }
        if carried == 1 {
            class.push_str(" px-single");
        }
        // A phone shows only the base and the picked article: a row neither tells is left out.
        if row.cells[grid.base].is_empty() && row.cells.get(picked).is_none_or(Vec::is_empty) {
            class.push_str(" px-off-pair");
        }
        let told = if unsure { ", possible match" } else { "" };
        let _ = write!(
            html,
            "<tr class=\"{class}\" data-grid-row=\"{index}\" data-carried=\"{carried}\">\
             <th scope=\"row\" class=\"px-gtold\">{carried} of {n}{told}</th>"
        );
        let link = row.cluster.filter(|_| carried > 1).unwrap_or(usize::MAX);
        for &d in &grid.columns {
            cell(&mut html, report, row, d, &column_class(d), link);
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// One cell of the grid: article `doc`'s sentences for the row's fact.
fn cell(
    html: &mut String,
    report: &Report,
    row: &parallax_view::grid::GridRow,
    doc: usize,
    class: &str,
    link: usize,
) {
    let sentences = &row.cells[doc];
    if sentences.is_empty() {
        let _ = write!(
            html,
            "<td class=\"{class} px-gcell px-gempty\" data-column=\"{doc}\">\
             <span class=\"px-not-reported\">not reported</span></td>"
        );
        return;
    }
    let marked = row.marked.get(doc).copied().unwrap_or(false);
    let _ = write!(
        html,
        "<td class=\"{class} px-gcell{}\" data-column=\"{doc}\">",
        if marked { " px-gflag" } else { "" }
    );
    if marked {
        html.push_str(
            "<span class=\"px-gmark\" title=\"These articles disagree on a fact here\">\
             <span aria-hidden=\"true\">≠ </span><span class=\"px-sr-only\">disagrees: </span></span>",
        );
    }
    for &s in sentences {
        let Some(sentence) = report.documents.get(doc).and_then(|d| d.sentences.get(s)) else {
            continue;
        };
        let link_attr = if link == usize::MAX {
            String::new()
        } else {
            format!(" data-link=\"c{link}\"")
        };
        let _ = write!(
            html,
            "<span class=\"px-sentence\" tabindex=\"0\" data-doc=\"{doc}\" data-sentence=\"{s}\"{link_attr} \
             data-role=\"{}\">{}</span> ",
            parallax_view::role_name(sentence.kind),
            escape(&sentence.clean)
        );
    }
    html.push_str("</td>");
}

/// The coverage matrix: how much of each article (row) is found in another (column), shaded
/// by the share, with the number. With `buttons`, each number is a button carrying
/// `data-pair="row column"` (the page opens that pair).
pub fn coverage_matrix(report: &Report, names: &[String], buttons: bool) -> String {
    let n = report.documents.len();
    let name = |d: usize| names.get(d).map_or_else(String::new, |s| escape(s));
    let mut html = String::from(
        "<table class=\"px-cov-matrix\"><caption>How much of each article (row) is found in \
         another (column)</caption><thead><tr><td></td>",
    );
    for d in 0..n {
        let _ = write!(html, "<th scope=\"col\">{}</th>", name(d));
    }
    html.push_str("</tr></thead><tbody>");
    for a in 0..n {
        let _ = write!(html, "<tr><th scope=\"row\">{}</th>", name(a));
        for b in 0..n {
            if a == b {
                html.push_str("<td class=\"px-cov-self\">—</td>");
                continue;
            }
            let share = report
                .coverage
                .shared
                .get(a)
                .and_then(|r| r.get(b))
                .copied()
                .filter(|s| s.is_finite())
                .unwrap_or(0.0)
                .clamp(0.0, 1.0);
            let percent = format!("{}%", crate::number::fixed(share * 100.0, 0));
            // Whole tenths: the share as a shade (0 to 10).
            let tenths = (share * 10.0).round() as u8;
            let _ = write!(
                html,
                "<td class=\"px-cov px-cov-s{tenths}\" data-share=\"{}\">",
                crate::number::fixed(share, 3)
            );
            if buttons {
                let _ = write!(
                    html,
                    "<button type=\"button\" class=\"px-cov-button\" data-pair=\"{a} {b}\" \
                     aria-label=\"{percent} of {} is found in {}: show the pair\">{percent}</button>",
                    name(a),
                    name(b)
                );
            } else {
                let _ = write!(
                    html,
                    "<span title=\"{percent} of {} is found in {}\">{percent}</span>",
                    name(a),
                    name(b)
                );
            }
            html.push_str("</td>");
        }
        html.push_str("</tr>");
    }
    html.push_str("</tbody></table>");
    html
}

/// Per article, folded, the sentences only it tells.
pub fn only_lists(report: &Report, names: &[String]) -> String {
    let mut html = String::new();
    for (d, document) in report.documents.iter().enumerate() {
        let only: &[usize] = report.coverage.only.get(d).map_or(&[], Vec::as_slice);
        let name = names.get(d).map_or_else(String::new, |s| escape(s));
        let summary = match only.len() {
            0 => format!("{name}: nothing only it tells"),
            1 => format!("Only {name} tells 1 sentence"),
            count => format!("Only {name} tells {count} sentences"),
        };
        let _ = write!(
            html,
            "<details class=\"px-only\" data-only=\"{d}\"><summary>{summary}</summary><ol>"
        );
        for &s in only {
            if let Some(sentence) = document.sentences.get(s) {
                let _ = write!(
                    html,
                    "<li><span class=\"px-sentence\" tabindex=\"0\" data-doc=\"{d}\" \
                     data-sentence=\"{s}\">{}</span></li>",
                    escape(&sentence.clean)
                );
            }
        }
        html.push_str("</ol></details>");
    }
    html
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::{compare_all, Article, Options};

    fn three() -> Report {
        compare_all(
            &[
                Article::new("Wire <1>", "The bridge opened on Monday. Crowds cheered."),
                Article::new(
                    "Daily",
                    "Crowds cheered loudly. The bridge opened on Monday.",
                ),
                Article::new("Post", "The bridge opened on Tuesday. Rain fell."),
            ],
            &Options::default(),
        )
    }

    fn names(report: &Report) -> Vec<String> {
        report.documents.iter().map(|d| d.name.clone()).collect()
    }

    #[test]
    fn the_grid_shows_each_sentence_once_with_its_hooks_and_escapes_names() {
        let report = three();
        let grid = parallax_view::grid::grid(&report, 0);
        let html = grid_table(&report, &grid, &names(&report), &GridShow::default());
        assert!(html.contains("Wire &lt;1&gt; (order)"), "{html}");
        for (d, document) in report.documents.iter().enumerate() {
            for s in 0..document.sentences.len() {
                let hook = format!("data-doc=\"{d}\" data-sentence=\"{s}\"");
                assert_eq!(html.matches(&hook).count(), 1, "{hook} in {html}");
            }
        }
        assert!(html.contains("data-link=\"c"));
        assert!(html.contains("not reported"));
        assert!(
            html.contains("px-gflag"),
            "Monday ≠ Tuesday is marked: {html}"
        );
        assert!(!html.contains("style="));
    }

    #[test]
    fn hidden_and_picked_columns_are_classes() {
        let report = three();
        let grid = parallax_view::grid::grid(&report, 1);
        let show = GridShow {
            hidden: &[true, false, false],
            picked: Some(2),
        };
        let html = grid_table(&report, &grid, &names(&report), &show);
        assert!(
            html.contains("class=\"px-gcol px-hidden\" data-column=\"0\""),
            "{html}"
        );
        assert!(
            html.contains("class=\"px-gcol px-picked\" data-column=\"2\""),
            "{html}"
        );
        assert!(
            html.contains("class=\"px-gcol px-base\" data-column=\"1\""),
            "{html}"
        );
    }

    #[test]
    fn coverage_cells_carry_share_shade_and_pair() {
        let report = three();
        let html = coverage_matrix(&report, &names(&report), true);
        assert_eq!(html.matches("data-pair=").count(), 6);
        assert_eq!(html.matches("px-cov-self").count(), 3);
        assert!(html.contains("data-pair=\"2 0\""));
        assert!(!html.contains("style="));
        let plain = coverage_matrix(&report, &names(&report), false);
        assert!(!plain.contains("<button"));
        let only = only_lists(&report, &names(&report));
        assert_eq!(only.matches("<details class=\"px-only\"").count(), 3);
        assert!(only.contains("Only Post tells 1 sentence"), "{only}");
    }
}
