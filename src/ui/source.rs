//! A task's page and a source document's page: the lines the address asks
//! for are highlighted in place and scrolled to; a text the page was drawn
//! without (the app drew it before the text came) is loaded and the page
//! drawn again with it.

use std::cell::RefCell;
use std::collections::BTreeMap;

use super::bound::Bound;
use super::dom;
use super::state::{dataset, use_route};
use crate::route::{Page, Route};
use plan::Document;

thread_local! {
    /// Texts loaded so far, by file name (kept for the page's life).
    static TEXTS: RefCell<BTreeMap<String, &'static str>> = const { RefCell::new(BTreeMap::new()) };
}

/// A document's text, if the app has it (an import carries its own).
pub fn cached_text(d: &Document) -> Option<&'static str> {
    if !d.text.is_empty() {
        return dataset().document(&d.id).map(|x| x.text.as_str());
    }
    TEXTS.with(|t| t.borrow().get(&d.file).copied())
}

/// The document a task or source page shows.
fn document_of(route: &Route) -> Option<&'static Document> {
    let ds = dataset();
    match &route.page {
        Page::Task(id) => ds.task(id).and_then(|t| ds.document(&t.document)),
        Page::Source(doc) => crate::pages::tasks::find_document(ds, doc),
        _ => None,
    }
}

/// A source page: highlight the lines the route asks for and go to the
/// first (a task's page has its own lines, as written).
fn show_lines(main: &web_sys::Element, route: &Route) {
    if !matches!(route.page, Page::Source(_)) {
        return;
    }
    let (a, b) = route.lines().unwrap_or((0, 0));
    let mut first = None;
    for li in dom::query_all(main, ".source-page li[id^=\"L\"]") {
        let n: u32 = li.id()[1..].parse().unwrap_or(0);
        let on = route.lines().is_some() && a <= n && n <= b;
        let _ = li.class_list().toggle_with_force("hl", on);
        let _ = if on {
            li.set_attribute("aria-current", "true")
        } else {
            li.remove_attribute("aria-current")
        };
        if on && first.is_none() {
            first = Some(li.id());
        }
    }
    if let Some(id) = first {
        dom::scroll_into_view(&id);
    }
}

pub fn bind(b: &mut Bound, main: &web_sys::Element, route: &Route) {
    // The page was drawn without its text: load it, then draw it again.
    if dom::query(main, ".source[aria-busy]").is_some() {
        if let Some(d) = document_of(route) {
            let file = d.file.clone();
            leptos::task::spawn_local(async move {
                let Ok(text) = super::assets::fetch_text(&file).await else {
                    return;
                };
                TEXTS.with(|t| {
                    t.borrow_mut()
                        .insert(file, Box::leak(text.into_boxed_str()))
                });
                let now = use_route().peek(Route::clone);
                if document_of(&now).is_some() {
                    super::nav::redraw(true);
                }
            });
        }
        return;
    }
    show_lines(main, &use_route().peek(Route::clone));
    let main = main.clone();
    b.on_params(move |r| show_lines(&main, r));
}
