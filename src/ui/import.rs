//! The import page: paste or drop a plan document; the importer's worker
//! reads it, the page says what it understood, and the import joins every
//! view. The page is HTML from `pages::import`; one listener on it handles
//! its controls by id, and effects keep its status, report and kept
//! imports in step with the run.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::bound::Bound;
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

/// The value of the form control `id`.
fn value_of(id: &str) -> String {
    dom::element_by_id(id)
        .map(|e| dom::value_of(&e))
        .unwrap_or_default()
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

/// The "check and describe" choices as JSON members (",\"header_line\":3…"):
/// the header's line, the columns in order, the orientation, the year of
/// undated targets. A column key the importer does not know fails the
/// import with its message; nothing is lost.
fn corrections() -> String {
    let mut out = String::new();
    if let Ok(n) = value_of("import-header").trim().parse::<u32>() {
        if n > 0 {
            out.push_str(&format!(",\"header_line\":{n}"));
        }
    }
    let cols = value_of("import-columns");
    let cols: Vec<String> = cols
        .split([',', '，', '、'])
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| match c.split_once(':') {
            Some((k, y)) if y.trim().parse::<i32>().is_ok() => {
                format!("{{{}:{}}}", quoted(k.trim()), y.trim())
            }
            _ if c == "baseline" => "{\"baseline\":null}".to_string(),
            _ => quoted(c),
        })
        .collect();
    if !cols.is_empty() {
        out.push_str(&format!(",\"columns\":[{}]", cols.join(",")));
    }
    match value_of("import-transpose").as_str() {
        "yes" => out.push_str(",\"transpose\":true"),
        "no" => out.push_str(",\"transpose\":false"),
        _ => {}
    }
    // The year of targets the text does not date, and what its 今年 means.
    if let Ok(y) = value_of("import-year").trim().parse::<i32>() {
        out.push_str(&format!(",\"undated_year\":{y},\"year\":{y}"));
    }
    out
}

pub fn bind(b: &mut Bound, main: &web_sys::Element) {
    let Some(section) = dom::query(main, "section.import") else {
        return;
    };
    if super::embed::offline() {
        return;
    }
    let t = texts();
    let run = RwSignal::new(Run::Idle);

    let start = move |file_name: String, bytes: Vec<u8>| {
        if bytes.is_empty() {
            run.try_set(Run::Failed(t.import.import_nothing.to_string()));
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
        // The visitor's corrections.
        opts.push_str(&corrections());
        opts.push('}');
        let label = value_of("import-name");
        run.try_set(Run::Reading(t.import.import_reading.to_string()));
        leptos::task::spawn_local(async move {
            let phase = move |p: String| {
                let words = match p.as_str() {
                    "decode" => t.import_phase_decode,
                    "tables" => t.import_phase_tables,
                    "tasks" => t.import_phase_tasks,
                    "targets" => t.import_phase_targets,
                    _ => t.import_phase_done,
                };
                run.try_set(Run::Reading(format!("{} {words}", t.import.import_reading)));
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
                    let kept = imports::add(
                        code.clone(),
                        label,
                        (imp, raw),
                        opts.clone(),
                        (file_name, bytes),
                    )
                    .await;
                    run.try_set(Run::Done { code, kept });
                }
                Err(e) if e == "cancelled" => {
                    run.try_set(Run::Failed(t.import.import_cancelled.to_string()));
                }
                Err(e) => {
                    run.try_set(Run::Failed(format!(
                        "{}{}",
                        t.import.import_failed,
                        crate::pages::import::reason(ctx(), &e)
                    )));
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
                    run.try_set(Run::Failed(format!(
                        "{}{file_name}",
                        t.import.import_failed
                    )));
                }
            }
        });
    };
    let target_of = |ev: &web_sys::Event| {
        ev.target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    };
    b.listen(&section, "submit", |ev| ev.prevent_default());
    b.listen(&section, "click", move |ev| {
        let Some(el) = target_of(ev) else { return };
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
                        &plan::export::to_json(&ds, &crate::words::problems::WORDS),
                    );
                }
            }
            _ if el.class_list().contains("lost-download") => {
                if let Some(l) = imports::lost_untracked()
                    .into_iter()
                    .find(|l| l.code == code)
                {
                    // What was kept, as kept: the visitor's file, or the
                    // record of an earlier version.
                    let name = match (l.file.as_str(), l.why) {
                        ("", plan::import::saved::Lost::NoSource) => format!("{code}.postcard"),
                        ("", _) => format!("{code}.txt"),
                        (f, _) => f.to_string(),
                    };
                    dom::download_bytes(&name, "application/octet-stream", &l.bytes);
                }
            }
            _ if el.class_list().contains("saved-delete") => {
                leptos::task::spawn_local(async move { imports::remove(&code).await });
            }
            _ => {}
        }
    });
    b.listen(&section, "change", move |ev| {
        let Some(el) = target_of(ev) else { return };
        if el.id() == "import-file" {
            if let Some(input) = el.dyn_ref::<web_sys::HtmlInputElement>() {
                if let Some(f) = input.files().and_then(|l| l.get(0)) {
                    read_file(f);
                }
                // The same file again is a new import.
                dom::write_value(&el, "");
            }
        } else if el.class_list().contains("saved-name") {
            let code = el.get_attribute("data-import").unwrap_or_default();
            let name = dom::value_of(&el);
            leptos::task::spawn_local(async move { imports::rename(&code, name).await });
        }
    });
    b.listen(&section, "dragover", |ev| ev.prevent_default());
    b.listen(&section, "drop", move |ev| {
        ev.prevent_default();
        if let Some(f) = ev
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            read_file(f);
        }
    });
    // The controls, the status and the report follow the run.
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
        if let Some(st) = dom::element_by_id("import-status") {
            let text = match &now {
                Run::Idle => String::new(),
                Run::Reading(s) | Run::Failed(s) => s.clone(),
                Run::Done { kept: true, .. } => t.import_phase_done.to_string(),
                Run::Done { kept: false, .. } => t.import.import_not_kept.to_string(),
            };
            st.set_text_content(Some(&text));
            let _ = st
                .class_list()
                .toggle_with_force("error", matches!(now, Run::Failed(_)));
        }
    });
    let result = dom::query(&section, ".import-result");
    Effect::new(move |_| {
        let html = match run.get() {
            Run::Done { code, .. } => imports::saved()
                .into_iter()
                .find(|s| s.code == code)
                .map(|s| crate::pages::import::report(ctx(), &s.import, &s.code))
                .unwrap_or_default(),
            _ => String::new(),
        };
        if let Some(r) = &result {
            dom::set_html(r, &html);
        }
    });
    let saved_el = dom::query(&section, ".saved-imports");
    Effect::new(move |_| {
        let list = imports::saved();
        let lost = imports::lost();
        let items: Vec<crate::pages::import::SavedItem> = list
            .iter()
            .map(|s| crate::pages::import::SavedItem {
                code: &s.code,
                name: &s.name,
                saved: &s.saved,
                import: &s.import,
                options: &s.options,
                again: s.again,
            })
            .collect();
        let lost: Vec<crate::pages::import::LostItem> = lost
            .iter()
            .map(|l| crate::pages::import::LostItem {
                code: &l.code,
                name: &l.name,
                saved: &l.saved,
                why: &l.why,
            })
            .collect();
        if let Some(el) = &saved_el {
            dom::set_html(el, &crate::pages::import::saved_list(ctx(), &items, &lost));
        }
    });
    super::state::start_loading();
}
