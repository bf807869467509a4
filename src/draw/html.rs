//! Static page content as HTML strings, from the model.
//!
//! Pure: the app sets these as `inner_html` (one small string builder instead
//! of a typed view tree per template keeps the wasm small), and the build
//! renders the same functions into the page for visitors without JavaScript.
//! Interactive parts (inputs, chart marks, tooltips) stay in `ui`.

use std::fmt::Write;

use crate::draw::chart::{
    bound_value, implied_words, layout, value_with_unit, ChartSpec, DataTable, Options,
};
use crate::draw::scene::Scene;
use crate::draw::svg;
use crate::draw::text::num;
use crate::i18n::{Lang, LangExt, Texts};
use crate::route::{Page, Route};
use plan::growth::{checks, implied, Check, Verdict};
use plan::indicators::{group_years, Indicator};
use plan::query::highlight;
use plan::statements::Statement;
use plan::summary::DocumentSummary;
use plan::{unique, Dataset, Document, Role, RoleRule, Task};

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// What every fragment needs: the data and the language of links and words.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub ds: &'a Dataset,
    pub lang: Lang,
}

impl<'a> Ctx<'a> {
    pub fn new(ds: &'a Dataset, lang: Lang) -> Ctx<'a> {
        Ctx { ds, lang }
    }
    pub fn t(&self) -> &'static Texts {
        self.lang.t()
    }
    /// A route in this language.
    pub fn route(&self, page: Page) -> Route {
        let r = Route::new(page);
        if self.lang == Lang::default() {
            r
        } else {
            r.with_param("lang", self.lang.code())
        }
    }
    pub fn href(&self, page: Page) -> String {
        self.route(page).to_hash()
    }
    pub fn source_href(&self, doc: &str, start: u32, end: u32) -> String {
        self.route(Page::Source(doc.to_string()))
            .with_param("lines", &format!("{start}-{end}"))
            .to_hash()
    }
}

fn a(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// `<option>`s for a select: an "all" option (value ""), then (value, label) pairs.
pub fn options(all: &str, items: impl Iterator<Item = (String, String)>) -> String {
    let mut h = format!("<option value=\"\">{}</option>", esc(all));
    for (v, l) in items {
        let _ = write!(h, "<option value=\"{}\">{}</option>", esc(&v), esc(&l));
    }
    h
}

/// Options of a document filter: the documents that have tasks.
pub fn document_options(c: Ctx) -> String {
    options(
        c.t().filter_all,
        c.ds.task_documents()
            .map(|d| (d.id.clone(), format!("{} {}", d.code, d.title))),
    )
}

/// Options of a category filter: the categories of `doc`, or of every
/// document (then prefixed with the document's code).
pub fn category_options(c: Ctx, doc: &str) -> String {
    options(
        c.t().filter_all,
        c.ds.documents
            .iter()
            .filter(|d| doc.is_empty() || d.id == doc)
            .flat_map(|d| {
                let prefix = if doc.is_empty() {
                    format!("{} · ", d.code)
                } else {
                    String::new()
                };
                c.ds.categories_of(&d.id)
                    .into_iter()
                    .map(move |cat| (cat.to_string(), format!("{prefix}{cat}")))
            }),
    )
}

/// A link with a class.
pub fn link_class(class: &str, href: &str, text: &str) -> String {
    format!(
        "<a class=\"{}\" href=\"{}\">{}</a>",
        esc(class),
        esc(href),
        esc(text)
    )
}

/// Text with search terms marked.
fn marked(text: &str, terms: &[String]) -> String {
    highlight(text, terms)
        .into_iter()
        .map(|(s, m)| {
            if m {
                format!("<mark>{}</mark>", esc(&s))
            } else {
                esc(&s)
            }
        })
        .collect()
}

// ---------------------------------------------------------------- overview

pub fn overview(c: Ctx) -> String {
    let t = c.t();
    let mut h = String::new();
    let _ = write!(
        h,
        "<section class=\"page overview\"><h1>{}</h1><p class=\"lede\">{}</p><h2>{}</h2>",
        esc(t.app_title),
        esc(t.overview_intro),
        esc(t.documents_heading)
    );
    h.push_str(&documents_table(c));
    h.push_str("</section>");
    h
}

/// The five documents with their counts.
pub fn documents_table(c: Ctx) -> String {
    let t = c.t();
    let rows = DocumentSummary::all(c.ds);
    let total = DocumentSummary::total(&rows, c.ds);
    let mut h = format!(
        "<div class=\"table-wrap\" tabindex=\"0\" role=\"region\" aria-label=\"{}\"><table class=\"doc-table\"><thead><tr>",
        esc(t.documents_heading)
    );
    for (col, num_col) in [
        (t.col_document, false),
        (t.col_kind, false),
        (t.col_date, false),
        (t.col_tasks, true),
        (t.col_categories, true),
        (t.col_units, true),
        (t.col_indicators, true),
        (t.col_places, true),
        (t.col_problems, true),
    ] {
        let _ = write!(
            h,
            "<th scope=\"col\"{}>{}</th>",
            if num_col { " class=\"num\"" } else { "" },
            esc(col)
        );
    }
    let _ = write!(
        h,
        "<th scope=\"col\"><span class=\"visually-hidden\">{}</span></th></tr></thead><tbody>",
        esc(t.view_source)
    );
    for s in &rows {
        let Some(d) = c.ds.document(&s.document) else {
            continue;
        };
        let tasks = if s.tasks > 0 {
            a(
                &c.route(Page::Tasks).with_param("doc", &d.id).to_hash(),
                &s.tasks.to_string(),
            )
        } else {
            s.tasks.to_string()
        };
        let _ = write!(
            h,
            "<tr data-doc=\"{}\"><th scope=\"row\"><span class=\"doc-code\">{}</span> <span class=\"doc-title\">{}</span><p class=\"doc-summary\">{}</p></th><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{tasks}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(&d.code),
            esc(&d.code),
            esc(&d.title),
            esc(&d.summary),
            esc(t.doc_kind(d.kind)),
            esc(d.date.as_deref().unwrap_or(t.no_date)),
            s.categories,
            s.agencies,
            s.indicators,
            s.places,
            s.problems,
            a(&c.href(Page::Source(d.id.clone())), t.view_source)
        );
    }
    let _ = write!(
        h,
        "</tbody><tfoot><tr><th scope=\"row\">{}</th><td></td><td></td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td></td></tr></tfoot></table></div>",
        esc(t.dataset_totals),
        total.tasks,
        total.categories,
        total.agencies,
        total.indicators,
        total.places,
        total.problems
    );
    h
}

// ------------------------------------------------------------------- tasks

/// "省发展改革委、省科技厅 …+3": the first `n` canonical unit names.
pub fn unit_names(ds: &Dataset, task: &Task, n: usize) -> String {
    let names = unique(task.units.iter().map(|a| {
        ds.agency(&a.agency)
            .map(|x| x.name.as_str())
            .unwrap_or(&a.as_written)
    }));
    let more = names.len().saturating_sub(n);
    let mut s = names.into_iter().take(n).collect::<Vec<_>>().join("、");
    if more > 0 {
        let _ = write!(s, " …+{more}");
    }
    s
}

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
                esc(t.task_problems)
            )
        };
        let _ = write!(
            h,
            "<li class=\"task-card\" data-task=\"{id}\"><a class=\"task-link\" href=\"{href}\"><span class=\"task-id\">{id}</span><span class=\"task-cat\">{cat}</span>{problem}</a><p class=\"task-text\">{text}</p><p class=\"task-units\">{units}</p></li>",
            id = esc(&task.id),
            href = esc(&c.href(Page::Task(task.id.clone()))),
            cat = esc(&task.category),
            text = marked(&task.text, terms),
            units = marked(&unit_names(c.ds, task, 6), terms),
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
        a(&c.href(Page::Tasks), t.tasks_heading),
        esc(&doc.code),
        esc(&doc.title)
    );
    // Short texts (003, 004) make the title; long prose (000) uses its category.
    let title = if task.text.chars().count() <= 30 {
        &task.text
    } else {
        &task.category
    };
    let _ = write!(
        h,
        "<h1><span class=\"task-id\">{}</span> {}</h1>",
        esc(&task.id),
        esc(title)
    );
    if !task.problems.is_empty() {
        let _ = write!(
            h,
            "<div class=\"problems\" role=\"note\"><h2>{}</h2><ul>",
            esc(t.task_problems)
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
        esc(&doc.title),
        esc(t.task_number),
        esc(&task.number),
        esc(t.task_category),
        esc(&task.category),
        esc(t.task_text)
    );
    for p in task.text.split('\n') {
        let _ = write!(h, "<p>{}</p>", esc(p));
    }
    h.push_str("</div>");
    let (lead_label, note) = match doc.role_rule {
        RoleRule::AllResponsible => (t.task_responsible, t.role_rule_all),
        _ => (t.task_lead, t.role_rule_lead_support),
    };
    for (role, label) in [(Role::Lead, lead_label), (Role::Support, t.task_support)] {
        let units: Vec<_> = task.units.iter().filter(|a| a.role == role).collect();
        if units.is_empty() && role == Role::Support {
            continue;
        }
        let _ = write!(h, "<h2>{}</h2><ul class=\"unit-list\">", esc(label));
        for u in units {
            let agency = ds.agency(&u.agency);
            let name = agency.map(|x| x.name.as_str()).unwrap_or("");
            let kind = agency.map(|x| t.agency_kind(x.kind)).unwrap_or("");
            let _ = write!(
                h,
                "<li data-agency=\"{}\"><a class=\"unit-name\" href=\"{}\">{}</a>",
                esc(&u.agency),
                esc(&c.href(Page::Agencies(Some(u.agency.clone())))),
                esc(name)
            );
            if let Some(n) = &u.note {
                let _ = write!(h, "<span class=\"unit-note\">（{}）</span>", esc(n));
            }
            let _ = write!(h, " <span class=\"unit-kind\">{}</span>", esc(kind));
            if u.as_written != name {
                let _ = write!(
                    h,
                    " <span class=\"as-written\">{}：{}</span>",
                    esc(t.as_written),
                    esc(&u.as_written)
                );
            }
            h.push_str("</li>");
        }
        h.push_str("</ul>");
    }
    let _ = write!(h, "<p class=\"role-rule\">{}</p>", esc(note));
    if !task.targets.is_empty() {
        let _ = write!(
            h,
            "<h2>{}</h2><div class=\"table-wrap\"><table class=\"targets-table\"><tbody>",
            esc(t.task_targets)
        );
        for x in &task.targets {
            let _ = write!(
                h,
                "<tr><th scope=\"row\">{}</th><td><ol class=\"target-items\">",
                esc(&x.label)
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
        esc(t.task_source),
        a(
            &c.source_href(&doc.id, s, e),
            &format!("{} {} · {} {s}–{e}", doc.code, doc.title, t.source_lines)
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

// ------------------------------------------------------------------ source

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
        SourceText::Loading { excerpt, first } => (excerpt, first, Some(t.source_loading)),
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
        "<div class=\"source{}\" tabindex=\"0\" role=\"region\" aria-label=\"{} {} {}\" data-doc=\"{}\"{}><ol class=\"source-lines\">",
        if embedded { " embedded" } else { "" },
        esc(t.source_heading),
        esc(&d.code),
        esc(&d.title),
        esc(&d.id),
        if status.is_some() { " aria-busy=\"true\"" } else { "" }
    );
    for (i, line) in body.split('\n').enumerate().filter(|_| !body.is_empty()) {
        let n = i as u32 + first;
        let hl = lines.is_some() && a0 <= n && n <= b0;
        let text = if line.is_empty() {
            "\u{200b}".to_string()
        } else {
            esc(line)
        };
        let _ = write!(
            h,
            "<li id=\"L{n}\" value=\"{n}\"{}><span class=\"line-text\">{text}</span></li>",
            if hl {
                " class=\"hl\" aria-current=\"true\""
            } else {
                ""
            }
        );
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
        esc(&d.title),
        source_view(c, d, text, lines, false)
    )
}

// -------------------------------------------------------------------- data

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
            esc(&d.title)
        );
    }
    h.push_str("</ul></section>");
    h
}

// ----------------------------------------------------------------- targets

/// Chart options for an indicator: its group's years.
pub fn chart_options(
    ds: &Dataset,
    ind: &Indicator,
    width: f64,
    compact: bool,
    cumulative: bool,
    lang: Lang,
) -> Options {
    Options {
        width,
        compact,
        cumulative,
        lang,
        years: group_years(&ds.indicators, &ind.group),
    }
}

/// "2019年 1.68 → 2025年 2.7万亿元 · 需年均增长8.2%"
pub fn headline(ind: &Indicator, lang: Lang) -> String {
    let t = lang.t();
    let n = ind.points.len();
    let pts: Vec<String> = ind
        .points
        .iter()
        .enumerate()
        .map(|(i, p)| {
            // The unit once, after the last value ("2.5 → 3%左右").
            let v = if i + 1 == n {
                value_with_unit(p.value, p.bound, &ind.unit)
            } else {
                bound_value(p.value, p.bound)
            };
            format!("{} {v}", t.year_or_undated(p.year))
        })
        .collect();
    let mut s = pts.join(" → ");
    if let Some(im) = implied(ind) {
        s.push_str(" · ");
        s.push_str(&implied_words(&im, lang));
    }
    s
}

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Agrees => "verdict agrees",
        Verdict::Close => "verdict close",
        Verdict::Differs => "verdict differs",
    }
}

fn check_item(c: Ctx, check: &Check, links: bool) -> String {
    let t = c.t();
    let (title, body) = t.check(check);
    let v = check.verdict();
    let mut h = format!(
        "<li class=\"check\" data-check=\"{}\"><p class=\"check-title\"><span class=\"{}\">{}</span> {}</p><p>{}</p>",
        check.key(),
        verdict_class(v),
        esc(t.verdict(v)),
        esc(&title),
        esc(&body)
    );
    if links {
        h.push_str("<p class=\"check-links\">");
        for ind in check
            .indicators()
            .iter()
            .filter_map(|id| c.ds.indicator(id))
        {
            h.push_str(&a(&c.href(Page::Targets(Some(ind.id.clone()))), &ind.name));
            h.push(' ');
        }
        h.push_str("</p>");
    }
    h.push_str("</li>");
    h
}

/// The consistency checks, with links to the indicators they read.
pub fn checks_section(c: Ctx) -> String {
    let t = c.t();
    let mut h = format!(
        "<section class=\"checks\"><h2>{}</h2><p>{}</p><ul class=\"check-list\">",
        esc(t.consistency_heading),
        esc(t.consistency_intro)
    );
    for check in checks(c.ds) {
        h.push_str(&check_item(c, &check, true));
    }
    h.push_str("</ul></section>");
    h
}

pub fn milestones_section(c: Ctx) -> String {
    let t = c.t();
    let mut h = format!(
        "<section class=\"milestones\"><h2>{}</h2><ol class=\"timeline\">",
        esc(t.milestones_heading)
    );
    for m in &c.ds.milestones {
        let label = if c.lang == Lang::Zh {
            &m.label_zh
        } else {
            &m.label_en
        };
        let _ = write!(
            h,
            "<li class=\"milestone\" data-year=\"{}\"><span class=\"ms-year\">{}</span><span class=\"ms-label\">{}</span><details><summary>{}</summary><blockquote>{}</blockquote>{}</details></li>",
            m.year,
            m.year,
            esc(label),
            esc(t.col_quote),
            esc(&m.quote),
            a(&c.source_href(&m.document, m.lines.start, m.lines.end), t.open_in_source)
        );
    }
    h.push_str("</ol></section>");
    h
}

/// An `<svg>` image of a scene, `drawing` being the scene rendered.
pub fn svg_img(scene: &Scene, drawing: &str, class: &str) -> String {
    format!(
        "<svg class=\"{class}\" viewBox=\"0 0 {} {}\" role=\"img\" aria-label=\"{}\">{drawing}</svg>",
        scene.width,
        scene.height,
        esc(&scene.summary)
    )
}

/// An `<svg>` element holding a chart's drawing.
pub fn chart_svg(spec: &ChartSpec, class: &str) -> String {
    let scene = spec.to_scene();
    svg_img(&scene, &svg::render(&scene), class)
}

/// Small multiples of the indicators in `filter`, grouped as the plans group them.
pub fn target_cards(c: Ctx, filter: &dyn Fn(&Indicator) -> bool) -> String {
    let mut groups: Vec<(&str, Vec<&Indicator>)> = Vec::new();
    for ind in c.ds.indicators.iter().filter(|i| filter(i)) {
        match groups.iter_mut().find(|(g, _)| *g == ind.group) {
            Some((_, v)) => v.push(ind),
            None => groups.push((&ind.group, vec![ind])),
        }
    }
    let mut h = String::new();
    for (group, inds) in groups {
        let code =
            c.ds.document(&inds[0].document)
                .map(|d| d.code.as_str())
                .unwrap_or("");
        let _ = write!(
            h,
            "<section class=\"target-group\"><h2><span class=\"doc-code\">{}</span> {}</h2><ul class=\"target-grid\">",
            esc(code),
            esc(group)
        );
        for ind in inds {
            let spec = layout(ind, chart_options(c.ds, ind, 320.0, true, false, c.lang));
            let _ = write!(
                h,
                "<li class=\"target-card\" data-indicator=\"{}\"><a href=\"{}\"><h3>{}</h3>{}<p class=\"card-headline\">{}</p></a></li>",
                esc(&ind.id),
                esc(&c.href(Page::Targets(Some(ind.id.clone())))),
                esc(&ind.name),
                chart_svg(&spec, "chart mini"),
                esc(&headline(ind, c.lang))
            );
        }
        h.push_str("</ul></section>");
    }
    h
}

pub fn targets_overview(c: Ctx) -> String {
    let t = c.t();
    format!(
        "<section class=\"page targets\"><h1>{}</h1><p class=\"lede\">{}</p>{}{}{}{}</section>",
        esc(t.targets_heading),
        esc(t.targets_intro),
        checks_section(c),
        milestones_section(c),
        target_cards(c, &|_| true),
        statements_section(c)
    )
}

/// What the plans say without a number: the targets by year (undated last),
/// then the facts and rankings they report, each with its sentence.
pub fn statements_section(c: Ctx) -> String {
    let t = c.t();
    let mut targets: Vec<&Statement> =
        c.ds.statements
            .iter()
            .filter(|s| s.kind != plan::PointKind::Baseline)
            .collect();
    targets.sort_by_key(|s| s.year.unwrap_or(i32::MAX));
    let baselines: Vec<&Statement> =
        c.ds.statements
            .iter()
            .filter(|s| s.kind == plan::PointKind::Baseline)
            .collect();
    let mut h = format!(
        "<section class=\"statements\" id=\"statements\"><h2>{}</h2><p>{}</p>",
        esc(t.statements_targets_heading),
        esc(t.statements_targets_intro)
    );
    h.push_str(&statement_list(c, &targets));
    let _ = write!(h, "<h2>{}</h2>", esc(t.statements_baselines_heading));
    h.push_str(&statement_list(c, &baselines));
    h.push_str("</section>");
    h
}

fn statement_list(c: Ctx, items: &[&Statement]) -> String {
    let t = c.t();
    let mut h = String::from("<ul class=\"statement-list\">");
    for s in items {
        let year = s
            .year
            .map_or_else(|| t.undated_word.to_string(), |y| t.year(y));
        let code = c.ds.document(&s.document).map_or("", |d| d.code.as_str());
        let _ = write!(
            h,
            "<li class=\"statement\" data-statement=\"{}\"><span class=\"st-year\">{}</span> <span class=\"st-name\">{}</span>：<span class=\"st-claim\">{}</span> <span class=\"doc-code\">{}</span>",
            esc(&s.id),
            esc(&year),
            esc(s.name_in(c.lang)),
            esc(s.claim_in(c.lang)),
            esc(code)
        );
        if let Some(n) = s.note.as_ref() {
            let _ = write!(h, "<p class=\"note\">{}</p>", esc(n));
        }
        if let Some(r) = &s.reading {
            h.push_str(&reading_html(c, r, "st-reading"));
        }
        let _ = write!(
            h,
            "<details><summary>{}</summary><blockquote lang=\"zh-CN\">{}</blockquote>{}</details></li>",
            esc(t.col_quote),
            marked(&s.quote, std::slice::from_ref(&s.snippet.to_lowercase())),
            a(&c.source_href(&s.document, s.lines.start, s.lines.end), t.open_in_source)
        );
    }
    h.push_str("</ul>");
    h
}

/// The head of an indicator's page: crumbs, title, facts, note.
pub fn target_head(c: Ctx, ind: &Indicator) -> String {
    let t = c.t();
    let doc = c.ds.document(&ind.document);
    let mut h = format!(
        "<nav class=\"crumbs\">{} › {}</nav><h1>{}</h1><p class=\"doc-file\"><span class=\"doc-code\">{}</span> {}</p><dl class=\"facts\"><div class=\"fact\"><dt>{}</dt><dd>{}</dd></div><div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
        a(&c.href(Page::Targets(None)), t.targets_heading),
        esc(&ind.group),
        esc(&ind.name),
        esc(doc.map(|d| d.code.as_str()).unwrap_or("")),
        esc(doc.map(|d| d.title.as_str()).unwrap_or("")),
        esc(t.group_label),
        esc(&ind.group),
        esc(t.measure_label),
        esc(t.measure(ind.measure))
    );
    if let Some(im) = implied(ind) {
        // How far the baseline is from the target, then the rate it needs.
        let d = im.to - im.from;
        let pct = d / im.from * 100.0;
        let _ = write!(
            h,
            "<div class=\"fact\"><dt>{}</dt><dd>{}{} ({}{}%) → {}</dd></div>",
            esc(t.gap_label),
            num(d, 3),
            esc(&ind.unit),
            if pct >= 0.0 { "+" } else { "" },
            num(pct, 1),
            num(im.to, 3)
        );
        let _ = write!(
            h,
            "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
            esc(t.needed_label),
            esc(&implied_words(&im, c.lang))
        );
    }
    h.push_str("</dl>");
    if let Some(n) = &ind.note {
        let _ = write!(h, "<p class=\"note\">{}</p>", esc(n));
    }
    // Why the chart reads the values as it does (cumulative, a commitment,
    // one year or an average …): on the page, each reason once.
    let mut readings: Vec<&plan::indicators::Reading> = Vec::new();
    for r in ind
        .reading
        .iter()
        .chain(ind.points.iter().filter_map(|p| p.reading.as_ref()))
    {
        if !readings.contains(&r) {
            readings.push(r);
        }
    }
    if !readings.is_empty() {
        h.push_str("<div class=\"reading\" role=\"note\">");
        for r in readings {
            h.push_str(&reading_html(c, r, "reading-text"));
        }
        h.push_str("</div>");
    }
    h
}

/// What the chart's marks and glyphs mean.
pub fn legend(c: Ctx, ind: &Indicator, spec: &ChartSpec) -> String {
    use crate::draw::chart::Glyph;
    let t = c.t();
    let mut h = String::from("<ul class=\"legend\">");
    let mut item = |class: &str, label: &str| {
        let _ = write!(h, "<li class=\"{class}\">{}</li>", esc(label));
    };
    if ind
        .points
        .iter()
        .any(|p| p.kind == plan::PointKind::Baseline)
    {
        item("lg-baseline", t.legend_baseline);
    }
    if ind.points.iter().any(|p| p.kind == plan::PointKind::Target) {
        item("lg-target", t.legend_target);
    }
    if ind
        .points
        .iter()
        .any(|p| p.kind == plan::PointKind::Commitment)
    {
        item("lg-commitment", t.legend_commitment);
    }
    if spec.implied.is_some() {
        item("lg-path", t.legend_path);
    }
    if spec.glyphs.iter().any(|g| matches!(g, Glyph::Floor { .. })) {
        item("lg-floor", t.legend_floor);
    }
    if spec
        .glyphs
        .iter()
        .any(|g| matches!(g, Glyph::Ceiling { .. }))
    {
        item("lg-ceiling", t.legend_ceiling);
    }
    if spec.glyphs.iter().any(|g| matches!(g, Glyph::Band { .. })) {
        item("lg-band", t.legend_band);
    }
    h.push_str("</ul>");
    h
}

/// A chart's data table, each shown point linked to its source sentence.
pub fn data_table_html(c: Ctx, ind: &Indicator, table: &DataTable) -> String {
    let mut h = String::from("<table class=\"data-table\"><thead><tr>");
    for col in &table.head {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(col));
    }
    h.push_str("</tr></thead><tbody>");
    for r in &table.rows {
        let _ = write!(
            h,
            "<tr{}>",
            if r.point.is_none() {
                " class=\"implied\""
            } else {
                ""
            }
        );
        for cell in &r.cells[..r.cells.len() - 1] {
            let _ = write!(h, "<td>{}</td>", esc(cell));
        }
        h.push_str("<td class=\"quote-cell\">");
        if let Some(i) = r.point {
            let p = &ind.points[i];
            h.push_str(&a(
                &c.source_href(&ind.document, p.lines.start, p.lines.end),
                &r.cells[r.cells.len() - 1],
            ));
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// The tooltip of a point: when, what, the sentence (snippet marked), its link.
pub fn point_tip(c: Ctx, ind: &Indicator, i: usize) -> String {
    let t = c.t();
    let p = &ind.points[i];
    let mut h = format!(
        "<p class=\"tip-head\">{} {}</p><p class=\"tip-value\">{}</p>",
        esc(&t.year_or_undated(p.year)),
        esc(t.point_kind(p.kind)),
        esc(&value_with_unit(p.value, p.bound, &ind.unit)),
    );
    // The quantity as the text writes it, where that says more (1/7).
    if p.written != value_with_unit(p.value, p.bound, &ind.unit) {
        let _ = write!(
            h,
            "<p class=\"tip-written\">{}：{}</p>",
            esc(t.as_written),
            esc(&p.written)
        );
    }
    if let Some(n) = p.note.as_ref() {
        let _ = write!(h, "<p class=\"tip-note\">{}</p>", esc(n));
    }
    if let Some(r) = p.reading.as_ref().or(ind.reading.as_ref()) {
        h.push_str(&reading_html(c, r, "tip-reading"));
    }
    let _ = write!(
        h,
        "<blockquote class=\"tip-quote\">{}</blockquote><a class=\"tip-link\" href=\"{}\">{} →</a>",
        marked(&p.quote, std::slice::from_ref(&p.snippet.to_lowercase())),
        esc(&c.source_href(&ind.document, p.lines.start, p.lines.end)),
        esc(t.open_in_source)
    );
    h
}

/// Why a value is read as it is: the kind of judgement and its reason.
pub fn reading_html(c: Ctx, r: &plan::indicators::Reading, class: &str) -> String {
    let t = c.t();
    format!(
        "<p class=\"{class}\"><strong>{}（{}）</strong>{}</p>",
        esc(t.reading_label),
        esc(t.judgement(r.judgement)),
        esc(t.reason(r))
    )
}

/// Below the chart: 003's qualitative targets, the data table, related
/// checks, and links to the neighbouring indicators.
pub fn target_tail(c: Ctx, ind: &Indicator, table: &DataTable) -> String {
    let t = c.t();
    let mut h = String::new();
    if let Some(task) = ind
        .points
        .iter()
        .find_map(|p| p.task.as_ref())
        .and_then(|id| c.ds.task(id))
    {
        let _ = write!(
            h,
            "<aside class=\"qualitative\"><h2>{}</h2><p>{}</p><div class=\"qual-years\">",
            esc(t.qualitative_heading),
            a(
                &c.href(Page::Task(task.id.clone())),
                &format!("{} {} · {}", task.id, task.category, task.text)
            )
        );
        for x in &task.targets {
            let _ = write!(h, "<div class=\"qual-year\"><h3>{}</h3><ol>", esc(&x.label));
            for i in &x.items {
                let _ = write!(h, "<li>{}</li>", esc(i));
            }
            h.push_str("</ol></div>");
        }
        h.push_str("</div></aside>");
    }
    let _ = write!(
        h,
        "<h2>{}</h2><div class=\"table-wrap\">{}</div>",
        esc(t.data_table),
        data_table_html(c, ind, table)
    );
    let related: Vec<Check> = checks(c.ds)
        .into_iter()
        .filter(|k| k.indicators().contains(&ind.id.as_str()))
        .collect();
    if !related.is_empty() {
        let _ = write!(
            h,
            "<section class=\"checks\"><h2>{}</h2><ul class=\"check-list\">",
            esc(t.related_checks)
        );
        for k in &related {
            h.push_str(&check_item(c, k, false));
        }
        h.push_str("</ul></section>");
    }
    let all = &c.ds.indicators;
    let pos = all.iter().position(|x| x.id == ind.id).unwrap_or(0);
    h.push_str("<nav class=\"pager\">");
    if let Some(p) = pos.checked_sub(1).and_then(|i| all.get(i)) {
        let _ = write!(
            h,
            "<a rel=\"prev\" href=\"{}\">← {}</a>",
            esc(&c.href(Page::Targets(Some(p.id.clone())))),
            esc(&p.name)
        );
    }
    if let Some(n) = all.get(pos + 1) {
        let _ = write!(
            h,
            "<a rel=\"next\" href=\"{}\">{} →</a>",
            esc(&c.href(Page::Targets(Some(n.id.clone())))),
            esc(&n.name)
        );
    }
    h.push_str("</nav>");
    h
}

// ------------------------------------------------------------------ shared

pub fn not_found(c: Ctx) -> String {
    let t = c.t();
    format!(
        "<section class=\"page not-found\"><h1>{}</h1><p>{}</p><p>{}</p></section>",
        esc(t.not_found_title),
        esc(t.not_found_body),
        a(&c.href(Page::Overview), t.back_to_overview)
    )
}

// ---------------------------------------------------------------- agencies

use plan::load::{names_used, partners, tasks_of_agency, AgencyLoad, Graph, Heatmap, LoadFilter};

/// The agencies page head: title, what it shows, how roles count.
pub fn agencies_head(c: Ctx) -> String {
    let t = c.t();
    format!(
        "<h1>{}</h1><p class=\"lede\">{}</p><details class=\"role-rules\"><summary>{}</summary><p>{}</p></details>",
        esc(t.agencies_heading),
        esc(t.agencies_intro),
        esc(t.role_rules_heading),
        esc(t.role_rules_body)
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
            a(&c.href(Page::Agencies(Some(ag.id.clone()))), &ag.name),
            esc(&crate::draw::agency::load_words(c, r)),
            esc(ag.note.as_deref().unwrap_or(""))
        );
    }
    h.push_str("</ul></section>");
    h
}

/// The document colours of the bars, and what solid and light mean.
pub fn doc_legend(c: Ctx, filter: &LoadFilter) -> String {
    let t = c.t();
    let mut h = String::from("<ul class=\"legend doc-legend\">");
    for d in c.ds.task_documents() {
        if filter.document.as_ref().is_some_and(|x| x != &d.id) {
            continue;
        }
        let (r, g, b) = super::agency::doc_color(c, &d.id);
        h.push_str(&format!(
            "<li class=\"lg-doc\"><svg class=\"swatch\" viewBox=\"0 0 24 12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"rgb({r},{g},{b})\"/><rect x=\"12\" width=\"12\" height=\"12\" fill=\"rgb({r},{g},{b})\" fill-opacity=\"0.4\"/></svg> {} {}</li>",
            esc(&d.code),
            esc(&d.title)
        ));
    }
    h.push_str(&format!(
        "<li class=\"lg-note\">{}；{}</li></ul>",
        esc(t.legend_lead),
        esc(t.legend_support)
    ));
    h
}

/// What the heatmap's column numbers stand for.
pub fn heat_legend(c: Ctx, hm: &Heatmap) -> String {
    let t = c.t();
    let mut h = format!(
        "<details class=\"heat-legend\" open><summary>{}</summary><dl>",
        esc(t.heat_legend_heading)
    );
    for ((d, cat), k) in hm.cols.iter().zip(hm.col_numbers()) {
        if k == 1 {
            let doc = c.ds.document(d);
            let _ = write!(
                h,
                "<dt>{} {}</dt>",
                esc(doc.map(|x| x.code.as_str()).unwrap_or("")),
                esc(doc.map(|x| x.title.as_str()).unwrap_or(""))
            );
        }
        let _ = write!(
            h,
            "<dd><span class=\"heat-num\">{}</span> {}</dd>",
            esc(&crate::draw::agency::cn_numeral(k)),
            a(
                &c.route(Page::Tasks)
                    .with_param("doc", d)
                    .with_param("cat", cat)
                    .to_hash(),
                cat
            )
        );
    }
    h.push_str("</dl></details>");
    h
}

/// A generic table (load, heatmap cells, edges).
pub fn table_html(t: &DataTable) -> String {
    let mut h = String::from("<table class=\"data-table\"><thead><tr>");
    for col in &t.head {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(col));
    }
    h.push_str("</tr></thead><tbody>");
    for r in &t.rows {
        h.push_str("<tr>");
        for cell in &r.cells {
            let _ = write!(h, "<td>{}</td>", esc(cell));
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// Tooltip of an agency's bar.
pub fn load_tip(c: Ctx, row: &AgencyLoad) -> String {
    let t = c.t();
    let name = c.ds.agency_name(&row.agency);
    format!(
        "<p class=\"tip-value\">{}</p><p>{}</p><p>{}</p><a class=\"tip-link\" href=\"{}\">{} →</a>",
        esc(name),
        esc(&t.count_tasks(row.total())),
        esc(&crate::draw::agency::load_words(c, row)),
        esc(&c.href(Page::Agencies(Some(row.agency.clone())))),
        esc(name)
    )
}

/// Tooltip of a heatmap cell: the tasks it counts.
pub fn heat_tip(c: Ctx, hm: &Heatmap, row: usize, col: usize) -> String {
    let agency = &hm.rows[row];
    let (doc, cat) = &hm.cols[col];
    let name = c.ds.agency_name(agency);
    let mut h = format!(
        "<p class=\"tip-head\">{}</p><p class=\"tip-value\">{} · {}</p><ul class=\"tip-tasks\">",
        esc(cat),
        esc(name),
        esc(&c.t().count_tasks(hm.cells[row][col]))
    );
    for t in c.ds.tasks.iter().filter(|t| {
        &t.document == doc && &t.category == cat && t.units.iter().any(|u| &u.agency == agency)
    }) {
        let _ = write!(
            h,
            "<li>{}</li>",
            a(
                &c.href(Page::Task(t.id.clone())),
                &format!("{} {}", t.id, super::agency::fit(&t.text, 12.0, 220.0))
            )
        );
    }
    h.push_str("</ul>");
    h
}

/// Tooltip of a network node: what it is and its main partners.
pub fn node_tip(c: Ctx, g: &Graph, i: usize) -> String {
    let t = c.t();
    let n = &g.nodes[i];
    if n.is_task {
        let task = c.ds.task(&n.id);
        return format!(
            "<p class=\"tip-head\">{}</p><p class=\"tip-value\">{} {}</p><p>{}</p><a class=\"tip-link\" href=\"{}\">{} →</a>",
            esc(task.map(|x| x.category.as_str()).unwrap_or("")),
            esc(&n.id),
            esc(&task.map(|x| super::agency::fit(&x.text, 12.0, 260.0)).unwrap_or_default()),
            esc(&task.map(|x| unit_names(c.ds, x, 8)).unwrap_or_default()),
            esc(&c.href(Page::Task(n.id.clone()))),
            esc(&n.id)
        );
    }
    let mut nb = g.neighbours(i);
    nb.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let top: Vec<String> = nb
        .iter()
        .take(5)
        .map(|(j, w)| format!("{}（{}）", g.nodes[*j].label, w))
        .collect();
    format!(
        "<p class=\"tip-value\">{}</p><p>{} · {}</p><p>{}</p><a class=\"tip-link\" href=\"{}\">{} →</a>",
        esc(&n.label),
        esc(&t.count_tasks(n.weight)),
        esc(&t.count_partners(nb.len() as u32)),
        esc(&top.join("、")),
        esc(&c.href(Page::Agencies(Some(n.id.clone())))),
        esc(&n.label)
    )
}

/// An agency's page, but for its chart: names, tasks, partners.
pub fn agency_page(c: Ctx, id: &str) -> (String, String) {
    let t = c.t();
    let Some(ag) = c.ds.agency(id) else {
        return (not_found(c), String::new());
    };
    let mut head = format!(
        "<nav class=\"crumbs\">{} › {}</nav><h1>{}</h1><p class=\"doc-file\">{}</p>",
        a(&c.href(Page::Agencies(None)), t.agencies_heading),
        esc(t.agency_kind(ag.kind)),
        esc(&ag.name),
        esc(t.agency_kind(ag.kind))
    );
    if let Some(note) = &ag.note {
        let _ = write!(head, "<p class=\"note\">{}</p>", esc(note));
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
                    "{} {}（{}）",
                    doc.map(|x| x.code.as_str()).unwrap_or(""),
                    t.doc_period(doc.expect("known")),
                    t.count_tasks(*k)
                )
            })
            .collect();
        let _ = write!(
            head,
            "<tr><th scope=\"row\">{}{former}</th><td>{}</td></tr>",
            esc(&n.name),
            esc(&docs.join("；"))
        );
    }
    head.push_str("</tbody></table></div>");

    let mut tail = format!(
        "<h2>{}</h2><div class=\"table-wrap\"><table class=\"agency-tasks\"><thead><tr><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th><th scope=\"col\">{}</th></tr></thead><tbody>",
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
            "<tr data-task=\"{}\"><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(&at.task.id),
            a(&c.href(Page::Task(at.task.id.clone())), &at.task.id),
            esc(&at.task.category),
            esc(&super::agency::fit(&at.task.text, 14.0, 420.0)),
            esc(role),
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
            a(
                &c.href(Page::Agencies(Some(p.clone()))),
                c.ds.agency_name(&p)
            ),
            esc(&t.count_tasks(n))
        );
    }
    let _ = write!(
        tail,
        "</ol><details class=\"role-rules\"><summary>{}</summary><p>{}</p></details>",
        esc(t.role_rules_heading),
        esc(t.role_rules_body)
    );
    (head, tail)
}

// ------------------------------------------------------------------- embed

/// The snippets that embed a view: a plain iframe (works where a CMS strips
/// scripts) and an iframe that embed.js resizes to its content.
pub fn embed_kit(c: Ctx, page_url: &str, embed_hash: &str, title: &str, offline: bool) -> String {
    let t = c.t();
    let mut h = format!(
        "<details class=\"embed-kit\"><summary>{}</summary>",
        esc(t.embed_heading)
    );
    if offline || page_url.starts_with("file:") {
        let _ = write!(h, "<p>{}</p></details>", esc(t.embed_offline));
        return h;
    }
    let dir = match page_url.rfind('/') {
        Some(i) => &page_url[..=i],
        None => page_url,
    };
    let iframe = |extra: &str| {
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"520\" frameborder=\"0\" loading=\"lazy\"{extra}></iframe>",
            esc(&format!("{page_url}{embed_hash}")),
            esc(title)
        )
    };
    let plain = iframe("");
    let sized = format!(
        "{}\n<script src=\"{}\" defer></script>",
        iframe(" data-cztplans"),
        esc(&format!("{dir}embed.js"))
    );
    let _ = write!(
        h,
        "<p>{}</p><h4>{}</h4><pre class=\"snippet\" data-snippet=\"iframe\"><code>{}</code></pre><h4>{}</h4><pre class=\"snippet\" data-snippet=\"script\"><code>{}</code></pre><p class=\"note\">{}</p></details>",
        esc(t.embed_intro),
        esc(t.embed_plain),
        esc(&plain),
        esc(t.embed_sized),
        esc(&sized),
        esc(t.embed_csp)
    );
    h
}
