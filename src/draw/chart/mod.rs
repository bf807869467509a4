//! The target chart: from an indicator and a width to a spec in pixels.
//!
//! One spec feeds two layers: plotters draws the static SVG from it
//! ([`super::svg`]), and the UI lays focusable marks over it at the same
//! coordinates. Text is laid out with [`super::text::width`], so labels are
//! placed the same natively and in the browser.

use crate::words::{Lang, LangExt};
use plan::growth::{implied, Implied, Path};
use plan::indicators::{Indicator, PointKind};
use plan::quantity::Bound;

use super::figure::{DataRow, DataTable, Figure, TipPart};
use super::scale::{nice, Linear};

use super::figure::svg_img;
use super::scene::{
    overlaps, within, Anchor, Hit, HitShape, Label, Prim, Rect, Rgb, Scene, C_GRID, C_INK, C_INK_2,
};
use super::svg;
use super::text::width;
use crate::words::fmt::{bound_in, num, value as fmt_value};
use crate::words::Ctx;
use plan::indicators::group_years;
use plan::Dataset;

pub mod kinds;
mod tips;
pub use kinds::{kind_of, layout, legend_items, ChartKind, LegendItem, Registry, KINDS};
pub use tips::*;

/// Colours (also named in the stylesheet's legend).
pub const C_BASELINE: (u8, u8, u8) = (29, 78, 137);
pub const C_TARGET: (u8, u8, u8) = (201, 74, 12);
/// Commitments (an amount promised for a period).
pub const C_COMMIT: (u8, u8, u8) = (117, 82, 160);
/// Actual values (typed or imported by a visitor), against the plan's path.
pub const C_ACTUAL: (u8, u8, u8) = (0, 128, 96);
pub const C_PATH: (u8, u8, u8) = (107, 117, 128);
pub const C_BAR: (u8, u8, u8) = (76, 127, 191);
pub const C_AXIS: (u8, u8, u8) = (107, 117, 128);

/// Half-width of the band drawn for a "左右" target, relative to the value.
pub const ABOUT_BAND: f64 = 0.05;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Options {
    pub width: f64,
    /// Small multiples: smaller text, fewer ticks, no path label.
    pub compact: bool,
    /// Flows: show running totals instead of yearly values.
    pub cumulative: bool,
    pub lang: Lang,
    /// The year span to show (e.g. the plan period), widened to fit the data.
    pub years: Option<(i32, i32)>,
}

impl Options {
    pub fn detail(width: f64, lang: Lang) -> Options {
        Options {
            width,
            compact: false,
            cumulative: false,
            lang,
            years: None,
        }
    }
    pub fn compact(width: f64, lang: Lang) -> Options {
        Options {
            width,
            compact: true,
            cumulative: false,
            lang,
            years: None,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A reported value: a filled dot.
    Dot,
    /// A target: a ring.
    Ring,
    /// A commitment: a diamond.
    Diamond,
}

/// A data mark: what the overlay makes focusable.
#[derive(Clone, Debug, PartialEq)]
pub struct Mark {
    /// Index into the indicator's points.
    pub point: usize,
    pub x: f64,
    pub y: f64,
    pub shape: Shape,
    pub color: (u8, u8, u8),
    /// "2025年 目标 2.7万亿元"
    pub aria: String,
}

/// How a bound is drawn at a mark.
#[derive(Clone, Debug, PartialEq)]
pub enum Glyph {
    /// ≥ / >: a floor line under the mark and an arrow up.
    Floor { x: f64, y: f64 },
    /// ≤ / <: a ceiling line over the mark and an arrow down.
    Ceiling { x: f64, y: f64 },
    /// 左右: a band around the value.
    Band { x: f64, y0: f64, y1: f64 },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineStyle {
    /// The path a target implies from its baseline (dashed).
    Implied,
    /// Values joined as steps (stocks).
    Steps,
    /// Running total.
    Cumulative,
    /// Actual values (a visitor's), from the baseline: the path taken.
    Actual,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub points: Vec<(f64, f64)>,
    pub style: LineStyle,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub x0: f64,
    pub x1: f64,
    pub y0: f64,
    pub y1: f64,
    /// The colour of its point's kind (a target's bar is a target's colour).
    pub color: Rgb,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// The id of the [`ChartKind`] that laid it out.
    pub kind: &'static str,
    /// Axes, a grid and a shape at each mark (a single value has none).
    pub framed: bool,
    /// The values shown are running totals.
    pub cumulative: bool,
    pub width: f64,
    pub height: f64,
    /// The plot area: (x0, y0, x1, y1).
    pub plot: (f64, f64, f64, f64),
    pub grid: Vec<f64>,
    pub labels: Vec<Label>,
    pub marks: Vec<Mark>,
    pub glyphs: Vec<Glyph>,
    pub lines: Vec<Line>,
    pub bars: Vec<Bar>,
    /// The implied path, if drawn.
    pub implied: Option<Implied>,
    /// A one-sentence description for screen readers.
    pub summary: String,
}

impl ChartSpec {
    /// The chart as primitives (drawn by plotters) and hits (the marks).
    pub fn to_scene(&self) -> Scene {
        let mut s = Scene::new(self.width, self.height);
        s.summary = self.summary.clone();
        let (x0, _, x1, y1) = self.plot;
        if self.framed {
            for gy in &self.grid {
                s.line(vec![(x0, *gy), (x1, *gy)], C_GRID, 1.0);
            }
            s.line(vec![(x0, y1), (x1, y1)], C_AXIS, 1.0);
        }
        for b in &self.bars {
            s.rect(b.x0, b.y1, b.x1, b.y0, b.color, 0.3);
        }
        for g in &self.glyphs {
            match *g {
                Glyph::Band { x, y0, y1 } => {
                    s.rect(x - 8.0, y0, x + 8.0, y1, C_TARGET, 0.18);
                    for y in [y0, y1] {
                        s.line(vec![(x - 8.0, y), (x + 8.0, y)], C_TARGET, 1.0);
                    }
                }
                Glyph::Floor { x, y } => arrow(&mut s, x, y, -1.0),
                Glyph::Ceiling { x, y } => arrow(&mut s, x, y, 1.0),
            }
        }
        for l in &self.lines {
            let (color, alpha, dashed) = match l.style {
                LineStyle::Implied => (C_PATH, 1.0, true),
                LineStyle::Steps => (C_TARGET, 0.6, false),
                LineStyle::Cumulative => (C_BAR, 1.0, false),
                LineStyle::Actual => (C_ACTUAL, 1.0, false),
            };
            // The implied path's in-between years: small dots to point at.
            if l.style == LineStyle::Implied && l.points.len() > 2 {
                for &(x, y) in &l.points[1..l.points.len() - 1] {
                    s.prims.push(Prim::Circle {
                        x,
                        y,
                        r: 2.5,
                        fill: Some((color, 0.9)),
                        stroke: None,
                    });
                }
            }
            s.prims.push(Prim::Line {
                points: l.points.clone(),
                color,
                width: 2.0,
                alpha,
                dashed,
            });
        }
        for m in &self.marks {
            if self.framed {
                match m.shape {
                    Shape::Dot => s.prims.push(Prim::Circle {
                        x: m.x,
                        y: m.y,
                        r: 5.0,
                        fill: Some((m.color, 1.0)),
                        stroke: None,
                    }),
                    Shape::Diamond => s.prims.push(Prim::Poly {
                        points: vec![
                            (m.x, m.y - 7.0),
                            (m.x + 7.0, m.y),
                            (m.x, m.y + 7.0),
                            (m.x - 7.0, m.y),
                        ],
                        fill: m.color,
                        alpha: 1.0,
                    }),
                    Shape::Ring => s.prims.push(Prim::Circle {
                        x: m.x,
                        y: m.y,
                        r: 6.0,
                        fill: Some(((255, 255, 255), 1.0)),
                        stroke: Some((m.color, 3.0)),
                    }),
                }
            }
            s.hits.push(Hit {
                shape: HitShape::Circle {
                    x: m.x,
                    y: m.y,
                    r: 14.0,
                },
                aria: m.aria.clone(),
                href: None,
                ..Default::default()
            });
        }
        for l in &self.labels {
            s.text(l.clone());
        }
        s
    }

    /// The chart's drawing, as the content of an `<svg>` (without the root element).
    pub fn svg_inner(&self) -> String {
        svg::render(&self.to_scene())
    }

    /// A standalone SVG file of the chart: title, drawing, source lines.
    pub fn svg_document(&self, title: &[String], footer: &[String]) -> String {
        svg::scene_document(&self.to_scene(), title, footer)
    }

    /// What labels must not cover: marks, bound glyphs, bars and lines.
    pub fn obstacles(&self) -> Vec<Rect> {
        let mut o: Vec<Rect> = Vec::new();
        if !self.framed {
            return o;
        }
        for m in &self.marks {
            o.push((m.x - 7.0, m.y - 7.0, m.x + 7.0, m.y + 7.0));
        }
        for g in &self.glyphs {
            o.push(match *g {
                Glyph::Floor { x, y } => (x - 11.0, y - 27.0, x + 11.0, y + 2.0),
                Glyph::Ceiling { x, y } => (x - 11.0, y - 2.0, x + 11.0, y + 27.0),
                Glyph::Band { x, y0, y1 } => (x - 8.0, y0.min(y1), x + 8.0, y0.max(y1)),
            });
        }
        for b in &self.bars {
            o.push((b.x0, b.y1.min(b.y0), b.x1, b.y1.max(b.y0)));
        }
        for l in &self.lines {
            for w in l.points.windows(2) {
                let ((x0, y0), (x1, y1)) = (w[0], w[1]);
                let n = (((x1 - x0).hypot(y1 - y0)) / 6.0).ceil().max(1.0) as usize;
                for k in 0..=n {
                    let t = k as f64 / n as f64;
                    let (x, y) = (x0 + t * (x1 - x0), y0 + t * (y1 - y0));
                    o.push((x - 1.5, y - 1.5, x + 1.5, y + 1.5));
                }
            }
        }
        o
    }
}

/// The colour of a point's kind.
pub fn kind_color(k: PointKind) -> Rgb {
    match k {
        PointKind::Baseline => C_BASELINE,
        PointKind::Target => C_TARGET,
        PointKind::Commitment => C_COMMIT,
        PointKind::Actual => C_ACTUAL,
    }
}

/// The label of a point for screen readers and tooltips.
pub fn point_aria(ind: &Indicator, i: usize, lang: Lang) -> String {
    let p = &ind.points[i];
    let t = lang.t();
    let year = t.year_or_undated(p.year);
    let kind = t.point_kind(p.kind);
    format!(
        "{year} {kind} {}",
        crate::words::fmt::amount(p.value, p.bound, ind, lang)
    )
}

/// Required yearly change, in words: "需年均增长8.2%", "需年均提高1.08个百分点".
pub fn implied_words(im: &Implied, lang: Lang) -> String {
    let t = lang.t();
    let at_least = im.bound.is_floor();
    let about = im.bound == Bound::About;
    let (verb, amount) = match im.path {
        Path::Compound => (
            if im.per_year >= 0.0 {
                t.targets.grow
            } else {
                t.targets.fall
            },
            format!("{}%", num(im.per_year.abs(), 1)),
        ),
        Path::Points => (
            if im.per_year >= 0.0 {
                t.targets.rise
            } else {
                t.targets.drop
            },
            format!("{}{}", num(im.per_year.abs(), 2), t.targets.points_unit),
        ),
    };
    t.needs_yearly(verb, &amount, at_least, about)
}

/// One sentence describing the chart: what its marks say (running totals
/// when it shows them) and the growth the target implies.
pub fn summary(ind: &Indicator, marks: &[Mark], im: Option<&Implied>, lang: Lang) -> String {
    let t = lang.t();
    let parts: Vec<&str> = marks.iter().map(|m| m.aria.as_str()).collect();
    let mut s = format!("{}{}{}", ind.name_in(lang), t.colon, parts.join(t.semi));
    if let Some(im) = im {
        s.push_str(t.semi);
        s.push_str(&implied_words(im, lang));
    }
    s
}

/// Exactly what `spec` shows: its marks (in the values shown, running totals
/// included) and the implied path's in-between years.
pub fn data_table(ind: &Indicator, spec: &ChartSpec, opts: Options) -> DataTable {
    let t = opts.lang.t();
    let head = [
        t.targets.col_year,
        t.targets.col_point_kind,
        t.targets.col_value,
        t.targets.col_bound,
        t.targets.col_unit,
        t.targets.col_quote,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut rows: Vec<(i32, DataRow)> = Vec::new();
    let cumulative = spec.cumulative;
    let mut running = 0.0;
    for m in &spec.marks {
        let p = &ind.points[m.point];
        running += p.value;
        let (kind, value) = if cumulative {
            (
                format!(
                    "{}{}",
                    t.point_kind(p.kind),
                    t.paren(t.targets.cumulative.trim_end())
                ),
                running,
            )
        } else {
            (t.point_kind(p.kind).to_string(), p.value)
        };
        rows.push((
            p.year.unwrap_or(i32::MIN),
            DataRow {
                cells: vec![
                    p.year
                        .map(|y| y.to_string())
                        .unwrap_or_else(|| t.undated.to_string()),
                    kind,
                    num(value, 4),
                    t.bound_word(p.bound).to_string(),
                    ind.unit_in(opts.lang).to_string(),
                    p.quote.clone(),
                ],
                point: Some(m.point),
                href: None,
            },
        ));
    }
    if let Some(im) = &spec.implied {
        for &(y, v) in &im.values[1..im.values.len().saturating_sub(1)] {
            rows.push((
                y,
                DataRow {
                    cells: vec![
                        y.to_string(),
                        t.targets.implied_row.to_string(),
                        num(v, 3),
                        String::new(),
                        ind.unit_in(opts.lang).to_string(),
                        String::new(),
                    ],
                    point: None,
                    href: None,
                },
            ));
        }
    }
    rows.sort_by_key(|(y, r)| (*y, r.point.is_none()));
    DataTable {
        head,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
        quotes: true,
    }
}

/// A floor (dir = -1: arrow up) or ceiling (dir = 1: arrow down) at (x, y).
fn arrow(s: &mut Scene, x: f64, y: f64, dir: f64) {
    s.line(vec![(x - 11.0, y), (x + 11.0, y)], C_TARGET, 3.0);
    s.line(vec![(x, y + dir * 8.0), (x, y + dir * 20.0)], C_TARGET, 2.0);
    s.prims.push(Prim::Poly {
        points: vec![
            (x, y + dir * 26.0),
            (x - 5.0, y + dir * 18.0),
            (x + 5.0, y + dir * 18.0),
        ],
        fill: C_TARGET,
        alpha: 1.0,
    });
}

/// An indicator's chart.
pub fn figure(c: Ctx, ind: &Indicator, width: f64, cumulative: bool) -> Figure {
    let opts = chart_options(c.ds, ind, width, false, cumulative, c.lang);
    let kind = kind_of(ind);
    let spec = KINDS.layout(ind, opts);
    let table = kind.table(ind, &spec, opts);
    let mut f = Figure::new(
        spec.to_scene(),
        table,
        ind.name_in(c.lang).to_string(),
        &ind.id,
        c,
    );
    for (hit, m) in f.scene.hits.iter_mut().zip(&spec.marks) {
        hit.tip = Some(point_tip(c, ind, m.point));
    }
    // The implied path's in-between years answer a hover or a key too.
    if let (Some(im), Some(line)) = (
        &spec.implied,
        spec.lines.iter().find(|l| l.style == LineStyle::Implied),
    ) {
        let t = c.t();
        let n = im.values.len().min(line.points.len());
        for k in 1..n.saturating_sub(1) {
            let ((year, v), (x, y)) = (im.values[k], line.points[k]);
            let value = c.value(v, plan::Bound::Eq, ind);
            f.scene.hits.push(super::scene::Hit {
                shape: super::scene::HitShape::Circle { x, y, r: 10.0 },
                aria: format!("{} {} {}", t.year(year), t.targets.implied_row, value),
                tip: Some(vec![
                    TipPart::Head(format!("{} {}", t.year(year), t.targets.implied_row)),
                    TipPart::Value(value, None),
                    TipPart::Note(implied_words(im, c.lang)),
                ]),
                key: format!("implied-{year}"),
                ..Default::default()
            });
        }
    }
    f.table.quotes = true;
    for r in &mut f.table.rows {
        r.href = r.point.map(|i| point_href(c, ind, &ind.points[i]));
    }
    f.legend = legend(c, &kind.legend(ind, &spec));
    if let Some(doc) = c.ds.document(&ind.document) {
        // One source line (the document), then whose drawing it is.
        f.footer = vec![
            format!(
                "{}{}{} {}",
                c.t().source_label,
                c.t().colon,
                doc.code,
                c.doc_title(doc)
            ),
            c.t().app_title_short.to_string(),
        ];
    }
    f
}

/// Chart options for an indicator: its group's years.
pub fn chart_options(
    ds: &Dataset,
    ind: &Indicator,
    width: f64,
    compact: bool,
    cumulative: bool,
    lang: Lang,
) -> Options {
    Options {
        width,
        compact,
        cumulative,
        lang,
        years: group_years(&ds.indicators, &ind.group),
    }
}
