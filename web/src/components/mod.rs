//! The page's components, one file per screen region.

pub mod aligned_view;
pub mod app;
pub mod input_panel;
