//! `cargo xtask bench`: figures, not pass/fail.

use crate::{build, Result};

pub fn main(_args: &[&str]) -> Result {
    let d = build::dist()?;
    println!("wasm (after wasm-opt -Oz): {} bytes", d.wasm_bytes);
    println!(
        "wasm (before wasm-opt):    {} bytes",
        d.wasm_unoptimised_bytes
    );
    println!("offline single file:       {} bytes", d.offline_bytes);
    Ok(())
}

/// `cargo xtask svg <indicator> [width] [--cumulative] [--compact] [--en]`: one chart as SVG on stdout.
pub fn svg(args: &[&str]) -> Result {
    use changzhutan_plans::draw::{chart, svg};
    use changzhutan_plans::i18n::Lang;
    let ds = changzhutan_plans::plan::Dataset::load();
    let id = args.first().ok_or("svg: which indicator?")?;
    if *id == "map" {
        use changzhutan_plans::draw::map;
        let width = args.get(1).and_then(|w| w.parse().ok()).unwrap_or(800.0);
        let layers = map::Layer::parse(args.get(2).copied());
        let zoom = args.get(3).and_then(|z| z.parse().ok()).unwrap_or(1.0);
        let c = changzhutan_plans::draw::html::Ctx::new(&ds, Lang::Zh);
        let route = changzhutan_plans::route::Route::new(changzhutan_plans::route::Page::Map);
        let view = map::MapView {
            zoom,
            ..map::MapView::default()
        };
        let f = map::figure(c, &route, &layers, view, width, map::height_for(width));
        print!("{}", f.document());
        return Ok(());
    }
    let ind = ds
        .indicator(id)
        .ok_or_else(|| format!("no indicator {id}"))?;
    let width = args.get(1).and_then(|w| w.parse().ok()).unwrap_or(720.0);
    let lang = if args.contains(&"--en") {
        Lang::En
    } else {
        Lang::Zh
    };
    let opts = chart::Options {
        width,
        compact: args.contains(&"--compact"),
        cumulative: args.contains(&"--cumulative"),
        lang,
        years: changzhutan_plans::plan::indicators::group_years(&ds.indicators, &ind.group),
    };
    let spec = chart::layout(ind, opts);
    print!(
        "{}",
        svg::document(&spec, std::slice::from_ref(&ind.name), &[])
    );
    Ok(())
}
