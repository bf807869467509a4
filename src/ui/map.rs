//! `#/map`: the schematic region map. Layers, zoom, centre and the selected
//! element live in the URL (`?layers=…&z=…&c=lon,lat&sel=<place>`).

use std::collections::BTreeMap;

use leptos::html::Div;
use leptos::prelude::*;

use super::chart::{use_width, FigureView};
use super::embed::EmbedKit;
use super::state::dataset;
use super::state::{ctx, set_param, set_params, texts, use_route};
use crate::draw::map::{self, height_for, Layer, MapView};
use crate::markup::esc;

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

#[component]
pub fn MapPage(#[prop(optional)] embed: bool) -> impl IntoView {
    let t = texts();
    let route = use_route();
    let layers = Memo::new(move |_| route.with(|r| Layer::parse(r.param("layers"))));
    let url_view = Memo::new(move |_| route.with(|r| MapView::parse(r.param("z"), r.param("c"))));
    let selected = Memo::new(move |_| route.with(|r| r.param("sel").map(str::to_string)));
    // The live view: gestures change it first, then the URL; it follows a
    // URL that describes another view (back, a link), so it is drawn once.
    let view = RwSignal::new(route.peek(|r| MapView::parse(r.param("z"), r.param("c"))));
    Effect::new(move |_| {
        let u = url_view.get();
        if view.try_with_untracked(|v| v.rounded()) != Some(u.rounded()) {
            view.try_set(u);
        }
    });
    // While dragging, the drawing moves by CSS transform; it is redrawn on release.
    let drag = RwSignal::new((0.0f64, 0.0f64));

    let box_ref = NodeRef::<Div>::new();
    let width = use_width(box_ref);
    let size_of = |w: f64| {
        let w = w.clamp(280.0, 1200.0);
        (w, height_for(w))
    };
    // For handlers, which may run after the map is gone: the size and view
    // then, or None (also before the map's width is known).
    let now = move || {
        Some((
            size_of(width.try_get_untracked()??),
            view.try_get_untracked()?,
        ))
    };
    let base = Memo::new(move |_| route.with(|r| r.with_param("sel", "")));
    let fig = Memo::new(move |_| {
        let Some((w, h)) = width.get().map(size_of) else {
            return crate::draw::figure::Figure::default();
        };
        map::figure(ctx(), &base.get(), &layers.get(), view.get(), w, h)
    });

    // Show a view and write it to the URL (replacing the history entry).
    let commit = move |v: MapView| {
        let v = v.clamped();
        if view.try_set(v).is_some() {
            return;
        }
        if v == MapView::default() {
            set_params(&[("z", ""), ("c", "")]);
        } else {
            set_params(&[("z", &v.zoom_str()), ("c", &v.centre_str())]);
        }
    };
    let zoom_by = move |factor: f64| {
        if let Some(((w, h), v)) = now() {
            commit(v.zoom_at(w, h, w / 2.0, h / 2.0, factor));
        }
    };
    let pan_by = move |fx: f64, fy: f64| {
        if let Some(((w, h), v)) = now() {
            commit(v.pan(w, h, -fx * w, -fy * h));
        }
    };

    // Pointer position relative to the map, in SVG pixels (drawn 1:1).
    let local = move |x: f64, y: f64| -> (f64, f64) {
        box_ref
            .try_get_untracked()
            .flatten()
            .map(|el| {
                let r = el.get_bounding_client_rect();
                (x - r.left(), y - r.top())
            })
            .unwrap_or((x, y))
    };
    let gesture = StoredValue::new(Gesture::default());
    // Pointers down on the map: id → client x, y.
    let pointers = StoredValue::new(BTreeMap::<i32, (f64, f64)>::new());
    let points = move || {
        pointers
            .try_with_value(|p| p.values().copied().collect::<Vec<_>>())
            .unwrap_or_default()
    };

    // The wheel scrolls the page past the map, unless the map has focus or
    // Ctrl/⌘ is held (a pinch on a touchpad sends Ctrl+wheel too); then it
    // zooms. Otherwise the map says how, for a moment.
    let hint = RwSignal::new(false);
    let hint_timer = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    let on_wheel = move |ev: web_sys::WheelEvent| {
        let focused = box_ref
            .try_get_untracked()
            .flatten()
            .and_then(|el| el.closest(".map-frame").ok().flatten())
            .is_some_and(|frame| {
                super::dom::document()
                    .active_element()
                    .is_some_and(|a| frame.contains(Some(&a)))
            });
        if !(ev.ctrl_key() || ev.meta_key() || focused) {
            hint.try_set(true);
            if let Some(Some(h)) = hint_timer.try_get_value() {
                h.clear();
            }
            let h = leptos::prelude::set_timeout_with_handle(
                move || {
                    hint.try_set(false);
                },
                std::time::Duration::from_millis(1500),
            )
            .ok();
            hint_timer.try_set_value(h);
            return;
        }
        ev.prevent_default();
        let Some(((w, h), v)) = now() else { return };
        let (x, y) = local(ev.client_x() as f64, ev.client_y() as f64);
        let factor = (-ev.delta_y() / 300.0).exp().clamp(0.5, 2.0);
        commit(v.zoom_at(w, h, x, y, factor));
    };
    let on_down = move |ev: web_sys::PointerEvent| {
        if ev.button() != 0 && ev.pointer_type() == "mouse" {
            return;
        }
        let Some((_, v)) = now() else { return };
        pointers.try_update_value(|p| {
            p.insert(
                ev.pointer_id(),
                (ev.client_x() as f64, ev.client_y() as f64),
            );
        });
        let pts = points();
        let Some(&first) = pts.first() else { return };
        gesture.try_update_value(|g| {
            g.view = Some(v);
            g.moved = false;
            g.start = first;
            g.pinch = (pts.len() == 2).then(|| pinch(pts[0], pts[1]));
        });
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let known = pointers.try_update_value(|p| match p.get_mut(&ev.pointer_id()) {
            Some(v) => {
                *v = (ev.client_x() as f64, ev.client_y() as f64);
                true
            }
            None => false,
        });
        if known != Some(true) {
            return;
        }
        let pts = points();
        let Some(g) = gesture.try_get_value() else {
            return;
        };
        let (Some(v0), Some(((w, h), _))) = (g.view, now()) else {
            return;
        };
        if let (Some((d0, c0)), 2) = (g.pinch, pts.len()) {
            let (d, _) = pinch(pts[0], pts[1]);
            let (x, y) = local(c0.0, c0.1);
            view.try_set(v0.zoom_at(w, h, x, y, d / d0.max(1.0)));
            gesture.try_update_value(|g| g.moved = true);
        } else if pts.len() == 1 {
            let (dx, dy) = (pts[0].0 - g.start.0, pts[0].1 - g.start.1);
            if g.moved || dx.hypot(dy) > 4.0 {
                if !g.moved {
                    // A drag: capture the pointer, so releasing it clicks nothing.
                    if let Some(el) = box_ref.try_get_untracked().flatten() {
                        let _ = el.set_pointer_capture(ev.pointer_id());
                    }
                }
                gesture.try_update_value(|g| g.moved = true);
                drag.try_set((dx, dy));
            }
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let was = pointers.try_update_value(|p| p.remove(&ev.pointer_id()).is_some());
        if was != Some(true) {
            return;
        }
        let (Some(g), Some((dx, dy)), Some(((w, h), v))) =
            (gesture.try_get_value(), drag.try_get_untracked(), now())
        else {
            return;
        };
        drag.try_set((0.0, 0.0));
        if let (Some(v0), true) = (g.view, g.moved) {
            if g.pinch.is_some() {
                commit(v);
            } else {
                commit(v0.pan(w, h, dx, dy));
            }
        }
        gesture.try_update_value(|g| {
            g.view = None;
            g.pinch = None;
        });
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        // Keys on a focused element inside the map (a place) are its own.
        let own = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok())
            .is_some_and(|e| e.class_list().contains("map-frame"));
        let step = 0.2;
        let handled = match ev.key().as_str() {
            "+" | "=" => {
                zoom_by(1.5);
                true
            }
            "-" | "_" => {
                zoom_by(1.0 / 1.5);
                true
            }
            "0" => {
                commit(MapView::default());
                true
            }
            "ArrowLeft" if own => {
                pan_by(-step, 0.0);
                true
            }
            "ArrowRight" if own => {
                pan_by(step, 0.0);
                true
            }
            "ArrowUp" if own => {
                pan_by(0.0, -step);
                true
            }
            "ArrowDown" if own => {
                pan_by(0.0, step);
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };

    let layer_boxes = move || {
        let on = layers.get();
        map::layer_names(ctx())
            .into_iter()
            .map(|(l, name)| {
                format!(
                    "<label class=\"layer\"><input type=\"checkbox\" data-layer=\"{}\"{}> {}</label>",
                    l.key(),
                    if on.contains(&l) { " checked" } else { "" },
                    esc(name)
                )
            })
            .collect::<String>()
    };
    let on_layer = move |ev: web_sys::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        else {
            return;
        };
        let Some(l) = input
            .get_attribute("data-layer")
            .and_then(|k| Layer::from_key(&k))
        else {
            return;
        };
        let Some(mut v) = layers.try_get_untracked() else {
            return;
        };
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
        set_param("layers", &s);
    };
    let panel = move || {
        let id = selected.get()?;
        let p = dataset().place(&id)?;
        Some(map::place_panel(ctx(), &base.get(), p))
    };
    let transform = move || {
        let (dx, dy) = drag.get();
        if dx == 0.0 && dy == 0.0 {
            String::new()
        } else {
            format!("translate({dx}px, {dy}px)")
        }
    };

    view! {
        <section class="page map" class:embed=embed>
            {(!embed).then(|| view! {
                <h1>{t.map_heading}</h1>
                <p class="lede">{t.map_intro}</p>
                <fieldset class="layers">
                    <legend>{t.layers_label}</legend>
                    <div class="layer-list" on:change=on_layer inner_html=layer_boxes></div>
                </fieldset>
            })}
            <div class="map-layout" class:has-panel=move || selected.with(Option::is_some)>
                <div class="map-main">
                    <div class="map-tools">
                        <button type="button" data-zoom="in" aria-label=t.zoom_in on:click=move |_| zoom_by(1.5)>"+"</button>
                        <button type="button" data-zoom="out" aria-label=t.zoom_out on:click=move |_| zoom_by(1.0 / 1.5)>"−"</button>
                        <button type="button" data-zoom="reset" on:click=move |_| commit(MapView::default())>{t.zoom_reset}</button>
                        <span class="zoom-level" aria-live="polite">{move || format!("×{}", view.get().zoom_str())}</span>
                    </div>
                    <div
                        class="map-frame"
                        tabindex="0"
                        role="application"
                        aria-label=t.map_keys
                        on:wheel=on_wheel
                        on:pointerdown=on_down
                        on:pointermove=on_move
                        on:pointerup=on_up
                        on:pointercancel=on_up
                        on:keydown=on_key
                    >
                        <div class="map-pan" style:transform=transform>
                            <FigureView figure=fig id="map" box_ref=box_ref downloads=false/>
                        </div>
                        <p class="map-hint" class:show=move || hint.get() aria-hidden="true">{t.map_wheel_hint}</p>
                    </div>
                    <p class="tip-hint">{t.map_keys}</p>
                </div>
                {move || panel().map(|html| view! {
                    <aside class="place-panel" aria-live="polite">
                        <button type="button" class="tip-close" aria-label=t.close_panel on:click=move |_| set_param("sel", "")>"×"</button>
                        <div inner_html=html></div>
                    </aside>
                })}
            </div>
            <div class="html" inner_html=move || fig.with(|f| f.legend.clone())></div>
            <div class="html" inner_html=map::caption(ctx())></div>
            {(!embed).then(|| view! {
                <EmbedKit title=t.map_heading.to_string()/>
                <details class="table-details">
                    <summary>{t.data_table}</summary>
                    <div class="table-wrap" inner_html=move || fig.with(|f| f.table_html.clone())></div>
                </details>
            })}
        </section>
    }
}
