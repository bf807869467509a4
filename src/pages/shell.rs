//! The frame around every page: the header (brand, navigation, language
//! switch) and the footer. One copy for the app and for the pages the build
//! renders ahead of it.

use std::fmt::Write;

use crate::markup::esc;
use crate::route::{Page, Route};
use crate::words::{Ctx, Lang};

/// The navigation's section of a page.
pub fn section_of(p: &Page) -> &'static str {
    match p {
        Page::Overview => "overview",
        Page::Targets(_) => "targets",
        Page::Map => "map",
        Page::Agencies(_) => "agencies",
        Page::Tasks | Page::Task(_) => "tasks",
        Page::Data | Page::Source(_) => "data",
        Page::Import => "import",
        Page::NotFound(_) => "",
        Page::Embed(inner) => section_of(inner),
    }
}

/// The header for `route` (the language switch keeps its page and filters).
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
    let switch = route.with_param("lang", code).to_hash();
    let section = section_of(&route.page);
    let mut nav = String::new();
    for (p, label, key) in [
        (Page::Overview, t.nav_overview, "overview"),
        (Page::Targets(None), t.nav_targets, "targets"),
        (Page::Map, t.nav_map, "map"),
        (Page::Agencies(None), t.nav_agencies, "agencies"),
        (Page::Tasks, t.nav_tasks, "tasks"),
        (Page::Data, t.nav_data, "data"),
        (Page::Import, t.nav_import, "import"),
    ] {
        let _ = write!(
            nav,
            "<li><a href=\"{}\"{} data-nav=\"{key}\">{}</a></li>",
            esc(&c.href(p)),
            if section == key {
                " aria-current=\"page\""
            } else {
                ""
            },
            esc(label)
        );
    }
    format!(
        "<header class=\"site-header\"><a class=\"skip-link\" href=\"#main\">{}</a><div class=\"brand\"><a class=\"brand-title\" href=\"{}\">{}</a><span class=\"brand-sub\">{}</span></div><nav aria-label=\"{}\"><ul>{nav}</ul></nav><button type=\"button\" class=\"theme-switch\" aria-pressed=\"{}\">{}</button><a class=\"lang-switch\" href=\"{}\" hreflang=\"{}\" lang=\"{}\">{}</a></header>",
        esc(t.skip_to_content),
        esc(&c.href(Page::Overview)),
        esc(t.app_title),
        esc(t.app_subtitle),
        esc(t.nav_overview),
        if c.theme == crate::route::Theme::Dark {
            "true"
        } else {
            "false"
        },
        esc(t.theme_dark),
        esc(&switch),
        other.html_lang(),
        other.html_lang(),
        esc(t.language_switch)
    )
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
