//! Snapshot the report of every fixture pair `tests/fixtures/<case>_1.txt` / `<case>_2.txt`,
//! and of the built-in sample pair.

use parallax::{compare, Article, Options, Report};
use std::path::Path;

fn report_for(left_path: &Path, right_path: &Path) -> Report {
    let left = std::fs::read_to_string(left_path).unwrap();
    let right = std::fs::read_to_string(right_path).unwrap();
    let name = |p: &Path| p.file_name().unwrap().to_string_lossy().into_owned();
    compare(
        &Article::new(&name(left_path), &left),
        &Article::new(&name(right_path), &right),
        &Options::default(),
    )
}

#[test]
fn fixture_pairs() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut cases: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| {
            e.unwrap()
                .file_name()
                .to_str()?
                .strip_suffix("_1.txt")
                .map(str::to_owned)
        })
        .collect();
    cases.sort();
    assert!(!cases.is_empty(), "no fixture pairs in {}", dir.display());
    for case in cases {
        let report = report_for(
            &dir.join(format!("{case}_1.txt")),
            &dir.join(format!("{case}_2.txt")),
        );
        insta::assert_yaml_snapshot!(case.clone(), report);
    }
}

#[test]
fn sample_pair() {
    let dir = super::repo_root().join("samples");
    let report = report_for(&dir.join("wire.txt"), &dir.join("ledger.txt"));
    insta::assert_yaml_snapshot!(report);
}

#[test]
fn report_json_round_trips() {
    let dir = super::repo_root().join("samples");
    let report = report_for(&dir.join("wire.txt"), &dir.join("ledger.txt"));
    let json = serde_json::to_string(&report).unwrap();
    let back: Report = serde_json::from_str(&json).unwrap();
    assert_eq!(back, report);
}

#[test]
fn identical_inputs_align_one_to_one_as_identical() {
    let text = std::fs::read_to_string(super::repo_root().join("samples/wire.txt")).unwrap();
    let report = compare(
        &Article::new("a", &text),
        &Article::new("b", &text),
        &Options::default(),
    );
    let n = report.documents[0].sentences.len();
    assert_eq!(report.links.len(), n);
    for (i, link) in report.links.iter().enumerate() {
        assert_eq!(
            (link.left.as_slice(), link.right.as_slice()),
            (&[i][..], &[i][..])
        );
        assert_eq!(link.kind, parallax::align::LinkKind::Identical);
    }
}
