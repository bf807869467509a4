//! An interactive chart: the static layer drawn by plotters (an SVG string
//! from `draw`), with focusable marks laid over it at the spec's coordinates,
//! and a tooltip on hover and keyboard focus.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom;
use crate::draw::chart::ChartSpec;

/// The width of an element, tracked across window resizes.
pub fn use_width(node: NodeRef<Div>, initial: f64) -> ReadSignal<f64> {
    let (width, set_width) = signal(initial);
    let measure = move || {
        if let Some(el) = node.get_untracked() {
            let w = el.client_width() as f64;
            if w > 0.0 && (w - width.get_untracked()).abs() >= 1.0 {
                set_width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if node.get().is_some() {
            measure();
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());
    width
}

/// Focus the first element matching a CSS selector after the current render.
fn focus_later(selector: String) {
    gloo::timers::callback::Timeout::new(0, move || {
        if let Some(e) = dom::document().query_selector(&selector).ok().flatten() {
            if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
                let _ = e.focus();
            }
        }
    })
    .forget();
}

/// A chart with focusable marks. `tip(i)` is the HTML of the note for mark
/// `i` (with a link, which Enter moves the focus to).
#[component]
pub fn InteractiveChart<F>(
    spec: Memo<ChartSpec>,
    svg: Memo<String>,
    /// A prefix for element ids (unique on the page).
    id: String,
    tip: F,
) -> impl IntoView
where
    F: Fn(usize) -> String + Send + Sync + Copy + 'static,
{
    let focused: RwSignal<Option<usize>> = RwSignal::new(None);
    let pinned = RwSignal::new(false);
    let tip_id = format!("{id}-tip");
    let prefix = id.clone();
    let id2 = tip_id.clone();

    let marks = move || {
        let s = spec.get();
        s.marks
            .iter()
            .enumerate()
            .map(|(i, m)| {
                let tip_id = id2.clone();
                let (cx, cy) = (m.x, m.y);
                let prefix = prefix.clone();
                view! {
                    <circle
                        id=mark_id(&prefix, i)
                        class="hit"
                        class:active=move || focused.get() == Some(i)
                        cx=cx
                        cy=cy
                        r="14"
                        tabindex="0"
                        role="button"
                        aria-label=m.aria.clone()
                        aria-describedby=tip_id.clone()
                        on:focus=move |_| {
                            if !pinned.get_untracked() {
                                focused.set(Some(i));
                            }
                        }
                        on:blur=move |_| {
                            if !pinned.get_untracked() {
                                focused.set(None);
                            }
                        }
                        on:mouseenter=move |_| {
                            if !pinned.get_untracked() {
                                focused.set(Some(i));
                            }
                        }
                        on:mouseleave=move |_| {
                            if !pinned.get_untracked() {
                                focused.set(None);
                            }
                        }
                        on:click=move |_| {
                            focused.set(Some(i));
                            pinned.set(true);
                        }
                        on:keydown=move |ev: web_sys::KeyboardEvent| {
                            match ev.key().as_str() {
                                "Enter" | " " => {
                                    ev.prevent_default();
                                    focused.set(Some(i));
                                    pinned.set(true);
                                    focus_later(format!("#{} a", tip_id));
                                }
                                "Escape" => {
                                    pinned.set(false);
                                    focused.set(None);
                                }
                                _ => {}
                            }
                        }
                    />
                }
            })
            .collect_view()
    };

    let tip_box = {
        let tip_id = tip_id.clone();
        let prefix = id.clone();
        move || {
            let prefix = prefix.clone();
            let s = spec.get();
            focused
                .get()
                .and_then(|i| s.marks.get(i).map(|m| (i, m.x / s.width, m.y / s.height)))
                .map(|(i, fx, fy)| {
                    let left = format!("{:.2}%", (fx * 100.0).clamp(0.0, 100.0));
                    let top = format!("{:.2}%", (fy * 100.0).clamp(0.0, 100.0));
                    let flip = fx > 0.6;
                    let below = fy < 0.35;
                    view! {
                        <div
                            class="tooltip"
                            class:flip=flip
                            class:below=below
                            class:pinned=move || pinned.get()
                            id=tip_id.clone()
                            role="tooltip"
                            style:left=left
                            style:top=top
                            on:keydown=move |ev: web_sys::KeyboardEvent| {
                                if ev.key() == "Escape" {
                                    pinned.set(false);
                                    focused.set(None);
                                    focus_later(format!("#{}", mark_id(&prefix, i)));
                                }
                            }
                        >
                            <div class="tip-body" inner_html=tip(i)></div>
                            <button type="button" class="tip-close" on:click=move |_| {
                                pinned.set(false);
                                focused.set(None);
                            }>"×"</button>
                        </div>
                    }
                })
        }
    };

    view! {
        <div class="chart-box">
            <svg
                class="chart"
                viewBox=move || { let s = spec.get(); format!("0 0 {} {}", s.width, s.height) }
                role="group"
                aria-label=move || spec.with(|s| s.summary.clone())
            >
                <g class="static" aria-hidden="true" inner_html=move || svg.get()></g>
                <g class="marks">{marks}</g>
            </svg>
            {tip_box}
        </div>
    }
}

fn mark_id(prefix: &str, i: usize) -> String {
    format!("{prefix}-mark-{i}")
}
