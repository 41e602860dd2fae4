//! The reordering view: both articles in their own order, ribbons between linked sentences.

use super::sentence::{sentence, Highlight};
use crate::browser;
use crate::view_model::{ribbon_lit, ribbon_path, ColumnEntry, Ribbon, Target};
use leptos::html;
use leptos::prelude::*;
use parallax_html::number::fixed;

/// Both columns of one report, with the generation of [`super::aligned_view::Rows`].
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Columns {
    /// Bumped for every new report.
    pub generation: u64,
    /// Left and right sentences in their own order.
    pub columns: [Vec<ColumnEntry>; 2],
    /// Linked sentence pairs.
    pub ribbons: Vec<Ribbon>,
}

/// Where each sentence's middle sits, in the ribbon area's coordinates.
#[derive(Debug, Clone, PartialEq, Default)]
struct Geometry {
    width: f64,
    /// Per side, per sentence index: the vertical middle, when rendered.
    middles: [Vec<Option<f64>>; 2],
}

/// Two columns and the ribbons between them. Each column scrolls on its own, so a partner can
/// be brought into view without moving the sentence being read.
#[component]
pub fn RibbonView(
    /// The columns and ribbons of the current report.
    data: Memo<Columns>,
    /// The two articles' names, for the column headings.
    names: Signal<(String, String)>,
) -> impl IntoView {
    let highlight = use_context::<Highlight>();
    let grid = NodeRef::<html::Div>::new();
    let (geometry, schedule) = track_geometry(grid, data);
    let column = move |doc: usize| {
        move || {
            data.with(|d| {
                d.columns
                    .get(doc)
                    .cloned()
                    .unwrap_or_default()
                    .into_iter()
                    .map(|entry| sentence(entry.view, &format!("px-k-{}", entry.kind.name())))
                    .collect_view()
            })
        }
    };
    // Every change of the data is a new report (a new generation): all ribbons are new, so a
    // plain list does what a keyed `For` would, for less code.
    let ribbons = move || {
        data.with(|d| {
            d.ribbons
                .iter()
                .map(|r| ribbon(r.clone(), geometry, highlight))
                .collect_view()
        })
    };
    let focused = move || highlight.is_some_and(|h| h.current.get().is_some());

    view! {
        <section
            class="px-view px-ribbons"
            role="group"
            aria-label="Reordering: both articles in their own order, linked sentences joined"
        >
            <div class="px-ribbon-heading" aria-hidden="true">
                <div>{move || names.get().0}</div>
                <div></div>
                <div>{move || names.get().1}</div>
            </div>
            <div class="px-ribbon-grid" node_ref=grid>
                <div
                    class="px-column"
                    data-column="0"
                    role="group"
                    aria-label=move || format!("{} in its own order", names.get().0)
                    on:scroll=move |_| schedule()
                >
                    {column(0)}
                </div>
                <svg
                    class=move || {
                        format!("px-ribbon-svg{}", if focused() { " px-has-focus" } else { "" })
                    }
                    aria-hidden="true"
                >
                    {move || ribbons().into_any()}
                </svg>
                <div
                    class="px-column"
                    data-column="1"
                    role="group"
                    aria-label=move || format!("{} in its own order", names.get().1)
                    on:scroll=move |_| schedule()
                >
                    {column(1)}
                </div>
            </div>
        </section>
    }
}

/// Measures where each sentence's middle sits whenever the data, the window size or a column's
/// scroll position changes (at most once per frame). Returns the geometry and the scheduler.
fn track_geometry(
    grid: NodeRef<html::Div>,
    data: Memo<Columns>,
) -> (RwSignal<Geometry>, impl Fn() + Copy + 'static) {
    let geometry = RwSignal::new(Geometry::default());
    let measure = move || {
        let Some(grid) = grid.get_untracked() else {
            return;
        };
        let Some(svg) = browser::query(Some(&grid), ".px-ribbon-svg") else {
            return;
        };
        let area = svg.get_bounding_client_rect();
        let mut next = Geometry {
            width: area.width(),
            middles: [Vec::new(), Vec::new()],
        };
        for element in browser::query_all(Some(&grid), ".px-column .px-sentence") {
            let Some((doc, index)) = browser::sentence_id(&element) else {
                continue;
            };
            let Some(side) = next.middles.get_mut(doc) else {
                continue;
            };
            if side.len() <= index {
                side.resize(index + 1, None);
            }
            let rect = element.get_bounding_client_rect();
            side[index] = Some(rect.top() + rect.height() / 2.0 - area.top());
        }
        geometry.set(next);
    };
    let schedule = super::once_per_frame(measure);
    crate::components::effect(move |_| {
        data.track();
        schedule();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| schedule());
    on_cleanup(move || resize.remove());
    (geometry, schedule)
}

/// One ribbon: a visible line and a wider invisible line that catches the mouse.
fn ribbon(r: Ribbon, geometry: RwSignal<Geometry>, highlight: Option<Highlight>) -> impl IntoView {
    let (left, right) = (r.left, r.right);
    let target = Target::Ribbon(left, right);
    let d = move || {
        geometry.with(|g| {
            let at = |side: usize, i: usize| g.middles[side].get(i).copied().flatten();
            match (at(0, left), at(1, right)) {
                (Some(y0), Some(y1)) => ribbon_path(g.width, y0, y1),
                _ => String::new(),
            }
        })
    };
    let kind = r.kind.name();
    // Presentation attributes, not a style attribute: the Content-Security-Policy forbids those.
    let stroke_width = fixed(r.width(), 1);
    let stroke_opacity = fixed(r.opacity(), 2);
    let class = move || {
        let lit = highlight.is_some_and(|h| ribbon_lit(&r, h.current.get()));
        format!(
            "px-ribbon px-rk-{kind}{}",
            if lit { " px-ribbon-lit" } else { "" }
        )
    };
    view! {
        <g
            class=class
            data-left=left
            data-right=right
            on:mouseenter=move |_| {
                if let Some(h) = highlight {
                    h.hover.set(Some(target));
                }
            }
            on:mouseleave=move |_| {
                if let Some(h) = highlight {
                    if h.hover.get_untracked() == Some(target) {
                        h.hover.set(None);
                    }
                }
            }
            on:click=move |_| {
                if let Some(h) = highlight {
                    h.toggle_pin(target);
                }
            }
        >
            <path class="px-ribbon-line" d=d stroke-width=stroke_width stroke-opacity=stroke_opacity></path>
            <path class="px-ribbon-hit" d=d></path>
        </g>
    }
}
