//! What the framed kinds share: a plot of dated values (domains, ticks,
//! year labels), the lines and bars drawn on it, and its marks with their
//! bound glyphs and value labels placed where they fit.

use super::*;

/// A plot's frame and the values it shows.
pub(super) struct Plot {
    xs: Linear,
    ys: Linear,
    fs: f64,
    /// (point, year, value shown): running totals when `cumulative`.
    shown: Vec<(usize, i32, f64)>,
    cumulative: bool,
}

impl Plot {
    /// Lays out the frame of `ind`'s dated values in `spec`: the unit, the
    /// value ticks and grid, the year labels. `zero`: the value axis starts
    /// at zero.
    pub fn new(
        ind: &Indicator,
        opts: Options,
        spec: &mut ChartSpec,
        cumulative: bool,
        zero: bool,
    ) -> Plot {
        let (w, h) = (spec.width, spec.height);
        // Never below 12 px (the cards' small multiples included).
        let fs = if opts.compact { 12.0 } else { 13.0 };
        let t = opts.lang.t();
        spec.cumulative = cumulative;
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
            dated
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
        if ind.unit == "%" && ind.measure.capped_at_100() && hi <= 100.0 && yhi > 100.0 {
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
            format!("{}{unit}", t.targets.unit_prefix)
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
        Plot {
            xs,
            ys,
            fs,
            shown,
            cumulative,
        }
    }

    fn at(&self, y: i32, v: f64) -> (f64, f64) {
        (self.xs.map(y as f64), self.ys.map(v))
    }

    /// A bar a year, in its point's colour.
    pub fn bars(&self, ind: &Indicator, spec: &mut ChartSpec) {
        let px_per_year = (self.xs.r1 - self.xs.r0) / (self.xs.d1 - self.xs.d0);
        let bw = (px_per_year * 0.5).min(60.0);
        for &(i, y, v) in &self.shown {
            let (cx, top) = self.at(y, v);
            spec.bars.push(Bar {
                x0: cx - bw / 2.0,
                x1: cx + bw / 2.0,
                y0: self.ys.map(0.0),
                y1: top,
                color: kind_color(ind.points[i].kind),
            });
        }
    }

    /// The path a target implies (its words are placed with the marks).
    pub fn implied_line(&self, im: &Implied, spec: &mut ChartSpec) {
        spec.lines.push(Line {
            points: im.values.iter().map(|&(y, v)| self.at(y, v)).collect(),
            style: LineStyle::Implied,
        });
    }

    /// Steps between consecutive values (a stock holds until it changes).
    pub fn steps(&self, spec: &mut ChartSpec) {
        if self.shown.len() < 2 {
            return;
        }
        let mut pts: Vec<(f64, f64)> = Vec::new();
        for &(_, y, v) in &self.shown {
            let (x, yy) = self.at(y, v);
            if let Some(&(_, last)) = pts.last() {
                pts.push((x, last));
            }
            pts.push((x, yy));
        }
        spec.lines.push(Line {
            points: pts,
            style: LineStyle::Steps,
        });
    }

    /// Actual values: the path taken from the baseline, against the
    /// target's (not over running totals).
    pub fn actual_line(&self, ind: &Indicator, spec: &mut ChartSpec) {
        let actual: Vec<(i32, f64)> = self
            .shown
            .iter()
            .filter(|&&(i, _, _)| ind.points[i].kind == PointKind::Actual)
            .map(|&(_, y, v)| (y, v))
            .collect();
        if actual.is_empty() || self.cumulative {
            return;
        }
        let first = actual[0].0;
        let base = self
            .shown
            .iter()
            .filter(|&&(i, y, _)| ind.points[i].kind == PointKind::Baseline && y < first)
            .map(|&(_, y, v)| (y, v))
            .next_back();
        let pts: Vec<(f64, f64)> = base
            .into_iter()
            .chain(actual)
            .map(|(y, v)| self.at(y, v))
            .collect();
        if pts.len() > 1 {
            spec.lines.push(Line {
                points: pts,
                style: LineStyle::Actual,
            });
        }
    }

    /// The running total's line.
    pub fn running_line(&self, spec: &mut ChartSpec) {
        spec.lines.push(Line {
            points: self.shown.iter().map(|&(_, y, v)| self.at(y, v)).collect(),
            style: LineStyle::Cumulative,
        });
    }

    /// The marks, their bound glyphs and value labels, the implied path's
    /// words; then the summary. Last: labels avoid what is drawn.
    pub fn marks(&self, ind: &Indicator, opts: Options, spec: &mut ChartSpec, im: Option<Implied>) {
        let t = opts.lang.t();
        let (fs, cumulative) = (self.fs, self.cumulative);
        let mut value_labels: Vec<Vec<Label>> = Vec::new();
        for &(i, y, v) in &self.shown {
            let p = &ind.points[i];
            let (cx, cy) = self.at(y, v);
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
                        y0: self.ys.map(v * (1.0 + ABOUT_BAND)),
                        y1: self.ys.map(v * (1.0 - ABOUT_BAND)),
                    });
                }
            }
            let mut aria = point_aria(ind, i, opts.lang);
            if cumulative {
                let total = crate::words::fmt::amount(v, Bound::Eq, ind, opts.lang);
                aria = format!(
                    "{aria}{}",
                    t.paren(&format!("{}{}{total}", t.targets.cumulative, t.word_gap))
                );
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
            value_labels.push(value_candidates(text, cx, cy, p.bound, fs, color));
        }
        let frame = (0.0, 0.0, spec.width, spec.height);
        let mut obstacles = spec.obstacles();
        obstacles.extend(spec.labels.iter().map(Label::bbox));
        // The implied path's words, above (or below) the path near its middle.
        if let (Some(im), false) = (&im, opts.compact) {
            let words = implied_words(im, opts.lang);
            let candidates = path_candidates(&words, spec, fs);
            if let Some(l) = first_free(&candidates, &obstacles, frame) {
                obstacles.push(l.bbox());
                spec.labels.push(l);
            }
        }
        // A value with no free place is tried a size smaller, and then left
        // to the mark's tooltip and the data table: a label never covers a
        // mark or another label (a narrow phone, crowded years).
        for candidates in value_labels {
            let smaller: Vec<Label> = candidates
                .iter()
                .map(|c| Label {
                    size: c.size * 0.85,
                    ..c.clone()
                })
                .collect();
            let found = first_free(&candidates, &obstacles, frame)
                .or_else(|| first_free(&smaller, &obstacles, frame));
            if let Some(l) = found {
                obstacles.push(l.bbox());
                spec.labels.push(l);
            }
        }
        keep_inside(&mut spec.labels, spec.width, spec.height);
        spec.summary = summary(ind, &spec.marks, im.as_ref(), opts.lang);
        spec.implied = im;
    }
}

/// Where a mark's value label may go: above, left, right, below, and
/// above to either side (a bound's glyph takes room above or below).
fn value_candidates(
    text: String,
    cx: f64,
    cy: f64,
    bound: Bound,
    fs: f64,
    color: Rgb,
) -> Vec<Label> {
    let above = if bound.is_floor() { 32.0 } else { 10.0 };
    let below = if bound.is_ceiling() { 32.0 } else { 10.0 };
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
    vec![
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
            ..base
        },
    ]
}

/// Where the implied path's words may go: above or below the path, from
/// its middle outwards.
fn path_candidates(words: &str, spec: &ChartSpec, fs: f64) -> Vec<Label> {
    let lw = width(words, fs);
    let pts = spec
        .lines
        .iter()
        .find(|l| l.style == LineStyle::Implied)
        .map(|l| l.points.clone())
        .unwrap_or_default();
    let mut candidates = Vec::new();
    if pts.is_empty() {
        return candidates;
    }
    for f in [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8] {
        let x = pts[0].0 + (pts[pts.len() - 1].0 - pts[0].0) * f;
        let ya = path_y(&pts, x - lw / 2.0).min(path_y(&pts, x + lw / 2.0));
        let yb = path_y(&pts, x - lw / 2.0).max(path_y(&pts, x + lw / 2.0));
        let l = Label {
            text: words.to_string(),
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
    candidates
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
pub(super) fn keep_inside(labels: &mut [Label], w: f64, h: f64) {
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
