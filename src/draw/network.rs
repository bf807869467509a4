//! Network layouts, computed in Rust and deterministic: the same graph gives
//! the same picture, natively and in the browser (only +, −, ×, ÷ and sqrt,
//! which IEEE 754 rounds the same everywhere; no randomness).
//!
//! * [`ForceLayout`]: Fruchterman–Reingold with a uniform grid for repulsion,
//!   so a step is O(n) for evenly spread nodes; runs in steps so the UI can
//!   spread a large layout over frames.
//! * [`bipartite_scene`]: agencies and tasks in two columns.

use super::scene::{overlaps, within, Hit, HitShape, Prim, Rect, Rgb, Scene};
use super::scene::{Anchor, Label, C_INK, C_INK_2};
use super::text::width;
use plan::load::Graph;

/// A force-directed layout in the unit square.
#[derive(Clone, Debug)]
pub struct ForceLayout {
    pub pos: Vec<(f64, f64)>,
    edges: Vec<(usize, usize, f64)>,
    k: f64,
    iteration: usize,
    pub iterations: usize,
}

impl ForceLayout {
    /// Nodes start on a sunflower spiral in node order (heaviest first, so
    /// they start near the centre).
    pub fn new(g: &Graph) -> ForceLayout {
        let n = g.nodes.len().max(1);
        let golden = 2.399_963_229_728_653; // π(3 − √5)
        let pos = (0..g.nodes.len())
            .map(|i| {
                let r = ((i as f64 + 0.5) / n as f64).sqrt() * 0.45;
                let a = i as f64 * golden;
                (0.5 + r * cos(a), 0.5 + r * sin(a))
            })
            .collect();
        let max_w = g.edges.iter().map(|e| e.2).max().unwrap_or(1).max(1) as f64;
        ForceLayout {
            pos,
            edges: g
                .edges
                .iter()
                .map(|&(a, b, w)| (a, b, (w as f64 / max_w).sqrt()))
                .collect(),
            k: (1.0 / n as f64).sqrt() * 0.9,
            iteration: 0,
            iterations: if n > 1000 { 120 } else { 300 },
        }
    }

    pub fn done(&self) -> bool {
        self.iteration >= self.iterations
    }

    /// Run up to `steps` iterations; true when finished.
    pub fn step(&mut self, steps: usize) -> bool {
        let n = self.pos.len();
        let k = self.k;
        for _ in 0..steps {
            if self.done() {
                break;
            }
            let t = 0.1 * (1.0 - self.iteration as f64 / self.iterations as f64) + 0.002;
            let mut disp = vec![(0.0f64, 0.0f64); n];
            // Repulsion: all pairs for small graphs, a grid of cells of size
            // 2k for large ones (far pairs push negligibly).
            let cell = 2.0 * k;
            if n <= 400 {
                for i in 0..n {
                    for j in i + 1..n {
                        repel(&self.pos, &mut disp, i, j, k, f64::INFINITY);
                    }
                }
            } else {
                let cells = (1.0 / cell).ceil() as i64 + 1;
                let key = |p: (f64, f64)| {
                    let cx = ((p.0 / cell).floor() as i64).clamp(0, cells - 1);
                    let cy = ((p.1 / cell).floor() as i64).clamp(0, cells - 1);
                    (cx, cy)
                };
                let mut grid: Vec<Vec<usize>> = vec![Vec::new(); (cells * cells) as usize];
                for (i, p) in self.pos.iter().enumerate() {
                    let (cx, cy) = key(*p);
                    grid[(cy * cells + cx) as usize].push(i);
                }
                for i in 0..n {
                    let (cx, cy) = key(self.pos[i]);
                    for dy in -1..=1 {
                        for dx in -1..=1 {
                            let (x, y) = (cx + dx, cy + dy);
                            if x < 0 || y < 0 || x >= cells || y >= cells {
                                continue;
                            }
                            for &j in &grid[(y * cells + x) as usize] {
                                if j > i {
                                    repel(&self.pos, &mut disp, i, j, k, cell);
                                }
                            }
                        }
                    }
                }
            }
            // Attraction along edges, stronger for heavier edges.
            for &(a, b, w) in &self.edges {
                let (dx, dy) = (self.pos[a].0 - self.pos[b].0, self.pos[a].1 - self.pos[b].1);
                let d = (dx * dx + dy * dy).sqrt().max(1e-9);
                let f = d * d / k * w;
                disp[a].0 -= dx / d * f;
                disp[a].1 -= dy / d * f;
                disp[b].0 += dx / d * f;
                disp[b].1 += dy / d * f;
            }
            // Gravity keeps separate components on screen.
            for (i, d) in disp.iter_mut().enumerate() {
                d.0 += (0.5 - self.pos[i].0) * 0.5 * k;
                d.1 += (0.5 - self.pos[i].1) * 0.5 * k;
            }
            for (p, d) in self.pos.iter_mut().zip(&disp) {
                let len = (d.0 * d.0 + d.1 * d.1).sqrt();
                if len > 0.0 {
                    let m = len.min(t);
                    p.0 = (p.0 + d.0 / len * m).clamp(0.0, 1.0);
                    p.1 = (p.1 + d.1 / len * m).clamp(0.0, 1.0);
                }
            }
            self.iteration += 1;
        }
        self.done()
    }

    /// Positions stretched to fill the unit square.
    pub fn normalized(&self) -> Vec<(f64, f64)> {
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for p in &self.pos {
            x0 = x0.min(p.0);
            y0 = y0.min(p.1);
            x1 = x1.max(p.0);
            y1 = y1.max(p.1);
        }
        let (sx, sy) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
        self.pos
            .iter()
            .map(|p| ((p.0 - x0) / sx, (p.1 - y0) / sy))
            .collect()
    }
}

fn repel(pos: &[(f64, f64)], disp: &mut [(f64, f64)], i: usize, j: usize, k: f64, cutoff: f64) {
    let (mut dx, mut dy) = (pos[i].0 - pos[j].0, pos[i].1 - pos[j].1);
    let mut d2 = dx * dx + dy * dy;
    if d2 < 1e-12 {
        // Coincident nodes: separate them along a fixed, index-based direction.
        dx = 1e-4 * ((i % 7) as f64 - 3.0 + 0.5);
        dy = 1e-4 * ((j % 5) as f64 - 2.0 + 0.5);
        d2 = dx * dx + dy * dy;
    }
    let d = d2.sqrt();
    if d > cutoff {
        return;
    }
    let f = k * k / d;
    disp[i].0 += dx / d * f;
    disp[i].1 += dy / d * f;
    disp[j].0 -= dx / d * f;
    disp[j].1 -= dy / d * f;
}

/// cos and sin by Taylor series after range reduction: libm results can
/// differ in the last bit between platforms; these do not.
fn sin(x: f64) -> f64 {
    let tau = std::f64::consts::TAU;
    let mut x = x - (x / tau).floor() * tau;
    if x > std::f64::consts::PI {
        x -= tau;
    }
    let x2 = x * x;
    let mut term = x;
    let mut sum = x;
    for n in 1..12 {
        term *= -x2 / ((2 * n) as f64 * (2 * n + 1) as f64);
        sum += term;
    }
    sum
}

fn cos(x: f64) -> f64 {
    sin(x + std::f64::consts::FRAC_PI_2)
}

/// A node's drawing style.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeStyle {
    pub color: Rgb,
    pub aria: String,
    pub href: Option<String>,
}

/// The scene of a laid-out graph: edges, nodes sized by weight, and labels
/// placed heaviest first (a label that would collide is dropped).
/// How many of the network's largest nodes are always labelled.
pub const ALWAYS_LABELLED: usize = 10;

pub fn force_scene(
    g: &Graph,
    unit: &[(f64, f64)],
    styles: &[NodeStyle],
    width_px: f64,
    summary: &str,
    min_edge: u32,
) -> (Scene, Vec<(f64, f64, f64)>) {
    let w = width_px.max(280.0);
    let h = (w * 0.75).clamp(340.0, 760.0);
    let m = 40.0;
    let place = |p: (f64, f64)| (m + p.0 * (w - 2.0 * m), m * 0.6 + p.1 * (h - 1.6 * m));
    let max_w = g.nodes.iter().map(|n| n.weight).max().unwrap_or(1).max(1) as f64;
    let max_e = g.edges.iter().map(|e| e.2).max().unwrap_or(1).max(1) as f64;
    let nodes: Vec<(f64, f64, f64)> = unit
        .iter()
        .zip(&g.nodes)
        .map(|(p, n)| {
            let (x, y) = place(*p);
            (x, y, 3.5 + 9.0 * (n.weight as f64 / max_w).sqrt())
        })
        .collect();
    let mut s = Scene::new(w, h);
    s.summary = summary.to_string();
    // The lines of pairs that share at least `min_edge` tasks (the others
    // show when a node is highlighted).
    for &(a, b, ew) in g.edges.iter().filter(|e| e.2 >= min_edge) {
        let t = ew as f64 / max_e;
        s.prims.push(Prim::Line {
            points: vec![(nodes[a].0, nodes[a].1), (nodes[b].0, nodes[b].1)],
            color: (120, 130, 140),
            width: 0.6 + 3.0 * t,
            alpha: 0.12 + 0.35 * t,
            dashed: false,
        });
    }
    for (i, &(x, y, r)) in nodes.iter().enumerate() {
        s.prims.push(Prim::Circle {
            x,
            y,
            r,
            fill: Some((styles[i].color, 0.9)),
            stroke: Some(((255, 255, 255), 1.0)),
        });
    }
    // Labels, heaviest node first. The first ALWAYS_LABELLED are always
    // labelled: they may sit further out (with a leader line) and over
    // lesser nodes' dots; the others take a place beside their dot or none.
    let fs = 12.0;
    let mut order: Vec<usize> = (0..g.nodes.len()).collect();
    order.sort_by(|&a, &b| g.nodes[b].weight.cmp(&g.nodes[a].weight).then(a.cmp(&b)));
    let mut rank = vec![0; g.nodes.len()];
    for (k, &i) in order.iter().enumerate() {
        rank[i] = k;
    }
    let n = nodes.len();
    let mut taken: Vec<Rect> = nodes
        .iter()
        .map(|&(x, y, r)| (x - r, y - r, x + r, y + r))
        .collect();
    for (k, &i) in order.iter().enumerate() {
        let must = k < ALWAYS_LABELLED;
        let (x, y, r) = nodes[i];
        let text = g.nodes[i].label.clone();
        let lw = width(&text, fs);
        let mut candidates = vec![
            (x + r + 3.0, y + fs * 0.35, Anchor::Start, false),
            (x - r - 3.0, y + fs * 0.35, Anchor::End, false),
            (x, y - r - 3.0, Anchor::Middle, false),
            (x, y + r + fs + 1.0, Anchor::Middle, false),
        ];
        if must {
            for d in [12.0, 24.0, 38.0, 54.0] {
                for a in 0..8 {
                    let ang = a as f64 * std::f64::consts::FRAC_PI_4;
                    let (dx, dy) = (ang.cos(), ang.sin());
                    let anchor = if dx > 0.3 {
                        Anchor::Start
                    } else if dx < -0.3 {
                        Anchor::End
                    } else {
                        Anchor::Middle
                    };
                    let lx = x + (r + d) * dx;
                    let ly = y + (r + d) * dy + fs * 0.35;
                    candidates.push((lx, ly, anchor, true));
                }
            }
        }
        for (lx, ly, anchor, far) in candidates {
            let l = Label {
                text: text.clone(),
                x: lx,
                y: ly,
                size: fs,
                anchor,
                color: C_INK,
                bold: false,
            };
            let bb = l.bbox();
            // Other labels block it, and dots but its own (a label that
            // must be placed passes over lesser nodes' dots).
            let free = !taken.iter().enumerate().any(|(o, b)| {
                o != i && (o >= n || !must || rank[o] < ALWAYS_LABELLED) && overlaps(*b, bb)
            });
            if within(bb, (0.0, 0.0, w, h)) && free && lw > 0.0 {
                if far {
                    // A leader from the dot's edge to the label's nearest side.
                    let tx = lx.clamp(bb.0, bb.2);
                    let ty = (ly - fs * 0.35).clamp(bb.1, bb.3);
                    let d = (tx - x).hypot(ty - y).max(1e-6);
                    s.prims.push(Prim::Line {
                        points: vec![(x + (tx - x) / d * r, y + (ty - y) / d * r), (tx, ty)],
                        color: (120, 130, 140),
                        width: 0.8,
                        alpha: 0.8,
                        dashed: false,
                    });
                }
                taken.push(bb);
                s.text(l);
                break;
            }
        }
    }
    for (i, &(x, y, r)) in nodes.iter().enumerate() {
        s.hits.push(Hit {
            shape: HitShape::Circle {
                x,
                y,
                r: r.max(8.0),
            },
            aria: styles[i].aria.clone(),
            href: styles[i].href.clone(),
            ..Default::default()
        });
    }
    (s, nodes)
}

/// Agencies (left, by load) and tasks (right, in document order, a gap
/// between documents) joined by their assignments.
pub fn bipartite_scene(
    g: &Graph,
    styles: &[NodeStyle],
    width_px: f64,
    summary: &str,
) -> (Scene, Vec<(f64, f64, f64)>) {
    let fs = 11.0;
    let w = width_px.max(300.0);
    let agencies: Vec<usize> = (0..g.nodes.len())
        .filter(|&i| !g.nodes[i].is_task)
        .collect();
    let tasks: Vec<usize> = (0..g.nodes.len()).filter(|&i| g.nodes[i].is_task).collect();
    let doc_of = |i: usize| g.nodes[i].id.split('-').next().unwrap_or("").to_string();
    let gaps = tasks
        .windows(2)
        .filter(|p| doc_of(p[0]) != doc_of(p[1]))
        .count() as f64;
    let task_h = 9.0;
    let gap = 14.0;
    let top = 24.0;
    let tasks_span = tasks.len() as f64 * task_h + gaps * gap;
    let h = top + tasks_span.max(agencies.len() as f64 * 17.0) + 10.0;
    let label_w = agencies
        .iter()
        .map(|&i| width(&g.nodes[i].label, fs))
        .fold(0.0, f64::max)
        .min(w * 0.38)
        + 8.0;
    let ax = label_w + 6.0;
    let tx = w - 44.0;
    let mut pos = vec![(0.0, 0.0, 3.0); g.nodes.len()];
    let a_step = (h - top - 10.0) / agencies.len().max(1) as f64;
    for (k, &i) in agencies.iter().enumerate() {
        pos[i] = (ax, top + (k as f64 + 0.5) * a_step, 3.5);
    }
    let t_scale = (h - top - 10.0) / tasks_span.max(1.0);
    let mut y = top;
    let mut last_doc = String::new();
    let mut s = Scene::new(w, h);
    s.summary = summary.to_string();
    for &i in &tasks {
        let d = doc_of(i);
        if d != last_doc {
            if !last_doc.is_empty() {
                y += gap * t_scale;
            }
            s.text(Label {
                text: d.clone(),
                x: tx + 8.0,
                y: y + 2.0 + fs * 0.5,
                size: fs,
                anchor: Anchor::Start,
                color: C_INK_2,
                bold: true,
            });
            last_doc = d;
        }
        pos[i] = (tx, y + task_h * t_scale * 0.5 + fs * 0.9, 2.5);
        y += task_h * t_scale;
    }
    for &(a, b, role) in &g.edges {
        let (x0, y0, _) = pos[a];
        let (x1, y1, _) = pos[b];
        let pts: Vec<(f64, f64)> = (0..=12)
            .map(|k| {
                let t = k as f64 / 12.0;
                let u = 1.0 - t;
                // A cubic Bézier with horizontal tangents at both ends.
                let (cx0, cx1) = (x0 + (x1 - x0) * 0.45, x1 - (x1 - x0) * 0.45);
                let x =
                    u * u * u * x0 + 3.0 * u * u * t * cx0 + 3.0 * u * t * t * cx1 + t * t * t * x1;
                let yy =
                    u * u * u * y0 + 3.0 * u * u * t * y0 + 3.0 * u * t * t * y1 + t * t * t * y1;
                (x, yy)
            })
            .collect();
        s.prims.push(Prim::Line {
            points: pts,
            color: styles[b].color,
            width: 1.0,
            alpha: if role == 2 { 0.28 } else { 0.12 },
            dashed: false,
        });
    }
    for &i in &agencies {
        let (x, y, r) = pos[i];
        s.prims.push(Prim::Circle {
            x,
            y,
            r,
            fill: Some((styles[i].color, 1.0)),
            stroke: None,
        });
        s.text(Label {
            text: super::text::fit(&g.nodes[i].label, fs, label_w - 8.0),
            x: x - 6.0,
            y: y + fs * 0.35,
            size: fs,
            anchor: Anchor::End,
            color: C_INK,
            bold: false,
        });
    }
    // Each task's number beside its dot (every k-th where rows are tight).
    let pitch = task_h * t_scale;
    let every = (11.0 / pitch).ceil().max(1.0) as usize;
    let mut k_in_doc = 0;
    let mut doc_now = String::new();
    for &i in &tasks {
        let (x, y, r) = pos[i];
        s.prims.push(Prim::Circle {
            x,
            y,
            r,
            fill: Some((styles[i].color, 1.0)),
            stroke: None,
        });
        let d = doc_of(i);
        if d != doc_now {
            doc_now = d;
            k_in_doc = 0;
        }
        if k_in_doc % every == 0 {
            let number = g.nodes[i].id.split_once('-').map_or("", |(_, n)| n);
            s.text(Label {
                text: number.to_string(),
                x: x + 6.0,
                y: y + 3.5,
                size: 10.0,
                anchor: Anchor::Start,
                color: C_INK_2,
                bold: false,
            });
        }
        k_in_doc += 1;
    }
    for (i, &(x, y, _)) in pos.iter().enumerate() {
        let shape = if g.nodes[i].is_task {
            HitShape::Rect {
                x: x - 4.0,
                y: y - 4.0,
                w: 40.0,
                h: 8.0,
            }
        } else {
            HitShape::Rect {
                x: 0.0,
                y: y - a_step / 2.0,
                w: x + 6.0,
                h: a_step,
            }
        };
        s.hits.push(Hit {
            shape,
            aria: styles[i].aria.clone(),
            href: styles[i].href.clone(),
            ..Default::default()
        });
    }
    (s, pos)
}

/// SVG markup (for the highlight layer) of node `i` and its neighbours.
pub fn highlight_svg(g: &Graph, pos: &[(f64, f64, f64)], i: usize, straight: bool) -> String {
    let mut h = String::new();
    let Some(&(x, y, r)) = pos.get(i) else {
        return h;
    };
    for (j, _) in g.neighbours(i) {
        let (x1, y1, r1) = pos[j];
        if straight {
            h.push_str(&format!("<line class=\"hl-edge\" x1=\"{x:.1}\" y1=\"{y:.1}\" x2=\"{x1:.1}\" y2=\"{y1:.1}\"/>"));
        } else {
            let (cx0, cx1) = (x + (x1 - x) * 0.45, x1 - (x1 - x) * 0.45);
            h.push_str(&format!(
                "<path class=\"hl-edge\" d=\"M{x:.1},{y:.1} C{cx0:.1},{y:.1} {cx1:.1},{y1:.1} {x1:.1},{y1:.1}\"/>"
            ));
        }
        h.push_str(&format!(
            "<circle class=\"hl-node\" cx=\"{x1:.1}\" cy=\"{y1:.1}\" r=\"{:.1}\"/>",
            r1 + 2.0
        ));
    }
    h.push_str(&format!(
        "<circle class=\"hl-self\" cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\"/>",
        r + 3.0
    ));
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use plan::load::{Graph, GraphNode};

    fn ring(n: usize) -> Graph {
        Graph {
            nodes: (0..n)
                .map(|i| GraphNode {
                    id: i.to_string(),
                    label: i.to_string(),
                    weight: 1,
                    is_task: false,
                })
                .collect(),
            edges: (0..n)
                .map(|i| (i.min((i + 1) % n), i.max((i + 1) % n), 1))
                .collect(),
        }
    }

    #[test]
    fn trig_is_accurate() {
        for k in 0..50 {
            let x = k as f64 * 0.7 - 10.0;
            assert!((sin(x) - x.sin()).abs() < 1e-12, "{x}");
            assert!((cos(x) - x.cos()).abs() < 1e-12, "{x}");
        }
    }

    #[test]
    fn layouts_are_deterministic_and_spread() {
        let g = ring(30);
        let mut a = ForceLayout::new(&g);
        a.step(usize::MAX);
        let mut b = ForceLayout::new(&g);
        while !b.step(7) {}
        assert_eq!(a.pos, b.pos, "stepping in slices gives the same layout");
        let p = a.normalized();
        let min_d = (0..p.len())
            .flat_map(|i| (i + 1..p.len()).map(move |j| (i, j)))
            .map(|(i, j)| ((p[i].0 - p[j].0).powi(2) + (p[i].1 - p[j].1).powi(2)).sqrt())
            .fold(f64::INFINITY, f64::min);
        assert!(min_d > 0.02, "nodes overlap: {min_d}");
    }

    #[test]
    fn large_graphs_use_the_grid() {
        let g = ring(1500);
        let mut l = ForceLayout::new(&g);
        assert_eq!(l.iterations, 120);
        l.step(3);
        assert!(l.pos.iter().all(|p| p.0.is_finite() && p.1.is_finite()));
    }
}
