//! Options that change the result of a comparison.

use crate::diff::DiffOptions;

/// Settings for [`crate::compare`].
#[derive(Debug, Clone, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
pub struct Options {
    /// Minimum link score in `[0, 1]`: the learned probability that a link is right (see
    /// [`crate::align`]). Lower links more loosely related sentences.
    pub threshold: f64,
    /// Word diffs treat `Monday` and `monday` as equal (see [`DiffOptions::ignore_case`]).
    pub ignore_case: bool,
    /// Word diffs never count punctuation as a change (see
    /// [`DiffOptions::ignore_punctuation`]).
    pub ignore_punctuation: bool,
}

impl Options {
    /// The settings that the word diff of every link uses.
    ///
    /// # Example
    ///
    /// ```
    /// let options = parallax::Options { ignore_case: true, ..Default::default() };
    /// assert!(options.diff_options().ignore_case);
    /// assert!(!options.diff_options().ignore_punctuation);
    /// ```
    pub fn diff_options(&self) -> DiffOptions {
        DiffOptions {
            ignore_case: self.ignore_case,
            ignore_punctuation: self.ignore_punctuation,
        }
    }
}

impl Default for Options {
    fn default() -> Self {
        Self {
            threshold: 0.25,
            ignore_case: false,
            ignore_punctuation: false,
        }
    }
}
