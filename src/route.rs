//! Hash routes: a promise to users and embedders (README lists them).
//!
//! `#/<page>[/<id>][?key=value&…]`. Pure: parsed and printed here, read and
//! written by the UI. Works the same served and from `file://`.

use percent_encoding::{percent_decode_str, utf8_percent_encode, AsciiSet, NON_ALPHANUMERIC};

/// A page of the app.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Overview,
    Targets(Option<String>),
    Map,
    Agencies(Option<String>),
    Tasks,
    Task(String),
    Data,
    /// `#/import`: paste or drop a plan document of the same kind.
    Import,
    /// `#/renames`: the agencies the 2018 reform renamed or merged.
    Renames,
    /// A seed document, optionally with lines highlighted (`?lines=8-9`).
    Source(String),
    /// `#/embed/<page>…`: one figure of a page, without the app's chrome.
    Embed(Box<Page>),
    /// A path no page has: its segments, decoded.
    NotFound(Vec<String>),
}

/// How much of a link the app reads: the first `MAX_HASH` bytes of the hash,
/// at most `MAX_SEGMENTS` path segments of `MAX_SEGMENT` characters, and
/// `MAX_PARAMS` parameters whose names and values are cut at `MAX_KEY` and
/// `MAX_VALUE` characters. Anything beyond is ignored, so any link is parsed
/// in bounded time, and a printed route (at most ~46 KB) parses back to itself.
pub const MAX_HASH: usize = 64 * 1024;
pub const MAX_SEGMENTS: usize = 4;
pub const MAX_SEGMENT: usize = 128;
pub const MAX_PARAMS: usize = 16;
pub const MAX_KEY: usize = 32;
pub const MAX_VALUE: usize = 256;

/// A page plus its query parameters (filters, selection, language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub params: Vec<(String, String)>,
}

/// The first `n` characters of `s`.
fn cut(s: String, n: usize) -> String {
    match s.char_indices().nth(n) {
        Some((i, _)) => s[..i].to_string(),
        None => s,
    }
}

/// The first `n` bytes of `s`, at a character boundary.
fn cut_bytes(s: &str, n: usize) -> &str {
    if s.len() <= n {
        return s;
    }
    let mut i = n;
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

/// The page of decoded path segments; `embed` allows one `embed/` prefix.
/// Recursion is bounded: it calls itself at most once, for an embed's inner
/// page, with `embed` false (an embed cannot hold an embed).
fn page_of(segs: &[String], embed: bool) -> Page {
    let s: Vec<&str> = segs.iter().map(String::as_str).collect();
    match s.as_slice() {
        // The inner page may not be an embed itself (`embed` is false there).
        ["embed", rest @ ..] if embed && !rest.is_empty() => match page_of(&segs[1..], false) {
            Page::NotFound(_) => Page::NotFound(segs.to_vec()),
            p => Page::Embed(Box::new(p)),
        },
        [] => Page::Overview,
        ["targets"] => Page::Targets(None),
        ["targets", id] => Page::Targets(Some(id.to_string())),
        ["map"] => Page::Map,
        ["agencies"] => Page::Agencies(None),
        ["agencies", id] => Page::Agencies(Some(id.to_string())),
        ["tasks"] => Page::Tasks,
        ["tasks", id] => Page::Task(id.to_string()),
        ["data"] => Page::Data,
        ["import"] => Page::Import,
        ["renames"] => Page::Renames,
        ["source", doc] => Page::Source(doc.to_string()),
        _ => Page::NotFound(segs.to_vec()),
    }
}

impl Route {
    pub fn new(page: Page) -> Route {
        Route {
            page,
            params: Vec::new(),
        }
    }

    /// Parse `location.hash` (with or without the leading `#`). Never fails:
    /// a path no page has is [`Page::NotFound`]; see [`MAX_HASH`] for limits.
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let h = cut_bytes(h, MAX_HASH);
        let (path, query) = h.split_once('?').unwrap_or((h, ""));
        // Split first, then decode each segment once: `%2F` stays inside an id.
        let segs: Vec<String> = path
            .split('/')
            .filter(|s| !s.is_empty())
            .take(MAX_SEGMENTS)
            .map(|s| cut(decode(s), MAX_SEGMENT))
            .filter(|s| !s.is_empty())
            .collect();
        let page = page_of(&segs, true);
        let params = query
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (cut(decode(k), MAX_KEY), cut(decode(v), MAX_VALUE))
            })
            // An empty name or value says nothing (and is not printed).
            .filter(|(k, v)| !k.is_empty() && !v.is_empty())
            .take(MAX_PARAMS)
            .collect();
        Route { page, params }
    }

    /// Parse a real address: `path` relative to the site's root
    /// ("en/targets/gdp/", "tasks/000-1/index.html", "" for the overview)
    /// and its query without `?`. An `en/` prefix is the English page
    /// (`lang=en`); a trailing `index.html` names the folder. Never fails,
    /// with the limits of [`Route::parse`].
    pub fn parse_path(path: &str, query: &str) -> Route {
        let path = cut_bytes(path, MAX_HASH);
        let query = cut_bytes(query, MAX_HASH - path.len());
        let path = path.strip_suffix("index.html").unwrap_or(path);
        let trimmed = path.trim_start_matches('/');
        let (english, rest) = match trimmed.strip_prefix("en") {
            Some("") => (true, ""),
            Some(r) if r.starts_with('/') => (true, r),
            _ => (false, trimmed),
        };
        let mut r = Route::parse(&format!("{rest}?{query}"));
        r.params.retain(|(k, _)| k != "lang");
        if english {
            r.params.insert(0, ("lang".into(), "en".into()));
            r.params.truncate(MAX_PARAMS);
        }
        r
    }

    /// The real address of this route, relative to the site's root:
    /// "en/targets/gdp/?view=cumulative", "map/?layers=axis", "" for the
    /// Chinese overview. The language is the `en/` prefix, every other
    /// parameter stays in the query.
    pub fn to_path(&self) -> String {
        let mut s = String::new();
        if self.param("lang") == Some("en") {
            s.push_str("en/");
        }
        let p = self.path();
        let p = p.trim_start_matches('/');
        if !p.is_empty() {
            s.push_str(p);
            s.push('/');
        }
        let params = self.query_without(&["lang"]);
        if !params.is_empty() {
            s.push('?');
            s.push_str(&params);
        }
        s
    }

    /// The query of this route, without the parameters in `skip`.
    fn query_without(&self, skip: &[&str]) -> String {
        self.params
            .iter()
            .filter(|(k, v)| !v.is_empty() && !skip.contains(&k.as_str()))
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// The path part, e.g. "/tasks/000-1".
    pub fn path(&self) -> String {
        match &self.page {
            Page::Overview => "/".into(),
            Page::Targets(None) => "/targets".into(),
            Page::Targets(Some(id)) => format!("/targets/{}", encode(id)),
            Page::Map => "/map".into(),
            Page::Agencies(None) => "/agencies".into(),
            Page::Agencies(Some(id)) => format!("/agencies/{}", encode(id)),
            Page::Tasks => "/tasks".into(),
            Page::Task(id) => format!("/tasks/{}", encode(id)),
            Page::Data => "/data".into(),
            Page::Import => "/import".into(),
            Page::Renames => "/renames".into(),
            Page::Source(doc) => format!("/source/{}", encode(doc)),
            Page::Embed(inner) => {
                format!("/embed{}", Route::new((**inner).clone()).path())
            }
            Page::NotFound(segs) => {
                let mut p = String::new();
                for s in segs {
                    p.push('/');
                    p.push_str(&encode(s));
                }
                if p.is_empty() {
                    p.push('/');
                }
                p
            }
        }
    }

    /// The full hash, e.g. "#/tasks?q=%E7%9F%A5".
    pub fn to_hash(&self) -> String {
        let mut s = format!("#{}", self.path());
        let params = self.query_without(&[]);
        if !params.is_empty() {
            s.push('?');
            s.push_str(&params);
        }
        s
    }

    pub fn param(&self, key: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// This route with `key` set to `value` (removed when empty).
    pub fn with_param(&self, key: &str, value: &str) -> Route {
        let mut r = self.clone();
        r.params.retain(|(k, _)| k != key);
        if !value.is_empty() {
            r.params.push((key.to_string(), value.to_string()));
        }
        r
    }

    /// This route's parameters on another page.
    pub fn with_page(&self, page: Page) -> Route {
        Route {
            page,
            params: self.params.clone(),
        }
    }

    /// A route to `page` that keeps the parameters every page shares (language).
    pub fn goto(&self, page: Page) -> Route {
        let mut r = Route::new(page);
        for key in SHARED {
            if let Some(v) = self.param(key) {
                r.params.push((key.to_string(), v.into()));
            }
        }
        r
    }

    /// The colour theme the route asks for (`theme=light|dark`; anything
    /// else, or none, follows the system).
    pub fn theme(&self) -> Theme {
        match self.param("theme") {
            Some("light") => Theme::Light,
            Some("dark") => Theme::Dark,
            _ => Theme::Auto,
        }
    }

    /// `?lines=8-9` as an inclusive range.
    pub fn lines(&self) -> Option<(u32, u32)> {
        let v = self.param("lines")?;
        let (a, b) = v.split_once('-').unwrap_or((v, v));
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        Some((a.min(b), a.max(b)))
    }
}

/// The parameters every page shares: links between pages keep them.
pub const SHARED: [&str; 2] = ["lang", "theme"];

/// Light or dark, or as the system says.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
}

impl Theme {
    /// Its value in a link; `None` for the default (no parameter).
    pub fn code(self) -> Option<&'static str> {
        match self {
            Theme::Auto => None,
            Theme::Light => Some("light"),
            Theme::Dark => Some("dark"),
        }
    }
}

/// What stays unencoded: unreserved ASCII (RFC 3986).
const COMPONENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encode everything but unreserved ASCII.
pub fn encode(s: &str) -> String {
    utf8_percent_encode(s, COMPONENT).to_string()
}

/// Decode %XX sequences; invalid sequences stay as written, invalid UTF-8
/// becomes U+FFFD.
pub fn decode(s: &str) -> String {
    percent_decode_str(s).decode_utf8_lossy().into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parse_and_print_round_trip() {
        for h in [
            "#/",
            "#/targets",
            "#/targets/gdp",
            "#/map",
            "#/agencies/prov-drc",
            "#/tasks",
            "#/tasks/000-42",
            "#/data",
            "#/source/000_46937b859a78d65d?lines=8-9",
            "#/tasks?q=%E7%9F%A5%E8%AF%86%E4%BA%A7%E6%9D%83&doc=004_63bd9ad5aebbd682",
            "#/embed/targets/gdp",
            "#/embed/map?layers=axis%2Cheart&z=2",
            "#/embed/agencies?view=heatmap",
            "#/embed/agencies/prov-drc",
        ] {
            assert_eq!(Route::parse(h).to_hash(), h, "{h}");
        }
        assert_eq!(Route::parse("").page, Page::Overview);
        assert_eq!(Route::parse("#").page, Page::Overview);
        assert_eq!(Route::parse("#/tasks/").page, Page::Tasks);
        assert_eq!(
            Route::parse("#/nope/x").page,
            Page::NotFound(vec!["nope".into(), "x".into()])
        );
    }

    #[test]
    fn params() {
        let r = Route::parse("#/tasks?q=知识产权 省科技厅&agency=prov-sti&lang=en");
        assert_eq!(r.param("q"), Some("知识产权 省科技厅"));
        assert_eq!(r.param("agency"), Some("prov-sti"));
        let r2 = r.with_param("q", "");
        assert_eq!(r2.param("q"), None);
        assert_eq!(r2.goto(Page::Data).to_hash(), "#/data?lang=en");
        assert_eq!(Route::parse("#/source/x?lines=9-8").lines(), Some((8, 9)));
        assert_eq!(Route::parse("#/source/x?lines=12").lines(), Some((12, 12)));
        assert_eq!(Route::parse("#/source/x?lines=a").lines(), None);
    }

    #[test]
    fn nested_embeds_are_no_page() {
        let nested = |n: usize| format!("#/{}targets/gdp", "embed/".repeat(n));
        assert_eq!(
            Route::parse(&nested(1)).page,
            Page::Embed(Box::new(Page::Targets(Some("gdp".into()))))
        );
        for n in [2, 3, 3_000, 10_000] {
            assert!(
                matches!(Route::parse(&nested(n)).page, Page::NotFound(_)),
                "{n}"
            );
        }
    }

    #[test]
    fn paths_are_decoded_once() {
        // `%2567` is "%67" decoded once (not "g"), in the app and in an embed.
        assert_eq!(
            Route::parse("#/targets/gdp%2567").page,
            Page::Targets(Some("gdp%67".into()))
        );
        assert_eq!(
            Route::parse("#/embed/targets/gdp%2567").page,
            Page::Embed(Box::new(Page::Targets(Some("gdp%67".into()))))
        );
        // An encoded slash stays inside its segment.
        assert_eq!(Route::parse("#/tasks/a%2Fb").page, Page::Task("a/b".into()));
    }

    #[test]
    fn long_links_are_cut_and_read_in_bounded_time() {
        let q = "知".repeat(400_000);
        let long = format!("#/tasks?q={q}&lang=en");
        assert!(long.len() > 1_000_000);
        let r = Route::parse(&long);
        assert_eq!(r.page, Page::Tasks);
        assert_eq!(r.param("q").map(|v| v.chars().count()), Some(MAX_VALUE));
        // Only the first MAX_HASH bytes are read: the rest cannot matter.
        assert_eq!(r, Route::parse(cut_bytes(&long, MAX_HASH + 1)));
        assert_eq!(r.param("lang"), None);
        let many = format!("#/a{}", "&k=v".repeat(100_000));
        assert!(Route::parse(&many).params.len() <= MAX_PARAMS);
        let segs = format!("#{}", "/x".repeat(100_000));
        assert!(matches!(Route::parse(&segs).page, Page::NotFound(s) if s.len() <= MAX_SEGMENTS));
    }

    #[cfg(not(target_arch = "wasm32"))]
    proptest::proptest! {
        #[test]
        fn any_string_parses_and_prints_back(s in "\\PC*") {
            let r = Route::parse(&s);
            let printed = r.to_hash();
            proptest::prop_assert!(printed.len() <= MAX_HASH);
            proptest::prop_assert_eq!(Route::parse(&printed), r);
        }

        #[test]
        fn link_like_strings_parse_and_print_back(
            s in "#?(/(embed|targets|tasks|map|agencies|source|data|gdp|000-1|%[0-9A-Fa-f]{0,2}|[a-z0-9%.~-]{0,6}|知)){0,7}/?(\\?((lang|q|view|sel|z|c|doc|%41)(=[^&#]{0,12})?&?){0,5})?"
        ) {
            let r = Route::parse(&s);
            proptest::prop_assert_eq!(Route::parse(&r.to_hash()), r);
        }

        #[test]
        fn long_values_print_back(v in "\\PC{200,400}", k in "[a-z]{1,40}") {
            let r = Route::new(Page::Tasks).with_param(&k, &v);
            let again = Route::parse(&Route::parse(&r.to_hash()).to_hash());
            proptest::prop_assert_eq!(Route::parse(&r.to_hash()), again);
        }
    }

    #[test]
    fn decode_is_lenient() {
        assert_eq!(decode("%E7%9F%A5"), "知");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%E7"), "\u{fffd}");
    }
}
