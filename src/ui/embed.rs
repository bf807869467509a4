//! Embedding: the page reports its height to the parent page (for
//! `embed.js`), and every figure offers the snippets that embed it.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::dom;
use super::state::{ctx, use_route};
use crate::pages::embed::embed_kit;
use crate::route::Page;

/// The message `embed.js` listens for.
pub const MESSAGE_TYPE: &str = "cztplans:height";

/// The message `embed.js` sends a frame to ask for its height.
pub const ASK_TYPE: &str = "cztplans:ask";

/// The height of the app's own content: `#app`'s box, which shrinks with
/// its content (the document's scroll height would only ever grow with the
/// iframe it fills).
pub fn content_height() -> Option<f64> {
    let app = dom::element_by_id("app")?;
    Some(app.get_bounding_client_rect().height().ceil())
}

/// While embedded, tell the parent page our content's height whenever it
/// changes (the parent's embed.js checks the message's origin and shape).
/// The message carries the height and nothing else.
pub fn report_height() {
    let Ok(Some(parent)) = dom::window().parent() else {
        return;
    };
    let Some(app) = dom::element_by_id("app") else {
        return;
    };
    let to = parent.clone();
    let post = std::rc::Rc::new(move || {
        let Some(height) = content_height() else {
            return;
        };
        let msg = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&msg, &"type".into(), &MESSAGE_TYPE.into());
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(height));
        // The height of a public chart is no secret: any parent may read it.
        let _ = to.post_message(&msg, "*");
    });
    post();
    // embed.js may start after our first messages (a host page's deferred
    // script, a cached frame): it asks, and we answer with the height.
    let answer = post.clone();
    let parent: JsValue = parent.into();
    let asked = gloo::events::EventListener::new(&dom::window(), "message", move |ev| {
        let get = |v: &JsValue, k: &str| js_sys::Reflect::get(v, &k.into()).unwrap_or_default();
        let ev: &JsValue = ev.as_ref();
        let from_parent = js_sys::Object::is(&get(ev, "source"), &parent);
        let data = get(ev, "data");
        if from_parent
            && data.is_object()
            && get(&data, "type").as_string().as_deref() == Some(ASK_TYPE)
        {
            answer();
        }
    });
    // outlives: listens on the window as long as the page; touches no signal.
    asked.forget();
    let cb = Closure::<dyn FnMut()>::new(move || post());
    if let Ok(observer) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
        observer.observe(&app);
        // outlives: observes #app, which lives as long as the page; touches no signal.
        std::mem::forget(observer);
    }
    // outlives: as above.
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

/// The site's address for snippets: origin and path only (a page's own
/// query, or its hash, never goes into a snippet).
fn site_base() -> String {
    let loc = dom::window().location();
    format!(
        "{}{}",
        loc.origin().unwrap_or_default(),
        loc.pathname().unwrap_or_default()
    )
}

/// "Embed this": the plain iframe and the iframe with embed.js, for the
/// current view.
#[component]
pub fn EmbedKit(title: String) -> impl IntoView {
    let route = use_route();
    let html = move || {
        let r = route.get();
        let embed = r.with_page(Page::Embed(Box::new(r.page.clone())));
        embed_kit(ctx(), &site_base(), &embed.to_hash(), &title, offline())
    };
    view! { <div class="html" inner_html=html></div> }
}
