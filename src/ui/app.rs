//! The app shell: hash routing, header, navigation, footer.

use leptos::prelude::*;

use super::dom;
use super::state::{ctx, lang_of, texts, use_route, WithFullData};
use crate::route::{Page, Route};
use crate::words::Lang;

#[component]
pub fn App() -> impl IntoView {
    let route = use_route();
    route.replace(Route::parse(&dom::hash()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        route.replace(Route::parse(&dom::hash()));
    });
    on_cleanup(move || handle.remove());

    // Pages re-render when the page or the language changes, not when a
    // filter parameter does (so a search box keeps its focus).
    let view_key = Memo::new(move |_| route.with(|r| (r.page.clone(), lang_of(r))));
    // Links carry the theme: pages are drawn anew when it changes.
    let theme = Memo::new(move |_| route.with(|r| r.theme()));

    // Keep <html lang> and the title in step; on a new page, go to the top and
    // move focus to the main heading (screen readers announce the page).
    Effect::new(move |prev: Option<(Page, Lang)>| {
        let (page, lang) = view_key.get();
        let doc = dom::document();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.html_lang());
        }
        if let Some((prev_page, _)) = &prev {
            if *prev_page != page {
                dom::window().scroll_to_with_x_and_y(0.0, 0.0);
                dom::focus("#main");
            }
        }
        (page, lang)
    });

    // The tab's title names the page (and, once the rest of the data is
    // here, the agency a page is about).
    Effect::new(move |_| {
        let (page, lang) = view_key.get();
        let _ = super::state::loaded();
        let c = crate::words::Ctx::new(super::state::dataset(), lang);
        dom::document().set_title(&crate::pages::title(c, &page));
    });

    let body = move || {
        let (page, _) = view_key.get();
        let _theme = theme.get();
        page_view(page)
    };
    let embedded = Memo::new(move |_| view_key.with(|(p, _)| matches!(p, Page::Embed(_))));
    Effect::new(move |started: Option<bool>| {
        // Report the height to the parent page once embedded (the observer stays).
        let on = embedded.get();
        if on && started != Some(true) {
            super::embed::report_height();
        }
        on || started == Some(true)
    });

    let lang = Memo::new(move |_| view_key.with(|(_, lang)| *lang));
    move || {
        if embedded.get() {
            view! { <main id="main" class="embedded" tabindex="-1">{body}</main> }.into_any()
        } else {
            view! {
                <Header/>
                <main id="main" tabindex="-1">{body}</main>
                <Footer lang=lang/>
            }
            .into_any()
        }
    }
}

/// The component of a page.
/// Charts draw from the core of the dataset; the other pages wait for the
/// rest (tasks, agencies, places), which loads when first needed.
#[cfg(feature = "all-pages")]
fn page_view(page: Page) -> AnyView {
    match page {
        Page::Targets(id) => view! { <super::targets::TargetsPage id=id/> }.into_any(),
        Page::NotFound(_) => view! { <NotFound/> }.into_any(),
        Page::Embed(inner) => view! { <EmbedFrame page=*inner/> }.into_any(),
        Page::Overview => {
            view! { <WithFullData><super::overview::Overview/></WithFullData> }.into_any()
        }
        Page::Tasks => {
            view! { <WithFullData><super::tasks::TaskExplorer/></WithFullData> }.into_any()
        }
        Page::Task(id) => {
            view! { <WithFullData><super::tasks::TaskPage id=id.clone()/></WithFullData> }
                .into_any()
        }
        Page::Data => view! { <WithFullData><super::data::DataPage/></WithFullData> }.into_any(),
        Page::Import => {
            view! { <WithFullData><super::import::ImportPage/></WithFullData> }.into_any()
        }
        Page::Source(doc) => {
            view! { <WithFullData><super::source::SourcePage doc=doc.clone()/></WithFullData> }
                .into_any()
        }
        Page::Map => view! { <WithFullData><super::map::MapPage/></WithFullData> }.into_any(),
        Page::Agencies(id) => {
            view! { <WithFullData><super::agencies::AgenciesPage id=id.clone()/></WithFullData> }
                .into_any()
        }
    }
}

/// The light build's pages: the targets; any other page is the whole app's.
#[cfg(not(feature = "all-pages"))]
fn page_view(page: Page) -> AnyView {
    match page {
        Page::Targets(id) => view! { <super::targets::TargetsPage id=id/> }.into_any(),
        Page::Embed(inner) if matches!(*inner, Page::Targets(Some(_))) => {
            view! { <EmbedFrame page=*inner/> }.into_any()
        }
        _ => view! { <HandOver/> }.into_any(),
    }
}

/// The light build on a page it does not have: the page's boot script loads
/// the whole app, which takes over (this app unmounts) at the route the
/// visitor is on.
#[cfg(not(feature = "all-pages"))]
#[component]
fn HandOver() -> impl IntoView {
    let t = texts();
    let window: wasm_bindgen::JsValue = dom::window().into();
    if let Some(f) = dom::js_fn(&window, "cztUpgrade") {
        // Nothing to wait for: boot.js swaps the apps, or shows the error
        // view if the whole app cannot load.
        let _ = f.call0(&window);
    }
    view! { <p class="loading" role="status">{t.loading_page}</p> }
}

/// One figure of a page, without the app's chrome, and a link to the full view.
#[component]
fn EmbedFrame(page: Page) -> impl IntoView {
    let t = texts();
    let route = use_route();
    let full = route.peek(|r| r.with_page(page.clone()).to_hash());
    let figure = match page.clone() {
        Page::Targets(Some(id)) => {
            view! { <super::targets::TargetsPage id=Some(id) embed=true/> }.into_any()
        }
        #[cfg(feature = "all-pages")]
        Page::Map => {
            view! { <WithFullData><super::map::MapPage embed=true/></WithFullData> }.into_any()
        }
        #[cfg(feature = "all-pages")]
        Page::Agencies(id) => view! {
            <WithFullData><super::agencies::AgenciesPage id=id.clone() embed=true/></WithFullData>
        }
        .into_any(),
        _ => view! { <p class="empty">{t.embed_not_available}</p> }.into_any(),
    };
    view! {
        {figure}
        <p class="embed-credit">
            <a href=full target="_blank" rel="noopener">{t.app_title} " · " {t.embed_open_full} " ↗"</a>
        </p>
    }
}

/// The header (one copy with the pages the build renders ahead of the app);
/// the skip link moves focus instead of following its hash.
#[component]
fn Header() -> impl IntoView {
    let route = use_route();
    let html = move || route.with(|r| crate::pages::shell::header(ctx(), r));
    let on_click = move |ev: web_sys::MouseEvent| {
        let target = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let Some(target) = target else { return };
        if target.class_list().contains("skip-link") {
            ev.prevent_default();
            dom::focus("#main");
        } else if target.closest(".theme-switch").ok().flatten().is_some() {
            // The other theme than the one shown; the header is drawn anew,
            // so the switch gets its focus back.
            let dark = dom::is_dark(route.peek(|r| r.theme()));
            super::state::set_param("theme", if dark { "light" } else { "dark" });
            leptos::prelude::set_timeout(
                || dom::focus(".site-header .theme-switch"),
                std::time::Duration::ZERO,
            );
        }
    };
    // After the header is drawn: the theme on the root, the switch's state.
    Effect::new(move |_| {
        let theme = route.with(|r| r.theme());
        dom::apply_theme(theme);
    });
    view! { <div class="shell" on:click=on_click inner_html=html></div> }
}

#[component]
fn Footer(lang: Memo<Lang>) -> impl IntoView {
    let offline = super::embed::offline();
    let html = move || {
        crate::pages::shell::footer(
            crate::words::Ctx::new(super::state::dataset(), lang.get()),
            offline,
        )
    };
    view! { <div class="shell" inner_html=html></div> }
}

#[component]
fn NotFound() -> impl IntoView {
    view! { <div class="html" inner_html=crate::pages::not_found(ctx())></div> }
}
