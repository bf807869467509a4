//! `#/tasks` (search and filters) and `#/tasks/<id>` (one task with its source).

use leptos::prelude::*;

use super::app::{href, lang, set_param, texts, use_route};
use super::source::SourceView;
use super::{dataset, search_index};
use crate::plan::query::{highlight, terms, TaskFilter};
use crate::plan::{Role, RoleRule, Task};
use crate::route::Page;

/// Text with the search terms marked.
fn marked(text: &str, terms: &[String]) -> impl IntoView {
    highlight(text, terms)
        .into_iter()
        .map(|(s, m)| {
            if m {
                view! { <mark>{s}</mark> }.into_any()
            } else {
                s.into_any()
            }
        })
        .collect_view()
}

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

    let doc_options = ds
        .documents
        .iter()
        .filter(|d| ds.tasks_of(&d.id).next().is_some())
        .map(|d| {
            let id = d.id.clone();
            let label = format!("{} {}", d.code, d.title);
            view! { <option value=id.clone() selected=move || doc.get() == id>{label}</option> }
        })
        .collect_view();
    // Categories of the chosen document, or of all documents.
    let cat_options = move || {
        let chosen = doc.get();
        ds.documents
            .iter()
            .filter(|d| chosen.is_empty() || d.id == chosen)
            .flat_map(|d| {
                let code = d.code.clone();
                ds.categories_of(&d.id)
                    .into_iter()
                    .map(move |c| (code.clone(), c.to_string()))
            })
            .map(|(code, c)| {
                let selected = cat.get_untracked() == c;
                let label = if chosen.is_empty() {
                    format!("{code} · {c}")
                } else {
                    c.clone()
                };
                view! { <option value=c selected=selected>{label}</option> }
            })
            .collect_view()
    };
    let agency_options = ds
        .agencies
        .iter()
        .map(|a| {
            let id = a.id.clone();
            let name = a.name.clone();
            view! { <option value=id.clone() selected=move || agency.get() == id>{name}</option> }
        })
        .collect_view();

    let results = Memo::new(move |_| {
        filter.with(|f| {
            search_index()
                .filter(ds, f)
                .into_iter()
                .map(|t| t.id.clone())
                .collect::<Vec<_>>()
        })
    });

    let list = move || {
        let terms = terms(&query.get());
        let ids = results.get();
        if ids.is_empty() {
            return view! { <p class="empty">{t.no_results}</p> }.into_any();
        }
        let items = ids
            .iter()
            .filter_map(|id| ds.task(id))
            .map(|task| {
                let link = href(Page::Task(task.id.clone()));
                let units = unit_names(task, 6);
                let problem = (!task.problems.is_empty()).then(|| {
                    view! { <span class="badge problem-badge">{t.task_problems}</span> }
                });
                view! {
                    <li class="task-card" data-task=task.id.clone()>
                        <a class="task-link" href=link>
                            <span class="task-id">{task.id.clone()}</span>
                            <span class="task-cat">{task.category.clone()}</span>
                            {problem}
                        </a>
                        <p class="task-text">{marked(&task.text, &terms)}</p>
                        <p class="task-units">{marked(&units, &terms)}</p>
                    </li>
                }
            })
            .collect_view();
        view! { <ol class="task-list">{items}</ol> }.into_any()
    };

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
                <div class="field">
                    <label for="task-doc">{t.filter_document}</label>
                    <select id="task-doc" on:change=move |ev| {
                        set_param("cat", "");
                        set_param("doc", &event_target_value(&ev));
                    }>
                        <option value="" selected=move || doc.get().is_empty()>{t.filter_all}</option>
                        {doc_options}
                    </select>
                </div>
                <div class="field">
                    <label for="task-cat">{t.filter_category}</label>
                    <select id="task-cat" prop:value=move || cat.get() on:change=move |ev| set_param("cat", &event_target_value(&ev))>
                        <option value="">{t.filter_all}</option>
                        {cat_options}
                    </select>
                </div>
                <div class="field">
                    <label for="task-agency">{t.filter_agency}</label>
                    <select id="task-agency" on:change=move |ev| set_param("agency", &event_target_value(&ev))>
                        <option value="" selected=move || agency.get().is_empty()>{t.filter_all}</option>
                        {agency_options}
                    </select>
                </div>
                <div class="field field-clear">
                    <a class="button" href=href(Page::Tasks)>{t.clear_filters}</a>
                </div>
            </form>
            <p class="result-count" role="status" aria-live="polite">
                <span id="task-count">{move || results.with(Vec::len)}</span>
                " "
                {t.results_count}
            </p>
            {list}
        </section>
    }
}

/// "省发展改革委、省科技厅 …" — the first `n` unit names of a task.
fn unit_names(task: &Task, n: usize) -> String {
    let ds = dataset();
    let mut names: Vec<&str> = Vec::new();
    for a in &task.units {
        let name = ds
            .agency(&a.agency)
            .map(|x| x.name.as_str())
            .unwrap_or(&a.as_written);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    let more = names.len().saturating_sub(n);
    let mut s = names.into_iter().take(n).collect::<Vec<_>>().join("、");
    if more > 0 {
        s.push_str(&format!(" …+{more}"));
    }
    s
}

#[component]
pub fn TaskPage(id: String) -> impl IntoView {
    let t = texts();
    let ds = dataset();
    let Some(task) = ds.task(&id) else {
        return view! {
            <section class="page not-found">
                <h1>{t.not_found_title}</h1>
                <p>{format!("{} {}", t.not_found_body, id)}</p>
                <p><a href=href(Page::Tasks)>{t.tasks_heading}</a></p>
            </section>
        }
        .into_any();
    };
    let doc = ds
        .document(&task.document)
        .expect("task of a known document");
    let lang = lang();
    let siblings: Vec<&Task> = ds.tasks_of(&task.document).collect();
    let pos = siblings.iter().position(|x| x.id == task.id).unwrap_or(0);
    let prev = pos
        .checked_sub(1)
        .and_then(|i| siblings.get(i))
        .map(|x| x.id.clone());
    let next = siblings.get(pos + 1).map(|x| x.id.clone());

    let role_note = match doc.role_rule {
        RoleRule::AllResponsible => t.role_rule_all,
        _ => t.role_rule_lead_support,
    };
    let unit_table = |role: Role| {
        let rows = task
            .units
            .iter()
            .filter(|a| a.role == role)
            .map(|a| {
                let agency = ds.agency(&a.agency);
                let name = agency.map(|x| x.name.clone()).unwrap_or_default();
                let kind = agency.map(|x| t.agency_kind(x.kind)).unwrap_or_default();
                let written = (a.as_written != name).then(|| {
                    view! { <span class="as-written">{format!("{}：{}", t.as_written, a.as_written)}</span> }
                });
                let note = a.note.clone().map(|n| view! { <span class="unit-note">{format!("（{n}）")}</span> });
                view! {
                    <li data-agency=a.agency.clone()>
                        <span class="unit-name">{name}</span>
                        {note}
                        " "
                        <span class="unit-kind">{kind}</span>
                        " "
                        {written}
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="unit-list">{rows}</ul> }
    };
    let has_support = task.support().next().is_some();
    let lead_label = match doc.role_rule {
        RoleRule::AllResponsible => t.task_responsible,
        _ => t.task_lead,
    };
    let targets = (!task.targets.is_empty()).then(|| {
        let rows = task
            .targets
            .iter()
            .map(|x| {
                let items = x
                    .items
                    .iter()
                    .map(|i| view! { <li>{i.clone()}</li> })
                    .collect_view();
                view! {
                    <tr>
                        <th scope="row">{x.label.clone()}</th>
                        <td><ol class="target-items">{items}</ol></td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <h2>{t.task_targets}</h2>
            <div class="table-wrap"><table class="targets-table"><tbody>{rows}</tbody></table></div>
        }
    });
    let problems = (!task.problems.is_empty()).then(|| {
        let items = task
            .problems
            .iter()
            .map(|p| view! { <li>{lang.t().problem(p)}</li> })
            .collect_view();
        view! {
            <div class="problems" role="note">
                <h2>{t.task_problems}</h2>
                <ul>{items}</ul>
            </div>
        }
    });
    let source_link = use_route().with_untracked(|r| {
        r.goto(Page::Source(doc.id.clone()))
            .with_param("lines", &format!("{}-{}", task.lines.start, task.lines.end))
            .to_hash()
    });
    let lines = (task.lines.start, task.lines.end);
    // Short task texts (003, 004) make the title; long prose (000) uses its category.
    let title = if task.text.chars().count() <= 30 {
        task.text.clone()
    } else {
        task.category.clone()
    };
    let text_paras = task
        .text
        .split('\n')
        .map(|p| view! { <p>{p.to_string()}</p> })
        .collect_view();

    view! {
        <article class="page task-page" data-task=task.id.clone()>
            <nav class="crumbs" aria-label=t.nav_tasks>
                <a href=href(Page::Tasks)>{t.tasks_heading}</a>
                " › "
                <span>{doc.code.clone()} " " {doc.title.clone()}</span>
            </nav>
            <h1>
                <span class="task-id">{task.id.clone()}</span>
                " "
                {title}
            </h1>
            {problems}
            <dl class="task-meta">
                <dt>{t.col_document}</dt>
                <dd>{doc.title.clone()}</dd>
                <dt>{t.task_number}</dt>
                <dd>{task.number.clone()}</dd>
                <dt>{t.task_category}</dt>
                <dd>{task.category.clone()}</dd>
            </dl>
            <h2>{t.task_text}</h2>
            <div class="task-full-text">{text_paras}</div>
            <h2>{lead_label}</h2>
            {unit_table(Role::Lead)}
            {has_support.then(|| view! { <h2>{t.task_support}</h2> })}
            {has_support.then(|| unit_table(Role::Support))}
            <p class="role-rule">{role_note}</p>
            {targets}
            <h2 id="task-source">{t.task_source}</h2>
            <p class="source-ref">
                <a href=source_link>{format!("{} {} · {} {}–{}", doc.code, doc.title, t.source_lines, lines.0, lines.1)}</a>
            </p>
            <SourceView doc=doc.id.clone() lines=Some(lines) embedded=true/>
            <nav class="pager" aria-label=t.nav_tasks>
                {prev.map(|p| view! { <a rel="prev" href=href(Page::Task(p.clone()))>{format!("← {p}")}</a> })}
                {next.map(|n| view! { <a rel="next" href=href(Page::Task(n.clone()))>{format!("{n} →")}</a> })}
            </nav>
        </article>
    }
    .into_any()
}
