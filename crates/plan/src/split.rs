//! The 责任分工 parser: tasks and their responsible units, from either layout.
//!
//! * Numbered prose under headings (000): `一、…` opens a category, `1．…` a
//!   task, and the next line that reads as a unit list is its 责任单位.
//! * One table cell per line (004): a header of column names (序号, 类别,
//!   重点任务, 责任单位), then rows as blocks of cells separated by blank
//!   lines, an empty cell meaning "same as above".
//!
//! Both layouts may mix tab-indented cells, blank lines and empty cells; the
//! parser never stops at an odd line, it records a [`Problem`].
//!
//! What imported documents add, read by the same code:
//! * numbering `1．`/`1.`/`1、`/`（一）`/`一、`/`（1）`/`①`: the level whose
//!   items carry units is the task level, the levels above are headings (the
//!   category is the outermost level with more than one heading), deeper
//!   levels are part of the task's text; numbers may run on across
//!   categories or restart in each;
//! * units on their own lines, bare or labelled (`牵头单位：…`, `责任单位：…`,
//!   `协同责任单位：…`, `分管领导：…`), a list broken over lines, or inline at
//!   the end of the task (`（牵头单位：X，配合单位：A、B）`, `（X牵头，Y、Z配合）`,
//!   `（A、B等负责）`, `……。牵头单位：X`);
//! * one cell per line with empty cells as blank lines: rows then start at
//!   each line holding the next number;
//! * a role rule stated once (`列第一位者为牵头单位，下同`, `明确牵头部门的，
//!   其他有关部门配合`) applies from where it is stated.

use super::agencies::Registry;
use super::table::{header_col, Column};
use super::text::numbered;
pub use super::text::strip_numbering;
use super::text::{clean_cell, LineIndex};
use super::units::{
    apply_rule, assign_marked, is_org_name, label_role, role_parts, rule_stated, split_units,
    Marked,
};
use super::{Document, Lines, Parsed, Problem, ProblemCode, RoleRule, Task};

mod cells;
use cells::parse_cells;

/// How a task document was laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Layout {
    /// Numbered prose under headings (000).
    Prose,
    /// A table flattened one cell per line (004).
    Cells,
    /// A table with a row per line, cells separated by tabs (003).
    Rows,
    /// A table with a row per line, cells separated by runs of spaces.
    SpacedRows,
}

/// What a reader may force.
#[derive(Clone, Debug, Default)]
pub struct Options {
    /// One column per header cell (the cells layout), instead of the header's words.
    pub columns: Option<Vec<Column>>,
    /// The role rule, instead of the one the document states.
    pub role_rule: Option<RoleRule>,
}

/// What the parser found besides tasks: the layout, the header, the role
/// rule and where it is stated, the lines read as structure, the leaders.
#[derive(Clone, Debug)]
pub struct Found {
    pub layout: Layout,
    pub header: Vec<(String, Column)>,
    /// The rule applied to the last task (forced, stated, or the default).
    pub rule: RoleRule,
    /// Where the document states its rule.
    pub rule_line: Option<u32>,
    /// Lines read as headings, header cells or rule statements.
    pub used: Vec<u32>,
    /// (line, task id, name) of each leader named on a task.
    pub leaders: Vec<(u32, String, String)>,
    /// True when some unit was marked lead or support by a label, a marker or a column.
    pub marked: bool,
}

/// A non-blank line of the document: its trimmed content and 1-based number.
#[derive(Clone, Debug)]
struct Line<'a> {
    no: u32,
    text: &'a str,
    blank: bool,
}

pub fn parse(doc: &Document, registry: &mut Registry) -> Parsed {
    parse_with(doc, registry, &Options::default()).0
}

/// Parse a task document: numbered prose or one cell per line.
pub fn parse_with(doc: &Document, registry: &mut Registry, opts: &Options) -> (Parsed, Found) {
    let lines: Vec<Line> = doc
        .text
        .split('\n')
        .enumerate()
        .map(|(i, raw)| Line {
            no: i as u32 + 1,
            text: clean_cell(raw),
            // A line with nothing at all separates rows; a line with only a
            // tab is an empty cell.
            blank: raw.trim_matches(|c| c == ' ' || c == '\r').is_empty(),
        })
        .collect();

    // The header: consecutive lines that are all column names.
    let mut header: Vec<Column> = Vec::new();
    let mut labels: Vec<(String, u32)> = Vec::new();
    let mut body_start = 0;
    // Blank lines between the header's cells: then they separate cells
    // (a blank line is no empty cell).
    let mut gaps = false;
    for (i, l) in lines.iter().enumerate() {
        // Header cells may be separated by blank lines (one blank, or two).
        if !header.is_empty() && l.blank && i < body_start + 2 {
            continue;
        }
        if let Some(c) = task_header_col(l.text) {
            if header.is_empty() || i < body_start + 3 {
                gaps |= i > body_start && !header.is_empty();
                header.push(c);
                labels.push((l.text.to_string(), l.no));
                body_start = i + 1;
                continue;
            }
        }
        if !header.is_empty() {
            break;
        }
    }
    if let Some(forced) = &opts.columns {
        for (k, h) in header.iter_mut().enumerate() {
            *h = forced.get(k).copied().unwrap_or(Column::Other);
        }
    }
    let has_units = header
        .iter()
        .any(|c| matches!(c, Column::Responsible | Column::Lead));
    let body = &lines[body_start..];
    let numbered_body = body.iter().any(|l| numbered(l.text).is_some());
    let cells = has_units
        && (header.contains(&Column::Number) || (header.contains(&Column::Task) && !numbered_body));
    let ctx = Ctx::new(doc, &lines, opts.role_rule);
    let mut found = Found {
        layout: if cells { Layout::Cells } else { Layout::Prose },
        header: labels
            .iter()
            .map(|(t, _)| t.clone())
            .zip(header.iter().copied())
            .collect(),
        rule: RoleRule::AllResponsible,
        rule_line: ctx.rules.first().map(|r| r.0),
        used: labels.iter().map(|l| l.1).collect(),
        leaders: vec![],
        marked: false,
    };
    found.used.extend(ctx.rules.iter().map(|r| r.0));
    let mut parsed = if cells {
        parse_cells(&ctx, body, &header, gaps, registry, &mut found)
    } else {
        parse_prose(&ctx, body, registry, &mut found)
    };
    found.rule = ctx.rule_at(u32::MAX, found.marked);
    check_numbering(&parsed.tasks, &mut parsed.problems);
    (parsed, found)
}

/// The header words of a task table flattened one cell per line.
fn task_header_col(cell: &str) -> Option<Column> {
    header_col(cell).filter(|c| {
        matches!(
            c,
            Column::Number
                | Column::Category
                | Column::Task
                | Column::Responsible
                | Column::Lead
                | Column::Support
                | Column::Leader
                | Column::Other
        )
    })
}

/// What the whole document tells every task: its lines, where it ends, the
/// role rules it states.
struct Ctx<'a> {
    doc: &'a Document,
    ix: LineIndex<'a>,
    /// The last line with content.
    last_line: u32,
    /// (line, rule) of every statement of a role rule.
    rules: Vec<(u32, RoleRule)>,
    forced: Option<RoleRule>,
}

impl<'a> Ctx<'a> {
    fn new(doc: &'a Document, lines: &[Line], forced: Option<RoleRule>) -> Self {
        let last_line = lines
            .iter()
            .rev()
            .find(|l| !l.text.is_empty())
            .map_or(0, |l| l.no);
        let rules = lines
            .iter()
            .filter(|l| l.text.chars().count() <= 400)
            .filter_map(|l| rule_stated(l.text).map(|r| (l.no, r)))
            .collect();
        Ctx {
            doc,
            ix: LineIndex::new(&doc.text),
            last_line,
            rules,
            forced,
        }
    }
    /// The rule for a task ending at `line`: forced, else the last one
    /// stated up to there, else lead-and-support when units are marked,
    /// else every unit responsible.
    fn rule_at(&self, line: u32, marked: bool) -> RoleRule {
        if let Some(r) = self.forced {
            return r;
        }
        match self.rules.iter().rev().find(|r| r.0 <= line) {
            Some(r) => r.1,
            None if marked => RoleRule::LeadAndSupport,
            None => RoleRule::AllResponsible,
        }
    }
}

/// Strip a Chinese-numeral heading prefix: "一、加强规划" → Some("加强规划").
fn heading(s: &str) -> Option<&str> {
    strip_numbering(s).filter(|n| n.0 == 0).map(|n| n.2)
}

/// Does a line read as a list of units (and not as prose)?
fn looks_like_units(s: &str) -> bool {
    if s.is_empty() || s.contains('。') || s.chars().count() > 400 {
        return false;
    }
    let (names, _) = split_units(s, None);
    !names.is_empty()
        && names.iter().all(|u| {
            let n = u.name.as_str();
            n.chars().count() <= 24
                && (is_org_name(n)
                    || n.starts_with('各')
                    || n.starts_with('等')
                    || n.contains("三市"))
        })
}

/// A line wrapped whole in one bracket, without it: "(责任单位:X、Y)".
fn unbracket(s: &str) -> &str {
    for (open, close) in [('（', '）'), ('(', ')'), ('〔', '〕'), ('【', '】')] {
        if let Some(inner) = s.strip_prefix(open).and_then(|r| r.strip_suffix(close)) {
            // The first bracket closes at the end, not inside.
            let mut depth = 0i32;
            let whole = inner.chars().all(|c| {
                if c == open {
                    depth += 1;
                } else if c == close {
                    depth -= 1;
                }
                depth >= 0
            });
            if whole && depth == 0 {
                return inner;
            }
        }
    }
    s
}

/// Does a line start with a role label (`牵头单位：…`, `分管领导：…`)?
fn labelled(s: &str) -> bool {
    let Some((at, _)) = s.char_indices().find(|(_, c)| *c == '：' || *c == ':') else {
        return false;
    };
    at <= 40 && label_role(&s[..at]).is_some()
}

/// Does a line (or a bracket) hold units, labelled, marked or bare?
fn units_line(s: &str) -> bool {
    if s.is_empty() || s.chars().count() > 400 {
        return false;
    }
    if labelled(s) {
        return true;
    }
    let parts = role_parts(s);
    if parts.is_empty() {
        return false;
    }
    if parts.len() == 1 && parts[0].0 == Marked::Responsible {
        return looks_like_units(&parts[0].1);
    }
    parts
        .iter()
        .all(|(m, t)| *m == Marked::Leader || looks_like_units(t))
}

/// Units written at the end of a task's text: a bracket (`（X牵头，Y配合）`)
/// or a label after the task (`……。牵头单位：X`). Returns (text without
/// them, units).
fn inline_units(text: &str) -> Option<(String, String)> {
    let t = text.trim_end();
    let (body, dot) = match t.strip_suffix('。') {
        Some(b) => (b.trim_end(), "。"),
        None => (t, ""),
    };
    for (open, close) in [('（', '）'), ('(', ')'), ('〔', '〕'), ('【', '】')] {
        if let Some(inner_end) = body.strip_suffix(close) {
            // The matching open bracket, scanning back.
            let mut depth = 0;
            let mut at = None;
            for (i, c) in inner_end.char_indices().rev() {
                if c == close {
                    depth += 1;
                } else if c == open {
                    if depth == 0 {
                        at = Some(i);
                        break;
                    }
                    depth -= 1;
                }
            }
            let at = at?;
            let inner = &inner_end[at + open.len_utf8()..];
            // 〔责任单位：X、Y按职责分工负责。具体任务…不再做分工，下同。〕: the
            // units are the bracket's first sentence, the rest is a rule.
            let inner = match inner.find('。') {
                Some(k) if k > 0 => &inner[..k],
                _ => inner,
            };
            if units_line(inner) && at > 0 {
                let before = inner_end[..at].trim_end();
                let dot = if before.ends_with('。') { "" } else { dot };
                return Some((format!("{before}{dot}"), inner.to_string()));
            }
        }
    }
    // A label after a sentence end: "……。牵头单位：X；配合单位：Y".
    for (i, c) in t.char_indices() {
        if c != '：' && c != ':' {
            continue;
        }
        let before = &t[..i];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| "。；;\n ".contains(*c))
            .map(|(k, c)| k + c.len_utf8());
        let Some(start) = start else { continue };
        if label_role(&before[start..]).is_some() && units_line(&t[start..]) {
            return Some((clean_cell(&t[..start]).to_string(), t[start..].to_string()));
        }
    }
    // A row of a table copied as one line, its last cell the units after a
    // space or a sentence's end: "…占GDP比重47.1%. 发改委", "…。财政局".
    let cut = t
        .rfind(['。', ' ', '\u{3000}', '；'])
        .map(|k| k + t[k..].chars().next().map_or(1, char::len_utf8))?;
    let (head, tail) = (clean_cell(&t[..cut]), clean_cell(&t[cut..]));
    if head.chars().count() >= 4 && tail.chars().count() <= 60 && looks_like_units(tail) {
        return Some((head.to_string(), tail.to_string()));
    }
    None
}

struct Draft {
    number: String,
    category: String,
    text: String,
    /// Unit cells: (text, line, the role their column gives).
    units: Vec<(String, u32, Marked)>,
    first: u32,
    last: u32,
    /// Problems of the row (cells layout), before those of its units.
    problems: Vec<Problem>,
}

/// The task of a draft, appended to `out` (its seq is its position).
fn finish(ctx: &Ctx, mut d: Draft, registry: &mut Registry, out: &mut Parsed, found: &mut Found) {
    let seq = out.tasks.len() as u32 + 1;
    let id = format!("{}-{}", ctx.doc.code, seq);
    let mut problems = std::mem::take(&mut d.problems);
    if d.units.is_empty() {
        if let Some((text, units)) = inline_units(&d.text) {
            d.text = text;
            d.units.push((units, d.last, Marked::Responsible));
        }
    }
    let mut marked = Vec::new();
    let mut order = 0;
    for (cell, line, column) in &d.units {
        let (u, leaders) = assign_marked(cell, *line, *column, &mut order, registry, &mut problems);
        marked.extend(u);
        found
            .leaders
            .extend(leaders.into_iter().map(|l| (*line, id.clone(), l)));
    }
    let any_marked = marked.iter().any(|(_, m)| *m != Marked::Responsible);
    found.marked |= any_marked;
    let units = apply_rule(marked, ctx.rule_at(d.last, any_marked));
    if units.is_empty() && !found.leaders.iter().any(|l| l.1 == id) {
        // Nothing but whitespace after the task: the file was cut off.
        let at_end = d.last >= ctx.last_line;
        problems.push(Problem::new(
            if at_end {
                ProblemCode::TruncatedUnits
            } else {
                ProblemCode::MissingUnits
            },
            d.text.chars().take(24).collect::<String>(),
            Some(d.last),
        ));
    }
    let lines = Lines {
        start: d.first,
        end: d.last,
    };
    out.tasks.push(Task {
        id,
        document: ctx.doc.id.clone(),
        number: d.number,
        seq,
        category: d.category,
        text: d.text,
        units,
        targets: vec![],
        quote: clean_cell(ctx.ix.slice(lines)).to_string(),
        lines,
        problems,
    });
}

/// The verbatim text of a line range, outer whitespace trimmed.
pub fn quote_lines(text: &str, lines: Lines) -> String {
    clean_cell(LineIndex::new(text).slice(lines)).to_string()
}

fn parse_prose(ctx: &Ctx, lines: &[Line], registry: &mut Registry, found: &mut Found) -> Parsed {
    let mut out = Parsed::default();
    // The numbering of every line, and which level is the tasks'.
    let nums: Vec<Option<(u8, &str, &str)>> =
        lines.iter().map(|l| strip_numbering(l.text)).collect();
    let mut with_units = [0u32; 5];
    let mut items = [0u32; 5];
    let mut current: Option<u8> = None;
    for (l, n) in lines.iter().zip(&nums) {
        if let Some((level, _, body)) = n {
            items[*level as usize] += 1;
            current = Some(*level);
            if inline_units(body).is_some() {
                with_units[*level as usize] += 1;
                current = None;
            }
        } else if let Some(level) = current {
            if units_line(unbracket(l.text)) {
                with_units[level as usize] += 1;
                current = None;
            }
        }
    }
    let task_level = (0..5u8)
        .filter(|&k| with_units[k as usize] > 0)
        .max_by_key(|&k| (with_units[k as usize], k))
        .or_else(|| (0..5u8).rev().find(|&k| items[k as usize] > 0 && k >= 2))
        .unwrap_or(2);
    // The category: the outermost heading level above the tasks with more
    // than one heading, else the nearest one with any.
    let above: Vec<u8> = (0..task_level).filter(|&k| items[k as usize] > 0).collect();
    let cat_level = above
        .iter()
        .copied()
        .find(|&k| items[k as usize] > 1)
        .or_else(|| above.last().copied());

    let mut category = String::new();
    let mut draft: Option<Draft> = None;
    // Whether the draft's last unit line continues on the next line.
    let mut open_list = false;
    for (l, n) in lines.iter().zip(nums) {
        if l.text.is_empty() {
            continue;
        }
        match n {
            Some((level, _, body)) if level < task_level => {
                if let Some(d) = draft.take() {
                    finish(ctx, d, registry, &mut out, found);
                }
                if Some(level) == cat_level {
                    category = body.to_string();
                }
                found.used.push(l.no);
                continue;
            }
            Some((level, num, body)) if level == task_level => {
                if let Some(d) = draft.take() {
                    finish(ctx, d, registry, &mut out, found);
                }
                draft = Some(Draft {
                    number: num.to_string(),
                    category: category.clone(),
                    text: body.to_string(),
                    units: vec![],
                    first: l.no,
                    last: l.no,
                    problems: vec![],
                });
                open_list = false;
                continue;
            }
            _ => {}
        }
        let stated = ctx.rules.iter().any(|r| r.0 == l.no);
        match draft.as_mut() {
            Some(d)
                if (d.units.is_empty() || open_list || labelled(unbracket(l.text)))
                    && units_line(unbracket(l.text)) =>
            {
                d.units
                    .push((unbracket(l.text).to_string(), l.no, Marked::Responsible));
                d.last = l.no;
                open_list = l.text.ends_with(['、', '，', ',', '：', ':']);
            }
            _ if stated => {}
            // One item a line, each ending with its units, the numbering
            // lost (a page's mojibake: ?。ǘ┩…。(牵头单位:X;配合单位:Y)): a
            // line with units of its own after a task with units is a task.
            Some(d)
                if d.units.is_empty()
                    && inline_units(&d.text).is_some()
                    && inline_units(l.text).is_some() =>
            {
                let next = Draft {
                    number: String::new(),
                    category: category.clone(),
                    text: l.text.to_string(),
                    units: vec![],
                    first: l.no,
                    last: l.no,
                    problems: vec![],
                };
                if let Some(d) = draft.replace(next) {
                    finish(ctx, d, registry, &mut out, found);
                }
                open_list = false;
            }
            Some(d) if d.units.is_empty() => {
                // A continuation paragraph of the task.
                d.text.push('\n');
                d.text.push_str(l.text);
                d.last = l.no;
            }
            _ => out.problems.push(Problem::new(
                ProblemCode::StrayLine,
                l.text.chars().take(40).collect::<String>(),
                Some(l.no),
            )),
        }
    }
    if let Some(d) = draft.take() {
        finish(ctx, d, registry, &mut out, found);
    }
    out
}

/// Report numbers that do not run 1, 2, 3, … in document order (numbering
/// may restart at 1 in each category).
fn check_numbering(tasks: &[Task], problems: &mut Vec<Problem>) {
    let mut expected = 1u32;
    let mut category: Option<&str> = None;
    for t in tasks {
        let new_category = category.is_some_and(|c| c != t.category);
        category = Some(&t.category);
        match t.number.parse::<u32>() {
            Ok(n) if n == expected => expected += 1,
            Ok(1) if new_category => expected = 2,
            Ok(n) => {
                problems.push(Problem::new(
                    ProblemCode::NumberGap,
                    format!("{} → {}", expected, n),
                    Some(t.lines.start),
                ));
                expected = n.saturating_add(1);
            }
            Err(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocKind, RoleRule};

    fn doc(text: &str) -> Document {
        Document {
            id: "x_test".into(),
            code: "x".into(),
            file: "x_test.txt".into(),
            title: String::new(),
            title_en: String::new(),
            kind: DocKind::TaskSplit,
            date: None,
            summary: String::new(),
            summary_en: String::new(),
            role_rule: RoleRule::AllResponsible,
            text: text.into(),
        }
    }

    #[test]
    fn prose_layout_without_tabs_or_blank_lines() {
        let d = doc("重点任务\n一、甲类\n1．做第一件事。\n省科技厅、省财政厅\n2．做第二件事。\n还有一段说明。\n长沙市、湘潭市人民政府\n二、乙类\n3．做第三件事。");
        let p = parse(&d, &mut Registry::seeded());
        assert_eq!(p.tasks.len(), 3);
        assert_eq!(p.tasks[1].text, "做第二件事。\n还有一段说明。");
        assert_eq!(p.tasks[1].units.len(), 2);
        assert_eq!(p.tasks[1].units[1].agency, "city-xiangtan");
        assert_eq!(p.tasks[2].category, "乙类");
        assert_eq!(p.tasks[2].problems[0].code, ProblemCode::TruncatedUnits);
        assert_eq!(p.tasks[0].problems, vec![]);
    }

    #[test]
    fn cell_layout_fills_empty_category_down() {
        let d = doc("附件\n\t序号\n\t类别\n\t重点任务\n\t责任单位\n\n\t1\n\t甲类\n\t任务一\n\t省科技厅\n\n\t2\n\t\n\t任务二\n\t省财政厅、\n\n\t4\n\t乙类\n\t任务四\n");
        let p = parse(&d, &mut Registry::seeded());
        assert_eq!(p.tasks.len(), 3);
        assert_eq!(p.tasks[1].category, "甲类");
        assert_eq!(p.tasks[1].problems[0].code, ProblemCode::TrailingSeparator);
        assert_eq!(p.tasks[2].problems[0].code, ProblemCode::ShortRow);
        assert_eq!(p.tasks[2].problems[1].code, ProblemCode::TruncatedUnits);
        assert_eq!(p.problems[0].code, ProblemCode::NumberGap);
    }
}
