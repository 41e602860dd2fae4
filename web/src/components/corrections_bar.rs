//! The reader's corrections on screen: rejecting a link ("not the same fact"), joining two
//! sentences the aligner missed (pick one, then its partner), undo, and the bar that says
//! what the reader changed. The engine applies them on the next run
//! ([`parallax::report::Corrections`]), so the grid, coverage and summary follow at once.

use super::aligned_view::Rows;
use crate::corrections;
use crate::view_model::SentenceId;
use leptos::prelude::*;
use parallax::report::{Corrections, LinkRef, Report};

/// The corrections of one comparison and the actions that change them; shared with the rows
/// and sentences through context.
#[derive(Debug, Clone, Copy)]
pub struct Corrector {
    /// The corrections the engine applies.
    pub corrections: RwSignal<Corrections>,
    /// Earlier states, for "Undo" (this visit's).
    history: RwSignal<Vec<Corrections>>,
    /// The sentence (pair-view side, sentence) whose partner the reader is choosing.
    pub picking: RwSignal<Option<SentenceId>>,
    /// Whether the rows show their correction buttons ("Correct links" is on).
    pub editing: RwSignal<bool>,
    /// The articles of the pair view (positions: left, right).
    pair: RwSignal<(usize, usize)>,
    /// The pair view's report.
    report: Memo<Option<Result<Report, crate::state::Refusal>>>,
    /// The pair view's rows.
    rows: Memo<Rows>,
}

impl Corrector {
    /// The actions over `corrections` for the pair view's `report` and `rows`.
    pub fn new(
        corrections: RwSignal<Corrections>,
        pair: RwSignal<(usize, usize)>,
        report: Memo<Option<Result<Report, crate::state::Refusal>>>,
        rows: Memo<Rows>,
    ) -> Self {
        Self {
            corrections,
            history: RwSignal::new(Vec::new()),
            picking: RwSignal::new(None),
            editing: RwSignal::new(false),
            pair,
            report,
            rows,
        }
    }

    fn change(self, edit: impl FnOnce(&mut Corrections)) {
        let before = self.corrections.get_untracked();
        let mut after = before.clone();
        edit(&mut after);
        if after != before {
            self.history.update(|h| h.push(before));
            self.corrections.set(after);
        }
    }

    /// Rejects every link of aligned row `row`: "not the same fact".
    pub fn reject_row(self, row: usize) {
        let (a, b) = self.pair.get_untracked();
        let refs: Vec<LinkRef> = self.rows.with_untracked(|rows| {
            self.report.with_untracked(|report| {
                let (Some(row), Some(Ok(report))) = (rows.rows.get(row), report) else {
                    return Vec::new();
                };
                row.links
                    .iter()
                    .filter_map(|&l| report.links.get(l))
                    .map(|link| LinkRef::new([a, b], link.left.clone(), link.right.clone()))
                    .collect()
            })
        });
        self.change(|c| {
            for link in refs {
                corrections::reject(c, link);
            }
        });
    }

    /// Starts joining sentence `id` (pair-view side, sentence) to a partner the reader picks.
    pub fn start(self, id: SentenceId) {
        self.picking.set(Some(id));
    }

    /// Joins the sentence being picked for to `id` when `id` is on the other side; `false`
    /// (nothing done) when no pick is under way or `id` is on the same side.
    pub fn finish(self, id: SentenceId) -> bool {
        let Some(from) = self.picking.get_untracked() else {
            return false;
        };
        if from.0 == id.0 {
            return false;
        }
        let (left, right) = if from.0 == 0 { (from, id) } else { (id, from) };
        let (a, b) = self.pair.get_untracked();
        self.picking.set(None);
        self.change(|c| corrections::add(c, LinkRef::new([a, b], vec![left.1], vec![right.1])));
        true
    }

    /// Stops picking a partner.
    pub fn cancel(self) {
        self.picking.set(None);
    }

    /// Takes back the last correction.
    pub fn undo(self) {
        let mut last = None;
        self.history.update(|h| last = h.pop());
        if let Some(previous) = last {
            self.corrections.set(previous);
        }
    }

    /// Whether "Undo" has something to take back (corrections made in this visit).
    pub fn can_undo(self) -> bool {
        self.history.with(|h| !h.is_empty())
    }

    /// Takes back every correction (Undo brings them back).
    pub fn clear(self) {
        self.change(|c| *c = Corrections::default());
    }
}

/// The bar under the legend: what the reader corrected (with Undo and "Clear"), and while the
/// reader picks a partner, what to do next.
#[component]
pub fn CorrectionsBar(
    /// The corrections and their actions.
    corrector: Corrector,
    /// The pair view's two article names.
    names: Signal<(String, String)>,
) -> impl IntoView {
    let picking = move || {
        corrector.picking.get().map(|(side, sentence)| {
            let other = names.with(|(l, r)| if side == 0 { r.clone() } else { l.clone() });
            view! {
                <p class="px-picking" role="status">
                    {format!(
                        "Now choose the sentence in {other} that tells the same fact as sentence {} — click it, or focus it and press Enter. ",
                        sentence + 1
                    )}
                    <button type="button" class="px-link" on:click=move |_| corrector.cancel()>"Cancel"</button>
                </p>
            }
        })
    };
    let summary = move || {
        let text = corrector.corrections.with(corrections::describe);
        (!text.is_empty()).then(|| {
            view! {
                <p class="px-corrections" data-corrections>
                    <span class="px-yours">"Your corrections: "</span>
                    {text}
                    ". "
                    {move || corrector.can_undo().then(|| view! {
                        <button type="button" class="px-link" data-action="undo-correction" on:click=move |_| corrector.undo()>"Undo"</button>
                        " · "
                    }).into_any()}
                    <button type="button" class="px-link" data-action="clear-corrections" on:click=move |_| corrector.clear()>"Clear all"</button>
                </p>
            }
        })
    };
    let editing = corrector.editing;
    view! {
        <div class="px-corrections-bar">
            <button
                type="button"
                class="px-correct-toggle"
                data-action="correct-links"
                aria-pressed=move || if editing.get() { "true" } else { "false" }
                title="Show buttons on the rows to reject a link or join two sentences the aligner missed"
                on:click=move |_| {
                    editing.update(|on| *on = !*on);
                    corrector.cancel();
                }
            >
                "Correct links"
            </button>
            <div aria-live="polite">
                {move || picking().into_any()}
                {move || summary().into_any()}
            </div>
        </div>
    }
}
