//! A page as a document of the web: the whole HTML file the build writes
//! for a route — its head (title, description, canonical and `hreflang`
//! links, the preview card's tags), the header, the content and the footer
//! — so that a server, a search engine or a chat app sees the page itself.

use std::fmt::Write;

use crate::markup::esc;
use crate::route::{Page, Route};
use crate::site::{spec, Build};
use crate::words::{Ctx, Lang, Links};

use super::render::Rendered;

/// What every document of the site shares.
#[derive(Clone, Copy, Debug)]
pub struct Site<'a> {
    /// The site's root URL, absolute ("https://example.gov.cn/plans/").
    pub url: &'a str,
    /// The Content-Security-Policy of the page's meta tag.
    pub csp: &'a str,
}

/// A page's preview image (its figure as PNG), relative to the site's root.
#[derive(Clone, Debug, PartialEq)]
pub struct Preview {
    pub path: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

/// How far a page's folder is below the site's root: the `<base>` that
/// makes every link of the page relative to the root.
pub fn base_href(folder: &str) -> String {
    let depth = folder.split('/').filter(|s| !s.is_empty()).count();
    if depth == 0 {
        "./".into()
    } else {
        "../".repeat(depth)
    }
}

/// The folder of a route's document, relative to the site's root
/// ("en/targets/gdp/", "" for the Chinese overview).
pub fn folder(route: &Route) -> String {
    let mut r = route.clone();
    r.params.retain(|(k, _)| k == "lang");
    r.to_path()
}

/// The document the build writes for `route` (its folder's index.html), in
/// parts for the page template.
pub fn document(
    c: Ctx,
    route: &Route,
    r: &Rendered,
    site: Site,
    preview: Option<&Preview>,
    base: &str,
) -> Parts {
    let t = c.t();
    let here = folder(route);
    let url = |path: &str| format!("{}{}", site.url, path);
    let canonical = match &route.page {
        // An embed is its page's figure: the page is the one to find.
        Page::Embed(inner) => url(&folder(&route.with_page((**inner).clone()))),
        _ => url(&here),
    };
    let mut head = String::new();
    let moved = r.moved.as_ref().map(|to| {
        format!(
            "<meta http-equiv=\"refresh\" content=\"0; url={}\">\n",
            esc(to)
        )
    });
    let _ = write!(
        head,
        "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">\n<base href=\"{}\">\n<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n<link rel=\"canonical\" href=\"{}\">\n",
        esc(site.csp),
        esc(base),
        esc(&r.title),
        esc(&r.description),
        esc(&canonical)
    );
    head.push_str(moved.as_deref().unwrap_or(""));
    for lang in Lang::ALL {
        let other = folder(&Ctx::new(c.ds, lang).route(route.page.clone()));
        let _ = writeln!(
            head,
            "<link rel=\"alternate\" hreflang=\"{}\" href=\"{}\">",
            lang.html_lang(),
            esc(&url(&other))
        );
    }
    let zh = folder(&Ctx::new(c.ds, Lang::Zh).route(route.page.clone()));
    let _ = writeln!(
        head,
        "<link rel=\"alternate\" hreflang=\"x-default\" href=\"{}\">",
        esc(&url(&zh))
    );
    let _ = write!(
        head,
        "<meta property=\"og:type\" content=\"website\">\n<meta property=\"og:site_name\" content=\"{}\">\n<meta property=\"og:title\" content=\"{}\">\n<meta property=\"og:description\" content=\"{}\">\n<meta property=\"og:url\" content=\"{}\">\n<meta property=\"og:locale\" content=\"{}\">\n",
        esc(t.app_title),
        esc(&r.title),
        esc(&r.description),
        esc(&canonical),
        if c.lang == Lang::Zh { "zh_CN" } else { "en_US" }
    );
    if let Some(p) = preview {
        let _ = write!(
            head,
            "<meta property=\"og:image\" content=\"{img}\">\n<meta property=\"og:image:width\" content=\"{}\">\n<meta property=\"og:image:height\" content=\"{}\">\n<meta property=\"og:image:alt\" content=\"{alt}\">\n<meta name=\"twitter:card\" content=\"summary_large_image\">\n<meta name=\"twitter:image\" content=\"{img}\">\n<meta name=\"twitter:image:alt\" content=\"{alt}\">\n",
            p.width,
            p.height,
            img = esc(&url(&p.path)),
            alt = esc(&p.alt)
        );
    } else {
        head.push_str("<meta name=\"twitter:card\" content=\"summary\">\n");
    }
    let _ = write!(
        head,
        "<meta name=\"twitter:title\" content=\"{}\">\n<meta name=\"twitter:description\" content=\"{}\">\n<link rel=\"icon\" href=\"data:,\">\n<link rel=\"stylesheet\" href=\"style.css\">\n<noscript><link rel=\"stylesheet\" href=\"noscript.css\"></noscript>\n<script src=\"ahead.js\"></script>\n<script type=\"module\" src=\"boot.js\"></script>\n",
        esc(&r.title),
        esc(&r.description)
    );
    let build = spec(&route.page).build;
    Parts {
        attrs: html_attrs(c, build, &here),
        head,
        app: app_html(c, route, r),
        boot: String::new(),
    }
}

/// A document in parts, for the page template (`index.html`: its
/// `<!--HTML-ATTRS-->`, `<!--HEAD-->`, `<!--APP-->`, `<!--FATAL-->` and
/// `<!--BOOT-->`).
#[derive(Clone, Debug, Default)]
pub struct Parts {
    pub attrs: String,
    pub head: String,
    pub app: String,
    pub boot: String,
}

/// The `<html>` element's attributes: language, state, the build that
/// serves the page and the route it was written for.
pub fn html_attrs(c: Ctx, build: Build, here: &str) -> String {
    format!(
        " lang=\"{}\" data-app=\"static\" data-build=\"{}\" data-route=\"{}\"",
        c.lang.html_lang(),
        build.name(),
        esc(here)
    )
}

/// What `#app` holds: the header, the content, the footer (an embed has
/// only its content).
pub fn app_html(c: Ctx, route: &Route, r: &Rendered) -> String {
    let (header, footer) = if r.embed {
        (String::new(), String::new())
    } else {
        (
            super::shell::header(c, route),
            super::shell::footer(c, c.links == Links::Hash),
        )
    };
    format!(
        "{header}<main id=\"main\" tabindex=\"-1\"{}>{}</main>{footer}",
        if r.embed { " class=\"embedded\"" } else { "" },
        r.main
    )
}

/// The template with its parts filled.
pub fn fill(template: &str, p: &Parts) -> String {
    template
        .replace("<!--HTML-ATTRS-->", &p.attrs)
        .replace("<!--HEAD-->", p.head.trim_end())
        .replace("<!--APP-->", &p.app)
        .replace("<!--FATAL-->", &super::fallback::fatal_view())
        .replace("<!--BOOT-->", &p.boot)
}
