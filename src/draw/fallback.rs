//! The static page shown before the wasm runs, without JavaScript, or when
//! the app cannot load: rendered at build time from the same model.

use crate::i18n::Lang;
use crate::plan::summary::DocumentSummary;
use crate::plan::Dataset;

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// The static fallback: a note on JavaScript and the documents table.
pub fn page(ds: &Dataset) -> String {
    let t = Lang::Zh.t();
    let mut h = String::new();
    h.push_str("<noscript><p class=\"noscript-note\">本页面的交互版本需要 JavaScript。以下为静态内容。 The interactive version needs JavaScript; below is a static summary.</p></noscript>\n");
    h.push_str("<section class=\"static\" id=\"static\">\n");
    h.push_str(&format!(
        "<h1>{}</h1>\n<p class=\"lede\">{}</p>\n",
        esc(t.app_title),
        esc(t.overview_intro)
    ));
    h.push_str(&format!(
        "<h2>{}</h2>\n<div class=\"table-wrap\"><table class=\"doc-table\"><thead><tr>",
        esc(t.documents_heading)
    ));
    for c in [
        t.col_document,
        t.col_kind,
        t.col_date,
        t.col_tasks,
        t.col_categories,
        t.col_units,
        t.col_indicators,
        t.col_places,
        t.col_problems,
    ] {
        h.push_str(&format!("<th scope=\"col\">{}</th>", esc(c)));
    }
    h.push_str("</tr></thead><tbody>\n");
    for s in DocumentSummary::all(ds) {
        let d = ds
            .document(&s.document)
            .expect("summary of a known document");
        h.push_str(&format!(
            "<tr><th scope=\"row\"><span class=\"doc-code\">{}</span> <span class=\"doc-title\">{}</span></th><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
            esc(&d.code),
            esc(&d.title),
            esc(t.doc_kind(d.kind)),
            esc(d.date.as_deref().unwrap_or(t.no_date)),
            s.tasks, s.categories, s.agencies, s.indicators, s.places, s.problems
        ));
    }
    h.push_str("</tbody></table></div>\n</section>\n");
    h
}
