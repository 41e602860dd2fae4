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

use leptos::prelude::{Effect, GetValue, SetValue, StoredValue};

/// Runs `run` now and again whenever a signal it read changes, as leptos' `Effect::new` does;
/// its argument says whether this is the first run. Every effect of the page goes through the
/// one instance of `Effect::new` below: each instance is about a kilobyte of wasm (issue 18), so
/// state an effect keeps between runs lives in its closure, not in `Effect::new`'s value.
pub(crate) fn effect(run: impl FnMut(bool) + 'static) {
    erased_effect(Box::new(run));
}

/// [`effect`]'s one `Effect::new`.
#[allow(clippy::disallowed_methods)]
fn erased_effect(mut run: Box<dyn FnMut(bool)>) {
    Effect::new(move |previous: Option<()>| run(previous.is_none()));
}

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
