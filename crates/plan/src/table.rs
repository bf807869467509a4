//! The 目标任务分解表 parser: a tab-separated table of work items with a
//! baseline, yearly targets, lead (责任单位) and supporting (配合/参与单位)
//! units. The header row may repeat before each group; an empty group cell
//! means "same as above".

use super::agencies::Registry;
use super::text::{clean_cell, numbered_items, squeeze};
use super::units::assign;
use super::{Document, Lines, Parsed, Problem, ProblemCode, Role, Target, Task};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Col {
    Category,
    Task,
    Baseline,
    Year(i32),
    Lead,
    Support,
    Other,
}

fn header_col(cell: &str) -> Option<Col> {
    let c = squeeze(cell);
    Some(match c.as_str() {
        "主要任务" | "类别" => Col::Category,
        "工作内容" | "重点任务" | "具体内容" => Col::Task,
        "前期工作基础" | "工作基础" | "基础" => Col::Baseline,
        "责任单位" | "牵头单位" => Col::Lead,
        "配合/参与单位" | "配合单位" | "参与单位" | "配合、参与单位" => {
            Col::Support
        }
        _ => {
            let year: String = c.chars().take_while(|ch| ch.is_ascii_digit()).collect();
            if year.len() == 4 && c[4..].starts_with("年") {
                Col::Year(year.parse().ok()?)
            } else {
                return None;
            }
        }
    })
}

fn is_header(cells: &[&str]) -> bool {
    let cols: Vec<Option<Col>> = cells.iter().map(|c| header_col(c)).collect();
    cols.iter().filter(|c| c.is_some()).count() >= 3 && cols.contains(&Some(Col::Lead))
}

pub fn parse(doc: &Document, registry: &mut Registry) -> Parsed {
    let mut out = Parsed::default();
    let mut header: Vec<Col> = Vec::new();
    let mut labels: Vec<String> = Vec::new();
    let mut category = String::new();
    let mut seq = 0;
    for (i, raw) in doc.text.split('\n').enumerate() {
        let no = i as u32 + 1;
        let raw = raw.trim_end_matches('\r');
        if !raw.contains('\t') {
            let t = clean_cell(raw);
            if !t.is_empty() && t.chars().all(|c| c == '=') {
                out.problems
                    .push(Problem::new(ProblemCode::GluedMarker, t, Some(no)));
            }
            continue;
        }
        let cells: Vec<&str> = raw.split('\t').collect();
        if is_header(&cells) {
            header = cells
                .iter()
                .map(|c| header_col(c).unwrap_or(Col::Other))
                .collect();
            labels = cells.iter().map(|c| squeeze(c)).collect();
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
        let cell = |col: Col| -> &str {
            header
                .iter()
                .position(|h| *h == col)
                .and_then(|i| cells.get(i))
                .map(|c| clean_cell(c))
                .unwrap_or("")
        };
        let cat = cell(Col::Category);
        if !cat.is_empty() {
            category = cat.to_string();
        }
        let (number, text) = split_number(cell(Col::Task));
        let mut targets = Vec::new();
        for (k, col) in header.iter().enumerate() {
            let year = match col {
                Col::Baseline => None,
                Col::Year(y) => Some(*y),
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
        let mut units = Vec::new();
        let mut order = 0;
        for (col, role) in [(Col::Lead, Role::Lead), (Col::Support, Role::Support)] {
            units.extend(assign(
                cell(col),
                no,
                role,
                &mut order,
                registry,
                &mut problems,
            ));
        }
        for a in units.iter().filter(|a| a.role == Role::Support) {
            if units
                .iter()
                .any(|b| b.role == Role::Lead && b.agency == a.agency)
            {
                problems.push(Problem::new(
                    ProblemCode::LeadAlsoSupport,
                    a.as_written.clone(),
                    Some(no),
                ));
            }
        }
        if !units.iter().any(|a| a.role == Role::Lead) {
            problems.push(Problem::new(
                ProblemCode::MissingUnits,
                text.chars().take(24).collect::<String>(),
                Some(no),
            ));
        }
        seq += 1;
        out.tasks.push(Task {
            id: format!("{}-{}", doc.code, seq),
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
    out
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
}
