//! The "embed this" panels under figures: each snippet's copy button, and
//! a live preview (an iframe of the embed, made when the panel opens).

use wasm_bindgen::{JsCast, JsValue};

use super::bound::Bound;
use super::dom;

/// Whether this build is the single offline file.
pub fn offline() -> bool {
    dom::offline()
}

/// A kit the build wrote for another address than the one the page is
/// served at (a copy of the site on another host, a test server) names the
/// page's own site in its snippets and its preview: the preview's
/// `frame-src 'self'` would refuse the build's, and a snippet should embed
/// what the visitor sees.
fn at_home(kit: &web_sys::Element, here: &str) {
    let built = kit.get_attribute("data-site").unwrap_or_default();
    if built.is_empty() || here.is_empty() || built == here {
        return;
    }
    for code in dom::query_all(kit, "[data-snippet] code") {
        let text = code.text_content().unwrap_or_default();
        code.set_text_content(Some(&text.replace(&built, here)));
    }
    if let Some(slot) = dom::query(kit, ".embed-preview") {
        if let Some(path) = slot
            .get_attribute("data-src")
            .and_then(|s| s.strip_prefix(&built).map(str::to_string))
        {
            let _ = slot.set_attribute("data-src", &format!("{here}{path}"));
        }
    }
    let _ = kit.set_attribute("data-site", here);
}

/// Copy `text` to the clipboard; the promise says whether it worked.
fn copy(text: &str) -> Option<js_sys::Promise> {
    let nav: JsValue = dom::window().navigator().into();
    let clip = js_sys::Reflect::get(&nav, &"clipboard".into()).ok()?;
    let f = dom::js_fn(&clip, "writeText")?;
    f.call1(&clip, &text.into()).ok()?.dyn_into().ok()
}

pub fn bind_kits(b: &mut Bound, main: &web_sys::Element) {
    let here = super::state::root_url();
    for kit in dom::query_all(main, "details.embed-kit") {
        at_home(&kit, &here);
        let k = kit.clone();
        b.listen(&kit, "toggle", move |_| {
            let open = k.has_attribute("open");
            let Some(slot) = dom::query(&k, ".embed-preview") else {
                return;
            };
            if open && dom::query(&slot, "iframe").is_none() {
                let (src, title) = (
                    slot.get_attribute("data-src").unwrap_or_default(),
                    slot.get_attribute("data-title").unwrap_or_default(),
                );
                if let Ok(f) = dom::document().create_element("iframe") {
                    let _ = f.set_attribute("src", &src);
                    let _ = f.set_attribute("title", &title);
                    let _ = f.set_attribute("loading", "lazy");
                    let _ = f.set_attribute("data-cztplans", "");
                    let _ = slot.append_child(&f);
                }
            }
        });
        b.listen(&kit, "click", |ev| {
            let Some(btn) = dom::closest(ev.target(), "button[data-copy]") else {
                return;
            };
            let key = btn.get_attribute("data-copy").unwrap_or_default();
            let Some(pre) = btn
                .closest(".snippet-box")
                .ok()
                .flatten()
                .and_then(|b| dom::query(&b, &format!("[data-snippet=\"{key}\"]")))
            else {
                return;
            };
            let text = pre.text_content().unwrap_or_default();
            if let Some(p) = copy(&text) {
                let btn2 = btn.clone();
                leptos::task::spawn_local(async move {
                    if wasm_bindgen_futures::JsFuture::from(p).await.is_ok() {
                        let done = btn2.get_attribute("data-done").unwrap_or_default();
                        btn2.set_text_content(Some(&done));
                    }
                });
            }
        });
    }
    // A preview's height follows its content (the embed reports it).
    let win: web_sys::EventTarget = dom::window().into();
    b.listeners.push(dom::listen(&win, "message", |ev| {
        let Some(m) = ev.dyn_ref::<web_sys::MessageEvent>() else {
            return;
        };
        let data = m.data();
        let get = |k: &str| js_sys::Reflect::get(&data, &k.into()).unwrap_or_default();
        if get("type").as_string().as_deref() != Some("cztplans:height") {
            return;
        }
        let Some(h) = get("height")
            .as_f64()
            .filter(|h| h.is_finite() && (50.0..=20000.0).contains(h))
        else {
            return;
        };
        let Some(doc) = dom::document().document_element() else {
            return;
        };
        for f in dom::query_all(&doc, ".embed-preview iframe") {
            let Ok(frame) = f.dyn_into::<web_sys::HtmlIFrameElement>() else {
                continue;
            };
            let same = frame
                .content_window()
                .is_some_and(|w| m.source().is_some_and(|s| js_sys::Object::is(&s, &w)));
            if same {
                let _ = frame.set_attribute("height", &h.ceil().to_string());
            }
        }
    }));
}
