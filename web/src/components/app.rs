//! The whole page: the input workbench (articles, files, swap, sample), storage, theme, and
//! one [`Comparison`] fed from the inputs.

use super::comparison::{ArticleInput, Articles, Comparison};
use super::header::Header;
use super::input_panel::{InputPanel, Message};
use super::options_bar::OptionsBar;
use crate::browser;
use crate::sample;
use crate::share::Shared;
use crate::state::{self, keys, Theme};
use leptos::prelude::*;
use parallax::Options;
use std::collections::BTreeSet;

/// One article's input state.
#[derive(Debug, Clone, Copy)]
struct Side {
    name: RwSignal<String>,
    text: RwSignal<String>,
    message: RwSignal<Option<Message>>,
    /// Name and text before the last replacement, for "Undo" (kept in storage too).
    before: RwSignal<Option<(String, String)>>,
    undo_key: &'static str,
}

impl Side {
    fn new(
        keys: [&'static str; 3],
        sample: (&'static str, &'static str),
        neutral: &'static str,
        first_visit: bool,
    ) -> Self {
        let [name_key, text_key, undo_key] = keys;
        let initial = |key: &str, sample: &str| {
            browser::load(key).unwrap_or_else(|| {
                if first_visit {
                    sample.to_owned()
                } else {
                    String::new()
                }
            })
        };
        let before = browser::load(undo_key).and_then(|s| state::decode_pair(&s));
        let message = before.as_ref().map(|_| {
            Message::undoable("Undo brings back this article as it was before the last change.")
        });
        let side = Self {
            name: RwSignal::new(initial(name_key, sample.0)),
            text: RwSignal::new(initial(text_key, sample.1)),
            message: RwSignal::new(message),
            before: RwSignal::new(before),
            undo_key,
        };
        // The sample's outlet name does not stay on the reader's own text.
        Effect::new(move |_| {
            let renamed = side.text.with(|text| {
                state::name_for_own_text(&side.name.get_untracked(), sample, text, neutral)
            });
            if let Some(name) = renamed {
                side.name.set(name);
            }
        });
        side
    }

    /// Replaces name and text. The old ones are kept for "Undo", unless `keep_before` (a
    /// shared comparison is shown, and Undo must still lead back to the reader's own text).
    fn replace(self, name: String, text: String, note: &str, keep_before: bool) {
        if !keep_before {
            self.before
                .set(Some((self.name.get_untracked(), self.text.get_untracked())));
        }
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

/// The page's own state: the inputs, the stored options and the theme.
#[derive(Clone, Copy)]
struct Page {
    left: Side,
    right: Side,
    options: RwSignal<Options>,
    theme: RwSignal<Theme>,
    /// The comparison opened from a share link, while the boxes show it unedited. Until the
    /// reader edits it (or goes back), nothing is written over the reader's stored articles
    /// and options.
    shared: RwSignal<Option<Shared>>,
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

/// Said under both panes while a shared comparison is shown.
const SHARED_NOTE: &str = "Opened from a share link. Your own text is kept: Undo brings it back.";

impl Page {
    /// Reads the stored state (or the sample on a first visit), and the shared comparison
    /// the reader was looking at, if any.
    fn new() -> Self {
        let first_visit =
            browser::load(keys::LEFT_TEXT).is_none() && browser::load(keys::RIGHT_TEXT).is_none();
        let left = Side::new(
            [keys::LEFT_NAME, keys::LEFT_TEXT, keys::LEFT_UNDO],
            (sample::LEFT_NAME, sample::LEFT_TEXT),
            "Article 1",
            first_visit,
        );
        let right = Side::new(
            [keys::RIGHT_NAME, keys::RIGHT_TEXT, keys::RIGHT_UNDO],
            (sample::RIGHT_NAME, sample::RIGHT_TEXT),
            "Article 2",
            first_visit,
        );
        let options = RwSignal::new(stored_options());
        let stored_theme = browser::load(keys::THEME).and_then(|s| Theme::parse(&s));
        let theme = RwSignal::new(stored_theme.unwrap_or(if browser::prefers_dark() {
            Theme::Dark
        } else {
            Theme::Light
        }));
        let shared = browser::load(keys::SHARED)
            .and_then(|s| crate::share::parse_payload(s.as_bytes()).ok());
        let page = Self {
            left,
            right,
            options,
            theme,
            shared: RwSignal::new(None),
        };
        if let Some(shared) = shared {
            page.show_shared(shared);
        }
        page
    }

    /// Whether a shared comparison is on screen, unedited.
    fn showing_shared(self) -> bool {
        self.shared.with_untracked(Option::is_some)
    }

    fn swap(self) {
        let keep = self.showing_shared();
        let (left, right) = (self.left, self.right);
        let (left_name, left_text) = left.article();
        let (right_name, right_text) = right.article();
        left.replace(right_name, right_text, "Swapped.", keep);
        right.replace(left_name, left_text, "Swapped.", keep);
    }

    /// The inputs and options as a share link carries them.
    fn shared(self) -> Shared {
        Shared {
            articles: [self.left.article(), self.right.article()],
            options: self.options.get_untracked(),
        }
    }

    /// Opens a shared comparison in the boxes. The reader's own articles stay in storage
    /// untouched and one Undo away (also after a reload); a second link keeps them too.
    fn open_shared(self, shared: Shared) {
        let keep = self.showing_shared();
        self.shared.set(Some(shared.clone()));
        let [(left_name, left_text), (right_name, right_text)] = shared.articles;
        self.left.replace(left_name, left_text, SHARED_NOTE, keep);
        self.right
            .replace(right_name, right_text, SHARED_NOTE, keep);
        self.options.set(shared.options);
    }

    /// Shows the shared comparison kept from before a reload (Undo is already in storage).
    fn show_shared(self, shared: Shared) {
        self.shared.set(Some(shared.clone()));
        let [(left_name, left_text), (right_name, right_text)] = shared.articles;
        for (side, name, text) in [
            (self.left, left_name, left_text),
            (self.right, right_name, right_text),
        ] {
            side.name.set(name);
            side.text.set(text);
            side.message.set(Some(Message::undoable(SHARED_NOTE)));
        }
        self.options.set(shared.options);
    }

    /// "Undo" in one pane: while a shared comparison is shown, both panes go back to the
    /// reader's own articles and options; otherwise the pane undoes its last change.
    fn undo(self, side: Side) {
        if self.showing_shared() {
            self.shared.set(None);
            self.options.set(stored_options());
            self.left.undo();
            self.right.undo();
        } else {
            side.undo();
        }
    }

    /// When the reader edits a shared comparison it becomes theirs: stored from then on.
    fn keep_edited_shared(self) {
        let (left, right) = (self.left, self.right);
        Effect::new(move |_| {
            let current = [
                (left.name.get(), left.text.get()),
                (right.name.get(), right.text.get()),
            ];
            let edited = self
                .shared
                .with(|s| s.as_ref().is_some_and(|s| s.articles != current));
            if edited {
                self.shared.set(None);
            }
        });
    }

    fn load_sample(self) {
        let note = "Sample loaded.";
        let keep = self.showing_shared();
        self.left.replace(
            sample::LEFT_NAME.into(),
            sample::LEFT_TEXT.into(),
            note,
            keep,
        );
        self.right.replace(
            sample::RIGHT_NAME.into(),
            sample::RIGHT_TEXT.into(),
            note,
            keep,
        );
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

    let (left, right) = (page.left, page.right);
    let keep_before = Signal::derive(move || page.shared.with(Option::is_some));
    let articles = Signal::derive(move || -> Articles {
        [
            ArticleInput {
                name: left.name.get(),
                text: left.text.get(),
            },
            ArticleInput {
                name: right.name.get(),
                text: right.text.get(),
            },
        ]
    });

    view! {
        <Header theme=page.theme />
        <main class="px-main">
            <section class="px-inputs" aria-label="Articles">
                <InputPanel
                    side="left"
                    label="Left article"
                    name=left.name
                    text=left.text
                    message=left.message
                    before=left.before
                    keep_before=keep_before
                    on_undo=Callback::new(move |()| page.undo(left))
                />
                <InputPanel
                    side="right"
                    label="Right article"
                    name=right.name
                    text=right.text
                    message=right.message
                    before=right.before
                    keep_before=keep_before
                    on_undo=Callback::new(move |()| page.undo(right))
                />
            </section>
            <OptionsBar
                on_swap=Callback::new(move |()| page.swap())
                on_sample=Callback::new(move |()| page.load_sample())
                on_share=on_share
                share_note=share_note.into()
                storage_warning=storage_warning
            />
            <Comparison
                articles=articles
                options=page.options
                global_keys=true
                guard_note="Your text is kept in the boxes above."
            />
        </main>
    }
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
            Ok(shared) => page.open_shared(shared),
            Err(error) => note.set(Some((false, error.to_string()))),
        }
    });
}

/// Makes the share link, puts it on the clipboard (or, failing that, in the address bar), and
/// says so.
fn copy_share_link(page: Page, note: RwSignal<Option<(bool, String)>>) {
    leptos::task::spawn_local(async move {
        use crate::share::browser;
        let shared = page.shared();
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

/// Saves the inputs, the options, the Undo texts, the shared comparison on screen and the
/// chosen theme to `localStorage` as they change, and applies the theme. While a shared
/// comparison is shown unedited, the reader's stored articles and options are left alone.
/// Returns a warning to show while a text cannot be saved.
fn persist(page: Page) -> Signal<Option<String>> {
    let (left, right, options, theme, shared) =
        (page.left, page.right, page.options, page.theme, page.shared);
    let failing = RwSignal::new(BTreeSet::<&'static str>::new());
    let texts = [
        (keys::LEFT_NAME, left.name),
        (keys::LEFT_TEXT, left.text),
        (keys::RIGHT_NAME, right.name),
        (keys::RIGHT_TEXT, right.text),
    ];
    let note = move |key: &'static str, saved: bool| {
        failing.update(|f| {
            if saved {
                f.remove(key);
            } else {
                f.insert(key);
            }
        });
    };
    for (key, signal) in texts {
        Effect::new(move |_| {
            if shared.with(Option::is_some) {
                return;
            }
            note(key, signal.with(|value| browser::save(key, value)));
        });
    }
    for side in [left, right] {
        Effect::new(move |_| {
            let stored = side.before.with(|b| {
                b.as_ref()
                    .map(|(name, text)| state::encode_pair(name, text))
            });
            note(
                side.undo_key,
                browser::store(side.undo_key, stored.as_deref()),
            );
        });
    }
    Effect::new(move |_| {
        let stored = shared.with(|s| {
            s.as_ref()
                .map(|s| String::from_utf8_lossy(&crate::share::payload(s)).into_owned())
        });
        note(
            keys::SHARED,
            browser::store(keys::SHARED, stored.as_deref()),
        );
    });
    Effect::new(move |_| {
        let options = options.get();
        if shared.with(Option::is_some) {
            return;
        }
        browser::save(keys::THRESHOLD, &format!("{:.2}", options.threshold));
        browser::save(keys::IGNORE_CASE, &options.ignore_case.to_string());
        browser::save(
            keys::IGNORE_PUNCTUATION,
            &options.ignore_punctuation.to_string(),
        );
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
