//! Options that change the result of a comparison.

/// Settings for [`crate::compare`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Options {
    /// Minimum similarity in `[0, 1]` for two sentences to be linked.
    pub threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self { threshold: 0.3 }
    }
}
