//! The plan data model and its parsers.
//!
//! Architecture invariant: this module never depends on leptos, web-sys,
//! wasm-bindgen or plotters (a tidy test checks it). It cannot fail: parsers
//! return what they understood plus a list of [`Problem`]s, and every value
//! keeps the verbatim source text it came from.

pub mod agencies;
pub mod compiled;
pub mod curated;
pub mod export;
pub mod geo;
pub mod lang;
#[rustfmt::skip]
pub mod geodata;
pub mod grid;
pub mod growth;
pub mod import;
pub mod indicators;
pub mod kinds;
pub mod load;
pub mod places;
pub mod quantity;
pub mod query;
pub mod seeds;
pub mod split;
pub mod statements;
pub mod summary;
pub mod synthetic;
pub mod table;
pub mod text;
pub mod units;

use serde::{Deserialize, Serialize};

pub use agencies::{renames, Agency, AgencyKind, Registry, Rename};
pub use indicators::{Bound, Indicator, Measure, Point, PointKind};
pub use lang::Lang;
pub use places::{Place, PlaceKind};

/// What kind of plan document a seed is; decides which parser reads it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DocKind {
    /// 重点任务责任分工: numbered tasks with their responsible units.
    TaskSplit,
    /// 规划纲要: prose with chapters; targets and places are curated from it.
    PlanOutline,
    /// A news report.
    News,
    /// 目标任务分解表: a tab-separated table of yearly targets.
    TargetTable,
}

/// How a document assigns roles to the units it lists.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RoleRule {
    /// One 责任单位 column: every listed unit is responsible; list order is
    /// not read as lead (the documents do not say it is).
    AllResponsible,
    /// 责任单位 (lead) and 配合/参与单位 (support) columns.
    LeadAndSupport,
    /// The document assigns no tasks.
    NoTasks,
    /// 列第一位者为牵头单位: the first unit listed leads, the others support
    /// (stated once by the document, for what follows).
    FirstLeads,
    /// 明确牵头部门的，其他有关部门配合: a unit marked 牵头 leads and the
    /// others support; where none is marked, every unit is responsible.
    MarkedLeads,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// The seed's file name without extension.
    pub id: String,
    /// Short code shown to users and used in task ids ("000").
    pub code: String,
    pub file: String,
    pub title: String,
    pub title_en: String,
    pub kind: DocKind,
    /// Publication date (ISO 8601) when the document states one.
    pub date: Option<String>,
    /// One line on what the document is.
    pub summary: String,
    pub summary_en: String,
    pub role_rule: RoleRule,
    /// The whole text, byte for byte. Not in the compiled dataset: the app
    /// loads a document's text when a source view asks for it.
    #[serde(skip)]
    pub text: String,
}

impl Document {
    pub fn title_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.title,
            Lang::En => &self.title_en,
        }
    }
    pub fn summary_in(&self, lang: Lang) -> &str {
        match lang {
            Lang::Zh => &self.summary,
            Lang::En => &self.summary_en,
        }
    }
}

/// A name in both languages (a goal group, a task category).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Named {
    /// The document it belongs to (categories), or "" (groups).
    pub document: String,
    pub zh: String,
    pub en: String,
}

/// A unit of measure in English.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct UnitName {
    pub zh: String,
    pub en: String,
    pub en_short: String,
    /// A Chinese magnitude unit (万人, 亿元): the amount of its English
    /// base unit one of it is (10,000 people, 100 million yuan), so that
    /// English writes English magnitudes (1300万人 → 13 million people).
    pub scale: Option<(f64, String)>,
}

/// An id that moved: links carrying `old` are promises (routes, embeds), so
/// the route layer resolves them through this table (`data/aliases.toml`).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Alias {
    /// The id as links carry it.
    pub old: String,
    /// What it names now: `kind` and its id there.
    pub new: String,
    pub kind: AliasKind,
    pub reason: String,
    pub reason_en: String,
}

/// What an alias points at now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AliasKind {
    Indicator,
    Statement,
    Place,
}

/// An inclusive range of 1-based line numbers in a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lines {
    pub start: u32,
    pub end: u32,
}

impl Lines {
    pub fn one(line: u32) -> Self {
        Lines {
            start: line,
            end: line,
        }
    }
}

/// A unit's role on a task.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// 责任单位 (in 003: the lead column; in 000 and 004: every listed unit).
    Lead,
    /// 配合/参与单位.
    Support,
}

/// One unit named on a task, resolved to an agency.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub agency: String,
    pub role: Role,
    /// The unit exactly as the document writes it (after splitting and
    /// distributing a shared suffix), e.g. "省发改委" or "长株潭三市政府".
    pub as_written: String,
    /// A note attached in the source, e.g. "文化创意" in "省文化厅（文化创意）".
    pub note: Option<String>,
    /// 0-based position in the task's unit list.
    pub order: u32,
}

/// A year's (or the baseline's) target text of a task.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Target {
    /// None for the baseline (前期工作基础).
    pub year: Option<i32>,
    /// The column header, e.g. "2017年目标".
    pub label: String,
    pub text: String,
    /// `text` split at its numbered items (1、…；2、…).
    pub items: Vec<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProblemCode {
    /// A task has no 责任单位.
    MissingUnits,
    /// The last task has no 责任单位 because the file ends there.
    TruncatedUnits,
    /// A unit list ends with a separator (、，).
    TrailingSeparator,
    /// A run of `=` glued to a cell.
    GluedMarker,
    /// A unit is listed both as lead and as support on one task.
    LeadAlsoSupport,
    /// A unit list has an empty item between separators.
    EmptyUnit,
    /// A unit string that no registry entry knows.
    UnknownUnit,
    /// A row with fewer cells than the header.
    ShortRow,
    /// A row with more cells than the header.
    LongRow,
    /// A task number out of sequence.
    NumberGap,
    /// A line the parser could not place.
    StrayLine,
    /// A curated record (a data file's) that could not be read.
    BadRecord,
    /// A unit written twice in one cell (counted once).
    RepeatedUnit,
    /// An actual value whose indicator is neither the import's nor the
    /// dataset's (kept in the import, shown on no chart).
    UnmatchedActual,
}

/// Something odd found in the source: data, not a reason to stop.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Problem {
    pub code: ProblemCode,
    /// The offending text, verbatim where there is one.
    pub detail: String,
    /// 1-based line number in the document, when known.
    pub line: Option<u32>,
}

impl Problem {
    pub fn new(code: ProblemCode, detail: impl Into<String>, line: Option<u32>) -> Self {
        Problem {
            code,
            detail: detail.into(),
            line,
        }
    }
}

/// Who words the core's codes for a reader (the app's `words::WORDS`): the
/// core returns codes and values, never sentences, and takes this where
/// its output must carry words (the export's problem messages).
pub trait Wording {
    /// A problem the parsers found, worded in `lang`.
    fn problem(&self, p: &Problem, lang: Lang) -> String;
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Task {
    /// "<code>-<seq>", e.g. "000-42"; stable, used in routes.
    pub id: String,
    pub document: String,
    /// The number as the document writes it ("42"; in 003 the number within its group).
    pub number: String,
    /// 1-based position in the document.
    pub seq: u32,
    pub category: String,
    /// The task itself: 具体内容 / 重点任务 / 工作内容.
    pub text: String,
    pub units: Vec<Assignment>,
    pub targets: Vec<Target>,
    /// The task's source lines, verbatim (joined with '\n').
    pub quote: String,
    pub lines: Lines,
    pub problems: Vec<Problem>,
}

impl Task {
    pub fn lead(&self) -> impl Iterator<Item = &Assignment> {
        self.units.iter().filter(|a| a.role == Role::Lead)
    }
    pub fn support(&self) -> impl Iterator<Item = &Assignment> {
        self.units.iter().filter(|a| a.role == Role::Support)
    }
    /// The role `agency` has in this task: lead if it leads it (even if also
    /// listed as support), support if only listed as support, None if not named.
    pub fn role_of(&self, agency: &str) -> Option<Role> {
        let mut role = None;
        for a in self.units.iter().filter(|a| a.agency == agency) {
            if a.role == Role::Lead {
                return Some(Role::Lead);
            }
            role = Some(a.role);
        }
        role
    }
}

/// The items of `it` in order, each once.
pub fn unique<T: PartialEq>(it: impl IntoIterator<Item = T>) -> Vec<T> {
    let mut out = Vec::new();
    for x in it {
        if !out.contains(&x) {
            out.push(x);
        }
    }
    out
}

/// Everything the app shows, derived from the seed documents and the
/// curated records of `data/`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Dataset {
    pub documents: Vec<Document>,
    pub tasks: Vec<Task>,
    pub agencies: Vec<Agency>,
    pub indicators: Vec<Indicator>,
    pub places: Vec<Place>,
    pub milestones: Vec<growth::Milestone>,
    /// What the plans say without a number: qualitative targets, rankings.
    pub statements: Vec<statements::Statement>,
    /// The goal groups of the indicators, in display order.
    pub groups: Vec<Named>,
    /// Task categories in English.
    pub categories: Vec<Named>,
    pub units: Vec<UnitName>,
    /// Ids that moved, old → new (routes resolve old links through them).
    pub aliases: Vec<Alias>,
    /// Problems that belong to a document (or a data file) rather than to one task.
    pub problems: Vec<(String, Problem)>,
    /// Positions by id, built on first use (lookups stay cheap at 100× the data).
    #[serde(skip)]
    index: Index,
}

/// Where each agency, task and indicator is in the dataset, by id. Its
/// fields are public, so a dataset may be changed after a lookup: a clone
/// starts without an index and builds its own.
#[derive(Default)]
struct Index(std::sync::OnceLock<IndexMaps>);

impl Clone for Index {
    fn clone(&self) -> Self {
        Index::default()
    }
}

#[derive(Default)]
struct IndexMaps {
    agencies: std::collections::HashMap<String, usize>,
    tasks: std::collections::HashMap<String, usize>,
    indicators: std::collections::HashMap<String, usize>,
}

impl std::fmt::Debug for Index {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Index")
    }
}

/// An index is derived from the data: two datasets with the same data are equal.
impl PartialEq for Index {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Dataset {
    /// Parse the five embedded seed documents with the curated records.
    pub fn load() -> Dataset {
        let mut problems = Vec::new();
        let curated = curated::load(&mut problems);
        let documents = seeds::documents(&curated.documents, &mut problems);
        Self::build(documents, &curated, problems)
    }

    /// Build a dataset from documents: each is read by the parser its kind
    /// names; the curated records are located in them.
    pub fn build(
        documents: Vec<Document>,
        curated: &curated::Curated,
        mut problems: Vec<(String, Problem)>,
    ) -> Dataset {
        let mut registry = Registry::from_records(&curated.agencies);
        let mut tasks = Vec::new();
        for doc in &documents {
            let parsed = match doc.kind {
                DocKind::TaskSplit => split::parse(doc, &mut registry),
                DocKind::TargetTable => table::parse(doc, &mut registry),
                DocKind::PlanOutline | DocKind::News => continue,
            };
            tasks.extend(parsed.tasks);
            problems.extend(parsed.problems.into_iter().map(|p| (doc.id.clone(), p)));
        }
        let units: Vec<UnitName> = curated
            .units
            .unit
            .iter()
            .map(|u| UnitName {
                zh: u.zh.clone(),
                en: u.en.clone(),
                en_short: u.en_short.clone(),
                scale: u.scale.zip(u.en_base.clone()),
            })
            .collect();
        let mut bad = |file: &str, p: Problem| problems.push((file.to_string(), p));
        let indicators =
            indicators::build(&documents, &tasks, &curated.indicators, &units, &mut bad);
        let places = places::build(&documents, &curated.places, &mut bad);
        let milestones = growth::milestones(&documents, &curated.milestones, &mut bad);
        let group_names: Vec<String> = curated
            .indicators
            .group
            .iter()
            .map(|g| g.zh.clone())
            .collect();
        let statements = statements::build(&documents, &curated.statements, &group_names, &mut bad);
        let agencies = registry.into_used(&tasks);
        let groups = curated
            .indicators
            .group
            .iter()
            .map(|g| Named {
                document: String::new(),
                zh: g.zh.clone(),
                en: g.en.clone(),
            })
            .collect();
        let categories = curated
            .documents
            .document
            .iter()
            .flat_map(|d| {
                let id = documents
                    .iter()
                    .find(|x| x.code == d.code)
                    .map(|x| x.id.clone())
                    .unwrap_or_default();
                d.category.iter().map(move |c| Named {
                    document: id.clone(),
                    zh: c.zh.clone(),
                    en: c.en.clone(),
                })
            })
            .collect();
        Dataset {
            documents,
            tasks,
            agencies,
            indicators,
            places,
            milestones,
            statements,
            groups,
            categories,
            units,
            aliases: curated.aliases.alias.clone(),
            problems,
            index: Index::default(),
        }
    }

    /// Forget the lookup index (after changing the dataset's items).
    pub fn reindex(&mut self) {
        self.index = Index::default();
    }

    fn maps(&self) -> &IndexMaps {
        self.index.0.get_or_init(|| {
            let by_id = |ids: &mut dyn Iterator<Item = &String>| {
                let mut m = std::collections::HashMap::new();
                for (i, id) in ids.enumerate() {
                    m.entry(id.clone()).or_insert(i);
                }
                m
            };
            IndexMaps {
                agencies: by_id(&mut self.agencies.iter().map(|a| &a.id)),
                tasks: by_id(&mut self.tasks.iter().map(|t| &t.id)),
                indicators: by_id(&mut self.indicators.iter().map(|i| &i.id)),
            }
        })
    }

    /// The position of an agency in `agencies`.
    pub fn agency_index(&self, id: &str) -> Option<usize> {
        self.maps().agencies.get(id).copied()
    }

    pub fn document(&self, id: &str) -> Option<&Document> {
        self.documents.iter().find(|d| d.id == id)
    }
    pub fn task(&self, id: &str) -> Option<&Task> {
        self.maps().tasks.get(id).map(|&i| &self.tasks[i])
    }
    pub fn agency(&self, id: &str) -> Option<&Agency> {
        self.agency_index(id).map(|i| &self.agencies[i])
    }
    /// An agency's canonical name ("" if unknown).
    pub fn agency_name(&self, id: &str) -> &str {
        self.agency(id).map_or("", |a| a.name.as_str())
    }
    /// Whether `id` is a collective unit (各市州人民政府 …), not one agency.
    pub fn is_collective(&self, id: &str) -> bool {
        self.agency(id)
            .is_some_and(|a| a.kind == AgencyKind::Collective)
    }
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.maps().indicators.get(id).map(|&i| &self.indicators[i])
    }
    pub fn statement(&self, id: &str) -> Option<&statements::Statement> {
        self.statements.iter().find(|s| s.id == id)
    }
    /// Where an id that moved lives now (an old link's id), or None.
    /// The English of a unit of measure (`data/units.toml`).
    pub fn unit(&self, zh: &str) -> Option<&UnitName> {
        self.units.iter().find(|u| u.zh == zh)
    }
    pub fn alias(&self, old: &str) -> Option<&Alias> {
        self.aliases.iter().find(|a| a.old == old)
    }
    pub fn place(&self, id: &str) -> Option<&Place> {
        self.places.iter().find(|p| p.id == id)
    }
    pub fn tasks_of<'a>(&'a self, document: &'a str) -> impl Iterator<Item = &'a Task> + 'a {
        self.tasks.iter().filter(move |t| t.document == document)
    }
    /// The documents that have tasks, in order.
    pub fn task_documents(&self) -> impl Iterator<Item = &Document> {
        self.documents
            .iter()
            .filter(|d| self.tasks_of(&d.id).next().is_some())
    }
    /// Categories of a document in document order, each once.
    pub fn categories_of<'a>(&'a self, document: &'a str) -> Vec<&'a str> {
        unique(self.tasks_of(document).map(|t| t.category.as_str()))
    }
}

/// What a parser returns: the tasks it understood and the problems it met.
#[derive(Debug, Default)]
pub struct Parsed {
    pub tasks: Vec<Task>,
    pub problems: Vec<Problem>,
}
