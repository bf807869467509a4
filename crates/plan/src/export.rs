//! The export schema: the whole dataset as JSON, and its tables as CSV.
//!
//! This is a promise to users and scripts (README documents it): fields are
//! only ever added. `schema` names the version.

use serde::Serialize;

use super::indicators::Reading;
use super::{unique, Dataset, Role};
use crate::Lang;

pub const SCHEMA: &str = "changzhutan-plans/1";

/// The schema in short, as the data page shows it (README has it in full).
pub const SCHEMA_TEXT: &str = "{schema, documents:[{id,file,title,title_en,kind,date,role_rule,summary,summary_en}],
 tasks:[{id,document,number,category,category_en,text,lead:[agency id],support:[agency id],
         units:[{agency,role,as_written,note}],targets:[{year,label,text}],
         quote,lines:[start,end],problems:[string]}],
 agencies:[{id,name,name_en,names:[string],kind,note,note_en}],
 indicators:[{id,name,name_en,unit,unit_en,unit_en_short,document,group,group_en,measure,note,note_en,
              reading:{judgement,reason,reason_en},
              points:[{year,value,bound,kind,as_written,quote,lines,note,note_en,reading}]}],
 places:[{id,name,name_en,short_en,kind,document,quote,lines,lon,lat,coord_source,parent,line,area,label,
          note,note_en,reading}],
 statements:[{id,name,name_en,document,group,group_en,kind,year,claim,claim_en,quote,lines,note,note_en,reading}],
 groups:[{document,zh,en}], categories:[{document,zh,en}],
 milestones:[{year,date,label,label_en,document,quote,lines,note,note_en,reading}],
 renames:[{agency,former,former_en,name,name_en,change,managed_by,date,reason,reason_en,source,source_en}],
 aliases:[{old,new,kind,reason,reason_en}]}";

#[derive(Serialize)]
pub struct Export<'a> {
    pub schema: &'static str,
    pub documents: Vec<ExDocument<'a>>,
    pub tasks: Vec<ExTask<'a>>,
    pub agencies: Vec<ExAgency<'a>>,
    pub indicators: Vec<ExIndicator<'a>>,
    pub places: Vec<ExPlace<'a>>,
    pub statements: Vec<ExStatement<'a>>,
    /// The goal groups in English, in display order.
    pub groups: Vec<ExNamed<'a>>,
    /// Every document's task categories in English.
    pub categories: Vec<ExNamed<'a>>,
    pub milestones: Vec<ExMilestone<'a>>,
    /// Former name → name after the 2018 reform.
    pub renames: Vec<super::agencies::Rename<'a>>,
    /// Ids that moved: old → new.
    pub aliases: &'a [super::Alias],
}

/// A heading in both languages (a goal group, or a document's category).
#[derive(Serialize)]
pub struct ExNamed<'a> {
    /// The document a category belongs to; null for a group.
    pub document: Option<&'a str>,
    pub zh: &'a str,
    pub en: &'a str,
}

/// A date in the plans' history.
#[derive(Serialize)]
pub struct ExMilestone<'a> {
    pub year: i32,
    /// As precise as the text gives it ("2013-11"), or null.
    pub date: Option<&'a str>,
    pub label: &'a str,
    pub label_en: &'a str,
    pub document: &'a str,
    pub quote: &'a str,
    pub lines: [u32; 2],
    pub note: Option<&'a str>,
    pub note_en: Option<&'a str>,
    pub reading: Option<&'a Reading>,
}

#[derive(Serialize)]
pub struct ExDocument<'a> {
    pub id: &'a str,
    pub file: &'a str,
    pub title: &'a str,
    pub title_en: &'a str,
    pub kind: super::DocKind,
    pub date: Option<&'a str>,
    pub role_rule: super::RoleRule,
    pub summary: &'a str,
    pub summary_en: &'a str,
}

#[derive(Serialize)]
pub struct ExUnit<'a> {
    pub agency: &'a str,
    pub role: Role,
    pub as_written: &'a str,
    pub note: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ExTarget<'a> {
    pub year: Option<i32>,
    pub label: &'a str,
    pub text: &'a str,
}

#[derive(Serialize)]
pub struct ExTask<'a> {
    pub id: &'a str,
    pub document: &'a str,
    pub number: &'a str,
    pub category: &'a str,
    pub category_en: &'a str,
    pub text: &'a str,
    pub lead: Vec<&'a str>,
    pub support: Vec<&'a str>,
    pub units: Vec<ExUnit<'a>>,
    pub targets: Vec<ExTarget<'a>>,
    pub quote: &'a str,
    pub lines: [u32; 2],
    pub problems: Vec<String>,
}

#[derive(Serialize)]
pub struct ExAgency<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub name_en: &'a str,
    pub names: &'a [String],
    pub kind: super::AgencyKind,
    pub note: Option<&'a str>,
    pub note_en: Option<&'a str>,
}

#[derive(Serialize)]
pub struct ExPoint<'a> {
    pub year: Option<i32>,
    pub value: f64,
    pub bound: super::Bound,
    pub kind: super::PointKind,
    /// The quantity as the text writes it ("1/7", "跨越万亿元").
    pub as_written: &'a str,
    pub quote: &'a str,
    pub lines: [u32; 2],
    pub note: Option<&'a str>,
    pub note_en: Option<&'a str>,
    pub reading: Option<&'a Reading>,
}

#[derive(Serialize)]
pub struct ExIndicator<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub name_en: &'a str,
    pub unit: &'a str,
    /// The unit in English ("" for a count), and short for axis labels.
    pub unit_en: &'a str,
    pub unit_en_short: &'a str,
    pub document: &'a str,
    pub group: &'a str,
    pub group_en: &'a str,
    pub measure: super::Measure,
    pub note: Option<&'a str>,
    pub note_en: Option<&'a str>,
    pub reading: Option<&'a Reading>,
    pub points: Vec<ExPoint<'a>>,
}

#[derive(Serialize)]
pub struct ExPlace<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub name_en: &'a str,
    pub kind: super::PlaceKind,
    pub document: &'a str,
    pub quote: &'a str,
    pub lines: [u32; 2],
    /// The place's point (null for a line feature: see `line`).
    pub lon: Option<f64>,
    pub lat: Option<f64>,
    pub coord_source: Option<&'a str>,
    pub parent: Option<&'a str>,
    /// A line feature's course: [[lon, lat], …].
    pub line: Option<Vec<[f64; 2]>>,
    /// An area's outline: [[lon, lat], …].
    pub area: Option<Vec<[f64; 2]>>,
    /// Where a line or area feature's name is drawn: [lon, lat].
    pub label: Option<[f64; 2]>,
    pub note: Option<&'a str>,
    pub note_en: Option<&'a str>,
    /// A short English map label, where `name_en` is long.
    pub short_en: Option<&'a str>,
    pub reading: Option<&'a Reading>,
}

/// What a plan says without a number.
#[derive(Serialize)]
pub struct ExStatement<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub name_en: &'a str,
    pub document: &'a str,
    pub group: &'a str,
    pub group_en: &'a str,
    pub kind: super::PointKind,
    pub year: Option<i32>,
    pub claim: &'a str,
    pub claim_en: &'a str,
    pub quote: &'a str,
    pub lines: [u32; 2],
    pub note: Option<&'a str>,
    pub note_en: Option<&'a str>,
    pub reading: Option<&'a Reading>,
}

/// The English of a reviewed heading, or "" when it has none.
fn english<'a>(names: &'a [super::Named], doc: Option<&str>, zh: &str) -> &'a str {
    names
        .iter()
        .find(|n| n.zh == zh && doc.is_none_or(|d| n.document == d))
        .map_or("", |n| n.en.as_str())
}

/// `words` words the tasks' problems (in Chinese, as the schema says).
pub fn export<'a>(ds: &'a Dataset, words: &dyn crate::Wording) -> Export<'a> {
    let group_en = |g: &str| english(&ds.groups, None, g);
    Export {
        schema: SCHEMA,
        documents: ds
            .documents
            .iter()
            .map(|d| ExDocument {
                id: &d.id,
                file: &d.file,
                title: &d.title,
                title_en: &d.title_en,
                kind: d.kind,
                date: d.date.as_deref(),
                role_rule: d.role_rule,
                summary: &d.summary,
                summary_en: &d.summary_en,
            })
            .collect(),
        tasks: ds
            .tasks
            .iter()
            .map(|task| ExTask {
                id: &task.id,
                document: &task.document,
                number: &task.number,
                category: &task.category,
                category_en: english(&ds.categories, Some(&task.document), &task.category),
                text: &task.text,
                // Unique ids in list order (a shorthand may name one agency twice).
                lead: unique(task.lead().map(|a| a.agency.as_str())),
                support: unique(task.support().map(|a| a.agency.as_str())),
                units: task
                    .units
                    .iter()
                    .map(|a| ExUnit {
                        agency: &a.agency,
                        role: a.role,
                        as_written: &a.as_written,
                        note: a.note.as_deref(),
                    })
                    .collect(),
                targets: task
                    .targets
                    .iter()
                    .map(|x| ExTarget {
                        year: x.year,
                        label: &x.label,
                        text: &x.text,
                    })
                    .collect(),
                quote: &task.quote,
                lines: [task.lines.start, task.lines.end],
                problems: task
                    .problems
                    .iter()
                    .map(|p| words.problem(p, Lang::Zh))
                    .collect(),
            })
            .collect(),
        agencies: ds
            .agencies
            .iter()
            .map(|a| ExAgency {
                id: &a.id,
                name: &a.name,
                name_en: &a.name_en,
                names: &a.names,
                kind: a.kind,
                note: a.note.as_deref(),
                note_en: a.note_en.as_deref(),
            })
            .collect(),
        indicators: ds
            .indicators
            .iter()
            .map(|i| ExIndicator {
                id: &i.id,
                name: &i.name,
                name_en: &i.name_en,
                unit: &i.unit,
                unit_en: &i.unit_en,
                unit_en_short: &i.unit_en_short,
                document: &i.document,
                group: &i.group,
                group_en: group_en(&i.group),
                measure: i.measure,
                note: i.note.as_deref(),
                note_en: i.note_en.as_deref(),
                reading: i.reading.as_ref(),
                points: i
                    .points
                    .iter()
                    .map(|p| ExPoint {
                        year: p.year,
                        value: p.value,
                        bound: p.bound,
                        kind: p.kind,
                        as_written: &p.written,
                        quote: &p.quote,
                        lines: [p.lines.start, p.lines.end],
                        note: p.note.as_deref(),
                        note_en: p.note_en.as_deref(),
                        reading: p.reading.as_ref(),
                    })
                    .collect(),
            })
            .collect(),
        places: ds
            .places
            .iter()
            .map(|p| ExPlace {
                id: &p.id,
                name: &p.name,
                name_en: &p.name_en,
                kind: p.kind,
                document: &p.document,
                quote: &p.quote,
                lines: [p.lines.start, p.lines.end],
                lon: p.lon,
                lat: p.lat,
                coord_source: p.coord_source.as_deref(),
                parent: p.parent.as_deref(),
                line: p.line.as_deref().map(pairs),
                area: p.area.as_deref().map(pairs),
                label: p.label.map(|(a, b)| [a, b]),
                note: p.note.as_deref(),
                note_en: p.note_en.as_deref(),
                short_en: p.short_en.as_deref(),
                reading: p.reading.as_ref(),
            })
            .collect(),
        statements: ds
            .statements
            .iter()
            .map(|s| ExStatement {
                id: &s.id,
                name: &s.name,
                name_en: &s.name_en,
                document: &s.document,
                group: &s.group,
                group_en: group_en(&s.group),
                kind: s.kind,
                year: s.year,
                claim: &s.claim,
                claim_en: &s.claim_en,
                quote: &s.quote,
                lines: [s.lines.start, s.lines.end],
                note: s.note.as_deref(),
                note_en: s.note_en.as_deref(),
                reading: s.reading.as_ref(),
            })
            .collect(),
        groups: ds
            .groups
            .iter()
            .map(|g| ExNamed {
                document: None,
                zh: &g.zh,
                en: &g.en,
            })
            .collect(),
        categories: ds
            .categories
            .iter()
            .map(|c| ExNamed {
                document: Some(&c.document),
                zh: &c.zh,
                en: &c.en,
            })
            .collect(),
        milestones: ds
            .milestones
            .iter()
            .map(|m| ExMilestone {
                year: m.year,
                date: m.date.as_deref(),
                label: &m.label_zh,
                label_en: &m.label_en,
                document: &m.document,
                quote: &m.quote,
                lines: [m.lines.start, m.lines.end],
                note: m.note.as_deref(),
                note_en: m.note_en.as_deref(),
                reading: m.reading.as_ref(),
            })
            .collect(),
        renames: super::agencies::renames(ds),
        aliases: &ds.aliases,
    }
}

fn pairs(pts: &[(f64, f64)]) -> Vec<[f64; 2]> {
    pts.iter().map(|&(a, b)| [a, b]).collect()
}

/// The dataset as pretty-printed JSON.
pub fn to_json(ds: &Dataset, words: &dyn crate::Wording) -> String {
    serde_json::to_string_pretty(&export(ds, words)).expect("the export serialises")
}

/// The CSV tables of the export.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Table {
    Tasks,
    Agencies,
    Indicators,
    Places,
    Statements,
}

impl Table {
    pub const ALL: [Table; 5] = [
        Table::Tasks,
        Table::Agencies,
        Table::Indicators,
        Table::Places,
        Table::Statements,
    ];
    pub fn name(self) -> &'static str {
        match self {
            Table::Tasks => "tasks",
            Table::Agencies => "agencies",
            Table::Indicators => "indicators",
            Table::Places => "places",
            Table::Statements => "statements",
        }
    }
    pub fn from_name(s: &str) -> Option<Table> {
        Table::ALL.into_iter().find(|t| t.name() == s)
    }
}

fn json_str<T: Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

fn num(v: f64) -> String {
    // Shortest representation that round-trips.
    let s = format!("{v}");
    s.strip_suffix(".0").map(str::to_string).unwrap_or(s)
}

/// A cell a spreadsheet would not run as a formula: text that starts with
/// `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'`
/// (OWASP's advice against CSV injection). Numbers, negative ones
/// included, stay numbers, and a sign alone (a bound column's `=`, a `-`
/// for "none") is nothing a spreadsheet runs: it stays as written.
pub fn safe_cell(s: &str) -> std::borrow::Cow<'_, str> {
    let risky = s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.trim().chars().count() > 1;
    if risky && s.trim().parse::<f64>().map_or(true, |v| !v.is_finite()) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// A CSV writer whose every cell is made safe with [`safe_cell`].
pub struct CsvOut {
    w: csv::Writer<Vec<u8>>,
}

impl CsvOut {
    pub fn new() -> CsvOut {
        CsvOut {
            w: csv::WriterBuilder::new().from_writer(Vec::new()),
        }
    }
    pub fn write_record<I, S>(&mut self, cells: I) -> csv::Result<()>
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let cells: Vec<String> = cells
            .into_iter()
            .map(|c| safe_cell(c.as_ref()).into_owned())
            .collect();
        self.w.write_record(&cells)
    }
    /// The CSV as UTF-8 with a BOM, so spreadsheet programs read the Chinese right.
    pub fn finish(self) -> String {
        let bytes = self
            .w
            .into_inner()
            .expect("an in-memory writer cannot fail");
        let mut s = String::from("\u{feff}");
        s.push_str(&String::from_utf8(bytes).expect("CSV of UTF-8 strings is UTF-8"));
        s
    }
}

impl Default for CsvOut {
    fn default() -> Self {
        CsvOut::new()
    }
}

/// One table as CSV (UTF-8 with a BOM; cells made safe with [`safe_cell`]).
pub fn to_csv(ds: &Dataset, table: Table, words: &dyn crate::Wording) -> String {
    let mut w = CsvOut::new();
    let ex = export(ds, words);
    let r: csv::Result<()> = (|| {
        match table {
            Table::Tasks => {
                w.write_record([
                    "id",
                    "document",
                    "number",
                    "category",
                    "text",
                    "lead",
                    "lead_ids",
                    "support",
                    "support_ids",
                    "targets",
                    "problems",
                    "line_start",
                    "line_end",
                ])?;
                for t in &ex.tasks {
                    let names = |ids: &[&str]| {
                        ids.iter()
                            .map(|i| ds.agency_name(i))
                            .collect::<Vec<_>>()
                            .join("、")
                    };
                    let targets = t
                        .targets
                        .iter()
                        .map(|x| format!("{}：{}", x.label, x.text))
                        .collect::<Vec<_>>()
                        .join("\n");
                    w.write_record([
                        t.id,
                        t.document,
                        t.number,
                        t.category,
                        t.text,
                        &names(&t.lead),
                        &t.lead.join(";"),
                        &names(&t.support),
                        &t.support.join(";"),
                        &targets,
                        &t.problems.join("；"),
                        &t.lines[0].to_string(),
                        &t.lines[1].to_string(),
                    ])?;
                }
            }
            Table::Agencies => {
                w.write_record(["id", "name", "names", "kind"])?;
                for a in &ex.agencies {
                    w.write_record([a.id, a.name, &a.names.join("；"), &json_str(&a.kind)])?;
                }
            }
            Table::Indicators => {
                w.write_record([
                    "indicator_id",
                    "name",
                    "unit",
                    "document",
                    "group",
                    "measure",
                    "year",
                    "value",
                    "bound",
                    "kind",
                    "quote",
                    "as_written",
                    "note",
                    "reading",
                    "reading_reason",
                ])?;
                for i in &ex.indicators {
                    for p in &i.points {
                        // A point's own note and reading, else the indicator's.
                        let note = p.note.or(i.note).unwrap_or("");
                        let reading = p.reading.or(i.reading);
                        w.write_record([
                            i.id,
                            i.name,
                            i.unit,
                            i.document,
                            i.group,
                            &json_str(&i.measure),
                            &p.year.map(|y| y.to_string()).unwrap_or_default(),
                            &num(p.value),
                            &json_str(&p.bound),
                            &json_str(&p.kind),
                            p.quote,
                            p.as_written,
                            note,
                            &reading.map(|r| json_str(&r.judgement)).unwrap_or_default(),
                            reading.map_or("", |r| r.reason.as_str()),
                        ])?;
                    }
                }
            }
            Table::Places => {
                w.write_record([
                    "id",
                    "name",
                    "kind",
                    "document",
                    "lon",
                    "lat",
                    "coord_source",
                    "quote",
                    "line",
                    "label",
                    "note",
                ])?;
                // "lon lat;lon lat;…": a line's course in one cell.
                let points = |pts: &Option<Vec<[f64; 2]>>| {
                    pts.as_ref().map_or(String::new(), |v| {
                        v.iter()
                            .map(|[a, b]| format!("{} {}", num(*a), num(*b)))
                            .collect::<Vec<_>>()
                            .join(";")
                    })
                };
                for p in &ex.places {
                    w.write_record([
                        p.id,
                        p.name,
                        &json_str(&p.kind),
                        p.document,
                        &p.lon.map(num).unwrap_or_default(),
                        &p.lat.map(num).unwrap_or_default(),
                        p.coord_source.unwrap_or(""),
                        p.quote,
                        &points(&p.line),
                        &points(&p.label.map(|l| vec![l])),
                        p.note.unwrap_or(""),
                    ])?;
                }
            }
            Table::Statements => {
                w.write_record([
                    "id",
                    "name",
                    "name_en",
                    "document",
                    "group",
                    "kind",
                    "year",
                    "claim",
                    "claim_en",
                    "quote",
                    "note",
                    "reading",
                    "reading_reason",
                ])?;
                for x in &ex.statements {
                    w.write_record([
                        x.id,
                        x.name,
                        x.name_en,
                        x.document,
                        x.group,
                        &json_str(&x.kind),
                        &x.year.map(|y| y.to_string()).unwrap_or_default(),
                        x.claim,
                        x.claim_en,
                        x.quote,
                        x.note.unwrap_or(""),
                        &x.reading
                            .map(|r| json_str(&r.judgement))
                            .unwrap_or_default(),
                        x.reading.map_or("", |r| r.reason.as_str()),
                    ])?;
                }
            }
        }
        Ok(())
    })();
    r.expect("writing CSV to memory cannot fail");
    w.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formula_cells_are_neutralised() {
        for risky in [
            "=1+1",
            "+1-1",
            "-cmd|' /C calc'!A0",
            "@SUM(A1)",
            "\t=x",
            "\r=x",
            "=HYPERLINK(\"http://x\")",
        ] {
            assert_eq!(safe_cell(risky), format!("'{risky}"), "{risky:?}");
        }
        for fine in [
            "省发展改革委",
            "2.7",
            "-5",
            "-0.25",
            "+3",
            "1e3",
            "",
            "a=b",
            "5%",
            "=",
            "-",
            "+",
            " = ",
        ] {
            assert_eq!(safe_cell(fine), fine, "{fine:?}");
        }
        // "-inf" and "+NaN" are text to a spreadsheet: neutralised.
        assert_eq!(safe_cell("-inf"), "'-inf");
        let mut w = CsvOut::new();
        w.write_record(["id", "text"]).unwrap();
        w.write_record(["x", "=cmd()"]).unwrap();
        assert_eq!(w.finish(), "\u{feff}id,text\nx,'=cmd()\n");
    }
}
