//! Task tables flattened one cell per line (004, and tables copied from
//! web pages): rows cut at the running numbers of the 序号 column, blank
//! lines empty cells (or, when the header's cells are separated by them,
//! no cells at all), category headings between rows, a cell's trailing `|`.

use super::{finish, heading, numbered, Column, Ctx, Draft, Found, Line, Marked};
use crate::agencies::Registry;
use crate::Parsed;
use crate::Problem;
use crate::ProblemCode;

pub(super) fn parse_cells(
    ctx: &Ctx,
    lines: &[Line],
    header: &[Column],
    gaps: bool,
    registry: &mut Registry,
    found: &mut Found,
) -> Parsed {
    let mut out = Parsed::default();
    // Cells separated by blank lines: the blank lines go.
    let kept: Vec<Line>;
    let lines = if gaps {
        kept = lines.iter().filter(|l| !l.blank).cloned().collect();
        &kept[..]
    } else {
        lines
    };
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
    // Empty cells written as blank lines: a row starts at each line that
    // holds the next number (the first column being 序号).
    let numeric = |l: &Line| {
        let t = cell_text(l);
        !t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit())
    };
    // The category heading each row comes under (一、…, written between rows).
    let mut row_cats: Vec<String> = Vec::new();
    // So too when no blank line separates rows (a row longer than the header).
    if header.first() == Some(&Column::Number)
        && rows
            .iter()
            .any(|r| !numeric(r[0]) || r.len() > header.len())
    {
        rows.clear();
        let mut expected = 1u64;
        let mut cat = String::new();
        let complete =
            |r: &Vec<&Line>| r.iter().filter(|l| !cell_text(l).is_empty()).count() >= header.len();
        for l in lines {
            let n = if numeric(l) {
                cell_text(l).parse::<u64>().ok()
            } else {
                None
            };
            // An excerpt of a table may start at any row (80, 81, …).
            if rows.is_empty() && n.is_some() {
                expected = n.unwrap_or(1);
            }
            // A heading between rows (一、…) names the category of those after.
            if let Some(h) = heading(cell_text(l)) {
                if rows.last().is_none_or(complete) && l.text.chars().count() <= 60 {
                    cat = h.to_string();
                    continue;
                }
            }
            // The next number, or a jump forward (rows deleted: 本文有删减)
            // after a row that has all its cells.
            let starts = n == Some(expected)
                || n.is_some_and(|n| {
                    n > expected && n <= expected + 100 && rows.last().is_some_and(complete)
                });
            if starts {
                expected = n.unwrap_or(expected) + 1;
                rows.push(vec![l]);
                row_cats.push(cat.clone());
            } else if let Some(r) = rows.last_mut() {
                r.push(l);
            }
        }
        for r in rows.iter_mut() {
            while r.len() > header.len() && r.last().is_some_and(|l| cell_text(l).is_empty()) {
                r.pop();
            }
        }
    }
    let col = |c: Column| header.iter().position(|h| *h == c);
    let (i_num, i_cat, i_task) = (
        col(Column::Number),
        col(Column::Category),
        col(Column::Task),
    );
    let has_lead = header.contains(&Column::Lead);
    let mut category = String::new();
    for (k, row) in rows.into_iter().enumerate() {
        if let Some(c) = row_cats.get(k).filter(|c| !c.is_empty() && i_cat.is_none()) {
            category.clone_from(c);
        }
        let cell = |i: Option<usize>| {
            i.and_then(|i| row.get(i))
                .map(|l| cell_text(l))
                .unwrap_or("")
        };
        if row.iter().all(|l| cell_text(l).is_empty()) {
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
        let mut units = Vec::new();
        for (k, h) in header.iter().enumerate() {
            let column = match h {
                Column::Responsible if has_lead => Marked::Support,
                Column::Responsible => Marked::Responsible,
                Column::Lead => Marked::Lead,
                Column::Support => Marked::Support,
                Column::Leader => Marked::Leader,
                _ => continue,
            };
            if let Some(l) = row.get(k).filter(|l| !cell_text(l).is_empty()) {
                // "…，魏武国控集团。": the cell's full stop is no part of a name.
                let t = cell_text(l).trim_end_matches(['。', '；', ';']);
                units.push((t.to_string(), l.no, column));
            }
        }
        finish(
            ctx,
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
            found,
        );
    }
    out
}

/// A cell's text: a cell copied from a web page may end in " |".
fn cell_text<'a>(l: &Line<'a>) -> &'a str {
    l.text.trim_matches(['|', '｜']).trim_end()
}
