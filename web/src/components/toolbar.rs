//! The bar above the results: which view, which rows, export (JSON, HTML), and the keys.

use crate::state::Export;
use crate::state::View;
use crate::view_model::Filter;
use leptos::prelude::*;

/// View switch, row filters, JSON and HTML export and a key legend.
#[component]
pub fn Toolbar(
    /// The view on screen.
    view: RwSignal<View>,
    /// The row filter of the aligned view.
    filter: RwSignal<Filter>,
    /// Exports the report as JSON or as the self-contained HTML page.
    on_export: Callback<Export>,
    /// Whether there is a report to export.
    can_export: Signal<bool>,
    /// How many articles are compared (the fact grid is offered from three).
    count: Signal<usize>,
    /// The pair view's two articles (positions), chosen with the pickers from three articles.
    pair: RwSignal<(usize, usize)>,
    /// Every article's name.
    names: Signal<Vec<String>>,
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
    let exports = Export::ALL
        .into_iter()
        .map(|format| {
            view! {
                <button
                    type="button"
                    class="px-export"
                    data-export=format.extension()
                    disabled=move || !can_export.get()
                    on:click=move |_| on_export.run(format)
                >
                    {format.button_label()}
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="px-toolbar">
            <div class="px-segmented" role="group" aria-label="View">
                {move || (count.get() > 2).then(|| view_button(View::Grid, "Fact grid", "grid")).into_any()}
                {view_button(View::Aligned, "Aligned", "aligned")}
                {view_button(View::Ribbons, "Reordering", "ribbons")}
            </div>
            {move || (count.get() > 2 && view.get() != View::Grid).then(|| view! {
                <PairPickers pair=pair names=names />
            }).into_any()}
            <div
                class=move || {
                    if view.get() == View::Aligned { "px-segmented" } else { "px-segmented px-hidden" }
                }
                role="group"
                aria-label="Show rows"
            >
                {filters}
            </div>
            <div class="px-segmented px-exports" role="group" aria-label="Export the report">
                {exports}
            </div>
            <p class="px-keys">
                <kbd>"j"</kbd> "/" <kbd>"n"</kbd> " next difference · "
                <kbd>"k"</kbd> "/" <kbd>"p"</kbd> " previous · "
                <kbd>"Enter"</kbd> " pin · " <kbd>"Esc"</kbd> " clear"
            </p>
        </div>
    }
}

/// The two pickers of the pair view: which article on the left, which on the right. Picking
/// the article the other side shows swaps the two.
#[component]
fn PairPickers(pair: RwSignal<(usize, usize)>, names: Signal<Vec<String>>) -> impl IntoView {
    let picker = move |side: usize, label: &'static str, key: &'static str| {
        let options = move || {
            names
                .get()
                .into_iter()
                .enumerate()
                .map(|(d, name)| {
                    let selected = move || {
                        let (a, b) = pair.get();
                        (if side == 0 { a } else { b }) == d
                    };
                    view! { <option value=d.to_string() selected=selected>{name}</option> }
                })
                .collect_view()
        };
        view! {
            <label class="px-pair-picker">
                {label}
                " "
                <select
                    data-pair=key
                    on:change=move |ev| {
                        let Ok(d) = event_target_value(&ev).parse::<usize>() else { return };
                        pair.update(|(a, b)| {
                            let (this, other) = if side == 0 { (a, b) } else { (b, a) };
                            if *other == d {
                                *other = *this;
                            }
                            *this = d;
                        });
                    }
                >
                    {move || options().into_any()}
                </select>
            </label>
        }
    };
    view! {
        <div class="px-pair-pickers" role="group" aria-label="Which two articles">
            {picker(0, "Left", "left")}
            {picker(1, "Right", "right")}
        </div>
    }
}
