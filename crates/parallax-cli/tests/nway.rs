//! `parallax compare A B C …`: three or more articles (issue 14), the report's JSON Schema, and
//! the reader's corrections (`--corrections`, issue 15).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .unwrap()
}

/// Three short reports of one invented event, written into a scratch folder of this test.
fn articles(test: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("nway")
        .join(test);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let texts = [
        (
            "post.txt",
            "Storm closes harbour\n\nA storm closed the Eastport harbour on Tuesday. About 40 \
             boats stayed in port. Schools stayed open.",
        ),
        (
            "herald.txt",
            "About 40 boats stayed in port. A storm closed the Eastport harbour on Tuesday. \
             Fishermen were angry.",
        ),
        (
            "radio.txt",
            "A storm closed the Eastport harbour on Wednesday. The lighthouse lost power.",
        ),
    ];
    texts
        .iter()
        .map(|(name, text)| {
            let path = dir.join(name);
            std::fs::write(&path, text).unwrap();
            path
        })
        .collect()
}

fn run(paths: &[PathBuf], extra: &[&str]) -> Output {
    let mut args: Vec<&str> = vec!["compare"];
    args.extend(paths.iter().map(|p| p.to_str().unwrap()));
    args.extend(extra);
    parallax(&args)
}

fn stdout(output: &Output) -> String {
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8(output.stdout.clone()).unwrap()
}

/// Checks `value` against the subset of JSON Schema our schema file uses: `type`, `enum`,
/// `properties`, `required`, `additionalProperties: false`, `items`, `minItems`, `maxItems`,
/// `minimum`, `maximum` and local `$ref`s.
fn validate(schema: &Value, root: &Value, value: &Value, path: &str) -> Result<(), String> {
    if let Some(reference) = schema.get("$ref").and_then(Value::as_str) {
        let name = reference.trim_start_matches("#/$defs/");
        return validate(&root["$defs"][name], root, value, path);
    }
    let fail = |what: &str| Err(format!("{path}: {what} (value {value})"));
    match schema.get("type").and_then(Value::as_str) {
        Some("object") if !value.is_object() => return fail("not an object"),
        Some("array") if !value.is_array() => return fail("not an array"),
        Some("string") if !value.is_string() => return fail("not a string"),
        Some("integer") if !value.is_u64() && !value.is_i64() => return fail("not an integer"),
        Some("number") if !value.is_number() => return fail("not a number"),
        Some("boolean") if !value.is_boolean() => return fail("not a boolean"),
        _ => {}
    }
    if let Some(options) = schema.get("enum").and_then(Value::as_array) {
        if !options.contains(value) {
            return fail("not one of the enum's values");
        }
    }
    if let Some(n) = value.as_f64() {
        if schema
            .get("minimum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n < m)
        {
            return fail("below the minimum");
        }
        if schema
            .get("maximum")
            .and_then(Value::as_f64)
            .is_some_and(|m| n > m)
        {
            return fail("above the maximum");
        }
    }
    if let Some(object) = value.as_object() {
        let properties = schema.get("properties").and_then(Value::as_object);
        for required in schema
            .get("required")
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
        {
            let name = required.as_str().unwrap_or_default();
            if !object.contains_key(name) {
                return fail(&format!("missing required `{name}`"));
            }
        }
        for (key, item) in object {
            match properties.and_then(|p| p.get(key)) {
                Some(sub) => validate(sub, root, item, &format!("{path}.{key}"))?,
                None if schema.get("additionalProperties") == Some(&Value::Bool(false)) => {
                    return fail(&format!("unknown property `{key}`"));
                }
                None => {}
            }
        }
    }
    if let Some(array) = value.as_array() {
        let len = array.len() as u64;
        if schema
            .get("minItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| len < m)
        {
            return fail("too few items");
        }
        if schema
            .get("maxItems")
            .and_then(Value::as_u64)
            .is_some_and(|m| len > m)
        {
            return fail("too many items");
        }
        if let Some(items) = schema.get("items") {
            for (i, item) in array.iter().enumerate() {
                validate(items, root, item, &format!("{path}[{i}]"))?;
            }
        }
    }
    Ok(())
}

fn schema() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/report-format.schema.json");
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn three_articles_give_a_version_2_report_that_meets_the_schema() {
    let paths = articles("json");
    let report: Value = serde_json::from_str(&stdout(&run(&paths, &[]))).unwrap();
    let schema = schema();
    validate(&schema, &schema, &report, "report").unwrap();
    assert_eq!(report["version"], 2);
    assert_eq!(report["documents"].as_array().unwrap().len(), 3);
    assert_eq!(report["documents"][2]["name"], "radio.txt");
    assert_eq!(report["coverage"]["shared"].as_array().unwrap().len(), 3);
    // The storm sentence is one fact told by all three.
    let clusters = report["clusters"].as_array().unwrap();
    assert!(clusters
        .iter()
        .any(|c| c["members"].as_array().unwrap().len() == 3));
    // The date differs between the post and the radio: a flag on their link.
    let flagged = report["links"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["docs"] == serde_json::json!([0, 2]))
        .flat_map(|l| l["flags"].as_array().cloned().unwrap_or_default())
        .any(|f| f["kind"] == "date");
    assert!(flagged, "{report}");
}

#[test]
fn the_schema_catches_a_broken_report() {
    let paths = articles("schema");
    let mut report: Value = serde_json::from_str(&stdout(&run(&paths, &[]))).unwrap();
    report["links"][0]["kind"] = Value::from("similar");
    let schema = schema();
    assert!(validate(&schema, &schema, &report, "report").is_err());
    report["links"][0]["kind"] = Value::from("partial");
    report["extra"] = Value::from(1);
    assert!(validate(&schema, &schema, &report, "report").is_err());
}

#[test]
fn two_articles_also_meet_the_schema() {
    let paths = articles("two");
    let report: Value = serde_json::from_str(&stdout(&run(&paths[..2], &[]))).unwrap();
    let schema = schema();
    validate(&schema, &schema, &report, "report").unwrap();
}

#[test]
fn text_shows_the_grid_only_lists_and_coverage() {
    let paths = articles("text");
    let text = stdout(&run(&paths, &["--format", "text", "--width", "120"]));
    assert!(text.starts_with("3 articles"), "{text}");
    let header = text.lines().nth(3).unwrap_or_default();
    assert!(header.trim_start().starts_with("post.txt"), "{text}");
    assert!(text.contains("Only in post.txt (1 sentence)"), "{text}");
    assert!(text.contains("Schools stayed open."), "{text}");
    assert!(text.contains("Only in radio.txt (1 sentence)"), "{text}");
    assert!(text.contains("Coverage"), "{text}");
    assert!(
        text.contains('—'),
        "a fact one article lacks shows a dash:\n{text}"
    );
    assert!(
        text.contains("≠"),
        "the Tuesday/Wednesday row is marked:\n{text}"
    );
    assert!(text.contains("Tuesday ≠ Wednesday"), "{text}");
}

#[test]
fn base_picks_the_first_column_and_the_order() {
    let paths = articles("base");
    let text = stdout(&run(
        &paths,
        &["--format", "text", "--width", "120", "--base", "3"],
    ));
    let header = text.lines().nth(3).unwrap_or_default();
    assert!(header.trim_start().starts_with("radio.txt"), "{text}");
    assert!(
        text.contains("rows in the order of radio.txt (--base 3)"),
        "{text}"
    );
}

#[test]
fn html_shows_the_grid_and_every_pair() {
    let paths = articles("html");
    let html = stdout(&run(&paths, &["--format", "html"]));
    assert!(html.contains("class=\"px-grid\""));
    assert!(
        html.contains("data-doc=\"2\" data-sentence=\"0\""),
        "{html}"
    );
    assert!(html.contains("data-link=\"c"), "{html}");
    assert_eq!(html.matches("<details class=\"px-pair\">").count(), 3);
    // The pair view of post and radio names the radio's sentences by their own article index.
    assert!(html.contains("post.txt vs radio.txt"));
    assert!(!html.contains("<script"));
}

/// (case, extra arguments, message part): usage errors exit with status 2.
const USAGE_ERRORS: &[(&str, &[&str], &str)] = &[
    (
        "base beyond the articles",
        &["--base", "4"],
        "only 3 articles",
    ),
    ("base zero", &["--base", "0"], "--base"),
    ("standard input twice", &["-", "-"], "standard input"),
];

#[test]
fn usage_errors() {
    let paths = articles("usage");
    for &(name, extra, message) in USAGE_ERRORS {
        let output = run(&paths, extra);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(message), "{name}: {stderr}");
    }
    let many: Vec<PathBuf> = (0..11).map(|i| paths[i % 3].clone()).collect();
    let output = run(&many, &[]);
    assert_eq!(output.status.code(), Some(2), "eleven articles");
}

/// Writes `text` into the test's scratch folder (next to the articles) and returns its path.
fn scratch(paths: &[PathBuf], name: &str, text: &str) -> String {
    let path = paths[0].with_file_name(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

/// Issue 15, item 7: the reader's corrections from a file, then from the report they made.
#[test]
fn corrections_from_a_file_or_a_report_apply() {
    let paths = articles("corrections");
    // Reject the post's and the herald's "About 40 boats" link; join the post's schools to the
    // radio's lighthouse (given larger document first: normalised).
    let file = scratch(
        &paths,
        "corrections.json",
        r#"{"rejected":[{"docs":[0,1],"left":[2],"right":[0]}],
            "added":[{"docs":[2,0],"left":[1],"right":[3]},{"docs":[0,7],"left":[0],"right":[0]}]}"#,
    );
    let json = stdout(&run(&paths, &["--corrections", &file]));
    let report: Value = serde_json::from_str(&json).unwrap();
    let schema = schema();
    validate(&schema, &schema, &report, "report").unwrap();
    assert_eq!(
        report["corrections"],
        serde_json::json!({
            "rejected": [{"docs": [0, 1], "left": [2], "right": [0]}],
            "added": [{"docs": [0, 2], "left": [3], "right": [1]}],
        })
    );
    let links = report["links"].as_array().unwrap();
    let readers: Vec<&Value> = links.iter().filter(|l| l["by_reader"] == true).collect();
    assert_eq!(readers.len(), 1, "{json}");
    assert_eq!(readers[0]["score"], 1.0);
    assert!(!links
        .iter()
        .any(|l| l["docs"] == serde_json::json!([0, 1]) && l["left"] == serde_json::json!([2])));
    // The exported report re-applies its own corrections: the same report.
    let exported = scratch(&paths, "report.json", &json);
    assert_eq!(stdout(&run(&paths, &["--corrections", &exported])), json);
    // A report without corrections applies none.
    let plain = stdout(&run(&paths, &[]));
    let plain_file = scratch(&paths, "plain.json", &plain);
    assert_eq!(stdout(&run(&paths, &["--corrections", &plain_file])), plain);
    // The text view says so, in one line at the end.
    let text = stdout(&run(
        &paths,
        &["--corrections", &file, "--format", "text", "--width", "120"],
    ));
    assert!(
        text.ends_with("Reader's corrections: 1 link added, 1 link rejected.\n"),
        "{text}"
    );
}

/// (case, file contents or `None` for a missing file, message part): exit status 2.
const BAD_CORRECTIONS: &[(&str, Option<&str>, &str)] = &[
    ("missing file", None, "cannot read it"),
    ("not JSON", Some("{rejected: [}"), "not JSON"),
    ("wrong shape", Some(r#"{"rejected": 5}"#), "not corrections"),
    (
        "a docs pair of three",
        Some(r#"{"added": [{"docs": [0, 1, 2], "left": [0], "right": [0]}]}"#),
        "not corrections",
    ),
    (
        "something else",
        Some(r#"{"links": []}"#),
        "neither corrections",
    ),
    ("a list", Some("[]"), "neither corrections"),
];

#[test]
fn bad_corrections_files_are_usage_errors() {
    let paths = articles("bad-corrections");
    for (i, &(name, contents, message)) in BAD_CORRECTIONS.iter().enumerate() {
        let file = match contents {
            Some(text) => scratch(&paths, &format!("bad-{i}.json"), text),
            None => paths[0]
                .with_file_name("no-such-file.json")
                .to_str()
                .unwrap()
                .to_owned(),
        };
        let output = run(&paths, &["--corrections", &file]);
        assert_eq!(output.status.code(), Some(2), "{name}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains("--corrections"), "{name}: {stderr}");
        assert!(stderr.contains(message), "{name}: {stderr}");
    }
}
