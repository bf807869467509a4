//! Quantitative indicators: baselines and targets over time.
//!
//! Prose values (001, 002, 000) come from curated records that hold only a
//! verbatim snippet of the source; the value, unit and bound are read from
//! that snippet by [`super::quantity`], and the sentence around it is the
//! quote. 003's yearly targets are read from the parsed table cells the same
//! way. A test checks every snippet is found exactly where it says.

use serde::{Deserialize, Serialize};

use super::curated::{bad_file, IndicatorsFile};
pub use super::quantity::Bound;
use super::quantity::{convert, quantities};
use super::text::sentence_of;
use super::{DocKind, Document, Lines, Task};
pub use crate::kinds::{Judgement, Measure, PointKind, Reading};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Point {
    /// None when the source gives no year (e.g. 001's 发展基础 without a date).
    pub year: Option<i32>,
    /// In the indicator's unit.
    pub value: f64,
    pub bound: Bound,
    pub kind: PointKind,
    /// The verbatim sentence (or table item) the value comes from.
    pub quote: String,
    /// The verbatim fragment holding the value, inside `quote`.
    pub snippet: String,
    pub lines: Lines,
    /// The task the value belongs to (003's table), if any.
    pub task: Option<String>,
    /// The quantity as the text writes it ("1/7", "跨越万亿元", "8%左右").
    pub written: String,
    pub note: Option<String>,
    pub note_en: Option<String>,
    /// Why the value is read as it is, where that is a judgement.
    pub reading: Option<Reading>,
    /// The document `lines` and `quote` are in, when it is not the
    /// indicator's own (an actual value another import supplied).
    #[serde(default)]
    pub document: Option<String>,
}

impl Point {
    /// The document the point's quote is in: its own, else its indicator's.
    pub fn source<'a>(&'a self, ind: &'a Indicator) -> &'a str {
        self.document.as_deref().unwrap_or(&ind.document)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    pub id: String,
    pub name: String,
    pub name_en: String,
    pub unit: String,
    /// The unit in English ("trillion yuan"; "" for a count: 个, 项 …), from
    /// `data/units.toml`.
    #[serde(default)]
    pub unit_en: String,
    /// A Chinese magnitude unit's amount of an English base unit
    /// (万人: 10,000 people): English writes English magnitudes.
    #[serde(default)]
    pub unit_scale: Option<(f64, String)>,
    /// A short English unit for axis labels ("tn yuan").
    #[serde(default)]
    pub unit_en_short: String,
    pub document: String,
    /// The goal group the plan puts it under (经济人口承载力, …, or 003's task group).
    pub group: String,
    pub measure: Measure,
    pub points: Vec<Point>,
    pub note: Option<String>,
    pub note_en: Option<String>,
    /// Why the indicator is read as it is (stock or flow, …), where that is a judgement.
    pub reading: Option<Reading>,
}

impl Indicator {
    pub fn name_in(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Zh => &self.name,
            crate::Lang::En => &self.name_en,
        }
    }
    /// The unit in `lang` (English may be "" for a count).
    pub fn unit_in(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Zh => &self.unit,
            crate::Lang::En => &self.unit_en,
        }
    }
    /// The unit for an axis label in `lang`.
    pub fn unit_short_in(&self, lang: crate::Lang) -> &str {
        match lang {
            crate::Lang::Zh => &self.unit,
            crate::Lang::En => &self.unit_en_short,
        }
    }
    pub fn baseline(&self) -> Option<&Point> {
        self.points
            .iter()
            .find(|p| p.kind == PointKind::Baseline && p.year.is_some())
    }
    pub fn targets(&self) -> impl Iterator<Item = &Point> {
        self.points.iter().filter(|p| p.kind == PointKind::Target)
    }
}

/// Build every indicator from its curated record: each point's snippet is
/// located in the document (for a target table, in that year's cell of a
/// task) and its value, unit and bound read from the snippet. A record that
/// cannot be read is a problem of the data file, never a silent gap.
pub fn build(
    documents: &[Document],
    tasks: &[Task],
    records: &IndicatorsFile,
    units: &[crate::UnitName],
    bad: &mut impl FnMut(&str, crate::Problem),
) -> Vec<Indicator> {
    let file = crate::curated::INDICATORS.0;
    let mut out = Vec::new();
    for r in &records.indicator {
        let mut err = |what: String| bad(file, bad_file(file, format!("{}: {what}", r.id)));
        let Some(doc) = documents.iter().find(|d| d.code == r.document) else {
            err(format!("no document {}", r.document));
            continue;
        };
        if !records.group.iter().any(|g| g.zh == r.group) {
            err(format!("no group {}", r.group));
        }
        let mut points = Vec::new();
        for p in &r.point {
            let year = p.year.map_or("-".to_string(), |y| y.to_string());
            let located = match doc.kind {
                DocKind::TargetTable => locate_in_table(doc, tasks, p.year, &p.snippet),
                _ => sentence_of(&doc.text, &p.snippet).map(|(q, l)| (q, l, None)),
            };
            let Some((quote, lines, task)) = located else {
                err(format!(
                    "{year}: snippet not found in {}: {}",
                    doc.code, p.snippet
                ));
                continue;
            };
            let qs = quantities(&p.snippet);
            let Some(q) = qs.get(p.pick) else {
                err(format!("{year}: no quantity #{} in {}", p.pick, p.snippet));
                continue;
            };
            let Some(value) = convert(q.value, &q.unit, &r.unit) else {
                err(format!("{year}: unit {} is not {}", q.unit, r.unit));
                continue;
            };
            points.push(Point {
                year: p.year,
                value: round(value),
                bound: q.bound,
                kind: p.kind,
                quote,
                snippet: p.snippet.clone(),
                lines,
                task,
                written: p.snippet[q.start..q.end].to_string(),
                note: p.note.clone(),
                note_en: p.note_en.clone(),
                reading: p.reading.clone(),
                document: None,
            });
        }
        points.sort_by_key(|p| (p.year.unwrap_or(i32::MIN), p.kind == PointKind::Target));
        let english = units.iter().find(|u| u.zh == r.unit);
        if english.is_none() && !r.unit.is_empty() {
            err(format!("unit {} has no English in data/units.toml", r.unit));
        }
        out.push(Indicator {
            id: r.id.clone(),
            name: r.name.clone(),
            name_en: r.en.clone(),
            unit: r.unit.clone(),
            unit_en: english.map(|u| u.en.clone()).unwrap_or_default(),
            unit_en_short: english.map(|u| u.en_short.clone()).unwrap_or_default(),
            unit_scale: english.and_then(|u| u.scale.clone()),
            document: doc.id.clone(),
            group: r.group.clone(),
            measure: r.measure,
            points,
            note: r.note.clone(),
            note_en: r.note_en.clone(),
            reading: r.reading.clone(),
        });
    }
    out
}

/// Round away binary noise from unit conversion (9500亿元 → 0.95万亿元).
fn round(v: f64) -> f64 {
    (v * 1e9).round() / 1e9
}

/// Find a snippet in the target cell of `year` (None: the baseline) of a task
/// of `doc`; the quote is the numbered item that holds it.
fn locate_in_table(
    doc: &Document,
    tasks: &[Task],
    year: Option<i32>,
    snippet: &str,
) -> Option<(String, Lines, Option<String>)> {
    for t in tasks.iter().filter(|t| t.document == doc.id) {
        for target in t.targets.iter().filter(|x| x.year == year) {
            if target.text.contains(snippet) {
                let item = target
                    .items
                    .iter()
                    .find(|i| i.contains(snippet))
                    .cloned()
                    .unwrap_or_else(|| target.text.clone());
                return Some((item, t.lines, Some(t.id.clone())));
            }
        }
    }
    None
}

/// The years the charts of a group share: the group's span, reaching back to
/// the document's base year (the earliest baseline of an indicator that also
/// has a target) when the group itself has a single year.
pub fn group_years(indicators: &[Indicator], group: &str) -> Option<(i32, i32)> {
    let members: Vec<&Indicator> = indicators.iter().filter(|i| i.group == group).collect();
    let years: Vec<i32> = members
        .iter()
        .flat_map(|i| i.points.iter().filter_map(|p| p.year))
        .collect();
    let (lo, hi) = (*years.iter().min()?, *years.iter().max()?);
    if lo < hi {
        return Some((lo, hi));
    }
    let doc = &members[0].document;
    let base = indicators
        .iter()
        .filter(|i| &i.document == doc && i.targets().any(|p| p.year.is_some()))
        .filter_map(|i| i.baseline().and_then(|p| p.year))
        .min();
    Some((base.map_or(lo, |b| b.min(lo)), hi))
}
