//! The page's names for the renderer-neutral view ([`parallax_view`]): rows, folds, filters,
//! summary, ribbons and partners, all computed from the report alone; plus the SVG geometry
//! of the reordering view's ribbons, which only the page draws.

pub use parallax_view::fold::{
    blocks, fold_label, overview, stops, Block, Filter, FoldKind, OverviewMark, MIN_IDENTICAL_RUN,
};
pub use parallax_view::grid::{grid, Grid, GridRow};
pub use parallax_view::pairs::{
    columns, first_rows, lit, ribbon_lit, ribbons, selected_link, ColumnEntry, FirstRows, Partners,
    Ribbon, SelectedLink, SentenceId, Target,
};
pub use parallax_view::summary::{summary, Summary};
pub use parallax_view::{
    plain, role_name, rows, rows_part, Mark, Moved, Piece, Row, RowDisplay, RowKind, SentenceView,
};

use parallax_html::number::fixed;

/// An SVG path from `(0, y0)` to `(width, y1)` as a smooth S-curve.
pub fn ribbon_path(width: f64, y0: f64, y1: f64) -> String {
    let [y0, y1, mid, width] = [y0, y1, width / 2.0, width].map(|v| fixed(v, 1));
    format!("M0 {y0} C{mid} {y0} {mid} {y1} {width} {y1}")
}

#[cfg(test)]
mod tests {
    use super::ribbon_path;

    #[test]
    fn ribbon_geometry() {
        assert_eq!(
            ribbon_path(40.0, 10.0, 30.0),
            "M0 10.0 C20.0 10.0 20.0 30.0 40.0 30.0"
        );
    }
}
