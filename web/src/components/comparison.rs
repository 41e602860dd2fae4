//! The comparison region, mountable on its own: options, summary, views, filters, folds,
//! hover/pin and keyboard, over articles and options it is given (no storage of its own).

use super::aligned_view::{AlignedView, OpenFolds, Rows};
use super::corrections_bar::{CorrectionsBar, Corrector};
use super::flag_list::FlagList;
use super::grid_view::GridView;
use super::legend::Legend;
use super::match_options::MatchOptions;
use super::overview::Overview;
use super::progress::Progress;
use super::ribbon_view::{Columns, RibbonView};
use super::sentence::{sentence_selector, Highlight};
use super::summary_bar::SummaryBar;
use super::toolbar::Toolbar;
use crate::browser;
use crate::state::{self, Command, Export, Refusal, View};
use crate::view_model::{self, Block, Filter, Partners, Target};
use leptos::html;
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use parallax::report::Corrections;
use parallax::{Options, Report};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;

mod job;
use job::{run, settle};

/// Counts reports, so rendered rows of an old report are never reused for a new one.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Numbers the mounted comparisons (`data-instance` on the root), so two never mix.
static INSTANCE: AtomicUsize = AtomicUsize::new(0);

/// Changes settle this long before the articles are compared again.
const SETTLE: Duration = Duration::from_millis(200);

/// A comparison still running after this long says "Comparing…" (a large one says it at once).
const SLOW: Duration = Duration::from_millis(300);

/// The CSS class of every comparison's root element.
pub const ROOT_CLASS: &str = "px-comparison";

/// Name and text of one article.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ArticleInput {
    /// The article's name (an outlet, a file name); empty means "Left"/"Right".
    pub name: String,
    /// The article's text.
    pub text: String,
}

/// The articles a comparison shows (two to ten), in order.
pub type Articles = Vec<ArticleInput>;

/// The most articles one comparison takes (the engine's and the command line's limit).
pub const MAX_ARTICLES: usize = 10;

/// A report, why there is none, or nothing yet.
type Outcome = Option<Result<Report, Refusal>>;

/// The inputs of one comparison run, copied once changes settle.
#[derive(Debug, Clone, PartialEq)]
struct Job {
    articles: Articles,
    options: Options,
    corrections: Corrections,
}

/// The comparison's signals and derived values, built once per [`Comparison`].
#[derive(Clone, Copy)]
struct Store {
    root: NodeRef<html::Section>,
    busy: RwSignal<bool>,
    /// Stops the comparison running in the worker.
    cancel: Callback<()>,
    /// Runs the last comparison again (after a cancel).
    retry: Callback<()>,
    view: RwSignal<View>,
    filter: RwSignal<Filter>,
    /// Open folds, by first row, for the rows of one generation.
    expanded: RwSignal<(u64, BTreeSet<usize>)>,
    /// Announcements for screen readers (and the tests).
    status: RwSignal<String>,
    /// The engine's report of all the articles (or why there is none).
    full: RwSignal<Outcome>,
    /// The two articles the pair view shows (positions; left, right).
    pair: RwSignal<(usize, usize)>,
    /// The article whose order the fact grid follows.
    base: RwSignal<usize>,
    /// The pair view's report: the two articles of `pair` cut out of `full`.
    report: Memo<Outcome>,
    /// False while a new report is drawn: the overview strip and the list of discrepancies
    /// wait for the task after (issue 18).
    late: RwSignal<bool>,
    /// The full report as the engine wrote it (JSON in JavaScript strings), for "Export JSON".
    json: StoredValue<Option<crate::engine::ReportJson>, LocalStorage>,
    rows: Memo<Rows>,
    columns: Memo<Columns>,
    blocks: Memo<Vec<Block>>,
    /// The folds the reader opened, by first row.
    open_folds: Memo<OpenFolds>,
    stops: Memo<Vec<usize>>,
    /// A block (by index) the aligned view is to draw before a jump to its row (a long view
    /// draws only the rows near the screen).
    reveal: RwSignal<Option<usize>>,
    /// The names of the pair view's two articles.
    names: Signal<(String, String)>,
    /// The reader's corrections and the actions that make them.
    corrector: Corrector,
    /// Every article's name as shown, in order.
    all_names: Signal<Vec<String>>,
    highlight: Highlight,
}

impl Store {
    fn new(
        articles: Signal<Articles>,
        options: Signal<Options>,
        corrections: RwSignal<Corrections>,
    ) -> Self {
        let root = NodeRef::<html::Section>::new();
        let busy = RwSignal::new(false);
        let job = settle(articles, options, corrections.into());
        let full = RwSignal::new(None::<Result<Report, Refusal>>);
        let json = StoredValue::new_local(None);
        let ready: Ready = StoredValue::new(None);
        let late = RwSignal::new(true);
        let (cancel, retry) = run(job, full, busy, json, (ready, late));
        let count = Memo::new(move |_| job.with(|j| j.as_ref().map_or(2, |j| j.articles.len())));
        let (pair, base, report) = pair_report(full, count);
        let (rows, columns) = rows_and_columns(job, report, ready);
        let filter = RwSignal::new(Filter::All);
        let expanded = RwSignal::new((0_u64, BTreeSet::<usize>::new()));
        let blocks = Memo::new(move |_| {
            rows.with(|r| {
                let open = expanded.with(|(generation, set)| {
                    if *generation == r.generation {
                        set.clone()
                    } else {
                        BTreeSet::new()
                    }
                });
                view_model::blocks(&r.rows, filter.get(), &open)
            })
        });
        let stops =
            Memo::new(move |_| rows.with(|r| blocks.with(|b| view_model::stops(&r.rows, b))));
        let open_folds = Memo::new(move |_| {
            rows.with(|r| {
                expanded.with(|(generation, open)| {
                    if *generation != r.generation || open.is_empty() {
                        return OpenFolds::new();
                    }
                    // The folds as they would be with none open, keeping those that are open.
                    let mut folds = OpenFolds::new();
                    for block in view_model::blocks(&r.rows, filter.get(), &BTreeSet::new()) {
                        if let Block::Fold { kind, rows } = block {
                            if let Some(&first) = rows.first().filter(|f| open.contains(f)) {
                                folds.push((first, (kind, rows.len())));
                            }
                        }
                    }
                    folds
                })
            })
        });
        let (all_names, names) = names_of(job, pair);
        let partners = Memo::new(move |_| {
            report.with(|r| match r {
                Some(Ok(r)) => Partners::new(r),
                _ => Partners::default(),
            })
        });
        let view = RwSignal::new(View::Aligned);
        // Three or more articles open on the fact grid; back to two, the grid goes.
        let mut previous: Option<usize> = None;
        crate::components::effect(move |_| {
            let n = count.get();
            match view.get_untracked() {
                View::Grid if n <= 2 => view.set(View::Aligned),
                View::Aligned if n > 2 && previous.is_none_or(|p| p <= 2) => view.set(View::Grid),
                _ => {}
            }
            previous = Some(n);
        });
        let highlight = Highlight::new(partners, view, root);
        // A new report makes old pins meaningless.
        crate::components::effect(move |_| {
            rows.track();
            highlight.clear();
        });
        Self {
            root,
            busy,
            cancel,
            retry,
            json,
            late,
            view,
            filter,
            expanded,
            status: RwSignal::new(String::new()),
            full,
            pair,
            base,
            report,
            rows,
            columns,
            blocks,
            open_folds,
            stops,
            reveal: RwSignal::new(None),
            names,
            all_names,
            highlight,
            corrector: Corrector::new(corrections, pair, report, rows),
        }
    }

    fn root_element(self) -> Option<web_sys::Element> {
        self.root.get_untracked().map(Into::into)
    }

    /// Focuses the first element matching `selector` inside this comparison and centres it.
    fn focus_selector(self, selector: &str) -> Option<()> {
        let element = browser::query(Some(&self.root_element()?), selector)?;
        browser::scroll_into_view(&element, true);
        browser::focus(&element);
        Some(())
    }

    /// Focuses the first sentence of an aligned row; `None` when it is not shown. A row that
    /// a long view has not drawn is drawn first, and focused in the next frame.
    fn focus_row(self, row: usize) -> Option<()> {
        let selector = format!(".px-aligned [data-row=\"{row}\"] .px-sentence");
        if self.focus_selector(&selector).is_some() {
            return Some(());
        }
        let at = self.blocks.with_untracked(|blocks| {
            blocks
                .iter()
                .position(|block| matches!(block, Block::Row(i) if *i == row))
        })?;
        self.reveal.set(Some(at));
        crate::browser::request_animation_frame(move || {
            self.focus_selector(&selector);
            self.reveal.set(None);
        });
        Some(())
    }

    /// The focused sentence, when it lies inside this comparison.
    fn focused_sentence(self) -> Option<(web_sys::Element, (usize, usize))> {
        let root = self.root_element()?;
        browser::focused_sentence().filter(|(element, _)| root.contains(Some(element)))
    }

    /// Moves focus to the next or previous difference of the view on screen.
    fn navigate(self, forward: bool) {
        let reached = match self.view.get_untracked() {
            View::Aligned => {
                let dropped = || {
                    // Focus fell to the page when its row was no longer drawn: go on from the
                    // row of the sentence that had it.
                    let id = (browser::focused_tag() == "BODY")
                        .then(|| self.highlight.focused.get_value())
                        .flatten()?;
                    self.rows.with_untracked(|r| r.first.get(&id).copied())
                };
                let here = self
                    .focused_sentence()
                    .and_then(|(element, _)| element.closest("[data-row]").ok().flatten())
                    .and_then(|row| row.get_attribute("data-row"))
                    .and_then(|r| r.parse::<usize>().ok())
                    .or_else(dropped);
                self.stops
                    .with_untracked(|s| state::next_stop(s, here, forward))
                    .and_then(|row| self.focus_row(row))
            }
            View::Grid => {
                let here = self
                    .focused_sentence()
                    .and_then(|(element, _)| element.closest("[data-grid-row]").ok().flatten())
                    .and_then(|row| row.get_attribute("data-grid-row"))
                    .and_then(|r| r.parse::<usize>().ok());
                // Every row but the facts all articles tell alike.
                let stops: Vec<usize> =
                    browser::query_all(self.root_element().as_ref(), ".px-grid tr[data-grid-row]")
                        .iter()
                        .filter(|row| {
                            row.class_list().contains("px-single")
                                || row
                                    .query_selector(".px-gempty, .px-gflag")
                                    .ok()
                                    .flatten()
                                    .is_some()
                        })
                        .filter_map(|row| row.get_attribute("data-grid-row")?.parse().ok())
                        .collect();
                state::next_stop(&stops, here, forward).and_then(|row| {
                    self.focus_selector(&format!(
                        ".px-grid tr[data-grid-row=\"{row}\"] .px-sentence"
                    ))
                })
            }
            View::Ribbons => {
                let here = self.focused_sentence().map(|(_, id)| id);
                let stops: Vec<(usize, usize)> = self.columns.with_untracked(|c| {
                    c.columns
                        .iter()
                        .flatten()
                        .filter(|e| !e.kind.is_identical())
                        .map(|e| (e.view.doc, e.view.sentence))
                        .collect()
                });
                state::next_stop(&stops, here, forward).and_then(|(doc, sentence)| {
                    self.focus_selector(&format!(
                        ".px-ribbons {}",
                        sentence_selector(doc, sentence)
                    ))
                })
            }
        };
        if reached.is_none() {
            self.status.set(if forward {
                "No further difference.".to_owned()
            } else {
                "No earlier difference.".to_owned()
            });
        }
    }

    /// Answers j/k/n/p, Enter and Escape outside text fields.
    fn on_key(self, ev: &web_sys::KeyboardEvent) {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let editable = target
            .as_ref()
            .and_then(|t| t.closest("[contenteditable]").ok().flatten())
            .is_some();
        if editable {
            return;
        }
        let tag = target.map_or_else(String::new, |t| t.tag_name().to_ascii_uppercase());
        let modified = ev.ctrl_key() || ev.meta_key() || ev.alt_key();
        match state::command_for(&ev.key(), modified, &tag) {
            Some(Command::Next) => {
                ev.prevent_default();
                self.navigate(true);
            }
            Some(Command::Previous) => {
                ev.prevent_default();
                self.navigate(false);
            }
            Some(Command::Pin) => {
                if let Some((_, id)) = self.focused_sentence() {
                    ev.prevent_default();
                    // While the reader picks a partner, Enter picks it.
                    if !self.corrector.finish(id) {
                        self.highlight.toggle_pin(Target::Sentence(id));
                    }
                }
            }
            Some(Command::Clear) => {
                self.corrector.cancel();
                self.highlight.clear();
            }
            None => {}
        }
    }

    /// Opens the fold starting at `first` and focuses its first row.
    fn expand(self, first: usize) {
        let generation = self.rows.with_untracked(|r| r.generation);
        self.expanded.update(|(g, set)| {
            if *g != generation {
                *g = generation;
                set.clear();
            }
            set.insert(first);
        });
        crate::browser::request_animation_frame(move || {
            self.focus_row(first);
        });
    }

    /// Closes the open fold starting at `first` and focuses its button again.
    fn collapse(self, first: usize) {
        self.expanded.update(|(_, set)| {
            set.remove(&first);
        });
        crate::browser::request_animation_frame(move || {
            self.focus_selector(&format!(".px-fold[data-first=\"{first}\"] button"));
        });
    }

    /// Shows a right sentence in the reordering view, pinned and focused.
    /// Shows aligned row `row` (a flagged one, from the list of discrepancies): the aligned
    /// view, a filter that keeps it, then focus on it.
    fn show_row(self, row: usize) {
        self.view.set(View::Aligned);
        if !matches!(
            self.filter.get_untracked(),
            Filter::All | Filter::Discrepancies
        ) {
            self.filter.set(Filter::All);
        }
        crate::browser::request_animation_frame(move || {
            self.focus_row(row);
        });
    }

    fn show_moved(self, sentence: usize) {
        self.view.set(View::Ribbons);
        self.highlight
            .pinned
            .set(Some(Target::Sentence((1, sentence))));
        crate::browser::request_animation_frame(move || {
            self.focus_selector(&format!(".px-ribbons {}", sentence_selector(1, sentence)));
        });
    }

    /// Offers the report as a download (JSON or the self-contained HTML page) and announces
    /// the outcome.
    fn export(self, format: Export) {
        let content = self.full.with_untracked(|r| match r {
            Some(Ok(report)) => Some(match format {
                Export::Json => self.json.with_value(|json| {
                    json.as_ref().map_or_else(
                        || Err("no report".to_owned()),
                        crate::engine::ReportJson::pretty,
                    )
                }),
                Export::Html if report.documents.len() == 2 => Ok(parallax_html::render(report)),
                Export::Html => Ok(parallax_html::render_all(report, self.base.get_untracked())),
            }),
            _ => None,
        });
        let names = self.all_names.get_untracked();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let (mime, label) = (format.mime(), format.what());
        let done = match content {
            Some(Ok(content)) => browser::download(
                &state::export_file_name(&names, format.extension()),
                mime,
                &content,
            ),
            Some(Err(error)) => Err(format!("Could not export: {error}.")),
            None => Err("Nothing to export yet.".to_owned()),
        };
        self.status.set(match done {
            Ok(()) => format!("Report exported as {label}."),
            Err(message) => message,
        });
    }

    /// What the fact grid reads: the report of three or more articles, their count, and the
    /// action that opens a pair in the pair view.
    fn grid_inputs(self) -> GridInputs {
        let count = Signal::derive(move || self.all_names.with(Vec::len));
        let on_pair = Callback::new(move |(a, b)| {
            self.pair.set((a, b));
            self.view.set(View::Aligned);
        });
        GridInputs {
            report: self.full,
            count,
            on_pair,
        }
    }

    /// Tells the embedding page which link the reader selected, as a `parallax-select` event
    /// on the root.
    fn announce_selection(self, pinned: Option<Target>) {
        let selected = self.report.with_untracked(|r| match (r, pinned) {
            (Some(Ok(report)), Some(target)) => view_model::selected_link(report, target),
            _ => view_model::SelectedLink::default(),
        });
        if let Some(root) = self.root_element() {
            browser::dispatch_select(&root, &selected);
        }
    }
}

/// The pair view's two articles, the grid's base, and the pair's report cut out of the full
/// one; pickers and base stay on articles that exist.
fn pair_report(
    full: RwSignal<Outcome>,
    count: Memo<usize>,
) -> (RwSignal<(usize, usize)>, RwSignal<usize>, Memo<Outcome>) {
    let pair = RwSignal::new((0_usize, 1_usize));
    let base = RwSignal::new(0_usize);
    // Pickers and the base stay on articles that exist.
    crate::components::effect(move |_| {
        let n = count.get().max(2);
        let (a, b) = pair.get_untracked();
        if a >= n || b >= n || a == b {
            pair.set((0, 1));
        }
        if base.get_untracked() >= n {
            base.set(0);
        }
    });
    let report = Memo::new(move |_| {
        let (a, b) = pair.get();
        full.with(|f| match f {
            Some(Ok(r)) if r.documents.len() == 2 && (a, b) == (0, 1) => Some(Ok(r.clone())),
            Some(Ok(r)) => r.pair(a, b).or_else(|| r.pair(0, 1)).map(Ok),
            Some(Err(e)) => Some(Err(e.clone())),
            None => None,
        })
    });
    (pair, base, report)
}

/// Every article's name as shown (a fallback for an unnamed one), and the pair view's two.
fn names_of(
    job: RwSignal<Option<Job>>,
    pair: RwSignal<(usize, usize)>,
) -> (Signal<Vec<String>>, Signal<(String, String)>) {
    let all_names = Signal::derive(move || {
        job.with(|j| {
            let articles = j.as_ref().map_or(&[][..], |j| j.articles.as_slice());
            let n = articles.len().max(2);
            (0..n)
                .map(|d| {
                    let name = articles.get(d).map_or("", |a| a.name.as_str());
                    state::display_name(name, &state::article_name(d, n))
                })
                .collect::<Vec<String>>()
        })
    });
    let names = Signal::derive(move || {
        let (a, b) = pair.get();
        all_names.with(|names| {
            let name = |d: usize| names.get(d).cloned().unwrap_or_default();
            (name(a), name(b))
        })
    });
    (all_names, names)
}

/// A two-article report's rows, worked out in a task of their own just before the report is
/// shown (issue 18: no task holds the page long), with the report's [`shape`] as a check. The
/// rows memo takes them on its next run.
type Ready = StoredValue<Option<(Shape, Vec<view_model::Row>)>>;

/// A two-article report's sentence counts and number of links.
type Shape = (usize, usize, usize);

/// The [`Shape`] of `report`.
fn shape(report: &Report) -> Shape {
    let count = |doc: usize| report.documents.get(doc).map_or(0, |d| d.sentences.len());
    (count(0), count(1), report.links.len())
}

/// The rows and the reordering columns of each new report, under one generation number.
fn rows_and_columns(
    job: RwSignal<Option<Job>>,
    report: Memo<Outcome>,
    ready: Ready,
) -> (Memo<Rows>, Memo<Columns>) {
    let rows = Memo::new(move |_| {
        let rows = job.with(|j| {
            report.with(|r| match (j, r) {
                (Some(_), Some(Ok(r))) => ready
                    .try_update_value(|ready| ready.take().filter(|(s, _)| *s == shape(r)))
                    .flatten()
                    .map_or_else(|| view_model::rows(r), |(_, rows)| rows),
                _ => Vec::new(),
            })
        });
        Rows {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed) + 1,
            first: view_model::first_rows(&rows),
            rows,
        }
    });
    let columns = Memo::new(move |_| {
        let generation = rows.with(|r| r.generation);
        report.with(|r| match r {
            Some(Ok(r)) => Columns {
                generation,
                columns: view_model::columns(r),
                ribbons: view_model::ribbons(r),
            },
            _ => Columns::default(),
        })
    });
    (rows, columns)
}

/// The names joined for reading: "A and B", "A, B and C".
fn joined(names: &[String]) -> String {
    match names {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
    }
}

/// The comparison's landmark label: unique per instance, so two comparisons on one page are
/// told apart (axe `landmark-unique`).
fn landmark_label(instance: usize, names: &[String]) -> String {
    if instance <= 1 {
        format!("Comparison of {}", joined(names))
    } else {
        format!("Comparison {instance}: {}", joined(names))
    }
}

/// Wires the page-wide key listener (with `global_keys`) and the `parallax-select` event.
fn listen(store: &Store, global_keys: bool) {
    let store = *store;
    if global_keys {
        let keydown = window_event_listener(leptos::ev::keydown, move |ev| {
            let outside = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_none_or(|t| {
                    t.closest(&format!(".{ROOT_CLASS}"))
                        .ok()
                        .flatten()
                        .is_none()
                });
            if outside {
                store.on_key(&ev);
            }
        });
        on_cleanup(move || keydown.remove());
    }
    // Every pin change is announced to the embedding page.
    let mut previous: Option<Option<Target>> = None;
    crate::components::effect(move |_| {
        let pinned = store.highlight.pinned.get();
        if previous.is_some_and(|p| p != pinned) {
            store.announce_selection(pinned);
        }
        previous = Some(pinned);
    });
}

/// Two articles side by side: match options, summary, the aligned and the reordering view,
/// filters, folds, hover/pin linking and keyboard navigation.
///
/// It reads nothing from storage and writes nothing: the articles and options come in as
/// signals, and the options controls write back to `options`. Several comparisons can share a
/// page: element ids are not used, every query stays inside the component's root element
/// (`section.px-comparison[data-instance=N]`, focusable), and keys are answered on that root.
/// Pinning a sentence or ribbon dispatches a bubbling `parallax-select` `CustomEvent` on the
/// root (see [`crate::view_model::SelectedLink`]).
#[component]
pub fn Comparison(
    /// The articles (two to ten) in order.
    #[prop(into)]
    articles: Signal<Articles>,
    /// Threshold and diff options; the options controls write here.
    options: RwSignal<Options>,
    /// Also answer j/k/n/p, Enter and Esc pressed outside every comparison (on the page
    /// body); meant for one comparison per page.
    #[prop(optional)]
    global_keys: bool,
    /// Said after the size guard's message, e.g. where the text stays.
    #[prop(optional)]
    guard_note: &'static str,
    /// The reader's corrections (links rejected and added); the comparison writes here.
    /// Without it the comparison keeps its own (an embed: not stored).
    #[prop(optional)]
    corrections: Option<RwSignal<Corrections>>,
) -> impl IntoView {
    let instance = INSTANCE.fetch_add(1, Ordering::Relaxed) + 1;
    let corrections = corrections.unwrap_or_else(|| RwSignal::new(Corrections::default()));
    let store = Store::new(articles, options.into(), corrections);
    provide_context(store.highlight);
    provide_context(store.corrector);

    listen(&store, global_keys);

    let (rows, report, names, view) = (store.rows, store.report, store.names, store.view);
    let summary = Signal::derive(move || {
        report.with(|r| {
            let Some(Ok(r)) = r else { return None };
            rows.with(|rows| Some(view_model::summary(r, &rows.rows)))
        })
    });
    let cancelled =
        Signal::derive(move || report.with(|r| matches!(r, Some(Err(Refusal::Cancelled)))));
    let refusal = move || {
        report.with(|r| match r {
            Some(Err(Refusal::Cancelled) | Ok(_)) | None => None,
            Some(Err(e)) => Some((e.is_problem(), e.to_string())),
        })
    };
    let can_export = Signal::derive(move || report.with(|r| matches!(r, Some(Ok(_)))));
    let grid = store.grid_inputs();
    let count = grid.count;
    let busy = store.busy;
    let on_show_row = Callback::new(move |row| store.show_row(row));

    view! {
        <section
            class=ROOT_CLASS
            data-instance=instance
            tabindex="-1"
            aria-label=move || landmark_label(instance, &store.all_names.get())
            aria-busy=move || if busy.get() { "true" } else { "false" }
            node_ref=store.root
            on:keydown=move |ev| store.on_key(&ev)
        >
            <MatchOptions options=options />
            // The summary and the list of discrepancies are the pair view's.
            <div class:px-hidden=move || view.get() == View::Grid>
                <SummaryBar summary=summary names=names />
            </div>
            <Toolbar
                view=view
                filter=store.filter
                on_export=Callback::new(move |format| store.export(format))
                can_export=can_export
                count=count
                pair=store.pair
                names=store.all_names
            />
            <Progress busy=busy cancelled=cancelled on_cancel=store.cancel on_retry=store.retry />
            <Legend />
            <CorrectionsBar corrector=store.corrector names=names />
            <div class:px-hidden=move || view.get() == View::Grid>
                <FlagList rows=rows on_show=on_show_row late=store.late />
            </div>
            {move || refusal().map(|(problem, message)| refusal_view(problem, message, guard_note)).into_any()}
            <div class=move || {
                if refusal().is_some() || cancelled.get() {
                    "px-results px-hidden"
                } else if busy.get() {
                    "px-results px-stale"
                } else {
                    "px-results"
                }
            }>
                {move || results_view(&store, view.get(), &grid)}
            </div>
            <p class="px-sr-only" role="status" aria-live="polite">{move || store.status.get()}</p>
        </section>
    }
}

/// The view on screen: aligned rows with the overview strip, the reordering view, or the fact
/// grid.
fn results_view(store: &Store, which: View, grid: &GridInputs) -> AnyView {
    let store = *store;
    let (rows, blocks, names) = (store.rows, store.blocks, store.names);
    match which {
        View::Aligned => {
            // Drawn in the task after the rest of a new report (issue 18).
            let late = store.late;
            let marks = Signal::derive(move || {
                if !late.get() {
                    return Vec::new();
                }
                rows.with(|r| blocks.with(|b| view_model::overview(&r.rows, b)))
            });
            view! {
                <AlignedView
                    rows=rows
                    blocks=blocks
                    names=names
                    on_expand=Callback::new(move |first| store.expand(first))
                    open_folds=store.open_folds
                    on_collapse=Callback::new(move |first| store.collapse(first))
                    on_jump=Callback::new(move |sentence| store.show_moved(sentence))
                    reveal=store.reveal
                />
                <Overview marks=marks on_jump=Callback::new(move |row| { store.focus_row(row); }) />
            }
            .into_any()
        }
        View::Ribbons => view! { <RibbonView data=store.columns names=names /> }.into_any(),
        View::Grid => view! {
            <GridView
                report=grid.report
                base=store.base
                names=store.all_names
                on_pair=grid.on_pair
            />
        }
        .into_any(),
    }
}

/// What the fact grid reads ([`Store::grid_inputs`]).
#[derive(Clone, Copy)]
struct GridInputs {
    /// The engine's report of all the articles (the grid reads it when there are three or more).
    report: RwSignal<Outcome>,
    /// How many articles there are.
    count: Signal<usize>,
    /// Opens a pair in the pair view.
    on_pair: Callback<(usize, usize)>,
}

/// Why nothing is compared: an alert for a problem, a quiet hint for a state to fill in.
fn refusal_view(problem: bool, message: String, guard_note: &'static str) -> AnyView {
    if problem {
        view! {
            <div class="px-guard" role="alert">
                <strong>"Not compared. "</strong>
                {message}
                {(!guard_note.is_empty()).then(|| format!(" {guard_note}"))}
            </div>
        }
        .into_any()
    } else {
        view! { <p class="px-empty px-refusal" role="status">{message}</p> }.into_any()
    }
}
