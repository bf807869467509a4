//! `#/import`: paste or drop a plan document; the importer's worker reads
//! it, the page says what it understood, and the import joins every view.
//! The page is HTML from `pages::import`; one listener on it handles its
//! controls by id.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::dom;
use super::imports;
use super::state::{ctx, texts};

/// Where an import is.
#[derive(Clone, Debug, PartialEq)]
enum Run {
    Idle,
    Reading(String),
    Failed(String),
    Done { code: String, kept: bool },
}

/// The importer's reason in the page's language ("zh\nen").
fn reason(e: &str) -> String {
    let zh = super::state::lang() == crate::words::Lang::Zh;
    match e.split_once('\n') {
        Some((z, en)) => if zh { z } else { en }.to_string(),
        None => e.to_string(),
    }
}

/// The value of the form control `id`.
fn value_of(id: &str) -> String {
    let Some(el) = dom::element_by_id(id) else {
        return String::new();
    };
    if let Some(t) = el.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        return t.value();
    }
    if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
        return i.value();
    }
    if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
        return s.value();
    }
    String::new()
}

/// A JSON string literal.
fn quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[component]
pub fn ImportPage() -> impl IntoView {
    let t = texts();
    let run = RwSignal::new(Run::Idle);

    let start = move |file_name: String, bytes: Vec<u8>| {
        if bytes.is_empty() {
            run.try_set(Run::Failed(t.import_nothing.to_string()));
            return;
        }
        let code = imports::next_code();
        let mut opts = format!("{{\"code\":{}", quoted(&code));
        let kind = value_of("import-kind");
        if !kind.is_empty() {
            opts.push_str(&format!(",\"kind\":{}", quoted(&kind)));
        }
        let role = value_of("import-role");
        if !role.is_empty() {
            opts.push_str(&format!(",\"role_rule\":{}", quoted(&role)));
        }
        opts.push('}');
        let label = value_of("import-name");
        run.try_set(Run::Reading(t.import_reading.to_string()));
        leptos::task::spawn_local(async move {
            let phase = move |p: String| {
                let words = match p.as_str() {
                    "decode" => t.import_phase_decode,
                    "tables" => t.import_phase_tables,
                    "tasks" => t.import_phase_tasks,
                    "targets" => t.import_phase_targets,
                    _ => t.import_phase_done,
                };
                run.try_set(Run::Reading(format!("{} {words}", t.import_reading)));
            };
            match imports::run_import(&file_name, &bytes, &opts, phase).await {
                Ok((imp, raw)) => {
                    let label = [
                        label.trim(),
                        file_name.as_str(),
                        imp.document.title.as_str(),
                    ]
                    .into_iter()
                    .find(|s| !s.is_empty())
                    .unwrap_or(code.as_str())
                    .to_string();
                    let kept = imports::add(code.clone(), label, imp, raw).await;
                    run.try_set(Run::Done { code, kept });
                }
                Err(e) if e == "cancelled" => {
                    run.try_set(Run::Failed(t.import_cancelled.to_string()));
                }
                Err(e) => {
                    run.try_set(Run::Failed(format!("{}{}", t.import_failed, reason(&e))));
                }
            }
        });
    };
    let read_file = move |file: web_sys::File| {
        let file_name = file.name();
        leptos::task::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
                Ok(buf) => start(file_name, js_sys::Uint8Array::new(&buf).to_vec()),
                Err(_) => {
                    run.try_set(Run::Failed(format!("{}{file_name}", t.import_failed)));
                }
            }
        });
    };
    let target_of = |ev: &web_sys::Event| {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        let Some(el) = target_of(&ev) else { return };
        let code = el.get_attribute("data-import").unwrap_or_default();
        match el.id().as_str() {
            "import-run" => start(String::new(), value_of("import-text").into_bytes()),
            "import-cancel" => imports::cancel(),
            _ if el.class_list().contains("saved-export") => {
                if let Some(s) = imports::saved_untracked()
                    .into_iter()
                    .find(|s| s.code == code)
                {
                    // The export schema of a dataset holding only this import
                    // (the data page's own export: no second serialiser).
                    let mut ds = plan::Dataset::default();
                    plan::import::merge(&mut ds, &s.import, &s.code);
                    if let Some(d) = ds.documents.iter_mut().find(|d| d.id == s.code) {
                        d.title = s.name.clone();
                    }
                    dom::download(
                        &format!("{code}.json"),
                        "application/json",
                        &plan::export::to_json(&ds),
                    );
                }
            }
            _ if el.class_list().contains("saved-delete") => {
                leptos::task::spawn_local(async move { imports::remove(&code).await });
            }
            _ => {}
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let Some(el) = target_of(&ev) else { return };
        if el.id() == "import-file" {
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                if let Some(f) = input.files().and_then(|l| l.get(0)) {
                    read_file(f);
                }
                // The same file again is a new import (an input's value, not a signal's).
                let _ = js_sys::Reflect::set(input.as_ref(), &"value".into(), &"".into());
            }
        } else if el.class_list().contains("saved-name") {
            let code = el.get_attribute("data-import").unwrap_or_default();
            let name = el
                .dyn_ref::<web_sys::HtmlInputElement>()
                .map(|i| i.value())
                .unwrap_or_default();
            leptos::task::spawn_local(async move { imports::rename(&code, name).await });
        }
    };
    let on_drop = move |ev: web_sys::DragEvent| {
        ev.prevent_default();
        if let Some(f) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            read_file(f);
        }
    };
    // The controls' state follows the run.
    Effect::new(move |_| {
        let now = run.get();
        let reading = matches!(now, Run::Reading(_));
        if let Some(b) = dom::element_by_id("import-run") {
            let _ = if reading {
                b.set_attribute("disabled", "")
            } else {
                b.remove_attribute("disabled")
            };
        }
        if let Some(b) = dom::element_by_id("import-cancel") {
            let _ = if reading {
                b.remove_attribute("hidden")
            } else {
                b.set_attribute("hidden", "")
            };
        }
    });
    let status = move || match run.get() {
        Run::Idle => String::new(),
        Run::Reading(s) | Run::Failed(s) => s,
        Run::Done { kept: true, .. } => t.import_phase_done.to_string(),
        Run::Done { kept: false, .. } => t.import_not_kept.to_string(),
    };
    let failed = move || matches!(run.get(), Run::Failed(_));
    // The report of the import just made.
    let report = move || match run.get() {
        Run::Done { code, .. } => imports::saved()
            .into_iter()
            .find(|s| s.code == code)
            .map(|s| crate::pages::import::report(ctx(), &s.import, &s.code))
            .unwrap_or_default(),
        _ => String::new(),
    };
    let saved = move || {
        let list = imports::saved();
        let items: Vec<(&str, &str, &str, &plan::import::Import)> = list
            .iter()
            .map(|s| {
                (
                    s.code.as_str(),
                    s.name.as_str(),
                    s.saved.as_str(),
                    &s.import,
                )
            })
            .collect();
        crate::pages::import::saved_list(ctx(), &items)
    };
    if super::embed::offline() {
        return view! {
            <section class="page import">
                <h1>{t.import_heading}</h1>
                <p class="note" id="import-offline">{t.import_offline}</p>
            </section>
        }
        .into_any();
    }
    view! {
        <section
            class="page import"
            on:click=on_click
            on:change=on_change
            on:dragover=|ev: web_sys::DragEvent| ev.prevent_default()
            on:drop=on_drop
        >
            <form class="import-form" on:submit=|ev| ev.prevent_default() inner_html=crate::pages::import::form(ctx())></form>
            <p id="import-status" role="status" aria-live="polite" class:error=failed>{status}</p>
            <div class="html" inner_html=report></div>
            <section class="saved-imports" inner_html=saved></section>
        </section>
    }
    .into_any()
}
