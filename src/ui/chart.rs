//! An interactive drawing: the static layer drawn by plotters (an SVG string
//! from `draw`), with the scene's hits laid over it as focusable elements at
//! the same coordinates, a tooltip on hover and keyboard focus, and an
//! optional highlight layer (e.g. a node's neighbours).

use leptos::html::Div;
use leptos::prelude::*;

use super::dom;
use crate::draw::figure::Figure;
use crate::draw::scene::HitShape;

/// The width of an element, tracked across window resizes.
pub fn use_width(node: NodeRef<Div>, initial: f64) -> ReadSignal<f64> {
    let (width, set_width) = signal(initial);
    let measure = move || {
        if let Some(el) = node.try_get_untracked().flatten() {
            let w = el.client_width() as f64;
            if w > 0.0
                && width
                    .try_get_untracked()
                    .is_some_and(|old| (w - old).abs() >= 1.0)
            {
                set_width.try_set(w);
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
    // outlives: touches only the DOM, never a signal.
    gloo::timers::callback::Timeout::new(0, move || dom::focus(&selector)).forget();
}

fn mark_id(prefix: &str, i: usize) -> String {
    format!("{prefix}-mark-{i}")
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
        figure.track();
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

    let marks = move || {
        let tip_id = format!("{id}-tip");
        figure.with(|f| {
            f.scene
                .hits
                .iter()
                .enumerate()
                .map(|(i, hit)| {
                    let enter = move || {
                        if pinned.try_get_untracked() == Some(false) {
                            focused.try_set(Some(i));
                        }
                    };
                    let leave = move || {
                        if pinned.try_get_untracked() == Some(false) {
                            focused.try_set(None);
                        }
                    };
                    let key = move |ev: web_sys::KeyboardEvent| match ev.key().as_str() {
                        "Enter" | " " => {
                            ev.prevent_default();
                            activate(i, true);
                        }
                        "Escape" => unpin(),
                        _ => {}
                    };
                    let (x, y, w, h, r, circle) = match hit.shape {
                        HitShape::Circle { x, y, r } => (x, y, 0.0, 0.0, r, true),
                        HitShape::Rect { x, y, w, h } => (x, y, w, h, 0.0, false),
                    };
                    let el = if circle {
                        leptos::svg::circle().attr("cx", x).attr("cy", y).attr("r", r).into_any()
                    } else {
                        leptos::svg::rect().attr("x", x).attr("y", y).attr("width", w).attr("height", h).into_any()
                    };
                    view! {
                        <g id=mark_id(id, i) class="hit" class:active=move || focused.get() == Some(i)
                            tabindex="0" role="button" aria-label=hit.aria.clone() aria-describedby=tip_id.clone()
                            on:focus=move |_| enter() on:blur=move |_| leave()
                            on:mouseenter=move |_| enter() on:mouseleave=move |_| leave()
                            on:click=move |_| activate(i, false) on:keydown=key>{el}</g>
                    }
                })
                .collect_view()
        })
    };

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
                        unpin();
                        focus_later(format!("#{}", mark_id(id, i)));
                    }
                }
            >
                <div class="tip-body" inner_html=html></div>
                <button type="button" class="tip-close" on:click=move |_| unpin()>"×"</button>
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
            <div class="chart-wrap" node_ref=box_ref>
                // Never wider than the figure was laid out for (a narrow
                // heatmap would otherwise be stretched, text and all).
                <div class="chart-box" style:max-width=move || figure.with(|f| format!("{}px", f.scene.width))>
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
                        <g class="marks">{marks}</g>
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
