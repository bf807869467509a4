//! `#/`: the five documents, what each is, its date and counts.

use leptos::prelude::*;

use super::state::ctx;
use crate::pages::overview::overview;

#[component]
pub fn Overview() -> impl IntoView {
    view! { <div class="html" inner_html=overview(ctx())></div> }
}
