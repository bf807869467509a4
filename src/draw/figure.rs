//! A figure: everything an interactive drawing shows, computed in one pure
//! step — the scene (whose hits carry their own tooltip, highlight and key),
//! its rendered static layer, the data table, its legend, and the names of
//! its downloads. Tables, legends and tooltips are data here: `pages`
//! writes their HTML (`pages::figure`). The UI shows any figure with one
//! component.

use std::fmt::Write;

use super::scene::{HitShape, Scene};
pub use super::scene::{Tip, TipItem, TipPart};
use super::svg;
use crate::markup::esc;
use crate::words::Ctx;

/// What a figure's marks mean, as data (`pages::figure::legend_html`).
#[derive(Clone, Debug, Default, PartialEq)]
pub enum Legend {
    #[default]
    None,
    /// Marks and their meaning: the list's class, its entries.
    Marks {
        class: &'static str,
        items: Vec<LegendMark>,
    },
    /// Numbered keys under headings: the heatmap's columns by document.
    Keys {
        heading: String,
        groups: Vec<(String, Vec<LegendKey>)>,
    },
}

/// A legend entry: its class (the glyph CSS draws, or ""), the layer it
/// stands for (or ""), its swatch (an `<svg>` drawing, or ""), its words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LegendMark {
    pub class: &'static str,
    pub layer: &'static str,
    pub swatch: String,
    pub label: String,
}

/// A numbered key: its number, what it stands for, where that is listed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LegendKey {
    pub number: String,
    pub label: String,
    pub href: String,
}

/// A swatch: a small `<svg>` (`w`×12) holding `shape`.
pub fn swatch(w: u32, shape: &str) -> String {
    format!("<svg class=\"swatch\" viewBox=\"0 0 {w} 12\" aria-hidden=\"true\">{shape}</svg>")
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    pub scene: Scene,
    /// The static layer, drawn by plotters.
    pub svg: String,
    pub table: DataTable,
    /// What the marks mean.
    pub legend: Legend,
    /// Title and source lines of the standalone SVG/PNG.
    pub title: String,
    pub footer: Vec<String>,
    /// Base name of downloads ("gdp" → gdp.svg, gdp.png, gdp.csv).
    pub file: String,
    /// Clicking a hit follows its link (instead of pinning its tooltip).
    pub follow: bool,
    /// Shown at its size, scrolling sideways where the page is narrower,
    /// rather than shrunk (a heatmap's text would become unreadable).
    pub no_shrink: bool,
}

impl Figure {
    pub fn new(scene: Scene, table: DataTable, title: String, file: &str, c: Ctx) -> Figure {
        Figure {
            svg: svg::render(&scene),
            legend: Legend::None,
            table,
            title,
            footer: vec![c.t().footer_sources.to_string()],
            file: file.to_string(),
            follow: false,
            no_shrink: false,
            scene,
        }
    }
    /// The focusable marks over the drawing (see [`marks_svg`]).
    pub fn marks(&self, prefix: &str) -> String {
        marks_svg(&self.scene, prefix)
    }
    /// The standalone SVG of the downloads.
    pub fn document(&self) -> String {
        svg::scene_document(&self.scene, std::slice::from_ref(&self.title), &self.footer)
    }
    pub fn csv(&self) -> String {
        table_csv(&self.table)
    }
}

/// The data a chart shows, as a table (the HTML table and the CSV download).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataTable {
    pub head: Vec<String>,
    pub rows: Vec<DataRow>,
    /// The last column quotes each row's source sentence, linked to it by
    /// the row's `href`; a row without a point is derived (implied path).
    pub quotes: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct DataRow {
    pub cells: Vec<String>,
    /// The indicator point the row shows (None for implied-path rows).
    pub point: Option<usize>,
    /// Where the row's source sentence is (its document's line).
    pub href: Option<String>,
}

/// A data table as CSV (UTF-8 with BOM, cells made safe against formulas).
pub fn table_csv(t: &DataTable) -> String {
    let mut w = plan::export::CsvOut::new();
    let _ = w.write_record(&t.head);
    for r in &t.rows {
        let _ = w.write_record(&r.cells);
    }
    w.finish()
}

/// An `<svg>` image of a scene, `drawing` being the scene rendered.
pub fn svg_img(scene: &Scene, drawing: &str, class: &str) -> String {
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">{drawing}</svg>",
        scene.width,
        scene.height,
        esc(&scene.summary)
    )
}

/// The id of hit `i`'s mark in a figure whose ids start with `prefix`.
pub fn mark_id(prefix: &str, i: usize) -> String {
    format!("{prefix}-mark-{i}")
}

/// The focusable marks over a drawing, as SVG: one `<g class="hit">` per
/// hit, with its shape, its label for screen readers and its index
/// (`data-i`). Only the first is in the Tab order: the figure is one Tab
/// stop, and the arrow keys move between its marks (the UI moves the
/// `tabindex="0"` along: a roving tab index).
pub fn marks_svg(scene: &Scene, prefix: &str) -> String {
    let mut h = String::new();
    let mut order: Vec<usize> = (0..scene.hits.len()).collect();
    order.sort_by_key(|&i| scene.hits[i].z);
    for i in order {
        let hit = &scene.hits[i];
        let _ = write!(
            h,
            "<g id=\"{}\" class=\"hit\" data-i=\"{i}\" tabindex=\"{}\" role=\"button\" aria-label=\"{}\">",
            esc(&mark_id(prefix, i)),
            if i == 0 { 0 } else { -1 },
            esc(&hit.aria)
        );
        let _ = match hit.shape {
            HitShape::Circle { x, y, r } => {
                write!(h, "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\"/>")
            }
            HitShape::Rect { x, y, w, h: ht } => write!(
                h,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{ht:.1}\"/>"
            ),
        };
        h.push_str("</g>");
    }
    h
}
