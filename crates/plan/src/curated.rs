//! Curated records: what the plans say that no parser reads on its own —
//! the documents' titles, the agency registry, the snippets that hold
//! indicator values, places and their coordinates, milestones — kept as data
//! files in `data/` (Chinese as the documents write it, English reviewed
//! beside it) and compiled into the dataset at build time.
//!
//! Every record that claims something about a document holds a verbatim
//! snippet of it; [`crate::Dataset::load`] locates each snippet and reads
//! values from it. A record that cannot be read (a malformed file, a snippet
//! not found, a value that is not there) becomes a [`crate::Problem`] of the
//! data file, never a silent gap.

use serde::{Deserialize, Serialize};

use crate::kinds::{AgencyKind, Measure, NameChange, PlaceKind, PointKind, Reading};
use crate::{DocKind, Problem, ProblemCode};

/// The data files, embedded (the build reads them; the app never parses them).
pub const DOCUMENTS: (&str, &str) = (
    "data/documents.toml",
    include_str!("../../../data/documents.toml"),
);
pub const AGENCIES: (&str, &str) = (
    "data/agencies.toml",
    include_str!("../../../data/agencies.toml"),
);
pub const INDICATORS: (&str, &str) = (
    "data/indicators.toml",
    include_str!("../../../data/indicators.toml"),
);
pub const PLACES: (&str, &str) = (
    "data/places.toml",
    include_str!("../../../data/places.toml"),
);
pub const MILESTONES: (&str, &str) = (
    "data/milestones.toml",
    include_str!("../../../data/milestones.toml"),
);
pub const UNITS: (&str, &str) = ("data/units.toml", include_str!("../../../data/units.toml"));
pub const ALIASES: (&str, &str) = (
    "data/aliases.toml",
    include_str!("../../../data/aliases.toml"),
);
pub const OMITTED: (&str, &str) = (
    "data/omitted.toml",
    include_str!("../../../data/omitted.toml"),
);
pub const STATEMENTS: (&str, &str) = (
    "data/statements.toml",
    include_str!("../../../data/statements.toml"),
);

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentsFile {
    pub document: Vec<DocumentRec>,
}

/// What a seed document is: its text says neither its kind nor, in one
/// place, its title.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentRec {
    /// Short code shown to users and used in task ids ("000").
    pub code: String,
    /// The seed's file name in `seeds/`.
    pub file: String,
    pub kind: DocKind,
    pub title: String,
    pub title_en: String,
    pub summary: String,
    pub summary_en: String,
    /// The document's task categories in English (keyed by the Chinese).
    #[serde(default)]
    pub category: Vec<CategoryRec>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CategoryRec {
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgenciesFile {
    pub agency: Vec<AgencyRec>,
    #[serde(default)]
    pub shorthand: Vec<ShorthandRec>,
    #[serde(default)]
    pub spelling: Vec<SpellingRec>,
}

/// A registry entry: one agency under the names it carried.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgencyRec {
    /// Stable ASCII id used in routes and exports.
    pub id: String,
    /// Canonical name (the name after the 2018 reform where there was one).
    pub name: String,
    pub en: String,
    /// A short English name for labels, where `en` is long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_short: Option<String>,
    pub kind: AgencyKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub former: Vec<FormerRec>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// An agency the 2018 reform kept under its own name, now managed by
    /// another (省知识产权局 under 省市场监管局): what the reform did, and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub continued: Option<ContinuedRec>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FormerRec {
    pub name: String,
    pub why: NameChange,
    /// The former name in English (a reform or merged name).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
    /// When the reform changed it ("2018"), a reform or merged name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// What the reform did to it, as we read the reform's wording.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason_en: Option<String>,
    /// Where that is written (a source outside the seeds says so).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source_en: Option<String>,
}

/// An agency the reform kept under its own name, managed by another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ContinuedRec {
    /// The id of the agency that manages it since the reform.
    pub managed_by: String,
    pub date: String,
    pub reason: String,
    pub reason_en: String,
    pub source: String,
    pub source_en: String,
}

/// A name that stands for several agencies (长株潭三市政府).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ShorthandRec {
    pub name: String,
    pub means: Vec<String>,
}

/// The same unit written longer or shorter (长沙市政府 = 长沙市人民政府).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SpellingRec {
    pub name: String,
    pub agency: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorsFile {
    /// The goal groups, in the order the targets page shows them.
    pub group: Vec<GroupRec>,
    pub indicator: Vec<IndicatorRec>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupRec {
    pub zh: String,
    pub en: String,
}

/// An indicator and the snippets that hold its values.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IndicatorRec {
    pub id: String,
    pub name: String,
    pub en: String,
    pub unit: String,
    /// The document's code ("001").
    pub document: String,
    /// The group's Chinese name (see `group`).
    pub group: String,
    pub measure: Measure,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// Why the indicator is read as it is (stock or flow, …), where that is a judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
    pub point: Vec<PointRec>,
}

/// One value of an indicator: read from `snippet`, which must occur in the
/// document (for a target table: in that year's cell).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PointRec {
    /// None when the source gives no year.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub kind: PointKind,
    pub snippet: String,
    /// Which quantity of the snippet is the value (0 = the first).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub pick: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// Why the value is read as it is, where that is a judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlacesFile {
    pub place: Vec<PlaceRec>,
}

/// A place or spatial element, with the snippet that names it in its
/// defining sentence, and where it is when no generated source has it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlaceRec {
    pub id: String,
    pub name: String,
    pub en: String,
    /// A short English map label, where `en` is long.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en_short: Option<String>,
    pub kind: PlaceKind,
    pub document: String,
    pub snippet: String,
    /// The structural element the place belongs to (a cluster, a belt, a bank).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Placed by hand (approximate): [lon, lat].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub at: Option<[f64; 2]>,
    /// A line feature's course, placed by hand: [[lon, lat], …].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub line: Option<Vec<[f64; 2]>>,
    /// Where a line or area feature's label goes: [lon, lat].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<[f64; 2]>,
    /// A river of the generated geodata whose course the feature follows ("xiang").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub river: Option<String>,
    /// An area's outline, placed by hand: [[lon, lat], …].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area: Option<Vec<[f64; 2]>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// Why the place is read as it is (its kind, one place or two).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestonesFile {
    pub milestone: Vec<MilestoneRec>,
}

/// A date in the plans' history.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MilestoneRec {
    pub year: i32,
    /// The date as precise as the text gives it ("2013-11", "2021-01-12").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub document: String,
    pub snippet: String,
    pub label: String,
    pub en: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    /// Why the date is read as it is, where that is a judgement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitsFile {
    pub unit: Vec<UnitRec>,
}

/// A unit of measure in English: in full, and short for axis labels
/// (counts such as 个 have no English word).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitRec {
    pub zh: String,
    pub en: String,
    pub en_short: String,
    /// A magnitude unit: how many of `en_base` one of it is.
    #[serde(default)]
    pub scale: Option<f64>,
    #[serde(default)]
    pub en_base: Option<String>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementsFile {
    pub statement: Vec<StatementRec>,
}

/// What a plan says without a number: a qualitative target or a baseline fact.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StatementRec {
    pub id: String,
    pub name: String,
    pub en: String,
    pub document: String,
    pub group: String,
    pub kind: PointKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    pub claim: String,
    pub claim_en: String,
    pub snippet: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note_en: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reading: Option<Reading>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AliasesFile {
    #[serde(default)]
    pub alias: Vec<crate::Alias>,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OmittedFile {
    #[serde(default)]
    pub omitted: Vec<OmittedRec>,
}

/// What a seed says that the dataset leaves out on purpose, and why.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OmittedRec {
    /// The document's code ("001").
    pub document: String,
    /// What it is: number, place, date, commitment, name.
    pub what: String,
    /// The text left out, verbatim (a number with its unit, a name, a date).
    pub text: String,
    pub reason: String,
    pub reason_en: String,
}

/// What the dataset leaves out of the seeds on purpose (`data/omitted.toml`):
/// read by the coverage test, not part of the dataset.
pub fn omitted(problems: &mut Vec<(String, Problem)>) -> OmittedFile {
    read(OMITTED, problems)
}

/// Every curated record, read from the data files.
#[derive(Clone, Debug, Default)]
pub struct Curated {
    pub documents: DocumentsFile,
    pub agencies: AgenciesFile,
    pub indicators: IndicatorsFile,
    pub places: PlacesFile,
    pub milestones: MilestonesFile,
    pub units: UnitsFile,
    pub statements: StatementsFile,
    pub aliases: AliasesFile,
}

/// A data file that could not be read, as a problem of that file.
pub fn bad_file(file: &str, err: impl std::fmt::Display) -> Problem {
    Problem::new(ProblemCode::BadRecord, format!("{file}: {err}"), None)
}

/// A record's document (by code) and the sentence its snippet stands in;
/// either missing is a problem of the data file, and the record is dropped.
pub fn locate<'a>(
    file: &str,
    documents: &'a [crate::Document],
    (id, document, snippet): (&str, &str, &str),
    bad: &mut impl FnMut(&str, Problem),
) -> Option<(&'a crate::Document, String, crate::Lines)> {
    let Some(doc) = documents.iter().find(|d| d.code == document) else {
        bad(
            file,
            bad_file(file, format!("{id}: no document {document}")),
        );
        return None;
    };
    let Some((quote, lines)) = crate::text::sentence_of(&doc.text, snippet) else {
        bad(
            file,
            bad_file(
                file,
                format!("{id}: snippet not in {}: {snippet}", doc.code),
            ),
        );
        return None;
    };
    Some((doc, quote, lines))
}

fn read<T: Default + for<'de> Deserialize<'de>>(
    (file, text): (&str, &str),
    problems: &mut Vec<(String, Problem)>,
) -> T {
    toml::from_str(text).unwrap_or_else(|e| {
        problems.push((file.to_string(), bad_file(file, e)));
        T::default()
    })
}

/// Read every data file; a file that does not parse is a problem (and empty).
pub fn load(problems: &mut Vec<(String, Problem)>) -> Curated {
    Curated {
        documents: read(DOCUMENTS, problems),
        agencies: read(AGENCIES, problems),
        indicators: read(INDICATORS, problems),
        places: read(PLACES, problems),
        milestones: read(MILESTONES, problems),
        units: read(UNITS, problems),
        statements: read(STATEMENTS, problems),
        aliases: read(ALIASES, problems),
    }
}
