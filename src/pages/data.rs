//! `#/data`: downloads and the export schema.

use std::fmt::Write;

use crate::markup::{a, esc};
use crate::route::Page;
use crate::words::Ctx;

pub const SCHEMA_TEXT: &str = "{schema, documents:[{id,file,title,title_en,kind,date,role_rule}],
 tasks:[{id,document,number,category,text,lead:[agency id],support:[agency id],
         units:[{agency,role,as_written,note}],targets:[{year,label,text}],
         quote,lines:[start,end],problems:[string]}],
 agencies:[{id,name,name_en,names:[string],kind}],
 indicators:[{id,name,name_en,unit,document,group,measure,note,reading:{judgement,reason,reason_en},
              points:[{year,value,bound,kind,as_written,quote,lines,note,reading}]}],
 places:[{id,name,name_en,kind,document,quote,lines,lon,lat,coord_source,parent,line,area,label,note}],
 statements:[{id,name,name_en,document,group,kind,year,claim,claim_en,quote,lines,note,reading}]}";

pub fn data_page(c: Ctx) -> String {
    let t = c.t();
    let mut h = format!(
        "<section class=\"page data\"><h1>{}</h1><p class=\"lede\">{}</p><ul class=\"downloads\"><li><button type=\"button\" class=\"primary\" data-download=\"json\">{}</button></li>",
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
            "<li><button type=\"button\" data-download=\"{key}\">{}</button></li>",
            esc(label)
        );
    }
    let _ = write!(
        h,
        "</ul><p>{} <code>cargo run -q --bin plan-data -- export</code></p><h2>{}</h2><p><code>{}</code></p><pre class=\"schema\">{}</pre><h2>{}</h2><ul class=\"doc-files\">",
        esc(t.data_cli),
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
