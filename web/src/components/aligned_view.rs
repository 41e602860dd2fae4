//! The aligned columns: one row per group of links that share sentences (each sentence once,
//! with all its partners beside it) or per unmatched sentence; folds, moved marks, badges.
//!
//! A paraphrase or partial row shows what its sentences share quietly, with the words only one
//! side has highlighted (`mark.px-only-here`); its "Show word diff" toggle (`aria-pressed`)
//! switches that row to the full word diff. The row's `data-display` says which is shown
//! (`shares` or `diff`).

use super::sentence::sentence_in;
use crate::view_model::{fold_label, Block, FirstRows, FoldKind, Row, RowDisplay, SentenceView};
use leptos::prelude::*;
use parallax_html::number::fixed;

/// The open folds, by first row: their kind and how many rows they hold. A list by ascending first row, not a `BTreeMap`: a few entries, looked up by row, and one
/// B-tree type less in the page's wasm.
pub type OpenFolds = Vec<(usize, (FoldKind, usize))>;

/// The rows of one report, with a generation number that changes with every new report
/// (it keys the rendered blocks, so a new report never reuses stale elements).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Rows {
    /// Bumped for every new report.
    pub generation: u64,
    /// The rows from [`crate::view_model::rows`].
    pub rows: Vec<Row>,
    /// The first row of every sentence ([`crate::view_model::first_rows`]).
    pub first: FirstRows,
}

/// Past this many rows and folds the view is long (`px-long`): rows off screen then skip
/// layout and paint (`content-visibility`), and the rows are drawn over several tasks.
/// Shorter views are painted whole (full-page screenshots, find in page at once).
pub const LONG_VIEW_BLOCKS: usize = 150;

/// Blocks a long view draws in the task that shows a new report (or filter): about a screen
/// and a half. Later tasks draw the rest (issue 18: the main thread is never held for long).
const FIRST_DRAW: usize = 40;

/// What each later drawing task aims to take, in milliseconds: the next task's share of blocks
/// follows from how long the last one took.
const DRAW_STEP_MS: f64 = 25.0;

/// How many of `blocks` to draw: all of a short view; of a long one [`FIRST_DRAW`] at first,
/// then more in each later task until all are drawn, restarting whenever `blocks` changes.
fn drawn_blocks(blocks: Memo<Vec<Block>>) -> Signal<usize> {
    // Each change of the blocks is a new version; a count drawn belongs to one version, so a
    // stale task never draws into a newer list.
    let version = Memo::new(move |last: Option<&u64>| {
        blocks.track();
        last.map_or(0, |v| v + 1)
    });
    let drawn = RwSignal::new((u64::MAX, FIRST_DRAW));
    Effect::new(move |_| {
        let v = version.get();
        if blocks.with_untracked(Vec::len) > LONG_VIEW_BLOCKS {
            drawn.set((v, FIRST_DRAW));
            set_timeout(
                move || draw_more(blocks, drawn, v, FIRST_DRAW / 2),
                std::time::Duration::ZERO,
            );
        }
    });
    Signal::derive(move || {
        let len = blocks.with(Vec::len);
        if len <= LONG_VIEW_BLOCKS {
            return len;
        }
        match drawn.get() {
            (v, count) if v == version.get() => count.min(len),
            _ => FIRST_DRAW,
        }
    })
}

/// Draws `chunk` more blocks of version `v` (in a task of its own), then, in the next task,
/// the next share, sized so that it takes about [`DRAW_STEP_MS`].
fn draw_more(blocks: Memo<Vec<Block>>, drawn: RwSignal<(u64, usize)>, v: u64, chunk: usize) {
    let Some((at, count)) = drawn.try_get_untracked() else {
        return; // the view is gone
    };
    if at != v || count >= blocks.with_untracked(Vec::len) {
        return; // a newer list, or all drawn
    }
    let started = js_sys::Date::now();
    drawn.set((v, count + chunk));
    // leptos draws in microtasks, before the next task: the time to it is what `chunk` cost.
    set_timeout(
        move || {
            let took = (js_sys::Date::now() - started).max(1.0);
            // Half the last share, half what it would take to fill the step: one slow task
            // (a collection, a frame drawn in between) does not shrink the share at once.
            let next = (chunk as f64 * (0.5 + 0.5 * DRAW_STEP_MS / took)).clamp(8.0, 400.0);
            draw_more(blocks, drawn, v, next as usize);
        },
        std::time::Duration::ZERO,
    );
}

/// Side-by-side rows of the two articles.
#[component]
pub fn AlignedView(
    /// All rows of the current report.
    rows: Memo<Rows>,
    /// What to show: rows and folds, after the filter.
    blocks: Memo<Vec<Block>>,
    /// The two articles' names, for the column headings.
    names: Signal<(String, String)>,
    /// Opens the fold that starts at this row.
    on_expand: Callback<usize>,
    /// The folds the reader opened (each gets a button that folds it again).
    open_folds: Memo<OpenFolds>,
    /// Closes the open fold that starts at this row.
    on_collapse: Callback<usize>,
    /// Shows a moved right sentence (by index) in its own article's order.
    on_jump: Callback<usize>,
) -> impl IntoView {
    let drawn = drawn_blocks(blocks);
    let keyed = move || {
        let generation = rows.with(|r| r.generation);
        let count = drawn.get();
        blocks.with(|all| {
            all.iter()
                .take(count)
                .map(|block| (generation, block.clone()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <section
            class=move || {
                if blocks.with(Vec::len) > LONG_VIEW_BLOCKS {
                    "px-view px-aligned px-long"
                } else {
                    "px-view px-aligned"
                }
            }
            role="group"
            aria-label="Aligned sentences"
            // How many rows and folds the view holds once all are drawn.
            data-blocks=move || blocks.with(Vec::len)
        >
            <div class="px-row px-heading" aria-hidden="true">
                <div class="px-cell">{move || names.get().0}</div>
                <div class="px-badge-cell"></div>
                <div class="px-cell">{move || names.get().1}</div>
            </div>
            // Without rows the comparison says why above (an article is missing or too long).
            <Show when=move || blocks.with(Vec::is_empty) && rows.with(|r| !r.rows.is_empty())>
                <p class="px-empty">"No rows match this filter."</p>
            </Show>
            <For
                each=keyed
                key=|(generation, block)| (*generation, block.key())
                children=move |(_, block)| match block {
                    Block::Row(i) => {
                        let refold = move || {
                            open_folds.with(|open| open.iter().find(|(first, _)| *first == i).map(|(_, fold)| *fold)).map(|(kind, count)| {
                                unfold_view(i, kind, count, on_collapse)
                            })
                        };
                        let row = rows.with_untracked(|r| {
                            r.rows.get(i).cloned().map(|row| row_view(i, row, &r.first, names, on_jump))
                        });
                        view! { {move || refold().into_any()} {row} }.into_any()
                    }
                    Block::Fold { kind, rows: folded } => fold_view(kind, &folded, on_expand).into_any(),
                }
            />
        </section>
    }
}

fn fold_view(kind: FoldKind, rows: &[usize], on_expand: Callback<usize>) -> impl IntoView {
    let first = rows.first().copied().unwrap_or(0);
    let label = fold_label(kind, rows.len());
    let name = match kind {
        FoldKind::Identical => "identical",
        FoldKind::Boilerplate => "boilerplate",
    };
    view! {
        <div class="px-fold" data-fold=name data-first=first>
            <button
                type="button"
                class="px-fold-button"
                aria-expanded="false"
                on:click=move |_| on_expand.run(first)
            >
                <span aria-hidden="true">"▸ "</span>
                {label}
                <span class="px-fold-hint">" — show"</span>
            </button>
        </div>
    }
}

/// The button above an opened fold's first row that folds it again.
fn unfold_view(
    first: usize,
    kind: FoldKind,
    count: usize,
    on_collapse: Callback<usize>,
) -> impl IntoView {
    view! {
        <div class="px-unfold" data-unfold=first>
            <button
                type="button"
                class="px-fold-button"
                aria-expanded="true"
                on:click=move |_| on_collapse.run(first)
            >
                <span aria-hidden="true">"▾ "</span>
                {fold_label(kind, count)}
                <span class="px-fold-hint">" — fold again"</span>
            </button>
        </div>
    }
}

/// A sentence of row `index` in the row's display. The rows show each sentence once; should a
/// row list repeat one, the later appearance is a quieter repeat that says so. A sentence whose
/// own link is only a possible match, in a row that is sure, says "possible match" above it.
fn cell_sentence(
    index: usize,
    view: SentenceView,
    first: &FirstRows,
    display: Signal<RowDisplay>,
    row_unsure: bool,
) -> impl IntoView {
    let earlier = first
        .get(&(view.doc, view.sentence))
        .is_some_and(|&at| at < index);
    let unsure = view.unsure && !row_unsure;
    let possible = unsure.then(|| {
        view! { <span class="px-possible-partner">"possible match"</span> }
    });
    let class = match (earlier, unsure) {
        (true, true) => "px-repeat px-unsure-sentence",
        (true, false) => "px-repeat",
        (false, true) => "px-unsure-sentence",
        (false, false) => "",
    };
    view! {
        {earlier.then(|| view! { <span class="px-again">"↑ also in a row above"</span> })}
        {possible}
        {sentence_in(view, class, display)}
    }
}

/// The row's display, and for a quiet row (paraphrase, partial) the button that switches it
/// to the word diff and back.
fn display_toggle(row: &Row) -> (Signal<RowDisplay>, Option<AnyView>) {
    if row.display == RowDisplay::Diff {
        return (Signal::stored(RowDisplay::Diff), None);
    }
    let show_diff = RwSignal::new(false);
    let display = Signal::derive(move || {
        if show_diff.get() {
            RowDisplay::Diff
        } else {
            RowDisplay::Shares
        }
    });
    let button = view! {
        <button
            type="button"
            class="px-diff-toggle"
            aria-pressed=move || if show_diff.get() { "true" } else { "false" }
            title="Strike through and underline every word that differs"
            on:click=move |_| show_diff.update(|on| *on = !*on)
        >
            "Show word diff"
        </button>
    }
    .into_any();
    (display, Some(button))
}

/// The reader's controls on a row: "Not the same fact" on a link (and "your link" on one the
/// reader added), "Link to…" on a sentence with no counterpart.
fn correction_controls(index: usize, row: &Row) -> Option<AnyView> {
    let corrector = use_context::<super::corrections_bar::Corrector>()?;
    let editing = corrector.editing;
    if row.link.is_some() {
        let yours = row.by_reader.then(|| {
            view! { <span class="px-yours-badge" title="You linked these sentences">"your link"</span> }
        });
        return Some(
            view! {
                {yours}
                <button
                    class:px-hidden=move || !editing.get()
                    type="button"
                    class="px-correct"
                    data-action="reject"
                    title="Not the same fact: remove this link"
                    on:click=move |_| corrector.reject_row(index)
                >
                    "Not the same fact"
                </button>
            }
            .into_any(),
        );
    }
    let sentence = row.left.first().or(row.right.first())?;
    let id = (sentence.doc, sentence.sentence);
    Some(
        view! {
            <button
                class:px-hidden=move || !editing.get()
                type="button"
                class="px-correct"
                data-action="link-start"
                title="Link this sentence to one the aligner missed in the other article"
                aria-pressed=move || if corrector.picking.get() == Some(id) { "true" } else { "false" }
                on:click=move |_| corrector.start(id)
            >
                "Link to…"
            </button>
        }
        .into_any(),
    )
}

fn row_view(
    index: usize,
    row: Row,
    first: &FirstRows,
    names: Signal<(String, String)>,
    on_jump: Callback<usize>,
) -> impl IntoView {
    let kind = row.kind.name();
    // Issue 16: a link scored below one half is only a possible match: said in words, lighter.
    let unsure = row.is_unsure();
    let score = row.score.map(|s| format!("match {}%", fixed(s * 100.0, 0)));
    let title = score.clone().map(|s| {
        if unsure {
            format!("{s}: a possible match, more likely wrong than right")
        } else {
            s
        }
    });
    let moved = row.moved.map(|moved| {
        let label = format!("¶ {} in right", moved.paragraph);
        view! {
            <button
                type="button"
                class="px-moved"
                data-moved-to=moved.sentence
                title="Sits elsewhere in the right article: show it in its own order"
                on:click=move |_| on_jump.run(moved.sentence)
            >
                <span class="px-sr-only">"Moved: "</span>
                <span aria-hidden="true">"↳ "</span>
                {label}
                <span class="px-sr-only">", show it in the reordering view"</span>
            </button>
        }
    });
    // Discrepancy flags: a chip each, kind and note in words (not colour alone); the
    // severity is in the chip's screen-reader text, its title and its border.
    let chips =
        (!row.flags.is_empty()).then(|| {
            let chips = row
            .flags
            .iter()
            .map(|flag| {
                let severity = if flag.is_conflict() { "conflict" } else { "variant" };
                let title = format!("{}: {}", severity, flag.label());
                view! {
                    // Focusable, so a keyboard reaches each flag and its title.
                    <li class="px-flag" data-flag=flag.kind data-severity=flag.severity title=title tabindex="0">
                        <span class="px-sr-only">{format!("{severity}: ")}</span>
                        {flag.label()}
                    </li>
                }
            })
            .collect_view();
            view! { <ul class="px-flags" aria-label="Discrepancies">{chips}</ul> }
        });
    let (display, toggle) = display_toggle(&row);
    let correct = correction_controls(index, &row);
    let empty_left = row.left.is_empty();
    let empty_right = row.right.is_empty();
    let missing = move |side: usize| {
        let name = move || {
            let (left, right) = names.get();
            format!("not in {}", if side == 0 { left } else { right })
        };
        view! { <span class="px-none">{name}</span> }
    };
    view! {
        <div
            class=format!(
                "px-row px-{kind}{}{}",
                if row.moved.is_some() { " px-is-moved" } else { "" },
                if unsure { " px-unsure" } else { "" }
            )
            data-link=kind
            data-row=index
            data-display=move || display.get().name()
        >
            <div class="px-cell px-left" data-side="left" data-name=move || names.get().0>
                {row
                    .left
                    .into_iter()
                    .map(|s| cell_sentence(index, s, first, display, unsure))
                    .collect_view()}
                {empty_left.then(|| missing(0))}
            </div>
            <div class="px-badge-cell">
                <span class="px-badge" title=title>
                    {row.kind.label()}
                    {score.map(|s| view! {
                        <span class="px-score"><span class="px-sr-only">", "</span>{s}</span>
                    })}
                </span>
                {unsure.then(|| view! { <span class="px-possible">"possible match"</span> })}
                {toggle}
                {chips}
                {correct}
            </div>
            <div class="px-cell px-right" data-side="right" data-name=move || names.get().1>
                {moved}
                {row
                    .right
                    .into_iter()
                    .map(|s| cell_sentence(index, s, first, display, unsure))
                    .collect_view()}
                {empty_right.then(|| missing(1))}
            </div>
        </div>
    }
}
