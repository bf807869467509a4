//! `#/`: the five documents, what each is, its date and counts.

use leptos::prelude::*;

use super::app::{href, texts, use_route};
use super::dataset;
use crate::plan::summary::DocumentSummary;
use crate::route::Page;

#[component]
pub fn Overview() -> impl IntoView {
    let t = texts();
    let ds = dataset();
    let rows = DocumentSummary::all(ds);
    let total = DocumentSummary::total(&rows, ds);
    let route = use_route();
    let tasks_of = move |doc: &str| {
        route.with_untracked(|r| r.goto(Page::Tasks).with_param("doc", doc).to_hash())
    };
    let body = rows
        .iter()
        .map(|s| {
            let d = ds
                .document(&s.document)
                .expect("summary of a known document");
            let tasks = if s.tasks > 0 {
                view! { <a href=tasks_of(&d.id)>{s.tasks}</a> }.into_any()
            } else {
                view! { <span>{s.tasks}</span> }.into_any()
            };
            view! {
                <tr data-doc=d.code.clone()>
                    <th scope="row">
                        <span class="doc-code">{d.code.clone()}</span>
                        " "
                        <span class="doc-title">{d.title.clone()}</span>
                        <p class="doc-summary">{d.summary.clone()}</p>
                    </th>
                    <td>{t.doc_kind(d.kind)}</td>
                    <td class="num">{d.date.clone().unwrap_or_else(|| t.no_date.to_string())}</td>
                    <td class="num">{tasks}</td>
                    <td class="num">{s.categories}</td>
                    <td class="num">{s.agencies}</td>
                    <td class="num">{s.indicators}</td>
                    <td class="num">{s.places}</td>
                    <td class="num">{s.problems}</td>
                    <td><a href=href(Page::Source(d.id.clone()))>{t.view_source}</a></td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="page overview">
            <h1>{t.app_title}</h1>
            <p class="lede">{t.overview_intro}</p>
            <h2>{t.documents_heading}</h2>
            <div class="table-wrap" tabindex="0" role="region" aria-label=t.documents_heading>
                <table class="doc-table">
                    <thead>
                        <tr>
                            <th scope="col">{t.col_document}</th>
                            <th scope="col">{t.col_kind}</th>
                            <th scope="col">{t.col_date}</th>
                            <th scope="col" class="num">{t.col_tasks}</th>
                            <th scope="col" class="num">{t.col_categories}</th>
                            <th scope="col" class="num">{t.col_units}</th>
                            <th scope="col" class="num">{t.col_indicators}</th>
                            <th scope="col" class="num">{t.col_places}</th>
                            <th scope="col" class="num">{t.col_problems}</th>
                            <th scope="col"><span class="visually-hidden">{t.view_source}</span></th>
                        </tr>
                    </thead>
                    <tbody>{body}</tbody>
                    <tfoot>
                        <tr>
                            <th scope="row">{t.dataset_totals}</th>
                            <td></td>
                            <td></td>
                            <td class="num">{total.tasks}</td>
                            <td class="num">{total.categories}</td>
                            <td class="num">{total.agencies}</td>
                            <td class="num">{total.indicators}</td>
                            <td class="num">{total.places}</td>
                            <td class="num">{total.problems}</td>
                            <td></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
        </section>
    }
}
