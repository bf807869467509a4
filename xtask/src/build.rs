//! Building the app: the wasm (cargo → wasm-bindgen → wasm-opt), the static
//! site in dist/site/, and the single offline file dist/changzhutan-plans.html.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha256};

use changzhutan_plans::plan::Dataset;
use changzhutan_plans::site::Build;

use crate::pack;
use crate::pages::Scope;
use crate::tools::{self, run, WASM_TARGET};
use crate::{root, step, Result};

/// The Content-Security-Policy the served site is built for (README documents it).
pub const SITE_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'; frame-src 'self'";

/// The site's root URL the build writes into canonical links, link
/// previews and the sitemap: `CZTP_SITE_URL`, else the address `cargo
/// xtask serve` uses.
pub fn site_url() -> String {
    let mut u = std::env::var("CZTP_SITE_URL").unwrap_or_else(|_| "http://127.0.0.1:8080/".into());
    if !u.ends_with('/') {
        u.push('/');
    }
    u
}

pub const OFFLINE_NAME: &str = "changzhutan-plans.html";

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn site_dir() -> PathBuf {
    dist_dir().join("site")
}

/// The wasm-bindgen output of every build of the app, and the importer's.
pub struct Wasm {
    /// Each build of the app (`site::Build`): its name, glue and wasm.
    pub apps: Vec<App>,
    /// Size of the whole app before wasm-opt, for the record.
    pub unoptimised_bytes: usize,
    /// The importer's worker: its wasm-bindgen glue (no modules) and
    /// public/import-worker.js, in one classic script.
    pub worker_js: String,
    /// The importer's wasm (only visitors who import load it).
    pub importer_wasm: Vec<u8>,
}

/// One build of the app.
pub struct App {
    pub build: Build,
    pub js: String,
    pub wasm: Vec<u8>,
}

impl Wasm {
    /// The whole app (the offline file's).
    pub fn whole(&self) -> &App {
        self.apps
            .iter()
            .find(|a| a.build == Build::Whole)
            .expect("the whole app is built")
    }
}

/// wasm-opt's arguments: -Oz, the features our wasm uses.
const WASM_OPT_ARGS: [&str; 9] = [
    "-Oz",
    "--strip-debug",
    "--strip-producers",
    "--enable-bulk-memory",
    "--enable-mutable-globals",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-reference-types",
    "--enable-multivalue",
];

/// wasm-opt -Oz on `input` into `output`. The same input optimised before
/// (the same bytes, arguments and binaryen) is taken from
/// target/xtask/wasm-opt/, keyed by their SHA-256: a build whose wasm did
/// not change (only tests or pages did) costs no optimising (about 40 s of
/// the four wasm on two cores).
fn wasm_opt(input: &Path, output: &Path) -> Result {
    let wasm_opt = tools::wasm_opt()?;
    let mut key = Sha256::new();
    key.update(read(input)?);
    for a in WASM_OPT_ARGS {
        key.update(a.as_bytes());
        key.update([0]);
    }
    if let Ok(v) = std::fs::read_to_string(node_modules_binaryen_version()) {
        key.update(v.as_bytes());
    }
    let hex: String = key.finalize().iter().map(|b| format!("{b:02x}")).collect();
    let cache = root().join("target/xtask/wasm-opt");
    let cached = cache.join(format!("{hex}.wasm"));
    if std::fs::copy(&cached, output).is_ok() {
        // Used now: the newest (the cache keeps the newest).
        if let Ok(f) = std::fs::File::options().append(true).open(&cached) {
            let _ = f.set_modified(std::time::SystemTime::now());
        }
        step("  (unchanged: optimised before, taken from target/xtask/wasm-opt/)");
        return Ok(());
    }
    run(Command::new("node")
        .arg(&wasm_opt)
        .arg(input)
        .args(WASM_OPT_ARGS)
        .arg("-o")
        .arg(output))?;
    // Only a finished output is kept (a copy, then a rename: never half a file).
    let _ = std::fs::create_dir_all(&cache);
    let part = cache.join(format!("{hex}.part"));
    if std::fs::copy(output, &part).is_ok() {
        let _ = std::fs::rename(&part, &cached);
    }
    prune(&cache, 12);
    Ok(())
}

/// Keep the `keep` newest files of `dir` (a cache), remove the others.
fn prune(dir: &Path, keep: usize) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut files: Vec<(std::time::SystemTime, PathBuf)> = entries
        .flatten()
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    files.sort();
    let n = files.len().saturating_sub(keep);
    for (_, p) in files.into_iter().take(n) {
        let _ = std::fs::remove_file(p);
    }
}

/// binaryen's package.json (its version is part of wasm-opt's cache key).
fn node_modules_binaryen_version() -> PathBuf {
    tools::node_modules().join("binaryen").join("package.json")
}

/// How wasm-bindgen's JS loads the wasm.
enum Target {
    /// An ES module (the app).
    Web,
    /// A classic script (the importer's worker).
    NoModules,
}

/// wasm-bindgen on a release build of `crate_file` (target/wasm32-…/release),
/// into a fresh `out` (under the root) as `name.js` and `name_bg.wasm`.
fn bindgen(crate_file: &str, name: &str, out: &str, target: Target) -> Result<PathBuf> {
    let input = root().join(format!("target/{WASM_TARGET}/release/{crate_file}.wasm"));
    let out = root().join(out);
    let _ = std::fs::remove_dir_all(&out);
    let mut b = wasm_bindgen_cli_support::Bindgen::new();
    b.input_path(&input).out_name(name);
    match target {
        Target::Web => b.web(true),
        Target::NoModules => b.no_modules(true),
    }
    .map_err(|e| format!("wasm-bindgen: {e}"))?
    .typescript(false)
    .remove_name_section(true)
    .remove_producers_section(true)
    .generate(&out)
    .map_err(|e| format!("wasm-bindgen: {e}"))?;
    Ok(out)
}

/// A wasm of the site, built: `name`.js, `name`_bg.wasm and the optimised
/// `name`_bg.opt.wasm in `out`.
struct Built {
    out: PathBuf,
    name: String,
}

impl Built {
    fn js(&self) -> Result<String> {
        read_text(&self.out.join(format!("{}.js", self.name)))
    }
    fn raw_wasm(&self) -> PathBuf {
        self.out.join(format!("{}_bg.wasm", self.name))
    }
    fn wasm(&self) -> Result<Vec<u8>> {
        read(&self.out.join(format!("{}_bg.opt.wasm", self.name)))
    }
}

/// One wasm of the site: cargo build (release, wasm32) of `package` with
/// `extra` arguments → wasm-bindgen (`crate_file` → `name`) → wasm-opt -Oz.
/// The builds run one after another: the app's two builds write the same
/// file under target/, which its bindgen step reads first.
fn build_wasm(
    what: &str,
    package: &str,
    extra: &[&str],
    crate_file: &str,
    name: &str,
    target: Target,
) -> Result<Built> {
    let shown: String = extra.iter().map(|a| format!(" {a}")).collect();
    step(&format!(
        "cargo build --release --target {WASM_TARGET}{shown} ({what})"
    ));
    let mut args = vec![
        "build",
        "--release",
        "--target",
        WASM_TARGET,
        "--lib",
        "-p",
        package,
    ];
    args.extend_from_slice(extra);
    run(&mut tools::cargo_in_root(&args))?;
    step(&format!("wasm-bindgen ({what})"));
    let out = bindgen(crate_file, name, &format!("target/xtask/{name}"), target)?;
    if out.join("snippets").exists() {
        return Err(
            "wasm-bindgen produced JS snippets: the single-file build does not inline them yet"
                .into(),
        );
    }
    let built = Built {
        out,
        name: name.to_string(),
    };
    step(&format!("wasm-opt -Oz ({what}; binaryen from npm)"));
    wasm_opt(
        &built.raw_wasm(),
        &built.out.join(format!("{name}_bg.opt.wasm")),
    )?;
    Ok(built)
}

/// The importer's worker: its glue (no modules: it runs in a classic
/// worker) and public/import-worker.js, in one script.
fn importer_worker(importer: &Built) -> Result<String> {
    let glue = importer.js()?;
    let handler = read_text(&root().join("public/import-worker.js"))?;
    if !glue.contains("wasm_bindgen") {
        return Err("unexpected wasm-bindgen output for the importer: no wasm_bindgen".into());
    }
    Ok(format!("{glue}\n{handler}"))
}

pub fn write(path: &Path, bytes: impl AsRef<[u8]>) -> Result {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("{}: {e}", path.display()))
}

fn read(path: &Path) -> Result<Vec<u8>> {
    std::fs::read(path).map_err(|e| format!("{}: {e}", path.display()))
}

fn read_text(path: &Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// The site's wasm builds: one per group of pages (`site::Build`, from the
/// charts alone to the whole app), and the importer.
pub fn wasm() -> Result<Wasm> {
    tools::ensure_wasm_target()?;
    let mut apps = Vec::new();
    let mut unoptimised_bytes = 0;
    for build in Build::ALL {
        let features = build.features().join(",");
        let mut extra = vec!["--no-default-features"];
        if !features.is_empty() {
            extra.push("--features");
            extra.push(&features);
        }
        let what = format!("the app: {}", build.name());
        let b = build_wasm(
            &what,
            "changzhutan-plans",
            &extra,
            "changzhutan_plans",
            build.name(),
            Target::Web,
        )?;
        if build == Build::Whole {
            unoptimised_bytes = read(&b.raw_wasm())?.len();
        }
        apps.push(App {
            build,
            js: b.js()?,
            wasm: b.wasm()?,
        });
    }
    let importer = build_wasm(
        "the importer",
        "cztp-importer",
        &[],
        "cztp_importer",
        "importer",
        Target::NoModules,
    )?;
    Ok(Wasm {
        apps,
        unoptimised_bytes,
        worker_js: importer_worker(&importer)?,
        importer_wasm: importer.wasm()?,
    })
}

/// The page template every document fills (`index.html`).
fn template() -> Result<String> {
    read_text(&root().join("index.html"))
}

/// The site's stylesheet: public/style.css and the figures' width rules
/// (`draw::widths`).
fn style_css() -> Result<String> {
    Ok(format!(
        "{}\n{}",
        read_text(&root().join("public/style.css"))?,
        changzhutan_plans::draw::widths::container_css()
    ))
}

/// dist/site/.
pub fn site() -> Result<PathBuf> {
    let w = wasm()?;
    write_site(&w, dataset())?;
    Ok(site_dir())
}

/// `cargo xtask pages [DIR]`: the pages, their files and the stylesheet,
/// without building the app (a quick look at what the build writes).
pub fn pages_only(dir: Option<&str>) -> Result {
    let dir = dir.map_or_else(|| dist_dir().join("pages"), PathBuf::from);
    let _ = std::fs::remove_dir_all(&dir);
    for f in ["noscript.css", "ahead.js", "embed.js"] {
        write(&dir.join(f), read(&root().join("public").join(f))?)?;
    }
    write(&dir.join("style.css"), style_css()?)?;
    let w = crate::pages::write_pages(
        &dir,
        dataset(),
        &site_url(),
        SITE_CSP,
        &template()?,
        Scope::All,
    )?;
    step(&format!(
        "{}: {} pages (zh) + {} (en), {} preview images",
        dir.display(),
        w.pages.get("zh").unwrap_or(&0),
        w.pages.get("en").unwrap_or(&0),
        w.previews
    ));
    Ok(())
}

/// The dataset, loaded once (pages borrow it for as long as the build runs).
pub fn dataset() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(Dataset::load)
}

fn write_site(w: &Wasm, ds: &'static Dataset) -> Result {
    write_site_to(&site_dir(), w, ds, &site_url(), Scope::All)
}

/// The static site in `dir` for the root URL `url` (the bench writes
/// variants of it elsewhere).
pub fn write_site_to(
    dir: &Path,
    w: &Wasm,
    ds: &'static Dataset,
    url: &str,
    scope: Scope,
) -> Result {
    let dir = dir.to_path_buf();
    let _ = std::fs::remove_dir_all(&dir);
    step(&format!("writing {} (pages for {url})", dir.display()));
    let public = root().join("public");
    for entry in std::fs::read_dir(&public).map_err(|e| format!("{}: {e}", public.display()))? {
        let p = entry.map_err(|e| e.to_string())?.path();
        if p.is_file() {
            write(&dir.join(p.file_name().unwrap()), read(&p)?)?;
        }
    }
    write(&dir.join("style.css"), style_css()?)?;
    for app in &w.apps {
        write(&dir.join(format!("{}.js", app.build.name())), &app.js)?;
        write(
            &dir.join(format!("{}_bg.wasm", app.build.name())),
            &app.wasm,
        )?;
    }
    // The importer, for the import page: a worker and its wasm.
    write(&dir.join("import-worker.js"), &w.worker_js)?;
    write(&dir.join("importer_bg.wasm"), &w.importer_wasm)?;
    // The seed texts, for source views the app opens, and the rest of the
    // dataset, for the pages that need more than charts.
    for (file, text) in changzhutan_plans::plan::seeds::SEEDS {
        write(&dir.join("seeds").join(file), text)?;
    }
    write(&dir.join(REST), rest_bytes(ds))?;
    let written = crate::pages::write_pages(&dir, ds, url, SITE_CSP, &template()?, scope)?;
    step(&format!(
        "pages: {} (zh) + {} (en), {} preview images",
        written.pages.get("zh").unwrap_or(&0),
        written.pages.get("en").unwrap_or(&0),
        written.previews
    ));
    // The old address of the version without JavaScript: every page is one now.
    write(
        &dir.join("static.html"),
        "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><meta http-equiv=\"refresh\" content=\"0; url=./\"><title>长株潭规划图解</title><link rel=\"canonical\" href=\"./\"></head><body><p><a href=\"./\">长株潭规划图解 · Changsha–Zhuzhou–Xiangtan plans</a></p></body></html>\n",
    )
}

fn sha256_b64(s: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(Sha256::digest(s.as_bytes()))
}

/// How the single file starts: the app's wasm is unpacked already
/// (`unpack.js` → `window.cztPacked`), then run (this follows boot.js's
/// shared part, which defines `fatal`; app.js defines `__wbg_init`).
const SINGLE_START: &str = r#"__wbg_init({ module_or_path: window.cztPacked['app_bg.wasm'] })
  .then(() => run())
  .catch(fatal);
"#;

/// boot.js without its import and its start: the error view's code.
fn boot_shared() -> Result<String> {
    const MARKER: &str = "// --- start ---";
    let boot = read_text(&root().join("public/boot.js"))?;
    let shared: Vec<&str> = boot
        .lines()
        .take_while(|l| l.trim() != MARKER)
        .filter(|l| !l.starts_with("import "))
        .collect();
    if shared.len() == boot.lines().count() - 1
        || !shared.iter().any(|l| l.starts_with("function fatal"))
    {
        return Err(format!(
            "public/boot.js: expected fatal() and a \"{MARKER}\" line"
        ));
    }
    Ok(shared.join("\n"))
}

/// The CSP of the offline file: its inline scripts and styles by hash,
/// nothing else.
pub fn offline_csp(scripts: &[&str], styles: &[&str]) -> String {
    let hashes = |texts: &[&str]| -> String {
        let h: Vec<String> = texts
            .iter()
            .map(|s| format!("'sha256-{}'", sha256_b64(s)))
            .collect();
        h.join(" ")
    };
    format!(
        "default-src 'none'; script-src {} 'wasm-unsafe-eval'; style-src {}; img-src data:; connect-src 'none'; base-uri 'none'; form-action 'none'",
        hashes(scripts),
        hashes(styles)
    )
}

/// Where the site keeps the rest of the dataset (what the app loads when a
/// page needs tasks, agencies or places).
pub const REST: &str = "data/rest.bin";

/// The rest of the dataset, compiled (the core is in the wasm: build.rs).
fn rest_bytes(ds: &Dataset) -> Vec<u8> {
    let (_, rest) = changzhutan_plans::plan::compiled::split(ds);
    changzhutan_plans::plan::compiled::encode(&rest)
}

enum Lang {
    Css,
    Js,
}

/// A stylesheet or script without its comments, indentation and blank
/// lines (for the offline file; the files in public/ stay as they are
/// written). Only what is safe for our own files: CSS `/* … */` comments,
/// JavaScript comment lines (`//` first on the line); a test checks that
/// the app still runs from the result.
fn lean(text: &str, lang: Lang) -> String {
    let mut s = String::with_capacity(text.len());
    let mut rest = text;
    if let Lang::Css = lang {
        while let Some(i) = rest.find("/*") {
            s.push_str(&rest[..i]);
            rest = rest[i..].find("*/").map_or("", |j| &rest[i + j + 2..]);
        }
    }
    s.push_str(rest);
    s.lines()
        .map(str::trim)
        .filter(|l| !(l.is_empty() || matches!(lang, Lang::Js) && l.starts_with("//")))
        .collect::<Vec<_>>()
        .join("\n")
}

/// One HTML file with everything in it: the static content and its styles
/// as they are, the app packed (see `pack.rs`), and `unpack.js`, which
/// starts it.
fn single_file(w: &Wasm, ds: &'static Dataset) -> Result<String> {
    use changzhutan_plans::pages::{document, render};
    use changzhutan_plans::route::{Page, Route};
    use changzhutan_plans::words::{Ctx, Lang as L, Links};
    let app = w.whole();
    let css = lean(&style_css()?, Lang::Css);
    let noscript_css = lean(&read_text(&root().join("public/noscript.css"))?, Lang::Css);
    let unpack = lean(&read_text(&root().join("public/unpack.js"))?, Lang::Js);
    if !app.js.contains("function __wbg_init") || !app.js.contains("export function run") {
        return Err("unexpected wasm-bindgen output: __wbg_init or run() not found".into());
    }
    let script = format!("\n{}\n{}\n{}", app.js, boot_shared()?, SINGLE_START);
    if unpack.contains("</script") || css.contains("</style") || noscript_css.contains("</style") {
        return Err("inlined code contains a closing tag".into());
    }
    let rest = rest_bytes(ds);
    let mut parts = vec![
        pack::Part {
            name: "boot.js".into(),
            bytes: script.as_bytes(),
        },
        pack::Part {
            name: "app_bg.wasm".into(),
            bytes: &app.wasm,
        },
        pack::Part {
            name: REST.into(),
            bytes: &rest,
        },
    ];
    // The seed texts, for the source views.
    for (file, text) in changzhutan_plans::plan::seeds::SEEDS {
        parts.push(pack::Part {
            name: format!("seeds/{file}"),
            bytes: text.as_bytes(),
        });
    }
    let packed = pack::element(&parts)?;
    // The importer is not inlined: it would double the file (its import
    // page says so, and where to import instead).
    let csp = offline_csp(&[&unpack, &script], &[&css, &noscript_css]);
    // The overview, as the app shows it at `#/`, with hash links; the app
    // shows the route the file is opened at.
    let c = Ctx::new(ds, L::Zh).with_links(Links::Hash);
    let route = Route::new(Page::Overview);
    let no_text = |_: &changzhutan_plans::plan::Document| None;
    let opts = render::Opts {
        widths: &[changzhutan_plans::draw::widths::WIDTHS[3]],
        site: "",
        files: false,
        text: &no_text,
        found: None,
        offline_home: Some(""),
    };
    let r = render::render(c, &route, &opts);
    let page = document::Parts {
        attrs: format!(
            " lang=\"zh-CN\" data-app=\"static\" data-build=\"offline\" data-route=\"#/\" data-site=\"{}\"",
            changzhutan_plans::markup::esc(&site_url())
        ),
        head: format!(
            "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">\n<title>{}</title>\n<meta name=\"description\" content=\"{}\">\n<link rel=\"icon\" href=\"data:,\">\n<style>{css}</style>\n<noscript><style>{noscript_css}</style></noscript>\n",
            changzhutan_plans::markup::esc(&r.title),
            changzhutan_plans::markup::esc(&r.description)
        ),
        app: document::app_html(c, &route, &r),
        boot: format!("{packed}\n<script>{unpack}</script>"),
    };
    Ok(document::fill(&template()?, &page))
}

pub struct Dist {
    pub site: PathBuf,
    pub offline: PathBuf,
    pub wasm_bytes: usize,
    pub wasm_unoptimised_bytes: usize,
    pub offline_bytes: usize,
}

impl Dist {
    /// What an earlier `dist` wrote (for `--no-build`).
    pub fn existing() -> Result<Dist> {
        let offline = dist_dir().join(OFFLINE_NAME);
        let size = |p: &Path| std::fs::metadata(p).map(|m| m.len() as usize);
        let (Ok(wasm_bytes), Ok(offline_bytes)) =
            (size(&site_dir().join("app_bg.wasm")), size(&offline))
        else {
            return Err("dist/ is empty: run without --no-build".into());
        };
        Ok(Dist {
            site: site_dir(),
            offline,
            wasm_bytes,
            wasm_unoptimised_bytes: 0,
            offline_bytes,
        })
    }
}

/// dist/site/ and dist/changzhutan-plans.html (also offered for download by the site).
pub fn dist() -> Result<Dist> {
    let w = wasm()?;
    let ds = dataset();
    write_site(&w, ds)?;
    let html = single_file(&w, ds)?;
    let offline = dist_dir().join(OFFLINE_NAME);
    write(&offline, &html)?;
    write(&site_dir().join(OFFLINE_NAME), &html)?;
    let d = Dist {
        site: site_dir(),
        offline,
        wasm_bytes: w.whole().wasm.len(),
        wasm_unoptimised_bytes: w.unoptimised_bytes,
        offline_bytes: html.len(),
    };
    step(&format!(
        "dist: {} (wasm {} bytes, {} before wasm-opt) and {} ({} bytes)",
        d.site.display(),
        d.wasm_bytes,
        d.wasm_unoptimised_bytes,
        d.offline.display(),
        d.offline_bytes
    ));
    Ok(d)
}
