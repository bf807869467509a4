//! Making sure the tools are there: each `ensure_*` checks, says what it
//! installs, installs from a package registry, and fails with a clear message.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{root, step, Result};

/// Run a command, streaming its output; error if it fails.
pub fn run(cmd: &mut Command) -> Result {
    let shown = format!("{cmd:?}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start {shown}: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{shown} failed ({status})"))
    }
}

/// Run a command and capture stdout (None if it cannot run or fails).
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
}

fn have(program: &str) -> bool {
    Command::new(program)
        .arg("--version")
        .output()
        .map(|o| o.status.success())
        .unwrap_or(false)
}

fn is_root() -> bool {
    output(Command::new("id").arg("-u")).is_some_and(|s| s.trim() == "0")
}

/// apt-get install (as root, or through sudo when available).
fn apt_install(packages: &[&str]) -> Result {
    if !have("apt-get") {
        return Err(format!(
            "apt-get is not available: install {} with your system's package manager",
            packages.join(" ")
        ));
    }
    let sudo = if is_root() {
        None
    } else if have("sudo") {
        Some("sudo")
    } else {
        return Err(format!(
            "installing {} needs root: run `sudo apt-get install -y {}` once",
            packages.join(" "),
            packages.join(" ")
        ));
    };
    let apt = |args: &[&str]| {
        let mut c = match sudo {
            Some(s) => {
                let mut c = Command::new(s);
                c.arg("apt-get");
                c
            }
            None => Command::new("apt-get"),
        };
        c.args(args).env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    step(&format!("apt-get install {}", packages.join(" ")));
    run(&mut apt(&["update", "-q"]))?;
    let mut args = vec!["install", "-y", "-q", "--no-install-recommends"];
    args.extend_from_slice(packages);
    run(&mut apt(&args)).map_err(|e| format!("{e}\n(could not install {})", packages.join(" ")))
}

/// The browser's target triple.
pub const WASM_TARGET: &str = "wasm32-unknown-unknown";

/// rustup's wasm32-unknown-unknown target.
pub fn ensure_wasm_target() -> Result {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"]))
        .ok_or("rustup is not available: install Rust with rustup (https://rustup.rs)")?;
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        return Ok(());
    }
    step(&format!("rustup target add {WASM_TARGET}"));
    run(Command::new("rustup").args(["target", "add", WASM_TARGET]))
}

pub fn node_modules() -> PathBuf {
    root().join("node_modules")
}

/// The npm packages of package-lock.json (binaryen's wasm-opt, playwright-core, axe-core,
/// and the bench's reference libraries echarts and uplot).
pub fn ensure_npm() -> Result {
    let lock = std::fs::read_to_string(root().join("package-lock.json"));
    // npm writes node_modules/.package-lock.json; then compare the pinned versions.
    let installed = node_modules().join(".package-lock.json").exists();
    let fresh = match lock {
        Ok(want) if installed => [
            "binaryen",
            "playwright-core",
            "axe-core",
            "echarts",
            "uplot",
        ]
        .iter()
        .all(|p| {
            let v = version_in_lock(&want, p);
            let have = std::fs::read_to_string(node_modules().join(p).join("package.json"))
                .ok()
                .and_then(|s| json_field(&s, "version"));
            v.is_some() && v == have
        }),
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    if !have("npm") {
        apt_install(&["nodejs", "npm"])?;
    }
    step("npm ci (binaryen for wasm-opt, playwright-core and axe-core for end-to-end tests, echarts and uplot for the bench)");
    run(Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund", "--loglevel=error"])
        .current_dir(root()))
}

fn version_in_lock(lock: &str, package: &str) -> Option<String> {
    let key = format!("\"node_modules/{package}\"");
    let at = lock.find(&key)?;
    json_field(&lock[at..], "version")
}

/// The first `"field": "value"` in a JSON text (enough for package files).
pub fn json_field(json: &str, field: &str) -> Option<String> {
    let key = format!("\"{field}\"");
    let at = json.find(&key)? + key.len();
    let rest = json[at..].trim_start().strip_prefix(':')?.trim_start();
    let rest = rest.strip_prefix('"')?;
    Some(rest[..rest.find('"')?].to_string())
}

/// wasm-opt from the binaryen npm package (Debian's binaryen 108 breaks the output).
pub fn wasm_opt() -> Result<PathBuf> {
    ensure_npm()?;
    let p = node_modules().join("binaryen").join("bin").join("wasm-opt");
    if p.exists() {
        Ok(p)
    } else {
        Err(format!("{} is missing after npm ci", p.display()))
    }
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's Chromium, ChromeDriver and CJK fonts (for screenshots that show Chinese).
pub fn ensure_browser() -> Result {
    let fonts = output(Command::new("fc-list").arg(":lang=zh"))
        .is_some_and(|s| s.contains("Noto Sans CJK") || s.contains("Noto Serif CJK"));
    let mut missing = Vec::new();
    if !Path::new(CHROMIUM).exists() {
        missing.push("chromium");
    }
    if !Path::new(CHROMEDRIVER).exists() {
        missing.push("chromium-driver");
    }
    if !fonts {
        missing.push("fonts-noto-cjk");
    }
    if missing.is_empty() {
        return Ok(());
    }
    apt_install(&missing)
}

/// The wasm-bindgen version Cargo.lock pins.
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = std::fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e}"))?;
    let mut lines = lock.lines();
    while let Some(l) = lines.next() {
        if l.trim() == "name = \"wasm-bindgen\"" {
            if let Some(v) = lines
                .next()
                .and_then(|v| v.trim().strip_prefix("version = \""))
            {
                return Ok(v.trim_end_matches('"').to_string());
            }
        }
    }
    Err("Cargo.lock does not pin wasm-bindgen".into())
}

/// wasm-bindgen's test runner at the version Cargo.lock pins.
pub fn ensure_test_runner() -> Result<PathBuf> {
    let version = locked_wasm_bindgen()?;
    let cargo_home = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .ok_or("neither CARGO_HOME nor HOME is set")?;
    let runner = cargo_home.join("bin").join("wasm-bindgen-test-runner");
    let current = output(Command::new(&runner).arg("--version")).unwrap_or_default();
    if current.split_whitespace().any(|w| w == version) {
        return Ok(runner);
    }
    step(&format!(
        "cargo install wasm-bindgen-cli --version {version} (the test runner; takes a few minutes once)"
    ));
    run(Command::new(cargo()).args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    Ok(runner)
}

/// Everything `cargo xtask test` needs; returns the wasm test runner.
pub fn setup_all() -> Result<PathBuf> {
    ensure_wasm_target()?;
    ensure_npm()?;
    ensure_browser()?;
    let runner = ensure_test_runner()?;
    step("setup complete");
    Ok(runner)
}

/// The cargo that runs us (or the one on PATH).
pub fn cargo() -> String {
    std::env::var("CARGO").unwrap_or_else(|_| "cargo".into())
}

/// `cargo <args>` in the project's root.
pub fn cargo_in_root(args: &[&str]) -> Command {
    let mut c = Command::new(cargo());
    c.current_dir(root()).args(args);
    c
}
