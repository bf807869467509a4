//! A figure as the page shows it: its drawing at one or several widths
//! (CSS shows the one that fits, `draw::widths`), each with its focusable
//! marks over the drawing, its legend and its downloads. The app takes the
//! figure over where it finds it (`ui::figure`): it keeps the drawing
//! shown, answers hovers and keys on the marks, and lays the figure out
//! again when its box or its view changes.

use std::fmt::Write;

use crate::draw::figure::{marks_svg, Figure};
use crate::markup::esc;
use crate::words::Ctx;

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
