//! The comparison engine, off the main thread: a Web Worker running the data-only library
//! (`crates/parallax-wasm`, `dist/lib/parallax-worker.js`), so the page never freezes while
//! long articles are aligned. The page's own wasm carries no aligner.
//!
//! Where the worker and the library's wasm come from is set by whoever loads the page, in
//! `globalThis.__parallaxEngine = { worker, wasm }`: `worker` is the URL of the worker script
//! (a `blob:` URL in the single offline file), `wasm` the library's wasm as a URL, its bytes, a
//! compiled `WebAssembly.Module` or a promise of one of these. Without it (the site) both are next to the page, under
//! `lib/`. The wasm is compiled once per page and handed to every worker, so restarting one
//! costs no download.
//!
//! The message protocol (see `web/engine/worker.js`) is general: a list of articles (2–10)
//! `{ name, text }` and the options. Each [`Engine`] owns one worker and runs one comparison at
//! a time; a newer request, [`Engine::cancel`] or dropping the engine terminates a comparison
//! still running, so it stops using the CPU at once. Files the reader opens go through the
//! engine's loader in a worker of their own ([`load_file`]), so the page's wasm carries neither
//! the aligner nor the loader's text clean-up tables.

use crate::state::{FileBytes, FileKind, LoadError, Loaded};
use js_sys::{Object, Promise, Reflect};
use parallax::input::Encoding;
use parallax::report::Corrections;
use parallax::{Options, Report};
use std::cell::RefCell;
use std::rc::{Rc, Weak};
use wasm_bindgen::{prelude::*, JsCast};

/// The global a loader sets to say where the worker and its wasm are.
const CONFIG: &str = "__parallaxEngine";
/// The worker script on the site, relative to the page.
const DEFAULT_WORKER: &str = "lib/parallax-worker.js";
/// The library's wasm on the site, relative to the page.
const DEFAULT_WASM: &str = "lib/parallax_bg.wasm";

/// A finished comparison: the report, and the JSON text it was read from ([`ReportJson`]).
///
/// A long report is read over several tasks (issue 18): the message's task reads all but the
/// links, [`Compared::read_links`] a part of the links each time it is called.
#[derive(Debug, Clone)]
pub struct Compared {
    /// The report, holding the links read so far.
    pub report: Report,
    /// The JSON text the report is read from.
    pub json: ReportJson,
    /// How many parts of the links were read.
    read: usize,
}

impl Compared {
    /// Reads the next part of the links into the report: `Ok(false)` when none was left.
    ///
    /// # Errors
    ///
    /// When a part is not JSON of links: what went wrong, in words.
    pub fn read_links(&mut self) -> Result<bool, String> {
        let Some(part) = self.json.links.get(self.read) else {
            return Ok(false);
        };
        self.read += 1;
        let text = part.as_string().unwrap_or_default();
        let links = crate::json::links(&text).map_err(|e| unreadable(&e))?;
        self.report.links.extend(links);
        Ok(true)
    }
}

/// A report as the engine wrote it, compact JSON in JavaScript strings (copied into the page's
/// memory only when read): the report without its links, and the links in parts. "Export
/// JSON" puts them together again, so the page needs no serializer of its own and the worker
/// writes the report once.
#[derive(Debug, Clone)]
pub struct ReportJson {
    head: js_sys::JsString,
    links: Vec<JsValue>,
}

impl ReportJson {
    /// The whole report as JSON indented by two spaces, for people (its keys in the engine's
    /// order: the links where the head has them).
    ///
    /// # Errors
    ///
    /// When a part is not JSON: what went wrong, in words.
    pub fn pretty(&self) -> Result<String, String> {
        let parse = |text: &js_sys::JsString| {
            js_sys::JSON::parse(&String::from(text)).map_err(|e| message(&e))
        };
        let report = parse(&self.head)?;
        let links = js_sys::Array::new();
        for part in &self.links {
            for link in js_sys::Array::from(&parse(part.unchecked_ref())?).iter() {
                links.push(&link);
            }
        }
        set(report.unchecked_ref(), "links", links.into());
        js_sys::JSON::stringify_with_replacer_and_space(&report, &JsValue::NULL, &JsValue::from(2))
            .map(String::from)
            .map_err(|e| message(&e))
    }
}

/// Why a report the engine sent could not be read, in words.
fn unreadable(error: &crate::json::Error) -> String {
    format!("the engine's report could not be read ({error})")
}

/// Why a comparison gave no report.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// Not compared: `blank[i]` says article `i` has nothing to compare (white space and
    /// invisible characters only, as the loader and the command line count it).
    Blank(Vec<bool>),
    /// The engine could not compare: why.
    Error(String),
}

/// What a finished comparison gives: the report, or why there is none.
pub type Outcome = Result<Compared, Failure>;

/// What to do with the worker's answer to one request (its message, or why there is none).
type Reply = Box<dyn FnOnce(Result<JsValue, String>)>;

thread_local! {
    /// The library's wasm, compiled once for every worker of the page.
    static MODULE: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// A field of the loader's configuration, or `None`.
fn config(key: &str) -> Option<JsValue> {
    let config = Reflect::get(&js_sys::global(), &JsValue::from_str(CONFIG)).ok()?;
    if config.is_undefined() || config.is_null() {
        return None;
    }
    Reflect::get(&config, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// Why a promise failed, in words.
fn message(error: &JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".to_owned())
}

/// Compiles the library's wasm from the configured source (a URL, bytes or a module).
async fn compile(source: JsValue) -> Result<JsValue, JsValue> {
    use js_sys::futures::JsFuture;
    // The single file unpacks its wasm while the page starts: a promise of the bytes.
    let source = match source.dyn_into::<Promise>() {
        Ok(promise) => JsFuture::from(promise).await?,
        Err(source) => source,
    };
    if source.is_instance_of::<js_sys::WebAssembly::Module>() {
        return Ok(source);
    }
    let bytes = match source.as_string() {
        Some(url) => {
            let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
            let response: web_sys::Response = JsFuture::from(window.fetch_with_str(&url))
                .await?
                .dyn_into()?;
            if !response.ok() {
                return Err(JsValue::from_str(&format!(
                    "{url} could not be loaded (HTTP {})",
                    response.status()
                )));
            }
            JsFuture::from(response.array_buffer()?).await?
        }
        None => source,
    };
    JsFuture::from(js_sys::WebAssembly::compile(&bytes)).await
}

/// The compiled library, started on first use and shared afterwards.
fn module() -> Promise {
    MODULE.with_borrow_mut(|module| {
        module
            .get_or_insert_with(|| {
                let source = config("wasm").unwrap_or_else(|| JsValue::from_str(DEFAULT_WASM));
                js_sys::futures::future_to_promise(compile(source))
            })
            .clone()
    })
}

/// Starts loading and compiling the engine's wasm now, so the first comparison does not wait
/// for it.
pub fn preload() {
    let _ = module();
}

/// Sets `object[key] = value`.
fn set(object: &Object, key: &str, value: JsValue) {
    let _ = Reflect::set(object, &JsValue::from_str(key), &value);
}

/// `object[key]`, when it is there.
fn get(object: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(object, &JsValue::from_str(key))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// The message asking for one comparison.
fn request(
    id: u32,
    articles: &[(String, String)],
    options: &Options,
    corrections: &Corrections,
) -> JsValue {
    let list: js_sys::Array = articles
        .iter()
        .map(|(name, text)| {
            let article = Object::new();
            set(&article, "name", JsValue::from_str(name));
            set(&article, "text", JsValue::from_str(text));
            JsValue::from(article)
        })
        .collect();
    let opts = Object::new();
    set(&opts, "threshold", JsValue::from_f64(options.threshold));
    set(
        &opts,
        "ignore_case",
        JsValue::from_bool(options.ignore_case),
    );
    set(
        &opts,
        "ignore_punctuation",
        JsValue::from_bool(options.ignore_punctuation),
    );
    let message = Object::new();
    set(&message, "type", JsValue::from_str("compare"));
    set(&message, "id", JsValue::from(id));
    set(&message, "articles", list.into());
    set(&message, "options", opts.into());
    if !corrections.is_empty() {
        // The worker hands the plain object to the engine's `compare`.
        if let Ok(value) = js_sys::JSON::parse(&crate::json::write_corrections(corrections)) {
            set(&message, "corrections", value);
        }
    }
    message.into()
}

/// One worker and the requests it is answering.
#[derive(Default)]
struct Inner {
    worker: Option<web_sys::Worker>,
    next_id: u32,
    /// The requests sent and not yet answered, by id.
    pending: Vec<(u32, Reply)>,
    on_message: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    on_error: Option<Closure<dyn FnMut(web_sys::Event)>>,
}

impl Inner {
    /// Stops the worker (and whatever runs in it) and forgets it.
    fn stop(&mut self) {
        if let Some(worker) = self.worker.take() {
            worker.terminate();
        }
        self.on_message = None;
        self.on_error = None;
    }
}

/// A comparison engine in its own Web Worker (see the module's documentation).
pub struct Engine {
    inner: Rc<RefCell<Inner>>,
}

impl Default for Engine {
    fn default() -> Self {
        Self::new()
    }
}

impl std::fmt::Debug for Engine {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Engine")
            .field("running", &self.is_running())
            .finish_non_exhaustive()
    }
}

/// Gives request `id` its answer, if it is still waiting for one.
fn finish(inner: &Weak<RefCell<Inner>>, id: u32, outcome: Result<JsValue, String>) {
    let Some(inner) = inner.upgrade() else { return };
    let reply = {
        let mut inner = inner.borrow_mut();
        let at = inner.pending.iter().position(|(p, _)| *p == id);
        at.map(|at| inner.pending.remove(at).1)
    };
    // Called with no borrow held: the reply may send the next request.
    if let Some(reply) = reply {
        reply(outcome);
    }
}

/// Reads the worker's answer to a comparison.
fn compared(answer: Result<JsValue, String>) -> Outcome {
    let data = answer.map_err(Failure::Error)?;
    if let Some(blank) = get(&data, "blank") {
        let blank = js_sys::Array::from(&blank)
            .iter()
            .map(|b| b.is_truthy())
            .collect();
        return Err(Failure::Blank(blank));
    }
    let (Some(head), Some(links)) = (
        get(&data, "head").and_then(|v| v.dyn_into::<js_sys::JsString>().ok()),
        get(&data, "links").map(|v| js_sys::Array::from(&v)),
    ) else {
        return Err(Failure::Error("the engine sent no report".to_owned()));
    };
    let report =
        crate::json::report(&String::from(&head)).map_err(|e| Failure::Error(unreadable(&e)))?;
    Ok(Compared {
        report,
        json: ReportJson {
            head,
            links: links.iter().collect(),
        },
        read: 0,
    })
}

impl Engine {
    /// An engine; its worker starts with the first request.
    pub fn new() -> Self {
        Self {
            inner: Rc::default(),
        }
    }

    /// Whether a request (a comparison) is running.
    pub fn is_running(&self) -> bool {
        !self.inner.borrow().pending.is_empty()
    }

    /// Compares `articles` (`(name, text)`, 2–10) with `options` and the reader's
    /// `corrections`, and calls `done` with the outcome, unless a newer [`Engine::run`] or
    /// [`Engine::cancel`] comes first: then the running comparison is stopped (its worker
    /// terminated) and `done` is never called.
    pub fn run(
        &self,
        articles: Vec<(String, String)>,
        options: Options,
        corrections: Corrections,
        done: impl FnOnce(Outcome) + 'static,
    ) {
        self.cancel();
        self.send(
            move |id| request(id, &articles, &options, &corrections),
            Box::new(move |answer| done(compared(answer))),
        );
    }

    /// Sends the message `message(id)` once the wasm is ready; `reply` gets the answer.
    fn send(&self, build: impl FnOnce(u32) -> JsValue + 'static, reply: Reply) {
        let id = {
            let mut inner = self.inner.borrow_mut();
            inner.next_id = inner.next_id.wrapping_add(1);
            let id = inner.next_id;
            inner.pending.push((id, reply));
            id
        };
        let weak = Rc::downgrade(&self.inner);
        leptos::task::spawn_local(async move {
            let compiled = js_sys::futures::JsFuture::from(module()).await;
            let module = match compiled {
                Ok(module) => module,
                Err(error) => {
                    let text = format!("its WebAssembly could not be loaded ({})", message(&error));
                    finish(&weak, id, Err(text));
                    return;
                }
            };
            let Some(inner) = weak.upgrade() else { return };
            let worker = {
                let mut state = inner.borrow_mut();
                if !state.pending.iter().any(|(p, _)| *p == id) {
                    return;
                }
                match &state.worker {
                    Some(worker) => Ok(worker.clone()),
                    None => start_worker(&mut state, &weak, &module),
                }
            };
            match worker {
                Ok(worker) => {
                    if let Err(error) = worker.post_message(&build(id)) {
                        finish(&weak, id, Err(message(&error)));
                    }
                }
                Err(error) => finish(&weak, id, Err(error)),
            }
        });
    }

    /// Stops the running comparison, if any; its `done` is never called.
    pub fn cancel(&self) {
        let mut inner = self.inner.borrow_mut();
        if !inner.pending.is_empty() {
            inner.pending.clear();
            inner.stop();
        }
    }
}

impl Drop for Engine {
    fn drop(&mut self) {
        if let Ok(mut inner) = self.inner.try_borrow_mut() {
            inner.pending.clear();
            inner.stop();
        }
    }
}

thread_local! {
    /// The worker that reads opened and dropped files (never cancelled by a comparison).
    static LOADER: Engine = Engine::new();
}

/// Reads a file the reader opened or dropped with the engine's loader, in a worker (the same
/// rules as the command line: [`crate::state::load_file`] is the native twin), then calls
/// `done` with its text or the reason it was refused.
pub fn load_file(
    file: &FileBytes,
    windows_1252: bool,
    done: impl FnOnce(Result<Loaded, LoadError>) + 'static,
) {
    let bytes = js_sys::Uint8Array::from(file.bytes.as_slice());
    let (name, mime) = (file.name.clone(), file.mime.clone());
    let file_name = file.name.clone();
    let message = move |id: u32| {
        let message = Object::new();
        set(&message, "type", JsValue::from_str("load"));
        set(&message, "id", JsValue::from(id));
        set(&message, "bytes", bytes.into());
        set(&message, "name", JsValue::from_str(&name));
        set(&message, "mime", JsValue::from_str(&mime));
        set(&message, "windows_1252", JsValue::from_bool(windows_1252));
        message.into()
    };
    let reply = move |answer: Result<JsValue, String>| {
        done(match answer {
            Ok(data) => loaded(&file_name, &get(&data, "file").unwrap_or(JsValue::NULL)),
            Err(why) => Err(LoadError::Refused(format!("could not be read ({why})"))),
        });
    };
    LOADER.with(|loader| loader.send(message, Box::new(reply)));
}

/// The loader's answer (`LoadedFile` in `dist/lib/parallax.d.ts`) as the page's types.
fn loaded(file_name: &str, file: &JsValue) -> Result<Loaded, LoadError> {
    let text = |key: &str| {
        get(file, key)
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let number = |key: &str| get(file, key).and_then(|v| v.as_f64()).unwrap_or(0.0) as usize;
    if get(file, "ok").is_some_and(|ok| ok.is_truthy()) {
        let kind = match text("kind").as_str() {
            "html" => FileKind::Html,
            "markdown" => FileKind::Markdown,
            _ => FileKind::Text,
        };
        let encoding = match text("encoding").as_str() {
            "utf-16le" => Encoding::Utf16Le,
            "utf-16be" => Encoding::Utf16Be,
            "windows-1252" => Encoding::Windows1252,
            _ => Encoding::Utf8,
        };
        let outlet = Some(text("outlet")).filter(|o| !o.is_empty());
        return Ok(Loaded::new(file_name, text("text"), kind, encoding).with_outlet(outlet));
    }
    Err(match text("error").as_str() {
        "binary" => LoadError::Binary,
        "not_utf8" => LoadError::NotUtf8 { at: number("at") },
        "too_large" => LoadError::TooLarge {
            bytes: number("bytes"),
            limit: number("limit"),
        },
        _ => LoadError::Refused(text("message")),
    })
}

/// Starts a worker, wires its messages to `finish` and hands it the compiled wasm.
fn start_worker(
    state: &mut Inner,
    weak: &Weak<RefCell<Inner>>,
    module: &JsValue,
) -> Result<web_sys::Worker, String> {
    let url = config("worker")
        .and_then(|v| v.as_string())
        .unwrap_or_else(|| DEFAULT_WORKER.to_owned());
    // A classic worker: browsers refuse module workers from file:// (the single file).
    let options = web_sys::WorkerOptions::new();
    options.set_name("parallax-engine");
    let worker = web_sys::Worker::new_with_options(&url, &options)
        .map_err(|e| format!("its worker could not start ({})", message(&e)))?;
    let on_message = {
        let weak = weak.clone();
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |event: web_sys::MessageEvent| {
            let data = event.data();
            let Some(id) = get(&data, "id").and_then(|v| v.as_f64()) else {
                return;
            };
            let outcome = match get(&data, "type").and_then(|v| v.as_string()).as_deref() {
                Some("error") => Err(get(&data, "message")
                    .and_then(|v| v.as_string())
                    .unwrap_or_else(|| "the engine failed".to_owned())),
                _ => Ok(data),
            };
            finish(&weak, id as u32, outcome);
        })
    };
    let on_error = {
        let weak = weak.clone();
        Closure::<dyn FnMut(web_sys::Event)>::new(move |event: web_sys::Event| {
            event.prevent_default();
            let Some(inner) = weak.upgrade() else { return };
            let ids: Vec<u32> = {
                let mut state = inner.borrow_mut();
                state.stop();
                state.pending.iter().map(|(id, _)| *id).collect()
            };
            let why = get(&event, "message")
                .and_then(|m| m.as_string())
                .filter(|m| !m.is_empty())
                .unwrap_or_else(|| "it could not be loaded".to_owned());
            for id in ids {
                finish(&weak, id, Err(format!("its worker stopped ({why})")));
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let init = Object::new();
    let _ = Reflect::set(
        &init,
        &JsValue::from_str("type"),
        &JsValue::from_str("init"),
    );
    let _ = Reflect::set(&init, &JsValue::from_str("wasm"), module);
    worker
        .post_message(&init)
        .map_err(|e| format!("its worker could not start ({})", message(&e)))?;
    state.worker = Some(worker.clone());
    state.on_message = Some(on_message);
    state.on_error = Some(on_error);
    Ok(worker)
}
