//! `#/targets` and `#/targets/<id>`: the indicators, checks, milestones and
//! statements around the charts.

use std::fmt::Write;

use crate::draw::chart::{
    self, chart_options, implied_words, kind_of, layout, reading_words, svg_html,
};
use crate::draw::figure::{DataTable, Figure};
use crate::markup::{a, esc, marked, txt};
use crate::pages::figure::{figure_html, legend_html, table_html, Downloads};
use crate::route::Page;
use crate::words::fmt::{bound_in, num};
use crate::words::{Ctx, Lang, LangExt};
use plan::growth::{checks, implied, Check, Verdict};
use plan::indicators::Indicator;
use plan::statements::Statement;

/// "2019年 1.68 → 2025年 2.7万亿元 · 需年均增长8.2%"; in English, English
/// magnitudes ("2019 16.8 trillion → …", "13 million → 13.5 million people").
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
                crate::words::fmt::amount(p.value, p.bound, ind, lang)
            } else {
                match (&ind.unit_scale, lang) {
                    (Some((scale, _)), Lang::En) => {
                        let q = crate::words::fmt::english_amount(p.value, *scale, "");
                        crate::words::fmt::bounded(&q, p.bound, lang)
                    }
                    _ => bound_in(p.value, p.bound, lang),
                }
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

pub fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Agrees => "verdict agrees",
        Verdict::Close => "verdict close",
        Verdict::Differs => "verdict differs",
    }
}

pub fn check_item(c: Ctx, check: &Check, links: bool) -> String {
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
            h.push_str(&a(
                &c.href(Page::Targets(Some(ind.id.clone()))),
                ind.name_in(c.lang),
            ));
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
        "<section class=\"checks\" id=\"checks\"><h2>{}</h2><p>{}</p><ul class=\"check-list\">",
        esc(t.targets.consistency_heading),
        esc(t.targets.consistency_intro)
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
        "<section class=\"milestones\" id=\"milestones\"><h2>{}</h2><ol class=\"timeline\">",
        esc(t.targets.milestones_heading)
    );
    for m in &c.ds.milestones {
        let label = if c.lang == Lang::Zh {
            &m.label_zh
        } else {
            &m.label_en
        };
        let _ = write!(
            h,
            "<li class=\"milestone\" data-year=\"{}\"><span class=\"ms-year\">{}</span><span class=\"ms-label\">{}</span><details><summary>{}</summary><blockquote lang=\"zh-CN\">{}</blockquote>{}</details></li>",
            m.year,
            m.year,
            esc(label),
            esc(t.targets.col_quote),
            esc(&m.quote),
            a(&c.source_href(&m.document, m.lines.start, m.lines.end), t.open_in_source)
        );
    }
    h.push_str("</ol></section>");
    h
}

/// One target's card: its name, small chart and headline (a link to its
/// page), and where it stands in time.
pub fn target_card(c: Ctx, ind: &Indicator) -> String {
    // Laid out at about a card's width, so that its text shows at its size.
    let spec = layout(ind, chart_options(c.ds, ind, 250.0, true, false, c.lang));
    format!(
        "<li class=\"target-card\" data-indicator=\"{}\"><a href=\"{}\"><h3>{}</h3>{}<p class=\"card-headline\">{}</p></a>{}</li>",
        esc(&ind.id),
        esc(&c.href(Page::Targets(Some(ind.id.clone())))),
        txt(ind.name_in(c.lang)),
        svg_html(&spec, "chart mini"),
        // A single value is the drawing itself.
        if !spec.framed {
            String::new()
        } else {
            esc(&headline(ind, c.lang))
        },
        status_line(c, ind)
    )
}

/// The indicators in `filter`, grouped as the plans group them, in order.
fn groups<'a>(
    c: Ctx<'a>,
    filter: &dyn Fn(&Indicator) -> bool,
) -> Vec<(&'a str, Vec<&'a Indicator>)> {
    let mut groups: Vec<(&str, Vec<&Indicator>)> = Vec::new();
    for ind in c.ds.indicators.iter().filter(|i| filter(i)) {
        match groups.iter_mut().find(|(g, _)| *g == ind.group) {
            Some((_, v)) => v.push(ind),
            None => groups.push((&ind.group, vec![ind])),
        }
    }
    groups
}

/// Small multiples of the indicators in `filter`, grouped as the plans group
/// them; each group has an id (`group-1`, …) that [`jump_links`] link to.
pub fn target_cards(c: Ctx, filter: &dyn Fn(&Indicator) -> bool) -> String {
    let mut h = String::new();
    for (n, (group, inds)) in groups(c, filter).into_iter().enumerate() {
        let code =
            c.ds.document(&inds[0].document)
                .map(|d| d.code.as_str())
                .unwrap_or("");
        let _ = write!(
            h,
            "<section class=\"target-group\" id=\"group-{}\"><h2><span class=\"doc-code\">{}</span> {}</h2><ul class=\"target-grid\">",
            n + 1,
            esc(code),
            txt(c.group(group))
        );
        for ind in inds {
            h.push_str(&target_card(c, ind));
        }
        h.push_str("</ul></section>");
    }
    h
}

/// Links to the groups of [`target_cards`] and the sections after them.
pub fn jump_links(c: Ctx) -> String {
    let t = c.t();
    let mut h = format!(
        "<nav class=\"jump\" aria-label=\"{}\"><ul>",
        esc(t.targets.jump_label)
    );
    // The page's own address before the anchor (links resolve against the
    // site's root); offline, the anchor alone (the app scrolls to it).
    let page = match c.links {
        crate::words::Links::Paths => c.href(Page::Targets(None)),
        crate::words::Links::Hash => String::new(),
    };
    for (n, (group, inds)) in groups(c, &|_| true).into_iter().enumerate() {
        let _ = write!(
            h,
            "<li><a href=\"{}#group-{}\">{} <span class=\"count\">{}</span></a></li>",
            esc(&page),
            n + 1,
            txt(c.group(group)),
            inds.len()
        );
    }
    for (id, name) in [
        ("statements", t.targets.statements_targets_heading),
        ("checks", t.targets.consistency_heading),
        ("milestones", t.targets.milestones_heading),
    ] {
        let _ = write!(
            h,
            "<li><a href=\"{}#{id}\">{}</a></li>",
            esc(&page),
            esc(name)
        );
    }
    h.push_str("</ul></nav>");
    h
}

pub fn targets_overview(c: Ctx) -> String {
    let t = c.t();
    format!(
        "<section class=\"page targets\"><h1>{}</h1><p class=\"lede\">{}</p>{}{}{}{}{}</section>",
        esc(t.targets.targets_heading),
        esc(t.targets_intro),
        jump_links(c),
        target_cards(c, &|_| true),
        statements_section(c),
        checks_section(c),
        milestones_section(c)
    )
}

/// The targets of one document (an import's, say): its indicators' cards.
pub fn targets_of_document(c: Ctx, doc: &str) -> String {
    let t = c.t();
    let title = c.doc_title_of(doc);
    let cards = target_cards(c, &|i| i.document == doc);
    format!(
        "<section class=\"page targets\" data-doc=\"{}\"><nav class=\"crumbs\">{}</nav><h1>{}</h1>{}</section>",
        esc(doc),
        a(&c.href(Page::Targets(None)), t.targets.targets_heading),
        txt(if title.is_empty() { doc } else { title }),
        if cards.is_empty() {
            format!("<p class=\"empty\">{}</p>", esc(t.no_results))
        } else {
            cards
        }
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
        esc(t.targets.statements_targets_heading),
        esc(t.targets.statements_targets_intro)
    );
    h.push_str(&statement_list(c, &targets));
    let _ = write!(
        h,
        "<h2>{}</h2>",
        esc(t.targets.statements_baselines_heading)
    );
    h.push_str(&statement_list(c, &baselines));
    h.push_str("</section>");
    h
}

pub fn statement_list(c: Ctx, items: &[&Statement]) -> String {
    let t = c.t();
    let mut h = String::from("<ul class=\"statement-list\">");
    for s in items {
        let year = s
            .year
            .map_or_else(|| t.targets.undated_word.to_string(), |y| t.year(y));
        let code = c.ds.document(&s.document).map_or("", |d| d.code.as_str());
        let _ = write!(
            h,
            "<li class=\"statement\" id=\"statement-{}\" data-statement=\"{}\"><span class=\"st-year\">{}</span> <span class=\"st-name\">{}</span>{}<span class=\"st-claim\">{}</span> <span class=\"doc-code\">{}</span>",
            esc(&s.id),
            esc(&s.id),
            esc(&year),
            txt(s.name_in(c.lang)),
            t.colon,
            txt(s.claim_in(c.lang)),
            esc(code)
        );
        let note = c.lang.pick(s.note.as_ref(), s.note_en.as_ref());
        if let Some(n) = note {
            let _ = write!(h, "<p class=\"note\">{}</p>", txt(n));
        }
        if let Some(r) = &s.reading {
            h.push_str(&reading_html(c, r, "st-reading"));
        }
        let _ = write!(
            h,
            "<details><summary>{}</summary><blockquote lang=\"zh-CN\">{}</blockquote>{}</details></li>",
            esc(t.targets.col_quote),
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
        a(&c.href(Page::Targets(None)), t.targets.targets_heading),
        txt(c.group(&ind.group)),
        txt(ind.name_in(c.lang)),
        esc(doc.map(|d| d.code.as_str()).unwrap_or("")),
        txt(doc.map(|d| c.doc_title(d)).unwrap_or("")),
        esc(t.targets.group_label),
        txt(c.group(&ind.group)),
        esc(t.targets.measure_label),
        esc(t.measure(ind.measure))
    );
    if let Some(im) = implied(ind) {
        // How far the baseline is from the target, then the rate it needs.
        let d = im.to - im.from;
        let gap = if ind.measure == plan::Measure::Share {
            // A share moves in percentage points, not in percent of itself.
            format!("{}{}", num(d, 2), t.targets.points_unit)
        } else {
            let pct = d / im.from * 100.0;
            format!(
                "{} ({}{}%)",
                c.value(d, plan::Bound::Eq, ind),
                if pct >= 0.0 { "+" } else { "" },
                num(pct, 1)
            )
        };
        let _ = write!(
            h,
            "<div class=\"fact\"><dt>{}</dt><dd>{} → {}</dd></div>",
            esc(t.targets.gap_label),
            esc(&gap),
            esc(&c.value(im.to, im.bound, ind))
        );
        let _ = write!(
            h,
            "<div class=\"fact\"><dt>{}</dt><dd>{}</dd></div>",
            esc(t.targets.needed_label),
            esc(&implied_words(&im, c.lang))
        );
    }
    h.push_str("</dl>");
    h.push_str(&status_line(c, ind));
    // Actual values (a visitor's): where they stand against the target.
    if ind.points.iter().any(|p| p.kind == plan::PointKind::Actual) {
        let st = plan::import::status(ind, &[]);
        let class = match st.progress {
            plan::import::Progress::OnTrack => "on-track",
            plan::import::Progress::NeedsAcceleration => "needs-acceleration",
            plan::import::Progress::OffTrack => "off-track",
            plan::import::Progress::NotAssessable => "not-assessable",
        };
        let _ = write!(
            h,
            "<section class=\"progress\" data-progress=\"{class}\"><h2>{}</h2><p class=\"progress-verdict {class}\">{}</p><p>{}</p></section>",
            esc(t.targets.progress_heading),
            esc(t.progress(st.progress)),
            txt(&t.progress_words(&st, ind.unit_in(c.lang)))
        );
    }
    let note = c.lang.pick(ind.note.as_ref(), ind.note_en.as_ref());
    if let Some(n) = note {
        let _ = write!(h, "<p class=\"note\">{}</p>", txt(n));
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
            "<aside class=\"qualitative\"><h2>{}</h2>{}<p><a href=\"{}\">{} {} · <span lang=\"zh-CN\">{}</span></a></p><div class=\"qual-years\">",
            esc(t.targets.qualitative_heading),
            untranslated(c),
            esc(&c.href(Page::Task(task.id.clone()))),
            esc(&task.id),
            txt(c.category(&task.document, &task.category)),
            esc(&task.text)
        );
        for x in &task.targets {
            let label = match x.year {
                _ if c.lang == Lang::Zh => x.label.clone(),
                Some(y) => t.target_for(y),
                None => t.groundwork.to_string(),
            };
            let _ = write!(
                h,
                "<div class=\"qual-year\"><h3>{}</h3><ol lang=\"zh-CN\">",
                esc(&label)
            );
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
        table_html(table)
    );
    let related: Vec<Check> = checks(c.ds)
        .into_iter()
        .filter(|k| k.indicators().contains(&ind.id.as_str()))
        .collect();
    if !related.is_empty() {
        let _ = write!(
            h,
            "<section class=\"checks\"><h2>{}</h2><ul class=\"check-list\">",
            esc(t.targets.related_checks)
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
            txt(p.name_in(c.lang))
        );
    }
    if let Some(n) = all.get(pos + 1) {
        let _ = write!(
            h,
            "<a rel=\"next\" href=\"{}\">{} →</a>",
            esc(&c.href(Page::Targets(Some(n.id.clone())))),
            txt(n.name_in(c.lang))
        );
    }
    h.push_str("</nav>");
    h
}

/// In English, a line saying the Chinese that follows is the documents'
/// own words, untranslated ("" in Chinese).
pub fn untranslated(c: Ctx) -> String {
    if c.lang == Lang::Zh {
        String::new()
    } else {
        format!(
            "<p class=\"untranslated\">{}</p>",
            esc(c.t().targets.untranslated)
        )
    }
}

/// The yearly / cumulative switch of a flow's chart (buttons the app
/// answers; without it the page shows the view it was written with).
pub fn view_switch(c: Ctx, ind: &Indicator, cumulative: bool) -> String {
    if !kind_of(ind).running_total() {
        return String::new();
    }
    let t = c.t();
    format!(
        "<div class=\"segmented view-switch\" role=\"group\" aria-label=\"{}\"><button type=\"button\" data-view=\"\" aria-pressed=\"{}\">{}</button><button type=\"button\" data-view=\"cumulative\" aria-pressed=\"{}\">{}</button></div>",
        esc(t.chart_view),
        !cumulative,
        esc(t.targets.view_yearly),
        cumulative,
        esc(t.targets.view_cumulative)
    )
}

/// An indicator's chart at each of `widths`, widest last.
pub fn target_figures(
    c: Ctx,
    ind: &Indicator,
    cumulative: bool,
    widths: &[f64],
) -> Vec<(f64, Figure)> {
    widths
        .iter()
        .map(|w| (*w, chart::figure(c, ind, *w, cumulative)))
        .collect()
}

/// `#/targets/<id>`: one indicator, large: its head, the chart (at each of
/// `widths`), legend, downloads, embed snippets, its data and neighbours.
pub fn target_page(
    c: Ctx,
    ind: &Indicator,
    cumulative: bool,
    widths: &[f64],
    downloads: Downloads,
    embed_kit: &str,
) -> String {
    let t = c.t();
    let figs = target_figures(c, ind, cumulative, widths);
    let Some((_, widest)) = figs.last() else {
        return String::new();
    };
    format!(
        "<article class=\"page target-detail\" data-indicator=\"{}\">{}{}{}<div class=\"legend-wrap\">{}</div><p class=\"tip-hint\">{}</p>{embed_kit}<div class=\"html target-tail\">{}</div></article>",
        esc(&ind.id),
        target_head(c, ind),
        view_switch(c, ind, cumulative),
        figure_html(c, "tc", &figs, downloads),
        legend_html(c.lang, &widest.legend),
        esc(t.targets.tooltip_hint),
        target_tail(c, ind, &widest.table)
    )
}

/// `#/embed/targets/<id>`: the chart with its title, legend and source line.
pub fn target_embed(
    c: Ctx,
    ind: &Indicator,
    cumulative: bool,
    widths: &[f64],
    full: &str,
) -> String {
    let figs = target_figures(c, ind, cumulative, widths);
    let legend = figs
        .last()
        .map(|(_, f)| legend_html(c.lang, &f.legend))
        .unwrap_or_default();
    format!(
        "<article class=\"target-detail embed\" data-indicator=\"{}\"><h1 class=\"embed-title\">{}</h1>{}{}<div class=\"legend-wrap\">{legend}</div>{}</article>",
        esc(&ind.id),
        txt(ind.name_in(c.lang)),
        view_switch(c, ind, cumulative),
        figure_html(c, "tc", &figs, Downloads::None),
        super::embed::credit(c, &[ind.document.as_str()], full)
    )
}

/// The year the pages are written in (`CZTP_YEAR`, the build's year): a
/// target whose year is before it has passed.
pub const THIS_YEAR: i32 = parse_year(env!("CZTP_YEAR"));

const fn parse_year(s: &str) -> i32 {
    let b = s.as_bytes();
    let mut i = 0;
    let mut y = 0;
    while i < b.len() {
        y = y * 10 + (b[i] - b'0') as i32;
        i += 1;
    }
    y
}

/// Where an indicator's target stands in time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Due {
    /// Its year has passed (and the documents give no outcome).
    Past(i32),
    ThisYear(i32),
    Later(i32),
    /// A target without a year, or no target (a baseline only).
    Undated,
}

/// Where `ind`'s last target stands, as of [`THIS_YEAR`].
pub fn due(ind: &Indicator) -> Due {
    let year = ind
        .points
        .iter()
        .filter(|p| p.kind == plan::PointKind::Target)
        .filter_map(|p| p.year)
        .max();
    match year {
        Some(y) if y < THIS_YEAR => Due::Past(y),
        Some(y) if y == THIS_YEAR => Due::ThisYear(y),
        Some(y) => Due::Later(y),
        None => Due::Undated,
    }
}

/// How many of the dataset's targets have passed, are due this year, are
/// later (indicators with a dated target).
pub fn due_counts(ds: &plan::Dataset) -> (usize, usize, usize) {
    let (mut past, mut now, mut later) = (0, 0, 0);
    for ind in &ds.indicators {
        match due(ind) {
            Due::Past(_) => past += 1,
            Due::ThisYear(_) => now += 1,
            Due::Later(_) => later += 1,
            Due::Undated => {}
        }
    }
    (past, now, later)
}

/// The file name of an indicator's outcomes template.
pub fn template_file(ind: &Indicator) -> String {
    format!("{}-actuals.csv", ind.id)
}

/// An indicator's outcomes template: the columns the importer reads for
/// actual values (indicator, year, value, unit, source) and a row for each
/// year from the one after its baseline to its target's, to fill from a
/// statistical bulletin and import (`#/import`).
pub fn actuals_template(c: Ctx, ind: &Indicator) -> String {
    let head: [&str; 5] = match c.lang {
        Lang::Zh => ["指标", "年份", "实际值", "单位", "来源"],
        Lang::En => ["indicator", "year", "value", "unit", "source"],
    };
    let years: Vec<i32> = ind.points.iter().filter_map(|p| p.year).collect();
    let first = ind
        .points
        .iter()
        .filter(|p| p.kind == plan::PointKind::Baseline)
        .filter_map(|p| p.year)
        .max()
        .map(|y| y + 1)
        .or(years.iter().min().copied())
        .unwrap_or(THIS_YEAR - 1);
    let last = years
        .iter()
        .max()
        .copied()
        .unwrap_or(THIS_YEAR - 1)
        .max(first);
    let mut w = plan::export::CsvOut::new();
    let _ = w.write_record(head);
    for y in first..=last {
        let year = y.to_string();
        let _ = w.write_record([ind.id.as_str(), year.as_str(), "", ind.unit.as_str(), ""]);
    }
    w.finish()
}

/// The line under a target that says where it stands: passed with no
/// outcome (and the template to add one), due, or later; or, with
/// outcomes the visitor imported, nothing (the progress says it).
pub fn status_line(c: Ctx, ind: &Indicator) -> String {
    let t = c.t();
    if ind.points.iter().any(|p| p.kind == plan::PointKind::Actual) {
        return String::new();
    }
    let (class, words) = match due(ind) {
        Due::Past(_) => ("past", t.targets.status_past),
        Due::ThisYear(_) => ("due", t.targets.status_due),
        Due::Later(_) => ("later", t.targets.status_later),
        Due::Undated => return String::new(),
    };
    let link = if class == "past" {
        let page = c
            .with_links(crate::words::Links::Paths)
            .href(Page::Targets(Some(ind.id.clone())));
        format!(
            " <a class=\"template-link\" data-template=\"{}\" href=\"{}{}\" download=\"{}\">{}</a>",
            esc(&ind.id),
            esc(page.trim_start_matches("./")),
            esc(&template_file(ind)),
            esc(&template_file(ind)),
            esc(t.targets.template_link)
        )
    } else {
        String::new()
    };
    format!(
        "<p class=\"status-line {class}\"><span class=\"status-words\">{}</span>{link}</p>",
        esc(words)
    )
}

/// Why a value is read as it is, as a paragraph of class `class`.
fn reading_html(c: Ctx, r: &plan::indicators::Reading, class: &str) -> String {
    let (label, reason) = reading_words(c, r);
    crate::pages::figure::reading_html(c.lang, &label, &reason, class)
}
