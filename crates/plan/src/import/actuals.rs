//! Actual values: a table of (indicator, year, value, source), pasted or
//! imported, read into points of kind `actual`; and [`status`], how far an
//! indicator's actual path is from its target path.
//!
//! The table's columns may be named in Chinese or English (指标/indicator,
//! 年份/year, 实际值/数值/value, 来源/source, 单位/unit); the indicator is
//! given by its id or its name (Chinese or English).

use serde::{Deserialize, Serialize};

use crate::indicators::{Indicator, Measure, Point, PointKind};
use crate::quantity::{convert, quantities, Bound};
use crate::table::{cells_of, header_col, Column};
use crate::text::clean_cell;
use crate::Lines;

/// One row of an actual-values table.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actual {
    /// The indicator as the table gives it (an id or a name).
    pub indicator: String,
    pub year: i32,
    pub value: f64,
    /// The unit written in the value or unit cell ("" when none).
    pub unit: String,
    pub bound: Bound,
    /// The value cell as written.
    pub written: String,
    pub source: String,
    /// The row's line and verbatim text.
    pub line: u32,
    pub quote: String,
}

fn is_header(cols: &[Option<Column>]) -> bool {
    cols.contains(&Some(Column::Indicator))
        && cols.contains(&Some(Column::Period))
        && cols.contains(&Some(Column::Value))
}

/// The first line that is an actual-values header: (index, spaces?).
pub fn find_header(text: &str) -> Option<(usize, bool)> {
    for spaces in [false, true] {
        for (i, raw) in text.split('\n').enumerate() {
            let cells = cells_of(raw, spaces);
            if cells.len() < 3 || cells.len() > 20 || (!spaces && !raw.contains('\t')) {
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

/// Read the table whose header is line `at` (0-based): the rows, the
/// header's columns, and the lines of rows that could not be read.
pub fn parse_table(
    text: &str,
    shown: &str,
    at: usize,
    spaces: bool,
    forced: Option<&[Column]>,
) -> (Vec<Actual>, Vec<(String, Column)>, Vec<u32>) {
    let shown: Vec<&str> = shown.split('\n').collect();
    let lines: Vec<&str> = text.split('\n').collect();
    let head = cells_of(lines[at], spaces);
    let cols: Vec<Column> = match forced {
        Some(f) => (0..head.len())
            .map(|k| f.get(k).copied().unwrap_or(Column::Other))
            .collect(),
        None => head
            .iter()
            .map(|c| header_col(c).unwrap_or(Column::Other))
            .collect(),
    };
    let header = head
        .iter()
        .map(|c| clean_cell(c).to_string())
        .zip(cols.iter().copied())
        .collect();
    let find = |c: Column| cols.iter().position(|x| *x == c);
    let (i_ind, i_year, i_val, i_src, i_unit) = (
        find(Column::Indicator),
        find(Column::Period),
        find(Column::Value),
        find(Column::Source),
        find(Column::Unit),
    );
    let mut out = Vec::new();
    let mut bad = Vec::new();
    for (k, l) in lines.iter().enumerate().skip(at + 1) {
        let no = k as u32 + 1;
        if clean_cell(l).is_empty() {
            continue;
        }
        let cells = cells_of(l, spaces);
        let cell = |i: Option<usize>| {
            i.and_then(|i| cells.get(i))
                .map(|c| clean_cell(c))
                .unwrap_or("")
        };
        let year: Option<i32> = cell(i_year)
            .trim_end_matches('年')
            .parse()
            .ok()
            .filter(|y| (1900..=2100).contains(y));
        let v = cell(i_val);
        let q = quantities(v).into_iter().next();
        let ind = cell(i_ind);
        match (year, q) {
            (Some(year), Some(q)) if !ind.is_empty() => out.push(Actual {
                indicator: ind.to_string(),
                year,
                value: q.value,
                unit: if q.unit.is_empty() {
                    cell(i_unit).to_string()
                } else {
                    q.unit.clone()
                },
                bound: q.bound,
                written: v.to_string(),
                source: cell(i_src).to_string(),
                line: no,
                quote: clean_cell(shown.get(k).copied().unwrap_or("")).to_string(),
            }),
            _ => bad.push(no),
        }
    }
    (out, header, bad)
}

/// Add each actual value to the indicator it names (by id, by Chinese
/// name, or by English name ignoring case), converted to the indicator's
/// unit. Returns the positions in `actuals` of the values no indicator
/// took (unknown indicator, or a unit that cannot be converted). `from` is
/// the document the values were read from, when it is not the indicators'
/// own: each point keeps it, so its quote links to the right source.
pub fn apply(indicators: &mut [Indicator], actuals: &[Actual], from: Option<&str>) -> Vec<usize> {
    let mut left = Vec::new();
    for (k, a) in actuals.iter().enumerate() {
        let name = a.indicator.trim();
        let found = indicators.iter_mut().find(|i| {
            i.id == name
                || i.name == name
                || (!i.name_en.is_empty() && i.name_en.eq_ignore_ascii_case(name))
        });
        let Some(ind) = found else {
            left.push(k);
            continue;
        };
        let unit = if a.unit.is_empty() {
            ind.unit.as_str()
        } else {
            a.unit.as_str()
        };
        let Some(value) = convert(a.value, unit, &ind.unit) else {
            left.push(k);
            continue;
        };
        ind.points.push(Point {
            year: Some(a.year),
            value: (value * 1e9).round() / 1e9,
            bound: a.bound,
            kind: PointKind::Actual,
            quote: a.quote.clone(),
            snippet: a.written.clone(),
            lines: Lines::one(a.line),
            task: None,
            written: a.written.clone(),
            note: (!a.source.is_empty()).then(|| a.source.clone()),
            note_en: None,
            reading: None,
            document: from.map(str::to_string),
        });
        ind.points
            .sort_by_key(|p| (p.year.unwrap_or(i32::MIN), p.kind == PointKind::Target));
    }
    left
}

/// How an indicator is progressing towards its target.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Progress {
    OnTrack,
    NeedsAcceleration,
    OffTrack,
    NotAssessable,
}

/// Why a status could not be assessed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum NotAssessable {
    NoActual,
    /// No dated baseline before the latest actual value.
    NoBaseline,
    /// No dated target after the baseline.
    NoTarget,
}

/// How the path was compared.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Compound annual growth (levels): rates in percent a year.
    Compound,
    /// A constant change a year (shares, counts, stocks, flows): units a year.
    Linear,
    /// The actual value against the target itself (growth rates).
    Direct,
}

/// The status of an indicator: the numbers, for the UI to word.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Status {
    pub progress: Progress,
    pub not_assessable: Option<NotAssessable>,
    pub method: Option<Method>,
    /// (year, value) of the baseline, the latest actual value, the target.
    pub baseline: Option<(i32, f64)>,
    pub actual: Option<(i32, f64)>,
    pub target: Option<(i32, f64)>,
    pub bound: Option<Bound>,
    /// The target path's value in the actual's year.
    pub expected: Option<f64>,
    /// Change a year the target needs, and the actual path achieved
    /// (percent a year for `Compound`, units a year for `Linear`).
    pub needed: Option<f64>,
    pub achieved: Option<f64>,
    /// achieved / needed (`Direct`: actual / target).
    pub ratio: Option<f64>,
}

/// At least this share of the needed progress: on track.
pub const ON_TRACK: f64 = 0.95;
/// At least this share: needs acceleration; below: off track.
pub const NEEDS_ACCELERATION: f64 = 0.5;
/// An approximate target (左右) lowers the on-track share by this much,
/// and a value within this fraction of it meets it.
pub const ABOUT_TOLERANCE: f64 = 0.05;

/// The status of an indicator given actual values (its own `actual` points
/// are used too). The method, after Open SDG's progress measure:
///
/// 1. The latest actual value (year t, value x_t); the latest dated
///    baseline before t (t0, x0); the first dated target at or after t, else
///    the last one (T, x_T). Missing any: not assessable.
/// 2. Levels compound: needed = ((x_T/x0)^(1/(T−t0)) − 1)·100,
///    achieved = ((x_t/x0)^(1/(t−t0)) − 1)·100 (percent a year); shares,
///    counts and the rest change linearly: needed = (x_T−x0)/(T−t0),
///    achieved = (x_t−x0)/(t−t0). Growth-rate indicators compare x_t with
///    x_T directly. Non-positive values fall back to linear.
/// 3. ratio = achieved/needed. On track when ratio ≥ 0.95 (0.90 for a
///    `左右` target) or the target is already met; needs acceleration when
///    ratio ≥ 0.5; off track below (and when it moves away).
/// 4. Bounds: a ceiling above the baseline (a cap that allows growth) is on
///    track while x_t is at most the path, needs acceleration (a correction)
///    while at most the target, off track above it; a floor below the
///    baseline, and a target equal to the baseline, are on track while met
///    and off track otherwise; a target year already passed is on track if
///    met, off track if not.
/// 5. Direct (rates): met → on track; short by at most half the target →
///    needs acceleration; else off track.
pub fn status(ind: &Indicator, actuals: &[Point]) -> Status {
    let mut s = Status {
        progress: Progress::NotAssessable,
        not_assessable: None,
        method: None,
        baseline: None,
        actual: None,
        target: None,
        bound: None,
        expected: None,
        needed: None,
        achieved: None,
        ratio: None,
    };
    let actual = ind
        .points
        .iter()
        .chain(actuals)
        .filter(|p| p.kind == PointKind::Actual && p.year.is_some())
        .max_by_key(|p| p.year);
    let Some(actual) = actual else {
        s.not_assessable = Some(NotAssessable::NoActual);
        return s;
    };
    let t = actual.year.unwrap_or_default();
    let xt = actual.value;
    s.actual = Some((t, xt));
    let base = ind
        .points
        .iter()
        .filter(|p| p.kind == PointKind::Baseline && p.year.is_some_and(|y| y < t))
        .max_by_key(|p| p.year);
    let Some(base) = base else {
        s.not_assessable = Some(NotAssessable::NoBaseline);
        return s;
    };
    let t0 = base.year.unwrap_or_default();
    let x0 = base.value;
    s.baseline = Some((t0, x0));
    let targets: Vec<&Point> = ind
        .points
        .iter()
        .filter(|p| p.kind == PointKind::Target && p.year.is_some_and(|y| y > t0))
        .collect();
    let target = targets
        .iter()
        .filter(|p| p.year >= Some(t))
        .min_by_key(|p| p.year)
        .or_else(|| targets.iter().max_by_key(|p| p.year));
    let Some(target) = target else {
        s.not_assessable = Some(NotAssessable::NoTarget);
        return s;
    };
    let tt = target.year.unwrap_or_default();
    let xtt = target.value;
    let bound = target.bound;
    s.target = Some((tt, xtt));
    s.bound = Some(bound);
    let up = xtt >= x0;
    let tol = if bound == Bound::About {
        ABOUT_TOLERANCE
    } else {
        0.0
    };
    let meets = |x: f64| match bound {
        Bound::Ge => x >= xtt,
        Bound::Gt => x > xtt,
        Bound::Le => x <= xtt,
        Bound::Lt => x < xtt,
        Bound::Eq | Bound::About => {
            let slack = tol * xtt.abs();
            if up {
                x >= xtt - slack
            } else {
                x <= xtt + slack
            }
        }
    };
    if ind.measure == Measure::Rate {
        s.method = Some(Method::Direct);
        s.ratio = (xtt != 0.0).then(|| xt / xtt);
        let short = if bound.is_ceiling() {
            xt - xtt
        } else {
            xtt - xt
        } / xtt.abs().max(f64::MIN_POSITIVE);
        s.progress = if meets(xt) || short <= tol {
            Progress::OnTrack
        } else if short <= 0.5 {
            Progress::NeedsAcceleration
        } else {
            Progress::OffTrack
        };
        return s;
    }
    let compound = ind.measure == Measure::Level && x0 > 0.0 && xtt > 0.0 && xt > 0.0;
    s.method = Some(if compound {
        Method::Compound
    } else {
        Method::Linear
    });
    let span = (tt - t0) as f64;
    let done = (t - t0) as f64;
    let (needed, achieved, expected) = if compound {
        let needed = ((xtt / x0).powf(1.0 / span) - 1.0) * 100.0;
        let achieved = ((xt / x0).powf(1.0 / done) - 1.0) * 100.0;
        (
            needed,
            achieved,
            x0 * (1.0 + needed / 100.0).powf(done.min(span)),
        )
    } else {
        let needed = (xtt - x0) / span;
        let achieved = (xt - x0) / done;
        (needed, achieved, x0 + needed * done.min(span))
    };
    s.needed = Some(needed);
    s.achieved = Some(achieved);
    s.expected = Some(expected);
    s.ratio = (needed != 0.0).then(|| achieved / needed);
    let on = ON_TRACK
        - if bound == Bound::About {
            ABOUT_TOLERANCE
        } else {
            0.0
        };
    s.progress = if t >= tt || needed == 0.0 || (bound.is_floor() && !up) {
        if meets(xt) {
            Progress::OnTrack
        } else {
            Progress::OffTrack
        }
    } else if bound.is_ceiling() && up {
        if xt <= expected {
            Progress::OnTrack
        } else if xt <= xtt {
            Progress::NeedsAcceleration
        } else {
            Progress::OffTrack
        }
    } else if meets(xt) {
        Progress::OnTrack
    } else {
        match s.ratio {
            Some(r) if r >= on => Progress::OnTrack,
            Some(r) if r >= NEEDS_ACCELERATION => Progress::NeedsAcceleration,
            _ => Progress::OffTrack,
        }
    };
    s
}
