//! Everything the seeds say with a number: every number with a unit in the
//! five texts is either in the dataset (inside the snippet of an indicator's
//! point or a statement, where it is read) or in `data/omitted.toml` with
//! the reason it is left out. `numbers_per_seed` lists them all, per seed,
//! with where each went (tests/snapshots/coverage__numbers.snap).
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write;

use changzhutan_plans::plan::curated::{omitted, OmittedFile};
use changzhutan_plans::plan::Dataset;
use regex::Regex;

/// A number (with a decimal part or a fraction) and its unit; 多/余 may
/// stand between ("200多个"). A four-digit year (2019年) is a date, not a
/// quantity: dates are the milestones' and the targets' years.
const NUMBER: &str = r"(\d+(?:\.\d+)?(?:/\d+)?(?:多|余)?\s?(?:万亿元|亿元|万元|元|万人|人|万平方公里|公里/平方公里|平方公里|万平方米|平方米|公里|吨级|个|件|家|条|年|岁|%|ug/m3|项|名|所|座|倍|小时|分钟))";

/// Every number with a unit in `text`: (byte start, byte end, as written).
fn numbers(text: &str) -> Vec<(usize, usize, String)> {
    let re = Regex::new(NUMBER).unwrap();
    let year = Regex::new(r"^\d{4}\s?年$").unwrap();
    re.find_iter(text)
        // Not the tail of a longer number ("PM2.5").
        .filter(|m| !text[..m.start()].ends_with(|c: char| c.is_ascii_digit() || c == '.'))
        .filter(|m| !year.is_match(m.as_str()))
        .map(|m| (m.start(), m.end(), m.as_str().to_string()))
        .collect()
}

/// Where in `text` the dataset reads something: every occurrence of every
/// snippet of an indicator point or a statement of the document.
fn read_spans(ds: &Dataset, doc: &str, text: &str) -> Vec<(usize, usize, String)> {
    let mut snippets: Vec<(String, String)> = Vec::new();
    for i in ds.indicators.iter().filter(|i| i.document == doc) {
        for p in &i.points {
            snippets.push((format!("indicator {}", i.id), p.snippet.clone()));
        }
    }
    for s in ds.statements.iter().filter(|s| s.document == doc) {
        snippets.push((format!("statement {}", s.id), s.snippet.clone()));
    }
    let mut spans = Vec::new();
    for (what, snip) in snippets {
        for (at, _) in text.match_indices(snip.as_str()) {
            spans.push((at, at + snip.len(), what.clone()));
        }
    }
    spans
}

fn omitted_file() -> OmittedFile {
    let mut problems = Vec::new();
    let f = omitted(&mut problems);
    assert!(problems.is_empty(), "{problems:?}");
    f
}

#[test]
fn numbers_per_seed() {
    let ds = Dataset::load();
    let left_out = omitted_file();
    let mut report = String::new();
    let mut missing = Vec::new();
    for d in &ds.documents {
        let spans = read_spans(&ds, &d.id, &d.text);
        let _ = writeln!(report, "{} ({})", d.code, d.file);
        for (start, end, written) in numbers(&d.text) {
            let line = d.text[..start].matches('\n').count() + 1;
            let read: Vec<&str> = spans
                .iter()
                .filter(|(a, b, _)| *a <= start && end <= *b)
                .map(|(_, _, w)| w.as_str())
                .collect();
            let skipped = left_out.omitted.iter().find(|o| {
                o.document == d.code
                    && o.what == "number"
                    && d.text
                        .match_indices(o.text.as_str())
                        .any(|(a, _)| a <= start && end <= a + o.text.len())
            });
            let whereto = match (read.first(), skipped) {
                (Some(w), _) => w.to_string(),
                (None, Some(o)) => format!("omitted: {}", o.reason),
                (None, None) => {
                    missing.push(format!("{} line {line}: {written}", d.code));
                    "MISSING".to_string()
                }
            };
            let _ = writeln!(report, "  {line}: {written} → {whereto}");
        }
    }
    assert!(
        missing.is_empty(),
        "numbers neither in the dataset nor in data/omitted.toml:\n{}",
        missing.join("\n")
    );
    insta::assert_snapshot!("numbers", report);
}

/// What is left out is there, verbatim, with its reason in both languages.
#[test]
fn every_omission_is_verbatim_and_says_why() {
    let ds = Dataset::load();
    let f = omitted_file();
    assert!(!f.omitted.is_empty());
    for o in &f.omitted {
        let doc = ds
            .documents
            .iter()
            .find(|d| d.code == o.document)
            .unwrap_or_else(|| panic!("no document {}", o.document));
        assert!(
            doc.text.contains(&o.text),
            "{}: not verbatim: {}",
            o.document,
            o.text
        );
        assert!(
            ["number", "place", "date", "commitment", "name"].contains(&o.what.as_str()),
            "{}: {}",
            o.text,
            o.what
        );
        assert!(
            !o.reason.trim().is_empty() && !o.reason_en.trim().is_empty(),
            "{}",
            o.text
        );
        assert!(
            !o.reason_en
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            o.text
        );
    }
}

#[test]
fn the_pattern_finds_numbers_with_units_and_leaves_years() {
    let got: Vec<String> =
        numbers("2019年,地区生产总值1.68万亿元,比上年增长8%,与200多个国家;占42.1 %;新建3个")
            .into_iter()
            .map(|n| n.2)
            .collect();
    assert_eq!(got, ["1.68万亿元", "8%", "200多个", "42.1 %", "3个"]);
}
