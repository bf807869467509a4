//! Hash routes: a promise to users and embedders (README lists them).
//!
//! `#/<page>[/<id>][?key=value&…]`. Pure: parsed and printed here, read and
//! written by the UI. Works the same served and from `file://`.

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
    /// A seed document, optionally with lines highlighted (`?lines=8-9`).
    Source(String),
    /// `#/debug/panic`: panics on purpose, to check the error view.
    DebugPanic,
    /// `#/embed/<page>…`: one figure of a page, without the app's chrome.
    Embed(Box<Page>),
    NotFound(String),
}

/// A page plus its query parameters (filters, selection, language).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    pub page: Page,
    pub params: Vec<(String, String)>,
}

impl Route {
    pub fn new(page: Page) -> Route {
        Route {
            page,
            params: Vec::new(),
        }
    }

    /// Parse `location.hash` (with or without the leading `#`).
    pub fn parse(hash: &str) -> Route {
        let h = hash.strip_prefix('#').unwrap_or(hash);
        let (path, query) = match h.split_once('?') {
            Some((p, q)) => (p, q),
            None => (h, ""),
        };
        let path = decode(path);
        let segs: Vec<&str> = path
            .trim_matches('/')
            .split('/')
            .filter(|s| !s.is_empty())
            .collect();
        let page = match segs.as_slice() {
            ["embed", rest @ ..] if !rest.is_empty() => {
                let inner = Route::parse(&format!("#/{}", rest.join("/")));
                match inner.page {
                    Page::Embed(_) | Page::NotFound(_) => Page::NotFound(path.clone()),
                    p => Page::Embed(Box::new(p)),
                }
            }
            [] => Page::Overview,
            ["targets"] => Page::Targets(None),
            ["targets", id] => Page::Targets(Some(id.to_string())),
            ["map"] => Page::Map,
            ["agencies"] => Page::Agencies(None),
            ["agencies", id] => Page::Agencies(Some(id.to_string())),
            ["tasks"] => Page::Tasks,
            ["tasks", id] => Page::Task(id.to_string()),
            ["data"] => Page::Data,
            ["source", doc] => Page::Source(doc.to_string()),
            ["debug", "panic"] => Page::DebugPanic,
            _ => Page::NotFound(path.clone()),
        };
        let params = query
            .split('&')
            .filter(|kv| !kv.is_empty())
            .map(|kv| match kv.split_once('=') {
                Some((k, v)) => (decode(k), decode(v)),
                None => (decode(kv), String::new()),
            })
            .filter(|(k, _)| !k.is_empty())
            .collect();
        Route { page, params }
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
            Page::Source(doc) => format!("/source/{}", encode(doc)),
            Page::DebugPanic => "/debug/panic".into(),
            Page::Embed(inner) => {
                format!("/embed{}", Route::new((**inner).clone()).path())
            }
            Page::NotFound(p) => encode_path(p),
        }
    }

    /// The full hash, e.g. "#/tasks?q=%E7%9F%A5".
    pub fn to_hash(&self) -> String {
        let mut s = format!("#{}", self.path());
        let params: Vec<String> = self
            .params
            .iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
            .collect();
        if !params.is_empty() {
            s.push('?');
            s.push_str(&params.join("&"));
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
        if let Some(lang) = self.param("lang") {
            r.params.push(("lang".into(), lang.into()));
        }
        r
    }

    /// `?lines=8-9` as an inclusive range.
    pub fn lines(&self) -> Option<(u32, u32)> {
        let v = self.param("lines")?;
        let (a, b) = v.split_once('-').unwrap_or((v, v));
        let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
        Some((a.min(b), a.max(b)))
    }
}

fn keep(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~')
}

/// Percent-encode everything but unreserved ASCII.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if keep(b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn encode_path(s: &str) -> String {
    s.split('/').map(encode).collect::<Vec<_>>().join("/")
}

/// Decode %XX sequences; invalid sequences stay as written.
pub fn decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'%' && i + 2 < b.len() {
            let hex = std::str::from_utf8(&b[i + 1..i + 3]).ok();
            if let Some(v) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                out.push(v);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
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
            Page::NotFound("/nope/x".into())
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
    fn decode_is_lenient() {
        assert_eq!(decode("%E7%9F%A5"), "知");
        assert_eq!(decode("100%"), "100%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("%E7"), "\u{fffd}");
    }
}
