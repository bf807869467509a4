//! The error view: shown when the app panics or cannot start (the page's
//! own content stays readable underneath until then).

use crate::markup::esc;
use crate::words::{Lang, LangExt};

/// The error view's words (hidden until a panic or a failed load), in both
/// languages, from the text tables.
pub fn fatal_view() -> String {
    let (zh, en) = (Lang::Zh.t(), Lang::En.t());
    format!(
        "<h1>{} · {}</h1>\n<p>{}</p>\n<p lang=\"en\">{}</p>\n<pre id=\"fatal-detail\"></pre>\n<p><button type=\"button\" id=\"fatal-reload\">{} · {}</button></p>",
        esc(zh.error_title),
        esc(en.error_title),
        esc(zh.error_body),
        esc(en.error_body),
        esc(zh.error_reload),
        esc(en.error_reload)
    )
}
