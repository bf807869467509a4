//! How the sources are read. Every reading that is a judgement (stock or
//! flow, baseline or commitment, single year or average, exact or
//! approximate) carries its reason as data; `every_judgement_for_review`
//! lists them all in one snapshot (tests/snapshots/readings__judgements.snap)
//! so that a reviewer reads them in one place. The other tests pin the
//! readings an independent check of the seeds corrected, and the rules that
//! keep the class from coming back.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

use changzhutan_plans::draw::chart::{kind_of, layout, Kind, Options};
use changzhutan_plans::plan::indicators::{Judgement, Reading};
use changzhutan_plans::plan::{Bound, Dataset, Measure, PlaceKind, PointKind};
use changzhutan_plans::words::Lang;

fn ds() -> Dataset {
    Dataset::load()
}

fn line(out: &mut String, what: &str, r: &Reading, quote: &str) {
    let _ = writeln!(
        out,
        "{what}\n  judgement: {:?}\n  reason: {}\n  reason_en: {}\n  quote: {quote}\n",
        r.judgement, r.reason, r.reason_en
    );
}

#[test]
fn every_judgement_for_review() {
    let ds = ds();
    let mut out = String::new();
    for i in &ds.indicators {
        if let Some(r) = &i.reading {
            let quotes: Vec<&str> = i.points.iter().map(|p| p.quote.as_str()).collect();
            line(
                &mut out,
                &format!("indicator {} ({})", i.id, i.name),
                r,
                &quotes.join(" / "),
            );
        }
        for p in &i.points {
            if let Some(r) = &p.reading {
                let year = p.year.map_or("undated".into(), |y| y.to_string());
                line(
                    &mut out,
                    &format!(
                        "point {} {year} {:?} {} ({})",
                        i.id, p.kind, p.value, p.written
                    ),
                    r,
                    &p.quote,
                );
            }
        }
    }
    for s in &ds.statements {
        if let Some(r) = &s.reading {
            let year = s.year.map_or("undated".into(), |y| y.to_string());
            line(
                &mut out,
                &format!(
                    "statement {} {year} {:?} {}：{}",
                    s.id, s.kind, s.name, s.claim
                ),
                r,
                &s.quote,
            );
        }
    }
    insta::assert_snapshot!("judgements", out);
}

/// "1/7", "1/4以上": a number, a slash, a number.
fn is_fraction(w: &str) -> bool {
    w.split_once('/').is_some_and(|(a, b)| {
        a.chars().last().is_some_and(|c| c.is_ascii_digit())
            && b.chars().next().is_some_and(|c| c.is_ascii_digit())
    })
}

/// The class: what is a judgement always says why.
#[test]
fn every_judgement_says_why() {
    let ds = ds();
    for i in &ds.indicators {
        let dated = i.points.iter().filter(|p| p.year.is_some()).count();
        // Whether yearly values are stocks or flows decides the chart.
        if matches!(i.measure, Measure::Stock | Measure::Flow) && dated > 1 {
            assert!(i.reading.is_some(), "{}: stock or flow, say why", i.id);
        }
        let mut seen = Vec::new();
        for p in &i.points {
            let r = p.reading.as_ref().or(i.reading.as_ref());
            if p.kind == PointKind::Commitment {
                assert_eq!(
                    r.map(|r| r.judgement),
                    Some(Judgement::Commitment),
                    "{}",
                    i.id
                );
            }
            if is_fraction(&p.written) {
                assert_eq!(
                    r.map(|r| r.judgement),
                    Some(Judgement::Approximate),
                    "{}",
                    i.id
                );
            }
            if let Some(r) = r {
                assert!(!r.reason.is_empty() && !r.reason_en.is_empty(), "{}", i.id);
                seen.push(r.judgement);
            }
        }
        // A single year's rate and a period's average are not one series.
        assert!(
            !(seen.contains(&Judgement::SingleYear) && seen.contains(&Judgement::PeriodAverage)),
            "{} mixes a single year's rate with a period average",
            i.id
        );
    }
}

#[test]
fn innovation_teams_are_cumulative_targets() {
    let ds = ds();
    for (id, values) in [
        ("innovation-teams", [30.0, 60.0, 100.0]),
        ("top-innovation-teams", [3.0, 6.0, 10.0]),
    ] {
        let i = ds.indicator(id).unwrap();
        assert_eq!(i.measure, Measure::Stock, "{id}");
        assert_eq!(i.reading.as_ref().unwrap().judgement, Judgement::Cumulative);
        let got: Vec<(Option<i32>, f64, Bound)> = i
            .points
            .iter()
            .map(|p| (p.year, p.value, p.bound))
            .collect();
        assert_eq!(
            got,
            [
                (Some(2017), values[0], Bound::Ge),
                (Some(2018), values[1], Bound::Ge),
                (Some(2019), values[2], Bound::Ge)
            ]
        );
        // Drawn as a running level (steps), never as yearly bars summed.
        assert_ne!(kind_of(i), Kind::Bars, "{id}");
        let spec = layout(i, Options::detail(720.0, Lang::Zh));
        let texts: Vec<&str> = spec.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(
            !texts.iter().any(|t| t.contains("190") || *t == "19"),
            "{id}: {texts:?}"
        );
        assert!(spec.bars.is_empty());
    }
}

#[test]
fn the_fiscal_support_is_a_commitment_through_2021() {
    let ds = ds();
    let i = ds.indicator("xjna-fiscal-support").unwrap();
    assert_eq!(i.points.len(), 1);
    let p = &i.points[0];
    assert_eq!(
        (p.year, p.value, p.kind),
        (Some(2021), 5.0, PointKind::Commitment)
    );
    assert_eq!(i.unit, "亿元");
    assert!(p.quote.contains("每年5亿元的政策延长至2021年"));
    assert!(!i.points.iter().any(|p| p.kind == PointKind::Baseline));
}

#[test]
fn gdp_growth_of_one_year_and_the_period_average_are_two_indicators() {
    let ds = ds();
    let one = ds.indicator("gdp-growth").unwrap();
    let avg = ds.indicator("gdp-growth-avg").unwrap();
    let pts =
        |i: &changzhutan_plans::plan::Indicator| -> Vec<(Option<i32>, f64, Bound, PointKind)> {
            i.points
                .iter()
                .map(|p| (p.year, p.value, p.bound, p.kind))
                .collect()
        };
    assert_eq!(
        pts(one),
        [(Some(2019), 8.0, Bound::Eq, PointKind::Baseline)]
    );
    assert_eq!(
        pts(avg),
        [(Some(2025), 8.0, Bound::About, PointKind::Target)]
    );
    assert_eq!(
        one.points[0].reading.as_ref().unwrap().judgement,
        Judgement::SingleYear
    );
    assert_eq!(
        avg.points[0].reading.as_ref().unwrap().judgement,
        Judgement::PeriodAverage
    );
    // Neither chart draws a line through the two.
    for i in [one, avg] {
        assert!(
            layout(i, Options::detail(720.0, Lang::Zh)).lines.is_empty(),
            "{}",
            i.id
        );
    }
}

#[test]
fn approximate_values_keep_their_wording() {
    let ds = ds();
    let get = |id: &str| ds.indicator(id).unwrap().points[0].clone();
    let area = get("central-area");
    assert_eq!(
        (area.value, area.bound, area.written.as_str()),
        (6600.0, Bound::About, "约6600平方公里")
    );
    let land = get("land-share");
    assert_eq!((land.bound, land.written.as_str()), (Bound::About, "1/7"));
    assert!((land.value - 100.0 / 7.0).abs() < 1e-6);
    let machinery = get("machinery-share");
    assert_eq!(
        (machinery.value, machinery.bound, machinery.written.as_str()),
        (25.0, Bound::Ge, "1/4以上")
    );
    let distance = get("city-distance");
    assert_eq!(
        (distance.value, distance.bound, distance.kind),
        (50.0, Bound::Lt, PointKind::Baseline)
    );
}

#[test]
fn places_are_what_they_name() {
    let ds = ds();
    for id in [
        "central-belt",
        "northern-belt",
        "southern-belt",
        "g319-axis",
        "xiangjiang-corridor",
        "xiang-axis",
    ] {
        let p = ds.place(id).unwrap();
        assert!(
            p.lon.is_none() && p.lat.is_none(),
            "{id}: a line, not a point"
        );
        assert!(p.line.as_ref().is_some_and(|l| l.len() >= 4), "{id}");
        assert!(p.label.is_some(), "{id}");
    }
    // The axis follows the river itself.
    assert_eq!(
        ds.place("xiang-axis")
            .unwrap()
            .line
            .as_deref()
            .map(<[_]>::len),
        Some(changzhutan_plans::plan::geodata::XIANG.len())
    );
    assert_eq!(ds.place("longwanggang").unwrap().kind, PlaceKind::River);
    assert_eq!(
        ds.place("qingshuitang").unwrap().kind,
        PlaceKind::FormerIndustrial
    );
    assert_eq!(
        ds.place("zhubugang").unwrap().kind,
        PlaceKind::FormerIndustrial
    );
}

#[test]
fn statements_without_numbers_are_there() {
    let ds = ds();
    let got: Vec<(&str, Option<i32>, PointKind, &str)> = ds
        .statements
        .iter()
        .map(|s| (s.id.as_str(), s.year, s.kind, s.claim.as_str()))
        .collect();
    use PointKind::{Baseline as B, Target as T};
    assert_eq!(
        got,
        [
            ("four-hour-air-circle-2019", None, B, "以长沙为中心初步形成"),
            ("four-hour-air-circle-2025", Some(2025), T, "成功构建"),
            ("three-trunks-network-2025", Some(2025), T, "基本形成"),
            ("half-hour-commute-2025", Some(2025), T, "全面形成"),
            (
                "one-hour-economic-circle",
                None,
                T,
                "构建：三市中心城区带动周边组团联动发展"
            ),
            ("park-15-minute-circle", None, T, "推进建设"),
            ("outbound-water-quality", None, B, "稳定在Ⅲ类以上"),
            ("longwanggang-water-2021", Some(2021), T, "稳定达到Ⅲ类"),
            ("construction-machinery-rank", None, B, "稳居全国第一"),
            ("rail-equipment-rank", None, B, "位列全国首位"),
            ("electric-locomotive-share", None, B, "全球第一"),
        ]
    );
    // The source writes a Cyrillic Ш; the reading says so.
    let lwg = ds.statement("longwanggang-water-2021").unwrap();
    assert!(lwg.quote.contains("Ш类"));
    assert_eq!(lwg.reading.as_ref().unwrap().judgement, Judgement::Meaning);
    for s in &ds.statements {
        let doc = ds.document(&s.document).unwrap();
        assert!(doc.text.contains(&s.quote), "{}", s.id);
        assert!(s.quote.contains(&s.snippet), "{}", s.id);
    }
}
