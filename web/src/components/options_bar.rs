//! The bar under the inputs: swap sides, reload the sample, copy a share link, storage warnings.

use leptos::prelude::*;

/// Controls that change the articles in the input boxes.
#[component]
pub fn OptionsBar(
    /// Swaps the two articles.
    on_swap: Callback<()>,
    /// Loads the built-in sample pair.
    on_sample: Callback<()>,
    /// Makes a share link of both articles and the options.
    on_share: Callback<()>,
    /// What became of the last share link (copied, too large, …), announced politely.
    share_note: Signal<Option<(bool, String)>>,
    /// A warning when the browser cannot keep the text (storage full or off).
    storage_warning: Signal<Option<String>>,
) -> impl IntoView {
    view! {
        <div class="px-options" role="group" aria-label="Articles">
            <button type="button" on:click=move |_| on_swap.run(())>
                <span aria-hidden="true">"⇄ "</span>
                "Swap sides"
            </button>
            <button type="button" on:click=move |_| on_sample.run(())>"Load sample"</button>
            <button type="button" data-share-link on:click=move |_| on_share.run(())>
                "Copy link"
            </button>
            <p class="px-note" data-share-note role="status">
                {move || {
                    share_note
                        .get()
                        .map(|(ok, text)| {
                            view! { <span class:px-error=!ok>{text}</span> }
                        })
                }}
            </p>
            {move || storage_warning.get().map(|w| view! { <p class="px-note px-error">"⚠ " {w}</p> })}
        </div>
    }
}
