//! End-to-end tests of `parallax eval` (and a smoke test of `compare`) through the built binary.
//!
//! The shared gold data is evaluation-only: tests read it from `../shared` when present and
//! skip with a message otherwise. Values are not pinned (the aligner will change); the JSON
//! shape and the ranges of the numbers are.

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(args: &[&str]) -> Run {
    let output = Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .output()
        .expect("the parallax binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
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

fn check_seeds_output(json: &Value, runs: usize) {
    assert_eq!(json["eval"], "seeds");
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

#[test]
fn eval_seeds_json_has_the_documented_shape() {
    let Some(shared) = shared("eval/seeds_gold_dev.json") else {
        return;
    };
    let gold = shared.join("eval/seeds_gold_dev.json");
    let seeds = shared.join("samples/seeds");
    let args = [
        "eval",
        "seeds",
        "--format",
        "json",
        "--gold",
        path_str(&gold),
    ];
    let json = run_json(&[&args[..], &["--seeds", path_str(&seeds)]].concat());
    check_seeds_output(&json, 1);
    assert!(json.get("best").is_none(), "best is only for --sweep");
}

#[test]
fn eval_seeds_sweep_tries_17_thresholds_and_picks_one() {
    let Some(shared) = shared("eval/seeds_gold_dev.json") else {
        return;
    };
    let gold = shared.join("eval/seeds_gold_dev.json");
    let seeds = shared.join("samples/seeds");
    let args = [
        "eval",
        "seeds",
        "--sweep",
        "--format",
        "json",
        "--gold",
        path_str(&gold),
    ];
    let json = run_json(&[&args[..], &["--seeds", path_str(&seeds)]].concat());
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
fn eval_deplain_json_has_the_documented_shape() {
    let what = "eval/deplain_web/deplain_web_manual_alignment.json";
    let Some(shared) = shared(what) else { return };
    let gold = shared.join(what);
    let json = run_json(&[
        "eval",
        "deplain",
        "--format",
        "json",
        "--gold",
        path_str(&gold),
    ]);
    check_deplain_output(&json, 1);
}

#[test]
fn eval_text_output_is_a_table() {
    let Some(shared) = shared("eval/seeds_gold_dev.json") else {
        return;
    };
    let gold = shared.join("eval/seeds_gold_dev.json");
    let seeds = shared.join("samples/seeds");
    let out = run(&[
        "eval",
        "seeds",
        "--gold",
        path_str(&gold),
        "--seeds",
        path_str(&seeds),
    ]);
    assert_eq!(out.code, Some(0), "{}", out.stderr);
    assert!(
        out.stdout.lines().any(|l| l.starts_with("micro ")),
        "{}",
        out.stdout
    );
}

#[test]
fn a_missing_gold_file_is_one_line_naming_the_path() {
    let missing = Path::new(env!("CARGO_TARGET_TMPDIR")).join("no-such-gold.json");
    for target in ["seeds", "deplain"] {
        let out = run(&["eval", target, "--gold", path_str(&missing)]);
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
    let out = run(&[
        "eval",
        "seeds",
        "--threshold",
        "1.5",
        "--gold",
        "unused.json",
    ]);
    assert_eq!(out.code, Some(1), "{}", out.stderr);
    assert!(out.stderr.contains("threshold"), "{}", out.stderr);
}

/// `eval all` over tiny made-up gold files, so it runs without the shared data.
#[test]
fn eval_all_runs_both_on_made_up_gold() {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("eval-all");
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
    let json = run_json(&[
        "eval",
        "all",
        "--format",
        "json",
        "--seeds-gold",
        path_str(&dir.join("seeds.json")),
        "--seeds",
        path_str(&dir),
        "--deplain-gold",
        path_str(&dir.join("deplain.json")),
    ]);
    check_seeds_output(&json["seeds"], 1);
    check_deplain_output(&json["deplain"], 1);
    // Identical sentences are the one thing any aligner must link.
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
}

#[test]
fn compare_still_prints_a_report() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../parallax/tests/fixtures");
    let json = run_json(&[
        "compare",
        path_str(&fixtures.join("reorder_1.txt")),
        path_str(&fixtures.join("reorder_2.txt")),
    ]);
    assert_eq!(json["format"], "parallax-report");
    assert_eq!(json["documents"].as_array().map(Vec::len), Some(2));
}
