//! The source view: a seed document line by line, some lines highlighted.

use leptos::html::Div;
use leptos::prelude::*;

use super::app::{href, texts};
use super::dataset;
use crate::route::Page;

/// Find a document by id ("000_46937b859a78d65d") or code ("000").
fn find(doc: &str) -> Option<&'static crate::plan::Document> {
    let ds = dataset();
    ds.document(doc)
        .or_else(|| ds.documents.iter().find(|d| d.code == doc))
}

/// The document's lines in an ordered list; `lines` are highlighted and
/// scrolled to. `embedded` puts it in a scrolling panel.
#[component]
pub fn SourceView(doc: String, lines: Option<(u32, u32)>, embedded: bool) -> impl IntoView {
    let Some(d) = find(&doc) else {
        return view! { <p class="empty">{doc}</p> }.into_any();
    };
    let t = texts();
    let (a, b) = lines.unwrap_or((0, 0));
    let items = d
        .text
        .split('\n')
        .enumerate()
        .map(|(i, line)| {
            let n = i as u32 + 1;
            let hl = lines.is_some() && a <= n && n <= b;
            let text = if line.is_empty() {
                "\u{200b}".to_string()
            } else {
                line.to_string()
            };
            view! {
                <li id=format!("L{n}") value=n class:hl=hl aria-current=hl.then_some("true")>
                    <span class="line-text">{text}</span>
                </li>
            }
        })
        .collect_view();
    let panel = NodeRef::<Div>::new();
    Effect::new(move |_| {
        let Some(panel) = panel.get() else { return };
        if lines.is_none() {
            return;
        }
        let Some(el) = panel.query_selector(&format!("#L{a}")).ok().flatten() else {
            return;
        };
        let el: web_sys::HtmlElement = wasm_bindgen::JsCast::unchecked_into(el);
        if embedded {
            let top = el.offset_top() - panel.client_height() / 4;
            panel.set_scroll_top(top.max(0));
        } else {
            super::dom::scroll_into_view(&format!("L{a}"));
        }
    });
    view! {
        <div
            class="source"
            class:embedded=embedded
            node_ref=panel
            tabindex="0"
            role="region"
            aria-label=format!("{} {} {}", t.source_heading, d.code, d.title)
            data-doc=d.id.clone()
        >
            <ol class="source-lines">{items}</ol>
        </div>
    }
    .into_any()
}

/// `#/source/<doc>?lines=a-b`: a whole document.
#[component]
pub fn SourcePage(doc: String) -> impl IntoView {
    let t = texts();
    let route = super::app::use_route();
    let lines = route.with_untracked(|r| r.lines());
    let Some(d) = find(&doc) else {
        return view! {
            <section class="page not-found">
                <h1>{t.not_found_title}</h1>
                <p>{doc}</p>
                <p><a href=href(Page::Data)>{t.nav_data}</a></p>
            </section>
        }
        .into_any();
    };
    let range = lines.map(|(a, b)| format!("{} {a}–{b}", t.source_lines));
    view! {
        <section class="page source-page">
            <nav class="crumbs"><a href=href(Page::Overview)>{t.nav_overview}</a> " › " {t.source_heading}</nav>
            <h1><span class="doc-code">{d.code.clone()}</span> " " {d.title.clone()}</h1>
            <p class="doc-file">{d.file.clone()} {d.date.clone().map(|x| format!(" · {x}"))} {range.map(|r| format!(" · {r}"))}</p>
            <SourceView doc=d.id.clone() lines=lines embedded=false/>
        </section>
    }
    .into_any()
}
