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
pub mod decode;
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

/// What a reader may force; each is detected when not given.
#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct ImportOptions {
    /// The document code used in ids ("imp1" → tasks "imp1-1").
    pub code: String,
    pub kind: Option<ImportKind>,
    /// One column per header cell, in order (tables).
    pub columns: Option<Vec<Column>>,
    pub role_rule: Option<RoleRule>,
    /// The year 今年 means (default: the document's date, if it states one).
    pub year: Option<i32>,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions {
            code: "imp1".into(),
            kind: None,
            columns: None,
            role_rule: None,
            year: None,
        }
    }
}

/// Why an input could not be imported.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportError {
    Empty,
    TooLarge {
        bytes: u64,
    },
    /// NUL bytes or control characters: not a text.
    Binary,
    /// Not UTF-8 or UTF-16 with a BOM (nor GB18030, where that feature is on).
    NotText,
    /// A format not read: "pdf", "doc/xls", "docx/xlsx" (without the `office` feature).
    Unsupported(String),
    /// A `.docx`/`.xlsx` that cannot be read, and why.
    BadOffice(String),
    /// Text, but neither tasks, nor targets, nor actual values.
    NotAPlan,
    /// The progress callback asked to stop.
    Cancelled,
}

impl ImportError {
    /// The reason in one line.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            ImportError::Empty if zh => "文件为空：没有可读取的内容。".into(),
            ImportError::Empty => "The file is empty: nothing to read.".into(),
            ImportError::TooLarge { bytes } if zh => {
                format!("文件过大（{} MB）：最多读取 20 MB。", bytes / 1_048_576)
            }
            ImportError::TooLarge { bytes } => {
                format!("The file is too large ({} MB): at most 20 MB is read.", bytes / 1_048_576)
            }
            ImportError::Binary if zh => "这不是文本文件（含有二进制数据）。".into(),
            ImportError::Binary => "This is not a text file (it holds binary data).".into(),
            ImportError::NotText if zh => "无法识别文本编码：请另存为 UTF-8 文本。".into(),
            ImportError::NotText => "Unknown text encoding: save the file as UTF-8 text.".into(),
            ImportError::Unsupported(f) if zh => {
                format!("不支持此格式（{f}）：请复制其中的文字粘贴，或另存为 .txt、.csv、.docx 或 .xlsx。")
            }
            ImportError::Unsupported(f) => format!(
                "This format ({f}) is not read: paste its text, or save it as .txt, .csv, .docx or .xlsx."
            ),
            ImportError::BadOffice(why) if zh => format!("无法读取此 Office 文件：{why}。"),
            ImportError::BadOffice(why) => format!("This Office file cannot be read: {why}."),
            ImportError::NotAPlan if zh => {
                "未找到任务、指标或实际值：这似乎不是规划文件。".into()
            }
            ImportError::NotAPlan => {
                "No tasks, indicators or actual values found: this does not look like a plan.".into()
            }
            ImportError::Cancelled if zh => "已取消。".into(),
            ImportError::Cancelled => "Cancelled.".into(),
        }
    }
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
    let text = normalize(&shown);
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
    // Tables first: a header line decides.
    let task_table = crate::table::find_header(&text);
    let ind_table = targets::find_header(&text);
    let act_table = actuals::find_header(&text);
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
            let f = targets::parse_table(&text, &shown, code, code, at, spaces, forced_cols);
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
        // Targets in the prose, outside the tasks.
        let mut in_task = vec![false; text.split('\n').count() + 2];
        for t in &tasks {
            for l in t.lines.start..=t.lines.end {
                if let Some(x) = in_task.get_mut(l as usize) {
                    *x = true;
                }
            }
        }
        let skip = |l: u32| in_task.get(l as usize).copied().unwrap_or(false);
        let f = targets::parse_prose(&text, &shown, code, code, &skip, year);
        used.extend(&f.used);
        guesses.extend(f.guesses);
        if !f.indicators.is_empty() && tasks.is_empty() {
            kind = ImportKind::Prose;
            layout = ImportLayout::Prose;
        }
        indicators = f.indicators;
    }
    step(Phase::Done)?;

    if tasks.is_empty() && indicators.is_empty() && actual_rows.is_empty() {
        return Err(ImportError::NotAPlan);
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
    let left = actuals::apply(&mut indicators, &actual_rows);
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
        forced: opts.kind.is_some() || opts.columns.is_some() || opts.role_rule.is_some(),
        counts,
        unused,
        guesses,
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

/// The first line with content, as a title (at most 60 characters).
fn title_of(text: &str) -> String {
    text.lines()
        .map(clean_cell)
        .find(|l| !l.is_empty())
        .map(|l| l.chars().take(60).collect())
        .unwrap_or_default()
}

/// Add an import to a dataset under the document code `code` (ids
/// "<code>-1", "<code>-i1"; pick one no seed uses, e.g. "imp1"): its
/// document with its text, tasks, the agencies the dataset lacks,
/// indicators, categories and problems; its actual values go to the
/// dataset's indicators they name (and the import's own).
pub fn merge(ds: &mut Dataset, imp: &Import, code: &str) {
    let old = &imp.document.code;
    let rename = |id: &str| match id
        .strip_prefix(old.as_str())
        .and_then(|r| r.strip_prefix('-'))
    {
        Some(rest) => format!("{code}-{rest}"),
        None => id.to_string(),
    };
    let mut doc = imp.document.clone();
    doc.id = code.to_string();
    doc.code = code.to_string();
    doc.text = imp.text.clone();
    ds.documents.push(doc);
    for t in &imp.tasks {
        let mut t = t.clone();
        t.id = rename(&t.id);
        t.document = code.to_string();
        ds.tasks.push(t);
    }
    let mut have: std::collections::HashSet<String> =
        ds.agencies.iter().map(|a| a.id.clone()).collect();
    for a in &imp.agencies {
        if have.insert(a.id.clone()) {
            ds.agencies.push(a.clone());
        }
    }
    for i in &imp.indicators {
        let mut i = i.clone();
        i.id = rename(&i.id);
        i.document = code.to_string();
        if i.name_en.is_empty() {
            i.name_en = i.name.clone();
        }
        if let Some(u) = ds.units.iter().find(|u| u.zh == i.unit) {
            i.unit_en = u.en.clone();
            i.unit_en_short = u.en_short.clone();
        }
        if !i.group.is_empty() && !ds.groups.iter().any(|g| g.zh == i.group) {
            ds.groups.push(Named {
                document: String::new(),
                zh: i.group.clone(),
                en: i.group.clone(),
            });
        }
        ds.indicators.push(i);
    }
    let mut seen = std::collections::HashSet::new();
    for t in &imp.tasks {
        if seen.insert(t.category.clone()) {
            ds.categories.push(Named {
                document: code.to_string(),
                zh: t.category.clone(),
                en: t.category.clone(),
            });
        }
    }
    let _ = actuals::apply(&mut ds.indicators, &imp.actuals);
    ds.problems
        .extend(imp.problems.iter().map(|p| (code.to_string(), p.clone())));
    ds.reindex();
}

/// An import as JSON: the export schema ([`crate::export`], `changzhutan-plans/1`)
/// of a dataset holding only the import (merged under its own code), with
/// an `import` section: the file name, the report, the document's problems
/// and every task's (worded in Chinese and English), the leaders and the
/// actual values.
pub fn to_json(imp: &Import) -> String {
    #[derive(Serialize)]
    struct ExProblem<'a> {
        task: Option<&'a str>,
        code: ProblemCode,
        line: Option<u32>,
        detail: &'a str,
        message: String,
        message_en: String,
    }
    #[derive(Serialize)]
    struct Section<'a> {
        name: &'a str,
        report: &'a Report,
        problems: Vec<ExProblem<'a>>,
        leaders: &'a [Leader],
        actuals: &'a [Actual],
    }
    let mut ds = Dataset::default();
    merge(&mut ds, imp, &imp.document.code);
    let mut problems = Vec::new();
    for p in &imp.problems {
        problems.push(ExProblem {
            task: None,
            code: p.code,
            line: p.line,
            detail: &p.detail,
            message: p.message(Lang::Zh),
            message_en: p.message(Lang::En),
        });
    }
    for t in &imp.tasks {
        for p in &t.problems {
            problems.push(ExProblem {
                task: Some(&t.id),
                code: p.code,
                line: p.line,
                detail: &p.detail,
                message: p.message(Lang::Zh),
                message_en: p.message(Lang::En),
            });
        }
    }
    let mut v = serde_json::to_value(crate::export::export(&ds)).unwrap_or_default();
    let section = Section {
        name: &imp.name,
        report: &imp.report,
        problems,
        leaders: &imp.leaders,
        actuals: &imp.actuals,
    };
    if let (Some(map), Ok(s)) = (v.as_object_mut(), serde_json::to_value(section)) {
        map.insert("import".into(), s);
    }
    serde_json::to_string_pretty(&v).unwrap_or_default()
}
