//! A figure: everything an interactive drawing shows, computed in one pure
//! step — the scene (whose hits carry their own tooltip, highlight and key),
//! its rendered static layer, the data table, and the names of its
//! downloads. The UI shows any figure with one component.

use std::fmt::Write;

use super::scene::{HitShape, Scene};
use super::svg;
use crate::markup::esc;
use crate::words::Ctx;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    pub scene: Scene,
    /// The static layer, drawn by plotters.
    pub svg: String,
    pub table: DataTable,
    /// The table as HTML (may link rows to their sources).
    pub table_html: String,
    /// What the marks mean, as HTML (empty when the figure needs no legend).
    pub legend: String,
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
            table_html: table_html(&table),
            legend: String::new(),
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
}

#[derive(Clone, Debug, PartialEq)]
pub struct DataRow {
    pub cells: Vec<String>,
    /// The indicator point the row shows (None for implied-path rows).
    pub point: Option<usize>,
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

/// A generic table (load, heatmap cells, edges).
pub fn table_html(t: &DataTable) -> String {
    let mut h = String::from("<table class=\"data-table stack\"><thead><tr>");
    for col in &t.head {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(col));
    }
    h.push_str("</tr></thead><tbody>");
    for r in &t.rows {
        h.push_str("<tr>");
        for (cell, col) in r.cells.iter().zip(&t.head) {
            // On a phone each row is a card, each cell with its column's name.
            let _ = write!(
                h,
                "<td data-label=\"{}\"{}>{}</td>",
                esc(col),
                crate::markup::zh_attr(cell),
                esc(cell)
            );
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
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
