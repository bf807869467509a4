//! The five seed documents, embedded byte for byte, and what each one is.

use super::curated::{bad_file, DocumentRec, DocumentsFile};
use super::{DocKind, Document, Problem, RoleRule};

/// (file name, text) of every seed, in file order.
pub const SEEDS: [(&str, &str); 5] = [
    (
        "000_46937b859a78d65d.txt",
        include_str!("../../../seeds/000_46937b859a78d65d.txt"),
    ),
    (
        "001_52071bc060105621.txt",
        include_str!("../../../seeds/001_52071bc060105621.txt"),
    ),
    (
        "002_9d3a68c62c194251.txt",
        include_str!("../../../seeds/002_9d3a68c62c194251.txt"),
    ),
    (
        "003_eb0be2c1adcc1018.txt",
        include_str!("../../../seeds/003_eb0be2c1adcc1018.txt"),
    ),
    (
        "004_63bd9ad5aebbd682.txt",
        include_str!("../../../seeds/004_63bd9ad5aebbd682.txt"),
    ),
];

/// The embedded seed documents, as the curated records describe them (in
/// `data/documents.toml` order). A record whose seed is missing, or a seed
/// no record describes, is a problem.
pub fn documents(records: &DocumentsFile, problems: &mut Vec<(String, Problem)>) -> Vec<Document> {
    let file = super::curated::DOCUMENTS.0;
    for (name, _) in SEEDS {
        if !records.document.iter().any(|r| r.file == name) {
            problems.push((
                file.into(),
                bad_file(file, format!("no record for seeds/{name}")),
            ));
        }
    }
    records
        .document
        .iter()
        .filter_map(|r| {
            let Some((_, text)) = SEEDS.iter().find(|(name, _)| *name == r.file) else {
                problems.push((
                    file.into(),
                    bad_file(file, format!("{}: no seed {}", r.code, r.file)),
                ));
                return None;
            };
            Some(document(r, text))
        })
        .collect()
}

/// A document from its record and its text.
pub fn document(r: &DocumentRec, text: &str) -> Document {
    Document {
        id: r.file.trim_end_matches(".txt").to_string(),
        code: r.code.clone(),
        file: r.file.clone(),
        title: r.title.clone(),
        title_en: r.title_en.clone(),
        kind: r.kind,
        date: super::text::find_date(text),
        summary: r.summary.clone(),
        summary_en: r.summary_en.clone(),
        role_rule: match r.kind {
            DocKind::TaskSplit => RoleRule::AllResponsible,
            DocKind::TargetTable => RoleRule::LeadAndSupport,
            _ => RoleRule::NoTasks,
        },
        text: text.to_string(),
    }
}
