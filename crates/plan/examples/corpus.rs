//! `cargo run -p cztp-plan --example corpus -- [DIR] [FILE…]`: the corpus
//! score as Markdown (DIR defaults to ../shared/corpus), or, given files (a
//! part of their names), what the importer reads in each (with the
//! options the environment's `CZTP_OPTS` gives as JSON, e.g.
//! `{"year":2023}`).

use std::path::PathBuf;

use plan::import::{corpus, import, ImportOptions};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().unwrap_or_else(|| "../shared/corpus".into()));
    let wanted: Vec<String> = args.collect();
    if wanted.is_empty() {
        match corpus::score(&dir) {
            Ok(r) => {
                print!("{}", corpus::markdown(&r));
                for d in &r.documents {
                    for f in &d.false_readings {
                        eprintln!("false: {} {f}", &d.file[..3]);
                    }
                }
            }
            Err(e) => eprintln!("{e}"),
        }
        return;
    }
    let mut names: Vec<_> = std::fs::read_dir(dir.join("raw"))
        .expect("raw/")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| wanted.iter().any(|w| n.contains(w.as_str())))
        .collect();
    names.sort();
    for n in names {
        let raw = std::fs::read_to_string(dir.join("raw").join(&n)).unwrap_or_default();
        println!("=== {n}");
        let opts: ImportOptions = std::env::var("CZTP_OPTS")
            .ok()
            .and_then(|j| serde_json::from_str(&j).ok())
            .unwrap_or_default();
        match import(&n, corpus::body(&raw).as_bytes(), &opts) {
            Err(e) => println!("  error: {e:?}"),
            Ok(imp) => {
                let r = &imp.report;
                println!(
                    "  {:?} {:?} columns {:?}",
                    r.kind,
                    r.layout,
                    r.columns
                        .iter()
                        .map(|c| (&c.label, c.column))
                        .collect::<Vec<_>>()
                );
                println!(
                    "  role rule {:?}, {} unused lines, guesses {:?}",
                    r.role_rule,
                    r.unused.len(),
                    r.guesses.iter().map(|g| g.code).collect::<Vec<_>>()
                );
                for t in &imp.tasks {
                    let u: Vec<String> = t
                        .units
                        .iter()
                        .map(|a| {
                            format!(
                                "{}{}",
                                a.as_written,
                                if a.role == plan::Role::Lead { "" } else { "*" }
                            )
                        })
                        .collect();
                    println!(
                        "  task {} [{}..{}] {}: {}",
                        t.number,
                        t.lines.start,
                        t.lines.end,
                        t.text.chars().take(30).collect::<String>(),
                        u.join("、")
                    );
                }
                for i in &imp.indicators {
                    for p in &i.points {
                        println!(
                            "  ind {} [{}] {:?} {:?} {} {} «{}»",
                            i.name,
                            i.unit,
                            p.kind,
                            p.year,
                            p.bound.symbol(),
                            p.value,
                            p.written
                        );
                    }
                }
            }
        }
    }
}
