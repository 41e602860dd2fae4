//! Snapshot of the page's rows for the repository's sample pair, and page-level checks.
//!
//! The snapshot pins the markup of the rows only (not the style sheet); it changes whenever
//! the aligner or the diff changes, so review it with `cargo insta review` then.

use parallax::{compare, Article, Options, Report};
use std::path::Path;

fn sample_report() -> Report {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples");
    let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap();
    compare(
        &Article::new("wire.txt", &read("wire.txt")),
        &Article::new("ledger.txt", &read("ledger.txt")),
        &Options::default(),
    )
}

#[test]
fn html_sample_wire_vs_ledger_rows() {
    let html = parallax_html::render(&sample_report());
    let start = html.find("<main>").expect("a main element");
    let end = html.find("</main>").expect("the end of main") + "</main>".len();
    insta::assert_snapshot!("html_sample_wire_vs_ledger_rows", &html[start..end]);
}

#[test]
fn every_sentence_of_both_articles_is_on_the_page() {
    let report = sample_report();
    let html = parallax_html::render(&report);
    for (doc, document) in report.documents.iter().enumerate() {
        for i in 0..document.sentences.len() {
            let hook = format!("data-doc=\"{doc}\" data-sentence=\"{i}\"");
            assert!(html.contains(&hook), "{hook} missing");
        }
    }
}
