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

#[wasm_bindgen_test]
fn load_reads_files_as_the_command_line_does() {
    let html =
        b"<html><body><nav>Menu</nav><article><p>The bridge opened.</p></article></body></html>";
    let loaded = parallax_wasm::load(html, "story.html", "", false);
    assert_eq!(get(&loaded, "ok"), JsValue::TRUE);
    assert_eq!(get(&loaded, "kind").as_string().as_deref(), Some("html"));
    assert!(get(&loaded, "text")
        .as_string()
        .is_some_and(|t| t.contains("The bridge opened.") && !t.contains("Menu")));

    let latin = parallax_wasm::load(b"caf\xe9 au lait", "old.txt", "", false);
    assert_eq!(get(&latin, "ok"), JsValue::FALSE);
    assert_eq!(
        get(&latin, "error").as_string().as_deref(),
        Some("not_utf8")
    );
    assert_eq!(get(&latin, "at").as_f64(), Some(3.0));
    let read = parallax_wasm::load(b"caf\xe9 au lait", "old.txt", "", true);
    assert_eq!(
        get(&read, "text").as_string().as_deref(),
        Some("café au lait")
    );
    assert_eq!(
        get(&read, "encoding").as_string().as_deref(),
        Some("windows-1252")
    );
    let binary = parallax_wasm::load(b"PK\x03\x04\x00", "x.txt", "", false);
    assert_eq!(get(&binary, "error").as_string().as_deref(), Some("binary"));
}

#[wasm_bindgen_test]
fn is_blank_counts_invisible_characters_as_blank() {
    assert!(parallax_wasm::is_blank(" \u{A0}\u{200B}\u{AD}\u{3000}\n"));
    assert!(!parallax_wasm::is_blank("Text."));
}
