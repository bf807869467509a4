//! `.docx` and `.xlsx` as an office suite writes them (content types,
//! relationships, namespaces, deflated parts), built here with the `zip`
//! writer and read through the importer's public entry points; a damaged
//! part (its CRC) and a ZIP64 archive.

use std::io::{Cursor, Read, Write};

use plan::import::decode::decode;
use plan::import::{import, ImportError, ImportOptions};
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipArchive, ZipWriter};

fn archive(parts: &[(&str, &str)], options: SimpleFileOptions) -> Vec<u8> {
    let mut w = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, body) in parts {
        w.start_file(*name, options).unwrap();
        w.write_all(body.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

fn deflated() -> SimpleFileOptions {
    SimpleFileOptions::default().compression_method(CompressionMethod::Deflated)
}

const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

fn run(text: &str) -> String {
    format!(
        r#"<w:r><w:rPr><w:rFonts w:hint="eastAsia"/></w:rPr><w:t xml:space="preserve">{text}</w:t></w:r>"#
    )
}

fn cell(text: &str) -> String {
    format!(
        r#"<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}</w:p></w:tc>"#,
        run(text)
    )
}

fn row(cells: &[&str]) -> String {
    let cells: String = cells.iter().map(|c| cell(c)).collect();
    format!("<w:tr><w:trPr><w:jc w:val=\"center\"/></w:trPr>{cells}</w:tr>")
}

fn docx_parts() -> Vec<(&'static str, String)> {
    let body = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document {W}><w:body><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{}{}</w:p><w:p>{}</w:p><w:tbl><w:tblPr><w:tblW w:w="0" w:type="auto"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/></w:tblGrid>{}{}</w:tbl><w:sectPr><w:pgSz w:w="11906" w:h="16838"/></w:sectPr></w:body></w:document>"#,
        run("重点任务"),
        run("分工方案"),
        run("研发&amp;转化 &#x4E00;项"),
        row(&["序号", "重点任务", "牵头单位", "配合单位"]),
        row(&["1", "建设科技创新平台", "省科技厅", "省财政厅"]),
    );
    vec![
        ("[Content_Types].xml", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#.into()),
        ("_rels/.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#.into()),
        ("word/document.xml", body),
        ("word/_rels/document.xml.rels", r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#.into()),
        ("word/styles.xml", format!(r#"<w:styles {W}/>"#)),
    ]
}

fn docx(options: SimpleFileOptions) -> Vec<u8> {
    let parts = docx_parts();
    let parts: Vec<(&str, &str)> = parts.iter().map(|(n, b)| (*n, b.as_str())).collect();
    archive(&parts, options)
}

const DOCX_TEXT: &str = "重点任务分工方案\n研发&转化 一项\n序号\t重点任务\t牵头单位\t配合单位\n1\t建设科技创新平台\t省科技厅\t省财政厅\n";

#[test]
fn a_docx_reads_as_its_paragraphs_and_table_rows() {
    let bytes = docx(deflated());
    let d = decode("plan.docx", &bytes).unwrap();
    assert_eq!(d.format, plan::import::Format::Docx);
    assert_eq!(d.text, DOCX_TEXT);
    let imp = import("plan.docx", &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(imp.tasks.len(), 1);
    assert_eq!(imp.tasks[0].text, "建设科技创新平台");
    assert_eq!(imp.tasks[0].units[0].agency, "prov-sti");
    assert_eq!(imp.tasks[0].units[1].role, plan::Role::Support);
}

const SS: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// A workbook whose first sheet (by the workbook's order) is
/// `sheet10.xml`, a longer name than the second's `sheet2.xml`.
fn xlsx() -> Vec<u8> {
    let book = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="{SS}" xmlns:r="{REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets><sheet name="主要指标" sheetId="10" r:id="rId3"/><sheet name="说明" sheetId="2" r:id="rId1"/></sheets></workbook>"#
    );
    let rels = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="{REL}/worksheet" Target="worksheets/sheet10.xml"/></Relationships>"#
    );
    // 地区生产总值 with a phonetic run (Excel writes them for CJK text).
    let strings = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="{SS}" count="6" uniqueCount="6"><si><t>指标</t></si><si><t>单位</t></si><si><t>2020年（基期）</t></si><si><t>2025年目标</t></si><si><r><rPr><b/></rPr><t>地区生产</t></r><r><t>总值</t></r><rPh sb="0" eb="2"><t>ちくせいさん</t></rPh><phoneticPr fontId="1" type="noConversion"/></si><si><t>这张表不是第一张</t></si></sst>"#
    );
    let sheet10 = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{SS}" xmlns:r="{REL}"><dimension ref="A1:D2"/><sheetData><row r="1" spans="1:4"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row><row r="2" spans="1:4"><c r="A2" t="s"><v>4</v></c><c r="B2" t="inlineStr"><is><t>亿元</t><rPh sb="0" eb="1"><t>おく</t></rPh></is></c><c r="C2" s="1"><v>12000</v></c><c r="D2"><f>C2*17/12</f><v>17000</v></c></row></sheetData></worksheet>"#
    );
    let sheet2 = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="{SS}"><sheetData><row r="1"><c r="A1" t="s"><v>5</v></c></row></sheetData></worksheet>"#
    );
    let types = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>"#;
    let root = format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
    );
    archive(
        &[
            ("[Content_Types].xml", types),
            ("_rels/.rels", &root),
            ("xl/workbook.xml", &book),
            ("xl/_rels/workbook.xml.rels", &rels),
            ("xl/worksheets/sheet2.xml", &sheet2),
            ("xl/worksheets/sheet10.xml", &sheet10),
            ("xl/sharedStrings.xml", &strings),
        ],
        deflated(),
    )
}

#[test]
fn an_xlsx_reads_its_first_sheet_in_the_workbooks_order() {
    let bytes = xlsx();
    let d = decode("plan.xlsx", &bytes).unwrap();
    assert_eq!(d.format, plan::import::Format::Xlsx);
    assert_eq!(
        d.text,
        "指标\t单位\t2020年（基期）\t2025年目标\n地区生产总值\t亿元\t12000\t17000\n"
    );
    assert!(!d.text.contains("ちく") && !d.text.contains("おく"));
    let imp = import("plan.xlsx", &bytes, &ImportOptions::default()).unwrap();
    assert_eq!(imp.indicators.len(), 1);
    let gdp = &imp.indicators[0];
    assert_eq!(
        (gdp.name.as_str(), gdp.unit.as_str()),
        ("地区生产总值", "亿元")
    );
    let points: Vec<(Option<i32>, f64)> = gdp.points.iter().map(|p| (p.year, p.value)).collect();
    assert_eq!(points, vec![(Some(2020), 12000.0), (Some(2025), 17000.0)]);
}

/// Where a part's bytes are in the archive: (start, length).
fn data_of(bytes: &[u8], name: &str) -> (usize, usize) {
    let mut zip = ZipArchive::new(Cursor::new(bytes)).unwrap();
    let f = zip.by_name(name).unwrap();
    (
        f.data_start().unwrap() as usize,
        f.compressed_size() as usize,
    )
}

fn damage(message: &str) {
    assert!(
        message.contains("word/document.xml") && message.contains("damaged"),
        "{message}"
    );
}

#[test]
fn a_part_whose_crc_does_not_match_is_an_error() {
    // Stored: a changed letter is still well-formed XML; only the CRC tells.
    let mut bytes =
        docx(SimpleFileOptions::default().compression_method(CompressionMethod::Stored));
    let (at, len) = data_of(&bytes, "word/document.xml");
    let i = at
        + bytes[at..at + len]
            .windows(4)
            .position(|w| w == b"auto")
            .unwrap();
    bytes[i] = b'b';
    match decode("plan.docx", &bytes) {
        Err(ImportError::BadOffice(m)) => {
            damage(&m);
            assert!(m.to_lowercase().contains("checksum"), "{m}");
        }
        other => panic!("{other:?}"),
    }
    // Deflated: a flipped byte is an error (a bad stream or a bad CRC).
    let mut bytes = docx(deflated());
    let (at, len) = data_of(&bytes, "word/document.xml");
    bytes[at + len / 2] ^= 0x55;
    match decode("plan.docx", &bytes) {
        Err(ImportError::BadOffice(m)) => damage(&m),
        other => panic!("{other:?}"),
    }
}

#[test]
fn a_zip64_archive_reads() {
    let bytes = docx(deflated().large_file(true));
    // ZIP64 extra fields (header id 0x0001, then 16 bytes of sizes).
    assert!(bytes.windows(4).any(|w| w == [0x01, 0x00, 0x10, 0x00]));
    assert_eq!(decode("plan.docx", &bytes).unwrap().text, DOCX_TEXT);
    // The part reads back with the writer's crate too (the same bytes).
    let mut zip = ZipArchive::new(Cursor::new(&bytes[..])).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains("建设科技创新平台"));
}

#[test]
fn an_archive_with_neither_part_says_so() {
    let bytes = archive(&[("docProps/app.xml", "<Properties/>")], deflated());
    match decode("plan.docx", &bytes) {
        Err(ImportError::BadOffice(m)) => assert!(m.contains("word/document.xml"), "{m}"),
        other => panic!("{other:?}"),
    }
}
