//! The bar under the inputs: add an article, swap sides, reload the sample, copy a share link,
//! undo a removed pane, storage warnings.

use super::comparison::MAX_ARTICLES;
use leptos::prelude::*;

/// Controls that change the articles in the input boxes.
#[component]
pub fn OptionsBar(
    /// How many article panes there are.
    count: Signal<usize>,
    /// Swaps the two articles (offered with two panes).
    on_swap: Callback<()>,
    /// Adds an article pane (up to ten).
    on_add: Callback<()>,
    /// Loads the built-in sample pair.
    on_sample: Callback<()>,
    /// Makes a share link of the articles and the options.
    on_share: Callback<()>,
    /// What became of the last share link (copied, too large, …), announced politely.
    share_note: Signal<Option<(bool, String)>>,
    /// A warning when the browser cannot keep the text (storage full or off).
    storage_warning: Signal<Option<String>>,
    /// The name of the pane the reader last removed, while it can be put back.
    removed: Signal<Option<String>>,
    /// Puts the removed pane back.
    on_undo_remove: Callback<()>,
) -> impl IntoView {
    let add = move |_: leptos::ev::MouseEvent| on_add.run(());
    let full = move || count.get() >= MAX_ARTICLES;
    view! {
        <div class="px-options" role="group" aria-label="Articles">
            <button
                type="button"
                data-action="add-article"
                disabled=full
                title=move || {
                    if full() {
                        format!("Parallax compares up to {MAX_ARTICLES} articles")
                    } else {
                        String::new()
                    }
                }
                on:click=add
            >
                "+ Add article"
            </button>
            {move || (count.get() == 2).then(|| view! {
                <button type="button" on:click=move |_| on_swap.run(())>
                    <span aria-hidden="true">"⇄ "</span>
                    "Swap sides"
                </button>
            }).into_any()}
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
                        .into_any()
                }}
                {move || removed.get().map(|name| view! {
                    <span data-removed>
                        {format!("Removed {}. ", if name.trim().is_empty() { "an empty article".to_owned() } else { name })}
                        <button type="button" class="px-link" on:click=move |_| on_undo_remove.run(())>"Undo"</button>
                    </span>
                }).into_any()}
            </p>
            {move || storage_warning.get().map(|w| view! { <p class="px-note px-error">"⚠ " {w}</p> }).into_any()}
        </div>
    }
}
