//! The target chart: from an indicator and a width to a spec in pixels.
//!
//! One spec feeds two layers: plotters draws the static SVG from it
//! ([`super::svg`]), and the UI lays focusable marks over it at the same
//! coordinates. Text is laid out with [`super::text::width`], so labels are
//! placed the same natively and in the browser.

use crate::words::{Lang, LangExt};
use plan::growth::{implied, Implied, Path};
use plan::indicators::{Indicator, Measure, PointKind};
use plan::quantity::Bound;

use super::figure::{DataRow, DataTable, Figure};
use super::scale::{nice, Linear};
use std::fmt::Write;

use super::figure::svg_img;
use super::scene::{
    overlaps, within, Anchor, Hit, HitShape, Label, Prim, Rect, Rgb, Scene, C_GRID, C_INK, C_INK_2,
};
use super::svg;
use super::text::width;
use crate::markup::{a, esc, marked, txt};
use crate::words::fmt::{bound_in, num, value as fmt_value, value_in};
use crate::words::Ctx;
use plan::indicators::group_years;
use plan::Dataset;

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

/// What kind of chart an indicator gets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Dated values: points over years (baseline, targets, implied path).
    Time,
    /// Yearly flows: bars (or running totals).
    Bars,
    /// Undated values: a single statement, no axis.
    Stat,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    pub kind: Kind,
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
        if self.kind != Kind::Stat {
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
            s.prims.push(Prim::Line {
                points: l.points.clone(),
                color,
                width: 2.0,
                alpha,
                dashed,
            });
        }
        for m in &self.marks {
            if self.kind != Kind::Stat {
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
        if self.kind == Kind::Stat {
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

/// The kind of chart an indicator gets.
pub fn kind_of(ind: &Indicator) -> Kind {
    // One value (or none dated) is a number to read, not a dot in an
    // empty frame.
    if ind.points.len() <= 1 || ind.points.iter().all(|p| p.year.is_none()) {
        return Kind::Stat;
    }
    match ind.measure {
        Measure::Flow if ind.points.iter().filter(|p| p.year.is_some()).count() > 1 => Kind::Bars,
        _ => Kind::Time,
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
        value_in(p.value, p.bound, ind.unit_in(lang), lang)
    )
}

/// Required yearly change, in words: "需年均增长8.2%", "需年均提高1.08个百分点".
pub fn implied_words(im: &Implied, lang: Lang) -> String {
    let t = lang.t();
    let at_least = im.bound.is_floor();
    let about = im.bound == Bound::About;
    let (verb, amount) = match im.path {
        Path::Compound => (
            if im.per_year >= 0.0 { t.grow } else { t.fall },
            format!("{}%", num(im.per_year.abs(), 1)),
        ),
        Path::Points => (
            if im.per_year >= 0.0 { t.rise } else { t.drop },
            format!("{}{}", num(im.per_year.abs(), 2), t.points_unit),
        ),
    };
    t.needs_yearly(verb, &amount, at_least, about)
}

/// Lay out `ind` at `opts.width`.
pub fn layout(ind: &Indicator, opts: Options) -> ChartSpec {
    let kind = kind_of(ind);
    let w = opts.width.max(200.0);
    let fs = if opts.compact { 11.0 } else { 13.0 };
    let h = match (kind, opts.compact) {
        (Kind::Stat, true) => 110.0,
        (Kind::Stat, false) => 150.0,
        (_, true) => (w * 0.5).clamp(140.0, 190.0),
        (_, false) => (w * 0.55).clamp(260.0, 420.0),
    };
    let t = opts.lang.t();
    let mut spec = ChartSpec {
        kind,
        width: w,
        height: h,
        plot: (0.0, 0.0, w, h),
        grid: vec![],
        labels: vec![],
        marks: vec![],
        glyphs: vec![],
        lines: vec![],
        bars: vec![],
        implied: None,
        summary: String::new(),
    };
    if kind == Kind::Stat {
        layout_stat(ind, opts, &mut spec);
        return spec;
    }

    // Values to show: yearly points; for flows, maybe running totals.
    let cumulative = kind == Kind::Bars && opts.cumulative;
    let dated: Vec<(usize, i32, f64)> = ind
        .points
        .iter()
        .enumerate()
        .filter_map(|(i, p)| p.year.map(|y| (i, y, p.value)))
        .collect();
    let shown: Vec<(usize, i32, f64)> = if cumulative {
        let mut sum = 0.0;
        dated
            .iter()
            .map(|&(i, y, v)| {
                sum += v;
                (i, y, sum)
            })
            .collect()
    } else {
        dated.clone()
    };
    let im = if kind == Kind::Time {
        implied(ind)
    } else {
        None
    };

    // Domains.
    let span = opts.years.unwrap_or((i32::MAX, i32::MIN));
    let y_min = shown.iter().map(|s| s.1).min().unwrap_or(2019).min(span.0);
    let y_max = shown.iter().map(|s| s.1).max().unwrap_or(2025).max(span.1);
    let (x0d, x1d) = if y_min == y_max {
        (y_min as f64 - 1.0, y_max as f64 + 1.0)
    } else {
        (y_min as f64 - 0.5, y_max as f64 + 0.5)
    };
    let mut vals: Vec<f64> = shown.iter().map(|s| s.2).collect();
    for &(i, _, v) in &shown {
        if ind.points[i].bound == Bound::About {
            vals.push(v * (1.0 + ABOUT_BAND));
            vals.push(v * (1.0 - ABOUT_BAND));
        }
    }
    let zero = matches!(
        ind.measure,
        Measure::Level | Measure::Count | Measure::Stock | Measure::Flow
    ) || kind == Kind::Bars;
    let lo = vals.iter().cloned().fold(f64::INFINITY, f64::min);
    let hi = vals.iter().cloned().fold(f64::NEG_INFINITY, f64::max);
    let (lo, hi) = if zero {
        (lo.min(0.0), hi)
    } else {
        let pad = ((hi - lo) * 0.25).max(hi.abs() * 0.05);
        (lo - pad, hi + pad)
    };
    let ticks_n = if opts.compact { 3 } else { 5 };
    let (ylo, mut yhi, mut yticks) = nice(lo, hi * 1.08, ticks_n);
    // A share never passes 100%: its axis stops there.
    if ind.unit == "%" && ind.measure == Measure::Share && hi <= 100.0 && yhi > 100.0 {
        yhi = 100.0;
        yticks.retain(|v| *v <= 100.0);
    }

    // Margins from the widest tick label.
    let tick_labels: Vec<String> = yticks.iter().map(|v| num(*v, 3)).collect();
    let tick_w = tick_labels.iter().map(|s| width(s, fs)).fold(0.0, f64::max);
    let unit = ind.unit_short_in(opts.lang);
    let unit_line = if unit.is_empty() {
        String::new()
    } else {
        format!("{}{unit}", t.unit_prefix)
    };
    let top = if opts.compact { 22.0 } else { 30.0 };
    let left = tick_w + 10.0;
    let right = if opts.compact { 14.0 } else { 24.0 };
    let bottom = fs + 12.0;
    let plot = (left, top, w - right, h - bottom);
    spec.plot = plot;
    let xs = Linear::new((x0d, x1d), (plot.0, plot.2));
    let ys = Linear::new((ylo, yhi), (plot.3, plot.1));

    // Unit, top left.
    spec.labels.push(Label {
        text: unit_line,
        x: 0.0,
        y: fs,
        size: fs,
        anchor: Anchor::Start,
        color: C_INK_2,
        bold: false,
    });
    for (v, s) in yticks.iter().zip(tick_labels) {
        let y = ys.map(*v);
        spec.grid.push(y);
        spec.labels.push(Label {
            text: s,
            x: left - 6.0,
            y: y + fs * 0.35,
            size: fs,
            anchor: Anchor::End,
            color: C_INK_2,
            bold: false,
        });
    }
    // Year ticks: every year that fits.
    let years: Vec<i32> = ((x0d.ceil() as i32)..=(x1d.floor() as i32)).collect();
    let year_w = width("2025", fs) + 8.0;
    let px_per_year = (plot.2 - plot.0) / (x1d - x0d);
    let every = ((year_w / px_per_year).ceil() as i32).max(1);
    for y in &years {
        let is_data = shown.iter().any(|s| s.1 == *y);
        if (*y - years[0]) % every == 0 || is_data {
            spec.labels.push(Label {
                text: y.to_string(),
                x: xs.map(*y as f64),
                y: h - 4.0,
                size: fs,
                anchor: Anchor::Middle,
                color: if is_data { C_INK } else { C_INK_2 },
                bold: is_data,
            });
        }
    }
    // Drop year labels that would overlap a data year's label.
    dedupe_labels(&mut spec.labels);

    // Bars (flows).
    if kind == Kind::Bars {
        let bw = (px_per_year * 0.5).min(60.0);
        for &(i, y, v) in &shown {
            let cx = xs.map(y as f64);
            spec.bars.push(Bar {
                x0: cx - bw / 2.0,
                x1: cx + bw / 2.0,
                y0: ys.map(0.0),
                y1: ys.map(v),
                color: kind_color(ind.points[i].kind),
            });
        }
    }

    // The implied path (its label is placed once marks and glyphs are known).
    if let Some(im) = &im {
        let pts: Vec<(f64, f64)> = im
            .values
            .iter()
            .map(|(y, v)| (xs.map(*y as f64), ys.map(*v)))
            .collect();
        spec.lines.push(Line {
            points: pts,
            style: LineStyle::Implied,
        });
    }
    // Stocks: steps between consecutive dated values.
    if ind.measure == Measure::Stock && shown.len() > 1 {
        let mut pts = Vec::new();
        for (k, &(_, y, v)) in shown.iter().enumerate() {
            let x = xs.map(y as f64);
            if k > 0 {
                pts.push((x, pts.last().map(|p: &(f64, f64)| p.1).unwrap_or(ys.map(v))));
            }
            pts.push((x, ys.map(v)));
        }
        spec.lines.push(Line {
            points: pts,
            style: LineStyle::Steps,
        });
    }
    // Actual values: the path taken from the baseline, against the target's.
    let actual: Vec<(i32, f64)> = shown
        .iter()
        .filter(|&&(i, _, _)| ind.points[i].kind == PointKind::Actual)
        .map(|&(_, y, v)| (y, v))
        .collect();
    if !actual.is_empty() && !cumulative {
        let first = actual[0].0;
        let base = shown
            .iter()
            .filter(|&&(i, y, _)| ind.points[i].kind == PointKind::Baseline && y < first)
            .map(|&(_, y, v)| (y, v))
            .next_back();
        let pts: Vec<(f64, f64)> = base
            .into_iter()
            .chain(actual)
            .map(|(y, v)| (xs.map(y as f64), ys.map(v)))
            .collect();
        if pts.len() > 1 {
            spec.lines.push(Line {
                points: pts,
                style: LineStyle::Actual,
            });
        }
    }
    if cumulative {
        spec.lines.push(Line {
            points: shown
                .iter()
                .map(|&(_, y, v)| (xs.map(y as f64), ys.map(v)))
                .collect(),
            style: LineStyle::Cumulative,
        });
    }

    // Marks, glyphs and value labels.
    let mut value_labels: Vec<Vec<Label>> = Vec::new();
    for &(i, y, v) in &shown {
        let p = &ind.points[i];
        let (cx, cy) = (xs.map(y as f64), ys.map(v));
        let (shape, color) = match p.kind {
            PointKind::Baseline => (Shape::Dot, C_BASELINE),
            PointKind::Target => (Shape::Ring, C_TARGET),
            PointKind::Commitment => (Shape::Diamond, C_COMMIT),
            PointKind::Actual => (Shape::Dot, C_ACTUAL),
        };
        if !cumulative {
            if p.bound.is_floor() {
                spec.glyphs.push(Glyph::Floor { x: cx, y: cy });
            } else if p.bound.is_ceiling() {
                spec.glyphs.push(Glyph::Ceiling { x: cx, y: cy });
            } else if p.bound == Bound::About {
                spec.glyphs.push(Glyph::Band {
                    x: cx,
                    y0: ys.map(v * (1.0 + ABOUT_BAND)),
                    y1: ys.map(v * (1.0 - ABOUT_BAND)),
                });
            }
        }
        let mut aria = point_aria(ind, i, opts.lang);
        if cumulative {
            let total = value_in(v, Bound::Eq, ind.unit_in(opts.lang), opts.lang);
            let sp = if opts.lang == Lang::Zh { "" } else { " " };
            aria = format!("{aria}{}", t.paren(&format!("{}{sp}{total}", t.cumulative)));
        }
        spec.marks.push(Mark {
            point: i,
            x: cx,
            y: cy,
            shape,
            color,
            aria,
        });
        let text = if cumulative {
            fmt_value(v)
        } else {
            bound_in(v, p.bound, opts.lang)
        };
        let above = if p.bound.is_floor() { 32.0 } else { 10.0 };
        let below = if p.bound.is_ceiling() { 32.0 } else { 10.0 };
        let base = Label {
            text,
            x: cx,
            y: cy - above,
            size: fs,
            anchor: Anchor::Middle,
            color,
            bold: true,
        };
        let mid_y = cy + fs * 0.35;
        value_labels.push(vec![
            base.clone(),
            Label {
                x: cx - 12.0,
                y: mid_y,
                anchor: Anchor::End,
                ..base.clone()
            },
            Label {
                x: cx + 12.0,
                y: mid_y,
                anchor: Anchor::Start,
                ..base.clone()
            },
            Label {
                y: cy + below + fs * 0.9,
                ..base.clone()
            },
            Label {
                x: cx - 14.0,
                y: cy - above,
                anchor: Anchor::End,
                ..base.clone()
            },
            Label {
                x: cx + 14.0,
                y: cy - above,
                anchor: Anchor::Start,
                ..base.clone()
            },
        ]);
    }
    let frame = (0.0, 0.0, w, h);
    let mut obstacles = spec.obstacles();
    obstacles.extend(spec.labels.iter().map(Label::bbox));
    // The implied path's words, above (or below) the path near its middle.
    if let (Some(im), false) = (&im, opts.compact) {
        let words = implied_words(im, opts.lang);
        let lw = width(&words, fs);
        let pts = &spec
            .lines
            .iter()
            .find(|l| l.style == LineStyle::Implied)
            .map(|l| l.points.clone())
            .unwrap_or_default();
        let mut candidates = Vec::new();
        for f in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8] {
            let x = pts[0].0 + (pts[pts.len() - 1].0 - pts[0].0) * f;
            let ya = path_y(pts, x - lw / 2.0).min(path_y(pts, x + lw / 2.0));
            let yb = path_y(pts, x - lw / 2.0).max(path_y(pts, x + lw / 2.0));
            let l = Label {
                text: words.clone(),
                x,
                y: ya - 8.0,
                size: fs,
                anchor: Anchor::Middle,
                color: C_PATH,
                bold: false,
            };
            candidates.push(l.clone());
            candidates.push(Label {
                y: yb + fs + 6.0,
                ..l
            });
        }
        if let Some(l) = first_free(&candidates, &obstacles, frame) {
            obstacles.push(l.bbox());
            spec.labels.push(l);
        }
    }
    for candidates in value_labels {
        let l = first_free(&candidates, &obstacles, frame).unwrap_or_else(|| candidates[0].clone());
        obstacles.push(l.bbox());
        spec.labels.push(l);
    }
    keep_inside(&mut spec.labels, w, h);
    spec.summary = summary(ind, &spec.marks, im.as_ref(), opts.lang);
    spec.implied = im;
    spec
}

fn layout_stat(ind: &Indicator, opts: Options, spec: &mut ChartSpec) {
    let t = opts.lang.t();
    let big = if opts.compact { 28.0 } else { 40.0 };
    let small = if opts.compact { 11.0 } else { 13.0 };
    let mut y = big + 8.0;
    for (i, p) in ind.points.iter().enumerate() {
        let text = value_in(p.value, p.bound, ind.unit_in(opts.lang), opts.lang);
        let l = Label {
            text,
            x: 0.0,
            y,
            size: big,
            anchor: Anchor::Start,
            color: kind_color(p.kind),
            bold: true,
        };
        let bb = l.bbox();
        spec.marks.push(Mark {
            point: i,
            x: (bb.0 + bb.2) / 2.0,
            y: (bb.1 + bb.3) / 2.0,
            shape: Shape::Dot,
            color: kind_color(p.kind),
            aria: point_aria(ind, i, opts.lang),
        });
        spec.labels.push(l);
        y += big + 4.0;
        if i >= 1 {
            break;
        }
    }
    spec.labels.push(Label {
        text: match ind.points.first() {
            Some(p) if p.year.is_some() => {
                format!("{} · {}", t.year_or_undated(p.year), t.point_kind(p.kind))
            }
            _ => t.undated_note.to_string(),
        },
        x: 0.0,
        y: (y + small).min(spec.height - 4.0),
        size: small,
        anchor: Anchor::Start,
        color: C_INK_2,
        bold: false,
    });
    keep_inside(&mut spec.labels, spec.width, spec.height);
    spec.summary = summary(ind, &spec.marks, None, opts.lang);
}

/// Remove axis labels that overlap an earlier (data-year) label.
fn dedupe_labels(labels: &mut Vec<Label>) {
    let mut kept: Vec<Label> = Vec::new();
    // Data years (bold) first, so they win.
    labels.sort_by_key(|l| !l.bold);
    for l in labels.drain(..) {
        if !kept.iter().any(|k| overlaps(k.bbox(), l.bbox())) {
            kept.push(l);
        }
    }
    *labels = kept;
}

/// The first candidate inside the frame that overlaps nothing.
fn first_free(candidates: &[Label], obstacles: &[Rect], frame: Rect) -> Option<Label> {
    candidates
        .iter()
        .find(|c| {
            let bb = c.bbox();
            within(bb, frame) && !obstacles.iter().any(|o| overlaps(*o, bb))
        })
        .cloned()
}

/// The y of a polyline at x (clamped to its ends).
fn path_y(pts: &[(f64, f64)], x: f64) -> f64 {
    if pts.is_empty() {
        return 0.0;
    }
    if x <= pts[0].0 {
        return pts[0].1;
    }
    for w in pts.windows(2) {
        let ((x0, y0), (x1, y1)) = (w[0], w[1]);
        if x <= x1 {
            let t = if x1 == x0 { 0.0 } else { (x - x0) / (x1 - x0) };
            return y0 + t * (y1 - y0);
        }
    }
    pts[pts.len() - 1].1
}

/// Shift labels so they stay inside the frame.
fn keep_inside(labels: &mut [Label], w: f64, h: f64) {
    for l in labels {
        let (x0, y0, x1, y1) = l.bbox();
        if x0 < 0.0 {
            l.x -= x0;
        }
        if x1 > w {
            l.x -= x1 - w;
        }
        if y0 < 0.0 {
            l.y -= y0;
        }
        if y1 > h {
            l.y -= y1 - h;
        }
    }
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
        t.col_year,
        t.col_point_kind,
        t.col_value,
        t.col_bound,
        t.col_unit,
        t.col_quote,
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    let mut rows: Vec<(i32, DataRow)> = Vec::new();
    let cumulative = spec.kind == Kind::Bars && opts.cumulative;
    let mut running = 0.0;
    for m in &spec.marks {
        let p = &ind.points[m.point];
        running += p.value;
        let (kind, value) = if cumulative {
            (
                format!(
                    "{}{}",
                    t.point_kind(p.kind),
                    t.paren(t.cumulative.trim_end())
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
                        t.implied_row.to_string(),
                        num(v, 3),
                        String::new(),
                        ind.unit_in(opts.lang).to_string(),
                        String::new(),
                    ],
                    point: None,
                },
            ));
        }
    }
    rows.sort_by_key(|(y, r)| (*y, r.point.is_none()));
    DataTable {
        head,
        rows: rows.into_iter().map(|(_, r)| r).collect(),
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
    let spec = layout(ind, opts);
    let table = data_table(ind, &spec, opts);
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
    f.table_html = data_table_html(c, ind, &f.table);
    f.legend = legend(c, ind, &spec);
    if let Some(doc) = c.ds.document(&ind.document) {
        f.footer.insert(
            0,
            format!(
                "{}{}{} {}",
                c.t().col_quote,
                c.t().colon,
                doc.code,
                c.doc_title(doc)
            ),
        );
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

/// What the chart's marks and glyphs mean.
pub fn legend(c: Ctx, ind: &Indicator, spec: &ChartSpec) -> String {
    use crate::draw::chart::Glyph;
    let t = c.t();
    let mut h = String::from("<ul class=\"legend\">");
    let mut item = |class: &str, label: &str| {
        let _ = write!(h, "<li class=\"{class}\">{}</li>", esc(label));
    };
    if ind
        .points
        .iter()
        .any(|p| p.kind == plan::PointKind::Baseline)
    {
        item("lg-baseline", t.legend_baseline);
    }
    if ind.points.iter().any(|p| p.kind == plan::PointKind::Target) {
        item("lg-target", t.legend_target);
    }
    if ind
        .points
        .iter()
        .any(|p| p.kind == plan::PointKind::Commitment)
    {
        item("lg-commitment", t.legend_commitment);
    }
    if !spec.bars.is_empty() {
        item("lg-bars", t.legend_bars);
    }
    if ind.points.iter().any(|p| p.kind == plan::PointKind::Actual) {
        item("lg-actual", t.legend_actual);
    }
    if spec.implied.is_some() {
        item("lg-path", t.legend_path);
    }
    if spec.glyphs.iter().any(|g| matches!(g, Glyph::Floor { .. })) {
        item("lg-floor", t.legend_floor);
    }
    if spec
        .glyphs
        .iter()
        .any(|g| matches!(g, Glyph::Ceiling { .. }))
    {
        item("lg-ceiling", t.legend_ceiling);
    }
    if spec.glyphs.iter().any(|g| matches!(g, Glyph::Band { .. })) {
        item("lg-band", t.legend_band);
    }
    h.push_str("</ul>");
    h
}

/// A chart's data table, each shown point linked to its source sentence.
pub fn data_table_html(c: Ctx, ind: &Indicator, table: &DataTable) -> String {
    let mut h = String::from("<table class=\"data-table stack\"><thead><tr>");
    for col in &table.head {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(col));
    }
    h.push_str("</tr></thead><tbody>");
    for r in &table.rows {
        let _ = write!(
            h,
            "<tr{}>",
            if r.point.is_none() {
                " class=\"implied\""
            } else {
                ""
            }
        );
        for (cell, col) in r.cells[..r.cells.len() - 1].iter().zip(&table.head) {
            let _ = write!(h, "<td data-label=\"{}\">{}</td>", esc(col), txt(cell));
        }
        let _ = write!(
            h,
            "<td class=\"quote-cell\" data-label=\"{}\">",
            esc(table.head.last().map_or("", String::as_str))
        );
        if let Some(i) = r.point {
            let p = &ind.points[i];
            h.push_str(&a(
                &c.source_href(source_of(c, ind, p), p.lines.start, p.lines.end),
                &r.cells[r.cells.len() - 1],
            ));
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// The document a point's quote is in: its indicator's, or for an actual
/// value the import whose line it is.
fn source_of<'a>(c: Ctx<'a>, ind: &'a Indicator, p: &plan::Point) -> &'a str {
    if p.kind == PointKind::Actual {
        let line = p.lines.start.saturating_sub(1) as usize;
        if let Some(d) = c.ds.documents.iter().find(|d| {
            !d.text.is_empty()
                && d.text
                    .lines()
                    .nth(line)
                    .is_some_and(|l| l.contains(p.quote.trim()))
        }) {
            return &d.id;
        }
    }
    &ind.document
}

/// The tooltip of a point: when, what, the sentence (snippet marked), its link.
pub fn point_tip(c: Ctx, ind: &Indicator, i: usize) -> String {
    let t = c.t();
    let p = &ind.points[i];
    let mut h = format!(
        "<p class=\"tip-head\">{} {}</p><p class=\"tip-value\">{}</p>",
        esc(&t.year_or_undated(p.year)),
        esc(t.point_kind(p.kind)),
        esc(&c.value(p.value, p.bound, ind)),
    );
    // The quantity as the text writes it, where that says more (1/7).
    if c.lang == Lang::En || p.written != value_in(p.value, p.bound, &ind.unit, Lang::Zh) {
        let _ = write!(
            h,
            "<p class=\"tip-written\">{}{}<span lang=\"zh-CN\">{}</span></p>",
            esc(t.as_written),
            t.colon,
            esc(&p.written)
        );
    }
    let note = match c.lang {
        Lang::Zh => p.note.as_ref(),
        Lang::En => p.note_en.as_ref().or(p.note.as_ref()),
    };
    if let Some(n) = note {
        let _ = write!(h, "<p class=\"tip-note\">{}</p>", txt(n));
    }
    if let Some(r) = p.reading.as_ref().or(ind.reading.as_ref()) {
        h.push_str(&reading_html(c, r, "tip-reading"));
    }
    let _ = write!(
        h,
        "<blockquote class=\"tip-quote\" lang=\"zh-CN\">{}</blockquote><a class=\"tip-link\" href=\"{}\">{} →</a>",
        marked(&p.quote, std::slice::from_ref(&p.snippet.to_lowercase())),
        esc(&c.source_href(source_of(c, ind, p), p.lines.start, p.lines.end)),
        esc(t.open_in_source)
    );
    h
}

/// Why a value is read as it is: the kind of judgement and its reason.
pub fn reading_html(c: Ctx, r: &plan::indicators::Reading, class: &str) -> String {
    let t = c.t();
    format!(
        "<p class=\"{class}\"><strong>{}{}</strong>{}</p>",
        esc(t.reading_label),
        esc(&t.paren(t.judgement(r.judgement))),
        txt(t.reason(r))
    )
}

/// An `<svg>` element holding a chart's drawing.
pub fn svg_html(spec: &ChartSpec, class: &str) -> String {
    let scene = spec.to_scene();
    svg_img(&scene, &svg::render(&scene), class)
}
