//! Tests of the view, over reports from the engine and hand-made ones.

mod browse;
mod discrepancy;
mod grid;
mod group;
mod layout;

use crate::{Mark, SentenceView};
use parallax::report::{
    DocumentReport, Link, LinkKind, Report, SentenceKind, SentenceReport, Stats, FORMAT, VERSION,
};
use parallax::{compare, Article, Options};

/// The engine's report of two texts.
fn report(left: &str, right: &str) -> Report {
    compare(
        &Article::new("L", left),
        &Article::new("R", right),
        &Options::default(),
    )
}

/// A hand-made report over sentences "l0 words here." ... (each its own paragraph) with the
/// given links, to test shapes the engine may produce later (many-to-many, odd indices).
fn synthetic(left: usize, right: usize, links: &[(&[usize], &[usize])]) -> Report {
    let doc = |name: &str, count: usize| {
        let mut at = 0;
        let sentences = (0..count)
            .map(|i| {
                let s = format!("{name}{i} words here.");
                let sentence = SentenceReport {
                    start: at,
                    end: at + s.len(),
                    text: s.clone(),
                    clean: s.clone(),
                    kind: SentenceKind::Body,
                    paragraph: i,
                    clean_start: at,
                };
                at += s.len() + 1;
                sentence
            })
            .collect();
        DocumentReport {
            id: usize::from(name == "r"),
            name: name.to_owned(),
            sentences,
        }
    };
    let unmatched = |count: usize, left: bool| {
        (0..count)
            .filter(|i| {
                !links
                    .iter()
                    .any(|(l, r)| if left { l.contains(i) } else { r.contains(i) })
            })
            .collect()
    };
    Report {
        format: FORMAT.to_owned(),
        version: VERSION,
        documents: vec![doc("l", left), doc("r", right)],
        links: links
            .iter()
            .map(|(l, r)| Link {
                docs: [0, 1],
                left: l.to_vec(),
                right: r.to_vec(),
                score: 0.5,
                kind: LinkKind::Paraphrase,
                diff: Vec::new(),
                flags: Vec::new(),
                by_reader: false,
            })
            .collect(),
        clusters: Vec::new(),
        coverage: parallax::report::Coverage::default(),
        unmatched: vec![unmatched(left, true), unmatched(right, false)],
        stats: Stats::default(),
        corrections: parallax::report::Corrections::default(),
    }
}

/// Sentences with their marks written out: `[-removed-]`, `{+added+}`, `<only>`.
fn marked(views: &[SentenceView]) -> Vec<String> {
    views
        .iter()
        .map(|v| {
            v.pieces
                .iter()
                .map(|p| match p.mark {
                    Mark::Same => p.text.clone(),
                    Mark::Removed => format!("[-{}-]", p.text),
                    Mark::Added => format!("{{+{}+}}", p.text),
                    Mark::Only => format!("<{}>", p.text),
                })
                .collect()
        })
        .collect()
}
