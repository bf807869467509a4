//! The importer on the seeds (the same tasks as the dataset's) and on
//! synthetic documents written for these tests, one per variant the issue
//! lists; bad input; properties (never panics, linear time).

mod bad_input;
mod excerpts;
#[cfg(feature = "office")]
mod office;
mod props;
mod synthetic;

use plan::import::{import, Import, ImportOptions};
use plan::{seeds, Dataset, Task};

/// (as written, role) of a task's units.
pub fn units(t: &plan::Task) -> Vec<(String, plan::Role)> {
    let mut v: Vec<(String, plan::Role)> = t
        .units
        .iter()
        .map(|a| (a.as_written.clone(), a.role))
        .collect();
    v.dedup();
    v
}

pub fn run(text: &str) -> Import {
    import("test.txt", text.as_bytes(), &ImportOptions::default())
        .unwrap_or_else(|e| panic!("{e:?}"))
}

/// A task as the dataset's test compares it: everything but its ids.
fn key(t: &Task) -> impl PartialEq + std::fmt::Debug {
    (
        t.number.clone(),
        t.seq,
        t.category.clone(),
        t.text.clone(),
        t.units.clone(),
        t.targets.clone(),
        t.quote.clone(),
        t.lines,
        t.problems.clone(),
    )
}

#[test]
fn seeds_import_as_the_dataset_reads_them() {
    let ds = Dataset::load();
    for (file, text) in seeds::SEEDS {
        let doc = ds.documents.iter().find(|d| d.file == file).unwrap();
        let expected: Vec<_> = ds.tasks_of(&doc.id).map(key).collect();
        let imp = import(file, text.as_bytes(), &ImportOptions::default());
        match doc.code.as_str() {
            "000" | "003" | "004" => {
                let imp = imp.unwrap();
                let got: Vec<_> = imp.tasks.iter().map(key).collect();
                assert_eq!(got.len(), expected.len(), "{file}");
                for (g, e) in got.iter().zip(&expected) {
                    assert_eq!(g, e, "{file}");
                }
                assert_eq!(imp.report.kind, plan::import::ImportKind::Tasks);
                // Every agency the tasks name is there, known ones by their registry id.
                for t in &imp.tasks {
                    for u in &t.units {
                        assert!(imp.agencies.iter().any(|a| a.id == u.agency));
                    }
                }
            }
            "001" => {
                let imp = imp.unwrap();
                assert!(imp.tasks.is_empty());
                assert_eq!(imp.report.kind, plan::import::ImportKind::Prose);
                assert!(
                    imp.report.counts.indicators > 5,
                    "{:#?}",
                    imp.indicators.len()
                );
            }
            _ => {}
        }
    }
}

#[test]
fn merged_imports_keep_their_own_ids() {
    let mut ds = Dataset::load();
    let n = ds.tasks.len();
    let imp = import(
        "x.txt",
        seeds::SEEDS[0].1.as_bytes(),
        &ImportOptions::default(),
    )
    .unwrap();
    plan::import::merge(&mut ds, &imp, "imp7");
    assert_eq!(ds.tasks.len(), n + imp.tasks.len());
    assert!(ds.task("imp7-1").is_some());
    assert_eq!(
        ds.task("000-1").unwrap().text,
        ds.task("imp7-1").unwrap().text
    );
    assert_eq!(ds.document("imp7").unwrap().text, seeds::SEEDS[0].1);
    // Serialises both ways.
    let bytes = postcard::to_allocvec(&imp).unwrap();
    let back: Import = postcard::from_bytes(&bytes).unwrap();
    assert_eq!(back.tasks, imp.tasks);
    assert_eq!(back.text, imp.text);
    let json = serde_json::to_string(&imp).unwrap();
    assert!(json.contains("\"report\""));
}
