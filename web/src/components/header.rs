//! The page header: name, one-line purpose and the theme toggle.

use crate::state::Theme;
use leptos::prelude::*;

/// Title bar with the light/dark toggle.
#[component]
pub fn Header(
    /// The theme in use; the toggle flips it.
    theme: RwSignal<Theme>,
) -> impl IntoView {
    let dark = move || theme.get() == Theme::Dark;
    view! {
        <header class="px-header">
            <div class="px-title">
                <h1>"Parallax"</h1>
                <p class="px-tagline">"See how outlets tell the same story: two articles, or up to ten."</p>
            </div>
            <button
                type="button"
                class="px-theme-toggle"
                aria-pressed=move || if dark() { "true" } else { "false" }
                on:click=move |_| theme.update(|t| *t = t.toggled())
            >
                <span aria-hidden="true">{move || if dark() { "☾ " } else { "☀ " }}</span>
                "Dark theme"
            </button>
        </header>
    }
}
