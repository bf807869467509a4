//! From bytes to text: the file's format and encoding, and the text a
//! parser reads (a table's cells separated by tabs, a row per line).
//!
//! * Text: UTF-8 with or without a BOM, UTF-16 with a BOM, and (feature
//!   `gb18030`) GB18030/GBK, which Chinese government files often are; a
//!   lone carriage return ends a line.
//! * `.csv`: each record becomes a line of tab-separated cells.
//! * HTML (by its name or its first tag): tags and scripts are dropped, a
//!   table's cells separated by tabs, block ends become line ends.
//! * `.docx` and `.xlsx` (feature `office`): see [`super::office`].
//!
//! Anything else is refused with a reason: empty, too large, binary (a NUL,
//! or many control characters), PDF, old `.doc`/`.xls`, images.

use super::ImportError;

pub use super::format::{push_entities, Format, MAX_BYTES};

/// The text of an input and how it was read.
#[derive(Clone, Debug)]
pub struct Decoded {
    pub text: String,
    pub format: Format,
    /// "UTF-8", "UTF-16LE", "UTF-16BE", "GB18030".
    pub encoding: &'static str,
}

fn ext(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, e)| e.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Read the bytes of a file (or pasted text) named `name`.
pub fn decode(name: &str, bytes: &[u8]) -> Result<Decoded, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: bytes.len() as u64,
        });
    }
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(ImportError::Empty);
    }
    let e = ext(name);
    if bytes.starts_with(b"PK\x03\x04") || e == "docx" || e == "xlsx" {
        return office(bytes);
    }
    if bytes.starts_with(b"%PDF") {
        return Err(ImportError::Unsupported("pdf".into()));
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ImportError::Unsupported("doc/xls".into()));
    }
    let utf16 = bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]);
    if !utf16 && bytes.iter().take(8192).any(|b| *b == 0) {
        return Err(ImportError::Binary);
    }
    let (text, encoding) = text_of(bytes)?;
    let control = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r' | '\u{c}'))
        .count();
    if text.contains('\0') || control * 100 > text.chars().count().max(1) {
        return Err(ImportError::Binary);
    }
    // A lone carriage return ends a line (old Mac files).
    let text = if text.contains('\r') {
        let mut out = String::with_capacity(text.len());
        let mut it = text.chars().peekable();
        while let Some(c) = it.next() {
            if c == '\r' && it.peek() != Some(&'\n') {
                out.push('\n');
            } else {
                out.push(c);
            }
        }
        out
    } else {
        text
    };
    if text.trim().is_empty() {
        return Err(ImportError::Empty);
    }
    if e == "csv" {
        return Ok(Decoded {
            text: csv_to_rows(&text),
            format: Format::Csv,
            encoding,
        });
    }
    let head = text.trim_start_matches('\u{feff}').trim_start();
    let lower: String = head
        .chars()
        .take(200)
        .collect::<String>()
        .to_ascii_lowercase();
    if e == "html"
        || e == "htm"
        || lower.starts_with("<!doctype html")
        || lower.starts_with("<html")
        || (lower.starts_with('<')
            && (lower.contains("<body")
                || lower.contains("<head")
                || lower.contains("<div")
                || lower.contains("<table")
                || lower.contains("<p>")))
    {
        return Ok(Decoded {
            text: html_to_text(&text),
            format: Format::Html,
            encoding,
        });
    }
    Ok(Decoded {
        text,
        format: Format::Text,
        encoding,
    })
}

fn text_of(bytes: &[u8]) -> Result<(String, &'static str), ImportError> {
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return std::str::from_utf8(rest)
            .map(|s| (s.to_string(), "UTF-8"))
            .map_err(|_| ImportError::NotText);
    }
    for (bom, le, name) in [
        (&[0xFF, 0xFE], true, "UTF-16LE"),
        (&[0xFE, 0xFF], false, "UTF-16BE"),
    ] {
        if let Some(rest) = bytes.strip_prefix(bom) {
            let units: Vec<u16> = rest
                .chunks_exact(2)
                .map(|p| {
                    if le {
                        u16::from_le_bytes([p[0], p[1]])
                    } else {
                        u16::from_be_bytes([p[0], p[1]])
                    }
                })
                .collect();
            return String::from_utf16(&units)
                .map(|s| (s, name))
                .map_err(|_| ImportError::NotText);
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_string(), "UTF-8"));
    }
    gb18030(bytes)
}

#[cfg(feature = "gb18030")]
fn gb18030(bytes: &[u8]) -> Result<(String, &'static str), ImportError> {
    encoding_rs::GB18030
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|s| (s.into_owned(), "GB18030"))
        .ok_or(ImportError::NotText)
}

#[cfg(not(feature = "gb18030"))]
fn gb18030(_: &[u8]) -> Result<(String, &'static str), ImportError> {
    Err(ImportError::NotText)
}

#[cfg(feature = "office")]
fn office(bytes: &[u8]) -> Result<Decoded, ImportError> {
    let (text, format) = super::office::read(bytes)?;
    Ok(Decoded {
        text,
        format,
        encoding: "UTF-8",
    })
}

#[cfg(not(feature = "office"))]
fn office(_: &[u8]) -> Result<Decoded, ImportError> {
    Err(ImportError::Unsupported("docx/xlsx".into()))
}

/// CSV records as lines of tab-separated cells (a cell's own tabs and line
/// breaks become spaces).
pub fn csv_to_rows(text: &str) -> String {
    let mut r = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let mut out = String::with_capacity(text.len());
    for rec in r.records() {
        let Ok(rec) = rec else { continue };
        let cells: Vec<String> = rec
            .iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// The text of an HTML page: scripts, styles and tags dropped, a table's
/// cells separated by tabs and its rows by line ends, paragraphs and line
/// breaks as line ends, the common entities decoded.
pub fn html_to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut rest = html;
    while let Some(lt) = rest.find('<') {
        push_entities(&mut out, &rest[..lt]);
        rest = &rest[lt..];
        let Some(gt) = rest.find('>') else {
            rest = "";
            break;
        };
        let tag = rest[1..gt].trim().to_ascii_lowercase();
        rest = &rest[gt + 1..];
        let name: String = tag
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        if !tag.starts_with('/') && (name == "script" || name == "style") {
            let close = format!("</{name}");
            let lower_at = find_ci(rest, &close);
            rest = match lower_at {
                Some(at) => &rest[at..],
                None => "",
            };
            continue;
        }
        match (tag.starts_with('/'), name.as_str()) {
            (true, "td" | "th") => out.push('\t'),
            (_, "br")
            | (
                true,
                "p" | "div" | "tr" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table",
            ) => out.push('\n'),
            _ => {}
        }
    }
    push_entities(&mut out, rest);
    // A row's last cell ends with a tab before its line end.
    out.replace("\t\n", "\n")
}

fn find_ci(hay: &str, needle: &str) -> Option<usize> {
    let n = needle.len();
    hay.char_indices().map(|(i, _)| i).find(|&i| {
        hay.len() >= i + n
            && hay.is_char_boundary(i + n)
            && hay[i..i + n].eq_ignore_ascii_case(needle)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings_and_refusals() {
        assert_eq!(decode("a.txt", b"").unwrap_err(), ImportError::Empty);
        assert_eq!(decode("a.txt", b" \n\t").unwrap_err(), ImportError::Empty);
        assert_eq!(decode("a.bin", b"ab\0cd").unwrap_err(), ImportError::Binary);
        assert_eq!(
            decode("a.pdf", b"%PDF-1.4").unwrap_err(),
            ImportError::Unsupported("pdf".into())
        );
        let mut u16 = vec![0xFF, 0xFE];
        for u in "牵头\r单位".encode_utf16() {
            u16.extend(u.to_le_bytes());
        }
        let d = decode("a.txt", &u16).unwrap();
        assert_eq!((d.text.as_str(), d.encoding), ("牵头\n单位", "UTF-16LE"));
        let d = decode("a.txt", "\u{feff}甲".as_bytes()).unwrap();
        assert_eq!(d.text, "甲");
    }

    #[test]
    fn an_ampersand_before_wide_characters_is_kept() {
        // The entity window (12 bytes) may end inside a character.
        assert_eq!(html_to_text("&aaaaaaaaa中文"), "&aaaaaaaaa中文");
        assert_eq!(html_to_text("&中文中文中文"), "&中文中文中文");
    }

    #[test]
    fn csv_and_html() {
        assert_eq!(
            csv_to_rows("序号,任务\n1,\"a,b\nc\"\n"),
            "序号\t任务\n1\ta,b c\n"
        );
        let t = html_to_text("<html><script>alert(1)</script><table><tr><td>序号</td><td>任务&amp;</td></tr></table><p>甲</p>");
        assert_eq!(t, "序号\t任务&\n\n甲\n");
    }
}
