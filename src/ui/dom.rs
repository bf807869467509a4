//! Small DOM helpers: element lookup, hash and history, downloads, the error view.

use wasm_bindgen::{JsCast, JsValue};

pub fn window() -> web_sys::Window {
    web_sys::window().expect("a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("a document")
}

pub fn element_by_id(id: &str) -> Option<web_sys::Element> {
    document().get_element_by_id(id)
}

/// Focus the first element matching a CSS selector, if any.
pub fn focus(selector: &str) {
    if let Some(e) = document().query_selector(selector).ok().flatten() {
        if let Ok(e) = e.dyn_into::<web_sys::HtmlElement>() {
            let _ = e.focus();
        }
    }
}

/// Whether the page shows dark: the theme set on `<html>` (by the link's
/// `theme=`, the visit's choice or the switch), else the system's.
pub fn is_dark(_route_theme: crate::route::Theme) -> bool {
    let set = document()
        .document_element()
        .and_then(|e| e.get_attribute("data-theme"));
    match set.as_deref() {
        Some("dark") => true,
        Some("light") => false,
        _ => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Show `theme` on `<html>` (`data-theme`; none follows the system, in CSS).
pub fn apply_theme(theme: crate::route::Theme) {
    if let Some(root) = document().document_element() {
        let _ = match theme.code() {
            Some(code) => root.set_attribute("data-theme", code),
            None => root.remove_attribute("data-theme"),
        };
    }
}

/// The current `location.hash`.
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Replace the current history entry's address (no new entry, no event).
pub fn replace_url(url: &str) {
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(url));
    }
}

/// Offer `content` as a file download.
pub fn download(filename: &str, mime: &str, content: &str) {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(content));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    download_blob(filename, &blob);
}

/// Whether this is the offline file (`<html data-build="offline">`), which
/// carries no importer.
pub fn offline() -> bool {
    document()
        .document_element()
        .and_then(|e| e.get_attribute("data-build"))
        .as_deref()
        == Some("offline")
}

/// Download bytes as a file.
pub fn download_bytes(filename: &str, mime: &str, bytes: &[u8]) {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &opts) else {
        return;
    };
    download_blob(filename, &blob);
}

pub fn download_blob(filename: &str, blob: &web_sys::Blob) {
    let Ok(url) = web_sys::Url::create_object_url_with_blob(blob) else {
        return;
    };
    if let Ok(a) = document().create_element("a") {
        let a: web_sys::HtmlAnchorElement = a.unchecked_into();
        a.set_href(&url);
        a.set_download(filename);
        a.set_class_name("visually-hidden");
        if let Some(body) = document().body() {
            let _ = body.append_child(&a);
            a.click();
            let _ = body.remove_child(&a);
        }
    }
    // Revoke after the download has started.
    let revoke = gloo::timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    // outlives: touches only the URL, never a signal.
    revoke.forget();
}

/// Tell the page (and tests) that the app is mounted.
pub fn mark_ready() {
    if let Some(html) = document().document_element() {
        let _ = html.set_attribute("data-app", "ready");
    }
}

/// Count the apps mounted on the page (`<html data-apps>`: mounting adds
/// one, unmounting takes one away). It is always 1 once the app runs: the
/// light build unmounts before the whole app mounts, and the tests check it.
pub fn count_app(delta: i32) {
    if let Some(html) = document().document_element() {
        let n: i32 = html
            .get_attribute("data-apps")
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        let _ = html.set_attribute("data-apps", &(n + delta).to_string());
    }
}

/// Show the static error view (kept in index.html, outside the app) with
/// `detail`. Works after a panic: only plain DOM calls, no reactive code.
pub fn show_fatal(detail: &str) {
    let doc = document();
    if let Some(d) = doc.get_element_by_id("fatal-detail") {
        d.set_text_content(Some(detail));
    }
    if let Some(f) = doc.get_element_by_id("fatal") {
        let _ = f.remove_attribute("hidden");
    }
    if let Some(app) = doc.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
    if let Some(html) = doc.document_element() {
        let _ = html.set_attribute("data-app", "error");
    }
}

/// Scroll an element into view (centred) if it exists.
pub fn scroll_into_view(id: &str) {
    if let Some(e) = element_by_id(id) {
        let opts = web_sys::ScrollIntoViewOptions::new();
        opts.set_block(web_sys::ScrollLogicalPosition::Center);
        e.scroll_into_view_with_scroll_into_view_options(&opts);
    }
}

/// Render an SVG document to PNG at `scale` × its size and offer it as a
/// download. The SVG goes through an `<img>` (a data: URL, allowed by the
/// CSP's img-src) onto a canvas.
pub fn download_png(svg: &str, filename: &str, scale: f64) {
    use wasm_bindgen::closure::Closure;
    let Ok(img) = web_sys::HtmlImageElement::new() else {
        return;
    };
    let url = format!(
        "data:image/svg+xml;charset=utf-8,{}",
        String::from(js_sys::encode_uri_component(svg))
    );
    let filename = filename.to_string();
    let img2 = img.clone();
    let onload = Closure::once(move || {
        let (w, h) = (img2.natural_width() as f64, img2.natural_height() as f64);
        let Ok(canvas) = document().create_element("canvas") else {
            return;
        };
        let canvas: web_sys::HtmlCanvasElement = canvas.unchecked_into();
        canvas.set_width((w * scale).round() as u32);
        canvas.set_height((h * scale).round() as u32);
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let _ = ctx.scale(scale, scale);
        let _ = ctx.draw_image_with_html_image_element_and_dw_and_dh(&img2, 0.0, 0.0, w, h);
        let done = Closure::once(move |blob: Option<web_sys::Blob>| {
            if let Some(blob) = blob {
                download_blob(&filename, &blob);
            }
        });
        let _ = canvas.to_blob_with_type(done.as_ref().unchecked_ref(), "image/png");
        // outlives: called once by the browser; touches no signal.
        done.forget();
    });
    img.set_onload(Some(onload.as_ref().unchecked_ref()));
    // outlives: as above.
    onload.forget();
    img.set_src(&url);
}

/// `obj[name]`, if it is a function (boot.js's hooks: `cztAssetBytes`, `cztImports.all`, …).
pub fn js_fn(obj: &JsValue, name: &str) -> Option<js_sys::Function> {
    js_sys::Reflect::get(obj, &name.into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
}

/// Call `f` on `this` and wait for what it returns (a promise is awaited);
/// an error becomes its message.
pub async fn call(
    f: &js_sys::Function,
    this: &JsValue,
    args: &[&JsValue],
) -> Result<JsValue, String> {
    let out = match args {
        [] => f.call0(this),
        [a] => f.call1(this, a),
        [a, b, c, d] => f.call4(this, a, b, c, d),
        _ => return Err("bad call".into()),
    }
    .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    match out.dyn_into::<js_sys::Promise>() {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.map_err(|e| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
                .or_else(|| e.as_string())
                .unwrap_or_else(|| format!("{e:?}"))
        }),
        Err(v) => Ok(v),
    }
}

/// The first element under `root` matching a CSS selector.
pub fn query(root: &web_sys::Element, selector: &str) -> Option<web_sys::Element> {
    root.query_selector(selector).ok().flatten()
}

/// Every element under `root` matching a CSS selector, in document order.
pub fn query_all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let Ok(list) = root.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
        .collect()
}

/// The element an event happened on, or its closest ancestor matching
/// `selector`.
pub fn closest(target: Option<web_sys::EventTarget>, selector: &str) -> Option<web_sys::Element> {
    target?
        .dyn_into::<web_sys::Element>()
        .ok()?
        .closest(selector)
        .ok()
        .flatten()
}

/// Listen for `event` on `target` until the listener is dropped. Not a
/// passive listener: a handler may prevent the browser's own action (a
/// link followed by the app, a wheel that zooms the map).
pub fn listen(
    target: &web_sys::EventTarget,
    event: &'static str,
    f: impl FnMut(&web_sys::Event) + 'static,
) -> gloo::events::EventListener {
    gloo::events::EventListener::new_with_options(
        target,
        event,
        gloo::events::EventListenerOptions::enable_prevent_default(),
        f,
    )
}

/// The same, in the capture phase (for events that do not bubble, and to
/// see an event before the page's own handlers).
pub fn listen_capture(
    target: &web_sys::EventTarget,
    event: &'static str,
    f: impl FnMut(&web_sys::Event) + 'static,
) -> gloo::events::EventListener {
    use gloo::events::{EventListenerOptions, EventListenerPhase};
    let opts = EventListenerOptions {
        phase: EventListenerPhase::Capture,
        passive: false,
    };
    gloo::events::EventListener::new_with_options(target, event, opts, f)
}

/// The value of a form control (input, textarea, select).
pub fn value_of(el: &web_sys::Element) -> String {
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    String::new()
}

/// Set a form control's value (only when it differs: the caret stays).
/// A control's `value` property, not a signal's.
pub fn write_value(el: &web_sys::Element, v: &str) {
    if value_of(el) != v {
        let _ = js_sys::Reflect::set(el, &"value".into(), &v.into());
    }
}

/// Set an element's HTML, unless it is that already (nothing is laid out
/// again for an unchanged region).
pub fn set_html(el: &web_sys::Element, html: &str) {
    if el.inner_html() != html {
        el.set_inner_html(html);
    }
}

/// An element's content width in CSS pixels (its box without padding).
pub fn content_width(el: &web_sys::Element) -> f64 {
    let w = el.client_width() as f64;
    let Ok(Some(style)) = window().get_computed_style(el) else {
        return w;
    };
    let px = |k: &str| {
        style
            .get_property_value(k)
            .ok()
            .and_then(|v| v.trim_end_matches("px").parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    w - px("padding-left") - px("padding-right")
}

/// Run `f` once the browser is idle (or after `timeout_ms` at the latest).
pub fn when_idle(timeout_ms: u32, f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    let cb = Closure::once_into_js(f);
    let w = window();
    let idle = js_sys::Reflect::get(&w, &"requestIdleCallback".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(ric) => {
            let opts = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&opts, &"timeout".into(), &JsValue::from(timeout_ms));
            let _ = ric.call2(&w, &cb, &opts);
        }
        None => {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), 50);
        }
    }
}

/// Set (or, with `None`, remove) an attribute of `<html>`.
pub fn document_element_attr(name: &str, value: Option<&str>) {
    if let Some(html) = document().document_element() {
        let _ = match value {
            Some(v) => html.set_attribute(name, v),
            None => html.remove_attribute(name),
        };
    }
}

/// sessionStorage, where the browser keeps it for this page.
pub fn session() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}
