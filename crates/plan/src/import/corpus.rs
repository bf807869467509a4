//! The importer scored on a corpus of real documents (issue 18).
//!
//! A corpus is a folder with `raw/NNN_name.txt` (two header lines,
//! `source:` and `kind:`, then the body exactly as found) and `GOLD.json`
//! (its README explains the conventions). [`score`] imports every body with
//! the default options, as a visitor would, and compares what was read with
//! the gold; [`markdown`] renders the result for BENCHMARKS.md.
//!
//! What is counted, per document:
//! - **tasks**: tasks read that carry units, against the gold's
//!   `complete_tasks_with_units` (credited up to the gold's number);
//! - **examples**: the gold's lead/support examples; *units* when a task
//!   names exactly the example's units (a unit may carry a shared prefix
//!   the parser distributed: 省商务厅 for 商务厅 in 省发展改革委、…、商务厅),
//!   *roles* when its leads and supports are the example's;
//! - **targets**: gold `targets` (and a task file's `embedded_targets`)
//!   found as a target point with the gold's year, value (converted between
//!   magnitudes of one unit), unit and bound (a range read as one point,
//!   its upper end in the note, counts as its two gold items); *values*
//!   counts those found
//!   with the right value and unit whatever their year and bound;
//! - **false readings**: target points of a target or prose document that
//!   match no gold value (nor a value the gold lists as uncertain or
//!   truncated); *pitfalls hit*: gold pitfalls whose quoted fragments hold
//!   a false reading;
//! - **rejected**: documents the importer refused; **panics**: caught.

use std::collections::BTreeMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::Path;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{import, ImportOptions};
use crate::indicators::PointKind;
use crate::quantity::{convert, Bound};
use crate::text::normalize;
use crate::Role;

/// Counts that add up over documents.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub documents: u32,
    pub rejected: u32,
    pub panics: u32,
    /// Gold complete tasks with units.
    pub gold_tasks: u32,
    /// Tasks read with units (all of them).
    pub tasks_read: u32,
    /// Tasks read with units, up to the gold's number.
    pub tasks: u32,
    pub gold_examples: u32,
    /// Examples whose units a task names exactly.
    pub examples_units: u32,
    /// Examples whose leads and supports a task has exactly.
    pub examples_roles: u32,
    pub gold_targets: u32,
    /// Gold targets found with year, value, unit and bound.
    pub targets: u32,
    /// Gold targets found with year, value, unit and bound whose indicator
    /// shares at least two characters in a row with the gold's.
    pub targets_named: u32,
    /// Gold targets found with value and unit (any year or bound).
    pub values: u32,
    /// Target points read.
    pub points_read: u32,
    /// Target points of target/prose documents matching nothing in the gold.
    pub false_readings: u32,
    pub gold_pitfalls: u32,
    pub pitfalls_hit: u32,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.documents += o.documents;
        self.rejected += o.rejected;
        self.panics += o.panics;
        self.gold_tasks += o.gold_tasks;
        self.tasks_read += o.tasks_read;
        self.tasks += o.tasks;
        self.gold_examples += o.gold_examples;
        self.examples_units += o.examples_units;
        self.examples_roles += o.examples_roles;
        self.gold_targets += o.gold_targets;
        self.targets += o.targets;
        self.targets_named += o.targets_named;
        self.values += o.values;
        self.points_read += o.points_read;
        self.false_readings += o.false_readings;
        self.gold_pitfalls += o.gold_pitfalls;
        self.pitfalls_hit += o.pitfalls_hit;
    }
}

/// One document's score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocScore {
    pub file: String,
    /// The gold's kind: tasks, targets or prose.
    pub kind: String,
    /// Why the importer refused it, if it did.
    pub rejected: Option<String>,
    pub panicked: bool,
    /// What the importer read it as ("tasks", "indicators", "prose", …).
    pub read_as: String,
    pub counts: Counts,
    /// The false readings: indicator, year and the value as written.
    pub false_readings: Vec<String>,
}

/// A corpus's score.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub documents: Vec<DocScore>,
    /// Per gold kind, in the order tasks, targets, prose.
    pub by_kind: Vec<(String, Counts)>,
    pub total: Counts,
}

/// Why a corpus cannot be scored.
#[derive(Debug)]
pub enum CorpusError {
    Io(String),
    Gold(String),
}

impl std::fmt::Display for CorpusError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            CorpusError::Io(e) => write!(f, "corpus: {e}"),
            CorpusError::Gold(e) => write!(f, "GOLD.json: {e}"),
        }
    }
}

/// The body of a corpus file: the text after its `source:` and `kind:` lines.
pub fn body(raw: &str) -> &str {
    let mut rest = raw;
    for _ in 0..2 {
        let line_end = rest.find('\n').map_or(rest.len(), |i| i + 1);
        let line = &rest[..line_end];
        if line.starts_with("source:") || line.starts_with("kind:") {
            rest = &rest[line_end..];
        }
    }
    rest
}

/// Score every document of the corpus in `dir` (`raw/` and `GOLD.json`).
pub fn score(dir: &Path) -> Result<Report, CorpusError> {
    let gold_text = std::fs::read_to_string(dir.join("GOLD.json"))
        .map_err(|e| CorpusError::Io(format!("{}: {e}", dir.join("GOLD.json").display())))?;
    let gold: Value =
        serde_json::from_str(&gold_text).map_err(|e| CorpusError::Gold(e.to_string()))?;
    let files = gold
        .get("files")
        .and_then(Value::as_object)
        .ok_or_else(|| CorpusError::Gold("no \"files\" object".into()))?;
    let mut report = Report::default();
    let mut by_kind: BTreeMap<String, Counts> = BTreeMap::new();
    for (file, g) in files {
        let path = dir.join("raw").join(file);
        let raw = std::fs::read(&path)
            .map_err(|e| CorpusError::Io(format!("{}: {e}", path.display())))?;
        let raw = String::from_utf8_lossy(&raw);
        let d = score_one(file, body(&raw), g);
        by_kind.entry(d.kind.clone()).or_default().add(&d.counts);
        report.total.add(&d.counts);
        report.documents.push(d);
    }
    for k in ["tasks", "targets", "prose"] {
        if let Some(c) = by_kind.remove(k) {
            report.by_kind.push((k.to_string(), c));
        }
    }
    report.by_kind.extend(by_kind);
    Ok(report)
}

/// A gold target value.
struct GoldTarget {
    indicator: String,
    year: Option<i64>,
    value: f64,
    unit: String,
    bound: Option<Bound>,
}

fn gold_targets(v: Option<&Value>) -> Vec<GoldTarget> {
    let Some(items) = v.and_then(Value::as_array) else {
        return Vec::new();
    };
    items
        .iter()
        .filter_map(|t| {
            Some(GoldTarget {
                indicator: t
                    .get("indicator")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                year: t.get("year").and_then(Value::as_i64),
                value: t.get("value").and_then(Value::as_f64)?,
                unit: t
                    .get("unit")
                    .and_then(Value::as_str)
                    .unwrap_or("")
                    .to_string(),
                bound: t.get("bound").and_then(Value::as_str).and_then(bound_of),
            })
        })
        .collect()
}

fn bound_of(s: &str) -> Option<Bound> {
    Some(match s {
        "=" => Bound::Eq,
        ">=" => Bound::Ge,
        "<=" => Bound::Le,
        ">" => Bound::Gt,
        "<" => Bound::Lt,
        "about" => Bound::About,
        _ => return None,
    })
}

/// A unit compared: simplified characters, no pinyin glosses or spaces,
/// 每 as `/`, a bracketed alternative dropped (条（段） → 条).
fn unit_key(u: &str) -> String {
    let n = normalize(u);
    let mut out = String::new();
    let mut depth = 0;
    for c in n.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ if depth > 0 => {}
            '每' => out.push('/'),
            '％' => out.push('%'),
            c if c.is_whitespace() => {}
            c => out.push(c),
        }
    }
    match out.as_str() {
        "微克/立方米" | "μg/m3" | "微克/m3" => "ug/m3".into(),
        _ => out,
    }
}

fn same_value(read: f64, read_unit: &str, gold: f64, gold_unit: &str) -> bool {
    let (a, b) = (unit_key(read_unit), unit_key(gold_unit));
    let v = if a == b {
        Some(read)
    } else {
        convert(read, &a, &b)
    };
    v.is_some_and(|v| (v - gold).abs() <= 1e-6 * gold.abs().max(1.0))
}

/// Two indicator names that share two characters in a row (simplified,
/// the gold's bracketed clarification left out).
fn names_meet(read: &str, gold: &str) -> bool {
    let gold = normalize(gold.split(" (").next().unwrap_or(gold));
    let read: Vec<char> = normalize(read).chars().collect();
    read.windows(2)
        .any(|w| gold.contains(&w.iter().collect::<String>()))
}

/// The quoted fragments ('…') of a pitfall that hold a digit.
fn pitfall_fragments(p: &str) -> Vec<String> {
    p.split('\'')
        .skip(1)
        .step_by(2)
        .filter(|f| f.chars().any(|c| c.is_ascii_digit()))
        .map(normalize)
        .collect()
}

/// The units of a task as written, without the collective 等 (the units a
/// list does not name: the gold lists only named units).
fn units_written<'a>(it: impl Iterator<Item = &'a crate::Assignment>) -> Vec<String> {
    let mut v: Vec<String> = it
        .filter(|a| a.as_written != "等")
        .map(|a| unit_key(&a.as_written))
        .collect();
    v.sort();
    v.dedup();
    v
}

/// The same units: one for one, a unit read equal to the gold's or the
/// gold's with a shared prefix distributed to it (省 of 省X、Y → 省Y, at
/// most two characters).
fn same_units(read: &[String], gold: &[String]) -> bool {
    if read.len() != gold.len() {
        return false;
    }
    let mut used = vec![false; read.len()];
    gold.iter().all(|g| {
        let hit = read.iter().enumerate().position(|(k, r)| {
            !used[k]
                && (r == g || r.ends_with(g.as_str()) && r.chars().count() <= g.chars().count() + 2)
        });
        if let Some(k) = hit {
            used[k] = true;
        }
        hit.is_some()
    })
}

fn strings(v: Option<&Value>) -> Vec<String> {
    let mut out: Vec<String> = v
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(unit_key)
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    out.sort();
    out.dedup();
    out
}

fn score_one(file: &str, body: &str, g: &Value) -> DocScore {
    let kind = g
        .get("kind")
        .and_then(Value::as_str)
        .unwrap_or("")
        .to_string();
    let mut c = Counts {
        documents: 1,
        ..Counts::default()
    };
    c.gold_tasks = g
        .get("complete_tasks_with_units")
        .and_then(Value::as_u64)
        .unwrap_or(0) as u32;
    let examples = g
        .get("examples")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    c.gold_examples = examples.len() as u32;
    let mut targets = gold_targets(g.get("targets"));
    targets.extend(gold_targets(g.get("embedded_targets")));
    c.gold_targets = targets.len() as u32;
    let pitfalls: Vec<String> = g
        .get("pitfalls")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(String::from)
                .collect()
        })
        .unwrap_or_default();
    c.gold_pitfalls = pitfalls.len() as u32;
    // Raw strings of values the gold leaves out as doubtful.
    let doubtful: Vec<String> = ["uncertain", "truncated_items"]
        .iter()
        .filter_map(|k| g.get(*k).and_then(Value::as_array))
        .flatten()
        .filter_map(|t| t.get("raw").and_then(Value::as_str))
        .map(normalize)
        .collect();

    let opts = ImportOptions::default();
    let result = catch_unwind(AssertUnwindSafe(|| import(file, body.as_bytes(), &opts)));
    let mut doc = DocScore {
        file: file.to_string(),
        kind: kind.clone(),
        rejected: None,
        panicked: false,
        read_as: String::new(),
        counts: Counts::default(),
        false_readings: Vec::new(),
    };
    let imp = match result {
        Err(_) => {
            doc.panicked = true;
            c.panics = 1;
            doc.counts = c;
            return doc;
        }
        Ok(Err(e)) => {
            doc.rejected = Some(format!("{e:?}"));
            c.rejected = 1;
            doc.counts = c;
            return doc;
        }
        Ok(Ok(imp)) => imp,
    };
    doc.read_as = serde_json::to_value(imp.report.kind)
        .ok()
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default();

    // Tasks and examples.
    c.tasks_read = imp.tasks.iter().filter(|t| !t.units.is_empty()).count() as u32;
    c.tasks = c.tasks_read.min(c.gold_tasks);
    for e in &examples {
        let lead = strings(e.get("lead"));
        let support = strings(e.get("support"));
        let mut all: Vec<String> = lead.iter().chain(&support).cloned().collect();
        all.sort();
        all.dedup();
        let units_ok = imp
            .tasks
            .iter()
            .any(|t| same_units(&units_written(t.units.iter()), &all));
        let roles_ok = imp.tasks.iter().any(|t| {
            same_units(
                &units_written(t.units.iter().filter(|a| a.role == Role::Lead)),
                &lead,
            ) && same_units(
                &units_written(t.units.iter().filter(|a| a.role == Role::Support)),
                &support,
            )
        });
        c.examples_units += units_ok as u32;
        c.examples_roles += roles_ok as u32;
    }

    // Target points against the gold, each point used once.
    // A range (8—10个) is read as one point (≥ 8) whose note gives the
    // upper end (上限10); the gold lists it as two items (≥ 8, ≤ 10).
    let uppers: Vec<(&str, crate::indicators::Point, &str)> = imp
        .indicators
        .iter()
        .flat_map(|i| {
            i.points.iter().filter_map(move |p| {
                let hi: f64 = p
                    .note
                    .as_deref()?
                    .split("上限")
                    .nth(1)?
                    .trim_end_matches(|c: char| !c.is_ascii_digit())
                    .parse()
                    .ok()?;
                let mut up = p.clone();
                up.value = hi;
                up.bound = Bound::Le;
                Some((i.unit.as_str(), up, i.name.as_str()))
            })
        })
        .filter(|(_, p, _)| p.kind == PointKind::Target)
        .collect();
    let points: Vec<(&str, &crate::indicators::Point, &str)> = imp
        .indicators
        .iter()
        .flat_map(|i| {
            i.points
                .iter()
                .map(move |p| (i.unit.as_str(), p, i.name.as_str()))
        })
        .filter(|(_, p, _)| p.kind == PointKind::Target)
        .chain(uppers.iter().map(|(u, p, n)| (*u, p, *n)))
        .collect();
    c.points_read = (points.len() - uppers.len()) as u32;
    let mut used = vec![false; points.len()];
    let mut loose_used = vec![false; points.len()];
    for t in &targets {
        let value_ok = |(u, p, _): &(&str, &crate::indicators::Point, &str)| {
            same_value(p.value, u, t.value, &t.unit)
        };
        let full = points.iter().enumerate().position(|(k, x)| {
            !used[k]
                && value_ok(x)
                && x.1.year.map(i64::from) == t.year
                && Some(x.1.bound) == t.bound
        });
        if let Some(k) = full {
            used[k] = true;
            c.targets += 1;
            if names_meet(points[k].2, &t.indicator) {
                c.targets_named += 1;
            }
        }
        if let Some(k) = points
            .iter()
            .enumerate()
            .position(|(k, x)| !loose_used[k] && value_ok(x))
        {
            loose_used[k] = true;
            c.values += 1;
        }
    }
    if kind != "tasks" {
        let mut hit = vec![false; pitfalls.len()];
        let real = points.len() - uppers.len();
        for (k, (_, p, name)) in points.iter().enumerate() {
            // The upper end of a range is no reading of its own.
            if used[k] || loose_used[k] || k >= real {
                continue;
            }
            let written = normalize(&p.written);
            let snippet = normalize(&p.snippet);
            let inside = |s: &str| {
                (!written.is_empty() && s.contains(&written))
                    || (!snippet.is_empty() && s.contains(&snippet))
            };
            if doubtful.iter().any(|d| inside(d)) {
                continue;
            }
            c.false_readings += 1;
            doc.false_readings.push(format!(
                "{name} {} {}",
                p.year.map_or("-".into(), |y| y.to_string()),
                p.written
            ));
            for (j, pit) in pitfalls.iter().enumerate() {
                if !hit[j] && pitfall_fragments(pit).iter().any(|f| inside(f)) {
                    hit[j] = true;
                }
            }
        }
        c.pitfalls_hit = hit.iter().filter(|h| **h).count() as u32;
    }
    doc.counts = c;
    doc
}

fn pct(a: u32, b: u32) -> String {
    if b == 0 {
        "–".into()
    } else {
        format!("{:.0} %", 100.0 * a as f64 / b as f64)
    }
}

fn row(name: &str, c: &Counts) -> String {
    format!(
        "| {name} | {} | {} | {} / {} ({}) | {} / {} / {} | {} / {} ({}) | {} | {} | {} | {} / {} | {} |\n",
        c.documents,
        c.rejected,
        c.tasks,
        c.gold_tasks,
        pct(c.tasks, c.gold_tasks),
        c.examples_units,
        c.examples_roles,
        c.gold_examples,
        c.targets,
        c.gold_targets,
        pct(c.targets, c.gold_targets),
        c.targets_named,
        c.values,
        c.false_readings,
        c.pitfalls_hit,
        c.gold_pitfalls,
        c.panics,
    )
}

const HEAD: &str = "| | docs | rejected | tasks with units | examples (units / roles / gold) | targets (year, value, unit, bound) | … and indicator | values (any year, bound) | false readings | pitfalls hit | panics |\n|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n";

/// The score as Markdown: a table per kind and in all, then one per document.
pub fn markdown(r: &Report) -> String {
    let mut s = String::from(HEAD);
    for (k, c) in &r.by_kind {
        s.push_str(&row(k, c));
    }
    s.push_str(&row("**all**", &r.total));
    s.push('\n');
    s.push_str(&HEAD.replacen("| |", "| document (kind, read as) |", 1));
    for d in &r.documents {
        let mut name = format!(
            "{} ({}, {})",
            d.file.trim_end_matches(".txt"),
            d.kind,
            d.read_as
        );
        if d.rejected.is_some() {
            name = format!(
                "{} ({}, **rejected**)",
                d.file.trim_end_matches(".txt"),
                d.kind
            );
        }
        if d.panicked {
            name = format!(
                "{} ({}, **panicked**)",
                d.file.trim_end_matches(".txt"),
                d.kind
            );
        }
        s.push_str(&row(&name, &d.counts));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn body_skips_the_two_header_lines() {
        assert_eq!(body("source: x\nkind: tasks\nA\nB"), "A\nB");
        assert_eq!(body("A\nB"), "A\nB");
    }

    #[test]
    fn units_compare_across_scripts_and_magnitudes() {
        assert_eq!(unit_key("億t標(biāo)準(zhǔn)煤"), "亿t标准煤");
        assert_eq!(unit_key("微克每立方米"), "ug/m3");
        assert!(same_value(2.0, "万亿元", 2.0, "万亿元"));
        assert!(same_value(20000.0, "亿元", 2.0, "万亿元"));
        assert!(!same_value(2.0, "亿元", 2.0, "万亿元"));
        assert!(same_value(7.0, "%", 7.0, "％"));
    }

    #[test]
    fn pitfall_fragments_are_the_quoted_numbers() {
        assert_eq!(
            pitfall_fragments("'2020年11月17日' is the issue date, 'x' no"),
            vec!["2020年11月17日".to_string()]
        );
    }
}
