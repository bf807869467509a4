//! What the agency figures say in HTML: legends, numerals, tooltips.

use super::*;

/// The document colours of the bars, and what solid and light mean.
pub fn doc_legend(c: Ctx, filter: &LoadFilter) -> String {
    let t = c.t();
    let mut h = String::from("<ul class=\"legend doc-legend\">");
    for d in c.ds.task_documents() {
        if filter.document.as_ref().is_some_and(|x| x != &d.id) {
            continue;
        }
        let (r, g, b) = crate::draw::agency::doc_color(c, &d.id);
        h.push_str(&format!(
            "<li class=\"lg-doc\"><svg class=\"swatch\" viewBox=\"0 0 24 12\" aria-hidden=\"true\"><rect width=\"12\" height=\"12\" fill=\"rgb({r},{g},{b})\"/><rect x=\"12\" width=\"12\" height=\"12\" fill=\"rgb({r},{g},{b})\" fill-opacity=\"0.4\"/></svg> {} {}</li>",
            esc(&d.code),
            txt(c.doc_title(d))
        ));
    }
    h.push_str(&format!(
        "<li class=\"lg-note\">{}{}{}</li></ul>",
        esc(t.legend_lead),
        t.semi,
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
                txt(doc.map(|x| c.doc_title(x)).unwrap_or(""))
            );
        }
        let _ = write!(
            h,
            "<dd><span class=\"heat-num\">{}</span> {}</dd>",
            esc(&numeral(c, k)),
            a(
                &c.link(
                    &c.route(Page::Tasks)
                        .with_param("doc", d)
                        .with_param("cat", cat),
                ),
                c.category(d, cat)
            )
        );
    }
    h.push_str("</dl></details>");
    h
}

/// A heatmap column's number: 一 … 十二 in Chinese, 1 … 12 in English.
pub fn numeral(c: Ctx, k: usize) -> String {
    if c.lang == plan::Lang::Zh {
        cn_numeral(k)
    } else {
        k.to_string()
    }
}

/// The graph with its agencies' labels in the page's language.
pub fn localized<'g>(c: Ctx, g: &'g Graph) -> std::borrow::Cow<'g, Graph> {
    if c.lang == plan::Lang::Zh {
        return std::borrow::Cow::Borrowed(g);
    }
    let mut g = g.clone();
    for n in g.nodes.iter_mut().filter(|n| !n.is_task) {
        n.label = c.agency_short(&n.id).to_string();
    }
    std::borrow::Cow::Owned(g)
}

/// Tooltip of an agency's bar.
pub fn load_tip(c: Ctx, row: &AgencyLoad) -> String {
    let t = c.t();
    let name = c.agency(&row.agency);
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
    let name = c.agency(agency);
    let mut h = format!(
        "<p class=\"tip-head\">{}</p><p class=\"tip-value\">{} · {}</p><ul class=\"tip-tasks\" lang=\"zh-CN\">",
        txt(c.category(doc, cat)),
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
                &format!("{} {}", t.id, crate::draw::text::fit(&t.text, 12.0, 220.0))
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
            "<p class=\"tip-head\">{}</p><p class=\"tip-value\">{} <span lang=\"zh-CN\">{}</span></p><p>{}</p><a class=\"tip-link\" href=\"{}\">{} →</a>",
            txt(task.map(|x| c.category(&x.document, &x.category)).unwrap_or("")),
            esc(&n.id),
            esc(&task.map(|x| crate::draw::text::fit(&x.text, 12.0, 260.0)).unwrap_or_default()),
            esc(&task.map(|x| unit_names(c.ds, x, 8, c.lang)).unwrap_or_default()),
            esc(&c.href(Page::Task(n.id.clone()))),
            esc(&n.id)
        );
    }
    let mut nb = g.neighbours(i);
    nb.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let name = c.agency(&n.id);
    if g.nodes.iter().any(|n| n.is_task) {
        // Its neighbours are tasks: list them.
        let mut h = format!(
            "<p class=\"tip-value\">{}</p><p>{}</p><ul class=\"tip-tasks\">",
            txt(name),
            esc(&t.count_tasks(n.weight))
        );
        for (j, _) in nb.iter().take(8) {
            let id = &g.nodes[*j].id;
            let text =
                c.ds.task(id)
                    .map(|x| crate::draw::text::fit(&x.text, 12.0, 220.0));
            let _ = write!(
                h,
                "<li>{} <span lang=\"zh-CN\">{}</span></li>",
                esc(id),
                esc(text.as_deref().unwrap_or(""))
            );
        }
        if nb.len() > 8 {
            let _ = write!(h, "<li>…+{}</li>", nb.len() - 8);
        }
        let _ = write!(
            h,
            "</ul><a class=\"tip-link\" href=\"{}\">{} →</a>",
            esc(&c.href(Page::Agencies(Some(n.id.clone())))),
            txt(name)
        );
        return h;
    }
    let top: Vec<String> = nb
        .iter()
        .take(5)
        .map(|(j, w)| {
            format!(
                "{}{}",
                c.agency_short(&g.nodes[*j].id),
                t.paren(&w.to_string())
            )
        })
        .collect();
    format!(
        "<p class=\"tip-value\">{}</p><p>{} · {}</p><p>{}</p><a class=\"tip-link\" href=\"{}\">{} →</a>",
        txt(name),
        esc(&t.count_tasks(n.weight)),
        esc(&t.count_partners(nb.len() as u32)),
        txt(&top.join(if c.lang == plan::Lang::Zh { "、" } else { ", " })),
        esc(&c.href(Page::Agencies(Some(n.id.clone())))),
        txt(name)
    )
}
