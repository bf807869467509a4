//! Agency load, natively: counts checked by hand against the seeds, names
//! carried, deterministic layouts, and snapshots of the drawings.
#![cfg(not(target_arch = "wasm32"))]

use changzhutan_plans::draw::network::ForceLayout;
use changzhutan_plans::draw::{agency, svg};
use changzhutan_plans::pages::figure::tip_html;
use changzhutan_plans::plan::load::{
    bipartite, co_responsibility, heatmap, loads, names_used, partners, tasks_of_agency,
    LoadFilter, SortKey,
};
use changzhutan_plans::plan::{Dataset, Role};
use changzhutan_plans::words::Ctx;
use changzhutan_plans::words::Lang;

fn ds() -> Dataset {
    Dataset::load()
}

#[test]
fn ranked_load_counts_each_agency_once() {
    let ds = ds();
    let rows = loads(&ds, &LoadFilter::default(), SortKey::Total);
    let get = |id: &str| rows.iter().find(|r| r.agency == id).unwrap();
    // 省发展改革委: 000 17 + 004 27 + 003 (as 省发改委) 1 lead, 6 support.
    let drc = get("prov-drc");
    assert_eq!((drc.lead, drc.support, drc.total()), (45, 6, 51));
    assert_eq!(rows[0].agency, "prov-drc", "the heaviest load");
    // 省科技厅: 12 + 11 + (9 lead, 4 support).
    let sti = get("prov-sti");
    assert_eq!((sti.lead, sti.support), (32, 4));
    // 省工业和信息化厅 counts its 003 name 省经信委 (support on 4 rows).
    let miit = get("prov-miit");
    assert_eq!(miit.support, 4);
    // Every listed agency appears; the collective ones too.
    assert_eq!(rows.len(), ds.agencies.len());
    assert_eq!(get("coll-cities").total(), 30);
    assert_eq!(get("coll-leading-group").total(), 7);
    assert_eq!(get("coll-related-depts").total(), 1);
    // Sorting is stable and total.
    let by_lead = loads(&ds, &LoadFilter::default(), SortKey::Lead);
    assert!(by_lead.windows(2).all(|w| w[0].lead >= w[1].lead));
    let by_support = loads(&ds, &LoadFilter::default(), SortKey::Support);
    assert_eq!(by_support[0].agency, "coll-leading-group");
}

#[test]
fn filters_by_document_and_category() {
    let ds = ds();
    let f = |doc: &str, cat: Option<&str>| LoadFilter {
        document: Some(doc.into()),
        category: cat.map(str::to_string),
    };
    let rows = loads(&ds, &f("004_63bd9ad5aebbd682", None), SortKey::Total);
    assert_eq!(rows[0].agency, "coll-cities");
    assert_eq!(rows[0].total(), 30);
    assert_eq!(
        rows.iter()
            .find(|r| r.agency == "prov-drc")
            .unwrap()
            .total(),
        27
    );
    let rows = loads(
        &ds,
        &f("000_46937b859a78d65d", Some("营造一流营商环境")),
        SortKey::Total,
    );
    // Tasks 23–28: 省商务厅 on 23 24 25 26.
    assert_eq!(
        rows.iter()
            .find(|r| r.agency == "prov-commerce")
            .unwrap()
            .total(),
        4
    );
    assert!(rows.iter().all(|r| r.by_doc.len() == 1));
}

#[test]
fn names_each_agency_carried() {
    let ds = ds();
    let names = names_used(&ds, "prov-samr");
    let listed: Vec<(&str, Vec<(&str, u32)>)> = names
        .iter()
        .map(|n| {
            (
                n.name.as_str(),
                n.documents.iter().map(|(d, k)| (&d[..3], *k)).collect(),
            )
        })
        .collect();
    assert_eq!(
        listed,
        vec![
            ("省市场监管局", vec![("000", 5), ("004", 5)]),
            ("省工商局", vec![("003", 1)]),
            ("省质监局", vec![("003", 1)]),
        ]
    );
    let miit: Vec<String> = names_used(&ds, "prov-miit")
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert_eq!(miit, ["省工业和信息化厅", "省经信委"]);
    let cs: Vec<String> = names_used(&ds, "city-changsha")
        .into_iter()
        .map(|n| n.name)
        .collect();
    assert_eq!(cs, ["长沙市人民政府", "长株潭三市政府"]);
}

#[test]
fn partners_and_tasks_of_an_agency() {
    let ds = ds();
    let p = partners(&ds, "zone-xiangjiang");
    // 湘江新区管委会 (000: 1 2 4 7 8 15 17 19 20 22 24 28 38 41) shares 11 with
    // 长沙市人民政府: all but 7, 28 and 41.
    assert_eq!(p[0], ("city-changsha".to_string(), 11));
    let tasks = tasks_of_agency(&ds, "prov-commerce");
    let t13 = tasks.iter().find(|t| t.task.id == "003-13").unwrap();
    assert_eq!(
        t13.role,
        Role::Lead,
        "lead wins over support on the same row"
    );
    assert_eq!(
        tasks
            .iter()
            .filter(|t| t.task.document.starts_with("003"))
            .count(),
        1
    );
}

#[test]
fn heatmap_counts_and_shape() {
    let ds = ds();
    let hm = heatmap(&ds, None);
    assert_eq!(hm.cols.len(), 12 + 3 + 8);
    let r = hm.rows.iter().position(|a| a == "prov-drc").unwrap();
    assert_eq!(hm.cells[r].iter().sum::<u32>(), 51);
    // Collective units come last.
    assert_eq!(
        hm.rows.last().map(String::as_str),
        Some("coll-related-depts")
    );
    let one = heatmap(&ds, Some("003_eb0be2c1adcc1018"));
    assert_eq!(one.cols.len(), 3);
    let lg = one
        .rows
        .iter()
        .position(|a| a == "coll-leading-group")
        .unwrap();
    assert_eq!(one.cells[lg], [5, 0, 2]);
}

#[test]
fn graphs_and_their_layouts_are_deterministic() {
    let ds = ds();
    let g = co_responsibility(&ds, &LoadFilter::default());
    assert_eq!(g.nodes.len(), 44, "47 agencies minus 3 collective units");
    let drc = g.nodes.iter().position(|n| n.id == "prov-drc").unwrap();
    let sti = g.nodes.iter().position(|n| n.id == "prov-sti").unwrap();
    let (a, b) = (drc.min(sti), drc.max(sti));
    let shared = g.edges.iter().find(|e| e.0 == a && e.1 == b).unwrap().2;
    // 000: 6 7 10 18 19 21; 004: 4 5 6 9 10 11 17 19 24; 003: 4 6 7 8 9 12 13.
    assert_eq!(shared, 6 + 9 + 7);
    let mut l1 = ForceLayout::new(&g);
    l1.step(usize::MAX);
    let mut l2 = ForceLayout::new(&g);
    while !l2.step(13) {}
    assert_eq!(l1.normalized(), l2.normalized());
    let c = Ctx::new(&ds, Lang::Zh);
    let f1 = agency::network_figure(c, &g, &l1.normalized(), 800.0, 1);
    let f2 = agency::network_figure(c, &g, &l2.normalized(), 800.0, 1);
    assert_eq!(f1.svg, f2.svg, "the same SVG every time");
    insta::assert_snapshot!("network-800", svg::render(&f1.scene));
    let bg = bipartite(&ds, &LoadFilter::default());
    assert_eq!(bg.nodes.iter().filter(|n| n.is_task).count(), 86);
    let lead_edges = bg.edges.iter().filter(|e| e.2 == 2).count();
    let support_edges = bg.edges.iter().filter(|e| e.2 == 1).count();
    // 003's 配合/参与单位 cells, row by row (省商务厅 on row 13 is lead there):
    // 1+1+1+1+1 + 4+3+3+5 + 1+1+2+4+2.
    assert_eq!(support_edges, 30);
    assert!(lead_edges > 300);
}

#[test]
fn figures_have_a_tip_for_every_hit_and_snapshots() {
    let ds = ds();
    let c = Ctx::new(&ds, Lang::Zh);
    let rows = loads(&ds, &LoadFilter::default(), SortKey::Total);
    for (name, f) in [
        ("load-720", agency::load_figure(c, &rows, 720.0)),
        (
            "heatmap-720",
            agency::heat_figure(c, &heatmap(&ds, None), 720.0),
        ),
        (
            "heatmap-003-360",
            agency::heat_figure(c, &heatmap(&ds, Some("003_eb0be2c1adcc1018")), 360.0),
        ),
        (
            "bipartite-720",
            agency::bipartite_figure(c, &bipartite(&ds, &LoadFilter::default()), &rows, 720.0),
        ),
    ] {
        assert!(
            f.scene.hits.iter().all(|h| h
                .tip
                .as_ref()
                .map(|t| tip_html(Lang::Zh, t))
                .is_some_and(|t| t.contains("href=\"") && !t.contains("href=\"\""))),
            "{name}: every hit has a tip that links somewhere"
        );
        assert!(!f.svg.contains("style="), "{name}");
        for h in &f.scene.hits {
            let (x, y) = h.shape.center();
            assert!(
                x >= 0.0 && x <= f.scene.width && y >= 0.0 && y <= f.scene.height,
                "{name}: hit outside"
            );
        }
        insta::assert_snapshot!(name, f.svg);
    }
    let t = tip_html(
        Lang::Zh,
        agency::load_figure(c, &rows, 720.0).scene.hits[0]
            .tip
            .as_ref()
            .unwrap(),
    );
    assert!(t.contains("省发展改革委"));
    assert!(t.contains("003 牵头1项任务、配合6项任务"), "{t:?}");
}

/// "Former name → name after the 2018 reform", as one table: every
/// reformed agency with its successor in both languages, the date, what the
/// reform did and where that is written.
#[test]
fn renames_list_every_reformed_agency_with_its_successor() {
    use changzhutan_plans::plan::agencies::{NameChange, ReformChange};
    use changzhutan_plans::plan::renames;
    let ds = ds();
    let rows = renames(&ds);
    for r in &rows {
        for (what, s) in [
            ("former", r.former),
            ("former_en", r.former_en),
            ("name", r.name),
            ("name_en", r.name_en),
            ("date", r.date),
            ("reason", r.reason),
            ("reason_en", r.reason_en),
            ("source", r.source),
            ("source_en", r.source_en),
        ] {
            assert!(!s.trim().is_empty(), "{}: no {what}", r.former);
        }
        assert!(r.date.starts_with("2018"), "{}: {}", r.former, r.date);
        // A source outside the seeds says so.
        assert!(r.source.contains("不在五份种子文件中"), "{}", r.former);
        assert!(
            r.source_en.contains("not in the five seeds"),
            "{}",
            r.former
        );
        assert_eq!(ds.agency(r.agency).unwrap().name, r.name);
    }
    // Every reform or merged name of the registry is in the table.
    for a in &ds.agencies {
        for f in &a.former {
            if matches!(f.why, NameChange::Reform | NameChange::Merged) {
                assert!(
                    rows.iter().any(|r| r.former == f.name && r.agency == a.id),
                    "{} → {} is not in the table",
                    f.name,
                    a.name
                );
            }
        }
    }
    let row = |former: &str| {
        rows.iter()
            .find(|r| r.former == former)
            .unwrap_or_else(|| panic!("{former}"))
    };
    let table: Vec<(&str, &str, ReformChange)> =
        rows.iter().map(|r| (r.former, r.name, r.change)).collect();
    use ReformChange::*;
    assert_eq!(
        table,
        [
            ("省经信委", "省工业和信息化厅", Renamed),
            ("省国土资源厅", "省自然资源厅", Renamed),
            ("省工商局", "省市场监管局", Merged),
            ("省质监局", "省市场监管局", Merged),
            ("省知识产权局", "省知识产权局", Continued),
            ("省文化厅", "省文化和旅游厅", Renamed),
            ("省卫生计生委", "省卫生健康委", Renamed),
            ("省政府金融办", "省地方金融监管局", Renamed),
            ("省外事侨务办", "省外办", Renamed),
            ("湖南银监局", "湖南银保监局", Renamed),
        ]
    );
    // 省知识产权局 was not merged: it is its own agency, managed by the
    // market regulator, and its tasks are its own.
    let ipa = row("省知识产权局");
    assert_eq!(ipa.managed_by, Some("prov-samr"));
    assert_eq!(ipa.agency, "prov-ipa");
    assert!(ipa.reason.contains("由省市场监督管理局管理"));
    let samr = ds.agency("prov-samr").unwrap();
    assert!(!samr.names.iter().any(|n| n == "省知识产权局"));
    // 省外事侨务办 has a successor.
    let fa = row("省外事侨务办");
    assert_eq!(fa.agency, "prov-foreign-affairs");
    assert_eq!(
        fa.name_en,
        "Foreign Affairs Office of the Hunan Provincial People's Government"
    );
    assert!(fa.reason.contains("省委统战部"));
}

#[test]
fn the_network_labels_its_ten_largest_agencies_at_every_width_and_thins_its_lines() {
    use changzhutan_plans::draw::network::ALWAYS_LABELLED;
    use changzhutan_plans::draw::scene::Prim;
    let ds = ds();
    let g = co_responsibility(&ds, &LoadFilter::default()).top(60);
    let mut l = ForceLayout::new(&g);
    l.step(usize::MAX);
    let unit = l.normalized();
    let mut order: Vec<usize> = (0..g.nodes.len()).collect();
    order.sort_by(|&a, &b| g.nodes[b].weight.cmp(&g.nodes[a].weight).then(a.cmp(&b)));
    for lang in [Lang::Zh, Lang::En] {
        let c = Ctx::new(&ds, lang);
        for w in [320.0, 360.0, 800.0, 1100.0] {
            let f = agency::network_figure(c, &g, &unit, w, 2);
            let texts: Vec<&str> = f
                .scene
                .prims
                .iter()
                .filter_map(|p| match p {
                    Prim::Text(l) => Some(l.text.as_str()),
                    _ => None,
                })
                .collect();
            // Labels are the short names (English ones where the registry has them).
            for &i in &order[..ALWAYS_LABELLED] {
                let name = match lang {
                    Lang::Zh => g.nodes[i].label.clone(),
                    Lang::En => c.agency_short(&g.nodes[i].id).to_string(),
                };
                assert!(
                    texts.contains(&name.as_str()),
                    "{lang:?} {w}: {name} in {texts:?}"
                );
            }
        }
        // Pairs sharing one task are most of the lines: the default leaves
        // them to the highlight; shared=1 draws them all.
        let lines = |min| {
            agency::network_figure(c, &g, &unit, 800.0, min)
                .scene
                .prims
                .iter()
                .filter(|p| matches!(p, Prim::Line { .. }))
                .count()
        };
        assert!(lines(2) * 2 < lines(1), "{} vs {}", lines(2), lines(1));
        assert!(lines(5) < lines(2));
    }
}

#[test]
fn the_bipartite_view_is_split_by_document_with_numbered_tasks() {
    use changzhutan_plans::draw::scene::Prim;
    use changzhutan_plans::pages::agencies::{view_figure, AgencyState, View};
    use changzhutan_plans::route::{Page, Route};
    let ds = ds();
    let c = Ctx::new(&ds, Lang::Zh);
    let s = AgencyState::of(&Route::new(Page::Agencies(None)).with_param("view", "bipartite"));
    let rows = s.rows(&ds);
    let f = view_figure(c, View::Bipartite, &s, &rows, None, 720.0);
    let texts: Vec<&str> = f
        .scene
        .prims
        .iter()
        .filter_map(|p| match p {
            Prim::Text(l) => Some(l.text.as_str()),
            _ => None,
        })
        .collect();
    let docs: Vec<_> = ds.task_documents().collect();
    assert_eq!(docs.len(), 3);
    let mut tops = Vec::new();
    for d in &docs {
        let head = format!("{} {}", d.code, c.doc_title(d));
        let at = f
            .scene
            .prims
            .iter()
            .find_map(|p| match p {
                Prim::Text(l)
                    if head.starts_with(l.text.trim_end_matches('…'))
                        && l.bold
                        && l.size > 12.0 =>
                {
                    Some(l.y)
                }
                _ => None,
            })
            .unwrap_or_else(|| panic!("a panel for {}: {texts:?}", d.code));
        tops.push(at);
    }
    tops.push(f.scene.height);
    // No line runs from one panel into another.
    for p in &f.scene.prims {
        if let Prim::Line { points, .. } = p {
            let (lo, hi) = points
                .iter()
                .fold((f64::MAX, f64::MIN), |(a, b), q| (a.min(q.1), b.max(q.1)));
            assert!(
                tops.windows(2).any(|w| lo >= w[0] && hi <= w[1]),
                "a line from {lo} to {hi} crosses panels {tops:?}"
            );
        }
    }
    // Tasks carry their numbers: each panel starts with task 1.
    assert!(
        texts.iter().filter(|t| **t == "1").count() >= 3,
        "{texts:?}"
    );
    // One document chosen: one panel, as before.
    let one = AgencyState::of(
        &Route::new(Page::Agencies(None))
            .with_param("view", "bipartite")
            .with_param("doc", &docs[0].id),
    );
    let f1 = view_figure(c, View::Bipartite, &one, &one.rows(&ds), None, 720.0);
    assert!(f1.scene.height < f.scene.height);
}
