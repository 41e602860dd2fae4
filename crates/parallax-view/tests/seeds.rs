//! The row layout over the seed articles in `../shared` (licensed for evaluation only, so read
//! at test time and never copied): every sentence shows exactly its cleaned text, in exactly
//! one row.

use parallax::{compare, Article, Options};
use parallax_view::{rows, Mark};
use std::path::{Path, PathBuf};

fn seeds() -> Option<Vec<(String, String)>> {
    let dir: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/samples/seeds");
    let Ok(entries) = std::fs::read_dir(&dir) else {
        eprintln!("skipped: ../shared/samples/seeds not found");
        return None;
    };
    let mut files: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    files.sort();
    Some(
        files
            .iter()
            .filter_map(|p| {
                let name = p.file_name()?.to_string_lossy().into_owned();
                Some((name, std::fs::read_to_string(p).ok()?))
            })
            .collect(),
    )
}

#[test]
fn seed_pairs_show_every_sentence_in_exactly_one_row_with_its_clean_text() {
    let Some(seeds) = seeds() else { return };
    assert!(seeds.len() >= 2, "expected several seeds");
    let mut marked_pieces = 0;
    for (left_name, left) in &seeds {
        for (right_name, right) in &seeds {
            if left_name >= right_name {
                continue;
            }
            let report = compare(
                &Article::new(left_name, left),
                &Article::new(right_name, right),
                &Options::default(),
            );
            let all = rows(&report);
            for (doc, document) in report.documents.iter().enumerate() {
                let mut seen = vec![false; document.sentences.len()];
                for view in all
                    .iter()
                    .flat_map(|r| if doc == 0 { &r.left } else { &r.right })
                {
                    let s = &document.sentences[view.sentence];
                    assert_eq!(
                        view.text(),
                        s.clean,
                        "{left_name} vs {right_name}: doc {doc} sentence {}",
                        view.sentence
                    );
                    assert!(
                        !seen[view.sentence],
                        "{left_name} vs {right_name}: doc {doc} sentence {} in two rows",
                        view.sentence
                    );
                    seen[view.sentence] = true;
                    // The quiet display spells out the same text.
                    let quiet: String = view.shares.iter().map(|p| p.text.as_str()).collect();
                    assert_eq!(quiet, s.clean);
                    marked_pieces += view.pieces.iter().filter(|p| p.mark != Mark::Same).count();
                }
                assert!(
                    seen.iter().all(|&s| s),
                    "{left_name} vs {right_name}: doc {doc} has a sentence in no row"
                );
            }
        }
    }
    assert!(marked_pieces > 0, "the seeds should show some word changes");
}
