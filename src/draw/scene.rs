//! A scene: the primitives of one drawing, in pixels, and the areas the UI
//! makes focusable. Every view spec (target charts, load bars, heatmaps,
//! networks, the map) becomes a scene; [`super::svg`] draws scenes with
//! plotters, the UI lays the hits over them.

use super::chart::Label;

pub type Rgb = (u8, u8, u8);

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

/// The area of a focusable item.
#[derive(Clone, Debug, PartialEq)]
pub enum HitShape {
    Circle { x: f64, y: f64, r: f64 },
    Rect { x: f64, y: f64, w: f64, h: f64 },
}

impl HitShape {
    pub fn center(&self) -> (f64, f64) {
        match *self {
            HitShape::Circle { x, y, .. } => (x, y),
            HitShape::Rect { x, y, w, h } => (x + w / 2.0, y + h / 2.0),
        }
    }
}

/// A focusable item: where it is, what a screen reader says, where it leads.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit {
    pub shape: HitShape,
    pub aria: String,
    /// A link followed on click or Enter (when the item has no tooltip link).
    pub href: Option<String>,
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
