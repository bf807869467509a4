//! `#/data`: downloads and the export schema.

use std::fmt::Write;

use crate::markup::{a, esc};
use crate::route::Page;
use crate::words::Ctx;

/// The export schema in short (kept beside the export, in `plan::export`).
pub const SCHEMA_TEXT: &str = plan::export::SCHEMA_TEXT;

/// Where the build writes the downloads, relative to the site's root.
pub const JSON_FILE: &str = "data/changzhutan-plans.json";

/// A CSV table's file, relative to the site's root.
pub fn csv_file(table: &str) -> String {
    format!("data/{table}.csv")
}

/// The CSV tables (their keys in `plan::export`).
pub const CSV_TABLES: [&str; 5] = ["tasks", "agencies", "indicators", "places", "statements"];

/// `#/data`: the downloads (files the build wrote; the app makes them
/// anew when the visitor's imports are merged), the schema, the sources.
pub fn data_page(c: Ctx) -> String {
    let t = c.t();
    let mut h = format!(
        "<section class=\"page data\"><h1>{}</h1><p class=\"lede\">{}</p><ul class=\"downloads\"><li><a class=\"button primary\" data-download=\"json\" href=\"{JSON_FILE}\" download=\"changzhutan-plans.json\">{}</a></li>",
        esc(t.data_heading),
        esc(t.data_intro),
        esc(t.download_json)
    );
    for (key, label) in [
        ("tasks", t.download_csv_tasks),
        ("agencies", t.download_csv_agencies),
        ("indicators", t.download_csv_indicators),
        ("places", t.download_csv_places),
        ("statements", t.download_csv_statements),
    ] {
        let _ = write!(
            h,
            "<li><a class=\"button\" data-download=\"{key}\" href=\"{}\" download=\"{key}.csv\">{}</a></li>",
            csv_file(key),
            esc(label)
        );
    }
    let _ = write!(
        h,
        "</ul><h2>{}</h2><p><code>{}</code></p><pre class=\"schema\">{}</pre><h2>{}</h2><ul class=\"doc-files\">",
        esc(t.schema_heading),
        plan::export::SCHEMA,
        esc(SCHEMA_TEXT),
        esc(t.source_heading)
    );
    for d in &c.ds.documents {
        let _ = write!(
            h,
            "<li>{} {}</li>",
            a(&c.href(Page::Source(d.id.clone())), &d.file),
            crate::markup::txt(c.doc_title(d))
        );
    }
    h.push_str("</ul></section>");
    h
}
