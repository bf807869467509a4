//! A figure the page shows, taken over where it is: its drawing stays as
//! the page has it (the build wrote it at each width, CSS shows the one
//! that fits), and the app answers hovers, taps and keys on its marks with
//! the figure's notes, highlights and links, lays it out again when its box
//! crosses to another width or its view changes, and makes its downloads.
//!
//! The figure itself (`draw::figure::Figure`: the notes, the highlights,
//! the data) is computed when it is first needed: a page taken over costs
//! nothing until the visitor points at it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::dom;
use crate::draw::figure::{mark_id, Figure};
use crate::draw::widths::fit;

/// How a figure is drawn at a width (its page's state is the closure's).
pub type Compute = Rc<dyn Fn(f64) -> Figure>;

/// What a click on a mark does with the mark's link.
pub type Follow = Rc<dyn Fn(&str)>;

/// A resize observer and its callback (kept together, dropped together).
type Observer = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// A figure on the page, bound.
pub struct Fig {
    root: web_sys::Element,
    id: String,
    compute: RefCell<Compute>,
    follow: Follow,
    /// The width the shown drawing was laid out at, its box, and the
    /// figure (computed when first needed).
    width: Cell<f64>,
    figure: RefCell<Option<Rc<Figure>>>,
    focused: Cell<Option<usize>>,
    pinned: Cell<bool>,
    /// Drawn from the whole dataset: its notes wait for the rest of it.
    needs_full: bool,
    /// A mark pointed at before the data came: answered when it does.
    wanted: Cell<Option<usize>>,
    me: RefCell<std::rc::Weak<Fig>>,
    listeners: RefCell<Vec<gloo::events::EventListener>>,
    observer: RefCell<Option<Observer>>,
}

impl Drop for Fig {
    fn drop(&mut self) {
        if let Some((o, _)) = self.observer.borrow_mut().take() {
            o.disconnect();
        }
    }
}

/// The index of the mark an event happened on (`data-i` of its `.hit`).
fn mark_of(target: Option<web_sys::EventTarget>) -> Option<usize> {
    dom::closest(target, ".hit")?
        .get_attribute("data-i")?
        .parse()
        .ok()
}

/// Whether a pointer event comes from a finger or a pen (no hover notes).
fn is_touch(ev: &web_sys::Event) -> bool {
    ev.dyn_ref::<web_sys::PointerEvent>()
        .is_some_and(|p| p.pointer_type() != "mouse")
}

impl Fig {
    /// Take over the figure `root` (`figure.chart-figure`), drawn by
    /// `compute` (from the whole dataset with `needs_full`).
    pub fn bind(
        root: web_sys::Element,
        compute: Compute,
        follow: Follow,
        needs_full: bool,
    ) -> Rc<Fig> {
        let id = root.get_attribute("data-fig").unwrap_or_default();
        let fig = Rc::new(Fig {
            root,
            id,
            compute: RefCell::new(compute),
            follow,
            width: Cell::new(0.0),
            figure: RefCell::new(None),
            focused: Cell::new(None),
            pinned: Cell::new(false),
            needs_full,
            wanted: Cell::new(None),
            me: RefCell::new(std::rc::Weak::new()),
            listeners: RefCell::new(Vec::new()),
            observer: RefCell::new(None),
        });
        *fig.me.borrow_mut() = Rc::downgrade(&fig);
        fig.keep_shown();
        Fig::listen(&fig);
        Fig::observe(&fig);
        // A pointer already over a mark, or a mark focused before the app
        // came, is answered now.
        if let Some(i) = dom::query(&fig.root, ".hit:hover")
            .and_then(|e| e.get_attribute("data-i"))
            .and_then(|v| v.parse().ok())
        {
            fig.enter(i);
        }
        fig
    }

    fn wrap(&self) -> Option<web_sys::Element> {
        dom::query(&self.root, ".chart-wrap")
    }

    /// The width its box gives the figure now.
    fn fitting(&self) -> f64 {
        fit(self.wrap().map(|w| dom::content_width(&w)).unwrap_or(0.0))
    }

    /// Keep the drawing CSS shows (the build wrote one per width), drop
    /// the others; draw it anew if none fits.
    fn keep_shown(&self) {
        let w = self.fitting();
        let boxes = dom::query_all(&self.root, ".chart-box");
        let at = |b: &web_sys::Element, attr: &str| {
            b.get_attribute(attr).and_then(|v| v.parse::<f64>().ok()) == Some(w)
        };
        // One of the drawings the build wrote at each width, or the single
        // one the app drew, if it has the width the box gives.
        let kept = boxes
            .iter()
            .find(|b| at(b, "data-w") || at(b, "data-at"))
            .cloned();
        match kept {
            Some(k) => {
                for b in boxes.iter().filter(|b| **b != k) {
                    b.remove();
                }
                if k.has_attribute("data-w") {
                    let _ = k.remove_attribute("data-w");
                    let _ = k.set_attribute("data-at", &w.to_string());
                }
                self.width.replace(w);
            }
            None => self.draw(w),
        }
    }

    /// Lay the figure out at `w` and show it.
    fn draw(&self, w: f64) {
        let f = Rc::new((self.compute.borrow())(w));
        let html = crate::pages::figure::drawing(&f, &self.id, w, false);
        let boxes = dom::query_all(&self.root, ".chart-box");
        match (self.wrap(), boxes.first()) {
            (Some(_), Some(first)) => {
                first.set_outer_html(&html);
                for b in boxes.iter().skip(1) {
                    b.remove();
                }
            }
            (Some(wrap), None) => wrap.set_inner_html(&html),
            _ => {}
        }
        self.width.replace(w);
        *self.figure.borrow_mut() = Some(f);
        self.focused.replace(None);
        self.pinned.replace(false);
    }

    /// Draw at a new width (the box changed: a phone turned, a panel
    /// opened, the page grew a scrollbar), keeping what the visitor was at:
    /// the mark in focus, its note, pinned or not, and the focus in the note.
    fn resize(&self, w: f64) {
        let (was, pinned) = (self.focused.get(), self.pinned.get());
        let active = dom::document()
            .active_element()
            .filter(|a| self.root.contains(Some(a)));
        let within = |sel: &str| {
            active
                .as_ref()
                .is_some_and(|a| a.closest(sel).ok().flatten().is_some())
        };
        let (in_mark, in_tip) = (within(".hit"), within(".tooltip"));
        self.draw(w);
        let Some(i) = was.filter(|&i| i < self.figure().scene.hits.len()) else {
            return;
        };
        if in_mark || in_tip {
            // Its focus event shows the note (not pinned: drawn anew).
            self.focus_mark(i);
        }
        self.pinned.replace(pinned);
        if pinned || self.focused.get() != Some(i) {
            self.show(Some(i));
        }
        if in_tip {
            dom::focus(&self.note_link());
        }
    }

    /// Draw again (the page's state changed), at the width it has.
    pub fn redraw(&self, compute: Compute) {
        *self.compute.borrow_mut() = compute;
        self.draw(self.fitting());
    }

    /// The figure shown (computed when first asked for).
    pub fn figure(&self) -> Rc<Figure> {
        if let Some(f) = self.figure.borrow().as_ref() {
            return f.clone();
        }
        let f = Rc::new((self.compute.borrow())(self.width.get()));
        *self.figure.borrow_mut() = Some(f.clone());
        f
    }

    /// The element id prefix of the shown drawing's marks.
    fn prefix(&self) -> String {
        dom::query(&self.root, ".marks")
            .map(|m| m.id().trim_end_matches("-marks").to_string())
            .unwrap_or_default()
    }

    fn mark(&self, i: usize) -> Option<web_sys::Element> {
        dom::element_by_id(&mark_id(&self.prefix(), i))
    }

    fn tip_id(&self) -> String {
        format!("{}-tip", self.id)
    }

    /// The selector of the shown note's link (where a pinned note takes the focus).
    fn note_link(&self) -> String {
        format!("#{} a", self.tip_id())
    }

    /// Show mark `i` as active: its class, highlight and note.
    fn show(&self, i: Option<usize>) {
        if let Some(p) = self.focused.get() {
            if let Some(el) = self.mark(p) {
                let _ = el.class_list().remove_1("active");
                let _ = el.remove_attribute("aria-describedby");
            }
        }
        if let Some(old) = dom::element_by_id(&self.tip_id()) {
            old.remove();
        }
        self.focused.replace(i);
        let svg = dom::query(&self.root, "svg.chart");
        let highlight = dom::query(&self.root, "g.highlight");
        let Some(i) = i else {
            if let Some(s) = svg {
                let _ = s.class_list().remove_1("has-active");
            }
            if let Some(h) = highlight {
                h.set_inner_html("");
            }
            return;
        };
        let f = self.figure();
        let Some(hit) = f.scene.hits.get(i) else {
            return;
        };
        if let Some(s) = &svg {
            let _ = s.class_list().add_1("has-active");
        }
        if let Some(h) = highlight {
            dom::set_html(&h, &hit.highlight);
        }
        let Some(tip) = hit
            .tip
            .as_ref()
            .map(|t| crate::pages::figure::tip_html(super::state::lang(), t))
        else {
            return;
        };
        if let Some(el) = self.mark(i) {
            let _ = el.class_list().add_1("active");
            let _ = el.set_attribute("aria-describedby", &self.tip_id());
        }
        let (cx, cy) = hit.shape.center();
        let (fx, fy) = (cx / f.scene.width, cy / f.scene.height);
        // The drawing the mark is in (while the page is taken over, the
        // figure may still hold a drawing for another width, hidden).
        let shown = self
            .mark(i)
            .and_then(|m| m.closest(".chart-box").ok().flatten());
        let Some(bx) = shown.or_else(|| dom::query(&self.root, ".chart-box")) else {
            return;
        };
        let Ok(el) = dom::document().create_element("div") else {
            return;
        };
        let mut class = String::from("tooltip");
        if fy < 0.35 {
            class.push_str(" below");
        }
        if self.pinned.get() {
            class.push_str(" pinned");
        }
        el.set_class_name(&class);
        el.set_id(&self.tip_id());
        let _ = el.set_attribute("role", "tooltip");
        el.set_inner_html(&format!(
            "<div class=\"tip-body\">{tip}</div><button type=\"button\" class=\"tip-close\" aria-label=\"{}\">×</button>",
            crate::markup::esc(super::state::texts().close_panel)
        ));
        let style = el.unchecked_ref::<web_sys::HtmlElement>().style();
        let _ = style.set_property("top", &format!("{:.2}%", (fy * 100.0).clamp(0.0, 100.0)));
        let _ = bx.append_child(&el);
        // Its left edge keeps it inside what the visitor sees of the figure
        // (a wide heatmap scrolls sideways; a phone leaves little room):
        // centred on the mark where that fits, else moved in from the edge
        // it crosses (measured once in the page, before it is painted).
        let seen = dom::query(&self.root, ".chart-wrap").unwrap_or_else(|| bx.clone());
        let (b, s) = (
            bx.get_bounding_client_rect(),
            seen.get_bounding_client_rect(),
        );
        let w = el.get_bounding_client_rect().width();
        let px = b.left() + fx * b.width();
        let left = (px - w / 2.0).min(s.right() - w).max(s.left());
        let _ = style.set_property("left", &format!("{:.1}px", left - b.left()));
    }

    /// Whether the figure can be computed now; else, once the data is
    /// here, mark `i` is answered (if the visitor is still at it).
    fn ready_for(&self, i: usize) -> bool {
        if !self.needs_full || super::state::has_full() {
            return true;
        }
        if self.wanted.replace(Some(i)).is_none() {
            let me = self.me.borrow().clone();
            leptos::task::spawn_local(async move {
                if super::state::full().await.is_err() {
                    return;
                }
                if let Some(fig) = me.upgrade() {
                    if let Some(i) = fig.wanted.take() {
                        fig.enter(i);
                    }
                }
            });
        }
        false
    }

    fn enter(&self, i: usize) {
        if !self.ready_for(i) {
            return;
        }
        if !self.pinned.get() && self.focused.get() != Some(i) {
            self.show(Some(i));
        }
    }

    fn leave(&self) {
        self.wanted.take();
        if !self.pinned.get() {
            self.show(None);
        }
    }

    fn unpin(&self) {
        self.pinned.replace(false);
        self.show(None);
    }

    fn focus_mark(&self, i: usize) {
        if let Some(el) = self.mark(i) {
            if let Ok(el) = el.dyn_into::<web_sys::SvgElement>() {
                let _ = el.focus();
            }
        }
    }

    /// A click, Enter or Space on mark `i`: follow its link, or pin its note.
    fn activate(&self, i: usize, keyboard: bool) {
        if !self.ready_for(i) {
            return;
        }
        let f = self.figure();
        let Some(hit) = f.scene.hits.get(i) else {
            return;
        };
        match (f.follow, hit.href.as_deref(), hit.tip.is_some()) {
            (true, Some(h), _) | (false, Some(h), false) => {
                // The note goes with the choice (a tap leaves nothing over the map).
                self.pinned.replace(false);
                self.show(None);
                (self.follow)(h);
            }
            (_, _, true) => {
                self.pinned.replace(true);
                self.show(Some(i));
                if keyboard {
                    let sel = self.note_link();
                    // outlives: touches only the DOM.
                    gloo::timers::callback::Timeout::new(0, move || dom::focus(&sel)).forget();
                }
            }
            _ => {}
        }
    }

    fn listen(fig: &Rc<Fig>) {
        let target: web_sys::EventTarget = fig.root.clone().into();
        let mut l = Vec::new();
        let f = Rc::downgrade(fig);
        l.push(dom::listen(&target, "pointerover", move |ev| {
            let Some(fig) = f.upgrade() else { return };
            if is_touch(ev) {
                return;
            }
            if let Some(i) = mark_of(ev.target()) {
                fig.enter(i);
            }
        }));
        let f = Rc::downgrade(fig);
        l.push(dom::listen(&target, "pointerout", move |ev| {
            let Some(fig) = f.upgrade() else { return };
            let Some(p) = ev.dyn_ref::<web_sys::PointerEvent>() else {
                return;
            };
            // Leaving for another part of the same mark is no leaving.
            if mark_of(p.related_target()) != mark_of(ev.target()) && !is_touch(ev) {
                fig.leave();
            }
        }));
        let f = Rc::downgrade(fig);
        l.push(dom::listen(&target, "focusin", move |ev| {
            let Some(fig) = f.upgrade() else { return };
            let Some(i) = mark_of(ev.target()) else {
                return;
            };
            // The roving tab index: this mark is the figure's Tab stop now.
            for old in dom::query_all(&fig.root, ".marks [tabindex=\"0\"]") {
                let _ = old.set_attribute("tabindex", "-1");
            }
            if let Some(el) = fig.mark(i) {
                let _ = el.set_attribute("tabindex", "0");
            }
            fig.enter(i);
        }));
        let f = Rc::downgrade(fig);
        l.push(dom::listen(&target, "focusout", move |ev| {
            let Some(fig) = f.upgrade() else { return };
            let to = ev
                .dyn_ref::<web_sys::FocusEvent>()
                .and_then(|e| e.related_target());
            let inside = to
                .and_then(|t| t.dyn_into::<web_sys::Node>().ok())
                .is_some_and(|n| fig.root.contains(Some(&n)));
            if mark_of(ev.target()).is_some() && !inside {
                fig.leave();
            }
        }));
        let f = Rc::downgrade(fig);
        l.push(dom::listen(&target, "keydown", move |ev| {
            let Some(fig) = f.upgrade() else { return };
            let Some(k) = ev.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            // Escape on the note: back to its mark.
            if dom::closest(ev.target(), ".tooltip").is_some() {
                if k.key() == "Escape" {
                    ev.prevent_default();
                    if let Some(i) = fig.focused.get() {
                        fig.focus_mark(i);
                    }
                    fig.unpin();
                }
                return;
            }
            let Some(i) = mark_of(ev.target()) else {
                return;
            };
            let last = fig
                .figure
                .borrow()
                .as_ref()
                .map(|f| f.scene.hits.len())
                .unwrap_or_else(|| dom::query_all(&fig.root, ".hit").len())
                .saturating_sub(1);
            let to = match k.key().as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    fig.activate(i, true);
                    return;
                }
                "Escape" => {
                    fig.unpin();
                    return;
                }
                "ArrowRight" | "ArrowDown" => (i + 1).min(last),
                "ArrowLeft" | "ArrowUp" => i.saturating_sub(1),
                "Home" => 0,
                "End" => last,
                _ => return,
            };
            ev.prevent_default();
            ev.stop_propagation();
            fig.focus_mark(to);
        }));
        let f = Rc::downgrade(fig);
        l.push(dom::listen(&target, "click", move |ev| {
            let Some(fig) = f.upgrade() else { return };
            if dom::closest(ev.target(), ".tip-close").is_some() {
                let i = fig.focused.get();
                fig.unpin();
                if let Some(i) = i {
                    fig.focus_mark(i);
                }
                return;
            }
            if let Some(i) = mark_of(ev.target()) {
                fig.activate(i, false);
            }
        }));
        // The downloads under the figure: made from the figure shown.
        if let Some(dl) = fig
            .root
            .next_element_sibling()
            .filter(|e| e.class_list().contains("chart-downloads"))
        {
            let f = Rc::downgrade(fig);
            l.push(dom::listen(&dl.into(), "click", move |ev| {
                let Some(fig) = f.upgrade() else { return };
                let Some(kind) = dom::closest(ev.target(), "[data-download]")
                    .and_then(|e| e.get_attribute("data-download"))
                else {
                    return;
                };
                ev.prevent_default();
                let f = fig.figure();
                match kind.as_str() {
                    "svg" => {
                        dom::download(&format!("{}.svg", f.file), "image/svg+xml", &f.document())
                    }
                    "png" => dom::download_png(&f.document(), &format!("{}.png", f.file), 2.0),
                    "csv" => dom::download(
                        &format!("{}.csv", f.file),
                        "text/csv;charset=utf-8",
                        &f.csv(),
                    ),
                    _ => {}
                }
            }));
        }
        *fig.listeners.borrow_mut() = l;
    }

    /// Lay the figure out again when its box crosses to another width.
    fn observe(fig: &Rc<Fig>) {
        let Some(wrap) = fig.wrap() else { return };
        let f = Rc::downgrade(fig);
        let cb = Closure::<dyn FnMut(js_sys::Array)>::new(move |_: js_sys::Array| {
            let Some(fig) = f.upgrade() else { return };
            let w = fig.fitting();
            if w != fig.width.get() {
                fig.resize(w);
            }
        });
        if let Ok(o) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            o.observe(&wrap);
            *fig.observer.borrow_mut() = Some((o, cb));
        }
    }
}
