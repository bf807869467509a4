//! The “embed this” panel under every figure.

use std::fmt::Write;

use crate::markup::esc;
use crate::words::Ctx;

/// The snippets that embed a view: a plain iframe (works where a CMS strips
/// scripts) and an iframe that embed.js resizes to its content.
pub fn embed_kit(c: Ctx, page_url: &str, embed_hash: &str, title: &str, offline: bool) -> String {
    let t = c.t();
    let mut h = format!(
        "<details class=\"embed-kit\"><summary>{}</summary>",
        esc(t.embed_heading)
    );
    if offline || page_url.starts_with("file:") {
        let _ = write!(h, "<p>{}</p></details>", esc(t.embed_offline));
        return h;
    }
    let dir = match page_url.rfind('/') {
        Some(i) => &page_url[..=i],
        None => page_url,
    };
    let iframe = |extra: &str| {
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"520\" frameborder=\"0\" loading=\"lazy\"{extra}></iframe>",
            esc(&format!("{page_url}{embed_hash}")),
            esc(title)
        )
    };
    let plain = iframe("");
    let sized = format!(
        "{}\n<script src=\"{}\" defer></script>",
        iframe(" data-cztplans"),
        esc(&format!("{dir}embed.js"))
    );
    let _ = write!(
        h,
        "<p>{}</p><h4>{}</h4><pre class=\"snippet\" data-snippet=\"iframe\"><code>{}</code></pre><h4>{}</h4><pre class=\"snippet\" data-snippet=\"script\"><code>{}</code></pre><p class=\"note\">{}</p></details>",
        esc(t.embed_intro),
        esc(t.embed_plain),
        esc(&plain),
        esc(t.embed_sized),
        esc(&sized),
        esc(t.embed_csp)
    );
    h
}
