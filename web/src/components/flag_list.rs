//! Every discrepancy flag of the comparison in one list; each item jumps to its row.

use super::aligned_view::Rows;
use leptos::prelude::*;

/// A folded list of the comparison's discrepancy flags (issue 17): kind, note and severity in
/// words, in the rows' order. Activating an item shows its row in the aligned view and
/// focuses it. Hidden when nothing is flagged.
#[component]
pub fn FlagList(
    /// All rows of the current report.
    rows: Memo<Rows>,
    /// Shows aligned row `i` and focuses it.
    on_show: Callback<usize>,
    /// False while a new report is drawn: the list waits for the task after (a long report has
    /// a long list; issue 18).
    late: RwSignal<bool>,
) -> impl IntoView {
    let items = move || {
        if !late.get() {
            return Vec::new();
        }
        rows.with(|r| {
            r.rows
                .iter()
                .enumerate()
                .flat_map(|(i, row)| row.flags.iter().map(move |flag| (i, flag.clone())))
                .collect::<Vec<_>>()
        })
    };
    move || {
        let items = items();
        (!items.is_empty()).then(|| {
            let count = items.len();
            let list = items
                .into_iter()
                .map(|(row, flag)| {
                    let severity = if flag.is_conflict() {
                        "conflict"
                    } else {
                        "variant"
                    };
                    view! {
                        <li>
                            <button
                                type="button"
                                class="px-flag-jump"
                                data-flag=flag.kind
                                data-severity=flag.severity
                                data-row=row
                                on:click=move |_| on_show.run(row)
                            >
                                <span class="px-flag-severity">{format!("{severity}: ")}</span>
                                {flag.label()}
                                <span class="px-sr-only">", show its row"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="px-flag-list">
                    <summary>
                        {format!(
                            "All {count} discrepanc{}: a list",
                            if count == 1 { "y" } else { "ies" }
                        )}
                    </summary>
                    <ol>{list}</ol>
                </details>
            }
        })
    }
}
