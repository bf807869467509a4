//! The frame around every page: the header (brand, navigation, theme and
//! language switches) and the footer. One copy for the app and the build.

use std::fmt::Write;

use crate::markup::esc;
use crate::route::{Page, Route};
use crate::site::{spec, Section};
use crate::words::{Ctx, Lang};

/// The header for `route`. One line at every width: on a narrow screen the
/// sections fold into a menu (a `<details>`, so it opens without the app).
/// The theme switch names the theme it switches to (CSS shows the right
/// one of its two labels before any script runs); the language switch
/// keeps the page and its filters.
pub fn header(c: Ctx, route: &Route) -> String {
    let t = c.t();
    let other = match c.lang {
        Lang::Zh => Lang::En,
        Lang::En => Lang::Zh,
    };
    let code = if other == Lang::default() {
        ""
    } else {
        other.code()
    };
    let switch = c.link(&route.with_param("lang", code));
    let section = spec(&route.page).section;
    let mut items = String::new();
    let mut current = "";
    for s in Section::NAV {
        let label = section_name(c, s);
        let here = s == section;
        if here {
            current = label;
        }
        let _ = write!(
            items,
            "<li><a href=\"{}\"{} data-nav=\"{}\">{}</a></li>",
            esc(&c.href(s.page())),
            if here { " aria-current=\"page\"" } else { "" },
            s.key(),
            esc(label)
        );
    }
    // The skip link names this page: a page's <base> is the site's root.
    let skip = format!("{}#main", here_link(c, route));
    format!(
        "<header class=\"site-header\"><a class=\"skip-link\" href=\"{}\">{}</a><a class=\"brand\" href=\"{}\"><span class=\"brand-title\">{}</span><span class=\"brand-short\" aria-hidden=\"true\">{}</span><span class=\"brand-sub\">{}</span></a><nav class=\"site-nav\" aria-label=\"{}\"><ul class=\"nav-tabs\">{items}</ul><details class=\"nav-menu\"><summary><span class=\"menu-icon\" aria-hidden=\"true\">☰</span> {}<span class=\"menu-current\">{}</span></summary><ul>{items}</ul></details></nav><button type=\"button\" class=\"theme-switch\"><span class=\"to-dark\">{}</span><span class=\"to-light\">{}</span></button><a class=\"lang-switch\" href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a></header>",
        esc(&skip),
        esc(t.skip_to_content),
        esc(&c.href(Page::Overview)),
        esc(t.app_title),
        esc(t.app_title_short),
        esc(t.app_subtitle),
        esc(t.nav_overview),
        esc(t.menu),
        if current.is_empty() {
            String::new()
        } else {
            format!(" · {}", esc(current))
        },
        esc(t.theme_dark),
        esc(t.theme_light),
        esc(&switch),
        other.html_lang(),
        other.html_lang(),
        esc(t.language_switch)
    )
}

/// A link to the page `route` is on, for its in-page anchors ("" where
/// links are hash routes: the anchor alone, which the app handles).
pub fn here_link(c: Ctx, route: &Route) -> String {
    match c.links {
        crate::words::Links::Hash => String::new(),
        crate::words::Links::Paths => c.link(route),
    }
}

/// A section's name in the navigation.
pub fn section_name(c: Ctx, s: Section) -> &'static str {
    let t = c.t();
    match s {
        Section::Overview => t.nav_overview,
        Section::Targets => t.nav_targets,
        Section::Map => t.nav_map,
        Section::Agencies => t.nav_agencies,
        Section::Tasks => t.nav_tasks,
        Section::Data => t.nav_data,
        Section::Import => t.nav_import,
        Section::None => "",
    }
}

/// The footer: the sources, and the offline file (or, in it, that it is offline).
pub fn footer(c: Ctx, offline: bool) -> String {
    let t = c.t();
    let download = if offline {
        format!("<p class=\"offline-note\">{}</p>", esc(t.offline_note))
    } else {
        format!(
            "<p><a class=\"offline-link\" href=\"changzhutan-plans.html\" download=\"changzhutan-plans.html\">{}</a></p>",
            esc(t.footer_offline)
        )
    };
    format!(
        "<footer class=\"site-footer\"><p>{}</p>{download}</footer>",
        esc(t.footer_sources)
    )
}
