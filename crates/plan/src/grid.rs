//! Tables flattened one cell per line (issue 18): what a table copied from
//! a web page or a PDF becomes. Found by structure before it is read: a
//! run of short header cells (序号, 指标名称, 单位, 属性, “十五五”目标 …, a
//! leading or trailing `|` dropped, a header cell split over two lines
//! joined), then the body cut into rows at the running numbers of the 序号
//! column (1, 2, 3 …). Blank lines separate cells when the header's cells
//! are separated by them (then lines without a blank between them are one
//! wrapped cell); otherwise a blank line is an empty cell. Merged cells
//! (a category written once for several rows, a missing first-level cell)
//! are placed by their content: a category before a row's number is text,
//! a short row is aligned on its last cells; cells left over after a row
//! holding numbers are a sub-row (其中 …).
//!
//! Linear in the input: each line is looked at a bounded number of times.

use crate::table::{header_col, Column};
use crate::text::squeeze;
use crate::Lines;

/// A cell-per-line table.
#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    /// The header's cells, as written (split cells joined).
    pub header: Vec<String>,
    /// The column each header cell names (Other when none).
    pub cols: Vec<Column>,
    pub header_lines: Lines,
    /// The rows, each as wide as the header ("" for a missing cell).
    pub rows: Vec<Row>,
    /// The year in the table's title or the lines just before it
    /// (“十五五”主要指标 → 2030; 2016年度目标任务分解表 → 2016).
    pub title_year: Option<i32>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub lines: Lines,
    pub cells: Vec<String>,
}

/// A line as a cell: trimmed, a leading or trailing `|` dropped.
fn cell_of(line: &str) -> &str {
    line.trim()
        .trim_matches(['|', '｜'])
        .trim_matches(|c: char| c.is_whitespace() || c == '\u{200b}')
}

/// Words that end a split header cell (“十四五” / 完成值).
const HEADER_TAILS: [&str; 8] = [
    "完成值",
    "目标值",
    "目标",
    "现状",
    "现状值",
    "基期",
    "预期值",
    "规划值",
];

fn is_period_label(c: &str) -> bool {
    let s: String = squeeze(c)
        .chars()
        .filter(|ch| !"“”\"'".contains(*ch))
        .collect();
    ["十二五", "十三五", "十四五", "十五五", "十六五"].contains(&s.as_str())
        || (s.len() == 7 && s.ends_with('年') && s[..4].bytes().all(|b| b.is_ascii_digit()))
}

fn is_int(c: &str) -> Option<u32> {
    let c = c.trim_end_matches(['.', '、', '．']);
    (!c.is_empty() && c.len() <= 3 && c.bytes().all(|b| b.is_ascii_digit()))
        .then(|| c.parse().ok())
        .flatten()
}

/// A cell that could be a header cell: short, not a number.
fn headerish(c: &str) -> bool {
    let n = c.chars().count();
    (1..=24).contains(&n) && is_int(c).is_none() && !c.starts_with(|ch: char| ch.is_ascii_digit())
}

/// The year a title line names: a plan period's end or a 4-digit year.
fn year_in(s: &str) -> Option<i32> {
    let s = crate::table::period_years(s);
    let b = s.as_bytes();
    let mut best = None;
    let mut i = 0;
    while i + 4 <= b.len() {
        if b[i..i + 4].iter().all(u8::is_ascii_digit)
            && (i == 0 || !b[i - 1].is_ascii_digit())
            && s[i + 4..].starts_with('年')
        {
            let y: i32 = s[i..i + 4].parse().ok()?;
            if (1990..=2100).contains(&y) {
                best = Some(best.map_or(y, |b: i32| b.max(y)));
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    best
}

/// Every cell-per-line table of `text` with a header naming an indicator
/// and a value column (a year's target, a baseline or a target).
pub fn find(text: &str) -> Vec<Table> {
    find_with(text, true)
}

/// Every cell-per-line table of `text` whose header has a 序号 column,
/// whatever its other columns (for showing what a text holds).
pub fn find_any(text: &str) -> Vec<Table> {
    find_with(text, false)
}

fn find_with(text: &str, strict: bool) -> Vec<Table> {
    let lines: Vec<&str> = text.split('\n').collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        match table_at(&lines, i, strict) {
            Some((t, next)) => {
                out.push(t);
                i = next.max(i + 1);
            }
            // A header run that makes no table is not looked at again from
            // each of its lines (linear time).
            None => {
                i = match header_at(&lines, i) {
                    Some((cells, _, body_start)) if cells.len() >= 3 => body_start.max(i + 1),
                    _ => i + 1,
                }
            }
        }
    }
    out
}

/// The header cells from line `i`: (cells with their lines, blank-separated?, next line).
/// Header cells with their lines, whether blank lines separate cells, and
/// the first line after the header.
type Header = (Vec<(String, u32)>, bool, usize);

fn header_at(lines: &[&str], i: usize) -> Option<Header> {
    let first = cell_of(lines[i]);
    if header_col(first).is_none() || lines[i].contains('\t') {
        return None;
    }
    let mut cells: Vec<(String, u32)> = Vec::new();
    let mut blanks = false;
    let mut k = i;
    let mut gap = 0;
    while k < lines.len() {
        let c = cell_of(lines[k]);
        if c.is_empty() {
            gap += 1;
            if gap > 2 {
                break;
            }
            k += 1;
            continue;
        }
        let after_gap = gap > 0;
        gap = 0;
        if !headerish(c) {
            break;
        }
        let known = header_col(c).is_some();
        let tail = HEADER_TAILS.contains(&squeeze(c).as_str());
        if let Some(last) = cells.last_mut() {
            if tail && is_period_label(&last.0) {
                last.0.push_str(c);
                k += 1;
                continue;
            }
        }
        if !known && !is_period_label(c) {
            break;
        }
        // Blank lines between header cells: blank lines separate cells.
        if after_gap && !cells.is_empty() {
            blanks = true;
        }
        cells.push((c.to_string(), k as u32 + 1));
        k += 1;
    }
    Some((cells, blanks, k))
}

fn table_at(lines: &[&str], i: usize, strict: bool) -> Option<(Table, usize)> {
    let (cells, blanks, body_start) = header_at(lines, i)?;
    if cells.len() < 3 {
        return None;
    }
    let cols: Vec<Column> = cells
        .iter()
        .map(|(c, _)| header_col(c).unwrap_or(Column::Other))
        .collect();
    let has = |f: &dyn Fn(&Column) -> bool| cols.iter().any(f);
    if strict
        && (!has(&|c| *c == Column::Indicator)
            || !has(&|c| matches!(c, Column::Year(_) | Column::Baseline(_) | Column::Target))
            || has(&|c| matches!(c, Column::Responsible | Column::Lead | Column::Task)))
    {
        return None;
    }
    let keyed = !cols.contains(&Column::Number);
    // Without 序号, a table needs a name column and a value column.
    if keyed
        && !(cols.contains(&Column::Indicator)
            && cols
                .iter()
                .any(|c| matches!(c, Column::Year(_) | Column::Target)))
    {
        return None;
    }
    let mut t = build(lines, i, cells, cols, blanks, body_start)?;
    if keyed {
        t.0.rows = keyed_rows(&t.0, lines, body_start, blanks);
        if t.0.rows.len() < 2 {
            return None;
        }
        t.1 = t.0.rows.last().map_or(t.1, |r| r.lines.end as usize);
    }
    Some(t)
}

/// A cell naming an agency (区发改局区统计局, 省财政厅): by its last character.
fn agency_like(c: &str) -> bool {
    c.chars().count() <= 40
        && [
            "局", "委", "办", "厅", "部", "院", "中心", "政府", "公司", "室", "站", "会", "署",
        ]
        .iter()
        .any(|s| c.ends_with(s))
}

/// A value cell: a number, with its bound.
fn numeric(c: &str) -> bool {
    c.starts_with(|ch: char| ch.is_ascii_digit() || "≥≤><约-".contains(ch))
}

/// Rows of a table without 序号, by content: a row starts at a name (text,
/// no agency) followed by a value; a name followed by another name is a
/// category; cells naming agencies go to the column of units, the others
/// to the value columns in order.
fn keyed_rows(t: &Table, lines: &[&str], body_start: usize, blanks: bool) -> Vec<Row> {
    let cols = &t.cols;
    let w = cols.len();
    let Some(name_col) = cols.iter().position(|c| *c == Column::Indicator) else {
        return Vec::new();
    };
    let cat_col = cols.iter().position(|c| *c == Column::Category);
    let agency_col = t.header.iter().enumerate().position(|(k, h)| {
        let h = squeeze(h);
        h.ends_with("单位")
            || h.ends_with("部门")
            || matches!(cols[k], Column::Responsible | Column::Lead | Column::Source)
    });
    let value_cols: Vec<usize> = (0..w)
        .filter(|&k| k != name_col && Some(k) != cat_col && Some(k) != agency_col)
        .collect();
    // The body's non-empty cells (blank lines carry nothing without 序号).
    let mut body: Vec<(&str, u32)> = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(body_start) {
        let c = cell_of(l);
        if c.is_empty() {
            continue;
        }
        if c.chars().count() > 120 || body.len() > 20_000 {
            break;
        }
        body.push((c, k as u32 + 1));
    }
    let _ = blanks;
    let texty = |c: &str| !numeric(c) && !agency_like(c);
    let starts = |j: usize| texty(body[j].0) && body.get(j + 1).is_some_and(|n| numeric(n.0));
    let mut rows: Vec<Row> = Vec::new();
    let mut j = 0;
    let mut misses = 0;
    while j < body.len() {
        if !starts(j) {
            // A category before a row.
            if texty(body[j].0) && j + 1 < body.len() && starts(j + 1) {
                if let Some(cc) = cat_col {
                    let mut cells = vec![String::new(); w];
                    cells[cc] = body[j].0.to_string();
                    rows.push(Row {
                        lines: Lines::one(body[j].1),
                        cells,
                    });
                }
            } else {
                misses += 1;
                // Far from any row: the table has ended.
                if misses > 2 * w && !rows.is_empty() {
                    break;
                }
            }
            j += 1;
            continue;
        }
        misses = 0;
        let mut cells = vec![String::new(); w];
        cells[name_col] = body[j].0.to_string();
        let start = body[j].1;
        let mut end = start;
        let mut v = 0;
        let mut k = j + 1;
        while k < body.len()
            && !starts(k)
            && !(texty(body[k].0) && k + 1 < body.len() && starts(k + 1))
        {
            let c = body[k].0;
            match agency_col {
                Some(a) if agency_like(c) => {
                    if cells[a].is_empty() {
                        cells[a] = c.to_string();
                    }
                }
                _ => {
                    if let Some(&vc) = value_cols.get(v) {
                        cells[vc] = c.to_string();
                    }
                    v += 1;
                }
            }
            end = body[k].1;
            k += 1;
            if v > value_cols.len() + 1 {
                break;
            }
        }
        rows.push(Row {
            lines: Lines { start, end },
            cells,
        });
        j = k;
    }
    rows
}

/// The table whose header starts at line `at` (0-based) as a reader says:
/// with `cols`, its header is that many cells (one a line) and each is
/// read as its column; without, its header is found there as [`find`]
/// finds one. Rows are cut at the 序号 numbers, or every as many cells as
/// the header has when there is no 序号 column.
pub fn table_from(text: &str, at: usize, cols: Option<&[Column]>) -> Option<Table> {
    let lines: Vec<&str> = text.split('\n').collect();
    if at >= lines.len() {
        return None;
    }
    match cols {
        None => {
            let (cells, blanks, body_start) = header_at(&lines, at)?;
            let cols = cells
                .iter()
                .map(|(c, _)| header_col(c).unwrap_or(Column::Other))
                .collect();
            build(&lines, at, cells, cols, blanks, body_start).map(|t| t.0)
        }
        Some(cols) => {
            let mut cells = Vec::new();
            let mut k = at;
            let mut blanks = false;
            while k < lines.len() && cells.len() < cols.len() {
                let c = cell_of(lines[k]);
                if c.is_empty() {
                    blanks |= !cells.is_empty();
                } else {
                    cells.push((c.to_string(), k as u32 + 1));
                }
                k += 1;
            }
            if cells.len() < cols.len() || cols.is_empty() {
                return None;
            }
            build(&lines, at, cells, cols.to_vec(), blanks, k).map(|t| t.0)
        }
    }
}

fn build(
    lines: &[&str],
    i: usize,
    cells: Vec<(String, u32)>,
    cols: Vec<Column>,
    blanks: bool,
    body_start: usize,
) -> Option<(Table, usize)> {
    let w = cols.len();
    let title_year = (0..i)
        .rev()
        .map(|k| cell_of(lines[k]))
        .filter(|c| !c.is_empty())
        .take(2)
        .find_map(|c| (c.chars().count() <= 80).then(|| year_in(c)).flatten());

    // The body's cells, with their lines.
    let mut body: Vec<(String, Lines)> = Vec::new();
    let mut k = body_start;
    let mut last_blank = false;
    let limit = lines.len();
    while k < limit {
        let raw = lines[k];
        let c = cell_of(raw);
        let no = k as u32 + 1;
        if c.is_empty() {
            if !blanks {
                body.push((String::new(), Lines::one(no)));
            }
            last_blank = true;
            k += 1;
            continue;
        }
        if c.chars().count() > 120 || raw.contains('\t') {
            break;
        }
        match body.last_mut() {
            // A cell wrapped over lines (no blank line between them).
            Some(last) if blanks && !last_blank && !last.0.is_empty() => {
                last.0.push_str(c);
                last.1.end = no;
            }
            _ => body.push((c.to_string(), Lines::one(no))),
        }
        last_blank = false;
        k += 1;
        // Bounded: a table's body ends within a few hundred cells of no row.
        if body.len() > 20_000 {
            break;
        }
    }

    // No 序号 column: a row every `w` cells.
    let Some(p) = cols.iter().position(|c| *c == Column::Number) else {
        let mut rows = Vec::new();
        for chunk in body.chunks(w) {
            if chunk.len() < w {
                break;
            }
            rows.push(Row {
                lines: Lines {
                    start: chunk[0].1.start,
                    end: chunk[w - 1].1.end,
                },
                cells: chunk.iter().map(|c| c.0.clone()).collect(),
            });
        }
        let next = rows.last().map_or(body_start, |r| r.lines.end as usize);
        return Some((
            Table {
                header: cells.into_iter().map(|c| c.0).collect(),
                cols,
                header_lines: Lines {
                    start: i as u32 + 1,
                    end: body_start as u32,
                },
                rows,
                title_year,
            },
            next,
        ));
    };
    // Rows at the running numbers.
    let after = w - p - 1;
    let mut anchors: Vec<usize> = Vec::new();
    let reach = 2 * w + 4;
    let first = body
        .iter()
        .take(p + 3)
        .position(|c| is_int(&c.0) == Some(1))?;
    anchors.push(first);
    let mut n = 1;
    loop {
        let at = *anchors.last().unwrap_or(&0);
        let want = n + 1;
        // The next number where the row it closes is nearest the header's
        // width (a value equal to the next number comes before it: …预期性 /
        // 2 / 2 / 名称; a weight 5 before row 5).
        let found = (at + 1..body.len().min(at + 1 + reach))
            .filter(|&j| is_int(&body[j].0) == Some(want))
            .min_by_key(|&j| ((j - at - 1).abs_diff(after), j));
        let Some(j) = found else { break };
        anchors.push(j);
        n = want;
    }
    let mut rows = Vec::new();
    let mut pre: Vec<String> = body[..first]
        .iter()
        .map(|c| c.0.clone())
        .filter(|c| !c.is_empty())
        .collect();
    let mut end_cell = first;
    for (a, &at) in anchors.iter().enumerate() {
        let stop = match anchors.get(a + 1) {
            Some(&next) => next,
            None => (at + 1 + after).min(body.len()),
        };
        let mut seg: Vec<&(String, Lines)> = body[at + 1..stop].iter().collect();
        // A blank line closing a row is not an empty last cell.
        while seg.last().is_some_and(|c| c.0.is_empty()) {
            seg.pop();
        }
        end_cell = stop;
        // Categories of the next row: trailing text cells (no digit), up to p.
        let mut cats = 0;
        if a + 1 < anchors.len() {
            while cats < p
                && seg.len() > cats
                && seg.len() - cats > after.min(seg.len())
                && !seg[seg.len() - 1 - cats].0.is_empty()
                && !seg[seg.len() - 1 - cats]
                    .0
                    .contains(|c: char| c.is_ascii_digit())
            {
                cats += 1;
            }
        }
        let mut body_len = seg.len() - cats;
        while body_len > 0 && seg[body_len - 1].0.is_empty() {
            body_len -= 1;
        }
        let main_len = body_len.min(after);
        let main = &seg[..main_len];
        let extra = &seg[main_len..body_len];
        let mut cells = vec![String::new(); w];
        for (q, c) in pre.iter().rev().take(p).enumerate() {
            cells[p - 1 - q] = c.clone();
        }
        cells[p] = body[at].0.clone();
        // A short row: its last cells are the last columns.
        let shift = after - main.len();
        for (q, c) in main.iter().enumerate() {
            cells[p + 1 + shift + q] = c.0.clone();
        }
        let start = body[at].1.start;
        let end = seg.last().map_or(body[at].1.end, |c| c.1.end);
        rows.push(Row {
            lines: Lines { start, end },
            cells,
        });
        // Left over cells holding numbers: a sub-row (其中 …), its name in
        // the indicator column, its values on the last columns.
        if extra.len() >= 2
            && extra[1..]
                .iter()
                .any(|c| c.0.contains(|ch: char| ch.is_ascii_digit()))
        {
            let mut sub = vec![String::new(); w];
            if let Some(ix) = cols.iter().rposition(|c| *c == Column::Indicator) {
                sub[ix] = extra[0].0.clone();
            }
            // Its unit and attribute are its row's.
            for (k, c) in cols.iter().enumerate() {
                if matches!(c, Column::Unit | Column::Attribute) {
                    sub[k] = rows
                        .last()
                        .map_or(String::new(), |r: &Row| r.cells[k].clone());
                }
            }
            for (q, c) in extra[1..].iter().rev().enumerate() {
                if q < w {
                    sub[w - 1 - q] = c.0.clone();
                }
            }
            rows.push(Row {
                lines: Lines {
                    start: extra[0].1.start,
                    end: extra[extra.len() - 1].1.end,
                },
                cells: sub,
            });
        }
        pre = seg[seg.len() - cats..]
            .iter()
            .map(|c| c.0.clone())
            .collect();
    }
    let next = body
        .get(end_cell.saturating_sub(1))
        .map_or(body_start, |c| c.1.end as usize);
    Some((
        Table {
            header: cells.into_iter().map(|c| c.0).collect(),
            cols,
            header_lines: Lines {
                start: i as u32 + 1,
                end: body_start as u32,
            },
            rows,
            title_year,
        },
        next,
    ))
}
