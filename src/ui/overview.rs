//! `#/`: the five documents, what each is, its date and counts.

use leptos::prelude::*;

use super::app::ctx;
use crate::draw::html;

#[component]
pub fn Overview() -> impl IntoView {
    view! { <div class="html" inner_html=html::overview(ctx())></div> }
}
