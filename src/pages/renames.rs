//! `/renames/`: the agencies the 2018 institutional reform renamed, merged
//! or kept under another's management, in one table: former name → unit
//! after the reform, in both languages, with the date, what the reform did
//! and where that is written.

use std::fmt::Write;

use crate::markup::{a, esc};
use crate::route::Page;
use crate::words::Ctx;
use plan::agencies::ReformChange;
use plan::Lang;

pub fn renames_page(c: Ctx) -> String {
    let t = c.t();
    let cols = [
        t.agencies.col_former_name,
        t.agencies.col_successor,
        t.agencies.col_change,
        t.col_date,
        t.agencies.col_reason,
        t.source_label,
    ];
    let mut h = format!(
        "<section class=\"page renames\"><nav class=\"crumbs\">{} ›</nav><h1>{}</h1><p class=\"lede\">{}</p><div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"data-table stack renames-table\"><thead><tr>",
        a(&c.href(Page::Agencies(None)), t.agencies_heading),
        esc(t.renames_heading),
        esc(t.agencies.renames_intro),
        esc(t.renames_heading),
    );
    for col in cols {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(col));
    }
    h.push_str("</tr></thead><tbody>");
    let en = c.lang == Lang::En;
    // The other language's name, under the one of the page.
    let both = |zh: &str, en_name: &str| {
        if en {
            format!(
                "{}<br><span class=\"other-lang\" lang=\"zh-CN\">{}</span>",
                esc(en_name),
                esc(zh)
            )
        } else {
            format!(
                "<span lang=\"zh-CN\">{}</span><br><span class=\"other-lang\" lang=\"en\">{}</span>",
                esc(zh),
                esc(en_name)
            )
        }
    };
    for r in plan::renames(c.ds) {
        let change = match r.change {
            ReformChange::Renamed => t.agencies.reform_renamed,
            ReformChange::Merged => t.agencies.reform_merged,
            ReformChange::Continued => t.agencies.reform_continued,
        };
        let pick = |zh: &'_ str, en_s: &'_ str| -> String {
            if en && !en_s.is_empty() {
                en_s.to_string()
            } else {
                zh.to_string()
            }
        };
        let successor = a(
            &c.href(Page::Agencies(Some(r.agency.to_string()))),
            if en { r.name_en } else { r.name },
        );
        let successor = format!(
            "{successor}<br><span class=\"other-lang\" lang=\"{}\">{}</span>",
            if en { "zh-CN" } else { "en" },
            esc(if en { r.name } else { r.name_en })
        );
        let _ = write!(
            h,
            "<tr data-agency=\"{}\" data-change=\"{}\"><td data-label=\"{}\">{}</td><td data-label=\"{}\">{successor}</td><td data-label=\"{}\">{}</td><td class=\"num\" data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td></tr>",
            esc(r.agency),
            match r.change {
                ReformChange::Renamed => "renamed",
                ReformChange::Merged => "merged",
                ReformChange::Continued => "continued",
            },
            esc(cols[0]),
            both(r.former, if r.former_en.is_empty() { r.former } else { r.former_en }),
            esc(cols[1]),
            esc(cols[2]),
            esc(change),
            esc(cols[3]),
            esc(r.date),
            esc(cols[4]),
            esc(&pick(r.reason, r.reason_en)),
            esc(cols[5]),
            esc(&pick(r.source, r.source_en)),
        );
    }
    h.push_str("</tbody></table></div></section>");
    h
}
