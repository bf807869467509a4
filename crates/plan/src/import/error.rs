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

impl ImportError {
    /// The error as a short code and its value ("too_large 25165824",
    /// "unsupported pdf", "not_a_plan"), as the importer's worker sends it.
    pub fn code(&self) -> String {
        match self {
            ImportError::Empty => "empty".into(),
            ImportError::TooLarge { bytes } => format!("too_large {bytes}"),
            ImportError::Binary => "binary".into(),
            ImportError::NotText => "not_text".into(),
            ImportError::Unsupported(f) => format!("unsupported {f}"),
            ImportError::BadOffice(why) => format!("bad_office {why}"),
            ImportError::NotAPlan => "not_a_plan".into(),
            ImportError::Cancelled => "cancelled".into(),
        }
    }

    /// The error a [`code`](Self::code) names; None for any other text.
    pub fn from_code(s: &str) -> Option<ImportError> {
        let (code, value) = s.split_once(' ').unwrap_or((s, ""));
        Some(match (code, value) {
            ("empty", "") => ImportError::Empty,
            ("too_large", v) => ImportError::TooLarge {
                bytes: v.parse().ok()?,
            },
            ("binary", "") => ImportError::Binary,
            ("not_text", "") => ImportError::NotText,
            ("unsupported", v) if !v.is_empty() => ImportError::Unsupported(v.into()),
            ("bad_office", v) if !v.is_empty() => ImportError::BadOffice(v.into()),
            ("not_a_plan", "") => ImportError::NotAPlan,
            ("cancelled", "") => ImportError::Cancelled,
            _ => return None,
        })
    }
}
