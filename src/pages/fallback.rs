//! The static page shown before the wasm runs, without JavaScript, or when
//! the app cannot load: key charts as SVG and key data as tables, rendered at
//! build time by the same code the app uses ([`super::html`], [`super::chart`],
//! [`super::map`]).

use std::fmt::Write;

use crate::draw::figure::{svg_img, table_html};
use crate::markup::esc;
use crate::pages::targets::checks_section;
use crate::route::{Page, Route};
use crate::words::{unit_names, Ctx};
use crate::words::{Lang, LangExt};
use plan::load::{loads, LoadFilter, SortKey};
use plan::Dataset;

/// How much the fallback shows: the served site shows everything; the
/// offline file, which must stay small, shows less.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Extent {
    Full,
    Lean,
}

/// The indicators whose charts the fallback shows.
const KEY_CHARTS: [&str; 4] = ["gdp", "urbanization", "rd-share", "patents-per-10k"];

pub fn page(ds: &Dataset, extent: Extent) -> String {
    let c = Ctx::new(ds, Lang::Zh);
    let t = c.t();
    let mut h = String::new();
    h.push_str("<noscript><p class=\"noscript-note\">本页面的交互版本需要 JavaScript。以下为静态内容。 The interactive version needs JavaScript; below is a static summary.</p></noscript>\n");
    h.push_str("<section class=\"static\" id=\"static\">\n");
    h.push_str(&super::overview::overview(c));
    h.push_str(&checks_section(c));
    let charts = if extent == Extent::Full {
        KEY_CHARTS.len()
    } else {
        2
    };
    let _ = write!(h, "<h2>{}</h2>", esc(t.targets_heading));
    for id in KEY_CHARTS.iter().take(charts) {
        let Some(ind) = ds.indicator(id) else {
            continue;
        };
        let f = crate::draw::chart::figure(c, ind, 640.0, false);
        let _ = write!(
            h,
            "<figure class=\"static-chart\" data-indicator=\"{}\"><figcaption>{}</figcaption>{}{}</figure>",
            esc(&ind.id),
            esc(ind.name_in(c.lang)),
            svg_img(&f.scene, &f.svg, "chart"),
            table_html(&f.table)
        );
    }
    if extent == Extent::Full {
        let base = Route::new(Page::Map);
        let f = crate::draw::map::figure(
            c,
            &base,
            &crate::draw::map::Layer::DEFAULT,
            crate::draw::map::MapView::default(),
            640.0,
            crate::draw::map::height_for(640.0),
        );
        let _ = write!(
            h,
            "<h2>{}</h2><figure class=\"static-map\">{}</figure>{}",
            esc(t.map_heading),
            svg_img(&f.scene, &f.svg, "chart"),
            crate::draw::map::caption(c)
        );
    }
    let rows = loads(ds, &LoadFilter::default(), SortKey::Total);
    let top: Vec<_> = rows
        .into_iter()
        .take(if extent == Extent::Full { 46 } else { 15 })
        .collect();
    let _ = write!(
        h,
        "<h2>{}</h2>{}",
        esc(t.agencies_heading),
        table_html(&crate::draw::agency::load_table(c, &top))
    );
    if extent == Extent::Full {
        let _ = write!(
            h,
            "<h2>{}</h2><table class=\"data-table\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
            esc(t.tasks_heading),
            esc(t.task_number),
            esc(t.task_category),
            esc(t.task_text),
            esc(t.task_responsible)
        );
        for task in &ds.tasks {
            let _ = write!(
                h,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(&task.id),
                esc(c.category(&task.document, &task.category)),
                esc(&crate::draw::text::fit(&task.text, 13.0, 520.0)),
                esc(&unit_names(ds, task, 5, c.lang))
            );
        }
        h.push_str("</tbody></table>");
    }
    h.push_str("\n</section>\n");
    h
}

/// What index.html shows without JavaScript (its head redirects to
/// static.html; this is for browsers that ignore the redirect).
pub fn noscript_link() -> String {
    "<noscript><p class=\"noscript-note\"><a href=\"static.html\">本页面的交互版本需要 JavaScript：请看静态版本。 The interactive version needs JavaScript: see the static version.</a></p></noscript>".to_string()
}

/// The error view's words (hidden until a panic or a failed load), in both
/// languages, from the text tables.
pub fn fatal_view() -> String {
    let (zh, en) = (Lang::Zh.t(), Lang::En.t());
    format!(
        "<h1>{} · {}</h1>\n<p>{}</p>\n<p lang=\"en\">{}</p>\n<pre id=\"fatal-detail\"></pre>\n<p><button type=\"button\" id=\"fatal-reload\">{} · {}</button> <a class=\"fatal-static\" href=\"static.html\">静态版本 · Static version</a></p>",
        esc(zh.error_title),
        esc(en.error_title),
        esc(zh.error_body),
        esc(en.error_body),
        esc(zh.error_reload),
        esc(en.error_reload)
    )
}
