//! The static page shown before the wasm runs, without JavaScript, or when
//! the app cannot load: rendered at build time by the same fragments the app
//! shows ([`super::html`]).

use super::html::{documents_table, esc, Ctx};
use crate::i18n::Lang;
use crate::plan::Dataset;

/// The static fallback: a note on JavaScript and the documents table.
pub fn page(ds: &Dataset) -> String {
    let c = Ctx::new(ds, Lang::Zh);
    let t = c.t();
    let mut h = String::new();
    h.push_str("<noscript><p class=\"noscript-note\">本页面的交互版本需要 JavaScript。以下为静态内容。 The interactive version needs JavaScript; below is a static summary.</p></noscript>\n");
    h.push_str("<section class=\"static\" id=\"static\">\n");
    h.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"lede\">{}</p>\n",
        esc(t.app_title),
        esc(t.overview_intro)
    ));
    h.push_str(&format!("<h2>{}</h2>\n", esc(t.documents_heading)));
    h.push_str(&documents_table(c));
    h.push_str("\n</section>\n");
    h
}
