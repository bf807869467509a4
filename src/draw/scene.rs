//! A scene: the primitives of one drawing, in pixels, and the areas the UI
//! makes focusable. Every view spec (target charts, load bars, heatmaps,
//! networks, the map) becomes a scene; [`super::svg`] draws scenes with
//! plotters, the UI lays the hits over them.

use super::text::width;

pub type Rgb = (u8, u8, u8);

/// Ink and grid colours every drawing shares.
pub const C_GRID: Rgb = (226, 230, 234);
pub const C_INK: Rgb = (29, 35, 41);
pub const C_INK_2: Rgb = (74, 85, 96);

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// A line of text at a position (baseline at `y`).
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub size: f64,
    pub anchor: Anchor,
    pub color: (u8, u8, u8),
    pub bold: bool,
}

impl Label {
    /// The box the text covers: (x0, y0, x1, y1).
    pub fn bbox(&self) -> Rect {
        // Bold Latin letters run wider than the estimate's regular ones.
        let w = width(&self.text, self.size) * if self.bold { 1.08 } else { 1.0 };
        let x0 = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        (
            x0,
            self.y - self.size * 0.88,
            x0 + w,
            self.y + self.size * 0.2,
        )
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum Prim {
    Rect {
        x0: f64,
        y0: f64,
        x1: f64,
        y1: f64,
        fill: Rgb,
        alpha: f64,
    },
    /// An open polyline.
    Line {
        points: Vec<(f64, f64)>,
        color: Rgb,
        width: f64,
        alpha: f64,
        dashed: bool,
    },
    Circle {
        x: f64,
        y: f64,
        r: f64,
        fill: Option<(Rgb, f64)>,
        stroke: Option<(Rgb, f64)>,
    },
    /// A filled polygon.
    Poly {
        points: Vec<(f64, f64)>,
        fill: Rgb,
        alpha: f64,
    },
    Text(Label),
}

impl Prim {
    /// The primitive moved by (dx, dy).
    pub fn shifted(self, dx: f64, dy: f64) -> Prim {
        let mv = |pts: Vec<(f64, f64)>| pts.into_iter().map(|(x, y)| (x + dx, y + dy)).collect();
        match self {
            Prim::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
                alpha,
            } => Prim::Rect {
                x0: x0 + dx,
                y0: y0 + dy,
                x1: x1 + dx,
                y1: y1 + dy,
                fill,
                alpha,
            },
            Prim::Line {
                points,
                color,
                width,
                alpha,
                dashed,
            } => Prim::Line {
                points: mv(points),
                color,
                width,
                alpha,
                dashed,
            },
            Prim::Circle {
                x,
                y,
                r,
                fill,
                stroke,
            } => Prim::Circle {
                x: x + dx,
                y: y + dy,
                r,
                fill,
                stroke,
            },
            Prim::Poly {
                points,
                fill,
                alpha,
            } => Prim::Poly {
                points: mv(points),
                fill,
                alpha,
            },
            Prim::Text(l) => Prim::Text(Label {
                x: l.x + dx,
                y: l.y + dy,
                ..l
            }),
        }
    }
}

/// The area of a focusable item.
#[derive(Clone, Debug, PartialEq)]
pub enum HitShape {
    Circle { x: f64, y: f64, r: f64 },
    Rect { x: f64, y: f64, w: f64, h: f64 },
}

impl Default for HitShape {
    fn default() -> Self {
        HitShape::Rect {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0,
        }
    }
}

impl HitShape {
    /// The shape moved by (dx, dy).
    pub fn shifted(self, dx: f64, dy: f64) -> HitShape {
        match self {
            HitShape::Circle { x, y, r } => HitShape::Circle {
                x: x + dx,
                y: y + dy,
                r,
            },
            HitShape::Rect { x, y, w, h } => HitShape::Rect {
                x: x + dx,
                y: y + dy,
                w,
                h,
            },
        }
    }
    pub fn center(&self) -> (f64, f64) {
        match *self {
            HitShape::Circle { x, y, .. } => (x, y),
            HitShape::Rect { x, y, w, h } => (x + w / 2.0, y + h / 2.0),
        }
    }
}

/// A tooltip, part by part, as data (`pages::figure::tip_html` writes its HTML).
pub type Tip = Vec<TipPart>;

#[derive(Clone, Debug, PartialEq)]
pub enum TipPart {
    /// What the mark is: its year and kind, a place's kind, a category.
    Head(String),
    /// What it amounts to, then (if any) Chinese text beside it (a task's).
    Value(String, Option<String>),
    /// A line of explanation.
    Line(String),
    /// The quantity as the source writes it, after its label.
    Written {
        label: String,
        text: String,
    },
    Note(String),
    /// Why a value is read as it is: the label (with the judgement) and why.
    Reading {
        label: String,
        reason: String,
    },
    /// The source sentence (Chinese), the fragments to mark in it.
    Quote {
        text: String,
        marks: Vec<String>,
    },
    /// A list (the tasks a cell or a node counts).
    Items(Vec<TipItem>),
    /// Where to read on.
    Link {
        href: String,
        label: String,
    },
}

/// An item of a tooltip's list: its words, Chinese text after them, its link.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TipItem {
    pub text: String,
    pub zh: Option<String>,
    pub href: Option<String>,
}

/// A focusable item: where it is, what a screen reader says, where it
/// leads, what it shows when active, and what it stands for.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Hit {
    pub shape: HitShape,
    pub aria: String,
    /// A link followed on click or Enter (when the item has no tooltip link).
    pub href: Option<String>,
    /// The tooltip, if any.
    pub tip: Option<Tip>,
    /// SVG drawn over the figure while the hit is active (a node's neighbours).
    pub highlight: String,
    /// The id of what the hit stands for (a place id on the map), or "".
    pub key: String,
    /// Where hits overlap, the higher `z` is on top (a city over a park
    /// beside it); the order of the hits stays their keyboard order.
    pub z: u32,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scene {
    pub width: f64,
    pub height: f64,
    pub prims: Vec<Prim>,
    pub hits: Vec<Hit>,
    /// One sentence for screen readers.
    pub summary: String,
}

impl Scene {
    pub fn new(width: f64, height: f64) -> Scene {
        Scene {
            width,
            height,
            ..Default::default()
        }
    }
    pub fn rect(&mut self, x0: f64, y0: f64, x1: f64, y1: f64, fill: Rgb, alpha: f64) {
        self.prims.push(Prim::Rect {
            x0: x0.min(x1),
            y0: y0.min(y1),
            x1: x0.max(x1),
            y1: y0.max(y1),
            fill,
            alpha,
        });
    }
    pub fn line(&mut self, points: Vec<(f64, f64)>, color: Rgb, width: f64) {
        self.prims.push(Prim::Line {
            points,
            color,
            width,
            alpha: 1.0,
            dashed: false,
        });
    }
    pub fn text(&mut self, l: Label) {
        self.prims.push(Prim::Text(l));
    }
}

/// A box: (x0, y0, x1, y1).
pub type Rect = (f64, f64, f64, f64);

/// Whether two boxes overlap (touching edges do not).
pub fn overlaps(a: Rect, b: Rect) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// Whether box `b` lies inside `frame`.
pub fn within(b: Rect, frame: Rect) -> bool {
    b.0 >= frame.0 && b.2 <= frame.2 && b.1 >= frame.1 && b.3 <= frame.3
}

/// The parts of a polyline inside a box (Liang–Barsky per segment).
pub fn clip_polyline(pts: &[(f64, f64)], b: Rect) -> Vec<Vec<(f64, f64)>> {
    let mut pieces: Vec<Vec<(f64, f64)>> = Vec::new();
    let mut cur: Vec<(f64, f64)> = Vec::new();
    for w in pts.windows(2) {
        let (a, c) = (w[0], w[1]);
        let (dx, dy) = (c.0 - a.0, c.1 - a.1);
        let (mut t0, mut t1) = (0.0f64, 1.0f64);
        let mut ok = true;
        for (p, q) in [
            (-dx, a.0 - b.0),
            (dx, b.2 - a.0),
            (-dy, a.1 - b.1),
            (dy, b.3 - a.1),
        ] {
            if p == 0.0 {
                if q < 0.0 {
                    ok = false;
                    break;
                }
            } else {
                let t = q / p;
                if p < 0.0 {
                    t0 = t0.max(t);
                } else {
                    t1 = t1.min(t);
                }
            }
        }
        if !ok || t0 > t1 {
            if cur.len() > 1 {
                pieces.push(std::mem::take(&mut cur));
            }
            cur.clear();
            continue;
        }
        let s = (a.0 + t0 * dx, a.1 + t0 * dy);
        let e = (a.0 + t1 * dx, a.1 + t1 * dy);
        if cur.last() != Some(&s) {
            if cur.len() > 1 {
                pieces.push(std::mem::take(&mut cur));
            }
            cur = vec![s];
        }
        cur.push(e);
        if t1 < 1.0 {
            pieces.push(std::mem::take(&mut cur));
        }
    }
    if cur.len() > 1 {
        pieces.push(cur);
    }
    pieces
}

/// A polygon clipped to a box (Sutherland–Hodgman).
pub fn clip_polygon(pts: &[(f64, f64)], b: Rect) -> Vec<(f64, f64)> {
    let mut out = pts.to_vec();
    for edge in 0..4 {
        let inside = |p: (f64, f64)| match edge {
            0 => p.0 >= b.0,
            1 => p.0 <= b.2,
            2 => p.1 >= b.1,
            _ => p.1 <= b.3,
        };
        let cut = |a: (f64, f64), c: (f64, f64)| {
            let t = match edge {
                0 => (b.0 - a.0) / (c.0 - a.0),
                1 => (b.2 - a.0) / (c.0 - a.0),
                2 => (b.1 - a.1) / (c.1 - a.1),
                _ => (b.3 - a.1) / (c.1 - a.1),
            };
            (a.0 + t * (c.0 - a.0), a.1 + t * (c.1 - a.1))
        };
        let input = std::mem::take(&mut out);
        for i in 0..input.len() {
            let (cur, prev) = (input[i], input[(i + input.len() - 1) % input.len()]);
            match (inside(prev), inside(cur)) {
                (true, true) => out.push(cur),
                (true, false) => out.push(cut(prev, cur)),
                (false, true) => {
                    out.push(cut(prev, cur));
                    out.push(cur);
                }
                (false, false) => {}
            }
        }
        if out.is_empty() {
            break;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping() {
        let b = (0.0, 0.0, 10.0, 10.0);
        assert_eq!(
            clip_polyline(&[(-5.0, 5.0), (5.0, 5.0), (15.0, 5.0)], b),
            vec![vec![(0.0, 5.0), (5.0, 5.0), (10.0, 5.0)]]
        );
        assert!(clip_polyline(&[(-5.0, -5.0), (-1.0, -1.0)], b).is_empty());
        // Leaving and re-entering gives two pieces.
        let p = clip_polyline(&[(5.0, 5.0), (5.0, 20.0), (6.0, 20.0), (6.0, 5.0)], b);
        assert_eq!(p.len(), 2);
        let poly = clip_polygon(&[(-5.0, -5.0), (5.0, -5.0), (5.0, 5.0), (-5.0, 5.0)], b);
        assert!(poly.iter().all(|p| p.0 >= 0.0 && p.1 >= 0.0));
        assert_eq!(poly.len(), 4);
    }
}
