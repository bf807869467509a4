//! `#/targets` (small multiples, consistency, milestones) and
//! `#/targets/<indicator-id>` (one indicator, large, with its data).

use leptos::html::Div;
use leptos::prelude::*;

use super::chart::{use_width, FigureView};
use super::embed::EmbedKit;
use super::state::dataset;
use super::state::{ctx, lang, set_param, texts, use_route};
use crate::draw::chart::{kind_of, Kind};
use crate::pages::targets;
use plan::Indicator;

#[component]
pub fn TargetsPage(id: Option<String>, #[prop(optional)] embed: bool) -> impl IntoView {
    // Charts need only the core of the dataset; a visitor's imports (their
    // indicators, actual values for ours) come with the rest.
    let doc = use_route().peek(|r| r.param("doc").map(str::to_string));
    let known = id.as_ref().is_none_or(|i| dataset().indicator(i).is_some());
    let wait = super::state::loaded() != super::state::Loaded::Yes
        && (doc.is_some() || !known || super::imports::flagged());
    if wait {
        let id = StoredValue::new(id);
        let doc = StoredValue::new(doc);
        return view! {
            <super::state::WithFullData>
                {move || targets_view(id.try_get_value().flatten(), doc.try_get_value().flatten(), embed)}
            </super::state::WithFullData>
        }
        .into_any();
    }
    targets_view(id, doc, embed)
}

fn targets_view(id: Option<String>, doc: Option<String>, embed: bool) -> AnyView {
    match (id, doc) {
        (None, Some(doc)) => {
            view! { <div class="html" inner_html=targets::targets_of_document(ctx(), &doc)></div> }
                .into_any()
        }
        (None, None) => {
            view! { <div class="html" inner_html=targets::targets_overview(ctx())></div> }
                .into_any()
        }
        (Some(id), _) => match dataset().indicator(&id) {
            Some(ind) => view! { <TargetDetail ind=ind embed=embed/> }.into_any(),
            None => view! { <div class="html" inner_html=crate::pages::not_found(ctx())></div> }
                .into_any(),
        },
    }
}

#[component]
fn TargetDetail(ind: &'static Indicator, embed: bool) -> impl IntoView {
    let t = texts();
    let c = ctx();
    let route = use_route();
    let cumulative = Memo::new(move |_| route.with(|r| r.param("view") == Some("cumulative")));
    let box_ref = NodeRef::<Div>::new();
    let width = use_width(box_ref);
    // Laid out once the width is known (nothing before).
    let fig = Memo::new(move |_| match width.get() {
        Some(w) => crate::draw::chart::figure(ctx(), ind, w.clamp(280.0, 1100.0), cumulative.get()),
        None => crate::draw::figure::Figure::default(),
    });
    let toggle = (kind_of(ind) == Kind::Bars).then(|| {
        view! {
            <div class="segmented" role="group" aria-label=t.chart_view>
                <button type="button" aria-pressed=move || (!cumulative.get()).to_string() on:click=move |_| set_param("view", "")>{t.view_yearly}</button>
                <button type="button" aria-pressed=move || cumulative.get().to_string() on:click=move |_| set_param("view", "cumulative")>{t.view_cumulative}</button>
            </div>
        }
    });
    if embed {
        return view! {
            <article class="target-detail embed" data-indicator=ind.id.clone()>
                <h1 class="embed-title">{ind.name_in(lang()).to_string()}</h1>
                {toggle}
                <FigureView figure=fig id="tc" box_ref=box_ref downloads=false/>
                <div class="legend-wrap" inner_html=move || fig.with(|f| f.legend.clone())></div>
            </article>
        }
        .into_any();
    }
    view! {
        <article class="page target-detail" data-indicator=ind.id.clone()>
            <div class="html" inner_html=targets::target_head(c, ind)></div>
            {toggle}
            <FigureView figure=fig id="tc" box_ref=box_ref/>
            <div class="legend-wrap" inner_html=move || fig.with(|f| f.legend.clone())></div>
            <p class="tip-hint">{t.tooltip_hint}</p>
            <EmbedKit title=ind.name_in(lang()).to_string()/>
            <div class="html" inner_html=move || fig.with(|f| targets::target_tail(ctx(), ind, &f.table))></div>
        </article>
    }
    .into_any()
}
