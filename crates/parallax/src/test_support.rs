//! Helpers shared by the engine's table-driven unit tests.

/// Whether every case name occurs once (each table test checks this, so a failure names one case).
pub(crate) fn unique<'a>(names: impl IntoIterator<Item = &'a str>) -> bool {
    let mut names: Vec<&str> = names.into_iter().collect();
    let count = names.len();
    names.sort_unstable();
    names.dedup();
    names.len() == count
}
