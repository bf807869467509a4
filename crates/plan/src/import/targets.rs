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
use crate::indicators::{Indicator, Measure, Point, PointKind};
use crate::quantity::{convert, quantities, Bound, Quantity};
use crate::table::{cells_of, header_col, Column};
use crate::text::clean_cell;
use crate::Lines;

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
    } else if ["个", "家", "件", "项", "所", "座", "条"].contains(&unit) {
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
    forced: Option<&[Column]>,
) -> Found {
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
    let transposed = !is_target_header(&cols) && forced.is_none();
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
    let find = |c: Column| cols.iter().position(|x| *x == c);
    let (i_name, i_unit, i_attr, i_cat) = (
        find(Column::Indicator),
        find(Column::Unit),
        find(Column::Attribute),
        find(Column::Category),
    );
    let mut group = String::new();
    for (no, row) in &grid {
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
        let raw_name = crate::split::strip_numbering(raw_name).map_or(raw_name, |n| n.2);
        let (name, unit_in_name) = name_and_unit(raw_name);
        let unit = match cell(i_unit) {
            "" => unit_in_name,
            u => u,
        };
        let attr = cell(i_attr);
        let note = (!attr.is_empty()).then(|| attr.to_string());
        let quote = clean_cell(shown.get(*no as usize - 1).copied().unwrap_or(""));
        let mut any = false;
        for (k, col) in cols.iter().enumerate() {
            let (year, kind) = match *col {
                Column::Year(y) => (Some(y), PointKind::Target),
                Column::Baseline(y) => (y, PointKind::Baseline),
                _ => continue,
            };
            let c = cell(Some(k));
            let Some(q) = quantities(c).into_iter().next() else {
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
                quote,
                Lines::one(*no),
                note.clone(),
            );
        }
        if !any && !name.is_empty() {
            // A row without values: a group heading.
            group = name.to_string();
            b.out.used.push(*no);
        }
    }
    b.finish()
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

/// Verbs between an indicator and its value, longest first; `true` for a
/// change (the indicator is then the change: 年均增长, 下降).
const VERBS: [(&str, bool); 37] = [
    ("年均增长", true),
    ("年均提高", true),
    ("年均下降", true),
    ("分别达到", false),
    ("分别为", false),
    ("均达到", false),
    ("均保持在", false),
    ("都达到", false),
    ("提高到", false),
    ("提高至", false),
    ("提升到", false),
    ("提升至", false),
    ("下降到", false),
    ("下降至", false),
    ("降低到", false),
    ("降低至", false),
    ("增加到", false),
    ("增加至", false),
    ("控制在", false),
    ("保持在", false),
    ("稳定在", false),
    ("不低于", false),
    ("不少于", false),
    ("不超过", false),
    ("达到", false),
    ("增长", true),
    ("提高", true),
    ("提升", true),
    ("下降", true),
    ("降低", true),
    ("减少", true),
    ("增加", true),
    ("突破", false),
    ("超过", false),
    ("达", false),
    ("为", false),
    ("占", false),
];

/// Words that start a clause without naming anything.
const LEADING: [&str; 16] = [
    "全市", "全省", "全区", "全县", "其中", "力争", "确保", "争取", "使", "实现", "主要", "预计",
    "并", "且", "同时", "以上",
];

/// The year a clause sets: (year, target?, the year phrase's byte range).
fn year_phrase(s: &str, reference: Option<i32>) -> Option<(Option<i32>, bool, usize, usize)> {
    for (w, dy, target) in [
        ("今年", 0, true),
        ("本年", 0, true),
        ("明年", 1, true),
        ("去年", -1, false),
        ("上年", -1, false),
    ] {
        if let Some(at) = s.find(w) {
            if !s[..at].ends_with('比') && !s[..at].ends_with('较') {
                return Some((reference.map(|r| r + dy), target, at, at + w.len()));
            }
        }
    }
    for (w, y) in [("十四五", 2025), ("十五五", 2030), ("十三五", 2020)] {
        if let Some(at) = s.find(w) {
            let after = &s[at + w.len()..];
            let after = after.trim_start_matches(['”', '"', '’']);
            if after.starts_with('末') || after.starts_with("时期末") {
                let end = s.len() - after.len() + '末'.len_utf8();
                return Some((Some(y), true, at, end));
            }
        }
    }
    let b = s.as_bytes();
    let mut i = 0;
    while i + 5 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && s[i + 4..].starts_with('年')
        {
            let y: i32 = s[i..i + 4].parse().ok()?;
            let before = &s[..i];
            // "较2020年", "比2020年": a comparison, not the clause's year.
            if before.ends_with('较')
                || before.ends_with('比')
                || before.ends_with('与')
                || s[i + 7..].starts_with('—')
                || s[i + 7..].starts_with('-')
            {
                i += 7;
                continue;
            }
            let mut end = i + 7;
            for tail in ["底", "末", "前"] {
                if s[end..].starts_with(tail) {
                    end += tail.len();
                }
            }
            let target = ["到", "至", "力争", "预计", "计划", "争取"]
                .iter()
                .any(|w| before.trim_end().ends_with(w))
                || s[i + 7..end].contains('前');
            let start = ["力争到", "预计到", "计划到", "争取到", "到", "至"]
                .iter()
                .find(|w| before.ends_with(**w))
                .map_or(i, |w| i - w.len());
            return Some((Some(y), target, start, end));
        }
        i += 1;
    }
    None
}

/// Read targets and baselines from prose. `skip` says which lines not to
/// read (lines of tasks, tables); `reference` is the document's year (for
/// 今年, 去年).
pub fn parse_prose(
    text: &str,
    shown: &str,
    doc: &str,
    code: &str,
    skip: &dyn Fn(u32) -> bool,
    reference: Option<i32>,
) -> Found {
    let mut b = Builder {
        doc,
        code,
        out: Found::default(),
    };
    let shown_lines: Vec<&str> = shown.split('\n').collect();
    // Paragraphs: a line not ending a sentence runs on into the next (text
    // copied from a PDF breaks lines anywhere).
    let mut para = String::new();
    let mut map: Vec<(usize, u32)> = Vec::new();
    let lines: Vec<&str> = text.split('\n').collect();
    let n = lines.len();
    for (k, raw) in lines.iter().enumerate() {
        let no = k as u32 + 1;
        let l = clean_cell(raw);
        let keep = !skip(no) && !l.is_empty() && l.chars().count() <= 4000;
        if keep {
            map.push((para.len(), no));
            para.push_str(l);
        }
        let ends =
            l.ends_with(['。', '；', '！', '？', '：', ':', ';']) || l.is_empty() || skip(no);
        let next_numbered = lines
            .get(k + 1)
            .is_some_and(|x| crate::split::strip_numbering(clean_cell(x)).is_some());
        if !para.is_empty() && (ends || next_numbered || k + 1 == n) {
            read_paragraph(&mut b, &para, &map, &shown_lines, reference);
            para.clear();
            map.clear();
        }
    }
    b.finish()
}

fn line_at(map: &[(usize, u32)], at: usize) -> u32 {
    let i = map.partition_point(|m| m.0 <= at);
    map[i.saturating_sub(1)].1
}

fn read_paragraph(
    b: &mut Builder,
    para: &str,
    map: &[(usize, u32)],
    shown: &[&str],
    reference: Option<i32>,
) {
    let mut offset = 0;
    // The year stated once holds for the paragraph's following sentences.
    let mut year: Option<(Option<i32>, bool)> = None;
    for sentence in para.split_inclusive(['。', '！', '？']) {
        let start = offset;
        offset += sentence.len();
        if !sentence.contains(|c: char| c.is_ascii_digit() || "一二三四五六七八九十".contains(c))
        {
            continue;
        }
        let lines = Lines {
            start: line_at(map, start),
            end: line_at(map, start + sentence.len().saturating_sub(1)),
        };
        let quote: String = if lines.start == lines.end {
            clean_cell(shown.get(lines.start as usize - 1).copied().unwrap_or("")).to_string()
        } else {
            (lines.start..=lines.end)
                .filter_map(|l| shown.get(l as usize - 1))
                .map(|l| clean_cell(l))
                .collect::<Vec<_>>()
                .join("")
        };
        read_sentence(b, sentence, &quote, lines, reference, &mut year);
    }
}

fn read_sentence(
    b: &mut Builder,
    sentence: &str,
    quote: &str,
    lines: Lines,
    reference: Option<i32>,
    year: &mut Option<(Option<i32>, bool)>,
) {
    let mut subject = String::new();
    for clause in sentence.split(['，', ',', '；', ';', '。', '：', ':']) {
        let mut c = clause.trim();
        if let Some((y, target, a, e)) = year_phrase(c, reference) {
            *year = Some((y, target));
            let rest = clean_cell(&c[e..]);
            let head = clean_cell(&c[..a]);
            c = if head.is_empty() || head.chars().count() <= 2 {
                rest
            } else {
                c
            };
            if y.is_none() {
                b.out.guesses.push(Guess {
                    code: GuessCode::NoYear,
                    detail: clause.trim().to_string(),
                    line: Some(lines.start),
                });
            }
        }
        let Some((year, target)) = *year else {
            continue;
        };
        let qs: Vec<Quantity> = quantities(c)
            .into_iter()
            .filter(|q| {
                q.unit != "年"
                    && !(q.unit.is_empty()
                        && q.value.fract() == 0.0
                        && (1900.0..=2100.0).contains(&q.value))
            })
            .filter(|q| !q.unit.is_empty() || q.bound != Bound::Eq)
            .collect();
        if qs.is_empty() {
            continue;
        }
        let first_q = qs[0].start;
        // The first verb before the value ("增加值" is a name, not a verb).
        let (verb_at, verb, change) = VERBS
            .iter()
            .filter_map(|(v, ch)| {
                c[..first_q]
                    .match_indices(v)
                    .find(|(at, _)| !c[at + v.len()..].starts_with(['值', '量']))
                    .map(|(at, _)| (at, *v, *ch))
            })
            .min_by_key(|(at, v, _)| (*at, std::cmp::Reverse(v.len())))
            .unwrap_or((first_q, "", false));
        // "较2020年下降13.5%": the comparison is the point's note.
        let mut note = None;
        let mut head_end = verb_at;
        let compared = |at: usize| {
            let after = &c[at + '较'.len_utf8()..verb_at];
            after.starts_with(|ch: char| ch.is_ascii_digit())
                || ["上年", "去年", "基期", "同期", "上一年"]
                    .iter()
                    .any(|w| after.starts_with(w))
        };
        let cmp_at = c[..verb_at]
            .rmatch_indices(['较', '比'])
            .map(|(i, _)| i)
            .find(|&i| compared(i));
        if let Some(cmp) = cmp_at {
            note = Some(clean_cell(&c[cmp..verb_at]).to_string());
            head_end = cmp;
        }
        let mut subj = clean_subject(&c[..head_end]);
        if subj.is_empty() {
            if subject.is_empty() {
                continue;
            }
            subj = subject.clone();
        } else {
            subject = subj.clone();
        }
        let kind = if target {
            PointKind::Target
        } else {
            PointKind::Baseline
        };
        let name_of = |s: &str| {
            if change {
                format!("{s}{verb}")
            } else {
                s.to_string()
            }
        };
        let respectively = verb.starts_with("分别") || c.contains("分别");
        let each = verb.starts_with('均') || verb.starts_with('都');
        let subjects: Vec<String> = subj
            .split(['、', '和', '及'])
            .map(clean_subject)
            .filter(|s| !s.is_empty())
            .collect();
        if respectively && subjects.len() == qs.len() && qs.len() > 1 {
            for (s, q) in subjects.iter().zip(&qs) {
                b.add(
                    &name_of(s),
                    "",
                    "",
                    q,
                    c,
                    year,
                    kind,
                    quote,
                    lines,
                    note.clone(),
                );
            }
        } else if each && subjects.len() > 1 {
            for s in &subjects {
                b.add(
                    &name_of(s),
                    "",
                    "",
                    &qs[0],
                    c,
                    year,
                    kind,
                    quote,
                    lines,
                    note.clone(),
                );
            }
        } else {
            b.add(
                &name_of(&subj),
                "",
                "",
                &qs[0],
                c,
                year,
                kind,
                quote,
                lines,
                note.clone(),
            );
        }
    }
}

fn clean_subject(s: &str) -> String {
    let mut s = clean_cell(s);
    loop {
        let before = s;
        for w in LEADING {
            s = clean_cell(s.strip_prefix(w).unwrap_or(s));
        }
        s = s.trim_start_matches(['、', '和', '的', '“', '"']);
        s = s.trim_end_matches(['的', '”', '"']);
        if s == before {
            break;
        }
    }
    if s.chars().count() > 30
        || s.chars().count() < 2
        || !s
            .chars()
            .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c.is_ascii_alphabetic())
    {
        return String::new();
    }
    s.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_of_clauses() {
        assert_eq!(
            year_phrase("到2025年", None),
            Some((Some(2025), true, 0, 10))
        );
        assert_eq!(
            year_phrase("2020年末", None).map(|y| (y.0, y.1)),
            Some((Some(2020), false))
        );
        assert_eq!(year_phrase("较2020年下降", None), None);
        assert_eq!(
            year_phrase("今年增长", Some(2021)).map(|y| (y.0, y.1)),
            Some((Some(2021), true))
        );
        assert_eq!(
            year_phrase("到“十四五”末", None).map(|y| (y.0, y.1)),
            Some((Some(2025), true))
        );
    }

    #[test]
    fn names_and_units() {
        assert_eq!(
            name_and_unit("地区生产总值（亿元）"),
            ("地区生产总值", "亿元")
        );
        assert_eq!(measure("单位地区生产总值能耗下降", "%"), Measure::Rate);
        assert_eq!(measure("常住人口城镇化率", "%"), Measure::Share);
    }
}
