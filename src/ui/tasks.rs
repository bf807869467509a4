//! `#/tasks` (search and filters) and `#/tasks/<id>` (one task with its source).

use leptos::prelude::*;

use super::state::{ctx, lang, set_param, set_params, texts, use_route};
use super::state::{dataset, search_index};
use crate::markup::options;
use crate::pages::tasks as html;
use crate::pages::{category_options, document_options, not_found};
use crate::route::Page;
use plan::query::{terms, TaskFilter};

/// How many tasks the explorer lists at a time.
const PAGE: usize = 50;

#[component]
pub fn TaskExplorer() -> impl IntoView {
    let t = texts();
    let ds = dataset();
    let route = use_route();
    let filter = Memo::new(move |_| {
        route.with(|r| TaskFilter {
            query: r.param("q").unwrap_or("").to_string(),
            document: r.param("doc").map(str::to_string),
            category: r.param("cat").map(str::to_string),
            agency: r.param("agency").map(str::to_string),
        })
    });
    let query = Memo::new(move |_| filter.with(|f| f.query.clone()));
    let doc = Memo::new(move |_| filter.with(|f| f.document.clone().unwrap_or_default()));
    let cat = Memo::new(move |_| filter.with(|f| f.category.clone().unwrap_or_default()));
    let agency = Memo::new(move |_| filter.with(|f| f.agency.clone().unwrap_or_default()));

    let agency_options = options(
        t.filter_all,
        ds.agencies
            .iter()
            .map(|a| (a.id.clone(), a.name_in(lang()).to_string())),
    );

    let results = Memo::new(move |_| filter.with(|f| search_index().filter(ds, f)));
    // A page of results at a time: the cost of a keystroke stays that of
    // the tasks shown, however many match.
    let limit = RwSignal::new(PAGE);
    // Back to one page on a new filter; only when it is not one page already
    // (a set notifies even when equal: the list would be written twice).
    Effect::new(move |_| {
        filter.with(|_| ());
        if limit.try_get_untracked() != Some(PAGE) {
            limit.try_set(PAGE);
        }
    });
    let list = move || {
        let terms = terms(&query.get());
        let n = limit.get();
        results.with(|r| html::task_items(ctx(), &r[..r.len().min(n)], &terms))
    };
    let more = move || results.with(Vec::len).saturating_sub(limit.get());

    let any_filter = filter
        .try_with_untracked(|f| f.document.is_some() || f.category.is_some() || f.agency.is_some())
        .unwrap_or(false);
    let open_filters = RwSignal::new(any_filter);
    view! {
        <section class="page tasks">
            <h1>{t.tasks_heading}</h1>
            <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                <div class="field field-search">
                    <label for="task-q">{t.search_label}</label>
                    <input
                        id="task-q"
                        type="search"
                        autocomplete="off"
                        placeholder=t.search_placeholder
                        prop:value=move || query.get()
                        on:input=move |ev| set_param("q", &event_target_value(&ev))
                    />
                </div>
                // On a phone the filters fold under a button (open when one is set).
                <button
                    type="button"
                    class="filters-toggle"
                    aria-controls="task-filters"
                    aria-expanded=move || open_filters.get().to_string()
                    on:click=move |_| open_filters.try_update(|o| *o = !*o).unwrap_or(())
                >
                    {t.filters_toggle}
                    {move || {
                        let n = [doc.get(), cat.get(), agency.get()].iter().filter(|v| !v.is_empty()).count();
                        (n > 0).then(|| format!(" ({n})"))
                    }}
                </button>
                <div id="task-filters" class="filter-more" class:open=move || open_filters.get()>
                    <DocCategoryFields doc_id="task-doc" cat_id="task-cat" doc=doc cat=cat/>
                    <div class="field">
                        <label for="task-agency">{t.filter_agency}</label>
                        <select
                            id="task-agency"
                            inner_html=agency_options
                            prop:value=move || agency.get()
                            on:change=move |ev| set_param("agency", &event_target_value(&ev))
                        ></select>
                    </div>
                    <div class="field field-clear">
                        <a class="button" href=super::state::href(Page::Tasks)>{t.clear_filters}</a>
                    </div>
                </div>
            </form>
            <p class="result-count" role="status" aria-live="polite">
                <span id="task-count">{move || results.with(Vec::len)}</span>
                " "
                {t.results_count}
            </p>
            <div class="html" inner_html=list></div>
            {move || (more() > 0).then(|| view! {
                <button type="button" class="show-more" on:click=move |_| {
                    limit.try_update(|n| *n += PAGE);
                }>{t.show_more(more().min(PAGE), more())}</button>
            })}
        </section>
    }
}

/// The document and category filters (select ids `doc_id`, `cat_id`): the
/// categories offered are the chosen document's; a new document clears the
/// category.
#[component]
pub fn DocCategoryFields(
    doc_id: &'static str,
    cat_id: &'static str,
    doc: Memo<String>,
    cat: Memo<String>,
) -> impl IntoView {
    let t = texts();
    let doc_options = document_options(ctx());
    // Categories of the chosen document, or of all documents.
    let cat_options = Memo::new(move |_| category_options(ctx(), &doc.get()));
    view! {
        <div class="field">
            <label for=doc_id>{t.filter_document}</label>
            <select
                id=doc_id
                inner_html=doc_options
                prop:value=move || doc.get()
                on:change=move |ev| set_params(&[("cat", ""), ("doc", &event_target_value(&ev))])
            ></select>
        </div>
        <div class="field">
            <label for=cat_id>{t.filter_category}</label>
            <select
                id=cat_id
                inner_html=move || cat_options.get()
                // The options change with the document: set the value after them.
                prop:value=move || { cat_options.with(|_| ()); cat.get() }
                on:change=move |ev| set_param("cat", &event_target_value(&ev))
            ></select>
        </div>
    }
}

#[component]
pub fn TaskPage(id: String) -> impl IntoView {
    let Some(task) = dataset().task(&id) else {
        return view! { <div class="html" inner_html=not_found(ctx())></div> }.into_any();
    };
    // The task's own lines show at once; the whole document when it loads.
    let text = super::source::use_text(&task.document);
    let failed = texts().source_failed;
    let page = move || {
        text.with(|got| {
            let shown = got.as_ref().map(|r| match r {
                Ok(t) => html::SourceText::Whole(t),
                Err(_) => html::SourceText::Failed {
                    why: failed,
                    excerpt: &task.quote,
                    first: task.lines.start,
                },
            });
            html::task_page(ctx(), task, shown)
        })
    };
    Effect::new(move |_| {
        text.with(|_| ());
        super::source::scroll_panel_to_highlight();
    });
    view! { <div class="html" inner_html=page></div> }.into_any()
}
