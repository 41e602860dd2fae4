//! The note shown while the engine's worker compares, with its Cancel button, and the note
//! left after a cancel, with "Compare again".

use crate::state::Refusal;
use leptos::prelude::*;

/// "Comparing…" with a Cancel button while `busy`; after a cancel (`cancelled`), a note with a
/// "Compare again" button.
#[component]
pub fn Progress(
    /// A comparison is running and has been for a while (or is large).
    #[prop(into)]
    busy: Signal<bool>,
    /// The reader cancelled the last comparison.
    #[prop(into)]
    cancelled: Signal<bool>,
    /// Stops the comparison.
    on_cancel: Callback<()>,
    /// Runs it again.
    on_retry: Callback<()>,
) -> impl IntoView {
    view! {
        <Show when=move || busy.get()>
            <p class="px-busy" role="status">
                <span class="px-spinner" aria-hidden="true"></span>
                "Comparing… long articles take a few seconds; the page stays usable. "
                <button type="button" class="px-cancel" data-cancel on:click=move |_| on_cancel.run(())>
                    "Cancel"
                </button>
            </p>
        </Show>
        <Show when=move || cancelled.get()>
            <p class="px-empty px-refusal" role="status" data-cancelled>
                {Refusal::Cancelled.to_string()}
                " "
                <button type="button" data-retry on:click=move |_| on_retry.run(())>
                    "Compare again"
                </button>
            </p>
        </Show>
    }
}
