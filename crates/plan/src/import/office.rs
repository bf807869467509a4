//! `.docx` and `.xlsx`: the archive is read by the `zip` crate (stored and
//! deflated entries, ZIP64, every part's CRC checked, a part inflated to at
//! most 64 MiB) and the XML by `quick-xml`; both compile to wasm
//! (the importer's worker) and pull in no C code.
//!
//! * `.docx`: `word/document.xml`; a paragraph is a line, a table row is a
//!   line of tab-separated cells (paragraphs in a cell joined by a space),
//!   `<w:tab/>` a tab, `<w:br/>` a line end. A paragraph with automatic
//!   numbering gets its number written out (`1．`, counted per list and
//!   level) since a task split's numbers are often automatic.
//! * `.xlsx`: the first worksheet in the workbook's order (its `<sheets>`,
//!   each `r:id` resolved through the workbook's relationships), a row per
//!   line, cells by their column letters (gaps as empty cells), shared and
//!   inline strings resolved without their phonetic runs (`<rPh>`). An
//!   archive with no workbook part (not an office suite's) gives its
//!   lowest-numbered `xl/worksheets/sheetN.xml`.
//!
//! A damaged archive (a part whose CRC does not match, a truncated
//! directory, XML that is not well-formed) is an error, never garbage.

use std::io::{Cursor, Read};

use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use zip::result::ZipError;
use zip::ZipArchive;

use super::format::{Format, MAX_BYTES};
use super::ImportError;

/// The largest part inflated: a 20 MiB file may not hide a gigabyte.
const MAX_PART: usize = 64 * 1024 * 1024;

fn bad(why: impl Into<String>) -> ImportError {
    ImportError::BadOffice(why.into())
}

type Archive<'a> = ZipArchive<Cursor<&'a [u8]>>;

/// The text of a part, or `None` when the archive has no such part.
fn part(zip: &mut Archive<'_>, name: &str) -> Result<Option<String>, ImportError> {
    let mut file = match zip.by_name(name) {
        Ok(f) => f,
        Err(ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(bad(format!("cannot read {name} ({e})"))),
    };
    if file.size() > MAX_PART as u64 {
        return Err(bad(format!("{name} is too large once inflated")));
    }
    let mut bytes = Vec::with_capacity(file.size() as usize);
    Read::by_ref(&mut file)
        .take(MAX_PART as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| bad(format!("{name} is damaged ({e})")))?;
    if bytes.len() > MAX_PART {
        return Err(bad(format!("{name} is too large once inflated")));
    }
    let text = String::from_utf8(bytes).map_err(|_| bad(format!("{name} is not UTF-8")))?;
    Ok(Some(match text.strip_prefix('\u{feff}') {
        Some(t) => t.to_string(),
        None => text,
    }))
}

/// The text of a `.docx` or `.xlsx`.
pub fn read(bytes: &[u8]) -> Result<(String, Format), ImportError> {
    let mut zip = ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| bad(format!("not a readable zip archive ({e})")))?;
    let text = if let Some(doc) = part(&mut zip, "word/document.xml")? {
        (docx(&doc)?, Format::Docx)
    } else {
        let name = first_sheet(&mut zip)?;
        let sheet = part(&mut zip, &name)?
            .ok_or_else(|| bad(format!("the workbook's first sheet, {name}, is missing")))?;
        let strings = match part(&mut zip, "xl/sharedStrings.xml")? {
            Some(s) => shared_strings(&s)?,
            None => Vec::new(),
        };
        (xlsx(&sheet, &strings)?, Format::Xlsx)
    };
    if text.0.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            bytes: text.0.len() as u64,
        });
    }
    Ok(text)
}

/// The target of the package's main part (`_rels/.rels`, `officeDocument`).
fn main_part(zip: &mut Archive<'_>) -> Result<Option<String>, ImportError> {
    let Some(rels) = part(zip, "_rels/.rels")? else {
        return Ok(None);
    };
    Ok(relationships(&rels, "_rels/.rels", "")?
        .into_iter()
        .find(|r| r.1.ends_with("/officeDocument"))
        .map(|r| r.2))
}

/// The part of the first worksheet in the workbook's `<sheets>` order.
fn first_sheet(zip: &mut Archive<'_>) -> Result<String, ImportError> {
    let book_name = main_part(zip)?
        .filter(|p| p.ends_with(".xml"))
        .unwrap_or_else(|| "xl/workbook.xml".into());
    let Some(book) = part(zip, &book_name)? else {
        return lowest_numbered_sheet(zip);
    };
    let (dir, file) = book_name.rsplit_once('/').unwrap_or(("", &book_name));
    let rels_name = match dir {
        "" => format!("_rels/{file}.rels"),
        d => format!("{d}/_rels/{file}.rels"),
    };
    let rels = part(zip, &rels_name)?
        .ok_or_else(|| bad(format!("the workbook has no relationships ({rels_name})")))?;
    let rels = relationships(&rels, &rels_name, dir)?;
    let mut ids = Vec::new();
    scan(&book, &book_name, true, |ev| {
        if let Ev::Open("sheet", tag, _) = ev {
            ids.extend(attr_local(tag, "id"));
        }
    })?;
    ids.iter()
        .find_map(|id| {
            rels.iter()
                .find(|r| &r.0 == id && r.1.ends_with("/worksheet"))
                .map(|r| r.2.clone())
        })
        .ok_or_else(|| bad("the workbook lists no worksheet"))
}

fn lowest_numbered_sheet(zip: &mut Archive<'_>) -> Result<String, ImportError> {
    zip.file_names()
        .flatten()
        .filter_map(|n| {
            let k = n
                .strip_prefix("xl/worksheets/sheet")?
                .strip_suffix(".xml")?;
            Some((k.parse::<u64>().ok()?, n))
        })
        .min()
        .map(|(_, n)| n.to_string())
        .ok_or_else(|| bad("neither word/document.xml nor a worksheet"))
}

/// A relationships part: (id, type, target resolved against `dir`).
fn relationships(
    xml: &str,
    name: &str,
    dir: &str,
) -> Result<Vec<(String, String, String)>, ImportError> {
    let mut out = Vec::new();
    scan(xml, name, true, |ev| {
        if let Ev::Open("Relationship", tag, _) = ev {
            if let (Some(id), Some(kind), Some(target)) =
                (attr(tag, "Id"), attr(tag, "Type"), attr(tag, "Target"))
            {
                out.push((id, kind, resolve(dir, &target)));
            }
        }
    })?;
    Ok(out)
}

/// A relationship's target as a part name: `/xl/a.xml` from the package's
/// root, `worksheets/../a.xml` from `dir`.
fn resolve(dir: &str, target: &str) -> String {
    let mut parts: Vec<&str> = match target.strip_prefix('/') {
        Some(_) => Vec::new(),
        None => dir.split('/').filter(|s| !s.is_empty()).collect(),
    };
    for seg in target.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// One XML event.
enum Ev<'a> {
    /// A start tag: its name (with its prefix, unless scanned without), the
    /// tag, self-closing.
    Open(&'a str, &'a BytesStart<'a>, bool),
    Close(&'a str),
    /// Text, CDATA or a resolved entity.
    Text(&'a str),
}

/// The events of `xml` (the part `name`), in order, given to `on`;
/// `local`: element names without their prefixes.
fn scan(xml: &str, name: &str, local: bool, mut on: impl FnMut(Ev<'_>)) -> Result<(), ImportError> {
    let mut reader = Reader::from_str(xml);
    loop {
        let ev = reader.read_event().map_err(|_| {
            let at = reader.error_position();
            bad(format!("{name} is not well-formed XML (at byte {at})"))
        })?;
        match &ev {
            Event::Start(t) => on(Ev::Open(short(t.name().0, local), t, false)),
            Event::Empty(t) => on(Ev::Open(short(t.name().0, local), t, true)),
            Event::End(t) => on(Ev::Close(short(t.name().0, local))),
            Event::Text(t) => on(Ev::Text(&t.xml10_content())),
            Event::CData(t) => on(Ev::Text(&t.xml10_content())),
            Event::GeneralRef(r) => {
                let mut buf = [0u8; 4];
                match r.resolve_char_ref() {
                    Ok(Some(c)) => on(Ev::Text(c.encode_utf8(&mut buf))),
                    Ok(None) => match quick_xml::escape::resolve_predefined_entity(r) {
                        Some(s) => on(Ev::Text(s)),
                        None => on(Ev::Text(&format!("&{};", &**r))),
                    },
                    Err(_) => {
                        return Err(bad(format!("{name}: a bad character reference &{};", &**r)))
                    }
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}

fn short(name: &str, local: bool) -> &str {
    match name.rsplit_once(':') {
        Some((_, l)) if local => l,
        _ => name,
    }
}

/// An attribute's value by its name as written (`w:val`).
fn attr(tag: &BytesStart<'_>, name: &str) -> Option<String> {
    let a = tag.try_get_attribute(name).ok()??;
    Some(
        a.normalized_value(XmlVersion::Implicit1_0)
            .ok()?
            .into_owned(),
    )
}

/// An attribute's value by its name without its prefix (`r:id` → `id`).
fn attr_local(tag: &BytesStart<'_>, local: &str) -> Option<String> {
    tag.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == local)
        .and_then(|a| {
            Some(
                a.normalized_value(XmlVersion::Implicit1_0)
                    .ok()?
                    .into_owned(),
            )
        })
}

fn docx(xml: &str) -> Result<String, ImportError> {
    let mut out = String::new();
    let mut in_text = false;
    let mut cell_depth = 0usize;
    let mut para_in_cell = 0usize;
    // Automatic numbering: counters per (list, level).
    let mut counters: std::collections::HashMap<(String, usize), u32> = Default::default();
    let mut num: (Option<String>, usize) = (None, 0);
    let mut para_start = 0;
    scan(xml, "word/document.xml", false, |ev| match ev {
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
        Ev::Open("w:numId", a, _) => num.0 = attr(a, "w:val"),
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
        Ev::Text(t) if in_text => out.push_str(t),
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
    })?;
    Ok(out)
}

/// The shared strings, each its runs' text without the phonetic runs.
fn shared_strings(xml: &str) -> Result<Vec<String>, ImportError> {
    let mut out = Vec::new();
    let mut cur: Option<String> = None;
    let mut in_t = false;
    let mut phonetic = 0usize;
    scan(xml, "xl/sharedStrings.xml", true, |ev| match ev {
        Ev::Open("si", _, false) => cur = Some(String::new()),
        Ev::Open("si", _, true) => out.push(String::new()),
        Ev::Close("si") => out.push(cur.take().unwrap_or_default()),
        Ev::Open("rPh", _, false) => phonetic += 1,
        Ev::Close("rPh") => phonetic = phonetic.saturating_sub(1),
        Ev::Open("t", _, false) => in_t = true,
        Ev::Close("t") => in_t = false,
        Ev::Text(t) if in_t && phonetic == 0 => {
            if let Some(c) = cur.as_mut() {
                c.push_str(t);
            }
        }
        _ => {}
    })?;
    Ok(out)
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

fn xlsx(xml: &str, strings: &[String]) -> Result<String, ImportError> {
    let mut out = String::new();
    let mut row: Vec<String> = Vec::new();
    let mut col = 0usize;
    let mut kind = String::new();
    let mut value: Option<String> = None;
    let mut in_v = false;
    let mut phonetic = 0usize;
    scan(xml, "the first worksheet", true, |ev| match ev {
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
            col = attr(a, "r").map_or(col, |r| column_of(&r));
            kind = attr(a, "t").unwrap_or_default();
            value = None;
            if empty {
                col += 1;
            }
        }
        Ev::Open("rPh", _, false) => phonetic += 1,
        Ev::Close("rPh") => phonetic = phonetic.saturating_sub(1),
        Ev::Open("v", _, false) | Ev::Open("t", _, false) => in_v = true,
        Ev::Close("v") | Ev::Close("t") => in_v = false,
        Ev::Text(t) if in_v && phonetic == 0 => value.get_or_insert_with(String::new).push_str(t),
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
    })?;
    Ok(out)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// A ZIP archive of these parts, each stored or deflated.
    pub fn zip_of(files: &[(&str, &str)], method: zip::CompressionMethod) -> Vec<u8> {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let options = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, body) in files {
            w.start_file(*name, options).unwrap();
            w.write_all(body.as_bytes()).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    pub fn stored_zip(files: &[(&str, &str)]) -> Vec<u8> {
        zip_of(files, zip::CompressionMethod::Stored)
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
        let zip = zip_of(
            &[("word/document.xml", xml)],
            zip::CompressionMethod::Deflated,
        );
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

    #[test]
    fn targets_resolve_from_the_workbooks_folder_or_the_root() {
        assert_eq!(
            resolve("xl", "worksheets/sheet1.xml"),
            "xl/worksheets/sheet1.xml"
        );
        assert_eq!(resolve("xl", "/xl/worksheets/s.xml"), "xl/worksheets/s.xml");
        assert_eq!(
            resolve("xl/a", "../worksheets/./s.xml"),
            "xl/worksheets/s.xml"
        );
        assert_eq!(resolve("", "xl/workbook.xml"), "xl/workbook.xml");
    }

    #[test]
    fn without_a_workbook_the_lowest_numbered_sheet_is_read() {
        let row = |t: &str| {
            format!(
                r#"<worksheet><sheetData><row><c t="inlineStr"><is><t>{t}</t></is></c></row></sheetData></worksheet>"#
            )
        };
        let (ten, two) = (row("十"), row("二"));
        let zip = stored_zip(&[
            ("xl/worksheets/sheet10.xml", &ten),
            ("xl/worksheets/sheet2.xml", &two),
        ]);
        assert_eq!(read(&zip).unwrap().0, "二\n");
    }

    #[test]
    fn xml_that_is_not_well_formed_is_an_error() {
        let zip = stored_zip(&[("word/document.xml", "<w:p><w:t>甲</w:p></w:t>")]);
        let e = read(&zip).unwrap_err();
        assert!(
            matches!(&e, ImportError::BadOffice(m) if m.contains("well-formed")),
            "{e:?}"
        );
    }
}
