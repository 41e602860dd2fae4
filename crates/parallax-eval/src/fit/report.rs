//! `parallax-eval fit`: fit on all the gold data, print the weights, optionally write them.

use super::write::{models_toml, write_models, MODELS_PATH};
use super::{fit_models, FitSettings};
use crate::deplain::Document;
use crate::metrics::{Counts, OverlapCounts};
use crate::output::deplain::deplain_ap;
use crate::output::seeds::seed_ap;
use crate::output::{num, Error};
use crate::seeds::{Label, SeedExample};
use parallax::fitting::ScoreTable;
use std::fmt::Write as _;
use std::path::Path;

/// Fits, prints the weights and the in-sample numbers; with `dump` writes every candidate pair
/// to that file, and with `write` replaces the engine's weight data under the current folder.
pub fn fit_report(
    examples: &[SeedExample<'_>],
    documents: &[Document<'_>],
    settings: &FitSettings,
    write: bool,
    dump: Option<&Path>,
) -> Result<String, Error> {
    let seeds: Vec<&SeedExample<'_>> = examples.iter().collect();
    let docs: Vec<&Document<'_>> = documents.iter().collect();
    let models = fit_models(&seeds, &docs, settings);
    let mut out = String::new();
    let _ = writeln!(
        out,
        "# fit: {} seed pairs ({} positive pairs), {} DEplain documents, seeds share {:.2}, l2 {}",
        examples.len(),
        examples.iter().map(|e| e.positives.len()).sum::<usize>(),
        documents.len(),
        settings.seeds_share,
        settings.l2
    );
    out.push_str(&models_toml(&models));

    let threshold = parallax::Options::default().threshold;
    let seed_tables: Vec<ScoreTable> = examples.iter().map(|e| e.table(&models)).collect();
    let doc_tables: Vec<ScoreTable> = documents.iter().map(|d| d.table(&models)).collect();
    let mut seeds_micro: OverlapCounts<Label> = OverlapCounts::default();
    for (example, table) in examples.iter().zip(&seed_tables) {
        seeds_micro.add(&example.score(table, threshold));
    }
    let mut groups = Counts::default();
    for (document, table) in documents.iter().zip(&doc_tables) {
        groups.add(&document.score(table, threshold).1);
    }
    let (s, g) = (seeds_micro.links.prf(), groups.prf());
    let _ = writeln!(
        out,
        "\nin-sample at {threshold:.2} (scored on the data the models were fitted on: not a \
         quality measure; `seeds` and `deplain` give the out-of-sample numbers):"
    );
    let _ = writeln!(
        out,
        "seeds P / R / F1 {:.3} / {:.3} / {:.3}, R same+paraphrase {}, AP {}",
        s.precision,
        s.recall,
        s.f1,
        num(seeds_micro
            .links
            .recall_of(&[Label::Same, Label::Paraphrase])),
        num(seed_ap(examples, &seed_tables).micro)
    );
    let _ = writeln!(
        out,
        "DEplain exact groups P / R / F1 {:.3} / {:.3} / {:.3}, AP {}",
        g.precision,
        g.recall,
        g.f1,
        num(deplain_ap(documents, &doc_tables).exact_groups)
    );
    if let Some(path) = dump {
        super::dump::dump(path, (examples, &seed_tables), (documents, &doc_tables))?;
        let _ = writeln!(out, "\nwrote the candidate pairs to {}", path.display());
    }
    if write {
        write_models(Path::new("."), &models)?;
        let _ = writeln!(
            out,
            "\nwrote {MODELS_PATH}; rebuild to ship the new weights"
        );
    }
    Ok(out.trim_end().to_owned())
}
