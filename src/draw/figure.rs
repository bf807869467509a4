//! A figure: everything an interactive drawing shows, computed in one pure
//! step — the scene, its rendered static layer, each hit's tooltip and
//! highlight, the data table, and the names of its downloads. The UI shows
//! any figure with one component.

use super::chart::{data_table, layout, table_csv, DataTable};
use super::html::{self, Ctx};
use super::scene::Scene;
use super::svg;
use plan::indicators::Indicator;
use plan::load::{AgencyLoad, Graph, Heatmap};

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Figure {
    pub scene: Scene,
    /// The static layer, drawn by plotters.
    pub svg: String,
    /// Per hit: the tooltip's HTML (with a link), or None.
    pub tips: Vec<Option<String>>,
    /// Per hit: SVG drawn over the figure while the hit is active.
    pub highlights: Vec<String>,
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
    /// Per hit: the id of what it shows (a place id on the map).
    pub keys: Vec<String>,
}

impl Figure {
    pub fn new(scene: Scene, table: DataTable, title: String, file: &str, c: Ctx) -> Figure {
        let n = scene.hits.len();
        Figure {
            svg: svg::render(&scene),
            tips: vec![None; n],
            highlights: vec![String::new(); n],
            table_html: html::table_html(&table),
            legend: String::new(),
            table,
            title,
            footer: vec![c.t().footer_sources.to_string()],
            file: file.to_string(),
            follow: false,
            keys: vec![],
            scene,
        }
    }
    /// The standalone SVG of the downloads.
    pub fn document(&self) -> String {
        svg::scene_document(&self.scene, std::slice::from_ref(&self.title), &self.footer)
    }
    pub fn csv(&self) -> String {
        table_csv(&self.table)
    }
}

/// An indicator's chart.
pub fn target(c: Ctx, ind: &Indicator, width: f64, cumulative: bool) -> Figure {
    let opts = html::chart_options(c.ds, ind, width, false, cumulative, c.lang);
    let spec = layout(ind, opts);
    let table = data_table(ind, &spec, opts);
    let mut f = Figure::new(spec.to_scene(), table, ind.name.clone(), &ind.id, c);
    f.tips = spec
        .marks
        .iter()
        .map(|m| Some(html::point_tip(c, ind, m.point)))
        .collect();
    f.table_html = html::data_table_html(c, ind, &f.table);
    f.legend = html::legend(c, ind, &spec);
    if let Some(doc) = c.ds.document(&ind.document) {
        f.footer.insert(
            0,
            format!("{}：{} {}", c.t().col_quote, doc.code, doc.title),
        );
    }
    f
}

/// The ranked load of agencies.
pub fn load(c: Ctx, rows: &[AgencyLoad], width: f64) -> Figure {
    let scene = super::agency::load_scene(c, rows, width);
    let table = super::agency::load_table(c, rows);
    let mut f = Figure::new(scene, table, c.t().view_load.to_string(), "agency-load", c);
    f.tips = rows.iter().map(|r| Some(html::load_tip(c, r))).collect();
    f
}

/// Agencies × categories.
pub fn heat(c: Ctx, hm: &Heatmap, width: f64) -> Figure {
    let scene = super::agency::heatmap(&super::agency::heat_input(c, hm), width);
    let table = super::agency::heat_table(c, hm);
    let mut f = Figure::new(
        scene,
        table,
        c.t().view_heatmap.to_string(),
        "agency-heatmap",
        c,
    );
    f.tips = hm
        .cells
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, v)| **v > 0)
                .map(move |(col, _)| (r, col))
        })
        .map(|(r, col)| Some(html::heat_tip(c, hm, r, col)))
        .collect();
    f.legend = html::heat_legend(c, hm);
    f
}

/// The co-responsibility network, laid out at `unit` (positions in the unit square).
pub fn network(c: Ctx, g: &Graph, unit: &[(f64, f64)], width: f64) -> Figure {
    let styles = super::agency::node_styles(c, g);
    let (scene, pos) = super::network::force_scene(g, unit, &styles, width, c.t().view_network);
    let table = super::agency::edge_table(c, g);
    let mut f = Figure::new(
        scene,
        table,
        c.t().view_network.to_string(),
        "agency-network",
        c,
    );
    f.tips = (0..g.nodes.len())
        .map(|i| Some(html::node_tip(c, g, i)))
        .collect();
    f.highlights = (0..g.nodes.len())
        .map(|i| super::network::highlight_svg(g, &pos, i, true))
        .collect();
    f
}

/// Agencies and tasks.
pub fn bipartite(c: Ctx, g: &Graph, rows: &[AgencyLoad], width: f64) -> Figure {
    let styles = super::agency::node_styles(c, g);
    let (scene, pos) = super::network::bipartite_scene(g, &styles, width, c.t().view_bipartite);
    let table = super::agency::load_table(c, rows);
    let mut f = Figure::new(
        scene,
        table,
        c.t().view_bipartite.to_string(),
        "agency-tasks",
        c,
    );
    f.tips = (0..g.nodes.len())
        .map(|i| Some(html::node_tip(c, g, i)))
        .collect();
    f.highlights = (0..g.nodes.len())
        .map(|i| super::network::highlight_svg(g, &pos, i, false))
        .collect();
    f
}

/// One agency's tasks by document.
pub fn agency_docs(c: Ctx, agency: &str, rows: &[AgencyLoad], width: f64) -> Figure {
    let scene = super::agency::agency_docs_scene(c, agency, width);
    let name = c.ds.agency_name(agency).to_string();
    let table = super::agency::load_table(c, rows);
    Figure::new(scene, table, name, agency, c)
}
