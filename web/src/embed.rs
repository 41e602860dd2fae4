//! The wasm side of the embed (`web/embed/parallax-embed.js`): `mount_embed` and its handle.
//!
//! The page and the embed load the same wasm. `main` starts the page only on a page that asks
//! for it (`<body data-parallax-app>`, see [`is_app_page`]); an embedding page gets nothing
//! until its script calls [`mount_embed`]. Arguments arrive as plain JS values and are read
//! with `Reflect`, so the embed costs no serde-wasm-bindgen code.

use crate::{mount_comparison, ComparisonHandle};
use parallax::Options;
use std::cell::RefCell;
use wasm_bindgen::{prelude::*, JsCast};

/// Marks the page that wants the whole app (index.html and the single file set it).
const APP_MARKER: &str = "data-parallax-app";

/// Whether this document is the Parallax page itself rather than a page embedding it.
#[must_use]
pub fn is_app_page() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| b.has_attribute(APP_MARKER))
}

thread_local! {
    /// Every container with a live comparison, for the panic hook.
    static CONTAINERS: RefCell<Vec<web_sys::HtmlElement>> = const { RefCell::new(Vec::new()) };
}

/// One embedded comparison, as JavaScript holds it.
#[wasm_bindgen]
pub struct EmbedHandle {
    inner: Option<ComparisonHandle>,
    container: web_sys::HtmlElement,
}

#[wasm_bindgen]
impl EmbedHandle {
    /// Compares new articles (`[{name, text}, …]`) with new options (`{threshold,
    /// ignore_case, ignore_punctuation}`, each optional).
    ///
    /// # Errors
    ///
    /// Throws when `articles` is not a list of `{name, text}` objects or an option has the
    /// wrong type.
    pub fn update(&self, articles: JsValue, options: JsValue) -> Result<(), JsError> {
        let articles = read_articles(&articles)?;
        let options = read_options(&options)?;
        if let Some(inner) = &self.inner {
            inner.update(articles, options);
        }
        Ok(())
    }

    /// Removes the comparison and its elements; the handle does nothing afterwards.
    pub fn destroy(&mut self) {
        if let Some(inner) = self.inner.take() {
            inner.unmount();
        }
        let container = self.container.clone();
        CONTAINERS.with_borrow_mut(|all| all.retain(|c| *c != container));
    }
}

/// Mounts a comparison of `articles` (`[{name, text}, …]`, 2–10 in order) inside `container`.
///
/// # Errors
///
/// Throws when the arguments have the wrong shape; nothing is mounted then.
#[wasm_bindgen]
pub fn mount_embed(
    container: web_sys::HtmlElement,
    articles: JsValue,
    options: JsValue,
) -> Result<EmbedHandle, JsError> {
    install_panic_hook();
    crate::engine::preload();
    let articles = read_articles(&articles)?;
    let options = read_options(&options)?;
    let inner = mount_comparison(container.clone(), articles, options);
    CONTAINERS.with_borrow_mut(|all| all.push(container.clone()));
    Ok(EmbedHandle {
        inner: Some(inner),
        container,
    })
}

/// Reads a share link's fragment (`#share=1.…`, as the page's "Copy link" makes it) for the
/// iframe embed: resolves to `{ articles: [{ name, text }, …], options: { threshold,
/// ignore_case, ignore_punctuation } }`, or `null` when `hash` is not a share link. The link
/// is read with the page's bounds ([`crate::share`]): decompression stops at the article limit.
///
/// # Errors
///
/// The promise rejects with the page's message when the link is damaged or too large.
#[wasm_bindgen]
pub fn read_share_link(hash: String) -> js_sys::Promise {
    js_sys::futures::future_to_promise(async move {
        match crate::share::browser::read(&hash).await {
            None => Ok(JsValue::NULL),
            Some(Ok(shared)) => Ok(shared_to_js(&shared)),
            Some(Err(error)) => Err(JsError::new(&error.to_string()).into()),
        }
    })
}

/// A shared comparison as the plain object [`mount_embed`] takes.
fn shared_to_js(shared: &crate::share::Shared) -> JsValue {
    let set = |object: &js_sys::Object, key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(object, &JsValue::from_str(key), &value);
    };
    let articles: js_sys::Array = shared
        .articles
        .iter()
        .map(|(name, text)| {
            let article = js_sys::Object::new();
            set(&article, "name", JsValue::from_str(name));
            set(&article, "text", JsValue::from_str(text));
            JsValue::from(article)
        })
        .collect();
    let options = js_sys::Object::new();
    set(
        &options,
        "threshold",
        JsValue::from_f64(shared.options.threshold),
    );
    set(
        &options,
        "ignore_case",
        JsValue::from_bool(shared.options.ignore_case),
    );
    set(
        &options,
        "ignore_punctuation",
        JsValue::from_bool(shared.options.ignore_punctuation),
    );
    let out = js_sys::Object::new();
    set(&out, "articles", articles.into());
    set(&out, "options", options.into());
    out.into()
}

/// `[{name, text}, …]` (at most ten) as (name, text) pairs; a missing name is empty, text is
/// required.
fn read_articles(value: &JsValue) -> Result<Vec<(String, String)>, JsError> {
    let shape = || JsError::new("articles must be a list of { name, text } objects");
    if value.is_undefined() || value.is_null() {
        return Ok(Vec::new());
    }
    let list = value.dyn_ref::<js_sys::Array>().ok_or_else(shape)?;
    let most = crate::components::comparison::MAX_ARTICLES;
    if list.length() as usize > most {
        return Err(JsError::new(&format!(
            "it compares 2 to {most} articles at a time; {} were given",
            list.length()
        )));
    }
    list.iter()
        .map(|article| {
            if !article.is_object() {
                return Err(shape());
            }
            let field = |key: &str| js_sys::Reflect::get(&article, &JsValue::from_str(key)).ok();
            let text = field("text")
                .and_then(|t| t.as_string())
                .ok_or_else(shape)?;
            let name = field("name")
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            Ok((name, text))
        })
        .collect()
}

/// `{threshold, ignore_case, ignore_punctuation}`, each optional, over the defaults.
fn read_options(value: &JsValue) -> Result<Options, JsError> {
    let mut options = Options::default();
    if value.is_undefined() || value.is_null() {
        return Ok(options);
    }
    let field = |key: &str| {
        js_sys::Reflect::get(value, &JsValue::from_str(key))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_null())
    };
    if let Some(threshold) = field("threshold") {
        options.threshold = threshold
            .as_f64()
            .filter(|t| (0.0..=1.0).contains(t))
            .ok_or_else(|| JsError::new("threshold must be a number from 0 to 1"))?;
    }
    for (key, slot) in [
        ("ignore_case", &mut options.ignore_case),
        ("ignore_punctuation", &mut options.ignore_punctuation),
    ] {
        if let Some(flag) = field(key) {
            *slot = flag
                .as_bool()
                .ok_or_else(|| JsError::new(&format!("{key} must be true or false")))?;
        }
    }
    Ok(options)
}

/// On a panic (the release build then stops), every embedded comparison shows a message
/// instead of going silent. Installed once; the page has its own hook.
fn install_panic_hook() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    INSTALLED.call_once(|| {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            CONTAINERS.with(|all| {
                let Ok(all) = all.try_borrow() else { return };
                for container in all.iter() {
                    container.set_text_content(Some(
                        "Parallax stopped working because of an internal error. \
                         Reload the page to try again.",
                    ));
                    let _ = container.set_attribute("role", "alert");
                }
            });
        }));
    });
}
