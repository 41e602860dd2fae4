//! The aligned columns: one row per group of links that share sentences (each sentence once,
//! with all its partners beside it) or per unmatched sentence; folds, moved marks, badges.
//!
//! A paraphrase or partial row shows what its sentences share quietly, with the words only one
//! side has highlighted (`mark.px-only-here`); its "Show word diff" toggle (`aria-pressed`)
//! switches that row to the full word diff. The row's `data-display` says which is shown
//! (`shares` or `diff`).

use super::sentence::sentence_in;
use crate::view_model::{fold_label, Block, FirstRows, FoldKind, Row, RowDisplay, SentenceView};
use crate::windowing;
use leptos::prelude::*;
use parallax_html::number::fixed;
use std::collections::BTreeSet;

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

/// Past this many rows and folds the view is long (`px-long`): it draws only the blocks near
/// the screen ([`crate::windowing`]), with empty boxes as tall as the rest above and below.
/// Shorter views are drawn whole (full-page screenshots, find in page).
pub const LONG_VIEW_BLOCKS: usize = 150;

/// What a row is taken to be tall before any was measured, in pixels.
const ROW_ESTIMATE: f64 = 72.0;

/// What a fold is taken to be tall before any was measured, in pixels.
const FOLD_ESTIMATE: f64 = 40.0;

/// Heights measured in one report's long view: by row (with the button of an open fold above
/// it) and by fold (its first row); zero where never drawn.
#[derive(Default)]
struct Measured {
    generation: u64,
    rows: Vec<f64>,
    folds: Vec<f64>,
    /// Every block's height, from the last [`Measured::fit`].
    blocks: Vec<f64>,
}

impl Measured {
    /// Forgets the heights of an older report.
    fn renew(&mut self, generation: u64, rows: usize) {
        if self.generation != generation || self.rows.len() != rows {
            *self = Measured {
                generation,
                rows: vec![0.0; rows],
                folds: vec![0.0; rows],
                blocks: Vec::new(),
            };
        }
    }

    /// Reads the heights of the elements drawn between the two spacers: each one's top to the
    /// next one's top, so margins count.
    fn read(&mut self, above: &web_sys::Element, below: &web_sys::Element) {
        let mut drawn = Vec::new();
        let mut next = above.next_element_sibling();
        while let Some(element) = next {
            if element == *below {
                break;
            }
            next = element.next_element_sibling();
            drawn.push(element);
        }
        let mut tops: Vec<f64> = drawn
            .iter()
            .map(|e| e.get_bounding_client_rect().top())
            .collect();
        tops.push(below.get_bounding_client_rect().top());
        let mut unfold = 0.0;
        for (element, top) in drawn.iter().zip(tops.windows(2)) {
            let height = top[1] - top[0];
            let index = |name| {
                element
                    .get_attribute(name)
                    .and_then(|v| v.parse::<usize>().ok())
            };
            if element.class_list().contains("px-unfold") {
                unfold += height;
            } else if let Some(slot) = index("data-row").and_then(|i| self.rows.get_mut(i)) {
                *slot = height + std::mem::take(&mut unfold);
            } else if let Some(slot) = index("data-first").and_then(|i| self.folds.get_mut(i)) {
                *slot = height;
            }
        }
    }

    /// Works out every block's height: measured, or the mean of those measured of its kind.
    fn fit(&mut self, blocks: &[Block]) {
        let mean = |v: &[f64], fallback: f64| {
            let (sum, n) = v
                .iter()
                .filter(|h| **h > 0.0)
                .fold((0.0, 0u32), |(s, n), h| (s + h, n + 1));
            if n == 0 {
                fallback
            } else {
                sum / f64::from(n)
            }
        };
        let (row, fold) = (
            mean(&self.rows, ROW_ESTIMATE),
            mean(&self.folds, FOLD_ESTIMATE),
        );
        let known = |v: &[f64], i: usize, fallback: f64| {
            v.get(i).copied().filter(|h| *h > 0.0).unwrap_or(fallback)
        };
        self.blocks = blocks
            .iter()
            .map(|block| match block {
                Block::Row(i) => known(&self.rows, *i, row),
                Block::Fold { rows, .. } => {
                    known(&self.folds, rows.first().copied().unwrap_or(0), fold)
                }
            })
            .collect();
    }

    /// The spacers' heights in whole pixels, above and below `range` of `len` blocks.
    fn spacers(&self, len: usize, (start, end): (usize, usize)) -> (usize, usize) {
        let px = |range: std::ops::Range<usize>| {
            let h = if self.blocks.len() == len {
                windowing::span(&self.blocks, range)
            } else {
                range.len() as f64 * ROW_ESTIMATE
            };
            h.max(0.0).round() as usize
        };
        (px(0..start.min(len)), px(end.min(len)..len))
    }
}

/// The blocks a long view draws, and the heights of those it does not.
#[derive(Clone, Copy)]
struct Window {
    /// The drawn blocks, as a range of indices.
    range: RwSignal<(usize, usize)>,
    /// The heights of the two spacers in pixels: the blocks above the drawn ones and below.
    spacers: RwSignal<(usize, usize)>,
    above: NodeRef<leptos::html::Div>,
    below: NodeRef<leptos::html::Div>,
}

impl Window {
    /// The range to draw: all of a short view, the window of a long one.
    fn drawn(self, len: usize) -> (usize, usize) {
        if len <= LONG_VIEW_BLOCKS {
            return (0, len);
        }
        let (start, end) = self.range.get();
        (start.min(len), end.min(len))
    }

    /// Draws `range`, with spacers as tall as the blocks around it.
    fn place(self, measured: StoredValue<Measured>, len: usize, range: (usize, usize)) {
        let spacers = measured.with_value(|m| m.spacers(len, range));
        if self.spacers.get_untracked() != spacers {
            self.spacers.set(spacers);
        }
        if self.range.get_untracked() != range {
            self.range.set(range);
        }
    }
}

/// Sets up the window of a long view: it follows scrolling and resizing, measures what it
/// drew, draws the neighbourhood of a block asked for by `reveal` (a jump), and everything
/// before printing.
fn long_window(
    rows: Memo<Rows>,
    blocks: Memo<Vec<Block>>,
    reveal: RwSignal<Option<usize>>,
) -> Window {
    let window = Window {
        range: RwSignal::new((0, windowing::FIRST_WINDOW)),
        spacers: RwSignal::new((0, 0)),
        above: NodeRef::new(),
        below: NodeRef::new(),
    };
    let measured = StoredValue::new(Measured::default());
    let printing = StoredValue::new(false);
    // Set when what is drawn may have changed size: the next update measures it.
    let stale = StoredValue::new(true);
    // Measures what is drawn (when stale), then moves the window to what the screen shows.
    let update = move || {
        let len = blocks.with_untracked(Vec::len);
        // While a jump is under way the window stays on the block jumped to: the scroll the
        // redrawing causes must not move it back before the row is focused and shown.
        if len <= LONG_VIEW_BLOCKS || printing.get_value() || reveal.with_untracked(Option::is_some)
        {
            return;
        }
        let (Some(above), Some(below)) =
            (window.above.get_untracked(), window.below.get_untracked())
        else {
            return;
        };
        let (generation, count) = rows.with_untracked(|r| (r.generation, r.rows.len()));
        let fresh = stale.get_value() || measured.with_value(|m| m.blocks.len() != len);
        stale.set_value(false);
        // The screen's top below the first drawn block: the drawn blocks are where they are,
        // while the spacer above may stand for heights estimated anew by this measurement.
        let below_drawn = -above.get_bounding_client_rect().bottom();
        let screen = leptos::prelude::window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(800.0);
        let current = window.range.get_untracked();
        let shown = measured.try_update_value(|m| {
            if fresh {
                m.renew(generation, count);
                m.read(&above, &below);
                blocks.with_untracked(|b| m.fit(b));
            }
            let top = windowing::span(&m.blocks, 0..current.0) + below_drawn;
            windowing::visible(&m.blocks, top, top + screen)
        });
        let next = shown.and_then(|shown| windowing::next_window(current, shown, len));
        // Most scroll events move nothing and measure nothing: the spacers stay as they are.
        if fresh || next.is_some() {
            window.place(measured, len, next.unwrap_or(current));
        }
    };
    let schedule = super::once_per_frame(update);
    // A new list (report, filter, fold): keep the window where it is, then fit it to the screen
    // once drawn; so too after each move of the window, to measure what it drew. A jump to a
    // block not drawn first moves the window around it.
    crate::components::effect(move |_| {
        let len = blocks.with(Vec::len);
        let (start, end) = window.range.get();
        match reveal.get() {
            Some(at) if at < len && !(start..end).contains(&at) => {
                window.place(measured, len, windowing::around(at, len));
            }
            _ => {
                stale.set_value(true);
                schedule();
            }
        }
    });
    let scrolled = crate::browser::on_any_scroll(update);
    let listeners = [
        window_event_listener(leptos::ev::resize, move |_| {
            stale.set_value(true);
            schedule();
        }),
        // Printing shows every row.
        print_listener("beforeprint", window, blocks, printing, schedule),
        print_listener("afterprint", window, blocks, printing, schedule),
    ];
    on_cleanup(move || {
        scrolled.remove();
        listeners.into_iter().for_each(WindowListenerHandle::remove);
    });
    window
}

/// Before printing (`beforeprint`) draws every block; after it, the window again.
fn print_listener(
    name: &str,
    window: Window,
    blocks: Memo<Vec<Block>>,
    printing: StoredValue<bool>,
    schedule: impl Fn() + 'static,
) -> WindowListenerHandle {
    let before = name == "beforeprint";
    window_event_listener_untyped(name, move |_| {
        printing.set_value(before);
        if before {
            window.spacers.set((0, 0));
            window.range.set((0, blocks.with_untracked(Vec::len)));
        } else {
            schedule();
        }
    })
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
    /// A block (by index in `blocks`) to draw though the window of a long view is elsewhere:
    /// set by a jump, cleared once its row has focus (meanwhile the window stays put).
    reveal: RwSignal<Option<usize>>,
) -> impl IntoView {
    let window = long_window(rows, blocks, reveal);
    let diffs: DiffsShown = RwSignal::new((0, BTreeSet::new()));
    let keyed = move || {
        let generation = rows.with(|r| r.generation);
        blocks.with(|all| {
            let (start, end) = window.drawn(all.len());
            all.get(start..end)
                .unwrap_or_default()
                .iter()
                .map(|block| (generation, block.clone()))
                .collect::<Vec<_>>()
        })
    };
    let spacer = move |below: bool| {
        move || {
            let (above, under) = window.spacers.get();
            format!("{}px", if below { under } else { above })
        }
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
            // Stand-ins for the blocks a long view does not draw.
            <div class="px-spacer" aria-hidden="true" node_ref=window.above style:height=spacer(false)></div>
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
                            r.rows.get(i).cloned().map(|row| row_view((r.generation, i), row, diffs, &r.first, names, on_jump))
                        });
                        view! { {move || refold().into_any()} {row} }.into_any()
                    }
                    Block::Fold { kind, rows: folded } => fold_view(kind, &folded, on_expand).into_any(),
                }
            />
            <div class="px-spacer" aria-hidden="true" node_ref=window.below style:height=spacer(true)></div>
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

/// The quiet rows whose word diff the reader switched on, by report generation and row: kept
/// in the view, not the row, since a long view drops rows off screen and draws them again.
/// The same type as the open folds' (in the comparison): one signal type less in the wasm.
type DiffsShown = RwSignal<(u64, BTreeSet<usize>)>;

/// The row's display, and for a quiet row (paraphrase, partial) the button that switches it
/// to the word diff and back. `key` is the row's generation and index in `shown`.
fn display_toggle(
    row: &Row,
    key: (u64, usize),
    shown: DiffsShown,
) -> (Signal<RowDisplay>, Option<AnyView>) {
    if row.display == RowDisplay::Diff {
        return (Signal::stored(RowDisplay::Diff), None);
    }
    let (generation, index) = key;
    let show_diff = move || shown.with(|(g, rows)| *g == generation && rows.contains(&index));
    let display = Signal::derive(move || {
        if show_diff() {
            RowDisplay::Diff
        } else {
            RowDisplay::Shares
        }
    });
    let button = view! {
        <button
            type="button"
            class="px-diff-toggle"
            aria-pressed=move || if show_diff() { "true" } else { "false" }
            title="Strike through and underline every word that differs"
            on:click=move |_| shown.update(|(g, rows)| {
                if *g != generation {
                    *g = generation;
                    rows.clear();
                }
                if !rows.remove(&index) {
                    rows.insert(index);
                }
            })
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
    (generation, index): (u64, usize),
    row: Row,
    diffs: DiffsShown,
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
    let (display, toggle) = display_toggle(&row, (generation, index), diffs);
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
