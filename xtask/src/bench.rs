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

/// The reference pages: the same GDP chart (baseline, target, the path the
/// target implies) drawn by ECharts and by uPlot from the same data, under
/// the same CSP as the app.
fn reference_pages(dir: &std::path::Path, ds: &Dataset) -> Result {
    let ind = ds.indicator("gdp").ok_or("no gdp indicator")?;
    let im = changzhutan_plans::plan::growth::implied(ind).ok_or("gdp has no implied path")?;
    let years: Vec<i32> = im.values.iter().map(|v| v.0).collect();
    let path: Vec<f64> = im.values.iter().map(|v| v.1).collect();
    let base = ind.baseline().ok_or("no baseline")?;
    let target = ind.targets().last().ok_or("no target")?;
    let data = format!(
        "window.GDP = {{ name: {:?}, unit: {:?}, years: {years:?}, path: {path:?}, baseline: [{}, {}], target: [{}, {}] }};\n",
        ind.name,
        ind.unit,
        base.year.unwrap_or(2019),
        base.value,
        target.year.unwrap_or(2025),
        target.value
    );
    let nm = tools::node_modules();
    let copy = |from: std::path::PathBuf, to: &str| -> Result {
        build::write(
            &dir.join(to),
            std::fs::read(&from).map_err(|e| format!("{}: {e}", from.display()))?,
        )
    };
    copy(nm.join("echarts/dist/echarts.min.js"), "echarts.min.js")?;
    copy(nm.join("uplot/dist/uPlot.iife.min.js"), "uPlot.iife.min.js")?;
    copy(nm.join("uplot/dist/uPlot.min.css"), "uPlot.min.css")?;
    build::write(&dir.join("gdp-data.js"), data)?;
    build::write(
        &dir.join("bench.css"),
        "body{margin:0;font-family:system-ui,sans-serif}h1{font-size:1.3rem;margin:1rem}#chart{width:min(1100px,100vw - 2rem);height:420px;margin:0 1rem}\n",
    )?;
    let html = |title: &str, css: &str, scripts: &[&str]| {
        let scripts: String = scripts
            .iter()
            .map(|s| format!("<script src=\"{s}\"></script>"))
            .collect();
        format!(
            "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>{title}</title><link rel=\"stylesheet\" href=\"bench.css\">{css}</head><body><h1>地区生产总值</h1><div id=\"chart\"></div>{scripts}</body></html>\n"
        )
    };
    build::write(
        &dir.join("echarts.html"),
        html(
            "ECharts",
            "",
            &["echarts.min.js", "gdp-data.js", "echarts-page.js"],
        ),
    )?;
    build::write(
        &dir.join("echarts-page.js"),
        r#"const d = window.GDP;
const el = document.getElementById('chart');
const chart = echarts.init(el, null, { renderer: 'svg' });
const at = (y, v) => d.years.map((x) => (x === y ? v : null));
chart.setOption({
  animation: false,
  grid: { left: 48, right: 24, top: 36, bottom: 32 },
  xAxis: { type: 'category', data: d.years },
  yAxis: { type: 'value', name: '单位：' + d.unit, min: 0 },
  tooltip: { trigger: 'item' },
  series: [
    { type: 'line', data: d.path, lineStyle: { type: 'dashed', color: '#6b7580' }, symbol: 'none' },
    { type: 'scatter', data: at(d.baseline[0], d.baseline[1]), symbolSize: 10, itemStyle: { color: '#1d4e89' } },
    { type: 'scatter', data: at(d.target[0], d.target[1]), symbolSize: 12, itemStyle: { color: '#fff', borderColor: '#c94a0c', borderWidth: 3 } },
  ],
});
el.dataset.chartDrawn = 'true';
"#,
    )?;
    build::write(
        &dir.join("uplot.html"),
        html(
            "uPlot",
            "<link rel=\"stylesheet\" href=\"uPlot.min.css\">",
            &["uPlot.iife.min.js", "gdp-data.js", "uplot-page.js"],
        ),
    )?;
    build::write(
        &dir.join("uplot-page.js"),
        r#"const d = window.GDP;
const el = document.getElementById('chart');
const at = (y, v) => d.years.map((x) => (x === y ? v : null));
const u = new uPlot({
  width: el.clientWidth, height: 420,
  scales: { x: { time: false } },
  series: [
    {},
    { label: '按目标反推', stroke: '#6b7580', dash: [6, 4], points: { show: false } },
    { label: '现状', stroke: '#1d4e89', points: { show: true, size: 10, fill: '#1d4e89' }, paths: () => null },
    { label: '目标', stroke: '#c94a0c', points: { show: true, size: 12, fill: '#fff', width: 3 }, paths: () => null },
  ],
}, [d.years, d.path, at(d.baseline[0], d.baseline[1]), at(d.target[0], d.target[1])], el);
el.dataset.chartDrawn = 'true';
"#,
    )?;
    Ok(())
}

/// Where the bench serves its site (the pages are written for this
/// address: their canonical links and previews are on it, as on a host).
fn bench_url() -> String {
    let port = std::env::var("BENCH_PORT").unwrap_or_else(|_| "8765".into());
    format!("http://127.0.0.1:{port}/")
}

/// The bench site: the app, the reference pages under bench/, and the app
/// on synthetic data (10× and 100× the seeds) under x10/ and x100/.
fn bench_site(ds: &Dataset) -> Result<std::path::PathBuf> {
    let dir = build::dist_dir().join("bench-site");
    let url = bench_url();
    for k in [10, 100] {
        step(&format!("the app on synthetic data: {k}× the seeds"));
        std::env::set_var("CZTP_SCALE", k.to_string());
        let w = build::wasm();
        std::env::remove_var("CZTP_SCALE");
        let synthetic: &'static Dataset = Box::leak(Box::new(plan_synthetic(k)));
        build::write_site_to(
            &dir.join(format!("x{k}")),
            &w?,
            synthetic,
            &format!("{url}x{k}/"),
            crate::pages::Scope::Sample,
        )?;
    }
    // Last, the app itself (so that the target dir ends on the real data).
    let w = build::wasm()?;
    let keep: Vec<(std::path::PathBuf, Vec<u8>)> = [10, 100]
        .iter()
        .flat_map(|k| files_under(&dir.join(format!("x{k}"))))
        .map(|p| {
            let b = std::fs::read(&p).unwrap_or_default();
            (p, b)
        })
        .collect();
    build::write_site_to(&dir, &w, build::dataset(), &url, crate::pages::Scope::All)?;
    for (p, b) in keep {
        build::write(&p, b)?;
    }
    std::fs::copy(
        build::dist_dir().join(build::OFFLINE_NAME),
        dir.join(build::OFFLINE_NAME),
    )
    .map_err(|e| e.to_string())?;
    reference_pages(&dir.join("bench"), ds)?;
    Ok(dir)
}

fn files_under(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    if let Ok(rd) = std::fs::read_dir(dir) {
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(files_under(&p));
            } else {
                out.push(p);
            }
        }
    }
    out
}

pub fn main(args: &[&str]) -> Result {
    let browser = !args.contains(&"--no-browser");
    let d = build::dist()?;
    let site = &d.site;
    let ds = Dataset::load();
    let mut md = String::from(
        "# Benchmarks\n\nWritten by `cargo xtask bench` (figures, not tests: nothing fails on a timing). \
         Headless Chromium on this machine, loopback, cold cache (a fresh browser context per load).\n",
    );
    md.push_str(&format!("\nMeasured {}.\n", chrono_like_now()));

    // Sizes of what the site serves.
    md.push_str("\n## Files (bytes)\n\n| file | raw | gzip -9 | brotli 11 |\n| --- | ---: | ---: | ---: |\n");
    // The site's own files, and of its pages (a folder each) the first of
    // each kind: every page of a kind weighs about the same.
    let mut names: Vec<std::path::PathBuf> = files_under(site)
        .into_iter()
        .filter(|p| !p.starts_with(site.join("seeds")))
        .collect();
    names.sort();
    let mut kinds_seen = std::collections::BTreeSet::new();
    names.retain(|p| {
        let rel = p.strip_prefix(site).unwrap_or(p);
        let parts: Vec<String> = rel
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect();
        if parts.len() <= 1 || parts[0] == "data" {
            return true;
        }
        // en/targets/gdp/index.html → ("en/targets", depth 4)
        let head = parts.iter().take_while(|c| *c == "en").count();
        let kind = format!(
            "{}/{}",
            parts[..=head.min(parts.len() - 1)].join("/"),
            parts.len()
        );
        let file = parts.last().map(String::as_str) == Some("index.html");
        file && kinds_seen.insert(kind)
    });
    for p in &names {
        let b = std::fs::read(p).map_err(|e| e.to_string())?;
        let name = p.strip_prefix(site).unwrap_or(p).display().to_string();
        md.push_str(&format!(
            "| `{name}` | {} | {} | {} |\n",
            b.len(),
            gzip(&b),
            brotli(p).map_or("–".into(), |x| x.to_string())
        ));
    }
    md.push_str(&format!(
        "\nThe offline file: {} bytes ({:.0}% of the 500 KB goal). The wasm before wasm-opt: {} bytes.\n",
        d.offline_bytes,
        100.0 * d.offline_bytes as f64 / (500.0 * 1024.0),
        d.wasm_unoptimised_bytes
    ));

    step("native timings: cargo bench --bench core (release settings)");
    let mut bench =
        tools::cargo_in_root(&["bench", "-q", "-p", "changzhutan-plans", "--bench", "core"]);
    // As if typed in a shell: not with what `cargo run` gave this process.
    for (k, _) in std::env::vars() {
        if k.starts_with("CARGO_") && k != "CARGO_HOME" && k != "CARGO_TERM_COLOR" {
            bench.env_remove(k);
        }
    }
    let native = tools::output(&mut bench)
        // A failed native bench is said in the file; the browser's figures
        // still come.
        .unwrap_or_else(|| "cargo bench --bench core failed: run it alone to see why".to_string());
    print!("{native}");
    md.push_str("\n## The pure core, natively (release settings, median)\n\n```text\n");
    md.push_str(native.trim());
    md.push_str("\n```\n");

    if browser {
        tools::ensure_browser()?;
        let bench_dir = bench_site(&ds)?;
        let url = bench_url();
        let addr = url.trim_start_matches("http://").trim_end_matches('/');
        serve::spawn(bench_dir.clone(), addr)?;
        let json = build::dist_dir().join("bench.json");
        step("Lighthouse and timings in headless Chromium (tests/e2e/bench.mjs)");
        run(Command::new("node")
            .current_dir(root())
            .arg("tests/e2e/bench.mjs")
            .env("BENCH_BASE", &url)
            .env("OFFLINE_FILE", &d.offline)
            .env("BENCH_OUT", &json)
            .env("CHROMIUM", tools::CHROMIUM))?;
        let text = std::fs::read_to_string(&json).map_err(|e| e.to_string())?;
        md.push_str(&browser_markdown(&text)?);
    }
    // The importer's score on the shared corpus, where there is one.
    if let Some(s) = crate::corpus::section(&crate::corpus::default_dir())? {
        md.push_str(&s);
    }
    let out = root().join("BENCHMARKS.md");
    std::fs::write(&out, md).map_err(|e| e.to_string())?;
    step(&format!("wrote {}", out.display()));
    Ok(())
}

/// The date, for the record (no chrono crate for one line).
fn chrono_like_now() -> String {
    tools::output(Command::new("date").args(["-u", "+%Y-%m-%d %H:%M UTC"]))
        .map(|s| s.trim().to_string())
        .unwrap_or_default()
}

fn browser_markdown(json: &str) -> Result<String> {
    let v: serde_json::Value = serde_json::from_str(json).map_err(|e| e.to_string())?;
    let kb = |x: &serde_json::Value| format!("{:.1}", x.as_f64().unwrap_or(0.0) / 1024.0);
    let ms = |x: &serde_json::Value| format!("{:.0}", x.as_f64().unwrap_or(f64::NAN));
    let ms1 = |x: &serde_json::Value| format!("{:.1}", x.as_f64().unwrap_or(f64::NAN));
    let x2 = |x: &serde_json::Value| format!("{:.2}×", x.as_f64().unwrap_or(f64::NAN));
    let mut md = String::new();
    md.push_str(&format!(
        "\n## Lighthouse 12.2.3, mobile (every kind of page, beside the reference pages)\n\n\
         Its default mobile preset: a mid-range phone's screen, simulated slow 4G (150 ms RTT, 1.6 Mbps) and a 4× slower CPU; the site served with gzip and the app's CSP, as a host would. \
         {} runs of each page, interleaved, each in a fresh Chromium; the run with the median performance score is shown (and every run's score). \
         Goals: performance ≥ the uPlot page's, LCP ≤ the uPlot page's, TBT ≤ 150 ms, CLS 0; accessibility, best practices and SEO 100.\n\n\
         | page | performance (runs) | accessibility | best practices | SEO | FCP ms | LCP ms | TBT ms | CLS | TTI ms | bytes (transferred) |\n\
         | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n",
        v["lighthouseRuns"]
    ));
    if let Some(l) = v["lighthouse"].as_object() {
        for (name, r) in l {
            if let Some(e) = r["error"].as_str() {
                md.push_str(&format!("| {name} | {e} | | | | | | | | | |\n"));
                continue;
            }
            let s = &r["scores"];
            let runs: Vec<String> = r["all"]
                .as_array()
                .map(|a| a.iter().map(|x| x.to_string()).collect())
                .unwrap_or_default();
            md.push_str(&format!(
                "| {name} | {} ({}) | {} | {} | {} | {} | {} | {} | {:.3} | {} | {} KB |\n",
                s["performance"],
                runs.join(", "),
                s["accessibility"],
                s["best-practices"],
                s["seo"],
                ms(&r["fcp"]),
                ms(&r["lcp"]),
                ms(&r["tbt"]),
                r["cls"].as_f64().unwrap_or(f64::NAN),
                ms(&r["tti"]),
                kb(&r["bytes"])
            ));
        }
        let failing: Vec<String> = l
            .iter()
            .filter_map(|(name, r)| {
                let f = r["failing"].as_object()?;
                let ids: Vec<String> = f
                    .iter()
                    .flat_map(|(cat, ids)| {
                        ids.as_array()
                            .into_iter()
                            .flatten()
                            .filter_map(|i| i.as_str())
                            .map(move |i| format!("{cat}: {i}"))
                    })
                    .collect();
                (!ids.is_empty()).then(|| format!("- {name}: {}", ids.join(", ")))
            })
            .collect();
        if !failing.is_empty() {
            md.push_str("\nAudits below a full score in the median run:\n\n");
            md.push_str(&failing.join("\n"));
            md.push('\n');
        }
    }
    md.push_str("\n## A first visit: everything fetched (KB)\n\nEvery response of a first visit to the page, until the network is idle and a moment after (what the app fetches when the page is idle counts).\n\n| page | files | raw | gzip | brotli |\n| --- | ---: | ---: | ---: | ---: |\n");
    if let Some(sizes) = v["sizes"].as_object() {
        for (name, s) in sizes {
            md.push_str(&format!(
                "| {name} | {} | {} | {} | {} |\n",
                s["files"].as_array().map_or(0, |f| f.len()),
                kb(&s["raw"]),
                kb(&s["gzip"]),
                kb(&s["brotli"])
            ));
        }
    }
    let p = &v["paint"];
    md.push_str(&format!(
        "\n## First chart painted: `/targets/gdp/` against the same chart in ECharts and uPlot\n\n\
         {} loads each, interleaved, a fresh context per load; ms from navigation start to the frame after the chart is on screen (median, min–max). \
         Goal: ours ≤ the uPlot page.\n\n| page | median | min–max |\n| --- | ---: | ---: |\n",
        v["runs"]
    ));
    for (label, key) in [
        ("ours: the chart painted", "ours"),
        ("ours: the app has taken the page over", "oursInteractive"),
        ("ECharts 6.1.0 (SVG renderer)", "echarts"),
        ("uPlot 1.6.32", "uplot"),
        ("ours, the offline file: painted", "offline"),
        ("ours, the offline file: interactive", "offlineInteractive"),
    ] {
        md.push_str(&format!(
            "| {label} | {} | {}–{} |\n",
            ms(&p[key]["median"]),
            ms(&p[key]["min"]),
            ms(&p[key]["max"])
        ));
    }
    md.push_str(&format!(
        "\nPaired ratios (median, min–max): ours ÷ uPlot {} ({}–{}); ours ÷ ECharts {} ({}–{}).\n",
        x2(&p["oursOverUplot"]["median"]),
        x2(&p["oursOverUplot"]["min"]),
        x2(&p["oursOverUplot"]["max"]),
        x2(&p["oursOverEcharts"]["median"]),
        x2(&p["oursOverEcharts"]["min"]),
        x2(&p["oursOverEcharts"]["max"])
    ));
    md.push_str("\n## A slow phone link (1.6 Mbps, 150 ms RTT, 4× CPU), every kind of page\n\nDevTools throttling (real, not simulated), 3 loads each: the page's heading painted, and the app having taken the page over. Goal: interactive ≤ 2.5 s on every kind of page.\n\n| page | painted ms | interactive ms |\n| --- | ---: | ---: |\n");
    if let Some(t) = v["throttled"].as_object() {
        for (name, r) in t {
            md.push_str(&format!(
                "| {name} | {} | {} |\n",
                ms(&r["painted"]["median"]),
                ms(&r["interactive"]["median"])
            ));
        }
    }
    md.push_str("\n## Interactions: event → the update laid out (ms)\n\nThe event is dispatched, the app's handlers and effects run, then style and layout are forced: what the app costs before the next paint (the wait for the display's next frame is left out). Goal: p95 ≤ 16 ms on the seeds, ≤ 50 ms at 100×. 1×: the seeds; 10×, 100×: synthetic data (100× the tasks, agencies and indicators at 100×). A fresh page per row: the first event is shown on its own (the wasm is still in V8's baseline tier), the next seven are left out, then 30 are counted.\n\n| interaction | data | first | p50 | p95 | max |\n| --- | --- | ---: | ---: | ---: | ---: |\n");
    if let Some(scales) = v["interactions"].as_object() {
        for (scale, acts) in scales {
            for (name, s) in acts.as_object().into_iter().flatten() {
                if let Some(e) = s["error"].as_str() {
                    md.push_str(&format!("| {name} | {scale} | – | – | – | {e} |\n"));
                } else {
                    md.push_str(&format!(
                        "| {name} | {scale} | {} | {} | {} | {} |\n",
                        ms1(&s["first"]),
                        ms1(&s["median"]),
                        ms1(&s["p95"]),
                        ms1(&s["max"])
                    ));
                }
            }
        }
    }
    Ok(md)
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

/// The seeds' dataset at `k` times its size (as build.rs compiles it with `CZTP_SCALE`).
fn plan_synthetic(k: usize) -> Dataset {
    changzhutan_plans::plan::synthetic::scale(&Dataset::load(), k)
}
