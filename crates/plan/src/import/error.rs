//! What an import can fail with (the app's `words` says it in words).

use super::*;

/// Why an input could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: u64,
    },
    /// NUL bytes or control characters: not a text.
    Binary,
    /// Not UTF-8 or UTF-16 with a BOM (nor GB18030, where that feature is on).
    NotText,
    /// A format not read: "pdf", "doc/xls", "docx/xlsx" (without the `office` feature).
    Unsupported(String),
    /// A `.docx`/`.xlsx` that cannot be read, and why.
    BadOffice(String),
    /// Text, but neither tasks, nor targets, nor actual values.
    NotAPlan,
    /// The progress callback asked to stop.
    Cancelled,
}
