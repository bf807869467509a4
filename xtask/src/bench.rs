//! `cargo xtask bench`: figures, not pass/fail. Sizes of what users download,
//! native timings of the pure core (median of repeated runs), and timings in
//! headless Chromium (time to a mounted app and to the first chart).

use std::io::Write;
use std::process::Command;

use changzhutan_plans::draw::chart::chart_options;
use changzhutan_plans::draw::{chart, map};
use changzhutan_plans::plan::Dataset;
use changzhutan_plans::words::Ctx;
use changzhutan_plans::words::Lang;

use crate::tools::{self, run};
use crate::{build, root, serve, step, Result};

fn gzip(bytes: &[u8]) -> usize {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    gz.write_all(bytes).expect("in memory");
    gz.finish().expect("in memory").len()
}

/// Brotli through Node's zlib (no extra crate for a figure).
fn brotli(path: &std::path::Path) -> Option<usize> {
    let out = tools::output(Command::new("node").args([
        "-e",
        "const z=require('zlib');const b=require('fs').readFileSync(process.argv[1]);console.log(z.brotliCompressSync(b,{params:{[z.constants.BROTLI_PARAM_QUALITY]:11}}).length)",
        &path.to_string_lossy(),
    ]))?;
    out.trim().parse().ok()
}

fn kb(n: usize) -> String {
    format!("{:.1} KB", n as f64 / 1024.0)
}

pub fn main(args: &[&str]) -> Result {
    let browser = !args.contains(&"--no-browser");
    let d = build::dist()?;
    let site = &d.site;
    let wasm = std::fs::read(site.join("app_bg.wasm")).map_err(|e| e.to_string())?;
    let js = std::fs::read(site.join("app.js")).map_err(|e| e.to_string())?;
    let index = std::fs::read(site.join("index.html")).map_err(|e| e.to_string())?;
    let seeds: usize = changzhutan_plans::plan::seeds::SEEDS
        .iter()
        .map(|(_, t)| t.len())
        .sum();
    println!("\n## Sizes");
    println!(
        "wasm before wasm-opt          {:>10}",
        kb(d.wasm_unoptimised_bytes)
    );
    println!(
        "wasm after wasm-opt -Oz       {:>10}  ({:.0}% of before; the five seeds are {} of it)",
        kb(wasm.len()),
        100.0 * wasm.len() as f64 / d.wasm_unoptimised_bytes as f64,
        kb(seeds)
    );
    println!("wasm gzip -9                  {:>10}", kb(gzip(&wasm)));
    if let Some(b) = brotli(&site.join("app_bg.wasm")) {
        println!(
            "wasm brotli 11                {:>10}  (what a server with brotli sends)",
            kb(b)
        );
    }
    println!(
        "app.js                        {:>10}  (gzip {})",
        kb(js.len()),
        kb(gzip(&js))
    );
    println!(
        "index.html (with fallback)    {:>10}  (gzip {})",
        kb(index.len()),
        kb(gzip(&index))
    );
    println!(
        "offline single file           {:>10}  ({:.0}% of the 700 KB budget)",
        kb(d.offline_bytes),
        100.0 * d.offline_bytes as f64 / (700.0 * 1024.0)
    );

    step("native timings: cargo bench --bench core (release settings)");
    run(&mut tools::cargo_in_root(&[
        "bench",
        "-q",
        "-p",
        "changzhutan-plans",
        "--bench",
        "core",
    ]))?;

    if browser {
        tools::ensure_browser()?;
        let port = serve::spawn(site.clone(), "127.0.0.1:0")?;
        step("timings in headless Chromium (median of 5 loads)");
        run(Command::new("node")
            .current_dir(root())
            .arg("tests/e2e/bench.mjs")
            .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
            .env("OFFLINE_FILE", &d.offline)
            .env("CHROMIUM", tools::CHROMIUM))?;
    }
    Ok(())
}

/// `cargo xtask svg <indicator> [width] [--cumulative] [--compact] [--en]`
/// or `cargo xtask svg map [width] [layers] [zoom]`: one drawing as SVG on stdout.
pub fn svg(args: &[&str]) -> Result {
    let ds = Dataset::load();
    let id = args.first().ok_or("svg: which indicator (or map)?")?;
    if *id == "map" {
        let width = args.get(1).and_then(|w| w.parse().ok()).unwrap_or(800.0);
        let layers = map::Layer::parse(args.get(2).copied());
        let zoom = args.get(3).and_then(|z| z.parse().ok()).unwrap_or(1.0);
        let c = Ctx::new(&ds, Lang::Zh);
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
    let opts = chart_options(
        &ds,
        ind,
        width,
        args.contains(&"--compact"),
        args.contains(&"--cumulative"),
        lang,
    );
    let spec = chart::layout(ind, opts);
    print!(
        "{}",
        spec.svg_document(std::slice::from_ref(&ind.name), &[])
    );
    Ok(())
}
