//! A real panic in the browser shows the error view. In a file of its own:
//! after a panic the wasm instance stays "panicking" (there is no unwinding
//! on wasm32), so no other test may run in it afterwards.
#![cfg(target_arch = "wasm32")]

use changzhutan_plans::ui::dom;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

async fn tick() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        dom::window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 50)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_panic_shows_the_error_view() {
    use wasm_bindgen::closure::Closure;
    // The page's error view, as index.html has it.
    let doc = dom::document();
    let fatal = doc.create_element("div").unwrap();
    fatal.set_id("fatal");
    fatal.set_attribute("hidden", "").unwrap();
    let detail = doc.create_element("pre").unwrap();
    detail.set_id("fatal-detail");
    fatal.append_child(&detail).unwrap();
    doc.body().unwrap().append_child(&fatal).unwrap();
    changzhutan_plans::ui::install_panic_hook();
    // A panic in an event of its own (as a handler's would be).
    let boom = Closure::once_into_js(|| -> () { panic!("deliberate panic (error view check)") });
    dom::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(boom.unchecked_ref(), 0)
        .unwrap();
    tick().await;
    assert!(!fatal.has_attribute("hidden"), "the error view is shown");
    assert!(detail
        .text_content()
        .unwrap_or_default()
        .contains("deliberate panic (error view check)"));
    let html = doc.document_element().unwrap();
    assert_eq!(html.get_attribute("data-app").as_deref(), Some("error"));
    html.remove_attribute("data-app").unwrap();
    fatal.remove();
}
