//! The summary bar: how much of each article the other covers, rows per kind, words changed.

use crate::view_model::Summary;
use leptos::prelude::*;
use parallax_html::number::fixed;

/// Numbers of the current comparison.
#[component]
pub fn SummaryBar(
    /// The summary, `None` while nothing is compared.
    summary: Signal<Option<Summary>>,
    /// The two articles' names.
    names: Signal<(String, String)>,
) -> impl IntoView {
    let share = move |doc: usize| {
        move || {
            let (share, (left, right)) = (summary.get()?.shares[doc], names.get());
            let (this, other) = if doc == 0 {
                (left, right)
            } else {
                (right, left)
            };
            let percent = format!("{}%", fixed(share * 100.0, 0));
            let width = format!("{}%", fixed(share * 100.0, 1));
            Some(view! {
                <div class="px-share" data-share=doc>
                    <span class="px-share-number">{percent}</span>
                    <span class="px-share-text">
                        " of " <strong>{this}</strong> " is found in " {other}
                    </span>
                    <span class="px-share-bar" aria-hidden="true">
                        <span style:width=width></span>
                    </span>
                </div>
            })
        }
    };
    view! {
        // A group, not a landmark: two comparisons on a page would repeat its name.
        <section
            class=move || if summary.with(Option::is_some) { "px-summary" } else { "px-summary px-hidden" }
            role="group"
            aria-label="Summary"
        >
            {share(0)}
            {share(1)}
            {move || {
                summary
                    .get()
                    .map(|s| {
                        let counts = s
                            .counts
                            .into_iter()
                            .map(|(kind, n)| {
                                view! {
                                    <li class=format!("px-count px-{}", kind.name()) data-count=kind.name()>
                                        <span class="px-badge">{kind.label()}</span>
                                        " "
                                        <span class="px-count-number">{n}</span>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            <ul class="px-counts" aria-label="Rows per kind">{counts}</ul>
                            <p class="px-words">
                                <span class="px-words-added">{format!("+{}", s.words_added)}</span>
                                " words added, "
                                <span class="px-words-removed">
                                    {format!("−{}", s.words_removed)}
                                </span>
                                " removed"
                                {(s.flags > 0).then(|| view! {
                                    ", "
                                    <span class="px-flag-count" data-flags=s.flags>
                                        {format!(
                                            "{} discrepanc{} ({} conflict{})",
                                            s.flags,
                                            if s.flags == 1 { "y" } else { "ies" },
                                            s.conflicts,
                                            if s.conflicts == 1 { "" } else { "s" },
                                        )}
                                    </span>
                                })}
                            </p>
                        }
                    })
                    .into_any()
            }}
        </section>
    }
}
