//! Drawing a [`Scene`] with plotters' SVG backend into a string.
//!
//! Only primitives and single-line `Text` are used: plotters' chart builder,
//! mesh labels and multi-line text measure text through the DOM in the
//! browser (a styled span, refused by a strict CSP). A tidy test keeps it so.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::scene::{Anchor, Label};
use super::scene::{Prim, Scene};
use crate::markup::esc;

/// The font list of every label, in the page and in the standalone SVG: the
/// fonts [`super::text`]'s widths are measured for (the page's CSS keeps it).
pub const FONT: &str =
    "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, Source Han Sans SC, sans-serif";

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn p(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// A scene's drawing, as the content of an `<svg>` (without the root element).
///
/// A dashed line is one `<polyline>` with a `stroke-dasharray`, not
/// plotters' `DashedPathElement` (a `<polyline>` per dash: some sixty for a
/// chart's target path, a third of its bytes): the scene is drawn in runs,
/// each dashed line alone, as a solid path given its dashes.
pub fn render(scene: &Scene) -> String {
    let mut runs = Vec::new();
    let mut start = 0;
    for (i, prim) in scene.prims.iter().enumerate() {
        if let Prim::Line { dashed: true, .. } = prim {
            runs.push(render_prims(scene, &scene.prims[start..i]));
            let line = render_prims(scene, std::slice::from_ref(prim));
            runs.push(line.replacen(" points=", " stroke-dasharray=\"6 4\" points=", 1));
            start = i + 1;
        }
    }
    runs.push(render_prims(scene, &scene.prims[start..]));
    runs.retain(|r| !r.is_empty());
    runs.join("\n")
}

fn render_prims(scene: &Scene, prims: &[Prim]) -> String {
    if prims.is_empty() {
        return String::new();
    }
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(
            &mut buf,
            (scene.width.ceil() as u32, scene.height.ceil() as u32),
        )
        .into_drawing_area();
        draw(&root, prims).expect("drawing into a string cannot fail");
        root.present()
            .expect("presenting into a string cannot fail");
    }
    strip_root(&buf)
}

/// The content of plotters' `<svg>`, without its defaults (`opacity="1"`).
fn strip_root(svg: &str) -> String {
    let start = svg.find('>').map(|i| i + 1).unwrap_or(0);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    svg[start..end].trim().replace(" opacity=\"1\"", "")
}

type Area<DB> = DrawingArea<DB, plotters::coord::Shift>;
type Res<DB> = Result<(), DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws on no background: the page's shows through (and dark mode can
/// invert the drawing); a downloaded file gets its own white one.
fn draw<DB: DrawingBackend>(root: &Area<DB>, prims: &[Prim]) -> Res<DB> {
    for prim in prims {
        match prim {
            Prim::Rect {
                x0,
                y0,
                x1,
                y1,
                fill,
                alpha,
            } => {
                root.draw(&Rectangle::new(
                    [p(*x0, *y0), p(*x1, *y1)],
                    rgb(*fill).mix(*alpha).filled(),
                ))?;
            }
            Prim::Line {
                points,
                color,
                width,
                alpha,
                dashed: _,
            } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| p(x, y)).collect();
                let style = rgb(*color)
                    .mix(*alpha)
                    .stroke_width(width.round().max(1.0) as u32);
                // Dashed lines are given their dashes by `render`.
                root.draw(&PathElement::new(pts, style))?;
            }
            Prim::Circle {
                x,
                y,
                r,
                fill,
                stroke,
            } => {
                let r = r.round().max(1.0) as u32;
                if let Some((c, a)) = fill {
                    root.draw(&Circle::new(p(*x, *y), r, rgb(*c).mix(*a).filled()))?;
                }
                if let Some((c, w)) = stroke {
                    root.draw(&Circle::new(
                        p(*x, *y),
                        r,
                        rgb(*c).stroke_width(w.round().max(1.0) as u32),
                    ))?;
                }
            }
            Prim::Poly {
                points,
                fill,
                alpha,
            } => {
                let pts: Vec<(i32, i32)> = points.iter().map(|&(x, y)| p(x, y)).collect();
                root.draw(&Polygon::new(pts, rgb(*fill).mix(*alpha).filled()))?;
            }
            Prim::Text(l) => label(root, l)?,
        }
    }
    Ok(())
}

fn label<DB: DrawingBackend>(root: &Area<DB>, l: &Label) -> Res<DB> {
    let h = match l.anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    // plotters writes font-size = size / 1.24 and dy = 0.76em for a top anchor.
    let style = FontDesc::new(
        FontFamily::Name(FONT),
        l.size * 1.24,
        if l.bold {
            FontStyle::Bold
        } else {
            FontStyle::Normal
        },
    )
    .color(&rgb(l.color))
    .pos(Pos::new(h, VPos::Top));
    root.draw(&Text::new(
        l.text.clone(),
        p(l.x, l.y - 0.76 * l.size),
        style,
    ))?;
    Ok(())
}

/// A standalone SVG file of a scene: title, drawing, source lines.
/// The left margin of a document's title and footer lines.
const MARGIN: f64 = 12.0;

pub fn scene_document(spec: &Scene, title: &[String], footer: &[String]) -> String {
    let fs = 14.0;
    let head = title.len() as f64 * (fs + 6.0) + if title.is_empty() { 0.0 } else { 8.0 };
    let foot = footer.len() as f64 * 16.0 + if footer.is_empty() { 0.0 } else { 8.0 };
    let (w, h) = (spec.width + 2.0 * MARGIN, spec.height + head + foot);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\">\n<title>{}</title>\n<desc>{}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n",
        esc(&title.join("")),
        esc(&spec.summary)
    );
    for (i, line) in title.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"{fs}\" font-weight=\"bold\" fill=\"#1D2329\">{}</text>\n",
            (i as f64 + 1.0) * (fs + 6.0) - 4.0,
            esc(line)
        ));
    }
    s.push_str(&format!(
        "<g transform=\"translate({MARGIN},{head})\">\n{}\n</g>\n",
        render(spec)
    ));
    for (i, line) in footer.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{}\" font-size=\"11\" fill=\"#4A5560\">{}</text>\n",
            head + spec.height + 8.0 + (i as f64 + 1.0) * 16.0 - 4.0,
            esc(line)
        ));
    }
    s.push_str("</svg>\n");
    s
}
