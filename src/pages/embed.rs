//! The “embed this” panel under every figure.

use std::fmt::Write;

use crate::markup::esc;
use crate::words::Ctx;

/// The snippets that embed a view: a plain iframe (works where a CMS strips
/// scripts) and an iframe that embed.js resizes to its content, each with a
/// copy button; the panel's preview (an iframe of the embed, made when the
/// panel opens) is the app's. `site` is the site's root URL ("https://…/");
/// `embed` the embed's route.
pub fn embed_kit(
    c: Ctx,
    site: &str,
    embed: &crate::route::Route,
    title: &str,
    offline: bool,
) -> String {
    let t = c.t();
    if offline || site.starts_with("file:") || site.is_empty() {
        return format!(
            "<details class=\"embed-kit\"><summary>{}</summary><p>{}</p></details>",
            esc(t.embed_heading),
            esc(t.embed_offline)
        );
    }
    // The site it names, for the app: a page served at another address
    // than the build's names that one instead (and previews from it).
    let mut h = format!(
        "<details class=\"embed-kit\" data-site=\"{}\"><summary>{}</summary>",
        esc(site),
        esc(t.embed_heading)
    );
    let src = format!(
        "{site}{}",
        c.with_links(crate::words::Links::Paths).link(embed)
    );
    let iframe = |extra: &str| {
        format!(
            "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"520\" frameborder=\"0\" loading=\"lazy\"{extra}></iframe>",
            esc(&src),
            esc(title)
        )
    };
    let plain = iframe("");
    let sized = format!(
        "{}\n<script src=\"{}\" defer></script>",
        iframe(" data-cztplans"),
        esc(&format!("{site}embed.js"))
    );
    let snippet = |key: &str, label: &str, code: &str| {
        format!(
            "<div class=\"snippet-box\"><h4>{}</h4><pre class=\"snippet\" data-snippet=\"{key}\"><code>{}</code></pre><button type=\"button\" class=\"copy\" data-copy=\"{key}\" data-done=\"{}\">{}</button></div>",
            esc(label),
            esc(code),
            esc(t.embed_copied),
            esc(t.embed_copy)
        )
    };
    let _ = write!(
        h,
        "<p>{}</p>{}{}<p class=\"note\">{}</p><h4>{}</h4><div class=\"embed-preview\" data-src=\"{}\" data-title=\"{}\"></div></details>",
        esc(t.embed_intro),
        snippet("iframe", t.embed_plain, &plain),
        snippet("script", t.embed_sized, &sized),
        esc(t.embed_csp),
        esc(t.embed_preview),
        esc(&src),
        esc(title)
    );
    h
}

/// An embed's last line: where its figure comes from (each document, with
/// its year where it has one), and a link to the full view.
pub fn credit(c: Ctx, docs: &[&str], full: &str) -> String {
    let t = c.t();
    let names: Vec<String> = docs
        .iter()
        .filter_map(|id| c.ds.document(id))
        .map(|d| {
            let year = d
                .date
                .as_deref()
                .and_then(|s| s.get(..4))
                .map(|y| format!(" ({y})"))
                .unwrap_or_default();
            match c.lang {
                crate::words::Lang::Zh => format!("《{}》{year}", c.doc_title(d)),
                crate::words::Lang::En => format!("{}{year}", c.doc_title(d)),
            }
        })
        .collect();
    let sep = if c.lang == crate::words::Lang::Zh {
        "；"
    } else {
        "; "
    };
    let source = if names.is_empty() {
        String::new()
    } else {
        format!(
            "<span class=\"embed-source\">{}{}{}</span> ",
            esc(t.source_label),
            t.colon,
            crate::markup::txt(&names.join(sep))
        )
    };
    format!(
        "<p class=\"embed-credit\">{source}<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{} · {} ↗</a></p>",
        esc(full),
        esc(t.app_title),
        esc(t.embed_open_full)
    )
}
