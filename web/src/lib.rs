//! The Parallax page: two articles in, aligned columns with word differences out.
//!
//! [`view_model`] names what [`parallax_view`] computes from a [`parallax::Report`] (rows,
//! filters, folds, ribbons, summary numbers), and [`state`] holds the page's other rules
//! (files, storage form, keys); both are plain Rust with native tests. [`browser`] wraps the
//! few browser APIs the page needs, [`panic`] keeps a failure from blanking the page, and the
//! [`components`] map values to elements.
//!
//! The comparison region mounts on its own too (for embedding): [`mount_comparison`].

pub mod browser;
pub mod components;
pub mod corrections;
pub mod embed;
pub mod engine;
pub mod json;
pub mod panic;
pub mod sample;
pub mod share;
pub mod state;
pub mod view_model;
pub mod windowing;

pub use components::app::App;
pub use components::comparison::{ArticleInput, Articles, Comparison};
pub use view_model::SelectedLink;

use leptos::prelude::*;
use parallax::Options;

/// Starts the page: panic hook, mount, and removal of the static loading note.
///
/// With `?debug-panic` in the address the app panics on purpose shortly after start, so the
/// browser tests can check the error panel. With `?debug-two` it mounts two comparisons with
/// [`mount_comparison`] instead of the page (see [`debug_two`]).
///
/// # Panics
///
/// Only on purpose, with `?debug-panic` in the address.
pub fn start() {
    panic::install();
    engine::preload();
    let search = browser::search();
    if search.contains("debug-two") {
        debug_two();
    } else {
        leptos::mount::mount_to_body(App);
    }
    browser::remove_by_id("px-loading");
    if search.contains("debug-panic") {
        crate::browser::set_timeout(
            || panic!("debug-panic: a deliberate failure to test the error panel"),
            std::time::Duration::from_millis(300),
        );
    }
}

/// A comparison mounted with [`mount_comparison`]. Dropping the handle (or calling
/// [`ComparisonHandle::unmount`]) removes the comparison from the page.
pub struct ComparisonHandle {
    articles: RwSignal<Articles>,
    options: RwSignal<Options>,
    mounted: Option<Box<dyn std::any::Any>>,
}

impl std::fmt::Debug for ComparisonHandle {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ComparisonHandle")
            .field("mounted", &self.mounted.is_some())
            .finish_non_exhaustive()
    }
}

impl ComparisonHandle {
    /// Compares new articles (`(name, text)`, 2–10 in order; missing ones are empty) with
    /// new options. The comparison runs shortly after, as after typing on the page.
    pub fn update(&self, articles: Vec<(String, String)>, options: Options) {
        let _ = self.articles.try_set(to_articles(articles));
        let _ = self.options.try_set(options);
    }

    /// The options in use, including changes the reader made with the options controls.
    pub fn options(&self) -> Options {
        self.options.try_get_untracked().unwrap_or_default()
    }

    /// Removes the comparison and its elements from the page.
    pub fn unmount(mut self) {
        self.mounted.take();
    }
}

/// The signals a mounted comparison reads.
type Inputs = (RwSignal<Articles>, RwSignal<Options>);

/// The articles as the comparison takes them: at least two (a missing one is empty, and the
/// comparison says so), at most [`components::comparison::MAX_ARTICLES`].
fn to_articles(articles: Vec<(String, String)>) -> Articles {
    let mut inputs: Articles = articles
        .into_iter()
        .take(components::comparison::MAX_ARTICLES)
        .map(|(name, text)| ArticleInput { name, text })
        .collect();
    inputs.resize_with(inputs.len().max(2), ArticleInput::default);
    inputs
}

/// Mounts a [`Comparison`] of `articles` (`(name, text)`, 2–10 in order) inside `parent`,
/// appended after its children. It uses no element ids, reads and writes no storage, answers
/// keys only when focus is inside its root (`section.px-comparison`, focusable), and
/// dispatches a bubbling `parallax-select` `CustomEvent` on that root whenever the reader pins
/// or unpins a sentence or ribbon, with
/// `detail = { link: number | null, left: number[], right: number[] }` (see [`SelectedLink`]).
///
/// The style sheet (`web/style/main.css`) must be on the page for the layout.
pub fn mount_comparison(
    parent: web_sys::HtmlElement,
    articles: Vec<(String, String)>,
    options: Options,
) -> ComparisonHandle {
    let slot: std::rc::Rc<std::cell::Cell<Option<Inputs>>> = std::rc::Rc::default();
    let inner = slot.clone();
    let initial = to_articles(articles);
    let mounted = leptos::mount::mount_to(parent, move || {
        let articles = RwSignal::new(initial);
        let options = RwSignal::new(options);
        inner.set(Some((articles, options)));
        view! { <Comparison articles=articles options=options /> }
    });
    // The closure runs inside `mount_to`, so the signals are there; the fallback only keeps
    // the handle usable if that ever changes.
    let (articles, options) = slot.take().unwrap_or_else(|| {
        (
            RwSignal::new(Articles::default()),
            RwSignal::new(Options::default()),
        )
    });
    ComparisonHandle {
        articles,
        options,
        mounted: Some(Box::new(mounted)),
    }
}

/// The `?debug-two` page for the browser tests: two comparisons of the sample pair mounted
/// with [`mount_comparison`] (the second with "ignore case"), and buttons that update the
/// second and unmount the first.
fn debug_two() {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let sample = || {
        vec![
            (sample::LEFT_NAME.to_owned(), sample::LEFT_TEXT.to_owned()),
            (sample::RIGHT_NAME.to_owned(), sample::RIGHT_TEXT.to_owned()),
        ]
    };
    let first = mount_comparison(body.clone(), sample(), Options::default());
    let second = mount_comparison(
        body.clone(),
        sample(),
        Options {
            ignore_case: true,
            ..Options::default()
        },
    );
    let first = std::cell::RefCell::new(Some(first));
    leptos::mount::mount_to(body, move || {
        view! {
            <div class="px-debug">
                <button
                    type="button"
                    data-debug="update-second"
                    on:click=move |_| {
                        second.update(
                            vec![
                                ("One".to_owned(), "The red car stopped at the light.".to_owned()),
                                ("Two".to_owned(), "The blue car stopped at the light.".to_owned()),
                            ],
                            Options::default(),
                        );
                    }
                >
                    "Update the second comparison"
                </button>
                <button
                    type="button"
                    data-debug="unmount-first"
                    on:click=move |_| {
                        if let Some(first) = first.borrow_mut().take() {
                            first.unmount();
                        }
                    }
                >
                    "Unmount the first comparison"
                </button>
            </div>
        }
    })
    .forget();
}
