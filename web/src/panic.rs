//! The panic hook: never a blank page. It saves both text boxes and shows an error panel.
//!
//! The release build aborts on panic, so after the hook the app no longer runs. The hook
//! therefore does everything itself, without JavaScript and without the reactive system: it
//! copies both text areas from the DOM into `localStorage` (so a reload restores them), then
//! writes a message into the reserved `#px-fatal` node of `index.html` (outside the app's
//! mount point). The text areas stay on the page with their content.

use crate::browser;
use crate::state::keys;

/// Id of the reserved error node in `index.html`.
pub const PANEL_ID: &str = "px-fatal";

/// Installs the hook: console report, text saved, error panel shown.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        save_text_areas();
        show_panel(&info.to_string());
    }));
}

fn save_text_areas() {
    // The boxes show an unedited shared comparison (kept under its own key): the reader's own
    // stored articles must not be overwritten with it.
    if browser::load(keys::SHARED).is_some() {
        return;
    }
    for (id, key) in [
        ("px-text-left", keys::LEFT_TEXT),
        ("px-text-right", keys::RIGHT_TEXT),
    ] {
        if let Some(value) = browser::text_area_value(id) {
            browser::save(key, &value);
        }
    }
}

/// Fills and reveals the error panel; quietly does nothing when the page lacks it.
fn show_panel(details: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(panel) = document.get_element_by_id(PANEL_ID) else {
        return;
    };
    let element = |tag: &str, text: &str| {
        let e = document.create_element(tag).ok()?;
        e.set_text_content(Some(text));
        Some(e)
    };
    panel.set_text_content(None);
    let parts = [
        element("h2", "Something went wrong inside Parallax"),
        element(
            "p",
            "The page stopped working. Your text is saved in this browser: \
             reload the page to carry on where you were.",
        ),
        element("a", "Reload the page"),
        element("pre", details),
    ];
    for part in parts.into_iter().flatten() {
        if part.tag_name().eq_ignore_ascii_case("a") {
            let _ = part.set_attribute("href", "./");
        }
        let _ = panel.append_child(&part);
    }
    let _ = panel.remove_attribute("hidden");
}
