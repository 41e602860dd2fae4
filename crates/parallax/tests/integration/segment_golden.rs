//! Run the 48 English "golden rules" of the Pragmatic Segmenter against `segment`.

use parallax::segment::segment;
use std::path::Path;

#[test]
fn golden_rules_en() {
    let path =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/eval/golden_rules_en.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipped: ../shared/eval/golden_rules_en.json not found at {}",
            path.display()
        );
        return;
    };
    let data: serde_json::Value = serde_json::from_str(&json).expect("golden rules are JSON");
    let cases = data["cases"].as_array().expect("a cases array");
    assert!(
        !cases.is_empty(),
        "no golden-rule cases in {}",
        path.display()
    );
    let mut failures = Vec::new();
    for case in cases {
        let input = case["input"].as_str().expect("input");
        let expected: Vec<&str> = case["expected"]
            .as_array()
            .expect("expected")
            .iter()
            .map(|e| e.as_str().expect("expected sentence").trim())
            .collect();
        let got: Vec<&str> = segment(input)
            .iter()
            .map(|s| input[s.range.clone()].trim())
            .collect();
        if got != expected {
            failures.push(format!(
                "rule {} ({}):\n  input:    {input:?}\n  expected: {expected:?}\n  got:      {got:?}",
                case["rule"], case["name"]
            ));
        }
    }
    eprintln!(
        "golden rules: {}/{} pass",
        cases.len() - failures.len(),
        cases.len()
    );
    assert!(
        failures.is_empty(),
        "{} golden rules fail:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
