//! Splitting a 责任单位 cell into units.
//!
//! Units are joined by `、` inside a group and by `，` between groups. A shared
//! suffix distributes over a group (`长沙市、湘潭市、岳阳市人民政府` is three
//! city governments). Collective phrases (`…等相关部门`, `各有关市州人民政府按职责分工负责`)
//! stay units of their own. Damage (a trailing `、`, a glued `=====`) is cleaned
//! and reported.

use super::agencies::Registry;
use super::text::clean_cell;
use super::{Assignment, Problem, ProblemCode, Role};

/// One unit as the cell writes it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnitName {
    /// The name after suffix distribution, without a parenthesised note.
    pub name: String,
    /// A note in brackets after the name, or a phrase such as 按职责分工负责.
    pub note: Option<String>,
}

/// A unit cell at `line`, resolved: one assignment per agency each written
/// name stands for, numbered from `*order` (one number per name). Unknown
/// names stay, under a stable id, with a problem.
pub fn assign(
    cell: &str,
    line: u32,
    role: Role,
    order: &mut u32,
    registry: &mut Registry,
    problems: &mut Vec<Problem>,
) -> Vec<Assignment> {
    let (names, p) = split_units(cell, Some(line));
    problems.extend(p);
    let mut units = Vec::new();
    for u in names {
        let r = registry.resolve(&u.name);
        if !r.known {
            problems.push(Problem::new(
                ProblemCode::UnknownUnit,
                u.name.clone(),
                Some(line),
            ));
        }
        for agency in r.agencies {
            units.push(Assignment {
                agency,
                role,
                as_written: u.name.clone(),
                note: u.note.clone(),
                order: *order,
            });
        }
        *order += 1;
    }
    units
}

/// Separators between groups of units.
const GROUP_SEPS: [char; 4] = ['，', ',', '；', ';'];
/// Separators inside a group.
const ITEM_SEPS: [char; 1] = ['、'];

/// Endings that make a string an organisation name on its own.
const ORG_ENDINGS: [&str; 24] = [
    "政府", "厅", "委", "局", "办", "会", "行", "关", "部", "院", "中心", "集团", "处", "单位",
    "部门", "公司", "所", "室", "署", "站", "联", "社", "队", "组",
];

/// Phrases appended to a unit that are about the duty, not the unit.
const DUTY_PHRASES: [&str; 2] = ["按职责分工负责", "按职责负责"];

/// The collective tail "…等相关部门" and its spellings.
const ETC_PHRASES: [&str; 4] = ["等相关部门", "等有关部门", "等相关单位", "等有关单位"];

pub fn is_org_name(s: &str) -> bool {
    ORG_ENDINGS.iter().any(|e| s.ends_with(e))
}

/// The characters that end a place name (长沙市, 浏阳县, 天心区, 湘西州).
pub use crate::text::PLACE_CHARS;

fn ends_with_place(s: &str) -> bool {
    s.ends_with(PLACE_CHARS)
}

/// Split a unit cell. `line` is the cell's line, for problems.
pub fn split_units(cell: &str, line: Option<u32>) -> (Vec<UnitName>, Vec<Problem>) {
    let mut problems = Vec::new();
    let mut s = clean_cell(cell).to_string();

    // A run of three or more '=' glued to the cell (end-of-file marker).
    if let Some(pos) = s.find("===") {
        let end = s[pos..]
            .char_indices()
            .find(|(_, c)| *c != '=')
            .map(|(i, _)| pos + i)
            .unwrap_or(s.len());
        let marker = s[pos..end].to_string();
        problems.push(Problem::new(
            ProblemCode::GluedMarker,
            format!("{}（{}）", cell.trim(), marker),
            line,
        ));
        s.replace_range(pos..end, "");
        s = clean_cell(&s).to_string();
    }
    // A trailing separator.
    let trimmed = s.trim_end_matches(|c: char| ITEM_SEPS.contains(&c) || GROUP_SEPS.contains(&c));
    if trimmed.len() != s.len() {
        problems.push(Problem::new(
            ProblemCode::TrailingSeparator,
            s.clone(),
            line,
        ));
        s = trimmed.to_string();
    }
    // A leading separator is damage too.
    let trimmed = s.trim_start_matches(|c: char| ITEM_SEPS.contains(&c) || GROUP_SEPS.contains(&c));
    if trimmed.len() != s.len() {
        problems.push(Problem::new(
            ProblemCode::TrailingSeparator,
            s.clone(),
            line,
        ));
        s = trimmed.to_string();
    }

    let mut out = Vec::new();
    for group in s.split(|c: char| GROUP_SEPS.contains(&c)) {
        let mut items: Vec<UnitName> = Vec::new();
        for raw in group.split(|c: char| ITEM_SEPS.contains(&c)) {
            let raw = clean_cell(raw);
            if raw.is_empty() {
                problems.push(Problem::new(
                    ProblemCode::EmptyUnit,
                    group.to_string(),
                    line,
                ));
                continue;
            }
            items.extend(split_item(raw));
        }
        distribute_suffix(&mut items);
        out.extend(items);
    }
    (out, problems)
}

/// One item between separators: strip a duty phrase or a bracketed note, and
/// split off a collective "…等相关部门" tail.
fn split_item(raw: &str) -> Vec<UnitName> {
    let mut name = raw.to_string();
    let mut note = None;
    for p in DUTY_PHRASES {
        if let Some(stripped) = name.strip_suffix(p) {
            if !stripped.is_empty() {
                note = Some(p.to_string());
                name = stripped.to_string();
            }
        }
    }
    for (open, close) in [('（', '）'), ('(', ')')] {
        if name.ends_with(close) {
            if let Some(at) = name.rfind(open) {
                if at > 0 {
                    let inner = &name[at + open.len_utf8()..name.len() - close.len_utf8()];
                    note = Some(inner.to_string());
                    name.truncate(at);
                }
            }
        }
    }
    for etc in ETC_PHRASES {
        if let Some(head) = name.strip_suffix(etc) {
            if !head.is_empty() {
                return vec![
                    UnitName {
                        name: head.to_string(),
                        note,
                    },
                    UnitName {
                        name: etc.to_string(),
                        note: None,
                    },
                ];
            }
        }
    }
    vec![UnitName { name, note }]
}

/// `长沙市、湘潭市、岳阳市人民政府` → the suffix `人民政府` goes to every bare
/// place name of the group that precedes the last item.
fn distribute_suffix(items: &mut [UnitName]) {
    let Some(last) = items.last() else { return };
    // The suffix is what follows the last place character of the last item.
    let Some((cut, ch)) = last
        .name
        .char_indices()
        .rev()
        .find(|(_, c)| PLACE_CHARS.contains(c))
    else {
        return;
    };
    let suffix = last.name[cut + ch.len_utf8()..].to_string();
    if suffix.is_empty() || !is_org_name(&suffix) {
        return;
    }
    let n = items.len();
    for item in items[..n - 1].iter_mut() {
        if ends_with_place(&item.name) && !is_org_name(&item.name) {
            item.name.push_str(&suffix);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(cell: &str) -> Vec<String> {
        split_units(cell, None)
            .0
            .into_iter()
            .map(|u| u.name)
            .collect()
    }

    #[test]
    fn groups_and_suffix() {
        assert_eq!(
            names("长沙市、湘潭市、岳阳市人民政府，省发展改革委、省自然资源厅，湘江新区管委会"),
            vec![
                "长沙市人民政府",
                "湘潭市人民政府",
                "岳阳市人民政府",
                "省发展改革委",
                "省自然资源厅",
                "湘江新区管委会"
            ]
        );
        // The suffix does not jump over a group boundary.
        assert_eq!(
            names("长沙市，湘潭市人民政府"),
            vec!["长沙市", "湘潭市人民政府"]
        );
    }

    #[test]
    fn collective_tails_and_notes() {
        let (u, p) = split_units("省政务局、省发展改革委等相关部门", None);
        assert!(p.is_empty());
        assert_eq!(
            u.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(),
            vec!["省政务局", "省发展改革委", "等相关部门"]
        );
        let (u, _) = split_units(
            "省文化厅（文化创意）、各有关市州人民政府按职责分工负责",
            None,
        );
        assert_eq!(u[0].name, "省文化厅");
        assert_eq!(u[0].note.as_deref(), Some("文化创意"));
        assert_eq!(u[1].name, "各有关市州人民政府");
        assert_eq!(u[1].note.as_deref(), Some("按职责分工负责"));
    }

    #[test]
    fn damage_is_cleaned_and_reported() {
        let (u, p) = split_units("省科技厅、省商务厅、", Some(7));
        assert_eq!(u.len(), 2);
        assert_eq!(p[0].code, ProblemCode::TrailingSeparator);
        assert_eq!(p[0].line, Some(7));
        let (u, p) = split_units("省财政厅、省国土资源厅=====", None);
        assert_eq!(u[1].name, "省国土资源厅");
        assert_eq!(p[0].code, ProblemCode::GluedMarker);
        let (u, p) = split_units("=====省财政厅", None);
        assert_eq!(u[0].name, "省财政厅");
        assert_eq!(p.len(), 1);
        let (u, p) = split_units("省财政厅、、省科技厅", None);
        assert_eq!(u.len(), 2);
        assert_eq!(p[0].code, ProblemCode::EmptyUnit);
    }
}
