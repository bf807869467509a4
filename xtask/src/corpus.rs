//! `cargo xtask corpus [DIR] [--write]`: the importer's score on a corpus
//! of real plan documents (default `../shared/corpus`, or `CZTP_CORPUS`):
//! per document and in all, tasks with units, leads and supports matched,
//! target values with their year, unit and bound, false readings and
//! rejections (`plan::import::corpus`). `--write` puts it in BENCHMARKS.md;
//! `cargo xtask bench` does too.

use std::path::PathBuf;

use changzhutan_plans::plan::import::corpus;

use crate::{root, step, Result};

const HEADING: &str = "## The importer on the shared corpus (issue 18)";
const NOW: &str = "### Now (`cargo xtask corpus`)";

/// The corpus to read: `CZTP_CORPUS`, else `../shared/corpus` beside the workspace.
pub fn default_dir() -> PathBuf {
    std::env::var_os("CZTP_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| root().join("../shared/corpus"))
}

/// BENCHMARKS.md's corpus section: what it says and the score before
/// (kept from the file as written), then the score now. None without a corpus.
pub fn section(dir: &std::path::Path) -> Result<Option<String>> {
    if !dir.join("GOLD.json").exists() {
        return Ok(None);
    }
    let report = corpus::score(dir).map_err(|e| e.to_string())?;
    let old = std::fs::read_to_string(root().join("BENCHMARKS.md")).unwrap_or_default();
    let kept = old
        .find(HEADING)
        .map(|at| {
            let rest = &old[at..];
            // Up to the first score that is not the one before.
            let end = [rest.find("### After"), rest.find(NOW)]
                .into_iter()
                .flatten()
                .min()
                .unwrap_or(rest.len());
            rest[..end].trim_end().to_string()
        })
        .unwrap_or_else(|| HEADING.to_string());
    Ok(Some(format!(
        "\n{kept}\n\n{NOW}\n\n{}\n",
        corpus::markdown(&report).trim()
    )))
}

pub fn main(args: &[&str]) -> Result {
    let write = args.contains(&"--write");
    let dir = args
        .iter()
        .find(|a| !a.starts_with("--"))
        .map(PathBuf::from)
        .unwrap_or_else(default_dir);
    let Some(s) = section(&dir)? else {
        step(&format!(
            "no corpus at {} (GOLD.json): nothing to score",
            dir.display()
        ));
        return Ok(());
    };
    print!("{s}");
    if write {
        let path = root().join("BENCHMARKS.md");
        let old = std::fs::read_to_string(&path).map_err(|e| e.to_string())?;
        let head = old.find(HEADING).map_or(old.as_str(), |at| &old[..at]);
        // The section is the file's last: what follows its heading is replaced.
        std::fs::write(&path, format!("{}\n{}", head.trim_end(), s)).map_err(|e| e.to_string())?;
        step(&format!("wrote {}", path.display()));
    }
    Ok(())
}
