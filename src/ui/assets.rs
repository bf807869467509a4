//! The files the app loads when it needs them (a seed's text, the rest of
//! the dataset): boot.js's `cztAssetBytes` and `cztSeedText` fetch them next
//! to the page, or decode the copies the offline file carries.

use wasm_bindgen::JsCast;

use super::dom;

/// A file of the site as bytes: `window.cztAssetBytes(path)` (boot.js)
/// fetches it next to the page, or decodes the copy the offline file carries.
pub async fn asset_bytes(path: &str) -> Result<Vec<u8>, String> {
    let f = js_sys::Reflect::get(&dom::window(), &"cztAssetBytes".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("this page cannot load the app's files")?;
    let promise: js_sys::Promise = f
        .call1(&wasm_bindgen::JsValue::NULL, &path.into())
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a promise".to_string())?;
    let v = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    Ok(js_sys::Uint8Array::new(&v).to_vec())
}

/// Ask the page for a seed's text: `window.cztSeedText(file)` (boot.js)
/// fetches `seeds/<file>` next to the page, or decodes the copy the offline
/// file carries.
pub async fn fetch_text(file: &str) -> Result<String, String> {
    let f = js_sys::Reflect::get(&dom::window(), &"cztSeedText".into())
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        .ok_or("this page cannot load source texts")?;
    let promise: js_sys::Promise = f
        .call1(&wasm_bindgen::JsValue::NULL, &file.into())
        .map_err(|e| format!("{e:?}"))?
        .dyn_into()
        .map_err(|_| "not a promise".to_string())?;
    let v = wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .map_err(|e| e.as_string().unwrap_or_else(|| format!("{e:?}")))?;
    v.as_string().ok_or_else(|| "not text".into())
}
