//! JavaScript bindings of the Parallax engine. This file only converts: JS values in,
//! an engine call, plain JS objects out.

use parallax::{Article, Options};
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// One article as JavaScript passes it: `{ name, text }`.
#[derive(Deserialize)]
struct JsArticle {
    #[serde(default)]
    name: String,
    text: String,
}

/// Compares two articles: `compare([{name, text}, {name, text}], {threshold}?)` returns the
/// report as a plain object (see the README for its format).
///
/// # Errors
///
/// Throws an `Error` when the arguments are not two `{name, text}` objects or the options are
/// malformed.
#[wasm_bindgen]
pub fn compare(articles: JsValue, options: JsValue) -> Result<JsValue, JsError> {
    let articles: Vec<JsArticle> = serde_wasm_bindgen::from_value(articles).map_err(to_js_error)?;
    let options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options).map_err(to_js_error)?
    };
    let [left, right] = articles.as_slice() else {
        return Err(JsError::new("compare expects exactly two articles"));
    };
    let report = parallax::compare(
        &Article::new(&left.name, &left.text),
        &Article::new(&right.name, &right.text),
        &options,
    );
    report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(to_js_error)
}

fn to_js_error(error: impl std::fmt::Display) -> JsError {
    JsError::new(&error.to_string())
}
