//! The whole page: the input workbench (2–10 article panes, files, swap, sample), storage,
//! theme, and one [`Comparison`] fed from the panes.

use super::comparison::{ArticleInput, Articles, Comparison, MAX_ARTICLES};
use super::header::Header;
use super::input_panel::{Incoming, InputPanel, Message};
use super::options_bar::OptionsBar;
use crate::browser;
use crate::corrections;
use crate::sample;
use crate::share::Shared;
use crate::state::{self, keys, Theme};
use leptos::prelude::*;
use parallax::report::Corrections;
use parallax::Options;
use parallax_html::number::fixed;
use std::collections::BTreeSet;

/// One article's pane: its input state.
#[derive(Debug, Clone, Copy)]
struct Side {
    /// Stable while the pane lives (panes are re-numbered when one is removed).
    id: usize,
    name: RwSignal<String>,
    text: RwSignal<String>,
    message: RwSignal<Option<Message>>,
    /// Name and text before the last replacement, for "Undo" (kept in storage too).
    before: RwSignal<Option<(String, String)>>,
    /// A file handed to this pane by a drop of several files.
    incoming: Incoming,
}

impl Side {
    fn new(id: usize, name: String, text: String) -> Self {
        Self {
            id,
            name: RwSignal::new(name),
            text: RwSignal::new(text),
            message: RwSignal::new(None),
            before: RwSignal::new(None),
            incoming: RwSignal::new_local(None),
        }
    }

    /// The pane at position `position` as stored (empty when nothing is).
    fn stored(id: usize, position: usize) -> Self {
        let [name_key, text_key, undo_key] = keys::article(position);
        let side = Self::new(
            id,
            browser::load(&name_key).unwrap_or_default(),
            browser::load(&text_key).unwrap_or_default(),
        );
        let before = browser::load(&undo_key).and_then(|s| state::decode_pair(&s));
        if before.is_some() {
            side.message.set(Some(Message::undoable(
                "Undo brings back this article as it was before the last change.",
            )));
        }
        side.before.set(before);
        side
    }

    /// Replaces name and text. The old ones are kept for "Undo".
    fn replace(self, name: String, text: String, note: &str) {
        self.before
            .set(Some((self.name.get_untracked(), self.text.get_untracked())));
        self.name.set(name);
        self.text.set(text);
        self.message.set(Some(Message::undoable(note)));
    }

    /// Puts back the name and text from before the last replacement.
    fn undo(self) {
        if let Some((name, text)) = self.before.get_untracked() {
            self.name.set(name);
            self.text.set(text);
            self.before.set(None);
            self.message.set(Some(Message::info("Restored.")));
        }
    }

    fn article(self) -> (String, String) {
        (self.name.get_untracked(), self.text.get_untracked())
    }
}

/// The page's own state: the panes, the stored options and the theme.
#[derive(Clone, Copy)]
struct Page {
    panes: RwSignal<Vec<Side>>,
    next_id: StoredValue<usize>,
    /// The page's owner: panes made in an event handler or after a share link is read must
    /// not belong to the pane whose button made them (removing that pane would dispose them).
    owner: StoredValue<Owner>,
    options: RwSignal<Options>,
    theme: RwSignal<Theme>,
    /// The comparison opened from a share link, while the boxes show it unedited. Until the
    /// reader edits it (or goes back), nothing is written over the reader's stored articles
    /// and options.
    shared: RwSignal<Option<Shared>>,
    /// The last pane removed (position, name, text, and the corrections before), for "Undo".
    removed: RwSignal<Option<Removed>>,
    /// The reader's corrections: links rejected and added (kept with the articles).
    corrections: RwSignal<Corrections>,
}

/// A removed pane, kept for "Undo": its position, name and text, and the corrections from
/// before its removal (which dropped those about it).
#[derive(Debug, Clone)]
struct Removed {
    position: usize,
    name: String,
    text: String,
    corrections: Corrections,
}

/// The options kept in this browser (the defaults where none are).
fn stored_options() -> Options {
    let defaults = Options::default();
    let switch = |key: &str, default: bool| {
        browser::load(key)
            .and_then(|s| state::parse_switch(&s))
            .unwrap_or(default)
    };
    Options {
        threshold: browser::load(keys::THRESHOLD)
            .and_then(|s| state::parse_threshold(&s))
            .unwrap_or(defaults.threshold),
        ignore_case: switch(keys::IGNORE_CASE, defaults.ignore_case),
        ignore_punctuation: switch(keys::IGNORE_PUNCTUATION, defaults.ignore_punctuation),
    }
}

/// The corrections kept in this browser.
fn stored_corrections() -> Corrections {
    browser::load(keys::CORRECTIONS).map_or_else(Corrections::default, |s| corrections::decode(&s))
}

/// Said under every pane while a shared comparison is shown.
const SHARED_NOTE: &str = "Opened from a share link. Your own text is kept: Undo brings it back.";

/// The sample's (name, text) for the first two panes.
fn sample_of(position: usize) -> Option<(&'static str, &'static str)> {
    match position {
        0 => Some((sample::LEFT_NAME, sample::LEFT_TEXT)),
        1 => Some((sample::RIGHT_NAME, sample::RIGHT_TEXT)),
        _ => None,
    }
}

impl Page {
    /// Reads the stored state (or the sample on a first visit), and the shared comparison
    /// the reader was looking at, if any.
    fn new() -> Self {
        let page = Self {
            panes: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
            owner: StoredValue::new(Owner::current().unwrap_or_default()),
            options: RwSignal::new(stored_options()),
            theme: RwSignal::new(
                browser::load(keys::THEME)
                    .and_then(|s| Theme::parse(&s))
                    .unwrap_or(if browser::prefers_dark() {
                        Theme::Dark
                    } else {
                        Theme::Light
                    }),
            ),
            shared: RwSignal::new(None),
            removed: RwSignal::new(None),
            corrections: RwSignal::new(stored_corrections()),
        };
        page.panes.set(page.stored_panes());
        let shared = browser::load(keys::SHARED)
            .and_then(|s| crate::share::parse_payload(s.as_bytes()).ok());
        if let Some(shared) = shared {
            page.show_shared(shared);
        }
        page
    }

    fn new_side(self, name: String, text: String) -> Side {
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.owner.get_value().with(|| Side::new(id, name, text))
    }

    /// The panes kept in this browser; the sample pair on a first visit.
    fn stored_panes(self) -> Vec<Side> {
        let first_visit = (0..2).all(|p| browser::load(&keys::article(p)[1]).is_none());
        if first_visit {
            return (0..2)
                .filter_map(sample_of)
                .map(|(name, text)| self.new_side(name.to_owned(), text.to_owned()))
                .collect();
        }
        let count = browser::load(keys::ARTICLES)
            .and_then(|c| c.trim().parse::<usize>().ok())
            .unwrap_or(2)
            .clamp(2, MAX_ARTICLES);
        (0..count)
            .map(|position| {
                let id = self.next_id.get_value();
                self.next_id.set_value(id + 1);
                self.owner.get_value().with(|| Side::stored(id, position))
            })
            .collect()
    }

    /// Whether a shared comparison is on screen, unedited.
    fn showing_shared(self) -> bool {
        self.shared.with_untracked(Option::is_some)
    }

    fn articles(self) -> Vec<(String, String)> {
        self.panes
            .with_untracked(|p| p.iter().map(|s| s.article()).collect())
    }

    /// Swaps the two articles (two panes only).
    fn swap(self) {
        let panes = self.panes.get_untracked();
        if let [left, right] = panes[..] {
            let (left_name, left_text) = left.article();
            let (right_name, right_text) = right.article();
            left.replace(right_name, right_text, "Swapped.");
            right.replace(left_name, left_text, "Swapped.");
        }
    }

    /// Adds an empty pane (up to ten); `None` when there are ten already.
    fn add(self) -> Option<Side> {
        if self.panes.with_untracked(Vec::len) >= MAX_ARTICLES {
            return None;
        }
        let side = self.new_side(String::new(), String::new());
        self.panes.update(|p| p.push(side));
        Some(side)
    }

    /// Removes the pane at `position` (while more than two remain); Undo puts it back.
    fn remove(self, id: usize) {
        let Some(position) = self
            .panes
            .with_untracked(|p| p.iter().position(|s| s.id == id))
        else {
            return;
        };
        if self.panes.with_untracked(Vec::len) <= 2 {
            return;
        }
        let (name, text) = self.panes.with_untracked(|p| p[position].article());
        let before = self.corrections.get_untracked();
        self.panes.update(|p| {
            p.remove(position);
        });
        self.corrections
            .set(corrections::after_removal(&before, position));
        self.removed.set(Some(Removed {
            position,
            name,
            text,
            corrections: before,
        }));
    }

    /// Puts the last removed pane back where it was.
    fn undo_remove(self) {
        let Some(Removed {
            position,
            name,
            text,
            corrections,
        }) = self.removed.get_untracked()
        else {
            return;
        };
        if self.panes.with_untracked(Vec::len) >= MAX_ARTICLES {
            return;
        }
        let side = self.new_side(name, text);
        self.panes.update(|p| {
            let at = position.min(p.len());
            p.insert(at, side);
        });
        self.corrections.set(corrections);
        self.removed.set(None);
    }

    /// Hands files to panes: each to the next free pane after `after` (empty, or still
    /// holding the built-in sample), else to a new one. Files past the tenth pane are refused
    /// with a message.
    fn take_files(self, after: usize, files: Vec<web_sys::File>) {
        let mut refused = 0;
        let mut taken = BTreeSet::new();
        for file in files {
            let empty = self.panes.with_untracked(|panes| {
                let from = panes
                    .iter()
                    .position(|s| s.id == after)
                    .map_or(0, |p| p + 1);
                let free = |(position, side): &(usize, &Side)| {
                    !taken.contains(&side.id)
                        && side.text.with_untracked(|t| {
                            t.trim().is_empty() || sample_of(*position).is_some_and(|s| s.1 == t)
                        })
                };
                panes
                    .iter()
                    .enumerate()
                    .skip(from)
                    .find(free)
                    .map(|(_, side)| *side)
            });
            let empty = empty.or_else(|| self.add());
            if let Some(side) = empty {
                taken.insert(side.id);
            }
            match empty {
                Some(side) => side.incoming.set(Some(file)),
                None => refused += 1,
            }
        }
        if refused > 0 {
            if let Some(last) = self.panes.with_untracked(|p| p.last().copied()) {
                last.message.set(Some(Message::error(format!(
                    "{refused} more file(s) were not opened: Parallax compares up to {MAX_ARTICLES} articles."
                ))));
            }
        }
    }

    /// Shows a shared comparison in the panes. The reader's own articles stay in storage
    /// untouched (storage is not written while the shared comparison is shown), and Undo reads
    /// them back, also after a reload. Each pane's Undo leads back to the reader's own
    /// article at its place (still in storage), also once the shared comparison is edited and
    /// so becomes the reader's.
    fn show_shared(self, shared: Shared) {
        self.shared.set(Some(shared.clone()));
        let panes: Vec<Side> = shared
            .articles
            .into_iter()
            .enumerate()
            .map(|(position, (name, text))| {
                let [name_key, text_key, _] = keys::article(position);
                let own = browser::load(&text_key)
                    .map(|text| (browser::load(&name_key).unwrap_or_default(), text));
                let side = self.new_side(name, text);
                side.before.set(own);
                side.message.set(Some(Message::undoable(SHARED_NOTE)));
                side
            })
            .collect();
        self.panes.set(panes);
        self.options.set(shared.options);
        self.corrections.set(shared.corrections);
    }

    /// "Undo" in one pane: while a shared comparison is shown, every pane goes back to the
    /// reader's own stored articles and options; otherwise the pane undoes its last change.
    fn undo(self, side: Side) {
        if self.showing_shared() {
            self.shared.set(None);
            self.options.set(stored_options());
            self.corrections.set(stored_corrections());
            self.panes.set(self.stored_panes());
        } else {
            side.undo();
        }
    }

    /// When the reader edits a shared comparison it becomes theirs: stored from then on.
    fn keep_edited_shared(self) {
        // Compared in place, and only while a shared comparison is shown: typing in the
        // reader's own articles copies nothing here.
        crate::components::effect(move |_| {
            let edited = self.shared.with(|shared| {
                let Some(shared) = shared else { return false };
                let articles = self.panes.with(|panes| {
                    panes.len() != shared.articles.len()
                        || panes
                            .iter()
                            .zip(&shared.articles)
                            .any(|(side, (name, text))| {
                                side.name.with(|n| n != name) || side.text.with(|t| t != text)
                            })
                });
                articles || self.corrections.with(|c| *c != shared.corrections)
            });
            if edited {
                self.shared.set(None);
            }
        });
    }

    fn load_sample(self) {
        let note = "Sample loaded.";
        let panes = self.panes.get_untracked();
        for (position, side) in panes.iter().enumerate().take(2) {
            if let Some((name, text)) = sample_of(position) {
                side.replace(name.into(), text.into(), note);
            }
        }
    }
}

/// The Parallax page. Starts with the stored articles (the built-in sample pair on a first
/// visit); the comparison re-aligns shortly after the user stops typing.
#[component]
pub fn App() -> impl IntoView {
    let page = Page::new();
    page.keep_edited_shared();
    let storage_warning = persist(page);

    // A file dropped beside the panes must not replace the page (and the typed text).
    let drag_over = window_event_listener(leptos::ev::dragover, |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, |ev| ev.prevent_default());
    on_cleanup(move || {
        drag_over.remove();
        drop.remove();
    });

    let share_note = RwSignal::new(None::<(bool, String)>);
    restore_shared(page, share_note);
    let on_share = Callback::new(move |()| copy_share_link(page, share_note));

    let articles = Signal::derive(move || -> Articles {
        page.panes.with(|panes| {
            panes
                .iter()
                .map(|side| ArticleInput {
                    name: side.name.get(),
                    text: side.text.get(),
                })
                .collect()
        })
    });
    let count = Memo::new(move |_| page.panes.with(Vec::len));
    let keep_before = Signal::derive(move || page.shared.with(Option::is_some));
    // Results first: with three or more articles all filled in, the panes start folded.
    let folded = page.panes.with_untracked(|p| {
        p.len() > 2
            && p.iter()
                .all(|s| s.text.with_untracked(|t| !t.trim().is_empty()))
    });
    let inputs_open = RwSignal::new(!folded);
    let summary = move || {
        let names: Vec<String> = page.panes.with(|p| {
            p.iter()
                .enumerate()
                .map(|(i, s)| state::display_name(&s.name.get(), &format!("Article {}", i + 1)))
                .collect()
        });
        format!("Edit articles ({}): {}", names.len(), names.join(", "))
    };

    view! {
        <Header theme=page.theme />
        <main class="px-main">
            <a class="px-skip" href="#px-results">"Skip to the results"</a>
            <details
                class="px-inputs-fold"
                prop:open=move || inputs_open.get()
                on:toggle=move |ev| {
                    use leptos::wasm_bindgen::JsCast;
                    if let Some(details) = ev
                        .target()
                        .and_then(|t| t.dyn_into::<web_sys::HtmlDetailsElement>().ok())
                    {
                        inputs_open.set(details.open());
                    }
                }
            >
                <summary class="px-inputs-summary">{move || summary()}</summary>
                <section
                    class=move || format!("px-inputs px-inputs-{}", count.get().min(3))
                    aria-label="Articles"
                >
                    <For
                        each=move || page.panes.get()
                        key=|side| side.id
                        children=move |side| pane_view(page, side, count, keep_before)
                    />
                </section>
            </details>
            <OptionsBar
                count=count.into()
                on_swap=Callback::new(move |()| page.swap())
                on_add=Callback::new(move |()| {
                    inputs_open.set(true);
                    if let Some(side) = page.add() {
                        side.message.set(Some(Message::info(
                            "Paste an article here, or open or drop a file.",
                        )));
                    }
                })
                on_sample=Callback::new(move |()| page.load_sample())
                on_share=on_share
                share_note=share_note.into()
                storage_warning=storage_warning
                removed=Signal::derive(move || page.removed.with(|r| r.as_ref().map(|r| r.name.clone())))
                on_undo_remove=Callback::new(move |()| page.undo_remove())
            />
            <div id="px-results" tabindex="-1">
                <Comparison
                    articles=articles
                    options=page.options
                    global_keys=true
                    guard_note="Your text is kept in the boxes above."
                    corrections=page.corrections
                />
            </div>
        </main>
    }
}

/// One article's pane, labelled by its position ("Left article"/"Right article" of two,
/// "Article 3" of more), with a remove button while more than two remain.
fn pane_view(
    page: Page,
    side: Side,
    count: Memo<usize>,
    keep_before: Signal<bool>,
) -> impl IntoView {
    let position = Memo::new(move |_| {
        page.panes
            .with(|p| p.iter().position(|s| s.id == side.id).unwrap_or(0))
    });
    let label = Signal::derive(move || {
        let (position, n) = (position.get(), count.get());
        let name = state::article_name(position, n);
        if n == 2 {
            format!("{name} article")
        } else {
            name
        }
    });
    // The first two panes keep the hooks of the two-article page.
    let hook = match position.get_untracked() {
        0 => "left".to_owned(),
        1 => "right".to_owned(),
        _ => format!("article-{}", side.id + 1),
    };
    name_own_text(side, position);
    forget_corrections_on_edit(page, side, position);
    let on_remove = Signal::derive(move || {
        (count.get() > 2).then(|| Callback::new(move |()| page.remove(side.id)))
    });
    view! {
        <InputPanel
            side=hook
            label=label
            name=side.name
            text=side.text
            message=side.message
            before=side.before
            keep_before=keep_before
            on_undo=Callback::new(move |()| page.undo(side))
            on_remove=on_remove
            on_more_files=Callback::new(move |files| page.take_files(side.id, files))
            incoming=side.incoming
        />
    }
}

/// The reader's corrections about an article go when its text changes (its sentences are
/// numbered anew).
fn forget_corrections_on_edit(page: Page, side: Side, position: Memo<usize>) {
    crate::components::effect(move |first| {
        side.text.track();
        if !first {
            let doc = position.get_untracked();
            let kept = page
                .corrections
                .with_untracked(|c| corrections::without_doc(c, doc));
            if page.corrections.with_untracked(|c| *c != kept) {
                page.corrections.set(kept);
            }
        }
    });
}

/// A pane named after the sample (or not named at all) takes the name its own text gives
/// (a wire dateline, the site after its headline), else a neutral "Article N", once the
/// reader's text replaces the sample's.
fn name_own_text(side: Side, position: Memo<usize>) {
    let mut previous: Option<String> = None;
    crate::components::effect(move |_| {
        let text = side.text.get();
        if previous.as_deref() == Some(text.as_str()) {
            return;
        }
        let position = position.get_untracked();
        let neutral = format!("Article {}", position + 1);
        let name = side.name.get_untracked();
        let renamed = match sample_of(position) {
            Some(sample) if name == sample.0 => {
                state::name_for_own_text(&name, sample, &text, &neutral)
            }
            _ if previous.is_some() && (name.trim().is_empty() || name == neutral) => {
                parallax::input::text_name(&text)
            }
            _ => None,
        };
        if let Some(name) = renamed {
            side.name.set(name);
        }
        previous = Some(text);
    });
}

/// Opens the comparison in the address's `#share=` fragment, if any, then removes the
/// fragment so a reload shows the reader's own text. A damaged link changes nothing.
fn restore_shared(page: Page, note: RwSignal<Option<(bool, String)>>) {
    leptos::task::spawn_local(async move {
        let Some(result) = crate::share::browser::restore().await else {
            return;
        };
        crate::share::browser::forget_fragment();
        match result {
            Ok(shared) => page.show_shared(shared),
            Err(error) => note.set(Some((false, error.to_string()))),
        }
    });
}

/// Makes the share link, puts it on the clipboard (or, failing that, in the address bar), and
/// says so.
fn copy_share_link(page: Page, note: RwSignal<Option<(bool, String)>>) {
    leptos::task::spawn_local(async move {
        use crate::share::browser;
        let shared = Shared {
            articles: page.articles(),
            options: page.options.get_untracked(),
            corrections: page.corrections.get_untracked(),
        };
        match browser::link(&shared).await {
            Ok(link) => {
                // The address bar only when the clipboard refuses: a link left there would
                // re-open (and replace later edits) on the next reload.
                let copied = browser::copy(&link).await;
                if !copied {
                    browser::show_in_address_bar(&link);
                }
                let text = crate::share::link_note(copied, link.len(), link.starts_with("file:"));
                note.set(Some((true, text)));
            }
            Err(error) => note.set(Some((false, error.to_string()))),
        }
    });
}

/// Reads one stored field of a pane (name, text or Undo text; `None` removes the key).
type Field = fn(&Side) -> Option<String>;

/// Saves the panes (count, names, texts, Undo texts), the options, the shared comparison on
/// screen and the chosen theme to `localStorage` as they change, and applies the theme. While
/// a shared comparison is shown unedited, the reader's stored articles and options are left
/// alone. Returns a warning to show while a text cannot be saved.
fn persist(page: Page) -> Signal<Option<String>> {
    let (panes, options, theme, shared) = (page.panes, page.options, page.theme, page.shared);
    // The keys that could not be saved: a list (a few at most), not a B-tree set of strings,
    // which would be one more B-tree type in the page's wasm.
    let failing = RwSignal::new(Vec::<String>::new());
    let note = move |key: String, saved: bool| {
        failing.update(|f| {
            if saved {
                f.retain(|k| *k != key);
            } else if !f.contains(&key) {
                f.push(key);
            }
        });
    };
    // Each pane's fields under its position's keys; a pane re-saves when its position moves.
    // (Per field, so typing in one box writes that box only.)
    let fields: [(usize, Field); 3] = [
        (0, |s| Some(s.name.get())),
        (1, |s| Some(s.text.get())),
        (2, |s| {
            s.before
                .with(|b| b.as_ref().map(|(n, t)| state::encode_pair(n, t)))
        }),
    ];
    for position in 0..MAX_ARTICLES {
        for (field, read) in fields {
            crate::components::effect(move |_| {
                if shared.with(Option::is_some) {
                    return;
                }
                let Some(side) = panes.with(|p| p.get(position).copied()) else {
                    return;
                };
                let key = keys::article(position)[field].clone();
                note(key.clone(), browser::store(&key, read(&side).as_deref()));
            });
        }
    }
    // The count, and no stale keys past it.
    crate::components::effect(move |_| {
        if shared.with(Option::is_some) {
            return;
        }
        let count = panes.with(Vec::len);
        browser::save(keys::ARTICLES, &count.to_string());
        for position in count.max(2)..MAX_ARTICLES {
            for key in keys::article(position) {
                browser::remove(&key);
            }
        }
    });
    crate::components::effect(move |_| {
        let stored = shared.with(|s| {
            s.as_ref()
                .map(|s| String::from_utf8_lossy(&crate::share::payload(s)).into_owned())
        });
        note(
            keys::SHARED.to_owned(),
            browser::store(keys::SHARED, stored.as_deref()),
        );
    });
    let corrections = page.corrections;
    crate::components::effect(move |_| {
        let stored = corrections.with(|c| (!c.is_empty()).then(|| crate::corrections::encode(c)));
        if shared.with(Option::is_some) {
            return;
        }
        note(
            keys::CORRECTIONS.to_owned(),
            browser::store(keys::CORRECTIONS, stored.as_deref()),
        );
    });
    crate::components::effect(move |_| {
        let options = options.get();
        if shared.with(Option::is_some) {
            return;
        }
        browser::save(keys::THRESHOLD, &fixed(options.threshold, 2));
        browser::save(keys::IGNORE_CASE, &options.ignore_case.to_string());
        browser::save(
            keys::IGNORE_PUNCTUATION,
            &options.ignore_punctuation.to_string(),
        );
    });
    crate::components::effect(move |first| {
        let theme = theme.get();
        browser::apply_theme(theme);
        // Only a choice made with the toggle is kept; otherwise the system setting rules.
        if !first {
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
