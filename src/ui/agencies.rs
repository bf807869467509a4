//! The agencies page (ranked load, heatmap, networks; filters and view in
//! the address) and an agency's page: their figures, the view switch (each
//! view a history entry, drawn when first shown and kept), the filters.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::bound::Bound;
use super::dom;
use super::figure::{Compute, Fig};
use super::nav;
use super::state::{self, ctx};
use crate::draw::network::ForceLayout;
use crate::pages::agencies::{self as html, network_graph, view_figure, AgencyState, View};
use crate::route::Route;

/// How a view's figure is drawn, for the route's filters. The network's
/// layout is computed once per filter (in slices when it is large).
fn compute(view: View, s: &AgencyState, unit: Option<Rc<Vec<(f64, f64)>>>) -> Compute {
    let s = s.clone();
    Rc::new(move |w| {
        let c = ctx();
        let rows = s.rows(c.ds);
        let g = (view == View::Network).then(|| network_graph(c, &s.filter));
        let net = match (&g, &unit) {
            (Some(g), Some(u)) => Some((g, u.as_slice())),
            _ => None,
        };
        view_figure(c, view, &s, &rows, net, w)
    })
}

/// The network's layout for a filter: at once for a small graph, else in
/// slices of a few milliseconds (the page stays responsive), then `done`.
/// What a finished layout is given to.
type Done = Box<dyn FnOnce(Vec<(f64, f64)>)>;

fn layout_then(s: &AgencyState, done: impl FnOnce(Vec<(f64, f64)>) + 'static) {
    let g = network_graph(ctx(), &s.filter);
    let mut layout = ForceLayout::new(&g);
    // Up to 150 nodes a layout takes a few milliseconds (cargo xtask bench).
    if g.nodes.len() <= 150 {
        layout.step(usize::MAX);
        done(layout.normalized());
        return;
    }
    fn slice(mut layout: ForceLayout, done: Done) {
        if layout.step(4) {
            done(layout.normalized());
        } else {
            // outlives: touches only the layout it owns and `done`, which
            // checks that its page is still there.
            gloo::timers::callback::Timeout::new(0, move || slice(layout, done)).forget();
        }
    }
    slice(layout, Box::new(done));
}

/// The agencies page's live state.
struct Live {
    main: web_sys::Element,
    shown: RefCell<AgencyState>,
    /// The figure of each view drawn so far.
    figs: RefCell<Vec<(View, Rc<Fig>)>>,
    embed: bool,
}

impl Live {
    fn block(&self, v: View) -> Option<web_sys::Element> {
        dom::query(
            &self.main,
            &format!(".agency-view[data-view=\"{}\"]", v.key()),
        )
    }

    /// Bind the figure of view `v`, drawn in its block.
    fn bind_view(self: &Rc<Self>, v: View, s: &AgencyState, unit: Option<Rc<Vec<(f64, f64)>>>) {
        let Some(block) = self.block(v) else { return };
        let Some(root) = dom::query(&block, "figure.chart-figure") else {
            return;
        };
        let fig = Fig::bind(root, compute(v, s, unit), Rc::new(nav::follow), true);
        self.figs.borrow_mut().retain(|(k, _)| *k != v);
        self.figs.borrow_mut().push((v, fig));
    }

    /// Draw view `v` into its block (first shown, or the filters changed).
    fn draw_view(self: &Rc<Self>, v: View) {
        let s = self.shown.borrow().clone();
        let me = Rc::downgrade(self);
        let s2 = s.clone();
        let put = move |unit: Option<Rc<Vec<(f64, f64)>>>| {
            let Some(me) = me.upgrade() else { return };
            // The filters moved on while the layout ran: that one draws.
            if *me.shown.borrow() != s2 && me.shown.borrow().filter != s2.filter {
                return;
            }
            let Some(block) = me.block(v) else { return };
            let c = ctx();
            let rows = s2.rows(c.ds);
            let w = crate::draw::widths::fit(dom::content_width(&block));
            let f = compute(v, &s2, unit.clone())(w);
            dom::set_html(&block, &html::view_block(c, v, &[(w, f)], &rows, me.embed));
            me.bind_view(v, &s2, unit);
        };
        if v == View::Network {
            layout_then(&s, move |u| put(Some(Rc::new(u))));
        } else {
            put(None);
        }
    }

    fn follow(self: &Rc<Self>, r: &Route) {
        let s = AgencyState::of(r);
        let before = self.shown.replace(s.clone());
        if before == s {
            return;
        }
        let me = self.clone();
        leptos::task::spawn_local(async move {
            if state::full().await.is_err() {
                return;
            }
            me.show(&before, &s);
        });
    }

    fn show(self: &Rc<Self>, before: &AgencyState, s: &AgencyState) {
        let c = ctx();
        let rows = s.rows(c.ds);
        for btn in dom::query_all(&self.main, ".views [data-view]") {
            let on = btn.get_attribute("data-view").as_deref() == Some(s.view.key());
            let _ = btn.set_attribute("aria-pressed", if on { "true" } else { "false" });
        }
        if let Some(sort) = dom::query(&self.main, ".field-sort") {
            let _ = if s.view == View::Load {
                sort.remove_attribute("hidden")
            } else {
                sort.set_attribute("hidden", "")
            };
        }
        if let Some(sh) = dom::query(&self.main, ".field-shared") {
            let _ = if s.view == View::Network {
                sh.remove_attribute("hidden")
            } else {
                sh.set_attribute("hidden", "")
            };
        }
        self.sync_filters(s);
        if let Some(n) = dom::query(&self.main, ".view-before") {
            dom::set_html(&n, &html::before_view(c, s, &rows));
        }
        if let Some(t) = dom::query(&self.main, ".embed-title") {
            t.set_text_content(Some(s.view.title(c)));
        }
        let filters_changed =
            before.filter != s.filter || before.sort != s.sort || before.shared != s.shared;
        for v in View::ALL {
            let Some(block) = self.block(v) else { continue };
            let here = v == s.view;
            let _ = if here {
                block.remove_attribute("hidden")
            } else {
                block.set_attribute("hidden", "")
            };
            let drawn =
                self.figs.borrow().iter().any(|(k, _)| *k == v) || !block.inner_html().is_empty();
            // A view is drawn when first shown; after new filters, the one
            // shown is drawn anew and the others when shown again.
            if filters_changed && drawn && !here {
                block.set_inner_html("");
                self.figs.borrow_mut().retain(|(k, _)| *k != v);
            } else if here && (!drawn || filters_changed) {
                self.draw_view(v);
            }
        }
    }

    /// The filter controls show the route's filters (after Back, say).
    fn sync_filters(&self, s: &AgencyState) {
        let c = ctx();
        let doc = s.filter.document.as_deref().unwrap_or("");
        if let Some(cat) = dom::query(&self.main, "#ag-cat") {
            dom::set_html(&cat, &crate::pages::category_options(c, doc));
            dom::write_value(&cat, s.filter.category.as_deref().unwrap_or(""));
        }
        if let Some(d) = dom::query(&self.main, "#ag-doc") {
            dom::write_value(&d, doc);
        }
        if let Some(so) = dom::query(&self.main, "#ag-sort") {
            dom::write_value(&so, &s.sort);
        }
        if let Some(sh) = dom::query(&self.main, "#ag-shared") {
            dom::write_value(&sh, &s.shared.to_string());
        }
    }
}

pub fn bind_overview(b: &mut Bound, main: &web_sys::Element, drawn: &Route, embed: bool) {
    let s = AgencyState::of(drawn);
    let live = Rc::new(Live {
        main: main.clone(),
        shown: RefCell::new(s.clone()),
        figs: RefCell::new(Vec::new()),
        embed,
    });
    // The view the page was drawn with: its figure, laid out by the build.
    if s.view == View::Network {
        // The network's layout needs the tasks: once they are here.
        let l = live.clone();
        let s2 = s.clone();
        leptos::task::spawn_local(async move {
            if state::full().await.is_ok() {
                let s3 = s2.clone();
                layout_then(&s2, move |u| {
                    l.bind_view(View::Network, &s3, Some(Rc::new(u)))
                });
            }
        });
    } else {
        live.bind_view(s.view, &s, None);
    }
    if let Some(views) = dom::query(main, ".views") {
        b.listen(&views, "click", |ev| {
            if let Some(v) =
                dom::closest(ev.target(), "[data-view]").and_then(|e| e.get_attribute("data-view"))
            {
                ev.prevent_default();
                nav::push_param("view", &v);
            }
        });
    }
    if let Some(form) = dom::query(main, "form.filters") {
        b.listen(&form, "submit", |ev| ev.prevent_default());
        b.listen(&form, "change", |ev| {
            let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let v = dom::value_of(&el);
            match el.id().as_str() {
                "ag-doc" => nav::set_params(&[("cat", ""), ("doc", &v)]),
                "ag-cat" => nav::set_param("cat", &v),
                "ag-sort" => nav::set_param("sort", &v),
                "ag-shared" => nav::set_param(
                    "shared",
                    if v == html::DEFAULT_SHARED.to_string() {
                        ""
                    } else {
                        &v
                    },
                ),
                _ => {}
            }
        });
    }
    let l = live.clone();
    b.on_params(move |r| l.follow(r));
    // What was chosen before the app came: it counts now.
    let chosen = |id: &str| dom::query(main, id).map(|e| dom::value_of(&e));
    let mut changed = Vec::new();
    for (k, id, was) in [
        (
            "doc",
            "#ag-doc",
            s.filter.document.clone().unwrap_or_default(),
        ),
        (
            "cat",
            "#ag-cat",
            s.filter.category.clone().unwrap_or_default(),
        ),
        ("sort", "#ag-sort", s.sort.clone()),
        ("shared", "#ag-shared", s.shared.to_string()),
    ] {
        if let Some(v) = chosen(id).filter(|v| *v != was) {
            changed.push((k, v));
        }
    }
    if !changed.is_empty() {
        let pairs: Vec<(&str, &str)> = changed.iter().map(|(k, v)| (*k, v.as_str())).collect();
        nav::set_params(&pairs);
    }
}

/// An agency's page (or its embed): its load by document.
pub fn bind_agency(b: &mut Bound, main: &web_sys::Element, id: &str) {
    let Some(root) = dom::query(main, "figure[data-fig=\"agency-docs\"]") else {
        return;
    };
    let id = id.to_string();
    let compute: Compute = Rc::new(move |w| {
        html::agency_docs_figures(ctx(), &id, &[w])
            .pop()
            .map(|(_, f)| f)
            .unwrap_or_default()
    });
    b.figures
        .push(Fig::bind(root, compute, Rc::new(nav::follow), true));
}
