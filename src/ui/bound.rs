//! What a page's binding holds while the page is on screen.

use std::rc::Rc;

use leptos::prelude::*;

use super::dom;
use super::figure::Fig;
use crate::route::Route;

/// What a page's binding holds: its listeners, figures and reactive owner
/// (its effects); dropping it unbinds the page.
pub struct Bound {
    pub owner: Owner,
    pub listeners: Vec<gloo::events::EventListener>,
    pub figures: Vec<Rc<Fig>>,
    /// Called when the route's parameters change on this page.
    pub on_params: Vec<OnParams>,
}

/// What answers new parameters on the page.
pub type OnParams = Box<dyn Fn(&Route)>;

impl Default for Bound {
    fn default() -> Bound {
        Bound::new()
    }
}

impl Bound {
    pub fn new() -> Bound {
        Bound {
            owner: Owner::new(),
            listeners: Vec::new(),
            figures: Vec::new(),
            on_params: Vec::new(),
        }
    }
    pub fn listen(
        &mut self,
        target: &web_sys::Element,
        event: &'static str,
        f: impl FnMut(&web_sys::Event) + 'static,
    ) {
        let t: &web_sys::EventTarget = target.as_ref();
        self.listeners.push(dom::listen(t, event, f));
    }
    /// Run `f` whenever the route's parameters change on this page.
    pub fn on_params(&mut self, f: impl Fn(&Route) + 'static) {
        self.on_params.push(Box::new(f));
    }
}

impl Drop for Bound {
    fn drop(&mut self) {
        self.owner.cleanup();
    }
}
