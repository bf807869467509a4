//! Tables, and the 目标任务分解表 parser: rows of work items with a
//! baseline, yearly targets, lead (责任单位) and supporting (配合/参与单位)
//! units. The header row may repeat before each group; an empty group cell
//! means "same as above".
//!
//! The same reader takes any task table written a row per line: cells
//! separated by tabs, or by runs of two or more spaces (text copied from a
//! PDF), with columns named in [`header_col`]'s words (序号, 类别, 重点任务,
//! 责任单位, 牵头单位, 配合单位, 协同责任单位, 分管领导, 完成时限 …). Roles
//! come from the columns, from labels and markers inside a cell
//! ([`crate::units::role_parts`]) and from the document's role rule.

use serde::{Deserialize, Serialize};

use super::agencies::Registry;
use super::text::{clean_cell, numbered_items, squeeze};
use super::units::{apply_rule, assign_marked, Marked};
use super::{Document, Lines, Parsed, Problem, ProblemCode, RoleRule, Target, Task};

/// What a table column holds. One list for every table the parsers read
/// (task splits, target tables, indicator tables, actual values), so a
/// reader can be told the mapping and change it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// 序号.
    Number,
    /// 类别, 主要任务: a task's category (empty: same as above).
    Category,
    /// 重点任务, 具体内容, 工作内容: the task.
    Task,
    /// 责任单位: units whose role the role rule decides.
    Responsible,
    /// 牵头单位.
    Lead,
    /// 配合单位, 参与单位, 协同责任单位.
    Support,
    /// 分管领导, 分管副省长: people, not units.
    Leader,
    /// 前期工作基础, 基期, 现状值; with the year when the header gives one.
    Baseline(Option<i32>),
    /// A year's target: 2017年目标, 2025年.
    Year(i32),
    /// 指标, 指标名称 (or an indicator id, for actual values).
    Indicator,
    /// 单位, 计量单位: the unit of measure.
    Unit,
    /// 属性: 预期性 or 约束性.
    Attribute,
    /// 年份: the year of each row (actual values).
    Period,
    /// 实际值, 数值: a row's value (actual values).
    Value,
    /// 来源, 数据来源.
    Source,
    /// A target whose year the header does not give (目标, 目标值, 目标任务):
    /// the table's title or the document gives it.
    Target,
    /// A column the parsers do not read (备注, 完成时限, 分值, 权重 …).
    Other,
}

/// The column a header cell names, if any (whitespace inside is ignored:
/// `2017 年目标`, `基　　期`).
pub fn header_col(cell: &str) -> Option<Column> {
    let c = squeeze(cell).to_lowercase();
    // Quotes and a plan period (“十四五”目标 → 2025年目标).
    let c: String = c
        .chars()
        .filter(|ch| !"“”\"'‘’《》".contains(*ch))
        .collect();
    let c = period_years(&c);
    let c = c.trim_matches(|ch: char| ch == '*' || ch == '※' || ch == '|' || ch == '｜');
    use Column::*;
    Some(match c {
        "目标" | "目标值" | "目标任务" | "预期目标" | "规划目标" | "主要目标" | "年度目标"
        | "目标数" => Target,
        "项目" | "考评指标" | "考核指标" | "二级指标" | "三级指标" | "指标内容" | "具体指标" => {
            Indicator
        }
        "一级指标" | "指标类别" => Category,
        "分值" | "分数" | "权重" | "指标权重" | "监考单位" | "考核单位" | "指标说明"
        | "计算方法" | "说明" => Other,
        c if c.ends_with("权重") || c.ends_with("分值") => Other,
        "序号" | "编号" | "序" | "no." | "no" => Number,
        "主要任务" | "类别" | "任务类别" | "领域" | "类型" | "分类" | "板块" | "专项" => {
            Category
        }
        "具体内容"
        | "重点任务"
        | "工作任务"
        | "任务内容"
        | "工作内容"
        | "具体任务"
        | "任务"
        | "主要内容"
        | "工作措施"
        | "具体措施"
        | "重点工作"
        | "改革任务"
        | "任务措施"
        | "目标与任务"
        | "任务与目标"
        | "工作目标与任务"
        | "重点工作任务" => Task,
        "责任单位" | "责任部门" | "负责单位" | "实施单位" | "承办单位" | "责任主体"
        | "指导部门" | "指导单位" | "主管部门" | "主管单位" | "责任处室" | "责任科室"
        | "监管部门" => Responsible,
        "改革举措" | "工作举措" | "主要举措" | "举措" | "重点举措" => Task,
        "推广范围" | "适用范围" | "实施范围" | "范围" => Other,
        "牵头单位" | "牵头部门" | "主责单位" | "牵头责任单位" | "主要责任单位" | "主办单位" => {
            Lead
        }
        "配合/参与单位"
        | "配合单位"
        | "参与单位"
        | "配合、参与单位"
        | "协同责任单位"
        | "协同单位"
        | "配合部门"
        | "协办单位"
        | "参与部门"
        | "协同部门"
        | "协同配合单位"
        | "配合责任单位" => Support,
        "分管副省长" | "责任人" | "分管副市长" => Leader,
        // 分管领导, 分管市领导, 分管县领导, 责任领导, 联系领导: a leader by title.
        c if c.ends_with("领导") && c.chars().count() <= 6 => Leader,
        "前期工作基础" | "工作基础" | "基础" | "现状" | "现状值" | "基期" | "基期值" | "基数"
        | "基准值" | "基期数" => Baseline(None),
        "指标" | "指标名称" | "主要指标" | "指标名" | "指标项" | "名称" | "indicator"
        | "indicatorname" | "name" | "id" | "indicatorid" | "指标编号" | "指标id" => {
            Indicator
        }
        "单位" | "计量单位" | "unit" | "units" => Unit,
        "属性" | "指标属性" | "性质" | "指标性质" => Attribute,
        "年份" | "年度" | "年" | "year" | "时间" => Period,
        "实际值" | "数值" | "值" | "完成值" | "实际完成" | "实际完成值" | "value" | "actual"
        | "实绩" | "实际" => Value,
        "来源" | "数据来源" | "资料来源" | "source" => Source,
        "备注" | "完成时限" | "时间节点" | "完成时间" | "进度安排" | "时限" | "年均增长"
        | "年均增速" | "完成时间节点" => Other,
        _ => return year_col(c),
    })
}

/// A plan period written as its end year: 十四五 → 2025年 (十三五 2020,
/// 十五五 2030).
pub fn period_years(s: &str) -> String {
    let mut out = s.to_string();
    for (w, y) in [
        ("十二五", "2015年"),
        ("十三五", "2020年"),
        ("十四五", "2025年"),
        ("十五五", "2030年"),
        ("十六五", "2035年"),
    ] {
        if out.contains(w) {
            out = out.replace(w, y);
        }
    }
    out
}

/// A header naming a year: `2017年目标`, `2025年`, `2020年（基期）`, `基期（2020年）`.
fn year_col(c: &str) -> Option<Column> {
    let at = c.find(|ch: char| ch.is_ascii_digit())?;
    let digits: String = c[at..]
        .chars()
        .take_while(|ch| ch.is_ascii_digit())
        .collect();
    if digits.len() != 4 {
        return None;
    }
    let year: i32 = digits.parse().ok()?;
    if !(1949..=2100).contains(&year) {
        return None;
    }
    let rest = format!("{}{}", &c[..at], &c[at + 4..]);
    let rest = rest.trim_start_matches('年');
    let words: String = rest
        .chars()
        .filter(|ch| !"()（）年:：".contains(*ch))
        .collect();
    match words.as_str() {
        "" | "目标" | "目标值" | "规划目标" | "预期目标" | "预期" | "规划值" | "末" | "底"
        | "预期值" | "末目标" | "末目标值" => Some(Column::Year(year)),
        "基期" | "基期值" | "现状" | "现状值" | "基数" | "基准" | "基准值" | "实际" | "完成"
        | "实际值" | "完成值" | "末现状" | "现状水平" | "末完成值" => {
            Some(Column::Baseline(Some(year)))
        }
        _ => None,
    }
}

/// A row of cells: a line split at tabs, or (when `spaces`) at runs of two
/// or more spaces.
pub fn cells_of(line: &str, spaces: bool) -> Vec<&str> {
    let line = line.trim_end_matches('\r');
    if !spaces {
        return line.split('\t').collect();
    }
    let mut out = Vec::new();
    let mut start = 0;
    let mut run = 0usize;
    let mut run_start = 0;
    for (i, c) in line.char_indices() {
        if c == ' ' || c == '\u{3000}' || c == '\t' {
            if run == 0 {
                run_start = i;
            }
            run += if c == ' ' { 1 } else { 2 };
        } else {
            if run >= 2 && run_start > start {
                out.push(&line[start..run_start]);
                start = i;
            } else if run >= 2 {
                start = i;
            }
            run = 0;
        }
    }
    out.push(&line[start..]);
    out
}

/// A line's cells by its own separators: `|` (a leading or trailing one
/// opens or closes the row), else tabs, else runs of two or more spaces;
/// one cell when it has none.
pub fn row_cells(line: &str) -> Vec<&str> {
    let l = line.trim_matches(|c: char| c.is_whitespace());
    if l.contains(['|', '｜']) {
        return l
            .trim_matches(['|', '｜'])
            .split(['|', '｜'])
            .map(|c| c.trim())
            .collect();
    }
    if l.contains('\t') {
        return l.split('\t').map(|c| c.trim()).collect();
    }
    cells_of(l, true)
}

fn is_header(cols: &[Option<Column>]) -> bool {
    use Column::*;
    cols.iter().filter(|c| c.is_some()).count() >= 3
        && cols
            .iter()
            .any(|c| matches!(c, Some(Responsible) | Some(Lead)))
}

/// The options a reader may force, and what the parser found.
#[derive(Clone, Debug, Default)]
pub struct TableOptions {
    /// One column per header cell, instead of the header's own words.
    pub columns: Option<Vec<Column>>,
    /// The role rule, instead of the one the document states (or the default).
    pub role_rule: Option<RoleRule>,
    /// Split rows at runs of spaces rather than tabs.
    pub spaces: bool,
    /// The header line (1-based), instead of every line that looks like one.
    pub header_line: Option<u32>,
}

/// What [`parse_with`] found besides the tasks.
#[derive(Clone, Debug, Default)]
pub struct TableFound {
    /// The header's cells and the column each was read as (the last header seen).
    pub header: Vec<(String, Column)>,
    /// Header lines (the header may repeat).
    pub header_lines: Vec<u32>,
    /// (line, task id, name) of each leader a row names.
    pub leaders: Vec<(u32, String, String)>,
    /// True when a row marked a unit 牵头 or 配合 inside a cell or by column.
    pub marked: bool,
}

/// The first line whose cells make a header, if any: (line index, spaces?).
pub fn find_header(text: &str) -> Option<(usize, bool)> {
    for spaces in [false, true] {
        for (i, raw) in text.split('\n').enumerate() {
            if !spaces && !raw.contains('\t') {
                continue;
            }
            let cells = cells_of(raw, spaces);
            if cells.len() < 3 || cells.len() > 40 {
                continue;
            }
            let cols: Vec<Option<Column>> = cells.iter().map(|c| header_col(c)).collect();
            if is_header(&cols) {
                return Some((i, spaces));
            }
        }
    }
    None
}

pub fn parse(doc: &Document, registry: &mut Registry) -> Parsed {
    parse_with(doc, registry, &TableOptions::default()).0
}

/// Read a table of tasks, a row per line.
pub fn parse_with(
    doc: &Document,
    registry: &mut Registry,
    opts: &TableOptions,
) -> (Parsed, TableFound) {
    let mut out = Parsed::default();
    let mut found = TableFound::default();
    let mut header: Vec<Column> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut category = String::new();
    let mut seq = 0;
    let rule = opts.role_rule.unwrap_or(doc.role_rule);
    for (i, raw) in doc.text.split('\n').enumerate() {
        let no = i as u32 + 1;
        let raw = raw.trim_end_matches('\r');
        let cells: Vec<&str> = cells_of(raw, opts.spaces);
        if cells.len() < 2 {
            let t = clean_cell(raw);
            if !t.is_empty() && t.chars().all(|c| c == '=') {
                out.problems
                    .push(Problem::new(ProblemCode::GluedMarker, t, Some(no)));
            }
            continue;
        }
        let cols: Vec<Option<Column>> = cells.iter().map(|c| header_col(c)).collect();
        let is_head = match opts.header_line {
            Some(h) => no == h,
            None => is_header(&cols),
        };
        if is_head {
            header = match &opts.columns {
                Some(forced) => (0..cells.len())
                    .map(|k| forced.get(k).copied().unwrap_or(Column::Other))
                    .collect(),
                None => cols.iter().map(|c| c.unwrap_or(Column::Other)).collect(),
            };
            labels = cells.iter().map(|c| squeeze(c)).collect();
            found.header = labels.iter().cloned().zip(header.iter().copied()).collect();
            found.header_lines.push(no);
            continue;
        }
        if header.is_empty() || cells.iter().all(|c| clean_cell(c).is_empty()) {
            continue;
        }
        let mut problems = Vec::new();
        if cells.len() < header.len() {
            problems.push(Problem::new(
                ProblemCode::ShortRow,
                format!("{}/{}", cells.len(), header.len()),
                Some(no),
            ));
        } else if cells.len() > header.len()
            && cells[header.len()..]
                .iter()
                .any(|c| !clean_cell(c).is_empty())
        {
            problems.push(Problem::new(
                ProblemCode::LongRow,
                format!("{}/{}", cells.len(), header.len()),
                Some(no),
            ));
        }
        let cell = |col: Column| -> &str {
            header
                .iter()
                .position(|h| *h == col)
                .and_then(|i| cells.get(i))
                .map(|c| clean_cell(c))
                .unwrap_or("")
        };
        let cat = cell(Column::Category);
        if !cat.is_empty() {
            category = crate::text::strip_numbering(cat)
                .map(|(_, _, body)| body)
                .unwrap_or(cat)
                .to_string();
        }
        let (mut number, text) = split_number(cell(Column::Task));
        let n = cell(Column::Number);
        if !n.is_empty() {
            number = n.to_string();
        }
        let mut targets = Vec::new();
        for (k, col) in header.iter().enumerate() {
            let year = match col {
                Column::Baseline(_) => None,
                Column::Year(y) => Some(*y),
                _ => continue,
            };
            let text = cells.get(k).map(|c| clean_cell(c)).unwrap_or("");
            targets.push(Target {
                year,
                label: labels[k].clone(),
                text: text.to_string(),
                items: numbered_items(text),
            });
        }
        // A 责任单位 column beside a support column is the lead column (003).
        let has_support = header.contains(&Column::Support);
        let has_lead = header.contains(&Column::Lead);
        let mut marked = Vec::new();
        let mut order = 0;
        for (k, col) in header.iter().enumerate() {
            let column = match col {
                Column::Lead => Marked::Lead,
                Column::Responsible if has_support && !has_lead => Marked::Lead,
                Column::Responsible if has_lead => Marked::Support,
                Column::Responsible => Marked::Responsible,
                Column::Support => Marked::Support,
                Column::Leader => Marked::Leader,
                _ => continue,
            };
            let c = cells.get(k).map(|c| clean_cell(c)).unwrap_or("");
            let (units, leaders) =
                assign_marked(c, no, column, &mut order, registry, &mut problems);
            marked.extend(units);
            for l in leaders {
                found.leaders.push((no, String::new(), l));
            }
        }
        if marked.iter().any(|(_, m)| *m != Marked::Responsible) {
            found.marked = true;
        }
        let units = apply_rule(marked, rule);
        for a in units.iter().filter(|a| a.role == super::Role::Support) {
            if units
                .iter()
                .any(|b| b.role == super::Role::Lead && b.agency == a.agency)
            {
                problems.push(Problem::new(
                    ProblemCode::LeadAlsoSupport,
                    a.as_written.clone(),
                    Some(no),
                ));
            }
        }
        if !units.iter().any(|a| a.role == super::Role::Lead) {
            problems.push(Problem::new(
                ProblemCode::MissingUnits,
                text.chars().take(24).collect::<String>(),
                Some(no),
            ));
        }
        seq += 1;
        let id = format!("{}-{}", doc.code, seq);
        for l in found.leaders.iter_mut().filter(|l| l.0 == no) {
            l.1 = id.clone();
        }
        out.tasks.push(Task {
            id,
            document: doc.id.clone(),
            number,
            seq,
            category: category.clone(),
            text,
            units,
            targets,
            quote: clean_cell(raw).to_string(),
            lines: Lines::one(no),
            problems,
        });
    }
    (out, found)
}

/// "1、协同创新体系" → ("1", "协同创新体系").
fn split_number(cell: &str) -> (String, String) {
    let n = cell.chars().take_while(|c| c.is_ascii_digit()).count();
    if n > 0 {
        let rest = &cell[n..];
        for sep in ['、', '．', '.'] {
            if let Some(body) = rest.strip_prefix(sep) {
                return (cell[..n].to_string(), clean_cell(body).to_string());
            }
        }
    }
    (String::new(), cell.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{DocKind, RoleRule};

    fn doc(text: &str) -> Document {
        Document {
            id: "t_test".into(),
            code: "t".into(),
            file: "t_test.txt".into(),
            title: String::new(),
            title_en: String::new(),
            kind: DocKind::TargetTable,
            date: None,
            summary: String::new(),
            summary_en: String::new(),
            role_rule: RoleRule::LeadAndSupport,
            text: text.into(),
        }
    }

    #[test]
    fn repeated_headers_fill_down_and_damage() {
        let d = doc("标题\n主要任务\t工作内容\t前期工作基础\t2017年目标\t责任单位\t配合/参与单位\n甲\t1、一项\t有\t1、达到15件；2、好\t省科技厅、\t省发改委\n\t2、二项\t\t做\t省科技厅\t省科技厅\n\n主要任务\t工作内容\t前期工作基础\t2017 年目标\t责任单位\t配合/ 参与单位\n乙\t1、三项\t\t\t省财政厅=====\t");
        let p = parse(&d, &mut Registry::seeded());
        assert_eq!(p.tasks.len(), 3);
        let t = &p.tasks[0];
        assert_eq!((t.number.as_str(), t.text.as_str()), ("1", "一项"));
        assert_eq!(t.targets[1].year, Some(2017));
        assert_eq!(t.targets[1].items, vec!["达到15件", "好"]);
        assert_eq!(t.problems[0].code, ProblemCode::TrailingSeparator);
        assert_eq!(p.tasks[1].category, "甲");
        assert_eq!(p.tasks[1].problems[0].code, ProblemCode::LeadAlsoSupport);
        assert_eq!(p.tasks[2].category, "乙");
        assert_eq!(p.tasks[2].problems[0].code, ProblemCode::GluedMarker);
        assert_eq!(p.tasks[2].units[0].agency, "prov-finance");
    }

    #[test]
    fn header_words() {
        assert_eq!(
            header_col("2020年（基期）"),
            Some(Column::Baseline(Some(2020)))
        );
        assert_eq!(header_col("2025年目标"), Some(Column::Year(2025)));
        assert_eq!(header_col("基　　期"), Some(Column::Baseline(None)));
        assert_eq!(header_col("协同责任单位"), Some(Column::Support));
        assert_eq!(header_col("2025年以来"), None);
        assert_eq!(
            cells_of("序号  重点任务   责任单位", true),
            vec!["序号", "重点任务", "责任单位"]
        );
        assert_eq!(cells_of("a b  c", true), vec!["a b", "c"]);
    }
}
