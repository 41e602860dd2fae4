//! One article's input: a name field and a text area.

use leptos::prelude::*;

/// The input pane of one article.
#[component]
pub fn InputPanel(
    /// `left` or `right`; used in ids and test hooks.
    side: &'static str,
    /// The pane's visible label.
    label: &'static str,
    /// The article's display name.
    name: RwSignal<String>,
    /// The article's text.
    text: RwSignal<String>,
) -> impl IntoView {
    let name_id = format!("px-name-{side}");
    let text_id = format!("px-text-{side}");
    view! {
        <div class="px-input" data-side=side>
            <h2 class="px-input-label">{label}</h2>
            <label for=name_id.clone()>"Name"</label>
            <input
                id=name_id
                type="text"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
            />
            <label for=text_id.clone()>"Text"</label>
            <textarea
                id=text_id
                rows="12"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
        </div>
    }
}
