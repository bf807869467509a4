//! The Leptos layer (wasm32 only): it takes over the page the build wrote
//! and answers it, and draws the next page when the visitor moves.
//!
//! Every page is in its document already (`pages`, rendered by the build):
//! the app does not draw it again. It binds the page where it is — its
//! figures' marks, forms and switches — and from then on moves between
//! pages with the History API, drawing each with the same `pages` code.
//! State is Leptos' reactive graph: the route is a signal outside every
//! page; each page's binding owns its effects and listeners and goes with it.

mod agencies;
mod assets;
mod bound;
mod data;
pub mod dom;
mod embed;
mod figure;
mod import;
mod imports;
mod map;
pub mod nav;
pub mod page;
mod shell;
mod source;
pub mod state;
mod targets;
mod tasks;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::route::Page;
use crate::site::spec;
use crate::words::Links;
pub use state::{dataset, search_index};

/// Install the panic hook: a panic shows the error view instead of a blank page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_fatal(&info.to_string());
    }));
}

thread_local! {
    /// The app's own listeners (links, history, the header's switches).
    static APP: RefCell<Vec<gloo::events::EventListener>> = const { RefCell::new(Vec::new()) };
}

/// Where the app runs: on the site (real addresses; its root is the
/// `<base>` every page has) or in the offline file (hash routes).
fn set_mode() {
    let doc = dom::document();
    let offline = doc
        .document_element()
        .and_then(|e| e.get_attribute("data-build"))
        .as_deref()
        == Some("offline");
    if offline {
        state::set_mode(Links::Hash, String::new());
        return;
    }
    let root = doc.base_uri().ok().flatten().unwrap_or_default();
    // The base stays the site's root whatever address the app moves to.
    if let Ok(Some(base)) = doc.query_selector("base") {
        let _ = base.set_attribute("href", &root);
    }
    state::set_mode(Links::Paths, root);
}

/// Start the app on the page it finds. Called by the page's boot script
/// once the wasm is ready.
#[wasm_bindgen]
pub fn run() {
    install_panic_hook();
    let _ = any_spawner::Executor::init_wasm_bindgen();
    set_mode();
    let route = nav::location_route();
    state::use_route().replace(route.clone());
    if state::links() == Links::Hash {
        // Offline, the theme a link asks for is in its hash.
        dom::apply_theme(route.theme());
    }
    nav::set_pages(nav::Pages {
        show: page::show,
        params: page::params_changed,
    });
    let mut listeners = nav::start();
    listeners.extend(shell::start());
    APP.with(|a| *a.borrow_mut() = listeners);
    // The page is taken over in a task of its own: the start stays short
    // (a phone's main thread is never held for long).
    // outlives: touches only the page and the app's state, which live as long as it.
    gloo::timers::callback::Timeout::new(0, move || take_over(route)).forget();
}

/// Take the page over (or draw the page the address names), then start
/// what comes when the page is idle.
fn take_over(route: crate::route::Route) {
    // The page the build wrote for this address is taken over as it is;
    // any other (a hash route, the offline file opened at another page) is
    // drawn.
    let written = dom::document()
        .document_element()
        .and_then(|e| e.get_attribute("data-route"))
        .unwrap_or_default();
    let here = match state::links() {
        Links::Hash => {
            let mut r = route.clone();
            r.params.retain(|(k, _)| k == "lang");
            r.to_hash()
        }
        Links::Paths => crate::pages::document::folder(&route),
    };
    let adopt = written == here && (spec(&route.page).prerendered || state::links() == Links::Hash);
    // An old link's hash route, followed in this document before the app
    // came: the route's own address.
    let old_link = state::links() == Links::Paths
        && dom::hash().starts_with("#/")
        && !crate::site::is_local(&route.page);
    if old_link {
        if !nav::served_here(&route.page) {
            let _ = dom::window().location().replace(&nav::url_of(&route));
            return;
        }
        dom::replace_url(&nav::url_of(&route));
        page::show(route.clone(), false);
    } else if adopt {
        // The build drew the page with its language only.
        let mut drawn = route.clone();
        drawn.params.retain(|(k, _)| k == "lang");
        page::bind(&drawn);
    } else {
        page::show(route.clone(), false);
    }
    // The rest of the dataset comes when the page is idle, where the pages
    // this build moves to need it (tasks, agencies, places), or where the
    // visitor keeps imports (they may add to any page). The charts alone
    // need neither.
    let wanted = crate::site::Build::this() != crate::site::Build::Charts || imports::flagged();
    dom::when_idle(2000, move || {
        if !wanted && !state::has_full() {
            return;
        }
        state::start_loading();
        leptos::task::spawn_local(async {
            if state::full().await.is_ok() && imports::merged().is_some() {
                let page = state::use_route().peek(|r| r.page.clone());
                if shows_imports(&page) {
                    page::refresh();
                }
            }
        });
    });
    dom::count_app(1);
    dom::mark_ready();
    // The page's boot script answers what the visitor did meanwhile.
    let window: wasm_bindgen::JsValue = dom::window().into();
    if let Some(f) = dom::js_fn(&window, "cztReady") {
        let _ = f.call0(&window);
    }
}

/// Pages whose content the visitor's imports add to.
fn shows_imports(page: &Page) -> bool {
    matches!(
        page,
        Page::Overview
            | Page::Targets(_)
            | Page::Tasks
            | Page::Agencies(_)
            | Page::Map
            | Page::Data
            | Page::Import
    )
}

/// Stop the app: its page unbinds, its listeners go.
#[wasm_bindgen]
pub fn unmount() {
    page::unbind();
    APP.with(|a| a.borrow_mut().clear());
    dom::count_app(-1);
}
