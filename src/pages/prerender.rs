//! The pages the build renders ahead of the app: what a visitor sees while
//! the app loads (the served site fetches the page of the route it was
//! opened on, boot.js shows it, the app replaces it when it runs). The same
//! HTML the app shows, with the figures' static layers.

use std::fmt::Write;

use crate::draw::chart::{self, kind_of, Kind};
use crate::markup::esc;
use crate::pages::{overview, shell, targets};
use crate::route::Page;
use crate::words::{Ctx, Lang};
use plan::Dataset;

/// The width the figures are laid out at ahead of the app (a wide screen's;
/// narrower screens scale them down until the app lays them out again).
pub const WIDTH: f64 = 1100.0;

/// Every page rendered ahead: (file under `pre/`, HTML), in both languages.
/// A route's file is `<lang>/<its path without the leading slash>.html`,
/// `index` for `#/`; routes with other parameters than `lang` have none.
pub fn pages(ds: &Dataset) -> Vec<(String, String)> {
    let mut routes = vec![Page::Overview, Page::Targets(None)];
    routes.extend(
        ds.indicators
            .iter()
            .map(|i| Page::Targets(Some(i.id.clone()))),
    );
    let mut out = Vec::new();
    for lang in Lang::ALL {
        let c = Ctx::new(ds, lang);
        for page in &routes {
            let route = c.route(page.clone());
            let Some(body) = body(c, page) else { continue };
            let path = route.path();
            let name = match path.trim_start_matches('/') {
                "" => "index",
                p => p,
            };
            let html = format!(
                "{}<main id=\"main\" tabindex=\"-1\">{body}</main>{}",
                shell::header(c, &route),
                shell::footer(c, false)
            );
            out.push((format!("{}/{name}.html", lang.code()), html));
        }
    }
    out
}

/// A page's content, if it can be rendered ahead.
fn body(c: Ctx, page: &Page) -> Option<String> {
    match page {
        Page::Overview => Some(overview::overview(c)),
        Page::Targets(None) => Some(targets::targets_overview(c)),
        Page::Targets(Some(id)) => c.ds.indicator(id).map(|ind| target(c, ind)),
        _ => None,
    }
}

/// One indicator, as `ui::targets::TargetDetail` shows it.
fn target(c: Ctx, ind: &plan::Indicator) -> String {
    let t = c.t();
    let f = chart::figure(c, ind, WIDTH, false);
    let mut h = format!(
        "<article class=\"page target-detail\" data-indicator=\"{}\"><div class=\"html\">{}</div>",
        esc(&ind.id),
        targets::target_head(c, ind)
    );
    if kind_of(ind) == Kind::Bars {
        let _ = write!(
            h,
            "<div class=\"segmented\" role=\"group\" aria-label=\"{}\"><button type=\"button\" aria-pressed=\"true\">{}</button><button type=\"button\" aria-pressed=\"false\">{}</button></div>",
            esc(t.chart_view),
            esc(t.view_yearly),
            esc(t.view_cumulative)
        );
    }
    let _ = write!(
        h,
        "<figure class=\"chart-figure\"><div class=\"chart-wrap\"><div class=\"chart-box\"><svg class=\"chart\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\"><g class=\"static\" aria-hidden=\"true\">{}</g></svg></div></div></figure><div class=\"chart-downloads\"><button type=\"button\" disabled>{}</button><button type=\"button\" disabled>{}</button><button type=\"button\" disabled>{}</button></div><div class=\"legend-wrap\">{}</div><p class=\"tip-hint\">{}</p><details class=\"embed-kit\"><summary>{}</summary></details><div class=\"html\">{}</div></article>",
        f.scene.width,
        f.scene.height,
        esc(&f.scene.summary),
        f.svg,
        esc(t.download_svg),
        esc(t.download_png),
        esc(t.download_csv),
        f.legend,
        esc(t.tooltip_hint),
        esc(t.embed_heading),
        targets::target_tail(c, ind, &f.table)
    );
    h
}
