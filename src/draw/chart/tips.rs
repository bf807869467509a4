//! What a chart says besides its drawing, as data: its legend, its
//! tooltips, the small multiple's `<svg>`. `pages` writes the HTML.

use super::*;
use crate::draw::figure::{Legend, LegendMark, Tip, TipPart};

/// What the chart's marks and glyphs mean (CSS draws each entry's glyph).
pub fn legend(c: Ctx, items: &[LegendItem]) -> Legend {
    let t = c.t();
    Legend::Marks {
        class: "legend",
        items: items
            .iter()
            .map(|&item| LegendMark {
                class: item.class(),
                label: legend_words(t, item).to_string(),
                ..Default::default()
            })
            .collect(),
    }
}

/// A legend entry's words.
fn legend_words(t: &crate::words::Texts, item: LegendItem) -> &'static str {
    match item {
        LegendItem::Baseline => t.targets.legend_baseline,
        LegendItem::Target => t.targets.legend_target,
        LegendItem::Commitment => t.targets.legend_commitment,
        LegendItem::Bars => t.targets.legend_bars,
        LegendItem::Actual => t.targets.legend_actual,
        LegendItem::Path => t.targets.legend_path,
        LegendItem::Floor => t.targets.legend_floor,
        LegendItem::Ceiling => t.targets.legend_ceiling,
        LegendItem::Band => t.targets.legend_band,
    }
}

/// Where point `p` of `ind` is quoted from: its document's lines.
pub fn point_href(c: Ctx, ind: &Indicator, p: &plan::Point) -> String {
    c.source_href(p.source(ind), p.lines.start, p.lines.end)
}

/// The tooltip of a point: when, what, the sentence (snippet marked), its link.
pub fn point_tip(c: Ctx, ind: &Indicator, i: usize) -> Tip {
    let t = c.t();
    let p = &ind.points[i];
    let mut tip = vec![
        TipPart::Head(format!(
            "{} {}",
            t.year_or_undated(p.year),
            t.point_kind(p.kind)
        )),
        TipPart::Value(c.value(p.value, p.bound, ind), None),
    ];
    // The quantity as the text writes it, where that says more (1/7).
    if c.shows_written(p, ind) {
        tip.push(TipPart::Written {
            label: format!("{}{}", t.as_written, t.colon),
            text: p.written.clone(),
        });
    }
    if let Some(n) = c.lang.pick(p.note.as_ref(), p.note_en.as_ref()) {
        tip.push(TipPart::Note(n.to_string()));
    }
    if let Some(r) = p.reading.as_ref().or(ind.reading.as_ref()) {
        tip.push(reading_part(c, r));
    }
    tip.push(TipPart::Quote {
        text: p.quote.clone(),
        marks: vec![p.snippet.to_lowercase()],
    });
    tip.push(TipPart::Link {
        href: point_href(c, ind, p),
        label: t.open_in_source.to_string(),
    });
    tip
}

/// Why a value is read as it is: the kind of judgement and its reason.
pub fn reading_part(c: Ctx, r: &plan::indicators::Reading) -> TipPart {
    let (label, reason) = reading_words(c, r);
    TipPart::Reading { label, reason }
}

/// A reading's label (with the kind of judgement) and its reason.
pub fn reading_words(c: Ctx, r: &plan::indicators::Reading) -> (String, String) {
    let t = c.t();
    (
        format!(
            "{}{}",
            t.targets.reading_label,
            t.paren(t.judgement(r.judgement))
        ),
        t.reason(r).to_string(),
    )
}

/// An `<svg>` element holding a chart's drawing.
pub fn svg_html(spec: &ChartSpec, class: &str) -> String {
    let scene = spec.to_scene();
    svg_img(&scene, &svg::render(&scene), class)
}
