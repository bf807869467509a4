//! Target charts, natively: the maths to the digit shown, layout invariants
//! at every width from phone to wide screen, and a snapshot of every chart.
#![cfg(not(target_arch = "wasm32"))]

use changzhutan_plans::draw::chart::chart_options;
use changzhutan_plans::draw::chart::kinds::{bars, stat, time};
use changzhutan_plans::draw::chart::{implied_words, layout, Options};
use changzhutan_plans::plan::growth::{checks, implied, Check, Verdict};
use changzhutan_plans::words::fmt::num;
use changzhutan_plans::words::Lang;

use changzhutan_plans::plan::Dataset;

fn ds() -> Dataset {
    Dataset::load()
}

#[test]
fn required_yearly_rates_in_words() {
    let ds = ds();
    let words =
        |id: &str| implied(ds.indicator(id).unwrap()).map(|im| implied_words(&im, Lang::Zh));
    assert_eq!(words("gdp").as_deref(), Some("需年均增长8.2%"));
    assert_eq!(
        words("urbanization").as_deref(),
        Some("需年均提高1.08个百分点")
    );
    assert_eq!(
        words("rd-share").as_deref(),
        Some("需年均提高约0.08个百分点")
    );
    // No baseline, no path.
    assert_eq!(words("gdp-per-capita"), None);
    assert_eq!(words("forest-cover"), None);
    // Rates and counts have no implied path.
    assert_eq!(words("gdp-growth"), None);
    let im = implied(ds.indicator("gdp").unwrap()).unwrap();
    assert_eq!((im.from_year, im.to_year), (2019, 2025));
    assert_eq!(im.values.len(), 7);
    assert_eq!(num(im.values[6].1, 2), "2.7");
    assert_eq!(implied_words(&im, Lang::En), "needs growth of 8.2% a year");
}

#[test]
fn the_plans_internal_consistency() {
    let ds = ds();
    let checks = checks(&ds);
    assert_eq!(checks.len(), 4);
    match &checks[0] {
        Check::GdpGrowth {
            base,
            rate,
            years,
            projected,
            target,
            needed_rate,
            verdict,
            ..
        } => {
            assert_eq!((*base, *rate, *years, *target), (1.68, 8.0, 6, 2.7));
            assert_eq!(num(*projected, 2), "2.67");
            assert_eq!(num(*needed_rate, 1), "8.2");
            assert_eq!(*verdict, Verdict::Close);
        }
        c => panic!("{c:?}"),
    }
    match &checks[1] {
        Check::ImpliedPopulation {
            implied,
            base,
            per_year,
            last_increase,
            trend,
            verdict,
            ..
        } => {
            assert_eq!(num(*implied, 2), "1625");
            assert_eq!(*base, 1530.45);
            assert_eq!(num(*per_year, 1), "15.8");
            assert_eq!(*last_increase, 26.25);
            assert_eq!(num(*trend, 2), "1687.95");
            assert_eq!(*verdict, Verdict::Differs);
        }
        c => panic!("{c:?}"),
    }
    match &checks[2] {
        Check::PerCapitaTimesPopulation {
            product,
            target,
            base_per_capita,
            needed_rate,
            verdict,
            ..
        } => {
            assert_eq!(num(*product, 2), "2.68");
            assert_eq!(*target, 2.7);
            assert_eq!(num(*base_per_capita, 2), "10.98");
            assert_eq!(num(*needed_rate, 1), "7");
            assert_eq!(*verdict, Verdict::Agrees);
        }
        c => panic!("{c:?}"),
    }
    match &checks[3] {
        Check::HighTechShare {
            share,
            stated,
            verdict,
            ..
        } => {
            assert_eq!(num(*share, 1), "35.2");
            assert_eq!(*stated, 35.0);
            assert_eq!(*verdict, Verdict::Agrees);
        }
        c => panic!("{c:?}"),
    }
}

#[test]
fn milestones_have_their_sentences() {
    let ds = ds();
    let m = &ds.milestones;
    let records = changzhutan_plans::plan::curated::load(&mut Vec::new()).milestones;
    assert_eq!(m.len(), records.milestone.len());
    let years: Vec<i32> = m.iter().map(|m| m.year).collect();
    assert_eq!(
        years,
        [1984, 1997, 2007, 2013, 2017, 2017, 2019, 2020, 2021, 2021, 2021, 2025, 2035]
    );
    for x in m {
        let doc = ds.document(&x.document).unwrap();
        assert!(doc.text.contains(&x.quote), "{}", x.year);
        assert!(x.quote.contains(&x.snippet));
    }
}

fn overlap(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    let eps = 0.5;
    a.0 + eps < b.2 && b.0 + eps < a.2 && a.1 + eps < b.3 && b.1 + eps < a.3
}

#[test]
fn labels_never_overlap_or_clip_from_phone_to_wide_screen() {
    let ds = ds();
    // Every layout width the pages draw at and a few between, in both
    // languages (an English note is longer than its Chinese).
    let widths = changzhutan_plans::draw::widths::WIDTHS
        .iter()
        .chain(&[360.0, 420.0, 600.0, 768.0, 1024.0, 1280.0, 1600.0]);
    for (ind, lang) in ds.indicators.iter().flat_map(|i| Lang::ALL.map(|l| (i, l))) {
        for &w in widths.clone() {
            for compact in [false, true] {
                for cumulative in [false, true] {
                    let opts = chart_options(&ds, ind, w, compact, cumulative, lang);
                    let spec = layout(ind, opts);
                    let obstacles = spec.obstacles();
                    let boxes: Vec<_> = spec
                        .labels
                        .iter()
                        .map(|l| (l.text.clone(), l.bbox()))
                        .collect();
                    for (t, b) in &boxes {
                        assert!(
                            b.0 >= -0.01
                                && b.2 <= spec.width + 0.01
                                && b.1 >= -0.01
                                && b.3 <= spec.height + 0.01,
                            "{} at {w} ({lang:?}): label {t:?} {b:?} outside {}x{}",
                            ind.id,
                            spec.width,
                            spec.height
                        );
                    }
                    for (t, b) in &boxes {
                        for o in &obstacles {
                            assert!(!overlap(*b, *o), "{} at {w} (compact {compact}): label {t:?} covers a mark, glyph, bar or line at {o:?}", ind.id);
                        }
                    }
                    for i in 0..boxes.len() {
                        for j in i + 1..boxes.len() {
                            assert!(
                                !overlap(boxes[i].1, boxes[j].1),
                                "{} at {w} (compact {compact}): {:?} overlaps {:?}",
                                ind.id,
                                boxes[i].0,
                                boxes[j].0
                            );
                        }
                    }
                    for m in &spec.marks {
                        assert!(
                            m.x >= 0.0 && m.x <= spec.width && m.y >= 0.0 && m.y <= spec.height,
                            "{} mark",
                            ind.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn bounds_are_drawn_as_bounds() {
    let ds = ds();
    let spec = |id: &str| layout(ds.indicator(id).unwrap(), Options::detail(720.0, Lang::Zh));
    use changzhutan_plans::draw::chart::Glyph;
    // ≥30个 each year: floors; 3%左右: a band.
    assert!(spec("innovation-teams")
        .glyphs
        .iter()
        .all(|g| matches!(g, Glyph::Floor { .. })));
    assert!(matches!(spec("rd-share").glyphs[..], [Glyph::Band { .. }]));
    // One value is a number with its bound, its year and its kind, not a
    // dot in an empty frame: ≥ 9500亿元, < 40ug/m3.
    for (id, text) in [("hightech-va", "≥9500亿元"), ("pm25", "<40ug/m3")] {
        let s = spec(id);
        assert_eq!(s.kind, stat::ID, "{id}");
        assert!(
            s.labels.iter().any(|l| l.text == text),
            "{id}: {:?}",
            s.labels
        );
        assert!(s.labels.iter().any(|l| l.text == "2025年 · 目标"), "{id}");
    }
    assert!(spec("gdp").glyphs.is_empty());
    // 003: stock as steps, flow as bars (yearly and cumulative).
    assert_eq!(spec("patents-per-10k").kind, time::ID);
    assert!(spec("patents-per-10k")
        .lines
        .iter()
        .any(|l| l.style == changzhutan_plans::draw::chart::LineStyle::Steps));
    let flow = spec("maker-space");
    assert_eq!(flow.kind, bars::ID);
    assert_eq!(flow.bars.len(), 3);
    let cum = layout(
        ds.indicator("maker-space").unwrap(),
        Options {
            cumulative: true,
            ..Options::detail(720.0, Lang::Zh)
        },
    );
    assert!(cum.labels.iter().any(|l| l.text == "600"));
    assert!(cum.bars[2].y1 < flow.bars[2].y1, "running total is taller");
    // Undated values are stated, not plotted over time.
    assert_eq!(spec("surface-water").kind, stat::ID);
}

#[test]
fn svg_is_csp_safe_and_holds_its_labels() {
    let ds = ds();
    let gdp = layout(
        ds.indicator("gdp").unwrap(),
        Options::detail(720.0, Lang::Zh),
    );
    let s = gdp.svg_inner();
    assert!(s.contains("\n1.68\n</text>"), "{s}");
    assert!(s.contains("需年均增长8.2%"));
    assert!(s.contains("单位：万亿元"));
    for ind in &ds.indicators {
        let spec = layout(ind, Options::detail(720.0, Lang::Zh));
        let doc = spec.svg_document(std::slice::from_ref(&ind.name), &["来源".into()]);
        assert!(
            !doc.contains("style="),
            "{}: inline style breaks the CSP",
            ind.id
        );
        assert!(!doc.contains("<script"), "{}", ind.id);
        assert!(doc.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    }
}

#[test]
fn snapshots_of_every_chart() {
    let ds = ds();
    for ind in &ds.indicators {
        let spec = layout(ind, Options::detail(720.0, Lang::Zh));
        insta::assert_snapshot!(format!("chart-{}", ind.id), spec.svg_inner());
    }
    let spec = layout(
        ds.indicator("maker-space").unwrap(),
        Options {
            cumulative: true,
            ..Options::detail(720.0, Lang::Zh)
        },
    );
    insta::assert_snapshot!("chart-maker-space-cumulative", spec.svg_inner());
    let spec = layout(
        ds.indicator("gdp").unwrap(),
        Options::compact(320.0, Lang::Zh),
    );
    insta::assert_snapshot!("chart-gdp-compact-320", spec.svg_inner());
    let spec = layout(
        ds.indicator("gdp").unwrap(),
        Options::detail(360.0, Lang::En),
    );
    insta::assert_snapshot!("chart-gdp-360-en", spec.svg_inner());
}

/// A kind written only here, as a new kind would be: a share's last value
/// as a gauge (a bar out of 100). One type and one line in a registry, and
/// it is drawn, listed in the legend and tabled; the app's registry does
/// not know it.
mod local_kind {
    use changzhutan_plans::draw::chart::kinds::{bars, stat, time};
    use changzhutan_plans::draw::chart::{
        kind_color, point_aria, summary, Bar, ChartKind, ChartSpec, LegendItem, Mark, Options,
        Registry, Shape, KINDS,
    };
    use changzhutan_plans::plan::indicators::{Indicator, Measure};
    use changzhutan_plans::words::Lang;

    struct Gauge;

    impl ChartKind for Gauge {
        fn id(&self) -> &'static str {
            "gauge"
        }
        fn claims(&self, ind: &Indicator) -> bool {
            ind.unit == "%" && ind.measure == Measure::Share
        }
        fn height(&self, _width: f64, _compact: bool) -> f64 {
            60.0
        }
        fn framed(&self) -> bool {
            false
        }
        fn lay(&self, ind: &Indicator, opts: Options, spec: &mut ChartSpec) {
            let i = ind.points.len() - 1;
            let p = &ind.points[i];
            let x = spec.width * (p.value / 100.0).clamp(0.0, 1.0);
            spec.bars.push(Bar {
                x0: 0.0,
                x1: x,
                y0: 40.0,
                y1: 20.0,
                color: kind_color(p.kind),
            });
            spec.marks.push(Mark {
                point: i,
                x,
                y: 30.0,
                shape: Shape::Dot,
                color: kind_color(p.kind),
                aria: point_aria(ind, i, opts.lang),
            });
            spec.summary = summary(ind, &spec.marks, None, opts.lang);
        }
    }

    static WITH_GAUGE: Registry = Registry(&[&Gauge, &stat::Stat, &bars::Bars, &time::Time]);

    #[test]
    fn a_kind_added_in_one_place_is_drawn_listed_and_tabled() {
        let ds = super::ds();
        let ind = ds.indicator("urbanization").unwrap();
        assert_eq!(KINDS.pick(ind).id(), time::ID, "the app's registry");
        let kind = WITH_GAUGE.pick(ind);
        assert_eq!(kind.id(), "gauge");
        let opts = Options::detail(400.0, Lang::Zh);
        let spec = WITH_GAUGE.layout(ind, opts);
        assert_eq!(
            (spec.kind, spec.height, spec.framed),
            ("gauge", 60.0, false)
        );
        // Drawn: its bar, and no axis (it is not framed).
        let svg = spec.svg_inner();
        assert!(svg.contains("<rect"), "{svg}");
        assert!(spec.grid.is_empty());
        assert_eq!(spec.to_scene().hits.len(), 1, "its one mark is focusable");
        // Listed: the legend names the bar and the point's kind.
        let legend = kind.legend(ind, &spec);
        assert!(legend.contains(&LegendItem::Bars), "{legend:?}");
        assert!(legend.contains(&LegendItem::Target), "{legend:?}");
        // Tabled: the one value shown, with its quote.
        let table = kind.table(ind, &spec, opts);
        assert_eq!(table.rows.len(), 1);
        let last = ind.points.last().unwrap();
        assert!(table.rows[0].cells.contains(&last.quote));
        // Other indicators still go to the app's kinds.
        let gdp = ds.indicator("gdp").unwrap();
        assert_eq!(WITH_GAUGE.pick(gdp).id(), time::ID);
    }
}
