//! The whole page: inputs on top, aligned columns below.

use super::aligned_view::AlignedView;
use super::input_panel::InputPanel;
use crate::sample;
use crate::view_model::rows;
use leptos::prelude::*;
use parallax::{compare, Article, Options};

/// The Parallax page. Starts with the built-in sample pair and re-aligns as the user types.
#[component]
pub fn App() -> impl IntoView {
    let left_name = RwSignal::new(sample::LEFT_NAME.to_owned());
    let left_text = RwSignal::new(sample::LEFT_TEXT.to_owned());
    let right_name = RwSignal::new(sample::RIGHT_NAME.to_owned());
    let right_text = RwSignal::new(sample::RIGHT_TEXT.to_owned());

    let report = Memo::new(move |_| {
        let (ln, lt, rn, rt) = (
            left_name.get(),
            left_text.get(),
            right_name.get(),
            right_text.get(),
        );
        compare(
            &Article::new(&ln, &lt),
            &Article::new(&rn, &rt),
            &Options::default(),
        )
    });
    let rows = Signal::derive(move || report.with(rows));
    let names = Signal::derive(move || (left_name.get(), right_name.get()));

    view! {
        <header class="px-header">
            <h1>"Parallax"</h1>
            <p class="px-tagline">"See how two outlets tell the same story."</p>
        </header>
        <main class="px-main">
            <section class="px-inputs" aria-label="Articles">
                <InputPanel side="left" label="Left article" name=left_name text=left_text />
                <InputPanel side="right" label="Right article" name=right_name text=right_text />
            </section>
            <AlignedView rows=rows names=names />
        </main>
    }
}
