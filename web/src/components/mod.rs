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

use leptos::prelude::{GetValue, SetValue, StoredValue};

/// Runs `f` in the next animation frame, once however often the returned function is called
/// before it (measuring after the page settles); not at all if the calling component is gone by
/// then.
pub(crate) fn once_per_frame(f: impl Fn() + Copy + 'static) -> impl Fn() + Copy + 'static {
    let scheduled = StoredValue::new(false);
    move || {
        if scheduled.try_get_value() == Some(false) {
            scheduled.set_value(true);
            crate::browser::request_animation_frame(move || {
                if scheduled.try_get_value().is_some() {
                    scheduled.set_value(false);
                    f();
                }
            });
        }
    }
}
