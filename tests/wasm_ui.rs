//! The app in a real browser (headless Chromium via wasm-bindgen-test-runner):
//! started once on a page shaped as the offline file is (hash routes,
//! nothing drawn ahead), it draws each page it moves to and answers it.
#![cfg(target_arch = "wasm32")]

use changzhutan_plans::route::Route;
use changzhutan_plans::ui::{dom, nav};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Let the app run its effects and tasks (microtasks, timers, fetches).
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        dom::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 40)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// Wait until `selector` matches (the rest of the dataset arrives first).
async fn until(selector: &str) {
    for _ in 0..100 {
        if dom::document()
            .query_selector(selector)
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        tick().await;
    }
    panic!("{selector} never appeared");
}

/// The page the app runs on: `#app` with its `#main`, the error view, and
/// what boot.js gives the app (the rest of the dataset, split here from the
/// dataset parsed in the test; no seed texts). The app starts once.
async fn start() {
    use changzhutan_plans::plan::{compiled, Dataset};
    let window = dom::window();
    let doc = dom::document();
    if js_sys::Reflect::has(&window, &"__started".into()).unwrap_or(false) {
        return;
    }
    js_sys::Reflect::set(&window, &"__started".into(), &true.into()).unwrap();
    let (_, rest) = compiled::split(&Dataset::load());
    let bytes = js_sys::Uint8Array::from(compiled::encode(&rest).as_slice());
    js_sys::Reflect::set(&window, &"__rest".into(), &bytes).unwrap();
    let f = js_sys::Function::new_with_args("path", "return Promise.resolve(window.__rest)");
    js_sys::Reflect::set(&window, &"cztAssetBytes".into(), &f).unwrap();
    let html = doc.document_element().unwrap();
    html.set_attribute("data-build", "offline").unwrap();
    let body = doc.body().unwrap();
    for (id, hidden) in [("app", false), ("fatal", true), ("fatal-detail", false)] {
        let e = doc.create_element("div").unwrap();
        e.set_id(id);
        if hidden {
            e.set_attribute("hidden", "").unwrap();
        }
        body.append_child(&e).unwrap();
    }
    dom::window().location().set_hash("#/").unwrap();
    changzhutan_plans::ui::run();
    tick().await;
}

/// Go to `hash` as a link would.
async fn open(hash: &str) {
    start().await;
    nav::go(Route::parse(hash), true);
    tick().await;
}

fn count(selector: &str) -> u32 {
    dom::document()
        .query_selector_all(selector)
        .unwrap()
        .length()
}

fn text(selector: &str) -> String {
    dom::document()
        .query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn the_overview_lists_the_five_documents() {
    open("#/").await;
    until(".doc-table").await;
    assert_eq!(count(".doc-table tbody tr"), 5);
    assert!(text(".doc-table tbody tr[data-doc='000']").contains("湖南湘江新区重点任务责任分工"));
    assert_eq!(text(".doc-table tfoot td:nth-of-type(3)"), "86");
}

#[wasm_bindgen_test]
async fn task_search_filters_as_you_type() {
    open("#/tasks?q=%E8%99%9E%E5%85%AC%E6%B8%AF").await;
    until("#task-count").await;
    assert_eq!(text("#task-count"), "1");
    assert_eq!(count(".task-card[data-task='000-29']"), 1);
    assert_eq!(text(".task-card mark"), "虞公港");
    // Typing in the box updates the list and the address, not the page:
    // the box keeps its focus.
    let input: web_sys::HtmlInputElement = dom::document()
        .query_selector("#task-q")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.focus().unwrap();
    input.set_value("知识产权");
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    input
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    tick().await;
    // 000-7, 000-14, 000-16 name it; 003-5, 003-8, 003-12 are led by 省知识产权局
    // (its own agency since the audit: the reform kept it).
    assert_eq!(text("#task-count"), "6");
    assert!(dom::hash().contains("q=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83"));
    assert_eq!(
        dom::document().active_element().map(|e| e.id()),
        Some("task-q".to_string())
    );
}

#[wasm_bindgen_test]
async fn a_task_page_shows_units_problems_and_source_lines() {
    open("#/tasks/000-42").await;
    until(".problems").await;
    assert!(text(".problems").contains("责任单位缺失（原文截断）"));
    let hl = dom::document().query_selector_all(".source li.hl").unwrap();
    assert_eq!(hl.length(), 1);
    assert!(hl
        .get(0)
        .unwrap()
        .text_content()
        .unwrap()
        .contains("42．省财政支持新区发展每年5亿元"));
    open("#/tasks/003-5").await;
    until(".targets-table").await;
    assert!(text(".unit-list").contains("省市场监管局"));
    assert!(text(".unit-list").contains("省知识产权局"));
    // 省工商局 was merged into 省市场监管局: the name as written is said.
    assert!(text(".unit-list").contains("原文写作：省工商局"));
    assert!(text(".targets-table").contains("每万人发明专利拥有量达到15件"));
}

#[wasm_bindgen_test]
async fn the_map_draws_places_and_selects_one() {
    open("#/map?sel=green-heart").await;
    until(".place-panel").await;
    // The plotters layer, the focusable places over it, and the panel.
    assert!(count(".map-frame svg.chart g.static polyline") > 2);
    assert!(count(".map-frame .hit") > 30);
    assert!(text(".place-panel").contains("以长株潭生态绿心为核心(总面积528.32平方公里)"));
    assert!(text(".place-panel").contains("大托"));
    // Another place, by its address: the panel follows, the page stays.
    let map = dom::document()
        .query_selector(".map-frame")
        .unwrap()
        .unwrap();
    nav::go(Route::parse("#/map?sel=yugong-port"), true);
    tick().await;
    assert!(text(".place-panel").contains("虞公港"));
    let same = dom::document()
        .query_selector(".map-frame")
        .unwrap()
        .unwrap();
    assert!(map == same, "a new selection is the same page");
}

#[wasm_bindgen_test]
async fn a_target_page_answers_its_marks() {
    open("#/targets/gdp").await;
    until("svg.chart .hit").await;
    // The static layer (plotters' SVG) and the focusable marks over it (the
    // baseline, the target and the five implied years between), the figure
    // one Tab stop (a roving tab index).
    assert!(count("svg.chart g.static polyline") > 3);
    assert_eq!(count("svg.chart .hit"), 2 + 5);
    assert_eq!(count("svg.chart .hit[tabindex='0']"), 1);
    let mark = dom::document()
        .query_selector("svg.chart .hit")
        .unwrap()
        .unwrap();
    assert_eq!(
        mark.get_attribute("aria-label").unwrap(),
        "2019年 现状 1.68万亿元"
    );
    // Focusing a mark shows its quote.
    let mark: web_sys::SvgElement = mark.unchecked_into();
    mark.focus().unwrap();
    tick().await;
    assert!(text(".tooltip").contains("2019年,长株潭地区生产总值1.68万亿元"));
    assert_eq!(text(".tooltip mark"), "2019年,长株潭地区生产总值1.68万亿元");
    assert_eq!(count(".tooltip a.tip-link"), 1);
    assert!(text(".data-table").contains("按目标反推"));
}

#[wasm_bindgen_test]
async fn a_flow_switches_to_its_cumulative_view_in_place() {
    open("#/targets/maker-space").await;
    until(".view-switch").await;
    let before = text("svg.chart");
    let btn: web_sys::HtmlElement = dom::document()
        .query_selector(".view-switch button[data-view='cumulative']")
        .unwrap()
        .unwrap()
        .unchecked_into();
    btn.click();
    tick().await;
    assert!(dom::hash().contains("view=cumulative"));
    assert_eq!(btn.get_attribute("aria-pressed").as_deref(), Some("true"));
    assert_ne!(
        text("svg.chart"),
        before,
        "the chart shows the running totals"
    );
}

#[wasm_bindgen_test]
fn the_error_view_replaces_the_app() {
    let doc = dom::document();
    let body = doc.body().unwrap();
    for (id, hidden) in [("app-x", false), ("fatal-x", true)] {
        let e = doc.create_element("div").unwrap();
        e.set_id(id);
        if hidden {
            e.set_attribute("hidden", "").unwrap();
        }
        body.append_child(&e).unwrap();
    }
    // The view the page has: #fatal, #fatal-detail, #app (made by start()
    // for the other tests, here if this one runs first).
    if doc.get_element_by_id("fatal").is_none() {
        for (id, hidden) in [("app", false), ("fatal", true), ("fatal-detail", false)] {
            let e = doc.create_element("div").unwrap();
            e.set_id(id);
            if hidden {
                e.set_attribute("hidden", "").unwrap();
            }
            body.append_child(&e).unwrap();
        }
    }
    let html = doc.document_element().unwrap();
    let before = html.get_attribute("data-app");
    dom::show_fatal("boom");
    assert!(!doc
        .get_element_by_id("fatal")
        .unwrap()
        .has_attribute("hidden"));
    assert!(doc
        .get_element_by_id("app")
        .unwrap()
        .has_attribute("hidden"));
    assert_eq!(
        doc.get_element_by_id("fatal-detail")
            .unwrap()
            .text_content()
            .unwrap(),
        "boom"
    );
    assert_eq!(html.get_attribute("data-app").unwrap(), "error");
    // Undo, for the tests that run after this one.
    doc.get_element_by_id("fatal")
        .unwrap()
        .set_attribute("hidden", "")
        .unwrap();
    doc.get_element_by_id("app")
        .unwrap()
        .remove_attribute("hidden")
        .unwrap();
    match before {
        Some(v) => html.set_attribute("data-app", &v).unwrap(),
        None => html.remove_attribute("data-app").unwrap(),
    }
}
