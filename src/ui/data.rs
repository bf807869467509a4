//! `#/data`: the dataset as JSON and CSV downloads, and the schema.

use leptos::prelude::*;

use super::app::texts;
use super::{dataset, dom};
use crate::plan::export::{to_csv, to_json, Table, SCHEMA};

const SCHEMA_TEXT: &str = "{schema, documents:[{id,file,title,kind,date,role_rule}],
 tasks:[{id,document,number,category,text,lead:[agency id],support:[agency id],
         units:[{agency,role,as_written,note}],targets:[{year,label,text}],
         quote,lines:[start,end],problems:[string]}],
 agencies:[{id,name,names:[string],kind}],
 indicators:[{id,name,unit,document,group,measure,
              points:[{year,value,bound,kind,quote,lines}]}],
 places:[{id,name,kind,document,quote,lines,lon,lat}]}";

#[component]
pub fn DataPage() -> impl IntoView {
    let t = texts();
    let json = move |_| {
        dom::download(
            "changzhutan-plans.json",
            "application/json",
            &to_json(dataset()),
        );
    };
    let csv_buttons = Table::ALL
        .into_iter()
        .map(|table| {
            let label = match table {
                Table::Tasks => t.download_csv_tasks,
                Table::Agencies => t.download_csv_agencies,
                Table::Indicators => t.download_csv_indicators,
                Table::Places => t.download_csv_places,
            };
            let name = format!("changzhutan-{}.csv", table.name());
            view! {
                <li>
                    <button type="button" data-download=table.name() on:click=move |_| {
                        dom::download(&name, "text/csv;charset=utf-8", &to_csv(dataset(), table));
                    }>{label}</button>
                </li>
            }
        })
        .collect_view();
    let docs = dataset()
        .documents
        .iter()
        .map(|d| {
            view! {
                <li>
                    <a href=super::app::href(crate::route::Page::Source(d.id.clone()))>{d.file.clone()}</a>
                    " "
                    {d.title.clone()}
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="page data">
            <h1>{t.data_heading}</h1>
            <p class="lede">{t.data_intro}</p>
            <ul class="downloads">
                <li><button type="button" class="primary" data-download="json" on:click=json>{t.download_json}</button></li>
                {csv_buttons}
            </ul>
            <p>{t.data_cli} <code>"cargo run -q --bin plan-data -- export"</code></p>
            <h2>{t.schema_heading}</h2>
            <p><code>{SCHEMA}</code></p>
            <pre class="schema">{SCHEMA_TEXT}</pre>
            <h2>{t.source_heading}</h2>
            <ul class="doc-files">{docs}</ul>
        </section>
    }
}
