//! Compare `segment` with the hand-made gold sentences of the seed articles, and pin the
//! segmentation of every seed as `(start, end, kind)` tuples (offsets only, no seed text).
//!
//! Run `cargo test -p parallax --test integration segment_seeds -- --nocapture` to see the
//! agreement table and every gold sentence that was not found exactly.

use parallax::segment::{segment, Sentence};
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Floors measured on the development gold (see the report printed by the test).
const MIN_EXACT_RECALL: f64 = 0.95;
const MIN_EXACT_PRECISION: f64 = 0.95;
const MIN_KIND_AGREEMENT: f64 = 0.95;

fn shared() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared")
}

fn kind_name(sentence: &Sentence) -> String {
    format!("{:?}", sentence.kind).to_lowercase()
}

#[test]
fn seeds_agree_with_gold() {
    let path = shared().join("eval/seeds_gold_dev.json");
    let Ok(json) = std::fs::read_to_string(&path) else {
        eprintln!(
            "skipped: ../shared/eval/seeds_gold_dev.json not found at {}",
            path.display()
        );
        return;
    };
    let gold: serde_json::Value = serde_json::from_str(&json).expect("gold is JSON");
    let documents = gold["documents"].as_object().expect("a documents object");
    let (mut gold_total, mut predicted_total, mut exact_total, mut kind_total) =
        (0usize, 0usize, 0usize, 0usize);
    let mut misses = Vec::new();
    eprintln!("doc  gold  predicted  exact  kind-agree");
    for (id, document) in documents {
        let file = document["file"].as_str().expect("file");
        let text = std::fs::read_to_string(shared().join("samples/seeds").join(file))
            .unwrap_or_else(|e| panic!("seed {file} listed in the gold is unreadable: {e}"));
        let predicted = segment(&text);
        let gold_sentences = document["sentences"].as_array().expect("sentences");
        let (mut exact, mut kind) = (0usize, 0usize);
        for g in gold_sentences {
            let start = g["start"].as_u64().expect("start") as usize;
            let end = g["end"].as_u64().expect("end") as usize;
            let gold_kind = g["kind"].as_str().expect("kind");
            if let Some(p) = predicted.iter().find(|p| p.range == (start..end)) {
                exact += 1;
                if kind_name(p) == gold_kind {
                    kind += 1;
                } else {
                    misses.push(format!(
                        "{id} {start}..{end}: kind {} (gold {gold_kind})",
                        kind_name(p)
                    ));
                }
            } else {
                let overlapping: Vec<String> = predicted
                    .iter()
                    .filter(|p| p.range.start < end && start < p.range.end)
                    .map(|p| format!("{}..{}", p.range.start, p.range.end))
                    .collect();
                misses.push(format!(
                    "{id} {start}..{end} ({gold_kind}): not found; overlapping predictions {overlapping:?}"
                ));
            }
        }
        eprintln!(
            "{id}  {:>4}  {:>9}  {exact:>5}  {kind:>10}",
            gold_sentences.len(),
            predicted.len()
        );
        gold_total += gold_sentences.len();
        predicted_total += predicted.len();
        exact_total += exact;
        kind_total += kind;
    }
    let recall = exact_total as f64 / gold_total.max(1) as f64;
    let precision = exact_total as f64 / predicted_total.max(1) as f64;
    let kind_agreement = kind_total as f64 / exact_total.max(1) as f64;
    eprintln!(
        "all  {gold_total:>4}  {predicted_total:>9}  {exact_total:>5}  {kind_total:>10}\n\
         exact-boundary recall {recall:.3}, precision {precision:.3}; \
         kind agreement on exact matches {kind_agreement:.3}"
    );
    for miss in &misses {
        eprintln!("  {miss}");
    }
    assert!(gold_total > 0, "no gold sentences in {}", path.display());
    assert!(
        recall >= MIN_EXACT_RECALL,
        "exact-boundary recall {recall:.3} < {MIN_EXACT_RECALL}"
    );
    assert!(
        precision >= MIN_EXACT_PRECISION,
        "exact-boundary precision {precision:.3} < {MIN_EXACT_PRECISION}"
    );
    assert!(
        kind_agreement >= MIN_KIND_AGREEMENT,
        "kind agreement {kind_agreement:.3} < {MIN_KIND_AGREEMENT}"
    );
}

#[test]
fn seed_segmentation_snapshots() {
    let dir = shared().join("samples/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!(
            "skipped: ../shared/samples/seeds not found at {}",
            dir.display()
        );
        return;
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "no seed files in {}", dir.display());
    for file in files {
        let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or("seed");
        // Snapshot name: the seed number only ("000"), never any of its text.
        let id = name.split('_').next().unwrap_or(name).to_owned();
        let text = std::fs::read_to_string(&file).expect("seed is UTF-8");
        let mut tuples = String::new();
        for s in segment(&text) {
            writeln!(
                tuples,
                "({}, {}, {})",
                s.range.start,
                s.range.end,
                kind_name(&s)
            )
            .expect("writing to a String");
        }
        insta::assert_snapshot!(format!("seed_{id}"), tuples);
    }
}
