//! What a target implies: the path from its baseline, the yearly rate it
//! needs, and whether the plan's figures agree with one another.
//!
//! Every number here is computed from the parsed indicators; nothing is typed.

use super::curated::{bad_file, MilestonesFile};
use super::indicators::{Indicator, Measure, PointKind};
use super::quantity::Bound;
use super::Dataset;
use serde::{Deserialize, Serialize};

/// How a target's path is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    /// Compound growth, the rate in percent a year (levels: GDP, income, output).
    Compound,
    /// A constant change in percentage points a year (shares).
    Points,
}

/// The path a target implies from its baseline.
#[derive(Clone, Debug, PartialEq)]
pub struct Implied {
    pub path: Path,
    pub from_year: i32,
    pub to_year: i32,
    pub from: f64,
    pub to: f64,
    /// Percent a year (Compound) or points a year (Points); negative when falling.
    pub per_year: f64,
    /// The bound of the target: a floor means "at least this fast".
    pub bound: Bound,
    /// (year, value) for every year from `from_year` to `to_year`.
    pub values: Vec<(i32, f64)>,
}

/// The implied path of an indicator: its dated baseline to its last dated
/// target, for levels (compound) and shares (points). None otherwise.
pub fn implied(ind: &Indicator) -> Option<Implied> {
    let path = match ind.measure {
        Measure::Level => Path::Compound,
        Measure::Share => Path::Points,
        // A rate is already a change; counts, stocks and flows have no
        // compounding path between two values.
        Measure::Rate | Measure::Count | Measure::Stock | Measure::Flow => return None,
    };
    let base = ind.baseline()?;
    let target = ind
        .points
        .iter()
        .filter(|p| p.kind == PointKind::Target && p.year.is_some())
        .max_by_key(|p| p.year)?;
    let (y0, y1) = (base.year?, target.year?);
    if y1 <= y0 || base.value <= 0.0 && path == Path::Compound {
        return None;
    }
    let n = (y1 - y0) as f64;
    let per_year = match path {
        Path::Compound => cagr(base.value, target.value, n),
        Path::Points => (target.value - base.value) / n,
    };
    let values = (y0..=y1)
        .map(|y| {
            let k = (y - y0) as f64;
            let v = match path {
                Path::Compound => compound(base.value, per_year, k),
                Path::Points => base.value + per_year * k,
            };
            (y, v)
        })
        .collect();
    Some(Implied {
        path,
        from_year: y0,
        to_year: y1,
        from: base.value,
        to: target.value,
        per_year,
        bound: target.bound,
        values,
    })
}

/// Compound annual growth rate, in percent, from `a` to `b` over `years`.
pub fn cagr(a: f64, b: f64, years: f64) -> f64 {
    ((b / a).powf(1.0 / years) - 1.0) * 100.0
}

/// Value after `years` of compound growth at `rate_pct` percent.
pub fn compound(a: f64, rate_pct: f64, years: f64) -> f64 {
    a * (1.0 + rate_pct / 100.0).powf(years)
}

/// A value at a year, or None.
fn at(ds: &Dataset, id: &str, year: i32) -> Option<f64> {
    ds.indicator(id)?
        .points
        .iter()
        .find(|p| p.year == Some(year))
        .map(|p| p.value)
}

/// Whether two figures of the plan agree.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Verdict {
    /// Within 1%.
    Agrees,
    /// Within 3%: rounding or "左右".
    Close,
    /// Further apart, or an assumption the plan does not state.
    Differs,
}

fn verdict(relative_gap: f64) -> Verdict {
    let g = relative_gap.abs();
    if g <= 0.01 {
        Verdict::Agrees
    } else if g <= 0.03 {
        Verdict::Close
    } else {
        Verdict::Differs
    }
}

/// One consistency check, with every figure it computed.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    /// Baseline GDP compounded at the stated average growth vs the GDP target.
    GdpGrowth {
        base: f64,
        base_year: i32,
        rate: f64,
        years: i32,
        projected: f64,
        target: f64,
        needed_rate: f64,
        verdict: Verdict,
    },
    /// 城镇人口 ÷ 城镇化率 = the population the targets imply, vs 2019's and its trend.
    ImpliedPopulation {
        urban: f64,
        rate: f64,
        implied: f64,
        base: f64,
        base_year: i32,
        years: i32,
        per_year: f64,
        last_increase: f64,
        trend: f64,
        verdict: Verdict,
    },
    /// 人均GDP × implied population vs the GDP target.
    PerCapitaTimesPopulation {
        per_capita: f64,
        population: f64,
        product: f64,
        target: f64,
        base_per_capita: f64,
        needed_rate: f64,
        verdict: Verdict,
    },
    /// 高新技术产业增加值 ÷ GDP target vs the stated share.
    HighTechShare {
        value: f64,
        gdp: f64,
        share: f64,
        stated: f64,
        verdict: Verdict,
    },
}

impl Check {
    pub fn verdict(&self) -> Verdict {
        match self {
            Check::GdpGrowth { verdict, .. }
            | Check::ImpliedPopulation { verdict, .. }
            | Check::PerCapitaTimesPopulation { verdict, .. }
            | Check::HighTechShare { verdict, .. } => *verdict,
        }
    }
    /// The indicators the check reads.
    pub fn indicators(&self) -> &'static [&'static str] {
        match self {
            Check::GdpGrowth { .. } => &["gdp", "gdp-growth-avg"],
            Check::ImpliedPopulation { .. } => &[
                "urban-population",
                "urbanization",
                "population",
                "population-increase",
            ],
            Check::PerCapitaTimesPopulation { .. } => &[
                "gdp-per-capita",
                "urban-population",
                "urbanization",
                "gdp",
                "population",
            ],
            Check::HighTechShare { .. } => &["hightech-va", "hightech-share", "gdp"],
        }
    }
    pub fn key(&self) -> &'static str {
        match self {
            Check::GdpGrowth { .. } => "gdp-growth-avg",
            Check::ImpliedPopulation { .. } => "implied-population",
            Check::PerCapitaTimesPopulation { .. } => "per-capita",
            Check::HighTechShare { .. } => "hightech-share",
        }
    }
}

/// The consistency checks the dataset has the figures for.
pub fn checks(ds: &Dataset) -> Vec<Check> {
    let mut out = Vec::new();
    let (b, t) = (2019, 2025);
    let years = t - b;
    if let (Some(base), Some(rate), Some(target)) = (
        at(ds, "gdp", b),
        at(ds, "gdp-growth-avg", t),
        at(ds, "gdp", t),
    ) {
        let projected = base * (1.0 + rate / 100.0).powi(years);
        let needed_rate = cagr(base, target, years as f64);
        out.push(Check::GdpGrowth {
            base,
            base_year: b,
            rate,
            years,
            projected,
            target,
            needed_rate,
            verdict: verdict(projected / target - 1.0),
        });
    }
    let implied_pop = match (at(ds, "urban-population", t), at(ds, "urbanization", t)) {
        (Some(urban), Some(rate)) if rate > 0.0 => Some((urban, rate, urban / (rate / 100.0))),
        _ => None,
    };
    if let (Some((urban, rate, implied)), Some(base), Some(last_increase)) = (
        implied_pop,
        at(ds, "population", b),
        at(ds, "population-increase", b),
    ) {
        let per_year = (implied - base) / years as f64;
        let trend = base + last_increase * years as f64;
        out.push(Check::ImpliedPopulation {
            urban,
            rate,
            implied,
            base,
            base_year: b,
            years,
            per_year,
            last_increase,
            trend,
            verdict: verdict(per_year / last_increase - 1.0),
        });
    }
    if let (Some(per_capita), Some((_, _, population)), Some(target), Some(gdp0), Some(pop0)) = (
        at(ds, "gdp-per-capita", t),
        implied_pop,
        at(ds, "gdp", t),
        at(ds, "gdp", b),
        at(ds, "population", b),
    ) {
        // 万元 × 万人 = 亿元; 1万亿元 = 10000亿元.
        let product = per_capita * population / 10_000.0;
        let base_per_capita = gdp0 * 10_000.0 / pop0;
        let needed_rate = cagr(base_per_capita, per_capita, years as f64);
        out.push(Check::PerCapitaTimesPopulation {
            per_capita,
            population,
            product,
            target,
            base_per_capita,
            needed_rate,
            verdict: verdict(product / target - 1.0),
        });
    }
    if let (Some(value), Some(gdp), Some(stated)) = (
        at(ds, "hightech-va", t),
        at(ds, "gdp", t),
        at(ds, "hightech-share", t),
    ) {
        let share = value / (gdp * 10_000.0) * 100.0;
        out.push(Check::HighTechShare {
            value,
            gdp,
            share,
            stated,
            verdict: verdict(share / stated - 1.0),
        });
    }
    out
}

/// A date in the plans' history, with its source sentence.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub year: i32,
    /// The date as precise as the text gives it ("2013-11", "2021-01-12"), or None.
    pub date: Option<String>,
    pub label_zh: String,
    pub label_en: String,
    pub document: String,
    pub quote: String,
    pub snippet: String,
    pub lines: super::Lines,
    pub note: Option<String>,
    pub note_en: Option<String>,
    /// Why the date is read as it is, where that is a judgement.
    pub reading: Option<super::indicators::Reading>,
}

/// The milestones of `data/milestones.toml`, each located in its document;
/// one whose snippet is missing is a problem of the data file.
pub fn milestones(
    documents: &[super::Document],
    records: &MilestonesFile,
    bad: &mut impl FnMut(&str, super::Problem),
) -> Vec<Milestone> {
    let file = super::curated::MILESTONES.0;
    records
        .milestone
        .iter()
        .filter_map(|r| {
            let found = documents
                .iter()
                .find(|d| d.code == r.document)
                .and_then(|doc| Some((doc, super::text::sentence_of(&doc.text, &r.snippet)?)));
            let Some((doc, (quote, lines))) = found else {
                bad(
                    file,
                    bad_file(
                        file,
                        format!("{}: snippet not found: {}", r.year, r.snippet),
                    ),
                );
                return None;
            };
            Some(Milestone {
                year: r.year,
                date: r.date.clone(),
                label_zh: r.label.clone(),
                label_en: r.en.clone(),
                document: doc.id.clone(),
                quote,
                snippet: r.snippet.clone(),
                lines,
                note: r.note.clone(),
                note_en: r.note_en.clone(),
                reading: r.reading.clone(),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn growth_maths() {
        // 1.68 → 2.7 over six years needs 8.23% a year.
        assert!((cagr(1.68, 2.7, 6.0) - 8.2287).abs() < 0.0001);
        // 1.68 at 8% for six years reaches 2.67.
        assert!((compound(1.68, 8.0, 6.0) - 2.666).abs() < 0.001);
    }
}
