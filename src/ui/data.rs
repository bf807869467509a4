//! `#/data`: the dataset as JSON and CSV downloads, and the schema.

use leptos::prelude::*;

use super::dom;
use super::state::ctx;
use super::state::dataset;
use crate::pages::data::data_page;
use plan::export::{to_csv, to_json, Table};

/// The `data-download` key of the button an event hit, if any.
pub fn action(ev: &web_sys::MouseEvent, attr: &str) -> Option<String> {
    let target: web_sys::Element = wasm_bindgen::JsCast::dyn_into(ev.target()?).ok()?;
    target
        .closest(&format!("[{attr}]"))
        .ok()
        .flatten()?
        .get_attribute(attr)
}

#[component]
pub fn DataPage() -> impl IntoView {
    let on_click = |ev: web_sys::MouseEvent| match action(&ev, "data-download").as_deref() {
        Some("json") => dom::download(
            "changzhutan-plans.json",
            "application/json",
            &to_json(dataset()),
        ),
        Some(name) => {
            if let Some(table) = Table::from_name(name) {
                dom::download(
                    &format!("changzhutan-{name}.csv"),
                    "text/csv;charset=utf-8",
                    &to_csv(dataset(), table),
                );
            }
        }
        None => {}
    };
    view! { <div class="html" on:click=on_click inner_html=data_page(ctx())></div> }
}
