//! Timings of the pure core, printed as figures (`cargo bench --bench core`,
//! or as part of `cargo xtask bench`). Built with the release profile's
//! settings (opt-level "z", as the wasm), median of repeated runs.

use std::time::Instant;

use changzhutan_plans::draw::{chart, map, network};
use changzhutan_plans::plan::load::{co_responsibility, Graph, GraphNode, LoadFilter};
use changzhutan_plans::plan::Dataset;
use changzhutan_plans::words::Ctx;
use changzhutan_plans::words::Lang;

/// Median wall time of `f` in milliseconds over `n` runs (after one warm-up).
fn median_ms(n: usize, mut f: impl FnMut()) -> f64 {
    f();
    let mut v: Vec<f64> = (0..n)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

/// A synthetic graph: `n` nodes on a ring with chords (for layout scaling).
fn synthetic(n: usize) -> Graph {
    let nodes = (0..n)
        .map(|i| GraphNode {
            id: i.to_string(),
            label: format!("单位{i}"),
            weight: 1 + (i % 7) as u32,
            is_task: false,
        })
        .collect();
    let mut edges: Vec<(usize, usize, u32)> = Vec::new();
    for i in 0..n {
        for j in [(i + 1) % n, (i * 7 + 3) % n] {
            if i != j {
                edges.push((i.min(j), i.max(j), 1 + (i % 3) as u32));
            }
        }
    }
    edges.sort_unstable();
    edges.dedup_by_key(|e| (e.0, e.1));
    Graph { nodes, edges }
}

fn main() {
    // `cargo bench` passes --bench; nothing to parse.
    println!("\n## Native timings (release settings, median)");
    let parse = median_ms(30, || {
        std::hint::black_box(Dataset::load());
    });
    println!("parse the five seeds into the dataset          {parse:>8.2} ms");
    let ds = Dataset::load();
    let c = Ctx::new(&ds, Lang::Zh);
    let charts = median_ms(10, || {
        for ind in &ds.indicators {
            let spec = chart::layout(ind, chart::Options::detail(720.0, Lang::Zh));
            std::hint::black_box(spec.svg_inner());
        }
    });
    println!(
        "lay out and draw all {} target charts          {charts:>8.2} ms  ({:.3} ms a chart)",
        ds.indicators.len(),
        charts / ds.indicators.len() as f64
    );
    let fig = median_ms(20, || {
        std::hint::black_box(chart::figure(
            c,
            ds.indicator("gdp").expect("gdp"),
            720.0,
            false,
        ));
    });
    println!("one target figure (scene, SVG, tooltips)       {fig:>8.2} ms");
    let route = changzhutan_plans::route::Route::new(changzhutan_plans::route::Page::Map);
    let m = median_ms(20, || {
        std::hint::black_box(map::figure(
            c,
            &route,
            &map::Layer::ALL,
            map::MapView::default(),
            900.0,
            760.0,
        ));
    });
    println!(
        "the map, all layers, 900 px                    {m:>8.2} ms  (redrawn on each zoom step)"
    );
    let g = co_responsibility(&ds, &LoadFilter::default());
    let seeds_layout = median_ms(10, || {
        let mut l = network::ForceLayout::new(&g);
        l.step(usize::MAX);
        std::hint::black_box(l.normalized());
    });
    println!(
        "co-responsibility layout ({} nodes, {} edges)   {seeds_layout:>8.2} ms",
        g.nodes.len(),
        g.edges.len()
    );
    let mut last: Option<(usize, f64)> = None;
    for n in [300usize, 1000, 3000] {
        let sg = synthetic(n);
        let full = median_ms(3, || {
            let mut l = network::ForceLayout::new(&sg);
            l.step(usize::MAX);
            std::hint::black_box(l.normalized());
        });
        let mut l = network::ForceLayout::new(&sg);
        let slice = median_ms(5, || {
            l.step(4);
        });
        let ratio = last
            .map(|(pn, pt)| {
                format!(
                    "; ×{:.1} time for ×{:.1} nodes",
                    full / pt,
                    n as f64 / pn as f64
                )
            })
            .unwrap_or_default();
        println!("synthetic graph, {n:>4} nodes: layout {full:>8.1} ms in all, one UI slice (4 steps) {slice:>6.2} ms{ratio}");
        last = Some((n, full));
    }
}
