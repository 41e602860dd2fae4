//! The JavaScript API, run in a real browser by wasm-bindgen-test.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsValue;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};

wasm_bindgen_test_configure!(run_in_browser);

fn article(name: &str, text: &str) -> JsValue {
    let object = js_sys::Object::new();
    js_sys::Reflect::set(&object, &"name".into(), &name.into()).unwrap();
    js_sys::Reflect::set(&object, &"text".into(), &text.into()).unwrap();
    object.into()
}

fn get(value: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(value, &key.into()).unwrap()
}

#[wasm_bindgen_test]
fn compare_returns_a_plain_report_object() {
    let articles = js_sys::Array::of2(
        &article("a", "The bridge opened on Monday. Crowds cheered."),
        &article("b", "Crowds cheered. The bridge opened on Monday."),
    );
    let report = parallax_wasm::compare(articles.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(
        get(&report, "format").as_string().as_deref(),
        Some("parallax-report")
    );
    let links = js_sys::Array::from(&get(&report, "links"));
    assert_eq!(links.length(), 2);
    let first = links.get(0);
    assert_eq!(
        get(&first, "kind").as_string().as_deref(),
        Some("identical")
    );
}

#[wasm_bindgen_test]
fn compare_rejects_one_article_with_an_error() {
    let articles = js_sys::Array::of1(&article("a", "Text."));
    assert!(parallax_wasm::compare(articles.into(), JsValue::UNDEFINED).is_err());
}
