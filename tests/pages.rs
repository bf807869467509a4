//! The site's pages, natively: every route and language has its page, each
//! a document of the web (title, description, canonical and hreflang links,
//! preview tags), with nothing inline a strict CSP would refuse, and ids
//! unique; the embed snippets; the error view's words.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeSet;

use changzhutan_plans::draw::widths::WIDTHS;
use changzhutan_plans::pages::document::{self, folder, Preview, Site};
use changzhutan_plans::pages::embed::embed_kit;
use changzhutan_plans::pages::render::{render, Opts};
use changzhutan_plans::plan::{self, Dataset, Document};
use changzhutan_plans::route::{Page, Route};
use changzhutan_plans::site::{is_local, pages, spec, Scope};
use changzhutan_plans::words::{Ctx, Lang, Links};

fn ds() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(Dataset::load)
}

fn text(d: &Document) -> Option<&'static str> {
    plan::seeds::SEEDS
        .iter()
        .find(|(f, _)| *f == d.file)
        .map(|(_, t)| *t)
}

fn opts() -> Opts<'static> {
    Opts::build("https://plans.example.gov.cn/czt/", &text)
}

#[test]
fn every_item_has_its_pages() {
    let ds = ds();
    let all = pages(ds, Scope::All);
    let count = |f: &dyn Fn(&Page) -> bool| all.iter().filter(|p| f(p)).count();
    // An old address of an id that moved is a page too (it says where).
    let moved = ds
        .aliases
        .iter()
        .filter(|a| a.kind != plan::AliasKind::Place && ds.indicator(&a.old).is_none())
        .count();
    assert_eq!(
        count(&|p| matches!(p, Page::Targets(Some(_)))),
        ds.indicators.len() + moved
    );
    assert_eq!(count(&|p| matches!(p, Page::Task(_))), ds.tasks.len());
    assert_eq!(
        count(&|p| matches!(p, Page::Agencies(Some(_)))),
        ds.agencies.len()
    );
    assert_eq!(count(&|p| matches!(p, Page::Source(_))), ds.documents.len());
    let embeds = count(&|p| matches!(p, Page::Embed(_)));
    assert_eq!(embeds, ds.indicators.len() + ds.agencies.len() + 2);
    let singles = [
        Page::Overview,
        Page::Targets(None),
        Page::Map,
        Page::Agencies(None),
        Page::Renames,
        Page::Tasks,
        Page::Data,
        Page::Import,
    ];
    for p in &singles {
        assert_eq!(count(&|q| q == p), 1, "{p:?}");
    }
    assert_eq!(
        all.len(),
        singles.len()
            + ds.indicators.len()
            + moved
            + ds.tasks.len()
            + ds.agencies.len()
            + ds.documents.len()
            + embeds
    );
    // Each page has its own address, which names it again.
    let mut seen = BTreeSet::new();
    for lang in Lang::ALL {
        let c = Ctx::new(ds, lang);
        for p in &all {
            let r = c.route(p.clone());
            let path = folder(&r);
            assert!(seen.insert(path.clone()), "two pages at {path}");
            assert_eq!(Route::parse_path(&path, "").page, *p, "{path}");
            assert!(spec(p).prerendered && !is_local(p));
        }
    }
}

/// The ids of an HTML string (a plain scan of `id="…"`).
fn ids(h: &str) -> Vec<&str> {
    h.match_indices(" id=\"")
        .filter_map(|(i, m)| {
            let rest = &h[i + m.len()..];
            rest.find('"').map(|e| &rest[..e])
        })
        .collect()
}

#[test]
fn pages_are_complete_and_safe_under_a_strict_csp() {
    let ds = ds();
    let o = opts();
    for lang in Lang::ALL {
        let c = Ctx::new(ds, lang);
        let mut titles = BTreeSet::new();
        for p in pages(ds, Scope::All) {
            let r = c.route(p.clone());
            let page = render(c, &r, &o);
            assert!(!page.main.is_empty(), "{p:?}");
            assert!(!page.description.trim().is_empty(), "{p:?}: description");
            if !matches!(p, Page::Embed(_)) {
                assert!(
                    titles.insert(page.title.clone()),
                    "{p:?}: title {} twice",
                    page.title
                );
            }
            let parts = document::document(
                c,
                &r,
                &page,
                Site {
                    url: "https://plans.example.gov.cn/czt/",
                    csp: "default-src 'none'",
                },
                None,
                "../",
            );
            let html = document::fill(include_str!("../index.html"), &parts);
            for bad in [
                " style=\"",
                "<style",
                "javascript:",
                " onclick=",
                " onload=",
            ] {
                assert!(!html.contains(bad), "{p:?} ({lang:?}): {bad}");
            }
            // Only the page's own two scripts, by address.
            assert_eq!(html.matches("<script").count(), 2, "{p:?}");
            let mut seen = BTreeSet::new();
            for id in ids(&html) {
                assert!(seen.insert(id), "{p:?} ({lang:?}): id {id} twice");
            }
            assert!(html.contains("<main id=\"main\""), "{p:?}");
        }
    }
}

#[test]
fn a_page_is_a_page_of_the_web() {
    let ds = ds();
    let c = Ctx::new(ds, Lang::En);
    let r = c.route(Page::Targets(Some("gdp".into())));
    let page = render(c, &r, &opts());
    assert_eq!(
        page.title,
        "Gross regional product (GDP) · Targets · Changsha–Zhuzhou–Xiangtan plans, explained"
    );
    let preview = Preview {
        path: "en/targets/gdp/gdp.png".into(),
        width: 1360,
        height: 900,
        alt: "a chart".into(),
    };
    let parts = document::document(
        c,
        &r,
        &page,
        Site {
            url: "https://plans.example.gov.cn/czt/",
            csp: "default-src 'none'",
        },
        Some(&preview),
        "../../../",
    );
    let h = &parts.head;
    for want in [
        "<base href=\"../../../\">",
        "<link rel=\"canonical\" href=\"https://plans.example.gov.cn/czt/en/targets/gdp/\">",
        "<link rel=\"alternate\" hreflang=\"zh-CN\" href=\"https://plans.example.gov.cn/czt/targets/gdp/\">",
        "<link rel=\"alternate\" hreflang=\"en\" href=\"https://plans.example.gov.cn/czt/en/targets/gdp/\">",
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"https://plans.example.gov.cn/czt/targets/gdp/\">",
        "<meta property=\"og:image\" content=\"https://plans.example.gov.cn/czt/en/targets/gdp/gdp.png\">",
        "<meta name=\"twitter:card\" content=\"summary_large_image\">",
        "<meta property=\"og:title\" content=\"Gross regional product (GDP) · Targets",
    ] {
        assert!(h.contains(want), "{want}\n{h}");
    }
    assert!(
        parts.attrs.contains("lang=\"en\"") && parts.attrs.contains("data-build=\"app_charts\"")
    );
    assert!(parts.app.contains("<h1>Gross regional product (GDP)</h1>"));
    // An embed's canonical page is the page it is the figure of.
    let e = c.route(Page::Embed(Box::new(Page::Map)));
    let parts = document::document(
        c,
        &e,
        &render(c, &e, &opts()),
        Site {
            url: "https://x.example/",
            csp: "",
        },
        None,
        "../../",
    );
    assert!(parts
        .head
        .contains("<link rel=\"canonical\" href=\"https://x.example/en/map/\">"));
    assert!(!parts.app.contains("site-header"), "an embed has no header");
}

#[test]
fn an_id_that_moved_keeps_its_address() {
    let ds = ds();
    let c = Ctx::new(ds, Lang::Zh);
    let r = c.route(Page::Targets(Some("dust-control-rules".into())));
    let page = render(c, &r, &opts());
    assert_eq!(
        page.moved.as_deref(),
        Some("targets/#statement-dust-control-rules")
    );
    assert!(page.description.contains("“8个100%”是八项措施各达到100%"));
    assert!(page
        .main
        .contains("href=\"targets/#statement-dust-control-rules\""));
    let overview = render(c, &c.route(Page::Targets(None)), &opts());
    assert!(overview
        .main
        .contains("id=\"statement-dust-control-rules\""));
}

#[test]
fn the_main_figure_is_drawn_at_every_width() {
    let ds = ds();
    let c = Ctx::new(ds, Lang::Zh);
    for p in [
        Page::Targets(Some("gdp".into())),
        Page::Map,
        Page::Agencies(None),
    ] {
        let page = render(c, &c.route(p.clone()), &opts());
        for w in WIDTHS {
            assert!(
                page.main.contains(&format!("data-w=\"{w}\"")),
                "{p:?} at {w}"
            );
        }
    }
}

#[test]
fn links_are_real_addresses_and_hash_routes_offline() {
    let ds = ds();
    let c = Ctx::new(ds, Lang::En);
    assert_eq!(c.href(Page::Targets(Some("gdp".into()))), "en/targets/gdp/");
    assert_eq!(Ctx::new(ds, Lang::Zh).href(Page::Overview), "./");
    assert_eq!(
        c.href(Page::Task("imp1-3".into())),
        "./#/tasks/imp1-3?lang=en"
    );
    let h = c.with_links(Links::Hash);
    assert_eq!(h.href(Page::Map), "#/map?lang=en");
    let r = Route::parse_path("en/agencies/", "view=heatmap&doc=000_46937b859a78d65d");
    assert_eq!(r.param("lang"), Some("en"));
    assert_eq!(
        r.to_path(),
        "en/agencies/?view=heatmap&doc=000_46937b859a78d65d"
    );
}

#[test]
fn ahead_js_keeps_the_same_pages_local() {
    // ahead.js redirects a hash route to its real page unless it is a page
    // of the visitor's own (site::is_local): its pattern must agree.
    let js = include_str!("../public/ahead.js");
    let pattern = js
        .lines()
        .find_map(|l| l.trim().strip_prefix("var LOCAL = /"))
        .and_then(|l| l.strip_suffix("/;"))
        .expect("ahead.js: var LOCAL = /…/;");
    assert_eq!(
        pattern,
        r"^\/*(?:embed\/+)?(?:targets|agencies|tasks|source)\/+imp[0-9]+(?:-[^\/?]*)?\/*(?:\?|$)",
        "ahead.js's pattern changed: check it against site::is_local"
    );
    for (hash, local) in [
        ("/tasks/imp1-3", true),
        ("/targets/imp2-i1?lang=en", true),
        ("/source/imp1", true),
        ("/embed/targets/imp3-i2", true),
        ("/tasks/000-1", false),
        ("/targets/gdp", false),
        ("/source/import", false),
        ("/map", false),
    ] {
        assert_eq!(is_local(&Route::parse(hash).page), local, "{hash}");
    }
}

#[test]
fn embed_snippets() {
    let ds = ds();
    let c = Ctx::new(ds, Lang::Zh);
    let embed = Route::new(Page::Embed(Box::new(Page::Targets(Some("gdp".into())))));
    let h = embed_kit(
        c,
        "https://plans.example.gov.cn/cztplans/",
        &embed,
        "地区生产总值",
        false,
    );
    assert!(h.contains("&lt;iframe src=&quot;https://plans.example.gov.cn/cztplans/embed/targets/gdp/&quot; title=&quot;地区生产总值&quot;"), "{h}");
    assert!(h.contains("data-cztplans&gt;&lt;/iframe&gt;\n&lt;script src=&quot;https://plans.example.gov.cn/cztplans/embed.js&quot; defer&gt;"));
    assert!(h.contains("data-copy=\"iframe\"") && h.contains("data-copy=\"script\""));
    assert!(h.contains("class=\"embed-preview\" data-src=\"https://plans.example.gov.cn/cztplans/embed/targets/gdp/\""));
    assert!(
        !h.contains("style="),
        "snippets carry no inline style: host CSPs may refuse it"
    );
    let h = embed_kit(c, "", &embed, "map", true);
    assert!(h.contains("离线版不能被嵌入") && !h.contains("iframe"));
}

#[test]
fn the_error_view_words_come_from_the_text_tables() {
    let h = changzhutan_plans::pages::fallback::fatal_view();
    assert!(h.contains("<h1>出错了 · Something went wrong</h1>"));
    assert!(h.contains("id=\"fatal-detail\"") && h.contains("id=\"fatal-reload\""));
    assert!(h.contains(">重新加载 · Reload</button>"));
    let template = include_str!("../index.html");
    assert!(template.contains("<!--FATAL-->") && !template.contains("出错了"));
}
