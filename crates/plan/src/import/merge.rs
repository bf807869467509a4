//! An import merged into a dataset, and as JSON.

use super::*;

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
    let before = ds.indicators.len();
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
    // The import's own indicators took their actual values when it was
    // read; the rest go to the dataset's, and what matches none is said,
    // not dropped.
    let own = |a: &Actual| {
        imp.indicators.iter().any(|i| {
            i.points.iter().any(|p| {
                p.kind == crate::PointKind::Actual
                    && p.year == Some(a.year)
                    && p.lines.start == a.line
            })
        })
    };
    let theirs: Vec<Actual> = imp.actuals.iter().filter(|a| !own(a)).cloned().collect();
    let left = actuals::apply(&mut ds.indicators[..before], &theirs, Some(code));
    ds.problems
        .extend(imp.problems.iter().map(|p| (code.to_string(), p.clone())));
    ds.problems.extend(left.into_iter().map(|k| {
        let a = &theirs[k];
        (
            code.to_string(),
            Problem {
                code: ProblemCode::UnmatchedActual,
                detail: format!("{} {}: {}", a.indicator, a.year, a.written),
                line: Some(a.line),
            },
        )
    }));
    ds.reindex();
}

/// An import as JSON: the export schema ([`crate::export`], `changzhutan-plans/1`)
/// of a dataset holding only the import (merged under its own code), with
/// an `import` section: the file name, the report, the document's problems
/// and every task's (worded in Chinese and English), the leaders and the
/// actual values.
pub fn to_json(imp: &Import, words: &dyn crate::Wording) -> String {
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
            message: words.problem(p, Lang::Zh),
            message_en: words.problem(p, Lang::En),
        });
    }
    for t in &imp.tasks {
        for p in &t.problems {
            problems.push(ExProblem {
                task: Some(&t.id),
                code: p.code,
                line: p.line,
                detail: &p.detail,
                message: words.problem(p, Lang::Zh),
                message_en: words.problem(p, Lang::En),
            });
        }
    }
    let mut v = serde_json::to_value(crate::export::export(&ds, words)).unwrap_or_default();
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
