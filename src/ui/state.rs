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

/// The dataset, decoded once from its compiled form on first use.
pub fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| {
        plan::compiled::decode(crate::compiled_dataset()).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// The task search index, built once.
pub fn search_index() -> &'static SearchIndex {
    static IDX: OnceLock<SearchIndex> = OnceLock::new();
    IDX.get_or_init(|| SearchIndex::new(dataset()))
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
    crate::words::Ctx::new(dataset(), lang())
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
