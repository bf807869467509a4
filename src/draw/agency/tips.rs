//! What the agency figures say besides their drawings, as data: legends
//! and tooltips (`pages` writes their HTML).

use super::*;
use crate::draw::figure::{swatch, Legend, LegendKey, LegendMark, Tip, TipItem, TipPart};

/// The document colours of the bars, and what solid and light mean.
pub fn doc_legend(c: Ctx, filter: &LoadFilter) -> Legend {
    let t = c.t();
    let mut items: Vec<LegendMark> = c
        .ds
        .task_documents()
        .filter(|d| filter.document.as_ref().is_none_or(|x| x == &d.id))
        .map(|d| {
            let (r, g, b) = crate::draw::agency::doc_color(c, &d.id);
            LegendMark {
                class: "lg-doc",
                swatch: swatch(
                    24,
                    &format!("<rect width=\"12\" height=\"12\" fill=\"rgb({r},{g},{b})\"/><rect x=\"12\" width=\"12\" height=\"12\" fill=\"rgb({r},{g},{b})\" fill-opacity=\"0.4\"/>"),
                ),
                label: format!("{} {}", d.code, c.doc_title(d)),
                ..Default::default()
            }
        })
        .collect();
    items.push(LegendMark {
        class: "lg-note",
        label: format!(
            "{}{}{}",
            t.agencies.legend_lead, t.semi, t.agencies.legend_support
        ),
        ..Default::default()
    });
    Legend::Marks {
        class: "legend doc-legend",
        items,
    }
}

/// What the heatmap's column numbers stand for, by document.
pub fn heat_legend(c: Ctx, hm: &Heatmap) -> Legend {
    let t = c.t();
    let mut groups: Vec<(String, Vec<LegendKey>)> = Vec::new();
    for ((d, cat), k) in hm.cols.iter().zip(hm.col_numbers()) {
        if k == 1 || groups.is_empty() {
            let doc = c.ds.document(d);
            groups.push((
                format!(
                    "{} {}",
                    doc.map(|x| x.code.as_str()).unwrap_or(""),
                    doc.map(|x| c.doc_title(x)).unwrap_or("")
                ),
                Vec::new(),
            ));
        }
        if let Some((_, keys)) = groups.last_mut() {
            keys.push(LegendKey {
                number: t.numeral(k),
                label: c.category(d, cat).to_string(),
                href: c.link(
                    &c.route(Page::Tasks)
                        .with_param("doc", d)
                        .with_param("cat", cat),
                ),
            });
        }
    }
    Legend::Keys {
        heading: t.agencies.heat_legend_heading.to_string(),
        groups,
    }
}

/// The graph with its agencies' labels in the page's language.
pub fn localized<'g>(c: Ctx, g: &'g Graph) -> std::borrow::Cow<'g, Graph> {
    let mut g = std::borrow::Cow::Borrowed(g);
    for i in 0..g.nodes.len() {
        let n = &g.nodes[i];
        if n.is_task {
            continue;
        }
        let label = c.agency_short(&n.id);
        if label != n.label {
            g.to_mut().nodes[i].label = label.to_string();
        }
    }
    g
}

/// Tooltip of an agency's bar.
pub fn load_tip(c: Ctx, row: &AgencyLoad) -> Tip {
    let t = c.t();
    let name = c.agency(&row.agency);
    vec![
        TipPart::Value(name.to_string(), None),
        TipPart::Line(t.count_tasks(row.total())),
        TipPart::Line(crate::draw::agency::load_words(c, row)),
        TipPart::Link {
            href: c.href(Page::Agencies(Some(row.agency.clone()))),
            label: name.to_string(),
        },
    ]
}

/// Tooltip of a heatmap cell: the tasks it counts.
pub fn heat_tip(c: Ctx, hm: &Heatmap, row: usize, col: usize) -> Tip {
    let agency = &hm.rows[row];
    let (doc, cat) = &hm.cols[col];
    let tasks = c
        .ds
        .tasks
        .iter()
        .filter(|t| {
            &t.document == doc && &t.category == cat && t.units.iter().any(|u| &u.agency == agency)
        })
        .map(|t| TipItem {
            text: t.id.clone(),
            zh: Some(crate::draw::text::fit(&t.text, 12.0, 220.0)),
            href: Some(c.href(Page::Task(t.id.clone()))),
        })
        .collect();
    vec![
        TipPart::Head(c.category(doc, cat).to_string()),
        TipPart::Value(
            format!(
                "{} · {}",
                c.agency(agency),
                c.t().count_tasks(hm.cells[row][col])
            ),
            None,
        ),
        TipPart::Items(tasks),
    ]
}

/// Tooltip of a network node: what it is and its main partners.
pub fn node_tip(c: Ctx, g: &Graph, i: usize) -> Tip {
    let t = c.t();
    let n = &g.nodes[i];
    if n.is_task {
        let task = c.ds.task(&n.id);
        return vec![
            TipPart::Head(
                task.map(|x| c.category(&x.document, &x.category))
                    .unwrap_or("")
                    .to_string(),
            ),
            TipPart::Value(
                n.id.clone(),
                Some(
                    task.map(|x| crate::draw::text::fit(&x.text, 12.0, 260.0))
                        .unwrap_or_default(),
                ),
            ),
            TipPart::Line(
                task.map(|x| unit_names(c.ds, x, 8, c.lang))
                    .unwrap_or_default(),
            ),
            TipPart::Link {
                href: c.href(Page::Task(n.id.clone())),
                label: n.id.clone(),
            },
        ];
    }
    let mut nb = g.neighbours(i);
    nb.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let name = c.agency(&n.id);
    let link = TipPart::Link {
        href: c.href(Page::Agencies(Some(n.id.clone()))),
        label: name.to_string(),
    };
    if g.nodes.iter().any(|n| n.is_task) {
        // Its neighbours are tasks: list them.
        let mut items: Vec<TipItem> = nb
            .iter()
            .take(8)
            .map(|(j, _)| {
                let id = &g.nodes[*j].id;
                TipItem {
                    text: id.clone(),
                    zh: Some(
                        c.ds.task(id)
                            .map(|x| crate::draw::text::fit(&x.text, 12.0, 220.0))
                            .unwrap_or_default(),
                    ),
                    href: None,
                }
            })
            .collect();
        if nb.len() > 8 {
            items.push(TipItem {
                text: format!("…+{}", nb.len() - 8),
                ..Default::default()
            });
        }
        return vec![
            TipPart::Value(name.to_string(), None),
            TipPart::Line(t.count_tasks(n.weight)),
            TipPart::Items(items),
            link,
        ];
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
    vec![
        TipPart::Value(name.to_string(), None),
        TipPart::Line(format!(
            "{} · {}",
            t.count_tasks(n.weight),
            t.count_partners(nb.len() as u32)
        )),
        TipPart::Line(top.join(t.list_sep)),
        link,
    ]
}
