//! Statements: what the plans say without a number — a qualitative target
//! with its year ("四小时航空经济圈"成功构建, 2025) or a baseline fact (a
//! national ranking). Each is curated in `data/statements.toml` with the
//! verbatim snippet that states it, and shown beside the numbers.

use serde::{Deserialize, Serialize};

use crate::curated::{bad_file, locate, StatementsFile};
use crate::indicators::{PointKind, Reading};
use crate::{Document, Lang, Lines, Problem};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub id: String,
    /// What the statement is about ("四小时航空经济圈").
    pub name: String,
    pub name_en: String,
    pub document: String,
    /// The goal group it belongs to (a group of `data/indicators.toml`).
    pub group: String,
    /// Baseline (a fact the plan reports) or target (a goal).
    pub kind: PointKind,
    /// None when the text gives no year.
    pub year: Option<i32>,
    /// What it says, in a few words ("成功构建").
    pub claim: String,
    pub claim_en: String,
    /// The verbatim sentence, and the snippet inside it.
    pub quote: String,
    pub snippet: String,
    pub lines: Lines,
    pub note: Option<String>,
    pub note_en: Option<String>,
    /// Why it is read as it is, where that is a judgement.
    pub reading: Option<Reading>,
}

impl Statement {
    pub fn name_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.name,
            Lang::En => &self.name_en,
        }
    }
    pub fn claim_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.claim,
            Lang::En => &self.claim_en,
        }
    }
}

/// Every curated statement, located in its document; a record whose
/// snippet is missing is a problem of the data file.
pub fn build(
    documents: &[Document],
    records: &StatementsFile,
    groups: &[String],
    bad: &mut impl FnMut(&str, Problem),
) -> Vec<Statement> {
    let file = crate::curated::STATEMENTS.0;
    records
        .statement
        .iter()
        .filter_map(|r| {
            if !groups.contains(&r.group) {
                bad(
                    file,
                    bad_file(file, format!("{}: no group {}", r.id, r.group)),
                );
            }
            let (doc, quote, lines) =
                locate(file, documents, (&r.id, &r.document, &r.snippet), bad)?;
            Some(Statement {
                id: r.id.clone(),
                name: r.name.clone(),
                name_en: r.en.clone(),
                document: doc.id.clone(),
                group: r.group.clone(),
                kind: r.kind,
                year: r.year,
                claim: r.claim.clone(),
                claim_en: r.claim_en.clone(),
                quote,
                snippet: r.snippet.clone(),
                lines,
                note: r.note.clone(),
                note_en: r.note_en.clone(),
                reading: r.reading.clone(),
            })
        })
        .collect()
}
