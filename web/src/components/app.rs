//! The whole page: state and storage, the guarded compare step, keyboard, and the regions.

use super::aligned_view::{AlignedView, Rows};
use super::header::Header;
use super::input_panel::{InputPanel, Message};
use super::options_bar::OptionsBar;
use super::overview::Overview;
use super::ribbon_view::{Columns, RibbonView};
use super::sentence::{sentence_selector, Highlight};
use super::summary_bar::SummaryBar;
use super::toolbar::Toolbar;
use crate::browser;
use crate::sample;
use crate::state::{self, keys, Command, Theme, TooLong, View};
use crate::view_model::{self, Block, Filter, Partners, Target};
use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;
use parallax::{compare, Article, Options, Report};
use std::collections::BTreeSet;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

/// Counts reports, so rendered rows of an old report are never reused for a new one.
static GENERATION: AtomicU64 = AtomicU64::new(0);

/// Typing settles this long before the articles are compared again.
const SETTLE: Duration = Duration::from_millis(200);

/// The inputs of one comparison, copied once typing settles.
#[derive(Debug, Clone, PartialEq)]
struct Settled {
    left_name: String,
    left_text: String,
    right_name: String,
    right_text: String,
    threshold: f64,
}

/// One article's input state.
#[derive(Debug, Clone, Copy)]
struct Side {
    name: RwSignal<String>,
    text: RwSignal<String>,
    message: RwSignal<Option<Message>>,
    before: StoredValue<Option<(String, String)>>,
}

impl Side {
    fn new(name_key: &str, text_key: &str, sample: (&str, &str), first_visit: bool) -> Self {
        let initial = |key: &str, sample: &str| {
            browser::load(key).unwrap_or_else(|| {
                if first_visit {
                    sample.to_owned()
                } else {
                    String::new()
                }
            })
        };
        Self {
            name: RwSignal::new(initial(name_key, sample.0)),
            text: RwSignal::new(initial(text_key, sample.1)),
            message: RwSignal::new(None),
            before: StoredValue::new(None),
        }
    }

    /// Replaces name and text, keeping the old ones for "Undo".
    fn replace(self, name: String, text: String, note: &str) {
        self.before
            .set_value(Some((self.name.get_untracked(), self.text.get_untracked())));
        self.name.set(name);
        self.text.set(text);
        self.message.set(Some(Message::undoable(note)));
    }
}

/// The page's signals and derived values, built once by [`App`].
#[derive(Clone, Copy)]
struct Store {
    left: Side,
    right: Side,
    threshold: RwSignal<f64>,
    theme: RwSignal<Theme>,
    view: RwSignal<View>,
    filter: RwSignal<Filter>,
    /// Open folds, by first row, for the rows of one generation.
    expanded: RwSignal<(u64, BTreeSet<usize>)>,
    /// Announcements for screen readers (and the tests).
    status: RwSignal<String>,
    report: Memo<Result<Report, TooLong>>,
    rows: Memo<Rows>,
    columns: Memo<Columns>,
    blocks: Memo<Vec<Block>>,
    stops: Memo<Vec<usize>>,
    names: Signal<(String, String)>,
    highlight: Highlight,
}

impl Store {
    /// Reads the stored state (or the sample on a first visit) and wires the derived values.
    fn new() -> Self {
        let first_visit =
            browser::load(keys::LEFT_TEXT).is_none() && browser::load(keys::RIGHT_TEXT).is_none();
        let left = Side::new(
            keys::LEFT_NAME,
            keys::LEFT_TEXT,
            (sample::LEFT_NAME, sample::LEFT_TEXT),
            first_visit,
        );
        let right = Side::new(
            keys::RIGHT_NAME,
            keys::RIGHT_TEXT,
            (sample::RIGHT_NAME, sample::RIGHT_TEXT),
            first_visit,
        );
        let threshold = RwSignal::new(
            browser::load(keys::THRESHOLD)
                .and_then(|s| state::parse_threshold(&s))
                .unwrap_or_else(|| Options::default().threshold),
        );
        let stored_theme = browser::load(keys::THEME).and_then(|s| Theme::parse(&s));
        let theme = RwSignal::new(stored_theme.unwrap_or(if browser::prefers_dark() {
            Theme::Dark
        } else {
            Theme::Light
        }));
        let settled = settle(left, right, threshold);
        let report = Memo::new(move |_| settled.with(guarded_compare));
        let (rows, columns) = rows_and_columns(settled, report);
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
        let names = Signal::derive(move || {
            settled.with(|s| {
                (
                    display_name(&s.left_name, "Left"),
                    display_name(&s.right_name, "Right"),
                )
            })
        });
        let partners =
            Memo::new(move |_| report.with(|r| r.as_ref().map(Partners::new).unwrap_or_default()));
        let view = RwSignal::new(View::Aligned);
        let highlight = Highlight::new(partners, view);
        // A new report makes old pins meaningless.
        Effect::new(move |_| {
            rows.track();
            highlight.clear();
        });
        Self {
            left,
            right,
            threshold,
            theme,
            view,
            filter,
            expanded,
            status: RwSignal::new(String::new()),
            report,
            rows,
            columns,
            blocks,
            stops,
            names,
            highlight,
        }
    }

    /// Moves focus to the next or previous difference of the view on screen.
    fn navigate(self, forward: bool) {
        let reached = match self.view.get_untracked() {
            View::Aligned => {
                let here = browser::focused_sentence()
                    .and_then(|(element, _)| element.closest("[data-row]").ok().flatten())
                    .and_then(|row| row.get_attribute("data-row"))
                    .and_then(|r| r.parse::<usize>().ok());
                self.stops
                    .with_untracked(|s| state::next_stop(s, here, forward))
                    .and_then(focus_row)
            }
            View::Ribbons => {
                let here = browser::focused_sentence().map(|(_, id)| id);
                let stops: Vec<(usize, usize)> = self.columns.with_untracked(|c| {
                    c.columns
                        .iter()
                        .flatten()
                        .filter(|e| !e.kind.is_identical())
                        .map(|e| (e.view.doc, e.view.sentence))
                        .collect()
                });
                state::next_stop(&stops, here, forward).and_then(|(doc, sentence)| {
                    focus_selector(&format!(".px-ribbons {}", sentence_selector(doc, sentence)))
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
                if let Some((_, id)) = browser::focused_sentence() {
                    ev.prevent_default();
                    self.highlight.toggle_pin(Target::Sentence(id));
                }
            }
            Some(Command::Clear) => self.highlight.clear(),
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
        request_animation_frame(move || {
            focus_row(first);
        });
    }

    /// Shows a right sentence in the reordering view, pinned and focused.
    fn show_moved(self, sentence: usize) {
        self.view.set(View::Ribbons);
        self.highlight
            .pinned
            .set(Some(Target::Sentence((1, sentence))));
        request_animation_frame(move || {
            focus_selector(&format!(".px-ribbons {}", sentence_selector(1, sentence)));
        });
    }

    fn swap(self) {
        let (left, right) = (self.left, self.right);
        let (left_name, left_text) = (left.name.get_untracked(), left.text.get_untracked());
        let (right_name, right_text) = (right.name.get_untracked(), right.text.get_untracked());
        left.replace(right_name, right_text, "Swapped.");
        right.replace(left_name, left_text, "Swapped.");
    }

    fn load_sample(self) {
        let note = "Sample loaded.";
        self.left
            .replace(sample::LEFT_NAME.into(), sample::LEFT_TEXT.into(), note);
        self.right
            .replace(sample::RIGHT_NAME.into(), sample::RIGHT_TEXT.into(), note);
    }

    /// Offers the report as a JSON download and announces the outcome.
    fn export(self) {
        let json = self
            .report
            .with_untracked(|r| r.as_ref().ok().map(serde_json::to_string_pretty));
        let (left_name, right_name) = self.names.get_untracked();
        let done = match json {
            Some(Ok(json)) => browser::download(
                &state::export_file_name(&left_name, &right_name, "json"),
                "application/json",
                &json,
            ),
            Some(Err(error)) => Err(format!("Could not export: {error}.")),
            None => Err("Nothing to export yet.".to_owned()),
        };
        self.status.set(match done {
            Ok(()) => "Report exported as JSON.".to_owned(),
            Err(message) => message,
        });
    }
}

/// The rows and the reordering columns of each new report, under one generation number.
fn rows_and_columns(
    settled: RwSignal<Settled>,
    report: Memo<Result<Report, TooLong>>,
) -> (Memo<Rows>, Memo<Columns>) {
    let rows = Memo::new(move |_| {
        let rows = settled.with(|s| {
            report.with(|r| {
                r.as_ref()
                    .map(|r| view_model::rows(r, &s.right_text))
                    .unwrap_or_default()
            })
        });
        Rows {
            generation: GENERATION.fetch_add(1, Ordering::Relaxed) + 1,
            rows,
        }
    });
    let columns = Memo::new(move |_| {
        let generation = rows.with(|r| r.generation);
        report.with(|r| match r {
            Ok(r) => Columns {
                generation,
                columns: view_model::columns(r),
                ribbons: view_model::ribbons(r),
            },
            Err(_) => Columns::default(),
        })
    });
    (rows, columns)
}

/// Copies the inputs into a settled value once typing pauses; the first value is immediate.
fn settle(left: Side, right: Side, threshold: RwSignal<f64>) -> RwSignal<Settled> {
    let current = move || Settled {
        left_name: left.name.get(),
        left_text: left.text.get(),
        right_name: right.name.get(),
        right_text: right.text.get(),
        threshold: threshold.get(),
    };
    let settled = RwSignal::new(untrack(current));
    let pending = StoredValue::new(None::<TimeoutHandle>);
    Effect::new(move |_| {
        let next = current();
        if let Some(handle) = pending.get_value() {
            handle.clear();
        }
        if settled.with_untracked(|s| *s != next) {
            let handle = set_timeout_with_handle(move || settled.set(next), SETTLE).ok();
            pending.set_value(handle);
        }
    });
    settled
}

/// The guarded compare step: articles over the size limit are refused with a message.
fn guarded_compare(s: &Settled) -> Result<Report, TooLong> {
    state::check_sizes(&s.left_text, &s.right_text)?;
    // Later engine options keep their defaults until the page offers them.
    #[allow(clippy::needless_update)]
    let options = Options {
        threshold: s.threshold,
        ..Options::default()
    };
    Ok(compare(
        &Article::new(&s.left_name, &s.left_text),
        &Article::new(&s.right_name, &s.right_text),
        &options,
    ))
}

/// The Parallax page. Starts with the stored articles (the built-in sample pair on a first
/// visit) and re-aligns shortly after the user stops typing.
#[component]
pub fn App() -> impl IntoView {
    let store = Store::new();
    provide_context(store.highlight);
    let storage_warning = persist(store.left, store.right, store.threshold, store.theme);

    let keydown = window_event_listener(leptos::ev::keydown, move |ev| store.on_key(&ev));
    // A file dropped beside the panes must not replace the page (and the typed text).
    let drag_over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());
    on_cleanup(move || {
        keydown.remove();
        drag_over.remove();
        drop.remove();
    });

    let (rows, blocks, report, names, view) = (
        store.rows,
        store.blocks,
        store.report,
        store.names,
        store.view,
    );
    let marks =
        Signal::derive(move || rows.with(|r| blocks.with(|b| view_model::overview(&r.rows, b))));
    let summary = Signal::derive(move || {
        report.with(|r| {
            let r = r.as_ref().ok()?;
            rows.with(|rows| Some(view_model::summary(r, &rows.rows)))
        })
    });
    let too_long = move || report.with(|r| r.as_ref().err().map(ToString::to_string));
    let can_export = Signal::derive(move || report.with(Result::is_ok));
    let on_expand = Callback::new(move |first| store.expand(first));
    let on_moved = Callback::new(move |sentence| store.show_moved(sentence));
    let on_jump_row = Callback::new(move |row| {
        focus_row(row);
    });

    view! {
        <Header theme=store.theme />
        <main class="px-main">
            <section class="px-inputs" aria-label="Articles">
                <InputPanel
                    side="left"
                    label="Left article"
                    name=store.left.name
                    text=store.left.text
                    message=store.left.message
                    before=store.left.before
                />
                <InputPanel
                    side="right"
                    label="Right article"
                    name=store.right.name
                    text=store.right.text
                    message=store.right.message
                    before=store.right.before
                />
            </section>
            <OptionsBar
                threshold=store.threshold
                on_swap=Callback::new(move |()| store.swap())
                on_sample=Callback::new(move |()| store.load_sample())
                storage_warning=storage_warning
            />
            <SummaryBar summary=summary names=names />
            <Toolbar
                view=view
                filter=store.filter
                on_export=Callback::new(move |()| store.export())
                can_export=can_export
            />
            {move || too_long().map(|message| view! {
                <div class="px-guard" role="alert">
                    <strong>"Not compared. "</strong>
                    {message}
                    " Your text is kept in the boxes above."
                </div>
            })}
            <div class="px-results">
                {move || match view.get() {
                    View::Aligned => view! {
                        <AlignedView
                            rows=rows
                            blocks=blocks
                            names=names
                            on_expand=on_expand
                            on_jump=on_moved
                        />
                        <Overview marks=marks on_jump=on_jump_row />
                    }
                    .into_any(),
                    View::Ribbons => {
                        view! { <RibbonView data=store.columns names=names /> }.into_any()
                    }
                }}
            </div>
            <p class="px-sr-only" role="status" aria-live="polite">{move || store.status.get()}</p>
        </main>
    }
}

fn display_name(name: &str, fallback: &str) -> String {
    let name = name.trim();
    if name.is_empty() {
        fallback.to_owned()
    } else {
        name.to_owned()
    }
}

/// Focuses the first sentence of an aligned row and centres it; `None` when it is not shown.
fn focus_row(row: usize) -> Option<()> {
    focus_selector(&format!(".px-aligned [data-row=\"{row}\"] .px-sentence"))
}

/// Focuses the first element matching `selector` and centres it; `None` when there is none.
fn focus_selector(selector: &str) -> Option<()> {
    let element = browser::query(None, selector)?;
    browser::scroll_into_view(&element, true);
    browser::focus(&element);
    Some(())
}

/// Saves the inputs, threshold and chosen theme to `localStorage` as they change, and applies
/// the theme. Returns a warning to show while a text cannot be saved.
fn persist(
    left: Side,
    right: Side,
    threshold: RwSignal<f64>,
    theme: RwSignal<Theme>,
) -> Signal<Option<String>> {
    let failing = RwSignal::new(BTreeSet::<&'static str>::new());
    let texts = [
        (keys::LEFT_NAME, left.name),
        (keys::LEFT_TEXT, left.text),
        (keys::RIGHT_NAME, right.name),
        (keys::RIGHT_TEXT, right.text),
    ];
    for (key, signal) in texts {
        Effect::new(move |_| {
            let saved = signal.with(|value| browser::save(key, value));
            failing.update(|f| {
                if saved {
                    f.remove(key);
                } else {
                    f.insert(key);
                }
            });
        });
    }
    Effect::new(move |_| {
        browser::save(keys::THRESHOLD, &threshold.get().to_string());
    });
    Effect::new(move |previous: Option<()>| {
        let theme = theme.get();
        browser::apply_theme(theme);
        // Only a choice made with the toggle is kept; otherwise the system setting rules.
        if previous.is_some() {
            browser::save(keys::THEME, theme.as_str());
        }
    });
    Signal::derive(move || {
        failing.with(|f| {
            (!f.is_empty()).then(|| {
                "This browser could not keep your text (storage is full or turned off): \
                 it will not survive a reload."
                    .to_owned()
            })
        })
    })
}
