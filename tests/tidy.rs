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
fn draw_is_pure() {
    check("src/draw", &BROWSER);
}

#[test]
fn i18n_is_pure() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/i18n.rs");
    let text = std::fs::read_to_string(root).unwrap();
    for word in BROWSER {
        assert!(!text.contains(word), "src/i18n.rs uses {word}");
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
