//! `#/`: the documents, what each is, its date and counts.

use std::fmt::Write;

use crate::markup::{a, esc};
use crate::route::Page;
use crate::words::Ctx;
use plan::summary::DocumentSummary;

pub fn overview(c: Ctx) -> String {
    let t = c.t();
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"page overview\"><h1>{}</h1><p class=\"lede\">{}</p><h2>{}</h2>",
        esc(t.app_title),
        esc(t.overview_intro),
        esc(t.documents_heading)
    );
    h.push_str(&documents_table(c));
    h.push_str("</section>");
    h
}

/// The five documents with their counts.
pub fn documents_table(c: Ctx) -> String {
    let t = c.t();
    let rows = DocumentSummary::all(c.ds);
    let total = DocumentSummary::total(&rows, c.ds);
    let mut h = format!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"doc-table stack\"><thead><tr>",
        esc(t.documents_heading)
    );
    for (col, num_col) in [
        (t.col_document, false),
        (t.col_kind, false),
        (t.col_date, false),
        (t.col_tasks, true),
        (t.col_categories, true),
        (t.col_units, true),
        (t.col_indicators, true),
        (t.col_places, true),
        (t.col_problems, true),
    ] {
        let _ = write!(
            h,
            "<th scope=\"col\"{}>{}</th>",
            if num_col { " class=\"num\"" } else { "" },
            esc(col)
        );
    }
    let _ = write!(
        h,
        "<th scope=\"col\"><span class=\"visually-hidden\">{}</span></th></tr></thead><tbody>",
        esc(t.view_source)
    );
    for s in &rows {
        let Some(d) = c.ds.document(&s.document) else {
            continue;
        };
        let tasks = if s.tasks > 0 {
            a(
                &c.route(Page::Tasks).with_param("doc", &d.id).to_hash(),
                &s.tasks.to_string(),
            )
        } else {
            s.tasks.to_string()
        };
        let _ = write!(
            h,
            "<tr data-doc=\"{}\"><th scope=\"row\"><span class=\"doc-code\">{}</span> <span class=\"doc-title\">{}</span><p class=\"doc-summary\">{}</p></th><td data-label=\"{l_kind}\">{}</td><td class=\"num\" data-label=\"{l_date}\">{}</td><td class=\"num\" data-label=\"{l_tasks}\">{tasks}</td><td class=\"num\" data-label=\"{l_cats}\">{}</td><td class=\"num\" data-label=\"{l_units}\">{}</td><td class=\"num\" data-label=\"{l_inds}\">{}</td><td class=\"num\" data-label=\"{l_places}\">{}</td><td class=\"num\" data-label=\"{l_problems}\">{}</td><td>{}</td></tr>",
            esc(&d.code),
            esc(&d.code),
            esc(c.doc_title(d)),
            esc(d.summary_in(c.lang)),
            esc(t.doc_kind(d.kind)),
            esc(d.date.as_deref().unwrap_or(t.no_date)),
            s.categories,
            s.agencies,
            s.indicators,
            s.places,
            s.problems,
            a(&c.href(Page::Source(d.id.clone())), t.view_source),
            l_kind = esc(t.col_kind),
            l_date = esc(t.col_date),
            l_tasks = esc(t.col_tasks),
            l_cats = esc(t.col_categories),
            l_units = esc(t.col_units),
            l_inds = esc(t.col_indicators),
            l_places = esc(t.col_places),
            l_problems = esc(t.col_problems),
        );
    }
    let _ = write!(
        h,
        "</tbody><tfoot><tr><th scope=\"row\">{}</th><td></td><td></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr></tfoot></table></div>",
        esc(t.dataset_totals),
        total.tasks,
        total.categories,
        total.agencies,
        total.indicators,
        total.places,
        total.problems
    );
    h
}
