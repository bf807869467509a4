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

/// Whether the page shows dark: the theme the route asks for, or the
/// system's when it asks for none.
pub fn is_dark(theme: crate::route::Theme) -> bool {
    use crate::route::Theme;
    match theme {
        Theme::Dark => true,
        Theme::Light => false,
        Theme::Auto => window()
            .match_media("(prefers-color-scheme: dark)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches()),
    }
}

/// Show `theme`: `data-theme` on the root (none follows the system, in
/// CSS), and the switch's pressed state.
pub fn apply_theme(theme: crate::route::Theme) {
    let doc = document();
    if let Some(root) = doc.document_element() {
        let _ = match theme.code() {
            Some(code) => root.set_attribute("data-theme", code),
            None => root.remove_attribute("data-theme"),
        };
    }
    let pressed = if is_dark(theme) { "true" } else { "false" };
    if let Ok(list) = doc.query_selector_all(".theme-switch") {
        for i in 0..list.length() {
            if let Some(e) = list
                .item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            {
                let _ = e.set_attribute("aria-pressed", pressed);
            }
        }
    }
}

/// The current `location.hash`.
pub fn hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Replace the current history entry's hash without a `hashchange` event
/// (for typing in a search box: no history entry per keystroke).
pub fn replace_hash(hash: &str) {
    if let Ok(h) = window().history() {
        let _ = h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash));
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
