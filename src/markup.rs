//! HTML string helpers for the pure layers: escaping, links, options,
//! search-term marks. No page or figure knowledge here.

use std::fmt::Write;

use plan::query::highlight;
use plan::text::is_cjk;

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

/// Whether `s` holds Chinese characters (CJK ideographs, their punctuation
/// or fullwidth forms).
pub fn has_cjk(s: &str) -> bool {
    s.chars().any(is_cjk)
}

/// ` lang="zh-CN"` when `s` is Chinese text: a screen reader then reads it
/// with a Chinese voice inside an English page (WCAG 3.1.2).
pub fn zh_attr(s: &str) -> &'static str {
    if has_cjk(s) {
        " lang=\"zh-CN\""
    } else {
        ""
    }
}

/// Escaped text with each run of Chinese in a `<span lang="zh-CN">`: an
/// English sentence quoting 责任单位 is read in two voices, each right.
/// Text without Chinese comes back as `esc` gives it.
pub fn txt(s: &str) -> String {
    if !has_cjk(s) {
        return esc(s);
    }
    let mut out = String::with_capacity(s.len() + 32);
    let mut run = String::new();
    let mut in_zh = false;
    let flush = |out: &mut String, run: &mut String, zh: bool| {
        if run.is_empty() {
            return;
        }
        if zh {
            out.push_str("<span lang=\"zh-CN\">");
            out.push_str(&esc(run));
            out.push_str("</span>");
        } else {
            out.push_str(&esc(run));
        }
        run.clear();
    };
    for c in s.chars() {
        // Digits and spaces inside a Chinese run stay in it ("2025年目标").
        let zh = is_cjk(c) || (in_zh && (c.is_ascii_digit() || c == '.'));
        if zh != in_zh {
            flush(&mut out, &mut run, in_zh);
            in_zh = zh;
        }
        run.push(c);
    }
    flush(&mut out, &mut run, in_zh);
    out
}

/// Text for a page in `lang`: escaped, and in a page that is not Chinese
/// its Chinese runs marked as such ([`txt`]).
pub fn txt_in(lang: plan::Lang, s: &str) -> String {
    if lang == plan::Lang::Zh {
        esc(s)
    } else {
        txt(s)
    }
}

pub fn a(href: &str, text: &str) -> String {
    format!(
        "<a href=\"{}\"{}>{}</a>",
        esc(href),
        zh_attr(text),
        esc(text)
    )
}

/// `<option>`s for a select: an "all" option (value ""), then (value, label) pairs.
pub fn options(all: &str, items: impl Iterator<Item = (String, String)>) -> String {
    let mut h = format!("<option value=\"\">{}</option>", esc(all));
    for (v, l) in items {
        let _ = write!(
            h,
            "<option value=\"{}\"{}>{}</option>",
            esc(&v),
            zh_attr(&l),
            esc(&l)
        );
    }
    h
}

/// A link with a class.
pub fn link_class(class: &str, href: &str, text: &str) -> String {
    format!(
        "<a class=\"{}\" href=\"{}\"{}>{}</a>",
        esc(class),
        esc(href),
        zh_attr(text),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_runs_are_marked() {
        assert_eq!(txt("plain <b>"), "plain &lt;b&gt;");
        assert_eq!(
            txt("one column, 责任单位: all"),
            "one column, <span lang=\"zh-CN\">责任单位</span>: all"
        );
        assert_eq!(txt("长沙市"), "<span lang=\"zh-CN\">长沙市</span>");
    }
}
