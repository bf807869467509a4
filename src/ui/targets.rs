//! A target's page (and its embed): the chart's marks, the yearly /
//! cumulative switch, and what follows the view (legend, data table).

use std::rc::Rc;

use super::bound::Bound;
use super::dom;
use super::figure::{Compute, Fig};
use super::nav;
use super::state::{ctx, dataset};
use crate::draw::chart;
use crate::route::Route;

fn cumulative(r: &Route) -> bool {
    r.param("view") == Some("cumulative")
}

fn compute(id: String, cum: bool) -> Compute {
    Rc::new(move |w| match dataset().indicator(&id) {
        Some(ind) => chart::figure(ctx(), ind, w.clamp(280.0, 1100.0), cum),
        None => crate::draw::figure::Figure::default(),
    })
}

pub fn bind(b: &mut Bound, main: &web_sys::Element, drawn: &Route, id: &str) {
    let Some(root) = dom::query(main, "figure[data-fig=\"tc\"]") else {
        return;
    };
    let fig = Fig::bind(
        root,
        compute(id.to_string(), cumulative(drawn)),
        Rc::new(nav::follow),
        false,
    );
    b.figures.push(fig.clone());
    if let Some(switch) = dom::query(main, ".view-switch") {
        b.listen(&switch, "click", |ev| {
            if let Some(v) = dom::closest(ev.target(), "button[data-view]")
                .and_then(|e| e.get_attribute("data-view"))
            {
                nav::set_param("view", &v);
            }
        });
    }
    let main = main.clone();
    let id = id.to_string();
    let shown = std::cell::Cell::new(cumulative(drawn));
    b.on_params(move |r| {
        let cum = cumulative(r);
        if cum == shown.replace(cum) {
            return;
        }
        for btn in dom::query_all(&main, ".view-switch button[data-view]") {
            let on = btn.get_attribute("data-view").as_deref()
                == Some(if cum { "cumulative" } else { "" });
            let _ = btn.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
        fig.redraw(compute(id.clone(), cum));
        let f = fig.figure();
        if let Some(l) = dom::query(&main, ".legend-wrap") {
            dom::set_html(
                &l,
                &crate::pages::figure::legend_html(super::state::lang(), &f.legend),
            );
        }
        if let (Some(t), Some(ind)) = (dom::query(&main, ".target-tail"), dataset().indicator(&id))
        {
            dom::set_html(
                &t,
                &crate::pages::targets::target_tail(ctx(), ind, &f.table),
            );
        }
    });
}

/// The overview and the targets page: their cards are links; nothing to bind.
pub fn bind_cards(_b: &mut Bound, _main: &web_sys::Element) {}
