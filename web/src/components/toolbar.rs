//! The bar above the results: which view, which rows, export, and the keyboard keys.

use crate::state::View;
use crate::view_model::Filter;
use leptos::prelude::*;

/// View switch, row filters, JSON export and a key legend.
#[component]
pub fn Toolbar(
    /// The view on screen.
    view: RwSignal<View>,
    /// The row filter of the aligned view.
    filter: RwSignal<Filter>,
    /// Exports the report as JSON.
    on_export: Callback<()>,
    /// Whether there is a report to export.
    can_export: Signal<bool>,
) -> impl IntoView {
    let view_button = move |which: View, label: &'static str, name: &'static str| {
        view! {
            <button
                type="button"
                data-view=name
                aria-pressed=move || if view.get() == which { "true" } else { "false" }
                on:click=move |_| view.set(which)
            >
                {label}
            </button>
        }
    };
    let filters = Filter::ALL
        .into_iter()
        .map(|f| {
            view! {
                <button
                    type="button"
                    data-filter=f.name()
                    aria-pressed=move || if filter.get() == f { "true" } else { "false" }
                    on:click=move |_| filter.set(f)
                >
                    {f.label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="px-toolbar">
            <div class="px-segmented" role="group" aria-label="View">
                {view_button(View::Aligned, "Aligned", "aligned")}
                {view_button(View::Ribbons, "Reordering", "ribbons")}
            </div>
            <div
                class=move || {
                    if view.get() == View::Aligned { "px-segmented" } else { "px-segmented px-hidden" }
                }
                role="group"
                aria-label="Show rows"
            >
                {filters}
            </div>
            <button
                type="button"
                class="px-export"
                disabled=move || !can_export.get()
                on:click=move |_| on_export.run(())
            >
                "Export JSON"
            </button>
            <p class="px-keys">
                <kbd>"j"</kbd> "/" <kbd>"n"</kbd> " next difference · "
                <kbd>"k"</kbd> "/" <kbd>"p"</kbd> " previous · "
                <kbd>"Enter"</kbd> " pin · " <kbd>"Esc"</kbd> " clear"
            </p>
        </div>
    }
}
