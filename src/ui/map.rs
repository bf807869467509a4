//! The map (and its embed): layers, zoom, pan and the selected place live
//! in the address (`?layers=…&z=…&c=lon,lat&sel=<place>`); the map follows
//! a finger, two fingers, the wheel (with Ctrl/⌘ or when focused) and the
//! keys, and is drawn again when a gesture ends.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::bound::Bound;
use super::dom;
use super::figure::{Compute, Fig};
use super::nav;
use super::state::{ctx, use_route};
use crate::draw::map::{Layer, MapView};
use crate::pages::map::{self as html, size_in, MapState};
use crate::route::Route;

#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Gesture {
    /// Client position where a one-finger drag started.
    start: (f64, f64),
    /// Distance and centre of a two-finger pinch when it started.
    pinch: Option<(f64, (f64, f64))>,
    view: Option<MapView>,
    moved: bool,
}

/// The distance between two touch points and their midpoint.
fn pinch(a: (f64, f64), b: (f64, f64)) -> (f64, (f64, f64)) {
    (
        (a.0 - b.0).hypot(a.1 - b.1),
        ((a.0 + b.0) / 2.0, (a.1 + b.1) / 2.0),
    )
}

/// The map's live state: the view gestures move (the address follows when
/// they end), and the layers and selection of the address.
struct Live {
    main: web_sys::Element,
    fig: Rc<Fig>,
    view: Cell<MapView>,
    shown: RefCell<(Vec<Layer>, MapView, Option<String>)>,
    gesture: Cell<Gesture>,
    pointers: RefCell<BTreeMap<i32, (f64, f64)>>,
    hint: RefCell<Option<gloo::timers::callback::Timeout>>,
}

fn compute(view: MapView) -> Compute {
    compute_for(use_route().peek(|r| MapState::of(ctx().ds, r)), view)
}

fn compute_for(s: MapState, view: MapView) -> Compute {
    Rc::new(move |w| {
        let embed = use_route().peek(|r| matches!(r.page, crate::route::Page::Embed(_)));
        let (w, h) = size_in(w, embed);
        crate::draw::map::figure(ctx(), &s.base, &s.layers, view, w, h)
    })
}

impl Live {
    /// The map's size now (the width its drawing was laid out at).
    fn size(&self) -> (f64, f64) {
        let f = self.fig.figure();
        (f.scene.width, f.scene.height)
    }

    /// Show a view and write it to the address (in place).
    fn commit(&self, v: MapView) {
        // The view drawn is the address's (rounded as the URL keeps it):
        // a reload draws the same map.
        let v = v.clamped().rounded();
        self.view.replace(v);
        self.redraw();
        // The address follows; the map is drawn already.
        self.shown.borrow_mut().1 = v;
        if v == MapView::default() {
            nav::set_params(&[("z", ""), ("c", "")]);
        } else {
            nav::set_params(&[("z", &v.zoom_str()), ("c", &v.centre_str())]);
        }
    }

    fn redraw(&self) {
        self.fig.redraw(compute(self.view.get()));
        if let Some(z) = dom::query(&self.main, ".zoom-level") {
            z.set_text_content(Some(&format!("×{}", self.view.get().zoom_str())));
        }
    }

    fn zoom_by(&self, factor: f64) {
        let (w, h) = self.size();
        self.commit(self.view.get().zoom_at(w, h, w / 2.0, h / 2.0, factor));
    }

    fn pan_by(&self, fx: f64, fy: f64) {
        let (w, h) = self.size();
        self.commit(self.view.get().pan(w, h, -fx * w, -fy * h));
    }

    /// Pointer position relative to the map, in SVG pixels (drawn 1:1).
    fn local(&self, x: f64, y: f64) -> (f64, f64) {
        dom::query(&self.main, ".map-frame .chart-box")
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (x - r.left(), y - r.top())
            })
            .unwrap_or((x, y))
    }

    fn set_drag(&self, dx: f64, dy: f64) {
        if let Some(p) = dom::query(&self.main, ".map-pan") {
            let style = p.unchecked_ref::<web_sys::HtmlElement>().style();
            let _ = if dx == 0.0 && dy == 0.0 {
                style.remove_property("transform").map(|_| ())
            } else {
                style.set_property("transform", &format!("translate({dx}px, {dy}px)"))
            };
        }
    }

    fn points(&self) -> Vec<(f64, f64)> {
        self.pointers.borrow().values().copied().collect()
    }

    /// The route's layers, view or selection changed: show them.
    fn follow(&self, r: &Route) {
        let s = MapState::of(ctx().ds, r);
        let now = (s.layers.clone(), s.view, s.selected.clone());
        if *self.shown.borrow() == now {
            return;
        }
        let before = self.shown.replace(now);
        if before.1.rounded() != s.view.rounded() {
            self.view.replace(s.view);
        }
        let c = ctx();
        if before.0 != s.layers {
            for input in dom::query_all(&self.main, ".layer-list input[data-layer]") {
                let on = input
                    .get_attribute("data-layer")
                    .and_then(|k| Layer::from_key(&k))
                    .is_some_and(|l| s.layers.contains(&l));
                if let Some(i) = input.dyn_ref::<web_sys::HtmlInputElement>() {
                    i.set_checked(on);
                }
            }
        }
        if before.0 != s.layers || before.1.rounded() != s.view.rounded() || before.2 != s.selected
        {
            self.redraw();
            let f = self.fig.figure();
            let htmls = dom::query_all(&self.main, ".map-layout ~ .html");
            if let Some(legend) = htmls.first() {
                dom::set_html(
                    legend,
                    &crate::pages::figure::legend_html(super::state::lang(), &f.legend),
                );
            }
            if let Some(t) = dom::query(&self.main, ".table-details .table-wrap") {
                dom::set_html(&t, &crate::pages::figure::table_html(&f.table));
            }
        }
        if before.2 != s.selected {
            if let Some(layout) = dom::query(&self.main, ".map-layout") {
                let _ = layout
                    .class_list()
                    .toggle_with_force("has-panel", s.selected.is_some());
                if let Some(old) = dom::query(&layout, ".place-panel") {
                    old.remove();
                }
                let panel = html::panel(c, &s);
                if !panel.is_empty() {
                    let _ = layout.insert_adjacent_html("beforeend", &panel);
                }
            }
        }
    }
}

pub fn bind(b: &mut Bound, main: &web_sys::Element, drawn: &Route) {
    let Some(root) = dom::query(main, "figure[data-fig=\"map\"]") else {
        return;
    };
    let s = MapState::of(ctx().ds, drawn);
    let fig = Fig::bind(
        root,
        compute_for(MapState::of(ctx().ds, drawn), s.view),
        Rc::new(nav::follow),
        true,
    );
    b.figures.push(fig.clone());
    let live = Rc::new(Live {
        main: main.clone(),
        fig,
        view: Cell::new(s.view),
        shown: RefCell::new((s.layers, s.view, s.selected)),
        gesture: Cell::new(Gesture::default()),
        pointers: RefCell::new(BTreeMap::new()),
        hint: RefCell::new(None),
    });
    if let Some(list) = dom::query(main, ".layer-list") {
        b.listen(&list, "change", |ev| {
            let Some(input) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(l) = input
                .get_attribute("data-layer")
                .and_then(|k| Layer::from_key(&k))
            else {
                return;
            };
            let mut v = use_route().peek(|r| Layer::parse(r.param("layers")));
            if input.checked() {
                v.push(l);
            } else {
                v.retain(|x| *x != l);
            }
            v.sort();
            v.dedup();
            let s = if v == Layer::DEFAULT.to_vec() {
                String::new()
            } else {
                Layer::print(&v)
            };
            nav::set_param("layers", &s);
        });
    }
    if let Some(tools) = dom::query(main, ".map-tools") {
        let l = live.clone();
        b.listen(&tools, "click", move |ev| {
            match dom::closest(ev.target(), "[data-zoom]")
                .and_then(|e| e.get_attribute("data-zoom"))
                .as_deref()
            {
                Some("in") => l.zoom_by(1.5),
                Some("out") => l.zoom_by(1.0 / 1.5),
                Some("reset") => l.commit(MapView::default()),
                _ => {}
            }
        });
    }
    if let Some(frame) = dom::query(main, ".map-frame") {
        let l = live.clone();
        let fr = frame.clone();
        // The wheel scrolls the page past the map, unless the map has focus
        // or Ctrl/⌘ is held (a touchpad's pinch sends Ctrl+wheel); then it
        // zooms. Otherwise the map says how, for a moment.
        b.listen(&frame, "wheel", move |ev| {
            let Some(w) = ev.dyn_ref::<web_sys::WheelEvent>() else {
                return;
            };
            let focused = dom::document()
                .active_element()
                .is_some_and(|a| fr.contains(Some(&a)));
            if !(w.ctrl_key() || w.meta_key() || focused) {
                if let Some(h) = dom::query(&fr, ".map-hint") {
                    let _ = h.class_list().add_1("show");
                    let h2 = h.clone();
                    *l.hint.borrow_mut() =
                        Some(gloo::timers::callback::Timeout::new(1500, move || {
                            let _ = h2.class_list().remove_1("show");
                        }));
                }
                return;
            }
            ev.prevent_default();
            let (mw, mh) = l.size();
            let (x, y) = l.local(w.client_x() as f64, w.client_y() as f64);
            let factor = (-w.delta_y() / 300.0).exp().clamp(0.5, 2.0);
            l.commit(l.view.get().zoom_at(mw, mh, x, y, factor));
        });
        let l = live.clone();
        b.listen(&frame, "pointerdown", move |ev| {
            let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                return;
            };
            if p.button() != 0 && p.pointer_type() == "mouse" {
                return;
            }
            l.pointers
                .borrow_mut()
                .insert(p.pointer_id(), (p.client_x() as f64, p.client_y() as f64));
            let pts = l.points();
            let Some(&first) = pts.first() else { return };
            l.gesture.replace(Gesture {
                view: Some(l.view.get()),
                moved: false,
                start: first,
                pinch: (pts.len() == 2).then(|| pinch(pts[0], pts[1])),
            });
        });
        let l = live.clone();
        let fr = frame.clone();
        b.listen(&frame, "pointermove", move |ev| {
            let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                return;
            };
            {
                let mut ps = l.pointers.borrow_mut();
                match ps.get_mut(&p.pointer_id()) {
                    Some(v) => *v = (p.client_x() as f64, p.client_y() as f64),
                    None => return,
                }
            }
            let pts = l.points();
            let g = l.gesture.get();
            let Some(v0) = g.view else { return };
            let (w, h) = l.size();
            if let (Some((d0, c0)), 2) = (g.pinch, pts.len()) {
                let (d, _) = pinch(pts[0], pts[1]);
                let (x, y) = l.local(c0.0, c0.1);
                l.view.replace(v0.zoom_at(w, h, x, y, d / d0.max(1.0)));
                l.redraw();
                l.gesture.replace(Gesture { moved: true, ..g });
            } else if pts.len() == 1 {
                let (dx, dy) = (pts[0].0 - g.start.0, pts[0].1 - g.start.1);
                if g.moved || dx.hypot(dy) > 4.0 {
                    if !g.moved {
                        // A drag: capture the pointer, so releasing it clicks nothing.
                        let _ = fr.set_pointer_capture(p.pointer_id());
                    }
                    l.gesture.replace(Gesture { moved: true, ..g });
                    l.set_drag(dx, dy);
                }
            }
        });
        let up = {
            let l = live.clone();
            move |ev: &web_sys::Event| {
                let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                    return;
                };
                if l.pointers.borrow_mut().remove(&p.pointer_id()).is_none() {
                    return;
                }
                let g = l.gesture.get();
                let (w, h) = l.size();
                let (dx, dy) = (
                    p.client_x() as f64 - g.start.0,
                    p.client_y() as f64 - g.start.1,
                );
                l.set_drag(0.0, 0.0);
                if let (Some(v0), true) = (g.view, g.moved) {
                    if g.pinch.is_some() {
                        l.commit(l.view.get());
                    } else {
                        l.commit(v0.pan(w, h, dx, dy));
                    }
                }
                l.gesture.replace(Gesture {
                    view: None,
                    pinch: None,
                    ..g
                });
            }
        };
        b.listen(&frame, "pointerup", up.clone());
        b.listen(&frame, "pointercancel", up);
        let l = live.clone();
        b.listen(&frame, "keydown", move |ev| {
            let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            // Keys on a focused element inside the map (a place) are its own.
            let own = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|e| e.class_list().contains("map-frame"));
            let step = 0.2;
            let handled = match k.key().as_str() {
                "+" | "=" => {
                    l.zoom_by(1.5);
                    true
                }
                "-" | "_" => {
                    l.zoom_by(1.0 / 1.5);
                    true
                }
                "0" => {
                    l.commit(MapView::default());
                    true
                }
                "ArrowLeft" if own => {
                    l.pan_by(-step, 0.0);
                    true
                }
                "ArrowRight" if own => {
                    l.pan_by(step, 0.0);
                    true
                }
                "ArrowUp" if own => {
                    l.pan_by(0.0, -step);
                    true
                }
                "ArrowDown" if own => {
                    l.pan_by(0.0, step);
                    true
                }
                _ => false,
            };
            if handled {
                ev.prevent_default();
            }
        });
    }
    // The place finder: the place found is selected and shown (a new
    // history entry); nothing found says so.
    if let Some(form) = dom::query(main, ".place-finder") {
        let l = live.clone();
        let f2 = form.clone();
        b.listen(&form, "submit", move |ev| {
            ev.prevent_default();
            let q = dom::query(&f2, "input[name=find]")
                .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
                .map(|i| i.value())
                .unwrap_or_default();
            let c = ctx();
            let result = dom::query(&f2, ".finder-result");
            match html::find_place(c.ds, &q) {
                Some(p) => {
                    if let Some(r) = &result {
                        r.set_text_content(None);
                    }
                    let (z, centre) = html::found_view(p, l.view.get());
                    let next = use_route().peek(|r| {
                        let mut layers = Layer::parse(r.param("layers"));
                        let layer = crate::draw::map::layer_of(p);
                        let mut r = r
                            .with_param("sel", &p.id)
                            .with_param("z", &z)
                            .with_param("c", &centre)
                            .with_param("find", "");
                        if !layers.contains(&layer) {
                            layers.push(layer);
                            layers.sort();
                            r = r.with_param("layers", &Layer::print(&layers));
                        }
                        r
                    });
                    nav::go(next, true);
                }
                None => {
                    if let Some(r) = &result {
                        let words = if q.trim().is_empty() {
                            String::new()
                        } else {
                            c.t().find_place_none(q.trim())
                        };
                        r.set_text_content(Some(&words));
                    }
                }
            }
        });
    }
    // The selected place's panel: its close button and links are links
    // (the app follows them); the route then says what to show.
    let l = live.clone();
    b.on_params(move |r| l.follow(r));
    // Layers switched before the app came: they count now.
    let mut on: Vec<Layer> = dom::query_all(main, ".layer-list input[data-layer]")
        .iter()
        .filter(|i| {
            i.dyn_ref::<web_sys::HtmlInputElement>()
                .is_some_and(|i| i.checked())
        })
        .filter_map(|i| {
            i.get_attribute("data-layer")
                .and_then(|k| Layer::from_key(&k))
        })
        .collect();
    on.sort();
    if on != MapState::of(ctx().ds, drawn).layers && dom::query(main, ".layer-list").is_some() {
        let s = if on == Layer::DEFAULT.to_vec() {
            String::new()
        } else {
            Layer::print(&on)
        };
        nav::set_param("layers", &s);
    }
}
