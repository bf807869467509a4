//! The state every part of the app shares, which lives outside every page:
//! the route (and the language it names), how links are written, and the
//! dataset (its core in the wasm, its rest loaded when first needed).

use std::cell::{Cell, RefCell};
use std::sync::OnceLock;

use leptos::prelude::*;

use crate::route::{Page, Route};
use crate::words::{Ctx, Lang, LangExt, Links, Texts};
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

/// The dataset: with the visitor's imports once they are read, the whole of
/// it once loaded, its core until then. Pages that show tasks, agencies or
/// places are drawn once [`full`] has it.
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
    static STARTED: Cell<bool> = const { Cell::new(false) };
}

/// Whether the whole dataset is here (tracked), without asking for it.
pub fn loaded() -> Loaded {
    LOADED.with(|l| l.get())
}

/// Whether the whole dataset is here, untracked.
pub fn has_full() -> bool {
    FULL.get().is_some() && LOADED.with(|l| l.try_get_untracked()) == Some(Loaded::Yes)
}

/// Load the rest of the dataset once (`data/rest.bin` on the site, or the
/// copy the offline file carries), join it to the core, then read the
/// visitor's imports (not in an embed: a host page shows the published plan).
pub fn start_loading() {
    if STARTED.with(|s| s.replace(true)) {
        return;
    }
    leptos::task::spawn_local(async {
        let state = match super::assets::asset_bytes("data/rest.bin").await {
            Ok(bytes) => match plan::compiled::decode::<plan::compiled::Rest>(&bytes) {
                Ok(rest) => {
                    let _ = FULL.get_or_init(|| plan::compiled::join(core(), rest));
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

/// The whole dataset, loaded if it is not yet (with the visitor's imports).
pub async fn full() -> Result<&'static Dataset, String> {
    start_loading();
    loop {
        match LOADED.with(|l| l.try_get_untracked()).unwrap_or(Loaded::No) {
            Loaded::Yes => return Ok(dataset()),
            Loaded::Failed(e) => return Err(e),
            Loaded::No => gloo::timers::future::TimeoutFuture::new(16).await,
        }
    }
}

/// The task search index, built once per dataset.
pub fn search_index() -> &'static SearchIndex {
    thread_local! {
        static IDX: Cell<Option<(*const Dataset, &'static SearchIndex)>> =
            const { Cell::new(None) };
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

/// The current route. It lives outside every page (and is never disposed),
/// so an event handler, timer or observer that outlives its page can still
/// read it without panicking.
#[derive(Clone, Copy)]
pub struct CurrentRoute;

thread_local! {
    static ROUTE: ArcRwSignal<Route> = ArcRwSignal::new(Route::new(Page::Overview));
    static LINKS: Cell<Links> = const { Cell::new(Links::Paths) };
    static ROOT: RefCell<String> = const { RefCell::new(String::new()) };
}

impl CurrentRoute {
    /// Read the route, tracked (in memos and effects).
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
    /// Show another route (the caller writes the URL).
    pub fn replace(self, r: Route) {
        ROUTE.with(|s| s.try_set(r));
    }
}

pub fn use_route() -> CurrentRoute {
    CurrentRoute
}

/// How this copy of the app writes links: real addresses on the site, hash
/// routes in the offline file.
pub fn links() -> Links {
    LINKS.with(Cell::get)
}

/// The site's root URL ("https://…/", "" in the offline file).
pub fn root_url() -> String {
    ROOT.with(|r| r.borrow().clone())
}

/// Set once at start.
pub fn set_mode(links: Links, root: String) {
    LINKS.with(|l| l.replace(links));
    ROOT.with(|r| *r.borrow_mut() = root);
}

pub fn lang_of(r: &Route) -> Lang {
    r.param("lang")
        .and_then(Lang::from_code)
        .unwrap_or_default()
}

/// The language of the current route (untracked: pages are drawn anew on change).
pub fn lang() -> Lang {
    use_route().peek(lang_of)
}

pub fn texts() -> &'static Texts {
    lang().t()
}

/// The context the pages' fragments need: data, language, links.
pub fn ctx() -> Ctx<'static> {
    Ctx::new(dataset(), lang())
        .with_theme(use_route().peek(|r| r.theme()))
        .with_links(links())
}
