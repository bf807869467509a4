//! Embedding: the page reports its height to the parent page (for
//! `embed.js`), and every figure offers the snippets that embed it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::app::{ctx, use_route};
use super::dom;
use crate::draw::html;
use crate::route::Page;

/// The message `embed.js` listens for.
pub const MESSAGE_TYPE: &str = "cztplans:height";

/// While embedded, tell the parent page our height whenever it changes
/// (the parent's embed.js checks the message's origin and shape).
pub fn report_height() {
    let Ok(parent) = dom::window().parent() else {
        return;
    };
    let Some(parent) = parent else { return };
    let post = move || {
        let Some(el) = dom::document().document_element() else {
            return;
        };
        let height = el
            .scroll_height()
            .max(el.get_bounding_client_rect().height().ceil() as i32);
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
        let _ = js_sys::Reflect::set(
            &msg,
            &"href".into(),
            &dom::window().location().href().unwrap_or_default().into(),
        );
        // The height of a public chart is no secret: any parent may read it.
        let _ = parent.post_message(&msg, "*");
    };
    post();
    let cb = Closure::<dyn FnMut()>::new(post);
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        if let Some(body) = dom::document().body() {
            observer.observe(&body);
        }
        std::mem::forget(observer);
    }
    cb.forget();
}

/// Whether this build is the single offline file.
pub fn offline() -> bool {
    dom::document()
        .document_element()
        .and_then(|e| e.get_attribute("data-build"))
        .as_deref()
        == Some("offline")
}

/// "Embed this": the plain iframe and the iframe with embed.js, for the
/// current view.
#[component]
pub fn EmbedKit(title: String) -> impl IntoView {
    let route = use_route();
    let html = move || {
        let r = route.get();
        let href = dom::window().location().href().unwrap_or_default();
        let base = href.split('#').next().unwrap_or("").to_string();
        let embed = r.with_page(Page::Embed(Box::new(r.page.clone())));
        html::embed_kit(ctx(), &base, &embed.to_hash(), &title, offline())
    };
    view! { <div class="html" inner_html=html></div> }
}
