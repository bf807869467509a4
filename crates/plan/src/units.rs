//! Splitting a 责任单位 cell into units.
//!
//! Units are joined by `、` inside a group and by `，` between groups. A shared
//! suffix distributes over a group (`长沙市、湘潭市、岳阳市人民政府` is three
//! city governments). Collective phrases (`…等相关部门`, `各有关市州人民政府按职责分工负责`)
//! stay units of their own. Damage (a trailing `、`, a glued `=====`) is cleaned
//! and reported.
//!
//! What imported documents add, read by the same functions:
//! * a shared prefix written once: `省财政厅、教育厅、民政厅` is three
//!   provincial departments (as a shared suffix: `雨花区、天心区政府`);
//! * roles written in the cell ([`role_parts`]): labels (`牵头单位：X，配合单位：A、B`,
//!   `协同责任单位：…`), markers (`X牵头，Y、Z配合`, `A、B等负责`), and leaders
//!   (`分管副省长：…`, `分管领导：…`), which are people, not units;
//! * collective units: `各区县（市）` keeps its bracket, `A、B等` adds the
//!   collective `等`; a unit written twice in one cell counts once.

use super::agencies::Registry;
use super::text::clean_cell;
use super::{Assignment, Problem, ProblemCode, Role};
use serde::{Deserialize, Serialize};

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

/// A unit cell read with the roles it writes ([`role_parts`]): each unit
/// resolved as [`assign`] does, with the role its part gives (`column`
/// for a part with no label or marker; `Responsible` leaves it to the role
/// rule, see [`apply_rule`]), and the leaders it names. A unit written twice
/// in the cell counts once (a problem says so).
pub fn assign_marked(
    cell: &str,
    line: u32,
    column: Marked,
    order: &mut u32,
    registry: &mut Registry,
    problems: &mut Vec<Problem>,
) -> (Vec<(Assignment, Marked)>, Vec<String>) {
    let mut units: Vec<(Assignment, Marked)> = Vec::new();
    let mut leaders = Vec::new();
    let mut seen: Vec<String> = Vec::new();
    let parts = role_parts(cell);
    let plain =
        parts.len() == 1 && parts[0].0 == Marked::Responsible && parts[0].1 == clean_cell(cell);
    for (marked, text) in parts {
        let marked = if marked == Marked::Responsible {
            column
        } else {
            marked
        };
        if marked == Marked::Leader {
            leaders.extend(
                text.split(|c: char| ITEM_SEPS.contains(&c) || GROUP_SEPS.contains(&c))
                    .map(clean_cell)
                    .filter(|n| !n.is_empty())
                    .map(str::to_string),
            );
            continue;
        }
        // An unmarked cell is split exactly as `assign` splits it.
        let text = if plain { cell } else { text.as_str() };
        let (names, p) = split_units(text, Some(line));
        problems.extend(p);
        for u in names {
            if seen.contains(&u.name) {
                problems.push(Problem::new(
                    ProblemCode::RepeatedUnit,
                    u.name.clone(),
                    Some(line),
                ));
                continue;
            }
            seen.push(u.name.clone());
            let r = registry.resolve(&u.name);
            if !r.known {
                problems.push(Problem::new(
                    ProblemCode::UnknownUnit,
                    u.name.clone(),
                    Some(line),
                ));
            }
            for agency in r.agencies {
                units.push((
                    Assignment {
                        agency,
                        role: Role::Lead,
                        as_written: u.name.clone(),
                        note: u.note.clone(),
                        order: *order,
                    },
                    marked,
                ));
            }
            *order += 1;
        }
    }
    (units, leaders)
}

/// The roles of a task's units under a role rule: a `Lead` or `Support`
/// mark is kept; a `Responsible` unit leads under
/// [`RoleRule::AllResponsible`](crate::RoleRule) and `LeadAndSupport`; under
/// `FirstLeads` the first listed unit leads and the others support; under
/// `MarkedLeads` it supports when another unit is marked 牵头, else it leads.
pub fn apply_rule(units: Vec<(Assignment, Marked)>, rule: crate::RoleRule) -> Vec<Assignment> {
    use crate::RoleRule;
    let any_lead = units.iter().any(|(_, m)| *m == Marked::Lead);
    let first = units
        .iter()
        .filter(|(_, m)| *m == Marked::Responsible)
        .map(|(a, _)| a.order)
        .min();
    units
        .into_iter()
        .map(|(mut a, m)| {
            a.role = match (m, rule) {
                (Marked::Lead, _) => Role::Lead,
                (Marked::Support, _) => Role::Support,
                (_, RoleRule::FirstLeads) if Some(a.order) != first => Role::Support,
                (_, RoleRule::MarkedLeads) if any_lead => Role::Support,
                _ => Role::Lead,
            };
            a
        })
        .collect()
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

    // "X、Y等和各有关省级人民政府": 等和 (等及, 等以及) joins two lists.
    for joint in ["等以及", "等和", "等及", "等与"] {
        if let Some(at) = s.find(joint) {
            if at > 0 && at + joint.len() < s.len() {
                s.replace_range(at..at + joint.len(), "、");
            }
        }
    }
    // Separators inside brackets are part of a name (各县(市、区)政府).
    const HIDDEN_ITEM: char = '\u{E000}';
    const HIDDEN_GROUP: char = '\u{E001}';
    if s.contains(['(', '（']) {
        let mut depth = 0usize;
        s = s
            .chars()
            .map(|c| match c {
                '(' | '（' => {
                    depth += 1;
                    c
                }
                ')' | '）' => {
                    depth = depth.saturating_sub(1);
                    c
                }
                c if depth > 0 && ITEM_SEPS.contains(&c) => HIDDEN_ITEM,
                c if depth > 0 && GROUP_SEPS.contains(&c) => HIDDEN_GROUP,
                c => c,
            })
            .collect();
    }
    let unhide = |t: &str| -> String {
        t.chars()
            .map(|c| match c {
                HIDDEN_ITEM => '、',
                HIDDEN_GROUP => '，',
                c => c,
            })
            .collect()
    };
    let mut out = Vec::new();
    for group in s.split(|c: char| GROUP_SEPS.contains(&c)) {
        let mut items: Vec<UnitName> = Vec::new();
        for raw in group.split(|c: char| ITEM_SEPS.contains(&c)) {
            let raw = unhide(raw);
            let raw = clean_cell(&raw);
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
        distribute_prefix(&mut items);
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
                let inner = &name[at + open.len_utf8()..name.len() - close.len_utf8()];
                // 各区县（市）: a bracket of place kinds is part of the name.
                let part_of_name =
                    !inner.is_empty() && inner.chars().all(|c| PLACE_CHARS.contains(&c));
                if at > 0 && !part_of_name {
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
    // "A、B等": the last named, and the others the text does not name.
    if let Some(head) = name.strip_suffix('等') {
        if head.chars().count() > 1 && !head.ends_with('等') {
            return vec![
                UnitName {
                    name: head.to_string(),
                    note,
                },
                UnitName {
                    name: "等".to_string(),
                    note: None,
                },
            ];
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

/// Endings of a department's name that may follow a prefix written once.
const DEPT_ENDINGS: [&str; 5] = ["厅", "局", "委", "办", "委员会"];

/// `省财政厅、教育厅、民政厅` → the prefix `省` of the first item goes to every
/// following item that is a bare department name (no place, no 省, not
/// collective). A city prefix distributes the same way
/// (`长沙市发改委、财政局` → 长沙市财政局).
fn distribute_prefix(items: &mut [UnitName]) {
    let Some(first) = items.first() else { return };
    let prefix = if first.name.starts_with("省委") {
        return;
    } else if first.name.starts_with('省') {
        "省".to_string()
    } else if let Some((cut, ch)) = first
        .name
        .char_indices()
        .find(|(_, c)| PLACE_CHARS.contains(c))
    {
        let p = &first.name[..cut + ch.len_utf8()];
        let rest = &first.name[p.len()..];
        // Only a city's own department: "长沙市发改委", not "长沙市人民政府".
        if p.chars().count() > 4
            || rest.is_empty()
            || rest.contains("政府")
            || !DEPT_ENDINGS.iter().any(|e| rest.ends_with(e))
        {
            return;
        }
        p.to_string()
    } else {
        return;
    };
    if !DEPT_ENDINGS.iter().any(|e| first.name.ends_with(e)) {
        return;
    }
    for item in items[1..].iter_mut() {
        let n = &item.name;
        let bare = DEPT_ENDINGS.iter().any(|e| n.ends_with(e))
            && n.chars().count() <= 12
            && !n.starts_with(['省', '各', '等', '国', '中', '湖'])
            && !n.contains(PLACE_CHARS)
            && !n.contains("人民");
        if bare {
            item.name = format!("{prefix}{n}");
        }
    }
}

/// The role a part of a unit cell gives its units.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Marked {
    /// No label or marker: the document's role rule decides.
    Responsible,
    /// 牵头单位：…, …牵头.
    Lead,
    /// 配合单位：…, 协同责任单位：…, 参与单位：…, …配合.
    Support,
    /// 分管副省长：…, 分管领导：…: people, kept apart from units.
    Leader,
}

/// What a role label (the words before `：`) says, if it is one.
pub fn label_role(label: &str) -> Option<Marked> {
    let l = label.trim();
    if l.is_empty() || l.chars().count() > 10 {
        return None;
    }
    let has = |w: &str| l.contains(w);
    Some(
        if has("领导")
            || has("省长")
            || has("市长")
            || has("区长")
            || has("县长")
            || has("书记")
            || has("责任人")
            || has("负责人")
        {
            Marked::Leader
        } else if has("配合")
            || has("协同")
            || has("参与")
            || has("协办")
            || has("协助")
            || has("参加")
        {
            Marked::Support
        } else if has("牵头") || has("主责") || has("主办") {
            Marked::Lead
        } else if has("责任") || has("负责") || has("实施") || has("承办") {
            if has("单位") || has("部门") || l == "责任" || l == "负责" {
                Marked::Responsible
            } else {
                return None;
            }
        } else {
            return None;
        },
    )
}

/// Words after a group of units that give its role (`X牵头`, `Y、Z配合`).
const MARKERS: [(&str, Marked); 9] = [
    ("牵头负责", Marked::Lead),
    ("牵头", Marked::Lead),
    ("配合", Marked::Support),
    ("协同", Marked::Support),
    ("参与", Marked::Support),
    ("协助", Marked::Support),
    ("参加", Marked::Support),
    ("共同负责", Marked::Responsible),
    ("负责", Marked::Responsible),
];

/// Phrases that state a role rule; `(phrase, rule)` where the rule is
/// [`crate::RoleRule::FirstLeads`] or [`crate::RoleRule::MarkedLeads`].
pub fn rule_stated(s: &str) -> Option<crate::RoleRule> {
    let first = [
        "列第一位",
        "排在第一位",
        "排第一位",
        "列在第一位",
        "排名第一",
        "排在首位",
        "列首位",
        "第一个单位",
        "排在前面",
    ];
    if s.contains("牵头") && first.iter().any(|w| s.contains(w)) {
        return Some(crate::RoleRule::FirstLeads);
    }
    if s.contains("明确牵头") && s.contains("配合") {
        return Some(crate::RoleRule::MarkedLeads);
    }
    None
}

/// Split a unit cell at its role labels and markers, in order:
/// `牵头单位：X，配合单位：A、B` → [(Lead, X), (Support, A、B)];
/// `X牵头，Y、Z配合` → [(Lead, X), (Support, Y、Z)]; a cell with neither is
/// one `Responsible` part, unchanged. A bracket that states a role rule
/// (`（列第一位者为牵头单位，下同）`) is left out.
pub fn role_parts(cell: &str) -> Vec<(Marked, String)> {
    let mut cell = cell.to_string();
    // A bracket stating the rule is not a unit.
    for (open, close) in [('（', '）'), ('(', ')')] {
        while let Some(a) = cell.find(open) {
            let Some(b) = cell[a..].find(close).map(|b| a + b) else {
                break;
            };
            if rule_stated(&cell[a..b]).is_none() {
                break;
            }
            cell.replace_range(a..b + close.len_utf8(), "");
        }
    }
    // Labels: "<label>：" where the label is a role's.
    let mut parts: Vec<(Marked, String)> = Vec::new();
    let mut role = Marked::Responsible;
    let mut rest = cell.as_str();
    let mut labelled = false;
    loop {
        let colon = rest.char_indices().find(|(_, c)| *c == '：' || *c == ':');
        let Some((at, c)) = colon else { break };
        let before = &rest[..at];
        let start = before
            .char_indices()
            .rev()
            .find(|(_, c)| GROUP_SEPS.contains(c) || "（(。 ".contains(*c))
            .map(|(i, c)| i + c.len_utf8())
            .unwrap_or(0);
        match label_role(&before[start..]) {
            Some(r) => {
                let head = before[..start]
                    .trim_end_matches(|c: char| GROUP_SEPS.contains(&c) || c.is_whitespace());
                if !clean_cell(head).is_empty() {
                    parts.push((role, clean_cell(head).to_string()));
                }
                role = r;
                labelled = true;
                rest = &rest[at + c.len_utf8()..];
            }
            None => break,
        }
    }
    let tail = clean_cell(rest);
    if !tail.is_empty() || !labelled {
        parts.push((role, tail.to_string()));
    }
    // Markers after groups, inside each unlabelled part.
    let mut out = Vec::new();
    for (role, text) in parts {
        if role != Marked::Responsible {
            out.push((role, text));
            continue;
        }
        let groups: Vec<&str> = text.split(|c: char| GROUP_SEPS.contains(&c)).collect();
        let marked: Vec<Option<(Marked, &str)>> = groups
            .iter()
            .map(|g| {
                let g = clean_cell(g);
                if DUTY_PHRASES.iter().any(|p| g.ends_with(p)) {
                    return None;
                }
                MARKERS.iter().find_map(|(w, m)| {
                    g.strip_suffix(w)
                        .filter(|h| !h.is_empty())
                        .map(|h| (*m, h.trim_end_matches(['、', '，'])))
                })
            })
            .collect();
        if marked.iter().all(Option::is_none) {
            out.push((role, text));
            continue;
        }
        for (g, m) in groups.iter().zip(marked) {
            match m {
                Some((m, head)) => out.push((m, head.to_string())),
                None if !clean_cell(g).is_empty() => {
                    out.push((Marked::Responsible, clean_cell(g).to_string()))
                }
                None => {}
            }
        }
    }
    out
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
