//! Options under the inputs: swap sides, reload the sample, match threshold.

use crate::state::{THRESHOLD_MAX, THRESHOLD_MIN, THRESHOLD_STEP};
use leptos::prelude::*;

/// Controls that change what is compared.
#[component]
pub fn OptionsBar(
    /// Minimum similarity for two sentences to be linked; persisted by the app.
    threshold: RwSignal<f64>,
    /// Swaps the two articles.
    on_swap: Callback<()>,
    /// Loads the built-in sample pair.
    on_sample: Callback<()>,
    /// A warning when the browser cannot keep the text (storage full or off).
    storage_warning: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="px-options" role="group" aria-label="Options">
            <button type="button" on:click=move |_| on_swap.run(())>
                <span aria-hidden="true">"⇄ "</span>
                "Swap sides"
            </button>
            <button type="button" on:click=move |_| on_sample.run(())>"Load sample"</button>
            <label class="px-threshold" for="px-threshold">
                "Match threshold"
                <input
                    id="px-threshold"
                    type="range"
                    min=THRESHOLD_MIN
                    max=THRESHOLD_MAX
                    step=THRESHOLD_STEP
                    prop:value=move || threshold.get().to_string()
                    on:input=move |ev| {
                        if let Some(value) = crate::state::parse_threshold(&event_target_value(&ev)) {
                            threshold.set(value);
                        }
                    }
                />
                <output for="px-threshold">{move || format!("{:.2}", threshold.get())}</output>
            </label>
            {move || storage_warning.get().map(|w| view! { <p class="px-note px-error">"⚠ " {w}</p> })}
        </div>
    }
}
