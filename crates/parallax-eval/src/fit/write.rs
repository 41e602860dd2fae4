//! Write fitted models as the engine's weight data, `crates/parallax/src/models.toml`.
//!
//! One `[section]` per model with `bias = …` and one `feature = weight` line per feature, named
//! by the engine's feature names and in their order (the format `crates/parallax/build.rs`
//! reads). Weights keep six decimals.

use crate::output::Error;
use parallax::fitting::{Model, Models, FEATURE_NAMES, GROW_NAMES, LINK_NAMES, STRUCTURAL_NAMES};
use std::fmt::Write as _;
use std::path::Path;

/// Where the weight data lives, relative to the repository root.
pub const MODELS_PATH: &str = "crates/parallax/src/models.toml";

const HEADER: &str = "\
# Learned weights of the aligner's four logistic models: for each model its bias and one
# `feature = weight` line per feature, named as the engine names the feature.
#
# The engine reads this file at build time (`crates/parallax/build.rs`) and puts each weight
# at its feature's place by name; a missing, unknown or repeated name fails the build.
# Regenerate from the repository root with the evaluation data in `../shared/eval`:
#
#     cargo run --release -p parallax-eval -- fit --write
";

fn section<const N: usize>(out: &mut String, name: &str, model: &Model<N>, names: &[&str; N]) {
    let _ = writeln!(out, "\n[{name}]\nbias = {:.6}", model.bias);
    for (feature, weight) in names.iter().zip(&model.weights) {
        let _ = writeln!(out, "{feature} = {weight:.6}");
    }
}

/// The weight data for `models`.
pub fn models_toml(models: &Models) -> String {
    let mut out = String::from(HEADER);
    section(&mut out, "lexical", &models.lexical, &FEATURE_NAMES);
    section(
        &mut out,
        "structural",
        &models.structural,
        &STRUCTURAL_NAMES,
    );
    section(&mut out, "grow", &models.grow, &GROW_NAMES);
    section(&mut out, "link", &models.link, &LINK_NAMES);
    out
}

/// Writes the weight data under the repository root `root`.
pub fn write_models(root: &Path, models: &Models) -> Result<(), Error> {
    let path = root.join(MODELS_PATH);
    std::fs::write(&path, models_toml(models))
        .map_err(|e| Error(format!("cannot write {}: {e}", path.display())))
}

#[cfg(test)]
mod tests {
    use super::*;
    use parallax::fitting::MODELS;

    /// The shipped data file is exactly what writing the shipped models gives, so `--write`
    /// changes only numbers that changed.
    #[test]
    fn writing_the_shipped_models_gives_the_shipped_file() {
        let shipped = include_str!("../../../parallax/src/models.toml");
        assert_eq!(models_toml(&MODELS), shipped);
    }
}
