//! One article's input: name, text, open file, drop a file, clear (with undo), messages.

use crate::browser;
use crate::state::{FileBytes, FileKind};
use leptos::html;
use leptos::prelude::*;
use parallax::input::Encoding;

/// A message under an input pane.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    /// What to say.
    pub text: String,
    /// Whether it reports a problem.
    pub error: bool,
    /// Whether an "Undo" button restores the text before the last change.
    pub undo: bool,
    /// Whether a "Read as Windows-1252" button loads the refused file again in that encoding.
    pub windows_1252: bool,
}

impl Message {
    /// An informational message.
    pub fn info(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: false,
            undo: false,
            windows_1252: false,
        }
    }

    /// A problem report.
    pub fn error(text: impl Into<String>) -> Self {
        Self {
            text: text.into(),
            error: true,
            undo: false,
            windows_1252: false,
        }
    }

    /// An informational message with an "Undo" button.
    pub fn undoable(text: impl Into<String>) -> Self {
        Self {
            undo: true,
            ..Self::info(text)
        }
    }
}

/// Files the page hands to one pane (after a drop of several files): the pane loads them like
/// its own.
pub type Incoming = RwSignal<Option<web_sys::File>, LocalStorage>;

/// The input pane of one article. A refused or failed file never touches the text box.
#[component]
pub fn InputPanel(
    /// `left`, `right` or `article-3`…; used in ids and test hooks.
    side: String,
    /// The pane's visible label.
    #[prop(into)]
    label: Signal<String>,
    /// The article's display name.
    name: RwSignal<String>,
    /// The article's text.
    text: RwSignal<String>,
    /// The message shown under the pane.
    message: RwSignal<Option<Message>>,
    /// Name and text before the last replacement, for "Undo".
    before: RwSignal<Option<(String, String)>>,
    /// While true, replacements leave `before` alone (it holds the reader's own text, behind
    /// a shared comparison).
    keep_before: Signal<bool>,
    /// What "Undo" does.
    on_undo: Callback<()>,
    /// Removes the pane (offered while there are more than two).
    #[prop(optional)]
    on_remove: Option<Signal<Option<Callback<()>>>>,
    /// Takes the files past the first of a multi-file drop or pick (one pane each).
    #[prop(optional)]
    on_more_files: Option<Callback<Vec<web_sys::File>>>,
    /// A file the page hands to this pane.
    #[prop(optional)]
    incoming: Option<Incoming>,
) -> impl IntoView {
    let name_id = format!("px-name-{side}");
    let text_id = format!("px-text-{side}");
    let heading_id = format!("px-input-title-{side}");
    let file_id = format!("px-file-{side}");
    let file_input = NodeRef::<html::Input>::new();
    let dragging = RwSignal::new(false);

    let remember = move || {
        if !keep_before.get_untracked() {
            before.set(Some((name.get_untracked(), text.get_untracked())));
        }
    };
    let (load, as_windows_1252) = file_loader(name, text, message, remember);
    let take_files = files_taker(load, incoming, on_more_files);
    let open = move |_| {
        if let Some(input) = file_input.get() {
            input.click();
        }
    };
    let chosen = move |_| {
        let Some(input) = file_input.get() else {
            return;
        };
        take_files(input.files());
        input.set_value("");
    };
    let clear = move |_| {
        remember();
        name.set(String::new());
        text.set(String::new());
        message.set(Some(Message::undoable("Cleared.")));
    };
    let undo = move |_| on_undo.run(());
    let drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        let Some(data) = ev.data_transfer() else {
            return;
        };
        if take_files(data.files()) {
            return;
        }
        if let Some(dropped) = data.get_data("text/plain").ok().filter(|t| !t.is_empty()) {
            remember();
            text.set(dropped);
            message.set(Some(Message::undoable("Dropped text.")));
        }
    };
    let drag_over = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        dragging.set(true);
    };

    view! {
        <section
            class=move || format!("px-input{}", if dragging.get() { " px-dragging" } else { "" })
            data-side=side.clone()
            aria-labelledby=heading_id.clone()

            on:dragover=drag_over
            on:dragleave=move |_| dragging.set(false)
            on:drop=drop
        >
            {pane_head(heading_id.clone(), label, on_remove)}
            <label for=name_id.clone()>"Name"</label>
            <input
                id=name_id
                type="text"
                autocomplete="off"
                prop:value=move || name.get()
                on:input=move |ev| name.set(event_target_value(&ev))
            />
            <label for=text_id.clone()>"Text"</label>
            <textarea
                id=text_id
                rows="10"
                spellcheck="false"
                prop:value=move || text.get()
                on:input=move |ev| text.set(event_target_value(&ev))
            ></textarea>
            <div class="px-input-actions">
                <button type="button" on:click=open>"Open file…"</button>
                <input
                    id=file_id
                    class="px-file"
                    type="file"
                    multiple
                    tabindex="-1"
                    aria-hidden="true"
                    accept=".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html"
                    node_ref=file_input
                    on:change=chosen
                />
                <button type="button" on:click=clear>"Clear"</button>
                <span class="px-drop-hint">"or drop .txt, .md or .html files here (one pane each)"</span>
            </div>
            {message_view(message, undo, as_windows_1252)}
        </section>
    }
}

/// What the pane does with files: the first of an opened or dropped list is its own, the
/// others go to `on_more_files` (panes of their own); a file the page hands it through
/// `incoming` loads as its own. The returned closure says whether there was a file.
fn files_taker(
    load: impl Fn(web_sys::File) + Copy + 'static,
    incoming: Option<Incoming>,
    on_more_files: Option<Callback<Vec<web_sys::File>>>,
) -> impl Fn(Option<web_sys::FileList>) -> bool + Copy + 'static {
    if let Some(incoming) = incoming {
        crate::components::effect(move |_| {
            if let Some(file) = incoming.get() {
                incoming.set(None);
                load(file);
            }
        });
    }
    move |files: Option<web_sys::FileList>| {
        let files: Vec<web_sys::File> = files
            .map(|list| (0..list.length()).filter_map(|i| list.item(i)).collect())
            .unwrap_or_default();
        let mut files = files.into_iter();
        let Some(first) = files.next() else {
            return false;
        };
        load(first);
        let rest: Vec<web_sys::File> = files.collect();
        if let (false, Some(more)) = (rest.is_empty(), on_more_files) {
            more.run(rest);
        }
        true
    }
}

/// The pane's heading, with "Remove" while the page offers it.
fn pane_head(
    heading_id: String,
    label: Signal<String>,
    on_remove: Option<Signal<Option<Callback<()>>>>,
) -> impl IntoView {
    view! {
        <div class="px-input-head">
            <h2 class="px-input-label" id=heading_id.clone()>{move || label.get()}</h2>
            {move || on_remove.and_then(|r| r.get()).map(|remove| view! {
                <button
                    type="button"
                    class="px-link px-remove"
                    data-action="remove-article"
                    aria-label=move || format!("Remove {}", label.get())
                    on:click=move |_| remove.run(())
                >
                    "Remove"
                </button>
            }).into_any()}
        </div>
    }
}

/// The message line under a pane, with "Undo" when the message offers it.
fn message_view(
    message: RwSignal<Option<Message>>,
    undo: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
    as_windows_1252: impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    view! {
        <p class="px-message" role="status" aria-live="polite">
            {move || {
                message
                    .get()
                    .map(|m| {
                        let class = if m.error { "px-note px-error" } else { "px-note" };
                        view! {
                            <span class=class>
                                {m.error.then_some("⚠ ")}
                                {m.text}
                            </span>
                            {m.undo.then(|| view! {
                                " "
                                <button type="button" class="px-link" on:click=undo>"Undo"</button>
                            })}
                            {m.windows_1252.then(|| view! {
                                " "
                                <button type="button" class="px-link" data-action="windows-1252" on:click=as_windows_1252>
                                    "Read as Windows-1252"
                                </button>
                            })}
                        }
                    })
                    .into_any()
            }}
        </p>
    }
}

/// Reads a file into the pane: the text box changes only when the file was read. Returns the
/// loader and the action of the "Read as Windows-1252" button, which loads the last file
/// refused as not UTF-8 again in that encoding.
fn file_loader(
    name: RwSignal<String>,
    text: RwSignal<String>,
    message: RwSignal<Option<Message>>,
    remember: impl Fn() + Copy + Send + Sync + 'static,
) -> (
    impl Fn(web_sys::File) + Copy + 'static,
    impl Fn(leptos::ev::MouseEvent) + Copy + Send + Sync + 'static,
) {
    let refused: StoredValue<Option<FileBytes>> = StoredValue::new(None);
    let load = move |file: web_sys::File| {
        message.set(Some(Message::info(format!("Reading {}…", file.name()))));
        browser::read_file(&file, move |result| match result {
            Ok(file) => show_loaded(&file, false, name, text, message, remember, refused),
            Err(error) => message.set(Some(Message::error(error.to_string()))),
        });
    };
    let as_windows_1252 = move |_| {
        if let Some(file) = refused.get_value() {
            show_loaded(&file, true, name, text, message, remember, refused);
        }
    };
    (load, as_windows_1252)
}

/// Loads a read file through the engine's loader into the pane, or says why not (offering
/// Windows-1252 for a file that is not UTF-8).
fn show_loaded(
    file: &FileBytes,
    windows_1252: bool,
    name: RwSignal<String>,
    text: RwSignal<String>,
    message: RwSignal<Option<Message>>,
    remember: impl Fn() + 'static,
    refused: StoredValue<Option<FileBytes>>,
) {
    let kept = file.clone();
    crate::engine::load_file(file, windows_1252, move |result| match result {
        Ok(loaded) => {
            refused.set_value(None);
            remember();
            let how = match loaded.kind {
                FileKind::Html => " (HTML reduced to its main text)",
                FileKind::Markdown => " (Markdown reduced to plain text)",
                FileKind::Text => "",
            };
            let encoding = if loaded.encoding == Encoding::Utf8 {
                String::new()
            } else {
                format!(", read as {}", loaded.encoding)
            };
            let note = format!("Loaded {}{how}{encoding}.", loaded.name);
            name.set(loaded.name);
            text.set(loaded.text);
            message.set(Some(Message::undoable(note)));
        }
        Err(error) => {
            let retry = error.is_not_utf8();
            refused.set_value(retry.then_some(kept));
            message.set(Some(Message {
                windows_1252: retry,
                ..Message::error(error.to_string())
            }));
        }
    });
}
