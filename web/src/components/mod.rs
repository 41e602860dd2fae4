//! The page's components, one file per screen region.

pub mod aligned_view;
pub mod app;
pub mod comparison;
pub mod corrections_bar;
pub mod flag_list;
pub mod grid_view;
pub mod header;
pub mod input_panel;
pub mod legend;
pub mod match_options;
pub mod options_bar;
pub mod overview;
pub mod progress;
pub mod ribbon_view;
pub mod sentence;
pub mod summary_bar;
pub mod toolbar;
