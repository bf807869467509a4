//! An interactive drawing: the static layer drawn by plotters (an SVG string
//! from `draw`), with the scene's hits laid over it as focusable elements at
//! the same coordinates, a tooltip on hover and keyboard focus, and an
//! optional highlight layer (e.g. a node's neighbours).

use leptos::html::Div;
use leptos::prelude::*;

use super::dom;
use crate::draw::figure::{mark_id, Figure};

/// The width of an element as the browser lays it out, from a
/// ResizeObserver: `None` until the first layout (nothing forces one), then
/// every change. A figure waits for it, so it is laid out once, at the real
/// width.
pub fn use_width(node: NodeRef<Div>) -> ReadSignal<Option<f64>> {
    use send_wrapper::SendWrapper;
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let (width, set_width) = signal(None::<f64>);
    Effect::new(move |prev: Option<bool>| {
        if prev == Some(true) {
            return true;
        }
        let Some(el) = node.get() else { return false };
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() else {
                return;
            };
            let w = entry.content_rect().width().floor();
            if w > 0.0 && width.try_get_untracked().flatten() != Some(w) {
                set_width.try_set(Some(w));
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
            return false;
        };
        observer.observe(&el);
        // Both live until the component is gone, then the observer stops.
        let keep = SendWrapper::new((observer, cb));
        on_cleanup(move || keep.0.disconnect());
        true
    });
    width
}

/// Focus the first element matching a CSS selector after the current render.
fn focus_later(selector: String) {
    // outlives: touches only the DOM, never a signal.
    gloo::timers::callback::Timeout::new(0, move || dom::focus(&selector)).forget();
}

/// The index of the mark an event happened on (`data-i` of its `.hit`).
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    use wasm_bindgen::JsCast;
    let el: web_sys::Element = target?.dyn_into().ok()?;
    el.closest(".hit")
        .ok()??
        .get_attribute("data-i")?
        .parse()
        .ok()
}

/// A figure with focusable hits: tooltips, highlights, and (with
/// `downloads`) SVG, PNG and CSV downloads and its data table.
#[component]
pub fn FigureView(
    figure: Memo<Figure>,
    /// A prefix for element ids (unique on the page).
    id: &'static str,
    /// The element whose width the figure follows.
    box_ref: NodeRef<Div>,
    #[prop(default = true)] downloads: bool,
) -> impl IntoView {
    let t = super::state::texts();
    let focused: RwSignal<Option<usize>> = RwSignal::new(None);
    let pinned = RwSignal::new(false);
    let tip_id = format!("{id}-tip");
    // A new figure (filter, width, view) drops the focus.
    Effect::new(move |_| {
        figure.with(|_| ());
        focused.try_set(None);
        pinned.try_set(false);
    });
    let tip_of = move |i: usize| {
        figure
            .try_with_untracked(|f| f.scene.hits.get(i).and_then(|h| h.tip.clone()))
            .flatten()
    };
    // Events may arrive after the figure is gone (a focused mark removed by a
    // route change fires blur): every handler below uses the `try_`
    // accessors, which do nothing then.
    let unpin = move || {
        pinned.try_set(false);
        focused.try_set(None);
    };
    let activate = move |i: usize, keyboard: bool| {
        let Some((follow, href)) = figure
            .try_with_untracked(|f| (f.follow, f.scene.hits.get(i).and_then(|h| h.href.clone())))
        else {
            return;
        };
        match (follow, href, tip_of(i).is_some()) {
            (true, Some(h), _) | (false, Some(h), false) => {
                let _ = dom::window().location().set_hash(&h);
            }
            (_, _, true) => {
                focused.try_set(Some(i));
                pinned.try_set(true);
                if keyboard {
                    focus_later(format!("#{id}-tip a"));
                }
            }
            _ => {}
        }
    };

    // The marks are one SVG string (cheap to build and to show, whatever
    // their number); events are handled once, on their group.
    let marks_html = move || figure.with(|f| f.marks(id));
    let enter = move |i: usize| {
        if pinned.try_get_untracked() == Some(false) {
            focused.try_set(Some(i));
        }
    };
    let leave = move || {
        if pinned.try_get_untracked() == Some(false) {
            focused.try_set(None);
        }
    };
    let count = move || {
        figure
            .try_with_untracked(|f| f.scene.hits.len())
            .unwrap_or(0)
    };
    // Arrow keys move between the marks; the focused one is the Tab stop.
    let move_focus = move |to: usize| {
        if let Some(el) = dom::element_by_id(&mark_id(id, to)) {
            if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::SvgElement>(el) {
                let _ = el.focus();
            }
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let Some(i) = mark_of(ev.target()) else {
            return;
        };
        let last = count().saturating_sub(1);
        let to = match ev.key().as_str() {
            "Enter" | " " => {
                ev.prevent_default();
                activate(i, true);
                return;
            }
            "Escape" => {
                unpin();
                return;
            }
            "ArrowRight" | "ArrowDown" => (i + 1).min(last),
            "ArrowLeft" | "ArrowUp" => i.saturating_sub(1),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        ev.stop_propagation();
        move_focus(to);
    };
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if let Some(i) = mark_of(ev.target()) {
            // The roving tab index: this mark is the figure's Tab stop now.
            if let Ok(Some(old)) =
                dom::document().query_selector(&format!("#{id}-marks [tabindex=\"0\"]"))
            {
                let _ = old.set_attribute("tabindex", "-1");
            }
            if let Some(el) = dom::element_by_id(&mark_id(id, i)) {
                let _ = el.set_attribute("tabindex", "0");
            }
            enter(i);
        }
    };
    let on_pointerover = move |ev: web_sys::PointerEvent| {
        if let Some(i) = mark_of(ev.target()) {
            enter(i);
        }
    };
    let on_pointerout = move |ev: web_sys::PointerEvent| {
        // Leaving for another part of the same mark is no leaving.
        if mark_of(ev.related_target()) != mark_of(ev.target()) {
            leave();
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if let Some(i) = mark_of(ev.target()) {
            activate(i, false);
        }
    };
    // The active mark: its class, and the tooltip it is described by (only
    // while the tooltip exists).
    Effect::new(move |prev: Option<Option<usize>>| {
        let now = focused.get();
        let tip = format!("{id}-tip");
        if let Some(Some(p)) = prev {
            if let Some(el) = dom::element_by_id(&mark_id(id, p)) {
                let _ = el.class_list().remove_1("active");
                let _ = el.remove_attribute("aria-describedby");
            }
        }
        if let Some(n) = now {
            if let Some(el) = dom::element_by_id(&mark_id(id, n)) {
                let _ = el.class_list().add_1("active");
                let _ = el.set_attribute("aria-describedby", &tip);
            }
        }
        now
    });

    let tip_box = move || {
        let i = focused.get()?;
        let html = tip_of(i)?;
        let (fx, fy) = figure.try_with_untracked(|f| {
            let (cx, cy) = f
                .scene
                .hits
                .get(i)
                .map(|h| h.shape.center())
                .unwrap_or_default();
            (cx / f.scene.width, cy / f.scene.height)
        })?;
        let (flip, below) = (fx > 0.6, fy < 0.35);
        Some(view! {
            <div
                class="tooltip"
                class:flip=flip
                class:below=below
                class:pinned=move || pinned.get()
                id=tip_id.clone()
                role="tooltip"
                style:left=format!("{:.2}%", (fx * 100.0).clamp(0.0, 100.0))
                style:top=format!("{:.2}%", (fy * 100.0).clamp(0.0, 100.0))
                on:keydown=move |ev: web_sys::KeyboardEvent| {
                    if ev.key() == "Escape" {
                        // Focus goes back to the mark before the note goes
                        // (never to the page's body).
                        ev.prevent_default();
                        move_focus(i);
                        unpin();
                    }
                }
            >
                <div class="tip-body" inner_html=html></div>
                <button type="button" class="tip-close" on:click=move |_| {
                    move_focus(i);
                    unpin();
                }>"×"</button>
            </div>
        })
    };

    let on_download = move |ev: web_sys::MouseEvent| {
        let _ = figure.try_with_untracked(|f| {
            match super::data::action(&ev, "data-download").as_deref() {
                Some("svg") => {
                    dom::download(&format!("{}.svg", f.file), "image/svg+xml", &f.document())
                }
                Some("png") => dom::download_png(&f.document(), &format!("{}.png", f.file), 2.0),
                Some("csv") => dom::download(
                    &format!("{}.csv", f.file),
                    "text/csv;charset=utf-8",
                    &f.csv(),
                ),
                _ => {}
            }
        });
    };

    view! {
        <figure class="chart-figure">
            <div class="chart-wrap" class:scrolls=move || figure.with(|f| f.no_shrink) node_ref=box_ref>
                // Never wider than the figure was laid out for (a narrow
                // heatmap would otherwise be stretched, text and all), and
                // for some never narrower either (the page scrolls them).
                <div
                    class="chart-box"
                    style:max-width=move || figure.with(|f| format!("{}px", f.scene.width))
                    style:min-width=move || figure.with(|f| if f.no_shrink { format!("{}px", f.scene.width) } else { String::new() })
                >
                    <svg
                        class="chart"
                        class:has-active=move || focused.get().is_some()
                        viewBox=move || figure.with(|f| format!("0 0 {} {}", f.scene.width, f.scene.height))
                        role="group"
                        aria-label=move || figure.with(|f| f.scene.summary.clone())
                    >
                        <g class="static" aria-hidden="true" inner_html=move || figure.with(|f| f.svg.clone())></g>
                        <g class="highlight" aria-hidden="true" inner_html=move || {
                            focused.get().and_then(|i| figure.with(|f| f.scene.hits.get(i).map(|h| h.highlight.clone()))).unwrap_or_default()
                        }></g>
                        <g class="marks" id=format!("{id}-marks") inner_html=marks_html
                            on:keydown=on_keydown on:focusin=on_focusin
                            on:focusout=move |_| leave()
                            on:pointerover=on_pointerover on:pointerout=on_pointerout
                            on:click=on_click></g>
                    </svg>
                    {tip_box}
                </div>
            </div>
        </figure>
        {downloads.then(|| view! {
            <div class="chart-downloads" on:click=on_download>
                <button type="button" data-download="svg">{t.download_svg}</button>
                <button type="button" data-download="png">{t.download_png}</button>
                <button type="button" data-download="csv">{t.download_csv}</button>
            </div>
        })}
    }
}
