//! `.docx` and `.xlsx`: a small ZIP reader (stored and deflated entries,
//! inflated by `miniz_oxide` with a size limit) and a small XML scanner,
//! rather than the `zip` and `quick-xml` crates: the importer is compiled to
//! wasm, and these read only the few parts a plan needs.
//!
//! * `.docx`: `word/document.xml`; a paragraph is a line, a table row is a
//!   line of tab-separated cells (paragraphs in a cell joined by a space),
//!   `<w:tab/>` a tab, `<w:br/>` a line end. A paragraph with automatic
//!   numbering gets its number written out (`1．`, counted per list and
//!   level) since a task split's numbers are often automatic.
//! * `.xlsx`: the first worksheet, a row per line, cells by their column
//!   letters (gaps as empty cells), shared and inline strings resolved.

use super::format::{Format, MAX_BYTES};
use super::ImportError;

/// The largest part inflated: a 20 MiB file may not hide a gigabyte.
const MAX_PART: usize = 64 * 1024 * 1024;

fn bad(why: &str) -> ImportError {
    ImportError::BadOffice(why.to_string())
}

fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 2)
        .map(|s| u16::from_le_bytes([s[0], s[1]]) as usize)
}
fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    b.get(at..at + 4)
        .map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize)
}

/// The entries of a ZIP archive: (name, method, compressed bytes).
/// A ZIP entry: (name, compression method, compressed bytes).
type Entry<'a> = (String, usize, &'a [u8]);

fn entries(zip: &[u8]) -> Result<Vec<Entry<'_>>, ImportError> {
    let from = zip.len().saturating_sub(65_557);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or_else(|| bad("no zip directory"))?;
    let count = u16_at(zip, eocd + 10).ok_or_else(|| bad("short"))?;
    let mut at = u32_at(zip, eocd + 16).ok_or_else(|| bad("short"))?;
    let mut out = Vec::new();
    for _ in 0..count {
        if zip.get(at..at + 4) != Some(&[0x50, 0x4b, 0x01, 0x02]) {
            return Err(bad("bad zip directory"));
        }
        let method = u16_at(zip, at + 10).ok_or_else(|| bad("short"))?;
        let csize = u32_at(zip, at + 20).ok_or_else(|| bad("short"))?;
        let nlen = u16_at(zip, at + 28).ok_or_else(|| bad("short"))?;
        let xlen = u16_at(zip, at + 30).ok_or_else(|| bad("short"))?;
        let clen = u16_at(zip, at + 32).ok_or_else(|| bad("short"))?;
        let local = u32_at(zip, at + 42).ok_or_else(|| bad("short"))?;
        let name = zip
            .get(at + 46..at + 46 + nlen)
            .ok_or_else(|| bad("short"))?;
        let name = String::from_utf8_lossy(name).into_owned();
        at += 46 + nlen + xlen + clen;
        if zip.get(local..local + 4) != Some(&[0x50, 0x4b, 0x03, 0x04]) {
            return Err(bad("bad zip entry"));
        }
        let lnlen = u16_at(zip, local + 26).ok_or_else(|| bad("short"))?;
        let lxlen = u16_at(zip, local + 28).ok_or_else(|| bad("short"))?;
        let start = local + 30 + lnlen + lxlen;
        let data = zip
            .get(start..start.saturating_add(csize))
            .ok_or_else(|| bad("zip entry out of range"))?;
        out.push((name, method, data));
    }
    Ok(out)
}

fn inflate(method: usize, data: &[u8]) -> Result<String, ImportError> {
    let bytes = match method {
        0 => data.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_PART)
            .map_err(|_| bad("cannot inflate a part (damaged, or too large)"))?,
        _ => return Err(bad("unsupported zip compression")),
    };
    String::from_utf8(bytes).map_err(|_| bad("a part is not UTF-8"))
}

/// The text of a `.docx` or `.xlsx`.
pub fn read(zip: &[u8]) -> Result<(String, Format), ImportError> {
    let entries = entries(zip)?;
    let part = |name: &str| -> Result<Option<String>, ImportError> {
        entries
            .iter()
            .find(|e| e.0 == name)
            .map(|e| inflate(e.1, e.2))
            .transpose()
    };
    let text = if let Some(doc) = part("word/document.xml")? {
        (docx(&doc), Format::Docx)
    } else {
        let sheet = entries
            .iter()
            .filter(|e| e.0.starts_with("xl/worksheets/sheet") && e.0.ends_with(".xml"))
            .min_by_key(|e| (e.0.len(), e.0.clone()))
            .ok_or_else(|| bad("neither word/document.xml nor a worksheet"))?;
        let sheet = inflate(sheet.1, sheet.2)?;
        let strings = part("xl/sharedStrings.xml")?.unwrap_or_default();
        (xlsx(&sheet, &shared_strings(&strings)), Format::Xlsx)
    };
    if text.0.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.0.len() as u64,
        });
    }
    Ok(text)
}

/// One XML event.
enum Ev<'a> {
    /// A start tag: name (with prefix), attributes text, self-closing.
    Open(&'a str, &'a str, bool),
    Close(&'a str),
    Text(&'a str),
}

/// The events of an XML text, in order (comments, declarations and
/// processing instructions skipped; CDATA as text).
fn events(xml: &str) -> impl Iterator<Item = Ev<'_>> {
    let mut rest = xml;
    std::iter::from_fn(move || loop {
        if rest.is_empty() {
            return None;
        }
        if !rest.starts_with('<') {
            let end = rest.find('<').unwrap_or(rest.len());
            let t = &rest[..end];
            rest = &rest[end..];
            return Some(Ev::Text(t));
        }
        if let Some(r) = rest.strip_prefix("<![CDATA[") {
            let end = r.find("]]>").unwrap_or(r.len());
            let t = &r[..end];
            rest = r.get(end + 3..).unwrap_or("");
            return Some(Ev::Text(t));
        }
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map_or("", |e| &rest[e + 3..]);
            continue;
        }
        let Some(gt) = rest.find('>') else {
            rest = "";
            return None;
        };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        if tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        if let Some(name) = tag.strip_prefix('/') {
            return Some(Ev::Close(name.trim()));
        }
        let (tag, empty) = match tag.strip_suffix('/') {
            Some(t) => (t, true),
            None => (tag, false),
        };
        let split = tag.find(|c: char| c.is_whitespace()).unwrap_or(tag.len());
        return Some(Ev::Open(&tag[..split], &tag[split..], empty));
    })
}

fn attr<'a>(attrs: &'a str, name: &str) -> Option<&'a str> {
    let mut rest = attrs;
    while let Some(at) = rest.find(name) {
        let before_ok = at == 0 || rest[..at].ends_with(char::is_whitespace);
        let after = &rest[at + name.len()..];
        if before_ok {
            if let Some(v) = after.trim_start().strip_prefix('=') {
                let v = v.trim_start();
                let q = v.chars().next()?;
                if q == '"' || q == '\'' {
                    let v = &v[1..];
                    return v.find(q).map(|e| &v[..e]);
                }
            }
        }
        rest = after;
    }
    None
}

/// XML text with its entities decoded (the decoder the HTML reader uses).
fn unescape(out: &mut String, t: &str) {
    super::format::push_entities(out, t);
}

fn docx(xml: &str) -> String {
    let mut out = String::new();
    let mut in_text = false;
    let mut cell_depth = 0usize;
    let mut para_in_cell = 0usize;
    // Automatic numbering: counters per (list, level).
    let mut counters: std::collections::HashMap<(String, usize), u32> = Default::default();
    let mut num: (Option<String>, usize) = (None, 0);
    let mut para_start = 0;
    for ev in events(xml) {
        match ev {
            Ev::Open("w:p", _, false) => {
                num = (None, 0);
                para_start = out.len();
                if cell_depth > 0 {
                    if para_in_cell > 0 {
                        out.push(' ');
                        para_start = out.len();
                    }
                    para_in_cell += 1;
                }
            }
            Ev::Open("w:numId", a, _) => num.0 = attr(a, "w:val").map(str::to_string),
            Ev::Open("w:ilvl", a, _) => {
                num.1 = attr(a, "w:val").and_then(|v| v.parse().ok()).unwrap_or(0)
            }
            Ev::Close("w:pPr") => {
                if let Some(id) = num.0.clone().filter(|id| id != "0") {
                    let level = num.1.min(8);
                    let n = counters.entry((id.clone(), level)).or_insert(0);
                    *n += 1;
                    let n = *n;
                    for deeper in level + 1..9 {
                        counters.remove(&(id.clone(), deeper));
                    }
                    out.insert_str(para_start, &format!("{n}．"));
                }
            }
            Ev::Open("w:t", _, false) => in_text = true,
            Ev::Close("w:t") => in_text = false,
            Ev::Text(t) if in_text => unescape(&mut out, t),
            Ev::Open("w:tab", _, _) if cell_depth == 0 => out.push('\t'),
            Ev::Open("w:br", _, _) | Ev::Open("w:cr", _, _) => {
                out.push(if cell_depth > 0 { ' ' } else { '\n' })
            }
            Ev::Close("w:p") if cell_depth == 0 => out.push('\n'),
            Ev::Open("w:tc", _, false) => {
                cell_depth += 1;
                para_in_cell = 0;
            }
            Ev::Close("w:tc") => {
                cell_depth = cell_depth.saturating_sub(1);
                out.push('\t');
            }
            Ev::Close("w:tr") => {
                if out.ends_with('\t') {
                    out.pop();
                }
                out.push('\n');
            }
            _ => {}
        }
    }
    out
}

fn shared_strings(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut in_t = false;
    for ev in events(xml) {
        match ev {
            Ev::Open("si", _, false) => cur = Some(String::new()),
            Ev::Open("si", _, true) => out.push(String::new()),
            Ev::Close("si") => out.push(cur.take().unwrap_or_default()),
            Ev::Open("t", _, false) => in_t = true,
            Ev::Close("t") => in_t = false,
            Ev::Text(t) if in_t => {
                if let Some(c) = cur.as_mut() {
                    unescape(c, t);
                }
            }
            _ => {}
        }
    }
    out
}

/// "BC12" → 54 (0-based column).
fn column_of(r: &str) -> usize {
    r.chars()
        .take_while(|c| c.is_ascii_alphabetic())
        .fold(0usize, |n, c| {
            (n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1)).min(16_384)
        })
        .saturating_sub(1)
}

fn xlsx(xml: &str, strings: &[String]) -> String {
    let mut out = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut col = 0usize;
    let mut kind = String::new();
    let mut value: Option<String> = None;
    let mut in_v = false;
    for ev in events(xml) {
        match ev {
            Ev::Open("row", _, empty) => {
                row.clear();
                col = 0;
                if empty {
                    out.push('\n');
                }
            }
            Ev::Close("row") => {
                out.push_str(&row.join("\t"));
                out.push('\n');
            }
            Ev::Open("c", a, empty) => {
                col = attr(a, "r").map_or(col, column_of);
                kind = attr(a, "t").unwrap_or("").to_string();
                value = None;
                if empty {
                    col += 1;
                }
            }
            Ev::Open("v", _, false) | Ev::Open("t", _, false) => in_v = true,
            Ev::Close("v") | Ev::Close("t") => in_v = false,
            Ev::Text(t) if in_v => unescape(value.get_or_insert_with(String::new), t),
            Ev::Close("c") => {
                let v = value.take().unwrap_or_default();
                let v = if kind == "s" {
                    v.trim()
                        .parse::<usize>()
                        .ok()
                        .and_then(|i| strings.get(i).cloned())
                        .unwrap_or_default()
                } else {
                    v
                };
                if col < 16_384 {
                    if row.len() <= col {
                        row.resize(col + 1, String::new());
                    }
                    row[col] = v.replace(['\t', '\n', '\r'], " ");
                }
                col += 1;
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A ZIP archive of stored entries, for tests.
    pub fn stored_zip(files: &[(&str, &str)]) -> Vec<u8> {
        let mut out = Vec::new();
        let mut dir = Vec::new();
        for (name, body) in files {
            let off = out.len() as u32;
            out.extend([0x50, 0x4b, 0x03, 0x04]);
            out.extend([20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            out.extend((body.len() as u32).to_le_bytes());
            out.extend((body.len() as u32).to_le_bytes());
            out.extend((name.len() as u16).to_le_bytes());
            out.extend(0u16.to_le_bytes());
            out.extend(name.as_bytes());
            out.extend(body.as_bytes());
            dir.extend([
                0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
            ]);
            dir.extend((body.len() as u32).to_le_bytes());
            dir.extend((body.len() as u32).to_le_bytes());
            dir.extend((name.len() as u16).to_le_bytes());
            dir.extend([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
            dir.extend(off.to_le_bytes());
            dir.extend(name.as_bytes());
        }
        let cd = out.len() as u32;
        out.extend(&dir);
        out.extend([0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((files.len() as u16).to_le_bytes());
        out.extend((dir.len() as u32).to_le_bytes());
        out.extend(cd.to_le_bytes());
        out.extend([0, 0]);
        out
    }

    #[test]
    fn docx_paragraphs_tables_and_numbering() {
        let xml = r#"<?xml version="1.0"?><w:document><w:body>
<w:p><w:r><w:t>一、甲类</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>做第一件事&amp;。</w:t></w:r></w:p>
<w:p><w:pPr><w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr></w:pPr><w:r><w:t>做第二件事。</w:t></w:r></w:p>
<w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p><w:p><w:r><w:t>二段</w:t></w:r></w:p></w:tc></w:tr></w:tbl>
</w:body></w:document>"#;
        let zip = stored_zip(&[("word/document.xml", xml)]);
        let (t, f) = read(&zip).unwrap();
        assert_eq!(f, Format::Docx);
        assert_eq!(
            t,
            "一、甲类\n1．做第一件事&。\n2．做第二件事。\n序号\t任务 二段\n"
        );
    }

    #[test]
    fn xlsx_shared_strings_and_gaps() {
        let ss =
            r#"<sst><si><t>指标</t></si><si><r><t>地区</t></r><r><t>生产总值</t></r></si></sst>"#;
        let sheet = r#"<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1"><v>2025</v></c></row><row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>亿元</t></is></c><c r="C2"><v>2.7</v></c></row></sheetData></worksheet>"#;
        let zip = stored_zip(&[
            ("xl/sharedStrings.xml", ss),
            ("xl/worksheets/sheet1.xml", sheet),
        ]);
        let (t, f) = read(&zip).unwrap();
        assert_eq!(f, Format::Xlsx);
        assert_eq!(t, "指标\t\t2025\n地区生产总值\t亿元\t2.7\n");
    }

    #[test]
    fn a_deflated_docx_task_table_imports() {
        let xml = r#"<w:document><w:body><w:tbl>
<w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>重点任务</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>牵头单位</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>配合单位</w:t></w:r></w:p></w:tc></w:tr>
<w:tr><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>建设平台</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>省科技厅</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>省财政厅</w:t></w:r></w:p></w:tc></w:tr>
</w:tbl></w:body></w:document>"#;
        let mut zip = stored_zip(&[("word/document.xml", xml)]);
        // Re-pack the entry deflated (method 8).
        let packed = miniz_oxide::deflate::compress_to_vec(xml.as_bytes(), 6);
        let name = "word/document.xml";
        let data_at = 30 + name.len();
        let dir: Vec<u8> = zip[data_at + xml.len()..].to_vec();
        zip.truncate(data_at);
        zip[8] = 8;
        zip[18..22].copy_from_slice(&(packed.len() as u32).to_le_bytes());
        zip.extend(&packed);
        let cd = zip.len() as u32;
        let mut dir = dir;
        dir[10] = 8;
        dir[20..24].copy_from_slice(&(packed.len() as u32).to_le_bytes());
        let n = dir.len();
        dir[n - 6..n - 2].copy_from_slice(&cd.to_le_bytes());
        zip.extend(&dir);
        let imp = crate::import::import("plan.docx", &zip, &Default::default()).unwrap();
        assert_eq!(imp.report.format, Format::Docx);
        assert_eq!(imp.tasks.len(), 1);
        assert_eq!(imp.tasks[0].units[0].agency, "prov-sti");
        assert_eq!(imp.tasks[0].units[1].role, crate::Role::Support);
    }

    #[test]
    fn damaged_archives_are_errors() {
        assert!(read(b"PK\x03\x04garbage").is_err());
        let mut zip = stored_zip(&[("word/document.xml", "<w:p/>")]);
        let n = zip.len();
        zip[n - 6] = 0xff; // the directory's offset points outside
        assert!(read(&zip).is_err());
    }
}
