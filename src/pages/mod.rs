//! Page content as HTML strings, from the model: the layer above the
//! drawings. Pure: the app sets these as `inner_html` (one small string
//! builder instead of a typed view tree per template keeps the wasm small),
//! and the build renders the same functions into the page for visitors
//! without JavaScript. Interactive parts (inputs, marks, tooltips) are `ui`'s.

pub mod agencies;
pub mod data;
pub mod embed;
pub mod fallback;
pub mod import;
pub mod overview;
pub mod prerender;
pub mod shell;
pub mod targets;
pub mod tasks;

use crate::markup::{a, esc, options};
use crate::route::Page;
use crate::words::Ctx;

pub fn not_found(c: Ctx) -> String {
    let t = c.t();
    format!(
        "<section class=\"page not-found\"><h1>{}</h1><p>{}</p><p>{}</p></section>",
        esc(t.not_found_title),
        esc(t.not_found_body),
        a(&c.href(Page::Overview), t.back_to_overview)
    )
}

/// The page's title for the browser tab and history: what it shows, then
/// the app ("地区生产总值 · 目标 · 长株潭规划图解"). Names in the rest of the
/// dataset (agencies) fall back to the section while it loads.
pub fn title(c: Ctx, page: &Page) -> String {
    let t = c.t();
    let parts: Vec<String> = match page {
        Page::Overview => vec![],
        Page::Targets(None) => vec![t.nav_targets.into()],
        Page::Targets(Some(id)) => {
            let mut v: Vec<String> =
                c.ds.indicator(id)
                    .map(|i| i.name_in(c.lang).to_string())
                    .into_iter()
                    .collect();
            v.push(t.nav_targets.into());
            v
        }
        Page::Map => vec![t.nav_map.into()],
        Page::Agencies(id) => {
            let mut v: Vec<String> = id
                .as_deref()
                .and_then(|id| c.ds.agency(id))
                .map(|a| a.name_in(c.lang).to_string())
                .into_iter()
                .collect();
            v.push(t.nav_agencies.into());
            v
        }
        Page::Tasks => vec![t.nav_tasks.into()],
        Page::Task(id) => vec![id.clone(), t.nav_tasks.into()],
        Page::Data => vec![t.nav_data.into()],
        Page::Import => vec![t.nav_import.into()],
        Page::Source(doc) => {
            let mut v: Vec<String> = tasks::find_document(c.ds, doc)
                .map(|d| format!("{} {}", d.code, c.doc_title(d)))
                .into_iter()
                .collect();
            v.push(t.source_heading.into());
            v
        }
        Page::Embed(inner) => return title(c, inner),
        Page::NotFound(_) => vec![t.not_found_title.into()],
    };
    let mut parts = parts;
    parts.push(t.app_title.into());
    parts.join(" · ")
}

/// Options of a document filter: the documents that have tasks.
pub fn document_options(c: Ctx) -> String {
    options(
        c.t().filter_all,
        c.ds.task_documents()
            .map(|d| (d.id.clone(), format!("{} {}", d.code, c.doc_title(d)))),
    )
}

/// Options of a category filter: the categories of `doc`, or of every
/// document (then prefixed with the document's code).
pub fn category_options(c: Ctx, doc: &str) -> String {
    options(
        c.t().filter_all,
        c.ds.documents
            .iter()
            .filter(|d| doc.is_empty() || d.id == doc)
            .flat_map(|d| {
                let prefix = if doc.is_empty() {
                    format!("{} · ", d.code)
                } else {
                    String::new()
                };
                c.ds.categories_of(&d.id).into_iter().map(move |cat| {
                    (
                        cat.to_string(),
                        format!("{prefix}{}", c.category(&d.id, cat)),
                    )
                })
            }),
    )
}
