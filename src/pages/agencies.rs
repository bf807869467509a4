//! `#/agencies` and `#/agencies/<id>`: the words around the agency figures.

use std::fmt::Write;

use super::not_found;
use crate::draw::agency::{self, doc_legend};
use crate::draw::figure::Figure;
use crate::draw::network::ForceLayout;
use crate::markup::{a, esc, options, txt};
use crate::pages::figure::{figure_html, legend_html, table_html, Downloads};
use crate::route::{Page, Route};
use crate::words::Ctx;
use plan::load::{
    bipartite_top, co_responsibility, heatmap, loads, names_used, partners, tasks_of_agency,
    AgencyLoad, Graph, LoadFilter, SortKey,
};
use plan::{Role, RoleRule};

/// The agencies page head: title, what it shows, how roles count.
pub fn agencies_head(c: Ctx) -> String {
    let t = c.t();
    format!(
        "<h1>{}</h1><p class=\"lede\">{}</p><p class=\"renames-link\">{}</p><details class=\"role-rules\"><summary>{}</summary><p>{}</p></details>",
        esc(t.agencies_heading),
        txt(t.agencies_intro),
        a(&c.href(Page::Renames), t.renames_heading),
        esc(t.agencies.role_rules_heading),
        txt(t.agencies.role_rules_body)
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
        esc(t.agencies.collective_heading),
        esc(t.agencies.collective_body)
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
    c.lang.pick(ag.note.as_deref(), ag.note_en.as_deref())
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
        esc(t.agencies.names_heading),
        esc(t.col_name),
        esc(t.agencies.col_used_in)
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
        esc(t.agencies.agency_tasks_heading),
        esc(t.task_number),
        esc(t.task_category),
        esc(t.task_text),
        esc(t.agencies.col_role),
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
            esc(t.agencies.col_role),
            esc(role),
            esc(t.as_written),
            esc(&at.as_written.join("、"))
        );
    }
    tail.push_str("</tbody></table></div>");
    let _ = write!(
        tail,
        "<h2>{}</h2><ol class=\"partners\">",
        esc(t.agencies.partners_heading)
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
        esc(t.agencies.role_rules_heading),
        txt(t.agencies.role_rules_body)
    );
    (head, tail)
}

/// The most agencies a bar chart, heatmap or bipartite view shows (the
/// ones with most tasks); the network shows up to [`MAX_NODES`].
pub const MAX_ROWS: usize = 60;
pub const MAX_NODES: usize = 100;

/// An agency view: its route key (`view=`), the id of its figure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Load,
    Heatmap,
    Network,
    Bipartite,
}

impl View {
    pub const ALL: [View; 4] = [View::Load, View::Heatmap, View::Network, View::Bipartite];

    pub fn key(self) -> &'static str {
        match self {
            View::Load => "",
            View::Heatmap => "heatmap",
            View::Network => "network",
            View::Bipartite => "bipartite",
        }
    }

    pub fn from_key(k: &str) -> View {
        View::ALL
            .into_iter()
            .find(|v| v.key() == k)
            .unwrap_or(View::Load)
    }

    pub fn figure_id(self) -> &'static str {
        match self {
            View::Load => "agency-fig",
            View::Heatmap => "agency-heat",
            View::Network => "agency-net",
            View::Bipartite => "agency-bip",
        }
    }

    pub fn title(self, c: Ctx) -> &'static str {
        let t = c.t();
        match self {
            View::Load => t.agencies.view_load,
            View::Heatmap => t.agencies.view_heatmap,
            View::Network => t.agencies.view_network,
            View::Bipartite => t.agencies.view_bipartite,
        }
    }
}

/// What the agencies page's route asks for.
#[derive(Clone, Debug, PartialEq)]
pub struct AgencyState {
    pub view: View,
    pub filter: LoadFilter,
    pub sort: String,
    /// The network draws lines between agencies sharing at least this
    /// many tasks (`?shared=`).
    pub shared: u32,
}

/// The network's lines at first: pairs sharing two tasks or more (pairs
/// sharing one are most of the lines and hide the rest).
pub const DEFAULT_SHARED: u32 = 2;

/// The choices of the network's threshold.
pub const SHARED_CHOICES: [u32; 4] = [1, 2, 3, 5];

impl AgencyState {
    pub fn of(route: &Route) -> AgencyState {
        AgencyState {
            view: View::from_key(route.param("view").unwrap_or("")),
            filter: LoadFilter {
                document: route.param("doc").map(str::to_string),
                category: route.param("cat").map(str::to_string),
            },
            sort: route.param("sort").unwrap_or("").to_string(),
            shared: route
                .param("shared")
                .and_then(|v| v.parse().ok())
                .filter(|v| SHARED_CHOICES.contains(v))
                .unwrap_or(DEFAULT_SHARED),
        }
    }
    pub fn rows(&self, ds: &plan::Dataset) -> Vec<AgencyLoad> {
        loads(ds, &self.filter, SortKey::from_key(&self.sort))
    }
}

/// The co-responsibility network of a filter, as the network view shows it.
pub fn network_graph(c: Ctx, filter: &LoadFilter) -> Graph {
    co_responsibility(c.ds, filter).top(MAX_NODES)
}

/// A view's figure at `width`; the network's with its layout (`unit`
/// positions, from [`crate::draw::network::ForceLayout`]).
pub fn view_figure(
    c: Ctx,
    view: View,
    s: &AgencyState,
    rows: &[AgencyLoad],
    net: Option<(&Graph, &[(f64, f64)])>,
    width: f64,
) -> Figure {
    let ds = c.ds;
    let w = width.clamp(280.0, 1100.0);
    match view {
        View::Heatmap => agency::heat_figure(
            c,
            &heatmap(ds, s.filter.document.as_deref()).top(MAX_ROWS),
            w,
        ),
        View::Network => match net {
            Some((g, unit)) => agency::network_figure(c, g, unit, w, s.shared),
            None => Figure::default(),
        },
        View::Bipartite if s.filter.document.is_none() => {
            // Every document: one panel each.
            let panels: Vec<(String, Graph)> = ds
                .task_documents()
                .map(|d| {
                    let f = LoadFilter {
                        document: Some(d.id.clone()),
                        category: s.filter.category.clone(),
                    };
                    (
                        format!("{} {}", d.code, c.doc_title(d)),
                        bipartite_top(ds, &f, MAX_ROWS),
                    )
                })
                .collect();
            agency::bipartite_panels(c, &panels, &rows[..rows.len().min(MAX_ROWS)], w)
        }
        View::Bipartite => {
            let g = bipartite_top(ds, &s.filter, MAX_ROWS);
            agency::bipartite_figure(c, &g, &rows[..rows.len().min(MAX_ROWS)], w)
        }
        View::Load => {
            let shown: Vec<_> = rows
                .iter()
                .filter(|x| !ds.is_collective(&x.agency))
                .take(MAX_ROWS)
                .cloned()
                .collect();
            agency::load_figure(c, &shown, w)
        }
    }
}

/// The network's layout, computed to the end (the app runs large ones in slices).
pub fn network_layout(g: &Graph) -> Vec<(f64, f64)> {
    let mut layout = ForceLayout::new(g);
    layout.step(usize::MAX);
    layout.normalized()
}

/// A view's figures at each of `widths`.
pub fn view_figures(c: Ctx, view: View, s: &AgencyState, widths: &[f64]) -> Vec<(f64, Figure)> {
    let rows = s.rows(c.ds);
    let net = (view == View::Network).then(|| {
        let g = network_graph(c, &s.filter);
        let unit = network_layout(&g);
        (g, unit)
    });
    widths
        .iter()
        .map(|w| {
            (
                *w,
                view_figure(
                    c,
                    view,
                    s,
                    &rows,
                    net.as_ref().map(|(g, u)| (g, u.as_slice())),
                    *w,
                ),
            )
        })
        .collect()
}

/// What goes above a view's figure: its note, and how many it shows.
pub fn before_view(c: Ctx, s: &AgencyState, rows: &[AgencyLoad]) -> String {
    let t = c.t();
    let total = rows.len();
    let cap = if s.view == View::Network {
        MAX_NODES
    } else {
        MAX_ROWS
    };
    let capped = if total > cap {
        format!(
            "<p class=\"note capped\">{}</p>",
            esc(&t.capped(cap, total))
        )
    } else {
        String::new()
    };
    let note = match s.view {
        // Wider than a phone: it says so there (CSS shows it only where the
        // figure is wider than its box).
        View::Heatmap => format!(
            "<p class=\"note scroll-hint\">{}</p>",
            esc(t.agencies.heat_scroll_hint)
        ),
        View::Network => {
            let g = network_graph(c, &s.filter);
            let shown = g.edges.iter().filter(|e| e.2 >= s.shared).count();
            format!(
                "<p class=\"note\">{}</p><p class=\"note edges-shown\">{}</p>",
                esc(t.agencies.network_note),
                esc(&t.edges_shown(shown, g.edges.len(), s.shared))
            )
        }
        View::Bipartite => format!("<p class=\"note\">{}</p>", esc(t.agencies.bipartite_note)),
        View::Load => legend_html(c.lang, &doc_legend(c, &s.filter)),
    };
    format!("{note}{capped}")
}

/// What goes under a view's figure on the full page.
pub fn after_view(c: Ctx, view: View, fig: &Figure, rows: &[AgencyLoad]) -> String {
    match view {
        View::Heatmap | View::Network => legend_html(c.lang, &fig.legend),
        View::Load => collective_section(c, rows),
        View::Bipartite => String::new(),
    }
}

/// One view's block: its figure, data table (filled when opened, by the
/// app; written whole by the build) and what goes under it.
pub fn view_block(
    c: Ctx,
    view: View,
    figs: &[(f64, Figure)],
    rows: &[AgencyLoad],
    embed: bool,
) -> String {
    let t = c.t();
    let fig = figure_html(c, view.figure_id(), figs, Downloads::None);
    if embed {
        return fig;
    }
    let widest = figs.last().map(|(_, f)| f);
    format!(
        "{fig}<details class=\"table-details\"><summary>{}</summary><div class=\"table-wrap\">{}</div></details><div class=\"html\">{}</div>",
        esc(t.data_table),
        widest.map(|f| table_html(&f.table)).unwrap_or_default(),
        widest.map(|f| after_view(c, view, f, rows)).unwrap_or_default()
    )
}

/// The view switch: buttons the app answers (each a history entry), and
/// links without it.
fn view_buttons(c: Ctx, route: &Route, now: View) -> String {
    let t = c.t();
    let mut h = format!(
        "<div class=\"segmented views\" role=\"group\" aria-label=\"{}\">",
        esc(t.chart_view)
    );
    for v in View::ALL {
        let _ = write!(
            h,
            "<a class=\"button\" role=\"button\" data-view=\"{}\" aria-pressed=\"{}\" href=\"{}\">{}</a>",
            v.key(),
            v == now,
            esc(&c.link(&route.with_param("view", v.key()))),
            esc(v.title(c))
        );
    }
    h.push_str("</div>");
    h
}

/// The filters of the agencies page (document, category, sort).
fn filters(c: Ctx, s: &AgencyState) -> String {
    let t = c.t();
    let sort_options = options(
        t.agencies.sort_total,
        [
            ("lead", t.agencies.sort_lead),
            ("support", t.agencies.sort_support),
            ("registry", t.agencies.sort_registry),
        ]
        .into_iter()
        .map(|(v, l)| (v.to_string(), l.to_string())),
    );
    let doc = s.filter.document.as_deref().unwrap_or("");
    format!(
        "<form class=\"filters\" method=\"get\">{}<div class=\"field field-sort\"{}><label for=\"ag-sort\">{}</label><select id=\"ag-sort\" name=\"sort\">{}</select></div><div class=\"field field-shared\"{}><label for=\"ag-shared\">{}</label><select id=\"ag-shared\" name=\"shared\">{}</select></div></form>",
        super::doc_category_fields(c, "ag-doc", "ag-cat", doc, s.filter.category.as_deref().unwrap_or("")),
        if s.view == View::Load { "" } else { " hidden" },
        esc(t.agencies.sort_label),
        super::selected(&sort_options, &s.sort),
        if s.view == View::Network { "" } else { " hidden" },
        esc(t.agencies.shared_label),
        SHARED_CHOICES
            .iter()
            .map(|n| format!(
                "<option value=\"{n}\"{}>{}</option>",
                if *n == s.shared { " selected" } else { "" },
                esc(&t.shared_option(*n))
            ))
            .collect::<String>()
    )
}

/// `#/agencies`: the view switch, the filters and the view asked for (the
/// others are drawn by the app when first shown).
pub fn agencies_page(c: Ctx, route: &Route, widths: &[f64], embed_kit: &str) -> String {
    let s = AgencyState::of(route);
    let rows = s.rows(c.ds);
    let mut views = String::new();
    for v in View::ALL {
        let body = if v == s.view {
            view_block(c, v, &view_figures(c, v, &s, widths), &rows, false)
        } else {
            String::new()
        };
        let _ = write!(
            views,
            "<div class=\"agency-view\" data-view=\"{}\"{}>{body}</div>",
            v.key(),
            if v == s.view { "" } else { " hidden" }
        );
    }
    format!(
        "<section class=\"page agencies\"><div class=\"html\">{}</div>{}{}<div class=\"html view-before\">{}</div>{views}{embed_kit}</section>",
        agencies_head(c),
        view_buttons(c, route, s.view),
        filters(c, &s),
        before_view(c, &s, &rows)
    )
}

/// `#/embed/agencies`: one view with its title and source line (a block
/// for each view, as on the page: the app draws another when asked).
pub fn agencies_embed(c: Ctx, route: &Route, widths: &[f64], full: &str) -> String {
    let s = AgencyState::of(route);
    let rows = s.rows(c.ds);
    let docs: Vec<&str> = match &s.filter.document {
        Some(d) => vec![d.as_str()],
        None => c.ds.task_documents().map(|d| d.id.as_str()).collect(),
    };
    let mut views = String::new();
    for v in View::ALL {
        let body = if v == s.view {
            view_block(c, v, &view_figures(c, v, &s, widths), &rows, true)
        } else {
            String::new()
        };
        let _ = write!(
            views,
            "<div class=\"agency-view\" data-view=\"{}\"{}>{body}</div>",
            v.key(),
            if v == s.view { "" } else { " hidden" }
        );
    }
    format!(
        "<section class=\"agencies embed\"><h1 class=\"embed-title\">{}</h1><div class=\"html view-before\">{}</div>{views}{}</section>",
        esc(s.view.title(c)),
        before_view(c, &s, &rows),
        super::embed::credit(c, &docs, full)
    )
}

/// An agency's load by document at each of `widths`.
pub fn agency_docs_figures(c: Ctx, id: &str, widths: &[f64]) -> Vec<(f64, Figure)> {
    let rows: Vec<_> = loads(c.ds, &LoadFilter::default(), SortKey::Total)
        .into_iter()
        .filter(|r| r.agency == id)
        .collect();
    widths
        .iter()
        .map(|w| {
            (
                *w,
                agency::agency_docs_figure(c, id, &rows, w.clamp(280.0, 900.0)),
            )
        })
        .collect()
}

/// `#/agencies/<id>`: names, tasks, partners and load by document.
pub fn agency_full_page(c: Ctx, ag: &plan::Agency, widths: &[f64], embed_kit: &str) -> String {
    let t = c.t();
    let (head, tail) = agency_page(c, &ag.id);
    format!(
        "<article class=\"page agency-page\" data-agency=\"{}\"><div class=\"html\">{head}</div><h2>{}</h2><div class=\"html\">{}</div>{}{embed_kit}<div class=\"html\">{tail}</div></article>",
        esc(&ag.id),
        esc(t.agencies.agency_docs_heading),
        legend_html(c.lang, &doc_legend(c, &LoadFilter::default())),
        figure_html(c, "agency-docs", &agency_docs_figures(c, &ag.id, widths), Downloads::None)
    )
}

/// `#/embed/agencies/<id>`.
pub fn agency_embed(c: Ctx, ag: &plan::Agency, widths: &[f64], full: &str) -> String {
    let t = c.t();
    let docs: Vec<&str> = c.ds.task_documents().map(|d| d.id.as_str()).collect();
    format!(
        "<article class=\"agency-page embed\" data-agency=\"{}\"><h1 class=\"embed-title\">{} · {}</h1><div class=\"html\">{}</div>{}{}</article>",
        esc(&ag.id),
        txt(ag.name_in(c.lang)),
        esc(t.agencies.agency_docs_heading),
        legend_html(c.lang, &doc_legend(c, &LoadFilter::default())),
        figure_html(c, "agency-docs", &agency_docs_figures(c, &ag.id, widths), Downloads::None),
        super::embed::credit(c, &docs, full)
    )
}
