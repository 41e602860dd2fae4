//! The engine's one error type: what can go wrong when bytes are not usable text.

use crate::normalize::Encoding;
use std::fmt;

/// An error from the engine.
///
/// The engine is infallible wherever it can be; today only [`crate::normalize::decode`] fails:
/// when its input looks like binary data (an image, an archive, a PDF) rather than text, or
/// when its bytes break the encoding their byte-order mark announced. The `Display` text is
/// written for the end user.
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
    /// The bytes break the encoding a byte-order mark announced, first at this byte offset.
    Malformed { encoding: Encoding, offset: usize },
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

    pub(crate) fn malformed(encoding: Encoding, offset: usize) -> Self {
        Self {
            kind: ErrorKind::Malformed { encoding, offset },
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
            ErrorKind::Malformed { encoding, offset } => {
                write!(f, "not valid {encoding} (byte {offset})")
            }
        }
    }
}

impl std::error::Error for Error {}
