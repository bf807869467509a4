//! `#/map`: the schematic region map with its layers, tools, place panel,
//! legend, caption and data; and the map's embed.

use std::fmt::Write;

use crate::draw::figure::Figure;
use crate::draw::map::{self, height_for, layer_names, select_href, Layer, MapView};
use crate::markup::{esc, link_class, txt};
use crate::pages::figure::{figure_html, legend_html, table_html, Downloads};
use crate::route::{Page, Route};
use crate::words::{unit_names, Ctx};
use plan::places::Place;

/// The map's size in a box `w` px wide.
pub fn size_for(w: f64) -> (f64, f64) {
    let w = w.clamp(280.0, 1200.0);
    (w, height_for(w))
}

/// The map's size in an embed `w` px wide: wider than tall, so that the
/// embed with its title, legend and source line stays about as tall as a
/// column is wide.
pub fn embed_size_for(w: f64) -> (f64, f64) {
    let w = w.clamp(280.0, 1200.0);
    (w, (w * 0.6).clamp(300.0, 600.0))
}

/// The map's size in a page or an embed.
pub fn size_in(w: f64, embed: bool) -> (f64, f64) {
    if embed {
        embed_size_for(w)
    } else {
        size_for(w)
    }
}

/// What the map's route asks for: layers, view, selected place.
pub struct MapState {
    pub layers: Vec<Layer>,
    pub view: MapView,
    pub selected: Option<String>,
    /// The route without its selection (what a place's link adds it to).
    pub base: Route,
}

impl MapState {
    /// The route's state; `find=<name>` (the place finder without the app)
    /// selects the place it finds and centres the map on it.
    pub fn of(ds: &plan::Dataset, route: &Route) -> MapState {
        let mut s = MapState {
            layers: Layer::parse(route.param("layers")),
            view: MapView::parse(route.param("z"), route.param("c")),
            selected: route.param("sel").map(str::to_string),
            base: route.with_param("sel", "").with_param("find", ""),
        };
        if s.selected.is_none() {
            if let Some(found) = route.param("find").and_then(|q| find_place(ds, q)) {
                let (z, c) = found_view(found, s.view);
                s.view = MapView::parse(Some(&z), Some(&c));
                if !s.layers.contains(&map::layer_of(found)) {
                    s.layers.push(map::layer_of(found));
                    s.layers.sort();
                }
                s.selected = Some(found.id.clone());
            }
        }
        s
    }
}

/// The zoom at which the finder shows a place it found: close enough for
/// its label among its neighbours.
pub const FIND_ZOOM: f64 = 4.0;

/// The view ("z", "c" parameters) that shows a found place: centred on it,
/// at [`FIND_ZOOM`] or closer if the view was closer already.
pub fn found_view(p: &Place, now: MapView) -> (String, String) {
    let (lon, lat) = map::anchor(p).unwrap_or((now.lon, now.lat));
    let v = MapView {
        lon,
        lat,
        zoom: now.zoom.max(FIND_ZOOM),
    }
    .clamped();
    (v.zoom_str(), v.centre_str())
}

/// The place a visitor's words name: its Chinese or English name (or
/// short label) exactly, ignoring case, spaces and a final 镇/乡/街道/区;
/// else the shortest name that starts with them; else one that contains
/// them. Places with a position on the map first.
pub fn find_place<'a>(ds: &'a plan::Dataset, q: &str) -> Option<&'a Place> {
    let norm = |s: &str| -> String {
        let s: String = s.split_whitespace().collect::<String>().to_lowercase();
        let mut s = s.as_str();
        for suffix in ["街道", "镇", "乡"] {
            if let Some(r) = s.strip_suffix(suffix).filter(|r| r.chars().count() >= 2) {
                s = r;
            }
        }
        s.to_string()
    };
    let q = norm(q);
    if q.is_empty() {
        return None;
    }
    let names = |p: &'a Place| {
        [
            Some(p.name.as_str()),
            Some(p.name_en.as_str()),
            p.short_en.as_deref(),
        ]
        .into_iter()
        .flatten()
        .map(norm)
    };
    let placed = |p: &&Place| map::anchor(p).is_some();
    let best = |pred: &dyn Fn(&str) -> bool| {
        ds.places
            .iter()
            .filter(|p| names(p).any(|n| pred(&n)))
            .min_by_key(|p| (!placed(p), p.name.chars().count()))
    };
    best(&|n| n == q)
        .or_else(|| best(&|n| n.starts_with(&q)))
        .or_else(|| best(&|n| n.contains(&q)))
}

/// The place finder: a name (the list offers every place), then the place
/// selected with its sentence and tasks.
pub fn finder(c: Ctx, route: &Route) -> String {
    let t = c.t();
    let mut opts = String::new();
    let mut seen = std::collections::BTreeSet::new();
    for p in c.ds.places.iter().filter(|p| map::anchor(p).is_some()) {
        let name = match c.lang {
            plan::Lang::Zh => p.name.as_str(),
            plan::Lang::En => p.name_en.as_str(),
        };
        if seen.insert(name) {
            let _ = write!(opts, "<option value=\"{}\"></option>", esc(name));
        }
    }
    let action = c.link(&c.route(Page::Map));
    let action = action.split('?').next().unwrap_or("");
    format!(
        "<form class=\"place-finder\" role=\"search\" action=\"{}\" method=\"get\"><label for=\"place-find\">{}</label><input id=\"place-find\" type=\"search\" name=\"find\" list=\"place-names\" autocomplete=\"off\" value=\"{}\" placeholder=\"{}\"><button type=\"submit\">{}</button><datalist id=\"place-names\">{opts}</datalist><p class=\"finder-result\" aria-live=\"polite\">{}</p></form>",
        esc(action),
        esc(t.map.find_place_label),
        esc(route.param("find").unwrap_or("")),
        esc(t.map.find_place_placeholder),
        esc(t.map.find_place_button),
        match route.param("find") {
            Some(q) if !q.trim().is_empty() && find_place(c.ds, q).is_none() => esc(&t.find_place_none(q)),
            _ => String::new(),
        }
    )
}

/// The map at each of `widths`.
pub fn map_figures(c: Ctx, s: &MapState, widths: &[f64], embed: bool) -> Vec<(f64, Figure)> {
    widths
        .iter()
        .map(|w| {
            let (w2, h) = size_in(*w, embed);
            (*w, map::figure(c, &s.base, &s.layers, s.view, w2, h))
        })
        .collect()
}

/// The layer switches.
pub fn layer_boxes(c: Ctx, on: &[Layer]) -> String {
    layer_names(c)
        .into_iter()
        .map(|(l, name)| {
            format!(
                "<label class=\"layer\"><input type=\"checkbox\" data-layer=\"{}\"{}> {}</label>",
                l.key(),
                if on.contains(&l) { " checked" } else { "" },
                esc(name)
            )
        })
        .collect()
}

/// The zoom buttons and the zoom level.
pub fn tools(c: Ctx, view: MapView) -> String {
    let t = c.t();
    format!(
        "<div class=\"map-tools\"><button type=\"button\" data-zoom=\"in\" aria-label=\"{}\">+</button><button type=\"button\" data-zoom=\"out\" aria-label=\"{}\">−</button><button type=\"button\" data-zoom=\"reset\">{}</button><span class=\"zoom-level\" aria-live=\"polite\">×{}</span></div>",
        esc(t.map.zoom_in),
        esc(t.map.zoom_out),
        esc(t.map.zoom_reset),
        esc(&view.zoom_str())
    )
}

/// The selected place's panel, with its close button ("" with none).
pub fn panel(c: Ctx, s: &MapState) -> String {
    let Some(p) = s.selected.as_deref().and_then(|id| c.ds.place(id)) else {
        return String::new();
    };
    format!(
        "<aside class=\"place-panel\" aria-live=\"polite\"><a class=\"tip-close\" role=\"button\" aria-label=\"{}\" href=\"{}\">×</a><div>{}</div></aside>",
        esc(c.t().close_panel),
        esc(&c.link(&s.base)),
        place_panel(c, &s.base, p)
    )
}

/// The map and everything around it, for the page and its embed.
pub fn map_body(c: Ctx, s: &MapState, figs: &[(f64, Figure)], embed: bool) -> String {
    let t = c.t();
    let legend = figs
        .last()
        .map(|(_, f)| legend_html(c.lang, &f.legend))
        .unwrap_or_default();
    format!(
        "<div class=\"map-layout{}\"><div class=\"map-main\">{}<div class=\"map-frame\" tabindex=\"0\" role=\"application\" aria-label=\"{}\"><div class=\"map-pan\">{}</div><p class=\"map-hint\" aria-hidden=\"true\">{}</p></div>{}</div>{}</div><div class=\"html\">{legend}</div><div class=\"html\"><p class=\"map-caption\">{}</p></div>",
        if s.selected.is_some() { " has-panel" } else { "" },
        tools(c, s.view),
        esc(t.map.map_keys),
        figure_html(c, "map", figs, Downloads::None),
        esc(t.map.map_wheel_hint),
        if embed {
            String::new()
        } else {
            format!("<p class=\"tip-hint\">{}</p>", esc(t.map.map_keys))
        },
        panel(c, s),
        esc(t.map.map_caption)
    )
}

/// `#/map`.
pub fn map_page(c: Ctx, route: &Route, widths: &[f64], embed_kit: &str) -> String {
    let t = c.t();
    let s = MapState::of(c.ds, route);
    let figs = map_figures(c, &s, widths, false);
    let table = figs
        .last()
        .map(|(_, f)| table_html(&f.table))
        .unwrap_or_default();
    format!(
        "<section class=\"page map\"><h1>{}</h1><p class=\"lede\">{}</p>{}<fieldset class=\"layers\"><legend>{}</legend><div class=\"layer-list\">{}</div></fieldset>{}{embed_kit}<details class=\"table-details\"><summary>{}</summary><div class=\"table-wrap\">{table}</div></details></section>",
        esc(t.map_heading),
        esc(t.map_intro),
        finder(c, route),
        esc(t.map.layers_label),
        layer_boxes(c, &s.layers),
        map_body(c, &s, &figs, false),
        esc(t.data_table)
    )
}

/// `#/embed/map`: the map with its title and source line.
pub fn map_embed(c: Ctx, route: &Route, widths: &[f64], full: &str) -> String {
    let s = MapState::of(c.ds, route);
    let figs = map_figures(c, &s, widths, true);
    let docs: Vec<&str> =
        c.ds.documents
            .iter()
            .filter(|d| c.ds.places.iter().any(|p| p.document == d.id))
            .map(|d| d.id.as_str())
            .collect();
    format!(
        "<section class=\"map embed\"><h1 class=\"embed-title\">{}</h1>{}{}</section>",
        esc(c.t().map_heading),
        map_body(c, &s, &figs, true),
        super::embed::credit(c, &docs, full)
    )
}

/// The panel of a selected place: its sentence, its members, the tasks that
/// name it and their agencies.
pub fn place_panel(c: Ctx, base: &Route, p: &Place) -> String {
    let t = c.t();
    let mut h = String::new();
    let doc = c.ds.document(&p.document);
    let _ = write!(
        h,
        "<h2>{}{}</h2><p class=\"doc-file\">{} · {}</p><blockquote class=\"place-quote\" lang=\"zh-CN\">{}</blockquote><p>{}</p>",
        txt(p.name_in(c.lang)),
        if c.lang == plan::Lang::Zh {
            String::new()
        } else {
            format!(" <span class=\"as-written\" lang=\"zh-CN\">{}</span>", esc(&p.name))
        },
        esc(t.place_kind(p.kind)),
        txt(&format!("{} {}", doc.map(|d| d.code.as_str()).unwrap_or(""), doc.map(|d| c.doc_title(d)).unwrap_or(""))),
        esc(&p.quote),
        link_class("place-source", &c.source_href(&p.document, p.lines.start, p.lines.end), &format!("{} →", t.open_in_source))
    );
    let members: Vec<&Place> =
        c.ds.places
            .iter()
            .filter(|k| k.parent.as_deref() == Some(&p.id))
            .collect();
    if !members.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3><ul class=\"place-members\">",
            esc(t.map.place_members)
        );
        for m in members {
            let _ = write!(
                h,
                "<li><a href=\"{}\">{}</a></li>",
                esc(&select_href(c, base, &m.id)),
                txt(m.name_in(c.lang))
            );
        }
        h.push_str("</ul>");
    }
    if let Some(parent) = p.parent.as_deref().and_then(|id| c.ds.place(id)) {
        let _ = write!(
            h,
            "<p>{}{}<a href=\"{}\">{}</a></p>",
            esc(t.map.place_part_of),
            t.colon,
            esc(&select_href(c, base, &parent.id)),
            txt(parent.name_in(c.lang))
        );
    }
    let tasks = plan::places::tasks_naming(c.ds, p);
    let _ = write!(h, "<h3>{}</h3>", esc(t.map.place_tasks));
    if tasks.is_empty() {
        let _ = write!(h, "<p class=\"empty\">{}</p>", esc(t.map.place_no_tasks));
    } else {
        h.push_str("<ul class=\"place-tasks\">");
        for task in tasks {
            let _ = write!(
                h,
                "<li><a href=\"{}\">{} <span lang=\"zh-CN\">{}</span></a><br><span class=\"task-units\">{}</span></li>",
                esc(&c.href(Page::Task(task.id.clone()))),
                esc(&task.id),
                esc(&crate::draw::text::fit(&task.text, 13.0, 300.0)),
                txt(&unit_names(c.ds, task, 8, c.lang))
            );
        }
        h.push_str("</ul>");
    }
    if p.coord_source.as_deref() == Some("approximate") {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(t.map.place_approx));
    }
    h
}
