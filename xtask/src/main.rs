//! The project's dev tool (the `cargo xtask` convention).
//!
//! ```text
//! cargo xtask serve [--port N]   build the app and serve dist/site at http://127.0.0.1:8080
//! cargo xtask test               every test: native, wasm in headless Chromium, end-to-end
//! cargo xtask dist               dist/site/ (static site) and dist/changzhutan-plans.html
//! cargo xtask setup              install what this machine lacks (also done by the above)
//! cargo xtask soak [--minutes N]  the random visitor for longer, with new seeds
//! cargo xtask bench              print size and speed figures
//! ```
//!
//! Everything it installs comes from the package registries (rustup, apt,
//! crates.io, npm); nothing downloads a prebuilt tool from elsewhere.

mod bench;
mod build;
mod corpus;
mod pack;
mod pages;
mod serve;
mod test;
mod tools;

use std::path::PathBuf;
use std::process::ExitCode;

pub type Result<T = ()> = std::result::Result<T, String>;

/// The workspace root (the parent of this crate).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in the workspace")
        .to_path_buf()
}

/// Print a step, so a fresh machine's user sees what is happening.
pub fn step(msg: &str) {
    eprintln!("\x1b[1;34m==>\x1b[0m {msg}");
}

const HELP: &str = "cargo xtask <command>

  serve [--port N] [--no-build]  build the app and serve it (default http://127.0.0.1:8080)
  test [--no-wasm] [--no-e2e]    run every test (native, wasm in the browser, end-to-end)
  dist                           write dist/site/ and dist/changzhutan-plans.html
  build                          build the wasm app into dist/site/
  pages [DIR]                    write only the pages (no wasm) into DIR (default dist/pages/), to look at
  setup                          install the tools this machine lacks
  soak [--minutes N] [--no-build] the random visitor for N minutes (VISITOR_SEED=… replays one)
  bench                          sizes, Lighthouse, paint and interaction timings against ECharts and uPlot → BENCHMARKS.md
  corpus [DIR] [--write]         the importer's score on a corpus of real plans (default ../shared/corpus)
  svg <indicator-id> [width]     print one target chart as a standalone SVG";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    let result = match a.first().copied() {
        Some("serve") => serve::main(&a[1..]),
        Some("test") => test::main(&a[1..]),
        Some("dist") => build::dist().map(|_| ()),
        Some("build") => build::site().map(|_| ()),
        Some("pages") => build::pages_only(a.get(1).copied()),
        Some("setup") => tools::setup_all().map(|_| ()),
        Some("bench") => bench::main(&a[1..]),
        Some("corpus") => corpus::main(&a[1..]),
        Some("soak") => test::soak(&a[1..]),
        Some("svg") => bench::svg(&a[1..]),
        Some("help") | Some("--help") | Some("-h") | None => {
            println!("{HELP}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command {other:?}\n\n{HELP}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("\x1b[1;31merror:\x1b[0m {e}");
            ExitCode::FAILURE
        }
    }
}
