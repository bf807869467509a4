//! `#/agencies` and `#/agencies/<id>`: the words around the agency figures.

use std::fmt::Write;

use super::not_found;
use crate::markup::{a, esc, txt};
use crate::route::Page;
use crate::words::Ctx;
use plan::load::{names_used, partners, tasks_of_agency, AgencyLoad};
use plan::{Role, RoleRule};

/// The agencies page head: title, what it shows, how roles count.
pub fn agencies_head(c: Ctx) -> String {
    let t = c.t();
    format!(
        "<h1>{}</h1><p class=\"lede\">{}</p><details class=\"role-rules\"><summary>{}</summary><p>{}</p></details>",
        esc(t.agencies_heading),
        txt(t.agencies_intro),
        esc(t.role_rules_heading),
        txt(t.role_rules_body)
    )
}

/// Collective units apart, explained, with their counts.
pub fn collective_section(c: Ctx, rows: &[AgencyLoad]) -> String {
    let t = c.t();
    let coll: Vec<&AgencyLoad> = rows
        .iter()
        .filter(|r| c.ds.is_collective(&r.agency))
        .collect();
    if coll.is_empty() {
        return String::new();
    }
    let mut h = format!(
        "<section class=\"collective\"><h2>{}</h2><p>{}</p><ul>",
        esc(t.collective_heading),
        esc(t.collective_body)
    );
    for r in coll {
        let ag = c.ds.agency(&r.agency).expect("filtered");
        let _ = write!(
            h,
            "<li data-agency=\"{}\">{} · {}<br><span class=\"unit-note\">{}</span></li>",
            esc(&ag.id),
            a(
                &c.href(Page::Agencies(Some(ag.id.clone()))),
                ag.name_in(c.lang)
            ),
            esc(&crate::draw::agency::load_words(c, r)),
            txt(agency_note(c, ag).unwrap_or(""))
        );
    }
    h.push_str("</ul></section>");
    h
}

/// An agency's note in the page's language.
fn agency_note<'a>(c: Ctx<'a>, ag: &'a plan::Agency) -> Option<&'a str> {
    match c.lang {
        plan::Lang::Zh => ag.note.as_deref(),
        plan::Lang::En => ag.note_en.as_deref().or(ag.note.as_deref()),
    }
}

/// An agency's page, but for its chart: names, tasks, partners.
pub fn agency_page(c: Ctx, id: &str) -> (String, String) {
    let t = c.t();
    let Some(ag) = c.ds.agency(id) else {
        return (not_found(c), String::new());
    };
    let mut head = format!(
        "<nav class=\"crumbs\">{} › {}</nav><h1>{}</h1><p class=\"doc-file\">{}{}</p>",
        a(&c.href(Page::Agencies(None)), t.agencies_heading),
        esc(t.agency_kind(ag.kind)),
        txt(ag.name_in(c.lang)),
        esc(t.agency_kind(ag.kind)),
        if c.lang == plan::Lang::Zh {
            String::new()
        } else {
            format!(" · <span lang=\"zh-CN\">{}</span>", esc(&ag.name))
        }
    );
    if let Some(note) = agency_note(c, ag) {
        let _ = write!(head, "<p class=\"note\">{}</p>", txt(note));
    }
    // Names carried, with the documents that use each.
    let _ = write!(
        head,
        "<h2>{}</h2><div class=\"table-wrap\"><table class=\"names-table\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(t.names_heading),
        esc(t.col_name),
        esc(t.col_used_in)
    );
    for n in names_used(c.ds, id) {
        let former = ag
            .former
            .iter()
            .find(|f| f.name == n.name)
            .map(|f| {
                format!(
                    " <span class=\"as-written\">{}</span>",
                    esc(t.name_change(f.why))
                )
            })
            .unwrap_or_default();
        let docs: Vec<String> = n
            .documents
            .iter()
            .map(|(d, k)| {
                let doc = c.ds.document(d);
                format!(
                    "{} {}{}",
                    doc.map(|x| x.code.as_str()).unwrap_or(""),
                    t.doc_period(doc.expect("known")),
                    t.paren(&t.count_tasks(*k))
                )
            })
            .collect();
        let _ = write!(
            head,
            "<tr><th scope=\"row\"><span lang=\"zh-CN\">{}</span>{former}</th><td>{}</td></tr>",
            esc(&n.name),
            esc(&docs.join(t.semi))
        );
    }
    head.push_str("</tbody></table></div>");

    let mut tail = format!(
        "<h2>{}</h2><div class=\"table-wrap\"><table class=\"agency-tasks stack\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
        esc(t.agency_tasks_heading),
        esc(t.task_number),
        esc(t.task_category),
        esc(t.task_text),
        esc(t.col_role),
        esc(t.as_written)
    );
    for at in tasks_of_agency(c.ds, id) {
        let rule = c.ds.document(&at.task.document).map(|d| d.role_rule);
        let role = match (at.role, rule) {
            (Role::Support, _) => t.role_support,
            (Role::Lead, Some(RoleRule::AllResponsible)) => t.role_responsible,
            (Role::Lead, _) => t.role_lead,
        };
        let _ = write!(
            tail,
            "<tr data-task=\"{}\"><td data-label=\"{}\">{}</td><td data-label=\"{}\">{}</td><td data-label=\"{}\"><span lang=\"zh-CN\">{}</span></td><td data-label=\"{}\">{}</td><td data-label=\"{}\"><span lang=\"zh-CN\">{}</span></td></tr>",
            esc(&at.task.id),
            esc(t.task_number),
            a(&c.href(Page::Task(at.task.id.clone())), &at.task.id),
            esc(t.task_category),
            txt(c.category(&at.task.document, &at.task.category)),
            esc(t.task_text),
            esc(&crate::draw::text::fit(&at.task.text, 14.0, 420.0)),
            esc(t.col_role),
            esc(role),
            esc(t.as_written),
            esc(&at.as_written.join("、"))
        );
    }
    tail.push_str("</tbody></table></div>");
    let _ = write!(
        tail,
        "<h2>{}</h2><ol class=\"partners\">",
        esc(t.partners_heading)
    );
    for (p, n) in partners(c.ds, id).into_iter().take(10) {
        let _ = write!(
            tail,
            "<li>{} <span class=\"unit-kind\">{}</span></li>",
            a(&c.href(Page::Agencies(Some(p.clone()))), c.agency(&p)),
            esc(&t.count_tasks(n))
        );
    }
    let _ = write!(
        tail,
        "</ol><details class=\"role-rules\"><summary>{}</summary><p>{}</p></details>",
        esc(t.role_rules_heading),
        txt(t.role_rules_body)
    );
    (head, tail)
}
