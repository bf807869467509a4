//! How the sources are read. Every reading that is a judgement (stock or
//! flow, baseline or commitment, single year or average, exact or
//! approximate) carries its reason as data; `every_judgement_for_review`
//! lists them all in one snapshot (tests/snapshots/readings__judgements.snap)
//! so that a reviewer reads them in one place. The other tests pin the
//! readings an independent check of the seeds corrected, and the rules that
//! keep the class from coming back.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

use changzhutan_plans::draw::chart::kinds::bars;
use changzhutan_plans::draw::chart::{kind_of, layout, Options};
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
    for p in &ds.places {
        if let Some(r) = &p.reading {
            line(
                &mut out,
                &format!("place {} {:?} {}", p.id, p.kind, p.name),
                r,
                &p.quote,
            );
        }
    }
    for m in &ds.milestones {
        if let Some(r) = &m.reading {
            let date = m.date.clone().unwrap_or_else(|| m.year.to_string());
            line(
                &mut out,
                &format!("milestone {date} {}", m.label_zh),
                r,
                &m.quote,
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

/// Whether 003's innovation teams are running totals or each year's intake
/// the seeds do not say: the reading says so and gives both totals; the
/// chart draws the values as written, never a sum.
#[test]
fn innovation_teams_are_uncertain_and_drawn_as_written() {
    let ds = ds();
    for (id, name, values, totals) in [
        (
            "innovation-teams",
            "新引进高端创新团队",
            [30.0, 60.0, 100.0],
            ("100", "190"),
        ),
        (
            "top-innovation-teams",
            "国际顶尖创新团队",
            [3.0, 6.0, 10.0],
            ("10", "19"),
        ),
    ] {
        let i = ds.indicator(id).unwrap();
        // The source's words, without our "（累计）".
        assert_eq!(i.name, name);
        assert!(!i.name_en.contains("cumulative"), "{id}");
        assert_eq!(i.measure, Measure::Stock, "{id}");
        let r = i.reading.as_ref().unwrap();
        assert_eq!(r.judgement, Judgement::Uncertain);
        for t in [totals.0, totals.1] {
            assert!(r.reason.contains(&format!("{t}个以上")), "{id}: {t}");
            assert!(r.reason_en.contains(&format!("{t} or more")), "{id}: {t}");
            assert!(i.note_en.as_deref().unwrap().contains(t), "{id}: {t}");
        }
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
        // Drawn as written (steps), never as yearly bars summed.
        assert_ne!(kind_of(i).id(), bars::ID, "{id}");
        let spec = layout(i, Options::detail(720.0, Lang::Zh));
        let texts: Vec<&str> = spec.labels.iter().map(|l| l.text.as_str()).collect();
        assert!(
            !texts.iter().any(|t| t.contains("190") || *t == "19"),
            "{id}: {texts:?}"
        );
        assert!(spec.bars.is_empty());
    }
}

/// "8个100%" is eight measures at 100 %, not a count: a statement.
#[test]
fn dust_control_is_a_statement_and_its_old_link_resolves() {
    let ds = ds();
    assert!(ds.indicator("dust-control-rules").is_none());
    let s = ds.statement("dust-control-rules").unwrap();
    assert_eq!((s.year, s.kind), (Some(2021), PointKind::Target));
    assert_eq!(s.reading.as_ref().unwrap().judgement, Judgement::Meaning);
    let a = ds.alias("dust-control-rules").unwrap();
    assert_eq!(a.kind, changzhutan_plans::plan::AliasKind::Statement);
    // An id that carried a year its record leaves out moved; the old one resolves.
    assert!(ds.statement("four-hour-air-circle-2019").is_none());
    let a = ds.alias("four-hour-air-circle-2019").unwrap();
    assert_eq!(a.new, "four-hour-air-circle-baseline");
    let s = ds.statement(&a.new).unwrap();
    assert_eq!(s.year, None);
    // Every alias points at something that is there, and no old id is in use.
    for a in &ds.aliases {
        let there = match a.kind {
            changzhutan_plans::plan::AliasKind::Indicator => ds.indicator(&a.new).is_some(),
            changzhutan_plans::plan::AliasKind::Statement => ds.statement(&a.new).is_some(),
            changzhutan_plans::plan::AliasKind::Place => ds.place(&a.new).is_some(),
        };
        assert!(there, "{} → {}", a.old, a.new);
        assert!(!a.reason.is_empty() && !a.reason_en.is_empty());
    }
}

/// The milestones: one document each, the day only where the text gives it.
#[test]
fn milestones_say_what_their_document_says() {
    let ds = ds();
    let m = |year: i32, doc: &str| {
        ds.milestones
            .iter()
            .find(|m| m.year == year && m.document.starts_with(doc))
            .unwrap_or_else(|| panic!("{year} {doc}"))
    };
    // 2021 from 001: the page stamp is not an issue date: no day.
    let issued = m(2021, "001");
    assert_eq!(issued.date, None);
    assert!(!issued.label_zh.contains('日') && !issued.label_en.contains("March"));
    let r = issued.reading.as_ref().unwrap();
    assert!(r.reason.contains("浏览:674") && r.reason_en.contains("stamp"));
    // 2017: Changsha's GDP (001) and the table's first year (003) are two.
    assert!(!m(2017, "001").label_zh.contains("分解表"));
    assert!(m(2017, "003").label_zh.contains("分解表"));
    // Dated to the month or the day where the text is.
    assert_eq!(m(2013, "001").date.as_deref(), Some("2013-11"));
    assert_eq!(m(2020, "001").date.as_deref(), Some("2020-09"));
    assert_eq!(m(2021, "002").date.as_deref(), Some("2021-01-12"));
    // 2007: the reform zone named in full.
    assert!(m(2007, "001")
        .label_en
        .contains("resource-conserving and environment-friendly"));
}

#[test]
fn average_growth_says_where_its_period_comes_from() {
    let ds = ds();
    let avg = ds.indicator("gdp-growth-avg").unwrap();
    assert!(!avg.name.contains("2020") && !avg.name_en.contains("2020"));
    let r = avg.points[0].reading.as_ref().unwrap();
    assert!(r.reason.contains("未写起始年份") && r.reason.contains("8.2%"));
    assert!(r.reason_en.contains("base year") && r.reason_en.contains("8.2%"));
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
    use PointKind::{Baseline as B, Target as T};
    for (id, year, kind, claim, group) in [
        (
            "four-hour-air-circle-baseline",
            None,
            B,
            "以长沙为中心初步形成",
            "发展基础",
        ),
        (
            "four-hour-air-circle-2025",
            Some(2025),
            T,
            "成功构建",
            "基础设施",
        ),
        (
            "three-trunks-network-2025",
            Some(2025),
            T,
            "基本形成",
            "基础设施",
        ),
        (
            "half-hour-commute-2025",
            Some(2025),
            T,
            "全面形成",
            "基础设施",
        ),
        (
            "one-hour-economic-circle",
            None,
            T,
            "构建：三市中心城区带动周边组团联动发展",
            "基础设施",
        ),
        // It stands in 第三章第三节 推进新型城镇化.
        (
            "park-15-minute-circle",
            None,
            T,
            "推进建设",
            "推进新型城镇化",
        ),
        (
            "outbound-water-quality",
            None,
            B,
            "稳定在Ⅲ类以上",
            "发展基础",
        ),
        (
            "longwanggang-water-2021",
            Some(2021),
            T,
            "稳定达到Ⅲ类",
            "2021年经济工作",
        ),
        (
            "construction-machinery-rank",
            None,
            B,
            "稳居全国第一",
            "发展基础",
        ),
        ("rail-equipment-rank", None, B, "位列全国首位", "发展基础"),
        ("electric-locomotive-share", None, B, "全球第一", "发展基础"),
        // 001's 2025 goals without a number.
        (
            "national-central-city-2025",
            Some(2025),
            T,
            "创建",
            "经济人口承载力",
        ),
        (
            "world-class-clusters-2025",
            Some(2025),
            T,
            "形成",
            "科创产业融合度",
        ),
        (
            "infrastructure-interconnection-2025",
            Some(2025),
            T,
            "基本实现",
            "基础设施",
        ),
        ("merged-cities-2025", Some(2025), T, "全面形成", "近期目标"),
        (
            "market-system-2025",
            Some(2025),
            T,
            "基本建立",
            "一体化体制机制",
        ),
        // The 2035 vision, goal by goal.
        (
            "equal-public-services-2035",
            Some(2035),
            T,
            "基本实现",
            "远期目标",
        ),
        (
            "infrastructure-interconnection-2035",
            Some(2035),
            T,
            "全面实现",
            "远期目标",
        ),
        (
            "modern-city-cluster-2035",
            Some(2035),
            T,
            "成为",
            "远期目标",
        ),
        // Baseline achievements.
        ("media-arts-city", None, B, "长沙获评", "发展基础"),
        ("china-africa-expo", None, B, "长期落户长沙", "发展基础"),
        ("intercity-rail-complete", None, B, "全线贯通", "发展基础"),
        // 002.
        (
            "dust-control-rules",
            Some(2021),
            T,
            "常态化落实",
            "2021年经济工作",
        ),
        (
            "hundred-billion-clusters-2021",
            Some(2021),
            T,
            "打造",
            "2021年经济工作",
        ),
    ] {
        let s = ds.statement(id).unwrap_or_else(|| panic!("{id}"));
        assert_eq!(
            (s.year, s.kind, s.claim.as_str(), s.group.as_str()),
            (year, kind, claim, group),
            "{id}"
        );
    }
    let in_2035 = ds
        .statements
        .iter()
        .filter(|s| s.year == Some(2035))
        .count();
    assert_eq!(in_2035, 7, "each goal of the 2035 vision");
    // The source writes a Cyrillic Ш; the reading says so.
    let lwg = ds.statement("longwanggang-water-2021").unwrap();
    assert!(lwg.quote.contains("Ш类"));
    assert_eq!(lwg.reading.as_ref().unwrap().judgement, Judgement::Meaning);
    for s in &ds.statements {
        let doc = ds.document(&s.document).unwrap();
        assert!(doc.text.contains(&s.quote), "{}", s.id);
        assert!(s.quote.contains(&s.snippet), "{}", s.id);
        // A dated target or an undated fact says why its year is what it is.
        if s.kind == T && s.year.is_some() && s.id != "half-hour-commute-2025" {
            assert!(s.reading.is_some(), "{}", s.id);
        }
    }
}

/// The green heart's neighbours: towns and areas, or the demonstration
/// zones; 云龙 and 云龙新城 two records; each kind said why.
#[test]
fn the_green_hearts_neighbours_are_what_the_text_calls_them() {
    let ds = ds();
    for (id, kind, en) in [
        ("datuo", PlaceKind::Town, "Datuo"),
        ("muyun", PlaceKind::Town, "Muyun"),
        ("tiaoma", PlaceKind::Town, "Tiaoma"),
        ("yunlong", PlaceKind::Zone, "Yunlong"),
        ("zhaoshan", PlaceKind::Zone, "Zhaoshan"),
    ] {
        let p = ds.place(id).unwrap();
        assert_eq!((p.kind, p.name_en.as_str()), (kind, en), "{id}");
        assert_eq!(p.parent.as_deref(), Some("green-heart"));
        assert_eq!(
            p.reading.as_ref().unwrap().judgement,
            Judgement::Kind,
            "{id}"
        );
    }
    let new_city = ds.place("yunlong-new-city").unwrap();
    let r = new_city.reading.as_ref().unwrap();
    assert!(r.reason.contains("记为两处") && r.reason_en.contains("two records"));
    assert!(ds
        .place("yunlong")
        .unwrap()
        .reading
        .as_ref()
        .unwrap()
        .reason
        .contains("种子文件以外"));
}
