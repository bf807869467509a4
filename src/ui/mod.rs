//! The Leptos layer: thin components over the pure model (wasm32 only).
//!
//! Components own signals, routing, events and the DOM; they never parse
//! text or compute geometry (that is `plan` and `draw`).

// The light build (no `all-pages`) compiles every module but routes only to
// the targets: the linker drops the rest.
#![cfg_attr(not(feature = "all-pages"), allow(dead_code, unused_imports))]

mod agencies;
mod app;
mod assets;
mod chart;
mod data;
pub mod dom;
mod embed;
mod import;
mod imports;
mod map;
mod overview;
mod source;
pub mod state;
mod targets;
mod tasks;

use wasm_bindgen::prelude::*;

pub use app::App;
pub use state::{dataset, search_index};

/// Install the panic hook: a panic shows the error view instead of a blank page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        dom::show_fatal(&info.to_string());
    }));
}

/// Mount the app into `#app`, replacing its static fallback content.
/// Called by the page's boot script after the wasm module is initialised.
#[wasm_bindgen]
pub fn run() {
    install_panic_hook();
    let Some(root) = dom::element_by_id("app") else {
        dom::show_fatal("#app not found");
        return;
    };
    root.set_inner_html("");
    let root: web_sys::HtmlElement = root.unchecked_into();
    let handle = leptos::mount::mount_to(root, App);
    MOUNTED.with(|m| *m.borrow_mut() = Some(Box::new(handle)));
    dom::count_app(1);
    dom::mark_ready();
}

thread_local! {
    /// The mounted app (dropping it unmounts it and disposes its owner).
    static MOUNTED: std::cell::RefCell<Option<Box<dyn std::any::Any>>> =
        const { std::cell::RefCell::new(None) };
}

/// Unmount the app: its DOM, effects and listeners go. The light build is
/// unmounted when the whole app takes over (boot.js, `cztUpgrade`).
#[wasm_bindgen]
pub fn unmount() {
    if let Some(app) = MOUNTED.with(|m| m.borrow_mut().take()) {
        drop(app);
        dom::count_app(-1);
    }
}
