//! `#/import`: what an import understood — counts, how it was read, the
//! guesses to check, the lines not used — and links to its views.

use std::fmt::Write;

use crate::markup::{a, esc, txt};
use crate::route::Page;
use crate::words::Ctx;
use plan::import::{Import, ImportLayout};

/// The form: paste, choose or drop a file, how to read it. The app listens
/// on the whole form (one delegated listener), by ids.
pub fn form(c: Ctx) -> String {
    let t = c.t();
    let opts = |items: &[(&str, &str)]| {
        items
            .iter()
            .map(|(v, l)| format!("<option value=\"{v}\">{}</option>", esc(l)))
            .collect::<String>()
    };
    format!(
        "<h1>{}</h1><p class=\"lede\">{}</p>\
<div class=\"field\"><label for=\"import-text\">{}</label><textarea id=\"import-text\" rows=\"10\" spellcheck=\"false\"></textarea></div>\
<div class=\"import-options\">\
<div class=\"field\"><label for=\"import-file\">{}</label><input id=\"import-file\" type=\"file\" accept=\".txt,.csv,.tsv,.docx,.xlsx,.html,.htm,text/plain,text/csv\"><p class=\"hint\">{}</p></div>\
<div class=\"field\"><label for=\"import-name\">{}</label><input id=\"import-name\" type=\"text\"></div>\
<div class=\"field\"><label for=\"import-kind\">{}</label><select id=\"import-kind\">{}</select></div>\
<div class=\"field\"><label for=\"import-role\">{}</label><select id=\"import-role\">{}</select></div>\
</div>\
<details class=\"import-check\"><summary>{}</summary><div class=\"import-options\">\
<div class=\"field\"><label for=\"import-header\">{}</label><input id=\"import-header\" type=\"number\" min=\"1\" step=\"1\" inputmode=\"numeric\"></div>\
<div class=\"field field-wide\"><label for=\"import-columns\">{}</label><input id=\"import-columns\" type=\"text\" spellcheck=\"false\" placeholder=\"number,task,lead,support\"><p class=\"hint\">{}</p></div>\
<div class=\"field\"><label for=\"import-transpose\">{}</label><select id=\"import-transpose\"><option value=\"\">{}</option><option value=\"yes\">{}</option><option value=\"no\">{}</option></select></div>\
<div class=\"field\"><label for=\"import-year\">{}</label><input id=\"import-year\" type=\"number\" min=\"1949\" max=\"2100\" step=\"1\" inputmode=\"numeric\"></div>\
</div></details>\
<p class=\"import-actions\"><button type=\"button\" id=\"import-run\" class=\"primary\">{}</button> <button type=\"button\" id=\"import-cancel\" hidden>{}</button></p>",
        esc(t.import.import_heading),
        esc(t.import_intro),
        esc(t.import.import_paste_label),
        esc(t.import.import_file_label),
        esc(t.import.import_drop_hint),
        esc(t.import.import_name_label),
        esc(t.import.import_kind_label),
        opts(&[
            ("", t.import.import_auto),
            ("tasks", t.import_kind_tasks),
            ("indicators", t.import_kind_indicators),
            ("prose", t.import_kind_prose),
            ("actuals", t.import_kind_actuals),
        ]),
        esc(t.import.import_role_label),
        opts(&[
            ("", t.import.import_auto),
            ("all_responsible", t.import_role_all),
            ("lead_and_support", t.import_role_lead_support),
            ("first_leads", t.import_role_first),
            ("marked_leads", t.import_role_marked),
        ]),
        esc(t.import.import_check_heading),
        esc(t.import.import_header_label),
        esc(t.import.import_columns_label),
        esc(t.import.import_columns_hint),
        esc(t.import.import_transpose_label),
        esc(t.import.import_auto),
        esc(t.import.import_transpose_yes),
        esc(t.import.import_transpose_no),
        esc(t.import.import_year_label),
        esc(t.import.import_button),
        esc(t.import.import_cancel),
    )
}

/// `#/import`: the form, where the importer's status and report go, and
/// the imports kept in this browser (listed by the app).
pub fn page(c: Ctx) -> String {
    format!(
        "<section class=\"page import\"><form class=\"import-form\">{}</form><p id=\"import-status\" role=\"status\" aria-live=\"polite\"></p><div class=\"html import-result\"></div><section class=\"saved-imports\">{}</section></section>",
        form(c),
        saved_list(c, &[], &[])
    )
}

/// The import page of the offline file, which carries no importer: where
/// to import instead.
pub fn offline_page(c: Ctx, site: &str) -> String {
    let t = c.t();
    let link = if site.is_empty() {
        String::new()
    } else {
        // The website, in a tab of its own: the offline file stays open.
        format!(
            " <a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
            esc(&format!("{site}import/")),
            esc(t.import.import_offline_link)
        )
    };
    format!(
        "<section class=\"page import\"><h1>{}</h1><p class=\"note\" id=\"import-offline\">{}{link}</p></section>",
        esc(t.import.import_heading),
        esc(t.import.import_offline)
    )
}

/// One kept import: (code, name, saved date, import).
/// A kept import, as the list shows it.
pub struct SavedItem<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub saved: &'a str,
    pub import: &'a Import,
    pub options: &'a str,
    /// Read again from its source by this version when the page loaded it.
    pub again: bool,
}

/// A kept import this version cannot show.
pub struct LostItem<'a> {
    pub code: &'a str,
    pub name: &'a str,
    pub saved: &'a str,
    pub why: &'a plan::import::saved::Lost,
}

/// The visitor's kept imports: those shown, then those this version cannot
/// read again, with why, a download of what was kept and a delete.
pub fn saved_list(c: Ctx, items: &[SavedItem], lost: &[LostItem]) -> String {
    let t = c.t();
    let mut h = format!(
        "<h2>{}</h2><p class=\"note\">{}</p>",
        esc(t.import.import_saved_heading),
        esc(t.import.import_local_note)
    );
    if items.is_empty() && lost.is_empty() {
        let _ = write!(
            h,
            "<p class=\"empty\">{}</p>",
            esc(t.import.import_none_saved)
        );
        return h;
    }
    if !items.is_empty() {
        h.push_str("<ul class=\"saved-list\">");
    }
    for s in items {
        let (code, imp) = (s.code, s.import);
        let n = &imp.report.counts;
        let doc = |p: Page| c.link(&c.route(p).with_param("doc", code));
        let again = if s.again {
            format!(
                " · <span class=\"saved-again\">{}</span>",
                esc(t.import.import_read_again)
            )
        } else {
            String::new()
        };
        let _ = write!(
            h,
            "<li class=\"saved-import\" data-import=\"{code}\"><label class=\"visually-hidden\" for=\"name-{code}\">{}</label><input id=\"name-{code}\" class=\"saved-name\" type=\"text\" value=\"{}\" data-import=\"{code}\"><span class=\"saved-meta\">{} · {} {} · {} {} · {}{again}</span>{}<span class=\"saved-links\">{} {} {} {}</span><button type=\"button\" class=\"saved-export\" data-import=\"{code}\">{}</button><button type=\"button\" class=\"saved-delete\" data-import=\"{code}\">{}</button></li>",
            esc(t.import.import_name_label),
            esc(s.name),
            esc(t.import_kind(imp.report.kind)),
            n.tasks,
            esc(t.col_tasks),
            n.indicators,
            esc(t.col_indicators),
            esc(s.saved.get(..10).unwrap_or("")),
            choices(c, s.options),
            a(&doc(Page::Tasks), t.import.import_view_tasks),
            a(&doc(Page::Agencies(None)), t.import.import_view_agencies),
            a(&doc(Page::Targets(None)), t.import.import_view_targets),
            a(&c.href(Page::Source(code.to_string())), t.import.import_view_source),
            esc(t.import.import_export),
            esc(t.import.import_delete),
        );
    }
    if !items.is_empty() {
        h.push_str("</ul>");
    }
    if lost.is_empty() {
        return h;
    }
    let _ = write!(
        h,
        "<h3>{}</h3><ul class=\"lost-list\">",
        esc(t.import.import_lost_heading)
    );
    for l in lost {
        use plan::import::saved::Lost;
        let code = l.code;
        let (why, download) = match l.why {
            Lost::NoSource => (
                t.import.import_lost_no_source.to_string(),
                t.import.import_download_kept,
            ),
            Lost::ReadAgain(e) => (
                format!("{}{}", t.import.import_lost_read_again, reason(c, e)),
                t.import.import_download_source,
            ),
            Lost::NoImporter => (
                t.import.import_lost_no_importer.to_string(),
                t.import.import_download_source,
            ),
            Lost::Interrupted => (
                t.import.import_lost_interrupted.to_string(),
                t.import.import_download_source,
            ),
        };
        let _ = write!(
            h,
            "<li class=\"lost-import\" data-import=\"{code}\"><strong class=\"lost-name\">{}</strong><span class=\"saved-meta\">{}</span><p class=\"lost-why error\">{}</p><button type=\"button\" class=\"lost-download\" data-import=\"{code}\">{}</button><button type=\"button\" class=\"saved-delete\" data-import=\"{code}\">{}</button></li>",
            esc(l.name),
            esc(l.saved.get(..10).unwrap_or("")),
            esc(&why),
            esc(download),
            esc(t.import.import_delete),
        );
    }
    h.push_str("</ul>");
    h
}

/// Why an import failed, in the page's language: the importer sends the
/// reason's code (`ImportError::code`); anything else is the worker's or
/// the browser's own message, shown as it is.
pub fn reason(c: Ctx, e: &str) -> String {
    match plan::import::ImportError::from_code(e) {
        Some(err) => crate::words::problems::WORDS.import_error(&err, c.lang),
        None => e.to_string(),
    }
}

/// The choices a visitor made to read an import (the options beyond its
/// code), as kept with it: "读法：header_line 3 · transpose true", or "".
pub fn choices(c: Ctx, options: &str) -> String {
    let Ok(serde_json::Value::Object(m)) = serde_json::from_str::<serde_json::Value>(options)
    else {
        return String::new();
    };
    let parts: Vec<String> = m
        .iter()
        .filter(|(k, _)| k.as_str() != "code")
        .map(|(k, v)| format!("{k} {}", v.to_string().trim_matches('"')))
        .collect();
    if parts.is_empty() {
        return String::new();
    }
    format!(
        "<span class=\"saved-choices\" data-options=\"{}\">{}{}{}</span>",
        esc(options),
        esc(c.t().import.import_choices),
        c.t().colon,
        esc(&parts.join(" · "))
    )
}

/// The report of `imp`, merged under `code`.
pub fn report(c: Ctx, imp: &Import, code: &str) -> String {
    let t = c.t();
    let r = &imp.report;
    let n = &r.counts;
    let mut h = format!(
        "<section class=\"import-report\" data-import=\"{}\"><h2>{}</h2>",
        esc(code),
        esc(t.import.import_understood)
    );
    // Counts.
    h.push_str("<dl class=\"facts\">");
    for (label, v) in [
        (t.col_tasks, n.tasks),
        (t.col_units, n.agencies),
        (t.col_indicators, n.indicators),
        (t.import_kind_actuals, n.actuals),
    ] {
        if v > 0 || label == t.col_tasks {
            let _ = write!(
                h,
                "<div class=\"fact\"><dt>{}</dt><dd data-count=\"{}\">{v}</dd></div>",
                esc(label),
                esc(label)
            );
        }
    }
    h.push_str("</dl>");
    // How it was read.
    let layout = match r.layout {
        ImportLayout::Tasks(_) | ImportLayout::Prose => "",
        ImportLayout::IndicatorTable | ImportLayout::TransposedTable => t.import_kind_indicators,
        ImportLayout::ActualsTable => t.import_kind_actuals,
    };
    let _ = write!(
        h,
        "<p class=\"import-read-as\">{}{}<strong>{}</strong>{}",
        esc(t.import.import_detected),
        t.colon,
        esc(t.import_kind(r.kind)),
        if layout.is_empty() || layout == t.import_kind(r.kind) {
            String::new()
        } else {
            format!(" · {}", esc(layout))
        }
    );
    if n.tasks > 0 {
        let _ = write!(
            h,
            " · {}{}{}",
            esc(t.import.import_role_label),
            t.colon,
            esc(t.role_rule(r.role_rule))
        );
        if let Some(l) = r.role_rule_line {
            let _ = write!(
                h,
                " ({})",
                a(
                    &c.source_href(code, l, l),
                    &format!("{} {l}", t.source_lines)
                )
            );
        }
    }
    h.push_str("</p>");
    if !r.columns.is_empty() {
        let cols: Vec<String> = r
            .columns
            .iter()
            .map(|u| format!("{} → {}", u.label, t.column(&u.column)))
            .collect();
        let _ = write!(
            h,
            "<p class=\"import-columns\">{}{}{}</p>",
            esc(t.import.import_columns),
            t.colon,
            txt(&cols.join(" · "))
        );
    }
    // Unsure: what it saw, by line, so that the visitor can say how to read
    // it (the header's line, the columns, the year) and read it again.
    if let Some(seen) = r
        .seen
        .as_ref()
        .filter(|s| !(s.rows.is_empty() && s.items.is_empty() && s.sentences.is_empty()))
    {
        const SHOWN: usize = 60;
        let _ = write!(
            h,
            "<details class=\"import-seen\" open><summary>{}</summary>",
            esc(t.import.import_seen_heading)
        );
        if !seen.rows.is_empty() {
            h.push_str("<div class=\"table-wrap\" tabindex=\"0\"><table class=\"data-table seen-rows\"><tbody>");
            for row in seen.rows.iter().take(SHOWN) {
                let _ = write!(h, "<tr><th scope=\"row\" class=\"num\">{}</th>", row.line);
                for cell in &row.cells {
                    let _ = write!(h, "<td lang=\"zh-CN\">{}</td>", txt(cell));
                }
                h.push_str("</tr>");
            }
            h.push_str("</tbody></table></div>");
        }
        for lines in [&seen.items, &seen.sentences] {
            if lines.is_empty() {
                continue;
            }
            h.push_str("<ol class=\"seen-lines\">");
            for l in lines.iter().take(SHOWN) {
                let _ = write!(
                    h,
                    "<li value=\"{}\"><span lang=\"zh-CN\">{}</span>{}</li>",
                    l.line,
                    txt(&l.text),
                    if l.numbers.is_empty() {
                        String::new()
                    } else {
                        format!(
                            " <span class=\"seen-numbers\">{}</span>",
                            txt(&l.numbers.join(" · "))
                        )
                    }
                );
            }
            h.push_str("</ol>");
        }
        h.push_str("</details>");
    }
    // Where to see it.
    h.push_str("<p class=\"import-views\">");
    let doc = |p: Page| c.link(&c.route(p).with_param("doc", code));
    if n.tasks > 0 {
        h.push_str(&a(&doc(Page::Tasks), t.import.import_view_tasks));
        h.push(' ');
        h.push_str(&a(
            &doc(Page::Agencies(None)),
            t.import.import_view_agencies,
        ));
        h.push(' ');
    }
    if n.indicators > 0 || n.actuals > 0 {
        h.push_str(&a(&doc(Page::Targets(None)), t.import.import_view_targets));
        h.push(' ');
    }
    h.push_str(&a(
        &c.href(Page::Source(code.to_string())),
        t.import.import_view_source,
    ));
    h.push_str("</p>");
    // Guesses and problems.
    if !r.guesses.is_empty() || !imp.problems.is_empty() {
        let _ = write!(
            h,
            "<h3>{}</h3><ul class=\"import-guesses\">",
            esc(t.import.import_guesses)
        );
        for g in &r.guesses {
            let _ = write!(h, "<li>{}", esc(t.guess(g.code)));
            if !g.detail.is_empty() {
                let _ = write!(h, "{}{}", t.colon, txt(&g.detail));
            }
            if let Some(l) = g.line {
                let _ = write!(
                    h,
                    " ({})",
                    a(
                        &c.source_href(code, l, l),
                        &format!("{} {l}", t.source_lines)
                    )
                );
            }
            h.push_str("</li>");
        }
        for p in &imp.problems {
            let _ = write!(h, "<li>{}</li>", txt(&t.problem(p)));
        }
        h.push_str("</ul>");
    }
    if !r.unused.is_empty() {
        let _ = write!(
            h,
            "<details class=\"import-unused\"><summary>{} ({})</summary><ol>",
            esc(t.import.import_unused),
            r.unused.len()
        );
        for u in r.unused.iter().take(500) {
            let _ = write!(
                h,
                "<li value=\"{}\"><a href=\"{}\">{}</a> <span lang=\"zh-CN\">{}</span></li>",
                u.line,
                esc(&c.source_href(code, u.line, u.line)),
                u.line,
                esc(&u.text)
            );
        }
        h.push_str("</ol></details>");
    }
    let _ = write!(
        h,
        "<p class=\"note\">{}</p></section>",
        esc(t.import.import_rerun)
    );
    h
}
