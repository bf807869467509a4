//! The region map, natively: coordinates, projection, layers, snapshots.
#![cfg(not(target_arch = "wasm32"))]

use changzhutan_plans::draw::map::{self, layer_of, Layer, MapView, Projection};
use changzhutan_plans::draw::svg;
use changzhutan_plans::plan::geo::{CONTEXT, EXTENT};
use changzhutan_plans::plan::geodata::{GEONAMES, XIANG};
use changzhutan_plans::plan::{Dataset, PlaceKind};
use changzhutan_plans::route::{Page, Route};
use changzhutan_plans::words::Ctx;
use changzhutan_plans::words::Lang;

fn ds() -> Dataset {
    Dataset::load()
}

fn km(a: (f64, f64), b: (f64, f64)) -> f64 {
    let c = ((a.1 + b.1) / 2.0).to_radians().cos();
    ((a.0 - b.0) * 111.32 * c).hypot((a.1 - b.1) * 110.57)
}

#[test]
fn every_place_has_coordinates_in_the_region() {
    let ds = ds();
    // A point, or (a belt, an axis, a corridor) a line with a label position,
    // or (a road, a rail line, a zone no source here locates) none, and a
    // note that says why it is not drawn.
    let located = ds.places.iter().filter(|p| p.lon.is_some()).count();
    let lines = ds.places.iter().filter(|p| p.line.is_some()).count();
    let unplaced: Vec<_> = ds
        .places
        .iter()
        .filter(|p| p.lon.is_none() && p.line.is_none())
        .collect();
    assert_eq!(located + lines + unplaced.len(), ds.places.len());
    assert_eq!(lines, 6);
    assert!(located >= 40);
    for p in &unplaced {
        assert!(p.coord_source.is_none() && p.lat.is_none(), "{}", p.id);
        let why = p.note_en.as_deref().unwrap_or_default();
        assert!(
            why.contains("not drawn") || why.contains("no point"),
            "{}: an unplaced place says why: {why}",
            p.id
        );
        assert!(map::anchor(p).is_none(), "{}", p.id);
    }
    for p in ds
        .places
        .iter()
        .filter(|p| p.kind == PlaceKind::Road || p.kind == PlaceKind::Rail)
    {
        assert!(
            unplaced.iter().any(|u| u.id == p.id),
            "{}: no course is known",
            p.id
        );
    }
    for p in ds
        .places
        .iter()
        .filter(|p| p.lon.is_some() || p.line.is_some())
    {
        let (lon, lat) = p.lon.zip(p.lat).or(p.label).unwrap();
        let context_city = matches!(p.id.as_str(), "yueyang" | "chenzhou");
        let b = if context_city { CONTEXT } else { EXTENT };
        assert!(
            b.0 <= lon && lon <= b.2 && b.1 <= lat && lat <= b.3,
            "{} at {lon},{lat} outside {b:?}",
            p.id
        );
        assert!(p.coord_source.is_some(), "{}", p.id);
    }
    // GeoNames supplies the cities and county seats, WGS84.
    let gn = |id: &str| {
        GEONAMES
            .iter()
            .find(|g| g.0 == id)
            .map(|g| (g.1, g.2))
            .unwrap()
    };
    assert!(km(gn("changsha"), (112.97, 28.20)) < 2.0);
    assert_eq!(
        ds.place("changsha").unwrap().coord_source.as_deref(),
        Some("geonames:1815577")
    );
    assert_eq!(
        ds.place("huanghua-airport")
            .unwrap()
            .coord_source
            .as_deref(),
        Some("airportsdata:ZGHA")
    );
}

#[test]
fn the_xiang_passes_the_three_cities() {
    // Distance from a point to the polyline (segments, in a local km plane).
    let near = |q: (f64, f64)| {
        let to_km = |p: (f64, f64)| {
            (
                (p.0 - q.0) * 111.32 * q.1.to_radians().cos(),
                (p.1 - q.1) * 110.57,
            )
        };
        XIANG
            .windows(2)
            .map(|w| {
                let (a, b) = (to_km(w[0]), to_km(w[1]));
                let (dx, dy) = (b.0 - a.0, b.1 - a.1);
                let t = (-(a.0 * dx + a.1 * dy) / (dx * dx + dy * dy).max(1e-12)).clamp(0.0, 1.0);
                (a.0 + t * dx).hypot(a.1 + t * dy)
            })
            .fold(f64::INFINITY, f64::min)
    };
    for (name, q) in [
        ("长沙", (112.96, 28.20)),
        ("湘潭", (112.92, 27.86)),
        ("株洲", (113.13, 27.84)),
    ] {
        assert!(near(q) < 3.0, "{name}: {}", near(q));
    }
    // Ordered upstream (south) to downstream (north).
    assert!(XIANG[0].1 < XIANG[XIANG.len() - 1].1);
}

#[test]
fn cluster_nodes_sit_together() {
    let ds = ds();
    for cl in ds.places.iter().filter(|p| p.kind == PlaceKind::Cluster) {
        let nodes: Vec<(f64, f64)> = ds
            .places
            .iter()
            .filter(|p| p.parent.as_deref() == Some(&cl.id))
            .map(|p| (p.lon.unwrap(), p.lat.unwrap()))
            .collect();
        assert!(nodes.len() >= 2, "{}", cl.id);
        let centre = (cl.lon.unwrap(), cl.lat.unwrap());
        for n in &nodes {
            assert!(
                km(*n, centre) < 45.0,
                "{}: a node {:.0} km from the cluster's centre",
                cl.id,
                km(*n, centre)
            );
        }
    }
    // The green heart's neighbours are within 15 km of it.
    let heart = ds.place("green-heart").unwrap();
    for id in ["datuo", "muyun", "tiaoma", "yunlong", "zhaoshan"] {
        let p = ds.place(id).unwrap();
        let d = km(
            (p.lon.unwrap(), p.lat.unwrap()),
            (heart.lon.unwrap(), heart.lat.unwrap()),
        );
        assert!(d < 15.0, "{id}: {d:.1} km");
    }
}

#[test]
fn the_five_towns_run_south_to_north_on_the_west_bank() {
    let ds = ds();
    let ids = [
        "rongcheng-town",
        "tonghang-town",
        "jijin-town",
        "tiyu-town",
        "haigui-town",
    ];
    let lats: Vec<f64> = ids
        .iter()
        .map(|id| ds.place(id).unwrap().lat.unwrap())
        .collect();
    assert!(lats.windows(2).all(|w| w[0] < w[1]), "{lats:?}");
    // West of the river at their latitude.
    for id in ids {
        let p = ds.place(id).unwrap();
        let river_lon = XIANG
            .iter()
            .min_by(|a, b| {
                (a.1 - p.lat.unwrap())
                    .abs()
                    .total_cmp(&(b.1 - p.lat.unwrap()).abs())
            })
            .unwrap()
            .0;
        assert!(p.lon.unwrap() < river_lon + 0.01, "{id} east of the river");
    }
}

#[test]
fn projection_and_gestures() {
    let v = MapView::whole();
    let pr = Projection::new(v, 800.0, 700.0);
    let (x, y) = pr.xy(112.97, 28.2);
    let (lon, lat) = pr.lonlat(x, y);
    assert!((lon - 112.97).abs() < 1e-9 && (lat - 28.2).abs() < 1e-9);
    // A kilometre is as long east–west as north–south at the centre.
    let (x1, _) = pr.xy(113.0 + 1.0 / (111.32 * 27.65f64.to_radians().cos()), 27.65);
    let (x0, _) = pr.xy(113.0, 27.65);
    let (_, y1) = pr.xy(113.0, 27.65 + 1.0 / 110.57);
    let (_, y0) = pr.xy(113.0, 27.65);
    assert!(((x1 - x0) - (y0 - y1)).abs() < 0.01);
    // Zooming at a point keeps that point where it is.
    let z = v.zoom_at(800.0, 700.0, 300.0, 200.0, 2.0);
    let pz = Projection::new(z, 800.0, 700.0);
    let before = pr.lonlat(300.0, 200.0);
    let after = pz.lonlat(300.0, 200.0);
    assert!((before.0 - after.0).abs() < 1e-9 && (before.1 - after.1).abs() < 1e-9);
    assert_eq!(z.zoom, 2.0);
    // Panning moves the map with the pointer; views stay in range.
    let p = v.pan(800.0, 700.0, 100.0, 0.0);
    assert!(p.lon < v.lon);
    assert_eq!(MapView::parse(Some("99"), Some("0,0")).zoom, map::MAX_ZOOM);
    let back = MapView::parse(Some(&z.zoom_str()), Some(&z.centre_str()));
    assert!((back.lon - z.lon).abs() < 1e-4 && (back.zoom - z.zoom).abs() < 1e-9);
    // The URL's form of a view: a gesture's view and its URL's agree on it,
    // another view does not.
    assert_eq!(z.rounded(), back);
    assert_eq!(back.rounded(), back);
    let nudged = MapView {
        zoom: z.zoom * 1.001,
        ..z
    };
    assert_eq!(nudged.rounded(), back);
    assert_ne!(p.rounded(), back);
    assert_eq!(
        Layer::parse(Some("heart,axis,bogus")),
        vec![Layer::Axis, Layer::Heart]
    );
    assert_eq!(Layer::parse(None), Layer::DEFAULT.to_vec());
    assert_eq!(Layer::parse(Some("none")), vec![]);
}

#[test]
fn layers_and_snapshots() {
    let ds = ds();
    let c = Ctx::new(&ds, Lang::Zh);
    let base = Route::new(Page::Map);
    // Every place belongs to one layer; every layer has places.
    for l in Layer::ALL {
        assert!(ds.places.iter().any(|p| layer_of(p) == l), "{l:?} is empty");
    }
    for (name, layers, view, w) in [
        (
            "map-default-800",
            Layer::DEFAULT.to_vec(),
            MapView::default(),
            800.0,
        ),
        (
            "map-all-zoom3-800",
            Layer::ALL.to_vec(),
            MapView {
                zoom: 3.0,
                lon: 112.98,
                lat: 28.0,
            },
            800.0,
        ),
        (
            "map-heart-360",
            vec![Layer::Axis, Layer::Heart],
            MapView::whole(),
            360.0,
        ),
        (
            "map-whole-800",
            Layer::DEFAULT.to_vec(),
            MapView::whole(),
            800.0,
        ),
        (
            "map-newarea-zoom6-600",
            vec![Layer::Axis, Layer::NewArea],
            MapView {
                zoom: 6.0,
                lon: 112.9,
                lat: 28.15,
            },
            600.0,
        ),
    ] {
        let f = map::figure(c, &base, &layers, view, w, map::height_for(w));
        // Labels never overlap one another.
        let labels: Vec<_> = f
            .scene
            .prims
            .iter()
            .filter_map(|p| match p {
                changzhutan_plans::draw::scene::Prim::Text(l) => Some(l.bbox()),
                _ => None,
            })
            .collect();
        for i in 0..labels.len() {
            for j in i + 1..labels.len() {
                let (a, b) = (labels[i], labels[j]);
                assert!(
                    !(a.0 + 0.5 < b.2 && b.0 + 0.5 < a.2 && a.1 + 0.5 < b.3 && b.1 + 0.5 < a.3),
                    "{name}: labels {i} and {j} overlap"
                );
            }
        }
        assert!(f
            .scene
            .hits
            .iter()
            .all(|h| h.tip.is_some() && !h.key.is_empty()));
        assert!(f.scene.hits.iter().all(|h| h
            .href
            .as_deref()
            .is_some_and(|x| x.starts_with("map/?") && x.contains("sel="))));
        assert!(f.follow);
        assert!(!f.svg.contains("style="));
        insta::assert_snapshot!(name, svg::render(&f.scene));
    }
    // Layers filter what is drawn.
    let only_axis = map::figure(c, &base, &[Layer::Axis], MapView::default(), 800.0, 700.0);
    assert!(only_axis
        .scene
        .hits
        .iter()
        .all(|h| layer_of(ds.place(&h.key).unwrap()) == Layer::Axis));
    assert!(only_axis.scene.hits.iter().any(|h| h.key == "xiang-axis"));
}

#[test]
fn the_legend_follows_the_layers() {
    let ds = ds();
    let c = Ctx::new(&ds, Lang::Zh);
    let html = |l: &_| changzhutan_plans::pages::figure::legend_html(Lang::Zh, l);
    let all = html(&map::legend(c, &Layer::ALL));
    assert_eq!(all.matches("<li ").count(), 9);
    let some = html(&map::legend(c, &[Layer::Axis, Layer::Heart]));
    assert_eq!(some.matches("<li ").count(), 2);
    assert!(some.contains("湘江") && some.contains("生态绿心"));
    assert!(!all.contains("style="));
}

#[test]
fn a_place_panel_quotes_and_lists_tasks() {
    let ds = ds();
    let c = Ctx::new(&ds, Lang::Zh);
    let base = Route::new(Page::Map);
    let h = changzhutan_plans::pages::map::place_panel(c, &base, ds.place("yugong-port").unwrap());
    assert!(h.contains("支持新区依托虞公港建设3000吨级"));
    assert!(h.contains("href=\"tasks/000-29/\""));
    assert!(h.contains("省商务厅、省发展改革委"));
    assert!(h.contains("href=\"source/000_46937b859a78d65d/?lines="));
    let h = changzhutan_plans::pages::map::place_panel(
        c,
        &base,
        ds.place("ningxiang-cluster").unwrap(),
    );
    assert!(h.contains("宁乡城镇组团,依托宁乡主城区"));
    for m in ["金洲新城", "黄材", "灰汤", "花明楼"] {
        assert!(h.contains(m), "{m}");
    }
}

#[test]
fn the_map_opens_on_the_core_with_every_layer() {
    let v = MapView::default();
    assert!(v.zoom > 1.5, "{v:?}");
    // A link's z=1 alone is the whole region, about its centre.
    assert_eq!(MapView::parse(Some("1"), None), MapView::whole());
    assert_eq!(Layer::parse(None), Layer::ALL.to_vec());
    let ds = ds();
    let c = Ctx::new(&ds, Lang::Zh);
    let w = 1100.0;
    let f = map::figure(
        c,
        &Route::new(Page::Map),
        &Layer::DEFAULT,
        v,
        w,
        map::height_for(w),
    );
    // The three cities and the green heart are in the frame, and so are
    // the parks and the new area (their places are marked).
    for id in ["changsha", "zhuzhou", "xiangtan", "green-heart"] {
        assert!(f.scene.hits.iter().any(|h| h.key == id), "{id}");
    }
    for l in [Layer::Parks, Layer::NewArea] {
        assert!(
            f.scene
                .hits
                .iter()
                .any(|h| layer_of(ds.place(&h.key).unwrap()) == l),
            "{l:?}"
        );
    }
    // The belts cross the core: each is named where its course is in the
    // frame, at every width.
    for w in [320.0, 360.0, 768.0, 1100.0] {
        let f = map::figure(
            c,
            &Route::new(Page::Map),
            &Layer::DEFAULT,
            v,
            w,
            map::height_for(w),
        );
        let texts: Vec<String> = f
            .scene
            .prims
            .iter()
            .filter_map(|p| match p {
                changzhutan_plans::draw::scene::Prim::Text(l) => Some(l.text.clone()),
                _ => None,
            })
            .collect();
        for name in [
            "京广发展带",
            "渝长厦发展带",
            "沪昆发展带",
            "长沙市",
            "株洲市",
            "湘潭市",
        ] {
            assert!(texts.iter().any(|t| t == name), "{w}: {name} in {texts:?}");
        }
    }
}

#[test]
fn labels_never_overlap_at_zoom_1_2_and_4() {
    let ds = ds();
    for lang in [Lang::Zh, Lang::En] {
        let c = Ctx::new(&ds, lang);
        for w in [320.0, 360.0, 800.0, 1100.0] {
            for zoom in [1.0, 2.0, 4.0] {
                for centre in [MapView::default(), MapView::whole()] {
                    let view = MapView { zoom, ..centre };
                    let f = map::figure(
                        c,
                        &Route::new(Page::Map),
                        &Layer::DEFAULT,
                        view,
                        w,
                        map::height_for(w),
                    );
                    let labels: Vec<_> = f
                        .scene
                        .prims
                        .iter()
                        .filter_map(|p| match p {
                            changzhutan_plans::draw::scene::Prim::Text(l) => {
                                Some((l.text.clone(), l.bbox()))
                            }
                            _ => None,
                        })
                        .collect();
                    for i in 0..labels.len() {
                        for j in i + 1..labels.len() {
                            let ((ta, a), (tb, b)) = (&labels[i], &labels[j]);
                            assert!(
                                !(a.0 + 0.5 < b.2
                                    && b.0 + 0.5 < a.2
                                    && a.1 + 0.5 < b.3
                                    && b.1 + 0.5 < a.3),
                                "{lang:?} {w} ×{zoom} {view:?}: {ta} and {tb} overlap"
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn the_place_finder_finds_a_place_by_its_name() {
    use changzhutan_plans::pages::map::{find_place, MapState, FIND_ZOOM};
    let ds = ds();
    for q in ["大托", "大托镇", " 大托 ", "Datuo", "datuo"] {
        assert_eq!(
            find_place(&ds, q).map(|p| p.id.as_str()),
            Some("datuo"),
            "{q:?}"
        );
    }
    assert_eq!(
        find_place(&ds, "昭山").map(|p| p.id.as_str()),
        Some("zhaoshan")
    );
    assert_eq!(
        find_place(&ds, "霞凝").map(|p| p.id.as_str()),
        Some("xianing-port")
    );
    assert!(find_place(&ds, "上海浦东").is_none());
    assert!(find_place(&ds, "").is_none());
    // On the map's page, ?find= selects it and centres the map on it.
    let route = Route::new(Page::Map).with_param("find", "大托");
    let s = MapState::of(&ds, &route);
    assert_eq!(s.selected.as_deref(), Some("datuo"));
    assert!(s.view.zoom >= FIND_ZOOM);
    let datuo = ds.place("datuo").unwrap();
    let (lon, lat) = map::anchor(datuo).unwrap();
    assert!((s.view.lon - lon).abs() < 1e-3 && (s.view.lat - lat).abs() < 1e-3);
    // Its page shows its sentence; the finder lists every place.
    let c = Ctx::new(&ds, Lang::Zh);
    let h = changzhutan_plans::pages::map::map_page(c, &route, &[800.0], "");
    assert!(h.contains("class=\"place-panel\""));
    assert!(h.contains("联动周边大托"));
    assert!(h.contains("<option value=\"大托\">"));
    // Nothing found says so.
    let none = Route::new(Page::Map).with_param("find", "上海浦东");
    let h = changzhutan_plans::pages::map::map_page(c, &none, &[800.0], "");
    assert!(h.contains("没有找到“上海浦东”"));
}
