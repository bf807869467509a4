//! Components in a real browser (headless Chromium via wasm-bindgen-test-runner).
#![cfg(target_arch = "wasm32")]

use changzhutan_plans::ui::{dom, App};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Let Leptos run its effects (they are scheduled on microtasks / timers).
async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        dom::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

/// What the page's boot.js gives the app: the rest of the dataset (here
/// split from the dataset parsed in the test itself) and no seed texts.
fn provide_assets() {
    use changzhutan_plans::plan::{compiled, Dataset};
    let window = dom::window();
    if js_sys::Reflect::has(&window, &"cztAssetBytes".into()).unwrap_or(false) {
        return;
    }
    let (_, rest) = compiled::split(&Dataset::load());
    let bytes = js_sys::Uint8Array::from(compiled::encode(&rest).as_slice());
    js_sys::Reflect::set(&window, &"__rest".into(), &bytes).unwrap();
    let f = js_sys::Function::new_with_args("path", "return Promise.resolve(window.__rest)");
    js_sys::Reflect::set(&window, &"cztAssetBytes".into(), &f).unwrap();
}

/// Mount the app at `hash` into a fresh container; returns the container.
async fn mount(hash: &str) -> web_sys::HtmlElement {
    provide_assets();
    dom::window().location().set_hash(hash).unwrap();
    let doc = dom::document();
    let div: web_sys::HtmlElement = doc.create_element("div").unwrap().unchecked_into();
    doc.body().unwrap().append_child(&div).unwrap();
    leptos::mount::mount_to(div.clone(), App).forget();
    tick().await;
    div
}

fn count(root: &web_sys::HtmlElement, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn text(root: &web_sys::HtmlElement, selector: &str) -> String {
    root.query_selector(selector)
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn overview_lists_the_five_documents() {
    let root = mount("#/").await;
    assert_eq!(count(&root, ".doc-table tbody tr"), 5);
    assert!(
        text(&root, ".doc-table tbody tr[data-doc='000']").contains("湖南湘江新区重点任务责任分工")
    );
    assert_eq!(text(&root, ".doc-table tfoot td:nth-of-type(3)"), "86");
    root.remove();
}

#[wasm_bindgen_test]
async fn task_search_filters_as_you_type() {
    let root = mount("#/tasks?q=%E8%99%9E%E5%85%AC%E6%B8%AF").await;
    assert_eq!(text(&root, "#task-count"), "1");
    assert_eq!(count(&root, ".task-card[data-task='000-29']"), 1);
    assert_eq!(text(&root, ".task-card mark"), "虞公港");
    // Typing in the box updates the list and the URL, without a new page.
    let input: web_sys::HtmlInputElement = root
        .query_selector("#task-q")
        .unwrap()
        .unwrap()
        .unchecked_into();
    input.set_value("知识产权");
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    tick().await;
    assert_eq!(text(&root, "#task-count"), "15");
    assert!(dom::hash().contains("q=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83"));
    root.remove();
}

#[wasm_bindgen_test]
async fn task_page_shows_units_problems_and_source_lines() {
    let root = mount("#/tasks/000-42").await;
    assert!(text(&root, ".problems").contains("责任单位缺失（原文截断）"));
    let hl = root.query_selector_all(".source li.hl").unwrap();
    assert_eq!(hl.length(), 1);
    assert!(hl
        .get(0)
        .unwrap()
        .text_content()
        .unwrap()
        .contains("42．省财政支持新区发展每年5亿元"));
    root.remove();

    let root = mount("#/tasks/003-5").await;
    assert!(text(&root, ".unit-list").contains("省市场监管局"));
    assert!(text(&root, ".unit-list").contains("原文写作：省知识产权局"));
    assert!(text(&root, ".targets-table").contains("每万人发明专利拥有量达到15件"));
    root.remove();
}

#[wasm_bindgen_test]
async fn map_draws_places_and_selects_one() {
    let root = mount("#/map?sel=green-heart").await;
    // The plotters layer, the focusable places over it, and the panel.
    assert!(count(&root, ".map-frame svg.chart g.static polyline") > 2);
    assert!(count(&root, ".map-frame .hit") > 30);
    assert!(text(&root, ".place-panel").contains("以长株潭生态绿心为核心(总面积528.32平方公里)"));
    assert!(text(&root, ".place-panel").contains("大托"));
    root.remove();
}

#[wasm_bindgen_test]
fn error_view_replaces_the_app() {
    let doc = dom::document();
    let body = doc.body().unwrap();
    for (id, hidden) in [("app", false), ("fatal", true), ("fatal-detail", false)] {
        let e = doc.create_element("div").unwrap();
        e.set_id(id);
        if hidden {
            e.set_attribute("hidden", "").unwrap();
        }
        body.append_child(&e).unwrap();
    }
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
    assert_eq!(
        doc.document_element()
            .unwrap()
            .get_attribute("data-app")
            .unwrap(),
        "error"
    );
}

#[wasm_bindgen_test]
async fn target_detail_draws_marks_over_the_plotters_layer() {
    let root = mount("#/targets/gdp").await;
    // The static layer (plotters' SVG) and two focusable marks over it, the
    // figure one Tab stop (a roving tab index).
    assert!(count(&root, "svg.chart g.static polyline") > 3);
    assert_eq!(count(&root, "svg.chart .hit"), 2);
    assert_eq!(count(&root, "svg.chart .hit[tabindex='0']"), 1);
    let mark = root.query_selector("svg.chart .hit").unwrap().unwrap();
    assert_eq!(
        mark.get_attribute("aria-label").unwrap(),
        "2019年 现状 1.68万亿元"
    );
    // Focusing a mark shows its quote.
    let mark: web_sys::SvgElement = mark.unchecked_into();
    mark.focus().unwrap();
    tick().await;
    assert!(text(&root, ".tooltip").contains("2019年,长株潭地区生产总值1.68万亿元"));
    assert_eq!(
        text(&root, ".tooltip mark"),
        "2019年,长株潭地区生产总值1.68万亿元"
    );
    assert_eq!(count(&root, ".tooltip a.tip-link"), 1);
    assert!(text(&root, ".data-table").contains("按目标反推"));
    root.remove();
}
