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
    let report =
        parallax_wasm::compare(articles.into(), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
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

/// The report `compare` builds from its tape (crates/parallax-wasm/src/tape.rs) is the value
/// `serde_wasm_bindgen`'s `json_compatible` serializer makes of the same report, key order and
/// all, with text outside ASCII (JavaScript slices its strings in UTF-16 units).
#[wasm_bindgen_test]
fn compare_gives_the_report_serde_wasm_bindgen_gives() {
    use serde::Serialize;
    let texts = [
        (
            "wire",
            "Putin and Kim signed a treaty in Pyongyang on Wednesday. “It is the most powerful \
             treaty,” Kim said. Pjöngjang 😀 cheered.\n\nPhoto: Reuters",
        ),
        (
            "ledger",
            "Kim and Putin signed a pact in Pjöngjang on Wednesday, officials said. Kim called it \
             “the most powerful treaty” ever. Crowds cheered 😀.",
        ),
    ];
    let articles = js_sys::Array::of2(
        &article(texts[0].0, texts[0].1),
        &article(texts[1].0, texts[1].1),
    );
    let got =
        parallax_wasm::compare(articles.into(), JsValue::UNDEFINED, JsValue::UNDEFINED).unwrap();
    let engine: Vec<parallax::Article<'_>> = texts
        .iter()
        .map(|&(name, text)| parallax::Article::new(name, text))
        .collect();
    let report = parallax::compare_all(&engine, &parallax::Options::default());
    assert!(!report.links.is_empty());
    let want = report
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .unwrap();
    let json = |v: &JsValue| js_sys::JSON::stringify(v).unwrap().as_string().unwrap();
    assert_eq!(json(&got), json(&want));
}

#[wasm_bindgen_test]
fn compare_rejects_one_article_with_an_error() {
    let articles = js_sys::Array::of1(&article("a", "Text."));
    assert!(
        parallax_wasm::compare(articles.into(), JsValue::UNDEFINED, JsValue::UNDEFINED).is_err()
    );
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

/// Issue 15, item 7: the reader's corrections, as the third argument.
#[wasm_bindgen_test]
fn compare_applies_the_readers_corrections() {
    let articles = || {
        js_sys::Array::of2(
            &article("a", "The bridge opened on Monday. Crowds cheered."),
            &article("b", "Crowds cheered. The bridge opened on Monday."),
        )
    };
    let corrections = js_sys::JSON::parse(
        r#"{"rejected":[{"docs":[1,0],"left":[1],"right":[0]}],
            "added":[{"docs":[0,1],"left":[1],"right":[1]},{"docs":[0,5],"left":[0],"right":[0]}]}"#,
    )
    .unwrap();
    let report = parallax_wasm::compare(articles().into(), JsValue::NULL, corrections).unwrap();
    let links = js_sys::Array::from(&get(&report, "links"));
    assert_eq!(links.length(), 2);
    let by_reader: Vec<JsValue> = links
        .iter()
        .filter(|l| get(l, "by_reader") == JsValue::TRUE)
        .collect();
    assert_eq!(by_reader.len(), 1);
    let applied = get(&report, "corrections");
    assert_eq!(js_sys::Array::from(&get(&applied, "rejected")).length(), 1);
    assert_eq!(js_sys::Array::from(&get(&applied, "added")).length(), 1);

    // Null and undefined are no corrections; a bad shape is an error that says what is wanted.
    let plain =
        parallax_wasm::compare(articles().into(), JsValue::UNDEFINED, JsValue::NULL).unwrap();
    assert!(get(&plain, "corrections").is_undefined());
    for bad in [
        r#"{"rejected":5}"#,
        r#"{"added":[{"docs":[0],"left":[0],"right":[0]}]}"#,
        "7",
    ] {
        let value = js_sys::JSON::parse(bad).unwrap();
        let error = parallax_wasm::compare(articles().into(), JsValue::UNDEFINED, value);
        assert!(error.is_err(), "{bad}");
    }
}
