//! `#/source/<doc>?lines=a-b`: a whole document, lines highlighted; and the
//! loading of a document's text, which the compiled dataset leaves out.

use std::cell::RefCell;
use std::collections::BTreeMap;

use leptos::prelude::*;

use super::dom;
use super::state::dataset;
use super::state::{ctx, texts, use_route};
use crate::pages::tasks::{self as html, SourceText};

thread_local! {
    /// Texts loaded so far, by file name.
    static TEXTS: RefCell<BTreeMap<String, String>> = const { RefCell::new(BTreeMap::new()) };
}

/// A document's text (by its id): `None` while it loads, then the text or
/// why it could not be had. Loaded once per page life.
pub fn use_text(doc_id: &str) -> ReadSignal<Option<Result<String, String>>> {
    // An import carries its text.
    if let Some(d) = dataset().document(doc_id).filter(|d| !d.text.is_empty()) {
        return signal(Some(Ok(d.text.clone()))).0;
    }
    let file = dataset()
        .document(doc_id)
        .map(|d| d.file.clone())
        .unwrap_or_default();
    let cached = TEXTS.with(|t| t.borrow().get(&file).cloned());
    let (text, set_text) = signal(cached.clone().map(Ok));
    if cached.is_none() && !file.is_empty() {
        leptos::task::spawn_local(async move {
            let got = super::assets::fetch_text(&file).await;
            if let Ok(t) = &got {
                TEXTS.with(|m| m.borrow_mut().insert(file, t.clone()));
            }
            // The page may be gone by now: then nothing is set.
            set_text.try_set(Some(got));
        });
    }
    text
}

#[component]
pub fn SourcePage(doc: String) -> impl IntoView {
    let lines = use_route().peek(|r| r.lines());
    let id = html::find_document(dataset(), &doc).map(|d| d.id.clone());
    let text = use_text(id.as_deref().unwrap_or(""));
    let failed = texts().source_failed;
    let page = move || {
        text.with(|got| {
            let shown = match got {
                Some(Ok(t)) => SourceText::Whole(t),
                Some(Err(_)) => SourceText::Failed {
                    why: failed,
                    excerpt: "",
                    first: 1,
                },
                None => SourceText::Loading {
                    excerpt: "",
                    first: 1,
                },
            };
            html::source_page(ctx(), &doc, lines, shown)
        })
    };
    Effect::new(move |_| {
        if text.with(Option::is_some) {
            if let Some((a, _)) = lines {
                dom::scroll_into_view(&format!("L{a}"));
            }
        }
    });
    view! { <div class="html" inner_html=page></div> }
}

/// Scroll an embedded source panel so its first highlighted line shows.
pub fn scroll_panel_to_highlight() {
    let Some(panel) = dom::document()
        .query_selector(".source.embedded")
        .ok()
        .flatten()
    else {
        return;
    };
    let Some(line) = panel.query_selector("li.hl").ok().flatten() else {
        return;
    };
    let line: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(line);
    let top = line.offset_top() - panel.client_height() / 4;
    panel.set_scroll_top(top.max(0));
}
