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

use super::agencies::Registry;
use super::text::clean_cell;
use super::units::{assign, is_org_name, split_units};
use super::{Document, Lines, Parsed, Problem, ProblemCode, Role, Task};

/// Header names and what column they are.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Number,
    Category,
    Task,
    Units,
    Other,
}

fn header_col(cell: &str) -> Option<Col> {
    match super::text::squeeze(cell).as_str() {
        "序号" | "编号" => Some(Col::Number),
        "主要任务" | "类别" | "任务类别" | "领域" => Some(Col::Category),
        "具体内容" | "重点任务" | "工作任务" | "任务内容" | "工作内容" => {
            Some(Col::Task)
        }
        "责任单位" | "牵头单位" => Some(Col::Units),
        "备注" | "完成时限" => Some(Col::Other),
        _ => None,
    }
}

/// A non-blank line of the document: its trimmed content and 1-based number.
/// `cell` is true when the line was tab-indented (a table cell, possibly empty).
#[derive(Clone, Debug)]
struct Line<'a> {
    no: u32,
    text: &'a str,
    blank: bool,
}

pub fn parse(doc: &Document, registry: &mut Registry) -> Parsed {
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
    let mut header: Vec<Col> = Vec::new();
    let mut body_start = 0;
    for (i, l) in lines.iter().enumerate() {
        if let Some(c) = header_col(l.text) {
            if header.is_empty() || (i > 0 && header_col(lines[i - 1].text).is_some()) {
                header.push(c);
                body_start = i + 1;
                continue;
            }
        }
        if !header.is_empty() {
            break;
        }
    }
    let mut parsed = if header.contains(&Col::Number) && header.contains(&Col::Units) {
        parse_cells(doc, &lines[body_start..], &header, registry)
    } else {
        parse_prose(doc, &lines[body_start..], registry)
    };
    check_numbering(&parsed.tasks, &mut parsed.problems);
    parsed
}

/// Strip a Chinese-numeral heading prefix: "一、加强规划" → Some("加强规划").
fn heading(s: &str) -> Option<&str> {
    let n: usize = s
        .chars()
        .take_while(|c| "一二三四五六七八九十百零".contains(*c))
        .map(char::len_utf8)
        .sum();
    if n == 0 {
        return None;
    }
    let rest = &s[n..];
    rest.strip_prefix('、')
        .or_else(|| rest.strip_prefix('．'))
        .or_else(|| rest.strip_prefix('.'))
        .map(clean_cell)
        .filter(|r| !r.is_empty())
}

/// Split an Arabic task number prefix: "12．以5G…" → Some(("12", "以5G…")).
fn numbered(s: &str) -> Option<(&str, &str)> {
    let n = s.chars().take_while(|c| c.is_ascii_digit()).count();
    if n == 0 || n > 3 {
        return None;
    }
    let rest = &s[n..];
    for sep in ['．', '.', '、', '，', ' '] {
        if let Some(body) = rest.strip_prefix(sep) {
            let body = clean_cell(body);
            if !body.is_empty() && !body.starts_with(|c: char| c.is_ascii_digit()) {
                return Some((&s[..n], body));
            }
        }
    }
    None
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

struct Draft {
    number: String,
    category: String,
    text: String,
    units: Option<(String, u32)>,
    first: u32,
    last: u32,
    /// Problems of the row (cells layout), before those of its units.
    problems: Vec<Problem>,
}

/// The task of a draft, appended to `out` (its seq is its position).
fn finish(doc: &Document, d: Draft, registry: &mut Registry, out: &mut Parsed) {
    let seq = out.tasks.len() as u32 + 1;
    let mut problems = d.problems;
    let units = match &d.units {
        Some((cell, line)) => assign(cell, *line, Role::Lead, &mut 0, registry, &mut problems),
        None => {
            // Nothing but whitespace after the task: the file was cut off.
            let at_end = doc
                .text
                .split('\n')
                .skip(d.last as usize)
                .all(|l| clean_cell(l).is_empty());
            problems.push(Problem::new(
                if at_end {
                    ProblemCode::TruncatedUnits
                } else {
                    ProblemCode::MissingUnits
                },
                d.text.chars().take(24).collect::<String>(),
                Some(d.last),
            ));
            vec![]
        }
    };
    let lines = Lines {
        start: d.first,
        end: d.last,
    };
    out.tasks.push(Task {
        id: format!("{}-{}", doc.code, seq),
        document: doc.id.clone(),
        number: d.number,
        seq,
        category: d.category,
        text: d.text,
        units,
        targets: vec![],
        quote: quote_lines(&doc.text, lines),
        lines,
        problems,
    });
}

/// The verbatim text of a line range, outer whitespace trimmed.
pub fn quote_lines(text: &str, lines: Lines) -> String {
    let all: Vec<&str> = text.split('\n').collect();
    let from = (lines.start as usize).saturating_sub(1);
    let to = (lines.end as usize).min(all.len());
    clean_cell(&all[from..to].join("\n")).to_string()
}

fn parse_prose(doc: &Document, lines: &[Line], registry: &mut Registry) -> Parsed {
    let mut out = Parsed::default();
    let mut category = String::new();
    let mut draft: Option<Draft> = None;
    for l in lines {
        if l.text.is_empty() {
            continue;
        }
        if let Some(h) = heading(l.text) {
            if let Some(d) = draft.take() {
                finish(doc, d, registry, &mut out);
            }
            category = h.to_string();
            continue;
        }
        if let Some((n, body)) = numbered(l.text) {
            if let Some(d) = draft.take() {
                finish(doc, d, registry, &mut out);
            }
            draft = Some(Draft {
                number: n.to_string(),
                category: category.clone(),
                text: body.to_string(),
                units: None,
                first: l.no,
                last: l.no,
                problems: vec![],
            });
            continue;
        }
        match draft.as_mut() {
            Some(d) if d.units.is_none() && looks_like_units(l.text) => {
                d.units = Some((l.text.to_string(), l.no));
                d.last = l.no;
            }
            Some(d) if d.units.is_none() => {
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
        finish(doc, d, registry, &mut out);
    }
    out
}

fn parse_cells(doc: &Document, lines: &[Line], header: &[Col], registry: &mut Registry) -> Parsed {
    let mut out = Parsed::default();
    // Rows: runs of cell lines between blank lines.
    let mut rows: Vec<Vec<&Line>> = Vec::new();
    let mut cur: Vec<&Line> = Vec::new();
    for l in lines {
        if l.blank {
            if !cur.is_empty() {
                rows.push(std::mem::take(&mut cur));
            }
        } else {
            cur.push(l);
        }
    }
    if !cur.is_empty() {
        rows.push(cur);
    }
    let col = |c: Col| header.iter().position(|h| *h == c);
    let (i_num, i_cat, i_task, i_units) = (
        col(Col::Number),
        col(Col::Category),
        col(Col::Task),
        col(Col::Units),
    );
    let mut category = String::new();
    for row in rows {
        let cell = |i: Option<usize>| i.and_then(|i| row.get(i)).map(|l| l.text).unwrap_or("");
        if row.iter().all(|l| l.text.is_empty()) {
            continue;
        }
        let first = row[0].no;
        let last = row[row.len() - 1].no;
        let mut problems = Vec::new();
        if row.len() < header.len() {
            problems.push(Problem::new(
                ProblemCode::ShortRow,
                format!("{}/{}", row.len(), header.len()),
                Some(first),
            ));
        } else if row.len() > header.len() {
            problems.push(Problem::new(
                ProblemCode::LongRow,
                format!("{}/{}", row.len(), header.len()),
                Some(first),
            ));
        }
        let cat = cell(i_cat);
        if !cat.is_empty() {
            category = heading(cat).unwrap_or(cat).to_string();
        }
        let mut number = cell(i_num).to_string();
        let mut text = cell(i_task).to_string();
        if let Some((n, body)) = numbered(&text) {
            if number.is_empty() {
                number = n.to_string();
            }
            text = body.to_string();
        }
        let units_line = i_units
            .and_then(|i| row.get(i))
            .map(|l| (l.text.to_string(), l.no));
        let units = units_line.filter(|(t, _)| !t.is_empty());
        finish(
            doc,
            Draft {
                number,
                category: category.clone(),
                text,
                units,
                first,
                last,
                problems,
            },
            registry,
            &mut out,
        );
    }
    out
}

/// Report numbers that do not run 1, 2, 3, … in document order.
fn check_numbering(tasks: &[Task], problems: &mut Vec<Problem>) {
    let mut expected = 1u32;
    for t in tasks {
        match t.number.parse::<u32>() {
            Ok(n) if n == expected => expected += 1,
            Ok(n) => {
                problems.push(Problem::new(
                    ProblemCode::NumberGap,
                    format!("{} → {}", expected, n),
                    Some(t.lines.start),
                ));
                expected = n + 1;
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
