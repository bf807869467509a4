//! The files the app loads when it needs them (a seed's text, the rest of
//! the dataset): boot.js's `cztAssetBytes` and `cztSeedText` fetch them next
//! to the page, or decode the copies the offline file carries.

use wasm_bindgen::JsValue;

use super::dom::{self, call, js_fn};

/// Call the page's `window[hook](arg)` and wait for it; `missing` says what
/// the page cannot do without it.
async fn ask_page(hook: &str, arg: &str, missing: &str) -> Result<JsValue, String> {
    let f = js_fn(&dom::window(), hook).ok_or(missing)?;
    call(&f, &JsValue::NULL, &[&arg.into()]).await
}

/// A file of the site as bytes: `window.cztAssetBytes(path)` (boot.js)
/// fetches it next to the page, or decodes the copy the offline file carries.
pub async fn asset_bytes(path: &str) -> Result<Vec<u8>, String> {
    let v = ask_page(
        "cztAssetBytes",
        path,
        "this page cannot load the app's files",
    )
    .await?;
    Ok(js_sys::Uint8Array::new(&v).to_vec())
}

/// Ask the page for a seed's text: `window.cztSeedText(file)` (boot.js)
/// fetches `seeds/<file>` next to the page, or decodes the copy the offline
/// file carries.
pub async fn fetch_text(file: &str) -> Result<String, String> {
    let v = ask_page("cztSeedText", file, "this page cannot load source texts").await?;
    v.as_string().ok_or_else(|| "not text".into())
}
