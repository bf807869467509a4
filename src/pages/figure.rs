//! A figure as the page shows it: its drawing at one or several widths
//! (CSS shows the one that fits, `draw::widths`), each with its focusable
//! marks over the drawing, its legend and its downloads. The app takes the
//! figure over where it finds it (`ui::figure`): it keeps the drawing
//! shown, answers hovers and keys on the marks, and lays the figure out
//! again when its box or its view changes.

use std::fmt::Write;

use crate::draw::figure::{marks_svg, DataTable, Figure, Legend, Tip, TipPart};
use crate::markup::{a, esc, marked, txt_in, zh_attr};
use crate::words::{Ctx, Lang};

/// A tooltip's HTML.
pub fn tip_html(lang: Lang, tip: &Tip) -> String {
    let txt = |s: &str| txt_in(lang, s);
    let mut h = String::new();
    for part in tip {
        let _ = match part {
            TipPart::Head(s) => write!(h, "<p class=\"tip-head\">{}</p>", txt(s)),
            TipPart::Value(s, zh) => {
                let _ = write!(h, "<p class=\"tip-value\">{}", txt(s));
                if let Some(z) = zh {
                    let _ = write!(h, " <span lang=\"zh-CN\">{}</span>", esc(z));
                }
                write!(h, "</p>")
            }
            TipPart::Line(s) => write!(h, "<p>{}</p>", txt(s)),
            TipPart::Written { label, text } => write!(
                h,
                "<p class=\"tip-written\">{}<span lang=\"zh-CN\">{}</span></p>",
                esc(label),
                esc(text)
            ),
            TipPart::Note(s) => write!(h, "<p class=\"tip-note\">{}</p>", txt(s)),
            TipPart::Reading { label, reason } => {
                write!(h, "{}", reading_html(lang, label, reason, "tip-reading"))
            }
            TipPart::Quote { text, marks } => write!(
                h,
                "<blockquote class=\"tip-quote\" lang=\"zh-CN\">{}</blockquote>",
                marked(text, marks)
            ),
            TipPart::Items(items) => {
                h.push_str("<ul class=\"tip-tasks\">");
                for i in items {
                    h.push_str("<li>");
                    let words = match &i.zh {
                        Some(z) => {
                            format!("{} <span lang=\"zh-CN\">{}</span>", esc(&i.text), esc(z))
                        }
                        None => txt(&i.text),
                    };
                    match &i.href {
                        Some(href) => {
                            let _ = write!(h, "<a href=\"{}\">{words}</a>", esc(href));
                        }
                        None => h.push_str(&words),
                    }
                    h.push_str("</li>");
                }
                write!(h, "</ul>")
            }
            TipPart::Link { href, label } => write!(
                h,
                "<a class=\"tip-link\" href=\"{}\">{} →</a>",
                esc(href),
                txt(label)
            ),
        };
    }
    h
}

/// Why a value is read as it is: the label (with the judgement) and why.
pub fn reading_html(lang: Lang, label: &str, reason: &str, class: &str) -> String {
    let txt = |s: &str| txt_in(lang, s);
    format!(
        "<p class=\"{class}\"><strong>{}</strong>{}</p>",
        esc(label),
        txt(reason)
    )
}

/// A legend's HTML ("" for none).
pub fn legend_html(lang: Lang, l: &Legend) -> String {
    let txt = |s: &str| txt_in(lang, s);
    let mut h = String::new();
    match l {
        Legend::None => {}
        Legend::Marks { class, items } => {
            let _ = write!(h, "<ul class=\"{class}\">");
            for m in items {
                h.push_str("<li");
                if !m.class.is_empty() {
                    let _ = write!(h, " class=\"{}\"", m.class);
                }
                if !m.layer.is_empty() {
                    let _ = write!(h, " data-layer=\"{}\"", m.layer);
                }
                h.push('>');
                if !m.swatch.is_empty() {
                    h.push_str(&m.swatch);
                    h.push(' ');
                }
                let _ = write!(h, "{}</li>", txt(&m.label));
            }
            h.push_str("</ul>");
        }
        Legend::Keys { heading, groups } => {
            let _ = write!(
                h,
                "<details class=\"heat-legend\" open><summary>{}</summary><dl>",
                esc(heading)
            );
            for (head, keys) in groups {
                let _ = write!(h, "<dt>{}</dt>", txt(head));
                for k in keys {
                    let _ = write!(
                        h,
                        "<dd><span class=\"heat-num\">{}</span> {}</dd>",
                        esc(&k.number),
                        a(&k.href, &k.label)
                    );
                }
            }
            h.push_str("</dl></details>");
        }
    }
    h
}

/// A data table's HTML: on a phone each row is a card, each cell with its
/// column's name; a table of quotes links each to its source sentence.
pub fn table_html(t: &DataTable) -> String {
    let mut h = String::from("<table class=\"data-table stack\"><thead><tr>");
    for col in &t.head {
        let _ = write!(h, "<th scope=\"col\">{}</th>", esc(col));
    }
    h.push_str("</tr></thead><tbody>");
    let quoted = if t.quotes {
        t.head.len().saturating_sub(1)
    } else {
        usize::MAX
    };
    for r in &t.rows {
        h.push_str(if t.quotes && r.point.is_none() {
            "<tr class=\"implied\">"
        } else {
            "<tr>"
        });
        for (k, (cell, col)) in r.cells.iter().zip(&t.head).enumerate() {
            if k == quoted {
                let _ = write!(h, "<td class=\"quote-cell\" data-label=\"{}\">", esc(col));
                if let Some(href) = &r.href {
                    h.push_str(&a(href, cell));
                }
                h.push_str("</td>");
            } else {
                let _ = write!(
                    h,
                    "<td data-label=\"{}\"{}>{}</td>",
                    esc(col),
                    zh_attr(cell),
                    esc(cell)
                );
            }
        }
        h.push_str("</tr>");
    }
    h.push_str("</tbody></table>");
    h
}

/// The id prefix of a figure's marks at one width: unique on the page.
pub fn variant_id(id: &str, width: f64) -> String {
    format!("{id}-{width}")
}

/// One drawing of a figure, laid out at `width`; with `several`, the box
/// says so (`data-w`) and CSS shows it only where it fits, else it shows at
/// any width (`data-at` keeps the width it was laid out at).
pub fn drawing(f: &Figure, id: &str, width: f64, several: bool) -> String {
    let vid = variant_id(id, width);
    let attr = if several { "data-w" } else { "data-at" };
    // A drawing as wide as its layout fills its box; a narrower one keeps its size.
    let fill = if f.scene.width + 1.0 >= width && !f.no_shrink {
        " data-fill=\"\""
    } else {
        ""
    };
    format!(
        "<div class=\"chart-box\" {attr}=\"{width}\"><svg class=\"chart\"{fill} width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" role=\"group\" aria-label=\"{label}\"><g class=\"static\" aria-hidden=\"true\">{svg}</g><g class=\"highlight\" aria-hidden=\"true\"></g><g class=\"marks\" id=\"{vid}-marks\">{marks}</g></svg></div>",
        w = f.scene.width,
        h = f.scene.height,
        label = esc(&f.scene.summary),
        svg = f.svg,
        marks = marks_svg(&f.scene, &vid),
    )
}

/// A figure's downloads: none (an embed), made by the app from the figure
/// it shows, or files the build wrote beside the page (which the app makes
/// anew when it runs, for the view shown).
#[derive(Clone, Copy, Debug)]
pub enum Downloads<'a> {
    None,
    App,
    /// The page's folder, relative to the site's root ("en/targets/gdp/").
    Files(&'a str),
}

/// A figure: its drawings (one per layout width, widest last; a single
/// one is shown at any width), then its downloads (with `files`, or none in an
/// embed).
pub fn figure_html(c: Ctx, id: &str, drawings: &[(f64, Figure)], downloads: Downloads) -> String {
    let Some((_, first)) = drawings.last() else {
        return String::new();
    };
    let t = c.t();
    let mut h = format!(
        "<figure class=\"chart-figure{}\" data-fig=\"{}\"><div class=\"chart-wrap\">",
        if first.no_shrink { " no-shrink" } else { "" },
        esc(id)
    );
    let several = drawings.len() > 1;
    for (w, f) in drawings {
        h.push_str(&drawing(f, id, *w, several));
    }
    h.push_str("</div></figure>");
    if matches!(downloads, Downloads::None) {
        return h;
    }
    h.push_str("<div class=\"chart-downloads\">");
    for (kind, label) in [
        ("svg", t.download_svg),
        ("png", t.download_png),
        ("csv", t.download_csv),
    ] {
        let name = format!("{}.{kind}", first.file);
        let _ = match downloads {
            Downloads::Files(dir) => write!(
                h,
                "<a class=\"button\" data-download=\"{kind}\" href=\"{}{}\" download=\"{}\">{}</a>",
                esc(dir),
                esc(&name),
                esc(&name),
                esc(label)
            ),
            _ => write!(
                h,
                "<button type=\"button\" data-download=\"{kind}\">{}</button>",
                esc(label)
            ),
        };
    }
    h.push_str("</div>");
    h
}
