//! End-to-end tests of `parallax-eval` through the built binary.
//!
//! Most tests run on tiny made-up gold files. The shared gold data is evaluation-only: the
//! tests that use it read it from `../shared` when present (a few documents, so the debug
//! build stays quick) and skip with a message otherwise. Values are not pinned (the aligner
//! will change); the JSON shape and the ranges of the numbers are.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_in(dir: &Path, args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_parallax-eval"))
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the parallax binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn run(args: &[&str]) -> Run {
    run_in(Path::new(env!("CARGO_MANIFEST_DIR")), args)
}

fn run_json(args: &[&str]) -> Value {
    let out = run(args);
    assert_eq!(out.code, Some(0), "{args:?} failed: {}", out.stderr);
    serde_json::from_str(&out.stdout).unwrap_or_else(|e| panic!("{args:?}: not JSON ({e})"))
}

/// The shared data folder, or `None` (with a skip message) when it is absent.
fn shared(what: &str) -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared");
    let path = root.join(what);
    if path.exists() {
        Some(root)
    } else {
        eprintln!("skipped: ../shared/{what} not found");
        None
    }
}

fn path_str(path: &Path) -> &str {
    path.to_str().expect("UTF-8 path")
}

/// `value[key]` must be a number in [0, 1].
fn unit(value: &Value, key: &str) -> f64 {
    let number = value[key]
        .as_f64()
        .unwrap_or_else(|| panic!("{key} is not a number in {value}"));
    assert!(
        (0.0..=1.0).contains(&number),
        "{key} = {number} is outside [0, 1]"
    );
    number
}

/// `value[key]` must be a count.
fn count(value: &Value, key: &str) -> u64 {
    value[key]
        .as_u64()
        .unwrap_or_else(|| panic!("{key} is not a count in {value}"))
}

/// Checks `{label: {gold, hit, recall}}` for the given labels; recall is null only without gold.
fn check_label_recalls(value: &Value, labels: &[&str]) {
    let map = value.as_object().expect("recall_by_label is an object");
    assert_eq!(map.len(), labels.len(), "labels: {value}");
    for label in labels {
        let entry = &value[*label];
        let (gold, hit) = (count(entry, "gold"), count(entry, "hit"));
        assert!(hit <= gold, "{label}: hit {hit} > gold {gold}");
        if gold == 0 {
            assert!(
                entry["recall"].is_null(),
                "{label}: recall without gold: {entry}"
            );
        } else {
            unit(entry, "recall");
        }
    }
}

fn check_seed_scores(scores: &Value) {
    for key in ["precision", "recall", "f1"] {
        unit(scores, key);
    }
    let (predicted, correct) = (
        count(scores, "predicted_pairs"),
        count(scores, "correct_pairs"),
    );
    let unmapped = count(scores, "unmapped_pairs");
    assert!(correct + unmapped <= predicted, "{scores}");
    assert!(
        count(scores, "gold_links_hit") <= count(scores, "gold_links"),
        "{scores}"
    );
    check_label_recalls(
        &scores["recall_by_label"],
        &["paraphrase", "partial", "same"],
    );
    let same_para = &scores["recall_same_paraphrase"];
    assert!(same_para.is_null() || same_para.as_f64().is_some_and(|v| (0.0..=1.0).contains(&v)));
}

/// `value[key]` must be null or a number in [0, 1].
fn unit_or_null(value: &Value, key: &str) {
    if !value[key].is_null() {
        unit(value, key);
    }
}

fn check_seeds_output(json: &Value, runs: usize) {
    assert_eq!(json["eval"], "seeds");
    assert!(json["validation"]
        .as_str()
        .is_some_and(|v| v.contains("leave one pair out")));
    unit_or_null(&json["average_precision"], "micro");
    assert!(json["overlap_rule"].is_string());
    let all = json["runs"].as_array().expect("runs is an array");
    assert_eq!(all.len(), runs);
    for run in all {
        unit(run, "threshold");
        let pairs = run["pairs"].as_array().expect("pairs is an array");
        assert!(!pairs.is_empty(), "no pairs evaluated");
        let mut gold_sum = 0;
        for pair in pairs {
            assert!(
                pair["pair"].is_string() && pair["left"].is_string() && pair["right"].is_string()
            );
            check_seed_scores(pair);
            gold_sum += count(pair, "gold_links");
        }
        check_seed_scores(&run["micro"]);
        assert_eq!(
            count(&run["micro"], "gold_links"),
            gold_sum,
            "micro sums the pairs"
        );
    }
}

fn check_group_scores(scores: &Value) {
    for key in ["precision", "recall", "f1"] {
        unit(scores, key);
    }
    assert!(count(scores, "correct") <= count(scores, "predicted").max(count(scores, "gold")));
    check_label_recalls(&scores["recall_by_label"], &["aligned", "identical"]);
}

fn check_deplain_output(json: &Value, runs: usize) {
    assert_eq!(json["eval"], "deplain");
    assert!(json["validation"]
        .as_str()
        .is_some_and(|v| v.contains("-fold by document")));
    assert!(count(json, "folds") >= 2);
    unit_or_null(&json["average_precision"], "exact_groups");
    assert!(count(json, "documents") > 0);
    let all = json["runs"].as_array().expect("runs is an array");
    assert_eq!(all.len(), runs);
    for run in all {
        unit(run, "threshold");
        check_group_scores(&run["links"]);
        check_group_scores(&run["groups"]);
        assert!(count(&run["links"], "gold") >= count(&run["groups"], "gold"));
    }
    let published = json["published"].as_array().expect("published is an array");
    assert_eq!(published.len(), 3);
    for system in published {
        assert!(system["system"].is_string());
        unit(system, "f1");
    }
}

/// Writes tiny made-up gold files (two seed articles, one `DEplain` document) into a temp
/// folder and returns the data arguments pointing at them.
fn made_up(name: &str) -> (PathBuf, Vec<String>) {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let left = "Harbour bridge reopens\nThe harbour bridge reopened on Tuesday after repairs.\n";
    let right = "Ferry fares rise.\nThe harbour bridge reopened on Tuesday after repairs.\n";
    std::fs::write(dir.join("l.txt"), left).expect("write");
    std::fs::write(dir.join("r.txt"), right).expect("write");
    let seeds_gold = r#"{"documents": {
        "0": {"file": "l.txt", "sentences": [{"id": "0:0", "start": 0, "end": 22},
                                              {"id": "0:1", "start": 23, "end": 76}]},
        "1": {"file": "r.txt", "sentences": [{"id": "1:0", "start": 0, "end": 17},
                                              {"id": "1:1", "start": 18, "end": 71}]}},
        "pairs": {"0-1": [{"a": "0:1", "b": "1:1", "label": "same"}]}}"#;
    let deplain_gold = r#"{"documents": [{"complex_sentences": ["Der Hafen ist offen.", "Alles gut."],
        "simple_sentences": ["Der Hafen ist offen."],
        "alignments": [{"complex": [0], "simple": [0], "label": "identical"}]}]}"#;
    std::fs::write(dir.join("seeds.json"), seeds_gold).expect("write");
    std::fs::write(dir.join("deplain.json"), deplain_gold).expect("write");
    let args = vec![
        "--seeds-gold".to_owned(),
        path_str(&dir.join("seeds.json")).to_owned(),
        "--seeds".to_owned(),
        path_str(&dir).to_owned(),
        "--deplain-gold".to_owned(),
        path_str(&dir.join("deplain.json")).to_owned(),
    ];
    (dir, args)
}

fn with<'a>(command: &[&'a str], data: &'a [String]) -> Vec<&'a str> {
    command
        .iter()
        .copied()
        .chain(data.iter().map(String::as_str))
        .collect()
}

#[test]
fn all_on_made_up_gold_has_the_documented_shape() {
    let (_, data) = made_up("eval-all");
    let json = run_json(&with(&["all", "--format", "json"], &data));
    check_seeds_output(&json["seeds"], 1);
    check_deplain_output(&json["deplain"], 1);
    // Identical sentences are the one thing any aligner must link, whatever it was fitted on.
    assert_eq!(
        count(&json["seeds"]["runs"][0]["micro"], "gold_links_hit"),
        1,
        "{json}"
    );
    assert_eq!(
        count(&json["deplain"]["runs"][0]["groups"], "correct"),
        1,
        "{json}"
    );
    assert_eq!(json["seeds"]["average_precision"]["micro"], 1.0, "{json}");
}

#[test]
fn seeds_sweep_tries_17_thresholds_and_picks_one() {
    let (_, data) = made_up("eval-sweep");
    let json = run_json(&with(&["seeds", "--sweep", "--format", "json"], &data));
    check_seeds_output(&json, 17);
    let best = unit(&json["best"], "threshold");
    let thresholds: Vec<f64> = json["runs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| unit(r, "threshold"))
        .collect();
    assert!(
        thresholds.contains(&best),
        "{best} is not among {thresholds:?}"
    );
    let best_f1 = unit(&json["best"], "value");
    let f1s = json["runs"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|r| unit(&r["micro"], "f1"));
    assert!(
        f1s.into_iter().all(|f1| f1 <= best_f1),
        "best is not the maximum"
    );
}

#[test]
fn text_output_is_a_table_with_average_precision() {
    let (_, data) = made_up("eval-text");
    let out = run(&with(&["seeds"], &data));
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.lines().any(|l| l.starts_with("micro ")),
        "{}",
        out.stdout
    );
    assert!(out.stdout.contains("average precision"), "{}", out.stdout);
    assert!(
        out.stderr.contains(" s"),
        "the run time is printed: {}",
        out.stderr
    );
}

#[test]
fn fit_write_replaces_the_weight_data() {
    let (dir, data) = made_up("eval-fit");
    let models = dir.join("crates/parallax/src");
    std::fs::create_dir_all(&models).expect("temp dir");
    let dump = dir.join("pairs.jsonl");
    let out = run_in(
        &dir,
        &with(&["fit", "--write", "--dump", path_str(&dump)], &data),
    );
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    let pairs = std::fs::read_to_string(&dump).expect("dumped");
    for line in pairs.lines() {
        let value: Value = serde_json::from_str(line).expect("one JSON value per line");
        assert!(value["source"].is_string(), "{line}");
    }
    assert!(pairs.contains("\"gold\":true"), "{pairs}");
    assert!(out.stdout.contains("in-sample"), "{}", out.stdout);
    let written = std::fs::read_to_string(models.join("models.toml")).expect("written");
    for section in ["[lexical]", "[structural]", "[grow]", "[link]"] {
        assert!(written.contains(section), "{section} in {written}");
    }
    assert!(written.contains("\ncosine = "), "{written}");
}

#[test]
fn real_seeds_leave_one_pair_out() {
    let Some(shared) = shared("eval/seeds_gold_dev.json") else {
        return;
    };
    let deplain = "eval/deplain_web/deplain_web_manual_alignment.json";
    if shared.join(deplain).exists() {
        let json = run_json(&[
            "seeds",
            "--format",
            "json",
            "--seeds-gold",
            path_str(&shared.join("eval/seeds_gold_dev.json")),
            "--seeds",
            path_str(&shared.join("samples/seeds")),
            "--deplain-gold",
            path_str(&shared.join(deplain)),
            "--documents",
            "4",
        ]);
        check_seeds_output(&json, 1);
        assert!(json["runs"][0]["pairs"]
            .as_array()
            .is_some_and(|p| p.len() >= 2));
    } else {
        eprintln!("skipped: ../shared/{deplain} not found");
    }
}

#[test]
fn real_deplain_k_fold() {
    let what = "eval/deplain_web/deplain_web_manual_alignment.json";
    if shared("eval/seeds_gold_dev.json").is_none() {
        return;
    }
    let Some(shared) = shared(what) else { return };
    let json = run_json(&[
        "deplain",
        "--format",
        "json",
        "--seeds-gold",
        path_str(&shared.join("eval/seeds_gold_dev.json")),
        "--seeds",
        path_str(&shared.join("samples/seeds")),
        "--deplain-gold",
        path_str(&shared.join(what)),
        "--documents",
        "6",
        "--folds",
        "3",
    ]);
    check_deplain_output(&json, 1);
    assert_eq!(count(&json, "documents"), 6);
}

#[test]
fn a_missing_gold_file_is_one_line_naming_the_path() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-gold.json");
    for target in ["seeds", "deplain", "fit"] {
        let out = run(&[target, "--seeds-gold", path_str(&missing)]);
        assert_eq!(out.code, Some(1), "{target}: {}", out.stderr);
        assert_eq!(out.stderr.lines().count(), 1, "{target}: {}", out.stderr);
        assert!(
            out.stderr.contains(path_str(&missing)),
            "{target}: {}",
            out.stderr
        );
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_threshold_outside_the_unit_interval_is_refused() {
    let out = run(&["seeds", "--threshold", "1.5", "--seeds-gold", "unused.json"]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("threshold"), "{}", out.stderr);
}
