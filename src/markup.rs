//! HTML string helpers for the pure layers: escaping, links, options,
//! search-term marks. No page or figure knowledge here.

use std::fmt::Write;

use plan::query::highlight;

/// Escape text for HTML.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

pub fn a(href: &str, text: &str) -> String {
    format!("<a href=\"{}\">{}</a>", esc(href), esc(text))
}

/// `<option>`s for a select: an "all" option (value ""), then (value, label) pairs.
pub fn options(all: &str, items: impl Iterator<Item = (String, String)>) -> String {
    let mut h = format!("<option value=\"\">{}</option>", esc(all));
    for (v, l) in items {
        let _ = write!(h, "<option value=\"{}\">{}</option>", esc(&v), esc(&l));
    }
    h
}

/// A link with a class.
pub fn link_class(class: &str, href: &str, text: &str) -> String {
    format!(
        "<a class=\"{}\" href=\"{}\">{}</a>",
        esc(class),
        esc(href),
        esc(text)
    )
}

/// Text with search terms marked.
pub fn marked(text: &str, terms: &[String]) -> String {
    highlight(text, terms)
        .into_iter()
        .map(|(s, m)| {
            if m {
                format!("<mark>{}</mark>", esc(&s))
            } else {
                esc(&s)
            }
        })
        .collect()
}
