//! The view of three or more articles: who tells which fact (the fact grid), how much of each
//! article the others carry (the coverage matrix) and what only one article tells.
//!
//! The tables themselves are the HTML fragments the exported page uses
//! ([`parallax_html::fragments`]): one grid renderer for both, and static markup costs the
//! page's wasm far less than a reactive view of every cell. The controls around them are
//! reactive; a click on a coverage cell is read from its `data-pair`.

use crate::state::Refusal;
use crate::view_model::grid;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use parallax::report::Report;
use parallax_html::fragments::{self, GridShow};

/// The report when it holds three or more articles (the grid's case).
fn many(outcome: Option<&Result<Report, Refusal>>) -> Option<&Report> {
    match outcome {
        Some(Ok(report)) if report.documents.len() > 2 => Some(report),
        _ => None,
    }
}

/// The fact grid, its base switch and column choices, and the coverage above it.
#[component]
pub fn GridView(
    /// The engine's report of all the articles (or why there is none); read in place, never
    /// copied.
    report: RwSignal<Option<Result<Report, Refusal>>>,
    /// The article whose order the rows follow.
    base: RwSignal<usize>,
    /// Every article's name.
    names: Signal<Vec<String>>,
    /// Shows article `a` against `b` in the pair view.
    on_pair: Callback<(usize, usize)>,
) -> impl IntoView {
    let hidden = RwSignal::new(Vec::<bool>::new());
    // On a phone: the base and one chosen article.
    let picked = RwSignal::new(None::<usize>);
    let grid = Memo::new(move |_| report.with(|r| many(r.as_ref()).map(|r| grid(r, base.get()))));
    let n = Memo::new(move |_| report.with(|r| many(r.as_ref()).map_or(0, |r| r.documents.len())));
    crate::components::effect(move |_| {
        let n = n.get();
        if hidden.with_untracked(Vec::len) != n {
            hidden.set(vec![false; n]);
        }
    });
    let picked_doc = Memo::new(move |_| {
        let base = base.get();
        picked
            .get()
            .filter(|&p| p != base && p < n.get())
            .unwrap_or(usize::from(base == 0))
    });
    let headline = move || {
        report.with(|r| {
            grid.with(|g| match (many(r.as_ref()), g) {
                (Some(r), Some(g)) => fragments::headline(r, g),
                _ => String::new(),
            })
        })
    };
    let table = move || {
        let (hidden, picked) = (hidden.get(), picked_doc.get());
        report.with(|r| {
            grid.with(|g| match (many(r.as_ref()), g) {
                (Some(r), Some(g)) => names.with(|names| {
                    let show = GridShow {
                        hidden: &hidden,
                        picked: Some(picked),
                    };
                    fragments::grid_table(r, g, names, &show)
                }),
                _ => String::new(),
            })
        })
    };
    let matrix = move || {
        report.with(|r| {
            many(r.as_ref()).map_or_else(String::new, |r| {
                names.with(|names| fragments::coverage_matrix(r, names, true))
            })
        })
    };
    let only = move || {
        report.with(|r| {
            many(r.as_ref()).map_or_else(String::new, |r| {
                names.with(|names| fragments::only_lists(r, names))
            })
        })
    };
    // A coverage cell's button opens its pair.
    let open_pair = move |ev: leptos::ev::MouseEvent| {
        let pair = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|t| t.closest("[data-pair]").ok().flatten())
            .and_then(|b| b.get_attribute("data-pair"));
        let parsed = pair.as_deref().and_then(|p| {
            let (a, b) = p.split_once(' ')?;
            Some((a.parse().ok()?, b.parse().ok()?))
        });
        if let Some(pair) = parsed {
            on_pair.run(pair);
        }
    };

    view! {
        <div class="px-gridview">
            <p class="px-grid-headline" data-grid-headline>{headline}</p>
            <section class="px-coverage" aria-label="Coverage">
                <div class="px-cov-scroll" on:click=open_pair inner_html=matrix></div>
                <div class="px-only-lists" inner_html=only></div>
            </section>
            <GridControls base=base names=names n=n hidden=hidden picked=picked picked_doc=picked_doc />
            <div class="px-grid-wrap" role="region" aria-label="Fact grid" tabindex="0" inner_html=table></div>
        </div>
    }
}

/// Above the grid: whose order the rows follow, which columns show, and (on a phone) which
/// article stands beside the base.
#[component]
fn GridControls(
    base: RwSignal<usize>,
    names: Signal<Vec<String>>,
    n: Memo<usize>,
    hidden: RwSignal<Vec<bool>>,
    picked: RwSignal<Option<usize>>,
    picked_doc: Memo<usize>,
) -> impl IntoView {
    let name = move |d: usize| names.with(|names| names.get(d).cloned().unwrap_or_default());
    let base_options = move || {
        (0..n.get())
            .map(|d| {
                view! { <option value=d.to_string() selected=move || base.get() == d>{name(d)}</option> }
            })
            .collect_view()
    };
    let pick_options = move || {
        (0..n.get())
            .filter(|&d| d != base.get())
            .map(|d| {
                view! { <option value=d.to_string() selected=move || picked_doc.get() == d>{name(d)}</option> }
            })
            .collect_view()
    };
    let toggles = move || {
        (0..n.get())
            .filter(|&d| d != base.get())
            .map(|d| {
                let shown = move || !hidden.with(|h| h.get(d).copied().unwrap_or(false));
                view! {
                    <label class="px-col-toggle">
                        <input
                            type="checkbox"
                            data-column=d
                            prop:checked=shown
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                hidden.update(|h| {
                                    if let Some(slot) = h.get_mut(d) {
                                        *slot = !on;
                                    }
                                });
                            }
                        />
                        {name(d)}
                    </label>
                }
            })
            .collect_view()
    };

    view! {
        <div class="px-grid-controls">
            <label class="px-base-switch">
                "Rows in the order of "
                <select
                    data-base
                    on:change=move |ev| {
                        if let Ok(d) = event_target_value(&ev).parse::<usize>() {
                            base.set(d);
                        }
                    }
                >
                    {move || base_options().into_any()}
                </select>
            </label>
            <fieldset class="px-col-toggles">
                <legend>"Columns"</legend>
                {move || toggles().into_any()}
            </fieldset>
            <label class="px-phone-pick">
                "Beside it "
                <select
                    data-phone-pick
                    on:change=move |ev| {
                        if let Ok(d) = event_target_value(&ev).parse::<usize>() {
                            picked.set(Some(d));
                        }
                    }
                >
                    {move || pick_options().into_any()}
                </select>
            </label>
        </div>
    }
}
