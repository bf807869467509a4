//! The importer (issue 13): a plan document a visitor pastes or drops —
//! text, `.txt`, `.csv`, `.tsv`, `.docx`, `.xlsx` — read by the same parsers
//! as the seeds into tasks, agencies, indicators and actual values, with a
//! report of what was understood.
//!
//! [`import`] never panics and runs in time linear in its input: it refuses
//! what it cannot read with an [`ImportError`] (a one-line reason in Chinese
//! and English), and otherwise returns an [`Import`]: a document whose text
//! is kept whole (quotes and line ranges point into it), the items, the
//! problems, and a [`Report`] (the detected kind, layout, columns and role
//! rule — each can be forced through [`ImportOptions`] and the import run
//! again —, counts, every line not used, every guess). [`merge`] adds an
//! import to a [`Dataset`] under ids of its own, so every view works on it.
//!
//! Reading, in order: bytes → text ([`decode`]); the text normalised
//! character for character ([`crate::text::normalize`]: full-width digits,
//! traditional characters), so line numbers stay the input's; then a table
//! of actual values, an indicator table or a task table (a row per line) if
//! a header says so, else a task split ([`crate::split`]) and targets in the
//! prose around it ([`targets`]).

pub mod actuals;
#[cfg(not(target_arch = "wasm32"))]
pub mod corpus;
pub mod decode;
mod format;
#[cfg(feature = "office")]
pub mod office;
pub mod targets;

use serde::{Deserialize, Serialize};

use crate::agencies::{Agency, Registry};
use crate::indicators::Indicator;
use crate::split::Layout;
use crate::table::Column;
use crate::text::{clean_cell, find_date, normalize};
use crate::{Dataset, DocKind, Document, Lang, Named, Problem, ProblemCode, RoleRule, Task};
pub use actuals::{apply, status, Actual, Progress, Status};
pub use decode::{Format, MAX_BYTES};
mod error;
mod merge;
pub mod saved;
mod seen;
pub use error::*;
pub use merge::*;
pub use seen::*;

/// What an import is read as.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportKind {
    /// 重点任务责任分工 / 目标任务分解表: tasks with units.
    Tasks,
    /// An indicator table (指标, 基期, 2025年目标, 属性 …) or a yearly table.
    Indicators,
    /// Plan prose with targets (到2025年，…达到…).
    Prose,
    /// A table of actual values (indicator, year, value, source).
    Actuals,
}

/// How the content was laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportLayout {
    /// Tasks in numbered prose, one cell per line, or a row per line.
    Tasks(Layout),
    /// An indicator table, rows of indicators.
    IndicatorTable,
    /// An indicator table with indicators across and years down.
    TransposedTable,
    /// Prose.
    Prose,
    /// A table of actual values.
    ActualsTable,
}

/// What a reader may force; each is detected when not given. Every field
/// may be left out of its JSON (`{}` is the default: today's reading).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ImportOptions {
    /// The document code used in ids ("imp1" → tasks "imp1-1").
    pub code: String,
    pub kind: Option<ImportKind>,
    /// One column per header cell, in order (tables).
    pub columns: Option<Vec<Column>>,
    pub role_rule: Option<RoleRule>,
    /// The year 今年 means (default: the document's date, if it states one).
    pub year: Option<i32>,
    /// The table's header line (1-based), instead of the one found: a line
    /// of cells (tabs, runs of spaces) or the first cell of a table one cell
    /// per line (then `columns` says how many cells the header has).
    pub header_line: Option<u32>,
    /// Read the table sideways (indicators across, years down: true) or as
    /// rows of indicators (false), instead of guessing.
    pub transpose: Option<bool>,
    /// The year of targets the text gives without one: sentences under no
    /// year, a target column whose header names none.
    pub undated_year: Option<i32>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            code: "imp1".into(),
            kind: None,
            columns: None,
            role_rule: None,
            year: None,
            header_line: None,
            transpose: None,
            undated_year: None,
        }
    }
}

/// A header line the reader names: (0-based line, rows split at spaces?,
/// one cell per line?, the kind its columns say).
fn named_header(text: &str, opts: &ImportOptions) -> Option<(usize, bool, bool, ImportKind)> {
    let at = (opts.header_line?.checked_sub(1)?) as usize;
    let line = text.split('\n').nth(at)?;
    let (spaces, grid) = if line.contains('\t') {
        (false, false)
    } else if crate::table::cells_of(line, true).len() >= 2 {
        (true, false)
    } else {
        (false, true)
    };
    let cols: Vec<Column> = match &opts.columns {
        Some(c) => c.clone(),
        None if grid => vec![crate::table::header_col(clean_cell(line)).unwrap_or(Column::Other)],
        None => crate::table::cells_of(line, spaces)
            .iter()
            .map(|c| crate::table::header_col(c).unwrap_or(Column::Other))
            .collect(),
    };
    let has = |f: &dyn Fn(&Column) -> bool| cols.iter().any(f);
    let kind = opts.kind.unwrap_or(
        if has(&|c| {
            matches!(
                c,
                Column::Responsible | Column::Lead | Column::Support | Column::Task
            )
        }) {
            ImportKind::Tasks
        } else if has(&|c| matches!(c, Column::Period | Column::Value))
            && !has(&|c| matches!(c, Column::Year(_) | Column::Baseline(_) | Column::Target))
        {
            ImportKind::Actuals
        } else {
            ImportKind::Indicators
        },
    );
    Some((at, spaces, grid, kind))
}

/// A guess the importer made, for the reader to check.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GuessCode {
    /// No role rule stated and no unit marked: every unit is responsible.
    AllResponsible,
    /// Roles by position (列第一位者为牵头单位): the first unit leads.
    RoleByPosition,
    /// A unit the registry does not know, classified by its name.
    UnknownUnit,
    /// The earliest year column read as the baseline.
    BaselineByPosition,
    /// A value whose year the text does not give (今年 without a date).
    NoYear,
    /// Automatic numbering of a .docx written out.
    AutoNumbering,
    /// An actual value whose indicator was not found.
    UnmatchedActual,
    /// Values without a year read as the year of the work a split names
    /// (2018年政府工作任务).
    YearOfTheWork,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Guess {
    pub code: GuessCode,
    pub detail: String,
    pub line: Option<u32>,
}

/// A line the importer did not use.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Unused {
    pub line: u32,
    pub text: String,
}

/// A header cell and the column it was read as.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ColumnUse {
    pub label: String,
    pub column: Column,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Counts {
    pub lines: u32,
    pub tasks: u32,
    /// Unit assignments over all tasks.
    pub units: u32,
    pub agencies: u32,
    /// Agencies the registry does not know.
    pub unknown_agencies: u32,
    pub leaders: u32,
    pub indicators: u32,
    pub points: u32,
    pub actuals: u32,
}

/// What the importer understood.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub format: Format,
    pub encoding: String,
    pub kind: ImportKind,
    pub layout: ImportLayout,
    /// The table header and how each cell was read (empty for prose).
    pub columns: Vec<ColumnUse>,
    pub role_rule: RoleRule,
    /// The line stating the role rule, if the document states one.
    pub role_rule_line: Option<u32>,
    /// True when the kind, columns or role rule were forced.
    pub forced: bool,
    pub counts: Counts,
    pub unused: Vec<Unused>,
    pub guesses: Vec<Guess>,
    /// When nothing could be read as tasks, targets or actual values: what
    /// the importer saw, every part of it a guess for the reader to check
    /// (and correct with [`ImportOptions`]).
    #[serde(default)]
    pub seen: Option<Seen>,
}

/// A person named on a task (分管副省长：…), kept apart from units.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Leader {
    pub task: String,
    pub name: String,
    pub line: u32,
}

/// An imported document and what was read from it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Import {
    /// The file name given (or "" for pasted text).
    pub name: String,
    /// The document (its `text` is not serialised: see `text`).
    pub document: Document,
    /// The text as read (a table's cells separated by tabs): quotes and
    /// line ranges point into it.
    pub text: String,
    pub tasks: Vec<Task>,
    /// The agencies the tasks name: registry entries with their ids and
    /// English names, others classified by the fallback.
    pub agencies: Vec<Agency>,
    pub indicators: Vec<Indicator>,
    pub actuals: Vec<Actual>,
    pub leaders: Vec<Leader>,
    /// Problems of the document (each task carries its own).
    pub problems: Vec<Problem>,
    pub report: Report,
}

/// A phase of the import, for a progress callback.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    Decode,
    Tables,
    Tasks,
    Targets,
    Done,
}

/// Import a file or pasted text (`name` may be "" for pasted text; its
/// extension picks CSV, HTML, .docx or .xlsx reading).
pub fn import(name: &str, bytes: &[u8], opts: &ImportOptions) -> Result<Import, ImportError> {
    import_with(name, bytes, opts, &mut |_| true)
}

/// [`import`] with a callback told each phase; returning false cancels.
pub fn import_with(
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Phase) -> bool,
) -> Result<Import, ImportError> {
    import_with_registry(name, bytes, opts, progress, Registry::seeded())
}

/// [`import_with`] resolving units against `registry` (the importer's wasm
/// brings its registry compiled, without the TOML reader).
pub fn import_with_registry(
    name: &str,
    bytes: &[u8],
    opts: &ImportOptions,
    progress: &mut dyn FnMut(Phase) -> bool,
    registry: Registry,
) -> Result<Import, ImportError> {
    let mut step = |p: Phase| {
        if progress(p) {
            Ok(())
        } else {
            Err(ImportError::Cancelled)
        }
    };
    step(Phase::Decode)?;
    let decoded = decode::decode(name, bytes)?;
    let shown = decoded.text;
    let text = crate::text::strip_glosses(&normalize(&shown)).into_owned();
    let code = if opts.code.is_empty() {
        "imp1"
    } else {
        opts.code.as_str()
    };
    let date = find_date(&shown);
    let year = opts
        .year
        .or_else(|| date.as_deref().and_then(|d| d[..4].parse().ok()));
    let mut doc = Document {
        id: code.to_string(),
        code: code.to_string(),
        file: name.to_string(),
        title: title_of(&shown),
        title_en: String::new(),
        kind: DocKind::TaskSplit,
        date,
        summary: String::new(),
        summary_en: String::new(),
        role_rule: RoleRule::AllResponsible,
        text: text.clone(),
    };
    let mut registry = registry;
    let mut columns = Vec::new();
    let mut used: Vec<u32> = Vec::new();
    let mut guesses = Vec::new();
    let mut tasks = Vec::new();
    let mut problems = Vec::new();
    let mut leaders = Vec::new();
    let mut indicators = Vec::new();
    let mut actual_rows = Vec::new();
    let mut rule_line = None;
    let mut marked = false;
    let forced_cols = opts.columns.as_deref();

    step(Phase::Tables)?;
    // Tables first: a header line decides (the reader's, if named).
    let named = named_header(&text, opts);
    let named_as = |k: ImportKind| named.filter(|n| n.3 == k && !n.2).map(|n| (n.0, n.1));
    let (task_table, ind_table, act_table) = match named {
        Some(_) => (
            named_as(ImportKind::Tasks),
            named_as(ImportKind::Indicators),
            named_as(ImportKind::Actuals),
        ),
        None => (
            crate::table::find_header(&text),
            targets::find_header(&text),
            actuals::find_header(&text),
        ),
    };
    let first = |h: Option<(usize, bool)>| h.map_or(usize::MAX, |h| h.0);
    let table_kind = [
        (first(act_table), ImportKind::Actuals),
        (first(task_table), ImportKind::Tasks),
        (first(ind_table), ImportKind::Indicators),
    ]
    .into_iter()
    .filter(|(at, _)| *at != usize::MAX)
    .min_by_key(|(at, _)| *at)
    .map(|(_, k)| k);
    let kind_wanted = opts.kind.or(table_kind);
    let stated = text
        .split('\n')
        .enumerate()
        .filter(|(_, l)| l.len() <= 1200)
        .find_map(|(i, l)| crate::units::rule_stated(l).map(|r| (i as u32 + 1, r)));
    doc.role_rule = opts
        .role_rule
        .or(stated.map(|s| s.1))
        .unwrap_or(RoleRule::AllResponsible);
    let mut layout = ImportLayout::Prose;
    let mut kind = ImportKind::Prose;

    match kind_wanted {
        Some(ImportKind::Actuals) if act_table.is_some() || forced_cols.is_some() => {
            let (at, spaces) =
                act_table.unwrap_or((0, text.contains("  ") && !text.contains('\t')));
            let (rows, header, bad) = actuals::parse_table(&text, &shown, at, spaces, forced_cols);
            columns = header;
            used.push(at as u32 + 1);
            used.extend(rows.iter().map(|r| r.line));
            let _ = bad;
            actual_rows = rows;
            kind = ImportKind::Actuals;
            layout = ImportLayout::ActualsTable;
        }
        Some(ImportKind::Indicators) if ind_table.is_some() || forced_cols.is_some() => {
            let (at, spaces) = ind_table.unwrap_or((0, !text.contains('\t')));
            let f = targets::parse_table(
                &text,
                &shown,
                code,
                code,
                at,
                spaces,
                &targets::Forced {
                    columns: forced_cols,
                    transpose: opts.transpose,
                    undated_year: opts.undated_year,
                },
            );
            columns = f.header.clone();
            used.extend(&f.used);
            guesses.extend(f.guesses);
            layout = if f.transposed {
                ImportLayout::TransposedTable
            } else {
                ImportLayout::IndicatorTable
            };
            indicators = f.indicators;
            kind = ImportKind::Indicators;
        }
        Some(ImportKind::Tasks) if task_table.is_some() => {
            let (_, spaces) = task_table.unwrap_or((0, false));
            doc.kind = DocKind::TargetTable;
            let topts = crate::table::TableOptions {
                columns: opts.columns.clone(),
                role_rule: opts.role_rule.or(stated.map(|s| s.1)),
                spaces,
                header_line: opts.header_line.filter(|_| named.is_some()),
            };
            // Without a stated rule, a table's units are all responsible
            // unless a column or a marker says otherwise.
            let (parsed, found) = crate::table::parse_with(&doc, &mut registry, &topts);
            columns = found.header.clone();
            used.extend(&found.header_lines);
            marked = found.marked;
            leaders.extend(found.leaders);
            tasks = parsed.tasks;
            problems = parsed.problems;
            kind = ImportKind::Tasks;
            layout = ImportLayout::Tasks(if spaces {
                Layout::SpacedRows
            } else {
                Layout::Rows
            });
        }
        _ => {}
    }
    // No table on lines of their own: one cell per line?
    let mut in_table: Vec<u32> = Vec::new();
    let named_grid = named.filter(|n| n.2 && n.3 == ImportKind::Indicators);
    if (table_kind.is_none() || named_grid.is_some())
        && matches!(opts.kind, None | Some(ImportKind::Indicators))
    {
        let grids = match named_grid {
            Some(n) => crate::grid::table_from(&text, n.0, opts.columns.as_deref())
                .into_iter()
                .collect(),
            None => crate::grid::find(&text),
        };
        if !grids.is_empty() {
            let f = targets::parse_grids(&grids, &shown, code, code, opts.undated_year.or(year));
            if !f.indicators.is_empty() {
                columns = f.header.clone();
                used.extend(&f.used);
                in_table.extend(&f.used);
                guesses.extend(f.guesses);
                indicators = f.indicators;
                kind = ImportKind::Indicators;
                layout = ImportLayout::IndicatorTable;
            }
        }
    }

    if kind_wanted.is_none()
        || kind_wanted == Some(ImportKind::Tasks) && tasks.is_empty()
        || matches!(kind_wanted, Some(ImportKind::Prose))
    {
        step(Phase::Tasks)?;
        if kind_wanted != Some(ImportKind::Prose) {
            let sopts = crate::split::Options {
                columns: opts.columns.clone(),
                role_rule: opts.role_rule,
            };
            let (parsed, found) = crate::split::parse_with(&doc, &mut registry, &sopts);
            let with_units = parsed.tasks.iter().filter(|t| !t.units.is_empty()).count();
            if with_units > 0 || kind_wanted == Some(ImportKind::Tasks) {
                columns = found.header.clone();
                used.extend(&found.used);
                rule_line = found.rule_line;
                marked = found.marked;
                leaders.extend(found.leaders);
                tasks = parsed.tasks;
                problems = parsed.problems;
                kind = ImportKind::Tasks;
                layout = ImportLayout::Tasks(found.layout);
            }
        }
        step(Phase::Targets)?;
        // Targets in the prose, the tasks' text too (发展目标, a task whose
        // title is a target: 地区生产总值增长7%以上), not in a table read.
        let mut in_task = vec![false; text.split('\n').count() + 2];
        for l in &in_table {
            if let Some(x) = in_task.get_mut(*l as usize) {
                *x = true;
            }
        }
        let skip = |l: u32| in_task.get(l as usize).copied().unwrap_or(false);
        // A split of one year's work (2018年政府工作任务): what its tasks
        // state without a year is for that year, a guess the visitor sees.
        let work = (opts.undated_year.is_none() && !tasks.is_empty())
            .then(|| targets::work_year(&text))
            .flatten();
        if let Some(y) = work {
            guesses.push(Guess {
                code: GuessCode::YearOfTheWork,
                detail: y.to_string(),
                line: None,
            });
        }
        let undated = opts.undated_year.or(work);
        let mut f = targets::parse_prose(&text, &shown, code, code, &skip, year, undated);
        used.extend(&f.used);
        guesses.extend(f.guesses);
        if !f.indicators.is_empty() && tasks.is_empty() && indicators.is_empty() {
            kind = ImportKind::Prose;
            layout = ImportLayout::Prose;
        }
        // A value stated in a task belongs to it.
        let mut spans: Vec<(u32, u32, &str)> = tasks
            .iter()
            .map(|t| (t.lines.start, t.lines.end, t.id.as_str()))
            .collect();
        spans.sort_unstable();
        for p in f.indicators.iter_mut().flat_map(|i| i.points.iter_mut()) {
            let k = spans.partition_point(|s| s.0 <= p.lines.start);
            if let Some(s) = k.checked_sub(1).map(|k| spans[k]) {
                if p.lines.start <= s.1 && p.task.is_none() {
                    p.task = Some(s.2.to_string());
                }
            }
        }
        indicators.extend(f.indicators);
        dedupe_points(&mut indicators);
        // Ids in order (a table's and the prose's were numbered apart).
        for (k, i) in indicators.iter_mut().enumerate() {
            i.id = format!("{code}-i{}", k + 1);
        }
    }
    step(Phase::Done)?;

    // Nothing read: show what was seen (a table's rows, numbered items,
    // sentences with a number and a unit), marked as guesses; "not a plan"
    // only when there is none of these.
    let mut seen = None;
    if tasks.is_empty() && indicators.is_empty() && actual_rows.is_empty() {
        let s = see(&text, &shown);
        if s.rows.is_empty() && s.items.is_empty() && s.sentences.is_empty() {
            return Err(ImportError::NotAPlan);
        }
        if s.rows.len() >= 2 {
            kind = ImportKind::Indicators;
            layout = ImportLayout::IndicatorTable;
        }
        seen = Some(s);
    }

    // The rule the report gives, and guesses about roles.
    let rule = opts.role_rule.or(stated.map(|s| s.1)).unwrap_or(if marked {
        RoleRule::LeadAndSupport
    } else {
        RoleRule::AllResponsible
    });
    if kind == ImportKind::Tasks {
        doc.role_rule = rule;
        rule_line = rule_line.or(stated.map(|s| s.0));
        match rule {
            RoleRule::AllResponsible if opts.role_rule.is_none() => guesses.push(Guess {
                code: GuessCode::AllResponsible,
                detail: String::new(),
                line: None,
            }),
            RoleRule::FirstLeads => guesses.push(Guess {
                code: GuessCode::RoleByPosition,
                detail: String::new(),
                line: rule_line,
            }),
            _ => {}
        }
    } else {
        doc.role_rule = RoleRule::NoTasks;
        doc.kind = match kind {
            ImportKind::Prose => DocKind::PlanOutline,
            _ => DocKind::TargetTable,
        };
    }
    if decoded.format == Format::Docx && shown.contains('．') {
        guesses.push(Guess {
            code: GuessCode::AutoNumbering,
            detail: String::new(),
            line: None,
        });
    }

    // Quotes as the input writes them (the parsers read the normalised text).
    let ix = crate::text::LineIndex::new(&shown);
    for t in &mut tasks {
        t.quote = clean_cell(ix.slice(t.lines)).to_string();
        for p in &t.problems {
            if p.code == ProblemCode::UnknownUnit {
                guesses.push(Guess {
                    code: GuessCode::UnknownUnit,
                    detail: p.detail.clone(),
                    line: p.line,
                });
            }
        }
        for l in t.lines.start..=t.lines.end {
            used.push(l);
        }
    }
    // Lines outside any task are in the report's unused lines, not problems.
    problems.retain(|p| p.code != ProblemCode::StrayLine);
    let agencies = registry.into_used(&tasks);

    // Actual values: to the import's own indicators where they match.
    let left = actuals::apply(&mut indicators, &actual_rows, None);
    for k in &left {
        let a = &actual_rows[*k];
        if kind != ImportKind::Actuals {
            guesses.push(Guess {
                code: GuessCode::UnmatchedActual,
                detail: a.indicator.clone(),
                line: Some(a.line),
            });
        }
    }

    used.sort_unstable();
    used.dedup();
    let mut unused = Vec::new();
    let mut k = 0;
    for (i, l) in shown.split('\n').enumerate() {
        let no = i as u32 + 1;
        while k < used.len() && used[k] < no {
            k += 1;
        }
        let t = clean_cell(l);
        if !t.is_empty() && used.get(k) != Some(&no) {
            unused.push(Unused {
                line: no,
                text: t.chars().take(80).collect(),
            });
        }
    }
    let counts = Counts {
        lines: shown.split('\n').count() as u32,
        tasks: tasks.len() as u32,
        units: tasks.iter().map(|t| t.units.len() as u32).sum(),
        agencies: agencies.len() as u32,
        unknown_agencies: agencies.iter().filter(|a| !a.known).count() as u32,
        leaders: leaders.len() as u32,
        indicators: indicators.len() as u32,
        points: indicators.iter().map(|i| i.points.len() as u32).sum(),
        actuals: actual_rows.len() as u32,
    };
    let report = Report {
        format: decoded.format,
        encoding: decoded.encoding.to_string(),
        kind,
        layout,
        columns: columns
            .into_iter()
            .map(|(label, column)| ColumnUse { label, column })
            .collect(),
        role_rule: doc.role_rule,
        role_rule_line: if kind == ImportKind::Tasks {
            rule_line
        } else {
            None
        },
        forced: opts.kind.is_some()
            || opts.columns.is_some()
            || opts.role_rule.is_some()
            || opts.header_line.is_some()
            || opts.transpose.is_some()
            || opts.undated_year.is_some(),
        counts,
        unused,
        guesses,
        seen,
    };
    doc.text = shown.clone();
    Ok(Import {
        name: name.to_string(),
        document: doc,
        text: shown,
        tasks,
        agencies,
        indicators,
        actuals: actual_rows,
        leaders: leaders
            .into_iter()
            .map(|(line, task, name)| Leader { task, name, line })
            .collect(),
        problems,
        report,
    })
}

/// A value stated twice (a table and the prose around it, a headline and
/// the body): its later statements go. Same year, value, unit, bound and
/// kind, and names that overlap (most characters of the shorter in the
/// longer). Bounded work per point.
fn dedupe_points(indicators: &mut Vec<Indicator>) {
    use std::collections::HashMap;
    type Key = (Option<i32>, u64, String, &'static str, bool);
    // The names a key was read under, and the sentence of its first reading.
    let mut seen: HashMap<Key, (Vec<String>, String)> = HashMap::new();
    // One name holds the other, or they share a run of most of the
    // shorter's characters (names are short: at most 30 characters each).
    let similar = |a: &str, b: &str| {
        let a: Vec<char> = a.chars().take(60).collect();
        let b: Vec<char> = b.chars().take(60).collect();
        let n = a.len().min(b.len()).max(1);
        let mut best = 0;
        let mut prev = vec![0usize; b.len() + 1];
        for x in &a {
            let mut cur = vec![0usize; b.len() + 1];
            for (j, y) in b.iter().enumerate() {
                if x == y {
                    cur[j + 1] = prev[j] + 1;
                    best = best.max(cur[j + 1]);
                }
            }
            prev = cur;
        }
        best == n || best >= 4 && best * 10 >= n * 7
    };
    for ind in indicators.iter_mut() {
        let name = ind.name.clone();
        let unit = ind.unit.clone();
        ind.points.retain(|p| {
            let key = (
                p.year,
                p.value.to_bits(),
                unit.clone(),
                p.bound.symbol(),
                p.kind == crate::indicators::PointKind::Target,
            );
            let (names, first) = seen.entry(key).or_default();
            // "经济增长预期目标6.5%－7%", "今年的经济增长目标定为7.5%左右"
            // after the list of the year's targets: the same dated value
            // again, explained in a sentence of its own (in one sentence,
            // two indicators may share a value: A增长7%，B增长7%).
            let restated = p.year.is_some()
                && !names.is_empty()
                && *first != p.snippet
                && p.snippet
                    .find(p.written.as_str())
                    .is_some_and(|at| p.snippet[..at].contains("目标"));
            // A sum in 亿元 (3000亿元) dated and bounded alike in a headline,
            // the lead and the body is one target named three ways (GDP,
            // 总量, 地区生产总值): a coincidence of such values is unlikely.
            let amount = p.year.is_some() && !names.is_empty() && unit.ends_with("亿元");
            if restated || amount || names.iter().take(50).any(|n| similar(n, &name)) {
                return false;
            }
            if names.is_empty() {
                first.clone_from(&p.snippet);
            }
            names.push(name.clone());
            true
        });
    }
    indicators.retain(|i| !i.points.is_empty());
}

/// The first line with content, as a title (at most 60 characters).
fn title_of(text: &str) -> String {
    text.lines()
        .map(clean_cell)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(60).collect())
        .unwrap_or_default()
}
