//! Options that change the result of a comparison.

/// Settings for [`crate::compare`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Options {
    /// Minimum link score in `[0, 1]`: the learned probability that two sentences say the
    /// same thing (see [`crate::align`]). Lower links more loosely related sentences.
    pub threshold: f64,
}

impl Default for Options {
    fn default() -> Self {
        Self { threshold: 0.25 }
    }
}
