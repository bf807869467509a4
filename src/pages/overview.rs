//! `/`: what the plans promise (the headline targets and where they stand),
//! the spatial structure, the agencies carrying most tasks; then the
//! documents, what each is, its date and counts.

use std::fmt::Write;

use super::targets;
use crate::draw::agency;
use crate::draw::figure::Figure;
use crate::draw::map::{self, Layer, MapView};
use crate::markup::{a, esc};
use crate::route::Page;
use crate::words::Ctx;
use plan::load::{loads, LoadFilter, SortKey};
use plan::summary::DocumentSummary;

/// The headline targets the overview opens with, in this order.
pub const HEADLINES: [&str; 5] = ["gdp", "urbanization", "pm25", "good-air-days", "rd-share"];

/// How many agencies the overview's load chart ranks.
const TOP_AGENCIES: usize = 6;

pub fn overview(c: Ctx) -> String {
    let t = c.t();
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"page overview\"><h1>{}</h1><p class=\"lede\">{}</p>",
        esc(t.app_title),
        esc(t.overview_intro),
    );
    h.push_str(&promises(c));
    h.push_str("<div class=\"overview-pair\">");
    h.push_str(&structure(c));
    h.push_str(&load(c));
    h.push_str("</div>");
    let _ = write!(
        h,
        "<h2 id=\"documents\">{}</h2>",
        esc(t.overview.documents_heading)
    );
    h.push_str(&documents_table(c));
    h.push_str("</section>");
    h
}

/// What the plans promise: the headline targets as cards, with how many of
/// all the targets have passed, are due, or are later.
fn promises(c: Ctx) -> String {
    let t = c.t();
    let (past, now, later) = targets::due_counts(c.ds);
    let mut h = format!(
        "<section class=\"promises\" aria-labelledby=\"promises-h\"><h2 id=\"promises-h\">{}</h2><p class=\"due-counts\">{}</p><ul class=\"target-grid headline-grid\">",
        esc(t.overview.promises_heading),
        esc(&t.due_summary(targets::THIS_YEAR, past, now, later)),
    );
    for id in HEADLINES {
        if let Some(ind) = c.ds.indicators.iter().find(|i| i.id == id) {
            h.push_str(&targets::target_card(c, ind));
        }
    }
    let _ = write!(
        h,
        "</ul><p class=\"more\">{}</p></section>",
        a(&c.href(Page::Targets(None)), t.overview.see_all_targets)
    );
    h
}

/// A figure's drawing as a picture that links to its page (no marks: the
/// page it links to has them).
fn picture(f: &Figure, href: &str, class: &str) -> String {
    format!(
        "<a class=\"picture {class}\" href=\"{}\"><svg class=\"chart\" data-fill=\"\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"img\" aria-label=\"{}\">{}</svg></a>",
        esc(href),
        esc(&f.scene.summary),
        f.svg,
        w = f.scene.width,
        h = f.scene.height,
    )
}

/// The layers of the structure (一轴一心，三带多组团) and the cities.
const STRUCTURE: [Layer; 5] = [
    Layer::Axis,
    Layer::Heart,
    Layer::Belts,
    Layer::Clusters,
    Layer::Centre,
];

/// The spatial structure in one small map.
fn structure(c: Ctx) -> String {
    let t = c.t();
    let route = c.route(Page::Map);
    let (w, h) = super::map::size_for(400.0);
    let f = map::figure(c, &route, &STRUCTURE, MapView::whole(), w, h);
    format!(
        "<section class=\"structure\"><h2>{}</h2>{}<p class=\"more\">{}</p></section>",
        esc(t.overview.structure_heading),
        picture(&f, &c.link(&route), "mini-map"),
        a(&c.link(&route), t.overview.see_map)
    )
}

/// The agencies that carry most tasks.
fn load(c: Ctx) -> String {
    let t = c.t();
    let rows: Vec<_> = loads(c.ds, &LoadFilter::default(), SortKey::from_key(""))
        .into_iter()
        .filter(|r| !c.ds.is_collective(&r.agency))
        .take(TOP_AGENCIES)
        .collect();
    let f = agency::load_figure(c, &rows, 400.0);
    let href = c.href(Page::Agencies(None));
    format!(
        "<section class=\"load\"><h2>{}</h2>{}<p class=\"more\">{}</p></section>",
        esc(t.overview.load_heading),
        picture(&f, &href, "mini-load"),
        a(&href, t.overview.see_agencies)
    )
}

/// The five documents with their counts.
pub fn documents_table(c: Ctx) -> String {
    let t = c.t();
    let rows = DocumentSummary::all(c.ds);
    let total = DocumentSummary::total(&rows, c.ds);
    let mut h = format!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"doc-table stack\"><thead><tr>",
        esc(t.overview.documents_heading)
    );
    for (col, num_col) in [
        (t.col_document, false),
        (t.col_kind, false),
        (t.col_date, false),
        (t.col_tasks, true),
        (t.overview.col_categories, true),
        (t.col_units, true),
        (t.col_indicators, true),
        (t.overview.col_places, true),
        (t.overview.col_problems, true),
    ] {
        let _ = write!(
            h,
            "<th scope=\"col\"{}>{}</th>",
            if num_col { " class=\"num\"" } else { "" },
            esc(col)
        );
    }
    let _ = write!(
        h,
        "<th scope=\"col\"><span class=\"visually-hidden\">{}</span></th></tr></thead><tbody>",
        esc(t.overview.view_source)
    );
    for s in &rows {
        let Some(d) = c.ds.document(&s.document) else {
            continue;
        };
        let tasks = if s.tasks > 0 {
            a(
                &c.link(&c.route(Page::Tasks).with_param("doc", &d.id)),
                &s.tasks.to_string(),
            )
        } else {
            s.tasks.to_string()
        };
        let _ = write!(
            h,
            "<tr data-doc=\"{}\"><th scope=\"row\"><span class=\"doc-code\">{}</span> <span class=\"doc-title\">{}</span><p class=\"doc-summary\">{}</p></th><td data-label=\"{l_kind}\">{}</td><td class=\"num\" data-label=\"{l_date}\">{}</td><td class=\"num\" data-label=\"{l_tasks}\">{tasks}</td><td class=\"num\" data-label=\"{l_cats}\">{}</td><td class=\"num\" data-label=\"{l_units}\">{}</td><td class=\"num\" data-label=\"{l_inds}\">{}</td><td class=\"num\" data-label=\"{l_places}\">{}</td><td class=\"num\" data-label=\"{l_problems}\">{}</td><td>{}</td></tr>",
            esc(&d.code),
            esc(&d.code),
            esc(c.doc_title(d)),
            esc(d.summary_in(c.lang)),
            esc(t.doc_kind(d.kind)),
            esc(d.date.as_deref().unwrap_or(t.overview.no_date)),
            s.categories,
            s.agencies,
            s.indicators,
            s.places,
            s.problems,
            a(&c.href(Page::Source(d.id.clone())), t.overview.view_source),
            l_kind = esc(t.col_kind),
            l_date = esc(t.col_date),
            l_tasks = esc(t.col_tasks),
            l_cats = esc(t.overview.col_categories),
            l_units = esc(t.col_units),
            l_inds = esc(t.col_indicators),
            l_places = esc(t.overview.col_places),
            l_problems = esc(t.overview.col_problems),
        );
    }
    let _ = write!(
        h,
        "</tbody><tfoot><tr><th scope=\"row\">{}</th><td></td><td></td><td class=\"num\" data-label=\"{l_tasks}\">{}</td><td class=\"num\" data-label=\"{l_cats}\">{}</td><td class=\"num\" data-label=\"{l_units}\">{}</td><td class=\"num\" data-label=\"{l_inds}\">{}</td><td class=\"num\" data-label=\"{l_places}\">{}</td><td class=\"num\" data-label=\"{l_problems}\">{}</td><td></td></tr></tfoot></table></div>",
        esc(t.overview.dataset_totals),
        total.tasks,
        total.categories,
        total.agencies,
        total.indicators,
        total.places,
        total.problems,
        l_tasks = esc(t.col_tasks),
        l_cats = esc(t.overview.col_categories),
        l_units = esc(t.col_units),
        l_inds = esc(t.col_indicators),
        l_places = esc(t.overview.col_places),
        l_problems = esc(t.overview.col_problems),
    );
    h
}
