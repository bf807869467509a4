//! Agency load drawings: stacked bars (by document, lead and support) and the
//! agency × category heatmap, as scenes.

use super::scale::{nice_counts, Linear};
use super::scene::{Anchor, Label, C_GRID, C_INK, C_INK_2};
use super::scene::{Hit, HitShape, Rgb, Scene};
use super::text::{fit, width};
use crate::draw::figure::{DataRow, DataTable, Figure};

use crate::draw::network::NodeStyle;
use crate::route::Page;
use crate::words::{unit_names, Ctx};
use plan::agencies::AgencyKind;
use plan::load::LoadFilter;
use plan::load::{AgencyLoad, Graph, Heatmap};

mod tips;
pub use tips::*;

/// A colour per document (in document order), colour-blind safe (Okabe–Ito).
pub const DOC_COLORS: [Rgb; 6] = [
    (0, 114, 178),
    (230, 159, 0),
    (0, 158, 115),
    (204, 121, 167),
    (86, 180, 233),
    (213, 94, 0),
];

/// One bar: a label and its segments.
#[derive(Clone, Debug, PartialEq)]
pub struct BarRow {
    pub label: String,
    /// (value, colour, alpha): lead segments solid, support lighter.
    pub segments: Vec<(f64, Rgb, f64)>,
    pub total: f64,
    pub aria: String,
    pub href: Option<String>,
}

/// Horizontal stacked bars with their labels, `row_h` px a row.
pub fn stacked_bars(rows: &[BarRow], width_px: f64, row_h: f64, summary: &str) -> Scene {
    let fs = 12.0;
    let w = width_px.max(260.0);
    let label_w = rows
        .iter()
        .map(|r| width(&r.label, fs))
        .fold(0.0, f64::max)
        .min(w * 0.42)
        + 8.0;
    let top = fs + 10.0;
    let h = top + rows.len() as f64 * row_h + 6.0;
    let mut s = Scene::new(w, h);
    s.summary = summary.to_string();
    let max = rows.iter().map(|r| r.total).fold(0.0, f64::max).max(1.0);
    let (_, hi, ticks) = nice_counts(max, ((w - label_w) / 90.0).clamp(2.0, 8.0) as usize);
    let x0 = label_w;
    let x1 = w - width(&format!("{max}"), fs) - 10.0;
    let xs = Linear::new((0.0, hi), (x0, x1));
    for t in ticks {
        let x = xs.map(t);
        s.line(vec![(x, top - 4.0), (x, h - 4.0)], C_GRID, 1.0);
        s.text(Label {
            text: crate::words::fmt::num(t, 2),
            x,
            y: fs,
            size: fs - 1.0,
            anchor: Anchor::Middle,
            color: C_INK_2,
            bold: false,
        });
    }
    for (i, r) in rows.iter().enumerate() {
        let y = top + i as f64 * row_h;
        let (b0, b1) = (y + row_h * 0.18, y + row_h * 0.82);
        let mut acc = 0.0;
        for &(v, color, alpha) in &r.segments {
            if v <= 0.0 {
                continue;
            }
            s.rect(xs.map(acc), b0, xs.map(acc + v), b1, color, alpha);
            acc += v;
        }
        let label = fit(&r.label, fs, label_w - 8.0);
        s.text(Label {
            text: label,
            x: label_w - 6.0,
            y: y + row_h * 0.5 + fs * 0.35,
            size: fs,
            anchor: Anchor::End,
            color: C_INK,
            bold: false,
        });
        s.text(Label {
            text: crate::words::fmt::num(r.total, 2),
            x: xs.map(acc) + 4.0,
            y: y + row_h * 0.5 + fs * 0.35,
            size: fs,
            anchor: Anchor::Start,
            color: C_INK_2,
            bold: true,
        });
        s.hits.push(Hit {
            shape: HitShape::Rect {
                x: 0.0,
                y,
                w,
                h: row_h,
            },
            aria: r.aria.clone(),
            href: r.href.clone(),
            ..Default::default()
        });
    }
    s
}

/// A heatmap cell's colour: white to dark blue.
pub fn heat(v: u32, max: u32) -> (Rgb, f64) {
    if v == 0 || max == 0 {
        return ((245, 246, 247), 1.0);
    }
    let t = (v as f64 / max as f64).clamp(0.0, 1.0);
    let lerp = |a: f64, b: f64| (a + (b - a) * (0.15 + 0.85 * t)).round() as u8;
    (
        (lerp(222.0, 8.0), lerp(235.0, 69.0), lerp(247.0, 148.0)),
        1.0,
    )
}

/// Input for a heatmap: row labels, column headers (short) grouped by a
/// band label, counts, and per-cell aria text and link.
#[derive(Clone, Debug, PartialEq)]
pub struct HeatInput {
    pub rows: Vec<String>,
    /// (band, short header) per column.
    pub cols: Vec<(String, String)>,
    pub cells: Vec<Vec<u32>>,
    pub aria: Vec<Vec<String>>,
    pub row_href: Vec<Option<String>>,
    pub summary: String,
}

pub fn heatmap(input: &HeatInput, width_px: f64) -> Scene {
    let fs = 12.0;
    let w = width_px.max(260.0);
    let label_w = input
        .rows
        .iter()
        .map(|r| width(r, fs))
        .fold(0.0, f64::max)
        .min(w * 0.4)
        + 8.0;
    let n = input.cols.len().max(1) as f64;
    // Columns wide enough for two digits at the label size: a narrow page
    // scrolls the heatmap sideways instead of shrinking its text.
    let cw = ((w - label_w - 4.0) / n).clamp(22.0, 40.0);
    let ch = 18.0;
    let top = 2.0 * (fs + 6.0) + 2.0;
    let h = top + input.rows.len() as f64 * ch + 4.0;
    let w = label_w + cw * n + 4.0;
    let mut s = Scene::new(w, h);
    s.summary = input.summary.clone();
    let max = input.cells.iter().flatten().copied().max().unwrap_or(0);
    // Band labels over their columns, then the short headers.
    let mut k = 0;
    while k < input.cols.len() {
        let band = &input.cols[k].0;
        let end = (k..input.cols.len())
            .find(|&j| &input.cols[j].0 != band)
            .unwrap_or(input.cols.len());
        let (bx0, bx1) = (label_w + k as f64 * cw, label_w + end as f64 * cw);
        s.line(
            vec![(bx0 + 1.0, fs + 4.0), (bx1 - 1.0, fs + 4.0)],
            C_INK_2,
            1.0,
        );
        s.text(Label {
            text: fit(band, fs, bx1 - bx0),
            x: (bx0 + bx1) / 2.0,
            y: fs,
            size: fs - 1.0,
            anchor: Anchor::Middle,
            color: C_INK_2,
            bold: true,
        });
        k = end;
    }
    let head_fs = if cw < 16.0 { 9.0 } else { fs - 1.0 };
    for (j, (_, short)) in input.cols.iter().enumerate() {
        s.text(Label {
            text: short.clone(),
            x: label_w + (j as f64 + 0.5) * cw,
            y: top - 5.0,
            size: head_fs,
            anchor: Anchor::Middle,
            color: C_INK_2,
            bold: false,
        });
    }
    for (i, row) in input.rows.iter().enumerate() {
        let y = top + i as f64 * ch;
        s.text(Label {
            text: fit(row, fs, label_w - 8.0),
            x: label_w - 6.0,
            y: y + ch * 0.5 + fs * 0.35,
            size: fs,
            anchor: Anchor::End,
            color: C_INK,
            bold: false,
        });
        for (j, &v) in input.cells[i].iter().enumerate() {
            let x = label_w + j as f64 * cw;
            let (color, alpha) = heat(v, max);
            s.rect(x + 1.0, y + 1.0, x + cw - 1.0, y + ch - 1.0, color, alpha);
            if v > 0 && cw >= 16.0 {
                let dark = v as f64 / max.max(1) as f64 > 0.55;
                s.text(Label {
                    text: v.to_string(),
                    x: x + cw / 2.0,
                    y: y + ch * 0.5 + 4.0,
                    size: 11.0,
                    anchor: Anchor::Middle,
                    color: if dark { (255, 255, 255) } else { C_INK },
                    bold: false,
                });
            }
            if v > 0 {
                s.hits.push(Hit {
                    shape: HitShape::Rect { x, y, w: cw, h: ch },
                    aria: input.aria[i][j].clone(),
                    href: input.row_href[i].clone(),
                    ..Default::default()
                });
            }
        }
    }
    s
}

// ------------------------------------------------------ scenes from the data

/// A document's colour by its position among the documents that have tasks.
pub fn doc_color(c: Ctx, doc: &str) -> Rgb {
    let i = c.ds.task_documents().position(|d| d.id == doc).unwrap_or(0);
    DOC_COLORS[i % DOC_COLORS.len()]
}

pub fn kind_color(k: AgencyKind) -> Rgb {
    match k {
        AgencyKind::Provincial => (0, 114, 178),
        AgencyKind::Party => (204, 121, 167),
        AgencyKind::City => (213, 94, 0),
        AgencyKind::Zone => (0, 158, 115),
        AgencyKind::Central => (86, 180, 233),
        AgencyKind::Enterprise => (230, 159, 0),
        AgencyKind::Association => (170, 150, 40),
        AgencyKind::Collective | AgencyKind::Other => (140, 146, 152),
    }
}

fn code(c: Ctx, doc: &str) -> String {
    c.ds.document(doc)
        .map(|d| d.code.clone())
        .unwrap_or_default()
}

/// "000 负责17项；003 牵头1项、配合6项"
pub fn load_words(c: Ctx, row: &AgencyLoad) -> String {
    let t = c.t();
    row.by_doc
        .iter()
        .filter(|(_, l)| l.total() > 0)
        .map(|(d, l)| {
            let mut parts = Vec::new();
            let lead_word = match c.ds.document(d).map(|x| x.role_rule) {
                Some(plan::RoleRule::AllResponsible) => t.role_responsible,
                _ => t.role_lead,
            };
            if l.lead > 0 {
                parts.push(t.role_count(lead_word, l.lead));
            }
            if l.support > 0 {
                parts.push(t.role_count(t.role_support, l.support));
            }
            format!("{} {}", code(c, d), parts.join(c.t().list_sep))
        })
        .collect::<Vec<_>>()
        .join(t.semi)
}

/// The ranked load: one stacked bar per agency (lead solid, support light).
pub fn load_scene(c: Ctx, rows: &[AgencyLoad], width_px: f64) -> Scene {
    let t = c.t();
    let bars: Vec<BarRow> = rows
        .iter()
        .map(|r| {
            let name = c.agency(&r.agency);
            let mut segments = Vec::new();
            for (d, l) in &r.by_doc {
                segments.push((l.lead as f64, doc_color(c, d), 1.0));
                segments.push((l.support as f64, doc_color(c, d), 0.4));
            }
            BarRow {
                aria: format!(
                    "{name}{}{}{}{}",
                    t.colon,
                    t.count_tasks(r.total()),
                    t.semi,
                    load_words(c, r)
                ),
                label: c.agency_short(&r.agency).to_string(),
                segments,
                total: r.total() as f64,
                href: Some(c.href(Page::Agencies(Some(r.agency.clone())))),
            }
        })
        .collect();
    stacked_bars(&bars, width_px, 22.0, &t.load_summary(rows.len()))
}

/// The ranked load as a table (the HTML table and the CSV).
pub fn load_table(c: Ctx, rows: &[AgencyLoad]) -> DataTable {
    let t = c.t();
    let docs: Vec<String> = rows
        .first()
        .map(|r| r.by_doc.iter().map(|(d, _)| d.clone()).collect())
        .unwrap_or_default();
    let mut head = vec![
        t.agencies.col_rank.to_string(),
        t.agencies.col_agency.to_string(),
        t.col_kind.to_string(),
    ];
    for d in &docs {
        head.push(format!("{} {}", code(c, d), t.role_lead));
        head.push(format!("{} {}", code(c, d), t.role_support));
    }
    head.push(t.agencies.col_total.to_string());
    let rows = rows
        .iter()
        .enumerate()
        .map(|(i, r)| {
            let a = c.ds.agency(&r.agency);
            let mut cells = vec![
                (i + 1).to_string(),
                a.map(|a| a.name_in(c.lang).to_string()).unwrap_or_default(),
                a.map(|a| t.agency_kind(a.kind).to_string())
                    .unwrap_or_default(),
            ];
            for (_, l) in &r.by_doc {
                cells.push(l.lead.to_string());
                cells.push(l.support.to_string());
            }
            cells.push(r.total().to_string());
            DataRow {
                cells,
                point: None,
                href: None,
            }
        })
        .collect();
    DataTable {
        head,
        rows,
        quotes: false,
    }
}

/// The heatmap's input: short column headers per document, aria per cell.
pub fn heat_input(c: Ctx, hm: &Heatmap) -> HeatInput {
    let t = c.t();
    let cols = hm
        .cols
        .iter()
        .zip(hm.col_numbers())
        .map(|((d, _), k)| (code(c, d), c.t().numeral(k)))
        .collect();
    let names: Vec<String> = hm
        .rows
        .iter()
        .map(|a| c.agency_short(a).to_string())
        .collect();
    let aria = names
        .iter()
        .zip(&hm.cells)
        .map(|(n, row)| {
            row.iter()
                .zip(&hm.cols)
                .map(|(v, (d, cat))| {
                    format!(
                        "{n} × {} {}{}{}",
                        code(c, d),
                        c.category(d, cat),
                        t.colon,
                        t.count_tasks(*v)
                    )
                })
                .collect()
        })
        .collect();
    HeatInput {
        rows: names,
        cols,
        cells: hm.cells.clone(),
        aria,
        row_href: hm
            .rows
            .iter()
            .map(|a| Some(c.href(Page::Agencies(Some(a.clone())))))
            .collect(),
        summary: t.heat_summary(hm.rows.len(), hm.cols.len()),
    }
}

/// The heatmap in long form (agency, document, category, tasks).
pub fn heat_table(c: Ctx, hm: &Heatmap) -> DataTable {
    let t = c.t();
    let mut rows = Vec::new();
    for (i, a) in hm.rows.iter().enumerate() {
        for (j, (d, cat)) in hm.cols.iter().enumerate() {
            let v = hm.cells[i][j];
            if v > 0 {
                rows.push(DataRow {
                    cells: vec![
                        c.agency(a).to_string(),
                        code(c, d),
                        c.category(d, cat).to_string(),
                        v.to_string(),
                    ],
                    point: None,
                    href: None,
                });
            }
        }
    }
    DataTable {
        head: vec![
            t.agencies.col_agency.into(),
            t.col_document.into(),
            t.agencies.col_category.into(),
            t.col_tasks.into(),
        ],
        rows,
        quotes: false,
    }
}

/// Styles for a graph's nodes: agencies by kind, tasks by document.
pub fn node_styles(c: Ctx, g: &Graph) -> Vec<NodeStyle> {
    let t = c.t();
    g.nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let degree = g.neighbours(i).len();
            if n.is_task {
                let task = c.ds.task(&n.id);
                NodeStyle {
                    color: task
                        .map(|x| doc_color(c, &x.document))
                        .unwrap_or((140, 146, 152)),
                    aria: format!(
                        "{} {}{}{}",
                        n.id,
                        task.map(|x| c.category(&x.document, &x.category))
                            .unwrap_or(""),
                        t.colon,
                        t.count_units(degree as u32)
                    ),
                    href: Some(c.href(Page::Task(n.id.clone()))),
                }
            } else {
                let kind =
                    c.ds.agency(&n.id)
                        .map(|a| a.kind)
                        .unwrap_or(AgencyKind::Other);
                NodeStyle {
                    color: kind_color(kind),
                    aria: if g.nodes.iter().any(|n| n.is_task) {
                        format!("{}{}{}", c.agency(&n.id), t.colon, t.count_tasks(n.weight))
                    } else {
                        format!(
                            "{}{}{}{}{}",
                            c.agency(&n.id),
                            t.colon,
                            t.count_tasks(n.weight),
                            t.semi,
                            t.count_partners(degree as u32)
                        )
                    },
                    href: Some(c.href(Page::Agencies(Some(n.id.clone())))),
                }
            }
        })
        .collect()
}

/// Co-responsibility edges as a table.
pub fn edge_table(c: Ctx, g: &Graph) -> DataTable {
    let t = c.t();
    DataTable {
        head: vec![
            t.agencies.col_agency.into(),
            t.agencies.col_agency.into(),
            t.agencies.col_shared.into(),
        ],
        rows: g
            .edges
            .iter()
            .map(|&(a, b, w)| DataRow {
                cells: vec![
                    g.nodes[a].label.clone(),
                    g.nodes[b].label.clone(),
                    w.to_string(),
                ],
                point: None,
                href: None,
            })
            .collect(),
        quotes: false,
    }
}

/// One agency's load by document (the agency page's chart).
pub fn agency_docs_scene(c: Ctx, agency: &str, width_px: f64) -> Scene {
    let t = c.t();
    let rows: Vec<BarRow> =
        c.ds.task_documents()
            .map(|d| {
                let l = plan::agencies::load(agency, c.ds.tasks_of(&d.id));
                let when = c.t().doc_period(d);
                BarRow {
                    label: if when == t.period_undated {
                        format!("{}{}", d.code, t.paren(&when))
                    } else {
                        format!("{} {when}", d.code)
                    },
                    segments: vec![
                        (l.lead as f64, doc_color(c, &d.id), 1.0),
                        (l.support as f64, doc_color(c, &d.id), 0.4),
                    ],
                    total: l.total() as f64,
                    aria: format!(
                        "{} {}{}{}",
                        d.code,
                        c.doc_title(d),
                        t.colon,
                        t.count_tasks(l.total())
                    ),
                    href: Some(
                        c.link(
                            &c.route(Page::Tasks)
                                .with_param("doc", &d.id)
                                .with_param("agency", agency),
                        ),
                    ),
                }
            })
            .collect();
    stacked_bars(&rows, width_px, 26.0, t.agencies.agency_docs_summary)
}

/// The ranked load of agencies.
pub fn load_figure(c: Ctx, rows: &[AgencyLoad], width: f64) -> Figure {
    let scene = load_scene(c, rows, width);
    let table = load_table(c, rows);
    let mut f = Figure::new(
        scene,
        table,
        c.t().agencies.view_load.to_string(),
        "agency-load",
        c,
    );
    for (hit, r) in f.scene.hits.iter_mut().zip(rows) {
        hit.tip = Some(load_tip(c, r));
    }
    f
}

/// Agencies × categories.
pub fn heat_figure(c: Ctx, hm: &Heatmap, width: f64) -> Figure {
    let scene = heatmap(&heat_input(c, hm), width);
    let table = heat_table(c, hm);
    let mut f = Figure::new(
        scene,
        table,
        c.t().agencies.view_heatmap.to_string(),
        "agency-heatmap",
        c,
    );
    let cells = hm
        .cells
        .iter()
        .enumerate()
        .flat_map(|(r, row)| {
            row.iter()
                .enumerate()
                .filter(|(_, v)| **v > 0)
                .map(move |(col, _)| (r, col))
        })
        .map(|(r, col)| heat_tip(c, hm, r, col));
    for (hit, tip) in f.scene.hits.iter_mut().zip(cells) {
        hit.tip = Some(tip);
    }
    f.legend = heat_legend(c, hm);
    f.no_shrink = true;
    f
}

/// The co-responsibility network, laid out at `unit` (positions in the unit square).
/// Lines are drawn between agencies that share at least `min_edge` tasks.
pub fn network_figure(c: Ctx, g: &Graph, unit: &[(f64, f64)], width: f64, min_edge: u32) -> Figure {
    let g = &*localized(c, g);
    let styles = node_styles(c, g);
    let (scene, pos) = super::network::force_scene(
        g,
        unit,
        &styles,
        width,
        c.t().agencies.view_network,
        min_edge,
    );
    let table = edge_table(c, g);
    let mut f = Figure::new(
        scene,
        table,
        c.t().agencies.view_network.to_string(),
        "agency-network",
        c,
    );
    for (i, hit) in f.scene.hits.iter_mut().enumerate() {
        hit.tip = Some(node_tip(c, g, i));
        hit.highlight = super::network::highlight_svg(g, &pos, i, true);
    }
    f.legend = kind_legend(c, g);
    f
}

/// What a node's colour says: its agency's kind (the kinds the graph has).
pub fn kind_legend(c: Ctx, g: &Graph) -> crate::draw::figure::Legend {
    let t = c.t();
    let mut kinds: Vec<AgencyKind> = Vec::new();
    for n in g.nodes.iter().filter(|n| !n.is_task) {
        let k = c.ds.agency(&n.id).map_or(AgencyKind::Other, |a| a.kind);
        let k = if k == AgencyKind::Collective {
            AgencyKind::Other
        } else {
            k
        };
        if !kinds.contains(&k) {
            kinds.push(k);
        }
    }
    kinds.sort_by_key(|k| *k as u8);
    crate::draw::figure::Legend::Marks {
        class: "legend kind-legend",
        items: kinds
            .into_iter()
            .map(|k| {
                let (r, gg, b) = kind_color(k);
                crate::draw::figure::LegendMark {
                    class: "lg-kind",
                    swatch: format!("<svg class=\"swatch\" viewBox=\"0 0 12 12\" aria-hidden=\"true\"><circle cx=\"6\" cy=\"6\" r=\"5\" fill=\"rgb({r},{gg},{b})\"/></svg>"),
                    label: t.agency_kind(k).to_string(),
                    ..Default::default()
                }
            })
            .collect(),
    }
}

/// Agencies and tasks.
pub fn bipartite_figure(c: Ctx, g: &Graph, rows: &[AgencyLoad], width: f64) -> Figure {
    let g = &*localized(c, g);
    let styles = node_styles(c, g);
    let (scene, pos) =
        super::network::bipartite_scene(g, &styles, width, c.t().agencies.view_bipartite);
    let table = load_table(c, rows);
    let mut f = Figure::new(
        scene,
        table,
        c.t().agencies.view_bipartite.to_string(),
        "agency-tasks",
        c,
    );
    for (i, hit) in f.scene.hits.iter_mut().enumerate() {
        hit.tip = Some(node_tip(c, g, i));
        hit.highlight = super::network::highlight_svg(g, &pos, i, false);
    }
    f
}

/// The bipartite view one panel per document, stacked: each panel's
/// agencies and tasks (numbered), so that no line crosses from one
/// document to another. `panels`: each document's code and title, and its
/// graph.
pub fn bipartite_panels(
    c: Ctx,
    panels: &[(String, Graph)],
    rows: &[AgencyLoad],
    width: f64,
) -> Figure {
    let head = 26.0;
    let mut scene = Scene::new(width.max(300.0), 0.0);
    scene.summary = c.t().agencies.view_bipartite.to_string();
    let mut hits = Vec::new();
    for (title, g) in panels {
        if !g.nodes.iter().any(|n| n.is_task) {
            continue;
        }
        let dy = scene.height + head;
        let sub = bipartite_figure(c, g, &[], width);
        scene.text(super::scene::Label {
            text: super::text::fit(title, 13.0, scene.width - 8.0),
            x: 4.0,
            y: scene.height + 18.0,
            size: 13.0,
            anchor: super::scene::Anchor::Start,
            color: super::scene::C_INK,
            bold: true,
        });
        for p in sub.scene.prims {
            scene.prims.push(p.shifted(0.0, dy));
        }
        for mut h in sub.scene.hits {
            h.shape = h.shape.shifted(0.0, dy);
            if !h.highlight.is_empty() {
                h.highlight = format!("<g transform=\"translate(0,{dy})\">{}</g>", h.highlight);
            }
            hits.push(h);
        }
        scene.height = dy + sub.scene.height;
    }
    let table = load_table(c, rows);
    let mut f = Figure::new(
        scene,
        table,
        c.t().agencies.view_bipartite.to_string(),
        "agency-tasks",
        c,
    );
    f.scene.hits = hits;
    f
}

/// One agency's tasks by document.
pub fn agency_docs_figure(c: Ctx, agency: &str, rows: &[AgencyLoad], width: f64) -> Figure {
    let scene = agency_docs_scene(c, agency, width);
    let name = c.agency(agency).to_string();
    let table = load_table(c, rows);
    Figure::new(scene, table, name, agency, c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fit_shortens_with_an_ellipsis() {
        assert_eq!(fit("省人力资源社会保障厅", 12.0, 60.0), "省人力资…");
        assert_eq!(fit("省科技厅", 12.0, 60.0), "省科技厅");
    }
}
