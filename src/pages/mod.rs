//! Page content as HTML strings, from the model: the layer above the
//! drawings. Pure: the app sets these as `inner_html` (one small string
//! builder instead of a typed view tree per template keeps the wasm small),
//! and the build renders the same functions into the page for visitors
//! without JavaScript. Interactive parts (inputs, marks, tooltips) are `ui`'s.

pub mod agencies;
pub mod data;
pub mod document;
pub mod embed;
pub mod fallback;
pub mod figure;
pub mod import;
pub mod map;
pub mod overview;
pub mod renames;
pub mod render;
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

/// `<option>`s with the one of `value` selected (none when it is not there).
pub fn selected(options_html: &str, value: &str) -> String {
    let key = format!("<option value=\"{}\"", crate::markup::esc(value));
    match options_html.find(&key) {
        Some(i) => {
            let at = i + key.len();
            format!("{} selected{}", &options_html[..at], &options_html[at..])
        }
        None => options_html.to_string(),
    }
}

/// The document and category filters (select ids `doc_id`, `cat_id`): the
/// categories offered are the chosen document's.
pub fn doc_category_fields(c: Ctx, doc_id: &str, cat_id: &str, doc: &str, cat: &str) -> String {
    let t = c.t();
    format!(
        "<div class=\"field\"><label for=\"{doc_id}\">{}</label><select id=\"{doc_id}\" name=\"doc\">{}</select></div><div class=\"field\"><label for=\"{cat_id}\">{}</label><select id=\"{cat_id}\" name=\"cat\">{}</select></div>",
        esc(t.filter_document),
        selected(&document_options(c), doc),
        esc(t.filter_category),
        selected(&category_options(c, doc), cat)
    )
}
