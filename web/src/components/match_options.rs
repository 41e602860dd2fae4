//! The match options of a comparison: threshold, ignore case, ignore punctuation.

use crate::state::{THRESHOLD_MAX, THRESHOLD_MIN, THRESHOLD_STEP};
use leptos::prelude::*;
use parallax::Options;
use parallax_html::number::fixed;

/// Controls that change how the articles are matched and diffed. They write to `options`;
/// whoever owns the signal decides whether to keep the values (the page stores them).
/// No element ids, so several comparisons can share a page: labels wrap their controls.
#[component]
pub fn MatchOptions(
    /// The engine options of the comparison.
    options: RwSignal<Options>,
) -> impl IntoView {
    let threshold = move || options.with(|o| o.threshold);
    let toggle = move |label: &'static str,
                       name: &'static str,
                       get: fn(&Options) -> bool,
                       set: fn(&mut Options, bool)| {
        view! {
            <label class="px-toggle">
                <input
                    type="checkbox"
                    data-option=name
                    prop:checked=move || options.with(get)
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        options.update(|o| set(o, on));
                    }
                />
                " "
                {label}
            </label>
        }
    };
    view! {
        <div class="px-match-options" role="group" aria-label="Match options">
            <label class="px-threshold">
                "Match threshold"
                <input
                    type="range"
                    data-option="threshold"
                    min=fixed(THRESHOLD_MIN, 2)
                    max=fixed(THRESHOLD_MAX, 2)
                    step=fixed(THRESHOLD_STEP, 2)
                    prop:value=move || fixed(threshold(), 2)
                    on:input=move |ev| {
                        if let Some(value) = crate::state::parse_threshold(&event_target_value(&ev)) {
                            options.update(|o| o.threshold = value);
                        }
                    }
                />
                <output>{move || fixed(threshold(), 2)}</output>
            </label>
            {toggle("Ignore case", "ignore-case", |o| o.ignore_case, |o, on| o.ignore_case = on)}
            {toggle(
                "Ignore punctuation",
                "ignore-punctuation",
                |o| o.ignore_punctuation,
                |o, on| o.ignore_punctuation = on,
            )}
        </div>
    }
}
