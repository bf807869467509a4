//! Moving between pages. On the site every page is a document at its own
//! address; once the app runs it moves between the pages its build serves
//! with the History API (drawing the next page as the build drew it), and
//! lets the browser load any other page as a document. Hash routes are
//! read too: old links, the visitor's own (imported) pages, and the
//! offline file, which has nothing else.

use wasm_bindgen::JsCast;

use super::dom;
use super::state::{links, root_url, use_route};
use crate::route::{Page, Route};
use crate::site::{is_local, spec, Build};
use crate::words::Links;

/// The route the page's address names.
pub fn location_route() -> Route {
    let loc = dom::window().location();
    let hash = loc.hash().unwrap_or_default();
    if links() == Links::Hash || hash.starts_with("#/") {
        return Route::parse(&hash);
    }
    let href = loc.href().unwrap_or_default();
    route_of_url(&href).unwrap_or_else(|| Route::new(Page::NotFound(vec![])))
}

/// The route of an absolute URL of this site ("https://…/en/map/?z=2"),
/// or None when it is elsewhere.
pub fn route_of_url(href: &str) -> Option<Route> {
    let root = root_url();
    let rest = href.strip_prefix(&root)?;
    let (rest, hash) = rest.split_once('#').unwrap_or((rest, ""));
    if hash.starts_with('/') && rest.is_empty() {
        return Some(Route::parse(hash));
    }
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    Some(Route::parse_path(path, query))
}

/// The address of a route: absolute on the site, a hash offline.
pub fn url_of(route: &Route) -> String {
    match links() {
        Links::Hash => route.to_hash(),
        Links::Paths => format!(
            "{}{}",
            root_url(),
            Links::Paths.href(route).trim_start_matches("./")
        ),
    }
}

/// Whether this build draws `page` itself (else the browser loads it).
/// Any build says a page does not exist.
pub fn served_here(page: &Page) -> bool {
    links() == Links::Hash
        || is_local(page)
        || matches!(page, Page::NotFound(_))
        || Build::this().serves(spec(page).build)
}

/// What a page is, for telling a new page from a new view of the same one.
pub fn page_key(r: &Route) -> (Page, Option<String>, Option<String>) {
    let theme = match links() {
        // Hash links carry the theme: pages are drawn anew with it.
        Links::Hash => r.param("theme").map(str::to_string),
        Links::Paths => None,
    };
    (r.page.clone(), r.param("lang").map(str::to_string), theme)
}

/// Go to `route`: a history entry (`push`) or in place.
pub fn go(route: Route, push: bool) {
    if !served_here(&route.page) {
        let _ = dom::window().location().assign(&url_of(&route));
        return;
    }
    let url = url_of(&route);
    if let Ok(h) = dom::window().history() {
        let _ = if push {
            h.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            h.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
    }
    arrive(route, push);
}

/// What draws a new page, and what answers new parameters on the same
/// page (the page module's, set at start: pages move the visitor, and the
/// visitor's moves draw pages).
#[derive(Clone, Copy)]
pub struct Pages {
    pub show: fn(Route, bool),
    pub params: fn(),
}

thread_local! {
    static PAGES: std::cell::Cell<Option<Pages>> = const { std::cell::Cell::new(None) };
}

pub fn set_pages(p: Pages) {
    PAGES.with(|c| c.replace(Some(p)));
}

/// Draw the page again for the route shown (new data, other lines); with
/// `to_lines` the page goes where its route points, else it keeps its scroll.
pub fn redraw(to_lines: bool) {
    let Some(p) = PAGES.with(std::cell::Cell::get) else {
        return;
    };
    let route = use_route().peek(Route::clone);
    let y = dom::window().scroll_y().unwrap_or(0.0);
    (p.show)(route, false);
    if !to_lines {
        dom::window().scroll_to_with_x_and_y(0.0, y);
    }
}

/// Show the route the address now names (after `go`, Back or Forward).
pub fn arrive(route: Route, moved: bool) {
    let before = use_route().peek(page_key);
    let new_page = page_key(&route) != before;
    use_route().replace(route.clone());
    let Some(p) = PAGES.with(std::cell::Cell::get) else {
        return;
    };
    if new_page {
        (p.show)(route, moved);
    } else {
        (p.params)();
    }
}

/// Change route parameters in place: no history entry, no new page.
pub fn set_params(pairs: &[(&str, &str)]) {
    let next = use_route().peek(|r| pairs.iter().fold(r.clone(), |r, (k, v)| r.with_param(k, v)));
    go(next, false);
}

pub fn set_param(key: &str, value: &str) {
    set_params(&[(key, value)]);
}

/// Change a route parameter with a history entry (a new view: Back
/// returns to the one before).
pub fn push_param(key: &str, value: &str) {
    let next = use_route().peek(|r| r.with_param(key, value));
    go(next, true);
}

/// Follow a link's `href` as a click on it would.
pub fn follow(href: &str) {
    let Some(abs) = absolute(href) else { return };
    match route_of_url(&abs).filter(|r| followable(&r.page)) {
        Some(r) => go(r, true),
        None => {
            let _ = dom::window().location().assign(&abs);
        }
    }
}

/// An href made absolute against the page's base.
fn absolute(href: &str) -> Option<String> {
    if links() == Links::Hash && href.starts_with('#') {
        return Some(format!("{}{href}", root_url()));
    }
    let base = dom::document().base_uri().ok().flatten()?;
    Some(web_sys::Url::new_with_base(href, &base).ok()?.href())
}

/// Pages the app moves to itself (others are left to the browser: a path
/// no page has gets the host's own answer).
fn followable(page: &Page) -> bool {
    spec(page).prerendered || is_local(page) || links() == Links::Hash
}

/// Listen for clicks on links, and for Back and Forward.
pub fn start() -> Vec<gloo::events::EventListener> {
    let mut l = Vec::new();
    let doc: web_sys::EventTarget = dom::document().into();
    l.push(dom::listen(&doc, "click", |ev| {
        let Some(me) = ev.dyn_ref::<web_sys::MouseEvent>() else {
            return;
        };
        if ev.default_prevented()
            || me.button() != 0
            || me.meta_key()
            || me.ctrl_key()
            || me.shift_key()
            || me.alt_key()
        {
            return;
        }
        let Some(a) = dom::closest(ev.target(), "a[href]") else {
            return;
        };
        // An outcomes template offline: the app writes it (on the site it is
        // a file beside the target's page).
        if let (Links::Hash, Some(id)) = (links(), a.get_attribute("data-template")) {
            let c = super::state::ctx();
            if let Some(ind) = c.ds.indicators.iter().find(|i| i.id == id) {
                ev.prevent_default();
                let name = crate::pages::targets::template_file(ind);
                let csv = crate::pages::targets::actuals_template(c, ind);
                // After this click: the download's own click must not come
                // back into this listener.
                let later = gloo::timers::callback::Timeout::new(0, move || {
                    dom::download(&name, "text/csv;charset=utf-8", &csv)
                });
                // outlives: runs once; touches only the file it hands over.
                later.forget();
            }
            return;
        }
        if a.has_attribute("download") || a.get_attribute("target").is_some_and(|t| t != "_self") {
            return;
        }
        let href = a.get_attribute("href").unwrap_or_default();
        // The skip link moves focus; an anchor on this page scrolls to it.
        if a.class_list().contains("skip-link") {
            ev.prevent_default();
            dom::focus("#main");
            return;
        }
        if links() == Links::Hash && !href.starts_with("#/") {
            // An anchor on the page, offline: scroll to it, keeping the
            // route in the address.
            if let Some(id) = href.strip_prefix('#').filter(|id| !id.is_empty()) {
                if let Some(el) = dom::element_by_id(id) {
                    ev.prevent_default();
                    el.scroll_into_view();
                }
            }
            return;
        }
        let Some(abs) = absolute(&href) else { return };
        let Some(route) = route_of_url(&abs) else {
            return;
        };
        if !followable(&route.page) {
            return;
        }
        if let Some((_, anchor)) = abs.split_once('#').filter(|(_, h)| !h.starts_with('/')) {
            if route == use_route().peek(Route::clone) {
                // Same page: the browser scrolls to the anchor.
                let _ = anchor;
                return;
            }
        }
        ev.prevent_default();
        go(route, true);
    }));
    let win: web_sys::EventTarget = dom::window().into();
    l.push(dom::listen(&win, "popstate", |_| {
        arrive(location_route(), false);
    }));
    l.push(dom::listen(&win, "hashchange", |_| {
        // An anchor on the page (#group-1), not a route: the browser scrolled.
        let hash = dom::window().location().hash().unwrap_or_default();
        if hash.len() > 1 && !hash.starts_with("#/") {
            return;
        }
        let r = location_route();
        if links() == Links::Paths && !is_local(&r.page) {
            // An old link followed on a real page: to the route's own address.
            go(r, false);
        } else if r != use_route().peek(Route::clone) {
            arrive(r, true);
        }
    }));
    l
}
