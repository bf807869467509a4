//! Per-document counts for the overview.

use std::collections::BTreeSet;

use super::Dataset;

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DocumentSummary {
    pub document: String,
    pub tasks: usize,
    pub categories: usize,
    /// Distinct agencies named on the document's tasks.
    pub agencies: usize,
    pub indicators: usize,
    pub places: usize,
    /// Problems found in the source (on tasks and on the document).
    pub problems: usize,
}

impl DocumentSummary {
    pub fn of(ds: &Dataset, document: &str) -> DocumentSummary {
        let agencies: BTreeSet<&str> = ds
            .tasks_of(document)
            .flat_map(|t| t.units.iter().map(|a| a.agency.as_str()))
            .collect();
        DocumentSummary {
            document: document.to_string(),
            tasks: ds.tasks_of(document).count(),
            categories: ds.categories_of(document).len(),
            agencies: agencies.len(),
            indicators: ds
                .indicators
                .iter()
                .filter(|i| i.document == document)
                .count(),
            places: ds.places.iter().filter(|p| p.document == document).count(),
            problems: ds
                .tasks_of(document)
                .map(|t| t.problems.len())
                .sum::<usize>()
                + ds.problems.iter().filter(|(d, _)| d == document).count(),
        }
    }

    pub fn all(ds: &Dataset) -> Vec<DocumentSummary> {
        ds.documents.iter().map(|d| Self::of(ds, &d.id)).collect()
    }

    /// Column totals; agencies counted once across documents.
    pub fn total(rows: &[DocumentSummary], ds: &Dataset) -> DocumentSummary {
        DocumentSummary {
            document: String::new(),
            tasks: rows.iter().map(|r| r.tasks).sum(),
            categories: rows.iter().map(|r| r.categories).sum(),
            agencies: ds.agencies.len(),
            indicators: rows.iter().map(|r| r.indicators).sum(),
            places: rows.iter().map(|r| r.places).sum(),
            problems: rows.iter().map(|r| r.problems).sum(),
        }
    }
}
