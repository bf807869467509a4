//! The region map, a schematic (示意图): no administrative boundaries; rivers,
//! the green heart, belts, clusters, parks, ports and towns as layers.
//!
//! Projection: equirectangular, longitude scaled so that a kilometre is as
//! long east–west as north–south at the region's centre (27.65°N); fitted to
//! [`EXTENT`]. Labels are placed most important first and dropped when they
//! would collide; the less important reappear as one zooms in.

use super::figure::Figure;
use super::scene::{
    clip_polygon, clip_polyline, overlaps, within, Hit, HitShape, Prim, Rect, Rgb, Scene,
};
use super::scene::{Anchor, Label, C_INK, C_INK_2};
use crate::route::Route;
use crate::words::Ctx;
use plan::geo::EXTENT;
use plan::geodata::{LIAN, XIANG};
use plan::places::{Place, PlaceKind};

mod drawing;
mod words;
pub use drawing::*;
pub use words::*;

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
    /// Every layer: the parks and the new area's axes are what many
    /// visitors look for first.
    pub const DEFAULT: [Layer; 8] = Layer::ALL;
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
        PlaceKind::Facility => 36,
        PlaceKind::Town => 35,
        // Not drawn: no course (see their notes).
        PlaceKind::Road | PlaceKind::Rail => 30,
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

/// The map opens on the core: Changsha, Zhuzhou, Xiangtan and the green
/// heart between them, with the county clusters around.
impl Default for MapView {
    fn default() -> Self {
        MapView {
            lon: 113.0,
            lat: 27.95,
            zoom: 1.8,
        }
    }
}

impl MapView {
    /// The whole extent: the three belts and every cluster.
    pub fn whole() -> MapView {
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
            // A zoom without a centre (a link's `z=1`): about the region's centre.
            if c.is_none() {
                let w = MapView::whole();
                v.lon = w.lon;
                v.lat = w.lat;
            }
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

fn aria(c: Ctx, p: &Place) -> String {
    format!(
        "{}{}",
        p.name_in(c.lang),
        c.t().paren(c.t().place_kind(p.kind))
    )
}

/// The route that selects a place, keeping the map's other parameters.
pub fn select_href(c: Ctx, base: &Route, id: &str) -> String {
    c.link(&base.with_param("sel", id))
}

/// A short note: name, kind, how to open its panel.
fn place_tip(c: Ctx, p: &Place) -> crate::draw::figure::Tip {
    use crate::draw::figure::TipPart;
    let t = c.t();
    vec![
        TipPart::Head(t.place_kind(p.kind).to_string()),
        TipPart::Value(p.name_in(c.lang).to_string(), None),
        TipPart::Line(t.map.map_click_hint.to_string()),
    ]
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
            t.map.col_coord_source.into(),
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
                href: None,
            })
            .collect(),
        quotes: false,
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
        text: format!("{} {}", crate::words::fmt::num(km, 0), t.map.km),
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
        text: t.map.north.to_string(),
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
pub fn legend(c: Ctx, layers: &[Layer]) -> crate::draw::figure::Legend {
    let t = c.t();
    let hex = |(r, g, b): Rgb| format!("#{r:02X}{g:02X}{b:02X}");
    let sw = |shape: String| crate::draw::figure::swatch(24, &shape);
    let items: Vec<(Layer, String, &str)> = vec![
        (Layer::Axis, sw(format!("<path d=\"M0 8 C6 2 12 12 24 4\" fill=\"none\" stroke=\"{}\" stroke-width=\"3\"/>", hex(layer_color(Layer::Axis)))), t.map.legend_river),
        (Layer::Heart, sw(format!("<ellipse cx=\"12\" cy=\"6\" rx=\"11\" ry=\"5\" fill=\"{}\" fill-opacity=\"0.3\"/>", hex(HEART_FILL))), t.map.legend_heart),
        (Layer::Belts, sw(format!("<path d=\"M0 6 H24\" stroke=\"{}\" stroke-opacity=\"0.5\" stroke-width=\"4\"/>", hex(layer_color(Layer::Belts)))), t.map.legend_belt),
        (Layer::Clusters, sw(format!("<circle cx=\"12\" cy=\"6\" r=\"6\" fill=\"{0}\" fill-opacity=\"0.15\"/><circle cx=\"12\" cy=\"6\" r=\"3\" fill=\"{0}\"/>", hex(layer_color(Layer::Clusters)))), t.map.legend_cluster),
        (Layer::Centre, sw(format!("<circle cx=\"12\" cy=\"6\" r=\"5\" fill=\"{}\"/>", hex(layer_color(Layer::Centre)))), t.map.legend_city),
        (Layer::Parks, sw(format!("<rect x=\"8\" y=\"2\" width=\"8\" height=\"8\" fill=\"{}\"/>", hex(layer_color(Layer::Parks)))), t.map.legend_park),
        (Layer::Transport, sw(format!("<path d=\"M12 1 L17 11 H7 Z\" fill=\"{}\"/>", hex(layer_color(Layer::Transport)))), t.map.legend_port),
        (Layer::Transport, sw(format!("<rect x=\"8\" y=\"2\" width=\"8\" height=\"8\" fill=\"{}\"/>", hex(layer_color(Layer::Transport)))), t.map.legend_station),
        (Layer::NewArea, sw(format!("<path d=\"M0 6 H24\" stroke=\"{}\" stroke-dasharray=\"6 4\" stroke-width=\"2\"/>", hex(layer_color(Layer::NewArea)))), t.map.legend_newarea),
    ];
    crate::draw::figure::Legend::Marks {
        class: "legend map-legend",
        items: items
            .into_iter()
            .filter(|(l, _, _)| layers.contains(l))
            .map(|(l, swatch, label)| crate::draw::figure::LegendMark {
                layer: l.key(),
                swatch,
                label: label.to_string(),
                ..Default::default()
            })
            .collect(),
    }
}
