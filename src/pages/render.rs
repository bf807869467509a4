//! Every page's content from its route, in one pure step: what the build
//! writes into each page's document and what the app shows when it moves
//! to a page. The same function for both, so a page the app takes over is
//! the page it would have drawn.

use crate::draw::widths::WIDTHS;
use crate::markup::esc;
use crate::route::{Page, Route};
use crate::site::{spec, Named};
use crate::words::{Ctx, Lang};
use plan::Document;

#[cfg(feature = "explore")]
use super::map;
#[cfg(feature = "whole")]
use super::{agencies, data, import, renames};
use super::{not_found, overview, targets, tasks};

/// Where a page is drawn, and what it may show.
#[derive(Clone, Copy)]
pub struct Opts<'a> {
    /// The widths a page's main figure is drawn at: every one of
    /// [`WIDTHS`] for a page written by the build (CSS shows the one that
    /// fits), the one its box takes when the app draws it.
    pub widths: &'a [f64],
    /// The site's root URL ("https://…/"), for embed snippets; "" where
    /// nothing can be embedded (the offline file).
    pub site: &'a str,
    /// The build wrote this page's downloads into its folder.
    pub files: bool,
    /// A document's text, where it is at hand (the build has every seed;
    /// the app the ones it has loaded): task and source pages show it.
    pub text: &'a dyn Fn(&Document) -> Option<&'static str>,
    /// The tasks the explorer finds for its route (its search index is the
    /// caller's); `None` finds them without an index.
    pub found: Option<&'a [&'a plan::Task]>,
    /// In the offline file: the site it was built for ("" if none), where
    /// its import page sends the visitor.
    pub offline_home: Option<&'a str>,
}

impl Opts<'static> {
    /// As the build writes a page: every width, every text at hand.
    pub fn build(
        site: &'static str,
        text: &'static dyn Fn(&Document) -> Option<&'static str>,
    ) -> Opts<'static> {
        Opts {
            widths: &WIDTHS,
            site,
            files: true,
            text,
            found: None,
            offline_home: None,
        }
    }
}

/// A page's content and what names it.
#[derive(Clone, Debug, PartialEq)]
pub struct Rendered {
    pub title: String,
    pub description: String,
    /// The inner HTML of `<main>`.
    pub main: String,
    /// An embed: no header or footer, `<main class="embedded">`.
    pub embed: bool,
    /// An address that moved (an id changed): where it is now, relative to
    /// the site's root (the page says so and its document sends browsers on).
    pub moved: Option<String>,
}

/// The page of `route`.
pub fn render(c: Ctx, route: &Route, o: &Opts) -> Rendered {
    let embed = matches!(route.page, Page::Embed(_));
    if let Some((to, reason)) = moved(c, &route.page) {
        let t = c.t();
        return Rendered {
            title: format!("{} · {} · {}", page_id(&route.page), t.moved_title, t.app_title),
            description: reason.to_string(),
            main: format!(
                "<section class=\"page moved\"><h1>{}</h1><p>{}</p><p><a href=\"{}\">{}</a></p></section>",
                esc(t.moved_title),
                crate::markup::txt(reason),
                esc(&to),
                esc(t.moved_link)
            ),
            embed,
            moved: Some(to),
        };
    }
    Rendered {
        title: title(c, &route.page),
        description: description(c, &route.page),
        main: main(c, route, o),
        embed,
        moved: None,
    }
}

/// The id a page is about ("" for a page that is about no item).
fn page_id(page: &Page) -> &str {
    match page {
        Page::Targets(Some(id)) | Page::Agencies(Some(id)) | Page::Task(id) | Page::Source(id) => {
            id
        }
        Page::Embed(inner) => page_id(inner),
        _ => "",
    }
}

/// Where a page whose id moved is now (`Dataset::alias`), and why.
pub fn moved<'a>(c: Ctx<'a>, page: &Page) -> Option<(String, &'a str)> {
    let Page::Targets(Some(id)) = page else {
        return None;
    };
    if c.ds.indicator(id).is_some() {
        return None;
    }
    let a = c.ds.alias(id)?;
    let reason = if c.lang == Lang::Zh {
        &a.reason
    } else {
        &a.reason_en
    };
    let to = match a.kind {
        plan::AliasKind::Indicator => c.href(Page::Targets(Some(a.new.clone()))),
        plan::AliasKind::Statement => {
            format!("{}#statement-{}", c.href(Page::Targets(None)), a.new)
        }
        plan::AliasKind::Place => c.link(&c.route(Page::Map).with_param("sel", &a.new)),
    };
    Some((to, reason))
}

/// The page's folder relative to the site's root, for its files
/// ("en/targets/gdp/").
fn folder(c: Ctx, route: &Route) -> String {
    c.with_links(crate::words::Links::Paths)
        .link(&c.route(route.page.clone()))
        .trim_start_matches("./")
        .to_string()
}

/// The snippets that embed `route`'s figure, under it.
fn kit(c: Ctx, route: &Route, o: &Opts, title: &str) -> String {
    let embed = route.with_page(Page::Embed(Box::new(route.page.clone())));
    super::embed::embed_kit(c, o.site, &embed, title, o.site.is_empty())
}

/// The embed snippets of `route`'s page, for its parameters (the app
/// writes them anew when a view or a filter changes), or None for a page
/// without them.
pub fn kit_of(c: Ctx, route: &Route, o: &Opts) -> Option<String> {
    let title = match &route.page {
        Page::Targets(Some(id)) => {
            c.ds.indicators
                .iter()
                .find(|i| &i.id == id)?
                .name_in(c.lang)
                .to_string()
        }
        Page::Map => c.t().map_heading.to_string(),
        Page::Agencies(None) => c.t().agencies_heading.to_string(),
        Page::Agencies(Some(id)) => c.ds.agency(id)?.name_in(c.lang).to_string(),
        _ => return None,
    };
    Some(kit(c, route, o, &title))
}

fn main(c: Ctx, route: &Route, o: &Opts) -> String {
    let ds = c.ds;
    let dir = folder(c, route);
    let files = if o.files {
        super::figure::Downloads::Files(&dir)
    } else {
        super::figure::Downloads::App
    };
    let cumulative = route.param("view") == Some("cumulative");
    match &route.page {
        Page::Overview => overview::overview(c),
        Page::Targets(None) => match route.param("doc") {
            Some(doc) => targets::targets_of_document(c, doc),
            None => targets::targets_overview(c),
        },
        Page::Targets(Some(id)) => match ds.indicator(id) {
            Some(ind) => targets::target_page(
                c,
                ind,
                cumulative,
                o.widths,
                files,
                &kit_of(c, route, o).unwrap_or_default(),
            ),
            None => not_found(c),
        },
        #[cfg(feature = "explore")]
        Page::Map => map::map_page(c, route, o.widths, &kit_of(c, route, o).unwrap_or_default()),
        #[cfg(feature = "whole")]
        Page::Agencies(None) => {
            agencies::agencies_page(c, route, o.widths, &kit_of(c, route, o).unwrap_or_default())
        }
        #[cfg(feature = "whole")]
        Page::Agencies(Some(id)) => match ds.agency(id) {
            Some(ag) => agencies::agency_full_page(
                c,
                ag,
                o.widths,
                &kit_of(c, route, o).unwrap_or_default(),
            ),
            None => not_found(c),
        },
        #[cfg(feature = "whole")]
        Page::Renames => renames::renames_page(c),
        #[cfg(feature = "explore")]
        Page::Tasks => {
            let own;
            let found = match o.found {
                Some(f) => f,
                None => {
                    own = plan::query::SearchIndex::new(ds).filter(ds, &tasks::task_filter(route));
                    &own
                }
            };
            tasks::explorer_page(c, route, found)
        }
        #[cfg(feature = "explore")]
        Page::Task(id) => match ds.task(id) {
            Some(task) => {
                let text = ds
                    .document(&task.document)
                    .and_then(|d| (o.text)(d))
                    .map(tasks::SourceText::Whole);
                tasks::task_page(c, task, text)
            }
            None => not_found(c),
        },
        #[cfg(feature = "explore")]
        Page::Source(doc) => match tasks::find_document(ds, doc) {
            Some(d) => {
                let text = (o.text)(d).map_or(
                    tasks::SourceText::Loading {
                        excerpt: "",
                        first: 1,
                    },
                    tasks::SourceText::Whole,
                );
                tasks::source_page(c, doc, route.lines(), text)
            }
            None => not_found(c),
        },
        #[cfg(feature = "whole")]
        Page::Data => data::data_page(c),
        #[cfg(feature = "whole")]
        Page::Import => match o.offline_home {
            Some(home) => import::offline_page(c, home),
            None => import::page(c),
        },
        Page::Embed(inner) => {
            let full = c.link(&route.with_page((**inner).clone()));
            match &**inner {
                Page::Targets(Some(id)) => match ds.indicator(id) {
                    Some(ind) => targets::target_embed(c, ind, cumulative, o.widths, &full),
                    None => not_found(c),
                },
                #[cfg(feature = "explore")]
                Page::Map => map::map_embed(c, &route.with_page(Page::Map), o.widths, &full),
                #[cfg(feature = "whole")]
                Page::Agencies(None) => agencies::agencies_embed(
                    c,
                    &route.with_page(Page::Agencies(None)),
                    o.widths,
                    &full,
                ),
                #[cfg(feature = "whole")]
                Page::Agencies(Some(id)) => match ds.agency(id) {
                    Some(ag) => agencies::agency_embed(c, ag, o.widths, &full),
                    None => not_found(c),
                },
                _ => format!("<p class=\"empty\">{}</p>", esc(c.t().embed_not_available)),
            }
        }
        // A page no page has, or one this build does not draw (its
        // document is the site's; the app never moves to it itself).
        _ => not_found(c),
    }
}

/// The page's title for the browser tab, history and link previews: what
/// it shows, then its section, then the site ("地区生产总值 · 目标 ·
/// 长株潭规划图解"). Names of the rest of the dataset (agencies, tasks)
/// fall back to the section while it loads.
pub fn title(c: Ctx, page: &Page) -> String {
    let t = c.t();
    let s = spec(page);
    let section = super::shell::section_name(c, s.section);
    let name: Option<String> = match s.named {
        Named::Site => return t.app_title.to_string(),
        Named::Section => None,
        Named::NotFound => Some(t.not_found_title.to_string()),
        Named::Indicator(id) => c.ds.indicator(id).map(|i| i.name_in(c.lang).to_string()),
        Named::Agency(id) => c.ds.agency(id).map(|a| a.name_in(c.lang).to_string()),
        Named::Task(id) => Some(id.to_string()),
        Named::Document(id) => {
            tasks::find_document(c.ds, id).map(|d| format!("{} {}", d.code, c.doc_title(d)))
        }
    };
    let mut parts: Vec<String> = name.into_iter().collect();
    let section = match page {
        Page::Renames => t.renames_heading,
        Page::Source(_) => t.source_heading,
        _ => section,
    };
    if !section.is_empty() {
        parts.push(section.to_string());
    }
    parts.push(t.app_title.to_string());
    parts.join(" · ")
}

/// A sentence or two on what the page shows (its meta description and
/// link preview's text).
pub fn description(c: Ctx, page: &Page) -> String {
    let t = c.t();
    let d = match page {
        Page::Overview => t.overview_intro.to_string(),
        Page::Targets(None) => t.targets_intro.to_string(),
        Page::Targets(Some(id)) => match c.ds.indicator(id) {
            Some(ind) => {
                let doc =
                    c.ds.document(&ind.document)
                        .map(|d| c.doc_title(d))
                        .unwrap_or("");
                format!(
                    "{}{}{}{}{doc}",
                    ind.name_in(c.lang),
                    t.colon,
                    targets::headline(ind, c.lang),
                    if c.lang == Lang::Zh {
                        "。来源："
                    } else {
                        ". Source: "
                    },
                )
            }
            None => t.not_found_body.to_string(),
        },
        Page::Map => t.map_intro.to_string(),
        Page::Agencies(None) | Page::Renames => t.agencies_intro.to_string(),
        Page::Agencies(Some(id)) => match c.ds.agency(id) {
            Some(a) => format!("{}{}{}", a.name_in(c.lang), t.colon, t.agency_page_intro),
            None => t.not_found_body.to_string(),
        },
        Page::Tasks => t.tasks_intro.to_string(),
        Page::Task(id) => match c.ds.task(id) {
            Some(task) => format!(
                "{id}{}{}",
                t.colon,
                crate::draw::text::fit(&task.text, 14.0, 900.0)
            ),
            None => t.not_found_body.to_string(),
        },
        Page::Source(doc) => match tasks::find_document(c.ds, doc) {
            Some(d) => d.summary_in(c.lang).to_string(),
            None => t.not_found_body.to_string(),
        },
        Page::Data => t.data_intro.to_string(),
        Page::Import => t.import_intro.to_string(),
        Page::NotFound(_) => t.not_found_body.to_string(),
        Page::Embed(inner) => return description(c, inner),
    };
    d
}
