//! The engine's one error type: what can go wrong when bytes are not usable text.

use std::fmt;

/// An error from the engine.
///
/// The engine is infallible wherever it can be; today only [`crate::normalize::decode`] fails,
/// when its input looks like binary data (an image, an archive, a PDF) rather than text. The
/// `Display` text is written for the end user.
///
/// # Example: telling the user why a file was refused
///
/// ```
/// let error = parallax::normalize::decode(b"PK\x03\x04\x00\x00").unwrap_err();
/// assert!(error.is_binary());
/// assert!(error.to_string().contains("binary"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum ErrorKind {
    /// The decoded text has a NUL character at this byte offset.
    Nul { offset: usize },
    /// Too many of the decoded characters are control characters.
    Controls { controls: usize, chars: usize },
}

impl Error {
    pub(crate) fn nul(offset: usize) -> Self {
        Self {
            kind: ErrorKind::Nul { offset },
        }
    }

    pub(crate) fn controls(controls: usize, chars: usize) -> Self {
        Self {
            kind: ErrorKind::Controls { controls, chars },
        }
    }

    /// Whether the input was refused because it looks like binary data rather than text.
    pub fn is_binary(&self) -> bool {
        matches!(
            self.kind,
            ErrorKind::Nul { .. } | ErrorKind::Controls { .. }
        )
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.kind {
            ErrorKind::Nul { offset } => write!(
                f,
                "the input looks like binary data, not text: it has a NUL character \
                 (at byte {offset} of the decoded text)"
            ),
            ErrorKind::Controls { controls, chars } => write!(
                f,
                "the input looks like binary data, not text: {controls} of its {chars} \
                 characters are control characters"
            ),
        }
    }
}

impl std::error::Error for Error {}
