//! `#/targets` (small multiples, consistency, milestones) and
//! `#/targets/<indicator-id>` (one indicator, large, with its data).

use leptos::html::Div;
use leptos::prelude::*;

use super::app::{ctx, lang, set_param, texts, use_route};
use super::chart::{use_width, InteractiveChart};
use super::data::action;
use super::{dataset, dom};
use crate::draw::chart::{data_table, layout, table_csv, Kind};
use crate::draw::{html, svg};
use crate::plan::indicators::Measure;

#[component]
pub fn TargetsPage(id: Option<String>) -> impl IntoView {
    match id {
        None => {
            view! { <div class="html" inner_html=html::targets_overview(ctx())></div> }.into_any()
        }
        Some(id) => match dataset().indicator(&id) {
            Some(_) => view! { <TargetDetail id=id/> }.into_any(),
            None => view! { <div class="html" inner_html=html::not_found(ctx())></div> }.into_any(),
        },
    }
}

#[component]
fn TargetDetail(id: String) -> impl IntoView {
    let t = texts();
    let lang = lang();
    let c = ctx();
    let ds = dataset();
    let ind = ds.indicator(&id).expect("checked by the caller");
    let route = use_route();
    let cumulative = Memo::new(move |_| route.with(|r| r.param("view") == Some("cumulative")));
    let box_ref = NodeRef::<Div>::new();
    let width = use_width(box_ref, 720.0);
    let opts = move || {
        html::chart_options(
            ds,
            ind,
            width.get().clamp(280.0, 1100.0),
            false,
            cumulative.get(),
            lang,
        )
    };
    let spec = Memo::new(move |_| layout(ind, opts()));
    let inner = Memo::new(move |_| spec.with(svg::inner));
    let table = Memo::new(move |_| spec.with(|s| data_table(ind, s, opts())));
    let tip = move |i: usize| html::point_tip(ctx(), ind, i);

    let is_flow = ind.measure == Measure::Flow && spec.with_untracked(|s| s.kind == Kind::Bars);
    let toggle = is_flow.then(|| {
        view! {
            <div class="segmented" role="group" aria-label=t.chart_view>
                <button type="button" aria-pressed=move || (!cumulative.get()).to_string() on:click=move |_| set_param("view", "")>{t.view_yearly}</button>
                <button type="button" aria-pressed=move || cumulative.get().to_string() on:click=move |_| set_param("view", "cumulative")>{t.view_cumulative}</button>
            </div>
        }
    });

    let doc = ds.document(&ind.document);
    let footer = vec![
        format!(
            "{}：{} {}",
            t.col_quote,
            doc.map(|d| d.code.as_str()).unwrap_or(""),
            doc.map(|d| d.title.as_str()).unwrap_or("")
        ),
        t.footer_sources.to_string(),
    ];
    let on_download = move |ev: web_sys::MouseEvent| {
        let file = |ext: &str| format!("{}.{ext}", ind.id);
        let document = || spec.with(|s| svg::document(s, std::slice::from_ref(&ind.name), &footer));
        match action(&ev, "data-download").as_deref() {
            Some("svg") => dom::download(&file("svg"), "image/svg+xml", &document()),
            Some("png") => dom::download_png(&document(), &file("png"), 2.0),
            Some("csv") => table
                .with(|tb| dom::download(&file("csv"), "text/csv;charset=utf-8", &table_csv(tb))),
            _ => {}
        }
    };

    view! {
        <article class="page target-detail" data-indicator=ind.id.clone()>
            <div class="html" inner_html=html::target_head(c, ind)></div>
            {toggle}
            <figure class="chart-figure">
                <div class="chart-wrap" node_ref=box_ref>
                    <InteractiveChart spec=spec svg=inner id="tc".to_string() tip=tip/>
                </div>
                <figcaption>
                    <div inner_html=move || spec.with(|s| html::legend(ctx(), ind, s))></div>
                    <p class="tip-hint">{t.tooltip_hint}</p>
                </figcaption>
            </figure>
            <div class="chart-downloads" on:click=on_download>
                <button type="button" data-download="svg">{t.download_svg}</button>
                <button type="button" data-download="png">{t.download_png}</button>
                <button type="button" data-download="csv">{t.download_csv}</button>
            </div>
            <div class="html" inner_html=move || table.with(|tb| html::target_tail(ctx(), ind, tb))></div>
        </article>
    }
}
