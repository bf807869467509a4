//! Drawing a [`ChartSpec`] with plotters' SVG backend into a string.
//!
//! Only primitives and single-line `Text` are used: plotters' chart builder,
//! mesh labels and multi-line text measure text through the DOM in the
//! browser (a styled span, refused by a strict CSP). A tidy test keeps it so.

use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::chart::{
    Anchor, ChartSpec, Glyph, Label, LineStyle, Shape, C_AXIS, C_BAR, C_GRID, C_PATH, C_TARGET,
};
use super::html::esc;

/// The font list written into standalone SVG (the page's CSS overrides it).
pub const FONT: &str =
    "Noto Sans CJK SC, PingFang SC, Microsoft YaHei, Source Han Sans SC, sans-serif";

fn rgb(c: (u8, u8, u8)) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn p(x: f64, y: f64) -> (i32, i32) {
    (x.round() as i32, y.round() as i32)
}

/// The chart's drawing, as the content of an `<svg>` (without the root element).
pub fn inner(spec: &ChartSpec) -> String {
    let mut buf = String::new();
    {
        let root = SVGBackend::with_string(
            &mut buf,
            (spec.width.ceil() as u32, spec.height.ceil() as u32),
        )
        .into_drawing_area();
        draw(&root, spec).expect("drawing into a string cannot fail");
        root.present()
            .expect("presenting into a string cannot fail");
    }
    strip_root(&buf)
}

fn strip_root(svg: &str) -> String {
    let start = svg.find('>').map(|i| i + 1).unwrap_or(0);
    let end = svg.rfind("</svg>").unwrap_or(svg.len());
    svg[start..end].trim().to_string()
}

fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    spec: &ChartSpec,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&WHITE)?;
    let (x0, y0, x1, y1) = spec.plot;
    if spec.kind != super::chart::Kind::Stat {
        for gy in &spec.grid {
            root.draw(&PathElement::new(
                vec![p(x0, *gy), p(x1, *gy)],
                rgb(C_GRID).stroke_width(1),
            ))?;
        }
        root.draw(&PathElement::new(
            vec![p(x0, y1), p(x1, y1)],
            rgb(C_AXIS).stroke_width(1),
        ))?;
        let _ = y0;
    }
    for b in &spec.bars {
        root.draw(&Rectangle::new(
            [p(b.x0, b.y1), p(b.x1, b.y0)],
            rgb(C_BAR).mix(0.85).filled(),
        ))?;
    }
    for g in &spec.glyphs {
        match *g {
            Glyph::Band { x, y0, y1 } => {
                root.draw(&Rectangle::new(
                    [p(x - 8.0, y0), p(x + 8.0, y1)],
                    rgb(C_TARGET).mix(0.18).filled(),
                ))?;
                for y in [y0, y1] {
                    root.draw(&PathElement::new(
                        vec![p(x - 8.0, y), p(x + 8.0, y)],
                        rgb(C_TARGET).stroke_width(1),
                    ))?;
                }
            }
            Glyph::Floor { x, y } => arrow(root, x, y, -1.0)?,
            Glyph::Ceiling { x, y } => arrow(root, x, y, 1.0)?,
        }
    }
    for l in &spec.lines {
        let pts: Vec<(i32, i32)> = l.points.iter().map(|&(x, y)| p(x, y)).collect();
        match l.style {
            LineStyle::Implied => {
                root.draw(&DashedPathElement::new(
                    pts,
                    6,
                    4,
                    rgb(C_PATH).stroke_width(2),
                ))?;
            }
            LineStyle::Steps => {
                root.draw(&PathElement::new(
                    pts,
                    rgb(C_TARGET).mix(0.6).stroke_width(2),
                ))?;
            }
            LineStyle::Cumulative => {
                root.draw(&PathElement::new(pts, rgb(C_BAR).stroke_width(2)))?;
            }
        }
    }
    if spec.kind != super::chart::Kind::Stat {
        for m in &spec.marks {
            match m.shape {
                Shape::Dot => root.draw(&Circle::new(p(m.x, m.y), 5, rgb(m.color).filled()))?,
                Shape::Ring => {
                    root.draw(&Circle::new(p(m.x, m.y), 6, WHITE.filled()))?;
                    root.draw(&Circle::new(p(m.x, m.y), 6, rgb(m.color).stroke_width(3)))?;
                }
            }
        }
    }
    for l in &spec.labels {
        label(root, l)?;
    }
    Ok(())
}

/// A floor (dir = -1: arrow up) or ceiling (dir = 1: arrow down) at (x, y).
fn arrow<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    x: f64,
    y: f64,
    dir: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let c = rgb(C_TARGET);
    root.draw(&PathElement::new(
        vec![p(x - 11.0, y), p(x + 11.0, y)],
        c.stroke_width(3),
    ))?;
    root.draw(&PathElement::new(
        vec![p(x, y + dir * 8.0), p(x, y + dir * 20.0)],
        c.stroke_width(2),
    ))?;
    root.draw(&Polygon::new(
        vec![
            p(x, y + dir * 26.0),
            p(x - 5.0, y + dir * 18.0),
            p(x + 5.0, y + dir * 18.0),
        ],
        c.filled(),
    ))?;
    Ok(())
}

fn label<DB: DrawingBackend>(
    root: &DrawingArea<DB, plotters::coord::Shift>,
    l: &Label,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
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

/// A standalone SVG file: title, chart, source line, legend words.
pub fn document(spec: &ChartSpec, title: &[String], footer: &[String]) -> String {
    let fs = 14.0;
    let head = title.len() as f64 * (fs + 6.0) + if title.is_empty() { 0.0 } else { 8.0 };
    let foot = footer.len() as f64 * 16.0 + if footer.is_empty() { 0.0 } else { 8.0 };
    let (w, h) = (spec.width, spec.height + head + foot);
    let mut s = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{FONT}\">\n<title>{}</title>\n<desc>{}</desc>\n<rect width=\"{w}\" height=\"{h}\" fill=\"#FFFFFF\"/>\n",
        esc(&title.join("")),
        esc(&spec.summary)
    );
    for (i, line) in title.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"{fs}\" font-weight=\"bold\" fill=\"#1D2329\">{}</text>\n",
            (i as f64 + 1.0) * (fs + 6.0) - 4.0,
            esc(line)
        ));
    }
    s.push_str(&format!(
        "<g transform=\"translate(0,{head})\">\n{}\n</g>\n",
        inner(spec)
    ));
    for (i, line) in footer.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"0\" y=\"{}\" font-size=\"11\" fill=\"#4A5560\">{}</text>\n",
            head + spec.height + 8.0 + (i as f64 + 1.0) * 16.0 - 4.0,
            esc(line)
        ));
    }
    s.push_str("</svg>\n");
    s
}
