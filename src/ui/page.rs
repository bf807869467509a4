//! The page on screen: drawn by the build (and taken over as it is) or by
//! the app when the visitor moves to it, then bound — its figures, forms and
//! switches answered by the page kind's binding, which lives until the
//! visitor leaves the page.

use std::cell::RefCell;

pub use super::bound::Bound;
use super::dom;
use super::state::{self, ctx, use_route};
use crate::draw::widths::fit;
use crate::pages::render::{render, Opts};
use crate::route::{Page, Route};

thread_local! {
    static BOUND: RefCell<Option<Bound>> = const { RefCell::new(None) };
    /// Bumped for every page shown: a page still waiting for data when the
    /// visitor has moved on is not drawn.
    static GENERATION: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    /// What the page is waiting for before it is what its address names.
    static WAITING: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
}

/// The page waits (`true`) or stops waiting for the rest of the dataset
/// before it shows what its address names: `<html data-navigating>` says
/// so while anything is waited for (a page drawn anew, or the parameters of
/// a page taken over: a deep link's view, its filters).
fn waiting(on: bool) {
    let n = WAITING.with(|w| {
        let n = if on {
            w.get() + 1
        } else {
            w.get().saturating_sub(1)
        };
        w.replace(n);
        n
    });
    dom::document_element_attr("data-navigating", (n > 0).then_some("true"));
}

/// The element `#main`.
pub fn main_el() -> Option<web_sys::Element> {
    dom::element_by_id("main")
}

/// How the app draws a page: at the width its main figure's box has.
pub fn opts<'a>(found: Option<&'a [&'a plan::Task]>, widths: &'a [f64]) -> Opts<'a> {
    Opts {
        widths,
        site: if state::links() == crate::words::Links::Hash {
            ""
        } else {
            Box::leak(state::root_url().into_boxed_str())
        },
        files: false,
        text: &super::source::cached_text,
        found,
        offline_home: (state::links() == crate::words::Links::Hash).then(|| {
            &*Box::leak(
                dom::document()
                    .document_element()
                    .and_then(|e| e.get_attribute("data-site"))
                    .unwrap_or_default()
                    .into_boxed_str(),
            )
        }),
    }
}

/// The width the page's figures get: `#main`'s.
fn figure_width() -> f64 {
    fit(main_el().map(|m| dom::content_width(&m)).unwrap_or(1100.0))
}

/// Whether a page is drawn from more than the dataset's core.
pub fn needs_rest(page: &Page) -> bool {
    match page {
        Page::Targets(None) | Page::Targets(Some(_)) | Page::NotFound(_) | Page::Import => false,
        Page::Embed(inner) => needs_rest(inner),
        _ => true,
    }
}

/// Draw `route`'s page into the app (header, content, footer) and bind it;
/// `moved`: the visitor moved here (to the top, focus on the content).
pub fn show(route: Route, moved: bool) {
    let generation = GENERATION.with(|g| {
        g.replace(g.get() + 1);
        g.get()
    });
    // The page before goes first: nothing of it answers any more.
    BOUND.with(|b| b.borrow_mut().take());
    let rest = needs_rest(&route.page);
    let draw = move || {
        if GENERATION.with(|g| g.get()) != generation {
            return;
        }
        let c = ctx();
        let widths = [figure_width()];
        let found = matches!(route.page, Page::Tasks)
            .then(|| state::search_index().filter(c.ds, &crate::pages::tasks::task_filter(&route)));
        let r = render(c, &route, &opts(found.as_deref(), &widths));
        if let Some(app) = dom::element_by_id("app") {
            app.set_inner_html(&crate::pages::document::app_html(c, &route, &r));
        }
        dom::document_element_attr("lang", Some(c.lang.html_lang()));
        dom::document().set_title(&r.title);
        if moved {
            dom::window().scroll_to_with_x_and_y(0.0, 0.0);
            dom::focus("#main");
        }
        bind(&route);
    };
    if rest && !state::has_full() {
        waiting(true);
        leptos::task::spawn_local(async move {
            let ok = state::full().await;
            waiting(false);
            match ok {
                Ok(_) => draw(),
                Err(e) => dom::show_fatal(&format!("{}: {e}", state::texts().loading_data_failed)),
            }
        });
    } else {
        draw();
    }
}

/// The route's parameters changed on the page shown: its binding answers
/// (once the whole dataset is here, for a page drawn from it).
pub fn params_changed() {
    let route = use_route().peek(Route::clone);
    super::shell::follow_route(&route);
    let answer = |route: &Route| {
        BOUND.with(|b| {
            if let Some(b) = b.borrow().as_ref() {
                for f in &b.on_params {
                    f(route);
                }
            }
        })
    };
    if binding_needs_rest(&route.page) && !state::has_full() {
        let generation = GENERATION.with(|g| g.get());
        waiting(true);
        leptos::task::spawn_local(async move {
            let ok = state::full().await.is_ok();
            if ok && GENERATION.with(|g| g.get()) == generation {
                answer(&use_route().peek(Route::clone));
            }
            waiting(false);
        });
    } else {
        answer(&route);
    }
    refresh_kits(&route);
}

/// The embed panels follow the view: their snippets name the route's
/// parameters (a flow's cumulative view, a map's layers and zoom).
fn refresh_kits(route: &Route) {
    let widths = [figure_width()];
    let o = opts(None, &widths);
    let Some(kit) = crate::pages::render::kit_of(ctx(), route, &o) else {
        return;
    };
    let inner = kit
        .strip_prefix("<details class=\"embed-kit\">")
        .and_then(|k| k.strip_suffix("</details>"))
        .unwrap_or(&kit);
    let Some(root) = dom::document().document_element() else {
        return;
    };
    for el in dom::query_all(&root, "details.embed-kit") {
        if el.inner_html() != inner {
            dom::set_html(&el, inner);
        }
    }
}

/// Bind the page on screen, drawn for `drawn` (the build writes a page
/// without parameters but its language; the app draws the route): its
/// kind's binding, and what every page has (embed panels); then show the
/// current route's parameters. A page drawn from the whole dataset is bound
/// at once; what needs the rest of the dataset (a figure's notes, a
/// filter) waits for it, which starts loading now.
pub fn bind(drawn: &Route) {
    if binding_needs_rest(&drawn.page) {
        state::start_loading();
    }
    bind_now(drawn);
}

/// Whether a page's binding answers from more than the dataset's core (a
/// page drawn from the rest but with nothing to answer, the overview's
/// table, needs none once drawn).
fn binding_needs_rest(page: &Page) -> bool {
    match page {
        Page::Overview | Page::Renames => false,
        Page::Embed(inner) => binding_needs_rest(inner),
        p => needs_rest(p),
    }
}

fn bind_now(route: &Route) {
    let Some(main) = main_el() else { return };
    let mut b = Bound::new();
    let owner = b.owner.clone();
    owner.with(|| {
        super::embed::bind_kits(&mut b, &main);
        let (page, _embed) = match &route.page {
            Page::Embed(inner) => (&**inner, true),
            p => (p, false),
        };
        match page {
            Page::Targets(Some(id)) => super::targets::bind(&mut b, &main, route, id),
            Page::Targets(None) | Page::Overview => super::targets::bind_cards(&mut b, &main),
            #[cfg(feature = "explore")]
            Page::Map => super::map::bind(&mut b, &main, route),
            #[cfg(feature = "whole")]
            Page::Agencies(None) => super::agencies::bind_overview(&mut b, &main, route, _embed),
            #[cfg(feature = "whole")]
            Page::Agencies(Some(id)) => super::agencies::bind_agency(&mut b, &main, id),
            #[cfg(feature = "explore")]
            Page::Tasks => super::tasks::bind(&mut b, &main, route),
            #[cfg(feature = "explore")]
            Page::Task(_) | Page::Source(_) => super::source::bind(&mut b, &main, route),
            #[cfg(feature = "whole")]
            Page::Data => super::data::bind(&mut b, &main),
            #[cfg(feature = "whole")]
            Page::Import => super::import::bind(&mut b, &main),
            _ => {}
        }
    });
    BOUND.with(|slot| *slot.borrow_mut() = Some(b));
    // The address may ask for more than the page was drawn with.
    if use_route().peek(|r| r != route) {
        params_changed();
    }
}

/// Unbind the page on screen.
pub fn unbind() {
    BOUND.with(|b| b.borrow_mut().take());
}

/// Draw the page again from the dataset as it is now (the visitor's
/// imports arrived), keeping the visitor where they are.
pub fn refresh() {
    super::nav::redraw(false);
}
