//! The folded legend above the rows: what the labels, the match percentage, "possible match",
//! the highlighted words and the reader's own links mean (issue 15, item 8).

use leptos::prelude::*;

/// What the row labels mean (issue 15, item 8), folded above the rows.
#[component]
pub fn Legend() -> impl IntoView {
    const KINDS: [(&str, &str, &str); 4] = [
        (
            "identical",
            "identical",
            "the same words in the same order (quotes, dashes and spacing aside)",
        ),
        (
            "minor",
            "minor",
            "the same sentence with small wording changes",
        ),
        (
            "paraphrase",
            "paraphrase",
            "the same content in other words",
        ),
        (
            "partial",
            "partial",
            "they share a fact, and one side carries facts the other lacks",
        ),
    ];
    let kinds = KINDS
        .iter()
        .map(|&(class, label, meaning)| {
            view! {
                <dt class=format!("px-{class}") data-kind=class><span class="px-badge">{label}</span></dt>
                <dd>{meaning}</dd>
            }
        })
        .collect_view();
    view! {
        <details class="px-legend">
            <summary>"What the labels mean"</summary>
            <dl>
                {kinds}
                <dt>"match 83%"</dt>
                <dd>"how likely the aligner judges it that the two sides belong together, learned from hand-made alignments"</dd>
                <dt><span class="px-possible">"possible match"</span></dt>
                <dd>"below 50%: more likely wrong than right; check it yourself"</dd>
                <dt>"only left / only right"</dt>
                <dd>"a sentence the other article does not carry"</dd>
                <dt><mark class="px-only-here">"highlighted"</mark></dt>
                <dd>"in a paraphrase or partial match: words only this side has; Show word diff strikes through and underlines every change"</dd>
                <dt><span class="px-yours-badge">"your link"</span></dt>
                <dd>"a link you made: Correct links shows Link to… and Not the same fact on the rows. Your corrections change the grid, coverage and summary, stay in this browser and go into exports and share links"</dd>
            </dl>
        </details>
    }
}
