//! Out-of-sample scoring: every scored item is scored by models fitted without it.
//!
//! - Seeds: leave one pair out. For each seed pair, the four models are refitted on the other
//!   seed pairs and all `DEplain` documents, and the pair is scored with them.
//! - `DEplain`: k-fold by document. Document `i` is in fold `i % k` (file order); for each
//!   fold the models are refitted on the seed pairs and the documents of the other folds, and
//!   the fold's documents are scored with them.
//!
//! The result is one score table per held-out item, built by the same `ScoreTable` that
//! `parallax::compare` aligns with, so any threshold can be read from it afterwards.

use crate::deplain::Document;
use crate::fit::{fit_models, FitSettings};
use crate::seeds::SeedExample;
use parallax::fitting::{Models, ScoreTable};

/// One score table per seed pair, each from models fitted without that pair.
pub fn leave_one_pair_out(
    seeds: &[SeedExample<'_>],
    documents: &[Document<'_>],
    settings: &FitSettings,
) -> Vec<ScoreTable> {
    let documents: Vec<&Document<'_>> = documents.iter().collect();
    seeds
        .iter()
        .enumerate()
        .map(|(k, held_out)| held_out.table(&fit_without(seeds, k, &documents, settings)))
        .collect()
}

/// The models fitted on every seed pair but pair `k` (and all the given documents).
pub fn fit_without(
    seeds: &[SeedExample<'_>],
    k: usize,
    documents: &[&Document<'_>],
    settings: &FitSettings,
) -> Models {
    let rest: Vec<&SeedExample<'_>> = seeds
        .iter()
        .enumerate()
        .filter(|&(m, _)| m != k)
        .map(|(_, e)| e)
        .collect();
    fit_models(&rest, documents, settings)
}

/// The fold of document `index` among `folds` folds.
pub fn fold_of(index: usize, folds: usize) -> usize {
    index % folds.max(1)
}

/// One score table per `DEplain` document, each from the models of the folds without it.
pub fn k_fold(
    seeds: &[SeedExample<'_>],
    documents: &[Document<'_>],
    folds: usize,
    settings: &FitSettings,
) -> Vec<ScoreTable> {
    let seeds: Vec<&SeedExample<'_>> = seeds.iter().collect();
    let mut tables: Vec<Option<ScoreTable>> = vec![None; documents.len()];
    for fold in 0..folds.max(1).min(documents.len()) {
        let train: Vec<&Document<'_>> = documents
            .iter()
            .enumerate()
            .filter(|&(i, _)| fold_of(i, folds) != fold)
            .map(|(_, d)| d)
            .collect();
        let models = fit_models(&seeds, &train, settings);
        for (i, document) in documents.iter().enumerate() {
            if fold_of(i, folds) == fold {
                tables[i] = Some(document.table(&models));
            }
        }
    }
    tables.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_go_round_by_document_index() {
        let folds: Vec<usize> = (0..7).map(|i| fold_of(i, 3)).collect();
        assert_eq!(folds, [0, 1, 2, 0, 1, 2, 0]);
        assert_eq!(fold_of(5, 0), 0);
    }
}
