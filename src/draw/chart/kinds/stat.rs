//! A single value (or none dated): the number is the drawing, no axis.

use super::plot::keep_inside;
use super::*;

pub const ID: &str = "stat";

pub struct Stat;

impl ChartKind for Stat {
    fn id(&self) -> &'static str {
        ID
    }

    /// One value, or values without a year: a number to read, not a dot in
    /// an empty frame.
    fn claims(&self, ind: &Indicator) -> bool {
        ind.points.len() <= 1 || dated(ind) == 0
    }

    fn height(&self, _width: f64, compact: bool) -> f64 {
        if compact {
            110.0
        } else {
            150.0
        }
    }

    fn framed(&self) -> bool {
        false
    }

    fn lay(&self, ind: &Indicator, opts: Options, spec: &mut ChartSpec) {
        let t = opts.lang.t();
        let big = if opts.compact { 28.0 } else { 40.0 };
        let small = if opts.compact { 11.0 } else { 13.0 };
        let mut y = big + 8.0;
        for (i, p) in ind.points.iter().enumerate() {
            let text = crate::words::fmt::amount(p.value, p.bound, ind, opts.lang);
            let mut l = Label {
                size: big,
                text,
                x: 0.0,
                y,
                anchor: Anchor::Start,
                color: kind_color(p.kind),
                bold: true,
            };
            // A long number ("13 million people") is set smaller to fit.
            let (x0, _, x1, _) = l.bbox();
            if x1 - x0 > spec.width - 2.0 {
                l.size *= (spec.width - 2.0) / (x1 - x0);
            }
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
        let note = match ind.points.first() {
            Some(p) if p.year.is_some() => {
                format!("{} · {}", t.year_or_undated(p.year), t.point_kind(p.kind))
            }
            _ => t.targets.undated_note.to_string(),
        };
        // The note wraps to the width (an English note is wider than a
        // phone), and the drawing grows to hold it.
        let mut y = y + small;
        for line in crate::draw::text::wrap(&note, small, spec.width - 4.0) {
            spec.labels.push(Label {
                text: line,
                x: 0.0,
                y,
                size: small,
                anchor: Anchor::Start,
                color: C_INK_2,
                bold: false,
            });
            y += small + 4.0;
        }
        spec.height = spec.height.max(y - small);
        spec.plot.3 = spec.height;
        keep_inside(&mut spec.labels, spec.width, spec.height);
        spec.summary = summary(ind, &spec.marks, None, opts.lang);
    }
}
