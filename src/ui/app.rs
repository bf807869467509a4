//! The app shell: hash routing, header, navigation, footer.

use leptos::prelude::*;

use super::dom;
use super::state::{ctx, href, lang_of, texts, use_route};
use crate::route::{Page, Route};
use crate::words::{Lang, LangExt};

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

    // Keep <html lang> and the title in step; on a new page, go to the top and
    // move focus to the main heading (screen readers announce the page).
    Effect::new(move |prev: Option<(Page, Lang)>| {
        let (page, lang) = view_key.get();
        let doc = dom::document();
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", lang.html_lang());
        }
        doc.set_title(lang.t().app_title);
        if let Some((prev_page, _)) = &prev {
            if *prev_page != page {
                dom::window().scroll_to_with_x_and_y(0.0, 0.0);
                dom::focus("#main");
            }
        }
        (page, lang)
    });

    let body = move || {
        let (page, _) = view_key.get();
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
                <Header key=view_key/>
                <main id="main" tabindex="-1">{body}</main>
                <Footer lang=lang/>
            }
            .into_any()
        }
    }
}

/// The component of a page.
fn page_view(page: Page) -> AnyView {
    match page {
        Page::Overview => view! { <super::overview::Overview/> }.into_any(),
        Page::Tasks => view! { <super::tasks::TaskExplorer/> }.into_any(),
        Page::Task(id) => view! { <super::tasks::TaskPage id=id/> }.into_any(),
        Page::Data => view! { <super::data::DataPage/> }.into_any(),
        Page::Source(doc) => view! { <super::source::SourcePage doc=doc/> }.into_any(),
        Page::Targets(id) => view! { <super::targets::TargetsPage id=id/> }.into_any(),
        Page::Map => view! { <super::map::MapPage/> }.into_any(),
        Page::Agencies(id) => view! { <super::agencies::AgenciesPage id=id/> }.into_any(),
        Page::NotFound(_) => view! { <NotFound/> }.into_any(),
        Page::Embed(inner) => view! { <EmbedFrame page=*inner/> }.into_any(),
    }
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
        Page::Map => view! { <super::map::MapPage embed=true/> }.into_any(),
        Page::Agencies(id) => {
            view! { <super::agencies::AgenciesPage id=id embed=true/> }.into_any()
        }
        _ => view! { <p class="empty">{t.embed_not_available}</p> }.into_any(),
    };
    view! {
        {figure}
        <p class="embed-credit">
            <a href=full target="_blank" rel="noopener">{t.app_title} " · " {t.embed_open_full} " ↗"</a>
        </p>
    }
}

/// The header: brand, navigation, language switch (`key`: page and language).
#[component]
fn Header(key: Memo<(Page, Lang)>) -> impl IntoView {
    let route = use_route();
    move || {
        let (page, lang) = key.get();
        let t = lang.t();
        let other = match lang {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        };
        let code = if other == Lang::default() {
            ""
        } else {
            other.code()
        };
        let switch = route.peek(|r| r.with_param("lang", code).to_hash());
        let items: [(Page, &str, &str); 6] = [
            (Page::Overview, t.nav_overview, "overview"),
            (Page::Targets(None), t.nav_targets, "targets"),
            (Page::Map, t.nav_map, "map"),
            (Page::Agencies(None), t.nav_agencies, "agencies"),
            (Page::Tasks, t.nav_tasks, "tasks"),
            (Page::Data, t.nav_data, "data"),
        ];
        let section = section_of(&page);
        let nav = items
            .into_iter()
            .map(|(p, label, key)| {
                let current = (section == key).then_some("page");
                view! {
                    <li><a href=href(p) aria-current=current data-nav=key>{label}</a></li>
                }
            })
            .collect_view();
        view! {
            <header class="site-header">
                <a class="skip-link" href="#main" on:click=|ev| {
                    ev.prevent_default();
                    dom::focus("#main");
                }>{t.skip_to_content}</a>
                <div class="brand">
                    <a class="brand-title" href=href(Page::Overview)>{t.app_title}</a>
                    <span class="brand-sub">{t.app_subtitle}</span>
                </div>
                <nav aria-label=t.nav_overview>
                    <ul>{nav}</ul>
                </nav>
                <a class="lang-switch" href=switch hreflang=other.html_lang() lang=other.html_lang()>
                    {t.language_switch}
                </a>
            </header>
        }
    }
}

fn section_of(p: &Page) -> &'static str {
    match p {
        Page::Overview => "overview",
        Page::Targets(_) => "targets",
        Page::Map => "map",
        Page::Agencies(_) => "agencies",
        Page::Tasks | Page::Task(_) => "tasks",
        Page::Data | Page::Source(_) => "data",
        Page::NotFound(_) => "",
        Page::Embed(inner) => section_of(inner),
    }
}

#[component]
fn Footer(lang: Memo<Lang>) -> impl IntoView {
    let offline = super::embed::offline();
    move || {
        let t = lang.get().t();
        let download = if offline {
            view! { <p class="offline-note">{t.offline_note}</p> }.into_any()
        } else {
            view! { <p><a class="offline-link" href="changzhutan-plans.html" download="changzhutan-plans.html">{t.footer_offline}</a></p> }.into_any()
        };
        view! {
            <footer class="site-footer">
                <p>{t.footer_sources}</p>
                {download}
            </footer>
        }
    }
}

#[component]
fn NotFound() -> impl IntoView {
    view! { <div class="html" inner_html=crate::pages::not_found(ctx())></div> }
}
