//! The table of pages: what each page of the site is, said once.
//!
//! The router prints and parses a page's address ([`crate::route`]); this
//! table says everything else about it — its section in the navigation,
//! which build of the app serves it, whether the build writes it as a real
//! document, whether it has an embeddable form, and what names it in its
//! title. The build, the titles, the sitemap, the header and the app's
//! navigation all read [`spec`], one exhaustive `match`: a new kind of page
//! is one new arm, and the compiler lists every place that must answer.

use crate::route::Page;

/// The navigation's sections.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Overview,
    Targets,
    Map,
    Agencies,
    Tasks,
    Data,
    Import,
    /// Not in the navigation (a page that does not exist).
    None,
}

impl Section {
    /// The sections in the navigation's order, with the page each opens.
    pub const NAV: [Section; 7] = [
        Section::Overview,
        Section::Targets,
        Section::Map,
        Section::Agencies,
        Section::Tasks,
        Section::Data,
        Section::Import,
    ];

    /// Its key (`data-nav`, CSS).
    pub fn key(self) -> &'static str {
        match self {
            Section::Overview => "overview",
            Section::Targets => "targets",
            Section::Map => "map",
            Section::Agencies => "agencies",
            Section::Tasks => "tasks",
            Section::Data => "data",
            Section::Import => "import",
            Section::None => "",
        }
    }

    /// The page a section's link opens.
    pub fn page(self) -> Page {
        match self {
            Section::Overview | Section::None => Page::Overview,
            Section::Targets => Page::Targets(None),
            Section::Map => Page::Map,
            Section::Agencies => Page::Agencies(None),
            Section::Tasks => Page::Tasks,
            Section::Data => Page::Data,
            Section::Import => Page::Import,
        }
    }
}

/// The builds of the app, each the same crate with a set of page groups
/// (cargo features). A page is served by the smallest build that has it;
/// the whole app has every page (and is the offline file's).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Build {
    /// The overview and the targets: charts only.
    Charts,
    /// Charts, the map, the tasks and the sources.
    Explore,
    /// Every page: agencies, data and import too.
    Whole,
}

impl Build {
    pub const ALL: [Build; 3] = [Build::Charts, Build::Explore, Build::Whole];

    /// The base name of its files (`app_charts.js`, `app_charts_bg.wasm`).
    pub fn name(self) -> &'static str {
        match self {
            Build::Charts => "app_charts",
            Build::Explore => "app_explore",
            Build::Whole => "app",
        }
    }

    /// The cargo features it is built with (beyond the crate's none).
    pub fn features(self) -> &'static [&'static str] {
        match self {
            Build::Charts => &[],
            Build::Explore => &["explore"],
            Build::Whole => &["explore", "whole"],
        }
    }

    /// The build this code was compiled as.
    pub fn this() -> Build {
        if cfg!(feature = "whole") {
            Build::Whole
        } else if cfg!(feature = "explore") {
            Build::Explore
        } else {
            Build::Charts
        }
    }

    /// Whether this build has the pages of `other` (a bigger build has
    /// every page of a smaller one).
    pub fn serves(self, other: Build) -> bool {
        self >= other
    }
}

/// What names a page in its title (the words are `pages::title`'s).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Named<'a> {
    /// The section's name only.
    Section,
    /// The site's own name (the overview).
    Site,
    Indicator(&'a str),
    Agency(&'a str),
    Task(&'a str),
    Document(&'a str),
    /// A page that does not exist.
    NotFound,
}

/// Everything the site says about a page, but its content and address.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Spec<'a> {
    pub section: Section,
    pub build: Build,
    /// Written by the build as a real document (with its own address).
    pub prerendered: bool,
    /// Has a form without the app's chrome at `embed/…`.
    pub embeddable: bool,
    pub named: Named<'a>,
}

/// The table: one arm per kind of page.
pub fn spec(page: &Page) -> Spec<'_> {
    let s = |section, build, prerendered, embeddable, named| Spec {
        section,
        build,
        prerendered,
        embeddable,
        named,
    };
    use Build::*;
    match page {
        Page::Overview => s(Section::Overview, Charts, true, false, Named::Site),
        Page::Targets(None) => s(Section::Targets, Charts, true, false, Named::Section),
        Page::Targets(Some(id)) => s(Section::Targets, Charts, true, true, Named::Indicator(id)),
        Page::Map => s(Section::Map, Explore, true, true, Named::Section),
        Page::Tasks => s(Section::Tasks, Explore, true, false, Named::Section),
        Page::Task(id) => s(Section::Tasks, Explore, true, false, Named::Task(id)),
        Page::Source(doc) => s(Section::Data, Explore, true, false, Named::Document(doc)),
        Page::Agencies(None) => s(Section::Agencies, Whole, true, true, Named::Section),
        Page::Agencies(Some(id)) => s(Section::Agencies, Whole, true, true, Named::Agency(id)),
        Page::Renames => s(Section::Agencies, Whole, true, false, Named::Section),
        Page::Data => s(Section::Data, Whole, true, false, Named::Section),
        Page::Import => s(Section::Import, Whole, true, false, Named::Section),
        Page::NotFound(_) => s(Section::None, Whole, false, false, Named::NotFound),
        // An embed is its page's figure: served and written as its page is.
        Page::Embed(inner) => {
            let i = spec(inner);
            Spec {
                embeddable: false,
                prerendered: i.prerendered && i.embeddable,
                ..i
            }
        }
    }
}

/// Whether a page is the visitor's own (an import's id: kept in this
/// browser only, so no document of the site has it).
pub fn is_local(page: &Page) -> bool {
    let local = |id: &str| {
        id.strip_prefix("imp").is_some_and(|rest| {
            let digits = rest.split('-').next().unwrap_or("");
            !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit())
        })
    };
    match page {
        Page::Targets(Some(id)) | Page::Agencies(Some(id)) | Page::Task(id) | Page::Source(id) => {
            local(id)
        }
        Page::Embed(inner) => is_local(inner),
        _ => false,
    }
}

/// Which pages to write: all, or (for the bench's synthetic datasets,
/// thousands of items) each kind's first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Scope {
    All,
    Sample,
}

/// Every page the build writes, in one language: each kind of page for
/// every item of the dataset, and an embed for each embeddable page.
pub fn pages(ds: &plan::Dataset, scope: Scope) -> Vec<Page> {
    let mut pages = pages_all(ds);
    if scope == Scope::Sample {
        let mut seen = Vec::new();
        pages.retain(|p| {
            let kind = std::mem::discriminant(p);
            let inner = match p {
                Page::Embed(i) => Some(std::mem::discriminant(&**i)),
                _ => None,
            };
            let key = (
                kind,
                inner,
                matches!(p, Page::Targets(Some(_)) | Page::Agencies(Some(_))),
            );
            if seen.contains(&key) {
                false
            } else {
                seen.push(key);
                true
            }
        });
    }
    pages
}

fn pages_all(ds: &plan::Dataset) -> Vec<Page> {
    let mut pages = vec![Page::Overview, Page::Targets(None)];
    pages.extend(
        ds.indicators
            .iter()
            .map(|i| Page::Targets(Some(i.id.clone()))),
    );
    pages.push(Page::Map);
    pages.push(Page::Agencies(None));
    pages.extend(
        ds.agencies
            .iter()
            .map(|a| Page::Agencies(Some(a.id.clone()))),
    );
    pages.push(Page::Renames);
    pages.push(Page::Tasks);
    pages.extend(ds.tasks.iter().map(|t| Page::Task(t.id.clone())));
    pages.extend(ds.documents.iter().map(|d| Page::Source(d.id.clone())));
    pages.push(Page::Data);
    pages.push(Page::Import);
    let embeds: Vec<Page> = pages
        .iter()
        .filter(|p| spec(p).embeddable)
        .map(|p| Page::Embed(Box::new(p.clone())))
        .collect();
    pages.extend(embeds);
    // The old address of an id that moved: a page saying where it is now.
    pages.extend(
        ds.aliases
            .iter()
            .filter(|a| a.kind != plan::AliasKind::Place && ds.indicator(&a.old).is_none())
            .map(|a| Page::Targets(Some(a.old.clone()))),
    );
    pages.retain(|p| spec(p).prerendered);
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embeds_follow_their_page() {
        let e = |p: Page| spec(&Page::Embed(Box::new(p))).prerendered;
        assert!(e(Page::Targets(Some("gdp".into()))));
        assert!(e(Page::Map));
        assert!(!e(Page::Targets(None)), "the targets page has no embed");
        assert!(!e(Page::Tasks));
    }

    #[test]
    fn local_pages_are_imports() {
        assert!(is_local(&Page::Task("imp1-3".into())));
        assert!(is_local(&Page::Targets(Some("imp12-i1".into()))));
        assert!(is_local(&Page::Source("imp2".into())));
        assert!(!is_local(&Page::Task("000-1".into())));
        assert!(!is_local(&Page::Source("import".into())));
        assert!(!is_local(&Page::Targets(Some("imp".into()))));
    }

    #[test]
    fn builds_nest() {
        assert!(Build::Whole.serves(Build::Charts));
        assert!(Build::Explore.serves(Build::Charts));
        assert!(!Build::Charts.serves(Build::Explore));
    }
}
