//! The header's switches: the theme (kept for the visit, and in the
//! address so that a copied link keeps it), the language (to the same page
//! in the other language, with its filters), and the menu of a narrow
//! screen (closed once a section is chosen).

use wasm_bindgen::JsCast;

use super::dom;
use super::state::{links, use_route};
use crate::route::{Route, Theme};
use crate::words::{Ctx, Lang, Links};

/// Where `ahead.js` and the app keep the visit's theme.
pub const THEME_KEY: &str = "cztplans:theme";

/// Listen on the header and on `<html>` for the switches.
pub fn start() -> Vec<gloo::events::EventListener> {
    let doc: web_sys::EventTarget = dom::document().into();
    vec![dom::listen(&doc, "click", |ev| {
        if dom::closest(ev.target(), ".theme-switch").is_some() {
            let dark = dom::is_dark(use_route().peek(|r| r.theme()));
            let next = if dark { Theme::Light } else { Theme::Dark };
            if let Some(s) = dom::session() {
                let _ = s.set_item(THEME_KEY, next.code().unwrap_or(""));
            }
            dom::apply_theme(next);
            super::nav::set_param("theme", next.code().unwrap_or(""));
        } else if let Some(menu) = dom::closest(ev.target(), ".nav-menu a")
            .and_then(|a| a.closest("details").ok().flatten())
        {
            let _ = menu.remove_attribute("open");
        }
    })]
}

/// Keep the header in step with the route's parameters: the language
/// switch goes to the same view in the other language.
pub fn follow_route(route: &Route) {
    let Some(a) = dom::document()
        .query_selector(".lang-switch")
        .ok()
        .flatten()
    else {
        return;
    };
    let lang = super::state::lang_of(route);
    let other = match lang {
        Lang::Zh => "en",
        Lang::En => "",
    };
    let c = Ctx::new(super::state::dataset(), lang).with_links(links());
    let href = c.link(&route.with_param("lang", other));
    if let Ok(a) = a.dyn_into::<web_sys::HtmlAnchorElement>() {
        let _ = a.set_attribute("href", &href);
    }
    if links() == Links::Hash {
        dom::apply_theme(route.theme());
    }
}
