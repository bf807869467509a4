//! What a visitor asks first, answered by the pages the build writes: were
//! the targets of a year that has passed met (the documents do not say, so
//! the page says so and offers a template to add the outcomes, which the
//! importer reads back), what do the plans promise (the overview opens with
//! the headline targets, the structure and the agencies' load, the
//! documents table after), and the targets' page has an index.
#![cfg(not(target_arch = "wasm32"))]

use changzhutan_plans::pages::figure::{table_html, tip_html};
use changzhutan_plans::pages::overview::HEADLINES;
use changzhutan_plans::pages::render::{render, Opts};
use changzhutan_plans::pages::targets::{
    actuals_template, due, due_counts, template_file, Due, THIS_YEAR,
};
use changzhutan_plans::plan::{self, Dataset, Document, PointKind};
use changzhutan_plans::route::Page;
use changzhutan_plans::words::{Ctx, Lang};

fn ds() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(Dataset::load)
}

fn text(d: &Document) -> Option<&'static str> {
    plan::seeds::SEEDS
        .iter()
        .find(|(f, _)| *f == d.file)
        .map(|(_, t)| *t)
}

fn page(lang: Lang, p: Page) -> String {
    let c = Ctx::new(ds(), lang);
    let opts = Opts::build("https://plans.example.gov.cn/czt/", &text);
    render(c, &c.route(p), &opts).main
}

#[test]
fn a_target_whose_year_has_passed_says_so_and_offers_a_template() {
    let ds = ds();
    let gdp = ds.indicators.iter().find(|i| i.id == "gdp").unwrap();
    // GDP's target is for 2025: passed once the build's year is 2026.
    let passed = matches!(due(gdp), Due::Past(2025));
    assert_eq!(passed, THIS_YEAR > 2025);
    for (lang, words) in [
        (Lang::Zh, "目标年份已过；本文件未载实际值"),
        (
            Lang::En,
            "Target year passed; no outcome in these documents",
        ),
    ] {
        let card_page = page(lang, Page::Targets(None));
        let detail = page(lang, Page::Targets(Some("gdp".into())));
        for (what, h) in [("targets", &card_page), ("gdp", &detail)] {
            let card = if what == "targets" {
                let at = h.find("data-indicator=\"gdp\"").unwrap();
                &h[at..at + h[at..].find("</li>").unwrap()]
            } else {
                h.as_str()
            };
            assert_eq!(card.contains(words), passed, "{lang:?} {what}");
            if passed {
                let prefix = if lang == Lang::En { "en/" } else { "" };
                let href = format!("href=\"{prefix}targets/gdp/gdp-actuals.csv\"");
                assert!(card.contains(&href), "{lang:?} {what}: {href}");
                assert!(card.contains("download=\"gdp-actuals.csv\""));
            }
        }
    }
    // A target still ahead says that instead, and offers no template.
    let later: Vec<_> = ds
        .indicators
        .iter()
        .filter(|i| matches!(due(i), Due::Later(_)))
        .collect();
    for ind in later {
        let h = page(Lang::Zh, Page::Targets(Some(ind.id.clone())));
        assert!(h.contains("目标年份尚未到来"), "{}", ind.id);
        assert!(!h.contains("data-template"), "{}", ind.id);
    }
}

#[test]
fn the_template_filled_from_a_bulletin_imports_as_outcomes() {
    let ds = ds();
    for lang in [Lang::Zh, Lang::En] {
        let c = Ctx::new(ds, lang);
        let gdp = ds.indicators.iter().find(|i| i.id == "gdp").unwrap();
        assert_eq!(template_file(gdp), "gdp-actuals.csv");
        let csv = actuals_template(c, gdp);
        let rows: Vec<&str> = csv.trim_start_matches('\u{feff}').lines().collect();
        // A row for each year from the one after the baseline to the target's.
        assert_eq!(rows.len(), 1 + (2025 - 2019), "{csv}");
        assert!(rows[1].starts_with("gdp,2020,,"), "{csv}");
        // Filled in as a visitor would (the value column of 2024).
        let filled = csv.replace("gdp,2024,,万亿元,", "gdp,2024,2.5,万亿元,统计公报");
        assert_ne!(filled, csv, "the template has the 2024 row with its unit");
        let imp = plan::import::import("gdp-actuals.csv", filled.as_bytes(), &Default::default())
            .expect("the template imports");
        assert_eq!(imp.actuals.len(), 1, "{lang:?}");
        let mut merged = ds.clone();
        plan::import::merge(&mut merged, &imp, "imp1");
        let gdp = merged.indicators.iter().find(|i| i.id == "gdp").unwrap();
        let actual: Vec<_> = gdp
            .points
            .iter()
            .filter(|p| p.kind == PointKind::Actual)
            .collect();
        assert_eq!(actual.len(), 1, "{lang:?}");
        assert_eq!((actual[0].year, actual[0].value), (Some(2024), 2.5));
        // The point knows the import it came from: its row and its tooltip
        // link to the import's line, not to the plan's.
        assert_eq!(actual[0].document.as_deref(), Some("imp1"));
        let c = Ctx::new(&merged, lang);
        let f = changzhutan_plans::draw::chart::figure(c, gdp, 720.0, false);
        let want = c.source_href("imp1", actual[0].lines.start, actual[0].lines.end);
        let row = f
            .table
            .rows
            .iter()
            .find(|r| {
                r.point
                    .is_some_and(|i| gdp.points[i].kind == PointKind::Actual)
            })
            .expect("the actual value's row");
        assert_eq!(row.href.as_deref(), Some(want.as_str()), "{lang:?}");
        let attr = format!("href=\"{}\"", changzhutan_plans::markup::esc(&want));
        assert!(table_html(&f.table).contains(&attr), "{lang:?}");
        let tip = f
            .scene
            .hits
            .iter()
            .filter_map(|h| h.tip.as_ref())
            .map(|t| tip_html(lang, t))
            .find(|t| t.contains("2.5"))
            .expect("the actual value's tooltip");
        assert!(tip.contains(&attr), "{tip}");
        // With an outcome, the status in words replaces the line.
        let c = Ctx::new(&merged, lang);
        let h = changzhutan_plans::pages::targets::status_line(c, gdp);
        assert!(h.is_empty(), "{h}");
    }
}

#[test]
fn the_overview_opens_with_what_the_plans_promise() {
    let (past, now, later) = due_counts(ds());
    assert_eq!(
        past + now + later,
        ds().indicators
            .iter()
            .filter(|i| due(i) != Due::Undated)
            .count()
    );
    for lang in [Lang::Zh, Lang::En] {
        let h = page(lang, Page::Overview);
        let promises = h.find("class=\"promises\"").expect("promises");
        let table = h.find("class=\"doc-table").expect("documents table");
        assert!(promises < table, "{lang:?}: the findings come first");
        // The headline targets, in order, each with its status line.
        let mut at = promises;
        for id in HEADLINES {
            let i = h[at..]
                .find(&format!("data-indicator=\"{id}\""))
                .unwrap_or_else(|| panic!("{lang:?}: {id}"));
            at += i;
            assert!(at < table);
        }
        assert_eq!(h[promises..table].matches("class=\"status-line").count(), 5);
        // The counts, the map, the agencies.
        let counts = match lang {
            Lang::Zh => format!("{past}项目标的年份已过"),
            Lang::En => format!("the year of {past} targets has passed"),
        };
        assert!(h.contains(&counts), "{lang:?}: {counts}");
        assert!(h.contains("class=\"picture mini-map\""));
        assert!(h.contains("class=\"picture mini-load\""));
        // The totals row is labelled like the others (a phone shows labels).
        let foot = &h[h.find("<tfoot>").unwrap()..];
        assert!(foot.matches("data-label=").count() >= 6, "{foot}");
    }
}

#[test]
fn the_targets_page_has_an_index_of_its_groups() {
    for lang in [Lang::Zh, Lang::En] {
        let h = page(lang, Page::Targets(None));
        let nav = &h[h.find("class=\"jump\"").expect("jump links")..];
        let nav = &nav[..nav.find("</nav>").unwrap()];
        let targets: Vec<&str> = nav
            .split("href=\"")
            .skip(1)
            .map(|s| &s[s.find('#').unwrap() + 1..s.find('"').unwrap()])
            .collect();
        assert!(targets.len() >= 4, "{targets:?}");
        for id in targets {
            assert!(h.contains(&format!("id=\"{id}\"")), "{lang:?}: #{id}");
        }
    }
}

#[test]
fn a_downloaded_chart_names_its_source_once_inside_a_margin() {
    use changzhutan_plans::draw::chart::figure;
    for (lang, word) in [(Lang::Zh, "来源："), (Lang::En, "Source: ")] {
        let c = Ctx::new(ds(), lang);
        let gdp = ds().indicators.iter().find(|i| i.id == "gdp").unwrap();
        let doc = figure(c, gdp, 680.0, false).document();
        assert_eq!(doc.matches(word).count(), 1, "{lang:?}: {doc}");
        // The drawing, its title and footer lines start inside a margin.
        assert!(doc.contains("<g transform=\"translate(12,"), "{doc}");
        for line in doc
            .lines()
            .filter(|l| l.starts_with("<text x=") && !l.contains("dy="))
        {
            let x: f64 = line["<text x=\"".len()..]
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(x >= 8.0, "{line}");
        }
    }
}

#[test]
fn a_share_is_apart_from_its_target_in_percentage_points() {
    for (lang, words) in [
        (Lang::Zh, "个百分点 → 80%"),
        (Lang::En, " percentage points → 80%"),
    ] {
        let h = page(lang, Page::Targets(Some("urbanization".into())));
        assert!(h.contains(words), "{lang:?}");
        assert!(!h.contains("(+8.8%)"), "{lang:?}");
    }
}

#[test]
fn english_counts_of_roles_are_spaced() {
    let h = page(Lang::En, Page::Agencies(Some("prov-drc".into())));
    for bad in [
        "responsible3",
        "lead3",
        "support3",
        "responsible1",
        "lead1",
        "support1",
    ] {
        assert!(!h.contains(bad), "{bad}");
    }
}

#[test]
fn the_renames_table_lists_every_reformed_agency_with_its_successor_in_both_languages() {
    let ds = ds();
    let rows = plan::renames(ds);
    assert!(rows.len() >= 8, "{}", rows.len());
    for lang in [Lang::Zh, Lang::En] {
        let h = page(lang, Page::Renames);
        assert_eq!(
            h.matches("<tr data-agency=").count(),
            rows.len(),
            "{lang:?}"
        );
        for r in &rows {
            assert!(
                h.contains(&format!("<tr data-agency=\"{}\"", r.agency)),
                "{}",
                r.agency
            );
            // Both names, in both languages, the date and the source.
            for name in [r.former, r.name, r.name_en] {
                let name = name.replace('\'', "&#39;");
                assert!(h.contains(&name), "{lang:?}: {name}");
            }
            if !r.former_en.is_empty() {
                assert!(
                    h.contains(&r.former_en.replace('\'', "&#39;")),
                    "{lang:?}: {}",
                    r.former_en
                );
            }
            assert!(h.contains(r.date));
        }
        if lang == Lang::En {
            assert!(h.contains("not in the five seeds"), "the English source");
        }
        // The agencies page links to it.
        let prefix = if lang == Lang::En { "en/" } else { "" };
        let ag = page(lang, Page::Agencies(None));
        assert!(
            ag.contains(&format!("href=\"{prefix}renames/\"")),
            "{lang:?}"
        );
    }
}

#[test]
fn task_lists_say_which_unit_leads_and_which_supports() {
    for (lang, words) in [
        (Lang::Zh, ["牵头：", "配合：", "负责："]),
        (Lang::En, ["Lead: ", "Support: ", "Responsible: "]),
    ] {
        let h = page(lang, Page::Tasks);
        for w in words {
            assert!(h.contains(w), "{lang:?}: {w}");
        }
    }
    // A task of 003 (lead and support columns) names both roles.
    let ds = ds();
    let t = ds
        .tasks
        .iter()
        .find(|t| {
            t.document.starts_with("003") && t.units.iter().any(|u| u.role == plan::Role::Support)
        })
        .unwrap();
    let s = changzhutan_plans::words::unit_names(ds, t, 8, Lang::Zh);
    assert!(s.starts_with("牵头：") && s.contains("；配合："), "{s}");
}

#[test]
fn the_implied_path_s_years_can_be_pointed_at() {
    use changzhutan_plans::draw::chart::figure;
    let gdp = ds().indicators.iter().find(|i| i.id == "gdp").unwrap();
    let f = figure(Ctx::new(ds(), Lang::Zh), gdp, 680.0, false);
    for year in 2020..=2024 {
        let hit = f
            .scene
            .hits
            .iter()
            .find(|h| h.key == format!("implied-{year}"))
            .unwrap_or_else(|| panic!("{year}"));
        assert!(
            hit.aria.starts_with(&format!("{year}年 按目标反推")),
            "{}",
            hit.aria
        );
        assert!(tip_html(Lang::Zh, hit.tip.as_ref().unwrap()).contains("万亿元"));
    }
    // Every hit has a tip, and the implied years are in the data table too.
    assert!(f.scene.hits.iter().all(|h| h.tip.is_some()));
    assert!(table_html(&f.table).contains("按目标反推"));
}

#[test]
fn the_heatmap_says_it_scrolls_sideways() {
    use changzhutan_plans::pages::render::{render, Opts};
    for (lang, words) in [(Lang::Zh, "左右滑动"), (Lang::En, "scroll sideways")] {
        let c = Ctx::new(ds(), lang);
        let opts = Opts::build("https://plans.example.gov.cn/czt/", &text);
        let route = c.route(Page::Agencies(None)).with_param("view", "heatmap");
        let h = render(c, &route, &opts).main;
        assert!(
            h.contains("class=\"note scroll-hint\"") && h.contains(words),
            "{lang:?}"
        );
    }
}
