//! Architecture invariants that a grep can check.
#![cfg(not(target_arch = "wasm32"))]

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let p = entry.unwrap().path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|e| e == "rs") {
            out.push(p);
        }
    }
}

fn check(dir: &str, forbidden: &[&str]) {
    check_why(
        dir,
        forbidden,
        "the pure core must stay free of browser crates",
    )
}

fn check_why(dir: &str, forbidden: &[&str], why: &str) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(!files.is_empty(), "{dir} has no Rust files");
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in forbidden {
                assert!(
                    !code.contains(word),
                    "{}:{} uses {word}: {why}",
                    f.display(),
                    n + 1
                );
            }
        }
    }
}

const BROWSER: [&str; 5] = ["leptos", "web_sys", "wasm_bindgen", "js_sys", "gloo"];

#[test]
fn plan_is_pure() {
    let mut forbidden = BROWSER.to_vec();
    forbidden.push("plotters");
    check("crates/plan/src", &forbidden);
}

#[test]
fn the_layers_below_the_ui_are_pure() {
    for dir in ["src/words", "src/draw", "src/pages"] {
        check(dir, &BROWSER);
    }
    for file in ["src/route.rs", "src/markup.rs"] {
        let text =
            std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
        for word in BROWSER {
            assert!(!text.contains(word), "{file} uses {word}");
        }
    }
}

/// `draw` returns scenes (rendered to SVG), tables, legends and tooltips as
/// data; `pages` writes their HTML (`pages::figure`). And which words a
/// language uses is said in `words`, not decided in a drawing.
#[test]
fn draw_writes_no_html_and_picks_no_language() {
    check_why(
        "src/draw",
        &[
            "<p>",
            "<p ",
            "<li>",
            "<li ",
            "<ul",
            "<a ",
            "<td",
            "<tr",
            "<th",
            "<table",
            "<span",
            "<div",
            "<details",
            "<summary",
            "<strong",
            "<blockquote",
            "<dl",
            "<dt",
            "<dd",
        ],
        "draw returns data; pages writes its HTML",
    );
    check_why(
        "src/draw",
        &[
            "== Lang::",
            "!= Lang::",
            "== plan::Lang::",
            "!= plan::Lang::",
            "Lang::Zh =>",
            "Lang::En =>",
        ],
        "a language's words are chosen in words",
    );
}

/// The layers of the app, bottom to top. A module may use modules of its own
/// layer and of the layers below, never above; and no two modules use each
/// other, directly or round a loop. The model and the parsers sit below
/// all of them, in their own crate (crates/plan), which uses none of these.
const LAYERS: [(&str, u8); 7] = [
    ("route", 0),
    ("site", 0),
    ("markup", 0),
    ("words", 1),
    ("draw", 2),
    ("pages", 3),
    ("ui", 4),
];

/// Every module of src/ (but the crate root) and the modules it uses, from
/// its `crate::…` and `super::…` paths (grouped imports included).
fn module_graph() -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    module_graph_of(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"))
}

/// The modules of the crate whose sources are in `src` and the modules each uses.
fn module_graph_of(
    src: &Path,
) -> std::collections::BTreeMap<String, std::collections::BTreeSet<String>> {
    use std::collections::{BTreeMap, BTreeSet};
    let src = src.to_path_buf();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let module_of = |p: &Path| -> Option<String> {
        let rel = p.strip_prefix(&src).ok()?.with_extension("");
        let parts: Vec<String> = rel
            .iter()
            .map(|c| c.to_string_lossy().into_owned())
            .collect();
        let parts: Vec<String> = parts.into_iter().filter(|c| c != "mod").collect();
        match parts.as_slice() {
            [one] if one == "lib" => None,
            [..] if parts.first().is_some_and(|f| f == "bin") => None,
            _ => Some(parts.join("::")),
        }
    };
    let modules: BTreeSet<String> = files.iter().filter_map(|f| module_of(f)).collect();
    // The longest module a path names ("draw::chart::layout" → "draw::chart").
    let resolve = |path: &str| -> Option<String> {
        let segs: Vec<&str> = path.split("::").collect();
        (1..=segs.len())
            .rev()
            .map(|n| segs[..n].join("::"))
            .find(|m| modules.contains(m))
    };
    let word = regex_lite_paths;
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let Some(me) = module_of(f) else { continue };
        let text = std::fs::read_to_string(f).unwrap();
        // `super` of draw/chart.rs is `draw`; of words/mod.rs (`words`), the root.
        let mut parent: Vec<&str> = me.split("::").collect();
        parent.pop();
        let parent = parent.join("::");
        let deps = graph.entry(me.clone()).or_default();
        // A module's own tests (at its end) may use anything.
        for line in text.lines().take_while(|l| l.trim() != "#[cfg(test)]") {
            let code = line.split("//").next().unwrap_or("");
            for path in word(code) {
                let full = if let Some(rest) = path.strip_prefix("crate::") {
                    rest.to_string()
                } else if let Some(rest) = path.strip_prefix("super::") {
                    if parent.is_empty() {
                        rest.to_string()
                    } else {
                        format!("{parent}::{rest}")
                    }
                } else {
                    continue;
                };
                if let Some(m) = resolve(&full) {
                    if m != me {
                        deps.insert(m);
                    }
                }
            }
        }
    }
    graph
}

/// The `crate::…` and `super::…` paths in a line of code, with grouped
/// imports expanded (`crate::draw::{chart, svg}` → both).
fn regex_lite_paths(code: &str) -> Vec<String> {
    let mut out = Vec::new();
    for start in ["crate::", "super::"] {
        let mut rest = code;
        while let Some(i) = rest.find(start) {
            let after = &rest[i..];
            let path: String = after
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                .collect();
            let path = path.trim_end_matches(':').to_string();
            let tail = &after[path.len()..];
            if let Some(group) = tail.strip_prefix("::{") {
                let inner = group.split('}').next().unwrap_or("");
                for item in inner.split(',') {
                    let item = item.trim().split(' ').next().unwrap_or("");
                    if !item.is_empty() && item != "self" {
                        out.push(format!("{path}::{item}"));
                    }
                }
            }
            out.push(path);
            rest = &after[start.len()..];
        }
    }
    out
}

#[test]
fn modules_use_only_their_layer_and_the_layers_below() {
    let graph = module_graph();
    let layer = |m: &str| {
        let top = m.split("::").next().unwrap();
        LAYERS
            .iter()
            .find(|(name, _)| *name == top)
            .map(|(_, l)| *l)
            .unwrap_or_else(|| panic!("{m}: which layer? (add it to LAYERS)"))
    };
    for (m, deps) in &graph {
        for d in deps {
            assert!(
                layer(d) <= layer(m),
                "{m} (layer {}) uses {d} (layer {}): the layers go one way",
                layer(m),
                layer(d)
            );
        }
    }
    assert!(graph.len() > 20, "the graph was read: {graph:?}");
}

#[test]
fn no_two_modules_use_each_other() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for src in [
        root.join("src"),
        root.join("crates/plan/src"),
        root.join("crates/importer/src"),
    ] {
        no_loop(&module_graph_of(&src));
    }
}

fn no_loop(graph: &std::collections::BTreeMap<String, std::collections::BTreeSet<String>>) {
    // Depth-first search for a loop.
    fn visit<'a>(
        m: &'a str,
        graph: &'a std::collections::BTreeMap<String, std::collections::BTreeSet<String>>,
        stack: &mut Vec<&'a str>,
        done: &mut std::collections::BTreeSet<&'a str>,
    ) {
        if done.contains(m) {
            return;
        }
        if let Some(i) = stack.iter().position(|x| *x == m) {
            panic!("modules in a loop: {} → {m}", stack[i..].join(" → "));
        }
        stack.push(m);
        for d in graph.get(m).into_iter().flatten() {
            visit(d, graph, stack, done);
        }
        stack.pop();
        done.insert(m);
    }
    let mut done = std::collections::BTreeSet::new();
    for m in graph.keys() {
        visit(m, graph, &mut Vec::new(), &mut done);
    }
}

#[test]
fn readme_starts_with_the_two_commands_and_ci_runs_the_test_one() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let readme = std::fs::read_to_string(root.join("README.md")).unwrap();
    let first_block = readme
        .split("```")
        .nth(1)
        .expect("README opens with a code block");
    let commands: Vec<&str> = first_block
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|l| l.split('#').next().unwrap().trim())
        .collect();
    assert_eq!(commands, ["cargo xtask serve", "cargo xtask test"]);
    let ci = std::fs::read_to_string(root.join(".ci/run")).unwrap();
    assert!(
        ci.lines().any(|l| l.trim() == "cargo xtask test"),
        ".ci/run must run README's test command"
    );
}

/// plotters measures text through the DOM (a styled span) for chart
/// captions, mesh labels and multi-line text: refused by a strict CSP and
/// slow. The drawing code lays text out itself.
#[test]
fn draw_never_asks_plotters_to_measure_text() {
    check_why(
        "src/draw",
        &[
            "ChartBuilder",
            "configure_mesh",
            "MultiLineText",
            "estimate_text_size",
            "layout_box",
            ".caption(",
        ],
        "plotters would measure text through the DOM",
    );
}

/// The UI reads and writes signals only in ways that cannot panic once the
/// component that owns them is gone. Handlers, timers and observers can run
/// after their component was disposed (a focused mark removed by a route
/// change fires `blur`): they use the `try_` accessors, which do nothing
/// then. The route lives outside every component (`app::CurrentRoute`), so
/// nothing looks it up in a context that may be gone.
#[test]
fn ui_never_touches_a_signal_that_may_be_gone() {
    check_why(
        "src/ui",
        &[
            ".get_untracked()",
            ".with_untracked(",
            ".set(",
            ".update(",
            ".get_value()",
            ".with_value(",
            ".update_value(",
            ".set_value(",
            "expect_context",
            "use_context",
            "provide_context",
        ],
        "use the try_ accessors (see ARCHITECTURE.md, 'Nothing outlives its owner')",
    );
}

/// `.track()` on a memo subscribes without checking its value: whatever
/// uses it re-runs each time the memo's sources change, even when the memo
/// does not (a page tracking the theme was drawn anew on each keystroke in
/// its search box, and the box lost its focus). Read the value instead.
#[test]
fn ui_reads_memos_instead_of_tracking_them() {
    check_why(
        "src/ui",
        &[".track()"],
        "read the value (`.with(|_| ())`, `.get()`): a tracked memo re-runs its readers whenever its sources change",
    );
}

/// Whatever is leaked on purpose (a timer, a closure, an observer) says why
/// it is safe to outlive its component.
#[test]
fn ui_says_why_a_leak_is_safe() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/ui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    for f in files {
        let text = std::fs::read_to_string(&f).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if code.contains(".forget()") || code.contains("mem::forget(") {
                let said = lines[n.saturating_sub(3)..=n]
                    .iter()
                    .any(|l| l.contains("// outlives:"));
                assert!(
                    said,
                    "{}:{} leaks without a `// outlives:` comment saying why that is safe",
                    f.display(),
                    n + 1
                );
            }
        }
    }
}

/// Every hand-written Rust file of the workspace (the app, the crates, the
/// task runner, the tests) stays under 800 lines: a longer one is two things.
#[test]
fn no_file_is_over_800_lines() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in ["src", "crates", "xtask/src", "tests", "benches"] {
        let d = root.join(dir);
        if d.exists() {
            rust_files(&d, &mut files);
        }
    }
    assert!(files.len() > 50, "{}", files.len());
    let long: Vec<String> = files
        .iter()
        .filter(|f| !f.components().any(|c| c.as_os_str() == "target"))
        .filter_map(|f| {
            let n = std::fs::read_to_string(f).ok()?.lines().count();
            (n > 800).then(|| format!("{} ({n} lines)", f.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these: {long:?}");
}

/// An end-to-end test that loads an address waits for the app before it
/// looks: the build writes every page's HTML, so a selector can match the
/// page the build drew (every document, no import) before the app has
/// drawn the one the address asks for. CI once read the agency load of all
/// documents instead of an import's this way. `go` (helpers.mjs) waits; a
/// raw `page.goto` must be followed by a wait for `data-app`, a URL, or say
/// on its line why it need not (`// before the app:`).
#[test]
fn e2e_tests_wait_for_the_app_after_loading_an_address() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/e2e");
    let mut bad = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        if !name.ends_with(".test.mjs") {
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (i, line) in lines.iter().enumerate() {
            if !line.contains("page.goto(") || line.contains("// before the app:") {
                continue;
            }
            let next = lines[i + 1..]
                .iter()
                .find(|l| !l.trim().is_empty())
                .copied()
                .unwrap_or("");
            if !(next.contains("data-app=") || next.contains("waitForURL")) {
                bad.push(format!("{name}:{}: {}", i + 1, line.trim()));
            }
        }
    }
    assert!(
        bad.is_empty(),
        "use go(page, target, hash) or wait for the app: {bad:#?}"
    );
}

/// The words of an area (`t.map.…`, `t.import.…`) are said in that area's
/// files only: a phrase two areas share belongs at the top of `Texts`.
#[test]
fn each_area_says_only_its_own_words() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let texts = std::fs::read_to_string(root.join("src/words/texts.rs")).unwrap();
    // The area tables (`pub map: MapTexts,` in `Texts`), then each one's phrases.
    let areas: Vec<(String, String)> = texts
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub "))
        .filter_map(|l| l.strip_suffix(','))
        .filter_map(|l| l.split_once(": "))
        .filter(|(_, ty)| ty.ends_with("Texts"))
        .map(|(a, ty)| (a.to_string(), ty.to_string()))
        .collect();
    let names: Vec<&str> = areas.iter().map(|(a, _)| a.as_str()).collect();
    assert_eq!(
        names,
        ["overview", "targets", "map", "agencies", "tasks", "import"]
    );
    let mut phrases: Vec<String> = Vec::new();
    for (a, ty) in &areas {
        let body = texts
            .split(&format!("pub struct {ty} {{"))
            .nth(1)
            .and_then(|b| b.split("\n}").next())
            .unwrap_or_else(|| panic!("{ty} is not in texts.rs"));
        let fields: Vec<&str> = body
            .lines()
            .filter_map(|l| l.trim().strip_prefix("pub "))
            .filter_map(|l| l.split_once(':').map(|(f, _)| f))
            .collect();
        assert!(fields.len() > 5, "{ty}: {fields:?}");
        phrases.extend(fields.iter().map(|f| format!(".{a}.{f}")));
    }
    // Where each area's files are (its pages, its bindings, its drawings).
    let owns = |phrase: &str, file: &str| -> bool {
        let f = file.replace('\\', "/");
        let dirs: &[&str] = match phrase.split('.').nth(1).unwrap_or("") {
            "overview" => &["pages/overview", "ui/overview"],
            "targets" => &[
                "pages/targets",
                "ui/targets",
                "draw/chart",
                "words/progress",
                "words/checks",
            ],
            "map" => &["pages/map", "ui/map", "draw/map"],
            "agencies" => &[
                "pages/agencies",
                "pages/renames",
                "ui/agencies",
                "draw/agency",
                "draw/network",
            ],
            "tasks" => &["pages/tasks", "ui/tasks"],
            _ => &["pages/import", "ui/import"],
        };
        dirs.iter().any(|d| f.contains(d))
    };
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut said = 0;
    for f in files {
        let name = f.to_string_lossy().to_string();
        let text = std::fs::read_to_string(&f).unwrap();
        for (n, line) in text.lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for p in phrases.iter().filter(|p| {
                code.match_indices(p.as_str()).any(|(i, _)| {
                    !code[i + p.len()..].starts_with(|c: char| c.is_alphanumeric() || c == '_')
                })
            }) {
                said += 1;
                assert!(
                    owns(p, &name),
                    "{name}:{}: says {p}, a phrase of another area: move it to the top of Texts if two areas say it",
                    n + 1
                );
            }
        }
    }
    assert!(said > 100, "the area phrases are said somewhere ({said})");
}
