//! What the readers of bytes share: the formats an input may be, the
//! largest input read, and character references decoded (HTML, XML).

use serde::{Deserialize, Serialize};

/// The largest input read: 20 MiB.
pub const MAX_BYTES: usize = 20 * 1024 * 1024;

/// What the input was.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Format {
    Text,
    Csv,
    Html,
    Docx,
    Xlsx,
}

/// `s` with its character references decoded (named: nbsp, lt, gt, amp,
/// quot, apos; numeric, decimal or hex); anything else is kept as written.
pub fn push_entities(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        rest = &rest[amp..];
        // Bytes, not a string slice: the window may end inside a character
        // (';' is ASCII, so where it is found is a boundary).
        let window = &rest.as_bytes()[..rest.len().min(12)];
        let end = window.iter().position(|&b| b == b';');
        let Some(end) = end else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let ent = &rest[1..end];
        let c = match ent {
            "nbsp" => Some(' '),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}
