//! `#/agencies` (ranked load, heatmap, networks; filters and view in the
//! URL) and `#/agencies/<agency-id>` (one agency across the documents).

use leptos::html::Div;
use leptos::prelude::*;

use super::chart::{use_width, FigureView};
use super::embed::EmbedKit;
use super::state::dataset;
use super::state::{ctx, lang, push_param, set_param, texts, use_route};
use super::tasks::DocCategoryFields;
use crate::draw::agency;
use crate::draw::agency::doc_legend;
use crate::draw::figure::Figure;
use crate::draw::network::ForceLayout;
use crate::markup::{esc, options};
use crate::pages::agencies as html;
use plan::load::{bipartite_top, co_responsibility, heatmap, loads, Graph, LoadFilter, SortKey};

/// The most agencies a bar chart, heatmap or bipartite view shows (the
/// ones with most tasks); the network shows up to `MAX_NODES`.
const MAX_ROWS: usize = 60;
const MAX_NODES: usize = 100;
use plan::Agency;

#[component]
pub fn AgenciesPage(id: Option<String>, #[prop(optional)] embed: bool) -> impl IntoView {
    match id {
        None => view! { <AgenciesOverview embed=embed/> }.into_any(),
        Some(id) => match dataset().agency(&id) {
            Some(agency) => view! { <AgencyPage agency=agency embed=embed/> }.into_any(),
            None => view! { <div class="html" inner_html=crate::pages::not_found(ctx())></div> }
                .into_any(),
        },
    }
}

/// A force layout that runs in slices of a few milliseconds when the graph
/// is large, so the page stays responsive; small graphs finish at once.
fn use_force_layout(graph: Memo<Graph>) -> ReadSignal<Option<Vec<(f64, f64)>>> {
    let (positions, set_positions) = signal(None::<Vec<(f64, f64)>>);
    let generation = StoredValue::new(0u64);
    Effect::new(move |_| {
        let g = graph.get();
        let Some(me) = generation.try_update_value(|v| {
            *v += 1;
            *v
        }) else {
            return;
        };
        let mut layout = ForceLayout::new(&g);
        // Up to 150 nodes a layout takes a few milliseconds (cargo xtask bench).
        if g.nodes.len() <= 150 {
            layout.step(usize::MAX);
            set_positions.try_set(Some(layout.normalized()));
            return;
        }
        set_positions.try_set(None);
        fn slice(
            mut layout: ForceLayout,
            me: u64,
            generation: StoredValue<u64>,
            set: WriteSignal<Option<Vec<(f64, f64)>>>,
        ) {
            // A newer layout started, or the page is gone: stop.
            if generation.try_get_value() != Some(me) {
                return;
            }
            if layout.step(4) {
                set.try_set(Some(layout.normalized()));
            } else {
                // outlives: the next slice checks `generation` first.
                gloo::timers::callback::Timeout::new(0, move || slice(layout, me, generation, set))
                    .forget();
            }
        }
        slice(layout, me, generation, set_positions);
    });
    positions
}

/// The agency views, their route keys and titles.
fn views(t: &'static crate::words::Texts) -> [(&'static str, &'static str); 4] {
    [
        ("", t.view_load),
        ("heatmap", t.view_heatmap),
        ("network", t.view_network),
        ("bipartite", t.view_bipartite),
    ]
}

#[component]
fn AgenciesOverview(embed: bool) -> impl IntoView {
    let t = texts();
    let ds = dataset();
    let route = use_route();
    let param = move |k: &'static str| {
        Memo::new(move |_| route.with(|r| r.param(k).unwrap_or("").to_string()))
    };
    let view_key = param("view");
    let doc = param("doc");
    let cat = param("cat");
    let sort = param("sort");
    let filter = Memo::new(move |_| LoadFilter {
        document: Some(doc.get()).filter(|s| !s.is_empty()),
        category: Some(cat.get()).filter(|s| !s.is_empty()),
    });
    let rows = Memo::new(move |_| filter.with(|f| loads(ds, f, SortKey::from_key(&sort.get()))));
    // Each view is drawn when first shown and kept (hidden) after: switching
    // back and forth shows another drawing, it draws nothing.
    let seen = RwSignal::new(vec![
        route.peek(|r| r.param("view").unwrap_or("").to_string())
    ]);
    Effect::new(move |_| {
        let v = view_key.get();
        if seen.try_with_untracked(|s| !s.contains(&v)) == Some(true) {
            seen.try_update(|s| s.push(v));
        }
    });
    let figures = views(t)
        .into_iter()
        .map(|(k, _)| {
            view! {
                <div class="agency-view" data-view=k hidden=move || view_key.get() != k>
                    {move || seen.with(|s| s.iter().any(|x| x == k)).then(|| view! {
                        <AgencyFigure kind=k filter=filter rows=rows embed=embed/>
                    })}
                </div>
            }
        })
        .collect_view();
    let before = move || {
        let view = view_key.get();
        // A figure shows the agencies with most tasks, a readable number.
        let total = rows.with(Vec::len);
        let cap = if view == "network" {
            MAX_NODES
        } else {
            MAX_ROWS
        };
        let capped = if total > cap {
            format!(
                "<p class=\"note capped\">{}</p>",
                esc(&t.capped(cap, total))
            )
        } else {
            String::new()
        };
        let note = match view.as_str() {
            "heatmap" => String::new(),
            "network" => format!("<p class=\"note\">{}</p>", esc(t.network_note)),
            "bipartite" => format!("<p class=\"note\">{}</p>", esc(t.bipartite_note)),
            _ => filter.with(|f| doc_legend(ctx(), f)),
        };
        format!("{note}{capped}")
    };
    let title = move || {
        views(t)
            .iter()
            .find(|(k, _)| *k == view_key.get())
            .map(|(_, l)| l.to_string())
            .unwrap_or_default()
    };
    if embed {
        return view! {
            <section class="agencies embed">
                <h1 class="embed-title">{title}</h1>
                <div class="html" inner_html=before></div>
                {figures}
            </section>
        }
        .into_any();
    }
    // Buttons that stay (focus stays on the one pressed); each view is a
    // history entry, so Back returns to the previous one.
    let view_buttons = views(t)
        .into_iter()
        .map(|(k, label)| {
            view! {
                <button type="button" data-view=k aria-pressed=move || (view_key.get() == k).to_string()
                    on:click=move |_| push_param("view", k)>{label}</button>
            }
        })
        .collect_view();
    let sort_options = options(
        t.sort_total,
        [
            ("lead", t.sort_lead),
            ("support", t.sort_support),
            ("registry", t.sort_registry),
        ]
        .into_iter()
        .map(|(v, l)| (v.to_string(), l.to_string())),
    );
    view! {
        <section class="page agencies">
            <div class="html" inner_html=html::agencies_head(ctx())></div>
            <div class="segmented views" role="group" aria-label=t.chart_view>{view_buttons}</div>
            <form class="filters" on:submit=|ev| ev.prevent_default()>
                <DocCategoryFields doc_id="ag-doc" cat_id="ag-cat" doc=doc cat=cat/>
                // Sorting orders the ranked bars; the other views have their own order.
                <div class="field" hidden=move || !view_key.get().is_empty()>
                    <label for="ag-sort">{t.sort_label}</label>
                    <select id="ag-sort" inner_html=sort_options prop:value=move || sort.get() on:change=move |ev| set_param("sort", &event_target_value(&ev))></select>
                </div>
            </form>
            <div class="html" inner_html=before></div>
            {figures}
            <EmbedKit title=t.agencies_heading.to_string()/>
        </section>
    }
    .into_any()
}

/// One agency view: its figure, and (on the full page) its data table,
/// built when opened, and what goes under it.
#[component]
fn AgencyFigure(
    kind: &'static str,
    filter: Memo<LoadFilter>,
    rows: Memo<Vec<plan::load::AgencyLoad>>,
    embed: bool,
) -> impl IntoView {
    let t = texts();
    let ds = dataset();
    let box_ref = NodeRef::<Div>::new();
    let width = use_width(box_ref);
    let graph = Memo::new(move |_| {
        if kind == "network" {
            filter.with(|f| co_responsibility(ds, f)).top(MAX_NODES)
        } else {
            Graph::default()
        }
    });
    let unit = use_force_layout(graph);
    let fig = Memo::new(move |_| {
        let c = ctx();
        let Some(w) = width.get() else {
            return Figure::default();
        };
        let w = w.clamp(280.0, 1100.0);
        match kind {
            "heatmap" => agency::heat_figure(
                c,
                &heatmap(ds, filter.with(|f| f.document.clone()).as_deref()).top(MAX_ROWS),
                w,
            ),
            "network" => match unit.get() {
                Some(u) => graph.with(|g| agency::network_figure(c, g, &u, w)),
                None => Figure::default(),
            },
            "bipartite" => filter.with(|f| {
                rows.with(|r| {
                    let g = bipartite_top(ds, f, MAX_ROWS);
                    agency::bipartite_figure(c, &g, &r[..r.len().min(MAX_ROWS)], w)
                })
            }),
            _ => rows.with(|r| {
                let shown: Vec<_> = r
                    .iter()
                    .filter(|x| !ds.is_collective(&x.agency))
                    .take(MAX_ROWS)
                    .cloned()
                    .collect();
                agency::load_figure(c, &shown, w)
            }),
        }
    });
    let id = match kind {
        "heatmap" => "agency-heat",
        "network" => "agency-net",
        "bipartite" => "agency-bip",
        _ => "agency-fig",
    };
    if embed {
        return view! { <FigureView figure=fig id=id box_ref=box_ref downloads=false/> }.into_any();
    }
    // The data table is built when it is opened.
    let table_open = RwSignal::new(false);
    let table = move || {
        if table_open.get() {
            fig.with(|f| f.table_html.clone())
        } else {
            String::new()
        }
    };
    let after = move || match kind {
        "heatmap" | "network" => fig.with(|f| f.legend.clone()),
        "" => rows.with(|r| html::collective_section(ctx(), r)),
        _ => String::new(),
    };
    view! {
        <FigureView figure=fig id=id box_ref=box_ref/>
        <details class="table-details" on:toggle=move |ev| {
            let open = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlDetailsElement>(t).ok()).is_some_and(|d| d.open());
            table_open.try_set(open);
        }>
            <summary>{t.data_table}</summary>
            <div class="table-wrap" inner_html=table></div>
        </details>
        <div class="html" inner_html=after></div>
    }
    .into_any()
}

#[component]
fn AgencyPage(agency: &'static Agency, embed: bool) -> impl IntoView {
    let t = texts();
    let box_ref = NodeRef::<Div>::new();
    let width = use_width(box_ref);
    // The agency's load, once; the figure follows the width.
    let rows: Vec<_> = loads(dataset(), &LoadFilter::default(), SortKey::Total)
        .into_iter()
        .filter(|r| r.agency == agency.id)
        .collect();
    let fig = Memo::new(move |_| match width.get() {
        Some(w) => agency::agency_docs_figure(ctx(), &agency.id, &rows, w.clamp(280.0, 900.0)),
        None => Figure::default(),
    });
    if embed {
        return view! {
            <article class="agency-page embed" data-agency=agency.id.clone()>
                <h1 class="embed-title">{agency.name_in(lang()).to_string()} " · " {t.agency_docs_heading}</h1>
                <div class="html" inner_html=doc_legend(ctx(), &LoadFilter::default())></div>
                <FigureView figure=fig id="agency-docs" box_ref=box_ref downloads=false/>
            </article>
        }
        .into_any();
    }
    // Names, tasks and partners: the full page only.
    let (head, tail) = html::agency_page(ctx(), &agency.id);
    view! {
        <article class="page agency-page" data-agency=agency.id.clone()>
            <div class="html" inner_html=head></div>
            <h2>{t.agency_docs_heading}</h2>
            <div class="html" inner_html=doc_legend(ctx(), &LoadFilter::default())></div>
            <FigureView figure=fig id="agency-docs" box_ref=box_ref/>
            <EmbedKit title=agency.name_in(lang()).to_string()/>
            <div class="html" inner_html=tail></div>
        </article>
    }
    .into_any()
}
