//! The view of three or more articles: who tells which fact (the fact grid), how much of each
//! article the others carry (the coverage matrix) and what only one article tells.

use crate::view_model::{grid, role_name, Grid};
use leptos::prelude::*;
use parallax::report::{Report, SURE_FROM};
use std::fmt::Write as _;

/// Grids of more rows than this let the browser skip laying out rows off screen.
const LONG_GRID: usize = 150;

/// The numbers above the grid: articles, facts, facts all tell, facts one tells.
fn headline(report: &Report, grid: &Grid) -> String {
    let n = report.documents.len();
    let facts = grid.rows.len();
    let all = grid.rows.iter().filter(|r| r.carried_by() == n).count();
    let one = grid.rows.iter().filter(|r| r.carried_by() == 1).count();
    let flagged = grid.rows.iter().filter(|r| r.flagged).count();
    let mut text = format!(
        "{n} articles · {facts} facts · {all} told by all {n} · {one} told by one article only"
    );
    if flagged > 0 {
        let _ = write!(text, " · {flagged} where they disagree");
    }
    text
}

/// The fact grid, its base switch and column choices, and the coverage above it.
#[component]
pub fn GridView(
    /// The report of all the articles.
    report: Memo<Option<Report>>,
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
    let grid = Memo::new(move |_| report.with(|r| r.as_ref().map(|r| grid(r, base.get()))));
    let n = Memo::new(move |_| report.with(|r| r.as_ref().map_or(0, |r| r.documents.len())));
    Effect::new(move |_| {
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
    let table = move || {
        report.with(|report| {
            let report = report.as_ref()?;
            grid.with(|grid| {
                let grid = grid.as_ref()?;
                Some(grid_table(
                    report,
                    grid,
                    &names.get(),
                    &hidden.get(),
                    picked_doc.get(),
                ))
            })
        })
    };

    view! {
        <div class="px-gridview">
            <p class="px-grid-headline" data-grid-headline>
                {move || report.with(|r| grid.with(|g| match (r, g) {
                    (Some(r), Some(g)) => headline(r, g),
                    _ => String::new(),
                }))}
            </p>
            <Coverage report=report names=names on_pair=on_pair />
            <GridControls base=base names=names n=n hidden=hidden picked=picked picked_doc=picked_doc />
            <div class="px-grid-wrap" role="region" aria-label="Fact grid" tabindex="0">
                {table}
            </div>
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
                    {base_options}
                </select>
            </label>
            <fieldset class="px-col-toggles">
                <legend>"Columns"</legend>
                {toggles}
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
                    {pick_options}
                </select>
            </label>
        </div>
    }
}

/// The fact grid as a table: the "told by" column, the base article's column (both sticky
/// when the table scrolls sideways), then the others.
fn grid_table(
    report: &Report,
    grid: &Grid,
    names: &[String],
    hidden: &[bool],
    picked: usize,
) -> impl IntoView {
    let n = report.documents.len();
    let column_class = |d: usize| {
        let mut class = String::from("px-gcol");
        if d == grid.base {
            class.push_str(" px-base");
        }
        if d == picked {
            class.push_str(" px-picked");
        }
        if hidden.get(d).copied().unwrap_or(false) && d != grid.base {
            class.push_str(" px-hidden");
        }
        class
    };
    let heads = grid
        .columns
        .iter()
        .map(|&d| {
            let label = names.get(d).cloned().unwrap_or_default();
            let base = (d == grid.base).then_some(" (order)");
            view! { <th scope="col" class=column_class(d) data-column=d>{label}{base}</th> }
        })
        .collect_view();
    let rows = grid
        .rows
        .iter()
        .enumerate()
        .map(|(index, row)| {
            let carried = row.carried_by();
            let unsure = row.score.is_some_and(|s| s < SURE_FROM);
            let mut class = String::from("px-grow");
            if unsure {
                class.push_str(" px-unsure");
            }
            if carried == 1 {
                class.push_str(" px-single");
            }
            // On a phone only the base and the picked article show: a row neither tells is
            // left out there.
            if row.cells[grid.base].is_empty() && row.cells.get(picked).is_none_or(Vec::is_empty) {
                class.push_str(" px-off-pair");
            }
            let cells = grid
                .columns
                .iter()
                .map(|&d| {
                    let mut class = column_class(d);
                    class.push_str(" px-gcell");
                    let link = (carried > 1).then(|| format!("c{}", row.cluster.unwrap_or(index)));
                    grid_cell(
                        report,
                        d,
                        &row.cells[d],
                        row.marked.get(d).copied().unwrap_or(false),
                        class,
                        link,
                    )
                })
                .collect_view();
            let told = if unsure {
                format!("{carried} of {n}, possible match")
            } else {
                format!("{carried} of {n}")
            };
            view! {
                <tr class=class data-grid-row=index data-carried=carried>
                    <th scope="row" class="px-gtold">{told}</th>
                    {cells}
                </tr>
            }
        })
        .collect_view();
    let long = grid.rows.len() > LONG_GRID;
    view! {
        <table class=if long { "px-grid px-long" } else { "px-grid" } data-base=grid.base>
            <caption class="px-sr-only">
                {format!(
                    "One row per fact, in the order of {}; one column per article.",
                    names.get(grid.base).cloned().unwrap_or_default()
                )}
            </caption>
            <thead>
                <tr>
                    <th scope="col" class="px-gtold">"Told by"</th>
                    {heads}
                </tr>
            </thead>
            <tbody>{rows}</tbody>
        </table>
    }
}

/// One cell of the grid: article `doc`'s sentences for the row's fact (each with the
/// `data-doc`, `data-sentence` and, when another article tells it too, `data-link` hooks),
/// "not reported" when it has none, a "≠" mark when it disagrees with another cell.
fn grid_cell(
    report: &Report,
    doc: usize,
    sentences: &[usize],
    marked: bool,
    mut class: String,
    link: Option<String>,
) -> AnyView {
    if sentences.is_empty() {
        class.push_str(" px-gempty");
        return view! {
            <td class=class data-column=doc>
                <span class="px-not-reported">"not reported"</span>
            </td>
        }
        .into_any();
    }
    if marked {
        class.push_str(" px-gflag");
    }
    let texts = sentences
        .iter()
        .filter_map(|&s| report.documents.get(doc)?.sentences.get(s).map(|x| (s, x)))
        .map(|(s, sentence)| {
            view! {
                <span
                    class="px-sentence"
                    tabindex="0"
                    data-doc=doc
                    data-sentence=s
                    data-link=link.clone()
                    data-role=role_name(sentence.kind)
                >
                    {sentence.clean.clone()}
                </span>
                " "
            }
        })
        .collect_view();
    view! {
        <td class=class data-column=doc>
            {marked.then(|| view! {
                <span class="px-gmark" title="These articles disagree on a fact here">
                    <span aria-hidden="true">"≠ "</span>
                    <span class="px-sr-only">"disagrees: "</span>
                </span>
            })}
            {texts}
        </td>
    }
    .into_any()
}

/// The coverage matrix ("how much of A is found in B") and, per article, what only it tells.
#[component]
fn Coverage(
    report: Memo<Option<Report>>,
    names: Signal<Vec<String>>,
    on_pair: Callback<(usize, usize)>,
) -> impl IntoView {
    move || {
        report.with(|report| {
            let report = report.as_ref()?;
            let names = names.get();
            let n = report.documents.len();
            let name = |d: usize| names.get(d).cloned().unwrap_or_default();
            let heads = (0..n)
                .map(|d| view! { <th scope="col">{name(d)}</th> })
                .collect_view();
            let rows = (0..n)
                .map(|a| {
                    let cells = (0..n)
                        .map(|b| {
                            if a == b {
                                return view! { <td class="px-cov-self">"—"</td> }.into_any();
                            }
                            let share = report
                                .coverage
                                .shared
                                .get(a)
                                .and_then(|r| r.get(b))
                                .copied()
                                .unwrap_or(0.0);
                            let percent = format!("{:.0}%", share * 100.0);
                            let label = format!(
                                "{percent} of {} is found in {}: show the pair",
                                name(a),
                                name(b)
                            );
                            view! {
                                <td
                                    class="px-cov"
                                    data-share=format!("{share:.3}")
                                    style:background-color=format!(
                                        "color-mix(in srgb, var(--px-accent) {:.1}%, var(--px-panel))",
                                        share * 45.0
                                    )
                                >
                                    <button
                                        type="button"
                                        class="px-cov-button"
                                        aria-label=label
                                        on:click=move |_| on_pair.run((a, b))
                                    >
                                        {percent}
                                    </button>
                                </td>
                            }
                            .into_any()
                        })
                        .collect_view();
                    view! { <tr><th scope="row">{name(a)}</th>{cells}</tr> }
                })
                .collect_view();
            let only = (0..n)
                .map(|d| {
                    let sentences: Vec<usize> = report.coverage.only.get(d).cloned().unwrap_or_default();
                    let count = sentences.len();
                    let items = sentences
                        .iter()
                        .filter_map(|&s| report.documents[d].sentences.get(s).map(|x| (s, x)))
                        .map(|(s, sentence)| {
                            view! {
                                <li>
                                    <span class="px-sentence" tabindex="0" data-doc=d data-sentence=s>
                                        {sentence.clean.clone()}
                                    </span>
                                </li>
                            }
                        })
                        .collect_view();
                    let summary = match count {
                        0 => format!("{}: nothing only it tells", name(d)),
                        1 => format!("Only {} tells 1 sentence", name(d)),
                        _ => format!("Only {} tells {count} sentences", name(d)),
                    };
                    view! {
                        <details class="px-only" data-only=d>
                            <summary>{summary}</summary>
                            <ol>{items}</ol>
                        </details>
                    }
                })
                .collect_view();
            Some(view! {
                <section class="px-coverage" aria-label="Coverage">
                    <div class="px-cov-scroll">
                    <table class="px-cov-matrix">
                        <caption>"How much of each article (row) is found in another (column)"</caption>
                        <thead><tr><td></td>{heads}</tr></thead>
                        <tbody>{rows}</tbody>
                    </table>
                    </div>
                    <div class="px-only-lists">{only}</div>
                </section>
            })
        })
    }
}
