//! The Parallax page: two articles in, aligned columns with word differences out.
//!
//! [`view_model`] turns a [`parallax::Report`] into rows, folds, ribbons and summary numbers,
//! and [`state`] holds the page's other rules (files, storage form, keys); both are plain
//! Rust with native tests. [`browser`] wraps the few browser APIs the page needs, [`panic`]
//! keeps a failure from blanking the page, and the [`components`] map values to elements.

pub mod browser;
pub mod components;
pub mod embed;
pub mod panic;
pub mod sample;
pub mod share;
pub mod state;
pub mod view_model;

pub use components::app::App;

/// Starts the page: panic hook, mount, and removal of the static loading note.
///
/// With `?debug-panic` in the address the app panics on purpose shortly after start, so the
/// browser tests can check the error panel.
///
/// # Panics
///
/// Only on purpose, with `?debug-panic` in the address.
pub fn start() {
    panic::install();
    leptos::mount::mount_to_body(App);
    browser::remove_by_id("px-loading");
    if browser::search().contains("debug-panic") {
        leptos::prelude::set_timeout(
            || panic!("debug-panic: a deliberate failure to test the error panel"),
            std::time::Duration::from_millis(300),
        );
    }
}
