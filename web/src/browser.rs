//! Thin wrappers over browser APIs: storage, files, HTML reduction, downloads, scrolling.
//!
//! Every function here fails soft: a missing window, a full storage or a refused call gives
//! `None`/`false`/`Err(message)`, never a panic. The rules behind them live in [`crate::state`].

use crate::state::{self, FileBytes, LoadError};
use leptos::wasm_bindgen::{closure::Closure, JsCast, JsValue};
use web_sys::{Element, File, HtmlElement};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

fn document() -> Option<web_sys::Document> {
    window()?.document()
}

/// Reads a value from `localStorage`.
pub fn load(key: &str) -> Option<String> {
    window()?.local_storage().ok()??.get_item(key).ok()?
}

/// Writes a value to `localStorage`; `false` when storage is unavailable or full.
pub fn save(key: &str, value: &str) -> bool {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|s| s.set_item(key, value).is_ok())
}

/// Removes a value from `localStorage`; `false` when storage is unavailable.
pub fn remove(key: &str) -> bool {
    window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some_and(|s| s.remove_item(key).is_ok())
}

/// Writes `value` under `key`, or removes the key for `None`; `false` when storage refused.
pub fn store(key: &str, value: Option<&str>) -> bool {
    match value {
        Some(value) => save(key, value),
        None => remove(key),
    }
}

/// Whether the system asks for a dark colour scheme.
pub fn prefers_dark() -> bool {
    window()
        .and_then(|w| w.match_media("(prefers-color-scheme: dark)").ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Sets `data-theme` on the root element, which the style sheet keys its colours on.
pub fn apply_theme(theme: state::Theme) {
    if let Some(root) = document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("data-theme", theme.as_str());
    }
}

/// Offers `content` as a file download through a Blob URL.
///
/// # Errors
///
/// A short message when the browser refuses a step.
pub fn download(file_name: &str, mime: &str, content: &str) -> Result<(), String> {
    let fail = |what: &str| format!("Could not export: {what}.");
    let parts = js_sys::Array::of1(&JsValue::from_str(content));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| fail("no Blob support"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("no Blob URL"))?;
    let document = document().ok_or_else(|| fail("no document"))?;
    let anchor: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .ok()
        .and_then(|e| e.dyn_into().ok())
        .ok_or_else(|| fail("no link element"))?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Give the browser a moment to start the download before the URL goes away.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// Dispatches the bubbling `parallax-select` `CustomEvent` on `root` with
/// `detail = { link: number | null, left: number[], right: number[] }`.
pub fn dispatch_select(root: &Element, selected: &crate::view_model::SelectedLink) {
    let numbers = |values: &[usize]| {
        values
            .iter()
            .map(|&v| JsValue::from_f64(v as f64))
            .collect::<js_sys::Array>()
    };
    let detail = js_sys::Object::new();
    let link = selected
        .link
        .map_or(JsValue::NULL, |l| JsValue::from_f64(l as f64));
    let _ = js_sys::Reflect::set(&detail, &"link".into(), &link);
    let _ = js_sys::Reflect::set(&detail, &"left".into(), &numbers(&selected.left));
    let _ = js_sys::Reflect::set(&detail, &"right".into(), &numbers(&selected.right));
    let init = web_sys::CustomEventInit::new();
    init.set_bubbles(true);
    init.set_detail(&detail);
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(SELECT_EVENT, &init) {
        let _ = root.dispatch_event(&event);
    }
}

/// The name of the event a comparison dispatches when the reader pins a sentence or ribbon.
pub const SELECT_EVENT: &str = "parallax-select";

/// Reads a file the user opened or dropped, then calls `done` with its bytes or the reason it
/// was refused ([`crate::engine::load_file`] turns the bytes into text). Large files are refused
/// before reading.
pub fn read_file(file: &File, done: impl FnOnce(Result<FileBytes, LoadError>) + 'static) {
    let size = file.size();
    if !size.is_finite() || size > state::MAX_FILE_BYTES as f64 {
        done(Err(LoadError::TooLarge {
            bytes: if size.is_finite() {
                size as usize
            } else {
                usize::MAX
            },
            limit: state::MAX_FILE_BYTES,
        }));
        return;
    }
    let name = file.name();
    let mime = file.type_();
    let Ok(reader) = web_sys::FileReader::new() else {
        done(Err(LoadError::Unreadable));
        return;
    };
    let done = std::rc::Rc::new(std::cell::RefCell::new(Some(done)));
    let finish = {
        let done = done.clone();
        move |result: Result<FileBytes, LoadError>| {
            if let Some(done) = done.borrow_mut().take() {
                done(result);
            }
        }
    };
    let on_load = {
        let reader = reader.clone();
        let finish = finish.clone();
        Closure::once_into_js(move || {
            let bytes = reader
                .result()
                .ok()
                .filter(JsCast::is_instance_of::<js_sys::ArrayBuffer>)
                .map(|buffer| js_sys::Uint8Array::new(&buffer).to_vec());
            finish(
                bytes
                    .map(|bytes| FileBytes { name, mime, bytes })
                    .ok_or(LoadError::Unreadable),
            );
        })
    };
    let on_error = Closure::once_into_js(move || finish(Err(LoadError::Unreadable)));
    reader.set_onload(Some(on_load.unchecked_ref()));
    reader.set_onerror(Some(on_error.unchecked_ref()));
    if reader.read_as_array_buffer(file).is_err() {
        if let Some(done) = done.borrow_mut().take() {
            done(Err(LoadError::Unreadable));
        }
    }
}

fn all(list: &web_sys::NodeList) -> Vec<Element> {
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<Element>().ok())
        .collect()
}

/// Elements matching `selector` inside `root` (or the whole document).
pub fn query_all(root: Option<&Element>, selector: &str) -> Vec<Element> {
    let list = match root {
        Some(root) => root.query_selector_all(selector).ok(),
        None => document().and_then(|d| d.query_selector_all(selector).ok()),
    };
    list.map(|l| all(&l)).unwrap_or_default()
}

/// The first element matching `selector` inside `root` (or the whole document).
pub fn query(root: Option<&Element>, selector: &str) -> Option<Element> {
    match root {
        Some(root) => root.query_selector(selector).ok().flatten(),
        None => document()?.query_selector(selector).ok().flatten(),
    }
}

/// A scroll listener from [`on_any_scroll`]; [`ScrollListener::remove`] takes it off.
pub struct ScrollListener(send_wrapper::SendWrapper<wasm_bindgen::JsValue>);

impl ScrollListener {
    /// Removes the listener.
    pub fn remove(self) {
        if let Some(window) = window() {
            let _ = window.remove_event_listener_with_callback_and_bool(
                "scroll",
                self.0.unchecked_ref(),
                true,
            );
        }
    }
}

/// Calls `f` after every scroll in the page: the window's and any scrolling box's (a capturing
/// listener), so a view inside a host page's scrolling box hears it too.
pub fn on_any_scroll(f: impl Fn() + 'static) -> ScrollListener {
    let listener = Closure::<dyn Fn()>::new(f).into_js_value();
    if let Some(window) = window() {
        let options = web_sys::AddEventListenerOptions::new();
        options.set_capture(true);
        options.set_passive(true);
        let _ = window.add_event_listener_with_callback_and_add_event_listener_options(
            "scroll",
            listener.unchecked_ref(),
            &options,
        );
    }
    ScrollListener(send_wrapper::SendWrapper::new(listener))
}

/// Scrolls the least needed to show `element`, within its scroll containers.
pub fn scroll_into_view(element: &Element, center: bool) {
    let options = web_sys::ScrollIntoViewOptions::new();
    options.set_block(if center {
        web_sys::ScrollLogicalPosition::Center
    } else {
        web_sys::ScrollLogicalPosition::Nearest
    });
    options.set_behavior(web_sys::ScrollBehavior::Instant);
    element.scroll_into_view_with_scroll_into_view_options(&options);
}

/// Whether `element` is fully inside the window and inside its nearest scrolling column.
pub fn is_visible(element: &Element) -> bool {
    let rect = element.get_bounding_client_rect();
    let height = window()
        .and_then(|w| w.inner_height().ok())
        .and_then(|h| h.as_f64())
        .unwrap_or(0.0);
    let in_window = rect.top() >= 0.0 && rect.bottom() <= height;
    let in_column = element
        .closest(".px-column")
        .ok()
        .flatten()
        .is_none_or(|column| {
            let outer = column.get_bounding_client_rect();
            rect.top() >= outer.top() && rect.bottom() <= outer.bottom()
        });
    in_window && in_column
}

/// Moves keyboard focus to `element` without the browser's own scroll jump.
pub fn focus(element: &Element) {
    if let Some(element) = element.dyn_ref::<HtmlElement>() {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = element.focus_with_options(&options);
    }
}

/// The tag name of the element that has focus, upper case (`BODY` when none).
pub fn focused_tag() -> String {
    document()
        .and_then(|d| d.active_element())
        .map_or_else(|| "BODY".to_owned(), |e| e.tag_name().to_ascii_uppercase())
}

/// The `(doc, sentence)` of the focused sentence element, if a sentence has focus.
pub fn focused_sentence() -> Option<(Element, (usize, usize))> {
    let element = document()?.active_element()?;
    let id = sentence_id(&element)?;
    Some((element, id))
}

/// Reads `data-doc`/`data-sentence` from an element.
pub fn sentence_id(element: &Element) -> Option<(usize, usize)> {
    let doc = element.get_attribute("data-doc")?.parse().ok()?;
    let sentence = element.get_attribute("data-sentence")?.parse().ok()?;
    Some((doc, sentence))
}

/// The query string of the page's URL.
pub fn search() -> String {
    window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Removes the element with `id`, if any.
pub fn remove_by_id(id: &str) {
    if let Some(element) = document().and_then(|d| d.get_element_by_id(id)) {
        element.remove();
    }
}

/// The value of a text box by id, read straight from the DOM.
pub fn text_area_value(id: &str) -> Option<String> {
    let element = document()?.get_element_by_id(id)?;
    Some(
        element
            .dyn_into::<web_sys::HtmlTextAreaElement>()
            .ok()?
            .value(),
    )
}

/// Runs `f` after `delay` (a `setTimeout`), cancelable with the handle. Through one boxed
/// closure type: `leptos`'s timer glue is generic over the closure, so each caller's own
/// closure type would bring its own copy of it into the page's wasm (issue 18: size).
pub fn set_timeout_with_handle(
    f: impl FnOnce() + 'static,
    delay: std::time::Duration,
) -> Option<leptos::prelude::TimeoutHandle> {
    timeout_boxed(Box::new(f), delay)
}

#[inline(never)]
fn timeout_boxed(
    f: Box<dyn FnOnce()>,
    delay: std::time::Duration,
) -> Option<leptos::prelude::TimeoutHandle> {
    leptos::prelude::set_timeout_with_handle(f, delay).ok()
}

/// Runs `f` after `delay` (a `setTimeout`): [`set_timeout_with_handle`] without the handle.
pub fn set_timeout(f: impl FnOnce() + 'static, delay: std::time::Duration) {
    let _ = set_timeout_with_handle(f, delay);
}

/// Runs `f` before the next repaint (`requestAnimationFrame`), through one boxed closure type
/// like [`set_timeout_with_handle`].
pub fn request_animation_frame(f: impl FnOnce() + 'static) {
    frame_boxed(Box::new(f));
}

#[inline(never)]
fn frame_boxed(f: Box<dyn FnOnce()>) {
    leptos::prelude::request_animation_frame(f);
}
