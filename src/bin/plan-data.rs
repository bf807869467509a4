//! Command-line access to the embedded dataset.
//!
//! ```text
//! plan-data export                 # the whole dataset as JSON on stdout
//! plan-data export --csv tasks     # one table as CSV (tasks|agencies|indicators|places)
//! plan-data problems               # every problem found in the sources
//! ```

use std::io::Write;
use std::process::ExitCode;

use changzhutan_plans::plan::export::{to_csv, to_json, Table};
use changzhutan_plans::plan::Dataset;
use changzhutan_plans::words::{Lang, LangExt};

const USAGE: &str =
    "usage: plan-data export [--csv tasks|agencies|indicators|places]\n       plan-data problems";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let ds = Dataset::load();
    let out = match args.as_slice() {
        ["export"] | ["export", "--json"] => to_json(&ds),
        ["export", "--csv", table] => match Table::from_name(table) {
            Some(t) => to_csv(&ds, t),
            None => {
                eprintln!("plan-data: unknown table {table:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        ["problems"] => {
            let t = Lang::Zh.t();
            let mut s = String::new();
            for task in &ds.tasks {
                for p in &task.problems {
                    s.push_str(&format!("{}\t{}\n", task.id, t.problem(p)));
                }
            }
            for (doc, p) in &ds.problems {
                s.push_str(&format!("{doc}\t{}\n", t.problem(p)));
            }
            s
        }
        _ => {
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    if stdout
        .write_all(out.as_bytes())
        .and_then(|_| stdout.flush())
        .is_err()
    {
        return ExitCode::from(1);
    }
    if !out.ends_with('\n') {
        let _ = stdout.write_all(b"\n");
    }
    ExitCode::SUCCESS
}
