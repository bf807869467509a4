//! The state every component shares, which lives outside every component:
//! the route (and the language it names) and the dataset. Below the pages
//! and the shell, so that nothing depends on the shell.

use std::sync::OnceLock;

use leptos::prelude::*;

use super::dom;
use crate::route::{Page, Route};
use crate::words::{Lang, LangExt, Texts};
use plan::query::SearchIndex;
use plan::Dataset;

/// The core of the dataset (what charts need), decoded once from the wasm.
fn core() -> &'static Dataset {
    static CORE: OnceLock<Dataset> = OnceLock::new();
    CORE.get_or_init(|| {
        plan::compiled::decode(crate::compiled_dataset()).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The whole dataset, once its rest has been loaded and joined.
static FULL: OnceLock<Dataset> = OnceLock::new();

/// The dataset: the whole of it once loaded, its core until then. Pages
/// that need tasks, agencies or places wait for it with [`WithFullData`].
pub fn dataset() -> &'static Dataset {
    super::imports::merged()
        .or_else(|| FULL.get())
        .unwrap_or_else(core)
}

/// Where loading the rest of the dataset is.
#[derive(Clone, Debug, PartialEq)]
pub enum Loaded {
    No,
    Yes,
    Failed(String),
}

thread_local! {
    static LOADED: ArcRwSignal<Loaded> = ArcRwSignal::new(Loaded::No);
}

/// Whether the whole dataset is here (tracked); asks for it the first time.
pub fn full_data() -> Loaded {
    let now = LOADED.with(|l| l.get());
    if now == Loaded::No && FULL.get().is_none() {
        start_loading();
    }
    now
}

/// Whether the whole dataset is here (tracked), without asking for it.
pub fn loaded() -> Loaded {
    LOADED.with(|l| l.get())
}

/// Load the rest of the dataset once (`data/rest.bin` on the site, or the
/// copy the offline file carries), join it to the core.
fn start_loading() {
    thread_local! {
        static STARTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    }
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        let state = match super::assets::asset_bytes("data/rest.bin").await {
            Ok(bytes) => match plan::compiled::decode::<plan::compiled::Rest>(&bytes) {
                Ok(rest) => {
                    let _ = FULL.get_or_init(|| plan::compiled::join(core(), rest));
                    // The visitor's own imports, kept in this browser, join it
                    // (not in an embed: a host page shows the published plan).
                    let embedded = CurrentRoute.peek(|r| matches!(r.page, Page::Embed(_)));
                    if let (Some(base), false) = (FULL.get(), embedded) {
                        super::imports::load_saved(base).await;
                    }
                    Loaded::Yes
                }
                Err(e) => Loaded::Failed(e),
            },
            Err(e) => Loaded::Failed(e),
        };
        LOADED.with(|l| l.try_set(state));
    });
}

/// Show `children` once the whole dataset is here; meanwhile say so.
#[component]
pub fn WithFullData(children: ChildrenFn) -> impl IntoView {
    let t = texts();
    move || match full_data() {
        Loaded::Yes => children().into_any(),
        Loaded::No => {
            view! { <p class="data-loading" role="status">{t.loading_data}</p> }.into_any()
        }
        Loaded::Failed(e) => view! {
            <p class="error" role="alert">{t.loading_data_failed} " (" {e} ")"</p>
        }
        .into_any(),
    }
}

/// The task search index, built once per dataset (on the whole dataset: its
/// pages wait for it).
pub fn search_index() -> &'static SearchIndex {
    thread_local! {
        static IDX: std::cell::Cell<Option<(*const Dataset, &'static SearchIndex)>> =
            const { std::cell::Cell::new(None) };
    }
    let ds = dataset();
    IDX.with(|cell| match cell.get() {
        Some((at, idx)) if std::ptr::eq(at, ds) => idx,
        _ => {
            // A new dataset (an import came or went): a new index. The old
            // one is left behind, as the dataset it indexed is.
            let idx: &'static SearchIndex = Box::leak(Box::new(SearchIndex::new(ds)));
            cell.replace(Some((ds, idx)));
            idx
        }
    })
}

/// The current route. It lives outside every component (and is never
/// disposed), so an event handler, timer or observer that outlives its
/// component can still read or change it without panicking.
#[derive(Clone, Copy)]
pub struct CurrentRoute;

thread_local! {
    static ROUTE: ArcRwSignal<Route> = ArcRwSignal::new(Route::parse(&dom::hash()));
}

impl CurrentRoute {
    /// Read the route, tracked (in memos, effects and view closures).
    pub fn with<T>(self, f: impl FnOnce(&Route) -> T) -> T {
        ROUTE.with(|s| s.with(f))
    }
    pub fn get(self) -> Route {
        self.with(Route::clone)
    }
    /// Read the route without tracking it.
    pub fn peek<T>(self, f: impl FnOnce(&Route) -> T) -> T {
        ROUTE
            .with(|s| s.try_with_untracked(f))
            .expect("the route signal lives as long as the page")
    }
    /// Show another route (no history entry: the caller writes the URL).
    pub fn replace(self, r: Route) {
        ROUTE.with(|s| s.try_set(r));
    }
}

pub fn use_route() -> CurrentRoute {
    CurrentRoute
}

pub fn lang_of(r: &Route) -> Lang {
    r.param("lang")
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// The language of the current route (untracked: pages re-render on change).
pub fn lang() -> Lang {
    use_route().peek(lang_of)
}

pub fn texts() -> &'static Texts {
    lang().t()
}

/// The context the static fragments need: data and language.
pub fn ctx() -> crate::words::Ctx<'static> {
    crate::words::Ctx::new(dataset(), lang()).with_theme(use_route().peek(|r| r.theme()))
}

/// An href for a page, keeping the language.
pub fn href(page: Page) -> String {
    use_route().peek(|r| r.goto(page).to_hash())
}

/// Change a route parameter in place: no history entry, no page re-render.
pub fn set_param(key: &str, value: &str) {
    set_params(&[(key, value)]);
}

/// Change a route parameter with a history entry (a new view: Back returns
/// to the one before). The hashchange that follows updates the route.
pub fn push_param(key: &str, value: &str) {
    let next = use_route().peek(|r| r.with_param(key, value));
    let _ = dom::window().location().set_hash(&next.to_hash());
}

/// Change route parameters in place, in one step (an empty value removes one).
pub fn set_params(pairs: &[(&str, &str)]) {
    let route = use_route();
    let next = route.peek(|r| pairs.iter().fold(r.clone(), |r, (k, v)| r.with_param(k, v)));
    dom::replace_hash(&next.to_hash());
    route.replace(next);
}
