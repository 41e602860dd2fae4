//! End-to-end tests of the engine: fixture pairs in, reports out.

mod align_properties;
mod corrections;
mod diff_props;
mod fixtures;
mod flags;
mod normalize;
mod nway;
mod properties;
mod scale;
mod segment_golden;
mod segment_props;
mod segment_seeds;
mod support;
mod wrong_links;

use std::path::{Path, PathBuf};

/// The repository's root folder.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}
