//! The importer on the held-out corpus (`tests/corpus/heldout/`, issue 18):
//! real documents nobody tunes the parser on. Its floors are what the
//! importer reached when the set was added and are raised, never lowered;
//! nothing in `import/` may be written for one of these documents (their
//! layouts are learnt from the shared development corpus).

use std::path::PathBuf;

use plan::import::corpus;

/// Tasks with units found (credited up to the gold's count per document).
const FLOOR_TASKS: u32 = 44;
/// Gold targets found with year, value, unit and bound.
const FLOOR_TARGETS: u32 = 29;
/// Gold targets found with value and unit.
const FLOOR_VALUES: u32 = 59;
/// At most this many false readings (reported in BENCHMARKS.md).
const CEILING_FALSE: u32 = 4;

#[test]
fn heldout_score() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/corpus/heldout");
    assert!(
        dir.join("GOLD.json").exists(),
        "the held-out corpus is part of the repository: {}",
        dir.display()
    );
    let r = corpus::score(&dir).unwrap_or_else(|e| panic!("{e}"));
    println!("{}", corpus::markdown(&r));
    let t = &r.total;
    let panicked: Vec<_> = r
        .documents
        .iter()
        .filter(|d| d.panicked)
        .map(|d| &d.file)
        .collect();
    assert!(panicked.is_empty(), "panicked: {panicked:?}");
    assert_eq!(t.rejected, 0, "no document may be refused");
    assert!(t.tasks >= FLOOR_TASKS, "tasks {} < {FLOOR_TASKS}", t.tasks);
    assert!(
        t.targets >= FLOOR_TARGETS,
        "targets {} < {FLOOR_TARGETS}",
        t.targets
    );
    assert!(
        t.values >= FLOOR_VALUES,
        "values {} < {FLOOR_VALUES}",
        t.values
    );
    assert!(
        t.false_readings <= CEILING_FALSE,
        "false readings {} > {CEILING_FALSE}",
        t.false_readings
    );
}
