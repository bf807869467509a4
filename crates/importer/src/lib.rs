//! The importer, compiled to a wasm module of its own and run in a Web
//! Worker (`public/import-worker.js`): the app's own wasm never holds the
//! parser, and a 20 MB paste never blocks the page. One function: bytes in,
//! the [`plan::import::Import`] out (postcard), or the reason's code.

use plan::agencies::Registry;
use plan::curated::AgenciesFile;
use plan::import::{import_with_registry, ImportOptions, Phase};
use wasm_bindgen::prelude::*;

/// Import `bytes` (a file named `name`, or "" for pasted text) with the
/// options as JSON (`{}` for none), telling `progress` each phase (it returns
/// nothing; the page cancels by ending the worker). Returns the import,
/// postcard-encoded; throws the reason as its code (`ImportError::code`),
/// which the app words (`words::problems`).
#[wasm_bindgen]
pub fn import_file(
    name: &str,
    bytes: &[u8],
    options: &str,
    progress: &js_sys::Function,
) -> Result<Vec<u8>, JsValue> {
    let opts = options_from(options).map_err(|e| JsValue::from_str(&e))?;
    let mut tell = |p: Phase| {
        let _ = progress.call1(&JsValue::NULL, &JsValue::from_str(phase_name(p)));
        true
    };
    match import_with_registry(name, bytes, &opts, &mut tell, registry()) {
        Ok(imp) => postcard::to_allocvec(&imp).map_err(|e| JsValue::from_str(&e.to_string())),
        // The reason as its code: the app words it.
        Err(e) => Err(JsValue::from_str(&e.code())),
    }
}

/// The curated registry, compiled in (build.rs).
pub fn registry() -> Registry {
    let file: AgenciesFile =
        serde_json::from_str(include_str!(concat!(env!("OUT_DIR"), "/agencies.json")))
            .unwrap_or_default();
    Registry::from_records(&file)
}

/// The options a page sends: `{}` or any of the fields of [`ImportOptions`].
pub fn options_from(json: &str) -> Result<ImportOptions, String> {
    if json.trim().is_empty() {
        return Ok(ImportOptions::default());
    }
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let mut opts = ImportOptions::default();
    if let Some(code) = v.get("code").and_then(|c| c.as_str()) {
        opts.code = code.to_string();
    }
    if let Some(kind) = v.get("kind").filter(|k| !k.is_null()) {
        opts.kind = Some(serde_json::from_value(kind.clone()).map_err(|e| e.to_string())?);
    }
    if let Some(rule) = v.get("role_rule").filter(|k| !k.is_null()) {
        opts.role_rule = Some(serde_json::from_value(rule.clone()).map_err(|e| e.to_string())?);
    }
    if let Some(cols) = v.get("columns").filter(|k| !k.is_null()) {
        opts.columns = Some(serde_json::from_value(cols.clone()).map_err(|e| e.to_string())?);
    }
    if let Some(y) = v.get("year").and_then(|y| y.as_i64()) {
        opts.year = i32::try_from(y).ok();
    }
    // The visitor's corrections (#/import's "check and describe").
    if let Some(n) = v.get("header_line").and_then(|n| n.as_u64()) {
        opts.header_line = u32::try_from(n).ok().filter(|n| *n > 0);
    }
    if let Some(t) = v.get("transpose").and_then(|t| t.as_bool()) {
        opts.transpose = Some(t);
    }
    if let Some(y) = v.get("undated_year").and_then(|y| y.as_i64()) {
        opts.undated_year = i32::try_from(y).ok();
    }
    Ok(opts)
}

fn phase_name(p: Phase) -> &'static str {
    match p {
        Phase::Decode => "decode",
        Phase::Tables => "tables",
        Phase::Tasks => "tasks",
        Phase::Targets => "targets",
        Phase::Done => "done",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_visitor_s_corrections_are_read() {
        let o = options_from(
            r#"{"code":"imp2","header_line":3,"transpose":true,"undated_year":2025,"columns":["number","task",{"year":2025}]}"#,
        )
        .unwrap();
        assert_eq!(o.code, "imp2");
        assert_eq!(o.header_line, Some(3));
        assert_eq!(o.transpose, Some(true));
        assert_eq!(o.undated_year, Some(2025));
        assert_eq!(o.columns.as_ref().map(Vec::len), Some(3));
        // Nothing given: today's reading.
        let d = options_from("{}").unwrap();
        assert_eq!(
            (d.header_line, d.transpose, d.undated_year),
            (None, None, None)
        );
    }

    #[test]
    fn the_compiled_registry_is_the_curated_one() {
        assert_eq!(
            registry().resolve("省发改委").agencies,
            Registry::seeded().resolve("省发改委").agencies
        );
        assert!(registry().resolve("省科技厅").known);
    }

    #[test]
    fn options_are_read_or_refused() {
        let o =
            options_from(r#"{"code":"imp3","kind":"tasks","role_rule":"first_leads"}"#).unwrap();
        assert_eq!(o.code, "imp3");
        assert_eq!(o.kind, Some(plan::import::ImportKind::Tasks));
        assert_eq!(o.role_rule, Some(plan::RoleRule::FirstLeads));
        assert!(options_from("{}").is_ok());
        assert!(options_from(r#"{"kind":"poem"}"#).is_err());
    }
}
