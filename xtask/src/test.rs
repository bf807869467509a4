//! `cargo xtask test`: every test, from a fresh machine.

use std::process::Command;

use crate::build;
use crate::tools::{self, cargo_in_root, run, WASM_TARGET};
use crate::{root, serve, step, Result};

pub fn main(args: &[&str]) -> Result {
    let no_wasm = args.contains(&"--no-wasm");
    let no_e2e = args.contains(&"--no-e2e");
    for a in args {
        if !matches!(*a, "--no-wasm" | "--no-e2e") {
            return Err(format!("test: unknown option {a}"));
        }
    }
    let mut clock = Clock::new();
    let runner = tools::setup_all()?;
    clock.lap("setup (tools, browser, npm packages)");

    step("cargo fmt --check");
    run(&mut cargo_in_root(&["fmt", "--all", "--", "--check"]))?;
    for (what, args) in [
        ("native, all targets", &["--workspace", "--all-targets"][..]),
        (
            "wasm32: the UI layer and its tests",
            &[
                "--target",
                WASM_TARGET,
                "-p",
                "changzhutan-plans",
                "--lib",
                "--tests",
            ],
        ),
        (
            "wasm32: the light build, the targets' pages only",
            &[
                "--target",
                WASM_TARGET,
                "-p",
                "changzhutan-plans",
                "--lib",
                "--no-default-features",
            ],
        ),
        (
            "wasm32: the importer",
            &["--target", WASM_TARGET, "-p", "cztp-importer"],
        ),
    ] {
        step(&format!("cargo clippy ({what})"));
        let mut a = vec!["clippy"];
        a.extend_from_slice(args);
        a.extend_from_slice(&["--", "-D", "warnings"]);
        run(&mut cargo_in_root(&a))?;
    }
    clock.lap("fmt and clippy (four configurations)");
    step("native tests (cargo test)");
    run(&mut cargo_in_root(&["test", "--workspace"]))?;
    clock.lap("native tests");

    if !no_wasm {
        step("wasm tests in headless Chromium (wasm-bindgen-test-runner)");
        // wasm_panic panics for real: it runs in a wasm instance of its own.
        for test in ["wasm_ui", "wasm_panic"] {
            let mut c = cargo_in_root(&[
                "test",
                "--target",
                WASM_TARGET,
                "-p",
                "changzhutan-plans",
                "--test",
                test,
            ]);
            c.env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)
                .env("CHROMEDRIVER", tools::CHROMEDRIVER)
                .env("WASM_BINDGEN_TEST_TIMEOUT", "180");
            run(&mut c)?;
        }
        clock.lap("wasm tests in the browser");
    }

    if !no_e2e {
        // The site is built for the address it is served at (its canonical
        // links, embed snippets and the offline file's links name it): a
        // free port, chosen first.
        let listener = std::net::TcpListener::bind("127.0.0.1:0")
            .map_err(|e| format!("cannot listen on 127.0.0.1: {e}"))?;
        let port = listener.local_addr().map_err(|e| e.to_string())?.port();
        let base = format!("http://127.0.0.1:{port}/");
        std::env::set_var("CZTP_SITE_URL", &base);
        let dist = build::dist()?;
        clock.lap("the site and the offline file (three app builds, the importer, every page)");
        serve::spawn_on(dist.site.clone(), listener)?;
        step(&format!(
            "end-to-end tests in headless Chromium (served at {base} and from file://)"
        ));
        // Two files at a time: each has its own browser and the site is
        // static, so they share nothing; on two cores this takes the
        // end-to-end step from about 10 to 8 minutes (README).
        run(Command::new("node")
            .current_dir(root())
            .args([
                "--test",
                "--test-concurrency=2",
                "--test-reporter=spec",
                "tests/e2e/",
            ])
            .env("BASE_URL", &base)
            .env("OFFLINE_FILE", &dist.offline)
            .env("SITE_DIR", &dist.site)
            .env("CHROMIUM", tools::CHROMIUM))?;
        clock.lap("end-to-end tests");
    }
    step("all tests passed");
    clock.report();
    Ok(())
}

/// How long each step of the run took, printed when it ends.
struct Clock {
    start: std::time::Instant,
    last: std::time::Instant,
    laps: Vec<(&'static str, std::time::Duration)>,
}

impl Clock {
    fn new() -> Clock {
        let now = std::time::Instant::now();
        Clock {
            start: now,
            last: now,
            laps: Vec::new(),
        }
    }

    fn lap(&mut self, what: &'static str) {
        let now = std::time::Instant::now();
        self.laps.push((what, now - self.last));
        self.last = now;
    }

    fn report(&self) {
        let fmt = |d: std::time::Duration| {
            let s = d.as_secs();
            format!("{:>3}:{:02}", s / 60, s % 60)
        };
        for (what, d) in &self.laps {
            eprintln!("  {}  {what}", fmt(*d));
        }
        eprintln!("  {}  in all", fmt(self.start.elapsed()));
    }
}

/// `cargo xtask soak [--minutes N] [--no-build]`: the random visitor with new
/// seeds for N minutes (default 10), served and from file://, Chinese and
/// English. VISITOR_SEED, VISITOR_TARGET and VISITOR_LANG replay one visit.
pub fn soak(args: &[&str]) -> Result {
    let mut minutes = "10".to_string();
    let mut build = true;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match *a {
            "--minutes" => {
                minutes = it
                    .next()
                    .filter(|m| m.parse::<f64>().is_ok_and(|m| m > 0.0))
                    .ok_or("--minutes needs a positive number")?
                    .to_string()
            }
            "--no-build" => build = false,
            other => return Err(format!("soak: unknown option {other}")),
        }
    }
    tools::ensure_browser()?;
    let dist = if build {
        build::dist()?
    } else {
        build::Dist::existing()?
    };
    let port = serve::spawn(dist.site.clone(), "127.0.0.1:0")?;
    step(&format!(
        "random visitor for {minutes} min (tests/e2e/soak.mjs)"
    ));
    run(Command::new("node")
        .current_dir(root())
        .arg("tests/e2e/soak.mjs")
        .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
        .env("OFFLINE_FILE", &dist.offline)
        .env("SOAK_MINUTES", &minutes)
        .env("CHROMIUM", tools::CHROMIUM))
}
