//! The task explorer's list, one task with its source lines, and whole
//! source documents.

use std::fmt::Write;

use super::not_found;
use crate::markup::{a, esc, marked, txt};
use crate::route::Page;
use crate::words::{unit_names, Ctx};
use plan::{Dataset, Document, Role, RoleRule, Task};

/// The task explorer's result list.
pub fn task_items(c: Ctx, tasks: &[&Task], terms: &[String]) -> String {
    let t = c.t();
    if tasks.is_empty() {
        return format!("<p class=\"empty\">{}</p>", esc(t.no_results));
    }
    let mut h = String::from("<ol class=\"task-list\">");
    for task in tasks {
        let problem = if task.problems.is_empty() {
            String::new()
        } else {
            format!(
                "<span class=\"badge problem-badge\">{}</span>",
                esc(t.tasks.task_problems)
            )
        };
        let _ = write!(
            h,
            "<li class=\"task-card\" data-task=\"{id}\"><a class=\"task-link\" href=\"{href}\"><span class=\"task-id\">{id}</span><span class=\"task-cat\">{cat}</span>{problem}</a><p class=\"task-text\" lang=\"zh-CN\">{text}</p><p class=\"task-units\">{units}</p></li>",
            id = esc(&task.id),
            href = esc(&c.href(Page::Task(task.id.clone()))),
            cat = txt(c.category(&task.document, &task.category)),
            text = marked(&task.text, terms),
            units = marked(&unit_names(c.ds, task, 6, c.lang), terms),
        );
    }
    h.push_str("</ol>");
    h
}

/// A document's text as a source view has it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum SourceText<'a> {
    /// The whole document.
    Whole(&'a str),
    /// Not loaded yet: show these lines (from line `first`) meanwhile.
    Loading { excerpt: &'a str, first: u32 },
    /// It could not be loaded: why; these lines (from line `first`) still show.
    Failed {
        why: &'a str,
        excerpt: &'a str,
        first: u32,
    },
}

/// One task: everything but the interactive parts. Its own source lines
/// show while `text` is `None` (loading); then the whole document.
pub fn task_page(c: Ctx, task: &Task, text: Option<SourceText>) -> String {
    let t = c.t();
    let ds = c.ds;
    let Some(doc) = ds.document(&task.document) else {
        return not_found(c);
    };
    let mut h = String::new();
    let _ = write!(
        h,
        "<article class=\"page task-page\" data-task=\"{}\"><nav class=\"crumbs\" aria-label=\"{}\">{} › <span>{} {}</span></nav>",
        esc(&task.id),
        esc(t.nav_tasks),
        a(&c.href(Page::Tasks), t.tasks.tasks_heading),
        esc(&doc.code),
        txt(c.doc_title(doc))
    );
    // Short texts (003, 004) make the title; long prose (000) uses its category.
    let title = if task.text.chars().count() <= 30 {
        &task.text
    } else {
        c.category(&task.document, &task.category)
    };
    let _ = write!(
        h,
        "<h1><span class=\"task-id\">{}</span> {}</h1>{}",
        esc(&task.id),
        txt(title),
        super::targets::untranslated(c)
    );
    if !task.problems.is_empty() {
        let _ = write!(
            h,
            "<div class=\"problems\" role=\"note\"><h2>{}</h2><ul>",
            esc(t.tasks.task_problems)
        );
        for p in &task.problems {
            let _ = write!(h, "<li>{}</li>", esc(&t.problem(p)));
        }
        h.push_str("</ul></div>");
    }
    let _ = write!(
        h,
        "<dl class=\"task-meta\"><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd><dt>{}</dt><dd>{}</dd></dl><h2>{}</h2><div class=\"task-full-text\">",
        esc(t.col_document),
        txt(c.doc_title(doc)),
        esc(t.task_number),
        esc(&task.number),
        esc(t.task_category),
        txt(c.category(&task.document, &task.category)),
        esc(t.task_text)
    );
    for p in task.text.split('\n') {
        let _ = write!(h, "<p lang=\"zh-CN\">{}</p>", esc(p));
    }
    h.push_str("</div>");
    let (lead_label, note) = match doc.role_rule {
        RoleRule::AllResponsible => (t.tasks.task_responsible, t.tasks.role_rule_all),
        _ => (t.tasks.task_lead, t.tasks.role_rule_lead_support),
    };
    for (role, label) in [
        (Role::Lead, lead_label),
        (Role::Support, t.tasks.task_support),
    ] {
        let units: Vec<_> = task.units.iter().filter(|a| a.role == role).collect();
        if units.is_empty() && role == Role::Support {
            continue;
        }
        let _ = write!(h, "<h2>{}</h2><ul class=\"unit-list\">", esc(label));
        for u in units {
            let agency = ds.agency(&u.agency);
            let name = agency.map(|x| x.name_in(c.lang)).unwrap_or("");
            let kind = agency.map(|x| t.agency_kind(x.kind)).unwrap_or("");
            let _ = write!(
                h,
                "<li data-agency=\"{}\"><a class=\"unit-name\" href=\"{}\">{}</a>",
                esc(&u.agency),
                esc(&c.href(Page::Agencies(Some(u.agency.clone())))),
                txt(name)
            );
            if let Some(n) = &u.note {
                let _ = write!(
                    h,
                    "<span class=\"unit-note\" lang=\"zh-CN\">（{}）</span>",
                    esc(n)
                );
            }
            let _ = write!(h, " <span class=\"unit-kind\">{}</span>", esc(kind));
            if u.as_written != name {
                let _ = write!(
                    h,
                    " <span class=\"as-written\">{}{}<span lang=\"zh-CN\">{}</span></span>",
                    esc(t.as_written),
                    t.colon,
                    esc(&u.as_written)
                );
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    }
    let _ = write!(h, "<p class=\"role-rule\">{}</p>", txt(note));
    if !task.targets.is_empty() {
        let _ = write!(
            h,
            "<h2>{}</h2><div class=\"table-wrap\"><table class=\"targets-table\"><tbody>",
            esc(t.tasks.task_targets)
        );
        for x in &task.targets {
            let _ = write!(
                h,
                "<tr><th scope=\"row\">{}</th><td><ol class=\"target-items\" lang=\"zh-CN\">",
                esc(&match x.year {
                    _ if c.lang == plan::Lang::Zh => x.label.clone(),
                    Some(y) => t.target_for(y),
                    None => t.groundwork.to_string(),
                })
            );
            for i in &x.items {
                let _ = write!(h, "<li>{}</li>", esc(i));
            }
            h.push_str("</ol></td></tr>");
        }
        h.push_str("</tbody></table></div>");
    }
    let (s, e) = (task.lines.start, task.lines.end);
    let _ = write!(
        h,
        "<h2 id=\"task-source\">{}</h2><p class=\"source-ref\">{}</p>",
        esc(t.tasks.task_source),
        a(
            &c.source_href(&doc.id, s, e),
            &format!(
                "{} {} · {} {s}–{e}",
                doc.code,
                c.doc_title(doc),
                t.source_lines
            )
        )
    );
    let text = text.unwrap_or(SourceText::Loading {
        excerpt: &task.quote,
        first: s,
    });
    h.push_str(&source_view(c, doc, text, Some((s, e)), true));
    let siblings: Vec<&Task> = ds.tasks_of(&task.document).collect();
    let pos = siblings.iter().position(|x| x.id == task.id).unwrap_or(0);
    let _ = write!(
        h,
        "<nav class=\"pager\" aria-label=\"{}\">",
        esc(t.nav_tasks)
    );
    if let Some(p) = pos.checked_sub(1).and_then(|i| siblings.get(i)) {
        let _ = write!(
            h,
            "<a rel=\"prev\" href=\"{}\">← {}</a>",
            esc(&c.href(Page::Task(p.id.clone()))),
            esc(&p.id)
        );
    }
    if let Some(n) = siblings.get(pos + 1) {
        let _ = write!(
            h,
            "<a rel=\"next\" href=\"{}\">{} →</a>",
            esc(&c.href(Page::Task(n.id.clone()))),
            esc(&n.id)
        );
    }
    h.push_str("</nav></article>");
    h
}

/// A document's lines in an ordered list, `lines` highlighted.
pub fn source_view(
    c: Ctx,
    d: &Document,
    text: SourceText,
    lines: Option<(u32, u32)>,
    embedded: bool,
) -> String {
    let t = c.t();
    let (a0, b0) = lines.unwrap_or((0, 0));
    let (body, first, status) = match text {
        // A final newline ends the last line; it starts no new one.
        SourceText::Whole(s) => (s.strip_suffix('\n').unwrap_or(s), 1, None),
        SourceText::Loading { excerpt, first } => (excerpt, first, Some(t.tasks.source_loading)),
        SourceText::Failed {
            why,
            excerpt,
            first,
        } => (excerpt, first, Some(why)),
    };
    let mut h = String::new();
    if let Some(status) = status {
        let _ = write!(
            h,
            "<p class=\"source-status\" role=\"status\">{}</p>",
            esc(status)
        );
    }
    let _ = write!(
        h,
        "<div class=\"source{}\" tabindex=\"0\" role=\"region\" aria-label=\"{} {} {}\" data-doc=\"{}\"{}>",
        if embedded { " embedded" } else { "" },
        esc(t.source_heading),
        esc(&d.code),
        esc(c.doc_title(d)),
        esc(&d.id),
        if status.is_some() { " aria-busy=\"true\"" } else { "" }
    );
    // In a task's panel the lines before the task's own fold away (two
    // stay for context): the panel opens on the task without a script.
    let fold = if embedded && lines.is_some() && first == 1 {
        a0.saturating_sub(2)
    } else {
        0
    };
    if fold <= 1 {
        h.push_str("<ol class=\"source-lines\" lang=\"zh-CN\">");
    }
    let line_html = |n: u32, line: &str| {
        let hl = lines.is_some() && a0 <= n && n <= b0;
        let text = if line.is_empty() {
            "\u{200b}".to_string()
        } else {
            esc(line)
        };
        format!(
            "<li id=\"L{n}\" value=\"{n}\"{}><span class=\"line-text\">{text}</span></li>",
            if hl {
                " class=\"hl\" aria-current=\"true\""
            } else {
                ""
            }
        )
    };
    let all: Vec<&str> = if body.is_empty() {
        Vec::new()
    } else {
        body.split('\n').collect()
    };
    for (i, line) in all.iter().enumerate() {
        let n = i as u32 + first;
        if fold > 1 && n == 1 {
            let _ = write!(
                h,
                "<details class=\"earlier\"><summary>{} (1–{})</summary><ol class=\"source-lines\" lang=\"zh-CN\">",
                esc(t.tasks.source_earlier),
                fold - 1
            );
        }
        h.push_str(&line_html(n, line));
        if fold > 1 && n + 1 == fold {
            h.push_str("</ol></details><ol class=\"source-lines\" lang=\"zh-CN\">");
        }
    }
    h.push_str("</ol></div>");
    h
}

/// Find a document by id ("000_46937b859a78d65d") or code ("000").
pub fn find_document<'a>(ds: &'a Dataset, doc: &str) -> Option<&'a Document> {
    ds.document(doc)
        .or_else(|| ds.documents.iter().find(|d| d.code == doc))
}

pub fn source_page(c: Ctx, doc: &str, lines: Option<(u32, u32)>, text: SourceText) -> String {
    let t = c.t();
    let Some(d) = find_document(c.ds, doc) else {
        return not_found(c);
    };
    let mut meta = esc(&d.file);
    if let Some(date) = &d.date {
        let _ = write!(meta, " · {}", esc(date));
    }
    if let Some((a0, b0)) = lines {
        let _ = write!(meta, " · {} {a0}–{b0}", esc(t.source_lines));
    }
    format!(
        "<section class=\"page source-page\"><nav class=\"crumbs\">{} › {}</nav><h1><span class=\"doc-code\">{}</span> {}</h1><p class=\"doc-file\">{meta}</p>{}</section>",
        a(&c.href(Page::Overview), t.nav_overview),
        esc(t.source_heading),
        esc(&d.code),
        txt(c.doc_title(d)),
        source_view(c, d, text, lines, false)
    )
}

/// How many tasks the explorer lists at a time (the seeds' 86 at once; a
/// larger dataset a page at a time, under a "show more" button).
pub const PAGE: usize = 100;

/// The task explorer's filters, from its route.
pub fn task_filter(route: &crate::route::Route) -> plan::query::TaskFilter {
    plan::query::TaskFilter {
        query: route.param("q").unwrap_or("").to_string(),
        document: route.param("doc").map(str::to_string),
        category: route.param("cat").map(str::to_string),
        agency: route.param("agency").map(str::to_string),
    }
}

/// The results: their count, the first `limit`, and a button for more.
pub fn results(c: Ctx, found: &[&Task], terms: &[String], limit: usize) -> String {
    let t = c.t();
    let more = found.len().saturating_sub(limit);
    let mut h = format!(
        "<p class=\"result-count\" role=\"status\" aria-live=\"polite\"><span id=\"task-count\">{}</span> {}</p><div class=\"html task-results\">{}</div>",
        found.len(),
        esc(t.tasks.results_count),
        task_items(c, &found[..found.len().min(limit)], terms)
    );
    if more > 0 {
        let _ = write!(
            h,
            "<button type=\"button\" class=\"show-more\">{}</button>",
            esc(&t.show_more(more.min(PAGE), more))
        );
    }
    h
}

/// `#/tasks`: the search and filters, then the tasks found. `found` are the
/// tasks the filter finds (the search index is the caller's).
pub fn explorer_page(c: Ctx, route: &crate::route::Route, found: &[&Task]) -> String {
    let t = c.t();
    let f = task_filter(route);
    let doc = f.document.as_deref().unwrap_or("");
    let agency = f.agency.as_deref().unwrap_or("");
    let set = [doc, f.category.as_deref().unwrap_or(""), agency]
        .iter()
        .filter(|v| !v.is_empty())
        .count();
    let agency_options = crate::markup::options(
        t.filter_all,
        c.ds.agencies
            .iter()
            .map(|a| (a.id.clone(), a.name_in(c.lang).to_string())),
    );
    let terms = plan::query::terms(&f.query);
    format!(
        "<section class=\"page tasks\"><h1>{}</h1><form class=\"filters\" role=\"search\" method=\"get\"><div class=\"field field-search\"><label for=\"task-q\">{}</label><input id=\"task-q\" name=\"q\" type=\"search\" autocomplete=\"off\" placeholder=\"{}\" value=\"{}\"></div><button type=\"button\" class=\"filters-toggle\" aria-controls=\"task-filters\" aria-expanded=\"{}\">{}<span class=\"filter-n\">{}</span></button><div id=\"task-filters\" class=\"filter-more{}\">{}<div class=\"field\"><label for=\"task-agency\">{}</label><select id=\"task-agency\" name=\"agency\">{}</select></div><div class=\"field field-clear\"><a class=\"button\" href=\"{}\">{}</a></div></div></form><div class=\"results\">{}</div></section>",
        esc(t.tasks.tasks_heading),
        esc(t.tasks.search_label),
        esc(t.tasks.search_placeholder),
        esc(&f.query),
        set > 0,
        esc(t.tasks.filters_toggle),
        if set > 0 { format!(" ({set})") } else { String::new() },
        if set > 0 { " open" } else { "" },
        super::doc_category_fields(c, "task-doc", "task-cat", doc, f.category.as_deref().unwrap_or("")),
        esc(t.tasks.filter_agency),
        super::selected(&agency_options, agency),
        esc(&c.href(Page::Tasks)),
        esc(t.tasks.clear_filters),
        results(c, found, &terms, PAGE)
    )
}
