//! The task explorer: the search box and filters write the address (in
//! place: no history entry per keystroke), the results follow it; the
//! filters fold on a phone; more results come a page at a time.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;

use super::bound::Bound;
use super::dom;
use super::nav;
use super::state::{ctx, search_index};
use crate::pages::tasks::{results, task_filter, PAGE};
use crate::route::Route;
use plan::query::{terms, TaskFilter};

struct Live {
    main: web_sys::Element,
    shown: RefCell<TaskFilter>,
    limit: Cell<usize>,
}

impl Live {
    fn draw(&self) {
        let f = self.shown.borrow().clone();
        let c = ctx();
        let found = search_index().filter(c.ds, &f);
        if let Some(r) = dom::query(&self.main, ".results") {
            dom::set_html(&r, &results(c, &found, &terms(&f.query), self.limit.get()));
        }
    }

    fn follow(&self, r: &Route) {
        let f = task_filter(r);
        let before = self.shown.replace(f.clone());
        if before == f {
            return;
        }
        self.limit.replace(PAGE);
        let c = ctx();
        // The controls show the route's filters (after Back, say).
        if let Some(q) = dom::query(&self.main, "#task-q") {
            dom::write_value(&q, &f.query);
        }
        let doc = f.document.as_deref().unwrap_or("");
        if before.document != f.document {
            if let Some(cat) = dom::query(&self.main, "#task-cat") {
                dom::set_html(&cat, &crate::pages::category_options(c, doc));
            }
        }
        for (id, v) in [
            ("#task-doc", doc),
            ("#task-cat", f.category.as_deref().unwrap_or("")),
            ("#task-agency", f.agency.as_deref().unwrap_or("")),
        ] {
            if let Some(el) = dom::query(&self.main, id) {
                dom::write_value(&el, v);
            }
        }
        let n = [
            f.document.is_some(),
            f.category.is_some(),
            f.agency.is_some(),
        ]
        .iter()
        .filter(|x| **x)
        .count();
        if let Some(el) = dom::query(&self.main, ".filter-n") {
            el.set_text_content(Some(&if n > 0 {
                format!(" ({n})")
            } else {
                String::new()
            }));
        }
        self.draw();
    }
}

pub fn bind(b: &mut Bound, main: &web_sys::Element, drawn: &Route) {
    let live = Rc::new(Live {
        main: main.clone(),
        shown: RefCell::new(task_filter(drawn)),
        limit: Cell::new(PAGE),
    });
    if let Some(form) = dom::query(main, "form.filters") {
        b.listen(&form, "submit", |ev| ev.prevent_default());
        b.listen(&form, "input", |ev| {
            if let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                if el.id() == "task-q" {
                    nav::set_param("q", &dom::value_of(&el));
                }
            }
        });
        b.listen(&form, "change", |ev| {
            let Some(el) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            else {
                return;
            };
            let v = dom::value_of(&el);
            match el.id().as_str() {
                "task-doc" => nav::set_params(&[("cat", ""), ("doc", &v)]),
                "task-cat" => nav::set_param("cat", &v),
                "task-agency" => nav::set_param("agency", &v),
                _ => {}
            }
        });
        b.listen(&form, "click", |ev| {
            let Some(t) = dom::closest(ev.target(), ".filters-toggle") else {
                return;
            };
            let open = t.get_attribute("aria-expanded").as_deref() != Some("true");
            let _ = t.set_attribute("aria-expanded", if open { "true" } else { "false" });
            if let Some(more) = dom::element_by_id("task-filters") {
                let _ = more.class_list().toggle_with_force("open", open);
            }
        });
    }
    if let Some(r) = dom::query(main, ".results") {
        let l = live.clone();
        b.listen(&r, "click", move |ev| {
            if dom::closest(ev.target(), ".show-more").is_some() {
                l.limit.replace(l.limit.get() + PAGE);
                l.draw();
            }
        });
    }
    let l = live.clone();
    b.on_params(move |r| l.follow(r));
    // What was typed or chosen before the app came: it counts now.
    let typed = |id: &str| {
        dom::query(main, id)
            .map(|e| dom::value_of(&e))
            .unwrap_or_default()
    };
    let f = task_filter(drawn);
    let now = [
        ("q", typed("#task-q"), f.query.clone()),
        (
            "doc",
            typed("#task-doc"),
            f.document.clone().unwrap_or_default(),
        ),
        (
            "cat",
            typed("#task-cat"),
            f.category.clone().unwrap_or_default(),
        ),
        (
            "agency",
            typed("#task-agency"),
            f.agency.clone().unwrap_or_default(),
        ),
    ];
    let changed: Vec<(&str, &str)> = now
        .iter()
        .filter(|(_, v, was)| v != was)
        .map(|(k, v, _)| (*k, v.as_str()))
        .collect();
    if !changed.is_empty() {
        nav::set_params(&changed);
    }
}
