//! The region map, a schematic (示意图): no administrative boundaries; rivers,
//! the green heart, belts, clusters, parks, ports and towns as layers.
//!
//! Projection: equirectangular, longitude scaled so that a kilometre is as
//! long east–west as north–south at the region's centre (27.65°N); fitted to
//! [`EXTENT`]. Labels are placed most important first and dropped when they
//! would collide; the less important reappear as one zooms in.

use std::fmt::Write;

use super::figure::Figure;
use super::scene::{
    clip_polygon, clip_polyline, overlaps, within, Hit, HitShape, Prim, Rect, Rgb, Scene,
};
use super::scene::{Anchor, Label, C_INK, C_INK_2};
use crate::markup::{esc, link_class, txt};
use crate::route::{Page, Route};
use crate::words::{unit_names, Ctx};
use plan::geo::EXTENT;
use plan::geodata::{LIAN, XIANG};
use plan::places::{Place, PlaceKind};

/// The map's layers, in drawing order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Layer {
    /// 一轴: the Xiang, its banks.
    Axis,
    /// 一心: the green heart and its neighbours.
    Heart,
    /// 三带.
    Belts,
    /// 多组团.
    Clusters,
    /// 中心区 and the three city centres.
    Centre,
    /// Parks and zones.
    Parks,
    /// Ports, the airport, stations.
    Transport,
    /// 湘江新区 (000, 002): new sections, five towns, axes.
    NewArea,
}

impl Layer {
    pub const ALL: [Layer; 8] = [
        Layer::Axis,
        Layer::Heart,
        Layer::Belts,
        Layer::Clusters,
        Layer::Centre,
        Layer::Parks,
        Layer::Transport,
        Layer::NewArea,
    ];
    pub const DEFAULT: [Layer; 6] = [
        Layer::Axis,
        Layer::Heart,
        Layer::Belts,
        Layer::Clusters,
        Layer::Centre,
        Layer::Transport,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Layer::Axis => "axis",
            Layer::Heart => "heart",
            Layer::Belts => "belts",
            Layer::Clusters => "clusters",
            Layer::Centre => "centre",
            Layer::Parks => "parks",
            Layer::Transport => "transport",
            Layer::NewArea => "newarea",
        }
    }
    pub fn from_key(s: &str) -> Option<Layer> {
        Layer::ALL.into_iter().find(|l| l.key() == s)
    }
    /// "axis,heart" → layers; None or empty → the default set.
    pub fn parse(s: Option<&str>) -> Vec<Layer> {
        match s {
            None => Layer::DEFAULT.to_vec(),
            Some("none") => vec![],
            Some(s) => {
                let mut v: Vec<Layer> = s.split(',').filter_map(Layer::from_key).collect();
                v.sort();
                v.dedup();
                v
            }
        }
    }
    pub fn print(layers: &[Layer]) -> String {
        if layers.is_empty() {
            return "none".into();
        }
        layers.iter().map(|l| l.key()).collect::<Vec<_>>().join(",")
    }
}

/// Which layer a place belongs to.
pub fn layer_of(p: &Place) -> Layer {
    match (p.kind, p.parent.as_deref(), p.id.as_str()) {
        (PlaceKind::GreenHeart, ..) => Layer::Heart,
        (_, Some("green-heart"), _) => Layer::Heart,
        (PlaceKind::Axis, _, "xiang-axis") => Layer::Axis,
        (_, Some("xiang-axis"), _) => Layer::Axis,
        (PlaceKind::Belt, ..) => Layer::Belts,
        (_, Some("central-belt" | "northern-belt" | "southern-belt"), _) => Layer::Belts,
        (PlaceKind::Cluster, ..) => Layer::Clusters,
        (_, Some(p), _) if p.ends_with("-cluster") => Layer::Clusters,
        (PlaceKind::City, ..) | (_, Some("central-area"), _) => Layer::Centre,
        (_, _, "central-area") => Layer::Centre,
        (
            PlaceKind::Port | PlaceKind::Airport | PlaceKind::Station,
            Some("xiangjiang-new-area"),
            _,
        ) => Layer::NewArea,
        (PlaceKind::Port | PlaceKind::Airport | PlaceKind::Station, ..) => Layer::Transport,
        (_, Some("xiangjiang-new-area" | "east-bank" | "west-bank"), _)
            if p.document.starts_with("000") || p.document.starts_with("002") =>
        {
            Layer::NewArea
        }
        (_, _, "xiangjiang-new-area") => Layer::NewArea,
        (PlaceKind::Axis | PlaceKind::FeatureTown, ..) => Layer::NewArea,
        _ => Layer::Parks,
    }
}

/// How important a place's label is (higher wins a collision).
fn priority(p: &Place) -> u32 {
    match p.kind {
        PlaceKind::City => 100,
        PlaceKind::Axis if p.id == "xiang-axis" => 97,
        PlaceKind::GreenHeart => 95,
        PlaceKind::Cluster => 90,
        PlaceKind::Belt => 88,
        PlaceKind::County => 80,
        PlaceKind::Axis => 75,
        PlaceKind::Airport => 70,
        PlaceKind::Zone if p.id == "xiangjiang-new-area" || p.id == "central-area" => 72,
        PlaceKind::Port => 55,
        PlaceKind::Station => 50,
        PlaceKind::FeatureTown => 45,
        PlaceKind::Zone => 42,
        PlaceKind::Park => 40,
        PlaceKind::River | PlaceKind::FormerIndustrial => 38,
        PlaceKind::Town => 35,
    }
}

/// The names of the structure the map exists to show (一轴一心，三带多组团
/// and the three cities): placed first, and never dropped.
pub fn essential(p: &Place) -> bool {
    matches!(
        p.kind,
        PlaceKind::City | PlaceKind::GreenHeart | PlaceKind::Cluster | PlaceKind::Belt
    ) || p.id == "xiang-axis"
}

/// Where a place is drawn: its point, or a line's label position.
pub fn anchor(p: &Place) -> Option<(f64, f64)> {
    p.lon.zip(p.lat).or(p.label)
}

/// A place's colour: its layer's.
fn color(p: &Place) -> Rgb {
    layer_color(layer_of(p))
}

/// The green heart's area.
const HEART_FILL: Rgb = (0, 150, 90);

/// A layer's colour: its places, its lines and its legend swatches.
fn layer_color(l: Layer) -> Rgb {
    match l {
        Layer::Axis => (0, 114, 178),
        Layer::Heart => (0, 140, 90),
        Layer::Belts => (213, 94, 0),
        Layer::Clusters => (150, 80, 160),
        Layer::Centre => (29, 35, 41),
        Layer::Parks => (86, 120, 150),
        Layer::Transport => (90, 90, 90),
        Layer::NewArea => (200, 120, 0),
    }
}

/// The view: centre and zoom (1 = the whole extent fits).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MapView {
    pub lon: f64,
    pub lat: f64,
    pub zoom: f64,
}

pub const MIN_ZOOM: f64 = 1.0;
pub const MAX_ZOOM: f64 = 24.0;
/// East–west pixels per north–south pixel for the same distance at 27.65°N:
/// cos(27.65°) × 111.32 / 110.57 (km per degree of longitude at the equator
/// over km per degree of latitude).
const COS_LAT0: f64 = 0.891_807;

impl Default for MapView {
    fn default() -> Self {
        MapView {
            lon: (EXTENT.0 + EXTENT.2) / 2.0,
            lat: (EXTENT.1 + EXTENT.3) / 2.0,
            zoom: 1.0,
        }
    }
}

impl MapView {
    /// "z=2&c=112.95,27.95" parts → a view (clamped to the extent).
    pub fn parse(z: Option<&str>, c: Option<&str>) -> MapView {
        let mut v = MapView::default();
        if let Some(z) = z.and_then(|z| z.parse::<f64>().ok()) {
            v.zoom = z;
        }
        if let Some((a, b)) = c.and_then(|c| c.split_once(',')) {
            if let (Ok(lon), Ok(lat)) = (a.parse::<f64>(), b.parse::<f64>()) {
                v.lon = lon;
                v.lat = lat;
            }
        }
        v.clamped()
    }
    pub fn clamped(self) -> MapView {
        let finite = |x: f64, d: f64| if x.is_finite() { x } else { d };
        let d = MapView::default();
        MapView {
            lon: finite(self.lon, d.lon).clamp(EXTENT.0, EXTENT.2),
            lat: finite(self.lat, d.lat).clamp(EXTENT.1, EXTENT.3),
            zoom: finite(self.zoom, 1.0).clamp(MIN_ZOOM, MAX_ZOOM),
        }
    }
    pub fn zoom_str(&self) -> String {
        crate::words::fmt::num(self.zoom, 2)
    }
    /// The view as the URL keeps it (zoom to 2 decimals, centre to 4).
    pub fn rounded(self) -> MapView {
        MapView::parse(Some(&self.zoom_str()), Some(&self.centre_str()))
    }
    pub fn centre_str(&self) -> String {
        format!(
            "{},{}",
            crate::words::fmt::num(self.lon, 4),
            crate::words::fmt::num(self.lat, 4)
        )
    }
}

/// Pixels from degrees for a view and a size.
#[derive(Clone, Copy, Debug)]
pub struct Projection {
    pub view: MapView,
    pub w: f64,
    pub h: f64,
    /// Pixels per degree of latitude.
    pub scale: f64,
}

impl Projection {
    pub fn new(view: MapView, w: f64, h: f64) -> Projection {
        let fit = (w / ((EXTENT.2 - EXTENT.0) * COS_LAT0)).min(h / (EXTENT.3 - EXTENT.1));
        Projection {
            view,
            w,
            h,
            scale: fit * view.zoom,
        }
    }
    pub fn xy(&self, lon: f64, lat: f64) -> (f64, f64) {
        (
            self.w / 2.0 + (lon - self.view.lon) * COS_LAT0 * self.scale,
            self.h / 2.0 - (lat - self.view.lat) * self.scale,
        )
    }
    pub fn lonlat(&self, x: f64, y: f64) -> (f64, f64) {
        (
            self.view.lon + (x - self.w / 2.0) / (COS_LAT0 * self.scale),
            self.view.lat - (y - self.h / 2.0) / self.scale,
        )
    }
    /// Kilometres per pixel (north–south; equal east–west at 27.65°N).
    pub fn km_per_px(&self) -> f64 {
        110.57 / self.scale
    }
}

/// The map's height for a width.
pub fn height_for(width: f64) -> f64 {
    width.clamp(360.0, 760.0)
}

fn inside(p: (f64, f64), w: f64, h: f64, pad: f64) -> bool {
    p.0 >= -pad && p.0 <= w + pad && p.1 >= -pad && p.1 <= h + pad
}

/// The map for `layers` at `view`, `w`×`h` px: a figure whose hits select places.
pub fn figure(c: Ctx, base: &Route, layers: &[Layer], view: MapView, w: f64, h: f64) -> Figure {
    let t = c.t();
    let pr = Projection::new(view.clamped(), w, h);
    let mut s = Scene::new(w, h);
    s.summary = t.map_summary.to_string();
    // Background: a light land tint.
    s.rect(0.0, 0.0, w, h, (247, 248, 244), 1.0);
    let on = |l: Layer| layers.contains(&l);
    let frame = (-4.0, -4.0, w + 4.0, h + 4.0);
    let path = |pts: &[(f64, f64)]| {
        pts.iter()
            .map(|&(lon, lat)| pr.xy(lon, lat))
            .collect::<Vec<_>>()
    };
    // plotters clamps points outside its area onto the border: clip first.
    let line =
        |s: &mut Scene, px: &[(f64, f64)], color: Rgb, width: f64, alpha: f64, dashed: bool| {
            for piece in clip_polyline(px, frame) {
                s.prims.push(Prim::Line {
                    points: piece,
                    color,
                    width,
                    alpha,
                    dashed,
                });
            }
        };

    // Areas first: the green heart, cluster halos, the central area.
    if on(Layer::Heart) {
        for area in c.ds.places.iter().filter_map(|p| p.area.as_deref()) {
            let poly = clip_polygon(&path(area), frame);
            if poly.len() > 2 {
                s.prims.push(Prim::Poly {
                    points: poly,
                    fill: HEART_FILL,
                    alpha: 0.25,
                });
            }
        }
    }
    let visible: Vec<&Place> =
        c.ds.places
            .iter()
            .filter(|p| anchor(p).is_some() && on(layer_of(p)))
            .collect();
    if on(Layer::Clusters) {
        for cl in c.ds.places.iter().filter(|p| p.kind == PlaceKind::Cluster) {
            let members: Vec<(f64, f64)> =
                c.ds.places
                    .iter()
                    .filter(|p| p.parent.as_deref() == Some(&cl.id))
                    .filter_map(|p| Some(pr.xy(p.lon?, p.lat?)))
                    .collect();
            for m in &members {
                s.prims.push(Prim::Circle {
                    x: m.0,
                    y: m.1,
                    r: 16.0 * view.zoom.sqrt(),
                    fill: Some((layer_color(Layer::Clusters), 0.12)),
                    stroke: None,
                });
            }
        }
    }
    if on(Layer::Centre) {
        let members: Vec<(f64, f64)> =
            c.ds.places
                .iter()
                .filter(|p| {
                    matches!(
                        p.id.as_str(),
                        "changsha" | "zhuzhou" | "xiangtan" | "changsha-county" | "yisuhe"
                    )
                })
                .filter_map(|p| Some(pr.xy(p.lon?, p.lat?)))
                .collect();
        let hull = convex_hull(&members);
        if hull.len() > 2 {
            let mut ring = inflate(&hull, 18.0);
            ring.push(ring[0]);
            line(&mut s, &ring, layer_color(Layer::Centre), 1.0, 0.5, true);
        }
    }
    // Lines: rivers, belts, axes.
    if on(Layer::Axis) {
        line(&mut s, &path(LIAN), (90, 160, 210), 1.5, 1.0, false);
        line(
            &mut s,
            &path(XIANG),
            layer_color(Layer::Axis),
            3.0,
            1.0,
            false,
        );
    }
    // (A line on the axis layer is the river itself, drawn above.)
    for (p, pts) in
        c.ds.places
            .iter()
            .filter(|p| layer_of(p) != Layer::Axis)
            .filter_map(|p| Some((p, p.line.as_deref()?)))
    {
        let belt = p.kind == PlaceKind::Belt;
        if (belt && on(Layer::Belts)) || (!belt && on(Layer::NewArea)) {
            let color = layer_color(if belt { Layer::Belts } else { Layer::NewArea });
            line(
                &mut s,
                &path(pts),
                color,
                if belt { 4.0 } else { 2.0 },
                0.45,
                !belt,
            );
        }
    }
    // Points.
    let mut order: Vec<&Place> = visible.clone();
    order.sort_by(|a, b| priority(b).cmp(&priority(a)).then(a.id.cmp(&b.id)));
    // Decorations and every dot are obstacles before any label is placed.
    let mut taken: Vec<Rect> = decorations(&mut s, &pr, c);
    for p in &order {
        let (x, y) = anchor(p).map_or((0.0, 0.0), |(lon, lat)| pr.xy(lon, lat));
        let r = dot_radius(p);
        if r > 0.0 && inside((x, y), w, h, 0.0) {
            taken.push((x - r, y - r, x + r, y + r));
        }
    }
    let mut labels: Vec<Label> = Vec::new();
    let mut essential_boxes: Vec<Rect> = Vec::new();
    let mut hits: Vec<(Hit, String)> = Vec::new();
    for p in &order {
        let (x, y) = anchor(p).map_or((0.0, 0.0), |(lon, lat)| pr.xy(lon, lat));
        let off_map = !inside((x, y), w, h, 0.0);
        if off_map {
            // Context cities beyond the frame: an arrow at the edge.
            if p.kind == PlaceKind::City && layer_of(p) == Layer::Belts {
                let (ex, ey) = (x.clamp(14.0, w - 14.0), y.clamp(14.0, h - 14.0));
                let text = format!("{} {}", arrow_for(x, y, w, h), p.short_in(c.lang));
                let l = Label {
                    text,
                    x: ex,
                    y: ey + 4.0,
                    size: 12.0,
                    anchor: if x > w {
                        Anchor::End
                    } else if x < 0.0 {
                        Anchor::Start
                    } else {
                        Anchor::Middle
                    },
                    color: C_INK_2,
                    bold: false,
                };
                let bb = l.bbox();
                if !taken.iter().any(|o| overlaps(*o, bb)) {
                    taken.push(bb);
                    hits.push((
                        Hit {
                            shape: HitShape::Rect {
                                x: bb.0,
                                y: bb.1,
                                w: bb.2 - bb.0,
                                h: bb.3 - bb.1,
                            },
                            aria: aria(c, p),
                            href: Some(select_href(base, &p.id)),
                            ..Default::default()
                        },
                        p.id.clone(),
                    ));
                    labels.push(l);
                }
            }
            continue;
        }
        let col = color(p);
        let r = dot_radius(p);
        // A phone's map is small: its names a size smaller.
        let narrow = if w < 600.0 { 2.0 } else { 0.0 };
        let size = match p.kind {
            PlaceKind::City => 15.0,
            PlaceKind::Cluster | PlaceKind::Belt | PlaceKind::GreenHeart | PlaceKind::County => {
                13.0
            }
            _ => 12.0,
        } - narrow;
        match p.kind {
            PlaceKind::Cluster | PlaceKind::Belt | PlaceKind::GreenHeart | PlaceKind::Axis
                if p.id != "xiang-axis" => {}
            PlaceKind::Port => s.prims.push(Prim::Poly {
                points: vec![(x, y - r - 1.0), (x - r - 1.0, y + r), (x + r + 1.0, y + r)],
                fill: col,
                alpha: 1.0,
            }),
            PlaceKind::Airport | PlaceKind::Station => s.rect(x - r, y - r, x + r, y + r, col, 1.0),
            PlaceKind::Park | PlaceKind::Zone => s.rect(
                x - r + 0.5,
                y - r + 0.5,
                x + r - 0.5,
                y + r - 0.5,
                col,
                0.85,
            ),
            _ => s.prims.push(Prim::Circle {
                x,
                y,
                r,
                fill: Some((col, 1.0)),
                stroke: Some(((255, 255, 255), 1.0)),
            }),
        }
        let name = if c.lang != plan::Lang::Zh {
            p.short_in(c.lang).to_string()
        } else if matches!(p.kind, PlaceKind::Belt) {
            short_belt(&p.name)
        } else {
            p.name.clone()
        };
        let bold = matches!(
            p.kind,
            PlaceKind::City | PlaceKind::Cluster | PlaceKind::GreenHeart | PlaceKind::Belt
        );
        let label_color = if matches!(p.kind, PlaceKind::City) {
            C_INK
        } else {
            col
        };
        let gap = r + 3.0;
        let mut candidates = if r == 0.0 {
            vec![
                (x, y + size * 0.35, Anchor::Middle),
                (x, y - 8.0, Anchor::Middle),
                (x, y + size + 6.0, Anchor::Middle),
            ]
        } else {
            vec![
                (x + gap, y + size * 0.35, Anchor::Start),
                (x - gap, y + size * 0.35, Anchor::End),
                (x, y - gap - 1.0, Anchor::Middle),
                (x, y + gap + size * 0.9, Anchor::Middle),
            ]
        };
        let must = essential(p);
        if must {
            // Further out, in rings, with a leader line back to the place.
            for k in 1..=4 {
                let d = k as f64 * (size + 4.0);
                for (dx, dy, a) in [
                    (0.0, -d, Anchor::Middle),
                    (0.0, d + size * 0.7, Anchor::Middle),
                    (gap + d, size * 0.35, Anchor::Start),
                    (-gap - d, size * 0.35, Anchor::End),
                    (gap + d * 0.7, -d * 0.7, Anchor::Start),
                    (-gap - d * 0.7, -d * 0.7, Anchor::End),
                    (gap + d * 0.7, d * 0.7 + size * 0.7, Anchor::Start),
                    (-gap - d * 0.7, d * 0.7 + size * 0.7, Anchor::End),
                ] {
                    candidates.push((x + dx, y + dy, a));
                }
            }
        }
        let label_at = |(lx, ly, anchor): (f64, f64, Anchor)| Label {
            text: name.clone(),
            x: lx,
            y: ly,
            size,
            anchor,
            color: label_color,
            bold,
        };
        let own = (x - r, y - r, x + r, y + r);
        let inner = (2.0, 2.0, w - 2.0, h - 2.0);
        let free = |bb: Rect, obstacles: &[Rect]| {
            within(bb, inner) && !obstacles.iter().any(|o| *o != own && overlaps(*o, bb))
        };
        let mut placed = candidates
            .iter()
            .map(|c| label_at(*c))
            .find(|l| free(l.bbox(), &taken));
        if placed.is_none() && must {
            // Crowded: over lesser places' dots and names if need be, never
            // over another of the structure's names; at worst its first place.
            placed = candidates
                .iter()
                .map(|c| label_at(*c))
                .find(|l| free(l.bbox(), &essential_boxes))
                .or_else(|| {
                    let mut l = label_at(candidates[0]);
                    let (x0, y0, x1, y1) = l.bbox();
                    l.x += (inner.0 - x0).max(0.0) - (x1 - inner.2).max(0.0);
                    l.y += (inner.1 - y0).max(0.0) - (y1 - inner.3).max(0.0);
                    Some(l)
                });
            if let Some(l) = &placed {
                // Lesser names already placed under it give way.
                let bb = l.bbox();
                let before = labels.len();
                labels.retain(|k: &Label| {
                    !overlaps(k.bbox(), bb) || essential_boxes.contains(&k.bbox())
                });
                if labels.len() != before {
                    taken.retain(|o| !overlaps(*o, bb) || essential_boxes.contains(o));
                }
            }
        }
        if let Some(l) = &placed {
            // A name moved away from its place gets a line back to it.
            let (x0, y0, x1, y1) = l.bbox();
            let (cx, cy) = (x.clamp(x0, x1), y.clamp(y0, y1));
            if (cx - x).hypot(cy - y) > gap + size {
                s.line(vec![(x, y), (cx, cy)], label_color, 0.8);
            }
            if must {
                essential_boxes.push(l.bbox());
            }
        }
        let hit_shape = match &placed {
            Some(l) if r == 0.0 => {
                let bb = l.bbox();
                HitShape::Rect {
                    x: bb.0 - 2.0,
                    y: bb.1 - 2.0,
                    w: bb.2 - bb.0 + 4.0,
                    h: bb.3 - bb.1 + 4.0,
                }
            }
            // An area without room for its name stays focusable at its centre.
            None if r == 0.0 => HitShape::Circle { x, y, r: 12.0 },
            _ => HitShape::Circle {
                x,
                y,
                r: (r + 5.0).max(9.0),
            },
        };
        if let Some(l) = placed {
            taken.push(l.bbox());
            labels.push(l);
        }
        hits.push((
            Hit {
                shape: hit_shape,
                aria: aria(c, p),
                href: Some(select_href(base, &p.id)),
                ..Default::default()
            },
            p.id.clone(),
        ));
    }
    for l in labels {
        s.text(l);
    }
    s.hits = hits
        .into_iter()
        .map(|(h, id)| Hit {
            tip: c.ds.place(&id).map(|p| place_tip(c, p)),
            key: id,
            ..h
        })
        .collect();
    let mut f = Figure::new(
        s,
        super::figure::DataTable::default(),
        t.map_heading.to_string(),
        "changzhutan-map",
        c,
    );
    f.follow = true;
    f.table = places_table(c, &visible);
    f.table_html = super::figure::table_html(&f.table);
    f.legend = legend(c, layers);
    f
}

fn arrow_for(x: f64, y: f64, w: f64, h: f64) -> &'static str {
    if y < 0.0 {
        "↑"
    } else if y > h {
        "↓"
    } else if x < 0.0 {
        "←"
    } else if x > w {
        "→"
    } else {
        ""
    }
}

fn short_belt(name: &str) -> String {
    // "中部(京广)发展带" → "京广发展带"
    match (name.find('('), name.find(')')) {
        (Some(a), Some(b)) if b > a => format!("{}{}", &name[a + 1..b], &name[b + 1..]),
        _ => name.to_string(),
    }
}

fn aria(c: Ctx, p: &Place) -> String {
    format!(
        "{}{}",
        p.name_in(c.lang),
        c.t().paren(c.t().place_kind(p.kind))
    )
}

/// The route that selects a place, keeping the map's other parameters.
pub fn select_href(base: &Route, id: &str) -> String {
    base.with_param("sel", id).to_hash()
}

/// A short note: name, kind, how to open its panel.
fn place_tip(c: Ctx, p: &Place) -> String {
    let t = c.t();
    format!(
        "<p class=\"tip-head\">{}</p><p class=\"tip-value\">{}</p><p>{}</p>",
        esc(t.place_kind(p.kind)),
        txt(p.name_in(c.lang)),
        esc(t.map_click_hint)
    )
}

/// The places shown, as a table.
fn places_table(c: Ctx, places: &[&Place]) -> super::figure::DataTable {
    let t = c.t();
    super::figure::DataTable {
        head: vec![
            t.col_name.into(),
            t.col_kind.into(),
            "lon".into(),
            "lat".into(),
            t.col_coord_source.into(),
            t.col_document.into(),
        ],
        rows: places
            .iter()
            .map(|p| super::figure::DataRow {
                cells: vec![
                    p.name_in(c.lang).to_string(),
                    t.place_kind(p.kind).to_string(),
                    p.lon
                        .map(|v| crate::words::fmt::num(v, 4))
                        .unwrap_or_default(),
                    p.lat
                        .map(|v| crate::words::fmt::num(v, 4))
                        .unwrap_or_default(),
                    p.coord_source.clone().unwrap_or_default(),
                    p.document.chars().take(3).collect(),
                ],
                point: None,
            })
            .collect(),
    }
}

fn dot_radius(p: &Place) -> f64 {
    match p.kind {
        PlaceKind::City => 6.0,
        PlaceKind::Cluster | PlaceKind::Belt | PlaceKind::GreenHeart => 0.0,
        PlaceKind::Axis if p.id != "xiang-axis" => 0.0,
        PlaceKind::County => 4.5,
        _ => 3.5,
    }
}

/// Scale bar (bottom left) and north arrow (top right); returns their boxes.
fn decorations(s: &mut Scene, pr: &Projection, c: Ctx) -> Vec<Rect> {
    let t = c.t();
    let kmpp = pr.km_per_px();
    let target = 110.0 * kmpp;
    let km = [1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0]
        .into_iter()
        .rev()
        .find(|k| *k <= target)
        .unwrap_or(1.0);
    let len = km / kmpp;
    let (x0, y0) = (12.0, pr.h - 14.0);
    s.rect(
        x0 - 4.0,
        y0 - 20.0,
        x0 + len + 40.0,
        y0 + 6.0,
        (255, 255, 255),
        0.8,
    );
    s.line(
        vec![
            (x0, y0 - 5.0),
            (x0, y0),
            (x0 + len, y0),
            (x0 + len, y0 - 5.0),
        ],
        C_INK,
        2.0,
    );
    s.text(Label {
        text: format!("{} {}", crate::words::fmt::num(km, 0), t.km),
        x: x0 + len / 2.0,
        y: y0 - 8.0,
        size: 11.0,
        anchor: Anchor::Middle,
        color: C_INK,
        bold: false,
    });
    let (nx, ny) = (pr.w - 22.0, 16.0);
    s.prims.push(Prim::Poly {
        points: vec![
            (nx, ny),
            (nx - 7.0, ny + 20.0),
            (nx, ny + 15.0),
            (nx + 7.0, ny + 20.0),
        ],
        fill: C_INK,
        alpha: 1.0,
    });
    s.text(Label {
        text: t.north.to_string(),
        x: nx,
        y: ny + 34.0,
        size: 12.0,
        anchor: Anchor::Middle,
        color: C_INK,
        bold: true,
    });
    vec![
        (x0 - 4.0, y0 - 20.0, x0 + len + 40.0, y0 + 6.0),
        (nx - 10.0, ny - 2.0, nx + 10.0, ny + 36.0),
    ]
}

fn convex_hull(pts: &[(f64, f64)]) -> Vec<(f64, f64)> {
    let mut p: Vec<(f64, f64)> = pts.to_vec();
    p.sort_by(|a, b| a.partial_cmp(b).unwrap_or(std::cmp::Ordering::Equal));
    if p.len() < 3 {
        return p;
    }
    let cross = |o: (f64, f64), a: (f64, f64), b: (f64, f64)| {
        (a.0 - o.0) * (b.1 - o.1) - (a.1 - o.1) * (b.0 - o.0)
    };
    let mut lower: Vec<(f64, f64)> = Vec::new();
    for &q in &p {
        while lower.len() >= 2 && cross(lower[lower.len() - 2], lower[lower.len() - 1], q) <= 0.0 {
            lower.pop();
        }
        lower.push(q);
    }
    let mut upper: Vec<(f64, f64)> = Vec::new();
    for &q in p.iter().rev() {
        while upper.len() >= 2 && cross(upper[upper.len() - 2], upper[upper.len() - 1], q) <= 0.0 {
            upper.pop();
        }
        upper.push(q);
    }
    lower.pop();
    upper.pop();
    lower.extend(upper);
    lower
}

/// Push a convex polygon's points out from its centre by `d` px.
fn inflate(poly: &[(f64, f64)], d: f64) -> Vec<(f64, f64)> {
    let n = poly.len() as f64;
    let (cx, cy) = poly
        .iter()
        .fold((0.0, 0.0), |a, p| (a.0 + p.0 / n, a.1 + p.1 / n));
    poly.iter()
        .map(|&(x, y)| {
            let (dx, dy) = (x - cx, y - cy);
            let l = (dx * dx + dy * dy).sqrt().max(1e-9);
            (x + dx / l * d, y + dy / l * d)
        })
        .collect()
}

/// The panel of a selected place: its sentence, its members, the tasks that
/// name it and their agencies.
pub fn place_panel(c: Ctx, base: &Route, p: &Place) -> String {
    let t = c.t();
    let mut h = String::new();
    let doc = c.ds.document(&p.document);
    let _ = write!(
        h,
        "<h2>{}{}</h2><p class=\"doc-file\">{} · {}</p><blockquote class=\"place-quote\" lang=\"zh-CN\">{}</blockquote><p>{}</p>",
        txt(p.name_in(c.lang)),
        if c.lang == plan::Lang::Zh {
            String::new()
        } else {
            format!(" <span class=\"as-written\" lang=\"zh-CN\">{}</span>", esc(&p.name))
        },
        esc(t.place_kind(p.kind)),
        txt(&format!("{} {}", doc.map(|d| d.code.as_str()).unwrap_or(""), doc.map(|d| c.doc_title(d)).unwrap_or(""))),
        esc(&p.quote),
        link_class("place-source", &c.source_href(&p.document, p.lines.start, p.lines.end), &format!("{} →", t.open_in_source))
    );
    let members: Vec<&Place> =
        c.ds.places
            .iter()
            .filter(|k| k.parent.as_deref() == Some(&p.id))
            .collect();
    if !members.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3><ul class=\"place-members\">",
            esc(t.place_members)
        );
        for m in members {
            let _ = write!(
                h,
                "<li><a href=\"{}\">{}</a></li>",
                esc(&select_href(base, &m.id)),
                txt(m.name_in(c.lang))
            );
        }
        h.push_str("</ul>");
    }
    if let Some(parent) = p.parent.as_deref().and_then(|id| c.ds.place(id)) {
        let _ = write!(
            h,
            "<p>{}{}<a href=\"{}\">{}</a></p>",
            esc(t.place_part_of),
            t.colon,
            esc(&select_href(base, &parent.id)),
            txt(parent.name_in(c.lang))
        );
    }
    let tasks = plan::places::tasks_naming(c.ds, p);
    let _ = write!(h, "<h3>{}</h3>", esc(t.place_tasks));
    if tasks.is_empty() {
        let _ = write!(h, "<p class=\"empty\">{}</p>", esc(t.place_no_tasks));
    } else {
        h.push_str("<ul class=\"place-tasks\">");
        for task in tasks {
            let _ = write!(
                h,
                "<li><a href=\"{}\">{} <span lang=\"zh-CN\">{}</span></a><br><span class=\"task-units\">{}</span></li>",
                esc(&c.href(Page::Task(task.id.clone()))),
                esc(&task.id),
                esc(&super::text::fit(&task.text, 13.0, 300.0)),
                txt(&unit_names(c.ds, task, 8, c.lang))
            );
        }
        h.push_str("</ul>");
    }
    if p.coord_source.as_deref() == Some("approximate") {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(t.place_approx));
    }
    h
}

/// The caption: what the map is, and its sources.
pub fn caption(c: Ctx) -> String {
    let t = c.t();
    format!("<p class=\"map-caption\">{}</p>", esc(t.map_caption))
}

/// The layer switches, as checkboxes (the UI wires them).
pub fn layer_names(c: Ctx) -> Vec<(Layer, &'static str)> {
    let t = c.t();
    Layer::ALL
        .into_iter()
        .map(|l| {
            (
                l,
                match l {
                    Layer::Axis => t.layer_axis,
                    Layer::Heart => t.layer_heart,
                    Layer::Belts => t.layer_belts,
                    Layer::Clusters => t.layer_clusters,
                    Layer::Centre => t.layer_centre,
                    Layer::Parks => t.layer_parks,
                    Layer::Transport => t.layer_transport,
                    Layer::NewArea => t.layer_newarea,
                },
            )
        })
        .collect()
}

impl MapView {
    /// Zoom by `factor` keeping the point under (x, y) px where it is.
    pub fn zoom_at(self, w: f64, h: f64, x: f64, y: f64, factor: f64) -> MapView {
        let pr = Projection::new(self, w, h);
        let (lon, lat) = pr.lonlat(x, y);
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let pr2 = Projection::new(MapView { zoom, ..self }, w, h);
        MapView {
            lon: lon - (x - w / 2.0) / (COS_LAT0 * pr2.scale),
            lat: lat + (y - h / 2.0) / pr2.scale,
            zoom,
        }
        .clamped()
    }
    /// Move the view by (dx, dy) px (the map follows the pointer).
    pub fn pan(self, w: f64, h: f64, dx: f64, dy: f64) -> MapView {
        let pr = Projection::new(self, w, h);
        MapView {
            lon: self.lon - dx / (COS_LAT0 * pr.scale),
            lat: self.lat + dy / pr.scale,
            zoom: self.zoom,
        }
        .clamped()
    }
}

/// The legend of the layers shown: each symbol as drawn on the map, in the
/// map's colours.
pub fn legend(c: Ctx, layers: &[Layer]) -> String {
    let t = c.t();
    let hex = |(r, g, b): Rgb| format!("#{r:02X}{g:02X}{b:02X}");
    let sw = |shape: String| {
        format!("<svg class=\"swatch\" viewBox=\"0 0 24 12\" aria-hidden=\"true\">{shape}</svg>")
    };
    let items: Vec<(Layer, String, &str)> = vec![
        (Layer::Axis, sw(format!("<path d=\"M0 8 C6 2 12 12 24 4\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>", hex(layer_color(Layer::Axis)))), t.legend_river),
        (Layer::Heart, sw(format!("<ellipse cx=\"12\" cy=\"6\" rx=\"11\" ry=\"5\" fill=\"{}\" fill-opacity=\"0.3\"/>", hex(HEART_FILL))), t.legend_heart),
        (Layer::Belts, sw(format!("<path d=\"M0 6 H24\" stroke=\"{}\" stroke-opacity=\"0.5\" stroke-width=\"4\"/>", hex(layer_color(Layer::Belts)))), t.legend_belt),
        (Layer::Clusters, sw(format!("<circle cx=\"12\" cy=\"6\" r=\"6\" fill=\"{0}\" fill-opacity=\"0.15\"/><circle cx=\"12\" cy=\"6\" r=\"3\" fill=\"{0}\"/>", hex(layer_color(Layer::Clusters)))), t.legend_cluster),
        (Layer::Centre, sw(format!("<circle cx=\"12\" cy=\"6\" r=\"5\" fill=\"{}\"/>", hex(layer_color(Layer::Centre)))), t.legend_city),
        (Layer::Parks, sw(format!("<rect x=\"8\" y=\"2\" width=\"8\" height=\"8\" fill=\"{}\"/>", hex(layer_color(Layer::Parks)))), t.legend_park),
        (Layer::Transport, sw(format!("<path d=\"M12 1 L17 11 H7 Z\" fill=\"{}\"/>", hex(layer_color(Layer::Transport)))), t.legend_port),
        (Layer::Transport, sw(format!("<rect x=\"8\" y=\"2\" width=\"8\" height=\"8\" fill=\"{}\"/>", hex(layer_color(Layer::Transport)))), t.legend_station),
        (Layer::NewArea, sw(format!("<path d=\"M0 6 H24\" stroke=\"{}\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/>", hex(layer_color(Layer::NewArea)))), t.legend_newarea),
    ];
    let mut h = String::from("<ul class=\"legend map-legend\">");
    for (l, s, label) in items.into_iter().filter(|(l, _, _)| layers.contains(l)) {
        let _ = write!(h, "<li data-layer=\"{}\">{s} {}</li>", l.key(), esc(label));
    }
    h.push_str("</ul>");
    h
}
