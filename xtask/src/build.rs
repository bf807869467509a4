//! Building the app: the wasm (cargo → wasm-bindgen → wasm-opt), the static
//! site in dist/site/, and the single offline file dist/changzhutan-plans.html.

use std::path::{Path, PathBuf};
use std::process::Command;

use base64::Engine;
use sha2::{Digest, Sha256};

use changzhutan_plans::pages::fallback::{self, Extent};
use changzhutan_plans::pages::prerender;
use changzhutan_plans::plan::Dataset;

use crate::pack;
use crate::tools::{self, run, WASM_TARGET};
use crate::{root, step, Result};

/// The Content-Security-Policy the served site is built for (README documents it).
pub const SITE_CSP: &str = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'";

pub const OFFLINE_NAME: &str = "changzhutan-plans.html";

pub fn dist_dir() -> PathBuf {
    root().join("dist")
}

pub fn site_dir() -> PathBuf {
    dist_dir().join("site")
}

/// The wasm-bindgen output: app.js and the optimised app_bg.wasm.
pub struct Wasm {
    pub js: String,
    pub wasm: Vec<u8>,
    /// The light build (the targets' pages only): its glue and wasm.
    pub lite_js: String,
    pub lite_wasm: Vec<u8>,
    /// Size before wasm-opt, for the record.
    pub unoptimised_bytes: usize,
    /// The importer's worker: its wasm-bindgen glue (no modules) and
    /// public/import-worker.js, in one classic script.
    pub worker_js: String,
    /// The importer's wasm (only visitors who import load it).
    pub importer_wasm: Vec<u8>,
}

/// wasm-opt -Oz, the features our wasm uses.
fn wasm_opt(input: &Path, output: &Path) -> Result {
    let wasm_opt = tools::wasm_opt()?;
    run(Command::new("node")
        .arg(&wasm_opt)
        .arg(input)
        .args([
            "-Oz",
            "--strip-debug",
            "--strip-producers",
            "--enable-bulk-memory",
            "--enable-mutable-globals",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-reference-types",
            "--enable-multivalue",
            "-o",
        ])
        .arg(output))
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
    name: &'static str,
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
    name: &'static str,
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
    let built = Built { out, name };
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

/// The site's three wasm builds: the whole app, the light app (no
/// `all-pages`: the targets' pages, for a first visit to a chart route) and
/// the importer.
pub fn wasm() -> Result<Wasm> {
    tools::ensure_wasm_target()?;
    let app = build_wasm(
        "the app",
        "changzhutan-plans",
        &[],
        "changzhutan_plans",
        "app",
        Target::Web,
    )?;
    let unoptimised_bytes = read(&app.raw_wasm())?.len();
    let lite = build_wasm(
        "the light app",
        "changzhutan-plans",
        &["--no-default-features"],
        "changzhutan_plans",
        "app_lite",
        Target::Web,
    )?;
    let importer = build_wasm(
        "the importer",
        "cztp-importer",
        &[],
        "cztp_importer",
        "importer",
        Target::NoModules,
    )?;
    Ok(Wasm {
        js: app.js()?,
        wasm: app.wasm()?,
        lite_js: lite.js()?,
        lite_wasm: lite.wasm()?,
        unoptimised_bytes,
        worker_js: importer_worker(&importer)?,
        importer_wasm: importer.wasm()?,
    })
}

/// index.html with its placeholders filled: the CSP, the styles, the
/// fallback for `extent` (what shows without JavaScript or when the wasm
/// cannot run), the error view and the boot script.
/// The page template (index.html) with its placeholders filled.
struct Page<'a> {
    csp: &'a str,
    style: &'a str,
    /// What goes in the head for visitors without JavaScript.
    noscript_head: &'a str,
    /// The static content in #app (shown without JavaScript, or when the app fails).
    fallback: &'a str,
    boot: &'a str,
}

fn page(p: Page) -> Result<String> {
    Ok(read_text(&root().join("index.html"))?
        .replace(
            "<!--CSP-->",
            &format!(
                "<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">",
                p.csp
            ),
        )
        .replace("<!--STYLE-->", p.style)
        .replace("<!--NOSCRIPT-STYLE-->", p.noscript_head)
        .replace("<!--FATAL-->", &fallback::fatal_view())
        .replace("<!--STATIC-->", p.fallback)
        .replace("<!--BOOT-->", p.boot))
}

/// dist/site/: index.html, app.js, app_bg.wasm, boot.js, style.css.
pub fn site() -> Result<PathBuf> {
    let w = wasm()?;
    write_site(&w, &Dataset::load())?;
    Ok(site_dir())
}

fn write_site(w: &Wasm, ds: &Dataset) -> Result {
    write_site_to(&site_dir(), w, ds)
}

/// The static site in `dir` (the bench writes variants of it elsewhere).
pub fn write_site_to(dir: &Path, w: &Wasm, ds: &Dataset) -> Result {
    let dir = dir.to_path_buf();
    let _ = std::fs::remove_dir_all(&dir);
    step(&format!("writing {}", dir.display()));
    let public = root().join("public");
    for entry in std::fs::read_dir(&public).map_err(|e| format!("{}: {e}", public.display()))? {
        let p = entry.map_err(|e| e.to_string())?.path();
        if p.is_file() {
            write(&dir.join(p.file_name().unwrap()), read(&p)?)?;
        }
    }
    write(&dir.join("app.js"), &w.js)?;
    write(&dir.join("app_bg.wasm"), &w.wasm)?;
    write(&dir.join("app_lite.js"), &w.lite_js)?;
    write(&dir.join("app_lite_bg.wasm"), &w.lite_wasm)?;
    // The importer, for #/import: a worker and its wasm.
    write(&dir.join("import-worker.js"), &w.worker_js)?;
    write(&dir.join("importer_bg.wasm"), &w.importer_wasm)?;
    // The seed texts, for source views, and the rest of the dataset, for
    // the pages that need more than charts (the app carries neither).
    for (file, text) in changzhutan_plans::plan::seeds::SEEDS {
        write(&dir.join("seeds").join(file), text)?;
    }
    write(&dir.join(REST), rest_bytes(ds))?;
    // The pages rendered ahead of the app (ahead.js shows the one of the
    // route), listed in index.html.
    let mut ahead = Vec::new();
    for (file, html) in prerender::pages(ds) {
        write(&dir.join("pre").join(&file), html)?;
        if let Some(name) = file
            .strip_prefix("zh/")
            .and_then(|f| f.strip_suffix(".html"))
        {
            ahead.push(name.to_string());
        }
    }
    let ahead_meta = format!(
        "<meta name=\"cztplans-ahead\" content=\"{}\">",
        ahead.join(" ")
    );
    // index.html is small: the static version for visitors without
    // JavaScript is a page of its own, static.html.
    let css = "<link rel=\"stylesheet\" href=\"style.css\">";
    let index = page(Page {
        csp: SITE_CSP,
        style: css,
        // ahead.js early, so that the route's page arrives before the app runs;
        // not async: boot.js (a module, run after parsing) needs its choice of build.
        noscript_head: &format!("{ahead_meta}<script src=\"ahead.js\"></script><noscript><meta http-equiv=\"refresh\" content=\"0; url=static.html\"></noscript>"),
        fallback: &fallback::noscript_link(),
        // ahead.js preloads the build the route needs (the light one for a
        // chart route).
        boot: "<script type=\"module\" src=\"boot.js\"></script>",
    })?;
    write(&dir.join("index.html"), index)?;
    let fallback = fallback::page(ds, Extent::Full);
    let static_page = page(Page {
        csp: SITE_CSP,
        style: css,
        noscript_head: "<link rel=\"stylesheet\" href=\"noscript.css\">",
        fallback: &fallback,
        boot: "",
    })?
    .replace(" data-app=\"loading\"", " data-app=\"static\"");
    write(&dir.join("static.html"), static_page)
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
fn single_file(w: &Wasm, ds: &Dataset) -> Result<String> {
    let css = lean(&read_text(&root().join("public/style.css"))?, Lang::Css);
    let noscript_css = lean(&read_text(&root().join("public/noscript.css"))?, Lang::Css);
    let unpack = lean(&read_text(&root().join("public/unpack.js"))?, Lang::Js);
    if !w.js.contains("function __wbg_init") || !w.js.contains("export function run") {
        return Err("unexpected wasm-bindgen output: __wbg_init or run() not found".into());
    }
    let script = format!("\n{}\n{}\n{}", w.js, boot_shared()?, SINGLE_START);
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
            bytes: &w.wasm,
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
    Ok(page(Page {
        csp: &csp,
        style: &format!("<style>{css}</style>"),
        noscript_head: &format!("<noscript><style>{noscript_css}</style></noscript>"),
        fallback: &fallback::page(ds, Extent::Lean),
        boot: &format!("{packed}\n<script>{unpack}</script>"),
    })?
    .replace(
        "<html lang=\"zh-CN\" data-app=\"loading\">",
        "<html lang=\"zh-CN\" data-app=\"loading\" data-build=\"offline\">",
    ))
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
    let ds = Dataset::load();
    write_site(&w, &ds)?;
    let html = single_file(&w, &ds)?;
    let offline = dist_dir().join(OFFLINE_NAME);
    write(&offline, &html)?;
    write(&site_dir().join(OFFLINE_NAME), &html)?;
    let d = Dist {
        site: site_dir(),
        offline,
        wasm_bytes: w.wasm.len(),
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
