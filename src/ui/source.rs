//! `#/source/<doc>?lines=a-b`: a whole document, lines highlighted.

use leptos::prelude::*;

use super::app::{ctx, use_route};
use super::dom;
use crate::draw::html;

#[component]
pub fn SourcePage(doc: String) -> impl IntoView {
    let lines = use_route().peek(|r| r.lines());
    let html = html::source_page(ctx(), &doc, lines);
    Effect::new(move |_| {
        if let Some((a, _)) = lines {
            dom::scroll_into_view(&format!("L{a}"));
        }
    });
    view! { <div class="html" inner_html=html></div> }
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
