//! The build-time fallback and the embed snippets, natively.
#![cfg(not(target_arch = "wasm32"))]

use changzhutan_plans::pages::embed::embed_kit;
use changzhutan_plans::pages::fallback::{page, Extent};
use changzhutan_plans::plan::Dataset;
use changzhutan_plans::words::Ctx;
use changzhutan_plans::words::Lang;

#[test]
fn the_fallback_has_key_charts_and_tables_and_no_inline_code() {
    let ds = Dataset::load();
    let full = page(&ds, Extent::Full);
    let lean = page(&ds, Extent::Lean);
    assert_eq!(full.matches("class=\"static-chart\"").count(), 4);
    assert_eq!(lean.matches("class=\"static-chart\"").count(), 2);
    assert!(full.contains("class=\"static-map\""));
    assert!(!lean.contains("class=\"static-map\""));
    assert!(full.contains("2.67万亿元"), "the consistency checks");
    assert!(full.contains("需年均增长8.2%"));
    let tasks: usize = ["<tr><td>000-", "<tr><td>003-", "<tr><td>004-"]
        .iter()
        .map(|p| full.matches(p).count())
        .sum();
    assert_eq!(tasks, 86, "every task");
    for (name, h) in [("full", &full), ("lean", &lean)] {
        assert!(!h.contains("style="), "{name}: inline style");
        assert!(!h.contains("<script"), "{name}: inline script");
        assert!(h.starts_with("<noscript>"), "{name}");
    }
    // The offline file's budget: the lean fallback stays small.
    assert!(lean.len() < 60_000, "lean fallback is {} bytes", lean.len());
}

#[test]
fn embed_snippets() {
    let ds = Dataset::load();
    let c = Ctx::new(&ds, Lang::Zh);
    let h = embed_kit(
        c,
        "https://plans.example.gov.cn/cztplans/",
        "#/embed/targets/gdp",
        "地区生产总值",
        false,
    );
    assert!(h.contains("&lt;iframe src=&quot;https://plans.example.gov.cn/cztplans/#/embed/targets/gdp&quot; title=&quot;地区生产总值&quot;"));
    assert!(h.contains("data-cztplans&gt;&lt;/iframe&gt;\n&lt;script src=&quot;https://plans.example.gov.cn/cztplans/embed.js&quot; defer&gt;"));
    assert!(
        !h.contains("style="),
        "snippets carry no inline style: host CSPs may refuse it"
    );
    let h = embed_kit(
        c,
        "https://x.example/index.html",
        "#/embed/map",
        "map",
        false,
    );
    assert!(h.contains("https://x.example/embed.js"));
    let h = embed_kit(
        c,
        "file:///home/u/changzhutan-plans.html",
        "#/embed/map",
        "map",
        true,
    );
    assert!(h.contains("离线版不能被嵌入") && !h.contains("iframe"));
}

#[test]
fn the_error_view_words_come_from_the_text_tables() {
    let h = changzhutan_plans::pages::fallback::fatal_view();
    assert!(h.contains("<h1>出错了 · Something went wrong</h1>"));
    assert!(h.contains("id=\"fatal-detail\"") && h.contains("id=\"fatal-reload\""));
    assert!(h.contains(">重新加载 · Reload</button>"));
    let template =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/index.html")).unwrap();
    assert!(template.contains("<!--FATAL-->") && !template.contains("出错了"));
}
