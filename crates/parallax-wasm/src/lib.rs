//! JavaScript bindings of the Parallax engine. This file only converts: JS values in,
//! an engine call, plain JS objects out. `make dist` builds it into `dist/lib/` (`parallax.js`,
//! `parallax_bg.wasm`, `parallax.d.ts` with the report types below).

pub mod alloc;
pub mod tape;

/// The engine's allocator in the browser: see [`alloc`].
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: alloc::SizeClasses<std::alloc::System> =
    alloc::SizeClasses::new(std::alloc::System);

use parallax::report::Corrections;
use parallax::{Article, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
/** One article to compare. */
export interface ArticleInput { name?: string; text: string; }
/** Comparison options; every field is optional. */
export interface CompareOptions {
  /** Links scoring below this (0..1) are dropped. Default 0.25. */
  threshold?: number;
  /** Letter case is not a change. */
  ignore_case?: boolean;
  /** Punctuation and quotation marks are never a change. */
  ignore_punctuation?: boolean;
}
export type SentenceKind = "headline" | "body" | "caption" | "byline" | "boilerplate";
export type LinkKind = "identical" | "minor" | "paraphrase" | "partial";
/** A sentence; start/end are UTF-8 byte offsets into the article's text. */
export interface Sentence { start: number; end: number; text: string; clean: string; kind: SentenceKind; paragraph: number; clean_start: number; }
/** One article of the comparison; `id` is its position in `documents`. */
export interface ReportDocument { id: number; name: string; sentences: Sentence[]; }
/** One word-level diff span; ranges are UTF-8 byte offsets, end exclusive. */
export interface DiffSpan { op: "equal" | "delete" | "insert" | "replace"; left?: [number, number]; right?: [number, number]; left_clean?: [number, number]; right_clean?: [number, number]; }
/** A fact the two sides of a link state differently; ranges are UTF-8 byte offsets. */
export interface Flag {
  kind: "number" | "date" | "name" | "quote" | "attribution";
  severity: "conflict" | "variant";
  left?: [number, number]; right?: [number, number];
  left_clean?: [number, number]; right_clean?: [number, number];
  note: string;
}
/** Sentences of two articles that say the same thing: `left` indexes documents[docs[0]], `right` documents[docs[1]]. `by_reader`: the reader added it. */
export interface Link { docs: [number, number]; left: number[]; right: number[]; score: number; kind: LinkKind; diff: DiffSpan[]; flags?: Flag[]; by_reader?: boolean; }
/** A link named by its documents and sentences: `left` indexes documents[docs[0]], `right` documents[docs[1]] (either order of docs is accepted). */
export interface LinkRef { docs: [number, number]; left: number[]; right: number[]; }
/** The reader's corrections: links rejected ("not the same fact") and links added. */
export interface Corrections { rejected?: LinkRef[]; added?: LinkRef[]; }
/** Sentences across the articles that tell one fact. */
export interface Cluster { members: { doc: number; sentences: number[] }[]; score: number; }
/** shared[i][j]: the share of article i's body words that article j carries; only[i]: i's body sentences no other article carries. */
export interface Coverage { shared: number[][]; only: number[][]; }
export interface Stats {
  matched_share: number[];
  link_kinds: Partial<Record<LinkKind, number>>;
  words_added: number;
  words_removed: number;
  flags: number;
}
/** A file read by `load`: its text, or why the loader refused it (as the command line does). */
export type LoadedFile =
  | { ok: true; text: string; kind: "text" | "markdown" | "html"; encoding: "utf-8" | "utf-16le" | "utf-16be" | "windows-1252"; outlet?: string }
  | { ok: false; error: "binary" | "not_utf8" | "too_large" | "refused"; message: string; at?: number; bytes?: number; limit?: number };
/** The report (docs/report-format.md, docs/report-format.schema.json): format "parallax-report", version 2. */
export interface Report {
  format: "parallax-report";
  version: 2;
  documents: ReportDocument[];
  links: Link[];
  clusters: Cluster[];
  coverage: Coverage;
  unmatched: number[][];
  stats: Stats;
  /** The corrections applied (stale ones dropped); absent when none. */
  corrections?: Corrections;
}
"#;

/// One article as JavaScript passes it: `{ name, text }`.
#[derive(Deserialize)]
struct JsArticle {
    #[serde(default)]
    name: String,
    text: String,
}

/// Compares 2 to 10 articles: `compare([{name, text}, {name, text}, …], {threshold}?,
/// {rejected, added}?)` returns the report (version 2: every pair's links, fact clusters,
/// coverage) as a plain object (see docs/report-format.md). The third argument, the reader's
/// corrections (`{rejected: [{docs, left, right}], added: [...]}`, either list optional;
/// `undefined` or `null` for none), removes and adds links before the clusters, coverage and
/// summary are made; the report's `corrections` lists those applied.
///
/// # Errors
///
/// Throws an `Error` when the arguments are not 2 to 10 `{name, text}` objects, or the options
/// or the corrections are malformed.
#[wasm_bindgen(unchecked_return_type = "Report")]
pub fn compare(
    #[wasm_bindgen(unchecked_param_type = "ArticleInput[]")] articles: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CompareOptions | undefined")] options: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Corrections | null | undefined")] corrections: JsValue,
) -> Result<JsValue, JsError> {
    let articles: Vec<JsArticle> = serde_wasm_bindgen::from_value(articles).map_err(to_js_error)?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(to_js_error)?
    };
    let corrections: Corrections = if corrections.is_undefined() || corrections.is_null() {
        Corrections::default()
    } else {
        serde_wasm_bindgen::from_value(corrections).map_err(|e| {
            JsError::new(&format!(
                "compare: the corrections must be {{rejected: [{{docs: [i, j], left: [..], \
                 right: [..]}}], added: [...]}} ({e})"
            ))
        })?
    };
    if !(MIN_ARTICLES..=MAX_ARTICLES).contains(&articles.len()) {
        return Err(JsError::new(&format!(
            "compare expects {MIN_ARTICLES} to {MAX_ARTICLES} articles, not {}",
            articles.len()
        )));
    }
    let articles: Vec<Article<'_>> = articles
        .iter()
        .map(|a| Article::new(&a.name, &a.text))
        .collect();
    to_js(&compare_articles(&articles, &options, &corrections))
}

#[wasm_bindgen(inline_js = r"
export function decode_tape(ops, numbers, text, names) {
  const name = names.split('\n');
  let o = 0, n = 0, t = 0;
  const value = () => {
    const op = ops[o++], arg = op >>> 4;
    switch (op & 15) {
      case 0: return null;
      case 1: return arg === 1;
      case 2: return arg;
      case 3: return numbers[n++];
      case 4: { const s = text.slice(t, t + arg); t += arg; return s; }
      case 5: return name[arg];
      case 6: { const a = []; while (ops[o] !== 8) a.push(value()); o++; return a; }
      case 7: { const b = {}; while (ops[o] !== 8) { const k = value(); b[k] = value(); } o++; return b; }
      case 9: { const p = [ops[o], ops[o + 1]]; o += 2; return p; }
      default: throw new Error(`parallax: a bad report tape (op ${op} at ${o - 1})`);
    }
  };
  return value();
}
")]
extern "C" {
    /// Builds the JavaScript value a [`tape::Tape`] describes (its ops, numbers, text and
    /// names), reading the first three through views of the wasm memory.
    fn decode_tape(ops: &[u32], numbers: &[f64], text: &str, names: &str) -> JsValue;
}

/// A value as plain JavaScript data, the same as `serde_wasm_bindgen`'s `json_compatible`
/// serializer gives, in one call into JavaScript (see [`tape`]).
fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsError> {
    let tape = tape::Tape::of(value).map_err(to_js_error)?;
    Ok(decode_tape(
        &tape.ops,
        &tape.numbers,
        &tape.text,
        &tape.names(),
    ))
}

/// The fewest articles a comparison takes.
const MIN_ARTICLES: usize = 2;
/// The most articles a comparison takes (as the command line).
const MAX_ARTICLES: usize = 10;

/// The one engine call, shared by the page's worker (`web/engine/worker.js` calls [`compare`]).
fn compare_articles(
    articles: &[Article<'_>],
    options: &Options,
    corrections: &Corrections,
) -> parallax::report::Report {
    parallax::compare_all_corrected(articles, options, corrections)
}

/// Reads a file's bytes as the command line does (`parallax::input::load`: UTF-8 or UTF-16
/// with a byte-order mark, HTML reduced to its main text, Markdown to its words; at most 2 MB).
/// `mime` may be empty; `windows_1252` reads bytes that are not UTF-8 as Windows-1252. Returns
/// `{ ok: true, text, kind, encoding }` or `{ ok: false, error, message, at?, bytes?, limit? }`
/// (`error`: `binary`, `not_utf8`, `too_large` or `refused`; `message` in the command line's
/// words). The page's comparison worker loads opened and dropped files with it.
#[wasm_bindgen(unchecked_return_type = "LoadedFile")]
pub fn load(bytes: &[u8], name: &str, mime: &str, windows_1252: bool) -> JsValue {
    use parallax::input::{self, Encoding, FileKind, LoadError};
    let source = input::Source { name, mime, bytes };
    let options = input::Options {
        windows_1252,
        ..input::Options::default()
    };
    let out = js_sys::Object::new();
    let set = |key: &str, value: JsValue| {
        let _ = js_sys::Reflect::set(&out, &JsValue::from_str(key), &value);
    };
    match input::load(&source, &options) {
        Ok(loaded) => {
            set("ok", JsValue::TRUE);
            set("text", JsValue::from_str(&loaded.text));
            let kind = match loaded.kind {
                FileKind::Text => "text",
                FileKind::Markdown => "markdown",
                FileKind::Html => "html",
            };
            set("kind", JsValue::from_str(kind));
            let encoding = match loaded.encoding {
                Encoding::Utf16Le => "utf-16le",
                Encoding::Utf16Be => "utf-16be",
                Encoding::Windows1252 => "windows-1252",
                _ => "utf-8",
            };
            set("encoding", JsValue::from_str(encoding));
            if let Some(outlet) = &loaded.name {
                set("outlet", JsValue::from_str(outlet));
            }
        }
        Err(error) => {
            set("ok", JsValue::FALSE);
            set("message", JsValue::from_str(&error.to_string()));
            let kind = match &error {
                LoadError::Binary(_) => "binary",
                LoadError::NotUtf8 { at } => {
                    set("at", JsValue::from(*at as f64));
                    "not_utf8"
                }
                LoadError::TooLarge { bytes, limit } => {
                    set("bytes", JsValue::from(*bytes as f64));
                    set("limit", JsValue::from(*limit as f64));
                    "too_large"
                }
                _ => "refused",
            };
            set("error", JsValue::from_str(kind));
        }
    }
    out.into()
}

/// Whether `text` has nothing to compare: only white space and invisible characters, as the
/// loader and the command line count it (`parallax::input::is_blank`).
#[wasm_bindgen]
pub fn is_blank(text: &str) -> bool {
    parallax::input::is_blank(text)
}

fn to_js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}
