//! The overview strip beside the aligned rows: where the differences are, click to jump.

use crate::view_model::OverviewMark;
use leptos::prelude::*;
use parallax_html::number::fixed;

/// A thin strip that stays in view while the rows scroll, with a mark per differing row placed
/// by its position in the list (rows of a kind close together share one:
/// `parallax_view::fold::overview`). A visual aid only: keyboard users have `j`/`k`.
#[component]
pub fn Overview(
    /// The marks to draw.
    marks: Signal<Vec<OverviewMark>>,
    /// Jumps to a row by index.
    on_jump: Callback<usize>,
) -> impl IntoView {
    view! {
        <div class="px-overview" aria-hidden="true" title="Where the differences are">
            {move || {
                marks
                    .get()
                    .into_iter()
                    .map(|mark| {
                        // Set through the CSSOM (style:…), which the CSP allows; a style
                        // attribute would be refused.
                        let top = format!("{}%", fixed(mark.top * 100.0, 3));
                        let height = format!("max(3px,{}%)", fixed(mark.height * 100.0, 3));
                        let row = mark.row;
                        view! {
                            <div
                                class=format!("px-ov-mark px-ov-{}", mark.kind)
                                style:top=top
                                style:height=height
                                data-ov-row=row
                                on:click=move |_| on_jump.run(row)
                            ></div>
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </div>
    }
}
