//! The aligned columns: one row per link or unmatched sentence, with word highlights.

use crate::view_model::{Mark, Row, SentenceView};
use leptos::prelude::*;

/// Side-by-side rows of the two articles.
#[component]
pub fn AlignedView(
    /// The rows to show, from [`crate::view_model::rows`].
    rows: Signal<Vec<Row>>,
    /// The two articles' names, for the column headings.
    names: Signal<(String, String)>,
) -> impl IntoView {
    view! {
        <section class="px-aligned" aria-label="Aligned sentences">
            <div class="px-row px-heading" role="presentation">
                <div class="px-cell">{move || names.get().0}</div>
                <div class="px-badge-cell"></div>
                <div class="px-cell">{move || names.get().1}</div>
            </div>
            <Show when=move || rows.with(Vec::is_empty)>
                <p class="px-empty">"Paste an article into each box to compare them."</p>
            </Show>
            {move || rows.get().into_iter().map(row_view).collect_view()}
        </section>
    }
}

fn row_view(row: Row) -> impl IntoView {
    let kind = row.kind.name();
    let title = row.score.map(|s| format!("similarity {:.0}%", s * 100.0));
    view! {
        <div class=format!("px-row px-{kind}") data-link=kind>
            <div class="px-cell px-left">{row.left.into_iter().map(sentence_view).collect_view()}</div>
            <div class="px-badge-cell">
                <span class="px-badge" title=title>{row.kind.label()}</span>
            </div>
            <div class="px-cell px-right">{row.right.into_iter().map(sentence_view).collect_view()}</div>
        </div>
    }
}

fn sentence_view(sentence: SentenceView) -> impl IntoView {
    view! {
        <p class="px-sentence" data-doc=sentence.doc data-sentence=sentence.sentence>
            {sentence
                .pieces
                .into_iter()
                .map(|piece| match piece.mark {
                    Mark::Same => view! { <span>{piece.text}</span> }.into_any(),
                    Mark::Removed => view! { <del>{piece.text}</del> }.into_any(),
                    Mark::Added => view! { <ins>{piece.text}</ins> }.into_any(),
                })
                .collect_view()}
        </p>
    }
}
