//! The visitor's imports: read by the importer's worker (boot.js's
//! `cztImport`), kept in this browser (`cztImports`, IndexedDB), and merged
//! into the dataset every page reads.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsValue;

use super::dom::{self, call, js_fn};
use plan::import::Import;
use plan::Dataset;

/// An import as kept: its code in the dataset ("imp1"), the name shown,
/// when it was made, and the import itself.
#[derive(Clone, Debug)]
pub struct Saved {
    pub code: String,
    pub name: String,
    pub saved: String,
    pub import: Import,
    /// The import as the importer sent it (postcard), kept as it came: the
    /// app decodes imports but never encodes one.
    pub bytes: std::rc::Rc<Vec<u8>>,
    /// False when the browser could not keep it (it lasts the page's life).
    pub kept: bool,
    /// The options it was read with (JSON, as the importer took them): the
    /// visitor's choices, kept with the import.
    pub options: String,
    /// The file's name ("" for pasted text) and what the visitor gave: read
    /// again when the model changes (`plan::import::saved`).
    pub file: String,
    pub source: std::rc::Rc<Vec<u8>>,
    /// Read again from its source when this page loaded it (another model
    /// had read it).
    pub again: bool,
}

/// A kept import this version cannot show, with why; it stays kept until
/// the visitor deletes it, and what was kept can be downloaded.
#[derive(Clone, Debug)]
pub struct Lost {
    pub code: String,
    pub name: String,
    pub saved: String,
    pub why: plan::import::saved::Lost,
    /// The file's name and bytes when the record kept them, else the
    /// import's bytes as kept (format 1).
    pub file: String,
    pub bytes: std::rc::Rc<Vec<u8>>,
}

thread_local! {
    static SAVED: ArcRwSignal<Vec<Saved>> = ArcRwSignal::new(Vec::new());
    static LOST: ArcRwSignal<Vec<Lost>> = ArcRwSignal::new(Vec::new());
    /// The seeds' dataset with the imports merged, when there are any.
    static MERGED: RefCell<Option<&'static Dataset>> = const { RefCell::new(None) };
    /// The seeds' dataset, whole (set when the imports are first read).
    static BASE: RefCell<Option<&'static Dataset>> = const { RefCell::new(None) };
}

/// The imports (tracked).
pub fn saved() -> Vec<Saved> {
    SAVED.with(|s| s.get())
}

/// The kept imports this version cannot show (tracked).
pub fn lost() -> Vec<Lost> {
    LOST.with(|s| s.get())
}

/// The kept imports this version cannot show, untracked.
pub fn lost_untracked() -> Vec<Lost> {
    LOST.with(|s| s.try_with_untracked(|v| v.clone()).unwrap_or_default())
}

/// The imports, untracked (in event handlers).
pub fn saved_untracked() -> Vec<Saved> {
    SAVED.with(|s| s.try_with_untracked(|v| v.clone()).unwrap_or_default())
}

/// The dataset with the imports, when there are any.
pub fn merged() -> Option<&'static Dataset> {
    MERGED.with(|m| *m.borrow())
}

/// The next free code: imp1, imp2, …
pub fn next_code() -> String {
    let mut used: Vec<String> = saved_untracked().into_iter().map(|x| x.code).collect();
    used.extend(lost_untracked().into_iter().map(|x| x.code));
    (1..)
        .map(|n| format!("imp{n}"))
        .find(|c| !used.contains(c))
        .unwrap_or_default()
}

/// Merge the imports into a copy of the seeds' dataset. The previous copy
/// is left behind (pages drawn from it may still hold it); imports are few.
fn remerge(list: &[Saved]) {
    let Some(base) = BASE.with(|b| *b.borrow()) else {
        return;
    };
    let merged = if list.is_empty() {
        None
    } else {
        let mut ds = base.clone();
        for s in list {
            plan::import::merge(&mut ds, &s.import, &s.code);
            // The name the visitor gave is the document's title.
            if let Some(d) = ds.documents.iter_mut().find(|d| d.id == s.code) {
                d.title = s.name.clone();
                d.title_en = s.name.clone();
            }
        }
        Some(&*Box::leak(Box::new(ds)))
    };
    MERGED.with(|m| *m.borrow_mut() = merged);
}

fn set_saved(list: Vec<Saved>) {
    remerge(&list);
    if let (Some(st), true) = (store(), BASE.with(|b| b.borrow().is_some())) {
        if let Some(mark) = js_fn(&st, "mark") {
            let _ = mark.call1(&st, &JsValue::from_bool(list.iter().any(|s| s.kept)));
        }
    }
    SAVED.with(|s| s.try_set(list));
}

/// Whether this browser keeps imports (known at once, without reading them).
pub fn flagged() -> bool {
    store()
        .and_then(|st| js_fn(&st, "any").and_then(|f| f.call0(&st).ok()))
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

fn store() -> Option<JsValue> {
    js_sys::Reflect::get(&dom::window(), &"cztImports".into())
        .ok()
        .filter(|v| v.is_object())
}

/// Read the kept imports (once, when the rest of the dataset arrives) and
/// merge them into `base`, the seeds' whole dataset. An import another
/// model read is read again from its source, one at a time, and kept anew;
/// one that cannot be is listed with why (`lost`).
pub async fn load_saved(base: &'static Dataset) {
    use plan::import::saved::{self, Kept, Lost as Why, Reading};
    BASE.with(|b| *b.borrow_mut() = Some(base));
    let Some(st) = store() else { return };
    let Some(all) = js_fn(&st, "all") else { return };
    let Ok(records) = call(&all, &st, &[]).await else {
        return;
    };
    let mut list = Vec::new();
    let mut lost = Vec::new();
    for r in js_sys::Array::from(&records).iter() {
        let get = |k: &str| js_sys::Reflect::get(&r, &k.into()).ok();
        let text = |k: &str| get(k).and_then(|v| v.as_string()).unwrap_or_default();
        let bytes_of = |k: &str| {
            get(k)
                .filter(|v| v.is_object())
                .map(|v| js_sys::Uint8Array::new(&v).to_vec())
        };
        let code = text("code");
        if code.is_empty() {
            continue;
        }
        let name = Some(text("name"))
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| code.clone());
        let source = bytes_of("source");
        let bytes = bytes_of("bytes").unwrap_or_default();
        let model = text("model");
        let kept = Kept {
            format: get("format")
                .and_then(|v| v.as_f64())
                .map_or(1, |f| f as u32),
            model: &model,
            has_source: source.is_some(),
        };
        let (file, options) = (text("file"), text("options"));
        let decoded = match saved::reading(kept) {
            Reading::ReadAgain => None,
            Reading::Decode | Reading::DecodeOnly => plan::compiled::decode::<Import>(&bytes).ok(),
        };
        let mut again = false;
        let outcome = match (decoded, &source) {
            (Some(import), _) => Ok((import, bytes)),
            (None, None) => Err((Why::NoSource, bytes)),
            // The offline file carries no importer.
            (None, Some(src)) if dom::offline() => Err((Why::NoImporter, src.clone())),
            // This model failed to read it before: not again on every page.
            (None, Some(src)) if text("failed_model") == saved::MODEL => {
                Err((Why::ReadAgain(text("failed_why")), src.clone()))
            }
            (None, Some(src)) => match run_import(&file, src, &options, |_| ()).await {
                Ok(read) => {
                    again = true;
                    Ok(read)
                }
                Err(e) if e == "cancelled" => Err((Why::Interrupted, src.clone())),
                Err(_) if js_fn(&dom::window(), "cztImport").is_none() => {
                    Err((Why::NoImporter, src.clone()))
                }
                Err(e) => {
                    let set = |k: &str, v: &str| js_sys::Reflect::set(&r, &k.into(), &v.into());
                    if set("failed_model", saved::MODEL).is_ok() && set("failed_why", &e).is_ok() {
                        if let Some(put) = js_fn(&st, "put") {
                            let _ = call(&put, &st, &[&r]).await;
                        }
                    }
                    Err((Why::ReadAgain(e), src.clone()))
                }
            },
        };
        match outcome {
            Ok((import, bytes)) => {
                let mut s = Saved {
                    code,
                    name,
                    saved: text("saved"),
                    import,
                    bytes: std::rc::Rc::new(bytes),
                    kept: true,
                    options,
                    file,
                    source: std::rc::Rc::new(source.unwrap_or_default()),
                    again,
                };
                if again {
                    // Kept anew, under this model.
                    s.kept = put(&s).await;
                }
                list.push(s);
            }
            Err((why, bytes)) => lost.push(Lost {
                code,
                name,
                saved: text("saved"),
                why,
                file: if source.is_some() {
                    file
                } else {
                    String::new()
                },
                bytes: std::rc::Rc::new(bytes),
            }),
        }
    }
    list.sort_by(|a, b| a.code.cmp(&b.code));
    lost.sort_by(|a, b| a.code.cmp(&b.code));
    LOST.with(|l| l.try_set(lost));
    set_saved(list);
}

/// Keep an import's record (a new one, or a new name).
async fn put(s: &Saved) -> bool {
    let Some(st) = store() else {
        return false;
    };
    let bytes = &s.bytes;
    let Some(put) = js_fn(&st, "put") else {
        return false;
    };
    let rec = js_sys::Object::new();
    let set = |k: &str, v: &JsValue| js_sys::Reflect::set(&rec, &k.into(), v).is_ok();
    let ok = set("code", &s.code.as_str().into())
        && set("name", &s.name.as_str().into())
        && set("saved", &s.saved.as_str().into())
        && set("bytes", &js_sys::Uint8Array::from(&bytes[..]).into())
        && set("options", &s.options.as_str().into())
        && set("format", &plan::import::saved::FORMAT.into())
        && set("model", &plan::import::saved::MODEL.into())
        && set("file", &s.file.as_str().into())
        && set("source", &js_sys::Uint8Array::from(&s.source[..]).into());
    ok && call(&put, &st, &[&rec.into()]).await.is_ok()
}

/// Add an import; returns whether the browser kept it.
pub async fn add(
    code: String,
    name: String,
    (import, bytes): (Import, Vec<u8>),
    options: String,
    (file, source): (String, Vec<u8>),
) -> bool {
    let mut s = Saved {
        options,
        file,
        source: std::rc::Rc::new(source),
        again: false,
        code,
        name,
        saved: js_sys::Date::new_0()
            .to_iso_string()
            .as_string()
            .unwrap_or_default(),
        import,
        bytes: std::rc::Rc::new(bytes),
        kept: false,
    };
    s.kept = put(&s).await;
    let mut list = saved_untracked();
    list.retain(|x| x.code != s.code);
    list.push(s.clone());
    list.sort_by(|a, b| a.code.cmp(&b.code));
    set_saved(list);
    s.kept
}

/// Give an import another name.
pub async fn rename(code: &str, name: String) {
    let mut list = saved_untracked();
    let Some(s) = list.iter_mut().find(|x| x.code == code) else {
        return;
    };
    s.name = name;
    if s.kept {
        s.kept = put(s).await;
    }
    set_saved(list);
}

/// Forget an import.
pub async fn remove(code: &str) {
    if let Some(st) = store() {
        if let Some(del) = js_fn(&st, "remove") {
            let _ = call(&del, &st, &[&code.into()]).await;
        }
    }
    let mut list = saved_untracked();
    list.retain(|x| x.code != code);
    LOST.with(|l| {
        l.try_update(|v| v.retain(|x| x.code != code));
    });
    set_saved(list);
}

/// Run the importer's worker on `bytes`; `phase` hears each phase. The
/// error is the importer's reason ("zh\nen") or the worker's.
pub async fn run_import(
    name: &str,
    bytes: &[u8],
    options: &str,
    phase: impl Fn(String) + 'static,
) -> Result<(Import, Vec<u8>), String> {
    let f = js_fn(&dom::window(), "cztImport").ok_or("this page cannot import")?;
    let cb = wasm_bindgen::closure::Closure::<dyn Fn(JsValue)>::new(move |p: JsValue| {
        phase(p.as_string().unwrap_or_default())
    });
    let arr = js_sys::Uint8Array::from(bytes);
    let out = call(
        &f,
        &JsValue::NULL,
        &[&name.into(), &arr.into(), &options.into(), cb.as_ref()],
    )
    .await;
    // The worker is done (or gone): its callback can go.
    drop(cb);
    let out = out?;
    let bytes = js_sys::Uint8Array::new(&out).to_vec();
    Ok((plan::compiled::decode::<Import>(&bytes)?, bytes))
}

/// Stop the import under way.
pub fn cancel() {
    if let Some(f) = js_fn(&dom::window(), "cztImportCancel") {
        let _ = f.call0(&JsValue::NULL);
    }
}
