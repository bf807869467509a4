//! Command-line access to the embedded dataset, and the importer.
//!
//! ```text
//! plan-data export                 # the whole dataset as JSON on stdout
//! plan-data export --csv tasks     # one table as CSV (tasks|agencies|indicators|places|statements)
//! plan-data problems               # every problem found in the sources
//! plan-data import FILE|-          # a plan document read as the seeds are, as JSON with its report
//!     [--kind tasks|indicators|prose|actuals] [--role-rule all_responsible|lead_and_support|first_leads|marked_leads]
//!     [--columns number,category,task,responsible,lead,support,leader,indicator,unit,attribute,period,value,source,other,baseline,baseline:2020,year:2025,…]
//!     [--code imp1] [--year 2021]
//! ```
//!
//! `import` exits 0 when anything was read, 2 with a one-line reason on
//! stderr when nothing could be (empty, binary, not a plan).

use std::io::{Read, Write};
use std::process::ExitCode;

use changzhutan_plans::plan::export::{to_csv, to_json, Table};
use changzhutan_plans::plan::import::{self, ImportKind, ImportOptions};
use changzhutan_plans::plan::table::Column;
use changzhutan_plans::plan::{Dataset, RoleRule};
use changzhutan_plans::words::problems::WORDS;
use changzhutan_plans::words::{Lang, LangExt};

const USAGE: &str = "usage: plan-data export [--csv tasks|agencies|indicators|places|statements]
       plan-data problems
       plan-data import FILE|- [--kind tasks|indicators|prose|actuals] [--role-rule all_responsible|lead_and_support|first_leads|marked_leads] [--columns c1,c2,…] [--code imp1] [--year YYYY]
         [--header-line N] [--transpose yes|no] [--undated-year YYYY]";

fn fail(msg: &str) -> ExitCode {
    eprintln!("plan-data: {msg}");
    ExitCode::from(2)
}

/// A JSON string value of a serde enum ("first_leads" → RoleRule::FirstLeads).
fn from_name<T: serde::de::DeserializeOwned>(s: &str) -> Option<T> {
    serde_json::from_value(serde_json::Value::String(s.to_string())).ok()
}

fn column(s: &str) -> Option<Column> {
    if let Some((k, y)) = s.split_once(':') {
        let y: i32 = y.parse().ok()?;
        return match k {
            "year" => Some(Column::Year(y)),
            "baseline" => Some(Column::Baseline(Some(y))),
            _ => None,
        };
    }
    if s == "baseline" {
        return Some(Column::Baseline(None));
    }
    from_name(s)
}

fn import_cmd(args: &[&str]) -> Result<String, ExitCode> {
    let Some((file, rest)) = args.split_first() else {
        return Err(fail(USAGE));
    };
    let mut opts = ImportOptions::default();
    let mut it = rest.iter();
    while let Some(flag) = it.next() {
        let Some(v) = it.next() else {
            return Err(fail(&format!("{flag} needs a value\n{USAGE}")));
        };
        match *flag {
            "--kind" => match from_name::<ImportKind>(v) {
                Some(k) => opts.kind = Some(k),
                None => return Err(fail(&format!("unknown kind {v:?}"))),
            },
            "--role-rule" => match from_name::<RoleRule>(v) {
                Some(r) => opts.role_rule = Some(r),
                None => return Err(fail(&format!("unknown role rule {v:?}"))),
            },
            "--columns" => {
                let cols: Option<Vec<Column>> = v.split(',').map(|c| column(c.trim())).collect();
                match cols {
                    Some(c) => opts.columns = Some(c),
                    None => return Err(fail(&format!("unknown column in {v:?}"))),
                }
            }
            "--code" => opts.code = v.to_string(),
            "--header-line" => match v.parse::<u32>() {
                Ok(n) if n > 0 => opts.header_line = Some(n),
                _ => return Err(fail(&format!("not a line number: {v:?}"))),
            },
            "--transpose" => match *v {
                "yes" | "true" => opts.transpose = Some(true),
                "no" | "false" => opts.transpose = Some(false),
                _ => return Err(fail(&format!("--transpose takes yes or no, not {v:?}"))),
            },
            "--undated-year" => match v.parse() {
                Ok(y) => opts.undated_year = Some(y),
                Err(_) => return Err(fail(&format!("not a year: {v:?}"))),
            },
            "--year" => match v.parse() {
                Ok(y) => opts.year = Some(y),
                Err(_) => return Err(fail(&format!("not a year: {v:?}"))),
            },
            _ => return Err(fail(&format!("unknown option {flag:?}\n{USAGE}"))),
        }
    }
    let (name, bytes) = if *file == "-" {
        let mut b = Vec::new();
        // Read at most one byte past the limit: the importer refuses it.
        let limit = import::MAX_BYTES as u64 + 1;
        if std::io::stdin().take(limit).read_to_end(&mut b).is_err() {
            return Err(fail("cannot read stdin"));
        }
        (String::new(), b)
    } else {
        let path = std::path::Path::new(file);
        match std::fs::metadata(path) {
            Ok(m) if m.len() > import::MAX_BYTES as u64 => {
                let e = import::ImportError::TooLarge { bytes: m.len() };
                return Err(fail(&format!(
                    "{} {}",
                    WORDS.import_error(&e, Lang::Zh),
                    WORDS.import_error(&e, Lang::En)
                )));
            }
            Err(e) => return Err(fail(&format!("{file}: {e}"))),
            _ => {}
        }
        match std::fs::read(path) {
            Ok(b) => (
                path.file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                b,
            ),
            Err(e) => return Err(fail(&format!("{file}: {e}"))),
        }
    };
    match import::import(&name, &bytes, &opts) {
        Ok(imp) => Ok(import::to_json(&imp, &WORDS)),
        Err(e) => Err(fail(&format!(
            "{} {}",
            WORDS.import_error(&e, Lang::Zh),
            WORDS.import_error(&e, Lang::En)
        ))),
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let out = match args.as_slice() {
        ["import", rest @ ..] => match import_cmd(rest) {
            Ok(s) => s,
            Err(code) => return code,
        },
        ["export"] | ["export", "--json"] => to_json(&Dataset::load(), &WORDS),
        ["export", "--csv", table] => match Table::from_name(table) {
            Some(t) => to_csv(&Dataset::load(), t, &WORDS),
            None => {
                eprintln!("plan-data: unknown table {table:?}\n{USAGE}");
                return ExitCode::from(2);
            }
        },
        ["problems"] => {
            let ds = Dataset::load();
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
