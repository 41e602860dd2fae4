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

/// The page's own state: the inputs, the stored options and the theme.
#[derive(Clone, Copy)]
struct Page {
    left: Side,
    right: Side,
    options: RwSignal<Options>,
    theme: RwSignal<Theme>,
}

impl Page {
    /// Reads the stored state (or the sample on a first visit).
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
        let defaults = Options::default();
        let switch = |key: &str, default: bool| {
            browser::load(key)
                .and_then(|s| state::parse_switch(&s))
                .unwrap_or(default)
        };
        let options = RwSignal::new(Options {
            threshold: browser::load(keys::THRESHOLD)
                .and_then(|s| state::parse_threshold(&s))
                .unwrap_or(defaults.threshold),
            ignore_case: switch(keys::IGNORE_CASE, defaults.ignore_case),
            ignore_punctuation: switch(keys::IGNORE_PUNCTUATION, defaults.ignore_punctuation),
        });
        let stored_theme = browser::load(keys::THEME).and_then(|s| Theme::parse(&s));
        let theme = RwSignal::new(stored_theme.unwrap_or(if browser::prefers_dark() {
            Theme::Dark
        } else {
            Theme::Light
        }));
        Self {
            left,
            right,
            options,
            theme,
        }
    }

    fn swap(self) {
        let (left, right) = (self.left, self.right);
        let (left_name, left_text) = (left.name.get_untracked(), left.text.get_untracked());
        let (right_name, right_text) = (right.name.get_untracked(), right.text.get_untracked());
        left.replace(right_name, right_text, "Swapped.");
        right.replace(left_name, left_text, "Swapped.");
    }

    /// The inputs and options as a share link carries them.
    fn shared(self) -> Shared {
        let side = |s: Side| (s.name.get_untracked(), s.text.get_untracked());
        Shared {
            articles: [side(self.left), side(self.right)],
            options: self.options.get_untracked(),
        }
    }

    /// Opens a shared comparison: both sides replaced (with Undo), the options taken over.
    fn open_shared(self, shared: Shared) {
        let note = "Opened from a share link.";
        let [(left_name, left_text), (right_name, right_text)] = shared.articles;
        self.left.replace(left_name, left_text, note);
        self.right.replace(right_name, right_text, note);
        self.options.set(shared.options);
    }

    fn load_sample(self) {
        let note = "Sample loaded.";
        self.left
            .replace(sample::LEFT_NAME.into(), sample::LEFT_TEXT.into(), note);
        self.right
            .replace(sample::RIGHT_NAME.into(), sample::RIGHT_TEXT.into(), note);
    }
}

/// The Parallax page. Starts with the stored articles (the built-in sample pair on a first
/// visit); the comparison re-aligns shortly after the user stops typing.
#[component]
pub fn App() -> impl IntoView {
    let page = Page::new();
    let storage_warning = persist(page.left, page.right, page.options, page.theme);

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
                />
                <InputPanel
                    side="right"
                    label="Right article"
                    name=right.name
                    text=right.text
                    message=right.message
                    before=right.before
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
                let text = if copied {
                    format!("Link copied ({} characters). Anyone who opens it sees these two articles; nothing is uploaded.", link.len())
                } else {
                    "The link is in the address bar: copy it from there. Nothing is uploaded."
                        .to_owned()
                };
                note.set(Some((true, text)));
            }
            Err(error) => note.set(Some((false, error.to_string()))),
        }
    });
}

/// Saves the inputs, the options and the chosen theme to `localStorage` as they change, and
/// applies the theme. Returns a warning to show while a text cannot be saved.
fn persist(
    left: Side,
    right: Side,
    options: RwSignal<Options>,
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
        let options = options.get();
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
