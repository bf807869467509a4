//! What a chart says in HTML: its legend, its data table, its tooltips,
//! a reading's reason, the small multiple's `<svg>`.

use super::*;

/// What the chart's marks and glyphs mean.
pub fn legend(c: Ctx, items: &[LegendItem]) -> String {
    let t = c.t();
    let mut h = String::from("<ul class=\"legend\">");
    for &item in items {
        let _ = write!(
            h,
            "<li class=\"{}\">{}</li>",
            item.class(),
            esc(legend_words(t, item))
        );
    }
    h.push_str("</ul>");
    h
}

/// A legend entry's words.
fn legend_words(t: &crate::words::Texts, item: LegendItem) -> &'static str {
    match item {
        LegendItem::Baseline => t.legend_baseline,
        LegendItem::Target => t.legend_target,
        LegendItem::Commitment => t.legend_commitment,
        LegendItem::Bars => t.legend_bars,
        LegendItem::Actual => t.legend_actual,
        LegendItem::Path => t.legend_path,
        LegendItem::Floor => t.legend_floor,
        LegendItem::Ceiling => t.legend_ceiling,
        LegendItem::Band => t.legend_band,
    }
}

/// A chart's data table, each shown point linked to its source sentence.
pub fn data_table_html(c: Ctx, ind: &Indicator, table: &DataTable) -> String {
    let mut h = String::from("<table class=\"data-table stack\"><thead><tr>");
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
        for (cell, col) in r.cells[..r.cells.len() - 1].iter().zip(&table.head) {
            let _ = write!(h, "<td data-label=\"{}\">{}</td>", esc(col), txt(cell));
        }
        let _ = write!(
            h,
            "<td class=\"quote-cell\" data-label=\"{}\">",
            esc(table.head.last().map_or("", String::as_str))
        );
        if let Some(i) = r.point {
            let p = &ind.points[i];
            h.push_str(&a(
                &c.source_href(source_of(c, ind, p), p.lines.start, p.lines.end),
                &r.cells[r.cells.len() - 1],
            ));
        }
        h.push_str("</td></tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// The document a point's quote is in: its indicator's, or for an actual
/// value the import whose line it is.
fn source_of<'a>(c: Ctx<'a>, ind: &'a Indicator, p: &plan::Point) -> &'a str {
    if p.kind == PointKind::Actual {
        let line = p.lines.start.saturating_sub(1) as usize;
        if let Some(d) = c.ds.documents.iter().find(|d| {
            !d.text.is_empty()
                && d.text
                    .lines()
                    .nth(line)
                    .is_some_and(|l| l.contains(p.quote.trim()))
        }) {
            return &d.id;
        }
    }
    &ind.document
}

/// The tooltip of a point: when, what, the sentence (snippet marked), its link.
pub fn point_tip(c: Ctx, ind: &Indicator, i: usize) -> String {
    let t = c.t();
    let p = &ind.points[i];
    let mut h = format!(
        "<p class=\"tip-head\">{} {}</p><p class=\"tip-value\">{}</p>",
        esc(&t.year_or_undated(p.year)),
        esc(t.point_kind(p.kind)),
        esc(&c.value(p.value, p.bound, ind)),
    );
    // The quantity as the text writes it, where that says more (1/7).
    if c.lang == Lang::En || p.written != value_in(p.value, p.bound, &ind.unit, Lang::Zh) {
        let _ = write!(
            h,
            "<p class=\"tip-written\">{}{}<span lang=\"zh-CN\">{}</span></p>",
            esc(t.as_written),
            t.colon,
            esc(&p.written)
        );
    }
    let note = c.lang.pick(p.note.as_ref(), p.note_en.as_ref());
    if let Some(n) = note {
        let _ = write!(h, "<p class=\"tip-note\">{}</p>", txt(n));
    }
    if let Some(r) = p.reading.as_ref().or(ind.reading.as_ref()) {
        h.push_str(&reading_html(c, r, "tip-reading"));
    }
    let _ = write!(
        h,
        "<blockquote class=\"tip-quote\" lang=\"zh-CN\">{}</blockquote><a class=\"tip-link\" href=\"{}\">{} →</a>",
        marked(&p.quote, std::slice::from_ref(&p.snippet.to_lowercase())),
        esc(&c.source_href(source_of(c, ind, p), p.lines.start, p.lines.end)),
        esc(t.open_in_source)
    );
    h
}

/// Why a value is read as it is: the kind of judgement and its reason.
pub fn reading_html(c: Ctx, r: &plan::indicators::Reading, class: &str) -> String {
    let t = c.t();
    format!(
        "<p class=\"{class}\"><strong>{}{}</strong>{}</p>",
        esc(t.reading_label),
        esc(&t.paren(t.judgement(r.judgement))),
        txt(t.reason(r))
    )
}

/// An `<svg>` element holding a chart's drawing.
pub fn svg_html(spec: &ChartSpec, class: &str) -> String {
    let scene = spec.to_scene();
    svg_img(&scene, &svg::render(&scene), class)
}
