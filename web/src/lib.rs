//! The Parallax page: two articles in, aligned columns with word differences out.
//!
//! [`view_model`] is plain Rust that turns a [`parallax::Report`] into rows; the
//! [`components`] only map rows to elements.

pub mod components;
pub mod sample;
pub mod view_model;

pub use components::app::App;
