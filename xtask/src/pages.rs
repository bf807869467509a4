//! Every page of the site as a document at its own address: a folder with
//! an `index.html` per route and language (any static host serves it with
//! no rewrite rule), each with its figure's downloads and preview image
//! (PNG, rendered here with resvg and the CJK font the tests install), and
//! the site's `sitemap.xml`, `robots.txt`, `404.html` and downloads.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use changzhutan_plans::draw::figure::Figure;
use changzhutan_plans::pages::document::{self, base_href, folder, Preview, Site};
use changzhutan_plans::pages::render::{self, Opts};
use changzhutan_plans::pages::targets;
use changzhutan_plans::plan::{self, Dataset, Document};
use changzhutan_plans::route::{Page, Route};

use changzhutan_plans::words::{Ctx, Lang};

use crate::build::write;
use crate::Result;

/// The width a page's downloads and preview are drawn at, and their scale.
pub const FILE_WIDTH: f64 = 680.0;
const PNG_SCALE: f32 = 2.0;

pub use changzhutan_plans::site::{pages as routes, Scope};

/// The seeds' texts by document, for task and source pages.
fn seed_text(d: &Document) -> Option<&'static str> {
    plan::seeds::SEEDS
        .iter()
        .find(|(file, _)| *file == d.file)
        .map(|(_, text)| *text)
}

/// SVG → PNG with the system's fonts (Noto Sans CJK from fonts-noto-cjk).
pub struct Rasterizer {
    options: resvg::usvg::Options<'static>,
}

impl Rasterizer {
    pub fn new() -> Rasterizer {
        let mut options = resvg::usvg::Options::default();
        let mut db = resvg::usvg::fontdb::Database::new();
        db.load_system_fonts();
        options.fontdb = Arc::new(db);
        Rasterizer { options }
    }

    /// The PNG of an SVG document at `scale`, and its size in pixels.
    pub fn png(&self, svg: &str, scale: f32) -> Result<(Vec<u8>, u32, u32)> {
        let tree =
            resvg::usvg::Tree::from_str(svg, &self.options).map_err(|e| format!("svg: {e}"))?;
        let size = tree.size();
        let (w, h) = (
            (size.width() * scale).ceil() as u32,
            (size.height() * scale).ceil() as u32,
        );
        let mut pixmap = resvg::tiny_skia::Pixmap::new(w.max(1), h.max(1)).ok_or("pixmap")?;
        pixmap.fill(resvg::tiny_skia::Color::WHITE);
        resvg::render(
            &tree,
            resvg::tiny_skia::Transform::from_scale(scale, scale),
            &mut pixmap.as_mut(),
        );
        let png = pixmap.encode_png().map_err(|e| format!("png: {e}"))?;
        Ok((png, w, h))
    }
}

/// The figure a page's downloads and preview show, if it has one.
fn page_figure(c: Ctx, route: &Route) -> Option<Figure> {
    use changzhutan_plans::pages::{agencies, map};
    let w = [FILE_WIDTH];
    let one = |v: Vec<(f64, Figure)>| v.into_iter().next().map(|(_, f)| f);
    match &route.page {
        Page::Targets(Some(id)) => {
            c.ds.indicator(id)
                .map(|ind| changzhutan_plans::draw::chart::figure(c, ind, FILE_WIDTH, false))
        }
        Page::Map => one(map::map_figures(
            c,
            &map::MapState::of(c.ds, route),
            &w,
            false,
        )),
        Page::Agencies(None) => one(agencies::view_figures(
            c,
            agencies::View::Load,
            &agencies::AgencyState::of(route),
            &w,
        )),
        Page::Agencies(Some(id)) => one(agencies::agency_docs_figures(c, id, &w)),
        _ => None,
    }
}

/// What the build wrote.
pub struct Written {
    /// Pages by language.
    pub pages: BTreeMap<&'static str, usize>,
    pub previews: usize,
}

/// Write every page, its files, the site's previews, sitemap, robots.txt,
/// 404 page and downloads into `dir`. `url` is the site's root URL.
pub fn write_pages(
    dir: &Path,
    ds: &'static Dataset,
    url: &str,
    csp: &str,
    template: &str,
    scope: Scope,
) -> Result<Written> {
    let raster = Rasterizer::new();
    let text: &'static dyn Fn(&Document) -> Option<&'static str> = &seed_text;
    let site = Site { url, csp };
    let mut written = Written {
        pages: BTreeMap::new(),
        previews: 0,
    };
    let mut sitemap = Vec::new();
    // The site's own preview, for pages without a figure of their own: the
    // map of the region's structure, in each language.
    let mut site_preview: BTreeMap<&'static str, Preview> = BTreeMap::new();
    for lang in Lang::ALL {
        let c = Ctx::new(ds, lang);
        let route = c.route(Page::Map);
        if let Some(f) = page_figure(c, &route) {
            let path = format!("{}preview.png", folder(&c.route(Page::Overview)));
            let (png, w, h) = raster.png(&f.document(), PNG_SCALE)?;
            write(&dir.join(&path), png)?;
            site_preview.insert(
                lang.code(),
                Preview {
                    path,
                    width: w,
                    height: h,
                    alt: f.scene.summary.clone(),
                },
            );
            written.previews += 1;
        }
    }
    let opts = Opts::build(Box::leak(url.to_string().into_boxed_str()), text);
    for lang in Lang::ALL {
        let c = Ctx::new(ds, lang);
        for page in routes(ds, scope) {
            let route = c.route(page.clone());
            let here = folder(&route);
            let rendered = render::render(c, &route, &opts);
            // Its figure: downloads beside the page, and its preview.
            let mut preview = None;
            if let (Some(f), false) = (page_figure(c, &route), matches!(page, Page::Embed(_))) {
                let (png, w, h) = raster.png(&f.document(), PNG_SCALE)?;
                write(&dir.join(format!("{here}{}.png", f.file)), png)?;
                write(&dir.join(format!("{here}{}.svg", f.file)), f.document())?;
                write(&dir.join(format!("{here}{}.csv", f.file)), f.csv())?;
                preview = Some(Preview {
                    path: format!("{here}{}.png", f.file),
                    width: w,
                    height: h,
                    alt: f.scene.summary.clone(),
                });
                written.previews += 1;
            }
            // A target's outcomes template, which its page and cards link to.
            if let Page::Targets(Some(id)) = &page {
                if let Some(ind) = ds.indicators.iter().find(|i| &i.id == id) {
                    write(
                        &dir.join(format!("{here}{}", targets::template_file(ind))),
                        targets::actuals_template(c, ind),
                    )?;
                }
            }
            let preview = preview.as_ref().or(site_preview.get(lang.code()));
            let parts = document::document(c, &route, &rendered, site, preview, &base_href(&here));
            write(
                &dir.join(format!("{here}index.html")),
                document::fill(template, &parts),
            )?;
            *written.pages.entry(lang.code()).or_default() += 1;
            if !matches!(page, Page::Embed(_)) && lang == Lang::Zh {
                sitemap.push(page);
            }
        }
    }
    write(&dir.join("sitemap.xml"), sitemap_xml(ds, url, &sitemap))?;
    write(
        &dir.join("robots.txt"),
        format!("User-agent: *\nAllow: /\n\nSitemap: {url}sitemap.xml\n"),
    )?;
    // Any address no page has: the not-found page, its links from the root
    // (a host serves it at whatever path was asked for).
    let root_path = url_path(url);
    for lang in Lang::ALL {
        let c = Ctx::new(ds, lang);
        let route = c.route(Page::NotFound(vec![]));
        let rendered = render::render(c, &route, &opts);
        let name = match lang {
            Lang::Zh => "404.html".to_string(),
            Lang::En => "en/404.html".to_string(),
        };
        let mut parts = document::document(c, &route, &rendered, site, None, &root_path);
        parts.head = parts.head.replace(
            "<link rel=\"canonical\"",
            "<meta name=\"robots\" content=\"noindex\">\n<link rel=\"canonical\"",
        );
        write(&dir.join(name), document::fill(template, &parts))?;
    }
    // The downloads of the data page.
    write(
        &dir.join(changzhutan_plans::pages::data::JSON_FILE),
        plan::export::to_json(ds, &changzhutan_plans::words::problems::WORDS),
    )?;
    for table in changzhutan_plans::pages::data::CSV_TABLES {
        let t = plan::export::Table::from_name(table).ok_or("a table of the export")?;
        write(
            &dir.join(changzhutan_plans::pages::data::csv_file(table)),
            plan::export::to_csv(ds, t, &changzhutan_plans::words::problems::WORDS),
        )?;
    }
    Ok(written)
}

/// The path of a URL ("https://a.b/plans/" → "/plans/").
fn url_path(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    match rest.find('/') {
        Some(i) => rest[i..].to_string(),
        None => "/".into(),
    }
}

/// The sitemap: every page's Chinese address with its English alternate.
fn sitemap_xml(ds: &Dataset, url: &str, pages: &[Page]) -> String {
    let mut s = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n");
    for page in pages {
        let zh = folder(&Ctx::new(ds, Lang::Zh).route(page.clone()));
        let en = folder(&Ctx::new(ds, Lang::En).route(page.clone()));
        for loc in [&zh, &en] {
            s.push_str(&format!(
                "<url><loc>{url}{loc}</loc><xhtml:link rel=\"alternate\" hreflang=\"zh-CN\" href=\"{url}{zh}\"/><xhtml:link rel=\"alternate\" hreflang=\"en\" href=\"{url}{en}\"/></url>\n"
            ));
        }
    }
    s.push_str("</urlset>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn url_paths() {
        assert_eq!(url_path("https://a.b/plans/"), "/plans/");
        assert_eq!(url_path("http://127.0.0.1:8080/"), "/");
        assert_eq!(url_path("http://127.0.0.1:8080"), "/");
    }
}
