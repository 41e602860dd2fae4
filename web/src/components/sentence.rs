//! One sentence on screen, shared by both views: word marks, hover/focus linking and pinning.

use crate::browser;
use crate::state::View;
use crate::view_model::{Mark, Partners, Piece, RowDisplay, SentenceId, SentenceView, Target};
use leptos::html;
use leptos::prelude::*;

/// What the reader points at, shared by every sentence and ribbon through context.
#[derive(Debug, Clone, Copy)]
pub struct Highlight {
    /// The sentence or ribbon under the mouse or with keyboard focus.
    pub hover: RwSignal<Option<Target>>,
    /// The pinned sentence (click or Enter), kept when the mouse leaves.
    pub pinned: RwSignal<Option<Target>>,
    /// `hover`, else `pinned`.
    pub current: Memo<Option<Target>>,
    /// The sentences to light for `current`.
    pub lit: Memo<Vec<SentenceId>>,
    /// Who is linked to whom.
    pub partners: Memo<Partners>,
    /// The view on screen.
    pub view: RwSignal<View>,
    /// The sentence that last took focus, kept after it lost it (j/k go on from it when a long
    /// view has dropped its row).
    pub focused: StoredValue<Option<SentenceId>>,
    /// The comparison's root element: every query stays inside it.
    pub root: NodeRef<html::Section>,
}

impl Highlight {
    /// Builds the shared state over the partners of the current report.
    pub fn new(
        partners: Memo<Partners>,
        view: RwSignal<View>,
        root: NodeRef<html::Section>,
    ) -> Self {
        let hover = RwSignal::new(None);
        let pinned = RwSignal::new(None);
        let current = Memo::new(move |_| hover.get().or(pinned.get()));
        let lit = Memo::new(move |_| {
            let target = current.get();
            partners.with(|p| crate::view_model::lit(target, p))
        });
        Self {
            hover,
            pinned,
            current,
            lit,
            partners,
            view,
            focused: StoredValue::new(None),
            root,
        }
    }

    /// Pins `target`, or unpins it when it is already pinned.
    pub fn toggle_pin(self, target: Target) {
        self.pinned.update(|p| {
            *p = if *p == Some(target) {
                None
            } else {
                Some(target)
            }
        });
    }

    /// Clears the pin and the hover.
    pub fn clear(self) {
        self.pinned.set(None);
        self.hover.set(None);
    }

    /// Scrolls the partners of `id` into view unless one of them is already visible.
    pub fn reveal_partners(self, id: SentenceId) {
        let partners: Vec<SentenceId> = self.partners.with_untracked(|p| p.of(id).to_vec());
        let Some(comparison) = self.root.get_untracked() else {
            return;
        };
        let root = browser::query(Some(&comparison), ".px-view");
        let elements: Vec<_> = partners
            .iter()
            .filter_map(|&(doc, sentence)| {
                browser::query(root.as_ref(), &sentence_selector(doc, sentence))
            })
            .collect();
        if !elements.is_empty() && !elements.iter().any(browser::is_visible) {
            browser::scroll_into_view(&elements[0], false);
        }
    }
}

/// The CSS selector of a sentence element.
pub fn sentence_selector(doc: usize, sentence: usize) -> String {
    format!(".px-sentence[data-doc=\"{doc}\"][data-sentence=\"{sentence}\"]")
}

/// Renders one sentence: `<del>` for removed words, `<ins>` for added ones, focusable, with
/// `data-doc`/`data-sentence` hooks. Hover or focus lights its partners; click pins it.
pub fn sentence(view: SentenceView, extra_class: &str) -> impl IntoView {
    sentence_in(view, extra_class, Signal::stored(RowDisplay::Diff))
}

/// A piece of a sentence: plain text, `<del>`, `<ins>`, or for the quiet display of a
/// paraphrase `<mark class="px-only-here">` (words only this article has).
fn piece_view(piece: Piece) -> AnyView {
    match piece.mark {
        Mark::Same => piece.text.into_any(),
        Mark::Removed => view! { <del>{piece.text}</del> }.into_any(),
        Mark::Added => view! { <ins>{piece.text}</ins> }.into_any(),
        Mark::Only => view! { <mark class="px-only-here">{piece.text}</mark> }.into_any(),
    }
}

/// Like [`sentence`], in the display a row chooses: the word diff, or what the two sentences
/// share with only the content words this side adds marked (issue 15, item 5).
pub fn sentence_in(
    view: SentenceView,
    extra_class: &str,
    display: Signal<RowDisplay>,
) -> impl IntoView {
    let highlight = use_context::<Highlight>();
    let id = (view.doc, view.sentence);
    let target = Target::Sentence(id);
    let base = format!("px-sentence px-role-{} {extra_class}", view.role_name());
    let class = move || {
        let Some(h) = highlight else {
            return base.clone();
        };
        let mut class = base.clone();
        if h.current.get() == Some(target) {
            class.push_str(" px-source");
        }
        if h.pinned.get() == Some(target) {
            class.push_str(" px-pinned");
        }
        if h.lit.with(|lit| lit.contains(&id)) {
            class.push_str(" px-lit");
        }
        class
    };
    let enter = move |from_keyboard: bool| {
        if let Some(h) = highlight {
            if from_keyboard {
                h.focused.set_value(Some(id));
            }
            h.hover.set(Some(target));
            if from_keyboard || h.view.get_untracked() == View::Ribbons {
                h.reveal_partners(id);
            }
        }
    };
    let leave = move || {
        if let Some(h) = highlight {
            if h.hover.get_untracked() == Some(target) {
                h.hover.set(None);
            }
        }
    };
    let corrector = use_context::<super::corrections_bar::Corrector>();
    let click = move || {
        // While the reader picks a partner for a new link, a click picks.
        if corrector.is_some_and(|c| c.finish(id)) {
            return;
        }
        if let Some(h) = highlight {
            h.toggle_pin(target);
            h.reveal_partners(id);
        }
    };
    view! {
        <p
            class=class
            tabindex="0"
            data-doc=id.0
            data-sentence=id.1
            on:mouseenter=move |_| enter(false)
            on:mouseleave=move |_| leave()
            on:focus=move |_| enter(true)
            on:blur=move |_| leave()
            on:click=move |_| click()
        >
            {move || {
                view.pieces_for(display.get())
                    .iter()
                    .cloned()
                    .map(piece_view)
                    .collect_view()
                    .into_any()
            }}
        </p>
    }
}
