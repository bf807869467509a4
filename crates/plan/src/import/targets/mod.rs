//! Targets: indicator tables (a row per indicator, or transposed), yearly
//! tables and plan prose, read into indicators with points.
//!
//! * Tables: a header naming the indicator column (指标, 指标名称) and year
//!   columns (`2020年（基期）`, `基期`, `2025年目标`, `2030年`), with 单位 and
//!   属性 (预期性/约束性, kept as the point's note) when present. A row with a
//!   name and no value is a group heading. Without a 基期 column, in a table
//!   with a 属性 column, the earliest year is read as the baseline (a guess).
//!   A transposed table (indicators across, years down; its row labels may
//!   be letter-spaced, `基　　期`) is read the same way.
//! * Prose: `到2025年，地区生产总值达到2.7万亿元，年均增长7%左右；…` — the
//!   year stated once holds until the sentence ends; a clause without a
//!   subject continues the previous one (`年均增长` is the growth of the
//!   GDP); `A、B分别达到60%和50%` gives two values, `A、B均达到40%` one value
//!   to each; `较2020年下降13.5%`, `提高1个百分点` are changes (rates);
//!   `去年增长5.1%` is a baseline beside `今年增长6%左右`, a target.

use super::{Guess, GuessCode};
mod prose;
mod years;
use crate::indicators::{Indicator, Measure, Point, PointKind};
use crate::quantity::{convert, quantities, Bound, Quantity};
use crate::table::{cells_of, header_col, Column};
use crate::text::clean_cell;
use crate::Lines;
pub use prose::*;
pub use years::work_year;

/// What the target readers found.
#[derive(Debug, Default)]
pub struct Found {
    pub indicators: Vec<Indicator>,
    /// Lines a value was read from, or read as a header or group.
    pub used: Vec<u32>,
    pub guesses: Vec<Guess>,
    pub header: Vec<(String, Column)>,
    pub transposed: bool,
}

/// Indicators by name as they are found.
struct Builder<'a> {
    doc: &'a str,
    code: &'a str,
    out: Found,
}

impl Builder<'_> {
    #[allow(clippy::too_many_arguments)]
    fn add(
        &mut self,
        name: &str,
        unit_hint: &str,
        group: &str,
        q: &Quantity,
        snippet: &str,
        year: Option<i32>,
        kind: PointKind,
        quote: &str,
        lines: Lines,
        note: Option<String>,
    ) {
        let name = clean_cell(name);
        if name.is_empty() {
            return;
        }
        let unit = if q.unit.is_empty() {
            unit_hint
        } else {
            q.unit.as_str()
        };
        let ix = self
            .out
            .indicators
            .iter()
            .position(|i| i.name == name && convert(1.0, unit, &i.unit).is_some());
        let ix = match ix {
            Some(i) => i,
            None => {
                let id = format!("{}-i{}", self.code, self.out.indicators.len() + 1);
                self.out.indicators.push(Indicator {
                    id,
                    name: name.to_string(),
                    name_en: String::new(),
                    unit: unit.to_string(),
                    unit_en: String::new(),
                    unit_en_short: String::new(),
                    unit_scale: None,
                    document: self.doc.to_string(),
                    group: group.to_string(),
                    measure: measure(name, unit),
                    points: vec![],
                    note: None,
                    note_en: None,
                    reading: None,
                });
                self.out.indicators.len() - 1
            }
        };
        let ind = &mut self.out.indicators[ix];
        let value = convert(q.value, unit, &ind.unit).unwrap_or(q.value);
        let note = match (note, q.upper) {
            (n, Some(hi)) => Some(match n {
                Some(n) => format!("{n}；上限{hi}"),
                None => format!("上限{hi}"),
            }),
            (n, None) => n,
        };
        ind.points.push(Point {
            year,
            value: (value * 1e9).round() / 1e9,
            bound: q.bound,
            kind,
            quote: quote.to_string(),
            snippet: snippet.to_string(),
            lines,
            task: None,
            written: snippet.get(q.start..q.end).unwrap_or(snippet).to_string(),
            note,
            note_en: None,
            reading: None,
            document: None,
        });
        self.out.used.push(lines.start);
    }

    fn finish(mut self) -> Found {
        for i in &mut self.out.indicators {
            i.points
                .sort_by_key(|p| (p.year.unwrap_or(i32::MIN), p.kind == PointKind::Target));
        }
        self.out.used.sort_unstable();
        self.out.used.dedup();
        self.out
    }
}

/// What an indicator measures, from its name and unit.
pub fn measure(name: &str, unit: &str) -> Measure {
    let change = [
        "增长", "增速", "下降", "降低", "提高", "提升", "减少", "增加",
    ];
    if unit == "个百分点" || (unit == "%" && change.iter().any(|w| name.contains(w))) {
        Measure::Rate
    } else if unit == "%" || unit == ":1" {
        Measure::Share
    } else if ["个", "家", "件", "项", "所", "座", "条", "株", "棵"].contains(&unit) {
        Measure::Count
    } else {
        Measure::Level
    }
}

fn is_target_header(cols: &[Option<Column>]) -> bool {
    cols.contains(&Some(Column::Indicator))
        && cols
            .iter()
            .any(|c| matches!(c, Some(Column::Year(_)) | Some(Column::Baseline(_))))
        && !cols
            .iter()
            .any(|c| matches!(c, Some(Column::Responsible) | Some(Column::Lead)))
}

/// The first line that is an indicator table's header: (index, spaces?).
pub fn find_header(text: &str) -> Option<(usize, bool)> {
    for spaces in [false, true] {
        for (i, raw) in text.split('\n').enumerate() {
            if !spaces && !raw.contains('\t') {
                continue;
            }
            let cells = cells_of(raw, spaces);
            if cells.len() < 2 || cells.len() > 60 {
                continue;
            }
            let cols: Vec<Option<Column>> = cells.iter().map(|c| header_col(c)).collect();
            if is_target_header(&cols) || transposed_header(text, i, spaces, &cols) {
                return Some((i, spaces));
            }
        }
    }
    None
}

/// A transposed table: the first cell names the indicator or year column,
/// the rows below start with year labels.
fn transposed_header(text: &str, at: usize, spaces: bool, cols: &[Option<Column>]) -> bool {
    if cols.len() < 2 || !matches!(cols[0], Some(Column::Indicator) | Some(Column::Period)) {
        return false;
    }
    text.split('\n')
        .skip(at + 1)
        .take(4)
        .filter(|l| {
            let c = cells_of(l, spaces);
            c.len() >= 2
                && matches!(
                    header_col(c[0]),
                    Some(Column::Year(_)) | Some(Column::Baseline(_))
                )
        })
        .count()
        >= 1
}

/// What a reader forces on a table: its columns, whether it is sideways,
/// the year of a target column without one.
#[derive(Clone, Copy, Debug, Default)]
pub struct Forced<'a> {
    pub columns: Option<&'a [Column]>,
    pub transpose: Option<bool>,
    pub undated_year: Option<i32>,
}

/// A row of cells with the line each cell is on.
type Grid<'a> = Vec<(u32, Vec<&'a str>)>;

/// Read an indicator table whose header is line `at` (0-based).
pub fn parse_table(
    text: &str,
    shown: &str,
    doc: &str,
    code: &str,
    at: usize,
    spaces: bool,
    how: &Forced,
) -> Found {
    let (forced, transpose, undated_year) = (how.columns, how.transpose, how.undated_year);
    let lines: Vec<&str> = text.split('\n').collect();
    let shown: Vec<&str> = shown.split('\n').collect();
    let header_cells = cells_of(lines[at], spaces);
    let cols: Vec<Option<Column>> = header_cells.iter().map(|c| header_col(c)).collect();
    // The rows: lines below the header with at least two cells, up to the
    // first line that is not a row.
    let mut grid: Grid = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(at + 1) {
        let c = cells_of(l, spaces);
        if c.len() < 2 {
            if clean_cell(l).is_empty() {
                continue;
            }
            break;
        }
        grid.push((k as u32 + 1, c));
    }
    let mut b = Builder {
        doc,
        code,
        out: Found::default(),
    };
    b.out.used.push(at as u32 + 1);
    let transposed = transpose.unwrap_or(!is_target_header(&cols) && forced.is_none());
    if transposed {
        // Indicators across, years down.
        b.out.transposed = true;
        b.out
            .header
            .push((clean_cell(header_cells[0]).to_string(), Column::Indicator));
        for (no, row) in &grid {
            let col = header_col(row[0]).unwrap_or(Column::Other);
            b.out.header.push((clean_cell(row[0]).to_string(), col));
            let (year, kind) = match col {
                Column::Year(y) => (Some(y), PointKind::Target),
                Column::Baseline(y) => (y, PointKind::Baseline),
                _ => continue,
            };
            for (k, name) in header_cells.iter().enumerate().skip(1) {
                let Some(cell) = row.get(k).map(|c| clean_cell(c)) else {
                    continue;
                };
                let (name, unit) = name_and_unit(clean_cell(name));
                if let Some(q) = quantities(cell).into_iter().next() {
                    let quote = clean_cell(shown.get(*no as usize - 1).copied().unwrap_or(""));
                    b.add(
                        name,
                        unit,
                        "",
                        &q,
                        cell,
                        year,
                        kind,
                        quote,
                        Lines::one(*no),
                        None,
                    );
                }
            }
        }
        return b.finish();
    }
    let mut cols: Vec<Column> = match forced {
        Some(f) => (0..header_cells.len())
            .map(|k| f.get(k).copied().unwrap_or(Column::Other))
            .collect(),
        None => cols.iter().map(|c| c.unwrap_or(Column::Other)).collect(),
    };
    // No 基期 column, a 属性 column, two years: the earliest is the baseline.
    let years: Vec<usize> = (0..cols.len())
        .filter(|&k| matches!(cols[k], Column::Year(_)))
        .collect();
    if !cols.iter().any(|c| matches!(c, Column::Baseline(_)))
        && cols.contains(&Column::Attribute)
        && years.len() >= 2
    {
        let first = *years
            .iter()
            .min_by_key(|&&k| match cols[k] {
                Column::Year(y) => y,
                _ => i32::MAX,
            })
            .unwrap_or(&years[0]);
        if let Column::Year(y) = cols[first] {
            cols[first] = Column::Baseline(Some(y));
            b.out.guesses.push(Guess {
                code: GuessCode::BaselineByPosition,
                detail: clean_cell(header_cells[first]).to_string(),
                line: Some(at as u32 + 1),
            });
        }
    }
    b.out.header = header_cells
        .iter()
        .map(|c| clean_cell(c).to_string())
        .zip(cols.iter().copied())
        .collect();
    let rows: Vec<(Lines, Vec<&str>)> = grid
        .iter()
        .map(|(no, r)| (Lines::one(*no), r.clone()))
        .collect();
    read_rows(&mut b, &cols, &rows, &shown, undated_year);
    b.finish()
}

/// Read rows whose columns are `cols`; a [`Column::Target`] is for
/// `target_year`.
fn read_rows(
    b: &mut Builder,
    cols: &[Column],
    rows: &[(Lines, Vec<&str>)],
    shown: &[&str],
    target_year: Option<i32>,
) {
    let find = |c: Column| cols.iter().position(|x| *x == c);
    let (i_name, i_unit, i_attr, i_cat) = (
        find(Column::Indicator),
        find(Column::Unit),
        find(Column::Attribute),
        find(Column::Category),
    );
    let mut group = String::new();
    for (lines, row) in rows {
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.get(i))
                .map(|c| clean_cell(c))
                .unwrap_or("")
        };
        let cat = cell(i_cat);
        if !cat.is_empty() {
            group = cat.to_string();
        }
        let raw_name = cell(i_name);
        let raw_name = crate::text::strip_numbering(raw_name).map_or(raw_name, |n| n.2);
        let raw_name = clean_cell(raw_name.strip_prefix("其中").unwrap_or(raw_name));
        let raw_name = raw_name.trim_start_matches(['：', ':']);
        let (name, unit_in_name) = name_and_unit(raw_name);
        let unit = match cell(i_unit) {
            "" | "/" | "-" => unit_in_name,
            u => u,
        };
        let attr = cell(i_attr);
        let note = (!attr.is_empty()).then(|| attr.to_string());
        let quote: String = (lines.start..=lines.end)
            .filter_map(|l| shown.get(l as usize - 1))
            .map(|l| clean_cell(l))
            .filter(|l| !l.is_empty())
            .collect::<Vec<_>>()
            .join(if lines.start == lines.end { "" } else { " " });
        let mut any = false;
        for (k, col) in cols.iter().enumerate() {
            let (year, kind) = match *col {
                Column::Year(y) => (Some(y), PointKind::Target),
                Column::Baseline(y) => (y, PointKind::Baseline),
                Column::Target => (target_year, PointKind::Target),
                _ => continue,
            };
            let c = cell(Some(k));
            let Some(q) = cell_quantity(c) else {
                continue;
            };
            any = true;
            b.add(
                name,
                unit,
                &group,
                &q,
                c,
                year,
                kind,
                &quote,
                *lines,
                note.clone(),
            );
        }
        if !any && !name.is_empty() {
            // A row without values: a group heading.
            group = name.to_string();
            b.out.used.push(lines.start);
        }
    }
}

/// The value of a table cell: its first quantity, unless the cell is a
/// sentence whose number is not the value (与全市经济增速保持同步).
fn cell_quantity(c: &str) -> Option<Quantity> {
    let q = quantities(c).into_iter().next()?;
    // A year as a cell's value (2027年60%): the year is not the value.
    if q.unit == "年" {
        return None;
    }
    Some(q)
}

/// Read a table found one cell per line ([`crate::grid`]); a target column
/// without a year is for the table's title year, else `year`.
pub fn parse_grids(
    tables: &[crate::grid::Table],
    shown: &str,
    doc: &str,
    code: &str,
    year: Option<i32>,
) -> Found {
    let shown: Vec<&str> = shown.split('\n').collect();
    let mut b = Builder {
        doc,
        code,
        out: Found::default(),
    };
    for t in tables {
        read_grid(&mut b, t, &shown, year);
    }
    b.finish()
}

fn read_grid(b: &mut Builder, t: &crate::grid::Table, shown: &[&str], year: Option<i32>) {
    for l in t.header_lines.start..=t.header_lines.end {
        b.out.used.push(l);
    }
    b.out.header = t
        .header
        .iter()
        .cloned()
        .zip(t.cols.iter().copied())
        .collect();
    let rows: Vec<(Lines, Vec<&str>)> = t
        .rows
        .iter()
        .map(|r| (r.lines, r.cells.iter().map(String::as_str).collect()))
        .collect();
    read_rows(b, &t.cols, &rows, shown, t.title_year.or(year));
    for r in &t.rows {
        for l in r.lines.start..=r.lines.end {
            b.out.used.push(l);
        }
    }
}

/// "地区生产总值（亿元）" → ("地区生产总值", "亿元").
fn name_and_unit(s: &str) -> (&str, &str) {
    for (open, close) in [('（', '）'), ('(', ')')] {
        if let Some(inner) = s.strip_suffix(close) {
            if let Some(at) = inner.rfind(open) {
                let unit = &inner[at + open.len_utf8()..];
                if !unit.is_empty() && unit.chars().count() <= 10 && at > 0 {
                    return (clean_cell(&s[..at]), unit);
                }
            }
        }
    }
    (s, "")
}
